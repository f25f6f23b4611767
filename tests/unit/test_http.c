/*
 * test_http.c: unit tests for the request parsers of lib/http.c.
 *
 * Every body, header or string handed to a parser is first copied into a heap buffer of exactly
 * its length (no NUL after it, except for the C-string APIs, which get exactly strlen + 1), so
 * that under AddressSanitizer a read past the end fails the run instead of passing silently.
 * File parts point into the body, so a body is kept until the next parse.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "unit.h"
#include "validate.h"

/* A malloc'd C string of exactly strlen(s) + 1 bytes. */
static char *
exact_cstr(const char *s)
{
	return exact_copy(s, strlen(s) + 1);
}

static struct arena	A;
static struct params	P;
static char		*body;		/* the last parsed buffer; file values point into it */

static const struct http_limits lim = { .max_parts = 16, .max_name = 32, .max_value = 64 };

static void
reset(void)
{
	free(body);
	body = NULL;
	arena_reset(&A);
	memset(&P, 0, sizeof(P));
}

static enum http_err
url_l(const char *s, size_t len, const struct http_limits *l)
{
	reset();
	body = exact_copy(s, len);
	return http_parse_urlencoded(&A, body, len, l, &P);
}

static enum http_err
mp_l(const char *s, size_t len, const char *boundary, const struct http_limits *l)
{
	char		*b;
	enum http_err	 e;

	reset();
	body = exact_copy(s, len);
	b = exact_cstr(boundary);
	e = http_parse_multipart(&A, body, len, b, l, &P);
	free(b);
	return e;
}

/* String literals, embedded NULs included; the terminating NUL is not. */
#define URL(lit)	url_l((lit), sizeof(lit) - 1, &lim)
#define MP(lit)		mp_l((lit), sizeof(lit) - 1, "boundary", &lim)

/* A growing buffer for bodies built at run time. */
struct sbuf {
	char	*p;
	size_t	 len, cap;
};

