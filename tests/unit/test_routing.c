/*
 * test_routing.c: unit tests of lib/routing.c on small tables of rules and departments written
 * in the test. The expected departments were worked out by hand from the rules in routing.h
 * (most specific rule, lead from the first standard in the fixed order, level, the level above
 * for a government, walk-up), not taken from the code's output.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "routing.h"
#include "unit.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A few departments of 吉林省 (22) and the municipality 北京 (11), whose "city" row 110100
 * (市辖区) has no departments. */
static const struct routing_dept depts[] = {
	{ .id = 1, .region_code = "220000", .kind = "gongxin", .name = "吉林省工业和信息化厅",
	  .enabled = true },
	{ .id = 2, .region_code = "220000", .kind = "fagai", .name = "吉林省发展和改革委员会",
	  .enabled = true },
	{ .id = 3, .region_code = "220000", .kind = "shengtai", .name = "吉林省生态环境厅",
	  .enabled = true },
	{ .id = 4, .region_code = "220100", .kind = "gongxin", .name = "长春市工业和信息化局",
	  .enabled = true },
	{ .id = 5, .region_code = "220100", .kind = "fagai", .name = "长春市发展和改革局",
	  .enabled = true },
	{ .id = 6, .region_code = "220102", .kind = "gongxin",
	  .name = "长春市南关区工业和信息化局", .enabled = true },
	{ .id = 7, .region_code = "220102", .kind = "shengtai", .name = "长春市南关区生态环境局",
	  .enabled = true },
	{ .id = 8, .region_code = "220100", .kind = "nengyuan", .name = "长春市能源局",
	  .enabled = true },
	{ .id = 9, .region_code = "110000", .kind = "gongxin", .name = "北京市经济和信息化局",
	  .enabled = true },
	{ .id = 10, .region_code = "110000", .kind = "fagai", .name = "北京市发展和改革委员会",
	  .enabled = true },
	/* disabled: the walk-up passes it by */
	{ .id = 11, .region_code = "220102", .kind = "fagai", .name = "长春市南关区发展和改革局",
	  .enabled = false },
	{ .id = 12, .region_code = "220000", .kind = "shichang", .name = "吉林省市场监督管理局",
	  .enabled = true },
	{ .id = 13, .region_code = "220000", .kind = "yingji", .name = "吉林省应急管理厅",
	  .enabled = true },
	{ .id = 14, .region_code = "220102", .kind = "yingji", .name = "长春市南关区应急管理局",
	  .enabled = true },
};

/* The default table of sql/006_console.sql. */
static const struct routing_rule seed_rules[] = {
	{ .id = 1, .standard = "energy", .lead_kind = "gongxin", .coop_kinds = "fagai",
	  .enabled = true },
	{ .id = 2, .standard = "environment", .lead_kind = "shengtai", .enabled = true },
	{ .id = 3, .standard = "quality", .lead_kind = "shichang", .enabled = true },
	{ .id = 4, .standard = "safety", .lead_kind = "yingji", .enabled = true },
	{ .id = 5, .standard = "technology", .lead_kind = "gongxin",
	  .coop_kinds = "fagai,nengyuan", .enabled = true },
	{ .id = 6, .standard = "swap", .lead_kind = "gongxin", .coop_kinds = "fagai",
	  .enabled = true },
	{ .id = 7, .standard = "approval", .lead_kind = "fagai", .coop_kinds = "gongxin",
	  .enabled = true },
	{ .id = 8, .lead_kind = "gongxin", .enabled = true },
	{ .id = 9, .industry = "coal", .lead_kind = "nengyuan", .coop_kinds = "gongxin",
	  .enabled = true },
	{ .id = 10, .industry = "coal_power", .lead_kind = "nengyuan", .coop_kinds = "fagai",
	  .enabled = true },
};

static struct routing_report
report(const char *standards, const char *industry, const char *region, const char *subject)
{
	struct routing_report r = {
		.category = "backward",
		.standards = standards,
		.industry = industry,
		.region = region,
		.subject_type = subject,
	};
	return r;
}

static struct routing_table
table(const struct routing_rule *rules, size_t nrules)
{
	struct routing_table t = { rules, nrules, depts, NELEM(depts) };
	return t;
}

static bool
has_coop(const struct routing_result *res, int64_t id)
{
	size_t i;

	for (i = 0; i < res->ncoops; i++)
		if (res->coops[i] == id)
			return true;
	return false;
}

