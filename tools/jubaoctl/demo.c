/* jubaoctl demo: the demo accounts of a development stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jubaoctl.h"
#include "queries.h"

/* The id of the first enabled department of this name, 0 when none. */
static int
dept_by_name(struct ctl *c, const char *name, int64_t *id)
{
	MYSQL_BIND p[1], r[1];
	my_bool isnull = 0;
	int rc;

	*id = 0;
	bind_text(&p[0], name, strlen(name));
	bind_out_i64(&r[0], id, &isnull);
	if ((rc = db_exec(&c->db, CQ_DEPT_BY_NAME, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, CQ_DEPT_BY_NAME);
	db_done(&c->db, CQ_DEPT_BY_NAME);
	if (rc == 0)
		*id = 0;
	return rc < 0 ? rc : DB_OK;
}

int
cmd_demo(struct ctl *c, int argc, char **argv)
{
	static const struct {
		const char *login, *name, *role, *dept;
	} demo[] = {
		{ "admin", "安全管理员", "secadmin", "吉林省工业和信息化厅" },
		{ "admin2", "安全管理员二", "secadmin", "吉林省工业和信息化厅" },
		{ "sysadmin", "系统管理员", "sysadmin", "吉林省工业和信息化厅" },
		{ "auditor", "审计管理员", "auditor", "吉林省工业和信息化厅" },
		{ "intake", "接报员", "intake", "吉林省工业和信息化厅" },
		{ "nanguan", "南关区承办人", "handler", "长春市南关区工业和信息化局" },
		{ "contact", "核查组联系人", "contact", "长春市南关区工业和信息化局" },
		{ "supervisor", "市级督办人", "supervisor", "长春市工业和信息化局" },
		{ "publisher", "信息公开员", "publisher", "吉林省工业和信息化厅" },
	};
	const char *pos[1];
	struct new_staff ns;
	char email[128], detail[128];
	const char *status[sizeof(demo) / sizeof(demo[0])];
	int64_t dept, existing;
	size_t i, npos, made = 0;
	int rc;

	if (parse_args(argc, argv, NULL, pos, 0, &npos) != 0)
		return 1;
	/* A published password must never land on a real system by a slip of the keyboard:
	 * the development stack sets JUBAO_DEMO=1, nothing else does. */
	if (getenv("JUBAO_DEMO") == NULL || strcmp(getenv("JUBAO_DEMO"), "1") != 0)
		return fail("demo accounts are for development stacks only (set JUBAO_DEMO=1)");
	if (open_db(c) != 0)
		return 1;
	fprintf(stderr, "jubaoctl: demo accounts share a published password: never on a "
	    "production database\n");
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		if ((rc = staff_id_by_login(c, demo[i].login, &existing)) != DB_OK)
			return fail("looking up %s: %s", demo[i].login, db_reason(rc));
		if (existing != 0) {
			status[i] = "(exists, unchanged)";
			continue;
		}
		if ((rc = dept_by_name(c, demo[i].dept, &dept)) != DB_OK)
			return fail("looking up %s: %s", demo[i].dept, db_reason(rc));
		if (dept == 0)
			return fail("no enabled department named %s (migrations applied?)",
			    demo[i].dept);
		snprintf(email, sizeof(email), "%s@example.invalid", demo[i].login);
		snprintf(detail, sizeof(detail), "%s (demo)", demo[i].login);
		memset(&ns, 0, sizeof(ns));
		ns.login = demo[i].login;
		ns.name = demo[i].name;
		ns.email = email;
		ns.password = DEMO_PASSWORD;
		ns.must_change = false;
		ns.roles = &demo[i].role;
		ns.nroles = 1;
		ns.department = dept;
		ns.detail = detail;
		if ((rc = staff_create(c, &ns)) != DB_OK)
			return fail("creating %s: %s", demo[i].login, db_reason(rc));
		status[i] = DEMO_PASSWORD;
		made++;
	}
	printf("%-11s %-11s %-20s %s\n", "login", "role", "password", "department");
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++)
		printf("%-11s %-11s %-20s %s\n", demo[i].login, demo[i].role, status[i],
		    demo[i].dept);
	printf("demo: %zu created, %zu existed\n", made, sizeof(demo) / sizeof(demo[0]) - made);
	return 0;
}
