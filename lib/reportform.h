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

#include "app.h"
#include "form.h"
#include "report.h"
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
};

/* Fill a <submit-form> element: the token, option lists, and (with_values) what was typed. */
void reportform_fill(struct ctx *, xmlNodePtr form, const char *token, bool with_values);
/* Validate ctx->form: every field, the rules between fields, and the attachments. */
void reportform_check(struct ctx *, struct reportform *);
/* <field name="…">message</field> for each error of a checked form. */
void reportform_errors(const struct reportform *, xmlNodePtr parent);
/* The checked fields as a report to save (identity text in the request arena). */
void reportform_report(struct ctx *, const struct reportform *, struct new_report *);
/* Store the files and save the report, idempotently under `token` (the form's own nonce): the
 * same token yields the same report and the same query code. The files are removed again when
 * the report was not saved or already existed. DB_OK, or a db error, or DB_FAIL when the files
 * could not be stored. */
int reportform_save(struct ctx *, struct reportform *, struct new_report *, const char *token,
    size_t tokenlen, struct receipt *, char code[9]);

#endif