static void
put(struct sbuf *b, const void *s, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			abort();
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

#define PUTS(b, lit)	put((b), (lit), sizeof(lit) - 1)

static void
put_rep(struct sbuf *b, char c, size_t n)
{
	while (n-- > 0)
		put(b, &c, 1);
}

/* The first file part called name, or NULL. */
static const struct param *
file_param(const char *name)
{
	const struct param *p;

	for (p = P.head; p != NULL; p = p->next)
		if (p->filename != NULL && strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

static unsigned
nparams(void)
{
	const struct param *p;
	unsigned n = 0;

	for (p = P.head; p != NULL; p = p->next)
		n++;
	return n;
}

/* The value of the first ordinary field called name, or NULL. */
static const char *
val(const char *name)
{
	const struct param *p = params_get(&P, name);

	return p != NULL ? p->value : NULL;
}

static bool
val_len_is(const char *name, size_t len)
{
	const struct param *p = params_get(&P, name);

	return p != NULL && p->len == len && strlen(p->value) == len;
}

/* ---------------------------------------------------------------- urlencoded */

static void
test_url_two_params(void)
{
	CHECK(URL("a=1&b=2") == HTTP_OK);
	CHECK(P.count == 2 && P.files == 0);
	CHECK_STR(val("a"), "1");
	CHECK_STR(val("b"), "2");
	CHECK(val_len_is("a", 1));
	CHECK(P.head != NULL && strcmp(P.head->name, "a") == 0);	/* order kept */
	CHECK(P.head->filename == NULL);
}

static void
test_url_empty_body(void)
{
	CHECK(URL("") == HTTP_OK);
	CHECK(P.count == 0 && P.head == NULL);
	CHECK(URL("&&&") == HTTP_OK);
	CHECK(P.count == 0);
}

static void
test_url_plus_is_space(void)
{
	CHECK(URL("q=a+b+c") == HTTP_OK);
	CHECK_STR(val("q"), "a b c");
	CHECK(URL("q=%2B") == HTTP_OK);			/* an escaped plus stays a plus */
	CHECK_STR(val("q"), "+");
}

static void
test_url_percent_utf8(void)
{
	CHECK(URL("t=%E4%B8%BE%e6%8a%a5") == HTTP_OK);	/* both hex cases */
	CHECK_STR(val("t"), "举报");
	CHECK(val_len_is("t", 6));
	CHECK(URL("t=%E4%B8%BE") == HTTP_OK);
	CHECK_STR(val("t"), "举");
	/* raw UTF-8 (a browser escapes it, a script may not) */
	CHECK(URL("t=\xe4\xb8\xbe") == HTTP_OK);
	CHECK_STR(val("t"), "举");
}

static void
test_url_empty_segments(void)
{
	CHECK(URL("a=1&&b=2") == HTTP_OK);
	CHECK(P.count == 2);
	CHECK_STR(val("a"), "1");
	CHECK_STR(val("b"), "2");
	CHECK(URL("&a=1&") == HTTP_OK);
	CHECK(P.count == 1);
	CHECK_STR(val("a"), "1");
}

static void
test_url_name_without_value(void)
{
	CHECK(URL("flag&b=2") == HTTP_OK);
	CHECK(P.count == 2);
	CHECK_STR(val("flag"), "");
	CHECK(val_len_is("flag", 0));
	CHECK(URL("a=") == HTTP_OK);
	CHECK_STR(val("a"), "");
	CHECK(URL("a==") == HTTP_OK);			/* the first '=' splits */
	CHECK_STR(val("a"), "=");
	CHECK(URL("a=b=c") == HTTP_OK);
	CHECK_STR(val("a"), "b=c");
}

static void
test_url_bad_escapes(void)
{
	CHECK(URL("a=%") == HTTP_EFRAMING);
	CHECK(URL("a=%4") == HTTP_EFRAMING);
	CHECK(URL("a=%zz") == HTTP_EFRAMING);
	CHECK(URL("a=%4g") == HTTP_EFRAMING);
	CHECK(URL("a=%g4") == HTTP_EFRAMING);
	CHECK(URL("a=x%") == HTTP_EFRAMING);
	CHECK(URL("a=%&b=1") == HTTP_EFRAMING);		/* the escape may not borrow from the next */
	CHECK(URL("a=%4&b=1") == HTTP_EFRAMING);
	CHECK(URL("%zz=1") == HTTP_EFRAMING);		/* in the name too */
	CHECK(URL("a%=1") == HTTP_EFRAMING);
	CHECK(URL("a=1&b=%") == HTTP_EFRAMING);		/* a later field spoils the body */
}

static void
test_url_invalid_utf8(void)
{
	CHECK(URL("a=%C0%AF") == HTTP_EUTF8);		/* overlong '/' */
	CHECK(URL("a=%E4%B8") == HTTP_EUTF8);		/* truncated */
	CHECK(URL("a=%ED%A0%80") == HTTP_EUTF8);	/* surrogate */
	CHECK(URL("a=%FF") == HTTP_EUTF8);
	CHECK(URL("a=\xff") == HTTP_EUTF8);		/* raw, unescaped */
	CHECK(URL("a=%80") == HTTP_EUTF8);
}

static void
test_url_controls(void)
{
	CHECK(URL("a=%01") == HTTP_EUTF8);
	CHECK(URL("a=x%1By") == HTTP_EUTF8);		/* ESC */
	CHECK(URL("a=%7F") == HTTP_EUTF8);		/* DEL */
	CHECK(URL("a=%C2%85") == HTTP_EUTF8);		/* C1 NEL */
	CHECK(URL("a=%E2%80%A8") == HTTP_EUTF8);	/* U+2028 */
	CHECK(URL("a=\x01") == HTTP_EUTF8);		/* raw */
	/* line breaks and tabs are text: multiline fields need them */
	CHECK(URL("a=x%0Ay") == HTTP_OK);
	CHECK_STR(val("a"), "x\ny");
	CHECK(URL("a=x%09y") == HTTP_OK);
	CHECK_STR(val("a"), "x\ty");
	CHECK(URL("a=x%0D%0Ay") == HTTP_OK);
	CHECK_STR(val("a"), "x\r\ny");
}

static void
test_url_embedded_nul(void)
{
	CHECK(URL("a=%00") == HTTP_EUTF8);
	CHECK(URL("a=x%00y") == HTTP_EUTF8);
	CHECK(URL("a=x\0y") == HTTP_EUTF8);		/* a raw NUL in the body */
	CHECK(URL("a%00b=1") == HTTP_EFRAMING);		/* in a name it is a bad name */
	CHECK(URL("a\0b=1") == HTTP_EFRAMING);
}

static void
test_url_too_many(void)
{
	struct http_limits l = lim;

	l.max_parts = 3;
	CHECK(url_l("a=1&b=2&c=3", 11, &l) == HTTP_OK);
	CHECK(P.count == 3);
	CHECK(url_l("a=1&b=2&c=3&d=4", 15, &l) == HTTP_ETOOMANY);
	CHECK(url_l("a=1&b=2&c=3&&&", 14, &l) == HTTP_OK);	/* empty segments are free */
	CHECK(url_l("a&a&a&a", 7, &l) == HTTP_ETOOMANY);	/* duplicates count */
	l.max_parts = 0;
	CHECK(url_l("a=1", 3, &l) == HTTP_ETOOMANY);
	CHECK(url_l("", 0, &l) == HTTP_OK);
}

static void
test_url_value_length(void)
{
	struct sbuf b = { 0 };
	size_t i;

	PUTS(&b, "v=");
	put_rep(&b, 'x', 64);
	CHECK(url_l(b.p, b.len, &lim) == HTTP_OK);
	CHECK(val_len_is("v", 64));
	PUTS(&b, "x");
	CHECK(url_l(b.p, b.len, &lim) == HTTP_ETOOLONG);

	/* the limit is on decoded bytes: 64 escaped bytes are fine, 65 are not */
	b.len = 0;
	PUTS(&b, "v=");
	for (i = 0; i < 64; i++)
		PUTS(&b, "%41");
	CHECK(url_l(b.p, b.len, &lim) == HTTP_OK);
	CHECK(val_len_is("v", 64));
	PUTS(&b, "%41");
	CHECK(url_l(b.p, b.len, &lim) == HTTP_ETOOLONG);

	/* 22 Chinese characters are 66 bytes: the limit counts bytes */
	b.len = 0;
	PUTS(&b, "v=");
	for (i = 0; i < 22; i++)
		PUTS(&b, "%E4%B8%BE");
	CHECK(url_l(b.p, b.len, &lim) == HTTP_ETOOLONG);

	/* a huge value is refused before it is decoded */
	b.len = 0;
	PUTS(&b, "v=");
	put_rep(&b, '%', 100000);
	CHECK(url_l(b.p, b.len, &lim) == HTTP_ETOOLONG);
	free(b.p);
}

static void
test_url_name_length(void)
{
	struct sbuf b = { 0 };

	put_rep(&b, 'n', 32);
	PUTS(&b, "=1");
	CHECK(url_l(b.p, b.len, &lim) == HTTP_OK);
	CHECK(P.count == 1 && strlen(P.head->name) == 32);
	b.len = 0;
	put_rep(&b, 'n', 33);
	PUTS(&b, "=1");
	CHECK(url_l(b.p, b.len, &lim) == HTTP_ETOOLONG);
	b.len = 0;
	put_rep(&b, 'n', 33);				/* without '=' too */
	CHECK(url_l(b.p, b.len, &lim) == HTTP_ETOOLONG);
	free(b.p);
}

static void
test_url_bad_names(void)
{
	CHECK(URL("a b=1") == HTTP_EFRAMING);
	CHECK(URL("a+b=1") == HTTP_EFRAMING);		/* '+' decodes to a space */
	CHECK(URL("a%2Fb=1") == HTTP_EFRAMING);
	CHECK(URL("a/b=1") == HTTP_EFRAMING);
	CHECK(URL("a.b=1") == HTTP_EFRAMING);
	CHECK(URL("a[]=1") == HTTP_EFRAMING);
	CHECK(URL("=1") == HTTP_EFRAMING);		/* empty name */
	CHECK(URL("%E4%B8%BE=1") == HTTP_EFRAMING);	/* non-ASCII */
	CHECK(URL("a%0A=1") == HTTP_EFRAMING);
	/* what our forms use */
	CHECK(URL("report_type-2=1") == HTTP_OK);
	CHECK_STR(val("report_type-2"), "1");
	CHECK(URL("a%5Fb=1") == HTTP_OK);		/* an escaped '_' is still '_' */
	CHECK_STR(val("a_b"), "1");
}

static void
test_url_get_and_count(void)
{
	CHECK(URL("k=1&x=9&k=2&k=3") == HTTP_OK);
	CHECK(P.count == 4);
	CHECK_STR(val("k"), "1");			/* the first */
	CHECK(params_count(&P, "k") == 3);
	CHECK(params_count(&P, "x") == 1);
	CHECK(params_count(&P, "nope") == 0);
	CHECK(params_get(&P, "nope") == NULL);
	CHECK(params_get(&P, "K") == NULL);		/* names are case-sensitive */
	CHECK(params_get(&P, "") == NULL);
	/* an empty params */
	reset();
	CHECK(params_get(&P, "k") == NULL);
	CHECK(params_count(&P, "k") == 0);
}

static void
test_url_values_are_terminated_copies(void)
{
	const struct param *p;

	CHECK(URL("a=xyz&b=%41") == HTTP_OK);
	p = params_get(&P, "a");
	/* the value is a NUL-terminated arena copy, not a pointer into the body */
	CHECK(p != NULL && (p->value < body || p->value >= body + 11));
	CHECK(p != NULL && p->value[p->len] == '\0');
	free(body);					/* values outlive the body */
	body = NULL;
	CHECK_STR(val("a"), "xyz");
	CHECK_STR(val("b"), "A");
}

/* ---------------------------------------------------------------- multipart */

/* A PNG-ish file with NULs, lone CR and LF, "--" and a prefix of the delimiter inside. */
#define FILE1	"\x89PNG\r\n\x1a\n\0\0\0\rIHDR--\r--\n\r\n-\r\n--\r\n--bound\xff\xfe\0"

#define GOOD_BODY							\
	"--boundary\r\n"						\
	"Content-Disposition: form-data; name=\"title\"\r\n"		\
	"\r\n"								\
	"举报标题\r\n"							\
	"--boundary\r\n"						\
	"Content-Disposition: form-data; name=\"body\"\r\n"		\
	"Content-Type: text/plain; charset=UTF-8\r\n"			\
	"\r\n"								\
	"line 1\r\nline 2\r\n"						\
	"--boundary\r\n"						\
	"Content-Disposition: form-data; name=\"attachment\"; filename=\"x.png\"\r\n" \
	"Content-Type: image/png\r\n"					\
	"\r\n"								\
	FILE1 "\r\n"							\
	"--boundary--\r\n"

static void
test_mp_fields_and_file(void)
{
	const struct param *f;

	CHECK(MP(GOOD_BODY) == HTTP_OK);
	CHECK(P.count == 2);
	CHECK(P.files == 1);
	CHECK(nparams() == 3);
	CHECK_STR(val("title"), "举报标题");
	CHECK(val_len_is("title", strlen("举报标题")));
	CHECK_STR(val("body"), "line 1\r\nline 2");
	CHECK(val_len_is("body", 14));
	f = file_param("attachment");
	CHECK(f != NULL);
	CHECK(f != NULL && f->filename != NULL && strcmp(f->filename, "x.png") == 0);
	CHECK(f != NULL && f->len == sizeof(FILE1) - 1);
	CHECK(f != NULL && memcmp(f->value, FILE1, sizeof(FILE1) - 1) == 0);
	CHECK(params_get(&P, "attachment") == NULL);	/* files are not fields */
	CHECK(params_count(&P, "attachment") == 0);
}

static void
test_mp_delimiter_prefix_in_file(void)
{
	static const char content[] = "abc\r\n--boundar\r\n--boundarz\r\n-boundary\n--boundary";
	const struct param *f;

	/* "\r\n--boundar", "\r\n--boundarz", "\n--boundary" without the CR: none is the delimiter */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a.bin\"\r\n"
	    "\r\n"
	    "abc\r\n--boundar\r\n--boundarz\r\n-boundary\n--boundary\r\n"
	    "--boundary--") == HTTP_OK);
	f = file_param("f");
	CHECK(f != NULL && f->len == sizeof(content) - 1 &&
	    memcmp(f->value, content, sizeof(content) - 1) == 0);
	CHECK(P.files == 1 && P.count == 0);
	/* the same in a text field */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "x\r\n--boundar y\r\n"
	    "--boundary--") == HTTP_OK);
	CHECK_STR(val("t"), "x\r\n--boundar y");
}

