/* jubaoctl stats-rebuild: recompute the summary tables of the statistics (sql/015) from the
 * stored history: each report's public state events (report_event), its presses, overdue marks
 * and transfer from the audit trail, replayed through lib/stats.c's stats_replay_step and
 * recorded with the same stats_record the programs use. One transaction: the pages see the old
 * tables until the new ones are complete. */
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
	int64_t id;
	char    verdict[32];
	char   *disposal;
	bool    approved;
};
static const struct dbc rb_report_cols[] = {
	COL_I64(struct rb_report, id), COL_TEXT(struct rb_report, verdict),
	COL_STR(struct rb_report, disposal), COL_BOOL(struct rb_report, approved),
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
static int
rb_report(struct ctl *c, const struct calendar *cal, const struct rb_report *r,
    const struct rb_event *e, size_t ne, const struct rb_event *m, size_t nm, uint64_t *nev)
{
	struct stats_replay st;
	struct stats_event ev;
	unsigned measures = stats_measure_bits(r->disposal);
	bool lead = false;
	size_t i;
	int rc;

	stats_replay_init(&st);
	for (i = 0; i < ne; i++) {
		if (!stats_replay_step(&st, cal, state_from_name(e[i].what), e[i].at, r->verdict,
		    measures, r->approved, &ev))
			continue;
		lead |= ev.kind == SK_TRANSFER;
		ev.no_lead = !lead;
		if ((rc = stats_record(&c->db, r->id, &ev)) != DB_OK)
			return rc;
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
		if ((rc = stats_record(&c->db, r->id, &ev)) != DB_OK)
			return rc;
		(*nev)++;
	}
	return DB_OK;
}

/* Every report of one loaded batch; the events and marks come sorted by report id. */
static int
rb_batch(struct ctl *c, const struct calendar *cal, const struct rb_rows *rep,
    const struct rb_rows *ev, const struct rb_rows *mk, uint64_t *nev)
{
	const struct rb_report *r = rep->v;
	const struct rb_event *e = ev->v, *m = mk->v;
	size_t i, ei = 0, mi = 0, e0, m0;
	int rc;

	for (i = 0; i < rep->n; i++) {
		for (e0 = ei; ei < ev->n && e[ei].report_id == r[i].id; ei++)
			;
		for (m0 = mi; mi < mk->n && m[mi].report_id == r[i].id; mi++)
			;
		if ((rc = rb_report(c, cal, &r[i], e + e0, ei - e0, m + m0, mi - m0, nev)) !=
		    DB_OK)
			return rc;
	}
	return DB_OK;
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
	struct arena a;
	int64_t after = 0;
	int rc;

	arena_init(&a);
	if ((rc = db_begin(&c->db)) != DB_OK)
		goto out;
	if ((rc = rb_clear(c)) != DB_OK)
		goto undo;
	for (;;) {
		arena_reset(&a);
		if ((rc = rb_load(c, &a, after, &rep, &ev, &mk)) != DB_OK)
			goto undo;
		if (rep.n == 0)
			break;
		if ((rc = rb_batch(c, cal, &rep, &ev, &mk, nev)) != DB_OK)
			goto undo;
		after = ((struct rb_report *)rep.v)[rep.n - 1].id;
		*nrep += rep.n;
	}
	if ((rc = db_commit(&c->db)) == DB_OK)
		goto out;
undo:
	db_rollback(&c->db);
out:
	arena_free(&a);
	free(rep.v);
	free(ev.v);
	free(mk.v);
	return rc;
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
