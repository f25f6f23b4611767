/*
 * store: the attachment store. Evidence files are judged by their first bytes (JPEG, PNG, PDF),
 * written under the attachment directory with names the server makes (never the browser's),
 * through a temporary file that is fsynced and renamed, so that a file the database points to is
 * whole on disk.
 */
#ifndef JUBAO_STORE_H
#define JUBAO_STORE_H

#include <stddef.h>
#include <stdint.h>

/* "image/jpeg", "image/png", "application/pdf", or NULL for anything else. */
const char *store_sniff(const void *buf, size_t len);

/* Write buf to dir/<ab>/<32 hex> (ab: its first two characters). name gets the 32 hex + NUL,
 * sha the SHA-256 of the content. 0 ok, -1 error (logged). */
int store_put(const char *dir, const void *buf, size_t len, char name[33], uint8_t sha[32]);
/* Remove a stored file (when the report that would own it was not saved). */
void store_remove(const char *dir, const char *name);

#endif
