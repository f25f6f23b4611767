/* users: staff accounts (用户): create, give and take roles at departments, switch off, reset a
 * password (the user must change it at the next sign-in). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "log.h"
#include "queries.h"

static const struct option user_actions[] = { { "create", "" }, { "add_role", "" },
	{ "remove_role", "" }, { "toggle", "" }, { "reset", "" }, { NULL, NULL } };

static bool
role_ok(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	(void)len;
	return role_from_name(v) >= 0;
}

static bool
login_ok(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789._-") == len;
}

const struct form_key user_keys[UK__MAX] = {
	[UK_ACTION] = { "action", form_choice, 0, 0, FORM_REQUIRED, user_actions, "未知的操作。" },
	[UK_USER] = { "user", form_id, 0, 0, 0, NULL, "请选择用户。" },
	[UK_DEPARTMENT] = { "department", form_id, 0, 0, 0, NULL, "请选择部门。" },
	[UK_ROLE] = { "role", role_ok, 1, 16, 0, NULL, "请选择角色。" },
	[UK_LOGIN] = { "login", login_ok, 1, 64, 0, NULL, "用户名只能包含小写字母、数字和 . _ -。" },
	[UK_NAME] = { "name", NULL, 1, 64, 0, NULL, "请填写姓名（不超过64字）。" },
	[UK_EMAIL] = { "email", form_email, 3, 254, 0, NULL, "电子邮箱格式不正确。" },
	[UK_PASSWORD] = { "password", NULL, 1, AUTH_PW_MAX, FORM_SECRET, NULL,
	    "密码不超过128个字符。" },
};

struct user_row {
	int64_t id, department_id;
	char    login[65], name[257], email[255], role[16], department[401], region[7], kind[17];
	bool    disabled, must_change, totp, enabled;
};
#define U struct user_row
static const struct dbc user_cols[] = {
	COL_I64(U, id), COL_TEXT(U, login), COL_TEXT(U, name), COL_TEXT(U, email),
	COL_BOOL(U, disabled), COL_BOOL(U, must_change), COL_BOOL(U, totp),
};
static const struct dbc user_role_cols[] = {
	COL_I64(U, id), COL_TEXT(U, role), COL_I64(U, department_id), COL_TEXT(U, department),
};
static const struct dbc department_cols[] = {
	COL_I64(U, department_id), COL_TEXT(U, region), COL_TEXT(U, kind), COL_TEXT(U, department),
	COL_BOOL(U, enabled),
};
static const struct db_loader user_loader = DB_LOADER(U, user_cols);
static const struct db_loader user_role_loader = DB_LOADER(U, user_role_cols);
static const struct db_loader department_loader = DB_LOADER(U, department_cols);
static const char *const user_names[] = { "id", "login", "name", "email", "disabled",
	"must-change", "totp" };
#undef U

/* A role goes under the <user> with its id (the roles come ordered by user). */
static int
user_role_row(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct user_row *r = row;
	int role = role_from_name(r->role);
	char id[24];
	xmlNodePtr u, n;

	snprintf(id, sizeof(id), "%lld", (long long)r->id);
	for (u = a->parent->children; u != NULL; u = u->next) {
		xmlChar *uid = xmlGetProp(u, (const xmlChar *)"id");
		bool match = uid != NULL && strcmp((const char *)uid, id) == 0;
		xmlFree(uid);
		if (!match)
			continue;
		n = xml_add(u, "role", NULL);
		xml_attr(n, "name", r->role);
		xml_attr(n, "label", role >= 0 ? role_labels[role] : r->role);
		xml_attr_int(n, "department-id", r->department_id);
		xml_attr(n, "department", r->department);
		break;
	}
	return 0;
}

static int
department_row(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct user_row *r = row;
	xmlNodePtr n;

	if (!r->enabled)                  /* enabled departments only */
		return 0;
	n = xml_add(a->parent, "department", NULL);
	xml_attr_int(n, "id", r->department_id);
	xml_attr(n, "region", r->region);
	xml_attr(n, "kind", r->kind);
	xml_attr(n, "name", r->department);
	return 0;
}

void
users_show_message(struct page *pg, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct user_row row;
	struct dbp p[1];
	char area[7];
	xmlNodePtr root, roles;
	xmlDocPtr doc = console_doc(pg, "users", &root);
	int i, rc;

	if (message != NULL)
		xml_add(root, "message", message);
	if (status == 400)
		console_form_state(pg, root);
	form_limits_xml(root, user_keys, UK__MAX);
	a.parent = xml_add(root, "user-list", NULL);
	/* an administrator sees and manages the accounts and departments of its own area */
	if (!role_area(&pg->s, R_ADMIN, area))
		area[0] = '\0';
	p[0] = P_TEXT(like_prefix(c, area));
	rc = rows_xml(pg, Q_USERS, p, 1, &user_loader, a.parent, "user", user_names);
	if (rc == DB_OK)
		rc = db_rows(pg, Q_USER_ROLES, p, 1, &user_role_loader, &row, user_role_row, &a);
	roles = xml_add(root, "roles", NULL);
	for (i = 0; i < R__MAX; i++)
		add_option(roles, role_names[i], role_labels[i]);
	a.parent = xml_add(root, "departments", NULL);
	if (rc == DB_OK)
		rc = db_rows(pg, Q_DEPARTMENTS_AREA, p, 1, &department_loader, &row, department_row,
		    &a);
	if (rc != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(c, status, doc);
}

void
users_get(struct page *pg)
{
	users_show_message(pg, 200, NULL);
}
