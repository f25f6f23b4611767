/* scrub: see scrub.h. */
#include <stdint.h>
#include <string.h>

#include "scrub.h"

/* Where the result goes: out (NULL when only measuring) with room for cap bytes. */
struct sink {
	uint8_t *out;
	size_t   cap;
	size_t   n;
};

static int
emit(struct sink *s, const uint8_t *p, size_t len)
{
	if (len > s->cap - s->n)
		return -1;
	if (s->out != NULL && len > 0)
		memcpy(s->out + s->n, p, len);
	s->n += len;
	return 0;
}

/*
 * The application segments a JPEG keeps, by marker and identifier; every other APPn is dropped.
 * JFIF and Adobe say how to decode the picture, ICC_PROFILE which colours it has (see scrub.h
 * for why the profile is kept).
 */
static const struct {
	uint8_t     marker;
	const char *ident;
	size_t      identlen;
} jpeg_keep_app[] = {
	{ 0xe0, "JFIF\0", 5 },
	{ 0xe2, "ICC_PROFILE\0", 12 },
	{ 0xee, "Adobe", 5 },
};

#define JFIF_HEAD	14	/* "JFIF\0", version, units, densities, thumbnail size */

enum seg { SEG_KEEP, SEG_DROP, SEG_BAD };

/* What to do with a segment with marker m and payload pay[0..plen). */
static enum seg
jpeg_rule(uint8_t m, const uint8_t *pay, size_t plen)
{
	size_t i;

	if (m >= 0xe0 && m <= 0xef) {
		for (i = 0; i < sizeof(jpeg_keep_app) / sizeof(jpeg_keep_app[0]); i++)
			if (jpeg_keep_app[i].marker == m && plen >= jpeg_keep_app[i].identlen &&
			    memcmp(pay, jpeg_keep_app[i].ident, jpeg_keep_app[i].identlen) == 0)
				return SEG_KEEP;
		return SEG_DROP;
	}
	if (m == 0xfe)					/* COM */
		return SEG_DROP;
	if (m >= 0xc0 && m <= 0xcf && m != 0xc8)	/* SOFn, DHT, DAC */
		return SEG_KEEP;
	if (m >= 0xda && m <= 0xdf)			/* SOS, DQT, DNL, DRI, DHP, EXP */
		return SEG_KEEP;
	/* JPG, JPGn (JPEG-LS and other extensions) and reserved markers: not a photo we know. */
	return SEG_BAD;
}

/*
 * One segment: seg[0..2+seglen) is 0xFF, the marker, the two length bytes and the payload.
 * A JFIF segment is written with a zero thumbnail size and without the thumbnail.
 */
static int
jpeg_segment(struct sink *s, const uint8_t *seg, size_t seglen)
{
	static const uint8_t nothumb[2] = { 0, 0 };
	uint8_t head[4];

	switch (jpeg_rule(seg[1], seg + 4, seglen - 2)) {
	case SEG_DROP:
		return 0;
	case SEG_BAD:
		return -1;
	case SEG_KEEP:
		break;
	}
	if (seg[1] != 0xe0 || seglen - 2 == JFIF_HEAD)
		return emit(s, seg, 2 + seglen);
	if (seglen - 2 < JFIF_HEAD)
		return 0;	/* a JFIF header too short to be one: it goes too */
	head[0] = 0xff;
	head[1] = 0xe0;
	head[2] = 0;
	head[3] = 2 + JFIF_HEAD;
	if (emit(s, head, 4) != 0 || emit(s, seg + 4, JFIF_HEAD - 2) != 0 ||
	    emit(s, nothumb, 2) != 0)
		return -1;
	return 0;
}

/*
 * The end of entropy-coded data starting at pos: the first 0xFF that is followed by a marker
 * (not by a stuffed 0x00, a restart marker or another 0xFF). len when there is none.
 */
static size_t
jpeg_scan_end(const uint8_t *in, size_t len, size_t pos)
{
	for (; pos + 1 < len; pos++) {
		if (in[pos] != 0xff)
			continue;
		if (in[pos + 1] != 0x00 && in[pos + 1] != 0xff &&
		    (in[pos + 1] < 0xd0 || in[pos + 1] > 0xd7))
			return pos;
	}
	return len;
}

