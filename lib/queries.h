/*
 * queries: every SQL statement of jubao, in one table, so that a reader sees at one glance what
 * the programs may do to the database. Each program's connection prepares them all (db.h); values
 * travel only as bound parameters.
 */
#ifndef JUBAO_QUERIES_H
#define JUBAO_QUERIES_H

#include <stddef.h>

enum query {
	Q_REGIONS,             /* -> code, name, level */
	Q_INDUSTRIES,          /* -> code, name */
	Q_HOLIDAYS,            /* -> day, is_off */
	Q_CHANNELS,            /* -> province_code, authority, kind, label, value, note */
	Q_REPORT_INSERT,
	Q_REPORT_BY_SUBMIT_KEY,/* submit_key -> ticket, submitted, due */
	Q_IDENTITY_INSERT,
	Q_EVENT_INSERT,
	Q_ATTACHMENT_INSERT,
	Q_REPORT_BY_TICKET,    /* ticket -> id, code_mac, state, category, submitted, due */
	Q_EVENTS_BY_REPORT,    /* report id -> at, state, text */
	Q_RATE_GET,            /* subject, bucket -> window_start, hits */
	Q_RATE_HIT,            /* subject, bucket, now, window start cut-off */
	Q__MAX
};

extern const char *const queries[Q__MAX];

#endif
