/* workflow: see workflow.h. */
#include <string.h>

#include "workflow.h"

const char *const state_names[S__MAX] = {
	"submitted", "accepted", "rejected", "needs_info", "transferred", "inspecting",
	"verified", "disposing", "closed",
};

const char *const role_names[R__MAX] = {
	"intake", "handler", "contact", "supervisor", "publisher", "admin",
};

const char *const role_labels[R__MAX] = {
	"接报", "责任部门承办", "核查组联系人", "上级督办", "信息公开", "管理员",
};

#define ANY_STAFF (BIT(R_INTAKE) | BIT(R_HANDLER) | BIT(R_CONTACT) | BIT(R_SUPERVISOR) | \
    BIT(R_ADMIN))

const struct transition transitions[A__MAX] = {
	{ A_ACCEPT, "accept", "受理", BIT(S_SUBMITTED), S_ACCEPTED, BIT(R_INTAKE), false,
	    DUE_KEEP, 0, true, "举报已受理，将按职责移交有关部门核查处理。" },
	{ A_REJECT, "reject", "不予受理", BIT(S_SUBMITTED) | BIT(S_ACCEPTED) | BIT(S_NEEDS_INFO),
	    S_REJECTED, BIT(R_INTAKE), false, DUE_NONE, 0, true, NULL },
	{ A_NEEDS_INFO, "needs_info", "请举报人补充材料", BIT(S_SUBMITTED) | BIT(S_ACCEPTED),
	    S_NEEDS_INFO, BIT(R_INTAKE), false, DUE_NONE, 0, true, NULL },
	{ A_TRANSFER, "transfer", "移交", BIT(S_ACCEPTED), S_TRANSFERRED, BIT(R_INTAKE), false,
	    DUE_FROM_TODAY, DUE_INSPECTION, true, NULL },
	{ A_START_INSPECTION, "start_inspection", "接收并组织核查", BIT(S_TRANSFERRED),
	    S_INSPECTING, BIT(R_HANDLER), true, DUE_KEEP, 0, true,
	    "责任部门已接收，正在组织现场核查。" },
	{ A_INSPECT, "inspect", "录入现场检查和核查结论", BIT(S_INSPECTING), S_VERIFIED,
	    BIT(R_HANDLER) | BIT(R_CONTACT), true, DUE_FROM_TODAY, DUE_REPORT, true, NULL },
	{ A_DISPOSE, "dispose", "录入处置决定", BIT(S_VERIFIED), S_DISPOSING, BIT(R_HANDLER), true,
	    DUE_KEEP, 0, true, NULL },
	{ A_PROGRESS, "progress", "录入处置进展", BIT(S_DISPOSING), -1, BIT(R_HANDLER), true,
	    DUE_KEEP, 0, false, NULL },
	{ A_FEEDBACK, "feedback", "起草反馈意见", BIT(S_VERIFIED) | BIT(S_DISPOSING), -1,
	    BIT(R_HANDLER), true, DUE_KEEP, 0, false, NULL },
	{ A_RELEASE, "release", "审核并反馈举报人", BIT(S_VERIFIED) | BIT(S_DISPOSING), S_CLOSED,
	    BIT(R_INTAKE), false, DUE_NONE, 0, true, NULL },
	{ A_NOTE, "note", "内部备注", OPEN_STATES | BIT(S_CLOSED) | BIT(S_REJECTED), -1, ANY_STAFF,
	    false, DUE_KEEP, 0, false, NULL },
	{ A_PRESS, "press", "督办", OPEN_STATES, -1, BIT(R_SUPERVISOR), false, DUE_KEEP, 0, false,
	    NULL },
	{ A_REVEAL, "reveal", "查看举报人身份", OPEN_STATES | BIT(S_CLOSED) | BIT(S_REJECTED), -1,
	    BIT(R_INTAKE) | BIT(R_CONTACT), false, DUE_KEEP, 0, false, NULL },
	{ A_SET_CONTACT, "set_contact", "指定核查组联系人", BIT(S_TRANSFERRED) | BIT(S_INSPECTING) |
	    BIT(S_VERIFIED) | BIT(S_DISPOSING), -1, BIT(R_HANDLER), true, DUE_KEEP, 0, false, NULL },
	{ A_NOTIFY_HAZARD, "notify_hazard", "记录已通报相关责任部门", BIT(S_SUBMITTED) |
	    BIT(S_ACCEPTED) | BIT(S_REJECTED), -1, BIT(R_INTAKE), false, DUE_KEEP, 0, false, NULL },
	{ A_LINK_DUPLICATE, "link_duplicate", "关联重复举报", BIT(S_SUBMITTED) | BIT(S_ACCEPTED),
	    -1, BIT(R_INTAKE), false, DUE_KEEP, 0, true,
	    "该举报与已受理的举报反映的问题相同，将合并办理，办理结果一并反馈。" },
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

bool
workflow_allowed(enum action a, enum state s, unsigned roles, bool on_lead)
{
	const struct transition *t = &transitions[a];
	unsigned usable = roles & t->roles;

	if (!(t->from & BIT(s)) || usable == 0)
		return false;
	/* Department roles act only on cases their department leads; 工信 roles act on any case
	 * in their area. */
	if (t->lead_only && !on_lead)
		usable &= ~(BIT(R_HANDLER) | BIT(R_CONTACT));
	return usable != 0;
}
