/*
 * calendar.h: dates and working-day arithmetic (工作日).
 *
 * This module owns date arithmetic for deadlines.  A date is a cal_day,
 * the number of days since 1970-01-01 in the proleptic Gregorian calendar,
 * so dates compare and subtract as integers and carry no time zone.
 *
 * Monday to Friday are working days and Saturday and Sunday are not,
 * except for the days listed in a struct calendar: a listed day with off
 * set is a holiday even on a weekday, a listed day with off clear is an
 * adjusted working day (调休) even on a weekend.  The lead loads the State
 * Council's yearly notice into one calendar at start-up; after that the
 * calendar is only read, and concurrent reads need no locking.
 *
 * The date functions are pure and keep no state.  The only memory is the
 * struct calendar, allocated by cal_new and released by cal_free.
 */
#ifndef JUBAO_CALENDAR_H
#define JUBAO_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t cal_day;	/* days since 1970-01-01 */

/*
 * Day number of year y, month m (1-12), day d (1-31).  No validation:
 * out-of-range months or days give an unspecified day (use cal_parse for
 * untrusted input).  Meaningful for years within a few million of 1970.
 */
cal_day	 cal_from_ymd(int y, int m, int d);

/* Splits day into year, month (1-12) and day of month (1-31). */
void	 cal_to_ymd(cal_day day, int *y, int *m, int *d);

/*
 * Parses exactly len bytes of strict "YYYY-MM-DD" (zero-padded, ASCII
 * digits, no surrounding space) naming a real date in the years 1900-2999.
 * Stores the day in *out and returns true, or returns false and leaves
 * *out alone.  s is not NUL-terminated and never read past len.
 */
bool	 cal_parse(const char *s, size_t len, cal_day *out);

/*
 * Writes "YYYY-MM-DD" and a NUL into out.  Days outside the years
 * 0000-9999 (which cal_parse never yields) come out as "0000-00-00".
 */
void	 cal_format(cal_day day, char out[11]);

/*
 * The date in Beijing (UTC+8, no daylight saving) at t seconds since the
 * epoch, whatever the machine's time zone: "today" for every deadline.
 */
cal_day	 cal_beijing_day(int64_t t);

/* Day of the week: 0 = Monday ... 6 = Sunday. */
int	 cal_weekday(cal_day day);

/* Opaque: the sorted list of exceptions to the Monday-Friday rule. */
struct calendar;

/* An empty calendar, or NULL when out of memory.  Free with cal_free. */
struct calendar	*cal_new(void);

/* Releases cal and everything it holds; cal may be NULL. */
void	 cal_free(struct calendar *cal);

/*
 * Records day as a holiday (off true) or an adjusted working day (off
 * false), replacing any earlier entry for that day.  Returns 0, or -1 when
 * out of memory, in which case cal is unchanged.
 */
int	 cal_set(struct calendar *cal, cal_day day, bool off);

/* Number of exceptions in cal (e.g. to log what was loaded); 0 for NULL. */
size_t	 cal_count(const struct calendar *cal);

/*
 * Is day a working day?  In this and the functions below, cal may be NULL,
 * meaning no exceptions: plain Monday to Friday.
 */
bool	 cal_is_workday(const struct calendar *cal, cal_day day);

/*
 * The n-th working day after from, not counting from itself: a report
 * received on Sunday 2026-11-22 with n = 2 is due Tuesday 2026-11-24.
 * n = 0 returns from; a negative n counts back to the -n-th working day
 * before from.  A result beyond the range of cal_day is clamped to
 * INT32_MAX or INT32_MIN.  Runs in time proportional to min(n, the days
 * up to the last exception), never to n alone.
 */
cal_day	 cal_add_workdays(const struct calendar *cal, cal_day from, int n);

/*
 * Number of working days in (from, to], i.e. after from and up to and
 * including to; 0 when to <= from.  Clamped to INT_MAX.
 */
int	 cal_workdays_between(const struct calendar *cal, cal_day from,
	    cal_day to);

#endif
