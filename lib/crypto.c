/*
 * crypto.c: every cryptographic operation of jubao, on OpenSSL 3.0 (see crypto.h for the
 * formats). This file owns the sealing of the reporter's identity, the key ring lookup, and
 * the generation and parsing of tickets, query codes and CSRF tokens.
 *
 * Algorithms are fetched per call (EVP_*_fetch) and freed before returning: no global state,
 * nothing to initialise or tear down. Intermediate secrets (subkeys, MACs, random bytes) are
 * wiped with OPENSSL_cleanse() on every path. Nothing here prints.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "crypto.h"

#define SHA256_LEN	32
#define SM3_LEN		32

#define GCM_IV_LEN	12
#define GCM_TAG_LEN	16
#define SM4_KEY_LEN	16
#define SM4_IV_LEN	16
#define SM4_TAG_LEN	SM3_LEN

#define SUBKEY_ENC	"jubao seal enc"
#define SUBKEY_MAC	"jubao seal mac"

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

/* One piece of a message that is MACed in several parts. */
struct part {
	const void	*p;
	size_t		 len;
};

static const char hexdigits[] = "0123456789abcdef";
static const char b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static void
put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t
get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, (uint32_t)(v >> 32));
	put_be32(p + 4, (uint32_t)v);
}

static uint64_t
get_be64(const uint8_t *p)
{
	return (uint64_t)get_be32(p) << 32 | get_be32(p + 4);
}

/*
 * HMAC with the named digest ("SHA256", "SM3") under key over the concatenation of parts into
 * out, which takes outlen bytes: the digest's size must be exactly outlen. An empty key is
 * allowed. 0 ok, -1 failure (out then holds nothing useful).
 */
static int
hmac_parts(const char *digest, const void *key, size_t keylen, const struct part *parts,
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
	return hmac_parts("SHA256", key, keylen, &part, 1, out, SHA256_LEN);
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
	if (hmac_parts("SHA256", key, keylen, parts, 3, out, SHA256_LEN) == -1)
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

/* ---- sealing ---- */

/* IV and tag lengths of alg. 0 ok, -1 unknown alg. */
static int
seal_params(enum seal_alg alg, size_t *ivlen, size_t *taglen)
{
	int	 rc = -1;

	switch (alg) {
	case SEAL_AES256_GCM:
		*ivlen = GCM_IV_LEN;
		*taglen = GCM_TAG_LEN;
		rc = 0;
		break;
	case SEAL_SM4_CTR_HMAC_SM3:
		*ivlen = SM4_IV_LEN;
		*taglen = SM4_TAG_LEN;
		rc = 0;
		break;
	default:
		break;
	}
	return rc;
}

size_t
seal_size(enum seal_alg alg, size_t n)
{
	size_t	 ivlen, taglen, over, size = 0;

	if (seal_params(alg, &ivlen, &taglen) == 0) {
		over = SEAL_HDR_LEN + ivlen + taglen;
		if (n <= SIZE_MAX - over)
			size = over + n;
	}
	return size;
}

/*
 * AES-256-GCM of pt[0..ptlen) under key (32 bytes) and iv (12 bytes) into ct (ptlen bytes) and
 * tag (16 bytes); the AAD is hdr (SEAL_HDR_LEN bytes) || aad. ptlen, aadlen <= INT_MAX.
 * 0 ok, -1 failure.
 */
static int
gcm_seal(const uint8_t *key, const uint8_t *hdr, const uint8_t *iv, const void *aad,
    size_t aadlen, const void *pt, size_t ptlen, uint8_t *ct, uint8_t *tag)
{
	EVP_CIPHER	*cipher = NULL;
	EVP_CIPHER_CTX	*ctx = NULL;
	int		 n = 0, fin = 0, rc = -1;

	if ((cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL)) == NULL)
		goto fail;
	if (EVP_CIPHER_get_key_length(cipher) != SEAL_KEY_LEN)
		goto fail;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		goto fail;
	if (EVP_EncryptInit_ex2(ctx, cipher, NULL, NULL, NULL) != 1)
		goto fail;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, GCM_IV_LEN, NULL) <= 0)
		goto fail;
	if (EVP_EncryptInit_ex2(ctx, NULL, key, iv, NULL) != 1)
		goto fail;
	if (EVP_EncryptUpdate(ctx, NULL, &n, hdr, SEAL_HDR_LEN) != 1)
		goto fail;
	if (aadlen > 0 && EVP_EncryptUpdate(ctx, NULL, &n, aad, (int)aadlen) != 1)
		goto fail;
	n = 0;
	if (ptlen > 0 && EVP_EncryptUpdate(ctx, ct, &n, pt, (int)ptlen) != 1)
		goto fail;
	if (EVP_EncryptFinal_ex(ctx, ct + n, &fin) != 1)
		goto fail;
	if (n < 0 || fin < 0 || (size_t)n + (size_t)fin != ptlen)
		goto fail;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, GCM_TAG_LEN, tag) <= 0)
		goto fail;
	rc = 0;
 fail:
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(cipher);
	return rc;
}

