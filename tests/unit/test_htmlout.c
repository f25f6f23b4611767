/*
 * test_htmlout.c: lib/htmlout.c must write exactly the bytes libxml2's HTML serialiser
 * (xsltSaveResultToString) writes, for every page the platform renders: each sample document
 * in tests/xml/ through its stylesheet in xslt/, and pages made to be awkward (quotes of both
 * kinds, markup characters and non-ASCII in attributes and URIs, boolean attributes, empty
 * elements of every kind). What it does not handle it must refuse, never write differently.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "config.h"
#include "htmlout.h"
#include "render.h"
#include "unit.h"

#ifndef JUBAO_SRC_DIR
#define JUBAO_SRC_DIR "."
#endif

static const char *params[] = { "base", "'/jubao'", "site-name", "'省工业和信息化厅'", NULL };

/* Transform doc with sheet; compare both writers on the result. Returns htmlout's status. */
static int
compare(xsltStylesheetPtr sheet, xmlDocPtr doc, const char *what)
{
	xmlChar *want = NULL, *got = NULL;
	int wantlen = 0, gotlen = 0, rc;
	xmlDocPtr res = xsltApplyStylesheet(sheet, doc, params);

	CHECK(res != NULL);
	if (res == NULL)
		return -2;
	CHECK(xsltSaveResultToString(&want, &wantlen, res, sheet) == 0 && want != NULL);
	rc = htmlout_doc(res, &got, &gotlen);
	if (rc == HTMLOUT_OK) {
		bool same = want != NULL && gotlen == wantlen && memcmp(got, want, gotlen) == 0;

		if (!same)
			fprintf(stderr, "%s: htmlout differs from libxml2:\n--- libxml2\n%s\n--- htmlout\n%s\n",
			    what, want, got);
		CHECK(same);
		CHECK(got[gotlen] == '\0');
	} else {
		CHECK(got == NULL);
	}
	xmlFree(want);
	xmlFree(got);
	xmlFreeDoc(res);
	return rc;
}

static const char *
sheet_for(const char *sample)
{
	if (strncmp(sample, "admin-", 6) == 0)
		return "admin.xsl";
	if (strncmp(sample, "case", 4) == 0 || strncmp(sample, "lookup", 6) == 0)
		return "status.xsl";
	if (strncmp(sample, "submit", 6) == 0 || strncmp(sample, "receipt", 7) == 0)
		return "submit.xsl";
	return "pages.xsl";
}

