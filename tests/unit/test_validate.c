/*
 * test_validate.c: unit tests for lib/validate.c.
 *
 * Every input is copied into a heap buffer of exactly its length before
 * the validator sees it, so that under AddressSanitizer a read of s[len]
 * fails the run instead of passing silently.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "validate.h"

typedef bool (*validator)(const char *, size_t);

static bool
run(validator fn, const char *s, size_t len)
{
	char	*p = exact_copy(s, len);
	bool	 ok = fn(p, len);

	free(p);
	return ok;
}

/* String literals, embedded NULs included; the terminating NUL is not. */
#define OK(fn, lit)	CHECK(run((fn), (lit), sizeof(lit) - 1))
#define BAD(fn, lit)	CHECK(!run((fn), (lit), sizeof(lit) - 1))

static bool
clean_line(const char *s, size_t len)
{
	return text_clean(s, len, false);
}

static bool
clean_multi(const char *s, size_t len)
{
	return text_clean(s, len, true);
}

static size_t
count_exact(const char *s, size_t len)
{
	char	*p = exact_copy(s, len);
	size_t	 n = utf8_count(p, len);

	free(p);
	return n;
}

static void
test_utf8_valid_accepts_well_formed(void)
{
	OK(utf8_valid, "");
	OK(utf8_valid, "plain ASCII");
	OK(utf8_valid, "举报落后产能：某钢铁厂仍在使用淘汰的高炉");
	OK(utf8_valid, "\xc2\x80");			/* U+0080, smallest 2-byte */
	OK(utf8_valid, "\xed\x9f\xbf");			/* U+D7FF, below surrogates */
	OK(utf8_valid, "\xee\x80\x80");			/* U+E000, above surrogates */
	OK(utf8_valid, "\xf0\x9f\x98\x80");		/* U+1F600 */
	OK(utf8_valid, "\xf4\x8f\xbf\xbf");		/* U+10FFFF, the last */
}

static void
test_utf8_valid_refuses_overlong(void)
{
	BAD(utf8_valid, "\xc0\xaf");			/* '/' in two bytes */
	BAD(utf8_valid, "\xc1\xbf");
	BAD(utf8_valid, "\xe0\x80\xaf");		/* '/' in three bytes */
	BAD(utf8_valid, "\xe0\x9f\xbf");		/* U+07FF in three */
	BAD(utf8_valid, "\xf0\x80\x80\xaf");		/* '/' in four bytes */
	BAD(utf8_valid, "\xf0\x8f\xbf\xbf");		/* U+FFFF in four */
	BAD(utf8_valid, "\xc0\x80");			/* "modified UTF-8" NUL */
}

static void
test_utf8_valid_refuses_surrogates(void)
{
	BAD(utf8_valid, "\xed\xa0\x80");		/* U+D800 */
	BAD(utf8_valid, "\xed\xbf\xbf");		/* U+DFFF */
	BAD(utf8_valid, "\xed\xa0\xbd\xed\xb8\x80");	/* CESU-8 pair */
}

static void
test_utf8_valid_refuses_above_10ffff(void)
{
	BAD(utf8_valid, "\xf4\x90\x80\x80");		/* U+110000 */
	BAD(utf8_valid, "\xf5\x80\x80\x80");
	BAD(utf8_valid, "\xf8\x88\x80\x80\x80");	/* old 5-byte form */
	BAD(utf8_valid, "\xff");
	BAD(utf8_valid, "\xfe");
}

static void
test_utf8_valid_refuses_truncated(void)
{
	BAD(utf8_valid, "\xe4\xb8");			/* 举 without its tail */
	BAD(utf8_valid, "ab\xe4");
	BAD(utf8_valid, "\xf0\x9f\x98");
	BAD(utf8_valid, "\xe4\xb8" "a");		/* tail replaced */
	/* 举 is E4 B8 BE: cut by len, not by the bytes in memory. */
	CHECK(!run(utf8_valid, "\xe4\xb8\xbe", 2));
}

static void
test_utf8_valid_refuses_nul(void)
{
	BAD(utf8_valid, "\0");
	BAD(utf8_valid, "ab\0cd");
	BAD(utf8_valid, "举报\0");
}

static void
test_utf8_valid_refuses_stray_continuation(void)
{
	BAD(utf8_valid, "\x80");
	BAD(utf8_valid, "a\xbf" "b");
	BAD(utf8_valid, "\xe4\xb8\xbe\xbe");		/* one too many */
}

