/* qr: see qr.h. */
#include <stdio.h>
#include <stdlib.h>

#include <qrencode.h>

#include "qr.h"
#include "render.h"

/* Longest path command for one run: "M177 177h177v1h-177z". */
#define RUN_MAX 32

/* The dark modules of qr as "M x y h n v1 h -n z" runs, into a malloc'ed string. */
static char *
runs_path(const QRcode *qr)
{
	size_t cap = (size_t)qr->width * (size_t)(qr->width + 1) / 2 * RUN_MAX + 1, len = 0;
	char *d = malloc(cap);
	int x, y, start;

	if (d == NULL)
		return NULL;
	d[0] = '\0';
	for (y = 0; y < qr->width; y++) {
		for (x = 0; x < qr->width; x++) {
			if (!(qr->data[y * qr->width + x] & 1))
				continue;
			for (start = x; x < qr->width && (qr->data[y * qr->width + x] & 1); x++)
				;
			len += (size_t)snprintf(d + len, cap - len, "M%d %dh%dv1h-%dz",
			    start + QR_QUIET, y + QR_QUIET, x - start, x - start);
		}
	}
	return d;
}

int
qr_xml(xmlNodePtr parent, const char *name, const char *text)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	xmlNodePtr n;
	char *d;

	if (qr == NULL)
		return -1;
	if ((d = runs_path(qr)) == NULL) {
		QRcode_free(qr);
		return -1;
	}
	n = xml_add(parent, name, NULL);
	xml_attr_int(n, "size", qr->width + 2 * QR_QUIET);
	xml_attr(n, "text", text);
	xml_attr(xml_add(n, "path", NULL), "d", d);
	free(d);
	QRcode_free(qr);
	return 0;
}
