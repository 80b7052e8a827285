/*
 * test_opinion.c: the opinion replies' pure rules (domain/opinion.h).
 * opinion_decide on a line's facts on the reply day, by the influence
 * periods of DOMAIN.md section 3 (中国共产党纪律处分条例 (2023) art. 11:
 * 警告 12 months, 严重警告 18 months without promotion; 《公职人员政务处分法》
 * art. 8 and art. 22: 警告 6, 记过 12, 记大过 18, 降级/撤职 24 months):
 * a bar runs while bar_until is after the reply day, so a period whose
 * bar_until is the reply day (its last day the day before) bars nothing;
 * an open case (在审查调查期间不得提拔) and an open clue propose deferring,
 * before any sanction.  opinion_parse: the columns, a header, quoting, and
 * line-numbered refusals with nothing returned.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/opinion.h"
#include "domain/outcome.h"

static struct arena *a;

static int setup(void **state)
{
	(void)state;
	a = arena_new(0);
	return a ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(a);
	return 0;
}

static struct opinion_fact out(const char *measure, const char *effective, const char *until)
{
	return (struct opinion_fact){ .kind = OPF_OUTCOME, .ref = 1, .day = effective, .until = until,
				      .sanctioned = 1, .measure = measure };
}

static void test_periods(void **state)
{
	struct opinion_fact f;
	const char *why;

	(void)state;
	/* 党内警告 effective 2023-06-11: 12 months, barred through 2024-06-10 */
	f = out("party_warning", "2023-06-11", "2024-06-11");
	assert_string_equal(opinion_decide(a, &f, 1, "2024-06-10", &why), "period_running");
	assert_non_null(strstr(why, "党内警告"));
	assert_non_null(strstr(why, "影响期至2024-06-11"));
	/* the period ended the day before the reply day: no bar */
	assert_string_equal(opinion_decide(a, &f, 1, "2024-06-11", &why), "period_ended");
	assert_non_null(strstr(why, "届满"));
	/* 政务记过: 12 months */
	f = out("gov_demerit", "2022-01-01", "2023-01-01");
	assert_string_equal(opinion_decide(a, &f, 1, "2022-12-31", &why), "period_running");
	assert_non_null(strstr(why, "政务记过"));
	assert_string_equal(opinion_decide(a, &f, 1, "2023-01-01", &why), "period_ended");
	/* 开除党籍: permanent */
	f = out("party_expulsion", "2010-01-01", OUTCOME_PERMANENT);
	assert_string_equal(opinion_decide(a, &f, 1, "2099-01-01", &why), "period_running");
	/* a first-form treatment without a period and no sanction: nothing found */
	f = out("criticism", "2022-01-01", "");
	f.sanctioned = 0;
	assert_string_equal(opinion_decide(a, &f, 1, "2022-06-01", &why), "none_found");
	assert_string_equal(opinion_decide(a, NULL, 0, "2022-06-01", &why), "none_found");
	assert_non_null(strstr(why, "未发现"));
}

static void test_precedence(void **state)
{
	struct opinion_fact f[3] = {
		{ .kind = OPF_CASE, .ref = 7, .day = "2024-03-01", .until = "", .measure = "" },
		{ .kind = OPF_CLUE, .ref = 8, .day = "2024-01-05", .until = "", .measure = "" },
		{ .kind = OPF_OUTCOME, .ref = 9, .day = "2023-06-11", .until = "2024-06-11", .sanctioned = 1,
		  .measure = "party_warning" },
	};
	const char *why;

	(void)state;
	assert_string_equal(opinion_decide(a, f, 3, "2024-06-10", &why), "under_case");
	assert_non_null(strstr(why, "立案审查调查"));
	assert_non_null(strstr(why, "党内警告"));      /* every fact in the reason */
	assert_string_equal(opinion_decide(a, f + 1, 2, "2024-06-10", &why), "open_clue");
	assert_string_equal(opinion_decide(a, f + 2, 1, "2024-06-10", &why), "period_running");
}

static void test_parse(void **state)
{
	static const char ok[] = "\xEF\xBB\xBF姓名\t单位\t职务\t身份证号码\r\n张三\t县教育局\t局长\t\r\n\r\n"
				 "李四\t县财政局\t\t11010519491231002X\n";
	static const char bad[] = "张三,县教育局\n,县教育局\n李四,县教育局,110105194912310021\n";
	static const char csv[] = "王五,\"县教育局,基教股\",11010519491231002x,股长\n赵六,县农业局\n";
	struct opinion_in *v;
	const char *err;
	int n;

	(void)state;
	n = opinion_parse(a, ok, strlen(ok), &v, &err);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].name, "张三");
	assert_string_equal(v[0].position, "局长");
	assert_string_equal(v[0].id_number, "");
	assert_int_equal(v[1].line_no, 4);
	assert_string_equal(v[1].id_number, "11010519491231002X");
	n = opinion_parse(a, csv, strlen(csv), &v, &err);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].unit_name, "县教育局,基教股");
	assert_string_equal(v[0].id_number, "11010519491231002x");
	assert_string_equal(v[0].position, "股长");
	assert_string_equal(v[1].position, "");
	/* all or nothing: the bad lines named, nothing returned */
	n = opinion_parse(a, bad, strlen(bad), &v, &err);
	assert_int_equal(n, -1);
	assert_null(v);
	assert_non_null(strstr(err, "第2行：缺少姓名"));
	assert_non_null(strstr(err, "第3行：身份证号码无效"));
	n = opinion_parse(a, "\xff\xfe", 2, &v, &err);
	assert_int_equal(n, -1);
	assert_non_null(strstr(err, "UTF-8"));
	n = opinion_parse(a, "\n \n", 3, &v, &err);
	assert_int_equal(n, -1);
	assert_non_null(strstr(err, "名单为空"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
