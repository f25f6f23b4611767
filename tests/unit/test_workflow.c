/*
 * test_workflow.c: lib/workflow.c walked whole. For every action, state, role, lead flag,
 * personal flag and set of case facts, workflow_decide must agree with the rules of seed 001
 * written out here a second time, as plain conditions per action (not read from the table).
 * Then the judgement per role: a user's roles are judged each on its own department.
 */
#include <stdbool.h>
#include <string.h>

#include "unit.h"
#include "workflow.h"

#define HAS(f) ((facts & BIT(F_##f)) != 0)

static bool
in(enum state s, unsigned set)
{
	return (set & BIT(s)) != 0;
}

/* The rules as a reader of the seeds states them. */
static bool
expected(enum action a, enum state s, enum role r, bool on_lead, bool me_intake, bool me_contact,
    unsigned facts)
{
	bool dept_lead = (r == R_HANDLER || r == R_CONTACT) ? on_lead : true;
	unsigned screening = BIT(S_SUBMITTED) | BIT(S_ACCEPTED);
	unsigned handling = BIT(S_VERIFIED) | BIT(S_DISPOSING);

	switch (a) {
	case A_ACCEPT:
		return r == R_INTAKE && s == S_SUBMITTED;
	case A_REJECT:
		return r == R_INTAKE && in(s, screening | BIT(S_NEEDS_INFO));
	case A_NEEDS_INFO:
		return r == R_INTAKE && in(s, screening);
	case A_TRANSFER:
		return r == R_INTAKE && s == S_ACCEPTED;
	case A_START_INSPECTION:
		return r == R_HANDLER && dept_lead && HAS(HAS_LEAD) && s == S_TRANSFERRED;
	case A_INSPECT:
		return (r == R_HANDLER || r == R_CONTACT) && dept_lead && HAS(HAS_LEAD) &&
		    s == S_INSPECTING;
	case A_DISPOSE:
		return r == R_HANDLER && dept_lead && HAS(HAS_LEAD) && s == S_VERIFIED &&
		    !HAS(VERDICT_FALSE);
	case A_PROGRESS:
		return r == R_HANDLER && dept_lead && HAS(HAS_LEAD) && s == S_DISPOSING;
	case A_FEEDBACK:
		return r == R_HANDLER && dept_lead && HAS(HAS_LEAD) && in(s, handling);
	case A_RELEASE:
		return r == R_INTAKE && in(s, handling) && HAS(FEEDBACK_DRAFT);
	case A_NOTE:
		/* the case roles that work on cases; no administrator (三员分立) */
		return r == R_INTAKE || r == R_HANDLER || r == R_CONTACT || r == R_SUPERVISOR;
	case A_PRESS:
		return r == R_SUPERVISOR && s != S_CLOSED && s != S_REJECTED;
	case A_REVEAL:
		return !HAS(ANONYMOUS) && ((r == R_INTAKE && me_intake) ||
		    (r == R_CONTACT && me_contact));
	case A_SET_CONTACT:
		return r == R_HANDLER && dept_lead && HAS(HAS_LEAD) &&
		    in(s, BIT(S_TRANSFERRED) | BIT(S_INSPECTING) | handling);
	case A_NOTIFY_HAZARD:
		return r == R_INTAKE && in(s, screening | BIT(S_REJECTED)) && HAS(ANONYMOUS) &&
		    HAS(HAZARD) && !HAS(HAZARD_NOTIFIED);
	case A_LINK_DUPLICATE:
		return r == R_INTAKE && in(s, screening) && !HAS(DUPLICATE);
	default:
		return false;
	}
}

