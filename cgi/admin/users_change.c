/* users_change: changes to an account that need a second security administrator, and what the
 * account's owner is told.
 *
 * The rule (issue 8, 三员分立): a grant of a guarded role (intake or contact, who can see a
 * reporter's identity, or any administrator), and a password or second-factor reset of an
 * account holding one, is filed as a pending change (staff_change). It takes effect only when
 * another security administrator approves it: not the one who asked, not the account's owner,
 * and one whose area holds the account and the department. Every other change takes effect at
 * once. Either way the owner gets a notice (staff_notice) saying what was changed, when and by
 * whom, shown at its next sign-in (dashboard.c).
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "log.h"
#include "queries.h"

static const struct option change_kinds[] = {
	{ "add_role", "授予角色" }, { "reset_password", "重置密码" },
	{ "reset_totp", "重置动态验证码" }, { NULL, NULL },
};

#define ROLE_CONFLICT "三员分立：管理员角色不能与案件办理角色（接报、承办、联系人、督办、" \
    "信息公开）或另一种管理员角色授予同一账户。"

#define C struct change
static const struct dbc change_cols[] = {
	COL_I64(C, staff_id), COL_TEXT(C, kind), COL_TEXT(C, role), COL_I64(C, department_id),
	COL_BLOB(C, hash, hash_len), COL_BLOB(C, salt, salt_len), COL_I64(C, iter),
	COL_I64(C, requested_by), COL_TEXT(C, state), COL_TEXT(C, requester),
};
#undef C
static const struct db_loader change_loader = DB_LOADER(struct change, change_cols);

/* The owner's notice: "<who> <what>[，经<approver>批准]". */
static int
notice(struct page *pg, const struct change *ch, const char *who, const char *what)
{
	char text[600];
	struct dbp p[3];

	if (ch->requested_by != 0)
		snprintf(text, sizeof(text), "安全管理员 %s %s，经安全管理员 %s（%s）批准。", who,
		    what, pg->s.name, pg->s.login);
	else
		snprintf(text, sizeof(text), "安全管理员 %s %s。", who, what);
	p[0] = P_INT(ch->staff_id);
	p[1] = P_INT(pg->c->now);
	p[2] = P_TEXT(text);
	return db_run(&pg->c->db, Q_NOTICE_INSERT, p, 3);
}

struct dept_name {
	char name[401];
};
static const struct dbc dept_name_cols[] = { COL_TEXT(struct dept_name, name) };
static const struct db_loader dept_name_loader = DB_LOADER(struct dept_name, dept_name_cols);

static int
department_label(struct page *pg, int64_t dept, struct dept_name *out)
{
	struct dbp p[1] = { P_INT(dept) };
	bool found;

	out->name[0] = '\0';
	return db_load(&pg->c->db, Q_DEPARTMENT_NAME, p, 1, &dept_name_loader, &pg->c->arena, out,
	    NULL, NULL, &found);
}

/* Another of the account's roles may not go with this one (an administrator holds no case
 * role, and one administrative role only)? */
static int
role_conflicts(struct page *pg, int64_t user, const char *role, bool *conflict)
{
	struct dbp p[3] = { P_INT(user), P_TEXT(role), P_TEXT(role) };
	int64_t n = 0;
	int rc = db_int(&pg->c->db, Q_STAFF_ROLE_KIND, p, 3, 0, &n);

	*conflict = n > 0;
	return rc;
}

/* Make the change and tell the owner (who: the one who asked). *why says when it cannot be
 * made. */
