/* publish: see publish.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gz.h"
#include "log.h"
#include "publish.h"

/* mkdir -p of the directory part of path. */
static int
make_dirs(const char *path)
{
	char dir[1024];
	char *p;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return -1;
	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) == 0)
			(void)chmod(dir, 0755);     /* the umask would keep the web server out */
		else if (errno != EEXIST) {
			log_err("publish: mkdir %s: %s", dir, strerror(errno));
			return -1;
		}
		*p = '/';
	}
	return 0;
}

/* The file of a URL path below the prefix ("/lists/violation/index.html"). */
static int
file_path(const struct publisher *p, const char *rel, char *out, size_t cap)
{
	if (snprintf(out, cap, "%s%s%s", p->src.cfg->publish_dir, p->src.cfg->url_prefix, rel) >=
	    (int)cap) {
		log_err("publish: path too long: %s", rel);
		return -1;
	}
	return make_dirs(out);
}

/* An open temporary file beside path, to be renamed over it by file_commit, and its gzip
 * sibling (path.gz, what nginx's gzip_static and Apache's rules send to browsers that accept
 * gzip): everything written goes to both. */
struct pubfile {
	char   path[1024], tmp[1060];
	char   gzpath[1030], gztmp[1066];
	FILE  *f, *gzf;
	struct gz_stream gz;
};

/* A new temporary file, readable by the web server whatever the writer's umask (the console
 * runs with 007). The descriptor, or -1 (logged). */
static int
tmp_open(const char *tmp)
{
	int fd;

	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0 ||
	    fchmod(fd, 0644) != 0) {
		log_err("publish: %s: %s", tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			(void)unlink(tmp);
		}
		return -1;
	}
	return fd;
}

/* fd as a stream, or NULL (fd closed, tmp removed). */
static FILE *
tmp_stream(int fd, const char *tmp)
{
	FILE *f;

	if ((f = fdopen(fd, "w")) == NULL) {
		log_err("publish: %s: %s", tmp, strerror(errno));
		close(fd);
		(void)unlink(tmp);
	}
	return f;
}

static int
file_open(struct publisher *p, const char *rel, struct pubfile *pf)
{
	int fd;

	pf->f = pf->gzf = NULL;
	if (file_path(p, rel, pf->path, sizeof(pf->path)) != 0)
		return -1;
	snprintf(pf->tmp, sizeof(pf->tmp), "%s.tmp%ld", pf->path, (long)getpid());
	snprintf(pf->gzpath, sizeof(pf->gzpath), "%s.gz", pf->path);
	snprintf(pf->gztmp, sizeof(pf->gztmp), "%s.tmp%ld", pf->gzpath, (long)getpid());
	if ((fd = tmp_open(pf->tmp)) < 0 || (pf->f = tmp_stream(fd, pf->tmp)) == NULL)
		return -1;
	if ((fd = tmp_open(pf->gztmp)) < 0 || (pf->gzf = tmp_stream(fd, pf->gztmp)) == NULL)
		goto fail;
	/* Level 9: written once, sent many times. */
	if (gz_stream_begin(&pf->gz, pf->gzf, 9) != 0) {
		fclose(pf->gzf);
		(void)unlink(pf->gztmp);
		goto fail;
	}
	return 0;
fail:
	fclose(pf->f);
	(void)unlink(pf->tmp);
	return -1;
}

/* Both files, as much as was written. */
static bool
file_write(struct pubfile *pf, const void *buf, size_t len)
{
	return fwrite(buf, 1, len, pf->f) == len && gz_stream_put(&pf->gz, buf, len) == 0;
}

/* A file written and closed: 0, or -1. */
static int
file_sync_close(FILE *f, bool ok)
{
	bool good = ok && fflush(f) == 0 && fsync(fileno(f)) == 0;

	if (fclose(f) != 0)
		good = false;
	return good ? 0 : -1;
}

/* Flush, sync and rename, the .gz first: readers see the old file or the new one, never a
 * part, and a crash between the two renames leaves a newer .gz beside the older page, never
 * the reverse. ok false: the temporary files are removed and the old ones stay. */
