/*
 * test_jurisdiction.c: the jurisdiction rule (管辖) as data: which rank
 * goes one level up at which deployment level, effective-dated.
 * Rule: a county commission forwards reports and clues about county-rank
 * (处级) cadres, managed by the party committee one level up; at a
 * prefecture or province no rank of the person table goes up (cadre
 * management authority; 《纪检监察机关处理检举控告工作规则》(2020) art. 15;
 * 《监察法实施条例》 art. 169).  The rows below are those of
 * 0019_case_rules.sql plus a later change, to show the dating.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "domain/jurisdiction.h"

static const struct jurisdiction_rule rules[] = {
	{ "county", "county", "2019-01-01", 1, "seed" },
	/* a made-up later rule: section rank goes up too from 2030 */
	{ "county", "section", "2030-01-01", 1, "test" },
	/* ... and stops again in 2031 */
	{ "county", "section", "2031-01-01", 0, "test" },
};
#define N ((int)(sizeof(rules) / sizeof(rules[0])))

static void test_county_rank_goes_up_at_a_county(void **state)
{
	(void)state;
	assert_true(jurisdiction_rank_up(rules, N, "county", "county", "2026-03-01"));
	assert_false(jurisdiction_rank_up(rules, N, "county", "section", "2026-03-01"));
	assert_false(jurisdiction_rank_up(rules, N, "county", "staff", "2026-03-01"));
	assert_false(jurisdiction_rank_up(rules, N, "county", "village", "2026-03-01"));
}

static void test_level_decides(void **state)
{
	(void)state;
	/* a prefecture manages its county-rank cadres itself */
	assert_false(jurisdiction_rank_up(rules, N, "prefecture", "county", "2026-03-01"));
	assert_false(jurisdiction_rank_up(rules, N, "province", "county", "2026-03-01"));
}

static void test_effective_dated(void **state)
{
	(void)state;
	/* before the rule's first day it does not apply */
	assert_false(jurisdiction_rank_up(rules, N, "county", "county", "2018-12-31"));
	assert_true(jurisdiction_rank_up(rules, N, "county", "county", "2019-01-01"));
	assert_false(jurisdiction_rank_up(rules, N, "county", "section", "2029-12-31"));
	assert_true(jurisdiction_rank_up(rules, N, "county", "section", "2030-06-01"));
	/* the latest row on or before the day decides: up = 0 ends it */
	assert_false(jurisdiction_rank_up(rules, N, "county", "section", "2031-01-01"));
}

static void test_bad_input(void **state)
{
	(void)state;
	assert_false(jurisdiction_rank_up(rules, N, NULL, "county", "2026-03-01"));
	assert_false(jurisdiction_rank_up(rules, N, "county", NULL, "2026-03-01"));
	assert_false(jurisdiction_rank_up(rules, N, "county", "county", NULL));
	assert_false(jurisdiction_rank_up(NULL, 0, "county", "county", "2026-03-01"));
	assert_string_equal(jurisdiction_levels[0], "county");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_county_rank_goes_up_at_a_county),
		cmocka_unit_test(test_level_decides),
		cmocka_unit_test(test_effective_dated),
		cmocka_unit_test(test_bad_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
