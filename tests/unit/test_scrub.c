/*
 * test_scrub.c: unit tests of lib/scrub.c. Two kinds of input: the fixtures in tests/fixtures/
 * (a 1x1 JPEG and PNG into which exiftool wrote GPS, author, serial, XMP, IPTC, a comment and
 * PNG text; make.sh there rebuilds them), whose scrubbed copies must equal the plain files they
 * were made from, byte for byte; and files put together here segment by segment and chunk by
 * chunk, with the expected result put together beside them. Every input and output buffer is an
 * exact-size heap block, so that AddressSanitizer catches a read or write one byte too far.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scrub.h"
#include "unit.h"

typedef int (*scrub_fn)(const uint8_t *, size_t, uint8_t *, size_t *);

struct buf {
	uint8_t d[4096];
	size_t  n;
};

static void
add(struct buf *b, const void *p, size_t len)
{
	if (len > sizeof(b->d) - b->n)
		abort();
	memcpy(b->d + b->n, p, len);
	b->n += len;
}

static void
add_be(struct buf *b, uint32_t v, int bytes)
{
	uint8_t c;

	while (bytes-- > 0) {
		c = (uint8_t)(v >> (8 * bytes));
		add(b, &c, 1);
	}
}

/* A JPEG segment: marker m and payload p[0..len). */
static void
seg(struct buf *b, uint8_t m, const void *p, size_t len)
{
	uint8_t head[2] = { 0xff, m };

	add(b, head, 2);
	add_be(b, (uint32_t)len + 2, 2);
	add(b, p, len);
}

/* The CRC of PNG, bit by bit: an implementation apart from the one under test. */
static uint32_t
crc32_bits(const uint8_t *p, size_t len)
{
	uint32_t c = 0xffffffff;
	int k;

	while (len-- > 0) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320 ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xffffffff;
}

static void
chunk(struct buf *b, const char *type, const void *p, size_t len)
{
	size_t at;

	add_be(b, (uint32_t)len, 4);
	at = b->n;
	add(b, type, 4);
	add(b, p, len);
	add_be(b, crc32_bits(b->d + at, 4 + len), 4);
}

/* Runs f on an exact copy of in; the result (malloc'd, exact size) in *out, or NULL on -1. The
 * length learned with out NULL must be the length written. */
static int
run(scrub_fn f, const uint8_t *in, size_t len, uint8_t **out, size_t *outlen)
{
	uint8_t *cp = (uint8_t *)exact_copy((const char *)in, len);
	size_t measured = 0;
	int rc, rc2;

	if ((*out = malloc(len == 0 ? 1 : len)) == NULL)
		abort();
	rc = f(cp, len, *out, outlen);
	rc2 = f(cp, len, NULL, &measured);
	CHECK(rc == rc2);
	if (rc == 0)
		CHECK(measured == *outlen && *outlen <= len);
	free(cp);
	if (rc != 0) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

/* f turns in into exactly want. */
static bool
scrubs_to(scrub_fn f, const uint8_t *in, size_t len, const uint8_t *want, size_t wantlen)
{
	uint8_t *out;
	size_t outlen = 0;
	bool ok;

	if (run(f, in, len, &out, &outlen) != 0)
		return false;
	ok = outlen == wantlen && memcmp(out, want, wantlen) == 0;
	if (!ok)
		fprintf(stderr, "scrubbed to %zu bytes, want %zu\n", outlen, wantlen);
	free(out);
	return ok;
}

static bool
refused(scrub_fn f, const uint8_t *in, size_t len)
{
	uint8_t *out;
	size_t outlen;

	if (run(f, in, len, &out, &outlen) == -1)
		return true;
	free(out);
	return false;
}

/* Every proper prefix of in is refused. */
static bool
all_truncations_refused(scrub_fn f, const uint8_t *in, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!refused(f, in, i)) {
			fprintf(stderr, "prefix of %zu bytes accepted\n", i);
			return false;
		}
	return true;
}

static size_t
load(const char *name, uint8_t *p, size_t cap)
{
	char path[512];
	FILE *fp;
	size_t n;

	snprintf(path, sizeof(path), "%s/tests/fixtures/%s", JUBAO_SRC_DIR, name);
	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		abort();
	}
	n = fread(p, 1, cap, fp);
	if (!feof(fp) && fgetc(fp) != EOF)
		abort();
	fclose(fp);
	return n;
}

