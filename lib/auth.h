/*
 * auth: what proves a staff member is who they say: password hashes (PBKDF2-HMAC-SHA256 with a
 * per-user salt and an explicit iteration count, compared in constant time), TOTP second factors
 * (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) and their base32 secrets, and the growing
 * delay after failed sign-ins.
 */
#ifndef JUBAO_AUTH_H
#define JUBAO_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AUTH_ITERATIONS 310000     /* PBKDF2-SHA256, OWASP 2023 guidance */
#define AUTH_SALT_LEN   16
#define AUTH_HASH_LEN   32
#define AUTH_PW_MIN     10         /* characters of a new password */
#define AUTH_PW_MAX     128

/* PBKDF2-HMAC-SHA256(pw, salt, iter) into out. 0 ok, -1 failure. */
int auth_hash(const char *pw, size_t len, const uint8_t salt[AUTH_SALT_LEN], unsigned iter,
    uint8_t out[AUTH_HASH_LEN]);
/* New salt and hash for a password. 0 ok. */
int auth_new_hash(const char *pw, size_t len, uint8_t salt[AUTH_SALT_LEN],
    uint8_t out[AUTH_HASH_LEN]);
/* Does pw match the stored hash? Constant time in the comparison. */
bool auth_verify(const char *pw, size_t len, const uint8_t salt[AUTH_SALT_LEN], unsigned iter,
    const uint8_t hash[AUTH_HASH_LEN]);
/* A new password's rules: AUTH_PW_MIN..AUTH_PW_MAX characters, valid UTF-8, and at least three
 * of lower case, upper case, digits, others. NULL when fine, else the Chinese reason. */
const char *auth_password_problem(const char *pw, size_t len);

/* RFC 4648 base32 without padding (the form authenticator apps take). out holds 2*len+1. */
void base32_encode(const uint8_t *in, size_t len, char *out);
/* Decode, ignoring spaces and case; -1 on a bad character or too long. */
int base32_decode(const char *s, uint8_t *out, size_t cap, size_t *outlen);
/* The 6-digit TOTP code at time t (RFC 6238, SHA-1, 30 s). -1 on failure. */
int totp_code(const uint8_t *secret, size_t len, int64_t t);
/* The time step (t / 30) of the code, when it is now's or one either side (clock drift) and
 * later than after (the last step accepted: a code is used once); -1 when none. */
int64_t totp_accept(const uint8_t *secret, size_t len, int64_t now, const char *code,
    size_t codelen, int64_t after);
/* Accept the code of now, or one step either side (clock drift). */
bool totp_verify(const uint8_t *secret, size_t len, int64_t now, const char *code, size_t codelen);

/* Seconds before the next attempt after the n-th consecutive one (cgi/admin/login.c applies
 * it per typed login and client address): none for the first 4, then 1, 2, 4 … minutes, at
 * most an hour. */
int64_t auth_lock_seconds(unsigned failures);

#endif
