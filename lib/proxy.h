/*
 * proxy: whom to believe about the client's address. The web server in front of the programs
 * is a trusted proxy, and so may be load balancers in front of it: trusted_proxies lists their
 * addresses and CIDR ranges. The client is the peer unless the peer is trusted; then it is the
 * right-most address in X-Forwarded-For that is not a trusted proxy (each proxy appends the
 * address it saw, so everything left of that may be the client's own invention), or, without
 * X-Forwarded-For, X-Real-IP. Pure: no state beyond the parsed list, no allocation.
 */
#ifndef JUBAO_PROXY_H
#define JUBAO_PROXY_H

#include <stdbool.h>
#include <stdint.h>

#define PROXIES_MAX 16

struct proxy_net {
	uint8_t  addr[16];            /* IPv4 as ::ffff:a.b.c.d */
	unsigned bits;                /* prefix length over the 128-bit form */
};

struct proxies {
	struct proxy_net net[PROXIES_MAX];
	unsigned         n;
};

/* Parse "127.0.0.1, 10.0.0.0/8, ::1, fd00::/8" (commas or spaces between; empty: none) and add
 * to *out. 0, or -1 when an entry is not an address or range, or there are too many. */
int proxies_parse(const char *list, struct proxies *out);
/* Is addr (a literal IPv4 or IPv6 address) one of the trusted proxies? */
bool proxies_trust(const struct proxies *, const char *addr);
/* The client's address (see above) as text into out; peer, xff and real_ip may be NULL. */
const char *proxy_client(const struct proxies *, const char *peer, const char *xff,
    const char *real_ip, char out[46]);

#endif
