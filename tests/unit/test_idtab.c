/*
 * test_idtab.c: the table by id (core/idtab.c): absent ids, ids that
 * start at one slot (collisions of the probe), growth past the huge-page
 * size (bigtab.h) with every value kept, values of odd sizes kept whole
 * and zeroed when new, ids <= 0 refused, a reserve that sizes the table
 * once, and memory refused (a growth, a first table) leaving the table as
 * it was.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/idtab.h"

/* the first slot of id in a table of cap slots, as idtab.c computes it */
static size_t home(int64_t id, size_t cap)
{
	return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15u) >> 32) & (cap - 1);
}

static void test_absent_and_put(void **state)
{
	struct idtab t;
	int64_t v = 7, *p;
	int fresh = -1;

	(void)state;
	idtab_init(&t, sizeof(int64_t));
	assert_null(idtab_get(&t, 1));          /* no table yet */
	assert_non_null(p = idtab_slot(&t, 5, &fresh));
	assert_int_equal(fresh, 1);
	assert_int_equal(*p, 0);                /* new: zeroed */
	*p = 50;
	assert_non_null(p = idtab_slot(&t, 5, &fresh));
	assert_int_equal(fresh, 0);
	assert_int_equal(*p, 50);
	assert_null(idtab_get(&t, 6));
	assert_non_null(idtab_put(&t, 6, &v));
	v = 8;
	assert_non_null(idtab_put(&t, 6, &v));  /* replaced */
	assert_int_equal(*(int64_t *)idtab_get(&t, 6), 8);
	assert_int_equal(t.n, 2);
	assert_null(idtab_get(&t, INT64_MAX));
	idtab_release(&t);
	assert_null(idtab_get(&t, 5));
	assert_non_null(idtab_put(&t, 5, &v)); /* reusable after release */
	idtab_release(&t);
}

/* 0 marks a free slot: ids <= 0 are neither found nor stored */
static void test_nonpositive(void **state)
{
	struct idtab t = IDTAB_INIT(sizeof(void *));
	int fresh = 7;

	(void)state;
	assert_null(idtab_slot(&t, 0, &fresh));
	assert_int_equal(fresh, 7);
	assert_null(idtab_slot(&t, -1, NULL));
	assert_null(idtab_put(&t, INT64_MIN, &t));
	assert_non_null(idtab_slot(&t, 1, NULL));
	assert_null(idtab_get(&t, 0));
	assert_null(idtab_get(&t, -1));
	assert_int_equal(t.n, 1);
	idtab_release(&t);
}

/* ids that start at one slot: each found after the others, the absent
 * one of the same start not found, past the table's wrap */
static void test_collisions(void **state)
{
	struct idtab t = IDTAB_INIT(sizeof(int64_t));
	int64_t ids[40];
	int n = 0;

	(void)state;
	for (int64_t id = 1; n < 40; id++)     /* slot 1023 of 1024: the probe wraps */
		if (home(id, 1024) == 1023)
			ids[n++] = id;
	for (int i = 0; i < 39; i++)
		assert_non_null(idtab_put(&t, ids[i], &ids[i]));
	assert_int_equal(t.cap, 1024);
	for (int i = 0; i < 39; i++)
		assert_int_equal(*(int64_t *)idtab_get(&t, ids[i]), ids[i]);
	assert_null(idtab_get(&t, ids[39]));
	idtab_release(&t);
}

/* a value of 13 bytes (a slot of 24): kept whole, neighbours untouched */
struct odd {
	unsigned char b[13];
};

static void fill(struct odd *o, int64_t id)
{
	for (int k = 0; k < 13; k++)
		o->b[k] = (unsigned char)(id * 31 + k);
}

static void test_odd_size_and_growth(void **state)
{
	struct idtab t;
	const int64_t n = 400000;       /* 1M slots of 24 bytes: mapped, huge pages */
	struct odd o, *p;

	(void)state;
	idtab_init(&t, sizeof(struct odd));
	assert_int_equal(t.stride, 24);
	for (int64_t id = 1; id <= n; id++) {
		fill(&o, id * 3);       /* a stride among the ids */
		assert_non_null(idtab_put(&t, id * 3, &o));
	}
	assert_int_equal(t.n, (size_t)n);
	assert_int_equal(t.cap, 1u << 20);
	for (int64_t id = 1; id <= n; id++) {
		fill(&o, id * 3);
		assert_non_null(p = idtab_get(&t, id * 3));
		assert_memory_equal(p, &o, sizeof(o));
		assert_null(idtab_get(&t, id * 3 + 1));
	}
	idtab_release(&t);
	assert_int_equal(t.cap, 0);
	assert_int_equal(t.n, 0);
}

