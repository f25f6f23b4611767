/* report: see report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "queries.h"
#include "render.h"
#include "report.h"
#include "stats.h"

#define BEIJING_OFFSET (8 * 3600)

const struct option report_categories[] = {
	{ "violation", "违法违规行为" },
	{ "backward", "落后产能" },
	{ "false_exit", "虚假整改退出、死灰复燃" },
	{ "dereliction", "政府部门失职失责" },
	{ NULL, NULL },
};

const struct option report_standards[] = {
	{ "energy", "能耗" },
	{ "environment", "环保" },
	{ "quality", "质量" },
	{ "safety", "安全" },
	{ "technology", "技术（淘汰类装备）" },
	{ "swap", "产能置换" },
	{ "approval", "审批许可" },
	{ "other", "其他" },
	{ NULL, NULL },
};

const struct option report_subject_types[] = {
	{ "enterprise", "企业" },
	{ "government", "政府或部门" },
	{ NULL, NULL },
};

const struct option report_states[] = {
	{ "submitted", "已提交" },
	{ "accepted", "已受理" },
	{ "rejected", "不予受理" },
	{ "needs_info", "待补充材料" },
	{ "transferred", "已移交" },
	{ "inspecting", "核查中" },
	{ "verified", "已核实" },
	{ "disposing", "处置中" },
	{ "closed", "已办结" },
	{ NULL, NULL },
};

void
report_time(int64_t t, char out[32])
{
	time_t bt = (time_t)(t + BEIJING_OFFSET);
	struct tm tm;

	if (gmtime_r(&bt, &tm) == NULL || strftime(out, 32, "%Y-%m-%dT%H:%M:%S+08:00", &tm) == 0)
		out[0] = '\0';
}

void
report_due(const struct calendar *cal, int64_t t, int n, char out[11])
{
	cal_format(cal_add_workdays(cal, cal_beijing_day(t), n), out);
}

/* The attachment rows of a report, inside the caller's transaction. */
static int
insert_attachments(struct db *db, int64_t id, const struct stored_file *files, size_t nfiles,
    int64_t now)
{
	MYSQL_BIND p[6];
	size_t i;
	int rc;

	for (i = 0; i < nfiles; i++) {
		int64_t size = (int64_t)files[i].size;
		bind_i64(&p[0], &id);
		bind_text(&p[1], files[i].name, 32);
		bind_text(&p[2], files[i].mime, strlen(files[i].mime));
		bind_i64(&p[3], &size);
		bind_blob(&p[4], files[i].sha256, 32);
		bind_i64(&p[5], &now);
		if ((rc = db_exec(db, Q_ATTACHMENT_INSERT, p, NULL)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

static int
find_existing(struct db *db, const uint8_t submit_key[32], struct receipt *out)
{
	MYSQL_BIND p[1], r[4];
	unsigned long len[3];
	my_bool null[4];
	int64_t anon = 0;
	int rc;

	bind_blob(&p[0], submit_key, 32);
	bind_out_text(&r[0], out->ticket, sizeof(out->ticket), &len[0], &null[0]);
	bind_out_text(&r[1], out->submitted, sizeof(out->submitted), &len[1], &null[1]);
	bind_out_text(&r[2], out->due, sizeof(out->due), &len[2], &null[2]);
	bind_out_i64(&r[3], &anon, &null[3]);
	if ((rc = db_exec(db, Q_REPORT_BY_SUBMIT_KEY, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(db, Q_REPORT_BY_SUBMIT_KEY);
	db_done(db, Q_REPORT_BY_SUBMIT_KEY);
	if (rc == 1) {
		text_end(out->ticket, sizeof(out->ticket), len[0]);
		text_end(out->submitted, sizeof(out->submitted), len[1]);
		text_end(out->due, sizeof(out->due), len[2]);
		out->anonymous = anon != 0;
		out->existed = true;
		return DB_OK;
	}
	return rc < 0 ? rc : DB_FAIL;
}

int
report_seal_identity(const struct keyring *ring, const struct new_report *r, const char ticket[17],
    uint8_t *sealed, size_t cap, size_t *sealed_len, int64_t *alg)
{
	struct seal_key key;
	const struct seal_key *cur;

	if ((cur = keyring_find(ring, ring->current)) == NULL)
		return DB_FAIL;
	key = *cur;
	*alg = key.alg;
	/* The ticket is the additional data: a sealed identity moved to another
	 * report will not open. */
	if (seal_size(key.alg, r->identity_len) > cap ||
	    seal(&key, ticket, 16, r->identity, r->identity_len, sealed, cap, sealed_len) != 0) {
		explicit_bzero(&key, sizeof(key));
		return DB_FAIL;
	}
	explicit_bzero(&key, sizeof(key));
	return DB_OK;
}

/* The report's row, inside the caller's transaction; *id gets its id. */
static int
insert_report(struct db *db, const struct new_report *r, const char ticket[17],
    const uint8_t code_mac[32], const uint8_t submit_key[32], int64_t now, const char *due,
    uint64_t *id)
{
	MYSQL_BIND p[18];
	int64_t hazard = r->hazard, anon = r->anonymous;
	int rc;

	bind_text(&p[0], ticket, 16);
	bind_blob(&p[1], code_mac, 32);
	if (submit_key != NULL)
		bind_blob(&p[2], submit_key, 32);
	else
		bind_text(&p[2], NULL, 0);
	bind_text(&p[3], r->channel, strlen(r->channel));
	bind_text(&p[4], r->category, strlen(r->category));
	bind_text(&p[5], r->standards, strlen(r->standards));
	bind_text(&p[6], r->industry, strlen(r->industry));
	bind_text(&p[7], r->region, strlen(r->region));
	bind_text(&p[8], r->subject_type, strlen(r->subject_type));
	bind_text(&p[9], r->subject_name, strlen(r->subject_name));
	bind_text(&p[10], r->subject_address, r->subject_address ? strlen(r->subject_address) : 0);
	bind_text(&p[11], r->credit_code, r->credit_code ? strlen(r->credit_code) : 0);
	bind_text(&p[12], r->description, strlen(r->description));
	bind_i64(&p[13], &hazard);
	bind_i64(&p[14], &anon);
	bind_i64(&p[15], &now);
	bind_text(&p[16], due[0] ? due : NULL, strlen(due));
	if (r->intake_staff_id > 0)
		bind_i64(&p[17], &r->intake_staff_id);
	else
		bind_text(&p[17], NULL, 0);
	if ((rc = db_exec(db, Q_REPORT_INSERT, p, NULL)) != DB_OK)
		return rc;
	*id = db_insert_id(db, Q_REPORT_INSERT);
	return DB_OK;
}

/* The sealed identity's row, inside the caller's transaction. */
static int
insert_identity(struct db *db, uint64_t id, int64_t alg, int64_t key_id, const uint8_t *sealed,
    size_t sealed_len)
{
	MYSQL_BIND p[4];

	bind_u64(&p[0], &id);
	bind_i64(&p[1], &alg);
	bind_i64(&p[2], &key_id);
	bind_blob(&p[3], sealed, sealed_len);
	return db_exec(db, Q_IDENTITY_INSERT, p, NULL);
}

/* The report's first event ("submitted"), inside the caller's transaction. */
static int
insert_first_event(struct db *db, uint64_t id, int64_t now)
{
	static const char state[] = "submitted";
	static const char text[] = "举报已提交，等待工信部门受理。";
	MYSQL_BIND p[4];

	bind_u64(&p[0], &id);
	bind_i64(&p[1], &now);
	bind_text(&p[2], state, sizeof(state) - 1);
	bind_text(&p[3], text, sizeof(text) - 1);
	return db_exec(db, Q_EVENT_INSERT, p, NULL);
}

/* One attempt at the whole transaction. */
static int
save_once(struct db *db, const struct keyring *ring,
    const uint8_t code_mac_key[32], const struct new_report *r, const uint8_t submit_key[32],
    const char code[9], const struct stored_file *files, size_t nfiles, int64_t now,
    const char *due, struct receipt *out)
{
	uint8_t code_mac[32], sealed[1024];
	size_t sealed_len = 0;
	int64_t alg_i = 0;
	uint64_t id;
	int rc;

	if (ticket_new(out->ticket) != 0 ||
	    crypto_hmac2(code_mac_key, 32, out->ticket, 16, code, 8, code_mac) != 0)
		return DB_FAIL;
	if (r->identity != NULL && report_seal_identity(ring, r, out->ticket, sealed, sizeof(sealed),
	    &sealed_len, &alg_i) != DB_OK)
		return DB_FAIL;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = insert_report(db, r, out->ticket, code_mac, submit_key, now, due, &id)) != DB_OK)
		goto fail;
	if (r->identity != NULL && (rc = insert_identity(db, id, alg_i, ring->current, sealed,
	    sealed_len)) != DB_OK)
		goto fail;
	/* the summary last: its rows are shared by every report of the month, so their locks
	 * are held for as short a time as the transaction allows */
	if ((rc = insert_first_event(db, id, now)) != DB_OK ||
	    (rc = insert_attachments(db, (int64_t)id, files, nfiles, now)) != DB_OK ||
	    (rc = stats_record(db, (int64_t)id, &(struct stats_event){ .kind = SK_RECEIVE,
	    .at = now })) != DB_OK ||
	    (rc = db_commit(db)) != DB_OK)
		goto fail;
	report_time(now, out->submitted);
	snprintf(out->due, sizeof(out->due), "%s", due);
	out->anonymous = r->anonymous;
	out->existed = false;
	return DB_OK;
fail:
	db_rollback(db);
	return rc;
}

int
report_save(struct db *db, const struct keyring *ring,
    const uint8_t code_mac_key[32], const struct new_report *r, const uint8_t submit_key[32],
    const char code[9], const struct stored_file *files, size_t nfiles, int64_t now,
    const char *due, struct receipt *out)
{
	int attempt, rc = DB_FAIL;

	memset(out, 0, sizeof(*out));
	for (attempt = 0; attempt < 4; attempt++) {
		rc = save_once(db, ring, code_mac_key, r, submit_key, code, files, nfiles,
		    now, due, out);
		if (rc == DB_DUP) {
			/* The same form again (a double click, a retry), or, once in 10^15, a
			 * ticket already taken: then draw another. */
			rc = find_existing(db, submit_key, out);
			if (rc == DB_OK || rc == DB_DOWN)
				return rc;
			continue;
		}
		if (rc != DB_RETRY)
			return rc;
	}
	return rc == DB_RETRY ? DB_DOWN : rc;
}

/* The code MAC of the report with this ticket; *found false when there is none. */
static int
mac_by_ticket(struct db *db, const char ticket[17], uint8_t mac[32], bool *found)
{
	MYSQL_BIND p[1], r[1];
	unsigned long len = 0;
	my_bool null = 0;
	int rc;

	*found = false;
	bind_text(&p[0], ticket, 16);
	memset(&r[0], 0, sizeof(r[0]));
	r[0].buffer_type = MYSQL_TYPE_BLOB;
	r[0].buffer = mac;
	r[0].buffer_length = 32;
	r[0].length = &len;
	r[0].is_null = &null;
	if ((rc = db_exec(db, Q_REPORT_MAC_BY_TICKET, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(db, Q_REPORT_MAC_BY_TICKET);
	db_done(db, Q_REPORT_MAC_BY_TICKET);
	if (rc < 0)
		return rc;
	*found = rc == 1 && !null && len == 32;
	return DB_OK;
}

/*
 * How a spooled report is stored: with its form's key (IMPORT_KEYED); without it, when the
 * form is in the database under another ticket (IMPORT_UNKEYED); or, when that other report
 * also owns the very files the record names (the worker saved it, its commit was answered by a
 * time-out, and it spooled the same report with the same files), without attachment rows and
 * linked as a duplicate of that report, whose files they are (IMPORT_COPY).
 */
enum import_mode { IMPORT_KEYED, IMPORT_UNKEYED, IMPORT_COPY };

/* The copy's link: duplicate_of the report that holds the form's key. */
static int
link_copy(struct db *db, const struct report_import *im, uint64_t id)
{
	struct dbp p[2] = { P_BLOB(im->submit_key, 32) };
	int64_t original = 0;
	int rc;

	if ((rc = db_int(db, Q_REPORT_ID_BY_SUBMIT_KEY, p, 1, 0, &original)) != DB_OK)
		return rc;
	if (original == 0)
		return DB_FAIL;
	p[0] = P_INT(original);
	p[1] = P_INT((int64_t)id);
	return db_run(db, Q_CASE_SET_DUPLICATE, p, 2);
}

/* One attempt at a spooled report's transaction. */
static int
import_once(struct db *db, const struct report_import *im, enum import_mode mode)
{
	enum seal_alg alg = 0;
	uint32_t kid = 0;
	uint64_t id;
	int rc;
	bool with_key = mode == IMPORT_KEYED;

	if (im->sealed != NULL && seal_header(im->sealed, im->sealed_len, &alg, &kid) != 0)
		return DB_FAIL;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = insert_report(db, im->r, im->ticket, im->code_mac, with_key ? im->submit_key :
	    NULL, im->submitted, im->due, &id)) != DB_OK)
		goto fail;
	if (im->sealed != NULL && (rc = insert_identity(db, id, (int64_t)alg, (int64_t)kid,
	    im->sealed, im->sealed_len)) != DB_OK)
		goto fail;
	/* counted as received in the month it was submitted, like any report (lib/stats.c) */
	if ((rc = insert_first_event(db, id, im->submitted)) != DB_OK ||
	    (mode != IMPORT_COPY && (rc = insert_attachments(db, (int64_t)id, im->files,
	    im->nfiles, im->submitted)) != DB_OK) ||
	    (mode == IMPORT_COPY && (rc = link_copy(db, im, id)) != DB_OK) ||
	    (rc = stats_record(db, (int64_t)id, &(struct stats_event){
	    .kind = SK_RECEIVE, .at = im->submitted })) != DB_OK ||
	    (rc = db_commit(db)) != DB_OK)
		goto fail;
	return DB_OK;
fail:
	db_rollback(db);
	return rc;
}

int
report_import(struct db *db, const struct report_import *im, enum import_outcome *out)
{
	enum import_mode mode = IMPORT_KEYED;
	uint8_t mac[32];
	bool found;
	int attempt, rc = DB_FAIL;

	*out = IMPORT_DONE;
	for (attempt = 0; attempt < 5; attempt++) {
		if ((rc = import_once(db, im, mode)) != DB_DUP) {
			if (rc == DB_RETRY)
				continue;
			return rc;
		}
		/* Imported before (a crash before the record was removed, another importer), a
		 * ticket taken by another report, or the same form saved in the database too. */
		if ((rc = mac_by_ticket(db, im->ticket, mac, &found)) != DB_OK)
			return rc;
		if (found) {
			*out = crypto_equal(mac, 32, im->code_mac, 32) ? IMPORT_PRESENT :
			    IMPORT_CONFLICT;
			return DB_OK;
		}
		if (mode == IMPORT_COPY) {
			/* the key's name only: the entry itself could be anything of the form */
			const char *k = strstr(db->last_dup, "for key");
			log_err("report: spooled %.16s collides: %s", im->ticket,
			    k != NULL ? k : "a unique key");
			return DB_FAIL;
		}
		/* The same form is in the database under another ticket (its commit was answered
		 * by a time-out): the reporter holds this ticket, so it is stored as well; as a
		 * linked copy when the other report owns the same files. */
		mode = mode == IMPORT_KEYED ? IMPORT_UNKEYED : IMPORT_COPY;
	}
	return rc == DB_RETRY ? DB_DOWN : rc;
}

/* The columns of Q_PUBLIC_LOOKUP, bound once per lookup. */
struct lookup_row {
	int64_t       window_start, hits, id, event_id;
	uint8_t       code_mac[32];
	char          state[16], category[16], event_state[16], text[2000 * 4 + 1];
	MYSQL_TIME    submitted, due, at;
	unsigned long len[12];
	my_bool       null[12];
	MYSQL_BIND    r[12];
};

/*
 * The timeline in (time, id) order. Q_PUBLIC_LOOKUP has no ORDER BY: sorting its join, which
 * carries a TEXT column, made MariaDB write an on-disk temporary table for every lookup. The
 * rows come in the order of the event_report index anyway; each event is still placed after
 * the last one not later than it, so the order never depends on the plan.
 */
#define EVENTS_SORTED 128
struct event_order {
	size_t     n;
	char       at[EVENTS_SORTED][32];
	int64_t    id[EVENTS_SORTED];
	xmlNodePtr node[EVENTS_SORTED];
};

static void
lookup_bind(struct lookup_row *w)
{
	bind_out_i64(&w->r[0], &w->window_start, &w->null[0]);
	bind_out_i64(&w->r[1], &w->hits, &w->null[1]);
	bind_out_i64(&w->r[2], &w->id, &w->null[2]);
	memset(&w->r[3], 0, sizeof(w->r[3]));
	w->r[3].buffer_type = MYSQL_TYPE_BLOB;
	w->r[3].buffer = w->code_mac;
	w->r[3].buffer_length = sizeof(w->code_mac);
	w->r[3].length = &w->len[3];
	w->r[3].is_null = &w->null[3];
	bind_out_text(&w->r[4], w->state, sizeof(w->state), &w->len[4], &w->null[4]);
	bind_out_text(&w->r[5], w->category, sizeof(w->category), &w->len[5], &w->null[5]);
	bind_out_time(&w->r[6], &w->submitted, &w->null[6]);
	bind_out_time(&w->r[7], &w->due, &w->null[7]);
	bind_out_time(&w->r[8], &w->at, &w->null[8]);
	bind_out_text(&w->r[9], w->event_state, sizeof(w->event_state), &w->len[9], &w->null[9]);
	bind_out_text(&w->r[10], w->text, sizeof(w->text), &w->len[10], &w->null[10]);
	bind_out_i64(&w->r[11], &w->event_id, &w->null[11]);
}

/* The <case> document from the first row: what the reporter may see, nothing else. */
static xmlDocPtr
case_doc(struct lookup_row *w, const char ticket[17], xmlNodePtr *events)
{
	char submitted[32], due[11];
	xmlNodePtr root;
	xmlDocPtr doc;

	text_end(w->state, sizeof(w->state), w->len[4]);
	text_end(w->category, sizeof(w->category), w->len[5]);
	db_iso_time(&w->submitted, submitted);
	due[0] = '\0';
	if (!w->null[7])
		db_iso_date(&w->due, due);
	doc = xml_doc("case", &root);
	xml_add(root, "ticket", ticket);
	xml_add(root, "state", w->state);
	xml_add(root, "state-label", option_label(report_states, w->state));
	xml_add(root, "category", w->category);
	xml_add(root, "category-label", option_label(report_categories, w->category));
	xml_add(root, "submitted", submitted);
	if (due[0] != '\0')
		xml_add(root, "due", due);
	if (strcmp(w->state, "needs_info") == 0)
		xml_add(root, "reply-form", NULL);
	*events = xml_add(root, "events", NULL);
	return doc;
}

/* Is event (at, id) later than the k-th one placed? */
static bool
event_later(const struct event_order *o, size_t k, const char *at, int64_t id)
{
	int c = strcmp(o->at[k], at);

	return c < 0 || (c == 0 && o->id[k] < id);
}

static void
add_event(xmlNodePtr events, struct lookup_row *w, struct event_order *o)
{
	char at[32];
	xmlNodePtr e;
	size_t k;

	db_iso_time(&w->at, at);
	text_end(w->event_state, sizeof(w->event_state), w->len[9]);
	text_end(w->text, sizeof(w->text), w->len[10]);
	e = xml_add(events, "event", w->text);
	xml_attr(e, "at", at);
	xml_attr(e, "state", w->event_state);
	xml_attr(e, "label", option_label(report_states, w->event_state));
	if (o->n == EVENTS_SORTED)
		return;                     /* a timeline that long: in the index's order */
	for (k = o->n; k > 0 && !event_later(o, k - 1, at, w->event_id); k--)
		;
	if (k < o->n) {                     /* earlier than the k-th: move it before that one */
		xmlUnlinkNode(e);
		if (xmlAddPrevSibling(o->node[k], e) == NULL)
			log_fatal("report: out of memory");
		memmove(&o->at[k + 1], &o->at[k], (o->n - k) * sizeof(o->at[0]));
		memmove(&o->id[k + 1], &o->id[k], (o->n - k) * sizeof(o->id[0]));
		memmove(&o->node[k + 1], &o->node[k], (o->n - k) * sizeof(o->node[0]));
	}
	snprintf(o->at[k], sizeof(o->at[k]), "%s", at);
	o->id[k] = w->event_id;
	o->node[k] = e;
	o->n++;
}

/* Does code belong to ticket? stored NULL (no such ticket) costs the same work. */
static int
code_matches(const uint8_t code_mac_key[32], const char ticket[17], const char code[9],
    const uint8_t *stored, bool *match)
{
	static const uint8_t nothing[32];
	uint8_t want[32];

	if (crypto_hmac2(code_mac_key, 32, ticket, 16, code, 8, want) != 0)
		return DB_FAIL;
	*match = crypto_equal(want, 32, stored != NULL ? stored : nothing, 32) && stored != NULL;
	explicit_bzero(want, sizeof(want));
	return DB_OK;
}

int
report_public_case(struct db *db, const uint8_t code_mac_key[32], struct rate_probe *probe,
    const char ticket[17], const char code[9], bool *found, xmlDocPtr *docp, int64_t *idp)
{
	struct lookup_row *w;
	struct event_order *order;
	MYSQL_BIND p[3];
	int64_t bucket = probe->bucket;
	xmlNodePtr events = NULL;
	bool match = false;
	int rc, row;

	*found = false;
	*docp = NULL;
	*idp = 0;
	probe->retry_after = 0;
	/* The event text buffer is too large for a worker's stack frame to carry lightly. */
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return DB_FAIL;
	if ((order = malloc(sizeof(*order))) == NULL) {
		free(w);
		return DB_FAIL;
	}
	lookup_bind(w);
	bind_blob(&p[0], probe->subject, 16);
	bind_i64(&p[1], &bucket);
	bind_text(&p[2], ticket, 16);
	if ((rc = db_exec(db, Q_PUBLIC_LOOKUP, p, w->r)) != DB_OK)
		goto out;
	/* The statement always yields a row (the rate row, NULL report columns for an unknown
	 * ticket): no second round trip, and the code is checked either way. */
	if ((row = db_fetch(db, Q_PUBLIC_LOOKUP)) <= 0) {
		rc = row < 0 ? row : DB_FAIL;
		goto done;
	}
	rate_judge(probe, !w->null[0] && !w->null[1], w->window_start, w->hits);
	if (probe->retry_after > 0)
		goto done;
	if ((rc = code_matches(code_mac_key, ticket, code, !w->null[2] && !w->null[3] &&
	    w->len[3] == 32 ? w->code_mac : NULL, &match)) != DB_OK || !match)
		goto done;
	*docp = case_doc(w, ticket, &events);
	*idp = w->id;
	order->n = 0;
	do
		add_event(events, w, order);
	while ((row = db_fetch(db, Q_PUBLIC_LOOKUP)) == 1);
	if (row < 0) {
		rc = row;
		xmlFreeDoc(*docp);
		*docp = NULL;
		*idp = 0;
		goto done;
	}
	*found = true;
done:
	db_done(db, Q_PUBLIC_LOOKUP);
out:
	free(order);
	free(w);
	return rc;
}

static int
reply_once(struct db *db, int64_t id, const char *text, const struct stored_file *files,
    size_t nfiles, int64_t now, const char *due, bool *done)
{
	static const char state[] = "submitted";
	MYSQL_BIND p[6];
	char *event;
	size_t n;
	int rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	bind_text(&p[0], due, strlen(due));
	bind_i64(&p[1], &now);
	bind_i64(&p[2], &id);
	if ((rc = db_exec(db, Q_REPORT_REPLY, p, NULL)) != DB_OK)
		goto fail;
	if (db_affected(db, Q_REPORT_REPLY) != 1) {
		db_rollback(db);
		*done = false;
		return DB_OK;
	}
	n = strlen(text) + 64;
	if ((event = malloc(n)) == NULL)
		log_fatal("out of memory");
	snprintf(event, n, "举报人补充材料：%s", text);
	bind_i64(&p[0], &id);
	bind_i64(&p[1], &now);
	bind_text(&p[2], state, sizeof(state) - 1);
	/* the whole answer (LIMIT_REPLY characters, checked at input): the column is TEXT */
	bind_text(&p[3], event, strlen(event));
	rc = db_exec(db, Q_EVENT_INSERT, p, NULL);
	free(event);
	if (rc != DB_OK)
		goto fail;
	if ((rc = insert_attachments(db, id, files, nfiles, now)) != DB_OK ||
	    (rc = stats_record(db, id, &(struct stats_event){ .kind = SK_REPLY, .at = now })) !=
	    DB_OK ||
	    (rc = db_commit(db)) != DB_OK)
		goto fail;
	*done = true;
	return DB_OK;
fail:
	db_rollback(db);
	return rc;
}

int
report_reply(struct db *db, int64_t id, const char *text, const struct stored_file *files,
    size_t nfiles, int64_t now, const char *due, bool *done)
{
	int rc = DB_RETRY, attempt;

	*done = false;
	for (attempt = 0; attempt < 3 && rc == DB_RETRY; attempt++)
		rc = reply_once(db, id, text, files, nfiles, now, due, done);
	return rc == DB_RETRY ? DB_DOWN : rc;
}
