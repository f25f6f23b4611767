/* config: see config.h. */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "crypto.h"

#define LINE_MAX_LEN 1024
#define CONFIG_MAX_SIZE (1 << 20)

static void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->db_host, sizeof(c->db_host), "localhost");
	c->db_port = 3306;
	snprintf(c->db_name, sizeof(c->db_name), "jubao");
	snprintf(c->db_user, sizeof(c->db_user), "jubao");
	c->db_timeout = 2;
	snprintf(c->url_prefix, sizeof(c->url_prefix), "/jubao");
	snprintf(c->csp, sizeof(c->csp), "default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
	c->secure_cookies = -1;
	snprintf(c->site_name, sizeof(c->site_name), "省工业和信息化厅");
	c->max_file = 10u << 20;
	c->max_files = 5;
	c->max_body = 5 * c->max_file + (1u << 20);
	c->max_fields = 64;
	c->csrf_max_age = 4 * 3600;
	c->lookup_fail_limit = 10;
	c->lookup_fail_window = 900;
	c->submit_limit = 20;
	c->submit_window = 3600;
	c->spool_max_bytes = 256ull << 20;
	c->spool_max_files = 10000;
	c->stats_min_cell = 5;
	c->lists_cache_bytes = 8u << 20;
	c->identity_alg = SEAL_AES256_GCM;
}

/* Bounded unsigned parse: the whole string, decimal, within [min, max]. */
static int
parse_uint(const char *s, unsigned long long min, unsigned long long max,
    unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int
parse_alg(const char *v, enum seal_alg *out)
{
	if (strcmp(v, "aes-256-gcm") == 0)
		*out = SEAL_AES256_GCM;
	else if (strcmp(v, "sm4-ctr-hmac-sm3") == 0)
		*out = SEAL_SM4_CTR_HMAC_SM3;
	else
		return -1;
	return 0;
}

static int
set_str(char *dst, size_t cap, const char *v)
{
	return snprintf(dst, cap, "%s", v) >= (int)cap ? -1 : 0;
}

/* "" or a province's two digits ("22"). */
static int
set_province(char *dst, size_t cap, const char *v)
{
	size_t len = strlen(v);

	if (len != 0 && len != 2)
		return -1;
	if (len == 2 && (!isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[1])))
		return -1;
	return set_str(dst, cap, v);
}

