/*
 * test_listcache.c: lib/listcache.c. A page put is found under its key and no other; a new
 * version or a new load of the reference data drops every page; the bytes stay within the
 * bound, the least recently used page going first; a page larger than the bound is not kept.
 */
#include <stdint.h>
#include <string.h>

#include "listcache.h"
#include "unit.h"

static unsigned char page[4000];

static void
test_get_put(void)
{
	struct listcache c;
	const struct listcache_page *p;

	listcache_init(&c, 1 << 20);
	listcache_stamp(&c, 7, 100);
	memset(page, 'a', sizeof(page));
	listcache_put(&c, "violation|2026|2201||-1|1", page, 1000, 42000);
	p = listcache_get(&c, "violation|2026|2201||-1|1");
	CHECK(p != NULL && p->gzlen == 1000 && p->rawlen == 42000 && p->gz[999] == 'a');
	CHECK(listcache_get(&c, "violation|2026|2201||-1|2") == NULL);
	CHECK(listcache_get(&c, "violation|2026|22||-1|1") == NULL);
	/* Replacing a key keeps one page. */
	memset(page, 'b', sizeof(page));
	listcache_put(&c, "violation|2026|2201||-1|1", page, 500, 41000);
	p = listcache_get(&c, "violation|2026|2201||-1|1");
	CHECK(p != NULL && p->gzlen == 500 && p->gz[0] == 'b');
	CHECK(c.bytes == 500 + sizeof(struct listcache_page));
	/* The same stamp keeps it; another version or reference data drops it. */
	listcache_stamp(&c, 7, 100);
	CHECK(listcache_get(&c, "violation|2026|2201||-1|1") != NULL);
	listcache_stamp(&c, 8, 100);
	CHECK(listcache_get(&c, "violation|2026|2201||-1|1") == NULL && c.bytes == 0);
	listcache_put(&c, "k", page, 10, 10);
	listcache_stamp(&c, 8, 101);
	CHECK(listcache_get(&c, "k") == NULL);
	/* A key too long is not kept. */
	char longkey[LISTCACHE_KEY_MAX + 1];
	memset(longkey, 'x', sizeof(longkey) - 1);
	longkey[sizeof(longkey) - 1] = '\0';
	listcache_put(&c, longkey, page, 10, 10);
	CHECK(listcache_get(&c, longkey) == NULL && c.bytes == 0);
	listcache_free(&c);
}

static void
test_bound(void)
{
	struct listcache c;
	size_t cost = 1000 + sizeof(struct listcache_page);
	char key[32];
	int i;

	listcache_init(&c, 3 * cost);
	listcache_stamp(&c, 1, 1);
	for (i = 0; i < 3; i++) {
		snprintf(key, sizeof(key), "p%d", i);
		listcache_put(&c, key, page, 1000, 2000);
	}
	CHECK(c.bytes == 3 * cost);
	CHECK(listcache_get(&c, "p0") != NULL);     /* p1 is now the least recently used */
	listcache_put(&c, "p3", page, 1000, 2000);
	CHECK(c.bytes <= 3 * cost);
	CHECK(listcache_get(&c, "p1") == NULL);
	CHECK(listcache_get(&c, "p0") != NULL && listcache_get(&c, "p2") != NULL &&
	    listcache_get(&c, "p3") != NULL);
	/* Larger than the whole bound: not kept, nothing dropped for it. */
	listcache_put(&c, "big", page, 3 * cost, 9000);
	CHECK(listcache_get(&c, "big") == NULL && listcache_get(&c, "p3") != NULL);
	/* Many keys, one bucket or many: every one found while it fits. */
	listcache_free(&c);
	listcache_init(&c, 5000 * (10 + sizeof(struct listcache_page)));
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		listcache_put(&c, key, page, 10, 10);
	}
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		if (listcache_get(&c, key) == NULL)
			break;
	}
	CHECK(i == 5000);
	listcache_free(&c);
	CHECK(c.bytes == 0 && c.newest == NULL && c.oldest == NULL);
}

int
main(void)
{
	test_get_put();
	test_bound();
	return unit_done();
}
