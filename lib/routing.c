/* routing: see routing.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "region.h"
#include "routing.h"

const struct option routing_kinds[] = {
	{ "gongxin", "工业和信息化" },
	{ "fagai", "发展改革" },
	{ "shengtai", "生态环境" },
	{ "shichang", "市场监管" },
	{ "yingji", "应急管理" },
	{ "nengyuan", "能源" },
	{ "ziran", "自然资源" },
	{ "shuiwu", "税务" },
	{ "jinrong", "金融监管" },
	{ NULL, NULL },
};

/* The order that decides which standard's rule leads (seed 004 §二 lists them so). It is
 * spelled out here rather than taken from report_standards, whose order is the form's. */
static const char *const standard_order[] = {
	"energy", "environment", "quality", "safety", "technology", "swap", "approval", "other",
};
#define NSTANDARDS (sizeof(standard_order) / sizeof(standard_order[0]))

static const char *const categories[] = {
	"violation", "backward", "false_exit", "dereliction",
};
#define NCATEGORIES (sizeof(categories) / sizeof(categories[0]))

static const char *const level_names[] = { "county", "city", "province" };
static const char *const level_labels[] = { "县级", "市级", "省级" };

const char *
routing_kind_label(const char *kind)
{
	return option_label(routing_kinds, kind);
}

bool
routing_kind_valid(const char *kind)
{
	const struct option *o;

	for (o = routing_kinds; o->value != NULL; o++)
		if (strcmp(o->value, kind) == 0)
			return true;
	return false;
}

int
routing_level_parse(const char *s)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, level_names[i]) == 0)
			return i;
	return -1;
}

const char *
routing_level_name(enum routing_level l)
{
	return (unsigned)l < 3 ? level_names[l] : "county";
}

const char *
routing_level_label(enum routing_level l)
{
	return (unsigned)l < 3 ? level_labels[l] : level_labels[0];
}

static bool
in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

