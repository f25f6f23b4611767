/*
 * test_holidays.c: unit tests of lib/holidays.c, the calendar file parser. Every input is an
 * exact-size heap copy (exact_copy) so that AddressSanitizer catches a read past its end; the
 * expected days are written out by hand.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "holidays.h"
#include "unit.h"

#define MAXDAYS 64

struct got {
	int	 n;
	int	 stop_at;	/* return 7 on this call (1-based); 0: never */
	char	 date[MAXDAYS][11];
	bool	 off[MAXDAYS];
	char	 name[MAXDAYS][128];
};

static int
collect(void *arg, const char date[11], bool off, const char *name)
{
	struct got *g = arg;

	if (g->n >= MAXDAYS || strlen(date) != 10 || strlen(name) >= sizeof(g->name[0]))
		return 99;
	memcpy(g->date[g->n], date, 11);
	g->off[g->n] = off;
	snprintf(g->name[g->n], sizeof(g->name[0]), "%s", name);
	g->n++;
	return g->stop_at == g->n ? 7 : 0;
}

/* Parses s (its strlen, or len when given) into g; returns holidays_parse's result. */
static int
parse(const char *s, size_t len, struct got *g, int *count, const char **why)
{
	char *p = exact_copy(s, len);
	int rc, stop = g->stop_at;

	memset(g, 0, sizeof(*g));
	g->stop_at = stop;
	rc = holidays_parse(p, len, collect, g, count, why);
	free(p);
	return rc;
}

/* The parse of s fails with exactly this reason and calls the function for no day. */
static bool
refused(const char *s, const char *want)
{
	struct got g = { 0 };
	const char *why = NULL;
	int count = -1, rc;

	rc = parse(s, strlen(s), &g, &count, &why);
	if (rc != 0 || count != 0 || g.n != 0 || why == NULL || strcmp(why, want) != 0) {
		fprintf(stderr, "refused(%.40s): rc %d count %d calls %d why %s\n", s, rc, count,
		    g.n, why ? why : "(null)");
		return false;
	}
	return true;
}

static bool
day_is(const struct got *g, int i, const char *date, bool off, const char *name)
{
	return i < g->n && strcmp(g->date[i], date) == 0 && g->off[i] == off &&
	    strcmp(g->name[i], name) == 0;
}

/* The shape of holiday-cn's 2026.json: header members, papers, days with the name first. */
static const char holiday_cn[] =
    "{\n"
    "    \"$schema\": \"https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/"
    "schema.json\",\n"
    "    \"year\": 2026,\n"
    "    \"papers\": [\n"
    "        \"https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm\"\n"
    "    ],\n"
    "    \"days\": [\n"
    "        {\n"
    "            \"name\": \"元旦\",\n"
    "            \"date\": \"2026-01-01\",\n"
    "            \"isOffDay\": true\n"
    "        },\n"
    "        {\n"
    "            \"name\": \"元旦\",\n"
    "            \"date\": \"2026-01-04\",\n"
    "            \"isOffDay\": false\n"
    "        },\n"
    "        {\n"
    "            \"name\": \"春节\",\n"
    "            \"date\": \"2026-02-14\",\n"
    "            \"isOffDay\": false\n"
    "        },\n"
    "        {\n"
    "            \"name\": \"春节\",\n"
    "            \"date\": \"2026-02-16\",\n"
    "            \"isOffDay\": true\n"
    "        }\n"
    "    ]\n"
    "}";

static const char csv_crlf[] =
    "2026-01-01,1,元旦\r\n"
    "2026-01-04,0,元旦\r\n"
    "\r\n"
    "2026-02-14,0,\r\n"
    "2026-02-16,1,春节, 第二天\r\n";

