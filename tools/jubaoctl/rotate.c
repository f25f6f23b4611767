/* jubaoctl rotate: re-seal reporter identities and TOTP secrets under the current key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jubaoctl.h"
#include "queries.h"

/* One row of a batch, copied out of the result so that the updates can run. */
struct sealed_row {
	int64_t id;
	char    ticket[17];
	int64_t key_id;
	uint8_t blob[SEALED_MAX + 1];
	size_t  len;
};

/* Re-seal one blob under cur. aad as when it was sealed. 0 ok, -1 (cannot open or seal). */
static int
reseal(const struct keyring *ring, const struct seal_key *cur, const void *aad, size_t aadlen,
    const uint8_t *blob, size_t len, uint8_t *out, size_t cap, size_t *outlen)
{
	uint8_t pt[SEALED_MAX];
	size_t ptlen = 0;
	int rc = -1;

	if (unseal(ring, aad, aadlen, blob, len, pt, sizeof(pt), &ptlen) != 0)
		goto out;
	if (seal_size(cur->alg, ptlen) == 0 || seal_size(cur->alg, ptlen) > cap)
		goto out;
	if (seal(cur, aad, aadlen, pt, ptlen, out, cap, outlen) != 0)
		goto out;
	rc = 0;
out:
	explicit_bzero(pt, sizeof(pt));
	return rc;
}

/* End a rotation batch: wipe the re-sealed buffer, then commit and account for the rows (or
 * roll back and pass the error on). */
static int
batch_end(struct ctl *c, bool commit, int rc, uint8_t *out, size_t outsz,
    const struct sealed_row *rows, size_t nrows, uint64_t ok, uint64_t bad, int64_t *last,
    size_t *nseen, uint64_t *done, uint64_t *failed)
{
	explicit_bzero(out, outsz);
	if (commit && (rc = db_commit(&c->db)) == DB_OK) {
		if (nrows > 0)
			*last = rows[nrows - 1].id;
		*nseen = nrows;
		*done += ok;
		*failed += bad;
		return DB_OK;
	}
	db_rollback(&c->db);
	return rc;
}

