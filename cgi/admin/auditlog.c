/* auditlog: the audit trail (审计日志), newest first, filtered by action, login, ticket and
 * dates, 100 entries a page. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "queries.h"

#define AUDIT_ROWS 100

static const struct option audit_actions[] = {
	{ "login", "登录" }, { "login_failed", "登录失败" }, { "login_locked", "锁定期间登录" },
	{ "logout", "退出" }, { "password_change", "修改密码" }, { "totp_enable", "启用动态验证码" },
	{ "totp_disable", "停用动态验证码" }, { "login_throttled", "尝试过于频繁" },
	{ "reveal_identity", "查看举报人身份" }, { "refused", "越权操作被拒绝" },
	{ "accept", "受理" }, { "reject", "不予受理" }, { "needs_info", "要求补充材料" },
	{ "transfer", "移交" }, { "start_inspection", "接收核查" }, { "inspect", "录入核查结论" },
	{ "dispose", "录入处置决定" }, { "progress", "处置进展" }, { "feedback", "起草反馈" },
	{ "release", "反馈举报人" }, { "note", "内部备注" }, { "press", "督办" },
	{ "set_contact", "指定联系人" }, { "notify_hazard", "隐患通报" },
	{ "link_duplicate", "关联重复举报" }, { "intake", "登记举报" }, { "routing", "修改移交规则" },
	{ "calendar", "修改工作日历" }, { "reasons", "修改不予受理理由" }, { "user", "用户管理" },
	{ "overdue", "超期" }, { "create_user", "创建用户" }, { "attachment", "下载附件" },
	{ "rotate_keys", "轮换密钥" }, { "reporter_reply", "举报人补充" },
	{ "list_create", "新建公示条目" }, { "list_from_case", "由案件生成公示条目" },
	{ "list_edit", "修改公示条目" }, { "list_item", "修改不达标项目" },
	{ "list_notice", "发布公示" }, { "list_announce", "发布公告" }, { "list_archive", "公告归档" },
	{ "list_withdraw", "撤回公示公告" }, { "list_review", "复核抽查" },
	{ NULL, NULL },
};

const struct form_key audit_keys[AU__MAX] = {
	[AU_ACTION] = { "action", form_choice, 0, 0, 0, audit_actions, "请选择有效的操作类型。" },
	[AU_LOGIN] = { "login", NULL, 1, 64, 0, NULL, "用户名不超过64个字符。" },
	[AU_TICKET] = { "ticket", form_ticket, 0, 0, 0, NULL, "受理编号应为16位数字。" },
	[AU_FROM] = { "from", form_date, 0, 0, 0, NULL, "日期格式应为YYYY-MM-DD。" },
	[AU_TO] = { "to", form_date, 0, 0, 0, NULL, "日期格式应为YYYY-MM-DD。" },
	[AU_PAGE] = { "page", form_int, 0, 0, 0, NULL, "页码应为1至100000的整数。", 1, PAGE_MAX },
};

struct audit_row {
	char at[32], login[257], action[33], report_id[21], ticket[17], detail[4001], client[46];
};
#define A struct audit_row
static const struct dbc audit_cols[] = {
	COL_TEXT(A, at), COL_TEXT(A, login), COL_TEXT(A, action), COL_TEXT(A, report_id),
	COL_TEXT(A, ticket), COL_TEXT(A, detail), COL_TEXT(A, client),
};
#undef A
static const struct db_loader audit_loader = DB_LOADER(struct audit_row, audit_cols);

static int
audit_row(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct audit_row *r = row;
	xmlNodePtr n;

	if (++a->n > AUDIT_ROWS)
		return 1;
	n = xml_add(a->parent, "entry", NULL);
	xml_attr(n, "at", r->at);
	xml_attr(n, "login", r->login);
	xml_attr(n, "action", r->action);
	xml_attr(n, "action-label", option_label(audit_actions, r->action));
	xml_attr(n, "report-id", r->report_id);
	xml_attr(n, "ticket", r->ticket);
	xml_attr(n, "detail", r->detail);
	xml_attr(n, "client", r->client);
	return 0;
}

/* The trail belongs to the auditor (审计管理员), who reads it for its area: the rows of the
 * area's cases and of the area's staff (and, at the province, the rows of nobody: failed
 * sign-ins of unknown logins, jubaoctl). A supervisor reads the history of the cases of its
 * area, not who viewed an identity or an attachment, nor anyone's sign-ins. */
static int
audit_rows(struct page *pg, const struct dbp p[11], struct list_arg *a)
{
	struct dbp q[14];
	void *row = arena_alloc(&pg->c->arena, sizeof(struct audit_row));
	char area[7];

	if (role_area(&pg->s, R_AUDITOR, area)) {
		q[0] = P_TEXT(like_prefix(pg->c, area));
		q[1] = q[0];
		q[2] = P_INT(strlen(area) == 2);
		memcpy(q + 3, p, 11 * sizeof(*p));
		xml_attr(a->parent, "scope", "area");
		return db_rows(pg, Q_AUDIT_LIST, q, 14, &audit_loader, row, audit_row, a);
	}
	if (!role_area(&pg->s, R_SUPERVISOR, area))
		return DB_OK;
	q[0] = P_TEXT(like_prefix(pg->c, area));
	memcpy(q + 1, p, 11 * sizeof(*p));
	xml_attr(a->parent, "scope", "cases");
	return db_rows(pg, Q_AUDIT_LIST_CASES, q, 12, &audit_loader, row, audit_row, a);
}

void
audit_page(struct page *pg)
{
	static const int filters[] = { AU_ACTION, AU_LOGIN, AU_TICKET, AU_FROM, AU_TO };
	struct ctx *c = pg->c;
	int64_t page = fv(pg, AU_PAGE) != NULL ? fnum(pg, AU_PAGE) : 1;
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct dbp p[11];
	xmlNodePtr root, f, pgn, acts;
	xmlDocPtr doc = console_doc(pg, "audit-log", &root);
	const struct option *o;
	size_t i;

	form_limits_xml(root, audit_keys, AU__MAX);
	f = xml_add(root, "filter", NULL);
	for (i = 0; i < NELEM(filters); i++) {
		const char *v = fv(pg, filters[i]);
		xml_attr(f, audit_keys[filters[i]].name, v ? v : "");
		p[2 * i] = P_OPT(v);
		p[2 * i + 1] = P_OPT(v);
	}
	acts = xml_add(root, "actions", NULL);
	for (o = audit_actions; o->value; o++)
		add_option(acts, o->value, o->label);
	p[10] = P_INT((page - 1) * AUDIT_ROWS);         /* page <= PAGE_MAX: no overflow */
	a.parent = xml_add(root, "entries", NULL);
	if (audit_rows(pg, p, &a) != DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	pgn = xml_add(root, "paging", NULL);
	xml_attr_int(pgn, "page", page);
	xml_attr(pgn, "more", a.n > AUDIT_ROWS ? "1" : "0");
	app_send(c, 200, doc);
}
