/* lists_common: what the publisher's pages share: the key tables of their forms, the
 * publisher's area and access to an entry (分级管理), an entry loaded and written as XML. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "queries.h"
#include "region.h"
#include "refdata.h"

/* The units a capacity may be given in: a fixed list, so that figures add up per unit. */
const struct option capacity_units[] = {
	{ "万吨/年", "万吨/年" }, { "吨/年", "吨/年" }, { "万千瓦", "万千瓦" }, { "千瓦", "千瓦" },
	{ "万千伏安", "万千伏安" }, { "万重量箱/年", "万重量箱/年" }, { "万标块/年", "万标块/年" },
	{ "万立方米/年", "万立方米/年" }, { "蒸吨/小时", "蒸吨/小时" }, { NULL, NULL },
};

static const struct option list_codes[] = {
	{ "violation", "" }, { "elimination", "" }, { "rectification", "" },
	{ "forced_exit", "" }, { "compliant", "" }, { NULL, NULL },
};
static const struct option state_codes[] = {
	{ "draft", "" }, { "notice", "" }, { "announcement", "" }, { "archived", "" },
	{ "withdrawn", "" }, { NULL, NULL },
};
static const struct option move_codes[] = {
	{ "notice", "" }, { "announce", "" }, { "archive", "" }, { "withdraw", "" },
	{ "review", "" }, { NULL, NULL },
};
static const struct option item_codes[] = { { "add", "" }, { "remove", "" }, { NULL, NULL } };

/* A capacity: a positive decimal with at most 14 digits before the point and 2 after
 * (DECIMAL(16,2)), no sign, no exponent, no leading zero. */
static bool
form_capacity(const struct form_key *k, const char *v, size_t len)
{
	size_t i = 0, whole, frac = 0;
	bool nonzero = false;

	(void)k;
	while (i < len && v[i] >= '0' && v[i] <= '9')
		nonzero |= v[i++] != '0';
	whole = i;
	if (whole == 0 || whole > 14 || (v[0] == '0' && whole > 1))
		return false;
	if (i < len && v[i] == '.') {
		for (i++; i < len && v[i] >= '0' && v[i] <= '9'; i++, frac++)
			nonzero |= v[i] != '0';
		if (frac == 0 || frac > 2)
			return false;
	}
	return i == len && nonzero;
}

#define ML FORM_MULTILINE
const struct form_key entry_keys[EK__MAX] = {
	[LF_ENTERPRISE] = { "enterprise", NULL, 2, 200, 0, NULL, "企业名称应为2至200个字。" },
	[LF_CREDIT_CODE] = { "credit_code", form_credit_code, 18, 18, 0, NULL,
	    "统一社会信用代码应为18位，且校验码正确。" },
	[LF_ADDRESS] = { "address", NULL, 1, 400, 0, NULL, "地址不超过400个字。" },
	[LF_REGION] = { "region", form_digits, 6, 6, 0, NULL, "请选择本辖区内的地区（6位行政区划代码）。" },
	[LF_INDUSTRY] = { "industry", NULL, 1, 32, 0, NULL, "请选择行业。" },
	[LF_FACTS] = { "facts", NULL, 1, 2000, ML, NULL, "不超过2000个字。" },
	[LF_ITEMS] = { "items", NULL, 0, 1, 0, NULL, "不达标项目请在条目页逐项添加。" },
	[LF_EQUIPMENT] = { "equipment", NULL, 1, 400, 0, NULL, "不超过400个字。" },
	[LF_MODEL] = { "model", NULL, 1, 200, 0, NULL, "型号不超过200个字。" },
	[LF_QUANTITY] = { "quantity", form_int, 0, 0, 0, NULL, "数量应为1至1000000的整数。", 1,
	    1000000 },
	[LF_CAPACITY] = { "capacity", form_capacity, 0, 0, 0, NULL,
	    "产能应为正数，最多两位小数（如 60 或 12.5），单位另选。" },
	[LF_CAPACITY_UNIT] = { "capacity_unit", form_choice, 0, 0, 0, capacity_units,
	    "请从列表中选择产能单位。" },
	[LF_EXIT_METHOD] = { "exit_method", NULL, 1, 400, 0, NULL, "退出方式不超过400个字。" },
	[LF_PRODUCTS] = { "products", NULL, 1, 400, 0, NULL, "主要产品不超过400个字。" },
	[LF_CHECKS_PASSED] = { "checks_passed", NULL, 1, 800, ML, NULL, "不超过800个字。" },
	[LF_LEGAL_BASIS] = { "legal_basis", NULL, 1, 800, ML, NULL, "法律依据不超过800个字。" },
	[LF_REQUIREMENT] = { "requirement", NULL, 1, 800, ML, NULL, "要求不超过800个字。" },
	[LF_DEADLINE] = { "deadline", form_date, 0, 0, 0, NULL, "日期格式应为YYYY-MM-DD。" },
	[LF_COMPLETION] = { "completion", NULL, 1, 2000, ML, NULL, "完成情况不超过2000个字。" },
	[EK_ID] = { "id", form_id, 0, 0, 0, NULL, "编号无效。" },
	[EK_LIST] = { "list", form_choice, 0, 0, FORM_REQUIRED, list_codes, "请选择名单类别。" },
	[EK_CASE] = { "case", form_id, 0, 0, 0, NULL, "案件编号无效。" },
	[EK_BASIS] = { "basis_date", form_date, 0, 0, FORM_REQUIRED, NULL,
	    "请填写检查或验收日期（YYYY-MM-DD）。" },
	[EK_DEPARTMENT] = { "department", form_id, 0, 0, 0, NULL, "请选择发布部门。" },
};

