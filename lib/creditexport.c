/* creditexport: see creditexport.h. */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "creditexport.h"
#include "lists.h"
#include "log.h"
#include "queries.h"

#define CREDIT_CHUNK 500        /* rows per statement: Q_CREDIT_LATE's LIMIT */

/* One row of Q_CREDIT_LATE. Fixed members, no arena: a chunk at a time goes through it. */
struct late_row {
	int64_t id;
	char type[16], enterprise[801], credit_code[19], region[7], facts[65536];
	char equipment[1601], legal_basis[3201], requirement[3201], deadline[11], noticed[11];
	char dept[401], dept_code[19];
};

#define T(m) COL_TEXT(struct late_row, m)
static const struct dbc late_cols[] = {
	COL_I64(struct late_row, id), T(type), T(enterprise), T(credit_code), T(region), T(facts),
	T(equipment), T(legal_basis), T(requirement), COL_DATE(struct late_row, deadline),
	COL_DATE(struct late_row, noticed), T(dept), T(dept_code),
};
#undef T
static const struct db_loader late_loader = DB_LOADER(struct late_row, late_cols);

/* 处罚类别 per list, in the words of 行政处罚法 (2021) art. 9. */
static const char *
penalty_kind(const char *list)
{
	if (strcmp(list, "elimination") == 0)
		return "其他（责令淘汰落后设备、生产线）";
	return "责令关闭";
}

struct credit_arg {
	xmlTextWriterPtr w;
	int64_t          last;
	unsigned long    rows, total;
	bool             failed;
};

/* <name>text</name>, escaped by the writer; an empty value: <name missing="1"/>. */
static int
item(xmlTextWriterPtr w, const char *name, const char *text)
{
	if (text[0] != '\0')
		return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text) < 0 ? -1 : 0;
	if (xmlTextWriterStartElement(w, BAD_CAST name) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "missing", BAD_CAST "1") < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

static int
record_start(xmlTextWriterPtr w, const struct late_row *r)
{
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)r->id);
	if (xmlTextWriterStartElement(w, BAD_CAST "record") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "entry", BAD_CAST id) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "list", BAD_CAST r->type) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "region", BAD_CAST r->region) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "deadline", BAD_CAST r->deadline) < 0)
		return -1;
	return 0;
}

/* The data items of one record (README: the mapping). */
static int
record_items(xmlTextWriterPtr w, const struct late_row *r)
{
	int t = list_type_from_code(r->type);
	char kind[160], content[3400], note[200];

	snprintf(kind, sizeof(kind), "逾期未退出（%s）", t >= 0 ? list_defs[t].label : r->type);
	snprintf(content, sizeof(content), "%s（限期%s前退出，逾期未完成）", r->requirement,
	    r->deadline);
	snprintf(note, sizeof(note), "公示编号 %lld；退出期限 %s", (long long)r->id, r->deadline);
	if (item(w, "CF_XDR_MC", r->enterprise) < 0 ||
	    item(w, "CF_XDR_LB", "法人及非法人组织") < 0 ||
	    item(w, "CF_XDR_SHXYM", r->credit_code) < 0 || item(w, "CF_WFXW", kind) < 0 ||
	    item(w, "CF_SY", r->facts[0] != '\0' ? r->facts : r->equipment) < 0 ||
	    item(w, "CF_YJ", r->legal_basis) < 0 || item(w, "CF_CFLB", penalty_kind(r->type)) < 0 ||
	    item(w, "CF_NR", content) < 0 || item(w, "CF_JDRQ", r->noticed) < 0 ||
	    item(w, "CF_CFJG", r->dept) < 0 || item(w, "CF_CFJGDM", r->dept_code) < 0 ||
	    item(w, "CF_SJLY", r->dept) < 0 || item(w, "CF_SJLYDM", r->dept_code) < 0 ||
	    item(w, "BZ", note) < 0)
		return -1;
	return 0;
}

static int
record_xml(void *arg, void *row)
{
	struct credit_arg *a = arg;
	const struct late_row *r = row;

	a->last = r->id;
	a->rows++;
	if (record_start(a->w, r) < 0 || record_items(a->w, r) < 0 ||
	    xmlTextWriterEndElement(a->w) < 0) {
		a->failed = true;
		return 1;
	}
	a->total++;
	return 0;
}

static int
document_start(xmlTextWriterPtr w, const char *today, const char *area)
{
	if (xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "credit-push") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "standard",
	    BAD_CAST "双公示 行政处罚信息数据项") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "date", BAD_CAST today) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "area", BAD_CAST area) < 0)
		return -1;
	return 0;
}

/* The records, a chunk at a time, each chunk after the last id of the one before. */
static int
records(struct db *db, const char *today, const char *like, struct credit_arg *a)
{
	static struct late_row row;
	struct dbp p[3];
	bool found;
	int rc;

	do {
		a->rows = 0;
		p[0] = P_TEXT(today);
		p[1] = P_TEXT(like);
		p[2] = P_INT(a->last);
		rc = db_load(db, Q_CREDIT_LATE, p, 3, &late_loader, NULL, &row, record_xml, a,
		    &found);
	} while (rc == DB_OK && !a->failed && a->rows == CREDIT_CHUNK);
	return rc;
}

int
credit_export(struct db *db, const char *today, const char *area, xmlOutputBufferPtr out,
    unsigned long *n)
{
	struct credit_arg a = { NULL, 0, 0, 0, false };
	char like[8], total[24];
	int rc;

	*n = 0;
	snprintf(like, sizeof(like), "%.6s%%", area);
	if ((a.w = xmlNewTextWriter(out)) == NULL) {
		(void)xmlOutputBufferClose(out);
		log_err("credit export: no writer");
		return DB_FAIL;
	}
	if (document_start(a.w, today, area) < 0)
		a.failed = true;
	rc = a.failed ? DB_FAIL : records(db, today, like, &a);
	snprintf(total, sizeof(total), "%lu", a.total);
	if (rc == DB_OK && !a.failed && (xmlTextWriterWriteElement(a.w, BAD_CAST "total",
	    BAD_CAST total) < 0 || xmlTextWriterEndDocument(a.w) < 0 || xmlTextWriterFlush(a.w) < 0))
		a.failed = true;
	xmlFreeTextWriter(a.w);
	if (rc == DB_OK && a.failed) {
		log_err("credit export: the document could not be written");
		rc = DB_FAIL;
	}
	*n = a.total;
	return rc;
}
