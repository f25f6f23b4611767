/* test_stats: lib/stats.c's pure parts: the rules table, the replay against hand-derived
 * answers on the 2025-2026 calendar (a holiday and an adjusted working day), measures,
 * periods and the score. */
#include <stdio.h>
#include <string.h>

#include "stats.h"

static int failures, checks;

#define CHECK(cond) do { checks++; if (!(cond)) { failures++; \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

/* Noon Beijing time of a day, as seconds since the epoch. */
static int64_t
noon(int y, int m, int d)
{
	return (int64_t)cal_from_ymd(y, m, d) * 86400 + 4 * 3600;
}

static void
test_rules(void)
{
	struct stats_event ev = { .kind = SK_ACCEPT, .ontime = true };
	int64_t d[SC__MAX];
	int k, i, sum;

	for (k = 0; k < SK__MAX; k++)
		CHECK(stats_rules[k].kind == (enum stats_kind)k);
	stats_deltas(&ev, d);
	CHECK(d[SC_ACCEPTED] == 1 && d[SC_ACCEPTED_ONTIME] == 1);
	ev.ontime = false;
	stats_deltas(&ev, d);
	CHECK(d[SC_ACCEPTED] == 1 && d[SC_ACCEPTED_ONTIME] == 0);
	ev = (struct stats_event){ .kind = SK_INSPECT, .verdict = "partly" };
	stats_deltas(&ev, d);
	for (sum = 0, i = 0; i < SC__MAX; i++)
		sum += (int)d[i];
	CHECK(sum == 2 && d[SC_INSPECTED] == 1 && d[SC_V_PARTLY] == 1);
	ev = (struct stats_event){ .kind = SK_CLOSE_DUP, .ontime = true };
	stats_deltas(&ev, d);
	CHECK(d[SC_CLOSED] == 1 && d[SC_DUP_CLOSED] == 1 && d[SC_CLOSED_ONTIME] == 0);
	CHECK(strcmp(stats_counter_names[SC_OVERDUE], "overdue") == 0);
	CHECK(stats_action_kind[A_NOTE] == -1 && stats_action_kind[A_RELEASE] == SK_CLOSE);
}

static void
test_measures(void)
{
	CHECK(stats_measure_bits("责令停产停业；限期整改（期限：2026-03-01）") ==
	    ((1u << 2) | (1u << 5)));
	CHECK(stats_measure_bits("") == 0 && stats_measure_bits(NULL) == 0);
}

/* 2025-10-01..08 is the National Day holiday; Saturday 2025-10-11 an adjusted working day.
 * Received on Tuesday 2025-09-30: due 2 working days later = Friday 2025-10-10 (the holiday
 * skipped); then transferred on 2025-10-10: inspection due 5 working days later, counting
 * Saturday 10-11: 10-11, 13, 14, 15, 16 -> 2025-10-16. */
static void
test_replay(void)
{
	struct calendar *cal = cal_new();
	struct stats_replay r;
	struct stats_event ev;
	int d;

	CHECK(cal != NULL);
	for (d = 1; d <= 8; d++)
		CHECK(cal_set(cal, cal_from_ymd(2025, 10, d), true) == 0);
	CHECK(cal_set(cal, cal_from_ymd(2025, 10, 11), false) == 0);
	stats_replay_init(&r);
	CHECK(stats_replay_step(&r, cal, S_SUBMITTED, noon(2025, 9, 30), "", 0, true, &ev));
	CHECK(ev.kind == SK_RECEIVE && r.due == cal_from_ymd(2025, 10, 10));
	CHECK(!stats_replay_step(&r, cal, S_SUBMITTED, noon(2025, 9, 30), "", 0, true, &ev));
	CHECK(stats_replay_step(&r, cal, S_ACCEPTED, noon(2025, 10, 9), "", 0, true, &ev));
	CHECK(ev.kind == SK_ACCEPT && ev.ontime);
	CHECK(stats_replay_step(&r, cal, S_TRANSFERRED, noon(2025, 10, 10), "", 0, true, &ev));
	CHECK(ev.kind == SK_TRANSFER && ev.ontime && r.due == cal_from_ymd(2025, 10, 16));
	CHECK(stats_replay_step(&r, cal, S_INSPECTING, noon(2025, 10, 13), "", 0, true, &ev));
	CHECK(ev.kind == SK_START && r.due == cal_from_ymd(2025, 10, 16));
	CHECK(stats_replay_step(&r, cal, S_VERIFIED, noon(2025, 10, 17), "true", 0, true, &ev));
	CHECK(ev.kind == SK_INSPECT && !ev.ontime);
	CHECK(stats_replay_step(&r, cal, S_CLOSED, noon(2025, 10, 20), "true", 0, false, &ev));
	CHECK(ev.kind == SK_CLOSE_DUP && r.due == 0);
	cal_free(cal);
}

