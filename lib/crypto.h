/*
 * crypto.h: every cryptographic operation of jubao, on OpenSSL 3.0.
 *
 * One header for five source files:
 *  - crypto.c, primitives: random bytes, SHA-256, HMAC-SHA256, constant-time comparison, hex;
 *  - seal.c, sealing of the reporter's identity: an authenticated encryption format with a key
 *    id in its header, so that keys can be rotated (X25519 public-key sealing, SM2 public-key
 *    sealing for 国密, AES-256-GCM, or SM4-CTR + HMAC-SM3 for 国密), and the key ring;
 *  - seal_x25519.c, X25519 key pairs and the key agreement of public-key sealing;
 *  - seal_sm2.c, SM2 key pairs and SM2 public-key encryption (GB/T 32918.4) of alg 4;
 *  - tokens.c, the user-facing secrets: ticket numbers (16 digits, Luhn), query codes (8
 *    symbols) and CSRF tokens.
 *
 * Nothing here allocates memory that the caller must free, and nothing prints: every function
 * reports failure by its return value only (OpenSSL may leave details on its error queue).
 * Key material passed in stays the caller's: the caller wipes it with OPENSSL_cleanse().
 */
#ifndef JUBAO_CRYPTO_H
#define JUBAO_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fill buf with len cryptographically strong random bytes (RAND_bytes). 0 ok, -1 failure. */
int	crypto_random(void *buf, size_t len);

/* HMAC-SHA256 of msg under key into out (32 bytes). 0 ok, -1 failure. */
int	crypto_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
	    uint8_t out[32]);

/*
 * HMAC-SHA256 under key of: 4-byte big-endian alen || a || b, so that ("ab","c") and ("a","bc")
 * differ. 0 ok, -1 failure (including alen > UINT32_MAX).
 */
int	crypto_hmac2(const void *key, size_t keylen, const void *a, size_t alen, const void *b,
	    size_t blen, uint8_t out[32]);

/* SHA-256 of msg into out (32 bytes). 0 ok, -1 failure. */
int	crypto_sha256(const void *msg, size_t len, uint8_t out[32]);

/*
 * Constant-time equality of two byte strings: false when the lengths differ (the length is not
 * secret), else CRYPTO_memcmp() over the bytes.
 */
bool	crypto_equal(const void *a, size_t alen, const void *b, size_t blen);

/* Lower-case hex of in[0..len) into out, which must hold 2*len+1 bytes (NUL-terminated). */
void	crypto_hex(const uint8_t *in, size_t len, char *out);

/*
 * Parse hex (either case) into out: 0 when s is exactly 2*outlen hex characters, else -1 (out
 * then holds nothing useful).
 */
int	crypto_unhex(const char *s, size_t slen, uint8_t *out, size_t outlen);

/* ---- sealing the reporter's identity ---- */

enum seal_alg {
	SEAL_AES256_GCM = 1, SEAL_SM4_CTR_HMAC_SM3 = 2, SEAL_X25519_AESGCM = 3, SEAL_SM2 = 4
};

#define SEAL_KEY_LEN	32
#define SEAL_HDR_LEN	5	/* alg (1 byte) || key id (4 bytes, big-endian) */
#define X25519_KEY_LEN	32
#define SM2_PRIV_LEN	32	/* the private scalar d, big-endian, 1 <= d <= n - 2 */
#define SM2_PUB_LEN	65	/* the public point, uncompressed: 04 || x (32) || y (32) */
#define SEAL_PUB_MAX	SM2_PUB_LEN

/*
 * A sealing key. For the symmetric algs, key is the secret key (has_private and pub unused).
 * For the public-key algs (SEAL_X25519_AESGCM: pub's first 32 bytes; SEAL_SM2: all 65), pub is
 * the recipient's public key, which is all that sealing needs; key is the private key when
 * has_private, else zeros: such a key seals but never unseals.
 */
struct seal_key {
	uint32_t	id;
	enum seal_alg	alg;
	uint8_t		key[SEAL_KEY_LEN];
	uint8_t		pub[SEAL_PUB_MAX];
	bool		has_private;
};

/*
 * A keyring: the keys known (old ones still open records) and the id of the one that seals new
 * records. Fixed capacity, no allocation; the caller fills it and wipes it.
 */
#define KEYRING_MAX	16
struct keyring {
	struct seal_key	keys[KEYRING_MAX];
	size_t		nkeys;
	uint32_t	current;
};

