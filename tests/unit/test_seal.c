/*
 * test_seal.c: unit tests of public-key sealing (SEAL_X25519_AESGCM in lib/seal.c and
 * lib/seal_x25519.c, SEAL_SM2 in lib/seal_sm2.c) and of their key-file lines (lib/config.c).
 * The blob formats are checked independently with raw OpenSSL calls; truncated blobs are exact
 * heap copies, so that AddressSanitizer catches a read past the end.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memmem */
#endif

#include <sys/stat.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "config.h"
#include "crypto.h"
#include "unit.h"

static const char fake_identity[] =
    "Zhang San, ID 110101199003074211, tel 13800138000, Shijiazhuang";
static const char ticket_aad[] = "1234567890123452";
#define IDLEN	(sizeof(fake_identity) - 1)

/* An X25519 key id in ring, with (private) or without (public only) its private half. */
static void
make_pk(struct keyring *ring, uint32_t id, bool private)
{
	struct seal_key *k = &ring->keys[ring->nkeys++];

	memset(k, 0, sizeof(*k));
	k->id = id;
	k->alg = SEAL_X25519_AESGCM;
	CHECK(x25519_keygen(k->key, k->pub) == 0);
	k->has_private = private;
	if (!private)
		memset(k->key, 0, sizeof(k->key));
	ring->current = id;
}

static int
open_blob(const struct keyring *ring, const void *aad, size_t aadlen, const uint8_t *blob,
    size_t len, uint8_t *pt, size_t *ptlen)
{
	return unseal(ring, aad, aadlen, blob, len, pt, 256, ptlen);
}

static void
test_round_trip(void)
{
	struct keyring	 ring, pub;
	uint8_t		 blob[256], blob2[256], pt[256];
	size_t		 len, len2, ptlen;
	enum seal_alg	 alg;
	uint32_t	 id;

	memset(&ring, 0, sizeof(ring));
	make_pk(&ring, 7, true);
	CHECK(seal_alg_available(SEAL_X25519_AESGCM));
	CHECK(seal_size(SEAL_X25519_AESGCM, IDLEN) == 5 + 32 + 12 + IDLEN + 16);
	CHECK(seal_size(SEAL_X25519_AESGCM, 20) == 85);	/* a TOTP secret: fits 128 bytes */
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	CHECK(len == seal_size(SEAL_X25519_AESGCM, IDLEN));
	CHECK(blob[0] == 3 && memcmp(blob + 1, "\0\0\0\7", 4) == 0);
	CHECK(seal_header(blob, len, &alg, &id) == 0 && alg == SEAL_X25519_AESGCM && id == 7);
	CHECK(memmem(blob, len, "110101199003074211", 18) == NULL);
	CHECK(open_blob(&ring, ticket_aad, 16, blob, len, pt, &ptlen) == 0);
	CHECK(ptlen == IDLEN && memcmp(pt, fake_identity, IDLEN) == 0);

	/* the empty plaintext and no aad */
	CHECK(seal(&ring.keys[0], NULL, 0, "", 0, blob2, sizeof(blob2), &len2) == 0);
	CHECK(len2 == 65 && open_blob(&ring, NULL, 0, blob2, len2, pt, &ptlen) == 0 &&
	    ptlen == 0);

	/* a fresh ephemeral key and IV each time */
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob2, sizeof(blob2),
	    &len2) == 0);
	CHECK(len2 == len && memcmp(blob + 5, blob2 + 5, 32) != 0 &&
	    memcmp(blob + 37, blob2 + 37, 12) != 0 && memcmp(blob, blob2, len) != 0);

	/* a public-only key seals (and what it seals, the private key opens), never opens */
	pub = ring;
	memset(pub.keys[0].key, 0, sizeof(pub.keys[0].key));
	pub.keys[0].has_private = false;
	CHECK(open_blob(&pub, ticket_aad, 16, blob, len, pt, &ptlen) == -1 && ptlen == 0);
	CHECK(seal(&pub.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob2, sizeof(blob2),
	    &len2) == 0);
	CHECK(open_blob(&pub, ticket_aad, 16, blob2, len2, pt, &ptlen) == -1);
	CHECK(open_blob(&ring, ticket_aad, 16, blob2, len2, pt, &ptlen) == 0 && ptlen == IDLEN);

	/* a different aad */
	CHECK(open_blob(&ring, "1234567890123453", 16, blob, len, pt, &ptlen) == -1);
	CHECK(open_blob(&ring, ticket_aad, 15, blob, len, pt, &ptlen) == -1);
	CHECK(open_blob(&ring, NULL, 0, blob, len, pt, &ptlen) == -1);

	/* too small an output buffer */
	CHECK(seal(&ring.keys[0], NULL, 0, fake_identity, IDLEN, blob2, len - 1, &len2) == -1 &&
	    len2 == 0);
	explicit_bzero(&ring, sizeof(ring));
}

