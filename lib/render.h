/*
 * render: answers as XML documents, turned into HTML by XSLT.
 *
 * Stylesheets are compiled once at start-up from the configured directory; after that, libxslt
 * may not read or write files or touch the network, and libxml2 loads no external entity. Answer
 * documents are built in memory with the helpers below, which escape every text and attribute,
 * so nothing a user typed can become markup.
 */
#ifndef JUBAO_RENDER_H
#define JUBAO_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "config.h"

/*
 * Pages whose document is the same for many requests (the landing page, the channel directory,
 * a case that many lookups show unchanged) need not be transformed again: a small cache per
 * process maps the SHA-256 of the serialised document to the HTML it gave. Same input, same
 * output: nothing of one request can reach another that did not send the same document.
 */
#define RENDER_CACHE_SLOTS 128
#define RENDER_CACHE_MAX   (128 * 1024)     /* bytes of HTML worth keeping: a provincial
                                              * statistics page is ~90 KB */

struct render_cached {
	uint8_t   key[32];
	size_t    sheet;
	xmlChar  *html;
	int       len;
	uint64_t  used;
};

struct render {
	xsltStylesheetPtr *sheets;
	bool              *plain_html;      /* per sheet: lib/htmlout.c may write its results */
	size_t             nsheets;
	const struct config *cfg;
	struct render_cached cache[RENDER_CACHE_SLOTS];
	uint64_t           clock;
};

/* Compile xslt_dir/names[i] for each i. log_fatal on failure: a program without its pages is
 * no use. */
void render_init(struct render *, const struct config *, const char *const *names, size_t n);
void render_free(struct render *);
/* One more sheet after render_init (a program that also writes another's pages: the console
 * publishing the lists). Its index, or SIZE_MAX when it does not compile (logged). */
size_t render_add(struct render *, const char *name);

/* A new document with an element root; *root receives it. Free with xmlFreeDoc. */
xmlDocPtr xml_doc(const char *root, xmlNodePtr *rootp);
/* A child element with escaped text (text NULL: empty element). */
xmlNodePtr xml_add(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr xml_addn(xmlNodePtr parent, const char *name, const char *text, size_t len);
void xml_attr(xmlNodePtr, const char *name, const char *value);
void xml_attr_int(xmlNodePtr, const char *name, long long value);

/* Serialise doc as XML, or transform it with sheet; *out is malloc'ed (xmlFree). 0 ok.
 * cacheable: the page carries nothing unique to one request (no token), so its HTML may be
 * kept for the next request that brings the same document. */
int render_doc(struct render *, size_t sheet, xmlDocPtr doc, bool as_xml, bool cacheable,
    xmlChar **out, int *outlen);

#endif
