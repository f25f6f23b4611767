/* account: the signed-in user's own password and second factor (TOTP, RFC 6238). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "crypto.h"
#include "log.h"
#include "queries.h"

const struct form_key password_keys[PK__MAX] = {
	[PK_OLD] = { "old_password", NULL, 1, AUTH_PW_MAX, FORM_REQUIRED | FORM_SECRET, NULL,
	    "原密码不正确。" },
	[PK_NEW] = { "new_password", NULL, 1, AUTH_PW_MAX, FORM_REQUIRED | FORM_SECRET, NULL,
	    "请输入新密码（至少10位，不超过128位）。" },
	[PK_NEW2] = { "new_password2", NULL, 1, AUTH_PW_MAX, FORM_REQUIRED | FORM_SECRET, NULL,
	    "两次输入的新密码不一致。" },
};

static const struct option totp_actions[] = {
	{ "enable", "启用" }, { "disable", "停用" }, { NULL, NULL },
};

/* Switching the second factor on or off takes the password and a code: a session left open is
 * not enough to change how the account signs in. */
const struct form_key totp_keys[TK__MAX] = {
	[TK_ACTION] = { "action", form_choice, 0, 0, 0, totp_actions, "未知的操作。" },
	[TK_PASSWORD] = { "password", NULL, 1, AUTH_PW_MAX, FORM_REQUIRED | FORM_SECRET, NULL,
	    "密码不正确。" },
	[TK_CODE] = { "code", form_digits, 6, 6, FORM_REQUIRED | FORM_SECRET, NULL,
	    "动态验证码不正确，请核对手机验证器的时间后重试。" },
};

static void
password_show(struct page *pg, int status, const char *message, const char *bad_field)
{
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "password-form", &root);

	if (pg->s.must_change)
		xml_add(root, "must-change", "1");
	if (message != NULL) {
		xml_add(root, "message", message);
		if (bad_field != NULL)
			xml_attr(xml_add(root, "field", message), "name", bad_field);
	}
	app_send(pg->c, status, doc);
}

void
password_page(struct page *pg)
{
	password_show(pg, 200, NULL, NULL);
}

struct pw_row {
	uint8_t hash[AUTH_HASH_LEN], salt[AUTH_SALT_LEN];
	size_t  hash_len, salt_len;
	int64_t iter;
};
static const struct dbc pw_cols[] = {
	COL_BLOB(struct pw_row, hash, hash_len), COL_BLOB(struct pw_row, salt, salt_len),
	COL_I64(struct pw_row, iter),
};
static const struct db_loader pw_loader = DB_LOADER(struct pw_row, pw_cols);

static bool
old_password_ok(const struct pw_row *a, const char *old)
{
	return old != NULL && a->hash_len == AUTH_HASH_LEN && a->salt_len == AUTH_SALT_LEN &&
	    auth_verify(old, strlen(old), a->salt, (unsigned)a->iter, a->hash);
}

void
password_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *old = fv(pg, PK_OLD), *n1 = fv(pg, PK_NEW), *n2 = fv(pg, PK_NEW2), *problem;
	struct pw_row a;
	struct dbp p[5];
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];
	bool found;

	p[0] = P_INT(pg->s.id);
	if (db_load(&c->db, Q_STAFF_BY_ID, p, 1, &pw_loader, &c->arena, &a, NULL, NULL, &found) !=
	    DB_OK) {
		db_unavailable(pg);
		return;
	}
	if (!old_password_ok(&a, old)) {
		password_show(pg, 400, "原密码不正确。", "old_password");
		return;
	}
	if (n1 == NULL || (problem = auth_password_problem(n1, strlen(n1))) != NULL) {
		password_show(pg, 400, n1 == NULL ? "请输入新密码。" : problem, "new_password");
		return;
	}
	if (n2 == NULL || strcmp(n1, n2) != 0) {
		password_show(pg, 400, "两次输入的新密码不一致。", "new_password2");
		return;
	}
	if (strcmp(old, n1) == 0) {
		password_show(pg, 400, "新密码不能与原密码相同。", "new_password");
		return;
	}
	if (auth_new_hash(n1, strlen(n1), salt, hash) != 0)
		log_fatal("password hash failed");
	p[0] = P_BLOB(hash, sizeof(hash));
	p[1] = P_BLOB(salt, sizeof(salt));
	p[2] = P_INT(AUTH_ITERATIONS);
	p[3] = P_INT(0);
	p[4] = P_INT(pg->s.id);
	if (db_run(&c->db, Q_STAFF_SET_PASSWORD, p, 5) != DB_OK ||
	    console_audit(pg, "password_change", 0, "") != DB_OK) {
		db_unavailable(pg);
		return;
	}
	/* Other sessions of this user end: a changed password shuts out whoever knew the old. */
	p[0] = P_INT(pg->s.id);
	p[1] = P_BLOB(pg->s.token_hash, 32);
	(void)db_run(&c->db, Q_SESSIONS_OF_STAFF_DELETE, p, 2);
	app_redirect(c, "/admin/");
}

