/*
 * test_crypto.c: unit tests of crypto.h: lib/crypto.c (primitives), seal.c (sealing), tokens.c
 * (tickets, query codes, CSRF tokens). Where a format is promised, the test checks it
 * independently with raw OpenSSL calls.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memmem */
#endif

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto.h"
#include "unit.h"

#define NTICKETS	10000

static const char fake_identity[] =
    "Zhang San, ID 110101199003074211, tel 13800138000, Shijiazhuang";
static const char ticket_aad[] = "1234567890123452";

/* Hex of in[0..len) into a static buffer (tests only; one use per expression). */
static const char *
hexstr(const uint8_t *in, size_t len)
{
	static char	 buf[2 * 64 + 1];

	if (len > 64)
		len = 64;
	crypto_hex(in, len, buf);
	return buf;
}

/* Luhn validity of 16 digits, written independently of the library: doubling from the left. */
static bool
luhn16(const char *d)
{
	int	 i, v, sum = 0;

	for (i = 0; i < 16; i++) {
		v = d[i] - '0';
		if (i % 2 == 0) {	/* even index from the left = even position from the right */
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return sum % 10 == 0;
}

/* Append to 15 digits the Luhn check digit that makes them valid (independent of the library). */
static void
luhn_complete(char d[17])
{
	int	 c;

	d[16] = '\0';
	for (c = 0; c <= 9; c++) {
		d[15] = (char)('0' + c);
		if (luhn16(d))
			break;
	}
}

static int
cmp_ticket(const void *a, const void *b)
{
	return memcmp(a, b, 17);
}

static void
make_key(struct seal_key *k, uint32_t id, enum seal_alg alg)
{
	memset(k, 0, sizeof(*k));
	k->id = id;
	k->alg = alg;
	CHECK(crypto_random(k->key, sizeof(k->key)) == 0);
}

/* ---- primitives ---- */

static void
test_hmac_sha256_rfc4231(void)
{
	uint8_t	 mac[32];

	/* RFC 4231, test case 2 */
	CHECK(crypto_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac) == 0);
	CHECK_STR(hexstr(mac, 32),
	    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void
test_sha256_abc(void)
{
	uint8_t	 md[32];

	CHECK(crypto_sha256("abc", 3, md) == 0);
	CHECK_STR(hexstr(md, 32),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK(crypto_sha256(NULL, 0, md) == 0);
	CHECK_STR(hexstr(md, 32),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
test_hmac2(void)
{
	uint8_t	 m1[32], m2[32], m3[32];

	CHECK(crypto_hmac2("k", 1, "ab", 2, "c", 1, m1) == 0);
	CHECK(crypto_hmac2("k", 1, "a", 1, "bc", 2, m2) == 0);
	CHECK(!crypto_equal(m1, 32, m2, 32));
	/* the format: HMAC over 4-byte big-endian alen || a || b */
	CHECK(crypto_hmac_sha256("k", 1, "\0\0\0\2abc", 7, m3) == 0);
	CHECK(crypto_equal(m1, 32, m3, 32));
}

static void
test_equal(void)
{
	uint8_t	 a[32], b[32];
	size_t	 i, bit, equal_after_flip = 0;

	CHECK(crypto_random(a, sizeof(a)) == 0);
	memcpy(b, a, sizeof(b));
	CHECK(crypto_equal(a, 32, b, 32));
	CHECK(!crypto_equal(a, 32, b, 31));
	CHECK(!crypto_equal("abc", 3, "abcd", 4));
	CHECK(crypto_equal(NULL, 0, NULL, 0));
	for (i = 0; i < sizeof(b); i++) {
		for (bit = 0; bit < 8; bit++) {
			b[i] ^= (uint8_t)(1u << bit);
			if (crypto_equal(a, 32, b, 32))
				equal_after_flip++;
			b[i] ^= (uint8_t)(1u << bit);
		}
	}
	CHECK(equal_after_flip == 0);
}

static void
test_hex(void)
{
	uint8_t	 in[256], back[256], two[2];
	char	 hex[2 * 256 + 1];
	size_t	 i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)i;
	crypto_hex(in, sizeof(in), hex);
	CHECK(strlen(hex) == 512);
	CHECK(strncmp(hex, "000102", 6) == 0 && strcmp(hex + 506, "fdfeff") == 0);
	CHECK(crypto_unhex(hex, strlen(hex), back, sizeof(back)) == 0);
	CHECK(memcmp(in, back, sizeof(in)) == 0);
	CHECK(crypto_unhex("DEADbeef", 8, back, 4) == 0 &&
	    memcmp(back, "\xde\xad\xbe\xef", 4) == 0);
	CHECK(crypto_unhex("abc", 3, two, 2) == -1);	/* odd length */
	CHECK(crypto_unhex("abc", 3, two, 1) == -1);
	CHECK(crypto_unhex("abcdef", 6, two, 2) == -1);	/* longer than 2 * outlen */
	CHECK(crypto_unhex("zz00", 4, two, 2) == -1);	/* non-hex */
	CHECK(crypto_unhex("0g", 2, two, 1) == -1);
	CHECK(crypto_unhex("12 4", 4, two, 2) == -1);
	/* a failed parse leaves no partial value */
	CHECK(crypto_unhex("ffzz", 4, two, 2) == -1 && two[0] == 0 && two[1] == 0);
}

/* ---- sealing ---- */

/* Everything that must hold for one algorithm. */
static void
test_seal_alg(enum seal_alg alg)
{
	struct keyring	 ring, other;
	uint8_t		 blob[256], blob2[256], pt[256], bad[256];
	size_t		 bloblen, blob2len, ptlen, n, i, bit;
	size_t		 opened, leaked;
	const size_t	 idlen = sizeof(fake_identity) - 1;
	enum seal_alg	 halg;
	uint32_t	 hid;

	memset(&ring, 0, sizeof(ring));
	make_key(&ring.keys[0], 0x01020304, alg);
	ring.nkeys = 1;
	ring.current = 0x01020304;

	/* round trip */
	CHECK(seal(keyring_find(&ring, ring.current), ticket_aad, 16, fake_identity, idlen,
	    blob, sizeof(blob), &bloblen) == 0);
	CHECK(bloblen == seal_size(alg, idlen));
	CHECK(bloblen == 5 + idlen + (alg == SEAL_AES256_GCM ? 12 + 16 : 16 + 32));
	CHECK(unseal(&ring, ticket_aad, 16, blob, bloblen, pt, sizeof(pt), &ptlen) == 0);
	CHECK(ptlen == idlen && memcmp(pt, fake_identity, idlen) == 0);

	/* the header: alg byte, then the key id big-endian */
	CHECK(blob[0] == (uint8_t)alg);
	CHECK(memcmp(blob + 1, "\x01\x02\x03\x04", 4) == 0);
	CHECK(seal_header(blob, bloblen, &halg, &hid) == 0 && halg == alg && hid == 0x01020304);

	/* the blob does not carry the plaintext */
	CHECK(memmem(blob, bloblen, fake_identity, idlen) == NULL);
	CHECK(memmem(blob, bloblen, "110101199003074211", 18) == NULL);

	/* fresh IV: the same plaintext seals differently */
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, idlen, blob2, sizeof(blob2),
	    &blob2len) == 0);
	CHECK(blob2len == bloblen && memcmp(blob, blob2, bloblen) != 0);
	CHECK(memcmp(blob + 5, blob2 + 5, alg == SEAL_AES256_GCM ? 12 : 16) != 0);

	/* wrong aad */
	CHECK(unseal(&ring, "1234567890123453", 16, blob, bloblen, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&ring, NULL, 0, blob, bloblen, pt, sizeof(pt), &ptlen) == -1);
	CHECK(unseal(&ring, ticket_aad, 15, blob, bloblen, pt, sizeof(pt), &ptlen) == -1);

	/* every bit of every byte flipped in turn: never opens, never leaves plaintext behind */
	opened = leaked = 0;
	for (i = 0; i < bloblen; i++) {
		for (bit = 0; bit < 8; bit++) {
			memcpy(bad, blob, bloblen);
			bad[i] ^= (uint8_t)(1u << bit);
			memset(pt, 0, sizeof(pt));
			ptlen = 12345;
			if (unseal(&ring, ticket_aad, 16, bad, bloblen, pt, sizeof(pt),
			    &ptlen) == 0)
				opened++;
			if (ptlen != 0 || memmem(pt, sizeof(pt), "Zhang", 5) != NULL)
				leaked++;
		}
	}
	CHECK(opened == 0);
	CHECK(leaked == 0);

	/* truncated at every length, and extended by one byte */
	opened = 0;
	for (n = 0; n < bloblen; n++)
		if (unseal(&ring, ticket_aad, 16, blob, n, pt, sizeof(pt), &ptlen) == 0)
			opened++;
	CHECK(opened == 0);
	memcpy(bad, blob, bloblen);
	bad[bloblen] = 0;
	CHECK(unseal(&ring, ticket_aad, 16, bad, bloblen + 1, pt, sizeof(pt), &ptlen) == -1);

	/* unknown key id: the same key bytes under another id do not help */
	other = ring;
	other.keys[0].id = 0x01020305;
	CHECK(unseal(&other, ticket_aad, 16, blob, bloblen, pt, sizeof(pt), &ptlen) == -1);
	other.nkeys = 0;
	CHECK(unseal(&other, ticket_aad, 16, blob, bloblen, pt, sizeof(pt), &ptlen) == -1);

	/* the key found must be of the blob's algorithm */
	other = ring;
	other.keys[0].alg = alg == SEAL_AES256_GCM ? SEAL_SM4_CTR_HMAC_SM3 : SEAL_AES256_GCM;
	CHECK(unseal(&other, ticket_aad, 16, blob, bloblen, pt, sizeof(pt), &ptlen) == -1);

	/* capacities: exactly the plaintext length is enough, one less is not */
	CHECK(unseal(&ring, ticket_aad, 16, blob, bloblen, pt, idlen, &ptlen) == 0);
	CHECK(unseal(&ring, ticket_aad, 16, blob, bloblen, pt, idlen - 1, &ptlen) == -1);
	CHECK(seal(&ring.keys[0], ticket_aad, 16, fake_identity, idlen, blob2,
	    seal_size(alg, idlen) - 1, &blob2len) == -1 && blob2len == 0);

	/* empty plaintext and empty aad */
	CHECK(seal(&ring.keys[0], NULL, 0, NULL, 0, blob2, sizeof(blob2), &blob2len) == 0);
	CHECK(blob2len == seal_size(alg, 0));
	CHECK(unseal(&ring, NULL, 0, blob2, blob2len, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == 0);
}

static void
test_seal_header_errors(void)
{
	enum seal_alg	 alg;
	uint32_t	 id;

	CHECK(seal_header((const uint8_t *)"\x01\0\0\0", 4, &alg, &id) == -1);
	CHECK(seal_header((const uint8_t *)"\x05\0\0\0\1", 5, &alg, &id) == -1);
	CHECK(seal_header((const uint8_t *)"\x04\0\0\0\1", 5, &alg, &id) == 0 &&
	    alg == SEAL_SM2 && id == 1);
	CHECK(seal_header((const uint8_t *)"\x03\0\0\0\1", 5, &alg, &id) == 0 &&
	    alg == SEAL_X25519_AESGCM && id == 1);
	CHECK(seal_header((const uint8_t *)"\x00\0\0\0\1", 5, &alg, &id) == -1);
	CHECK(seal_header((const uint8_t *)"\x02\xff\0\0\1", 5, &alg, &id) == 0 &&
	    alg == SEAL_SM4_CTR_HMAC_SM3 && id == 0xff000001);
	CHECK(seal_size(SEAL_AES256_GCM, 0) == 33 && seal_size(SEAL_SM4_CTR_HMAC_SM3, 0) == 53);
	CHECK(seal_size(SEAL_X25519_AESGCM, 0) == 65);
	CHECK(seal_size((enum seal_alg)5, 10) == 0);
	CHECK(seal_size(SEAL_AES256_GCM, SIZE_MAX) == 0);
	CHECK(seal_size(SEAL_SM2, SIZE_MAX) == 0);
}

/* Old records stay readable after `current` moves; a rotation job re-seals them. */
static void
test_seal_rotation(bool sm4)
{
	struct keyring	 ring, old;
	uint8_t		 r1[256], r2[256], r3[256], pt[256];
	size_t		 r1len, r2len, r3len, ptlen;
	const size_t	 idlen = sizeof(fake_identity) - 1;
	enum seal_alg	 alg;
	uint32_t	 id;

	memset(&ring, 0, sizeof(ring));
	make_key(&ring.keys[0], 1, SEAL_AES256_GCM);
	ring.nkeys = 1;
	ring.current = 1;
	CHECK(seal(keyring_find(&ring, ring.current), ticket_aad, 16, fake_identity, idlen, r1,
	    sizeof(r1), &r1len) == 0);
	old = ring;

	make_key(&ring.keys[1], 2, sm4 ? SEAL_SM4_CTR_HMAC_SM3 : SEAL_AES256_GCM);
	ring.nkeys = 2;
	ring.current = 2;
	CHECK(seal(keyring_find(&ring, ring.current), ticket_aad, 16, fake_identity, idlen, r2,
	    sizeof(r2), &r2len) == 0);

	CHECK(seal_header(r1, r1len, &alg, &id) == 0 && id == 1 && alg == SEAL_AES256_GCM);
	CHECK(seal_header(r2, r2len, &alg, &id) == 0 && id == 2);
	CHECK(unseal(&ring, ticket_aad, 16, r1, r1len, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == idlen && memcmp(pt, fake_identity, idlen) == 0);
	CHECK(unseal(&ring, ticket_aad, 16, r2, r2len, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == idlen && memcmp(pt, fake_identity, idlen) == 0);
	CHECK(unseal(&old, ticket_aad, 16, r2, r2len, pt, sizeof(pt), &ptlen) == -1);

	/* re-seal r1 under the current key */
	CHECK(unseal(&ring, ticket_aad, 16, r1, r1len, pt, sizeof(pt), &ptlen) == 0);
	CHECK(seal(keyring_find(&ring, ring.current), ticket_aad, 16, pt, ptlen, r3,
	    sizeof(r3), &r3len) == 0);
	CHECK(seal_header(r3, r3len, &alg, &id) == 0 && id == 2);
	CHECK(unseal(&ring, ticket_aad, 16, r3, r3len, pt, sizeof(pt), &ptlen) == 0 &&
	    ptlen == idlen && memcmp(pt, fake_identity, idlen) == 0);

	CHECK(keyring_find(&ring, 3) == NULL);
	CHECK(keyring_find(&ring, 1) == &ring.keys[0]);
}

/*
 * AES-256-GCM known answer: seal with a fixed key, then take the blob apart with raw EVP calls
 * (the legacy EVP_aes_256_gcm(), not the fetched cipher) following the format in crypto.h.
 */
static void
test_seal_gcm_format(void)
{
	struct seal_key	 k;
	struct keyring	 ring;
	EVP_CIPHER_CTX	*ctx;
	uint8_t		 blob[128], pt[128], ct2[128], tag[16], tag2[16];
	size_t		 bloblen, i;
	const size_t	 ptlen = 12;
	int		 n, fin;
	bool		 ok;

	memset(&k, 0, sizeof(k));
	k.id = 0x0a0b0c0d;
	k.alg = SEAL_AES256_GCM;
	for (i = 0; i < sizeof(k.key); i++)
		k.key[i] = (uint8_t)i;
	CHECK(seal(&k, ticket_aad, 16, "known answer", ptlen, blob, sizeof(blob), &bloblen) == 0);
	CHECK(bloblen == 5 + 12 + ptlen + 16);
	CHECK(memcmp(blob, "\x01\x0a\x0b\x0c\x0d", 5) == 0);

	/* decrypt: IV at 5, ciphertext at 17, tag last; AAD = header || aad */
	memcpy(tag, blob + bloblen - 16, 16);
	ok = (ctx = EVP_CIPHER_CTX_new()) != NULL &&
	    EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) > 0 &&
	    EVP_DecryptInit_ex(ctx, NULL, NULL, k.key, blob + 5) == 1 &&
	    EVP_DecryptUpdate(ctx, NULL, &n, blob, 5) == 1 &&
	    EVP_DecryptUpdate(ctx, NULL, &n, (const uint8_t *)ticket_aad, 16) == 1 &&
	    EVP_DecryptUpdate(ctx, pt, &n, blob + 17, (int)ptlen) == 1 && n == (int)ptlen &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag) > 0 &&
	    EVP_DecryptFinal_ex(ctx, pt + n, &fin) == 1 && fin == 0;
	EVP_CIPHER_CTX_free(ctx);
	CHECK(ok && memcmp(pt, "known answer", ptlen) == 0);

	/* encrypt independently with the blob's IV: byte-identical ciphertext and tag */
	ok = (ctx = EVP_CIPHER_CTX_new()) != NULL &&
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) > 0 &&
	    EVP_EncryptInit_ex(ctx, NULL, NULL, k.key, blob + 5) == 1 &&
	    EVP_EncryptUpdate(ctx, NULL, &n, blob, 5) == 1 &&
	    EVP_EncryptUpdate(ctx, NULL, &n, (const uint8_t *)ticket_aad, 16) == 1 &&
	    EVP_EncryptUpdate(ctx, ct2, &n, (const uint8_t *)"known answer", (int)ptlen) == 1 &&
	    EVP_EncryptFinal_ex(ctx, ct2 + n, &fin) == 1 &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag2) > 0;
	EVP_CIPHER_CTX_free(ctx);
	CHECK(ok && memcmp(ct2, blob + 17, ptlen) == 0 && memcmp(tag2, tag, 16) == 0);

	/* and the library opens it */
	memset(&ring, 0, sizeof(ring));
	ring.keys[0] = k;
	ring.nkeys = 1;
	ring.current = k.id;
	CHECK(unseal(&ring, ticket_aad, 16, blob, bloblen, pt, sizeof(pt), &i) == 0 &&
	    i == ptlen && memcmp(pt, "known answer", ptlen) == 0);
}

/* SM4 format: subkeys, MAC layout and SM4-CTR recomputed with raw EVP calls. */
static void
test_seal_sm4_format(void)
{
	struct seal_key	 k;
	EVP_MAC		*mac = NULL;
	EVP_MAC_CTX	*mctx = NULL;
	EVP_CIPHER	*cipher = NULL;
	EVP_CIPHER_CTX	*ctx = NULL;
	OSSL_PARAM	 params[2];
	uint8_t		 blob[128], pt[128], full[32], enc[16], mk[32], tag[32];
	uint8_t		 alen[8] = { 0, 0, 0, 0, 0, 0, 0, 16 };
	size_t		 bloblen, outl, i;
	const size_t	 ptlen = 12;
	int		 n, fin;
	bool		 ok;

	memset(&k, 0, sizeof(k));
	k.id = 7;
	k.alg = SEAL_SM4_CTR_HMAC_SM3;
	for (i = 0; i < sizeof(k.key); i++)
		k.key[i] = (uint8_t)(0xa0 + i);
	CHECK(seal(&k, ticket_aad, 16, "known answer", ptlen, blob, sizeof(blob), &bloblen) == 0);
	CHECK(bloblen == 5 + 16 + ptlen + 32);
	CHECK(memcmp(blob, "\x02\0\0\0\x07", 5) == 0);

	ok = EVP_Q_mac(NULL, "HMAC", NULL, "SM3", NULL, k.key, 32,
	    (const uint8_t *)"jubao seal enc", 14, full, sizeof(full), &outl) != NULL &&
	    outl == 32;
	memcpy(enc, full, 16);
	ok = ok && EVP_Q_mac(NULL, "HMAC", NULL, "SM3", NULL, k.key, 32,
	    (const uint8_t *)"jubao seal mac", 14, mk, sizeof(mk), &outl) != NULL && outl == 32;
	CHECK(ok);

	/* tag = HMAC-SM3(mk, header || IV || ciphertext || aad || 8-byte BE aad length) */
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)"SM3", 0);
	params[1] = OSSL_PARAM_construct_end();
	ok = (mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) != NULL &&
	    (mctx = EVP_MAC_CTX_new(mac)) != NULL &&
	    EVP_MAC_init(mctx, mk, sizeof(mk), params) == 1 &&
	    EVP_MAC_update(mctx, blob, 5 + 16 + ptlen) == 1 &&
	    EVP_MAC_update(mctx, (const uint8_t *)ticket_aad, 16) == 1 &&
	    EVP_MAC_update(mctx, alen, sizeof(alen)) == 1 &&
	    EVP_MAC_final(mctx, tag, &outl, sizeof(tag)) == 1 && outl == 32;
	EVP_MAC_CTX_free(mctx);
	EVP_MAC_free(mac);
	CHECK(ok && memcmp(tag, blob + bloblen - 32, 32) == 0);

	/* ciphertext = SM4-CTR(enc, IV) */
	ok = (cipher = EVP_CIPHER_fetch(NULL, "SM4-CTR", NULL)) != NULL &&
	    (ctx = EVP_CIPHER_CTX_new()) != NULL &&
	    EVP_DecryptInit_ex2(ctx, cipher, enc, blob + 5, NULL) == 1 &&
	    EVP_DecryptUpdate(ctx, pt, &n, blob + 21, (int)ptlen) == 1 &&
	    EVP_DecryptFinal_ex(ctx, pt + n, &fin) == 1 && (size_t)(n + fin) == ptlen;
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(cipher);
	CHECK(ok && memcmp(pt, "known answer", ptlen) == 0);
}

