/* lists_entry: one entry (view; the edit form of a draft; its items; the moves its department
 * may make; the review of the level above), and the form of a new entry, typed in or filled
 * from a closed case's verified facts. Nothing about a reporter is ever read here: the case
 * facts query (Q_LIST_CASE_FACTS) has no column of the description, the identity or the
 * contact. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "queries.h"

static bool
multiline(enum list_field f)
{
	return f == LF_FACTS || f == LF_CHECKS_PASSED || f == LF_LEGAL_BASIS ||
	    f == LF_REQUIREMENT || f == LF_COMPLETION;
}

static const char *
field_kind(enum list_field f)
{
	switch (f) {
	case LF_REGION:        return "region";
	case LF_INDUSTRY:      return "industry";
	case LF_DEADLINE:      return "date";
	case LF_QUANTITY:      return "number";
	case LF_CAPACITY:      return "decimal";
	case LF_CAPACITY_UNIT: return "unit";
	default:               return multiline(f) ? "textarea" : "text";
	}
}

/* <form-fields list>: the fields list t shows, in order, each with its label and kind; the
 * completion last, optional (it is written when the work is done). */
static void
form_fields_xml(xmlNodePtr parent, int t)
{
	xmlNodePtr n = xml_add(parent, "form-fields", NULL), f;
	int i;

	xml_attr(n, "list", list_defs[t].code);
	xml_attr(n, "list-label", list_defs[t].label);
	for (i = 0; i < LF__MAX; i++) {
		if (!(list_defs[t].shown & (1u << i)) || i == LF_ITEMS)
			continue;
		f = xml_add(n, "f", NULL);
		xml_attr(f, "name", list_field_names[i]);
		xml_attr(f, "label", list_field_label(t, (enum list_field)i));
		xml_attr(f, "kind", field_kind((enum list_field)i));
		if (list_defs[t].required & (1u << i))
			xml_attr(f, "required", "1");
	}
	form_limits_xml(parent, entry_keys, EK__MAX);
}

static void
value_xml(xmlNodePtr values, const char *name, const char *v)
{
	if (v != NULL && v[0] != '\0')
		xml_attr(xml_add(values, "value", v), "name", name);
}

/* The publisher's departments, for the form's choice of who publishes. */
static void
departments_xml(struct page *pg, xmlNodePtr parent)
{
	xmlNodePtr n = xml_add(parent, "departments", NULL);
	char id[24];
	unsigned i;

	for (i = 0; i < pg->s.nroles; i++) {
		if (pg->s.role[i].role != R_PUBLISHER)
			continue;
		snprintf(id, sizeof(id), "%lld", (long long)pg->s.role[i].department_id);
		add_option(n, id, pg->s.role[i].department);
	}
}

static void
moves_xml(xmlNodePtr parent, const struct lentry *e)
{
	xmlNodePtr n = xml_add(parent, "moves", NULL), m;
	bool has = e->v[LF_COMPLETION][0] != '\0';
	int i;

	for (i = 0; i < M__MAX; i++) {
		if (!(entry_moves[i].from & (1u << e->st)))
			continue;
		m = xml_add(n, "move", entry_move_problem((enum entry_move)i, e->type, e->st, true));
		xml_attr(m, "name", entry_moves[i].name);
		xml_attr(m, "label", entry_moves[i].label);
		if (entry_moves[i].needs_reason)
			xml_attr(m, "needs-reason", "1");
		if (i == M_ANNOUNCE && list_defs[e->type].completion_to_announce)
			xml_attr(m, "needs-completion", has ? "0" : "1");
	}
}

/* The stored values of a draft, as the edit form's <values>. */
static void
draft_values_xml(xmlNodePtr root, const struct lentry *e)
{
	xmlNodePtr values = xml_add(root, "values", NULL);
	int i;

	for (i = 0; i < LF__MAX; i++)
		value_xml(values, list_field_names[i], e->v[i]);
	value_xml(values, "basis_date", e->basis);
}

