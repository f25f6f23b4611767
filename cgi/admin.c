/*
 * admin: the staff console under /admin/. Sign-in (password, optional TOTP, growing delay
 * after failures), the dashboard of the user's area, case lists, a case with the actions the
 * user's roles allow in its state (lib/workflow.c decides), and the administration pages
 * (routing table, working-day calendar, audit trail, users). Every page also answers
 * format=xml. Every change and every view of a reporter's identity is audited.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "auth.h"
#include "crypto.h"
#include "form.h"
#include "log.h"
#include "queries.h"
#include "ratelimit.h"
#include "report.h"
#include "reportform.h"
#include "routing.h"
#include "staff.h"
#include "validate.h"
#include "workflow.h"

#define LOGIN_FAIL_LIMIT  20      /* failed logins per client address per window */
#define LOGIN_FAIL_WINDOW 900
#define ADMIN_BODY_MAX    (64 * 1024)
#define RATE_LOGIN_FAIL   3

struct page {
	struct ctx   *c;
	struct staff  s;
};

/* ---------------------------------------------------------------- small helpers */

static const char *
field(struct ctx *c, const char *name)
{
	const struct param *p = params_get(&c->form, name);

	return p != NULL ? p->value : NULL;
}

/* A text field for the console: present, single-line or not, at most max characters. */
static const char *
text_field(struct ctx *c, const char *name, size_t max, bool multiline)
{
	const char *v = field(c, name);
	size_t len;

	if (v == NULL)
		return NULL;
	len = strlen(v);
	if (len == 0 || !text_clean(v, len, multiline) || utf8_count(v, len) > max)
		return NULL;
	return v;
}

static int64_t
int_field(struct ctx *c, const char *name)
{
	const char *v = field(c, name);
	char *end;
	long long n;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	n = strtoll(v, &end, 10);
	return *end == '\0' && n > 0 ? (int64_t)n : 0;
}

static xmlDocPtr
console_doc(struct page *pg, const char *root, xmlNodePtr *rootp)
{
	xmlDocPtr doc = xml_doc(root, rootp);

	xml_attr(*rootp, "console", "1");
	staff_session_xml(&pg->s, *rootp);
	return doc;
}

static void
console_error(struct page *pg, int status, const char *message)
{
	xmlNodePtr root;
	xmlDocPtr doc = app_error_doc(status, message, &root);

	xml_attr(root, "console", "1");
	if (pg->s.id > 0)
		staff_session_xml(&pg->s, root);
	app_send(pg->c, status, doc);
}

static void
db_unavailable(struct page *pg)
{
	console_error(pg, 503, "系统暂时无法访问数据库，请稍后再试。");
}

static const char *
region_name(struct ctx *c, const char *code, char *buf, size_t cap)
{
	const struct region *r;
	char up[7];

	buf[0] = '\0';
	if (strlen(code) != 6)
		return code;
	/* province, city, county: "吉林省 长春市 南关区" */
	snprintf(up, sizeof(up), "%.2s0000", code);
	if ((r = refdata_region(&c->refdata, up)) != NULL)
		snprintf(buf, cap, "%s", r->name);
	if (strcmp(code + 4, "00") != 0 || strcmp(code + 2, "0000") != 0) {
		snprintf(up, sizeof(up), "%.4s00", code);
		if (strcmp(up, code) != 0 || strcmp(code + 4, "00") == 0) {
			if (strcmp(code + 2, "0000") != 0 && (r = refdata_region(&c->refdata, up)) != NULL)
				snprintf(buf + strlen(buf), cap - strlen(buf), " %s", r->name);
		}
		if (strcmp(code + 4, "00") != 0 && (r = refdata_region(&c->refdata, code)) != NULL)
			snprintf(buf + strlen(buf), cap - strlen(buf), " %s", r->name);
	}
	return buf;
}

/* The area a list shows: the first 工信 role's area, else the first department role's. */
struct area {
	bool    gongxin;
	char    prefix[7];
	char    kind[17];
};

static bool
user_area(const struct staff *s, struct area *a)
{
	unsigned i;

	memset(a, 0, sizeof(*a));
	/* 工信 roles that see every case of their area (not a county 工信 bureau's handler,
	 * who sees only what is transferred to it). */
	for (i = 0; i < s->nroles; i++)
		if (strcmp(s->role[i].kind, "gongxin") == 0 && s->role[i].role != R_HANDLER &&
		    s->role[i].role != R_CONTACT && (!a->gongxin ||
		    strlen(s->role[i].prefix) < strlen(a->prefix))) {
			a->gongxin = true;
			snprintf(a->prefix, sizeof(a->prefix), "%s", s->role[i].prefix);
			snprintf(a->kind, sizeof(a->kind), "gongxin");
		}
	if (a->gongxin)
		return true;
	for (i = 0; i < s->nroles; i++) {
		if (a->kind[0] == '\0' || strlen(s->role[i].prefix) < strlen(a->prefix)) {
			snprintf(a->prefix, sizeof(a->prefix), "%s", s->role[i].prefix);
			snprintf(a->kind, sizeof(a->kind), "%s", s->role[i].kind);
		}
	}
	return a->kind[0] != '\0';
}

static char *
like_prefix(struct ctx *c, const char *prefix)
{
	size_t n = strlen(prefix) + 2;
	char *s = arena_alloc(&c->arena, n);

	snprintf(s, n, "%s%%", prefix);
	return s;
}

/* ---------------------------------------------------------------- sign-in */

static void
login_page(struct ctx *c, int status, const char *message, const char *login, bool totp)
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

struct login_row {
	bool     found;
	int64_t  id, locked_until, failed, iter;
	bool     disabled, must_change;
	char     hash[65], salt[33], totp[257];
};

static int
login_row(void *arg, const struct db_row *r)
{
	struct login_row *a = arg;

	a->found = true;
	a->id = strtoll(r->col[0], NULL, 10);
	snprintf(a->hash, sizeof(a->hash), "%s", r->col[1]);
	snprintf(a->salt, sizeof(a->salt), "%s", r->col[2]);
	a->iter = strtoll(r->col[3], NULL, 10);
	a->locked_until = strtoll(r->col[4], NULL, 10);
	a->failed = strtoll(r->col[5], NULL, 10);
	a->disabled = strcmp(r->col[6], "1") == 0;
	snprintf(a->totp, sizeof(a->totp), "%s", r->col[7]);
	a->must_change = strcmp(r->col[8], "1") == 0;
	return 1;
}

/* The TOTP secret is sealed like an identity, with "totp:<id>" as additional data. */
static bool
totp_secret(struct ctx *c, int64_t id, const char *hex, uint8_t *out, size_t cap, size_t *len)
{
	uint8_t blob[256];
	char aad[32];
	size_t blen = strlen(hex) / 2;

	if (hex[0] == '\0' || blen > sizeof(blob) ||
	    crypto_unhex(hex, strlen(hex), blob, blen) != 0)
		return false;
	snprintf(aad, sizeof(aad), "totp:%lld", (long long)id);
	return unseal(&c->sec.identity, aad, strlen(aad), blob, blen, out, cap, len) == 0;
}

static void
login_post(struct ctx *c)
{
	const char *login = field(c, "login"), *pw = field(c, "password"), *code = field(c, "totp");
	struct login_row a;
	struct dbp p[2];
	uint8_t subject[16], salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN], secret[64];
	size_t slen;
	bool ok;

	if (!app_form_token_ok(c)) {
		login_page(c, 403, "页面已过期，请重新登录。", NULL, false);
		return;
	}
	app_client_subject(c, subject);
	if (app_over_limit(c, subject, RATE_LOGIN_FAIL, LOGIN_FAIL_LIMIT, LOGIN_FAIL_WINDOW,
	    "系统暂时无法访问数据库，请稍后再试。"))
		return;
	if (login == NULL || pw == NULL || strlen(login) > 64 || strlen(pw) > AUTH_PW_MAX * 4) {
		login_page(c, 400, "请输入用户名和密码。", login, false);
		return;
	}
	memset(&a, 0, sizeof(a));
	p[0] = P_TEXT(login);
	if (db_run(&c->db, Q_STAFF_BY_LOGIN, p, 1, login_row, &a) != DB_OK) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	if (a.found && a.locked_until > c->now) {
		char msg[160];
		snprintf(msg, sizeof(msg), "登录失败次数过多，账户已临时锁定，请%lld分钟后再试。",
		    (long long)((a.locked_until - c->now + 59) / 60));
		(void)staff_audit_login(c, a.id, login, "login_locked", "");
		login_page(c, 403, msg, login, false);
		return;
	}
	/* Unknown users cost the same PBKDF2 work as known ones. */
	if (!a.found || crypto_unhex(a.salt, strlen(a.salt), salt, sizeof(salt)) != 0 ||
	    crypto_unhex(a.hash, strlen(a.hash), hash, sizeof(hash)) != 0) {
		memset(salt, 0, sizeof(salt));
		memset(hash, 0xff, sizeof(hash));
		a.iter = AUTH_ITERATIONS;
	}
	ok = auth_verify(pw, strlen(pw), salt, (unsigned)a.iter, hash) && a.found && !a.disabled;
	if (ok && a.totp[0] != '\0') {
		if (code == NULL || code[0] == '\0') {
			login_page(c, 200, "请输入手机验证器上的6位动态验证码。", login, true);
			return;
		}
		ok = totp_secret(c, a.id, a.totp, secret, sizeof(secret), &slen) &&
		    totp_verify(secret, slen, c->now, code, strlen(code));
		explicit_bzero(secret, sizeof(secret));
	}
	if (!ok) {
		(void)rate_hit(&c->db, subject, RATE_LOGIN_FAIL, LOGIN_FAIL_WINDOW, c->now);
		if (a.found) {
			p[0] = P_INT(c->now + auth_lock_seconds((unsigned)a.failed + 1));
			p[1] = P_INT(a.id);
			(void)db_run(&c->db, Q_STAFF_LOGIN_FAILED, p, 2, NULL, NULL);
		}
		(void)staff_audit_login(c, a.found ? a.id : 0, login, "login_failed", "");
		login_page(c, 401, "用户名、密码或动态验证码不正确。", login, a.totp[0] != '\0');
		return;
	}
	p[0] = P_INT(a.id);
	if (db_run(&c->db, Q_STAFF_LOGIN_OK, p, 1, NULL, NULL) != DB_OK ||
	    staff_login(c, a.id, a.totp[0] != '\0') != DB_OK ||
	    staff_audit_login(c, a.id, login, "login", "") != DB_OK) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	app_redirect(c, a.must_change ? "/admin/password" : "/admin/");
}

static void
password_page(struct page *pg, int status, const char *message, const char *bad_field)
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

struct pw_row {
	char hash[65], salt[33], totp[257];
	int64_t iter;
};

static int
pw_row(void *arg, const struct db_row *r)
{
	struct pw_row *a = arg;

	snprintf(a->hash, sizeof(a->hash), "%s", r->col[0]);
	snprintf(a->salt, sizeof(a->salt), "%s", r->col[1]);
	a->iter = strtoll(r->col[2], NULL, 10);
	snprintf(a->totp, sizeof(a->totp), "%s", r->col[3]);
	return 1;
}

static void
password_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *old = field(c, "old_password"), *n1 = field(c, "new_password"),
	    *n2 = field(c, "new_password2"), *problem;
	struct pw_row a;
	struct dbp p[5];
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];

	memset(&a, 0, sizeof(a));
	p[0] = P_INT(pg->s.id);
	if (db_run(&c->db, Q_STAFF_BY_ID, p, 1, pw_row, &a) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	if (old == NULL || crypto_unhex(a.salt, strlen(a.salt), salt, sizeof(salt)) != 0 ||
	    crypto_unhex(a.hash, strlen(a.hash), hash, sizeof(hash)) != 0 ||
	    !auth_verify(old, strlen(old), salt, (unsigned)a.iter, hash)) {
		password_page(pg, 400, "原密码不正确。", "old_password");
		return;
	}
	if (n1 == NULL || (problem = auth_password_problem(n1, strlen(n1))) != NULL) {
		password_page(pg, 400, n1 == NULL ? "请输入新密码。" : problem, "new_password");
		return;
	}
	if (n2 == NULL || strcmp(n1, n2) != 0) {
		password_page(pg, 400, "两次输入的新密码不一致。", "new_password2");
		return;
	}
	if (strcmp(old, n1) == 0) {
		password_page(pg, 400, "新密码不能与原密码相同。", "new_password");
		return;
	}
	if (auth_new_hash(n1, strlen(n1), salt, hash) != 0)
		log_fatal("password hash failed");
	p[0] = P_BLOB(hash, sizeof(hash));
	p[1] = P_BLOB(salt, sizeof(salt));
	p[2] = P_INT(AUTH_ITERATIONS);
	p[3] = P_INT(0);
	p[4] = P_INT(pg->s.id);
	if (db_run(&c->db, Q_STAFF_SET_PASSWORD, p, 5, NULL, NULL) != DB_OK ||
	    staff_audit(c, &pg->s, "password_change", 0, "") != DB_OK) {
		db_unavailable(pg);
		return;
	}
	/* Other sessions of this user end: a changed password shuts out whoever knew the old. */
	p[0] = P_INT(pg->s.id);
	p[1] = P_BLOB(pg->s.token_hash, 32);
	(void)db_run(&c->db, Q_SESSIONS_OF_STAFF_DELETE, p, 2, NULL, NULL);
	app_redirect(c, "/admin/");
}

