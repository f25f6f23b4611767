/*
 * unit.h: the smallest test harness that does the job. Each test program includes it, calls
 * CHECK() for every behaviour it asserts and ends main() with `return unit_done();`, which prints
 * one line "name: N passed, N failed" and returns non-zero when anything failed.
 */
#ifndef JUBAO_UNIT_H
#define JUBAO_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond) do {                                                        \
	if (cond) {                                                             \
		unit_passed++;                                                  \
	} else {                                                                \
		unit_failed++;                                                  \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
		    #cond);                                                     \
	}                                                                       \
} while (0)

#define CHECK_STR(got, want) CHECK((got) != NULL && strcmp((got), (want)) == 0)

static inline int
unit_done_named(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed != 0;
}

#define unit_done() unit_done_named(__FILE__)

/* A malloc'd copy of s[0..len) with nothing after it, so that AddressSanitizer catches a parser
 * that reads one byte too far. The caller frees it. */
static inline char *
exact_copy(const char *s, size_t len)
{
	char *p;

	if ((p = malloc(len == 0 ? 1 : len)) == NULL)
		abort();
	if (len > 0)
		memcpy(p, s, len);
	return p;
}

#endif
