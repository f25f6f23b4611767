/*
 * admin main: the console's route table and dispatch. One row per (path, method): who may use
 * it, how far its check reaches, the largest body it takes, the key table of its fields, the
 * handler, and (for pages) the menu entry. Dispatch is a lookup in this table, then one body
 * read, one session check, one role check and one form_validate; the same table writes the menu
 * each user sees, so that no page is linked for a user the route would refuse.
 */
#include <string.h>

#include "admin.h"
#include "sandbox.h"

#define ADMIN_BODY_MAX (64 * 1024)

enum body_limit { BODY_SMALL, BODY_REPORT, BODY_FILE };

enum route_flags {
	ROUTE_PUBLIC      = 1 << 0,   /* no session needed (the login page) */
	ROUTE_FIRST       = 1 << 1,   /* open while the password must still be changed */
	ROUTE_OWN_ERRORS  = 1 << 2,   /* the handler shows its fields in error itself */
	ROUTE_PROVINCE    = 1 << 3,   /* a province-wide table: the role held at the province */
	ROUTE_ENROL       = 1 << 4,   /* open while a required second factor is not set up */
};

/* How far the check of a route reaches before its handler runs: the route's roles at all
 * (SCOPE_ROLE), or also a case (SCOPE_CASE: the handler loads it and judges each of the user's
 * roles on it through lib/workflow.c), or the user's own account (SCOPE_SELF). */
enum scope { SCOPE_SELF, SCOPE_ROLE, SCOPE_CASE };

struct route {
	const char            *path;
	bool                   post;
	unsigned               roles;      /* BIT(role) set; 0: any signed-in user */
	enum scope             scope;
	enum body_limit        body;
	const struct form_key *keys;
	size_t                 nkeys;
	void                 (*handler)(struct page *);
	unsigned               flags;
	const char            *menu_key;   /* GET pages in the menu: key and label */
	const char            *menu_label;
};

#define ANYONE 0u
#define NOKEYS NULL, 0
#define CASES CASE_ROLES
#define SYSADMIN BIT(R_SYSADMIN)
#define SECADMIN BIT(R_SECADMIN)
#define PUBLISHER BIT(R_PUBLISHER)

