/* case: one case for the staff who reach it: the report, its departments, records, identity
 * (only on an audited request by the two people allowed) and the actions the user may take,
 * as lib/workflow.c decides for each of the user's roles on this case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "crypto.h"
#include "queries.h"
#include "report.h"

/* Q_CASE_GET's columns, in order, into struct kase. */
#define K struct kase
static const struct dbc kase_cols[] = {
	COL_I64(K, id), COL_TEXT(K, ticket), COL_TEXT(K, state), COL_TEXT(K, category),
	COL_TEXT(K, standards), COL_TEXT(K, industry), COL_TEXT(K, region),
	COL_TEXT(K, subject_type), COL_TEXT(K, subject_name), COL_TEXT(K, subject_address),
	COL_TEXT(K, credit_code), COL_STR(K, description), COL_BOOL(K, hazard),
	COL_BOOL(K, hazard_notified), COL_BOOL(K, anonymous), COL_TEXT(K, channel),
	COL_TEXT(K, submitted), COL_TEXT(K, due), COL_BOOL(K, overdue), COL_TEXT(K, verdict),
	COL_TEXT(K, disposal), COL_TEXT(K, feedback_state), COL_STR(K, feedback_text),
	COL_TEXT(K, duplicate_of), COL_TEXT(K, duplicate_ticket), COL_I64(K, intake_staff),
	COL_I64(K, contact_staff), COL_I64(K, lead), COL_TEXT(K, contact_name),
};
#undef K
static const struct db_loader kase_loader = DB_LOADER(struct kase, kase_cols);

/* A department the case is transferred to (Q_CASE_DEPTS). */
struct dept_row {
	int64_t id;
	char    name[401], role[5], kind[17], region[7];
};
static const struct dbc dept_cols[] = {
	COL_I64(struct dept_row, id), COL_TEXT(struct dept_row, name),
	COL_TEXT(struct dept_row, role), COL_TEXT(struct dept_row, kind),
	COL_TEXT(struct dept_row, region),
};
static const struct db_loader dept_loader = DB_LOADER(struct dept_row, dept_cols);

static int
kase_dept_row(void *arg, void *row)
{
	struct kase *k = arg;
	const struct dept_row *r = row;
	int i = k->depts.n;

	if (i >= 16)
		return 1;
	k->depts.id[i] = r->id;
	memcpy(k->dept_names[i], r->name, sizeof(r->name));
	memcpy(k->dept_roles[i], r->role, sizeof(r->role));
	memcpy(k->depts.kind[i], r->kind, sizeof(r->kind));
	memcpy(k->depts.region[i], r->region, sizeof(r->region));
	k->depts.n++;
	return 0;
}

/* The facts of the case the workflow table judges, seen by user `who`. */
static void
kase_facts(struct kase *k, int64_t who)
{
	struct case_facts *f = &k->facts;
	int st = state_from_name(k->state);

	f->state = st >= 0 ? (enum state)st : S__MAX;
	f->facts = (k->anonymous ? BIT(F_ANONYMOUS) : 0) | (k->hazard ? BIT(F_HAZARD) : 0) |
	    (k->hazard_notified ? BIT(F_HAZARD_NOTIFIED) : 0) |
	    (strcmp(k->verdict, "false") == 0 ? BIT(F_VERDICT_FALSE) : 0) |
	    (k->duplicate_of[0] != '\0' ? BIT(F_DUPLICATE) : 0) |
	    (strcmp(k->feedback_state, "draft") == 0 ? BIT(F_FEEDBACK_DRAFT) : 0) |
	    (k->lead > 0 ? BIT(F_HAS_LEAD) : 0);
	f->actor_intake = who > 0 && who == k->intake_staff;
	f->actor_contact = who > 0 && who == k->contact_staff;
}

int
kase_load(struct page *pg, int64_t id, struct kase *k)
{
	struct dbp p[1] = { P_INT(id) };
	struct dept_row row;
	int rc;

	memset(k, 0, sizeof(*k));
	if (id <= 0)
		return 0;
	if ((rc = db_load(&pg->c->db, Q_CASE_GET, p, 1, &kase_loader, &pg->c->arena, k, NULL,
	    NULL, &k->found)) != DB_OK)
		return rc;
	k->c = pg->c;
	if (!k->found)
		return 0;
	if ((rc = db_rows(pg, Q_CASE_DEPTS, p, 1, &dept_loader, &row, kase_dept_row, k)) != DB_OK)
		return rc;
	k->depts.lead = k->lead;
	k->nroles = staff_case_roles(&pg->s, k->region, &k->depts, k->roles);
	kase_facts(k, pg->s.id);
	return k->nroles > 0 ? 1 : 0;
}

int
kase_may(const struct kase *k, enum action a)
{
	return workflow_decide(a, &k->facts, k->roles, k->nroles);
}

void
case_get(struct page *pg)
{
	case_page(pg, fnum(pg, ID_ID), false, 200, NULL);
}
