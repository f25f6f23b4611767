/*
 * holidays: the parser of a working-day calendar file, as an administrator uploads it to
 * /admin/calendar. Pure: it reads bytes and hands each day to the caller's function; what a day
 * means (a row of table holiday) is the caller's business, so the parser is tested and fuzzed
 * without a database.
 *
 * Two formats, told apart by the first byte after an optional UTF-8 byte order mark and blanks:
 *
 *  - JSON ('{' or '['), the shape of github.com/NateScarlet/holiday-cn's YYYY.json:
 *    {"days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}, ...]}. The whole file
 *    must be well-formed JSON nested at most HOLIDAYS_JSON_DEPTH deep. Every object with a
 *    "date" member is a day: "date" a string "YYYY-MM-DD" (cal_parse), "isOffDay" true or false
 *    (required), "name" an optional string; other members are ignored but may not be objects or
 *    arrays. Other objects (the file's header, "papers") are ignored.
 *  - CSV, anything else: lines "date,off,name" ending in LF or CRLF; off is 1 (a holiday) or 0
 *    (an adjusted working day, 调休); the name is the rest of the line and may hold commas. Empty
 *    lines are skipped; any other line must have this shape (no header line).
 *
 * A name is single-line clean text (text_clean) of at most HOLIDAYS_NAME_MAX characters, without
 * JSON escapes; an empty or missing name becomes "假日" (off) or "调休" (working day).
 *
 * The file is checked whole before the first call of fn: a file with an error calls fn for no
 * day at all.
 */
#ifndef JUBAO_HOLIDAYS_H
#define JUBAO_HOLIDAYS_H

#include <stdbool.h>
#include <stddef.h>

#define HOLIDAYS_NAME_MAX	30	/* characters; the column is VARCHAR(32) */
#define HOLIDAYS_MAX_DAYS	10000	/* days in one file */
#define HOLIDAYS_JSON_DEPTH	8	/* nested objects and arrays */

/*
 * Called once per day, in file order. date is "YYYY-MM-DD" and a NUL, a real date; name is
 * NUL-terminated clean UTF-8 of 1 to HOLIDAYS_NAME_MAX characters. Both are valid only during
 * the call. A non-zero return stops the parse and becomes holidays_parse's result.
 */
typedef int (*holiday_fn)(void *arg, const char date[11], bool off, const char *name);

/*
 * Parses buf[0..len), which need not be NUL-terminated and is never read past len (buf may be
 * NULL when len is 0). Returns 0 when the file was read or refused, and then *why is NULL (every
 * day was passed to fn; *count says how many, at least 1) or a sentence in Chinese for the
 * administrator saying what is wrong (fn was not called; *count is 0). Otherwise returns fn's
 * non-zero result, with *count the days fn accepted before it and *why NULL.
 */
int	holidays_parse(const char *buf, size_t len, holiday_fn fn, void *arg, int *count,
	    const char **why);

#endif
