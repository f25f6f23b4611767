/*
 * admin: the staff console under /admin/, one file per page or group of pages. main.c holds the
 * route table: for each (path, method) the roles that may use it, the scope of the check, the
 * body limit, the key table of its fields and the handler. Dispatch reads the body, loads the
 * session, checks the role once and validates the fields once through the key table; a handler
 * reads only validated, typed values (pg->f[KEY]) and answers through the helpers here.
 */
#ifndef JUBAO_ADMIN_H
#define JUBAO_ADMIN_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "form.h"
#include "lists.h"
#include "staff.h"
#include "stats.h"
#include "textlimits.h"
#include "workflow.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define KEYS(t) (t), NELEM(t)

struct route;

struct page {
	struct ctx          *c;
	struct staff         s;
	const struct route  *route;
	struct form_field   *f;          /* one per key of the route's table */
	unsigned             errors;     /* fields in error */
};

/* ---- main.c: the route table */
const struct form_key *route_keys(const struct route *);
size_t route_nkeys(const struct route *);

/* ---- session.c: the session cookie and the audit trail's who and where (lib/staff.h) */

/* Load the session the request's cookie names into pg->s: 1 signed in, 0 not, or a db error. */
int session_load(struct page *);
/* Start a session for staff id and set its cookie. DB_OK or a db error. */
int session_start(struct ctx *, int64_t staff_id, bool totp_ok);
/* End pg's session and clear the cookie. */
void session_end(struct page *);
/* Append to the audit trail as the signed-in user, with the request's time and address. */
int console_audit(struct page *, const char *action, int64_t report_id, const char *detail);
/* Same for a login attempt (staff_id 0: unknown login, and login is then a keyed hash of the
 * typed text, never the text). */
int console_audit_login(struct ctx *, int64_t staff_id, const char *login, const char *action);

/* ---- page.c: documents, errors, lists */

/* A console document: console="1" and the session with its menu. */
xmlDocPtr console_doc(struct page *, const char *root, xmlNodePtr *rootp);
void console_error(struct page *, int status, const char *message);
void db_unavailable(struct page *);
/* The route's fields in error (<field name>) and the values typed (<values>), for a page shown
 * again with a 400. */
void console_form_state(struct page *, xmlNodePtr parent);
/* The field's validated value, or NULL when absent (or in error). */
const char *fv(const struct page *, int key);
int64_t fnum(const struct page *, int key);
/* The session's <menu>: the GET routes the user's roles reach (main.c). */
void console_menu_xml(const struct staff *, xmlNodePtr session);

/* "吉林省 长春市 南关区" for a region code, from the reference data (buf). */
const char *region_name(struct ctx *, const char *code, char *buf, size_t cap);

/* The area a list shows: the widest 工信 area of the user, else its widest department area. */
struct area {
	bool    gongxin;
	char    prefix[7];
	char    kind[17];
};
bool user_area(const struct staff *, struct area *);
/* The widest area in which the user holds role r, or false. */
bool role_area(const struct staff *, enum role r, char prefix[7]);
char *like_prefix(struct ctx *, const char *prefix);
/* Run a query in the area: (prefix, extra…) for 工信, (kind, prefix, extra…) for a unit. */
int area_run(struct page *, const struct area *, int q_area, int q_dept, const struct dbp *extra,
    size_t nextra, const struct db_loader *, void *row, db_load_fn, void *arg);
/* Every row of query q through its loader into row, to fn (db_load in the request arena). */
int db_rows(struct page *, int q, const struct dbp *, size_t np, const struct db_loader *,
    void *row, db_load_fn, void *arg);

struct list_arg {
	struct ctx *c;
	xmlNodePtr  parent;
	unsigned    n;
	bool        more;        /* one row past the limit: the list says there are more */
	unsigned    limit;       /* rows shown; 0: a page of a case list (PAGE_ROWS) */
};
#define PAGE_ROWS 50
#define PAGE_MAX  100000         /* the last page number a list accepts */
void list_end(const struct list_arg *);
/* A typed row as an element: member i of the loader becomes attribute names[i] (NULL: left
 * out; "": the element's text). */
xmlNodePtr row_xml(xmlNodePtr parent, const char *element, const struct db_loader *,
    const char *const *names, const void *row);
struct row_list {
	xmlNodePtr               parent;
	const char              *element;
	const struct db_loader  *ld;
	const char *const       *names;
};
int row_list_xml(void *row_list, void *row);
/* Every row of query q as an element of parent (row_xml). */
int rows_xml(struct page *, int q, const struct dbp *, size_t np, const struct db_loader *,
    xmlNodePtr parent, const char *element, const char *const *names);
