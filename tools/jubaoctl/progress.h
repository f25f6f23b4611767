/*
 * progress: how far a long jubaoctl job has come (export, rotate, stats-rebuild, sweep, publish,
 * spool-import), as one line on the operator's terminal, rewritten in place with \r on stderr.
 * Only when stderr is a terminal: under cron (stderr a file, a pipe or the mail cron sends) it
 * writes nothing at all, so a job's output there is its summary lines only.
 */
#ifndef JUBAOCTL_PROGRESS_H
#define JUBAOCTL_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

struct progress {
	const char *what;        /* "reports exported": static text, kept */
	uint64_t    total;       /* 0: not known in advance */
	uint64_t    done;
	int64_t     shown_ms;    /* when the line was last drawn */
	bool        on;          /* stderr is a terminal */
};

/* Start counting what (total things, 0 when unknown); draws nothing yet. */
void progress_begin(struct progress *, const char *what, uint64_t total);
/* n more done; the line is redrawn at most ten times a second. */
void progress_add(struct progress *, uint64_t n);
/* The final count, and the line ended with a newline (only if a line was drawn). */
void progress_end(struct progress *);

#endif
