/* ledger: see ledger.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "db.h"
#include "ledger.h"
#include "listpages.h"
#include "log.h"
#include "queries.h"
#include "refdata.h"
#include "region.h"

/* ---- the layouts: one table of columns per ledger */

#define COL(g, l, s, w)       { g, l, s, -1, w, SF_INT }
#define SHARE(g, l, m, w)     { g, l, LC_SHARE(m), -1, w, SF_PERCENT }
#define AREA                  { NULL, "地区", LC_KEY, -1, 24, SF_TEXT }

/* 核查检查基本情况汇总表: what was received, accepted, transferred and inspected, the verdicts. */
static const struct sheet_col inspect_cols[] = {
	AREA,
	COL(NULL, "收到举报", SC_RECEIVED, 10),
	COL("受理情况", "受理", SC_ACCEPTED, 8),
	COL("受理情况", "其中按期受理", SC_ACCEPTED_ONTIME, 12),
	COL("受理情况", "不予受理", SC_REFUSED, 10),
	COL(NULL, "移交责任部门", SC_TRANSFERRED, 12),
	COL("核查情况", "已核查", SC_INSPECTED, 8),
	COL("核查情况", "其中按期核查", SC_INSPECTED_ONTIME, 12),
	SHARE("核查情况", "按期核查率", SM_INSPECTED_ONTIME, 11),
	COL("核查结论", "属实", SC_V_TRUE, 8),
	COL("核查结论", "部分属实", SC_V_PARTLY, 10),
	COL("核查结论", "不属实", SC_V_FALSE, 8),
	COL(NULL, "办结", SC_CLOSED, 8),
	COL(NULL, "督办", SC_PRESSED, 8),
	COL(NULL, "超期", SC_OVERDUE, 8),
};

/* 整改及退出台账: the cases found true, their disposal by measure (the order of stats_measures),
 * and the feedback. */
static const struct sheet_col rectify_cols[] = {
	AREA,
	{ NULL, "属实及部分属实", SC_V_TRUE, SC_V_PARTLY, 14, SF_INT },
	COL(NULL, "已作出处置", SC_DISPOSED, 11),
	COL("处置措施", "拆除主体设备", SC_M_DISMANTLE, 12),
	COL("处置措施", "断电断水、封存设备", SC_M_CUT_OFF, 18),
	COL("处置措施", "责令停产停业", SC_M_STOP, 12),
	COL("处置措施", "关停、关闭、取缔", SC_M_CLOSE, 16),
	COL("处置措施", "停止建设或试生产", SC_M_STOP_CONSTRUCTION, 16),
	COL("处置措施", "限期整改", SC_M_RECTIFY, 10),
	COL("处置措施", "通报相关部门", SC_M_NOTIFY, 12),
	COL("办结情况", "办结", SC_CLOSED, 8),
	COL("办结情况", "其中按期反馈", SC_CLOSED_ONTIME, 12),
	SHARE("办结情况", "按期反馈率", SM_CLOSED_ONTIME, 11),
};

/* 年度汇总: the year month by month. */
static const struct sheet_col yearly_cols[] = {
	{ NULL, "月份", LC_KEY, -1, 12, SF_TEXT },
	COL(NULL, "收到举报", SC_RECEIVED, 10),
	COL("受理情况", "受理", SC_ACCEPTED, 8),
	COL("受理情况", "不予受理", SC_REFUSED, 10),
	COL(NULL, "移交", SC_TRANSFERRED, 8),
	COL(NULL, "已核查", SC_INSPECTED, 8),
	COL("核查结论", "属实", SC_V_TRUE, 8),
	COL("核查结论", "部分属实", SC_V_PARTLY, 10),
	COL("核查结论", "不属实", SC_V_FALSE, 8),
	COL(NULL, "已作出处置", SC_DISPOSED, 11),
	COL(NULL, "办结", SC_CLOSED, 8),
	COL(NULL, "督办", SC_PRESSED, 8),
	COL(NULL, "超期", SC_OVERDUE, 8),
	SHARE("办理时效", "按期受理率", SM_ACCEPTED_ONTIME, 11),
	SHARE("办理时效", "按期核查率", SM_INSPECTED_ONTIME, 11),
	SHARE("办理时效", "按期反馈率", SM_CLOSED_ONTIME, 11),
};

/* 整改及退出台账（企业明细）: one row per entry of the rectification (黄牌), forced-exit (红牌)
 * and elimination lists, as the departments keep it: the enterprise, its problem, the
 * requirement and deadline, the progress, the completion and the capacity exited. */
