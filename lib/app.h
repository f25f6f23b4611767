/*
 * app: the FastCGI program around a handler. It reads the configuration and keys, compiles the
 * stylesheets, runs the accept loop, turns each request into a struct ctx (everything copied
 * into the request arena: no pointer into libfcgi's environment survives FCGX_Accept_r), and
 * writes every answer with the same security headers. A handler parses nothing raw and writes
 * nothing raw: it reads ctx->form and answers with app_send() or app_error().
 */
#ifndef JUBAO_APP_H
#define JUBAO_APP_H

#include <stdbool.h>
#include <stdint.h>

#include <fcgiapp.h>
#include <libxml/tree.h>

#include "arena.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "http.h"
#include "refdata.h"
#include "render.h"

struct ctx;

struct program {
	const char *name;
	const char *sheet;                 /* file name in xslt_dir */
	void      (*handle)(struct ctx *);
	bool        cacheable;             /* its pages carry no per-request token (render.h) */
	bool        wipe;                  /* its requests carry identities or codes: the request
	                                    * memory is overwritten after each (arena_reset_wipe) */
	unsigned    sandbox;               /* its needs beyond the common system calls: an OR of
	                                    * enum sandbox_need (sandbox.h) */
};

struct ctx {
	/* for the life of the process */
	const struct program *prog;
	struct config    cfg;
	struct secrets   sec;
	struct db        db;
	struct render    render;
	struct refdata   refdata;
	struct arena     arena;
	FCGX_Request     fcgi;
	/* for one request, in the arena */
	const char      *method;
	const char      *path;             /* below the URL prefix: "/", "/submit" */
	const char      *content_type;
	const char      *client;           /* the client's address */
	bool             https;
	bool             is_post;
	bool             want_xml;         /* format=xml */
	bool             keep_html;        /* this page's HTML may be kept by the render cache
	                                    * though its program's pages are not (prog->cacheable):
	                                    * it repeats for one user (the statistics) */
	bool             accepts_gzip;     /* Accept-Encoding allows gzip (lib/gz.h) */
	int64_t          now;              /* seconds since the epoch, at accept */
	struct params    query;
	struct params    form;             /* query for GET, body for POST */
	struct params    cookies;
	struct response  resp;
	bool             answered;
	/* The answer's header block, kept until the body is known so that both leave in one
	 * write (lib/fcgiout.h); spilled into libfcgi's stream only if it outgrows this. */
	char             head[8192];
	size_t           head_len;
	bool             head_spilled;
};

int app_main(int argc, char **argv, const struct program *);

/* Read and parse a POST body of at most max_body bytes into ctx->form. 0, or the status to
 * answer (400 malformed or aborted, 413 too large, 415 unknown type), with *why set to a message
 * for the user. */
int app_read_form(struct ctx *, size_t max_body, const char **why);

/* Answer with doc (freed here), rendered through the program's stylesheet unless format=xml. */
void app_send(struct ctx *, int status, xmlDocPtr doc);
/* <error status><message/></error>; *root receives the root to add <field>s or a form to. */
xmlDocPtr app_error_doc(int status, const char *message, xmlNodePtr *root);
void app_error(struct ctx *, int status, const char *message);
/* 429 with Retry-After. */
void app_too_many(struct ctx *, int64_t retry_after);

/* Form tokens (CSRF) for forms used before any login: the token's MAC is keyed by a random
 * cookie (jubao_form), so a token works only beside the cookie it was issued with, and several
 * open forms each have their own. app_form_token sets or refreshes the cookie. */
void app_form_token(struct ctx *, char token[CSRF_TOKEN_LEN + 1]);
/* Exactly one csrf field, valid, fresh and bound to this browser's cookie. */
bool app_form_token_ok(struct ctx *);
/* Bytes as they are (a stored file), with the security headers and the handler's own. */
void app_send_bytes(struct ctx *, int status, const char *content_type, const void *buf,
    size_t len);
/* The head of an answer whose body the handler streams itself (FCGX_PutStr on c->fcgi.out;
 * nothing for HEAD): the status, the type, the security headers, no length. false when an
 * answer was already sent, or for HEAD (then no body may follow). */
bool app_stream_head(struct ctx *, int status, const char *content_type);
/* 303 to prefix + path. */
void app_redirect(struct ctx *, const char *path);

const char *app_cookie(struct ctx *, const char *name);
void app_set_cookie(struct ctx *, const char *name, const char *value, int max_age);
/* A keyed hash of the client's address: what rate limits count. */
void app_client_subject(struct ctx *, uint8_t out[16]);
/* Is the client over a limit (lib/ratelimit.h, bucket as an int)? Then the answer is sent:
 * 429 with Retry-After, or 503 with the message unavailable when the database cannot tell.
 * True when answered. */
bool app_over_limit(struct ctx *, const uint8_t subject[16], int bucket, unsigned limit,
    unsigned window, const char *unavailable);
/* Reference data, loaded or refreshed; false when the database cannot give it. */
bool app_refdata(struct ctx *);

#endif
