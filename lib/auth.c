/* auth: see auth.h. */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "auth.h"
#include "crypto.h"
#include "validate.h"

int
auth_hash(const char *pw, size_t len, const uint8_t salt[AUTH_SALT_LEN], unsigned iter,
    uint8_t out[AUTH_HASH_LEN])
{
	if (len > AUTH_PW_MAX * 4 || iter == 0 || iter > 10000000)
		return -1;
	return PKCS5_PBKDF2_HMAC(pw, (int)len, salt, AUTH_SALT_LEN, (int)iter, EVP_sha256(),
	    AUTH_HASH_LEN, out) == 1 ? 0 : -1;
}

int
auth_new_hash(const char *pw, size_t len, uint8_t salt[AUTH_SALT_LEN], uint8_t out[AUTH_HASH_LEN])
{
	if (crypto_random(salt, AUTH_SALT_LEN) != 0)
		return -1;
	return auth_hash(pw, len, salt, AUTH_ITERATIONS, out);
}

bool
auth_verify(const char *pw, size_t len, const uint8_t salt[AUTH_SALT_LEN], unsigned iter,
    const uint8_t hash[AUTH_HASH_LEN])
{
	uint8_t got[AUTH_HASH_LEN];
	bool ok;

	if (auth_hash(pw, len, salt, iter, got) != 0)
		return false;
	ok = crypto_equal(got, sizeof(got), hash, AUTH_HASH_LEN);
	explicit_bzero(got, sizeof(got));
	return ok;
}

const char *
auth_password_problem(const char *pw, size_t len)
{
	int lower = 0, upper = 0, digit = 0, other = 0;
	size_t i, chars;

	if (!utf8_valid(pw, len) || !text_clean(pw, len, false))
		return "密码含有无效字符。";
	chars = utf8_count(pw, len);
	if (chars < AUTH_PW_MIN || chars > AUTH_PW_MAX)
		return "密码长度应为10至128个字符。";
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)pw[i];
		if (c >= 'a' && c <= 'z')
			lower = 1;
		else if (c >= 'A' && c <= 'Z')
			upper = 1;
		else if (c >= '0' && c <= '9')
			digit = 1;
		else
			other = 1;
	}
	if (lower + upper + digit + other < 3)
		return "密码须包含小写字母、大写字母、数字、符号中的至少三类。";
	return NULL;
}

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

void
base32_encode(const uint8_t *in, size_t len, char *out)
{
	uint32_t buf = 0;
	int bits = 0;
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		buf = (buf << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			out[n++] = b32[(buf >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[n++] = b32[(buf << (5 - bits)) & 31];
	out[n] = '\0';
}

int
base32_decode(const char *s, uint8_t *out, size_t cap, size_t *outlen)
{
	uint32_t buf = 0;
	int bits = 0;
	size_t n = 0;

	for (; *s != '\0'; s++) {
		char c = *s;
		const char *p;

		if (c == ' ' || c == '=')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if ((p = strchr(b32, c)) == NULL || c == '\0')
			return -1;
		buf = (buf << 5) | (uint32_t)(p - b32);
		bits += 5;
		if (bits >= 8) {
			if (n >= cap)
				return -1;
			out[n++] = (uint8_t)(buf >> (bits - 8));
			bits -= 8;
		}
	}
	*outlen = n;
	return 0;
}

int
totp_code(const uint8_t *secret, size_t len, int64_t t)
{
	uint8_t msg[8], mac[EVP_MAX_MD_SIZE];
	unsigned int maclen = 0, off;
	uint64_t step = (uint64_t)(t / 30);
	uint32_t bin;
	int i;

	for (i = 7; i >= 0; i--) {
		msg[i] = (uint8_t)step;
		step >>= 8;
	}
	if (HMAC(EVP_sha1(), secret, (int)len, msg, sizeof(msg), mac, &maclen) == NULL ||
	    maclen < 20)
		return -1;
	off = mac[maclen - 1] & 0x0f;
	bin = ((uint32_t)(mac[off] & 0x7f) << 24) | ((uint32_t)mac[off + 1] << 16) |
	    ((uint32_t)mac[off + 2] << 8) | mac[off + 3];
	return (int)(bin % 1000000);
}

int64_t
totp_accept(const uint8_t *secret, size_t len, int64_t now, const char *code, size_t codelen,
    int64_t after)
{
	int64_t step = now / 30, found = -1;
	int want = 0, d;
	size_t i;

	if (codelen != 6)
		return -1;
	for (i = 0; i < 6; i++) {
		if (code[i] < '0' || code[i] > '9')
			return -1;
		want = want * 10 + (code[i] - '0');
	}
	/* All three windows are computed, so the time taken does not say which matched. */
	for (d = -1; d <= 1; d++)
		if (totp_code(secret, len, (step + d) * 30) == want && step + d > after)
			found = step + d;
	return found;
}

bool
totp_verify(const uint8_t *secret, size_t len, int64_t now, const char *code, size_t codelen)
{
	return totp_accept(secret, len, now, code, codelen, -1) >= 0;
}

int64_t
auth_lock_seconds(unsigned failures)
{
	if (failures < 5)
		return 0;
	if (failures >= 11)
		return 3600;
	return (int64_t)60 << (failures - 5);
}
