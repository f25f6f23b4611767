/* region: see region.h. */
#include <string.h>

#include "region.h"

bool
region_code_ok(const char *code)
{
	size_t i;

	if (code == NULL || strlen(code) != 6)
		return false;
	for (i = 0; i < 6; i++)
		if (code[i] < '0' || code[i] > '9')
			return false;
	return true;
}

enum region_level
region_level(const char *code)
{
	if (!region_code_ok(code))
		return REGION_INVALID;
	if (memcmp(code + 2, "0000", 4) == 0)
		return REGION_PROVINCE;
	if (memcmp(code + 4, "00", 2) == 0)
		return REGION_CITY;
	return REGION_COUNTY;
}

void
region_province(const char *code, char out[7])
{
	memcpy(out, code, 2);
	memcpy(out + 2, "0000", 5);
}

void
region_city(const char *code, char out[7])
{
	memcpy(out, code, 4);
	memcpy(out + 4, "00", 3);
}

void
region_parent(const char *code, char out[7])
{
	memmove(out, code, 7);
	if (memcmp(out + 4, "00", 2) != 0)
		memcpy(out + 4, "00", 2);
	else
		memcpy(out + 2, "0000", 4);
}

void
region_prefix(const char *code, char out[7])
{
	size_t n;

	switch (region_level(code)) {
	case REGION_PROVINCE:
		n = 2;
		break;
	case REGION_CITY:
		n = 4;
		break;
	case REGION_COUNTY:
		n = 6;
		break;
	default:
		n = strnlen(code, 6);
	}
	memcpy(out, code, n);
	out[n] = '\0';
}

bool
region_in(const char *code, const char *prefix)
{
	return code != NULL && prefix != NULL && strncmp(code, prefix, strlen(prefix)) == 0;
}

size_t
region_chain(const char *code, char out[3][7])
{
	enum region_level lv = region_level(code);
	size_t n = 0;

	if (lv == REGION_INVALID)
		return 0;
	region_province(code, out[n++]);
	if (lv != REGION_PROVINCE)
		region_city(code, out[n++]);
	if (lv == REGION_COUNTY)
		memcpy(out[n++], code, 7);
	return n;
}
