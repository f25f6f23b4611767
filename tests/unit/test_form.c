/*
 * test_form.c: unit tests for lib/form.c, the key-table form validation.
 *
 * Params come from the real parsers (lib/http.c) fed with heap buffers of exactly the body's
 * length, as a program gets them. The key table is shaped like the report form's: a required
 * single-line text, a multiple choice, an optional phone number, a required multiline text and
 * a secret that is never echoed back.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "arena.h"
#include "form.h"
#include "http.h"
#include "render.h"
#include "unit.h"

static const struct option kinds[] = {
	{ "pollution", "环境污染" },
	{ "safety",    "安全生产" },
	{ "other",     "其他" },
	{ NULL, NULL },
};

enum { K_TITLE, K_KIND, K_PHONE, K_BODY, K_CODE, NKEYS };

static const struct form_key keys[NKEYS] = {
	[K_TITLE] = { "title", NULL, 2, 10, FORM_REQUIRED, NULL, "标题须为2至10个字。" },
	[K_KIND]  = { "kind", form_choice, 0, 0, FORM_MULTI, kinds, "请从列表中选择类别。" },
	[K_PHONE] = { "phone", form_phone, 0, 0, 0, NULL, "电话号码格式不正确。" },
	[K_BODY]  = { "body", NULL, 1, 20, FORM_REQUIRED | FORM_MULTILINE, NULL,
	    "请填写内容，至多20个字。" },
	[K_CODE]  = { "captcha", NULL, 0, 0, FORM_SECRET, NULL, "验证码不正确。" },
};

static const struct http_limits lim = { .max_parts = 32, .max_name = 32, .max_value = 1024 };

static struct arena		A;
static struct params		P;
static struct form_field	F[NKEYS];
static char			*body;	/* the last parsed body; file values point into it */

static void
reset(void)
{
	free(body);
	body = NULL;
	arena_reset(&A);
	memset(&P, 0, sizeof(P));
	memset(F, 0xa5, sizeof(F));		/* form_validate must set every slot */
}

#define PARSE_FAILED	1000u

/* Parse an urlencoded body and validate it: the number of fields in error. */
static unsigned
validate_l(const char *s, size_t len)
{
	reset();
	body = exact_copy(s, len);
	if (http_parse_urlencoded(&A, body, len, &lim, &P) != HTTP_OK)
		return PARSE_FAILED;
	return form_validate(&A, keys, NKEYS, &P, F);
}

#define V(lit)		validate_l((lit), sizeof(lit) - 1)

static bool
fine(int k)
{
	return F[k].error == NULL;
}

static bool
failed(int k)
{
	return F[k].error != NULL && F[k].error == keys[k].message;
}

/* The serialised document, malloc'd by libxml2. */
static char *
dump(xmlDocPtr doc)
{
	xmlChar *out = NULL;
	int len = 0;
	char *s;

	xmlDocDumpMemory(doc, &out, &len);
	if (out == NULL || len < 0)
		abort();
	s = exact_copy((const char *)out, (size_t)len + 1);
	s[len] = '\0';
	xmlFree(out);
	return s;
}

