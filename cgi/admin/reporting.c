/*
 * reporting: the upward-reporting calendar (上报日历) on the dashboard and its filings. Every
 * level reports its own figures upward (a county to its city, a city to the province, the
 * province to the ministry), so the calendar is the user's own department's: each item of the
 * current and previous reporting year (lib/stats.c's reporting[], the working-day calendar)
 * that is past its date shows as filed (已报送: when and by whom) or late (逾期未报: how many
 * working days), and the next items as due (or filed early). The platform does not send the
 * ledgers; a supervisor marks an item filed (POST /admin/reporting), or takes the mark back,
 * for the own department only; both are audited.
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "queries.h"

/* The next items shown whatever their state, as the calendar showed before filings. */
#define REPORTING_NEXT 4
/* Items: three periods of five (the previous, the current and the next year). */
#define REPORTING_MAX 16

static const struct option reporting_actions[] = {
	{ "file", "标记已报送" }, { "undo", "撤销已报送" }, { NULL, NULL },
};

static bool
reporting_item_ok(const struct form_key *k, const char *v, size_t len)
{
	char code[17];

	(void)k;
	if (len >= sizeof(code))
		return false;
	memcpy(code, v, len);
	code[len] = '\0';
	return stats_reporting_code(code);
}

const struct form_key reporting_keys[UF__MAX] = {
	[UF_ACTION] = { "action", form_choice, 0, 0, FORM_REQUIRED, reporting_actions,
	    "操作无效。" },
	[UF_ITEM] = { "item", reporting_item_ok, 1, 16, FORM_REQUIRED, NULL, "上报事项无效。" },
	[UF_YEAR] = { "year", form_int, 0, 0, FORM_REQUIRED, NULL, "年度无效。", 2000, 2100 },
	[UF_NOTE] = { "note", NULL, 0, 100, 0, NULL, "备注不超过100字。" },
};

/* The department whose calendar the user sees, or whose filing the user marks (mark): the
 * department of the user's supervisor role (the widest, when several), else, for reading, of
 * a role that handles cases. NULL when none. */
static const struct staff_role *
filing_role(const struct staff *s, bool mark)
{
	const struct staff_role *best = NULL, *r;
	unsigned i;
	int pass;

	for (pass = 0; pass < 2 && best == NULL; pass++) {
		if (pass == 1 && mark)
			break;
		for (i = 0; i < s->nroles; i++) {
			r = &s->role[i];
			if (pass == 0 ? r->role != R_SUPERVISOR : !(BIT(r->role) & CASE_ROLES))
				continue;
			if (best == NULL || strlen(r->prefix) < strlen(best->prefix))
				best = r;
		}
	}
	return best;
}

struct filing {
	char    item[17];
	int64_t year;
	char    filed[11];
	char    by[257];
	char    note[401];
};
static const struct dbc filing_cols[] = {
	COL_TEXT(struct filing, item), COL_I64(struct filing, year),
	COL_TEXT(struct filing, filed), COL_TEXT(struct filing, by),
	COL_TEXT(struct filing, note),
};
static const struct db_loader filing_loader = DB_LOADER(struct filing, filing_cols);

struct filings {
	struct filing f[REPORTING_MAX];
	size_t        n;
};

static int
filing_row(void *arg, void *row)
{
	struct filings *fs = arg;

	if (fs->n < REPORTING_MAX)
		fs->f[fs->n++] = *(struct filing *)row;
	return 0;
}

static const struct filing *
filing_find(const struct filings *fs, const struct stats_due *d)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (fs->f[i].year == d->year && strcmp(fs->f[i].item, d->code) == 0)
			return &fs->f[i];
	return NULL;
}

/* <reporting department may-mark><item code year date state workdays|late filed by note>
 * label</item>…</reporting>, in date order: the items of the previous and current year that
 * are past their date, then the next REPORTING_NEXT. */