static void
test_period(void)
{
	struct stats_period p;

	CHECK(stats_period(SP_QUARTER, 2026, 1, 0, 0, 0, &p));
	CHECK(strcmp(p.from, "2026-01-01") == 0 && strcmp(p.to, "2026-03-01") == 0);
	CHECK(strcmp(p.prev_from, "2025-10-01") == 0 && strcmp(p.prev_to, "2025-12-01") == 0);
	CHECK(stats_period(SP_YEAR, 2025, 0, 0, 0, 0, &p) && p.months == 12);
	CHECK(strcmp(p.prev_from, "2024-01-01") == 0);
	CHECK(stats_period(SP_CUSTOM, 0, 0, 0, cal_from_ymd(2026, 2, 20), cal_from_ymd(2025, 12, 3),
	    &p) && strcmp(p.from, "2025-12-01") == 0 && p.months == 3);
	CHECK(!stats_period(SP_MONTH, 2026, 0, 13, 0, 0, &p));
	CHECK(!stats_period(SP_CUSTOM, 0, 0, 0, cal_from_ymd(2000, 1, 1), cal_from_ymd(2020, 1, 1),
	    &p));
}

static void
test_score(void)
{
	double share[3] = { 1.0, 0.5, -1 };
	int64_t w[3] = { 1, 3, 10 }, c[SC__MAX] = { 0 };

	CHECK(stats_score(share, w, 3) > 62.49 && stats_score(share, w, 3) < 62.51);
	share[0] = share[1] = -1;
	CHECK(stats_score(share, w, 3) < 0);
	c[SC_CLOSED] = 4;
	c[SC_DUP_CLOSED] = 2;
	c[SC_CLOSED_ONTIME] = 1;
	CHECK(stats_share(SM_CLOSED_ONTIME, c) == 0.5);
	CHECK(stats_share(SM_ACCEPTED_ONTIME, c) < 0);
	c[SC_RECEIVED] = 4;
	c[SC_OVERDUE] = 1;
	CHECK(stats_share(SM_NOT_OVERDUE, c) == 0.75);
}

static void
test_suppress(void)
{
	int64_t v[5] = { 0, 3, 12, 7, 40 }, w[3] = { 1, 2, 9 }, z[2] = { 6, 7 };
	bool h[5];

	stats_suppress(v, 5, 5, h);
	/* 3 alone would be total - (12 + 7 + 40): 7, the next smallest, goes too */
	CHECK(!h[0] && h[1] && !h[2] && h[3] && !h[4]);
	stats_suppress(w, 3, 5, h);
	CHECK(h[0] && h[1] && !h[2]);
	stats_suppress(z, 2, 5, h);
	CHECK(!h[0] && !h[1]);
}

/* From 2026-09-01: 10-10 is an adjusted working Saturday (due that day), then 12-15 (Tue),
 * 2027-01-10 a Sunday (due Monday 01-11), 01-31 a Sunday (due Monday 02-01). */
static void
test_reporting(void)
{
	struct calendar *cal = cal_new();
	struct stats_due d[4];
	char s[11];

	CHECK(cal != NULL && cal_set(cal, cal_from_ymd(2026, 10, 10), false) == 0);
	CHECK(stats_reporting_due(cal, cal_from_ymd(2026, 9, 1), d, 4) == 4);
	cal_format(d[0].due, s);
	CHECK(strcmp(s, "2026-10-10") == 0 && strstr(d[0].label, "前三季度") != NULL);
	cal_format(d[1].due, s);
	CHECK(strcmp(s, "2026-12-15") == 0);
	cal_format(d[2].due, s);
	CHECK(strcmp(s, "2027-01-11") == 0);
	cal_format(d[3].due, s);
	CHECK(strcmp(s, "2027-02-01") == 0 && strcmp(d[3].code, "exit") == 0 &&
	    d[3].year == 2026);
	cal_free(cal);
}

/* The items of one period: five, in date order, each with its code and the period's year
 * (the January items are due the year after); codes are known, others are not. */
static void
test_reporting_items(void)
{
	struct calendar *cal = cal_new();
	struct stats_due d[10];
	char s[11];
	size_t i;

	CHECK(cal != NULL && stats_reporting_items(cal, 2026, 2026, d, 10) == 5);
	cal_format(d[0].due, s);
	CHECK(strcmp(s, "2026-07-10") == 0 && strcmp(d[0].code, "ledger_h1") == 0);
	for (i = 0; i < 5; i++)
		CHECK(d[i].year == 2026 && stats_reporting_code(d[i].code) &&
		    (i == 0 || d[i - 1].due <= d[i].due));
	CHECK(stats_reporting_items(cal, 2025, 2026, d, 10) == 10 && d[0].year == 2025);
	CHECK(stats_reporting_items(cal, 2025, 2026, d, 3) == 3);
	CHECK(!stats_reporting_code("ledger") && !stats_reporting_code(""));
	cal_free(cal);
}

int
main(void)
{
	test_rules();
	test_measures();
	test_replay();
	test_period();
	test_score();
	test_suppress();
	test_reporting();
	test_reporting_items();
	printf("test_stats: %d checks, %d failures\n", checks, failures);
	return failures != 0;
}
