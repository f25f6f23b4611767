/* sandbox: see sandbox.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <seccomp.h>

#include "sandbox.h"

/* SAN=1 (Makefile) builds with AddressSanitizer and UndefinedBehaviorSanitizer. */
#if defined(__SANITIZE_ADDRESS__) || defined(JUBAO_SANITIZERS)
#define SANITIZERS 1
#else
#define SANITIZERS 0
#endif

/* One allowed call: any arguments, or only when one argument compares as given. */
struct rule {
	int                 nr;        /* SCMP_SYS(name): negative when this architecture lacks it */
	unsigned            nargs;     /* 0 or 1 */
	struct scmp_arg_cmp cmp;
};

#define ANY(name)                 { SCMP_SYS(name), 0, { 0, SCMP_CMP_EQ, 0, 0 } }
#define ARG_EQ(name, a, v)        { SCMP_SYS(name), 1, { a, SCMP_CMP_EQ, v, 0 } }
/* (argument & mask) == v */
#define ARG_MASK(name, a, mask, v) { SCMP_SYS(name), 1, { a, SCMP_CMP_MASKED_EQ, mask, v } }

/* Flags of an open that can change a file. */
#define OPEN_WRITES (O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND)

/*
 * Every worker, after start-up: the FastCGI socket (accept, read, write, the lingering close's
 * poll and shutdown), the database over a unix socket (a reconnect makes a new one, with its
 * timeouts), memory (never executable: no new code after start-up), signals and exit, time,
 * randomness, and files opened for reading only (the console's attachments, the time zone,
 * OpenSSL's providers). No process creation, no other address family, no ptrace, no exec.
 */
static const struct rule common[] = {
	ANY(read), ANY(write), ANY(readv), ANY(writev), ANY(pread64), ANY(close), ANY(lseek),
	ANY(fstat), ANY(newfstatat), ANY(statx), ANY(fcntl),
	ARG_MASK(openat, 2, OPEN_WRITES, 0),
	ANY(accept), ANY(accept4), ANY(poll), ANY(ppoll), ANY(select), ANY(pselect6),
	ANY(shutdown), ANY(getpeername), ANY(getsockname), ANY(setsockopt), ANY(getsockopt),
	ANY(sendto), ANY(recvfrom), ANY(sendmsg), ANY(recvmsg),
	ARG_EQ(socket, 0, AF_UNIX), ANY(connect),
	ANY(brk), ARG_MASK(mmap, 2, PROT_EXEC, 0), ARG_MASK(mprotect, 2, PROT_EXEC, 0),
	ANY(munmap), ANY(mremap), ANY(madvise),
	ANY(futex), ANY(rt_sigaction), ANY(rt_sigprocmask), ANY(rt_sigreturn),
	ANY(restart_syscall), ANY(exit), ANY(exit_group),
	ANY(clock_gettime), ANY(gettimeofday), ANY(time), ANY(nanosleep), ANY(clock_nanosleep),
	ANY(getpid), ANY(getrandom),
};

/* Storing an attachment (lib/store.c): a temporary file created, written and synced, renamed
 * into place, its directory made and synced; removed again when the report fails. The console
 * also writes the published lists (lib/publish.c) the same way, made readable by the web
 * server (fchmod, chmod) whatever the worker's umask. The spool (lib/spool.h) the same,
 * renamed with renameat2's RENAME_NOREPLACE, and its directory listed (getdents64) to keep it
 * within its limits. The console's .xlsx downloads (lib/xlsx.h) too: export_dir made (mkdir),
 * a file created there by mkstemp and written by libxlsxwriter with its temporary files
 * (openat with O_CREAT, unlink), then read back and unlinked. */
static const struct rule store[] = {
	ANY(openat), ANY(mkdir), ANY(mkdirat), ANY(rename), ANY(renameat), ANY(renameat2),
	ANY(unlink), ANY(unlinkat), ANY(fsync), ANY(fdatasync), ANY(fchmod), ANY(chmod),
	ANY(fchmodat), ANY(getdents64),
};

/* The database over TCP (no db_socket): give db_host as an address. */
static const struct rule db_tcp[] = {
	ARG_EQ(socket, 0, AF_INET), ARG_EQ(socket, 0, AF_INET6),
};

