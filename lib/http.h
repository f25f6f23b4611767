/*
 * http: the request as the program sees it, its parsers and the answer.
 *
 * Everything from the network is untrusted. The parsers here take a buffer and a length, enforce
 * hard limits (field count, name and value length, total size) and accept only well-formed input:
 * valid %-escapes, strict UTF-8 without control characters in every text value (files excepted),
 * RFC 7578 multipart framing. A value handed to a program is NUL-terminated, NUL-free, valid
 * UTF-8, and lives in the request arena until arena_reset().
 */
#ifndef JUBAO_HTTP_H
#define JUBAO_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum http_err {
	HTTP_OK = 0,
	HTTP_EFRAMING,     /* bad %-escape, bad multipart framing, bad header */
	HTTP_EUTF8,        /* a value is not valid UTF-8 or holds control characters */
	HTTP_ETOOMANY,     /* too many fields or files */
	HTTP_ETOOLONG,     /* a name or value over its limit */
	HTTP_ETYPE,        /* a content type we do not take */
};

/* A parsed field. For a file part, filename is set (possibly "") and value/len are its bytes,
 * which may be anything. */
struct param {
	const char *name;
	const char *value;
	size_t      len;
	const char *filename;      /* NULL for ordinary fields */
	struct param *next;
};

struct params {
	struct param *head, *tail;
	unsigned      count;       /* ordinary fields */
	unsigned      files;       /* file parts with content */
};

/* Hard bounds on the work one body may cause. File count and size are judged by the program (so
 * that it can say which field is wrong); the body size bounds them here. */
struct http_limits {
	unsigned max_parts;        /* fields and files together */
	size_t   max_name;         /* bytes of a field name */
	size_t   max_value;        /* bytes of an ordinary (non-file) value */
};

/* application/x-www-form-urlencoded (also a query string). */
enum http_err http_parse_urlencoded(struct arena *, const char *buf, size_t len,
    const struct http_limits *, struct params *out);
/* multipart/form-data with the given boundary (from http_multipart_boundary). */
enum http_err http_parse_multipart(struct arena *, const char *buf, size_t len,
    const char *boundary, const struct http_limits *, struct params *out);
/* The boundary parameter of a multipart/form-data content type, or NULL (arena copy). */
const char *http_multipart_boundary(struct arena *, const char *content_type);
/* Cookie header: "a=b; c=d". Malformed pairs are skipped, not fatal (browsers send junk). */
void http_parse_cookies(struct arena *, const char *header, size_t max_cookies,
    struct params *out);
/* CONTENT_LENGTH per RFC 3875 4.1.2: digits only, no sign, within max. -1 when malformed or
 * over; 0 for an absent or empty header. */
long long http_content_length(const char *s, long long max);

/* First value of a field, or NULL. */
const struct param *params_get(const struct params *, const char *name);
/* Number of ordinary (non-file) fields with this name. */
unsigned params_count(const struct params *, const char *name);

/* The answer, collected before anything is written. */
#define HTTP_MAX_EXTRA 6
struct response {
	int         status;
	const char *content_type;
	const char *extra[HTTP_MAX_EXTRA];   /* complete header lines without CRLF, arena-owned */
	unsigned    nextra;
};

const char *http_status_text(int status);
void response_header(struct response *, struct arena *, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
