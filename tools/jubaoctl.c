/*
 * jubaoctl: the operator's command line. It reads the same configuration and key file as the
 * FastCGI programs and talks to the database through lib/db.c, with its own table of prepared
 * statements below (what an operator may do is visible at one glance, as in lib/queries.c).
 * The one exception is `migrate`, which sends the text of the sql/NNN_*.sql files as they are:
 * they carry no values from anyone, and DDL cannot be prepared.
 *
 * Nothing here prints or logs a reporter's identity, a report's description or a key. Passwords
 * are printed only when this program made them, once.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysqld_error.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "auth.h"
#include "calendar.h"
#include "config.h"
#include "crypto.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "report.h"
#include "validate.h"

#ifndef JUBAO_SQL_DIR
#define JUBAO_SQL_DIR "/usr/local/share/jubao/sql"
#endif
#define DEFAULT_CONF   "/etc/jubao/jubao.conf"
#define SENDMAIL       "/usr/sbin/sendmail"
#define DEMO_PASSWORD  "Jubao-demo-2026"
#define ACTOR          "jubaoctl"       /* audit.login of what this program does */
#define SEALED_MAX     4096             /* report_identity.sealed VARBINARY(4096) */
#define BATCH_MAX      5000
#define MIGRATIONS_MAX 1000

/* Unambiguous symbols for generated passwords: no I, O, l, o, 0, 1. */
#define PW_ALPHABET "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
#define PW_GEN_LEN  16

enum stmt {
	S_DEPT_BY_ID,           /* id -> name, enabled */
	S_DEPT_BY_NAME,         /* name -> id */
	S_DEPT_BY_REGION_KIND,  /* region, kind -> id, name */
	S_DEPT_FIRST_PROVINCE,  /* kind -> id, name */
	S_STAFF_BY_LOGIN,       /* login -> id */
	S_STAFF_INSERT,         /* login, name, email, hash, salt, iter, must_change */
	S_ROLE_INSERT,          /* staff id, role, department id */
	S_STAFF_RESET,          /* hash, salt, iter, id */
	S_SESSIONS_DELETE,      /* staff id */
	S_AUDIT_INSERT,         /* login, action, report id, detail */
	S_IDENTITY_COUNT,       /* key id -> count */
	S_IDENTITY_BATCH,       /* key id, after, limit -> report id, ticket, key id, sealed */
	S_IDENTITY_UPDATE,      /* alg, key id, sealed, report id, old key id */
	S_TOTP_BATCH,           /* after, limit -> id, sealed */
	S_TOTP_UPDATE,          /* sealed, id, old sealed */
	S_OVERDUE_CANDIDATES,   /* today, after -> id */
	S_OVERDUE_MARK,         /* id, today */
	S_REPORT_BRIEF,         /* id -> ticket, state, due, lead department, region */
	S_HANDLERS,             /* department id -> staff id, email */
	S_INTAKE_GONGXIN,       /* province, city, region -> staff id, email */
	S_MAIL_INSERT,          /* recipient, subject, body */
	S_MAIL_UNSENT,          /* after -> id, recipient, subject, body */
	S_MAIL_SENT,            /* id */
	S_MAIL_UNSENT_COUNT,    /* -> count */
	S_EXPORT,               /* state, state, after -> id and the columns of the CSV */
	S__MAX
};

#define OPEN_STATES "state NOT IN ('rejected','needs_info','closed')"

static const char *const sql[S__MAX] = {
	[S_DEPT_BY_ID] = "SELECT name, enabled FROM department WHERE id = ?",
	[S_DEPT_BY_NAME] = "SELECT id FROM department WHERE name = ? AND enabled = 1 "
	    "ORDER BY id LIMIT 1",
	[S_DEPT_BY_REGION_KIND] = "SELECT id, name FROM department WHERE region_code = ? "
	    "AND kind = ? AND enabled = 1",
	[S_DEPT_FIRST_PROVINCE] = "SELECT id, name FROM department WHERE kind = ? "
	    "AND region_code LIKE '__0000' AND enabled = 1 ORDER BY region_code, id LIMIT 1",
	[S_STAFF_BY_LOGIN] = "SELECT id FROM staff WHERE login = ?",
	[S_STAFF_INSERT] = "INSERT INTO staff (login, display_name, email, pw_hash, pw_salt, "
	    "pw_iter, must_change) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[S_ROLE_INSERT] = "INSERT INTO staff_role (staff_id, role, department_id) "
	    "VALUES (?, ?, ?)",
	[S_STAFF_RESET] = "UPDATE staff SET pw_hash = ?, pw_salt = ?, pw_iter = ?, "
	    "must_change = 1, failed_logins = 0, locked_until = 0 WHERE id = ?",
	[S_SESSIONS_DELETE] = "DELETE FROM staff_session WHERE staff_id = ?",
	[S_AUDIT_INSERT] = "INSERT INTO audit (at, staff_id, login, action, report_id, detail, "
	    "client) VALUES (NOW(), NULL, ?, ?, ?, ?, '')",
	[S_IDENTITY_COUNT] = "SELECT COUNT(*) FROM report_identity WHERE key_id <> ?",
	[S_IDENTITY_BATCH] = "SELECT i.report_id, r.ticket, i.key_id, i.sealed "
	    "FROM report_identity i JOIN report r ON r.id = i.report_id "
	    "WHERE i.key_id <> ? AND i.report_id > ? ORDER BY i.report_id LIMIT ? FOR UPDATE",
	[S_IDENTITY_UPDATE] = "UPDATE report_identity SET alg = ?, key_id = ?, sealed = ? "
	    "WHERE report_id = ? AND key_id = ?",
	[S_TOTP_BATCH] = "SELECT id, totp_secret FROM staff WHERE totp_secret IS NOT NULL "
	    "AND id > ? ORDER BY id LIMIT ? FOR UPDATE",
	[S_TOTP_UPDATE] = "UPDATE staff SET totp_secret = ? WHERE id = ? AND totp_secret = ?",
	[S_OVERDUE_CANDIDATES] = "SELECT id FROM report WHERE due_date < CAST(? AS DATE) "
	    "AND overdue = 0 AND " OPEN_STATES " AND id > ? ORDER BY id LIMIT 500",
	[S_OVERDUE_MARK] = "UPDATE report SET overdue = 1 WHERE id = ? AND overdue = 0 "
	    "AND due_date < CAST(? AS DATE) AND " OPEN_STATES,
	[S_REPORT_BRIEF] = "SELECT ticket, state, COALESCE(DATE_FORMAT(due_date, '%Y-%m-%d'), ''), "
	    "COALESCE(lead_department_id, 0), region FROM report WHERE id = ?",
	[S_HANDLERS] = "SELECT DISTINCT s.id, s.email FROM staff s "
	    "JOIN staff_role r ON r.staff_id = s.id WHERE r.role = 'handler' "
	    "AND r.department_id = ? AND s.disabled = 0 AND s.email IS NOT NULL "
	    "AND s.email <> '' ORDER BY s.id",
	[S_INTAKE_GONGXIN] = "SELECT DISTINCT s.id, s.email FROM staff s "
	    "JOIN staff_role r ON r.staff_id = s.id JOIN department d ON d.id = r.department_id "
	    "WHERE r.role = 'intake' AND d.kind = 'gongxin' AND d.enabled = 1 "
	    "AND d.region_code IN (?, ?, ?) AND s.disabled = 0 AND s.email IS NOT NULL "
	    "AND s.email <> '' ORDER BY s.id",
	[S_MAIL_INSERT] = "INSERT INTO mail_queue (at, recipient, subject, body) "
	    "VALUES (NOW(), ?, ?, ?)",
	[S_MAIL_UNSENT] = "SELECT id, recipient, subject, body FROM mail_queue "
	    "WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT 100",
	[S_MAIL_SENT] = "UPDATE mail_queue SET sent_at = NOW() WHERE id = ? AND sent_at IS NULL",
	[S_MAIL_UNSENT_COUNT] = "SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NULL",
	[S_EXPORT] = "SELECT id, ticket, state, category, industry, region, subject_type, "
	    "subject_name, DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i:%s'), "
	    "COALESCE(DATE_FORMAT(due_date, '%Y-%m-%d'), ''), overdue, COALESCE(verdict, '') "
	    "FROM report WHERE (? = '' OR state = ?) AND id > ? ORDER BY id LIMIT 1000",
};

