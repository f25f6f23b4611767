/*
 * test_seal.c: unit tests of public-key sealing (SEAL_X25519_AESGCM in lib/seal.c and
 * lib/seal_x25519.c) and of its key-file lines (lib/config.c). The blob format is checked
 * independently with raw OpenSSL calls; truncated blobs are exact heap copies, so that
 * AddressSanitizer catches a read past the end.
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

int
main(void)
{
	test_round_trip();
	test_wrong_key();
	test_tamper();
	test_format();
	test_key_file();
	test_keygen_lines();
	return unit_done();
}