static int64_t
best_id(const struct routing_table *t, const struct routing_report *r, const char *standard)
{
	const struct routing_rule *b = routing_best(t, r, standard);

	return b != NULL ? b->id : -1;
}

static void
test_precedence(void)
{
	/* Array order is deliberately not id order: the lower id must win, not the first row. */
	static const struct routing_rule rules[] = {
		{ .id = 20, .standard = "energy", .lead_kind = "fagai", .enabled = true },
		{ .id = 10, .standard = "energy", .lead_kind = "shengtai", .enabled = true },
		{ .id = 30, .standard = "energy", .industry = "steel", .lead_kind = "gongxin",
		  .enabled = true },
		{ .id = 5, .standard = "energy", .industry = "steel", .region_prefix = "22",
		  .lead_kind = "gongxin", .enabled = true },
		{ .id = 6, .standard = "energy", .industry = "steel", .region_prefix = "2201",
		  .lead_kind = "gongxin", .enabled = true },
		{ .id = 1, .standard = "energy", .industry = "steel", .region_prefix = "220102",
		  .subject_type = "government", .lead_kind = "gongxin", .enabled = false },
		{ .id = 2, .category = "dereliction", .lead_kind = "fagai", .enabled = true },
		{ .id = 3, .lead_kind = "gongxin", .enabled = true },
	};
	struct routing_table t = table(rules, NELEM(rules));
	struct routing_report r;

	/* equally general: the lower id */
	r = report("energy", "cement", "220102", "enterprise");
	CHECK(best_id(&t, &r, "energy") == 10);
	/* more columns set beats fewer */
	r = report("energy", "steel", "230102", "enterprise");
	CHECK(best_id(&t, &r, "energy") == 30);
	/* same columns: the longer region prefix */
	r = report("energy", "steel", "220102", "enterprise");
	CHECK(best_id(&t, &r, "energy") == 6);
	r = report("energy", "steel", "220202", "enterprise");
	CHECK(best_id(&t, &r, "energy") == 5);
	/* the disabled rule would be the most specific of all */
	r = report("energy", "steel", "220102", "government");
	CHECK(best_id(&t, &r, "energy") == 6);
	/* a rule's standard must equal the one standard asked about */
	r = report("quality", "steel", "220102", "enterprise");
	CHECK(best_id(&t, &r, "quality") == 3);
	/* category */
	r = report("quality", "steel", "220102", "enterprise");
	r.category = "dereliction";
	CHECK(best_id(&t, &r, "quality") == 2);
	/* nothing matches */
	{
		static const struct routing_rule one[] = {
			{ .id = 1, .standard = "energy", .lead_kind = "gongxin", .enabled = true },
		};
		struct routing_table t1 = table(one, 1);
		r = report("safety", "steel", "220102", "enterprise");
		CHECK(best_id(&t1, &r, "safety") == -1);
	}
}

static void
test_seed_table(void)
{
	struct routing_table t = table(seed_rules, NELEM(seed_rules));
	struct routing_report r;
	struct routing_result res;

	/* energy: 工信 at the county, 发改 walks up past the disabled county row to the city */
	r = report("energy", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead_rule == 1);
	CHECK_STR(res.lead_kind, "gongxin");
	CHECK_STR(res.region, "220102");
	CHECK(res.lead == 6);
	CHECK(res.ncoops == 1 && has_coop(&res, 5));
	CHECK_STR(res.missing, "");
	/* "other" in the coal industry: the industry rule is more specific than the catch-all */
	r = report("other", "coal", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead_rule == 9);
	CHECK(res.lead == 8);                      /* 长春市能源局: no county 能源 */
	CHECK(res.ncoops == 1 && has_coop(&res, 6));
	/* energy + coal: both rules have one column; the lower id (energy) leads, and the coal
	 * rule is no standard's best, so 能源 does not come in */
	r = report("energy", "coal", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead_rule == 1);
	/* technology: 能源 is a coop found at the city */
	r = report("technology", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead == 6);
	CHECK(res.ncoops == 2 && has_coop(&res, 5) && has_coop(&res, 8));
}

