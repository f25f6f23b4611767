/*
 * replay: runs a libFuzzer harness's LLVMFuzzerTestOneInput over the files named on the command
 * line, without libFuzzer, so that `make check` replays the committed corpora with the normal
 * compiler (and under ASan+UBSan in the sanitizer build). Each file is read into a malloc'd
 * buffer of exactly its size, so a read past the input is caught. A harness signals a bug by
 * crashing or aborting, so a file that returns counts as passed.
 *   replay_NAME file...   prints "replay NAME: N passed, 0 failed"
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef REPLAY_NAME
#define REPLAY_NAME "harness"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole file in a buffer of exactly its size (1 byte for an empty file), or NULL. */
static uint8_t *
slurp(const char *path, size_t *len)
{
	FILE *f;
	uint8_t *buf = NULL;
	long n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		goto fail;
	if ((buf = malloc(n > 0 ? (size_t)n : 1)) == NULL)
		goto fail;
	if (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n)
		goto fail;
	fclose(f);
	*len = (size_t)n;
	return buf;
fail:
	free(buf);
	fclose(f);
	return NULL;
}

int
main(int argc, char *argv[])
{
	int i, passed = 0, failed = 0;

	for (i = 1; i < argc; i++) {
		size_t len = 0;
		uint8_t *buf = slurp(argv[i], &len);

		if (buf == NULL) {
			fprintf(stderr, "replay %s: %s: %s\n", REPLAY_NAME, argv[i], strerror(errno));
			failed++;
			continue;
		}
		(void)LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		passed++;
	}
	printf("replay %s: %d passed, %d failed\n", REPLAY_NAME, passed, failed);
	return failed != 0 || argc < 2;
}