/* ---- tickets ---- */

static void
test_ticket_new(void)
{
	static char	 t[NTICKETS][17];
	char		 parsed[17];
	size_t		 i, j, bad_len = 0, bad_first = 0, bad_luhn = 0, bad_parse = 0, dups = 0;
	size_t		 first[10] = { 0 }, rest[10] = { 0 }, lo, hi;
	bool		 fail = false;

	for (i = 0; i < NTICKETS; i++) {
		if (ticket_new(t[i]) != 0) {
			fail = true;
			break;
		}
		if (strlen(t[i]) != 16 || strspn(t[i], "0123456789") != 16) {
			bad_len++;
			continue;
		}
		if (t[i][0] == '0')
			bad_first++;
		if (!luhn16(t[i]))
			bad_luhn++;
		if (!ticket_parse(t[i], 16, parsed) || strcmp(parsed, t[i]) != 0)
			bad_parse++;
		first[t[i][0] - '0']++;
		for (j = 1; j < 15; j++)
			rest[t[i][j] - '0']++;
	}
	CHECK(!fail);
	CHECK(bad_len == 0);
	CHECK(bad_first == 0);
	CHECK(bad_luhn == 0);
	CHECK(bad_parse == 0);
	qsort(t, NTICKETS, sizeof(t[0]), cmp_ticket);
	for (i = 1; i < NTICKETS; i++)
		if (strcmp(t[i - 1], t[i]) == 0)
			dups++;
	CHECK(dups == 0);

	/*
	 * Sanity of the distribution (not a proof of uniformity): each bound is more than six
	 * standard deviations away from the expected count.
	 */
	CHECK(first[0] == 0);
	lo = hi = first[1];
	for (j = 1; j <= 9; j++) {
		lo = first[j] < lo ? first[j] : lo;
		hi = first[j] > hi ? first[j] : hi;
	}
	CHECK(lo > NTICKETS / 9 * 8 / 10 && hi < NTICKETS / 9 * 12 / 10);
	lo = hi = rest[0];
	for (j = 0; j <= 9; j++) {
		lo = rest[j] < lo ? rest[j] : lo;
		hi = rest[j] > hi ? rest[j] : hi;
	}
	CHECK(lo > NTICKETS * 14 / 10 * 95 / 100 && hi < NTICKETS * 14 / 10 * 105 / 100);
}

