/* progress: see progress.h. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static int64_t
now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "\r jubaoctl: <what>: done of total (pct %)", then erase what a longer line left. */
static void
draw(struct progress *p)
{
	if (p->total > 0)
		fprintf(stderr, "\rjubaoctl: %s: %llu / %llu (%u%%)\033[K", p->what,
		    (unsigned long long)p->done, (unsigned long long)p->total,
		    (unsigned)(p->done >= p->total ? 100 : p->done * 100 / p->total));
	else
		fprintf(stderr, "\rjubaoctl: %s: %llu\033[K", p->what,
		    (unsigned long long)p->done);
	fflush(stderr);
	p->shown_ms = now_ms();
}

void
progress_begin(struct progress *p, const char *what, uint64_t total)
{
	p->what = what;
	p->total = total;
	p->done = 0;
	p->shown_ms = -1;
	p->on = isatty(STDERR_FILENO) == 1;
}

void
progress_add(struct progress *p, uint64_t n)
{
	p->done += n;
	if (p->on && (p->shown_ms < 0 || now_ms() - p->shown_ms >= 100))
		draw(p);
}

void
progress_end(struct progress *p)
{
	if (!p->on)
		return;
	draw(p);
	fputc('\n', stderr);
	p->on = false;
}
