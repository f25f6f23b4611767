/* listpages: see listpages.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxml/xmlsave.h>

#include "listpages.h"
#include "log.h"
#include "queries.h"
#include "region.h"
#include "render.h"

/* One entry as the statements give it (LIST_COLS in queries.c). Fixed members, no arena: the
 * CSV walks 50,000 rows through one of these. */
struct list_row {
	int64_t id, year;
	char type[16], state[16], region[7], industry[129], enterprise[801], credit_code[19];
	char address[1601], facts[65536], legal_basis[3201], requirement[3201], deadline[11];
	char equipment[1601], model[801], quantity[24], capacity[24], capacity_unit[65];
	char exit_method[1601], products[1601], checks_passed[3201], completion[65536];
	char noticed[11], announced[11], archived[11], withdrawn[11], reason[1601];
	char department[401], updated[32];
};

#define R(m) COL_TEXT(struct list_row, m)
static const struct dbc row_cols[] = {
	COL_I64(struct list_row, id), R(type), R(state), R(region), R(industry), R(enterprise),
	R(credit_code), R(address), R(facts), R(legal_basis), R(requirement),
	COL_DATE(struct list_row, deadline), R(equipment), R(model), R(quantity), R(capacity),
	R(capacity_unit), R(exit_method), R(products), R(checks_passed), R(completion),
	COL_I64(struct list_row, year), COL_DATE(struct list_row, noticed),
	COL_DATE(struct list_row, announced), COL_DATE(struct list_row, archived),
	COL_DATE(struct list_row, withdrawn), R(reason), R(department),
	COL_TIME(struct list_row, updated),
};
#undef R
static const struct db_loader row_loader = DB_LOADER(struct list_row, row_cols);

/* The value of field f in a row ("" when none); LF_ITEMS comes from list_item. */
static const char *
row_field(const struct list_row *r, enum list_field f)
{
	switch (f) {
	case LF_ENTERPRISE: return r->enterprise;
	case LF_CREDIT_CODE: return r->credit_code;
	case LF_ADDRESS: return r->address;
	case LF_REGION: return r->region;
	case LF_INDUSTRY: return r->industry;
	case LF_FACTS: return r->facts;
	case LF_EQUIPMENT: return r->equipment;
	case LF_MODEL: return r->model;
	case LF_QUANTITY: return r->quantity;
	case LF_CAPACITY: return r->capacity;
	case LF_CAPACITY_UNIT: return r->capacity_unit;
	case LF_EXIT_METHOD: return r->exit_method;
	case LF_PRODUCTS: return r->products;
	case LF_CHECKS_PASSED: return r->checks_passed;
	case LF_LEGAL_BASIS: return r->legal_basis;
	case LF_REQUIREMENT: return r->requirement;
	case LF_DEADLINE: return r->deadline;
	case LF_COMPLETION: return r->completion;
	default: return "";
	}
}

void
listpages_region_name(const struct refdata *rd, const char *code, char *out, size_t cap)
{
	char chain[3][7];
	size_t n = region_chain(code, chain), i, used = 0;
	const struct region *r;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		r = refdata_region(rd, chain[i]);
		used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s",
		    i > 0 ? " " : "", r != NULL ? r->name : chain[i]);
		if (used >= cap)
			break;
	}
	if (n == 0)
		snprintf(out, cap, "%s", code);
}

const char *
listpages_industry_name(const struct refdata *rd, const char *code)
{
	const struct industry *ind = refdata_industry(rd, code);

	return ind != NULL ? ind->name : code;
}

/* A value percent-encoded for a query string (xmlFree). */
static xmlChar *
query_escape(const char *v)
{
	xmlChar *e = xmlURIEscapeStr(BAD_CAST v, BAD_CAST "");

	if (e == NULL)
		log_fatal("listpages: out of memory");
	return e;
}