static void
test_mp_empty_file(void)
{
	const struct param *f;

	/* what a browser sends for a file input left empty */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n"
	    "\r\n"
	    "t\r\n"
	    "--boundary\r\n"
	    "Content-Disposition: form-data; name=\"attachment\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "\r\n"
	    "\r\n"
	    "--boundary--\r\n") == HTTP_OK);
	CHECK(P.files == 0);
	CHECK(P.count == 1);
	f = file_param("attachment");
	CHECK(f != NULL && f->len == 0 && f->filename != NULL && f->filename[0] == '\0');
	/* an empty text field is a field */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--boundary--") == HTTP_OK);
	CHECK(P.count == 1);
	CHECK(val_len_is("t", 0));
}

static void
test_mp_missing_close(void)
{
	/* the last part never ends */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "value") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "value\r\n") == HTTP_EFRAMING);
	/* a delimiter, but not the close one */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "value\r\n"
	    "--boundary") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "value\r\n"
	    "--boundary\r\n") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "value\r\n"
	    "--boundary-") == HTTP_EFRAMING);
	/* headers without the blank line */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"") == HTTP_EFRAMING);
}

static void
test_mp_bad_start(void)
{
	CHECK(MP("") == HTTP_EFRAMING);
	CHECK(MP("--boundar") == HTTP_EFRAMING);
	CHECK(MP("--boundary") == HTTP_EFRAMING);
	/* a preamble (legal in RFC 2046, never sent by a browser) */
	CHECK(MP("preamble\r\n--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("\r\n--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--boundary--") == HTTP_EFRAMING);
	/* another boundary */
	CHECK(MP("--other\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--other--") == HTTP_EFRAMING);
	CHECK(MP("--Boundary\r\n"				/* the boundary is case-sensitive */
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--Boundary--") == HTTP_EFRAMING);
	/* the boundary must be followed by CRLF or "--" */
	CHECK(MP("--boundaryX\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--boundary--") == HTTP_EFRAMING);
	/* a body that is only the close delimiter holds no parts */
	CHECK(MP("--boundary--") == HTTP_OK);
	CHECK(P.count == 0 && P.head == NULL);
}

static void
test_mp_delimiter_followed_by_junk(void)
{
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n"
	    "--boundaryX\r\n"
	    "Content-Disposition: form-data; name=\"u\"\r\n\r\nw\r\n--boundary--") == HTTP_EFRAMING);
}

static void
test_mp_no_disposition(void)
{
	CHECK(MP("--boundary\r\n"
	    "Content-Type: text/plain\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* no headers at all */
	CHECK(MP("--boundary\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* a header line without a colon */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "junk\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* the disposition twice */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n"
	    "Content-Disposition: form-data; name=\"u\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* the disposition without a name */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; filename=\"a.png\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* a header name that merely starts like it */
	CHECK(MP("--boundary\r\n"
	    "Content-Dispositions: form-data; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
}

static void
test_mp_disposition_case_and_spacing(void)
{
	CHECK(MP("--boundary\r\n"
	    "content-disposition:form-data;name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_OK);
	CHECK_STR(val("t"), "v");
	CHECK(MP("--boundary\r\n"
	    "CONTENT-DISPOSITION: \tFORM-DATA;  NAME=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_OK);
	CHECK_STR(val("t"), "v");
	/* "filename" is not "name"; the name may come second */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; filename=\"a.bin\"; name=\"f\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_OK);
	CHECK(file_param("f") != NULL);
	CHECK(file_param("f") != NULL && strcmp(file_param("f")->filename, "a.bin") == 0);
	/* a filename in UTF-8, as browsers send it */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"举报.pdf\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_OK);
	CHECK(file_param("f") != NULL && strcmp(file_param("f")->filename, "举报.pdf") == 0);
	/* an unknown parameter with a quoted ';' is skipped */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; x=\"a;name=b\"; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_OK);
	CHECK_STR(val("t"), "v");
	CHECK(params_get(&P, "b") == NULL);
}

static void
test_mp_not_form_data(void)
{
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: attachment; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: inline; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-dat\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: \r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* a longer type that starts with "form-data" is another type */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-datax; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data-ish; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
}

static void
test_mp_bad_name_quoting(void)
{
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=t\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name='t'\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* unterminated quotes, in the name and elsewhere */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"x.png\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; x=\"y; name=\"t\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* backslash escapes are not taken */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\\\"x\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	/* a name that is not one of ours */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"a b\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EFRAMING);	/* 33 bytes */
}

static void
test_mp_nul_and_controls_in_header_params(void)
{
	/* a NUL would cut the name short: "t\0x" must not become "t" */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\0x\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") != HTTP_OK);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a\0.exe\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") != HTTP_OK);
	/* control characters in a filename would reach logs and pages */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a\x1b[31m.png\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") != HTTP_OK);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a\nb.png\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") != HTTP_OK);
	/* and an invalid UTF-8 filename */
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"\xc0\xaf.png\"\r\n"
	    "\r\n"
	    "v\r\n--boundary--") == HTTP_EUTF8);
}

static void
test_mp_too_many(void)
{
	struct http_limits l = lim;
	struct sbuf b = { 0 };
	int i;

	l.max_parts = 2;
	for (i = 0; i < 3; i++)
		PUTS(&b, "--boundary\r\n"
		    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n");
	PUTS(&b, "--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &l) == HTTP_ETOOMANY);
	l.max_parts = 3;
	CHECK(mp_l(b.p, b.len, "boundary", &l) == HTTP_OK);
	CHECK(P.count == 3 && params_count(&P, "t") == 3);

	/* files count too */
	b.len = 0;
	PUTS(&b, "--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n");
	for (i = 0; i < 2; i++)
		PUTS(&b, "--boundary\r\n"
		    "Content-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nbytes\r\n");
	PUTS(&b, "--boundary--");
	l.max_parts = 2;
	CHECK(mp_l(b.p, b.len, "boundary", &l) == HTTP_ETOOMANY);
	l.max_parts = 3;
	CHECK(mp_l(b.p, b.len, "boundary", &l) == HTTP_OK);
	CHECK(P.count == 1 && P.files == 2);

	/* and so do empty file parts: otherwise a body could add any number of them */
	b.len = 0;
	for (i = 0; i < 100; i++)
		PUTS(&b, "--boundary\r\n"
		    "Content-Disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n\r\n");
	PUTS(&b, "--boundary--");
	l.max_parts = 16;
	CHECK(mp_l(b.p, b.len, "boundary", &l) == HTTP_ETOOMANY);
	CHECK(nparams() <= 16);
	free(b.p);
}

static void
test_mp_text_limits_and_utf8(void)
{
	struct sbuf b = { 0 };

	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\n"
	    "\xc0\xaf\r\n--boundary--") == HTTP_EUTF8);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\n"
	    "a\0b\r\n--boundary--") == HTTP_EUTF8);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\n"
	    "a\x01" "b\r\n--boundary--") == HTTP_EUTF8);
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\n"
	    "a\tb\nc\r\n--boundary--") == HTTP_OK);
	CHECK_STR(val("t"), "a\tb\nc");

	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n");
	put_rep(&b, 'x', 64);
	PUTS(&b, "\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_OK);
	CHECK(val_len_is("t", 64));
	b.len = 0;
	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n");
	put_rep(&b, 'x', 65);
	PUTS(&b, "\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_ETOOLONG);
	/* a file is not held to max_value */
	b.len = 0;
	PUTS(&b, "--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n");
	put_rep(&b, 'x', 1000);
	PUTS(&b, "\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_OK);
	CHECK(file_param("f") != NULL && file_param("f")->len == 1000);
	free(b.p);
}

static void
test_mp_file_bytes_accepted(void)
{
	static const char bin[] = "\xc0\xaf\xff\0\x01\x7f\xed\xa0\x80";
	const struct param *f;

	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"b.bin\"\r\n\r\n"
	    "\xc0\xaf\xff\0\x01\x7f\xed\xa0\x80\r\n--boundary--") == HTTP_OK);
	f = file_param("f");
	CHECK(f != NULL && f->len == sizeof(bin) - 1 && memcmp(f->value, bin, sizeof(bin) - 1) == 0);
	CHECK(P.files == 1);
}

static void
test_mp_epilogue(void)
{
	CHECK(MP("--boundary\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n"
	    "--boundary--\r\nthis is the epilogue \xff\0\r\n--boundary\r\n"
	    "Content-Disposition: form-data; name=\"u\"\r\n\r\nw\r\n--boundary--") == HTTP_OK);
	CHECK(P.count == 1);
	CHECK_STR(val("t"), "v");
	CHECK(params_get(&P, "u") == NULL);
}

static void
test_mp_header_line_length(void)
{
	struct sbuf b = { 0 };
	/* "X-Pad: " + pad = 1024 bytes */
	size_t pad = 1024 - 7;

	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"\r\nX-Pad: ");
	put_rep(&b, 'p', pad);
	PUTS(&b, "\r\n\r\nv\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_OK);
	CHECK_STR(val("t"), "v");

	b.len = 0;
	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"\r\nX-Pad: ");
	put_rep(&b, 'p', pad + 1);
	PUTS(&b, "\r\n\r\nv\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_EFRAMING);

	/* the disposition line itself */
	b.len = 0;
	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"; x=\"");
	put_rep(&b, 'p', 2000);
	PUTS(&b, "\"\r\n\r\nv\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_EFRAMING);
	free(b.p);
}

static void
test_mp_header_count(void)
{
	struct sbuf b = { 0 };
	int i;

	/* 8 header lines: fine */
	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"\r\n");
	for (i = 0; i < 7; i++)
		PUTS(&b, "X-H: 1\r\n");
	PUTS(&b, "\r\nv\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_OK);
	CHECK_STR(val("t"), "v");
	/* 9: refused */
	b.len = 0;
	PUTS(&b, "--boundary\r\nContent-Disposition: form-data; name=\"t\"\r\n");
	for (i = 0; i < 8; i++)
		PUTS(&b, "X-H: 1\r\n");
	PUTS(&b, "\r\nv\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_EFRAMING);
	/* 9 with the disposition last */
	b.len = 0;
	PUTS(&b, "--boundary\r\n");
	for (i = 0; i < 8; i++)
		PUTS(&b, "X-H: 1\r\n");
	PUTS(&b, "Content-Disposition: form-data; name=\"t\"\r\n\r\nv\r\n--boundary--");
	CHECK(mp_l(b.p, b.len, "boundary", &lim) == HTTP_EFRAMING);
	free(b.p);
}

static void
test_mp_truncated(void)
{
	static const char full[] = GOOD_BODY;
	size_t flen = sizeof(full) - 1;
	/* GOOD_BODY ends "--boundary--\r\n": OK exactly from the cut after the closing "--" */
	size_t close_end = flen - 2;
	size_t cut;
	unsigned ok_early = 0, fail_late = 0, ok_late = 0;

	CHECK(memcmp(full + close_end - 12, "--boundary--", 12) == 0);
	for (cut = 0; cut < flen; cut++) {
		enum http_err e = mp_l(full, cut, "boundary", &lim);

		if (cut < close_end && e == HTTP_OK)
			ok_early++;
		if (cut >= close_end && e != HTTP_OK)
			fail_late++;
		if (cut >= close_end && e == HTTP_OK && P.count == 2 && P.files == 1)
			ok_late++;
		if (e == HTTP_OK || e == HTTP_EFRAMING || e == HTTP_EUTF8)
			continue;
		ok_early += 1000;			/* no other answer makes sense here */
	}
	CHECK(ok_early == 0);
	CHECK(fail_late == 0);
	CHECK(ok_late == 2);				/* cuts flen-2 and flen-1 */
}

/* ---------------------------------------------------------------- boundary */

static const char *
boundary(const char *ct)
{
	char		*c = ct != NULL ? exact_cstr(ct) : NULL;
	const char	*b;

	b = http_multipart_boundary(&A, c);
	free(c);
	return b;
}

static void
test_boundary(void)
{
	char ct[200];

	CHECK_STR(boundary("multipart/form-data; boundary=----WebKitFormBoundaryABC"),
	    "----WebKitFormBoundaryABC");
	CHECK_STR(boundary("multipart/form-data; boundary=\"a b'()+_,-./:=?\""), "a b'()+_,-./:=?");
	CHECK_STR(boundary("multipart/form-data; boundary=\"xyz\""), "xyz");
	CHECK_STR(boundary("Multipart/Form-Data; BOUNDARY=xyz"), "xyz");
	CHECK_STR(boundary("multipart/form-data;boundary=xyz"), "xyz");
	CHECK_STR(boundary("multipart/form-data; charset=UTF-8; boundary=xyz"), "xyz");
	CHECK_STR(boundary("multipart/form-data; boundary=xyz; charset=UTF-8"), "xyz");
	CHECK_STR(boundary("multipart/form-data ;\tboundary=xyz"), "xyz");
	CHECK(boundary("text/plain") == NULL);
	CHECK(boundary("text/plain; boundary=xyz") == NULL);
	CHECK(boundary("multipart/mixed; boundary=xyz") == NULL);
	CHECK(boundary("multipart/form-dataX; boundary=xyz") == NULL);
	CHECK(boundary("application/x-www-form-urlencoded") == NULL);
	CHECK(boundary("") == NULL);
	CHECK(boundary(NULL) == NULL);
	/* no boundary */
	CHECK(boundary("multipart/form-data") == NULL);
	CHECK(boundary("multipart/form-data;") == NULL);
	CHECK(boundary("multipart/form-data; charset=UTF-8") == NULL);
	CHECK(boundary("multipart/form-data; boundary=") == NULL);
	CHECK(boundary("multipart/form-data; boundary=\"\"") == NULL);
	CHECK(boundary("multipart/form-data; boundary=;") == NULL);
	CHECK(boundary("multipart/form-data; xboundary=xyz") == NULL);
	CHECK(boundary("multipart/form-data; boundary=\"xyz") == NULL);	/* unterminated */
	/* invalid characters */
	CHECK(boundary("multipart/form-data; boundary=ab<c") == NULL);
	CHECK(boundary("multipart/form-data; boundary=ab\x01" "c") == NULL);
	CHECK(boundary("multipart/form-data; boundary=ab\xe4\xb8\xbe") == NULL);
	CHECK(boundary("multipart/form-data; boundary=\"a\\b\"") == NULL);
	CHECK(boundary("multipart/form-data; boundary=\"a;b\"") == NULL);
	CHECK(boundary("multipart/form-data; boundary=a\"b") == NULL);
	/* length: 70 is the most */
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%070d", 7);
	CHECK(boundary(ct) != NULL && strlen(boundary(ct)) == 70);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 7);
	CHECK(boundary(ct) == NULL);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=\"%071d\"", 7);
	CHECK(boundary(ct) == NULL);
	arena_reset(&A);
}

