/*
 * test_strbuf.c: unit tests of strbuf.c and arena.c.
 *
 * strbuf: the never-NULL, always-NUL-terminated contract, growth, the
 * max limit with its sticky overflow flag, detach, trim, and appending a
 * strbuf's own contents to itself.  arena: 16-byte alignment, allocations
 * that do not overlap, big one-off allocations, strdup/strndup/printf,
 * and arena_clear keeping the first chunk; under AddressSanitizer, that
 * memory released by arena_clear is poisoned (issue 8, failure 3: a
 * pointer kept across arena_clear read the next row's bytes unseen).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define HAVE_ASAN 1
#endif

static void test_strbuf_init(void **state)
{
	struct strbuf a = STRBUF_INIT, b;

	assert_non_null(a.buf);
	assert_string_equal(a.buf, "");
	assert_int_equal(a.len, 0);
	assert_int_equal(a.alloc, 0);

	strbuf_init(&b, 100);
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	assert_int_equal(b.len, 0);
	assert_true(b.alloc >= 101);
	assert_int_equal(b.max, 0);
	assert_int_equal(b.overflow, 0);
	strbuf_release(&b);
	assert_ptr_equal(b.buf, strbuf_slopbuf);
	assert_int_equal(b.alloc, 0);

	/* releasing a never-used strbuf is fine */
	strbuf_release(&a);
	assert_string_equal(a.buf, "");
}

static void test_strbuf_add(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	assert_int_equal(strbuf_addstr(&sb, "hello"), 0);
	assert_int_equal(strbuf_addch(&sb, ' '), 0);
	assert_int_equal(strbuf_add(&sb, "world!!!", 5), 0);
	assert_string_equal(sb.buf, "hello world");
	assert_int_equal(sb.len, 11);

	/* binary data with a NUL inside keeps its length */
	assert_int_equal(strbuf_add(&sb, "a\0b", 3), 0);
	assert_int_equal(sb.len, 14);
	assert_memory_equal(sb.buf + 11, "a\0b", 4);   /* and a NUL after */

	/* adding nothing still leaves a terminated buffer */
	strbuf_reset(&sb);
	assert_int_equal(strbuf_add(&sb, "", 0), 0);
	assert_string_equal(sb.buf, "");

	/* growth past many reallocations */
	for (i = 0; i < 10000; i++)
		assert_int_equal(strbuf_addch(&sb, 'a' + i % 26), 0);
	assert_int_equal(sb.len, 10000);
	assert_int_equal(strlen(sb.buf), 10000);
	assert_int_equal(sb.buf[9999], 'a' + 9999 % 26);
	assert_true(sb.alloc > sb.len);
	strbuf_release(&sb);
}

static void test_strbuf_add_self(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	/* each doubling reallocates while the source is the old buffer */
	assert_int_equal(strbuf_addstr(&sb, "ab"), 0);
	for (i = 0; i < 12; i++)
		assert_int_equal(strbuf_add(&sb, sb.buf, sb.len), 0);
	assert_int_equal(sb.len, 2 << 12);
	for (i = 0; i < (2 << 12); i += 2)
		assert_memory_equal(sb.buf + i, "ab", 2);

	/* the same with addf and %s of its own buffer */
	strbuf_reset(&sb);
	assert_int_equal(strbuf_addstr(&sb, "xy"), 0);
	for (i = 0; i < 12; i++)
		assert_int_equal(strbuf_addf(&sb, "%s", sb.buf), 0);
	assert_int_equal(sb.len, 2 << 12);
	assert_int_equal(strlen(sb.buf), 2 << 12);
	for (i = 0; i < (2 << 12); i += 2)
		assert_memory_equal(sb.buf + i, "xy", 2);
	strbuf_release(&sb);
}

