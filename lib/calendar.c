/*
 * calendar.c: dates and working-day arithmetic; see calendar.h.
 *
 * Date conversion follows Howard Hinnant's days_from_civil and
 * civil_from_days ("chrono-Compatible Low-Level Date Algorithms"), which
 * work in 400-year eras starting on March 1st so that the leap day is the
 * last day of its year.  Intermediate values are 64-bit so that no cal_day
 * can overflow them.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

struct cal_entry {
	cal_day	 day;
	bool	 off;
};

/* The exceptions, sorted by day, without duplicates. */
struct calendar {
	struct cal_entry	*v;
	size_t			 n, cap;
};

cal_day
cal_from_ymd(int y, int m, int d)
{
	int64_t	 yy, mm = m, era, yoe, doy, doe;

	yy = (int64_t)y - (mm <= 2);
	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (cal_day)(era * 146097 + doe - 719468);
}

void
cal_to_ymd(cal_day day, int *y, int *m, int *d)
{
	int64_t	 z, era, doe, yoe, doy, mp;

	z = (int64_t)day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool
cal_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Value of the n ASCII digits at s, or -1 if any is not a digit. */
static int
cal_digits(const char *s, size_t n)
{
	int	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
cal_parse(const char *s, size_t len, cal_day *out)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	y = cal_digits(s, 4);
	m = cal_digits(s + 5, 2);
	d = cal_digits(s + 8, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return false;
	if (d > mdays[m - 1] + (m == 2 && cal_leap(y)))
		return false;
	*out = cal_from_ymd(y, m, d);
	return true;
}

/* Writes v as n zero-padded digits; v fits, the caller made sure. */
static void
cal_put(char *out, int v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
cal_format(cal_day day, char out[11])
{
	int	 y, m, d;

	cal_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = m = d = 0;
	cal_put(out, y, 4);
	out[4] = '-';
	cal_put(out + 5, m, 2);
	out[7] = '-';
	cal_put(out + 8, d, 2);
	out[10] = '\0';
}

cal_day
cal_beijing_day(int64_t t)
{
	int64_t s = t + 8 * 3600;

	/* floor division: a time before 1970-01-01 08:00 falls on an earlier day */
	return (cal_day)(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
}

int
cal_weekday(cal_day day)
{
	/* 1970-01-01 was a Thursday, weekday 3. */
	int64_t	 w = ((int64_t)day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

struct calendar *
cal_new(void)
{
	return calloc(1, sizeof(struct calendar));
}

void
cal_free(struct calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->v);
	free(cal);
}

/* Index of the first entry whose day is >= day (binary search). */
static size_t
cal_lower_bound(const struct calendar *cal, cal_day day)
{
	size_t	 lo = 0, hi = cal->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Makes room for one more entry; 0 or -1 when out of memory. */
static int
cal_grow(struct calendar *cal)
{
	struct cal_entry	*v;
	size_t			 cap;

	if (cal->n < cal->cap)
		return 0;
	cap = cal->cap == 0 ? 64 : cal->cap * 2;
	if (cap > SIZE_MAX / sizeof(*v))
		return -1;
	if ((v = realloc(cal->v, cap * sizeof(*v))) == NULL)
		return -1;
	cal->v = v;
	cal->cap = cap;
	return 0;
}

int
cal_set(struct calendar *cal, cal_day day, bool off)
{
	size_t	 pos = cal_lower_bound(cal, day);

	if (pos < cal->n && cal->v[pos].day == day) {
		cal->v[pos].off = off;
		return 0;
	}
	if (cal_grow(cal) == -1)
		return -1;
	memmove(cal->v + pos + 1, cal->v + pos,
	    (cal->n - pos) * sizeof(cal->v[0]));
	cal->v[pos].day = day;
	cal->v[pos].off = off;
	cal->n++;
	return 0;
}

size_t
cal_count(const struct calendar *cal)
{
	return cal == NULL ? 0 : cal->n;
}

bool
cal_is_workday(const struct calendar *cal, cal_day day)
{
	size_t	 pos;

	if (cal != NULL) {
		pos = cal_lower_bound(cal, day);
		if (pos < cal->n && cal->v[pos].day == day)
			return !cal->v[pos].off;
	}
	return cal_weekday(day) < 5;
}

/*
 * Weekdays from some fixed Monday up to day, as a difference function:
 * cal_plain(to) - cal_plain(from) counts Monday-Friday in (from, to].
 * 1970-01-05, day 4, was a Monday.
 */
static int64_t
cal_plain(cal_day day)
{
	int64_t	 t = (int64_t)day - 4, q, r;

	q = (t >= 0 ? t : t - 6) / 7;
	r = t - q * 7;
	return q * 5 + (r < 5 ? r + 1 : 5);
}

/*
 * Having counted up to day, jumps whole weeks towards the last *left
 * working days when no exception lies ahead in direction step: there
 * every seven days hold exactly five working days.  Leaves at least one
 * working day in *left, so the caller's walk still ends on a working day.
 */
static int64_t
cal_skip_weeks(const struct calendar *cal, int64_t day, int step,
    int64_t *left)
{
	int64_t	 weeks;

	if (*left <= 5)
		return day;
	if (cal != NULL && cal->n > 0) {
		if (step > 0 && day < cal->v[cal->n - 1].day)
			return day;
		if (step < 0 && day > cal->v[0].day)
			return day;
	}
	weeks = (*left - 1) / 5;
	*left -= weeks * 5;
	return day + step * weeks * 7;
}

cal_day
cal_add_workdays(const struct calendar *cal, cal_day from, int n)
{
	int64_t	 day = from, left = n < 0 ? -(int64_t)n : n;
	int	 step = n < 0 ? -1 : 1;

	while (left > 0) {
		day = cal_skip_weeks(cal, day, step, &left) + step;
		if (day > INT32_MAX || day < INT32_MIN)
			return day > 0 ? INT32_MAX : INT32_MIN;
		if (cal_is_workday(cal, (cal_day)day))
			left--;
	}
	return (cal_day)day;
}

int
cal_workdays_between(const struct calendar *cal, cal_day from, cal_day to)
{
	int64_t	 count;
	size_t	 pos;

	if (to <= from)
		return 0;
	count = cal_plain(to) - cal_plain(from);
	/* Correct the plain count by every exception inside (from, to]. */
	if (cal != NULL) {
		for (pos = cal_lower_bound(cal, from + 1);
		    pos < cal->n && cal->v[pos].day <= to; pos++)
			count += (int)!cal->v[pos].off -
			    (int)(cal_weekday(cal->v[pos].day) < 5);
	}
	return count > INT_MAX ? INT_MAX : (int)count;
}
