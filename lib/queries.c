/* queries: see queries.h. Times are formatted here so that C never parses a date it did not
 * write itself. */
#include "queries.h"
#include "stats.h"

#define ISO_TIME(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%s+08:00')"
#define ISO_DATE(col) "DATE_FORMAT(" col ", '%Y-%m-%d')"


/* The statistics counters (lib/stats.h STATS_COUNTERS) as column lists: ", received, …",
 * ", ?, …", "received = received + VALUES(received), …" and ", SUM(received), …". */
#define STATS_COL(u, l) ", " #l
#define STATS_PARAM(u, l) ", ?"
/* the target's columns named with its table: report has an `overdue` column too */
#define STATS_ADD_CUBE(u, l) "stats_cube." #l " = stats_cube." #l " + VALUES(" #l "), "
#define STATS_ADD_DEPT(u, l) "stats_dept." #l " = stats_dept." #l " + VALUES(" #l "), "
/* Summed as DOUBLE (exact for integers below 2^53, far above any count here): MariaDB sums INT
 * columns in DECIMAL, and its binary conversions in the group-by table were the top of its
 * profile for the statistics page; as DOUBLE the same statements take about a third less. */
#define STATS_SUM(u, l) ", CAST(COALESCE(SUM(" #l " * 1e0), 0) AS SIGNED)"
#define STATS_COLS STATS_COUNTERS(STATS_COL)
#define STATS_SUM_AS(u, l) ", SUM(" #l ") AS " #l
#define SQL_NUM_(n) #n
#define SQL_NUM(n) SQL_NUM_(n)
#define STATS_PARAMS STATS_COUNTERS(STATS_PARAM)
#define STATS_SUMS STATS_COUNTERS(STATS_SUM)
/* lib/stats.c stats_filter_params: dim, value twice ('' any: a breakdown, or every report from
 * the category rows), from month, to month, level (the length of the area's code), the area as
 * a LIKE pattern (its code; "2201%" for the areas just below it; "%" for the whole) */
#define STATS_FILTER "dim = ? AND (? = '' OR value = ?) AND month BETWEEN ? AND ? AND " \
	"level = ? AND region LIKE ?"

