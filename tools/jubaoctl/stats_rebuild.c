/* jubaoctl stats-rebuild: recompute the summary tables of the statistics (sql/015) from the
 * stored history: each report's public state events (report_event), its presses, overdue marks
 * and transfer from the audit trail, replayed through lib/stats.c's stats_replay_step and
 * counted with the same stats_deltas the programs' stats_record uses. The rows are summed in
 * memory (months x areas x values: some tens of thousands) and written at the end, since
 * a statement per event takes minutes for a million reports; which rows an event adds to (its
 * category, industry, channel, each standard, at county, city and province (sql/018);
 * the lead department after the transfer) is written out twice, here and in Q_STATS_CUBE_ADD, and test_stats.py proves the
 * two equal. One transaction: the pages see the old tables until the new ones are complete. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "jubaoctl.h"
#include "queries.h"
#include "refdata.h"
#include "stats.h"

#define BATCH 1000

struct rb_report {
	int64_t id, lead;
	char    verdict[32], region[7], category[16], industry[33], channel[16];
	char    standards[128];
	char   *disposal;
	bool    approved;
};
static const struct dbc rb_report_cols[] = {
	COL_I64(struct rb_report, id), COL_TEXT(struct rb_report, verdict),
	COL_STR(struct rb_report, disposal), COL_BOOL(struct rb_report, approved),
	COL_TEXT(struct rb_report, region), COL_TEXT(struct rb_report, category),
	COL_TEXT(struct rb_report, industry), COL_TEXT(struct rb_report, channel),
	COL_TEXT(struct rb_report, standards), COL_I64(struct rb_report, lead),
};
static const struct db_loader rb_report_loader = DB_LOADER(struct rb_report, rb_report_cols);

/* A state event (report_event) or a mark (audit: press, overdue, transfer). */
struct rb_event {
	int64_t report_id, at;
	char    what[32];
};
static const struct dbc rb_event_cols[] = {
	COL_I64(struct rb_event, report_id), COL_I64(struct rb_event, at),
	COL_TEXT(struct rb_event, what),
};
static const struct db_loader rb_event_loader = DB_LOADER(struct rb_event, rb_event_cols);

/* A growing array of rows, filled by db_load's callback (no statement may run while a
 * result is being read). */
struct rb_rows {
	void   *v;
	size_t  n, cap, size;
};

static int
rb_push(void *arg, void *row)
{
	struct rb_rows *r = arg;
	void *v;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		if ((v = realloc(r->v, r->cap * r->size)) == NULL) {
			fprintf(stderr, "jubaoctl: out of memory\n");
			exit(1);
		}
		r->v = v;
	}
	memcpy((char *)r->v + r->n * r->size, row, r->size);
	r->n++;
	return 0;
}

/* The summed rows: key "dim\tvalue\tmonth\tregion" (cube) or "\tdept\tmonth" (department),
 * open addressing on a power-of-two table. */
struct rb_row {
	char    key[96];
	int64_t c[SC__MAX];
};
struct rb_agg {
	struct rb_row *rows;
	size_t         n, cap;
};

