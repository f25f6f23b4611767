/* staff: see staff.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "crypto.h"
#include "log.h"
#include "queries.h"
#include "region.h"
#include "render.h"
#include "staff.h"

#define SESSION_IDLE    1800          /* seconds without a request before a session ends */
#define SESSION_MAX     (12 * 3600)   /* and at the latest after a working day */

/* Q_SESSION_GET's row. */
struct session_row {
	int64_t id, last_seen, created;
	char    csrf[33], login[65], name[257];
	bool    totp_ok, must_change, disabled, has_totp;
};
#define S struct session_row
static const struct dbc session_cols[] = {
	COL_I64(S, id), COL_TEXT(S, csrf), COL_I64(S, last_seen), COL_I64(S, created),
	COL_BOOL(S, totp_ok), COL_TEXT(S, login), COL_TEXT(S, name), COL_BOOL(S, must_change),
	COL_BOOL(S, disabled), COL_BOOL(S, has_totp),
};
#undef S
static const struct db_loader session_loader = DB_LOADER(struct session_row, session_cols);

/* Q_STAFF_ROLES's row. */
struct role_row {
	char    role[16], department[401], region[7], kind[17];
	int64_t department_id;
};
static const struct dbc role_cols[] = {
	COL_TEXT(struct role_row, role), COL_I64(struct role_row, department_id),
	COL_TEXT(struct role_row, department), COL_TEXT(struct role_row, region),
	COL_TEXT(struct role_row, kind),
};
static const struct db_loader role_loader = DB_LOADER(struct role_row, role_cols);

static int
role_row(void *arg, void *row)
{
	struct staff *s = arg;
	const struct role_row *r = row;
	struct staff_role *sr;
	int role = role_from_name(r->role);

	if (role < 0 || s->nroles >= STAFF_MAX_ROLES)
		return 0;
	sr = &s->role[s->nroles++];
	sr->role = (enum role)role;
	sr->department_id = r->department_id;
	memcpy(sr->department, r->department, sizeof(sr->department));
	memcpy(sr->region, r->region, sizeof(sr->region));
	memcpy(sr->kind, r->kind, sizeof(sr->kind));
	region_prefix(sr->region, sr->prefix);
	s->roles |= BIT(role);
	return 0;
}

int
staff_session(struct db *db, const uint8_t token_hash[32], int64_t now, struct staff *s)
{
	struct session_row a;
	struct role_row r;
	struct dbp p[2];
	bool found;
	int rc;

	memset(s, 0, sizeof(*s));
	memcpy(s->token_hash, token_hash, sizeof(s->token_hash));
	p[0] = P_BLOB(s->token_hash, 32);
	if ((rc = db_load(db, Q_SESSION_GET, p, 1, &session_loader, NULL, &a, NULL, NULL,
	    &found)) != DB_OK)
		return rc;
	if (!found)
		return 0;
	s->id = a.id;
	memcpy(s->csrf, a.csrf, sizeof(s->csrf));
	memcpy(s->login, a.login, sizeof(s->login));
	memcpy(s->name, a.name, sizeof(s->name));
	s->must_change = a.must_change;
	s->has_totp = a.has_totp;
	if (a.disabled || now - a.last_seen > SESSION_IDLE || now - a.created > SESSION_MAX) {
		(void)db_run(db, Q_SESSION_DELETE, p, 1);
		return 0;
	}
	/* Touch at most once a minute: idle expiry needs no finer grain. */
	if (now - a.last_seen > 60) {
		p[0] = P_INT(now);
		p[1] = P_BLOB(s->token_hash, 32);
		if ((rc = db_run(db, Q_SESSION_TOUCH, p, 2)) != DB_OK)
			return rc;
	}
	p[0] = P_INT(s->id);
	if ((rc = db_load(db, Q_STAFF_ROLES, p, 1, &role_loader, NULL, &r, role_row, s,
	    &found)) != DB_OK)
		return rc;
	return 1;
}