static bool
all_digits(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int
routing_place(const char *region, const char *subject_type, enum routing_level level,
    char out[7])
{
	char at[7];

	if (!region_code_ok(region))
		return -1;
	memcpy(at, region, 7);
	/* About a government: the level above verifies (seed 001 §三(三)). */
	if (subject_type != NULL && strcmp(subject_type, "government") == 0)
		region_parent(at, at);
	switch (level) {
	case ROUTING_COUNTY:
		break;
	case ROUTING_CITY:
		memcpy(at + 4, "00", 2);
		break;
	case ROUTING_PROVINCE:
		memcpy(at + 2, "0000", 4);
		break;
	default:
		return -1;
	}
	memcpy(out, at, 7);
	return 0;
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static bool
rule_matches(const struct routing_rule *r, const struct routing_report *rep,
    const char *standard)
{
	size_t plen = strlen(r->region_prefix);

	if (!r->enabled)
		return false;
	if (r->category[0] != '\0' && strcmp(r->category, nz(rep->category)) != 0)
		return false;
	if (r->standard[0] != '\0' && strcmp(r->standard, standard) != 0)
		return false;
	if (r->industry[0] != '\0' && strcmp(r->industry, nz(rep->industry)) != 0)
		return false;
	if (plen > 0 && (strlen(nz(rep->region)) < plen ||
	    memcmp(r->region_prefix, rep->region, plen) != 0))
		return false;
	if (r->subject_type[0] != '\0' && strcmp(r->subject_type, nz(rep->subject_type)) != 0)
		return false;
	return true;
}

static int
specificity(const struct routing_rule *r)
{
	return (r->category[0] != '\0') + (r->standard[0] != '\0') + (r->industry[0] != '\0') +
	    (r->region_prefix[0] != '\0') + (r->subject_type[0] != '\0');
}

/* Is a more specific than b (more columns set, then a longer prefix, then a lower id)? */
static bool
better(const struct routing_rule *a, const struct routing_rule *b)
{
	int sa = specificity(a), sb = specificity(b);
	size_t la, lb;

	if (sa != sb)
		return sa > sb;
	la = strlen(a->region_prefix);
	lb = strlen(b->region_prefix);
	if (la != lb)
		return la > lb;
	return a->id < b->id;
}

const struct routing_rule *
routing_best(const struct routing_table *t, const struct routing_report *rep,
    const char *standard)
{
	const struct routing_rule *best = NULL;
	size_t i;

	for (i = 0; i < t->nrules; i++)
		if (rule_matches(&t->rules[i], rep, standard) &&
		    (best == NULL || better(&t->rules[i], best)))
			best = &t->rules[i];
	return best;
}

/* The enabled department of kind at region, else at the regions above it, else NULL. */
static const struct routing_dept *
find_dept(const struct routing_table *t, const char *kind, const char *region)
{
	const struct routing_dept *found;
	char at[7];
	size_t i;

	memcpy(at, region, 7);
	for (;;) {
		found = NULL;
		for (i = 0; i < t->ndepts; i++) {
			const struct routing_dept *d = &t->depts[i];
			/* (region_code, kind) is unique in the table; the lowest id keeps a
			 * test's table with duplicates deterministic all the same. */
			if (d->enabled && strcmp(d->kind, kind) == 0 &&
			    strcmp(d->region_code, at) == 0 && (found == NULL || d->id < found->id))
				found = d;
		}
		if (found != NULL || region_level(at) == REGION_PROVINCE)
			return found;
		region_parent(at, at);
	}
}

/* Which of standard_order the report names; -1 with the offending name in bad. */
static int
parse_standards(const char *list, bool named[NSTANDARDS], char *bad, size_t badlen)
{
	const char *p = list, *end;
	size_t i, len;

	memset(named, 0, NSTANDARDS * sizeof(named[0]));
	while (*p != '\0') {
		end = strchr(p, ',');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		for (i = 0; i < NSTANDARDS; i++)
			if (strlen(standard_order[i]) == len &&
			    memcmp(standard_order[i], p, len) == 0)
				break;
		if (i == NSTANDARDS) {
			snprintf(bad, badlen, "%.*s", (int)(len > 32 ? 32 : len), p);
			return -1;
		}
		named[i] = true;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return 0;
}

#define MAX_KINDS 32

struct kindset {
	char   kinds[MAX_KINDS][17];
	size_t n;
};

/* Add each kind of a comma-separated list (blanks around names ignored, empty names skipped),
 * once. A name too long to be a kind is kept cut short: it matches no department and so shows
 * among the missing, which is what it is. */
static void
kinds_add(struct kindset *ks, const char *list)
{
	const char *p = list, *end;
	size_t len, i;
	char k[17];

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		end = strchr(p, ',');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len > 0) {
			snprintf(k, sizeof(k), "%.*s", (int)(len < 16 ? len : 16), p);
			for (i = 0; i < ks->n; i++)
				if (strcmp(ks->kinds[i], k) == 0)
					break;
			if (i == ks->n && ks->n < MAX_KINDS)
				memcpy(ks->kinds[ks->n++], k, sizeof(k));
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
}

static void
append_list(char *buf, size_t cap, const char *item)
{
	size_t len = strlen(buf);

	if (len + (len > 0) + strlen(item) + 1 > cap)
		return;
	snprintf(buf + len, cap - len, "%s%s", len > 0 ? "," : "", item);
}

int
routing_route(const struct routing_table *t, const struct routing_report *rep,
    struct routing_result *out)
{
	const struct routing_rule *best[NSTANDARDS], *lead_rule = NULL, *one;
	const struct routing_dept *d;
	struct kindset ks;
	bool named[NSTANDARDS], any = false;
	char bad[33];
	size_t i, j;

	memset(out, 0, sizeof(*out));
	memset(&ks, 0, sizeof(ks));
	if (!region_code_ok(rep->region)) {
		snprintf(out->error, sizeof(out->error), "举报的地区代码无效。");
		return -1;
	}
	if (parse_standards(nz(rep->standards), named, bad, sizeof(bad)) != 0) {
		snprintf(out->error, sizeof(out->error), "举报的标准 %s 无效。", bad);
		return -1;
	}
	for (i = 0; i < NSTANDARDS; i++) {
		best[i] = named[i] ? routing_best(t, rep, standard_order[i]) : NULL;
		any |= named[i];
		if (lead_rule == NULL && best[i] != NULL)
			lead_rule = best[i];
	}
	/* A report that names no standard is routed by the rules that ask for none. */
	if (!any && (lead_rule = routing_best(t, rep, "")) != NULL)
		kinds_add(&ks, lead_rule->coop_kinds);
	if (lead_rule == NULL) {
		snprintf(out->error, sizeof(out->error), "没有适用于该举报的移交规则。");
		return -1;
	}
	for (i = 0; i < NSTANDARDS; i++) {
		if ((one = best[i]) == NULL)
			continue;
		if (one != lead_rule)
			kinds_add(&ks, one->lead_kind);
		kinds_add(&ks, one->coop_kinds);
	}
	out->lead_rule = lead_rule->id;
	snprintf(out->lead_kind, sizeof(out->lead_kind), "%s", lead_rule->lead_kind);
	if (routing_place(rep->region, rep->subject_type, lead_rule->level, out->region) != 0) {
		snprintf(out->error, sizeof(out->error), "规则#%lld 的层级无效。",
		    (long long)lead_rule->id);
		return -1;
	}
	if ((d = find_dept(t, lead_rule->lead_kind, out->region)) == NULL) {
		snprintf(out->error, sizeof(out->error),
		    "地区 %s 及其上级没有启用的%s部门（规则#%lld）。", out->region,
		    routing_kind_label(lead_rule->lead_kind), (long long)lead_rule->id);
		return -1;
	}
	out->lead = d->id;
	for (i = 0; i < ks.n; i++) {
		if (strcmp(ks.kinds[i], lead_rule->lead_kind) == 0)
			continue;
		if ((d = find_dept(t, ks.kinds[i], out->region)) == NULL) {
			append_list(out->missing, sizeof(out->missing), ks.kinds[i]);
			continue;
		}
		for (j = 0; j < out->ncoops; j++)
			if (out->coops[j] == d->id)
				break;
		if (d->id != out->lead && j == out->ncoops && out->ncoops < ROUTING_MAX_COOPS)
			out->coops[out->ncoops++] = d->id;
	}
	return 0;
}

/* ---- validation ---- */

struct problems {
	void  (*emit)(void *, const char *);
	void   *arg;
	size_t  n;
};

static void
problem(struct problems *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
problem(struct problems *p, const char *fmt, ...)
{
	char msg[ROUTING_MSG_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->n++;
	if (p->emit != NULL)
		p->emit(p->arg, msg);
}

static bool
kind_has_dept(const struct routing_table *t, const char *kind)
{
	size_t i;

	for (i = 0; i < t->ndepts; i++)
		if (t->depts[i].enabled && strcmp(t->depts[i].kind, kind) == 0)
			return true;
	return false;
}

static void
check_kind(const struct routing_table *t, const struct routing_rule *r, const char *kind,
    struct problems *p)
{
	if (!routing_kind_valid(kind))
		problem(p, "规则#%lld 的部门类型 %s 无效", (long long)r->id, kind);
	else if (r->enabled && !kind_has_dept(t, kind))
		problem(p, "规则#%lld 指向的部门类型 %s 没有任何启用的部门", (long long)r->id,
		    kind);
}

static void
check_rule(const struct routing_table *t, const struct routing_rule *r, struct problems *p)
{
	static const char *const subject_types[] = { "enterprise", "government" };
	const char *s = r->coop_kinds, *end;
	size_t len, plen = strlen(r->region_prefix);
	char k[101];

	if (r->category[0] != '\0' && !in_list(r->category, categories, NCATEGORIES))
		problem(p, "规则#%lld 的类别 %s 无效", (long long)r->id, r->category);
	if (r->standard[0] != '\0' && !in_list(r->standard, standard_order, NSTANDARDS))
		problem(p, "规则#%lld 的标准 %s 无效", (long long)r->id, r->standard);
	if (r->subject_type[0] != '\0' && !in_list(r->subject_type, subject_types, 2))
		problem(p, "规则#%lld 的对象类型 %s 无效", (long long)r->id, r->subject_type);
	if (!all_digits(r->region_prefix, plen))
		problem(p, "规则#%lld 的地区前缀 %s 无效", (long long)r->id, r->region_prefix);
	if ((unsigned)r->level > ROUTING_PROVINCE)
		problem(p, "规则#%lld 的层级无效", (long long)r->id);
	if (r->lead_kind[0] == '\0')
		problem(p, "规则#%lld 没有牵头部门类型", (long long)r->id);
	else
		check_kind(t, r, r->lead_kind, p);
	/* Every item between commas, a trailing empty one included ("fagai,"). */
	while (r->coop_kinds[0] != '\0') {
		end = strchr(s, ',');
		len = end != NULL ? (size_t)(end - s) : strlen(s);
		/* blanks around a name are ignored, as routing_route does */
		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
		while (len > 0 && s[len - 1] == ' ')
			len--;
		snprintf(k, sizeof(k), "%.*s", (int)len, s);
		if (k[0] == '\0')
			problem(p, "规则#%lld 的协办部门类型列表「%s」有空项", (long long)r->id,
			    r->coop_kinds);
		else
			check_kind(t, r, k, p);
		if (end == NULL)
			break;
		s = end + 1;
	}
}

/* Is there an enabled rule that applies to every report of this category and standard
 * whatever its industry, region and subject? */
static bool
covered(const struct routing_table *t, const char *category, const char *standard)
{
	const struct routing_rule *r;
	size_t i;

	for (i = 0; i < t->nrules; i++) {
		r = &t->rules[i];
		if (r->enabled && r->industry[0] == '\0' && r->region_prefix[0] == '\0' &&
		    r->subject_type[0] == '\0' &&
		    (r->category[0] == '\0' || strcmp(r->category, category) == 0) &&
		    (r->standard[0] == '\0' || strcmp(r->standard, standard) == 0))
			return true;
	}
	return false;
}

size_t
routing_validate(const struct routing_table *t, void (*emit)(void *, const char *),
    void *arg)
{
	struct problems p = { emit, arg, 0 };
	size_t i, c, s;

	for (i = 0; i < t->nrules; i++)
		check_rule(t, &t->rules[i], &p);
	for (i = 0; i < t->ndepts; i++)
		if (!routing_kind_valid(t->depts[i].kind))
			problem(&p, "部门#%lld「%s」的类型 %s 无效", (long long)t->depts[i].id,
			    t->depts[i].name, t->depts[i].kind);
	for (c = 0; c < NCATEGORIES; c++)
		for (s = 0; s < NSTANDARDS; s++)
			if (!covered(t, categories[c], standard_order[s]))
				problem(&p, "类别「%s」+「%s」没有可用的移交规则",
				    option_label(report_categories, categories[c]),
				    option_label(report_standards, standard_order[s]));
	return p.n;
}