static void
test_json(void)
{
	struct got g = { 0 };
	const char *why = NULL;
	int count = 0;

	CHECK(parse(holiday_cn, strlen(holiday_cn), &g, &count, &why) == 0);
	CHECK(why == NULL);
	CHECK(count == 4 && g.n == 4);
	CHECK(day_is(&g, 0, "2026-01-01", true, "元旦"));
	CHECK(day_is(&g, 1, "2026-01-04", false, "元旦"));
	CHECK(day_is(&g, 2, "2026-02-14", false, "春节"));
	CHECK(day_is(&g, 3, "2026-02-16", true, "春节"));

	/* a bare array, compact, name after the date, spacing around ':' and ',' */
	{
		static const char s[] = "[{\"date\":\"2025-10-01\",\"isOffDay\":true,"
		    "\"name\":\"国庆节\"},\r\n{ \"date\" : \"2025-09-28\" ,\"isOffDay\"\t:\tfalse "
		    "}  ]\n";
		CHECK(parse(s, strlen(s), &g, &count, &why) == 0);
		CHECK(why == NULL && count == 2);
		CHECK(day_is(&g, 0, "2025-10-01", true, "国庆节"));
		CHECK(day_is(&g, 1, "2025-09-28", false, "调休"));
	}
	/* the name belongs to its own object: the second day has none, so it gets the default
	 * (the console's old scanner could take a name from before the object's date) */
	{
		static const char s[] = "{\"days\":[{\"name\":\"元旦\",\"date\":\"2026-01-01\","
		    "\"isOffDay\":true},{\"date\":\"2026-01-02\",\"isOffDay\":true}]}";
		CHECK(parse(s, strlen(s), &g, &count, &why) == 0 && count == 2);
		CHECK(day_is(&g, 1, "2026-01-02", true, "假日"));
	}
	/* other objects, numbers, null and escapes elsewhere are fine; a byte order mark too */
	{
		static const char s[] = "\xef\xbb\xbf{\"meta\":{\"v\":-1.5e3,\"x\":null,"
		    "\"s\":\"a\\\"}\\u4e00\"},\"days\":[{\"date\":\"2024-02-10\","
		    "\"isOffDay\":true,\"extra\":\"ignored\"}]}";
		CHECK(parse(s, strlen(s), &g, &count, &why) == 0 && why == NULL && count == 1);
		CHECK(day_is(&g, 0, "2024-02-10", true, "假日"));
	}
}

static void
test_csv(void)
{
	struct got g = { 0 };
	const char *why = NULL;
	int count = 0;

	CHECK(parse(csv_crlf, strlen(csv_crlf), &g, &count, &why) == 0);
	CHECK(why == NULL && count == 4 && g.n == 4);
	CHECK(day_is(&g, 0, "2026-01-01", true, "元旦"));
	CHECK(day_is(&g, 1, "2026-01-04", false, "元旦"));
	CHECK(day_is(&g, 2, "2026-02-14", false, "调休"));
	CHECK(day_is(&g, 3, "2026-02-16", true, "春节, 第二天"));
	/* LF only, no newline at the end */
	{
		static const char s[] = "2025-05-01,1,劳动节\n2025-04-27,0,劳动节";
		CHECK(parse(s, strlen(s), &g, &count, &why) == 0);
	}
	CHECK(why == NULL && count == 2);
	CHECK(day_is(&g, 1, "2025-04-27", false, "劳动节"));
	/* exactly 30 characters of name */
	{
		static const char s[] = "2025-01-01,1,一二三四五六七八九十一二三四五六七八九十"
		    "一二三四五六七八九十";
		CHECK(parse(s, strlen(s), &g, &count, &why) == 0 && count == 1);
	}
}

