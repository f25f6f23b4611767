/* stats: see stats.h. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "queries.h"
#include "stats.h"

#define STATS_NAME(u, l) #l,
const char *const stats_counter_names[SC__MAX] = { STATS_COUNTERS(STATS_NAME) };
#undef STATS_NAME

/* kind, counter, the counter of "on time", a second counter */
const struct stats_rule stats_rules[SK__MAX] = {
	{ SK_RECEIVE, SC_RECEIVED, -1, -1 },
	{ SK_ACCEPT, SC_ACCEPTED, SC_ACCEPTED_ONTIME, -1 },
	{ SK_REJECT, SC_REFUSED, -1, -1 },
	{ SK_NEEDS_INFO, SC_NEEDS_INFO, -1, -1 },
	{ SK_REPLY, SC_REPLIED, -1, -1 },
	{ SK_TRANSFER, SC_TRANSFERRED, SC_TRANSFERRED_ONTIME, -1 },
	{ SK_START, SC_STARTED, -1, -1 },
	{ SK_INSPECT, SC_INSPECTED, SC_INSPECTED_ONTIME, -1 },
	{ SK_DISPOSE, SC_DISPOSED, -1, -1 },
	{ SK_CLOSE, SC_CLOSED, SC_CLOSED_ONTIME, -1 },
	{ SK_CLOSE_DUP, SC_CLOSED, -1, SC_DUP_CLOSED },
	{ SK_PRESS, SC_PRESSED, -1, -1 },
	{ SK_OVERDUE, SC_OVERDUE, -1, -1 },
};

const int stats_action_kind[A__MAX] = {
	[A_ACCEPT] = SK_ACCEPT, [A_REJECT] = SK_REJECT, [A_NEEDS_INFO] = SK_NEEDS_INFO,
	[A_TRANSFER] = SK_TRANSFER, [A_START_INSPECTION] = SK_START, [A_INSPECT] = SK_INSPECT,
	[A_DISPOSE] = SK_DISPOSE, [A_PROGRESS] = -1, [A_FEEDBACK] = -1, [A_RELEASE] = SK_CLOSE,
	[A_NOTE] = -1, [A_PRESS] = SK_PRESS, [A_REVEAL] = -1, [A_SET_CONTACT] = -1,
	[A_NOTIFY_HAZARD] = -1, [A_LINK_DUPLICATE] = -1,
};

/* The measures of the console's disposal form, in the order of the m_* counters. */
const struct option stats_measures[] = {
	{ "dismantle", "拆除主体设备" },
	{ "cut_off", "断电、断水，拆除动力装置，封存主体设备，公开承诺不再恢复生产" },
	{ "stop", "责令停产停业" },
	{ "close", "关停、关闭、取缔" },
	{ "stop_construction", "责令停止项目建设或试生产" },
	{ "rectify", "限期整改" },
	{ "notify", "通报信用、金融、自然资源、生态环境等部门" },
	{ NULL, NULL },
};

/* The state a replayed event moves the case into, as an event kind. */
static const int kind_of_state[S__MAX] = {
	[S_SUBMITTED] = SK_REPLY, [S_ACCEPTED] = SK_ACCEPT, [S_REJECTED] = SK_REJECT,
	[S_NEEDS_INFO] = SK_NEEDS_INFO, [S_TRANSFERRED] = SK_TRANSFER,
	[S_INSPECTING] = SK_START, [S_VERIFIED] = SK_INSPECT, [S_DISPOSING] = SK_DISPOSE,
	[S_CLOSED] = SK_CLOSE,
};