/* The query string of "report this enterprise": the report form with the enterprise filled in.
 * Every value percent-encoded: the stylesheet puts it after the fixed {$base}/submit?. */
static void
report_link(xmlNodePtr e, const struct list_row *r)
{
	xmlChar *name = query_escape(r->enterprise), *region = query_escape(r->region);
	xmlChar *industry = query_escape(r->industry), *code = query_escape(r->credit_code);
	char q[4096];

	snprintf(q, sizeof(q), "subject_name=%s&region=%s&industry=%s%s%s", (const char *)name,
	    (const char *)region, (const char *)industry, code[0] != '\0' ? "&credit_code=" : "",
	    (const char *)code);
	xmlFree(name);
	xmlFree(region);
	xmlFree(industry);
	xmlFree(code);
	xml_attr(xml_add(e, "report-link", NULL), "query", q);
}

static void
dates_xml(xmlNodePtr e, const struct list_row *r)
{
	if (r->noticed[0] != '\0')
		xml_attr(e, "noticed", r->noticed);
	if (r->announced[0] != '\0')
		xml_attr(e, "announced", r->announced);
	if (r->archived[0] != '\0')
		xml_attr(e, "archived", r->archived);
	if (r->updated[0] != '\0')
		xml_attr(e, "updated", r->updated);
}

/* <entry id type state state-label url …> with the fields its list shows. */
static xmlNodePtr
entry_xml(const struct listsrc *s, xmlNodePtr parent, const struct list_row *r)
{
	int t = list_type_from_code(r->type), st = entry_state_from_name(r->state);
	xmlNodePtr e = xml_add(parent, "entry", NULL), n;
	char name[800], url[96];
	unsigned f;

	xml_attr_int(e, "id", r->id);
	xml_attr(e, "type", r->type);
	xml_attr(e, "state", r->state);
	xml_attr(e, "state-label", st >= 0 ? entry_state_labels[st] : r->state);
	xml_attr_int(e, "year", r->year);
	snprintf(url, sizeof(url), "/lists/%s/%lld", r->type, (long long)r->id);
	xml_attr(e, "url", url);
	dates_xml(e, r);
	xml_add(e, "department", r->department);
	for (f = 0; t >= 0 && f < LF__MAX; f++) {
		const char *v = row_field(r, (enum list_field)f);

		if (!(list_defs[t].shown & (1u << f)) || v[0] == '\0' || f == LF_CAPACITY_UNIT)
			continue;
		if (f == LF_REGION) {
			listpages_region_name(s->rd, v, name, sizeof(name));
			n = xml_add(e, "field", name);
			xml_attr(n, "code", v);
		} else if (f == LF_INDUSTRY) {
			n = xml_add(e, "field", listpages_industry_name(s->rd, v));
			xml_attr(n, "code", v);
		} else
			n = xml_add(e, "field", v);
		if (f == LF_CAPACITY)
			xml_attr(n, "unit", r->capacity_unit);
		xml_attr(n, "name", list_field_names[f]);
		xml_attr(n, "label", list_field_label((enum list_type)t, (enum list_field)f));
	}
	if (strcmp(r->state, "withdrawn") == 0) {
		n = xml_add(e, "withdrawn", r->reason);
		xml_attr(n, "on", r->withdrawn);
	}
	report_link(e, r);
	return e;
}

/* The filters as the statements' parameters (LIST_WHERE); like holds the LIKE pattern. */
static size_t
filter_params(const struct list_filter *f, struct dbp *p, char like[8])
{
	const char *state = f->state >= 0 ? entry_state_names[f->state] : NULL;

	snprintf(like, 8, "%s%%", f->region);
	p[0] = P_TEXT(list_defs[f->type].code);
	p[1] = f->year > 0 ? P_INT(f->year) : P_NULL;
	p[2] = P_INT(f->year);
	p[3] = P_TEXT(like);
	p[4] = f->industry != NULL ? P_TEXT(f->industry) : P_NULL;
	p[5] = P_OPT(f->industry);
	p[6] = state != NULL ? P_TEXT(state) : P_NULL;
	p[7] = P_OPT(state);
	return 8;
}