/* A row of the case lists (CASE_ROW in lib/queries.c), and its <case> element. */
struct case_line {
	int64_t id, presses;
	char    ticket[17], state[16], category[16], subject[401], region[7], due[11];
	char    submitted[32];
	bool    overdue;
};
extern const struct db_loader case_line_loader;
int case_line_xml(void *list_arg, void *case_line);
/* A case list query in the area, each row a <case> of a->parent. */
int case_lines(struct page *, const struct area *, int q_area, int q_dept,
    const struct dbp *extra, size_t nextra, struct list_arg *a);
void add_option(xmlNodePtr parent, const char *value, const char *label);

/* ---- handlers, one file each */
void login_page(struct page *);                 /* login.c */
void login_post(struct page *);
void logout_post(struct page *);
void password_page(struct page *);              /* account.c */
void password_post(struct page *);
void totp_page(struct page *);
void totp_post(struct page *);
/* staff.totp_secret is VARBINARY(256) (sql/010): a secret sealed with SM2 takes 166 bytes. */
#define TOTP_SEALED_MAX 256
/* Unseal staff id's TOTP secret (sealed with "totp:<id>" as additional data) into out. */
bool staff_totp_secret(struct ctx *, int64_t id, const uint8_t *sealed, size_t sealed_len,
    uint8_t *out, size_t cap, size_t *len);
void dashboard(struct page *);                  /* dashboard.c */
/* reporting.c: the upward-reporting calendar on the dashboard, and its filings */
int reporting_xml(struct page *, xmlNodePtr root);
void reporting_post(struct page *);
/* reporting_below.c: who below has reported upward (GET /admin/reporting) */
void reporting_below_page(struct page *);
void case_list(struct page *);                  /* cases.c */
void case_get(struct page *);                   /* case.c */
void case_action(struct page *);                /* actions.c */
void attachment_get(struct page *);             /* attachment.c */
void intake_page(struct page *);                /* intake.c */
void intake_post(struct page *);
void routing_get(struct page *);                /* routing.c */
void routing_post(struct page *);               /* routing_page.c */
void calendar_get(struct page *);               /* calendar.c */
void calendar_post(struct page *);
void reasons_get(struct page *);                /* reasons.c */
void reasons_post(struct page *);
void audit_page(struct page *);                 /* auditlog.c */
void stats_page(struct page *);                 /* stats.c */
void stats_weights_post(struct page *);
/* The widest area of any of the user's roles (an administrator: its department's). */
bool stats_area(const struct staff *, char prefix[7]);
/* The display name of a row's key in a breakdown ("regions", "industries", "categories",
 * "channels", "standards"; else the key). */
const char *stats_key_name(struct ctx *, const char *what, const char *key);

/* stats_charts.c: the charts of the statistics page (kind, numbers and labels; the stylesheet
 * draws them) and the handling quality's shares. */
void stats_chart_trend(xmlNodePtr parent, const struct stats_row *months, size_t n);
/* One bar per row, counter k; name is also the breakdown of the rows' keys ("regions"). */
void stats_chart_rows(struct ctx *, xmlNodePtr parent, const char *name, const char *title,
    const struct stats_row *r, size_t n, int k);
void stats_chart_compliance(struct ctx *, xmlNodePtr parent, const struct stats_row *depts,
    size_t n);
void stats_chart_outcomes(xmlNodePtr parent, const struct stats_row *total);
void stats_quality_xml(xmlNodePtr parent, const struct stats_row *total);

/* stats_cache.c: the summed rows of the statistics views this worker has shown, by the view's
 * key (its filter, periods, area and assessment unit) and the summary's version (sql/019). A
 * view's rows come in STATS_SETS sets (stats.c's enum stats_set) with the assessment's weights.
 * get: true and the sets copied into the request's arena when the key is kept at version;
 * put: keep a copy (a key of STATS_CACHE_KEY bytes or more, or too many rows: not kept). */
#define STATS_SETS      10
#define STATS_CACHE_KEY 160
struct stats_rows {
	struct stats_row *r;
	size_t            n;
};
bool stats_cache_get(struct ctx *, const char *key, int64_t version,
    struct stats_rows sets[STATS_SETS], int64_t w[SM__MAX]);
void stats_cache_put(const char *key, int64_t version, const struct stats_rows sets[STATS_SETS],
    const int64_t w[SM__MAX]);