int
scrub_jpeg(const uint8_t *in, size_t len, uint8_t *out, size_t *outlen)
{
	struct sink s = { out, len, 0 };
	size_t pos = 2, start, seglen;
	int scanned = 0;	/* an SOS has been seen: EOI may come */
	uint8_t m = 0;

	if (len < 4 || in[0] != 0xff || in[1] != 0xd8 || emit(&s, in, 2) != 0)
		goto fail;
	for (;;) {
		/* Entropy-coded data follows an SOS and nothing else: bytes after any other
		 * segment must be a marker, so that dropping one never joins two runs of data. */
		if (m == 0xda) {
			start = pos;
			pos = jpeg_scan_end(in, len, pos);
			if (emit(&s, in + start, pos - start) != 0)
				goto fail;
		}
		if (pos >= len || in[pos] != 0xff)
			goto fail;
		while (pos < len && in[pos] == 0xff)	/* fill bytes */
			pos++;
		if (pos >= len)
			goto fail;
		m = in[pos++];
		if (m == 0xd9) {			/* EOI */
			if (!scanned || emit(&s, in + pos - 2, 2) != 0)
				goto fail;
			break;
		}
		/* Standalone markers other than EOI have no place outside entropy-coded data. */
		if (m == 0x00 || m == 0x01 || (m >= 0xd0 && m <= 0xd8))
			goto fail;
		if (len - pos < 2)
			goto fail;
		seglen = (size_t)in[pos] << 8 | in[pos + 1];
		if (seglen < 2 || seglen > len - pos)
			goto fail;
		if (jpeg_segment(&s, in + pos - 2, seglen) != 0)
			goto fail;
		pos += seglen;
		scanned |= m == 0xda;
	}
	*outlen = s.n;
	return 0;
fail:
	return -1;
}

/* The chunks a PNG keeps: the critical ones and those that say how to show the picture. */
static const char png_keep[][5] = {
	"IHDR", "PLTE", "IDAT", "IEND",
	"gAMA", "cHRM", "sRGB", "iCCP", "pHYs", "tRNS", "bKGD", "sBIT",
};

#define PNG_MAX_CHUNK	0x7fffffffUL	/* a chunk length is at most 2^31 - 1 */

static uint32_t
be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The CRC-32 of ISO 3309 that PNG uses, four bits at a time to keep the table short. */
static uint32_t
png_crc(const uint8_t *p, size_t len)
{
	static const uint32_t tab[16] = {
		0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac,
		0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
		0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
		0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
	};
	uint32_t crc = 0xffffffff;

	while (len-- > 0) {
		crc ^= *p++;
		crc = (crc >> 4) ^ tab[crc & 15];
		crc = (crc >> 4) ^ tab[crc & 15];
	}
	return crc ^ 0xffffffff;
}

/* 1 to keep the chunk of this type, 0 to drop it, -1 when the type is not a chunk type we may
 * pass or drop (a byte that is not a letter, or a critical chunk we do not know). */
static int
png_rule(const uint8_t type[4])
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z')))
			return -1;
	for (i = 0; i < sizeof(png_keep) / sizeof(png_keep[0]); i++)
		if (memcmp(type, png_keep[i], 4) == 0)
			return 1;
	return (type[0] & 0x20) ? 0 : -1;	/* lower case first letter: ancillary */
}

int
scrub_png(const uint8_t *in, size_t len, uint8_t *out, size_t *outlen)
{
	struct sink s = { out, len, 0 };
	const uint8_t *type;
	size_t pos = 8, clen;
	int keep;

	if (len < 8 || memcmp(in, "\x89PNG\r\n\x1a\n", 8) != 0 || emit(&s, in, 8) != 0)
		goto fail;
	for (;;) {
		if (len - pos < 12)
			goto fail;
		clen = be32(in + pos);
		if (clen > PNG_MAX_CHUNK || clen > len - pos - 12)
			goto fail;
		if (png_crc(in + pos + 4, 4 + clen) != be32(in + pos + 8 + clen))
			goto fail;
		type = in + pos + 4;
		if ((keep = png_rule(type)) == -1 || (pos == 8 && memcmp(type, "IHDR", 4) != 0))
			goto fail;
		if (keep && emit(&s, in + pos, 12 + clen) != 0)
			goto fail;
		pos += 12 + clen;
		if (memcmp(type, "IEND", 4) == 0)
			break;
	}
	*outlen = s.n;
	return 0;
fail:
	return -1;
}
