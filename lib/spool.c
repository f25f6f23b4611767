/* spool: see spool.h. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "spool.h"

#define SPOOL_VERSION 1
#define STR_MAX       (1u << 20)
#define FILE_MAX      (1u << 30)     /* max_file's own bound (lib/config.c) */

/* ---- the body's plaintext ---- */

/* A writer that only counts while p is NULL: the same code sizes and fills the buffer. */
struct wbuf {
	uint8_t *p;
	size_t   len;
};

static void
put_raw(struct wbuf *w, const void *v, size_t n)
{
	if (w->p != NULL && n > 0)
		memcpy(w->p + w->len, v, n);
	w->len += n;
}

static void
put_u32(struct wbuf *w, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };

	put_raw(w, b, 4);
}

static void
put_u64(struct wbuf *w, uint64_t v)
{
	put_u32(w, (uint32_t)(v >> 32));
	put_u32(w, (uint32_t)v);
}

static void
put_bytes(struct wbuf *w, const void *v, size_t n)
{
	put_u32(w, (uint32_t)n);
	put_raw(w, v, n);
}

/* A string with its NUL; NULL as length 0. */
static void
put_str(struct wbuf *w, const char *s)
{
	put_bytes(w, s, s != NULL ? strlen(s) + 1 : 0);
}

static void
put_body(struct wbuf *w, const struct spool_body *b)
{
	const struct new_report *r = &b->r;
	uint8_t flags[2] = { r->hazard ? 1 : 0, r->anonymous ? 1 : 0 };
	size_t i;

	put_u32(w, SPOOL_VERSION);
	put_bytes(w, b->submit_key, 32);
	put_str(w, b->due);
	put_str(w, r->channel);
	put_str(w, r->category);
	put_str(w, r->standards);
	put_str(w, r->industry);
	put_str(w, r->region);
	put_str(w, r->subject_type);
	put_str(w, r->subject_name);
	put_str(w, r->subject_address);
	put_str(w, r->credit_code);
	put_str(w, r->description);
	put_raw(w, flags, 2);
	put_bytes(w, b->sealed_identity, b->sealed_identity != NULL ? b->sealed_len : 0);
	put_u32(w, (uint32_t)b->nfiles);
	for (i = 0; i < b->nfiles; i++) {
		put_str(w, b->files[i].name);
		put_str(w, b->files[i].mime);
		put_u64(w, (uint64_t)b->files[i].size);
		put_bytes(w, b->files[i].sha256, 32);
	}
}

static bool
str_ok(const char *s)
{
	return s == NULL || strlen(s) < STR_MAX;
}

int
spool_encode(const struct spool_body *b, uint8_t **out, size_t *len)
{
	const struct new_report *r = &b->r;
	struct wbuf w = { NULL, 0 };

	*out = NULL;
	*len = 0;
	if (b->nfiles > SPOOL_FILES_MAX || b->sealed_len >= STR_MAX || !str_ok(b->due) ||
	    !str_ok(r->subject_name) || !str_ok(r->subject_address) || !str_ok(r->description) ||
	    !str_ok(r->credit_code) || !str_ok(r->standards))
		return -1;
	put_body(&w, b);
	if ((w.p = malloc(w.len)) == NULL)
		log_fatal("spool: out of memory");
	*len = w.len;
	w.len = 0;
	put_body(&w, b);
	*out = w.p;
	return 0;
}

/* A reader that fails once and stays failed. */
struct rbuf {
	const uint8_t *p;
	size_t         len, off;
	bool           bad;
};

static const uint8_t *
get_raw(struct rbuf *r, size_t n)
{
	const uint8_t *v;

	if (r->bad || n > r->len - r->off) {
		r->bad = true;
		return NULL;
	}
	v = r->p + r->off;
	r->off += n;
	return v;
}

