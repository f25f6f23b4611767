/*
 * crypto.c: the primitives of jubao's cryptography, on OpenSSL 3.0 (see crypto.h): random
 * bytes, SHA-256, HMAC-SHA256 (and HMAC over several parts, with any digest, for seal.c),
 * constant-time comparison, hex. Sealing of identities is in seal.c; tickets, query codes and
 * CSRF tokens are in tokens.c.
 *
 * Algorithms are fetched per call (EVP_*_fetch) and freed before returning: no global state,
 * nothing to initialise or tear down. Intermediate secrets are wiped with OPENSSL_cleanse() on
 * every path. Nothing here prints.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "crypto.h"
#include "crypto_impl.h"

static const char hexdigits[] = "0123456789abcdef";

/* See crypto_impl.h. */
int
crypto_hmac_parts(const char *digest, const void *key, size_t keylen, const struct part *parts,
    size_t nparts, uint8_t *out, size_t outlen)
{
	static const uint8_t	 nokey[1];
	EVP_MAC			*mac = NULL;
	EVP_MAC_CTX		*ctx = NULL;
	OSSL_PARAM		 params[2];
	uint8_t			 md[EVP_MAX_MD_SIZE];
	size_t			 i, mdlen = 0;
	int			 rc = -1;

	if (key == NULL && keylen > 0)
		goto fail;
	if ((mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		goto fail;
	if ((ctx = EVP_MAC_CTX_new(mac)) == NULL)
		goto fail;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	/* A NULL key would mean "keep the previous key" to EVP_MAC_init(). */
	if (EVP_MAC_init(ctx, key != NULL ? key : nokey, keylen, params) != 1)
		goto fail;
	for (i = 0; i < nparts; i++) {
		if (parts[i].len == 0)
			continue;
		if (parts[i].p == NULL)
			goto fail;
		if (EVP_MAC_update(ctx, parts[i].p, parts[i].len) != 1)
			goto fail;
	}
	if (EVP_MAC_final(ctx, md, &mdlen, sizeof(md)) != 1)
		goto fail;
	if (mdlen != outlen)
		goto fail;
	memcpy(out, md, outlen);
	rc = 0;
 fail:
	OPENSSL_cleanse(md, sizeof(md));
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return rc;
}

int
crypto_random(void *buf, size_t len)
{
	uint8_t	*p = buf;
	size_t	 n;
	int	 rc = -1;

	if (p == NULL && len > 0)
		goto fail;
	while (len > 0) {
		n = len > (size_t)INT_MAX ? (size_t)INT_MAX : len;
		if (RAND_bytes(p, (int)n) != 1)
			goto fail;
		p += n;
		len -= n;
	}
	rc = 0;
 fail:
	return rc;
}

int
crypto_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
    uint8_t out[32])
{
	struct part	 part;

	part.p = msg;
	part.len = msglen;
	return crypto_hmac_parts("SHA256", key, keylen, &part, 1, out, SHA256_LEN);
}

int
crypto_hmac2(const void *key, size_t keylen, const void *a, size_t alen, const void *b,
    size_t blen, uint8_t out[32])
{
	struct part	 parts[3];
	uint8_t		 prefix[4];
	int		 rc = -1;

	if ((uint64_t)alen > UINT32_MAX)
		goto fail;
	put_be32(prefix, (uint32_t)alen);
	parts[0].p = prefix;
	parts[0].len = sizeof(prefix);
	parts[1].p = a;
	parts[1].len = alen;
	parts[2].p = b;
	parts[2].len = blen;
	if (crypto_hmac_parts("SHA256", key, keylen, parts, 3, out, SHA256_LEN) == -1)
		goto fail;
	rc = 0;
 fail:
	return rc;
}

int
crypto_sha256(const void *msg, size_t len, uint8_t out[32])
{
	size_t	 mdlen = 0;
	int	 rc = -1;

	if (msg == NULL && len > 0)
		goto fail;
	if (EVP_Q_digest(NULL, "SHA256", NULL, msg != NULL ? msg : "", len, out, &mdlen) != 1)
		goto fail;
	if (mdlen != SHA256_LEN)
		goto fail;
	rc = 0;
 fail:
	return rc;
}

bool
crypto_equal(const void *a, size_t alen, const void *b, size_t blen)
{
	bool	 eq = false;

	if (alen == blen)
		eq = alen == 0 || CRYPTO_memcmp(a, b, alen) == 0;
	return eq;
}

void
crypto_hex(const uint8_t *in, size_t len, char *out)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		out[2 * i] = hexdigits[in[i] >> 4];
		out[2 * i + 1] = hexdigits[in[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

/* Value of hex digit c (either case), or -1. */
static int
hex_nibble(char c)
{
	int	 v = -1;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	return v;
}

int
crypto_unhex(const char *s, size_t slen, uint8_t *out, size_t outlen)
{
	size_t	 i;
	int	 hi, lo, rc = -1;

	if ((s == NULL && slen > 0) || (out == NULL && outlen > 0))
		goto fail;
	if (outlen > SIZE_MAX / 2 || slen != 2 * outlen)
		goto fail;
	for (i = 0; i < outlen; i++) {
		hi = hex_nibble(s[2 * i]);
		lo = hex_nibble(s[2 * i + 1]);
		if (hi == -1 || lo == -1)
			goto fail;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	rc = 0;
 fail:
	/* out may be meant for a key: leave no partial value behind. */
	if (rc == -1 && out != NULL && outlen > 0)
		OPENSSL_cleanse(out, outlen);
	return rc;
}
