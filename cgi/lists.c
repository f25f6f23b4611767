/*
 * lists: the published lists (公示、公告), the public side. Read only.
 *
 *   /lists                       the lists with their counts, and the annual exit page
 *   /lists/{type}                a page of a list; filters year, region (a province, city or
 *                                county code: its prefix), industry, state; page
 *   /lists/{type}/page/{n}       page n of the unfiltered list (a plain path: published)
 *   /lists/{type}/{id}           one entry (its permalink); drafts are 404
 *   /lists/{type}.csv, .atom     the feeds; the CSV is streamed in chunks
 *   /lists/annual_exit?year=Y    the year's exited enterprises, equipment and capacity
 *
 * The documents come from lib/listpages.c, which lib/publish.c also writes as static files.
 * A list page (filtered or not) is kept whole, rendered and compressed, in a per-process
 * cache (lib/listcache.h) for as long as the lists' version (sql/016) does not change: asked
 * again, it costs one primary-key SELECT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "form.h"
#include "gz.h"
#include "listcache.h"
#include "listpages.h"
#include "log.h"
#include "region.h"

/* Rendered list pages, per process; its size is lists_cache_bytes (0: none). */
static struct listcache cache;
static bool cache_ready;

/* Cached pages are compressed once at this level and sent many times. */
#define LIST_GZ_LEVEL 6

enum lk { LK_YEAR, LK_REGION, LK_INDUSTRY, LK_STATE, LK_PAGE, LK_FORMAT, LK__MAX };

static const struct option public_states[] = {
	{ "notice", "公示中" }, { "announcement", "已公告" }, { "archived", "已归档" },
	{ "withdrawn", "已撤回" }, { NULL, NULL },
};
static const struct option formats[] = { { "xml", "" }, { NULL, NULL } };

static const struct form_key keys[LK__MAX] = {
	[LK_YEAR] = { "year", form_int, 0, 0, 0, NULL, "年份应为2000至2100之间的数字。",
	    2000, 2100 },
	[LK_REGION] = { "region", form_digits, 2, 6, 0, NULL, "地区代码不正确。" },
	[LK_INDUSTRY] = { "industry", NULL, 1, 32, 0, NULL, "行业不正确。" },
	[LK_STATE] = { "state", form_choice, 0, 0, 0, public_states, "状态不正确。" },
	[LK_PAGE] = { "page", form_int, 0, 0, 0, NULL, "页码不正确。", 1, LIST_PAGE_MAX },
	[LK_FORMAT] = { "format", form_choice, 0, 0, 0, formats, "格式不正确。" },
};

static void
unavailable(struct ctx *c)
{
	app_error(c, 503, "系统暂时无法提供服务，请稍后再试。");
}

static void
bad_field(struct ctx *c, enum lk k)
{
	xmlNodePtr root;
	xmlDocPtr doc = app_error_doc(400, keys[k].message, &root);

	xml_attr(xml_add(root, "field", keys[k].message), "name", keys[k].name);
	app_send(c, 400, doc);
}

/* A region filter: a code of a known region, or its prefix (2, 4 or 6 digits). */
static bool
region_filter(struct ctx *c, const char *v, char out[7])
{
	char code[7] = "000000";
	size_t len = strlen(v);

	if (len % 2 != 0 || len > 6)
		return false;
	memcpy(code, v, len);
	if (refdata_region(&c->refdata, code) == NULL)
		return false;
	region_prefix(code, out);
	return true;
}

/* The filters of the query; false when a field was wrong (the 400 is sent). */
static bool
read_filter(struct ctx *c, struct list_filter *f)
{
	struct form_field v[LK__MAX];
	unsigned i;

	(void)form_validate(&c->arena, keys, LK__MAX, &c->query, v);
	for (i = 0; i < LK__MAX; i++)
		if (v[i].error != NULL) {
			bad_field(c, (enum lk)i);
			return false;
		}
	if (v[LK_REGION].value != NULL && !region_filter(c, v[LK_REGION].value, f->region)) {
		bad_field(c, LK_REGION);
		return false;
	}
	if (v[LK_INDUSTRY].value != NULL &&
	    refdata_industry(&c->refdata, v[LK_INDUSTRY].value) == NULL) {
		bad_field(c, LK_INDUSTRY);
		return false;
	}
	f->industry = v[LK_INDUSTRY].value;
	f->year = v[LK_YEAR].value != NULL ? (int)v[LK_YEAR].num : 0;
	f->state = v[LK_STATE].value != NULL ? entry_state_from_name(v[LK_STATE].value) : -1;
	if (v[LK_PAGE].value != NULL)
		f->page = v[LK_PAGE].num;
	return true;
}