static void
test_whole_table(void)
{
	unsigned a, s, r, facts, lead, me, mismatches = 0, allowed = 0, walked = 0;

	for (a = 0; a < A__MAX; a++)
		for (s = 0; s < S__MAX; s++)
			for (r = 0; r < R__MAX; r++)
				for (facts = 0; facts < BIT(F__MAX); facts++)
					for (lead = 0; lead < 2; lead++)
						for (me = 0; me < 4; me++) {
		struct case_role role = { (enum role)r, 7, lead != 0 };
		struct case_facts f = { (enum state)s, facts, (me & 1) != 0, (me & 2) != 0 };
		bool got = workflow_decide((enum action)a, &f, &role, 1) == 0;
		bool want = expected((enum action)a, (enum state)s, (enum role)r, lead != 0,
		    (me & 1) != 0, (me & 2) != 0, facts);

		walked++;
		allowed += got;
		if (got != want && mismatches++ < 10)
			fprintf(stderr, "mismatch: %s in %s by %s lead=%u me=%u facts=%#x: %d\n",
			    transitions[a].name, state_names[s], role_names[r], lead, me, facts, got);
	}
	CHECK(mismatches == 0);
	CHECK(walked == A__MAX * S__MAX * R__MAX * (1u << F__MAX) * 2 * 4);
	CHECK(allowed > 0);                  /* the walk is not vacuous */
}

/* Each of the table's rows is named and labelled once, and names round-trip. */
static void
test_names(void)
{
	int i, j;

	for (i = 0; i < A__MAX; i++) {
		CHECK((int)transitions[i].action == i);
		CHECK(action_from_name(transitions[i].name) == i);
		CHECK(transitions[i].label != NULL && transitions[i].label[0] != '\0');
		/* a public event needs a text from somewhere */
		if (transitions[i].public_event && transitions[i].text == TEXT_DEFAULT)
			CHECK(transitions[i].default_text != NULL);
		for (j = 0; j < i; j++)
			CHECK(strcmp(transitions[i].name, transitions[j].name) != 0);
	}
	for (i = 0; i < S__MAX; i++)
		CHECK(state_from_name(state_names[i]) == i);
	for (i = 0; i < R__MAX; i++)
		CHECK(role_from_name(role_names[i]) == i);
	CHECK(action_from_name("drop_table") == -1);
	CHECK(action_from_name(NULL) == -1);
	CHECK(state_from_name("") == -1);
}

/* A user who is contact at the lead department and handler at a co-operating one: the handler
 * role is not on the lead, so it cannot name a contact or start the inspection; the contact
 * role may inspect but not reveal unless it is the named contact. */
static void
test_roles_judged_one_by_one(void)
{
	struct case_role two[2] = { { R_HANDLER, 20, false }, { R_CONTACT, 10, true } };
	struct case_facts f = { S_TRANSFERRED, BIT(F_HAS_LEAD), false, false };

	CHECK(workflow_decide(A_SET_CONTACT, &f, two, 2) == -1);
	CHECK(workflow_decide(A_START_INSPECTION, &f, two, 2) == -1);
	CHECK(workflow_decide(A_REVEAL, &f, two, 2) == -1);
	f.state = S_INSPECTING;
	CHECK(workflow_decide(A_INSPECT, &f, two, 2) == 1);          /* as the contact */
	f.actor_contact = true;
	CHECK(workflow_decide(A_REVEAL, &f, two, 2) == 1);
	f.facts |= BIT(F_ANONYMOUS);
	CHECK(workflow_decide(A_REVEAL, &f, two, 2) == -1);
	/* an intake officer who did not screen the report does not learn who sent it */
	{
		struct case_role intake = { R_INTAKE, 1, false };
		struct case_facts g = { S_ACCEPTED, 0, false, false };
		CHECK(workflow_decide(A_REVEAL, &g, &intake, 1) == -1);
		g.actor_intake = true;
		CHECK(workflow_decide(A_REVEAL, &g, &intake, 1) == 0);
	}
	/* no roles on the case: nothing */
	CHECK(workflow_decide(A_NOTE, &f, two, 0) == -1);
	/* out-of-range input */
	f.state = S__MAX;
	CHECK(workflow_decide(A_NOTE, &f, two, 2) == -1);
	CHECK(workflow_decide((enum action)A__MAX, &f, two, 2) == -1);
}

int
main(void)
{
	test_whole_table();
	test_names();
	test_roles_judged_one_by_one();
	return unit_done();
}