static void
test_ticket_parse(void)
{
	char	 valid[17] = "123456789012345", zero[17] = "012345678901234";
	char	 out[17], in[64], t[17], d;
	size_t	 i, k, accepted_changed = 0, accepted_swapped = 0, swaps = 0, new_failed = 0;

	luhn_complete(valid);
	CHECK_STR(valid, "1234567890123452");
	CHECK(ticket_parse("1234 5678 9012 3452", 19, out) && strcmp(out, valid) == 0);
	CHECK(ticket_parse("1234-5678-9012-3452", 19, out) && strcmp(out, valid) == 0);
	CHECK(ticket_parse("  1234567890123452 ", 19, out) && strcmp(out, valid) == 0);
	CHECK(!ticket_parse("1234 5678 9012 3453", 19, out) && out[0] == '\0');

	/* 15 and 17 digits */
	CHECK(!ticket_parse("1234 5678 9012 345", 18, out));
	CHECK(!ticket_parse("1234 5678 9012 34520", 20, out));
	CHECK(!ticket_parse("01234 5678 9012 3452", 20, out));
	/* letters, other separators, an embedded NUL */
	CHECK(!ticket_parse("1234 5678 9012 345a", 19, out));
	CHECK(!ticket_parse("I234 5678 9012 3452", 19, out));
	CHECK(!ticket_parse("1234.5678.9012.3452", 19, out));
	CHECK(!ticket_parse("1234\t5678\t9012\t3452", 19, out));
	CHECK(!ticket_parse("1234567890123452", 17, out));
	/* at most 40 input bytes */
	memset(in, ' ', sizeof(in));
	memcpy(in + 24, valid, 16);
	CHECK(ticket_parse(in, 40, out) && strcmp(out, valid) == 0);
	memset(in, ' ', sizeof(in));
	memcpy(in + 25, valid, 16);
	CHECK(!ticket_parse(in, 41, out));
	/* never a leading zero, even with a valid check digit */
	luhn_complete(zero);
	CHECK(luhn16(zero) && !ticket_parse(zero, 16, out));
	CHECK(!ticket_parse("", 0, out));
	CHECK(!ticket_parse(NULL, 0, out));

	/* every single changed digit and every adjacent swap (but 09/90) is caught */
	for (k = 0; k < 201; k++) {
		if (k == 0)
			memcpy(t, valid, sizeof(t));
		else if (ticket_new(t) != 0)
			new_failed++;
		for (i = 0; i < 16; i++) {
			for (d = '0'; d <= '9'; d++) {
				if (d == t[i])
					continue;
				memcpy(in, t, 17);
				in[i] = d;
				if (ticket_parse(in, 16, out))
					accepted_changed++;
			}
		}
		for (i = 0; i + 1 < 16; i++) {
			if (t[i] == t[i + 1] || (t[i] == '0' && t[i + 1] == '9') ||
			    (t[i] == '9' && t[i + 1] == '0'))
				continue;
			memcpy(in, t, 17);
			in[i] = t[i + 1];
			in[i + 1] = t[i];
			swaps++;
			if (ticket_parse(in, 16, out))
				accepted_swapped++;
		}
	}
	CHECK(new_failed == 0);
	CHECK(accepted_changed == 0);
	CHECK(swaps > 2000 && accepted_swapped == 0);
}

