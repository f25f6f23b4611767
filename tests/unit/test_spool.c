/*
 * test_spool.c: lib/spool.c, the spool record's format: a body survives encode and decode, every
 * truncation and a byte changed in a length or a string's NUL is refused, the head round-trips and
 * refuses a bad magic or ticket; and ticket_from_bytes gives a ticket that ticket_parse accepts.
 * Then the directory (lib/spooldir.c) in a temporary one: a record sealed to an X25519 public key
 * opens only with the private key and only under its own head, the code is checked from the head,
 * the same ticket is not written twice, and the limits hold.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "crypto.h"
#include "spool.h"
#include "unit.h"

static void
sample(struct spool_body *b)
{
	static const uint8_t sealed[] = { 3, 0, 0, 0, 1, 9, 9, 9 };

	memset(b, 0, sizeof(*b));
	memset(b->submit_key, 0xab, 32);
	b->due = "2026-12-01";
	b->r.channel = "web";
	b->r.category = "backward";
	b->r.standards = "energy,safety";
	b->r.industry = "C31";
	b->r.region = "220102";
	b->r.subject_type = "enterprise";
	b->r.subject_name = "某某钢铁有限公司";
	b->r.subject_address = "长春市";
	b->r.credit_code = NULL;
	b->r.description = "违规新增产能";
	b->r.hazard = true;
	b->sealed_identity = sealed;
	b->sealed_len = sizeof(sealed);
	b->nfiles = 1;
	memcpy(b->files[0].name, "0123456789abcdef0123456789abcdef", 33);
	b->files[0].mime = "image/png";
	b->files[0].size = 1234;
	memset(b->files[0].sha256, 0x5a, 32);
}

static void
test_roundtrip(void)
{
	struct spool_body b, d;
	uint8_t *buf;
	size_t len;

	sample(&b);
	CHECK(spool_encode(&b, &buf, &len) == 0);
	CHECK(spool_decode(buf, len, &d) == 0);
	CHECK(memcmp(d.submit_key, b.submit_key, 32) == 0);
	CHECK_STR(d.due, "2026-12-01");
	CHECK_STR(d.r.subject_name, "某某钢铁有限公司");
	CHECK_STR(d.r.standards, "energy,safety");
	CHECK(d.r.credit_code == NULL && d.r.hazard && !d.r.anonymous);
	CHECK(d.sealed_len == b.sealed_len && memcmp(d.sealed_identity, b.sealed_identity, 8) == 0);
	CHECK(d.nfiles == 1 && d.files[0].size == 1234);
	CHECK_STR(d.files[0].mime, "image/png");
	CHECK_STR(d.files[0].name, "0123456789abcdef0123456789abcdef");
	free(buf);
}

static void
test_malformed(void)
{
	struct spool_body b, d;
	uint8_t *buf, *cut;
	size_t len, i;
	int refused = 0;

	sample(&b);
	CHECK(spool_encode(&b, &buf, &len) == 0);
	/* every proper prefix is refused, read with nothing after it (ASan) */
	for (i = 0; i < len; i++) {
		cut = (uint8_t *)exact_copy((const char *)buf, i);
		refused += spool_decode(cut, i, &d) != 0;
		free(cut);
	}
	CHECK(refused == (int)len);
	/* a version other than 1; a string's NUL replaced (the due date's, at 4+4+32+4+10) */
	buf[3] = 2;
	CHECK(spool_decode(buf, len, &d) != 0);
	buf[3] = 1;
	buf[4 + 4 + 32 + 4 + 10] = 'x';
	CHECK(spool_decode(buf, len, &d) != 0);
	free(buf);
	/* an unknown mime type */
	b.files[0].mime = "text/html";
	CHECK(spool_encode(&b, &buf, &len) == 0);
	CHECK(spool_decode(buf, len, &d) != 0);
	free(buf);
}

static void
test_head(void)
{
	struct spool_head h, g;
	uint8_t buf[SPOOL_HEAD_LEN];
	uint8_t key[32];

	memset(&h, 0, sizeof(h));
	memset(key, 7, sizeof(key));
	ticket_from_bytes(key, h.ticket);
	CHECK(strlen(h.ticket) == 16 && ticket_parse(h.ticket, 16, g.ticket));
	memset(h.code_mac, 0x11, 32);
	h.submitted = 1795000000;
	h.body_len = 321;
	spool_head_write(&h, buf);
	CHECK(spool_head_parse(buf, sizeof(buf), &g) == 0);
	CHECK_STR(g.ticket, h.ticket);
	CHECK(g.submitted == h.submitted && g.body_len == 321 && memcmp(g.code_mac, h.code_mac,
	    32) == 0);
	CHECK(spool_head_parse(buf, sizeof(buf) - 1, &g) != 0);
	buf[8 + 15] = (char)(buf[8 + 15] == '9' ? '0' : buf[8 + 15] + 1);   /* Luhn broken */
	CHECK(spool_head_parse(buf, sizeof(buf), &g) != 0);
	spool_head_write(&h, buf);
	buf[0] = 'X';
	CHECK(spool_head_parse(buf, sizeof(buf), &g) != 0);
}

