/*
 * routing: which departments a report is transferred to (移交), from the routing table
 * (routing_rule) and the department directory. Pure: the caller loads rules and departments
 * (from the database, or a test's table) and this module only decides, so the rules are tested
 * without a server and the console can preview a transfer before it is made.
 *
 * Matching. For each standard the report names, the best enabled rule is the one whose every
 * non-empty match column equals the report's value (standard compared with that one standard,
 * region_prefix a prefix of the report's region) and that is most specific: most non-empty
 * match columns, then longest region_prefix, then lowest id. The lead kind is the best rule's of
 * the first standard in the fixed order energy, environment, quality, safety, technology, swap,
 * approval, other; the co-operating kinds are the other standards' lead kinds and every best
 * rule's coop kinds, without the lead kind.
 *
 * Level. The lead rule's level places the departments: county: the report's region itself;
 * city: its city (4 digits + "00"); province: its province (2 digits + "0000"). A report about
 * a government is verified by the level above (seed 001 §三(三)): the named place is first
 * replaced by its parent (county -> city -> province; a province stays). Each kind is then
 * looked up at that region and, when no enabled department of the kind sits there, at the next
 * region up, to the province: this is also what sends a Beijing district's city-level case to
 * the municipality, whose "city" rows (110100 市辖区) hold no departments.
 */
#ifndef JUBAO_ROUTING_H
#define JUBAO_ROUTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "form.h"

enum routing_level {
	ROUTING_COUNTY = 0,
	ROUTING_CITY = 1,
	ROUTING_PROVINCE = 2,
};

/* One row of routing_rule. An empty string in a match column (NULL in the table) matches
 * anything. coop_kinds is a comma-separated list of kinds, "" for none. */
struct routing_rule {
	int64_t            id;
	char               category[16];
	char               standard[16];
	char               industry[33];
	char               region_prefix[7];
	char               subject_type[16];
	char               lead_kind[17];
	char               coop_kinds[101];
	enum routing_level level;
	bool               enabled;
};

/* One row of department. */
struct routing_dept {
	int64_t id;
	char    region_code[7];
	char    kind[17];
	char    name[401];
	bool    enabled;
};

struct routing_table {
	const struct routing_rule *rules;
	size_t                     nrules;
	const struct routing_dept *depts;
	size_t                     ndepts;
};

/* What is routed: the report's own columns. */
struct routing_report {
	const char *category;
	const char *standards;      /* comma-separated, as the SET column reads; "" for none */
	const char *industry;
	const char *region;         /* 6 digits */
	const char *subject_type;   /* "enterprise" or "government" */
};

#define ROUTING_MAX_COOPS 16
#define ROUTING_MSG_LEN   256

struct routing_result {
	int64_t lead_rule;                  /* id of the rule that chose the lead */
	char    lead_kind[17];
	char    region[7];                  /* where the departments were looked for */
	int64_t lead;                       /* department id */
	int64_t coops[ROUTING_MAX_COOPS];   /* department ids, without duplicates or the lead */
	size_t  ncoops;
	/* Co-operating kinds that have no enabled department up the chain: the transfer goes
	 * ahead without them, but the console says so. Comma-separated, "" when none. */
	char    missing[128];
	char    error[ROUTING_MSG_LEN];     /* why routing_route failed, in Chinese */
};

/* The department kinds: value (the kind) and Chinese label, NULL-terminated, for
 * form_options_xml and option_label. */
extern const struct option routing_kinds[];
/* The label of a kind ("gongxin" -> "工业和信息化"); like option_label, the kind itself when
 * it is not one of routing_kinds. */
const char *routing_kind_label(const char *kind);
bool routing_kind_valid(const char *kind);

/* "county", "city", "province" and back; -1 for anything else. */
int routing_level_parse(const char *s);
const char *routing_level_name(enum routing_level);
/* 县级, 市级, 省级 */
const char *routing_level_label(enum routing_level);

/* The region the departments of a rule at level are first looked for, for a report about
 * region (6 digits) and subject_type (see the top of this file). -1 when region is not six
 * digits. */
int routing_place(const char *region, const char *subject_type, enum routing_level level,
    char out[7]);

/* The best enabled rule for the report and one standard ("" when the report names none), or
 * NULL when no rule matches. */
const struct routing_rule *routing_best(const struct routing_table *,
    const struct routing_report *, const char *standard);

/* Route a report: fill *out. 0 ok; -1 when the report is malformed, no rule matches or no
 * enabled department of the lead kind exists up the chain; out->error says which. */
int routing_route(const struct routing_table *, const struct routing_report *,
    struct routing_result *out);

/* Check the table for the console: rules that name unknown kinds, categories, standards or
 * subject types or a malformed region prefix, rules whose kinds have no enabled department
 * anywhere, departments of unknown kinds, and category/standard pairs that no general rule
 * (no industry, region or subject type) covers. Each problem, a Chinese sentence, is passed to
 * emit (when not NULL) in a stable order; returns how many there were. */
size_t routing_validate(const struct routing_table *,
    void (*emit)(void *arg, const char *problem), void *arg);

#endif
