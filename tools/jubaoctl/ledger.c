/* jubaoctl ledger: a ledger or the yearly summary (lib/ledger.c, the same layouts and writers
 * as the console's 台账导出) for a period and an area, as .xlsx or CSV, into a file written
 * under a temporary name and renamed (CSV may go to standard output), for cron. Quiet unless
 * standard error is a terminal; errors are always said. Audited like the console's download. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jubaoctl.h"
#include "ledger.h"
#include "listpages.h"
#include "queries.h"
#include "refdata.h"
#include "xlsx.h"

static int
to_file(void *arg, const char *buf, size_t len)
{
	return fwrite(buf, 1, len, arg) == len ? 0 : -1;
}

/* The CSV into f; 0 ok, 1 reported. */
static int
write_csv(struct ctl *c, const struct refdata *rd, const struct ledger_req *q, FILE *f)
{
	static struct csv_sheet cs;
	struct sheet s = csv_sheet(&cs, to_file, f);
	int rc;

	if ((rc = ledger_write(&c->db, rd, q, &s)) != DB_OK)
		return fail("ledger: %s", rc == DB_FAIL ? "writing failed" : db_reason(rc));
	if (fflush(f) != 0 || ferror(f))
		return fail("writing the ledger: %s", strerror(errno));
	return 0;
}

struct ledger_job {
	struct ctl              *c;
	const struct refdata    *rd;
	const struct ledger_req *q;
	bool                     xlsx;
};

/* The workbook at tmp (libxlsxwriter writes it by name), its own temporary files in a private
 * directory made for it; or the CSV to f. 0 or 1 reported. */
static int
fill_file(void *arg, const char *tmp, FILE *f)
{
	const struct ledger_job *j = arg;
	const char *base = getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char dir[4096];
	struct xlsx_sheet *x;
	struct sheet s;
	int rc;

	if (!j->xlsx)
		return write_csv(j->c, j->rd, j->q, f);
	if ((size_t)snprintf(dir, sizeof(dir), "%s/jubaoctl-XXXXXX", base) >= sizeof(dir) ||
	    mkdtemp(dir) == NULL)
		return fail("a temporary directory in %s: %s", base, strerror(errno));
	if ((x = xlsx_open(tmp, dir, false)) == NULL) {
		(void)rmdir(dir);
		return fail("cannot start the workbook %s", tmp);
	}
	s = xlsx_sheet(x);
	rc = ledger_write(&j->c->db, j->rd, j->q, &s);
	xlsx_free(x, rc == DB_OK);   /* a failure: closed and removed */
	(void)rmdir(dir);
	if (rc != DB_OK)
		return fail("ledger: %s", rc == DB_FAIL ? "writing failed" : db_reason(rc));
	return 0;
}

/* The area's code as a 6-digit division code known to the reference data; 0 or 1. */
static int
area_check(const struct refdata *rd, const char *area, char code[7])
{
	size_t n = strlen(area);

	if ((n != 2 && n != 4 && n != 6) || strspn(area, "0123456789") != n)
		return fail("--area needs a region code prefix: 22, 2201 or 220102");
	memcpy(code, area, n);
	memset(code + n, '0', 6 - n);
	code[6] = '\0';
	if (refdata_region(rd, code) == NULL)
		return fail("--area %s: no such region", area);
	return 0;
}

int
cmd_ledger(struct ctl *c, int argc, char **argv)
{
	const char *kind = NULL, *period = NULL, *area = NULL, *format = NULL, *out = NULL;
	const char *pos[1];
	const struct opt opts[] = {
		{ "--kind", &kind }, { "--period", &period }, { "--area", &area },
		{ "--format", &format }, { "--out", &out }, { NULL, NULL },
	};
	static struct ledger_req q;
	struct refdata rd;
	char code[7], name[300], detail[120];
	size_t npos;
	bool xlsx;
	int k, bad, rc;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if ((k = ledger_kind(kind)) < 0)
		return fail("--kind must be inspect, rectify, yearly or enterprise");
	if (format == NULL || (strcmp(format, "xlsx") != 0 && strcmp(format, "csv") != 0))
		return fail("--format must be xlsx or csv");
	xlsx = strcmp(format, "xlsx") == 0;
	if (xlsx && out == NULL)
		return fail("--format xlsx needs --out FILE");
	memset(&q, 0, sizeof(q));
	q.kind = (enum ledger_kind)k;
	if (period == NULL || !ledger_period_parse(period, &q.per))
		return fail("--period must be YYYY, YYYY-QN, YYYY-MM or YYYY-MM..YYYY-MM");
	if (q.kind == LEDGER_YEARLY && (q.per.months != 12 || strcmp(q.per.from + 4, "-01-01")))
		return fail("--kind yearly needs --period YYYY");
	if (area == NULL)
		return fail("--area is required (22, 2201 or 220102)");
	if (open_db(c) != 0)
		return 1;
	memset(&rd, 0, sizeof(rd));
	if ((rc = refdata_refresh(&rd, &c->db, 0, 0)) != DB_OK)
		return fail("reading the regions: %s", db_reason(rc));
	if ((bad = area_check(&rd, area, code)) == 0) {
		snprintf(q.area, sizeof(q.area), "%s", area);
		listpages_region_name(&rd, code, name, sizeof(name));
		q.area_name = name;
		bad = out != NULL ? write_renamed(out, xlsx, fill_file,
		    &(struct ledger_job){ c, &rd, &q, xlsx }) : write_csv(c, &rd, &q, stdout);
	}
	refdata_free(&rd);
	if (bad)
		return 1;
	snprintf(detail, sizeof(detail), "%s %s %s..%s %s", ledger_defs[k].code, q.area,
	    q.per.from, q.per.to, format);
	if (ctl_audit(c, "ledger_export", 0, detail) != DB_OK)
		return fail("cannot write the audit row");
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "jubaoctl: %s %s %s..%s written%s%s\n", ledger_defs[k].name, name,
		    q.per.from, q.per.to, out != NULL ? " to " : "", out != NULL ? out : "");
	return 0;
}