#define ENT(g, l, f, w, k)    { g, l, LC_ENTRY(f), -1, w, k }
static const struct sheet_col enterprise_cols[] = {
	ENT(NULL, "序号", LE_SEQ, 6, SF_INT),
	ENT(NULL, "企业名称", LE_ENTERPRISE, 24, SF_TEXT),
	ENT(NULL, "所在地区", LE_REGION, 20, SF_TEXT),
	ENT(NULL, "行业", LE_INDUSTRY, 10, SF_TEXT),
	ENT(NULL, "名单类别", LE_LIST, 14, SF_TEXT),
	ENT(NULL, "存在问题", LE_PROBLEM, 36, SF_TEXT),
	ENT(NULL, "整改（退出）要求", LE_REQUIREMENT, 28, SF_TEXT),
	ENT(NULL, "完成时限", LE_DEADLINE, 12, SF_TEXT),
	ENT(NULL, "公示日期", LE_NOTICED, 12, SF_TEXT),
	ENT("进展及完成情况", "进展", LE_STATE, 10, SF_TEXT),
	ENT("进展及完成情况", "完成情况", LE_COMPLETION, 30, SF_TEXT),
	ENT("进展及完成情况", "完成（撤回）日期", LE_DONE_ON, 14, SF_TEXT),
	ENT("产能", "数值", LE_CAPACITY, 10, SF_DECIMAL),
	ENT("产能", "单位", LE_UNIT, 12, SF_TEXT),
	ENT(NULL, "责任部门", LE_DEPARTMENT, 24, SF_TEXT),
};

#define NCOLS(t) (unsigned)(sizeof(t) / sizeof((t)[0]))

const struct ledger_def ledger_defs[LEDGER__MAX] = {
	[LEDGER_INSPECT] = { "inspect", "核查检查基本情况汇总表", LR_AREAS, inspect_cols,
	    NCOLS(inspect_cols) },
	[LEDGER_RECTIFY] = { "rectify", "整改及退出台账", LR_AREAS, rectify_cols,
	    NCOLS(rectify_cols) },
	[LEDGER_YEARLY] = { "yearly", "年度举报办理情况汇总表", LR_MONTHS, yearly_cols,
	    NCOLS(yearly_cols) },
	[LEDGER_ENTERPRISE] = { "enterprise", "整改及退出台账（企业明细）", LR_ENTRIES,
	    enterprise_cols, NCOLS(enterprise_cols) },
};

const struct option ledger_kinds[] = {
	{ "inspect", "核查检查基本情况汇总表" }, { "rectify", "整改及退出台账" },
	{ "yearly", "年度举报办理情况汇总表" }, { "enterprise", "整改及退出台账（企业明细）" },
	{ NULL, NULL },
};

int
ledger_kind(const char *code)
{
	int k;

	for (k = 0; k < LEDGER__MAX; k++)
		if (code != NULL && strcmp(ledger_defs[k].code, code) == 0)
			return k;
	return -1;
}

/* ---- the CSV writer */

static int
csv_add(struct csv_sheet *cs, const char *s)
{
	size_t n = strlen(s);

	if (cs->used + n >= sizeof(cs->line))
		return -1;
	memcpy(cs->line + cs->used, s, n + 1);
	cs->used += n;
	return 0;
}

/* Complete lines up to row, then empty cells up to col: every line has ncols fields. */
static int
csv_move(struct csv_sheet *cs, unsigned row, unsigned col)
{
	while (cs->row < row) {
		for (; cs->col < cs->ncols; cs->col++)
			if (cs->col > 0 && csv_add(cs, ",") != 0)
				return -1;
		if (csv_add(cs, "\r\n") != 0 || cs->out(cs->arg, cs->line, cs->used) != 0)
			return -1;
		cs->used = 0;
		cs->col = 0;
		cs->row++;
	}
	for (; cs->col < col; cs->col++)
		if (cs->col > 0 && csv_add(cs, ",") != 0)
			return -1;
	return 0;
}

static int
csv_begin(void *w, const char *name, unsigned ncols, const double *widths)
{
	struct csv_sheet *cs = w;

	(void)name;
	(void)widths;
	cs->ncols = ncols;
	cs->row = cs->col = 0;
	cs->used = 0;
	cs->started = true;
	return cs->out(cs->arg, "\xef\xbb\xbf", 3);   /* the BOM: spreadsheets then read UTF-8 */
}

