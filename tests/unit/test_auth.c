/*
 * test_auth.c: unit tests of lib/auth.c: TOTP against the RFC 6238 test vectors, base32 against
 * RFC 4648, PBKDF2-HMAC-SHA256 against a known answer, the password rules and the lock-out
 * table.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "crypto.h"
#include "unit.h"

/* RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
static const uint8_t rfc_secret[] = "12345678901234567890";
#define RFC_SECRET_LEN 20

static void
test_totp_vectors(void)
{
	/* The RFC's 8-digit SHA-1 values, reduced to 6 digits (the last six). */
	static const struct {
		int64_t t;
		int     code;
	} v[] = {
		{ 59, 287082 },               /* 94287082 */
		{ 1111111109, 81804 },        /* 07081804 */
		{ 1111111111, 50471 },        /* 14050471 */
		{ 1234567890, 5924 },         /* 89005924 */
		{ 2000000000, 279037 },       /* 69279037 */
		{ 20000000000LL, 353130 },    /* 65353130 */
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		CHECK(totp_code(rfc_secret, RFC_SECRET_LEN, v[i].t) == v[i].code);
	/* Every second of a step gives the same code. */
	CHECK(totp_code(rfc_secret, RFC_SECRET_LEN, 30) == 287082);
	CHECK(totp_code(rfc_secret, RFC_SECRET_LEN, 60) != 287082);
}

static void
code_str(int64_t t, char out[7])
{
	snprintf(out, 7, "%06d", totp_code(rfc_secret, RFC_SECRET_LEN, t));
}

/* A code is used once: its step must be later than the last accepted. */
static void
test_totp_accept_once(void)
{
	const int64_t now = 1111111109, step = now / 30;
	char c[7];

	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now, "081804", 6, -1) == step);
	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now, "081804", 6, step - 1) == step);
	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now, "081804", 6, step) == -1);
	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now + 30, "081804", 6, step) == -1);
	/* the next step's code after this one was used: accepted, and it names its own step */
	code_str(now + 30, c);
	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now, c, 6, step) == step + 1);
	/* the previous step's code after this one: refused */
	code_str(now - 30, c);
	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now, c, 6, step) == -1);
	CHECK(totp_accept(rfc_secret, RFC_SECRET_LEN, now, "08180a", 6, -1) == -1);
}

static void
test_totp_verify(void)
{
	const int64_t now = 1111111109;
	char c[7];

	CHECK(totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "287082", 6));
	CHECK(totp_verify(rfc_secret, RFC_SECRET_LEN, 1111111109, "081804", 6));
	CHECK(totp_verify(rfc_secret, RFC_SECRET_LEN, 1234567890, "005924", 6));
	/* one step either side: accepted */
	code_str(now - 30, c);
	CHECK(totp_verify(rfc_secret, RFC_SECRET_LEN, now, c, 6));
	code_str(now + 30, c);
	CHECK(totp_verify(rfc_secret, RFC_SECRET_LEN, now, c, 6));
	/* two steps: refused */
	code_str(now - 60, c);
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, now, c, 6));
	code_str(now + 60, c);
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, now, c, 6));
	/* the code of 59 seen from a minute and a half later */
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59 + 90, "287082", 6));
	/* a wrong code, non-digits, wrong lengths */
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "287083", 6));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "28708a", 6));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "28708 ", 6));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "+28708", 6));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "28708", 5));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "2870820", 7));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "94287082", 8));
	CHECK(!totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "", 0));
	/* the length given is what counts, not a NUL */
	CHECK(totp_verify(rfc_secret, RFC_SECRET_LEN, 59, "2870829", 6));
	/* another secret */
	CHECK(!totp_verify((const uint8_t *)"12345678901234567891", 20, 59, "287082", 6));
}

