/*
 * fuzz_http: libFuzzer harness for the request parsers (lib/http.c). The first input byte picks
 * the parser: urlencoded, multipart (boundary "xYz"), cookies, Content-Length. Every value a
 * parser accepts must be valid UTF-8 (file parts excepted): the property the programs rely on.
 *   make fuzz          (clang, libFuzzer; runs each harness for FUZZ_SECONDS)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct http_limits lim = { 32, 64, 4096 };
	struct arena a;
	struct params ps;
	const struct param *p;
	char *buf;
	enum http_err e = HTTP_EFRAMING;

	if (size < 1)
		return 0;
	arena_init(&a);
	memset(&ps, 0, sizeof(ps));
	/* an exact-size heap copy, so that reading past the end is caught */
	buf = malloc(size - 1 ? size - 1 : 1);
	if (buf == NULL)
		abort();
	memcpy(buf, data + 1, size - 1);
	switch (data[0] % 4) {
	case 0:
		e = http_parse_urlencoded(&a, buf, size - 1, &lim, &ps);
		break;
	case 1:
		e = http_parse_multipart(&a, buf, size - 1, "xYz", &lim, &ps);
		break;
	case 2: {
		char *s = arena_strndup(&a, buf, size - 1);
		http_parse_cookies(&a, s, 32, &ps);
		e = HTTP_OK;
		break;
	}
	default: {
		char *s = arena_strndup(&a, buf, size - 1);
		(void)http_content_length(s, 1 << 20);
		break;
	}
	}
	if (e == HTTP_OK && data[0] % 4 < 2)
		for (p = ps.head; p != NULL; p = p->next)
			if (p->filename == NULL && !utf8_valid(p->value, p->len))
				abort();
	free(buf);
	arena_free(&a);
	return 0;
}
