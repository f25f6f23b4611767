/*
 * log: one place where the programs say what went wrong. Lines go to stderr, which the supervisor
 * (spawn-fcgi + multiwatch, systemd) collects. A log line never carries a reporter's identity, a
 * query code, a token or a request body: callers pass only what an operator may read.
 */
#ifndef JUBAO_LOG_H
#define JUBAO_LOG_H

/* Set the program name shown on every line (a static string). */
void log_init(const char *progname);

void log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Out of memory or a broken invariant: log and end the process; the supervisor starts another. */
void log_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
