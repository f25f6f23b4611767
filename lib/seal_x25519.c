/*
 * seal_x25519.c: the key agreement half of SEAL_X25519_AESGCM (see crypto.h for the blob
 * format): X25519 key pairs, and the AES-256-GCM key of one record, derived with HKDF-SHA256
 * from the X25519 shared secret between a fresh ephemeral key pair and the recipient's key.
 * seal.c lays out the blob and runs the GCM.
 *
 * Private keys are held in EVP_PKEYs only for the length of a call: OpenSSL wipes an X25519
 * private key when its EVP_PKEY is freed, and the ephemeral one is never copied out. The shared
 * secret and the derived key are wiped here on every path (the derived key on failure; on
 * success the caller owns and wipes it). Nothing here prints.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "crypto.h"
#include "crypto_impl.h"

#define HKDF_INFO	"jubao identity v1"

/*
 * HKDF-SHA256 of the shared secret (32 bytes), salt = epub || rpub, info = HKDF_INFO, into
 * key (32 bytes). The salt binds the key to both public keys: X25519 ignores the top bit of a
 * public key, the salt does not. 0 ok, -1 failure (key then wiped).
 */
static int
hkdf_key(const uint8_t secret[X25519_KEY_LEN], const uint8_t epub[X25519_KEY_LEN],
    const uint8_t rpub[X25519_KEY_LEN], uint8_t key[SEAL_KEY_LEN])
{
	EVP_KDF		*kdf = NULL;
	EVP_KDF_CTX	*ctx = NULL;
	OSSL_PARAM	 params[5];
	uint8_t		 ikm[X25519_KEY_LEN], salt[2 * X25519_KEY_LEN];
	char		 digest[] = "SHA256", info[] = HKDF_INFO;
	int		 rc = -1;

	/* OSSL_PARAM takes non-const pointers: hand it copies. */
	memcpy(ikm, secret, sizeof(ikm));
	memcpy(salt, epub, X25519_KEY_LEN);
	memcpy(salt + X25519_KEY_LEN, rpub, X25519_KEY_LEN);
	if ((kdf = EVP_KDF_fetch(NULL, "HKDF", NULL)) == NULL)
		goto fail;
	if ((ctx = EVP_KDF_CTX_new(kdf)) == NULL)
		goto fail;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
	params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikm, sizeof(ikm));
	params[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt, sizeof(salt));
	params[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info,
	    sizeof(info) - 1);
	params[4] = OSSL_PARAM_construct_end();
	if (EVP_KDF_derive(ctx, key, SEAL_KEY_LEN, params) != 1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(ikm, sizeof(ikm));
	if (rc == -1)
		OPENSSL_cleanse(key, SEAL_KEY_LEN);
	EVP_KDF_CTX_free(ctx);
	EVP_KDF_free(kdf);
	return rc;
}

/*
 * X25519 shared secret of mine (a key pair) and the peer's raw public key into secret (32
 * bytes). OpenSSL refuses an all-zero result (a small-order peer key). 0 ok, -1 (wiped).
 */
static int
ecdh(EVP_PKEY *mine, const uint8_t peer_pub[X25519_KEY_LEN], uint8_t secret[X25519_KEY_LEN])
{
	EVP_PKEY	*peer = NULL;
	EVP_PKEY_CTX	*ctx = NULL;
	size_t		 len = X25519_KEY_LEN;
	int		 rc = -1;

	if ((peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, peer_pub,
	    X25519_KEY_LEN)) == NULL)
		goto fail;
	if ((ctx = EVP_PKEY_CTX_new(mine, NULL)) == NULL)
		goto fail;
	if (EVP_PKEY_derive_init(ctx) != 1 || EVP_PKEY_derive_set_peer(ctx, peer) != 1)
		goto fail;
	if (EVP_PKEY_derive(ctx, secret, &len) != 1 || len != X25519_KEY_LEN)
		goto fail;
	rc = 0;
 fail:
	if (rc == -1)
		OPENSSL_cleanse(secret, X25519_KEY_LEN);
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(peer);
	return rc;
}

