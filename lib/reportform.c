/* reportform: see reportform.h. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "log.h"
#include "region.h"
#include "render.h"
#include "reportform.h"
#include "textlimits.h"
#include "workflow.h"

static const struct option yes_no[] = { { "0", "否" }, { "1", "是" }, { NULL, NULL } };
static const struct option hazard_yes[] = { { "1", "是" }, { NULL, NULL } };

static const struct form_key keys[RF__MAX] = {
	[RF_CSRF] = { "csrf", NULL, 1, 100, FORM_REQUIRED | FORM_SECRET, NULL,
	    "页面已过期，请重新打开举报页面。" },
	[RF_CATEGORY] = { "category", form_choice, 0, 0, FORM_REQUIRED, report_categories,
	    "请选择举报类别。" },
	[RF_STANDARD] = { "standard", form_choice, 0, 0, FORM_REQUIRED | FORM_MULTI,
	    report_standards, "请至少选择一项涉及的标准或问题。" },
	[RF_INDUSTRY] = { "industry", NULL, 1, 32, FORM_REQUIRED, NULL, "请选择所属行业。" },
	[RF_REGION] = { "region", form_digits, 6, 6, FORM_REQUIRED, NULL,
	    "请选择问题所在地区（省、市、县）。" },
	[RF_SUBJECT_TYPE] = { "subject_type", form_choice, 0, 0, FORM_REQUIRED,
	    report_subject_types, "请选择被举报对象是企业还是政府或部门。" },
	[RF_SUBJECT_NAME] = { "subject_name", NULL, 2, 100, FORM_REQUIRED, NULL,
	    "请填写被举报企业或单位名称（2至100个字）。" },
	[RF_SUBJECT_ADDRESS] = { "subject_address", NULL, 1, 200, 0, NULL,
	    "请填写被举报企业的地址（不超过200个字）。" },
	[RF_CREDIT_CODE] = { "credit_code", form_credit_code, 18, 18, 0, NULL,
	    "统一社会信用代码应为18位，且校验位正确；不清楚可不填。" },
	[RF_DESCRIPTION] = { "description", NULL, 10, LIMIT_DESCRIPTION, FORM_REQUIRED | FORM_MULTILINE, NULL,
	    "请描述举报的问题（10至5000个字）：时间、地点、设备或项目、具体情况。" },
	[RF_HAZARD] = { "hazard", form_choice, 0, 0, 0, hazard_yes, "选项无效。" },
	[RF_ANONYMOUS] = { "anonymous", form_choice, 0, 0, FORM_REQUIRED, yes_no,
	    "请选择实名举报或匿名举报。" },
	[RF_REPORTER_NAME] = { "reporter_name", NULL, 2, 50, 0, NULL,
	    "实名举报请填写您的姓名（2至50个字）。" },
	[RF_REPORTER_PHONE] = { "reporter_phone", form_phone, 0, 30, 0, NULL,
	    "请填写有效的手机号码或固定电话（如 13800138000、0431-88904527）。" },
	[RF_REPORTER_ID_NO] = { "reporter_id_no", form_id_number, 18, 18, 0, NULL,
	    "身份证号码应为18位且校验位正确；可不填。" },
	[RF_REPORTER_EMAIL] = { "reporter_email", form_email, 3, 254, 0, NULL,
	    "电子邮箱格式不正确；可不填。" },
};

/* Fill a <submit-form> element: token, limits (attachments; the key table's lengths, which
 * reportform.xsl writes as maxlength and minlength), option lists, and (when shown again) what
 * was typed. */
static void
fill(xmlNodePtr f, const char *token, const struct config *cfg, const struct refdata *rd,
    const struct params *typed, const char *scope)
{
	xmlNodePtr lim;

	xml_add(f, "csrf", token);
	lim = xml_add(f, "limits", NULL);
	xml_attr_int(lim, "max-files", cfg->max_files);
	xml_attr_int(lim, "max-file-mb", (long long)(cfg->max_file >> 20));
	form_limits_xml(f, keys, RF__MAX);     /* the fields' lengths, into lim */
	form_options_xml(f, "categories", report_categories);
	form_options_xml(f, "standards", report_standards);
	refdata_industries_xml(rd, f);
	form_options_xml(f, "subject-types", report_subject_types);
	refdata_regions_xml(rd, f, scope);
	if (typed != NULL)
		form_values_xml(f, keys, RF__MAX, typed);
}

