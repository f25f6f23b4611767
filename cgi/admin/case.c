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

#define COPY(dst, i) snprintf(k->dst, sizeof(k->dst), "%s", r->col[i])

static int
kase_row(void *arg, const struct db_row *r)
{
	struct kase *k = arg;

	k->found = true;
	k->id = strtoll(r->col[0], NULL, 10);
	COPY(ticket, 1);
	COPY(state, 2);
	COPY(category, 3);
	COPY(standards, 4);
	COPY(industry, 5);
	COPY(region, 6);
	COPY(subject_type, 7);
	COPY(subject_name, 8);
	COPY(subject_address, 9);
	COPY(credit_code, 10);
	k->description = arena_strdup(&k->c->arena, r->col[11]);
	k->hazard = strcmp(r->col[12], "1") == 0;
	k->hazard_notified = strcmp(r->col[13], "1") == 0;
	k->anonymous = strcmp(r->col[14], "1") == 0;
	COPY(channel, 15);
	COPY(submitted, 16);
	COPY(due, 17);
	k->overdue = strcmp(r->col[18], "1") == 0;
	COPY(verdict, 19);
	COPY(disposal, 20);
	COPY(feedback_state, 21);
	k->feedback_text = arena_strdup(&k->c->arena, r->col[22]);
	COPY(duplicate_of, 23);
	COPY(duplicate_ticket, 24);
	k->intake_staff = strtoll(r->col[25], NULL, 10);
	k->contact_staff = strtoll(r->col[26], NULL, 10);
	k->lead = strtoll(r->col[27], NULL, 10);
	COPY(contact_name, 28);
	return 1;
}

static int
kase_dept_row(void *arg, const struct db_row *r)
{
	struct kase *k = arg;
	int i = k->depts.n;

	if (i >= 16)
		return 1;
	k->depts.id[i] = strtoll(r->col[0], NULL, 10);
	snprintf(k->dept_names[i], sizeof(k->dept_names[i]), "%s", r->col[1]);
	snprintf(k->dept_roles[i], sizeof(k->dept_roles[i]), "%s", r->col[2]);
	snprintf(k->depts.kind[i], sizeof(k->depts.kind[i]), "%s", r->col[3]);
	snprintf(k->depts.region[i], sizeof(k->depts.region[i]), "%s", r->col[4]);
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
	int rc;

	memset(k, 0, sizeof(*k));
	k->c = pg->c;
	if (id <= 0)
		return 0;
	if ((rc = db_run(&pg->c->db, Q_CASE_GET, p, 1, kase_row, k)) != DB_OK)
		return rc;
	if (!k->found)
		return 0;
	if ((rc = db_run(&pg->c->db, Q_CASE_DEPTS, p, 1, kase_dept_row, k)) != DB_OK)
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