/* A fresh X25519 key pair (EVP_PKEY_keygen), or NULL. The caller frees it. */
static EVP_PKEY *
x25519_new(void)
{
	EVP_PKEY_CTX	*ctx = NULL;
	EVP_PKEY	*pkey = NULL;

	if ((ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, NULL)) == NULL)
		goto fail;
	if (EVP_PKEY_keygen_init(ctx) != 1 || EVP_PKEY_keygen(ctx, &pkey) != 1) {
		EVP_PKEY_free(pkey);
		pkey = NULL;
	}
 fail:
	EVP_PKEY_CTX_free(ctx);
	return pkey;
}

/* The raw public key of pkey into pub (32 bytes). 0 ok, -1. */
static int
raw_public(const EVP_PKEY *pkey, uint8_t pub[X25519_KEY_LEN])
{
	size_t	 len = X25519_KEY_LEN;

	if (EVP_PKEY_get_raw_public_key(pkey, pub, &len) != 1 || len != X25519_KEY_LEN)
		return -1;
	return 0;
}

int
x25519_keygen(uint8_t priv[X25519_KEY_LEN], uint8_t pub[X25519_KEY_LEN])
{
	EVP_PKEY	*pkey = NULL;
	size_t		 len = X25519_KEY_LEN;
	int		 rc = -1;

	if ((pkey = x25519_new()) == NULL)
		goto fail;
	if (EVP_PKEY_get_raw_private_key(pkey, priv, &len) != 1 || len != X25519_KEY_LEN)
		goto fail;
	if (raw_public(pkey, pub) == -1)
		goto fail;
	rc = 0;
 fail:
	if (rc == -1) {
		OPENSSL_cleanse(priv, X25519_KEY_LEN);
		OPENSSL_cleanse(pub, X25519_KEY_LEN);
	}
	EVP_PKEY_free(pkey);
	return rc;
}

int
x25519_public(const uint8_t priv[X25519_KEY_LEN], uint8_t pub[X25519_KEY_LEN])
{
	EVP_PKEY	*pkey = NULL;
	int		 rc = -1;

	if ((pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, priv,
	    X25519_KEY_LEN)) == NULL)
		goto fail;
	if (raw_public(pkey, pub) == -1)
		goto fail;
	rc = 0;
 fail:
	EVP_PKEY_free(pkey);
	return rc;
}

int
x25519_seal_key(const uint8_t rpub[X25519_KEY_LEN], uint8_t epub[X25519_KEY_LEN],
    uint8_t key[SEAL_KEY_LEN])
{
	EVP_PKEY	*eph = NULL;
	uint8_t		 secret[X25519_KEY_LEN];
	int		 rc = -1;

	if ((eph = x25519_new()) == NULL)
		goto fail;
	if (raw_public(eph, epub) == -1)
		goto fail;
	if (ecdh(eph, rpub, secret) == -1)
		goto fail;
	if (hkdf_key(secret, epub, rpub, key) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(secret, sizeof(secret));
	EVP_PKEY_free(eph);	/* wipes the ephemeral private key */
	return rc;
}

int
x25519_open_key(const uint8_t rpriv[X25519_KEY_LEN], const uint8_t epub[X25519_KEY_LEN],
    uint8_t key[SEAL_KEY_LEN])
{
	EVP_PKEY	*mine = NULL;
	uint8_t		 secret[X25519_KEY_LEN], rpub[X25519_KEY_LEN];
	int		 rc = -1;

	/* The public key in the salt comes from the private key, not from the key file. */
	if ((mine = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, rpriv,
	    X25519_KEY_LEN)) == NULL)
		goto fail;
	if (raw_public(mine, rpub) == -1)
		goto fail;
	if (ecdh(mine, epub, secret) == -1)
		goto fail;
	if (hkdf_key(secret, epub, rpub, key) == -1)
		goto fail;
	rc = 0;
 fail:
	OPENSSL_cleanse(secret, sizeof(secret));
	EVP_PKEY_free(mine);
	return rc;
}
