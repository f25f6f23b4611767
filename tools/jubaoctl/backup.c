/*
 * jubaoctl backup DIR: the database and the attachment store into a new directory, with a
 * MANIFEST of SHA-256 sums written last (backup.h gives the layout).
 *
 * The database is dumped with mariadb-dump --single-transaction, not copied with mariabackup:
 * every table is InnoDB, so one REPEATABLE READ transaction gives a consistent snapshot without
 * locking the programs that keep writing; the result is SQL text that loads into an empty
 * server of the same or a newer MariaDB (mariabackup's copy needs the same server version and
 * a prepare step, and restores a whole server, grants and all, not our one database). At the
 * size of this database (tens of thousands of reports) a dump takes seconds. No LOCK TABLES in
 * the dump (--skip-add-locks): a Galera cluster does not replicate table locks (issue 11).
 *
 * Order: the dump first, then the attachments. lib/store.c writes a file (temporary name,
 * fsync, rename) before the report or reply that names it commits (lib/reportform.c and
 * cgi/status.c call store_put_all before report_save / report_reply), and files are never
 * deleted once their row exists; so every file the dump names is already in the store when the
 * copy starts. Files written after the dump are copied too, harmless orphans nothing points to.
 *
 * The key files are never read here, and DIR may not lie in the directory of the key file or in
 * the attachment store: the identity keys are kept apart from the backup (README, Operations).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "backup.h"
#include "jubaoctl.h"

/* Is path (resolved) dir itself or below it? false when dir cannot be resolved. */
static bool
is_under(const char *path, const char *dir)
{
	char d[PATH_MAX];
	size_t n;

	if (dir[0] == '\0' || realpath(dir, d) == NULL)
		return false;
	n = strlen(d);
	return strncmp(path, d, n) == 0 && (path[n] == '\0' || path[n] == '/' || n == 1);
}

/* The directory of the key file ("." when it names none). */
static void
key_dir(const struct config *cfg, char *out, size_t cap)
{
	const char *slash = strrchr(cfg->key_file, '/');

	if (slash == NULL)
		snprintf(out, cap, "%s", cfg->key_file[0] ? "." : "");
	else
		snprintf(out, cap, "%.*s", (int)(slash - cfg->key_file + (slash == cfg->key_file)),
		    cfg->key_file);
}

/* Make DIR (mode 0700) or take an existing empty one; refuse one among the keys or in the
 * store. 0 ok, 1 reported. */
