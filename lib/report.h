/*
 * report: a report's life in the database, as the public programs see it: saving a new report
 * with its sealed identity, first event and evidence in one transaction, and loading the public
 * view of a case (state, deadline, public events) by ticket. Labels of states and categories
 * live here too, so that every page names them alike.
 */
#ifndef JUBAO_REPORT_H
#define JUBAO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "calendar.h"
#include "crypto.h"
#include "db.h"
#include "form.h"
#include "ratelimit.h"
#include "store.h"

extern const struct option report_categories[];
extern const struct option report_standards[];
extern const struct option report_subject_types[];
extern const struct option report_states[];

struct new_report {
	const char *channel;             /* web, phone, fax, email, letter, visit */
	int64_t     intake_staff_id;     /* the officer who recorded it; 0 for the web */
	const char *category;
	const char *standards;           /* comma-separated SET value */
	const char *industry;
	const char *region;
	const char *subject_type;
	const char *subject_name;
	const char *subject_address;     /* NULL when none */
	const char *credit_code;         /* NULL when none */
	const char *description;
	bool        hazard;
	bool        anonymous;
	const char *identity;            /* plaintext to seal; NULL for an anonymous report */
	size_t      identity_len;
};

struct receipt {
	char ticket[17];
	char submitted[32];                /* ISO 8601 with +08:00 */
	char due[11];                      /* YYYY-MM-DD or "" */
	bool anonymous;
	bool existed;                      /* the same form had been saved before */
	bool spooled;                      /* kept in the spool: the database was away */
};

/* Seal the reporter's identity with the ring's current key into sealed (cap bytes), the ticket
 * as additional data; *alg gets the key's algorithm. DB_OK or DB_FAIL. */
int report_seal_identity(const struct keyring *, const struct new_report *, const char ticket[17],
    uint8_t *sealed, size_t cap, size_t *sealed_len, int64_t *alg);

/* Save a report submitted through the web form (identity sealed with the ring's current key), committed before this returns DB_OK.
 * submit_key makes it idempotent: when a report with that key exists, *out describes it
 * (existed = true) and nothing new is stored. code is the query code whose MAC is kept. */
int report_save(struct db *, const struct keyring *, const uint8_t code_mac_key[32],
    const struct new_report *, const uint8_t submit_key[32], const char code[9],
    const struct stored_file *, size_t nfiles, int64_t now, const char *due,
    struct receipt *out);

/* A report taken into the spool while the database was away (lib/spool.h), as it is stored. */
struct report_import {
	const char              *ticket;
	const uint8_t           *code_mac;       /* 32 bytes */
	const uint8_t           *submit_key;     /* 32 bytes */
	int64_t                  submitted;      /* the original submission time */
	const char              *due;            /* computed from it; "" none */
	const struct new_report *r;
	const uint8_t           *sealed;         /* the sealed identity as spooled; NULL none */
	size_t                   sealed_len;
	const struct stored_file *files;
	size_t                   nfiles;
};
enum import_outcome {
	IMPORT_DONE,            /* stored now */
	IMPORT_PRESENT,         /* stored before: same ticket, same code MAC */
	IMPORT_CONFLICT,        /* the ticket belongs to another report: nothing stored */
};
/* Store a spooled report in one transaction, exactly once: a duplicate ticket with the same code
 * MAC is one imported before. DB_OK with *outcome, or a db error. */
int report_import(struct db *, const struct report_import *, enum import_outcome *outcome);

/* Public view of a case, in one statement together with the client's failed-lookup count
 * (one round trip, known ticket or not, so the time taken does not tell whether the ticket
 * exists): first probe->retry_after is set (over the limit:
 * nothing else is done); then ticket and code are checked (MAC compared in constant time,
 * computed whether or not the ticket exists).
 * DB_OK with *found set; *doc receives a new <case> document (with <reply-form/> when the case
 * waits for the reporter) and *id the report's id. */
int report_public_case(struct db *, const uint8_t code_mac_key[32], struct rate_probe *probe,
    const char ticket[17], const char code[9], bool *found, xmlDocPtr *doc, int64_t *id);

/* The reporter's answer to a request for more (needs_info): back to submitted with a new
 * transfer deadline, the text as a public event, the files as attachments. *done false when
 * the case is not waiting for an answer. */
int report_reply(struct db *, int64_t report_id, const char *text, const struct stored_file *,
    size_t nfiles, int64_t now, const char *due, bool *done);

/* "2026-11-22T09:30:00+08:00" for a Unix time, in Beijing time. */
void report_time(int64_t t, char out[32]);
/* The working day n days after the Beijing date of t, as YYYY-MM-DD. */
void report_due(const struct calendar *, int64_t t, int n, char out[11]);

#endif
