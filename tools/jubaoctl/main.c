/* jubaoctl: the command table, -c CONFIG and the usage text. See jubaoctl.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jubaoctl.h"
#include "log.h"

static const char usage_text[] =
"usage: jubaoctl [-c CONFIG] COMMAND [ARGUMENTS]\n"
"\n"
"CONFIG defaults to $JUBAO_CONF, else " DEFAULT_CONF ". Exit status 0 on success, 1 on\n"
"error (with one line on standard error).\n"
"\n"
"  migrate [--sql-dir DIR] [--user USER]\n"
"        Apply the pending NNN_*.sql files of DIR (default " JUBAO_SQL_DIR ")\n"
"        in order; each records itself in schema_version, so a run with nothing\n"
"        pending changes nothing. DDL needs rights the programs' user lacks: --user\n"
"        connects as USER over db_socket without a password (unix_socket\n"
"        authentication, e.g. root, as scripts/stack.sh does at each start).\n"
"  create-admin LOGIN NAME [--department ID] [--email ADDRESS]\n"
"        A security administrator (role secadmin only: accounts and roles, no case,\n"
"        no identity; grants of guarded roles need a second one's approval, so make\n"
"        two) on\n"
"        the gongxin department ID of region_scope's province (default: that\n"
"        province's gongxin department; without region_scope, --department is\n"
"        needed). The password is read from\n"
"        standard input (one line) when that is not a terminal, else generated and\n"
"        printed once; it must be changed at the first login.\n"
"  reset-password LOGIN\n"
"        A new generated password, printed once, to be changed at the next login;\n"
"        the account is unlocked and all its sessions end.\n"
"  demo  Development stacks only: the demo accounts admin, admin2 (security\n"
"        administrators), sysadmin, auditor, intake, nanguan, contact, supervisor,\n"
"        publisher with the published password " DEMO_PASSWORD ".\n"
"        Existing logins are left alone.\n"
"  rotate [--batch N]\n"
"        Re-seal every reporter identity and TOTP secret not under the key file's\n"
"        identity_current, N rows per transaction (default 500). Resumable.\n"
"  sweep [--today YYYY-MM-DD] [--sendmail PATH]\n"
"        The deadline sweep for cron: mark reports past their due date (Beijing\n"
"        date) overdue, queue a reminder for the staff responsible, then send the\n"
"        queued mail with PATH -t -oi (default " SENDMAIL "; when it is missing the\n"
"        mail stays queued).\n"
"  export [--state STATE]\n"
"        Reports as CSV (UTF-8 with BOM) on standard output: ticket, state,\n"
"        category, industry, region, subject_type, subject_name, submitted_at,\n"
"        due_date, overdue, verdict. Never identities or descriptions.\n"
"  stats-rebuild\n"
"        Recompute the statistics' summary tables (sql/015) from the reports, their\n"
"        events and the audit trail, in one transaction (the console keeps them up\n"
"        to date; this is for after a restore or a calendar change).\n"
"  keygen [ID] [--alg x25519|sm2]\n"
"        A new identity key pair ID (default 1) as two lines: identity_key =\n"
"        ID x25519 PRIVATE-HEX for the console's key file (it opens identities)\n"
"        and identity_key = ID x25519-public PUBLIC-HEX for the public programs'\n"
"        key file (it only seals). --alg sm2: an SM2 pair for 国密 deployments\n"
"        (sm2 / sm2-public lines). No database or configuration is read.\n"
"  help  This text.\n";

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct ctl *, int, char **);
	} cmds[] = {
		{ "migrate", cmd_migrate },
		{ "create-admin", cmd_create_admin },
		{ "reset-password", cmd_reset_password },
		{ "demo", cmd_demo },
		{ "rotate", cmd_rotate },
		{ "sweep", cmd_sweep },
		{ "export", cmd_export },
		{ "stats-rebuild", cmd_stats_rebuild },
		{ "keygen", cmd_keygen },
	};
	struct ctl c;
	const char *env;
	size_t i;
	int argi = 1, ret;

	log_init("jubaoctl");
	memset(&c, 0, sizeof(c));
	c.conf_path = (env = getenv("JUBAO_CONF")) != NULL && env[0] != '\0' ? env :
	    DEFAULT_CONF;
	if (argi < argc && strcmp(argv[argi], "-c") == 0) {
		if (argi + 1 >= argc)
			return fail("-c needs a file");
		c.conf_path = argv[argi + 1];
		argi += 2;
	}
	if (argi >= argc) {
		fputs(usage_text, stderr);
		return 1;
	}
	if (strcmp(argv[argi], "help") == 0 || strcmp(argv[argi], "--help") == 0 ||
	    strcmp(argv[argi], "-h") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[argi], cmds[i].name) == 0)
			break;
	if (i == sizeof(cmds) / sizeof(cmds[0]))
		return fail("unknown command %s (see jubaoctl help)", argv[argi]);
	ret = cmds[i].fn(&c, argc - argi - 1, argv + argi + 1);
	ctl_close(&c);
	return ret;
}