/* ---------------------------------------------------------------- cookies */

static void
cookies(const char *h, size_t max)
{
	char *c = h != NULL ? exact_cstr(h) : NULL;

	reset();
	http_parse_cookies(&A, c, max, &P);
	free(c);
}

static void
test_cookies(void)
{
	cookies("a=1; b=2", 32);
	CHECK(P.count == 2);
	CHECK_STR(val("a"), "1");
	CHECK_STR(val("b"), "2");
	CHECK(val_len_is("b", 1));
	cookies("sid=abc=def;x=y", 32);			/* '=' in a value; no space after ';' */
	CHECK_STR(val("sid"), "abc=def");
	CHECK_STR(val("x"), "y");
	cookies("a=", 32);				/* an empty value is a value */
	CHECK(P.count == 1 && val_len_is("a", 0));
	cookies("", 32);
	CHECK(P.count == 0);
	cookies(NULL, 32);
	CHECK(P.count == 0);
}

static void
test_cookies_junk_skipped(void)
{
	cookies("junk; =x; c=3; ;; d; e=5", 32);
	CHECK(P.count == 2);
	CHECK_STR(val("c"), "3");
	CHECK_STR(val("e"), "5");
	CHECK(params_get(&P, "junk") == NULL);
	CHECK(params_get(&P, "d") == NULL);
	CHECK(params_get(&P, "") == NULL);
}