/* Another key pair under the same id, and a symmetric key of that id, do not open. */
static void
test_wrong_key(void)
{
	struct keyring	 ring, other;
	uint8_t		 blob[256], pt[256];
	size_t		 len, ptlen;

	memset(&ring, 0, sizeof(ring));
	memset(&other, 0, sizeof(other));
	make_pk(&ring, 9, true);
	make_pk(&other, 9, true);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	CHECK(open_blob(&other, ticket_aad, 16, blob, len, pt, &ptlen) == -1 && ptlen == 0);
	CHECK(memmem(pt, sizeof(pt), "Zhang", 5) == NULL);
	other = ring;
	other.keys[0].alg = SEAL_AES256_GCM;
	CHECK(open_blob(&other, ticket_aad, 16, blob, len, pt, &ptlen) == -1);
	other = ring;
	other.keys[0].id = 10;
	CHECK(open_blob(&other, ticket_aad, 16, blob, len, pt, &ptlen) == -1);
	explicit_bzero(&ring, sizeof(ring));
	explicit_bzero(&other, sizeof(other));
}

/* Every single-bit flip fails, and leaves no plaintext; so does every truncation. */
static void
test_tamper(void)
{
	struct keyring	 ring;
	uint8_t		 blob[256], bad[256], pt[256], *cut;
	size_t		 len, ptlen, i, bit, n, opened = 0, leaked = 0;

	memset(&ring, 0, sizeof(ring));
	make_pk(&ring, 11, true);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	for (i = 0; i < len; i++) {
		for (bit = 0; bit < 8; bit++) {
			memcpy(bad, blob, len);
			bad[i] ^= (uint8_t)(1u << bit);
			memset(pt, 0, sizeof(pt));
			ptlen = 12345;
			if (open_blob(&ring, ticket_aad, 16, bad, len, pt, &ptlen) == 0)
				opened++;
			if (ptlen != 0 || memmem(pt, sizeof(pt), "Zhang", 5) != NULL)
				leaked++;
		}
	}
	CHECK(opened == 0);
	CHECK(leaked == 0);
	for (n = 0; n < len; n++) {
		cut = (uint8_t *)exact_copy((const char *)blob, n);
		if (open_blob(&ring, ticket_aad, 16, cut, n, pt, &ptlen) == 0 || ptlen != 0)
			opened++;
		free(cut);
	}
	CHECK(opened == 0);
	memcpy(bad, blob, len);
	bad[len] = 0;
	CHECK(open_blob(&ring, ticket_aad, 16, bad, len + 1, pt, &ptlen) == -1);
	explicit_bzero(&ring, sizeof(ring));
}

/*
 * The format, opened with raw OpenSSL calls: X25519(recipient private, ephemeral public),
 * HKDF-SHA256 with salt = ephemeral public || recipient public and info "jubao identity v1",
 * AES-256-GCM with AAD header || aad.
 */
