/*
 * test_pow.c: unit tests for src/core/pow.c, the public forms' proof of
 * work (issue 13): a nonce solves its challenge only at the bits asked
 * (checked against SHA-256 computed here by libsodium), and a challenge is
 * good once until it expires, also when others around it have expired or
 * the set is full (it fails closed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/pow.h"

/* The leading zero bits of SHA-256(challenge || nonce). */
static int zeros(const char *challenge, const char *nonce)
{
	unsigned char h[32];
	char buf[256];
	int n = 0;

	snprintf(buf, sizeof(buf), "%s%s", challenge, nonce);
	crypto_hash_sha256(h, (const unsigned char *)buf, strlen(buf));
	while (n < 256 && !(h[n / 8] & (0x80 >> (n % 8))))
		n++;
	return n;
}

static void test_solved(void **state)
{
	const char *c = "AAAAAGeH7sQx1Yt0bq2Zl9mW3c8v4rKpS0n5fJ6dUgHiA7oE2wBzLm";
	char nonce[24];
	int found = 0;

	(void)state;
	for (unsigned long n = 0; n < 100000 && found < 20; n++) {
		int z;
		snprintf(nonce, sizeof(nonce), "%lu", n);
		z = zeros(c, nonce);
		assert_int_equal(pow_solved(c, nonce, 6), z >= 6);
		if (z >= 6) {
			found++;
			assert_true(pow_solved(c, nonce, z));
			assert_false(pow_solved(c, nonce, z + 1));
		}
	}
	assert_int_equal(found, 20);
	/* not a decimal nonce, or none, or too long: never */
	assert_false(pow_solved(c, "", 0));
	assert_false(pow_solved(c, "12a", 0));
	assert_false(pow_solved(c, "-1", 0));
	assert_false(pow_solved(c, "123456789012345678901", 0));
	assert_true(pow_solved(c, "12345678901234567890", 0));
}

/* A base64url token of 40 bytes whose first byte is i, j. */
static void token(unsigned i, unsigned j, char out[60])
{
	unsigned char raw[40] = { 0 };

	raw[0] = (unsigned char)i;
	raw[1] = (unsigned char)j;
	sodium_bin2base64(out, 60, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static void test_seen_once(void **state)
{
	struct pow_seen *s = pow_seen_new(64);
	char a[60], b[60];

	(void)state;
	token(1, 0, a);
	token(2, 0, b);
	assert_int_equal(pow_seen_mark(s, a, 1000, 2000), 1);
	assert_int_equal(pow_seen_mark(s, a, 1500, 2500), 0);
	assert_int_equal(pow_seen_mark(s, b, 1500, 2500), 1);
	/* after it expired the token itself is refused by its age
	 * (pretoken_check), so the set may forget it */
	assert_int_equal(pow_seen_mark(s, a, 2001, 3000), 1);
	assert_int_equal(pow_seen_mark(s, "not base64!", 1, 2), -1);
	assert_int_equal(pow_seen_mark(s, "", 1, 2), -1);
	pow_seen_free(s);
}

static void test_full_and_expiry(void **state)
{
	struct pow_seen *s = pow_seen_new(32);      /* 32 slots: one window */
	char t[60];
	int marked = 0;

	(void)state;
	for (unsigned i = 0; i < 32; i++) {
		token(i, 7, t);
		marked += pow_seen_mark(s, t, 100, 200) == 1;
	}
	assert_int_equal(marked, 32);
	token(200, 7, t);
	assert_int_equal(pow_seen_mark(s, t, 150, 250), -1);     /* full: fails closed */
	for (unsigned i = 0; i < 32; i++) {
		token(i, 7, t);
		assert_int_equal(pow_seen_mark(s, t, 150, 250), 0);  /* each still known */
	}
	/* some expire: new ones take their slots, the live ones stay known */
	token(0, 7, t);
	assert_int_equal(pow_seen_mark(s, t, 201, 300), 1);      /* expired: taken again */
	token(201, 7, t);
	assert_int_equal(pow_seen_mark(s, t, 201, 300), 1);
	token(0, 7, t);
	assert_int_equal(pow_seen_mark(s, t, 250, 300), 0);
	token(201, 7, t);
	assert_int_equal(pow_seen_mark(s, t, 250, 300), 0);
	pow_seen_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_solved),
		cmocka_unit_test(test_seen_once),
		cmocka_unit_test(test_full_and_expiry),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
