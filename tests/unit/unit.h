/*
 * unit.h: the smallest test harness that does the job. Each test program includes it, calls
 * CHECK() for every behaviour it asserts and ends main() with `return unit_done();`, which prints
 * one line "name: N passed, N failed" and returns non-zero when anything failed.
 */
#ifndef JUBAO_UNIT_H
#define JUBAO_UNIT_H

#include <stdio.h>
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

#endif
