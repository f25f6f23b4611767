/* listcache: see listcache.h. */
#include <stdlib.h>
#include <string.h>

#include "listcache.h"
#include "log.h"

/* What a page costs against max_bytes: its bytes and its bookkeeping. */
static size_t
page_cost(const struct listcache_page *p)
{
	return p->gzlen + sizeof(*p);
}

static size_t
bucket_of(const char *key)
{
	uint32_t h = 2166136261u;       /* FNV-1a */

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h & (LISTCACHE_BUCKETS - 1);
}

void
listcache_init(struct listcache *c, size_t max_bytes)
{
	memset(c, 0, sizeof(*c));
	c->max_bytes = max_bytes;
}

static void
unlink_use(struct listcache *c, struct listcache_page *p)
{
	if (p->newer != NULL)
		p->newer->older = p->older;
	else
		c->newest = p->older;
	if (p->older != NULL)
		p->older->newer = p->newer;
	else
		c->oldest = p->newer;
	p->newer = p->older = NULL;
}

static void
link_newest(struct listcache *c, struct listcache_page *p)
{
	p->older = c->newest;
	p->newer = NULL;
	if (c->newest != NULL)
		c->newest->newer = p;
	c->newest = p;
	if (c->oldest == NULL)
		c->oldest = p;
}

static void
drop(struct listcache *c, struct listcache_page *p)
{
	struct listcache_page **pp = &c->buckets[bucket_of(p->key)];

	while (*pp != p)
		pp = &(*pp)->next;
	*pp = p->next;
	unlink_use(c, p);
	c->bytes -= page_cost(p);
	free(p->gz);
	free(p);
}

void
listcache_free(struct listcache *c)
{
	while (c->oldest != NULL)
		drop(c, c->oldest);
}

void
listcache_stamp(struct listcache *c, uint64_t version, uint64_t refdata_names)
{
	if (c->version == version && c->refdata == refdata_names)
		return;
	listcache_free(c);
	c->version = version;
	c->refdata = refdata_names;
}

const struct listcache_page *
listcache_get(struct listcache *c, const char *key)
{
	struct listcache_page *p;

	for (p = c->buckets[bucket_of(key)]; p != NULL; p = p->next)
		if (strcmp(p->key, key) == 0) {
			unlink_use(c, p);
			link_newest(c, p);
			c->hits++;
			return p;
		}
	c->misses++;
	return NULL;
}

void
listcache_put(struct listcache *c, const char *key, const unsigned char *gz, size_t gzlen,
    size_t rawlen)
{
	struct listcache_page *p, *old;
	size_t b, klen = strlen(key);

	if (klen >= LISTCACHE_KEY_MAX || gzlen + sizeof(*p) > c->max_bytes)
		return;
	b = bucket_of(key);
	for (old = c->buckets[b]; old != NULL; old = old->next)
		if (strcmp(old->key, key) == 0) {
			drop(c, old);
			break;
		}
	if ((p = calloc(1, sizeof(*p))) == NULL || (p->gz = malloc(gzlen)) == NULL)
		log_fatal("listcache: out of memory");
	memcpy(p->key, key, klen + 1);
	memcpy(p->gz, gz, gzlen);
	p->gzlen = gzlen;
	p->rawlen = rawlen;
	while (c->oldest != NULL && c->bytes + page_cost(p) > c->max_bytes)
		drop(c, c->oldest);
	p->next = c->buckets[b];
	c->buckets[b] = p;
	link_newest(c, p);
	c->bytes += page_cost(p);
}
