/* spooldir: the spool directory's files (spool.h); the record format is in spool.c. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "spool.h"
#include "store.h"

#define PATH_CAP 512

static const char aad_prefix[] = "spool:";
#define AAD_LEN (6 + 16 + 32 + 8)

/* "spool:" || ticket || code MAC || submitted: the body opens only under the head it was sealed
 * with (another ticket's, or a changed time or code, and it does not). */
static void
body_aad(const struct spool_head *h, uint8_t aad[AAD_LEN])
{
	uint64_t t = (uint64_t)h->submitted;
	int i;

	memcpy(aad, aad_prefix, 6);
	memcpy(aad + 6, h->ticket, 16);
	memcpy(aad + 22, h->code_mac, 32);
	for (i = 0; i < 8; i++)
		aad[54 + i] = (uint8_t)(t >> (56 - 8 * i));
}

static bool
record_path(const char *dir, const char *ticket, const char *suffix, char out[PATH_CAP])
{
	int n = snprintf(out, PATH_CAP, "%s/%s%s", dir, ticket, suffix);

	return n > 0 && n < PATH_CAP;
}

/* "<16 digits>.rec": a record's name (a temporary file starts with a dot). */
static bool
is_record(const char *name)
{
	return strlen(name) == 20 && strspn(name, "0123456789") == 16 &&
	    strcmp(name + 16, ".rec") == 0;
}

int
spool_each(const char *dir, int (*fn)(const char ticket[17], void *), void *arg)
{
	struct dirent *e;
	char ticket[17];
	DIR *d;
	int rc = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (!is_record(e->d_name))
			continue;
		memcpy(ticket, e->d_name, 16);
		ticket[16] = '\0';
		rc = fn(ticket, arg);
	}
	closedir(d);
	return rc;
}

/* Read the head of dir/<ticket>.rec (fd left open when fdp is given). 0, -1 none or bad. */
static int
read_head(const char *dir, const char ticket[17], struct spool_head *h, int *fdp)
{
	uint8_t buf[SPOOL_HEAD_LEN];
	char path[PATH_CAP];
	ssize_t n;
	int fd;

	if (!record_path(dir, ticket, ".rec", path) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return -1;
	n = read(fd, buf, sizeof(buf));
	if (n != (ssize_t)sizeof(buf) || spool_head_parse(buf, sizeof(buf), h) != 0 ||
	    strcmp(h->ticket, ticket) != 0) {
		close(fd);
		return -1;
	}
	if (fdp != NULL)
		*fdp = fd;
	else
		close(fd);
	return 0;
}

int
spool_find(const char *dir, const char ticket[17], struct spool_head *h)
{
	return read_head(dir, ticket, h, NULL);
}

struct usage {
	const char *dir;
	size_t      count;
	uint64_t    bytes;
	int64_t     oldest;
};

static int
add_usage(const char ticket[17], void *arg)
{
	struct usage *u = arg;
	struct spool_head h;

	u->count++;
	if (read_head(u->dir, ticket, &h, NULL) != 0)
		return 0;
	u->bytes += SPOOL_HEAD_LEN + h.body_len;
	if (u->oldest == 0 || h.submitted < u->oldest)
		u->oldest = h.submitted;
	return 0;
}

int
spool_stat(const char *dir, size_t *count, uint64_t *bytes, int64_t *oldest)
{
	struct usage u = { dir, 0, 0, 0 };

	*count = 0;
	*bytes = 0;
	*oldest = 0;
	if (spool_each(dir, add_usage, &u) != 0)
		return -1;
	*count = u.count;
	*bytes = u.bytes;
	*oldest = u.oldest;
	return 0;
}

/* The sealed record (head || sealed body) into *out (malloc'd), *len. 0 ok, -1. */
static int
seal_record(const struct keyring *ring, const struct spool_head *h0,
    const struct spool_body *b, uint8_t **out, size_t *len)
{
	const struct seal_key *key = keyring_find(ring, ring->current);
	struct spool_head h = *h0;
	uint8_t *plain = NULL, *rec = NULL;
	size_t plain_len = 0, cap, sealed_len = 0;
	uint8_t aad[AAD_LEN];
	int rc = -1;

	if (key == NULL || spool_encode(b, &plain, &plain_len) != 0 ||
	    plain_len > SPOOL_BODY_MAX || (cap = seal_size(key->alg, plain_len)) == 0)
		goto fail;
	if ((rec = malloc(SPOOL_HEAD_LEN + cap)) == NULL)
		log_fatal("spool: out of memory");
	body_aad(&h, aad);
	if (seal(key, aad, sizeof(aad), plain, plain_len, rec + SPOOL_HEAD_LEN, cap,
	    &sealed_len) != 0)
		goto fail;
	h.body_len = sealed_len;
	spool_head_write(&h, rec);
	*out = rec;
	*len = SPOOL_HEAD_LEN + sealed_len;
	rec = NULL;
	rc = 0;
fail:
	if (plain != NULL)
		explicit_bzero(plain, plain_len);
	free(plain);
	free(rec);
	return rc;
}

/* Write buf to dir/.<ticket>.tmp, fsync, rename to <ticket>.rec unless that exists, fsync dir. */
static int
publish(const char *dir, const char ticket[17], const uint8_t *buf, size_t len)
{
	char tmp[PATH_CAP], final[PATH_CAP], name[32];
	int fd, rc = SPOOL_ERR;

	snprintf(name, sizeof(name), ".%s.tmp", ticket);
	if (!record_path(dir, name, "", tmp) || !record_path(dir, ticket, ".rec", final))
		return SPOOL_ERR;
	/* O_TRUNC: a temporary file left by a worker killed half-way is written over. */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640)) == -1) {
		log_err("spool: open %s: %s", tmp, strerror(errno));
		return SPOOL_ERR;
	}
	if (store_write_all(fd, buf, len) != 0 || fsync(fd) != 0) {
		log_err("spool: write %s: %s", tmp, strerror(errno));
		close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		log_err("spool: close %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, final, RENAME_NOREPLACE) != 0) {
		rc = errno == EEXIST ? SPOOL_EXISTS : SPOOL_ERR;
		if (rc == SPOOL_ERR)
			log_err("spool: rename %s: %s", final, strerror(errno));
		goto fail;
	}
	if (store_sync_dir(dir) != 0) {
		log_err("spool: fsync %s: %s", dir, strerror(errno));
		return SPOOL_ERR;
	}
	return SPOOL_OK;
fail:
	unlink(tmp);
	return rc;
}

