/*
 * test_calendar.c: unit tests for lib/calendar.c.
 *
 * The holiday expectations below were worked out by hand from the State
 * Council notices (copied into holidays[] from shared/data/holidays), not
 * taken from the code's output.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "unit.h"

/* The 2025 and 2026 notices, as in shared/data/holidays/{2025,2026}.json. */
static const struct {
	const char	*date;
	bool		 off;
} holidays[] = {
	/* 2025: https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm */
	{ "2025-01-01", true },		/* 元旦 */
	{ "2025-01-26", false },	/* 春节 */
	{ "2025-01-28", true },		/* 春节 */
	{ "2025-01-29", true },		/* 春节 */
	{ "2025-01-30", true },		/* 春节 */
	{ "2025-01-31", true },		/* 春节 */
	{ "2025-02-01", true },		/* 春节 */
	{ "2025-02-02", true },		/* 春节 */
	{ "2025-02-03", true },		/* 春节 */
	{ "2025-02-04", true },		/* 春节 */
	{ "2025-02-08", false },	/* 春节 */
	{ "2025-04-04", true },		/* 清明节 */
	{ "2025-04-05", true },		/* 清明节 */
	{ "2025-04-06", true },		/* 清明节 */
	{ "2025-04-27", false },	/* 劳动节 */
	{ "2025-05-01", true },		/* 劳动节 */
	{ "2025-05-02", true },		/* 劳动节 */
	{ "2025-05-03", true },		/* 劳动节 */
	{ "2025-05-04", true },		/* 劳动节 */
	{ "2025-05-05", true },		/* 劳动节 */
	{ "2025-05-31", true },		/* 端午节 */
	{ "2025-06-01", true },		/* 端午节 */
	{ "2025-06-02", true },		/* 端午节 */
	{ "2025-09-28", false },	/* 国庆节、中秋节 */
	{ "2025-10-01", true },		/* 国庆节、中秋节 */
	{ "2025-10-02", true },		/* 国庆节、中秋节 */
	{ "2025-10-03", true },		/* 国庆节、中秋节 */
	{ "2025-10-04", true },		/* 国庆节、中秋节 */
	{ "2025-10-05", true },		/* 国庆节、中秋节 */
	{ "2025-10-06", true },		/* 国庆节、中秋节 */
	{ "2025-10-07", true },		/* 国庆节、中秋节 */
	{ "2025-10-08", true },		/* 国庆节、中秋节 */
	{ "2025-10-11", false },	/* 国庆节、中秋节 */
	/* 2026: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm */
	{ "2026-01-01", true },		/* 元旦 */
	{ "2026-01-02", true },		/* 元旦 */
	{ "2026-01-03", true },		/* 元旦 */
	{ "2026-01-04", false },	/* 元旦 */
	{ "2026-02-14", false },	/* 春节 */
	{ "2026-02-15", true },		/* 春节 */
	{ "2026-02-16", true },		/* 春节 */
	{ "2026-02-17", true },		/* 春节 */
	{ "2026-02-18", true },		/* 春节 */
	{ "2026-02-19", true },		/* 春节 */
	{ "2026-02-20", true },		/* 春节 */
	{ "2026-02-21", true },		/* 春节 */
	{ "2026-02-22", true },		/* 春节 */
	{ "2026-02-23", true },		/* 春节 */
	{ "2026-02-28", false },	/* 春节 */
	{ "2026-04-04", true },		/* 清明节 */
	{ "2026-04-05", true },		/* 清明节 */
	{ "2026-04-06", true },		/* 清明节 */
	{ "2026-05-01", true },		/* 劳动节 */
	{ "2026-05-02", true },		/* 劳动节 */
	{ "2026-05-03", true },		/* 劳动节 */
	{ "2026-05-04", true },		/* 劳动节 */
	{ "2026-05-05", true },		/* 劳动节 */
	{ "2026-05-09", false },	/* 劳动节 */
	{ "2026-06-19", true },		/* 端午节 */
	{ "2026-06-20", true },		/* 端午节 */
	{ "2026-06-21", true },		/* 端午节 */
	{ "2026-09-20", false },	/* 国庆节 */
	{ "2026-09-25", true },		/* 中秋节 */
	{ "2026-09-26", true },		/* 中秋节 */
	{ "2026-09-27", true },		/* 中秋节 */
	{ "2026-10-01", true },		/* 国庆节 */
	{ "2026-10-02", true },		/* 国庆节 */
	{ "2026-10-03", true },		/* 国庆节 */
	{ "2026-10-04", true },		/* 国庆节 */
	{ "2026-10-05", true },		/* 国庆节 */
	{ "2026-10-06", true },		/* 国庆节 */
	{ "2026-10-07", true },		/* 国庆节 */
	{ "2026-10-10", false },	/* 国庆节 */
};
#define NHOLIDAYS	(sizeof(holidays) / sizeof(holidays[0]))

