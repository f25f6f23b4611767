/* htmlout: see htmlout.h. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlmemory.h>

#include "htmlout.h"

struct out {
	xmlChar *buf;
	size_t   len, cap;
	int      status;            /* HTMLOUT_OK until something fails */
};

static void
put(struct out *o, const void *p, size_t n)
{
	xmlChar *grown;
	size_t cap;

	if (o->status != HTMLOUT_OK)
		return;
	if (n > o->cap - o->len) {
		cap = o->cap;
		while (n > cap - o->len) {
			if (cap > (size_t)INT32_MAX / 2) {
				o->status = HTMLOUT_NOMEM;
				return;
			}
			cap *= 2;
		}
		if ((grown = xmlRealloc(o->buf, cap)) == NULL) {
			o->status = HTMLOUT_NOMEM;
			return;
		}
		o->buf = grown;
		o->cap = cap;
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static void
puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
unsupported(struct out *o)
{
	if (o->status == HTMLOUT_OK)
		o->status = HTMLOUT_UNSUPPORTED;
}

/* ------------------------------------------------------------------ facts per name */

/* What the serialiser needs to know of an element or attribute name, from libxml2's own tables
 * (so that the rules are its rules), kept per name. Names in result trees are interned in the
 * stylesheet's dictionary, so the pointer usually finds the slot; the copy of the name makes
 * sure a reused address never answers for another name. */
#define FACT_SLOTS 256
#define FACT_NAME  24

struct fact {
	const xmlChar *key;
	char           name[FACT_NAME];
	bool           element;
	bool           empty;       /* element: void, no end tag (meta, input ...) */
	bool           save_end;    /* element: written as <x> when it has no children */
	bool           boolean;     /* attribute: written as its name alone (defer, required ...) */
};

static struct fact facts[2][FACT_SLOTS];

static const struct fact *
fact_of(const xmlChar *name, bool element)
{
	struct fact *table = facts[element], *f;
	size_t n = strlen((const char *)name), slot, probe;
	const htmlElemDesc *info;

	if (n >= FACT_NAME)
		return NULL;
	slot = ((uintptr_t)name >> 4) % FACT_SLOTS;
	for (probe = 0; probe < 8; probe++) {
		f = &table[(slot + probe) % FACT_SLOTS];
		if (f->key == name && strcmp(f->name, (const char *)name) == 0)
			return f;
		if (f->key == NULL)
			break;
	}
	/* Not known yet (or its neighbourhood is full: take the first slot over). */
	if (probe == 8)
		f = &table[slot];
	memset(f, 0, sizeof(*f));
	f->key = name;
	memcpy(f->name, name, n + 1);
	f->element = element;
	if (element) {
		if ((info = htmlTagLookup(name)) != NULL) {
			f->empty = info->empty != 0;
			f->save_end = info->saveEndTag != 0 &&
			    strcmp(info->name, "html") != 0 && strcmp(info->name, "body") != 0;
		}
	} else {
		f->boolean = htmlIsBooleanAttr(name) != 0;
	}
	return f;
}

/* ------------------------------------------------------------------ escaping */

/* Text and attribute values as libxml2 encodes them in an HTML document: &, < and > as
 * entities, UTF-8 as it is. Control characters other than tab and newline are left to
 * libxml2. */
static void
put_escaped(struct out *o, const xmlChar *s)
{
	const xmlChar *run = s;

	for (; *s != '\0'; s++) {
		const char *ent;

		switch (*s) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		default:
			if (*s < 0x20 && *s != '\t' && *s != '\n')
				unsupported(o);
			continue;
		}
		put(o, run, (size_t)(s - run));
		puts_(o, ent);
		run = s + 1;
	}
	put(o, run, (size_t)(s - run));
}

/* The attribute's value: its text children, entity-encoded as above, into a scratch out. */
static bool
attr_value(struct out *o, xmlAttrPtr a, struct out *v)
{
	xmlNodePtr t;

	v->len = 0;
	for (t = a->children; t != NULL; t = t->next) {
		if (t->type != XML_TEXT_NODE || t->content == NULL) {
			unsupported(o);
			return false;
		}
		put_escaped(v, t->content);
	}
	if (v->status != HTMLOUT_OK) {
		o->status = v->status;
		return false;
	}
	put(v, "", 1);
	v->len--;
	return o->status == HTMLOUT_OK;
}

/* A URI attribute (href, action, src; name on <a>) is also %-escaped: everything but letters,
 * digits, -_.!~*'() and @/:=?;#%&,+<> becomes %XX. */
static void
put_uri_escaped(struct out *o, const xmlChar *s, size_t n)
{
	static const char keep[] = "-_.!~*'()@/:=?;#%&,+<>";
	static const char hex[] = "0123456789ABCDEF";
	char esc[3] = { '%', 0, 0 };
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		xmlChar c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    (c != '\0' && strchr(keep, c) != NULL))
			continue;
		put(o, s + run, i - run);
		esc[1] = hex[c >> 4];
		esc[2] = hex[c & 15];
		put(o, esc, 3);
		run = i + 1;
	}
	put(o, s + run, n - run);
}

/* Quoted as libxml2 quotes (xmlBufWriteQuotedString): "..." unless the value holds a double
 * quote: then '...', or "..." with &quot; when it holds both kinds. */