/*
 * Reverse of gcm_seal: decrypt ct[0..ctlen) into pt and check tag (16 bytes) in
 * EVP_DecryptFinal_ex. 0 ok; -1 on any failure, and then pt may hold unauthenticated bytes that
 * the caller must wipe.
 */
static int
gcm_open(const uint8_t *key, const uint8_t *hdr, const uint8_t *iv, const void *aad,
    size_t aadlen, const uint8_t *ct, size_t ctlen, const uint8_t *tag, uint8_t *pt)
{
	EVP_CIPHER	*cipher = NULL;
	EVP_CIPHER_CTX	*ctx = NULL;
	uint8_t		 t[GCM_TAG_LEN];
	int		 n = 0, fin = 0, rc = -1;

	memcpy(t, tag, sizeof(t));	/* the ctrl takes a non-const pointer */
	if ((cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL)) == NULL)
		goto fail;
	if (EVP_CIPHER_get_key_length(cipher) != SEAL_KEY_LEN)
		goto fail;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		goto fail;
	if (EVP_DecryptInit_ex2(ctx, cipher, NULL, NULL, NULL) != 1)
		goto fail;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, GCM_IV_LEN, NULL) <= 0)
		goto fail;
	if (EVP_DecryptInit_ex2(ctx, NULL, key, iv, NULL) != 1)
		goto fail;
	if (EVP_DecryptUpdate(ctx, NULL, &n, hdr, SEAL_HDR_LEN) != 1)
		goto fail;
	if (aadlen > 0 && EVP_DecryptUpdate(ctx, NULL, &n, aad, (int)aadlen) != 1)
		goto fail;
	n = 0;
	if (ctlen > 0 && EVP_DecryptUpdate(ctx, pt, &n, ct, (int)ctlen) != 1)
		goto fail;
	if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, GCM_TAG_LEN, t) <= 0)
		goto fail;
	if (EVP_DecryptFinal_ex(ctx, pt + n, &fin) != 1)
		goto fail;
	if (n < 0 || fin < 0 || (size_t)n + (size_t)fin != ctlen)
		goto fail;
	rc = 0;
 fail:
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(cipher);
	return rc;
}

/*
 * The two SM4 subkeys of a 32-byte seal key: enc = first 16 bytes of HMAC-SM3(key,
 * "jubao seal enc"), mac = HMAC-SM3(key, "jubao seal mac"). 0 ok, -1 failure (both wiped).
 */
static int
sm4_subkeys(const uint8_t *key, uint8_t enc[SM4_KEY_LEN], uint8_t mac[SM3_LEN])
{
	struct part	 label;
	uint8_t		 full[SM3_LEN];
	int		 rc = -1;

	label.p = SUBKEY_ENC;
	label.len = sizeof(SUBKEY_ENC) - 1;
	if (hmac_parts("SM3", key, SEAL_KEY_LEN, &label, 1, full, sizeof(full)) == -1)
		goto fail;
	memcpy(enc, full, SM4_KEY_LEN);
	label.p = SUBKEY_MAC;
	label.len = sizeof(SUBKEY_MAC) - 1;
	if (hmac_parts("SM3", key, SEAL_KEY_LEN, &label, 1, mac, SM3_LEN) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(full, sizeof(full));
	if (rc == -1) {
		OPENSSL_cleanse(enc, SM4_KEY_LEN);
		OPENSSL_cleanse(mac, SM3_LEN);
	}
	return rc;
}

/*
 * The SM4 seal tag: HMAC-SM3(mackey, signed[0..signedlen) || aad || 8-byte big-endian aadlen),
 * where signed is header || IV || ciphertext as laid out in the blob. Putting the aad length
 * after the aad keeps the encoding injective (the ciphertext length follows from the rest).
 * 0 ok, -1 failure.
 */
static int
sm4_tag(const uint8_t *mackey, const uint8_t *sig, size_t siglen, const void *aad,
    size_t aadlen, uint8_t tag[SM4_TAG_LEN])
{
	struct part	 parts[3];
	uint8_t		 alen[8];

	put_be64(alen, (uint64_t)aadlen);
	parts[0].p = sig;
	parts[0].len = siglen;
	parts[1].p = aad;
	parts[1].len = aadlen;
	parts[2].p = alen;
	parts[2].len = sizeof(alen);
	return hmac_parts("SM3", mackey, SM3_LEN, parts, 3, tag, SM4_TAG_LEN);
}

/* SM4-CTR of in[0..len) under enckey (16 bytes) and iv (16 bytes) into out. 0 ok, -1. */
static int
sm4_ctr(const uint8_t *enckey, const uint8_t *iv, const uint8_t *in, size_t len, uint8_t *out)
{
	EVP_CIPHER	*cipher = NULL;
	EVP_CIPHER_CTX	*ctx = NULL;
	int		 n = 0, fin = 0, rc = -1;

	if (len > (size_t)INT_MAX)
		goto fail;
	if ((cipher = EVP_CIPHER_fetch(NULL, "SM4-CTR", NULL)) == NULL)
		goto fail;
	if (EVP_CIPHER_get_key_length(cipher) != SM4_KEY_LEN ||
	    EVP_CIPHER_get_iv_length(cipher) != SM4_IV_LEN)
		goto fail;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL)
		goto fail;
	if (EVP_EncryptInit_ex2(ctx, cipher, enckey, iv, NULL) != 1)
		goto fail;
	if (len > 0 && EVP_EncryptUpdate(ctx, out, &n, in, (int)len) != 1)
		goto fail;
	if (EVP_EncryptFinal_ex(ctx, out + n, &fin) != 1)
		goto fail;
	if (n < 0 || fin < 0 || (size_t)n + (size_t)fin != len)
		goto fail;
	rc = 0;
 fail:
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(cipher);
	return rc;
}

