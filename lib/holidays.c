/* holidays: see holidays.h. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "holidays.h"
#include "validate.h"

#define E_UTF8	"文件不是UTF-8文本。"
#define E_NONE	"文件中没有找到日期。"
#define E_MANY	"文件中的日期过多。"
#define E_CSV	"CSV每行应为：日期,1或0,名称。"
#define E_DATE	"JSON中的日期格式不正确。"
#define E_OFF	"JSON中的isOffDay应为true或false。"
#define E_NAME	"JSON中的名称应为不超过30个字的单行文本。"
#define E_JSON	"JSON格式不正确。"
#define E_TRUNC	"JSON文件不完整。"

/* One day as read, before it is handed on. */
struct day {
	char	 date[11];
	bool	 off;
	char	 name[HOLIDAYS_NAME_MAX * 4 + 1];
};

/* One pass over the file: the checking pass has no fn. */
struct pass {
	holiday_fn	 fn;
	void		*arg;
	int		 count;
	int		 rc;		/* fn's non-zero result */
	const char	*why;
};

/* What comes next in the JSON text. */
enum expect {
	X_VALUE,		/* a value (after ':' or ',' in an array, or the top) */
	X_VALUE_OR_END,		/* after '[' */
	X_KEY,			/* after ',' in an object */
	X_KEY_OR_END,		/* after '{' */
	X_COLON,
	X_COMMA_OR_END,
	X_DONE,			/* the top value is complete */
};

#define SEEN_DATE	0x1u
#define SEEN_OFF	0x2u
#define SEEN_NAME	0x4u
#define SEEN_NESTED	0x8u

/* An open object or array; for an object, the members of a day read so far. */
struct frame {
	bool		 object;
	unsigned	 seen;
	const char	*key;		/* the member whose value comes next */
	size_t		 keylen;
	struct day	 day;
};

struct json {
	struct frame	 st[HOLIDAYS_JSON_DEPTH];
	size_t		 depth;
	enum expect	 x;
};

static int
fail(struct pass *ps, const char *why)
{
	ps->why = why;
	return -1;
}

/* Hands a complete day on (or only counts it in the checking pass). */
static int
emit(struct pass *ps, struct day *d)
{
	if (d->name[0] == '\0')
		snprintf(d->name, sizeof(d->name), "%s", d->off ? "假日" : "调休");
	if (ps->count >= HOLIDAYS_MAX_DAYS)
		return fail(ps, E_MANY);
	if (ps->fn != NULL && (ps->rc = ps->fn(ps->arg, d->date, d->off, d->name)) != 0)
		return -1;
	ps->count++;
	return 0;
}

static bool
set_date(struct day *d, const char *s, size_t n)
{
	cal_day day;

	if (n != 10 || !cal_parse(s, n, &day))
		return false;
	memcpy(d->date, s, 10);
	d->date[10] = '\0';
	return true;
}

/* An empty name stays empty: emit gives it the default once off is known. */
static bool
set_name(struct day *d, const char *s, size_t n)
{
	if (n >= sizeof(d->name) || !text_clean(s, n, false) ||
	    utf8_count(s, n) > HOLIDAYS_NAME_MAX)
		return false;
	if (n > 0)
		memcpy(d->name, s, n);
	d->name[n] = '\0';
	return true;
}

/* ---- CSV ---- */

static int
csv_line(struct pass *ps, const char *s, size_t n)
{
	const char *c1, *c2, *end;
	struct day d;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0)
		return 0;
	end = s + n;
	if ((c1 = memchr(s, ',', n)) == NULL ||
	    (c2 = memchr(c1 + 1, ',', (size_t)(end - c1 - 1))) == NULL)
		return fail(ps, E_CSV);
	memset(&d, 0, sizeof(d));
	if (!set_date(&d, s, (size_t)(c1 - s)) || c2 - c1 != 2 ||
	    (c1[1] != '0' && c1[1] != '1') || !set_name(&d, c2 + 1, (size_t)(end - c2 - 1)))
		return fail(ps, E_CSV);
	d.off = c1[1] == '1';
	return emit(ps, &d);
}

