/*
 * jubaoctl restore DIR: a backup made by jubaoctl backup (backup.h) back into the configured
 * database and attachment store.
 *
 * Nothing is touched before every file of the MANIFEST has been read and found with its size
 * and SHA-256; a directory without a complete MANIFEST is a backup that did not finish and is
 * refused. The database must be empty, that is without a schema_version row (a server with the
 * database and the accounts made, before the first migrate); --force first drops every table of
 * a database that is not, so that it holds exactly what the backup held. The dump is then loaded
 * with the mariadb client, the attachments are copied into the store (each sum checked again as
 * it is written, temporary name, fsync, rename), and one audit row records the restore. A backup
 * of an older schema is brought up to date afterwards by jubaoctl migrate.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "crypto.h"
#include "jubaoctl.h"

static int
check_entry(const char *dir, const struct bk_entry *e)
{
	char path[4096];
	uint8_t sha[32];
	uint64_t size;

	if (bk_join(path, sizeof(path), dir, e->path) != 0 ||
	    bk_hash_file(path, false, sha, &size) != 0)
		return 1;
	if (size != e->size || memcmp(sha, e->sha, 32) != 0)
		return fail("%s: size or SHA-256 differs from the MANIFEST: the backup is damaged",
		    path);
	return 0;
}

/* Drop every table of the connection's database (--force). 0 ok, 1 reported. */
static int
drop_tables(MYSQL *conn)
{
	static const char q[] = "SELECT table_name FROM information_schema.tables "
	    "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'";
	char sql[600], name[200];
	MYSQL_RES *res;
	MYSQL_ROW row;
	size_t i, j;
	int rc = 0;

	if (mysql_query(conn, "SET FOREIGN_KEY_CHECKS = 0") != 0 ||
	    mysql_real_query(conn, q, sizeof(q) - 1) != 0 ||
	    (res = mysql_store_result(conn)) == NULL)
		return fail("listing tables: %u %s", mysql_errno(conn), mysql_error(conn));
	while (rc == 0 && (row = mysql_fetch_row(res)) != NULL) {
		/* An identifier from the server itself, quoted with its backquotes doubled. Not a
		 * prepared statement: DROP TABLE takes no parameters, and what varies here is a
		 * table name the server listed, never a value from an operator or the network. */
		for (i = j = 0; row[0] != NULL && row[0][i] != '\0' && j + 2 < sizeof(name); i++) {
			if (row[0][i] == '`')
				name[j++] = '`';
			name[j++] = row[0][i];
		}
		name[j] = '\0';
		snprintf(sql, sizeof(sql), "DROP TABLE `%s`", name);
		if (row[0] == NULL || row[0][i] != '\0' || mysql_query(conn, sql) != 0)
			rc = fail("dropping %s: %u %s", name, mysql_errno(conn), mysql_error(conn));
	}
	mysql_free_result(res);
	return rc;
}

/* Refuse a database with a schema (unless force: then empty it). 0 ok, 1 reported. */
static int
check_empty(const struct config *cfg, const char *user, bool force)
{
	bool *applied;
	MYSQL *conn = NULL;
	int rc = 1, v;

	if ((applied = calloc(MIGRATIONS_MAX, sizeof(*applied))) == NULL)
		return fail("out of memory");
	if ((conn = migrate_connect(cfg, user, NULL)) == NULL ||
	    applied_versions(conn, applied) != 0)
		goto out;
	for (v = 0; v < MIGRATIONS_MAX && !applied[v]; v++)
		;
	if (v == MIGRATIONS_MAX)
		rc = 0;
	else if (!force)
		fail("database %s is not empty (schema_version has rows); restore goes into an "
		    "empty database, or --force replaces every table", cfg->db_name);
	else
		rc = drop_tables(conn);
out:
	if (conn != NULL)
		mysql_close(conn);
	free(applied);
	return rc;
}