static unsigned
occurrences(const char *hay, const char *needle)
{
	unsigned n = 0;
	const char *p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* ---------------------------------------------------------------- validation */

static void
test_all_fine(void)
{
	CHECK(V("title=%E4%B8%BE%E6%8A%A5&kind=safety&kind=other&phone=13800138000"
	    "&body=line+1%0D%0Aline+2&captcha=x7k2") == 0);
	CHECK(fine(K_TITLE) && fine(K_KIND) && fine(K_PHONE) && fine(K_BODY) && fine(K_CODE));
	CHECK_STR(F[K_TITLE].value, "举报");
	CHECK(F[K_TITLE].len == 6);
	CHECK(F[K_TITLE].nvalues == 1);
	CHECK(F[K_TITLE].values == NULL);		/* only FORM_MULTI keys get a list */
	CHECK(F[K_KIND].nvalues == 2);
	CHECK(F[K_KIND].values != NULL);
	CHECK_STR(F[K_KIND].values[0], "safety");
	CHECK_STR(F[K_KIND].values[1], "other");
	CHECK(F[K_KIND].values != NULL && F[K_KIND].values[2] == NULL);
	CHECK_STR(F[K_KIND].value, "safety");		/* the first */
	CHECK_STR(F[K_PHONE].value, "13800138000");
	CHECK_STR(F[K_BODY].value, "line 1\r\nline 2");
	CHECK(F[K_BODY].len == 14);
	CHECK_STR(F[K_CODE].value, "x7k2");
}

static void
test_optional_absent(void)
{
	CHECK(V("title=ab&body=x") == 0);
	CHECK(F[K_KIND].value == NULL && F[K_KIND].nvalues == 0);
	CHECK(F[K_KIND].values != NULL && F[K_KIND].values[0] == NULL);
	CHECK(F[K_PHONE].value == NULL && F[K_PHONE].nvalues == 0 && fine(K_PHONE));
	CHECK(F[K_CODE].value == NULL && fine(K_CODE));
	/* present but empty is absent */
	CHECK(V("title=ab&body=x&phone=&kind=&captcha=") == 0);
	CHECK(F[K_PHONE].value == NULL && F[K_KIND].nvalues == 0);
}

static void
test_required_missing(void)
{
	CHECK(V("body=x") == 1);
	CHECK(failed(K_TITLE));
	CHECK(F[K_TITLE].value == NULL && F[K_TITLE].nvalues == 0);
	CHECK(fine(K_BODY) && fine(K_KIND) && fine(K_PHONE));
	CHECK(V("title=&body=x") == 1);
	CHECK(failed(K_TITLE));
	CHECK(V("") == 2);
	CHECK(failed(K_TITLE) && failed(K_BODY));
	CHECK(fine(K_KIND) && fine(K_PHONE) && fine(K_CODE));
	CHECK(V("Title=ab&body=x") == 1);		/* names are case-sensitive */
	CHECK(failed(K_TITLE));
}

static void
test_length_in_characters(void)
{
	/* 举 is one character in three bytes */
	CHECK(V("body=x&title=%E4%B8%BE") == 1);
	CHECK(failed(K_TITLE));
	CHECK(V("body=x&title=%E4%B8%BE%E6%8A%A5") == 0);			/* 2 chars, 6 bytes */
	CHECK(V("body=x&title=a") == 1);
	CHECK(V("body=x&title=ab") == 0);
	/* 10 characters, 30 bytes: fine; 11: too long */
	CHECK(V("body=x&title=%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE") == 0);
	CHECK(F[K_TITLE].len == 30);
	CHECK(V("body=x&title=%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE") == 1);
	CHECK(failed(K_TITLE));
	CHECK(V("body=x&title=abcdefghij") == 0);
	CHECK(V("body=x&title=abcdefghijk") == 1);
	/* a four-byte character is one too */
	CHECK(V("body=x&title=%F0%9F%98%80%F0%9F%98%80") == 0);
	/* the multiline field: 20 characters, line breaks count */
	CHECK(V("title=ab&body=%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE") == 0);
	CHECK(V("title=ab&body=%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE") == 1);
	CHECK(failed(K_BODY));
	CHECK(V("title=ab&body=0123456789%0A012345678") == 0);		/* 20 with the LF */
	CHECK(V("title=ab&body=0123456789%0A0123456789") == 1);
}

static void
test_blank_is_absent(void)
{
	CHECK(V("body=x&title=+++") == 1);
	CHECK(failed(K_TITLE) && F[K_TITLE].value == NULL);
	/* the ideographic space U+3000 */
	CHECK(V("body=x&title=%E3%80%80%E3%80%80") == 1);
	CHECK(failed(K_TITLE) && F[K_TITLE].value == NULL);
	CHECK(V("body=x&title=%E3%80%80") == 1);
	CHECK(failed(K_TITLE));
	CHECK(V("title=ab&body=%09%0D%0A+%E3%80%80%0A") == 1);
	CHECK(failed(K_BODY) && F[K_BODY].value == NULL);
	/* blank optional fields are simply absent, not wrong */
	CHECK(V("title=ab&body=x&phone=+&kind=%E3%80%80") == 0);
	CHECK(F[K_PHONE].value == NULL && F[K_KIND].nvalues == 0);
	/* a blank among real values is dropped */
	CHECK(V("title=ab&body=x&kind=+&kind=other") == 0);
	CHECK(F[K_KIND].nvalues == 1);
	CHECK_STR(F[K_KIND].values[0], "other");
	/* text around the blanks is not blank */
	CHECK(V("body=x&title=%E3%80%80ab") == 0);
	CHECK(V("body=x&title=%E3%80%80a") == 0);			/* 2 characters */
	/* a lone first byte of U+3000 is not a space */
	CHECK(V("body=x&title=%E3%80") == PARSE_FAILED);
}

static void
test_line_breaks(void)
{
	CHECK(V("body=x&title=ab%0Acd") == 1);
	CHECK(failed(K_TITLE));
	CHECK(V("body=x&title=ab%0Dcd") == 1);
	CHECK(V("body=x&title=ab%09cd") == 1);				/* a tab too */
	CHECK(V("title=ab&body=ab%0Acd") == 0);
	CHECK(fine(K_BODY));
	CHECK_STR(F[K_BODY].value, "ab\ncd");
	CHECK(V("title=ab&body=ab%0D%0Acd%09e") == 0);
	/* the phone is single-line too */
	CHECK(V("title=ab&body=x&phone=13800138000%0A") == 1);
	CHECK(failed(K_PHONE));
}

static void
test_choice(void)
{
	CHECK(V("title=ab&body=x&kind=nope") == 1);
	CHECK(failed(K_KIND));
	CHECK(V("title=ab&body=x&kind=safety&kind=nope") == 1);
	CHECK(failed(K_KIND));
	CHECK(V("title=ab&body=x&kind=nope&kind=safety") == 1);
	CHECK(V("title=ab&body=x&kind=safet") == 1);			/* a prefix */
	CHECK(V("title=ab&body=x&kind=safetyx") == 1);
	CHECK(V("title=ab&body=x&kind=Safety") == 1);
	CHECK(V("title=ab&body=x&kind=%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7") == 1);	/* the label */
	CHECK(V("title=ab&body=x&kind=pollution") == 0);
	CHECK(F[K_KIND].nvalues == 1);
}

static void
test_single_field_twice(void)
{
	CHECK(V("title=ab&title=cd&body=x") == 1);
	CHECK(failed(K_TITLE));
	CHECK(V("title=ab&title=ab&body=x") == 1);			/* even the same value */
	CHECK(failed(K_TITLE));
	CHECK(V("title=ab&body=x&phone=13800138000&phone=13800138000") == 1);
	CHECK(failed(K_PHONE));
	CHECK(V("title=ab&body=x&body=y") == 1);
	CHECK(failed(K_BODY));
}

static void
test_multi_distinct(void)
{
	CHECK(V("title=ab&body=x&kind=safety&kind=other&kind=safety&kind=other&kind=safety") == 0);
	CHECK(F[K_KIND].nvalues == 2);
	CHECK_STR(F[K_KIND].values[0], "safety");
	CHECK_STR(F[K_KIND].values[1], "other");
	CHECK(F[K_KIND].values[2] == NULL);
	CHECK(V("title=ab&body=x&kind=other&kind=pollution&kind=safety") == 0);
	CHECK(F[K_KIND].nvalues == 3);
	CHECK_STR(F[K_KIND].values[0], "other");
	CHECK_STR(F[K_KIND].values[2], "safety");
	CHECK(F[K_KIND].values[3] == NULL);
	CHECK(V("title=ab&body=x&kind=other") == 0);
	CHECK(F[K_KIND].nvalues == 1);
}

static void
test_phone(void)
{
	CHECK(V("title=ab&body=x&phone=010-12345678") == 0);
	CHECK(V("title=ab&body=x&phone=%2B86+13800138000") == 0);
	CHECK(V("title=ab&body=x&phone=12345") == 1);
	CHECK(failed(K_PHONE));
	CHECK(V("title=ab&body=x&phone=1380013800a") == 1);
}

static void
test_errors_counted_per_field(void)
{
	/* every field wrong at once: one error each, the first message kept */
	CHECK(V("title=a&kind=nope&kind=bad&phone=1&body=%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE"
	    "%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE%E4%B8%BE") == 4);
	CHECK(failed(K_TITLE) && failed(K_KIND) && failed(K_PHONE) && failed(K_BODY));
	CHECK(fine(K_CODE));
}

static void
test_form_fail(void)
{
	struct form_field f = { 0 };

	form_fail(&f, "first");
	CHECK_STR(f.error, "first");
	form_fail(&f, "second");			/* the first message stays */
	CHECK_STR(f.error, "first");
	/* a conditional rule on a validated field */
	CHECK(V("title=ab&body=x") == 0);
	form_fail(&F[K_PHONE], "请填写电话。");
	CHECK_STR(F[K_PHONE].error, "请填写电话。");
}

static void
test_validators(void)
{
	static const struct form_key none = { "x", form_choice, 0, 0, 0, NULL, "m" };
	static const struct form_key digits = { "x", form_digits, 0, 0, 0, NULL, "m" };

	CHECK(form_choice(&keys[K_KIND], "other", 5));
	CHECK(!form_choice(&keys[K_KIND], "other", 4));		/* by length, not by NUL */
	CHECK(!form_choice(&keys[K_KIND], "", 0));
	CHECK(!form_choice(&none, "other", 5));			/* no choices: nothing fits */
	CHECK(form_digits(&digits, "0123", 4));
	CHECK(!form_digits(&digits, "01a3", 4));
	CHECK(form_phone(&keys[K_PHONE], "13800138000", 11));
	CHECK(!form_phone(&keys[K_PHONE], "1380013800", 10));
}

/* Bounded numbers, dates, tickets and codes: the typed validators every program's key table
 * uses for what arrives in a request (kcgi's regress style: one valid and one invalid input
 * per behaviour). */
static void
test_typed_validators(void)
{
	static const struct form_key page = { "page", form_int, 0, 0, 0, NULL, "m", 1, 10000 };
	static const struct form_key temp = { "t", form_int, 0, 0, 0, NULL, "m", -50, 50 };
	static const struct form_key wide = { "w", form_int, 0, 0, 0, NULL, "m", INT64_MIN,
	    INT64_MAX };
	int64_t n = 7;

	CHECK(form_int(&page, "1", 1));
	CHECK(form_int(&page, "10000", 5));
	CHECK(!form_int(&page, "0", 1));				/* below */
	CHECK(!form_int(&page, "10001", 5));				/* above */
	CHECK(!form_int(&page, "99999999999999999999", 20));		/* would overflow */
	CHECK(!form_int(&page, "18446744073709551617", 20));		/* wraps to 1 */
	CHECK(!form_int(&page, "-1", 2));				/* no sign allowed */
	CHECK(!form_int(&page, "+1", 2));
	CHECK(!form_int(&page, " 1", 2));
	CHECK(!form_int(&page, "1 ", 2));
	CHECK(!form_int(&page, "01", 2));				/* one spelling */
	CHECK(!form_int(&page, "1e3", 3));
	CHECK(!form_int(&page, "", 0));
	CHECK(form_int(&page, "12", 1));
	CHECK(form_int(&temp, "-50", 3));
	CHECK(!form_int(&temp, "-51", 3));
	CHECK(!form_int(&temp, "-0", 2));
	CHECK(!form_int(&temp, "-", 1));
	CHECK(form_parse_int("9223372036854775807", 19, INT64_MIN, INT64_MAX, &n) &&
	    n == INT64_MAX);
	CHECK(form_parse_int("-9223372036854775808", 20, INT64_MIN, INT64_MAX, &n) &&
	    n == INT64_MIN);
	CHECK(!form_int(&wide, "9223372036854775808", 19));
	CHECK(!form_int(&wide, "-9223372036854775809", 20));
	n = 7;
	CHECK(!form_parse_int("x", 1, 0, 9, &n) && n == 7);		/* untouched on failure */

	CHECK(form_id(NULL, "1", 1));
	CHECK(form_id(NULL, "9007199254740992", 16));			/* 2^53 */
	CHECK(!form_id(NULL, "9007199254740993", 16));
	CHECK(!form_id(NULL, "0", 1));
	CHECK(!form_id(NULL, "-3", 2));

	CHECK(form_date(NULL, "2026-02-28", 10));
	CHECK(!form_date(NULL, "2026-02-29", 10));			/* not a real day */
	CHECK(!form_date(NULL, "2026-2-28", 9));
	CHECK(!form_date(NULL, "2026-02-28x", 11));

	CHECK(form_ticket(NULL, "4000000000000002", 16));
	CHECK(form_ticket(NULL, "4000 0000 0000 0002", 19));		/* as printed */
	CHECK(!form_ticket(NULL, "4000000000000003", 16));		/* check digit */
	CHECK(!form_ticket(NULL, "400000000000000", 15));
	CHECK(form_code(NULL, "ABCD2345", 8));
	CHECK(form_code(NULL, "abcd-2345", 9));
	CHECK(!form_code(NULL, "ABCD2341", 8));				/* 1 is not a symbol */
	CHECK(!form_code(NULL, "ABCD234", 7));
}

/* form_validate hands the handler the typed value: the number, the ticket's 16 digits. */
static void
test_typed_values(void)
{
	enum { T_PAGE, T_TICKET, T_DAY, NT };
	static const struct form_key tk[NT] = {
		[T_PAGE] = { "page", form_int, 0, 0, 0, NULL, "页码无效。", 1, 100000 },
		[T_TICKET] = { "ticket", form_ticket, 0, 0, 0, NULL, "受理编号无效。" },
		[T_DAY] = { "day", form_date, 0, 0, 0, NULL, "日期无效。" },
	};
	static const char ok[] = "page=42&ticket=4000+0000+0000+0002&day=2026-11-29";
	static const char bad[] = "page=99999999999999999999&ticket=4000&day=2026-13-01";
	struct form_field tf[NT];

	reset();
	body = exact_copy(ok, sizeof(ok) - 1);
	CHECK(http_parse_urlencoded(&A, body, sizeof(ok) - 1, &lim, &P) == HTTP_OK);
	CHECK(form_validate(&A, tk, NT, &P, tf) == 0);
	CHECK(tf[T_PAGE].num == 42);
	CHECK_STR(tf[T_TICKET].value, "4000000000000002");
	CHECK(tf[T_TICKET].len == 16);
	CHECK_STR(tf[T_DAY].value, "2026-11-29");
	reset();
	body = exact_copy(bad, sizeof(bad) - 1);
	CHECK(http_parse_urlencoded(&A, body, sizeof(bad) - 1, &lim, &P) == HTTP_OK);
	CHECK(form_validate(&A, tk, NT, &P, tf) == 3);
	CHECK_STR(tf[T_PAGE].error, "页码无效。");
	CHECK(tf[T_PAGE].num == 0);
	CHECK_STR(tf[T_TICKET].error, "受理编号无效。");
	CHECK_STR(tf[T_DAY].error, "日期无效。");
}

/* ---------------------------------------------------------------- XML */

#define MP_PART(name, value)						\
	"--b\r\nContent-Disposition: form-data; name=\"" name "\"\r\n\r\n" value "\r\n"

static void
test_values_xml(void)
{
	static const char mp[] =
	    MP_PART("title", "<b>&\"x\"</b>")
	    MP_PART("captcha", "SECRET123")
	    MP_PART("kind", "safety")
	    MP_PART("kind", "other")
	    MP_PART("zzz", "not in the table")
	    MP_PART("body", "a]]>b\r\nc")
	    "--b\r\nContent-Disposition: form-data; name=\"body\"; filename=\"FILENAME.png\"\r\n"
	    "\r\nFILEBYTES\r\n"
	    "--b--\r\n";
	xmlDocPtr doc;
	xmlNodePtr root;
	char *s;

	reset();
	body = exact_copy(mp, sizeof(mp) - 1);
	CHECK(http_parse_multipart(&A, body, sizeof(mp) - 1, "b", &lim, &P) == HTTP_OK);
	CHECK(P.files == 1);
	doc = xml_doc("page", &root);
	form_values_xml(root, keys, NKEYS, &P);
	s = dump(doc);
	CHECK(strstr(s, "<values>") != NULL);
	CHECK(strstr(s, "<value name=\"title\">&lt;b&gt;&amp;\"x\"&lt;/b&gt;</value>") != NULL);
	CHECK(strstr(s, "<b>") == NULL);				/* no markup leaks */
	CHECK(strstr(s, "<value name=\"kind\">safety</value><value name=\"kind\">other</value>")
	    != NULL);
	CHECK(strstr(s, "a]]&gt;b") != NULL);
	CHECK(occurrences(s, "<value ") == 4);			/* title, kind, kind, body */
	CHECK(strstr(s, "SECRET123") == NULL);			/* FORM_SECRET */
	CHECK(strstr(s, "captcha") == NULL);
	CHECK(strstr(s, "zzz") == NULL);			/* not one of the keys */
	CHECK(strstr(s, "not in the table") == NULL);
	CHECK(strstr(s, "FILEBYTES") == NULL);			/* file parts */
	CHECK(strstr(s, "FILENAME") == NULL);
	CHECK(occurrences(s, "name=\"body\"") == 1);
	free(s);
	xmlFreeDoc(doc);

	/* nothing sent: an empty <values/> */
	reset();
	doc = xml_doc("page", &root);
	form_values_xml(root, keys, NKEYS, &P);
	s = dump(doc);
	CHECK(strstr(s, "<values/>") != NULL);
	free(s);
	xmlFreeDoc(doc);
}

static void
test_values_xml_text(void)
{
	xmlDocPtr doc;
	xmlNodePtr root, v;

	/* the text in the tree is exactly what was sent, Chinese and all */
	CHECK(V("title=%E4%B8%BE%E6%8A%A5%3C%26&body=x") == 0);
	doc = xml_doc("page", &root);
	form_values_xml(root, keys, NKEYS, &P);
	v = root->children != NULL ? root->children->children : NULL;	/* values/value */
	CHECK(v != NULL && xmlStrcmp(v->name, (const xmlChar *)"value") == 0);
	if (v != NULL) {
		xmlChar *t = xmlNodeGetContent(v);
		xmlChar *n = xmlGetProp(v, (const xmlChar *)"name");

		CHECK(t != NULL && strcmp((const char *)t, "举报<&") == 0);
		CHECK(n != NULL && strcmp((const char *)n, "title") == 0);
		xmlFree(t);
		xmlFree(n);
	}
	xmlFreeDoc(doc);
}

static void
test_errors_xml(void)
{
	xmlDocPtr doc;
	xmlNodePtr root, n;
	char *s;
	unsigned nfields = 0;

	CHECK(V("title=a&body=x&phone=1") == 2);
	doc = xml_doc("errors", &root);
	form_errors_xml(root, keys, NKEYS, F);
	for (n = root->children; n != NULL; n = n->next) {
		xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
		xmlChar *text = xmlNodeGetContent(n);

		nfields++;
		CHECK(xmlStrcmp(n->name, (const xmlChar *)"field") == 0);
		if (nfields == 1) {
			CHECK(name != NULL && strcmp((const char *)name, "title") == 0);
			CHECK(text != NULL && strcmp((const char *)text, keys[K_TITLE].message) == 0);
		} else {
			CHECK(name != NULL && strcmp((const char *)name, "phone") == 0);
			CHECK(text != NULL && strcmp((const char *)text, keys[K_PHONE].message) == 0);
		}
		xmlFree(name);
		xmlFree(text);
	}
	CHECK(nfields == 2);
	s = dump(doc);
	CHECK(strstr(s, "<field name=\"title\">") != NULL);
	CHECK(strstr(s, "<field name=\"phone\">") != NULL);
	CHECK(strstr(s, "name=\"body\"") == NULL);
	CHECK(strstr(s, "name=\"kind\"") == NULL);
	free(s);
	xmlFreeDoc(doc);

	/* no errors: no fields */
	CHECK(V("title=ab&body=x") == 0);
	doc = xml_doc("errors", &root);
	form_errors_xml(root, keys, NKEYS, F);
	CHECK(root->children == NULL);
	xmlFreeDoc(doc);
}

static void
test_errors_xml_escapes(void)
{
	static const struct form_key k[1] = {
		{ "x", NULL, 0, 0, FORM_REQUIRED, NULL, "a < b & c" },
	};
	struct form_field f[1];
	xmlDocPtr doc;
	xmlNodePtr root;
	char *s;

	CHECK(V("") == 2);
	CHECK(form_validate(&A, k, 1, &P, f) == 1);
	doc = xml_doc("errors", &root);
	form_errors_xml(root, k, 1, f);
	s = dump(doc);
	CHECK(strstr(s, "<field name=\"x\">a &lt; b &amp; c</field>") != NULL);
	free(s);
	xmlFreeDoc(doc);
}

static void
test_options_xml(void)
{
	xmlDocPtr doc;
	xmlNodePtr root, list, o;
	unsigned n = 0;

	doc = xml_doc("page", &root);
	form_options_xml(root, "kinds", kinds);
	list = root->children;
	CHECK(list != NULL && xmlStrcmp(list->name, (const xmlChar *)"kinds") == 0);
	for (o = list != NULL ? list->children : NULL; o != NULL; o = o->next, n++) {
		xmlChar *v = xmlGetProp(o, (const xmlChar *)"value");
		xmlChar *t = xmlNodeGetContent(o);

		CHECK(xmlStrcmp(o->name, (const xmlChar *)"option") == 0);
		CHECK(n < 3 && v != NULL && strcmp((const char *)v, kinds[n].value) == 0);
		CHECK(n < 3 && t != NULL && strcmp((const char *)t, kinds[n].label) == 0);
		xmlFree(v);
		xmlFree(t);
	}
	CHECK(n == 3);
	xmlFreeDoc(doc);
}

static void
test_option_label(void)
{
	const char *nope = "nope";

	CHECK_STR(option_label(kinds, "safety"), "安全生产");
	CHECK_STR(option_label(kinds, "pollution"), "环境污染");
	CHECK_STR(option_label(kinds, "other"), "其他");
	CHECK(option_label(kinds, nope) == nope);		/* unknown: the value itself */
	CHECK_STR(option_label(kinds, ""), "");
	CHECK(option_label(kinds, "Safety") != kinds[1].label);
}

/* form_limits_xml: the keys with a maximum, secret ones left out, into the existing <limits>. */
static void
test_limits_xml(void)
{
	static const struct form_key k[] = {
		{ "token", NULL, 1, 100, FORM_REQUIRED | FORM_SECRET, NULL, "m" },
		{ "name", NULL, 2, 50, 0, NULL, "m" },
		{ "kind", form_choice, 0, 0, FORM_REQUIRED, NULL, "m" },
		{ "phone", form_phone, 0, 30, 0, NULL, "m" },
	};
	static const char *const want[][3] = { { "name", "2", "50" }, { "phone", "0", "30" } };
	xmlDocPtr doc;
	xmlNodePtr root, limits, l;
	size_t i = 0;

	doc = xml_doc("page", &root);
	limits = xml_add(root, "limits", NULL);
	xml_attr(limits, "max-files", "5");
	form_limits_xml(root, k, 4);
	CHECK(root->children == limits && limits->next == NULL);
	for (l = limits->children; l != NULL; l = l->next, i++) {
		xmlChar *n = xmlGetProp(l, (const xmlChar *)"name");
		xmlChar *lo = xmlGetProp(l, (const xmlChar *)"min");
		xmlChar *hi = xmlGetProp(l, (const xmlChar *)"max");

		CHECK(i < 2 && xmlStrcmp(l->name, (const xmlChar *)"limit") == 0);
		if (i < 2)
			CHECK(xmlStrcmp(n, (const xmlChar *)want[i][0]) == 0 &&
			    xmlStrcmp(lo, (const xmlChar *)want[i][1]) == 0 &&
			    xmlStrcmp(hi, (const xmlChar *)want[i][2]) == 0);
		xmlFree(n);
		xmlFree(lo);
		xmlFree(hi);
	}
	CHECK(i == 2);
	xmlFreeDoc(doc);

	/* Without a <limits> child, one is made. */
	doc = xml_doc("page", &root);
	form_limits_xml(root, k, 4);
	CHECK(root->children != NULL && xmlStrcmp(root->children->name, (const xmlChar *)"limits") == 0);
	xmlFreeDoc(doc);
}

int
main(void)
{
	arena_init(&A);
	test_all_fine();
	test_optional_absent();
	test_required_missing();
	test_length_in_characters();
	test_blank_is_absent();
	test_line_breaks();
	test_choice();
	test_single_field_twice();
	test_multi_distinct();
	test_phone();
	test_errors_counted_per_field();
	test_form_fail();
	test_validators();
	test_typed_validators();
	test_typed_values();
	test_values_xml();
	test_values_xml_text();
	test_errors_xml();
	test_errors_xml_escapes();
	test_options_xml();
	test_option_label();
	test_limits_xml();
	reset();
	arena_free(&A);
	xmlCleanupParser();
	return unit_done();
}