static const struct route routes[] = {
	{ "/admin/", false, ANYONE, SCOPE_ROLE, BODY_SMALL, NOKEYS, dashboard, 0, "admin",
	    "工作台" },
	{ "/admin", false, ANYONE, SCOPE_ROLE, BODY_SMALL, NOKEYS, dashboard, 0 },
	{ "/admin/cases", false, CASES, SCOPE_ROLE, BODY_SMALL, KEYS(list_keys), case_list, 0,
	    "admin-cases", "案件" },
	{ "/admin/case", false, CASES, SCOPE_CASE, BODY_SMALL, KEYS(id_keys), case_get, 0 },
	{ "/admin/case/action", true, CASES, SCOPE_CASE, BODY_SMALL, KEYS(act_keys), case_action,
	    ROUTE_OWN_ERRORS },
	{ "/admin/attachment", false, CASES, SCOPE_CASE, BODY_SMALL, KEYS(id_keys),
	    attachment_get, 0 },
	{ "/admin/intake", false, BIT(R_INTAKE), SCOPE_ROLE, BODY_SMALL, NOKEYS, intake_page, 0,
	    "admin-intake", "登记举报" },
	{ "/admin/intake", true, BIT(R_INTAKE), SCOPE_ROLE, BODY_REPORT, KEYS(intake_keys),
	    intake_post, ROUTE_OWN_ERRORS },
	{ "/admin/routing", false, SYSADMIN, SCOPE_ROLE, BODY_SMALL, KEYS(preview_keys),
	    routing_get, ROUTE_OWN_ERRORS, "admin-routing", "移交规则" },
	{ "/admin/routing", true, SYSADMIN, SCOPE_ROLE, BODY_SMALL, KEYS(routing_keys),
	    routing_post, ROUTE_OWN_ERRORS | ROUTE_PROVINCE },
	{ "/admin/calendar", false, SYSADMIN, SCOPE_ROLE, BODY_SMALL, KEYS(year_keys),
	    calendar_get, 0, "admin-calendar", "工作日历" },
	{ "/admin/calendar", true, SYSADMIN, SCOPE_ROLE, BODY_FILE, KEYS(calendar_keys),
	    calendar_post, ROUTE_OWN_ERRORS | ROUTE_PROVINCE },
	{ "/admin/reasons", false, SYSADMIN, SCOPE_ROLE, BODY_SMALL, NOKEYS, reasons_get, 0,
	    "admin-reasons", "不予受理理由" },
	{ "/admin/reasons", true, SYSADMIN, SCOPE_ROLE, BODY_SMALL, KEYS(reason_keys),
	    reasons_post, ROUTE_OWN_ERRORS | ROUTE_PROVINCE },
	/* A department's supervisor marks its upward filings (reporting.c says why that role). */
	{ "/admin/reporting", true, BIT(R_SUPERVISOR), SCOPE_ROLE, BODY_SMALL,
	    KEYS(reporting_keys), reporting_post, 0 },
	/* Who below has reported upward: a supervisor, or an administrator's aggregate view
	 * (reporting_below.c says why those roles). */
	{ "/admin/reporting", false, BIT(R_SUPERVISOR) | ADMIN_ROLES, SCOPE_ROLE, BODY_SMALL,
	    NOKEYS, reporting_below_page, 0 },
	{ "/admin/stats", false, ANYONE, SCOPE_ROLE, BODY_SMALL, KEYS(stats_keys), stats_page,
	    ROUTE_OWN_ERRORS, "admin-stats", "统计" },
	{ "/admin/ledgers", false, ANYONE, SCOPE_ROLE, BODY_SMALL, KEYS(ledger_keys),
	    ledgers_page, 0, "admin-ledgers", "台账导出" },
	{ "/admin/ledger.csv", false, ANYONE, SCOPE_ROLE, BODY_SMALL, KEYS(ledger_keys),
	    ledger_get, ROUTE_OWN_ERRORS },
	{ "/admin/ledger.xlsx", false, ANYONE, SCOPE_ROLE, BODY_SMALL, KEYS(ledger_keys),
	    ledger_get, ROUTE_OWN_ERRORS },
	{ "/admin/cases.csv", false, CASES, SCOPE_ROLE, BODY_SMALL, KEYS(list_keys), cases_export,
	    0 },
	{ "/admin/cases.xlsx", false, CASES, SCOPE_ROLE, BODY_SMALL, KEYS(list_keys), cases_export,
	    0 },
	{ "/admin/stats/weights", true, SYSADMIN, SCOPE_ROLE, BODY_SMALL, KEYS(weight_keys),
	    stats_weights_post, ROUTE_PROVINCE },
	{ "/admin/lists", false, PUBLISHER, SCOPE_ROLE, BODY_SMALL, NOKEYS, lists_dashboard, 0,
	    "admin-lists", "公示公告" },
	{ "/admin/lists/entries", false, PUBLISHER, SCOPE_ROLE, BODY_SMALL, KEYS(lfilter_keys),
	    lists_entries, 0 },
	{ "/admin/lists/entry", false, PUBLISHER, SCOPE_ROLE, BODY_SMALL, KEYS(id_keys),
	    lists_entry_get, 0 },
	{ "/admin/lists/new", false, PUBLISHER, SCOPE_ROLE, BODY_SMALL, KEYS(lnew_keys),
	    lists_new_get, 0 },
	{ "/admin/lists/entry", true, PUBLISHER, SCOPE_ROLE, BODY_SMALL, KEYS(entry_keys),
	    lists_entry_post, ROUTE_OWN_ERRORS },
	{ "/admin/lists/move", true, PUBLISHER, SCOPE_ROLE, BODY_SMALL, KEYS(move_keys),
	    lists_move_post, ROUTE_OWN_ERRORS },
	{ "/admin/lists/item", true, PUBLISHER, SCOPE_ROLE, BODY_SMALL, KEYS(item_keys),
	    lists_item_post, ROUTE_OWN_ERRORS },
	{ "/admin/lists/credit", false, PUBLISHER, SCOPE_ROLE, BODY_SMALL, NOKEYS,
	    lists_credit_get, 0 },
	{ "/admin/audit", false, BIT(R_AUDITOR) | BIT(R_SUPERVISOR), SCOPE_ROLE, BODY_SMALL,
	    KEYS(audit_keys), audit_page, 0, "admin-audit", "审计日志" },
	{ "/admin/users", false, SECADMIN, SCOPE_ROLE, BODY_SMALL, NOKEYS, users_get, 0,
	    "admin-users", "用户" },
	{ "/admin/users", true, SECADMIN, SCOPE_ROLE, BODY_SMALL, KEYS(user_keys), users_post,
	    ROUTE_OWN_ERRORS },
	{ "/admin/login", false, ANYONE, SCOPE_SELF, BODY_SMALL, NOKEYS, login_page,
	    ROUTE_PUBLIC },
	{ "/admin/login", true, ANYONE, SCOPE_SELF, BODY_SMALL, KEYS(login_keys), login_post,
	    ROUTE_PUBLIC | ROUTE_OWN_ERRORS },
	{ "/admin/logout", true, ANYONE, SCOPE_SELF, BODY_SMALL, NOKEYS, logout_post,
	    ROUTE_FIRST },
	{ "/admin/password", false, ANYONE, SCOPE_SELF, BODY_SMALL, NOKEYS, password_page,
	    ROUTE_FIRST },
	{ "/admin/password", true, ANYONE, SCOPE_SELF, BODY_SMALL, KEYS(password_keys),
	    password_post, ROUTE_FIRST | ROUTE_OWN_ERRORS },
	{ "/admin/totp", false, ANYONE, SCOPE_SELF, BODY_SMALL, NOKEYS, totp_page, ROUTE_ENROL },
	{ "/admin/totp", true, ANYONE, SCOPE_SELF, BODY_SMALL, KEYS(totp_keys), totp_post,
	    ROUTE_OWN_ERRORS | ROUTE_ENROL },
};

