/* lists_save: a new entry, or a draft changed, from the entry form. The key table checked the
 * fields one by one; here the rules that join them: what the list requires, a capacity with
 * its unit, the region in the publishing department's area, the industry from the reference
 * list, the case closed and in the area. The publication deadline is computed, never typed:
 * 10 working days after the basis date, from the working-day calendar. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "publish.h"
#include "queries.h"
#include "refdata.h"
#include "region.h"

struct save {
	struct page              *pg;
	int                       type;
	int64_t                   id, case_id, dept;
	const struct staff_role  *role;
	cal_day                   basis;
	char                      basis_s[11], due_s[11];
};

static void
bad(struct page *pg, int key, const char *message)
{
	if (pg->f[key].error == NULL) {
		form_fail(&pg->f[key], message);
		pg->errors++;
	}
}

/* The rules between fields, each failure beside its field. */
static void
cross_check(struct save *s)
{
	struct page *pg = s->pg;
	const struct list_def *d = &list_defs[s->type];
	const char *region = fv(pg, LF_REGION), *industry = fv(pg, LF_INDUSTRY);
	int i;

	for (i = 0; i < LF__MAX; i++)
		if ((d->required & (1u << i)) && i != LF_ITEMS && pg->f[i].value == NULL)
			bad(pg, i, lists_printf(pg->c, "请填写%s。",
			    list_field_label(s->type, (enum list_field)i)));
	if (fv(pg, LF_CAPACITY) != NULL && pg->f[LF_CAPACITY_UNIT].value == NULL)
		bad(pg, LF_CAPACITY_UNIT, "填写产能时请选择产能单位。");
	if (fv(pg, LF_CAPACITY_UNIT) != NULL && pg->f[LF_CAPACITY].value == NULL)
		bad(pg, LF_CAPACITY, "选择了产能单位时请填写产能数值。");
	if (region != NULL && (refdata_region(&pg->c->refdata, region) == NULL ||
	    s->role == NULL || !region_in(region, s->role->prefix)))
		bad(pg, LF_REGION, "所在地区应为本部门辖区内的行政区划。");
	if (industry != NULL && refdata_industry(&pg->c->refdata, industry) == NULL)
		bad(pg, LF_INDUSTRY, "请从列表中选择行业。");
	if (s->role == NULL)
		bad(pg, EK_DEPARTMENT, "请选择您担任信息公开职责的部门。");
}

/* The entry's columns in Q_LIST_INSERT / Q_LIST_UPDATE order; fields the list does not show
 * are stored as NULL. */
static size_t
field_params(struct save *s, struct dbp *p)
{
	size_t n = 0;
	int i;

	for (i = 0; i < LF__MAX; i++) {
		const char *v = fv(s->pg, i);

		if (i == LF_ITEMS)
			continue;
		if (!(list_defs[s->type].shown & (1u << i)))
			v = NULL;
		p[n++] = i == LF_ADDRESS ? P_TEXT(v != NULL ? v : "") : P_OPT(v);
	}
	return n;
}

static int
save_once(struct save *s, char *detail, size_t cap)
{
	struct ctx *c = s->pg->c;
	struct dbp p[32];
	size_t n = field_params(s, p);
	int y, m, d, rc;

	s->id = fnum(s->pg, EK_ID);       /* again on a retry: the insert was rolled back */
	cal_to_ymd(s->basis, &y, &m, &d);
	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	if (s->id == 0) {
		p[n++] = P_TEXT(list_defs[s->type].code);
		p[n++] = s->case_id > 0 ? P_INT(s->case_id) : P_NULL;
		p[n++] = P_INT(s->dept);
	}
	p[n++] = P_TEXT(s->basis_s);
	p[n++] = P_TEXT(s->due_s);
	p[n++] = P_INT(y);
	p[n++] = s->id == 0 ? P_INT(s->pg->s.id) : P_INT(s->id);
	if ((rc = db_run(&c->db, s->id == 0 ? Q_LIST_INSERT : Q_LIST_UPDATE, p, n)) != DB_OK)
		goto rollback;
	if (s->id != 0 && db_affected(&c->db, Q_LIST_UPDATE) != 1) {
		rc = DB_OK;
		s->id = -s->id;           /* no longer a draft: said by the caller */
		goto rollback;
	}
	if (s->id == 0)
		s->id = (int64_t)db_insert_id(&c->db, Q_LIST_INSERT);
	snprintf(detail, cap, "entry %lld %s: %.200s; due %s", (long long)s->id,
	    list_defs[s->type].code, fv(s->pg, LF_ENTERPRISE), s->due_s);
	if ((rc = console_audit(s->pg, s->case_id > 0 ? "list_from_case" :
	    fv(s->pg, EK_ID) != NULL ? "list_edit" : "list_create", s->case_id, detail)) != DB_OK)
		goto rollback;
	if ((rc = db_commit(&c->db)) == DB_OK)
		return DB_OK;
rollback:
	db_rollback(&c->db);
	return rc;
}

