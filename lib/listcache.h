/*
 * listcache: whole rendered pages of the lists program, per process, so that a filtered view
 * (/lists/violation?region=2201&year=2026) asked for again costs one primary-key SELECT and a
 * copy, not its count, its rows, its document and its transform (some 3.4 ms at 50,000
 * entries).
 *
 * Keys are built by the caller from validated values only (the normalized filter: canonical
 * order, region as its prefix), so that two spellings of one view share an entry and nothing a
 * client typed beyond them reaches a key. The pages are kept gzip-compressed (lib/gz.h), with
 * their length before compression: sent as they are to browsers that accept gzip, inflated for
 * the others.
 *
 * Correctness comes from the stamp: the version of the lists (a counter that the database bumps
 * in the same transaction as every change of a list entry, an item or a department; sql/016)
 * and a digest of the reference data's names (lib/refdata.h: regions and industries, reloaded
 * every few minutes, the same digest unless a name changed). listcache_stamp drops every page
 * when either
 * differs from the pages' own, so a page is only ever answered for the version it was built
 * from. Bounded by bytes (config lists_cache_bytes; 0 disables it): the least recently used
 * pages go first.
 */
#ifndef JUBAO_LISTCACHE_H
#define JUBAO_LISTCACHE_H

#include <stddef.h>
#include <stdint.h>

#define LISTCACHE_KEY_MAX 96
#define LISTCACHE_BUCKETS 1024          /* a power of two */

struct listcache_page {
	char                   key[LISTCACHE_KEY_MAX];
	unsigned char         *gz;            /* the page, gzip-compressed */
	size_t                 gzlen, rawlen;
	struct listcache_page *next;          /* in its bucket */
	struct listcache_page *newer, *older; /* in the use order */
};

struct listcache {
	size_t                 max_bytes, bytes;
	uint64_t               version;
	uint64_t               refdata;
	struct listcache_page *buckets[LISTCACHE_BUCKETS];
	struct listcache_page *newest, *oldest;
	unsigned long          hits, misses;
};

void listcache_init(struct listcache *, size_t max_bytes);
void listcache_free(struct listcache *);
/* The lists' current version and the reference data's digest: every page of another stamp is
 * dropped. */
void listcache_stamp(struct listcache *, uint64_t version, uint64_t refdata_names);
/* The page of key, or NULL; valid until the next put, stamp or free. */
const struct listcache_page *listcache_get(struct listcache *, const char *key);
/* Keep a copy of gz (gzlen bytes, rawlen before compression) under key, dropping the least
 * recently used pages to stay within max_bytes. Nothing when it cannot fit or the key is too
 * long. */
void listcache_put(struct listcache *, const char *key, const unsigned char *gz, size_t gzlen,
    size_t rawlen);

#endif
