/*
 * test_registry.c: the linker-section registry (core/registry.h; issue
 * 9, second part: families register their own audit events, object types
 * and home-page to-dos).  A set of this file's own: every entry
 * registered is walked once, in a contiguous array of pointers (a
 * sanitizer redzone or padding between entries would show as a wrong
 * count or a garbage pointer); QF_SORTED copies and sorts; a set with no
 * entry walks nothing and counts 0 (the weak bounds).  Then the
 * program's own sets: every to-do provider has an add function, a
 * permission and an order of its own, and the providers of the four
 * families of today are there; the audit sets hold what the families
 * register.  Built in the sanitizer build by make; the release build is
 * checked by compiling this file with the release flags
 * (docs/testing.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/registry.h"
#include "domain/audit.h"
#include "domain/todo.h"

struct probe {
	const char *name;
	int weight;
};

QF_SET(test_probes, const struct probe);
QF_SET(test_empty, const struct probe);    /* nothing registers in it */

static const struct probe probe_a = { "a", 1 }, probe_b = { "b", 2 };
static const struct probe probe_c[1] = { { "c", 4 } };
QF_REGISTER(test_probes, &probe_a);
QF_REGISTER(test_probes, &probe_b);
QF_REGISTER(test_probes, probe_c);          /* an array: its first element */

static void test_walks_every_entry_once(void **state)
{
	int n = 0, sum = 0;

	(void)state;
	QF_FOREACH(test_probes, const struct probe, p) {
		assert_non_null(*p);
		assert_int_equal(strlen((*p)->name), 1);
		sum += (*p)->weight;
		n++;
	}
	assert_int_equal(n, 3);
	assert_int_equal(sum, 7);              /* each once */
	assert_int_equal(QF_COUNT(test_probes), 3);
	/* contiguous pointers: the section is exactly the entries */
	assert_int_equal((char *)__stop_qf_test_probes - (char *)__start_qf_test_probes,
			 3 * (int)sizeof(void *));
}

static int by_weight_desc(const void *pa, const void *pb)
{
	const struct probe *const *a = pa, *const *b = pb;
	return (*b)->weight - (*a)->weight;
}

/* QF_SORTED: a copy in the arena, in the order asked, the set untouched */
static void test_sorted(void **state)
{
	struct arena *a = arena_new(256);
	const struct probe *const *v;
	int n;

	(void)state;
	v = QF_SORTED(a, test_probes, by_weight_desc, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0]->name, "c");
	assert_string_equal(v[1]->name, "b");
	assert_string_equal(v[2]->name, "a");
	v = QF_SORTED(a, test_empty, by_weight_desc, &n);
	assert_int_equal(n, 0);
	assert_non_null(v);
	arena_free(a);
}

static void test_empty_set(void **state)
{
	int n = 0;

	(void)state;
	QF_FOREACH(test_empty, const struct probe, p)
		n++;
	assert_int_equal(n, 0);
	assert_int_equal(QF_COUNT(test_empty), 0);
}

static void test_todo_providers(void **state)
{
	int n = 0;

	(void)state;
	QF_FOREACH(todo_providers, const struct todo_provider, p) {
		assert_non_null((*p)->add);
		assert_true((*p)->perm > PERM_NONE);
		for (const struct todo_provider *const *q = __start_qf_todo_providers; q != p; q++)
			if ((*q)->order == (*p)->order)
				fail_msg("two to-do providers with order %d", (*p)->order);
		n++;
	}
	/* clue verifications, approvals, reports, cases */
	assert_true(n >= 4);
}

static void test_audit_sets(void **state)
{
	(void)state;
	assert_true(QF_COUNT(audit_events) >= 56);
	assert_true(QF_COUNT(audit_objects) >= 19);
	/* an event is its registered entry: the pointer call sites pass */
	assert_string_equal(AEV_READ->code, "read");
	assert_ptr_equal(audit_event_label("read"), AEV_READ->label);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walks_every_entry_once),
		cmocka_unit_test(test_sorted),
		cmocka_unit_test(test_empty_set),
		cmocka_unit_test(test_todo_providers),
		cmocka_unit_test(test_audit_sets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