static void test_strbuf_addf(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char big[5000];

	assert_int_equal(strbuf_addf(&sb, "%d-%s-%c-%05.1f", -42, "中文", 'x', 3.14159), 0);
	assert_string_equal(sb.buf, "-42-中文-x-003.1");
	assert_int_equal(sb.len, strlen("-42-中文-x-003.1"));

	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(strbuf_addf(&sb, "[%s]", big), 0);
	assert_int_equal(sb.len, strlen("-42-中文-x-003.1") + 2 + 4999);
	assert_int_equal(sb.buf[sb.len - 1], ']');
	assert_int_equal(sb.buf[sb.len], '\0');

	/* an empty format on an unallocated strbuf */
	strbuf_release(&sb);
	assert_int_equal(strbuf_addf(&sb, "%s", ""), 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

static void test_strbuf_add_i64(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(strbuf_add_i64(&sb, 0), 0);
	strbuf_addch(&sb, ' ');
	strbuf_add_i64(&sb, 42);
	strbuf_addch(&sb, ' ');
	strbuf_add_i64(&sb, -7);
	strbuf_addch(&sb, ' ');
	strbuf_add_i64(&sb, INT64_MAX);
	strbuf_addch(&sb, ' ');
	strbuf_add_i64(&sb, INT64_MIN);
	assert_string_equal(sb.buf, "0 42 -7 9223372036854775807 -9223372036854775808");
	strbuf_release(&sb);
}

static void test_strbuf_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 99;
	char *p;

	assert_int_equal(strbuf_addstr(&sb, "owned by the caller"), 0);
	p = strbuf_detach(&sb, &len);
	assert_string_equal(p, "owned by the caller");
	assert_int_equal(len, strlen("owned by the caller"));
	/* the strbuf is empty again and usable */
	assert_ptr_equal(sb.buf, strbuf_slopbuf);
	assert_int_equal(sb.len, 0);
	assert_int_equal(strbuf_addstr(&sb, "new"), 0);
	assert_ptr_not_equal(sb.buf, p);
	free(p);
	strbuf_release(&sb);

	/* detaching a never-allocated strbuf gives a string free() takes */
	p = strbuf_detach(&sb, NULL);
	assert_non_null(p);
	assert_ptr_not_equal(p, strbuf_slopbuf);
	assert_string_equal(p, "");
	free(p);
}

static void test_strbuf_max(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t alloc;

	strbuf_setmax(&sb, 10);
	assert_int_equal(strbuf_addstr(&sb, "hello"), 0);
	assert_int_equal(sb.overflow, 0);

	/* 11 bytes would pass the max: refused, contents unchanged */
	assert_int_equal(strbuf_addstr(&sb, "world!"), -1);
	assert_string_equal(sb.buf, "hello");
	assert_int_equal(sb.len, 5);
	assert_int_equal(sb.overflow, 1);

	/* exactly up to the max is allowed; the flag stays set */
	assert_int_equal(strbuf_addstr(&sb, "world"), 0);
	assert_string_equal(sb.buf, "helloworld");
	assert_int_equal(sb.overflow, 1);

	/* every kind of append is refused now */
	alloc = sb.alloc;
	assert_int_equal(strbuf_addch(&sb, 'x'), -1);
	assert_int_equal(strbuf_addf(&sb, "%d", 1), -1);
	assert_int_equal(strbuf_add(&sb, "x", 1), -1);
	assert_int_equal(strbuf_add(&sb, sb.buf, sb.len), -1);
	assert_string_equal(sb.buf, "helloworld");
	assert_int_equal(sb.alloc, alloc);
	assert_int_equal(strbuf_add(&sb, "", 0), 0);     /* nothing is fine */

	/* reset clears the flag and keeps the max */
	strbuf_reset(&sb);
	assert_int_equal(sb.overflow, 0);
	assert_int_equal(sb.max, 10);
	assert_int_equal(strbuf_addf(&sb, "%s", "0123456789A"), -1);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.overflow, 1);
	assert_int_equal(strbuf_addf(&sb, "%s", "0123456789"), 0);
	assert_string_equal(sb.buf, "0123456789");

	/* a big addf refused on an allocated buffer leaves it as it was */
	strbuf_reset(&sb);
	assert_int_equal(strbuf_addstr(&sb, "abc"), 0);
	assert_int_equal(strbuf_addf(&sb, "%0100d", 7), -1);
	assert_string_equal(sb.buf, "abc");
	strbuf_release(&sb);
}