static void
test_format(void)
{
	struct keyring	 ring;
	uint8_t		 blob[256], secret[32], key[32], salt[64], pt[256], tag[16];
	size_t		 len, slen = sizeof(secret);
	char		 digest[] = "SHA256", info[] = "jubao identity v1";
	EVP_PKEY	*mine, *peer;
	EVP_PKEY_CTX	*pctx;
	EVP_KDF		*kdf;
	EVP_KDF_CTX	*kctx;
	EVP_CIPHER_CTX	*c;
	OSSL_PARAM	 params[5];
	int		 n = 0, fin = 0;

	memset(&ring, 0, sizeof(ring));
	make_pk(&ring, 12, true);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	mine = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, ring.keys[0].key, 32);
	peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, blob + 5, 32);
	CHECK(mine != NULL && peer != NULL);
	pctx = EVP_PKEY_CTX_new(mine, NULL);
	CHECK(pctx != NULL && EVP_PKEY_derive_init(pctx) == 1 &&
	    EVP_PKEY_derive_set_peer(pctx, peer) == 1 &&
	    EVP_PKEY_derive(pctx, secret, &slen) == 1 && slen == 32);
	memcpy(salt, blob + 5, 32);
	memcpy(salt + 32, ring.keys[0].pub, 32);
	kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
	kctx = EVP_KDF_CTX_new(kdf);
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
	params[1] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, secret, 32);
	params[2] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt, 64);
	params[3] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info,
	    sizeof(info) - 1);
	params[4] = OSSL_PARAM_construct_end();
	CHECK(kctx != NULL && EVP_KDF_derive(kctx, key, 32, params) == 1);
	memcpy(tag, blob + len - 16, 16);
	c = EVP_CIPHER_CTX_new();
	CHECK(c != NULL && EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), NULL, key, blob + 37) == 1);
	CHECK(EVP_DecryptUpdate(c, NULL, &n, blob, 5) == 1);
	CHECK(EVP_DecryptUpdate(c, NULL, &n, (const uint8_t *)ticket_aad, 16) == 1);
	CHECK(EVP_DecryptUpdate(c, pt, &n, blob + 49, (int)IDLEN) == 1 && n == (int)IDLEN);
	CHECK(EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, 16, tag) == 1);
	CHECK(EVP_DecryptFinal_ex(c, pt + n, &fin) == 1 && fin == 0);
	CHECK(memcmp(pt, fake_identity, IDLEN) == 0);
	EVP_CIPHER_CTX_free(c);
	EVP_KDF_CTX_free(kctx);
	EVP_KDF_free(kdf);
	EVP_PKEY_CTX_free(pctx);
	EVP_PKEY_free(peer);
	EVP_PKEY_free(mine);
	explicit_bzero(&ring, sizeof(ring));
}

/* secrets_load on a key file holding text (mode 0600). 0 ok, -1 refused. */
static int
load_keys(const char *text, struct secrets *s)
{
	struct config	 cfg;
	char		 path[] = "/tmp/test_seal_keysXXXXXX", err[256];
	int		 fd, rc;

	memset(&cfg, 0, sizeof(cfg));
	cfg.identity_alg = SEAL_AES256_GCM;
	if ((fd = mkstemp(path)) == -1 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
	snprintf(cfg.key_file, sizeof(cfg.key_file), "%s", path);
	rc = secrets_load(&cfg, s, err, sizeof(err));
	unlink(path);
	return rc;
}

#define MAC_LINE	"mac_key = " \
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
#define HEX64		"8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677"

static void
test_key_file(void)
{
	struct secrets	 s;
	const struct seal_key *k;

	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519 " HEX64 "\nidentity_current = 4\n",
	    &s) == 0);
	CHECK((k = keyring_find(&s.identity, 4)) != NULL && k->alg == SEAL_X25519_AESGCM &&
	    k->has_private && k->key[0] == 0x88);
	secrets_wipe(&s);
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519-public " HEX64
	    "\nidentity_current = 4\n", &s) == 0);
	CHECK((k = keyring_find(&s.identity, 4)) != NULL && k->alg == SEAL_X25519_AESGCM &&
	    !k->has_private && k->pub[0] == 0x88 && k->key[0] == 0);
	secrets_wipe(&s);
	/* an old symmetric key beside an x25519 one */
	CHECK(load_keys(MAC_LINE "identity_key = 1 aes-256-gcm " HEX64 "\nidentity_key = 2 x25519 "
	    HEX64 "\nidentity_current = 2\n", &s) == 0 && s.identity.nkeys == 2);
	secrets_wipe(&s);
	/* refused: short, long, not hex, no hex, an unknown alg name */
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519 " HEX64 "0\nidentity_current = 4\n",
	    &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519-public 8899\nidentity_current = 4\n",
	    &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519 zz99aabbccddeeff0011223344556677"
	    "8899aabbccddeeff0011223344556677\nidentity_current = 4\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519\nidentity_current = 4\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519-private " HEX64
	    "\nidentity_current = 4\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 4 x25519public " HEX64
	    "\nidentity_current = 4\n", &s) == -1);
}

