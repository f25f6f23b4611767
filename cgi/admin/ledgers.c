/*
 * ledgers: the 导出 page and the downloads of the statistics side (issue 10): the two
 * ledgers and the yearly summary (lib/ledger.c's layouts) for a period and an area inside the
 * user's statistics area (stats_area, as the statistics page limits it), and the case list of
 * the user's area with its filters (the same rows and filters as /admin/cases, no identity and
 * no report text). Each as CSV (streamed) or .xlsx (lib/xlsx.c: written in the console's own
 * export_dir, sent, removed). The path names the format: /admin/ledger.csv, .xlsx,
 * /admin/cases.csv, .xlsx. Every download is audited (what, not the rows).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "calendar.h"
#include "ledger.h"
#include "listpages.h"
#include "log.h"
#include "queries.h"
#include "region.h"
#include "report.h"
#include "xlsx.h"

const struct form_key ledger_keys[LG__MAX] = {
	[LG_KIND] = { "kind", form_choice, 0, 0, 0, ledger_kinds, "请选择要导出的表。" },
	PERIOD_KEYS(LG_PERIOD),
	[LG_REGION] = { "region", form_digits, 2, 6, 0, NULL, "地区代码无效。" },
};

bool
is_xlsx_path(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && strcmp(path + n - 5, ".xlsx") == 0;
}

/* ---- sending a sheet */

static int
to_client(void *arg, const char *buf, size_t len)
{
	struct ctx *c = arg;

	return FCGX_PutStr(buf, (int)len, c->fcgi.out) == (int)len ? 0 : -1;
}

static const char cut_short[] = "\r\n导出中断，文件不完整，请重新导出。\r\n";

