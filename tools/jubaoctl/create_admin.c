/* jubaoctl create-admin: the first administrator: the admin role only (no case role: an
 * administrator sees no reporter's identity), on a 工信 department of the configured province. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "jubaoctl.h"
#include "queries.h"
#include "region.h"
#include "validate.h"

/* Logins: 2-64 of [a-z0-9._-], starting with a letter or digit (they appear in the audit
 * trail and in URLs; case-folding questions never arise). */
static bool
login_ok(const char *s)
{
	size_t i, len = strlen(s);

	if (len < 2 || len > 64 || !(islower((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
		return false;
	for (i = 0; i < len; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z') && !(s[i] >= '0' && s[i] <= '9') &&
		    s[i] != '.' && s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

/* An enabled 工信 department by id, inside the configured province when there is one; *found
 * false when none, *why then says why. */
static int
dept_name(struct ctl *c, int64_t id, char *name, size_t cap, bool *found, const char **why)
{
	MYSQL_BIND p[1], r[4];
	unsigned long len = 0, rlen = 0, klen = 0;
	my_bool n1 = 0, n2 = 0, n3 = 0, n4 = 0;
	int64_t enabled = 0;
	char region[8], kind[20];
	int rc;

	*found = false;
	*why = "no enabled department";
	bind_i64(&p[0], &id);
	bind_out_text(&r[0], name, cap, &len, &n1);
	bind_out_i64(&r[1], &enabled, &n2);
	bind_out_text(&r[2], region, sizeof(region), &rlen, &n3);
	bind_out_text(&r[3], kind, sizeof(kind), &klen, &n4);
	if ((rc = db_exec(&c->db, CQ_DEPT_BY_ID, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, CQ_DEPT_BY_ID);
	db_done(&c->db, CQ_DEPT_BY_ID);
	if (rc < 0)
		return rc;
	text_end(name, cap, len);
	text_end(region, sizeof(region), rlen);
	text_end(kind, sizeof(kind), klen);
	if (rc != 1 || enabled != 1)
		return DB_OK;
	if (strcmp(kind, "gongxin") != 0) {
		*why = "not a gongxin (工信) department";
		return DB_OK;
	}
	if (c->cfg.region_scope[0] != '\0' && strncmp(region, c->cfg.region_scope, 2) != 0) {
		*why = "outside the province of region_scope";
		return DB_OK;
	}
	*found = true;
	return DB_OK;
}

/* The default department of a new administrator: the gongxin department of the province of
 * region_scope. Without region_scope there is no default: never another province's. */
static int
default_department(struct ctl *c, int64_t *id, char *name, size_t cap, bool *found)
{
	MYSQL_BIND p[2], r[2];
	unsigned long len = 0;
	my_bool n1 = 0, n2 = 0;
	char region[7];
	const char *kind = "gongxin";
	int rc;

	*found = false;
	if (c->cfg.region_scope[0] == '\0')
		return DB_OK;
	bind_out_i64(&r[0], id, &n1);
	bind_out_text(&r[1], name, cap, &len, &n2);
	region_province(c->cfg.region_scope, region);
	bind_text(&p[0], region, 6);
	bind_text(&p[1], kind, strlen(kind));
	if ((rc = db_exec(&c->db, CQ_DEPT_BY_REGION_KIND, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, CQ_DEPT_BY_REGION_KIND);
	db_done(&c->db, CQ_DEPT_BY_REGION_KIND);
	if (rc < 0)
		return rc;
	text_end(name, cap, len);
	*found = rc == 1;
	return DB_OK;
}

/* The department given (checked) or the default one; 0, or 1 after saying why not. */
static int
resolve_department(struct ctl *c, const char *dept_arg, int64_t *dept, char *name, size_t cap)
{
	const char *why = NULL;
	bool found;
	int rc;

	if (*dept != 0)
		rc = dept_name(c, *dept, name, cap, &found, &why);
	else
		rc = default_department(c, dept, name, cap, &found);
	if (rc != DB_OK)
		return fail("looking up the department: %s", db_reason(rc));
	if (!found)
		return dept_arg != NULL ? fail("department %s: %s", dept_arg, why) :
		    fail("no default department: set region_scope (the province) in the "
		    "configuration, or give --department ID");
	return 0;
}

int
cmd_create_admin(struct ctl *c, int argc, char **argv)
{
	static const char *const roles[] = { "secadmin" };
	const char *dept_arg = NULL, *email = NULL, *pos[2];
	const struct opt opts[] = {
		{ "--department", &dept_arg }, { "--email", &email }, { NULL, NULL },
	};
	struct new_staff ns;
	char pw[AUTH_PW_MAX * 4 + 2], name[512], detail[128];
	int64_t dept = 0, existing;
	long v;
	size_t npos;
	bool generated;
	int rc, ret = 1;

	if (parse_args(argc, argv, opts, pos, 2, &npos) != 0)
		return 1;
	if (npos != 2)
		return fail("usage: jubaoctl create-admin LOGIN NAME [--department ID] "
		    "[--email ADDRESS]");
	if (!login_ok(pos[0]))
		return fail("login must be 2-64 of a-z, 0-9, '.', '_', '-', starting with a "
		    "letter or digit");
	if (!utf8_valid(pos[1], strlen(pos[1])) || !text_clean(pos[1], strlen(pos[1]), false) ||
	    utf8_count(pos[1], strlen(pos[1])) < 1 || utf8_count(pos[1], strlen(pos[1])) > 64)
		return fail("NAME must be 1-64 characters of one line");
	if (email != NULL && !valid_email(email, strlen(email)))
		return fail("not an e-mail address: %s", email);
	if (dept_arg != NULL) {
		if (parse_count(dept_arg, 1, INT32_MAX, &v) != 0)
			return fail("--department needs a department id");
		dept = v;
	}
	if (open_db(c) != 0)
		return 1;
	if ((rc = staff_id_by_login(c, pos[0], &existing)) != DB_OK)
		return fail("looking up the login: %s", db_reason(rc));
	if (existing != 0)
		return fail("login %s exists already (reset-password changes its password)",
		    pos[0]);
	if (resolve_department(c, dept_arg, &dept, name, sizeof(name)) != 0)
		return 1;
	if (get_password(pw, sizeof(pw), &generated) != 0)
		goto out;
	snprintf(detail, sizeof(detail), "%s", pos[0]);
	memset(&ns, 0, sizeof(ns));
	ns.login = pos[0];
	ns.name = pos[1];
	ns.email = email;
	ns.password = pw;
	ns.must_change = true;
	ns.roles = roles;
	ns.nroles = 1;
	ns.department = dept;
	ns.detail = detail;
	if ((rc = staff_create(c, &ns)) != DB_OK) {
		if (rc == DB_DUP)
			fail("login %s exists already", pos[0]);
		else
			fail("creating the account: %s", db_reason(rc));
		goto out;
	}
	printf("created %s (secadmin) on %s [department %lld]\n", pos[0], name,
	    (long long)dept);
	if (generated)
		printf("password: %s\n(shown only now; it must be changed at the first login)\n",
		    pw);
	ret = 0;
out:
	explicit_bzero(pw, sizeof(pw));
	return ret;
}