/* keygen's two lines: each loads; the public one seals what the private one opens. */
static void
test_keygen_lines(void)
{
	char		 lines[SECRETS_X25519_LINES_MAX], file[512], *nl;
	struct secrets	 priv, pub;
	uint8_t		 blob[256], pt[256];
	size_t		 len, ptlen;
	const struct seal_key *k;

	CHECK(secrets_x25519_lines(0, lines, sizeof(lines)) == -1);
	CHECK(secrets_x25519_lines(5, lines, 100) == -1);
	CHECK(secrets_x25519_lines(5, lines, sizeof(lines)) == 0);
	CHECK(strncmp(lines, "identity_key = 5 x25519 ", 24) == 0);
	CHECK((nl = strchr(lines, '\n')) != NULL && nl - lines == 24 + 64);
	CHECK(strncmp(nl + 1, "identity_key = 5 x25519-public ", 31) == 0);
	CHECK(strlen(nl + 1) == 31 + 64 + 1);
	*nl = '\0';
	snprintf(file, sizeof(file), MAC_LINE "%s\nidentity_current = 5\n", lines);
	CHECK(load_keys(file, &priv) == 0);
	snprintf(file, sizeof(file), MAC_LINE "%sidentity_current = 5\n", nl + 1);
	CHECK(load_keys(file, &pub) == 0);
	CHECK((k = keyring_find(&pub.identity, 5)) != NULL && !k->has_private);
	CHECK(memcmp(k->pub, keyring_find(&priv.identity, 5)->pub, 32) == 0);
	CHECK(seal(k, ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob), &len) == 0);
	CHECK(open_blob(&pub.identity, ticket_aad, 16, blob, len, pt, &ptlen) == -1);
	CHECK(open_blob(&priv.identity, ticket_aad, 16, blob, len, pt, &ptlen) == 0 &&
	    ptlen == IDLEN && memcmp(pt, fake_identity, IDLEN) == 0);
	explicit_bzero(lines, sizeof(lines));
	explicit_bzero(file, sizeof(file));
	secrets_wipe(&priv);
	secrets_wipe(&pub);
}


/* ---- SEAL_SM2 ---- */

/* The SM2 generator G (GB/T 32918.5): the public key of the private key 1. */
#define SM2_GX		"32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7"
#define SM2_GY		"bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0"
/* The order n of G, and n - 2, the largest private key of SM2 encryption. */
#define SM2_N		"fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123"
#define SM2_N_2		"fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54121"
#define SM2_N_1		"fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122"

/* An SM2 key id in ring, with or without its private half; the pair from sm2_keygen. */
static void
make_sm2(struct keyring *ring, uint32_t id, bool private)
{
	struct seal_key *k = &ring->keys[ring->nkeys++];

	memset(k, 0, sizeof(*k));
	k->id = id;
	k->alg = SEAL_SM2;
	CHECK(sm2_keygen(k->key, k->pub) == 0);
	k->has_private = private;
	if (!private)
		memset(k->key, 0, sizeof(k->key));
	ring->current = id;
}

/* SM3(hdr (5) || aad || 8-byte big-endian aadlen): the digest before the plaintext. */
static void
bind_sm3(const uint8_t *hdr, const void *aad, size_t aadlen, uint8_t out[32])
{
	EVP_MD_CTX	*c = EVP_MD_CTX_new();
	uint8_t		 alen[8] = { 0 };
	unsigned int	 len = 0;
	size_t		 i;

	for (i = 0; i < 8; i++)
		alen[7 - i] = (uint8_t)((uint64_t)aadlen >> (8 * i));
	CHECK(c != NULL && EVP_DigestInit_ex(c, EVP_sm3(), NULL) == 1);
	CHECK(EVP_DigestUpdate(c, hdr, 5) == 1 && EVP_DigestUpdate(c, aad, aadlen) == 1);
	CHECK(EVP_DigestUpdate(c, alen, 8) == 1 && EVP_DigestFinal_ex(c, out, &len) == 1);
	CHECK(len == 32);
	EVP_MD_CTX_free(c);
}

