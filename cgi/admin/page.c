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
	 * who sees only what is transferred to it). */
	for (i = 0; i < s->nroles; i++)
		if (strcmp(s->role[i].kind, "gongxin") == 0 && s->role[i].role != R_HANDLER &&
		    s->role[i].role != R_CONTACT && (!a->gongxin ||
		    wider(s->role[i].prefix, a->prefix))) {
			a->gongxin = true;
			snprintf(a->prefix, sizeof(a->prefix), "%s", s->role[i].prefix);
			snprintf(a->kind, sizeof(a->kind), "gongxin");
		}
	if (a->gongxin)
		return true;
	for (i = 0; i < s->nroles; i++)
		if (a->kind[0] == '\0' || wider(s->role[i].prefix, a->prefix)) {
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
    size_t nextra, db_row_fn fn, void *arg)
{
	struct dbp p[16];
	size_t n = 0, i;

	if (!ar->gongxin)
		p[n++] = P_TEXT(ar->kind);
	p[n++] = P_TEXT(like_prefix(pg->c, ar->prefix));
	for (i = 0; i < nextra && n < 16; i++)
		p[n++] = extra[i];
	return db_run(&pg->c->db, ar->gongxin ? q_area : q_dept, p, n, fn, arg);
}

void
row_attrs(xmlNodePtr n, const struct db_row *r, const char *const *names, size_t nnames)
{
	size_t i;

	for (i = 0; i < nnames && i < r->ncols; i++)
		if (names[i] != NULL)
			xml_attr(n, names[i], r->col[i]);
}

void
list_end(const struct list_arg *a)
{
	if (a->more)
		xml_attr(a->parent, "more", "1");
}

int
case_row(void *arg, const struct db_row *r)
{
	struct list_arg *a = arg;
	xmlNodePtr n;
	char region[300];

	a->n++;
	if (a->n > (a->limit != 0 ? a->limit : PAGE_ROWS)) {
		a->more = true;
		return 1;
	}
	n = xml_add(a->parent, "case", NULL);
	xml_attr(n, "id", r->col[0]);
	xml_attr(n, "ticket", r->col[1]);
	xml_attr(n, "state", r->col[2]);
	xml_attr(n, "state-label", option_label(report_states, r->col[2]));
	xml_attr(n, "category-label", option_label(report_categories, r->col[3]));
	xml_attr(n, "subject", r->col[4]);
	xml_attr(n, "region", region_name(a->c, r->col[5], region, sizeof(region)));
	xml_attr(n, "due", r->col[6]);
	xml_attr(n, "overdue", r->col[7]);
	xml_attr(n, "submitted", r->col[8]);
	xml_attr(n, "pressed", strcmp(r->col[9], "0") != 0 ? "1" : "0");
	return 0;
}

void
add_option(xmlNodePtr parent, const char *value, const char *label)
{
	xmlNodePtr o = xml_add(parent, "option", NULL);

	xml_attr(o, "value", value);
	xml_attr(o, "label", label);
}
