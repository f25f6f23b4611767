/* jubaoctl reset-password: a new generated password, the account unlocked, its sessions ended. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "auth.h"
#include "jubaoctl.h"
#include "queries.h"

/* The owner is told at the next sign-in, as for a reset in the console (cgi/admin/users_change.c):
 * this path bypasses the second security administrator, so it must never be silent. */
static int
tell_owner(struct ctl *c, int64_t id)
{
	static const char text[] = "服务器运维人员使用 jubaoctl 重置了您的密码（未经安全管理员审批，"
	    "仅用于恢复访问）。";
	struct dbp p[3] = { P_INT(id), P_INT((int64_t)time(NULL)), P_TEXT(text) };

	return db_run(&c->db, Q_NOTICE_INSERT, p, 3);
}

int
cmd_reset_password(struct ctl *c, int argc, char **argv)
{
	MYSQL_BIND p[4];
	const char *pos[1];
	char pw[PW_GEN_LEN + 1];
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];
	int64_t id, iter = AUTH_ITERATIONS;
	size_t npos;
	int rc, tries, ret = 1;

	if (parse_args(argc, argv, NULL, pos, 1, &npos) != 0)
		return 1;
	if (npos != 1)
		return fail("usage: jubaoctl reset-password LOGIN");
	if (open_db(c) != 0)
		return 1;
	if ((rc = staff_id_by_login(c, pos[0], &id)) != DB_OK)
		return fail("looking up the login: %s", db_reason(rc));
	if (id == 0)
		return fail("no account %s", pos[0]);
	if (gen_password(pw) != 0 || auth_new_hash(pw, strlen(pw), salt, hash) != 0) {
		fail("cannot make a password");
		goto out;
	}
	for (tries = 0; tries < 3; tries++) {
		if ((rc = db_begin(&c->db)) != DB_OK)
			break;
		bind_blob(&p[0], hash, sizeof(hash));
		bind_blob(&p[1], salt, sizeof(salt));
		bind_i64(&p[2], &iter);
		bind_i64(&p[3], &id);
		if ((rc = db_exec(&c->db, CQ_STAFF_RESET, p, NULL)) != DB_OK)
			goto undo;
		/* Whoever holds a session of this account is out. */
		bind_i64(&p[0], &id);
		if ((rc = db_exec(&c->db, CQ_SESSIONS_DELETE, p, NULL)) != DB_OK)
			goto undo;
		if ((rc = ctl_audit(c, "reset_password", 0, pos[0])) != DB_OK ||
		    (rc = tell_owner(c, id)) != DB_OK)
			goto undo;
		if ((rc = db_commit(&c->db)) == DB_OK)
			break;
undo:
		db_rollback(&c->db);
		if (rc != DB_RETRY)
			break;
	}
	if (rc != DB_OK) {
		fail("resetting the password: %s", db_reason(rc));
		goto out;
	}
	printf("new password for %s: %s\n(shown only now; it must be changed at the next "
	    "login)\n", pos[0], pw);
	ret = 0;
out:
	explicit_bzero(pw, sizeof(pw));
	explicit_bzero(hash, sizeof(hash));
	return ret;
}