static void
test_sm2_round_trip(void)
{
	struct keyring	 ring, pub;
	uint8_t		 blob[2048], blob2[2048], pt[2048], big[1000];
	size_t		 len, len2, ptlen, n, worst = 0, best = SIZE_MAX;
	enum seal_alg	 alg;
	uint32_t	 id;
	int		 i;

	memset(&ring, 0, sizeof(ring));
	make_sm2(&ring, 21, true);
	CHECK(seal_alg_available(SEAL_SM2));
	/* hand-derived bounds: header 5, SEQUENCE header, 2 INTEGERs of 33 + 2, C3 32 + 2, C2 */
	CHECK(seal_size(SEAL_SM2, 0) == 5 + 3 + 70 + 34 + 2 + 32);
	CHECK(seal_size(SEAL_SM2, 20) == 166);		/* a TOTP secret */
	CHECK(seal_size(SEAL_SM2, 96) == 5 + 3 + 70 + 34 + 3 + 128);
	CHECK(seal_size(SEAL_SM2, 200) == 5 + 4 + 70 + 34 + 3 + 232);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	CHECK(len <= seal_size(SEAL_SM2, IDLEN) && len + 4 >= seal_size(SEAL_SM2, IDLEN));
	CHECK(blob[0] == 4 && memcmp(blob + 1, "\0\0\0\x15", 4) == 0 && blob[5] == 0x30);
	CHECK(seal_header(blob, len, &alg, &id) == 0 && alg == SEAL_SM2 && id == 21);
	CHECK(memmem(blob, len, "110101199003074211", 18) == NULL);
	CHECK(unseal(&ring, ticket_aad, 16, blob, len, pt, IDLEN, &ptlen) == 0);
	CHECK(ptlen == IDLEN && memcmp(pt, fake_identity, IDLEN) == 0);
	/* one byte too little room for the plaintext: refused, nothing written */
	memset(pt, 0, sizeof(pt));
	CHECK(unseal(&ring, ticket_aad, 16, blob, len, pt, IDLEN - 1, &ptlen) == -1 &&
	    ptlen == 0 && memmem(pt, sizeof(pt), "Zhang", 5) == NULL);

	/* the empty plaintext and no aad */
	CHECK(seal(&ring.keys[0], NULL, 0, "", 0, blob2, sizeof(blob2), &len2) == 0);
	CHECK(len2 <= seal_size(SEAL_SM2, 0));
	CHECK(unseal(&ring, NULL, 0, blob2, len2, pt, sizeof(pt), &ptlen) == 0 && ptlen == 0);

	/* a fresh ephemeral key each time */
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob2, sizeof(blob2),
	    &len2) == 0);
	CHECK(memcmp(blob + 5, blob2 + 5, 40) != 0);

	/* long forms of the DER lengths (C2 of 1032 bytes) */
	for (n = 0; n < sizeof(big); n++)
		big[n] = (uint8_t)(n * 7);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, big, sizeof(big), blob2, sizeof(blob2),
	    &len2) == 0 && len2 <= seal_size(SEAL_SM2, sizeof(big)));
	CHECK(unseal(&ring, ticket_aad, 16, blob2, len2, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == sizeof(big) && memcmp(pt, big, sizeof(big)) == 0);

	/* the bound holds, and is near, for sizes around each DER length step */
	for (i = 0; i < 40; i++) {
		n = (size_t)i * 7;
		CHECK(seal(&ring.keys[0], NULL, 0, big, n, blob2, seal_size(SEAL_SM2, n),
		    &len2) == 0);
		if (seal_size(SEAL_SM2, n) - len2 > worst)
			worst = seal_size(SEAL_SM2, n) - len2;
		if (seal_size(SEAL_SM2, n) - len2 < best)
			best = seal_size(SEAL_SM2, n) - len2;
	}
	CHECK(worst <= 4 && best <= 2);

	/* a public-only key seals (and what it seals, the private key opens), never opens */
	pub = ring;
	memset(pub.keys[0].key, 0, sizeof(pub.keys[0].key));
	pub.keys[0].has_private = false;
	CHECK(unseal(&pub, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1 &&
	    ptlen == 0);
	CHECK(seal(&pub.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob2, sizeof(blob2),
	    &len2) == 0);
	CHECK(unseal(&pub, ticket_aad, 16, blob2, len2, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&ring, ticket_aad, 16, blob2, len2, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == IDLEN);
	/* even with the private key's bytes left in, has_private false never opens */
	pub = ring;
	pub.keys[0].has_private = false;
	CHECK(unseal(&pub, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1);

	/* a different aad */
	CHECK(unseal(&ring, "1234567890123453", 16, blob, len, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&ring, ticket_aad, 15, blob, len, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&ring, NULL, 0, blob, len, pt, sizeof(pt), &ptlen) == -1 && ptlen == 0);

	/* too small an output buffer: seal_size is what seal asks for */
	CHECK(seal(&ring.keys[0], NULL, 0, fake_identity, IDLEN, blob2,
	    seal_size(SEAL_SM2, IDLEN) - 1, &len2) == -1 && len2 == 0);
	explicit_bzero(&ring, sizeof(ring));
}

/* Another pair under the same id, another id, another alg: nothing opens. */
static void
test_sm2_wrong_key(void)
{
	struct keyring	 ring, other;
	uint8_t		 blob[512], pt[512];
	size_t		 len, ptlen;

	memset(&ring, 0, sizeof(ring));
	memset(&other, 0, sizeof(other));
	make_sm2(&ring, 22, true);
	make_sm2(&other, 22, true);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	CHECK(unseal(&other, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1 &&
	    ptlen == 0);
	CHECK(memmem(pt, sizeof(pt), "Zhang", 5) == NULL);
	other = ring;
	other.keys[0].id = 23;
	CHECK(unseal(&other, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1);
	other = ring;
	other.keys[0].alg = SEAL_X25519_AESGCM;
	CHECK(unseal(&other, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1);
	/* the blob's alg byte says X25519: the SM2 key of that id is not used */
	blob[0] = SEAL_X25519_AESGCM;
	CHECK(unseal(&ring, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1);
	explicit_bzero(&ring, sizeof(ring));
	explicit_bzero(&other, sizeof(other));
}

/*
 * Every single-bit flip (header, DER framing, C1, C3, C2) fails and leaves no plaintext; so
 * does every truncation, and a byte appended (OpenSSL itself would ignore it).
 */
static void
test_sm2_tamper(void)
{
	struct keyring	 ring;
	uint8_t		 blob[512], bad[512], pt[512], *cut;
	size_t		 len, ptlen, i, bit, n, opened = 0, leaked = 0;

	memset(&ring, 0, sizeof(ring));
	make_sm2(&ring, 24, true);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	for (i = 0; i < len; i++) {
		for (bit = 0; bit < 8; bit++) {
			memcpy(bad, blob, len);
			bad[i] ^= (uint8_t)(1u << bit);
			memset(pt, 0, sizeof(pt));
			ptlen = 12345;
			if (unseal(&ring, ticket_aad, 16, bad, len, pt, sizeof(pt), &ptlen) == 0)
				opened++;
			if (ptlen != 0 || memmem(pt, sizeof(pt), "Zhang", 5) != NULL)
				leaked++;
		}
	}
	CHECK(opened == 0);
	CHECK(leaked == 0);
	for (n = 0; n < len; n++) {
		cut = (uint8_t *)exact_copy((const char *)blob, n);
		if (unseal(&ring, ticket_aad, 16, cut, n, pt, sizeof(pt), &ptlen) == 0 ||
		    ptlen != 0)
			opened++;
		free(cut);
	}
	CHECK(opened == 0);
	memcpy(bad, blob, len);
	bad[len] = 0;
	CHECK(unseal(&ring, ticket_aad, 16, bad, len + 1, pt, sizeof(pt), &ptlen) == -1);
	bad[len] = 0x30;
	bad[len + 1] = 0;
	CHECK(unseal(&ring, ticket_aad, 16, bad, len + 2, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&ring, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == 0);
	explicit_bzero(&ring, sizeof(ring));
}

/*
 * The format, both ways, with an SM2 EVP_PKEY made by OpenSSL's own keygen (not by our key
 * loading): what seal writes, EVP_PKEY_decrypt opens to SM3(header || aad || aadlen) ||
 * plaintext; what EVP_PKEY_encrypt writes in that form, unseal opens.
 */
static void
test_sm2_format(void)
{
	struct keyring	 ring;
	EVP_PKEY_CTX	*g, *c;
	EVP_PKEY	*pk = NULL;
	BIGNUM		*d = NULL;
	uint8_t		 blob[512], msg[512], want[32], pt[512];
	size_t		 len, mlen, publen = 0, ptlen;

	memset(&ring, 0, sizeof(ring));
	g = EVP_PKEY_CTX_new_from_name(NULL, "SM2", NULL);
	CHECK(g != NULL && EVP_PKEY_keygen_init(g) == 1 && EVP_PKEY_keygen(g, &pk) == 1);
	ring.nkeys = 1;
	ring.current = 25;
	ring.keys[0].id = 25;
	ring.keys[0].alg = SEAL_SM2;
	ring.keys[0].has_private = true;
	CHECK(EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_PRIV_KEY, &d) == 1 &&
	    BN_bn2binpad(d, ring.keys[0].key, 32) == 32);
	CHECK(EVP_PKEY_get_octet_string_param(pk, OSSL_PKEY_PARAM_PUB_KEY, ring.keys[0].pub, 65,
	    &publen) == 1 && publen == 65);

	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	c = EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL);
	mlen = sizeof(msg);
	CHECK(c != NULL && EVP_PKEY_decrypt_init(c) == 1 &&
	    EVP_PKEY_decrypt(c, msg, &mlen, blob + 5, len - 5) == 1);
	EVP_PKEY_CTX_free(c);
	bind_sm3(blob, ticket_aad, 16, want);
	CHECK(mlen == 32 + IDLEN && memcmp(msg, want, 32) == 0 &&
	    memcmp(msg + 32, fake_identity, IDLEN) == 0);

	/* the other way: OpenSSL seals a message of that form under header 04 00000019 */
	memcpy(blob, "\x04\0\0\0\x19", 5);
	bind_sm3(blob, "totp:7", 6, msg);
	memcpy(msg + 32, "12345678901234567890", 20);
	c = EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL);
	len = sizeof(blob) - 5;
	CHECK(c != NULL && EVP_PKEY_encrypt_init(c) == 1 &&
	    EVP_PKEY_encrypt(c, blob + 5, &len, msg, 52) == 1);
	EVP_PKEY_CTX_free(c);
	CHECK(unseal(&ring, "totp:7", 6, blob, len + 5, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == 20 && memcmp(pt, "12345678901234567890", 20) == 0);
	CHECK(unseal(&ring, "totp:8", 6, blob, len + 5, pt, sizeof(pt), &ptlen) == -1);
	/* and a message whose digest binds another header does not open under this one */
	blob[4] = 0x1a;
	ring.keys[0].id = 26;
	CHECK(unseal(&ring, "totp:7", 6, blob, len + 5, pt, sizeof(pt), &ptlen) == -1);

	BN_clear_free(d);
	EVP_PKEY_free(pk);
	EVP_PKEY_CTX_free(g);
	explicit_bzero(&ring, sizeof(ring));
}

static void
test_sm2_key_file(void)
{
	struct secrets	 s;
	const struct seal_key *k;
	uint8_t		 g[65];

	g[0] = 4;
	CHECK(crypto_unhex(SM2_GX SM2_GY, 128, g + 1, 64) == 0);
	/* the private key 1 has G for its public key */
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 "
	    "0000000000000000000000000000000000000000000000000000000000000001"
	    "\nidentity_current = 6\n", &s) == 0);
	CHECK((k = keyring_find(&s.identity, 6)) != NULL && k->alg == SEAL_SM2 &&
	    k->has_private && k->key[31] == 1 && memcmp(k->pub, g, 65) == 0);
	secrets_wipe(&s);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 " SM2_N_2 "\nidentity_current = 6\n",
	    &s) == 0);
	secrets_wipe(&s);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public 04" SM2_GX SM2_GY
	    "\nidentity_current = 6\n", &s) == 0);
	CHECK((k = keyring_find(&s.identity, 6)) != NULL && k->alg == SEAL_SM2 &&
	    !k->has_private && memcmp(k->pub, g, 65) == 0 && k->key[0] == 0);
	secrets_wipe(&s);
	/* beside an X25519 key and an SM4 key */
	CHECK(load_keys(MAC_LINE "identity_key = 1 sm4-ctr-hmac-sm3 " HEX64 "\nidentity_key = 2 "
	    "x25519 " HEX64 "\nidentity_key = 3 sm2 " HEX64 "\nidentity_current = 3\n", &s) == 0 &&
	    s.identity.nkeys == 3);
	secrets_wipe(&s);
	/* refused scalars: 0, n - 1, n, all ones; short, long */
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 "
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 " SM2_N_1 "\nidentity_current = 6\n",
	    &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 " SM2_N "\nidentity_current = 6\n",
	    &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 "
	    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 " HEX64 "00\nidentity_current = 6\n",
	    &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 8899\nidentity_current = 6\n", &s) == -1);
	/* refused points: off the curve, compressed, a bad prefix, all zeros, the x alone */
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public 04" SM2_GX
	    "bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a1"
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public 02" SM2_GX
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public 06" SM2_GX SM2_GY
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public 04" HEX64 HEX64
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public 00"
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "0000000000000000000000000000000000000000000000000000000000000000"
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public " HEX64 "\nidentity_current = 6\n",
	    &s) == -1);
	/* a public point on a private line, a scalar on a public line, unknown names */
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2 04" SM2_GX SM2_GY
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-public " SM2_N_2
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2public 04" SM2_GX SM2_GY
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2-private " HEX64
	    "\nidentity_current = 6\n", &s) == -1);
	CHECK(load_keys(MAC_LINE "identity_key = 6 sm2\nidentity_current = 6\n", &s) == -1);
}

