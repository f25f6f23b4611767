/* users_edit: the changes a security administrator (安全管理员) makes on the users page. Grants
 * of guarded roles and credential resets of guarded accounts wait for a second one
 * (users_change.c). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "log.h"
#include "queries.h"

/* A new password's hash, or the reason the password will not do. */
static const char *
new_hash(const char *pw, uint8_t salt[AUTH_SALT_LEN], uint8_t hash[AUTH_HASH_LEN])
{
	const char *problem;

	if (pw == NULL)
		return "请设置密码。";
	if ((problem = auth_password_problem(pw, strlen(pw))) != NULL)
		return problem;
	if (auth_new_hash(pw, strlen(pw), salt, hash) != 0)
		log_fatal("hash failed");
	return NULL;
}

static int
create(struct page *pg, char *detail, size_t cap, const char **why)
{
	const char *login = fv(pg, UK_LOGIN), *name = fv(pg, UK_NAME);
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];
	struct dbp p[6];
	int rc;

	if (login == NULL)
		*why = user_keys[UK_LOGIN].message;
	else if (name == NULL)
		*why = "请填写姓名。";
	else
		*why = new_hash(fv(pg, UK_PASSWORD), salt, hash);
	if (*why != NULL)
		return DB_OK;
	p[0] = P_TEXT(login);
	p[1] = P_TEXT(name);
	p[2] = P_OPT(fv(pg, UK_EMAIL));
	p[3] = P_BLOB(hash, sizeof(hash));
	p[4] = P_BLOB(salt, sizeof(salt));
	p[5] = P_INT(AUTH_ITERATIONS);
	rc = db_run(&pg->c->db, Q_USER_CREATE, p, 6);
	if (rc == DB_DUP) {
		*why = "该用户名已存在。";
		return DB_OK;
	}
	snprintf(detail, cap, "create %s", login);
	return rc;
}

/* The security administrator's area as a LIKE pattern ("-" when it has none: matches
 * nothing). */
static const char *
admin_area(struct page *pg)
{
	char area[7];

	return role_area(&pg->s, R_SECADMIN, area) ? like_prefix(pg->c, area) : "-";
}

int
user_manageable(struct page *pg, int64_t user, const char **why)
{
	struct dbp p[2] = { P_INT(user), P_TEXT(admin_area(pg)) };
	int64_t ok = 0;
	int rc;

	if (user == pg->s.id) {
		*why = "不能修改自己的角色、密码或状态，也不能批准涉及自己的申请，请由另一位安全管理员办理。";
		return DB_OK;
	}
	if ((rc = db_int(&pg->c->db, Q_USER_IN_AREA, p, 2, 0, &ok)) != DB_OK)
		return rc;
	if (ok != 1)
		*why = "该用户不存在，或不在您的管理范围内。";
	return DB_OK;
}

int
department_manageable(struct page *pg, int64_t dept, const char **why)
{
	struct dbp p[2] = { P_INT(dept), P_TEXT(admin_area(pg)) };
	int64_t ok = 0;
	int rc;

	if ((rc = db_int(&pg->c->db, Q_DEPARTMENT_IN_AREA, p, 2, 0, &ok)) != DB_OK)
		return rc;
	if (ok != 1)
		*why = "所选部门不存在、已停用或不在您的管理范围内。";
	return DB_OK;
}

