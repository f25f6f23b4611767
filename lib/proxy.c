/* proxy: see proxy.h. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proxy.h"

/* A literal address into 16 bytes (IPv4 mapped); false when it is none. */
static bool
addr16(const char *s, size_t len, uint8_t out[16], bool *v4)
{
	char buf[48];
	struct in_addr a4;

	if (len == 0 || len >= sizeof(buf))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*v4 = false;
	if (inet_pton(AF_INET6, buf, out) == 1)
		return true;
	if (inet_pton(AF_INET, buf, &a4) != 1)
		return false;
	memset(out, 0, 10);
	out[10] = out[11] = 0xff;
	memcpy(out + 12, &a4, 4);
	*v4 = true;
	return true;
}

static bool
in_net(const struct proxy_net *n, const uint8_t a[16])
{
	unsigned full = n->bits / 8, rest = n->bits % 8;

	if (memcmp(n->addr, a, full) != 0)
		return false;
	return rest == 0 || ((n->addr[full] ^ a[full]) & (0xff << (8 - rest)) & 0xff) == 0;
}

/* One entry "addr" or "addr/bits". */
static int
parse_one(const char *s, size_t len, struct proxy_net *n)
{
	const char *slash = memchr(s, '/', len);
	size_t alen = slash != NULL ? (size_t)(slash - s) : len;
	unsigned long bits;
	char *end, num[4];
	bool v4;

	if (!addr16(s, alen, n->addr, &v4))
		return -1;
	n->bits = 128;
	if (slash == NULL)
		return 0;
	if (len - alen - 1 == 0 || len - alen - 1 >= sizeof(num))
		return -1;
	memcpy(num, slash + 1, len - alen - 1);
	num[len - alen - 1] = '\0';
	bits = strtoul(num, &end, 10);
	if (*end != '\0' || num[0] < '0' || num[0] > '9' || bits > (v4 ? 32u : 128u))
		return -1;
	n->bits = (unsigned)bits + (v4 ? 96 : 0);
	return 0;
}

int
proxies_parse(const char *list, struct proxies *out)
{
	const char *p = list, *e;

	while (p != NULL && *p != '\0') {
		p += strspn(p, ", \t");
		if (*p == '\0')
			break;
		e = p + strcspn(p, ", \t");
		if (out->n >= PROXIES_MAX || parse_one(p, (size_t)(e - p), &out->net[out->n]) != 0)
			return -1;
		out->n++;
		p = e;
	}
	return 0;
}

static bool
trusted16(const struct proxies *px, const uint8_t a[16])
{
	unsigned i;

	for (i = 0; i < px->n; i++)
		if (in_net(&px->net[i], a))
			return true;
	return false;
}

bool
proxies_trust(const struct proxies *px, const char *addr)
{
	uint8_t a[16];
	bool v4;

	return addr != NULL && addr16(addr, strlen(addr), a, &v4) && trusted16(px, a);
}

/* The address as text, the canonical form of its family. */
static const char *
addr_text(const uint8_t a[16], bool v4, char out[46])
{
	if (inet_ntop(v4 ? AF_INET : AF_INET6, v4 ? a + 12 : a, out, 46) == NULL)
		out[0] = '\0';
	return out;
}

/* The right-most untrusted entry of X-Forwarded-For; false when there is none or it is not an
 * address. */
static bool
from_xff(const struct proxies *px, const char *xff, char out[46])
{
	const char *end = xff + strlen(xff), *start;
	uint8_t a[16];
	bool v4;

	while (end > xff) {
		while (end > xff && (end[-1] == ' ' || end[-1] == ',' || end[-1] == '\t'))
			end--;
		for (start = end; start > xff && start[-1] != ',' && start[-1] != ' ' &&
		    start[-1] != '\t'; start--)
			;
		if (end == start)
			break;
		if (!addr16(start, (size_t)(end - start), a, &v4))
			return false;
		if (!trusted16(px, a)) {
			addr_text(a, v4, out);
			return true;
		}
		end = start;
	}
	return false;
}

const char *
proxy_client(const struct proxies *px, const char *peer, const char *xff, const char *real_ip,
    char out[46])
{
	uint8_t a[16], b[16];
	bool v4, bv4;

	if (peer == NULL || !addr16(peer, strlen(peer), a, &v4)) {
		snprintf(out, 46, "%s", peer != NULL && strlen(peer) < 46 ? peer : "");
		return out;
	}
	if (trusted16(px, a)) {
		if (xff != NULL && xff[0] != '\0')
			return from_xff(px, xff, out) ? out : addr_text(a, v4, out);
		if (real_ip != NULL && addr16(real_ip, strlen(real_ip), b, &bv4))
			return addr_text(b, bv4, out);
	}
	return addr_text(a, v4, out);
}
