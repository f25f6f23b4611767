/*
 * qr: a text as a QR code (libqrencode), for XSLT to draw as SVG. The receipt carries the status
 * page's address with the ticket (never the query code) so that a phone opens the lookup with
 * the ticket filled in.
 */
#ifndef JUBAO_QR_H
#define JUBAO_QR_H

#include <libxml/tree.h>

/* Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
#define QR_QUIET 4

/* Add <name size="S" text="…"><path d="…"/></name> to parent: text encoded as 8-bit data at
 * error correction level M; S is the symbol's width plus the quiet zone on both sides, and d
 * draws the dark modules as horizontal runs of unit height in a 0 0 S S view box. 0 ok, -1
 * when the text cannot be encoded (nothing added). */
int qr_xml(xmlNodePtr parent, const char *name, const char *text);

#endif
