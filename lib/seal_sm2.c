/*
 * seal_sm2.c: SEAL_SM2 (see crypto.h for the blob format): SM2 key pairs and their checks, and
 * the SM2 public-key encryption (GB/T 32918.4, OpenSSL 3's EVP_PKEY_encrypt with an SM2 key)
 * of a message that carries a digest of the blob header and the caller's aad before the
 * plaintext. seal.c writes the header and dispatches here.
 *
 * Keys live in EVP_PKEYs (and BIGNUMs) only for the length of a call and are freed with their
 * secrets cleared. The message, which holds the plaintext, is built and opened in a buffer of
 * our own that is wiped and freed on every path, so that no plaintext reaches the caller before
 * the digest has been compared. Nothing here prints.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/params.h>

#include "crypto.h"
#include "crypto_impl.h"

#define SM3_LEN		32
#define BIND_LEN	SM3_LEN		/* the digest of header and aad before the plaintext */

/*
 * The DER ciphertext's size for a message of m bytes, at most: SEQUENCE of two INTEGERs of up
 * to 33 content bytes (a leading zero when the top bit is set), an OCTET STRING of 32 (C3) and
 * one of m bytes (C2). The same sum as OpenSSL's ossl_sm2_ciphertext_size().
 */
#define DER_INT_MAX	(2 + 33)
#define DER_C3		(2 + SM3_LEN)

/* Bytes of a DER length field for a length of n. */
static size_t
der_len_size(size_t n)
{
	size_t	 k = 1;

	if (n >= 0x80)
		for (; n > 0; n >>= 8)
			k++;
	return k;
}

size_t
sm2_seal_size(size_t n)
{
	size_t	 m, body;

	/* n stays far from SIZE_MAX for any caller; say 0 rather than wrap. */
	if (n > SIZE_MAX / 2)
		return 0;
	m = BIND_LEN + n;
	body = 2 * DER_INT_MAX + DER_C3 + 1 + der_len_size(m) + m;
	return SEAL_HDR_LEN + 1 + der_len_size(body) + body;
}

/*
 * Whether ct[0..len) is exactly one DER SEQUENCE (tag, minimal definite length, body of that
 * length). OpenSSL's SM2 decryption parses the first SEQUENCE and ignores what follows it;
 * refusing trailing bytes keeps a blob from having more than one form.
 */
static bool
der_one_sequence(const uint8_t *ct, size_t len)
{
	size_t	 hlen, body, nlen, i;

	if (len < 2 || ct[0] != 0x30)
		return false;
	if (ct[1] < 0x80) {
		hlen = 2;
		body = ct[1];
	} else {
		nlen = ct[1] & 0x7f;
		if (nlen == 0 || nlen > 4 || len < 2 + nlen || ct[2] == 0)
			return false;
		for (body = 0, i = 0; i < nlen; i++)
			body = body << 8 | ct[2 + i];
		if (body < 0x80)
			return false;
		hlen = 2 + nlen;
	}
	return len - hlen == body;
}

/* The SM2 group (EC_GROUP_new_by_curve_name), or NULL. The caller frees it. */
static EC_GROUP *
sm2_group(void)
{
	return EC_GROUP_new_by_curve_name(NID_sm2);
}

bool
sm2_public_ok(const uint8_t pub[SM2_PUB_LEN])
{
	EC_GROUP	*group = NULL;
	EC_POINT	*p = NULL;
	bool		 ok = false;

	if (pub == NULL || pub[0] != POINT_CONVERSION_UNCOMPRESSED)
		goto fail;
	if ((group = sm2_group()) == NULL || (p = EC_POINT_new(group)) == NULL)
		goto fail;
	/* oct2point refuses a point off the curve; the checks after it say so in words. */
	if (EC_POINT_oct2point(group, p, pub, SM2_PUB_LEN, NULL) != 1)
		goto fail;
	if (EC_POINT_is_at_infinity(group, p) || EC_POINT_is_on_curve(group, p, NULL) != 1)
		goto fail;
	/* The SM2 curve's cofactor is 1: a point on it is in the group of order n. */
	ok = true;
 fail:
	EC_POINT_free(p);
	EC_GROUP_free(group);
	return ok;
}

int
sm2_public(const uint8_t priv[SM2_PRIV_LEN], uint8_t pub[SM2_PUB_LEN])
{
	EC_GROUP	*group = NULL;
	EC_POINT	*p = NULL;
	BIGNUM		*d = NULL, *max = NULL;
	BN_CTX		*bn = NULL;
	int		 rc = -1;

	if ((group = sm2_group()) == NULL || (p = EC_POINT_new(group)) == NULL)
		goto fail;
	if ((bn = BN_CTX_secure_new()) == NULL)
		goto fail;
	if ((d = BN_secure_new()) == NULL || BN_bin2bn(priv, SM2_PRIV_LEN, d) == NULL)
		goto fail;
	/* 1 <= d <= n - 2: SM2 decryption and signing need 1 + d invertible mod n. */
	if ((max = BN_dup(EC_GROUP_get0_order(group))) == NULL || BN_sub_word(max, 2) != 1)
		goto fail;
	if (BN_is_zero(d) || BN_cmp(d, max) > 0)
		goto fail;
	if (EC_POINT_mul(group, p, d, NULL, NULL, bn) != 1)
		goto fail;
	if (EC_POINT_point2oct(group, p, POINT_CONVERSION_UNCOMPRESSED, pub, SM2_PUB_LEN, bn) !=
	    SM2_PUB_LEN)
		goto fail;
	rc = 0;
 fail:
	if (rc == -1)
		OPENSSL_cleanse(pub, SM2_PUB_LEN);
	BN_free(max);
	BN_clear_free(d);
	BN_CTX_free(bn);
	EC_POINT_free(p);
	EC_GROUP_free(group);
	return rc;
}