/* ---------------------------------------------------------------- TOTP set-up */

static void
totp_page(struct page *pg)
{
	struct ctx *c = pg->c;
	xmlNodePtr root;
	xmlDocPtr doc;
	uint8_t secret[20];
	char b32[40], uri[300], mac_hex[65];
	uint8_t mac[32];

	doc = console_doc(pg, "totp-setup", &root);
	if (pg->s.has_totp) {
		xml_add(root, "enabled", "1");
		app_send(c, 200, doc);
		return;
	}
	/* The secret offered is derived from the session and the hour, so that the confirming
	 * POST can recompute it without storing anything unconfirmed. */
	if (crypto_hmac2(c->sec.csrf_key, 32, pg->s.csrf, strlen(pg->s.csrf), "totp-setup", 10,
	    mac) != 0)
		log_fatal("hmac failed");
	memcpy(secret, mac, sizeof(secret));
	base32_encode(secret, sizeof(secret), b32);
	snprintf(uri, sizeof(uri), "otpauth://totp/jubao:%s?secret=%s&issuer=jubao&digits=6&period=30",
	    pg->s.login, b32);
	xml_add(root, "secret", b32);
	xml_add(root, "uri", uri);
	crypto_hex(mac, 4, mac_hex);
	app_send(c, 200, doc);
	explicit_bzero(secret, sizeof(secret));
}

static void
totp_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *code = field(c, "code");
	uint8_t mac[32], blob[128];
	size_t blen;
	char aad[32], hex[257];
	struct dbp p[2];
	struct seal_key key;
	const struct seal_key *cur;

	if (crypto_hmac2(c->sec.csrf_key, 32, pg->s.csrf, strlen(pg->s.csrf), "totp-setup", 10,
	    mac) != 0)
		log_fatal("hmac failed");
	if (pg->s.has_totp || code == NULL || !totp_verify(mac, 20, c->now, code, strlen(code))) {
		console_error(pg, 400, "动态验证码不正确，请核对手机验证器的时间后重试。");
		return;
	}
	if ((cur = keyring_find(&c->sec.identity, c->sec.identity.current)) == NULL)
		log_fatal("no current key");
	key = *cur;
	snprintf(aad, sizeof(aad), "totp:%lld", (long long)pg->s.id);
	if (seal(&key, aad, strlen(aad), mac, 20, blob, sizeof(blob), &blen) != 0)
		log_fatal("seal failed");
	explicit_bzero(&key, sizeof(key));
	explicit_bzero(mac, sizeof(mac));
	crypto_hex(blob, blen, hex);
	p[0] = P_BLOB(blob, blen);
	p[1] = P_INT(pg->s.id);
	if (db_run(&c->db, Q_STAFF_SET_TOTP, p, 2, NULL, NULL) != DB_OK ||
	    staff_audit(c, &pg->s, "totp_enable", 0, "") != DB_OK) {
		db_unavailable(pg);
		return;
	}
	app_redirect(c, "/admin/");
}

/* ---------------------------------------------------------------- lists */

struct list_arg {
	struct ctx *c;
	xmlNodePtr  parent;
	unsigned    n;
	bool        more;        /* one row past the limit: the list says there are more */
	unsigned    limit;       /* rows shown; 0: a page of a case list (50) */
};

/* The dashboard is an overview: the most urgent cases of each list, with the full lists one
 * click away (the count cards link to them). */
#define DASHBOARD_ROWS 20

/* A row as attributes of n: column i goes to names[i] (NULL: skipped), for i < ncols. */
static void
row_attrs(xmlNodePtr n, const struct db_row *r, const char *const *names, size_t nnames)
{
	size_t i;

	for (i = 0; i < nnames && i < r->ncols; i++)
		if (names[i] != NULL)
			xml_attr(n, names[i], r->col[i]);
}

/* After a list: say there were more rows than it shows. */
static void
list_end(const struct list_arg *a)
{
	if (a->more)
		xml_attr(a->parent, "more", "1");
}

static int
case_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr n;
	char region[300];

	a->n++;
	if (a->n > (a->limit != 0 ? a->limit : 50)) {
		a->more = true;
		return 1;
	}
	n = xml_add(a->parent, "case", NULL);
	xml_attr(n, "id", r->col[0]);
	xml_attr(n, "ticket", r->col[1]);
	xml_attr(n, "state", r->col[2]);
	xml_attr(n, "state-label", option_label(report_states, r->col[2]));
	xml_attr(n, "category-label", option_label(report_categories, r->col[3]));
	xml_attr(n, "subject", r->col[4]);
	xml_attr(n, "region", region_name(a->c, r->col[5], region, sizeof(region)));
	xml_attr(n, "due", r->col[6]);
	xml_attr(n, "overdue", r->col[7]);
	xml_attr(n, "submitted", r->col[8]);
	xml_attr(n, "pressed", strcmp(r->col[9], "0") != 0 ? "1" : "0");
	return 0;
}

/* Run a query in the user's area: the area variant with (prefix, extra…) or the department
 * variant with (kind, prefix, extra…). */
static int
area_run(struct page *pg, const struct area *ar, int q_area, int q_dept, const struct dbp *extra,
    size_t nextra, db_row_fn fn, void *arg)
{
	struct dbp p[16];
	size_t n = 0, i;

	if (!ar->gongxin)
		p[n++] = P_TEXT(ar->kind);
	p[n++] = P_TEXT(like_prefix(pg->c, ar->prefix));
	for (i = 0; i < nextra && n < 16; i++)
		p[n++] = extra[i];
	return db_run(&pg->c->db, ar->gongxin ? q_area : q_dept, p, n, fn, arg);
}

/* The dashboard's counts by state cover the whole area; with a province's hundred thousand
 * cases that is the one costly query of a page, so each process keeps the answer for a minute
 * (per area) and says how old it is. */
#define COUNT_CACHE 8
static struct count_cache {
	char    key[40];
	time_t  at;
	int64_t n[S__MAX];
} count_cache[COUNT_CACHE];

static int
cache_row(void *arg, const struct db_row *r)
{
	struct count_cache *cc = arg;
	int st = state_from_name(r->col[0]);

	if (st >= 0)
		cc->n[st] = strtoll(r->col[1], NULL, 10);
	return 0;
}

static int
area_counts(struct page *pg, const struct area *ar, xmlNodePtr parent)
{
	char key[40];
	struct count_cache *cc = NULL, fresh;
	xmlNodePtr counts = xml_add(parent, "counts", NULL), n;
	int i, rc;

	snprintf(key, sizeof(key), "%s:%s:%d", ar->kind, ar->prefix, ar->gongxin);
	for (i = 0; i < COUNT_CACHE; i++)
		if (strcmp(count_cache[i].key, key) == 0 && pg->c->now - count_cache[i].at < 60)
			cc = &count_cache[i];
	if (cc == NULL) {
		memset(&fresh, 0, sizeof(fresh));
		if ((rc = area_run(pg, ar, Q_COUNTS_AREA, Q_COUNTS_DEPT, NULL, 0, cache_row,
		    &fresh)) != DB_OK)
			return rc;
		snprintf(fresh.key, sizeof(fresh.key), "%s", key);
		fresh.at = (time_t)pg->c->now;
		/* replace the oldest entry */
		cc = &count_cache[0];
		for (i = 1; i < COUNT_CACHE; i++)
			if (count_cache[i].at < cc->at)
				cc = &count_cache[i];
		*cc = fresh;
	}
	xml_attr_int(counts, "age", pg->c->now - cc->at);
	for (i = 0; i < S__MAX; i++) {
		if (cc->n[i] == 0)
			continue;
		n = xml_add(counts, "count", NULL);
		xml_attr(n, "state", state_names[i]);
		xml_attr(n, "label", option_label(report_states, state_names[i]));
		xml_attr_int(n, "n", cc->n[i]);
	}
	return DB_OK;
}

/* One of the dashboard's lists: its DASHBOARD_ROWS most urgent cases, more="1" when there
 * are more. */
static int
dashboard_list(struct page *pg, const struct area *ar, xmlNodePtr root, const char *name,
    int q_area, int q_dept, const struct dbp *extra, size_t nextra)
{
	struct list_arg a = { pg->c, xml_add(root, name, NULL), 0, false, DASHBOARD_ROWS };
	int rc = area_run(pg, ar, q_area, q_dept, extra, nextra, case_row, &a);

	list_end(&a);
	return rc;
}

/* A department unit's due-today and overdue lists come from one statement (both walk all of
 * the unit's reports); each row goes to its list by its deadline. */
struct due_split {
	const char      *today;
	struct list_arg  due_today, overdue;
};

static int
due_split_row(void *arg, const struct db_row *r)
{
	struct due_split *ds = arg;

	(void)case_row(strcmp(r->col[6], ds->today) == 0 ? &ds->due_today : &ds->overdue, r);
	return 0;
}

static int
unit_due_lists(struct page *pg, const struct area *ar, xmlNodePtr root, const char *today)
{
	struct due_split ds = { today,
	    { pg->c, xml_add(root, "due-today", NULL), 0, false, DASHBOARD_ROWS },
	    { pg->c, xml_add(root, "overdue", NULL), 0, false, DASHBOARD_ROWS } };
	struct dbp p[4] = { P_TEXT(today), P_TEXT(ar->kind), P_TEXT(like_prefix(pg->c, ar->prefix)),
	    P_TEXT(today) };
	int rc = db_run(&pg->c->db, Q_DUE_DEPT, p, 4, due_split_row, &ds);

	list_end(&ds.due_today);
	list_end(&ds.overdue);
	return rc;
}

/* The due-today and overdue lists: a 工信 area walks the due-date index twice (each range is
 * short), a department unit reads all its reports once. */
static int
due_lists(struct page *pg, const struct area *ar, xmlNodePtr root, const char *today,
    const char *yesterday)
{
	struct dbp d[2] = { P_TEXT(today), P_TEXT(today) };
	int rc;

	if (!ar->gongxin)
		return unit_due_lists(pg, ar, root, today);
	rc = dashboard_list(pg, ar, root, "due-today", Q_DUE_AREA, Q_DUE_AREA, d, 2);
	d[0] = P_TEXT("1970-01-01");
	d[1] = P_TEXT(yesterday);
	if (rc == DB_OK)
		rc = dashboard_list(pg, ar, root, "overdue", Q_DUE_AREA, Q_DUE_AREA, d, 2);
	return rc;
}

