/*
 * test_proxy.c: lib/proxy.c, whom to believe about the client's address behind trusted
 * proxies: the list (addresses and CIDR ranges, IPv4 and IPv6), membership at the edges of a
 * range, and the right-most untrusted X-Forwarded-For entry (kcgi's regress style: one valid
 * and one invalid input per behaviour).
 */
#include <stdbool.h>
#include <string.h>

#include "proxy.h"
#include "unit.h"

static void
test_parse(void)
{
	struct proxies p;

	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("", &p) == 0 && p.n == 0);
	CHECK(proxies_parse("127.0.0.1, 10.0.0.0/8 ::1  fd00::/8", &p) == 0 && p.n == 4);
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("10.0.0.0/33", &p) == -1);          /* IPv4 prefix too long */
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("fd00::/129", &p) == -1);
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("10.0.0.0/", &p) == -1);
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("10.0.0.0/-1", &p) == -1);
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("localhost", &p) == -1);           /* names are not addresses */
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("10.0.0.256", &p) == -1);
	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("1.1.1.1 2.2.2.2 3.3.3.3 4.4.4.4 5.5.5.5 6.6.6.6 7.7.7.7 8.8.8.8 "
	    "9.9.9.9 1.0.0.1 1.0.0.2 1.0.0.3 1.0.0.4 1.0.0.5 1.0.0.6 1.0.0.7 1.0.0.8", &p) == -1);
}

static void
test_trust(void)
{
	struct proxies p;

	memset(&p, 0, sizeof(p));
	CHECK(proxies_parse("127.0.0.1 10.1.0.0/16 fd00::/8 192.0.2.0/25", &p) == 0);
	CHECK(proxies_trust(&p, "127.0.0.1"));
	CHECK(!proxies_trust(&p, "127.0.0.2"));
	CHECK(proxies_trust(&p, "10.1.0.0"));
	CHECK(proxies_trust(&p, "10.1.255.255"));
	CHECK(!proxies_trust(&p, "10.2.0.0"));
	CHECK(!proxies_trust(&p, "10.0.255.255"));
	CHECK(proxies_trust(&p, "192.0.2.127"));
	CHECK(!proxies_trust(&p, "192.0.2.128"));
	CHECK(proxies_trust(&p, "fd12:3456::1"));
	CHECK(!proxies_trust(&p, "fe80::1"));
	CHECK(proxies_trust(&p, "::ffff:127.0.0.1"));          /* the mapped form is the same */
	CHECK(!proxies_trust(&p, ""));
	CHECK(!proxies_trust(&p, NULL));
	CHECK(!proxies_trust(&p, "not-an-address"));
}

static void
test_client(void)
{
	struct proxies p, none;
	char out[46];

	memset(&p, 0, sizeof(p));
	memset(&none, 0, sizeof(none));
	CHECK(proxies_parse("127.0.0.1 10.0.0.0/8", &p) == 0);
	/* an untrusted peer: its own address, whatever it says */
	CHECK_STR(proxy_client(&p, "203.0.113.9", "1.2.3.4", "5.6.7.8", out), "203.0.113.9");
	CHECK_STR(proxy_client(&none, "127.0.0.1", "1.2.3.4", "5.6.7.8", out), "127.0.0.1");
	/* a trusted peer: the right-most untrusted X-Forwarded-For entry */
	CHECK_STR(proxy_client(&p, "127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.5", NULL, out),
	    "198.51.100.7");
	CHECK_STR(proxy_client(&p, "127.0.0.1", "198.51.100.7", "5.6.7.8", out), "198.51.100.7");
	/* a forged left part does not matter; a malformed right-most untrusted entry gives the peer */
	CHECK_STR(proxy_client(&p, "127.0.0.1", "evil, 198.51.100.7", NULL, out), "198.51.100.7");
	CHECK_STR(proxy_client(&p, "127.0.0.1", "198.51.100.7, junk", NULL, out), "127.0.0.1");
	/* only proxies in the chain: the peer */
	CHECK_STR(proxy_client(&p, "127.0.0.1", "10.0.0.1, 10.0.0.2", NULL, out), "127.0.0.1");
	/* without X-Forwarded-For, X-Real-IP; canonical text for IPv6 */
	CHECK_STR(proxy_client(&p, "127.0.0.1", NULL, "2001:DB8:0::1", out), "2001:db8::1");
	CHECK_STR(proxy_client(&p, "127.0.0.1", "", "198.51.100.8", out), "198.51.100.8");
	CHECK_STR(proxy_client(&p, "127.0.0.1", NULL, "nonsense", out), "127.0.0.1");
	CHECK_STR(proxy_client(&p, NULL, NULL, "1.2.3.4", out), "");
}

int
main(void)
{
	test_parse();
	test_trust();
	test_client();
	return unit_done();
}