static void test_strbuf_trim(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_trim(&sb);               /* unallocated: no crash, still "" */
	assert_string_equal(sb.buf, "");

	assert_int_equal(strbuf_addstr(&sb, " \t\r\n hello world \v\f\r\n"), 0);
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "hello world");
	assert_int_equal(sb.len, 11);

	strbuf_reset(&sb);
	assert_int_equal(strbuf_addstr(&sb, " \t \n "), 0);
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);

	/* NBSP (C2 A0) and NEL (C2 85) are not ASCII whitespace: a trim must
	 * not cut UTF-8 sequences in half */
	strbuf_reset(&sb);
	assert_int_equal(strbuf_addstr(&sb, "\xc2\xa0x\xc2\x85"), 0);
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "\xc2\xa0x\xc2\x85");
	strbuf_release(&sb);
}

static void test_strbuf_setlen_reset(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_setlen(&sb, 5);          /* unallocated: stays empty */
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");

	assert_int_equal(strbuf_addstr(&sb, "abcdef"), 0);
	strbuf_setlen(&sb, 3);
	assert_string_equal(sb.buf, "abc");
	strbuf_setlen(&sb, 100);        /* cannot lengthen */
	assert_int_equal(sb.len, 3);
	assert_string_equal(sb.buf, "abc");
	strbuf_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

static void test_arena_alloc_align(void **state)
{
	struct arena *a = arena_new(256);
	unsigned char *p[500];
	size_t i, j;

	for (i = 0; i < 500; i++) {
		size_t n = 1 + (i * 37) % 200;
		p[i] = arena_alloc(a, n);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		memset(p[i], (int)(i & 0xff), n);
	}
	/* no allocation overwrote another */
	for (i = 0; i < 500; i++) {
		size_t n = 1 + (i * 37) % 200;
		for (j = 0; j < n; j++)
			assert_int_equal(p[i][j], i & 0xff);
	}
	arena_free(a);
	arena_free(NULL);
}

static void test_arena_zalloc(void **state)
{
	struct arena *a = arena_new(0);         /* default chunk size */
	unsigned char *p;
	size_t i;

	p = arena_alloc(a, 100);
	memset(p, 0xaa, 100);
	arena_clear(a);
	p = arena_zalloc(a, 100);               /* same memory, now zeroed */
	for (i = 0; i < 100; i++)
		assert_int_equal(p[i], 0);
	arena_free(a);
}

static void test_arena_big(void **state)
{
	struct arena *a = arena_new(1024);
	unsigned char *small1, *big, *small2, *big2;
	size_t i;

	small1 = arena_alloc(a, 16);
	memset(small1, 1, 16);
	big = arena_alloc(a, 100000);
	assert_int_equal((uintptr_t)big % 16, 0);
	memset(big, 2, 100000);
	small2 = arena_alloc(a, 16);
	memset(small2, 3, 16);
	big2 = arena_alloc(a, 3000);
	assert_int_equal((uintptr_t)big2 % 16, 0);
	memset(big2, 4, 3000);
	for (i = 0; i < 16; i++) {
		assert_int_equal(small1[i], 1);
		assert_int_equal(small2[i], 3);
	}
	for (i = 0; i < 100000; i++)
		assert_int_equal(big[i], 2);
	for (i = 0; i < 3000; i++)
		assert_int_equal(big2[i], 4);
	arena_free(a);
}

static void test_arena_clear_keeps_first(void **state)
{
	struct arena *a = arena_new(1024);
	void *p0, *p1;
	int i;

	p0 = arena_alloc(a, 16);
	arena_clear(a);
	/* a one-off bigger than the chunk, linked after the first chunk */
	memset(arena_alloc(a, 4000), 0, 4000);
	arena_clear(a);
	p1 = arena_alloc(a, 16);
	assert_ptr_equal(p0, p1);

	/* many chunks, cleared again and again */
	for (i = 0; i < 10; i++) {
		int j;
		for (j = 0; j < 100; j++)
			memset(arena_alloc(a, 100), j, 100);
		memset(arena_alloc(a, 50000), 0, 50000);
		arena_clear(a);
		assert_ptr_equal(arena_alloc(a, 16), p0);
	}
	arena_free(a);
}

static void test_arena_strings(void **state)
{
	struct arena *a = arena_new(64);
	char *exact = malloc(4), *s, big[3000];

	assert_null(arena_strdup(a, NULL));
	assert_null(arena_strndup(a, NULL, 5));
	assert_string_equal(arena_strdup(a, ""), "");
	assert_string_equal(arena_strdup(a, "中文 text"), "中文 text");
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");

	/* strndup stops at the end of the string (ASan catches an overread) */
	memcpy(exact, "abc", 4);
	s = arena_strndup(a, exact, 100);
	assert_string_equal(s, "abc");
	free(exact);

	assert_string_equal(arena_printf(a, "%d-%s-%02x", 42, "x", 10), "42-x-0a");
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	s = arena_printf(a, "<%s>", big);
	assert_int_equal(strlen(s), sizeof(big) + 1);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[sizeof(big)], '>');
	assert_int_equal((uintptr_t)s % 16, 0);
	arena_free(a);
}

