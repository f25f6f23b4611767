/*
 * xlsx: a sheet writer (lib/ledger.h's struct sheet) that makes an .xlsx file with
 * libxlsxwriter. libxlsxwriter writes the file itself, by name, and its parts through temporary
 * files in tmpdir: the console gives it a directory of its own, mode 0700 (xlsx_private_dir),
 * and removes the file once it has been sent. Only the console and jubaoctl link this module
 * (and libxlsxwriter); the public programs never do.
 *
 * constant_memory keeps one row in memory (for the case list's export of any length); its
 * strings are then written inline, not in sharedStrings.xml, and a merged block may only span
 * columns of one row (libxlsxwriter's own limit), which is all a long export needs. The
 * ledgers, a few dozen rows, are written with it off and merge header cells down too.
 */
#ifndef JUBAO_XLSX_H
#define JUBAO_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "ledger.h"

struct xlsx_sheet;

/* A workbook at path (created or truncated) with its temporary files in tmpdir. NULL when it
 * could not be made (logged). The sheet's end writes and closes the file; xlsx_free then
 * frees it in any case. */
struct xlsx_sheet *xlsx_open(const char *path, const char *tmpdir, bool constant_memory);
struct sheet xlsx_sheet(struct xlsx_sheet *);
/* Free x, closing a workbook whose end was not reached; the file at path is removed unless
 * keep (a complete file the caller wants). */
void xlsx_free(struct xlsx_sheet *, bool keep);

/* Make dir (0700) when it is missing and check that it is a directory nobody else may enter
 * (no group or other bits). false when it is not (logged). */
bool xlsx_private_dir(const char *dir);

/* A new empty file in dir for a workbook (mkstemp, "dir/export-XXXXXX"), its name into path;
 * false when it could not be made (logged). The caller removes it. */
bool xlsx_tmp_name(const char *dir, char *path, size_t cap);

#endif
