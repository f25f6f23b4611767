/* login: sign-in (password, then TOTP when the account has it) and logout.
 *
 * The rule against guessing (issue 8):
 * - Every failure answers alike: 401 and the same page and message, whether the login is
 *   unknown, the password or the code is wrong, the account is disabled or the attempt is
 *   throttled; and PBKDF2 runs every time (on a dummy hash when there is nothing to check).
 * - Attempts are throttled per (typed login, client address), both as keyed hashes, in
 *   login_throttle. Before PBKDF2 runs, an attempt takes a slot there in a transaction (the row
 *   read FOR UPDATE): it is counted at once, and the n-th attempt since the last success from
 *   that address makes the next one wait auth_lock_seconds(n) (none for the first 4, then 1, 2,
 *   4 … minutes, at most an hour). So N parallel guesses are evaluated one slot at a time and
 *   never more than the schedule allows; a success from that address clears its row.
 * - Another address is not slowed: nobody can lock the owner out. Across accounts, one address
 *   may fail LOGIN_FAIL_LIMIT times per window (lib/ratelimit, as before).
 * - A TOTP code is accepted once (staff.totp_last_step, set by the update that accepts it).
 * - The audit trail names a failed attempt by the account's id, or for an unknown login by a
 *   short keyed hash of the typed text, never the text (it may be a password).
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "crypto.h"
#include "log.h"
#include "queries.h"
#include "ratelimit.h"

#define LOGIN_FAIL_LIMIT  20      /* failed logins per client address per window */
#define LOGIN_FAIL_WINDOW 900
#define RATE_LOGIN_FAIL   3

const struct form_key login_keys[LK__MAX] = {
	[LK_LOGIN] = { "login", NULL, 1, 64, FORM_REQUIRED, NULL, "请输入用户名。" },
	[LK_PASSWORD] = { "password", NULL, 1, AUTH_PW_MAX, FORM_REQUIRED | FORM_SECRET, NULL,
	    "请输入密码。" },
	[LK_TOTP] = { "totp", form_digits, 6, 6, FORM_SECRET, NULL, "动态验证码为6位数字。" },
};

#define LOGIN_FAILED_MESSAGE "用户名、密码或动态验证码不正确，或尝试过于频繁，请稍后再试。"

static void
show(struct ctx *c, int status, const char *message, const char *login, bool totp)
{
	char token[CSRF_TOKEN_LEN + 1];
	xmlNodePtr root;
	xmlDocPtr doc;

	app_form_token(c, token);
	doc = xml_doc("login", &root);
	xml_add(root, "csrf", token);
	if (login != NULL)
		xml_add(root, "login-name", login);
	if (totp)
		xml_add(root, "totp", NULL);
	if (message != NULL)
		xml_add(root, "message", message);
	app_send(c, status, doc);
}

void
login_page(struct page *pg)
{
	show(pg->c, 200, NULL, NULL, false);
}

struct login_row {
	int64_t  id, iter, totp_step;
	bool     disabled, must_change;
	uint8_t  hash[AUTH_HASH_LEN], salt[AUTH_SALT_LEN], totp[TOTP_SEALED_MAX];
	size_t   hash_len, salt_len, totp_len;
};
#define L struct login_row
static const struct dbc login_cols[] = {
	COL_I64(L, id), COL_BLOB(L, hash, hash_len), COL_BLOB(L, salt, salt_len), COL_I64(L, iter),
	COL_BOOL(L, disabled), COL_BLOB(L, totp, totp_len), COL_I64(L, totp_step),
	COL_BOOL(L, must_change),
};
#undef L
static const struct db_loader login_loader = DB_LOADER(struct login_row, login_cols);

struct throttle_row {
	int64_t failures, until;
};
static const struct dbc throttle_cols[] = {
	COL_I64(struct throttle_row, failures), COL_I64(struct throttle_row, until),
};
static const struct db_loader throttle_loader = DB_LOADER(struct throttle_row, throttle_cols);

