/*
 * audit: the one writer of the append-only audit trail (table audit; triggers refuse UPDATE
 * and DELETE). The console and jubaoctl both write through it. A detail is short and never
 * holds an identity, a code, a token or a password: callers pass ids, actions and states.
 */
#ifndef JUBAO_AUDIT_H
#define JUBAO_AUDIT_H

#include <stdint.h>

#include "db.h"

#define AUDIT_DETAIL_MAX 900          /* bytes; the column holds 1000 characters */

struct audit_entry {
	int64_t     at;               /* seconds since the epoch */
	int64_t     staff_id;         /* 0: nobody signed in (a failed login, jubaoctl) */
	const char *login;            /* NULL or "": none */
	const char *action;
	int64_t     report_id;        /* 0: none */
	const char *detail;           /* NULL: "" */
	const char *client;           /* the client's address, "" for jubaoctl */
};

/* Append one row (inside the caller's transaction, if any). A detail over AUDIT_DETAIL_MAX
 * bytes is cut at a character boundary and marked with "…". DB_OK or a db error. */
int audit_write(struct db *, const struct audit_entry *);

#endif
