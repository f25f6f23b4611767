/* session: the console's side of a staff session (lib/staff.c keeps the rules): the cookie that
 * carries the token, the hash of the token a request brings, setting and clearing the cookie, and
 * the request's time and client address for the audit trail. */
#include <string.h>

#include "admin.h"
#include "crypto.h"

#define STAFF_COOKIE "jubao_staff"

/* The SHA-256 of the request's session token; false when it has none (or not one of ours). */
static bool
cookie_hash(struct ctx *c, uint8_t out[32])
{
	const char *tok = app_cookie(c, STAFF_COOKIE);
	uint8_t raw[32];
	bool ok;

	if (tok == NULL || crypto_unhex(tok, strlen(tok), raw, sizeof(raw)) != 0)
		return false;
	ok = crypto_sha256(raw, sizeof(raw), out) == 0;
	explicit_bzero(raw, sizeof(raw));
	return ok;
}

int
session_load(struct page *pg)
{
	uint8_t h[32];

	memset(&pg->s, 0, sizeof(pg->s));
	if (!cookie_hash(pg->c, h))
		return 0;
	return staff_session(&pg->c->db, h, pg->c->now, &pg->s);
}

int
session_start(struct ctx *c, int64_t staff_id, bool totp_ok)
{
	char tok[STAFF_TOKEN_LEN + 1];
	bool secure = c->cfg.secure_cookies == 1 || (c->cfg.secure_cookies == -1 && c->https);
	int rc;

	if ((rc = staff_login(&c->db, staff_id, totp_ok, c->now, tok)) != DB_OK)
		return rc;
	/* No Max-Age: the cookie ends with the browser; the server ends idle sessions. */
	response_header(&c->resp, &c->arena,
	    "Set-Cookie: %s=%s; Path=%s/admin; HttpOnly; SameSite=Strict%s",
	    STAFF_COOKIE, tok, c->cfg.url_prefix, secure ? "; Secure" : "");
	explicit_bzero(tok, sizeof(tok));
	return DB_OK;
}

void
session_end(struct page *pg)
{
	struct ctx *c = pg->c;

	staff_logout(&c->db, &pg->s);
	response_header(&c->resp, &c->arena,
	    "Set-Cookie: %s=; Path=%s/admin; Max-Age=0; HttpOnly; SameSite=Strict",
	    STAFF_COOKIE, c->cfg.url_prefix);
}

int
console_audit(struct page *pg, const char *action, int64_t report_id, const char *detail)
{
	struct staff_where w = { pg->c->now, pg->c->client };

	return staff_audit(&pg->c->db, &w, &pg->s, action, report_id, detail);
}

int
console_audit_login(struct ctx *c, int64_t staff_id, const char *login, const char *action)
{
	struct staff_where w = { c->now, c->client };

	return staff_audit_login(&c->db, &w, staff_id, login, action, "");
}
