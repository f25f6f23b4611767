/*
 * validate.c: validators for untrusted input; see validate.h.
 *
 * Everything here walks the input by index against len.  The <ctype.h>
 * classifiers are avoided on purpose: they depend on the locale and are
 * undefined for negative char values, and the formats checked here are
 * defined in plain ASCII.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "validate.h"

static bool
valid_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
valid_is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* True when c occurs in the NUL-terminated set; NUL itself never does. */
static bool
valid_in_set(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

/* Length of the run of ASCII digits starting at s[i]. */
static size_t
valid_digit_run(const char *s, size_t len, size_t i)
{
	size_t	 n = 0;

	while (i + n < len && valid_is_digit(s[i + n]))
		n++;
	return n;
}

/* Value of the n digits at s[i]; the caller has checked they are digits. */
static int
valid_number(const char *s, size_t i, size_t n)
{
	int	 v = 0;
	size_t	 k;

	for (k = 0; k < n; k++)
		v = v * 10 + (s[i + k] - '0');
	return v;
}

/*
 * Decodes one RFC 3629 sequence at s[i] (i < len).  Returns its length in
 * bytes and stores the code point in *cp, or returns 0 when the bytes are
 * not well-formed: bad lead byte, missing or stray continuation byte,
 * overlong form, surrogate, above U+10FFFF, or cut short by len.
 * C0 and C1 are never valid lead bytes (they could only start overlong
 * two-byte forms), and F5..FF could only start code points past U+10FFFF.
 */
static size_t
utf8_decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	unsigned char	 c = s[i];
	uint32_t	 v, min;
	size_t		 n, k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else
		return 0;
	if (len - i < n)
		return 0;
	for (k = 1; k < n; k++) {
		if ((s[i + k] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i + k] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

bool
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i, n;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(u, len, i, &cp)) == 0 || cp == 0)
			return false;
	}
	return true;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t	 i, count = 0;

	/* Every code point has exactly one byte that is not 10xxxxxx. */
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

/* May code point cp appear in a text field? */
static bool
text_char_ok(uint32_t cp, bool multiline)
{
	if (cp < 0x20)
		return multiline && (cp == '\n' || cp == '\r' || cp == '\t');
	if (cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
		return false;
	/* LINE and PARAGRAPH SEPARATOR end lines in browsers and JS. */
	if (cp == 0x2028 || cp == 0x2029)
		return false;
	return true;
}

bool
text_clean(const char *s, size_t len, bool multiline)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i, n;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(u, len, i, &cp)) == 0)
			return false;
		if (!text_char_ok(cp, multiline))
			return false;
	}
	return true;
}

static bool
valid_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Is y-m-d a real Gregorian date? */
static bool
valid_date(int y, int m, int d)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 max;

	if (m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1] + (m == 2 && valid_leap(y));
	return d <= max;
}

/*
 * Province-level codes of GB/T 2260 in use, plus 71 (Taiwan), 81/82 (Hong
 * Kong, Macao), 83 (Taiwan residents' residence permits) and 91 (abroad).
 */
