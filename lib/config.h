/*
 * config: the one configuration file (conf/jubao.conf, `key = value` lines, `#` comments) and the
 * key file it names. Unknown keys and malformed values are errors at start-up, not surprises later.
 * The key file holds the server secrets (MAC key, identity keys); it must not be readable by
 * others, and nothing from it is ever logged.
 */
#ifndef JUBAO_CONFIG_H
#define JUBAO_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "crypto.h"
#include "proxy.h"

struct config {
	/* database */
	char     db_socket[256];        /* unix socket; empty: use db_host/db_port */
	/* more sockets of the same database, comma-separated (Galera nodes): db_connect tries
	 * them in turn when db_socket does not answer; "": none */
	char     db_socket_failover[512];
	char     db_host[256];
	unsigned db_port;
	char     db_name[64];
	char     db_user[64];
	char     db_password[128];      /* read from the key file's db_password, never here */
	unsigned db_timeout;            /* seconds, connect/read/write */
	unsigned db_rw_timeout;         /* seconds, read/write if set (jubaoctl's long statements) */
	/* files */
	char     key_file[256];
	char     xslt_dir[256];
	char     attachment_dir[256];
	char     publish_dir[256];      /* the published lists' static files; "": none written */
	char     spool_dir[256];        /* reports taken while the database is away; "" none */
	char     export_dir[256];       /* the console's own 0700 directory for the .xlsx it
	                                 * makes (lib/xlsx.h); "": no .xlsx downloads */
	/* web */
	char     url_prefix[64];        /* "/jubao" */
	struct proxies trusted;         /* trusted_proxies (and the older trusted_proxy) */
	char     csp[512];              /* Content-Security-Policy */
	int      secure_cookies;        /* 1 always, 0 never, -1 when the request came over HTTPS */
	char     site_name[128];        /* shown by portal.xsl */
	/* limits */
	size_t   max_body;              /* bytes of a submission body */
	size_t   max_file;              /* bytes of one attachment */
	unsigned max_files;
	unsigned max_fields;            /* fields in one form */
	unsigned csrf_max_age;          /* seconds a form stays valid */
	unsigned lookup_fail_limit;     /* failed status lookups per client per window */
	unsigned lookup_fail_window;    /* seconds */
	unsigned submit_limit;          /* submissions per client per window; 0: unlimited */
	unsigned submit_window;
	uint64_t spool_max_bytes;       /* the spool's limits (lib/spool.h); 0: none */
	unsigned spool_max_files;
	unsigned stats_min_cell;        /* the public summary shows no count below it (/stats) */
	uint64_t lists_cache_bytes;     /* rendered list pages each lists worker keeps
	                                 * (lib/listcache.h), compressed; 0: none */
	char     region_scope[7];       /* "" all of China; "22": only Jilin's regions offered */
	char     form_regions[3];       /* the host province ("22"): its regions are what the form
	                                 * offers by default (others a link away), and its
	                                 * channels come first; "" all, or region_scope's */
	char     public_url[128];       /* "https://gxt.jl.gov.cn": scheme and host of the public
	                                 * site (the receipt's QR code); "" this request's */
	char     hotline[64];           /* shown in the layout when set: "0431-12345678" */
	/* identity sealing */
	enum seal_alg identity_alg;     /* for key lines that name no cipher, and for new keys:
	                                 * aes-256-gcm (default) or sm4-ctr-hmac-sm3 (国密) */
};

/* Secrets, read from config->key_file. Subkeys are derived by label so that one compromise of a
 * use (say the CSRF key) says nothing about another. */
struct secrets {
	uint8_t        csrf_key[32];
	uint8_t        code_key[32];      /* derives the query code from the form token */
	uint8_t        code_mac_key[32];  /* the stored hash of ticket+code */
	uint8_t        submit_key[32];    /* the idempotency key of a form token */
	uint8_t        client_key[32];    /* hashes client addresses for rate limiting */
	uint8_t        login_key[32];     /* hashes typed login names (sign-in throttle, audit) */
	struct keyring identity;
};

/* Fill defaults, then read the file at path. On error, writes a one-line reason into err and
 * returns -1. */
int config_load(struct config *, const char *path, char *err, size_t errlen);
/* The same from buf[0..len) (not NUL-terminated, never read past len; NULL when len is 0): fill
 * defaults, then read the lines; name stands for the file in the reasons ("name:LINE: ..."). A
 * NUL byte in a line is an error. config_load reads the file (at most 1 MiB) and calls this. */
int config_parse(struct config *, const char *buf, size_t len, const char *name, char *err,
    size_t errlen);
/* Read the key file named by the config (and the database password it holds, into the config).
 * -1 with a reason on error (missing, readable by others, malformed, no current identity key). */
int secrets_load(struct config *, struct secrets *, char *err, size_t errlen);
void secrets_wipe(struct secrets *);
/* A new X25519 identity key with this id as the two key-file lines secrets_load reads:
 * "identity_key = ID x25519 <private hex>\n" (the console's key file) then
 * "identity_key = ID x25519-public <public hex>\n" (the public programs' key file), into out
 * (cap bytes; 256 suffice). 0 ok, -1 (out then wiped). The caller wipes out after use. */
#define SECRETS_X25519_LINES_MAX 256
int secrets_x25519_lines(uint32_t id, char *out, size_t cap);
/* The same for a new SM2 identity key (the 国密 choice): "identity_key = ID sm2 <private scalar,
 * 64 hex>\n" then "identity_key = ID sm2-public <uncompressed point 04||x||y, 130 hex>\n" into
 * out (cap bytes; 320 suffice). 0 ok, -1 (out then wiped). The caller wipes out after use. */
#define SECRETS_SM2_LINES_MAX 320
int secrets_sm2_lines(uint32_t id, char *out, size_t cap);

#endif