static void
test_cookies_max(void)
{
	cookies("a=1; b=2; c=3; d=4", 2);
	CHECK(P.count == 2);
	CHECK_STR(val("a"), "1");
	CHECK_STR(val("b"), "2");
	CHECK(params_get(&P, "c") == NULL);
	/* skipped junk does not use up the count */
	cookies("x; y; a=1; b=2", 2);
	CHECK(P.count == 2);
	cookies("a=1", 0);
	CHECK(P.count == 0);
}

static void
test_cookies_bad_values(void)
{
	char big[300];

	cookies("a=1 2; b=3", 32);
	CHECK(P.count == 1 && params_get(&P, "a") == NULL);
	CHECK_STR(val("b"), "3");
	cookies("a=x\x01y; b=3", 32);
	CHECK(P.count == 1 && params_get(&P, "a") == NULL);
	cookies("a=x\ty; b=3", 32);
	CHECK(P.count == 1 && params_get(&P, "a") == NULL);
	cookies("a=x\x7fy; b=3", 32);
	CHECK(P.count == 1 && params_get(&P, "a") == NULL);
	cookies("a=\xe4\xb8\xbe; b=3", 32);		/* non-ASCII */
	CHECK(P.count == 1 && params_get(&P, "a") == NULL);
	cookies("a b=1; b=3", 32);			/* space in the name */
	CHECK(P.count == 1 && params_get(&P, "a b") == NULL);
	/* value length: 256 is the most */
	memset(big, 'v', sizeof(big));
	memcpy(big, "a=", 2);
	big[2 + 256] = '\0';
	cookies(big, 32);
	CHECK(P.count == 1 && val_len_is("a", 256));
	big[2 + 256] = 'v';
	big[2 + 257] = '\0';
	cookies(big, 32);
	CHECK(P.count == 0);
	reset();
}

