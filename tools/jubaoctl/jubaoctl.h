/*
 * jubaoctl: the operator's command line. It reads the same configuration and key file as the
 * FastCGI programs and talks to the database through lib/db.c, with its own statements in
 * lib/queries.c (ctl_queries, what an operator may do at one glance) and the audit rows written
 * by lib/audit.c. The one exception is `migrate`, which sends the text of the sql/NNN_*.sql
 * files as they are: they carry no values from anyone, and DDL cannot be prepared.
 *
 * Nothing here prints or logs a reporter's identity, a report's description or a key. Passwords
 * are printed only when this program made them, once.
 *
 * One file per command (migrate.c, create_admin.c, reset_password.c, demo.c, rotate.c, sweep.c
 * with mail.c, export.c, publish.c, credit_export.c, backup.c and restore.c with backupio.c,
 * spool.c), main.c with the command table, common.c with what they share.
 */
#ifndef JUBAOCTL_H
#define JUBAOCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "config.h"
#include "crypto.h"
#include "db.h"
#include "progress.h"

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

struct ctl {
	const char    *conf_path;
	struct config  cfg;
	struct secrets sec;
	bool           have_sec;
	struct db      db;
	bool           have_db;
};

/* One "--name VALUE" option of a command and where its value goes; or, with flag set (and
 * value NULL), an option without a value that sets *flag. */
struct opt {
	const char  *name;        /* "--batch" */
	const char **value;
	bool        *flag;
};

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

/* ---- common.c ---- */

/* One line "jubaoctl: …" on stderr; returns 1, the exit status of a failed command. */
int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Split argv into known "--name VALUE" / "--name=VALUE" options and up to maxpos positional
 * arguments. -1 (reported) on an unknown option, a missing value or too many arguments. */
int parse_args(int argc, char **argv, const struct opt *opts, const char **pos, size_t maxpos,
    size_t *npos);
/* A decimal number in [min, max]; -1 when s is not one. */
int parse_count(const char *s, long min, long max, long *out);

/* The configuration (and the key file when need_secrets); 0 ok, 1 reported. */
int load_config(struct ctl *, bool need_secrets);
/* Configuration, key file and a connection that has prepared the statements; 0 ok, 1 reported. */
int open_db(struct ctl *);
/* The same connection as USER over db_socket without a password (unix_socket authentication,
 * e.g. root), without the key file: for backup and restore, after load_config(c, false).
 * 0 ok, 1 reported. */
int open_db_as(struct ctl *, const char *user);
void ctl_close(struct ctl *);
/* The words for a db_rc in a message. */
const char *db_reason(int rc);
/* An audit row by this program (staff_id NULL, login "jubaoctl", client "", now); report_id 0:
 * none. Through lib/audit.c, inside the caller's transaction. */
int ctl_audit(struct ctl *, const char *action, int64_t report_id, const char *detail);
/* A statement that answers one integer (a COUNT). */
int count_rows(struct ctl *, int id, MYSQL_BIND *params, int64_t *n);
/* Write the file at path through path.tmp: fill writes the temporary file (by its name tmp
 * when by_name, else to f, open on it), which is then synced and renamed over path, or removed
 * when anything failed. fill returns 0, or 1 when it failed (reported). 0 ok, 1 reported. */
typedef int (*tmp_fill)(void *arg, const char *tmp, FILE *f);
int write_renamed(const char *path, bool by_name, tmp_fill fill, void *arg);
/* A ticket as on the receipt: four groups of four digits. */
void ticket_grouped(const char *t, char out[20]);

/* A generated password of PW_GEN_LEN symbols that auth accepts; 0 ok, -1. */
int gen_password(char out[PW_GEN_LEN + 1]);
/* A password from standard input when it is not a terminal (one line), else a generated one.
 * *generated says which. 0 ok, 1 reported. */
int get_password(char *pw, size_t cap, bool *generated);
/* The id of the account with this login, 0 when none. DB_OK or a db error. */
int staff_id_by_login(struct ctl *, const char *login, int64_t *id);
/* Create the account, its roles and the audit row in one transaction. DB_OK or a db error. */
int staff_create(struct ctl *, const struct new_staff *);

/* ---- mail.c ---- */

/* Send the queued mail with `path -t -oi`; what cannot be sent stays queued and is counted in
 * *failed. DB_OK or a db error. */
int send_queued(struct ctl *, const char *path, uint64_t *sent, uint64_t *failed);

/* ---- migrate.c ---- */

/* A connection as user (pw NULL: none) over the configured socket or host, several statements
 * per query, no read time-out. NULL when it failed (reported). */
MYSQL *migrate_connect(const struct config *, const char *user, const char *pw);
/* The versions recorded in schema_version (none when the table does not exist yet). 0 ok, 1
 * reported. */
int applied_versions(MYSQL *, bool applied[MIGRATIONS_MAX]);

/* ---- the commands: (ctl, argc, argv after the command's name) -> exit status ---- */

int cmd_migrate(struct ctl *, int argc, char **argv);
int cmd_create_admin(struct ctl *, int argc, char **argv);
int cmd_reset_password(struct ctl *, int argc, char **argv);
int cmd_demo(struct ctl *, int argc, char **argv);
int cmd_rotate(struct ctl *, int argc, char **argv);
int cmd_sweep(struct ctl *, int argc, char **argv);
int cmd_export(struct ctl *, int argc, char **argv);
/* The sweep's share of the statistics: the parts of the summary rows of the months before
 * today's (YYYY-MM-DD) folded into one row each (lib/stats.h STATS_PARTS), in one
 * transaction. 0, or 1 after saying why. */
int stats_fold(struct ctl *, const char *today);
int cmd_stats_rebuild(struct ctl *, int, char **);
int cmd_keygen(struct ctl *, int argc, char **argv);
int cmd_publish(struct ctl *, int argc, char **argv);
int cmd_credit_export(struct ctl *, int argc, char **argv);
int cmd_ledger(struct ctl *, int argc, char **argv);
int cmd_backup(struct ctl *, int argc, char **argv);
int cmd_restore(struct ctl *, int argc, char **argv);
int cmd_spool_import(struct ctl *, int argc, char **argv);
int cmd_status(struct ctl *, int argc, char **argv);

#endif
