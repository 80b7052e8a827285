/*
 * test_pullauth.c: unit tests for src/core/pullauth.c, the ferry pull's
 * request MAC (issue 13): a signed request passes once; the same request
 * again is a replay; a changed method, path, body, time or nonce, a wrong
 * key and missing or malformed headers are all the one PULL_UNAUTH; a
 * right MAC on a time outside PULL_SKEW is PULL_STALE (and marks nothing).
 * The MAC is checked against HMAC-SHA-256 computed here from the
 * documented text.
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
#include "core/pullauth.h"

static const unsigned char KEY[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
				       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };
#define NOW 1800000000

static void test_documented_mac(void **state)
{
	struct pull_sig s;
	unsigned char h[32], mac[32];
	char hex[65], text[512], want[65];

	(void)state;
	pull_sign(KEY, "POST", "/ferry/reply", NOW, "body", 4, &s);
	assert_string_equal(s.time, "1800000000");
	assert_int_equal(strlen(s.nonce), PULL_NONCE_CHARS);
	crypto_hash_sha256(h, (const unsigned char *)"body", 4);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(text, sizeof(text), "qingfeng-pull 1\nPOST\n/ferry/reply\n%s\n%s\n%s\n", s.time,
		 s.nonce, hex);
	crypto_auth_hmacsha256(mac, (const unsigned char *)text, strlen(text), KEY);
	sodium_bin2hex(want, sizeof(want), mac, sizeof(mac));
	assert_string_equal(s.mac, want);
}

static void test_once(void **state)
{
	struct pow_seen *seen = pow_seen_new(64);
	struct pull_sig s;

	(void)state;
	pull_sign(KEY, "GET", "/ferry/batch", NOW, NULL, 0, &s);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0,
				    NOW + 5, seen), PULL_OK);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0,
				    NOW + 6, seen), PULL_REPLAY);
	/* still a replay until its time leaves the window, then stale */
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0,
				    NOW + PULL_SKEW, seen), PULL_REPLAY);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0,
				    NOW + PULL_SKEW + 1, seen), PULL_STALE);
	pow_seen_free(seen);
}

static void test_unauth(void **state)
{
	struct pow_seen *seen = pow_seen_new(64);
	unsigned char other[32];
	struct pull_sig s;
	char t[24], n[32], m[80];

	(void)state;
	memcpy(other, KEY, 32);
	other[31] ^= 1;
	pull_sign(KEY, "POST", "/ferry/reply", NOW, "abc", 3, &s);
	assert_int_equal(pull_check(other, "POST", "/ferry/reply", s.time, s.nonce, s.mac, "abc", 3,
				    NOW, seen), PULL_UNAUTH);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/reply", s.time, s.nonce, s.mac, "abc", 3,
				    NOW, seen), PULL_UNAUTH);
	assert_int_equal(pull_check(KEY, "POST", "/ferry/batch", s.time, s.nonce, s.mac, "abc", 3,
				    NOW, seen), PULL_UNAUTH);
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", s.time, s.nonce, s.mac, "abd", 3,
				    NOW, seen), PULL_UNAUTH);
	snprintf(t, sizeof(t), "%d", NOW + 1);
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", t, s.nonce, s.mac, "abc", 3, NOW,
				    seen), PULL_UNAUTH);
	snprintf(n, sizeof(n), "%s", s.nonce);
	n[0] = n[0] == 'A' ? 'B' : 'A';
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", s.time, n, s.mac, "abc", 3, NOW,
				    seen), PULL_UNAUTH);
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", NULL, NULL, NULL, "abc", 3, NOW,
				    seen), PULL_UNAUTH);
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", s.time, s.nonce, "zz", "abc", 3,
				    NOW, seen), PULL_UNAUTH);
	snprintf(m, sizeof(m), "%s", s.mac);
	m[0] = m[0] == '0' ? '1' : '0';
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", s.time, s.nonce, m, "abc", 3, NOW,
				    seen), PULL_UNAUTH);
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", "-5", s.nonce, s.mac, "abc", 3, NOW,
				    seen), PULL_UNAUTH);
	/* none of them used the nonce up */
	assert_int_equal(pull_check(KEY, "POST", "/ferry/reply", s.time, s.nonce, s.mac, "abc", 3,
				    NOW, seen), PULL_OK);
	pow_seen_free(seen);
}

static void test_stale(void **state)
{
	struct pow_seen *seen = pow_seen_new(64);
	struct pull_sig s;

	(void)state;
	pull_sign(KEY, "GET", "/ferry/batch", NOW - PULL_SKEW - 1, NULL, 0, &s);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0, NOW,
				    seen), PULL_STALE);
	pull_sign(KEY, "GET", "/ferry/batch", NOW + PULL_SKEW + 1, NULL, 0, &s);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0, NOW,
				    seen), PULL_STALE);
	pull_sign(KEY, "GET", "/ferry/batch", NOW - PULL_SKEW, NULL, 0, &s);
	assert_int_equal(pull_check(KEY, "GET", "/ferry/batch", s.time, s.nonce, s.mac, NULL, 0, NOW,
				    seen), PULL_OK);
	pow_seen_free(seen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_documented_mac),
		cmocka_unit_test(test_once),
		cmocka_unit_test(test_unauth),
		cmocka_unit_test(test_stale),
	};
	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