static int
csv_days(struct pass *ps, const char *p, const char *end)
{
	const char *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (csv_line(ps, p, (size_t)(nl - p)) != 0)
			return -1;
		p = nl + (nl < end);
	}
	return 0;
}

/* ---- JSON ---- */

static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* p is at a '"'. Returns the byte after the closing quote, or NULL when the string does not end
 * before end or holds a raw control character or an unknown escape (*bad says which). *esc tells
 * whether there was an escape. */
static const char *
string_end(const char *p, const char *end, bool *esc, bool *bad)
{
	*esc = *bad = false;
	for (p++; p < end; p++) {
		if (*p == '"')
			return p + 1;
		if ((unsigned char)*p < 0x20) {
			*bad = true;
			return NULL;
		}
		if (*p == '\\') {
			*esc = true;
			if (++p == end)
				break;
			if (*p == '\0' || strchr("\"\\/bfnrtu", *p) == NULL) {
				*bad = true;
				return NULL;
			}
		}
	}
	return NULL;
}

static bool
is_scalar_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
	    c == '.' || c == 'E';
}

/* A literal or number at p: the byte after it, or NULL when it is none of true, false, null or
 * a number. Numbers are checked loosely (digits, sign, point, exponent); none is ever used. */
static const char *
scalar_end(const char *p, const char *end)
{
	const char *q = p;
	bool number = *p == '-' || (*p >= '0' && *p <= '9');

	for (; q < end && is_scalar_byte(*q); q++)
		if (*q >= 'a' && *q <= 'z' && *q != 'e')
			number = false;
	if (q - p == 4 && (memcmp(p, "true", 4) == 0 || memcmp(p, "null", 4) == 0))
		return q;
	if (q - p == 5 && memcmp(p, "false", 5) == 0)
		return q;
	return q > p && number ? q : NULL;
}

static bool
key_is(const struct frame *f, const char *k)
{
	return f->keylen == strlen(k) && memcmp(f->key, k, f->keylen) == 0;
}

/* A scalar member of an object: remembered when it is one of a day's. v..ve is the value with
 * its quotes; esc: the string had an escape. */
static int
json_member(struct pass *ps, struct frame *f, const char *v, const char *ve, bool esc)
{
	size_t n = (size_t)(ve - v);
	bool str = *v == '"';

	if (key_is(f, "date")) {
		if ((f->seen & SEEN_DATE) || !str || esc || !set_date(&f->day, v + 1, n - 2))
			return fail(ps, E_DATE);
		f->seen |= SEEN_DATE;
	} else if (key_is(f, "isOffDay")) {
		if ((f->seen & SEEN_OFF) || !((n == 4 && memcmp(v, "true", 4) == 0) ||
		    (n == 5 && memcmp(v, "false", 5) == 0)))
			return fail(ps, E_OFF);
		f->day.off = n == 4;
		f->seen |= SEEN_OFF;
	} else if (key_is(f, "name")) {
		if ((f->seen & SEEN_NAME) || !str || esc || !set_name(&f->day, v + 1, n - 2))
			return fail(ps, E_NAME);
		f->seen |= SEEN_NAME;
	}
	return 0;
}

/* A '{' or '[' opens a frame. */
static int
json_open(struct pass *ps, struct json *j, char c)
{
	struct frame *f;

	if (j->depth == HOLIDAYS_JSON_DEPTH)
		return fail(ps, E_JSON);
	if (j->depth > 0 && j->st[j->depth - 1].object)
		j->st[j->depth - 1].seen |= SEEN_NESTED;
	f = &j->st[j->depth++];
	memset(f, 0, sizeof(*f));
	f->object = c == '{';
	j->x = f->object ? X_KEY_OR_END : X_VALUE_OR_END;
	return 0;
}

/* A '}' or ']' closes the innermost frame; a closed object with a date is a day. */
static int
json_close(struct pass *ps, struct json *j, char c)
{
	struct frame *f = &j->st[j->depth - 1];

	if (c != (f->object ? '}' : ']'))
		return fail(ps, E_JSON);
	if (f->object && (f->seen & SEEN_DATE)) {
		if (f->seen & SEEN_NESTED)
			return fail(ps, E_JSON);
		if (!(f->seen & SEEN_OFF))
			return fail(ps, E_OFF);
		if (emit(ps, &f->day) != 0)
			return -1;
	}
	j->depth--;
	j->x = j->depth > 0 ? X_COMMA_OR_END : X_DONE;
	return 0;
}

