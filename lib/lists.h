/*
 * lists: the published lists (公示、公告; seed 003 §一, seed 004 §(二十一), seed 002 §四) as data.
 * This module owns the list types (their codes are part of the public contract), which fields
 * each list shows and requires and under which label, the states of an entry and the moves
 * between them, and the publication deadline (10 working days after the inspection or the
 * acceptance an entry follows). The console's publisher pages, the public lists program, the
 * static pages and the feeds all ask these tables; nothing else decides what a list shows.
 * Pure: no database, no request.
 */
#ifndef JUBAO_LISTS_H
#define JUBAO_LISTS_H

#include <stdbool.h>

#include "calendar.h"

enum list_type {
	L_VIOLATION, L_ELIMINATION, L_RECTIFICATION, L_FORCED_EXIT, L_COMPLIANT, L__MAX
};

/* The fields of an entry, in the order a page shows them; each maps to a column of
 * list_entry (list_item for LF_ITEMS). */
enum list_field {
	LF_ENTERPRISE, LF_CREDIT_CODE, LF_ADDRESS, LF_REGION, LF_INDUSTRY, LF_FACTS, LF_ITEMS,
	LF_EQUIPMENT, LF_MODEL, LF_QUANTITY, LF_CAPACITY, LF_CAPACITY_UNIT, LF_EXIT_METHOD,
	LF_PRODUCTS, LF_CHECKS_PASSED, LF_LEGAL_BASIS, LF_REQUIREMENT, LF_DEADLINE,
	LF_COMPLETION, LF__MAX
};

struct list_def {
	const char *code;          /* the URL and contract code: /jubao/lists/{code} */
	const char *label;         /* 违法信息 … */
	const char *card;          /* 黄牌, 红牌 or NULL */
	const char *summary;       /* one sentence for the index page */
	unsigned    shown;         /* BIT(list_field) shown on the entry */
	unsigned    required;      /* BIT(list_field) required to publish the notice */
	bool        completion_to_announce;  /* the 公告 needs the completion text */
	const char *labels[LF__MAX];         /* a label for this list, or NULL: the default */
};

extern const struct list_def list_defs[L__MAX];
extern const char *const list_field_names[LF__MAX];      /* form and XML names */
extern const char *const list_field_labels[LF__MAX];     /* default Chinese labels */

/* The list type of a code, or -1. */
int list_type_from_code(const char *code);
/* The label of field f on list t. */
const char *list_field_label(enum list_type t, enum list_field f);

enum entry_state { E_DRAFT, E_NOTICE, E_ANNOUNCEMENT, E_ARCHIVED, E_WITHDRAWN, E__MAX };
extern const char *const entry_state_names[E__MAX];
extern const char *const entry_state_labels[E__MAX];
int entry_state_from_name(const char *name);
/* Public: an entry in this state is on the public pages (withdrawn ones with their note). */
bool entry_state_public(enum entry_state);

enum entry_move { M_NOTICE, M_ANNOUNCE, M_ARCHIVE, M_WITHDRAW, M__MAX };
struct entry_move_def {
	const char *name, *label;
	unsigned    from;          /* BIT(entry_state) */
	enum entry_state to;
	bool        needs_reason;  /* withdraw: a reason, shown publicly */
};
extern const struct entry_move_def entry_moves[M__MAX];
int entry_move_from_name(const char *name);
/* May move m be made on an entry of list t in state s whose completion text is present or
 * not? NULL when it may, else why not (Chinese, for the page). */
const char *entry_move_problem(enum entry_move m, enum list_type t, enum entry_state s,
    bool has_completion);

#define LIST_DUE_WORKDAYS 10   /* published within 10 working days (seed 003 §一) */
/* The date by which an entry following basis (the inspection or acceptance) had to appear. */
cal_day list_due_date(const struct calendar *, cal_day basis);

#endif
