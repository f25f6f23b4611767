/* listannual: the annual exit page of the published lists (listpages.h: listpages_annual). */
#include <stdio.h>
#include <string.h>

#include "listpages.h"
#include "queries.h"
#include "render.h"

/* ---- the annual exit figures ---- */

struct annual_row {
	char key[129];
	bool key_total;
	char unit[65];
	bool unit_total;
	int64_t enterprises, equipment;
	char capacity[48];
};
static const struct dbc annual_cols[] = {
	COL_TEXT(struct annual_row, key), COL_BOOL(struct annual_row, key_total),
	COL_TEXT(struct annual_row, unit), COL_BOOL(struct annual_row, unit_total),
	COL_I64(struct annual_row, enterprises), COL_I64(struct annual_row, equipment),
	COL_TEXT(struct annual_row, capacity),
};
static const struct db_loader annual_loader = DB_LOADER(struct annual_row, annual_cols);

struct annual_arg {
	const struct listsrc *s;
	xmlNodePtr            dim, group;
	bool                  totals;       /* the run without a dimension: the totals */
};

/* Rows come per key: its units, then its subtotal (unit_total); the grand total last. */
static int
annual_one(void *arg, void *row)
{
	struct annual_arg *a = arg;
	const struct annual_row *r = row;
	char name[800];
	xmlNodePtr n;

	if (r->key_total)
		return 0;            /* the grand total: taken from the totals run */
	if (a->group == NULL) {
		a->group = xml_add(a->dim, a->totals ? "total" : "group", NULL);
		xml_attr(a->group, "code", r->key);
		if (!a->totals) {
			if (strcmp((const char *)a->dim->name, "by-city") == 0)
				listpages_region_name(a->s->rd, r->key, name, sizeof(name));
			else
				snprintf(name, sizeof(name), "%s", listpages_industry_name(a->s->rd, r->key));
			xml_attr(a->group, "name", name);
		}
	}
	if (r->unit_total) {
		xml_attr_int(a->group, "enterprises", r->enterprises);
		xml_attr_int(a->group, "equipment", r->equipment);
		a->group = NULL;
		return 0;
	}
	if (r->unit[0] == '\0')
		return 0;            /* entries without a capacity: counted, not summed */
	n = xml_add(a->group, "capacity", r->capacity);
	xml_attr(n, "unit", r->unit);
	return 0;
}

int
listpages_annual(const struct listsrc *s, int year, xmlDocPtr *doc)
{
	static const char *const dims[][2] = { { "city", "by-city" },
	    { "industry", "by-industry" }, { "", "totals" } };
	struct annual_row row;
	struct annual_arg a = { s, NULL, NULL, false };
	xmlNodePtr root, y;
	struct dbp p[2];
	bool found;
	size_t i;
	int rc;

	*doc = xml_doc("annual-exit", &root);
	xml_attr_int(root, "year", year);
	y = xml_add(root, "years", NULL);
	if ((rc = listpages_years(s, "", y)) != DB_OK)
		goto fail;
	for (i = 0; i < 3; i++) {
		a.dim = xml_add(root, dims[i][1], NULL);
		a.group = NULL;
		a.totals = i == 2;
		p[0] = P_TEXT(dims[i][0]);
		p[1] = P_INT(year);
		if ((rc = db_load(s->db, Q_ANNUAL_EXIT, p, 2, &annual_loader, NULL, &row,
		    annual_one, &a, &found)) != DB_OK)
			goto fail;
	}
	return DB_OK;
fail:
	xmlFreeDoc(*doc);
	*doc = NULL;
	return rc;
}

