/*
 * publish: the published lists as static files. Published pages change rarely and are read
 * often, so on every change the console writes the unfiltered pages of the list concerned, its
 * entry pages and its feeds into the publication directory (config `publish_dir`), which nginx
 * and Apache serve directly; only filtered or searched views reach the lists program. Each file
 * is written to a temporary name and renamed, so a crash leaves the old page, never a torn one;
 * `jubaoctl publish` rebuilds everything from the database.
 */
#ifndef JUBAO_PUBLISH_H
#define JUBAO_PUBLISH_H

#include <stdint.h>

#include "app.h"
#include "lists.h"

/* After a change to entry id of list t has been committed: rewrite what shows it. 0 ok; -1
 * when a file could not be written (logged; the program's own pages still answer, and the
 * next change or `jubaoctl publish` writes it). */
int publish_after_change(struct ctx *, enum list_type t, int64_t entry_id);

#endif
