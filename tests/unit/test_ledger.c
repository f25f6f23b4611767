/* test_ledger: lib/ledger.c's pure parts: the --period grammar, the Content-Disposition of a
 * Chinese file name (RFC 6266 / RFC 5987), the CSV sheet writer (BOM, every line with every
 * column, merged blocks, formula-safe cells, numbers and shares) and the header rows of a
 * layout; the layouts' columns name real counters. */
#include <stdio.h>
#include <string.h>

#include "ledger.h"
#include "unit.h"

/* the enterprise ledger's pure parts (static there) */
#include "ledger_entries.c"

static void
test_periods(void)
{
	struct stats_period p;

	CHECK(ledger_period_parse("2026", &p) && strcmp(p.from, "2026-01-01") == 0 &&
	    strcmp(p.to, "2026-12-01") == 0 && p.months == 12);
	CHECK(ledger_period_parse("2026-Q3", &p) && strcmp(p.from, "2026-07-01") == 0 &&
	    strcmp(p.to, "2026-09-01") == 0 && p.months == 3);
	CHECK(ledger_period_parse("2026-02", &p) && strcmp(p.from, "2026-02-01") == 0 &&
	    p.months == 1);
	CHECK(ledger_period_parse("2025-11..2026-02", &p) && strcmp(p.from, "2025-11-01") == 0 &&
	    strcmp(p.to, "2026-02-01") == 0 && p.months == 4);
	CHECK(!ledger_period_parse("2026-Q5", &p));
	CHECK(!ledger_period_parse("2026-13", &p));
	CHECK(!ledger_period_parse("26", &p));
	CHECK(!ledger_period_parse("2026-01..", &p));
	CHECK(!ledger_period_parse("2026-01..2026-1x", &p));
	CHECK(!ledger_period_parse("abcd", &p));
	CHECK(!ledger_period_parse("2026-1", &p));
}

static void
test_disposition(void)
{
	char d[400];

	ledger_disposition("台账 A;\"x\"", "ledger-1", "csv", d, sizeof(d));
	CHECK_STR(d, "attachment; filename=\"ledger-1.csv\"; filename*=UTF-8''"
	    "%E5%8F%B0%E8%B4%A6%20A%3B%22x%22.csv");
	ledger_disposition("台账", "f", "xlsx", d, 20);     /* too small: cut, still a string */
	CHECK(strlen(d) < 20);
}

struct buf {
	char   s[4096];
	size_t n;
};

static int
to_buf(void *arg, const char *p, size_t len)
{
	struct buf *b = arg;

	if (b->n + len >= sizeof(b->s))
		return -1;
	memcpy(b->s + b->n, p, len);
	b->n += len;
	b->s[b->n] = '\0';
	return 0;
}

static void
test_csv_sheet(void)
{
	static struct csv_sheet cs;
	static const struct sheet_col cols[] = {
		{ NULL, "地区", LC_KEY, -1, 10, SF_TEXT },
		{ "受理情况", "受理", SC_ACCEPTED, -1, 8, SF_INT },
		{ "受理情况", "不予受理", SC_REFUSED, -1, 8, SF_INT },
		{ NULL, "率", LC_SHARE(SM_ACCEPTED_ONTIME), -1, 8, SF_PERCENT },
	};
	static const double w[4] = { 1, 1, 1, 1 };
	struct buf b = { "", 0 };
	struct sheet s = csv_sheet(&cs, to_buf, &b);

	CHECK(s.ops->begin(s.w, "t", 4, w) == 0);
	CHECK(s.ops->merge(s.w, 0, 0, 0, 3, "标题", SP_TITLE) == 0);
	CHECK(sheet_header(&s, 1, cols, 4) == 0);
	CHECK(s.ops->text(s.w, 3, 0, "=SUM(A1)", SP_BODY) == 0);
	CHECK(s.ops->number(s.w, 3, 1, 12, SF_INT, SP_BODY) == 0);
	CHECK(s.ops->number(s.w, 3, 3, 0.875, SF_PERCENT, SP_BODY) == 0);
	CHECK(s.ops->text(s.w, 3, 0, "back", SP_BODY) == -1);     /* cells come in order */
	CHECK(s.ops->text(s.w, 4, 0, "a,\"b\"", SP_TOTAL) == 0);
	CHECK(s.ops->end(s.w) == 0);
	CHECK_STR(b.s, "\xef\xbb\xbf" "标题,,,\r\n"
	    "地区,受理情况,,率\r\n"
	    ",受理,不予受理,\r\n"
	    "\"'=SUM(A1)\",12,,87.5%\r\n"
	    "\"a,\"\"b\"\"\",,,\r\n");
}