static void
test_utf8_count(void)
{
	CHECK(count_exact("举报ab", strlen("举报ab")) == 4);
	CHECK(count_exact("", 0) == 0);
	CHECK(count_exact("abc", 3) == 3);
	CHECK(count_exact("\xf0\x9f\x98\x80x", 5) == 2);
}

static void
test_text_clean_whitespace_only_multiline(void)
{
	OK(clean_line, "举报 ab");			/* space is fine */
	BAD(clean_line, "a\tb");
	BAD(clean_line, "a\nb");
	BAD(clean_line, "a\rb");
	OK(clean_multi, "a\tb");
	OK(clean_multi, "第一行\r\n第二行\n");
}

static void
test_text_clean_refuses_controls(void)
{
	BAD(clean_line, "\x01");
	BAD(clean_multi, "\x01");
	BAD(clean_multi, "a\x1b[31m");			/* ESC */
	BAD(clean_multi, "a\0b");
	BAD(clean_multi, "\x7f");			/* DEL */
	BAD(clean_line, "\xc2\x85");			/* U+0085 NEL */
	BAD(clean_multi, "\xc2\x85");
	BAD(clean_multi, "\xc2\x80");			/* U+0080 */
	BAD(clean_multi, "\xc2\x9f");			/* U+009F */
	OK(clean_line, "\xc2\xa0");			/* U+00A0 is not C1 */
}

static void
test_text_clean_refuses_line_separators(void)
{
	BAD(clean_line, "a\xe2\x80\xa8" "b");		/* U+2028 */
	BAD(clean_multi, "a\xe2\x80\xa8" "b");
	BAD(clean_multi, "a\xe2\x80\xa9" "b");		/* U+2029 */
	OK(clean_line, "a\xe2\x80\xa7" "b");		/* U+2027 is fine */
}

static void
test_text_clean_refuses_bad_utf8(void)
{
	BAD(clean_multi, "\xc0\xaf");
	BAD(clean_multi, "ok\xed\xa0\x80");
	BAD(clean_line, "\xe4\xb8");
}

/*
 * Appends the check character to a 17-digit body, computed independently
 * of lib/validate.c: with S the weighted sum, the check value is
 * (12 - S mod 11) mod 11, and 10 is written X (GB 11643-1999).
 */
