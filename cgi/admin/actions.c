/*
 * actions: a case action posted from the case page. The action is allowed only if kase_may
 * (lib/workflow.c, each of the user's roles judged on its own department and person, on the
 * case's state and facts) allows it: the same rule that decides which forms the page shows. A
 * refused action answers 409 and changes nothing. Every id in the form (departments, the
 * original of a duplicate, the contact) is checked against the user's area and its own state.
 * The action, its state change, its public event, its note and the audit row are one
 * transaction.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "crypto.h"
#include "queries.h"
#include "report.h"

static bool
action_name_ok(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	(void)len;
	return action_from_name(v) >= 0;
}

const struct form_key act_keys[AK__MAX] = {
	[AK_ID] = { "id", form_id, 0, 0, FORM_REQUIRED, NULL, "案件编号无效。" },
	[AK_ACTION] = { "action", action_name_ok, 1, 32, FORM_REQUIRED, NULL, "未知的操作。" },
	[AK_TEXT] = { "text", NULL, 1, LIMIT_ACTION_TEXT, FORM_MULTILINE, NULL,
	    "内容不超过5000字。" },
	[AK_REASON] = { "reason", NULL, 1, 32, 0, NULL, "请选择不予受理的理由。" },
	[AK_DEPARTMENT] = { "department", form_id, 0, 0, FORM_MULTI, NULL, "部门无效。" },
	[AK_LEAD] = { "lead", form_id, 0, 0, 0, NULL, "请选择牵头办理部门。" },
	[AK_INSPECTED_ON] = { "inspected_on", form_date, 0, 0, 0, NULL,
	    "检查日期格式应为YYYY-MM-DD。" },
	[AK_TEAM] = { "team", NULL, 1, LIMIT_TEAM, 0, NULL, "核查组不超过200字。" },
	[AK_FINDINGS] = { "findings", NULL, 1, LIMIT_FINDINGS, FORM_MULTILINE, NULL,
	    "检查情况不超过5000字。" },
	[AK_VERDICT] = { "verdict", form_choice, 0, 0, 0, verdicts, "请选择核查结论。" },
	[AK_MEASURE] = { "measure", form_choice, 0, 0, FORM_MULTI, stats_measures,
	    "处置措施无效。" },
	[AK_DEADLINE] = { "deadline", form_date, 0, 0, 0, NULL, "整改期限的日期格式不正确。" },
	[AK_COMPLETE] = { "complete", NULL, 1, 1, 0, NULL, "选项无效。" },
	[AK_TICKET] = { "ticket", form_ticket, 0, 0, 0, NULL, "请输入原举报的16位受理编号。" },
	[AK_STAFF] = { "staff", form_id, 0, 0, 0, NULL, "请选择牵头部门的核查组联系人。" },
};

/* When the text an action requires is missing. */
static const char *const text_missing[A__MAX] = {
	[A_REJECT] = "请填写告知举报人的内容（如不予受理的理由和应当反映的渠道）。",
	[A_NEEDS_INFO] = "请填写告知举报人的内容（如不予受理的理由和应当反映的渠道）。",
	[A_PROGRESS] = "请填写处置进展。",
	[A_FEEDBACK] = "请填写反馈意见（核实情况和处理结果）。",
	[A_NOTE] = "请填写内容。",
	[A_PRESS] = "请填写内容。",
	[A_NOTIFY_HAZARD] = "请填写内容。",
};

struct act {
	struct page             *pg;
	struct kase             *k;
	const struct transition *t;
	enum role                role;      /* the role that acts */
	const char              *text;      /* the text the action writes publicly, if any */
	const char              *disposal;  /* the disposal decided (A_DISPOSE) */
	const char              *error;     /* a message for the user: 400 */
	const char              *field;     /* the field it concerns */
};

static int
fail(struct act *x, int field, const char *message)
{
	x->error = message;
	x->field = field >= 0 ? act_keys[field].name : NULL;
	return DB_OK;
}

static int
add_note(struct act *x, enum note_kind kind, const char *text)
{
	struct dbp p[5];

	p[0] = P_INT(x->k->id);
	p[1] = P_INT(x->pg->c->now);
	p[2] = P_INT(x->pg->s.id);
	p[3] = P_TEXT(note_kind_names[kind]);
	p[4] = P_TEXT(text);
	return db_run(&x->pg->c->db, Q_NOTE_INSERT, p, 5);
}