static void
test_layouts(void)
{
	unsigned k, i;

	for (k = 0; k < LEDGER__MAX; k++) {
		const struct ledger_def *d = &ledger_defs[k];

		CHECK(ledger_kind(d->code) == (int)k);
		CHECK(strcmp(ledger_kinds[k].value, d->code) == 0);
		CHECK(d->ncols <= 32);
		if (d->rows == LR_ENTRIES) {
			/* every column an entry's field, each at most once */
			unsigned seen = 0;

			for (i = 0; i < d->ncols; i++) {
				int f = d->cols[i].src - LC_ENTRY(0);

				CHECK(f >= 0 && f < LE__MAX && !(seen & (1u << f)));
				seen |= 1u << f;
			}
			continue;
		}
		CHECK(d->cols[0].src == LC_KEY);
		for (i = 1; i < d->ncols; i++) {
			int src = d->cols[i].src;

			CHECK((src >= 0 && src < SC__MAX && d->cols[i].fmt == SF_INT) ||
			    (src >= LC_SHARE(0) && src < LC_SHARE(SM__MAX) &&
			    d->cols[i].fmt == SF_PERCENT));
			CHECK(d->cols[i].plus < SC__MAX);
		}
	}
	CHECK(ledger_kind("nope") == -1 && ledger_kind(NULL) == -1);
}

/* Capacities add up exactly, in hundredths, and only within one unit. */
static void
test_capacity(void)
{
	struct entry_walk w;
	int64_t c;

	CHECK(capacity_cents("12.50", &c) && c == 1250);
	CHECK(capacity_cents("300", &c) && c == 30000);
	CHECK(capacity_cents("0.1", &c) && c == 10);
	CHECK(!capacity_cents("", &c) && !capacity_cents("1.234", &c) &&
	    !capacity_cents("-1", &c) && !capacity_cents("1.2.3", &c) &&
	    !capacity_cents("99999999999999999999", &c));
	memset(&w, 0, sizeof(w));
	CHECK(add_capacity(&w, "万吨/年", 1250) && add_capacity(&w, "吨/年", 30000) &&
	    add_capacity(&w, "万吨/年", 3000));
	CHECK(w.nunits == 2 && strcmp(w.unit[0], "万吨/年") == 0 && w.cents[0] == 4250 &&
	    w.cents[1] == 30000);
}

/* The problem and requirement texts: each field under its list's label when there are
 * several, empty ones left out; one field alone without its label. */
static void
test_entry_texts(void)
{
	struct entry_row e;
	struct arena a;
	const struct entry_text *x = &entry_texts[L_ELIMINATION];
	char *s;

	arena_init(&a);
	memset(&e, 0, sizeof(e));
	e.f[LF_EQUIPMENT] = "中频炉";
	e.f[LF_QUANTITY] = "2";
	e.f[LF_EXIT_METHOD] = "拆除";
	s = join_fields(&a, L_ELIMINATION, &e, x->problem, x->nproblem);
	CHECK_STR(s, "设备（生产线）名称：中频炉；数量：2");
	s = join_fields(&a, L_ELIMINATION, &e, x->require, x->nrequire);
	CHECK_STR(s, "拆除");
	CHECK(entry_texts[L_VIOLATION].nproblem == 0 && entry_texts[L_COMPLIANT].nproblem == 0);
	arena_free(&a);
}

int
main(void)
{
	test_capacity();
	test_entry_texts();
	test_periods();
	test_disposition();
	test_csv_sheet();
	test_layouts();
	return unit_done();
}
