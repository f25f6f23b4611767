/*
 * tokens.c: the user-facing secrets (see crypto.h): ticket numbers (16 digits, Luhn), query
 * codes (8 symbols of CODE_ALPHABET) and CSRF tokens (base64url, HMAC-SHA256, issue time).
 *
 * Random bytes and MACs are wiped with OPENSSL_cleanse() on every path. Nothing here prints.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/crypto.h>

#include "crypto.h"
#include "crypto_impl.h"

#define INPUT_MAX	40	/* bytes of user input looked at by ticket_parse, code_parse */
#define TICKET_DIGITS	16
#define CODE_LEN	8

#define CSRF_TIME_LEN	8
#define CSRF_NONCE_LEN	16
#define CSRF_MAC_LEN	16
#define CSRF_SIGNED_LEN	(CSRF_TIME_LEN + CSRF_NONCE_LEN)
#define CSRF_RAW_LEN	(CSRF_SIGNED_LEN + CSRF_MAC_LEN)
#define CSRF_SKEW	60

_Static_assert((CSRF_RAW_LEN * 4 + 2) / 3 == CSRF_TOKEN_LEN,
    "CSRF_TOKEN_LEN must be the unpadded base64url length of CSRF_RAW_LEN bytes");
_Static_assert(sizeof(CODE_ALPHABET) - 1 == 32, "CODE_ALPHABET must have 32 symbols");

static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* ---- tickets ---- */

/*
 * Luhn sum of the digits d[0..n), weighting from the right; dbl says whether the rightmost
 * digit is doubled (true when a check digit is still to be appended).
 */
static unsigned int
luhn_sum(const char *d, size_t n, bool dbl)
{
	unsigned int	 sum = 0, v;
	size_t		 i;

	for (i = n; i > 0; i--) {
		v = (unsigned int)(d[i - 1] - '0');
		if (dbl) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
		dbl = !dbl;
	}
	return sum;
}

int
ticket_new(char out[17])
{
	uint8_t		 rnd[32];
	size_t		 have = 0, used = 0, n = 0;
	unsigned int	 b;
	int		 rc = -1;

	if (out == NULL)
		goto fail;
	while (n < TICKET_DIGITS - 1) {
		if (used == have) {
			if (crypto_random(rnd, sizeof(rnd)) == -1)
				goto fail;
			have = sizeof(rnd);
			used = 0;
		}
		b = rnd[used++];
		/*
		 * Rejection sampling: 252 = 9 * 28 and 250 = 10 * 25, so the bytes kept map
		 * uniformly onto 1-9 and 0-9.
		 */
		if (n == 0) {
			if (b < 252)
				out[n++] = (char)('1' + b % 9);
		} else {
			if (b < 250)
				out[n++] = (char)('0' + b % 10);
		}
	}
	out[n] = (char)('0' + (10 - luhn_sum(out, n, true) % 10) % 10);
	out[n + 1] = '\0';
	rc = 0;
 fail:
	OPENSSL_cleanse(rnd, sizeof(rnd));
	if (rc == -1 && out != NULL)
		out[0] = '\0';
	return rc;
}

void
ticket_from_bytes(const uint8_t b[32], char out[17])
{
	uint64_t v = 0;
	size_t i;

	/* 64 bits onto 9 * 10^14 values: the bias (under 10^-4) tells nothing of the key. */
	for (i = 0; i < 8; i++)
		v = v << 8 | b[i];
	v = v % 900000000000000ULL + 100000000000000ULL;
	for (i = TICKET_DIGITS - 1; i > 0; i--) {
		out[i - 1] = (char)('0' + v % 10);
		v /= 10;
	}
	out[TICKET_DIGITS - 1] = (char)('0' + (10 - luhn_sum(out, TICKET_DIGITS - 1, true) % 10) %
	    10);
	out[TICKET_DIGITS] = '\0';
}

bool
ticket_parse(const char *s, size_t len, char out[17])
{
	char	 buf[TICKET_DIGITS + 1];
	size_t	 i, n = 0;
	bool	 ok = false;

	if (s == NULL || out == NULL || len > INPUT_MAX)
		goto fail;
	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '-')
			continue;
		if (s[i] < '0' || s[i] > '9' || n == TICKET_DIGITS)
			goto fail;
		buf[n++] = s[i];
	}
	if (n != TICKET_DIGITS || buf[0] == '0' || luhn_sum(buf, n, false) % 10 != 0)
		goto fail;
	buf[n] = '\0';
	memcpy(out, buf, sizeof(buf));
	ok = true;
 fail:
	if (!ok && out != NULL)
		out[0] = '\0';
	return ok;
}

/* ---- query codes ---- */

void
code_from_bytes(const uint8_t mac[32], char out[9])
{
	uint64_t	 v = 0;
	size_t		 i;

	for (i = 0; i < 5; i++)
		v = v << 8 | mac[i];
	for (i = 0; i < CODE_LEN; i++)
		out[i] = CODE_ALPHABET[(v >> (35 - 5 * i)) & 0x1f];
	out[CODE_LEN] = '\0';
}

