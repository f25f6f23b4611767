/* jubaoctl backup and restore: the manifest, files and client programs. See backup.h. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "backup.h"
#include "crypto.h"
#include "jubaoctl.h"

int
bk_join(char *out, size_t cap, const char *dir, const char *rel)
{
	if ((size_t)snprintf(out, cap, "%s/%s", dir, rel) >= cap)
		return fail("%s/%s: path too long", dir, rel);
	return 0;
}

/* ---- programs ---- */

int
bk_run(char *const argv[], int in_fd)
{
	pid_t pid, w;
	int st;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return fail("fork: %s", strerror(errno));
	if (pid == 0) {
		if (in_fd >= 0 && dup2(in_fd, STDIN_FILENO) == -1)
			_exit(126);
		execvp(argv[0], argv);
		fprintf(stderr, "jubaoctl: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while ((w = waitpid(pid, &st, 0)) == -1 && errno == EINTR)
		;
	if (w == -1)
		return fail("waitpid %s: %s", argv[0], strerror(errno));
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		return fail("%s exited with status %d", argv[0], WEXITSTATUS(st));
	return fail("%s ended by signal %d", argv[0], WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* ---- files ---- */

/* Read all of in, hash it and, when out >= 0, write it there. 0 ok, -1 (errno). */
static int
pump(int in, int out, uint8_t sha[32], uint64_t *size)
{
	static unsigned char buf[1 << 16];
	EVP_MD_CTX *ctx;
	unsigned len = 0;
	ssize_t r, w, off;
	int rc = -1;

	*size = 0;
	if ((ctx = EVP_MD_CTX_new()) == NULL || EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1)
		goto out;
	for (;;) {
		if ((r = read(in, buf, sizeof(buf))) == -1) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		if (r == 0)
			break;
		if (EVP_DigestUpdate(ctx, buf, (size_t)r) != 1)
			goto out;
		*size += (uint64_t)r;
		for (off = 0; out >= 0 && off < r; off += w)
			if ((w = write(out, buf + off, (size_t)(r - off))) == -1) {
				if (errno != EINTR)
					goto out;
				w = 0;
			}
	}
	if (EVP_DigestFinal_ex(ctx, sha, &len) != 1 || len != 32)
		goto out;
	rc = 0;
out:
	EVP_MD_CTX_free(ctx);
	return rc;
}

int
bk_hash_fd(int fd, uint8_t sha[32], uint64_t *size)
{
	return pump(fd, -1, sha, size);
}

int
bk_hash_file(const char *path, bool sync, uint8_t sha[32], uint64_t *size)
{
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return fail("%s: %s", path, strerror(errno));
	rc = (sync && fsync(fd) != 0) || bk_hash_fd(fd, sha, size) != 0;
	if (rc != 0)
		fail("%s: %s", path, strerror(errno));
	close(fd);
	return rc;
}

int
bk_copy(const char *from, const char *to, uint8_t sha[32], uint64_t *size)
{
	int in = -1, out = -1, rc = 1;
	bool created = false;

	if ((in = open(from, O_RDONLY | O_CLOEXEC)) == -1) {
		fail("%s: %s", from, strerror(errno));
		goto done;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) == -1) {
		fail("%s: %s", to, strerror(errno));
		goto done;
	}
	created = true;
	if (pump(in, out, sha, size) != 0 || fsync(out) != 0) {
		fail("copying %s to %s: %s", from, to, strerror(errno));
		goto done;
	}
	rc = close(out) != 0 ? fail("%s: %s", to, strerror(errno)) : 0;
	out = -1;
done:
	if (in != -1)
		close(in);
	if (out != -1)
		close(out);
	if (rc != 0 && created)
		unlink(to);
	return rc;
}

int
bk_fsync_dir(const char *path)
{
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return fail("%s: %s", path, strerror(errno));
	rc = fsync(fd) != 0 ? fail("fsync %s: %s", path, strerror(errno)) : 0;
	close(fd);
	return rc;
}

/* ---- names ---- */

bool
bk_store_name(const char *name)
{
	size_t i;

	for (i = 0; i < 32; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return false;
	return name[32] == '\0';
}

bool
bk_valid_path(const char *p)
{
	const size_t pre = sizeof(BK_ATT);   /* "attachments/" */

	if (strcmp(p, BK_DUMP) == 0)
		return true;
	return strncmp(p, BK_ATT "/", pre) == 0 && p[pre] != '\0' && p[pre + 1] != '\0' &&
	    p[pre + 2] == '/' && bk_store_name(p + pre + 3) &&
	    p[pre] == p[pre + 3] && p[pre + 1] == p[pre + 4];
}
