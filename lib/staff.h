/*
 * staff: who is signed in to the console and what they may see. A session is a random token
 * (in an HttpOnly cookie, which the console sets and reads: cgi/admin/session.c); the database
 * keeps only its hash. A user's roles are each tied to a department; the department's region
 * (and the regions below it) is the user's area. Every console action that changes something,
 * and every view of a reporter's identity, is written to the audit table through staff_audit().
 * Nothing here knows the request: the functions take the database, the time and the values
 * the console has read, so the rules can be tested without FastCGI.
 */
#ifndef JUBAO_STAFF_H
#define JUBAO_STAFF_H

#include <stdbool.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "db.h"
#include "http.h"
#include "workflow.h"

#define STAFF_MAX_ROLES 16

struct staff_role {
	enum role role;
	int64_t   department_id;
	char      department[401];
	char      region[7];
	char      kind[17];
	char      prefix[7];          /* the area: "22", "2201" or "220102" */
};

struct staff {
	int64_t           id;
	char              login[65];
	char              name[257];
	char              csrf[33];
	bool              must_change;
	bool              has_totp;
	unsigned          roles;        /* BIT(role) set, over all departments */
	struct staff_role role[STAFF_MAX_ROLES];
	unsigned          nroles;
	uint8_t           token_hash[32];  /* the session token's SHA-256 */
};

#define STAFF_TOKEN_LEN 64             /* hex characters of a session token */

/* Load the session whose token hashes to token_hash, as of now. 1 signed in, 0 not (unknown,
 * expired or disabled: an expired session is deleted), or a db error. */
int staff_session(struct db *, const uint8_t token_hash[32], int64_t now, struct staff *);
/* Must the account sign in with a second factor (it holds a guarded role: intake, contact or
 * an administrator)? */
bool staff_needs_factor(const struct staff *);
/* Start a session for staff id (after password and second factor): token_out receives the new
 * token (hex) for the caller's cookie, which the caller wipes once sent. DB_OK or a db error. */
int staff_login(struct db *, int64_t staff_id, bool totp_ok, int64_t now,
    char token_out[STAFF_TOKEN_LEN + 1]);
void staff_logout(struct db *, const struct staff *);
/* The form has exactly one csrf field, and it matches the session's (constant time). */
bool staff_csrf_ok(const struct params *form, const struct staff *);

/* When and from where a console request came: what an audit row records beside the user. */
struct staff_where {
	int64_t     now;
	const char *client;
};
/* Append to the audit trail. report_id 0: none. */
int staff_audit(struct db *, const struct staff_where *, const struct staff *,
    const char *action, int64_t report_id, const char *detail);
/* Same, before anyone is signed in (login attempts): staff_id 0 for an unknown login. */
int staff_audit_login(struct db *, const struct staff_where *, int64_t staff_id,
    const char *login, const char *action, const char *detail);

/* <session login name csrf><role …/></session> */
void staff_session_xml(const struct staff *, xmlNodePtr parent);

/* The departments a case is transferred to (kind/region pairs and ids) and its lead. */
struct case_depts {
	int64_t id[16];
	char    kind[16][17];
	char    region[16][7];
	int     n;
	int64_t lead;
};
/* Each of the user's roles that reaches a case in region `region` with these departments, as
 * it stands to the case (its department on the lead or not): the count, 0 when the case is
 * not the user's to see. Every role is judged on its own department (workflow_decide). */
unsigned staff_case_roles(const struct staff *, const char *region, const struct case_depts *,
    struct case_role out[STAFF_MAX_ROLES]);

#endif
