/* queries: see queries.h. Times are formatted here so that C never parses a date it did not
 * write itself. */
#include "queries.h"

#define ISO_TIME(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%s+08:00')"
#define ISO_DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"

const char *const queries[Q__MAX] = {
	[Q_REGIONS] = "SELECT code, name, level FROM region ORDER BY code",
	[Q_INDUSTRIES] = "SELECT code, name FROM industry WHERE enabled = 1 ORDER BY sort, code",
	[Q_HOLIDAYS] = "SELECT " ISO_DATE("day") ", is_off FROM holiday",
	[Q_CHANNELS] = "SELECT COALESCE(province_code, ''), authority, kind, label, value, "
	    "COALESCE(note, '') FROM channel ORDER BY sort, id",
	[Q_REPORT_INSERT] = "INSERT INTO report (ticket, code_mac, submit_key, channel, category, "
	    "standards, industry, region, subject_type, subject_name, subject_address, "
	    "credit_code, description, hazard, anonymous, submitted_at, due_date) "
	    "VALUES (?, ?, ?, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), ?)",
	[Q_REPORT_BY_SUBMIT_KEY] = "SELECT ticket, " ISO_TIME("submitted_at") ", "
	    "COALESCE(" ISO_DATE("due_date") ", ''), anonymous FROM report WHERE submit_key = ?",
	[Q_IDENTITY_INSERT] = "INSERT INTO report_identity (report_id, alg, key_id, sealed) "
	    "VALUES (?, ?, ?, ?)",
	[Q_EVENT_INSERT] = "INSERT INTO report_event (report_id, at, state, text) "
	    "VALUES (?, FROM_UNIXTIME(?), ?, ?)",
	[Q_ATTACHMENT_INSERT] = "INSERT INTO attachment (report_id, stored_name, mime, size, "
	    "sha256, added_at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))",
	[Q_REPORT_BY_TICKET] = "SELECT id, code_mac, state, category, " ISO_TIME("submitted_at")
	    ", COALESCE(" ISO_DATE("due_date") ", '') FROM report WHERE ticket = ?",
	[Q_EVENTS_BY_REPORT] = "SELECT " ISO_TIME("at") ", state, text FROM report_event "
	    "WHERE report_id = ? ORDER BY at, id",
	[Q_RATE_GET] = "SELECT window_start, hits FROM rate_limit WHERE subject = ? AND bucket = ?",
	/* A fixed window: a hit in an expired window starts a new one. */
	[Q_RATE_HIT] = "INSERT INTO rate_limit (subject, bucket, window_start, hits) "
	    "VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE "
	    "hits = IF(window_start <= ?, 1, hits + 1), "
	    "window_start = IF(window_start <= ?, VALUES(window_start), window_start)",
};
