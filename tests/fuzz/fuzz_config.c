/*
 * fuzz_config: libFuzzer harness for the configuration file parser (config_parse in
 * lib/config.c). No input may make it read past its end or overflow a field; an error must
 * come with a one-line reason, and an accepted file must leave the required paths set.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	char *buf = malloc(size ? size : 1), err[256];

	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	err[0] = '\0';
	if (config_parse(&c, size ? buf : NULL, size, "fuzz.conf", err, sizeof(err)) != 0) {
		if (strncmp(err, "fuzz.conf", 9) != 0 || strchr(err, '\n') != NULL)
			abort();
	} else if (c.key_file[0] == '\0' || c.xslt_dir[0] == '\0' ||
	    c.attachment_dir[0] == '\0' || c.max_body < c.max_file)
		abort();
	free(buf);
	return 0;
}
