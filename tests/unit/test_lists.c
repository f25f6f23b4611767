/*
 * test_lists.c: lib/lists.c, the table of the published lists: every list shows what it
 * requires and what seed 003 §一 says it shows, codes are unique and found again, the moves of
 * an entry follow 公示 -> 公告 -> 归档 (or 撤回) and nothing else, and the publication deadline
 * counts 10 working days across a holiday and an adjusted working weekend (调休).
 */
#include <stdbool.h>
#include <string.h>

#include "calendar.h"
#include "lists.h"
#include "unit.h"

#define F(x) (1u << (LF_##x))

static void
test_table(void)
{
	int t, u;

	for (t = 0; t < L__MAX; t++) {
		const struct list_def *d = &list_defs[t];
		CHECK(d->code != NULL && d->label != NULL && d->summary != NULL);
		CHECK((d->required & ~d->shown) == 0);            /* required ⊆ shown */
		CHECK((d->shown & (F(ENTERPRISE) | F(REGION) | F(INDUSTRY))) ==
		    (F(ENTERPRISE) | F(REGION) | F(INDUSTRY)));
		CHECK(list_type_from_code(d->code) == t);
		for (u = t + 1; u < L__MAX; u++)
			CHECK(strcmp(d->code, list_defs[u].code) != 0);
	}
	CHECK(list_type_from_code("annual_exit") == -1);
	CHECK(list_type_from_code("") == -1);
	CHECK(list_type_from_code(NULL) == -1);
	/* seed 003 §一: what each list must show */
	CHECK((list_defs[L_VIOLATION].shown & (F(FACTS) | F(LEGAL_BASIS) | F(REQUIREMENT) |
	    F(DEADLINE))) == (F(FACTS) | F(LEGAL_BASIS) | F(REQUIREMENT) | F(DEADLINE)));
	CHECK((list_defs[L_ELIMINATION].required & (F(EQUIPMENT) | F(QUANTITY) | F(CAPACITY) |
	    F(EXIT_METHOD))) == (F(EQUIPMENT) | F(QUANTITY) | F(CAPACITY) | F(EXIT_METHOD)));
	CHECK(list_defs[L_RECTIFICATION].required & F(ITEMS));
	CHECK(strcmp(list_defs[L_RECTIFICATION].card, "黄牌") == 0);
	CHECK(strcmp(list_defs[L_FORCED_EXIT].card, "红牌") == 0);
	CHECK(!list_defs[L_COMPLIANT].completion_to_announce);
	CHECK_STR(list_field_label(L_VIOLATION, LF_FACTS), "违法行为和事实");
	CHECK_STR(list_field_label(L_ELIMINATION, LF_FACTS), "违法事实");
	CHECK_STR(list_field_label(L__MAX, LF_FACTS), "");
}

static void
test_moves(void)
{
	enum entry_state s;
	int m;

	CHECK(entry_move_problem(M_NOTICE, L_VIOLATION, E_DRAFT, false) == NULL);
	CHECK(entry_move_problem(M_ANNOUNCE, L_VIOLATION, E_NOTICE, false) != NULL);
	CHECK(entry_move_problem(M_ANNOUNCE, L_VIOLATION, E_NOTICE, true) == NULL);
	CHECK(entry_move_problem(M_ANNOUNCE, L_COMPLIANT, E_NOTICE, false) == NULL);
	CHECK(entry_move_problem(M_ARCHIVE, L_VIOLATION, E_ANNOUNCEMENT, true) == NULL);
	CHECK(entry_move_problem(M_WITHDRAW, L_VIOLATION, E_NOTICE, false) == NULL);
	CHECK(entry_move_problem(M_WITHDRAW, L_VIOLATION, E_ANNOUNCEMENT, false) == NULL);
	/* nothing leaves withdrawn or archived except archived's nothing; a draft is not
	 * withdrawn (it was never public) */
	for (m = 0; m < M__MAX; m++) {
		CHECK(entry_move_problem((enum entry_move)m, L_VIOLATION, E_WITHDRAWN, true) != NULL);
		CHECK(entry_move_problem((enum entry_move)m, L_VIOLATION, E_ARCHIVED, true) != NULL);
	}
	CHECK(entry_move_problem(M_WITHDRAW, L_VIOLATION, E_DRAFT, true) != NULL);
	CHECK(entry_move_problem(M_ARCHIVE, L_VIOLATION, E_NOTICE, true) != NULL);
	CHECK(entry_move_problem(M__MAX, L_VIOLATION, E_DRAFT, true) != NULL);
	CHECK(entry_move_from_name("withdraw") == M_WITHDRAW);
	CHECK(entry_move_from_name("delete") == -1);
	for (s = 0; s < E__MAX; s++)
		CHECK(entry_state_from_name(entry_state_names[s]) == (int)s);
	CHECK(!entry_state_public(E_DRAFT) && entry_state_public(E_WITHDRAWN));
}

static void
test_due(void)
{
	struct calendar *cal = cal_new();
	char d[11];

	CHECK(cal != NULL);
	/* no exceptions: Monday 2026-11-02 + 10 working days = Monday 2026-11-16 */
	cal_format(list_due_date(cal, cal_from_ymd(2026, 11, 2)), d);
	CHECK_STR(d, "2026-11-16");
	/* 2026 National Day: 10-01..10-08 off, Saturday 10-10 worked (调休) */
	for (int day = 1; day <= 8; day++)
		CHECK(cal_set(cal, cal_from_ymd(2026, 10, day), true) == 0);
	CHECK(cal_set(cal, cal_from_ymd(2026, 10, 10), false) == 0);
	/* from Wednesday 09-30: 10-09 (Fri), 10-10 (Sat, worked), 10-12 … 10-16, 10-19 … 10-21 */
	cal_format(list_due_date(cal, cal_from_ymd(2026, 9, 30)), d);
	CHECK_STR(d, "2026-10-21");
	cal_free(cal);
}

int
main(void)
{
	test_table();
	test_moves();
	test_due();
	return unit_done();
}
