/*
 * form: a program's form as one key table (name, validator, limits, message), after kcgi. A
 * handler validates all fields at once and gets, per key, either a checked value or the Chinese
 * message to show beside that field. The same table writes the <values> that refill the form
 * and the <field> errors of a 400 answer.
 */
#ifndef JUBAO_FORM_H
#define JUBAO_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "http.h"

struct option {
	const char *value;
	const char *label;
};

enum form_flags {
	FORM_REQUIRED  = 1 << 0,
	FORM_MULTI     = 1 << 1,    /* several values (checkboxes) */
	FORM_MULTILINE = 1 << 2,    /* text may hold line breaks */
	FORM_SECRET    = 1 << 3,    /* never echoed back into a page (codes, tokens) */
};

struct form_key;
typedef bool (*form_check)(const struct form_key *, const char *value, size_t len);

struct form_key {
	const char          *name;
	form_check           check;      /* NULL: the length and text checks only */
	size_t               min, max;   /* characters (code points) */
	unsigned             flags;
	const struct option *choices;    /* NULL-terminated, for form_choice */
	const char          *message;    /* shown beside the field when it is wrong */
	int64_t              imin, imax; /* form_int: the value's bounds */
};

struct form_field {
	const char  *value;              /* first value, NULL when absent or empty */
	size_t       len;
	const char **values;             /* FORM_MULTI: all values, NULL-terminated */
	unsigned     nvalues;
	const char  *error;              /* NULL when fine */
	int64_t      num;                /* form_int, form_id: the value as a number */
};

/* Check every key against the parsed params; out has one slot per key. Returns the number of
 * fields in error. Conditional rules (required only if …) are the caller's, with form_fail. */
unsigned form_validate(struct arena *, const struct form_key *, size_t nkeys,
    const struct params *, struct form_field *out);
void form_fail(struct form_field *, const char *message);

/* Validators for form_key.check. */
bool form_choice(const struct form_key *, const char *, size_t);
bool form_phone(const struct form_key *, const char *, size_t);
bool form_id_number(const struct form_key *, const char *, size_t);
bool form_credit_code(const struct form_key *, const char *, size_t);
bool form_email(const struct form_key *, const char *, size_t);
bool form_digits(const struct form_key *, const char *, size_t);
/* Bounded numbers: form_int within [imin, imax] (imin < 0 allows a leading '-'), form_id a
 * positive row id (1 to 2^53); no sign, space or leading zero, no overflow. A valid field's
 * number is in form_field.num. */
bool form_int(const struct form_key *, const char *, size_t);
bool form_id(const struct form_key *, const char *, size_t);
/* A real date "YYYY-MM-DD" (calendar.h's cal_parse). */
bool form_date(const struct form_key *, const char *, size_t);
/* A 16-digit ticket with its check digit, typed with or without spaces or dashes; a valid
 * field's value is the 16 digits alone. */
bool form_ticket(const struct form_key *, const char *, size_t);
/* An 8-character query code (crypto.h's alphabet; case and spaces forgiven). */
bool form_code(const struct form_key *, const char *, size_t);
/* Strictly parse exactly len bytes of a decimal integer within [min, max]. */
bool form_parse_int(const char *, size_t len, int64_t min, int64_t max, int64_t *out);

/* <name><option value="…">label</option>…</name> */
void form_options_xml(xmlNodePtr parent, const char *name, const struct option *);
/* <values><value name="…">…</value>…</values>: what the user sent, for the keys of the table
 * that are not secret. */
void form_values_xml(xmlNodePtr parent, const struct form_key *, size_t nkeys,
    const struct params *);
/* <field name="…">message</field> for each field in error. */
void form_errors_xml(xmlNodePtr parent, const struct form_key *, size_t nkeys,
    const struct form_field *);
const char *option_label(const struct option *, const char *value);
/* <limit name="…" min="…" max="…"/> for each key with a maximum, secret keys left out: the
 * lengths a page writes as maxlength and minlength. They go into the <limits> child of parent,
 * made if there is none (an existing one keeps its attributes). */
void form_limits_xml(xmlNodePtr parent, const struct form_key *, size_t nkeys);

#endif
