/* lists: see lists.h. */
#include <string.h>

#include "lists.h"

#define F(x) (1u << (LF_##x))
#define COMMON (F(ENTERPRISE) | F(CREDIT_CODE) | F(ADDRESS) | F(REGION) | F(INDUSTRY))
#define NEEDED (F(ENTERPRISE) | F(REGION) | F(INDUSTRY))

const char *const list_field_names[LF__MAX] = {
	"enterprise", "credit_code", "address", "region", "industry", "facts", "items",
	"equipment", "model", "quantity", "capacity", "capacity_unit", "exit_method", "products",
	"checks_passed", "legal_basis", "requirement", "deadline", "completion",
};

const char *const list_field_labels[LF__MAX] = {
	"企业名称", "统一社会信用代码", "地址", "所在地区", "行业", "违法事实", "不达标项目",
	"设备（生产线）名称", "型号", "数量", "产能", "产能单位", "退出方式", "主要产品",
	"通过的核查", "法律依据", "整改或处理要求", "完成期限", "完成情况",
};

/* seed 003 §一: what each list shows; the department and the dates come with every entry. */
const struct list_def list_defs[L__MAX] = {
	[L_VIOLATION] = { "violation", "违法信息", NULL,
	    "依法责令关停的企业：违法事实、法律依据、处理要求、期限和责任部门。",
	    COMMON | F(FACTS) | F(LEGAL_BASIS) | F(REQUIREMENT) | F(DEADLINE) | F(COMPLETION),
	    NEEDED | F(FACTS) | F(LEGAL_BASIS) | F(REQUIREMENT) | F(DEADLINE), true,
	    { [LF_FACTS] = "违法行为和事实", [LF_COMPLETION] = "关停完成情况" } },
	[L_ELIMINATION] = { "elimination", "淘汰信息", NULL,
	    "淘汰类设备和申请退出的企业：设备名称、型号、数量、产能、退出方式和期限。",
	    COMMON | F(EQUIPMENT) | F(MODEL) | F(QUANTITY) | F(CAPACITY) | F(CAPACITY_UNIT) |
	    F(EXIT_METHOD) | F(DEADLINE) | F(COMPLETION),
	    NEEDED | F(EQUIPMENT) | F(QUANTITY) | F(CAPACITY) | F(CAPACITY_UNIT) |
	    F(EXIT_METHOD) | F(DEADLINE), true,
	    { [LF_COMPLETION] = "拆除（退出）情况" } },
	[L_RECTIFICATION] = { "rectification", "整改信息", "黄牌",
	    "能耗、环保、质量、安全等不达标、责令限期整改的企业：实测值、标准限值和标准号。",
	    COMMON | F(ITEMS) | F(REQUIREMENT) | F(DEADLINE) | F(COMPLETION),
	    NEEDED | F(ITEMS) | F(REQUIREMENT) | F(DEADLINE), true,
	    { [LF_COMPLETION] = "整改验收情况" } },
	[L_FORCED_EXIT] = { "forced_exit", "不达标强制退出", "红牌",
	    "拒不整改或整改后仍不达标、依法关停退出的企业。",
	    COMMON | F(ITEMS) | F(FACTS) | F(LEGAL_BASIS) | F(REQUIREMENT) | F(DEADLINE) |
	    F(CAPACITY) | F(CAPACITY_UNIT) | F(COMPLETION),
	    NEEDED | F(ITEMS) | F(FACTS) | F(LEGAL_BASIS) | F(DEADLINE), true,
	    { [LF_FACTS] = "拒不整改或整改未达标情况", [LF_COMPLETION] = "关停退出情况" } },
	[L_COMPLIANT] = { "compliant", "合法合规企业", NULL,
	    "重点行业合法合规且达标的企业：主要装备、产品、产能和通过的核查，接受社会监督。",
	    COMMON | F(EQUIPMENT) | F(PRODUCTS) | F(CAPACITY) | F(CAPACITY_UNIT) |
	    F(CHECKS_PASSED),
	    NEEDED | F(EQUIPMENT) | F(PRODUCTS) | F(CAPACITY) | F(CAPACITY_UNIT) |
	    F(CHECKS_PASSED), false,
	    { [LF_EQUIPMENT] = "主要装备" } },
};

int
list_type_from_code(const char *code)
{
	int i;

	for (i = 0; code != NULL && i < L__MAX; i++)
		if (strcmp(list_defs[i].code, code) == 0)
			return i;
	return -1;
}

const char *
list_field_label(enum list_type t, enum list_field f)
{
	if ((unsigned)t >= L__MAX || (unsigned)f >= LF__MAX)
		return "";
	return list_defs[t].labels[f] != NULL ? list_defs[t].labels[f] : list_field_labels[f];
}

const char *const entry_state_names[E__MAX] = {
	"draft", "notice", "announcement", "archived", "withdrawn",
};
const char *const entry_state_labels[E__MAX] = {
	"草稿", "公示中", "已公告", "已归档", "已撤回",
};

int
entry_state_from_name(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < E__MAX; i++)
		if (strcmp(entry_state_names[i], name) == 0)
			return i;
	return -1;
}

bool
entry_state_public(enum entry_state s)
{
	return s != E_DRAFT && (unsigned)s < E__MAX;
}

#define S(x) (1u << (E_##x))
/* draft -> notice (公示) -> announcement (公告, after completion and acceptance) -> archived;
 * withdrawn from any published state, with a reason that stays public. Nothing is deleted. */
const struct entry_move_def entry_moves[M__MAX] = {
	[M_NOTICE] = { "notice", "发布公示", S(DRAFT), E_NOTICE, false },
	[M_ANNOUNCE] = { "announce", "发布公告", S(NOTICE), E_ANNOUNCEMENT, false },
	[M_ARCHIVE] = { "archive", "归档", S(ANNOUNCEMENT), E_ARCHIVED, false },
	[M_WITHDRAW] = { "withdraw", "撤回", S(NOTICE) | S(ANNOUNCEMENT), E_WITHDRAWN, true },
};

int
entry_move_from_name(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < M__MAX; i++)
		if (strcmp(entry_moves[i].name, name) == 0)
			return i;
	return -1;
}

const char *
entry_move_problem(enum entry_move m, enum list_type t, enum entry_state s,
    bool has_completion)
{
	if ((unsigned)m >= M__MAX || (unsigned)t >= L__MAX || (unsigned)s >= E__MAX)
		return "未知的操作。";
	if (!(entry_moves[m].from & (1u << s)))
		return "该条目当前状态下不能进行此操作。";
	if (m == M_ANNOUNCE && list_defs[t].completion_to_announce && !has_completion)
		return "发布公告前请填写完成情况（完成并经验收后公告）。";
	return NULL;
}

cal_day
list_due_date(const struct calendar *cal, cal_day basis)
{
	return cal_add_workdays(cal, basis, LIST_DUE_WORKDAYS);
}
