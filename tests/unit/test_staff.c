/*
 * test_staff.c: the parts of lib/staff.c that need no database. Which of a user's roles reach a
 * case (staff_case_roles: 工信 roles by area, departments by transfer, the lead judged per
 * role), the console's CSRF check (staff_csrf_ok) and the <session> element
 * (staff_session_xml). Users and cases are built by hand, as the session and case loaders
 * would fill them.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "arena.h"
#include "http.h"
#include "region.h"
#include "render.h"
#include "staff.h"
#include "unit.h"

/* Departments of a province 22 (吉林): the 工信 office of the province and of 长春 (2201),
 * emergency management (yingji) in the province, 长春, 吉林市 (2202) and 南关区 (220102) of
 * 长春, and market supervision (shichang) of 长春. */
struct dept {
	int64_t     id;
	const char *name, *region, *kind;
};
static const struct dept GX_PROV = { 1, "吉林省工业和信息化厅", "220000", "gongxin" };
static const struct dept GX_CC = { 2, "长春市工业和信息化局", "220100", "gongxin" };
static const struct dept YJ_PROV = { 10, "吉林省应急管理厅", "220000", "yingji" };
static const struct dept YJ_CC = { 11, "长春市应急管理局", "220100", "yingji" };
static const struct dept YJ_JL = { 12, "吉林市应急管理局", "220200", "yingji" };
static const struct dept YJ_NG = { 13, "南关区应急管理局", "220102", "yingji" };
static const struct dept SC_CC = { 20, "长春市市场监督管理局", "220100", "shichang" };

static void
user(struct staff *s, const char *login)
{
	memset(s, 0, sizeof(*s));
	s->id = 7;
	snprintf(s->login, sizeof(s->login), "%s", login);
}

static void
grant(struct staff *s, enum role r, const struct dept *d)
{
	struct staff_role *sr = &s->role[s->nroles++];

	sr->role = r;
	sr->department_id = d->id;
	snprintf(sr->department, sizeof(sr->department), "%s", d->name);
	snprintf(sr->region, sizeof(sr->region), "%s", d->region);
	snprintf(sr->kind, sizeof(sr->kind), "%s", d->kind);
	region_prefix(sr->region, sr->prefix);
	s->roles |= BIT(r);
}

/* A case transferred to departments ds[0..n), lead the department id (0: none yet). */
static void
transferred(struct case_depts *cd, const struct dept *const *ds, int n, int64_t lead)
{
	int i;

	memset(cd, 0, sizeof(*cd));
	for (i = 0; i < n; i++) {
		cd->id[i] = ds[i]->id;
		snprintf(cd->kind[i], sizeof(cd->kind[i]), "%s", ds[i]->kind);
		snprintf(cd->region[i], sizeof(cd->region[i]), "%s", ds[i]->region);
	}
	cd->n = n;
	cd->lead = lead;
}

static bool
is(const struct case_role *r, enum role role, int64_t dept, bool on_lead)
{
	return r->role == role && r->department_id == dept && r->on_lead == on_lead;
}

static void
test_gongxin_by_area(void)
{
	struct staff s;
	struct case_depts none;
	struct case_role out[STAFF_MAX_ROLES];

	transferred(&none, NULL, 0, 0);
	user(&s, "intake");
	grant(&s, R_INTAKE, &GX_CC);
	/* every case of the area, transferred or not */
	CHECK(staff_case_roles(&s, "220102", &none, out) == 1);
	CHECK(is(&out[0], R_INTAKE, GX_CC.id, false));
	CHECK(staff_case_roles(&s, "220100", &none, out) == 1);
	/* not outside it: 吉林市, nor the province above */
	CHECK(staff_case_roles(&s, "220202", &none, out) == 0);
	CHECK(staff_case_roles(&s, "220000", &none, out) == 0);

	user(&s, "prov");
	grant(&s, R_PUBLISHER, &GX_PROV);
	CHECK(staff_case_roles(&s, "220202", &none, out) == 1);
	CHECK(staff_case_roles(&s, "210102", &none, out) == 0);     /* another province */

	/* the three administrators reach no case, not even at the province's 工信 (三员分立) */
	user(&s, "admins");
	grant(&s, R_SYSADMIN, &GX_PROV);
	grant(&s, R_SECADMIN, &GX_PROV);
	grant(&s, R_AUDITOR, &GX_PROV);
	CHECK(staff_case_roles(&s, "220202", &none, out) == 0);
	CHECK(staff_case_roles(&s, "220000", &none, out) == 0);

	/* an intake role at a department that is not 工信 reaches nothing by area */
	user(&s, "odd");
	grant(&s, R_INTAKE, &YJ_CC);
	CHECK(staff_case_roles(&s, "220102", &none, out) == 0);
}

