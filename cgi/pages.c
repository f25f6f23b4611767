/*
 * pages: the public pages that only read: the landing page, the directory of report channels
 * (seed 000's annex, kept in the channel table), the help page (how to report, the deadlines,
 * anonymity and privacy) and the monthly statistics (/stats: read from the summary tables only,
 * small counts suppressed). The lists are a program of their own (cgi/lists.c). Anything else
 * under the prefix is a 404 page in the portal's layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "calendar.h"
#include "log.h"
#include "queries.h"
#include "stats.h"

static void
landing(struct ctx *c)
{
	xmlNodePtr root;

	app_send(c, 200, xml_doc("landing", &root));
}

static void
help(struct ctx *c)
{
	xmlNodePtr root;

	app_send(c, 200, xml_doc("help", &root));
}

/* The host province's authorities (form_regions) first, marked host="1"; the others keep their
 * order. */
static void
host_first(xmlNodePtr root, const char *host)
{
	xmlNodePtr n, next, first = NULL, last = NULL;
	xmlChar *code;
	bool ours;

	if (host[0] == '\0')
		return;
	for (n = root->children; n != NULL; n = next) {
		next = n->next;
		code = xmlGetProp(n, (const xmlChar *)"code");
		ours = code != NULL && strncmp((const char *)code, host, strlen(host)) == 0;
		xmlFree(code);
		if (!ours)
			continue;
		xml_attr(n, "host", "1");
		if (last == NULL && root->children == n)
			first = n;
		else if (last == NULL)
			first = xmlAddPrevSibling(root->children, n);
		else
			first = xmlAddNextSibling(last, n);
		if (first == NULL)
			log_fatal("pages: out of memory");
		last = first;
	}
}

static void
channels(struct ctx *c)
{
	char prov[8], authority[401], kind[16], label[257], value[1021], note[1021];
	char last[401] = "";
	unsigned long len[6];
	my_bool null[6];
	MYSQL_BIND r[6];
	xmlNodePtr root, auth = NULL, ch;
	xmlDocPtr doc;
	int rc;

	bind_out_text(&r[0], prov, sizeof(prov), &len[0], &null[0]);
	bind_out_text(&r[1], authority, sizeof(authority), &len[1], &null[1]);
	bind_out_text(&r[2], kind, sizeof(kind), &len[2], &null[2]);
	bind_out_text(&r[3], label, sizeof(label), &len[3], &null[3]);
	bind_out_text(&r[4], value, sizeof(value), &len[4], &null[4]);
	bind_out_text(&r[5], note, sizeof(note), &len[5], &null[5]);
	if (db_exec(&c->db, Q_CHANNELS, NULL, r) != DB_OK) {
		app_error(c, 503, "系统暂时无法提供服务，请稍后再试。");
		return;
	}
	doc = xml_doc("channels", &root);
	while ((rc = db_fetch(&c->db, Q_CHANNELS)) == 1) {
		text_end(prov, sizeof(prov), len[0]);
		text_end(authority, sizeof(authority), len[1]);
		text_end(kind, sizeof(kind), len[2]);
		text_end(label, sizeof(label), len[3]);
		text_end(value, sizeof(value), len[4]);
		text_end(note, sizeof(note), len[5]);
		/* Rows come in display order; a new authority starts a new group. */
		if (auth == NULL || strcmp(last, authority) != 0) {
			auth = xml_add(root, "authority", NULL);
			xml_attr(auth, "name", authority);
			xml_attr(auth, "code", prov);
			memcpy(last, authority, sizeof(last));
		}
		ch = xml_add(auth, "channel", value);
		xml_attr(ch, "kind", kind);
		xml_attr(ch, "label", label);
		if (note[0] != '\0')
			xml_attr(ch, "note", note);
	}
	db_done(&c->db, Q_CHANNELS);
	if (rc < 0) {
		xmlFreeDoc(doc);
		app_error(c, 503, "系统暂时无法提供服务，请稍后再试。");
		return;
	}
	host_first(root, c->cfg.form_regions);
	app_send(c, 200, doc);
}

/* ---- /stats: the public monthly summary (issue 10) */

static bool
month_ok(const struct form_key *k, const char *v, size_t len)
{
	char day[11];
	cal_day d;

	(void)k;
	if (len != 7 || snprintf(day, sizeof(day), "%s-01", v) != 10)
		return false;
	return cal_parse(day, 10, &d);
}