/* One attempt: what was typed, as hashes, and what became of it. */
struct attempt {
	const char *login;
	uint8_t     account[16];       /* keyed hash of the typed login */
	uint8_t     subject[16];       /* keyed hash of the client address */
	char        pseudonym[16];     /* "?" and 12 hex digits of account, for the audit trail */
	bool        found;
	int64_t     step;              /* the TOTP step accepted */
};

static void
attempt_init(struct ctx *c, struct attempt *t, const char *login)
{
	uint8_t mac[32];

	t->login = login;
	if (crypto_hmac2(c->sec.login_key, sizeof(c->sec.login_key), "login", 5, login,
	    strlen(login), mac) != 0)
		log_fatal("hmac failed");
	memcpy(t->account, mac, sizeof(t->account));
	t->pseudonym[0] = '?';
	crypto_hex(mac, 6, t->pseudonym + 1);
	app_client_subject(c, t->subject);
}

enum slot { SLOT_TAKEN, SLOT_THROTTLED, SLOT_DB };

/* Take the attempt's slot (see the rule at the top): counted before it is evaluated. */
static enum slot
take_slot(struct ctx *c, const struct attempt *t)
{
	struct throttle_row r;
	struct dbp p[4];
	bool found;
	int tries, rc;

	for (tries = 0; tries < 5; tries++) {
		p[0] = P_BLOB(t->account, 16);
		p[1] = P_BLOB(t->subject, 16);
		if (db_run(&c->db, Q_THROTTLE_ENSURE, p, 2) != DB_OK || db_begin(&c->db) != DB_OK)
			return SLOT_DB;
		rc = db_load(&c->db, Q_THROTTLE_LOCK, p, 2, &throttle_loader, &c->arena, &r, NULL,
		    NULL, &found);
		if (rc == DB_OK && found && r.until > c->now) {
			db_rollback(&c->db);
			return SLOT_THROTTLED;
		}
		if (rc == DB_OK && found) {
			p[0] = P_INT(r.failures + 1);
			p[1] = P_INT(c->now + auth_lock_seconds((unsigned)r.failures + 1));
			p[2] = P_BLOB(t->account, 16);
			p[3] = P_BLOB(t->subject, 16);
			rc = db_run(&c->db, Q_THROTTLE_TAKE, p, 4);
		}
		if (rc == DB_OK && found && (rc = db_commit(&c->db)) == DB_OK)
			return SLOT_TAKEN;
		db_rollback(&c->db);
		if (rc != DB_OK && rc != DB_RETRY)
			return SLOT_DB;
		/* a deadlock, or the row went (a success cleared it): again */
	}
	return SLOT_DB;
}

enum cred { CRED_BAD, CRED_NEED_CODE, CRED_OK };

/* Password (and second factor) right? PBKDF2 runs whatever the account: unknown, disabled or
 * throttled (allowed false) attempts cost the same work and fail. */
static enum cred
credentials(struct ctx *c, struct login_row *a, struct attempt *t, bool allowed,
    const char *pw, const char *code)
{
	uint8_t secret[64];
	size_t slen;
	bool ok;

	if (!t->found || a->salt_len != AUTH_SALT_LEN || a->hash_len != AUTH_HASH_LEN) {
		memset(a->salt, 0, sizeof(a->salt));
		memset(a->hash, 0xff, sizeof(a->hash));
		a->iter = AUTH_ITERATIONS;
	}
	ok = auth_verify(pw, strlen(pw), a->salt, (unsigned)a->iter, a->hash) && t->found &&
	    !a->disabled && allowed;
	if (!ok || a->totp_len == 0)
		return ok ? CRED_OK : CRED_BAD;
	if (code == NULL)
		return CRED_NEED_CODE;
	ok = staff_totp_secret(c, a->id, a->totp, a->totp_len, secret, sizeof(secret), &slen) &&
	    (t->step = totp_accept(secret, slen, c->now, code, strlen(code), a->totp_step)) >= 0;
	explicit_bzero(secret, sizeof(secret));
	return ok ? CRED_OK : CRED_BAD;
}