/* An existing entry: the publisher's own department's draft of the same list. 0 when it may be
 * changed, else answered here. */
static int
check_draft(struct save *s)
{
	struct page *pg = s->pg;
	struct lentry e;
	int rc = lentry_load(pg, s->id, &e);

	if (rc < 0) {
		db_unavailable(pg);
		return -1;
	}
	if (rc == 0 || lentry_access(pg, &e) == LA_NONE) {
		pg->errors = 0;
		console_error(pg, 404, "条目不存在，或不在您的辖区内。");
		return -1;
	}
	if (e.type != s->type) {
		pg->errors = 0;
		console_error(pg, 400, "条目的名单类别不能修改；请新建条目。");
		return -1;
	}
	if (lentry_access(pg, &e) != LA_OWN || e.st != E_DRAFT) {
		(void)console_audit(pg, "refused", 0, lists_printf(pg->c, "edit entry %lld",
		    (long long)s->id));
		pg->errors = 0;
		console_error(pg, e.st != E_DRAFT ? 409 : 403, e.st != E_DRAFT ?
		    "只有草稿可以修改；已发布的条目只能撤回。" : "只有条目所属部门的信息公开人员可以修改。");
		return -1;
	}
	s->dept = e.department_id;
	return 0;
}

/* Who publishes a new entry: the department chosen, else the publisher's only one. */
static const struct staff_role *
new_department(struct page *pg)
{
	unsigned i;

	if (fv(pg, EK_DEPARTMENT) != NULL)
		return lists_role(pg, fnum(pg, EK_DEPARTMENT));
	for (i = 0; i < pg->s.nroles; i++)
		if (pg->s.role[i].role == R_PUBLISHER)
			return &pg->s.role[i];
	return NULL;
}

static void
show_again(struct save *s, const char *message)
{
	if (s->id > 0)
		lists_entry_page(s->pg, s->id, 400, message);
	else
		lists_form_page(s->pg, s->type, s->case_id, 400, message);
}

void
lists_entry_post(struct page *pg)
{
	struct save s = { pg, -1, fnum(pg, EK_ID), fnum(pg, EK_CASE), 0, NULL, 0, "", "" };
	const char *list = fv(pg, EK_LIST), *basis = fv(pg, EK_BASIS);
	char detail[400], path[64];
	int rc = DB_RETRY, attempt;

	if (list == NULL || (s.type = list_type_from_code(list)) < 0) {
		console_error(pg, 400, "请选择名单类别。");
		return;
	}
	if (s.id > 0 && check_draft(&s) != 0)
		return;
	if (s.id > 0)
		s.case_id = 0;            /* the case an entry follows is set when it is made */
	s.role = s.id > 0 ? lists_role(pg, s.dept) : new_department(pg);
	if (s.role != NULL)
		s.dept = s.role->department_id;
	if (s.case_id > 0 && (rc = lists_case_ok(pg, s.case_id)) <= 0) {
		if (rc < 0)
			db_unavailable(pg);
		else
			console_error(pg, 404, "案件不存在、尚未办结，或不在您的辖区内。");
		return;
	}
	cross_check(&s);
	if (pg->errors > 0 || basis == NULL || !cal_parse(basis, strlen(basis), &s.basis)) {
		show_again(&s, "请检查标出的内容。");
		return;
	}
	cal_format(s.basis, s.basis_s);
	cal_format(list_due_date(pg->c->refdata.calendar, s.basis), s.due_s);
	for (attempt = 0, rc = DB_RETRY; attempt < 3 && rc == DB_RETRY && s.id >= 0; attempt++)
		rc = save_once(&s, detail, sizeof(detail));
	if (s.id < 0) {
		console_error(pg, 409, "该条目已不是草稿，未作修改。");
		return;
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	/* committed; a page that cannot be written now is written by the next change (logged) */
	(void)publish_after_change(pg->c, (enum list_type)s.type, s.id);
	snprintf(path, sizeof(path), "/admin/lists/entry?id=%lld", (long long)s.id);
	app_redirect(pg->c, path);
}
