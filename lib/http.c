/* http: see http.h. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "validate.h"

#define MAX_PART_HEADERS 8
#define MAX_HEADER_LINE  1024

static void
params_add(struct arena *a, struct params *ps, const char *name, const char *value,
    size_t len, const char *filename)
{
	struct param *p = arena_alloc(a, sizeof(*p));

	p->name = name;
	p->value = value;
	p->len = len;
	p->filename = filename;
	if (ps->tail != NULL)
		ps->tail->next = p;
	else
		ps->head = p;
	ps->tail = p;
	if (filename == NULL)
		ps->count++;
	else if (len > 0)
		ps->files++;
}

/* Field names are ours, so they are plain: lower-case letters, digits, '_' and '-'. */
static bool
name_ok(const char *s, size_t len, const struct http_limits *lim)
{
	size_t i;

	if (len == 0 || len > lim->max_name)
		return false;
	for (i = 0; i < len; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
		    s[i] == '_' || s[i] == '-' || isupper((unsigned char)s[i])))
			return false;
	return true;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode one %-encoded component into the arena. -1 on a bad escape. */
static int
urldecode(struct arena *a, const char *s, size_t len, char **out, size_t *outlen)
{
	char *d = arena_alloc(a, len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '+')
			d[n++] = ' ';
		else if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len)
				return -1;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			d[n++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[n++] = s[i];
	}
	d[n] = '\0';
	*out = d;
	*outlen = n;
	return 0;
}

static enum http_err
value_ok(const char *v, size_t len, const struct http_limits *lim)
{
	if (len > lim->max_value)
		return HTTP_ETOOLONG;
	if (!utf8_valid(v, len) || !text_clean(v, len, true))
		return HTTP_EUTF8;
	return HTTP_OK;
}

enum http_err
http_parse_urlencoded(struct arena *a, const char *buf, size_t len,
    const struct http_limits *lim, struct params *out)
{
	size_t pos = 0;

	while (pos < len) {
		const char *seg = buf + pos, *amp, *eq;
		size_t seglen, nlen;
		char *name, *value;
		size_t dnlen, dvlen;
		enum http_err e;

		amp = memchr(seg, '&', len - pos);
		seglen = amp != NULL ? (size_t)(amp - seg) : len - pos;
		pos += seglen + 1;
		if (seglen == 0)
			continue;
		if (out->count + out->files >= lim->max_parts)
			return HTTP_ETOOMANY;
		eq = memchr(seg, '=', seglen);
		nlen = eq != NULL ? (size_t)(eq - seg) : seglen;
		if (urldecode(a, seg, nlen, &name, &dnlen) != 0)
			return HTTP_EFRAMING;
		if (!name_ok(name, dnlen, lim))
			return dnlen > lim->max_name ? HTTP_ETOOLONG : HTTP_EFRAMING;
		if (eq != NULL) {
			/* Bound the work before decoding: a decoded value is never longer. */
			if (seglen - nlen - 1 > 3 * lim->max_value)
				return HTTP_ETOOLONG;
			if (urldecode(a, eq + 1, seglen - nlen - 1, &value, &dvlen) != 0)
				return HTTP_EFRAMING;
		} else {
			value = arena_strndup(a, "", 0);
			dvlen = 0;
		}
		if ((e = value_ok(value, dvlen, lim)) != HTTP_OK)
			return e;
		params_add(a, out, name, value, dvlen, NULL);
	}
	return HTTP_OK;
}

const char *
http_multipart_boundary(struct arena *a, const char *ct)
{
	static const char type[] = "multipart/form-data";
	const char *p, *b;
	size_t blen;

	if (ct == NULL || strncasecmp(ct, type, sizeof(type) - 1) != 0)
		return NULL;
	p = ct + sizeof(type) - 1;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != ';')
			return NULL;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0)
			break;
		p = strchr(p, ';');
		if (p == NULL)
			return NULL;
	}
	p += 9;
	if (*p == '"') {
		p++;
		if ((b = strchr(p, '"')) == NULL)
			return NULL;
		blen = (size_t)(b - p);
	} else
		blen = strcspn(p, "; \t");
	/* RFC 2046 5.1.1: 1 to 70 characters from a restricted set. */
	if (blen == 0 || blen > 70)
		return NULL;
	for (size_t i = 0; i < blen; i++)
		if (!isalnum((unsigned char)p[i]) && strchr("'()+_,-./:=? ", p[i]) == NULL)
			return NULL;
	return arena_strndup(a, p, blen);
}

