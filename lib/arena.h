/*
 * arena: the per-request memory pool. Everything a request parses or builds is allocated here and
 * released at once by arena_reset() after the answer is sent, so no handler frees piecemeal and no
 * pointer from one request survives into the next. Allocation failure ends the process (log_fatal).
 */
#ifndef JUBAO_ARENA_H
#define JUBAO_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t              total;    /* bytes handed out since the last reset */
};

void   arena_init(struct arena *);
/* Zeroed memory aligned for any type; valid until the next arena_reset/arena_free. */
void  *arena_alloc(struct arena *, size_t size);
/* Copy of [s, s+len) with a NUL after it. */
char  *arena_strndup(struct arena *, const char *s, size_t len);
char  *arena_strdup(struct arena *, const char *s);
/* Release everything but keep one chunk for the next request. */
void   arena_reset(struct arena *);
/* The same, after overwriting every byte handed out with zeros (explicit_bzero): for programs
 * whose requests carry a reporter's identity or a query code, so that neither stays in freed
 * memory. */
void   arena_reset_wipe(struct arena *);
void   arena_free(struct arena *);

#endif
