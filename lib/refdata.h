/*
 * refdata: the reference tables every request consults (regions, industries, the working-day
 * calendar), cached in each process and reloaded from the database every few minutes, so that a
 * request validates a region code without a query and an edit in the database shows within
 * minutes. When a reload fails the old copy stays in use.
 */
#ifndef JUBAO_REFDATA_H
#define JUBAO_REFDATA_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <libxml/tree.h>

#include "calendar.h"
#include "db.h"

struct region {
	char code[7];
	char name[64 * 4];
	int  level;              /* 1 province, 2 city, 3 county */
};

struct industry {
	char code[33];
	char name[64 * 4];
};

struct refdata {
	struct region   *regions;      /* sorted by code */
	size_t           nregions;
	struct industry *industries;   /* in display order */
	size_t           nindustries;
	struct calendar *calendar;
	time_t           loaded;
	uint64_t         names;        /* a digest of the regions' and industries' codes and names:
	                                * changes only when a reload brought other names (what a
	                                * cached page shows of them, lib/listcache.h) */
};

/* Load when never loaded or older than max_age seconds. DB_OK, or the db error when nothing is
 * loaded yet (a stale copy counts as loaded). */
int refdata_refresh(struct refdata *, struct db *, time_t now, int max_age);
void refdata_free(struct refdata *);

const struct region *refdata_region(const struct refdata *, const char *code);
const struct industry *refdata_industry(const struct refdata *, const char *code);
/* <regions><province code name><city code name><county code name/>… limited to codes that start
 * with scope (a 2-digit province prefix, or "" for all). */
void refdata_regions_xml(const struct refdata *, xmlNodePtr parent, const char *scope);
void refdata_industries_xml(const struct refdata *, xmlNodePtr parent);

#endif
