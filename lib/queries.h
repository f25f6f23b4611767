/*
 * queries: every SQL statement of jubao, in one table, so that a reader sees at one glance what
 * the programs may do to the database. A program's connection prepares those it uses, when it
 * first uses them (db.h); values travel only as bound parameters.
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
	Q_REPORT_ID_BY_SUBMIT_KEY, /* submit_key -> id */
	Q_IDENTITY_INSERT,
	Q_EVENT_INSERT,
	Q_ATTACHMENT_INSERT,
	Q_PUBLIC_LOOKUP,       /* subject, bucket, ticket -> rate row, report, events */
	Q_RATE_GET,            /* subject, bucket -> window_start, hits */
	Q_RATE_HIT,            /* subject, bucket, now, window start cut-off */
	Q_REPORT_REPLY,        /* due, now, id: needs_info -> submitted */
	Q_REPORT_MAC_BY_TICKET,/* ticket -> code_mac (the spool's importer) */

	/* the staff console */
	Q_SESSION_GET,         /* token hash -> staff id, csrf, last_seen, created, totp_ok, login,
	                        * name, must_change, disabled, has_totp */
	Q_SESSION_TOUCH,
	Q_SESSION_INSERT,
	Q_SESSION_DELETE,
	Q_SESSIONS_OF_STAFF_DELETE,
	Q_STAFF_BY_LOGIN,      /* login -> id, hash, salt, iter, disabled, totp_secret,
	                        * totp_last_step, must_change */
	Q_STAFF_BY_ID,         /* id -> hash, salt, iter */
	Q_STAFF_TOTP_BY_ID,    /* id -> hash, salt, iter, totp_secret, totp_last_step */
	Q_STAFF_LOGIN_FAILED,  /* id */
	Q_STAFF_LOGIN_OK,
	Q_STAFF_SET_PASSWORD,
	Q_STAFF_SET_TOTP,      /* sealed secret, step, id */
	Q_STAFF_TOTP_OFF,      /* step, id, step: one row when the step is new */
	Q_STAFF_TOTP_STEP,     /* step, id, step: one row when the step is new */
	Q_THROTTLE_ENSURE,     /* account, subject */
	Q_THROTTLE_LOCK,       /* account, subject -> failures, wait_until (FOR UPDATE) */
	Q_THROTTLE_TAKE,       /* failures, wait_until, account, subject */
	Q_THROTTLE_CLEAR,      /* account, subject */
	Q_STAFF_ROLES,         /* staff id -> role, department id, name, region, kind */
	Q_AUDIT_INSERT,
	Q_COUNTS_AREA,         /* region prefix -> state, n */
	Q_COUNTS_DEPT,         /* kind, region prefix -> state, n */
	Q_DUE_AREA,            /* prefix, date -> case rows due on or before date */
	Q_DUE_DEPT,            /* today, kind, prefix, today -> due today and overdue rows */
	Q_PRESSED_AREA,
	Q_PRESSED_DEPT,
	Q_CASES_AREA,          /* prefix, state, state, q, q, q, overdue, offset -> case rows */
	Q_CASES_DEPT,
	Q_SEARCH_AREA,         /* prefix, ticket, name prefix, filters, offset */
	Q_SEARCH_DEPT,
	Q_CASE_GET,            /* id -> the report's columns */
	Q_CASE_DEPTS,          /* id -> department id, name, role, kind, region */
	Q_CASE_NOTES,
	Q_CASE_EVENTS,
	Q_CASE_ATTACHMENTS,
	Q_ATTACHMENT_GET,      /* id -> report id, stored name, mime */
	Q_CASE_DUPLICATES,
	Q_CASE_SET_STATE,      /* state, due, intake staff, now, id */
	Q_CASE_CLOSE,
	Q_CASE_SET_LEAD,
	Q_CASE_SET_VERDICT,
	Q_CASE_SET_DISPOSAL,
	Q_CASE_SET_FEEDBACK,
	Q_CASE_SET_CONTACT,
	Q_CASE_SET_HAZARD,
	Q_CASE_SET_DUPLICATE,
	Q_CASE_ID_BY_TICKET,
	Q_CASE_DUPLICATE_IDS,
	Q_NOTE_INSERT,
	Q_EVENT_INSERT_NOW,
	Q_RD_INSERT,
	Q_RD_CLEAR,
	Q_IDENTITY_GET,        /* report id -> sealed (binary) */
	Q_DEPARTMENTS,         /* -> id, region, kind, name, enabled */
	Q_CONTACTS_OF_DEPT,    /* department id -> staff id, name */
	Q_STAFF_HAS_ROLE,      /* staff, role, department -> 1 */
	Q_ROUTING_RULES,
	Q_ROUTING_INSERT,
	Q_ROUTING_TOGGLE,
	Q_ROUTING_DELETE,
	Q_HOLIDAYS_YEAR,
	Q_HOLIDAY_SET,
	Q_HOLIDAY_DELETE,
	Q_AUDIT_LIST,
	Q_AUDIT_LIST_CASES,    /* prefix, filters, offset: a supervisor's case history */
	Q_USERS,               /* area prefix -> the accounts of the area */
	Q_USER_ROLES,          /* area prefix -> their roles */
	Q_USER_IN_AREA,        /* staff id, area prefix -> 1 when all its roles are in the area */
	Q_DEPARTMENT_IN_AREA,  /* id, area prefix -> 1 when enabled and in the area */
	Q_DEPARTMENTS_AREA,    /* area prefix -> id, region, kind, name, enabled */
	Q_USER_CREATE,
	Q_STAFF_ROLE_KIND,     /* staff id, role, role -> how many roles it holds that may not
	                        * go with that role (三员分立) */
	Q_ROLE_ADD,
	Q_ROLE_DELETE,
	Q_USER_TOGGLE,
	Q_REJECT_REASONS,      /* -> code, label, text */
	Q_REASON_LABEL,        /* code -> label, of an enabled reason */
	Q_REASONS_ALL,         /* -> code, label, text, sort, enabled (disabled ones too) */
	Q_REASON_SAVE,         /* code, label, text, sort, enabled: insert or update */
	Q_STAFF_GUARDED,       /* staff id -> how many guarded roles (intake, contact, admins) */
	Q_STAFF_TOTP_CLEAR,    /* staff id: the second factor must be set up again */
	Q_CHANGE_INSERT,       /* staff, kind, role, dept, hash, salt, iter, by, at */
	Q_CHANGE_GET,          /* id -> staff, kind, role, dept, hash, salt, iter, by, state,
	                        * requester's name (login) */
	Q_CHANGE_DECIDE,       /* state, by, at, id: one row when it was pending */
	Q_CHANGES_PENDING,     /* area prefix x2 -> id, staff, login, kind, role, dept name,
	                        * by id, by login, by name, at */
	Q_NOTICE_INSERT,       /* staff, at, text */
	Q_NOTICES_UNSEEN,      /* staff -> at, text */
	Q_NOTICES_SEEN,        /* staff */
	Q_DEPARTMENT_NAME,     /* id -> name */

	/* the published lists: the publisher's pages (cgi/admin/lists*.c) */
	Q_LIST_AREA_COUNTS,    /* area prefix -> list type, state, n */
	Q_LIST_DRAFTS,         /* today, area prefix -> department, entry and due of each draft */
	Q_LIST_CLOSED_CASES,   /* area prefix -> closed cases of the area without an entry */
	Q_LIST_ENTRIES,        /* today, prefix, list x2, state x2, year x2, name x2, offset
	                        * -> lines */
	Q_LIST_ENTRY_GET,      /* id -> the entry, its fields in enum list_field order */
	Q_LIST_ITEMS,          /* entry id -> seq, item, measured, limit, standard */
	Q_LIST_ITEM_COUNT,     /* entry id -> n */
	Q_LIST_CASE_FACTS,     /* case id, area prefix -> a closed case's verified facts */
	Q_LIST_INSERT,         /* the fields, then list, case, department, basis, due, year, staff */
	Q_LIST_UPDATE,         /* the fields, then basis, due, year, id: a draft only */
	Q_LIST_ITEM_INSERT,    /* entry, item, measured, limit, standard, entry */
	Q_LIST_ITEM_DELETE,    /* entry, seq: of a draft only */
	Q_LIST_BATCH_INSERT,   /* department, list type, stage, day, staff */
	Q_LIST_NOTICE,         /* batch, day, id: one row when it was a draft */
	Q_LIST_ANNOUNCE,       /* completion, day, id: one row when it was in notice */
	Q_LIST_ARCHIVE,        /* day, id: one row when it was announced */
	Q_LIST_WITHDRAW,       /* day, reason, id: one row when it was published, not archived */
	Q_LIST_REVIEW,         /* staff, day, note, id */
	/* the published lists (lib/listpages.c) */
	Q_LIST_COUNTS,         /* -> list type, public entries */
	Q_LIST_TOTAL,          /* the filters (LIST_FILTER_PARAMS) twice -> count */
	Q_LIST_ROWS,           /* the filters, before id, limit, offset -> entry rows */
	Q_LIST_ENTRY,          /* type, id -> the entry row, public or not */
	Q_LIST_YEARS,          /* type ('' all) x4 -> years with public entries */
	Q_LIST_LAST_UPDATE,    /* type -> the latest updated_at of its public entries */
	Q_LIST_VERSION,        /* -> the lists' version (sql/016, lib/listcache.h) */
	Q_ANNUAL_EXIT,         /* dimension, year -> key, is total, unit, is subtotal,
	                        * enterprises, equipment, capacity (WITH ROLLUP) */
	/* the credit push (lib/creditexport.c; the console and jubaoctl credit-export) */
	Q_CREDIT_LATE,         /* today, area prefix LIKE, after id -> the entries past their
	                        * exit deadline and not announced, with their department */

	/* statistics (lib/stats.c, cgi/admin/stats.c, cgi/pages.c): the counters in
	 * STATS_COUNTERS order (lib/stats.h) */
	Q_STATS_CUBE_ADD,      /* month, counters, report id: its rows of each dim */
	Q_STATS_DEPT_ADD,      /* month, counters, report id: once the case has a lead */
	Q_STATS_TOTAL,         /* STATS_FILTER -> '', sums */
	Q_STATS_MONTHS,        /* STATS_FILTER -> YYYY-MM, sums */
	Q_STATS_REGIONS,       /* STATS_FILTER (below) -> area, sums */
	Q_STATS_BY,            /* STATS_FILTER (dim, '') -> value, sums */
	Q_STATS_OVERDUE_NOW,   /* today, area LIKE, category, industry, channel, standard (each
	                        * twice, '' any) -> open cases past their due date */
	Q_STATS_DEPTS,         /* from, to, area prefix -> department name, sums */
	Q_STATS_EXITS,         /* from, to, area LIKE, industry twice ('' any) -> industry, unit,
	                        * enterprises, quantity, capacity (text) */
	Q_STATS_WEIGHTS,       /* -> measure, weight */
	Q_STATS_WEIGHT_SET,    /* weight, measure */
	Q_STATS_VERSION_BUMP,  /* part (sql/019): the summary changed, in the same transaction */
	Q_STATS_VERSION,       /* -> the summary's version: its parts' sum plus list_version */
	/* 整改及退出台账（企业明细） (lib/ledger_entries.c) */
	Q_LEDGER_ENTRIES,      /* period's last month, from x2, area prefix LIKE -> entry rows */
	/* the case list's export: [kind,] prefix, q, q, q, state, state, overdue, before id,
	 * from id, limit -> export rows, newest first */
	Q_REPORT_MAX_ID,       /* -> the largest report id, 0 when none */
	Q_CASES_EXPORT_AREA,
	Q_CASES_EXPORT_DEPT,
	/* the upward-reporting calendar's filings (sql/020, cgi/admin/reporting.c) */
	Q_FILING_LIST,         /* department id, first year, last year -> item, year, filed
	                        * (Beijing, YYYY-MM-DD), staff display name, note */
	Q_FILING_ADD,          /* item, year, department id, time, staff id, note */
	Q_FILING_DEL,          /* item, year, department id */
	Q_FILING_BELOW,        /* first year, last year, area prefix -> department id, name,
	                        * region, item, year, filed (Beijing, YYYY-MM-DD); one row per
	                        * filing of the 工信 departments of the regions just below the area
	                        * (item '' when none), in region order */
	Q__MAX
};