/* cal_parse on a heap copy of exactly len bytes, so ASan sees overreads. */
static bool
parse_exact(const char *s, size_t len, cal_day *out)
{
	char	*p;
	bool	 ok;

	if ((p = malloc(len == 0 ? 1 : len)) == NULL)
		abort();
	memcpy(p, s, len);
	ok = cal_parse(p, len, out);
	free(p);
	return ok;
}

#define PARSES(lit)	parse_exact((lit), sizeof(lit) - 1, &parsed)

/* Day of a date the test knows to be valid. */
static cal_day
D(const char *s)
{
	cal_day	 day = INT32_MIN;

	if (!cal_parse(s, strlen(s), &day))
		fprintf(stderr, "test bug: bad date %s\n", s);
	return day;
}

static bool
ymd_is(cal_day day, int y, int m, int d)
{
	int	 yy, mm, dd;

	cal_to_ymd(day, &yy, &mm, &dd);
	return yy == y && mm == m && dd == d;
}

static bool
format_is(cal_day day, const char *want)
{
	char	 buf[11];

	cal_format(day, buf);
	return strcmp(buf, want) == 0;
}

/* The real 2025-2026 calendar; aborts when out of memory. */
static struct calendar *
real_calendar(void)
{
	struct calendar	*cal;
	cal_day		 day;
	size_t		 i, bad = 0;

	if ((cal = cal_new()) == NULL)
		abort();
	for (i = 0; i < NHOLIDAYS; i++)
		if (!cal_parse(holidays[i].date, 10, &day) ||
		    cal_set(cal, day, holidays[i].off) != 0)
			bad++;
	CHECK(bad == 0);
	return cal;
}

/* The obvious day-by-day walk, to compare cal_add_workdays against. */
static cal_day
walk(const struct calendar *cal, cal_day from, int n)
{
	int	 step = n < 0 ? -1 : 1;

	while (n != 0) {
		from += step;
		if (cal_is_workday(cal, from))
			n -= step;
	}
	return from;
}

static void
test_ymd_known_days(void)
{
	CHECK(cal_from_ymd(1970, 1, 1) == 0);
	CHECK(cal_from_ymd(1969, 12, 31) == -1);
	CHECK(cal_from_ymd(2000, 1, 1) == 10957);
	CHECK(cal_from_ymd(2000, 3, 1) == 10957 + 31 + 29);
	CHECK(cal_from_ymd(1900, 1, 1) == -25567);
	CHECK(cal_from_ymd(2026, 1, 1) == 20454);	/* 1767225600 / 86400 */
	CHECK(cal_from_ymd(2026, 12, 31) == 20454 + 364);
}

static void
test_ymd_round_trips(void)
{
	cal_day	 day, first, last;
	int	 y, m, d, bad = 0;

	CHECK(ymd_is(0, 1970, 1, 1));
	CHECK(ymd_is(cal_from_ymd(2000, 2, 29), 2000, 2, 29));
	CHECK(ymd_is(cal_from_ymd(2026, 12, 31), 2026, 12, 31));
	CHECK(ymd_is(cal_from_ymd(-1, 3, 1), -1, 3, 1));
	/* Every day of 1600-3000 maps back to itself, one day apart. */
	first = cal_from_ymd(1600, 1, 1);
	last = cal_from_ymd(3000, 12, 31);
	for (day = first; day <= last; day++) {
		cal_to_ymd(day, &y, &m, &d);
		if (cal_from_ymd(y, m, d) != day)
			bad++;
	}
	CHECK(bad == 0);
}

static void
test_parse_accepts(void)
{
	cal_day	 parsed = -1;

	CHECK(PARSES("1970-01-01") && parsed == 0);
	CHECK(PARSES("2000-02-29") && ymd_is(parsed, 2000, 2, 29));
	CHECK(PARSES("1900-01-01") && parsed == -25567);
	CHECK(PARSES("2999-12-31") && ymd_is(parsed, 2999, 12, 31));
	CHECK(PARSES("2026-11-22") && ymd_is(parsed, 2026, 11, 22));
}

