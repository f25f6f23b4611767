/*
 * ledger: the spreadsheets that go upward (seed 003 §二–三): the two progress ledgers
 * 核查检查基本情况汇总表 and 整改及退出台账 (counted per area), the yearly summary (年度汇总),
 * read from the statistics' summary tables (sql/015, lib/stats.h), and 整改及退出台账（企业明细）,
 * one row per enterprise entry of the rectification, forced-exit and elimination lists
 * (list_entry, ledger_entries.c), for a period and an area. Each layout is a table of columns
 * (header group, label, source, width, format) and a row source (areas, months, entries) that
 * both writers consult: the CSV writer here (UTF-8 with BOM, RFC 4180, formula-safe cells
 * through listpages' csv_cell) and the xlsx writer (lib/xlsx.c, libxlsxwriter).
 *
 * A sheet is written through struct sheet: a merged title row (table name), a merged row
 * with the area and the period, two header rows (a group over several columns, or a label
 * spanning both), the rows, and a totals row (合计). Cells come in row order, which both
 * libxlsxwriter's constant-memory mode and a streamed CSV need.
 */
#ifndef JUBAO_LEDGER_H
#define JUBAO_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stats.h"

struct db;
struct refdata;

/* How a cell is shown: text, a whole number, a share (0..1) shown as a percentage, or a
 * number with two decimals (a capacity). */
enum sheet_fmt { SF_TEXT, SF_INT, SF_PERCENT, SF_DECIMAL, SF__MAX };
/* What part of the sheet a cell is in (its style in the xlsx). */
enum sheet_part { SP_TITLE, SP_SUBTITLE, SP_HEAD, SP_BODY, SP_TOTAL };

/* A sheet writer. Every function returns 0, or -1 when the output failed (then stop). */
struct sheet_ops {
	/* The sheet's name and columns (widths in characters). */
	int (*begin)(void *w, const char *name, unsigned ncols, const double *widths);
	/* text in the merged block rows r0..r1, columns c0..c1. */
	int (*merge)(void *w, unsigned r0, unsigned c0, unsigned r1, unsigned c1,
	    const char *text, enum sheet_part);
	int (*text)(void *w, unsigned row, unsigned col, const char *text, enum sheet_part);
	int (*number)(void *w, unsigned row, unsigned col, double v, enum sheet_fmt,
	    enum sheet_part);
	/* Finish the output (the CSV's last line, the xlsx file). */
	int (*end)(void *w);
};
struct sheet {
	const struct sheet_ops *ops;
	void                   *w;
};

/* ---- the CSV writer: each line to out as it is complete */
typedef int (*sheet_out)(void *arg, const char *buf, size_t len);
struct csv_sheet {
	sheet_out out;
	void     *arg;
	unsigned  ncols, row, col;     /* the next cell's position */
	bool      started;
	size_t    used;
	char      line[32768];
};
/* A sheet writing CSV through cs (filled in: out, arg). */
struct sheet csv_sheet(struct csv_sheet *cs, sheet_out out, void *arg);

/* ---- a column of a sheet */
#define LC_KEY   (-1)               /* the row's name (region or month) */
#define LC_SHARE(m) (100 + (m))     /* stats_share of enum stats_measure m */
#define LC_ENTRY(f) (200 + (f))     /* enum ledger_field f of an enterprise entry */
/* What an enterprise row shows (ledger_entries.c says where each comes from). */
enum ledger_field {
	LE_SEQ, LE_ENTERPRISE, LE_REGION, LE_INDUSTRY, LE_LIST, LE_PROBLEM, LE_REQUIREMENT,
	LE_DEADLINE, LE_NOTICED, LE_STATE, LE_COMPLETION, LE_DONE_ON, LE_CAPACITY, LE_UNIT,
	LE_DEPARTMENT, LE__MAX
};
struct sheet_col {
	const char    *group;           /* the upper header over a run of columns; NULL: the
	                                 * label spans both header rows */
	const char    *label;
	int            src;             /* LC_KEY, an enum stats_counter, LC_SHARE(m) or
	                                 * LC_ENTRY(f) */
	int            plus;            /* a counter added to src, -1: none */
	double         width;
	enum sheet_fmt fmt;
};

/* The header rows of cols at row r and r + 1 (groups merged across, labels without a group
 * merged down). 0 or -1. */
int sheet_header(const struct sheet *, unsigned r, const struct sheet_col *, unsigned ncols);

/* ---- the ledgers */
enum ledger_kind {
	LEDGER_INSPECT, LEDGER_RECTIFY, LEDGER_YEARLY, LEDGER_ENTERPRISE, LEDGER__MAX
};
/* Where a ledger's rows come from: the summary tables per area one level below the chosen
 * one or per month of the period (columns: counters and shares), or the lists' enterprise
 * entries (columns: LC_ENTRY). */
enum ledger_rows { LR_AREAS, LR_MONTHS, LR_ENTRIES };
struct ledger_def {
	const char             *code;      /* --kind and the form's value */
	const char             *name;      /* the table's name: title and file name */
	enum ledger_rows        rows;
	const struct sheet_col *cols;
	unsigned                ncols;
};
extern const struct ledger_def ledger_defs[LEDGER__MAX];
/* The kinds as form choices (value = code, label = name); NULL-terminated. */
extern const struct option ledger_kinds[];
/* The kind named code, or -1. */
int ledger_kind(const char *code);

/* A ledger to write: kind, period (whole months), area (a region code prefix: "22", "2201",
 * "220102") and its display name ("吉林省 长春市"). The yearly summary wants a year. */
struct ledger_req {
	enum ledger_kind    kind;
	struct stats_period per;
	char                area[7];
	const char         *area_name;
};

/* Write the ledger to sheet: the title rows, then rows from the summary tables (the areas one
 * level below req's area, every one of the reference data's, or the months of the period) or
 * the enterprise entries, then the totals. DB_OK, a db error, or DB_FAIL when the sheet's
 * output failed. A db error before the first row leaves the sheet untouched. */
int ledger_write(struct db *, const struct refdata *, const struct ledger_req *,
    const struct sheet *);

/* The title, the area and period, the header rows (rows 0..3); 0 or -1. */
int ledger_head(const struct sheet *, const struct ledger_req *);
/* The enterprise rows from row 4 and their totals (ledger_entries.c): the head first, once the
 * statement has answered. DB_OK, a db error, or DB_FAIL. */
int ledger_entries_write(struct db *, const struct refdata *, const struct ledger_req *,
    const struct sheet *);

/* The period as "2026年7月至2026年9月" (or "2026年7月" for one month) into out. */
void ledger_period_label(const struct stats_period *, char *out, size_t cap);

/* The period from a --period argument: "2026" (a year), "2026-Q3", "2026-07", or
 * "2026-01..2026-06" (months). Pure; false when it is not one. */
bool ledger_period_parse(const char *s, struct stats_period *);

/* The Content-Disposition value for a file name "NAME.EXT" with a Chinese NAME (RFC 6266 with
 * RFC 5987's filename*, and an ASCII fallback filename="fallback.EXT") into out. */
void ledger_disposition(const char *name, const char *fallback, const char *ext, char *out,
    size_t cap);

#endif
