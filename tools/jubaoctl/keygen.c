/* jubaoctl keygen: a new public-key identity key pair (X25519, or SM2 for 国密) as two key-file
 * lines. No database. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "jubaoctl.h"

/*
 * The private line goes to the console's key file only (it opens identities); the public line
 * to the key file of the public programs, which seal but must not read identities back.
 */
int
cmd_keygen(struct ctl *c, int argc, char **argv)
{
	const char *alg = "x25519", *pos[1];
	const struct opt opts[] = { { "--alg", &alg }, { NULL, NULL } };
	char lines[SECRETS_SM2_LINES_MAX];
	size_t npos;
	long id = 1;
	int r, ret = 1;

	(void)c;
	if (parse_args(argc, argv, opts, pos, 1, &npos) != 0)
		return 1;
	if (npos == 1 && parse_count(pos[0], 1, 0xffffffffL, &id) != 0)
		return fail("the key id must be 1 to 4294967295");
	if (strcmp(alg, "x25519") == 0)
		r = secrets_x25519_lines((uint32_t)id, lines, sizeof(lines));
	else if (strcmp(alg, "sm2") == 0) {
		if (!seal_alg_available(SEAL_SM2))
			return fail("this OpenSSL has no SM2 public-key encryption");
		r = secrets_sm2_lines((uint32_t)id, lines, sizeof(lines));
	} else
		return fail("--alg must be x25519 or sm2");
	if (r != 0) {
		fail("key generation failed");
		goto out;
	}
	if (fputs(lines, stdout) == EOF || fflush(stdout) != 0) {
		fail("cannot write the key lines");
		goto out;
	}
	ret = 0;
out:
	explicit_bzero(lines, sizeof(lines));
	return ret;
}
