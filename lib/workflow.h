/*
 * workflow: the case's life as data (seed 001 §三): which action may be taken in which state, by
 * which role, on which facts of the case, into which state, what it writes (public text, a
 * staff note) and what deadline the new stage gets, in working days. The console's case page
 * offers exactly what workflow_decide allows and the POST path asks the same function again:
 * nothing else decides whether a transition is allowed.
 */
#ifndef JUBAO_WORKFLOW_H
#define JUBAO_WORKFLOW_H

#include <stdbool.h>
#include <stdint.h>

enum state {
	S_SUBMITTED, S_ACCEPTED, S_REJECTED, S_NEEDS_INFO, S_TRANSFERRED, S_INSPECTING,
	S_VERIFIED, S_DISPOSING, S_CLOSED, S__MAX
};

/* The case roles, then the three administrators of 三员分立 (等保2.0 level 3): system
 * administration (routing, calendar, refusal reasons), security administration (accounts,
 * roles, resets) and audit (reads the audit trail). An administrator handles no case. */
enum role {
	R_INTAKE, R_HANDLER, R_CONTACT, R_SUPERVISOR, R_PUBLISHER, R_SYSADMIN, R_SECADMIN,
	R_AUDITOR, R__MAX
};

enum action {
	A_ACCEPT, A_REJECT, A_NEEDS_INFO, A_TRANSFER, A_START_INSPECTION, A_INSPECT, A_DISPOSE,
	A_PROGRESS, A_FEEDBACK, A_RELEASE, A_NOTE, A_PRESS, A_REVEAL, A_SET_CONTACT,
	A_NOTIFY_HAZARD, A_LINK_DUPLICATE, A__MAX
};

#define BIT(x) (1u << (x))
#define ADMIN_ROLES (BIT(R_SYSADMIN) | BIT(R_SECADMIN) | BIT(R_AUDITOR))
#define CASE_ROLES (BIT(R_INTAKE) | BIT(R_HANDLER) | BIT(R_CONTACT) | BIT(R_SUPERVISOR) | \
    BIT(R_PUBLISHER))
/* The custodians: the roles that can see a reporter's identity (seed 001 §三(六)). */
#define CUSTODIAN_ROLES (BIT(R_INTAKE) | BIT(R_CONTACT))
/* Roles whose holders must sign in with a second factor, and whose grant (or a credential
 * reset of whose holder) takes effect only when a second security administrator approves. */
#define GUARDED_ROLES (CUSTODIAN_ROLES | ADMIN_ROLES)
#define OPEN_STATES (BIT(S_SUBMITTED) | BIT(S_ACCEPTED) | BIT(S_NEEDS_INFO) | \
    BIT(S_TRANSFERRED) | BIT(S_INSPECTING) | BIT(S_VERIFIED) | BIT(S_DISPOSING))

/* Deadlines in working days (seed 001 §三(二)–(四)). */
#define DUE_TRANSFER   2     /* 工信 transfers within 2 working days of receipt */
#define DUE_INSPECTION 5     /* the department inspects on site within 5 of transfer */
#define DUE_REPORT     10    /* the verification report within 10 of the inspection */

enum due_rule {
	DUE_KEEP,            /* the stage's deadline stays */
	DUE_NONE,            /* no deadline (final state, or waiting for the reporter) */
	DUE_FROM_TODAY,      /* today + days */
};

/* Facts of a case that decide whether an action makes sense, beyond its state. */
enum fact {
	F_ANONYMOUS,         /* the reporter gave no identity */
	F_HAZARD,            /* the reporter marked a safety hazard */
	F_HAZARD_NOTIFIED,   /* the hazard notification is already recorded */
	F_VERDICT_FALSE,     /* the inspection found the report untrue (不属实) */
	F_DUPLICATE,         /* linked as a duplicate of another report */
	F_FEEDBACK_DRAFT,    /* a feedback draft waits for approval */
	F_HAS_LEAD,          /* transferred: a lead department is set */
	F__MAX
};

/* What an action does with the form's text field. */
enum text_rule {
	TEXT_NONE,           /* not asked for; ignored */
	TEXT_DEFAULT,        /* optional; the table's default text when left empty */
	TEXT_OPTIONAL,       /* optional; else the action writes its own */
	TEXT_REQUIRED,       /* required (the reporter's answer, a note, a feedback draft) */
};

/* The staff note an action writes, if any. */
enum note_kind { NOTE_NONE, NOTE_NOTE, NOTE_INSPECTION, NOTE_PROGRESS, NOTE_PRESS,
	NOTE_HAZARD, NOTE__MAX };

struct transition {
	enum action    action;
	const char    *name;          /* form value */
	const char    *label;         /* button text */
	unsigned       from;          /* BIT(state) set */
	int            to;            /* enum state, or -1: the state does not change */
	unsigned       roles;         /* BIT(role) set allowed to do it */
	bool           lead_only;     /* a handler/contact role must be on the lead department */
	bool           personal;      /* intake: only the case's own intake officer; contact: only
	                               * the named contact (the two who may know the reporter) */
	unsigned       need;          /* BIT(fact) set that must hold */
	unsigned       forbid;        /* BIT(fact) set that must not hold */
	enum text_rule text;
	bool           public_event;  /* writes an event the reporter sees on the status page */
	enum note_kind note;
	enum due_rule  due;
	int            due_days;
	const char    *default_text;  /* public text when the form leaves it empty */
};

/* One of the user's roles as it stands to a case: the role, and whether that role's own
 * department is the case's lead department. A user with roles at several departments has one
 * of these per role that reaches the case (lib/staff.c). */
struct case_role {
	enum role role;
	int64_t   department_id;
	bool      on_lead;
};

/* The case as the rules see it. */
struct case_facts {
	enum state state;
	unsigned   facts;             /* BIT(fact) set */
	bool       actor_intake;      /* the user recorded or first screened the report */
	bool       actor_contact;     /* the user is the named verification contact */
};

extern const struct transition transitions[A__MAX];
extern const char *const state_names[S__MAX];
extern const char *const role_names[R__MAX];
extern const char *const role_labels[R__MAX];
extern const char *const note_kind_names[NOTE__MAX];

int  state_from_name(const char *);          /* -1 when unknown */
int  role_from_name(const char *);
int  action_from_name(const char *);

/* May a user whose roles on the case are roles[0..n) take action a? Each role is judged on its
 * own (its department, its person): the index of the first role that may act, or -1. */
int  workflow_decide(enum action a, const struct case_facts *, const struct case_role *roles,
    unsigned n);

#endif