static void
index_page(struct ctx *c, const struct listsrc *s)
{
	xmlDocPtr doc;

	if (listpages_index(s, &doc) != DB_OK)
		unavailable(c);
	else
		app_send(c, 200, doc);
}

/* The cache key of a filter: its validated values in a fixed order (the region as its
 * prefix), so that every spelling of one view is one entry. */
static void
filter_key(const struct list_filter *f, char key[LISTCACHE_KEY_MAX])
{
	snprintf(key, LISTCACHE_KEY_MAX, "%s|%d|%s|%s|%d|%lld", list_defs[f->type].code,
	    f->year, f->region, f->industry != NULL ? f->industry : "", f->state,
	    (long long)f->page);
}

/* A cached page: as it is to a browser that accepts gzip, inflated for the others. */
static void
send_cached(struct ctx *c, const struct listcache_page *p)
{
	unsigned char *raw;

	response_header(&c->resp, &c->arena, "Vary: Accept-Encoding");
	if (c->accepts_gzip) {
		response_header(&c->resp, &c->arena, "Content-Encoding: gzip");
		app_send_bytes(c, 200, "text/html; charset=utf-8", p->gz, p->gzlen);
		return;
	}
	if (gz_inflate(p->gz, p->gzlen, p->rawlen, &raw) != 0) {
		app_error(c, 500, "系统暂时出现错误，请稍后再试。");
		return;
	}
	app_send_bytes(c, 200, "text/html; charset=utf-8", raw, p->rawlen);
	free(raw);
}

/* doc (freed here) rendered, kept under key and sent. */
static void
render_keep(struct ctx *c, const char *key, xmlDocPtr doc)
{
	const struct listcache_page *p;
	xmlChar *html = NULL;
	unsigned char *gz = NULL;
	size_t gzlen;
	int len = 0;

	if (render_doc(&c->render, 0, doc, false, false, &html, &len) != 0 ||
	    gz_compress(html, (size_t)len, LIST_GZ_LEVEL, &gz, &gzlen) != 0) {
		xmlFree(html);
		xmlFreeDoc(doc);
		app_error(c, 500, "系统暂时出现错误，请稍后再试。");
		return;
	}
	xmlFreeDoc(doc);
	listcache_put(&cache, key, gz, gzlen, (size_t)len);
	if ((p = listcache_get(&cache, key)) != NULL)
		send_cached(c, p);
	else {                           /* larger than the whole cache */
		response_header(&c->resp, &c->arena, "Vary: Accept-Encoding");
		if (c->accepts_gzip) {
			response_header(&c->resp, &c->arena, "Content-Encoding: gzip");
			app_send_bytes(c, 200, "text/html; charset=utf-8", gz, gzlen);
		} else
			app_send_bytes(c, 200, "text/html; charset=utf-8", html, (size_t)len);
	}
	free(gz);
	xmlFree(html);
}

static void
list_page(struct ctx *c, struct listsrc *s, struct list_filter *f)
{
	const struct listcache_page *hit;
	char key[LISTCACHE_KEY_MAX];
	bool cached = cache_ready && !c->want_xml;
	xmlDocPtr doc;
	int64_t pages;

	if (!read_filter(c, f))
		return;
	/* One primary-key read: the version every web node sees once a change has committed. */
	if (listpages_version(s->db, &s->version) != DB_OK) {
		unavailable(c);
		return;
	}
	if (cached) {
		listcache_stamp(&cache, s->version, c->refdata.names);
		filter_key(f, key);
		if ((hit = listcache_get(&cache, key)) != NULL) {
			send_cached(c, hit);
			return;
		}
	}
	if (listpages_list(s, f, &doc, &pages) != DB_OK)
		unavailable(c);
	else if (doc == NULL)
		app_error(c, 404, "没有这一页。");
	else if (cached)
		render_keep(c, key, doc);
	else
		app_send(c, 200, doc);
}

static void
entry_page(struct ctx *c, const struct listsrc *s, enum list_type t, const char *id)
{
	int64_t n;
	xmlDocPtr doc;

	if (!form_parse_int(id, strlen(id), 1, (int64_t)1 << 53, &n)) {
		app_error(c, 404, "页面不存在。");
		return;
	}
	if (listpages_entry(s, t, n, &doc) != DB_OK)
		unavailable(c);
	else if (doc == NULL)
		app_error(c, 404, "该条目不存在或尚未公开。");
	else
		app_send(c, 200, doc);
}

static int
to_client(void *arg, const char *buf, size_t len)
{
	struct ctx *c = arg;

	return FCGX_PutStr(buf, (int)len, c->fcgi.out) == (int)len ? 0 : -1;
}

