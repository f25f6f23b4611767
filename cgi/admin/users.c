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

static int
user_row(void *arg, const struct db_row *r)
{
	static const char *const names[] = { "id", "login", "name", "email", "disabled",
	    "must-change", "totp" };
	struct list_arg *a = arg;

	row_attrs(xml_add(a->parent, "user", NULL), r, names, NELEM(names));
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

void
users_show_message(struct page *pg, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct list_arg a = { c, NULL, 0, false, 0 };
	xmlNodePtr root, roles;
	xmlDocPtr doc = console_doc(pg, "users", &root);
	int i, rc;

	if (message != NULL)
		xml_add(root, "message", message);
	if (status == 400)
		console_form_state(pg, root);
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

void
users_get(struct page *pg)
{
	users_show_message(pg, 200, NULL);
}
