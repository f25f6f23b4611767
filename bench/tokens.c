/*
 * tokens: form cookies and CSRF tokens for the submission benchmark, made the way cgi/submit.c
 * makes them, so that bench/run.sh can send many valid, distinct forms without asking the server
 * for each one first.
 *
 *   tokens CONFIG [N]
 *
 * Reads the configuration and the key file it names (config_load, secrets_load, as the programs
 * do) and prints a new random cookie value (32 hex digits) on the first line, then N (default 1)
 * tokens valid for that cookie, one a line: key = HMAC-SHA256(csrf_key, the 16 raw cookie bytes),
 * then csrf_issue(key, 32, now, token), exactly as submit's form_key_for() and show_form().
 * Every token is distinct (16 random bytes each), so every request is a new report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "crypto.h"

int
main(int argc, char **argv)
{
	static struct config cfg;
	static struct secrets sec;
	uint8_t raw[16], key[32];
	char err[512], hex[33], token[CSRF_TOKEN_LEN + 1];
	long long n = 1, i;
	char *end;
	int64_t now;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s CONFIG [N]\n", argv[0]);
		return 2;
	}
	if (argc == 3) {
		n = strtoll(argv[2], &end, 10);
		if (*argv[2] == '\0' || *end != '\0' || n < 0 || n > 100000000) {
			fprintf(stderr, "tokens: bad count: %s\n", argv[2]);
			return 2;
		}
	}
	if (config_load(&cfg, argv[1], err, sizeof(err)) != 0 ||
	    secrets_load(&cfg, &sec, err, sizeof(err)) != 0) {
		fprintf(stderr, "tokens: %s\n", err);
		return 1;
	}
	if (crypto_random(raw, sizeof(raw)) != 0 ||
	    crypto_hmac_sha256(sec.csrf_key, sizeof(sec.csrf_key), raw, sizeof(raw), key) != 0) {
		fprintf(stderr, "tokens: crypto failed\n");
		return 1;
	}
	crypto_hex(raw, sizeof(raw), hex);
	printf("%s\n", hex);
	now = (int64_t)time(NULL);
	for (i = 0; i < n; i++) {
		if (csrf_issue(key, sizeof(key), now, token) != 0) {
			fprintf(stderr, "tokens: csrf_issue failed\n");
			return 1;
		}
		printf("%s\n", token);
	}
	secrets_wipe(&sec);
	explicit_bzero(key, sizeof(key));
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "tokens: write failed\n");
		return 1;
	}
	return 0;
}