/* keygen's SM2 lines: each loads; the public one seals what the private one opens. */
static void
test_sm2_keygen_lines(void)
{
	char		 lines[SECRETS_SM2_LINES_MAX], file[640], *nl;
	struct secrets	 priv, pub;
	uint8_t		 blob[512], pt[512];
	size_t		 len, ptlen;
	const struct seal_key *k;

	CHECK(secrets_sm2_lines(0, lines, sizeof(lines)) == -1);
	CHECK(secrets_sm2_lines(5, lines, 200) == -1);
	CHECK(secrets_sm2_lines(4294967295u, lines, sizeof(lines)) == 0);
	CHECK(secrets_sm2_lines(5, lines, sizeof(lines)) == 0);
	CHECK(strncmp(lines, "identity_key = 5 sm2 ", 21) == 0);
	CHECK((nl = strchr(lines, '\n')) != NULL && nl - lines == 21 + 64);
	CHECK(strncmp(nl + 1, "identity_key = 5 sm2-public 04", 30) == 0);
	CHECK(strlen(nl + 1) == 28 + 130 + 1);
	*nl = '\0';
	snprintf(file, sizeof(file), MAC_LINE "%s\nidentity_current = 5\n", lines);
	CHECK(load_keys(file, &priv) == 0);
	snprintf(file, sizeof(file), MAC_LINE "%sidentity_current = 5\n", nl + 1);
	CHECK(load_keys(file, &pub) == 0);
	CHECK((k = keyring_find(&pub.identity, 5)) != NULL && !k->has_private &&
	    k->alg == SEAL_SM2);
	CHECK(memcmp(k->pub, keyring_find(&priv.identity, 5)->pub, 65) == 0);
	CHECK(seal(k, ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob), &len) == 0);
	CHECK(unseal(&pub.identity, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&priv.identity, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == IDLEN && memcmp(pt, fake_identity, IDLEN) == 0);
	explicit_bzero(lines, sizeof(lines));
	explicit_bzero(file, sizeof(file));
	secrets_wipe(&priv);
	secrets_wipe(&pub);
}