static void
test_base32(void)
{
	/* RFC 4648 §10, without the padding */
	static const struct {
		const char *in, *out;
	} v[] = {
		{ "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" },
		{ "foob", "MZXW6YQ" }, { "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI" },
	};
	char enc[2 * 64 + 1];
	uint8_t dec[64], raw[40];
	size_t i, n, len;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		len = strlen(v[i].in);
		base32_encode((const uint8_t *)v[i].in, len, enc);
		CHECK_STR(enc, v[i].out);
		n = 99;
		CHECK(base32_decode(v[i].out, dec, sizeof(dec), &n) == 0);
		CHECK(n == len && memcmp(dec, v[i].in, len) == 0);
	}
	/* case, spaces and padding are ignored */
	CHECK(base32_decode("mzxw 6ytb oi", dec, sizeof(dec), &n) == 0);
	CHECK(n == 6 && memcmp(dec, "foobar", 6) == 0);
	CHECK(base32_decode("MZXW6YTBOI======", dec, sizeof(dec), &n) == 0);
	CHECK(n == 6 && memcmp(dec, "foobar", 6) == 0);
	/* characters outside the alphabet: 0, 1, 8, 9, punctuation, non-ASCII */
	CHECK(base32_decode("MZXW0", dec, sizeof(dec), &n) == -1);
	CHECK(base32_decode("MZXW1", dec, sizeof(dec), &n) == -1);
	CHECK(base32_decode("MZXW8", dec, sizeof(dec), &n) == -1);
	CHECK(base32_decode("MZ-W6", dec, sizeof(dec), &n) == -1);
	CHECK(base32_decode("MZ\tW6", dec, sizeof(dec), &n) == -1);
	CHECK(base32_decode("MZXW6\xc3\xa9", dec, sizeof(dec), &n) == -1);
	/* too long for the buffer */
	CHECK(base32_decode("MZXW6YTBOI", dec, 5, &n) == -1);
	CHECK(base32_decode("MZXW6YTBOI", dec, 6, &n) == 0 && n == 6);
	/* round trip of every length up to 40 random bytes */
	for (len = 0; len <= sizeof(raw); len++) {
		CHECK(crypto_random(raw, sizeof(raw)) == 0);
		base32_encode(raw, len, enc);
		CHECK(strlen(enc) == (len * 8 + 4) / 5);
		CHECK(base32_decode(enc, dec, sizeof(dec), &n) == 0);
		CHECK(n == len && memcmp(dec, raw, len) == 0);
	}
}

static const char *
hexstr(const uint8_t *in, size_t len)
{
	static char buf[2 * 64 + 1];

	crypto_hex(in, len, buf);
	return buf;
}

static void
test_pbkdf2(void)
{
	uint8_t salt[AUTH_SALT_LEN], out[AUTH_HASH_LEN], salt2[AUTH_SALT_LEN],
	    out2[AUTH_HASH_LEN];
	size_t i;

	for (i = 0; i < sizeof(salt); i++)
		salt[i] = (uint8_t)i;
	/*
	 * Expected values computed independently with Python's hashlib:
	 *   python3 -c "import hashlib; print(hashlib.pbkdf2_hmac('sha256', b'password',
	 *       bytes(range(16)), 1000).hex())"
	 * (and with 1 iteration, and the UTF-8 password below with 2).
	 */
	CHECK(auth_hash("password", 8, salt, 1000, out) == 0);
	CHECK_STR(hexstr(out, sizeof(out)),
	    "25eb86acc76e43018f18b9a8f90c2fed462d1c799e83d48ae3d7c69046a60b67");
	CHECK(auth_hash("password", 8, salt, 1, out) == 0);
	CHECK_STR(hexstr(out, sizeof(out)),
	    "e1b08f92be8174d9f442d95d89aa4ccdc311231a4d70d0b854d1548de8fabdfd");
	CHECK(auth_hash("举报平台-Pass1", strlen("举报平台-Pass1"), salt, 2, out) == 0);
	CHECK_STR(hexstr(out, sizeof(out)),
	    "e5c422f82c3ab4c57f9d07b2ccb516fc607958c466f8e4f8787fed86a47dab39");
	/* refused parameters */
	CHECK(auth_hash("password", 8, salt, 0, out) == -1);
	CHECK(auth_hash("password", 8, salt, 10000001, out) == -1);
	CHECK(auth_hash("password", AUTH_PW_MAX * 4 + 1, salt, 1, out) == -1);

	/* verify */
	CHECK(auth_hash("password", 8, salt, 1000, out) == 0);
	CHECK(auth_verify("password", 8, salt, 1000, out));
	CHECK(!auth_verify("Password", 8, salt, 1000, out));
	CHECK(!auth_verify("password", 7, salt, 1000, out));
	CHECK(!auth_verify("password1", 9, salt, 1000, out));
	CHECK(!auth_verify("password", 8, salt, 999, out));
	CHECK(!auth_verify("password", 8, salt, 0, out));
	salt[0] ^= 1;
	CHECK(!auth_verify("password", 8, salt, 1000, out));

	/* new hashes: a fresh salt each time, the standard count, and they verify */
	CHECK(auth_new_hash("Jubao-demo-2026", 15, salt, out) == 0);
	CHECK(auth_new_hash("Jubao-demo-2026", 15, salt2, out2) == 0);
	CHECK(memcmp(salt, salt2, sizeof(salt)) != 0);
	CHECK(memcmp(out, out2, sizeof(out)) != 0);
	CHECK(auth_verify("Jubao-demo-2026", 15, salt, AUTH_ITERATIONS, out));
	CHECK(auth_verify("Jubao-demo-2026", 15, salt2, AUTH_ITERATIONS, out2));
	CHECK(!auth_verify("Jubao-demo-2026", 15, salt2, AUTH_ITERATIONS, out));
}