static int
csv_text(void *w, unsigned row, unsigned col, const char *text, enum sheet_part part)
{
	struct csv_sheet *cs = w;

	(void)part;
	if (row < cs->row || (row == cs->row && col < cs->col) || col >= cs->ncols ||
	    csv_move(cs, row, col) != 0 || (col > 0 && csv_add(cs, ",") != 0) ||
	    !csv_cell(cs->line, sizeof(cs->line), &cs->used, text))
		return -1;
	cs->col = col + 1;
	return 0;
}

/* A merged block is its text in the first cell, the others empty. */
static int
csv_merge(void *w, unsigned r0, unsigned c0, unsigned r1, unsigned c1, const char *text,
    enum sheet_part part)
{
	(void)r1;
	(void)c1;
	return csv_text(w, r0, c0, text, part);
}

static int
csv_number(void *w, unsigned row, unsigned col, double v, enum sheet_fmt fmt,
    enum sheet_part part)
{
	char buf[40];

	if (fmt == SF_PERCENT)
		snprintf(buf, sizeof(buf), "%.1f%%", v * 100);
	else if (fmt == SF_DECIMAL)
		snprintf(buf, sizeof(buf), "%.2f", v);
	else
		snprintf(buf, sizeof(buf), "%.0f", v);
	return csv_text(w, row, col, buf, part);
}

static int
csv_end(void *w)
{
	struct csv_sheet *cs = w;

	if (cs->col == 0)
		return 0;
	return csv_move(cs, cs->row + 1, 0);
}

static const struct sheet_ops csv_ops = { csv_begin, csv_merge, csv_text, csv_number, csv_end };

struct sheet
csv_sheet(struct csv_sheet *cs, sheet_out out, void *arg)
{
	cs->out = out;
	cs->arg = arg;
	cs->started = false;
	return (struct sheet){ &csv_ops, cs };
}

/* ---- headers and rows */

int
sheet_header(const struct sheet *s, unsigned r, const struct sheet_col *cols, unsigned n)
{
	unsigned i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && cols[i].group != NULL && cols[j].group != NULL &&
		    strcmp(cols[i].group, cols[j].group) == 0; j++)
			;
		if (cols[i].group == NULL) {
			if (s->ops->merge(s->w, r, i, r + 1, i, cols[i].label, SP_HEAD) != 0)
				return -1;
			continue;
		}
		if ((j - i > 1 ? s->ops->merge(s->w, r, i, r, j - 1, cols[i].group, SP_HEAD) :
		    s->ops->text(s->w, r, i, cols[i].group, SP_HEAD)) != 0)
			return -1;
	}
	for (i = 0; i < n; i++)
		if (cols[i].group != NULL &&
		    s->ops->text(s->w, r + 1, i, cols[i].label, SP_HEAD) != 0)
			return -1;
	return 0;
}

/* One row of a ledger: its name and the columns' values from the counters c. */
static int
ledger_row(const struct sheet *s, const struct ledger_def *d, unsigned r, const char *name,
    const int64_t c[SC__MAX], enum sheet_part part)
{
	const struct sheet_col *col;
	double v;
	unsigned i;
	int rc;

	for (i = 0; i < d->ncols; i++) {
		col = &d->cols[i];
		if (col->src == LC_KEY)
			rc = s->ops->text(s->w, r, i, name, part);
		else if (col->src >= LC_SHARE(0)) {
			v = stats_share((enum stats_measure)(col->src - LC_SHARE(0)), c);
			/* nothing was due: no share, shown as a dash */
			rc = v < 0 ? s->ops->text(s->w, r, i, "—", part) :
			    s->ops->number(s->w, r, i, v, SF_PERCENT, part);
		} else
			rc = s->ops->number(s->w, r, i, (double)(c[col->src] +
			    (col->plus >= 0 ? c[col->plus] : 0)), SF_INT, part);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* The rows of one statistics query, malloc'ed. */
struct rows {
	struct stats_row *r;
	size_t            n, cap;
	bool              nomem;
};

static int
rows_push(void *arg, void *row)
{
	struct rows *s = arg;
	struct stats_row *r;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		if ((r = realloc(s->r, s->cap * sizeof(*r))) == NULL) {
			s->nomem = true;
			return 1;
		}
		s->r = r;
	}
	s->r[s->n++] = *(struct stats_row *)row;
	return 0;
}

static const struct stats_row *
rows_find(const struct rows *s, const char *key, bool *used)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->r[i].key, key) == 0) {
			used[i] = true;
			return &s->r[i];
		}
	return NULL;
}

