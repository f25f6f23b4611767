/*
 * submit: the public report form (GET /submit) and a new report (POST /submit).
 *
 * The form carries a CSRF token bound to a cookie; the token is also the report's idempotency
 * key, so the same form sent twice yields one report and the same receipt, and the query code
 * is derived from it (the server keeps only its MAC), so a retried answer can show it again.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "crypto.h"
#include "form.h"
#include "log.h"
#include "ratelimit.h"
#include "report.h"
#include "store.h"
#include "validate.h"

#define TRANSFER_WORKDAYS 2      /* seed 001 §三(二): transfer within 2 working days */

enum key {
	K_CSRF, K_CATEGORY, K_STANDARD, K_INDUSTRY, K_REGION, K_SUBJECT_TYPE, K_SUBJECT_NAME,
	K_SUBJECT_ADDRESS, K_CREDIT_CODE, K_DESCRIPTION, K_HAZARD, K_ANONYMOUS,
	K_REPORTER_NAME, K_REPORTER_PHONE, K_REPORTER_ID_NO, K_REPORTER_EMAIL, K__MAX
};

static const struct option yes_no[] = { { "0", "否" }, { "1", "是" }, { NULL, NULL } };
static const struct option hazard_yes[] = { { "1", "是" }, { NULL, NULL } };

static const struct form_key keys[K__MAX] = {
	[K_CSRF] = { "csrf", NULL, 1, 100, FORM_REQUIRED | FORM_SECRET, NULL,
	    "页面已过期，请重新打开举报页面。" },
	[K_CATEGORY] = { "category", form_choice, 0, 0, FORM_REQUIRED, report_categories,
	    "请选择举报类别。" },
	[K_STANDARD] = { "standard", form_choice, 0, 0, FORM_REQUIRED | FORM_MULTI,
	    report_standards, "请至少选择一项涉及的标准或问题。" },
	[K_INDUSTRY] = { "industry", NULL, 1, 32, FORM_REQUIRED, NULL, "请选择所属行业。" },
	[K_REGION] = { "region", form_digits, 6, 6, FORM_REQUIRED, NULL,
	    "请选择问题所在地区（省、市、县）。" },
	[K_SUBJECT_TYPE] = { "subject_type", form_choice, 0, 0, FORM_REQUIRED,
	    report_subject_types, "请选择被举报对象是企业还是政府或部门。" },
	[K_SUBJECT_NAME] = { "subject_name", NULL, 2, 100, FORM_REQUIRED, NULL,
	    "请填写被举报企业或单位名称（2至100个字）。" },
	[K_SUBJECT_ADDRESS] = { "subject_address", NULL, 1, 200, 0, NULL,
	    "请填写被举报企业的地址（不超过200个字）。" },
	[K_CREDIT_CODE] = { "credit_code", form_credit_code, 18, 18, 0, NULL,
	    "统一社会信用代码应为18位，且校验位正确；不清楚可不填。" },
	[K_DESCRIPTION] = { "description", NULL, 10, 5000, FORM_REQUIRED | FORM_MULTILINE, NULL,
	    "请描述举报的问题（10至5000个字）：时间、地点、设备或项目、具体情况。" },
	[K_HAZARD] = { "hazard", form_choice, 0, 0, 0, hazard_yes, "选项无效。" },
	[K_ANONYMOUS] = { "anonymous", form_choice, 0, 0, FORM_REQUIRED, yes_no,
	    "请选择实名举报或匿名举报。" },
	[K_REPORTER_NAME] = { "reporter_name", NULL, 2, 50, 0, NULL,
	    "实名举报请填写您的姓名（2至50个字）。" },
	[K_REPORTER_PHONE] = { "reporter_phone", form_phone, 0, 0, 0, NULL,
	    "请填写有效的手机号码或固定电话（如 13800138000、0431-88904527）。" },
	[K_REPORTER_ID_NO] = { "reporter_id_no", form_id_number, 18, 18, 0, NULL,
	    "身份证号码应为18位且校验位正确；可不填。" },
	[K_REPORTER_EMAIL] = { "reporter_email", form_email, 3, 254, 0, NULL,
	    "电子邮箱格式不正确；可不填。" },
};

