/*
 * test_ix_map.c: the import's id map (domain/ix_map.c): keys kept in the
 * slot and out of it, the same key under two types, keys of any bytes,
 * collisions of the probe sequence, growth and the presize.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "domain/ix_map.h"

static void test_inline_and_long(void **state)
{
	struct ix_map *m = ix_map_new();
	char k27[IX_MAP_INLINE + 1], k28[IX_MAP_INLINE + 2], k27b[IX_MAP_INLINE + 1];

	(void)state;
	memset(k27, 'a', IX_MAP_INLINE);
	k27[IX_MAP_INLINE] = '\0';
	memset(k28, 'a', IX_MAP_INLINE + 1);
	k28[IX_MAP_INLINE + 1] = '\0';
	memcpy(k27b, k27, sizeof(k27));
	k27b[IX_MAP_INLINE - 1] = 'b';
	assert_non_null(m);
	assert_int_equal(ix_map_get(m, 0, "C1"), 0);
	assert_int_equal(ix_map_put(m, 0, "C1", 11), 0);
	assert_int_equal(ix_map_put(m, 0, k27, 27), 0);                 /* the longest inline */
	assert_int_equal(ix_map_put(m, 0, k28, 28), 0);                 /* the shortest out of it */
	assert_int_equal(ix_map_put(m, 0, "线索〔2024〕123456号", 25), 0);
	assert_int_equal(ix_map_put(m, 0, "纪立〔2024〕第1234567890123456789号", 99), 0);
	assert_int_equal(ix_map_put(m, 0, "", 5), 0);                    /* the empty key is a key */
	assert_int_equal(ix_map_get(m, 0, "C1"), 11);
	assert_int_equal(ix_map_get(m, 0, k27), 27);
	assert_int_equal(ix_map_get(m, 0, k28), 28);
	assert_int_equal(ix_map_get(m, 0, k27b), 0);                     /* one byte apart */
	assert_int_equal(ix_map_get(m, 0, "线索〔2024〕123456号"), 25);
	assert_int_equal(ix_map_get(m, 0, "纪立〔2024〕第1234567890123456789号"), 99);
	assert_int_equal(ix_map_get(m, 0, "纪立〔2024〕第1234567890123456788号"), 0);
	assert_int_equal(ix_map_get(m, 0, ""), 5);
	/* a prefix, and a key the other one is a prefix of, are other keys */
	assert_int_equal(ix_map_get(m, 0, "C"), 0);
	assert_int_equal(ix_map_get(m, 0, "C10"), 0);
	/* put again replaces the id, long or inline */
	assert_int_equal(ix_map_put(m, 0, k28, 280), 0);
	assert_int_equal(ix_map_put(m, 0, "C1", 110), 0);
	assert_int_equal(ix_map_get(m, 0, k28), 280);
	assert_int_equal(ix_map_get(m, 0, "C1"), 110);
	ix_map_free(m);
	ix_map_free(NULL);
}

static void test_types(void **state)
{
	struct ix_map *m = ix_map_new();

	(void)state;
	/* a clue's 线索编号 and a case's 立案编号 may be the same text; so may
	 * two types' file ids */
	assert_int_equal(ix_map_put(m, 0, "X1", 1), 0);
	assert_int_equal(ix_map_put(m, 1, "X1", 2), 0);
	assert_int_equal(ix_map_put(m, 7, "纪立〔2024〕第1234567890123456789号", 3), 0);
	assert_int_equal(ix_map_get(m, 0, "X1"), 1);
	assert_int_equal(ix_map_get(m, 1, "X1"), 2);
	assert_int_equal(ix_map_get(m, 2, "X1"), 0);
	assert_int_equal(ix_map_get(m, 7, "纪立〔2024〕第1234567890123456789号"), 3);
	assert_int_equal(ix_map_get(m, 6, "纪立〔2024〕第1234567890123456789号"), 0);
	ix_map_free(m);
}

static void test_bytes(void **state)
{
	struct ix_map *m = ix_map_new();
	int64_t a = 42, b = 42LL << 32;
	const char nul[3] = { 'x', '\0', 'y' };

	(void)state;
	assert_int_equal(ix_map_putn(m, 0, &a, sizeof(a), 7), 0);
	assert_int_equal(ix_map_getn(m, 0, &a, sizeof(a)), 7);
	assert_int_equal(ix_map_getn(m, 0, &b, sizeof(b)), 0);
	/* a key with a NUL inside is its bytes, not its C string */
	assert_int_equal(ix_map_putn(m, 0, nul, 3, 8), 0);
	assert_int_equal(ix_map_getn(m, 0, nul, 3), 8);
	assert_int_equal(ix_map_get(m, 0, "x"), 0);
	assert_int_equal(ix_map_getn(m, 0, nul, 1), 0);
	ix_map_free(m);
}

/* many keys: every one found after the map grew (a rehash) several
 * times, and after a presize; long ones among them */
static void fill_check(struct ix_map *m, int n)
{
	char key[64];

	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof(key), i % 5 ? "C%d" : "线索〔2024〕%06d号·long", i);
		assert_int_equal(ix_map_put(m, i % 3, key, i + 1), 0);
	}
	for (int i = 0; i < n; i++) {
		snprintf(key, sizeof(key), i % 5 ? "C%d" : "线索〔2024〕%06d号·long", i);
		assert_int_equal(ix_map_get(m, i % 3, key), i + 1);
		assert_int_equal(ix_map_get(m, (i + 1) % 3, key), 0);
	}
	snprintf(key, sizeof(key), "C%d", n);
	assert_int_equal(ix_map_get(m, n % 3, key), 0);
}

static void test_grow(void **state)
{
	struct ix_map *m = ix_map_new();

	(void)state;
	fill_check(m, 100000);
	ix_map_free(m);
}

static void test_reserve(void **state)
{
	struct ix_map *m = ix_map_new();

	(void)state;
	assert_int_equal(ix_map_reserve(m, 100000), 0);
	fill_check(m, 100000);
	/* a reserve smaller than what it holds changes nothing */
	assert_int_equal(ix_map_reserve(m, 10), 0);
	assert_int_equal(ix_map_get(m, 1, "C1"), 2);
	/* nor does one made after the keys: they are all still found */
	assert_int_equal(ix_map_reserve(m, 1000000), 0);
	fill_check(m, 100000);
	ix_map_free(m);
}

/* keys that all start their probe at one slot of a table of 1024: the
 * run of the probe wraps past the table's end and each is still found */
static void test_collisions(void **state)
{
	struct ix_map *m = ix_map_new();
	char key[32], keys[40][32];
	int n = 0;

	(void)state;
	for (int i = 0; n < 40 && i < 10000000; i++) {
		uint64_t h = 1469598103934665603ull;
		snprintf(key, sizeof(key), "P%d", i);
		for (const char *p = key; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
		if ((h & 1023) == 1020)
			snprintf(keys[n++], sizeof(keys[0]), "%s", key);
	}
	assert_int_equal(n, 40);
	for (int i = 0; i < n; i++)
		assert_int_equal(ix_map_put(m, 0, keys[i], i + 1), 0);
	for (int i = 0; i < n; i++)
		assert_int_equal(ix_map_get(m, 0, keys[i]), i + 1);
	ix_map_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline_and_long),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_collisions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
