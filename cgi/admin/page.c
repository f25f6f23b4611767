/* page: the console's documents, errors, areas and list rows (admin.h). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "region.h"
#include "report.h"

xmlDocPtr
console_doc(struct page *pg, const char *root, xmlNodePtr *rootp)
{
	xmlDocPtr doc = xml_doc(root, rootp);

	xml_attr(*rootp, "console", "1");
	staff_session_xml(&pg->s, *rootp);
	console_menu_xml(&pg->s, xmlGetLastChild(*rootp));
	return doc;
}

void
console_error(struct page *pg, int status, const char *message)
{
	xmlNodePtr root;
	xmlDocPtr doc = app_error_doc(status, message, &root);

	xml_attr(root, "console", "1");
	if (pg->s.id > 0) {
		staff_session_xml(&pg->s, root);
		console_menu_xml(&pg->s, xmlGetLastChild(root));
	}
	if (pg->f != NULL && pg->errors > 0)
		console_form_state(pg, root);
	app_send(pg->c, status, doc);
}

void
db_unavailable(struct page *pg)
{
	pg->errors = 0;
	console_error(pg, 503, "系统暂时无法访问数据库，请稍后再试。");
}

void
console_form_state(struct page *pg, xmlNodePtr parent)
{
	const struct form_key *keys = route_keys(pg->route);
	size_t n = route_nkeys(pg->route);

	if (keys == NULL || pg->f == NULL)
		return;
	form_errors_xml(parent, keys, n, pg->f);
	form_values_xml(parent, keys, n, &pg->c->form);
}

const char *
fv(const struct page *pg, int key)
{
	const struct form_field *f = &pg->f[key];

	return f->error == NULL ? f->value : NULL;
}

int64_t
fnum(const struct page *pg, int key)
{
	const struct form_field *f = &pg->f[key];

	return f->error == NULL && f->value != NULL ? f->num : 0;
}

const char *
region_name(struct ctx *c, const char *code, char *buf, size_t cap)
{
	char chain[3][7];
	size_t n = region_chain(code, chain), i, len = 0;
	const struct region *r;

	buf[0] = '\0';
	if (n == 0)
		return code;
	/* province, city, county: "吉林省 长春市 南关区"; a level missing from the table is
	 * left out */
	for (i = 0; i < n && len < cap; i++) {
		if ((r = refdata_region(&c->refdata, chain[i])) == NULL)
			continue;
		snprintf(buf + len, cap - len, "%s%s", len > 0 ? " " : "", r->name);
		len = strlen(buf);
	}
	return buf;
}

static bool
wider(const char *prefix, const char *than)
{
	return than[0] == '\0' || strlen(prefix) < strlen(than);
}

bool
user_area(const struct staff *s, struct area *a)
{
	unsigned i;

	memset(a, 0, sizeof(*a));
	/* 工信 roles that see every case of their area (not a county 工信 bureau's handler,
	 * who sees only what is transferred to it); administrators see no case. */
	for (i = 0; i < s->nroles; i++)
		if (strcmp(s->role[i].kind, "gongxin") == 0 && (BIT(s->role[i].role) & CASE_ROLES) &&
		    s->role[i].role != R_HANDLER &&
		    s->role[i].role != R_CONTACT && (!a->gongxin ||
		    wider(s->role[i].prefix, a->prefix))) {
			a->gongxin = true;
			snprintf(a->prefix, sizeof(a->prefix), "%s", s->role[i].prefix);
			snprintf(a->kind, sizeof(a->kind), "gongxin");
		}
	if (a->gongxin)
		return true;
	for (i = 0; i < s->nroles; i++)
		if ((BIT(s->role[i].role) & CASE_ROLES) &&
		    (a->kind[0] == '\0' || wider(s->role[i].prefix, a->prefix))) {
			snprintf(a->prefix, sizeof(a->prefix), "%s", s->role[i].prefix);
			snprintf(a->kind, sizeof(a->kind), "%s", s->role[i].kind);
		}
	return a->kind[0] != '\0';
}

bool
role_area(const struct staff *s, enum role r, char prefix[7])
{
	unsigned i;
	bool found = false;

	for (i = 0; i < s->nroles; i++)
		if (s->role[i].role == r && (!found || wider(s->role[i].prefix, prefix))) {
			snprintf(prefix, 7, "%s", s->role[i].prefix);
			found = true;
		}
	return found;
}

char *
like_prefix(struct ctx *c, const char *prefix)
{
	size_t n = strlen(prefix) + 2;
	char *s = arena_alloc(&c->arena, n);

	snprintf(s, n, "%s%%", prefix);
	return s;
}

