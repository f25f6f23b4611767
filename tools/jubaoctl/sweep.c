/* jubaoctl sweep: mark reports past their due date overdue, queue reminders, send the mail. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "form.h"
#include "jubaoctl.h"
#include "stats.h"
#include "queries.h"
#include "region.h"
#include "report.h"
#include "validate.h"

struct recipients {
	int64_t id[64];
	char    email[64][255];
	size_t  n;
};

static int
fetch_recipients(struct ctl *c, int stmt, MYSQL_BIND *p, struct recipients *to)
{
	MYSQL_BIND r[2];
	unsigned long len = 0;
	my_bool n1 = 0, n2 = 0;
	int64_t id = 0;
	char email[255];
	size_t i;
	int rc;

	bind_out_i64(&r[0], &id, &n1);
	bind_out_text(&r[1], email, sizeof(email), &len, &n2);
	if ((rc = db_exec(&c->db, stmt, p, r)) != DB_OK)
		return rc;
	while ((rc = db_fetch(&c->db, stmt)) == 1) {
		text_end(email, sizeof(email), len);
		/* The address goes into a mail header: only plain, valid ones. */
		if (len >= sizeof(email) || !valid_email(email, strlen(email))) {
			fprintf(stderr, "jubaoctl: staff %lld: e-mail address unusable, skipped\n",
			    (long long)id);
			continue;
		}
		for (i = 0; i < to->n; i++)
			if (to->id[i] == id)
				break;
		if (i < to->n || to->n >= sizeof(to->id) / sizeof(to->id[0]))
			continue;
		to->id[to->n] = id;
		memcpy(to->email[to->n], email, sizeof(email));
		to->n++;
	}
	db_done(&c->db, stmt);
	return rc < 0 ? rc : DB_OK;
}

/* What a reminder says about a report, and where it is. */
struct brief {
	char    ticket[17];
	char    state[16];
	char    due[11];
	char    region[7];
	int64_t lead;           /* lead department, 0: not transferred */
};