int
staff_login(struct db *db, int64_t staff_id, bool totp_ok, int64_t now,
    char token_out[STAFF_TOKEN_LEN + 1])
{
	uint8_t raw[32], h[32], csrf[16];
	char csrf_hex[33];
	struct dbp p[6];
	int rc;

	if (crypto_random(raw, sizeof(raw)) != 0 || crypto_random(csrf, sizeof(csrf)) != 0 ||
	    crypto_sha256(raw, sizeof(raw), h) != 0)
		log_fatal("random failed");
	crypto_hex(raw, sizeof(raw), token_out);
	explicit_bzero(raw, sizeof(raw));
	crypto_hex(csrf, sizeof(csrf), csrf_hex);
	p[0] = P_BLOB(h, 32);
	p[1] = P_INT(staff_id);
	p[2] = P_TEXT(csrf_hex);
	p[3] = P_INT(now);
	p[4] = P_INT(now);
	p[5] = P_INT(totp_ok);
	if ((rc = db_run(db, Q_SESSION_INSERT, p, 6)) != DB_OK)
		explicit_bzero(token_out, STAFF_TOKEN_LEN + 1);
	return rc;
}

void
staff_logout(struct db *db, const struct staff *s)
{
	struct dbp p[1] = { P_BLOB(s->token_hash, 32) };

	(void)db_run(db, Q_SESSION_DELETE, p, 1);
}

bool
staff_csrf_ok(const struct params *form, const struct staff *s)
{
	const struct param *t = params_get(form, "csrf");

	return t != NULL && params_count(form, "csrf") == 1 && s->csrf[0] != '\0' &&
	    crypto_equal(t->value, t->len, s->csrf, strlen(s->csrf));
}

int
staff_audit(struct db *db, const struct staff_where *w, const struct staff *s,
    const char *action, int64_t report_id, const char *detail)
{
	struct audit_entry e = { w->now, s->id, s->login, action, report_id, detail, w->client };

	return audit_write(db, &e);
}

int
staff_audit_login(struct db *db, const struct staff_where *w, int64_t staff_id,
    const char *login, const char *action, const char *detail)
{
	struct audit_entry e = { w->now, staff_id, login, action, 0, detail, w->client };

	return audit_write(db, &e);
}

void
staff_session_xml(const struct staff *s, xmlNodePtr parent)
{
	xmlNodePtr n = xml_add(parent, "session", NULL), r;
	unsigned i;

	xml_attr(n, "login", s->login);
	xml_attr(n, "name", s->name);
	xml_attr(n, "csrf", s->csrf);
	for (i = 0; i < s->nroles; i++) {
		r = xml_add(n, "role", NULL);
		xml_attr(r, "name", role_names[s->role[i].role]);
		xml_attr(r, "label", role_labels[s->role[i].role]);
		xml_attr_int(r, "department-id", s->role[i].department_id);
		xml_attr(r, "department", s->role[i].department);
	}
}

/* Does this one role reach the case, and is its department the lead? */
static bool
role_reaches(const struct staff_role *r, const char *region, const struct case_depts *d,
    bool *on_lead)
{
	bool in_area = region_in(region, r->prefix), on_case = false;
	int j;

	*on_lead = false;
	/* A department's staff reach the cases transferred to their department or to a
	 * department of the same kind below it. */
	for (j = 0; j < d->n; j++) {
		if (d->id[j] == r->department_id || (strcmp(d->kind[j], r->kind) == 0 &&
		    region_in(d->region[j], r->prefix)))
			on_case = true;
		if (d->id[j] == r->department_id && d->id[j] == d->lead)
			*on_lead = true;
	}
	switch (r->role) {
	case R_SYSADMIN:
	case R_SECADMIN:
	case R_AUDITOR:
		return false;                   /* administrators handle no case (三员分立) */
	case R_INTAKE:
	case R_PUBLISHER:
		/* 工信 roles: every case of their area */
		return in_area && strcmp(r->kind, "gongxin") == 0;
	case R_SUPERVISOR:
		return (in_area && strcmp(r->kind, "gongxin") == 0) || on_case;
	default:
		return on_case;
	}
}

unsigned
staff_case_roles(const struct staff *s, const char *region, const struct case_depts *d,
    struct case_role out[STAFF_MAX_ROLES])
{
	unsigned i, n = 0;
	bool on_lead;

	for (i = 0; i < s->nroles && n < STAFF_MAX_ROLES; i++) {
		if (!role_reaches(&s->role[i], region, d, &on_lead))
			continue;
		out[n].role = s->role[i].role;
		out[n].department_id = s->role[i].department_id;
		out[n].on_lead = on_lead;
		n++;
	}
	return n;
}

bool
staff_needs_factor(const struct staff *s)
{
	return (s->roles & GUARDED_ROLES) != 0;
}