void
stats_deltas(const struct stats_event *ev, int64_t d[SC__MAX])
{
	const struct stats_rule *r;
	int i;

	memset(d, 0, SC__MAX * sizeof(d[0]));
	if ((unsigned)ev->kind >= SK__MAX)
		return;
	r = &stats_rules[ev->kind];
	d[r->counter] = 1;
	if (r->ontime >= 0 && ev->ontime)
		d[r->ontime] = 1;
	if (r->also >= 0)
		d[r->also] = 1;
	if (ev->kind == SK_INSPECT && ev->verdict != NULL)
		d[SC_V_TRUE] = strcmp(ev->verdict, "true") == 0,
		d[SC_V_PARTLY] = strcmp(ev->verdict, "partly") == 0,
		d[SC_V_FALSE] = strcmp(ev->verdict, "false") == 0;
	for (i = 0; ev->kind == SK_DISPOSE && i <= SC_M_NOTIFY - SC_M_DISMANTLE; i++)
		d[SC_M_DISMANTLE + i] = (ev->measures >> i) & 1;
}

void
stats_month(int64_t t, char out[11])
{
	int y, m, d;

	cal_to_ymd(cal_beijing_day(t), &y, &m, &d);
	cal_format(cal_from_ymd(y, m, 1), out);
}

unsigned
stats_measure_bits(const char *disposal)
{
	unsigned bits = 0, i;

	for (i = 0; disposal != NULL && stats_measures[i].value != NULL; i++)
		if (strstr(disposal, stats_measures[i].label) != NULL)
			bits |= 1u << i;
	return bits;
}

bool
stats_ontime(int64_t now, const char *due)
{
	cal_day d;

	if (due == NULL || !cal_parse(due, strlen(due), &d))
		return false;
	return cal_beijing_day(now) <= d;
}

int
stats_record(struct db *db, int64_t report_id, const struct stats_event *ev)
{
	static const int q[2] = { Q_STATS_CUBE_ADD, Q_STATS_DEPT_ADD };
	struct dbp p[SC__MAX + 2];
	int64_t d[SC__MAX];
	char month[11];
	int i, rc;

	stats_deltas(ev, d);
	stats_month(ev->at, month);
	p[0] = P_TEXT(month);
	for (i = 0; i < SC__MAX; i++)
		p[1 + i] = P_INT(d[i]);
	p[SC__MAX + 1] = P_INT(report_id);
	/* a report just received has no lead department: no statement for it (the submission) */
	for (i = 0; i < 2; i++)
		if ((i != 1 || (!ev->no_lead && ev->kind != SK_RECEIVE)) &&
		    (rc = db_run(db, q[i], p, SC__MAX + 2)) != DB_OK)
			return rc;
	return stats_bump(db, report_id);
}

int
stats_bump(struct db *db, int64_t report_id)
{
	struct dbp p[1];

	p[0] = P_INT(report_id % STATS_PARTS);
	return db_run(db, Q_STATS_VERSION_BUMP, p, 1);
}

size_t
stats_filter_params(const char *dim, const char *value, const char *from, const char *to,
    const char *region, bool below, char pattern[8], struct dbp *p)
{
	size_t n = strnlen(region, 6);
	bool all = strcmp(dim, "all") == 0;

	snprintf(pattern, 8, "%.6s%s", region, below || n == 0 ? "%" : "");
	p[0] = P_TEXT(all ? "category" : dim);
	p[1] = P_TEXT(all ? "" : value);
	p[2] = P_TEXT(all ? "" : value);
	p[3] = P_TEXT(from);
	p[4] = P_TEXT(to);
	p[5] = P_INT(n == 0 ? 2 : below && n < 6 ? n + 2 : n);
	p[6] = P_TEXT(pattern);
	return 7;
}

void
stats_replay_init(struct stats_replay *r)
{
	r->state = -1;
	r->due = 0;
}

/* The due date the case has after moving into state s on day (0: none). */
static cal_day
replay_due(const struct stats_replay *r, const struct calendar *cal, int s, cal_day day)
{
	int a;

	if (s == S_SUBMITTED)   /* received, or answered by the reporter: 2 working days */
		return cal_add_workdays(cal, day, DUE_TRANSFER);
	for (a = 0; a < A__MAX; a++)
		if (transitions[a].to == s && (transitions[a].from & BIT(r->state)))
			break;
	if (a == A__MAX || transitions[a].due == DUE_NONE)
		return 0;
	if (transitions[a].due == DUE_FROM_TODAY)
		return cal_add_workdays(cal, day, transitions[a].due_days);
	return r->due;
}

