/* audit: see audit.h. */
#include <string.h>

#include "audit.h"
#include "queries.h"

/* The longest prefix of s within max bytes that ends on a character boundary. */
static size_t
utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

int
audit_write(struct db *db, const struct audit_entry *e)
{
	const char *detail = e->detail != NULL ? e->detail : "";
	size_t len = strlen(detail), cut = utf8_cut(detail, len, AUDIT_DETAIL_MAX);
	char buf[AUDIT_DETAIL_MAX + 4];
	struct dbp p[7];

	if (cut < len) {
		memcpy(buf, detail, cut);
		memcpy(buf + cut, "\xe2\x80\xa6", 3);     /* … : the detail was longer */
		buf[cut + 3] = '\0';
		detail = buf;
	}
	p[0] = P_INT(e->at);
	p[1] = e->staff_id > 0 ? P_INT(e->staff_id) : P_NULL;
	p[2] = P_OPT(e->login);
	p[3] = P_TEXT(e->action);
	p[4] = e->report_id > 0 ? P_INT(e->report_id) : P_NULL;
	p[5] = P_TEXT(detail);
	p[6] = P_TEXT(e->client != NULL ? e->client : "");
	return db_run(db, Q_AUDIT_INSERT, p, 7);
}
