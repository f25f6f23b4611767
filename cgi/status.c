/*
 * status: the reporter's lookup. GET /status shows the form; POST /status with ticket and code
 * answers the public view of the case. An unknown ticket and a wrong code give the same 404,
 * and failed lookups per client are limited (shared across processes, in MariaDB).
 */
#include <string.h>

#include "app.h"
#include "sandbox.h"
#include "crypto.h"
#include "form.h"
#include "log.h"
#include "ratelimit.h"
#include "report.h"
#include "spool.h"
#include "store.h"
#include "textlimits.h"
#include "validate.h"

/* A lookup is small; a reporter's answer sent urlencoded (no files) holds up to LIMIT_REPLY
 * characters, %-encoded up to 9 bytes each. With files it comes as multipart (max_body). */
#define LOOKUP_BODY_MAX (LIMIT_REPLY * 9 + 4096)

enum status_key { SK_TICKET, SK_CODE, SK_ACTION, SK_REPLY, SK__MAX };

static const struct option reply_action[] = { { "reply", "" }, { NULL, NULL } };

/* Every field of the lookup and the answer, through the key table. */
static const struct form_key keys[SK__MAX] = {
	[SK_TICKET] = { "ticket", form_ticket, 0, 0, FORM_REQUIRED, NULL,
	    "受理编号应为16位数字，请核对后重新输入。" },
	[SK_CODE] = { "code", form_code, 0, 0, FORM_REQUIRED | FORM_SECRET, NULL,
	    "查询码应为8位字母或数字，请核对后重新输入。" },
	[SK_ACTION] = { "action", form_choice, 0, 0, 0, reply_action, "未知的操作。" },
	[SK_REPLY] = { "reply", NULL, 1, LIMIT_REPLY, FORM_MULTILINE, NULL,
	    "请填写补充说明（不超过5000字）。" },
};

static void
lookup_form(xmlNodePtr parent, const char *ticket)
{
	xmlNodePtr f = xml_add(parent, "lookup-form", NULL);

	if (ticket != NULL)
		xml_add(f, "ticket", ticket);
}

/* The lookup form. Nothing of it comes from the URL: a ticket or code in a query string would
 * be in every log and proxy on the way (issue 8). The receipt's QR code carries the ticket in
 * the fragment (#t=…), which jubao.js copies into the field; the reporter types the code. */
static void
show_form(struct ctx *c)
{
	xmlNodePtr root;

	app_send(c, 200, xml_doc("lookup-form", &root));
}

static void
fail_lookup(struct ctx *c, const uint8_t subject[16], int status, const char *message,
    const char *field, const char *ticket_typed)
{
	xmlNodePtr root;
	xmlDocPtr doc;

	if (rate_hit(&c->db, subject, RATE_LOOKUP_FAIL, c->cfg.lookup_fail_window, c->now) ==
	    DB_DOWN) {
		app_error(c, 503, "系统暂时无法查询，请稍后再试。");
		return;
	}
	doc = app_error_doc(status, message, &root);
	if (field != NULL)
		xml_attr(xml_add(root, "field", message), "name", field);
	lookup_form(root, ticket_typed);
	app_send(c, status, doc);
}

/* A malformed lookup counts as a failed one, but a client already over the limit is told so
 * first (429), and a database that cannot tell gives 503. True when the answer has been sent. */
static bool
over_limit(struct ctx *c, const uint8_t subject[16])
{
	return app_over_limit(c, subject, RATE_LOOKUP_FAIL, c->cfg.lookup_fail_limit,
	    c->cfg.lookup_fail_window, "系统暂时无法查询，请稍后再试。");
}

/* The reporter answers a request for more material (needs_info): text and files. */
static void
reply(struct ctx *c, const char ticket[17], int64_t id, const struct form_field *text)
{
	struct stored_file files[20];
	const char *err;
	size_t nfiles = 0;
	char due[11];
	bool done;
	int st;

	if (!app_refdata(c)) {
		app_error(c, 503, "系统暂时无法保存，请稍后再试。");
		return;
	}
	if (text->value == NULL || text->error != NULL) {
		app_error(c, 400, keys[SK_REPLY].message);
		return;
	}
	if ((err = store_check(&c->form, c->cfg.max_files, c->cfg.max_file, files, &nfiles)) !=
	    NULL) {
		app_error(c, 400, err);
		return;
	}
	if (store_put_all(c->cfg.attachment_dir, &c->form, files, nfiles) != 0) {
		app_error(c, 503, "附件暂时无法保存，请稍后再试。");
		return;
	}
	report_due(c->refdata.calendar, c->now, 2, due);
	st = report_reply(&c->db, id, text->value, files, nfiles, c->now, due, &done);
	if (st != DB_OK || !done)
		store_remove_all(c->cfg.attachment_dir, files, nfiles);
	if (st != DB_OK) {
		app_error(c, 503, "系统暂时无法保存，请稍后再试。");
		return;
	}
	if (!done) {
		app_error(c, 409, "该举报目前不需要补充材料。");
		return;
	}
	{
		/* A page, not a redirect: a ticket or code never goes into a URL (browser history,
		 * access logs, Referer). The ticket, already in the POST, pre-fills the form. */
		xmlNodePtr root;
		xmlDocPtr doc = xml_doc("lookup-form", &root);

		xml_add(root, "ticket", ticket);
		xml_add(root, "replied", NULL);
		app_send(c, 200, doc);
	}
}