static void
dashboard(struct page *pg)
{
	struct ctx *c = pg->c;
	struct area ar;
	xmlNodePtr root;
	xmlDocPtr doc;
	char today[11], yesterday[11];
	int rc;

	doc = console_doc(pg, "dashboard", &root);
	if (!user_area(&pg->s, &ar)) {
		xml_add(root, "message", "您的账户尚未分配角色，请联系管理员。");
		app_send(c, 200, doc);
		return;
	}
	report_due(NULL, c->now, 0, today);
	report_due(NULL, c->now - 86400, 0, yesterday);
	rc = area_counts(pg, &ar, root);
	if (rc == DB_OK)
		rc = due_lists(pg, &ar, root, today, yesterday);
	if (rc == DB_OK)
		rc = dashboard_list(pg, &ar, root, "pressed", Q_PRESSED_AREA, Q_PRESSED_DEPT, NULL,
		    0);
	if (rc != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(c, 200, doc);
}

static void
case_list(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *state = field(c, "state"), *q = field(c, "q");
	int64_t page = int_field(c, "page");
	bool overdue = field(c, "overdue") != NULL && strcmp(field(c, "overdue"), "1") == 0;
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct area ar;
	struct dbp p[8];
	xmlNodePtr root, f, pgn;
	xmlDocPtr doc;

	if (page < 1)
		page = 1;
	if (state != NULL && state_from_name(state) < 0)
		state = NULL;
	if (q != NULL && (q[0] == '\0' || strlen(q) > 100 || !text_clean(q, strlen(q), false)))
		q = NULL;
	/* A ticket is shown in groups of four; typed that way, it is still a ticket. */
	if (q != NULL) {
		char t[17];
		if (ticket_parse(q, strlen(q), t))
			q = arena_strdup(&c->arena, t);
	}
	doc = console_doc(pg, "case-list", &root);
	f = xml_add(root, "filter", NULL);
	xml_attr(f, "state", state ? state : "");
	xml_attr(f, "q", q ? q : "");
	xml_attr(f, "overdue", overdue ? "1" : "0");
	a.parent = xml_add(root, "cases", NULL);
	if (user_area(&pg->s, &ar)) {
		size_t n = 0;
		int rc;

		if (q != NULL) {
			p[n++] = P_TEXT(q);
			p[n++] = P_TEXT(q);
		}
		p[n++] = P_OPT(state);
		p[n++] = P_OPT(state);
		p[n++] = P_INT(overdue);
		p[n++] = P_INT((page - 1) * 50);
		rc = q != NULL ? area_run(pg, &ar, Q_SEARCH_AREA, Q_SEARCH_DEPT, p, n, case_row, &a) :
		    area_run(pg, &ar, Q_CASES_AREA, Q_CASES_DEPT, p, n, case_row, &a);
		if (rc != DB_OK) {
			xmlFreeDoc(doc);
			db_unavailable(pg);
			return;
		}
	}
	pgn = xml_add(root, "paging", NULL);
	xml_attr_int(pgn, "page", page);
	xml_attr(pgn, "more", a.n > 50 ? "1" : "0");
	app_send(c, 200, doc);
}

/* ---------------------------------------------------------------- one case */

struct kase {
	int64_t id;
	char    ticket[17], state[16], category[16], standards[120], industry[33], region[7];
	char    subject_type[16], subject_name[401], subject_address[801], credit_code[19];
	char   *description, *feedback_text;
	bool    hazard, hazard_notified, anonymous, overdue;
	char    channel[10], submitted[32], due[11], verdict[8], disposal[801], feedback_state[10];
	char    duplicate_of[21], duplicate_ticket[17], contact_name[257];
	int64_t intake_staff, contact_staff, lead;
	bool    found;
	struct case_depts depts;
	char    dept_names[16][401];
	char    dept_roles[16][5];
	struct ctx *c;
};

#define COPY(dst, i) snprintf(k->dst, sizeof(k->dst), "%s", r->col[i])

static int
kase_row(void *arg, const struct db_row *r)
{
	struct kase *k = arg;

	k->found = true;
	k->id = strtoll(r->col[0], NULL, 10);
	COPY(ticket, 1);
	COPY(state, 2);
	COPY(category, 3);
	COPY(standards, 4);
	COPY(industry, 5);
	COPY(region, 6);
	COPY(subject_type, 7);
	COPY(subject_name, 8);
	COPY(subject_address, 9);
	COPY(credit_code, 10);
	k->description = arena_strdup(&k->c->arena, r->col[11]);
	k->hazard = strcmp(r->col[12], "1") == 0;
	k->hazard_notified = strcmp(r->col[13], "1") == 0;
	k->anonymous = strcmp(r->col[14], "1") == 0;
	COPY(channel, 15);
	COPY(submitted, 16);
	COPY(due, 17);
	k->overdue = strcmp(r->col[18], "1") == 0;
	COPY(verdict, 19);
	COPY(disposal, 20);
	COPY(feedback_state, 21);
	k->feedback_text = arena_strdup(&k->c->arena, r->col[22]);
	COPY(duplicate_of, 23);
	COPY(duplicate_ticket, 24);
	k->intake_staff = strtoll(r->col[25], NULL, 10);
	k->contact_staff = strtoll(r->col[26], NULL, 10);
	k->lead = strtoll(r->col[27], NULL, 10);
	COPY(contact_name, 28);
	return 1;
}

static int
kase_dept_row(void *arg, const struct db_row *r)
{
	struct kase *k = arg;
	int i = k->depts.n;

	if (i >= 16)
		return 1;
	k->depts.id[i] = strtoll(r->col[0], NULL, 10);
	snprintf(k->dept_names[i], sizeof(k->dept_names[i]), "%s", r->col[1]);
	snprintf(k->dept_roles[i], sizeof(k->dept_roles[i]), "%s", r->col[2]);
	snprintf(k->depts.kind[i], sizeof(k->depts.kind[i]), "%s", r->col[3]);
	snprintf(k->depts.region[i], sizeof(k->depts.region[i]), "%s", r->col[4]);
	k->depts.n++;
	return 0;
}

/* Load a case and the roles the user holds on it; 0 when not found or not visible. */
static int
kase_load(struct page *pg, int64_t id, struct kase *k, unsigned *roles, bool *on_lead)
{
	struct dbp p[1] = { P_INT(id) };
	int rc;

	memset(k, 0, sizeof(*k));
	k->c = pg->c;
	if ((rc = db_run(&pg->c->db, Q_CASE_GET, p, 1, kase_row, k)) != DB_OK)
		return rc;
	if (!k->found)
		return 0;
	if ((rc = db_run(&pg->c->db, Q_CASE_DEPTS, p, 1, kase_dept_row, k)) != DB_OK)
		return rc;
	k->depts.lead = k->lead;
	*roles = staff_roles_for_case(&pg->s, k->region, &k->depts, on_lead);
	return *roles != 0 ? 1 : 0;
}

static int
event_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr e = xml_add(a->parent, "event", r->col[2]);

	xml_attr(e, "at", r->col[0]);
	xml_attr(e, "state", r->col[1]);
	xml_attr(e, "label", option_label(report_states, r->col[1]));
	return 0;
}

static const struct option note_kinds[] = {
	{ "note", "内部备注" }, { "inspection", "现场检查" }, { "progress", "处置进展" },
	{ "press", "督办" }, { "hazard_notice", "隐患通报" }, { NULL, NULL },
};

static int
note_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr e = xml_add(a->parent, "note", r->col[3]);

	xml_attr(e, "at", r->col[0]);
	xml_attr(e, "kind", r->col[1]);
	xml_attr(e, "kind-label", option_label(note_kinds, r->col[1]));
	xml_attr(e, "who", r->col[2]);
	return 0;
}

static int
attachment_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr e = xml_add(a->parent, "attachment", NULL);

	xml_attr(e, "id", r->col[0]);
	xml_attr(e, "mime", r->col[1]);
	xml_attr(e, "size", r->col[2]);
	return 0;
}

static int
dup_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr e = xml_add(a->parent, "case", NULL);

	xml_attr(e, "id", r->col[0]);
	xml_attr(e, "ticket", r->col[1]);
	xml_attr(e, "subject", r->col[2]);
	return 0;
}

static int
staff_option_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr e = xml_add(a->parent, "staff", NULL);

	xml_attr(e, "id", r->col[0]);
	xml_attr(e, "name", r->col[1]);
	return 0;
}

static const struct option measures[] = {
	{ "dismantle", "拆除主体设备" },
	{ "cut_off", "断电、断水，拆除动力装置，封存主体设备，公开承诺不再恢复生产" },
	{ "stop", "责令停产停业" },
	{ "close", "关停、关闭、取缔" },
	{ "stop_construction", "责令停止项目建设或试生产" },
	{ "rectify", "限期整改" },
	{ "notify", "通报信用、金融、自然资源、生态环境等部门" },
	{ NULL, NULL },
};

static const struct option verdicts[] = {
	{ "true", "属实" }, { "partly", "部分属实" }, { "false", "不属实" }, { NULL, NULL },
};

static const struct option channels[] = {
	{ "web", "网上" }, { "phone", "电话" }, { "fax", "传真" }, { "email", "电子邮件" },
	{ "letter", "信函" }, { "visit", "来访" }, { NULL, NULL },
};

static void
add_option(xmlNodePtr parent, const char *value, const char *label)
{
	xmlNodePtr o = xml_add(parent, "option", NULL);

	xml_attr(o, "value", value);
	xml_attr(o, "label", label);
}

struct hex_arg {
	char   *buf;
	size_t  cap;
};

static int
hex_row(void *arg, const struct db_row *r)
{
	struct hex_arg *h = arg;

	snprintf(h->buf, h->cap, "%s", r->col[0]);
	return 1;
}

struct route_suggestion {
	struct {
		int64_t id;
		char    name[401];
		bool    lead;
	} dept[16];
	size_t n;
	char   message[300];
};

static int routing_suggest(struct ctx *, const struct kase *, struct route_suggestion *);

/* A refusal reason from the reject_reason table, with its suggested text to the reporter. */
static int
reason_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr o = xml_add(a->parent, "option", NULL);

	xml_attr(o, "value", r->col[0]);
	xml_attr(o, "label", r->col[1]);
	xml_attr(o, "text", r->col[2]);
	return 0;
}

struct reason_label {
	const char *code;
	char        label[401];
	bool        found;
};

static int
reason_label_row(void *arg, const struct db_row *r)
{
	struct reason_label *a = arg;

	if (strcmp(r->col[0], a->code) == 0) {
		snprintf(a->label, sizeof(a->label), "%s", r->col[1]);
		a->found = true;
		return 1;
	}
	return 0;
}

/* Suggested departments for a transfer, from the routing table. */
static void
add_transfer_choices(struct page *pg, const struct kase *k, xmlNodePtr act)
{
	struct route_suggestion sug;
	size_t i;

	if (routing_suggest(pg->c, k, &sug) != DB_OK)
		return;
	for (i = 0; i < sug.n; i++) {
		xmlNodePtr d = xml_add(act, "department", NULL);
		xml_attr_int(d, "id", sug.dept[i].id);
		xml_attr(d, "name", sug.dept[i].name);
		xml_attr(d, "suggested", sug.dept[i].lead ? "lead" : "coop");
	}
	if (sug.message[0] != '\0')
		xml_add(act, "message", sug.message);
}

static void
add_actions(struct page *pg, const struct kase *k, unsigned roles, bool on_lead,
    xmlNodePtr parent)
{
	xmlNodePtr acts = xml_add(parent, "actions", NULL), n;
	int st = state_from_name(k->state), i;
	const struct option *o;

	for (i = 0; i < A__MAX; i++) {
		const struct transition *t = &transitions[i];

		if (st < 0 || !workflow_allowed((enum action)i, (enum state)st, roles, on_lead))
			continue;
		/* Rules that depend on the case itself, beyond state and role. */
		if (i == A_REVEAL && (k->anonymous || (pg->s.id != k->intake_staff &&
		    pg->s.id != k->contact_staff)))
			continue;
		if (i == A_NOTIFY_HAZARD && (!k->anonymous || !k->hazard || k->hazard_notified))
			continue;
		if (i == A_RELEASE && strcmp(k->feedback_state, "draft") != 0)
			continue;
		if (i == A_DISPOSE && strcmp(k->verdict, "false") == 0)
			continue;
		if (i == A_LINK_DUPLICATE && k->duplicate_of[0] != '\0')
			continue;
		n = xml_add(acts, "action", NULL);
		xml_attr(n, "name", t->name);
		xml_attr(n, "label", t->label);
		if (i == A_REJECT) {
			struct list_arg a = { pg->c, n, 0, false, 0 };
			(void)db_run(&pg->c->db, Q_REJECT_REASONS, NULL, 0, reason_row, &a);
		}
		if (i == A_DISPOSE)
			for (o = measures; o->value; o++)
				add_option(n, o->value, o->label);
		if (i == A_TRANSFER)
			add_transfer_choices(pg, k, n);
		if (i == A_SET_CONTACT && k->lead > 0) {
			struct list_arg a = { pg->c, n, 0, false, 0 };
			struct dbp p[1] = { P_INT(k->lead) };
			(void)db_run(&pg->c->db, Q_CONTACTS_OF_DEPT, p, 1, staff_option_row, &a);
		}
	}
}

/* The identity box: hidden for everyone but the two people seed 001 §三(六) allows, and then
 * only on an explicit, audited request. */
