/* lists: the publisher's dashboard (公示公告): the entries due and late per department, like
 * the case deadlines; the counts per list and state; the closed cases of the area that have no
 * entry yet. An entry is due when still a draft on or before its due date (10 working days
 * after the inspection or acceptance it follows), late after it. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "queries.h"

struct count_row {
	char   *list, *state;
	int64_t n;
};
static const struct dbc count_cols[] = {
	COL_STR(struct count_row, list), COL_STR(struct count_row, state),
	COL_I64(struct count_row, n),
};
static const struct db_loader count_loader = DB_LOADER(struct count_row, count_cols);

static int
count_xml(void *arg, void *row)
{
	const struct count_row *r = row;
	int t = list_type_from_code(r->list), s = entry_state_from_name(r->state);
	xmlNodePtr n;

	if (t < 0 || s < 0)
		return 0;
	n = xml_add(arg, "count", NULL);
	xml_attr(n, "list", r->list);
	xml_attr(n, "list-label", list_defs[t].label);
	xml_attr(n, "state", r->state);
	xml_attr(n, "state-label", entry_state_labels[s]);
	xml_attr_int(n, "n", r->n);
	return 0;
}

struct draft_row {
	int64_t dept;
	char   *dept_name;
	int64_t id;
	char   *list, *enterprise, *due;
	bool    late;
};
static const struct dbc draft_cols[] = {
	COL_I64(struct draft_row, dept), COL_STR(struct draft_row, dept_name),
	COL_I64(struct draft_row, id), COL_STR(struct draft_row, list),
	COL_STR(struct draft_row, enterprise), COL_STR(struct draft_row, due),
	COL_BOOL(struct draft_row, late),
};
static const struct db_loader draft_loader = DB_LOADER(struct draft_row, draft_cols);

/* The drafts, grouped by department (the query orders them so), with each group's counts. */
struct draft_arg {
	xmlNodePtr parent, dept;
	int64_t    dept_id, due, late;
	unsigned   n;
};

static void
draft_group_end(struct draft_arg *a)
{
	if (a->dept == NULL)
		return;
	xml_attr_int(a->dept, "due", a->due);
	xml_attr_int(a->dept, "late", a->late);
}

static int
draft_xml(void *arg, void *row)
{
	struct draft_arg *a = arg;
	const struct draft_row *r = row;
	int t = list_type_from_code(r->list);
	xmlNodePtr n;

	if (++a->n > 200) {
		xml_attr(a->parent, "more", "1");
		return 1;
	}
	if (a->dept == NULL || a->dept_id != r->dept) {
		draft_group_end(a);
		a->dept = xml_add(a->parent, "department", NULL);
		xml_attr_int(a->dept, "id", r->dept);
		xml_attr(a->dept, "name", r->dept_name);
		a->dept_id = r->dept;
		a->due = a->late = 0;
	}
	*(r->late ? &a->late : &a->due) += 1;
	n = xml_add(a->dept, "entry", NULL);
	xml_attr_int(n, "id", r->id);
	xml_attr(n, "list", r->list);
	xml_attr(n, "list-label", t >= 0 ? list_defs[t].label : r->list);
	xml_attr(n, "enterprise", r->enterprise);
	xml_attr(n, "due", r->due);
	xml_attr(n, "late", r->late ? "1" : "0");
	return 0;
}

struct closed_row {
	int64_t id;
	char   *ticket, *subject, *region;
};
static const struct dbc closed_cols[] = {
	COL_I64(struct closed_row, id), COL_STR(struct closed_row, ticket),
	COL_STR(struct closed_row, subject), COL_STR(struct closed_row, region),
};
static const struct db_loader closed_loader = DB_LOADER(struct closed_row, closed_cols);
static const char *const closed_names[] = { "id", "ticket", "subject", "region" };

static int
dashboard_parts(struct page *pg, const char *prefix, xmlNodePtr root)
{
	struct ctx *c = pg->c;
	char today[11];
	struct draft_arg da = { xml_add(root, "drafts", NULL), NULL, 0, 0, 0, 0 };
	struct count_row cr;
	struct draft_row dr;
	struct dbp p[2];
	int rc;

	cal_format(cal_beijing_day(c->now), today);
	xml_attr(root, "today", today);
	p[0] = P_TEXT(like_prefix(c, prefix));
	if ((rc = db_rows(pg, Q_LIST_AREA_COUNTS, p, 1, &count_loader, &cr, count_xml,
	    xml_add(root, "counts", NULL))) != DB_OK)
		return rc;
	p[0] = P_TEXT(today);
	p[1] = P_TEXT(like_prefix(c, prefix));
	if ((rc = db_rows(pg, Q_LIST_DRAFTS, p, 2, &draft_loader, &dr, draft_xml, &da)) != DB_OK)
		return rc;
	draft_group_end(&da);
	p[0] = P_TEXT(like_prefix(c, prefix));
	return rows_xml(pg, Q_LIST_CLOSED_CASES, p, 1, &closed_loader,
	    xml_add(root, "closed-cases", NULL), "case", closed_names);
}

void
lists_dashboard(struct page *pg)
{
	char prefix[7];
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "lists-dashboard", &root);

	if (!lists_area(pg, prefix)) {
		xmlFreeDoc(doc);
		console_error(pg, 403, "您没有访问此页面的权限。");
		return;
	}
	lists_options_xml(pg, root);
	if (dashboard_parts(pg, prefix, root) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(pg->c, 200, doc);
}
