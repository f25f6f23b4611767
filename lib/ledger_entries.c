/*
 * ledger_entries: the rows of 整改及退出台账（企业明细） (ledger.h: LR_ENTRIES): one row per
 * published entry of the rectification (黄牌), forced-exit (红牌) and elimination lists of the
 * area that was open during the period (Q_LEDGER_ENTRIES says which), then the totals: the
 * entries, the entries in each state, and the capacity exited (entries announced or archived:
 * completed and accepted) summed per unit, never across units.
 *
 * Withdrawn entries are kept, marked 已撤回 with their public reason, and counted apart: a
 * withdrawal stays on the public list with its reason (lib/lists.h), and an entry that left the
 * ledger between two quarterly reports without a word would be a hole the level above could
 * not see. They add no capacity.
 *
 * What a row says comes from the entry alone (lib/lists.c's labels); never the case it
 * follows, its ticket, or anything of a reporter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "ledger.h"
#include "listpages.h"
#include "lists.h"
#include "log.h"
#include "queries.h"
#include "refdata.h"

/* The texts of the list fields the problem and requirement are made of sit in f, by
 * enum list_field (the others stay NULL). */
struct entry_row {
	char  list[16], state[16];
	char *enterprise;
	char  region[7], industry[33];
	char *f[LF__MAX];
	char  deadline[11];
	char *completion;
	char  capacity[24], unit[65];
	char *department;
	char  noticed[11], announced[11], withdrawn[11];
	char *withdraw_reason;
};
#define ER struct entry_row
#define FIELD(x) COL_STR(ER, f[LF_##x])
static const struct dbc entry_cols[] = {
	COL_TEXT(ER, list), COL_TEXT(ER, state), COL_STR(ER, enterprise), COL_TEXT(ER, region),
	COL_TEXT(ER, industry), FIELD(FACTS), FIELD(ITEMS), FIELD(EQUIPMENT), FIELD(MODEL),
	FIELD(QUANTITY), FIELD(LEGAL_BASIS), FIELD(REQUIREMENT), FIELD(EXIT_METHOD),
	COL_DATE(ER, deadline), COL_STR(ER, completion), COL_TEXT(ER, capacity),
	COL_TEXT(ER, unit), COL_STR(ER, department), COL_DATE(ER, noticed),
	COL_DATE(ER, announced), COL_DATE(ER, withdrawn), COL_STR(ER, withdraw_reason),
};
#undef FIELD
#undef ER
static const struct db_loader entry_loader = DB_LOADER(struct entry_row, entry_cols);

/* What the 存在问题 and 整改（退出）要求 columns say for each list: its fields, in order, each
 * under its list's label (lib/lists.c) when there are several. */
struct entry_text {
	unsigned        nproblem, nrequire;
	enum list_field problem[3], require[2];
};
static const struct entry_text entry_texts[L__MAX] = {
	[L_RECTIFICATION] = { 1, 1, { LF_ITEMS }, { LF_REQUIREMENT } },
	[L_FORCED_EXIT] = { 2, 2, { LF_ITEMS, LF_FACTS }, { LF_LEGAL_BASIS, LF_REQUIREMENT } },
	[L_ELIMINATION] = { 3, 1, { LF_EQUIPMENT, LF_MODEL, LF_QUANTITY }, { LF_EXIT_METHOD } },
};

#define UNITS 16   /* the capacity units (the console's fixed list has 9) */

/* The walk through the rows: where the next goes, and the totals so far. */
struct entry_walk {
	const struct sheet       *s;
	const struct refdata     *rd;
	const struct ledger_req  *q;
	struct arena             *arena;
	bool                      head_done, failed;
	unsigned                  row;
	int64_t                   n, states[E__MAX];
	unsigned                  nunits;
	char                      unit[UNITS][65];
	int64_t                   cents[UNITS];     /* capacity exited, per unit, in 0.01 */
};

/* A DECIMAL(16,2) as text ("12.50") in hundredths; false when it is not one. */
static bool
capacity_cents(const char *s, int64_t *out)
{
	int64_t v = 0;
	int frac = -1;

	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || frac >= 2 || v > INT64_MAX / 100)
			return false;
		v = v * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	for (frac = frac < 0 ? 0 : frac; frac < 2; frac++)
		v *= 10;
	*out = v;
	return true;
}

