/* db: see db.h. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <errmsg.h>
#include <mysqld_error.h>

#include "db.h"
#include "log.h"

static bool db_down_logged;

void
db_init(struct db *db, const struct config *cfg, const char *const *sql, size_t nsql)
{
	memset(db, 0, sizeof(*db));
	db->cfg = cfg;
	db->sql = sql;
	db->nsql = nsql;
}

void
db_close(struct db *db)
{
	size_t i;

	if (db->stmts != NULL) {
		for (i = 0; i < db->nsql; i++)
			if (db->stmts[i] != NULL)
				mysql_stmt_close(db->stmts[i]);
		free(db->stmts);
		db->stmts = NULL;
	}
	if (db->conn != NULL)
		mysql_close(db->conn);
	db->conn = NULL;
	db->in_tx = false;
}

static bool
conn_lost(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST || e == CR_CONNECTION_ERROR ||
	    e == CR_CONN_HOST_ERROR || e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == ER_SERVER_SHUTDOWN || e == CR_COMMANDS_OUT_OF_SYNC;
}

/* The socket that answered last: with a cluster (db_socket_failover), a process stays on the
 * node it reached until that node fails, then tries the others in turn. */
static unsigned db_sock_cur;

/* Classified as DB_DOWN: a node that is not ready (Galera 1047: joining, or outside the primary
 * component) is left for the next one. */
static bool
node_unusable(unsigned e)
{
	return e == ER_UNKNOWN_COM_ERROR || e == ER_ERROR_DURING_COMMIT;
}

int
db_classify(struct db *db, unsigned e, const char *what, const char *err)
{
	db->last_errno = e;
	if (e == ER_DUP_ENTRY) {
		/* which key, for a caller that has to say why (never logged here: the entry may
		 * be a value a reporter typed) */
		snprintf(db->last_dup, sizeof(db->last_dup), "%s", err != NULL ? err : "");
		return DB_DUP;
	}
	if (e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT)
		return DB_RETRY;
	if (node_unusable(e)) {
		/* the next connect starts with the next node */
		log_err("database: %s: %u %s", what, e, err);
		db_sock_cur++;
		db_close(db);
		return DB_DOWN;
	}
	if (conn_lost(e) || e == 0) {
		if (!db_down_logged)
			log_err("database: %s: %u %s", what, e, err);
		db_down_logged = true;
		db_close(db);
		return DB_DOWN;
	}
	log_err("database: %s: %u %s", what, e, err);
	return DB_FAIL;
}

/* The n-th socket of db_socket and db_socket_failover into out ("" past the last). */
static void
nth_socket(const struct config *c, unsigned n, char *out, size_t cap)
{
	const char *p = c->db_socket_failover;
	size_t len;

	out[0] = '\0';
	if (n == 0) {
		snprintf(out, cap, "%s", c->db_socket);
		return;
	}
	while (*p != '\0') {
		len = strcspn(p, ",");
		if (--n == 0) {
			if (len < cap)
				snprintf(out, cap, "%.*s", (int)len, p);
			return;
		}
		p += len;
		p += strspn(p, ", ");
	}
}

