/* store: see store.h. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "crypto.h"
#include "log.h"
#include "store.h"

const char *
store_sniff(const void *buf, size_t len)
{
	const unsigned char *p = buf;

	if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return "image/jpeg";
	if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	return NULL;
}

static int
write_all(int fd, const unsigned char *p, size_t len)
{
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

static int
fsync_dir(const char *path)
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
	if (mkdir(sub, 0750) == -1 && errno != EEXIST) {
		log_err("store: mkdir %s: %s", sub, strerror(errno));
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) == -1) {
		log_err("store: open %s: %s", tmp, strerror(errno));
		return -1;
	}
	if (write_all(fd, buf, len) != 0 || fsync(fd) != 0) {
		log_err("store: write %s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		log_err("store: close %s: %s", tmp, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, final) != 0 || fsync_dir(sub) != 0) {
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
		if ((files[n].mime = store_sniff(p->value, p->len)) == NULL)
			return "附件只能是JPG、PNG图片或PDF文件（按文件内容判断）。";
		files[n].size = p->len;
		n++;
	}
	*nfiles = n;
	return NULL;
}

int
store_put_all(const char *dir, const struct params *ps, struct stored_file *files, size_t nfiles)
{
	const struct param *p;
	size_t n = 0;

	for (p = ps->head; p != NULL && n < nfiles; p = p->next) {
		if (p->filename == NULL || p->len == 0)
			continue;
		if (store_put(dir, p->value, p->len, files[n].name, files[n].sha256) != 0) {
			store_remove_all(dir, files, n);
			return -1;
		}
		n++;
	}
	return 0;
}

void
store_remove_all(const char *dir, const struct stored_file *files, size_t n)
{
	while (n > 0)
		store_remove(dir, files[--n].name);
}
