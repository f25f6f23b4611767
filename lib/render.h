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

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "config.h"

struct render {
	xsltStylesheetPtr *sheets;
	size_t             nsheets;
	const struct config *cfg;
};

/* Compile xslt_dir/names[i] for each i. log_fatal on failure: a program without its pages is
 * no use. */
void render_init(struct render *, const struct config *, const char *const *names, size_t n);
void render_free(struct render *);

/* A new document with an element root; *root receives it. Free with xmlFreeDoc. */
xmlDocPtr xml_doc(const char *root, xmlNodePtr *rootp);
/* A child element with escaped text (text NULL: empty element). */
xmlNodePtr xml_add(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr xml_addn(xmlNodePtr parent, const char *name, const char *text, size_t len);
void xml_attr(xmlNodePtr, const char *name, const char *value);
void xml_attr_int(xmlNodePtr, const char *name, long long value);

/* Serialise doc as XML, or transform it with sheet; *out is malloc'ed (xmlFree). 0 ok. */
int render_doc(struct render *, size_t sheet, xmlDocPtr doc, bool as_xml, xmlChar **out,
    int *outlen);

#endif