/* The summary rows of the request: per month of the area, or per area one level below. */
static int
rows_load(struct db *db, const struct ledger_req *q, struct rows *s)
{
	bool months = ledger_defs[q->kind].rows == LR_MONTHS;
	struct stats_row row;
	char pattern[8];
	struct dbp p[7];
	size_t np;
	bool found;
	int rc;

	memset(s, 0, sizeof(*s));
	/* every report, in the area itself (per month) or in the areas just below it */
	np = stats_filter_params("all", "", q->per.from, q->per.to, q->area, !months, pattern, p);
	rc = db_load(db, months ? Q_STATS_MONTHS : Q_STATS_REGIONS, p, np,
	    &stats_row_loader, NULL, &row, rows_push, s, &found);
	if (rc == DB_OK && s->nomem) {
		log_err("ledger: out of memory");
		rc = DB_FAIL;
	}
	return rc;
}

static void
add_counters(int64_t *sum, const int64_t *c)
{
	int i;

	for (i = 0; i < SC__MAX; i++)
		sum[i] += c[i];
}

/* The months of the period, each with its row or zeros. */
static int
month_rows(const struct sheet *s, const struct ledger_req *q, const struct rows *rs,
    bool *used, unsigned *r, int64_t *sum)
{
	static const int64_t zero[SC__MAX];
	const struct stats_row *row;
	const struct ledger_def *d = &ledger_defs[q->kind];
	int y, m, d0, ty, tm;
	char key[16], name[32];
	cal_day from, to;

	if (!cal_parse(q->per.from, 10, &from) || !cal_parse(q->per.to, 10, &to))
		return -1;
	cal_to_ymd(from, &y, &m, &d0);
	cal_to_ymd(to, &ty, &tm, &d0);
	for (; y < ty || (y == ty && m <= tm); m = m == 12 ? (y++, 1) : m + 1) {
		snprintf(key, sizeof(key), "%04d-%02d", y, m);
		snprintf(name, sizeof(name), "%d年%d月", y, m);
		row = rows_find(rs, key, used);
		if (ledger_row(s, d, (*r)++, name, row != NULL ? row->c : zero, SP_BODY) != 0)
			return -1;
		if (row != NULL)
			add_counters(sum, row->c);
	}
	return 0;
}

/* The areas one level below the request's (a county: itself), every one of the reference
 * data's in code order, each with its row or zeros; then any row of an area the reference data
 * does not know. */
static int
area_rows(const struct sheet *s, const struct refdata *rd, const struct ledger_req *q,
    const struct rows *rs, bool *used, unsigned *r, int64_t *sum)
{
	static const int64_t zero[SC__MAX];
	const struct ledger_def *d = &ledger_defs[q->kind];
	const struct stats_row *row;
	size_t n = strlen(q->area), i;
	int level = n >= 6 ? 3 : (int)n / 2 + 1;
	char key[7];

	for (i = 0; i < rd->nregions; i++) {
		const struct region *g = &rd->regions[i];

		if (g->level != level || strncmp(g->code, q->area, n) != 0)
			continue;
		region_prefix(g->code, key);
		row = rows_find(rs, key, used);
		if (ledger_row(s, d, (*r)++, g->name, row != NULL ? row->c : zero, SP_BODY) != 0)
			return -1;
		if (row != NULL)
			add_counters(sum, row->c);
	}
	for (i = 0; i < rs->n; i++) {
		if (used[i])
			continue;
		if (ledger_row(s, d, (*r)++, rs->r[i].key, rs->r[i].c, SP_BODY) != 0)
			return -1;
		add_counters(sum, rs->r[i].c);
	}
	return 0;
}

int
ledger_head(const struct sheet *s, const struct ledger_req *q)
{
	const struct ledger_def *d = &ledger_defs[q->kind];
	double widths[32];
	char per[80], sub[400];
	unsigned i;

	for (i = 0; i < d->ncols && i < 32; i++)
		widths[i] = d->cols[i].width;
	ledger_period_label(&q->per, per, sizeof(per));
	snprintf(sub, sizeof(sub), "地区：%s　　统计期间：%s", q->area_name, per);
	if (s->ops->begin(s->w, d->name, d->ncols, widths) != 0 ||
	    s->ops->merge(s->w, 0, 0, 0, d->ncols - 1, d->name, SP_TITLE) != 0 ||
	    s->ops->merge(s->w, 1, 0, 1, d->ncols - 1, sub, SP_SUBTITLE) != 0)
		return -1;
	return sheet_header(s, 2, d->cols, d->ncols);
}

