/*
 * test_region.c: lib/region.c (province / city / county of a GB/T 2260 code, area prefixes)
 * and cal_beijing_day from lib/calendar.c, against answers worked out by hand.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "calendar.h"
#include "region.h"
#include "unit.h"

static void
test_levels(void)
{
	CHECK(region_level("220000") == REGION_PROVINCE);
	CHECK(region_level("220100") == REGION_CITY);
	CHECK(region_level("220102") == REGION_COUNTY);
	CHECK(region_level("110101") == REGION_COUNTY);
	/* not codes */
	CHECK(region_level("22010") == REGION_INVALID);
	CHECK(region_level("2201020") == REGION_INVALID);
	CHECK(region_level("22a102") == REGION_INVALID);
	CHECK(region_level("") == REGION_INVALID);
	CHECK(region_level(NULL) == REGION_INVALID);
	CHECK(!region_code_ok("22 102"));
	CHECK(!region_code_ok("-20102"));
	CHECK(region_code_ok("000000"));
}

static void
test_up(void)
{
	char out[7];

	region_province("220102", out);
	CHECK_STR(out, "220000");
	region_city("220102", out);
	CHECK_STR(out, "220100");
	region_city("220000", out);
	CHECK_STR(out, "220000");
	region_parent("220102", out);
	CHECK_STR(out, "220100");
	region_parent("220100", out);
	CHECK_STR(out, "220000");
	region_parent("220000", out);
	CHECK_STR(out, "220000");
	memcpy(out, "220102", 7);
	region_parent(out, out);             /* in place */
	CHECK_STR(out, "220100");
}

static void
test_prefix(void)
{
	char out[7];

	region_prefix("220000", out);
	CHECK_STR(out, "22");
	region_prefix("220100", out);
	CHECK_STR(out, "2201");
	region_prefix("220102", out);
	CHECK_STR(out, "220102");
	region_prefix("22", out);            /* not a code: as it is */
	CHECK_STR(out, "22");
	CHECK(region_in("220102", "22"));
	CHECK(region_in("220102", "2201"));
	CHECK(!region_in("220202", "2201"));
	CHECK(!region_in("210102", "22"));
	CHECK(region_in("210102", ""));
	CHECK(!region_in(NULL, "22"));
}

static void
test_chain(void)
{
	char c[3][7];

	CHECK(region_chain("220102", c) == 3);
	CHECK_STR(c[0], "220000");
	CHECK_STR(c[1], "220100");
	CHECK_STR(c[2], "220102");
	CHECK(region_chain("220100", c) == 2);
	CHECK_STR(c[0], "220000");
	CHECK_STR(c[1], "220100");
	CHECK(region_chain("220000", c) == 1);
	CHECK_STR(c[0], "220000");
	CHECK(region_chain("2201", c) == 0);
}

static void
test_beijing_day(void)
{
	char d[11];

	/* 2026-11-29 15:59:59 UTC is 23:59:59 in Beijing, one second later the next day */
	cal_format(cal_beijing_day(1795967999), d);
	CHECK_STR(d, "2026-11-29");
	cal_format(cal_beijing_day(1795968000), d);
	CHECK_STR(d, "2026-11-30");
	cal_format(cal_beijing_day(0), d);
	CHECK_STR(d, "1970-01-01");
	cal_format(cal_beijing_day(-8 * 3600), d);
	CHECK_STR(d, "1970-01-01");
	cal_format(cal_beijing_day(-8 * 3600 - 1), d);
	CHECK_STR(d, "1969-12-31");
}

int
main(void)
{
	test_levels();
	test_up();
	test_prefix();
	test_chain();
	test_beijing_day();
	return unit_done();
}