static void
id_make(char out[19], const char *body)
{
	static const int w[17] =
	    { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	int	 i, sum = 0, check;

	for (i = 0; i < 17; i++)
		sum += (body[i] - '0') * w[i];
	check = (12 - sum % 11) % 11;
	memcpy(out, body, 17);
	out[17] = check == 10 ? 'X' : (char)('0' + check);
	out[18] = '\0';
}

static bool
id_ok(const char *body)
{
	char	 id[19];

	id_make(id, body);
	return run(valid_id_number, id, 18);
}

static bool
id_ok_asof(const char *body, long today)
{
	char	 id[19], *p;
	bool	 ok;

	id_make(id, body);
	p = exact_copy(id, 18);
	ok = valid_id_number_asof(p, 18, today);
	free(p);
	return ok;
}

static void
test_id_published_example(void)
{
	char	 id[19];

	OK(valid_id_number, "11010519491231002X");
	/* The helper must agree with the published example. */
	id_make(id, "11010519491231002");
	CHECK_STR(id, "11010519491231002X");
}

static void
test_id_computed_check_digits(void)
{
	CHECK(id_ok("22010219800229123"));	/* Changchun, leap day */
	CHECK(id_ok("44030420000101001"));	/* Shenzhen */
	CHECK(id_ok("65010219991231234"));	/* Urumqi */
	CHECK(id_ok("83000019900515002"));	/* Taiwan residence permit */
	CHECK(id_ok("81000019851010003"));	/* Hong Kong */
	CHECK(id_ok("11010219000101001"));	/* the earliest birth date */
}

/*
 * For bodies covering all eleven remainders, exactly one of the eleven
 * possible check characters is accepted: the one the rule gives.
 */
static void
test_id_every_check_value(void)
{
	static const char checks[] = "0123456789X";
	char	 body[18] = "110105194912310", id[19], want, seen[12] = "";
	int	 a, b, c, bad = 0;

	for (a = 0; a < 10; a++) {
		for (b = 0; b < 2; b++) {
			body[15] = (char)('0' + b);
			body[16] = (char)('0' + a);
			id_make(id, body);
			want = id[17];
			if (strchr(seen, want) == NULL)
				seen[strlen(seen)] = want;
			for (c = 0; c < 11; c++) {
				id[17] = checks[c];
				if (run(valid_id_number, id, 18) !=
				    (checks[c] == want))
					bad++;
			}
		}
	}
	CHECK(bad == 0);
	CHECK(strlen(seen) == 11);
}

static void
test_id_wrong_check_digit(void)
{
	BAD(valid_id_number, "110105194912310021");
	BAD(valid_id_number, "110105194912310020");
	BAD(valid_id_number, "11010519491231002Y");
	BAD(valid_id_number, "11010519491231003X");	/* body changed */
}

static void
test_id_lowercase_x(void)
{
	OK(valid_id_number, "11010519491231002x");
}

static void
test_id_bad_date(void)
{
	CHECK(!id_ok("11010519490230002"));	/* 30 February */
	CHECK(!id_ok("11010519000229002"));	/* 1900 was not leap */
	CHECK(!id_ok("11010519491301002"));	/* month 13 */
	CHECK(!id_ok("11010519491200002"));	/* day 0 */
	CHECK(!id_ok("11010518991231002"));	/* before 1900 */
}

static void
test_id_future_date(void)
{
	CHECK(!id_ok("11010529990101002"));	/* by the real clock */
	CHECK(id_ok_asof("11010520260101002", 20260101));
	CHECK(!id_ok_asof("11010520260102002", 20260101));
	CHECK(!id_ok_asof("11010520270101002", 20261231));
}

static void
test_id_wrong_length(void)
{
	BAD(valid_id_number, "11010519491231002");
	BAD(valid_id_number, "11010519491231002X0");
	BAD(valid_id_number, "");
	BAD(valid_id_number, "110105491231002");	/* old 15-digit */
	BAD(valid_id_number, "11010519491231002X\0");
}

static void
test_id_bad_province(void)
{
	CHECK(!id_ok("99010519491231002"));
	CHECK(!id_ok("10010519491231002"));
	CHECK(!id_ok("16010519491231002"));
	CHECK(!id_ok("84010519491231002"));
	CHECK(id_ok("91010519491231002"));	/* 91 is accepted */
}

static void
test_id_non_digits(void)
{
	BAD(valid_id_number, "1101051949123100XX");
	BAD(valid_id_number, "11010519491231 02X");
	/* Full-width １ plus 15 digits: 18 bytes, not 18 digits. */
	BAD(valid_id_number, "\xef\xbc\x91" "101051949123100");
}

/*
 * Appends the GB 32100-2015 check character to a 17-character body, by
 * the documented rule: value = index in the alphabet, check = 31 - (sum of
 * weighted values mod 31), 31 meaning 0.
 */
static void
credit_make(char out[19], const char *body)
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
	    13, 8, 24, 10, 30, 28 };
	int	 i, sum = 0, check;

	for (i = 0; i < 17; i++)
		sum += (int)(strchr(alpha, body[i]) - alpha) * w[i];
	check = 31 - sum % 31;
	memcpy(out, body, 17);
	out[17] = alpha[check == 31 ? 0 : check];
	out[18] = '\0';
}

static void
test_credit_published_example(void)
{
	char	 code[19];

	OK(valid_credit_code, "91350100M000100Y43");
	credit_make(code, "91350100M000100Y4");
	CHECK_STR(code, "91350100M000100Y43");
}

static void
test_credit_computed_check(void)
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char	 code[19], body[18];
	size_t	 i;

	credit_make(code, "91110108MA01ABCD0");
	CHECK(run(valid_credit_code, code, 18));
	credit_make(code, "12100000400000624");
	CHECK(run(valid_credit_code, code, 18));
	/*
	 * The last weight, 28, is prime to 31, so exactly one last body
	 * character makes the sum divisible by 31: there the check is 0.
	 */
	memcpy(body, "9122010200000000", 16);
	body[17] = '\0';
	for (i = 0; i < 31; i++) {
		body[16] = alpha[i];
		credit_make(code, body);
		if (code[17] == '0')
			break;
	}
	CHECK(i < 31);
	CHECK(run(valid_credit_code, code, 18));
}

