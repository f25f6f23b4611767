/*
 * publish: the published lists as static files. Published pages change rarely and are read
 * often, so on every change the console writes the unfiltered pages of the list concerned, its
 * entry pages and its feeds into the publication directory (config `publish_dir`), which nginx
 * and Apache serve directly; only filtered or searched views reach the lists program. Each file
 * is written to a temporary name and renamed, so a crash leaves the old page, never a torn one;
 * `jubaoctl publish` rebuilds everything from the database.
 *
 * The files mirror the URLs under publish_dir/<url_prefix>/lists/:
 *   index.html                      /lists
 *   {type}/index.html               /lists/{type}
 *   {type}/page/{n}/index.html      /lists/{type}/page/{n} (n >= 2)
 *   {type}/{id}/index.html          /lists/{type}/{id}
 *   {type}.csv, {type}.atom         the feeds
 * The documents and the stylesheet are the lists program's own (lib/listpages.c, lists.xsl).
 */
#ifndef JUBAO_PUBLISH_H
#define JUBAO_PUBLISH_H

#include <stdint.h>

#include "app.h"
#include "lists.h"
#include "listpages.h"
#include "render.h"

struct publisher {
	struct listsrc  src;
	struct render  *render;
	size_t          sheet;          /* lists.xsl in render */
	unsigned long   files;          /* written so far */
	void          (*on_file)(void *arg);  /* NULL, or told after each file (jubaoctl's
	                                       * progress line) */
	void           *on_file_arg;
};

/* Everything of list t: its pages, every public entry's page, the CSV and the Atom feed. 0 ok,
 * -1 (logged). */
int publish_list(struct publisher *, enum list_type t);
/* One entry's page (nothing when it is not public). */
int publish_entry(struct publisher *, enum list_type t, int64_t id);
/* The pages, the feeds and the index of list t, without the other entries' pages. */
int publish_list_pages(struct publisher *, enum list_type t);
int publish_index(struct publisher *);
/* Every list and the index: what `jubaoctl publish` runs. */
int publish_all(struct publisher *);

/* After a change to entry id of list t has been committed: rewrite what shows it. 0 ok; -1
 * when a file could not be written (logged; the program's own pages still answer, and the
 * next change or `jubaoctl publish` writes it). Nothing when publish_dir is not set. */
int publish_after_change(struct ctx *, enum list_type t, int64_t entry_id);

#endif
