/*
 * test_score.c: the scoring arithmetic of the target tasks' scoreboard
 * (issue 14, domain/score_rank.c): points typed with at most one decimal
 * kept as tenths; the total of a subject is the sum of the scores entered
 * (a criterion not yet scored adds nothing); ranks are competition ranks
 * (ties share a rank and the next rank skips: 1, 2, 2, 4), the rows sorted
 * by rank and then by name, so the board reads the same on every run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "domain/score.h"

static void parse_points(void **state)
{
	(void)state;
	assert_int_equal(score_parse_tenths("18"), 180);
	assert_int_equal(score_parse_tenths("18.5"), 185);
	assert_int_equal(score_parse_tenths("0.5"), 5);
	assert_int_equal(score_parse_tenths("0"), 0);
	assert_int_equal(score_parse_tenths("1000"), 10000);
	assert_int_equal(score_parse_tenths(""), -2);            /* not entered */
	assert_int_equal(score_parse_tenths(NULL), -2);
	assert_int_equal(score_parse_tenths("18.55"), -1);       /* one decimal at most */
	assert_int_equal(score_parse_tenths("-1"), -1);
	assert_int_equal(score_parse_tenths("1000.1"), -1);      /* past SCORE_POINTS_MAX */
	assert_int_equal(score_parse_tenths("99999999999999"), -1);
	assert_int_equal(score_parse_tenths("."), -1);
	assert_int_equal(score_parse_tenths("5."), -1);
	assert_int_equal(score_parse_tenths(".5"), -1);
	assert_int_equal(score_parse_tenths("1.2.3"), -1);
	assert_int_equal(score_parse_tenths("１"), -1);           /* a full-width digit is not a number here */
}

static void points_text(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(score_tenths_text(180, buf), "18");
	assert_string_equal(score_tenths_text(185, buf), "18.5");
	assert_string_equal(score_tenths_text(5, buf), "0.5");
	assert_string_equal(score_tenths_text(0, buf), "0");
}

static void totals_and_ranks(void **state)
{
	/* two criteria; -1: not scored */
	int a[] = { 285, 180 }, b[] = { 265, 200 }, c[] = { 300, 195 }, d[] = { 200, -1 }, e[] = { -1, -1 };
	struct score_row rows[] = {
		{ .subject = "unit:1", .label = "甲镇", .tenths = a },
		{ .subject = "unit:2", .label = "乙镇", .tenths = b },
		{ .subject = "office:一室", .label = "一室", .tenths = c },
		{ .subject = "office:三室", .label = "三室", .tenths = d },
		{ .subject = "office:二室", .label = "二室", .tenths = e },
	};

	(void)state;
	score_rank(rows, 5, 2);
	assert_string_equal(rows[0].label, "一室");
	assert_int_equal(rows[0].total, 495);
	assert_int_equal(rows[0].rank, 1);
	/* a tie: both second, in byte order of the name */
	assert_int_equal(rows[1].total, 465);
	assert_int_equal(rows[2].total, 465);
	assert_int_equal(rows[1].rank, 2);
	assert_int_equal(rows[2].rank, 2);
	assert_true(strcmp(rows[1].label, rows[2].label) < 0);
	/* the next rank skips */
	assert_string_equal(rows[3].label, "三室");
	assert_int_equal(rows[3].total, 200);
	assert_int_equal(rows[3].rank, 4);
	assert_int_equal(rows[4].total, 0);
	assert_int_equal(rows[4].rank, 5);
}

static void all_tied(void **state)
{
	int a[] = { 10 }, b[] = { 10 }, c[] = { 10 };
	struct score_row rows[] = { { .label = "c", .tenths = c }, { .label = "a", .tenths = a },
				    { .label = "b", .tenths = b } };

	(void)state;
	score_rank(rows, 3, 1);
	for (int i = 0; i < 3; i++)
		assert_int_equal(rows[i].rank, 1);
	assert_string_equal(rows[0].label, "a");
	score_rank(rows, 0, 1);     /* nothing to rank */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_points),
		cmocka_unit_test(points_text),
		cmocka_unit_test(totals_and_ranks),
		cmocka_unit_test(all_tied),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