void
reportform_fill(xmlNodePtr f, const char *token, const struct config *cfg,
    const struct refdata *rd, const struct params *typed)
{
	fill(f, token, cfg, rd, typed, cfg->region_scope);
}

/* The province (two digits) of a value that is a known province ("22") or region code. */
static bool
province_of(const struct refdata *rd, const struct param *p, char out[3])
{
	char code[7];

	if (p == NULL || (p->len != 2 && p->len != 6))
		return false;
	snprintf(code, sizeof(code), "%.2s0000", p->value);
	if (!region_code_ok(code) || refdata_region(rd, code) == NULL)
		return false;
	if (p->len == 6 && refdata_region(rd, p->value) == NULL)
		return false;
	memcpy(out, code, 2);
	out[2] = '\0';
	return true;
}

static void
public_scope(const struct config *cfg, const struct refdata *rd, const struct params *query,
    const struct params *typed, char out[3])
{
	const struct param *all = query != NULL ? params_get(query, "regions") : NULL;

	if (cfg->region_scope[0] != '\0')
		memcpy(out, cfg->region_scope, 3);
	else if (all != NULL && strcmp(all->value, "all") == 0)
		out[0] = '\0';
	else if (!(query != NULL && (province_of(rd, params_get(query, "province"), out) ||
	    province_of(rd, params_get(query, "region"), out))) &&
	    !(typed != NULL && province_of(rd, params_get(typed, "region"), out)))
		memcpy(out, cfg->form_regions, 3);
}

void
reportform_fill_public(xmlNodePtr f, const char *token, const struct config *cfg,
    const struct refdata *rd, const struct params *query, const struct params *typed)
{
	xmlNodePtr sw, n;
	char scope[3];
	size_t i;

	public_scope(cfg, rd, query, typed, scope);
	fill(f, token, cfg, rd, typed, scope);
	if (cfg->region_scope[0] != '\0')
		return;
	sw = xml_add(f, "region-switch", NULL);
	xml_attr(sw, "shown", scope);
	xml_attr(sw, "host", cfg->form_regions);
	for (i = 0; i < rd->nregions; i++) {
		if (rd->regions[i].level != 1)
			continue;
		n = xml_add(sw, "province", NULL);
		xml_attr(n, "code", rd->regions[i].code);
		xml_attr(n, "name", rd->regions[i].name);
	}
}

/* Append name=value to ps (arena copies). */
static void
params_push(struct arena *a, struct params *ps, const char *name, const char *value, size_t len)
{
	struct param *p = arena_alloc(a, sizeof(*p));

	p->name = arena_strdup(a, name);
	p->value = arena_strndup(a, value, len);
	p->len = len;
	if (ps->tail != NULL)
		ps->tail->next = p;
	else
		ps->head = p;
	ps->tail = p;
	ps->count++;
}

void
reportform_prefill(struct arena *a, const struct config *cfg, const struct refdata *rd,
    const struct params *query, struct params *out)
{
	static const enum rf_key prefill[] = { RF_SUBJECT_NAME, RF_CREDIT_CODE, RF_REGION,
	    RF_INDUSTRY };
	struct form_field f[RF__MAX];
	size_t i;

	memset(out, 0, sizeof(*out));
	(void)form_validate(a, keys, RF__MAX, query, f);
	if (f[RF_INDUSTRY].value != NULL && refdata_industry(rd, f[RF_INDUSTRY].value) == NULL)
		f[RF_INDUSTRY].error = keys[RF_INDUSTRY].message;
	if (f[RF_REGION].value != NULL && f[RF_REGION].error == NULL &&
	    (refdata_region(rd, f[RF_REGION].value) == NULL ||
	    strncmp(f[RF_REGION].value, cfg->region_scope, strlen(cfg->region_scope)) != 0))
		f[RF_REGION].error = keys[RF_REGION].message;
	for (i = 0; i < sizeof(prefill) / sizeof(prefill[0]); i++) {
		const struct form_field *v = &f[prefill[i]];

		if (v->value != NULL && v->error == NULL)
			params_push(a, out, keys[prefill[i]].name, v->value, v->len);
	}
	if (out->count > 0)
		params_push(a, out, keys[RF_SUBJECT_TYPE].name, "enterprise", 10);
}

/* Rules that depend on other fields. */
static void
check_dependent(const struct config *cfg, const struct refdata *rd,
    struct form_field *f)
{
	bool named = f[RF_ANONYMOUS].value != NULL && strcmp(f[RF_ANONYMOUS].value, "0") == 0;