bool
staff_totp_secret(struct ctx *c, int64_t id, const uint8_t *sealed, size_t sealed_len,
    uint8_t *out, size_t cap, size_t *len)
{
	char aad[32];

	snprintf(aad, sizeof(aad), "totp:%lld", (long long)id);
	return unseal(&c->sec.identity, aad, strlen(aad), sealed, sealed_len, out, cap, len) == 0;
}

/* The secret offered is derived from the session and a label, so that the confirming POST can
 * recompute it without storing anything unconfirmed. */
static void
offered_secret(struct page *pg, uint8_t mac[32])
{
	if (crypto_hmac2(pg->c->sec.csrf_key, 32, pg->s.csrf, strlen(pg->s.csrf), "totp-setup", 10,
	    mac) != 0)
		log_fatal("hmac failed");
}

/* The page: the set-up steps, or (when enabled) the form that switches it off; a message and
 * the field it concerns after a refused POST. */
static void
totp_show(struct page *pg, int status, const char *message, const char *bad_field)
{
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "totp-setup", &root);
	uint8_t mac[32];
	char b32[40], uri[300];

	if (message != NULL) {
		xml_add(root, "message", message);
		if (bad_field != NULL)
			xml_attr(xml_add(root, "field", message), "name", bad_field);
	}
	if (staff_needs_factor(&pg->s))
		xml_add(root, "required", "1");
	if (pg->s.has_totp) {
		xml_add(root, "enabled", "1");
		app_send(pg->c, status, doc);
		return;
	}
	offered_secret(pg, mac);
	base32_encode(mac, 20, b32);
	snprintf(uri, sizeof(uri), "otpauth://totp/jubao:%s?secret=%s&issuer=jubao&digits=6&period=30",
	    pg->s.login, b32);
	xml_add(root, "secret", b32);
	xml_add(root, "uri", uri);
	explicit_bzero(mac, sizeof(mac));
	app_send(pg->c, status, doc);
}

void
totp_page(struct page *pg)
{
	totp_show(pg, 200, NULL, NULL);
}

struct totp_row {
	uint8_t hash[AUTH_HASH_LEN], salt[AUTH_SALT_LEN], totp[TOTP_SEALED_MAX];
	size_t  hash_len, salt_len, totp_len;
	int64_t iter, step;
};
#define T struct totp_row
static const struct dbc totp_cols[] = {
	COL_BLOB(T, hash, hash_len), COL_BLOB(T, salt, salt_len), COL_I64(T, iter),
	COL_BLOB(T, totp, totp_len), COL_I64(T, step),
};
#undef T
static const struct db_loader totp_loader = DB_LOADER(struct totp_row, totp_cols);

#define TOTP_BAD_CODE "动态验证码不正确，请核对手机验证器的时间后重试。"