int
sm2_keygen(uint8_t priv[SM2_PRIV_LEN], uint8_t pub[SM2_PUB_LEN])
{
	EVP_PKEY_CTX	*ctx = NULL;
	EVP_PKEY	*pkey = NULL;
	BIGNUM		*d = NULL;
	uint8_t		 got[SM2_PUB_LEN];
	size_t		 len = 0;
	int		 rc = -1;

	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, "SM2", NULL)) == NULL)
		goto fail;
	if (EVP_PKEY_keygen_init(ctx) != 1 || EVP_PKEY_keygen(ctx, &pkey) != 1)
		goto fail;
	if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, &d) != 1)
		goto fail;
	if (BN_bn2binpad(d, priv, SM2_PRIV_LEN) != SM2_PRIV_LEN)
		goto fail;
	if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY, got, sizeof(got),
	    &len) != 1 || len != SM2_PUB_LEN)
		goto fail;
	/* The lines written must load: the same range check and point as the key file's. */
	if (sm2_public(priv, pub) == -1 || CRYPTO_memcmp(pub, got, SM2_PUB_LEN) != 0)
		goto fail;
	rc = 0;
 fail:
	if (rc == -1) {
		OPENSSL_cleanse(priv, SM2_PRIV_LEN);
		OPENSSL_cleanse(pub, SM2_PUB_LEN);
	}
	BN_clear_free(d);
	EVP_PKEY_free(pkey);
	EVP_PKEY_CTX_free(ctx);
	return rc;
}

/*
 * An SM2 EVP_PKEY of the public point pub and, when priv is not NULL, the private scalar
 * priv; or NULL. The caller frees it (EVP_PKEY_free clears the private key).
 */
static EVP_PKEY *
sm2_pkey(const uint8_t *priv, const uint8_t pub[SM2_PUB_LEN])
{
	OSSL_PARAM_BLD	*bld = NULL;
	OSSL_PARAM	*params = NULL;
	EVP_PKEY_CTX	*ctx = NULL;
	EVP_PKEY	*pkey = NULL;
	BIGNUM		*d = NULL;

	if ((bld = OSSL_PARAM_BLD_new()) == NULL)
		goto fail;
	if (OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, SN_sm2, 0) != 1)
		goto fail;
	if (OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub,
	    SM2_PUB_LEN) != 1)
		goto fail;
	if (priv != NULL) {
		if ((d = BN_secure_new()) == NULL || BN_bin2bn(priv, SM2_PRIV_LEN, d) == NULL)
			goto fail;
		if (OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d) != 1)
			goto fail;
	}
	if ((params = OSSL_PARAM_BLD_to_param(bld)) == NULL)
		goto fail;
	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, "SM2", NULL)) == NULL)
		goto fail;
	if (EVP_PKEY_fromdata_init(ctx) != 1 || EVP_PKEY_fromdata(ctx, &pkey,
	    priv != NULL ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) != 1) {
		EVP_PKEY_free(pkey);
		pkey = NULL;
	}
 fail:
	EVP_PKEY_CTX_free(ctx);
	/*
	 * d is a secure BIGNUM, so the builder put its copy in the params' secure block, which
	 * OSSL_PARAM_free clears (3.0 has no OSSL_PARAM_clear_free).
	 */
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_clear_free(d);
	return pkey;
}

/* A context for encryption (enc) or decryption with pkey, its digest SM3; or NULL. */
static EVP_PKEY_CTX *
sm2_ctx(EVP_PKEY *pkey, bool enc)
{
	EVP_PKEY_CTX	*ctx;
	OSSL_PARAM	 params[2];
	char		 digest[] = "SM3";

	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL)) == NULL)
		return NULL;
	/* SM3 is OpenSSL's default for SM2 encryption; the format must not follow a default. */
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_ASYM_CIPHER_PARAM_DIGEST, digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((enc ? EVP_PKEY_encrypt_init(ctx) : EVP_PKEY_decrypt_init(ctx)) != 1 ||
	    EVP_PKEY_CTX_set_params(ctx, params) != 1) {
		EVP_PKEY_CTX_free(ctx);
		ctx = NULL;
	}
	return ctx;
}

/*
 * The binding digest: SM3(hdr (SEAL_HDR_LEN) || aad || 8-byte big-endian aadlen) into out.
 * The length last keeps the encoding injective, as in the SM4 tag. 0 ok, -1.
 */