static void
test_multiple_standards(void)
{
	static const struct routing_rule rules[] = {
		{ .id = 1, .standard = "energy", .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .enabled = true },
		/* its coop names the lead kind: it must not come back as a coop */
		{ .id = 2, .standard = "environment", .lead_kind = "shengtai",
		  .coop_kinds = "gongxin", .enabled = true },
		{ .id = 3, .standard = "safety", .lead_kind = "yingji", .coop_kinds = "shengtai",
		  .enabled = true },
		{ .id = 4, .standard = "other", .lead_kind = "shuiwu", .enabled = true },
	};
	struct routing_table t = table(rules, NELEM(rules));
	struct routing_report r;
	struct routing_result res;

	/* named out of order: energy still leads */
	r = report("safety,environment,energy", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead_rule == 1);
	CHECK(res.lead == 6);
	CHECK(res.ncoops == 3);
	CHECK(has_coop(&res, 5));                  /* fagai: county disabled -> city */
	CHECK(has_coop(&res, 7));                  /* shengtai at the county, once */
	CHECK(has_coop(&res, 14));                 /* yingji at the county */
	CHECK(!has_coop(&res, 6));                 /* the lead is no coop */
	/* without energy, environment leads and gongxin becomes a coop */
	r = report("safety,environment", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead_rule == 2);
	CHECK(res.lead == 7);
	CHECK(res.ncoops == 2 && has_coop(&res, 6) && has_coop(&res, 14));
	/* a kind with no department anywhere is reported, not fatal */
	r = report("energy,other", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead == 6);
	CHECK(res.ncoops == 1 && has_coop(&res, 5));
	CHECK_STR(res.missing, "shuiwu");
	/* a standard without a rule is passed over */
	r = report("quality,safety", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead_rule == 3);
	/* unknown standard */
	r = report("energy,bogus", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == -1);
	CHECK(res.error[0] != '\0');
}

