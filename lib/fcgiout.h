/*
 * fcgiout: an answer's FastCGI stdout records, built in memory so that the program can hand the
 * whole answer to the kernel in one write(). libfcgi's own stream writes an 8 KiB record each
 * time its buffer fills; a worker killed between two of those writes leaves nginx part of an
 * answer whose Content-Length promised more, which nginx 1.22 passes on as complete while the
 * client (or a front nginx) waits for the rest until its time-out: the 30 s hang of the cluster
 * test (README, "A cluster"). One write leaves nginx nothing or everything. libfcgi's
 * FCGX_Finish_r still ends the stream (an empty stdout record) and the request after these.
 * Pure: no I/O here.
 */
#ifndef JUBAO_FCGIOUT_H
#define JUBAO_FCGIOUT_H

#include <stddef.h>
#include <stdint.h>

#define FCGIOUT_HEADER 8
#define FCGIOUT_CHUNK 65528           /* content per record: the largest multiple of 8 */

/* Bytes of records that carry content_len bytes (0 for none). */
size_t fcgiout_size(size_t content_len);

/* Write into out (fcgiout_size(alen + blen) bytes) the FCGI_STDOUT records of request_id that
 * carry a then b; returns the bytes written. */
size_t fcgiout_records(uint8_t *out, unsigned request_id, const void *a, size_t alen,
    const void *b, size_t blen);

#endif