/* Find a parameter (name="...") in a Content-Disposition value. Returns 1 found, 0 absent,
 * -1 malformed. Quoted strings may not hold '"' or '\\': browsers %-encode those. */
static int
disposition_param(struct arena *a, const char *h, size_t hlen, const char *key,
    const char **out)
{
	size_t klen = strlen(key), i = 0;

	while (i < hlen) {
		while (i < hlen && (h[i] == ' ' || h[i] == ';' || h[i] == '\t'))
			i++;
		if (i + klen + 1 < hlen && strncasecmp(h + i, key, klen) == 0 &&
		    h[i + klen] == '=') {
			const char *v = h + i + klen + 1, *end;
			size_t rest = hlen - (i + klen + 1);

			if (rest == 0 || *v != '"')
				return -1;
			end = memchr(v + 1, '"', rest - 1);
			if (end == NULL || memchr(v + 1, '\\', (size_t)(end - v - 1)) != NULL ||
			    memchr(v + 1, '\0', (size_t)(end - v - 1)) != NULL)
				return -1;
			*out = arena_strndup(a, v + 1, (size_t)(end - v - 1));
			return 1;
		}
		/* skip this token, honouring quotes */
		while (i < hlen && h[i] != ';') {
			if (h[i] == '"') {
				const char *end = memchr(h + i + 1, '"', hlen - i - 1);
				if (end == NULL)
					return -1;
				i = (size_t)(end - h);
			}
			i++;
		}
	}
	return 0;
}

/* Parse the header block of one part: [p, p+len) excluding the blank line. */
static enum http_err
part_headers(struct arena *a, const char *p, size_t len, const char **name,
    const char **filename)
{
	size_t pos = 0;
	unsigned n = 0;
	int have_disp = 0;

	*name = NULL;
	*filename = NULL;
	while (pos < len) {
		const char *line = p + pos, *crlf, *colon;
		size_t llen;

		crlf = memmem(line, len - pos, "\r\n", 2);
		llen = crlf != NULL ? (size_t)(crlf - line) : len - pos;
		pos += llen + 2;
		if (++n > MAX_PART_HEADERS || llen > MAX_HEADER_LINE)
			return HTTP_EFRAMING;
		if ((colon = memchr(line, ':', llen)) == NULL)
			return HTTP_EFRAMING;
		if ((size_t)(colon - line) == 19 &&
		    strncasecmp(line, "Content-Disposition", 19) == 0) {
			const char *v = colon + 1;
			size_t vlen = llen - 20;

			while (vlen > 0 && (*v == ' ' || *v == '\t')) {
				v++;
				vlen--;
			}
			if (have_disp++ || vlen < 9 || strncasecmp(v, "form-data", 9) != 0 ||
			    (vlen > 9 && v[9] != ';' && v[9] != ' ' && v[9] != '\t'))
				return HTTP_EFRAMING;
			if (disposition_param(a, v + 9, vlen - 9, "name", name) != 1 ||
			    disposition_param(a, v + 9, vlen - 9, "filename", filename) < 0)
				return HTTP_EFRAMING;
		}
		/* Content-Type and others are ignored: files are judged by content. */
	}
	if (!have_disp)
		return HTTP_EFRAMING;
	return HTTP_OK;
}