static void
put_quoted(struct out *o, const xmlChar *v, size_t n, bool uri)
{
	bool dq = memchr(v, '"', n) != NULL, sq = memchr(v, '\'', n) != NULL;

	if (uri) {                          /* %-escaping leaves no double quote */
		put(o, "\"", 1);
		put_uri_escaped(o, v, n);
		put(o, "\"", 1);
	} else if (!dq) {
		put(o, "\"", 1);
		put(o, v, n);
		put(o, "\"", 1);
	} else if (!sq) {
		put(o, "'", 1);
		put(o, v, n);
		put(o, "'", 1);
	} else {
		size_t i, run = 0;

		put(o, "\"", 1);
		for (i = 0; i < n; i++)
			if (v[i] == '"') {
				put(o, v + run, i - run);
				puts_(o, "&quot;");
				run = i + 1;
			}
		put(o, v + run, n - run);
		put(o, "\"", 1);
	}
}

static bool
is_uri_attr(xmlAttrPtr a)
{
	const char *n = (const char *)a->name;

	return strcmp(n, "href") == 0 || strcmp(n, "action") == 0 || strcmp(n, "src") == 0 ||
	    (strcmp(n, "name") == 0 && a->parent != NULL &&
	    strcmp((const char *)a->parent->name, "a") == 0);
}

static void
put_attrs(struct out *o, xmlAttrPtr a, struct out *scratch)
{
	const struct fact *f;

	for (; a != NULL && o->status == HTMLOUT_OK; a = a->next) {
		bool uri;

		if (a->ns != NULL || a->children == NULL || (f = fact_of(a->name, false)) == NULL) {
			unsupported(o);
			return;
		}
		put(o, " ", 1);
		puts_(o, (const char *)a->name);
		if (f->boolean)
			continue;
		if (!attr_value(o, a, scratch))
			return;
		put(o, "=", 1);
		uri = is_uri_attr(a);
		if (uri && (scratch->buf[0] == ' ' || scratch->buf[0] == '\t' ||
		    scratch->buf[0] == '\n' || scratch->buf[0] == '\r'))
			unsupported(o);             /* libxml2 drops leading blanks there */
		else
			put_quoted(o, scratch->buf, scratch->len, uri);
	}
}

/* ------------------------------------------------------------------ nodes */

static bool
raw_text_parent(xmlNodePtr n)
{
	return n != NULL && n->name != NULL && (xmlStrcasecmp(n->name, BAD_CAST "script") == 0 ||
	    xmlStrcasecmp(n->name, BAD_CAST "style") == 0);
}

static void put_nodes(struct out *, xmlNodePtr, struct out *, int);

static void
put_element(struct out *o, xmlNodePtr e, struct out *scratch, int depth)
{
	const struct fact *f;

	if (e->ns != NULL || e->nsDef != NULL || e->content != NULL ||
	    (f = fact_of(e->name, true)) == NULL) {
		unsupported(o);
		return;
	}
	put(o, "<", 1);
	puts_(o, (const char *)e->name);
	put_attrs(o, e->properties, scratch);
	if (f->empty) {
		put(o, ">", 1);
		return;
	}
	if (e->children == NULL) {
		if (f->save_end) {
			put(o, ">", 1);
		} else {
			puts_(o, "></");
			puts_(o, (const char *)e->name);
			put(o, ">", 1);
		}
		return;
	}
	put(o, ">", 1);
	put_nodes(o, e->children, scratch, depth + 1);
	puts_(o, "</");
	puts_(o, (const char *)e->name);
	put(o, ">", 1);
}

static void
put_nodes(struct out *o, xmlNodePtr n, struct out *scratch, int depth)
{
	if (depth > 256) {                  /* far deeper than any page: not worth a stack */
		unsupported(o);
		return;
	}
	for (; n != NULL && o->status == HTMLOUT_OK; n = n->next) {
		switch (n->type) {
		case XML_ELEMENT_NODE:
			put_element(o, n, scratch, depth);
			break;
		case XML_TEXT_NODE:
			if (n->name != xmlStringText || raw_text_parent(n->parent))
				unsupported(o);
			else if (n->content != NULL)
				put_escaped(o, n->content);
			break;
		case XML_DTD_NODE:
			break;              /* written from doc->intSubset */
		default:
			unsupported(o);
		}
	}
}

/* libxml2 2.9 writes the doctype of doctype-system="about:legacy-compat" as <!DOCTYPE html>. */
static void
put_doctype(struct out *o, xmlDtdPtr dtd)
{
	if (dtd->ExternalID != NULL || dtd->name == NULL || (dtd->SystemID != NULL &&
	    strcmp((const char *)dtd->SystemID, "about:legacy-compat") != 0)) {
		unsupported(o);
		return;
	}
	puts_(o, "<!DOCTYPE ");
	puts_(o, (const char *)dtd->name);
	puts_(o, ">\n");
}

int
htmlout_doc(xmlDocPtr doc, xmlChar **out, int *len)
{
	struct out o = { NULL, 0, 8192, HTMLOUT_OK }, scratch = { NULL, 0, 512, HTMLOUT_OK };

	*out = NULL;
	*len = 0;
	if (htmlSetMetaEncoding(doc, BAD_CAST "UTF-8") != 0)
		return HTMLOUT_UNSUPPORTED;
	if ((o.buf = xmlMalloc(o.cap)) == NULL || (scratch.buf = xmlMalloc(scratch.cap)) == NULL) {
		xmlFree(o.buf);
		return HTMLOUT_NOMEM;
	}
	if (doc->intSubset != NULL)
		put_doctype(&o, doc->intSubset);
	put_nodes(&o, doc->children, &scratch, 0);
	put(&o, "\n", 1);
	put(&o, "", 1);                     /* a terminating NUL, as xmlStrndup gives */
	xmlFree(scratch.buf);
	if (o.status != HTMLOUT_OK) {
		xmlFree(o.buf);
		return o.status;
	}
	*out = o.buf;
	*len = (int)(o.len - 1);
	return HTMLOUT_OK;
}
