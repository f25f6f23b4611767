/*
 * db: one MariaDB connection per process and its prepared statements.
 *
 * A program hands db_init() its table of SQL texts; each statement is prepared on the
 * connection when it is first used (so a program's database account needs rights only for the
 * statements it runs), and again after a reconnect. Auto-reconnect stays off: when the server
 * is gone (restart, crash) the connection is dropped and the next call reconnects and
 * re-prepares. Connect, read and write time-outs keep a hanging server from hanging a request.
 * Only prepared statements carry values: there is no way to run SQL text with data in it.
 */
#ifndef JUBAO_DB_H
#define JUBAO_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stddef.h>
#include <stdint.h>

#include <mysql.h>

#include "config.h"

enum db_rc {
	DB_OK = 0,
	DB_DOWN = -1,      /* no server, connection lost or timed out: answer 503 */
	DB_DUP = -2,       /* 1062 duplicate key */
	DB_RETRY = -3,     /* 1213 deadlock or 1205 lock wait: run the transaction again */
	DB_FAIL = -4,      /* anything else: a bug or a constraint; logged */
};

struct db {
	MYSQL              *conn;
	const struct config *cfg;
	const char *const  *sql;
	size_t              nsql;
	MYSQL_STMT        **stmts;
	bool                in_tx;
	unsigned            last_errno;
	char                last_dup[160];   /* the server's words on the last duplicate key */
	int64_t             connect_failed;  /* when a connect last failed (time()); 0 */
};

void db_init(struct db *, const struct config *, const char *const *sql, size_t nsql);
void db_close(struct db *);
/* Connect and prepare, unless connected. DB_OK or DB_DOWN (logged once per outage). Within a
 * second of a failed connect it fails at once: one request (the submission's rate check, then
 * its report) waits for a hanging server once, not at each statement. */
int  db_connect(struct db *);

/* Run statement id with params bound (NULL when none) and results bound (NULL for none). A
 * statement with results is buffered (store_result), so fetch with db_fetch and end with
 * db_done. Outside a transaction, a connection found dead is re-made and the statement tried
 * once more; inside one, the caller rolls back and retries the transaction. */
int  db_exec(struct db *, int id, MYSQL_BIND *params, MYSQL_BIND *results);
/* 1 row fetched into the result binds, 0 no more rows, DB_FAIL on error. */
int  db_fetch(struct db *, int id);
void db_done(struct db *, int id);
/* Rows changed by the last db_exec of id. */
uint64_t db_affected(struct db *, int id);
uint64_t db_insert_id(struct db *, int id);

int  db_begin(struct db *);
int  db_commit(struct db *);
void db_rollback(struct db *);

/* MYSQL_BIND helpers; the bound memory must live until the execute/fetch is over. */
void bind_text(MYSQL_BIND *, const char *s, size_t len);     /* NULL s: SQL NULL */
void bind_blob(MYSQL_BIND *, const void *p, size_t len);
void bind_i64(MYSQL_BIND *, const int64_t *v);
void bind_u64(MYSQL_BIND *, const uint64_t *v);
/* Result binds: buf gets at most cap-1 bytes and a NUL; *len the full length. */
void bind_out_text(MYSQL_BIND *, char *buf, size_t cap, unsigned long *len, my_bool *isnull);
void bind_out_i64(MYSQL_BIND *, int64_t *v, my_bool *isnull);
/* A DATE or DATETIME column in binary form (cheaper for the server than DATE_FORMAT), and its
 * text as the pages want it: "2026-11-22T09:30:00+08:00" (stored times are Beijing time) or
 * "2026-11-22". */
void bind_out_time(MYSQL_BIND *, MYSQL_TIME *t, my_bool *isnull);
void db_iso_time(const MYSQL_TIME *, char out[32]);
void db_iso_date(const MYSQL_TIME *, char out[11]);
/*
 * Typed parameters in an array: db_run for statements without rows, db_load for rows.
 */
