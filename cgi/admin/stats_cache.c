/*
 * stats_cache: the summed rows of the statistics views this worker has shown, kept while the
 * summary's version (sql/019, read once per view) is the one they were read at. A provincial
 * view sums some 2,000 summary rows in ten statements, 27 DECIMAL sums a row: about 8 ms of
 * MariaDB's CPU, the largest part of the page, and the same again at every view of an
 * unchanged summary. Every change of the summary adds 1 to the version in its transaction
 * (stats_bump), so a view after a change reads the rows again: never a figure older than the
 * last commit, and no time-based staleness.
 *
 * A few slots, the least recently used replaced; each holds its own copy of the rows (malloc),
 * and a hit copies them into the request's arena, so nothing the request holds points here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "log.h"

#define STATS_CACHE_SLOTS 16
#define STATS_CACHE_ROWS  4096      /* a view with more rows is not kept */

struct stats_cached {
	char              key[STATS_CACHE_KEY];
	int64_t           version;
	uint64_t          used;         /* the request count at the last hit: the LRU's clock */
	size_t            n[STATS_SETS], total;
	struct stats_row *rows;         /* the sets one after another */
	int64_t           w[SM__MAX];
	bool              full;
};

static struct stats_cached cache[STATS_CACHE_SLOTS];
static uint64_t clock_now;

bool
stats_cache_get(struct ctx *c, const char *key, int64_t version,
    struct stats_rows sets[STATS_SETS], int64_t w[SM__MAX])
{
	struct stats_cached *e;
	struct stats_row *r;
	size_t i, j, off;

	for (i = 0; i < STATS_CACHE_SLOTS; i++) {
		e = &cache[i];
		if (!e->full || e->version != version || strcmp(e->key, key) != 0)
			continue;
		e->used = ++clock_now;
		r = arena_alloc(&c->arena, (e->total + 1) * sizeof(*r));
		memcpy(r, e->rows, e->total * sizeof(*r));
		for (off = 0, j = 0; j < STATS_SETS; off += e->n[j], j++) {
			sets[j].r = r + off;
			sets[j].n = e->n[j];
		}
		memcpy(w, e->w, sizeof(e->w));
		return true;
	}
	return false;
}

void
stats_cache_put(const char *key, int64_t version, const struct stats_rows sets[STATS_SETS],
    const int64_t w[SM__MAX])
{
	struct stats_cached *e = &cache[0];
	struct stats_row *rows;
	size_t i, total = 0, off;

	if (strlen(key) >= STATS_CACHE_KEY)
		return;
	for (i = 0; i < STATS_SETS; i++)
		total += sets[i].n;
	if (total > STATS_CACHE_ROWS)
		return;
	/* the same view at an older version, else an empty slot, else the least recently used */
	for (i = 0; i < STATS_CACHE_SLOTS; i++) {
		if (cache[i].full && strcmp(cache[i].key, key) == 0) {
			e = &cache[i];
			break;
		}
		if (!cache[i].full || (e->full && cache[i].used < e->used))
			e = &cache[i];
	}
	if ((rows = malloc((total + 1) * sizeof(*rows))) == NULL)
		log_fatal("stats_cache: out of memory");
	for (off = 0, i = 0; i < STATS_SETS; off += sets[i].n, i++) {
		if (sets[i].n > 0)
			memcpy(rows + off, sets[i].r, sets[i].n * sizeof(*rows));
		e->n[i] = sets[i].n;
	}
	free(e->rows);
	e->rows = rows;
	e->total = total;
	snprintf(e->key, sizeof(e->key), "%s", key);
	e->version = version;
	e->used = ++clock_now;
	memcpy(e->w, w, sizeof(e->w));
	e->full = true;
}