/* Enrol: the offered secret and a code of it; the code's step is its last used. */
static int
totp_enable(struct page *pg, const struct totp_row *a, const char *code)
{
	struct ctx *c = pg->c;
	uint8_t mac[32], blob[TOTP_SEALED_MAX];
	size_t blen;
	char aad[32];
	struct dbp p[3];
	struct seal_key key;
	const struct seal_key *cur;
	int64_t step;

	offered_secret(pg, mac);
	if (a->totp_len > 0 || (step = totp_accept(mac, 20, c->now, code, strlen(code), -1)) < 0) {
		explicit_bzero(mac, sizeof(mac));
		return 1;
	}
	if ((cur = keyring_find(&c->sec.identity, c->sec.identity.current)) == NULL)
		log_fatal("no current key");
	key = *cur;
	snprintf(aad, sizeof(aad), "totp:%lld", (long long)pg->s.id);
	if (seal(&key, aad, strlen(aad), mac, 20, blob, sizeof(blob), &blen) != 0)
		log_fatal("seal failed");
	explicit_bzero(&key, sizeof(key));
	explicit_bzero(mac, sizeof(mac));
	p[0] = P_BLOB(blob, blen);
	p[1] = P_INT(step);
	p[2] = P_INT(pg->s.id);
	if (db_run(&c->db, Q_STAFF_SET_TOTP, p, 3) != DB_OK)
		return DB_FAIL;
	return console_audit(pg, "totp_enable", 0, "");
}

/* Switch off: a code of the stored secret, used once like a sign-in's. */
static int
totp_disable(struct page *pg, const struct totp_row *a, const char *code)
{
	struct ctx *c = pg->c;
	uint8_t secret[64];
	size_t slen;
	struct dbp p[3];
	int64_t step = -1;
	bool ok;

	ok = a->totp_len > 0 && staff_totp_secret(c, pg->s.id, a->totp, a->totp_len, secret,
	    sizeof(secret), &slen) &&
	    (step = totp_accept(secret, slen, c->now, code, strlen(code), a->step)) >= 0;
	explicit_bzero(secret, sizeof(secret));
	if (!ok)
		return 1;
	p[0] = P_INT(step);
	p[1] = P_INT(pg->s.id);
	p[2] = P_INT(step);
	if (db_run(&c->db, Q_STAFF_TOTP_OFF, p, 3) != DB_OK)
		return DB_FAIL;
	if (db_affected(&c->db, Q_STAFF_TOTP_OFF) != 1)
		return 1;
	return console_audit(pg, "totp_disable", 0, "");
}

void
totp_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *pw = fv(pg, TK_PASSWORD), *code = fv(pg, TK_CODE), *action = fv(pg, TK_ACTION);
	bool off = action != NULL && strcmp(action, "disable") == 0, found;
	struct totp_row a;
	struct dbp p[1];
	int rc;

	p[0] = P_INT(pg->s.id);
	if (db_load(&c->db, Q_STAFF_TOTP_BY_ID, p, 1, &totp_loader, &c->arena, &a, NULL, NULL,
	    &found) != DB_OK || !found) {
		db_unavailable(pg);
		return;
	}
	if (pw == NULL || a.hash_len != AUTH_HASH_LEN || a.salt_len != AUTH_SALT_LEN ||
	    !auth_verify(pw, strlen(pw), a.salt, (unsigned)a.iter, a.hash)) {
		(void)console_audit(pg, off ? "totp_disable_refused" : "totp_enable_refused", 0, "");
		totp_show(pg, 400, "密码不正确。", "password");
		return;
	}
	if (off && staff_needs_factor(&pg->s)) {
		totp_show(pg, 400, "您的账户可以查看举报人身份或担任管理员，必须使用动态验证码，不能停用。"
		    "手机丢失时请联系安全管理员重置（须另一位安全管理员批准）。", NULL);
		return;
	}
	rc = code == NULL ? 1 : off ? totp_disable(pg, &a, code) : totp_enable(pg, &a, code);
	if (rc == 1) {
		totp_show(pg, 400, TOTP_BAD_CODE, "code");
		return;
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	app_redirect(c, "/admin/");
}
