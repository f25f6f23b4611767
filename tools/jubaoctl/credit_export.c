/* jubaoctl credit-export: the credit push (信息推送 to 信用中国) of the whole database, the
 * enterprises past their exit deadline, as XML (lib/creditexport.c, the same writer as the
 * publisher's download in the console), on standard output or into a file written to a
 * temporary name and renamed. Audited like the console's download. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "creditexport.h"
#include "jubaoctl.h"

/* The export into f; 0 ok, 1 reported. */
static int
write_export(struct ctl *c, const char *today, FILE *f, unsigned long *n)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
	int rc;

	if (out == NULL)
		return fail("cannot make the output");
	if ((rc = credit_export(&c->db, today, "", out, n)) != DB_OK)
		return fail("credit export: %s", db_reason(rc));
	if (fflush(f) != 0 || ferror(f))
		return fail("writing the export: %s", strerror(errno));
	return 0;
}

struct export_job {
	struct ctl    *c;
	const char    *today;
	unsigned long *n;
};

static int
fill_file(void *arg, const char *tmp, FILE *f)
{
	struct export_job *j = arg;

	(void)tmp;
	return write_export(j->c, j->today, f, j->n);
}

int
cmd_credit_export(struct ctl *c, int argc, char **argv)
{
	const char *out = NULL, *today_arg = NULL, *pos[1];
	const struct opt opts[] = {
		{ "--out", &out }, { "--today", &today_arg }, { NULL, NULL },
	};
	char today[11], detail[64];
	unsigned long n = 0;
	size_t npos;
	cal_day day;
	int bad;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (today_arg != NULL) {
		if (!cal_parse(today_arg, strlen(today_arg), &day))
			return fail("--today needs a date YYYY-MM-DD");
	} else
		day = cal_beijing_day((int64_t)time(NULL));
	cal_format(day, today);
	if (open_db(c) != 0)
		return 1;
	bad = out != NULL ? write_renamed(out, false, fill_file, &(struct export_job){ c, today, &n }) :
	    write_export(c, today, stdout, &n);
	if (bad)
		return 1;
	snprintf(detail, sizeof(detail), "credit export %s: %lu", today, n);
	if (ctl_audit(c, "credit_export", 0, detail) != DB_OK)
		return fail("cannot write the audit row");
	fprintf(stderr, "jubaoctl: credit export %s: %lu enterprises past their deadline\n", today,
	    n);
	return 0;
}