/* A report in the spool (lib/spool.h) whose code matches: received, not yet registered. */
static void
send_spooled(struct ctx *c, const char ticket[17], int64_t submitted)
{
	char when[32];
	xmlNodePtr root;
	xmlDocPtr doc = xml_doc("case", &root);

	report_time(submitted, when);
	xml_add(root, "ticket", ticket);
	xml_add(root, "state", "spooled");
	xml_add(root, "state-label", "已收到，正在登记");
	xml_add(root, "submitted", when);
	xml_add(root, "spooled", NULL);
	xml_add(root, "events", NULL);
	app_send(c, 200, doc);
}

/* Whether the spool holds ticket with this code; the MAC is computed either way. */
static bool
spooled(struct ctx *c, const char ticket[17], const char code[9], int64_t *submitted)
{
	bool match = false;

	if (spool_check_code(c->cfg.spool_dir, c->sec.code_mac_key, ticket, code, &match,
	    submitted) != 0)
		return false;
	return match;
}

static void
lookup(struct ctx *c)
{
	struct form_field f[SK__MAX];
	const char *why;
	char ticket[17], code[9];
	uint8_t subject[16];
	struct rate_probe probe = { subject, RATE_LOOKUP_FAIL, c->cfg.lookup_fail_limit,
	    c->cfg.lookup_fail_window, c->now, 0 };
	int64_t id, submitted;
	xmlDocPtr doc;
	bool found;
	int st;

	/* A reporter's answer with files comes as multipart; a lookup is small. */
	if ((st = app_read_form(c, c->content_type != NULL && strncasecmp(c->content_type,
	    "multipart/", 10) == 0 ? c->cfg.max_body : LOOKUP_BODY_MAX, &why)) != 0) {
		app_error(c, st, why);
		return;
	}
	app_client_subject(c, subject);
	(void)form_validate(&c->arena, keys, SK__MAX, &c->form, f);
	if (f[SK_TICKET].value == NULL || f[SK_TICKET].error != NULL) {
		if (!over_limit(c, subject))
			fail_lookup(c, subject, 400, keys[SK_TICKET].message, "ticket",
			    f[SK_TICKET].len <= 40 ? f[SK_TICKET].value : NULL);
		return;
	}
	memcpy(ticket, f[SK_TICKET].value, 17);
	if (f[SK_CODE].value == NULL || f[SK_CODE].error != NULL) {
		if (!over_limit(c, subject))
			fail_lookup(c, subject, 400, keys[SK_CODE].message, "code", ticket);
		return;
	}
	memcpy(code, f[SK_CODE].value, 9);
	explicit_bzero((char *)f[SK_CODE].value, 8);
	/* A well-formed lookup: the limit, the report and its events in one statement. */
	st = report_public_case(&c->db, c->sec.code_mac_key, &probe, ticket, code, &found, &doc,
	    &id);
	/* Not (yet) in the database: the spool may hold it. Looked at for every unknown ticket
	 * (and when the database is away), so that a spooled one takes no longer. */
	if ((st != DB_OK || (!found && probe.retry_after == 0)) &&
	    spooled(c, ticket, code, &submitted)) {
		explicit_bzero(code, sizeof(code));
		send_spooled(c, ticket, submitted);
		return;
	}
	explicit_bzero(code, sizeof(code));
	if (st != DB_OK) {
		app_error(c, 503, "系统暂时无法查询，请稍后再试。");
		return;
	}
	if (probe.retry_after > 0) {
		app_too_many(c, probe.retry_after);
		return;
	}
	if (!found) {
		fail_lookup(c, subject, 404, "受理编号或查询码不正确。", NULL, ticket);
		return;
	}
	if (f[SK_ACTION].value != NULL && f[SK_ACTION].error == NULL) {
		xmlFreeDoc(doc);
		reply(c, ticket, id, &f[SK_REPLY]);
		return;
	}
	app_send(c, 200, doc);
}

static void
handle(struct ctx *c)
{
	if (strcmp(c->path, "/status") != 0)
		app_error(c, 404, "页面不存在。");
	else if (c->is_post)
		lookup(c);
	else
		show_form(c);
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-status", "status.xsl", handle, true, true,
	    SANDBOX_STORE };

	return app_main(argc, argv, &prog);
}
