/* routing: the routing table's page (rules, validation, a preview of where a report would go),
 * its edits, and the departments a case may be transferred to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "queries.h"
#include "region.h"
#include "report.h"
#include "routing.h"
#include "validate.h"

static const struct option rule_actions[] = { { "add", "" }, { "toggle", "" }, { "delete", "" },
	{ NULL, NULL } };
static const struct option preview_on[] = { { "1", "" }, { NULL, NULL } };

static bool
kind_ok(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	(void)len;
	return routing_kind_valid(v);
}

static bool
level_ok(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	(void)len;
	return routing_level_parse(v) >= 0;
}

const struct form_key routing_keys[RK__MAX] = {
	[RK_ACTION] = { "action", form_choice, 0, 0, FORM_REQUIRED, rule_actions, "未知的操作。" },
	[RK_RULE] = { "rule", form_id, 0, 0, 0, NULL, "规则编号无效。" },
	[RK_CATEGORY] = { "category", form_choice, 0, 0, 0, report_categories, "类别无效。" },
	[RK_STANDARD] = { "standard", form_choice, 0, 0, 0, report_standards, "标准无效。" },
	[RK_SUBJECT_TYPE] = { "subject_type", form_choice, 0, 0, 0, report_subject_types,
	    "对象类型无效。" },
	[RK_INDUSTRY] = { "industry", NULL, 1, 32, 0, NULL, "行业无效。" },
	[RK_REGION_PREFIX] = { "region_prefix", form_digits, 0, 6, 0, NULL,
	    "地区代码前缀应为至多6位数字。" },
	[RK_LEAD_KIND] = { "lead_kind", kind_ok, 1, 16, 0, NULL, "请选择牵头部门类型。" },
	[RK_COOP_KINDS] = { "coop_kinds", kind_ok, 1, 16, FORM_MULTI, NULL, "协办部门类型无效。" },
	[RK_LEVEL] = { "level", level_ok, 1, 16, 0, NULL, "请选择办理层级。" },
	[RK_NOTE] = { "note", NULL, 1, 200, 0, NULL, "说明不超过200字。" },
};

const struct form_key preview_keys[PV__MAX] = {
	[PV_PREVIEW] = { "preview", form_choice, 0, 0, 0, preview_on, "选项无效。" },
	[PV_CATEGORY] = { "category", NULL, 0, 32, 0, NULL, "类别无效。" },
	[PV_STANDARD] = { "standard", NULL, 0, 32, 0, NULL, "标准无效。" },
	[PV_INDUSTRY] = { "industry", NULL, 0, 32, 0, NULL, "行业无效。" },
	[PV_REGION] = { "region", form_digits, 6, 6, 0, NULL, "请填写6位地区代码。" },
	[PV_SUBJECT_TYPE] = { "subject_type", NULL, 0, 16, 0, NULL, "对象类型无效。" },
};

struct table_load {
	struct ctx          *c;
	struct routing_rule *rules;
	size_t               nrules, cap_rules;
	struct routing_dept *depts;
	size_t               ndepts, cap_depts;
};

/* Room for one more element in an arena array of *cap elements of size sz. */
static void *
grow(struct ctx *c, void *v, size_t n, size_t *cap, size_t sz, size_t first)
{
	void *w;

	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : first;
	w = arena_alloc(&c->arena, *cap * sz);
	if (n > 0)
		memcpy(w, v, n * sz);
	return w;
}

/* A rule as stored (Q_ROUTING_RULES), before it becomes a struct routing_rule. */
struct rule_row {
	int64_t id;
	char    category[16], standard[16], industry[33], region_prefix[7], subject_type[16];
	char    lead_kind[17], coop_kinds[101], level[16];
	bool    enabled;
};
#define RR struct rule_row
static const struct dbc rule_cols[] = {
	COL_I64(RR, id), COL_TEXT(RR, category), COL_TEXT(RR, standard), COL_TEXT(RR, industry),
	COL_TEXT(RR, region_prefix), COL_TEXT(RR, subject_type), COL_TEXT(RR, lead_kind),
	COL_TEXT(RR, coop_kinds), COL_TEXT(RR, level), COL_BOOL(RR, enabled),
};
#undef RR
static const struct db_loader rule_loader = DB_LOADER(struct rule_row, rule_cols);

struct dept_row {
	int64_t id;
	char    region[7], kind[17], name[401];
	bool    enabled;
};
static const struct dbc dept_cols[] = {
	COL_I64(struct dept_row, id), COL_TEXT(struct dept_row, region),
	COL_TEXT(struct dept_row, kind), COL_TEXT(struct dept_row, name),
	COL_BOOL(struct dept_row, enabled),
};
static const struct db_loader dept_loader = DB_LOADER(struct dept_row, dept_cols);

