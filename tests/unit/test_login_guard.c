/*
 * test_login_guard.c: unit tests for the login form's pre-session token
 * (src/core/pretoken.c) and the in-memory login limits
 * (src/core/ratelimit.c).  Issue 8, failures 7 and 8: before, the form
 * token was any value the client chose, and failed logins were counted
 * only in database rows, one per name typed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/crypto.h"
#include "core/ratelimit.h"

static struct qf_keys keys_of(int national, unsigned char fill)
{
	struct qf_keys k;

	memset(&k, 0, sizeof(k));
	k.national = national;
	memset(k.field_key, fill, sizeof(k.field_key));
	memset(k.audit_key, fill ^ 0x5a, sizeof(k.audit_key));
	return k;
}

static void check_suite(int national)
{
	struct qf_keys k = keys_of(national, 7), other = keys_of(national, 8);
	char tok[QF_PRETOKEN_CHARS + 1], tok2[QF_PRETOKEN_CHARS + 1], bad[QF_PRETOKEN_CHARS + 1];
	const int64_t now = 1700000000;

	pretoken_new(&k, now, tok);
	assert_int_equal(strlen(tok), QF_PRETOKEN_CHARS);
	assert_int_equal(strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
			 QF_PRETOKEN_CHARS);
	assert_int_equal(pretoken_check(&k, tok, now, 3600), 0);
	assert_int_equal(pretoken_check(&k, tok, now + 3600, 3600), 0);
	/* expired, from the future, under another server's key */
	assert_int_equal(pretoken_check(&k, tok, now + 3601, 3600), -1);
	assert_int_equal(pretoken_check(&k, tok, now - 61, 3600), -1);
	assert_int_equal(pretoken_check(&other, tok, now, 3600), -1);
	/* two tokens differ (the nonce) */
	pretoken_new(&k, now, tok2);
	assert_string_not_equal(tok, tok2);
	/* any changed character is refused */
	for (size_t i = 0; i < QF_PRETOKEN_CHARS; i++) {
		memcpy(bad, tok, sizeof(bad));
		bad[i] = bad[i] == 'A' ? 'B' : 'A';
		assert_int_equal(pretoken_check(&k, bad, now, 3600), -1);
	}
	/* a value a client could choose: the old random session-style token,
	 * all zeroes, truncated, too long, hostile bytes */
	{
		char chosen[QF_TOKEN_CHARS + 1];
		token_new(chosen);
		assert_int_equal(pretoken_check(&k, chosen, now, 3600), -1);
	}
	memset(bad, 'A', QF_PRETOKEN_CHARS);
	bad[QF_PRETOKEN_CHARS] = '\0';
	assert_int_equal(pretoken_check(&k, bad, now, 3600), -1);
	assert_int_equal(pretoken_check(&k, "", now, 3600), -1);
	assert_int_equal(pretoken_check(&k, NULL, now, 3600), -1);
	memcpy(bad, tok, sizeof(bad));
	bad[QF_PRETOKEN_CHARS - 1] = '\0';
	assert_int_equal(pretoken_check(&k, bad, now, 3600), -1);
	memcpy(bad, tok, sizeof(bad));
	bad[10] = '=';
	assert_int_equal(pretoken_check(&k, bad, now, 3600), -1);
	bad[10] = ';';
	assert_int_equal(pretoken_check(&k, bad, now, 3600), -1);
}

static void test_pretoken_default(void **state)
{
	check_suite(0);
}

static void test_pretoken_national(void **state)
{
	check_suite(1);
}

static void test_keyed_mac_separates_purposes(void **state)
{
	struct qf_keys k = keys_of(0, 3);
	unsigned char a[QF_MAC_BYTES], b[QF_MAC_BYTES];

	assert_int_equal(keyed_mac(&k, "one", "x", 1, a), 0);
	assert_int_equal(keyed_mac(&k, "two", "x", 1, b), 0);
	assert_memory_not_equal(a, b, sizeof(a));
	assert_int_equal(keyed_mac(&k, "one", "x", 1, b), 0);
	assert_memory_equal(a, b, sizeof(a));
}

