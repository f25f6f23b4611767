/* users: staff accounts (用户): create, give and take roles at departments, switch off, reset a
 * password (the user must change it at the next sign-in). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "log.h"
#include "queries.h"

static const struct option user_actions[] = { { "create", "" }, { "add_role", "" },
	{ "remove_role", "" }, { "toggle", "" }, { "reset", "" }, { "reset_totp", "" },
	{ "approve", "" }, { "refuse", "" }, { "withdraw", "" }, { NULL, NULL } };

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
	[UK_CHANGE] = { "change", form_id, 0, 0, 0, NULL, "请选择申请。" },
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

struct change_row {
	int64_t id, staff_id, by;
	char    login[65], kind[16], role[17], department[401], by_login[65], by_name[257];
	char    at[20];
};
#define CR struct change_row
static const struct dbc change_row_cols[] = {
	COL_I64(CR, id), COL_I64(CR, staff_id), COL_TEXT(CR, login), COL_TEXT(CR, kind),
	COL_TEXT(CR, role), COL_TEXT(CR, department), COL_I64(CR, by), COL_TEXT(CR, by_login),
	COL_TEXT(CR, by_name), COL_TEXT(CR, at),
};
#undef CR
static const struct db_loader change_row_loader = DB_LOADER(struct change_row,
    change_row_cols);

/* A pending change; mine="1" when the viewer asked for it (it may withdraw, not decide). */
struct change_list {
	struct page *pg;
	xmlNodePtr   parent;
};

static int
change_row(void *arg, void *row)
{
	struct change_list *l = arg;
	const struct change_row *r = row;
	xmlNodePtr n = xml_add(l->parent, "change", NULL);
	int role = role_from_name(r->role);

	xml_attr_int(n, "id", r->id);
	xml_attr_int(n, "user", r->staff_id);
	xml_attr(n, "login", r->login);
	xml_attr(n, "kind", r->kind);
	xml_attr(n, "kind-label", change_kind_label(r->kind));
	xml_attr(n, "role", role >= 0 ? role_labels[role] : "");
	xml_attr(n, "department", r->department);
	xml_attr(n, "by", r->by_name);
	xml_attr(n, "by-login", r->by_login);
	xml_attr(n, "at", r->at);
	xml_attr(n, "mine", r->by == l->pg->s.id ? "1" : "0");
	return 0;
}

void
users_show_message(struct page *pg, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct user_row row;
	struct change_row crow;
	struct change_list cl;
	struct dbp p[2];
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
	/* a security administrator sees and manages the accounts and departments of its area */
	if (!role_area(&pg->s, R_SECADMIN, area))
		snprintf(area, sizeof(area), "-");
	p[0] = P_TEXT(like_prefix(c, area));
	rc = rows_xml(pg, Q_USERS, p, 1, &user_loader, a.parent, "user", user_names);
	if (rc == DB_OK)
		rc = db_rows(pg, Q_USER_ROLES, p, 1, &user_role_loader, &row, user_role_row, &a);
	roles = xml_add(root, "roles", NULL);
	for (i = 0; i < R__MAX; i++) {
		add_option(roles, role_names[i], role_labels[i]);
		if (BIT(i) & GUARDED_ROLES)
			xml_attr(xmlGetLastChild(roles), "guarded", "1");
	}
	a.parent = xml_add(root, "departments", NULL);
	if (rc == DB_OK)
		rc = db_rows(pg, Q_DEPARTMENTS_AREA, p, 1, &department_loader, &row, department_row,
		    &a);
	cl.pg = pg;
	cl.parent = xml_add(root, "changes", NULL);
	p[1] = p[0];
	if (rc == DB_OK)
		rc = db_rows(pg, Q_CHANGES_PENDING, p, 2, &change_row_loader, &crow, change_row,
		    &cl);
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

struct notice_row {
	char at[20], text[601];
};
static const struct dbc notice_cols[] = {
	COL_TEXT(struct notice_row, at), COL_TEXT(struct notice_row, text),
};
static const struct db_loader notice_loader = DB_LOADER(struct notice_row, notice_cols);
static const char *const notice_names[] = { "at", "" };

int
notices_xml(struct page *pg, xmlNodePtr parent)
{
	struct dbp p[1] = { P_INT(pg->s.id) };
	xmlNodePtr n = xml_add(parent, "notices", NULL);
	int rc = rows_xml(pg, Q_NOTICES_UNSEEN, p, 1, &notice_loader, n, "notice", notice_names);

	if (rc == DB_OK && n->children != NULL)
		rc = db_run(&pg->c->db, Q_NOTICES_SEEN, p, 1);
	return rc;
}