static void
test_fixtures(void)
{
	static uint8_t jpg[8192], plainjpg[8192], png[8192], plainpng[8192];
	size_t nj = load("exif.jpg", jpg, sizeof(jpg)), npj = load("plain.jpg", plainjpg,
	    sizeof(plainjpg));
	size_t np = load("text.png", png, sizeof(png)), npp = load("plain.png", plainpng,
	    sizeof(plainpng));

	/* exiftool only added segments and chunks: taking them out gives the plain file back. */
	CHECK(nj > npj && scrubs_to(scrub_jpeg, jpg, nj, plainjpg, npj));
	CHECK(scrubs_to(scrub_jpeg, plainjpg, npj, plainjpg, npj));
	CHECK(np > npp && scrubs_to(scrub_png, png, np, plainpng, npp));
	CHECK(scrubs_to(scrub_png, plainpng, npp, plainpng, npp));
	CHECK(all_truncations_refused(scrub_jpeg, jpg, nj));
	CHECK(all_truncations_refused(scrub_png, png, np));
	CHECK(refused(scrub_png, jpg, nj) && refused(scrub_jpeg, png, np));
}

static const char who[] = "Zhang San";

static bool
has(const uint8_t *p, size_t len, const char *s)
{
	return memmem(p, len, s, strlen(s)) != NULL;
}

/* DQT, SOF0 (1x1, one component), DHT for DC and for AC: what a baseline decoder needs. */
static void
jpeg_tables(struct buf *b)
{
	static const uint8_t sof[] = { 8, 0, 1, 0, 1, 1, 1, 0x11, 0 };
	uint8_t dqt[65], dht[18];

	memset(dqt, 1, sizeof(dqt));
	dqt[0] = 0;
	memset(dht, 0, sizeof(dht));
	dht[1] = 1;
	seg(b, 0xdb, dqt, sizeof(dqt));
	seg(b, 0xc0, sof, sizeof(sof));
	seg(b, 0xc4, dht, sizeof(dht));
	dht[0] = 0x10;
	seg(b, 0xc4, dht, sizeof(dht));
}

/* SOS and its entropy-coded data (with a stuffed 0xFF and a restart marker), then EOI. */
static void
jpeg_scan(struct buf *b)
{
	static const uint8_t sos[] = { 1, 1, 0, 0, 0x3f, 0 };
	static const uint8_t data[] = { 0x3f, 0xff, 0x00, 0x12, 0xff, 0xd0, 0x3f, 0xff, 0xd9 };

	seg(b, 0xda, sos, sizeof(sos));
	add(b, data, sizeof(data));
}