static void
test_invalid(void)
{
	CHECK(refused("", "文件中没有找到日期。"));
	CHECK(refused("\r\n\n", "文件中没有找到日期。"));
	CHECK(refused("{\"year\": 2026, \"days\": []}", "文件中没有找到日期。"));
	CHECK(refused("\xff\xfe" "2026", "文件不是UTF-8文本。"));
	CHECK(refused("2026-01-01,1,\xe5\x85", "文件不是UTF-8文本。"));
	/* CSV */
	CHECK(refused("2026-02-30,1,x\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-1-01,1,x\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,2,x\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,yes,x\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,,x\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,1\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("date,off,name\n2026-01-01,1,x\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,1,a\tb\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,1,a\x1b[31m\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,1,a\xc2\x85\n", "CSV每行应为：日期,1或0,名称。"));
	CHECK(refused("2026-01-01,1,一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一\n", "CSV每行应为：日期,1或0,名称。"));
	/* a bad last line refuses the whole file: no day is passed on */
	CHECK(refused("2026-01-01,1,元旦\n2026-01-02,1,元旦\nx\n", "CSV每行应为：日期,1或0,名称。"));
	/* JSON */
	CHECK(refused("[{\"date\":\"2026-13-01\",\"isOffDay\":true}]", "JSON中的日期格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01 \",\"isOffDay\":true}]", "JSON中的日期格式不正确。"));
	CHECK(refused("[{\"date\":20260101,\"isOffDay\":true}]", "JSON中的日期格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"date\":\"2026-01-02\",\"isOffDay\":true}]",
	    "JSON中的日期格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\"}]", "JSON中的isOffDay应为true或false。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":\"true\"}]",
	    "JSON中的isOffDay应为true或false。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":1}]",
	    "JSON中的isOffDay应为true或false。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":truex}]", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true,\"name\":\"一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一\"}]", "JSON中的名称应为不超过30个字的单行文本。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true,\"name\":\"a\\nb\"}]",
	    "JSON中的名称应为不超过30个字的单行文本。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true,\"name\":\"a\xe2\x80\xa8\"}]",
	    "JSON中的名称应为不超过30个字的单行文本。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true,\"name\":\"a\tb\"}]",
	    "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true,\"name\":7}]",
	    "JSON中的名称应为不超过30个字的单行文本。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true,\"x\":{}}]", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true}", "JSON文件不完整。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true", "JSON文件不完整。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":tr", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01", "JSON文件不完整。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true}]]", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true}] x", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true},]", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\" \"isOffDay\":true}]", "JSON格式不正确。"));
	CHECK(refused("[{\"date\":\"2026-01-01\",\"isOffDay\":true}}", "JSON格式不正确。"));
	CHECK(refused("[[[[[[[[[]]]]]]]]]", "JSON格式不正确。"));
	CHECK(refused("[[[[[[[[]]]]]]]]", "文件中没有找到日期。"));
	CHECK(refused("{\"a\":\"\\x\"}", "JSON格式不正确。"));
}

static void
test_callback_stops(void)
{
	struct got g = { 0 };
	const char *why = "x";
	int count = -1;

	g.stop_at = 2;
	CHECK(parse(csv_crlf, strlen(csv_crlf), &g, &count, &why) == 7);
	CHECK(count == 1 && g.n == 2 && why == NULL);
	g.stop_at = 1;
	CHECK(parse(holiday_cn, strlen(holiday_cn), &g, &count, &why) == 7);
	CHECK(count == 0 && g.n == 1 && why == NULL);
}

/* Every prefix of a valid file parses without a read past its end (ASan) and either yields
 * days or a reason; a JSON prefix is never taken for a whole file. */
static void
test_truncation(void)
{
	const char *inputs[] = { holiday_cn, csv_crlf };
	struct got g = { 0 };
	const char *why;
	size_t i, len;
	int count, bad = 0;

	for (i = 0; i < 2; i++)
		for (len = 0; len < strlen(inputs[i]); len++) {
			int rc = parse(inputs[i], len, &g, &count, &why);
			if (rc != 0 || (why == NULL) == (count == 0) || count != g.n)
				bad++;
			if (i == 0 && why == NULL)
				bad++;
		}
	CHECK(bad == 0);
}

int
main(void)
{
	test_json();
	test_csv();
	test_invalid();
	test_callback_stops();
	test_truncation();
	return unit_done();
}