/* ---- query codes ---- */

static void
test_code_from_bytes(void)
{
	uint8_t	 mac[32];
	char	 code[9], parsed[9];
	size_t	 i, bad = 0;

	memset(mac, 0, sizeof(mac));
	code_from_bytes(mac, code);
	CHECK_STR(code, "AAAAAAAA");
	memset(mac, 0xff, sizeof(mac));
	code_from_bytes(mac, code);
	CHECK_STR(code, "99999999");
	/* symbols 0..7, 5 bits each, big-endian: 00000 00001 00010 ... 00111 */
	memset(mac, 0, sizeof(mac));
	memcpy(mac, "\x00\x44\x32\x14\xc7", 5);
	code_from_bytes(mac, code);
	CHECK_STR(code, "ABCDEFGH");

	for (i = 0; i < 1000; i++) {
		if (crypto_random(mac, sizeof(mac)) != 0) {
			bad++;
			continue;
		}
		code_from_bytes(mac, code);
		if (strlen(code) != 8 || strspn(code, CODE_ALPHABET) != 8 ||
		    !code_parse(code, 8, parsed) || strcmp(code, parsed) != 0)
			bad++;
	}
	CHECK(bad == 0);
}

static void
test_code_parse(void)
{
	char	 out[9], in[48];

	CHECK(code_parse("ABCDEFGH", 8, out) && strcmp(out, "ABCDEFGH") == 0);
	CHECK(code_parse("abcd-efgh", 9, out) && strcmp(out, "ABCDEFGH") == 0);
	CHECK(code_parse(" aBcD eFgH ", 11, out) && strcmp(out, "ABCDEFGH") == 0);
	CHECK(code_parse("2345-6789", 9, out) && strcmp(out, "23456789") == 0);
	/* I, O, 0 and 1 are not symbols, in either case */
	CHECK(!code_parse("ABCDEFGI", 8, out) && out[0] == '\0');
	CHECK(!code_parse("ABCDEFGO", 8, out));
	CHECK(!code_parse("ABCDEFG0", 8, out));
	CHECK(!code_parse("ABCDEFG1", 8, out));
	CHECK(!code_parse("abcdefgi", 8, out));
	CHECK(!code_parse("abcdefgo", 8, out));
	/* 7 and 9 symbols */
	CHECK(!code_parse("ABCDEFG", 7, out));
	CHECK(!code_parse("ABCDEFGHJ", 9, out));
	/* nothing else is mapped */
	CHECK(!code_parse("ABCD_EFGH", 9, out));
	CHECK(!code_parse("ABCD\tEFGH", 9, out));
	CHECK(!code_parse("ABCDEFG\xc3\xa9", 9, out));
	CHECK(!code_parse("ABCDEFGH", 9, out));	/* the NUL */
	/* at most 40 input bytes */
	memset(in, ' ', sizeof(in));
	memcpy(in, "ABCD", 4);
	memcpy(in + 36, "EFGH", 4);
	CHECK(code_parse(in, 40, out) && strcmp(out, "ABCDEFGH") == 0);
	memset(in, ' ', sizeof(in));
	memcpy(in, "ABCD", 4);
	memcpy(in + 37, "EFGH", 4);
	CHECK(!code_parse(in, 41, out));
	CHECK(!code_parse(NULL, 0, out));
}

