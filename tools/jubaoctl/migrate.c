/* jubaoctl migrate: the one migration runner. It sends the text of the pending sql/NNN_*.sql
 * files as they are (DDL cannot be prepared; the files carry no values from anyone). */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysqld_error.h>

#include "jubaoctl.h"

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
int
applied_versions(MYSQL *conn, bool applied[MIGRATIONS_MAX])
{
	/* A constant statement, without a value: run as text because it must also work before
	 * the table exists (ER_NO_SUCH_TABLE), when a prepared statement could not be made. */
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

/* A connection for migrations: several statements per query, no read time-out (a migration
 * may take its time). NULL when it failed (reported). */
MYSQL *
migrate_connect(const struct config *cfg, const char *user, const char *pw)
{
	const char *init = "SET time_zone = '+08:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";
	unsigned timeout = cfg->db_timeout, local_infile = 0;
	MYSQL *conn;

	if ((conn = mysql_init(NULL)) == NULL) {
		fail("mysql_init: out of memory");
		return NULL;
	}
	if (mysql_optionsv(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_optionsv(conn, MYSQL_OPT_LOCAL_INFILE, &local_infile) != 0 ||
	    mysql_optionsv(conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout) != 0 ||
	    mysql_optionsv(conn, MYSQL_INIT_COMMAND, init) != 0) {
		fail("mysql_optionsv failed");
		mysql_close(conn);
		return NULL;
	}
	if (mysql_real_connect(conn, cfg->db_socket[0] ? NULL : cfg->db_host, user, pw,
	    cfg->db_name, cfg->db_socket[0] ? 0 : cfg->db_port,
	    cfg->db_socket[0] ? cfg->db_socket : NULL, CLIENT_MULTI_STATEMENTS) == NULL) {
		fail("connect to %s as %s: %u %s", cfg->db_name, user, mysql_errno(conn),
		    mysql_error(conn));
		mysql_close(conn);
		return NULL;
	}
	return conn;
}

/* Apply one migration file and check that it recorded itself. 0 ok, 1 reported. */
static int
apply_one(MYSQL *conn, const char *dir, const struct migration *m, bool *applied)
{
	char path[4096], *text;
	size_t len;
	unsigned e;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, m->name) >= sizeof(path))
		return fail("%s: path too long", m->name);
	if ((text = read_file(path, &len)) == NULL)
		return fail("%s: cannot read: %s", path, strerror(errno));
	printf("migrate: applying %s\n", m->name);
	fflush(stdout);
	/* A migration file is the project's own DDL script, several statements and no value
	 * from outside: it cannot be one prepared statement, so it runs as a multi-statement
	 * text (the root connection allows that for migrate only). */
	e = mysql_real_query(conn, text, len) != 0 ? mysql_errno(conn) : drain(conn);
	free(text);
	if (e != 0)
		return fail("%s: %u %s (stopped; statements before the error stay applied)",
		    m->name, e, mysql_error(conn));
	/* Each file records itself as its last statement; one that does not would be applied
	 * again next time. */
	if (applied_versions(conn, applied) != 0)
		return 1;
	if (!applied[m->version])
		return fail("%s ran but did not record version %d in schema_version", m->name,
		    m->version);
	return 0;
}

/* --dry-run: the pending files, in the order they would be applied; nothing is sent. */
static void
list_pending(const struct migration *m, size_t n, const bool *applied)
{
	size_t i, pending = 0;

	for (i = 0; i < n; i++) {
		if (applied[m[i].version])
			continue;
		printf("migrate: would apply %s\n", m[i].name);
		pending++;
	}
	printf("migrate: %zu pending of %zu files (dry run: nothing applied)\n", pending, n);
}

int
cmd_migrate(struct ctl *c, int argc, char **argv)
{
	const char *dir = JUBAO_SQL_DIR, *user = NULL, *pw = NULL, *pos[1];
	bool dry_run = false;
	const struct opt opts[] = {
		{ "--sql-dir", &dir, NULL }, { "--user", &user, NULL },
		{ "--dry-run", NULL, &dry_run }, { NULL, NULL, NULL },
	};
	struct migration *m = NULL;
	bool *applied = NULL;
	MYSQL *conn = NULL;
	size_t n, i, npos, done = 0;
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
	if (list_migrations(dir, m, MIGRATIONS_MAX, &n) != 0 ||
	    (conn = migrate_connect(&c->cfg, user, pw)) == NULL ||
	    applied_versions(conn, applied) != 0)
		goto out;
	if (dry_run) {
		list_pending(m, n, applied);
		ret = 0;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (applied[m[i].version])
			continue;
		if (apply_one(conn, dir, &m[i], applied) != 0)
			goto out;
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