static int
connect_one(struct db *db, const char *sock)
{
	const struct config *c = db->cfg;
	unsigned timeout = c->db_timeout;
	my_bool off = 0;
	unsigned int local_infile = 0;
	const char *init = "SET time_zone = '+08:00', sql_mode = 'STRICT_ALL_TABLES,"
	    "NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', "
	    "tx_isolation = 'READ-COMMITTED'";

	if ((db->conn = mysql_init(NULL)) == NULL)
		log_fatal("mysql_init: out of memory");
	if (mysql_optionsv(db->conn, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_optionsv(db->conn, MYSQL_OPT_LOCAL_INFILE, &local_infile) != 0 ||
	    mysql_optionsv(db->conn, MYSQL_OPT_RECONNECT, &off) != 0 ||
	    mysql_optionsv(db->conn, MYSQL_OPT_CONNECT_TIMEOUT, &timeout) != 0 ||
	    mysql_optionsv(db->conn, MYSQL_OPT_READ_TIMEOUT, &timeout) != 0 ||
	    mysql_optionsv(db->conn, MYSQL_OPT_WRITE_TIMEOUT, &timeout) != 0 ||
	    mysql_optionsv(db->conn, MYSQL_INIT_COMMAND, init) != 0)
		log_fatal("mysql_optionsv failed");
	if (mysql_real_connect(db->conn, sock[0] ? NULL : c->db_host, c->db_user,
	    c->db_password, c->db_name, sock[0] ? 0 : c->db_port,
	    sock[0] ? sock : NULL, 0) == NULL) {
		unsigned e = mysql_errno(db->conn);
		if (!db_down_logged)
			log_err("database: connect %s: %u %s", sock, e, mysql_error(db->conn));
		mysql_close(db->conn);
		db->conn = NULL;
		return DB_DOWN;
	}
	return DB_OK;
}

int
db_connect(struct db *db)
{
	char sock[256];
	unsigned i, n = 1;

	if (db->conn != NULL)
		return DB_OK;
	/* Every node refused or made us wait a moment ago: not again within the second (a hang
	 * would cost each request a time-out; the spool takes the reports meanwhile). */
	if (db->connect_failed != 0 && (int64_t)time(NULL) - db->connect_failed < 1)
		return DB_DOWN;
	for (nth_socket(db->cfg, n, sock, sizeof(sock)); sock[0] != '\0';
	    nth_socket(db->cfg, n, sock, sizeof(sock)))
		n++;
	for (i = 0; i < n; i++) {
		nth_socket(db->cfg, (db_sock_cur + i) % n, sock, sizeof(sock));
		if (connect_one(db, sock) == DB_OK)
			break;
	}
	if (db->conn == NULL) {
		db_down_logged = true;
		db->connect_failed = (int64_t)time(NULL);
		return DB_DOWN;
	}
	db->connect_failed = 0;
	db_sock_cur = (db_sock_cur + i) % n;
	/* Statements are prepared when first used (db_stmt): a program prepares only what it
	 * runs, so its database account needs rights on nothing more (the public programs'
	 * account cannot read an identity or a staff table, and could not prepare a statement
	 * that does). */
	if ((db->stmts = calloc(db->nsql, sizeof(*db->stmts))) == NULL)
		log_fatal("db: out of memory");
	if (db_down_logged)
		log_info("database: connected again");
	db_down_logged = false;
	return DB_OK;
}

/* Statement id on this connection, prepared on first use. */
static int
db_stmt(struct db *db, int id, MYSQL_STMT **out)
{
	MYSQL_STMT *st = db->stmts[id];
	unsigned e;

	if (st == NULL) {
		if ((st = mysql_stmt_init(db->conn)) == NULL)
			log_fatal("mysql_stmt_init: out of memory");
		if (mysql_stmt_prepare(st, db->sql[id], strlen(db->sql[id])) != 0) {
			e = mysql_stmt_errno(st);
			/* A statement that does not prepare on a live server is a bug, a missing
			 * migration or a missing grant: say which. */
			if (!conn_lost(e) && !node_unusable(e))
				log_fatal("database: prepare #%d (%s): %u %s", id, db->sql[id], e,
				    mysql_stmt_error(st));
			mysql_stmt_close(st);
			return db_classify(db, e, "prepare", "lost");
		}
		db->stmts[id] = st;
	}
	*out = st;
	return DB_OK;
}

static int
db_exec_once(struct db *db, int id, MYSQL_BIND *params, MYSQL_BIND *results)
{
	MYSQL_STMT *st = NULL;
	int rc;

	if ((rc = db_connect(db)) != DB_OK || (rc = db_stmt(db, id, &st)) != DB_OK)
		return rc;
	if (params != NULL && mysql_stmt_bind_param(st, params) != 0)
		return db_classify(db, mysql_stmt_errno(st), "bind", mysql_stmt_error(st));
	if (mysql_stmt_execute(st) != 0)
		return db_classify(db, mysql_stmt_errno(st), "execute", mysql_stmt_error(st));
	if (results != NULL) {
		if (mysql_stmt_bind_result(st, results) != 0)
			return db_classify(db, mysql_stmt_errno(st), "bind result",
			    mysql_stmt_error(st));
		if (mysql_stmt_store_result(st) != 0)
			return db_classify(db, mysql_stmt_errno(st), "store", mysql_stmt_error(st));
	}
	return DB_OK;
}

int
db_exec(struct db *db, int id, MYSQL_BIND *params, MYSQL_BIND *results)
{
	bool had_conn = db->conn != NULL, in_tx = db->in_tx;
	time_t start = time(NULL);
	int rc;

	if (id < 0 || (size_t)id >= db->nsql)
		log_fatal("db_exec: no statement %d", id);
	rc = db_exec_once(db, id, params, results);
	/* A connection that died while idle (server restarted) fails at once: make a new one
	 * and try again. A time-out is not retried: the user is already waiting. */
	if (rc == DB_DOWN && had_conn && !in_tx && time(NULL) - start < 1)
		rc = db_exec_once(db, id, params, results);
	else if (rc == DB_DOWN && time(NULL) - start >= 1)
		db->connect_failed = (int64_t)time(NULL);    /* it made us wait: not again now */
	return rc;
}

int
db_fetch(struct db *db, int id)
{
	int r;

	if (db->stmts == NULL)
		return DB_FAIL;
	r = mysql_stmt_fetch(db->stmts[id]);
	if (r == 0 || r == MYSQL_DATA_TRUNCATED)
		return 1;     /* truncation: the bound buffer holds the prefix; len says more */
	if (r == MYSQL_NO_DATA)
		return 0;
	return db_classify(db, mysql_stmt_errno(db->stmts[id]), "fetch",
	    mysql_stmt_error(db->stmts[id]));
}

void
db_done(struct db *db, int id)
{
	/* Freeing the stored result is enough to execute the statement again; a reset would
	 * cost one more round trip to the server for nothing. */
	if (db->stmts != NULL && db->stmts[id] != NULL)
		mysql_stmt_free_result(db->stmts[id]);
}

uint64_t
db_affected(struct db *db, int id)
{
	return db->stmts != NULL && db->stmts[id] != NULL ? mysql_stmt_affected_rows(db->stmts[id]) : 0;
}

uint64_t
db_insert_id(struct db *db, int id)
{
	return db->stmts != NULL && db->stmts[id] != NULL ? mysql_stmt_insert_id(db->stmts[id]) : 0;
}

int
db_begin(struct db *db)
{
	int rc;

	/* A fresh connection first: a transaction is never retried half-way by db_exec. */
	if (db->conn != NULL && mysql_ping(db->conn) != 0)
		db_close(db);
	if ((rc = db_connect(db)) != DB_OK)
		return rc;
	if (mysql_autocommit(db->conn, 0) != 0)
		return db_classify(db, mysql_errno(db->conn), "begin", mysql_error(db->conn));
	db->in_tx = true;
	return DB_OK;
}

int
db_commit(struct db *db)
{
	int rc = DB_OK;

	if (db->conn == NULL)
		return DB_DOWN;
	if (mysql_commit(db->conn) != 0)
		rc = db_classify(db, mysql_errno(db->conn), "commit", mysql_error(db->conn));
	if (db->conn != NULL && mysql_autocommit(db->conn, 1) != 0 && rc == DB_OK)
		rc = db_classify(db, mysql_errno(db->conn), "autocommit", mysql_error(db->conn));
	db->in_tx = false;
	return rc;
}

void
db_rollback(struct db *db)
{
	if (db->conn != NULL && (mysql_rollback(db->conn) != 0 ||
	    mysql_autocommit(db->conn, 1) != 0))
		db_close(db);
	db->in_tx = false;
}

void
bind_text(MYSQL_BIND *b, const char *s, size_t len)
{
	memset(b, 0, sizeof(*b));
	if (s == NULL) {
		b->buffer_type = MYSQL_TYPE_NULL;
		return;
	}
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = (void *)(uintptr_t)s;
	b->buffer_length = len;
}

void
bind_blob(MYSQL_BIND *b, const void *p, size_t len)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_BLOB;
	b->buffer = (void *)(uintptr_t)p;
	b->buffer_length = len;
}

