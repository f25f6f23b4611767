/* app: see app.h. */
#include <ctype.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "crypto.h"
#include "fcgiout.h"
#include "gz.h"
#include "log.h"
#include "queries.h"
#include "ratelimit.h"
#include "sandbox.h"
#include "store.h"

#define QUERY_MAX       4096     /* bytes of a query string */
#define REFDATA_MAX_AGE 300      /* seconds between reloads of the reference tables */

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

static const char *
env(struct ctx *c, const char *name)
{
	const char *v = FCGX_GetParam(name, c->fcgi.envp);

	return v != NULL ? arena_strdup(&c->arena, v) : NULL;
}

/* The address the rate limits count: the peer, or what the trusted proxies report (proxy.h). */
static const char *
client_address(struct ctx *c)
{
	char *out = arena_alloc(&c->arena, 46);

	return proxy_client(&c->cfg.trusted, env(c, "REMOTE_ADDR"),
	    env(c, "HTTP_X_FORWARDED_FOR"), env(c, "HTTP_X_REAL_IP"), out);
}

static const char *
request_path(struct ctx *c)
{
	const char *uri = env(c, "DOCUMENT_URI"), *script, *info;
	size_t plen = strlen(c->cfg.url_prefix);

	if (uri == NULL) {
		/* Apache: SCRIPT_NAME + PATH_INFO */
		script = env(c, "SCRIPT_NAME");
		info = env(c, "PATH_INFO");
		uri = script == NULL ? "/" : script;
		if (info != NULL) {
			size_t n = strlen(uri) + strlen(info) + 1;
			char *u = arena_alloc(&c->arena, n);
			snprintf(u, n, "%s%s", uri, info);
			uri = u;
		}
	}
	if (strncmp(uri, c->cfg.url_prefix, plen) == 0 && (uri[plen] == '/' || uri[plen] == '\0'))
		uri += plen;
	return uri[0] == '\0' ? "/" : uri;
}

static bool
wants_xml(const struct params *ps)
{
	const struct param *f = params_get(ps, "format");

	return f != NULL && strcmp(f->value, "xml") == 0;
}

static const struct http_limits query_limits = { 32, 64, 1024 };

static void
request_begin(struct ctx *c)
{
	const char *qs, *https, *proto, *peer;

	c->now = (int64_t)time(NULL);
	memset(&c->query, 0, sizeof(c->query));
	memset(&c->form, 0, sizeof(c->form));
	memset(&c->cookies, 0, sizeof(c->cookies));
	memset(&c->resp, 0, sizeof(c->resp));
	c->answered = false;
	c->keep_html = false;
	c->method = env(c, "REQUEST_METHOD");
	if (c->method == NULL)
		c->method = "GET";
	c->is_post = strcmp(c->method, "POST") == 0;
	c->path = request_path(c);
	c->content_type = env(c, "CONTENT_TYPE");
	c->client = client_address(c);
	https = env(c, "HTTPS");
	peer = env(c, "REMOTE_ADDR");
	/* Behind a trusted proxy that ends TLS, believe what it says about the scheme. */
	proto = proxies_trust(&c->cfg.trusted, peer) ? env(c, "HTTP_X_FORWARDED_PROTO") : NULL;
	c->https = (https != NULL && strcasecmp(https, "on") == 0) ||
	    (proto != NULL && strcmp(proto, "https") == 0);
	qs = env(c, "QUERY_STRING");
	if (qs != NULL && strlen(qs) <= QUERY_MAX)
		(void)http_parse_urlencoded(&c->arena, qs, strlen(qs), &query_limits, &c->query);
	c->want_xml = wants_xml(&c->query);
	c->accepts_gzip = gz_accepted(FCGX_GetParam("HTTP_ACCEPT_ENCODING", c->fcgi.envp));
	http_parse_cookies(&c->arena, env(c, "HTTP_COOKIE"), 32, &c->cookies);
	if (!c->is_post)
		c->form = c->query;
}