	if (f[RF_INDUSTRY].value != NULL && refdata_industry(rd, f[RF_INDUSTRY].value) == NULL)
		form_fail(&f[RF_INDUSTRY], keys[RF_INDUSTRY].message);
	if (f[RF_REGION].value != NULL && f[RF_REGION].error == NULL &&
	    (refdata_region(rd, f[RF_REGION].value) == NULL ||
	    strncmp(f[RF_REGION].value, cfg->region_scope, strlen(cfg->region_scope)) != 0))
		form_fail(&f[RF_REGION], keys[RF_REGION].message);
	if (f[RF_SUBJECT_TYPE].value != NULL && strcmp(f[RF_SUBJECT_TYPE].value, "enterprise") == 0 &&
	    f[RF_SUBJECT_ADDRESS].value == NULL)
		form_fail(&f[RF_SUBJECT_ADDRESS], keys[RF_SUBJECT_ADDRESS].message);
	if (named && f[RF_REPORTER_NAME].value == NULL)
		form_fail(&f[RF_REPORTER_NAME], keys[RF_REPORTER_NAME].message);
	if (named && f[RF_REPORTER_PHONE].value == NULL)
		form_fail(&f[RF_REPORTER_PHONE], keys[RF_REPORTER_PHONE].message);
}

/* "v1\nname\nphone\nid\nemail": single-line fields, so the line break is a safe separator. */
static char *
identity_text(struct arena *arena, const struct form_field *f, size_t *len)
{
	const char *parts[4] = { f[RF_REPORTER_NAME].value, f[RF_REPORTER_PHONE].value,
	    f[RF_REPORTER_ID_NO].value, f[RF_REPORTER_EMAIL].value };
	size_t n = 3, i;
	char *s, *p;

	for (i = 0; i < 4; i++)
		n += (parts[i] ? strlen(parts[i]) : 0) + 1;
	p = s = arena_alloc(arena, n + 1);
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
join_standards(struct arena *arena, const struct form_field *f)
{
	size_t n = 1, i;
	char *s;

	for (i = 0; i < f->nvalues; i++)
		n += strlen(f->values[i]) + 1;
	s = arena_alloc(arena, n);
	for (i = 0; i < f->nvalues; i++) {
		if (i > 0)
			strncat(s, ",", n - strlen(s) - 1);
		strncat(s, f->values[i], n - strlen(s) - 1);
	}
	return s;
}

void
reportform_check(struct arena *arena, const struct config *cfg, const struct refdata *rd,
    const struct params *form, struct reportform *rf)
{
	unsigned i;

	memset(rf, 0, sizeof(*rf));
	rf->form = form;
	form_validate(arena, keys, RF__MAX, form, rf->f);
	check_dependent(cfg, rd, rf->f);
	rf->file_error = store_check(form, cfg->max_files, cfg->max_file, rf->files,
	    &rf->nfiles);
	for (i = 0; i < RF__MAX; i++)
		rf->errors += rf->f[i].error != NULL;
	rf->errors += rf->file_error != NULL;
}

void
reportform_errors(const struct reportform *rf, xmlNodePtr parent)
{
	form_errors_xml(parent, keys, RF__MAX, rf->f);
	if (rf->file_error != NULL)
		xml_attr(xml_add(parent, "field", rf->file_error), "name", "attachment");
}

void
reportform_report(struct arena *arena, const struct reportform *rf, struct new_report *nr)
{
	const struct form_field *f = rf->f;

	memset(nr, 0, sizeof(*nr));
	nr->channel = "web";
	nr->category = f[RF_CATEGORY].value;
	nr->standards = join_standards(arena, &f[RF_STANDARD]);
	nr->industry = f[RF_INDUSTRY].value;
	nr->region = f[RF_REGION].value;
	nr->subject_type = f[RF_SUBJECT_TYPE].value;
	nr->subject_name = f[RF_SUBJECT_NAME].value;
	nr->subject_address = f[RF_SUBJECT_ADDRESS].value;
	nr->credit_code = f[RF_CREDIT_CODE].value;
	nr->description = f[RF_DESCRIPTION].value;
	nr->hazard = f[RF_HAZARD].value != NULL;
	nr->anonymous = strcmp(f[RF_ANONYMOUS].value, "1") == 0;
	if (!nr->anonymous)
		nr->identity = identity_text(arena, f, &nr->identity_len);
}

/* The receipt of a report found in the spool already (the same form sent twice). */
static void
spooled_before(const struct reportform_dest *d, const struct spool_head *old, struct receipt *out)
{
	report_time(old->submitted, out->submitted);
	report_due(d->calendar, old->submitted, DUE_TRANSFER, out->due);
	out->existed = true;
}

/* Whether this form waits in the spool already (sent during an outage, sent again once the
 * database is back but before the import): then its receipt, not a second report. */
static bool
spooled_already(const struct reportform_dest *d, const uint8_t submit_key[32],
    const struct new_report *nr, struct receipt *out)
{
	struct spool_head old;

	if (d->spool_dir == NULL || d->spool_dir[0] == '\0')
		return false;
	ticket_from_bytes(submit_key, out->ticket);
	if (spool_find(d->spool_dir, out->ticket, &old) != 0) {
		memset(out, 0, sizeof(*out));
		return false;
	}
	spooled_before(d, &old, out);
	out->anonymous = nr->anonymous;
	out->spooled = true;
	return true;
}

/* The report into the spool: identity sealed as for the database, the whole sealed again. */
static int
spool_save(const struct reportform_dest *d, const struct reportform *rf,
    const struct new_report *nr, const uint8_t submit_key[32], const char code[9],
    const char *due, struct receipt *out)
{
	static struct spool_body b;
	struct spool_head h, old;
	uint8_t sealed[1024];
	int64_t alg;
	int rc = DB_DOWN;

	memset(&b, 0, sizeof(b));
	memset(&h, 0, sizeof(h));
	ticket_from_bytes(submit_key, h.ticket);
	h.submitted = d->now;
	if (crypto_hmac2(d->sec->code_mac_key, 32, h.ticket, 16, code, 8, h.code_mac) != 0 ||
	    (nr->identity != NULL && report_seal_identity(&d->sec->identity, nr, h.ticket,
	    sealed, sizeof(sealed), &b.sealed_len, &alg) != DB_OK))
		return DB_FAIL;
	memcpy(b.submit_key, submit_key, 32);
	b.due = due;
	b.r = *nr;
	b.r.identity = NULL;
	b.r.identity_len = 0;
	b.sealed_identity = nr->identity != NULL ? sealed : NULL;
	memcpy(b.files, rf->files, rf->nfiles * sizeof(rf->files[0]));
	b.nfiles = rf->nfiles;
	switch (spool_put(d->spool_dir, d->spool_limits, &d->sec->identity, &h, &b, &old)) {
	case SPOOL_OK:
		report_time(d->now, out->submitted);
		snprintf(out->due, sizeof(out->due), "%s", due);
		break;
	case SPOOL_EXISTS:
		spooled_before(d, &old, out);
		break;
	default:
		goto done;      /* full or failed: 503 as without a spool */
	}
	memcpy(out->ticket, h.ticket, sizeof(out->ticket));
	out->anonymous = nr->anonymous;
	out->spooled = true;
	rc = DB_OK;
done:
	explicit_bzero(&b, sizeof(b));
	return rc;
}

int
reportform_save(const struct reportform_dest *d, struct reportform *rf, struct new_report *nr,
    const char *token, size_t tokenlen, struct receipt *out, char code[9])
{
	uint8_t submit_key[32], codebytes[32];
	char due[11];
	int st;

	/* The token names this form: its MAC is the idempotency key, another MAC the code. */
	if (crypto_hmac_sha256(d->sec->submit_key, 32, token, tokenlen, submit_key) != 0 ||
	    crypto_hmac_sha256(d->sec->code_key, 32, token, tokenlen, codebytes) != 0)
		log_fatal("hmac failed");
	code_from_bytes(codebytes, code);
	report_due(d->calendar, d->now, DUE_TRANSFER, due);
	if (store_put_all(d->attachment_dir, rf->form, rf->files, rf->nfiles) != 0)
		return DB_FAIL;
	memset(out, 0, sizeof(*out));
	if (spooled_already(d, submit_key, nr, out))
		st = DB_OK;
	else
		st = d->db_down ? DB_DOWN : report_save(d->db, &d->sec->identity, d->sec->code_mac_key, nr,
	    submit_key, code, rf->files, rf->nfiles, d->now, due, out);
	if (st == DB_DOWN && d->spool_dir != NULL && d->spool_dir[0] != '\0')
		st = spool_save(d, rf, nr, submit_key, code, due, out);
	if (nr->identity != NULL)
		explicit_bzero((char *)(uintptr_t)nr->identity, nr->identity_len);
	if (st != DB_OK || out->existed)
		store_remove_all(d->attachment_dir, rf->files, rf->nfiles);
	return st;
}