/* Add an exited capacity to its unit's sum; false when there are too many units. */
static bool
add_capacity(struct entry_walk *w, const char *unit, int64_t cents)
{
	unsigned i;

	for (i = 0; i < w->nunits; i++)
		if (strcmp(w->unit[i], unit) == 0)
			break;
	if (i == w->nunits) {
		if (w->nunits == UNITS)
			return false;
		snprintf(w->unit[w->nunits++], sizeof(w->unit[0]), "%s", unit);
	}
	w->cents[i] += cents;
	return true;
}

static const char *
row_field(const struct entry_row *e, enum list_field f)
{
	return (unsigned)f < LF__MAX && e->f[f] != NULL ? e->f[f] : "";
}

/* The fields of list t joined by "；", each as "label：value" when there are several; in the
 * arena (NULL when out of memory). */
static char *
join_fields(struct arena *a, enum list_type t, const struct entry_row *e,
    const enum list_field *f, unsigned n)
{
	size_t cap = 1, used = 0;
	unsigned i;
	char *out;

	for (i = 0; i < n; i++)
		cap += strlen(list_field_label(t, f[i])) + strlen(row_field(e, f[i])) + 8;
	if ((out = arena_alloc(a, cap)) == NULL)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (row_field(e, f[i])[0] == '\0')
			continue;
		used += (size_t)snprintf(out + used, cap - used, "%s%s%s%s", used > 0 ? "；" : "",
		    n > 1 ? list_field_label(t, f[i]) : "", n > 1 ? "：" : "", row_field(e, f[i]));
	}
	return out;
}

/* The text of each column of an entry's row (LE_SEQ and LE_CAPACITY are numbers); false when
 * out of memory or the entry is not of this ledger's lists. */
static bool
row_texts(struct entry_walk *w, const struct entry_row *e, const char *v[LE__MAX],
    char *region, size_t cap, char *list, size_t lcap)
{
	int t = list_type_from_code(e->list), st = entry_state_from_name(e->state);
	const struct entry_text *x;
	char *done;

	if (t < 0 || st < 0 || entry_texts[t].nproblem == 0)
		return false;
	x = &entry_texts[t];
	listpages_region_name(w->rd, e->region, region, cap);
	snprintf(list, lcap, "%s%s%s%s", list_defs[t].label, list_defs[t].card ? "（" : "",
	    list_defs[t].card ? list_defs[t].card : "", list_defs[t].card ? "）" : "");
	v[LE_ENTERPRISE] = e->enterprise;
	v[LE_REGION] = region;
	v[LE_INDUSTRY] = listpages_industry_name(w->rd, e->industry);
	v[LE_LIST] = list;
	v[LE_PROBLEM] = join_fields(w->arena, (enum list_type)t, e, x->problem, x->nproblem);
	v[LE_REQUIREMENT] = join_fields(w->arena, (enum list_type)t, e, x->require, x->nrequire);
	v[LE_DEADLINE] = e->deadline;
	v[LE_NOTICED] = e->noticed;
	v[LE_STATE] = entry_state_labels[st];
	v[LE_COMPLETION] = e->completion;
	v[LE_DONE_ON] = st == E_WITHDRAWN ? e->withdrawn : e->announced;
	v[LE_UNIT] = e->unit;
	v[LE_DEPARTMENT] = e->department;
	if (st == E_WITHDRAWN) {
		size_t n = strlen(e->withdraw_reason) + 32;

		if ((done = arena_alloc(w->arena, n)) == NULL)
			return false;
		snprintf(done, n, "撤回原因：%s", e->withdraw_reason);
		v[LE_COMPLETION] = done;
	}
	w->states[st]++;
	return v[LE_PROBLEM] != NULL && v[LE_REQUIREMENT] != NULL;
}