static int
bind_digest(const uint8_t *hdr, const void *aad, size_t aadlen, uint8_t out[BIND_LEN])
{
	EVP_MD		*md = NULL;
	EVP_MD_CTX	*ctx = NULL;
	uint8_t		 alen[8];
	unsigned int	 len = 0;
	int		 rc = -1;

	put_be64(alen, (uint64_t)aadlen);
	if ((md = EVP_MD_fetch(NULL, "SM3", NULL)) == NULL || (ctx = EVP_MD_CTX_new()) == NULL)
		goto fail;
	if (EVP_DigestInit_ex2(ctx, md, NULL) != 1 ||
	    EVP_DigestUpdate(ctx, hdr, SEAL_HDR_LEN) != 1 ||
	    (aadlen > 0 && EVP_DigestUpdate(ctx, aad, aadlen) != 1) ||
	    EVP_DigestUpdate(ctx, alen, sizeof(alen)) != 1 ||
	    EVP_DigestFinal_ex(ctx, out, &len) != 1 || len != BIND_LEN)
		goto fail;
	rc = 0;
 fail:
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(md);
	return rc;
}

int
sm2_seal_blob(const uint8_t pub[SM2_PUB_LEN], uint8_t *blob, size_t cap, const void *aad,
    size_t aadlen, const void *pt, size_t ptlen, size_t *bloblen)
{
	EVP_PKEY	*pkey = NULL;
	EVP_PKEY_CTX	*ctx = NULL;
	uint8_t		*msg = NULL;
	size_t		 mlen = BIND_LEN + ptlen, ctlen = 0, max;
	int		 rc = -1;

	*bloblen = 0;
	if ((max = sm2_seal_size(ptlen)) == 0 || cap < max)
		goto fail;
	if ((msg = OPENSSL_malloc(mlen)) == NULL)
		goto fail;
	if (bind_digest(blob, aad, aadlen, msg) == -1)
		goto fail;
	if (ptlen > 0)
		memcpy(msg + BIND_LEN, pt, ptlen);
	if ((pkey = sm2_pkey(NULL, pub)) == NULL || (ctx = sm2_ctx(pkey, true)) == NULL)
		goto fail;
	/*
	 * OpenSSL 3.0 writes the ciphertext without comparing it to *outlen: ask for the size
	 * first, and check it against the room there is.
	 */
	if (EVP_PKEY_encrypt(ctx, NULL, &ctlen, msg, mlen) != 1 ||
	    ctlen > max - SEAL_HDR_LEN)
		goto fail;
	if (EVP_PKEY_encrypt(ctx, blob + SEAL_HDR_LEN, &ctlen, msg, mlen) != 1 ||
	    ctlen > max - SEAL_HDR_LEN)
		goto fail;
	*bloblen = SEAL_HDR_LEN + ctlen;
	rc = 0;
 fail:
	OPENSSL_clear_free(msg, mlen);
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pkey);
	return rc;
}

int
sm2_open_blob(const uint8_t priv[SM2_PRIV_LEN], const uint8_t pub[SM2_PUB_LEN],
    const uint8_t *blob, size_t bloblen, const void *aad, size_t aadlen, uint8_t *pt,
    size_t ptcap, size_t *ptlen)
{
	EVP_PKEY	*pkey = NULL;
	EVP_PKEY_CTX	*ctx = NULL;
	uint8_t		*msg = NULL, want[BIND_LEN];
	const uint8_t	*ct = blob + SEAL_HDR_LEN;
	size_t		 ctlen, cap = 0, mlen = 0;
	int		 rc = -1;

	*ptlen = 0;
	if (bloblen < SEAL_HDR_LEN || !der_one_sequence(ct, bloblen - SEAL_HDR_LEN))
		goto fail;
	ctlen = bloblen - SEAL_HDR_LEN;
	if ((pkey = sm2_pkey(priv, pub)) == NULL || (ctx = sm2_ctx(pkey, false)) == NULL)
		goto fail;
	/* The size query decodes the DER and answers C2's length. */
	if (EVP_PKEY_decrypt(ctx, NULL, &cap, ct, ctlen) != 1 || cap < BIND_LEN ||
	    cap > ctlen)
		goto fail;
	if ((msg = OPENSSL_malloc(cap)) == NULL)
		goto fail;
	mlen = cap;
	if (EVP_PKEY_decrypt(ctx, msg, &mlen, ct, ctlen) != 1 || mlen < BIND_LEN || mlen > cap)
		goto fail;
	if (bind_digest(blob, aad, aadlen, want) == -1)
		goto fail;
	if (CRYPTO_memcmp(want, msg, BIND_LEN) != 0 || mlen - BIND_LEN > ptcap)
		goto fail;
	if (mlen > BIND_LEN)
		memcpy(pt, msg + BIND_LEN, mlen - BIND_LEN);
	*ptlen = mlen - BIND_LEN;
	rc = 0;
 fail:
	OPENSSL_cleanse(want, sizeof(want));
	OPENSSL_clear_free(msg, cap);
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pkey);
	return rc;
}