/* A key ring with one X25519 key: public only (what submit has) or with its private half. */
static void
rings(struct keyring *pub, struct keyring *priv)
{
	memset(pub, 0, sizeof(*pub));
	pub->nkeys = 1;
	pub->current = 1;
	pub->keys[0].id = 1;
	pub->keys[0].alg = SEAL_X25519_AESGCM;
	*priv = *pub;
	if (x25519_keygen(priv->keys[0].key, priv->keys[0].pub) != 0)
		abort();
	priv->keys[0].has_private = true;
	memcpy(pub->keys[0].pub, priv->keys[0].pub, X25519_KEY_LEN);
}

static void
flip_head_byte(const char *dir, const char *ticket, off_t at)
{
	char path[512];
	uint8_t c;
	int fd;

	snprintf(path, sizeof(path), "%s/%s.rec", dir, ticket);
	if ((fd = open(path, O_RDWR)) == -1 || pread(fd, &c, 1, at) != 1)
		abort();
	c ^= 1;
	if (pwrite(fd, &c, 1, at) != 1)
		abort();
	close(fd);
}

static void
test_dir(void)
{
	char dir[] = "/tmp/test_spool.XXXXXX";
	struct spool_limits none = { 0, 0 }, one = { 0, 1 };
	struct keyring pub, priv;
	struct spool_head h, old;
	struct spool_record rec;
	struct spool_body b;
	uint8_t mackey[32];
	int64_t when;
	size_t n;
	uint64_t bytes;
	bool match;

	CHECK(mkdtemp(dir) != NULL);
	rings(&pub, &priv);
	memset(mackey, 3, sizeof(mackey));
	sample(&b);
	memset(&h, 0, sizeof(h));
	ticket_from_bytes(b.submit_key, h.ticket);
	h.submitted = 1795000000;
	CHECK(crypto_hmac2(mackey, 32, h.ticket, 16, "ABCD2345", 8, h.code_mac) == 0);
	CHECK(spool_put(dir, &none, &pub, &h, &b, &old) == SPOOL_OK);
	CHECK(spool_put(dir, &none, &pub, &h, &b, &old) == SPOOL_EXISTS &&
	    old.submitted == h.submitted);
	CHECK(spool_stat(dir, &n, &bytes, &when) == 0 && n == 1 && when == h.submitted);
	/* the code, from the head */
	CHECK(spool_check_code(dir, mackey, h.ticket, "ABCD2345", &match, &when) == 0 && match);
	CHECK(spool_check_code(dir, mackey, h.ticket, "ABCD2346", &match, &when) == 0 && !match);
	CHECK(spool_check_code(dir, mackey, "1234567890123452", "ABCD2345", &match, &when) == 0 &&
	    !match);
	/* only the private key opens it */
	CHECK(spool_read(dir, h.ticket, &pub, &rec) != 0);
	CHECK(spool_read(dir, h.ticket, &priv, &rec) == 0);
	CHECK_STR(rec.body.r.subject_name, "某某钢铁有限公司");
	CHECK(rec.body.nfiles == 1 && rec.head.submitted == h.submitted);
	spool_record_free(&rec);
	/* a changed time in the head: the body no longer opens */
	flip_head_byte(dir, h.ticket, 8 + 16 + 32 + 7);
	CHECK(spool_read(dir, h.ticket, &priv, &rec) != 0);
	/* full at one record: another ticket is refused */
	b.submit_key[0] ^= 1;
	ticket_from_bytes(b.submit_key, h.ticket);
	CHECK(spool_put(dir, &one, &pub, &h, &b, &old) == SPOOL_FULL);
	memset(b.submit_key, 0xab, 32);
	ticket_from_bytes(b.submit_key, h.ticket);
	CHECK(spool_remove(dir, h.ticket) == 0 && spool_remove(dir, h.ticket) == 0);
	CHECK(spool_stat(dir, &n, &bytes, &when) == 0 && n == 0 && when == 0);
	CHECK(rmdir(dir) == 0);
}

int
main(void)
{
	test_roundtrip();
	test_malformed();
	test_head();
	test_dir();
	return unit_done();
}
