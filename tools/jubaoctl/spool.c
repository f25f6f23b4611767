/*
 * jubaoctl spool-import and status: the spool of reports taken while the database was away
 * (lib/spool.h). spool-import opens each record with the console's key file, checks its
 * attachments by SHA-256 and stores it through lib/report.c's report_import, then removes the
 * record. Exactly once: the report's ticket is UNIQUE and the whole report is one transaction, so
 * a record whose import committed before a crash (or by a second importer) is found there and only
 * removed; a lock file keeps a second importer from doing the work twice at the same time.
 */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jubaoctl.h"
#include "report.h"
#include "spool.h"

#define TICKETS_MAX 10000000

struct tickets {
	char  (*t)[17];
	size_t n, cap;
};

struct import_run {
	struct ctl *c;
	long        limit;          /* records to take at most; 0 all */
	long        crash_after;    /* tests: SIGKILL after this many commits, before the unlink */
	uint64_t    imported, present, failed;
};

static int
collect(const char ticket[17], void *arg)
{
	struct tickets *ts = arg;
	void *p;

	if (ts->n == ts->cap) {
		if (ts->cap >= TICKETS_MAX)
			return 1;
		ts->cap = ts->cap ? ts->cap * 2 : 64;
		if ((p = realloc(ts->t, ts->cap * sizeof(*ts->t))) == NULL)
			return -1;
		ts->t = p;
	}
	memcpy(ts->t[ts->n++], ticket, 17);
	return 0;
}