static int
change_apply(struct page *pg, const struct change *ch, const char *who, const char **why)
{
	struct db *db = &pg->c->db;
	uint8_t none[32] = { 0 };
	char what[600];
	struct dept_name dept;
	struct dbp p[5];
	bool conflict;
	int rc, role = role_from_name(ch->role);

	if (strcmp(ch->kind, "add_role") == 0) {
		if ((rc = role_conflicts(pg, ch->staff_id, ch->role, &conflict)) != DB_OK)
			return rc;
		if (conflict) {
			*why = ROLE_CONFLICT;
			return DB_OK;
		}
		p[0] = P_INT(ch->staff_id);
		p[1] = P_TEXT(ch->role);
		p[2] = P_INT(ch->department_id);
		if ((rc = db_run(db, Q_ROLE_ADD, p, 3)) != DB_OK ||
		    (rc = department_label(pg, ch->department_id, &dept)) != DB_OK)
			return rc;
		snprintf(what, sizeof(what), "为您的账户增加了角色「%s」（%s）",
		    role >= 0 ? role_labels[role] : ch->role, dept.name);
	} else {
		if (strcmp(ch->kind, "reset_password") == 0) {
			p[0] = P_BLOB(ch->hash, ch->hash_len);
			p[1] = P_BLOB(ch->salt, ch->salt_len);
			p[2] = P_INT(ch->iter);
			p[3] = P_INT(1);
			p[4] = P_INT(ch->staff_id);
			rc = db_run(db, Q_STAFF_SET_PASSWORD, p, 5);
			snprintf(what, sizeof(what), "重置了您的密码");
		} else {
			p[0] = P_INT(ch->staff_id);
			rc = db_run(db, Q_STAFF_TOTP_CLEAR, p, 1);
			snprintf(what, sizeof(what), "重置了您的动态验证码（请重新绑定）");
		}
		/* whoever held the old credential is signed out */
		p[0] = P_INT(ch->staff_id);
		p[1] = P_BLOB(none, sizeof(none));
		if (rc == DB_OK)
			rc = db_run(db, Q_SESSIONS_OF_STAFF_DELETE, p, 2);
		if (rc != DB_OK)
			return rc;
	}
	return notice(pg, ch, who, what);
}

int
change_notice(struct page *pg, int64_t user, const char *what, const char *role, int64_t dept)
{
	struct change ch;
	struct dept_name d;
	char who[400], text[600];
	int rc, r;

	memset(&ch, 0, sizeof(ch));
	ch.staff_id = user;
	snprintf(who, sizeof(who), "%s（%s）", pg->s.name, pg->s.login);
	if (role == NULL)
		return notice(pg, &ch, who, what);
	if ((rc = department_label(pg, dept, &d)) != DB_OK)
		return rc;
	r = role_from_name(role);
	snprintf(text, sizeof(text), "%s「%s」（%s）", what, r >= 0 ? role_labels[r] : role,
	    d.name);
	return notice(pg, &ch, who, text);
}

/* Does the change need a second security administrator? */
static int
change_guarded(struct page *pg, const struct change *ch, bool *guarded)
{
	struct dbp p[1] = { P_INT(ch->staff_id) };
	int64_t n = 0;
	int rc, role;

	if (strcmp(ch->kind, "add_role") == 0) {
		role = role_from_name(ch->role);
		*guarded = role < 0 || (BIT(role) & GUARDED_ROLES) != 0;
		return DB_OK;
	}
	rc = db_int(&pg->c->db, Q_STAFF_GUARDED, p, 1, 0, &n);
	*guarded = n > 0;
	return rc;
}

static int
change_file(struct page *pg, const struct change *ch)
{
	struct dbp p[9];

	p[0] = P_INT(ch->staff_id);
	p[1] = P_TEXT(ch->kind);
	p[2] = ch->role[0] ? P_TEXT(ch->role) : P_NULL;
	p[3] = ch->department_id > 0 ? P_INT(ch->department_id) : P_NULL;
	p[4] = ch->hash_len ? P_BLOB(ch->hash, ch->hash_len) : P_NULL;
	p[5] = ch->salt_len ? P_BLOB(ch->salt, ch->salt_len) : P_NULL;
	p[6] = ch->iter ? P_INT(ch->iter) : P_NULL;
	p[7] = P_INT(pg->s.id);
	p[8] = P_INT(pg->c->now);
	return db_run(&pg->c->db, Q_CHANGE_INSERT, p, 9);
}