enum { PS_MONTH, PS__MAX };
static const struct form_key ps_keys[PS__MAX] = {
	[PS_MONTH] = { "month", month_ok, 7, 7, 0, NULL, "月份格式应为YYYY-MM。" },
};

/* The columns of the public tables: counters, and the share verified true. */
enum { PC_RECEIVED, PC_ACCEPTED, PC_CLOSED, PC_TRUE, PC_INSPECTED, PC__MAX };
static const int pc_counter[PC__MAX] = { SC_RECEIVED, SC_ACCEPTED, SC_CLOSED, SC_V_TRUE,
	SC_INSPECTED };
static const char *const pc_names[PC__MAX] = { "received", "accepted", "closed", "true",
	"inspected" };

/* The rows of one query (at most 64: months, cities or industries). */
struct ps_rows {
	struct stats_row r[64];
	size_t           n;
};

static int
ps_push(void *arg, void *row)
{
	struct ps_rows *s = arg;

	if (s->n < 64)
		s->r[s->n++] = *(struct stats_row *)row;
	return 0;
}

/* Query q over the host province (form_regions; "" the whole): Q_STATS_REGIONS its cities,
 * Q_STATS_BY by industry, the others all its reports. */
static int
ps_load(struct ctx *c, int q, const char *from, const char *to, struct ps_rows *s)
{
	char pattern[8];
	struct dbp p[7];
	struct stats_row row;
	bool found;

	s->n = 0;
	stats_filter_params(q == Q_STATS_BY ? "industry" : "all", "", from, to,
	    c->cfg.form_regions, q == Q_STATS_REGIONS, pattern, p);
	return db_load(&c->db, q, p, 7, &stats_row_loader, &c->arena, &row, ps_push, s, &found);
}

/* One table: a <row name> per row, a <cell name value|small> per column, each column
 * suppressed on its own (stats_suppress), the share true only from cells both shown. */
static void
ps_table(struct ctx *c, xmlNodePtr parent, const char *what, const struct ps_rows *s,
    const char *const *names)
{
	xmlNodePtr t = xml_add(parent, what, NULL), row, cell;
	bool hide[PC__MAX][64];
	int64_t v[64];
	size_t i, k;

	for (k = 0; k < PC__MAX; k++) {
		for (i = 0; i < s->n; i++)
			v[i] = s->r[i].c[pc_counter[k]];
		stats_suppress(v, s->n, c->cfg.stats_min_cell, hide[k]);
	}
	for (i = 0; i < s->n; i++) {
		row = xml_add(t, "row", NULL);
		xml_attr(row, "name", names[i]);
		for (k = 0; k < PC_INSPECTED; k++) {
			cell = xml_add(row, "cell", NULL);
			xml_attr(cell, "name", pc_names[k]);
			if (hide[k][i])
				xml_attr(cell, "small", "1");
			else
				xml_attr_int(cell, "value", s->r[i].c[pc_counter[k]]);
		}
		if (!hide[PC_TRUE][i] && !hide[PC_INSPECTED][i] && s->r[i].c[SC_INSPECTED] > 0)
			xml_attr_int(row, "true-permille", s->r[i].c[SC_V_TRUE] * 1000 /
			    s->r[i].c[SC_INSPECTED]);
	}
}

/* The trend: received and closed per month, small months shown as "少于 N" without a bar. */
static void
ps_trend(struct ctx *c, xmlNodePtr parent, const struct ps_rows *m)
{
	xmlNodePtr ch = xml_add(parent, "chart", NULL), g, b, s;
	static const int col[2] = { SC_RECEIVED, SC_CLOSED };
	static const char *const label[2] = { "收到", "办结" }, *const name[2] = { "received",
		"closed" };
	char small[32];
	bool hide[2][64];
	int64_t v[64], max = 0;
	size_t i, k;

	xml_attr(ch, "kind", "columns");
	xml_attr(ch, "name", "trend");
	xml_attr(ch, "title", "近12个月收到和办结的举报");
	xml_attr(ch, "unit", "件");
	snprintf(small, sizeof(small), "少于%u", c->cfg.stats_min_cell);
	for (k = 0; k < 2; k++) {
		s = xml_add(ch, "series", NULL);
		xml_attr(s, "name", name[k]);
		xml_attr(s, "label", label[k]);
		for (i = 0; i < m->n; i++)
			v[i] = m->r[i].c[col[k]];
		stats_suppress(v, m->n, c->cfg.stats_min_cell, hide[k]);
	}
	for (i = 0; i < m->n; i++) {
		g = xml_add(ch, "group", NULL);
		xml_attr(g, "label", m->r[i].key);
		for (k = 0; k < 2; k++) {
			b = xml_add(g, "bar", NULL);
			xml_attr(b, "series", name[k]);
			xml_attr_int(b, "value", hide[k][i] ? 0 : m->r[i].c[col[k]]);
			if (hide[k][i])
				xml_attr(b, "shown", small);
			else if (m->r[i].c[col[k]] > max)
				max = m->r[i].c[col[k]];
		}
	}
	xml_attr_int(ch, "max", max);
}

