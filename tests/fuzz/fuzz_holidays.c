/*
 * fuzz_holidays: libFuzzer harness for the calendar file parser (lib/holidays.c). Whatever the
 * bytes, the parser may not read past them, and every day it hands on must be a real
 * "YYYY-MM-DD" date with a clean name of at most HOLIDAYS_NAME_MAX characters; a refusal must
 * come with a reason and no day.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "holidays.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check_day(void *arg, const char date[11], bool off, const char *name)
{
	size_t n = strlen(name);
	cal_day d;

	(void)off;
	if (strlen(date) != 10 || !cal_parse(date, 10, &d) || n == 0 ||
	    !text_clean(name, n, false) || utf8_count(name, n) > HOLIDAYS_NAME_MAX)
		abort();
	(*(int *)arg)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	const char *why;
	int calls = 0, count, rc;

	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	rc = holidays_parse(size ? buf : NULL, size, check_day, &calls, &count, &why);
	if (rc != 0 || count != calls || (why == NULL) != (count > 0))
		abort();
	free(buf);
	return 0;
}