const char *const queries[Q__MAX] = {
	[Q_REGIONS] = "SELECT code, name, level FROM region ORDER BY code",
	[Q_INDUSTRIES] = "SELECT code, name FROM industry WHERE enabled = 1 ORDER BY sort, code",
	[Q_HOLIDAYS] = "SELECT " ISO_DATE("day") ", is_off FROM holiday",
	[Q_CHANNELS] = "SELECT COALESCE(province_code, ''), authority, kind, label, value, "
	    "COALESCE(note, '') FROM channel ORDER BY sort, id",
	[Q_REPORT_INSERT] = "INSERT INTO report (ticket, code_mac, submit_key, channel, category, "
	    "standards, industry, region, subject_type, subject_name, subject_address, "
	    "credit_code, description, hazard, anonymous, submitted_at, due_date, intake_staff_id) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), ?, ?)",
	[Q_REPORT_BY_SUBMIT_KEY] = "SELECT ticket, " ISO_TIME("submitted_at") ", "
	    "COALESCE(" ISO_DATE("due_date") ", ''), anonymous FROM report WHERE submit_key = ?",
	[Q_REPORT_ID_BY_SUBMIT_KEY] = "SELECT id FROM report WHERE submit_key = ?",
	[Q_REPORT_MAC_BY_TICKET] = "SELECT code_mac FROM report WHERE ticket = ?",
	[Q_IDENTITY_INSERT] = "INSERT INTO report_identity (report_id, alg, key_id, sealed) "
	    "VALUES (?, ?, ?, ?)",
	[Q_EVENT_INSERT] = "INSERT INTO report_event (report_id, at, state, text) "
	    "VALUES (?, FROM_UNIXTIME(?), ?, ?)",
	[Q_ATTACHMENT_INSERT] = "INSERT INTO attachment (report_id, stored_name, mime, size, "
	    "sha256, added_at) VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?))",
	/* The status lookup in one round trip: the client's failed-lookup count, the report by
	 * ticket and its public events, one row per event. Every report has at least one event
	 * (report_save writes the first in the same transaction; events are never deleted), so
	 * the inner join loses no report. The one-row table in front makes the statement return
	 * a row even for an unknown ticket (report columns NULL): a lookup costs one round trip
	 * whether or not the ticket exists, so its timing does not tell (issue 8, finding 10).
	 * The sort of a case's few events is cheap. */
	[Q_PUBLIC_LOOKUP] = "SELECT l.window_start, l.hits, "
	    "r.id, r.code_mac, r.state, r.category, r.submitted_at, r.due_date, e.at, e.state, "
	    "e.text, e.id "
	    "FROM (SELECT 1) AS one "
	    "LEFT JOIN rate_limit l ON l.subject = ? AND l.bucket = ? "
	    "LEFT JOIN (report r JOIN report_event e ON e.report_id = r.id) ON r.ticket = ?",
	[Q_RATE_GET] = "SELECT window_start, hits FROM rate_limit WHERE subject = ? AND bucket = ?",
	/* A fixed window: a hit in an expired window starts a new one. */
	[Q_RATE_HIT] = "INSERT INTO rate_limit (subject, bucket, window_start, hits) "
	    "VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE "
	    "hits = IF(window_start <= ?, 1, hits + 1), "
	    "window_start = IF(window_start <= ?, VALUES(window_start), window_start)",

	[Q_REPORT_REPLY] = "UPDATE report SET state = 'submitted', due_date = ?, overdue = 0, "
	    "updated_at = FROM_UNIXTIME(?) WHERE id = ? AND state = 'needs_info'",
	/* ---- the staff console ---- */
	[Q_SESSION_GET] = "SELECT s.staff_id, s.csrf, s.last_seen, s.created_at, s.totp_ok, "
	    "t.login, t.display_name, t.must_change, t.disabled, t.totp_secret IS NOT NULL "
	    "FROM staff_session s JOIN staff t ON t.id = s.staff_id WHERE s.token_hash = ?",
	[Q_SESSION_TOUCH] = "UPDATE staff_session SET last_seen = ? WHERE token_hash = ?",
	[Q_SESSION_INSERT] = "INSERT INTO staff_session (token_hash, staff_id, csrf, created_at, "
	    "last_seen, totp_ok) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_SESSION_DELETE] = "DELETE FROM staff_session WHERE token_hash = ?",
	[Q_SESSIONS_OF_STAFF_DELETE] = "DELETE FROM staff_session WHERE staff_id = ? "
	    "AND token_hash <> ?",
	[Q_STAFF_BY_LOGIN] = "SELECT id, pw_hash, pw_salt, pw_iter, disabled, totp_secret, "
	    "totp_last_step, must_change FROM staff WHERE login = ?",
	[Q_STAFF_BY_ID] = "SELECT pw_hash, pw_salt, pw_iter "
	    "FROM staff WHERE id = ?",
	[Q_STAFF_TOTP_BY_ID] = "SELECT pw_hash, pw_salt, pw_iter, totp_secret, totp_last_step "
	    "FROM staff WHERE id = ?",
	/* failed_logins only counts, for the administrators' eyes; the throttle is login_throttle. */
	[Q_STAFF_LOGIN_FAILED] = "UPDATE staff SET failed_logins = failed_logins + 1 WHERE id = ?",
	[Q_STAFF_LOGIN_OK] = "UPDATE staff SET failed_logins = 0, locked_until = 0 WHERE id = ?",
	[Q_STAFF_SET_PASSWORD] = "UPDATE staff SET pw_hash = ?, pw_salt = ?, pw_iter = ?, "
	    "must_change = ? WHERE id = ?",
	[Q_STAFF_SET_TOTP] = "UPDATE staff SET totp_secret = ?, totp_last_step = ? WHERE id = ?",
	/* A TOTP code is used once: the step it belongs to must be later than the last accepted,
	 * and the update that records it is the test (one row changed, or the code was used). */
	[Q_STAFF_TOTP_OFF] = "UPDATE staff SET totp_secret = NULL, totp_last_step = ? "
	    "WHERE id = ? AND totp_last_step < ?",
	[Q_STAFF_TOTP_STEP] = "UPDATE staff SET totp_last_step = ? WHERE id = ? "
	    "AND totp_last_step < ?",
	/* The sign-in throttle (cgi/admin/login.c says the rule). The row is made outside the
	 * transaction, so that two attempts never hold shared locks that both want upgrading. */
	[Q_THROTTLE_ENSURE] = "INSERT INTO login_throttle (account, subject) VALUES (?, ?) "
	    "ON DUPLICATE KEY UPDATE account = account",
	[Q_THROTTLE_LOCK] = "SELECT failures, wait_until FROM login_throttle "
	    "WHERE account = ? AND subject = ? FOR UPDATE",
	[Q_THROTTLE_TAKE] = "UPDATE login_throttle SET failures = ?, wait_until = ? "
	    "WHERE account = ? AND subject = ?",
	[Q_THROTTLE_CLEAR] = "DELETE FROM login_throttle WHERE account = ? AND subject = ?",
	[Q_STAFF_ROLES] = "SELECT r.role, d.id, d.name, d.region_code, d.kind FROM staff_role r "
	    "JOIN department d ON d.id = r.department_id WHERE r.staff_id = ? AND d.enabled = 1 "
	    "ORDER BY r.role, d.id",
	[Q_AUDIT_INSERT] = "INSERT INTO audit (at, staff_id, login, action, report_id, detail, "
	    "client) VALUES (FROM_UNIXTIME(?), ?, ?, ?, ?, ?, ?)",
	[Q_COUNTS_AREA] = "SELECT state, COUNT(*) FROM report WHERE region LIKE ? GROUP BY state",
	[Q_COUNTS_DEPT] = "SELECT r.state, COUNT(DISTINCT r.id) FROM report r "
	    "JOIN report_department rd ON rd.report_id = r.id JOIN department d "
	    "ON d.id = rd.department_id WHERE d.kind = ? AND d.region_code LIKE ? GROUP BY r.state",
/* When a report came in, as staff see it: the date only for an anonymous report, whose
 * minute of submission could be matched against other records to find the reporter. The
 * database cuts it, so the time never reaches a console worker (issue 8, finding 6). */
#define SUBMITTED_SHOWN "IF(r.anonymous, " ISO_DATE("r.submitted_at") ", " \
	    ISO_TIME("r.submitted_at") ")"
#define CASE_COLS "r.id, r.ticket, r.state, r.category, r.subject_name, r.region, " \
	    "COALESCE(" ISO_DATE("r.due_date") ", '') AS due, r.overdue, " \
	    SUBMITTED_SHOWN " AS submitted"
#define PRESS_COUNT(id) "(SELECT COUNT(*) FROM report_note n WHERE n.report_id = " id \
	    " AND n.kind = 'press')"
#define CASE_ROW CASE_COLS ", " PRESS_COUNT("r.id")
/* A department's lists need DISTINCT (a report may be in several of its units), and MariaDB
 * evaluates select-list subqueries for every row before DISTINCT and LIMIT: the press count
 * is taken after them, for the page's rows only. */
#define PRESS_AFTER(inner, order) "SELECT c.*, " PRESS_COUNT("c.id") " FROM (" inner ") AS c " \
	    "ORDER BY " order
#define OPEN_STATES_SQL "('submitted','accepted','transferred','inspecting','verified','disposing')"
	/* Dashboard lists: due in a date range, driven by the due-date index. */
	[Q_DUE_AREA] = "SELECT " CASE_ROW " FROM report r FORCE INDEX (report_due) "
	    "WHERE r.region LIKE ? AND r.due_date BETWEEN ? AND ? AND r.state IN " OPEN_STATES_SQL
	    " ORDER BY r.due_date, r.id LIMIT 21",
	/* A unit's due-today and overdue lists in one pass over its reports (both need all of
	 * them): up to 21 of each (the dashboard shows 20), numbered within "due today" and "before". Parameters: today,
	 * kind, prefix, today. */
	[Q_DUE_DEPT] = "SELECT c.id, c.ticket, c.state, c.category, c.subject_name, c.region, "
	    "c.due, c.overdue, c.submitted, " PRESS_COUNT("c.id") " FROM (SELECT t.*, "
	    "ROW_NUMBER() OVER "
	    "(PARTITION BY t.due = ? ORDER BY t.due, t.id) AS rn FROM (SELECT STRAIGHT_JOIN "
	    "DISTINCT " CASE_COLS " FROM department d JOIN report_department rd "
	    "ON rd.department_id = d.id JOIN report r ON r.id = rd.report_id "
	    "WHERE d.kind = ? AND d.region_code LIKE ? AND r.due_date <= ? AND r.state IN "
	    OPEN_STATES_SQL ") AS t) AS c WHERE c.rn <= 21 ORDER BY c.due, c.id",
	/* Pressed cases, driven by the (few) press notes. */
	[Q_PRESSED_AREA] = "SELECT STRAIGHT_JOIN " CASE_ROW " FROM (SELECT DISTINCT report_id FROM "
	    "report_note WHERE kind = 'press') p JOIN report r ON r.id = p.report_id "
	    "WHERE r.region LIKE ? AND r.state IN " OPEN_STATES_SQL " ORDER BY r.id DESC LIMIT 51",
	[Q_PRESSED_DEPT] = PRESS_AFTER("SELECT STRAIGHT_JOIN DISTINCT " CASE_COLS " FROM (SELECT "
	    "DISTINCT report_id FROM report_note WHERE kind = 'press') p JOIN report r "
	    "ON r.id = p.report_id JOIN report_department rd ON rd.report_id = r.id JOIN department d "
	    "ON d.id = rd.department_id WHERE d.kind = ? AND d.region_code LIKE ? AND r.state IN "
	    OPEN_STATES_SQL " ORDER BY 1 DESC LIMIT 51", "c.id DESC"),
	/* Case lists, newest first: a backward walk of the primary key that stops at the page's
	 * end; a search goes through the ticket and subject-name indexes instead. */
#define CASE_FILTER " AND (? IS NULL OR r.state = ?) AND (? = 0 OR r.overdue = 1) "
	[Q_CASES_AREA] = "SELECT " CASE_ROW " FROM report r FORCE INDEX (PRIMARY) "
	    "WHERE r.region LIKE ?" CASE_FILTER "ORDER BY r.id DESC LIMIT 51 OFFSET ?",
	[Q_CASES_DEPT] = PRESS_AFTER("SELECT STRAIGHT_JOIN DISTINCT " CASE_COLS " FROM department d "
	    "JOIN report_department rd ON rd.department_id = d.id JOIN report r ON r.id = rd.report_id "
	    "WHERE d.kind = ? AND d.region_code LIKE ?" CASE_FILTER
	    "ORDER BY 1 DESC LIMIT 51 OFFSET ?", "c.id DESC"),
#define CASE_SEARCH " AND (r.ticket = ? OR r.subject_name LIKE CONCAT(?, '%')) "
	[Q_SEARCH_AREA] = "SELECT " CASE_ROW " FROM report r WHERE r.region LIKE ?" CASE_SEARCH
	    CASE_FILTER "ORDER BY r.id DESC LIMIT 51 OFFSET ?",
	[Q_SEARCH_DEPT] = PRESS_AFTER("SELECT DISTINCT " CASE_COLS " FROM report r "
	    "JOIN report_department rd ON rd.report_id = r.id JOIN department d "
	    "ON d.id = rd.department_id WHERE d.kind = ? AND d.region_code LIKE ?" CASE_SEARCH
	    CASE_FILTER "ORDER BY 1 DESC LIMIT 51 OFFSET ?", "c.id DESC"),
	[Q_CASE_GET] = "SELECT r.id, r.ticket, r.state, r.category, r.standards, r.industry, "
	    "r.region, r.subject_type, r.subject_name, COALESCE(r.subject_address, ''), "
	    "COALESCE(r.credit_code, ''), r.description, r.hazard, r.hazard_notified, r.anonymous, "
	    "r.channel, " SUBMITTED_SHOWN ", COALESCE(" ISO_DATE("r.due_date") ", ''), "
	    "r.overdue, COALESCE(r.verdict, ''), r.disposal, r.feedback_state, "
	    "COALESCE(r.feedback_text, ''), COALESCE(r.duplicate_of, ''), "
	    "COALESCE((SELECT d.ticket FROM report d WHERE d.id = r.duplicate_of), ''), "
	    "COALESCE(r.intake_staff_id, 0), COALESCE(r.contact_staff_id, 0), "
	    "COALESCE(r.lead_department_id, 0), "
	    "COALESCE((SELECT display_name FROM staff WHERE id = r.contact_staff_id), '') "
	    "FROM report r WHERE r.id = ?",
	[Q_CASE_DEPTS] = "SELECT d.id, d.name, rd.role, d.kind, d.region_code FROM "
	    "report_department rd JOIN department d ON d.id = rd.department_id "
	    "WHERE rd.report_id = ? ORDER BY rd.role = 'coop', d.id",
	[Q_CASE_NOTES] = "SELECT " ISO_TIME("n.at") ", n.kind, COALESCE(s.display_name, ''), n.text "
	    "FROM report_note n LEFT JOIN staff s ON s.id = n.staff_id WHERE n.report_id = ? "
	    "ORDER BY n.at, n.id",
	/* The submission event of an anonymous report is dated like SUBMITTED_SHOWN. */
	[Q_CASE_EVENTS] = "SELECT IF(r.anonymous AND e.at = r.submitted_at, " ISO_DATE("e.at")
	    ", " ISO_TIME("e.at") "), e.state, e.text FROM report_event e "
	    "JOIN report r ON r.id = e.report_id WHERE e.report_id = ? ORDER BY e.at, e.id",
	[Q_CASE_ATTACHMENTS] = "SELECT id, mime, size FROM attachment WHERE report_id = ? "
	    "ORDER BY id",
	[Q_ATTACHMENT_GET] = "SELECT report_id, stored_name, mime FROM attachment WHERE id = ?",
	[Q_CASE_DUPLICATES] = "SELECT id, ticket, subject_name FROM report WHERE duplicate_of = ? "
	    "ORDER BY id",
	[Q_CASE_SET_STATE] = "UPDATE report SET state = ?, due_date = ?, overdue = 0, "
	    "intake_staff_id = COALESCE(intake_staff_id, ?), updated_at = FROM_UNIXTIME(?) "
	    "WHERE id = ? AND state = ?",
	[Q_CASE_CLOSE] = "UPDATE report SET state = 'closed', due_date = NULL, overdue = 0, "
	    "updated_at = FROM_UNIXTIME(?) WHERE id = ?",
	[Q_CASE_SET_LEAD] = "UPDATE report SET lead_department_id = ? WHERE id = ?",
	[Q_CASE_SET_VERDICT] = "UPDATE report SET verdict = ? WHERE id = ?",
	[Q_CASE_SET_DISPOSAL] = "UPDATE report SET disposal = ? WHERE id = ?",
	[Q_CASE_SET_FEEDBACK] = "UPDATE report SET feedback_text = ?, feedback_state = ? WHERE id = ?",
	[Q_CASE_SET_CONTACT] = "UPDATE report SET contact_staff_id = ? WHERE id = ?",
	[Q_CASE_SET_HAZARD] = "UPDATE report SET hazard_notified = 1 WHERE id = ?",
	[Q_CASE_SET_DUPLICATE] = "UPDATE report SET duplicate_of = ? WHERE id = ?",
	[Q_CASE_ID_BY_TICKET] = "SELECT id FROM report WHERE ticket = ?",
	[Q_CASE_DUPLICATE_IDS] = "SELECT id, state FROM report WHERE duplicate_of = ?",
	[Q_NOTE_INSERT] = "INSERT INTO report_note (report_id, at, staff_id, kind, text) "
	    "VALUES (?, FROM_UNIXTIME(?), ?, ?, ?)",
	[Q_EVENT_INSERT_NOW] = "INSERT INTO report_event (report_id, at, state, text) "
	    "VALUES (?, FROM_UNIXTIME(?), ?, ?)",
	[Q_RD_INSERT] = "INSERT INTO report_department (report_id, department_id, role) "
	    "VALUES (?, ?, ?)",
	[Q_RD_CLEAR] = "DELETE FROM report_department WHERE report_id = ?",
	[Q_IDENTITY_GET] = "SELECT sealed FROM report_identity WHERE report_id = ?",
	[Q_DEPARTMENTS] = "SELECT id, region_code, kind, name, enabled FROM department ORDER BY id",
	[Q_CONTACTS_OF_DEPT] = "SELECT s.id, s.display_name FROM staff_role r JOIN staff s "
	    "ON s.id = r.staff_id WHERE r.department_id = ? AND r.role = 'contact' "
	    "AND s.disabled = 0 ORDER BY s.id",
	[Q_STAFF_HAS_ROLE] = "SELECT 1 FROM staff_role WHERE staff_id = ? AND role = ? "
	    "AND department_id = ?",
	[Q_ROUTING_RULES] = "SELECT id, COALESCE(category, ''), COALESCE(standard, ''), "
	    "COALESCE(industry, ''), region_prefix, COALESCE(subject_type, ''), lead_kind, "
	    "coop_kinds, level, enabled FROM routing_rule ORDER BY id",
	[Q_ROUTING_INSERT] = "INSERT INTO routing_rule (category, standard, industry, region_prefix, "
	    "subject_type, lead_kind, coop_kinds, level, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_ROUTING_TOGGLE] = "UPDATE routing_rule SET enabled = 1 - enabled WHERE id = ?",
	[Q_ROUTING_DELETE] = "DELETE FROM routing_rule WHERE id = ?",
	[Q_HOLIDAYS_YEAR] = "SELECT " ISO_DATE("day") ", is_off, name FROM holiday "
	    "WHERE YEAR(day) = ? ORDER BY day",
	[Q_HOLIDAY_SET] = "INSERT INTO holiday (day, is_off, name) VALUES (?, ?, ?) "
	    "ON DUPLICATE KEY UPDATE is_off = VALUES(is_off), name = VALUES(name)",
	[Q_HOLIDAY_DELETE] = "DELETE FROM holiday WHERE day = ?",
	/* An auditor's view: area prefix (case region), area prefix (the actor's departments),
	 * whole province (1: also the rows of no case and no account), filters, offset. */
	[Q_AUDIT_LIST] = "SELECT " ISO_TIME("a.at") ", COALESCE(a.login, ''), a.action, "
	    "COALESCE(a.report_id, ''), COALESCE(r.ticket, ''), a.detail, a.client FROM audit a "
	    "LEFT JOIN report r ON r.id = a.report_id WHERE (r.region LIKE ? OR EXISTS (SELECT 1 "
	    "FROM staff_role x JOIN department y ON y.id = x.department_id WHERE x.staff_id = "
	    "a.staff_id AND y.region_code LIKE ?) OR (a.report_id IS NULL AND a.staff_id IS NULL "
	    "AND ? = 1)) AND (? IS NULL OR a.action = ?) "
	    "AND (? IS NULL OR a.login = ?) AND (? IS NULL OR r.ticket = ?) "
	    "AND (? IS NULL OR a.at >= ?) AND (? IS NULL OR a.at < ? + INTERVAL 1 DAY) "
	    "ORDER BY a.id DESC LIMIT 101 OFFSET ?",
	/* A supervisor's view: the history of the cases of its area, without who viewed an
	 * identity or downloaded evidence, and without sign-ins (the auditor's, not theirs). */
	[Q_AUDIT_LIST_CASES] = "SELECT " ISO_TIME("a.at") ", COALESCE(a.login, ''), a.action, "
	    "a.report_id, r.ticket, a.detail, '' FROM audit a JOIN report r ON r.id = a.report_id "
	    "WHERE r.region LIKE ? AND a.action NOT IN ('reveal_identity', 'attachment', "
	    "'refused') AND (? IS NULL OR a.action = ?) "
	    "AND (? IS NULL OR a.login = ?) AND (? IS NULL OR r.ticket = ?) "
	    "AND (? IS NULL OR a.at >= ?) AND (? IS NULL OR a.at < ? + INTERVAL 1 DAY) "
	    "ORDER BY a.id DESC LIMIT 101 OFFSET ?",
	/* An administrator's users: the accounts none of whose roles lies outside its area (a
	 * new account without roles too). Parameter: the area's LIKE prefix. */
#define IN_AREA_ONLY(id) "NOT EXISTS (SELECT 1 FROM staff_role x JOIN department y " \
	    "ON y.id = x.department_id WHERE x.staff_id = " id " AND y.region_code NOT LIKE ?)"
	[Q_USERS] = "SELECT s.id, s.login, s.display_name, COALESCE(s.email, ''), s.disabled, "
	    "s.must_change, s.totp_secret IS NOT NULL FROM staff s WHERE " IN_AREA_ONLY("s.id")
	    " ORDER BY s.login",
	[Q_USER_ROLES] = "SELECT r.staff_id, r.role, d.id, d.name FROM staff_role r JOIN department d "
	    "ON d.id = r.department_id WHERE " IN_AREA_ONLY("r.staff_id")
	    " ORDER BY r.staff_id, r.role",
	[Q_USER_IN_AREA] = "SELECT 1 FROM staff s WHERE s.id = ? AND " IN_AREA_ONLY("s.id"),
	[Q_DEPARTMENT_IN_AREA] = "SELECT 1 FROM department WHERE id = ? AND enabled = 1 "
	    "AND region_code LIKE ?",
	[Q_DEPARTMENTS_AREA] = "SELECT id, region_code, kind, name, enabled FROM department "
	    "WHERE region_code LIKE ? ORDER BY id",
	[Q_USER_CREATE] = "INSERT INTO staff (login, display_name, email, pw_hash, pw_salt, pw_iter, "
	    "must_change) VALUES (?, ?, ?, ?, ?, ?, 1)",
	/* Separation of duties: does the account hold an administrative role (?=1) or a case
	 * role (?=0)? */
	[Q_STAFF_ROLE_KIND] = "SELECT COUNT(*) FROM staff_role WHERE staff_id = ? AND CASE WHEN ? "
	    "IN ('sysadmin', 'secadmin', 'auditor') THEN CAST(role AS CHAR) <> ? ELSE role IN "
	    "('sysadmin', 'secadmin', 'auditor') END",
	[Q_ROLE_ADD] = "INSERT IGNORE INTO staff_role (staff_id, role, department_id) VALUES (?, ?, ?)",
	[Q_ROLE_DELETE] = "DELETE FROM staff_role WHERE staff_id = ? AND role = ? "
	    "AND department_id = ?",
	[Q_USER_TOGGLE] = "UPDATE staff SET disabled = 1 - disabled WHERE id = ?",
	[Q_REJECT_REASONS] = "SELECT code, label, text FROM reject_reason WHERE enabled = 1 "
	    "ORDER BY sort, code",
	[Q_REASON_LABEL] = "SELECT label FROM reject_reason WHERE code = ? AND enabled = 1",
	[Q_REASONS_ALL] = "SELECT code, label, text, sort, enabled FROM reject_reason "
	    "ORDER BY sort, code",
	[Q_REASON_SAVE] = "INSERT INTO reject_reason (code, label, text, sort, enabled) "
	    "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE label = VALUES(label), "
	    "text = VALUES(text), sort = VALUES(sort), enabled = VALUES(enabled)",
	[Q_STAFF_GUARDED] = "SELECT COUNT(*) FROM staff_role WHERE staff_id = ? AND role IN "
	    "('intake', 'contact', 'sysadmin', 'secadmin', 'auditor')",
	[Q_STAFF_TOTP_CLEAR] = "UPDATE staff SET totp_secret = NULL WHERE id = ?",
	[Q_CHANGE_INSERT] = "INSERT INTO staff_change (staff_id, kind, role, department_id, "
	    "pw_hash, pw_salt, pw_iter, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?, ?)",
	[Q_CHANGE_GET] = "SELECT c.staff_id, c.kind, COALESCE(c.role, ''), "
	    "COALESCE(c.department_id, 0), c.pw_hash, c.pw_salt, COALESCE(c.pw_iter, 0), "
	    "c.requested_by, c.state, CONCAT(b.display_name, '（', b.login, '）') "
	    "FROM staff_change c JOIN staff b ON b.id = c.requested_by WHERE c.id = ?",
	[Q_CHANGE_DECIDE] = "UPDATE staff_change SET state = ?, decided_by = ?, decided_at = ? "
	    "WHERE id = ? AND state = 'pending'",
	/* The pending changes of accounts of the area (at departments of the area). */
	[Q_CHANGES_PENDING] = "SELECT c.id, c.staff_id, s.login, c.kind, COALESCE(c.role, ''), "
	    "COALESCE(d.name, ''), c.requested_by, b.login, b.display_name, "
	    "DATE_FORMAT(FROM_UNIXTIME(c.requested_at), '%Y-%m-%d %H:%i') FROM staff_change c "
	    "JOIN staff s ON s.id = c.staff_id JOIN staff b ON b.id = c.requested_by "
	    "LEFT JOIN department d ON d.id = c.department_id WHERE c.state = 'pending' AND "
	    IN_AREA_ONLY("c.staff_id") " AND (d.id IS NULL OR d.region_code LIKE ?) "
	    "ORDER BY c.id",
	[Q_NOTICE_INSERT] = "INSERT INTO staff_notice (staff_id, at, text) VALUES (?, ?, ?)",
	[Q_NOTICES_UNSEEN] = "SELECT DATE_FORMAT(FROM_UNIXTIME(at), '%Y-%m-%d %H:%i'), text "
	    "FROM staff_notice WHERE staff_id = ? AND seen = 0 ORDER BY id",
	[Q_NOTICES_SEEN] = "UPDATE staff_notice SET seen = 1 WHERE staff_id = ? AND seen = 0",
	[Q_DEPARTMENT_NAME] = "SELECT name FROM department WHERE id = ?",

	/* ---- the published lists (sql/012): an entry belongs to the area of its department */
	[Q_LIST_AREA_COUNTS] = "SELECT e.list_type, e.state, COUNT(*) FROM list_entry e "
	    "JOIN department d ON d.id = e.department_id WHERE d.region_code LIKE ? "
	    "GROUP BY e.list_type, e.state",
	[Q_LIST_DRAFTS] = "SELECT d.id, d.name, e.id, e.list_type, e.enterprise, "
	    ISO_DATE("e.due_date") ", e.due_date < ? FROM list_entry e JOIN department d "
	    "ON d.id = e.department_id WHERE d.region_code LIKE ? AND e.state = 'draft' "
	    "ORDER BY d.id, e.due_date, e.id LIMIT 201",
	[Q_LIST_CLOSED_CASES] = "SELECT r.id, r.ticket, r.subject_name, r.region FROM report r "
	    "WHERE r.region LIKE ? AND r.state = 'closed' AND NOT EXISTS (SELECT 1 FROM "
	    "list_entry e WHERE e.report_id = r.id) ORDER BY r.id DESC LIMIT 21",
	[Q_LIST_ENTRIES] = "SELECT e.id, e.list_type, e.state, e.enterprise, e.region, d.name, "
	    ISO_DATE("e.basis_date") ", " ISO_DATE("e.due_date") ", e.year, "
	    "e.state = 'draft' AND e.due_date < ?, e.reviewed_by IS NOT NULL "
	    "FROM list_entry e JOIN department d ON d.id = e.department_id "
	    "WHERE d.region_code LIKE ? AND (? IS NULL OR e.list_type = ?) "
	    "AND (? IS NULL OR e.state = ?) AND (? IS NULL OR e.year = ?) "
	    "AND (? IS NULL OR e.enterprise LIKE CONCAT(?, '%')) "
	    "ORDER BY e.id DESC LIMIT 51 OFFSET ?",
	/* The fields in enum list_field order (lib/lists.h; the items are list_item's). */
	[Q_LIST_ENTRY_GET] = "SELECT e.enterprise, COALESCE(e.credit_code, ''), e.address, "
	    "e.region, e.industry, COALESCE(e.facts, ''), '', COALESCE(e.equipment, ''), "
	    "COALESCE(e.model, ''), COALESCE(CAST(e.quantity AS CHAR), ''), "
	    "COALESCE(CAST(e.capacity AS CHAR), ''), COALESCE(e.capacity_unit, ''), "
	    "COALESCE(e.exit_method, ''), COALESCE(e.products, ''), "
	    "COALESCE(e.checks_passed, ''), COALESCE(e.legal_basis, ''), "
	    "COALESCE(e.requirement, ''), COALESCE(" ISO_DATE("e.deadline") ", ''), "
	    "COALESCE(e.completion, ''), "
	    "e.id, e.list_type, e.state, COALESCE(e.report_id, 0), e.department_id, d.name, "
	    "d.region_code, " ISO_DATE("e.basis_date") ", " ISO_DATE("e.due_date") ", "
	    "COALESCE(e.batch_id, 0), COALESCE(" ISO_DATE("e.noticed_on") ", ''), "
	    "COALESCE(" ISO_DATE("e.announced_on") ", ''), COALESCE(" ISO_DATE("e.archived_on")
	    ", ''), COALESCE(" ISO_DATE("e.withdrawn_on") ", ''), COALESCE(e.withdraw_reason, ''), "
	    "COALESCE((SELECT display_name FROM staff WHERE id = e.reviewed_by), ''), "
	    "COALESCE(" ISO_DATE("e.reviewed_on") ", ''), COALESCE(e.review_note, ''), "
	    "COALESCE((SELECT ticket FROM report WHERE id = e.report_id), '') "
	    "FROM list_entry e JOIN department d ON d.id = e.department_id WHERE e.id = ?",
	[Q_LIST_ITEMS] = "SELECT seq, item, measured, limit_value, standard_no FROM list_item "
	    "WHERE entry_id = ? ORDER BY seq",
	[Q_LIST_ITEM_COUNT] = "SELECT COUNT(*) FROM list_item WHERE entry_id = ?",
	/* A closed case's verified facts, for an entry: never its description, its reporter or
	 * its contact. The basis date is the inspection's (the date the inspection note
	 * records), else the day the verdict was entered, else the day the case closed. */
	[Q_LIST_CASE_FACTS] = "SELECT r.id, r.ticket, r.subject_name, COALESCE(r.credit_code, ''), "
	    "COALESCE(r.subject_address, ''), r.region, r.industry, COALESCE(r.verdict, ''), "
	    "r.disposal, COALESCE(" ISO_DATE("COALESCE((SELECT STR_TO_DATE(SUBSTRING(n.text, 6, "
	    "10), '%Y-%m-%d') FROM report_note n WHERE n.report_id = r.id AND n.kind = "
	    "'inspection' AND n.text LIKE '检查日期：%' ORDER BY n.id DESC LIMIT 1), "
	    "(SELECT MAX(DATE(e.at)) FROM report_event e WHERE e.report_id = r.id AND e.state "
	    "= 'verified'), (SELECT MAX(DATE(e.at)) FROM report_event e WHERE e.report_id = r.id "
	    "AND e.state = 'closed'))") ", '') FROM report r WHERE r.id = ? AND r.region LIKE ? "
	    "AND r.state = 'closed'",
#define LIST_FIELD_COLS "enterprise, credit_code, address, region, industry, facts, " \
	    "equipment, model, quantity, capacity, capacity_unit, exit_method, products, " \
	    "checks_passed, legal_basis, requirement, deadline, completion"
	[Q_LIST_INSERT] = "INSERT INTO list_entry (" LIST_FIELD_COLS ", list_type, report_id, "
	    "department_id, basis_date, due_date, year, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[Q_LIST_UPDATE] = "UPDATE list_entry SET enterprise = ?, credit_code = ?, address = ?, "
	    "region = ?, industry = ?, facts = ?, equipment = ?, model = ?, quantity = ?, "
	    "capacity = ?, capacity_unit = ?, exit_method = ?, products = ?, checks_passed = ?, "
	    "legal_basis = ?, requirement = ?, deadline = ?, completion = ?, basis_date = ?, "
	    "due_date = ?, year = ? WHERE id = ? AND state = 'draft'",
	[Q_LIST_ITEM_INSERT] = "INSERT INTO list_item (entry_id, seq, item, measured, limit_value, "
	    "standard_no) SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM list_item "
	    "WHERE entry_id = ?",
	[Q_LIST_ITEM_DELETE] = "DELETE i FROM list_item i JOIN list_entry e ON e.id = i.entry_id "
	    "WHERE i.entry_id = ? AND i.seq = ? AND e.state = 'draft'",
	[Q_LIST_BATCH_INSERT] = "INSERT INTO list_batch (department_id, list_type, stage, "
	    "published_on, staff_id) VALUES (?, ?, ?, ?, ?)",
	[Q_LIST_NOTICE] = "UPDATE list_entry SET state = 'notice', batch_id = ?, noticed_on = ? "
	    "WHERE id = ? AND state = 'draft'",
	[Q_LIST_ANNOUNCE] = "UPDATE list_entry SET state = 'announcement', completion = ?, "
	    "announced_on = ? WHERE id = ? AND state = 'notice'",
	[Q_LIST_ARCHIVE] = "UPDATE list_entry SET state = 'archived', archived_on = ? "
	    "WHERE id = ? AND state = 'announcement'",
	[Q_LIST_WITHDRAW] = "UPDATE list_entry SET state = 'withdrawn', withdrawn_on = ?, "
	    "withdraw_reason = ? WHERE id = ? AND state IN ('notice', 'announcement')",
	[Q_LIST_REVIEW] = "UPDATE list_entry SET reviewed_by = ?, reviewed_on = ?, review_note = ? "
	    "WHERE id = ?",
	/* ---- the published lists: public entries only (a draft never; a withdrawn entry with
	 * its reason, which stays public) ---- */
#define LIST_SHOWN "e.state IN ('notice','announcement','archived')"
#define LIST_WITHDRAWN_SHOWN "e.state = 'withdrawn' AND COALESCE(e.withdraw_reason, '') <> ''"
#define LIST_PUBLIC "(" LIST_SHOWN " OR (" LIST_WITHDRAWN_SHOWN "))"
/* The filters: type, year (NULL: any) x2, region prefix LIKE, industry (NULL: any) x2,
 * state (NULL: any) x2. */
#define LIST_FILTER "e.list_type = ? AND (? IS NULL OR e.year = ?) " \
	    "AND e.region LIKE ? AND (? IS NULL OR e.industry = ?) AND (? IS NULL OR e.state = ?)"
#define LIST_WHERE LIST_FILTER " AND " LIST_PUBLIC
#define LIST_COLS "e.id, e.list_type, e.state, e.region, e.industry, e.enterprise, " \
	    "COALESCE(e.credit_code, ''), e.address, e.facts, e.legal_basis, e.requirement, " \
	    "e.deadline, e.equipment, e.model, CAST(e.quantity AS CHAR), " \
	    "CAST(e.capacity AS CHAR), e.capacity_unit, e.exit_method, e.products, " \
	    "e.checks_passed, e.completion, e.year, e.noticed_on, e.announced_on, " \
	    "e.archived_on, e.withdrawn_on, e.withdraw_reason, d.name, e.updated_at"
	[Q_LIST_COUNTS] = "SELECT e.list_type, COUNT(*) FROM list_entry e WHERE " LIST_PUBLIC
	    " GROUP BY e.list_type",
	/* Two counts, so that the first (nearly every entry) reads the index entry_list alone
	 * (sql/013): the withdrawal's reason, which is not in it, only for withdrawn entries. */
	[Q_LIST_TOTAL] = "SELECT (SELECT COUNT(*) FROM list_entry e WHERE " LIST_FILTER " AND "
	    LIST_SHOWN ") + (SELECT COUNT(*) FROM list_entry e WHERE " LIST_FILTER " AND "
	    LIST_WITHDRAWN_SHOWN ")",
	/* Newest first; "before id" lets the CSV walk the list in chunks (keyset paging), so
	 * that no more than a chunk is ever held. The entries first (STRAIGHT_JOIN): sorted by
	 * their key, with no temporary table. */
	[Q_LIST_ROWS] = "SELECT STRAIGHT_JOIN " LIST_COLS " FROM list_entry e JOIN department d "
	    "ON d.id = e.department_id WHERE " LIST_WHERE " AND e.id < ? "
	    "ORDER BY e.id DESC LIMIT ? OFFSET ?",
	[Q_LIST_ENTRY] = "SELECT " LIST_COLS " FROM list_entry e JOIN department d "
	    "ON d.id = e.department_id WHERE e.list_type = ? AND e.id = ?",
	/* Split like Q_LIST_TOTAL: the first part from the index alone. */
	[Q_LIST_YEARS] = "SELECT e.year FROM list_entry e WHERE (? = '' OR e.list_type = ?) "
	    "AND " LIST_SHOWN " UNION SELECT e.year FROM list_entry e WHERE (? = '' OR "
	    "e.list_type = ?) AND " LIST_WITHDRAWN_SHOWN " ORDER BY 1 DESC",
	[Q_LIST_LAST_UPDATE] = "SELECT MAX(e.updated_at) FROM list_entry e "
	    "WHERE e.list_type = ? AND " LIST_PUBLIC,
	[Q_LIST_VERSION] = "SELECT version FROM list_version WHERE id = 1",
	/* The annual exit (退出) figures: entries of the closing lists announced (or archived)
	 * in the year, per city ('city'), per industry ('industry') or in all (''), and per
	 * capacity unit: capacities of different units are never added. */
	[Q_ANNUAL_EXIT] = "SELECT COALESCE(k, ''), k IS NULL, COALESCE(u, ''), u IS NULL, n, q, c "
	    "FROM (SELECT CASE ? WHEN 'city' THEN CONCAT(LEFT(e.region, 4), '00') "
	    "WHEN 'industry' THEN e.industry ELSE '' END AS k, "
	    "COALESCE(e.capacity_unit, '') AS u, "
	    "COUNT(DISTINCT COALESCE(e.credit_code, e.enterprise)) AS n, "
	    "COALESCE(SUM(e.quantity), 0) AS q, CAST(COALESCE(SUM(e.capacity), 0) AS CHAR) AS c "
	    "FROM list_entry e WHERE e.list_type IN ('violation','elimination','forced_exit') "
	    "AND e.state IN ('announcement','archived') "
	    "AND YEAR(COALESCE(e.announced_on, e.archived_on)) = ? "
	    "GROUP BY k, u WITH ROLLUP) AS t",
	/* The credit push: the entries of the closing lists still in notice (公示: the exit is
	 * neither completed nor announced, nor withdrawn) whose deadline is past, in the area of
	 * their department, in chunks after an id. Never the case, its ticket or anything of a
	 * reporter. */
	[Q_CREDIT_LATE] = "SELECT e.id, e.list_type, e.enterprise, COALESCE(e.credit_code, ''), "
	    "e.region, COALESCE(e.facts, ''), COALESCE(e.equipment, ''), "
	    "COALESCE(e.legal_basis, ''), COALESCE(e.requirement, ''), e.deadline, "
	    "e.noticed_on, d.name, COALESCE(d.credit_code, '') FROM list_entry e "
	    "JOIN department d ON d.id = e.department_id WHERE e.state = 'notice' "
	    "AND e.deadline < ? AND e.list_type IN ('violation','elimination','forced_exit') "
	    "AND d.region_code LIKE ? AND e.id > ? ORDER BY e.id LIMIT 500",

	/* statistics: lib/stats.c adds, the console's and the public summary read */
	/* one row per dim (the category, industry and channel, each standard cited) and per
	 * level of the report's region (county, city, province): stats_expand, sql/018; in the
	 * part of the report's id (lib/stats.h STATS_PARTS) */
	[Q_STATS_CUBE_ADD] = "INSERT INTO stats_cube (dim, level, value, month, region, part"
	    STATS_COLS ") SELECT x.dim, x.level, CASE x.dim WHEN 'category' THEN r.category WHEN "
	    "'industry' THEN r.industry WHEN 'channel' THEN r.channel ELSE x.s END, ?, "
	    "LEFT(r.region, x.level), r.id % " SQL_NUM(STATS_PARTS) STATS_PARAMS " FROM report r "
	    "JOIN stats_expand x "
	    "ON x.dim <> 'standard' OR FIND_IN_SET(x.s, r.standards) WHERE r.id = ? "
	    "ON DUPLICATE KEY UPDATE " STATS_COUNTERS(STATS_ADD_CUBE)
	    "stats_cube.month = stats_cube.month",
	[Q_STATS_DEPT_ADD] = "INSERT INTO stats_dept (department_id, month" STATS_COLS ") "
	    "SELECT lead_department_id, ?" STATS_PARAMS " FROM report WHERE id = ? AND "
	    "lead_department_id IS NOT NULL ON DUPLICATE KEY UPDATE "
	    STATS_COUNTERS(STATS_ADD_DEPT) "stats_dept.month = stats_dept.month",
	[Q_STATS_TOTAL] = "SELECT ''" STATS_SUMS " FROM stats_cube WHERE " STATS_FILTER,
	[Q_STATS_MONTHS] = "SELECT DATE_FORMAT(month, '%Y-%m')" STATS_SUMS " FROM stats_cube "
	    "WHERE " STATS_FILTER " GROUP BY month ORDER BY month",
	[Q_STATS_REGIONS] = "SELECT region" STATS_SUMS " FROM stats_cube WHERE " STATS_FILTER
	    " GROUP BY region ORDER BY region",
	[Q_STATS_BY] = "SELECT value" STATS_SUMS " FROM stats_cube WHERE " STATS_FILTER
	    " GROUP BY value ORDER BY value",
	/* the open cases past their current due date: a range of the index report_state (state,
	 * due_date) per open state, so it reads only the cases overdue now, then their area */
	[Q_STATS_OVERDUE_NOW] = "SELECT COUNT(*) FROM report WHERE state IN " OPEN_STATES_SQL
	    " AND due_date < ? AND region LIKE ? AND (? = '' OR category = ?) AND "
	    "(? = '' OR industry = ?) AND (? = '' OR channel = ?) AND "
	    "(? = '' OR FIND_IN_SET(?, standards) > 0)",
	/* capacity exited (退出) in a period and area, per industry and capacity unit (never
	 * added across units): the entries of the closing lists announced as completed, as the
	 * public annual exit page counts them (Q_ANNUAL_EXIT); the lists, not the cases, hold the
	 * equipment and capacities the departments verified */
	[Q_STATS_EXITS] = "SELECT e.industry, COALESCE(e.capacity_unit, ''), "
	    "COUNT(DISTINCT COALESCE(e.credit_code, e.enterprise)), "
	    "CAST(COALESCE(SUM(e.quantity), 0) AS SIGNED), "
	    "CAST(COALESCE(SUM(e.capacity), 0) AS CHAR) FROM list_entry e "
	    "WHERE e.list_type IN ('violation','elimination','forced_exit') "
	    "AND e.state IN ('announcement','archived') "
	    "AND COALESCE(e.announced_on, e.archived_on) BETWEEN ? AND LAST_DAY(?) "
	    "AND e.region LIKE ? AND (? = '' OR e.industry = ?) "
	    "GROUP BY e.industry, COALESCE(e.capacity_unit, '') ORDER BY 1, 2",
	[Q_STATS_DEPTS] = "SELECT d.name" STATS_SUMS " FROM stats_dept s JOIN department d "
	    "ON d.id = s.department_id WHERE s.month BETWEEN ? AND ? AND d.region_code LIKE ? "
	    "GROUP BY d.id, d.name ORDER BY d.region_code, d.kind",
	[Q_STATS_WEIGHTS] = "SELECT measure, weight FROM stats_weight ORDER BY sort",
	[Q_STATS_WEIGHT_SET] = "UPDATE stats_weight SET weight = ? WHERE measure = ?",
	[Q_STATS_VERSION_BUMP] = "UPDATE stats_version SET n = n + 1 WHERE part = ?",
	[Q_STATS_VERSION] = "SELECT CAST((SELECT SUM(n) FROM stats_version) + "
	    "(SELECT version FROM list_version WHERE id = 1) AS SIGNED)",
	/* 整改及退出台账（企业明细）: the published entries of the rectification, forced-exit and
	 * elimination lists of enterprises in the area that were open during the period:
	 * published (公示) before its end and neither announced (completed) nor withdrawn before
	 * its start. Drafts never; the violation list is the legality review's (seed 003's
	 * 建设运营合法有效性专项审查), not this ledger's. Never the case, its ticket or anything
	 * of a reporter. The failed items in one text: the cap of GROUP_CONCAT raised for this
	 * statement only (MariaDB's SET STATEMENT), so that no item is cut. */
	[Q_LEDGER_ENTRIES] = "SET STATEMENT group_concat_max_len = 1048576 FOR "
	    "SELECT e.list_type, e.state, e.enterprise, e.region, e.industry, "
	    "COALESCE(e.facts, ''), COALESCE((SELECT GROUP_CONCAT(CONCAT(i.item, '：实测', "
	    "i.measured, '，限值', i.limit_value, '（', i.standard_no, '）') ORDER BY i.seq "
	    "SEPARATOR '；') FROM list_item i WHERE i.entry_id = e.id), ''), "
	    "COALESCE(e.equipment, ''), COALESCE(e.model, ''), "
	    "COALESCE(CAST(e.quantity AS CHAR), ''), COALESCE(e.legal_basis, ''), "
	    "COALESCE(e.requirement, ''), COALESCE(e.exit_method, ''), e.deadline, "
	    "COALESCE(e.completion, ''), COALESCE(CAST(e.capacity AS CHAR), ''), "
	    "COALESCE(e.capacity_unit, ''), d.name, e.noticed_on, e.announced_on, "
	    "e.withdrawn_on, COALESCE(e.withdraw_reason, '') FROM list_entry e "
	    "JOIN department d ON d.id = e.department_id "
	    "WHERE e.list_type IN ('rectification','forced_exit','elimination') "
	    "AND e.state <> 'draft' AND e.noticed_on < DATE_ADD(?, INTERVAL 1 MONTH) "
	    "AND ((e.announced_on IS NULL AND e.withdrawn_on IS NULL) OR e.announced_on >= ? "
	    "OR e.withdrawn_on >= ?) AND e.region LIKE ? "
	    "ORDER BY e.region, e.noticed_on, e.id",
	/* The case list's export (cgi/admin/cases_export.c): the list's filters, in chunks after
	 * the last id; only what the list and the case page show every role on the case. */
#define EXPORT_COLS "r.id, r.ticket, r.state, r.category, r.industry, r.channel, " \
	    "r.subject_name, r.region, " SUBMITTED_SHOWN ", COALESCE(" ISO_DATE("r.due_date") \
	    ", ''), r.overdue, COALESCE(r.verdict, '')"
#define EXPORT_FILTER " AND (? IS NULL OR r.ticket = ? OR r.subject_name LIKE CONCAT(?, '%')) " \
	    CASE_FILTER "AND r.id < ? AND r.id >= ? ORDER BY r.id DESC LIMIT ?"
	/* Both walk the primary key backwards from the last id, within a window of ids
	 * (cgi/admin/cases_export.c), and stop at the chunk's end, so the whole export reads the
	 * table once and no statement reads more than a window. A department's cases are those with a row of
	 * one of its units, counted per case by the (report, department) key: an EXISTS would be
	 * flattened into a semi-join that reads every unit's cases again for every chunk (116,000
	 * rows each at 100,000 cases). */
	[Q_REPORT_MAX_ID] = "SELECT COALESCE(MAX(id), 0) FROM report",
	[Q_CASES_EXPORT_AREA] = "SELECT " EXPORT_COLS ", " PRESS_COUNT("r.id") " FROM report r "
	    "FORCE INDEX (PRIMARY) WHERE r.region LIKE ?" EXPORT_FILTER,
	[Q_CASES_EXPORT_DEPT] = "SELECT " EXPORT_COLS ", " PRESS_COUNT("r.id") " FROM report r "
	    "FORCE INDEX (PRIMARY) WHERE (SELECT COUNT(*) FROM report_department rd JOIN "
	    "department d ON d.id = rd.department_id WHERE rd.report_id = r.id AND d.kind = ? "
	    "AND d.region_code LIKE ?) > 0" EXPORT_FILTER,
	[Q_FILING_LIST] = "SELECT f.item, f.year, " ISO_DATE("f.filed_at") ", s.display_name, "
	    "f.note FROM reporting_filing f JOIN staff s ON s.id = f.staff_id "
	    "WHERE f.department_id = ? AND f.year BETWEEN ? AND ?",
	[Q_FILING_ADD] = "INSERT INTO reporting_filing (item, year, department_id, filed_at, "
	    "staff_id, note) VALUES (?, ?, ?, FROM_UNIXTIME(?), ?, ?)",
	[Q_FILING_DEL] = "DELETE FROM reporting_filing WHERE item = ? AND year = ? AND "
	    "department_id = ?",
	[Q_FILING_BELOW] = "SELECT d.id, d.name, d.region_code, COALESCE(f.item, ''), "
	    "COALESCE(f.year, 0), COALESCE(" ISO_DATE("f.filed_at") ", '') FROM region r "
	    "JOIN department d ON d.region_code = r.code AND d.kind = 'gongxin' AND d.enabled = 1 "
	    "LEFT JOIN reporting_filing f ON f.department_id = d.id AND f.year BETWEEN ? AND ? "
	    "WHERE r.parent = RPAD(?, 6, '0') ORDER BY r.code, d.id, f.year, f.item",
};

