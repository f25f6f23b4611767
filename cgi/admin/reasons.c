/* reasons: the refusal reasons (不予受理理由) an intake officer picks from, each with the text the
 * reporter is shown by default. Administrators edit them; a reason in use is never deleted,
 * only disabled, so that old refusals keep their meaning. */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "queries.h"

static const struct option on_off[] = { { "0", "" }, { "1", "" }, { NULL, NULL } };

/* A reason's code: what the refusal records; lower-case letters, digits and _. */
static bool
reason_code_ok(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_") == len;
}

const struct form_key reason_keys[RS__MAX] = {
	[RS_CODE] = { "code", reason_code_ok, 1, 32, FORM_REQUIRED, NULL,
	    "代码应为1至32位小写字母、数字或下划线。" },
	[RS_LABEL] = { "label", NULL, 1, 100, FORM_REQUIRED, NULL, "请填写理由名称（不超过100字）。" },
	[RS_TEXT] = { "text", NULL, 1, 500, FORM_MULTILINE, NULL, "告知举报人的说明不超过500字。" },
	[RS_SORT] = { "sort", form_int, 0, 0, 0, NULL, "排序应为0至9999的整数。", 0, 9999 },
	[RS_ENABLED] = { "enabled", form_choice, 0, 0, 0, on_off, "选项无效。" },
};

struct reason_row {
	char    code[33], label[401], *text;
	int64_t sort;
	bool    enabled;
};
static const struct dbc reason_cols[] = {
	COL_TEXT(struct reason_row, code), COL_TEXT(struct reason_row, label),
	COL_STR(struct reason_row, text), COL_I64(struct reason_row, sort),
	COL_BOOL(struct reason_row, enabled),
};
static const struct db_loader reason_loader = DB_LOADER(struct reason_row, reason_cols);
/* the text for the reporter is the element's content */
static const char *const reason_names[] = { "code", "label", "", "sort", "enabled" };

static void
reasons_show(struct page *pg, int status, const char *message)
{
	xmlNodePtr root;
	xmlDocPtr doc = console_doc(pg, "reasons", &root);

	if (message != NULL)
		xml_add(root, "message", message);
	if (status == 400)
		console_form_state(pg, root);
	form_limits_xml(root, reason_keys, RS__MAX);
	if (rows_xml(pg, Q_REASONS_ALL, NULL, 0, &reason_loader, root, "reason", reason_names) !=
	    DB_OK) {
		xmlFreeDoc(doc);
		db_unavailable(pg);
		return;
	}
	app_send(pg->c, status, doc);
}

void
reasons_get(struct page *pg)
{
	reasons_show(pg, 200, NULL);
}

void
reasons_post(struct page *pg)
{
	const char *code = fv(pg, RS_CODE), *text = fv(pg, RS_TEXT), *on = fv(pg, RS_ENABLED);
	bool enabled = on != NULL && strcmp(on, "1") == 0;
	struct dbp p[5];
	char detail[80];
	int i;

	if (pg->errors > 0) {
		for (i = 0; i < RS__MAX && pg->f[i].error == NULL; i++)
			;
		reasons_show(pg, 400, pg->f[i < RS__MAX ? i : 0].error);
		return;
	}
	p[0] = P_TEXT(code);
	p[1] = P_TEXT(fv(pg, RS_LABEL));
	p[2] = P_TEXT(text != NULL ? text : "");
	p[3] = P_INT(fnum(pg, RS_SORT));
	p[4] = P_INT(enabled);
	snprintf(detail, sizeof(detail), "save %s enabled=%d", code, enabled);
	if (db_run(&pg->c->db, Q_REASON_SAVE, p, 5) != DB_OK ||
	    console_audit(pg, "reasons", 0, detail) != DB_OK) {
		db_unavailable(pg);
		return;
	}
	reasons_show(pg, 200, "已保存。");
}
