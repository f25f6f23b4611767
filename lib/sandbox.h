/*
 * sandbox: the system calls a FastCGI worker may still make once it is serving requests. After
 * start-up (configuration and keys read, stylesheets compiled, libfcgi set up) app_main calls
 * sandbox_enter, which installs a libseccomp allowlist: any other call kills the whole process
 * (SIGSYS), and the supervisor (multiwatch) starts a fresh worker. The rules are tables in
 * sandbox.c, one per need; a program names the needs it has beyond the common ones.
 *
 * What it does not do: restrict which files are opened (seccomp cannot see paths; the system
 * user's file modes do that, scripts/stack.sh and the units in conf/), or undo anything done before
 * it (the key file is read by then). It also turns core dumps off and makes the process
 * undumpable (no ptrace or /proc/PID/mem by the same user): the keys are in its memory.
 */
#ifndef JUBAO_SANDBOX_H
#define JUBAO_SANDBOX_H

#include <stddef.h>

/* Needs beyond the common table (serving FastCGI, the database over a unix socket, memory,
 * time, randomness, reading files). */
enum sandbox_need {
	SANDBOX_STORE  = 1 << 0,   /* writes attachments: create, fsync, rename, mkdir, unlink */
	SANDBOX_DB_TCP = 1 << 1    /* the database over TCP (no db_socket): AF_INET, AF_INET6 */
};

/* Install the filter for the given needs (an OR of enum sandbox_need) in this process; it holds
 * for the rest of its life and for anything it would start. 0, or -1 with a message in err.
 * In an AddressSanitizer build the sanitizer runtime's calls are allowed too (sandbox.c). */
int sandbox_enter(unsigned needs, char *err, size_t errlen);

/* Whether this build allows the sanitizer runtime's calls (process creation among them). */
int sandbox_sanitizer_build(void);

#endif
