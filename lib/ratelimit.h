/*
 * ratelimit: how often one client may fail a status lookup or send a report, counted in MariaDB
 * so that every FastCGI process of every program sees the same count. The client is stored only
 * as a keyed hash of its address.
 */
#ifndef JUBAO_RATELIMIT_H
#define JUBAO_RATELIMIT_H

#include <stdint.h>

#include "db.h"

enum rate_bucket {
	RATE_LOOKUP_FAIL = 1,
	RATE_SUBMIT = 2,
};

/* Is the client over its limit? DB_OK and *retry_after 0 when not, else the seconds until the
 * window ends; or a db error. limit 0 means no limit. */
int rate_check(struct db *, const uint8_t subject[16], enum rate_bucket, unsigned limit,
    unsigned window, int64_t now, int64_t *retry_after);
/* Count one more. */
int rate_hit(struct db *, const uint8_t subject[16], enum rate_bucket, unsigned window,
    int64_t now);

#endif
