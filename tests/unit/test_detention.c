/*
 * test_detention.c: the detention limits (DOMAIN.md section 2) read from
 * the migrated database on dates around 2025-06-01, the day the revised
 * Supervision Law took effect: the 2018 law's 3 months and one extension
 * by the level above (art. 43) on either side of it; the national
 * extension of 2 months (revised law art. 49, para. 1) and the
 * recalculation (art. 49, para. 2: provincial level and above, once)
 * refused before it and for a level that may not decide them; after a
 * recalculation the extensions are available again; the 24-hour notice
 * (art. 44 / 50).  Each row carries its source.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/detention.h"
#include "store/q_detention.h"
#include "store/store.h"
#include "tmpdb.h"

static struct store *db;
static struct arena *arena;

static int setup(void **state)
{

	(void)state;
	if (!(db = tmpdb_open("det")))
		return -1;
	arena = arena_new(4096);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(arena);
	return tmpdb_close(db);
}

/* The verdict of `kind` approved on `day` at `level` after the steps
 * named in `prior` (space-separated kinds); *amount the months given. */
static int step(const char *level, const char *kind, const char *day, const char *prior, int *amount,
		const char **why)
{
	struct detention_ext v[8];
	struct detention_limit rule;
	char buf[64], *save = NULL;
	int n = 0, rc;

	memset(v, 0, sizeof(v));
	snprintf(buf, sizeof(buf), "%s", prior);
	for (char *t = strtok_r(buf, " ", &save); t && n < 8; t = strtok_r(NULL, " ", &save))
		v[n++].kind = arena_strdup(arena, t);
	rc = detention_step_allowed(db, arena, level, kind, day, v, n, &rule, why);
	*amount = rc == 1 ? rule.amount : -1;
	return rc;
}

/* Supervision Law (2018) art. 43 and the revised law art. 48: 3 months,
 * one extension of 3 by the level above, either side of 2025-06-01. */
static void test_base_limits_both_sides(void **state)
{
	struct detention_limit l;
	const char *why;
	int m;

	(void)state;
	assert_int_equal(store_detention_limit(db, arena, "detention", "2025-05-31", &l), 1);
	assert_int_equal(l.amount, 3);
	assert_string_equal(l.effective_from, "2018-03-20");
	assert_non_null(strstr(l.source, "第四十三条"));
	assert_int_equal(store_detention_limit(db, arena, "detention", "2025-06-01", &l), 1);
	assert_int_equal(l.amount, 3);
	assert_string_equal(l.effective_from, "2025-06-01");
	assert_int_equal(store_detention_limit(db, arena, "detention", "2018-03-19", &l), 0);
	assert_int_equal(step("county", "extension", "2022-07-20", "", &m, &why), 1);
	assert_int_equal(m, 3);
	assert_int_equal(step("county", "extension", "2025-06-01", "", &m, &why), 1);
	assert_int_equal(m, 3);
	assert_int_equal(step("county", "extension", "2025-06-01", "extension", &m, &why), 0);
	assert_non_null(strstr(why, "只能延长一次"));
}

/* Revised law art. 49 para. 1: the national extension from 2025-06-01
 * only, after the extension, once, 2 months, at any level. */
static void test_national_extension_from_2025_06_01(void **state)
{
	const char *why;
	int m;

	(void)state;
	assert_int_equal(step("county", "national", "2025-05-31", "extension", &m, &why), 0);
	assert_non_null(strstr(why, "2025-06-01"));
	assert_int_equal(step("province", "national", "2022-10-25", "extension", &m, &why), 0);
	assert_int_equal(step("county", "national", "2025-06-01", "extension", &m, &why), 1);
	assert_int_equal(m, 2);
	assert_int_equal(step("county", "national", "2025-06-02", "", &m, &why), 0);
	assert_non_null(strstr(why, "须先经上一级批准延长"));
	assert_int_equal(step("county", "national", "2025-07-01", "extension national", &m, &why), 0);
}

/* Revised law art. 49 para. 2: the recalculation from 2025-06-01, only at
 * provincial level and above, once; afterwards the extension again, the
 * national one only if not used before (implementing regulations 2025,
 * art. 133). */
static void test_recalculation_by_level_and_date(void **state)
{
	const char *why;
	int m;

	(void)state;
	assert_int_equal(step("province", "recalc", "2025-05-31", "", &m, &why), 0);
	assert_non_null(strstr(why, "2025-06-01"));
	assert_int_equal(step("county", "recalc", "2025-06-01", "", &m, &why), 0);
	assert_non_null(strstr(why, "省级以上"));
	assert_int_equal(step("prefecture", "recalc", "2025-06-01", "", &m, &why), 0);
	assert_int_equal(step("province", "recalc", "2025-06-01", "", &m, &why), 1);
	assert_int_equal(m, 3);
	assert_int_equal(step("province", "recalc", "2025-09-01", "extension national recalc", &m, &why), 0);
	assert_non_null(strstr(why, "以一次为限"));
	assert_int_equal(step("province", "extension", "2025-09-01", "extension national recalc", &m, &why), 1);
	assert_int_equal(step("province", "national", "2025-09-01", "extension national recalc", &m, &why), 0);
	/* 《监察法实施条例》(2025) art. 133: a national extension used before
	   the recalculation cannot be used again after it (ui10; it was) */
	assert_int_equal(step("province", "national", "2025-09-01", "extension national recalc extension",
			      &m, &why), 0);
	assert_non_null(strstr(why, "不得再次再延长"));
	assert_int_equal(step("province", "national", "2025-09-01", "extension recalc extension", &m, &why), 1);
	assert_int_equal(m, 2);
	assert_int_equal(step("province", "extension", "2025-09-01",
			      "extension national recalc extension", &m, &why), 0);
}

/* Art. 44 (2018) / art. 50 (revised): the notice within 24 hours; every
 * row has its source. */
static void test_notice_and_sources(void **state)
{
	struct detention_limit l, *v;
	int n;

	(void)state;
	assert_int_equal(store_detention_limit(db, arena, "notice", "2025-06-01", &l), 1);
	assert_int_equal(l.amount, 24);
	assert_string_equal(l.unit, "hours");
	n = store_detention_limits(db, arena, &v);
	assert_true(n >= 8);
	for (int i = 0; i < n; i++)
		assert_true(strlen(v[i].source) > 10);
	assert_true(detention_moment_valid("2025-06-01T23:59"));
	assert_false(detention_moment_valid("2025-06-01T24:00"));
	assert_false(detention_moment_valid("2025-02-30T10:00"));
	assert_false(detention_moment_valid("2025-06-01 10:00"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base_limits_both_sides),
		cmocka_unit_test(test_national_extension_from_2025_06_01),
		cmocka_unit_test(test_recalculation_by_level_and_date),
		cmocka_unit_test(test_notice_and_sources),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