bool
stats_replay_step(struct stats_replay *r, const struct calendar *cal, int s, int64_t at,
    const char *verdict, unsigned measures, bool feedback_approved, struct stats_event *ev)
{
	cal_day day = cal_beijing_day(at);

	if (s < 0 || s >= S__MAX || s == r->state)
		return false;
	memset(ev, 0, sizeof(*ev));
	ev->kind = r->state < 0 ? SK_RECEIVE : (enum stats_kind)kind_of_state[s];
	if (ev->kind == SK_CLOSE && !feedback_approved)
		ev->kind = SK_CLOSE_DUP;
	ev->at = at;
	ev->ontime = r->due != 0 && day <= r->due;
	ev->verdict = verdict;
	ev->measures = measures;
	if (r->state < 0)
		r->due = cal_add_workdays(cal, day, DUE_TRANSFER);
	else
		r->due = replay_due(r, cal, s, day);
	r->state = s;
	return true;
}

double
stats_score(const double *share, const int64_t *w, unsigned n)
{
	double sum = 0, wsum = 0;
	unsigned i;

	for (i = 0; i < n; i++)
		if (share[i] >= 0 && w[i] > 0) {
			sum += (double)w[i] * share[i];
			wsum += (double)w[i];
		}
	return wsum > 0 ? 100.0 * sum / wsum : -1;
}

#define STATS_LOAD(u, l) COL_I64(struct stats_row, c[SC_##u]),
static const struct dbc stats_row_cols[] = {
	COL_TEXT(struct stats_row, key), STATS_COUNTERS(STATS_LOAD)
};
#undef STATS_LOAD
const struct db_loader stats_row_loader = DB_LOADER(struct stats_row, stats_row_cols);

const char *const stats_measure_names[SM__MAX] = {
	"accepted_ontime", "transferred_ontime", "inspected_ontime", "closed_ontime",
	"not_overdue",
};
const char *const stats_measure_labels[SM__MAX] = {
	"按期受理率", "按期移交率", "按期核查率", "按期反馈率", "未超期率",
};

static double
ratio(int64_t num, int64_t den)
{
	return den > 0 ? (double)num / (double)den : -1;
}

double
stats_share(enum stats_measure m, const int64_t c[SC__MAX])
{
	int64_t stages;
	double r;

	switch (m) {
	case SM_ACCEPTED_ONTIME:
		return ratio(c[SC_ACCEPTED_ONTIME], c[SC_ACCEPTED]);
	case SM_TRANSFERRED_ONTIME:
		return ratio(c[SC_TRANSFERRED_ONTIME], c[SC_TRANSFERRED]);
	case SM_INSPECTED_ONTIME:
		return ratio(c[SC_INSPECTED_ONTIME], c[SC_INSPECTED]);
	case SM_CLOSED_ONTIME:
		return ratio(c[SC_CLOSED_ONTIME], c[SC_CLOSED] - c[SC_DUP_CLOSED]);
	case SM_NOT_OVERDUE:
		stages = c[SC_RECEIVED] + c[SC_TRANSFERRED] + c[SC_INSPECTED];
		if ((r = ratio(c[SC_OVERDUE], stages)) < 0)
			return -1;
		return r >= 1 ? 0 : 1 - r;
	default:
		return -1;
	}
}

/* Month index (year * 12 + month - 1) to "YYYY-MM-01". */
static void
month_format(int mi, char out[11])
{
	cal_format(cal_from_ymd(mi / 12, mi % 12 + 1, 1), out);
}

bool
stats_period(enum stats_period_kind k, int y, int q, int m, cal_day from, cal_day to,
    struct stats_period *p)
{
	int a, b, d, fy, fm, ty, tm;

