/* case_page: the case page's document: the report, its records, the identity box and the
 * action forms the user's roles may use on it (kase_may: the rule the POST follows too). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "crypto.h"
#include "queries.h"
#include "report.h"

const struct option note_kinds[] = {
	{ "note", "内部备注" }, { "inspection", "现场检查" }, { "progress", "处置进展" },
	{ "press", "督办" }, { "hazard_notice", "隐患通报" }, { NULL, NULL },
};

const struct option verdicts[] = {
	{ "true", "属实" }, { "partly", "部分属实" }, { "false", "不属实" }, { NULL, NULL },
};

const struct option channels[] = {
	{ "web", "网上" }, { "phone", "电话" }, { "fax", "传真" }, { "email", "电子邮件" },
	{ "letter", "信函" }, { "visit", "来访" }, { NULL, NULL },
};

/* The case's records, each query with its row struct, loader and element. */
struct record {
	char    at[32], kind[16], state[16], who[257], mime[33], ticket[17], subject[401];
	char   *text;
	int64_t id, size;
};

static int
event_row(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct record *r = row;
	xmlNodePtr e = xml_add(a->parent, "event", r->text);

	xml_attr(e, "at", r->at);
	xml_attr(e, "state", r->state);
	xml_attr(e, "label", option_label(report_states, r->state));
	return 0;
}

static int
note_row(void *arg, void *row)
{
	struct list_arg *a = arg;
	const struct record *r = row;
	xmlNodePtr e = xml_add(a->parent, "note", r->text);

	xml_attr(e, "at", r->at);
	xml_attr(e, "kind", r->kind);
	xml_attr(e, "kind-label", option_label(note_kinds, r->kind));
	xml_attr(e, "who", r->who);
	return 0;
}

#define R struct record
static const struct dbc event_cols[] = { COL_TEXT(R, at), COL_TEXT(R, state), COL_STR(R, text) };
static const struct dbc note_cols[] = { COL_TEXT(R, at), COL_TEXT(R, kind), COL_TEXT(R, who),
	COL_STR(R, text) };
static const struct dbc attachment_cols[] = { COL_I64(R, id), COL_TEXT(R, mime),
	COL_I64(R, size) };
static const struct dbc dup_cols[] = { COL_I64(R, id), COL_TEXT(R, ticket), COL_TEXT(R, subject) };
#undef R

struct option_row {
	char    value[33], label[401], *text;
	int64_t id;
};
static const struct dbc staff_option_cols[] = { COL_I64(struct option_row, id),
	COL_TEXT(struct option_row, label) };
static const struct db_loader staff_option_loader = DB_LOADER(struct option_row,
    staff_option_cols);
static const struct dbc reason_cols[] = { COL_TEXT(struct option_row, value),
	COL_TEXT(struct option_row, label), COL_STR(struct option_row, text) };
static const struct db_loader reason_loader = DB_LOADER(struct option_row, reason_cols);

/* Suggested departments for a transfer, from the routing table. */
static void
add_transfer_choices(struct page *pg, const struct kase *k, xmlNodePtr act)
{
	struct route_suggestion sug;
	size_t i;

	if (routing_suggest(pg->c, k, &sug) != DB_OK)
		return;
	for (i = 0; i < sug.n; i++) {
		xmlNodePtr d = xml_add(act, "department", NULL);
		xml_attr_int(d, "id", sug.dept[i].id);
		xml_attr(d, "name", sug.dept[i].name);
		xml_attr(d, "suggested", sug.dept[i].lead ? "lead" : "coop");
	}
	if (sug.message[0] != '\0')
		xml_add(act, "message", sug.message);
}

/* What an action's form needs beside its button. */
static void
action_choices(struct page *pg, const struct kase *k, enum action a, xmlNodePtr n)
{
	static const char *const reason_names[] = { "value", "label", "text" };
	static const char *const staff_names[] = { "id", "name" };
	const struct option *o;
	struct dbp p[1] = { P_INT(k->lead) };

	if (a == A_REJECT)
		(void)rows_xml(pg, Q_REJECT_REASONS, NULL, 0, &reason_loader, n, "option",
		    reason_names);
	else if (a == A_DISPOSE)
		for (o = stats_measures; o->value; o++)
			add_option(n, o->value, o->label);
	else if (a == A_TRANSFER)
		add_transfer_choices(pg, k, n);
	else if (a == A_SET_CONTACT && k->lead > 0)
		(void)rows_xml(pg, Q_CONTACTS_OF_DEPT, p, 1, &staff_option_loader, n, "staff",
		    staff_names);
}

