/* routing_page: the administrators' page of the routing table (移交规则): the rules, their
 * problems, a preview of where a report would go, and adding, switching and deleting rules. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "report.h"
#include "queries.h"
#include "routing.h"
#include "validate.h"

static void
emit_problem(void *arg, const char *problem)
{
	xml_add((xmlNodePtr)arg, "problem", problem);
}

static void
rule_xml(const struct routing_rule *r, xmlNodePtr rules)
{
	xmlNodePtr n = xml_add(rules, "rule", NULL);
	char coop_labels[300] = "", *k, *save, buf[101];

	xml_attr_int(n, "id", r->id);
	xml_attr(n, "category", r->category);
	xml_attr(n, "standard", r->standard);
	xml_attr(n, "industry", r->industry);
	xml_attr(n, "region-prefix", r->region_prefix);
	xml_attr(n, "subject-type", r->subject_type);
	xml_attr(n, "lead-kind", r->lead_kind);
	xml_attr(n, "lead-label", routing_kind_label(r->lead_kind));
	xml_attr(n, "coop-kinds", r->coop_kinds);
	snprintf(buf, sizeof(buf), "%s", r->coop_kinds);
	for (k = strtok_r(buf, ",", &save); k != NULL; k = strtok_r(NULL, ",", &save))
		snprintf(coop_labels + strlen(coop_labels), sizeof(coop_labels) - strlen(coop_labels),
		    "%s%s", coop_labels[0] ? "、" : "", routing_kind_label(k));
	xml_attr(n, "coop-labels", coop_labels);
	xml_attr(n, "level", routing_level_name(r->level));
	xml_attr(n, "enabled", r->enabled ? "1" : "0");
}

static const char *
or_empty(const char *v)
{
	return v != NULL ? v : "";
}

/* Preview: which departments would this report go to? */
static void
preview_xml(struct page *pg, const struct routing_table *tb, xmlNodePtr root)
{
	struct routing_report rep = { or_empty(fv(pg, PV_CATEGORY)), or_empty(fv(pg, PV_STANDARD)),
	    or_empty(fv(pg, PV_INDUSTRY)), or_empty(fv(pg, PV_REGION)),
	    fv(pg, PV_SUBJECT_TYPE) != NULL ? fv(pg, PV_SUBJECT_TYPE) : "enterprise" };
	struct routing_result res;
	xmlNodePtr pv = xml_add(root, "preview", NULL), in = xml_add(pv, "input", NULL), n;
	size_t i;

	xml_attr(in, "category", rep.category);
	xml_attr(in, "standard", rep.standards);
	xml_attr(in, "industry", rep.industry);
	xml_attr(in, "region", rep.region);
	xml_attr(in, "subject-type", rep.subject_type);
	if (!valid_region_code(rep.region, strlen(rep.region))) {
		xml_add(pv, "message", "请填写6位地区代码。");
		return;
	}
	if (routing_route(tb, &rep, &res) != 0) {
		xml_add(pv, "message", res.error);
		return;
	}
	for (i = 0; i <= res.ncoops; i++) {
		int64_t id = i == 0 ? res.lead : res.coops[i - 1];
		n = xml_add(pv, "department", NULL);
		xml_attr_int(n, "id", id);
		xml_attr(n, "name", dept_name(tb, id));
		xml_attr(n, "role", i == 0 ? "lead" : "coop");
	}
}

