/* render: see render.h. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>

#include "crypto.h"
#include "htmlout.h"
#include "log.h"
#include "render.h"

/* After start-up no document may be loaded from anywhere: answers are built in memory. */
static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Does the sheet (with what it imports) write html in UTF-8 without indenting? Then
 * lib/htmlout.c writes its results as libxslt would; a replaced portal.xsl with other output
 * settings keeps libxslt's serialiser. */
static bool
plain_html_output(xsltStylesheetPtr style)
{
	const xmlChar *method, *method_uri, *encoding;
	int indent;

	XSLT_GET_IMPORT_PTR(method, style, method)
	XSLT_GET_IMPORT_PTR(method_uri, style, methodURI)
	XSLT_GET_IMPORT_PTR(encoding, style, encoding)
	XSLT_GET_IMPORT_INT(indent, style, indent)
	return method != NULL && method_uri == NULL && xmlStrEqual(method, BAD_CAST "html") &&
	    encoding != NULL && xmlStrcasecmp(encoding, BAD_CAST "UTF-8") == 0 && indent == 0;
}

static xmlExternalEntityLoader default_loader;     /* libxml2's, before refuse_entity */

void
render_init(struct render *r, const struct config *cfg, const char *const *names, size_t n)
{
	xsltSecurityPrefsPtr sec;
	char path[512];
	size_t i;

	xmlInitParser();
	LIBXML_TEST_VERSION;
	memset(r, 0, sizeof(*r));
	r->cfg = cfg;
	r->nsheets = n;
	if ((r->sheets = calloc(n, sizeof(*r->sheets))) == NULL ||
	    (r->plain_html = calloc(n, sizeof(*r->plain_html))) == NULL)
		log_fatal("render: out of memory");
	for (i = 0; i < n; i++) {
		if (snprintf(path, sizeof(path), "%s/%s", cfg->xslt_dir, names[i]) >=
		    (int)sizeof(path))
			log_fatal("render: path too long: %s", names[i]);
		if ((r->sheets[i] = xsltParseStylesheetFile((const xmlChar *)path)) == NULL)
			log_fatal("render: cannot compile %s", path);
		r->plain_html[i] = plain_html_output(r->sheets[i]);
	}
	/* Imports are read while compiling; from now on nothing is. */
	if ((sec = xsltNewSecurityPrefs()) == NULL ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) != 0)
		log_fatal("render: cannot set XSLT security preferences");
	xsltSetDefaultSecurityPrefs(sec);
	if (default_loader == NULL)
		default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(refuse_entity);
}

size_t
render_add(struct render *r, const char *name)
{
	xsltSecurityPrefsPtr sec = xsltGetDefaultSecurityPrefs();
	xsltStylesheetPtr style;
	char path[512];
	void *p;

	if (snprintf(path, sizeof(path), "%s/%s", r->cfg->xslt_dir, name) >= (int)sizeof(path))
		return SIZE_MAX;
	/* Reading is allowed again only while this sheet and its imports compile. */
	xsltSetDefaultSecurityPrefs(NULL);
	xmlSetExternalEntityLoader(default_loader);
	style = xsltParseStylesheetFile((const xmlChar *)path);
	xmlSetExternalEntityLoader(refuse_entity);
	xsltSetDefaultSecurityPrefs(sec);
	if (style == NULL) {
		log_err("render: cannot compile %s", path);
		return SIZE_MAX;
	}
	if ((p = realloc(r->sheets, (r->nsheets + 1) * sizeof(*r->sheets))) == NULL)
		log_fatal("render: out of memory");
	r->sheets = p;
	if ((p = realloc(r->plain_html, (r->nsheets + 1) * sizeof(*r->plain_html))) == NULL)
		log_fatal("render: out of memory");
	r->plain_html = p;
	r->sheets[r->nsheets] = style;
	r->plain_html[r->nsheets] = plain_html_output(style);
	return r->nsheets++;
}

void
render_free(struct render *r)
{
	size_t i;

	for (i = 0; i < RENDER_CACHE_SLOTS; i++)
		xmlFree(r->cache[i].html);
	for (i = 0; i < r->nsheets; i++)
		if (r->sheets[i] != NULL)
			xsltFreeStylesheet(r->sheets[i]);
	free(r->sheets);
	free(r->plain_html);
	r->sheets = NULL;
	r->plain_html = NULL;
	xsltFreeSecurityPrefs(xsltGetDefaultSecurityPrefs());
	xsltSetDefaultSecurityPrefs(NULL);
	xsltCleanupGlobals();
	xmlCleanupParser();
}

static void
oom_if_null(const void *p)
{
	if (p == NULL)
		log_fatal("render: out of memory");
}

xmlDocPtr
xml_doc(const char *root, xmlNodePtr *rootp)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr n;

	oom_if_null(doc);
	n = xmlNewDocNode(doc, NULL, (const xmlChar *)root, NULL);
	oom_if_null(n);
	xmlDocSetRootElement(doc, n);
	*rootp = n;
	return doc;
}

