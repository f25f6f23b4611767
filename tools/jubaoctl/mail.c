/* jubaoctl: the queued mail, sent through sendmail. */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "jubaoctl.h"
#include "queries.h"
#include "validate.h"

/* base64 of in[0..len) into out (4 * ((len + 2) / 3) + 1 bytes). */
static size_t
b64(const void *in, size_t len, char *out)
{
	return (size_t)EVP_EncodeBlock((unsigned char *)out, in, (int)len);
}

/* RFC 2047 "B" encoded-words of a UTF-8 header value, each of 39 bytes of text at most (64
 * characters, so that "Subject: " and the first word stay within 76), cut between characters,
 * folded onto continuation lines. */
static int
header_encode(const char *s, char *out, size_t cap)
{
	size_t len = strlen(s), off = 0, n, used = 0, w;
	char enc[64];

	while (off < len) {
		n = len - off < 39 ? len - off : 39;
		/* do not cut a character: back up to a lead byte */
		while (n > 0 && off + n < len && ((unsigned char)s[off + n] & 0xc0) == 0x80)
			n--;
		if (n == 0)
			return -1;
		b64(s + off, n, enc);
		w = (size_t)snprintf(out + used, cap - used, "%s=?UTF-8?B?%s?=",
		    off > 0 ? "\n " : "", enc);
		if (w >= cap - used)
			return -1;
		used += w;
		off += n;
	}
	if (used == 0 && cap > 0)
		out[0] = '\0';
	return 0;
}

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Pipe msg to `path -t -oi` (fork and execv: no shell sees the message). 0 when it exited 0. */
static int
sendmail_pipe(const char *path, const char *msg, size_t len)
{
	char *const argv[] = { "sendmail", "-t", "-oi", NULL };
	int fds[2], status, ret = -1;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		/* The child keeps only the message as stdin, and stdout/stderr: not the
		 * database connection. */
		if (dup2(fds[0], STDIN_FILENO) == -1)
			_exit(127);
		closefrom(STDERR_FILENO + 1);
		execv(path, argv);
		_exit(127);
	}
	close(fds[0]);
	if (write_all(fds[1], msg, len) == 0)
		ret = 0;
	close(fds[1]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ret = -1;
	return ret;
}

/* The whole message: headers, then the body in base64 lines of 76. */
static char *
mail_message(const char *to, const char *subject, const char *body, size_t *len)
{
	char hdr[1024], line[80], *msg;
	size_t blen = strlen(body), cap, used, off, n;
	int w;

	if (header_encode(subject, hdr, sizeof(hdr)) != 0)
		return NULL;
	cap = strlen(to) + strlen(hdr) + 256 + (blen + 2) / 3 * 4 + blen / 57 + 2;
	if ((msg = malloc(cap)) == NULL)
		return NULL;
	w = snprintf(msg, cap, "To: %s\nSubject: %s\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n"
	    "Auto-Submitted: auto-generated\n\n", to, hdr);
	if (w < 0 || (size_t)w >= cap) {
		free(msg);
		return NULL;
	}
	used = (size_t)w;
	for (off = 0; off < blen; off += n) {
		n = blen - off < 57 ? blen - off : 57;
		b64(body + off, n, line);
		w = snprintf(msg + used, cap - used, "%s\n", line);
		if (w < 0 || (size_t)w >= cap - used) {
			free(msg);
			return NULL;
		}
		used += (size_t)w;
	}
	*len = used;
	return msg;
}

int
send_queued(struct ctl *c, const char *path, uint64_t *sent, uint64_t *failed)
{
	MYSQL_BIND p[1], r[4];
	unsigned long l[4] = { 0, 0, 0, 0 };
	my_bool n[4] = { 0, 0, 0, 0 };
	struct mail {
		int64_t id;
		char    to[255];
		char    subject[801];
		char    body[8193];
	} *batch;
	int64_t after = 0, id = 0;
	char to[255], subject[801], body[8193], *msg;
	size_t nb, i, len;
	int rc = DB_OK;

	if ((batch = calloc(100, sizeof(*batch))) == NULL)
		return DB_FAIL;
	for (;;) {
		bind_i64(&p[0], &after);
		bind_out_i64(&r[0], &id, &n[0]);
		bind_out_text(&r[1], to, sizeof(to), &l[1], &n[1]);
		bind_out_text(&r[2], subject, sizeof(subject), &l[2], &n[2]);
		bind_out_text(&r[3], body, sizeof(body), &l[3], &n[3]);
		if ((rc = db_exec(&c->db, CQ_MAIL_UNSENT, p, r)) != DB_OK)
			break;
		nb = 0;
		while (nb < 100 && (rc = db_fetch(&c->db, CQ_MAIL_UNSENT)) == 1) {
			batch[nb].id = id;
			text_end(to, sizeof(to), l[1]);
			text_end(subject, sizeof(subject), l[2]);
			text_end(body, sizeof(body), l[3]);
			memcpy(batch[nb].to, to, sizeof(to));
			memcpy(batch[nb].subject, subject, sizeof(subject));
			memcpy(batch[nb].body, body, sizeof(body));
			nb++;
		}
		db_done(&c->db, CQ_MAIL_UNSENT);
		if (rc < 0)
			break;
		rc = DB_OK;
		if (nb == 0)
			break;
		for (i = 0; i < nb; i++) {
			after = batch[i].id;
			if (!valid_email(batch[i].to, strlen(batch[i].to)) ||
			    (msg = mail_message(batch[i].to, batch[i].subject, batch[i].body,
			    &len)) == NULL) {
				fprintf(stderr, "jubaoctl: mail %lld: cannot be made; "
				    "left queued\n", (long long)batch[i].id);
				(*failed)++;
				continue;
			}
			if (sendmail_pipe(path, msg, len) != 0) {
				fprintf(stderr, "jubaoctl: mail %lld: %s failed; left queued\n",
				    (long long)batch[i].id, path);
				(*failed)++;
				free(msg);
				continue;
			}
			free(msg);
			bind_i64(&p[0], &batch[i].id);
			if ((rc = db_exec(&c->db, CQ_MAIL_SENT, p, NULL)) != DB_OK)
				goto out;
			(*sent)++;
		}
	}
out:
	free(batch);
	return rc;
}
