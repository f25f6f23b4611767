/*
 * store: the attachment store. Evidence files are judged by their first bytes (JPEG, PNG, PDF),
 * written under the attachment directory with names the server makes (never the browser's),
 * through a temporary file that is fsynced and renamed, so that a file the database points to is
 * whole on disk. JPEG and PNG files are stored scrubbed of their metadata (lib/scrub.h: place,
 * time, camera serial, author, comments), never as sent; a PDF is stored as sent.
 */
#ifndef JUBAO_STORE_H
#define JUBAO_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "http.h"

struct stored_file {
	char        name[33];
	const char *mime;
	size_t      size;
	uint8_t     sha256[32];
};

/* "image/jpeg", "image/png", "application/pdf", or NULL for anything else. */
const char *store_sniff(const void *buf, size_t len);

/* Write buf to dir/<ab>/<32 hex> (ab: its first two characters). name gets the 32 hex + NUL,
 * sha the SHA-256 of the content. 0 ok, -1 error (logged). */
int store_put(const char *dir, const void *buf, size_t len, char name[33], uint8_t sha[32]);
/* Write all of buf to fd (retrying short writes and EINTR), and fsync a directory so that a
 * rename in it survives a crash: 0 ok, -1 with errno set. The spool writes its records the same
 * way (lib/spooldir.c). */
int store_write_all(int fd, const void *buf, size_t len);
int store_sync_dir(const char *path);
/* Remove a stored file (when the report that would own it was not saved). */
void store_remove(const char *dir, const char *name);

/* The files of a form's "attachment" fields: at most max_files, each at most max_file bytes,
 * JPEG/PNG/PDF by content, images well-formed enough to scrub. NULL and *n set when fine (each
 * size is what will be stored, after scrubbing), else the Chinese reason. */
const char *store_check(const struct params *, unsigned max_files, size_t max_file,
    struct stored_file *files, size_t *n);
/* Write the n checked files, images scrubbed; on failure none is left behind. 0 ok. */
int store_put_all(const char *dir, const struct params *, struct stored_file *files, size_t n);
void store_remove_all(const char *dir, const struct stored_file *files, size_t n);

#endif