void
lists_entry_page(struct page *pg, int64_t id, int status, const char *message)
{
	struct lentry e;
	enum lists_access acc;
	xmlNodePtr root;
	xmlDocPtr doc;
	int rc;

	if ((rc = lentry_load(pg, id, &e)) < 0) {
		db_unavailable(pg);
		return;
	}
	if (rc == 0 || (acc = lentry_access(pg, &e)) == LA_NONE) {
		pg->errors = 0;
		console_error(pg, 404, "条目不存在，或不在您的辖区内。");
		return;
	}
	doc = console_doc(pg, "list-entry", &root);
	xml_attr(root, "access", acc == LA_OWN ? "own" : acc == LA_REVIEW ? "review" : "view");
	if (message != NULL)
		xml_add(root, "message", message);
	if (lentry_xml(pg, root, &e) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	form_limits_xml(root, move_keys, MK__MAX);
	form_limits_xml(root, item_keys, IT__MAX);
	if (acc == LA_OWN)
		moves_xml(root, &e);
	if (acc == LA_OWN && e.st == E_DRAFT) {
		lists_options_xml(pg, root);
		form_fields_xml(root, e.type);
		if (pg->errors == 0)
			draft_values_xml(root, &e);
	}
	if (pg->errors > 0)
		console_form_state(pg, root);
	app_send(pg->c, status, doc);
}

void
lists_entry_get(struct page *pg)
{
	lists_entry_page(pg, fnum(pg, ID_ID), 200, NULL);
}

/* A closed case's verified facts (Q_LIST_CASE_FACTS). */
struct case_facts_row {
	int64_t id;
	char   *ticket, *subject, *credit, *address, *region, *industry, *verdict, *disposal;
	char   *basis;
};
static const struct dbc case_facts_cols[] = {
	COL_I64(struct case_facts_row, id), COL_STR(struct case_facts_row, ticket),
	COL_STR(struct case_facts_row, subject), COL_STR(struct case_facts_row, credit),
	COL_STR(struct case_facts_row, address), COL_STR(struct case_facts_row, region),
	COL_STR(struct case_facts_row, industry), COL_STR(struct case_facts_row, verdict),
	COL_STR(struct case_facts_row, disposal), COL_STR(struct case_facts_row, basis),
};
static const struct db_loader case_facts_loader = DB_LOADER(struct case_facts_row,
    case_facts_cols);

/* The facts as the form's values: what the case verified, nothing re-typed. */
static void
case_values_xml(struct page *pg, xmlNodePtr root, int t, const struct case_facts_row *r)
{
	xmlNodePtr v = xml_add(root, "values", NULL);
	unsigned shown = list_defs[t].shown;

	value_xml(v, "enterprise", r->subject);
	value_xml(v, "credit_code", r->credit);
	value_xml(v, "address", r->address);
	value_xml(v, "region", r->region);
	value_xml(v, "industry", r->industry);
	value_xml(v, "basis_date", r->basis);
	if ((shown & (1u << LF_FACTS)) && r->verdict[0] != '\0')
		value_xml(v, "facts", lists_printf(pg->c, "经核查，举报反映的问题%s。%s%s",
		    option_label(verdicts, r->verdict), r->disposal[0] ? "处置决定：" : "",
		    r->disposal));
	if (shown & (1u << LF_REQUIREMENT))
		value_xml(v, "requirement", r->disposal);
}

/* Load case id's facts if it is a closed case of the publisher's area: 1, 0 not, or error. */
static int
case_facts(struct page *pg, int64_t id, struct case_facts_row *r)
{
	char prefix[7];
	struct dbp p[2];
	bool found = false;
	int rc;

	memset(r, 0, sizeof(*r));
	if (!lists_area(pg, prefix))
		return 0;
	p[0] = P_INT(id);
	p[1] = P_TEXT(like_prefix(pg->c, prefix));
	rc = db_load(&pg->c->db, Q_LIST_CASE_FACTS, p, 2, &case_facts_loader, &pg->c->arena, r,
	    NULL, NULL, &found);
	return rc != DB_OK ? rc : found;
}

void
lists_form_page(struct page *pg, int t, int64_t case_id, int status, const char *message)
{
	struct case_facts_row cf;
	xmlNodePtr root, n;
	xmlDocPtr doc;
	int rc = 0;

	if (case_id > 0 && (rc = case_facts(pg, case_id, &cf)) <= 0) {
		if (rc < 0) {
			db_unavailable(pg);
			return;
		}
		pg->errors = 0;
		console_error(pg, 404, "案件不存在、尚未办结，或不在您的辖区内。");
		return;
	}
	doc = console_doc(pg, "list-entry-form", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	lists_options_xml(pg, root);
	departments_xml(pg, root);
	if (case_id > 0) {
		n = xml_add(root, "case", NULL);
		xml_attr_int(n, "id", cf.id);
		xml_attr(n, "ticket", cf.ticket);
	}
	if (t >= 0)
		form_fields_xml(root, t);
	if (pg->errors > 0)
		console_form_state(pg, root);
	else if (t >= 0 && case_id > 0)
		case_values_xml(pg, root, t, &cf);
	app_send(pg->c, status, doc);
}

void
lists_new_get(struct page *pg)
{
	const char *list = fv(pg, LN_LIST);

	lists_form_page(pg, list != NULL ? list_type_from_code(list) : -1, fnum(pg, LN_CASE), 200,
	    NULL);
}

int
lists_case_ok(struct page *pg, int64_t case_id)
{
	struct case_facts_row cf;

	return case_facts(pg, case_id, &cf);
}

int
lists_item_count(struct page *pg, int64_t id, int64_t *n)
{
	struct dbp p[1] = { P_INT(id) };

	return db_int(&pg->c->db, Q_LIST_ITEM_COUNT, p, 1, 0, n);
}
