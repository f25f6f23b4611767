/*
 * stats: the statistics page (统计) for every staff role, limited to the user's area: the
 * counts of a period (month, quarter, year or custom months) by month, region (drill-down
 * province → city → county), category, industry, channel, standard and lead department; the
 * handling quality; the charts (drawn by xslt/admin/stats.xsl as SVG from the <chart> elements
 * stats_charts.c makes, each with the same numbers as a table); and the assessment (考评) with its
 * weights. Everything is read from the summary tables (sql/015, lib/stats.c), never from the
 * report table. An administrator (who handles no case) sees the area of its department.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "queries.h"
#include "region.h"
#include "report.h"

const struct option stats_period_kinds[] = {
	{ "month", "月度" }, { "quarter", "季度" }, { "year", "年度" }, { "custom", "自定义" },
	{ NULL, NULL },
};
static const struct option assess_units[] = {
	{ "region", "地区" }, { "dept", "部门" }, { NULL, NULL },
};
static const struct option assess_sorts[] = {
	{ "score", "得分" }, { "name", "名称" }, { "received", "收到举报数" }, { NULL, NULL },
};
const struct option stats_channels[] = {
	{ "web", "网上" }, { "phone", "电话" }, { "fax", "传真" }, { "email", "电子邮件" },
	{ "letter", "信函" }, { "visit", "来访" }, { NULL, NULL },
};

const struct form_key stats_keys[ST__MAX] = {
	PERIOD_KEYS(ST_PERIOD),
	[ST_REGION] = { "region", form_digits, 2, 6, 0, NULL, "地区代码无效。" },
	[ST_CATEGORY] = { "category", form_choice, 0, 0, 0, report_categories, "类别无效。" },
	[ST_INDUSTRY] = { "industry", NULL, 1, 32, 0, NULL, "行业无效。" },
	[ST_CHANNEL] = { "channel", form_choice, 0, 0, 0, stats_channels, "来源渠道无效。" },
	[ST_STANDARD] = { "standard", form_choice, 0, 0, 0, report_standards, "标准无效。" },
	[ST_BY] = { "by", form_choice, 0, 0, 0, assess_units, "考评对象无效。" },
	[ST_SORT] = { "sort", form_choice, 0, 0, 0, assess_sorts, "排序方式无效。" },
};

/* The weights form: one key per measure, 0 to 100. */
const struct form_key weight_keys[SM__MAX] = {
	[SM_ACCEPTED_ONTIME] = { "accepted_ontime", form_int, 0, 0, FORM_REQUIRED, NULL,
	    "权重应为0至100的整数。", 0, 100 },
	[SM_TRANSFERRED_ONTIME] = { "transferred_ontime", form_int, 0, 0, FORM_REQUIRED, NULL,
	    "权重应为0至100的整数。", 0, 100 },
	[SM_INSPECTED_ONTIME] = { "inspected_ontime", form_int, 0, 0, FORM_REQUIRED, NULL,
	    "权重应为0至100的整数。", 0, 100 },
	[SM_CLOSED_ONTIME] = { "closed_ontime", form_int, 0, 0, FORM_REQUIRED, NULL,
	    "权重应为0至100的整数。", 0, 100 },
	[SM_NOT_OVERDUE] = { "not_overdue", form_int, 0, 0, FORM_REQUIRED, NULL,
	    "权重应为0至100的整数。", 0, 100 },
};

/* The rows of one statistics query, in the request arena. */
struct rowset {
	struct ctx       *c;
	struct stats_row *r;
	size_t            n, cap;
};

static int
rowset_push(void *arg, void *row)
{
	struct rowset *s = arg;
	struct stats_row *r;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		r = arena_alloc(&s->c->arena, s->cap * sizeof(*r));
		if (s->n > 0)
			memcpy(r, s->r, s->n * sizeof(*r));
		s->r = r;
	}
	s->r[s->n++] = *(struct stats_row *)row;
	return 0;
}

static int
rowset_load(struct page *pg, int q, const struct dbp *p, size_t np, struct rowset *s)
{
	struct stats_row row;

	memset(s, 0, sizeof(*s));
	s->c = pg->c;
	return db_rows(pg, q, p, np, &stats_row_loader, &row, rowset_push, s);
}