const struct form_key *
route_keys(const struct route *r)
{
	return r != NULL ? r->keys : NULL;
}

size_t
route_nkeys(const struct route *r)
{
	return r != NULL ? r->nkeys : 0;
}

/* The route's roles; for a province-wide table, one of them held at a province's department. */
static bool
may_use(const struct route *r, const struct staff *s)
{
	unsigned i;

	if (r->roles == ANYONE)
		return true;
	if (!(r->flags & ROUTE_PROVINCE))
		return (s->roles & r->roles) != 0;
	for (i = 0; i < s->nroles; i++)
		if ((BIT(s->role[i].role) & r->roles) && strlen(s->role[i].prefix) == 2)
			return true;
	return false;
}

void
console_menu_xml(const struct staff *s, xmlNodePtr session)
{
	xmlNodePtr menu = xml_add(session, "menu", NULL), item;
	size_t i;

	for (i = 0; i < NELEM(routes); i++) {
		if (routes[i].post || routes[i].menu_label == NULL || !may_use(&routes[i], s))
			continue;
		item = xml_add(menu, "item", NULL);
		xml_attr(item, "key", routes[i].menu_key);
		xml_attr(item, "path", routes[i].path);
		xml_attr(item, "label", routes[i].menu_label);
	}
}

/* The row for this path and method; *path_known when the path has a row for another method. */
static const struct route *
route_find(const char *path, bool post, bool *path_known)
{
	size_t i;

	*path_known = false;
	for (i = 0; i < NELEM(routes); i++) {
		if (strcmp(routes[i].path, path) != 0)
			continue;
		*path_known = true;
		if (routes[i].post == post)
			return &routes[i];
	}
	return NULL;
}

static size_t
body_max(struct ctx *c, enum body_limit b)
{
	return b == BODY_REPORT ? c->cfg.max_body : b == BODY_FILE ? c->cfg.max_file :
	    ADMIN_BODY_MAX;
}

/* The session, the password change a first login owes, the CSRF token and the route's roles.
 * True when the request may go on; else it has been answered. */
static bool
admit(struct page *pg, const struct route *r)
{
	struct ctx *c = pg->c;
	int st;

	if ((st = session_load(pg)) < 0) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return false;
	}
	if (st == 0) {
		if (c->want_xml || c->is_post)
			app_error(c, 401, "请先登录。");
		else
			app_redirect(c, "/admin/login");
		return false;
	}
	if (c->is_post && !staff_csrf_ok(&c->form, &pg->s)) {
		console_error(pg, 403, "页面已过期，请刷新后重试。");
		return false;
	}
	if (pg->s.must_change && !(r->flags & ROUTE_FIRST)) {
		app_redirect(c, "/admin/password");
		return false;
	}
	/* The custodians and the administrators sign in with a second factor: until one is set
	 * up, the password opens the set-up page only (ROUTE_FIRST: the password change and
	 * logout stay open too). */
	if (staff_needs_factor(&pg->s) && !pg->s.has_totp &&
	    !(r->flags & (ROUTE_FIRST | ROUTE_ENROL))) {
		app_redirect(c, "/admin/totp");
		return false;
	}
	if (!may_use(r, &pg->s)) {
		(void)console_audit(pg, "refused", 0, c->path);
		console_error(pg, 403, (pg->s.roles & r->roles) ?
		    "全省统一的移交规则、工作日历和不予受理理由只能由省级系统管理员修改。" :
		    "您没有访问此页面的权限。");
		return false;
	}
	return true;
}

static void
handle(struct ctx *c)
{
	static struct page pg;
	static struct form_field fields[32];
	const struct route *r;
	const char *why;
	bool known;
	int st;

	memset(&pg, 0, sizeof(pg));
	pg.c = c;
	if ((r = route_find(c->path, c->is_post, &known)) == NULL) {
		app_error(c, known ? 405 : 404, known ? "不支持此请求方法。" : "页面不存在。");
		return;
	}
	pg.route = r;
	if (c->is_post && (st = app_read_form(c, body_max(c, r->body), &why)) != 0) {
		app_error(c, st, why);
		return;
	}
	if (!app_refdata(c)) {
		app_error(c, 503, "系统暂时无法访问数据库，请稍后再试。");
		return;
	}
	if (!(r->flags & ROUTE_PUBLIC) && !admit(&pg, r))
		return;
	pg.f = fields;
	pg.errors = form_validate(&c->arena, r->keys, r->nkeys, &c->form, fields);
	if (pg.errors > 0 && !(r->flags & ROUTE_OWN_ERRORS)) {
		console_error(&pg, 400, "请求中有无效的项目，请检查标出的内容。");
		return;
	}
	r->handler(&pg);
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-admin", "admin.xsl", handle, false, true,
	    SANDBOX_STORE };
	size_t i;

	/* The fields array of handle() holds the largest key table. */
	for (i = 0; i < NELEM(routes); i++)
		if (routes[i].nkeys > 32)
			return 70;
	return app_main(argc, argv, &prog);
}