/*
 * SM4-CTR + HMAC-SM3 (encrypt-then-MAC) of pt into blob, whose header and IV are already
 * written: ciphertext at blob + SEAL_HDR_LEN + SM4_IV_LEN, tag after it. 0 ok, -1 failure.
 */
static int
sm4_seal(const uint8_t *key, uint8_t *blob, const void *aad, size_t aadlen, const void *pt,
    size_t ptlen)
{
	uint8_t		 enc[SM4_KEY_LEN], mac[SM3_LEN];
	uint8_t		*iv = blob + SEAL_HDR_LEN, *ct = iv + SM4_IV_LEN;
	int		 rc = -1;

	if (sm4_subkeys(key, enc, mac) == -1)
		goto fail;
	if (sm4_ctr(enc, iv, pt, ptlen, ct) == -1)
		goto fail;
	if (sm4_tag(mac, blob, SEAL_HDR_LEN + SM4_IV_LEN + ptlen, aad, aadlen,
	    ct + ptlen) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(enc, sizeof(enc));
	OPENSSL_cleanse(mac, sizeof(mac));
	return rc;
}

/*
 * Reverse of sm4_seal for a blob with ctlen bytes of ciphertext: the MAC is checked (constant
 * time) first, and only then is the ciphertext decrypted into pt. 0 ok, -1 failure (pt may
 * then hold bytes that the caller must wipe).
 */
static int
sm4_open(const uint8_t *key, const uint8_t *blob, size_t ctlen, const void *aad, size_t aadlen,
    uint8_t *pt)
{
	uint8_t		 enc[SM4_KEY_LEN], mac[SM3_LEN], want[SM4_TAG_LEN];
	const uint8_t	*iv = blob + SEAL_HDR_LEN, *ct = iv + SM4_IV_LEN;
	int		 rc = -1;

	if (sm4_subkeys(key, enc, mac) == -1)
		goto fail;
	if (sm4_tag(mac, blob, SEAL_HDR_LEN + SM4_IV_LEN + ctlen, aad, aadlen, want) == -1)
		goto fail;
	if (CRYPTO_memcmp(want, ct + ctlen, SM4_TAG_LEN) != 0)
		goto fail;
	if (sm4_ctr(enc, iv, ct, ctlen, pt) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(enc, sizeof(enc));
	OPENSSL_cleanse(mac, sizeof(mac));
	OPENSSL_cleanse(want, sizeof(want));
	return rc;
}

int
seal(const struct seal_key *k, const void *aad, size_t aadlen, const void *pt, size_t ptlen,
    uint8_t *out, size_t outcap, size_t *outlen)
{
	size_t	 ivlen, taglen, need = 0;
	uint8_t	*iv, *ct;
	int	 r = -1, rc = -1;

	if (outlen != NULL)
		*outlen = 0;
	if (k == NULL || out == NULL || outlen == NULL)
		goto fail;
	if ((aad == NULL && aadlen > 0) || (pt == NULL && ptlen > 0))
		goto fail;
	if (ptlen > (size_t)INT_MAX || aadlen > (size_t)INT_MAX)
		goto fail;
	if (seal_params(k->alg, &ivlen, &taglen) == -1)
		goto fail;
	if ((need = seal_size(k->alg, ptlen)) == 0 || outcap < need) {
		need = 0;
		goto fail;
	}

	out[0] = (uint8_t)k->alg;
	put_be32(out + 1, k->id);
	iv = out + SEAL_HDR_LEN;
	ct = iv + ivlen;
	if (crypto_random(iv, ivlen) == -1)
		goto fail;
	switch (k->alg) {
	case SEAL_AES256_GCM:
		r = gcm_seal(k->key, out, iv, aad, aadlen, pt, ptlen, ct, ct + ptlen);
		break;
	case SEAL_SM4_CTR_HMAC_SM3:
		r = sm4_seal(k->key, out, aad, aadlen, pt, ptlen);
		break;
	default:
		break;
	}
	if (r == -1)
		goto fail;
	*outlen = need;
	rc = 0;
 fail:
	if (rc == -1 && need > 0)
		OPENSSL_cleanse(out, need);
	return rc;
}

int
unseal(const struct keyring *ring, const void *aad, size_t aadlen, const uint8_t *blob,
    size_t bloblen, uint8_t *pt, size_t ptcap, size_t *ptlen)
{
	const struct seal_key	*k;
	enum seal_alg		 alg;
	uint32_t		 id;
	size_t			 ivlen, taglen, over, n = 0;
	int			 r = -1, rc = -1;

	if (ptlen != NULL)
		*ptlen = 0;
	if (ring == NULL || blob == NULL || pt == NULL || ptlen == NULL)
		goto fail;
	if ((aad == NULL && aadlen > 0) || aadlen > (size_t)INT_MAX)
		goto fail;
	if (seal_header(blob, bloblen, &alg, &id) == -1)
		goto fail;
	if ((k = keyring_find(ring, id)) == NULL || k->alg != alg)
		goto fail;
	if (seal_params(alg, &ivlen, &taglen) == -1)
		goto fail;
	over = SEAL_HDR_LEN + ivlen + taglen;
	if (bloblen < over || bloblen - over > (size_t)INT_MAX || ptcap < bloblen - over)
		goto fail;

	n = bloblen - over;
	switch (alg) {
	case SEAL_AES256_GCM:
		r = gcm_open(k->key, blob, blob + SEAL_HDR_LEN, aad, aadlen,
		    blob + SEAL_HDR_LEN + ivlen, n, blob + SEAL_HDR_LEN + ivlen + n, pt);
		break;
	case SEAL_SM4_CTR_HMAC_SM3:
		r = sm4_open(k->key, blob, n, aad, aadlen, pt);
		break;
	default:
		break;
	}
	if (r == -1)
		goto fail;
	*ptlen = n;
	rc = 0;
 fail:
	/* GCM decrypts before its tag is checked: leave no unauthenticated plaintext. */
	if (rc == -1 && n > 0)
		OPENSSL_cleanse(pt, n);
	return rc;
}

int
seal_header(const uint8_t *blob, size_t bloblen, enum seal_alg *alg, uint32_t *key_id)
{
	int	 rc = -1;

	if (blob == NULL || bloblen < SEAL_HDR_LEN)
		goto fail;
	if (blob[0] != SEAL_AES256_GCM && blob[0] != SEAL_SM4_CTR_HMAC_SM3)
		goto fail;
	if (alg != NULL)
		*alg = (enum seal_alg)blob[0];
	if (key_id != NULL)
		*key_id = get_be32(blob + 1);
	rc = 0;
 fail:
	return rc;
}

const struct seal_key *
keyring_find(const struct keyring *ring, uint32_t id)
{
	const struct seal_key	*k = NULL;
	size_t			 i;

	for (i = 0; ring != NULL && i < ring->nkeys && i < KEYRING_MAX; i++) {
		if (ring->keys[i].id == id) {
			k = &ring->keys[i];
			break;
		}
	}
	return k;
}

bool
seal_alg_available(enum seal_alg alg)
{
	EVP_CIPHER	*cipher = NULL;
	EVP_MD		*md = NULL;
	EVP_MAC		*mac = NULL;
	bool		 ok = false;

	/*
	 * A failed fetch is an answer here, not an error to leave on the queue. (ERR_set_mark()
	 * only reports whether the queue was empty: its value is no error indication.)
	 */
	(void)ERR_set_mark();
	switch (alg) {
	case SEAL_AES256_GCM:
		cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
		ok = cipher != NULL;
		break;
	case SEAL_SM4_CTR_HMAC_SM3:
		cipher = EVP_CIPHER_fetch(NULL, "SM4-CTR", NULL);
		md = EVP_MD_fetch(NULL, "SM3", NULL);
		mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
		ok = cipher != NULL && md != NULL && mac != NULL;
		break;
	default:
		break;
	}
	(void)ERR_pop_to_mark();
	EVP_MAC_free(mac);
	EVP_MD_free(md);
	EVP_CIPHER_free(cipher);
	return ok;
}

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