struct ctl {
	const char    *conf_path;
	struct config  cfg;
	struct secrets sec;
	bool           have_sec;
	struct db      db;
	bool           have_db;
};

static const char usage_text[] =
"usage: jubaoctl [-c CONFIG] COMMAND [ARGUMENTS]\n"
"\n"
"CONFIG defaults to $JUBAO_CONF, else " DEFAULT_CONF ". Exit status 0 on success, 1 on\n"
"error (with one line on standard error).\n"
"\n"
"  migrate [--sql-dir DIR] [--user USER]\n"
"        Apply the pending NNN_*.sql files of DIR (default " JUBAO_SQL_DIR ")\n"
"        in order; each records itself in schema_version. DDL needs rights the\n"
"        programs' user lacks: --user connects as USER over db_socket without a\n"
"        password (unix_socket authentication, e.g. root).\n"
"  create-admin LOGIN NAME [--department ID] [--email ADDRESS]\n"
"        A staff account with the roles admin and intake on department ID (default:\n"
"        the gongxin department of region_scope's province, or without region_scope\n"
"        the first provincial gongxin department). The password is read from\n"
"        standard input (one line) when that is not a terminal, else generated and\n"
"        printed once; it must be changed at the first login.\n"
"  reset-password LOGIN\n"
"        A new generated password, printed once, to be changed at the next login;\n"
"        the account is unlocked and all its sessions end.\n"
"  demo  Development stacks only: the demo accounts admin, intake, nanguan, contact,\n"
"        supervisor, publisher with the published password " DEMO_PASSWORD ".\n"
"        Existing logins are left alone.\n"
"  rotate [--batch N]\n"
"        Re-seal every reporter identity and TOTP secret not under the key file's\n"
"        identity_current, N rows per transaction (default 500). Resumable.\n"
"  sweep [--today YYYY-MM-DD] [--sendmail PATH]\n"
"        The deadline sweep for cron: mark reports past their due date (Beijing\n"
"        date) overdue, queue a reminder for the staff responsible, then send the\n"
"        queued mail with PATH -t -oi (default " SENDMAIL "; when it is missing the\n"
"        mail stays queued).\n"
"  export [--state STATE]\n"
"        Reports as CSV (UTF-8 with BOM) on standard output: ticket, state,\n"
"        category, industry, region, subject_type, subject_name, submitted_at,\n"
"        due_date, overdue, verdict. Never identities or descriptions.\n"
"  help  This text.\n";