int
app_read_form(struct ctx *c, size_t max_body, const char **why)
{
	struct http_limits lim;
	long long clen;
	char *body;
	const char *boundary;
	size_t got = 0;
	enum http_err e;

	/* A chunked body the web server passes on without a length (Apache's mod_proxy_fcgi
	 * streams one; nginx always buffers it and counts): refused, never read. */
	if (FCGX_GetParam("CONTENT_LENGTH", c->fcgi.envp) == NULL &&
	    FCGX_GetParam("HTTP_TRANSFER_ENCODING", c->fcgi.envp) != NULL) {
		*why = "提交的内容缺少长度，请使用浏览器重新提交。";
		return 411;
	}
	clen = http_content_length(FCGX_GetParam("CONTENT_LENGTH", c->fcgi.envp),
	    (long long)max_body);
	if (clen < 0) {
		*why = "提交的内容超过了允许的大小。";
		return 413;
	}
	body = arena_alloc(&c->arena, (size_t)clen + 1);
	while (got < (size_t)clen) {
		int want = (size_t)clen - got > 65536 ? 65536 : (int)((size_t)clen - got);
		int n = FCGX_GetStr(body + got, want, c->fcgi.in);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got != (size_t)clen) {
		/* The client went away mid-body: keep nothing of it. */
		*why = "提交的内容不完整，请重新提交。";
		return 400;
	}
	lim.max_parts = c->cfg.max_fields + c->cfg.max_files + 8;
	lim.max_name = 64;
	lim.max_value = 32768;
	if (c->content_type != NULL && strncasecmp(c->content_type,
	    "application/x-www-form-urlencoded", 33) == 0)
		e = http_parse_urlencoded(&c->arena, body, got, &lim, &c->form);
	else if ((boundary = http_multipart_boundary(&c->arena, c->content_type)) != NULL)
		e = http_parse_multipart(&c->arena, body, got, boundary, &lim, &c->form);
	else {
		*why = "不支持的提交格式。";
		return 415;
	}
	switch (e) {
	case HTTP_OK:
		break;
	case HTTP_EUTF8:
		*why = "提交的内容含有无效字符：文字须为UTF-8编码，且不能含有控制字符。";
		return 400;
	case HTTP_ETOOMANY:
		*why = "提交的项目过多。";
		return 400;
	case HTTP_ETOOLONG:
		*why = "某一项内容过长。";
		return 400;
	default:
		*why = "提交的内容格式不正确，请重新填写后提交。";
		return 400;
	}
	if (wants_xml(&c->form))
		c->want_xml = true;
	return 0;
}

/* Pass the kept header block on to libfcgi's stream (before a streamed body). */
static void
flush_head(struct ctx *c)
{
	if (c->head_len > 0)
		(void)FCGX_PutStr(c->head, (int)c->head_len, c->fcgi.out);
	c->head_len = 0;
}

static void
put(struct ctx *c, const char *s)
{
	size_t n = strlen(s);

	if (n > sizeof(c->head) - c->head_len) {
		flush_head(c);
		c->head_spilled = true;
		(void)FCGX_PutStr(s, (int)n, c->fcgi.out);
		return;
	}
	memcpy(c->head + c->head_len, s, n);
	c->head_len += n;
}

/* The header block and the body as FastCGI records in one write (lib/fcgiout.h). The
 * records are in the request arena, wiped with it where the program wipes. */
static void
put_whole(struct ctx *c, const void *body, size_t len)
{
	size_t size;
	uint8_t *rec;

	if (c->head_spilled || len > (size_t)INT32_MAX) {
		flush_head(c);
		if (len > 0 && len <= (size_t)INT32_MAX)
			(void)FCGX_PutStr(body, (int)len, c->fcgi.out);
		return;
	}
	size = fcgiout_size(c->head_len + len);
	rec = arena_alloc(&c->arena, size);
	fcgiout_records(rec, (unsigned)c->fcgi.requestId, c->head, c->head_len, body, len);
	c->head_len = 0;
	/* A failed write means the web server has gone: nothing left to answer. */
	if (store_write_all(c->fcgi.ipcFd, rec, size) != 0)
		log_err("answer: the web server closed the connection");
}

