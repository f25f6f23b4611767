/*
 * stats_charts: the statistics page's charts as data, <chart kind name title unit max> with its
 * <bar>s (or <group>s of them), which xslt/admin/stats.xsl draws as SVG with the same numbers as
 * a table; and the handling quality's measures. The largest value of each chart is its max.
 */
#include <stdio.h>
#include <string.h>

#include "admin.h"

static xmlNodePtr
chart_new(xmlNodePtr parent, const char *kind, const char *name, const char *title,
    const char *unit)
{
	xmlNodePtr ch = xml_add(parent, "chart", NULL);

	xml_attr(ch, "kind", kind);
	xml_attr(ch, "name", name);
	xml_attr(ch, "title", title);
	xml_attr(ch, "unit", unit);
	return ch;
}

static void
chart_bar(xmlNodePtr parent, const char *series, const char *label, int64_t value,
    const char *note, int64_t *max)
{
	xmlNodePtr b = xml_add(parent, "bar", NULL);

	if (series != NULL)
		xml_attr(b, "series", series);
	xml_attr(b, "label", label);
	xml_attr_int(b, "value", value);
	if (note != NULL)
		xml_attr(b, "note", note);
	if (value > *max)
		*max = value;
}

void
stats_chart_trend(xmlNodePtr parent, const struct stats_row *months, size_t n)
{
	xmlNodePtr ch = chart_new(parent, "columns", "trend", "每月收到和办结的举报", "件"), g, s;
	int64_t max = 0;
	size_t i;

	s = xml_add(ch, "series", NULL);
	xml_attr(s, "name", "received");
	xml_attr(s, "label", "收到");
	s = xml_add(ch, "series", NULL);
	xml_attr(s, "name", "closed");
	xml_attr(s, "label", "办结");
	for (i = 0; i < n; i++) {
		g = xml_add(ch, "group", NULL);
		xml_attr(g, "label", months[i].key);
		chart_bar(g, "received", "收到", months[i].c[SC_RECEIVED], NULL, &max);
		chart_bar(g, "closed", "办结", months[i].c[SC_CLOSED], NULL, &max);
	}
	xml_attr_int(ch, "max", max);
}

void
stats_chart_rows(struct ctx *c, xmlNodePtr parent, const char *name, const char *title,
    const struct stats_row *r, size_t n, int k)
{
	xmlNodePtr ch = chart_new(parent, "bars", name, title, "件");
	int64_t max = 0;
	size_t i;

	for (i = 0; i < n; i++)
		chart_bar(ch, NULL, stats_key_name(c, name, r[i].key), r[i].c[k], NULL, &max);
	xml_attr_int(ch, "max", max);
}

void
stats_chart_compliance(struct ctx *c, xmlNodePtr parent, const struct stats_row *depts, size_t n)
{
	xmlNodePtr ch = chart_new(parent, "bars", "compliance", "各部门按期核查率（5个工作日内）",
	    "%");
	int64_t max = 100;
	double sh;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((sh = stats_share(SM_INSPECTED_ONTIME, depts[i].c)) < 0)
			continue;
		chart_bar(ch, NULL, depts[i].key, (int64_t)(sh * 100 + 0.5),
		    lists_printf(c, "%lld/%lld", (long long)depts[i].c[SC_INSPECTED_ONTIME],
		    (long long)depts[i].c[SC_INSPECTED]), &max);
	}
	xml_attr_int(ch, "max", max);
}

void
stats_chart_outcomes(xmlNodePtr parent, const struct stats_row *t)
{
	xmlNodePtr ch = chart_new(parent, "bars", "verdicts", "核查结论", "件");
	int64_t max = 0;
	int i;

	chart_bar(ch, NULL, "属实", t->c[SC_V_TRUE], NULL, &max);
	chart_bar(ch, NULL, "部分属实", t->c[SC_V_PARTLY], NULL, &max);
	chart_bar(ch, NULL, "不属实", t->c[SC_V_FALSE], NULL, &max);
	xml_attr_int(ch, "max", max);
	ch = chart_new(parent, "bars", "measures", "处置措施", "件");
	for (max = 0, i = 0; stats_measures[i].value != NULL; i++)
		chart_bar(ch, NULL, stats_measures[i].label, t->c[SC_M_DISMANTLE + i], NULL, &max);
	xml_attr_int(ch, "max", max);
}

void
stats_quality_xml(xmlNodePtr parent, const struct stats_row *t)
{
	xmlNodePtr q = xml_add(parent, "quality", NULL), m;
	double sh;
	int i;

	for (i = 0; i < SM__MAX; i++) {
		m = xml_add(q, "measure", NULL);
		xml_attr(m, "name", stats_measure_names[i]);
		xml_attr(m, "label", stats_measure_labels[i]);
		if ((sh = stats_share((enum stats_measure)i, t->c)) >= 0)
			xml_attr_int(m, "permille", (long long)(sh * 1000 + 0.5));
	}
}