static bool
valid_province(int code)
{
	static const struct {
		int	 lo, hi;
	} ranges[] = {
		{ 11, 15 }, { 21, 23 }, { 31, 37 }, { 41, 46 }, { 50, 54 },
		{ 61, 65 }, { 71, 71 }, { 81, 83 }, { 91, 91 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (code >= ranges[i].lo && code <= ranges[i].hi)
			return true;
	return false;
}

/* ISO 7064 MOD 11-2 check character over the 17 digits at s. */
static char
valid_id_check(const char *s)
{
	static const int weights[17] =
	    { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	int	 i, sum = 0;

	for (i = 0; i < 17; i++)
		sum += (s[i] - '0') * weights[i];
	return "10X98765432"[sum % 11];
}

bool
valid_id_number_asof(const char *s, size_t len, long today)
{
	int	 y, m, d;
	char	 c;

	if (len != 18 || valid_digit_run(s, len, 0) < 17)
		return false;
	c = s[17] == 'x' ? 'X' : s[17];
	if (c != valid_id_check(s))
		return false;
	if (!valid_province(valid_number(s, 0, 2)))
		return false;
	y = valid_number(s, 6, 4);
	m = valid_number(s, 10, 2);
	d = valid_number(s, 12, 2);
	if (y < 1900 || !valid_date(y, m, d))
		return false;
	return (long)y * 10000 + m * 100 + d <= today;
}

bool
valid_id_number(const char *s, size_t len)
{
	struct tm	 tm;
	time_t		 now = time(NULL);

	/* The people concerned live in China: local time is the right day. */
	if (now == (time_t)-1 || localtime_r(&now, &tm) == NULL)
		return false;
	return valid_id_number_asof(s, len, (long)(tm.tm_year + 1900) * 10000 +
	    (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

/* GB 32100 value of c (its index in the code alphabet), or -1. */
static int
valid_credit_value(char c)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	const char	*p;

	if (c == '\0' || (p = strchr(alphabet, c)) == NULL)
		return -1;
	return (int)(p - alphabet);
}

bool
valid_credit_code(const char *s, size_t len)
{
	static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29,
	    25, 13, 8, 24, 10, 30, 28 };
	int	 i, v, sum = 0, check;

	if (len != 18)
		return false;
	for (i = 0; i < 17; i++) {
		if ((v = valid_credit_value(s[i])) < 0)
			return false;
		sum += v * weights[i];
	}
	/* Characters 3-8 are the registering authority's division code. */
	if (valid_digit_run(s, len, 2) < 6)
		return false;
	check = 31 - sum % 31;
	if (check == 31)
		check = 0;
	return valid_credit_value(s[17]) == check;
}

/* 1[3-9] and nine more digits, exactly filling s[i..len). */
static bool
valid_mobile_at(const char *s, size_t len, size_t i)
{
	return len - i == 11 && valid_digit_run(s, len, i) == 11 &&
	    s[i] == '1' && s[i + 1] >= '3';
}

static bool
valid_mobile(const char *s, size_t len)
{
	size_t	 i = 0;

	if (len >= 3 && memcmp(s, "+86", 3) == 0)
		i = 3;
	else if (len >= 2 && memcmp(s, "86", 2) == 0)
		i = 2;
	if (i > 0 && i < len && (s[i] == ' ' || s[i] == '-'))
		i++;
	return i <= len && valid_mobile_at(s, len, i);
}

/* Optional extension at s[i..len): nothing, or "-"/"转" and 1-6 digits. */
static bool
valid_extension(const char *s, size_t len, size_t i)
{
	static const char zhuan[] = "\xe8\xbd\xac";	/* 转 in UTF-8 */
	size_t	 n;

	if (i == len)
		return true;
	if (s[i] == '-')
		i++;
	else if (len - i >= 3 && memcmp(s + i, zhuan, 3) == 0)
		i += 3;
	else
		return false;
	n = valid_digit_run(s, len, i);
	return n >= 1 && n <= 6 && i + n == len;
}

static bool
valid_landline(const char *s, size_t len)
{
	size_t	 i, n;

	if (len < 3 || s[0] != '0')
		return false;
	/*
	 * The numbering plan fixes the area code's length, which is what
	 * makes "02583302760" unambiguous without a separator: 010 and
	 * 020-029 have two digits after the 0, 03xx-09xx three.
	 */
	if (s[1] == '1' && s[2] == '0')
		i = 3;
	else if (s[1] == '2' && valid_is_digit(s[2]))
		i = 3;
	else if (s[1] >= '3' && s[1] <= '9' && valid_digit_run(s, len, 1) >= 3)
		i = 4;
	else
		return false;
	if (i < len && (s[i] == '-' || s[i] == ' '))
		i++;
	n = valid_digit_run(s, len, i);
	if (n < 7 || n > 8)
		return false;
	return valid_extension(s, len, i + n);
}

/* An optional '-' or ' ' and then exactly n digits, advancing *i. */
static bool
valid_group(const char *s, size_t len, size_t *i, size_t n)
{
	if (*i < len && (s[*i] == '-' || s[*i] == ' '))
		(*i)++;
	if (len - *i < n || valid_digit_run(s, len, *i) < n)
		return false;
	*i += n;
	return true;
}

/* 400/800 service numbers: 3-3-4 digits, separators optional. */
static bool
valid_service(const char *s, size_t len)
{
	size_t	 i = 3;

	if (len < 3 || (memcmp(s, "400", 3) != 0 && memcmp(s, "800", 3) != 0))
		return false;
	return valid_group(s, len, &i, 3) && valid_group(s, len, &i, 4) &&
	    i == len;
}

bool
valid_phone(const char *s, size_t len)
{
	return valid_mobile(s, len) || valid_landline(s, len) ||
	    valid_service(s, len);
}

static bool
valid_email_local(const char *s, size_t len)
{
	size_t	 i;

	if (len < 1 || len > 64 || s[0] == '.' || s[len - 1] == '.')
		return false;
	for (i = 0; i < len; i++) {
		if (!valid_is_digit(s[i]) && !valid_is_alpha(s[i]) &&
		    !valid_in_set(s[i], ".!#$%&'*+/=?^_`{|}~-"))
			return false;
		if (s[i] == '.' && s[i - 1] == '.')
			return false;
	}
	return true;
}

/* One DNS label: 1-63 of [A-Za-z0-9-], no '-' at either end. */
static bool
valid_label(const char *s, size_t len)
{
	size_t	 i;

	if (len < 1 || len > 63 || s[0] == '-' || s[len - 1] == '-')
		return false;
	for (i = 0; i < len; i++)
		if (!valid_is_digit(s[i]) && !valid_is_alpha(s[i]) &&
		    s[i] != '-')
			return false;
	return true;
}

static bool
valid_email_domain(const char *s, size_t len)
{
	size_t	 start = 0, end, labels = 0, i;

	if (len < 1 || len > 253)
		return false;
	for (;;) {
		for (end = start; end < len && s[end] != '.'; end++)
			continue;
		if (!valid_label(s + start, end - start))
			return false;
		labels++;
		if (end == len)
			break;
		start = end + 1;
	}
	/* s[start..len) is now the top-level domain. */
	if (labels < 2 || len - start < 2)
		return false;
	for (i = start; i < len; i++)
		if (!valid_is_alpha(s[i]))
			return false;
	return true;
}

bool
valid_email(const char *s, size_t len)
{
	size_t	 i, at = len;

	if (len > 254)
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] != '@')
			continue;
		if (at != len)
			return false;
		at = i;
	}
	if (at == len)
		return false;
	return valid_email_local(s, at) &&
	    valid_email_domain(s + at + 1, len - at - 1);
}

bool
valid_region_code(const char *s, size_t len)
{
	return len == 6 && valid_digit_run(s, len, 0) == 6;
}