#ifdef HAVE_ASAN
/* What arena_clear releases is poisoned until handed out again, the
 * padding after an allocation stays poisoned, and a big one-off chunk is
 * freed: each read of them is an ASan report. */
static void test_arena_poison(void **state)
{
	struct arena *a = arena_new(1024);
	char *name, *big, *again;

	name = arena_strdup(a, "cli:root");
	big = arena_alloc(a, 4000);
	assert_false(__asan_address_is_poisoned(name));
	assert_false(__asan_address_is_poisoned(name + 8));     /* the NUL */
	assert_true(__asan_address_is_poisoned(name + 9));      /* padding */
	assert_false(__asan_address_is_poisoned(big + 3999));
	assert_ptr_equal(__asan_region_is_poisoned(name, 9), NULL);

	arena_clear(a);
	assert_true(__asan_address_is_poisoned(name));
	assert_ptr_equal(__asan_region_is_poisoned(name, 9), name);
	assert_true(__asan_address_is_poisoned(big));
	assert_true(__asan_address_is_poisoned(big + 3999));

	/* handed out again: usable, and only as much as was asked for */
	again = arena_alloc(a, 3);
	assert_ptr_equal(again, name);
	assert_false(__asan_address_is_poisoned(again + 2));
	assert_true(__asan_address_is_poisoned(again + 3));
	arena_free(a);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf_init),
		cmocka_unit_test(test_strbuf_add),
		cmocka_unit_test(test_strbuf_add_self),
		cmocka_unit_test(test_strbuf_addf),
		cmocka_unit_test(test_strbuf_add_i64),
		cmocka_unit_test(test_strbuf_detach),
		cmocka_unit_test(test_strbuf_max),
		cmocka_unit_test(test_strbuf_trim),
		cmocka_unit_test(test_strbuf_setlen_reset),
		cmocka_unit_test(test_arena_alloc_align),
		cmocka_unit_test(test_arena_zalloc),
		cmocka_unit_test(test_arena_big),
		cmocka_unit_test(test_arena_clear_keeps_first),
		cmocka_unit_test(test_arena_strings),
#ifdef HAVE_ASAN
		cmocka_unit_test(test_arena_poison),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