static int
add_event(struct ctx *c, int64_t report_id, const char *state, const char *text)
{
	struct dbp p[4];

	p[0] = P_INT(report_id);
	p[1] = P_INT(c->now);
	p[2] = P_TEXT(state);
	p[3] = P_TEXT(text);
	return db_run(&c->db, Q_EVENT_INSERT_NOW, p, 4);
}

/* printf into the request arena, exactly as long as it needs. */
static char *
aprintf(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static char *
aprintf(struct ctx *c, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = arena_alloc(&c->arena, (size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	(void)vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Transfer: the departments the officer confirmed, one of them the lead; each must be an
 * enabled department of the case's province. */
static int
do_transfer(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct form_field *d = &x->pg->f[AK_DEPARTMENT];
	int64_t lead = fnum(x->pg, AK_LEAD), ids[17];
	unsigned n = 0, i, j;
	struct dbp p[3];
	bool ok;
	int rc;

	if (lead <= 0)
		return fail(x, AK_LEAD, "请选择牵头办理部门。");
	ids[n++] = lead;
	for (i = 0; i < d->nvalues && n < 17; i++) {
		int64_t v;
		if (!form_parse_int(d->values[i], strlen(d->values[i]), 1, INT64_MAX, &v))
			return fail(x, AK_DEPARTMENT, "部门无效。");
		for (j = 0; j < n && ids[j] != v; j++)
			;
		if (j == n)
			ids[n++] = v;
	}
	if (d->nvalues >= 17)
		return fail(x, AK_DEPARTMENT, "协办部门过多。");
	for (i = 0; i < n; i++) {
		if ((rc = transfer_target_ok(x->pg, x->k->region, ids[i], &ok)) != DB_OK)
			return rc;
		if (!ok)
			return fail(x, i == 0 ? AK_LEAD : AK_DEPARTMENT,
			    "所选部门不存在、已停用或不在本省，请重新选择。");
	}
	p[0] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_RD_CLEAR, p, 1)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		p[0] = P_INT(x->k->id);
		p[1] = P_INT(ids[i]);
		p[2] = P_TEXT(i == 0 ? "lead" : "coop");
		if ((rc = db_run(&c->db, Q_RD_INSERT, p, 3)) != DB_OK)
			return rc;
	}
	p[0] = P_INT(lead);
	p[1] = P_INT(x->k->id);
	return db_run(&c->db, Q_CASE_SET_LEAD, p, 2);
}

static int
do_inspect(struct act *x)
{
	struct ctx *c = x->pg->c;
	const char *on = fv(x->pg, AK_INSPECTED_ON), *team = fv(x->pg, AK_TEAM);
	const char *findings = fv(x->pg, AK_FINDINGS), *verdict = fv(x->pg, AK_VERDICT);
	struct dbp p[2];
	int rc;

	if (on == NULL || team == NULL || findings == NULL || verdict == NULL)
		return fail(x, on == NULL ? AK_INSPECTED_ON : team == NULL ? AK_TEAM :
		    findings == NULL ? AK_FINDINGS : AK_VERDICT,
		    "请填写检查日期、核查组、检查情况，并选择核查结论。");
	if ((rc = add_note(x, NOTE_INSPECTION, aprintf(c, "检查日期：%s；核查组：%s；结论：%s。\n%s",
	    on, team, option_label(verdicts, verdict), findings))) != DB_OK)
		return rc;
	p[0] = P_TEXT(verdict);
	p[1] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_CASE_SET_VERDICT, p, 2)) != DB_OK)
		return rc;
	if (x->text == NULL)
		x->text = aprintf(c, "已完成现场核查，核查结论：%s。", option_label(verdicts, verdict));
	return DB_OK;
}

static int
do_dispose(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct form_field *m = &x->pg->f[AK_MEASURE];
	const char *deadline = fv(x->pg, AK_DEADLINE), *disposal = "";
	struct dbp p[2];
	unsigned i;

	if (m->nvalues == 0)
		return fail(x, AK_MEASURE, "请至少选择一项处置措施。");
	/* at most the seven measures, once each: fits report.disposal */
	for (i = 0; i < m->nvalues; i++)
		disposal = aprintf(c, "%s%s%s", disposal, i > 0 ? "；" : "",
		    option_label(stats_measures, m->values[i]));
	if (deadline != NULL)
		disposal = aprintf(c, "%s（期限：%s）", disposal, deadline);
	if (x->text == NULL)
		x->text = aprintf(c, "责任部门已作出处置决定：%s。", disposal);
	x->disposal = disposal;
	p[0] = P_TEXT(disposal);
	p[1] = P_INT(x->k->id);
	return db_run(&c->db, Q_CASE_SET_DISPOSAL, p, 2);
}