static int
report_brief(struct ctl *c, int64_t id, struct brief *b)
{
	MYSQL_BIND p[1], r[5];
	unsigned long l[5] = { 0, 0, 0, 0, 0 };
	my_bool n[5] = { 0, 0, 0, 0, 0 };
	int rc;

	bind_i64(&p[0], &id);
	bind_out_text(&r[0], b->ticket, sizeof(b->ticket), &l[0], &n[0]);
	bind_out_text(&r[1], b->state, sizeof(b->state), &l[1], &n[1]);
	bind_out_text(&r[2], b->due, sizeof(b->due), &l[2], &n[2]);
	bind_out_i64(&r[3], &b->lead, &n[3]);
	bind_out_text(&r[4], b->region, sizeof(b->region), &l[4], &n[4]);
	if ((rc = db_exec(&c->db, CQ_REPORT_BRIEF, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(&c->db, CQ_REPORT_BRIEF);
	db_done(&c->db, CQ_REPORT_BRIEF);
	if (rc != 1)
		return rc < 0 ? rc : DB_FAIL;
	text_end(b->ticket, sizeof(b->ticket), l[0]);
	text_end(b->state, sizeof(b->state), l[1]);
	text_end(b->due, sizeof(b->due), l[2]);
	text_end(b->region, sizeof(b->region), l[4]);
	return DB_OK;
}

/* Who answers for it: the lead department's handlers once transferred, else the intake staff
 * of the 工信 departments over the report's place. */
static int
responsible(struct ctl *c, const struct brief *b, struct recipients *to)
{
	MYSQL_BIND p[3];
	char province[7], city[7];

	if (b->lead > 0) {
		bind_i64(&p[0], &b->lead);
		return fetch_recipients(c, CQ_HANDLERS, p, to);
	}
	region_province(b->region, province);
	region_city(b->region, city);
	bind_text(&p[0], province, strlen(province));
	bind_text(&p[1], city, strlen(city));
	bind_text(&p[2], b->region, strlen(b->region));
	return fetch_recipients(c, CQ_INTAKE_GONGXIN, p, to);
}

/* Queue the reminder for each recipient. The mail names the case, never the reporter nor what
 * was reported. */
static int
queue_reminders(struct ctl *c, int64_t id, const struct brief *b, const struct recipients *to)
{
	MYSQL_BIND p[3];
	char grouped[20], subject[200], body[1024];
	size_t i;
	int rc;

	ticket_grouped(b->ticket, grouped);
	snprintf(subject, sizeof(subject), "【举报办理超期提醒】受理编号 %s", grouped);
	snprintf(body, sizeof(body),
	    "您好：\n\n"
	    "以下举报已超过办理期限，请尽快办理。\n\n"
	    "受理编号：%s\n"
	    "当前状态：%s\n"
	    "办理期限：%s\n"
	    "办理页面：%s/admin/case?id=%lld\n\n"
	    "本邮件由举报平台自动发送，不含举报人信息和举报内容，请登录工作台查看。\n",
	    grouped, option_label(report_states, b->state), b->due, c->cfg.url_prefix,
	    (long long)id);
	for (i = 0; i < to->n; i++) {
		bind_text(&p[0], to->email[i], strlen(to->email[i]));
		bind_text(&p[1], subject, strlen(subject));
		bind_text(&p[2], body, strlen(body));
		if ((rc = db_exec(&c->db, CQ_MAIL_INSERT, p, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* Mark one report overdue and queue its reminders, in one transaction. *marked false when
 * another sweep (or a state change) came first. */
static int
sweep_one(struct ctl *c, int64_t id, const char *today, bool *marked, size_t *queued,
    bool *nobody)
{
	MYSQL_BIND p[2];
	struct brief b;
	struct recipients to;
	char detail[64];
	int rc;

	*marked = false;
	*nobody = false;
	*queued = 0;
	memset(&b, 0, sizeof(b));
	memset(&to, 0, sizeof(to));
	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	bind_i64(&p[0], &id);
	bind_text(&p[1], today, strlen(today));
	if ((rc = db_exec(&c->db, CQ_OVERDUE_MARK, p, NULL)) != DB_OK)
		goto undo;
	if (db_affected(&c->db, CQ_OVERDUE_MARK) != 1) {
		db_rollback(&c->db);
		return DB_OK;
	}
	if ((rc = report_brief(c, id, &b)) != DB_OK)
		goto undo;
	snprintf(detail, sizeof(detail), "due %s", b.due);
	/* the audit row is what stats-rebuild counts the mark from (same second, same month) */
	if ((rc = ctl_audit(c, "overdue", id, detail)) != DB_OK ||
	    (rc = stats_record(&c->db, id, &(struct stats_event){ .kind = SK_OVERDUE,
	    .at = (int64_t)time(NULL) })) != DB_OK ||
	    (rc = responsible(c, &b, &to)) != DB_OK ||
	    (rc = queue_reminders(c, id, &b, &to)) != DB_OK ||
	    (rc = db_commit(&c->db)) != DB_OK)
		goto undo;
	*marked = true;
	*queued = to.n;
	*nobody = to.n == 0;
	return DB_OK;
undo:
	db_rollback(&c->db);
	return rc;
}

/* Mark every report due before today overdue, 500 candidates at a time. 0 ok, 1 reported. */
static int
mark_overdue(struct ctl *c, const char *today, uint64_t *nmarked, uint64_t *nqueued)
{
	MYSQL_BIND p[2], r[1];
	my_bool isnull = 0;
	int64_t after = 0, id = 0, ids[500];
	size_t nids, i, q;
	bool marked, none;
	struct progress pr;
	int rc, tries;

	progress_begin(&pr, "overdue reports checked", 0);
	for (;;) {
		bind_text(&p[0], today, strlen(today));
		bind_i64(&p[1], &after);
		bind_out_i64(&r[0], &id, &isnull);
		if ((rc = db_exec(&c->db, CQ_OVERDUE_CANDIDATES, p, r)) != DB_OK)
			return fail("finding overdue reports: %s", db_reason(rc));
		nids = 0;
		while (nids < sizeof(ids) / sizeof(ids[0]) &&
		    (rc = db_fetch(&c->db, CQ_OVERDUE_CANDIDATES)) == 1)
			ids[nids++] = id;
		db_done(&c->db, CQ_OVERDUE_CANDIDATES);
		if (rc < 0)
			return fail("finding overdue reports: %s", db_reason(rc));
		if (nids == 0) {
			progress_end(&pr);
			return 0;
		}
		for (i = 0; i < nids; i++) {
			for (tries = 0; tries < 3; tries++)
				if ((rc = sweep_one(c, ids[i], today, &marked, &q, &none)) !=
				    DB_RETRY)
					break;
			if (rc != DB_OK)
				return fail("marking report %lld overdue: %s", (long long)ids[i],
				    db_reason(rc));
			progress_add(&pr, 1);
			if (!marked)
				continue;
			(*nmarked)++;
			*nqueued += q;
			if (none)
				fprintf(stderr, "jubaoctl: report %lld: no responsible staff member "
				    "has an e-mail address\n", (long long)ids[i]);
		}
		after = ids[nids - 1];
	}
}

/* Send the queued mail, or say how much stays queued when there is no sendmail. */
static int
send_mail(struct ctl *c, const char *sendmail)
{
	int64_t unsent = 0;
	uint64_t sent = 0, sendfail = 0;
	int rc;

	if (access(sendmail, X_OK) != 0) {
		if ((rc = count_rows(c, CQ_MAIL_UNSENT_COUNT, NULL, &unsent)) != DB_OK)
			return fail("counting queued mail: %s", db_reason(rc));
		printf("sweep: %s not found: %lld mails stay queued\n", sendmail,
		    (long long)unsent);
		return 0;
	}
	/* A reader gone from the pipe must not kill us between two mails. */
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
		return fail("signal: %s", strerror(errno));
	if ((rc = send_queued(c, sendmail, &sent, &sendfail)) != DB_OK)
		return fail("sending mail: %s", db_reason(rc));
	printf("sweep: %llu mails sent, %llu failed\n", (unsigned long long)sent,
	    (unsigned long long)sendfail);
	if (sendfail > 0)
		return fail("%llu mails could not be sent; they stay queued",
		    (unsigned long long)sendfail);
	return 0;
}

int
cmd_sweep(struct ctl *c, int argc, char **argv)
{
	const char *today_arg = NULL, *sendmail = SENDMAIL, *pos[1];
	const struct opt opts[] = {
		{ "--today", &today_arg }, { "--sendmail", &sendmail }, { NULL, NULL },
	};
	uint64_t nmarked = 0, nqueued = 0;
	size_t npos;
	cal_day day;
	char today[11];

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (today_arg != NULL) {
		if (!cal_parse(today_arg, strlen(today_arg), &day))
			return fail("--today needs a date YYYY-MM-DD");
	} else
		day = cal_beijing_day((int64_t)time(NULL));
	cal_format(day, today);
	if (sendmail[0] != '/')
		return fail("--sendmail needs an absolute path");
	if (open_db(c) != 0)
		return 1;
	if (stats_fold(c, today) != 0 || mark_overdue(c, today, &nmarked, &nqueued) != 0)
		return 1;
	printf("sweep: %s: %llu newly overdue, %llu reminders queued\n", today,
	    (unsigned long long)nmarked, (unsigned long long)nqueued);
	return send_mail(c, sendmail);
}