struct counts_row { char type[16]; int64_t n; };
static const struct dbc counts_cols[] = {
	COL_TEXT(struct counts_row, type), COL_I64(struct counts_row, n),
};
static const struct db_loader counts_loader = DB_LOADER(struct counts_row, counts_cols);

static int
count_one(void *arg, void *row)
{
	const struct counts_row *r = row;
	int64_t *n = arg;
	int t = list_type_from_code(r->type);

	if (t >= 0)
		n[t] = r->n;
	return 0;
}

int
listpages_index(const struct listsrc *s, xmlDocPtr *doc)
{
	int64_t n[L__MAX] = { 0 };
	struct counts_row row;
	xmlNodePtr root, l;
	bool found;
	int rc, t;

	*doc = NULL;
	rc = db_load(s->db, Q_LIST_COUNTS, NULL, 0, &counts_loader, NULL, &row, count_one, n,
	    &found);
	if (rc != DB_OK)
		return rc;
	*doc = xml_doc("lists", &root);
	for (t = 0; t < L__MAX; t++) {
		l = xml_add(root, "list", list_defs[t].summary);
		xml_attr(l, "code", list_defs[t].code);
		xml_attr(l, "label", list_defs[t].label);
		if (list_defs[t].card != NULL)
			xml_attr(l, "card", list_defs[t].card);
		xml_attr_int(l, "count", n[t]);
	}
	return DB_OK;
}

/* The choices of the filter form: years with entries, provinces and cities in the configured
 * scope (a county is chosen by its code in the address), industries, public states. */
static int
filter_options(const struct listsrc *s, xmlNodePtr parent, const char *type)
{
	xmlNodePtr o = xml_add(parent, "options", NULL), y = xml_add(o, "years", NULL), rg, n;
	size_t i, slen = strlen(s->cfg->region_scope);
	int st;

	if ((st = listpages_years(s, type, y)) != DB_OK)
		return st;
	rg = xml_add(o, "regions", NULL);
	for (i = 0; i < s->rd->nregions; i++) {
		const struct region *r = &s->rd->regions[i];

		if (strncmp(r->code, s->cfg->region_scope, slen) != 0 || r->level > 2)
			continue;
		n = xml_add(rg, "region", r->name);
		xml_attr(n, "code", r->code);
		xml_attr_int(n, "level", r->level);
	}
	refdata_industries_xml(s->rd, o);
	n = xml_add(o, "states", NULL);
	for (st = E_NOTICE; st < E__MAX; st++)
		xml_attr(xml_add(n, "option", entry_state_labels[st]), "value",
		    entry_state_names[st]);
	return DB_OK;
}

/* The filters as attributes, and as the query string the paging links carry. */
static void
filter_xml(const struct listsrc *s, xmlNodePtr root, const struct list_filter *f)
{
	xmlNodePtr n = xml_add(root, "filter", NULL);
	char q[256] = "", region6[7], name[800];
	size_t used = 0;

	if (f->year > 0) {
		xml_attr_int(n, "year", f->year);
		used += (size_t)snprintf(q + used, sizeof(q) - used, "year=%d&", f->year);
	}
	if (f->region[0] != '\0') {
		memcpy(region6, "000000", sizeof(region6));
		memcpy(region6, f->region, strlen(f->region));
		xml_attr(n, "region", region6);
		listpages_region_name(s->rd, region6, name, sizeof(name));
		xml_attr(n, "region-name", name);
		used += (size_t)snprintf(q + used, sizeof(q) - used, "region=%s&", region6);
	}
	if (f->industry != NULL) {
		xml_attr(n, "industry", f->industry);
		used += (size_t)snprintf(q + used, sizeof(q) - used, "industry=%s&", f->industry);
	}
	if (f->state >= 0) {
		xml_attr(n, "state", entry_state_names[f->state]);
		used += (size_t)snprintf(q + used, sizeof(q) - used, "state=%s&",
		    entry_state_names[f->state]);
	}
	if (used > 0)
		xml_attr(n, "query", q);
}