/*
 * The sanitizer build only: AddressSanitizer writes its reports to log_path (opened when
 * needed), LeakSanitizer stops the world at exit (a tracer thread made with clone that
 * ptraces the others, reading /proc/self) and both may run a symbolizer (fork, pipe, exec).
 * Its own system calls on x86-64 include the old open and stat, not openat.
 * A forbidden call outside this table still kills a sanitizer build's worker, so `make check`
 * runs its sanitizer variant under the filter too.
 */
static const struct rule sanitizer[] = {
	ANY(open), ANY(openat), ANY(stat), ANY(lstat), ANY(access), ANY(getdents),
	ANY(mmap), ANY(mprotect), ANY(clone), ANY(clone3), ANY(fork), ANY(vfork),
	ANY(execve), ANY(wait4), ANY(waitid), ANY(ptrace), ANY(prctl), ANY(arch_prctl),
	ANY(sched_yield), ANY(sched_getaffinity), ANY(set_robust_list), ANY(rseq),
	ANY(sigaltstack), ANY(pipe), ANY(pipe2), ANY(dup), ANY(dup2), ANY(dup3),
	ANY(readlink), ANY(readlinkat), ANY(getdents64), ANY(getppid), ANY(gettid),
	ANY(kill), ANY(tgkill), ANY(tkill), ANY(getrlimit), ANY(prlimit64), ANY(setrlimit),
	ANY(process_vm_readv), ANY(getuid), ANY(geteuid), ANY(ioctl),
};

#define NRULES(t) (sizeof(t) / sizeof((t)[0]))

static const struct ruleset {
	unsigned           need;      /* 0: always */
	const struct rule *rules;
	size_t             n;
} rulesets[] = {
	{ 0,              common,  NRULES(common) },
	{ SANDBOX_STORE,  store,   NRULES(store) },
	{ SANDBOX_DB_TCP, db_tcp,  NRULES(db_tcp) },
};

static int
add_rules(scmp_filter_ctx f, const struct rule *r, size_t n, int *bad)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if (r[i].nr < 0)
			continue;   /* not a call on this architecture */
		rc = r[i].nargs == 0 ?
		    seccomp_rule_add(f, SCMP_ACT_ALLOW, r[i].nr, 0) :
		    seccomp_rule_add_array(f, SCMP_ACT_ALLOW, r[i].nr, 1, &r[i].cmp);
		if (rc != 0) {
			*bad = r[i].nr;
			return rc;
		}
	}
	return 0;
}

/* The keys live in this process's memory: no core file may hold them (a worker killed by the
 * filter would otherwise dump one), and no other process of the same user may ptrace it or
 * read its memory through /proc. */
static int
keep_memory_private(char *err, size_t errlen)
{
	const struct rlimit none = { 0, 0 };

	if (setrlimit(RLIMIT_CORE, &none) != 0 || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
		snprintf(err, errlen, "sandbox: no core dumps: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int
sandbox_enter(unsigned needs, char *err, size_t errlen)
{
	scmp_filter_ctx f;
	size_t i;
	int rc = 0, bad = -1;

	if (keep_memory_private(err, errlen) != 0)
		return -1;
	if ((f = seccomp_init(SCMP_ACT_KILL_PROCESS)) == NULL) {
		snprintf(err, errlen, "sandbox: seccomp_init failed");
		return -1;
	}
	for (i = 0; i < NRULES(rulesets) && rc == 0; i++)
		if (rulesets[i].need == 0 || (needs & rulesets[i].need) != 0)
			rc = add_rules(f, rulesets[i].rules, rulesets[i].n, &bad);
	if (rc == 0 && SANITIZERS)
		rc = add_rules(f, sanitizer, NRULES(sanitizer), &bad);
	if (rc != 0) {
		snprintf(err, errlen, "sandbox: rule for system call %d: %s", bad, strerror(-rc));
		goto fail;
	}
	/* seccomp_load sets no_new_privs first (SCMP_FLTATR_CTL_NNP is on by default). */
	if ((rc = seccomp_load(f)) != 0) {
		snprintf(err, errlen, "sandbox: seccomp_load: %s", strerror(-rc));
		goto fail;
	}
	seccomp_release(f);
	return 0;
fail:
	seccomp_release(f);
	return -1;
}

int
sandbox_sanitizer_build(void)
{
	return SANITIZERS;
}
