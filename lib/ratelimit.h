/*
 * ratelimit: how often one client may fail a status lookup or send a report, counted in MariaDB
 * so that every FastCGI process of every program sees the same count. The client is stored only
 * as a keyed hash of its address.
 */
#ifndef JUBAO_RATELIMIT_H
#define JUBAO_RATELIMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

enum rate_bucket {
	RATE_LOOKUP_FAIL = 1,
	RATE_SUBMIT = 2,
};

/* One client's standing against one limit. rate_check fills it from its own statement; a
 * statement that reads the rate_limit row along with other things (report_public_case) hands
 * the row to rate_judge, so that the rule lives in one place. */
struct rate_probe {
	const uint8_t   *subject;           /* 16 bytes: keyed hash of the client address */
	enum rate_bucket bucket;
	unsigned         limit;             /* 0: no limit */
	unsigned         window;            /* seconds */
	int64_t          now;
	int64_t          retry_after;       /* out: 0 when under the limit, else seconds to wait */
};

/* Judge the client's row (have_row false: no row yet) and set probe->retry_after. */
void rate_judge(struct rate_probe *, bool have_row, int64_t window_start, int64_t hits);

/* Is the client over its limit? DB_OK and *retry_after 0 when not, else the seconds until the
 * window ends; or a db error. limit 0 means no limit. */
int rate_check(struct db *, const uint8_t subject[16], enum rate_bucket, unsigned limit,
    unsigned window, int64_t now, int64_t *retry_after);
/* Count one more. */
int rate_hit(struct db *, const uint8_t subject[16], enum rate_bucket, unsigned window,
    int64_t now);

#endif