#define SET(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

static int
rule_row(void *arg, void *row)
{
	struct table_load *t = arg;
	const struct rule_row *r = row;
	struct routing_rule *x;
	int lv = routing_level_parse(r->level);

	t->rules = grow(t->c, t->rules, t->nrules, &t->cap_rules, sizeof(*t->rules), 64);
	x = &t->rules[t->nrules++];
	x->id = r->id;
	SET(x->category, r->category);
	SET(x->standard, r->standard);
	SET(x->industry, r->industry);
	SET(x->region_prefix, r->region_prefix);
	SET(x->subject_type, r->subject_type);
	SET(x->lead_kind, r->lead_kind);
	SET(x->coop_kinds, r->coop_kinds);
	x->level = lv < 0 ? ROUTING_COUNTY : (enum routing_level)lv;
	x->enabled = r->enabled;
	return 0;
}

static int
dept_row(void *arg, void *row)
{
	struct table_load *t = arg;
	const struct dept_row *r = row;
	struct routing_dept *x;

	t->depts = grow(t->c, t->depts, t->ndepts, &t->cap_depts, sizeof(*t->depts), 1024);
	x = &t->depts[t->ndepts++];
	x->id = r->id;
	SET(x->region_code, r->region);
	SET(x->kind, r->kind);
	SET(x->name, r->name);
	x->enabled = r->enabled;
	return 0;
}

int
routing_load(struct ctx *c, struct routing_table *out)
{
	struct table_load t;
	struct rule_row rr;
	struct dept_row dr;
	bool found;
	int rc;

	memset(&t, 0, sizeof(t));
	t.c = c;
	if ((rc = db_load(&c->db, Q_ROUTING_RULES, NULL, 0, &rule_loader, &c->arena, &rr, rule_row,
	    &t, &found)) != DB_OK ||
	    (rc = db_load(&c->db, Q_DEPARTMENTS, NULL, 0, &dept_loader, &c->arena, &dr, dept_row,
	    &t, &found)) != DB_OK)
		return rc;
	out->rules = t.rules;
	out->nrules = t.nrules;
	out->depts = t.depts;
	out->ndepts = t.ndepts;
	return DB_OK;
}

static const struct routing_dept *
dept_by_id(const struct routing_table *tb, int64_t id)
{
	size_t i;

	for (i = 0; i < tb->ndepts; i++)
		if (tb->depts[i].id == id)
			return &tb->depts[i];
	return NULL;
}

const char *
dept_name(const struct routing_table *tb, int64_t id)
{
	const struct routing_dept *d = dept_by_id(tb, id);

	return d != NULL ? d->name : "";
}

int
transfer_target_ok(struct page *pg, const char *region, int64_t id, bool *ok)
{
	char province[7], prefix[7];
	struct dbp p[2];
	int64_t found = 0;
	int rc;

	/* an enabled department of the case's province: one indexed lookup */
	region_province(region, province);
	region_prefix(province, prefix);
	p[0] = P_INT(id);
	p[1] = P_TEXT(like_prefix(pg->c, prefix));
	rc = db_int(&pg->c->db, Q_DEPARTMENT_IN_AREA, p, 2, 0, &found);
	*ok = found == 1;
	return rc;
}

int
routing_suggest(struct ctx *c, const struct kase *k, struct route_suggestion *sug)
{
	struct routing_table tb;
	struct routing_report rep = { k->category, k->standards, k->industry, k->region,
	    k->subject_type };
	struct routing_result res;
	size_t i;
	int rc;

	memset(sug, 0, sizeof(*sug));
	if ((rc = routing_load(c, &tb)) != DB_OK)
		return rc;
	if (routing_route(&tb, &rep, &res) != 0) {
		snprintf(sug->message, sizeof(sug->message), "%s", res.error);
		return DB_OK;
	}
	sug->dept[0].id = res.lead;
	snprintf(sug->dept[0].name, sizeof(sug->dept[0].name), "%s", dept_name(&tb, res.lead));
	sug->dept[0].lead = true;
	sug->n = 1;
	for (i = 0; i < res.ncoops && sug->n < 16; i++, sug->n++) {
		sug->dept[sug->n].id = res.coops[i];
		snprintf(sug->dept[sug->n].name, sizeof(sug->dept[sug->n].name), "%s",
		    dept_name(&tb, res.coops[i]));
	}
	if (res.missing[0] != '\0')
		snprintf(sug->message, sizeof(sug->message), "以下协办部门类型在本地没有对应部门：%s",
		    res.missing);
	return DB_OK;
}