static int
file_commit(struct publisher *p, struct pubfile *pf, bool ok)
{
	bool good = file_sync_close(pf->f, ok) == 0;

	if (good)
		good = gz_stream_end(&pf->gz) == 0;
	else
		gz_stream_abort(&pf->gz);
	if (file_sync_close(pf->gzf, good) != 0)
		good = false;
	if (good && rename(pf->gztmp, pf->gzpath) != 0) {
		log_err("publish: rename %s: %s", pf->gzpath, strerror(errno));
		good = false;
	}
	if (good && rename(pf->tmp, pf->path) != 0) {
		log_err("publish: rename %s: %s", pf->path, strerror(errno));
		/* The new .gz must not stand beside the old page. */
		(void)unlink(pf->gzpath);
		good = false;
	}
	if (!good) {
		(void)unlink(pf->tmp);
		(void)unlink(pf->gztmp);
		log_err("publish: %s not written", pf->path);
		return -1;
	}
	p->files++;
	if (p->on_file != NULL)
		p->on_file(p->on_file_arg);
	return 0;
}

static int
write_bytes(struct publisher *p, const char *rel, const void *buf, size_t len)
{
	struct pubfile pf;

	if (file_open(p, rel, &pf) != 0)
		return -1;
	return file_commit(p, &pf, file_write(&pf, buf, len));
}

/* doc rendered through lists.xsl (freed here) into the file of rel. */
static int
write_page(struct publisher *p, const char *rel, xmlDocPtr doc)
{
	xmlChar *out = NULL;
	int len = 0, rc = -1;

	if (render_doc(p->render, p->sheet, doc, false, false, &out, &len) == 0)
		rc = write_bytes(p, rel, out, (size_t)len);
	xmlFree(out);
	xmlFreeDoc(doc);
	return rc;
}

int
publish_index(struct publisher *p)
{
	xmlDocPtr doc;

	if (listpages_index(&p->src, &doc) != DB_OK)
		return -1;
	return write_page(p, "/lists/index.html", doc);
}

int
publish_entry(struct publisher *p, enum list_type t, int64_t id)
{
	char rel[128];
	xmlDocPtr doc;

	if (listpages_entry(&p->src, t, id, &doc) != DB_OK)
		return -1;
	if (doc == NULL)
		return 0;
	snprintf(rel, sizeof(rel), "/lists/%s/%lld/index.html", list_defs[t].code,
	    (long long)id);
	return write_page(p, rel, doc);
}

static int
to_file(void *arg, const char *buf, size_t len)
{
	return file_write(arg, buf, len) ? 0 : -1;
}

static int
publish_csv(struct publisher *p, enum list_type t)
{
	struct list_filter f = { t, 0, "", NULL, -1, 1 };
	struct pubfile pf;
	char rel[64];
	int rc;

	snprintf(rel, sizeof(rel), "/lists/%s.csv", list_defs[t].code);
	if (file_open(p, rel, &pf) != 0)
		return -1;
	rc = listpages_csv(&p->src, &f, to_file, &pf);
	return file_commit(p, &pf, rc == DB_OK);
}

/* The Atom feed: the newest entries only, so it is cheap to rewrite after every change. */
static int
publish_atom(struct publisher *p, enum list_type t)
{
	char rel[64];
	xmlChar *out;
	int len, rc;

	if (listpages_atom(&p->src, t, &out, &len) != DB_OK)
		return -1;
	snprintf(rel, sizeof(rel), "/lists/%s.atom", list_defs[t].code);
	rc = write_bytes(p, rel, out, (size_t)len);
	xmlFree(out);
	return rc;
}

static void
page_rel(enum list_type t, int64_t page, char *rel, size_t cap)
{
	if (page == 1)
		snprintf(rel, cap, "/lists/%s/index.html", list_defs[t].code);
	else
		snprintf(rel, cap, "/lists/%s/page/%lld/index.html", list_defs[t].code,
		    (long long)page);
}

/* Pages first..last of list t (last 0: to the end); *pages gets the list's page count. */
static int
publish_pages(struct publisher *p, enum list_type t, int64_t first, int64_t last,
    int64_t *pages)
{
	struct list_filter f = { t, 0, "", NULL, -1, 1 };
	char rel[128];
	xmlDocPtr doc;

	*pages = first;
	for (f.page = first; f.page <= *pages && (last == 0 || f.page <= last); f.page++) {
		if (listpages_list(&p->src, &f, &doc, pages) != DB_OK || doc == NULL)
			return -1;
		page_rel(t, f.page, rel, sizeof(rel));
		if (write_page(p, rel, doc) != 0)
			return -1;
	}
	return 0;
}

int
publish_list_pages(struct publisher *p, enum list_type t)
{
	int64_t pages;

	if (publish_pages(p, t, 1, 0, &pages) != 0 || publish_csv(p, t) != 0 ||
	    publish_atom(p, t) != 0)
		return -1;
	return publish_index(p);
}