static int
fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One line on stderr; the exit status of a failed command. */
static int
fail(const char *fmt, ...)
{
	va_list ap;

	fputs("jubaoctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}

/* ---- arguments ---- */

struct opt {
	const char  *name;        /* "--batch" */
	const char **value;
};

/* Split argv into known "--name VALUE" / "--name=VALUE" options and up to maxpos positional
 * arguments. -1 (reported) on an unknown option, a missing value or too many arguments. */
static int
parse_args(int argc, char **argv, const struct opt *opts, const char **pos, size_t maxpos,
    size_t *npos)
{
	const struct opt *o;
	const char *eq;
	size_t nlen;
	int i;

	*npos = 0;
	for (i = 0; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0 || argv[i][2] == '\0') {
			if (*npos >= maxpos) {
				fail("unexpected argument: %s (see jubaoctl help)", argv[i]);
				return -1;
			}
			pos[(*npos)++] = argv[i];
			continue;
		}
		eq = strchr(argv[i], '=');
		nlen = eq != NULL ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		for (o = opts; o != NULL && o->name != NULL; o++)
			if (strlen(o->name) == nlen && memcmp(o->name, argv[i], nlen) == 0)
				break;
		if (o == NULL || o->name == NULL) {
			fail("unknown option: %.*s (see jubaoctl help)", (int)nlen, argv[i]);
			return -1;
		}
		if (eq != NULL)
			*o->value = eq + 1;
		else if (i + 1 < argc)
			*o->value = argv[++i];
		else {
			fail("%s needs a value", o->name);
			return -1;
		}
	}
	return 0;
}

static int
parse_count(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* ---- configuration and database ---- */

static int
load_config(struct ctl *c, bool need_secrets)
{
	char err[512];

	if (config_load(&c->cfg, c->conf_path, err, sizeof(err)) != 0)
		return fail("%s", err);
	if (need_secrets) {
		if (secrets_load(&c->cfg, &c->sec, err, sizeof(err)) != 0)
			return fail("%s", err);
		c->have_sec = true;
	}
	return 0;
}

static int
open_db(struct ctl *c)
{
	if (load_config(c, true) != 0)
		return 1;
	db_init(&c->db, &c->cfg, sql, S__MAX);
	c->have_db = true;
	if (db_connect(&c->db) != DB_OK)
		return fail("cannot connect to database %s as %s", c->cfg.db_name, c->cfg.db_user);
	return 0;
}

static void
ctl_close(struct ctl *c)
{
	if (c->have_db)
		db_close(&c->db);
	if (c->have_sec)
		secrets_wipe(&c->sec);
	explicit_bzero(c->cfg.db_password, sizeof(c->cfg.db_password));
}

static const char *
db_reason(int rc)
{
	switch (rc) {
	case DB_DOWN:
		return "the database is not answering";
	case DB_DUP:
		return "duplicate entry";
	case DB_RETRY:
		return "deadlock or lock wait time-out";
	default:
		return "database error";
	}
}

/* An audit row by this program (staff_id NULL, login "jubaoctl"); report_id 0: none. */
static int
audit_write(struct ctl *c, const char *action, int64_t report_id, const char *detail)
{
	MYSQL_BIND p[4];
	const char *who = ACTOR;

	bind_text(&p[0], who, strlen(who));
	bind_text(&p[1], action, strlen(action));
	if (report_id > 0)
		bind_i64(&p[2], &report_id);
	else
		bind_text(&p[2], NULL, 0);
	bind_text(&p[3], detail, strlen(detail));
	return db_exec(&c->db, S_AUDIT_INSERT, p, NULL);
}

/* A statement that answers one integer (a COUNT). */
static int
count_rows(struct ctl *c, int id, MYSQL_BIND *params, int64_t *n)
{
	MYSQL_BIND r[1];
	my_bool isnull = 0;
	int rc;

	*n = 0;
	bind_out_i64(&r[0], n, &isnull);
	if ((rc = db_exec(&c->db, id, params, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, id);
	db_done(&c->db, id);
	return rc < 0 ? rc : DB_OK;
}

/* ---- staff accounts ---- */

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

static int
gen_password(char out[PW_GEN_LEN + 1])
{
	const size_t n = sizeof(PW_ALPHABET) - 1;
	const unsigned limit = 256 - 256 % n;   /* rejection sampling keeps symbols uniform */
	uint8_t b[64];
	size_t i, got;

	do {
		got = 0;
		while (got < PW_GEN_LEN) {
			if (crypto_random(b, sizeof(b)) != 0)
				return -1;
			for (i = 0; i < sizeof(b) && got < PW_GEN_LEN; i++)
				if (b[i] < limit)
					out[got++] = PW_ALPHABET[b[i] % n];
		}
		out[PW_GEN_LEN] = '\0';
	} while (auth_password_problem(out, PW_GEN_LEN) != NULL);
	explicit_bzero(b, sizeof(b));
	return 0;
}

/* A password from standard input when it is not a terminal (one line), else a generated one.
 * *generated says which. 0 ok, 1 reported. */
static int
get_password(char *pw, size_t cap, bool *generated)
{
	const char *why;
	size_t len;

	if (isatty(STDIN_FILENO)) {
		*generated = true;
		if (cap < PW_GEN_LEN + 1 || gen_password(pw) != 0)
			return fail("cannot generate a password");
		return 0;
	}
	*generated = false;
	if (fgets(pw, (int)cap, stdin) == NULL)
		return fail("no password on standard input");
	len = strcspn(pw, "\r\n");
	if (pw[len] == '\0' && len == cap - 1 && !feof(stdin))
		return fail("the password on standard input is too long");
	pw[len] = '\0';
	if ((why = auth_password_problem(pw, len)) != NULL)
		return fail("password refused: %s", why);
	return 0;
}

static int
staff_id_by_login(struct ctl *c, const char *login, int64_t *id)
{
	MYSQL_BIND p[1], r[1];
	my_bool isnull = 0;
	int rc;

	*id = 0;
	bind_text(&p[0], login, strlen(login));
	bind_out_i64(&r[0], id, &isnull);
	if ((rc = db_exec(&c->db, S_STAFF_BY_LOGIN, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, S_STAFF_BY_LOGIN);
	db_done(&c->db, S_STAFF_BY_LOGIN);
	if (rc < 0)
		return rc;
	if (rc == 0)
		*id = 0;
	return DB_OK;
}

struct new_staff {
	const char         *login;
	const char         *name;
	const char         *email;       /* NULL: none */
	const char         *password;
	bool                must_change;
	const char *const  *roles;
	size_t              nroles;
	int64_t             department;
	const char         *detail;      /* of the audit row */
};

/* Create the account, its roles and the audit row in one transaction. */
static int
staff_create(struct ctl *c, const struct new_staff *ns)
{
	MYSQL_BIND p[7];
	uint8_t salt[AUTH_SALT_LEN], hash[AUTH_HASH_LEN];
	int64_t iter = AUTH_ITERATIONS, must = ns->must_change, id;
	size_t i;
	int rc, tries;

	if (auth_new_hash(ns->password, strlen(ns->password), salt, hash) != 0) {
		fail("password hashing failed");
		return DB_FAIL;
	}
	for (tries = 0; tries < 3; tries++) {
		if ((rc = db_begin(&c->db)) != DB_OK)
			break;
		bind_text(&p[0], ns->login, strlen(ns->login));
		bind_text(&p[1], ns->name, strlen(ns->name));
		bind_text(&p[2], ns->email, ns->email != NULL ? strlen(ns->email) : 0);
		bind_blob(&p[3], hash, sizeof(hash));
		bind_blob(&p[4], salt, sizeof(salt));
		bind_i64(&p[5], &iter);
		bind_i64(&p[6], &must);
		if ((rc = db_exec(&c->db, S_STAFF_INSERT, p, NULL)) != DB_OK)
			goto undo;
		id = (int64_t)db_insert_id(&c->db, S_STAFF_INSERT);
		for (i = 0; i < ns->nroles; i++) {
			bind_i64(&p[0], &id);
			bind_text(&p[1], ns->roles[i], strlen(ns->roles[i]));
			bind_i64(&p[2], &ns->department);
			if ((rc = db_exec(&c->db, S_ROLE_INSERT, p, NULL)) != DB_OK)
				goto undo;
		}
		if ((rc = audit_write(c, "create_user", 0, ns->detail)) != DB_OK)
			goto undo;
		if ((rc = db_commit(&c->db)) == DB_OK)
			break;
undo:
		db_rollback(&c->db);
		if (rc != DB_RETRY)
			break;
	}
	explicit_bzero(hash, sizeof(hash));
	return rc;
}

/* Name of an enabled department by id; *found false when none. */
static int
dept_name(struct ctl *c, int64_t id, char *name, size_t cap, bool *found)
{
	MYSQL_BIND p[1], r[2];
	unsigned long len = 0;
	my_bool n1 = 0, n2 = 0;
	int64_t enabled = 0;
	int rc;

	*found = false;
	bind_i64(&p[0], &id);
	bind_out_text(&r[0], name, cap, &len, &n1);
	bind_out_i64(&r[1], &enabled, &n2);
	if ((rc = db_exec(&c->db, S_DEPT_BY_ID, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, S_DEPT_BY_ID);
	db_done(&c->db, S_DEPT_BY_ID);
	if (rc < 0)
		return rc;
	text_end(name, cap, len);
	*found = rc == 1 && enabled == 1;
	return DB_OK;
}

/* The default department of a new administrator: the gongxin department of the province of
 * region_scope when one is configured and exists, else the first provincial gongxin
 * department by region code. */
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
	bind_out_i64(&r[0], id, &n1);
	bind_out_text(&r[1], name, cap, &len, &n2);
	if (c->cfg.region_scope[0] != '\0') {
		snprintf(region, sizeof(region), "%.2s0000", c->cfg.region_scope);
		bind_text(&p[0], region, 6);
		bind_text(&p[1], kind, strlen(kind));
		if ((rc = db_exec(&c->db, S_DEPT_BY_REGION_KIND, p, r)) != DB_OK)
			return rc;
		rc = db_fetch(&c->db, S_DEPT_BY_REGION_KIND);
		db_done(&c->db, S_DEPT_BY_REGION_KIND);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			text_end(name, cap, len);
			*found = true;
			return DB_OK;
		}
	}
	bind_text(&p[0], kind, strlen(kind));
	if ((rc = db_exec(&c->db, S_DEPT_FIRST_PROVINCE, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, S_DEPT_FIRST_PROVINCE);
	db_done(&c->db, S_DEPT_FIRST_PROVINCE);
	if (rc < 0)
		return rc;
	text_end(name, cap, len);
	*found = rc == 1;
	return DB_OK;
}

static int
cmd_create_admin(struct ctl *c, int argc, char **argv)
{
	static const char *const roles[] = { "admin", "intake" };
	const char *dept_arg = NULL, *email = NULL, *pos[2];
	const struct opt opts[] = {
		{ "--department", &dept_arg }, { "--email", &email }, { NULL, NULL },
	};
	struct new_staff ns;
	char pw[AUTH_PW_MAX * 4 + 2], name[512], detail[128];
	int64_t dept = 0, existing;
	long v;
	size_t npos;
	bool found, generated;
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
	if (dept != 0)
		rc = dept_name(c, dept, name, sizeof(name), &found);
	else
		rc = default_department(c, &dept, name, sizeof(name), &found);
	if (rc != DB_OK)
		return fail("looking up the department: %s", db_reason(rc));
	if (!found)
		return dept_arg != NULL ? fail("no enabled department %s", dept_arg) :
		    fail("no provincial gongxin department: give --department ID");
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
	ns.nroles = 2;
	ns.department = dept;
	ns.detail = detail;
	if ((rc = staff_create(c, &ns)) != DB_OK) {
		if (rc == DB_DUP)
			fail("login %s exists already", pos[0]);
		else
			fail("creating the account: %s", db_reason(rc));
		goto out;
	}
	printf("created %s (admin, intake) on %s [department %lld]\n", pos[0], name,
	    (long long)dept);
	if (generated)
		printf("password: %s\n(shown only now; it must be changed at the first login)\n",
		    pw);
	ret = 0;
out:
	explicit_bzero(pw, sizeof(pw));
	return ret;
}

static int
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
		if ((rc = db_exec(&c->db, S_STAFF_RESET, p, NULL)) != DB_OK)
			goto undo;
		/* Whoever holds a session of this account is out. */
		bind_i64(&p[0], &id);
		if ((rc = db_exec(&c->db, S_SESSIONS_DELETE, p, NULL)) != DB_OK)
			goto undo;
		if ((rc = audit_write(c, "reset_password", 0, pos[0])) != DB_OK)
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

static int
dept_by_name(struct ctl *c, const char *name, int64_t *id)
{
	MYSQL_BIND p[1], r[1];
	my_bool isnull = 0;
	int rc;

	*id = 0;
	bind_text(&p[0], name, strlen(name));
	bind_out_i64(&r[0], id, &isnull);
	if ((rc = db_exec(&c->db, S_DEPT_BY_NAME, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, S_DEPT_BY_NAME);
	db_done(&c->db, S_DEPT_BY_NAME);
	if (rc == 0)
		*id = 0;
	return rc < 0 ? rc : DB_OK;
}

static int
cmd_demo(struct ctl *c, int argc, char **argv)
{
	static const struct {
		const char *login, *name, *role, *dept;
	} demo[] = {
		{ "admin", "演示管理员", "admin", "吉林省工业和信息化厅" },
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

/* ---- key rotation ---- */

struct sealed_row {
	int64_t id;
	char    ticket[17];
	int64_t key_id;
	uint8_t blob[SEALED_MAX + 1];
	size_t  len;
};

/* Re-seal one blob under cur. aad as when it was sealed. 0 ok, -1 (cannot open or seal). */
static int
reseal(const struct keyring *ring, const struct seal_key *cur, const void *aad, size_t aadlen,
    const uint8_t *blob, size_t len, uint8_t *out, size_t cap, size_t *outlen)
{
	uint8_t pt[SEALED_MAX];
	size_t ptlen = 0;
	int rc = -1;

	if (unseal(ring, aad, aadlen, blob, len, pt, sizeof(pt), &ptlen) != 0)
		goto out;
	if (seal_size(cur->alg, ptlen) == 0 || seal_size(cur->alg, ptlen) > cap)
		goto out;
	if (seal(cur, aad, aadlen, pt, ptlen, out, cap, outlen) != 0)
		goto out;
	rc = 0;
out:
	explicit_bzero(pt, sizeof(pt));
	return rc;
}

/* One batch of identities in one transaction. *last advances past the rows seen. */
/* End a rotation batch: wipe the re-sealed buffer, then commit and account for the rows (or
 * roll back and pass the error on). */
static int
batch_end(struct ctl *c, bool commit, int rc, uint8_t *out, size_t outsz,
    const struct sealed_row *rows, size_t nrows, uint64_t ok, uint64_t bad, int64_t *last,
    size_t *nseen, uint64_t *done, uint64_t *failed)
{
	explicit_bzero(out, outsz);
	if (commit && (rc = db_commit(&c->db)) == DB_OK) {
		if (nrows > 0)
			*last = rows[nrows - 1].id;
		*nseen = nrows;
		*done += ok;
		*failed += bad;
		return DB_OK;
	}
	db_rollback(&c->db);
	return rc;
}

static int
rotate_identity_batch(struct ctl *c, const struct seal_key *cur, struct sealed_row *rows,
    long batch, int64_t *last, size_t *nseen, uint64_t *done, uint64_t *failed)
{
	MYSQL_BIND p[5], r[4];
	unsigned long tlen = 0, blen = 0;
	my_bool n[4] = { 0, 0, 0, 0 };
	int64_t cur_id = cur->id, after = *last, limit = batch, id = 0, key_id = 0,
	    alg = cur->alg;
	uint8_t out[SEALED_MAX];
	size_t i, outlen, nrows = 0;
	uint64_t ok = 0, bad = 0;
	char ticket[17];
	static uint8_t blob[SEALED_MAX + 1];
	int rc;

	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	bind_i64(&p[0], &cur_id);
	bind_i64(&p[1], &after);
	bind_i64(&p[2], &limit);
	bind_out_i64(&r[0], &id, &n[0]);
	bind_out_text(&r[1], ticket, sizeof(ticket), &tlen, &n[1]);
	bind_out_i64(&r[2], &key_id, &n[2]);
	bind_out_text(&r[3], (char *)blob, sizeof(blob), &blen, &n[3]);
	if ((rc = db_exec(&c->db, S_IDENTITY_BATCH, p, r)) != DB_OK)
		goto undo;
	while ((rc = db_fetch(&c->db, S_IDENTITY_BATCH)) == 1 && nrows < (size_t)batch) {
		rows[nrows].id = id;
		text_end(ticket, sizeof(ticket), tlen);
		memcpy(rows[nrows].ticket, ticket, sizeof(ticket));
		rows[nrows].key_id = key_id;
		/* A blob longer than the column allows cannot be: count it as unopenable. */
		rows[nrows].len = blen <= SEALED_MAX ? blen : 0;
		memcpy(rows[nrows].blob, blob, rows[nrows].len);
		nrows++;
	}
	db_done(&c->db, S_IDENTITY_BATCH);
	if (rc < 0)
		goto undo;
	for (i = 0; i < nrows; i++) {
		if (strlen(rows[i].ticket) != 16 || rows[i].len == 0 ||
		    reseal(&c->sec.identity, cur, rows[i].ticket, 16, rows[i].blob, rows[i].len,
		    out, sizeof(out), &outlen) != 0) {
			/* The report id is no secret; what the row holds is. */
			fprintf(stderr, "jubaoctl: report %lld: the identity does not open with "
			    "key %lld of the key file; left as it is\n", (long long)rows[i].id,
			    (long long)rows[i].key_id);
			bad++;
			continue;
		}
		bind_i64(&p[0], &alg);
		bind_i64(&p[1], &cur_id);
		bind_blob(&p[2], out, outlen);
		bind_i64(&p[3], &rows[i].id);
		bind_i64(&p[4], &rows[i].key_id);
		if ((rc = db_exec(&c->db, S_IDENTITY_UPDATE, p, NULL)) != DB_OK)
			goto undo;
		ok += db_affected(&c->db, S_IDENTITY_UPDATE);
	}
	return batch_end(c, true, DB_OK, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
undo:
	return batch_end(c, false, rc, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
}

static int
rotate_totp_batch(struct ctl *c, const struct seal_key *cur, struct sealed_row *rows,
    long batch, int64_t *last, size_t *nseen, uint64_t *done, uint64_t *failed)
{
	MYSQL_BIND p[3], r[2];
	unsigned long blen = 0;
	my_bool n[2] = { 0, 0 };
	int64_t after = *last, limit = batch, id = 0;
	uint8_t out[SEALED_MAX];
	static uint8_t blob[SEALED_MAX + 1];
	enum seal_alg alg;
	uint32_t key_id;
	char aad[32];
	size_t i, outlen, nrows = 0;
	uint64_t ok = 0, bad = 0;
	int rc;

	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	bind_i64(&p[0], &after);
	bind_i64(&p[1], &limit);
	bind_out_i64(&r[0], &id, &n[0]);
	bind_out_text(&r[1], (char *)blob, sizeof(blob), &blen, &n[1]);
	if ((rc = db_exec(&c->db, S_TOTP_BATCH, p, r)) != DB_OK)
		goto undo;
	while ((rc = db_fetch(&c->db, S_TOTP_BATCH)) == 1 && nrows < (size_t)batch) {
		rows[nrows].id = id;
		rows[nrows].len = blen <= SEALED_MAX ? blen : 0;
		memcpy(rows[nrows].blob, blob, rows[nrows].len);
		nrows++;
	}
	db_done(&c->db, S_TOTP_BATCH);
	if (rc < 0)
		goto undo;
	for (i = 0; i < nrows; i++) {
		/* The key id lives only in the blob's header here. */
		if (seal_header(rows[i].blob, rows[i].len, &alg, &key_id) == 0 &&
		    key_id == cur->id)
			continue;
		snprintf(aad, sizeof(aad), "totp:%lld", (long long)rows[i].id);
		if (rows[i].len == 0 || reseal(&c->sec.identity, cur, aad, strlen(aad),
		    rows[i].blob, rows[i].len, out, sizeof(out), &outlen) != 0) {
			fprintf(stderr, "jubaoctl: staff %lld: the TOTP secret does not open with "
			    "the key file; left as it is\n", (long long)rows[i].id);
			bad++;
			continue;
		}
		bind_blob(&p[0], out, outlen);
		bind_i64(&p[1], &rows[i].id);
		bind_blob(&p[2], rows[i].blob, rows[i].len);
		if ((rc = db_exec(&c->db, S_TOTP_UPDATE, p, NULL)) != DB_OK)
			goto undo;
		ok += db_affected(&c->db, S_TOTP_UPDATE);
	}
	return batch_end(c, true, DB_OK, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
undo:
	return batch_end(c, false, rc, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
}

/* Run a batch function until it sees no more rows; a deadlock reruns the batch. */
typedef int batch_fn(struct ctl *, const struct seal_key *, struct sealed_row *, long,
    int64_t *, size_t *, uint64_t *, uint64_t *);

static int
rotate_all(struct ctl *c, batch_fn *fn, const struct seal_key *cur, struct sealed_row *rows,
    long batch, const char *what, int64_t total, uint64_t *done, uint64_t *failed)
{
	int64_t last = 0;
	size_t seen;
	int rc, retries = 0;

	for (;;) {
		seen = 0;
		rc = fn(c, cur, rows, batch, &last, &seen, done, failed);
		if (rc == DB_RETRY && retries++ < 5)
			continue;
		if (rc != DB_OK)
			return rc;
		retries = 0;
		if (seen == 0)
			return DB_OK;
		if (total >= 0)
			printf("%s: re-sealed %llu of %lld\n", what, (unsigned long long)*done,
			    (long long)total);
		else
			printf("%s: re-sealed %llu\n", what, (unsigned long long)*done);
		fflush(stdout);
	}
}

static int
cmd_rotate(struct ctl *c, int argc, char **argv)
{
	const char *batch_arg = NULL, *pos[1];
	const struct opt opts[] = { { "--batch", &batch_arg }, { NULL, NULL } };
	const struct seal_key *cur;
	struct sealed_row *rows = NULL;
	MYSQL_BIND p[1];
	int64_t total = 0, cur_id;
	uint64_t done = 0, failed = 0, tdone = 0, tfailed = 0;
	long batch = 500;
	size_t npos;
	char detail[200];
	int rc, ret = 1;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (batch_arg != NULL && parse_count(batch_arg, 1, BATCH_MAX, &batch) != 0)
		return fail("--batch must be 1 to %d", BATCH_MAX);
	if (open_db(c) != 0)
		return 1;
	if ((cur = keyring_find(&c->sec.identity, c->sec.identity.current)) == NULL)
		return fail("the key file names no current identity key");
	if (!seal_alg_available(cur->alg))
		return fail("this OpenSSL cannot seal with the current key's cipher");
	if ((rows = calloc((size_t)batch, sizeof(*rows))) == NULL)
		return fail("out of memory");
	cur_id = cur->id;
	bind_i64(&p[0], &cur_id);
	if ((rc = count_rows(c, S_IDENTITY_COUNT, p, &total)) != DB_OK) {
		fail("counting identities: %s", db_reason(rc));
		goto out;
	}
	printf("identities: %lld not under key %lld\n", (long long)total, (long long)cur_id);
	if ((rc = rotate_all(c, rotate_identity_batch, cur, rows, batch, "identities", total,
	    &done, &failed)) != DB_OK) {
		fail("re-sealing identities: %s (run rotate again to continue)", db_reason(rc));
		goto out;
	}
	if ((rc = rotate_all(c, rotate_totp_batch, cur, rows, batch, "totp secrets", -1,
	    &tdone, &tfailed)) != DB_OK) {
		fail("re-sealing TOTP secrets: %s (run rotate again to continue)", db_reason(rc));
		goto out;
	}
	snprintf(detail, sizeof(detail), "key %lld: identities %llu of %lld, totp %llu, "
	    "failed %llu", (long long)cur_id, (unsigned long long)done, (long long)total,
	    (unsigned long long)tdone, (unsigned long long)(failed + tfailed));
	if ((rc = audit_write(c, "rotate_keys", 0, detail)) != DB_OK) {
		fail("writing the audit row: %s", db_reason(rc));
		goto out;
	}
	printf("rotate: %s\n", detail);
	if (failed + tfailed > 0) {
		fail("%llu records could not be opened: is an old key missing from the key file?",
		    (unsigned long long)(failed + tfailed));
		goto out;
	}
	ret = 0;
out:
	if (rows != NULL) {
		explicit_bzero(rows, (size_t)batch * sizeof(*rows));
		free(rows);
	}
	return ret;
}

/* ---- deadline sweep and mail ---- */

struct recipients {
	int64_t id[64];
	char    email[64][255];
	size_t  n;
};

static int
fetch_recipients(struct ctl *c, int stmt, MYSQL_BIND *p, struct recipients *to)
{
	MYSQL_BIND r[2];
	unsigned long len = 0;
	my_bool n1 = 0, n2 = 0;
	int64_t id = 0;
	char email[255];
	size_t i;
	int rc;

	bind_out_i64(&r[0], &id, &n1);
	bind_out_text(&r[1], email, sizeof(email), &len, &n2);
	if ((rc = db_exec(&c->db, stmt, p, r)) != DB_OK)
		return rc;
	while ((rc = db_fetch(&c->db, stmt)) == 1) {
		text_end(email, sizeof(email), len);
		/* The address goes into a mail header: only plain, valid ones. */
		if (len >= sizeof(email) || !valid_email(email, strlen(email))) {
			fprintf(stderr, "jubaoctl: staff %lld: e-mail address unusable, skipped\n",
			    (long long)id);
			continue;
		}
		for (i = 0; i < to->n; i++)
			if (to->id[i] == id)
				break;
		if (i < to->n || to->n >= sizeof(to->id) / sizeof(to->id[0]))
			continue;
		to->id[to->n] = id;
		memcpy(to->email[to->n], email, sizeof(email));
		to->n++;
	}
	db_done(&c->db, stmt);
	return rc < 0 ? rc : DB_OK;
}

static void
ticket_grouped(const char *t, char out[20])
{
	snprintf(out, 20, "%.4s %.4s %.4s %.4s", t, t + 4, t + 8, t + 12);
}

/* Mark one report overdue and queue its reminders, in one transaction. *marked false when
 * another sweep (or a state change) came first. */
static int
sweep_one(struct ctl *c, int64_t id, const char *today, bool *marked, size_t *queued,
    bool *nobody)
{
	MYSQL_BIND p[3], r[5];
	unsigned long l[5] = { 0, 0, 0, 0, 0 };
	my_bool n[5] = { 0, 0, 0, 0, 0 };
	char ticket[17], state[16], due[11], region[7], grouped[20], province[7], city[7];
	char subject[200], body[1024], detail[64];
	int64_t lead = 0;
	struct recipients to;
	size_t i;
	int rc;

	*marked = false;
	*nobody = false;
	*queued = 0;
	memset(&to, 0, sizeof(to));
	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	bind_i64(&p[0], &id);
	bind_text(&p[1], today, strlen(today));
	if ((rc = db_exec(&c->db, S_OVERDUE_MARK, p, NULL)) != DB_OK)
		goto undo;
	if (db_affected(&c->db, S_OVERDUE_MARK) != 1) {
		db_rollback(&c->db);
		return DB_OK;
	}
	bind_i64(&p[0], &id);
	bind_out_text(&r[0], ticket, sizeof(ticket), &l[0], &n[0]);
	bind_out_text(&r[1], state, sizeof(state), &l[1], &n[1]);
	bind_out_text(&r[2], due, sizeof(due), &l[2], &n[2]);
	bind_out_i64(&r[3], &lead, &n[3]);
	bind_out_text(&r[4], region, sizeof(region), &l[4], &n[4]);
	if ((rc = db_exec(&c->db, S_REPORT_BRIEF, p, r)) != DB_OK)
		goto undo;
	rc = db_fetch(&c->db, S_REPORT_BRIEF);
	db_done(&c->db, S_REPORT_BRIEF);
	if (rc != 1) {
		rc = rc < 0 ? rc : DB_FAIL;
		goto undo;
	}
	text_end(ticket, sizeof(ticket), l[0]);
	text_end(state, sizeof(state), l[1]);
	text_end(due, sizeof(due), l[2]);
	text_end(region, sizeof(region), l[4]);
	snprintf(detail, sizeof(detail), "due %s", due);
	if ((rc = audit_write(c, "overdue", id, detail)) != DB_OK)
		goto undo;
	/* Who answers for it: the lead department's handlers once transferred, else the
	 * intake staff of the 工信 departments over the report's place. */
	if (lead > 0) {
		bind_i64(&p[0], &lead);
		rc = fetch_recipients(c, S_HANDLERS, p, &to);
	} else {
		snprintf(province, sizeof(province), "%.2s0000", region);
		snprintf(city, sizeof(city), "%.4s00", region);
		bind_text(&p[0], province, strlen(province));
		bind_text(&p[1], city, strlen(city));
		bind_text(&p[2], region, strlen(region));
		rc = fetch_recipients(c, S_INTAKE_GONGXIN, p, &to);
	}
	if (rc != DB_OK)
		goto undo;
	/* The mail names the case, never the reporter nor what was reported. */
	ticket_grouped(ticket, grouped);
	snprintf(subject, sizeof(subject), "【举报办理超期提醒】受理编号 %s", grouped);
	snprintf(body, sizeof(body),
	    "您好：\n\n"
	    "以下举报已超过办理期限，请尽快办理。\n\n"
	    "受理编号：%s\n"
	    "当前状态：%s\n"
	    "办理期限：%s\n"
	    "办理页面：%s/admin/case?id=%lld\n\n"
	    "本邮件由举报平台自动发送，不含举报人信息和举报内容，请登录工作台查看。\n",
	    grouped, option_label(report_states, state), due, c->cfg.url_prefix,
	    (long long)id);
	for (i = 0; i < to.n; i++) {
		bind_text(&p[0], to.email[i], strlen(to.email[i]));
		bind_text(&p[1], subject, strlen(subject));
		bind_text(&p[2], body, strlen(body));
		if ((rc = db_exec(&c->db, S_MAIL_INSERT, p, NULL)) != DB_OK)
			goto undo;
	}
	if ((rc = db_commit(&c->db)) != DB_OK)
		goto undo;
	*marked = true;
	*queued = to.n;
	*nobody = to.n == 0;
	return DB_OK;
undo:
	db_rollback(&c->db);
	return rc;
}

/* base64 of in[0..len) into out (4 * ((len + 2) / 3) + 1 bytes). */
static size_t
b64(const void *in, size_t len, char *out)
{
	return (size_t)EVP_EncodeBlock((unsigned char *)out, in, (int)len);
}

/* RFC 2047 "B" encoded-words of a UTF-8 header value, each of 39 bytes of text at most (64
 * characters, so that "Subject: " and the first word stay within 76), cut between characters,
 * folded onto continuation lines. */
static int
header_encode(const char *s, char *out, size_t cap)
{
	size_t len = strlen(s), off = 0, n, used = 0, w;
	char enc[64];

	while (off < len) {
		n = len - off < 39 ? len - off : 39;
		/* do not cut a character: back up to a lead byte */
		while (n > 0 && off + n < len && ((unsigned char)s[off + n] & 0xc0) == 0x80)
			n--;
		if (n == 0)
			return -1;
		b64(s + off, n, enc);
		w = (size_t)snprintf(out + used, cap - used, "%s=?UTF-8?B?%s?=",
		    off > 0 ? "\n " : "", enc);
		if (w >= cap - used)
			return -1;
		used += w;
		off += n;
	}
	if (used == 0 && cap > 0)
		out[0] = '\0';
	return 0;
}

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Pipe msg to `path -t -oi` (fork and execv: no shell sees the message). 0 when it exited 0. */
static int
sendmail_pipe(const char *path, const char *msg, size_t len)
{
	char *const argv[] = { "sendmail", "-t", "-oi", NULL };
	int fds[2], status, ret = -1;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		/* The child keeps only the message as stdin, and stdout/stderr: not the
		 * database connection. */
		if (dup2(fds[0], STDIN_FILENO) == -1)
			_exit(127);
		closefrom(STDERR_FILENO + 1);
		execv(path, argv);
		_exit(127);
	}
	close(fds[0]);
	if (write_all(fds[1], msg, len) == 0)
		ret = 0;
	close(fds[1]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ret = -1;
	return ret;
}

/* The whole message: headers, then the body in base64 lines of 76. */
static char *
mail_message(const char *to, const char *subject, const char *body, size_t *len)
{
	char hdr[1024], line[80], *msg;
	size_t blen = strlen(body), cap, used, off, n;
	int w;

	if (header_encode(subject, hdr, sizeof(hdr)) != 0)
		return NULL;
	cap = strlen(to) + strlen(hdr) + 256 + (blen + 2) / 3 * 4 + blen / 57 + 2;
	if ((msg = malloc(cap)) == NULL)
		return NULL;
	w = snprintf(msg, cap, "To: %s\nSubject: %s\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n"
	    "Auto-Submitted: auto-generated\n\n", to, hdr);
	if (w < 0 || (size_t)w >= cap) {
		free(msg);
		return NULL;
	}
	used = (size_t)w;
	for (off = 0; off < blen; off += n) {
		n = blen - off < 57 ? blen - off : 57;
		b64(body + off, n, line);
		w = snprintf(msg + used, cap - used, "%s\n", line);
		if (w < 0 || (size_t)w >= cap - used) {
			free(msg);
			return NULL;
		}
		used += (size_t)w;
	}
	*len = used;
	return msg;
}

static int
send_queued(struct ctl *c, const char *path, uint64_t *sent, uint64_t *failed)
{
	MYSQL_BIND p[1], r[4];
	unsigned long l[4] = { 0, 0, 0, 0 };
	my_bool n[4] = { 0, 0, 0, 0 };
	struct mail {
		int64_t id;
		char    to[255];
		char    subject[801];
		char    body[8193];
	} *batch;
	int64_t after = 0, id = 0;
	char to[255], subject[801], body[8193], *msg;
	size_t nb, i, len;
	int rc = DB_OK;

	if ((batch = calloc(100, sizeof(*batch))) == NULL)
		return DB_FAIL;
	for (;;) {
		bind_i64(&p[0], &after);
		bind_out_i64(&r[0], &id, &n[0]);
		bind_out_text(&r[1], to, sizeof(to), &l[1], &n[1]);
		bind_out_text(&r[2], subject, sizeof(subject), &l[2], &n[2]);
		bind_out_text(&r[3], body, sizeof(body), &l[3], &n[3]);
		if ((rc = db_exec(&c->db, S_MAIL_UNSENT, p, r)) != DB_OK)
			break;
		nb = 0;
		while (nb < 100 && (rc = db_fetch(&c->db, S_MAIL_UNSENT)) == 1) {
			batch[nb].id = id;
			text_end(to, sizeof(to), l[1]);
			text_end(subject, sizeof(subject), l[2]);
			text_end(body, sizeof(body), l[3]);
			memcpy(batch[nb].to, to, sizeof(to));
			memcpy(batch[nb].subject, subject, sizeof(subject));
			memcpy(batch[nb].body, body, sizeof(body));
			nb++;
		}
		db_done(&c->db, S_MAIL_UNSENT);
		if (rc < 0)
			break;
		rc = DB_OK;
		if (nb == 0)
			break;
		for (i = 0; i < nb; i++) {
			after = batch[i].id;
			if (!valid_email(batch[i].to, strlen(batch[i].to)) ||
			    (msg = mail_message(batch[i].to, batch[i].subject, batch[i].body,
			    &len)) == NULL) {
				fprintf(stderr, "jubaoctl: mail %lld: cannot be made; "
				    "left queued\n", (long long)batch[i].id);
				(*failed)++;
				continue;
			}
			if (sendmail_pipe(path, msg, len) != 0) {
				fprintf(stderr, "jubaoctl: mail %lld: %s failed; left queued\n",
				    (long long)batch[i].id, path);
				(*failed)++;
				free(msg);
				continue;
			}
			free(msg);
			bind_i64(&p[0], &batch[i].id);
			if ((rc = db_exec(&c->db, S_MAIL_SENT, p, NULL)) != DB_OK)
				goto out;
			(*sent)++;
		}
	}
out:
	free(batch);
	return rc;
}

/* Today in Beijing (UTC+8, no daylight saving), whatever the machine's time zone. */
static cal_day
beijing_today(void)
{
	time_t now = time(NULL);

	return (cal_day)(((int64_t)now + 8 * 3600) / 86400);
}

static int
cmd_sweep(struct ctl *c, int argc, char **argv)
{
	const char *today_arg = NULL, *sendmail = SENDMAIL, *pos[1];
	const struct opt opts[] = {
		{ "--today", &today_arg }, { "--sendmail", &sendmail }, { NULL, NULL },
	};
	MYSQL_BIND p[2], r[1];
	my_bool isnull = 0;
	int64_t after = 0, id = 0, ids[500], unsent = 0;
	uint64_t nmarked = 0, nqueued = 0, nobody = 0, sent = 0, sendfail = 0;
	size_t npos, nids, i, q;
	cal_day day;
	char today[11];
	bool marked, none;
	int rc, tries;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (today_arg != NULL) {
		if (!cal_parse(today_arg, strlen(today_arg), &day))
			return fail("--today needs a date YYYY-MM-DD");
	} else
		day = beijing_today();
	cal_format(day, today);
	if (sendmail[0] != '/')
		return fail("--sendmail needs an absolute path");
	if (open_db(c) != 0)
		return 1;
	for (;;) {
		bind_text(&p[0], today, strlen(today));
		bind_i64(&p[1], &after);
		bind_out_i64(&r[0], &id, &isnull);
		if ((rc = db_exec(&c->db, S_OVERDUE_CANDIDATES, p, r)) != DB_OK)
			return fail("finding overdue reports: %s", db_reason(rc));
		nids = 0;
		while (nids < sizeof(ids) / sizeof(ids[0]) &&
		    (rc = db_fetch(&c->db, S_OVERDUE_CANDIDATES)) == 1)
			ids[nids++] = id;
		db_done(&c->db, S_OVERDUE_CANDIDATES);
		if (rc < 0)
			return fail("finding overdue reports: %s", db_reason(rc));
		if (nids == 0)
			break;
		for (i = 0; i < nids; i++) {
			for (tries = 0; tries < 3; tries++)
				if ((rc = sweep_one(c, ids[i], today, &marked, &q, &none)) !=
				    DB_RETRY)
					break;
			if (rc != DB_OK)
				return fail("marking report %lld overdue: %s", (long long)ids[i],
				    db_reason(rc));
			if (marked) {
				nmarked++;
				nqueued += q;
				if (none) {
					nobody++;
					fprintf(stderr, "jubaoctl: report %lld: no "
					    "responsible staff member has an e-mail address\n",
					    (long long)ids[i]);
				}
			}
		}
		after = ids[nids - 1];
	}
	printf("sweep: %s: %llu newly overdue, %llu reminders queued\n", today,
	    (unsigned long long)nmarked, (unsigned long long)nqueued);
	if (access(sendmail, X_OK) != 0) {
		if ((rc = count_rows(c, S_MAIL_UNSENT_COUNT, NULL, &unsent)) != DB_OK)
			return fail("counting queued mail: %s", db_reason(rc));
		printf("sweep: %s not found: %lld mails stay queued\n", sendmail,
		    (long long)unsent);
		return 0;
	}
	/* A reader gone from the pipe must not kill us between two mails. */
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
		return fail("signal: %s", strerror(errno));
	if ((rc = send_queued(c, sendmail, &sent, &sendfail)) != DB_OK)
		return fail("sending mail: %s", db_reason(rc));
	printf("sweep: %llu mails sent, %llu failed\n", (unsigned long long)sent,
	    (unsigned long long)sendfail);
	if (sendfail > 0)
		return fail("%llu mails could not be sent; they stay queued",
		    (unsigned long long)sendfail);
	return 0;
}

/* ---- export ---- */

/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * Free text that a spreadsheet would take for a formula (= + - @ and tab or CR at the start)
 * gets a leading apostrophe: the subject name is typed by the public (CSV injection). */
static void
csv_field(FILE *f, const char *s, bool free_text, bool last)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	bool guard = free_text && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
	fputs(last ? "\r\n" : ",", f);
}

static int
cmd_export(struct ctl *c, int argc, char **argv)
{
	const char *state = NULL, *pos[1];
	const struct opt opts[] = { { "--state", &state }, { NULL, NULL } };
	static const char *const header[] = {
		"ticket", "state", "category", "industry", "region", "subject_type",
		"subject_name", "submitted_at", "due_date", "overdue", "verdict",
	};
	enum { NCOL = 11 };
	char col[NCOL][404], grouped[20];
	unsigned long l[NCOL + 1];
	my_bool n[NCOL + 1];
	MYSQL_BIND p[3], r[NCOL + 1];
	int64_t after = 0, id = 0;
	uint64_t rows = 0, seen;
	size_t npos, i;
	int rc;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (state == NULL)
		state = "";
	else {
		const struct option *o;
		for (o = report_states; o->value != NULL; o++)
			if (strcmp(o->value, state) == 0)
				break;
		if (o->value == NULL)
			return fail("unknown state %s", state);
	}
	if (open_db(c) != 0)
		return 1;
	fputs("\xef\xbb\xbf", stdout);    /* the BOM tells Excel it is UTF-8 */
	for (i = 0; i < NCOL; i++)
		csv_field(stdout, header[i], false, i == NCOL - 1);
	for (;;) {
		bind_text(&p[0], state, strlen(state));
		bind_text(&p[1], state, strlen(state));
		bind_i64(&p[2], &after);
		bind_out_i64(&r[0], &id, &n[0]);
		for (i = 0; i < NCOL; i++)
			bind_out_text(&r[i + 1], col[i], sizeof(col[i]), &l[i + 1], &n[i + 1]);
		if ((rc = db_exec(&c->db, S_EXPORT, p, r)) != DB_OK)
			return fail("reading reports: %s", db_reason(rc));
		seen = 0;
		while ((rc = db_fetch(&c->db, S_EXPORT)) == 1) {
			for (i = 0; i < NCOL; i++)
				text_end(col[i], sizeof(col[i]), l[i + 1]);
			/* grouped like the receipt, so that a spreadsheet keeps it text and
			 * does not round 16 digits to 15 */
			ticket_grouped(col[0], grouped);
			csv_field(stdout, grouped, false, false);
			for (i = 1; i < NCOL; i++)
				csv_field(stdout, col[i], i == 6, i == NCOL - 1);
			after = id;
			seen++;
		}
		db_done(&c->db, S_EXPORT);
		if (rc < 0)
			return fail("reading reports: %s", db_reason(rc));
		rows += seen;
		if (seen == 0)
			break;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail("writing the CSV: %s", strerror(errno));
	fprintf(stderr, "jubaoctl: exported %llu reports\n", (unsigned long long)rows);
	return 0;
}

/* ---- migrations ---- */

struct migration {
	int  version;
	char name[256];
};

static int
cmp_migration(const void *a, const void *b)
{
	return strcmp(((const struct migration *)a)->name, ((const struct migration *)b)->name);
}

/* NNN_anything.sql */
static int
migration_version(const char *name)
{
	size_t len = strlen(name);

	if (len < 9 || !isdigit((unsigned char)name[0]) || !isdigit((unsigned char)name[1]) ||
	    !isdigit((unsigned char)name[2]) || name[3] != '_' ||
	    strcmp(name + len - 4, ".sql") != 0)
		return -1;
	return (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0');
}

static int
list_migrations(const char *dir, struct migration *m, size_t cap, size_t *n)
{
	DIR *d;
	struct dirent *e;
	size_t i;
	int v;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return fail("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if ((v = migration_version(e->d_name)) < 0)
			continue;
		if (*n >= cap || strlen(e->d_name) >= sizeof(m->name)) {
			closedir(d);
			return fail("%s: too many or too long migration names", dir);
		}
		m[*n].version = v;
		snprintf(m[*n].name, sizeof(m->name), "%s", e->d_name);
		(*n)++;
	}
	closedir(d);
	qsort(m, *n, sizeof(*m), cmp_migration);
	for (i = 1; i < *n; i++)
		if (m[i].version == m[i - 1].version)
			return fail("%s and %s have the same number", m[i - 1].name, m[i].name);
	return 0;
}

/* Drain every result of the statements just sent; 0, or the first error's number. */
static unsigned
drain(MYSQL *conn)
{
	MYSQL_RES *res;
	int st;

	do {
		if ((res = mysql_store_result(conn)) != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(conn) != 0)
			return mysql_errno(conn);
		if ((st = mysql_next_result(conn)) > 0)
			return mysql_errno(conn);
	} while (st == 0);
	return 0;
}

/* The versions recorded in schema_version (none when the table does not exist yet). */
static int
applied_versions(MYSQL *conn, bool applied[MIGRATIONS_MAX])
{
	static const char q[] = "SELECT version FROM schema_version";
	MYSQL_RES *res;
	MYSQL_ROW row;
	long v;

	memset(applied, 0, MIGRATIONS_MAX * sizeof(applied[0]));
	if (mysql_real_query(conn, q, sizeof(q) - 1) != 0) {
		if (mysql_errno(conn) == ER_NO_SUCH_TABLE)
			return 0;
		return fail("reading schema_version: %u %s", mysql_errno(conn), mysql_error(conn));
	}
	if ((res = mysql_store_result(conn)) == NULL)
		return fail("reading schema_version: %u %s", mysql_errno(conn), mysql_error(conn));
	while ((row = mysql_fetch_row(res)) != NULL)
		if (row[0] != NULL && parse_count(row[0], 0, MIGRATIONS_MAX - 1, &v) == 0)
			applied[v] = true;
	mysql_free_result(res);
	return 0;
}

static char *
read_file(const char *path, size_t *len)
{
	struct stat st;
	char *buf = NULL;
	ssize_t r;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size > (64 << 20) ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL)
		goto fail;
	while (got < (size_t)st.st_size) {
		if ((r = read(fd, buf + got, (size_t)st.st_size - got)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
fail:
	free(buf);
	close(fd);
	return NULL;
}

static int
cmd_migrate(struct ctl *c, int argc, char **argv)
{
	const char *dir = JUBAO_SQL_DIR, *user = NULL, *pw = NULL, *pos[1];
	const struct opt opts[] = {
		{ "--sql-dir", &dir }, { "--user", &user }, { NULL, NULL },
	};
	const char *init = "SET time_zone = '+08:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";
	struct migration *m = NULL;
	bool *applied = NULL;
	MYSQL *conn = NULL;
	unsigned timeout, local_infile = 0, e;
	char path[4096], *text;
	size_t n, i, len, npos, done = 0;
	int ret = 1;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (load_config(c, user == NULL) != 0)
		return 1;
	if (user != NULL) {
		if (c->cfg.db_socket[0] == '\0')
			return fail("--user needs db_socket in the configuration");
	} else {
		user = c->cfg.db_user;
		pw = c->cfg.db_password;
	}
	if ((m = calloc(MIGRATIONS_MAX, sizeof(*m))) == NULL ||
	    (applied = calloc(MIGRATIONS_MAX, sizeof(*applied))) == NULL) {
		fail("out of memory");
		goto out;
	}
	if (list_migrations(dir, m, MIGRATIONS_MAX, &n) != 0)
		goto out;
	if ((conn = mysql_init(NULL)) == NULL) {
		fail("mysql_init: out of memory");
		goto out;
	}
	timeout = c->cfg.db_timeout;
	if (mysql_optionsv(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_optionsv(conn, MYSQL_OPT_LOCAL_INFILE, &local_infile) != 0 ||
	    mysql_optionsv(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout) != 0 ||
	    mysql_optionsv(conn, MYSQL_INIT_COMMAND, init) != 0) {
		fail("mysql_optionsv failed");
		goto out;
	}
	/* No read time-out: a migration may take its time. */
	if (mysql_real_connect(conn, c->cfg.db_socket[0] ? NULL : c->cfg.db_host, user, pw,
	    c->cfg.db_name, c->cfg.db_socket[0] ? 0 : c->cfg.db_port,
	    c->cfg.db_socket[0] ? c->cfg.db_socket : NULL, CLIENT_MULTI_STATEMENTS) == NULL) {
		fail("connect to %s as %s: %u %s", c->cfg.db_name, user, mysql_errno(conn),
		    mysql_error(conn));
		goto out;
	}
	if (applied_versions(conn, applied) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (applied[m[i].version])
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, m[i].name) >= sizeof(path)) {
			fail("%s: path too long", m[i].name);
			goto out;
		}
		if ((text = read_file(path, &len)) == NULL) {
			fail("%s: cannot read: %s", path, strerror(errno));
			goto out;
		}
		printf("migrate: applying %s\n", m[i].name);
		fflush(stdout);
		e = mysql_real_query(conn, text, len) != 0 ? mysql_errno(conn) : drain(conn);
		free(text);
		if (e != 0) {
			fail("%s: %u %s (stopped; statements before the error stay applied)",
			    m[i].name, e, mysql_error(conn));
			goto out;
		}
		/* Each file records itself as its last statement; one that does not would be
		 * applied again next time. */
		if (applied_versions(conn, applied) != 0)
			goto out;
		if (!applied[m[i].version]) {
			fail("%s ran but did not record version %d in schema_version", m[i].name,
			    m[i].version);
			goto out;
		}
		done++;
	}
	if (done == 0)
		printf("migrate: nothing to do (%zu files, all applied)\n", n);
	else
		printf("migrate: %zu applied\n", done);
	ret = 0;
out:
	if (conn != NULL)
		mysql_close(conn);
	free(m);
	free(applied);
	return ret;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct ctl *, int, char **);
	} cmds[] = {
		{ "migrate", cmd_migrate },
		{ "create-admin", cmd_create_admin },
		{ "reset-password", cmd_reset_password },
		{ "demo", cmd_demo },
		{ "rotate", cmd_rotate },
		{ "sweep", cmd_sweep },
		{ "export", cmd_export },
	};
	struct ctl c;
	const char *env;
	size_t i;
	int argi = 1, ret;

	log_init("jubaoctl");
	memset(&c, 0, sizeof(c));
	c.conf_path = (env = getenv("JUBAO_CONF")) != NULL && env[0] != '\0' ? env :
	    DEFAULT_CONF;
	if (argi < argc && strcmp(argv[argi], "-c") == 0) {
		if (argi + 1 >= argc)
			return fail("-c needs a file");
		c.conf_path = argv[argi + 1];
		argi += 2;
	}
	if (argi >= argc) {
		fputs(usage_text, stderr);
		return 1;
	}
	if (strcmp(argv[argi], "help") == 0 || strcmp(argv[argi], "--help") == 0 ||
	    strcmp(argv[argi], "-h") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[argi], cmds[i].name) == 0)
			break;
	if (i == sizeof(cmds) / sizeof(cmds[0]))
		return fail("unknown command %s (see jubaoctl help)", argv[argi]);
	ret = cmds[i].fn(&c, argc - argi - 1, argv + argi + 1);
	ctl_close(&c);
	return ret;
}
