/*
 * gz: gzip (RFC 1952) in memory, with zlib. The published lists get a precompressed sibling
 * (file.gz) that nginx's gzip_static and Apache's rewrite rules send to browsers that ask, and
 * the lists program keeps its cached pages compressed (lib/listcache.h). The header carries no
 * name and a zero time, so the same bytes always compress to the same file.
 */
#ifndef JUBAO_GZ_H
#define JUBAO_GZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <zlib.h>

/* in (len bytes) compressed at level (1 fastest .. 9 smallest) into *out, malloc'ed (free),
 * *outlen bytes. 0 ok, -1 (out of memory or a zlib error; logged, *out NULL). */
int gz_compress(const void *in, size_t len, int level, unsigned char **out, size_t *outlen);

/* A gzip file written piece by piece (a published page, a CSV of any length) into f, which
 * stays the caller's to flush, sync and close: begin, put as often as needed, then end (which
 * writes the trailer) or abort. Each returns 0, or -1 (logged; abort it then). */
struct gz_stream {
	z_stream      z;
	FILE         *f;
	bool          live;
	unsigned char buf[16384];
};
int gz_stream_begin(struct gz_stream *, FILE *f, int level);
int gz_stream_put(struct gz_stream *, const void *buf, size_t len);
int gz_stream_end(struct gz_stream *);
void gz_stream_abort(struct gz_stream *);

/* A gzip stream that must inflate to exactly rawlen bytes, into *out, malloc'ed (free). 0 ok,
 * -1 when it is not such a stream (logged, *out NULL). */
int gz_inflate(const void *in, size_t len, size_t rawlen, unsigned char **out);

/* Does an Accept-Encoding header value (RFC 9110 §12.5.3) accept gzip? A "gzip" or "x-gzip"
 * coding, or "*", whose q is not 0. NULL: no. */
bool gz_accepted(const char *accept_encoding);

#endif