xmlNodePtr
xml_add(xmlNodePtr parent, const char *name, const char *text)
{
	/* xmlNewTextChild escapes the content; xmlNewChild would not. */
	xmlNodePtr n = xmlNewTextChild(parent, NULL, (const xmlChar *)name,
	    (const xmlChar *)text);

	oom_if_null(n);
	return n;
}

xmlNodePtr
xml_addn(xmlNodePtr parent, const char *name, const char *text, size_t len)
{
	xmlNodePtr n = xml_add(parent, name, NULL);
	xmlNodePtr t;

	if (len > 0) {
		if (len > (size_t)INT32_MAX)
			log_fatal("render: text too long");
		t = xmlNewTextLen((const xmlChar *)text, (int)len);
		oom_if_null(t);
		xmlAddChild(n, t);
	}
	return n;
}

void
xml_attr(xmlNodePtr n, const char *name, const char *value)
{
	oom_if_null(xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value));
}

void
xml_attr_int(xmlNodePtr n, const char *name, long long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", value);
	xml_attr(n, name, buf);
}

static int render_transform(struct render *, size_t, xmlDocPtr, xmlChar **, int *);

static struct render_cached *
cache_find(struct render *r, const uint8_t key[32], size_t sheet)
{
	size_t i;

	for (i = 0; i < RENDER_CACHE_SLOTS; i++)
		if (r->cache[i].html != NULL && r->cache[i].sheet == sheet &&
		    memcmp(r->cache[i].key, key, 32) == 0)
			return &r->cache[i];
	return NULL;
}

static void
cache_put(struct render *r, const uint8_t key[32], size_t sheet, const xmlChar *html, int len)
{
	struct render_cached *slot = &r->cache[0];
	size_t i;

	if (len <= 0 || len > RENDER_CACHE_MAX)
		return;
	for (i = 1; i < RENDER_CACHE_SLOTS && slot->html != NULL; i++)
		if (r->cache[i].html == NULL || r->cache[i].used < slot->used)
			slot = &r->cache[i];
	xmlFree(slot->html);
	if ((slot->html = xmlStrndup(html, len)) == NULL)
		log_fatal("render: out of memory");
	memcpy(slot->key, key, 32);
	slot->sheet = sheet;
	slot->len = len;
	slot->used = ++r->clock;
}

/* The cache key: SHA-256 of the document as XML. */
static bool
doc_key(xmlDocPtr doc, uint8_t key[32])
{
	xmlChar *xml = NULL;
	int len = 0;
	bool ok;

	xmlDocDumpMemoryEnc(doc, &xml, &len, "UTF-8");
	ok = xml != NULL && crypto_sha256(xml, (size_t)len, key) == 0;
	xmlFree(xml);
	return ok;
}

int
render_doc(struct render *r, size_t sheet, xmlDocPtr doc, bool as_xml, bool cacheable,
    xmlChar **out, int *outlen)
{
	uint8_t key[32];
	struct render_cached *hit;
	bool keyed = false;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (as_xml) {
		xmlDocDumpFormatMemoryEnc(doc, out, outlen, "UTF-8", 1);
		return *out != NULL ? 0 : -1;
	}
	if (sheet >= r->nsheets)
		return -1;
	if (cacheable && (keyed = doc_key(doc, key)) && (hit = cache_find(r, key, sheet)) != NULL) {
		if ((*out = xmlStrndup(hit->html, hit->len)) == NULL)
			log_fatal("render: out of memory");
		*outlen = hit->len;
		hit->used = ++r->clock;
		return 0;
	}
	rc = render_transform(r, sheet, doc, out, outlen);
	if (rc == 0 && keyed)
		cache_put(r, key, sheet, *out, *outlen);
	return rc;
}

static int
render_transform(struct render *r, size_t sheet, xmlDocPtr doc, xmlChar **out, int *outlen)
{
	xsltTransformContextPtr tctx = NULL;
	xmlDocPtr res = NULL;
	const char *params[] = { "base", r->cfg->url_prefix, "site-name", r->cfg->site_name,
	    "hotline", r->cfg->hotline, NULL };
	int rc = -1;

	if ((tctx = xsltNewTransformContext(r->sheets[sheet], doc)) == NULL)
		goto fail;
	/* Quoted as strings, so a site name with a quote in it is text, not XPath. */
	if (xsltQuoteUserParams(tctx, params) != 0)
		goto fail;
	if ((res = xsltApplyStylesheetUser(r->sheets[sheet], doc, NULL, NULL, NULL, tctx)) == NULL ||
	    tctx->state != XSLT_STATE_OK)
		goto fail;
	switch (r->plain_html[sheet] ? htmlout_doc(res, out, outlen) : HTMLOUT_UNSUPPORTED) {
	case HTMLOUT_OK:
		break;
	case HTMLOUT_UNSUPPORTED:
		if (xsltSaveResultToString(out, outlen, res, r->sheets[sheet]) != 0 || *out == NULL)
			goto fail;
		break;
	default:
		goto fail;
	}
	rc = 0;
fail:
	if (rc != 0)
		log_err("render: transform failed (sheet %zu)", sheet);
	if (res != NULL)
		xmlFreeDoc(res);
	if (tctx != NULL)
		xsltFreeTransformContext(tctx);
	return rc;
}