static void
test_levels(void)
{
	static const struct routing_rule rules[] = {
		{ .id = 1, .standard = "energy", .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .level = ROUTING_COUNTY, .enabled = true },
		{ .id = 2, .standard = "quality", .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .level = ROUTING_CITY, .enabled = true },
		{ .id = 3, .standard = "safety", .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .level = ROUTING_PROVINCE, .enabled = true },
	};
	struct routing_table t = table(rules, NELEM(rules));
	struct routing_report r;
	struct routing_result res;
	char at[7];

	r = report("energy", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220102");
	CHECK(res.lead == 6);
	r = report("quality", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220100");
	CHECK(res.lead == 4);
	CHECK(res.ncoops == 1 && has_coop(&res, 5));
	r = report("safety", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220000");
	CHECK(res.lead == 1);
	CHECK(res.ncoops == 1 && has_coop(&res, 2));
	/* a report naming only a city: county level is the city itself */
	r = report("energy", "steel", "220100", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220100");
	CHECK(res.lead == 4);

	CHECK(routing_place("220102", "enterprise", ROUTING_COUNTY, at) == 0);
	CHECK_STR(at, "220102");
	CHECK(routing_place("220102", "enterprise", ROUTING_CITY, at) == 0);
	CHECK_STR(at, "220100");
	CHECK(routing_place("220102", "enterprise", ROUTING_PROVINCE, at) == 0);
	CHECK_STR(at, "220000");
	CHECK(routing_place("220000", "enterprise", ROUTING_CITY, at) == 0);
	CHECK_STR(at, "220000");
	CHECK(routing_place("2201", "enterprise", ROUTING_COUNTY, at) == -1);
	CHECK(routing_place("22010x", "enterprise", ROUTING_COUNTY, at) == -1);

	CHECK(routing_level_parse("county") == ROUTING_COUNTY);
	CHECK(routing_level_parse("city") == ROUTING_CITY);
	CHECK(routing_level_parse("province") == ROUTING_PROVINCE);
	CHECK(routing_level_parse("town") == -1);
	CHECK_STR(routing_level_name(ROUTING_CITY), "city");
	CHECK_STR(routing_level_label(ROUTING_PROVINCE), "省级");
}

static void
test_government(void)
{
	static const struct routing_rule rules[] = {
		{ .id = 1, .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .level = ROUTING_COUNTY, .enabled = true },
	};
	struct routing_table t = table(rules, NELEM(rules));
	struct routing_report r;
	struct routing_result res;
	char at[7];

	/* a county government: its city verifies */
	r = report("energy", "steel", "220102", "government");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220100");
	CHECK(res.lead == 4);
	/* a city government: the province */
	r = report("energy", "steel", "220100", "government");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220000");
	CHECK(res.lead == 1);
	/* the province government: the province itself */
	r = report("energy", "steel", "220000", "government");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220000");
	CHECK(res.lead == 1);
	/* the level above, then the rule's level */
	CHECK(routing_place("220102", "government", ROUTING_CITY, at) == 0);
	CHECK_STR(at, "220100");
	CHECK(routing_place("220100", "government", ROUTING_CITY, at) == 0);
	CHECK_STR(at, "220000");
	CHECK(routing_place("220102", "government", ROUTING_PROVINCE, at) == 0);
	CHECK_STR(at, "220000");
}

static void
test_walk_up(void)
{
	static const struct routing_rule rules[] = {
		{ .id = 1, .standard = "energy", .lead_kind = "nengyuan", .coop_kinds = "fagai",
		  .enabled = true },
		{ .id = 2, .standard = "quality", .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .level = ROUTING_CITY, .enabled = true },
		{ .id = 3, .standard = "safety", .lead_kind = "ziran", .enabled = true },
	};
	struct routing_table t = table(rules, NELEM(rules));
	struct routing_report r;
	struct routing_result res;

	/* no county 能源: the city's */
	r = report("energy", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220102");
	CHECK(res.lead == 8);
	CHECK(res.ncoops == 1 && has_coop(&res, 5));
	/* a county of another city of 吉林 without departments of its own: the province's */
	r = report("quality", "steel", "220202", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "220200");
	CHECK(res.lead == 1);
	CHECK(res.ncoops == 1 && has_coop(&res, 2));
	/* municipality: 110105's city row (110100 市辖区) has no departments: the province */
	r = report("quality", "steel", "110105", "enterprise");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK_STR(res.region, "110100");
	CHECK(res.lead == 9);
	CHECK(res.ncoops == 1 && has_coop(&res, 10));
	r = report("energy,quality", "steel", "110105", "government");
	CHECK(routing_route(&t, &r, &res) == -1);  /* energy leads; 北京 has no 能源 here */
	r = report("quality", "steel", "110105", "government");
	CHECK(routing_route(&t, &r, &res) == 0);
	CHECK(res.lead == 9);
	/* no lead department anywhere up the chain */
	r = report("safety", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == -1);
	CHECK(strstr(res.error, "自然资源") != NULL);
	/* the walk-up stops at the province: 能源 of 长春 is not 吉林市's */
	r = report("energy", "steel", "220202", "enterprise");
	CHECK(routing_route(&t, &r, &res) == -1);
	/* no rule at all */
	r = report("swap", "steel", "220102", "enterprise");
	CHECK(routing_route(&t, &r, &res) == -1);
	CHECK(res.error[0] != '\0');
	/* malformed region */
	r = report("energy", "steel", "2201", "enterprise");
	CHECK(routing_route(&t, &r, &res) == -1);
}

struct collected {
	char   msgs[64][ROUTING_MSG_LEN];
	size_t n;
};

static void
collect(void *arg, const char *msg)
{
	struct collected *c = arg;

	if (c->n < 64)
		snprintf(c->msgs[c->n++], ROUTING_MSG_LEN, "%s", msg);
}

static bool
said(const struct collected *c, const char *msg)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->msgs[i], msg) == 0)
			return true;
	return false;
}

static void
test_validate(void)
{
	static const struct routing_rule rules[] = {
		{ .id = 1, .lead_kind = "gongxin", .enabled = true },
		{ .id = 2, .standard = "energy", .lead_kind = "gongxin", .coop_kinds = "fagai",
		  .enabled = true },
		{ .id = 3, .standard = "technology", .lead_kind = "gongxin",
		  .coop_kinds = "fagai,jinrong", .enabled = true },
		{ .id = 4, .standard = "safety", .lead_kind = "anquan", .enabled = true },
		/* disabled: its missing department does not matter */
		{ .id = 5, .standard = "quality", .lead_kind = "shuiwu", .enabled = false },
	};
	static const struct routing_rule partial[] = {
		{ .id = 1, .standard = "energy", .lead_kind = "gongxin", .enabled = true },
		{ .id = 2, .category = "backward", .standard = "environment",
		  .lead_kind = "shengtai", .enabled = true },
		/* not general: an industry rule covers nothing for unknown reports */
		{ .id = 3, .standard = "quality", .industry = "steel", .lead_kind = "shichang",
		  .enabled = true },
		{ .id = 4, .standard = "safety", .lead_kind = "yingji", .enabled = false },
	};
	static const struct routing_dept baddept[] = {
		{ .id = 1, .region_code = "220000", .kind = "gongxin", .name = "甲",
		  .enabled = true },
		{ .id = 2, .region_code = "220000", .kind = "gongxinju", .name = "乙",
		  .enabled = true },
	};
	struct routing_table t = table(rules, NELEM(rules));
	struct collected c;
	size_t n;

	memset(&c, 0, sizeof(c));
	n = routing_validate(&t, collect, &c);
	CHECK(n == c.n);
	CHECK(said(&c, "规则#3 指向的部门类型 jinrong 没有任何启用的部门"));
	CHECK(said(&c, "规则#4 的部门类型 anquan 无效"));
	CHECK(!said(&c, "规则#5 指向的部门类型 shuiwu 没有任何启用的部门"));
	CHECK(n == 2);                      /* rule 1 covers every category and standard */

	t = table(partial, NELEM(partial));
	memset(&c, 0, sizeof(c));
	n = routing_validate(&t, collect, &c);
	CHECK(said(&c, "类别「落后产能」+「质量」没有可用的移交规则"));
	CHECK(said(&c, "类别「违法违规行为」+「环保」没有可用的移交规则"));
	CHECK(!said(&c, "类别「落后产能」+「环保」没有可用的移交规则"));
	CHECK(!said(&c, "类别「落后产能」+「能耗」没有可用的移交规则"));
	CHECK(said(&c, "类别「政府部门失职失责」+「安全」没有可用的移交规则"));
	/* 4 categories x 6 uncovered standards (quality, safety, technology, swap, approval,
	 * other) + 3 categories without an environment rule */
	CHECK(n == 4 * 6 + 3);
	CHECK(routing_validate(&t, NULL, NULL) == n);

	/* the default table and a directory with every kind it names: nothing to say */
	t = table(seed_rules, NELEM(seed_rules));
	CHECK(routing_validate(&t, NULL, NULL) == 0);

	/* departments of unknown kinds, malformed rule columns */
	{
		static const struct routing_rule odd[] = {
			{ .id = 7, .category = "crime", .standard = "noise", .region_prefix = "22a",
			  .subject_type = "person", .lead_kind = "gongxin", .coop_kinds = "fagai,",
			  .enabled = true },
			{ .id = 8, .lead_kind = "", .enabled = true },
		};
		struct routing_table t2 = { odd, NELEM(odd), baddept, NELEM(baddept) };

		memset(&c, 0, sizeof(c));
		n = routing_validate(&t2, collect, &c);
		CHECK(said(&c, "部门#2「乙」的类型 gongxinju 无效"));
		CHECK(said(&c, "规则#7 的类别 crime 无效"));
		CHECK(said(&c, "规则#7 的标准 noise 无效"));
		CHECK(said(&c, "规则#7 的对象类型 person 无效"));
		CHECK(said(&c, "规则#7 的地区前缀 22a 无效"));
		CHECK(said(&c, "规则#7 指向的部门类型 fagai 没有任何启用的部门"));
		CHECK(said(&c, "规则#7 的协办部门类型列表「fagai,」有空项"));
		CHECK(said(&c, "规则#8 没有牵头部门类型"));
	}
}

static void
test_kinds(void)
{
	const struct option *o;
	size_t n = 0;

	for (o = routing_kinds; o->value != NULL; o++)
		n++;
	CHECK(n == 9);
	CHECK_STR(routing_kind_label("gongxin"), "工业和信息化");
	CHECK_STR(routing_kind_label("jinrong"), "金融监管");
	CHECK_STR(routing_kind_label("shuiwu"), "税务");
	CHECK_STR(routing_kind_label("nope"), "nope");
	CHECK(routing_kind_valid("nengyuan"));
	CHECK(!routing_kind_valid("nope"));
	CHECK(!routing_kind_valid(""));
}

int
main(void)
{
	test_precedence();
	test_seed_table();
	test_multiple_standards();
	test_levels();
	test_government();
	test_walk_up();
	test_validate();
	test_kinds();
	return unit_done();
}
