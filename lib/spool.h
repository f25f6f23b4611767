/*
 * spool: reports accepted while the database is away (issue 11), kept under spool_dir until
 * `jubaoctl spool-import` puts them into the database.
 *
 * One file per report, <ticket>.rec, written through a temporary file that is fsynced, renamed
 * into place (never over an existing one) and its directory fsynced:
 *
 *   "JBSPOOL1" (8) || ticket (16 digits) || code MAC (32) || submitted (8, big-endian Unix
 *   time) || body length (4, big-endian) || sealed body
 *
 * The head is what the public status program needs to answer "已收到，正在登记" for the right
 * code (it has no private key): the ticket, the MAC of ticket and code (as in report.code_mac)
 * and the time. The body is sealed (lib/crypto.h seal()) with the identity keyring's current
 * key, "spool:" || ticket || code MAC || submitted (8, big-endian) as additional data, so that it
 * opens only under its own head; with public-key sealing only the console's key opens it. Its plaintext (spool_encode) is a version and length-prefixed fields:
 *
 *   u32 version (1) || submit_key (32) || due || channel || category || standards || industry ||
 *   region || subject_type || subject_name || subject_address || credit_code || description ||
 *   u8 hazard || u8 anonymous || sealed identity (empty: anonymous) || u32 nfiles ||
 *   nfiles × (name || mime || u64 size || sha256 (32))
 *
 * each string as u32 length || bytes || NUL (length counts the NUL; length 0 is NULL), bytes as
 * u32 length || bytes. The identity inside is sealed exactly as for the database (ticket as
 * additional data), so the importer stores that blob as it is. Attachments are in the
 * attachment store (lib/store.h) as for any report; the body names them and their SHA-256.
 */
#ifndef JUBAO_SPOOL_H
#define JUBAO_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto.h"
#include "report.h"
#include "store.h"

#define SPOOL_MAGIC     "JBSPOOL1"
#define SPOOL_HEAD_LEN  (8 + 16 + 32 + 8 + 4)
#define SPOOL_FILES_MAX 20
#define SPOOL_BODY_MAX  (1u << 20)     /* a report's text is far smaller */

enum spool_rc {
	SPOOL_OK = 0,
	SPOOL_EXISTS = 1,       /* this ticket is already spooled (the same form again) */
	SPOOL_FULL = -1,        /* over spool_max_bytes or spool_max_files */
	SPOOL_ERR = -2,         /* logged */
};

struct spool_head {
	char    ticket[17];
	uint8_t code_mac[32];
	int64_t submitted;
	size_t  body_len;       /* of the sealed body that follows the head */
};

/* The report as spooled. After spool_decode, every pointer points into the decoded buffer. */
struct spool_body {
	uint8_t            submit_key[32];
	const char        *due;                /* YYYY-MM-DD or "" */
	struct new_report  r;                  /* identity/identity_len unused (NULL, 0) */
	const uint8_t     *sealed_identity;    /* NULL for an anonymous report */
	size_t             sealed_len;
	struct stored_file files[SPOOL_FILES_MAX];
	size_t             nfiles;
};

/* ---- pure: no files, no keys ---- */

/* The body's plaintext into *out (malloc'd; the caller wipes and frees it), *len its length.
 * 0 ok, -1 (too many files, a string over 1 MiB). */
int spool_encode(const struct spool_body *, uint8_t **out, size_t *len);
/* Parse a plaintext body of len bytes; b's pointers point into buf (NUL-terminated strings,
 * checked: no NUL inside, mime one of the store's). 0 ok, -1 malformed. */
int spool_decode(const uint8_t *buf, size_t len, struct spool_body *b);
/* The head into buf (SPOOL_HEAD_LEN bytes). */
void spool_head_write(const struct spool_head *, uint8_t buf[SPOOL_HEAD_LEN]);
/* Parse the first SPOOL_HEAD_LEN bytes of len: magic, a well-formed ticket, a body length
 * within SPOOL_BODY_MAX + sealing overhead. 0 ok, -1. */
int spool_head_parse(const uint8_t *buf, size_t len, struct spool_head *);

/* ---- the spool directory ---- */

struct spool_limits {
	uint64_t max_bytes;     /* 0: no limit */
	unsigned max_files;     /* 0: no limit */
};

/* Seal body with ring's current key and write <ticket>.rec (see above) under dir, unless the
 * spool holds max_files records or max_bytes bytes already. SPOOL_OK, SPOOL_EXISTS (nothing
 * written; *existing gets the spooled head), SPOOL_FULL or SPOOL_ERR. */
int spool_put(const char *dir, const struct spool_limits *, const struct keyring *ring,
    const struct spool_head *, const struct spool_body *, struct spool_head *existing);
/* Whether code belongs to a spooled ticket: reads only the head. The MAC is computed and compared
 * whether or not the ticket is spooled. 0 with *match (and *submitted when it matches); -1 on a
 * key failure. */
int spool_check_code(const char *dir, const uint8_t code_mac_key[32], const char ticket[17],
    const char code[9], bool *match, int64_t *submitted);
/* The head of dir/<ticket>.rec: 0 when it is spooled (well-formed), -1 when not. */
int spool_find(const char *dir, const char ticket[17], struct spool_head *);
/* How many records wait, their bytes and the oldest submission time (0 when none). 0 ok, -1
 * when dir cannot be read. */
int spool_stat(const char *dir, size_t *count, uint64_t *bytes, int64_t *oldest);

/* A record read and opened: head, the body's plaintext (owned) and the parsed body. */
struct spool_record {
	struct spool_head head;
	uint8_t          *plain;
	size_t            plain_len;
	struct spool_body body;
};
/* Read dir/<ticket>.rec and open it with ring (which needs the private key). 0 ok, -1 (logged:
 * unreadable, malformed, does not open). */
int spool_read(const char *dir, const char ticket[17], const struct keyring *ring,
    struct spool_record *);
/* Wipe and free what spool_read allocated. */
void spool_record_free(struct spool_record *);
/* Remove dir/<ticket>.rec and sync the directory. 0 ok or already gone, -1. */
int spool_remove(const char *dir, const char ticket[17]);
/* Call fn for each spooled ticket (file name <16 digits>.rec); stops when fn returns non-zero
 * and returns that. -1 when dir cannot be read. */
int spool_each(const char *dir, int (*fn)(const char ticket[17], void *), void *arg);

#endif