static int
add_identity(struct page *pg, const struct kase *k, bool reveal, xmlNodePtr parent)
{
	xmlNodePtr n = xml_add(parent, "identity", NULL);
	char hex[2 * 1024 + 1];
	uint8_t blob[1024], pt[1024];
	size_t ptlen = 0;
	struct dbp p[1] = { P_INT(k->id) };
	struct hex_arg h = { hex, sizeof(hex) };
	char *fields[4] = { NULL, NULL, NULL, NULL }, *s;
	int i, rc;

	if (k->anonymous) {
		xml_attr(n, "state", "anonymous");
		return DB_OK;
	}
	if (!reveal) {
		xml_attr(n, "state", "hidden");
		xmlNodeAddContent(n, (const xmlChar *)"实名举报");
		return DB_OK;
	}
	hex[0] = '\0';
	if ((rc = db_run(&pg->c->db, Q_IDENTITY_GET, p, 1, hex_row, &h)) != DB_OK)
		return rc;
	if (hex[0] == '\0' || crypto_unhex(hex, strlen(hex), blob, strlen(hex) / 2) != 0 ||
	    unseal(&pg->c->sec.identity, k->ticket, 16, blob, strlen(hex) / 2, pt, sizeof(pt) - 1,
	    &ptlen) != 0) {
		xml_attr(n, "state", "hidden");
		xmlNodeAddContent(n, (const xmlChar *)"身份信息无法解密，请联系管理员。");
		return DB_OK;
	}
	pt[ptlen] = '\0';
	/* "v1\nname\nphone\nid\nemail" */
	s = (char *)pt;
	if (strncmp(s, "v1\n", 3) == 0) {
		s += 3;
		for (i = 0; i < 4 && s != NULL; i++) {
			char *nl = strchr(s, '\n');
			if (nl != NULL)
				*nl = '\0';
			fields[i] = s;
			s = nl != NULL ? nl + 1 : NULL;
		}
	}
	xml_attr(n, "state", "shown");
	xml_add(n, "name", fields[0] ? fields[0] : "");
	xml_add(n, "phone", fields[1] ? fields[1] : "");
	xml_add(n, "id-no", fields[2] ? fields[2] : "");
	xml_add(n, "email", fields[3] ? fields[3] : "");
	explicit_bzero(pt, sizeof(pt));
	return staff_audit(pg->c, &pg->s, "reveal_identity", k->id, "");
}

static void
case_page(struct page *pg, int64_t id, bool reveal, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct kase k;
	unsigned roles;
	bool on_lead;
	xmlNodePtr root, r, n;
	xmlDocPtr doc;
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct dbp p[1] = { P_INT(id) };
	const struct industry *ind;
	char region[300], *std, *tok, *save;
	int rc, i;

	rc = kase_load(pg, id, &k, &roles, &on_lead);
	if (rc < 0) {
		db_unavailable(pg);
		return;
	}
	if (rc == 0) {
		console_error(pg, 404, "案件不存在，或不在您的职责范围内。");
		return;
	}
	doc = console_doc(pg, "case-detail", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	r = xml_add(root, "report", NULL);
	xml_attr_int(r, "id", k.id);
	xml_attr(r, "ticket", k.ticket);
	xml_attr(r, "state", k.state);
	xml_attr(r, "state-label", option_label(report_states, k.state));
	xml_attr(r, "category", k.category);
	xml_attr(r, "category-label", option_label(report_categories, k.category));
	ind = refdata_industry(&c->refdata, k.industry);
	xml_attr(r, "industry", ind != NULL ? ind->name : k.industry);
	xml_attr(r, "region", region_name(c, k.region, region, sizeof(region)));
	xml_attr(r, "region-code", k.region);
	xml_attr(r, "subject-type", k.subject_type);
	xml_attr(r, "subject-name", k.subject_name);
	xml_attr(r, "subject-address", k.subject_address);
	xml_attr(r, "credit-code", k.credit_code);
	xml_attr(r, "hazard", k.hazard ? "1" : "0");
	xml_attr(r, "hazard-notified", k.hazard_notified ? "1" : "0");
	xml_attr(r, "anonymous", k.anonymous ? "1" : "0");
	xml_attr(r, "channel", k.channel);
	xml_attr(r, "channel-label", option_label(channels, k.channel));
	xml_attr(r, "submitted", k.submitted);
	xml_attr(r, "due", k.due);
	xml_attr(r, "overdue", k.overdue ? "1" : "0");
	xml_attr(r, "verdict", k.verdict);
	xml_attr(r, "verdict-label", k.verdict[0] ? option_label(verdicts, k.verdict) : "");
	xml_attr(r, "disposal", k.disposal);
	xml_attr(r, "feedback-state", k.feedback_state);
	xml_attr(r, "duplicate-of", k.duplicate_of);
	xml_attr(r, "duplicate-ticket", k.duplicate_ticket);
	std = arena_strdup(&c->arena, k.standards);
	for (tok = strtok_r(std, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		n = xml_add(r, "standard", NULL);
		xml_attr(n, "value", tok);
		xml_attr(n, "label", option_label(report_standards, tok));
	}
	xml_add(r, "description", k.description);
	xml_add(r, "feedback-text", k.feedback_text);
	if ((rc = add_identity(pg, &k, reveal, root)) != DB_OK)
		goto fail;
	n = xml_add(root, "departments", NULL);
	for (i = 0; i < k.depts.n; i++) {
		xmlNodePtr d = xml_add(n, "department", NULL);
		xml_attr_int(d, "id", k.depts.id[i]);
		xml_attr(d, "name", k.dept_names[i]);
		xml_attr(d, "role", k.dept_roles[i]);
	}
	if (k.contact_staff > 0) {
		n = xml_add(root, "contact", NULL);
		xml_attr_int(n, "id", k.contact_staff);
		xml_attr(n, "name", k.contact_name);
	}
	a.parent = xml_add(root, "attachments", NULL);
	if ((rc = db_run(&c->db, Q_CASE_ATTACHMENTS, p, 1, attachment_row, &a)) != DB_OK)
		goto fail;
	a.parent = xml_add(root, "events", NULL);
	if ((rc = db_run(&c->db, Q_CASE_EVENTS, p, 1, event_row, &a)) != DB_OK)
		goto fail;
	a.parent = xml_add(root, "notes", NULL);
	if ((rc = db_run(&c->db, Q_CASE_NOTES, p, 1, note_row, &a)) != DB_OK)
		goto fail;
	a.parent = xml_add(root, "duplicates", NULL);
	if ((rc = db_run(&c->db, Q_CASE_DUPLICATES, p, 1, dup_row, &a)) != DB_OK)
		goto fail;
	add_actions(pg, &k, roles, on_lead, root);
	app_send(c, status, doc);
	return;
fail:
	xmlFreeDoc(doc);
	db_unavailable(pg);
}

/* ---------------------------------------------------------------- case actions */

struct act {
	struct page       *pg;
	struct kase       *k;
	const struct transition *t;
	const char        *text;      /* public text, or the note */
	const char        *error;     /* a message for the user: 400 */
};

static int
add_note(struct act *x, const char *kind, const char *text)
{
	struct dbp p[5];

	p[0] = P_INT(x->k->id);
	p[1] = P_INT(x->pg->c->now);
	p[2] = P_INT(x->pg->s.id);
	p[3] = P_TEXT(kind);
	p[4] = P_TEXT(text);
	return db_run(&x->pg->c->db, Q_NOTE_INSERT, p, 5, NULL, NULL);
}

static int
add_event(struct ctx *c, int64_t report_id, const char *state, const char *text)
{
	struct dbp p[4];

	p[0] = P_INT(report_id);
	p[1] = P_INT(c->now);
	p[2] = P_TEXT(state);
	p[3] = P_TEXT(text);
	return db_run(&c->db, Q_EVENT_INSERT_NOW, p, 4, NULL, NULL);
}

/* Transfer: the departments the officer confirmed, one of them the lead. */
static int
do_transfer(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct param *d;
	int64_t lead = int_field(c, "lead"), ids[16];
	int n = 0, i, rc;
	bool lead_in = false;
	struct dbp p[3];

	for (d = c->form.head; d != NULL; d = d->next) {
		char *end;
		long long v;

		if (d->filename != NULL || strcmp(d->name, "department") != 0)
			continue;
		v = strtoll(d->value, &end, 10);
		if (*end != '\0' || v <= 0 || n >= 16)
			continue;
		ids[n++] = v;
		lead_in |= v == lead;
	}
	if (lead > 0 && !lead_in && n < 16)
		ids[n++] = lead;
	if (lead <= 0) {
		x->error = "请选择牵头办理部门。";
		return DB_OK;
	}
	p[0] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_RD_CLEAR, p, 1, NULL, NULL)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		bool dup = false;
		for (int j = 0; j < i; j++)
			dup |= ids[j] == ids[i];
		if (dup)
			continue;
		p[0] = P_INT(x->k->id);
		p[1] = P_INT(ids[i]);
		p[2] = P_TEXT(ids[i] == lead ? "lead" : "coop");
		if ((rc = db_run(&c->db, Q_RD_INSERT, p, 3, NULL, NULL)) != DB_OK)
			return rc;
	}
	p[0] = P_INT(lead);
	p[1] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_CASE_SET_LEAD, p, 2, NULL, NULL)) != DB_OK)
		return rc;
	if (x->text == NULL)
		x->text = "举报已移交有关责任部门核查，责任部门将在5个工作日内组织现场检查。";
	return DB_OK;
}

static int
do_inspect(struct act *x)
{
	struct ctx *c = x->pg->c;
	const char *on = field(c, "inspected_on"), *team = text_field(c, "team", 200, false),
	    *findings = text_field(c, "findings", 5000, true), *verdict = field(c, "verdict");
	char note[8000];
	cal_day d;
	struct dbp p[2];
	int rc;

	if (on == NULL || !cal_parse(on, strlen(on), &d) || team == NULL || findings == NULL ||
	    verdict == NULL || option_label(verdicts, verdict) == verdict) {
		x->error = "请填写检查日期、核查组、检查情况，并选择核查结论。";
		return DB_OK;
	}
	snprintf(note, sizeof(note), "检查日期：%s；核查组：%s；结论：%s。\n%s", on, team,
	    option_label(verdicts, verdict), findings);
	if ((rc = add_note(x, "inspection", note)) != DB_OK)
		return rc;
	p[0] = P_TEXT(verdict);
	p[1] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_CASE_SET_VERDICT, p, 2, NULL, NULL)) != DB_OK)
		return rc;
	if (x->text == NULL) {
		char *t = arena_alloc(&c->arena, 200);
		snprintf(t, 200, "已完成现场核查，核查结论：%s。", option_label(verdicts, verdict));
		x->text = t;
	}
	return DB_OK;
}

static int
do_dispose(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct param *m;
	const char *deadline = field(c, "deadline");
	char disposal[800] = "";
	struct dbp p[2];
	cal_day d;

	for (m = c->form.head; m != NULL; m = m->next) {
		const char *label;
		if (m->filename != NULL || strcmp(m->name, "measure") != 0)
			continue;
		if ((label = option_label(measures, m->value)) == m->value)
			continue;
		if (strlen(disposal) + strlen(label) + 4 < sizeof(disposal))
			snprintf(disposal + strlen(disposal), sizeof(disposal) - strlen(disposal),
			    "%s%s", disposal[0] ? "；" : "", label);
	}
	if (disposal[0] == '\0') {
		x->error = "请至少选择一项处置措施。";
		return DB_OK;
	}
	if (deadline != NULL && deadline[0] != '\0') {
		if (!cal_parse(deadline, strlen(deadline), &d)) {
			x->error = "整改期限的日期格式不正确。";
			return DB_OK;
		}
		snprintf(disposal + strlen(disposal), sizeof(disposal) - strlen(disposal),
		    "（期限：%s）", deadline);
	}
	p[0] = P_TEXT(disposal);
	p[1] = P_INT(x->k->id);
	if (x->text == NULL) {
		char *t = arena_alloc(&c->arena, 1000);
		snprintf(t, 1000, "责任部门已作出处置决定：%s。", disposal);
		x->text = t;
	}
	return db_run(&c->db, Q_CASE_SET_DISPOSAL, p, 2, NULL, NULL);
}

/* Release the approved feedback: the public event carries it, for this report and for every
 * report linked to it as a duplicate (both reporters see the outcome). */
struct dup_ids {
	int64_t id[64];
	int     n;
};

static int
dup_id_row(void *arg, const struct db_row *r)
{
	struct dup_ids *d = arg;

	if (d->n < 64 && strcmp(r->col[1], "closed") != 0 && strcmp(r->col[1], "rejected") != 0)
		d->id[d->n++] = strtoll(r->col[0], NULL, 10);
	return 0;
}

