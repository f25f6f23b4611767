/*
 * workflow: the case's life as data (seed 001 §三): which action may be taken in which state, by
 * which role, into which state, and what deadline the new stage gets, in working days. The
 * console applies these rules; nothing else decides whether a transition is allowed.
 */
#ifndef JUBAO_WORKFLOW_H
#define JUBAO_WORKFLOW_H

#include <stdbool.h>

enum state {
	S_SUBMITTED, S_ACCEPTED, S_REJECTED, S_NEEDS_INFO, S_TRANSFERRED, S_INSPECTING,
	S_VERIFIED, S_DISPOSING, S_CLOSED, S__MAX
};

enum role {
	R_INTAKE, R_HANDLER, R_CONTACT, R_SUPERVISOR, R_PUBLISHER, R_ADMIN, R__MAX
};

enum action {
	A_ACCEPT, A_REJECT, A_NEEDS_INFO, A_TRANSFER, A_START_INSPECTION, A_INSPECT, A_DISPOSE,
	A_PROGRESS, A_FEEDBACK, A_RELEASE, A_NOTE, A_PRESS, A_REVEAL, A_SET_CONTACT,
	A_NOTIFY_HAZARD, A_LINK_DUPLICATE, A__MAX
};

#define BIT(x) (1u << (x))
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

struct transition {
	enum action  action;
	const char  *name;          /* form value */
	const char  *label;         /* button text */
	unsigned     from;          /* BIT(state) set */
	int          to;            /* enum state, or -1: the state does not change */
	unsigned     roles;         /* BIT(role) set allowed to do it */
	bool         lead_only;     /* handler/contact roles must be on the lead department */
	enum due_rule due;
	int          due_days;
	bool         public_text;   /* writes a public event (text required unless default) */
	const char  *default_text;  /* public text when the form leaves it empty */
};

extern const struct transition transitions[A__MAX];
extern const char *const state_names[S__MAX];
extern const char *const role_names[R__MAX];
extern const char *const role_labels[R__MAX];

int  state_from_name(const char *);          /* -1 when unknown */
int  role_from_name(const char *);
int  action_from_name(const char *);
/* May a user holding roles (a BIT(role) set) take action a in state s? on_lead: the user's
 * handler/contact role is on the case's lead department. */
bool workflow_allowed(enum action a, enum state s, unsigned roles, bool on_lead);

#endif
