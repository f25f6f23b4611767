/* lists_items: the failed items of a rectification (黄牌) or forced-exit (红牌) draft: the
 * measured value against the standard's limit, and the standard's number; added one at a
 * time, removed from a draft only (a published entry is changed by withdrawing it). */
#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "publish.h"
#include "queries.h"

#define ITEMS_MAX 50

/* The entry, if the user's department may change its items: 0, else answered. */
static int
item_entry(struct page *pg, struct lentry *e)
{
	int rc = lentry_load(pg, fnum(pg, IT_ID), e);

	if (rc < 0) {
		db_unavailable(pg);
		return -1;
	}
	if (rc == 0 || lentry_access(pg, e) == LA_NONE) {
		pg->errors = 0;
		console_error(pg, 404, "条目不存在，或不在您的辖区内。");
		return -1;
	}
	if (lentry_access(pg, e) != LA_OWN || e->st != E_DRAFT ||
	    !(list_defs[e->type].shown & (1u << LF_ITEMS))) {
		(void)console_audit(pg, "refused", 0, lists_printf(pg->c, "items of entry %lld",
		    (long long)e->id));
		pg->errors = 0;
		lists_entry_page(pg, e->id, e->st != E_DRAFT ? 409 : 403, e->st != E_DRAFT ?
		    "只有草稿可以修改不达标项目。" : "只有条目所属部门的信息公开人员可以修改。");
		return -1;
	}
	return 0;
}

/* The fields of an added item, each named when missing. */
static bool
item_fields(struct page *pg)
{
	static const int need[] = { IT_ITEM, IT_MEASURED, IT_LIMIT, IT_STANDARD };
	size_t i;

	for (i = 0; i < NELEM(need); i++)
		if (pg->f[need[i]].value == NULL) {
			form_fail(&pg->f[need[i]], item_keys[need[i]].message);
			pg->errors++;
		}
	return pg->errors == 0;
}

static int
item_once(struct page *pg, const struct lentry *e, bool add)
{
	struct ctx *c = pg->c;
	struct dbp p[6];
	int rc, q = add ? Q_LIST_ITEM_INSERT : Q_LIST_ITEM_DELETE;

	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	p[0] = P_INT(e->id);
	if (add) {
		p[1] = P_TEXT(fv(pg, IT_ITEM));
		p[2] = P_TEXT(fv(pg, IT_MEASURED));
		p[3] = P_TEXT(fv(pg, IT_LIMIT));
		p[4] = P_TEXT(fv(pg, IT_STANDARD));
		p[5] = P_INT(e->id);
	} else
		p[1] = P_INT(fnum(pg, IT_SEQ));
	if ((rc = db_run(&c->db, q, p, add ? 6 : 2)) != DB_OK)
		goto rollback;
	if (db_affected(&c->db, q) != 1) {
		rc = DB_FAIL;
		goto rollback;
	}
	if ((rc = console_audit(pg, "list_item", 0, lists_printf(c, "entry %lld: %s %.200s",
	    (long long)e->id, add ? "add" : "remove", add ? fv(pg, IT_ITEM) :
	    fv(pg, IT_SEQ)))) != DB_OK)
		goto rollback;
	if ((rc = db_commit(&c->db)) == DB_OK)
		return DB_OK;
rollback:
	db_rollback(&c->db);
	return rc;
}

void
lists_item_post(struct page *pg)
{
	struct lentry e;
	const char *action = fv(pg, IT_ACTION);
	bool add = action != NULL && strcmp(action, "add") == 0;
	int64_t n = 0;
	int rc = DB_RETRY, attempt;
	char path[64];

	if (action == NULL || pg->f[IT_ID].error != NULL) {
		pg->errors = 0;
		console_error(pg, 400, "请求无效。");
		return;
	}
	if (item_entry(pg, &e) != 0)
		return;
	if ((add && !item_fields(pg)) || (!add && fv(pg, IT_SEQ) == NULL) || pg->errors > 0) {
		lists_entry_page(pg, e.id, 400, "请检查标出的内容。");
		return;
	}
	if (add && ((rc = lists_item_count(pg, e.id, &n)) != DB_OK || n >= ITEMS_MAX)) {
		if (rc != DB_OK)
			db_unavailable(pg);
		else
			lists_entry_page(pg, e.id, 409, "不达标项目最多50项。");
		return;
	}
	for (attempt = 0, rc = DB_RETRY; attempt < 3 && rc == DB_RETRY; attempt++)
		rc = item_once(pg, &e, add);
	if (rc == DB_FAIL && !add) {
		lists_entry_page(pg, e.id, 409, "该项目不存在或已删除。");
		return;
	}
	if (rc != DB_OK) {
		db_unavailable(pg);
		return;
	}
	(void)publish_after_change(pg->c, (enum list_type)e.type, e.id);
	snprintf(path, sizeof(path), "/admin/lists/entry?id=%lld", (long long)e.id);
	app_redirect(pg->c, path);
}