const struct form_key lfilter_keys[LFK__MAX] = {
	[LFK_LIST] = { "list", form_choice, 0, 0, 0, list_codes, "请选择有效的名单类别。" },
	[LFK_STATE] = { "state", form_choice, 0, 0, 0, state_codes, "请选择有效的状态。" },
	[LFK_YEAR] = { "year", form_int, 0, 0, 0, NULL, "年度应为2000至2100之间的整数。", 2000,
	    2100 },
	[LFK_Q] = { "q", NULL, 1, LIMIT_SEARCH, 0, NULL, "搜索内容不超过100个字。" },
	[LFK_PAGE] = { "page", form_int, 0, 0, 0, NULL, "页码应为1至100000的整数。", 1, PAGE_MAX },
};

const struct form_key lnew_keys[LN__MAX] = {
	[LN_LIST] = { "list", form_choice, 0, 0, 0, list_codes, "请选择有效的名单类别。" },
	[LN_CASE] = { "case", form_id, 0, 0, 0, NULL, "案件编号无效。" },
};

const struct form_key move_keys[MK__MAX] = {
	[MK_ACTION] = { "action", form_choice, 0, 0, FORM_REQUIRED, move_codes, "未知的操作。" },
	[MK_ID] = { "id", form_id, 0, 0, FORM_REQUIRED | FORM_MULTI, NULL, "请选择条目。" },
	[MK_REASON] = { "reason", NULL, 2, 400, 0, NULL, "撤回理由应为2至400个字，将公开显示。" },
	[MK_COMPLETION] = { "completion", NULL, 1, 2000, ML, NULL, "完成情况不超过2000个字。" },
	[MK_NOTE] = { "note", NULL, 2, 400, 0, NULL, "复核意见应为2至400个字。" },
};

const struct form_key item_keys[IT__MAX] = {
	[IT_ACTION] = { "action", form_choice, 0, 0, FORM_REQUIRED, item_codes, "未知的操作。" },
	[IT_ID] = { "id", form_id, 0, 0, FORM_REQUIRED, NULL, "编号无效。" },
	[IT_SEQ] = { "seq", form_int, 0, 0, 0, NULL, "序号无效。", 1, 255 },
	[IT_ITEM] = { "item", NULL, 2, 200, 0, NULL, "请填写不达标项目（2至200个字）。" },
	[IT_MEASURED] = { "measured", NULL, 1, 64, 0, NULL, "请填写实测值（含单位，不超过64个字）。" },
	[IT_LIMIT] = { "limit_value", NULL, 1, 64, 0, NULL,
	    "请填写标准限值（含单位，不超过64个字）。" },
	[IT_STANDARD] = { "standard_no", NULL, 2, 64, 0, NULL, "请填写标准编号（如 GB 21256-2013）。" },
};

