/*
 * test_gz.c: lib/gz.c. A page compresses to a gzip stream that Python's and gzip(1)'s reader
 * would take (magic, method, a zero time, no name) and inflates to the same bytes; the same
 * bytes always give the same file; a stream written in pieces inflates to the whole; a stream that is cut, altered or longer than announced is
 * refused; Accept-Encoding is read as RFC 9110 says (q=0 refuses, a named coding beats "*").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gz.h"
#include "unit.h"

static void
test_round_trip(void)
{
	static char page[50000];
	unsigned char *gz = NULL, *gz2 = NULL, *raw = NULL;
	size_t gzlen = 0, gzlen2 = 0, i;

	for (i = 0; i < sizeof(page); i++)
		page[i] = "<tr><td>基准测试企业</td></tr>\n"[i % 37];
	CHECK(gz_compress(page, sizeof(page), 6, &gz, &gzlen) == 0);
	CHECK(gz != NULL && gzlen > 18 && gzlen < sizeof(page) / 4);
	/* RFC 1952: ID1 ID2 CM=8, no FNAME, MTIME 0 */
	CHECK(gz[0] == 0x1f && gz[1] == 0x8b && gz[2] == 8 && (gz[3] & 0x08) == 0);
	CHECK(gz[4] == 0 && gz[5] == 0 && gz[6] == 0 && gz[7] == 0);
	CHECK(gz_inflate(gz, gzlen, sizeof(page), &raw) == 0);
	CHECK(raw != NULL && memcmp(raw, page, sizeof(page)) == 0);
	free(raw);
	CHECK(gz_compress(page, sizeof(page), 6, &gz2, &gzlen2) == 0);
	CHECK(gzlen2 == gzlen && memcmp(gz, gz2, gzlen) == 0);
	/* The wrong length, a cut stream, a flipped byte: refused. */
	CHECK(gz_inflate(gz, gzlen, sizeof(page) - 1, &raw) == -1 && raw == NULL);
	CHECK(gz_inflate(gz, gzlen, sizeof(page) + 1, &raw) == -1 && raw == NULL);
	CHECK(gz_inflate(gz, gzlen - 5, sizeof(page), &raw) == -1 && raw == NULL);
	gz[gzlen / 2] ^= 0x55;
	CHECK(gz_inflate(gz, gzlen, sizeof(page), &raw) == -1 && raw == NULL);
	free(gz);
	free(gz2);
	/* Empty input is a valid stream of nothing. */
	CHECK(gz_compress("", 0, 9, &gz, &gzlen) == 0 && gzlen >= 20);
	CHECK(gz_inflate(gz, gzlen, 0, &raw) == 0);
	free(raw);
	free(gz);
}

/* Written in pieces of every size into a file: the file inflates to the whole. */
static void
test_stream(void)
{
	static char page[200000];
	struct gz_stream g;
	unsigned char *back = NULL, *raw = NULL;
	size_t i, off, n, len;
	FILE *f = tmpfile();

	CHECK(f != NULL);
	if (f == NULL)
		return;
	for (i = 0; i < sizeof(page); i++)
		page[i] = (char)("<td>吉林省</td>"[i % 17] ^ (i % 251 == 0));
	CHECK(gz_stream_begin(&g, f, 9) == 0);
	for (off = 0, n = 1; off < sizeof(page); off += n, n = n * 3 + 1) {
		if (n > sizeof(page) - off)
			n = sizeof(page) - off;
		CHECK(gz_stream_put(&g, page + off, n) == 0);
	}
	CHECK(gz_stream_end(&g) == 0);
	CHECK(gz_stream_put(&g, "x", 1) == -1);          /* ended */
	len = (size_t)ftell(f);
	rewind(f);
	back = malloc(len);
	CHECK(back != NULL && fread(back, 1, len, f) == len);
	CHECK(gz_inflate(back, len, sizeof(page), &raw) == 0);
	CHECK(raw != NULL && memcmp(raw, page, sizeof(page)) == 0);
	free(raw);
	free(back);
	fclose(f);
}

static void
test_accept(void)
{
	CHECK(gz_accepted("gzip, deflate, br"));
	CHECK(gz_accepted("br;q=1.0, GZIP;q=0.5"));
	CHECK(gz_accepted("x-gzip"));
	CHECK(gz_accepted(" deflate , gzip "));
	CHECK(gz_accepted("*"));
	CHECK(gz_accepted("gzip;q=0.001"));
	CHECK(!gz_accepted(NULL));
	CHECK(!gz_accepted(""));
	CHECK(!gz_accepted("identity"));
	CHECK(!gz_accepted("deflate, br"));
	CHECK(!gz_accepted("gzip;q=0"));
	CHECK(!gz_accepted("gzip; q=0.000"));
	CHECK(!gz_accepted("*, gzip;q=0"));
	CHECK(gz_accepted("*;q=0.5, br"));
	CHECK(!gz_accepted("*;q=0"));
	CHECK(!gz_accepted("gzipx, xgzip"));
}

int
main(void)
{
	test_round_trip();
	test_stream();
	test_accept();
	return unit_done();
}