/* For every last body character, exactly one check character fits. */
static void
test_credit_every_check_value(void)
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char	 body[18] = "91350100M000100Y", code[19], want;
	int	 i, c, bad = 0;

	for (i = 0; i < 31; i++) {
		body[16] = alpha[i];
		credit_make(code, body);
		want = code[17];
		for (c = 0; c < 31; c++) {
			code[17] = alpha[c];
			if (run(valid_credit_code, code, 18) != (alpha[c] == want))
				bad++;
		}
	}
	CHECK(bad == 0);
}

static void
test_credit_wrong_check(void)
{
	BAD(valid_credit_code, "91350100M000100Y44");
	BAD(valid_credit_code, "91350100M000100Y4A");
	BAD(valid_credit_code, "91350100M000100Y53");	/* body changed */
}

static void
test_credit_forbidden_letters(void)
{
	BAD(valid_credit_code, "91350100M000100I43");
	BAD(valid_credit_code, "91350100M000100O43");
	BAD(valid_credit_code, "91350100M000100Z43");
	BAD(valid_credit_code, "91350100M000100S43");
	BAD(valid_credit_code, "91350100M000100V43");
	BAD(valid_credit_code, "91350100m000100y43");	/* lower case */
	BAD(valid_credit_code, "91350100M000100Y4\0");
}

static void
test_credit_division_digits(void)
{
	char	 code[19];

	credit_make(code, "913A0100M000100Y4");	/* letter in 3-8 */
	CHECK(!run(valid_credit_code, code, 18));
}

static void
test_credit_wrong_length(void)
{
	BAD(valid_credit_code, "91350100M000100Y4");
	BAD(valid_credit_code, "91350100M000100Y430");
	BAD(valid_credit_code, "");
}

static void
test_phone_mobile(void)
{
	OK(valid_phone, "13800138000");
	OK(valid_phone, "19912345678");
	OK(valid_phone, "+86 13800138000");
	OK(valid_phone, "+8613800138000");
	OK(valid_phone, "+86-13800138000");
	OK(valid_phone, "8613800138000");
	OK(valid_phone, "86 13800138000");
}

static void
test_phone_landline(void)
{
	OK(valid_phone, "0431-88904527");
	OK(valid_phone, "010-57587502");
	OK(valid_phone, "0431 88904527");
	OK(valid_phone, "02583302760");
	OK(valid_phone, "043188904527");
	OK(valid_phone, "0431-8890452");		/* 7-digit number */
	OK(valid_phone, "0431-88904527-123");
	OK(valid_phone, "010-57587502转8001");
	OK(valid_phone, "0431-88904527-123456");
}

static void
test_phone_service(void)
{
	OK(valid_phone, "400-810-8888");
	OK(valid_phone, "4008108888");
	OK(valid_phone, "400 810 8888");
	OK(valid_phone, "800-820-8820");
}

static void
test_phone_rejects(void)
{
	BAD(valid_phone, "12345678901");		/* no 12 prefix */
	BAD(valid_phone, "1380013800");			/* 10 digits */
	BAD(valid_phone, "138001380001");		/* 12 digits */
	BAD(valid_phone, "abc");
	BAD(valid_phone, "");
	BAD(valid_phone, "0431-123");
	BAD(valid_phone, "13800138000x");
	BAD(valid_phone, "13800138000\0");
	BAD(valid_phone, " 13800138000");
	BAD(valid_phone, "+86 ");
	BAD(valid_phone, "+87 13800138000");
	BAD(valid_phone, "0431-889045271");		/* 9-digit number */
	BAD(valid_phone, "0431-88904527-");		/* empty extension */
	BAD(valid_phone, "0431-88904527-1234567");	/* extension too long */
	BAD(valid_phone, "0431--88904527");
	BAD(valid_phone, "001-88904527");		/* 00 is international */
	BAD(valid_phone, "400-810-888");
	BAD(valid_phone, "500-810-8888");
	BAD(valid_phone, "４００８１０８８８８");	/* full-width digits */
}

static void
test_email_accepts(void)
{
	OK(valid_email, "lshbc@bjeit.gov.cn");
	OK(valid_email, "gx21308@163.com");
	OK(valid_email, "CALL3513084@126.com");
	OK(valid_email, "first.last+tag@sub-domain.example.org");
	OK(valid_email, "!#$%&'*+/=?^_`{|}~-@example.cn");
}

