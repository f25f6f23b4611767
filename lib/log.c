/* log: see log.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char *log_prog = "jubao";

void
log_init(const char *progname)
{
	log_prog = progname;
}

static void
log_line(const char *level, const char *fmt, va_list ap)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		stamp[0] = '\0';
	fprintf(stderr, "%s %s[%ld] %s: ", stamp, log_prog, (long)getpid(), level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("error", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("warning", fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("info", fmt, ap);
	va_end(ap);
}

void
log_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line("fatal", fmt, ap);
	va_end(ap);
	exit(2);
}