static int
do_release(struct act *x)
{
	struct ctx *c = x->pg->c;
	struct dup_ids d = { { 0 }, 0 };
	struct dbp p[6];
	int i, rc;

	if (x->k->feedback_text == NULL || x->k->feedback_text[0] == '\0') {
		x->error = "尚无反馈意见。";
		return DB_OK;
	}
	x->text = x->k->feedback_text;
	p[0] = P_TEXT(x->k->feedback_text);
	p[1] = P_TEXT("approved");
	p[2] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_CASE_SET_FEEDBACK, p, 3, NULL, NULL)) != DB_OK)
		return rc;
	p[0] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_CASE_DUPLICATE_IDS, p, 1, dup_id_row, &d)) != DB_OK)
		return rc;
	for (i = 0; i < d.n; i++) {
		if ((rc = add_event(c, d.id[i], "closed", x->k->feedback_text)) != DB_OK)
			return rc;
		p[0] = P_INT(c->now);
		p[1] = P_INT(d.id[i]);
		/* whatever state the duplicate was in */
		if ((rc = db_run(&c->db, Q_CASE_CLOSE, p, 2, NULL, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
do_link_duplicate(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct param *t = params_get(&c->form, "ticket");
	char ticket[17];
	int64_t other = 0;
	struct dbp p[2];
	int rc;

	if (t == NULL || !ticket_parse(t->value, t->len, ticket)) {
		x->error = "请输入原举报的16位受理编号。";
		return DB_OK;
	}
	p[0] = P_TEXT(ticket);
	if ((rc = db_int(&c->db, Q_CASE_ID_BY_TICKET, p, 1, 0, &other)) != DB_OK)
		return rc;
	if (other <= 0 || other == x->k->id) {
		x->error = "找不到该受理编号的举报。";
		return DB_OK;
	}
	p[0] = P_INT(other);
	p[1] = P_INT(x->k->id);
	return db_run(&c->db, Q_CASE_SET_DUPLICATE, p, 2, NULL, NULL);
}

static int
do_set_contact(struct act *x)
{
	struct ctx *c = x->pg->c;
	int64_t who = int_field(c, "staff"), ok = 0;
	struct dbp p[3];
	int rc;

	p[0] = P_INT(who);
	p[1] = P_TEXT("contact");
	p[2] = P_INT(x->k->lead);
	if ((rc = db_int(&c->db, Q_STAFF_HAS_ROLE, p, 3, 0, &ok)) != DB_OK)
		return rc;
	if (ok != 1) {
		x->error = "请选择牵头部门的核查组联系人。";
		return DB_OK;
	}
	p[0] = P_INT(who);
	p[1] = P_INT(x->k->id);
	return db_run(&c->db, Q_CASE_SET_CONTACT, p, 2, NULL, NULL);
}

/* The action's own work, inside the transaction. */
static int
act_specific(struct act *x)
{
	struct ctx *c = x->pg->c;
	struct dbp p[3];
	int rc;

	switch (x->t->action) {
	case A_REJECT:
	case A_NEEDS_INFO:
		if (x->text == NULL)
			x->error = "请填写告知举报人的内容（如不予受理的理由和应当反映的渠道）。";
		if (x->t->action == A_REJECT && x->text != NULL) {
			struct reason_label rl = { field(c, "reason"), "", false };
			char note[500];
			int rc2;

			if (rl.code != NULL && (rc2 = db_run(&c->db, Q_REJECT_REASONS, NULL, 0,
			    reason_label_row, &rl)) != DB_OK)
				return rc2;
			if (!rl.found) {
				x->error = "请选择不予受理的理由。";
				return DB_OK;
			}
			snprintf(note, sizeof(note), "不予受理理由：%s", rl.label);
			return add_note(x, "note", note);
		}
		return DB_OK;
	case A_TRANSFER:
		return do_transfer(x);
	case A_INSPECT:
		return do_inspect(x);
	case A_DISPOSE:
		return do_dispose(x);
	case A_PROGRESS:
		if ((x->text = text_field(c, "text", 2000, true)) == NULL) {
			x->error = "请填写处置进展。";
			return DB_OK;
		}
		rc = add_note(x, "progress", x->text);
		if (rc == DB_OK && field(c, "complete") != NULL)
			rc = add_note(x, "progress", "处置已完成。");
		x->text = NULL;
		return rc;
	case A_FEEDBACK:
		if (x->text == NULL) {
			x->error = "请填写反馈意见（核实情况和处理结果）。";
			return DB_OK;
		}
		p[0] = P_TEXT(x->text);
		p[1] = P_TEXT("draft");
		p[2] = P_INT(x->k->id);
		x->text = NULL;
		return db_run(&c->db, Q_CASE_SET_FEEDBACK, p, 3, NULL, NULL);
	case A_RELEASE:
		return do_release(x);
	case A_NOTE:
	case A_PRESS:
	case A_NOTIFY_HAZARD:
		if (x->text == NULL) {
			x->error = "请填写内容。";
			return DB_OK;
		}
		rc = add_note(x, x->t->action == A_NOTE ? "note" : x->t->action == A_PRESS ?
		    "press" : "hazard_notice", x->text);
		if (rc == DB_OK && x->t->action == A_NOTIFY_HAZARD) {
			p[0] = P_INT(x->k->id);
			rc = db_run(&c->db, Q_CASE_SET_HAZARD, p, 1, NULL, NULL);
		}
		x->text = NULL;
		return rc;
	case A_SET_CONTACT:
		return do_set_contact(x);
	case A_LINK_DUPLICATE:
		x->text = NULL;
		return do_link_duplicate(x);
	default:
		return DB_OK;
	}
}

static void
case_action(struct page *pg)
{
	struct ctx *c = pg->c;
	int64_t id = int_field(c, "id");
	int a = action_from_name(field(c, "action")), st, rc, attempt;
	struct kase k;
	struct act x;
	unsigned roles;
	bool on_lead;
	char due[11], detail[200];
	struct dbp p[6];

	rc = kase_load(pg, id, &k, &roles, &on_lead);
	if (rc < 0) {
		db_unavailable(pg);
		return;
	}
	if (rc == 0 || a < 0) {
		console_error(pg, 404, "案件不存在，或不在您的职责范围内。");
		return;
	}
	st = state_from_name(k.state);
	if (st < 0 || !workflow_allowed((enum action)a, (enum state)st, roles, on_lead) ||
	    (a == A_REVEAL && (k.anonymous || (pg->s.id != k.intake_staff &&
	    pg->s.id != k.contact_staff)))) {
		snprintf(detail, sizeof(detail), "refused %s in %s", transitions[a].name, k.state);
		(void)staff_audit(c, &pg->s, "refused", k.id, detail);
		console_error(pg, 409, "当前状态下您不能进行此操作。");
		return;
	}
	if (a == A_REVEAL) {
		case_page(pg, id, true, 200, NULL);
		return;
	}
	for (attempt = 0; attempt < 3; attempt++) {
		memset(&x, 0, sizeof(x));
		x.pg = pg;
		x.k = &k;
		x.t = &transitions[a];
		x.text = text_field(c, "text", 2000, true);
		if ((rc = db_begin(&c->db)) != DB_OK)
			break;
		if ((rc = act_specific(&x)) != DB_OK || x.error != NULL)
			goto rollback;
		if (x.t->to >= 0) {
			if (x.t->due == DUE_FROM_TODAY)
				report_due(c->refdata.calendar, c->now, x.t->due_days, due);
			p[0] = P_TEXT(state_names[x.t->to]);
			p[1] = x.t->due == DUE_NONE ? P_NULL : x.t->due == DUE_KEEP ?
			    P_OPT(k.due) : P_TEXT(due);
			/* the intake officer who first screens a report is the one who may know
			 * the reporter */
			p[2] = (roles & BIT(R_INTAKE)) && (a == A_ACCEPT || a == A_REJECT ||
			    a == A_NEEDS_INFO) ? P_INT(pg->s.id) : P_NULL;
			p[3] = P_INT(c->now);
			p[4] = P_INT(k.id);
			p[5] = P_TEXT(k.state);
			if ((rc = db_run(&c->db, Q_CASE_SET_STATE, p, 6, NULL, NULL)) != DB_OK)
				goto rollback;
			if (db_affected(&c->db, Q_CASE_SET_STATE) != 1) {
				x.error = "该案件刚刚已被他人处理，请查看最新状态。";
				goto rollback;
			}
		}
		if (x.t->public_text) {
			const char *text = x.text != NULL ? x.text : x.t->default_text;
			if (text == NULL) {
				x.error = "请填写告知举报人的内容。";
				goto rollback;
			}
			if ((rc = add_event(c, k.id, x.t->to >= 0 ? state_names[x.t->to] : k.state,
			    text)) != DB_OK)
				goto rollback;
		}
		snprintf(detail, sizeof(detail), "%s: %s -> %s", x.t->name, k.state,
		    x.t->to >= 0 ? state_names[x.t->to] : k.state);
		if ((rc = staff_audit(c, &pg->s, x.t->name, k.id, detail)) != DB_OK)
			goto rollback;
		if ((rc = db_commit(&c->db)) == DB_OK)
			break;
rollback:
		db_rollback(&c->db);
		if (x.error != NULL || rc != DB_RETRY)
			break;
	}
	if (x.error != NULL) {
		case_page(pg, id, false, 400, x.error);
		return;
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	{
		char path[64];
		snprintf(path, sizeof(path), "/admin/case?id=%lld", (long long)id);
		app_redirect(c, path);
	}
}

/* ---------------------------------------------------------------- routing */

struct table_load {
	struct ctx          *c;
	struct routing_rule *rules;
	size_t               nrules, cap_rules;
	struct routing_dept *depts;
	size_t               ndepts, cap_depts;
	bool                 all;           /* rules: disabled ones too (for the page) */
};

static int
rule_row(void *arg, const struct db_row *r)
{
	struct table_load *t = arg;
	struct routing_rule *x;
	int lv;

	if (t->nrules == t->cap_rules) {
		size_t n = t->cap_rules ? t->cap_rules * 2 : 64;
		struct routing_rule *v = arena_alloc(&t->c->arena, n * sizeof(*v));
		if (t->nrules)
			memcpy(v, t->rules, t->nrules * sizeof(*v));
		t->rules = v;
		t->cap_rules = n;
	}
	x = &t->rules[t->nrules++];
	x->id = strtoll(r->col[0], NULL, 10);
	snprintf(x->category, sizeof(x->category), "%s", r->col[1]);
	snprintf(x->standard, sizeof(x->standard), "%s", r->col[2]);
	snprintf(x->industry, sizeof(x->industry), "%s", r->col[3]);
	snprintf(x->region_prefix, sizeof(x->region_prefix), "%s", r->col[4]);
	snprintf(x->subject_type, sizeof(x->subject_type), "%s", r->col[5]);
	snprintf(x->lead_kind, sizeof(x->lead_kind), "%s", r->col[6]);
	snprintf(x->coop_kinds, sizeof(x->coop_kinds), "%s", r->col[7]);
	lv = routing_level_parse(r->col[8]);
	x->level = lv < 0 ? ROUTING_COUNTY : (enum routing_level)lv;
	x->enabled = strcmp(r->col[9], "1") == 0;
	return 0;
}

static int
dept_row(void *arg, const struct db_row *r)
{
	struct table_load *t = arg;
	struct routing_dept *x;

	if (t->ndepts == t->cap_depts) {
		size_t n = t->cap_depts ? t->cap_depts * 2 : 1024;
		struct routing_dept *v = arena_alloc(&t->c->arena, n * sizeof(*v));
		if (t->ndepts)
			memcpy(v, t->depts, t->ndepts * sizeof(*v));
		t->depts = v;
		t->cap_depts = n;
	}
	x = &t->depts[t->ndepts++];
	x->id = strtoll(r->col[0], NULL, 10);
	snprintf(x->region_code, sizeof(x->region_code), "%s", r->col[1]);
	snprintf(x->kind, sizeof(x->kind), "%s", r->col[2]);
	snprintf(x->name, sizeof(x->name), "%s", r->col[3]);
	x->enabled = strcmp(r->col[4], "1") == 0;
	return 0;
}

static int
load_table(struct ctx *c, struct table_load *t, struct routing_table *out)
{
	int rc;

	memset(t, 0, sizeof(*t));
	t->c = c;
	if ((rc = db_run(&c->db, Q_ROUTING_RULES, NULL, 0, rule_row, t)) != DB_OK ||
	    (rc = db_run(&c->db, Q_DEPARTMENTS, NULL, 0, dept_row, t)) != DB_OK)
		return rc;
	out->rules = t->rules;
	out->nrules = t->nrules;
	out->depts = t->depts;
	out->ndepts = t->ndepts;
	return DB_OK;
}

static const char *
dept_name(const struct routing_table *tb, int64_t id)
{
	size_t i;

	for (i = 0; i < tb->ndepts; i++)
		if (tb->depts[i].id == id)
			return tb->depts[i].name;
	return "";
}

static int
routing_suggest(struct ctx *c, const struct kase *k, struct route_suggestion *sug)
{
	struct table_load t;
	struct routing_table tb;
	struct routing_report rep = { k->category, k->standards, k->industry, k->region,
	    k->subject_type };
	struct routing_result res;
	size_t i;
	int rc;

	memset(sug, 0, sizeof(*sug));
	if ((rc = load_table(c, &t, &tb)) != DB_OK)
		return rc;
	if (routing_route(&tb, &rep, &res) != 0) {
		snprintf(sug->message, sizeof(sug->message), "%s", res.error);
		return DB_OK;
	}
	sug->dept[0].id = res.lead;
	snprintf(sug->dept[0].name, sizeof(sug->dept[0].name), "%s", dept_name(&tb, res.lead));
	sug->dept[0].lead = true;
	sug->n = 1;
	for (i = 0; i < res.ncoops && sug->n < 16; i++, sug->n++) {
		sug->dept[sug->n].id = res.coops[i];
		snprintf(sug->dept[sug->n].name, sizeof(sug->dept[sug->n].name), "%s",
		    dept_name(&tb, res.coops[i]));
	}
	if (res.missing[0] != '\0')
		snprintf(sug->message, sizeof(sug->message), "以下协办部门类型在本地没有对应部门：%s",
		    res.missing);
	/* Every enabled department of the case's province is offered too, for an override. */
	return DB_OK;
}

static void
emit_problem(void *arg, const char *problem)
{
	xml_add((xmlNodePtr)arg, "problem", problem);
}

static void
routing_page(struct page *pg, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct table_load t;
	struct routing_table tb;
	xmlNodePtr root, rules, n;
	xmlDocPtr doc;
	size_t i;

	if (load_table(c, &t, &tb) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	doc = console_doc(pg, "routing", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	rules = xml_add(root, "rules", NULL);
	for (i = 0; i < tb.nrules; i++) {
		const struct routing_rule *r = &tb.rules[i];
		char coop_labels[300] = "", *k, *save, buf[101];

		n = xml_add(rules, "rule", NULL);
		xml_attr_int(n, "id", r->id);
		xml_attr(n, "category", r->category);
		xml_attr(n, "standard", r->standard);
		xml_attr(n, "industry", r->industry);
		xml_attr(n, "region-prefix", r->region_prefix);
		xml_attr(n, "subject-type", r->subject_type);
		xml_attr(n, "lead-kind", r->lead_kind);
		xml_attr(n, "lead-label", routing_kind_label(r->lead_kind));
		xml_attr(n, "coop-kinds", r->coop_kinds);
		snprintf(buf, sizeof(buf), "%s", r->coop_kinds);
		for (k = strtok_r(buf, ",", &save); k != NULL; k = strtok_r(NULL, ",", &save))
			snprintf(coop_labels + strlen(coop_labels),
			    sizeof(coop_labels) - strlen(coop_labels), "%s%s",
			    coop_labels[0] ? "、" : "", routing_kind_label(k));
		xml_attr(n, "coop-labels", coop_labels);
		xml_attr(n, "level", routing_level_name(r->level));
		xml_attr(n, "enabled", r->enabled ? "1" : "0");
	}
	form_options_xml(root, "kinds", routing_kinds);
	form_options_xml(root, "categories", report_categories);
	form_options_xml(root, "standards", report_standards);
	refdata_industries_xml(&c->refdata, root);
	(void)routing_validate(&tb, emit_problem, xml_add(root, "problems", NULL));
	/* Preview: which departments would this report go to? */
	if (field(c, "preview") != NULL) {
		struct routing_report rep = { field(c, "category"), field(c, "standard"),
		    field(c, "industry"), field(c, "region"), field(c, "subject_type") };
		struct routing_result res;
		xmlNodePtr pv = xml_add(root, "preview", NULL), in = xml_add(pv, "input", NULL);

		if (rep.category == NULL) rep.category = "";
		if (rep.standards == NULL) rep.standards = "";
		if (rep.industry == NULL) rep.industry = "";
		if (rep.region == NULL) rep.region = "";
		if (rep.subject_type == NULL) rep.subject_type = "enterprise";
		xml_attr(in, "category", rep.category);
		xml_attr(in, "standard", rep.standards);
		xml_attr(in, "industry", rep.industry);
		xml_attr(in, "region", rep.region);
		xml_attr(in, "subject-type", rep.subject_type);
		if (!valid_region_code(rep.region, strlen(rep.region)) ||
		    routing_route(&tb, &rep, &res) != 0) {
			xml_add(pv, "message", valid_region_code(rep.region, strlen(rep.region)) ?
			    res.error : "请填写6位地区代码。");
		} else {
			n = xml_add(pv, "department", NULL);
			xml_attr_int(n, "id", res.lead);
			xml_attr(n, "name", dept_name(&tb, res.lead));
			xml_attr(n, "role", "lead");
			for (i = 0; i < res.ncoops; i++) {
				n = xml_add(pv, "department", NULL);
				xml_attr_int(n, "id", res.coops[i]);
				xml_attr(n, "name", dept_name(&tb, res.coops[i]));
				xml_attr(n, "role", "coop");
			}
		}
	}
	app_send(c, status, doc);
}

static const char *
opt_choice(struct ctx *c, const char *name, const struct option *choices, bool *bad)
{
	const char *v = field(c, name);

	if (v == NULL || v[0] == '\0')
		return NULL;
	if (option_label(choices, v) == v)
		*bad = true;
	return v;
}

static void
routing_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *action = field(c, "action"), *why = NULL;
	int64_t rule = int_field(c, "rule");
	struct dbp p[9];
	char detail[200], coops[101] = "";
	int rc = DB_OK;

	detail[0] = '\0';
	if (action != NULL && strcmp(action, "add") == 0) {
		bool bad = false;
		const char *cat = opt_choice(c, "category", report_categories, &bad);
		const char *std = opt_choice(c, "standard", report_standards, &bad);
		const char *st = opt_choice(c, "subject_type", report_subject_types, &bad);
		const char *ind = field(c, "industry"), *prefix = field(c, "region_prefix");
		const char *lead = field(c, "lead_kind"), *level = field(c, "level");
		const char *note = field(c, "note");
		const struct param *k;

		if (ind != NULL && ind[0] != '\0' && refdata_industry(&c->refdata, ind) == NULL)
			bad = true;
		if (prefix != NULL && (strlen(prefix) > 6 || strspn(prefix, "0123456789") !=
		    strlen(prefix)))
			bad = true;
		if (lead == NULL || !routing_kind_valid(lead) || level == NULL ||
		    routing_level_parse(level) < 0)
			bad = true;
		if (note != NULL && (utf8_count(note, strlen(note)) > 200 ||
		    !text_clean(note, strlen(note), false)))
			bad = true;
		for (k = c->form.head; k != NULL; k = k->next) {
			if (k->filename != NULL || strcmp(k->name, "coop_kinds") != 0)
				continue;
			if (!routing_kind_valid(k->value) || strlen(coops) + strlen(k->value) + 2 >
			    sizeof(coops)) {
				bad = true;
				break;
			}
			snprintf(coops + strlen(coops), sizeof(coops) - strlen(coops), "%s%s",
			    coops[0] ? "," : "", k->value);
		}
		if (bad)
			why = "规则的取值无效，请检查后重新提交。";
		else {
			p[0] = P_OPT(cat);
			p[1] = P_OPT(std);
			p[2] = P_OPT(ind);
			p[3] = P_TEXT(prefix ? prefix : "");
			p[4] = P_OPT(st);
			p[5] = P_TEXT(lead);
			p[6] = P_TEXT(coops);
			p[7] = P_TEXT(level);
			p[8] = P_TEXT(note ? note : "");
			rc = db_run(&c->db, Q_ROUTING_INSERT, p, 9, NULL, NULL);
			snprintf(detail, sizeof(detail), "add rule %s/%s/%s/%s -> %s",
			    cat ? cat : "*", std ? std : "*", ind ? ind : "*",
			    prefix ? prefix : "", lead);
		}
	} else if (action != NULL && rule > 0 && (strcmp(action, "toggle") == 0 ||
	    strcmp(action, "delete") == 0)) {
		p[0] = P_INT(rule);
		rc = db_run(&c->db, action[0] == 't' ? Q_ROUTING_TOGGLE : Q_ROUTING_DELETE, p, 1,
		    NULL, NULL);
		snprintf(detail, sizeof(detail), "%s rule %lld", action, (long long)rule);
	} else
		why = "未知的操作。";
	if (rc == DB_OK && why == NULL)
		rc = staff_audit(c, &pg->s, "routing", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	routing_page(pg, why != NULL ? 400 : 200, why != NULL ? why : "已保存。");
}

/* ---------------------------------------------------------------- attachments */

struct att_row {
	int64_t report_id;
	char    name[33], mime[33];
	bool    found;
};

static int
att_row(void *arg, const struct db_row *r)
{
	struct att_row *a = arg;

	a->found = true;
	a->report_id = strtoll(r->col[0], NULL, 10);
	snprintf(a->name, sizeof(a->name), "%s", r->col[1]);
	snprintf(a->mime, sizeof(a->mime), "%s", r->col[2]);
	return 1;
}

/* An evidence file, to staff who can see its case; sent as a download, never rendered inline
 * (a PDF or picture from the public is untrusted content). */
static void
attachment_get(struct page *pg)
{
	struct ctx *c = pg->c;
	struct att_row a;
	struct dbp p[1] = { P_INT(int_field(c, "id")) };
	struct kase k;
	unsigned roles;
	bool on_lead;
	char path[600];
	FILE *f;
	char *buf;
	long len;
	int rc;

	memset(&a, 0, sizeof(a));
	if (db_run(&c->db, Q_ATTACHMENT_GET, p, 1, att_row, &a) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	if (!a.found || (rc = kase_load(pg, a.report_id, &k, &roles, &on_lead)) == 0 ||
	    strspn(a.name, "0123456789abcdef") != 32) {
		console_error(pg, 404, "附件不存在，或不在您的职责范围内。");
		return;
	}
	if (rc < 0) {
		db_unavailable(pg);
		return;
	}
	snprintf(path, sizeof(path), "%s/%.2s/%s", c->cfg.attachment_dir, a.name, a.name);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		if (f != NULL)
			fclose(f);
		log_err("attachment %s: cannot read", a.name);
		console_error(pg, 404, "附件文件缺失，请联系管理员。");
		return;
	}
	buf = arena_alloc(&c->arena, (size_t)len + 1);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
		fclose(f);
		console_error(pg, 500, "附件读取失败。");
		return;
	}
	fclose(f);
	(void)staff_audit(c, &pg->s, "attachment", a.report_id, a.name);
	response_header(&c->resp, &c->arena,
	    "Content-Disposition: attachment; filename=\"evidence-%s.%s\"", k.ticket,
	    strcmp(a.mime, "application/pdf") == 0 ? "pdf" : strcmp(a.mime, "image/png") == 0 ?
	    "png" : "jpg");
	app_send_bytes(c, 200, a.mime, buf, (size_t)len);
}

/* ---------------------------------------------------------------- intake */

static const struct option intake_channels[] = {
	{ "phone", "电话" }, { "fax", "传真" }, { "email", "电子邮件" }, { "letter", "信函" },
	{ "visit", "来访" }, { NULL, NULL },
};

static void
intake_form(struct page *pg, xmlNodePtr parent, const char *form_id, bool with_values)
{
	xmlNodePtr f = xml_add(parent, "intake-form", NULL);

	xml_attr(f, "console", "1");
	form_options_xml(f, "channels", intake_channels);
	reportform_fill(pg->c, xml_add(f, "submit-form", NULL), form_id, with_values);
}

static void
intake_page(struct page *pg)
{
	uint8_t raw[16];
	char id[33];
	xmlNodePtr root;
	xmlDocPtr doc;

	if (crypto_random(raw, sizeof(raw)) != 0)
		log_fatal("random failed");
	crypto_hex(raw, sizeof(raw), id);
	doc = console_doc(pg, "intake-form", &root);
	form_options_xml(root, "channels", intake_channels);
	reportform_fill(pg->c, xml_add(root, "submit-form", NULL), id, false);
	app_send(pg->c, 200, doc);
}

static void
intake_post(struct page *pg)
{
	struct ctx *c = pg->c;
	static struct reportform rf;
	const char *form_id = field(c, "form_id"), *channel = field(c, "channel");
	struct new_report nr;
	struct receipt out;
	char code[9], token[48];
	int64_t id = 0;
	struct dbp p[1];
	xmlNodePtr root;
	xmlDocPtr doc;
	uint8_t raw[16];
	bool bad_channel = channel == NULL || option_label(intake_channels, channel) == channel;
	int st;

	if (form_id == NULL || crypto_unhex(form_id, strlen(form_id), raw, sizeof(raw)) != 0) {
		console_error(pg, 403, "页面已过期，请重新打开登记页面。");
		return;
	}
	reportform_check(c, &rf);
	if (rf.errors > 0 || bad_channel) {
		doc = app_error_doc(400, "请修改标出的项目后重新提交。", &root);
		xml_attr(root, "console", "1");
		staff_session_xml(&pg->s, root);
		reportform_errors(&rf, root);
		if (bad_channel)
			xml_attr(xml_add(root, "field", "请选择收到举报的渠道。"), "name", "channel");
		intake_form(pg, root, form_id, true);
		app_send(c, 400, doc);
		return;
	}
	reportform_report(c, &rf, &nr);
	nr.channel = channel;
	nr.intake_staff_id = pg->s.id;
	snprintf(token, sizeof(token), "intake:%s", form_id);
	st = reportform_save(c, &rf, &nr, token, strlen(token), &out, code);
	if (st == DB_OK) {
		p[0] = P_TEXT(out.ticket);
		st = db_int(&c->db, Q_CASE_ID_BY_TICKET, p, 1, 0, &id);
	}
	if (st == DB_OK && !out.existed)
		st = staff_audit(c, &pg->s, "intake", id, channel);
	if (st != DB_OK) {
		db_unavailable(pg);
		return;
	}
	doc = console_doc(pg, "intake-receipt", &root);
	xml_add(root, "ticket", out.ticket);
	xml_add(root, "code", code);
	{
		char ids[24];
		snprintf(ids, sizeof(ids), "%lld", (long long)id);
		xml_add(root, "case-id", ids);
	}
	explicit_bzero(code, sizeof(code));
	app_send(c, 200, doc);
}

/* ---------------------------------------------------------------- calendar */

static int
holiday_row(void *arg, const struct db_row *r)
{
	static const char *const names[] = { "date", "off", "name" };
	struct list_arg *a = arg;

	row_attrs(xml_add(a->parent, "day", NULL), r, names, 3);
	return 0;
}

static void
calendar_page(struct page *pg, int status, const char *message)
{
	struct ctx *c = pg->c;
	int64_t year = int_field(c, "year");
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct dbp p[1];
	xmlNodePtr root, y;
	xmlDocPtr doc;
	char today[11];

	if (year < 2000 || year > 2100) {
		report_due(NULL, c->now, 0, today);
		year = strtoll(today, NULL, 10);
	}
	doc = console_doc(pg, "calendar", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	y = xml_add(root, "year", NULL);
	xml_attr_int(y, "value", year);
	xml_attr_int(y, "prev", year - 1);
	xml_attr_int(y, "next", year + 1);
	a.parent = root;
	p[0] = P_INT(year);
	if (db_run(&c->db, Q_HOLIDAYS_YEAR, p, 1, holiday_row, &a) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(c, status, doc);
}

static int
holiday_set(struct page *pg, const char *date, bool off, const char *name)
{
	struct dbp p[3];

	p[0] = P_TEXT(date);
	p[1] = P_INT(off);
	p[2] = P_TEXT(name);
	return db_run(&pg->c->db, Q_HOLIDAY_SET, p, 3, NULL, NULL);
}

/* Import holiday-cn JSON ({"date": "2026-01-01", "isOffDay": true, "name": "元旦"} objects) or
 * CSV lines "date,off,name". A small scanner: the file is an administrator's, but it is still
 * bytes from the network, so every value is checked before use. */
static int
calendar_import(struct page *pg, const char *buf, size_t len, int *count, const char **why)
{
	const char *p = buf, *end = buf + len;
	int rc;

	*count = 0;
	*why = NULL;
	if (!utf8_valid(buf, len)) {
		*why = "文件不是UTF-8文本。";
		return DB_OK;
	}
	while (p < end) {
		const char *d = memmem(p, (size_t)(end - p), "\"date\"", 6), *obj_end, *q;
		char date[11], name[97] = "";
		bool off;
		cal_day day;

		if (d == NULL)
			break;
		obj_end = memchr(d, '}', (size_t)(end - d));
		if (obj_end == NULL)
			break;
		q = memchr(d + 6, '"', (size_t)(obj_end - d - 6));
		if (q == NULL || obj_end - q < 12 || !cal_parse(q + 1, 10, &day) || q[11] != '"') {
			*why = "JSON中的日期格式不正确。";
			return DB_OK;
		}
		memcpy(date, q + 1, 10);
		date[10] = '\0';
		off = memmem(d, (size_t)(obj_end - d), "\"isOffDay\": true", 16) != NULL ||
		    memmem(d, (size_t)(obj_end - d), "\"isOffDay\":true", 15) != NULL;
		{
			const char *nm = memmem(p, (size_t)(obj_end - p), "\"name\"", 6);
			const char *s, *e;
			if (nm != NULL && (s = memchr(nm + 6, '"', (size_t)(obj_end - nm - 6))) &&
			    (e = memchr(s + 1, '"', (size_t)(obj_end - s - 1))) && e - s - 1 < 90)
				snprintf(name, sizeof(name), "%.*s", (int)(e - s - 1), s + 1);
		}
		if (!text_clean(name, strlen(name), false))
			name[0] = '\0';
		if ((rc = holiday_set(pg, date, off, name[0] ? name : (off ? "假日" : "调休"))) != DB_OK)
			return rc;
		(*count)++;
		p = obj_end + 1;
	}
	if (*count > 0)
		return DB_OK;
	/* CSV */
	for (p = buf; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *line_end = nl ? nl : end;
		char line[200], *f1, *f2, *f3;
		cal_day day;
		size_t l = (size_t)(line_end - p);

		if (l > 0 && l < sizeof(line)) {
			memcpy(line, p, l);
			line[l] = '\0';
			line[strcspn(line, "\r")] = '\0';
			f1 = line;
			f2 = strchr(f1, ',');
			f3 = f2 ? strchr(f2 + 1, ',') : NULL;
			if (f2 && f3) {
				*f2++ = '\0';
				*f3++ = '\0';
				if (!cal_parse(f1, strlen(f1), &day) || (strcmp(f2, "0") != 0 &&
				    strcmp(f2, "1") != 0) || !text_clean(f3, strlen(f3), false) ||
				    utf8_count(f3, strlen(f3)) > 30) {
					*why = "CSV每行应为：日期,1或0,名称。";
					return DB_OK;
				}
				if ((rc = holiday_set(pg, f1, f2[0] == '1', f3)) != DB_OK)
					return rc;
				(*count)++;
			}
		}
		p = line_end + 1;
	}
	if (*count == 0)
		*why = "文件中没有找到日期。";
	return DB_OK;
}

static void
calendar_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *action = field(c, "action"), *date = field(c, "date"), *why = NULL;
	const char *name = text_field(c, "name", 30, false);
	struct dbp p[1];
	cal_day d;
	char detail[200], msg[200];
	int rc = DB_OK, n = 0;

	if (action != NULL && strcmp(action, "import") == 0) {
		const struct param *f;
		for (f = c->form.head; f != NULL; f = f->next)
			if (f->filename != NULL && strcmp(f->name, "file") == 0)
				break;
		if (f == NULL || f->len == 0)
			why = "请选择要导入的文件。";
		else
			rc = calendar_import(pg, f->value, f->len, &n, &why);
		snprintf(detail, sizeof(detail), "import %d days", n);
	} else if (date == NULL || !cal_parse(date, strlen(date), &d)) {
		why = "日期格式应为YYYY-MM-DD。";
	} else if (action != NULL && strcmp(action, "set") == 0) {
		const char *off = field(c, "off");
		if (off == NULL || (strcmp(off, "0") != 0 && strcmp(off, "1") != 0))
			why = "请选择放假或调休上班。";
		else
			rc = holiday_set(pg, date, off[0] == '1', name ? name : (off[0] == '1' ?
			    "假日" : "调休"));
		snprintf(detail, sizeof(detail), "set %s %s", date, off ? off : "");
	} else if (action != NULL && strcmp(action, "delete") == 0) {
		p[0] = P_TEXT(date);
		rc = db_run(&c->db, Q_HOLIDAY_DELETE, p, 1, NULL, NULL);
		snprintf(detail, sizeof(detail), "delete %s", date);
	} else
		why = "未知的操作。";
	if (rc == DB_OK && why == NULL)
		rc = staff_audit(c, &pg->s, "calendar", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	/* The programs reload the calendar every few minutes; this one at once. */
	c->refdata.loaded = 0;
	if (why == NULL && n > 0) {
		snprintf(msg, sizeof(msg), "已导入%d个日期。", n);
		calendar_page(pg, 200, msg);
	} else
		calendar_page(pg, why != NULL ? 400 : 200, why != NULL ? why : "已保存。");
}

/* ---------------------------------------------------------------- refusal reasons */

/* The reasons an intake officer picks from when refusing a report (不予受理), each with the
 * text the reporter is shown by default. Administrators edit them here; a reason in use is
 * never deleted, only disabled, so that old refusals keep their meaning. */
static int
reason_list_row(void *arg, const struct db_row *r)
{
	static const char *const names[] = { "code", "label", NULL, "sort", "enabled" };
	struct list_arg *a = arg;

	/* the text for the reporter (column 2) is the element's content */
	row_attrs(xml_add(a->parent, "reason", r->col[2]), r, names, 5);
	return 0;
}

static void
reasons_page(struct page *pg, int status, const char *message)
{
	struct list_arg a = { pg->c, NULL, 0, false, 0 };
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "reasons", &root);

	if (message != NULL)
		xml_add(root, "message", message);
	a.parent = root;
	if (db_run(&pg->c->db, Q_REASONS_ALL, NULL, 0, reason_list_row, &a) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(pg->c, status, doc);
}

/* A reason's code: what the refusal records; lower-case letters, digits and _. */
static bool
reason_code_ok(const char *v)
{
	size_t n = v != NULL ? strlen(v) : 0, i;

	if (n == 0 || n > 32)
		return false;
	for (i = 0; i < n; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' && v[i] <= '9') || v[i] == '_'))
			return false;
	return true;
}

static void
reasons_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *code = field(c, "code"), *label = text_field(c, "label", 100, false);
	const char *text = field(c, "text"), *sort = field(c, "sort"), *on = field(c, "enabled");
	int64_t order = int_field(c, "sort");
	struct dbp p[5];
	char detail[80];

	if (!reason_code_ok(code)) {
		reasons_page(pg, 400, "代码应为1至32位小写字母、数字或下划线。");
		return;
	}
	if (label == NULL) {
		reasons_page(pg, 400, "请填写理由名称（不超过100字）。");
		return;
	}
	if (text != NULL && text[0] != '\0' && (text = text_field(c, "text", 500, true)) == NULL) {
		reasons_page(pg, 400, "告知举报人的说明不超过500字。");
		return;
	}
	if (sort != NULL && sort[0] != '\0' && strcmp(sort, "0") != 0 &&
	    (order <= 0 || order > 9999)) {
		reasons_page(pg, 400, "排序应为0至9999的整数。");
		return;
	}
	p[0] = P_TEXT(code);
	p[1] = P_TEXT(label);
	p[2] = P_TEXT(text != NULL ? text : "");
	p[3] = P_INT(order);
	p[4] = P_INT(on != NULL && strcmp(on, "1") == 0);
	snprintf(detail, sizeof(detail), "save %s enabled=%d", code, on != NULL &&
	    strcmp(on, "1") == 0);
	if (db_run(&c->db, Q_REASON_SAVE, p, 5, NULL, NULL) != DB_OK ||
	    staff_audit(c, &pg->s, "reasons", 0, detail) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	reasons_page(pg, 200, "已保存。");
}

/* ---------------------------------------------------------------- audit trail */

static const struct option audit_actions[] = {
	{ "login", "登录" }, { "login_failed", "登录失败" }, { "login_locked", "锁定期间登录" },
	{ "logout", "退出" }, { "password_change", "修改密码" }, { "totp_enable", "启用动态验证码" },
	{ "reveal_identity", "查看举报人身份" }, { "refused", "越权操作被拒绝" },
	{ "accept", "受理" }, { "reject", "不予受理" }, { "needs_info", "要求补充材料" },
	{ "transfer", "移交" }, { "start_inspection", "接收核查" }, { "inspect", "录入核查结论" },
	{ "dispose", "录入处置决定" }, { "progress", "处置进展" }, { "feedback", "起草反馈" },
	{ "release", "反馈举报人" }, { "note", "内部备注" }, { "press", "督办" },
	{ "set_contact", "指定联系人" }, { "notify_hazard", "隐患通报" },
	{ "link_duplicate", "关联重复举报" }, { "intake", "登记举报" }, { "routing", "修改移交规则" },
	{ "calendar", "修改工作日历" }, { "reasons", "修改不予受理理由" }, { "user", "用户管理" }, { "overdue", "超期" },
	{ "create_user", "创建用户" }, { "attachment", "下载附件" }, { "rotate_keys", "轮换密钥" }, { "reporter_reply", "举报人补充" },
	{ NULL, NULL },
};

static int
audit_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr n;

	if (++a->n > 100)
		return 1;
	n = xml_add(a->parent, "entry", NULL);
	xml_attr(n, "at", r->col[0]);
	xml_attr(n, "login", r->col[1]);
	xml_attr(n, "action", r->col[2]);
	xml_attr(n, "action-label", option_label(audit_actions, r->col[2]));
	xml_attr(n, "report-id", r->col[3]);
	xml_attr(n, "ticket", r->col[4]);
	xml_attr(n, "detail", r->col[5]);
	xml_attr(n, "client", r->col[6]);
	return 0;
}

static const char *
filter_value(struct ctx *c, const char *name, size_t max)
{
	const char *v = field(c, name);

	if (v == NULL || v[0] == '\0' || strlen(v) > max || !text_clean(v, strlen(v), false))
		return NULL;
	return v;
}

static void
audit_page(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *action = filter_value(c, "action", 32), *login = filter_value(c, "login", 64);
	const char *ticket = filter_value(c, "ticket", 16), *from = filter_value(c, "from", 10);
	const char *to = filter_value(c, "to", 10);
	int64_t page = int_field(c, "page");
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct dbp p[11];
	xmlNodePtr root, f, pgn;
	xmlDocPtr doc;
	cal_day d;

	if (page < 1)
		page = 1;
	if (from != NULL && !cal_parse(from, strlen(from), &d))
		from = NULL;
	if (to != NULL && !cal_parse(to, strlen(to), &d))
		to = NULL;
	doc = console_doc(pg, "audit-log", &root);
	f = xml_add(root, "filter", NULL);
	xml_attr(f, "action", action ? action : "");
	xml_attr(f, "login", login ? login : "");
	xml_attr(f, "ticket", ticket ? ticket : "");
	xml_attr(f, "from", from ? from : "");
	xml_attr(f, "to", to ? to : "");
	{
		const struct option *o;
		xmlNodePtr acts = xml_add(root, "actions", NULL);
		for (o = audit_actions; o->value; o++)
			add_option(acts, o->value, o->label);
	}
	p[0] = P_OPT(action);
	p[1] = P_OPT(action);
	p[2] = P_OPT(login);
	p[3] = P_OPT(login);
	p[4] = P_OPT(ticket);
	p[5] = P_OPT(ticket);
	p[6] = P_OPT(from);
	p[7] = P_OPT(from);
	p[8] = P_OPT(to);
	p[9] = P_OPT(to);
	p[10] = P_INT((page - 1) * 100);
	a.parent = xml_add(root, "entries", NULL);
	if (db_run(&c->db, Q_AUDIT_LIST, p, 11, audit_row, &a) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	pgn = xml_add(root, "paging", NULL);
	xml_attr_int(pgn, "page", page);
	xml_attr(pgn, "more", a.n > 100 ? "1" : "0");
	app_send(c, 200, doc);
}

/* ---------------------------------------------------------------- users */

static int
user_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr n = xml_add(a->parent, "user", NULL);

	xml_attr(n, "id", r->col[0]);
	xml_attr(n, "login", r->col[1]);
	xml_attr(n, "name", r->col[2]);
	xml_attr(n, "email", r->col[3]);
	xml_attr(n, "disabled", r->col[4]);
	xml_attr(n, "must-change", r->col[5]);
	xml_attr(n, "totp", r->col[6]);
	return 0;
}

static int
user_role_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr u, n;
	int role = role_from_name(r->col[1]);

	/* attach to the <user> with this id */
	for (u = a->parent->children; u != NULL; u = u->next) {
		xmlChar *id = xmlGetProp(u, (const xmlChar *)"id");
		bool match = id != NULL && strcmp((const char *)id, r->col[0]) == 0;
		xmlFree(id);
		if (!match)
			continue;
		n = xml_add(u, "role", NULL);
		xml_attr(n, "name", r->col[1]);
		xml_attr(n, "label", role >= 0 ? role_labels[role] : r->col[1]);
		xml_attr(n, "department-id", r->col[2]);
		xml_attr(n, "department", r->col[3]);
		break;
	}
	return 0;
}

static int
department_row(void *arg, const struct db_row *r)
{
	static const char *const names[] = { "id", "region", "kind", "name" };
	struct list_arg *a = arg;

	if (strcmp(r->col[4], "1") == 0)      /* enabled departments only */
		row_attrs(xml_add(a->parent, "department", NULL), r, names, 4);
	return 0;
}

static void
users_page(struct page *pg, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct list_arg a = { c, NULL, 0, false, 0 };
	xmlNodePtr root, roles;
	xmlDocPtr doc;
	int i, rc;

	doc = console_doc(pg, "users", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	a.parent = xml_add(root, "user-list", NULL);
	rc = db_run(&c->db, Q_USERS, NULL, 0, user_row, &a);
	if (rc == DB_OK)
		rc = db_run(&c->db, Q_USER_ROLES, NULL, 0, user_role_row, &a);
	roles = xml_add(root, "roles", NULL);
	for (i = 0; i < R__MAX; i++)
		add_option(roles, role_names[i], role_labels[i]);
	a.parent = xml_add(root, "departments", NULL);
	if (rc == DB_OK)
		rc = db_run(&c->db, Q_DEPARTMENTS, NULL, 0, department_row, &a);
	if (rc != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(c, status, doc);
}

static void
users_post(struct page *pg)
{
	struct ctx *c = pg->c;
	const char *action = field(c, "action"), *why = NULL, *problem;
	int64_t user = int_field(c, "user"), dept = int_field(c, "department");
	const char *role = field(c, "role");
	struct dbp p[6];
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];
	char detail[200];
	int rc = DB_OK;

	detail[0] = '\0';
	if (action == NULL) {
		why = "未知的操作。";
	} else if (strcmp(action, "create") == 0) {
		const char *login = text_field(c, "login", 64, false);
		const char *name = text_field(c, "name", 64, false);
		const char *email = field(c, "email"), *pw = field(c, "password");

		if (login == NULL || strspn(login, "abcdefghijklmnopqrstuvwxyz0123456789._-") !=
		    strlen(login))
			why = "用户名只能包含小写字母、数字和 . _ -。";
		else if (name == NULL)
			why = "请填写姓名。";
		else if (email != NULL && email[0] != '\0' && !valid_email(email, strlen(email)))
			why = "电子邮箱格式不正确。";
		else if (pw == NULL || (problem = auth_password_problem(pw, strlen(pw))) != NULL)
			why = pw == NULL ? "请设置初始密码。" : problem;
		else {
			if (auth_new_hash(pw, strlen(pw), salt, hash) != 0)
				log_fatal("hash failed");
			p[0] = P_TEXT(login);
			p[1] = P_TEXT(name);
			p[2] = P_OPT(email);
			p[3] = P_BLOB(hash, sizeof(hash));
			p[4] = P_BLOB(salt, sizeof(salt));
			p[5] = P_INT(AUTH_ITERATIONS);
			rc = db_run(&c->db, Q_USER_CREATE, p, 6, NULL, NULL);
			if (rc == DB_DUP) {
				why = "该用户名已存在。";
				rc = DB_OK;
			}
			snprintf(detail, sizeof(detail), "create %s", login);
		}
	} else if (strcmp(action, "add_role") == 0 || strcmp(action, "remove_role") == 0) {
		if (user <= 0 || dept <= 0 || role_from_name(role) < 0)
			why = "请选择用户、角色和部门。";
		else {
			p[0] = P_INT(user);
			p[1] = P_TEXT(role);
			p[2] = P_INT(dept);
			rc = db_run(&c->db, action[0] == 'a' ? Q_ROLE_ADD : Q_ROLE_DELETE, p, 3,
			    NULL, NULL);
			snprintf(detail, sizeof(detail), "%s user %lld %s dept %lld", action,
			    (long long)user, role, (long long)dept);
		}
	} else if (strcmp(action, "toggle") == 0 && user > 0 && user != pg->s.id) {
		p[0] = P_INT(user);
		rc = db_run(&c->db, Q_USER_TOGGLE, p, 1, NULL, NULL);
		snprintf(detail, sizeof(detail), "toggle user %lld", (long long)user);
	} else if (strcmp(action, "reset") == 0 && user > 0) {
		const char *pw = field(c, "password");
		if (pw == NULL || (problem = auth_password_problem(pw, strlen(pw))) != NULL)
			why = pw == NULL ? "请设置新密码。" : problem;
		else {
			if (auth_new_hash(pw, strlen(pw), salt, hash) != 0)
				log_fatal("hash failed");
			p[0] = P_BLOB(hash, sizeof(hash));
			p[1] = P_BLOB(salt, sizeof(salt));
			p[2] = P_INT(AUTH_ITERATIONS);
			p[3] = P_INT(1);
			p[4] = P_INT(user);
			rc = db_run(&c->db, Q_STAFF_SET_PASSWORD, p, 5, NULL, NULL);
			snprintf(detail, sizeof(detail), "reset password of user %lld", (long long)user);
		}
	} else
		why = "未知的操作。";
	if (rc == DB_OK && why == NULL)
		rc = staff_audit(c, &pg->s, "user", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	users_page(pg, why != NULL ? 400 : 200, why != NULL ? why : "已保存。");
}

/* ---------------------------------------------------------------- dispatch */

static bool
need_role(struct page *pg, unsigned roles)
{
	if (pg->s.roles & roles)
		return true;
	(void)staff_audit(pg->c, &pg->s, "refused", 0, pg->c->path);
	console_error(pg, 403, "您没有访问此页面的权限。");
	return false;
}

static void
handle(struct ctx *c)
{
	static struct page pg;
	const char *why;
	int st;

	memset(&pg, 0, sizeof(pg));
	pg.c = c;
	if (c->is_post && (st = app_read_form(c, strcmp(c->path, "/admin/intake") == 0 ?
	    c->cfg.max_body : strcmp(c->path, "/admin/calendar") == 0 ? c->cfg.max_file :
	    ADMIN_BODY_MAX, &why)) != 0) {
		app_error(c, st, why);
		return;
	}
	if (!app_refdata(c)) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	if (strcmp(c->path, "/admin/login") == 0) {
		if (c->is_post)
			login_post(c);
		else
			login_page(c, 200, NULL, NULL, false);
		return;
	}
	if ((st = staff_session(c, &pg.s)) < 0) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	if (st == 0) {
		if (c->want_xml || c->is_post)
			app_error(c, 401, "请先登录。");
		else
			app_redirect(c, "/admin/login");
		return;
	}
	if (c->is_post && !staff_csrf_ok(c, &pg.s)) {
		console_error(&pg, 403, "页面已过期，请刷新后重试。");
		return;
	}
	if (strcmp(c->path, "/admin/logout") == 0 && c->is_post) {
		(void)staff_audit(c, &pg.s, "logout", 0, "");
		staff_logout(c, &pg.s);
		app_redirect(c, "/admin/login");
		return;
	}
	if (strcmp(c->path, "/admin/password") == 0) {
		if (c->is_post)
			password_post(&pg);
		else
			password_page(&pg, 200, NULL, NULL);
		return;
	}
	/* A first login must change the password before anything else. */
	if (pg.s.must_change) {
		app_redirect(c, "/admin/password");
		return;
	}
	if (strcmp(c->path, "/admin/") == 0 || strcmp(c->path, "/admin") == 0)
		dashboard(&pg);
	else if (strcmp(c->path, "/admin/cases") == 0)
		case_list(&pg);
	else if (strcmp(c->path, "/admin/case") == 0 && !c->is_post)
		case_page(&pg, int_field(c, "id"), false, 200, NULL);
	else if (strcmp(c->path, "/admin/case/action") == 0 && c->is_post)
		case_action(&pg);
	else if (strcmp(c->path, "/admin/attachment") == 0 && !c->is_post)
		attachment_get(&pg);
	else if (strcmp(c->path, "/admin/intake") == 0) {
		if (need_role(&pg, BIT(R_INTAKE)))
			c->is_post ? intake_post(&pg) : intake_page(&pg);
	} else if (strcmp(c->path, "/admin/totp") == 0)
		c->is_post ? totp_post(&pg) : totp_page(&pg);
	else if (strcmp(c->path, "/admin/routing") == 0) {
		if (need_role(&pg, BIT(R_ADMIN)))
			c->is_post ? routing_post(&pg) : routing_page(&pg, 200, NULL);
	} else if (strcmp(c->path, "/admin/calendar") == 0) {
		if (need_role(&pg, BIT(R_ADMIN)))
			c->is_post ? calendar_post(&pg) : calendar_page(&pg, 200, NULL);
	} else if (strcmp(c->path, "/admin/reasons") == 0) {
		if (need_role(&pg, BIT(R_ADMIN)))
			c->is_post ? reasons_post(&pg) : reasons_page(&pg, 200, NULL);
	} else if (strcmp(c->path, "/admin/audit") == 0) {
		if (need_role(&pg, BIT(R_ADMIN) | BIT(R_SUPERVISOR)))
			audit_page(&pg);
	} else if (strcmp(c->path, "/admin/users") == 0) {
		if (need_role(&pg, BIT(R_ADMIN)))
			c->is_post ? users_post(&pg) : users_page(&pg, 200, NULL);
	} else
		console_error(&pg, 404, "页面不存在。");
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-admin", "admin.xsl", handle, false };

	return app_main(argc, argv, &prog);
}