/* Everything a phone or an editor may put before the tables, and the expected survivors. */
static void
jpeg_apps(struct buf *in, struct buf *want)
{
	static const uint8_t jfif[] = { 'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 2, 1,
	    'T', 'H', 'U', 'M', 'B', '!' };
	static const uint8_t jfif_cut[] = { 'J', 'F', 'I', 'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0 };
	static const uint8_t adobe[] = { 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1 };
	static const char exif[] = "Exif\0\0MM\0*\0\0\0\x08GPS 28.2282N 112.9388E Zhang San";
	static const char xmp[] = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Zhang San</x:xmpmeta>";
	static const char iptc[] = "Photoshop 3.0\0008BIM\x04\x04Zhang San";
	static const char icc[] = "ICC_PROFILE\0\x01\x01profile bytes";
	static const char mpf[] = "MPF\0MM\0*Zhang San";

	seg(in, 0xe0, jfif, sizeof(jfif));
	seg(want, 0xe0, jfif_cut, sizeof(jfif_cut));
	seg(in, 0xe1, exif, sizeof(exif) - 1);
	seg(in, 0xe1, xmp, sizeof(xmp) - 1);
	seg(in, 0xed, iptc, sizeof(iptc) - 1);
	seg(in, 0xe2, icc, sizeof(icc) - 1);
	seg(want, 0xe2, icc, sizeof(icc) - 1);
	seg(in, 0xe2, mpf, sizeof(mpf) - 1);
	seg(in, 0xee, adobe, sizeof(adobe));
	seg(want, 0xee, adobe, sizeof(adobe));
	seg(in, 0xfe, who, sizeof(who) - 1);
	seg(in, 0xef, who, sizeof(who) - 1);
	seg(in, 0xe0, "JFXX\0\x10thumbnail", 15);
}

static void
test_jpeg_built(void)
{
	static const uint8_t soi[] = { 0xff, 0xd8 }, fill[] = { 0xff, 0xff };
	static const uint8_t dri[] = { 0, 4 };
	static struct buf in, want, scan;

	add(&in, soi, 2);
	add(&want, soi, 2);
	jpeg_apps(&in, &want);
	jpeg_tables(&in);
	jpeg_tables(&want);
	add(&in, fill, 2);		/* fill bytes before a marker are dropped */
	seg(&in, 0xdd, dri, sizeof(dri));
	seg(&want, 0xdd, dri, sizeof(dri));
	jpeg_scan(&scan);
	add(&in, scan.d, scan.n);
	add(&want, scan.d, scan.n);
	CHECK(all_truncations_refused(scrub_jpeg, in.d, in.n));
	add(&in, "Zhang San trailer", 17);	/* after EOI: dropped */
	CHECK(scrubs_to(scrub_jpeg, in.d, in.n, want.d, want.n));
	CHECK(has(in.d, in.n, who) && !has(want.d, want.n, who));
	CHECK(!has(want.d, want.n, "THUMB") && !has(want.d, want.n, "Exif"));

	/* Progressive: segments between scans follow the same rules. */
	in.n = want.n = 0;
	add(&in, soi, 2);
	add(&want, soi, 2);
	jpeg_tables(&in);
	jpeg_tables(&want);
	jpeg_scan(&in);
	jpeg_scan(&want);
	in.n -= 2;			/* the first scan's EOI */
	want.n -= 2;
	seg(&in, 0xfe, who, sizeof(who) - 1);
	seg(&in, 0xe1, "Exif\0\0Zhang San", 15);
	jpeg_scan(&in);
	jpeg_scan(&want);
	CHECK(scrubs_to(scrub_jpeg, in.d, in.n, want.d, want.n));
	/* Only an SOS is followed by data: a stray byte after another segment is refused. */
	in.n = 0;
	add(&in, soi, 2);
	jpeg_tables(&in);
	jpeg_scan(&in);
	in.n -= 2;
	seg(&in, 0xfe, who, sizeof(who) - 1);
	add(&in, "\x00", 1);
	jpeg_scan(&in);
	CHECK(refused(scrub_jpeg, in.d, in.n));
}

/* SOI, then the given bytes, then tables, scan and EOI: refused. */
static bool
jpeg_refuses_after_soi(const uint8_t *p, size_t len)
{
	static struct buf b;

	b.n = 0;
	add(&b, "\xff\xd8", 2);
	add(&b, p, len);
	jpeg_tables(&b);
	jpeg_scan(&b);
	return refused(scrub_jpeg, b.d, b.n);
}

static void
test_jpeg_malformed(void)
{
	static struct buf b;

	b.n = 0;
	add(&b, "\xff\xd8", 2);
	jpeg_tables(&b);
	add(&b, "\xff\xd9", 2);
	CHECK(refused(scrub_jpeg, b.d, b.n));			/* no SOS */
	b.n = 0;
	jpeg_tables(&b);
	jpeg_scan(&b);
	CHECK(refused(scrub_jpeg, b.d, b.n));			/* no SOI */
	CHECK(!jpeg_refuses_after_soi((const uint8_t *)"", 0));	/* the control */
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\x00", 2));
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\x01", 2));
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xd0", 2));
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xd8", 2));
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xd9", 2));
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\x00\xff\xfe\x00\x02", 5));
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xc8\x00\x02", 4));	/* JPG */
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xf7\x00\x02", 4));	/* JPEG-LS */
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\x02\x00\x02", 4));	/* reserved */
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xfe\x00\x00", 4));	/* length 0 */
	CHECK(jpeg_refuses_after_soi((const uint8_t *)"\xff\xfe\x00\x01", 4));	/* length 1 */
	CHECK(!jpeg_refuses_after_soi((const uint8_t *)"\xff\xfe\x00\x02", 4));
	/* A length that runs past the end of the file. */
	b.n = 0;
	add(&b, "\xff\xd8\xff\xfe\xff\xff", 6);
	add(&b, who, sizeof(who) - 1);
	CHECK(refused(scrub_jpeg, b.d, b.n));
	b.n = 0;
	add(&b, "\xff\xd8\xff\xfe\x00\x0c", 6);
	add(&b, who, sizeof(who) - 1);
	CHECK(refused(scrub_jpeg, b.d, b.n));
	CHECK(refused(scrub_jpeg, (const uint8_t *)"\xff\xd8\xff\xd9", 4));
}

static const uint8_t png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const uint8_t ihdr[13] = { 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0 };

static void
test_png_built(void)
{
	static const uint8_t idat1[] = { 0x78, 0x9c, 0x63 }, idat2[] = { 0x68, 0x00, 0x00,
	    0x00, 0x82, 0x00, 0x81 };
	static const uint8_t gama[] = { 0, 0, 0xb1, 0x8f }, srgb[] = { 0 };
	static const uint8_t phys[] = { 0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1 };
	static const uint8_t time[] = { 0x07, 0xea, 5, 1, 8, 30, 0 };
	static struct buf in, want;

	add(&in, png_sig, 8);
	add(&want, png_sig, 8);
	chunk(&in, "IHDR", ihdr, sizeof(ihdr));
	chunk(&want, "IHDR", ihdr, sizeof(ihdr));
	chunk(&in, "tEXt", "Author\0Zhang San", 16);
	chunk(&in, "zTXt", "Comment\0\0\x78\x9cZhang San", 20);
	chunk(&in, "iTXt", "Author\0\0\0zh\0\xe4\xbd\x9c\xe8\x80\x85\0Zhang San", 28);
	chunk(&in, "eXIf", "MM\0*\0\0\0\x08GPS Zhang San", 21);
	chunk(&in, "tIME", time, sizeof(time));
	chunk(&in, "gAMA", gama, sizeof(gama));
	chunk(&want, "gAMA", gama, sizeof(gama));
	chunk(&in, "sRGB", srgb, sizeof(srgb));
	chunk(&want, "sRGB", srgb, sizeof(srgb));
	chunk(&in, "iCCP", "icc\0\0\x78\x9c", 7);
	chunk(&want, "iCCP", "icc\0\0\x78\x9c", 7);
	chunk(&in, "pHYs", phys, sizeof(phys));
	chunk(&want, "pHYs", phys, sizeof(phys));
	chunk(&in, "prVt", who, sizeof(who) - 1);	/* unknown ancillary: may hold text */
	chunk(&in, "IDAT", idat1, sizeof(idat1));
	chunk(&want, "IDAT", idat1, sizeof(idat1));
	chunk(&in, "tEXt", "Comment\0Zhang San", 17);	/* text between IDATs */
	chunk(&in, "IDAT", idat2, sizeof(idat2));
	chunk(&want, "IDAT", idat2, sizeof(idat2));
	chunk(&in, "IEND", "", 0);
	chunk(&want, "IEND", "", 0);
	CHECK(all_truncations_refused(scrub_png, in.d, in.n));
	add(&in, who, sizeof(who) - 1);			/* after IEND: dropped */
	CHECK(scrubs_to(scrub_png, in.d, in.n, want.d, want.n));
	CHECK(has(in.d, in.n, who) && !has(want.d, want.n, who));
}

/* A PNG of IHDR, a chunk of the given type and data, IDAT and IEND; refused? */
static bool
png_refuses_with(const char *type, const void *p, size_t len)
{
	static struct buf b;

	b.n = 0;
	add(&b, png_sig, 8);
	chunk(&b, "IHDR", ihdr, sizeof(ihdr));
	chunk(&b, type, p, len);
	chunk(&b, "IDAT", "\x78\x9c", 2);
	chunk(&b, "IEND", "", 0);
	return refused(scrub_png, b.d, b.n);
}

static void
test_png_malformed(void)
{
	static struct buf b;

	CHECK(!png_refuses_with("tEXt", "a\0b", 3));		/* the control */
	CHECK(png_refuses_with("ABCD", "", 0));			/* unknown critical chunk */
	CHECK(png_refuses_with("te1t", "", 0));			/* not a letter */
	CHECK(png_refuses_with("tEX\x80", "", 0));
	/* First chunk not IHDR. */
	b.n = 0;
	add(&b, png_sig, 8);
	chunk(&b, "gAMA", "\0\0\xb1\x8f", 4);
	chunk(&b, "IHDR", ihdr, sizeof(ihdr));
	chunk(&b, "IEND", "", 0);
	CHECK(refused(scrub_png, b.d, b.n));
	/* Bad signature; bad CRC, even on a chunk that is dropped. */
	b.n = 0;
	add(&b, png_sig, 8);
	chunk(&b, "IHDR", ihdr, sizeof(ihdr));
	chunk(&b, "tEXt", "a\0b", 3);
	chunk(&b, "IEND", "", 0);
	CHECK(!refused(scrub_png, b.d, b.n));
	b.d[8 + 25 + 8]++;			/* the tEXt's first data byte */
	CHECK(refused(scrub_png, b.d, b.n));
	b.d[8 + 25 + 8]--;
	b.d[1] = 'p';
	CHECK(refused(scrub_png, b.d, b.n));
	b.d[1] = 'P';
	/* Lengths that run past the end: one byte too long, and 2^31. */
	b.d[8 + 25 + 3]++;
	CHECK(refused(scrub_png, b.d, b.n));
	b.d[8 + 25 + 3]--;
	b.d[8 + 25] = 0x80;
	CHECK(refused(scrub_png, b.d, b.n));
	b.d[8 + 25] = 0xff;
	CHECK(refused(scrub_png, b.d, b.n));
}

int
main(void)
{
	test_fixtures();
	test_jpeg_built();
	test_jpeg_malformed();
	test_png_built();
	test_png_malformed();
	return unit_done();
}
