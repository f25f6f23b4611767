/* jubaoctl backup and restore: the MANIFEST of a backup directory. See backup.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "crypto.h"
#include "jubaoctl.h"

int
bk_add(struct bk_manifest *m, const char *path, const uint8_t sha[32], uint64_t size)
{
	struct bk_entry *e;
	size_t cap;

	if (m->n == m->cap) {
		cap = m->cap == 0 ? 256 : m->cap * 2;
		if (cap > BK_FILES_MAX || (e = realloc(m->e, cap * sizeof(*e))) == NULL)
			return fail("too many files for one backup, or out of memory");
		m->e = e;
		m->cap = cap;
	}
	e = &m->e[m->n];
	if ((size_t)snprintf(e->path, sizeof(e->path), "%s", path) >= sizeof(e->path))
		return fail("%s: path too long for the manifest", path);
	memcpy(e->sha, sha, 32);
	e->size = size;
	m->n++;
	return 0;
}

void
bk_free(struct bk_manifest *m)
{
	free(m->e);
	memset(m, 0, sizeof(*m));
}

static int
write_lines(FILE *f, const struct bk_manifest *m)
{
	char hex[65];
	size_t i;

	fprintf(f, "%s\ncreated %s\ndatabase %s\nschema %ld\n", BK_MAGIC, m->created,
	    m->database, m->schema);
	for (i = 0; i < m->n; i++) {
		crypto_hex(m->e[i].sha, 32, hex);
		fprintf(f, "file %s %llu %s\n", hex, (unsigned long long)m->e[i].size,
		    m->e[i].path);
	}
	fprintf(f, "end %zu\n", m->n);
	return fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0 ? -1 : 0;
}

int
bk_write_manifest(const char *dir, const struct bk_manifest *m)
{
	char tmp[4096], final[4096];
	FILE *f;
	int rc;

	if (bk_join(tmp, sizeof(tmp), dir, BK_MANIFEST ".tmp") != 0 ||
	    bk_join(final, sizeof(final), dir, BK_MANIFEST) != 0)
		return 1;
	if ((f = fopen(tmp, "wx")) == NULL)
		return fail("%s: %s", tmp, strerror(errno));
	rc = write_lines(f, m);
	if (fclose(f) != 0 || rc != 0) {
		unlink(tmp);
		return fail("%s: %s", tmp, strerror(errno));
	}
	if (rename(tmp, final) != 0) {
		unlink(tmp);
		return fail("%s: %s", final, strerror(errno));
	}
	return bk_fsync_dir(dir);
}

static int
unhex(const char *s, uint8_t *out, size_t n)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < n; i++) {
		hi = s[2 * i] >= '0' && s[2 * i] <= '9' ? s[2 * i] - '0' :
		    s[2 * i] >= 'a' && s[2 * i] <= 'f' ? s[2 * i] - 'a' + 10 : -1;
		lo = s[2 * i + 1] >= '0' && s[2 * i + 1] <= '9' ? s[2 * i + 1] - '0' :
		    s[2 * i + 1] >= 'a' && s[2 * i + 1] <= 'f' ? s[2 * i + 1] - 'a' + 10 : -1;
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return s[2 * n] == ' ' ? 0 : -1;
}

/* One "file SHA SIZE PATH" line (without its newline). 0 ok, -1. */
static int
parse_file_line(struct bk_manifest *m, const char *line)
{
	uint8_t sha[32];
	unsigned long long size;
	char *end;
	const char *p;

	if (strncmp(line, "file ", 5) != 0 || strlen(line) < 5 + 65 ||
	    unhex(line + 5, sha, 32) != 0)
		return -1;
	p = line + 5 + 65;
	if (*p < '0' || *p > '9')
		return -1;
	errno = 0;
	size = strtoull(p, &end, 10);
	if (errno != 0 || *end != ' ' || !bk_valid_path(end + 1))
		return -1;
	return bk_add(m, end + 1, sha, size) == 0 ? 0 : -1;
}

/* The header's "key value" line into out. 0 ok, -1. */
static int
header(const char *line, const char *key, char *out, size_t cap)
{
	size_t k = strlen(key);

	if (strncmp(line, key, k) != 0 || line[k] != ' ' || line[k + 1] == '\0')
		return -1;
	return (size_t)snprintf(out, cap, "%s", line + k + 1) < cap ? 0 : -1;
}

/* The lines of an open manifest; 0 when complete and well-formed, -1 (*lineno says where). */
static int
read_lines(FILE *f, struct bk_manifest *m, size_t *lineno)
{
	char line[512], schema[16];
	long end_n;
	size_t len;

	for (*lineno = 1; fgets(line, sizeof(line), f) != NULL; (*lineno)++) {
		if ((len = strlen(line)) == 0 || line[len - 1] != '\n')
			return -1;
		line[len - 1] = '\0';
		if ((*lineno == 1 && strcmp(line, BK_MAGIC) != 0) ||
		    (*lineno == 2 && header(line, "created", m->created, sizeof(m->created))) ||
		    (*lineno == 3 && header(line, "database", m->database, sizeof(m->database))) ||
		    (*lineno == 4 && (header(line, "schema", schema, sizeof(schema)) ||
		    parse_count(schema, 0, MIGRATIONS_MAX - 1, &m->schema))))
			return -1;
		if (*lineno <= 4)
			continue;
		if (strncmp(line, "end ", 4) == 0)
			return parse_count(line + 4, 0, BK_FILES_MAX, &end_n) == 0 &&
			    (size_t)end_n == m->n && fgetc(f) == EOF ? 0 : -1;
		if (parse_file_line(m, line) != 0)
			return -1;
	}
	return -1;      /* no "end" line: the backup did not finish */
}

int
bk_read_manifest(const char *dir, struct bk_manifest *m)
{
	char path[4096];
	size_t lineno = 0, i;
	FILE *f;
	int rc;

	memset(m, 0, sizeof(*m));
	if (bk_join(path, sizeof(path), dir, BK_MANIFEST) != 0)
		return 1;
	if ((f = fopen(path, "r")) == NULL)
		return fail("%s: %s (not a finished backup)", path, strerror(errno));
	rc = read_lines(f, m, &lineno);
	fclose(f);
	if (rc != 0) {
		bk_free(m);
		return fail("%s: incomplete or malformed at line %zu (not a finished backup)", path,
		    lineno);
	}
	for (i = 0; i < m->n && strcmp(m->e[i].path, BK_DUMP) != 0; i++)
		;
	if (i == m->n) {
		bk_free(m);
		return fail("%s names no %s", path, BK_DUMP);
	}
	return 0;
}