void ledgers_page(struct page *);               /* ledgers.c */
void ledger_get(struct page *);
void cases_export(struct page *);               /* cases_export.c */
/* Does the path name the .xlsx (else the CSV) of a download? */
bool is_xlsx_path(const char *path);
/* Write a download: what fills the sheet (a ledger, the case list), named name.csv or
 * name.xlsx (fallback: the ASCII name); constant_memory for an export of any length. */
struct sheet;
typedef int (*sheet_fill)(struct page *, const void *what, const struct sheet *);
void send_sheet(struct page *, const char *name, const char *fallback, sheet_fill,
    const void *what, bool constant_memory);
void users_get(struct page *);                  /* users.c */
void users_post(struct page *);                 /* users_edit.c */
/* The owner's unseen notices (what was changed on its account) as <notices>, then marked seen. */
int notices_xml(struct page *, xmlNodePtr parent);  /* users.c */
void users_show_message(struct page *, int status, const char *message);
/* May the security administrator manage account user (not itself, all its roles in its
 * area), or give a role at department dept (enabled, in its area)? *why says why not. */
int user_manageable(struct page *, int64_t user, const char **why);
int department_manageable(struct page *, int64_t dept, const char **why);

/* ---- users_change.c: changes that wait for a second security administrator */
struct change {
	int64_t staff_id, department_id, iter, requested_by;
	char    kind[16], role[17], state[10], requester[400];
	uint8_t hash[32], salt[16];
	size_t  hash_len, salt_len;
};
/* Make the change now, or file it for approval when it is guarded; either way detail gets
 * its audit text; *done a message for a filed change, *why the reason it cannot be made. */
int change_submit(struct page *, struct change *, char *detail, size_t cap, const char **why,
    const char **done);
/* approve (0), refuse (1) or withdraw (2) change id, audited in its transaction. */
int change_decide(struct page *, int which, int64_t id, const char **why);
const char *change_kind_label(const char *kind);
/* Tell account user that the signed-in security administrator did `what` (to role at dept,
 * when role is not NULL). */
int change_notice(struct page *, int64_t user, const char *what, const char *role,
    int64_t dept);

/* ---- lists*.c: the publisher's pages (信息公开; lib/lists.h says what each list shows) */
void lists_dashboard(struct page *);            /* lists.c */
void lists_entries(struct page *);              /* lists_entries.c */
void lists_entry_get(struct page *);            /* lists_entry.c */
void lists_new_get(struct page *);
void lists_entry_post(struct page *);           /* lists_save.c */
void lists_move_post(struct page *);            /* lists_moves.c */
void lists_item_post(struct page *);            /* lists_items.c */
void lists_credit_get(struct page *);           /* lists_credit.c */

/* An entry as the publisher's pages see it (Q_LIST_ENTRY_GET), its fields by list_field. */
struct lentry {
	char    *v[LF__MAX];
	int64_t  id, report_id, department_id, batch_id;
	char    *list, *state, *department, *dept_region, *basis, *due, *noticed, *announced;
	char    *archived, *withdrawn, *reason, *reviewer, *reviewed, *review_note, *ticket;
	int      type;            /* enum list_type */
	int      st;              /* enum entry_state */
};
/* What the signed-in publisher may do with an entry: nothing (not in its area: 404), see it,
 * review it (复核、抽查: an entry of a department below its own), or act on it (its own
 * department's: 分级管理). */
enum lists_access { LA_NONE, LA_VIEW, LA_REVIEW, LA_OWN };
/* Load entry id: 1 found, 0 not, or a db error. */
int lentry_load(struct page *, int64_t id, struct lentry *);
enum lists_access lentry_access(const struct page *, const struct lentry *);
/* The publisher's widest area (prefix), false when it holds no publisher role. */
bool lists_area(const struct page *, char prefix[7]);
/* The publisher role of department id, or NULL. */
const struct staff_role *lists_role(const struct page *, int64_t department);
/* <entry> with its shown fields, dates and items. */
int lentry_xml(struct page *, xmlNodePtr parent, const struct lentry *);
/* The entry page (view, moves, items, review, edit form of a draft); status and message on
 * top; a 400 keeps the posted form. */
void lists_entry_page(struct page *, int64_t id, int status, const char *message);
/* The form of a new entry of list t (-1: the choice of list first), prefilled from a closed
 * case (0: none); a 400 keeps the posted form. */