static void
csv_feed(struct ctx *c, const struct listsrc *s, struct list_filter *f)
{
	char disp[128];

	if (!read_filter(c, f))
		return;
	snprintf(disp, sizeof(disp), "Content-Disposition: attachment; filename=\"%s.csv\"",
	    list_defs[f->type].code);
	response_header(&c->resp, &c->arena, "%s", disp);
	/* The first chunk is read before the head goes out: a database that is down gives 503. */
	if (db_connect(s->db) != DB_OK) {
		unavailable(c);
		return;
	}
	if (!app_stream_head(c, 200, "text/csv; charset=utf-8"))
		return;
	if (listpages_csv(s, f, to_client, c) != DB_OK)
		log_err("lists: the CSV of %s ended early", list_defs[f->type].code);
}

static void
atom_feed(struct ctx *c, const struct listsrc *s, enum list_type t)
{
	xmlChar *out;
	int len;

	if (listpages_atom(s, t, &out, &len) != DB_OK) {
		unavailable(c);
		return;
	}
	app_send_bytes(c, 200, "application/atom+xml; charset=utf-8", out, (size_t)len);
	xmlFree(out);
}

static void
annual_page(struct ctx *c, const struct listsrc *s)
{
	struct form_field v[LK__MAX];
	time_t now = (time_t)c->now + 8 * 3600;       /* the year in Beijing */
	struct tm tm;
	xmlDocPtr doc;
	int year;

	(void)form_validate(&c->arena, keys, LK__MAX, &c->query, v);
	if (v[LK_YEAR].error != NULL) {
		bad_field(c, LK_YEAR);
		return;
	}
	if (gmtime_r(&now, &tm) == NULL) {
		unavailable(c);
		return;
	}
	year = v[LK_YEAR].value != NULL ? (int)v[LK_YEAR].num : tm.tm_year + 1900;
	if (listpages_annual(s, year, &doc) != DB_OK)
		unavailable(c);
	else
		app_send(c, 200, doc);
}

/* The list type named by the first len bytes of p, or -1. */
static int
type_of(const char *p, size_t len)
{
	char code[24];

	if (len == 0 || len >= sizeof(code))
		return -1;
	memcpy(code, p, len);
	code[len] = '\0';
	return list_type_from_code(code);
}

/* rest: what follows "/lists/". */
static void
route(struct ctx *c, struct listsrc *s, const char *rest)
{
	size_t n = strcspn(rest, "/.");
	int t = type_of(rest, n);
	struct list_filter f = { 0, 0, "", NULL, -1, 1 };
	const char *tail = rest + n;

	if (strcmp(rest, "annual_exit") == 0) {
		annual_page(c, s);
		return;
	}
	if (t < 0) {
		app_error(c, 404, "页面不存在。");
		return;
	}
	f.type = (enum list_type)t;
	if (tail[0] == '\0')
		list_page(c, s, &f);
	else if (strcmp(tail, ".csv") == 0)
		csv_feed(c, s, &f);
	else if (strcmp(tail, ".atom") == 0)
		atom_feed(c, s, f.type);
	else if (strncmp(tail, "/page/", 6) == 0 &&
	    form_parse_int(tail + 6, strlen(tail + 6), 1, LIST_PAGE_MAX, &f.page))
		list_page(c, s, &f);
	else if (tail[0] == '/')
		entry_page(c, s, f.type, tail + 1);
	else
		app_error(c, 404, "页面不存在。");
}

static void
cache_free(void)
{
	listcache_free(&cache);
}

static void
handle(struct ctx *c)
{
	struct listsrc s = { &c->db, &c->refdata, &c->cfg, 0 };

	if (!cache_ready && c->cfg.lists_cache_bytes > 0) {
		listcache_init(&cache, (size_t)c->cfg.lists_cache_bytes);
		cache_ready = true;
		(void)atexit(cache_free);
	}
	if (c->is_post) {
		response_header(&c->resp, &c->arena, "Allow: GET, HEAD");
		app_error(c, 405, "不支持的请求方法。");
		return;
	}
	if (strcmp(c->path, "/lists") != 0 && strncmp(c->path, "/lists/", 7) != 0) {
		app_error(c, 404, "页面不存在。");
		return;
	}
	if (!app_refdata(c)) {
		unavailable(c);
		return;
	}
	if (strcmp(c->path, "/lists") == 0 || strcmp(c->path, "/lists/") == 0)
		index_page(c, &s);
	else
		route(c, &s, c->path + 7);
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-lists", "lists.xsl", handle, true };

	return app_main(argc, argv, &prog);
}