static void test_bucket_burst_and_refill(void **state)
{
	struct ratelimit *rl = ratelimit_new(64, 3, 10, 0);

	assert_non_null(rl);
	assert_int_equal(ratelimit_clean(rl, "10.0.0.1", 100), 1);
	assert_int_equal(ratelimit_take(rl, "10.0.0.1", 100), 2);
	assert_int_equal(ratelimit_clean(rl, "10.0.0.1", 100), 0);
	assert_int_equal(ratelimit_take(rl, "10.0.0.1", 101), 1);
	assert_int_equal(ratelimit_allowed(rl, "10.0.0.1", 101), 1);
	assert_int_equal(ratelimit_take(rl, "10.0.0.1", 102), 0);
	assert_int_equal(ratelimit_allowed(rl, "10.0.0.1", 102), 0);
	assert_int_equal(ratelimit_take(rl, "10.0.0.1", 103), -1);
	/* another key is not affected */
	assert_int_equal(ratelimit_allowed(rl, "10.0.0.2", 103), 1);
	/* one token 10 s after the first take, full after 30 s */
	assert_int_equal(ratelimit_allowed(rl, "10.0.0.1", 109), 0);
	assert_int_equal(ratelimit_allowed(rl, "10.0.0.1", 110), 1);
	assert_int_equal(ratelimit_take(rl, "10.0.0.1", 110), 0);
	assert_int_equal(ratelimit_clean(rl, "10.0.0.1", 150), 1);
	ratelimit_free(rl);
}

static void test_bucket_lock(void **state)
{
	struct ratelimit *rl = ratelimit_new(64, 5, 86400, 900);

	for (int i = 0; i < 4; i++)
		assert_int_equal(ratelimit_take(rl, "ghost\n10.0.0.1", 1000 + i), 4 - i);
	assert_int_equal(ratelimit_take(rl, "ghost\n10.0.0.1", 1010), 0);
	assert_int_equal(ratelimit_allowed(rl, "ghost\n10.0.0.1", 1010 + 899), 0);
	assert_int_equal(ratelimit_allowed(rl, "ghost\n10.0.0.2", 1010), 1);
	assert_int_equal(ratelimit_allowed(rl, "ghost\n10.0.0.1", 1010 + 900), 1);
	assert_int_equal(ratelimit_clean(rl, "ghost\n10.0.0.1", 1010 + 900), 1);
	ratelimit_free(rl);
}

/* A flood of distinct keys never grows the table: old entries are
 * forgotten, a key in use stays as long as it is among the recent. */
static void test_fixed_size(void **state)
{
	struct ratelimit *rl = ratelimit_new(1024, 2, 60, 0);
	char key[32];

	for (int i = 0; i < 200000; i++) {
		snprintf(key, sizeof(key), "name-%d", i);
		assert_true(ratelimit_take(rl, key, 1000) >= 0);
	}
	/* the latest keys are still counted */
	assert_int_equal(ratelimit_clean(rl, key, 1000), 0);
	assert_int_equal(ratelimit_clean(rl, "name-0", 1000), 1);
	ratelimit_free(rl);
	assert_null(ratelimit_new(4, 2, 60, 0));
	assert_null(ratelimit_new(64, 0, 60, 0));
}

static void test_addr_key(void **state)
{
	char k[QF_ADDR_KEY_MAX];

	ratelimit_addr_key("192.0.2.7", k);
	assert_string_equal(k, "192.0.2.7");
	ratelimit_addr_key("::ffff:192.0.2.7", k);
	assert_string_equal(k, "192.0.2.7");
	ratelimit_addr_key("2001:db8:1:2:3:4:5:6", k);
	assert_string_equal(k, "2001:db8:1:2::/64");
	ratelimit_addr_key("2001:db8:1:2:ffff:ffff:ffff:ffff", k);
	assert_string_equal(k, "2001:db8:1:2::/64");
	ratelimit_addr_key("2001:DB8:1:2::1", k);
	assert_string_equal(k, "2001:db8:1:2::/64");
	ratelimit_addr_key("::1", k);
	assert_string_equal(k, "::/64");
	ratelimit_addr_key("", k);
	assert_string_equal(k, "");
	ratelimit_addr_key("not:an:address", k);
	assert_string_equal(k, "not:an:address");
	ratelimit_addr_key("local", k);
	assert_string_equal(k, "local");
}

static int group_setup(void **state)
{
	return crypto_setup();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pretoken_default),
		cmocka_unit_test(test_pretoken_national),
		cmocka_unit_test(test_keyed_mac_separates_purposes),
		cmocka_unit_test(test_bucket_burst_and_refill),
		cmocka_unit_test(test_bucket_lock),
		cmocka_unit_test(test_fixed_size),
		cmocka_unit_test(test_addr_key),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