extern const char *const queries[Q__MAX];

/*
 * jubaoctl, the operator's tool (tools/jubaoctl/), has statements of its own: they are kept in a
 * separate table so that what an operator may do is visible apart from what the programs do.
 * Their ids continue the numbering of enum query (CQ_FIRST = Q__MAX) and ctl_queries[] leaves
 * the slots below CQ_FIRST empty: jubaoctl builds one table at start-up (queries[] below
 * CQ_FIRST, ctl_queries[] from there), so that its one connection prepares both and the audit
 * rows it writes through lib/audit.c (Q_AUDIT_INSERT) share the transactions of its own
 * statements.
 */
enum ctl_query {
	CQ_FIRST = Q__MAX,
	CQ_DEPT_BY_ID = CQ_FIRST, /* id -> name, enabled, region, kind */
	CQ_DEPT_BY_NAME,        /* name -> id */
	CQ_DEPT_BY_REGION_KIND, /* region, kind -> id, name */
	CQ_STAFF_BY_LOGIN,      /* login -> id */
	CQ_STAFF_INSERT,        /* login, name, email, hash, salt, iter, must_change */
	CQ_ROLE_INSERT,         /* staff id, role, department id */
	CQ_STAFF_RESET,         /* hash, salt, iter, id */
	CQ_SESSIONS_DELETE,     /* staff id */
	CQ_IDENTITY_COUNT,      /* key id -> count */
	CQ_IDENTITY_BATCH,      /* key id, after, limit -> report id, ticket, key id, sealed */
	CQ_IDENTITY_UPDATE,     /* alg, key id, sealed, report id, old key id */
	CQ_TOTP_BATCH,          /* after, limit -> id, sealed */
	CQ_TOTP_UPDATE,         /* sealed, id, old sealed */
	CQ_OVERDUE_CANDIDATES,  /* today, after -> id */
	CQ_OVERDUE_MARK,        /* id, today */
	CQ_REPORT_BRIEF,        /* id -> ticket, state, due, lead department, region */
	CQ_HANDLERS,            /* department id -> staff id, email */
	CQ_INTAKE_GONGXIN,      /* province, city, region -> staff id, email */
	CQ_MAIL_INSERT,         /* recipient, subject, body */
	CQ_MAIL_UNSENT,         /* after -> id, recipient, subject, body */
	CQ_MAIL_SENT,           /* id */
	CQ_MAIL_UNSENT_COUNT,   /* -> count */
	CQ_EXPORT,              /* state, state, after -> id and the columns of the CSV */
	CQ_STATS_CLEAR_CUBE,    /* stats-rebuild: empty the summary tables */
	CQ_STATS_CLEAR_DEPT,
	CQ_STATS_FOLD_SUM,      /* first day of this month: the parts of earlier months summed */
	CQ_STATS_FOLD_DROP,     /* the same month: then removed */
	CQ_STATS_REPORTS,       /* after -> id, verdict, disposal, feedback approved, region,
	                         * category, industry, channel, standards, lead (1000) */
	CQ_STATS_CUBE_PUT,      /* dim, value, month, region, level, counters */
	CQ_STATS_DEPT_PUT,      /* department id, month, counters */
	CQ_STATS_EVENTS,        /* first id, last id -> report id, time, state */
	CQ_STATS_MARKS,         /* first id, last id -> report id, time, action (audit order) */
	CQ__MAX
};

extern const char *const ctl_queries[CQ__MAX];

#endif