static void
routing_show(struct page *pg, int status, const char *message, bool preview)
{
	struct ctx *c = pg->c;
	struct routing_table tb;
	xmlNodePtr root, rules;
	xmlDocPtr doc;
	size_t i;

	if (routing_load(c, &tb) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	doc = console_doc(pg, "routing", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	if (status == 400)
		console_form_state(pg, root);
	form_limits_xml(root, routing_keys, RK__MAX);
	form_limits_xml(root, preview_keys, PV__MAX);
	rules = xml_add(root, "rules", NULL);
	for (i = 0; i < tb.nrules; i++)
		rule_xml(&tb.rules[i], rules);
	form_options_xml(root, "kinds", routing_kinds);
	form_options_xml(root, "categories", report_categories);
	form_options_xml(root, "standards", report_standards);
	refdata_industries_xml(&c->refdata, root);
	(void)routing_validate(&tb, emit_problem, xml_add(root, "problems", NULL));
	if (preview)
		preview_xml(pg, &tb, root);
	app_send(c, status, doc);
}

void
routing_get(struct page *pg)
{
	routing_show(pg, 200, NULL, pg->f[PV_PREVIEW].value != NULL);
}

/* The co-operating kinds as stored: "shengtai,yingji". */
static const char *
coop_list(struct page *pg)
{
	const struct form_field *f = &pg->f[RK_COOP_KINDS];
	char *s = arena_alloc(&pg->c->arena, f->nvalues * 17 + 1);
	unsigned i;

	s[0] = '\0';
	for (i = 0; i < f->nvalues; i++)
		snprintf(s + strlen(s), 18, "%s%s", i > 0 ? "," : "", f->values[i]);
	return s;
}

static int
add_rule(struct page *pg, char *detail, size_t cap, const char **why)
{
	const char *cat = fv(pg, RK_CATEGORY), *std = fv(pg, RK_STANDARD);
	const char *ind = fv(pg, RK_INDUSTRY), *prefix = fv(pg, RK_REGION_PREFIX);
	const char *lead = fv(pg, RK_LEAD_KIND), *level = fv(pg, RK_LEVEL), *coops = coop_list(pg);
	struct dbp p[9];

	if (ind != NULL && refdata_industry(&pg->c->refdata, ind) == NULL)
		form_fail(&pg->f[RK_INDUSTRY], routing_keys[RK_INDUSTRY].message), pg->errors++;
	if (lead == NULL || level == NULL || strlen(coops) > 100 || pg->errors > 0) {
		*why = "规则的取值无效，请检查后重新提交。";
		return DB_OK;
	}
	p[0] = P_OPT(cat);
	p[1] = P_OPT(std);
	p[2] = P_OPT(ind);
	p[3] = P_TEXT(prefix ? prefix : "");
	p[4] = P_OPT(fv(pg, RK_SUBJECT_TYPE));
	p[5] = P_TEXT(lead);
	p[6] = P_TEXT(coops);
	p[7] = P_TEXT(level);
	p[8] = P_TEXT(fv(pg, RK_NOTE) ? fv(pg, RK_NOTE) : "");
	snprintf(detail, cap, "add rule %s/%s/%s/%s -> %s", cat ? cat : "*", std ? std : "*",
	    ind ? ind : "*", prefix ? prefix : "", lead);
	return db_run(&pg->c->db, Q_ROUTING_INSERT, p, 9);
}

void
routing_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *action = fv(pg, RK_ACTION), *why = NULL;
	int64_t rule = fnum(pg, RK_RULE);
	struct dbp p[1];
	char detail[200] = "";
	int rc = DB_OK;

	if (action != NULL && strcmp(action, "add") == 0)
		rc = add_rule(pg, detail, sizeof(detail), &why);
	else if (action != NULL && rule > 0) {
		p[0] = P_INT(rule);
		rc = db_run(&c->db, action[0] == 't' ? Q_ROUTING_TOGGLE : Q_ROUTING_DELETE, p, 1);
		if (rc == DB_OK && db_affected(&c->db, action[0] == 't' ? Q_ROUTING_TOGGLE :
		    Q_ROUTING_DELETE) == 0)
			why = "该规则不存在。";
		snprintf(detail, sizeof(detail), "%s rule %lld", action, (long long)rule);
	} else
		why = "未知的操作。";
	if (rc == DB_OK && why == NULL)
		rc = console_audit(pg, "routing", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	routing_show(pg, why != NULL ? 400 : 200, why != NULL ? why : "已保存。", false);
}