static uint64_t
rb_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static struct rb_row *
rb_slot(struct rb_row *rows, size_t cap, const char *key)
{
	size_t i = rb_hash(key) & (cap - 1);

	while (rows[i].key[0] != '\0' && strcmp(rows[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &rows[i];
}

static void
rb_grow(struct rb_agg *g)
{
	size_t cap = g->cap ? g->cap * 2 : 4096, i;
	struct rb_row *rows = calloc(cap, sizeof(*rows));

	if (rows == NULL) {
		fprintf(stderr, "jubaoctl: out of memory\n");
		exit(1);
	}
	for (i = 0; i < g->cap; i++)
		if (g->rows[i].key[0] != '\0')
			*rb_slot(rows, cap, g->rows[i].key) = g->rows[i];
	free(g->rows);
	g->rows = rows;
	g->cap = cap;
}

static void
rb_sum(struct rb_agg *g, const char *key, const int64_t *d)
{
	struct rb_row *r;
	int i;

	if (g->n * 2 >= g->cap)
		rb_grow(g);
	r = rb_slot(g->rows, g->cap, key);
	if (r->key[0] == '\0') {
		snprintf(r->key, sizeof(r->key), "%s", key);
		g->n++;
	}
	for (i = 0; i < SC__MAX; i++)
		r->c[i] += d[i];
}

/* An event of report r into the rows it adds to (the rules of Q_STATS_CUBE_ADD). */
static void
rb_count(struct rb_agg *g, const struct rb_report *r, const struct stats_event *ev)
{
	const char *dims[3][2] = { { "category", r->category }, { "industry", r->industry },
		{ "channel", r->channel } };
	char month[11], key[96], std[128], *s, *save = NULL;
	static const int levels[3] = { 6, 4, 2 };
	int64_t d[SC__MAX];
	int i, l;

	stats_deltas(ev, d);
	stats_month(ev->at, month);
	for (l = 0; l < 3; l++) {
		for (i = 0; i < 3; i++) {
			snprintf(key, sizeof(key), "%s\t%s\t%s\t%.*s", dims[i][0], dims[i][1],
			    month, levels[l], r->region);
			rb_sum(g, key, d);
		}
		snprintf(std, sizeof(std), "%s", r->standards);
		for (s = strtok_r(std, ",", &save); s != NULL; s = strtok_r(NULL, ",", &save)) {
			snprintf(key, sizeof(key), "standard\t%s\t%s\t%.*s", s, month,
			    levels[l], r->region);
			rb_sum(g, key, d);
		}
	}
	if (!ev->no_lead && r->lead > 0) {
		snprintf(key, sizeof(key), "\t%lld\t%s", (long long)r->lead, month);
		rb_sum(g, key, d);
	}
}

/* Write every summed row. */
static int
rb_write(struct ctl *c, const struct rb_agg *g)
{
	struct dbp p[SC__MAX + 5];
	char *f[4] = { NULL }, buf[96], *save;
	size_t i;
	int k, n, rc;
	bool cube;

	for (i = 0; i < g->cap; i++) {
		if (g->rows[i].key[0] == '\0')
			continue;
		snprintf(buf, sizeof(buf), "%s", g->rows[i].key);
		for (n = 0, save = buf; n < 4 && (f[n] = strsep(&save, "\t")) != NULL; n++)
			;
		cube = f[0][0] != '\0';      /* a department's key starts with a tab */
		n = cube ? 4 : 2;
		for (k = 0; k < n; k++)
			p[k] = P_TEXT(f[cube ? k : k + 1]);
		if (cube)
			p[n++] = P_INT(strlen(f[3]));
		for (k = 0; k < SC__MAX; k++)
			p[n + k] = P_INT(g->rows[i].c[k]);
		rc = db_run(&c->db, cube ? CQ_STATS_CUBE_PUT : CQ_STATS_DEPT_PUT, p,
		    (size_t)(SC__MAX + n));
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* The reports of one batch (id > after), their events and marks. */
static int
rb_load(struct ctl *c, struct arena *a, int64_t after, struct rb_rows *rep,
    struct rb_rows *ev, struct rb_rows *mk)
{
	const struct rb_report *r;
	struct rb_report row;
	struct rb_event erow;
	struct dbp p[2];
	bool found;
	int rc;

	rep->n = ev->n = mk->n = 0;
	p[0] = P_INT(after);
	if ((rc = db_load(&c->db, CQ_STATS_REPORTS, p, 1, &rb_report_loader, a, &row, rb_push,
	    rep, &found)) != DB_OK || rep->n == 0)
		return rc;
	r = rep->v;
	p[0] = P_INT(r[0].id);
	p[1] = P_INT(r[rep->n - 1].id);
	if ((rc = db_load(&c->db, CQ_STATS_EVENTS, p, 2, &rb_event_loader, a, &erow, rb_push, ev,
	    &found)) != DB_OK)
		return rc;
	return db_load(&c->db, CQ_STATS_MARKS, p, 2, &rb_event_loader, a, &erow, rb_push, mk,
	    &found);
}

/* Replay one report: its state events e[0..ne), its marks m[0..nm). */
static void
rb_report(struct rb_agg *g, const struct calendar *cal, const struct rb_report *r,
    const struct rb_event *e, size_t ne, const struct rb_event *m, size_t nm, uint64_t *nev)
{
	struct stats_replay st;
	struct stats_event ev;
	unsigned measures = stats_measure_bits(r->disposal);
	bool lead = false;
	size_t i;

	stats_replay_init(&st);
	for (i = 0; i < ne; i++) {
		if (!stats_replay_step(&st, cal, state_from_name(e[i].what), e[i].at, r->verdict,
		    measures, r->approved, &ev))
			continue;
		lead |= ev.kind == SK_TRANSFER;
		ev.no_lead = !lead;
		rb_count(g, r, &ev);
		(*nev)++;
	}
	/* presses and marks count for the lead department once the transfer came before them */
	for (lead = false, i = 0; i < nm; i++) {
		memset(&ev, 0, sizeof(ev));
		ev.at = m[i].at;
		ev.no_lead = !lead;
		if (strcmp(m[i].what, "transfer") == 0) {
			lead = true;
			continue;
		}
		ev.kind = strcmp(m[i].what, "press") == 0 ? SK_PRESS : SK_OVERDUE;
		rb_count(g, r, &ev);
		(*nev)++;
	}
}

/* Every report of one loaded batch; the events and marks come sorted by report id. */
static void
rb_batch(struct rb_agg *g, const struct calendar *cal, const struct rb_rows *rep,
    const struct rb_rows *ev, const struct rb_rows *mk, uint64_t *nev)
{
	const struct rb_report *r = rep->v;
	const struct rb_event *e = ev->v, *m = mk->v;
	size_t i, ei = 0, mi = 0, e0, m0;

	for (i = 0; i < rep->n; i++) {
		for (e0 = ei; ei < ev->n && e[ei].report_id == r[i].id; ei++)
			;
		for (m0 = mi; mi < mk->n && m[mi].report_id == r[i].id; mi++)
			;
		rb_report(g, cal, &r[i], e + e0, ei - e0, m + m0, mi - m0, nev);
	}
}

static int
rb_clear(struct ctl *c)
{
	int rc;

	if ((rc = db_run(&c->db, CQ_STATS_CLEAR_CUBE, NULL, 0)) != DB_OK)
		return rc;
	return db_run(&c->db, CQ_STATS_CLEAR_DEPT, NULL, 0);
}

/* The whole rebuild in one transaction; *nrep and *nev count what it did. */
static int
rb_all(struct ctl *c, const struct calendar *cal, uint64_t *nrep, uint64_t *nev)
{
	struct rb_rows rep = { NULL, 0, 0, sizeof(struct rb_report) };
	struct rb_rows ev = { NULL, 0, 0, sizeof(struct rb_event) };
	struct rb_rows mk = { NULL, 0, 0, sizeof(struct rb_event) };
	struct rb_agg g = { NULL, 0, 0 };
	struct progress pr;
	struct arena a;
	int64_t after = 0;
	int rc;

	arena_init(&a);
	rb_grow(&g);
	progress_begin(&pr, "reports replayed", 0);
	if ((rc = db_begin(&c->db)) != DB_OK)
		goto out;
	for (;;) {
		arena_reset(&a);
		if ((rc = rb_load(c, &a, after, &rep, &ev, &mk)) != DB_OK)
			goto undo;
		if (rep.n == 0)
			break;
		rb_batch(&g, cal, &rep, &ev, &mk, nev);
		after = ((struct rb_report *)rep.v)[rep.n - 1].id;
		*nrep += rep.n;
		progress_add(&pr, rep.n);
	}
	if ((rc = rb_clear(c)) == DB_OK && (rc = rb_write(c, &g)) == DB_OK &&
	    (rc = stats_bump(&c->db, 0)) == DB_OK && (rc = db_commit(&c->db)) == DB_OK)
		goto out;
undo:
	db_rollback(&c->db);
out:
	progress_end(&pr);
	free(g.rows);
	arena_free(&a);
	free(rep.v);
	free(ev.v);
	free(mk.v);
	return rc;
}

int
stats_fold(struct ctl *c, const char *today)
{
	char month[11];
	struct dbp p[1];
	int rc = DB_RETRY, tries;

	snprintf(month, sizeof(month), "%.8s01", today);
	p[0] = P_TEXT(month);
	for (tries = 0; rc == DB_RETRY && tries < 3; tries++) {
		if ((rc = db_begin(&c->db)) != DB_OK)
			break;
		if ((rc = db_run(&c->db, CQ_STATS_FOLD_SUM, p, 1)) != DB_OK ||
		    (rc = db_run(&c->db, CQ_STATS_FOLD_DROP, p, 1)) != DB_OK ||
		    (rc = stats_bump(&c->db, 0)) != DB_OK || (rc = db_commit(&c->db)) != DB_OK)
			db_rollback(&c->db);
	}
	return rc == DB_OK ? 0 : fail("folding the statistics of past months: %s", db_reason(rc));
}

int
cmd_stats_rebuild(struct ctl *c, int argc, char **argv)
{
	const struct opt opts[] = { { NULL, NULL } };
	struct refdata rd;
	uint64_t nrep = 0, nev = 0;
	size_t npos;
	int rc;

	if (parse_args(argc, argv, opts, NULL, 0, &npos) != 0 || open_db(c) != 0)
		return 1;
	memset(&rd, 0, sizeof(rd));
	if ((rc = refdata_refresh(&rd, &c->db, time(NULL), 0)) != DB_OK)
		return fail("reading the working-day calendar: %s", db_reason(rc));
	rc = rb_all(c, rd.calendar, &nrep, &nev);
	refdata_free(&rd);
	if (rc != DB_OK)
		return fail("rebuilding the statistics: %s", db_reason(rc));
	fprintf(stderr, "jubaoctl: statistics rebuilt from %llu reports, %llu events\n",
	    (unsigned long long)nrep, (unsigned long long)nev);
	return 0;
}