/* ---------------------------------------------------------------- content length */

static long long
clen(const char *s, long long max)
{
	char		*c = s != NULL ? exact_cstr(s) : NULL;
	long long	 v = http_content_length(c, max);

	free(c);
	return v;
}

static void
test_content_length(void)
{
	CHECK(clen(NULL, 1000) == 0);
	CHECK(clen("", 1000) == 0);
	CHECK(clen("0", 1000) == 0);
	CHECK(clen("123", 1000) == 123);
	CHECK(clen("007", 1000) == 7);
	CHECK(clen("1000", 1000) == 1000);
	CHECK(clen("1001", 1000) == -1);
	CHECK(clen("99999", 1000) == -1);
	CHECK(clen("-1", 1000) == -1);
	CHECK(clen("+1", 1000) == -1);
	CHECK(clen("1a", 1000) == -1);
	CHECK(clen(" 1", 1000) == -1);
	CHECK(clen("1 ", 1000) == -1);
	CHECK(clen("0x10", 1000) == -1);
	CHECK(clen("1e3", 1000) == -1);
	CHECK(clen("99999999999999999999999", 1000) == -1);
	CHECK(clen("99999999999999999999999", LLONG_MAX) == -1);
	CHECK(clen("9223372036854775807", LLONG_MAX) == LLONG_MAX);
	CHECK(clen("9223372036854775808", LLONG_MAX) == -1);
	CHECK(clen("10485760", 10485760) == 10485760);
	CHECK(clen("10485761", 10485760) == -1);
	/* a one-digit length over a small max */
	CHECK(clen("9", 5) == -1);
	CHECK(clen("5", 5) == 5);
	CHECK(clen("1", 0) == -1);
	CHECK(clen("0", 0) == 0);
}