int
area_run(struct page *pg, const struct area *ar, int q_area, int q_dept, const struct dbp *extra,
    size_t nextra, const struct db_loader *ld, void *row, db_load_fn fn, void *arg)
{
	struct dbp p[16];
	size_t n = 0, i;
	bool found;

	if (!ar->gongxin)
		p[n++] = P_TEXT(ar->kind);
	p[n++] = P_TEXT(like_prefix(pg->c, ar->prefix));
	for (i = 0; i < nextra && n < 16; i++)
		p[n++] = extra[i];
	return db_load(&pg->c->db, ar->gongxin ? q_area : q_dept, p, n, ld, &pg->c->arena, row,
	    fn, arg, &found);
}

int
case_lines(struct page *pg, const struct area *ar, int q_area, int q_dept,
    const struct dbp *extra, size_t nextra, struct list_arg *a)
{
	struct case_line row;

	return area_run(pg, ar, q_area, q_dept, extra, nextra, &case_line_loader, &row,
	    case_line_xml, a);
}

int
db_rows(struct page *pg, int q, const struct dbp *p, size_t np, const struct db_loader *ld,
    void *row, db_load_fn fn, void *arg)
{
	bool found;

	return db_load(&pg->c->db, q, p, np, ld, &pg->c->arena, row, fn, arg, &found);
}

/* The text of a typed member, or NULL for a blob. buf holds a number's digits. */
static const char *
member_text(const struct dbc *c, const void *row, char buf[24])
{
	const char *m = (const char *)row + c->offset;

	switch (c->type) {
	case DBC_I64:
		snprintf(buf, 24, "%lld", (long long)*(const int64_t *)(const void *)m);
		return buf;
	case DBC_BOOL:
		return *(const bool *)(const void *)m ? "1" : "0";
	case DBC_STR:
		return *(char *const *)(const void *)m;
	case DBC_BLOB:
		return NULL;
	default:
		return m;
	}
}

xmlNodePtr
row_xml(xmlNodePtr parent, const char *element, const struct db_loader *ld,
    const char *const *names, const void *row)
{
	const char *content = NULL, *v;
	char buf[24];
	xmlNodePtr n;
	size_t i;

	for (i = 0; i < ld->ncols; i++)
		if (names[i] != NULL && names[i][0] == '\0')
			content = member_text(&ld->cols[i], row, buf);
	n = xml_add(parent, element, content);
	for (i = 0; i < ld->ncols; i++)
		if (names[i] != NULL && names[i][0] != '\0' &&
		    (v = member_text(&ld->cols[i], row, buf)) != NULL)
			xml_attr(n, names[i], v);
	return n;
}

int
row_list_xml(void *arg, void *row)
{
	struct row_list *rl = arg;

	(void)row_xml(rl->parent, rl->element, rl->ld, rl->names, row);
	return 0;
}

int
rows_xml(struct page *pg, int q, const struct dbp *p, size_t np, const struct db_loader *ld,
    xmlNodePtr parent, const char *element, const char *const *names)
{
	struct row_list rl = { parent, element, ld, names };
	void *row = arena_alloc(&pg->c->arena, ld->size);

	return db_rows(pg, q, p, np, ld, row, row_list_xml, &rl);
}

void
list_end(const struct list_arg *a)
{
	if (a->more)
		xml_attr(a->parent, "more", "1");
}

static const struct dbc case_line_cols[] = {
	COL_I64(struct case_line, id), COL_TEXT(struct case_line, ticket),
	COL_TEXT(struct case_line, state), COL_TEXT(struct case_line, category),
	COL_TEXT(struct case_line, subject), COL_TEXT(struct case_line, region),
	COL_TEXT(struct case_line, due), COL_BOOL(struct case_line, overdue),
	COL_TEXT(struct case_line, submitted), COL_I64(struct case_line, presses),
};
const struct db_loader case_line_loader = DB_LOADER(struct case_line, case_line_cols);

int
case_line_xml(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct case_line *r = row;
	xmlNodePtr n;
	char region[300];

	a->n++;
	if (a->n > (a->limit != 0 ? a->limit : PAGE_ROWS)) {
		a->more = true;
		return 1;
	}
	n = xml_add(a->parent, "case", NULL);
	xml_attr_int(n, "id", r->id);
	xml_attr(n, "ticket", r->ticket);
	xml_attr(n, "state", r->state);
	xml_attr(n, "state-label", option_label(report_states, r->state));
	xml_attr(n, "category-label", option_label(report_categories, r->category));
	xml_attr(n, "subject", r->subject);
	xml_attr(n, "region", region_name(a->c, r->region, region, sizeof(region)));
	xml_attr(n, "due", r->due);
	xml_attr(n, "overdue", r->overdue ? "1" : "0");
	xml_attr(n, "submitted", r->submitted);
	xml_attr(n, "pressed", r->presses > 0 ? "1" : "0");
	return 0;
}

void
add_option(xmlNodePtr parent, const char *value, const char *label)
{
	xmlNodePtr o = xml_add(parent, "option", NULL);

	xml_attr(o, "value", value);
	xml_attr(o, "label", label);
}