static void
test_parse_rejects(void)
{
	cal_day	 parsed = 12345;

	CHECK(!PARSES("2026-02-29"));
	CHECK(!PARSES("1900-02-29"));		/* not a leap year */
	CHECK(!PARSES("2026-04-31"));
	CHECK(!PARSES("2026-13-01"));
	CHECK(!PARSES("2026-00-10"));
	CHECK(!PARSES("2026-01-00"));
	CHECK(!PARSES("2026-1-01"));
	CHECK(!PARSES("2026-01-01x"));
	CHECK(!PARSES("2026-01-0"));
	CHECK(!PARSES("2026-01-0\0"));
	CHECK(!PARSES("2026/01/01"));
	CHECK(!PARSES("+026-01-01"));
	CHECK(!PARSES(" 2026-01-1"));
	CHECK(!PARSES("1899-12-31"));
	CHECK(!PARSES("3000-01-01"));
	CHECK(!PARSES(""));
	CHECK(parsed == 12345);			/* untouched on failure */
}

static void
test_format(void)
{
	char	 buf[11];
	cal_day	 day, parsed;
	int	 bad = 0;

	CHECK(format_is(0, "1970-01-01"));
	CHECK(format_is(cal_from_ymd(2026, 11, 22), "2026-11-22"));
	CHECK(format_is(cal_from_ymd(1, 2, 3), "0001-02-03"));
	CHECK(format_is(INT32_MAX, "0000-00-00"));
	CHECK(format_is(cal_from_ymd(-1, 1, 1), "0000-00-00"));
	/* Format and parse are inverses over the whole parseable range. */
	for (day = D("1900-01-01"); day <= D("2999-12-31"); day++) {
		cal_format(day, buf);
		if (!cal_parse(buf, strlen(buf), &parsed) || parsed != day)
			bad++;
	}
	CHECK(bad == 0);
}

static void
test_weekday(void)
{
	CHECK(cal_weekday(D("2026-11-22")) == 6);	/* Sunday */
	CHECK(cal_weekday(D("2026-11-23")) == 0);	/* Monday */
	CHECK(cal_weekday(0) == 3);			/* Thursday */
	CHECK(cal_weekday(-1) == 2);
	CHECK(cal_weekday(D("2026-02-14")) == 5);	/* Saturday */
	CHECK(cal_weekday(INT32_MIN) >= 0 && cal_weekday(INT32_MIN) <= 6);
}

static void
test_plain_weeks(void)
{
	struct calendar	*cal;

	if ((cal = cal_new()) == NULL)
		abort();
	CHECK(cal_count(cal) == 0);
	CHECK(!cal_is_workday(cal, D("2026-11-22")));
	CHECK(cal_is_workday(cal, D("2026-11-23")));
	/* Sunday + 2 is Tuesday; so is Friday + 2. */
	CHECK(cal_add_workdays(cal, D("2026-11-22"), 2) == D("2026-11-24"));
	CHECK(cal_add_workdays(cal, D("2026-11-20"), 2) == D("2026-11-24"));
	CHECK(cal_add_workdays(cal, D("2026-11-19"), 5) == D("2026-11-26"));
	CHECK(cal_add_workdays(cal, D("2026-11-21"), 1) == D("2026-11-23"));
	CHECK(cal_add_workdays(cal, D("2026-11-22"), 0) == D("2026-11-22"));
	CHECK(cal_add_workdays(cal, D("2026-11-23"), -1) == D("2026-11-20"));
	CHECK(cal_add_workdays(NULL, D("2026-11-22"), 2) == D("2026-11-24"));
	CHECK(cal_workdays_between(cal, D("2026-11-20"), D("2026-11-27")) == 5);
	CHECK(cal_workdays_between(cal, D("2026-11-21"), D("2026-11-22")) == 0);
	cal_free(cal);
}

static void
test_real_calendar_loads(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_count(cal) == NHOLIDAYS);
	CHECK(NHOLIDAYS == 33 + 39);
	cal_free(cal);
}

static void
test_spring_festival_2026(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_is_workday(cal, D("2026-02-14")));	/* Saturday, 调休 */
	CHECK(!cal_is_workday(cal, D("2026-02-16")));	/* Monday, holiday */
	CHECK(cal_is_workday(cal, D("2026-02-28")));	/* Saturday, 调休 */
	CHECK(!cal_is_workday(cal, D("2026-03-01")));	/* plain Sunday */
	/* Friday 13th + 1: the adjusted Saturday. */
	CHECK(cal_add_workdays(cal, D("2026-02-13"), 1) == D("2026-02-14"));
	/* From the Saturday, 15-23 are off: Tuesday the 24th. */
	CHECK(cal_add_workdays(cal, D("2026-02-14"), 1) == D("2026-02-24"));
	/* 14, then 24, 25, 26, 27 and the working Saturday 28. */
	CHECK(cal_workdays_between(cal, D("2026-02-13"), D("2026-02-28")) == 6);
	cal_free(cal);
}

