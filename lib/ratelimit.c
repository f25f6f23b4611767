/* ratelimit: see ratelimit.h. */
#include "queries.h"
#include "ratelimit.h"

int
rate_check(struct db *db, const uint8_t subject[16], enum rate_bucket bucket, unsigned limit,
    unsigned window, int64_t now, int64_t *retry_after)
{
	MYSQL_BIND p[2], r[2];
	int64_t b = bucket, start = 0, hits = 0;
	my_bool null[2];
	int rc;

	*retry_after = 0;
	if (limit == 0)
		return DB_OK;
	bind_blob(&p[0], subject, 16);
	bind_i64(&p[1], &b);
	bind_out_i64(&r[0], &start, &null[0]);
	bind_out_i64(&r[1], &hits, &null[1]);
	if ((rc = db_exec(db, Q_RATE_GET, p, r)) != DB_OK)
		return rc;
	rc = db_fetch(db, Q_RATE_GET);
	db_done(db, Q_RATE_GET);
	if (rc < 0)
		return rc;
	if (rc == 1 && start > now - (int64_t)window && hits >= (int64_t)limit) {
		*retry_after = start + window - now;
		if (*retry_after < 1)
			*retry_after = 1;
	}
	return DB_OK;
}

int
rate_hit(struct db *db, const uint8_t subject[16], enum rate_bucket bucket, unsigned window,
    int64_t now)
{
	MYSQL_BIND p[5];
	int64_t b = bucket, cutoff = now - (int64_t)window;

	bind_blob(&p[0], subject, 16);
	bind_i64(&p[1], &b);
	bind_i64(&p[2], &now);
	bind_i64(&p[3], &cutoff);
	bind_i64(&p[4], &cutoff);
	return db_exec(db, Q_RATE_HIT, p, NULL);
}
