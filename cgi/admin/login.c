/* login: sign-in (password, then TOTP when the account has it; a growing lock after failures
 * per account, a limit per client address) and logout. */
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
	int64_t  id, locked_until, failed, iter;
	bool     disabled, must_change;
	uint8_t  hash[AUTH_HASH_LEN], salt[AUTH_SALT_LEN], totp[128];
	size_t   hash_len, salt_len, totp_len;
};
#define L struct login_row
static const struct dbc login_cols[] = {
	COL_I64(L, id), COL_BLOB(L, hash, hash_len), COL_BLOB(L, salt, salt_len), COL_I64(L, iter),
	COL_I64(L, locked_until), COL_I64(L, failed), COL_BOOL(L, disabled),
	COL_BLOB(L, totp, totp_len), COL_BOOL(L, must_change),
};
#undef L
static const struct db_loader login_loader = DB_LOADER(struct login_row, login_cols);

/* The TOTP secret is sealed like an identity, with "totp:<id>" as additional data. */
static bool
totp_secret(struct ctx *c, const struct login_row *a, uint8_t *out, size_t cap, size_t *len)
{
	char aad[32];

	snprintf(aad, sizeof(aad), "totp:%lld", (long long)a->id);
	return unseal(&c->sec.identity, aad, strlen(aad), a->totp, a->totp_len, out, cap,
	    len) == 0;
}

enum cred { CRED_BAD, CRED_NEED_CODE, CRED_OK };

/* Password (and second factor) right? Unknown users cost the same PBKDF2 work as known ones. */
static enum cred
credentials(struct ctx *c, struct login_row *a, bool found, const char *pw, const char *code)
{
	uint8_t secret[64];
	size_t slen;
	bool ok;

	if (!found || a->salt_len != AUTH_SALT_LEN || a->hash_len != AUTH_HASH_LEN) {
		memset(a->salt, 0, sizeof(a->salt));
		memset(a->hash, 0xff, sizeof(a->hash));
		a->iter = AUTH_ITERATIONS;
	}
	ok = auth_verify(pw, strlen(pw), a->salt, (unsigned)a->iter, a->hash) && found &&
	    !a->disabled;
	if (!ok || a->totp_len == 0)
		return ok ? CRED_OK : CRED_BAD;
	if (code == NULL)
		return CRED_NEED_CODE;
	ok = totp_secret(c, a, secret, sizeof(secret), &slen) &&
	    totp_verify(secret, slen, c->now, code, strlen(code));
	explicit_bzero(secret, sizeof(secret));
	return ok ? CRED_OK : CRED_BAD;
}

static void
login_failed(struct page *pg, const struct login_row *a, bool found, const uint8_t subject[16],
    const char *login)
{
	struct ctx *c = pg->c;
	struct dbp p[2];

	(void)rate_hit(&c->db, subject, RATE_LOGIN_FAIL, LOGIN_FAIL_WINDOW, c->now);
	if (found) {
		p[0] = P_INT(c->now + auth_lock_seconds((unsigned)a->failed + 1));
		p[1] = P_INT(a->id);
		(void)db_run(&c->db, Q_STAFF_LOGIN_FAILED, p, 2);
	}
	(void)console_audit_login(c, found ? a->id : 0, login, "login_failed");
	show(c, 401, "用户名、密码或动态验证码不正确。", login, a->totp_len > 0);
}

void
login_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *login = fv(pg, LK_LOGIN), *pw = fv(pg, LK_PASSWORD), *code = fv(pg, LK_TOTP);
	struct login_row a;
	struct dbp p[1];
	uint8_t subject[16];
	bool found;

	if (!app_form_token_ok(c)) {
		show(c, 403, "页面已过期，请重新登录。", NULL, false);
		return;
	}
	app_client_subject(c, subject);
	if (app_over_limit(c, subject, RATE_LOGIN_FAIL, LOGIN_FAIL_LIMIT, LOGIN_FAIL_WINDOW,
	    "系统暂时无法访问数据库，请稍后再试。"))
		return;
	if (login == NULL || pw == NULL) {
		show(c, 400, "请输入用户名和密码。", login, false);
		return;
	}
	p[0] = P_TEXT(login);
	if (db_load(&c->db, Q_STAFF_BY_LOGIN, p, 1, &login_loader, &c->arena, &a, NULL, NULL,
	    &found) != DB_OK) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	if (found && a.locked_until > c->now) {
		char msg[160];
		snprintf(msg, sizeof(msg), "登录失败次数过多，账户已临时锁定，请%lld分钟后再试。",
		    (long long)((a.locked_until - c->now + 59) / 60));
		(void)console_audit_login(c, a.id, login, "login_locked");
		show(c, 403, msg, login, false);
		return;
	}
	switch (credentials(c, &a, found, pw, pg->f[LK_TOTP].error != NULL ? "" : code)) {
	case CRED_NEED_CODE:
		/* the password was right; the second factor is asked for, nothing failed */
		show(c, 200, "请输入手机验证器上的6位动态验证码。", login, true);
		return;
	case CRED_BAD:
		login_failed(pg, &a, found, subject, login);
		return;
	case CRED_OK:
		break;
	}
	p[0] = P_INT(a.id);
	if (db_run(&c->db, Q_STAFF_LOGIN_OK, p, 1) != DB_OK ||
	    session_start(c, a.id, a.totp_len > 0) != DB_OK ||
	    console_audit_login(c, a.id, login, "login") != DB_OK) {
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
