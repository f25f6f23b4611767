/*
 * stats: the summary tables of the statistics (sql/015_stats.sql), kept by the transaction that
 * changes a case. Every path that changes a case (the public form and the intake through
 * report_save, the reporter's answer, the console's actions, the deadline sweep) describes what
 * happened as a struct stats_event and calls stats_record once, inside its transaction; what
 * each kind of event counts is one table (stats_rules in stats.c), not code in the callers.
 *
 * jubaoctl stats-rebuild derives the same events from the stored history with stats_replay
 * (pure: a case's state events in order, with the working-day calendar) and records them with
 * the same stats_record, so that the rebuilt tables equal the incremental ones.
 */
#ifndef JUBAO_STATS_H
#define JUBAO_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "calendar.h"
#include "db.h"
#include "form.h"
#include "workflow.h"

struct db;

/* The parts of a summary row (stats_cube.part, sql/018): an event adds to the part of its
 * report's id modulo STATS_PARTS, and every read sums the parts. All submissions of a month
 * update the same province rows, whose row locks InnoDB holds until the commit is on disk;
 * in parts, concurrent submissions (consecutive ids) lock different rows and commit together.
 * Events count in the month they happen, so only the current month is written: the sweep
 * folds the parts of past months into part 0 (CQ_STATS_FOLD_*), and stats-rebuild writes
 * part 0 only, so that the reads meet parts only in the current month. */
#define STATS_PARTS 8

/* The counters, in the column order of the stats_* tables (sql/015 documents each). */
#define STATS_COUNTERS(X) \
	X(RECEIVED, received) X(ACCEPTED, accepted) X(ACCEPTED_ONTIME, accepted_ontime) \
	X(REFUSED, refused) X(NEEDS_INFO, needs_info) X(REPLIED, replied) \
	X(TRANSFERRED, transferred) X(TRANSFERRED_ONTIME, transferred_ontime) \
	X(STARTED, started) X(INSPECTED, inspected) X(INSPECTED_ONTIME, inspected_ontime) \
	X(V_TRUE, v_true) X(V_PARTLY, v_partly) X(V_FALSE, v_false) X(DISPOSED, disposed) \
	X(M_DISMANTLE, m_dismantle) X(M_CUT_OFF, m_cut_off) X(M_STOP, m_stop) \
	X(M_CLOSE, m_close) X(M_STOP_CONSTRUCTION, m_stop_construction) \
	X(M_RECTIFY, m_rectify) X(M_NOTIFY, m_notify) X(CLOSED, closed) \
	X(CLOSED_ONTIME, closed_ontime) X(DUP_CLOSED, dup_closed) X(PRESSED, pressed) \
	X(OVERDUE, overdue)

#define STATS_ENUM(u, l) SC_##u,
enum stats_counter { STATS_COUNTERS(STATS_ENUM) SC__MAX };
#undef STATS_ENUM

extern const char *const stats_counter_names[SC__MAX];

/* What happened to a case. */
enum stats_kind {
	SK_RECEIVE, SK_ACCEPT, SK_REJECT, SK_NEEDS_INFO, SK_REPLY, SK_TRANSFER, SK_START,
	SK_INSPECT, SK_DISPOSE, SK_CLOSE, SK_CLOSE_DUP, SK_PRESS, SK_OVERDUE, SK__MAX
};

/* One rule: the counter an event of this kind adds 1 to, the counter it also adds to when it
 * happened on or before the stage's due date (-1: none), and a second counter (-1: none). */
struct stats_rule {
	enum stats_kind kind;
	int             counter;
	int             ontime;
	int             also;
};
extern const struct stats_rule stats_rules[SK__MAX];

/* The kind of event each console action is (-1: it counts nothing: notes, reveals …). */
extern const int stats_action_kind[A__MAX];

/* The disposal measures (处置措施): form value and label, in the order of the m_* counters;
 * NULL-terminated (struct option of form.h). */
extern const struct option stats_measures[];

struct stats_event {
	enum stats_kind kind;
	int64_t         at;          /* seconds since the epoch; the month is Beijing time's */
	bool            ontime;      /* on or before the due date the case had before the event */
	const char     *verdict;     /* SK_INSPECT: "true", "partly", "false" */
	unsigned        measures;    /* SK_DISPOSE: bit i for stats_measures[i] */
	bool            no_lead;     /* stats-rebuild: before the transfer, so not the lead
	                              * department's (the programs read it from the row) */
};

/* The counter deltas of an event (each 0 or 1) into d[SC__MAX]. Pure. */
void stats_deltas(const struct stats_event *, int64_t d[SC__MAX]);

/* "YYYY-MM-01" of the Beijing month of t. */
void stats_month(int64_t t, char out[11]);

/* The measures named in a disposal text (the labels actions.c joins with "；"), as bits. */
unsigned stats_measure_bits(const char *disposal);

/* Is day (YYYY-MM-DD of today) on or before due ("YYYY-MM-DD", NULL or "": no deadline)? */
bool stats_ontime(int64_t now, const char *due);

/* Add the event of report id to the summary tables, inside the caller's transaction.
 * The report's region, category, industry, channel, standards and lead department are read
 * from its row. DB_OK or a db error (the caller rolls back).
 * The rows (sql/018): its category, industry, channel and each standard it cites, at the
 * county, city and province of its region; from the transfer on, its lead department's. The
 * count of every report and the whole country are sums the reads make (stats_filter_params). */