static void
test_email_rejects(void)
{
	BAD(valid_email, "a@b");
	BAD(valid_email, "a@@b.cn");
	BAD(valid_email, "a@b@c.cn");
	BAD(valid_email, ".a@b.cn");
	BAD(valid_email, "a.@b.cn");
	BAD(valid_email, "a..b@c.cn");
	BAD(valid_email, "a@-b.cn");
	BAD(valid_email, "a@b-.cn");
	BAD(valid_email, "a@b.c1");
	BAD(valid_email, "a@b.c");
	BAD(valid_email, "a@localhost");		/* no dot */
	BAD(valid_email, "a@b..cn");
	BAD(valid_email, "a@.b.cn");
	BAD(valid_email, "a@b.cn.");
	BAD(valid_email, "a b@c.cn");
	BAD(valid_email, "@b.cn");
	BAD(valid_email, "a@");
	BAD(valid_email, "");
	BAD(valid_email, "a\0@b.cn");
	BAD(valid_email, "a@b.cn\0");
	BAD(valid_email, "\"a\"@b.cn");
	BAD(valid_email, "举报@b.cn");
	BAD(valid_email, "a@b_c.cn");
}

/*
 * Builds an address of exactly total (254 or 255) characters: a 64-char
 * local part, '@', labels of at most 62 'x' each, and ".cn".
 */
static size_t
email_long(char *buf, size_t total)
{
	size_t	 i, rest, n;

	memset(buf, 'a', 64);
	buf[64] = '@';
	i = 65;
	for (rest = total - 65 - 2; rest > 0; rest -= n + 1) {
		n = rest > 63 ? 62 : rest - 1;
		memset(buf + i, 'x', n);
		i += n;
		buf[i++] = '.';
	}
	memcpy(buf + i, "cn", 2);
	return i + 2;
}

static void
test_email_lengths(void)
{
	char	 buf[300], local[80];

	CHECK(email_long(buf, 254) == 254);
	CHECK(run(valid_email, buf, 254));
	CHECK(email_long(buf, 255) == 255);
	CHECK(!run(valid_email, buf, 255));

	memset(local, 'a', 65);
	memcpy(local + 64, "@b.cn", 5);
	CHECK(run(valid_email, local, 69));		/* 64-char local part */
	memset(local, 'a', 65);
	memcpy(local + 65, "@b.cn", 5);
	CHECK(!run(valid_email, local, 70));		/* 65 */

	memcpy(buf, "a@", 2);
	memset(buf + 2, 'x', 64);
	memcpy(buf + 66, ".cn", 3);
	CHECK(!run(valid_email, buf, 69));		/* 64-char label */
	CHECK(run(valid_email, buf + 1, 68) == false);	/* no local part */
	memcpy(buf + 65, ".cn", 3);
	CHECK(run(valid_email, buf, 68));		/* 63-char label */
}

static void
test_region_code(void)
{
	OK(valid_region_code, "220102");
	OK(valid_region_code, "110000");
	BAD(valid_region_code, "22010");
	BAD(valid_region_code, "22010a");
	BAD(valid_region_code, "2201021");
	BAD(valid_region_code, "22010\0");
	BAD(valid_region_code, "");
	BAD(valid_region_code, " 22010");
}

int
main(void)
{
	test_utf8_valid_accepts_well_formed();
	test_utf8_valid_refuses_overlong();
	test_utf8_valid_refuses_surrogates();
	test_utf8_valid_refuses_above_10ffff();
	test_utf8_valid_refuses_truncated();
	test_utf8_valid_refuses_nul();
	test_utf8_valid_refuses_stray_continuation();
	test_utf8_count();
	test_text_clean_whitespace_only_multiline();
	test_text_clean_refuses_controls();
	test_text_clean_refuses_line_separators();
	test_text_clean_refuses_bad_utf8();
	test_id_published_example();
	test_id_computed_check_digits();
	test_id_every_check_value();
	test_id_wrong_check_digit();
	test_id_lowercase_x();
	test_id_bad_date();
	test_id_future_date();
	test_id_wrong_length();
	test_id_bad_province();
	test_id_non_digits();
	test_credit_published_example();
	test_credit_computed_check();
	test_credit_every_check_value();
	test_credit_wrong_check();
	test_credit_forbidden_letters();
	test_credit_division_digits();
	test_credit_wrong_length();
	test_phone_mobile();
	test_phone_landline();
	test_phone_service();
	test_phone_rejects();
	test_email_accepts();
	test_email_rejects();
	test_email_lengths();
	test_region_code();
	return unit_done();
}
