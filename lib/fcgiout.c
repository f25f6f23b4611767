/* fcgiout: see fcgiout.h. Record layout: FastCGI 1.0 specification, section 3.3. */
#include <string.h>

#include "fcgiout.h"

enum { FCGI_VERSION_1 = 1, FCGI_STDOUT = 6 };

size_t
fcgiout_size(size_t content_len)
{
	size_t records = (content_len + FCGIOUT_CHUNK - 1) / FCGIOUT_CHUNK;

	return records * FCGIOUT_HEADER + content_len;
}

static void
put_header(uint8_t *h, unsigned request_id, size_t len)
{
	h[0] = FCGI_VERSION_1;
	h[1] = FCGI_STDOUT;
	h[2] = (uint8_t)(request_id >> 8);
	h[3] = (uint8_t)request_id;
	h[4] = (uint8_t)(len >> 8);
	h[5] = (uint8_t)len;
	h[6] = 0;                          /* no padding */
	h[7] = 0;
}

size_t
fcgiout_records(uint8_t *out, unsigned request_id, const void *a, size_t alen, const void *b,
    size_t blen)
{
	const uint8_t *src[2] = { a, b };
	size_t left[2] = { alen, blen };
	size_t total = alen + blen, done = 0, at = 0;
	int part = 0;

	while (done < total) {
		size_t len = total - done < FCGIOUT_CHUNK ? total - done : FCGIOUT_CHUNK;
		size_t filled = 0;

		put_header(out + at, request_id, len);
		at += FCGIOUT_HEADER;
		while (filled < len) {
			size_t n;

			while (left[part] == 0)
				part++;
			n = left[part] < len - filled ? left[part] : len - filled;
			memcpy(out + at, src[part], n);
			src[part] += n;
			left[part] -= n;
			filled += n;
			at += n;
		}
		done += len;
	}
	return at;
}