/* The headers every answer carries, and the handler's own (cookies, Retry-After). */
static void
put_security_headers(struct ctx *c)
{
	char line[700];
	unsigned i;

	snprintf(line, sizeof(line), "Content-Security-Policy: %s\r\n", c->cfg.csp);
	put(c, line);
	put(c, "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: no-referrer\r\n"
	    "Cache-Control: no-store\r\n");
	for (i = 0; i < c->resp.nextra; i++) {
		put(c, c->resp.extra[i]);
		put(c, "\r\n");
	}
}

void
app_send(struct ctx *c, int status, xmlDocPtr doc)
{
	xmlChar *out = NULL;
	int outlen = 0;
	char line[700];

	if (c->answered) {
		xmlFreeDoc(doc);
		return;
	}
	c->answered = true;
	if (render_doc(&c->render, 0, doc, c->want_xml,
	    c->prog->cacheable || c->keep_html, &out, &outlen) != 0) {
		status = 500;
		c->want_xml = false;
		out = xmlStrdup((const xmlChar *)"<!DOCTYPE html><html lang=\"zh-CN\"><meta "
		    "charset=\"utf-8\"><title>系统错误</title><p>系统暂时出现错误，请稍后再试。</p>");
		if (out == NULL)
			log_fatal("out of memory");
		outlen = xmlStrlen(out);
	}
	xmlFreeDoc(doc);
	snprintf(line, sizeof(line), "Status: %d %s\r\nContent-Type: %s\r\n", status,
	    http_status_text(status), c->want_xml ? "application/xml; charset=utf-8" :
	    "text/html; charset=utf-8");
	put(c, line);
	snprintf(line, sizeof(line), "Content-Length: %d\r\n", outlen);
	put(c, line);
	put_security_headers(c);
	put(c, "\r\n");
	put_whole(c, out, strcmp(c->method, "HEAD") != 0 ? (size_t)outlen : 0);
	xmlFree(out);
}

xmlDocPtr
app_error_doc(int status, const char *message, xmlNodePtr *root)
{
	xmlDocPtr doc = xml_doc("error", root);

	xml_attr_int(*root, "status", status);
	xml_add(*root, "message", message);
	return doc;
}

void
app_error(struct ctx *c, int status, const char *message)
{
	xmlNodePtr root;

	app_send(c, status, app_error_doc(status, message, &root));
}

void
app_too_many(struct ctx *c, int64_t retry_after)
{
	xmlNodePtr root;
	xmlDocPtr doc = app_error_doc(429, "操作过于频繁，请稍后再试。", &root);

	char secs[24];

	snprintf(secs, sizeof(secs), "%lld", (long long)retry_after);
	xml_add(root, "retry-after", secs);
	response_header(&c->resp, &c->arena, "Retry-After: %lld", (long long)retry_after);
	app_send(c, 429, doc);
}

bool
app_over_limit(struct ctx *c, const uint8_t subject[16], int bucket, unsigned limit,
    unsigned window, const char *unavailable)
{
	int64_t retry;

	if (rate_check(&c->db, subject, (enum rate_bucket)bucket, limit, window, c->now, &retry) !=
	    DB_OK) {
		app_error(c, 503, unavailable);
		return true;
	}
	if (retry > 0) {
		app_too_many(c, retry);
		return true;
	}
	return false;
}

#define FORM_COOKIE "jubao_form"

/* The key of this browser's form tokens: HMAC(csrf_key, the cookie's 16 random bytes). */
static bool
form_key(struct ctx *c, const char *cookie, uint8_t out[32])
{
	uint8_t raw[16];

	if (cookie == NULL || crypto_unhex(cookie, strlen(cookie), raw, sizeof(raw)) != 0)
		return false;
	return crypto_hmac_sha256(c->sec.csrf_key, sizeof(c->sec.csrf_key), raw, sizeof(raw),
	    out) == 0;
}

