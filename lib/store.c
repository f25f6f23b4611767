/* store: see store.h. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto.h"
#include "log.h"
#include "scrub.h"
#include "store.h"

/*
 * The kinds of file we take, by their first bytes, and how each is cleaned of what it says about
 * the person who made it (lib/scrub.h). A PDF is stored as sent: its document properties stay,
 * and the forms (xslt/reportform.xsl, xslt/status.xsl) tell the reporter so before sending.
 */
static const struct kind {
	const char *mime;
	const char *magic;
	size_t      magiclen;
	int       (*scrub)(const uint8_t *, size_t, uint8_t *, size_t *);
} kinds[] = {
	{ "image/jpeg", "\xff\xd8\xff", 3, scrub_jpeg },
	{ "image/png", "\x89PNG\r\n\x1a\n", 8, scrub_png },
	{ "application/pdf", "%PDF-", 5, NULL },
};

static const struct kind *
sniff_kind(const void *buf, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (len >= kinds[i].magiclen && memcmp(buf, kinds[i].magic, kinds[i].magiclen) == 0)
			return &kinds[i];
	return NULL;
}

const char *
store_sniff(const void *buf, size_t len)
{
	const struct kind *k = sniff_kind(buf, len);

	return k == NULL ? NULL : k->mime;
}

int
store_write_all(int fd, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
store_sync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
store_put(const char *dir, const void *buf, size_t len, char name[33], uint8_t sha[32])
{
	char sub[512], tmp[600], final[600];
	uint8_t rnd[16];
	int fd = -1, rc = -1;

	if (crypto_random(rnd, sizeof(rnd)) != 0 || crypto_sha256(buf, len, sha) != 0) {
		log_err("store: random or hash failed");
		return -1;
	}
	crypto_hex(rnd, sizeof(rnd), name);
	if (snprintf(sub, sizeof(sub), "%s/%.2s", dir, name) >= (int)sizeof(sub) ||
	    snprintf(tmp, sizeof(tmp), "%s/.tmp-%s", sub, name) >= (int)sizeof(tmp) ||
	    snprintf(final, sizeof(final), "%s/%s", sub, name) >= (int)sizeof(final)) {
		log_err("store: path too long");
		return -1;
	}
	/* 0770 less the umask: where the public programs and the console share a group (the
	 * stack as root, the units in conf/), both write into a subdirectory either made. */
	if (mkdir(sub, 0770) == -1 && errno != EEXIST) {
		log_err("store: mkdir %s: %s", sub, strerror(errno));
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) == -1) {
		log_err("store: open %s: %s", tmp, strerror(errno));
		return -1;
	}
	if (store_write_all(fd, buf, len) != 0 || fsync(fd) != 0) {
		log_err("store: write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		log_err("store: close %s: %s", tmp, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, final) != 0 || store_sync_dir(sub) != 0) {
		log_err("store: rename %s: %s", final, strerror(errno));
		goto fail;
	}
	rc = 0;
fail:
	if (fd != -1)
		close(fd);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

void
store_remove(const char *dir, const char *name)
{
	char path[600];

	if (snprintf(path, sizeof(path), "%s/%.2s/%s", dir, name, name) < (int)sizeof(path))
		unlink(path);
}

const char *
store_check(const struct params *ps, unsigned max_files, size_t max_file,
    struct stored_file *files, size_t *nfiles)
{
	const struct param *p;
	const struct kind *k;
	size_t n = 0;
	static char too_many[64], too_big[64];

	snprintf(too_many, sizeof(too_many), "最多可上传%u个附件。", max_files);
	snprintf(too_big, sizeof(too_big), "每个附件不能超过%zuMB。", max_file >> 20);
	for (p = ps->head; p != NULL; p = p->next) {
		if (p->filename == NULL || p->len == 0)
			continue;
		if (strcmp(p->name, "attachment") != 0)
			return "附件字段无效。";
		if (n >= max_files)
			return too_many;
		if (p->len > max_file)
			return too_big;
		if ((k = sniff_kind(p->value, p->len)) == NULL)
			return "附件只能是JPG、PNG图片或PDF文件（按文件内容判断）。";
		files[n].mime = k->mime;
		files[n].size = p->len;
		/* Only measured here; store_put_all writes the cleaned copy. */
		if (k->scrub != NULL && k->scrub((const uint8_t *)p->value, p->len, NULL,
		    &files[n].size) != 0)
			return "图片文件已损坏或格式不规范，无法清除其中的拍摄信息，请换一张图片。";
		n++;
	}
	*nfiles = n;
	return NULL;
}

/*
 * An image is written as its scrubbed copy, made here in a buffer of its own: the bytes sent are
 * never written to disk, and the size and SHA-256 recorded are those of the copy.
 */
int
store_put_all(const char *dir, const struct params *ps, struct stored_file *files, size_t nfiles)
{
	const struct param *p;
	const struct kind *k;
	const void *data;
	uint8_t *buf = NULL;
	size_t n = 0, len;
	int rc = -1;

	for (p = ps->head; p != NULL && n < nfiles; p = p->next) {
		if (p->filename == NULL || p->len == 0)
			continue;
		if ((k = sniff_kind(p->value, p->len)) == NULL) {
			log_err("store: attachment %zu not checked", n);
			goto fail;
		}
		data = p->value;
		len = p->len;
		if (k->scrub != NULL) {
			if ((buf = malloc(p->len)) == NULL)
				log_fatal("store: out of memory (%zu bytes)", p->len);
			if (k->scrub((const uint8_t *)p->value, p->len, buf, &len) != 0 ||
			    len != files[n].size) {
				log_err("store: attachment %zu changed since it was checked", n);
				goto fail;
			}
			data = buf;
		}
		if (store_put(dir, data, len, files[n].name, files[n].sha256) != 0)
			goto fail;
		free(buf);
		buf = NULL;
		n++;
	}
	rc = 0;
fail:
	free(buf);
	if (rc != 0)
		store_remove_all(dir, files, n);
	return rc;
}

void
store_remove_all(const char *dir, const struct stored_file *files, size_t n)
{
	while (n > 0)
		store_remove(dir, files[--n].name);
}