/* The CSV, streamed: the database is asked first, so that an outage is still a 503. */
static void
send_csv(struct page *pg, const char *disposition, sheet_fill fill, const void *what)
{
	struct ctx *c = pg->c;
	static struct csv_sheet cs;
	struct sheet s = csv_sheet(&cs, to_client, c);

	if (db_connect(&c->db) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	response_header(&c->resp, &c->arena, "Content-Disposition: %s", disposition);
	if (!app_stream_head(c, 200, "text/csv; charset=utf-8"))
		return;
	/* The head is gone: a failure now can only be said in the file itself, on a line of
	 * its own, so that nobody takes a cut file for the whole. */
	if (fill(pg, what, &s) != DB_OK) {
		log_err("admin: the CSV %s ended early", c->path);
		(void)to_client(c, cut_short, sizeof(cut_short) - 1);
	}
}

/* The file at fd to the client, with its length. */
static void
send_file(struct ctx *c, int fd, const char *disposition)
{
	static char buf[65536];
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) != 0) {
		app_error(c, 500, "文件生成失败，请稍后再试。");
		return;
	}
	response_header(&c->resp, &c->arena, "Content-Disposition: %s", disposition);
	response_header(&c->resp, &c->arena, "Content-Length: %lld", (long long)st.st_size);
	if (!app_stream_head(c, 200,
	    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (FCGX_PutStr(buf, (int)n, c->fcgi.out) != (int)n)
			return;
	if (n < 0)
		log_err("admin: reading an export: %s", strerror(errno));
}

/* The .xlsx: made in export_dir (0700, the console's own), opened, removed, then sent. */
static void
send_xlsx(struct page *pg, const char *disposition, sheet_fill fill, const void *what,
    bool constant_memory)
{
	struct ctx *c = pg->c;
	const char *dir = c->cfg.export_dir;
	struct xlsx_sheet *x;
	struct sheet s;
	char path[300];
	int rc, fd = -1;

	if (!xlsx_private_dir(dir) || !xlsx_tmp_name(dir, path, sizeof(path))) {
		console_error(pg, 503, "暂时无法生成Excel文件，请稍后再试或导出CSV。");
		return;
	}
	if ((x = xlsx_open(path, dir, constant_memory)) == NULL) {
		(void)unlink(path);
		console_error(pg, 503, "暂时无法生成Excel文件，请稍后再试或导出CSV。");
		return;
	}
	s = xlsx_sheet(x);
	rc = fill(pg, what, &s);
	if (rc == DB_OK && (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		log_err("admin: %s: %s", path, strerror(errno));
	xlsx_free(x, false);         /* removed now: the open descriptor still reads it */
	if (rc != DB_OK || fd < 0) {
		if (fd >= 0)
			(void)close(fd);
		if (rc != DB_OK && rc != DB_FAIL)
			db_unavailable(pg);
		else
			console_error(pg, 500, "文件生成失败，请稍后再试。");
		return;
	}
	send_file(c, fd, disposition);
	(void)close(fd);
}

void
send_sheet(struct page *pg, const char *name, const char *fallback, sheet_fill fill,
    const void *what, bool constant_memory)
{
	char disp[1200];
	bool x = is_xlsx_path(pg->c->path);

	ledger_disposition(name, fallback, x ? "xlsx" : "csv", disp, sizeof(disp));
	if (x)
		send_xlsx(pg, disp, fill, what, constant_memory);
	else
		send_csv(pg, disp, fill, what);
}

/* ---- the ledgers */

/* The area the user asks for, inside its statistics area; else the status and why not. */
static bool
ledger_area(struct page *pg, const char *asked, char region[7], int *status, const char **why)
{
	char area[7];

	*status = 403;
	if (!stats_area(&pg->s, area)) {
		*why = "您没有统计范围。";
		return false;
	}
	snprintf(region, 7, "%s", asked != NULL ? asked : area);
	if (strlen(region) % 2 != 0 || strncmp(region, area, strlen(area)) != 0) {
		*why = "该地区不在您的统计范围内。";
		return false;
	}
	return true;
}

static int
fill_ledger(struct page *pg, const void *what, const struct sheet *s)
{
	return ledger_write(&pg->c->db, &pg->c->refdata, what, s);
}

void
ledger_get(struct page *pg)
{
	struct ctx *c = pg->c;
	static struct ledger_req q;
	char name[600], fallback[80], per[80], code[7], area_name[300], detail[120];
	const char *why, *period;
	int status, k, year;

	if (pg->errors > 0 || (k = ledger_kind(fv(pg, LG_KIND))) < 0) {
		console_error(pg, 400, "请选择要导出的表和有效的统计期间。");
		return;
	}
	memset(&q, 0, sizeof(q));
	q.kind = (enum ledger_kind)k;
	if (!ledger_area(pg, fv(pg, LG_REGION), q.area, &status, &why)) {
		(void)console_audit(pg, "refused", 0, c->path);
		console_error(pg, status, why);
		return;
	}
	if (!form_period(pg, LG_PERIOD, &q.per, &period, &year, &why)) {
		console_error(pg, 400, why);
		return;
	}
	if (q.kind == LEDGER_YEARLY && (q.per.months != 12 || strcmp(q.per.from + 4, "-01-01") != 0)) {
		console_error(pg, 400, "年度汇总表请按年度导出。");
		return;
	}
	snprintf(code, sizeof(code), "%.6s", q.area);
	memset(code + strlen(code), '0', 6 - strlen(code));
	code[6] = '\0';
	listpages_region_name(&c->refdata, code, area_name, sizeof(area_name));
	q.area_name = area_name;
	ledger_period_label(&q.per, per, sizeof(per));
	snprintf(name, sizeof(name), "%s（%s，%s）", ledger_defs[k].name, area_name, per);
	snprintf(fallback, sizeof(fallback), "ledger-%s-%s-%.7s-%.7s", ledger_defs[k].code,
	    q.area, q.per.from, q.per.to);
	snprintf(detail, sizeof(detail), "%s %s %s..%s %s", ledger_defs[k].code, q.area,
	    q.per.from, q.per.to, is_xlsx_path(c->path) ? "xlsx" : "csv");
	if (console_audit(pg, "ledger_export", 0, detail) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	send_sheet(pg, name, fallback, fill_ledger, &q, false);
}

/* The 导出 page: the form of the ledgers' downloads. */
void
ledgers_page(struct page *pg)
{
	struct ctx *c = pg->c;
	xmlNodePtr root, n;
	xmlDocPtr doc;
	char area[7];
	int y, m, d;
	size_t i;

	doc = console_doc(pg, "ledgers", &root);
	cal_to_ymd(cal_beijing_day(c->now), &y, &m, &d);
	n = xml_add(root, "today", NULL);
	xml_attr_int(n, "year", y);
	xml_attr_int(n, "quarter", (m - 1) / 3 + 1);
	xml_attr_int(n, "month", m);
	form_options_xml(root, "kinds", ledger_kinds);
	form_options_xml(root, "periods", stats_period_kinds);
	n = xml_add(root, "areas", NULL);
	if (stats_area(&pg->s, area))
		for (i = 0; i < c->refdata.nregions; i++) {
			const struct region *r = &c->refdata.regions[i];
			char prefix[7], label[300];
			xmlNodePtr a;

			region_prefix(r->code, prefix);
			if (strncmp(prefix, area, strlen(area)) != 0)
				continue;
			a = xml_add(n, "area", NULL);
			xml_attr(a, "code", prefix);
			xml_attr(a, "name", region_name(c, r->code, label, sizeof(label)));
		}
	console_form_state(pg, root);
	app_send(c, 200, doc);
}