/* a value of 1 byte; a set (size 0) */
static void test_small_values(void **state)
{
	struct idtab t = IDTAB_INIT(1), s = IDTAB_INIT(0);
	unsigned char c;

	(void)state;
	assert_int_equal(t.stride, 16);
	assert_int_equal(s.stride, 8);
	for (int64_t id = 1; id <= 3000; id++) {
		c = (unsigned char)id;
		assert_non_null(idtab_put(&t, id, &c));
		assert_non_null(idtab_put(&s, id * 7, NULL));
	}
	for (int64_t id = 1; id <= 3000; id++) {
		assert_int_equal(*(unsigned char *)idtab_get(&t, id), (unsigned char)id);
		assert_non_null(idtab_get(&s, id * 7));
		assert_null(idtab_get(&s, id * 7 + 1));
	}
	idtab_release(&t);
	idtab_release(&s);
}

/* reserved for n: n ids added without a growth (the slots stay put) */
static void test_reserve(void **state)
{
	struct idtab t = IDTAB_INIT(sizeof(int64_t));
	void *v;

	(void)state;
	assert_int_equal(idtab_reserve(&t, 5000), 0);
	assert_int_equal(t.cap, 16384);         /* 5000 at most a half of it */
	v = t.v;
	for (int64_t id = 1; id <= 5000; id++)
		assert_non_null(idtab_put(&t, id, &id));
	assert_ptr_equal(t.v, v);
	assert_int_equal(t.cap, 16384);
	assert_int_equal(idtab_reserve(&t, 10), 0);    /* smaller: nothing done */
	assert_int_equal(t.cap, 16384);
	assert_int_equal(idtab_reserve(&t, 8192), 0);  /* exactly a half */
	assert_int_equal(t.cap, 16384);
	assert_int_equal(idtab_reserve(&t, 8193), 0);
	assert_int_equal(t.cap, 32768);
	for (int64_t id = 1; id <= 5000; id++)
		assert_int_equal(*(int64_t *)idtab_get(&t, id), id);
	idtab_release(&t);
}

/* memory refused: the table as it was, its values still there.  A
 * reserve too large (bigtab_new refuses the size) takes resize's path
 * as a growth does; a value so large that no table of 1024 slots can be
 * had refuses the first id */
static void test_refused(void **state)
{
	struct idtab t = IDTAB_INIT(sizeof(int64_t)), big;
	unsigned char *v;
	size_t cap;

	(void)state;
	for (int64_t id = 1; id <= 600; id++)   /* grown once: 2048 slots */
		assert_non_null(idtab_put(&t, id, &id));
	v = t.v;
	cap = t.cap;
	assert_int_equal(idtab_reserve(&t, SIZE_MAX / 2), -1);
	assert_int_equal(idtab_reserve(&t, SIZE_MAX / 16), -1);
	assert_ptr_equal(t.v, v);
	assert_int_equal(t.cap, cap);
	assert_int_equal(t.n, 600);
	for (int64_t id = 1; id <= 600; id++)
		assert_int_equal(*(int64_t *)idtab_get(&t, id), id);
	idtab_release(&t);

	idtab_init(&big, SIZE_MAX / 512);
	assert_null(idtab_slot(&big, 1, NULL));
	assert_null(big.v);
	assert_int_equal(big.cap, 0);
	assert_int_equal(big.n, 0);
	assert_null(idtab_get(&big, 1));
	idtab_release(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_absent_and_put),
		cmocka_unit_test(test_nonpositive),
		cmocka_unit_test(test_collisions),
		cmocka_unit_test(test_odd_size_and_growth),
		cmocka_unit_test(test_small_values),
		cmocka_unit_test(test_reserve),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