void
app_form_token(struct ctx *c, char token[CSRF_TOKEN_LEN + 1])
{
	const char *cookie = app_cookie(c, FORM_COOKIE);
	uint8_t key[32], raw[16];
	char hex[33];

	if (!form_key(c, cookie, key)) {
		if (crypto_random(raw, sizeof(raw)) != 0)
			log_fatal("random failed");
		crypto_hex(raw, sizeof(raw), hex);
		cookie = hex;
		if (!form_key(c, cookie, key))
			log_fatal("form key failed");
	}
	/* Refreshed with every form, so that it outlives the token issued beside it. */
	app_set_cookie(c, FORM_COOKIE, cookie, (int)c->cfg.csrf_max_age + 3600);
	if (csrf_issue(key, sizeof(key), c->now, token) != 0)
		log_fatal("csrf_issue failed");
	explicit_bzero(key, sizeof(key));
}

bool
app_form_token_ok(struct ctx *c)
{
	const struct param *t = params_get(&c->form, "csrf");
	uint8_t key[32];
	bool ok;

	if (t == NULL || params_count(&c->form, "csrf") != 1 ||
	    !form_key(c, app_cookie(c, FORM_COOKIE), key))
		return false;
	ok = csrf_check(key, sizeof(key), t->value, t->len, c->now, c->cfg.csrf_max_age);
	explicit_bzero(key, sizeof(key));
	return ok;
}

void
app_send_bytes(struct ctx *c, int status, const char *content_type, const void *buf, size_t len)
{
	char line[300];

	if (c->answered)
		return;
	c->answered = true;
	snprintf(line, sizeof(line), "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n",
	    status, http_status_text(status), content_type, len);
	put(c, line);
	put_security_headers(c);
	put(c, "\r\n");
	put_whole(c, buf, strcmp(c->method, "HEAD") != 0 ? len : 0);
}

bool
app_stream_head(struct ctx *c, int status, const char *content_type)
{
	char line[300];

	if (c->answered)
		return false;
	c->answered = true;
	snprintf(line, sizeof(line), "Status: %d %s\r\nContent-Type: %s\r\n", status,
	    http_status_text(status), content_type);
	put(c, line);
	put_security_headers(c);
	put(c, "\r\n");
	flush_head(c);
	return strcmp(c->method, "HEAD") != 0;
}

void
app_redirect(struct ctx *c, const char *path)
{
	char line[600];

	if (c->answered)
		return;
	c->answered = true;
	snprintf(line, sizeof(line), "Status: 303 See Other\r\nLocation: %s%s\r\n"
	    "Content-Type: text/html; charset=utf-8\r\nContent-Length: 0\r\n",
	    c->cfg.url_prefix, path);
	put(c, line);
	put_security_headers(c);
	put(c, "\r\n");
	put_whole(c, NULL, 0);
}

const char *
app_cookie(struct ctx *c, const char *name)
{
	const struct param *p = params_get(&c->cookies, name);

	return p != NULL ? p->value : NULL;
}

void
app_set_cookie(struct ctx *c, const char *name, const char *value, int max_age)
{
	bool secure = c->cfg.secure_cookies == 1 || (c->cfg.secure_cookies == -1 && c->https);

	response_header(&c->resp, &c->arena,
	    "Set-Cookie: %s=%s; Path=%s/; Max-Age=%d; HttpOnly; SameSite=Strict%s",
	    name, value, c->cfg.url_prefix, max_age, secure ? "; Secure" : "");
}

void
app_client_subject(struct ctx *c, uint8_t out[16])
{
	uint8_t mac[32];

	if (crypto_hmac_sha256(c->sec.client_key, sizeof(c->sec.client_key), c->client,
	    strlen(c->client), mac) != 0)
		log_fatal("hmac failed");
	memcpy(out, mac, 16);
}

bool
app_refdata(struct ctx *c)
{
	return refdata_refresh(&c->refdata, &c->db, (time_t)c->now, REFDATA_MAX_AGE) == DB_OK;
}

static void
handle_request(struct ctx *c)
{
	request_begin(c);
	if (strcmp(c->method, "GET") != 0 && strcmp(c->method, "HEAD") != 0 && !c->is_post) {
		response_header(&c->resp, &c->arena, "Allow: GET, HEAD, POST");
		app_error(c, 405, "不支持的请求方法。");
		return;
	}
	c->prog->handle(c);
	if (!c->answered)
		app_error(c, 500, "系统暂时出现错误，请稍后再试。");
}

