/* intake: an intake officer records a report that arrived by phone, fax, e-mail, letter or
 * visit, on the public report form's key table (lib/reportform.c), inside the officer's area. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "crypto.h"
#include "log.h"
#include "queries.h"
#include "region.h"
#include "reportform.h"

static const struct option intake_channels[] = {
	{ "phone", "电话" }, { "fax", "传真" }, { "email", "电子邮件" }, { "letter", "信函" },
	{ "visit", "来访" }, { NULL, NULL },
};

static bool
hex32(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return len == 32 && strspn(v, "0123456789abcdef") == 32;
}

const struct form_key intake_keys[IK__MAX] = {
	[IK_FORM_ID] = { "form_id", hex32, 32, 32, FORM_REQUIRED | FORM_SECRET, NULL,
	    "页面已过期，请重新打开登记页面。" },
	[IK_CHANNEL] = { "channel", form_choice, 0, 0, FORM_REQUIRED, intake_channels,
	    "请选择收到举报的渠道。" },
};

void
intake_page(struct page *pg)
{
	uint8_t raw[16];
	char id[33];
	xmlNodePtr root;
	xmlDocPtr doc;

	if (crypto_random(raw, sizeof(raw)) != 0)
		log_fatal("random failed");
	crypto_hex(raw, sizeof(raw), id);
	doc = console_doc(pg, "intake-form", &root);
	form_options_xml(root, "channels", intake_channels);
	reportform_fill(xml_add(root, "submit-form", NULL), id, &pg->c->cfg, &pg->c->refdata,
	    NULL);
	app_send(pg->c, 200, doc);
}

static void
intake_again(struct page *pg, const struct reportform *rf, const char *form_id,
    const char *region_error)
{
	xmlNodePtr root, f;
	xmlDocPtr doc = app_error_doc(400, "请修改标出的项目后重新提交。", &root);

	xml_attr(root, "console", "1");
	staff_session_xml(&pg->s, root);
	console_menu_xml(&pg->s, xmlGetLastChild(root));
	reportform_errors(rf, root);
	form_errors_xml(root, intake_keys, IK__MAX, pg->f);
	if (region_error != NULL)
		xml_attr(xml_add(root, "field", region_error), "name", "region");
	f = xml_add(root, "intake-form", NULL);
	xml_attr(f, "console", "1");
	form_options_xml(f, "channels", intake_channels);
	reportform_fill(xml_add(f, "submit-form", NULL), form_id, &pg->c->cfg, &pg->c->refdata,
	    &pg->c->form);
	app_send(pg->c, 400, doc);
}

static void
intake_receipt(struct page *pg, const struct receipt *out, char code[9], int64_t id)
{
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "intake-receipt", &root);
	char ids[24];

	xml_add(root, "ticket", out->ticket);
	xml_add(root, "code", code);
	snprintf(ids, sizeof(ids), "%lld", (long long)id);
	xml_add(root, "case-id", ids);
	explicit_bzero(code, 9);
	app_send(pg->c, 200, doc);
}

void
intake_post(struct page *pg)
{
	struct ctx *c = pg->c;
	static struct reportform rf;
	struct reportform_dest to;
	const char *form_id = fv(pg, IK_FORM_ID), *region;
	struct new_report nr;
	struct receipt out;
	char code[9], token[64], area[7];
	int64_t id = 0;
	struct dbp p[1];
	int st;

	if (form_id == NULL && pg->f[IK_FORM_ID].error != NULL) {
		pg->errors = 0;
		console_error(pg, 403, "页面已过期，请重新打开登记页面。");
		return;
	}
	reportform_check(&c->arena, &c->cfg, &c->refdata, &c->form, &rf);
	region = rf.f[RF_REGION].error == NULL ? rf.f[RF_REGION].value : NULL;
	/* An officer records reports of the area its intake role covers, nowhere else. */
	if (region != NULL && (!role_area(&pg->s, R_INTAKE, area) || !region_in(region, area))) {
		intake_again(pg, &rf, form_id, "该地区不在您的职责范围内，请登记本地区的举报。");
		return;
	}
	if (rf.errors > 0 || pg->errors > 0) {
		intake_again(pg, &rf, form_id != NULL ? form_id : "", NULL);
		return;
	}
	reportform_report(&c->arena, &rf, &nr);
	nr.channel = fv(pg, IK_CHANNEL);
	nr.intake_staff_id = pg->s.id;
	/* The form's nonce is this officer's: the same form sent twice finds its report, but
	 * another officer's request with the same nonce makes no match (no ticket, no code). */
	snprintf(token, sizeof(token), "intake:%lld:%s", (long long)pg->s.id, form_id);
	/* the calendar as it is now: app_refdata may have replaced it */
	to = (struct reportform_dest){ &c->db, &c->sec, c->refdata.calendar,
	    c->cfg.attachment_dir, c->now };
	st = reportform_save(&to, &rf, &nr, token, strlen(token), &out, code);
	if (st == DB_OK) {
		p[0] = P_TEXT(out.ticket);
		st = db_int(&c->db, Q_CASE_ID_BY_TICKET, p, 1, 0, &id);
	}
	if (st == DB_OK && !out.existed)
		st = console_audit(pg, "intake", id, nr.channel);
	if (st != DB_OK) {
		db_unavailable(pg);
		return;
	}
	intake_receipt(pg, &out, code, id);
}
