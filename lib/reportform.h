/*
 * reportform: the report form, shared by the public submit page and the console's intake of a
 * report that arrived by phone, fax, e-mail, letter or visit: its key table (the contract's
 * fields), the rules that tie fields together, the <submit-form> element that shows it (again),
 * and the step from checked fields to a saved report.
 */
#ifndef JUBAO_REPORTFORM_H
#define JUBAO_REPORTFORM_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "arena.h"
#include "calendar.h"
#include "config.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "refdata.h"
#include "report.h"
#include "spool.h"
#include "store.h"

enum rf_key {
	RF_CSRF, RF_CATEGORY, RF_STANDARD, RF_INDUSTRY, RF_REGION, RF_SUBJECT_TYPE,
	RF_SUBJECT_NAME, RF_SUBJECT_ADDRESS, RF_CREDIT_CODE, RF_DESCRIPTION, RF_HAZARD,
	RF_ANONYMOUS, RF_REPORTER_NAME, RF_REPORTER_PHONE, RF_REPORTER_ID_NO, RF_REPORTER_EMAIL,
	RF__MAX
};

#define RF_MAX_FILES 20

struct reportform {
	struct form_field  f[RF__MAX];
	struct stored_file files[RF_MAX_FILES];
	size_t             nfiles;
	const char        *file_error;
	unsigned           errors;      /* fields in error, the files counted as one */
	const struct params *form;      /* the form checked, which holds the files' bytes */
};

/* Fill a <submit-form> element: the token, limits and option lists (cfg, refdata), and what
 * was typed when the form is shown again (typed; NULL for a new form). */
void reportform_fill(xmlNodePtr form, const char *token, const struct config *,
    const struct refdata *, const struct params *typed);
/* The same for the public form, which lists one province's regions (the whole country weighs
 * ~400 KB): the province of ?province=NN, of a region in the query or typed, all of them for
 * ?regions=all, by default the host province (form_regions). Without region_scope it adds
 * <region-switch shown="NN|"> with every <province code name/>, the links to the others. */
void reportform_fill_public(xmlNodePtr form, const char *token, const struct config *,
    const struct refdata *, const struct params *query, const struct params *typed);
/* A new form's values from a link ("report this enterprise" on the published lists): the
 * subject_name, credit_code, region and industry of query that pass the same checks as a
 * submitted form (the others are simply not filled in), in out, with subject_type enterprise
 * when any passed. */
void reportform_prefill(struct arena *, const struct config *, const struct refdata *,
    const struct params *query, struct params *out);
/* Validate a form: every field, the rules between fields (the reference data, the
 * configured region scope), and the attachments (the configured limits). Values are copied
 * into the arena; rf keeps a pointer to form for reportform_save. */
void reportform_check(struct arena *, const struct config *, const struct refdata *,
    const struct params *form, struct reportform *rf);
/* <field name="…">message</field> for each error of a checked form. */
void reportform_errors(const struct reportform *, xmlNodePtr parent);
/* The checked fields as a report to save (standards and identity text in the arena). */
void reportform_report(struct arena *, const struct reportform *, struct new_report *);

/* Where and when a checked report is saved. */
struct reportform_dest {
	struct db             *db;
	const struct secrets  *sec;             /* submit, code and code-MAC keys; identity */
	const struct calendar *calendar;        /* for the first due date */
	const char            *attachment_dir;
	int64_t                now;
	/* The spool (lib/spool.h) for when the database is away: spool_dir NULL or "" none. */
	const char            *spool_dir;
	const struct spool_limits *spool_limits;
	bool                   db_down;         /* known away already: straight to the spool */
};
/* Store the files and save the report, idempotently under `token` (the form's own nonce): the
 * same token yields the same report and the same query code. When the database is away (DB_DOWN,
 * or db_down) and there is a spool, the report goes there (receipt's spooled set; its ticket
 * derived from the token, so that the same form spools once). The files are removed again when
 * the report was not saved or already existed. DB_OK, or a db error (DB_DOWN also for a full
 * spool), or DB_FAIL when the files could not be stored. */
int reportform_save(const struct reportform_dest *, struct reportform *, struct new_report *,
    const char *token, size_t tokenlen, struct receipt *, char code[9]);

#endif