void lists_form_page(struct page *, int t, int64_t case_id, int status, const char *message);
/* Is case id a closed case of the publisher's area? 1, 0 or a db error. */
int lists_case_ok(struct page *, int64_t case_id);
/* How many items entry id has (into *n). DB_OK or a db error. */
int lists_item_count(struct page *, int64_t id, int64_t *n);
/* Shared option lists: <lists>, <units>, <industries> and <states> of a page. */
void lists_options_xml(struct page *, xmlNodePtr parent);
extern const struct option capacity_units[];
/* printf into the request arena. */
char *lists_printf(struct ctx *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The entry form's keys: one per list_field (LF_ITEMS's slot takes nothing), then these. */
enum entry_key { EK_ID = LF__MAX, EK_LIST, EK_CASE, EK_BASIS, EK_DEPARTMENT, EK__MAX };
extern const struct form_key entry_keys[EK__MAX];
enum lfilter_key { LFK_LIST, LFK_STATE, LFK_YEAR, LFK_Q, LFK_PAGE, LFK__MAX };
extern const struct form_key lfilter_keys[LFK__MAX];
enum lnew_key { LN_LIST, LN_CASE, LN__MAX };
extern const struct form_key lnew_keys[LN__MAX];
enum move_key { MK_ACTION, MK_ID, MK_REASON, MK_COMPLETION, MK_NOTE, MK__MAX };
extern const struct form_key move_keys[MK__MAX];
enum item_key { IT_ACTION, IT_ID, IT_SEQ, IT_ITEM, IT_MEASURED, IT_LIMIT, IT_STANDARD, IT__MAX };
extern const struct form_key item_keys[IT__MAX];

/* ---- key tables, beside their handlers */
enum login_key { LK_LOGIN, LK_PASSWORD, LK_TOTP, LK__MAX };
extern const struct form_key login_keys[LK__MAX];
enum password_key { PK_OLD, PK_NEW, PK_NEW2, PK__MAX };
extern const struct form_key password_keys[PK__MAX];
enum totp_key { TK_ACTION, TK_PASSWORD, TK_CODE, TK__MAX };
extern const struct form_key totp_keys[TK__MAX];
enum list_key { LS_STATE, LS_Q, LS_OVERDUE, LS_PAGE, LS__MAX };
extern const struct form_key list_keys[LS__MAX];
enum id_key { ID_ID, ID__MAX };
extern const struct form_key id_keys[ID__MAX];
enum act_key { AK_ID, AK_ACTION, AK_TEXT, AK_REASON, AK_DEPARTMENT, AK_LEAD, AK_INSPECTED_ON,
	AK_TEAM, AK_FINDINGS, AK_VERDICT, AK_MEASURE, AK_DEADLINE, AK_COMPLETE, AK_TICKET,
	AK_STAFF, AK__MAX };
extern const struct form_key act_keys[AK__MAX];
enum intake_key { IK_FORM_ID, IK_CHANNEL, IK__MAX };
extern const struct form_key intake_keys[IK__MAX];
enum routing_key { RK_ACTION, RK_RULE, RK_CATEGORY, RK_STANDARD, RK_SUBJECT_TYPE, RK_INDUSTRY,
	RK_REGION_PREFIX, RK_LEAD_KIND, RK_COOP_KINDS, RK_LEVEL, RK_NOTE, RK__MAX };
extern const struct form_key routing_keys[RK__MAX];
enum preview_key { PV_PREVIEW, PV_CATEGORY, PV_STANDARD, PV_INDUSTRY, PV_REGION,
	PV_SUBJECT_TYPE, PV__MAX };
extern const struct form_key preview_keys[PV__MAX];
/* A period in a form (the statistics page, the ledgers): six keys in this order from first
 * (period kind, year, quarter, month, from, to), one table of them (PERIOD_KEYS) and one
 * reader (form_period, stats.c) for both. */
enum period_key { PK_PERIOD, PK_YEAR, PK_QUARTER, PK_MONTH, PK_FROM, PK_TO };
extern const struct option stats_period_kinds[];
#define PERIOD_KEYS(first) \
	[(first) + PK_PERIOD] = { "period", form_choice, 0, 0, 0, stats_period_kinds, \
	    "请选择统计周期。" }, \
	[(first) + PK_YEAR] = { "year", form_int, 0, 0, 0, NULL, "年份应为2000至2100的整数。", \
	    2000, 2100 }, \
	[(first) + PK_QUARTER] = { "quarter", form_int, 0, 0, 0, NULL, "季度应为1至4。", 1, 4 }, \
	[(first) + PK_MONTH] = { "month", form_int, 0, 0, 0, NULL, "月份应为1至12。", 1, 12 }, \
	[(first) + PK_FROM] = { "from", form_date, 0, 0, 0, NULL, "开始日期格式应为YYYY-MM-DD。" }, \
	[(first) + PK_TO] = { "to", form_date, 0, 0, 0, NULL, "结束日期格式应为YYYY-MM-DD。" }