static void
every_sample(void)
{
	static const char *const sheets[] = { "admin.xsl", "status.xsl", "submit.xsl", "pages.xsl" };
	xsltStylesheetPtr compiled[4] = { NULL };
	char path[512];
	struct dirent *e;
	DIR *dir;
	int samples = 0;
	size_t i;

	for (i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/xslt/%s", JUBAO_SRC_DIR, sheets[i]);
		compiled[i] = xsltParseStylesheetFile((const xmlChar *)path);
		CHECK(compiled[i] != NULL);
	}
	snprintf(path, sizeof(path), "%s/tests/xml", JUBAO_SRC_DIR);
	CHECK((dir = opendir(path)) != NULL);
	while (dir != NULL && (e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		xmlDocPtr doc;

		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/tests/xml/%s", JUBAO_SRC_DIR, e->d_name);
		CHECK((doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) != NULL);
		for (i = 0; i < 4 && doc != NULL; i++)
			if (strcmp(sheets[i], sheet_for(e->d_name)) == 0 && compiled[i] != NULL)
				CHECK(compare(compiled[i], doc, e->d_name) == HTMLOUT_OK);
		xmlFreeDoc(doc);
		samples++;
	}
	if (dir != NULL)
		closedir(dir);
	CHECK(samples >= 40);
	for (i = 0; i < 4; i++)
		if (compiled[i] != NULL)
			xsltFreeStylesheet(compiled[i]);
}

static xsltStylesheetPtr
sheet_from(const char *text)
{
	xmlDocPtr d = xmlReadMemory(text, (int)strlen(text), "inline.xsl", NULL, XML_PARSE_NONET);
	xsltStylesheetPtr s = d != NULL ? xsltParseStylesheetDoc(d) : NULL;

	CHECK(s != NULL);
	if (s == NULL)
		xmlFreeDoc(d);
	return s;
}

#define SHEET_HEAD \
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>" \
	"<xsl:output method='html' encoding='UTF-8' doctype-system='about:legacy-compat' " \
	"indent='no'/><xsl:param name='base'/><xsl:param name='site-name'/>"

/* Awkward values, in the document and in literal attributes. */
static void
awkward_pages(void)
{
	static const char input[] =
	    "<p><both>He said \"it's\" &amp; left</both><dq>a \"quoted\" word</dq>"
	    "<sq>it's</sq><markup>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; 5 &gt; 3</markup>"
	    "<uri>/jubao/status?ticket=1 2&amp;x=\"y\"&lt;z&gt;#frag 举报</uri>"
	    "<cn>举报人身份信息严格保密</cn><tab>a\tb\nc</tab></p>";
	static const char sheet[] = SHEET_HEAD
	    "<xsl:template match='/'><html lang='zh-CN'><head><title>t</title>"
	    "<script src='{$base}/static/jubao.js' defer='defer'></script>"
	    "<link rel='stylesheet' href='{$base}/static/jubao.css'/></head><body>"
	    "<p class='{p/both}' title='{p/dq}' data-x='{p/sq}'><xsl:value-of select='p/markup'/></p>"
	    "<a href='{p/uri}' name='{p/uri}' title='{p/uri}'>link</a>"
	    "<form action='{$base}/submit?x={p/cn}'><input type='checkbox' checked='checked' "
	    "required='required' disabled='disabled' name='{p/cn}'/>"
	    "<select multiple='multiple'><option selected='selected' value=''>x</option>"
	    "<option value='{p/both}'></option></select>"
	    "<textarea name='t' readonly='readonly'></textarea><img src='{p/uri}' alt=''/>"
	    "<br/><hr/><input type='hidden' value='{p/markup}'/></form>"
	    "<p></p><span></span><div></div><ul><li></li></ul><ol><li/></ol><table><tr><td></td>"
	    "</tr></table><dl><dt></dt><dd></dd></dl><pre><xsl:value-of select='p/tab'/></pre>"
	    "<h1><xsl:value-of select='p/cn'/></h1><em></em><label for='x'></label>"
	    "<section class='s'></section><nav></nav><main></main><time></time>"
	    "</body></html></xsl:template></xsl:stylesheet>";
	xsltStylesheetPtr s = sheet_from(sheet);
	xmlDocPtr doc = xmlReadMemory(input, (int)strlen(input), "in.xml", NULL, XML_PARSE_NONET);

	CHECK(doc != NULL);
	if (s != NULL && doc != NULL)
		CHECK(compare(s, doc, "awkward page") == HTMLOUT_OK);
	xmlFreeDoc(doc);
	if (s != NULL)
		xsltFreeStylesheet(s);
}

/* Trees it was not written for are refused, so that the caller falls back to libxml2. */
static void
refusals(void)
{
	static const char input[] = "<p><cr>a&#13;b</cr></p>";
	static const char *const bodies[] = {
		"<xsl:comment>note</xsl:comment>",
		"<xsl:processing-instruction name='x'>y</xsl:processing-instruction>",
		"<p><xsl:value-of select='p/cr'/></p>",
		"<p title='{p/cr}'>x</p>",
		"<svg xmlns='http://www.w3.org/2000/svg'><g/></svg>",
		"<script>var a = 1 &lt; 2;</script>",
		"<a href=' /leading-space'>x</a>",
	};
	xmlDocPtr doc = xmlReadMemory(input, (int)strlen(input), "in.xml", NULL, XML_PARSE_NONET);
	char sheet[1024];
	size_t i;

	CHECK(doc != NULL);
	for (i = 0; doc != NULL && i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		xsltStylesheetPtr s;

		snprintf(sheet, sizeof(sheet), SHEET_HEAD "<xsl:template match='/'><html><body>%s"
		    "</body></html></xsl:template></xsl:stylesheet>", bodies[i]);
		if ((s = sheet_from(sheet)) == NULL)
			continue;
		if (compare(s, doc, bodies[i]) != HTMLOUT_UNSUPPORTED) {
			fprintf(stderr, "not refused: %s\n", bodies[i]);
			CHECK(false);
		}
		xsltFreeStylesheet(s);
	}
	xmlFreeDoc(doc);
}

/* The platform's own stylesheets take the fast writer (their output settings allow it), and a
 * page rendered through lib/render.c is the page libxml2 would have written. */
static void
render_uses_it(void)
{
	static const char *const names[] = { "pages.xsl", "status.xsl", "submit.xsl", "admin.xsl" };
	static struct render r;             /* large: its page cache */
	struct config cfg;
	xmlChar *html = NULL;
	xmlNodePtr root;
	xmlDocPtr doc;
	int len = 0;
	size_t i;

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.xslt_dir, sizeof(cfg.xslt_dir), "%s/xslt", JUBAO_SRC_DIR);
	snprintf(cfg.url_prefix, sizeof(cfg.url_prefix), "/jubao");
	snprintf(cfg.site_name, sizeof(cfg.site_name), "省工业和信息化厅");
	render_init(&r, &cfg, names, 4);
	for (i = 0; i < 4; i++)
		CHECK(r.plain_html[i]);
	doc = xml_doc("error", &root);
	xml_attr(root, "status", "404");
	xml_add(root, "message", "页面不存在 <&> \"'");
	CHECK(render_doc(&r, 0, doc, false, false, &html, &len) == 0);
	CHECK(html != NULL && strstr((char *)html, "页面不存在 &lt;&amp;&gt; \"'") != NULL);
	CHECK(html != NULL && strncmp((char *)html, "<!DOCTYPE html>\n<html", 21) == 0);
	xmlFree(html);
	xmlFreeDoc(doc);
	render_free(&r);
}

int
main(void)
{
	xmlInitParser();
	every_sample();
	awkward_pages();
	refusals();
	render_uses_it();           /* last: it forbids libxslt and libxml2 to read files */
	xsltCleanupGlobals();
	xmlCleanupParser();
	return unit_done();
}