/* Release the approved feedback: the public event carries it, for this report and for every
 * report linked to it as a duplicate (both reporters see the outcome). */
struct dup_ids {
	int64_t id[64];
	int     n;
};
struct id_state {
	int64_t id;
	char    state[16];
};
static const struct dbc id_state_cols[] = {
	COL_I64(struct id_state, id), COL_TEXT(struct id_state, state),
};
static const struct db_loader id_state_loader = DB_LOADER(struct id_state, id_state_cols);

static int
dup_id_row(void *arg, void *row)
{
	struct dup_ids *d = arg;
	const struct id_state *r = row;

	if (d->n < 64 && strcmp(r->state, "closed") != 0 && strcmp(r->state, "rejected") != 0)
		d->id[d->n++] = r->id;
	return 0;
}

static int
do_release(struct act *x)
{
	struct ctx *c = x->pg->c;
	struct dup_ids d = { { 0 }, 0 };
	struct id_state row;
	struct dbp p[3];
	int i, rc;

	if (x->k->feedback_text == NULL || x->k->feedback_text[0] == '\0')
		return fail(x, -1, "尚无反馈意见。");
	x->text = x->k->feedback_text;
	p[0] = P_TEXT(x->k->feedback_text);
	p[1] = P_TEXT("approved");
	p[2] = P_INT(x->k->id);
	if ((rc = db_run(&c->db, Q_CASE_SET_FEEDBACK, p, 3)) != DB_OK)
		return rc;
	p[0] = P_INT(x->k->id);
	if ((rc = db_rows(x->pg, Q_CASE_DUPLICATE_IDS, p, 1, &id_state_loader, &row, dup_id_row,
	    &d)) != DB_OK)
		return rc;
	for (i = 0; i < d.n; i++) {
		if ((rc = add_event(c, d.id[i], "closed", x->k->feedback_text)) != DB_OK ||
		    (rc = stats_record(&c->db, d.id[i], &(struct stats_event){
		    .kind = SK_CLOSE_DUP, .at = c->now })) != DB_OK)
			return rc;
		p[0] = P_INT(c->now);
		p[1] = P_INT(d.id[i]);
		/* whatever state the duplicate was in */
		if ((rc = db_run(&c->db, Q_CASE_CLOSE, p, 2)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* The original must be a case this officer reaches as intake, not itself a duplicate, not
 * refused, and not this case. */
static int
do_link_duplicate(struct act *x)
{
	struct ctx *c = x->pg->c;
	const char *ticket = fv(x->pg, AK_TICKET);
	int64_t other = 0;
	struct kase *o = arena_alloc(&c->arena, sizeof(*o));
	struct dbp p[2];
	unsigned i;
	bool intake = false;
	int rc;

	if (ticket == NULL)
		return fail(x, AK_TICKET, "请输入原举报的16位受理编号。");
	p[0] = P_TEXT(ticket);
	if ((rc = db_int(&c->db, Q_CASE_ID_BY_TICKET, p, 1, 0, &other)) != DB_OK)
		return rc;
	if (other > 0 && other != x->k->id && (rc = kase_load(x->pg, other, o)) < 0)
		return rc;
	for (i = 0; other > 0 && other != x->k->id && rc == 1 && i < o->nroles; i++)
		intake |= o->roles[i].role == R_INTAKE;
	if (!intake)
		return fail(x, AK_TICKET, "找不到该受理编号的举报，或不在您的职责范围内。");
	if (o->duplicate_of[0] != '\0' || strcmp(o->state, "rejected") == 0)
		return fail(x, AK_TICKET, "该举报本身是重复举报或已不予受理，不能作为原举报。");
	p[0] = P_INT(other);
	p[1] = P_INT(x->k->id);
	return db_run(&c->db, Q_CASE_SET_DUPLICATE, p, 2);
}

static int
do_set_contact(struct act *x)
{
	struct ctx *c = x->pg->c;
	int64_t who = fnum(x->pg, AK_STAFF), ok = 0;
	struct dbp p[3];
	int rc;

	p[0] = P_INT(who);
	p[1] = P_TEXT("contact");
	p[2] = P_INT(x->k->lead);
	if (who > 0 && (rc = db_int(&c->db, Q_STAFF_HAS_ROLE, p, 3, 0, &ok)) != DB_OK)
		return rc;
	if (ok != 1)
		return fail(x, AK_STAFF, "请选择牵头部门的核查组联系人。");
	p[0] = P_INT(who);
	p[1] = P_INT(x->k->id);
	return db_run(&c->db, Q_CASE_SET_CONTACT, p, 2);
}

/* An enabled refusal reason (Q_REASON_LABEL). */
struct reason_label {
	char label[401];
};
static const struct dbc reason_label_cols[] = { COL_TEXT(struct reason_label, label) };
static const struct db_loader reason_label_loader = DB_LOADER(struct reason_label,
    reason_label_cols);

static int
do_reject(struct act *x)
{
	const char *code = fv(x->pg, AK_REASON);
	struct reason_label rl;
	struct dbp p[1];
	bool found = false;
	int rc;

	p[0] = P_TEXT(code != NULL ? code : "");
	if (code != NULL && (rc = db_load(&x->pg->c->db, Q_REASON_LABEL, p, 1,
	    &reason_label_loader, &x->pg->c->arena, &rl, NULL, NULL, &found)) != DB_OK)
		return rc;
	if (!found)
		return fail(x, AK_REASON, "请选择不予受理的理由。");
	return add_note(x, NOTE_NOTE, aprintf(x->pg->c, "不予受理理由：%s", rl.label));
}

/* The action's own work, inside the transaction. */
static int
act_specific(struct act *x)
{
	struct ctx *c = x->pg->c;
	const char *text = fv(x->pg, AK_TEXT);
	struct dbp p[3];
	int rc = DB_OK;

	switch (x->t->action) {
	case A_REJECT:
		return do_reject(x);
	case A_TRANSFER:
		return do_transfer(x);
	case A_INSPECT:
		return do_inspect(x);
	case A_DISPOSE:
		return do_dispose(x);
	case A_RELEASE:
		return do_release(x);
	case A_SET_CONTACT:
		return do_set_contact(x);
	case A_LINK_DUPLICATE:
		return do_link_duplicate(x);
	case A_FEEDBACK:
		p[0] = P_TEXT(text);
		p[1] = P_TEXT("draft");
		p[2] = P_INT(x->k->id);
		return db_run(&c->db, Q_CASE_SET_FEEDBACK, p, 3);
	case A_PROGRESS:
		rc = add_note(x, NOTE_PROGRESS, text);
		if (rc == DB_OK && fv(x->pg, AK_COMPLETE) != NULL)
			rc = add_note(x, NOTE_PROGRESS, "处置已完成。");
		return rc;
	case A_NOTIFY_HAZARD:
		if ((rc = add_note(x, NOTE_HAZARD, text)) != DB_OK)
			return rc;
		p[0] = P_INT(x->k->id);
		return db_run(&c->db, Q_CASE_SET_HAZARD, p, 1);
	case A_NOTE:
	case A_PRESS:
		return add_note(x, x->t->note, text);
	default:
		return DB_OK;
	}
}

/* The state change, guarded by the old state so that two officers cannot both move a case. */
static int
change_state(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct transition *t = x->t;
	char due[11];
	struct dbp p[6];
	int rc;

	if (t->due == DUE_FROM_TODAY)
		report_due(c->refdata.calendar, c->now, t->due_days, due);
	p[0] = P_TEXT(state_names[t->to]);
	p[1] = t->due == DUE_NONE ? P_NULL : t->due == DUE_KEEP ? P_OPT(x->k->due) : P_TEXT(due);
	/* the intake officer who first screens a report is the one who may know the reporter */
	p[2] = x->role == R_INTAKE && (t->action == A_ACCEPT || t->action == A_REJECT ||
	    t->action == A_NEEDS_INFO) ? P_INT(x->pg->s.id) : P_NULL;
	p[3] = P_INT(c->now);
	p[4] = P_INT(x->k->id);
	p[5] = P_TEXT(x->k->state);
	if ((rc = db_run(&c->db, Q_CASE_SET_STATE, p, 6)) != DB_OK)
		return rc;
	if (db_affected(&c->db, Q_CASE_SET_STATE) != 1)
		return fail(x, -1, "该案件刚刚已被他人处理，请查看最新状态。");
	return DB_OK;
}

/* The action in the summary tables (lib/stats.c), after its own records and its state change:
 * on time when done on or before the due date the case had until now. */
static int
act_stats(struct act *x)
{
	struct ctx *c = x->pg->c;
	int kind = stats_action_kind[x->t->action];
	struct stats_event ev;

	if (kind < 0)
		return DB_OK;
	memset(&ev, 0, sizeof(ev));
	ev.kind = (enum stats_kind)kind;
	ev.at = c->now;
	ev.ontime = stats_ontime(c->now, x->k->due);
	ev.verdict = fv(x->pg, AK_VERDICT);
	ev.measures = stats_measure_bits(x->disposal);
	return stats_record(&c->db, x->k->id, &ev);
}

/* One attempt at the whole action; the caller retries on a deadlock. */
static int
act_once(struct act *x)
{
	struct ctx *c = x->pg->c;
	const struct transition *t = x->t;
	const char *state = t->to >= 0 ? state_names[t->to] : x->k->state;
	char detail[200];
	int rc;

	/* the text the action writes publicly: what was typed, else the table's default */
	x->text = t->text != TEXT_NONE ? fv(x->pg, AK_TEXT) : NULL;
	if (x->text == NULL && t->text == TEXT_DEFAULT)
		x->text = t->default_text;
	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	if ((rc = act_specific(x)) != DB_OK || x->error != NULL)
		goto rollback;
	if (t->to >= 0 && ((rc = change_state(x)) != DB_OK || x->error != NULL))
		goto rollback;
	if ((rc = act_stats(x)) != DB_OK)
		goto rollback;
	if (t->public_event && x->text == NULL)
		x->text = t->default_text;
	if (t->public_event && (rc = add_event(c, x->k->id, state, x->text)) != DB_OK)
		goto rollback;
	snprintf(detail, sizeof(detail), "%s: %.15s -> %.15s as %s", t->name, x->k->state, state,
	    role_names[x->role]);
	if ((rc = console_audit(x->pg, t->name, x->k->id, detail)) != DB_OK)
		goto rollback;
	if ((rc = db_commit(&c->db)) == DB_OK)
		return DB_OK;
rollback:
	db_rollback(&c->db);
	return rc;
}

/* The fields an action needs, before anything is written: 400 with the field named. */
static bool
fields_ok(struct act *x)
{
	const struct transition *t = x->t;

	if (x->pg->errors > 0) {
		x->error = "请修改标出的项目后重新提交。";
		return false;
	}
	if (t->text == TEXT_REQUIRED && fv(x->pg, AK_TEXT) == NULL) {
		fail(x, AK_TEXT, text_missing[t->action]);
		return false;
	}
	return true;
}

static int
field_index(const char *name)
{
	int i;

	for (i = 0; i < AK__MAX; i++)
		if (strcmp(act_keys[i].name, name) == 0)
			return i;
	return AK_ID;
}

static void
refuse(struct page *pg, const struct kase *k, const char *action)
{
	char detail[200];

	snprintf(detail, sizeof(detail), "refused %s in %s", action, k->state);
	(void)console_audit(pg, "refused", k->id, detail);
	pg->errors = 0;
	console_error(pg, 409, "当前状态下您不能进行此操作。");
}

void
case_action(struct page *pg)
{
	struct ctx *c = pg->c;
	int64_t id = fnum(pg, AK_ID);
	int a = action_from_name(fv(pg, AK_ACTION)), who, rc, attempt;
	struct kase k;
	struct act x;
	char path[64];

	if ((rc = kase_load(pg, id, &k)) < 0) {
		db_unavailable(pg);
		return;
	}
	if (rc == 0) {
		pg->errors = 0;
		console_error(pg, 404, "案件不存在，或不在您的职责范围内。");
		return;
	}
	if (a < 0) {
		case_page(pg, id, false, 400, "未知的操作。");
		return;
	}
	/* The page's rule, asked again: what it would not offer is refused, whatever was sent. */
	if ((who = kase_may(&k, (enum action)a)) < 0) {
		refuse(pg, &k, transitions[a].name);
		return;
	}
	if (a == A_REVEAL) {
		case_page(pg, id, true, 200, NULL);
		return;
	}
	memset(&x, 0, sizeof(x));
	x.pg = pg;
	x.k = &k;
	x.t = &transitions[a];
	x.role = k.roles[who].role;
	rc = DB_OK;
	if (fields_ok(&x))
		for (attempt = 0, rc = DB_RETRY; attempt < 3 && rc == DB_RETRY && x.error == NULL;
		    attempt++)
			rc = act_once(&x);
	if (x.error != NULL) {
		if (x.field != NULL && pg->f[field_index(x.field)].error == NULL) {
			form_fail(&pg->f[field_index(x.field)], x.error);
			pg->errors++;
		}
		case_page(pg, id, false, 400, x.error);
		return;
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	snprintf(path, sizeof(path), "/admin/case?id=%lld", (long long)id);
	app_redirect(c, path);
}
