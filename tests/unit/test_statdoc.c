/*
 * test_statdoc.c: the period check shared by `qingfeng report`, the
 * statistics page and /api/statistics (domain/statistics.h), and the
 * documents' titles (pages/statdoc.h): a year, a quarter, a month or a
 * range as the 2022 report names them ("2022年度监督执纪统计表"), every
 * bad input refused with the argument it is about (issue 11: the page
 * answers in Chinese, the API a 422 naming the field).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "domain/statistics.h"
#include "pages/statdoc.h"

static struct arena *a;

static const char *title(const char *year, const char *quarter, const char *month, const char *from,
			 const char *to)
{
	struct statdoc d = { .organ = "青枫市纪委监委" };
	const char *field;

	assert_null(stats_period_of(a, year, quarter, month, from, to, &d.p, &field));
	return statdoc_title(a, &d);
}

static void test_titles(void **state)
{
	(void)state;
	a = arena_new(4096);
	assert_string_equal(title("2022", NULL, NULL, NULL, NULL), "青枫市纪委监委2022年度监督执纪统计表");
	assert_string_equal(title("2022", "1", "", NULL, NULL), "青枫市纪委监委2022年第一季度监督执纪统计表");
	assert_string_equal(title("2022", NULL, "3", NULL, NULL), "青枫市纪委监委2022年3月监督执纪统计表");
	assert_string_equal(title(NULL, NULL, NULL, "2022-01-01", "2022-12-31"),
			    "青枫市纪委监委2022年度监督执纪统计表");
	assert_string_equal(title("", "", "", "2022-01-05", "2022-02-03"),
			    "青枫市纪委监委2022年1月5日至2022年2月3日监督执纪统计表");
	assert_string_equal(title(NULL, NULL, NULL, "2022-04-01", "2022-06-30"),
			    "青枫市纪委监委2022年第二季度监督执纪统计表");
	arena_free(a);
}

/* expect: the field a bad input is about and a word of its message */
static void refused(const char *year, const char *quarter, const char *month, const char *from,
		    const char *to, const char *field_want, const char *word)
{
	struct metric_period p;
	const char *field = NULL, *why = stats_period_of(a, year, quarter, month, from, to, &p, &field);

	assert_non_null(why);
	assert_string_equal(field, field_want);
	if (!strstr(why, word))
		fail_msg("'%s' lacks '%s'", why, word);
}

static void test_refused(void **state)
{
	(void)state;
	a = arena_new(4096);
	refused(NULL, NULL, NULL, NULL, NULL, "year", "请指定统计期间");
	refused("20x2", NULL, NULL, NULL, NULL, "year", "年份应为");
	refused("+2022", NULL, NULL, NULL, NULL, "year", "年份应为");
	refused("10000", NULL, NULL, NULL, NULL, "year", "年份应为");
	refused("2022", "5", NULL, NULL, NULL, "quarter", "季度应为 1 至 4");
	refused("2022", NULL, "0", NULL, NULL, "month", "月份应为 1 至 12");
	refused("2022", "1", "2", NULL, NULL, "month", "只能指定其一");
	refused(NULL, "1", NULL, NULL, NULL, "quarter", "与年份一起");
	refused("2022", NULL, NULL, "2022-01-01", "2022-02-01", "year", "只能");
	refused(NULL, NULL, NULL, "2022-01-01", NULL, "to", "同时填写");
	refused(NULL, NULL, NULL, "2022/02/03", "2022-03-01", "from", "起始日期应为");
	refused(NULL, NULL, NULL, "2022-03-01", "2022-3-9", "to", "截止日期应为");
	/* well-formed but no such day (issue 12) */
	refused(NULL, NULL, NULL, "2022-02-30", "2022-03-01", "from", "日期不存在");
	refused(NULL, NULL, NULL, "2022-03-01", "2022-13-01", "to", "日期不存在");
	refused(NULL, NULL, NULL, "2022-03-01", "2022-02-28", "to", "晚于");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
