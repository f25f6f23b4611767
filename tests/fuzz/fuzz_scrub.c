/*
 * fuzz_scrub: libFuzzer harness for the JPEG and PNG scrubbers (lib/scrub.c). Whatever the
 * bytes, neither may read past them or write past an output of the same size; what they accept
 * comes out no longer than it went in, measuring (out NULL) gives the same answer and length as
 * writing, and a scrubbed file scrubs to itself: nothing left to remove, nothing lost.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scrub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int (*scrub_fn)(const uint8_t *, size_t, uint8_t *, size_t *);

static void
one(scrub_fn f, const uint8_t *data, size_t size)
{
	uint8_t *out, *again;
	size_t outlen = 0, measured = 0, againlen = 0;
	int rc;

	if ((out = malloc(size ? size : 1)) == NULL)
		abort();
	rc = f(data, size, out, &outlen);
	if (rc != f(data, size, NULL, &measured))
		abort();
	if (rc == 0) {
		if (outlen > size || measured != outlen)
			abort();
		if ((again = malloc(outlen ? outlen : 1)) == NULL)
			abort();
		if (f(out, outlen, again, &againlen) != 0 || againlen != outlen ||
		    memcmp(again, out, outlen) != 0)
			abort();
		free(again);
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one(scrub_jpeg, data, size);
	one(scrub_png, data, size);
	return 0;
}
