/* lists_moves: the moves of entries (lib/lists.c's table): 公示 of a batch of drafts of one
 * list and one department (one list_batch row), 公告 once the completion is written, archive,
 * withdrawal with a reason that stays public; and the review or sample (复核、抽查) of the
 * level above. Each entry is checked against the table and the user's department (分级管理),
 * each change audited in its transaction, nothing deleted; the pages are published after the
 * commit. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "publish.h"
#include "queries.h"

#define MOVE_MAX 100           /* entries in one batch */

struct moving {
	struct page   *pg;
	int            move;       /* enum entry_move, or M__MAX for the review */
	struct lentry  e[MOVE_MAX];
	int            n;
	int64_t        batch;
	char           today[11];
	const char    *why;        /* refused: why (Chinese) */
	int            status;
};

static const char *const move_audit[M__MAX + 1] = {
	[M_NOTICE] = "list_notice", [M_ANNOUNCE] = "list_announce",
	[M_ARCHIVE] = "list_archive", [M_WITHDRAW] = "list_withdraw", [M__MAX] = "list_review",
};

static bool
refuse(struct moving *mv, int status, const char *why)
{
	mv->status = status;
	mv->why = why;
	return false;
}

/* The list's required fields (and items) before its 公示. */
static bool
complete_for_notice(struct moving *mv, const struct lentry *e)
{
	const struct list_def *d = &list_defs[e->type];
	int64_t items = 0;
	int i;

	for (i = 0; i < LF__MAX; i++)
		if ((d->required & (1u << i)) && i != LF_ITEMS && e->v[i][0] == '\0')
			return refuse(mv, 409, lists_printf(mv->pg->c, "条目 %lld 尚未填写%s，不能公示。",
			    (long long)e->id, list_field_label(e->type, (enum list_field)i)));
	if (!(d->required & (1u << LF_ITEMS)))
		return true;
	if (lists_item_count(mv->pg, e->id, &items) != DB_OK)
		return refuse(mv, 503, NULL);
	return items > 0 ? true : refuse(mv, 409, lists_printf(mv->pg->c,
	    "条目 %lld 尚未添加不达标项目，不能公示。", (long long)e->id));
}

/* May this move be made on entry e by the user? */
static bool
may_move(struct moving *mv, const struct lentry *e)
{
	struct page *pg = mv->pg;
	enum lists_access a = lentry_access(pg, e);
	const char *completion = fv(pg, MK_COMPLETION), *problem;

	if (a == LA_NONE)
		return refuse(mv, 404, "条目不存在，或不在您的辖区内。");
	if (mv->move == M__MAX)
		return a == LA_REVIEW ? true : refuse(mv, 403,
		    "复核、抽查由上级信息公开人员对下级部门的条目进行。");
	if (a != LA_OWN)
		return refuse(mv, 403, "只有条目所属部门的信息公开人员可以发布、归档或撤回（分级管理）。");
	if (e->department_id != mv->e[0].department_id || e->type != mv->e[0].type)
		return refuse(mv, 409, "同一批次只能包含同一名单、同一部门的条目。");
	problem = entry_move_problem(mv->move, e->type, e->st, e->v[LF_COMPLETION][0] != '\0' ||
	    (completion != NULL && mv->n == 1));
	if (problem != NULL)
		return refuse(mv, 409, problem);
	return mv->move != M_NOTICE || complete_for_notice(mv, e);
}

/* Load and judge every id of the request. */
static bool
load_all(struct moving *mv)
{
	const struct form_field *f = &mv->pg->f[MK_ID];
	unsigned i;
	int64_t id;
	int rc;

	if (f->nvalues > MOVE_MAX || (mv->move != M_NOTICE && f->nvalues > 1 &&
	    (mv->move == M__MAX || fv(mv->pg, MK_COMPLETION) != NULL)))
		return refuse(mv, 400, "一次选择的条目过多。");
	for (i = 0; i < f->nvalues; i++) {
		if (!form_parse_int(f->values[i], strlen(f->values[i]), 1, (int64_t)1 << 53, &id))
			return refuse(mv, 400, "编号无效。");
		if ((rc = lentry_load(mv->pg, id, &mv->e[mv->n])) < 0)
			return refuse(mv, 503, NULL);
		if (rc == 0)
			return refuse(mv, 404, "条目不存在，或不在您的辖区内。");
		mv->n++;
		if (!may_move(mv, &mv->e[mv->n - 1]))
			return false;
	}
	return mv->n > 0 ? true : refuse(mv, 400, "请选择条目。");
}

/* Run the move's statement on e; *qp the statement, whose affected rows say it applied. */
static int
move_one(struct moving *mv, const struct lentry *e, int *qp)
{
	struct page *pg = mv->pg;
	const char *completion = fv(pg, MK_COMPLETION);
	struct dbp p[4];
	int q;
	size_t n = 0;

	switch (mv->move) {
	case M_NOTICE:
		q = Q_LIST_NOTICE;
		p[n++] = P_INT(mv->batch);
		break;
	case M_ANNOUNCE:
		q = Q_LIST_ANNOUNCE;
		p[n++] = P_TEXT(completion != NULL ? completion : e->v[LF_COMPLETION]);
		break;
	case M_ARCHIVE:
		q = Q_LIST_ARCHIVE;
		break;
	case M_WITHDRAW:
		q = Q_LIST_WITHDRAW;
		break;
	default:
		q = Q_LIST_REVIEW;
		p[n++] = P_INT(pg->s.id);
		break;
	}
	p[n++] = P_TEXT(mv->today);
	if (mv->move == M_WITHDRAW || mv->move == M__MAX)
		p[n++] = P_TEXT(fv(pg, mv->move == M_WITHDRAW ? MK_REASON : MK_NOTE));
	p[n++] = P_INT(e->id);
	*qp = q;
	return db_run(&pg->c->db, q, p, n);
}

