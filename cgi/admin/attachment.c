/* attachment: an evidence file, to staff who reach its case; sent as a download, never
 * rendered inline (a PDF or picture from the public is untrusted content). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "log.h"
#include "queries.h"

struct att_row {
	int64_t report_id;
	char    name[33], mime[33];
};
static const struct dbc att_cols[] = {
	COL_I64(struct att_row, report_id), COL_TEXT(struct att_row, name),
	COL_TEXT(struct att_row, mime),
};
static const struct db_loader att_loader = DB_LOADER(struct att_row, att_cols);

/* The whole file in the request arena, or NULL. */
static char *
read_whole(struct ctx *c, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long n;
	char *buf = NULL;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = arena_alloc(&c->arena, (size_t)n + 1);
		if (fread(buf, 1, (size_t)n, f) != (size_t)n)
			buf = NULL;
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

static const char *
extension(const char *mime)
{
	return strcmp(mime, "application/pdf") == 0 ? "pdf" : strcmp(mime, "image/png") == 0 ?
	    "png" : "jpg";
}

void
attachment_get(struct page *pg)
{
	struct ctx *c = pg->c;
	struct att_row a;
	struct dbp p[1] = { P_INT(fnum(pg, ID_ID)) };
	struct kase k;
	char path[600], *buf;
	size_t len = 0;
	bool found;
	int rc = 0;

	if (db_load(&c->db, Q_ATTACHMENT_GET, p, 1, &att_loader, &c->arena, &a, NULL, NULL,
	    &found) != DB_OK || (found && (rc = kase_load(pg, a.report_id, &k)) < 0)) {
		db_unavailable(pg);
		return;
	}
	if (!found || rc == 0 || strspn(a.name, "0123456789abcdef") != 32) {
		console_error(pg, 404, "附件不存在，或不在您的职责范围内。");
		return;
	}
	snprintf(path, sizeof(path), "%s/%.2s/%s", c->cfg.attachment_dir, a.name, a.name);
	if ((buf = read_whole(c, path, &len)) == NULL) {
		log_err("attachment %s: cannot read", a.name);
		console_error(pg, 404, "附件文件缺失，请联系管理员。");
		return;
	}
	(void)console_audit(pg, "attachment", a.report_id, a.name);
	response_header(&c->resp, &c->arena,
	    "Content-Disposition: attachment; filename=\"evidence-%s.%s\"", k.ticket,
	    extension(a.mime));
	app_send_bytes(c, 200, a.mime, buf, len);
}