/* ---------------------------------------------------------------- fuzz */

static bool
name_plain(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > lim.max_name)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n;
}

/* What an HTTP_OK result promises: see http.h. */
static bool
result_sane(const char *buf, size_t len)
{
	const struct param *p;
	unsigned n = 0, count = 0, files = 0;

	for (p = P.head; p != NULL; p = p->next) {
		n++;
		if (!name_plain(p->name))
			return false;
		if (p->filename != NULL) {
			if (!text_clean(p->filename, strlen(p->filename), false))
				return false;
			if (p->len > 0 && (p->value < buf || p->value + p->len > buf + len))
				return false;
			files += p->len > 0;
			continue;
		}
		count++;
		if (p->len > lim.max_value || strlen(p->value) != p->len)
			return false;
		if (!utf8_valid(p->value, p->len) || !text_clean(p->value, p->len, true))
			return false;
	}
	return n <= lim.max_parts && count == P.count && files == P.files;
}

static unsigned	rnd(unsigned n) { return (unsigned)rand() % n; }

/* A byte, mostly from those that mean something to the parsers. */
static char
rnd_byte(void)
{
	static const char interesting[] = "=&%+-\r\n\"; :abAB09Fx\t\0\xe4\xb8\xbe\xc0\xff";

	if (rnd(4) == 0)
		return (char)rnd(256);
	return interesting[rnd(sizeof(interesting) - 1)];
}