int
reporting_xml(struct page *pg, xmlNodePtr root)
{
	const struct calendar *cal = pg->c->refdata.calendar;
	const struct staff_role *dept = filing_role(&pg->s, false);
	cal_day today = cal_beijing_day(pg->c->now);
	xmlNodePtr list = xml_add(root, "reporting", NULL), n;
	struct stats_due d[REPORTING_MAX];
	struct filings fs = { .n = 0 };
	const struct filing *f;
	struct filing row;
	struct dbp p[3];
	size_t i, k, next = 0;
	int y, mo, dd, rc;
	char day[11];

	cal_to_ymd(today, &y, &mo, &dd);
	k = stats_reporting_items(cal, y - 1, y + 1, d, REPORTING_MAX);
	if (dept != NULL) {
		xml_attr(list, "department", dept->department);
		if (filing_role(&pg->s, true) == dept)
			xml_attr(list, "may-mark", "1");
		p[0] = P_INT(dept->department_id);
		p[1] = P_INT(y - 1);
		p[2] = P_INT(y + 1);
		if ((rc = db_rows(pg, Q_FILING_LIST, p, 3, &filing_loader, &row, filing_row,
		    &fs)) != DB_OK)
			return rc;
	}
	for (i = 0; i < k; i++) {
		if (d[i].due >= today && next++ >= REPORTING_NEXT)
			break;
		cal_format(d[i].due, day);
		n = xml_add(list, "item", d[i].label);
		xml_attr(n, "code", d[i].code);
		xml_attr_int(n, "year", d[i].year);
		xml_attr(n, "date", day);
		if ((f = filing_find(&fs, &d[i])) != NULL) {
			xml_attr(n, "state", "filed");
			xml_attr(n, "filed", f->filed);
			xml_attr(n, "by", f->by);
			if (f->note[0] != '\0')
				xml_attr(n, "note", f->note);
		} else if (d[i].due < today) {
			xml_attr(n, "state", "late");
			xml_attr_int(n, "late", cal_workdays_between(cal, d[i].due, today));
		} else {
			xml_attr(n, "state", "due");
			xml_attr_int(n, "workdays", cal_workdays_between(cal, today, d[i].due));
		}
	}
	return DB_OK;
}

/*
 * Mark an item filed for the user's department, or take the mark back. Only a supervisor
 * (上级督办) may: the role that answers for a department's figures and sees its statistics
 * and cases, so the one who knows whether the ledger went upward. Administrators reach no
 * case and no figure of the work (三员分立), and a handler or intake clerk answers for single
 * cases, not for the department's report. The route admits the role; this handler limits the
 * row to the role's own department, so the undo of another department's mark finds nothing.
 */
void
reporting_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const struct staff_role *dept = filing_role(&pg->s, true);
	const char *item = fv(pg, UF_ITEM), *note = fv(pg, UF_NOTE);
	bool undo;
	int64_t year = fnum(pg, UF_YEAR);
	cal_day today = cal_beijing_day(c->now);
	char detail[300];
	struct dbp p[6];
	int y, mo, d, rc = DB_OK, attempt;

	if (pg->errors > 0 || dept == NULL) {
		console_error(pg, 400, "上报事项或年度无效。");
		return;
	}
	undo = strcmp(fv(pg, UF_ACTION), "undo") == 0;
	cal_to_ymd(today, &y, &mo, &d);
	if (year < y - 1 || year > y + 1) {
		console_error(pg, 400, "只能标记本年度和上一年度的上报事项。");
		return;
	}
	snprintf(detail, sizeof(detail), "%s %lld department=%lld%s%s", item, (long long)year,
	    (long long)dept->department_id, note != NULL ? " " : "", note != NULL ? note : "");
	p[0] = P_TEXT(item);
	p[1] = P_INT(year);
	p[2] = P_INT(dept->department_id);
	p[3] = P_INT(c->now);
	p[4] = P_INT(pg->s.id);
	p[5] = P_TEXT(note != NULL ? note : "");
	for (attempt = 0, rc = DB_RETRY; attempt < 3 && rc == DB_RETRY; attempt++) {
		if ((rc = db_begin(&c->db)) != DB_OK)
			continue;
		rc = db_run(&c->db, undo ? Q_FILING_DEL : Q_FILING_ADD, p, undo ? 3 : 6);
		/* marked twice (two tabs) or taken back twice: nothing changed, nothing to audit */
		if (rc == DB_DUP || (rc == DB_OK && undo && db_affected(&c->db, Q_FILING_DEL) == 0)) {
			db_rollback(&c->db);
			rc = DB_OK;
			break;
		}
		if (rc == DB_OK && (rc = console_audit(pg, undo ? "reporting_unfiled" :
		    "reporting_filed", 0, detail)) == DB_OK && (rc = db_commit(&c->db)) == DB_OK)
			break;
		db_rollback(&c->db);
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	app_redirect(c, "/admin/#reporting-title");
}
