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
"  migrate [--sql-dir DIR] [--user USER] [--dry-run]\n"
"        Apply the pending NNN_*.sql files of DIR (default " JUBAO_SQL_DIR ")\n"
"        in order; each records itself in schema_version, so a run with nothing\n"
"        pending changes nothing. DDL needs rights the programs' user lacks: --user\n"
"        connects as USER over db_socket without a password (unix_socket\n"
"        authentication, e.g. root, as scripts/stack.sh does at each start).\n"
"        --dry-run lists the pending files and applies nothing.\n"
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
"  publish [--list TYPE]\n"
"        Write the published lists as static files into publish_dir: every\n"
"        unfiltered page, entry page, CSV and Atom feed of each list (or of\n"
"        TYPE: violation, elimination, rectification, forced_exit, compliant)\n"
"        and the index, each to a temporary file renamed over the old one.\n"
"  credit-export [--out FILE] [--today YYYY-MM-DD]\n"
"        The credit push (信息推送 to 信用中国): the enterprises past their exit\n"
"        deadline (entries of violation, elimination and forced_exit still in\n"
"        notice whose deadline is before today, Beijing date by default) as XML\n"
"        with the 双公示 行政处罚 data items (README, The credit push), on\n"
"        standard output or into FILE (a temporary file renamed). Never anything\n"
"        about a reporter. Audited.\n"
"  ledger --kind inspect|rectify|yearly|enterprise --period P --area A --format xlsx|csv\n"
"         [--out FILE]\n"
"        A ledger (核查检查基本情况汇总表, 整改及退出台账, its per-enterprise form) or the yearly summary\n"
"        (年度举报办理情况汇总表, --period YYYY) of area A (22, 2201, 220102) for\n"
"        P: YYYY, YYYY-QN, YYYY-MM or YYYY-MM..YYYY-MM, as the console's 台账导出\n"
"        makes it, into FILE (a temporary file renamed; a CSV without --out goes\n"
"        to standard output). Quiet unless standard error is a terminal. Audited.\n"
"  backup DIR [--user USER]\n"
"        The database (mariadb-dump --single-transaction: a consistent snapshot\n"
"        that does not stop the programs) and the attachment store into the new\n"
"        or empty directory DIR, with a MANIFEST of SHA-256 sums written last.\n"
"        Never the key files: keep them apart (README, Operations). Connects as\n"
"        USER (default root) over db_socket with unix_socket authentication.\n"
"  restore DIR [--user USER] [--force]\n"
"        Check every SHA-256 of DIR's MANIFEST, then load the dump into the\n"
"        configured database, which must be empty (no schema_version row;\n"
"        --force drops every table first), and copy the attachments into the\n"
"        store. Run jubaoctl migrate afterwards for a backup of an older schema.\n"
"  spool-import [--limit N]\n"
"        Store the reports the public programs took into spool_dir while the\n"
"        database was away (at most N), each exactly once with its original\n"
"        submission time, and remove their records; for a timer (every minute).\n"
"        Needs the console's key file. A second run at the same time does nothing.\n"
"  status\n"
"        How many reports wait in the spool, and since when.\n"
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
		{ "publish", cmd_publish },
		{ "credit-export", cmd_credit_export },
		{ "ledger", cmd_ledger },
		{ "backup", cmd_backup },
		{ "restore", cmd_restore },
		{ "spool-import", cmd_spool_import },
		{ "status", cmd_status },
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