	if (k == SP_CUSTOM) {
		if (from > to) {
			cal_day t = from;
			from = to;
			to = t;
		}
		cal_to_ymd(from, &fy, &fm, &d);
		cal_to_ymd(to, &ty, &tm, &d);
		a = fy * 12 + fm - 1;
		b = ty * 12 + tm - 1;
	} else {
		if (y < 2000 || y > 2100 || (k == SP_QUARTER && (q < 1 || q > 4)) ||
		    (k == SP_MONTH && (m < 1 || m > 12)))
			return false;
		a = k == SP_YEAR ? y * 12 : k == SP_QUARTER ? y * 12 + (q - 1) * 3 : y * 12 + m - 1;
		b = k == SP_YEAR ? a + 11 : k == SP_QUARTER ? a + 2 : a;
	}
	if (b - a >= 120 || a < 1900 * 12)
		return false;
	p->months = b - a + 1;
	month_format(a, p->from);
	month_format(b, p->to);
	month_format(a - p->months, p->prev_from);
	month_format(a - 1, p->prev_to);
	return true;
}

void
stats_suppress(const int64_t *v, size_t n, int64_t min, bool *hide)
{
	size_t i, hidden = 0, best = n;

	for (i = 0; i < n; i++) {
		hide[i] = v[i] > 0 && v[i] < min;
		hidden += hide[i];
	}
	if (hidden != 1)
		return;
	for (i = 0; i < n; i++)
		if (!hide[i] && v[i] > 0 && (best == n || v[i] < v[best]))
			best = i;
	if (best < n)
		hide[best] = true;
}

/* The items reported upward each year, as data: the code is what a filing row names
 * (sql/020_reporting.sql), so it never changes once used; the label may. */
static const struct {
	const char *code;
	int         month, day, year_off;     /* year_off: due in the year after the period */
	const char *label;
} reporting[] = {
	{ "ledger_h1", 7, 10, 0, "核查检查基本情况汇总表、整改及退出台账（上半年进展）" },
	{ "ledger_q3", 10, 10, 0, "核查检查基本情况汇总表、整改及退出台账（前三季度进展）" },
	{ "summary", 12, 15, 0, "年度工作总结" },
	{ "ledger_year", 1, 10, 1, "核查检查基本情况汇总表、整改及退出台账（全年进展）" },
	{ "exit", 1, 31, 1, "上一年度落后产能退出数据" },
};
#define NREPORTING (sizeof(reporting) / sizeof(reporting[0]))

bool
stats_reporting_code(const char *code)
{
	size_t i;

	for (i = 0; i < NREPORTING; i++)
		if (strcmp(reporting[i].code, code) == 0)
			return true;
	return false;
}

size_t
stats_reporting_items(const struct calendar *cal, int y0, int y1, struct stats_due *out,
    size_t n)
{
	struct stats_due t;
	size_t k = 0, i, j;
	int yy;

	for (yy = y0; yy <= y1; yy++)
		for (i = 0; i < NREPORTING && k < n; i++) {
			t.due = cal_from_ymd(yy + reporting[i].year_off, reporting[i].month,
			    reporting[i].day);
			t.due = cal_add_workdays(cal, t.due - 1, 1);
			t.label = reporting[i].label;
			t.code = reporting[i].code;
			t.year = yy;
			out[k++] = t;
		}
	for (i = 1; i < k; i++)         /* insertion sort: a few dozen at most */
		for (j = i; j > 0 && out[j].due < out[j - 1].due; j--) {
			t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return k;
}

size_t
stats_reporting_due(const struct calendar *cal, cal_day from, struct stats_due *out, size_t n)
{
	struct stats_due all[3 * NREPORTING];
	size_t k, i, m = 0;
	int y, mo, d;

	cal_to_ymd(from, &y, &mo, &d);
	k = stats_reporting_items(cal, y - 1, y + 1, all, 3 * NREPORTING);
	for (i = 0; i < k && m < n; i++)
		if (all[i].due >= from)
			out[m++] = all[i];
	return m;
}
