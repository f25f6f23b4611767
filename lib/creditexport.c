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

/*
 * The data items of a 行政处罚 record of the 双公示 standard (全国信用信息共享平台, 信用中国), in
 * the standard's order, with their codes and whether the standard requires them. No copy of
 * the standard's own text was found to check against (README, "The credit push"): names,
 * codes, order and required-ness are those of the public implementations that exchange these
 * records with the credit platforms (entity classes and table definitions of 信用 systems, a
 * sample record of a city platform's API), which agree with each other. An item our data has
 * no value for is written as <ITEM missing="1"/> when required, and left out when optional.
 * The names are the items' names in the standard, kept here as its specification.
 */
enum credit_item {
	CI_XDR_MC, CI_XDR_LB, CI_XDR_SHXYM, CI_XDR_GSZC, CI_XDR_ZZJG, CI_XDR_SWDJ, CI_XDR_SYDW,
	CI_XDR_SHZZ, CI_FRDB, CI_FR_ZJLX, CI_FR_ZJHM, CI_XDR_ZJLX, CI_XDR_ZJHM, CI_WSH, CI_WFXW,
	CI_SY, CI_YJ, CI_CFLB, CI_NR, CI_NR_FK, CI_NR_WFFF, CI_NR_ZKDX, CI_JDRQ, CI_YXQ, CI_GSJZQ,
	CI_CFJG, CI_CFJGDM, CI_SJLY, CI_SJLYDM, CI_BZ, CI__MAX
};

static const struct {
	const char *code, *name;
	bool        required;
} credit_items[CI__MAX] = {
	[CI_XDR_MC]    = { "CF_XDR_MC", "行政相对人名称", true },
	[CI_XDR_LB]    = { "CF_XDR_LB", "行政相对人类别", true },
	/* optional in the standard for every kind of party, but for 法人及非法人组织 (every
	 * record here) the key the platform files a record under: flagged when missing */
	[CI_XDR_SHXYM] = { "CF_XDR_SHXYM", "统一社会信用代码", true },
	[CI_XDR_GSZC]  = { "CF_XDR_GSZC", "工商注册号", false },
	[CI_XDR_ZZJG]  = { "CF_XDR_ZZJG", "组织机构代码", false },
	[CI_XDR_SWDJ]  = { "CF_XDR_SWDJ", "税务登记号", false },
	[CI_XDR_SYDW]  = { "CF_XDR_SYDW", "事业单位证书号", false },
	[CI_XDR_SHZZ]  = { "CF_XDR_SHZZ", "社会组织登记证号", false },
	[CI_FRDB]      = { "CF_FRDB", "法定代表人", false },
	[CI_FR_ZJLX]   = { "CF_FR_ZJLX", "法定代表人证件类型", false },
	[CI_FR_ZJHM]   = { "CF_FR_ZJHM", "法定代表人证件号码", false },
	[CI_XDR_ZJLX]  = { "CF_XDR_ZJLX", "证件类型", false },
	[CI_XDR_ZJHM]  = { "CF_XDR_ZJHM", "证件号码", false },
	[CI_WSH]       = { "CF_WSH", "行政处罚决定书文号", true },
	[CI_WFXW]      = { "CF_WFXW", "违法行为类型", true },
	[CI_SY]        = { "CF_SY", "违法事实", true },
	[CI_YJ]        = { "CF_YJ", "处罚依据", true },
	[CI_CFLB]      = { "CF_CFLB", "处罚类别", true },
	[CI_NR]        = { "CF_NR", "处罚内容", true },
	[CI_NR_FK]     = { "CF_NR_FK", "罚款金额（万元）", false },
	[CI_NR_WFFF]   = { "CF_NR_WFFF", "没收违法所得、没收非法财物的金额（万元）", false },
	[CI_NR_ZKDX]   = { "CF_NR_ZKDX", "暂扣或吊销证照名称及编号", false },
	[CI_JDRQ]      = { "CF_JDRQ", "处罚决定日期", true },
	[CI_YXQ]       = { "CF_YXQ", "处罚有效期", true },
	[CI_GSJZQ]     = { "CF_GSJZQ", "公示截止期", false },
	[CI_CFJG]      = { "CF_CFJG", "处罚机关", true },
	[CI_CFJGDM]    = { "CF_CFJGDM", "处罚机关统一社会信用代码", true },
	[CI_SJLY]      = { "CF_SJLY", "数据来源单位", true },
	[CI_SJLYDM]    = { "CF_SJLYDM", "数据来源单位统一社会信用代码", true },
	[CI_BZ]        = { "BZ", "备注", false },
};

/* 处罚类别 per list, in the words of 行政处罚法 (2021) art. 9. */
static const char *
penalty_kind(const char *list)
{
	if (strcmp(list, "elimination") == 0)
		return "其他（责令淘汰落后设备、生产线）";
	return "责令关闭";
}

/* The data items of one record (README: the mapping); the others stay "". */
static int
record_items(xmlTextWriterPtr w, const struct late_row *r)
{
	int t = list_type_from_code(r->type);
	char kind[160], content[3400], note[200];
	const char *v[CI__MAX];
	size_t i;

	for (i = 0; i < CI__MAX; i++)
		v[i] = "";
	snprintf(kind, sizeof(kind), "逾期未退出（%s）", t >= 0 ? list_defs[t].label : r->type);
	snprintf(content, sizeof(content), "%s（限期%s前退出，逾期未完成）", r->requirement,
	    r->deadline);
	snprintf(note, sizeof(note), "公示编号 %lld；退出期限 %s", (long long)r->id, r->deadline);
	v[CI_XDR_MC] = r->enterprise;
	v[CI_XDR_LB] = "法人及非法人组织";        /* the lists name enterprises */
	v[CI_XDR_SHXYM] = r->credit_code;
	v[CI_WFXW] = kind;
	v[CI_SY] = r->facts[0] != '\0' ? r->facts : r->equipment;
	v[CI_YJ] = r->legal_basis;
	v[CI_CFLB] = penalty_kind(r->type);
	v[CI_NR] = content;
	v[CI_JDRQ] = r->noticed;
	v[CI_CFJG] = v[CI_SJLY] = r->dept;
	v[CI_CFJGDM] = v[CI_SJLYDM] = r->dept_code;
	v[CI_BZ] = note;
	for (i = 0; i < CI__MAX; i++)
		if ((v[i][0] != '\0' || credit_items[i].required) &&
		    item(w, credit_items[i].code, v[i]) < 0)
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