static uint32_t
get_u32(struct rbuf *r)
{
	const uint8_t *b = get_raw(r, 4);

	return b == NULL ? 0 : (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

static uint64_t
get_u64(struct rbuf *r)
{
	uint64_t hi = get_u32(r);

	return hi << 32 | get_u32(r);
}

static const uint8_t *
get_bytes(struct rbuf *r, size_t *n)
{
	*n = get_u32(r);
	return get_raw(r, *n);
}

/* A string: NULL when stored as NULL (and when malformed: r->bad then says so). */
static const char *
get_str(struct rbuf *r, bool nullable)
{
	size_t n;
	const uint8_t *s = get_bytes(r, &n);

	if (s == NULL || n == 0) {
		if (!nullable)
			r->bad = true;
		return NULL;
	}
	if (s[n - 1] != '\0' || memchr(s, '\0', n - 1) != NULL) {
		r->bad = true;
		return NULL;
	}
	return (const char *)s;
}

/* The files' part of a body; the name must be the store's 32 hex, the mime one it sniffs. */
static void
get_files(struct rbuf *r, struct spool_body *b)
{
	const char *name, *mime;
	const uint8_t *sha;
	size_t i, n;

	b->nfiles = get_u32(r);
	if (b->nfiles > SPOOL_FILES_MAX)
		r->bad = true;
	for (i = 0; i < b->nfiles && !r->bad; i++) {
		name = get_str(r, false);
		mime = get_str(r, false);
		b->files[i].size = (size_t)get_u64(r);
		sha = get_bytes(r, &n);
		if (r->bad || n != 32 || strlen(name) != 32 || b->files[i].size > FILE_MAX ||
		    name[strspn(name, "0123456789abcdef")] != '\0' ||
		    (strcmp(mime, "image/jpeg") != 0 && strcmp(mime, "image/png") != 0 &&
		    strcmp(mime, "application/pdf") != 0)) {
			r->bad = true;
			return;
		}
		memcpy(b->files[i].name, name, 33);
		b->files[i].mime = mime;
		memcpy(b->files[i].sha256, sha, 32);
	}
}

int
spool_decode(const uint8_t *buf, size_t len, struct spool_body *b)
{
	struct rbuf r = { buf, len, 0, false };
	struct new_report *nr = &b->r;
	const uint8_t *key, *flags;
	size_t n;

	memset(b, 0, sizeof(*b));
	if (get_u32(&r) != SPOOL_VERSION || (key = get_bytes(&r, &n)) == NULL || n != 32)
		return -1;
	memcpy(b->submit_key, key, 32);
	b->due = get_str(&r, false);
	nr->channel = get_str(&r, false);
	nr->category = get_str(&r, false);
	nr->standards = get_str(&r, false);
	nr->industry = get_str(&r, false);
	nr->region = get_str(&r, false);
	nr->subject_type = get_str(&r, false);
	nr->subject_name = get_str(&r, false);
	nr->subject_address = get_str(&r, true);
	nr->credit_code = get_str(&r, true);
	nr->description = get_str(&r, false);
	if ((flags = get_raw(&r, 2)) != NULL) {
		r.bad |= flags[0] > 1 || flags[1] > 1;     /* one spelling of each flag */
		nr->hazard = flags[0] != 0;
		nr->anonymous = flags[1] != 0;
	}
	b->sealed_identity = get_bytes(&r, &b->sealed_len);
	if (b->sealed_len == 0)
		b->sealed_identity = NULL;
	get_files(&r, b);
	if (r.bad || r.off != len || (b->due[0] != '\0' && strlen(b->due) != 10)) {
		memset(b, 0, sizeof(*b));
		return -1;
	}
	return 0;
}

void
spool_head_write(const struct spool_head *h, uint8_t buf[SPOOL_HEAD_LEN])
{
	struct wbuf w = { buf, 0 };

	put_raw(&w, SPOOL_MAGIC, 8);
	put_raw(&w, h->ticket, 16);
	put_raw(&w, h->code_mac, 32);
	put_u64(&w, (uint64_t)h->submitted);
	put_u32(&w, (uint32_t)h->body_len);
}

int
spool_head_parse(const uint8_t *buf, size_t len, struct spool_head *h)
{
	struct rbuf r = { buf, len, 0, false };
	const uint8_t *magic = get_raw(&r, 8), *ticket = get_raw(&r, 16), *mac = get_raw(&r, 32);

	memset(h, 0, sizeof(*h));
	h->submitted = (int64_t)get_u64(&r);
	h->body_len = get_u32(&r);
	if (r.bad || memcmp(magic, SPOOL_MAGIC, 8) != 0 ||
	    !ticket_parse((const char *)ticket, 16, h->ticket) ||
	    h->body_len > SPOOL_BODY_MAX + 4096 || h->submitted <= 0) {
		memset(h, 0, sizeof(*h));
		return -1;
	}
	memcpy(h->code_mac, mac, 32);
	return 0;
}