/* The display names of a table's keys: cities (region codes) or industries. */
static const char **
ps_names(struct ctx *c, const struct ps_rows *s, bool regions)
{
	const char **names = arena_alloc(&c->arena, (s->n + 1) * sizeof(*names));
	const struct industry *ind;
	const struct region *r;
	char code[7];
	size_t i;

	for (i = 0; i < s->n; i++) {
		names[i] = s->r[i].key;
		if (regions) {
			memcpy(code, "000000", 7);
			memcpy(code, s->r[i].key, strnlen(s->r[i].key, 6));
			if ((r = refdata_region(&c->refdata, code)) != NULL)
				names[i] = r->name;
		} else if ((ind = refdata_industry(&c->refdata, s->r[i].key)) != NULL)
			names[i] = ind->name;
	}
	return names;
}

static void
stats_public(struct ctx *c)
{
	struct form_field f[PS__MAX];
	struct ps_rows *months = arena_alloc(&c->arena, 3 * sizeof(*months));
	struct ps_rows *cities = months + 1, *inds = months + 2, total;
	char month[11], first[11];
	xmlNodePtr root;
	xmlDocPtr doc;
	int y, m, d;

	if (form_validate(&c->arena, ps_keys, PS__MAX, &c->form, f) > 0 || !app_refdata(c)) {
		app_error(c, f[PS_MONTH].error ? 400 : 503, f[PS_MONTH].error ?
		    "月份格式应为YYYY-MM。" : "系统暂时无法提供服务，请稍后再试。");
		return;
	}
	if (f[PS_MONTH].value != NULL)
		snprintf(month, sizeof(month), "%.7s-01", f[PS_MONTH].value);
	else
		stats_month(c->now, month);
	cal_to_ymd(cal_from_ymd(atoi(month), atoi(month + 5), 1), &y, &m, &d);
	cal_format(cal_from_ymd(m == 12 ? y : y - 1, m == 12 ? 1 : m + 1, 1), first);
	if (ps_load(c, Q_STATS_MONTHS, first, month, months) != DB_OK ||
	    ps_load(c, Q_STATS_TOTAL, month, month, &total) != DB_OK ||
	    ps_load(c, Q_STATS_REGIONS, month, month, cities) != DB_OK ||
	    ps_load(c, Q_STATS_BY, month, month, inds) != DB_OK) {
		app_error(c, 503, "系统暂时无法提供服务，请稍后再试。");
		return;
	}
	doc = xml_doc("public-stats", &root);
	month[7] = '\0';
	xml_attr(root, "month", month);
	xml_attr_int(root, "min-cell", c->cfg.stats_min_cell);
	if (total.n == 1)
		ps_table(c, root, "total", &total, (const char *[]){ "合计" });
	ps_table(c, root, "cities", cities, ps_names(c, cities, true));
	ps_table(c, root, "industries", inds, ps_names(c, inds, false));
	ps_trend(c, root, months);
	app_send(c, 200, doc);
}

static void
handle(struct ctx *c)
{
	if (c->is_post) {
		response_header(&c->resp, &c->arena, "Allow: GET, HEAD");
		app_error(c, 405, "不支持的请求方法。");
	} else if (strcmp(c->path, "/") == 0)
		landing(c);
	else if (strcmp(c->path, "/channels") == 0)
		channels(c);
	else if (strcmp(c->path, "/help") == 0)
		help(c);
	else if (strcmp(c->path, "/stats") == 0)
		stats_public(c);
	else
		app_error(c, 404, "页面不存在。");
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-pages", "pages.xsl", handle, true, false, 0 };

	return app_main(argc, argv, &prog);
}