/* Fill a <submit-form> element: token, option lists, and (when shown again) what was typed. */
static void
fill_form(struct ctx *c, xmlNodePtr f, const char *token, bool with_values)
{
	xmlNodePtr lim;

	xml_add(f, "csrf", token);
	lim = xml_add(f, "limits", NULL);
	xml_attr_int(lim, "max-files", c->cfg.max_files);
	xml_attr_int(lim, "max-file-mb", (long long)(c->cfg.max_file >> 20));
	xml_attr_int(lim, "description-max", 5000);
	form_options_xml(f, "categories", report_categories);
	form_options_xml(f, "standards", report_standards);
	refdata_industries_xml(&c->refdata, f);
	form_options_xml(f, "subject-types", report_subject_types);
	refdata_regions_xml(&c->refdata, f, c->cfg.region_scope);
	if (with_values)
		form_values_xml(f, keys, K__MAX, &c->form);
}

static void
show_form(struct ctx *c)
{
	char token[CSRF_TOKEN_LEN + 1];
	xmlNodePtr root;
	xmlDocPtr doc;

	if (!app_refdata(c)) {
		app_error(c, 503, "系统暂时无法提供服务，请稍后再试。");
		return;
	}
	app_form_token(c, token);
	doc = xml_doc("submit-form", &root);
	fill_form(c, root, token, false);
	app_send(c, 200, doc);
}

/* The form again, with the user's text and the reason; used for 400 and 503. */
static void
form_again(struct ctx *c, int status, const char *message, const struct form_field *f)
{
	const struct param *csrf = params_get(&c->form, "csrf");
	xmlNodePtr root;
	xmlDocPtr doc = app_error_doc(status, message, &root);

	if (f != NULL)
		form_errors_xml(root, keys, K__MAX, f);
	if (status == 503)
		response_header(&c->resp, &c->arena, "Retry-After: 30");
	fill_form(c, xml_add(root, "submit-form", NULL), csrf != NULL ? csrf->value : "", true);
	app_send(c, status, doc);
}

/* Rules that depend on other fields. */
static void
check_dependent(struct ctx *c, struct form_field *f)
{
	bool named = f[K_ANONYMOUS].value != NULL && strcmp(f[K_ANONYMOUS].value, "0") == 0;

	if (f[K_INDUSTRY].value != NULL && refdata_industry(&c->refdata, f[K_INDUSTRY].value) == NULL)
		form_fail(&f[K_INDUSTRY], keys[K_INDUSTRY].message);
	if (f[K_REGION].value != NULL && f[K_REGION].error == NULL &&
	    (refdata_region(&c->refdata, f[K_REGION].value) == NULL ||
	    strncmp(f[K_REGION].value, c->cfg.region_scope, strlen(c->cfg.region_scope)) != 0))
		form_fail(&f[K_REGION], keys[K_REGION].message);
	if (f[K_SUBJECT_TYPE].value != NULL && strcmp(f[K_SUBJECT_TYPE].value, "enterprise") == 0 &&
	    f[K_SUBJECT_ADDRESS].value == NULL)
		form_fail(&f[K_SUBJECT_ADDRESS], keys[K_SUBJECT_ADDRESS].message);
	if (named && f[K_REPORTER_NAME].value == NULL)
		form_fail(&f[K_REPORTER_NAME], keys[K_REPORTER_NAME].message);
	if (named && f[K_REPORTER_PHONE].value == NULL)
		form_fail(&f[K_REPORTER_PHONE], keys[K_REPORTER_PHONE].message);
}

/* "v1\nname\nphone\nid\nemail": single-line fields, so the line break is a safe separator. */
static char *
identity_text(struct ctx *c, const struct form_field *f, size_t *len)
{
	const char *parts[4] = { f[K_REPORTER_NAME].value, f[K_REPORTER_PHONE].value,
	    f[K_REPORTER_ID_NO].value, f[K_REPORTER_EMAIL].value };
	size_t n = 3, i;
	char *s, *p;

	for (i = 0; i < 4; i++)
		n += (parts[i] ? strlen(parts[i]) : 0) + 1;
	p = s = arena_alloc(&c->arena, n + 1);
	memcpy(p, "v1", 2);
	p += 2;
	for (i = 0; i < 4; i++) {
		size_t l = parts[i] ? strlen(parts[i]) : 0;
		*p++ = '\n';
		if (l)
			memcpy(p, parts[i], l);
		p += l;
	}
	*len = (size_t)(p - s);
	return s;
}