/* Load db.sql with the mariadb client, from the descriptor whose content was just checked. */
static int
load_dump(const struct config *cfg, const char *user, const char *dir, const struct bk_entry *e)
{
	char u[128], s[300], path[4096];
	char *argv[] = { "mariadb", "--no-defaults", u, s, "--default-character-set=utf8mb4",
	    "--binary-mode", (char *)cfg->db_name, NULL };
	uint8_t sha[32];
	uint64_t size;
	int fd, rc;

	if ((size_t)snprintf(u, sizeof(u), "--user=%s", user) >= sizeof(u) ||
	    (size_t)snprintf(s, sizeof(s), "--socket=%s", cfg->db_socket) >= sizeof(s) ||
	    bk_join(path, sizeof(path), dir, e->path) != 0)
		return fail("user, socket or directory name too long");
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return fail("%s: %s", path, strerror(errno));
	if (bk_hash_fd(fd, sha, &size) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		rc = fail("%s: %s", path, strerror(errno));
	else if (size != e->size || memcmp(sha, e->sha, 32) != 0)
		rc = fail("%s changed since it was checked", path);
	else
		rc = bk_run(argv, fd);
	close(fd);
	return rc;
}

/* One attachment into the store; one that is there already must be the same. */
static int
restore_file(const char *store, const char *dir, const struct bk_entry *e)
{
	const char *rel = e->path + sizeof(BK_ATT);      /* "ab/<name>" */
	char from[4096], sub[4096], to[4096], tmp[4096];
	uint8_t sha[32];
	uint64_t size;

	if (bk_join(from, sizeof(from), dir, e->path) != 0 ||
	    bk_join(to, sizeof(to), store, rel) != 0 ||
	    (size_t)snprintf(sub, sizeof(sub), "%s/%.2s", store, rel) >= sizeof(sub) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.tmp-%s", sub, rel + 3) >= sizeof(tmp))
		return fail("%s: path too long", store);
	if (access(to, F_OK) == 0) {
		if (bk_hash_file(to, false, sha, &size) != 0)
			return 1;
		if (size != e->size || memcmp(sha, e->sha, 32) != 0)
			return fail("%s exists and differs from the backup's copy", to);
		return 0;
	}
	if (mkdir(sub, 0750) != 0 && errno != EEXIST)
		return fail("%s: %s", sub, strerror(errno));
	if (bk_copy(from, tmp, sha, &size) != 0)
		return 1;
	if (size != e->size || memcmp(sha, e->sha, 32) != 0) {
		unlink(tmp);
		return fail("%s changed since it was checked", from);
	}
	if (rename(tmp, to) != 0) {
		unlink(tmp);
		return fail("%s: %s", to, strerror(errno));
	}
	return bk_fsync_dir(sub);
}

static int
audit_restore(struct ctl *c, const char *user, const struct bk_manifest *m)
{
	char detail[200];
	int rc;

	if (open_db_as(c, user) != 0)
		return 1;
	snprintf(detail, sizeof(detail), "backup of %s, schema %ld, %zu attachments", m->created,
	    m->schema, m->n - 1);
	if ((rc = db_begin(&c->db)) == DB_OK && (rc = ctl_audit(c, "restore", 0, detail)) == DB_OK)
		rc = db_commit(&c->db);
	if (rc != DB_OK) {
		db_rollback(&c->db);
		return fail("restored, but the audit row failed: %s", db_reason(rc));
	}
	return 0;
}

/* Every file checked, the database emptied or found empty, the dump loaded, the files copied. */
static int
restore(struct ctl *c, const char *user, const char *dir, bool force,
    const struct bk_manifest *m)
{
	const struct bk_entry *dump = NULL;
	size_t i;

	for (i = 0; i < m->n; i++) {
		if (check_entry(dir, &m->e[i]) != 0)
			return 1;
		if (strcmp(m->e[i].path, BK_DUMP) == 0)
			dump = &m->e[i];
	}
	if (strcmp(m->database, c->cfg.db_name) != 0)
		printf("restore: the backup is of database %s; loading it into %s\n", m->database,
		    c->cfg.db_name);
	if (check_empty(&c->cfg, user, force) != 0 || load_dump(&c->cfg, user, dir, dump) != 0)
		return 1;
	for (i = 0; i < m->n; i++)
		if (&m->e[i] != dump &&
		    restore_file(c->cfg.attachment_dir, dir, &m->e[i]) != 0)
			return 1;
	if (bk_fsync_dir(c->cfg.attachment_dir) != 0)
		return 1;
	printf("restore: %s: database %s at schema %ld, %zu attachments (backup of %s)\n", dir,
	    c->cfg.db_name, m->schema, m->n - 1, m->created);
	return audit_restore(c, user, m);
}

int
cmd_restore(struct ctl *c, int argc, char **argv)
{
	const char *user = "root", *pos[1];
	bool force = false;
	const struct opt opts[] = {
		{ "--user", &user, NULL }, { "--force", NULL, &force }, { NULL, NULL, NULL },
	};
	struct bk_manifest m;
	size_t npos;
	int ret;

	if (parse_args(argc, argv, opts, pos, 1, &npos) != 0)
		return 1;
	if (npos != 1)
		return fail("restore needs a backup directory (see jubaoctl help)");
	if (load_config(c, false) != 0)
		return 1;
	if (c->cfg.db_socket[0] == '\0')
		return fail("restore needs db_socket in the configuration");
	if (bk_read_manifest(pos[0], &m) != 0)
		return 1;
	ret = restore(c, user, pos[0], force, &m);
	bk_free(&m);
	return ret;
}
