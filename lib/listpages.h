/*
 * listpages: the documents of the public lists, built from the database: the index with the
 * counts, a page of a list (filtered or not), an entry, the annual exit figures, and the two
 * feeds: the CSV, written row by row to a sink in chunks of LIST_CHUNK rows (never the whole
 * list in memory), and the Atom feed. The lists program answers with them and lib/publish.c
 * writes the same documents, through the same stylesheet, as static files: one source for both.
 */
#ifndef JUBAO_LISTPAGES_H
#define JUBAO_LISTPAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "config.h"
#include "db.h"
#include "lists.h"
#include "refdata.h"

#define LIST_PAGE_SIZE 20
#define LIST_PAGE_MAX  100000       /* the page numbers the key table accepts */
#define LIST_CHUNK     500          /* rows per statement of the CSV */

/* What a list page shows: a list type and its filters (absent ones NULL, 0 or -1). */
struct list_filter {
	enum list_type type;
	int            year;          /* 0: any */
	char           region[7];     /* a prefix: "22", "2201", "220102"; "": anywhere */
	const char    *industry;      /* NULL: any */
	int            state;         /* enum entry_state, -1: any public state */
	int64_t        page;          /* from 1 */
};

/* Where the documents come from. */
struct listsrc {
	struct db             *db;
	const struct refdata  *rd;
	const struct config   *cfg;
	uint64_t               version;     /* > 0: the lists' version read for this
	                                     * request (the lists program): the form's years
	                                     * kept from a request at the same version are
	                                     * used; 0: always read */
};

/* The lists' version (sql/016): a number the database changes with every change of an
 * entry, an item or a department. DB_OK or a db error (listyears.c). */
int listpages_version(struct db *, uint64_t *version);

/* The years with public entries of list type ("" every list), newest first, as
 * <year value="…"/> children of parent (listyears.c). DB_OK or a db error. */
int listpages_years(const struct listsrc *, const char *type, xmlNodePtr parent);

/* Each returns DB_OK with *doc set, or a db error (nothing to free). */
int listpages_index(const struct listsrc *, xmlDocPtr *doc);
/* *pages is the number of pages of the filtered list; a page past it gives *doc NULL (404). */
int listpages_list(const struct listsrc *, const struct list_filter *, xmlDocPtr *doc,
    int64_t *pages);
/* *doc NULL when there is no such public entry (404: drafts never show). */
int listpages_entry(const struct listsrc *, enum list_type, int64_t id, xmlDocPtr *doc);
int listpages_annual(const struct listsrc *, int year, xmlDocPtr *doc);   /* listannual.c */
/* The Chinese name of an industry code (the code itself when unknown). */
const char *listpages_industry_name(const struct refdata *, const char *code);
/* The Atom feed (RFC 4287) of a list's newest entries, serialised: *out malloc'ed (xmlFree). */
int listpages_atom(const struct listsrc *, enum list_type,
    xmlChar **out, int *outlen);

/* The CSV of a filtered list (page ignored): UTF-8 with a BOM, RFC 4180 quoting, Chinese
 * headers and labels, formula-safe cells, handed to sink piece by piece. sink returns 0, or
 * non-zero to stop (the reader went away). DB_OK, a db error, or DB_FAIL when sink stopped. */
typedef int (*list_sink)(void *arg, const char *buf, size_t len);
int listpages_csv(const struct listsrc *, const struct list_filter *, list_sink, void *arg);

/* One CSV cell as RFC 4180 wants it, made formula-safe (a leading = + - @ tab or CR gets a
 * '); appended to out (cap bytes), which is always NUL-terminated. false when it did not fit. */
bool csv_cell(char *out, size_t cap, size_t *used, const char *value);

/* The display name of a region code: "吉林省 长春市 南关区" (the code itself when unknown). */
void listpages_region_name(const struct refdata *, const char *code, char *out, size_t cap);

#endif
