/* dashboard: the overview of the user's area: counts by state, the cases due today and
 * overdue, and the cases a supervisor pressed (督办). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "calendar.h"
#include "queries.h"
#include "report.h"
#include "spool.h"

/* The dashboard is an overview: the most urgent cases of each list, with the full lists one
 * click away (the count cards link to them). */
#define DASHBOARD_ROWS 20

/* The counts by state cover the whole area; with a province's hundred thousand cases that is
 * the one costly query of a page, so each process keeps the answer for a minute (per area) and
 * says how old it is. */
#define COUNT_CACHE 8
static struct count_cache {
	char    key[40];
	time_t  at;
	int64_t n[S__MAX];
} count_cache[COUNT_CACHE];

struct state_count {
	char    state[16];
	int64_t n;
};
static const struct dbc state_count_cols[] = {
	COL_TEXT(struct state_count, state), COL_I64(struct state_count, n),
};
static const struct db_loader state_count_loader = DB_LOADER(struct state_count,
    state_count_cols);

static int
cache_row(void *arg, void *row)
{
	struct count_cache *cc = arg;
	const struct state_count *r = row;
	int st = state_from_name(r->state);

	if (st >= 0)
		cc->n[st] = r->n;
	return 0;
}

static const struct count_cache *
counts_cached(struct page *pg, const struct area *ar, int *rc)
{
	char key[40];
	struct count_cache *cc = NULL, fresh;
	int i;

	*rc = DB_OK;
	snprintf(key, sizeof(key), "%s:%s:%d", ar->kind, ar->prefix, ar->gongxin);
	for (i = 0; i < COUNT_CACHE; i++)
		if (strcmp(count_cache[i].key, key) == 0 && pg->c->now - count_cache[i].at < 60)
			return &count_cache[i];
	memset(&fresh, 0, sizeof(fresh));
	if ((*rc = area_run(pg, ar, Q_COUNTS_AREA, Q_COUNTS_DEPT, NULL, 0, &state_count_loader,
	    &(struct state_count){ "", 0 }, cache_row, &fresh)) != DB_OK)
		return NULL;
	snprintf(fresh.key, sizeof(fresh.key), "%s", key);
	fresh.at = (time_t)pg->c->now;
	/* replace the oldest entry */
	cc = &count_cache[0];
	for (i = 1; i < COUNT_CACHE; i++)
		if (count_cache[i].at < cc->at)
			cc = &count_cache[i];
	*cc = fresh;
	return cc;
}

static int
area_counts(struct page *pg, const struct area *ar, xmlNodePtr parent)
{
	xmlNodePtr counts = xml_add(parent, "counts", NULL), n;
	const struct count_cache *cc;
	int i, rc;

	if ((cc = counts_cached(pg, ar, &rc)) == NULL)
		return rc;
	xml_attr_int(counts, "age", pg->c->now - cc->at);
	for (i = 0; i < S__MAX; i++) {
		if (cc->n[i] == 0)
			continue;
		n = xml_add(counts, "count", NULL);
		xml_attr(n, "state", state_names[i]);
		xml_attr(n, "label", option_label(report_states, state_names[i]));
		xml_attr_int(n, "n", cc->n[i]);
	}
	return DB_OK;
}

/* One of the dashboard's lists: its DASHBOARD_ROWS most urgent cases, more="1" when there
 * are more. */
static int
dashboard_list(struct page *pg, const struct area *ar, xmlNodePtr root, const char *name,
    int q_area, int q_dept, const struct dbp *extra, size_t nextra)
{
	struct list_arg a = { pg->c, xml_add(root, name, NULL), 0, false, DASHBOARD_ROWS };
	int rc = case_lines(pg, ar, q_area, q_dept, extra, nextra, &a);

	list_end(&a);
	return rc;
}

/* A department unit's due-today and overdue lists come from one statement (both walk all of
 * the unit's reports); each row goes to its list by its deadline. */
