/*
 * crypto_impl.h: what crypto.c, seal.c, seal_x25519.c and tokens.c share, and nothing for
 * other callers (they include crypto.h): big-endian byte order helpers, HMAC over a message in
 * several parts, and the key agreement of public-key sealing.
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

#endif