int stats_record(struct db *, int64_t report_id, const struct stats_event *);

/* The summary changed (sql/019): add 1 to the version's part of report_id (0 for a change that
 * is no report's: stats-rebuild, the fold, the weights), inside the caller's transaction, so
 * that the console's statistics read their rows again (cgi/admin/stats_cache.c). stats_record
 * calls it. DB_OK or a db error. */
int stats_bump(struct db *, int64_t report_id);

/* Replaying a case's history (stats-rebuild): the state the case was in, its due date, and
 * whether it was transferred. Start with stats_replay_init. */
struct stats_replay {
	int     state;               /* enum state, -1 before the first event */
	cal_day due;                 /* 0: no deadline */
};
void stats_replay_init(struct stats_replay *);

/* The next state event of the case: new_state (enum state) on day, at time at. The facts are
 * the case's final ones: its verdict, its disposal's measures, whether its feedback was
 * approved (a close without it is a duplicate's, closed with its original). Fills *ev and
 * returns true when the event counts (a public event that did not change the state, like the
 * note of a linked duplicate, does not). Pure, given the calendar. */
bool stats_replay_step(struct stats_replay *, const struct calendar *, int new_state,
    int64_t at, const char *verdict, unsigned measures, bool feedback_approved,
    struct stats_event *ev);

/* The assessment score (考评): 100 × Σ w[i] × share[i] / Σ w[i], shares in 0..1; -1 when no
 * weight applies (every share unknown, given as a negative number). Pure. */
double stats_score(const double *share, const int64_t *w, unsigned n);

/* The parameters of lib/queries.c's STATS_FILTER (Q_STATS_TOTAL, _MONTHS, _REGIONS, _BY): 7
 * into p. dim and value: one filter ("industry", "steel"), a breakdown (dim, ""), or every
 * report ("all", ""), read as the sum of the category rows (each report has one category).
 * The months [from, to] ("YYYY-MM-01"). The area region (a code's prefix, "" the whole
 * country: the sum of the provinces), or with below the areas just below it (a county's: the
 * county). pattern (the caller's, 8 bytes) must live until the query has run. */
size_t stats_filter_params(const char *dim, const char *value, const char *from,
    const char *to, const char *region, bool below, char pattern[8], struct dbp *p);

/* A row of the statistics queries (Q_STATS_TOTAL … Q_STATS_DEPTS): its key (a month, region
 * code, a dim's value or a department) and the counters. */
struct stats_row {
	char    key[101];
	int64_t c[SC__MAX];
};
extern const struct db_loader stats_row_loader;

/* The assessment's measures (stats_weight.measure), each a share of two counter sums. */
enum stats_measure { SM_ACCEPTED_ONTIME, SM_TRANSFERRED_ONTIME, SM_INSPECTED_ONTIME,
	SM_CLOSED_ONTIME, SM_NOT_OVERDUE, SM__MAX };
extern const char *const stats_measure_names[SM__MAX];
extern const char *const stats_measure_labels[SM__MAX];
/* The share of measure m in c (0..1), or -1 when nothing was due (a zero denominator):
 *   accepted_ontime     accepted_ontime / accepted
 *   transferred_ontime  transferred_ontime / transferred
 *   inspected_ontime    inspected_ontime / inspected
 *   closed_ontime       closed_ontime / (closed - dup_closed)
 *   not_overdue         1 - overdue / (received + transferred + inspected), at least 0: the
 *                       stages that carry a deadline, against those marked overdue */
double stats_share(enum stats_measure m, const int64_t c[SC__MAX]);

/* A period of whole months, [from, to] as "YYYY-MM-01", and the period of the same length just
 * before it (the assessment's comparison). */
struct stats_period {
	char from[11], to[11], prev_from[11], prev_to[11];
	int  months;
};
enum stats_period_kind { SP_MONTH, SP_QUARTER, SP_YEAR, SP_CUSTOM };
/* The period of kind k: month m, quarter q or the year y; custom: the months of days from and
 * to (cal_day; swapped when reversed; at most 120 months). False when out of range. Pure. */
bool stats_period(enum stats_period_kind k, int y, int q, int m, cal_day from, cal_day to,
    struct stats_period *);

/* The public summary's suppression: hide[i] for every v[i] in 1..min-1, and, when that hides
 * exactly one of n cells whose total is shown, also the smallest other non-zero cell (else
 * the total minus the others would give it away). Zero is shown: it points at nobody. Pure. */
void stats_suppress(const int64_t *v, size_t n, int64_t min, bool *hide);

/* The upward-reporting calendar (seed 003 §二–三): the progress ledgers in early July, early
 * October and early January (due the 10th), the yearly summary by 15 December, the exit
 * figures by 31 January; a due day that is not a working day moves to the next one. Each
 * item has a stable code (what a filing names, sql/020) and its period year: the January
 * items of period y are due in y + 1. Labels and codes are static strings. */
struct stats_due {
	cal_day     due;
	const char *label;
	const char *code;
	int         year;        /* the period reported on */
};
/* The items of the periods y0..y1, in date order, at most n into out; returns how many. Pure. */
size_t stats_reporting_items(const struct calendar *, int y0, int y1, struct stats_due *out,
    size_t n);
/* The items due from `from` on, in date order, at most n into out; returns how many. Pure. */
size_t stats_reporting_due(const struct calendar *, cal_day from, struct stats_due *out,
    size_t n);
/* Is code one of the items' codes? */
bool stats_reporting_code(const char *code);

#endif