/* Whether the stored file has the size and SHA-256 the record says. */
static bool
file_intact(const char *dir, const struct stored_file *f)
{
	char path[600];
	uint8_t *buf, sha[32];
	size_t got = 0;
	ssize_t n;
	bool ok = false;
	int fd;

	if (snprintf(path, sizeof(path), "%s/%.2s/%s", dir, f->name, f->name) >=
	    (int)sizeof(path) || (fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return false;
	if ((buf = malloc(f->size + 1)) == NULL) {
		close(fd);
		return false;
	}
	while ((n = read(fd, buf + got, f->size + 1 - got)) > 0 && got <= f->size)
		got += (size_t)n;
	if (n >= 0 && got == f->size && crypto_sha256(buf, got, sha) == 0)
		ok = crypto_equal(sha, 32, f->sha256, 32);
	free(buf);
	close(fd);
	return ok;
}

/* One record into the database. DB_OK (counted), or DB_DOWN to stop the run. */
static int
import_one(struct import_run *run, const char ticket[17])
{
	const char *dir = run->c->cfg.spool_dir;
	struct spool_record rec;
	struct report_import im;
	enum import_outcome out;
	size_t i;
	int rc;

	if (spool_read(dir, ticket, &run->c->sec.identity, &rec) != 0) {
		run->failed++;
		return DB_OK;
	}
	for (i = 0; i < rec.body.nfiles; i++)
		if (!file_intact(run->c->cfg.attachment_dir, &rec.body.files[i])) {
			fprintf(stderr, "jubaoctl: %s: attachment %zu missing or changed; left in "
			    "the spool\n", ticket, i + 1);
			run->failed++;
			spool_record_free(&rec);
			return DB_OK;
		}
	im = (struct report_import){ rec.head.ticket, rec.head.code_mac, rec.body.submit_key,
	    rec.head.submitted, rec.body.due, &rec.body.r, rec.body.sealed_identity,
	    rec.body.sealed_len, rec.body.files, rec.body.nfiles };
	rc = report_import(&run->c->db, &im, &out);
	spool_record_free(&rec);
	if (rc != DB_OK || out == IMPORT_CONFLICT) {
		fprintf(stderr, "jubaoctl: %s: %s; left in the spool\n", ticket, rc != DB_OK ?
		    db_reason(rc) : "the ticket belongs to another report");
		run->failed++;
		return rc == DB_DOWN ? DB_DOWN : DB_OK;
	}
	if (out == IMPORT_DONE && ++run->imported == (uint64_t)run->crash_after)
		raise(SIGKILL);
	if (out == IMPORT_PRESENT)
		run->present++;
	if (spool_remove(dir, ticket) != 0)
		fprintf(stderr, "jubaoctl: %s: stored, but the record could not be removed: %s\n",
		    ticket, strerror(errno));
	return DB_OK;
}

/* The lock file beside the records: one importer at a time. fd, or -1 when another holds it
 * (-2 on error, reported). */
static int
take_lock(const char *dir)
{
	char path[600];
	int fd;

	if (snprintf(path, sizeof(path), "%s/.import.lock", dir) >= (int)sizeof(path) ||
	    (fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) == -1) {
		fail("cannot open the lock file in %s: %s", dir, strerror(errno));
		return -2;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int
run_import(struct import_run *run)
{
	struct tickets ts = { NULL, 0, 0 };
	struct progress pr;
	size_t i;
	int rc = 0;

	if (spool_each(run->c->cfg.spool_dir, collect, &ts) != 0) {
		free(ts.t);
		return fail("cannot list the spool %s", run->c->cfg.spool_dir);
	}
	progress_begin(&pr, "spooled reports imported",
	    run->limit > 0 && (size_t)run->limit < ts.n ? (uint64_t)run->limit : ts.n);
	for (i = 0; i < ts.n && (run->limit == 0 || (long)i < run->limit); i++) {
		if (import_one(run, ts.t[i]) == DB_DOWN) {
			rc = 1;
			break;
		}
		progress_add(&pr, 1);
	}
	progress_end(&pr);
	free(ts.t);
	printf("spool-import: %llu imported, %llu already present, %llu failed\n",
	    (unsigned long long)run->imported, (unsigned long long)run->present,
	    (unsigned long long)run->failed);
	return rc != 0 || run->failed > 0 ? 1 : 0;
}

int
cmd_spool_import(struct ctl *c, int argc, char **argv)
{
	const char *limit = NULL, *pos[1], *crash = getenv("JUBAO_TEST_SPOOL_CRASH_AFTER");
	const struct opt opts[] = { { "--limit", &limit }, { NULL, NULL } };
	struct import_run run = { c, 0, 0, 0, 0, 0 };
	size_t npos;
	int lock, rc;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (limit != NULL && parse_count(limit, 1, TICKETS_MAX, &run.limit) != 0)
		return fail("--limit needs a number from 1");
	if (crash != NULL && parse_count(crash, 1, TICKETS_MAX, &run.crash_after) != 0)
		return fail("JUBAO_TEST_SPOOL_CRASH_AFTER needs a number from 1");
	if (load_config(c, false) != 0)
		return 1;
	if (c->cfg.spool_dir[0] == '\0')
		return fail("no spool_dir in %s", c->conf_path);
	if ((lock = take_lock(c->cfg.spool_dir)) == -2)
		return 1;
	if (lock == -1) {
		printf("spool-import: another import is running\n");
		return 0;
	}
	rc = open_db(c) != 0 ? 1 : run_import(&run);
	close(lock);
	return rc;
}

int
cmd_status(struct ctl *c, int argc, char **argv)
{
	const char *pos[1];
	char since[32];
	size_t npos, count;
	uint64_t bytes;
	int64_t oldest;

	if (parse_args(argc, argv, NULL, pos, 0, &npos) != 0 || load_config(c, false) != 0)
		return 1;
	if (c->cfg.spool_dir[0] == '\0') {
		printf("spool: none configured\n");
		return 0;
	}
	if (spool_stat(c->cfg.spool_dir, &count, &bytes, &oldest) != 0)
		return fail("cannot read the spool %s: %s", c->cfg.spool_dir, strerror(errno));
	if (count == 0) {
		printf("spool: empty\n");
		return 0;
	}
	report_time(oldest, since);
	printf("spool: %zu reports waiting (%llu bytes), the oldest since %s\n", count,
	    (unsigned long long)bytes, since);
	return 0;
}