static void
test_fuzz_urlencoded(void)
{
	char s[64];
	unsigned i, ok = 0, bad = 0;

	srand(1);
	for (i = 0; i < 20000; i++) {
		size_t len = rnd(sizeof(s) + 1), j;

		for (j = 0; j < len; j++)
			s[j] = rnd_byte();
		if (url_l(s, len, &lim) == HTTP_OK) {
			ok++;
			if (!result_sane(body, len))
				bad++;
		}
	}
	CHECK(bad == 0);
	CHECK(ok > 100);				/* the loop did reach the happy path */
}

static void
test_fuzz_multipart_random(void)
{
	char s[96];
	unsigned i, bad = 0;

	srand(2);
	for (i = 0; i < 20000; i++) {
		size_t len = rnd(sizeof(s) + 1), j = 0;

		/* half of them start well, so that the parser goes past the first line */
		if (rnd(2) == 0 && len >= 5) {
			memcpy(s, "--B\r\n", 5);
			j = 5;
		}
		for (; j < len; j++)
			s[j] = rnd(3) == 0 ? "-B\r\n"[rnd(4)] : rnd_byte();
		if (mp_l(s, len, "B", &lim) == HTTP_OK && !result_sane(body, len))
			bad++;
	}
	CHECK(bad == 0);
}

static void
test_fuzz_multipart_mutated(void)
{
	static const char good[] = GOOD_BODY;
	char s[sizeof(good) + 16];
	unsigned i, ok = 0, bad = 0;

	srand(3);
	for (i = 0; i < 20000; i++) {
		size_t len = sizeof(good) - 1, k, nmut = 1 + rnd(4);

		memcpy(s, good, len);
		for (k = 0; k < nmut; k++) {
			size_t at = rnd((unsigned)len + 1);

			switch (rnd(3)) {
			case 0:		/* overwrite */
				if (at < len)
					s[at] = rnd_byte();
				break;
			case 1:		/* insert */
				if (len < sizeof(s)) {
					memmove(s + at + 1, s + at, len - at);
					s[at] = rnd_byte();
					len++;
				}
				break;
			default:	/* delete */
				if (at < len) {
					memmove(s + at, s + at + 1, len - at - 1);
					len--;
				}
				break;
			}
		}
		if (mp_l(s, len, "boundary", &lim) == HTTP_OK) {
			ok++;
			if (!result_sane(body, len))
				bad++;
		}
	}
	CHECK(bad == 0);
	CHECK(ok > 100);
}

/* Every status the programs answer has its own reason phrase (a failed login once went out as
 * "401 Internal Server Error"). */
static void
test_status_texts(void)
{
	static const struct { int status; const char *text; } want[] = {
		{ 200, "OK" }, { 303, "See Other" }, { 400, "Bad Request" },
		{ 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" },
		{ 405, "Method Not Allowed" }, { 409, "Conflict" }, { 413, "Content Too Large" },
		{ 415, "Unsupported Media Type" }, { 429, "Too Many Requests" },
		{ 500, "Internal Server Error" }, { 503, "Service Unavailable" },
	};
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		CHECK_STR(http_status_text(want[i].status), want[i].text);
}

int
main(void)
{
	arena_init(&A);
	test_status_texts();
	test_url_two_params();
	test_url_empty_body();
	test_url_plus_is_space();
	test_url_percent_utf8();
	test_url_empty_segments();
	test_url_name_without_value();
	test_url_bad_escapes();
	test_url_invalid_utf8();
	test_url_controls();
	test_url_embedded_nul();
	test_url_too_many();
	test_url_value_length();
	test_url_name_length();
	test_url_bad_names();
	test_url_get_and_count();
	test_url_values_are_terminated_copies();
	test_mp_fields_and_file();
	test_mp_delimiter_prefix_in_file();
	test_mp_empty_file();
	test_mp_missing_close();
	test_mp_bad_start();
	test_mp_delimiter_followed_by_junk();
	test_mp_no_disposition();
	test_mp_disposition_case_and_spacing();
	test_mp_not_form_data();
	test_mp_bad_name_quoting();
	test_mp_nul_and_controls_in_header_params();
	test_mp_too_many();
	test_mp_text_limits_and_utf8();
	test_mp_file_bytes_accepted();
	test_mp_epilogue();
	test_mp_header_line_length();
	test_mp_header_count();
	test_mp_truncated();
	test_boundary();
	test_cookies();
	test_cookies_junk_skipped();
	test_cookies_max();
	test_cookies_bad_values();
	test_content_length();
	test_fuzz_urlencoded();
	test_fuzz_multipart_random();
	test_fuzz_multipart_mutated();
	reset();
	arena_free(&A);
	return unit_done();
}
