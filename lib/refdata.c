/* refdata: see refdata.h. */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "queries.h"
#include "refdata.h"
#include "render.h"

static int
load_regions(struct db *db, struct region **out, size_t *nout)
{
	struct region r, *v = NULL, *nv;
	size_t n = 0, cap = 0;
	unsigned long len[2];
	my_bool null[3];
	int64_t level;
	MYSQL_BIND res[3];
	int rc;

	bind_out_text(&res[0], r.code, sizeof(r.code), &len[0], &null[0]);
	bind_out_text(&res[1], r.name, sizeof(r.name), &len[1], &null[1]);
	bind_out_i64(&res[2], &level, &null[2]);
	if ((rc = db_exec(db, Q_REGIONS, NULL, res)) != DB_OK)
		return rc;
	while ((rc = db_fetch(db, Q_REGIONS)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				log_fatal("refdata: out of memory");
			v = nv;
		}
		text_end(r.code, sizeof(r.code), len[0]);
		text_end(r.name, sizeof(r.name), len[1]);
		r.level = (int)level;
		v[n++] = r;
	}
	db_done(db, Q_REGIONS);
	if (rc < 0) {
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return DB_OK;
}

static int
load_industries(struct db *db, struct industry **out, size_t *nout)
{
	struct industry r, *v = NULL, *nv;
	size_t n = 0, cap = 0;
	unsigned long len[2];
	my_bool null[2];
	MYSQL_BIND res[2];
	int rc;

	bind_out_text(&res[0], r.code, sizeof(r.code), &len[0], &null[0]);
	bind_out_text(&res[1], r.name, sizeof(r.name), &len[1], &null[1]);
	if ((rc = db_exec(db, Q_INDUSTRIES, NULL, res)) != DB_OK)
		return rc;
	while ((rc = db_fetch(db, Q_INDUSTRIES)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				log_fatal("refdata: out of memory");
			v = nv;
		}
		text_end(r.code, sizeof(r.code), len[0]);
		text_end(r.name, sizeof(r.name), len[1]);
		v[n++] = r;
	}
	db_done(db, Q_INDUSTRIES);
	if (rc < 0) {
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return DB_OK;
}

static int
load_calendar(struct db *db, struct calendar **out)
{
	char day[16];
	unsigned long len;
	my_bool null[2];
	int64_t off;
	MYSQL_BIND res[2];
	struct calendar *cal;
	cal_day d;
	int rc;

	if ((cal = cal_new()) == NULL)
		log_fatal("refdata: out of memory");
	bind_out_text(&res[0], day, sizeof(day), &len, &null[0]);
	bind_out_i64(&res[1], &off, &null[1]);
	if ((rc = db_exec(db, Q_HOLIDAYS, NULL, res)) != DB_OK) {
		cal_free(cal);
		return rc;
	}
	while ((rc = db_fetch(db, Q_HOLIDAYS)) == 1) {
		text_end(day, sizeof(day), len);
		if (!cal_parse(day, strlen(day), &d))
			continue;
		if (cal_set(cal, d, off != 0) != 0)
			log_fatal("refdata: out of memory");
	}
	db_done(db, Q_HOLIDAYS);
	if (rc < 0) {
		cal_free(cal);
		return rc;
	}
	*out = cal;
	return DB_OK;
}

/* FNV-1a over s and its terminating NUL, continuing from h. */
static uint64_t
digest_str(uint64_t h, const char *s)
{
	do
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	while (*s++ != '\0');
	return h;
}

static uint64_t
names_digest(const struct region *r, size_t nr, const struct industry *in, size_t ni)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < nr; i++)
		h = digest_str(digest_str(h, r[i].code), r[i].name) ^ (uint64_t)r[i].level;
	for (i = 0; i < ni; i++)
		h = digest_str(digest_str(h, in[i].code), in[i].name);
	return h;
}

int
refdata_refresh(struct refdata *rd, struct db *db, time_t now, int max_age)
{
	struct region *regions = NULL;
	struct industry *industries = NULL;
	struct calendar *cal = NULL;
	size_t nr = 0, ni = 0;
	int rc;

	if (rd->loaded != 0 && now - rd->loaded < max_age)
		return DB_OK;
	if ((rc = load_regions(db, &regions, &nr)) != DB_OK ||
	    (rc = load_industries(db, &industries, &ni)) != DB_OK ||
	    (rc = load_calendar(db, &cal)) != DB_OK) {
		free(regions);
		free(industries);
		return rd->loaded != 0 ? DB_OK : rc;
	}
	refdata_free(rd);
	rd->regions = regions;
	rd->nregions = nr;
	rd->industries = industries;
	rd->nindustries = ni;
	rd->calendar = cal;
	rd->loaded = now;
	rd->names = names_digest(regions, nr, industries, ni);
	return DB_OK;
}

void
refdata_free(struct refdata *rd)
{
	free(rd->regions);
	free(rd->industries);
	if (rd->calendar != NULL)
		cal_free(rd->calendar);
	memset(rd, 0, sizeof(*rd));
}

static int
region_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct region *)elem)->code);
}

const struct region *
refdata_region(const struct refdata *rd, const char *code)
{
	if (rd->regions == NULL)
		return NULL;
	return bsearch(code, rd->regions, rd->nregions, sizeof(*rd->regions), region_cmp);
}

const struct industry *
refdata_industry(const struct refdata *rd, const char *code)
{
	size_t i;

	for (i = 0; i < rd->nindustries; i++)
		if (strcmp(rd->industries[i].code, code) == 0)
			return &rd->industries[i];
	return NULL;
}

void
refdata_regions_xml(const struct refdata *rd, xmlNodePtr parent, const char *scope)
{
	xmlNodePtr top = xml_add(parent, "regions", NULL), prov = NULL, city = NULL, n;
	size_t i, slen = strlen(scope);
	static const char *const tag[] = { "", "province", "city", "county" };
	char city_code[4] = { 0 };

	/* Codes sorted ascending nest naturally: a province, its cities, each followed by its
	 * counties. A county without a city row (none in the data, but be safe) hangs on its
	 * province. */
	for (i = 0; i < rd->nregions; i++) {
		const struct region *r = &rd->regions[i];

		if (strncmp(r->code, scope, slen) != 0 || r->level < 1 || r->level > 3)
			continue;
		if (r->level == 1) {
			n = prov = xml_add(top, tag[1], NULL);
			city = NULL;
		} else if (r->level == 2) {
			if (prov == NULL)
				continue;
			n = city = xml_add(prov, tag[2], NULL);
			memcpy(city_code, r->code, 4);
		} else {
			xmlNodePtr up = city != NULL && strncmp(city_code, r->code, 4) == 0 ? city : prov;
			if (up == NULL)
				continue;
			n = xml_add(up, tag[3], NULL);
		}
		xml_attr(n, "code", r->code);
		xml_attr(n, "name", r->name);
	}
}

void
refdata_industries_xml(const struct refdata *rd, xmlNodePtr parent)
{
	xmlNodePtr top = xml_add(parent, "industries", NULL), n;
	size_t i;

	for (i = 0; i < rd->nindustries; i++) {
		n = xml_add(top, "option", rd->industries[i].name);
		xml_attr(n, "value", rd->industries[i].code);
	}
}