/* A role at an enabled department of the area, for an account of the area. */
static int
role_change(struct page *pg, bool add, char *detail, size_t cap, const char **why,
    const char **done)
{
	int64_t user = fnum(pg, UK_USER), dept = fnum(pg, UK_DEPARTMENT);
	const char *role = fv(pg, UK_ROLE);
	struct change ch;
	struct dbp p[3];
	int rc;

	if (user <= 0 || dept <= 0 || role == NULL) {
		*why = "请选择用户、角色和部门。";
		return DB_OK;
	}
	if ((rc = user_manageable(pg, user, why)) != DB_OK || *why != NULL ||
	    (rc = department_manageable(pg, dept, why)) != DB_OK || *why != NULL)
		return rc;
	if (add) {
		memset(&ch, 0, sizeof(ch));
		ch.staff_id = user;
		ch.department_id = dept;
		snprintf(ch.kind, sizeof(ch.kind), "add_role");
		snprintf(ch.role, sizeof(ch.role), "%s", role);
		return change_submit(pg, &ch, detail, cap, why, done);
	}
	/* taking a role away lowers what the account can do: at once */
	p[0] = P_INT(user);
	p[1] = P_TEXT(role);
	p[2] = P_INT(dept);
	snprintf(detail, cap, "remove_role user %lld %s dept %lld", (long long)user, role,
	    (long long)dept);
	if ((rc = db_run(&pg->c->db, Q_ROLE_DELETE, p, 3)) != DB_OK)
		return rc;
	return change_notice(pg, user, "取消了您的一个角色", role, dept);
}

/* A new password (kind "reset_password", its hash prepared now) or a new second factor. */
static int
reset(struct page *pg, const char *kind, char *detail, size_t cap, const char **why,
    const char **done)
{
	int64_t user = fnum(pg, UK_USER);
	struct change ch;
	int rc;

	if ((rc = user_manageable(pg, user, why)) != DB_OK || *why != NULL)
		return rc;
	memset(&ch, 0, sizeof(ch));
	ch.staff_id = user;
	snprintf(ch.kind, sizeof(ch.kind), "%s", kind);
	if (strcmp(kind, "reset_password") == 0) {
		if ((*why = new_hash(fv(pg, UK_PASSWORD), ch.salt, ch.hash)) != NULL)
			return DB_OK;
		ch.hash_len = sizeof(ch.hash);
		ch.salt_len = sizeof(ch.salt);
		ch.iter = AUTH_ITERATIONS;
	}
	rc = change_submit(pg, &ch, detail, cap, why, done);
	explicit_bzero(&ch, sizeof(ch));
	return rc;
}

static int
toggle(struct page *pg, char *detail, size_t cap, const char **why)
{
	int64_t user = fnum(pg, UK_USER);
	struct dbp p[1] = { P_INT(user) };
	int rc;

	if ((rc = user_manageable(pg, user, why)) != DB_OK || *why != NULL)
		return rc;
	snprintf(detail, cap, "toggle user %lld", (long long)user);
	if ((rc = db_run(&pg->c->db, Q_USER_TOGGLE, p, 1)) != DB_OK)
		return rc;
	return change_notice(pg, user, "停用或重新启用了您的账户", NULL, 0);
}

void
users_post(struct page *pg)
{
	static const char *const decisions[] = { "approve", "refuse", "withdraw" };
	const char *action = fv(pg, UK_ACTION), *why = NULL, *done = NULL;
	char detail[200] = "";
	int rc = DB_OK, i;

	if (pg->errors > 0)
		why = "请修改标出的项目后重新提交。";
	else if (strcmp(action, "create") == 0)
		rc = create(pg, detail, sizeof(detail), &why);
	else if (strcmp(action, "add_role") == 0 || strcmp(action, "remove_role") == 0)
		rc = role_change(pg, action[0] == 'a', detail, sizeof(detail), &why, &done);
	else if (strcmp(action, "toggle") == 0)
		rc = toggle(pg, detail, sizeof(detail), &why);
	else if (strcmp(action, "reset") == 0 || strcmp(action, "reset_totp") == 0)
		rc = reset(pg, action[5] == '\0' ? "reset_password" : "reset_totp", detail,
		    sizeof(detail), &why, &done);
	else {
		for (i = 0; i < 2 && strcmp(action, decisions[i]) != 0; i++)
			;
		rc = change_decide(pg, i, fnum(pg, UK_CHANGE), &why);
		done = i == 0 ? "已批准，变更已生效。" : i == 1 ? "已拒绝该申请。" : "已撤回申请。";
	}
	/* change_decide audits in its own transaction; everything else here */
	if (rc == DB_OK && why == NULL && detail[0] != '\0')
		rc = console_audit(pg, "user", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	users_show_message(pg, why != NULL ? 400 : 200, why != NULL ? why : done ? done :
	    "已保存。");
}