void
bind_i64(MYSQL_BIND *b, const int64_t *v)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = (void *)(uintptr_t)v;
}

void
bind_u64(MYSQL_BIND *b, const uint64_t *v)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = (void *)(uintptr_t)v;
	b->is_unsigned = 1;
}

void
bind_out_text(MYSQL_BIND *b, char *buf, size_t cap, unsigned long *len, my_bool *isnull)
{
	memset(b, 0, sizeof(*b));
	memset(buf, 0, cap);
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = buf;
	b->buffer_length = cap - 1;    /* room for the NUL we rely on */
	b->length = len;
	b->is_null = isnull;
}

void
bind_out_i64(MYSQL_BIND *b, int64_t *v, my_bool *isnull)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = v;
	b->is_null = isnull;
}

void
bind_out_time(MYSQL_BIND *b, MYSQL_TIME *t, my_bool *isnull)
{
	memset(b, 0, sizeof(*b));
	memset(t, 0, sizeof(*t));
	b->buffer_type = MYSQL_TYPE_DATETIME;
	b->buffer = t;
	b->buffer_length = sizeof(*t);
	b->is_null = isnull;
}

void
db_iso_time(const MYSQL_TIME *t, char out[32])
{
	snprintf(out, 32, "%04u-%02u-%02uT%02u:%02u:%02u+08:00", t->year % 10000, t->month % 100,
	    t->day % 100, t->hour % 100, t->minute % 100, t->second % 100);
}