char *
lists_printf(struct ctx *c, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = arena_alloc(&c->arena, (size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	(void)vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	return s;
}

bool
lists_area(const struct page *pg, char prefix[7])
{
	return role_area(&pg->s, R_PUBLISHER, prefix);
}

const struct staff_role *
lists_role(const struct page *pg, int64_t department)
{
	unsigned i;

	for (i = 0; i < pg->s.nroles; i++)
		if (pg->s.role[i].role == R_PUBLISHER && pg->s.role[i].department_id == department)
			return &pg->s.role[i];
	return NULL;
}

enum lists_access
lentry_access(const struct page *pg, const struct lentry *e)
{
	enum lists_access a = LA_NONE, one;
	unsigned i;

	for (i = 0; i < pg->s.nroles; i++) {
		const struct staff_role *r = &pg->s.role[i];

		if (r->role != R_PUBLISHER)
			continue;
		if (r->department_id == e->department_id)
			one = LA_OWN;
		else if (!region_in(e->dept_region, r->prefix))
			one = LA_NONE;
		else
			one = strcmp(e->dept_region, r->region) != 0 ? LA_REVIEW : LA_VIEW;
		if (one > a)
			a = one;
	}
	return a;
}

#define E struct lentry
static const struct dbc lentry_cols[] = {
	COL_STR(E, v[LF_ENTERPRISE]), COL_STR(E, v[LF_CREDIT_CODE]), COL_STR(E, v[LF_ADDRESS]),
	COL_STR(E, v[LF_REGION]), COL_STR(E, v[LF_INDUSTRY]), COL_STR(E, v[LF_FACTS]),
	COL_STR(E, v[LF_ITEMS]), COL_STR(E, v[LF_EQUIPMENT]), COL_STR(E, v[LF_MODEL]),
	COL_STR(E, v[LF_QUANTITY]), COL_STR(E, v[LF_CAPACITY]), COL_STR(E, v[LF_CAPACITY_UNIT]),
	COL_STR(E, v[LF_EXIT_METHOD]), COL_STR(E, v[LF_PRODUCTS]),
	COL_STR(E, v[LF_CHECKS_PASSED]), COL_STR(E, v[LF_LEGAL_BASIS]),
	COL_STR(E, v[LF_REQUIREMENT]), COL_STR(E, v[LF_DEADLINE]), COL_STR(E, v[LF_COMPLETION]),
	COL_I64(E, id), COL_STR(E, list), COL_STR(E, state), COL_I64(E, report_id),
	COL_I64(E, department_id), COL_STR(E, department), COL_STR(E, dept_region),
	COL_STR(E, basis), COL_STR(E, due), COL_I64(E, batch_id), COL_STR(E, noticed),
	COL_STR(E, announced), COL_STR(E, archived), COL_STR(E, withdrawn), COL_STR(E, reason),
	COL_STR(E, reviewer), COL_STR(E, reviewed), COL_STR(E, review_note), COL_STR(E, ticket),
};
#undef E
static const struct db_loader lentry_loader = DB_LOADER(struct lentry, lentry_cols);

int
lentry_load(struct page *pg, int64_t id, struct lentry *e)
{
	struct dbp p[1] = { P_INT(id) };
	bool found = false;
	int rc;

	memset(e, 0, sizeof(*e));
	if ((rc = db_load(&pg->c->db, Q_LIST_ENTRY_GET, p, 1, &lentry_loader, &pg->c->arena, e,
	    NULL, NULL, &found)) != DB_OK)
		return rc;
	if (!found)
		return 0;
	e->type = list_type_from_code(e->list);
	e->st = entry_state_from_name(e->state);
	return e->type >= 0 && e->st >= 0 ? 1 : DB_FAIL;
}

struct item_row {
	int64_t seq;
	char   *item, *measured, *limit, *standard;
};
static const struct dbc item_cols[] = {
	COL_I64(struct item_row, seq), COL_STR(struct item_row, item),
	COL_STR(struct item_row, measured), COL_STR(struct item_row, limit),
	COL_STR(struct item_row, standard),
};
static const struct db_loader item_loader = DB_LOADER(struct item_row, item_cols);
static const char *const item_names[] = { "seq", "item", "measured", "limit", "standard" };

/* The value of field f as a page shows it: a region by its names, an industry by its label. */
static const char *
shown_value(struct page *pg, const struct lentry *e, enum list_field f, char *buf, size_t cap)
{
	const struct industry *ind;

	if (f == LF_REGION)
		return region_name(pg->c, e->v[f], buf, cap);
	if (f == LF_INDUSTRY && (ind = refdata_industry(&pg->c->refdata, e->v[f])) != NULL)
		return ind->name;
	return e->v[f];
}

static void
entry_dates_xml(xmlNodePtr n, const struct lentry *e)
{
	xml_attr(n, "basis-date", e->basis);
	xml_attr(n, "due-date", e->due);
	xml_attr(n, "noticed-on", e->noticed);
	xml_attr(n, "announced-on", e->announced);
	xml_attr(n, "archived-on", e->archived);
	xml_attr(n, "withdrawn-on", e->withdrawn);
	if (e->batch_id > 0)
		xml_attr_int(n, "batch", e->batch_id);
	if (e->reason[0] != '\0')
		xml_add(n, "withdraw-reason", e->reason);
	if (e->reviewed[0] != '\0') {
		xmlNodePtr r = xml_add(n, "review", e->review_note);

		xml_attr(r, "by", e->reviewer);
		xml_attr(r, "on", e->reviewed);
	}
}

int
lentry_xml(struct page *pg, xmlNodePtr parent, const struct lentry *e)
{
	const struct list_def *d = &list_defs[e->type];
	xmlNodePtr n = xml_add(parent, "entry", NULL), f;
	struct dbp p[1] = { P_INT(e->id) };
	char buf[300];
	int i;

	xml_attr_int(n, "id", e->id);
	xml_attr(n, "list", d->code);
	xml_attr(n, "list-label", d->label);
	if (d->card != NULL)
		xml_attr(n, "card", d->card);
	xml_attr(n, "state", entry_state_names[e->st]);
	xml_attr(n, "state-label", entry_state_labels[e->st]);
	xml_attr(n, "department", e->department);
	xml_attr_int(n, "department-id", e->department_id);
	if (e->report_id > 0) {
		xml_attr_int(n, "case", e->report_id);
		xml_attr(n, "ticket", e->ticket);
	}
	entry_dates_xml(n, e);
	for (i = 0; i < LF__MAX; i++) {
		if (!(d->shown & (1u << i)) || i == LF_ITEMS)
			continue;
		f = xml_add(n, "f", shown_value(pg, e, (enum list_field)i, buf, sizeof(buf)));
		xml_attr(f, "name", list_field_names[i]);
		xml_attr(f, "label", list_field_label(e->type, (enum list_field)i));
	}
	if (!(d->shown & (1u << LF_ITEMS)))
		return DB_OK;
	f = xml_add(n, "items", NULL);
	xml_attr(f, "label", list_field_label(e->type, LF_ITEMS));
	return rows_xml(pg, Q_LIST_ITEMS, p, 1, &item_loader, f, "item", item_names);
}

/* The regions of the publisher's area, for the form's choice. */
static void
regions_xml(struct page *pg, xmlNodePtr n)
{
	const struct refdata *rd = &pg->c->refdata;
	char prefix[7], name[300];
	size_t i;

	if (!lists_area(pg, prefix))
		return;
	for (i = 0; i < rd->nregions; i++)
		if (region_in(rd->regions[i].code, prefix))
			add_option(n, rd->regions[i].code, region_name(pg->c, rd->regions[i].code,
			    name, sizeof(name)));
}

void
lists_options_xml(struct page *pg, xmlNodePtr parent)
{
	xmlNodePtr n = xml_add(parent, "lists", NULL), o;
	const struct refdata *rd = &pg->c->refdata;
	size_t i;

	for (i = 0; i < L__MAX; i++) {
		o = xml_add(n, "list", list_defs[i].label);
		xml_attr(o, "code", list_defs[i].code);
		if (list_defs[i].card != NULL)
			xml_attr(o, "card", list_defs[i].card);
	}
	n = xml_add(parent, "states", NULL);
	for (i = 0; i < E__MAX; i++)
		add_option(n, entry_state_names[i], entry_state_labels[i]);
	n = xml_add(parent, "units", NULL);
	for (i = 0; capacity_units[i].value != NULL; i++)
		add_option(n, capacity_units[i].value, capacity_units[i].label);
	n = xml_add(parent, "industries", NULL);
	for (i = 0; i < rd->nindustries; i++)
		add_option(n, rd->industries[i].code, rd->industries[i].name);
	regions_xml(pg, xml_add(parent, "regions", NULL));
}
