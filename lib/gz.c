/* gz: see gz.h. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gz.h"
#include "log.h"

/* windowBits 15 + 16: a gzip wrapper with the default header (no name, time 0). */
static int
deflate_begin(z_stream *z, int level)
{
	memset(z, 0, sizeof(*z));
	if (deflateInit2(z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		log_err("gz: deflateInit2 failed");
		return -1;
	}
	return 0;
}

int
gz_compress(const void *in, size_t len, int level, unsigned char **out, size_t *outlen)
{
	z_stream z;
	uLong cap;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (len > UINT_MAX / 2 || deflate_begin(&z, level) != 0)
		return -1;
	cap = deflateBound(&z, (uLong)len);
	if ((*out = malloc(cap)) == NULL) {
		(void)deflateEnd(&z);
		log_err("gz: out of memory");
		return -1;
	}
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);     /* deflateBound guarantees one call finishes */
	*outlen = z.total_out;
	if (deflateEnd(&z) != Z_OK || rc != Z_STREAM_END) {
		log_err("gz: deflate failed (%d)", rc);
		free(*out);
		*out = NULL;
		*outlen = 0;
		return -1;
	}
	return 0;
}

int
gz_stream_begin(struct gz_stream *g, FILE *f, int level)
{
	g->f = f;
	g->live = deflate_begin(&g->z, level) == 0;
	return g->live ? 0 : -1;
}

/* Deflate what is in z's input with flush, writing every full buffer to the file. */
static int
stream_pump(struct gz_stream *g, int flush)
{
	size_t n;
	int rc;

	do {
		g->z.next_out = g->buf;
		g->z.avail_out = sizeof(g->buf);
		rc = deflate(&g->z, flush);
		if (rc == Z_STREAM_ERROR) {
			log_err("gz: deflate failed");
			return -1;
		}
		n = sizeof(g->buf) - g->z.avail_out;
		if (n > 0 && fwrite(g->buf, 1, n, g->f) != n)
			return -1;
	} while (g->z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
	return 0;
}

int
gz_stream_put(struct gz_stream *g, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uInt n;

	if (!g->live)
		return -1;
	while (len > 0) {
		n = len > (1u << 30) ? (1u << 30) : (uInt)len;
		g->z.next_in = (Bytef *)(uintptr_t)p;
		g->z.avail_in = n;
		if (stream_pump(g, Z_NO_FLUSH) != 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

int
gz_stream_end(struct gz_stream *g)
{
	int rc;

	if (!g->live)
		return -1;
	g->z.next_in = NULL;
	g->z.avail_in = 0;
	rc = stream_pump(g, Z_FINISH);
	gz_stream_abort(g);
	return rc;
}

void
gz_stream_abort(struct gz_stream *g)
{
	if (g->live)
		(void)deflateEnd(&g->z);
	g->live = false;
}

int
gz_inflate(const void *in, size_t len, size_t rawlen, unsigned char **out)
{
	z_stream z;
	int rc;

	*out = NULL;
	if (len > UINT_MAX || rawlen > UINT_MAX - 1)
		return -1;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		log_err("gz: inflateInit2 failed");
		return -1;
	}
	/* One byte more than expected: a longer stream shows as not ending. */
	if ((*out = malloc(rawlen + 1)) == NULL) {
		(void)inflateEnd(&z);
		log_err("gz: out of memory");
		return -1;
	}
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = *out;
	z.avail_out = (uInt)rawlen + 1;
	rc = inflate(&z, Z_FINISH);
	if (rc != Z_STREAM_END || z.total_out != rawlen || z.avail_in != 0) {
		log_err("gz: not the stream expected (%d)", rc);
		free(*out);
		*out = NULL;
		(void)inflateEnd(&z);
		return -1;
	}
	(void)inflateEnd(&z);
	return 0;
}

/* Is q (the text after "q=") zero: "0", "0.", "0.0", up to three zeros after the point? */
static bool
q_is_zero(const char *q, size_t n)
{
	size_t i;

	if (n == 0 || q[0] != '0')
		return false;
	if (n == 1)
		return true;
	if (q[1] != '.')
		return false;
	for (i = 2; i < n; i++)
		if (q[i] != '0')
			return false;
	return true;
}

/* The q of a coding's parameters (what follows its ';', up to end): accepted unless q=0. */
static bool
q_accepts(const char *params, const char *end)
{
	const char *q = params, *v;
	size_t vn;

	while (q < end && (*q == ' ' || *q == '\t'))
		q++;
	if (end - q < 2 || (q[0] != 'q' && q[0] != 'Q') || q[1] != '=')
		return true;
	v = q + 2;
	vn = (size_t)(end - v);
	while (vn > 0 && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
		vn--;
	return !q_is_zero(v, vn);
}

bool
gz_accepted(const char *ae)
{
	const char *p = ae, *end, *semi;
	int gzip = -1, star = -1;      /* -1 not named, else accepted or not */
	size_t n;

	if (ae == NULL || strlen(ae) > 1024)
		return false;
	for (; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		end = p + strcspn(p, ",");
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		semi = memchr(p, ';', (size_t)(end - p));
		n = (size_t)((semi != NULL ? semi : end) - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if ((n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
		    (n == 6 && strncasecmp(p, "x-gzip", 6) == 0))
			gzip = semi == NULL || q_accepts(semi + 1, end);
		else if (n == 1 && p[0] == '*')
			star = semi == NULL || q_accepts(semi + 1, end);
	}
	/* A coding named outright overrides "*". */
	return gzip >= 0 ? gzip == 1 : star == 1;
}