void
db_iso_date(const MYSQL_TIME *t, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", t->year % 10000, t->month % 100, t->day % 100);
}

int
db_exec_params(struct db *db, int id, const struct dbp *params, size_t nparams)
{
	MYSQL_BIND pb[32];
	unsigned i;

	memset(pb, 0, sizeof(pb));
	if (nparams > 32)
		log_fatal("db_run: too many parameters");
	for (i = 0; i < nparams; i++) {
		switch (params[i].type) {
		case DBP_TEXT:
			bind_text(&pb[i], params[i].ptr, params[i].len);
			break;
		case DBP_BLOB:
			bind_blob(&pb[i], params[i].ptr, params[i].len);
			break;
		case DBP_INT:
			bind_i64(&pb[i], &params[i].num);
			break;
		default:
			bind_text(&pb[i], NULL, 0);
		}
	}
	return db_exec(db, id, nparams ? pb : NULL, NULL);
}

int
db_run(struct db *db, int id, const struct dbp *params, size_t nparams)
{
	int rc = db_exec_params(db, id, params, nparams);

	/* a statement that answers rows is read with db_load, not here */
	if (rc == DB_OK && db->stmts != NULL && mysql_stmt_field_count(db->stmts[id]) != 0)
		log_fatal("db_run: statement %d answers rows; use db_load", id);
	return rc;
}

struct int_row {
	int64_t v;
};
static const struct dbc int_cols[] = { COL_I64(struct int_row, v) };
static const struct db_loader int_loader = DB_LOADER(struct int_row, int_cols);

int
db_int(struct db *db, int id, const struct dbp *params, size_t nparams, int64_t dflt,
    int64_t *out)
{
	struct int_row row;
	bool found;
	int rc;

	*out = dflt;
	rc = db_load(db, id, params, nparams, &int_loader, NULL, &row, NULL, NULL, &found);
	if (rc == DB_OK && found)
		*out = row.v;
	return rc;
}