/* The one answer of every failure. */
static void
login_failed(struct ctx *c, const struct login_row *a, const struct attempt *t, bool allowed)
{
	struct dbp p[1];

	(void)rate_hit(&c->db, t->subject, RATE_LOGIN_FAIL, LOGIN_FAIL_WINDOW, c->now);
	if (t->found && allowed) {
		p[0] = P_INT(a->id);
		(void)db_run(&c->db, Q_STAFF_LOGIN_FAILED, p, 1);
	}
	(void)console_audit_login(c, t->found ? a->id : 0, t->found ? t->login : t->pseudonym,
	    allowed ? "login_failed" : "login_throttled");
	show(c, 401, LOGIN_FAILED_MESSAGE, t->login, false);
}

/* A right password (and code): record the code's step, which fails when another request used
 * it first, clear this address's throttle, and start the session. */
static int
login_ok(struct ctx *c, const struct login_row *a, const struct attempt *t)
{
	struct dbp p[3];
	int rc;

	if (a->totp_len > 0) {
		p[0] = P_INT(t->step);
		p[1] = P_INT(a->id);
		p[2] = P_INT(t->step);
		if ((rc = db_run(&c->db, Q_STAFF_TOTP_STEP, p, 3)) != DB_OK)
			return rc;
		if (db_affected(&c->db, Q_STAFF_TOTP_STEP) != 1)
			return 1;
	}
	p[0] = P_BLOB(t->account, 16);
	p[1] = P_BLOB(t->subject, 16);
	p[2] = P_INT(a->id);
	if ((rc = db_run(&c->db, Q_THROTTLE_CLEAR, p, 2)) != DB_OK ||
	    (rc = db_run(&c->db, Q_STAFF_LOGIN_OK, p + 2, 1)) != DB_OK ||
	    (rc = session_start(c, a->id, a->totp_len > 0)) != DB_OK)
		return rc;
	return console_audit_login(c, a->id, t->login, "login");
}

void
login_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *login = fv(pg, LK_LOGIN), *pw = fv(pg, LK_PASSWORD), *code = fv(pg, LK_TOTP);
	struct login_row a;
	struct attempt t;
	struct dbp p[1];
	enum slot slot;
	int rc;

	if (!app_form_token_ok(c)) {
		show(c, 403, "页面已过期，请重新登录。", NULL, false);
		return;
	}
	memset(&t, 0, sizeof(t));
	app_client_subject(c, t.subject);
	if (app_over_limit(c, t.subject, RATE_LOGIN_FAIL, LOGIN_FAIL_LIMIT, LOGIN_FAIL_WINDOW,
	    "系统暂时无法访问数据库，请稍后再试。"))
		return;
	if (login == NULL || pw == NULL) {
		show(c, 400, "请输入用户名和密码。", login, false);
		return;
	}
	attempt_init(c, &t, login);
	p[0] = P_TEXT(login);
	if ((slot = take_slot(c, &t)) == SLOT_DB ||
	    db_load(&c->db, Q_STAFF_BY_LOGIN, p, 1, &login_loader, &c->arena, &a, NULL, NULL,
	    &t.found) != DB_OK) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	if (!t.found)
		memset(&a, 0, sizeof(a));
	switch (credentials(c, &a, &t, slot == SLOT_TAKEN, pw,
	    pg->f[LK_TOTP].error != NULL ? "" : code)) {
	case CRED_NEED_CODE:
		/* the password was right; the second factor is asked for (the slot stays taken) */
		show(c, 200, "请输入手机验证器上的6位动态验证码。", login, true);
		return;
	case CRED_BAD:
		login_failed(c, &a, &t, slot == SLOT_TAKEN);
		return;
	case CRED_OK:
		break;
	}
	if ((rc = login_ok(c, &a, &t)) == 1) {
		login_failed(c, &a, &t, true);      /* the code was used by a parallel request */
		return;
	}
	if (rc != DB_OK) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	app_redirect(c, a.must_change ? "/admin/password" : "/admin/");
}

void
logout_post(struct page *pg)
{
	(void)console_audit(pg, "logout", 0, "");
	session_end(pg);
	app_redirect(pg->c, "/admin/login");
}