/*
 * libfcgi ends a connection gracefully: shutdown, then wait up to two seconds for the web server
 * to close its end, reading whatever it still sends. That protects an answer when input is left
 * unread (a body refused for its size). When the request's input has been read to its end there
 * is nothing to protect, and the wait only keeps the worker from its next request until nginx
 * has been scheduled: then the connection is closed at once (detached from the lingering close).
 * A little input left over (a GET's empty body record) is read first.
 */
static void
finish_request(struct ctx *c)
{
	char rest[4096];
	int i;

	flush_head(c);                     /* a header block no path sent (none should be) */
	c->head_spilled = false;
	for (i = 0; i < 4 && FCGX_HasSeenEOF(c->fcgi.in) != EOF; i++)
		if (FCGX_GetStr(rest, sizeof(rest), c->fcgi.in) <= 0)
			break;
	if (FCGX_HasSeenEOF(c->fcgi.in) == EOF)
		(void)FCGX_Detach(&c->fcgi);
	FCGX_Finish_r(&c->fcgi);
}

/*
 * From here on the worker may only make the system calls of its class (sandbox.h). What the
 * first request would do once is done now, while files and calls are still open: the time
 * zone is read and OpenSSL's random generator seeded.
 */
static void
enter_sandbox(const struct ctx *c)
{
	unsigned char warm[1];
	char err[256];
	unsigned needs = c->prog->sandbox;

	tzset();
	if (crypto_random(warm, sizeof(warm)) != 0)
		log_fatal("random failed");
	if (c->cfg.db_socket[0] == '\0')
		needs |= SANDBOX_DB_TCP;
	if (sandbox_enter(needs, err, sizeof(err)) != 0)
		log_fatal("%s", err);
}

int
app_main(int argc, char **argv, const struct program *prog)
{
	static struct ctx c;    /* large; lives for the process */
	struct sigaction sa;
	const char *conf = argc > 1 ? argv[1] : getenv("JUBAO_CONF");
	char err[512];

	log_init(prog->name);
	if (conf == NULL)
		conf = "/etc/jubao/jubao.conf";
	c.prog = prog;
	if (config_load(&c.cfg, conf, err, sizeof(err)) != 0 ||
	    secrets_load(&c.cfg, &c.sec, err, sizeof(err)) != 0)
		log_fatal("%s", err);
	signal(SIGPIPE, SIG_IGN);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal must break the blocking accept. */
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0 ||
	    sigaction(SIGUSR1, &sa, NULL) != 0 || sigaction(SIGHUP, &sa, NULL) != 0)
		log_fatal("sigaction failed");
	if (mysql_library_init(0, NULL, NULL) != 0)
		log_fatal("mysql_library_init failed");
	render_init(&c.render, &c.cfg, &prog->sheet, 1);
	db_init(&c.db, &c.cfg, queries, Q__MAX);
	arena_init(&c.arena);
	if (FCGX_Init() != 0 || FCGX_InitRequest(&c.fcgi, 0, 0) != 0)
		log_fatal("FCGX_Init failed");
	/* The reference data now, not at the first request: a worker that has it can still take a
	 * report into the spool when the database goes away before that request. Failure is
	 * fine here: the first request tries again. */
	c.now = (int64_t)time(NULL);
	(void)app_refdata(&c);
	enter_sandbox(&c);
	while (!stopping && FCGX_Accept_r(&c.fcgi) >= 0) {
		handle_request(&c);
		finish_request(&c);
		if (prog->wipe)
			arena_reset_wipe(&c.arena);
		else
			arena_reset(&c.arena);
	}
	FCGX_Free(&c.fcgi, 1);
	arena_free(&c.arena);
	refdata_free(&c.refdata);
	db_close(&c.db);
	render_free(&c.render);
	mysql_library_end();
	secrets_wipe(&c.sec);
	return 0;
}
