/*
 * cases_export: the case list of the user's area with the filters of /admin/cases (state,
 * overdue, ticket or subject name) as CSV or .xlsx, in constant memory (chunks of rows after
 * the last id; the CSV streamed, the workbook in libxlsxwriter's constant-memory mode). The
 * columns are what the list and the case page show every role that reaches the case, with
 * Chinese labels; never the reporter's identity, the report's text, the subject's address or
 * credit code, notes or feedback. Written through ledgers.c's send_sheet.
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "ledger.h"
#include "queries.h"
#include "report.h"

#define EXPORT_CHUNK  500
#define EXPORT_WINDOW 20000

static const struct dbc max_cols[] = { { DBC_I64, 0, 0, 0 } };
static const struct db_loader max_loader = { max_cols, 1, sizeof(int64_t) };

struct export_line {
	int64_t id, presses;
	char    ticket[17], state[16], category[16], industry[33], channel[10];
	char    subject[401], region[7], submitted[32], due[11], verdict[8];
	bool    overdue;
};
static const struct dbc export_cols[] = {
	COL_I64(struct export_line, id), COL_TEXT(struct export_line, ticket),
	COL_TEXT(struct export_line, state), COL_TEXT(struct export_line, category),
	COL_TEXT(struct export_line, industry), COL_TEXT(struct export_line, channel),
	COL_TEXT(struct export_line, subject), COL_TEXT(struct export_line, region),
	COL_TEXT(struct export_line, submitted), COL_TEXT(struct export_line, due),
	COL_BOOL(struct export_line, overdue), COL_TEXT(struct export_line, verdict),
	COL_I64(struct export_line, presses),
};
static const struct db_loader export_loader = DB_LOADER(struct export_line, export_cols);

/* The columns: header, width, and the cell of a row (in the arena or a static label). */
enum xcol { X_TICKET, X_STATE, X_CATEGORY, X_INDUSTRY, X_CHANNEL, X_SUBJECT, X_REGION,
	X_SUBMITTED, X_DUE, X_OVERDUE, X_VERDICT, X_PRESSES, X__MAX };
static const struct { const char *label; double width; } xcols[X__MAX] = {
	[X_TICKET] = { "受理编号", 22 }, [X_STATE] = { "状态", 10 },
	[X_CATEGORY] = { "举报类别", 22 }, [X_INDUSTRY] = { "行业", 12 },
	[X_CHANNEL] = { "来源渠道", 10 }, [X_SUBJECT] = { "被举报对象", 30 },
	[X_REGION] = { "所在地区", 26 }, [X_SUBMITTED] = { "提交时间", 22 },
	[X_DUE] = { "办理时限", 12 }, [X_OVERDUE] = { "是否超期", 10 },
	[X_VERDICT] = { "核查结论", 10 }, [X_PRESSES] = { "督办次数", 10 },
};

struct export_arg {
	struct page         *pg;
	const struct sheet  *s;
	unsigned             row;
	int64_t              last;     /* the last id written */
	unsigned             n;        /* rows of the chunk */
	bool                 failed;
};

/* The cell of column k of row r (NULL: the press count, a number). */
static const char *
export_cell(struct ctx *c, const struct export_line *r, enum xcol k, char *buf, size_t cap)
{
	const struct industry *ind;

	switch (k) {
	case X_TICKET:
		/* in groups of four, as on the receipt: a spreadsheet keeps it text */
		snprintf(buf, cap, "%.4s %.4s %.4s %.4s", r->ticket, r->ticket + 4, r->ticket + 8,
		    r->ticket + 12);
		return buf;
	case X_STATE:
		return option_label(report_states, r->state);
	case X_CATEGORY:
		return option_label(report_categories, r->category);
	case X_INDUSTRY:
		return (ind = refdata_industry(&c->refdata, r->industry)) != NULL ? ind->name :
		    r->industry;
	case X_CHANNEL:
		return option_label(channels, r->channel);
	case X_SUBJECT:
		return r->subject;
	case X_REGION:
		return region_name(c, r->region, buf, cap);
	case X_SUBMITTED:
		return r->submitted;
	case X_DUE:
		return r->due;
	case X_OVERDUE:
		return r->overdue ? "是" : "否";
	case X_VERDICT:
		return r->verdict[0] != '\0' ? option_label(verdicts, r->verdict) : "";
	default:
		return NULL;
	}
}

static int
export_row(void *arg, void *row)
{
	struct export_arg *a = arg;
	const struct export_line *r = row;
	const char *v;
	char buf[400];
	unsigned k;
	int rc;

	for (k = 0; k < X__MAX; k++) {
		v = export_cell(a->pg->c, r, (enum xcol)k, buf, sizeof(buf));
		rc = v != NULL ? a->s->ops->text(a->s->w, a->row, k, v, SP_BODY) :
		    a->s->ops->number(a->s->w, a->row, k, (double)r->presses, SF_INT, SP_BODY);
		if (rc != 0) {
			a->failed = true;
			return 1;
		}
	}
	a->row++;
	a->n++;
	a->last = r->id;
	return 0;
}

