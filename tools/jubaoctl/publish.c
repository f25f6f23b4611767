/* jubaoctl publish: rebuild every static file of the published lists from the database (the
 * pages, entry pages, feeds and index lib/publish.c writes on each change), e.g. after a
 * restore, a change of the layout or of publish_dir. */
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jubaoctl.h"
#include "lists.h"
#include "publish.h"
#include "refdata.h"
#include "render.h"

/* Run as root, write as the owner of publish_dir (the console's user, which rewrites the
 * files on each change and could not replace root's): the file-system ids only, so that the
 * files and directories made are that user's and its permissions apply, while the process
 * keeps its own (LeakSanitizer, in make check, traces its threads). 0 ok. */
static int
become_owner(const char *dir)
{
	struct stat st;

	if (geteuid() != 0)
		return 0;
	if (stat(dir, &st) != 0)
		return fail("%s: cannot stat", dir);
	if (st.st_uid == 0)
		return 0;
	(void)setfsgid(st.st_gid);
	(void)setfsuid(st.st_uid);
	/* setfsuid says nothing of failure: ask again (an invalid id changes nothing) */
	if (setfsgid((gid_t)-1) != (int)st.st_gid || setfsuid((uid_t)-1) != (int)st.st_uid)
		return fail("cannot write as the owner of %s", dir);
	/* a change of credentials makes the process undumpable, which would stop
	 * LeakSanitizer; its real, effective and saved ids are still root's */
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) != 0)
		return fail("prctl: cannot keep the process traceable by itself");
	return 0;
}

static void
one_file(void *arg)
{
	progress_add(arg, 1);
}

int
cmd_publish(struct ctl *c, int argc, char **argv)
{
	const char *list = NULL, *pos[1];
	const struct opt opts[] = { { "--list", &list }, { NULL, NULL } };
	static const char *const sheets[] = { "lists.xsl" };
	struct refdata rd;
	struct render r;
	struct publisher p;
	struct progress pr;
	size_t npos;
	int t = -1, rc;

	if (parse_args(argc, argv, opts, pos, 0, &npos) != 0)
		return 1;
	if (list != NULL && (t = list_type_from_code(list)) < 0)
		return fail("unknown list %s", list);
	if (open_db(c) != 0)
		return 1;
	if (c->cfg.publish_dir[0] == '\0')
		return fail("publish_dir is not set in %s", c->conf_path);
	if (become_owner(c->cfg.publish_dir) != 0)
		return 1;
	memset(&rd, 0, sizeof(rd));
	if ((rc = refdata_refresh(&rd, &c->db, 0, 0)) != DB_OK)
		return fail("cannot read the reference data: %s", db_reason(rc));
	render_init(&r, &c->cfg, sheets, 1);
	p = (struct publisher){ { &c->db, &rd, &c->cfg }, &r, 0, 0, one_file, &pr };
	progress_begin(&pr, "files published", 0);
	rc = t >= 0 ? publish_list(&p, (enum list_type)t) : publish_all(&p);
	progress_end(&pr);
	render_free(&r);
	refdata_free(&rd);
	if (rc != 0)
		return fail("publishing failed after %lu files (see the log)", p.files);
	printf("publish: %lu files written to %s\n", p.files, c->cfg.publish_dir);
	return 0;
}
