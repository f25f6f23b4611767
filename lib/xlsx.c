/* xlsx: see xlsx.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "log.h"
#include "xlsx.h"

#define PARTS (SP_TOTAL + 1)
#define FMTS  SF__MAX

struct xlsx_sheet {
	lxw_workbook  *wb;
	lxw_worksheet *ws;
	lxw_format    *fmt[PARTS][FMTS];
	char           path[4096];
	bool           failed;
};

/* The style of each part of a sheet, and of each format within it. */
static void
formats_make(struct xlsx_sheet *x)
{
	lxw_format *f;
	int p, k;

	for (p = 0; p < PARTS; p++)
		for (k = 0; k < FMTS; k++) {
			f = x->fmt[p][k] = workbook_add_format(x->wb);
			format_set_font_name(f, "宋体");
			format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
			if (p == SP_TITLE) {
				format_set_bold(f);
				format_set_font_size(f, 16);
				format_set_align(f, LXW_ALIGN_CENTER);
				continue;
			}
			if (p == SP_SUBTITLE)
				continue;
			if (p == SP_BODY && k == SF_TEXT)
				format_set_text_wrap(f);   /* the enterprise ledger's long texts */
			format_set_border(f, LXW_BORDER_THIN);
			if (p == SP_HEAD || p == SP_TOTAL)
				format_set_bold(f);
			if (p == SP_HEAD) {
				format_set_align(f, LXW_ALIGN_CENTER);
				format_set_text_wrap(f);
				format_set_bg_color(f, 0xD9D9D9);
			}
			if (k == SF_INT)
				format_set_num_format(f, "0");
			else if (k == SF_PERCENT)
				format_set_num_format(f, "0.0%");
			else if (k == SF_DECIMAL)
				format_set_num_format(f, "0.00");
		}
}

struct xlsx_sheet *
xlsx_open(const char *path, const char *tmpdir, bool constant_memory)
{
	struct xlsx_sheet *x = calloc(1, sizeof(*x));
	lxw_workbook_options o;

	if (x == NULL || strlen(path) >= sizeof(x->path)) {
		free(x);
		log_err("xlsx: cannot start a workbook");
		return NULL;
	}
	memset(&o, 0, sizeof(o));
	o.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
	o.tmpdir = (char *)(uintptr_t)tmpdir;
	snprintf(x->path, sizeof(x->path), "%s", path);
	if ((x->wb = workbook_new_opt(path, &o)) == NULL) {
		free(x);
		log_err("xlsx: cannot start a workbook");
		return NULL;
	}
	formats_make(x);
	return x;
}

static int
lxw_rc(struct xlsx_sheet *x, lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return 0;
	if (!x->failed)
		log_err("xlsx: %s", lxw_strerror(e));
	x->failed = true;
	return -1;
}

static int
x_begin(void *w, const char *name, unsigned ncols, const double *widths)
{
	struct xlsx_sheet *x = w;
	unsigned i;

	/* a sheet's name: at most 31 characters; the ledgers' names are shorter */
	if ((x->ws = workbook_add_worksheet(x->wb, name)) == NULL)
		return lxw_rc(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	for (i = 0; i < ncols; i++)
		if (lxw_rc(x, worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, widths[i],
		    NULL)) != 0)
			return -1;
	return lxw_rc(x, worksheet_set_row(x->ws, 0, 28, NULL));
}

static int
x_merge(void *w, unsigned r0, unsigned c0, unsigned r1, unsigned c1, const char *text,
    enum sheet_part part)
{
	struct xlsx_sheet *x = w;

	if (r0 == r1 && c0 == c1)
		return lxw_rc(x, worksheet_write_string(x->ws, r0, (lxw_col_t)c0, text,
		    x->fmt[part][SF_TEXT]));
	return lxw_rc(x, worksheet_merge_range(x->ws, r0, (lxw_col_t)c0, r1, (lxw_col_t)c1, text,
	    x->fmt[part][SF_TEXT]));
}

/* A string cell is never a formula, whatever it starts with: no guard needed here. */
static int
x_text(void *w, unsigned row, unsigned col, const char *text, enum sheet_part part)
{
	struct xlsx_sheet *x = w;

	return lxw_rc(x, worksheet_write_string(x->ws, row, (lxw_col_t)col, text,
	    x->fmt[part][SF_TEXT]));
}

static int
x_number(void *w, unsigned row, unsigned col, double v, enum sheet_fmt fmt,
    enum sheet_part part)
{
	struct xlsx_sheet *x = w;

	return lxw_rc(x, worksheet_write_number(x->ws, row, (lxw_col_t)col, v, x->fmt[part][fmt]));
}

/* The workbook written and closed; the caller still frees x (xlsx_free). */
static int
x_end(void *w)
{
	struct xlsx_sheet *x = w;
	lxw_error e = workbook_close(x->wb);

	x->wb = NULL;
	if (e != LXW_NO_ERROR)
		log_err("xlsx: %s", lxw_strerror(e));
	return e != LXW_NO_ERROR || x->failed ? -1 : 0;
}

static const struct sheet_ops xlsx_ops = { x_begin, x_merge, x_text, x_number, x_end };

struct sheet
xlsx_sheet(struct xlsx_sheet *x)
{
	return (struct sheet){ &xlsx_ops, x };
}

void
xlsx_free(struct xlsx_sheet *x, bool keep)
{
	if (x == NULL)
		return;
	if (x->wb != NULL)
		(void)workbook_close(x->wb);   /* stopped before its end: frees it */
	if (!keep)
		(void)unlink(x->path);
	free(x);
}

bool
xlsx_private_dir(const char *dir)
{
	struct stat st;
	int fd;

	if (dir[0] == '\0') {
		log_err("xlsx: export_dir is not set");
		return false;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_err("xlsx: %s: %s", dir, strerror(errno));
		return false;
	}
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		log_err("xlsx: %s: %s", dir, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode) || (st.st_mode & 077) != 0) {
		log_err("xlsx: %s must be a directory of mode 0700", dir);
		(void)close(fd);
		return false;
	}
	(void)close(fd);
	return true;
}

bool
xlsx_tmp_name(const char *dir, char *path, size_t cap)
{
	int fd;

	if ((size_t)snprintf(path, cap, "%s/export-XXXXXX", dir) >= cap) {
		log_err("xlsx: export_dir is too long");
		return false;
	}
	if ((fd = mkstemp(path)) < 0) {
		log_err("xlsx: %s: %s", dir, strerror(errno));
		return false;
	}
	(void)close(fd);
	return true;
}