/* ---- jubaoctl (see queries.h: ids from CQ_FIRST, the slots below it stay empty) ---- */

/* A case that still waits for someone (not refused, not back with the reporter, not closed). */
#define CTL_WAITING "state NOT IN ('rejected','needs_info','closed')"

const char *const ctl_queries[CQ__MAX] = {
	[CQ_DEPT_BY_ID] = "SELECT name, enabled, region_code, kind FROM department WHERE id = ?",
	[CQ_DEPT_BY_NAME] = "SELECT id FROM department WHERE name = ? AND enabled = 1 "
	    "ORDER BY id LIMIT 1",
	[CQ_DEPT_BY_REGION_KIND] = "SELECT id, name FROM department WHERE region_code = ? "
	    "AND kind = ? AND enabled = 1",
	[CQ_STAFF_BY_LOGIN] = "SELECT id FROM staff WHERE login = ?",
	[CQ_STAFF_INSERT] = "INSERT INTO staff (login, display_name, email, pw_hash, pw_salt, "
	    "pw_iter, must_change) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[CQ_ROLE_INSERT] = "INSERT INTO staff_role (staff_id, role, department_id) "
	    "VALUES (?, ?, ?)",
	[CQ_STAFF_RESET] = "UPDATE staff SET pw_hash = ?, pw_salt = ?, pw_iter = ?, "
	    "must_change = 1, failed_logins = 0, locked_until = 0 WHERE id = ?",
	[CQ_SESSIONS_DELETE] = "DELETE FROM staff_session WHERE staff_id = ?",
	[CQ_IDENTITY_COUNT] = "SELECT COUNT(*) FROM report_identity WHERE key_id <> ?",
	[CQ_IDENTITY_BATCH] = "SELECT i.report_id, r.ticket, i.key_id, i.sealed "
	    "FROM report_identity i JOIN report r ON r.id = i.report_id "
	    "WHERE i.key_id <> ? AND i.report_id > ? ORDER BY i.report_id LIMIT ? FOR UPDATE",
	[CQ_IDENTITY_UPDATE] = "UPDATE report_identity SET alg = ?, key_id = ?, sealed = ? "
	    "WHERE report_id = ? AND key_id = ?",
	[CQ_TOTP_BATCH] = "SELECT id, totp_secret FROM staff WHERE totp_secret IS NOT NULL "
	    "AND id > ? ORDER BY id LIMIT ? FOR UPDATE",
	[CQ_TOTP_UPDATE] = "UPDATE staff SET totp_secret = ? WHERE id = ? AND totp_secret = ?",
	[CQ_OVERDUE_CANDIDATES] = "SELECT id FROM report WHERE due_date < CAST(? AS DATE) "
	    "AND overdue = 0 AND " CTL_WAITING " AND id > ? ORDER BY id LIMIT 500",
	[CQ_OVERDUE_MARK] = "UPDATE report SET overdue = 1 WHERE id = ? AND overdue = 0 "
	    "AND due_date < CAST(? AS DATE) AND " CTL_WAITING,
	[CQ_REPORT_BRIEF] = "SELECT ticket, state, COALESCE(" ISO_DATE("due_date") ", ''), "
	    "COALESCE(lead_department_id, 0), region FROM report WHERE id = ?",
	[CQ_HANDLERS] = "SELECT DISTINCT s.id, s.email FROM staff s "
	    "JOIN staff_role r ON r.staff_id = s.id WHERE r.role = 'handler' "
	    "AND r.department_id = ? AND s.disabled = 0 AND s.email IS NOT NULL "
	    "AND s.email <> '' ORDER BY s.id",
	[CQ_INTAKE_GONGXIN] = "SELECT DISTINCT s.id, s.email FROM staff s "
	    "JOIN staff_role r ON r.staff_id = s.id JOIN department d ON d.id = r.department_id "
	    "WHERE r.role = 'intake' AND d.kind = 'gongxin' AND d.enabled = 1 "
	    "AND d.region_code IN (?, ?, ?) AND s.disabled = 0 AND s.email IS NOT NULL "
	    "AND s.email <> '' ORDER BY s.id",
	[CQ_MAIL_INSERT] = "INSERT INTO mail_queue (at, recipient, subject, body) "
	    "VALUES (NOW(), ?, ?, ?)",
	[CQ_MAIL_UNSENT] = "SELECT id, recipient, subject, body FROM mail_queue "
	    "WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT 100",
	[CQ_MAIL_SENT] = "UPDATE mail_queue SET sent_at = NOW() WHERE id = ? AND sent_at IS NULL",
	[CQ_MAIL_UNSENT_COUNT] = "SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NULL",
	[CQ_EXPORT] = "SELECT id, ticket, state, category, industry, region, subject_type, "
	    /* an anonymous report's date only: its time could be joined with other logs */
	    "subject_name, IF(anonymous, DATE_FORMAT(submitted_at, '%Y-%m-%d'), "
	    "DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i:%s')), "
	    "COALESCE(" ISO_DATE("due_date") ", ''), overdue, COALESCE(verdict, '') "
	    "FROM report WHERE (? = '' OR state = ?) AND id > ? ORDER BY id LIMIT 1000",
	[CQ_STATS_CLEAR_CUBE] = "DELETE FROM stats_cube",
	[CQ_STATS_CLEAR_DEPT] = "DELETE FROM stats_dept",
	/* the sweep: the parts of the months before ? summed into part 0, then removed */
	[CQ_STATS_FOLD_SUM] = "INSERT INTO stats_cube (dim, level, region, value, month, part"
	    STATS_COLS ") SELECT dim, level, region, value, month, 0"
	    STATS_COUNTERS(STATS_SUM_AS) " FROM stats_cube WHERE month < ? AND part > 0 "
	    "GROUP BY dim, level, region, value, month ON DUPLICATE KEY UPDATE "
	    STATS_COUNTERS(STATS_ADD_CUBE) "stats_cube.month = stats_cube.month",
	[CQ_STATS_FOLD_DROP] = "DELETE FROM stats_cube WHERE month < ? AND part > 0",
	[CQ_STATS_REPORTS] = "SELECT id, COALESCE(verdict, ''), disposal, "
	    "feedback_state = 'approved', region, category, industry, channel, standards, "
	    "COALESCE(lead_department_id, 0) FROM report WHERE id > ? ORDER BY id LIMIT 1000",
	[CQ_STATS_CUBE_PUT] = "INSERT INTO stats_cube (dim, value, month, region, level"
	    STATS_COLS ") VALUES (?, ?, ?, ?, ?" STATS_PARAMS ")",
	[CQ_STATS_DEPT_PUT] = "INSERT INTO stats_dept (department_id, month" STATS_COLS
	    ") VALUES (?, ?" STATS_PARAMS ")",
	[CQ_STATS_EVENTS] = "SELECT report_id, UNIX_TIMESTAMP(at), state FROM report_event "
	    "WHERE report_id BETWEEN ? AND ? ORDER BY report_id, at, id",
	/* presses and overdue marks, and the transfers, in the order they were made: a press or
	 * mark counts for the lead department only after the transfer */
	[CQ_STATS_MARKS] = "SELECT report_id, UNIX_TIMESTAMP(at), action FROM audit "
	    "WHERE report_id BETWEEN ? AND ? AND action IN ('press', 'overdue', 'transfer') "
	    "ORDER BY report_id, id",
};