int
spool_put(const char *dir, const struct spool_limits *lim, const struct keyring *ring,
    const struct spool_head *h, const struct spool_body *b, struct spool_head *existing)
{
	size_t count, len = 0;
	uint64_t bytes;
	int64_t oldest;
	uint8_t *rec = NULL;
	int rc;

	if (read_head(dir, h->ticket, existing, NULL) == 0)
		return SPOOL_EXISTS;
	if (spool_stat(dir, &count, &bytes, &oldest) != 0) {
		log_err("spool: cannot read %s: %s", dir, strerror(errno));
		return SPOOL_ERR;
	}
	if (seal_record(ring, h, b, &rec, &len) != 0) {
		log_err("spool: cannot seal a record");
		return SPOOL_ERR;
	}
	if ((lim->max_files > 0 && count >= lim->max_files) ||
	    (lim->max_bytes > 0 && bytes + len > lim->max_bytes)) {
		log_warn("spool: full (%zu records, %llu bytes)", count, (unsigned long long)bytes);
		free(rec);
		return SPOOL_FULL;
	}
	rc = publish(dir, h->ticket, rec, len);
	free(rec);
	if (rc == SPOOL_EXISTS && read_head(dir, h->ticket, existing, NULL) != 0)
		rc = SPOOL_ERR;
	return rc;
}

int
spool_check_code(const char *dir, const uint8_t code_mac_key[32], const char ticket[17],
    const char code[9], bool *match, int64_t *submitted)
{
	static const uint8_t nothing[32];
	struct spool_head h;
	uint8_t want[32];
	bool have;

	*match = false;
	*submitted = 0;
	if (crypto_hmac2(code_mac_key, 32, ticket, 16, code, 8, want) != 0)
		return -1;
	have = dir[0] != '\0' && read_head(dir, ticket, &h, NULL) == 0;
	*match = crypto_equal(want, 32, have ? h.code_mac : nothing, 32) && have;
	if (*match)
		*submitted = h.submitted;
	explicit_bzero(want, sizeof(want));
	return 0;
}

/* The sealed body after the head, read whole from fd into *out (malloc'd). */
static int
read_body(int fd, size_t len, uint8_t **out)
{
	uint8_t *buf, extra;
	size_t got = 0;
	ssize_t n;

	if ((buf = malloc(len > 0 ? len : 1)) == NULL)
		log_fatal("spool: out of memory");
	while (got < len && (n = read(fd, buf + got, len - got)) > 0)
		got += (size_t)n;
	if (got != len || read(fd, &extra, 1) != 0) {
		free(buf);
		return -1;
	}
	*out = buf;
	return 0;
}

int
spool_read(const char *dir, const char ticket[17], const struct keyring *ring,
    struct spool_record *rec)
{
	uint8_t *sealed = NULL;
	uint8_t aad[AAD_LEN];
	int fd = -1, rc = -1;

	memset(rec, 0, sizeof(*rec));
	if (read_head(dir, ticket, &rec->head, &fd) != 0) {
		log_err("spool: %s: unreadable or malformed head", ticket);
		return -1;
	}
	if (read_body(fd, rec->head.body_len, &sealed) != 0) {
		log_err("spool: %s: short or long body", ticket);
		goto fail;
	}
	if ((rec->plain = malloc(rec->head.body_len + 1)) == NULL)
		log_fatal("spool: out of memory");
	body_aad(&rec->head, aad);
	if (unseal(ring, aad, sizeof(aad), sealed, rec->head.body_len, rec->plain,
	    rec->head.body_len + 1, &rec->plain_len) != 0 ||
	    spool_decode(rec->plain, rec->plain_len, &rec->body) != 0) {
		log_err("spool: %s: does not open with this key file, or malformed", ticket);
		goto fail;
	}
	rc = 0;
fail:
	close(fd);
	free(sealed);
	if (rc != 0)
		spool_record_free(rec);
	return rc;
}

void
spool_record_free(struct spool_record *rec)
{
	if (rec->plain != NULL) {
		explicit_bzero(rec->plain, rec->plain_len);
		free(rec->plain);
	}
	memset(rec, 0, sizeof(*rec));
}

int
spool_remove(const char *dir, const char ticket[17])
{
	char path[PATH_CAP];

	if (!record_path(dir, ticket, ".rec", path))
		return -1;
	if (unlink(path) != 0 && errno != ENOENT)
		return -1;
	return store_sync_dir(dir);
}
