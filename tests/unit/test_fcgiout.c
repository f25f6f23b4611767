/*
 * test_fcgiout.c: lib/fcgiout.c. The records a whole answer is written as parse back, as nginx
 * reads them, into exactly the header block followed by the body: version 1, type FCGI_STDOUT,
 * the request's id, no record over 65,535 bytes of content, no empty record (that would end the
 * stream early), at the sizes around a record's limit and across the header/body seam.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fcgiout.h"
#include "unit.h"

/* Parse records as a FastCGI client would; 0 when every record is well formed. */
static int
parse_back(const uint8_t *rec, size_t n, unsigned id, uint8_t *content, size_t *clen)
{
	size_t at = 0;

	*clen = 0;
	while (at < n) {
		size_t len, pad;

		if (n - at < FCGIOUT_HEADER || rec[at] != 1 || rec[at + 1] != 6 ||
		    ((unsigned)rec[at + 2] << 8 | rec[at + 3]) != id)
			return -1;
		len = (size_t)rec[at + 4] << 8 | rec[at + 5];
		pad = rec[at + 6];
		if (len == 0 || n - at - FCGIOUT_HEADER < len + pad)
			return -1;
		memcpy(content + *clen, rec + at + FCGIOUT_HEADER, len);
		*clen += len;
		at += FCGIOUT_HEADER + len + pad;
	}
	return 0;
}

static void
round_trip(size_t alen, size_t blen, unsigned id)
{
	size_t total = alen + blen, size = fcgiout_size(total), clen = 0, i;
	uint8_t *a = malloc(alen + 1), *b = malloc(blen + 1), *rec = malloc(size + 1);
	uint8_t *back = malloc(total + 1);

	CHECK(a != NULL && b != NULL && rec != NULL && back != NULL);
	for (i = 0; i < alen; i++)
		a[i] = (uint8_t)('A' + i % 23);
	for (i = 0; i < blen; i++)
		b[i] = (uint8_t)(i * 7 + 3);
	CHECK(fcgiout_records(rec, id, a, alen, b, blen) == size);
	CHECK(parse_back(rec, size, id, back, &clen) == 0);
	CHECK(clen == total);
	CHECK(memcmp(back, a, alen) == 0);
	CHECK(memcmp(back + alen, b, blen) == 0);
	free(a);
	free(b);
	free(rec);
	free(back);
}

int
main(void)
{
	static const size_t sizes[] = { 0, 1, 7, 8, 300, 65527, 65528, 65529, 65535, 65536,
	    131056, 131057, 400000 };
	size_t i, j;

	CHECK(fcgiout_size(0) == 0);
	CHECK(fcgiout_size(1) == 9);
	CHECK(fcgiout_size(65528) == 65536);
	CHECK(fcgiout_size(65529) == 65545);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		for (j = 0; j < sizeof(sizes) / sizeof(sizes[0]); j += 3)
			round_trip(sizes[i], sizes[j], i % 2 ? 1 : 65535);
	return unit_done();
}