enum dbp_type { DBP_TEXT, DBP_INT, DBP_NULL, DBP_BLOB };
struct dbp {
	enum dbp_type type;
	const void   *ptr;
	size_t        len;
	int64_t       num;
};
#define P_TEXT(s)       ((struct dbp){ DBP_TEXT, (s), strlen(s), 0 })
#define P_TEXTN(s, n)   ((struct dbp){ DBP_TEXT, (s), (n), 0 })
#define P_OPT(s)        ((s) != NULL && *(s) != '\0' ? P_TEXT(s) : P_NULL)
#define P_INT(v)        ((struct dbp){ DBP_INT, NULL, 0, (int64_t)(v) })
#define P_BLOB(p, n)    ((struct dbp){ DBP_BLOB, (p), (n), 0 })
#define P_NULL          ((struct dbp){ DBP_NULL, NULL, 0, 0 })

/*
 * Typed rows: every query that answers rows has one loader, a table that says into which
 * member of a named struct each column goes, in the statement's column order. db_load binds
 * the columns straight into a row struct, fetches each row and hands it to fn; nothing is
 * read as text and parsed back, and nothing is cut: a value longer than its member is an
 * error (DB_FAIL, logged), a DBC_STR of any length is copied into the caller's arena.
 */
enum dbc_type {
	DBC_I64,          /* int64_t; NULL gives 0 */
	DBC_BOOL,         /* bool from a 0/1 column */
	DBC_TEXT,         /* char[cap], NUL-terminated; NULL gives "" */
	DBC_STR,          /* char *, in the arena, any length; NULL gives "" */
	DBC_BLOB,         /* uint8_t[cap] with its length in a size_t member (len_offset) */
	DBC_TIME,         /* char[32]: a DATETIME as "2026-11-22T09:30:00+08:00"; NULL gives "" */
	DBC_DATE,         /* char[11]: a DATE as "2026-11-22"; NULL gives "" */
};
struct dbc {
	enum dbc_type type;
	size_t        offset;         /* of the member in the row struct */
	size_t        cap;            /* DBC_TEXT, DBC_BLOB: the member's size */
	size_t        len_offset;     /* DBC_BLOB: where the length goes */
};
#define DBC_MSIZE(st, m)    sizeof(((st *)0)->m)
#define COL_I64(st, m)      { DBC_I64, offsetof(st, m), 0, 0 }
#define COL_BOOL(st, m)     { DBC_BOOL, offsetof(st, m), 0, 0 }
#define COL_TEXT(st, m)     { DBC_TEXT, offsetof(st, m), DBC_MSIZE(st, m), 0 }
#define COL_STR(st, m)      { DBC_STR, offsetof(st, m), 0, 0 }
#define COL_BLOB(st, m, l)  { DBC_BLOB, offsetof(st, m), DBC_MSIZE(st, m), offsetof(st, l) }
#define COL_TIME(st, m)     { DBC_TIME, offsetof(st, m), DBC_MSIZE(st, m), 0 }
#define COL_DATE(st, m)     { DBC_DATE, offsetof(st, m), DBC_MSIZE(st, m), 0 }
struct db_loader {
	const struct dbc *cols;
	size_t            ncols;      /* must equal the statement's columns */
	size_t            size;       /* sizeof the row struct */
};
#define DB_LOADER(st, cols) { (cols), sizeof(cols) / sizeof((cols)[0]), sizeof(st) }
/* Called per row with the filled struct; return non-zero to stop early. */
typedef int (*db_load_fn)(void *arg, void *row);
struct arena;
/* Run statement id and load its rows into *row (a struct of the loader's type), calling fn (or,
 * when fn is NULL, stopping after the first row: *row then holds it). *found: a row came.
 * DB_OK or a db error. */
int db_load(struct db *, int id, const struct dbp *params, size_t nparams,
    const struct db_loader *, struct arena *, void *row, db_load_fn fn, void *arg, bool *found);

/* Execute statement id with typed parameters (no result binding). */
int db_exec_params(struct db *, int id, const struct dbp *params, size_t nparams);
/* The db_rc for a server error number, logged (connection errors once per outage). */
int db_classify(struct db *, unsigned err, const char *what, const char *text);

/* Run statement id, which answers no rows. DB_OK or a db error. */
int db_run(struct db *, int id, const struct dbp *params, size_t nparams);
/* The first column of the first row as an integer (or dflt when no row). */
int db_int(struct db *, int id, const struct dbp *params, size_t nparams, int64_t dflt,
    int64_t *out);

/* After a fetch: end the text at its fetched length (the buffer may hold an older, longer row). */
static inline void
text_end(char *buf, size_t cap, unsigned long len)
{
	buf[len < cap ? len : cap - 1] = '\0';
}

#endif