/* A ledger of counters: its rows from the summary tables, then their totals. */
static int
counts_write(struct db *db, const struct refdata *rd, const struct ledger_req *q,
    const struct sheet *s)
{
	int64_t sum[SC__MAX] = { 0 };
	struct rows rs;
	bool *used = NULL;
	unsigned r = 4;
	int rc;

	if ((rc = rows_load(db, q, &rs)) != DB_OK)
		goto done;
	rc = DB_FAIL;
	if ((used = calloc(rs.n + 1, sizeof(*used))) == NULL)
		goto done;
	if (ledger_head(s, q) != 0 ||
	    (ledger_defs[q->kind].rows == LR_MONTHS ? month_rows(s, q, &rs, used, &r, sum) :
	    area_rows(s, rd, q, &rs, used, &r, sum)) != 0 ||
	    ledger_row(s, &ledger_defs[q->kind], r, "合计", sum, SP_TOTAL) != 0)
		goto done;
	rc = DB_OK;
done:
	free(used);
	free(rs.r);
	return rc;
}

int
ledger_write(struct db *db, const struct refdata *rd, const struct ledger_req *q,
    const struct sheet *s)
{
	int rc;

	rc = ledger_defs[q->kind].rows == LR_ENTRIES ? ledger_entries_write(db, rd, q, s) :
	    counts_write(db, rd, q, s);
	if (rc == DB_OK && s->ops->end(s->w) != 0)
		rc = DB_FAIL;
	return rc;
}

/* ---- periods and file names */

void
ledger_period_label(const struct stats_period *p, char *out, size_t cap)
{
	int fy, fm, ty, tm;

	if (sscanf(p->from, "%4d-%2d", &fy, &fm) != 2 || sscanf(p->to, "%4d-%2d", &ty, &tm) != 2) {
		snprintf(out, cap, "%s至%s", p->from, p->to);
		return;
	}
	if (fy == ty && fm == tm)
		snprintf(out, cap, "%d年%d月", fy, fm);
	else
		snprintf(out, cap, "%d年%d月至%d年%d月", fy, fm, ty, tm);
}

/* "YYYY-MM" as the first day of that month. */
static bool
month_day(const char *s, size_t len, cal_day *out)
{
	char buf[11];

	if (len != 7)
		return false;
	memcpy(buf, s, 7);
	memcpy(buf + 7, "-01", 4);
	return cal_parse(buf, 10, out);
}

bool
ledger_period_parse(const char *s, struct stats_period *p)
{
	const char *dots = strstr(s, "..");
	size_t n = strlen(s);
	cal_day a, b;
	int y, q, m;

	if (n < 4 || n > 16 || strspn(s, "0123456789") < 4)
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (n == 4)
		return stats_period(SP_YEAR, y, 1, 1, 0, 0, p);
	if (n == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		q = s[6] - '0';
		return stats_period(SP_QUARTER, y, q, 1, 0, 0, p);
	}
	if (n == 7 && month_day(s, 7, &a)) {
		m = (s[5] - '0') * 10 + (s[6] - '0');
		return stats_period(SP_MONTH, y, 1, m, 0, 0, p);
	}
	if (dots != NULL && dots - s == 7 && month_day(s, 7, &a) && month_day(dots + 2,
	    strlen(dots + 2), &b))
		return stats_period(SP_CUSTOM, y, 1, 1, a, b, p);
	return false;
}

void
ledger_disposition(const char *name, const char *fallback, const char *ext, char *out,
    size_t cap)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t u;
	const unsigned char *p;

	u = (size_t)snprintf(out, cap, "attachment; filename=\"%s.%s\"; filename*=UTF-8''",
	    fallback, ext);
	if (u >= cap)
		u = cap - 1;
	for (p = (const unsigned char *)name; *p != '\0' && u + 4 < cap; p++) {
		/* RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~" */
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p) != NULL)
			out[u++] = (char)*p;
		else {
			out[u++] = '%';
			out[u++] = hex[*p >> 4];
			out[u++] = hex[*p & 15];
		}
	}
	if (u + strlen(ext) + 2 < cap)
		u += (size_t)snprintf(out + u, cap - u, ".%s", ext);
	out[u < cap ? u : cap - 1] = '\0';
}
