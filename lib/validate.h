/*
 * validate.h: validators for untrusted input.
 *
 * This module owns the question "is this byte string acceptable as a ...?"
 * for everything a citizen or an official can type into a form: text
 * fields, identity numbers, unified social credit codes, phone numbers,
 * e-mail addresses and region codes.  It answers yes or no and nothing
 * else: it never normalises, never allocates and keeps no state, so every
 * function is safe to call from any thread.
 *
 * Every function takes (pointer, length) because the bytes come from
 * parsed request bodies and may contain anything, NUL included.  No
 * function reads s[len] or calls strlen.  s may be NULL only when len is 0.
 * An empty string is valid UTF-8 and clean text; whether a field may be
 * empty is the caller's decision.
 */
#ifndef JUBAO_VALIDATE_H
#define JUBAO_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence, no stray
 * continuation byte.  NUL bytes are refused too: once the text is stored or
 * handed to a C API, a NUL would silently hide whatever follows it.
 */
bool	utf8_valid(const char *s, size_t len);

/*
 * Number of code points in s[0..len).  Meant for text that passed
 * utf8_valid (e.g. to enforce "at most 2000 characters"); on invalid input
 * it still stays within len and returns the number of non-continuation
 * bytes, which is merely meaningless.
 */
size_t	utf8_count(const char *s, size_t len);

/*
 * Text fit for a single-line field: valid UTF-8, no C0 control characters
 * (U+0000..U+001F), no DEL, no C1 controls (U+0080..U+009F) and no
 * U+2028/U+2029 (they break lines in browsers and JavaScript).  With
 * multiline true, \n, \r and \t are allowed as well.
 */
bool	text_clean(const char *s, size_t len, bool multiline);

/*
 * Resident identity number, GB 11643-1999: 17 digits and a check character
 * (0-9 or X; a lowercase x is accepted, so callers that store the number
 * should upper-case it first).  The check character must match ISO 7064
 * MOD 11-2, the birth date (characters 7-14, YYYYMMDD) must be a real date
 * from 1900-01-01 up to today in local time, and the first two digits must
 * be a province-level code in use (83, Taiwan residence permits, included).
 */
bool	valid_id_number(const char *s, size_t len);

/*
 * valid_id_number with "today" given by the caller as y * 10000 + m * 100 +
 * d, so that tests and batch jobs do not depend on the clock.
 */
bool	valid_id_number_asof(const char *s, size_t len, long today);

/*
 * Unified social credit code, GB 32100-2015: 18 characters from
 * "0123456789ABCDEFGHJKLMNPQRTUWXY" (upper case only; I O Z S V never
 * occur), characters 3-8 an administrative division code (digits), and the
 * 18th character the GB 32100 check character over the first 17.
 */
bool	valid_credit_code(const char *s, size_t len);

/*
 * Mainland phone number, one of:
 *   mobile:   1[3-9] + 9 digits, optionally after "+86" or "86" and an
 *             optional space or hyphen ("+86 13800138000");
 *   landline: 0, area code, optional hyphen or space, 7-8 digit local
 *             number, optional extension ("-" or "转" and 1-6 digits).
 *             The area code length follows the national numbering plan:
 *             two digits after 0[12] (010, 020-029), three after 0[3-9];
 *   service:  400 or 800 numbers, 10 digits, grouped 3-3-4 with optional
 *             hyphens or spaces ("400-810-8888", "4008108888").
 * Anything else (letters, other separators, wrong length) is refused.
 */
bool	valid_phone(const char *s, size_t len);

/*
 * A practical e-mail address check: exactly one '@'; a local part of 1-64
 * characters from [A-Za-z0-9.!#$%&'*+/=?^_`{|}~-], not starting or ending
 * with '.' and without ".."; a domain of 1-253 characters made of
 * dot-separated labels of 1-63 characters from [A-Za-z0-9-], not starting
 * or ending with '-', at least two labels, the last alphabetic and at least
 * two long; at most 254 characters in all.  No quoted local parts, no
 * address literals, no internationalised addresses.
 */
bool	valid_email(const char *s, size_t len);

/* Administrative division code: exactly six ASCII digits. */
bool	valid_region_code(const char *s, size_t len);

#endif