static char *
join_standards(struct ctx *c, const struct form_field *f)
{
	size_t n = 1, i;
	char *s;

	for (i = 0; i < f->nvalues; i++)
		n += strlen(f->values[i]) + 1;
	s = arena_alloc(&c->arena, n);
	for (i = 0; i < f->nvalues; i++) {
		if (i > 0)
			strncat(s, ",", n - strlen(s) - 1);
		strncat(s, f->values[i], n - strlen(s) - 1);
	}
	return s;
}

static void
send_receipt(struct ctx *c, const struct receipt *r, const char code[9], size_t nfiles)
{
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
	app_send(c, 200, doc);
}

static void
receive(struct ctx *c)
{
	struct form_field f[K__MAX];
	struct stored_file files[20];
	struct new_report nr;
	struct receipt rc_out;
	const struct param *csrf;
	const char *why, *file_err;
	uint8_t subject[16], submit_key[32], codebytes[32];
	char code[9], due[11];
	int64_t retry;
	size_t nfiles = 0;
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
	if (st != DB_OK) {
		form_again(c, 503, "系统暂时无法保存举报，您填写的内容仍在下方，请稍后再提交。", NULL);
		return;
	}
	if (retry > 0) {
		app_too_many(c, retry);
		return;
	}
	form_validate(&c->arena, keys, K__MAX, &c->form, f);
	check_dependent(c, f);
	file_err = store_check(&c->form, c->cfg.max_files, c->cfg.max_file, files, &nfiles);
	{
		unsigned bad = 0;
		for (int i = 0; i < K__MAX; i++)
			bad += f[i].error != NULL;
		if (bad > 0 || file_err != NULL) {
			xmlNodePtr root;
			xmlDocPtr doc = app_error_doc(400, "请修改标出的项目后重新提交。", &root);

			form_errors_xml(root, keys, K__MAX, f);
			if (file_err != NULL)
				xml_attr(xml_add(root, "field", file_err), "name", "attachment");
			fill_form(c, xml_add(root, "submit-form", NULL), csrf->value, true);
			app_send(c, 400, doc);
			return;
		}
	}

	memset(&nr, 0, sizeof(nr));
	nr.category = f[K_CATEGORY].value;
	nr.standards = join_standards(c, &f[K_STANDARD]);
	nr.industry = f[K_INDUSTRY].value;
	nr.region = f[K_REGION].value;
	nr.subject_type = f[K_SUBJECT_TYPE].value;
	nr.subject_name = f[K_SUBJECT_NAME].value;
	nr.subject_address = f[K_SUBJECT_ADDRESS].value;
	nr.credit_code = f[K_CREDIT_CODE].value;
	nr.description = f[K_DESCRIPTION].value;
	nr.hazard = f[K_HAZARD].value != NULL;
	nr.anonymous = strcmp(f[K_ANONYMOUS].value, "1") == 0;
	if (!nr.anonymous)
		nr.identity = identity_text(c, f, &nr.identity_len);

	/* The token names this form: its MAC is the idempotency key, another MAC the code. */
	if (crypto_hmac_sha256(c->sec.submit_key, 32, csrf->value, csrf->len, submit_key) != 0 ||
	    crypto_hmac_sha256(c->sec.code_key, 32, csrf->value, csrf->len, codebytes) != 0)
		log_fatal("hmac failed");
	code_from_bytes(codebytes, code);
	report_due(c->refdata.calendar, c->now, TRANSFER_WORKDAYS, due);

	if (store_put_all(c->cfg.attachment_dir, &c->form, files, nfiles) != 0) {
		form_again(c, 503, "附件暂时无法保存，您填写的内容仍在下方，请稍后再提交。", NULL);
		return;
	}
	st = report_save(&c->db, &c->sec.identity, c->sec.code_mac_key, &nr,
	    submit_key, code, files, nfiles, c->now, due, &rc_out);
	if (nr.identity != NULL)
		explicit_bzero((char *)(uintptr_t)nr.identity, nr.identity_len);
	if (st != DB_OK || rc_out.existed)
		store_remove_all(c->cfg.attachment_dir, files, nfiles);
	if (st != DB_OK) {
		form_again(c, 503, "系统暂时无法保存举报，您填写的内容仍在下方，请稍后再提交。", NULL);
		return;
	}
	send_receipt(c, &rc_out, code, nfiles);
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
	static const struct program prog = { "jubao-submit", "submit.xsl", handle };

	return app_main(argc, argv, &prog);
}
