/*
 * status: the reporter's lookup. GET /status shows the form; POST /status with ticket and code
 * answers the public view of the case. An unknown ticket and a wrong code give the same 404,
 * and failed lookups per client are limited (shared across processes, in MariaDB).
 */
#include <string.h>

#include "app.h"
#include "crypto.h"
#include "form.h"
#include "log.h"
#include "ratelimit.h"
#include "report.h"

#define LOOKUP_BODY_MAX 8192

static void
lookup_form(xmlNodePtr parent, const char *ticket)
{
	xmlNodePtr f = xml_add(parent, "lookup-form", NULL);

	if (ticket != NULL)
		xml_add(f, "ticket", ticket);
}

static void
show_form(struct ctx *c)
{
	const struct param *t = params_get(&c->query, "ticket");
	char ticket[17];
	xmlNodePtr root;
	xmlDocPtr doc = xml_doc("lookup-form", &root);

	/* A ticket in the link (from the receipt page) pre-fills the form; never a code. */
	if (t != NULL && ticket_parse(t->value, t->len, ticket))
		xml_add(root, "ticket", ticket);
	app_send(c, 200, doc);
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

static void
lookup(struct ctx *c)
{
	const struct param *t, *k;
	const char *why;
	char ticket[17], code[9];
	uint8_t subject[16];
	int64_t retry;
	xmlDocPtr doc;
	bool found;
	int st;

	if ((st = app_read_form(c, LOOKUP_BODY_MAX, &why)) != 0) {
		app_error(c, st, why);
		return;
	}
	app_client_subject(c, subject);
	st = rate_check(&c->db, subject, RATE_LOOKUP_FAIL, c->cfg.lookup_fail_limit,
	    c->cfg.lookup_fail_window, c->now, &retry);
	if (st != DB_OK) {
		app_error(c, 503, "系统暂时无法查询，请稍后再试。");
		return;
	}
	if (retry > 0) {
		app_too_many(c, retry);
		return;
	}
	t = params_get(&c->form, "ticket");
	k = params_get(&c->form, "code");
	if (t == NULL || !ticket_parse(t->value, t->len, ticket)) {
		fail_lookup(c, subject, 400, "受理编号应为16位数字，请核对后重新输入。", "ticket",
		    t != NULL && t->len <= 40 ? t->value : NULL);
		return;
	}
	if (k == NULL || !code_parse(k->value, k->len, code)) {
		fail_lookup(c, subject, 400, "查询码应为8位字母或数字，请核对后重新输入。", "code",
		    ticket);
		return;
	}
	st = report_public_case(&c->db, c->sec.code_mac_key, ticket, code, &found, &doc);
	explicit_bzero(code, sizeof(code));
	if (st != DB_OK) {
		app_error(c, 503, "系统暂时无法查询，请稍后再试。");
		return;
	}
	if (!found) {
		fail_lookup(c, subject, 404, "受理编号或查询码不正确。", NULL, ticket);
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
	static const struct program prog = { "jubao-status", "status.xsl", handle };

	return app_main(argc, argv, &prog);
}