/* The period the keys from first ask for (default: this year, this quarter, this month);
 * *kind and *year as asked or defaulted; false with *why when it is not one. */
bool form_period(struct page *, int first, struct stats_period *, const char **kind, int *year,
    const char **why);
enum stats_key { ST_PERIOD, ST_YEAR, ST_QUARTER, ST_MONTH, ST_FROM, ST_TO, ST_REGION,
	ST_CATEGORY, ST_INDUSTRY, ST_CHANNEL, ST_STANDARD, ST_BY, ST_SORT, ST__MAX };
extern const struct form_key stats_keys[ST__MAX];
/* The assessment's weights form: one key per enum stats_measure (lib/stats.h). */
extern const struct form_key weight_keys[SM__MAX];
extern const struct option stats_channels[];
enum ledger_key { LG_KIND, LG_PERIOD, LG_YEAR, LG_QUARTER, LG_MONTH, LG_FROM, LG_TO, LG_REGION,
	LG__MAX };
extern const struct form_key ledger_keys[LG__MAX];
enum year_key { YK_YEAR, YK__MAX };
enum reporting_key { UF_ACTION, UF_ITEM, UF_YEAR, UF_NOTE, UF__MAX };
extern const struct form_key reporting_keys[UF__MAX];
extern const struct form_key year_keys[YK__MAX];
enum calendar_key { CK_ACTION, CK_DATE, CK_OFF, CK_NAME, CK__MAX };
extern const struct form_key calendar_keys[CK__MAX];
enum reason_key { RS_CODE, RS_LABEL, RS_TEXT, RS_SORT, RS_ENABLED, RS__MAX };
extern const struct form_key reason_keys[RS__MAX];
enum audit_key { AU_ACTION, AU_LOGIN, AU_TICKET, AU_FROM, AU_TO, AU_PAGE, AU__MAX };
extern const struct form_key audit_keys[AU__MAX];
enum user_key { UK_ACTION, UK_USER, UK_DEPARTMENT, UK_ROLE, UK_LOGIN, UK_NAME, UK_EMAIL,
	UK_PASSWORD, UK_CHANGE, UK__MAX };
extern const struct form_key user_keys[UK__MAX];

/* ---- case.c: one case as the console sees it */
struct kase {
	int64_t id;
	char    ticket[17], state[16], category[16], standards[120], industry[33], region[7];
	char    subject_type[16], subject_name[401], subject_address[801], credit_code[19];
	char   *description, *feedback_text;
	bool    hazard, hazard_notified, anonymous, overdue;
	char    channel[10], submitted[32], due[11], verdict[8], disposal[801], feedback_state[10];
	char    duplicate_of[21], duplicate_ticket[17], contact_name[257];
	int64_t intake_staff, contact_staff, lead;
	bool    found;
	struct case_depts depts;
	char    dept_names[16][401];
	char    dept_roles[16][5];
	/* the user on this case: each role that reaches it, and the facts the rules judge */
	struct case_role  roles[STAFF_MAX_ROLES];
	unsigned          nroles;
	struct case_facts facts;
	struct ctx       *c;
};
/* Load a case and the user's roles on it: 1, 0 when not found or not the user's to see, or a
 * db error. */
int kase_load(struct page *, int64_t id, struct kase *);
/* The role (index into k->roles) that may take action a on the case, or -1: the one rule the
 * page's buttons and the POST both follow. */
int kase_may(const struct kase *, enum action a);
/* The case page; reveal: with the reporter's identity (audited), message: shown on top. */
void case_page(struct page *, int64_t id, bool reveal, int status, const char *message);

/* ---- routing.c: suggested and allowed departments for a transfer */
struct route_suggestion {
	struct {
		int64_t id;
		char    name[401];
		bool    lead;
	} dept[16];
	size_t n;
	char   message[300];
};
/* The routing table and every department (in the request arena). */
struct routing_table;
int routing_load(struct ctx *, struct routing_table *);
const char *dept_name(const struct routing_table *, int64_t id);
int routing_suggest(struct ctx *, const struct kase *, struct route_suggestion *);
/* May a case in `region` be transferred to department id (enabled, in the case's province)? */
int transfer_target_ok(struct page *, const char *region, int64_t id, bool *ok);

/* Shared option lists. */
/* The disposal measures are lib/stats.c's stats_measures (counted per measure there). */
extern const struct option verdicts[], channels[], note_kinds[];

#endif