bool
code_parse(const char *s, size_t len, char out[9])
{
	char		 buf[CODE_LEN + 1];
	size_t		 i, n = 0;
	unsigned char	 c;
	bool		 ok = false;

	if (s == NULL || out == NULL || len > INPUT_MAX)
		goto fail;
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if (c == '\0' || strchr(CODE_ALPHABET, c) == NULL || n == CODE_LEN)
			goto fail;
		buf[n++] = (char)c;
	}
	if (n != CODE_LEN)
		goto fail;
	buf[n] = '\0';
	memcpy(out, buf, sizeof(buf));
	ok = true;
 fail:
	if (!ok && out != NULL)
		out[0] = '\0';
	return ok;
}

/* ---- CSRF tokens ---- */

/* Unpadded base64url of in[0..len) into out, which takes (4 * len + 2) / 3 + 1 bytes. */
static void
b64url_encode(const uint8_t *in, size_t len, char *out)
{
	uint32_t	 acc = 0;
	unsigned int	 bits = 0;
	size_t		 i, o = 0;

	for (i = 0; i < len; i++) {
		acc = (acc << 8 | in[i]) & 0xffff;
		bits += 8;
		while (bits >= 6) {
			bits -= 6;
			out[o++] = b64url[(acc >> bits) & 0x3f];
		}
	}
	if (bits > 0)
		out[o++] = b64url[(acc << (6 - bits)) & 0x3f];
	out[o] = '\0';
}

/* Value of base64url character c, or -1. */
static int
b64url_value(char c)
{
	int	 v = -1;

	if (c >= 'A' && c <= 'Z')
		v = c - 'A';
	else if (c >= 'a' && c <= 'z')
		v = c - 'a' + 26;
	else if (c >= '0' && c <= '9')
		v = c - '0' + 52;
	else if (c == '-')
		v = 62;
	else if (c == '_')
		v = 63;
	return v;
}

/*
 * Decode unpadded base64url s[0..slen) into exactly outlen bytes. Strict: slen must be the
 * encoded length of outlen bytes and the unused low bits of the last character must be zero,
 * so that every value has exactly one spelling. 0 ok, -1 otherwise.
 */
static int
b64url_decode(const char *s, size_t slen, uint8_t *out, size_t outlen)
{
	uint32_t	 acc = 0;
	unsigned int	 bits = 0;
	size_t		 i, o = 0;
	int		 v, rc = -1;

	if (outlen > (SIZE_MAX - 2) / 4 || slen != (4 * outlen + 2) / 3)
		goto fail;
	for (i = 0; i < slen; i++) {
		if ((v = b64url_value(s[i])) == -1)
			goto fail;
		acc = (acc << 6 | (uint32_t)v) & 0xffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	if (o != outlen || (acc & ((1u << bits) - 1)) != 0)
		goto fail;
	rc = 0;
 fail:
	return rc;
}

/* Map a two's complement int64 (stored in a uint64) so that unsigned order is signed order. */
static uint64_t
time_order(uint64_t t)
{
	return t ^ (uint64_t)1 << 63;
}

int
csrf_issue(const uint8_t *key, size_t keylen, int64_t now, char out[CSRF_TOKEN_LEN + 1])
{
	uint8_t	 raw[CSRF_RAW_LEN], mac[SHA256_LEN];
	int	 rc = -1;

	if (out == NULL || key == NULL || keylen == 0)
		goto fail;
	put_be64(raw, (uint64_t)now);
	if (crypto_random(raw + CSRF_TIME_LEN, CSRF_NONCE_LEN) == -1)
		goto fail;
	if (crypto_hmac_sha256(key, keylen, raw, CSRF_SIGNED_LEN, mac) == -1)
		goto fail;
	memcpy(raw + CSRF_SIGNED_LEN, mac, CSRF_MAC_LEN);
	b64url_encode(raw, sizeof(raw), out);
	rc = 0;
 fail:
	OPENSSL_cleanse(raw, sizeof(raw));
	OPENSSL_cleanse(mac, sizeof(mac));
	if (rc == -1 && out != NULL)
		out[0] = '\0';
	return rc;
}

bool
csrf_check(const uint8_t *key, size_t keylen, const char *token, size_t len, int64_t now,
    int64_t max_age)
{
	uint8_t		 raw[CSRF_RAW_LEN], mac[SHA256_LEN];
	uint64_t	 issued, t = (uint64_t)now;
	bool		 ok = false;

	if (key == NULL || keylen == 0 || token == NULL || len != CSRF_TOKEN_LEN || max_age < 0)
		goto fail;
	if (b64url_decode(token, len, raw, sizeof(raw)) == -1)
		goto fail;
	if (crypto_hmac_sha256(key, keylen, raw, CSRF_SIGNED_LEN, mac) == -1)
		goto fail;
	if (CRYPTO_memcmp(mac, raw + CSRF_SIGNED_LEN, CSRF_MAC_LEN) != 0)
		goto fail;
	/*
	 * Times are compared as two's complement in uint64: differences are exact modulo 2^64
	 * and nothing can overflow, whatever the token says.
	 */
	issued = get_be64(raw);
	if (time_order(issued) <= time_order(t))
		ok = t - issued <= (uint64_t)max_age;
	else
		ok = issued - t <= CSRF_SKEW;
 fail:
	OPENSSL_cleanse(raw, sizeof(raw));
	OPENSSL_cleanse(mac, sizeof(mac));
	return ok;
}
