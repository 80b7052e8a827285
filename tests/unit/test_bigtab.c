/*
 * test_bigtab.c: large zeroed tables (core/bigtab.c): small ones from
 * calloc, large ones mapped at a 2 MiB boundary, all zeroed and writable
 * to their last byte, an overflowing size refused, a size not of whole
 * pages given back whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/bigtab.h"

static void check(size_t n, size_t size, int aligned)
{
	unsigned char *p = bigtab_new(n, size);

	assert_non_null(p);
	if (aligned)
		assert_int_equal((uintptr_t)p & ((2u << 20) - 1), 0);
	for (size_t i = 0; i < n * size; i += 4093)
		assert_int_equal(p[i], 0);
	assert_int_equal(p[n * size - 1], 0);
	memset(p, 0xA5, n * size);
	bigtab_free(p, n, size);
}

static void test_sizes(void **state)
{
	(void)state;
	check(1024, 48, 0);                     /* 48 KB: calloc */
	check((4u << 20) / 16 - 1, 16, 0);      /* just under 4 MiB */
	check((4u << 20) / 16, 16, 1);          /* 4 MiB: mapped */
	check(4u << 20, 48, 1);                 /* 192 MiB, the id map at 1M records */
	bigtab_free(NULL, 4u << 20, 48);
	assert_null(bigtab_new(SIZE_MAX / 8, 16));
}

/* the process's mapped size in pages (/proc/self/statm's first field) */
static long vm_pages(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long n = -1;

	assert_non_null(f);
	assert_int_equal(fscanf(f, "%ld", &n), 1);
	fclose(f);
	return n;
}

/* review18: a table of 4 MiB + 100 bytes left its tail's 2 MiB mapped
 * at each free (the tail's unmapping started off a page boundary) */
static void test_odd_size_freed_whole(void **state)
{
	long before;

	(void)state;
	check((4u << 20) + 100, 1, 1);  /* the mappings settle once */
	before = vm_pages();
	for (int i = 0; i < 50; i++)
		check((4u << 20) + 100, 1, 1);
	assert_true(vm_pages() - before < (long)((4u << 20) / 4096));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_odd_size_freed_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
