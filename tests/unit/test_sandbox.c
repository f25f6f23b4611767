/*
 * test_sandbox.c: lib/sandbox.c, the seccomp filter of the workers. Each case forks a child
 * that enters the sandbox and then makes one call: an allowed call lets it exit 0, a forbidden
 * one must kill it with SIGSYS (the filter's default action), and the parent checks which.
 * In the sanitizer build (SAN=1) the runtime's own calls are allowed (exec, clone, ptrace,
 * writable opens for its log): those cases are skipped with a reason, and one more shows that
 * LeakSanitizer still runs and reports under the filter.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox.h"
#include "unit.h"

enum outcome { LIVES, KILLED };

static char scratch[64];   /* a file name in a fresh directory, for the store cases */

static int
call_socket_unix(void)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	return fd >= 0 ? close(fd) : -1;
}

static int
call_socket_inet(void)
{
	return socket(AF_INET, SOCK_STREAM, 0) >= 0 ? 0 : -1;
}

static int
call_socket_inet6(void)
{
	return socket(AF_INET6, SOCK_DGRAM, 0) >= 0 ? 0 : -1;
}

static int
call_exec(void)
{
	char *const argv[] = { "/bin/true", NULL };

	execv("/bin/true", argv);
	return -1;
}

static int
call_create(void)
{
	int fd = open(scratch, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	return fd >= 0 ? close(fd) : -1;
}

static int
call_read_only(void)
{
	int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
	char c;
	ssize_t n;

	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	n = read(fd, &c, 1);
	return close(fd) == 0 && n >= 0 ? 0 : -1;
}

static int
call_mmap_exec(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p != MAP_FAILED ? 0 : -1;
}

static int
call_fork(void)
{
	pid_t p = fork();

	if (p == 0)
		_exit(0);
	return p > 0 ? 0 : -1;
}

/* Fork, enter the sandbox with needs, make the call; how did the child end? */
static enum outcome
run(unsigned needs, int (*call)(void), const char *name)
{
	char err[256];
	int st;
	pid_t pid;

	fflush(NULL);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		alarm(30);   /* a child that hangs ends (SIGALRM), it does not stop the test */
		if (sandbox_enter(needs, err, sizeof(err)) != 0) {
			fprintf(stderr, "%s\n", err);
			_exit(2);
		}
		_exit(call() == 0 ? 0 : 3);
	}
	if (waitpid(pid, &st, 0) != pid)
		abort();
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS)
		return KILLED;
	if (!(WIFEXITED(st) && WEXITSTATUS(st) == 0))
		fprintf(stderr, "test_sandbox: %s: child ended with status %#x\n", name, st);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? LIVES : (enum outcome)-1;
}

#define RUN(needs, call) run(needs, call, #call)

static void
test_every_class(void)
{
	unsigned classes[] = { 0, SANDBOX_STORE };
	size_t i;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		CHECK(RUN(classes[i], call_socket_unix) == LIVES);
		CHECK(RUN(classes[i], call_read_only) == LIVES);
		CHECK(RUN(classes[i], call_socket_inet) == KILLED);
		CHECK(RUN(classes[i], call_socket_inet6) == KILLED);
	}
	/* The database over TCP adds the internet families, nothing else. */
	CHECK(RUN(SANDBOX_DB_TCP, call_socket_inet) == LIVES);
	CHECK(RUN(SANDBOX_DB_TCP, call_socket_inet6) == LIVES);
}

static void
test_store_class(void)
{
	CHECK(RUN(SANDBOX_STORE, call_create) == LIVES);
	CHECK(access(scratch, F_OK) == 0);
	(void)unlink(scratch);
	if (sandbox_sanitizer_build()) {
		printf("test_sandbox: sanitizer build: exec, fork, executable memory and writable "
		    "opens are allowed for the sanitizer runtime; those cases are skipped\n");
		return;
	}
	CHECK(RUN(0, call_create) == KILLED);
	CHECK(access(scratch, F_OK) != 0);
	CHECK(RUN(SANDBOX_STORE, call_exec) == KILLED);
	CHECK(RUN(0, call_exec) == KILLED);
	CHECK(RUN(SANDBOX_STORE, call_fork) == KILLED);
	CHECK(RUN(SANDBOX_STORE, call_mmap_exec) == KILLED);
}

/* Sanitizer build: a sandboxed process that leaks still gets LeakSanitizer's verdict (exit
 * status 23) rather than SIGSYS, so leaks in workers are still found by make check. The
 * child is this program again (fresh sanitizer options), with its report sent nowhere. */
static void
test_leak_check_survives(void)
{
	int st;
	pid_t pid;

	if (!sandbox_sanitizer_build())
		return;
	fflush(NULL);
	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		char *const argv[] = { "test_sandbox", "leak", NULL };
		char *const envp[] = { "ASAN_OPTIONS=detect_leaks=1:log_path=stderr:exitcode=23",
			"LSAN_OPTIONS=exitcode=23", NULL };
		int null = open("/dev/null", O_WRONLY);

		if (null < 0 || dup2(null, 2) < 0)
			_exit(4);
		execve("/proc/self/exe", argv, envp);
		_exit(5);
	}
	if (waitpid(pid, &st, 0) != pid)
		abort();
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 23);
}

static void *leaked;

static int
leak(void)
{
	char err[256];

	alarm(60);   /* LeakSanitizer's tracer killed by the filter would leave this waiting */
	if (sandbox_enter(SANDBOX_STORE, err, sizeof(err)) != 0)
		return 2;
	leaked = malloc(4096);
	memset(leaked, 1, 4096);
	leaked = NULL;
	return 0;   /* LeakSanitizer runs at exit, under the filter */
}

int
main(int argc, char **argv)
{
	char dir[] = "/tmp/jubao-sandbox.XXXXXX";

	if (argc > 1 && strcmp(argv[1], "leak") == 0)
		return leak();
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(scratch, sizeof(scratch), "%s/f", dir);
	test_every_class();
	test_store_class();
	test_leak_check_survives();
	(void)unlink(scratch);
	(void)rmdir(dir);
	return unit_done();
}
