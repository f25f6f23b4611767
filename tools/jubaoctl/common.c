/* jubaoctl: what the commands share: messages, arguments, the configuration and the database,
 * the audit row, passwords and new staff accounts. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "auth.h"
#include "jubaoctl.h"
#include "queries.h"

int
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

int
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
		if (o->flag != NULL) {
			if (eq != NULL) {
				fail("%s takes no value", o->name);
				return -1;
			}
			*o->flag = true;
		} else if (eq != NULL)
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

int
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

int
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

/* jubaoctl's statement table: the main one (queries[]) below CQ_FIRST, its own (ctl_queries[])
 * from there; see lib/queries.h. This is how lib/audit.c, which runs Q_AUDIT_INSERT, writes
 * jubaoctl's audit rows on the same connection and so inside the same transaction as the change
 * they record. A second handle for the audit would commit it apart from the change; an audit
 * statement of jubaoctl's own would write the audit SQL twice. Preparing the whole main table
 * costs a few milliseconds, once per run. */
static const char *ctl_sql[CQ__MAX];

/* The web programs' db_timeout (a few seconds) exists to answer a waiting citizen quickly;
 * jubaoctl's statements are long by nature (publish reads every entry of every list, a rebuild
 * or an export reads whole tables) and a person or cron waits for them, so it allows this long
 * for an answer before it calls the server gone (connecting keeps the configured time-out). */
#define CTL_DB_TIMEOUT 120

static int
connect_ctl(struct ctl *c)
{
	size_t i;

	c->cfg.db_rw_timeout = CTL_DB_TIMEOUT;
	for (i = 0; i < CQ__MAX; i++)
		ctl_sql[i] = i < CQ_FIRST ? queries[i] : ctl_queries[i];
	db_init(&c->db, &c->cfg, ctl_sql, CQ__MAX);
	c->have_db = true;
	if (db_connect(&c->db) != DB_OK)
		return fail("cannot connect to database %s as %s", c->cfg.db_name, c->cfg.db_user);
	return 0;
}

int
open_db(struct ctl *c)
{

	if (load_config(c, true) != 0)
		return 1;
	return connect_ctl(c);
}

int
open_db_as(struct ctl *c, const char *user)
{
	if (c->cfg.db_socket[0] == '\0')
		return fail("--user needs db_socket in the configuration");
	if ((size_t)snprintf(c->cfg.db_user, sizeof(c->cfg.db_user), "%s", user) >=
	    sizeof(c->cfg.db_user))
		return fail("user name too long");
	c->cfg.db_password[0] = '\0';
	return connect_ctl(c);
}

void
ctl_close(struct ctl *c)
{
	if (c->have_db)
		db_close(&c->db);
	if (c->have_sec)
		secrets_wipe(&c->sec);
	explicit_bzero(c->cfg.db_password, sizeof(c->cfg.db_password));
}

const char *
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

int
ctl_audit(struct ctl *c, const char *action, int64_t report_id, const char *detail)
{
	const struct audit_entry e = {
		.at = (int64_t)time(NULL),
		.staff_id = 0,
		.login = ACTOR,
		.action = action,
		.report_id = report_id,
		.detail = detail,
		.client = "",
	};

	return audit_write(&c->db, &e);
}

int
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

void
ticket_grouped(const char *t, char out[20])
{
	snprintf(out, 20, "%.4s %.4s %.4s %.4s", t, t + 4, t + 8, t + 12);
}

/* ---- passwords and staff accounts ---- */

int
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

int
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

int
staff_id_by_login(struct ctl *c, const char *login, int64_t *id)
{
	MYSQL_BIND p[1], r[1];
	my_bool isnull = 0;
	int rc;

	*id = 0;
	bind_text(&p[0], login, strlen(login));
	bind_out_i64(&r[0], id, &isnull);
	if ((rc = db_exec(&c->db, CQ_STAFF_BY_LOGIN, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, CQ_STAFF_BY_LOGIN);
	db_done(&c->db, CQ_STAFF_BY_LOGIN);
	if (rc < 0)
		return rc;
	if (rc == 0)
		*id = 0;
	return DB_OK;
}

int
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
		if ((rc = db_exec(&c->db, CQ_STAFF_INSERT, p, NULL)) != DB_OK)
			goto undo;
		id = (int64_t)db_insert_id(&c->db, CQ_STAFF_INSERT);
		for (i = 0; i < ns->nroles; i++) {
			bind_i64(&p[0], &id);
			bind_text(&p[1], ns->roles[i], strlen(ns->roles[i]));
			bind_i64(&p[2], &ns->department);
			if ((rc = db_exec(&c->db, CQ_ROLE_INSERT, p, NULL)) != DB_OK)
				goto undo;
		}
		if ((rc = ctl_audit(c, "create_user", 0, ns->detail)) != DB_OK)
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

int
write_renamed(const char *path, bool by_name, tmp_fill fill, void *arg)
{
	char tmp[4096];
	FILE *f = NULL;
	int bad;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return fail("--out: the path is too long");
	if (by_name) {
		bad = fill(arg, tmp, NULL);
		if (!bad && (f = fopen(tmp, "r")) == NULL)
			bad = fail("%s: %s", tmp, strerror(errno));
	} else if ((f = fopen(tmp, "w")) == NULL)
		return fail("%s: %s", tmp, strerror(errno));
	else
		bad = fill(arg, tmp, f);
	if (f != NULL) {
		if (fsync(fileno(f)) != 0 && !bad)
			bad = fail("%s: %s", tmp, strerror(errno));
		if (fclose(f) != 0 && !bad)
			bad = fail("%s: %s", tmp, strerror(errno));
	}
	if (!bad && rename(tmp, path) != 0)
		bad = fail("%s: %s", path, strerror(errno));
	if (bad)
		(void)unlink(tmp);
	return bad;
}
