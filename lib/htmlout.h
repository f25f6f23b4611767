/*
 * htmlout: writes the result tree of an XSLT transform (output method html, UTF-8, no indent)
 * as the same bytes libxml2's HTML serialiser writes for it (xsltSaveResultTo), faster.
 *
 * Why: libxml2 2.9 finds each element's HTML facts by a linear, case-insensitive scan of its
 * table, for every node, and passes every byte through an encoder; on a status page that was
 * a quarter of the rendering time. Here the facts are looked up once per name and kept, and
 * the output goes into one growing buffer.
 *
 * Only the trees the platform's stylesheets make are written: elements and attributes without
 * namespaces, text, the HTML doctype. Anything else (comments, processing instructions, CDATA,
 * text with output escaping disabled, control characters, text inside script or style ...)
 * gives HTMLOUT_UNSUPPORTED and the caller uses libxml2's serialiser instead, so the output is
 * always what libxml2 would write. tests/unit/test_htmlout.c compares the two on every sample.
 */
#ifndef JUBAO_HTMLOUT_H
#define JUBAO_HTMLOUT_H

#include <libxml/tree.h>

enum {
	HTMLOUT_OK = 0,
	HTMLOUT_UNSUPPORTED = 1,       /* a node this writer does not handle: use libxml2 */
	HTMLOUT_NOMEM = -1,
};

/* Sets the document's meta charset as libxml2 does (UTF-8), then writes it. On HTMLOUT_OK *out
 * (to free with xmlFree) holds *len bytes; otherwise *out is NULL. */
int htmlout_doc(xmlDocPtr result, xmlChar **out, int *len);

#endif