/*
 * Blob format, for a plaintext of n bytes:
 *
 *   alg (1) || key id (4, big-endian) || IV || ciphertext (n) || tag
 *
 * SEAL_AES256_GCM:       IV 12 bytes, tag 16 bytes; GCM's AAD is header (5 bytes) || aad.
 * SEAL_SM4_CTR_HMAC_SM3: IV 16 bytes (SM4-CTR initial counter block), tag 32 bytes:
 *     HMAC-SM3(mackey, header || IV || ciphertext || aad || 8-byte big-endian aad length),
 *     encrypt-then-MAC; enckey = first 16 bytes of HMAC-SM3(key, "jubao seal enc"),
 *     mackey = HMAC-SM3(key, "jubao seal mac").
 * SEAL_X25519_AESGCM:    ephemeral X25519 public key (32) before the IV; IV 12 bytes, tag 16
 *     bytes: AES-256-GCM as above (AAD header || aad) under the key HKDF-SHA256(ikm = X25519(
 *     ephemeral private, recipient public), salt = ephemeral public || recipient public,
 *     info = "jubao identity v1"). A fresh ephemeral key pair per record; only the holder of
 *     the recipient's private key can open it.
 * SEAL_SM2:              no IV and no tag of ours: after the header comes the SM2 ciphertext
 *     (GB/T 32918.4-2016, SM3 as its hash and KDF) in the DER form of GM/T 0009-2012 that
 *     OpenSSL 3 writes, SEQUENCE { INTEGER x1, INTEGER y1, OCTET STRING C3 (32),
 *     OCTET STRING C2 }, of the message
 *         SM3(header (5) || aad || 8-byte big-endian aad length) (32) || plaintext.
 *     SM2 encryption takes no associated data; the digest inside the message binds the header
 *     and aad to it (C3 = SM3(x2 || M || y2) authenticates M under the shared point), and is
 *     compared in constant time on opening. The DER integers drop leading zero bytes, so the
 *     blob is up to a few bytes shorter than seal_size(); it must be exactly one SEQUENCE
 *     (OpenSSL's decryption ignores bytes after it: unseal() does not).
 *     Why SM2 encryption and not SM2 key agreement + SM4: it is the public-key encryption of
 *     the 国密 standard itself, which an assessment recognises as such, OpenSSL 3.0 has it
 *     (SM4-GCM and the SM2 key exchange protocol it lacks), and it is one call each way.
 * The caller's aad (e.g. the report's ticket) is authenticated but not stored in the blob.
 */

/*
 * Blob size for a plaintext of n bytes; 0 for an unknown alg or if the size would overflow.
 * Exact for every alg but SEAL_SM2, for which it is the largest size a blob can have.
 */
size_t	seal_size(enum seal_alg alg, size_t n);

/*
 * Seal pt[0..ptlen) with key k (k->alg chooses the algorithm) into out, which has outcap >=
 * seal_size(k->alg, ptlen) bytes; *outlen gets the blob length (for SEAL_SM2 at most that).
 * aad may be NULL when aadlen is 0. A fresh random IV (or SM2 ephemeral key) is drawn for
 * every call. 0 ok, -1 error (*outlen then 0).
 */
int	seal(const struct seal_key *k, const void *aad, size_t aadlen, const void *pt,
	    size_t ptlen, uint8_t *out, size_t outcap, size_t *outlen);

/*
 * Open blob with the key named in its header, looked up in ring; the key found must be of the
 * blob's alg. The tag/MAC is checked in constant time before any plaintext is returned: on any
 * failure (short blob, bad alg byte, unknown key id, alg mismatch, tag mismatch) it returns -1,
 * sets *ptlen to 0 and leaves no plaintext in pt. pt has ptcap bytes: at least the plaintext
 * length (bloblen - seal_size(alg, 0), or a little more for SEAL_SM2); ptcap >= bloblen always
 * suffices. A public-only key (has_private false) never opens. 0 ok.
 */
int	unseal(const struct keyring *ring, const void *aad, size_t aadlen, const uint8_t *blob,
	    size_t bloblen, uint8_t *pt, size_t ptcap, size_t *ptlen);

/*
 * Read the header of a blob (for key rotation: which key sealed it). 0 ok; -1 when the blob is
 * shorter than a header or its alg byte is unknown. Nothing is authenticated here.
 */
int	seal_header(const uint8_t *blob, size_t bloblen, enum seal_alg *alg, uint32_t *key_id);

