/*
 * pages: the public pages that only read: the landing page, the directory of report channels
 * (seed 000's annex, kept in the channel table) and the help page (how to report, the deadlines,
 * anonymity and privacy). The lists are a program of their own (cgi/lists.c). Anything else
 * under the prefix is a 404 page in the portal's layout.
 */
#include <string.h>

#include "app.h"
#include "log.h"
#include "queries.h"

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
	else
		app_error(c, 404, "页面不存在。");
}

int
main(int argc, char **argv)
{
	static const struct program prog = { "jubao-pages", "pages.xsl", handle, true, false, 0 };

	return app_main(argc, argv, &prog);
}