/* One entry's row, and its part of the totals. */
static int
entry_one(void *arg, void *row)
{
	struct entry_walk *w = arg;
	const struct entry_row *e = row;
	const struct ledger_def *d = &ledger_defs[w->q->kind];
	const char *v[LE__MAX] = { 0 };
	char region[300], list[80];
	int64_t cents = 0;
	bool has_cap = capacity_cents(e->capacity, &cents);
	unsigned i;
	int f, rc;

	if ((!w->head_done && ledger_head(w->s, w->q) != 0) ||
	    !row_texts(w, e, v, region, sizeof(region), list, sizeof(list)))
		goto fail;
	w->head_done = true;
	w->n++;
	if (has_cap && (strcmp(e->state, "announcement") == 0 ||
	    strcmp(e->state, "archived") == 0) && !add_capacity(w, e->unit, cents))
		goto fail;
	for (i = 0; i < d->ncols; i++) {
		f = d->cols[i].src - LC_ENTRY(0);
		if (f == LE_SEQ)
			rc = w->s->ops->number(w->s->w, w->row, i, (double)w->n, SF_INT, SP_BODY);
		else if (f == LE_CAPACITY && has_cap)
			rc = w->s->ops->number(w->s->w, w->row, i, (double)cents / 100, SF_DECIMAL,
			    SP_BODY);
		else
			rc = w->s->ops->text(w->s->w, w->row, i,
			    f > LE_SEQ && f < LE__MAX && v[f] != NULL ? v[f] : "", SP_BODY);
		if (rc != 0)
			goto fail;
	}
	w->row++;
	arena_reset(w->arena);
	return 0;
fail:
	w->failed = true;
	return 1;
}

/* The column of field f in the layout, or -1. */
static int
field_col(const struct ledger_def *d, enum ledger_field f)
{
	unsigned i;

	for (i = 0; i < d->ncols; i++)
		if (d->cols[i].src == LC_ENTRY((int)f))
			return (int)i;
	return -1;
}

/* A totals row: label merged over the columns before col, the figure in col (and the unit
 * after it, for a capacity). */
static int
total_row(struct entry_walk *w, const char *label, int col, double v, enum sheet_fmt fmt,
    const char *unit)
{
	const struct sheet *s = w->s;
	unsigned r = w->row++;

	if (s->ops->merge(s->w, r, 0, r, (unsigned)col - 1, label, SP_TOTAL) != 0 ||
	    (v < 0 ? s->ops->text(s->w, r, (unsigned)col, "—", SP_TOTAL) :
	    s->ops->number(s->w, r, (unsigned)col, v, fmt, SP_TOTAL)) != 0)
		return -1;
	return unit != NULL ? s->ops->text(s->w, r, (unsigned)col + 1, unit, SP_TOTAL) : 0;
}

/* The totals: every entry, those in each published state, the capacity exited per unit. */
static int
entry_totals(struct entry_walk *w)
{
	const struct ledger_def *d = &ledger_defs[w->q->kind];
	int sc = field_col(d, LE_STATE), cc = field_col(d, LE_CAPACITY);
	char label[80];
	unsigned i;
	int st;

	if (sc < 1 || cc < 1 || field_col(d, LE_UNIT) != cc + 1 ||
	    total_row(w, "合计（条）", sc, (double)w->n, SF_INT, NULL) != 0)
		return -1;
	for (st = E_NOTICE; st < E__MAX; st++) {
		snprintf(label, sizeof(label), "其中：%s", entry_state_labels[st]);
		if (total_row(w, label, sc, (double)w->states[st], SF_INT, NULL) != 0)
			return -1;
	}
	if (w->nunits == 0)
		return total_row(w, "已退出产能（已公告、已归档）", cc, -1, SF_DECIMAL, NULL);
	for (i = 0; i < w->nunits; i++)
		if (total_row(w, "已退出产能（已公告、已归档）", cc, (double)w->cents[i] / 100,
		    SF_DECIMAL, w->unit[i]) != 0)
			return -1;
	return 0;
}

int
ledger_entries_write(struct db *db, const struct refdata *rd, const struct ledger_req *q,
    const struct sheet *s)
{
	struct entry_walk w;
	struct entry_row row;
	struct arena arena;
	char like[8];
	struct dbp p[4];
	bool found;
	int rc;

	memset(&w, 0, sizeof(w));
	memset(&row, 0, sizeof(row));     /* the fields the statement does not fill stay NULL */
	arena_init(&arena);
	w.s = s;
	w.rd = rd;
	w.q = q;
	w.arena = &arena;
	w.row = 4;
	snprintf(like, sizeof(like), "%s%%", q->area);
	p[0] = P_TEXT(q->per.to);
	p[1] = P_TEXT(q->per.from);
	p[2] = P_TEXT(q->per.from);
	p[3] = P_TEXT(like);
	rc = db_load(db, Q_LEDGER_ENTRIES, p, 4, &entry_loader, &arena, &row, entry_one, &w,
	    &found);
	if (rc == DB_OK && (w.failed || (!w.head_done && ledger_head(s, q) != 0) ||
	    entry_totals(&w) != 0)) {
		log_err("ledger: the enterprise ledger could not be written");
		rc = DB_FAIL;
	}
	arena_free(&arena);
	return rc;
}
