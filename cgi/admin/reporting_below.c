/*
 * reporting_below: who below has reported upward (GET /admin/reporting, 下级报送情况). The
 * dashboard's calendar shows the user's own department; the level above needs to see which
 * of the departments just below its area filed each item (the province its cities' 工信
 * departments, a city its counties'), for the assessment (考评) of regions and departments.
 * Read-only: the marks are made by each department's own supervisor (reporting.c).
 *
 * Who may see it is the route's rule (main.c): a supervisor, who answers for the area's
 * figures, and the administrators, who reach no case but see aggregate figures of their
 * department's area as the statistics page allows. A handler, intake clerk or contact answers
 * for single cases, not for the assessment of the level below, and is refused by the route.
 * A county's view has no departments below it and says so.
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "queries.h"

/* Items of three periods (the previous, the current and the next year). */
#define BELOW_ITEMS 16

struct below_row {
	int64_t id;
	char    name[401];
	char    region[7];
	char    item[17];
	int64_t year;
	char    filed[11];
};
static const struct dbc below_cols[] = {
	COL_I64(struct below_row, id), COL_TEXT(struct below_row, name),
	COL_TEXT(struct below_row, region), COL_TEXT(struct below_row, item),
	COL_I64(struct below_row, year), COL_TEXT(struct below_row, filed),
};
static const struct db_loader below_loader = DB_LOADER(struct below_row, below_cols);

struct below_dept {
	int64_t id;
	char    name[401];
	char    region[7];
	struct {
		char    item[17];
		int64_t year;
		char    filed[11];
	}       f[BELOW_ITEMS];
	size_t  nf;
};

struct below {
	struct ctx        *c;
	struct below_dept *d;
	size_t             n, cap;
};

/* One row per department and filing (a department without filings: one row, no item); the
 * rows come in department order, so a new id starts a new department. */
static int
below_push(void *arg, void *row)
{
	struct below *b = arg;
	struct below_row *r = row;
	struct below_dept *d;

	if (b->n == 0 || b->d[b->n - 1].id != r->id) {
		if (b->n == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 32;
			d = arena_alloc(&b->c->arena, b->cap * sizeof(*d));
			if (b->n > 0)
				memcpy(d, b->d, b->n * sizeof(*d));
			b->d = d;
		}
		d = &b->d[b->n++];
		memset(d, 0, sizeof(*d));
		d->id = r->id;
		snprintf(d->name, sizeof(d->name), "%s", r->name);
		snprintf(d->region, sizeof(d->region), "%s", r->region);
	}
	d = &b->d[b->n - 1];
	if (r->item[0] != '\0' && d->nf < BELOW_ITEMS) {
		snprintf(d->f[d->nf].item, sizeof(d->f[d->nf].item), "%s", r->item);
		d->f[d->nf].year = r->year;
		snprintf(d->f[d->nf].filed, sizeof(d->f[d->nf].filed), "%s", r->filed);
		d->nf++;
	}
	return 0;
}

static const char *
below_filed(const struct below_dept *d, const struct stats_due *due)
{
	size_t i;

	for (i = 0; i < d->nf; i++)
		if (d->f[i].year == due->year && strcmp(d->f[i].item, due->code) == 0)
			return d->f[i].filed;
	return NULL;
}

/* The role whose area the overview covers: the widest of a supervisor or administrator role. */
static const struct staff_role *
below_role(const struct staff *s)
{
	const struct staff_role *best = NULL, *r;
	unsigned i;

	for (i = 0; i < s->nroles; i++) {
		r = &s->role[i];
		if (!(BIT(r->role) & (BIT(R_SUPERVISOR) | ADMIN_ROLES)))
			continue;
		if (best == NULL || strlen(r->prefix) < strlen(best->prefix))
			best = r;
	}
	return best;
}