static int
batch_insert(struct moving *mv)
{
	struct ctx *c = mv->pg->c;
	struct dbp p[5] = { P_INT(mv->e[0].department_id), P_TEXT(list_defs[mv->e[0].type].code),
	    P_TEXT("notice"), P_TEXT(mv->today), P_INT(mv->pg->s.id) };
	int rc;

	if ((rc = db_run(&c->db, Q_LIST_BATCH_INSERT, p, 5)) == DB_OK)
		mv->batch = (int64_t)db_insert_id(&c->db, Q_LIST_BATCH_INSERT);
	return rc;
}

static int
move_all_once(struct moving *mv)
{
	struct ctx *c = mv->pg->c;
	const char *text = fv(mv->pg, mv->move == M_WITHDRAW ? MK_REASON : MK_NOTE);
	int i, q, rc;

	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	if (mv->move == M_NOTICE && (rc = batch_insert(mv)) != DB_OK)
		goto rollback;
	for (i = 0; i < mv->n; i++) {
		if ((rc = move_one(mv, &mv->e[i], &q)) != DB_OK)
			goto rollback;
		if (mv->move != M__MAX && db_affected(&c->db, q) != 1) {
			refuse(mv, 409, "条目状态已变化，请刷新后重试。");
			goto rollback;
		}
		if ((rc = console_audit(mv->pg, move_audit[mv->move], 0, lists_printf(c,
		    "entry %lld %s: %s -> %s%s%.300s", (long long)mv->e[i].id,
		    list_defs[mv->e[i].type].code, entry_state_names[mv->e[i].st],
		    mv->move == M__MAX ? "reviewed" : entry_state_names[entry_moves[mv->move].to],
		    text != NULL ? "; " : "", text != NULL ? text : ""))) != DB_OK)
			goto rollback;
	}
	if ((rc = db_commit(&c->db)) == DB_OK)
		return DB_OK;
rollback:
	db_rollback(&c->db);
	return rc;
}

/* The text a move needs: a withdrawal's reason, a review's note. */
static bool
text_present(struct moving *mv)
{
	struct page *pg = mv->pg;

	if (mv->move == M_WITHDRAW && fv(pg, MK_REASON) == NULL) {
		form_fail(&pg->f[MK_REASON], "请填写撤回理由，理由将随“已撤回”说明公开。");
		pg->errors++;
	}
	if (mv->move == M__MAX && fv(pg, MK_NOTE) == NULL) {
		form_fail(&pg->f[MK_NOTE], "请填写复核或抽查意见。");
		pg->errors++;
	}
	return pg->errors == 0 ? true : refuse(mv, 400, "请检查标出的内容。");
}

static void
answer(struct moving *mv)
{
	struct page *pg = mv->pg;
	char path[96];
	int i;

	if (mv->why != NULL && mv->n == 1 && mv->status != 404) {
		if (mv->status != 400)
			pg->errors = 0;
		lists_entry_page(pg, mv->e[0].id, mv->status, mv->why);
		return;
	}
	if (mv->status == 503 || (mv->why == NULL && mv->status != 0)) {
		db_unavailable(pg);
		return;
	}
	if (mv->why != NULL) {
		pg->errors = mv->status == 400 ? pg->errors : 0;
		console_error(pg, mv->status, mv->why);
		return;
	}
	for (i = 0; i < mv->n; i++)       /* committed: a page not written now is logged */
		(void)publish_after_change(pg->c, (enum list_type)mv->e[i].type, mv->e[i].id);
	if (mv->n == 1)
		snprintf(path, sizeof(path), "/admin/lists/entry?id=%lld", (long long)mv->e[0].id);
	else
		snprintf(path, sizeof(path), "/admin/lists/entries?list=%s&state=%s",
		    list_defs[mv->e[0].type].code, entry_state_names[entry_moves[mv->move].to]);
	app_redirect(pg->c, path);
}

void
lists_move_post(struct page *pg)
{
	static struct moving mv;
	const char *action = fv(pg, MK_ACTION);
	int attempt, rc = DB_RETRY;

	memset(&mv, 0, sizeof(mv));
	mv.pg = pg;
	mv.move = action == NULL ? -1 : strcmp(action, "review") == 0 ? M__MAX :
	    entry_move_from_name(action);
	cal_format(cal_beijing_day(pg->c->now), mv.today);
	if (mv.move < 0 || pg->f[MK_ID].error != NULL) {
		pg->errors = 0;
		console_error(pg, 400, "请求无效。");
		return;
	}
	/* field errors other than the texts (an over-long completion) are shown with the entry */
	if (load_all(&mv) && (pg->errors == 0 || refuse(&mv, 400, "请检查标出的内容。")) &&
	    text_present(&mv))
		for (attempt = 0; attempt < 3 && rc == DB_RETRY && mv.why == NULL; attempt++)
			rc = move_all_once(&mv);
	if (mv.why == NULL && mv.status == 0 && rc != DB_OK)
		mv.status = 503;
	answer(&mv);
}
