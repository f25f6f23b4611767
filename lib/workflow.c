/* workflow: see workflow.h. */
#include <string.h>

#include "workflow.h"

const char *const state_names[S__MAX] = {
	"submitted", "accepted", "rejected", "needs_info", "transferred", "inspecting",
	"verified", "disposing", "closed",
};

const char *const role_names[R__MAX] = {
	"intake", "handler", "contact", "supervisor", "publisher", "sysadmin", "secadmin",
	"auditor",
};

const char *const role_labels[R__MAX] = {
	"接报", "责任部门承办", "核查组联系人", "上级督办", "信息公开", "系统管理员",
	"安全管理员", "审计管理员",
};

#define ANY_STAFF (BIT(R_INTAKE) | BIT(R_HANDLER) | BIT(R_CONTACT) | BIT(R_SUPERVISOR))
#define SCREENING (BIT(S_SUBMITTED) | BIT(S_ACCEPTED))
#define HANDLING (BIT(S_VERIFIED) | BIT(S_DISPOSING))
#define ALL_STATES (OPEN_STATES | BIT(S_CLOSED) | BIT(S_REJECTED))
#define R(x) BIT(R_##x)
#define F(x) BIT(F_##x)

/* action, name, label, from, to, roles, lead_only, personal, need, forbid, text, public event,
 * note, due, days, default text */
const struct transition transitions[A__MAX] = {
	{ A_ACCEPT, "accept", "受理", BIT(S_SUBMITTED), S_ACCEPTED, R(INTAKE), false, false, 0,
	    0, TEXT_DEFAULT, true, NOTE_NONE, DUE_KEEP, 0,
	    "举报已受理，将按职责移交有关部门核查处理。" },
	{ A_REJECT, "reject", "不予受理", SCREENING | BIT(S_NEEDS_INFO), S_REJECTED, R(INTAKE),
	    false, false, 0, 0, TEXT_REQUIRED, true, NOTE_NOTE, DUE_NONE, 0, NULL },
	{ A_NEEDS_INFO, "needs_info", "请举报人补充材料", SCREENING, S_NEEDS_INFO, R(INTAKE), false,
	    false, 0, 0, TEXT_REQUIRED, true, NOTE_NONE, DUE_NONE, 0, NULL },
	{ A_TRANSFER, "transfer", "移交", BIT(S_ACCEPTED), S_TRANSFERRED, R(INTAKE), false, false,
	    0, 0, TEXT_DEFAULT, true, NOTE_NONE, DUE_FROM_TODAY, DUE_INSPECTION,
	    "举报已移交有关责任部门核查，责任部门将在5个工作日内组织现场检查。" },
	{ A_START_INSPECTION, "start_inspection", "接收并组织核查", BIT(S_TRANSFERRED),
	    S_INSPECTING, R(HANDLER), true, false, F(HAS_LEAD), 0, TEXT_DEFAULT, true, NOTE_NONE,
	    DUE_KEEP, 0, "责任部门已接收，正在组织现场核查。" },
	{ A_INSPECT, "inspect", "录入现场检查和核查结论", BIT(S_INSPECTING), S_VERIFIED,
	    R(HANDLER) | R(CONTACT), true, false, F(HAS_LEAD), 0, TEXT_OPTIONAL, true, NOTE_INSPECTION,
	    DUE_FROM_TODAY, DUE_REPORT, NULL },
	{ A_DISPOSE, "dispose", "录入处置决定", BIT(S_VERIFIED), S_DISPOSING, R(HANDLER), true,
	    false, F(HAS_LEAD), F(VERDICT_FALSE), TEXT_OPTIONAL, true, NOTE_NONE, DUE_KEEP, 0, NULL },
	{ A_PROGRESS, "progress", "录入处置进展", BIT(S_DISPOSING), -1, R(HANDLER), true, false,
	    F(HAS_LEAD), 0, TEXT_REQUIRED, false, NOTE_PROGRESS, DUE_KEEP, 0, NULL },
	{ A_FEEDBACK, "feedback", "起草反馈意见", HANDLING, -1, R(HANDLER), true, false,
	    F(HAS_LEAD), 0, TEXT_REQUIRED, false, NOTE_NONE, DUE_KEEP, 0, NULL },
	{ A_RELEASE, "release", "审核并反馈举报人", HANDLING, S_CLOSED, R(INTAKE), false, false,
	    F(FEEDBACK_DRAFT), 0, TEXT_NONE, true, NOTE_NONE, DUE_NONE, 0, NULL },
	{ A_NOTE, "note", "内部备注", ALL_STATES, -1, ANY_STAFF, false, false, 0, 0, TEXT_REQUIRED,
	    false, NOTE_NOTE, DUE_KEEP, 0, NULL },
	{ A_PRESS, "press", "督办", OPEN_STATES, -1, R(SUPERVISOR), false, false, 0, 0, TEXT_REQUIRED,
	    false, NOTE_PRESS, DUE_KEEP, 0, NULL },
	{ A_REVEAL, "reveal", "查看举报人身份", ALL_STATES, -1, R(INTAKE) | R(CONTACT), false, true,
	    0, F(ANONYMOUS), TEXT_NONE, false, NOTE_NONE, DUE_KEEP, 0, NULL },
	{ A_SET_CONTACT, "set_contact", "指定核查组联系人", BIT(S_TRANSFERRED) | BIT(S_INSPECTING) |
	    HANDLING, -1, R(HANDLER), true, false, F(HAS_LEAD), 0, TEXT_NONE, false, NOTE_NONE,
	    DUE_KEEP, 0, NULL },
	{ A_NOTIFY_HAZARD, "notify_hazard", "记录已通报相关责任部门", SCREENING | BIT(S_REJECTED),
	    -1, R(INTAKE), false, false, F(ANONYMOUS) | F(HAZARD), F(HAZARD_NOTIFIED),
	    TEXT_REQUIRED, false, NOTE_HAZARD, DUE_KEEP, 0, NULL },
	{ A_LINK_DUPLICATE, "link_duplicate", "关联重复举报", SCREENING, -1, R(INTAKE), false, false,
	    0, F(DUPLICATE), TEXT_NONE, true, NOTE_NONE, DUE_KEEP, 0,
	    "该举报与已受理的举报反映的问题相同，将合并办理，办理结果一并反馈。" },
};

