/* dbload: typed rows (db.h's db_load): result columns bound straight into named structs. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "log.h"

/* What one column needs beside the row struct while rows are fetched. */
struct col_state {
	unsigned long len;
	my_bool       isnull, error;
	int64_t       num;            /* DBC_BOOL */
	MYSQL_TIME    t;              /* DBC_TIME, DBC_DATE */
	char         *buf;            /* DBC_STR: room for the longest value */
};

static void
bind_col(MYSQL_BIND *b, const struct dbc *c, struct col_state *cs, char *row)
{
	memset(b, 0, sizeof(*b));
	b->length = &cs->len;
	b->is_null = &cs->isnull;
	b->error = &cs->error;
	switch (c->type) {
	case DBC_I64:
		b->buffer_type = MYSQL_TYPE_LONGLONG;
		b->buffer = row + c->offset;
		break;
	case DBC_BOOL:
		b->buffer_type = MYSQL_TYPE_LONGLONG;
		b->buffer = &cs->num;
		break;
	case DBC_TEXT:
		b->buffer_type = MYSQL_TYPE_STRING;
		b->buffer = row + c->offset;
		b->buffer_length = c->cap - 1;      /* room for the NUL */
		break;
	case DBC_STR:
		b->buffer_type = MYSQL_TYPE_STRING;
		b->buffer = cs->buf;
		b->buffer_length = cs->len;         /* set from the column's max_length */
		break;
	case DBC_BLOB:
		b->buffer_type = MYSQL_TYPE_BLOB;
		b->buffer = row + c->offset;
		b->buffer_length = c->cap;
		break;
	case DBC_TIME:
	case DBC_DATE:
		b->buffer_type = c->type == DBC_TIME ? MYSQL_TYPE_DATETIME : MYSQL_TYPE_DATE;
		b->buffer = &cs->t;
		break;
	}
}

/* After a fetch: finish each member (NUL, NULL defaults, copies). -1 when a value did not fit:
 * it is never cut. */
static int
finish_col(const struct dbc *c, struct col_state *cs, char *row, struct arena *a)
{
	char *m = row + c->offset;

	if (cs->error || (c->type == DBC_TEXT && !cs->isnull && cs->len >= c->cap) ||
	    (c->type == DBC_BLOB && !cs->isnull && cs->len > c->cap))
		return -1;
	switch (c->type) {
	case DBC_I64:
		if (cs->isnull)
			*(int64_t *)(void *)m = 0;
		break;
	case DBC_BOOL:
		*(bool *)m = !cs->isnull && cs->num != 0;
		break;
	case DBC_TEXT:
		m[cs->isnull ? 0 : cs->len] = '\0';
		break;
	case DBC_STR: {
		char *s = arena_alloc(a, cs->isnull ? 1 : cs->len + 1);
		if (!cs->isnull)
			memcpy(s, cs->buf, cs->len);
		s[cs->isnull ? 0 : cs->len] = '\0';
		memcpy(m, &s, sizeof(s));
		break;
	}
	case DBC_BLOB:
		*(size_t *)(void *)(row + c->len_offset) = cs->isnull ? 0 : cs->len;
		break;
	case DBC_TIME:
		if (cs->isnull)
			m[0] = '\0';
		else
			db_iso_time(&cs->t, m);
		break;
	case DBC_DATE:
		if (cs->isnull)
			m[0] = '\0';
		else
			db_iso_date(&cs->t, m);
		break;
	}
	return 0;
}

/* The buffered result's metadata; DBC_STR columns get a buffer for their longest value. */
static int
prepare_cols(struct db *db, int id, const struct db_loader *ld, struct col_state *cs)
{
	MYSQL_STMT *st = db->stmts[id];
	MYSQL_RES *meta = mysql_stmt_result_metadata(st);
	my_bool yes = 1;
	size_t i;
	int rc = DB_OK;

	if (meta == NULL || mysql_num_fields(meta) != ld->ncols)
		log_fatal("db_load: the loader has %zu columns, statement %d %u", ld->ncols, id,
		    meta != NULL ? mysql_num_fields(meta) : 0);
	if (mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &yes) != 0)
		log_fatal("db_load: attr");
	if (mysql_stmt_store_result(st) != 0)
		rc = db_classify(db, mysql_stmt_errno(st), "store", mysql_stmt_error(st));
	for (i = 0; rc == DB_OK && i < ld->ncols; i++) {
		if (ld->cols[i].type != DBC_STR)
			continue;
		cs[i].len = mysql_fetch_field_direct(meta, (unsigned)i)->max_length + 1;
		if ((cs[i].buf = malloc(cs[i].len)) == NULL)
			log_fatal("db_load: out of memory");
	}
	mysql_free_result(meta);
	return rc;
}

static int
fetch_rows(struct db *db, int id, const struct db_loader *ld, struct col_state *cs,
    struct arena *a, char *row, db_load_fn fn, void *arg, bool *found)
{
	size_t i;
	int r;

	while ((r = mysql_stmt_fetch(db->stmts[id])) == 0 || r == MYSQL_DATA_TRUNCATED) {
		for (i = 0; i < ld->ncols; i++)
			if (finish_col(&ld->cols[i], &cs[i], row, a) != 0) {
				log_err("db_load: query %d column %zu longer than its member", id, i);
				return DB_FAIL;
			}
		*found = true;
		if (fn == NULL || fn(arg, row) != 0)
			return DB_OK;
	}
	if (r == MYSQL_NO_DATA)
		return DB_OK;
	return db_classify(db, mysql_stmt_errno(db->stmts[id]), "fetch",
	    mysql_stmt_error(db->stmts[id]));
}

int
db_load(struct db *db, int id, const struct dbp *params, size_t nparams,
    const struct db_loader *ld, struct arena *a, void *row, db_load_fn fn, void *arg,
    bool *found)
{
	MYSQL_BIND rb[48];
	struct col_state cs[48];
	MYSQL_STMT *st;
	size_t i;
	int rc;

	*found = false;
	if (ld->ncols > 48)
		log_fatal("db_load: too many columns");
	memset(cs, 0, sizeof(cs));
	memset(row, 0, ld->size);
	if ((rc = db_exec_params(db, id, params, nparams)) != DB_OK)
		return rc;
	st = db->stmts[id];
	if ((rc = prepare_cols(db, id, ld, cs)) == DB_OK) {
		for (i = 0; i < ld->ncols; i++)
			bind_col(&rb[i], &ld->cols[i], &cs[i], row);
		if (mysql_stmt_bind_result(st, rb) != 0)
			rc = db_classify(db, mysql_stmt_errno(st), "bind result",
			    mysql_stmt_error(st));
		else
			rc = fetch_rows(db, id, ld, cs, a, row, fn, arg, found);
	}
	if (db->stmts != NULL)
		db_done(db, id);
	for (i = 0; i < ld->ncols; i++)
		free(cs[i].buf);
	return rc;
}
