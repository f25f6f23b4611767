/* lists_entries: the entries of the publisher's area, newest first, filtered by list, state,
 * year and the enterprise's name; drafts of the same list and department can be chosen here
 * and published together as one batch (分批次). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "queries.h"

struct line_row {
	int64_t id;
	char   *list, *state, *enterprise, *region, *department, *basis, *due;
	int64_t year;
	bool    late, reviewed;
};
static const struct dbc line_cols[] = {
	COL_I64(struct line_row, id), COL_STR(struct line_row, list),
	COL_STR(struct line_row, state), COL_STR(struct line_row, enterprise),
	COL_STR(struct line_row, region), COL_STR(struct line_row, department),
	COL_STR(struct line_row, basis), COL_STR(struct line_row, due),
	COL_I64(struct line_row, year), COL_BOOL(struct line_row, late),
	COL_BOOL(struct line_row, reviewed),
};
static const struct db_loader line_loader = DB_LOADER(struct line_row, line_cols);

static int
line_xml(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct line_row *r = row;
	int t = list_type_from_code(r->list), s = entry_state_from_name(r->state);
	char region[300];
	xmlNodePtr n;

	if (++a->n > PAGE_ROWS) {
		a->more = true;
		return 1;
	}
	n = xml_add(a->parent, "entry", NULL);
	xml_attr_int(n, "id", r->id);
	xml_attr(n, "list", r->list);
	xml_attr(n, "list-label", t >= 0 ? list_defs[t].label : r->list);
	xml_attr(n, "state", r->state);
	xml_attr(n, "state-label", s >= 0 ? entry_state_labels[s] : r->state);
	xml_attr(n, "enterprise", r->enterprise);
	xml_attr(n, "region", region_name(a->c, r->region, region, sizeof(region)));
	xml_attr(n, "department", r->department);
	xml_attr(n, "basis-date", r->basis);
	xml_attr(n, "due", r->due);
	xml_attr_int(n, "year", r->year);
	xml_attr(n, "late", r->late ? "1" : "0");
	xml_attr(n, "reviewed", r->reviewed ? "1" : "0");
	return 0;
}

static void
filter_xml(struct page *pg, xmlNodePtr root)
{
	xmlNodePtr f = xml_add(root, "filter", NULL);
	const char *list = fv(pg, LFK_LIST), *state = fv(pg, LFK_STATE), *q = fv(pg, LFK_Q);

	xml_attr(f, "list", list ? list : "");
	xml_attr(f, "state", state ? state : "");
	xml_attr(f, "q", q ? q : "");
	if (fv(pg, LFK_YEAR) != NULL)
		xml_attr_int(f, "year", fnum(pg, LFK_YEAR));
}

void
lists_entries(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *list = fv(pg, LFK_LIST), *state = fv(pg, LFK_STATE), *q = fv(pg, LFK_Q);
	int64_t page = fv(pg, LFK_PAGE) != NULL ? fnum(pg, LFK_PAGE) : 1;
	struct list_arg a = { c, NULL, 0, false, PAGE_ROWS };
	char prefix[7], today[11];
	struct line_row row;
	struct dbp p[12];
	xmlNodePtr root, pgn;
	xmlDocPtr doc;
	bool year = fv(pg, LFK_YEAR) != NULL;

	if (!lists_area(pg, prefix)) {
		console_error(pg, 403, "您没有访问此页面的权限。");
		return;
	}
	doc = console_doc(pg, "lists-entries", &root);
	form_limits_xml(root, lfilter_keys, LFK__MAX);
	lists_options_xml(pg, root);
	filter_xml(pg, root);
	a.parent = xml_add(root, "entries", NULL);
	cal_format(cal_beijing_day(c->now), today);
	p[0] = P_TEXT(today);
	p[1] = P_TEXT(like_prefix(c, prefix));
	p[2] = p[3] = P_OPT(list);
	p[4] = p[5] = P_OPT(state);
	p[6] = p[7] = year ? P_INT(fnum(pg, LFK_YEAR)) : P_NULL;
	p[8] = p[9] = P_OPT(q);
	p[10] = P_INT((page - 1) * PAGE_ROWS);        /* page <= PAGE_MAX: no overflow */
	if (db_rows(pg, Q_LIST_ENTRIES, p, 11, &line_loader, &row, line_xml, &a) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	pgn = xml_add(root, "paging", NULL);
	xml_attr_int(pgn, "page", page);
	xml_attr(pgn, "more", a.more ? "1" : "0");
	app_send(c, 200, doc);
}