static void
test_national_day_2025(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_is_workday(cal, D("2025-09-28")));	/* Sunday, 调休 */
	CHECK(!cal_is_workday(cal, D("2025-10-08")));	/* Wednesday, off */
	CHECK(cal_is_workday(cal, D("2025-10-11")));	/* Saturday, 调休 */
	/* Tuesday 30 September + 1: Oct 1-8 are off, Thursday the 9th. */
	CHECK(cal_add_workdays(cal, D("2025-09-30"), 1) == D("2025-10-09"));
	/* + 3: the 9th, the 10th and the working Saturday the 11th. */
	CHECK(cal_add_workdays(cal, D("2025-09-30"), 3) == D("2025-10-11"));
	/* + 4 skips Sunday the 12th. */
	CHECK(cal_add_workdays(cal, D("2025-09-30"), 4) == D("2025-10-13"));
	/* Back from the 9th: the 8th-1st are off, so Tuesday the 30th. */
	CHECK(cal_add_workdays(cal, D("2025-10-09"), -1) == D("2025-09-30"));
	CHECK(cal_workdays_between(cal, D("2025-09-30"), D("2025-10-12")) == 3);
	CHECK(cal_workdays_between(cal, D("2025-09-30"), D("2025-10-08")) == 0);
	cal_free(cal);
}

static void
test_new_year_2026(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_is_workday(cal, D("2026-01-04")));	/* Sunday, 调休 */
	CHECK(!cal_is_workday(cal, D("2026-01-02")));	/* Friday, off */
	/* Wednesday 31 December 2025 + 1: Jan 1-3 off, Sunday the 4th. */
	CHECK(cal_add_workdays(cal, D("2025-12-31"), 1) == D("2026-01-04"));
	CHECK(cal_add_workdays(cal, D("2025-12-31"), 2) == D("2026-01-05"));
	cal_free(cal);
}

static void
test_autumn_2026(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_is_workday(cal, D("2026-09-20")));	/* Sunday, 调休 */
	/* Friday 25 Sep (Mid-Autumn, off) + 2: 26, 27 off; 28, 29. */
	CHECK(cal_add_workdays(cal, D("2026-09-25"), 2) == D("2026-09-29"));
	/* Wednesday 30 Sep + 1: Oct 1-7 off, Thursday the 8th. */
	CHECK(cal_add_workdays(cal, D("2026-09-30"), 1) == D("2026-10-08"));
	/* The 8th, the 9th and the working Saturday the 10th. */
	CHECK(cal_workdays_between(cal, D("2026-09-30"), D("2026-10-10")) == 3);
	/* Thursday 24th to Wednesday 30th: 25-27 off, then 28, 29, 30. */
	CHECK(cal_workdays_between(cal, D("2026-09-24"), D("2026-09-30")) == 3);
	cal_free(cal);
}

/*
 * Whole years, by hand: 2025 and 2026 each have 261 weekdays (365 days,
 * 52 weeks and one extra Wednesday or Thursday).  2025 loses 18 of them to
 * holidays (1 + 6 + 1 + 3 + 1 + 6) and gains 5 adjusted weekend days;
 * 2026 loses 19 (2 + 6 + 1 + 3 + 1 + 1 + 5) and gains 6.
 */
static void
test_working_days_per_year(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_workdays_between(cal, D("2024-12-31"), D("2025-12-31")) ==
	    261 - 18 + 5);
	CHECK(cal_workdays_between(cal, D("2025-12-31"), D("2026-12-31")) ==
	    261 - 19 + 6);
	CHECK(cal_workdays_between(NULL, D("2025-12-31"), D("2026-12-31")) ==
	    261);
	cal_free(cal);
}

static void
test_between_empty_ranges(void)
{
	struct calendar	*cal = real_calendar();

	CHECK(cal_workdays_between(cal, D("2026-02-13"), D("2026-02-13")) == 0);
	CHECK(cal_workdays_between(cal, D("2026-02-28"), D("2026-02-13")) == 0);
	CHECK(cal_workdays_between(NULL, INT32_MIN, INT32_MAX) == INT_MAX);
	cal_free(cal);
}

/*
 * Over every start day of 2025-2026 and n up to 30: adding n working days
 * agrees with a naive walk, lands on a working day, and counting back with
 * cal_workdays_between gives n again.
 */
