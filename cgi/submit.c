/*
 * submit: the public report form (GET /submit) and a new report (POST /submit).
 *
 * The form carries a CSRF token bound to a cookie; the token is also the report's idempotency
 * key, so the same form sent twice yields one report and the same receipt, and the query code
 * is derived from it (the server keeps only its MAC), so a retried answer can show it again.
 * When the database is away the report goes to the spool (lib/spool.h) and the receipt says so;
 * only a full spool (or no spool) still answers 503.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "sandbox.h"
#include "crypto.h"
#include "form.h"
#include "log.h"
#include "qr.h"
#include "ratelimit.h"
#include "report.h"
#include "reportform.h"
#include "store.h"
#include "validate.h"


static void
show_form(struct ctx *c)
{
	char token[CSRF_TOKEN_LEN + 1];
	struct params prefill;
	xmlNodePtr root;
	xmlDocPtr doc;

	if (!app_refdata(c)) {
		app_error(c, 503, "系统暂时无法提供服务，请稍后再试。");
		return;
	}
	app_form_token(c, token);
	doc = xml_doc("submit-form", &root);
	/* "Report this enterprise" from the published lists: what of it is valid, filled in. */
	reportform_prefill(&c->arena, &c->cfg, &c->refdata, &c->query, &prefill);
	reportform_fill_public(root, token, &c->cfg, &c->refdata, &c->query,
	    prefill.count > 0 ? &prefill : NULL);
	app_send(c, 200, doc);
}

/* The form again, with the user's text and the reason; used for 400 and 503. */
static void
form_again(struct ctx *c, int status, const char *message, const struct reportform *rf)
{
	const struct param *csrf = params_get(&c->form, "csrf");
	xmlNodePtr root;
	xmlDocPtr doc = app_error_doc(status, message, &root);

	if (rf != NULL)
		reportform_errors(rf, root);
	if (status == 503)
		response_header(&c->resp, &c->arena, "Retry-After: 30");
	reportform_fill_public(xml_add(root, "submit-form", NULL), csrf != NULL ? csrf->value : "",
	    &c->cfg, &c->refdata, NULL, &c->form);
	app_send(c, status, doc);
}

/* The status page with the ticket filled in, as an absolute address for the QR code: the
 * configured public_url, else this request's scheme and host (when it looks like one). The
 * ticket rides in the fragment (#t=…), which a browser never sends: no server, proxy or log on
 * the way sees it (issue 8: no ticket in a URL), and jubao.js fills the field from it. */
static bool
status_url(struct ctx *c, const char *ticket, char *out, size_t cap)
{
	const char *host = FCGX_GetParam("HTTP_HOST", c->fcgi.envp);
	int n;

	if (c->cfg.public_url[0] != '\0')
		n = snprintf(out, cap, "%s%s/status#t=%s", c->cfg.public_url,
		    c->cfg.url_prefix, ticket);
	else if (host != NULL && host[0] != '\0' && host[strspn(host, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")] == '\0')
		n = snprintf(out, cap, "%s://%s%s/status#t=%s", c->https ? "https" : "http",
		    host, c->cfg.url_prefix, ticket);
	else
		return false;
	return n > 0 && (size_t)n < cap;
}

static void
send_receipt(struct ctx *c, const struct receipt *r, const char code[9], size_t nfiles)
{
	char url[512];
	xmlNodePtr root;
	xmlDocPtr doc = xml_doc("receipt", &root);

	xml_add(root, "ticket", r->ticket);
	xml_add(root, "code", code);
	xml_add(root, "submitted", r->submitted);
	if (r->due[0] != '\0')
		xml_add(root, "due", r->due);
	xml_add(root, "anonymous", r->anonymous ? "1" : "0");
	xml_attr_int(xml_add(root, "attachments", NULL), "count", (long long)nfiles);
	if (r->existed)
		xml_add(root, "repeated", "1");
	if (r->spooled)
		xml_add(root, "spooled", "1");
	/* Without a usable address the receipt still has the ticket and code, only no QR code. */
	if (!status_url(c, r->ticket, url, sizeof(url)) || qr_xml(root, "status-qr", url) != 0)
		log_warn("submit: no QR code on the receipt");
	app_send(c, 200, doc);
}

static void
receive(struct ctx *c)
{
	static struct reportform rf;
	struct reportform_dest to;
	struct new_report nr;
	struct receipt out;
	const struct param *csrf;
	const struct spool_limits limits = { c->cfg.spool_max_bytes, c->cfg.spool_max_files };
	const char *why;
	uint8_t subject[16];
	char code[9];
	int64_t retry = 0;
	bool db_down;
	int st;

	if ((st = app_read_form(c, c->cfg.max_body, &why)) != 0) {
		app_error(c, st, why);
		return;
	}
	csrf = params_get(&c->form, "csrf");
	if (!app_form_token_ok(c)) {
		app_error(c, 403, "页面已过期，或浏览器未允许本站的Cookie。请重新打开举报页面填写；"
		    "您填写的内容未被保存。");
		return;
	}
	if (!app_refdata(c)) {
		form_again(c, 503, "系统暂时无法保存举报，您填写的内容仍在下方，请稍后再提交。", NULL);
		return;
	}
	app_client_subject(c, subject);
	st = rate_check(&c->db, subject, RATE_SUBMIT, c->cfg.submit_limit, c->cfg.submit_window,
	    c->now, &retry);
	if (st == DB_OK && retry == 0 && c->cfg.submit_limit > 0)
		st = rate_hit(&c->db, subject, RATE_SUBMIT, c->cfg.submit_window, c->now);
	/* The database away: the report may still go to the spool, unlimited by rate (the
	 * counts are in the database); without a spool, 503 as before. */
	db_down = st == DB_DOWN && c->cfg.spool_dir[0] != '\0';
	if (st != DB_OK && !db_down) {
		form_again(c, 503, "系统暂时无法保存举报，您填写的内容仍在下方，请稍后再提交。", NULL);
		return;
	}
	if (retry > 0 && !db_down) {
		app_too_many(c, retry);
		return;
	}
	reportform_check(&c->arena, &c->cfg, &c->refdata, &c->form, &rf);
	if (rf.errors > 0) {
		form_again(c, 400, "请修改标出的项目后重新提交。", &rf);
		return;
	}
	reportform_report(&c->arena, &rf, &nr);
	/* the calendar as it is now: app_refdata may have replaced it */
	to = (struct reportform_dest){ &c->db, &c->sec, c->refdata.calendar,
	    c->cfg.attachment_dir, c->now, c->cfg.spool_dir, &limits, db_down };
	st = reportform_save(&to, &rf, &nr, csrf->value, csrf->len, &out, code);
	if (st != DB_OK) {
		form_again(c, 503, st == DB_FAIL ? "附件或举报暂时无法保存，您填写的内容仍在下方，"
		    "请稍后再提交。" : "系统暂时无法保存举报，您填写的内容仍在下方，请稍后再提交。",
		    NULL);
		return;
	}
	send_receipt(c, &out, code, rf.nfiles);
	explicit_bzero(code, sizeof(code));
}

static void
handle(struct ctx *c)
{
	if (strcmp(c->path, "/submit") != 0) {
		app_error(c, 404, "页面不存在。");
		return;
	}
	if (c->is_post)
		receive(c);
	else
		show_form(c);
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-submit", "submit.xsl", handle, false, true,
	    SANDBOX_STORE };

	return app_main(argc, argv, &prog);
}
