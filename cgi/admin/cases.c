/* cases: the case list of the user's area, by state, overdue, or a search by ticket or name. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "queries.h"
#include "report.h"

static const struct option overdue_choice[] = { { "0", "" }, { "1", "" }, { NULL, NULL } };

const struct form_key list_keys[LS__MAX] = {
	[LS_STATE] = { "state", form_choice, 0, 0, 0, report_states, "请选择有效的案件状态。" },
	[LS_Q] = { "q", NULL, 1, LIMIT_SEARCH, 0, NULL, "搜索内容不超过100个字。" },
	[LS_OVERDUE] = { "overdue", form_choice, 0, 0, 0, overdue_choice, "超期筛选无效。" },
	[LS_PAGE] = { "page", form_int, 0, 0, 0, NULL, "页码应为1至100000的整数。", 1, PAGE_MAX },
};

const struct form_key id_keys[ID__MAX] = {
	[ID_ID] = { "id", form_id, 0, 0, FORM_REQUIRED, NULL, "编号无效。" },
};

void
case_list(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *state = fv(pg, LS_STATE), *q = fv(pg, LS_Q), *ov = fv(pg, LS_OVERDUE);
	int64_t page = fv(pg, LS_PAGE) != NULL ? fnum(pg, LS_PAGE) : 1;
	bool overdue = ov != NULL && strcmp(ov, "1") == 0;
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct area ar;
	struct dbp p[8];
	xmlNodePtr root, f, pgn;
	xmlDocPtr doc;
	char t[17];

	/* A ticket is shown in groups of four; typed that way, it is still a ticket. */
	if (q != NULL && ticket_parse(q, strlen(q), t))
		q = arena_strdup(&c->arena, t);
	doc = console_doc(pg, "case-list", &root);
	form_limits_xml(root, list_keys, LS__MAX);
	f = xml_add(root, "filter", NULL);
	xml_attr(f, "state", state ? state : "");
	xml_attr(f, "q", q ? q : "");
	xml_attr(f, "overdue", overdue ? "1" : "0");
	a.parent = xml_add(root, "cases", NULL);
	if (user_area(&pg->s, &ar)) {
		size_t n = 0;
		int rc;

		if (q != NULL) {
			p[n++] = P_TEXT(q);
			p[n++] = P_TEXT(q);
		}
		p[n++] = P_OPT(state);
		p[n++] = P_OPT(state);
		p[n++] = P_INT(overdue);
		p[n++] = P_INT((page - 1) * PAGE_ROWS);       /* page <= PAGE_MAX: no overflow */
		rc = q != NULL ? case_lines(pg, &ar, Q_SEARCH_AREA, Q_SEARCH_DEPT, p, n, &a) :
		    case_lines(pg, &ar, Q_CASES_AREA, Q_CASES_DEPT, p, n, &a);
		if (rc != DB_OK) {
			xmlFreeDoc(doc);
			db_unavailable(pg);
			return;
		}
	}
	pgn = xml_add(root, "paging", NULL);
	xml_attr_int(pgn, "page", page);
	xml_attr(pgn, "more", a.n > PAGE_ROWS ? "1" : "0");
	app_send(c, 200, doc);
}