enum http_err
http_parse_multipart(struct arena *a, const char *buf, size_t len, const char *boundary,
    const struct http_limits *lim, struct params *out)
{
	size_t blen = strlen(boundary), pos, dlen;
	unsigned nparts = out->count + out->files;
	char *delim;
	enum http_err e;

	/* delim = "\r\n--" boundary; the first one comes without the CRLF. */
	dlen = blen + 4;
	delim = arena_alloc(a, dlen + 1);
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	if (len < dlen - 2 || memcmp(buf, delim + 2, dlen - 2) != 0)
		return HTTP_EFRAMING;
	pos = dlen - 2;
	for (;;) {
		const char *hdr, *hend, *body, *next;
		const char *name, *filename;
		size_t bodylen;

		if (len - pos >= 2 && memcmp(buf + pos, "--", 2) == 0)
			return HTTP_OK;          /* close delimiter; the epilogue is ignored */
		if (len - pos < 2 || memcmp(buf + pos, "\r\n", 2) != 0)
			return HTTP_EFRAMING;
		pos += 2;
		hdr = buf + pos;
		if (len - pos >= 2 && memcmp(hdr, "\r\n", 2) == 0)
			hend = hdr;              /* no headers at all: caught below */
		else if ((hend = memmem(hdr, len - pos, "\r\n\r\n", 4)) == NULL)
			return HTTP_EFRAMING;
		if ((e = part_headers(a, hdr, (size_t)(hend - hdr), &name, &filename)) != HTTP_OK)
			return e;
		body = hend + (hend == hdr ? 2 : 4);
		if (body > buf + len)
			return HTTP_EFRAMING;
		next = memmem(body, len - (size_t)(body - buf), delim, dlen);
		if (next == NULL)
			return HTTP_EFRAMING;
		bodylen = (size_t)(next - body);
		pos = (size_t)(next - buf) + dlen;
		/* Counted here, not from out: empty file parts are in neither count. */
		if (nparts++ >= lim->max_parts)
			return HTTP_ETOOMANY;
		if (!name_ok(name, strlen(name), lim))
			return HTTP_EFRAMING;
		if (filename != NULL) {
			/* The name is the browser's; we never use it, but it must not smuggle bytes
			 * into logs or pages either. */
			if (!text_clean(filename, strlen(filename), false))
				return HTTP_EUTF8;
			params_add(a, out, name, body, bodylen, filename);
		} else {
			if ((e = value_ok(body, bodylen, lim)) != HTTP_OK)
				return e;
			params_add(a, out, name, arena_strndup(a, body, bodylen), bodylen, NULL);
		}
	}
}

void
http_parse_cookies(struct arena *a, const char *h, size_t max, struct params *out)
{
	size_t n = 0;

	while (h != NULL && *h != '\0' && n < max) {
		const char *end = strchr(h, ';'), *eq;
		size_t seg = end != NULL ? (size_t)(end - h) : strlen(h);
		const char *s = h;

		while (seg > 0 && *s == ' ') {
			s++;
			seg--;
		}
		eq = memchr(s, '=', seg);
		if (eq != NULL && eq > s && seg - (size_t)(eq - s) - 1 <= 256) {
			size_t nlen = (size_t)(eq - s), vlen = seg - nlen - 1;
			bool ok = true;

			for (size_t i = 0; i < seg; i++)
				if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
					ok = false;
			if (ok) {
				params_add(a, out, arena_strndup(a, s, nlen),
				    arena_strndup(a, eq + 1, vlen), vlen, NULL);
				n++;
			}
		}
		h = end != NULL ? end + 1 : NULL;
	}
}

long long
http_content_length(const char *s, long long max)
{
	long long v = 0;

	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (*s - '0')) / 10 || max - (*s - '0') < 0)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

const struct param *
params_get(const struct params *ps, const char *name)
{
	const struct param *p;

	for (p = ps->head; p != NULL; p = p->next)
		if (p->filename == NULL && strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

unsigned
params_count(const struct params *ps, const char *name)
{
	const struct param *p;
	unsigned n = 0;

	for (p = ps->head; p != NULL; p = p->next)
		if (p->filename == NULL && strcmp(p->name, name) == 0)
			n++;
	return n;
}

const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default:  return "Internal Server Error";
	}
}

void
response_header(struct response *r, struct arena *a, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(line) || r->nextra >= HTTP_MAX_EXTRA)
		return;
	r->extra[r->nextra++] = arena_strndup(a, line, (size_t)n);
}