int
change_submit(struct page *pg, struct change *ch, char *detail, size_t cap, const char **why,
    const char **done)
{
	char who[400];
	bool guarded, conflict;
	int rc;

	if ((rc = change_guarded(pg, ch, &guarded)) != DB_OK)
		return rc;
	/* a grant that could never be made is refused now, not at the approval */
	if (strcmp(ch->kind, "add_role") == 0) {
		if ((rc = role_conflicts(pg, ch->staff_id, ch->role, &conflict)) != DB_OK)
			return rc;
		if (conflict) {
			*why = ROLE_CONFLICT;
			return DB_OK;
		}
	}
	if (guarded) {
		if ((rc = change_file(pg, ch)) != DB_OK)
			return rc;
		snprintf(detail, cap, "request %s user %lld %s dept %lld", ch->kind,
		    (long long)ch->staff_id, ch->role, (long long)ch->department_id);
		*done = "已提交申请：须由另一位安全管理员批准后生效。";
		return DB_OK;
	}
	snprintf(who, sizeof(who), "%s（%s）", pg->s.name, pg->s.login);
	ch->requested_by = 0;
	if ((rc = change_apply(pg, ch, who, why)) != DB_OK || *why != NULL)
		return rc;
	snprintf(detail, cap, "%s user %lld %s dept %lld", ch->kind, (long long)ch->staff_id,
	    ch->role, (long long)ch->department_id);
	return DB_OK;
}

/* The checks of a decision on change id, loaded into ch: pending, and the decider neither the
 * one who asked (unless withdrawing) nor the account, with the account and the department in
 * its area. */
static int
decision_allowed(struct page *pg, int64_t id, bool withdraw, struct change *ch, const char **why)
{
	struct dbp p[1] = { P_INT(id) };
	bool found;
	int rc;

	memset(ch, 0, sizeof(*ch));
	if ((rc = db_load(&pg->c->db, Q_CHANGE_GET, p, 1, &change_loader, &pg->c->arena, ch,
	    NULL, NULL, &found)) != DB_OK)
		return rc;
	if (!found || strcmp(ch->state, "pending") != 0)
		*why = "该申请不存在或已处理。";
	else if (withdraw && ch->requested_by != pg->s.id)
		*why = "只有申请人可以撤回申请。";
	else if (!withdraw && ch->requested_by == pg->s.id)
		*why = "不能批准或拒绝自己提出的申请，请由另一位安全管理员办理。";
	if (*why != NULL || withdraw)
		return DB_OK;
	if ((rc = user_manageable(pg, ch->staff_id, why)) != DB_OK || *why != NULL)
		return rc;
	if (ch->department_id > 0)
		return department_manageable(pg, ch->department_id, why);
	return DB_OK;
}

static const char *const decided_state[] = { "approved", "refused", "withdrawn" };

/* approve (0), refuse (1) or withdraw (2) change id, in one transaction with what it does
 * and its audit row. */
static int
decide_once(struct page *pg, int which, int64_t id, const char **why)
{
	char detail[200];
	struct db *db = &pg->c->db;
	struct change ch;
	struct dbp p[4];
	int rc;

	if ((rc = decision_allowed(pg, id, which == 2, &ch, why)) != DB_OK || *why != NULL)
		return rc;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	p[0] = P_TEXT(decided_state[which]);
	p[1] = P_INT(pg->s.id);
	p[2] = P_INT(pg->c->now);
	p[3] = P_INT(id);
	if ((rc = db_run(db, Q_CHANGE_DECIDE, p, 4)) == DB_OK && db_affected(db,
	    Q_CHANGE_DECIDE) != 1)
		*why = "该申请不存在或已处理。";
	if (rc == DB_OK && *why == NULL && which == 0)
		rc = change_apply(pg, &ch, ch.requester, why);
	snprintf(detail, sizeof(detail), "%s change %lld: %s user %lld %s dept %lld", decided_state[which],
	    (long long)id, ch.kind, (long long)ch.staff_id, ch.role, (long long)ch.department_id);
	if (rc == DB_OK && *why == NULL)
		rc = console_audit(pg, "user", 0, detail);
	if (rc == DB_OK && *why == NULL)
		return db_commit(db);
	db_rollback(db);
	return rc;
}

/* decide_once, again when the transaction lost a deadlock or, on a Galera cluster, failed
 * certification at commit (1213: DB_RETRY). */
int
change_decide(struct page *pg, int which, int64_t id, const char **why)
{
	int rc = DB_RETRY, attempt;

	for (attempt = 0; attempt < 3 && rc == DB_RETRY; attempt++) {
		*why = NULL;
		rc = decide_once(pg, which, id, why);
	}
	return rc == DB_RETRY ? DB_DOWN : rc;
}

const char *
change_kind_label(const char *kind)
{
	return option_label(change_kinds, kind);
}
