/* jubaoctl export: reports as CSV, never identities or descriptions. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "jubaoctl.h"
#include "queries.h"
#include "report.h"

/* One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * Free text that a spreadsheet would take for a formula (= + - @ and tab or CR at the start)
 * gets a leading apostrophe: the subject name is typed by the public (CSV injection). */
static void
csv_field(FILE *f, const char *s, bool free_text, bool last)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	bool guard = free_text && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	if (quote)
		fputc('"', f);
	if (guard)
		fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
	fputs(last ? "\r\n" : ",", f);
}

int
cmd_export(struct ctl *c, int argc, char **argv)
{
	const char *state = NULL, *pos[1];
	const struct opt opts[] = { { "--state", &state }, { NULL, NULL } };
	static const char *const header[] = {
		"ticket", "state", "category", "industry", "region", "subject_type",
		"subject_name", "submitted_at", "due_date", "overdue", "verdict",
	};
	enum { NCOL = 11 };
	char col[NCOL][404], grouped[20];
	unsigned long l[NCOL + 1];
	my_bool n[NCOL + 1];
	MYSQL_BIND p[3], r[NCOL + 1];
	int64_t after = 0, id = 0;
	uint64_t rows = 0, seen;
	struct progress pr;
	size_t npos, i;
	int rc;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (state == NULL)
		state = "";
	else {
		const struct option *o;
		for (o = report_states; o->value != NULL; o++)
			if (strcmp(o->value, state) == 0)
				break;
		if (o->value == NULL)
			return fail("unknown state %s", state);
	}
	if (open_db(c) != 0)
		return 1;
	progress_begin(&pr, "reports exported", 0);
	fputs("\xef\xbb\xbf", stdout);    /* the BOM tells Excel it is UTF-8 */
	for (i = 0; i < NCOL; i++)
		csv_field(stdout, header[i], false, i == NCOL - 1);
	for (;;) {
		bind_text(&p[0], state, strlen(state));
		bind_text(&p[1], state, strlen(state));
		bind_i64(&p[2], &after);
		bind_out_i64(&r[0], &id, &n[0]);
		for (i = 0; i < NCOL; i++)
			bind_out_text(&r[i + 1], col[i], sizeof(col[i]), &l[i + 1], &n[i + 1]);
		if ((rc = db_exec(&c->db, CQ_EXPORT, p, r)) != DB_OK)
			return fail("reading reports: %s", db_reason(rc));
		seen = 0;
		while ((rc = db_fetch(&c->db, CQ_EXPORT)) == 1) {
			for (i = 0; i < NCOL; i++)
				text_end(col[i], sizeof(col[i]), l[i + 1]);
			/* grouped like the receipt, so that a spreadsheet keeps it text and
			 * does not round 16 digits to 15 */
			ticket_grouped(col[0], grouped);
			csv_field(stdout, grouped, false, false);
			for (i = 1; i < NCOL; i++)
				csv_field(stdout, col[i], i == 6, i == NCOL - 1);
			after = id;
			seen++;
			progress_add(&pr, 1);
		}
		db_done(&c->db, CQ_EXPORT);
		if (rc < 0)
			return fail("reading reports: %s", db_reason(rc));
		rows += seen;
		if (seen == 0)
			break;
	}
	progress_end(&pr);
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail("writing the CSV: %s", strerror(errno));
	fprintf(stderr, "jubaoctl: exported %llu reports\n", (unsigned long long)rows);
	return 0;
}
