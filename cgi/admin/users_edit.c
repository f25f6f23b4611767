/* users_edit: the changes an administrator makes on the users page. */
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

/* The administrator's area as a LIKE pattern ("" when it has none: matches nothing). */
static const char *
admin_area(struct page *pg)
{
	char area[7];

	return role_area(&pg->s, R_ADMIN, area) ? like_prefix(pg->c, area) : "-";
}

/* May this administrator manage user id: not itself, and none of the user's roles outside its
 * area? */
static int
user_manageable(struct page *pg, int64_t user, const char **why)
{
	struct dbp p[2] = { P_INT(user), P_TEXT(admin_area(pg)) };
	int64_t ok = 0;
	int rc;

	if (user == pg->s.id) {
		*why = "不能修改自己的角色、密码或状态，请由另一位管理员办理。";
		return DB_OK;
	}
	if ((rc = db_int(&pg->c->db, Q_USER_IN_AREA, p, 2, 0, &ok)) != DB_OK)
		return rc;
	if (ok != 1)
		*why = "该用户不存在，或不在您的管理范围内。";
	return DB_OK;
}

/* A role at an enabled department, for an existing user. */
static int
role_change(struct page *pg, bool add, char *detail, size_t cap, const char **why)
{
	int64_t user = fnum(pg, UK_USER), dept = fnum(pg, UK_DEPARTMENT), ok = 0;
	const char *role = fv(pg, UK_ROLE);
	struct dbp p[3];
	int rc;

	if (user <= 0 || dept <= 0 || role == NULL) {
		*why = "请选择用户、角色和部门。";
		return DB_OK;
	}
	if ((rc = user_manageable(pg, user, why)) != DB_OK || *why != NULL)
		return rc;
	/* roles only at departments of the administrator's own area */
	p[0] = P_INT(dept);
	p[1] = P_TEXT(admin_area(pg));
	if ((rc = db_int(&pg->c->db, Q_DEPARTMENT_IN_AREA, p, 2, 0, &ok)) != DB_OK)
		return rc;
	if (ok != 1) {
		*why = "所选部门不存在、已停用或不在您的管理范围内。";
		return DB_OK;
	}
	/* Separation of duties (三员分立): an account is either an administrator or holds case
	 * roles, never both, so that no administrator handles cases or sees an identity. */
	p[0] = P_INT(user);
	p[1] = P_INT(strcmp(role, "admin") != 0);
	if (add && (rc = db_int(&pg->c->db, Q_STAFF_ROLE_KIND, p, 2, 0, &ok)) != DB_OK)
		return rc;
	if (add && ok > 0) {
		*why = "管理员角色不能与案件办理角色（接报、承办、联系人、督办、信息公开）授予同一账户。";
		return DB_OK;
	}
	p[0] = P_INT(user);
	p[1] = P_TEXT(role);
	p[2] = P_INT(dept);
	rc = db_run(&pg->c->db, add ? Q_ROLE_ADD : Q_ROLE_DELETE, p, 3);
	if (rc == DB_FAIL && add) {
		*why = "该用户不存在。";
		return DB_OK;
	}
	snprintf(detail, cap, "%s user %lld %s dept %lld", add ? "add_role" : "remove_role",
	    (long long)user, role, (long long)dept);
	return rc;
}

static int
reset(struct page *pg, int64_t user, char *detail, size_t cap, const char **why)
{
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];
	struct dbp p[5];
	int rc;

	if ((rc = user_manageable(pg, user, why)) != DB_OK || *why != NULL)
		return rc;
	if ((*why = new_hash(fv(pg, UK_PASSWORD), salt, hash)) != NULL)
		return DB_OK;
	p[0] = P_BLOB(hash, sizeof(hash));
	p[1] = P_BLOB(salt, sizeof(salt));
	p[2] = P_INT(AUTH_ITERATIONS);
	p[3] = P_INT(1);
	p[4] = P_INT(user);
	snprintf(detail, cap, "reset password of user %lld", (long long)user);
	return db_run(&pg->c->db, Q_STAFF_SET_PASSWORD, p, 5);
}

void
users_post(struct page *pg)
{
	const char *action = fv(pg, UK_ACTION), *why = NULL;
	int64_t user = fnum(pg, UK_USER);
	char detail[200] = "";
	struct dbp p[1];
	int rc = DB_OK;

	if (pg->errors > 0)
		why = "请修改标出的项目后重新提交。";
	else if (strcmp(action, "create") == 0)
		rc = create(pg, detail, sizeof(detail), &why);
	else if (strcmp(action, "add_role") == 0 || strcmp(action, "remove_role") == 0)
		rc = role_change(pg, action[0] == 'a', detail, sizeof(detail), &why);
	else if (strcmp(action, "toggle") == 0 && user > 0) {
		if ((rc = user_manageable(pg, user, &why)) == DB_OK && why == NULL) {
			p[0] = P_INT(user);
			rc = db_run(&pg->c->db, Q_USER_TOGGLE, p, 1);
			snprintf(detail, sizeof(detail), "toggle user %lld", (long long)user);
		}
	} else if (strcmp(action, "reset") == 0 && user > 0)
		rc = reset(pg, user, detail, sizeof(detail), &why);
	else
		why = "未知的操作。";
	if (rc == DB_OK && why == NULL)
		rc = console_audit(pg, "user", 0, detail);
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	users_show_message(pg, why != NULL ? 400 : 200, why != NULL ? why : "已保存。");
}
