/*
 * What jubaoctl backup and restore share (backupio.c): the manifest, copying and hashing files,
 * running a MariaDB client program.
 *
 * A backup is a directory:
 *   db.sql                      mariadb-dump of the database (one consistent transaction)
 *   attachments/<ab>/<32 hex>   the attachment store's files, as lib/store.c names them
 *   MANIFEST                    written last (temporary name, fsync, rename): one line per file
 *                               with its SHA-256 and size, closed by "end N". A directory
 *                               without a complete MANIFEST is a backup that did not finish.
 *
 * MANIFEST, line by line:
 *   jubao-backup 1
 *   created 2026-11-29T14:00:00Z
 *   database jubao
 *   schema 12                   (the highest version in schema_version at the dump)
 *   file <sha256 hex> <size> <path>
 *   …
 *   end <number of file lines>
 * Paths are "db.sql" or "attachments/ab/<32 hex>" (ab: the name's first two characters); any
 * other path is refused, so a manifest cannot point outside the backup or the store.
 */
#ifndef JUBAOCTL_BACKUP_H
#define JUBAOCTL_BACKUP_H

#include <stdbool.h>
#include <stdint.h>

#define BK_MAGIC     "jubao-backup 1"
#define BK_MANIFEST  "MANIFEST"
#define BK_DUMP      "db.sql"
#define BK_ATT       "attachments"
#define BK_PATH_MAX  64            /* "attachments/ab/" + 32 hex fits */
#define BK_FILES_MAX 10000000

struct bk_entry {
	char     path[BK_PATH_MAX];
	uint8_t  sha[32];
	uint64_t size;
};

struct bk_manifest {
	char             created[32];
	char             database[64];
	long             schema;
	struct bk_entry *e;        /* malloc'd; bk_free() */
	size_t           n, cap;
};

/* Run argv[0] (found on PATH) with argv, no shell; in_fd (>= 0) as its standard input. 0 when it
 * exited with status 0, else 1 (reported). */
int bk_run(char *const argv[], int in_fd);
/* SHA-256 and size of what can be read from fd (from its current offset). 0 ok, -1 (errno). */
int bk_hash_fd(int fd, uint8_t sha[32], uint64_t *size);
/* The same for a file, which is fsynced first when sync. 0 ok, 1 reported. */
int bk_hash_file(const char *path, bool sync, uint8_t sha[32], uint64_t *size);
/* Copy from to a new file to (mode 0640, must not exist), fsynced; its SHA-256 and size.
 * 0 ok, 1 reported (to removed). */
int bk_copy(const char *from, const char *to, uint8_t sha[32], uint64_t *size);
/* fsync a directory. 0 ok, 1 reported. */
int bk_fsync_dir(const char *path);

/* A name lib/store.c makes: 32 lowercase hex digits. */
bool bk_store_name(const char *name);
/* A path a manifest may name (see above). */
bool bk_valid_path(const char *path);

/* Append an entry. 0 ok, 1 reported. */
int bk_add(struct bk_manifest *, const char *path, const uint8_t sha[32], uint64_t size);
/* Write dir/MANIFEST atomically (temporary file, fsync, rename, fsync of dir). 0 ok, 1 reported. */
int bk_write_manifest(const char *dir, const struct bk_manifest *);
/* Read and check dir/MANIFEST; refuses a missing, incomplete or malformed one. 0 ok, 1 reported
 * (m freed then). */
int bk_read_manifest(const char *dir, struct bk_manifest *);
void bk_free(struct bk_manifest *);
/* "path" joined: dir/rel into out. 0 ok, 1 reported (too long). */
int bk_join(char *out, size_t cap, const char *dir, const char *rel);

#endif