static void
add_actions(struct page *pg, const struct kase *k, xmlNodePtr parent)
{
	xmlNodePtr acts = xml_add(parent, "actions", NULL), n;
	int i;

	for (i = 0; i < A__MAX; i++) {
		if (kase_may(k, (enum action)i) < 0)
			continue;
		n = xml_add(acts, "action", NULL);
		xml_attr(n, "name", transitions[i].name);
		xml_attr(n, "label", transitions[i].label);
		action_choices(pg, k, (enum action)i, n);
	}
}

/* The sealed identity, as stored (report_identity.sealed VARBINARY(4096)). */
struct sealed_row {
	uint8_t blob[4096];
	size_t  len;
};
static const struct dbc sealed_cols[] = { COL_BLOB(struct sealed_row, blob, len) };
static const struct db_loader sealed_loader = DB_LOADER(struct sealed_row, sealed_cols);

/* "v1\nname\nphone\nid\nemail" as the four elements of the identity box. */
static void
identity_fields(xmlNodePtr n, char *s)
{
	static const char *const names[4] = { "name", "phone", "id-no", "email" };
	char *fields[4] = { NULL, NULL, NULL, NULL };
	int i;

	if (strncmp(s, "v1\n", 3) == 0) {
		s += 3;
		for (i = 0; i < 4 && s != NULL; i++) {
			char *nl = strchr(s, '\n');
			if (nl != NULL)
				*nl = '\0';
			fields[i] = s;
			s = nl != NULL ? nl + 1 : NULL;
		}
	}
	for (i = 0; i < 4; i++)
		xml_add(n, names[i], fields[i] ? fields[i] : "");
}

/* The identity box: hidden for everyone but the two people seed 001 §三(六) allows, and then
 * only on an explicit, audited request. */
static int
add_identity(struct page *pg, const struct kase *k, bool reveal, xmlNodePtr parent)
{
	xmlNodePtr n = xml_add(parent, "identity", NULL);
	struct sealed_row *sr = arena_alloc(&pg->c->arena, sizeof(*sr));
	uint8_t pt[1024];
	size_t ptlen = 0;
	struct dbp p[1] = { P_INT(k->id) };
	bool found;
	int rc;

	if (k->anonymous) {
		xml_attr(n, "state", "anonymous");
		return DB_OK;
	}
	if (!reveal || kase_may(k, A_REVEAL) < 0) {
		xml_attr(n, "state", "hidden");
		xmlNodeAddContent(n, (const xmlChar *)"实名举报");
		return DB_OK;
	}
	if ((rc = db_load(&pg->c->db, Q_IDENTITY_GET, p, 1, &sealed_loader, &pg->c->arena, sr,
	    NULL, NULL, &found)) != DB_OK)
		return rc;
	if (!found || unseal(&pg->c->sec.identity, k->ticket, 16, sr->blob, sr->len, pt,
	    sizeof(pt) - 1, &ptlen) != 0) {
		xml_attr(n, "state", "hidden");
		xmlNodeAddContent(n, (const xmlChar *)"身份信息无法解密，请联系管理员。");
		return DB_OK;
	}
	pt[ptlen] = '\0';
	xml_attr(n, "state", "shown");
	identity_fields(n, (char *)pt);
	explicit_bzero(pt, sizeof(pt));
	return console_audit(pg, "reveal_identity", k->id, "");
}