/* What rotate does, from X25519 to SM2 and back: unseal with the ring, seal with current. */
static void
test_sm2_rotation(void)
{
	struct keyring	 ring;
	uint8_t		 blob[512], blob2[512], pt[512];
	size_t		 len, len2, ptlen;

	memset(&ring, 0, sizeof(ring));
	make_pk(&ring, 1, true);
	make_sm2(&ring, 2, true);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, IDLEN, blob, sizeof(blob),
	    &len) == 0);
	CHECK(unseal(&ring, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == 0);
	CHECK(seal(keyring_find(&ring, 2), ticket_aad, 16, pt, ptlen, blob2, sizeof(blob2),
	    &len2) == 0 && blob2[0] == SEAL_SM2);
	CHECK(unseal(&ring, ticket_aad, 16, blob2, len2, pt, sizeof(pt), &ptlen) == 0);
	CHECK(seal(keyring_find(&ring, 1), ticket_aad, 16, pt, ptlen, blob, sizeof(blob),
	    &len) == 0 && blob[0] == SEAL_X25519_AESGCM);
	CHECK(unseal(&ring, ticket_aad, 16, blob, len, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == IDLEN && memcmp(pt, fake_identity, IDLEN) == 0);
	explicit_bzero(&ring, sizeof(ring));
}

int
main(void)
{
	test_round_trip();
	test_wrong_key();
	test_tamper();
	test_format();
	test_key_file();
	test_keygen_lines();
	test_sm2_round_trip();
	test_sm2_wrong_key();
	test_sm2_tamper();
	test_sm2_format();
	test_sm2_key_file();
	test_sm2_keygen_lines();
	test_sm2_rotation();
	return unit_done();
}
