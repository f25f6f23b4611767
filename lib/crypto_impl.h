/*
 * crypto_impl.h: what crypto.c, seal.c, seal_x25519.c, seal_sm2.c and tokens.c share, and
 * nothing for other callers (they include crypto.h): big-endian byte order helpers, HMAC over a
 * message in several parts, the key agreement of X25519 sealing and the SM2 half of SM2
 * sealing.
 */
#ifndef JUBAO_CRYPTO_IMPL_H
#define JUBAO_CRYPTO_IMPL_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32

/* One piece of a message that is MACed in several parts. */
struct part {
	const void	*p;
	size_t		 len;
};

static inline void
put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline uint32_t
get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void
put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, (uint32_t)(v >> 32));
	put_be32(p + 4, (uint32_t)v);
}

static inline uint64_t
get_be64(const uint8_t *p)
{
	return (uint64_t)get_be32(p) << 32 | get_be32(p + 4);
}

/*
 * HMAC with the named digest ("SHA256", "SM3") under key over the concatenation of parts into
 * out, which takes outlen bytes: the digest's size must be exactly outlen. An empty key is
 * allowed. 0 ok, -1 failure (out then holds nothing useful). In crypto.c.
 */
int	crypto_hmac_parts(const char *digest, const void *key, size_t keylen,
	    const struct part *parts, size_t nparts, uint8_t *out, size_t outlen);

/*
 * The AES-256-GCM key of a new SEAL_X25519_AESGCM record for the recipient's public key rpub:
 * a fresh ephemeral key pair, whose public key goes to epub, X25519 and HKDF-SHA256 into key
 * (SEAL_KEY_LEN bytes, the caller wipes it). 0 ok, -1. In seal_x25519.c.
 */
int	x25519_seal_key(const uint8_t rpub[32], uint8_t epub[32], uint8_t key[32]);

/* The same key on the recipient's side, from its private key rpriv and the record's epub. */
int	x25519_open_key(const uint8_t rpriv[32], const uint8_t epub[32], uint8_t key[32]);

/* seal_size(SEAL_SM2, n): the largest blob for n bytes of plaintext, or 0. In seal_sm2.c. */
size_t	sm2_seal_size(size_t n);

/*
 * SEAL_SM2 of pt for the recipient's public key pub into blob (cap >= sm2_seal_size(ptlen)
 * bytes), whose header (SEAL_HDR_LEN) is already written; *bloblen gets the blob length,
 * header included. 0 ok, -1 (*bloblen 0; the caller wipes blob).
 */
int	sm2_seal_blob(const uint8_t pub[65], uint8_t *blob, size_t cap, const void *aad,
	    size_t aadlen, const void *pt, size_t ptlen, size_t *bloblen);

/*
 * Reverse of sm2_seal_blob with the private key priv (and its public key pub): the plaintext
 * reaches pt (ptcap bytes) only once the SM2 check and the binding digest have matched.
 * 0 ok; -1 with *ptlen 0 and nothing written to pt.
 */
int	sm2_open_blob(const uint8_t priv[32], const uint8_t pub[65], const uint8_t *blob,
	    size_t bloblen, const void *aad, size_t aadlen, uint8_t *pt, size_t ptcap,
	    size_t *ptlen);

#endif