static void
test_handler_by_transfer(void)
{
	const struct dept *to_cc[] = { &YJ_CC }, *to_ng[] = { &YJ_NG }, *to_jl[] = { &YJ_JL };
	const struct dept *to_sc[] = { &SC_CC }, *to_prov[] = { &YJ_PROV };
	struct staff s;
	struct case_depts cd;
	struct case_role out[STAFF_MAX_ROLES];

	user(&s, "handler");
	grant(&s, R_HANDLER, &YJ_CC);
	/* in its area but not transferred: not the department's case */
	transferred(&cd, NULL, 0, 0);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 0);
	/* transferred to its own department, as lead */
	transferred(&cd, to_cc, 1, YJ_CC.id);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 1);
	CHECK(is(&out[0], R_HANDLER, YJ_CC.id, true));
	/* to its own department, before a lead is set */
	transferred(&cd, to_cc, 1, 0);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 1);
	CHECK(is(&out[0], R_HANDLER, YJ_CC.id, false));
	/* to a department of the same kind below its area: reached, but that one leads */
	transferred(&cd, to_ng, 1, YJ_NG.id);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 1);
	CHECK(is(&out[0], R_HANDLER, YJ_CC.id, false));
	/* same kind elsewhere, above, or another kind in the area: not reached */
	transferred(&cd, to_jl, 1, YJ_JL.id);
	CHECK(staff_case_roles(&s, "220202", &cd, out) == 0);
	transferred(&cd, to_prov, 1, YJ_PROV.id);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 0);
	transferred(&cd, to_sc, 1, SC_CC.id);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 0);
}

static void
test_lead_per_role(void)
{
	const struct dept *both[] = { &SC_CC, &YJ_CC };
	struct staff s;
	struct case_depts cd;
	struct case_role out[STAFF_MAX_ROLES];

	/* handler at a co-operating department, contact at the lead */
	user(&s, "two");
	grant(&s, R_HANDLER, &YJ_CC);
	grant(&s, R_CONTACT, &SC_CC);
	transferred(&cd, both, 2, SC_CC.id);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 2);
	CHECK(is(&out[0], R_HANDLER, YJ_CC.id, false));
	CHECK(is(&out[1], R_CONTACT, SC_CC.id, true));
	/* the other way round */
	transferred(&cd, both, 2, YJ_CC.id);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 2);
	CHECK(is(&out[0], R_HANDLER, YJ_CC.id, true));
	CHECK(is(&out[1], R_CONTACT, SC_CC.id, false));

	/* a supervisor: 工信 ones by area, a department's by transfer */
	user(&s, "sup");
	grant(&s, R_SUPERVISOR, &YJ_PROV);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 1);
	CHECK(is(&out[0], R_SUPERVISOR, YJ_PROV.id, false));
	transferred(&cd, NULL, 0, 0);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 0);
	grant(&s, R_SUPERVISOR, &GX_PROV);
	CHECK(staff_case_roles(&s, "220102", &cd, out) == 1);
	CHECK(is(&out[0], R_SUPERVISOR, GX_PROV.id, false));
}

static const struct http_limits lim = { .max_parts = 32, .max_name = 32, .max_value = 1024 };
static struct arena A;

/* staff_csrf_ok on an urlencoded body. */
static bool
csrf_ok(const struct staff *s, const char *body)
{
	struct params p;
	char *b = exact_copy(body, strlen(body));
	bool ok;

	arena_reset(&A);
	memset(&p, 0, sizeof(p));
	if (http_parse_urlencoded(&A, b, strlen(body), &lim, &p) != HTTP_OK)
		abort();
	ok = staff_csrf_ok(&p, s);
	free(b);
	return ok;
}

