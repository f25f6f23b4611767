/*
 * seal.c: sealing of the reporter's identity (see crypto.h for the blob format): X25519 +
 * AES-256-GCM (the key agreement is in seal_x25519.c), SM2 public-key encryption for 国密 (in
 * seal_sm2.c), AES-256-GCM, or SM4-CTR + HMAC-SM3 (encrypt-then-MAC) for 国密; the key ring
 * lookup; which algorithms this OpenSSL offers.
 *
 * Algorithms are fetched per call and freed before returning. Subkeys, MACs and any plaintext
 * not authenticated are wiped with OPENSSL_cleanse() on every path. Nothing here prints.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include "crypto.h"
#include "crypto_impl.h"

#define SM3_LEN		32

#define GCM_IV_LEN	12
#define GCM_TAG_LEN	16
#define SM4_KEY_LEN	16
#define SM4_IV_LEN	16
#define SM4_TAG_LEN	SM3_LEN

#define SUBKEY_ENC	"jubao seal enc"
#define SUBKEY_MAC	"jubao seal mac"

/*
 * Lengths of the parts of alg's blob: *prefix before the IV (the ephemeral public key of
 * X25519, else 0), the IV and the tag. 0 ok, -1 unknown alg.
 */
static int
seal_params(enum seal_alg alg, size_t *prefix, size_t *ivlen, size_t *taglen)
{
	int	 rc = -1;

	*prefix = 0;
	switch (alg) {
	case SEAL_X25519_AESGCM:
		*prefix = X25519_KEY_LEN;
		/* FALLTHROUGH */
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
	size_t	 prefix, ivlen, taglen, over, size = 0;

	/* SM2's DER ciphertext varies by a few bytes: its size is a bound of its own. */
	if (alg == SEAL_SM2)
		return sm2_seal_size(n);
	if (seal_params(alg, &prefix, &ivlen, &taglen) == 0) {
		over = SEAL_HDR_LEN + prefix + ivlen + taglen;
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
	if (crypto_hmac_parts("SM3", key, SEAL_KEY_LEN, &label, 1, full, sizeof(full)) == -1)
		goto fail;
	memcpy(enc, full, SM4_KEY_LEN);
	label.p = SUBKEY_MAC;
	label.len = sizeof(SUBKEY_MAC) - 1;
	if (crypto_hmac_parts("SM3", key, SEAL_KEY_LEN, &label, 1, mac, SM3_LEN) == -1)
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
	return crypto_hmac_parts("SM3", mackey, SM3_LEN, parts, 3, tag, SM4_TAG_LEN);
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

/*
 * SEAL_X25519_AESGCM of pt for the recipient's public key rpub into blob, whose header and IV
 * are already written: the ephemeral public key goes between them, the ciphertext and tag
 * after the IV. 0 ok, -1 failure.
 */
static int
pk_seal(const uint8_t *rpub, uint8_t *blob, const void *aad, size_t aadlen, const void *pt,
    size_t ptlen)
{
	uint8_t		 key[SEAL_KEY_LEN];
	uint8_t		*epub = blob + SEAL_HDR_LEN, *iv = epub + X25519_KEY_LEN;
	uint8_t		*ct = iv + GCM_IV_LEN;
	int		 rc = -1;

	if (x25519_seal_key(rpub, epub, key) == -1)
		goto fail;
	if (gcm_seal(key, blob, iv, aad, aadlen, pt, ptlen, ct, ct + ptlen) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}

/*
 * Reverse of pk_seal with the recipient's private key rpriv, for a blob with ctlen bytes of
 * ciphertext. 0 ok, -1 failure (pt may then hold bytes that the caller must wipe).
 */
static int
pk_open(const uint8_t *rpriv, const uint8_t *blob, size_t ctlen, const void *aad,
    size_t aadlen, uint8_t *pt)
{
	uint8_t		 key[SEAL_KEY_LEN];
	const uint8_t	*epub = blob + SEAL_HDR_LEN, *iv = epub + X25519_KEY_LEN;
	const uint8_t	*ct = iv + GCM_IV_LEN;
	int		 rc = -1;

	if (x25519_open_key(rpriv, epub, key) == -1)
		goto fail;
	if (gcm_open(key, blob, iv, aad, aadlen, ct, ctlen, ct + ctlen, pt) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}

int
seal(const struct seal_key *k, const void *aad, size_t aadlen, const void *pt, size_t ptlen,
    uint8_t *out, size_t outcap, size_t *outlen)
{
	size_t	 prefix, ivlen, taglen, need = 0;
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
	if ((need = seal_size(k->alg, ptlen)) == 0 || outcap < need) {
		need = 0;
		goto fail;
	}

	out[0] = (uint8_t)k->alg;
	put_be32(out + 1, k->id);
	if (k->alg == SEAL_SM2) {
		/* No IV: SM2 draws its ephemeral key itself. The blob may be shorter than need. */
		rc = sm2_seal_blob(k->pub, out, outcap, aad, aadlen, pt, ptlen, outlen);
		goto fail;
	}
	if (seal_params(k->alg, &prefix, &ivlen, &taglen) == -1)
		goto fail;
	iv = out + SEAL_HDR_LEN + prefix;
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
	case SEAL_X25519_AESGCM:
		r = pk_seal(k->pub, out, aad, aadlen, pt, ptlen);
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
	size_t			 prefix, ivlen, taglen, over, n = 0;
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
	/* A public programs' key file holds only the public half: it seals, never opens. */
	if ((alg == SEAL_X25519_AESGCM || alg == SEAL_SM2) && !k->has_private)
		goto fail;
	if (alg == SEAL_SM2) {
		/* Plaintext reaches pt only after every check: nothing to wipe here. */
		rc = sm2_open_blob(k->key, k->pub, blob, bloblen, aad, aadlen, pt, ptcap, ptlen);
		goto fail;
	}
	if (seal_params(alg, &prefix, &ivlen, &taglen) == -1)
		goto fail;
	over = SEAL_HDR_LEN + prefix + ivlen + taglen;
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
	case SEAL_X25519_AESGCM:
		r = pk_open(k->key, blob, n, aad, aadlen, pt);
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
	if (blob[0] != SEAL_AES256_GCM && blob[0] != SEAL_SM4_CTR_HMAC_SM3 &&
	    blob[0] != SEAL_X25519_AESGCM && blob[0] != SEAL_SM2)
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
	EVP_KDF		*kdf = NULL;
	EVP_KEYMGMT	*km = NULL;
	EVP_ASYM_CIPHER	*ac = NULL;
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
	case SEAL_X25519_AESGCM:
		cipher = EVP_CIPHER_fetch(NULL, "AES-256-GCM", NULL);
		kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
		km = EVP_KEYMGMT_fetch(NULL, "X25519", NULL);
		ok = cipher != NULL && kdf != NULL && km != NULL;
		break;
	case SEAL_SM2:
		km = EVP_KEYMGMT_fetch(NULL, "SM2", NULL);
		ac = EVP_ASYM_CIPHER_fetch(NULL, "SM2", NULL);
		md = EVP_MD_fetch(NULL, "SM3", NULL);
		ok = km != NULL && ac != NULL && md != NULL;
		break;
	default:
		break;
	}
	(void)ERR_pop_to_mark();
	EVP_ASYM_CIPHER_free(ac);
	EVP_KEYMGMT_free(km);
	EVP_KDF_free(kdf);
	EVP_MAC_free(mac);
	EVP_MD_free(md);
	EVP_CIPHER_free(cipher);
	return ok;
}
