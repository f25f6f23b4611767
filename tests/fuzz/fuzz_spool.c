/*
 * fuzz_spool: libFuzzer harness for the spool record's parsers (lib/spool.c). The body is sealed,
 * but to a public key that the public programs hold, so whoever takes over a public worker can
 * write a record that opens: jubaoctl spool-import (as root) parses those bytes. Whatever they
 * are, spool_decode may not read past them; what it accepts encodes back to the same bytes (the
 * format has one spelling), and the head parser reads exactly its fixed length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct spool_body b;
	struct spool_head h;
	uint8_t *again;
	size_t len;

	if (spool_decode(data, size, &b) == 0) {
		if (spool_encode(&b, &again, &len) != 0 || len != size ||
		    memcmp(again, data, size) != 0)
			abort();
		free(again);
	}
	if (spool_head_parse(data, size, &h) == 0 && (size < SPOOL_HEAD_LEN ||
	    strlen(h.ticket) != 16))
		abort();
	return 0;
}