static int
make_dir(const struct config *cfg, const char *dir)
{
	char real[PATH_MAX], keys[sizeof(cfg->key_file)];
	struct dirent *e;
	DIR *d;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return fail("%s: %s", dir, strerror(errno));
	if (realpath(dir, real) == NULL || (d = opendir(dir)) == NULL)
		return fail("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			break;
	closedir(d);
	if (e != NULL)
		return fail("%s is not empty: a backup goes into a new directory", dir);
	key_dir(cfg, keys, sizeof(keys));
	if (is_under(real, keys) || is_under(real, cfg->attachment_dir)) {
		rmdir(dir);
		return fail("%s is inside the key file's directory or the attachment store: keep "
		    "backups apart from both", dir);
	}
	return 0;
}

/* The highest applied migration: the schema the dump holds. 0 ok, 1 reported. */
static int
schema_of(const struct config *cfg, const char *user, long *schema)
{
	bool *applied;
	MYSQL *conn;
	int rc = 1, v;

	*schema = 0;
	if ((applied = calloc(MIGRATIONS_MAX, sizeof(*applied))) == NULL)
		return fail("out of memory");
	if ((conn = migrate_connect(cfg, user, NULL)) != NULL &&
	    (rc = applied_versions(conn, applied)) == 0)
		for (v = 0; v < MIGRATIONS_MAX; v++)
			if (applied[v])
				*schema = v;
	if (conn != NULL)
		mysql_close(conn);
	free(applied);
	if (rc == 0 && *schema == 0)
		return fail("database %s has no schema (nothing to back up)", cfg->db_name);
	return conn == NULL ? 1 : rc;
}

static int
dump_db(const struct config *cfg, const char *user, const char *dir, struct bk_manifest *m)
{
	char u[128], s[300], out[4096], path[4096];
	char *argv[] = { "mariadb-dump", "--no-defaults", u, s, "--single-transaction",
	    "--quick", "--skip-add-locks", "--routines", "--triggers", "--hex-blob",
	    "--default-character-set=utf8mb4", out, (char *)cfg->db_name, NULL };
	uint8_t sha[32];
	uint64_t size;

	if ((size_t)snprintf(u, sizeof(u), "--user=%s", user) >= sizeof(u) ||
	    (size_t)snprintf(s, sizeof(s), "--socket=%s", cfg->db_socket) >= sizeof(s) ||
	    bk_join(path, sizeof(path), dir, BK_DUMP) != 0 ||
	    (size_t)snprintf(out, sizeof(out), "--result-file=%s", path) >= sizeof(out))
		return fail("user, socket or directory name too long");
	if (bk_run(argv, -1) != 0)
		return 1;
	if (bk_hash_file(path, true, sha, &size) != 0)
		return 1;
	return bk_add(m, BK_DUMP, sha, size);
}

/* Copy the store's subdirectory sub ("ab") into dir/attachments/ab. 0 ok, 1 reported. */
static int
copy_sub(const char *store, const char *sub, const char *dir, struct bk_manifest *m)
{
	char subdir[4096], from[4096], to[4096], rel[BK_PATH_MAX], todir[4096];
	struct dirent *e;
	uint8_t sha[32];
	uint64_t size;
	DIR *d;
	int rc = 1;

	if (bk_join(subdir, sizeof(subdir), store, sub) != 0)
		return 1;
	if ((size_t)snprintf(todir, sizeof(todir), "%s/%s/%s", dir, BK_ATT, sub) >= sizeof(todir))
		return fail("%s: path too long", dir);
	if ((d = opendir(subdir)) == NULL)
		return fail("%s: %s", subdir, strerror(errno));
	if (mkdir(todir, 0700) != 0 && errno != EEXIST) {
		fail("%s: %s", todir, strerror(errno));
		goto out;
	}
	while ((e = readdir(d)) != NULL) {
		/* Only finished files: a ".tmp-…" one belongs to an upload still under way. */
		if (!bk_store_name(e->d_name) || strncmp(e->d_name, sub, 2) != 0)
			continue;
		snprintf(rel, sizeof(rel), "%s/%.2s/%.32s", BK_ATT, sub, e->d_name);
		if (bk_join(from, sizeof(from), store, rel + sizeof(BK_ATT)) != 0 ||
		    bk_join(to, sizeof(to), dir, rel) != 0 ||
		    bk_copy(from, to, sha, &size) != 0 || bk_add(m, rel, sha, size) != 0)
			goto out;
	}
	rc = bk_fsync_dir(todir);
out:
	closedir(d);
	return rc;
}

static int
copy_store(const char *store, const char *dir, struct bk_manifest *m)
{
	char att[4096];
	struct dirent *e;
	DIR *d;
	int rc = 0;

	if (bk_join(att, sizeof(att), dir, BK_ATT) != 0)
		return 1;
	if (mkdir(att, 0700) != 0)
		return fail("%s: %s", att, strerror(errno));
	if ((d = opendir(store)) == NULL)
		return fail("%s: %s", store, strerror(errno));
	while (rc == 0 && (e = readdir(d)) != NULL)
		if (strlen(e->d_name) == 2 && strspn(e->d_name, "0123456789abcdef") == 2)
			rc = copy_sub(store, e->d_name, dir, m);
	closedir(d);
	return rc != 0 ? 1 : bk_fsync_dir(att);
}

static int
audit_backup(struct ctl *c, const char *user, const struct bk_manifest *m, uint64_t bytes)
{
	char detail[200];
	int rc;

	if (open_db_as(c, user) != 0)
		return 1;
	snprintf(detail, sizeof(detail), "schema %ld, %zu attachments, %llu bytes", m->schema,
	    m->n - 1, (unsigned long long)bytes);
	if ((rc = db_begin(&c->db)) == DB_OK && (rc = ctl_audit(c, "backup", 0, detail)) == DB_OK)
		rc = db_commit(&c->db);
	if (rc != DB_OK) {
		db_rollback(&c->db);
		return fail("the backup is complete but its audit row failed: %s", db_reason(rc));
	}
	return 0;
}

int
cmd_backup(struct ctl *c, int argc, char **argv)
{
	const char *user = "root", *pos[1];
	const struct opt opts[] = { { "--user", &user, NULL }, { NULL, NULL, NULL } };
	struct bk_manifest m;
	uint64_t bytes = 0;
	time_t now = time(NULL);
	size_t npos, i;
	bool written = false;
	int ret = 1;

	memset(&m, 0, sizeof(m));
	if (parse_args(argc, argv, opts, pos, 1, &npos) != 0)
		return 1;
	if (npos != 1)
		return fail("backup needs a directory (see jubaoctl help)");
	if (load_config(c, false) != 0)
		return 1;
	if (c->cfg.db_socket[0] == '\0')
		return fail("backup needs db_socket in the configuration");
	/* The dump holds password hashes and sealed identities: for the operator's eyes only. */
	umask(077);
	if (make_dir(&c->cfg, pos[0]) != 0)
		return 1;
	if (schema_of(&c->cfg, user, &m.schema) != 0)
		goto out;
	strftime(m.created, sizeof(m.created), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	snprintf(m.database, sizeof(m.database), "%s", c->cfg.db_name);
	if (dump_db(&c->cfg, user, pos[0], &m) != 0 ||
	    copy_store(c->cfg.attachment_dir, pos[0], &m) != 0 ||
	    bk_write_manifest(pos[0], &m) != 0)
		goto out;
	written = true;
	for (i = 0; i < m.n; i++)
		bytes += m.e[i].size;
	printf("backup: %s: database %s at schema %ld, %zu attachments, %llu bytes\n", pos[0],
	    m.database, m.schema, m.n - 1, (unsigned long long)bytes);
	ret = audit_backup(c, user, &m, bytes);
out:
	if (ret != 0 && !written)
		fprintf(stderr, "jubaoctl: %s has no MANIFEST: restore refuses it; remove it\n",
		    pos[0]);
	bk_free(&m);
	return ret;
}
