/* ratelimit: see ratelimit.h. */
#include "queries.h"
#include "ratelimit.h"

void
rate_judge(struct rate_probe *probe, bool have_row, int64_t window_start, int64_t hits)
{
	probe->retry_after = 0;
	if (probe->limit == 0 || !have_row)
		return;
	if (window_start > probe->now - (int64_t)probe->window && hits >= (int64_t)probe->limit) {
		probe->retry_after = window_start + probe->window - probe->now;
		if (probe->retry_after < 1)
			probe->retry_after = 1;
	}
}

int
rate_check(struct db *db, const uint8_t subject[16], enum rate_bucket bucket, unsigned limit,
    unsigned window, int64_t now, int64_t *retry_after)
{
	struct rate_probe probe = { subject, bucket, limit, window, now, 0 };
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
	rate_judge(&probe, rc == 1, start, hits);
	*retry_after = probe.retry_after;
	return DB_OK;
}

int
rate_hit(struct db *db, const uint8_t subject[16], enum rate_bucket bucket, unsigned window,
    int64_t now)
{
	MYSQL_BIND p[5];
	int64_t b = bucket, cutoff = now - (int64_t)window;
	int rc = DB_RETRY, attempt;

	bind_blob(&p[0], subject, 16);
	bind_i64(&p[1], &b);
	bind_i64(&p[2], &now);
	bind_i64(&p[3], &cutoff);
	bind_i64(&p[4], &cutoff);
	/* One client's row written through two Galera nodes at once: the loser fails certification
	 * (1213) even after the server's own retries (wsrep_retry_autocommit): count it again. */
	for (attempt = 0; attempt < 3 && rc == DB_RETRY; attempt++)
		rc = db_exec(db, Q_RATE_HIT, p, NULL);
	return rc;
}
