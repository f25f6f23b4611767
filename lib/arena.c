/* arena: see arena.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "log.h"

#define ARENA_CHUNK 65536
#define ARENA_ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t              size;   /* usable bytes in data */
	size_t              used;
	_Alignas(16) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

static struct arena_chunk *
arena_chunk_new(size_t size)
{
	struct arena_chunk *c;

	if (size > SIZE_MAX - sizeof(*c))
		log_fatal("arena: request of %zu bytes", size);
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		log_fatal("arena: out of memory (%zu bytes)", size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	size_t need;
	void *p;

	if (size > SIZE_MAX - ARENA_ALIGN)
		log_fatal("arena: request of %zu bytes", size);
	need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (c == NULL || c->size - c->used < need) {
		/* Large blocks get a chunk of their own, placed behind the current one so that
		 * the current chunk's free space is not wasted. */
		struct arena_chunk *n = arena_chunk_new(need > ARENA_CHUNK ? need : ARENA_CHUNK);
		if (c != NULL && need > ARENA_CHUNK) {
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			a->head = n;
		}
		c = n;
	}
	p = c->data + c->used;
	c->used += need;
	a->total += need;
	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX)
		log_fatal("arena: string too long");
	p = arena_alloc(a, len + 1);
	if (len > 0)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_reset_wipe(struct arena *a)
{
	struct arena_chunk *c;

	for (c = a->head; c != NULL; c = c->next)
		explicit_bzero(c->data, c->used);
	arena_reset(a);
}

void
arena_reset(struct arena *a)
{
	struct arena_chunk *c, *next;

	if (a->head == NULL)
		return;
	/* Keep the first ordinary-sized chunk; big ones are not worth keeping. */
	for (c = a->head->next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head->next = NULL;
	if (a->head->size > ARENA_CHUNK) {
		free(a->head);
		a->head = NULL;
	} else
		a->head->used = 0;
	a->total = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
	a->total = 0;
}
