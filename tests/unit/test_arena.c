/*
 * test_arena.c: lib/arena.c, the per-request memory: allocations are zeroed and aligned, a reset
 * keeps one ordinary chunk, and arena_reset_wipe leaves no byte of a request (a reporter's
 * identity, a query code) in that chunk or in freed memory. The test includes arena.c to look
 * at the chunk itself (h2o's practice).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "../../lib/arena.c"
#include "unit.h"

static bool
all_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			return false;
	return true;
}

static void
test_alloc(void)
{
	struct arena a;
	unsigned char *p, *q;

	arena_init(&a);
	p = arena_alloc(&a, 100);
	CHECK(p != NULL && all_zero(p, 100));
	CHECK(((uintptr_t)p % 16) == 0);
	q = arena_alloc(&a, 3);
	CHECK(q != NULL && ((uintptr_t)q % 16) == 0 && q != p);
	CHECK_STR(arena_strndup(&a, "abcdef", 3), "abc");
	arena_free(&a);
}

static void
test_wipe(void)
{
	static const char secret[] = "张三 13800138000 ABCD2345";
	struct arena a;
	unsigned char *p;

	arena_init(&a);
	p = arena_alloc(&a, sizeof(secret));
	memcpy(p, secret, sizeof(secret));
	arena_reset(&a);
	/* a plain reset keeps the chunk as it was: the secret is still there */
	CHECK(a.head != NULL && memcmp(a.head->data, secret, sizeof(secret)) == 0);
	p = arena_alloc(&a, sizeof(secret));
	memcpy(p, secret, sizeof(secret));
	arena_reset_wipe(&a);
	CHECK(a.head != NULL && all_zero(a.head->data, sizeof(secret)));
	/* a big allocation in a chunk of its own is wiped before it is freed: nothing to look at
	 * afterwards, but the wipe must not touch more than was handed out (ASan would say) */
	p = arena_alloc(&a, 3 * ARENA_CHUNK);
	memcpy(p, secret, sizeof(secret));
	arena_reset_wipe(&a);
	CHECK(a.total == 0);
	arena_free(&a);
}

int
main(void)
{
	test_alloc();
	test_wipe();
	return unit_done();
}