/* A value where one is expected: opens a frame, or reads a string or other scalar. */
static int
json_value(struct pass *ps, struct json *j, const char **pp, const char *end)
{
	const char *p = *pp, *e;
	bool esc = false, bad = false;

	if (*p == '{' || *p == '[') {
		*pp = p + 1;
		return json_open(ps, j, *p);
	}
	if (j->depth == 0)
		return fail(ps, E_JSON);
	if (*p == '"')
		e = string_end(p, end, &esc, &bad);
	else if ((e = scalar_end(p, end)) == NULL)
		bad = true;
	if (e == NULL)
		return fail(ps, bad ? E_JSON : E_TRUNC);
	if (j->st[j->depth - 1].object && json_member(ps, &j->st[j->depth - 1], p, e, esc) != 0)
		return -1;
	j->x = X_COMMA_OR_END;
	*pp = e;
	return 0;
}

/* One step: the token at *pp (not a blank), as j->x expects it. */
static int
json_step(struct pass *ps, struct json *j, const char **pp, const char *end)
{
	struct frame *f = j->depth > 0 ? &j->st[j->depth - 1] : NULL;
	const char *p = *pp;
	bool esc, bad;

	switch (j->x) {
	case X_COLON:
		if (*p != ':')
			return fail(ps, E_JSON);
		j->x = X_VALUE;
		*pp = p + 1;
		return 0;
	case X_COMMA_OR_END:
		if (*p != ',')
			break;
		j->x = f->object ? X_KEY : X_VALUE;
		*pp = p + 1;
		return 0;
	case X_VALUE_OR_END:
		if (*p == ']')
			break;
		/* FALLTHROUGH */
	case X_VALUE:
		return json_value(ps, j, pp, end);
	case X_KEY_OR_END:
		if (*p == '}')
			break;
		/* FALLTHROUGH */
	case X_KEY:
		if (*p != '"')
			return fail(ps, E_JSON);
		if ((*pp = string_end(p, end, &esc, &bad)) == NULL)
			return fail(ps, bad ? E_JSON : E_TRUNC);
		f->key = p + 1;
		f->keylen = (size_t)(*pp - p - 2);
		j->x = X_COLON;
		return 0;
	case X_DONE:
		return fail(ps, E_JSON);
	}
	if (*p != '}' && *p != ']')
		return fail(ps, E_JSON);
	*pp = p + 1;
	return json_close(ps, j, *p);
}

static int
json_days(struct pass *ps, const char *p, const char *end)
{
	struct json j;

	memset(&j, 0, sizeof(j));
	j.x = X_VALUE;
	for (p = skip_ws(p, end); p < end; p = skip_ws(p, end))
		if (json_step(ps, &j, &p, end) != 0)
			return -1;
	return j.x == X_DONE ? 0 : fail(ps, E_TRUNC);
}

/* ---- both ---- */

static int
parse_pass(struct pass *ps, const char *p, const char *end)
{
	const char *q = skip_ws(p, end);

	if (q < end && (*q == '{' || *q == '['))
		return json_days(ps, q, end);
	return csv_days(ps, p, end);
}

int
holidays_parse(const char *buf, size_t len, holiday_fn fn, void *arg, int *count,
    const char **why)
{
	struct pass check = { NULL, NULL, 0, 0, NULL }, run = { fn, arg, 0, 0, NULL };
	const char *p = buf, *end;

	*count = 0;
	*why = NULL;
	if (len == 0) {
		*why = E_NONE;
		return 0;
	}
	if (!utf8_valid(buf, len)) {
		*why = E_UTF8;
		return 0;
	}
	end = buf + len;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (parse_pass(&check, p, end) != 0 || check.count == 0) {
		*why = check.why != NULL ? check.why : E_NONE;
		return 0;
	}
	(void)parse_pass(&run, p, end);
	*count = run.count;
	return run.rc;
}
