/*
 * fuzz_validate: libFuzzer harness for the validators and the ticket/code/calendar parsers:
 * none may read past its input or crash, whatever the bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "crypto.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1), t[17], c[9];
	cal_day d;

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	(void)utf8_valid(s, size);
	(void)text_clean(s, size, true);
	(void)valid_id_number(s, size);
	(void)valid_credit_code(s, size);
	(void)valid_phone(s, size);
	(void)valid_email(s, size);
	(void)ticket_parse(s, size, t);
	(void)code_parse(s, size, c);
	(void)cal_parse(s, size, &d);
	if (utf8_valid(s, size))
		(void)utf8_count(s, size);
	free(s);
	return 0;
}