struct due_split {
	const char      *today;
	struct list_arg  due_today, overdue;
};

static int
due_split_row(void *arg, void *row)
{
	struct due_split *ds = arg;
	const struct case_line *r = row;

	(void)case_line_xml(strcmp(r->due, ds->today) == 0 ? &ds->due_today : &ds->overdue, row);
	return 0;
}

static int
unit_due_lists(struct page *pg, const struct area *ar, xmlNodePtr root, const char *today)
{
	struct due_split ds = { today,
	    { pg->c, xml_add(root, "due-today", NULL), 0, false, DASHBOARD_ROWS },
	    { pg->c, xml_add(root, "overdue", NULL), 0, false, DASHBOARD_ROWS } };
	struct dbp p[4] = { P_TEXT(today), P_TEXT(ar->kind), P_TEXT(like_prefix(pg->c, ar->prefix)),
	    P_TEXT(today) };
	struct case_line row;
	int rc = db_rows(pg, Q_DUE_DEPT, p, 4, &case_line_loader, &row, due_split_row, &ds);

	list_end(&ds.due_today);
	list_end(&ds.overdue);
	return rc;
}

/* The due-today and overdue lists: a 工信 area walks the due-date index twice (each range is
 * short), a department unit reads all its reports once. */
static int
due_lists(struct page *pg, const struct area *ar, xmlNodePtr root)
{
	char today[11], yesterday[11];
	cal_day d = cal_beijing_day(pg->c->now);
	struct dbp p[2];
	int rc;

	cal_format(d, today);
	cal_format(d - 1, yesterday);
	if (!ar->gongxin)
		return unit_due_lists(pg, ar, root, today);
	p[0] = P_TEXT(today);
	p[1] = P_TEXT(today);
	rc = dashboard_list(pg, ar, root, "due-today", Q_DUE_AREA, Q_DUE_AREA, p, 2);
	p[0] = P_TEXT("1970-01-01");
	p[1] = P_TEXT(yesterday);
	if (rc == DB_OK)
		rc = dashboard_list(pg, ar, root, "overdue", Q_DUE_AREA, Q_DUE_AREA, p, 2);
	return rc;
}

/* The reports the public programs took while the database was away and jubaoctl spool-import
 * has not stored yet: how many, and since when. Nothing when the spool is empty or unreadable. */
static void
spool_xml(struct page *pg, xmlNodePtr root)
{
	const char *dir = pg->c->cfg.spool_dir;
	char since[32];
	uint64_t bytes;
	int64_t oldest;
	xmlNodePtr e;
	size_t n;

	if (dir[0] == '\0' || spool_stat(dir, &n, &bytes, &oldest) != 0 || n == 0)
		return;
	report_time(oldest, since);
	e = xml_add(root, "spool", NULL);
	xml_attr_int(e, "n", (long long)n);
	xml_attr(e, "since", since);
}

void
dashboard(struct page *pg)
{
	struct area ar;
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "dashboard", &root);
	int rc;

	/* what was changed on the account since the last sign-in, and by whom */
	if ((rc = notices_xml(pg, root)) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	spool_xml(pg, root);
	if (!user_area(&pg->s, &ar)) {
		xml_add(root, "message", (pg->s.roles & ADMIN_ROLES) ?
		    "管理员账户不办理案件，也不能查看举报人身份（三员分立）。请使用上方菜单。" :
		    "您的账户尚未分配角色，请联系安全管理员。");
		app_send(pg->c, 200, doc);
		return;
	}
	rc = reporting_xml(pg, root);
	if (rc == DB_OK)
		rc = area_counts(pg, &ar, root);
	if (rc == DB_OK)
		rc = due_lists(pg, &ar, root);
	if (rc == DB_OK)
		rc = dashboard_list(pg, &ar, root, "pressed", Q_PRESSED_AREA, Q_PRESSED_DEPT, NULL,
		    0);
	if (rc != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(pg->c, 200, doc);
}