/* The columns: each item with its date and the counts of filed, late and still due units. */
static void
columns_xml(xmlNodePtr top, const struct below *b, const struct stats_due *d, size_t ncol,
    cal_day today)
{
	xmlNodePtr col;
	long long nfiled, nlate;
	size_t i, j;
	char day[11];

	for (j = 0; j < ncol; j++) {
		cal_format(d[j].due, day);
		col = xml_add(top, "column", d[j].label);
		xml_attr(col, "code", d[j].code);
		xml_attr_int(col, "year", d[j].year);
		xml_attr(col, "date", day);
		xml_attr(col, "state", d[j].due < today ? "past" : "next");
		for (i = 0, nfiled = 0, nlate = 0; i < b->n; i++) {
			if (below_filed(&b->d[i], &d[j]) != NULL)
				nfiled++;
			else if (d[j].due < today)
				nlate++;
		}
		xml_attr_int(col, "filed", nfiled);
		xml_attr_int(col, "late", nlate);
		xml_attr_int(col, "due", (long long)b->n - nfiled - nlate);
	}
}

/* One row per unit below: a cell per column, filed (its date), late or due (working days). */
static void
units_xml(xmlNodePtr top, const struct below *b, const struct stats_due *d, size_t ncol,
    const struct calendar *cal, cal_day today)
{
	xmlNodePtr unit, cell;
	const char *filed;
	size_t i, j;

	for (i = 0; i < b->n; i++) {
		unit = xml_add(top, "unit", NULL);
		xml_attr_int(unit, "id", b->d[i].id);
		xml_attr(unit, "name", b->d[i].name);
		xml_attr(unit, "region", b->d[i].region);
		for (j = 0; j < ncol; j++) {
			cell = xml_add(unit, "cell", NULL);
			xml_attr(cell, "code", d[j].code);
			xml_attr_int(cell, "year", d[j].year);
			if ((filed = below_filed(&b->d[i], &d[j])) != NULL) {
				xml_attr(cell, "state", "filed");
				xml_attr(cell, "filed", filed);
			} else if (d[j].due < today) {
				xml_attr(cell, "state", "late");
				xml_attr_int(cell, "late", cal_workdays_between(cal, d[j].due, today));
			} else {
				xml_attr(cell, "state", "due");
				xml_attr_int(cell, "workdays", cal_workdays_between(cal, today,
				    d[j].due));
			}
		}
	}
}

/*
 * <reporting-below department area><column code year date state filed late due>label
 * </column>…<unit id name region><cell code year state filed|late/>…</unit>…
 * </reporting-below>: the columns are the items of the previous and current year past their
 * date, then the next one due; a cell is filed (with its date), late (working days since the
 * due date) or, for the next item, due. One statement loads the whole table.
 */
void
reporting_below_page(struct page *pg)
{
	struct ctx *c = pg->c;
	const struct calendar *cal = c->refdata.calendar;
	const struct staff_role *role = below_role(&pg->s);
	cal_day today = cal_beijing_day(c->now);
	struct stats_due d[BELOW_ITEMS];
	struct below b = { .c = c };
	struct below_row row;
	xmlNodePtr root, top;
	xmlDocPtr doc;
	struct dbp p[3];
	size_t k, ncol;
	int y, mo, dd;

	if (role == NULL) {
		console_error(pg, 403, "您没有查看下级报送情况的权限。");
		return;
	}
	cal_to_ymd(today, &y, &mo, &dd);
	k = stats_reporting_items(cal, y - 1, y + 1, d, BELOW_ITEMS);
	for (ncol = 0; ncol < k && d[ncol].due < today; ncol++)
		;
	if (ncol < k)
		ncol++;                 /* the next one due */
	p[0] = P_INT(y - 1);
	p[1] = P_INT(y + 1);
	p[2] = P_TEXT(role->prefix);
	if (db_rows(pg, Q_FILING_BELOW, p, 3, &below_loader, &row, below_push, &b) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	doc = console_doc(pg, "reporting-below", &root);
	top = xml_add(root, "overview", NULL);
	xml_attr(top, "department", role->department);
	xml_attr(top, "area", role->prefix);
	xml_attr_int(top, "units", (long long)b.n);
	columns_xml(top, &b, d, ncol, today);
	units_xml(top, &b, d, ncol, cal, today);
	app_send(c, 200, doc);
}