/* What the page shows: the area, the region drilled into, the period and the filters. */
struct view {
	char                area[7], region[7];
	struct stats_period per;
	const char         *kind, *category, *industry, *channel, *standard, *by, *sort;
	const char         *dim, *value;      /* the one filter: "all" and "" when none */
	int                 year;
};

/* The widest area of any of the user's roles: user_area's for case roles, else (an
 * administrator) its department's. */
bool
stats_area(const struct staff *s, char prefix[7])
{
	struct area ar;
	char p[7];
	int r;

	if (user_area(s, &ar)) {
		snprintf(prefix, 7, "%s", ar.prefix);
		return true;
	}
	prefix[0] = '\0';
	for (r = 0; r < R__MAX; r++)
		if (role_area(s, (enum role)r, p) && (prefix[0] == '\0' || strlen(p) < strlen(prefix)))
			snprintf(prefix, 7, "%s", p);
	return prefix[0] != '\0';
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

bool
form_period(struct page *pg, int first, struct stats_period *per, const char **kind, int *year,
    const char **why)
{
	cal_day today = cal_beijing_day(pg->c->now), from = 0, to = 0;
	const char *f = fv(pg, first + PK_FROM), *t = fv(pg, first + PK_TO);
	int y, m, d, k;

	cal_to_ymd(today, &y, &m, &d);
	*kind = fv(pg, first + PK_PERIOD) != NULL ? fv(pg, first + PK_PERIOD) : "year";
	for (k = 0; strcmp(stats_period_kinds[k].value, *kind) != 0; k++)
		;
	*year = fv(pg, first + PK_YEAR) != NULL ? (int)fnum(pg, first + PK_YEAR) : y;
	if (k == SP_CUSTOM && (f == NULL || t == NULL || !cal_parse(f, strlen(f), &from) ||
	    !cal_parse(t, strlen(t), &to))) {
		*why = "自定义期间请填写开始和结束日期。";
		return false;
	}
	if (!stats_period((enum stats_period_kind)k, *year,
	    fv(pg, first + PK_QUARTER) ? (int)fnum(pg, first + PK_QUARTER) : (m - 1) / 3 + 1,
	    fv(pg, first + PK_MONTH) ? (int)fnum(pg, first + PK_MONTH) : m, from, to, per)) {
		*why = "统计期间无效（自定义期间最长120个月）。";
		return false;
	}
	return true;
}

/* The one filter of the view (the summary keeps one dimension at a time, sql/015). */
static bool
view_filter(struct page *pg, struct view *v, const char **why)
{
	static const struct { int key; const char *dim; } dims[] = {
		{ ST_CATEGORY, "category" }, { ST_INDUSTRY, "industry" }, { ST_CHANNEL, "channel" },
		{ ST_STANDARD, "standard" },
	};
	size_t i, n = 0;

	v->category = or_empty(fv(pg, ST_CATEGORY));
	v->channel = or_empty(fv(pg, ST_CHANNEL));
	v->industry = or_empty(fv(pg, ST_INDUSTRY));
	v->standard = or_empty(fv(pg, ST_STANDARD));
	v->dim = "all";
	v->value = "";
	for (i = 0; i < NELEM(dims); i++)
		if (fv(pg, dims[i].key) != NULL) {
			v->dim = dims[i].dim;
			v->value = fv(pg, dims[i].key);
			n++;
		}
	if (n > 1) {
		*why = "类别、行业、来源渠道和标准一次只能选择一项。";
		return false;
	}
	if (v->industry[0] != '\0' && refdata_industry(&pg->c->refdata, v->industry) == NULL) {
		*why = "行业无效。";
		return false;
	}
	return true;
}

/* The view the form asks for, inside the user's area; false with *status and *why. */
static bool
view_read(struct page *pg, struct view *v, int *status, const char **why)
{
	const char *region = fv(pg, ST_REGION);

	memset(v, 0, sizeof(*v));
	*status = 400;
	if (pg->errors > 0) {
		*why = "请修改标出的项目后重新查询。";
		return false;
	}
	if (!stats_area(&pg->s, v->area)) {
		*status = 403;
		*why = "您没有统计范围。";
		return false;
	}
	snprintf(v->region, sizeof(v->region), "%s", region != NULL ? region : v->area);
	if (strlen(v->region) % 2 != 0 || strncmp(v->region, v->area, strlen(v->area)) != 0) {
		*status = 403;
		*why = "该地区不在您的统计范围内。";
		return false;
	}
	if (!view_filter(pg, v, why))
		return false;
	v->by = fv(pg, ST_BY) != NULL ? fv(pg, ST_BY) : "region";
	v->sort = fv(pg, ST_SORT) != NULL ? fv(pg, ST_SORT) : "score";
	return form_period(pg, ST_PERIOD, &v->per, &v->kind, &v->year, why);
}

/* STATS_FILTER's parameters (stats_filter_params) for the view's filter, the period [from,
 * to] and its area, or with below the areas just below it: 7 into p. */
static size_t
view_params(const struct view *v, struct ctx *c, const char *from, const char *to,
    struct dbp *p, bool below)
{
	return stats_filter_params(v->dim, v->value, from, to, v->region, below,
	    arena_alloc(&c->arena, 8), p);
}

/* A region code prefix as the 6-digit code of its division ("2201" -> "220100"). */
static void
region_pad(const char *prefix, char out[7])
{
	size_t n = strnlen(prefix, 6);

	memcpy(out, prefix, n);
	memset(out + n, '0', 6 - n);
	out[6] = '\0';
}

const char *
stats_key_name(struct ctx *c, const char *what, const char *key)
{
	const struct industry *ind;
	const struct region *r;
	char code[7];

	if (strcmp(what, "regions") == 0) {
		region_pad(key, code);
		return (r = refdata_region(&c->refdata, code)) != NULL ? r->name : key;
	}
	if (strcmp(what, "categories") == 0)
		return option_label(report_categories, key);
	if (strcmp(what, "channels") == 0)
		return option_label(stats_channels, key);
	if (strcmp(what, "standards") == 0)
		return option_label(report_standards, key);
	if (strcmp(what, "industries") == 0)
		return (ind = refdata_industry(&c->refdata, key)) != NULL ? ind->name : key;
	return key;
}

static void
row_attrs(xmlNodePtr n, const struct stats_row *r)
{
	int i;

	for (i = 0; i < SC__MAX; i++)
		xml_attr_int(n, stats_counter_names[i], r->c[i]);
}

/* <what><row key name counters…/></what> */
static xmlNodePtr
rows_xml_stats(struct ctx *c, xmlNodePtr parent, const char *what, const struct rowset *s)
{
	xmlNodePtr list = xml_add(parent, what, NULL), n;
	size_t i;

	for (i = 0; i < s->n; i++) {
		n = xml_add(list, "row", NULL);
		xml_attr(n, "key", s->r[i].key);
		xml_attr(n, "name", stats_key_name(c, what, s->r[i].key));
		row_attrs(n, &s->r[i]);
	}
	return list;
}

/* ---- the assessment (考评) */

struct weight_row {
	char    measure[33];
	int64_t weight;
};
static const struct dbc weight_cols[] = {
	COL_TEXT(struct weight_row, measure), COL_I64(struct weight_row, weight),
};
static const struct db_loader weight_loader = DB_LOADER(struct weight_row, weight_cols);

static int
weight_row(void *arg, void *row)
{
	int64_t *w = arg;
	const struct weight_row *r = row;
	int i;

	for (i = 0; i < SM__MAX; i++)
		if (strcmp(stats_measure_names[i], r->measure) == 0)
			w[i] = r->weight;
	return 0;
}

struct unit {
	const char *key, *name;
	int64_t     received;
	double      share[SM__MAX], score, prev;
};

static int unit_sort;   /* 0 score, 1 name, 2 received: qsort's comparison reads it */

static int
unit_cmp(const void *a, const void *b)
{
	const struct unit *x = a, *y = b;

	if (unit_sort == 1)
		return strcmp(x->key, y->key);
	if (unit_sort == 2)
		return (y->received > x->received) - (y->received < x->received);
	return (y->score > x->score) - (y->score < x->score);
}

static double
row_score(const struct stats_row *r, const int64_t *w, double *share)
{
	double s[SM__MAX];
	int i;

	for (i = 0; i < SM__MAX; i++)
		s[i] = stats_share((enum stats_measure)i, r->c);
	if (share != NULL)
		memcpy(share, s, sizeof(s));
	return stats_score(s, w, SM__MAX);
}

static void
unit_xml(xmlNodePtr parent, const struct unit *u)
{
	xmlNodePtr n = xml_add(parent, "unit", NULL), m;
	int i;

	xml_attr(n, "key", u->key);
	xml_attr(n, "name", u->name);
	xml_attr_int(n, "received", u->received);
	if (u->score >= 0)
		xml_attr_int(n, "score", (long long)(u->score * 10 + 0.5));   /* tenths */
	if (u->prev >= 0)
		xml_attr_int(n, "prev", (long long)(u->prev * 10 + 0.5));
	for (i = 0; i < SM__MAX; i++) {
		m = xml_add(n, "share", NULL);
		xml_attr(m, "name", stats_measure_names[i]);
		if (u->share[i] >= 0)
			xml_attr_int(m, "permille", (long long)(u->share[i] * 1000 + 0.5));
	}
}

/* The units of cur (regions or departments) with their scores and the previous period's. */
static void
assessment_xml(struct ctx *c, xmlNodePtr parent, const struct view *v, const int64_t *w,
    const struct rowset *cur, const struct rowset *prev)
{
	xmlNodePtr a = xml_add(parent, "assessment", NULL);
	bool dept = strcmp(v->by, "dept") == 0;
	struct unit *u = arena_alloc(&c->arena, (cur->n + 1) * sizeof(*u));
	size_t i, j;

	xml_attr(a, "by", v->by);
	xml_attr(a, "sort", v->sort);
	for (i = 0; i < cur->n; i++) {
		u[i].key = cur->r[i].key;
		u[i].name = dept ? cur->r[i].key : stats_key_name(c, "regions", cur->r[i].key);
		u[i].received = cur->r[i].c[SC_RECEIVED];
		u[i].score = row_score(&cur->r[i], w, u[i].share);
		u[i].prev = -1;
		for (j = 0; j < prev->n; j++)
			if (strcmp(prev->r[j].key, cur->r[i].key) == 0)
				u[i].prev = row_score(&prev->r[j], w, NULL);
	}
	unit_sort = strcmp(v->sort, "name") == 0 ? 1 : strcmp(v->sort, "received") == 0 ? 2 : 0;
	qsort(u, cur->n, sizeof(*u), unit_cmp);
	for (i = 0; i < cur->n; i++)
		unit_xml(a, &u[i]);
}

static void
weights_xml(xmlNodePtr parent, const int64_t *w)
{
	xmlNodePtr ws = xml_add(parent, "weights", NULL), n;
	int i;

	for (i = 0; i < SM__MAX; i++) {
		n = xml_add(ws, "weight", NULL);
		xml_attr(n, "measure", stats_measure_names[i]);
		xml_attr(n, "label", stats_measure_labels[i]);
		xml_attr_int(n, "weight", w[i]);
	}
}

/* ---- the page */

/* The rows of the assessment's units for one period: regions below the one shown (or it, for
 * a county) or departments of the area. */
static int
units_load(struct page *pg, const struct view *v, const char *from, const char *to,
    struct rowset *s)
{
	struct dbp p[10];

	if (strcmp(v->by, "dept") == 0) {
		p[0] = P_TEXT(from);
		p[1] = P_TEXT(to);
		p[2] = P_TEXT(like_prefix(pg->c, v->region));
		return rowset_load(pg, Q_STATS_DEPTS, p, 3, s);
	}
	view_params(v, pg->c, from, to, p, true);
	return rowset_load(pg, Q_STATS_REGIONS, p, 7, s);
}

/* <overdue-now today count>: the open cases of the view's area and filter past their due
 * date today (not the period's: a figure of the moment, beside the overdue marks ever made). */
static int
overdue_now_xml(struct page *pg, const struct view *v, xmlNodePtr root)
{
	const char *f[4] = { v->category, v->industry, v->channel, v->standard };
	struct ctx *c = pg->c;
	char today[11];
	struct dbp p[10];
	int64_t n = 0;
	xmlNodePtr o;
	int i, rc;

	cal_format(cal_beijing_day(c->now), today);
	p[0] = P_TEXT(today);
	p[1] = P_TEXT(like_prefix(c, v->region));
	for (i = 0; i < 4; i++)
		p[2 + 2 * i] = p[3 + 2 * i] = P_TEXT(f[i]);
	if ((rc = db_int(&c->db, Q_STATS_OVERDUE_NOW, p, 10, 0, &n)) != DB_OK)
		return rc;
	o = xml_add(root, "overdue-now", NULL);
	xml_attr(o, "today", today);
	xml_attr_int(o, "count", n);
	return DB_OK;
}

/* A row of Q_STATS_EXITS. */
struct exit_row {
	char    industry[33], unit[65], capacity[24];
	int64_t enterprises, quantity;
};
static const struct dbc exit_cols[] = {
	COL_TEXT(struct exit_row, industry), COL_TEXT(struct exit_row, unit),
	COL_I64(struct exit_row, enterprises), COL_I64(struct exit_row, quantity),
	COL_TEXT(struct exit_row, capacity),
};
static const struct db_loader exit_loader = DB_LOADER(struct exit_row, exit_cols);

struct exit_out {
	struct ctx *c;
	xmlNodePtr  list;
};

static int
exit_xml(void *arg, void *row)
{
	const struct exit_row *r = row;
	struct exit_out *o = arg;
	const struct industry *ind = refdata_industry(&o->c->refdata, r->industry);
	xmlNodePtr n = xml_add(o->list, "exit", NULL);

	xml_attr(n, "industry", r->industry);
	xml_attr(n, "name", ind != NULL ? ind->name : r->industry);
	xml_attr(n, "unit", r->unit);
	xml_attr_int(n, "enterprises", r->enterprises);
	xml_attr_int(n, "quantity", r->quantity);
	xml_attr(n, "capacity", r->capacity);
	return 0;
}

/* <exits><exit industry name unit enterprises quantity capacity/></exits>: the capacity
 * exited in the view's period and area, per industry and unit (the industry filter applies;
 * the others do not describe a list entry). */
static int
exits_xml(struct page *pg, const struct view *v, xmlNodePtr root)
{
	struct exit_out o = { pg->c, xml_add(root, "exits", NULL) };
	struct exit_row row;
	struct dbp p[5];

	p[0] = P_TEXT(v->per.from);
	p[1] = P_TEXT(v->per.to);
	p[2] = P_TEXT(like_prefix(pg->c, v->region));
	p[3] = p[4] = P_TEXT(v->industry);
	return db_rows(pg, Q_STATS_EXITS, p, 5, &exit_loader, &row, exit_xml, &o);
}

/* The sets of summed rows a view shows, kept per worker by stats_cache.c. */
enum stats_set { SET_TOTAL, SET_MONTHS, SET_REGIONS, SET_CATEGORIES, SET_INDUSTRIES,
	SET_CHANNELS, SET_STANDARDS, SET_DEPTS, SET_PREV, SET_CUR };
_Static_assert(SET_CUR + 1 == STATS_SETS, "admin.h's STATS_SETS counts enum stats_set");

/* Every set of the view from the summary tables, and the weights: ten statements at most.
 * The regions below (not for a county), each breakdown over the area and period (one
 * dimension at a time), the departments, the assessment's units of the previous period and,
 * for a county by region, of this one (else they are the regions or departments read here). */
static int
stats_load(struct page *pg, const struct view *v, struct rowset s[STATS_SETS], int64_t *w)
{
	static const char *const dims[] = { "category", "industry", "channel", "standard" };
	struct ctx *c = pg->c;
	struct dbp p[10];
	size_t i;
	int rc;

	for (i = 0; i < STATS_SETS; i++)
		s[i] = (struct rowset){ c, NULL, 0, 0 };
	view_params(v, c, v->per.from, v->per.to, p, false);
	if ((rc = rowset_load(pg, Q_STATS_TOTAL, p, 7, &s[SET_TOTAL])) != DB_OK ||
	    (rc = rowset_load(pg, Q_STATS_MONTHS, p, 7, &s[SET_MONTHS])) != DB_OK)
		return rc;
	if (strlen(v->region) < 6) {
		view_params(v, c, v->per.from, v->per.to, p, true);
		if ((rc = rowset_load(pg, Q_STATS_REGIONS, p, 7, &s[SET_REGIONS])) != DB_OK)
			return rc;
	}
	for (i = 0; i < NELEM(dims); i++) {
		stats_filter_params(dims[i], "", v->per.from, v->per.to, v->region, false,
		    arena_alloc(&c->arena, 8), p);
		if ((rc = rowset_load(pg, Q_STATS_BY, p, 7, &s[SET_CATEGORIES + i])) != DB_OK)
			return rc;
	}
	p[0] = P_TEXT(v->per.from);
	p[1] = P_TEXT(v->per.to);
	p[2] = P_TEXT(like_prefix(c, v->region));
	if ((rc = rowset_load(pg, Q_STATS_DEPTS, p, 3, &s[SET_DEPTS])) != DB_OK ||
	    (rc = db_rows(pg, Q_STATS_WEIGHTS, NULL, 0, &weight_loader,
	    &(struct weight_row){ "", 0 }, weight_row, w)) != DB_OK ||
	    (rc = units_load(pg, v, v->per.prev_from, v->per.prev_to, &s[SET_PREV])) != DB_OK)
		return rc;
	if (strcmp(v->by, "dept") != 0 && strlen(v->region) >= 6)
		return units_load(pg, v, v->per.from, v->per.to, &s[SET_CUR]);
	return DB_OK;
}

/* The view's sets: this worker's copy while the summary's version (one primary-key read) is
 * the one they were read at, else read and kept (stats_cache.c says why). */
static int
stats_sets(struct page *pg, const struct view *v, struct rowset s[STATS_SETS], int64_t *w)
{
	struct ctx *c = pg->c;
	struct stats_rows kept[STATS_SETS];
	char key[STATS_CACHE_KEY];
	int64_t version;
	size_t i;
	int n, rc;

	n = snprintf(key, sizeof(key), "%s|%s|%s|%s|%s|%s|%s|%s", v->dim, v->value, v->per.from,
	    v->per.to, v->per.prev_from, v->per.prev_to, v->region, v->by);
	if (n < 0 || (size_t)n >= sizeof(key))
		return stats_load(pg, v, s, w);
	if ((rc = db_int(&c->db, Q_STATS_VERSION, NULL, 0, -1, &version)) != DB_OK)
		return rc;
	if (stats_cache_get(c, key, version, kept, w)) {
		for (i = 0; i < STATS_SETS; i++)
			s[i] = (struct rowset){ c, kept[i].r, kept[i].n, kept[i].n };
		return DB_OK;
	}
	if ((rc = stats_load(pg, v, s, w)) != DB_OK)
		return rc;
	for (i = 0; i < STATS_SETS; i++)
		kept[i] = (struct stats_rows){ s[i].r, s[i].n };
	stats_cache_put(key, version, kept, w);
	return DB_OK;
}

/* Everything of the page below the form. */
static int
stats_body(struct page *pg, const struct view *v, xmlNodePtr root)
{
	static const char *const what[] = { "categories", "industries", "channels", "standards" };
	struct ctx *c = pg->c;
	struct rowset s[STATS_SETS], cur;
	struct stats_row zero;
	const struct stats_row *t;
	int64_t w[SM__MAX] = { 0 };
	size_t i;
	int rc;

	if ((rc = stats_sets(pg, v, s, w)) != DB_OK)
		return rc;
	rows_xml_stats(c, root, "months", &s[SET_MONTHS]);
	if (strlen(v->region) < 6)
		rows_xml_stats(c, root, "regions", &s[SET_REGIONS]);
	for (i = 0; i < NELEM(what); i++)
		rows_xml_stats(c, root, what[i], &s[SET_CATEGORIES + i]);
	memset(&zero, 0, sizeof(zero));
	t = s[SET_TOTAL].n > 0 ? &s[SET_TOTAL].r[0] : &zero;
	rows_xml_stats(c, root, "total", &(struct rowset){ c, (struct stats_row *)t, 1, 1 });
	if ((rc = overdue_now_xml(pg, v, root)) != DB_OK || (rc = exits_xml(pg, v, root)) != DB_OK)
		return rc;
	/* the areas below, already read for their table, are the assessment's units by region */
	if (strcmp(v->by, "dept") == 0)
		cur = s[SET_DEPTS];
	else if (strlen(v->region) < 6)
		cur = s[SET_REGIONS];
	else
		cur = s[SET_CUR];
	rows_xml_stats(c, root, "depts", &s[SET_DEPTS]);
	stats_quality_xml(root, t);
	stats_chart_trend(root, s[SET_MONTHS].r, s[SET_MONTHS].n);
	if (s[SET_REGIONS].n > 0)
		stats_chart_rows(c, root, "regions", "各地区收到的举报", s[SET_REGIONS].r,
		    s[SET_REGIONS].n, SC_RECEIVED);
	stats_chart_compliance(c, root, s[SET_DEPTS].r, s[SET_DEPTS].n);
	stats_chart_outcomes(root, t);
	assessment_xml(c, root, v, w, &cur, &s[SET_PREV]);
	weights_xml(root, w);
	return DB_OK;
}

/* The view's attributes, the drill-down chain and the filter's choices. */
static void
view_xml(struct page *pg, const struct view *v, xmlNodePtr root)
{
	struct ctx *c = pg->c;
	xmlNodePtr f = xml_add(root, "view", NULL), crumbs, n;
	char prefix[7];
	size_t len;

	xml_attr(f, "period", v->kind);
	xml_attr_int(f, "year", v->year);
	xml_attr(f, "from", v->per.from);
	xml_attr(f, "to", v->per.to);
	xml_attr(f, "prev-from", v->per.prev_from);
	xml_attr(f, "prev-to", v->per.prev_to);
	xml_attr(f, "area", v->area);
	xml_attr(f, "region", v->region);
	xml_attr(f, "category", v->category);
	xml_attr(f, "industry", v->industry);
	xml_attr(f, "channel", v->channel);
	xml_attr(f, "standard", v->standard);
	xml_attr(f, "dim", v->dim);
	xml_attr(f, "by", v->by);
	xml_attr(f, "sort", v->sort);
	xml_attr(f, "county", strlen(v->region) >= 6 ? "1" : "0");
	crumbs = xml_add(root, "crumbs", NULL);
	for (len = strlen(v->area); len <= strlen(v->region); len += 2) {
		snprintf(prefix, sizeof(prefix), "%.*s", (int)len, v->region);
		n = xml_add(crumbs, "crumb", stats_key_name(c, "regions", prefix));
		xml_attr(n, "code", prefix);
	}
	form_options_xml(root, "periods", stats_period_kinds);
	form_options_xml(root, "categories-options", report_categories);
	form_options_xml(root, "channels-options", stats_channels);
	form_options_xml(root, "standards-options", report_standards);
	form_options_xml(root, "units", assess_units);
	form_options_xml(root, "sorts", assess_sorts);
	refdata_industries_xml(&c->refdata, xml_add(root, "options", NULL));
	console_form_state(pg, root);
}

void
stats_page(struct page *pg)
{
	struct ctx *c = pg->c;
	xmlNodePtr root;
	xmlDocPtr doc;
	struct view v;
	const char *why = NULL;
	int status;

	if (!view_read(pg, &v, &status, &why)) {
		doc = console_doc(pg, "stats", &root);
		xml_add(root, "message", why);
		console_form_state(pg, root);
		form_options_xml(root, "periods", stats_period_kinds);
		app_send(c, status, doc);
		return;
	}
	doc = console_doc(pg, "stats", &root);
	/* The same view of an unchanged summary gives this user the same document (its rows
	 * from stats_cache.c): its HTML is worth keeping, keyed by the document's hash, which
	 * holds the session's token, so it reaches no one else. The XSLT of a provincial page
	 * (~5 ms) was most of what remained of a view after the rows were kept. */
	c->keep_html = true;
	view_xml(pg, &v, root);
	if (stats_body(pg, &v, root) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(c, 200, doc);
}

/* The system administrator weighs the assessment's measures: all five at once, audited. */
void
stats_weights_post(struct page *pg)
{
	struct ctx *c = pg->c;
	char detail[200];
	size_t len = 0;
	struct dbp p[2];
	int i, rc = DB_OK, attempt;

	if (pg->errors > 0) {
		console_error(pg, 400, "权重应为0至100的整数。");
		return;
	}
	for (i = 0; i < SM__MAX; i++)
		len += (size_t)snprintf(detail + len, sizeof(detail) - len, "%s%s=%lld",
		    i ? " " : "", stats_measure_names[i], (long long)fnum(pg, i));
	for (attempt = 0, rc = DB_RETRY; attempt < 3 && rc == DB_RETRY; attempt++) {
		if ((rc = db_begin(&c->db)) != DB_OK)
			continue;
		for (i = 0; i < SM__MAX && rc == DB_OK; i++) {
			p[0] = P_INT(fnum(pg, i));
			p[1] = P_TEXT(stats_measure_names[i]);
			rc = db_run(&c->db, Q_STATS_WEIGHT_SET, p, 2);
		}
		if (rc == DB_OK && (rc = console_audit(pg, "stats_weights", 0, detail)) == DB_OK &&
		    (rc = stats_bump(&c->db, 0)) == DB_OK && (rc = db_commit(&c->db)) == DB_OK)
			break;
		db_rollback(&c->db);
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	app_redirect(c, "/admin/stats?by=region#weights");
}
