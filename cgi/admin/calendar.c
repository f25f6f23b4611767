/* calendar: the working-day calendar (工作日历) that every deadline counts on: the year's
 * holidays and adjusted working days, edited one by one or imported from a file (lib/holidays.c
 * parses it); the whole import is one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "holidays.h"
#include "queries.h"

static const struct option cal_actions[] = { { "import", "" }, { "set", "" }, { "delete", "" },
	{ NULL, NULL } };
static const struct option off_choice[] = { { "0", "" }, { "1", "" }, { NULL, NULL } };

const struct form_key year_keys[YK__MAX] = {
	[YK_YEAR] = { "year", form_int, 0, 0, 0, NULL, "年份应为2000至2100的整数。", 2000, 2100 },
};

const struct form_key calendar_keys[CK__MAX] = {
	[CK_ACTION] = { "action", form_choice, 0, 0, FORM_REQUIRED, cal_actions, "未知的操作。" },
	[CK_DATE] = { "date", form_date, 0, 0, 0, NULL, "日期格式应为YYYY-MM-DD。" },
	[CK_OFF] = { "off", form_choice, 0, 0, 0, off_choice, "请选择放假或调休上班。" },
	[CK_NAME] = { "name", NULL, 1, HOLIDAYS_NAME_MAX, 0, NULL, "名称不超过30个字。" },
};

struct day_row {
	char date[11], name[129];
	bool off;
};
static const struct dbc day_cols[] = {
	COL_TEXT(struct day_row, date), COL_BOOL(struct day_row, off),
	COL_TEXT(struct day_row, name),
};
static const struct db_loader day_loader = DB_LOADER(struct day_row, day_cols);
static const char *const day_names[] = { "date", "off", "name" };

static void
calendar_show(struct page *pg, int status, const char *message, int64_t year)
{
	struct ctx *c = pg->c;
	struct dbp p[1];
	xmlNodePtr root, y;
	xmlDocPtr doc;
	int yy, mm, dd;

	if (year == 0) {
		cal_to_ymd(cal_beijing_day(c->now), &yy, &mm, &dd);
		year = yy;
	}
	doc = console_doc(pg, "calendar", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	if (status == 400)
		console_form_state(pg, root);
	form_limits_xml(root, calendar_keys, CK__MAX);
	y = xml_add(root, "year", NULL);
	xml_attr_int(y, "value", year);
	xml_attr_int(y, "prev", year - 1);
	xml_attr_int(y, "next", year + 1);
	p[0] = P_INT(year);
	if (rows_xml(pg, Q_HOLIDAYS_YEAR, p, 1, &day_loader, root, "day", day_names) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(c, status, doc);
}

void
calendar_get(struct page *pg)
{
	calendar_show(pg, 200, NULL, fnum(pg, YK_YEAR));
}

static int
holiday_set(void *arg, const char date[11], bool off, const char *name)
{
	struct page *pg = arg;
	struct dbp p[3];

	p[0] = P_TEXT(date);
	p[1] = P_INT(off);
	p[2] = P_TEXT(name);
	return db_run(&pg->c->db, Q_HOLIDAY_SET, p, 3);
}

/* The uploaded file, all of it or none: one transaction. */
static int
import_once(struct page *pg, int *n, const char **why)
{
	const struct param *f;
	int rc;

	for (f = pg->c->form.head; f != NULL; f = f->next)
		if (f->filename != NULL && strcmp(f->name, "file") == 0)
			break;
	if (f == NULL || f->len == 0) {
		*why = "请选择要导入的文件。";
		return DB_OK;
	}
	if ((rc = db_begin(&pg->c->db)) != DB_OK)
		return rc;
	rc = holidays_parse(f->value, f->len, holiday_set, pg, n, why);
	if (rc == DB_OK && *why == NULL)
		return db_commit(&pg->c->db);
	db_rollback(&pg->c->db);
	return rc;
}

/* import_once, again after a deadlock or a failed certification (1213: DB_RETRY). */
static int
import(struct page *pg, int *n, const char **why)
{
	int rc = DB_RETRY, attempt;

	for (attempt = 0; attempt < 3 && rc == DB_RETRY; attempt++) {
		*n = 0;
		*why = NULL;
		rc = import_once(pg, n, why);
	}
	return rc == DB_RETRY ? DB_DOWN : rc;
}

static int
set_or_delete(struct page *pg, const char *action, const char *date, const char **why)
{
	const char *off = fv(pg, CK_OFF), *name = fv(pg, CK_NAME);
	struct dbp p[1];

	if (date == NULL) {
		*why = "日期格式应为YYYY-MM-DD。";
		return DB_OK;
	}
	if (strcmp(action, "delete") == 0) {
		p[0] = P_TEXT(date);
		return db_run(&pg->c->db, Q_HOLIDAY_DELETE, p, 1);
	}
	if (off == NULL) {
		*why = "请选择放假或调休上班。";
		return DB_OK;
	}
	return holiday_set(pg, date, off[0] == '1', name ? name : off[0] == '1' ? "假日" : "调休");
}

void
calendar_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *action = fv(pg, CK_ACTION), *date = fv(pg, CK_DATE), *why = NULL;
	char detail[200], msg[200];
	int rc = DB_OK, n = 0;

	if (pg->errors > 0)
		why = "请修改标出的项目后重新提交。";
	else if (strcmp(action, "import") == 0) {
		rc = import(pg, &n, &why);
		snprintf(detail, sizeof(detail), "import %d days", n);
	} else {
		rc = set_or_delete(pg, action, date, &why);
		snprintf(detail, sizeof(detail), "%s %s %s", action, date ? date : "",
		    fv(pg, CK_OFF) ? fv(pg, CK_OFF) : "");
	}
	if (rc == DB_OK && why == NULL)
		rc = console_audit(pg, "calendar", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	/* The programs reload the calendar every few minutes; this one at once. */
	c->refdata.loaded = 0;
	if (why == NULL && n > 0)
		snprintf(msg, sizeof(msg), "已导入%d个日期。", n);
	calendar_show(pg, why != NULL ? 400 : 200, why != NULL ? why : n > 0 ? msg : "已保存。",
	    0);
}