/* The key with this id in ring (first match), or NULL. Points into ring; nothing to free. */
const struct seal_key *keyring_find(const struct keyring *ring, uint32_t id);

/* Whether this OpenSSL offers everything alg needs (SM4/SM3 may be missing in some builds). */
bool	seal_alg_available(enum seal_alg alg);

/* A new X25519 key pair (EVP_PKEY_keygen) into priv and pub. 0 ok, -1 (both wiped). */
int	x25519_keygen(uint8_t priv[X25519_KEY_LEN], uint8_t pub[X25519_KEY_LEN]);

/* The X25519 public key of the private key priv into pub. 0 ok, -1. */
int	x25519_public(const uint8_t priv[X25519_KEY_LEN], uint8_t pub[X25519_KEY_LEN]);

/* A new SM2 key pair (EVP_PKEY_keygen) into priv and pub. 0 ok, -1 (both wiped). */
int	sm2_keygen(uint8_t priv[SM2_PRIV_LEN], uint8_t pub[SM2_PUB_LEN]);

/*
 * The SM2 public key of the private key priv into pub: -1 (pub wiped) unless priv, read
 * big-endian, is in [1, n - 2] (GB/T 32918.1: the private key of encryption). 0 ok.
 */
int	sm2_public(const uint8_t priv[SM2_PRIV_LEN], uint8_t pub[SM2_PUB_LEN]);

/* Whether pub is an uncompressed point on the SM2 curve, not the point at infinity. */
bool	sm2_public_ok(const uint8_t pub[SM2_PUB_LEN]);

/* ---- tickets, query codes, CSRF tokens ---- */

/*
 * A new ticket number into out: 16 decimal digits + NUL. 15 uniformly random digits (the first
 * one 1-9) followed by a Luhn check digit. 0 ok, -1 failure (out then "").
 */
int	ticket_new(char out[17]);

/*
 * A ticket number determined by 32 bytes (a MAC): 15 digits (the first 1-9) from the first 8
 * bytes, and the Luhn check digit. The spool's tickets (lib/spool.h): the same form sent twice
 * while the database is away gets the same ticket.
 */
void	ticket_from_bytes(const uint8_t b[32], char out[17]);
/*
 * Normalise user input s[0..len) (strip ASCII spaces and hyphens; at most 40 input bytes), then
 * require 16 digits, the first not 0, with a valid Luhn check digit. On success copy the 16
 * digits + NUL to out and return true; else out gets "" and false is returned.
 */
bool	ticket_parse(const char *s, size_t len, char out[17]);

#define CODE_ALPHABET	"ABCDEFGHJKLMNPQRSTUVWXYZ23456789"	/* 32 symbols: no I, O, 0, 1 */

/*
 * Query code from a 32-byte MAC: 8 symbols of CODE_ALPHABET, 5 bits each taken big-endian from
 * mac[0..5), so uniform. out gets 8 symbols + NUL.
 */
void	code_from_bytes(const uint8_t mac[32], char out[9]);

/*
 * Normalise user input s[0..len) (strip ASCII spaces and hyphens, upper-case ASCII letters; at
 * most 40 input bytes; nothing else is mapped), then accept exactly 8 symbols of CODE_ALPHABET.
 * On success copy them + NUL to out and return true; else out gets "" and false is returned.
 */
bool	code_parse(const char *s, size_t len, char out[9]);

/*
 * CSRF token: base64url without padding of
 *   8-byte big-endian issue time || 16 random bytes || first 16 bytes of HMAC-SHA256(key, the
 *   first 24 bytes);
 * 40 bytes give 54 characters (13 groups of 3 bytes -> 52, the last byte -> 2).
 */
#define CSRF_TOKEN_LEN	54

/* Issue a token for time now into out (CSRF_TOKEN_LEN + NUL). keylen must be > 0. 0 ok, -1. */
int	csrf_issue(const uint8_t *key, size_t keylen, int64_t now, char out[CSRF_TOKEN_LEN + 1]);

/*
 * Whether token[0..len) is valid at time now: exactly CSRF_TOKEN_LEN canonical base64url
 * characters, MAC matching (constant time), issued no later than now + 60 (clock skew) and not
 * more than max_age seconds before now.
 */
bool	csrf_check(const uint8_t *key, size_t keylen, const char *token, size_t len, int64_t now,
	    int64_t max_age);

#endif