/* Remove the static files of list t that a change may have made stale and that are too big
 * to rewrite on a publisher's click: pages 2 and on (newest first, so every page shifts) and
 * the CSV. Until `jubaoctl publish` writes them again, the lists program answers them, from
 * the database, so a reader never gets a stale page. */
/* Remove the file of rel and its .gz, the .gz first: the page alone still answers its
 * browsers; a .gz alone is never sent (the servers look for the page). 0, or -1. */
static int
remove_published(const struct publisher *p, const char *rel)
{
	char path[1024];
	int rc = 0;

	if (snprintf(path, sizeof(path), "%s%s%s.gz", p->src.cfg->publish_dir,
	    p->src.cfg->url_prefix, rel) >= (int)sizeof(path))
		return -1;
	if (unlink(path) != 0 && errno != ENOENT)
		rc = -1;
	path[strlen(path) - 3] = '\0';
	if (unlink(path) != 0 && errno != ENOENT)
		rc = -1;
	return rc;
}

static int
invalidate_rest(struct publisher *p, enum list_type t, int64_t pages)
{
	char rel[128];
	int64_t n;
	int rc = 0;

	for (n = 2; n <= pages + 1; n++) {
		page_rel(t, n, rel, sizeof(rel));
		if (remove_published(p, rel) != 0)
			rc = -1;
	}
	snprintf(rel, sizeof(rel), "/lists/%s.csv", list_defs[t].code);
	if (remove_published(p, rel) != 0)
		rc = -1;
	if (rc != 0)
		log_err("publish: cannot remove a stale page of %s", list_defs[t].code);
	return rc;
}

/* The ids of list t's public entries, newest first, through the CSV's chunks. */
struct ids { int64_t *v; size_t n, cap; };

static int
collect_id(void *arg, const char *buf, size_t len)
{
	struct ids *ids = arg;
	int64_t id = 0;
	size_t i;

	/* Each row of the CSV starts with the entry's number; the header does not. */
	for (i = 0; i < len && buf[i] >= '0' && buf[i] <= '9'; i++)
		id = id * 10 + (buf[i] - '0');
	if (i == 0 || i >= len || buf[i] != ',')
		return 0;
	if (ids->n == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 256;
		int64_t *v = realloc(ids->v, cap * sizeof(*v));
		if (v == NULL)
			return -1;
		ids->v = v;
		ids->cap = cap;
	}
	ids->v[ids->n++] = id;
	return 0;
}

int
publish_list(struct publisher *p, enum list_type t)
{
	struct list_filter f = { t, 0, "", NULL, -1, 1 };
	struct ids ids = { NULL, 0, 0 };
	size_t i;
	int rc = -1;

	if (listpages_csv(&p->src, &f, collect_id, &ids) != DB_OK)
		goto out;
	for (i = 0; i < ids.n; i++)
		if (publish_entry(p, t, ids.v[i]) != 0)
			goto out;
	rc = publish_list_pages(p, t);
out:
	free(ids.v);
	return rc;
}

int
publish_all(struct publisher *p)
{
	int t;

	for (t = 0; t < L__MAX; t++)
		if (publish_list(p, (enum list_type)t) != 0)
			return -1;
	return publish_index(p);
}

int
publish_after_change(struct ctx *c, enum list_type t, int64_t entry_id)
{
	static size_t sheet = SIZE_MAX;
	struct publisher p;
	int64_t pages;

	if (c->cfg.publish_dir[0] == '\0' || (unsigned)t >= L__MAX)
		return 0;
	if (sheet == SIZE_MAX && (sheet = render_add(&c->render, "lists.xsl")) == SIZE_MAX)
		return -1;
	if (!app_refdata(c))
		return -1;
	p = (struct publisher){ { &c->db, &c->refdata, &c->cfg }, &c->render, sheet, 0 };
	/* Bounded work on a publisher's click, whatever the list's size: the entry, the list's
	 * first page, its feed and the index are rewritten; the other pages and the CSV are
	 * removed (the program answers them) until `jubaoctl publish` (cron) writes them. */
	if (publish_entry(&p, t, entry_id) != 0 || publish_pages(&p, t, 1, 1, &pages) != 0 ||
	    invalidate_rest(&p, t, pages) != 0 || publish_atom(&p, t) != 0 ||
	    publish_index(&p) != 0)
		return -1;
	return 0;
}