/* Title, the area and filter, one header row (a long export's sheet merges only across). */
static int
export_head(struct page *pg, const struct sheet *s, const struct area *ar)
{
	struct ctx *c = pg->c;
	const char *state = fv(pg, LS_STATE), *q = fv(pg, LS_Q), *ov = fv(pg, LS_OVERDUE);
	double widths[X__MAX];
	char code[7], name[300], sub[800], day[11];
	unsigned k;

	for (k = 0; k < X__MAX; k++)
		widths[k] = xcols[k].width;
	snprintf(code, sizeof(code), "%s", ar->prefix);
	memset(code + strlen(code), '0', 6 - strlen(code));
	code[6] = '\0';
	cal_format(cal_beijing_day(c->now), day);
	snprintf(sub, sizeof(sub), "地区：%s　状态：%s%s%s%s　导出日期：%s",
	    region_name(c, code, name, sizeof(name)),
	    state != NULL ? option_label(report_states, state) : "全部",
	    ov != NULL && strcmp(ov, "1") == 0 ? "（仅超期）" : "",
	    q != NULL ? "　搜索：" : "", q != NULL ? q : "", day);
	if (s->ops->begin(s->w, "案件清单", X__MAX, widths) != 0 ||
	    s->ops->merge(s->w, 0, 0, 0, X__MAX - 1, "案件清单", SP_TITLE) != 0 ||
	    s->ops->merge(s->w, 1, 0, 1, X__MAX - 1, sub, SP_SUBTITLE) != 0)
		return -1;
	for (k = 0; k < X__MAX; k++)
		if (s->ops->text(s->w, 2, k, xcols[k].label, SP_HEAD) != 0)
			return -1;
	return 0;
}

/* One chunk: the rows of the filter with lo <= id < hi, newest first, at most EXPORT_CHUNK. */
static int
export_chunk(struct page *pg, const struct area *ar, const char *q, struct export_arg *a,
    int64_t lo)
{
	const char *state = fv(pg, LS_STATE), *ov = fv(pg, LS_OVERDUE);
	struct export_line row;
	struct dbp p[9];

	a->n = 0;
	p[0] = P_OPT(q);
	p[1] = P_OPT(q);
	p[2] = P_OPT(q);
	p[3] = P_OPT(state);
	p[4] = P_OPT(state);
	p[5] = P_INT(ov != NULL && strcmp(ov, "1") == 0);
	p[6] = P_INT(a->last);
	p[7] = P_INT(lo);
	p[8] = P_INT(EXPORT_CHUNK);
	return area_run(pg, ar, Q_CASES_EXPORT_AREA, Q_CASES_EXPORT_DEPT, p, 9, &export_loader,
	    &row, export_row, a);
}

/* The rows in windows of EXPORT_WINDOW ids from the newest down, each read in chunks: every
 * statement reads at most a window's rows, however few of them the user may see (a county
 * unit's cases among a province's), so none outlasts the database's read time-out. */
static int
fill_cases(struct page *pg, const void *what, const struct sheet *s)
{
	const struct area *ar = what;
	const char *q = fv(pg, LS_Q);
	struct export_arg a = { pg, s, 3, 0, 0, false };
	int64_t lo;
	bool found;
	char t[17];
	int rc;

	/* a ticket typed in groups of four is still a ticket, as on the list */
	if (q != NULL && ticket_parse(q, strlen(q), t))
		q = arena_strdup(&pg->c->arena, t);
	if ((rc = db_load(&pg->c->db, Q_REPORT_MAX_ID, NULL, 0, &max_loader, NULL, &a.last, NULL,
	    NULL, &found)) != DB_OK)
		return rc;
	a.last++;                            /* the upper bound is exclusive */
	if (export_head(pg, s, ar) != 0)
		return DB_FAIL;
	for (lo = a.last; lo > 0 && rc == DB_OK && !a.failed; ) {
		lo = lo > EXPORT_WINDOW ? lo - EXPORT_WINDOW : 0;
		do
			rc = export_chunk(pg, ar, q, &a, lo);
		while (rc == DB_OK && !a.failed && a.n == EXPORT_CHUNK);
		a.last = lo;
	}
	if (rc != DB_OK)
		return rc;
	return a.failed || s->ops->end(s->w) != 0 ? DB_FAIL : DB_OK;
}

void
cases_export(struct page *pg)
{
	static struct area ar;
	char detail[80];
	const char *state = fv(pg, LS_STATE);

	if (!user_area(&pg->s, &ar)) {
		console_error(pg, 403, "您没有可查看的案件范围。");
		return;
	}
	snprintf(detail, sizeof(detail), "%s state=%s %s", ar.prefix, state ? state : "",
	    is_xlsx_path(pg->c->path) ? "xlsx" : "csv");
	if (console_audit(pg, "case_export", 0, detail) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	send_sheet(pg, "案件清单", "cases", fill_cases, &ar, true);
}