static bool
pw_ok(const char *pw)
{
	return auth_password_problem(pw, strlen(pw)) == NULL;
}

static void
test_password_rules(void)
{
	const char *why;
	char long_pw[AUTH_PW_MAX + 2];

	CHECK(pw_ok("Abcdefghi1"));                  /* 10 characters, three classes */
	CHECK(pw_ok("abcdefgh1!"));                  /* lower, digit, other */
	CHECK(pw_ok("Jubao-demo-2026"));
	CHECK(pw_ok("举报平台密码Ab1x"));             /* non-ASCII counts as "other" */
	/* too short, also when counted in bytes it would be long enough */
	CHECK(!pw_ok("Abcdefgh1"));
	CHECK(!pw_ok("Ab1!"));
	CHECK(!pw_ok(""));
	why = auth_password_problem("举报平台Ab1", strlen("举报平台Ab1"));
	CHECK(why != NULL && strstr(why, "长度") != NULL);
	/* only two classes */
	why = auth_password_problem("abcdefghij1", 11);
	CHECK(why != NULL && strstr(why, "三类") != NULL);
	CHECK(!pw_ok("ABCDEFGHIJKL"));
	CHECK(!pw_ok("abcdefghijkl"));
	CHECK(!pw_ok("1234567890123"));
	CHECK(!pw_ok("举报平台举报平台举报平台1"));    /* other + digit */
	/* invalid UTF-8, control characters, NUL */
	why = auth_password_problem("Abcdefgh1\xff", 10);
	CHECK(why != NULL && strstr(why, "无效") != NULL);
	CHECK(auth_password_problem("Abcdefgh1\xc0\xaf", 11) != NULL);   /* overlong '/' */
	CHECK(auth_password_problem("Abcdefghi1\n", 11) != NULL);
	CHECK(auth_password_problem("Abcdef\0ghi1", 11) != NULL);
	/* at most AUTH_PW_MAX characters */
	memset(long_pw, 'a', sizeof(long_pw));
	memcpy(long_pw, "A1", 2);
	long_pw[AUTH_PW_MAX] = '\0';
	CHECK(pw_ok(long_pw));
	long_pw[AUTH_PW_MAX] = 'a';
	long_pw[AUTH_PW_MAX + 1] = '\0';
	CHECK(!pw_ok(long_pw));
}

static void
test_lock(void)
{
	unsigned i;

	for (i = 0; i < 5; i++)
		CHECK(auth_lock_seconds(i) == 0);
	CHECK(auth_lock_seconds(5) == 60);
	CHECK(auth_lock_seconds(6) == 120);
	CHECK(auth_lock_seconds(7) == 240);
	CHECK(auth_lock_seconds(8) == 480);
	CHECK(auth_lock_seconds(9) == 960);
	CHECK(auth_lock_seconds(10) == 1920);
	CHECK(auth_lock_seconds(11) == 3600);        /* 3840 capped */
	CHECK(auth_lock_seconds(12) == 3600);
	CHECK(auth_lock_seconds(64) == 3600);
	CHECK(auth_lock_seconds(1000) == 3600);
	CHECK(auth_lock_seconds(UINT_MAX) == 3600);
	/* never shorter after another failure */
	for (i = 1; i < 100; i++)
		CHECK(auth_lock_seconds(i) >= auth_lock_seconds(i - 1));
}

int
main(void)
{
	test_totp_vectors();
	test_totp_verify();
	test_totp_accept_once();
	test_base32();
	test_pbkdf2();
	test_password_rules();
	test_lock();
	return unit_done();
}
