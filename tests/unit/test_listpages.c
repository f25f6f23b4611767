/*
 * test_listpages.c: the CSV cells of the published lists (RFC 4180 quoting, formula-safe
 * cells, never cut silently) and render_add, which lets the console compile lists.xsl after
 * its own sheet to publish the lists' pages (lib/publish.c).
 */
#include <string.h>

#include "listpages.h"
#include "render.h"
#include "unit.h"

#ifndef JUBAO_SRC_DIR
#define JUBAO_SRC_DIR "."
#endif

static const char *
cell(const char *v)
{
	static char out[256];
	size_t used = 0;

	return csv_cell(out, sizeof(out), &used, v) ? out : NULL;
}

static void
csv_cells(void)
{
	char small[8];
	size_t used = 0;

	CHECK_STR(cell("钢铁"), "钢铁");
	CHECK_STR(cell(""), "");
	CHECK_STR(cell("a,b"), "\"a,b\"");
	CHECK_STR(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
	CHECK_STR(cell("two\nlines"), "\"two\nlines\"");
	CHECK_STR(cell("cr\rhere"), "\"cr\rhere\"");
	/* a spreadsheet would run these: a leading ' makes them text, in quotes */
	CHECK_STR(cell("=1+1"), "\"'=1+1\"");
	CHECK_STR(cell("+86"), "\"'+86\"");
	CHECK_STR(cell("-2"), "\"'-2\"");
	CHECK_STR(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
	CHECK_STR(cell("\tx"), "\"'\tx\"");
	CHECK_STR(cell("1-2"), "1-2");          /* only a leading character counts */
	/* too long: false, and what was there stays, terminated */
	memcpy(small, "ab", 3);
	used = 2;
	CHECK(!csv_cell(small, sizeof(small), &used, "0123456789"));
	CHECK(used == 2 && strcmp(small, "ab") == 0);
}

static void
render_add_after_init(void)
{
	static const char *const names[] = { "pages.xsl" };
	static struct render r;
	struct config cfg;
	xmlChar *html = NULL;
	xmlNodePtr root, l;
	xmlDocPtr doc;
	size_t sheet;
	int len = 0;

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.xslt_dir, sizeof(cfg.xslt_dir), "%s/xslt", JUBAO_SRC_DIR);
	snprintf(cfg.url_prefix, sizeof(cfg.url_prefix), "/jubao");
	snprintf(cfg.site_name, sizeof(cfg.site_name), "省工业和信息化厅");
	render_init(&r, &cfg, names, 1);
	sheet = render_add(&r, "lists.xsl");
	CHECK(sheet == 1 && r.nsheets == 2 && r.plain_html[1]);
	CHECK(render_add(&r, "no-such.xsl") == SIZE_MAX && r.nsheets == 2);
	doc = xml_doc("lists", &root);
	l = xml_add(root, "list", "摘要 <b>");
	xml_attr(l, "code", "violation");
	xml_attr(l, "label", "违法信息");
	xml_attr(l, "count", "3");
	CHECK(render_doc(&r, sheet, doc, false, false, &html, &len) == 0);
	CHECK(html != NULL && strstr((char *)html, "href=\"/jubao/lists/violation\"") != NULL);
	CHECK(html != NULL && strstr((char *)html, "摘要 &lt;b&gt;") != NULL);
	xmlFree(html);
	xmlFreeDoc(doc);
	render_free(&r);
}

int
main(void)
{
	csv_cells();
	render_add_after_init();
	return unit_done();
}
