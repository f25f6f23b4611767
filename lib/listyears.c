/* listyears: the years of a list's filter form (listpages.h, listpages_years), from the
 * database or, for the lists program, from a per-process copy made at the same version of the
 * lists (sql/016), and the version itself. The years come from the index alone but from every
 * public entry of the list, which at 50,000 entries costs some 8 ms a page. */
#include <string.h>

#include "listpages.h"
#include "queries.h"
#include "render.h"

#define YEARS_MAX 64

struct year_row { int64_t year; };
static const struct dbc year_cols[] = { COL_I64(struct year_row, year) };
static const struct db_loader year_loader = DB_LOADER(struct year_row, year_cols);

struct years {
	uint64_t version;          /* 0: never read */
	size_t  n;
	int64_t year[YEARS_MAX];
};
static struct years cached[L__MAX + 1];

static int
year_keep(void *arg, void *row)
{
	struct years *y = arg;

	if (y->n < YEARS_MAX)
		y->year[y->n++] = ((struct year_row *)row)->year;
	return 0;
}

static int
years_read(const struct listsrc *s, const char *type, struct years *y)
{
	struct dbp p[4] = { P_TEXT(type), P_TEXT(type), P_TEXT(type), P_TEXT(type) };
	struct year_row row;
	bool found;

	y->n = 0;
	return db_load(s->db, Q_LIST_YEARS, p, 4, &year_loader, NULL, &row, year_keep, y,
	    &found);
}

struct version_row { int64_t version; };
static const struct dbc version_cols[] = { COL_I64(struct version_row, version) };
static const struct db_loader version_loader = DB_LOADER(struct version_row, version_cols);

int
listpages_version(struct db *db, uint64_t *version)
{
	struct version_row row = { 0 };
	bool found;
	int rc;

	*version = 0;
	if ((rc = db_load(db, Q_LIST_VERSION, NULL, 0, &version_loader, NULL, &row, NULL, NULL,
	    &found)) != DB_OK)
		return rc;
	if (!found || row.version <= 0)
		return DB_FAIL;         /* sql/016 makes the row; a missing one is a bug */
	*version = (uint64_t)row.version;
	return DB_OK;
}

int
listpages_years(const struct listsrc *s, const char *type, xmlNodePtr parent)
{
	int t = type[0] != '\0' ? list_type_from_code(type) : L__MAX;
	struct years fresh, *y = &fresh;
	size_t i;
	int rc;

	if (s->version > 0 && t >= 0 && cached[t].version == s->version)
		y = &cached[t];
	else {
		if ((rc = years_read(s, type, &fresh)) != DB_OK)
			return rc;
		if (s->version > 0 && t >= 0) {
			fresh.version = s->version;
			cached[t] = fresh;
		}
	}
	for (i = 0; i < y->n; i++)
		xml_attr_int(xml_add(parent, "year", NULL), "value", y->year[i]);
	return DB_OK;
}