static void
test_add_and_between_agree(void)
{
	struct calendar	*cal = real_calendar();
	cal_day		 from, to;
	int		 n, bad = 0;

	for (from = D("2024-12-01"); from <= D("2027-01-31"); from++) {
		for (n = 1; n <= 30; n++) {
			to = cal_add_workdays(cal, from, n);
			if (to != walk(cal, from, n) ||
			    !cal_is_workday(cal, to) ||
			    cal_workdays_between(cal, from, to) != n ||
			    cal_workdays_between(cal, from, to - 1) != n - 1)
				bad++;
			if (cal_add_workdays(cal, from, -n) != walk(cal, from, -n))
				bad++;
		}
	}
	CHECK(bad == 0);
	cal_free(cal);
}

/* Long spans take the week-skipping path; it must match the walk. */
static void
test_long_spans(void)
{
	struct calendar	*cal = real_calendar();
	cal_day		 from;

	from = D("2026-11-22");
	CHECK(cal_add_workdays(NULL, from, 1000) == walk(NULL, from, 1000));
	CHECK(cal_add_workdays(cal, from, 1000) == walk(cal, from, 1000));
	from = D("2024-06-01");
	CHECK(cal_add_workdays(cal, from, 1000) == walk(cal, from, 1000));
	CHECK(cal_add_workdays(cal, from, 503) == walk(cal, from, 503));
	from = D("2027-06-01");
	CHECK(cal_add_workdays(cal, from, -1000) == walk(cal, from, -1000));
	CHECK(cal_add_workdays(cal, from, -333) == walk(cal, from, -333));
	from = D("2024-12-01");
	CHECK(cal_add_workdays(cal, from, -77) == walk(cal, from, -77));
	cal_free(cal);
}

static void
test_add_clamps(void)
{
	CHECK(cal_add_workdays(NULL, INT32_MAX - 10, INT_MAX) == INT32_MAX);
	CHECK(cal_add_workdays(NULL, INT32_MIN + 10, -INT_MAX) == INT32_MIN);
	CHECK(cal_add_workdays(NULL, 0, INT_MIN) == INT32_MIN);
	CHECK(cal_add_workdays(NULL, INT32_MAX, 1) == INT32_MAX);
}

static void
test_set_replaces(void)
{
	struct calendar	*cal;
	cal_day		 mon = D("2026-11-23"), sat = D("2026-11-28");

	if ((cal = cal_new()) == NULL)
		abort();
	CHECK(cal_set(cal, mon, true) == 0);
	CHECK(!cal_is_workday(cal, mon));
	CHECK(cal_count(cal) == 1);
	CHECK(cal_set(cal, mon, false) == 0);		/* replace */
	CHECK(cal_is_workday(cal, mon));
	CHECK(cal_count(cal) == 1);
	CHECK(cal_set(cal, sat, false) == 0);
	CHECK(cal_is_workday(cal, sat));
	CHECK(cal_set(cal, sat, true) == 0);		/* and back */
	CHECK(!cal_is_workday(cal, sat));
	CHECK(cal_count(cal) == 2);
	cal_free(cal);
}

/* Inserting out of order, past the first allocation, keeps lookups right. */
static void
test_set_keeps_sorted(void)
{
	struct calendar	*cal;
	cal_day		 base = D("2030-01-01");
	int		 i, bad = 0;

	if ((cal = cal_new()) == NULL)
		abort();
	/* 7919 is prime to 1000, so this visits 0..999 once each. */
	for (i = 0; i < 1000; i++)
		if (cal_set(cal, base + (i * 7919) % 1000,
		    (i * 7919) % 1000 % 3 == 0) != 0)
			bad++;
	CHECK(bad == 0);
	CHECK(cal_count(cal) == 1000);
	for (i = 0; i < 1000; i++)
		if (cal_is_workday(cal, base + i) == (i % 3 == 0))
			bad++;
	CHECK(bad == 0);
	/* Outside the listed range the weekday rule applies again. */
	CHECK(cal_is_workday(cal, base - 1) == (cal_weekday(base - 1) < 5));
	CHECK(cal_is_workday(cal, base + 1000) ==
	    (cal_weekday(base + 1000) < 5));
	cal_free(cal);
}

static void
test_free_null(void)
{
	cal_free(NULL);
	CHECK(cal_count(NULL) == 0);
}

int
main(void)
{
	test_ymd_known_days();
	test_ymd_round_trips();
	test_parse_accepts();
	test_parse_rejects();
	test_format();
	test_weekday();
	test_plain_weeks();
	test_real_calendar_loads();
	test_spring_festival_2026();
	test_national_day_2025();
	test_new_year_2026();
	test_autumn_2026();
	test_working_days_per_year();
	test_between_empty_ranges();
	test_add_and_between_agree();
	test_long_spans();
	test_add_clamps();
	test_set_replaces();
	test_set_keeps_sorted();
	test_free_null();
	return unit_done();
}
