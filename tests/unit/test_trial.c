/*
 * test_trial.c: unit tests of domain/numbering.c (official numbers from
 * patterns: {year}, {n}, {n3}) and of the trial clock with its returns
 * (domain/trial.c, trial_due), on the real data/cn-holidays.csv (tests
 * run from the project root).
 *
 * The trial review runs a month from acceptance (《监督执纪工作规则》
 * (2019): 审理工作应当在受理之日起1个月内完成); the time a case is back with
 * the investigation is not counted (补充调查期间不计入审理期限, 《监察法实施条例》
 * (2021)): the due day moves by the working days of each completed
 * return, after the day sent up to the day accepted again; a return still
 * open moves nothing; one spanning only rest days moves nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/clocks.h"
#include "domain/numbering.h"
#include "domain/trial.h"

static struct calendar *cal;

static int setup(void **state)
{
	FILE *f = fopen("data/cn-holidays.csv", "rb");
	static char buf[1 << 20];
	size_t n;

	(void)state;
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	cal = calendar_new();
	return calendar_parse_csv(cal, buf, n, NULL) > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(cal);
	return 0;
}

static void formats(void **state)
{
	struct arena *a = arena_new(4096);

	(void)state;
	assert_string_equal(numbering_format(a, "纪立〔{year}〕{n}号", "", 2022, 12), "纪立〔2022〕12号");
	assert_string_equal(numbering_format(a, "线索〔{year}〕{n3}号", "", 2025, 7), "线索〔2025〕007号");
	assert_string_equal(numbering_format(a, "线索〔{year}〕{n3}号", "", 2025, 1234), "线索〔2025〕1234号");
	/* the digits as printf's "%d", "%" PRId64 and "%03" PRId64 made them */
	assert_string_equal(numbering_format(a, "{year}-{n3}", "", 2025, 0), "2025-000");
	assert_string_equal(numbering_format(a, "{year}-{n3}", "", 2025, 999), "2025-999");
	assert_string_equal(numbering_format(a, "{year}-{n3}", "", 2025, 42), "2025-042");
	assert_string_equal(numbering_format(a, "{year}-{n3}", "", 2025, 100), "2025-100");
	assert_string_equal(numbering_format(a, "{n}/{n3}", "", 2025, INT64_MIN), "-9223372036854775808/-9223372036854775808");
	assert_string_equal(numbering_format(a, "{year}-{n}", "", 0, 0), "0-0");
	assert_string_equal(numbering_format(a, "{year}-{n}", "", 10000, INT64_MAX), "10000-9223372036854775807");
	assert_string_equal(numbering_format(a, "{year}/{n3}", "", -7, -5), "-7/-05");
	/* the one language: the documents' tokens too (migration 0035) */
	assert_string_equal(numbering_format(a, "{机关代字}纪审〔{年}〕{序号}号", "青", 2024, 3), "青纪审〔2024〕3号");
	assert_string_equal(numbering_format(a, "第{序号3}号（{年}）", "", 2024, 1), "第001号（2024）");
	assert_true(numbering_pattern_valid(a, "青纪立〔{year}〕{n}号"));
	assert_true(numbering_pattern_valid(a, "{机关代字}纪审〔{年}〕{序号}号"));
	assert_false(numbering_pattern_valid(a, "青纪立〔{year}〕号"));          /* no counter */
	assert_false(numbering_pattern_valid(a, "{n}-{序号3}"));                 /* two counters */
	assert_false(numbering_pattern_valid(a, "〔{yr}〕{n}号"));               /* unknown placeholder */
	assert_false(numbering_pattern_valid(a, "〔{年}〕{序号号"));             /* unclosed */
	assert_false(numbering_pattern_valid(a, ""));
	assert_false(numbering_pattern_valid(a, "青纪立{序号}号"));              /* no year: repeats yearly */
	assert_string_equal(numbering_pattern_refusal(a, "青纪立{序号}号"),
			    "编号规则须含{年}：序号每年从1起，不含年份的编号会与往年重复");
	/* the limit counts characters (the field's maxlength), not bytes */
	{
		char long_ok[600] = "", long_bad[620];

		for (int i = 0; i < 190; i++)
			strcat(long_ok, "纪");
		strcat(long_ok, "{年}{序号}");              /* 197 characters, 583 bytes */
		assert_true(numbering_pattern_valid(a, long_ok));
		snprintf(long_bad, sizeof(long_bad), "%s纪纪纪纪", long_ok);
		assert_string_equal(numbering_pattern_refusal(a, long_bad), "编号规则不能超过200个字，现为201个字");
	}
	assert_string_equal(numbering_pattern_refusal(a, "〔{yr}〕{n}号"),
			    "未知的标记“{yr}”（可用：{机关代字}、{年}、{序号}、{序号3}）");
	arena_free(a);
}

static const struct clock_version review_v[] = { { QF_DAY_NONE, 1, CLOCK_MONTHS, "" } };
static const struct clock_limit review = { "trial_review", "案件审理", 1, CLOCK_MONTHS, "", 1, review_v, 1 };

static const char *due_of(const struct trial_return *r, int n)
{
	static char buf[11];

	return date_format(trial_due(cal, &review, "2025-06-03", r, n), buf);
}

static void paused_clock(void **state)
{
	struct trial_return r[2] = {
		{ .seq = 1, .sent_day = "2025-06-10", .back_day = "2025-06-17" },
		{ .seq = 2, .sent_day = "2025-06-20", .back_day = "2025-06-24" },
	};

	(void)state;
	assert_string_equal(due_of(NULL, 0), "2025-07-03");
	/* back 06-10 .. 06-17: 11, 12, 13, 16, 17 */
	assert_string_equal(due_of(r, 1), "2025-07-10");
	/* and 06-20 (a Friday) .. 06-24: 23, 24 */
	assert_string_equal(due_of(r, 2), "2025-07-14");
	/* a return still open moves nothing yet */
	r[1].back_day = NULL;
	assert_string_equal(due_of(r, 2), "2025-07-10");
	/* back over a weekend only (Friday to Sunday): nothing moves */
	r[0].sent_day = "2025-06-13";
	r[0].back_day = "2025-06-15";
	assert_string_equal(due_of(r, 1), "2025-07-03");
	/* over the Dragon Boat holiday 2025-05-31 .. 06-02: 05-30 to 06-03 is
	 * one working day (06-03) */
	r[0].sent_day = "2025-05-30";
	r[0].back_day = "2025-06-03";
	assert_string_equal(due_of(r, 1), "2025-07-04");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats),
		cmocka_unit_test(paused_clock),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
