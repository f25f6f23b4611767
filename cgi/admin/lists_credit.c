/* lists_credit: the publisher's download of the credit push (信息推送 to 信用中国): the
 * enterprises of the publisher's area past their exit deadline, as the XML lib/creditexport.c
 * writes (the same as `jubaoctl credit-export`). Audited; nothing about a reporter. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "calendar.h"
#include "creditexport.h"
#include "log.h"

void
lists_credit_get(struct page *pg)
{
	struct ctx *c = pg->c;
	char prefix[7], today[11], detail[64];
	xmlBufferPtr buf;
	xmlOutputBufferPtr out;
	unsigned long n = 0;
	int rc;

	if (!lists_area(pg, prefix)) {
		console_error(pg, 403, "您没有访问此页面的权限。");
		return;
	}
	cal_format(cal_beijing_day(c->now), today);
	if ((buf = xmlBufferCreate()) == NULL ||
	    (out = xmlOutputBufferCreateBuffer(buf, NULL)) == NULL) {
		xmlBufferFree(buf);
		log_err("credit export: out of memory");
		console_error(pg, 500, "无法生成导出文件。");
		return;
	}
	rc = credit_export(&c->db, today, prefix, out, &n);
	snprintf(detail, sizeof(detail), "credit export %s %s: %lu", prefix, today, n);
	if (rc != DB_OK || console_audit(pg, "credit_export", 0, detail) != DB_OK) {
		xmlBufferFree(buf);
		db_unavailable(pg);
		return;
	}
	response_header(&c->resp, &c->arena,
	    "Content-Disposition: attachment; filename=\"credit-push-%s-%s.xml\"", prefix, today);
	app_send_bytes(c, 200, "application/xml; charset=utf-8", xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
}
