/*
 * test_seenset.c: recent keys in memory (core/seenset.h): a key is new
 * once, then in flight, then done after a committed release; a failed
 * release leaves it new; an exclusive claim excludes every other and the
 * shared ones exclude it; the writer's group mark tells a twin; keys born
 * outside the window (or too far ahead) are refused; a generation is
 * dropped only once no acceptable key can have arrived in it; over the
 * cap the oldest goes early and the horizon rises past it; loaded keys
 * are done; thousands of keys survive the tables' growth.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/seenset.h"

#define W 1000
#define SLACK 10

static void key(unsigned char d[SEEN_DIGEST], uint32_t i)
{
	/* spread like a digest: the table's home is the first 8 bytes */
	uint64_t h = (uint64_t)i * 0x9e3779b97f4a7c15ULL;

	memset(d, 0, SEEN_DIGEST);
	memcpy(d, &h, sizeof(h));
	memcpy(d + 8, &i, sizeof(i));
}

static void test_claims(void **state)
{
	struct seenset *s = seenset_new(W, SLACK, 1000);
	unsigned char a[SEEN_DIGEST], b[SEEN_DIGEST];
	int64_t now = 100000;

	(void)state;
	key(a, 1);
	key(b, 2);
	assert_int_equal(seenset_claim(s, a, now - 5, now, 0), SEEN_NEW);
	assert_int_equal(seenset_claim(s, a, now - 5, now, 0), SEEN_NEW);     /* a shared twin */
	assert_int_equal(seenset_claim(s, a, now - 5, now, 1), SEEN_BUSY);    /* a letter of it waits */
	assert_int_equal(seenset_group_mark(s, a), 0);
	assert_int_equal(seenset_group_mark(s, a), 1);                        /* the twin in the group */
	seenset_group_end(s, (const unsigned char (*)[SEEN_DIGEST])a, 1, 1);
	assert_int_equal(seenset_group_mark(s, a), 1);                        /* a later group: done */
	seenset_group_end(s, (const unsigned char (*)[SEEN_DIGEST])a, 1, 0);
	seenset_release(s, a, 1);
	seenset_release(s, a, 0);
	assert_int_equal(seenset_claim(s, a, now - 5, now + 1, 0), SEEN_DONE);
	assert_int_equal(seenset_claim(s, a, now - 5, now + 1, 1), SEEN_DONE);

	assert_int_equal(seenset_claim(s, b, now, now, 1), SEEN_NEW);         /* exclusive */
	assert_int_equal(seenset_claim(s, b, now, now, 0), SEEN_BUSY);
	seenset_release(s, b, 0);                                             /* failed: nothing stored */
	assert_int_equal(seenset_claim(s, b, now, now, 0), SEEN_NEW);
	assert_int_equal(seenset_group_mark(s, b), 0);
	seenset_group_end(s, (const unsigned char (*)[SEEN_DIGEST])b, 1, 0);  /* the group failed */
	seenset_release(s, b, 0);
	assert_int_equal(seenset_claim(s, b, now, now, 0), SEEN_NEW);         /* so it is new again */
	seenset_release(s, b, 1);

	key(b, 3);
	assert_int_equal(seenset_claim(s, b, now - W - 1, now, 0), SEEN_EXPIRED);
	assert_int_equal(seenset_claim(s, b, now + SLACK + 1, now, 0), SEEN_EXPIRED);
	assert_int_equal(seenset_claim(s, b, now + SLACK, now, 0), SEEN_NEW);
	seenset_free(s);
}

static void test_window(void **state)
{
	struct seenset *s = seenset_new(W, SLACK, 1000);
	unsigned char a[SEEN_DIGEST], b[SEEN_DIGEST];
	int64_t t0 = 100000, horizon;
	size_t keys;
	int gens;

	(void)state;
	key(a, 10);
	key(b, 11);
	/* a key born ahead (slack) arrives at t0: a retry of it is acceptable
	 * until t0 + SLACK + W, so it is kept until then */
	assert_int_equal(seenset_claim(s, a, t0 + SLACK, t0, 0), SEEN_NEW);
	seenset_release(s, a, 1);
	assert_int_equal(seenset_claim(s, b, t0 + W + SLACK, t0 + W + SLACK, 0), SEEN_NEW);
	seenset_release(s, b, 1);
	assert_int_equal(seenset_claim(s, a, t0 + SLACK, t0 + W + SLACK, 0), SEEN_DONE);
	/* past it, the key is refused, and a new arrival drops its generation */
	assert_int_equal(seenset_claim(s, a, t0 + SLACK, t0 + W + SLACK + 1, 0), SEEN_EXPIRED);
	key(b, 12);
	assert_int_equal(seenset_claim(s, b, t0 + W + SLACK + 5, t0 + W + 2 * SLACK + 2, 0), SEEN_NEW);
	seenset_release(s, b, 1);
	seenset_stats(s, &keys, &gens, &horizon);
	assert_int_equal(keys, 2);
	assert_int_equal(horizon, 0);
	seenset_free(s);
}

static void test_cap(void **state)
{
	struct seenset *s = seenset_new(W, SLACK, 160);     /* generations of 10 */
	unsigned char d[SEEN_DIGEST];
	int64_t now = 100000, horizon;
	size_t keys;
	int gens;

	(void)state;
	for (uint32_t i = 0; i < 200; i++) {
		key(d, 100 + i);
		assert_int_equal(seenset_claim(s, d, now + (int64_t)i - 100, now + i, 0), SEEN_NEW);
		seenset_release(s, d, 1);
	}
	seenset_stats(s, &keys, &gens, &horizon);
	assert_true(keys <= 160);
	assert_true(horizon > now);
	/* keys born before the horizon are refused, after it known */
	key(d, 100);
	assert_int_equal(seenset_claim(s, d, now - 100, now + 200, 0), SEEN_EXPIRED);
	key(d, 299);
	assert_int_equal(seenset_claim(s, d, now + 99, now + 200, 0), SEEN_DONE);
	seenset_free(s);
}

static void test_load_and_growth(void **state)
{
	struct seenset *s = seenset_new(W, SLACK, 1u << 20);
	unsigned char d[SEEN_DIGEST];
	int64_t now = 100000;

	(void)state;
	for (uint32_t i = 0; i < 5000; i++) {
		key(d, i);
		seenset_load(s, d, now);
	}
	for (uint32_t i = 5000; i < 20000; i++) {
		key(d, i);
		assert_int_equal(seenset_claim(s, d, now, now + i / 1000, 0), SEEN_NEW);
		seenset_release(s, d, i % 2);
	}
	for (uint32_t i = 0; i < 20000; i++) {
		key(d, i);
		assert_int_equal(seenset_claim(s, d, now, now + 30, 0),
				 i < 5000 || i % 2 ? SEEN_DONE : SEEN_NEW);
	}
	seenset_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_load_and_growth),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