const char *const note_kind_names[NOTE__MAX] = {
	"", "note", "inspection", "progress", "press", "hazard_notice",
};

static int
find(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
state_from_name(const char *s)
{
	return find(state_names, S__MAX, s);
}

int
role_from_name(const char *s)
{
	return find(role_names, R__MAX, s);
}

int
action_from_name(const char *s)
{
	int i;

	for (i = 0; s != NULL && i < A__MAX; i++)
		if (strcmp(transitions[i].name, s) == 0)
			return i;
	return -1;
}

/* May this one role take the action on this case? */
static bool
role_may(const struct transition *t, const struct case_facts *f, const struct case_role *r)
{
	if (!(t->roles & BIT(r->role)))
		return false;
	/* Department roles act only on cases their own department leads; 工信 roles act on any
	 * case in their area. */
	if (t->lead_only && (r->role == R_HANDLER || r->role == R_CONTACT) && !r->on_lead)
		return false;
	if (t->personal && ((r->role == R_INTAKE && !f->actor_intake) ||
	    (r->role == R_CONTACT && !f->actor_contact)))
		return false;
	return true;
}

int
workflow_decide(enum action a, const struct case_facts *f, const struct case_role *roles,
    unsigned n)
{
	const struct transition *t;
	unsigned i;

	if ((unsigned)a >= A__MAX || (unsigned)f->state >= S__MAX)
		return -1;
	t = &transitions[a];
	if (!(t->from & BIT(f->state)) || (f->facts & t->need) != t->need ||
	    (f->facts & t->forbid) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (role_may(t, f, &roles[i]))
			return (int)i;
	return -1;
}