/* "" or "http(s)://host[:port]", without a path: letters, digits, '.', '-', ':', '[', ']'. */
static int
set_public_url(char *dst, size_t cap, const char *v)
{
	const char *host = v;

	if (*v == '\0')
		return set_str(dst, cap, v);
	if (strncmp(v, "https://", 8) == 0)
		host = v + 8;
	else if (strncmp(v, "http://", 7) == 0)
		host = v + 7;
	else
		return -1;
	if (*host == '\0' || host[strspn(host, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")] != '\0')
		return -1;
	return set_str(dst, cap, v);
}

/* Split "key = value" in place; strips blanks. Returns 0 for a pair, 1 for blank/comment. */
static int
split_line(char *line, char **key, char **val)
{
	char *eq, *end;

	line[strcspn(line, "\r\n")] = '\0';
	while (isspace((unsigned char)*line))
		line++;
	if (*line == '\0' || *line == '#')
		return 1;
	if ((eq = strchr(line, '=')) == NULL)
		return -1;
	*eq = '\0';
	for (end = eq; end > line && isspace((unsigned char)end[-1]); end--)
		end[-1] = '\0';
	*key = line;
	*val = eq + 1;
	while (isspace((unsigned char)**val))
		(*val)++;
	for (end = *val + strlen(*val); end > *val && isspace((unsigned char)end[-1]); end--)
		end[-1] = '\0';
	return **key == '\0' ? -1 : 0;
}

static int
config_set(struct config *c, const char *k, const char *v)
{
	unsigned long long n;

#define STR(name) do {							\
	if (strcmp(k, #name) == 0)						\
		return set_str(c->name, sizeof(c->name), v);			\
} while (0)
#define NUM(name, lo, hi) do {							\
	if (strcmp(k, #name) == 0) {						\
		if (parse_uint(v, lo, hi, &n) != 0)				\
			return -1;						\
		c->name = n;							\
		return 0;							\
	}									\
} while (0)
	STR(db_socket);
	STR(db_socket_failover);
	STR(db_host);
	STR(db_name);
	STR(db_user);
	STR(key_file);
	STR(xslt_dir);
	STR(attachment_dir);
	STR(publish_dir);
	STR(spool_dir);
	STR(export_dir);
	STR(url_prefix);
	/* addresses and CIDR ranges whose X-Forwarded-For / X-Real-IP are believed */
	if (strcmp(k, "trusted_proxies") == 0 || strcmp(k, "trusted_proxy") == 0)
		return proxies_parse(v, &c->trusted);
	STR(csp);
	STR(site_name);
	STR(hotline);
	if (strcmp(k, "public_url") == 0)
		return set_public_url(c->public_url, sizeof(c->public_url), v);
	NUM(db_port, 1, 65535);
	NUM(db_timeout, 1, 30);
	NUM(max_body, 1024, 1ull << 30);
	NUM(max_file, 1024, 1ull << 30);
	NUM(max_files, 0, 20);
	NUM(max_fields, 8, 1000);
	NUM(csrf_max_age, 60, 7 * 86400);
	NUM(lookup_fail_limit, 1, 1000000);
	NUM(lookup_fail_window, 1, 86400);
	NUM(submit_limit, 0, 100000000);
	NUM(submit_window, 1, 86400);
	NUM(spool_max_bytes, 0, 1ull << 40);
	NUM(spool_max_files, 0, 10000000);
	NUM(stats_min_cell, 1, 1000);
	NUM(lists_cache_bytes, 0, 1ull << 32);
#undef STR
#undef NUM
	if (strcmp(k, "region_scope") == 0)
		return set_province(c->region_scope, sizeof(c->region_scope), v);
	if (strcmp(k, "form_regions") == 0)
		return set_province(c->form_regions, sizeof(c->form_regions), v);
	if (strcmp(k, "secure_cookies") == 0) {
		if (strcmp(v, "auto") == 0)
			c->secure_cookies = -1;
		else if (strcmp(v, "on") == 0)
			c->secure_cookies = 1;
		else if (strcmp(v, "off") == 0)
			c->secure_cookies = 0;
		else
			return -1;
		return 0;
	}
	if (strcmp(k, "identity_cipher") == 0)
		return parse_alg(v, &c->identity_alg);
	return -2;
}

/* One line of the file, without its newline: 0, or -1 with the reason in err. */
static int
config_line(struct config *c, const char *s, size_t n, const char *name, int lineno, char *err,
    size_t errlen)
{
	char line[LINE_MAX_LEN], *k, *v;
	int r;

	/* As fgets into line[] used to read it: at most LINE_MAX_LEN - 2 bytes and the newline. */
	if (n > LINE_MAX_LEN - 2) {
		snprintf(err, errlen, "%s:%d: line too long", name, lineno);
		return -1;
	}
	if (memchr(s, '\0', n) != NULL) {
		snprintf(err, errlen, "%s:%d: NUL byte in line", name, lineno);
		return -1;
	}
	memcpy(line, s, n);
	line[n] = '\0';
	if ((r = split_line(line, &k, &v)) == 1)
		return 0;
	if (r != 0) {
		snprintf(err, errlen, "%s:%d: expected key = value", name, lineno);
		return -1;
	}
	if ((r = config_set(c, k, v)) == -2) {
		snprintf(err, errlen, "%s:%d: unknown key %s", name, lineno, k);
		return -1;
	} else if (r != 0) {
		snprintf(err, errlen, "%s:%d: bad value for %s", name, lineno, k);
		return -1;
	}
	return 0;
}

int
config_parse(struct config *c, const char *buf, size_t len, const char *name, char *err,
    size_t errlen)
{
	const char *p = buf, *end, *nl;
	int lineno = 0;

	config_defaults(c);
	for (end = len > 0 ? buf + len : buf; p < end; p = nl + (nl < end)) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (config_line(c, p, (size_t)(nl - p), name, ++lineno, err, errlen) != 0)
			return -1;
	}
	if (c->key_file[0] == '\0' || c->xslt_dir[0] == '\0' || c->attachment_dir[0] == '\0') {
		snprintf(err, errlen, "%s: key_file, xslt_dir and attachment_dir are required", name);
		return -1;
	}
	if (c->max_body < c->max_file) {
		snprintf(err, errlen, "%s: max_body must be at least max_file", name);
		return -1;
	}
	/* The host province: form_regions, else the one region_scope allows. */
	if (c->form_regions[0] == '\0')
		memcpy(c->form_regions, c->region_scope, sizeof(c->form_regions));
	if (c->region_scope[0] != '\0' && strcmp(c->form_regions, c->region_scope) != 0) {
		snprintf(err, errlen, "%s: form_regions must be region_scope's province", name);
		return -1;
	}
	return 0;
}

int
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	FILE *f;
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	int rc = -1;

	config_defaults(c);
	if ((f = fopen(path, "re")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			char *nb;
			if (cap >= CONFIG_MAX_SIZE) {
				snprintf(err, errlen, "%s: larger than %d bytes", path, CONFIG_MAX_SIZE);
				goto out;
			}
			cap = cap ? 2 * cap : 4096;
			if ((nb = realloc(buf, cap)) == NULL) {
				snprintf(err, errlen, "%s: out of memory", path);
				goto out;
			}
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, f)) == 0)
			break;
		len += n;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	rc = config_parse(c, buf, len, path, err, errlen);
out:
	free(buf);
	fclose(f);
	return rc;
}

/* Derive a labelled subkey of the master MAC key. */
static int
derive(const uint8_t master[32], const char *label, uint8_t out[32])
{
	return crypto_hmac_sha256(master, 32, label, strlen(label), out);
}

/* The key of an x25519 line: "x25519" HEX is the private key (the console's key file: it
 * opens identities), its public key derived; "x25519-public" HEX only the public key (the
 * public programs' key file: it seals, never opens). 32 bytes each. 0 ok, -1. */
static int
x25519_key(struct seal_key *k, const char *alg, const char *hex)
{
	k->alg = SEAL_X25519_AESGCM;
	k->has_private = strcmp(alg, "x25519") == 0;
	if (!k->has_private && strcmp(alg, "x25519-public") != 0)
		return -1;
	if (k->has_private)
		return crypto_unhex(hex, strlen(hex), k->key, SEAL_KEY_LEN) != 0 ||
		    x25519_public(k->key, k->pub) != 0 ? -1 : 0;
	return crypto_unhex(hex, strlen(hex), k->pub, X25519_KEY_LEN) != 0 ? -1 : 0;
}

/* The key of an sm2 line: "sm2" HEX is the private scalar (32 bytes, 1 <= d <= n - 2; the
 * console's key file), its public point derived; "sm2-public" HEX only the public point, 65
 * bytes uncompressed (04 || x || y), which must lie on the curve (the public programs' key
 * file). 0 ok, -1. */
static int
sm2_key(struct seal_key *k, const char *alg, const char *hex)
{
	k->alg = SEAL_SM2;
	k->has_private = strcmp(alg, "sm2") == 0;
	if (!k->has_private && strcmp(alg, "sm2-public") != 0)
		return -1;
	if (k->has_private)
		return crypto_unhex(hex, strlen(hex), k->key, SM2_PRIV_LEN) != 0 ||
		    sm2_public(k->key, k->pub) != 0 ? -1 : 0;
	return crypto_unhex(hex, strlen(hex), k->pub, SM2_PUB_LEN) != 0 ||
	    !sm2_public_ok(k->pub) ? -1 : 0;
}

/* "ID [ALG] HEX": ALG is aes-256-gcm, sm4-ctr-hmac-sm3, x25519, x25519-public, sm2 or
 * sm2-public; without it, the configured identity_cipher. Each key keeps its algorithm, so
 * records sealed before a change of cipher still open. -1 malformed; -2 well formed, but this
 * OpenSSL lacks the algorithm (an SM2 key where SM2 was left out of the build): said at start-up
 * rather than at the first report. On error the slot may hold key bytes: secrets_load wipes
 * all. */
static int
secrets_identity_key(struct secrets *s, char *v, enum seal_alg dflt)
{
	char *end, *hex;
	unsigned long id;
	struct seal_key *k;

	if (s->identity.nkeys >= KEYRING_MAX)
		return -1;
	errno = 0;
	id = strtoul(v, &end, 10);
	if (errno != 0 || end == v || id == 0 || id > 0xffffffffUL || *end != ' ')
		return -1;
	while (*end == ' ')
		end++;
	k = &s->identity.keys[s->identity.nkeys];
	k->alg = dflt;
	if ((hex = strchr(end, ' ')) != NULL) {
		*hex++ = '\0';
		while (*hex == ' ')
			hex++;
		if (strncmp(end, "sm2", 3) == 0 && !seal_alg_available(SEAL_SM2))
			return -2;
		if (strncmp(end, "x25519", 6) == 0) {
			if (x25519_key(k, end, hex) != 0)
				return -1;
		} else if (strncmp(end, "sm2", 3) == 0) {
			if (sm2_key(k, end, hex) != 0)
				return -1;
		} else if (parse_alg(end, &k->alg) != 0 ||
		    crypto_unhex(hex, strlen(hex), k->key, SEAL_KEY_LEN) != 0)
			return -1;
	} else if (crypto_unhex(end, strlen(end), k->key, SEAL_KEY_LEN) != 0)
		return -1;
	if (keyring_find(&s->identity, (uint32_t)id) != NULL)
		return -1;
	k->id = (uint32_t)id;
	s->identity.nkeys++;
	return 0;
}

/* The key file, refused when group or others may read it. */
static FILE *
open_key_file(const char *path, char *err, size_t errlen)
{
	struct stat st;
	FILE *f;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || (st.st_mode & 0077) != 0) {
		snprintf(err, errlen, "%s: must not be readable by group or others (chmod 600)",
		    path);
		close(fd);
		return NULL;
	}
	if ((f = fdopen(fd, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

int
secrets_load(struct config *c, struct secrets *s, char *err, size_t errlen)
{
	FILE *f = NULL;
	char line[LINE_MAX_LEN], *k, *v;
	uint8_t master[32];
	int have_master = 0, lineno = 0, rc = -1;
	unsigned long long cur = 0;

	memset(s, 0, sizeof(*s));
	if ((f = open_key_file(c->key_file, err, errlen)) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		int r;

		lineno++;
		if ((r = split_line(line, &k, &v)) == 1)
			continue;
		if (r != 0)
			goto bad;
		if (strcmp(k, "mac_key") == 0) {
			if (crypto_unhex(v, strlen(v), master, sizeof(master)) != 0)
				goto bad;
			have_master = 1;
		} else if (strcmp(k, "db_password") == 0) {
			if (set_str(c->db_password, sizeof(c->db_password), v) != 0)
				goto bad;
		} else if (strcmp(k, "identity_key") == 0) {
			if ((r = secrets_identity_key(s, v, c->identity_alg)) == -2) {
				snprintf(err, errlen, "%s:%d: this OpenSSL has no SM2 public-key "
				    "encryption (SM2, SM3): an sm2 identity key needs an OpenSSL "
				    "built with them", c->key_file, lineno);
				goto out;
			}
			if (r != 0)
				goto bad;
		} else if (strcmp(k, "identity_current") == 0) {
			if (parse_uint(v, 1, 0xffffffffULL, &cur) != 0)
				goto bad;
		} else
			goto bad;
	}
	if (!have_master || cur == 0 || keyring_find(&s->identity, (uint32_t)cur) == NULL) {
		snprintf(err, errlen, "%s: needs mac_key, identity_key and identity_current naming "
		    "one of the identity keys", c->key_file);
		goto out;
	}
	s->identity.current = (uint32_t)cur;
	if (derive(master, "jubao csrf", s->csrf_key) != 0 ||
	    derive(master, "jubao query code", s->code_key) != 0 ||
	    derive(master, "jubao query code mac", s->code_mac_key) != 0 ||
	    derive(master, "jubao submit key", s->submit_key) != 0 ||
	    derive(master, "jubao client", s->client_key) != 0 ||
	    derive(master, "jubao login name", s->login_key) != 0) {
		snprintf(err, errlen, "key derivation failed");
		goto out;
	}
	rc = 0;
	goto out;
bad:
	snprintf(err, errlen, "%s:%d: malformed line", c->key_file, lineno);
out:
	explicit_bzero(master, sizeof(master));
	explicit_bzero(line, sizeof(line));
	fclose(f);
	if (rc != 0)
		secrets_wipe(s);
	return rc;
}

/* "identity_key = ID NAME <private hex>" and "identity_key = ID NAME-public <public hex>". */
static int
pair_lines(uint32_t id, const char *name, const uint8_t *priv, size_t privlen,
    const uint8_t *pub, size_t publen, char *out, size_t cap)
{
	char hpriv[2 * 64 + 1], hpub[2 * 65 + 1];
	int n;

	if (privlen > 64 || publen > 65)
		return -1;
	crypto_hex(priv, privlen, hpriv);
	crypto_hex(pub, publen, hpub);
	n = snprintf(out, cap, "identity_key = %lu %s %s\nidentity_key = %lu %s-public %s\n",
	    (unsigned long)id, name, hpriv, (unsigned long)id, name, hpub);
	explicit_bzero(hpriv, sizeof(hpriv));
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int
secrets_sm2_lines(uint32_t id, char *out, size_t cap)
{
	uint8_t priv[SM2_PRIV_LEN], pub[SM2_PUB_LEN];
	int rc = -1;

	if (id != 0 && sm2_keygen(priv, pub) == 0)
		rc = pair_lines(id, "sm2", priv, sizeof(priv), pub, sizeof(pub), out, cap);
	explicit_bzero(priv, sizeof(priv));
	if (rc != 0 && cap > 0)
		explicit_bzero(out, cap);
	return rc;
}

int
secrets_x25519_lines(uint32_t id, char *out, size_t cap)
{
	uint8_t priv[X25519_KEY_LEN], pub[X25519_KEY_LEN];
	int rc = -1;

	if (id != 0 && x25519_keygen(priv, pub) == 0)
		rc = pair_lines(id, "x25519", priv, sizeof(priv), pub, sizeof(pub), out, cap);
	explicit_bzero(priv, sizeof(priv));
	if (rc != 0 && cap > 0)
		explicit_bzero(out, cap);
	return rc;
}

void
secrets_wipe(struct secrets *s)
{
	explicit_bzero(s, sizeof(*s));
}