/* One batch of identities in one transaction. *last advances past the rows seen. */
static int
rotate_identity_batch(struct ctl *c, const struct seal_key *cur, struct sealed_row *rows,
    long batch, int64_t *last, size_t *nseen, uint64_t *done, uint64_t *failed)
{
	MYSQL_BIND p[5], r[4];
	unsigned long tlen = 0, blen = 0;
	my_bool n[4] = { 0, 0, 0, 0 };
	int64_t cur_id = cur->id, after = *last, limit = batch, id = 0, key_id = 0,
	    alg = cur->alg;
	uint8_t out[SEALED_MAX];
	size_t i, outlen, nrows = 0;
	uint64_t ok = 0, bad = 0;
	char ticket[17];
	static uint8_t blob[SEALED_MAX + 1];
	int rc;

	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	bind_i64(&p[0], &cur_id);
	bind_i64(&p[1], &after);
	bind_i64(&p[2], &limit);
	bind_out_i64(&r[0], &id, &n[0]);
	bind_out_text(&r[1], ticket, sizeof(ticket), &tlen, &n[1]);
	bind_out_i64(&r[2], &key_id, &n[2]);
	bind_out_text(&r[3], (char *)blob, sizeof(blob), &blen, &n[3]);
	if ((rc = db_exec(&c->db, CQ_IDENTITY_BATCH, p, r)) != DB_OK)
		goto undo;
	while ((rc = db_fetch(&c->db, CQ_IDENTITY_BATCH)) == 1 && nrows < (size_t)batch) {
		rows[nrows].id = id;
		text_end(ticket, sizeof(ticket), tlen);
		memcpy(rows[nrows].ticket, ticket, sizeof(ticket));
		rows[nrows].key_id = key_id;
		/* A blob longer than the column allows cannot be: count it as unopenable. */
		rows[nrows].len = blen <= SEALED_MAX ? blen : 0;
		memcpy(rows[nrows].blob, blob, rows[nrows].len);
		nrows++;
	}
	db_done(&c->db, CQ_IDENTITY_BATCH);
	if (rc < 0)
		goto undo;
	for (i = 0; i < nrows; i++) {
		if (strlen(rows[i].ticket) != 16 || rows[i].len == 0 ||
		    reseal(&c->sec.identity, cur, rows[i].ticket, 16, rows[i].blob, rows[i].len,
		    out, sizeof(out), &outlen) != 0) {
			/* The report id is no secret; what the row holds is. */
			fprintf(stderr, "jubaoctl: report %lld: the identity does not open with "
			    "key %lld of the key file; left as it is\n", (long long)rows[i].id,
			    (long long)rows[i].key_id);
			bad++;
			continue;
		}
		bind_i64(&p[0], &alg);
		bind_i64(&p[1], &cur_id);
		bind_blob(&p[2], out, outlen);
		bind_i64(&p[3], &rows[i].id);
		bind_i64(&p[4], &rows[i].key_id);
		if ((rc = db_exec(&c->db, CQ_IDENTITY_UPDATE, p, NULL)) != DB_OK)
			goto undo;
		ok += db_affected(&c->db, CQ_IDENTITY_UPDATE);
	}
	return batch_end(c, true, DB_OK, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
undo:
	return batch_end(c, false, rc, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
}

/* One batch of TOTP secrets in one transaction; those under the current key stay as they
 * are. */
static int
rotate_totp_batch(struct ctl *c, const struct seal_key *cur, struct sealed_row *rows,
    long batch, int64_t *last, size_t *nseen, uint64_t *done, uint64_t *failed)
{
	MYSQL_BIND p[3], r[2];
	unsigned long blen = 0;
	my_bool n[2] = { 0, 0 };
	int64_t after = *last, limit = batch, id = 0;
	uint8_t out[SEALED_MAX];
	static uint8_t blob[SEALED_MAX + 1];
	enum seal_alg alg;
	uint32_t key_id;
	char aad[32];
	size_t i, outlen, nrows = 0;
	uint64_t ok = 0, bad = 0;
	int rc;

	if ((rc = db_begin(&c->db)) != DB_OK)
		return rc;
	bind_i64(&p[0], &after);
	bind_i64(&p[1], &limit);
	bind_out_i64(&r[0], &id, &n[0]);
	bind_out_text(&r[1], (char *)blob, sizeof(blob), &blen, &n[1]);
	if ((rc = db_exec(&c->db, CQ_TOTP_BATCH, p, r)) != DB_OK)
		goto undo;
	while ((rc = db_fetch(&c->db, CQ_TOTP_BATCH)) == 1 && nrows < (size_t)batch) {
		rows[nrows].id = id;
		rows[nrows].len = blen <= SEALED_MAX ? blen : 0;
		memcpy(rows[nrows].blob, blob, rows[nrows].len);
		nrows++;
	}
	db_done(&c->db, CQ_TOTP_BATCH);
	if (rc < 0)
		goto undo;
	for (i = 0; i < nrows; i++) {
		/* The key id lives only in the blob's header here. */
		if (seal_header(rows[i].blob, rows[i].len, &alg, &key_id) == 0 &&
		    key_id == cur->id)
			continue;
		snprintf(aad, sizeof(aad), "totp:%lld", (long long)rows[i].id);
		if (rows[i].len == 0 || reseal(&c->sec.identity, cur, aad, strlen(aad),
		    rows[i].blob, rows[i].len, out, sizeof(out), &outlen) != 0) {
			fprintf(stderr, "jubaoctl: staff %lld: the TOTP secret does not open with "
			    "the key file; left as it is\n", (long long)rows[i].id);
			bad++;
			continue;
		}
		bind_blob(&p[0], out, outlen);
		bind_i64(&p[1], &rows[i].id);
		bind_blob(&p[2], rows[i].blob, rows[i].len);
		if ((rc = db_exec(&c->db, CQ_TOTP_UPDATE, p, NULL)) != DB_OK)
			goto undo;
		ok += db_affected(&c->db, CQ_TOTP_UPDATE);
	}
	return batch_end(c, true, DB_OK, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
undo:
	return batch_end(c, false, rc, out, sizeof(out), rows, nrows, ok, bad, last, nseen,
	    done, failed);
}

/* Run a batch function until it sees no more rows; a deadlock reruns the batch. */
typedef int batch_fn(struct ctl *, const struct seal_key *, struct sealed_row *, long,
    int64_t *, size_t *, uint64_t *, uint64_t *);

static int
rotate_all(struct ctl *c, batch_fn *fn, const struct seal_key *cur, struct sealed_row *rows,
    long batch, const char *what, int64_t total, uint64_t *done, uint64_t *failed)
{
	int64_t last = 0;
	struct progress pr;
	uint64_t before;
	size_t seen;
	int rc, retries = 0;

	progress_begin(&pr, what, total > 0 ? (uint64_t)total : 0);
	for (;;) {
		seen = 0;
		before = *done;
		rc = fn(c, cur, rows, batch, &last, &seen, done, failed);
		if (rc == DB_RETRY && retries++ < 5)
			continue;
		if (rc != DB_OK)
			break;
		retries = 0;
		if (seen == 0)
			break;
		progress_add(&pr, *done - before);
	}
	progress_end(&pr);
	if (rc != DB_OK)
		return rc;
	if (total >= 0)
		printf("%s: re-sealed %llu of %lld\n", what, (unsigned long long)*done,
		    (long long)total);
	else
		printf("%s: re-sealed %llu\n", what, (unsigned long long)*done);
	return DB_OK;
}

int
cmd_rotate(struct ctl *c, int argc, char **argv)
{
	const char *batch_arg = NULL, *pos[1];
	const struct opt opts[] = { { "--batch", &batch_arg }, { NULL, NULL } };
	const struct seal_key *cur;
	struct sealed_row *rows = NULL;
	MYSQL_BIND p[1];
	int64_t total = 0, cur_id;
	uint64_t done = 0, failed = 0, tdone = 0, tfailed = 0;
	long batch = 500;
	size_t npos;
	char detail[200];
	int rc, ret = 1;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (batch_arg != NULL && parse_count(batch_arg, 1, BATCH_MAX, &batch) != 0)
		return fail("--batch must be 1 to %d", BATCH_MAX);
	if (open_db(c) != 0)
		return 1;
	if ((cur = keyring_find(&c->sec.identity, c->sec.identity.current)) == NULL)
		return fail("the key file names no current identity key");
	if (!seal_alg_available(cur->alg))
		return fail("this OpenSSL cannot seal with the current key's cipher");
	if ((rows = calloc((size_t)batch, sizeof(*rows))) == NULL)
		return fail("out of memory");
	cur_id = cur->id;
	bind_i64(&p[0], &cur_id);
	if ((rc = count_rows(c, CQ_IDENTITY_COUNT, p, &total)) != DB_OK) {
		fail("counting identities: %s", db_reason(rc));
		goto out;
	}
	printf("identities: %lld not under key %lld\n", (long long)total, (long long)cur_id);
	if ((rc = rotate_all(c, rotate_identity_batch, cur, rows, batch, "identities", total,
	    &done, &failed)) != DB_OK) {
		fail("re-sealing identities: %s (run rotate again to continue)", db_reason(rc));
		goto out;
	}
	if ((rc = rotate_all(c, rotate_totp_batch, cur, rows, batch, "totp secrets", -1,
	    &tdone, &tfailed)) != DB_OK) {
		fail("re-sealing TOTP secrets: %s (run rotate again to continue)", db_reason(rc));
		goto out;
	}
	snprintf(detail, sizeof(detail), "key %lld: identities %llu of %lld, totp %llu, "
	    "failed %llu", (long long)cur_id, (unsigned long long)done, (long long)total,
	    (unsigned long long)tdone, (unsigned long long)(failed + tfailed));
	if ((rc = ctl_audit(c, "rotate_keys", 0, detail)) != DB_OK) {
		fail("writing the audit row: %s", db_reason(rc));
		goto out;
	}
	printf("rotate: %s\n", detail);
	if (failed + tfailed > 0) {
		fail("%llu records could not be opened: is an old key missing from the key file?",
		    (unsigned long long)(failed + tfailed));
		goto out;
	}
	ret = 0;
out:
	if (rows != NULL) {
		explicit_bzero(rows, (size_t)batch * sizeof(*rows));
		free(rows);
	}
	return ret;
}