/* ---- CSRF tokens ---- */

static void
test_csrf(void)
{
	static const char	 b64url[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	uint8_t			 key[32], key2[32];
	char			 tok[CSRF_TOKEN_LEN + 1], tok2[CSRF_TOKEN_LEN + 1];
	char			 bad[CSRF_TOKEN_LEN + 2];
	const int64_t		 now = 1700000000, max_age = 7200;
	size_t			 i, accepted = 0;
	const char		*p;

	CHECK(crypto_random(key, sizeof(key)) == 0);
	/*
	 * HMAC zero-pads short keys, so a key ending in 0x00 equals its own prefix: make the
	 * last byte non-zero for the truncated-key check below.
	 */
	key[31] |= 0x80;
	memcpy(key2, key, sizeof(key2));
	key2[31] ^= 1;

	CHECK(csrf_issue(key, sizeof(key), now, tok) == 0);
	CHECK(strlen(tok) == CSRF_TOKEN_LEN && strspn(tok, b64url) == CSRF_TOKEN_LEN);
	CHECK(csrf_check(key, sizeof(key), tok, CSRF_TOKEN_LEN, now, max_age));
	CHECK(csrf_check(key, sizeof(key), tok, CSRF_TOKEN_LEN, now + 3600, max_age));
	CHECK(csrf_issue(key, sizeof(key), now, tok2) == 0 && strcmp(tok, tok2) != 0);

	/* every character altered in turn (including the last one's unused low bits) */
	for (i = 0; i < CSRF_TOKEN_LEN; i++) {
		memcpy(bad, tok, sizeof(tok));
		p = strchr(b64url, tok[i]);
		bad[i] = p[1] != '\0' ? p[1] : b64url[0];
		if (csrf_check(key, sizeof(key), bad, CSRF_TOKEN_LEN, now, max_age))
			accepted++;
	}
	CHECK(accepted == 0);
	memcpy(bad, tok, sizeof(tok));
	bad[10] = '+';
	CHECK(!csrf_check(key, sizeof(key), bad, CSRF_TOKEN_LEN, now, max_age));

	/* expiry, with the boundary */
	CHECK(csrf_check(key, sizeof(key), tok, CSRF_TOKEN_LEN, now + max_age, max_age));
	CHECK(!csrf_check(key, sizeof(key), tok, CSRF_TOKEN_LEN, now + max_age + 1, max_age));

	/* wrong key */
	CHECK(!csrf_check(key2, sizeof(key2), tok, CSRF_TOKEN_LEN, now, max_age));
	CHECK(!csrf_check(key, sizeof(key) - 1, tok, CSRF_TOKEN_LEN, now, max_age));

	/* from the future: 60 seconds of skew allowed, not 61 */
	CHECK(csrf_issue(key, sizeof(key), now + 60, tok2) == 0);
	CHECK(csrf_check(key, sizeof(key), tok2, CSRF_TOKEN_LEN, now, max_age));
	CHECK(csrf_issue(key, sizeof(key), now + 61, tok2) == 0);
	CHECK(!csrf_check(key, sizeof(key), tok2, CSRF_TOKEN_LEN, now, max_age));

	/* wrong length */
	CHECK(!csrf_check(key, sizeof(key), tok, CSRF_TOKEN_LEN - 1, now, max_age));
	memcpy(bad, tok, sizeof(tok));
	bad[CSRF_TOKEN_LEN] = 'A';
	bad[CSRF_TOKEN_LEN + 1] = '\0';
	CHECK(!csrf_check(key, sizeof(key), bad, CSRF_TOKEN_LEN + 1, now, max_age));
	CHECK(!csrf_check(key, sizeof(key), "", 0, now, max_age));

	/* no key, and times at the ends of int64_t (no overflow) */
	CHECK(csrf_issue(key, 0, now, tok2) == -1 && tok2[0] == '\0');
	CHECK(csrf_issue(key, sizeof(key), INT64_MIN, tok2) == 0);
	CHECK(!csrf_check(key, sizeof(key), tok2, CSRF_TOKEN_LEN, INT64_MAX, INT64_MAX - 1));
	CHECK(csrf_check(key, sizeof(key), tok2, CSRF_TOKEN_LEN, INT64_MIN, 0));
	CHECK(csrf_issue(key, sizeof(key), INT64_MAX, tok2) == 0);
	CHECK(!csrf_check(key, sizeof(key), tok2, CSRF_TOKEN_LEN, INT64_MIN, max_age));
	CHECK(csrf_check(key, sizeof(key), tok2, CSRF_TOKEN_LEN, INT64_MAX - 60, 0));
}

int
main(void)
{
	bool	 sm4 = seal_alg_available(SEAL_SM4_CTR_HMAC_SM3);

	test_hmac_sha256_rfc4231();
	test_sha256_abc();
	test_hmac2();
	test_equal();
	test_hex();

	CHECK(seal_alg_available(SEAL_AES256_GCM));
	test_seal_alg(SEAL_AES256_GCM);
	test_seal_gcm_format();
	if (sm4) {
		test_seal_alg(SEAL_SM4_CTR_HMAC_SM3);
		test_seal_sm4_format();
	} else
		printf("note: SM4-CTR/SM3 not offered by this OpenSSL, SM4 sealing not tested\n");
	test_seal_header_errors();
	test_seal_rotation(sm4);

	test_ticket_new();
	test_ticket_parse();
	test_code_from_bytes();
	test_code_parse();
	test_csrf();
	return unit_done();
}