static void
test_csrf(void)
{
	struct staff s;

	user(&s, "csrf");
	snprintf(s.csrf, sizeof(s.csrf), "%s", "0123456789abcdef0123456789abcdef");
	CHECK(csrf_ok(&s, "csrf=0123456789abcdef0123456789abcdef"));
	CHECK(csrf_ok(&s, "action=x&csrf=0123456789abcdef0123456789abcdef&text=y"));
	CHECK(!csrf_ok(&s, ""));
	CHECK(!csrf_ok(&s, "action=x"));
	CHECK(!csrf_ok(&s, "csrf="));
	CHECK(!csrf_ok(&s, "csrf=0123456789abcdef0123456789abcdee"));      /* last byte */
	CHECK(!csrf_ok(&s, "csrf=1123456789abcdef0123456789abcdef"));      /* first byte */
	CHECK(!csrf_ok(&s, "csrf=0123456789abcdef0123456789abcde"));       /* a prefix */
	CHECK(!csrf_ok(&s, "csrf=0123456789abcdef0123456789abcdef0"));     /* one more */
	CHECK(!csrf_ok(&s, "csrf=0123456789ABCDEF0123456789ABCDEF"));
	/* exactly one field: a second one is refused, right or wrong, before or after */
	CHECK(!csrf_ok(&s, "csrf=0123456789abcdef0123456789abcdef"
	    "&csrf=0123456789abcdef0123456789abcdef"));
	CHECK(!csrf_ok(&s, "csrf=0123456789abcdef0123456789abcdef&csrf=x"));
	CHECK(!csrf_ok(&s, "csrf=x&csrf=0123456789abcdef0123456789abcdef"));
	/* a session without a token matches nothing, not even an empty field */
	s.csrf[0] = '\0';
	CHECK(!csrf_ok(&s, "csrf="));
	CHECK(!csrf_ok(&s, "csrf=0123456789abcdef0123456789abcdef"));
}

static bool
attr_is(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	bool ok = v != NULL && strcmp((const char *)v, want) == 0;

	xmlFree(v);
	return ok;
}

static void
test_session_xml(void)
{
	struct staff s;
	xmlDocPtr doc;
	xmlNodePtr root, n, r;
	xmlChar *out = NULL;
	int len = 0;

	user(&s, "wang");
	snprintf(s.name, sizeof(s.name), "%s", "王<&>\"");
	snprintf(s.csrf, sizeof(s.csrf), "%s", "00112233445566778899aabbccddeeff");
	grant(&s, R_HANDLER, &YJ_CC);
	grant(&s, R_CONTACT, &SC_CC);
	doc = xml_doc("page", &root);
	staff_session_xml(&s, root);
	n = xmlFirstElementChild(root);
	CHECK(n != NULL && strcmp((const char *)n->name, "session") == 0);
	CHECK(xmlChildElementCount(root) == 1);
	CHECK(attr_is(n, "login", "wang"));
	CHECK(attr_is(n, "name", "王<&>\""));
	CHECK(attr_is(n, "csrf", "00112233445566778899aabbccddeeff"));
	CHECK(xmlChildElementCount(n) == 2);
	r = xmlFirstElementChild(n);
	CHECK(r != NULL && strcmp((const char *)r->name, "role") == 0);
	CHECK(attr_is(r, "name", "handler") && attr_is(r, "label", "责任部门承办"));
	CHECK(attr_is(r, "department-id", "11") && attr_is(r, "department", "长春市应急管理局"));
	r = r != NULL ? xmlNextElementSibling(r) : NULL;
	CHECK(r != NULL && attr_is(r, "name", "contact") && attr_is(r, "label", "核查组联系人"));
	CHECK(r != NULL && attr_is(r, "department-id", "20"));
	/* nothing else of the user: no token hash, no flags */
	CHECK(xmlHasProp(n, (const xmlChar *)"id") == NULL);
	xmlDocDumpMemoryEnc(doc, &out, &len, "UTF-8");
	CHECK(out != NULL && strstr((const char *)out,
	    "<session login=\"wang\" name=\"王&lt;&amp;&gt;&quot;\" "
	    "csrf=\"00112233445566778899aabbccddeeff\"><role name=\"handler\"") != NULL);
	xmlFree(out);
	xmlFreeDoc(doc);

	/* no roles: an empty session element */
	user(&s, "none");
	doc = xml_doc("page", &root);
	staff_session_xml(&s, root);
	n = xmlFirstElementChild(root);
	CHECK(n != NULL && xmlChildElementCount(n) == 0 && attr_is(n, "login", "none"));
	xmlFreeDoc(doc);
}

int
main(void)
{
	arena_init(&A);
	test_gongxin_by_area();
	test_handler_by_transfer();
	test_lead_per_role();
	test_csrf();
	test_session_xml();
	arena_free(&A);
	return unit_done();
}