static void
report_attrs(struct ctx *c, const struct kase *k, xmlNodePtr r)
{
	const struct industry *ind = refdata_industry(&c->refdata, k->industry);
	char region[300], *std, *tok, *save;
	xmlNodePtr n;

	xml_attr_int(r, "id", k->id);
	xml_attr(r, "ticket", k->ticket);
	xml_attr(r, "state", k->state);
	xml_attr(r, "state-label", option_label(report_states, k->state));
	xml_attr(r, "category", k->category);
	xml_attr(r, "category-label", option_label(report_categories, k->category));
	xml_attr(r, "industry", ind != NULL ? ind->name : k->industry);
	xml_attr(r, "region", region_name(c, k->region, region, sizeof(region)));
	xml_attr(r, "region-code", k->region);
	xml_attr(r, "subject-type", k->subject_type);
	xml_attr(r, "subject-name", k->subject_name);
	xml_attr(r, "subject-address", k->subject_address);
	xml_attr(r, "credit-code", k->credit_code);
	xml_attr(r, "hazard", k->hazard ? "1" : "0");
	xml_attr(r, "hazard-notified", k->hazard_notified ? "1" : "0");
	xml_attr(r, "anonymous", k->anonymous ? "1" : "0");
	xml_attr(r, "channel", k->channel);
	xml_attr(r, "channel-label", option_label(channels, k->channel));
	xml_attr(r, "submitted", k->submitted);
	xml_attr(r, "due", k->due);
	xml_attr(r, "overdue", k->overdue ? "1" : "0");
	xml_attr(r, "verdict", k->verdict);
	xml_attr(r, "verdict-label", k->verdict[0] ? option_label(verdicts, k->verdict) : "");
	xml_attr(r, "disposal", k->disposal);
	xml_attr(r, "feedback-state", k->feedback_state);
	xml_attr(r, "duplicate-of", k->duplicate_of);
	xml_attr(r, "duplicate-ticket", k->duplicate_ticket);
	std = arena_strdup(&c->arena, k->standards);
	for (tok = strtok_r(std, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		n = xml_add(r, "standard", NULL);
		xml_attr(n, "value", tok);
		xml_attr(n, "label", option_label(report_standards, tok));
	}
	xml_add(r, "description", k->description);
	xml_add(r, "feedback-text", k->feedback_text);
}

static void
departments_xml(const struct kase *k, xmlNodePtr root)
{
	xmlNodePtr n = xml_add(root, "departments", NULL);
	int i;

	for (i = 0; i < k->depts.n; i++) {
		xmlNodePtr d = xml_add(n, "department", NULL);
		xml_attr_int(d, "id", k->depts.id[i]);
		xml_attr(d, "name", k->dept_names[i]);
		xml_attr(d, "role", k->dept_roles[i]);
	}
	if (k->contact_staff > 0) {
		n = xml_add(root, "contact", NULL);
		xml_attr_int(n, "id", k->contact_staff);
		xml_attr(n, "name", k->contact_name);
	}
}

/* The case's records: attachments, public events, staff notes, duplicates. */
static int
records_xml(struct page *pg, int64_t id, xmlNodePtr root)
{
	struct ctx *c = pg->c;
	static const char *const attachment_names[] = { "id", "mime", "size" };
	static const char *const dup_names[] = { "id", "ticket", "subject" };
	static const struct {
		const char *name, *element;
		int q;
		struct db_loader ld;
		db_load_fn fn;                 /* NULL: the names below */
		const char *const *names;
	} lists[] = {
		{ "attachments", "attachment", Q_CASE_ATTACHMENTS,
		    DB_LOADER(struct record, attachment_cols), NULL, attachment_names },
		{ "events", NULL, Q_CASE_EVENTS, DB_LOADER(struct record, event_cols), event_row,
		    NULL },
		{ "notes", NULL, Q_CASE_NOTES, DB_LOADER(struct record, note_cols), note_row, NULL },
		{ "duplicates", "case", Q_CASE_DUPLICATES, DB_LOADER(struct record, dup_cols), NULL,
		    dup_names },
	};
	struct dbp p[1] = { P_INT(id) };
	struct list_arg a = { c, NULL, 0, false, 0 };
	struct record row;
	xmlNodePtr parent;
	bool found;
	size_t i;
	int rc;

	for (i = 0; i < NELEM(lists); i++) {
		parent = xml_add(root, lists[i].name, NULL);
		a.parent = parent;
		rc = lists[i].fn != NULL ? db_load(&c->db, lists[i].q, p, 1, &lists[i].ld,
		    &c->arena, &row, lists[i].fn, &a, &found) : rows_xml(pg, lists[i].q, p, 1,
		    &lists[i].ld, parent, lists[i].element, lists[i].names);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

void
case_page(struct page *pg, int64_t id, bool reveal, int status, const char *message)
{
	struct ctx *c = pg->c;
	struct kase k;
	xmlNodePtr root;
	xmlDocPtr doc;
	int rc;

	if ((rc = kase_load(pg, id, &k)) < 0) {
		db_unavailable(pg);
		return;
	}
	if (rc == 0) {
		console_error(pg, 404, "案件不存在，或不在您的职责范围内。");
		return;
	}
	doc = console_doc(pg, "case-detail", &root);
	if (message != NULL)
		xml_add(root, "message", message);
	if (status == 400)
		console_form_state(pg, root);
	form_limits_xml(root, act_keys, AK__MAX);
	report_attrs(c, &k, xml_add(root, "report", NULL));
	if ((rc = add_identity(pg, &k, reveal, root)) != DB_OK)
		goto fail;
	departments_xml(&k, root);
	if ((rc = records_xml(pg, k.id, root)) != DB_OK)
		goto fail;
	add_actions(pg, &k, root);
	app_send(c, status, doc);
	return;
fail:
	xmlFreeDoc(doc);
	db_unavailable(pg);
}