static int
entry_one(void *arg, void *row)
{
	const struct listsrc *s = ((void **)arg)[0];

	entry_xml(s, ((void **)arg)[1], row);
	return 0;
}

static struct list_row the_row;       /* large: one per process */

static xmlNodePtr
list_root(const char *name, enum list_type t, xmlDocPtr *doc)
{
	xmlNodePtr root;

	*doc = xml_doc(name, &root);
	xml_attr(root, "code", list_defs[t].code);
	xml_attr(root, "label", list_defs[t].label);
	if (list_defs[t].card != NULL)
		xml_attr(root, "card", list_defs[t].card);
	return root;
}

int
listpages_list(const struct listsrc *s, const struct list_filter *f, xmlDocPtr *doc,
    int64_t *pages)
{
	struct dbp p[16];
	char like[8];
	size_t np = filter_params(f, p, like);
	int64_t total = 0;
	xmlNodePtr root, entries;
	void *arg[2];
	bool found;
	int rc;

	*doc = NULL;
	memcpy(&p[np], p, np * sizeof(p[0]));         /* the two counts' filters */
	if ((rc = db_int(s->db, Q_LIST_TOTAL, p, 2 * np, 0, &total)) != DB_OK)
		return rc;
	*pages = (total + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE;
	if (f->page > (*pages > 0 ? *pages : 1))
		return DB_OK;
	root = list_root("list", f->type, doc);
	xml_attr_int(root, "total", total);
	xml_attr_int(root, "page", f->page);
	xml_attr_int(root, "pages", *pages);
	filter_xml(s, root, f);
	if ((rc = filter_options(s, root, list_defs[f->type].code)) != DB_OK)
		goto fail;
	p[np] = P_INT(INT64_MAX);
	p[np + 1] = P_INT(LIST_PAGE_SIZE);
	p[np + 2] = P_INT((f->page - 1) * LIST_PAGE_SIZE);
	arg[0] = (void *)s;
	arg[1] = entries = xml_add(root, "entries", NULL);
	rc = db_load(s->db, Q_LIST_ROWS, p, np + 3, &row_loader, NULL, &the_row, entry_one, arg,
	    &found);
	if (rc == DB_OK)
		return DB_OK;
fail:
	xmlFreeDoc(*doc);
	*doc = NULL;
	return rc;
}

struct item_row { int64_t seq; char item[801], measured[257], limit[257], standard[257]; };
static const struct dbc item_cols[] = {
	COL_I64(struct item_row, seq), COL_TEXT(struct item_row, item),
	COL_TEXT(struct item_row, measured), COL_TEXT(struct item_row, limit),
	COL_TEXT(struct item_row, standard),
};
static const struct db_loader item_loader = DB_LOADER(struct item_row, item_cols);

static int
item_one(void *arg, void *row)
{
	const struct item_row *r = row;
	xmlNodePtr n = xml_add(arg, "item", r->item);

	xml_attr(n, "measured", r->measured);
	xml_attr(n, "limit", r->limit);
	xml_attr(n, "standard", r->standard);
	return 0;
}

int
listpages_entry(const struct listsrc *s, enum list_type t, int64_t id, xmlDocPtr *doc)
{
	struct dbp p[2] = { P_TEXT(list_defs[t].code), P_INT(id) };
	struct item_row item;
	xmlNodePtr root, e;
	bool found;
	int rc, st;

	*doc = NULL;
	rc = db_load(s->db, Q_LIST_ENTRY, p, 2, &row_loader, NULL, &the_row, NULL, NULL, &found);
	if (rc != DB_OK || !found)
		return rc;
	st = entry_state_from_name(the_row.state);
	if (st < 0 || !entry_state_public((enum entry_state)st) ||
	    (st == E_WITHDRAWN && the_row.reason[0] == '\0'))
		return DB_OK;
	root = list_root("list-entry", t, doc);
	e = entry_xml(s, root, &the_row);
	if (list_defs[t].shown & (1u << LF_ITEMS)) {
		xmlNodePtr items = xml_add(e, "items", NULL);

		xml_attr(items, "label", list_field_label(t, LF_ITEMS));
		rc = db_load(s->db, Q_LIST_ITEMS, &p[1], 1, &item_loader, NULL, &item, item_one,
		    items, &found);
		if (rc != DB_OK) {
			xmlFreeDoc(*doc);
			*doc = NULL;
		}
	}
	return rc;
}

/* ---- the feeds ---- */

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define ATOM_ENTRIES 50

static xmlNodePtr
atom_add(xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewTextChild(parent, ns, BAD_CAST name, BAD_CAST text);

	if (n == NULL)
		log_fatal("listpages: out of memory");
	return n;
}

static void
atom_link(xmlNodePtr parent, xmlNsPtr ns, const char *rel, const char *href, const char *type)
{
	xmlNodePtr l = atom_add(parent, ns, "link", NULL);

	xml_attr(l, "rel", rel);
	xml_attr(l, "href", href);
	if (type != NULL)
		xml_attr(l, "type", type);
}

/* A tag: URI (RFC 4151) that stays the same for the life of the entry. */
static void
atom_id(char *out, size_t cap, const char *type, int64_t id)
{
	if (id > 0)
		snprintf(out, cap, "tag:jubao,2026:lists/%s/%lld", type, (long long)id);
	else
		snprintf(out, cap, "tag:jubao,2026:lists/%s", type);
}

struct atom_arg {
	const struct listsrc *s;
	xmlNodePtr            feed;
	xmlNsPtr              ns;
};

static int
atom_one(void *arg, void *row)
{
	struct atom_arg *a = arg;
	const struct list_row *r = row;
	xmlNodePtr e = atom_add(a->feed, a->ns, "entry", NULL);
	int st = entry_state_from_name(r->state);
	char buf[4096], region[800];

	atom_id(buf, sizeof(buf), r->type, r->id);
	atom_add(e, a->ns, "id", buf);
	snprintf(buf, sizeof(buf), "%s（%s）", r->enterprise, st >= 0 ? entry_state_labels[st] : "");
	atom_add(e, a->ns, "title", buf);
	atom_add(e, a->ns, "updated", r->updated);
	snprintf(buf, sizeof(buf), "%s/lists/%s/%lld", a->s->cfg->url_prefix, r->type,
	    (long long)r->id);
	atom_link(e, a->ns, "alternate", buf, "text/html");
	listpages_region_name(a->s->rd, r->region, region, sizeof(region));
	if (st == E_WITHDRAWN)
		snprintf(buf, sizeof(buf), "%s，%s。已于 %s 撤回：%s", region,
		    listpages_industry_name(a->s->rd, r->industry), r->withdrawn, r->reason);
	else
		snprintf(buf, sizeof(buf), "%s，%s，%s。责任部门：%s", region,
		    listpages_industry_name(a->s->rd, r->industry), st >= 0 ? entry_state_labels[st] : "",
		    r->department);
	xml_attr(atom_add(e, a->ns, "summary", buf), "type", "text");
	return 0;
}

int
listpages_atom(const struct listsrc *s, enum list_type t, xmlChar **out, int *outlen)
{
	struct list_filter f = { t, 0, "", NULL, -1, 1 };
	struct atom_arg a = { s, NULL, NULL };
	char like[8], buf[512], updated[32] = "";
	struct dbp p[11];
	size_t np = filter_params(&f, p, like);
	xmlDocPtr doc;
	MYSQL_TIME tm;
	MYSQL_BIND b;
	my_bool isnull = 1;
	bool found;
	int rc;

	*out = NULL;
	/* the feed's updated: the newest change of a public entry (a fixed date when none) */
	bind_out_time(&b, &tm, &isnull);
	{
		MYSQL_BIND pb;

		bind_text(&pb, list_defs[t].code, strlen(list_defs[t].code));
		if ((rc = db_exec(s->db, Q_LIST_LAST_UPDATE, &pb, &b)) != DB_OK)
			return rc;
		if (db_fetch(s->db, Q_LIST_LAST_UPDATE) == 1 && !isnull)
			db_iso_time(&tm, updated);
		db_done(s->db, Q_LIST_LAST_UPDATE);
	}
	doc = xml_doc("feed", &a.feed);
	if ((a.ns = xmlNewNs(a.feed, BAD_CAST ATOM_NS, NULL)) == NULL)
		log_fatal("listpages: out of memory");
	xmlSetNs(a.feed, a.ns);
	atom_id(buf, sizeof(buf), list_defs[t].code, 0);
	atom_add(a.feed, a.ns, "id", buf);
	snprintf(buf, sizeof(buf), "%s：%s", s->cfg->site_name, list_defs[t].label);
	atom_add(a.feed, a.ns, "title", buf);
	atom_add(a.feed, a.ns, "updated", updated[0] != '\0' ? updated :
	    "2026-01-01T00:00:00+08:00");
	atom_add(atom_add(a.feed, a.ns, "author", NULL), a.ns, "name", s->cfg->site_name);
	snprintf(buf, sizeof(buf), "%s/lists/%s", s->cfg->url_prefix, list_defs[t].code);
	atom_link(a.feed, a.ns, "alternate", buf, "text/html");
	snprintf(buf, sizeof(buf), "%s/lists/%s.atom", s->cfg->url_prefix, list_defs[t].code);
	atom_link(a.feed, a.ns, "self", buf, "application/atom+xml");
	p[np] = P_INT(INT64_MAX);
	p[np + 1] = P_INT(ATOM_ENTRIES);
	p[np + 2] = P_INT(0);
	rc = db_load(s->db, Q_LIST_ROWS, p, np + 3, &row_loader, NULL, &the_row, atom_one, &a,
	    &found);
	if (rc == DB_OK) {
		xmlDocDumpFormatMemoryEnc(doc, out, outlen, "UTF-8", 1);
		if (*out == NULL)
			rc = DB_FAIL;
	}
	xmlFreeDoc(doc);
	return rc;
}

bool
csv_cell(char *out, size_t cap, size_t *used, const char *v)
{
	bool formula = v[0] != '\0' && strchr("=+-@\t\r", v[0]) != NULL;
	bool quote = formula || strpbrk(v, ",\"\r\n") != NULL;
	size_t u = *used;

#define PUT(ch) do { if (u + 1 >= cap) goto full; out[u++] = (ch); } while (0)
	if (quote)
		PUT('"');
	if (formula)
		PUT('\'');       /* a spreadsheet shows it as text, never runs it */
	for (; *v != '\0'; v++) {
		if (*v == '"')
			PUT('"');
		PUT(*v);
	}
	if (quote)
		PUT('"');
#undef PUT
	out[u] = '\0';
	*used = u;
	return true;
full:
	out[*used] = '\0';
	return false;
}

/* The columns of the CSV: the list's fields, then the state and its dates. */
struct csv_arg {
	const struct listsrc *s;
	enum list_type        t;
	list_sink             sink;
	void                 *sarg;
	int64_t               last;
	size_t                rows;
	bool                  stopped;
	char                  line[200000];
};

static bool
csv_put(struct csv_arg *a, size_t *used, const char *v, bool first)
{
	if (!first) {
		if (*used + 2 >= sizeof(a->line))
			return false;
		a->line[(*used)++] = ',';
	}
	return csv_cell(a->line, sizeof(a->line), used, v);
}

static int
csv_header(struct csv_arg *a)
{
	size_t used = 0;
	unsigned f;

	memcpy(a->line, "\xef\xbb\xbf", 3);       /* the BOM: spreadsheets then read UTF-8 */
	used = 3;
	(void)csv_put(a, &used, "编号", true);
	for (f = 0; f < LF__MAX; f++)
		if ((list_defs[a->t].shown & (1u << f)) && f != LF_ITEMS)
			(void)csv_put(a, &used, list_field_label(a->t, (enum list_field)f), false);
	(void)csv_put(a, &used, "状态", false);
	(void)csv_put(a, &used, "公示日期", false);
	(void)csv_put(a, &used, "公告日期", false);
	(void)csv_put(a, &used, "撤回日期", false);
	(void)csv_put(a, &used, "撤回原因", false);
	(void)csv_put(a, &used, "责任部门", false);
	memcpy(a->line + used, "\r\n", 3);
	return a->sink(a->sarg, a->line, used + 2);
}

static int
csv_row(void *arg, void *row)
{
	struct csv_arg *a = arg;
	const struct list_row *r = row;
	int st = entry_state_from_name(r->state);
	char num[24], name[800];
	size_t used = 0;
	unsigned f;
	bool ok;

	snprintf(num, sizeof(num), "%lld", (long long)r->id);
	ok = csv_put(a, &used, num, true);
	for (f = 0; f < LF__MAX; f++) {
		const char *v = row_field(r, (enum list_field)f);

		if (!(list_defs[a->t].shown & (1u << f)) || f == LF_ITEMS)
			continue;
		if (f == LF_REGION) {
			listpages_region_name(a->s->rd, v, name, sizeof(name));
			v = name;
		} else if (f == LF_INDUSTRY)
			v = listpages_industry_name(a->s->rd, v);
		ok = ok && csv_put(a, &used, v, false);
	}
	ok = ok && csv_put(a, &used, st >= 0 ? entry_state_labels[st] : r->state, false) &&
	    csv_put(a, &used, r->noticed, false) && csv_put(a, &used, r->announced, false) &&
	    csv_put(a, &used, r->withdrawn, false) && csv_put(a, &used, r->reason, false) &&
	    csv_put(a, &used, r->department, false) && used + 3 <= sizeof(a->line);
	a->last = r->id;
	a->rows++;
	if (!ok) {
		log_err("listpages: CSV row of entry %lld too long", (long long)r->id);
		return 0;
	}
	memcpy(a->line + used, "\r\n", 3);
	if (a->sink(a->sarg, a->line, used + 2) != 0) {
		a->stopped = true;
		return 1;
	}
	return 0;
}

int
listpages_csv(const struct listsrc *s, const struct list_filter *f, list_sink sink, void *sarg)
{
	static struct csv_arg a;
	struct dbp p[11];
	char like[8];
	size_t np = filter_params(f, p, like);
	bool found;
	int rc;

	a.s = s;
	a.t = f->type;
	a.sink = sink;
	a.sarg = sarg;
	a.last = INT64_MAX;
	a.stopped = false;
	if (csv_header(&a) != 0)
		return DB_FAIL;
	/* Chunks of LIST_CHUNK rows, each after the last id of the one before. */
	do {
		a.rows = 0;
		p[np] = P_INT(a.last);
		p[np + 1] = P_INT(LIST_CHUNK);
		p[np + 2] = P_INT(0);
		rc = db_load(s->db, Q_LIST_ROWS, p, np + 3, &row_loader, NULL, &the_row, csv_row,
		    &a, &found);
	} while (rc == DB_OK && !a.stopped && a.rows == LIST_CHUNK);
	return rc == DB_OK && a.stopped ? DB_FAIL : rc;
}
