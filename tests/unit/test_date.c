/*
 * test_date.c: unit tests of date.c.
 *
 * Day numbers are checked against libc's timegm() (an independent
 * implementation) for every day of 1900-2100, and against fixed values
 * computed with Python's datetime; parsing is checked with malformed and
 * impossible dates; CST conversions are checked at the day boundary and
 * with a hostile TZ in the environment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"

static void test_known_days(void **state)
{
	/* values from Python: (date(y, m, d) - date(1970, 1, 1)).days */
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2022, 10, 1), 19266);
	assert_int_equal(date_from_ymd(1949, 10, 1), -7397);
	assert_int_equal(date_from_ymd(2100, 12, 31), 47846);
	assert_int_equal(date_from_ymd(1, 1, 1), -719162);
	assert_int_equal(date_from_ymd(9999, 12, 31), 2932896);
}

/* Every day of 1900-2100: ymd -> day -> ymd, format -> parse, day + 1 is
 * the next calendar date, and day * 86400 is what timegm() says. */
static void test_roundtrip(void **state)
{
	qf_day first = date_from_ymd(1900, 1, 1), last = date_from_ymd(2100, 12, 31), day;
	int py = 1899, pm = 12, pd = 31;

	for (day = first; day <= last; day++) {
		int y, m, d;
		char buf[11], want[32];
		struct tm tm;

		date_to_ymd(day, &y, &m, &d);
		assert_int_equal(date_from_ymd(y, m, d), day);
		snprintf(want, sizeof(want), "%04d-%02d-%02d", y, m, d);
		assert_string_equal(date_format(day, buf), want);
		assert_int_equal(date_parse(buf), day);

		/* the day after the previous one */
		if (d == 1) {
			assert_true((m == pm + 1 && y == py) || (m == 1 && pm == 12 && y == py + 1));
		} else {
			assert_int_equal(d, pd + 1);
			assert_int_equal(m, pm);
			assert_int_equal(y, py);
		}
		py = y;
		pm = m;
		pd = d;

		memset(&tm, 0, sizeof(tm));
		tm.tm_year = y - 1900;
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = 12;
		assert_int_equal((int64_t)timegm(&tm), (int64_t)day * 86400 + 12 * 3600);
		assert_int_equal(date_weekday(day), (tm.tm_wday + 6) % 7);
	}
	assert_int_equal(py, 2100);
}

static void test_leap_years(void **state)
{
	char buf[11];

	assert_int_not_equal(date_parse("2000-02-29"), QF_DAY_NONE);
	assert_int_not_equal(date_parse("2024-02-29"), QF_DAY_NONE);
	assert_int_not_equal(date_parse("1996-02-29"), QF_DAY_NONE);
	assert_int_equal(date_parse("1900-02-29"), QF_DAY_NONE);
	assert_int_equal(date_parse("2100-02-29"), QF_DAY_NONE);
	assert_int_equal(date_parse("2022-02-29"), QF_DAY_NONE);
	assert_int_equal(date_parse("2023-02-29"), QF_DAY_NONE);
	assert_int_equal(date_from_ymd(2023, 2, 29), QF_DAY_NONE);
	assert_int_equal(date_parse("2024-02-30"), QF_DAY_NONE);
	/* 2024-02-29 is followed by 03-01, 2023-02-28 too */
	assert_string_equal(date_format(date_parse("2024-02-29") + 1, buf), "2024-03-01");
	assert_string_equal(date_format(date_parse("2023-02-28") + 1, buf), "2023-03-01");
	assert_int_equal(date_parse("2000-12-31") - date_parse("2000-01-01"), 365);
	assert_int_equal(date_parse("1900-12-31") - date_parse("1900-01-01"), 364);
}

static void test_weekday(void **state)
{
	assert_int_equal(date_weekday(date_parse("1970-01-01")), 3);   /* Thursday */
	assert_int_equal(date_weekday(date_parse("1969-12-29")), 0);   /* Monday */
	assert_int_equal(date_weekday(date_parse("1969-12-28")), 6);   /* Sunday */
	assert_int_equal(date_weekday(date_parse("1900-01-01")), 0);   /* Monday */
	assert_int_equal(date_weekday(date_parse("1949-10-01")), 5);   /* Saturday */
	assert_int_equal(date_weekday(date_parse("2000-01-01")), 5);   /* Saturday */
	assert_int_equal(date_weekday(date_parse("2000-03-01")), 2);   /* Wednesday */
	assert_int_equal(date_weekday(date_parse("2022-09-29")), 3);   /* Thursday */
	assert_int_equal(date_weekday(date_parse("2022-10-01")), 5);   /* Saturday */
	assert_int_equal(date_weekday(date_parse("2022-10-09")), 6);   /* Sunday */
	assert_int_equal(date_weekday(date_parse("2100-12-31")), 4);   /* Friday */
	assert_int_equal(date_weekday(date_parse("0001-01-01")), 0);   /* Monday */
}

static void test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"2022-02-29", "2022-2-1", "2022-02-1", "2022-2-01", "2022-02-01x",
		"x2022-02-01", " 2022-02-01", "2022-02-01 ", "2022-02-01\n",
		"", "2022", "2022-02", "2022-13-01", "2022-00-10", "2022-01-00",
		"2022-01-32", "2022-04-31", "2022/01/01", "2022.01.01", "20220101",
		"+022-01-01", "-022-01-01", "0000-01-01", "2022-1a-01", "2022-01-0a",
		"22-01-01", "12022-01-01", "2022--1-01", "2022-+1-01",
		"\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x92-01-01",   /* full-width */
		"2022-01-01\xff",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (date_parse(bad[i]) != QF_DAY_NONE)
			fail_msg("date_parse accepted \"%s\"", bad[i]);
	assert_int_equal(date_parse(NULL), QF_DAY_NONE);
	assert_int_equal(date_from_ymd(2022, 0, 1), QF_DAY_NONE);
	assert_int_equal(date_from_ymd(2022, 13, 1), QF_DAY_NONE);
	assert_int_equal(date_from_ymd(2022, 1, 0), QF_DAY_NONE);
	assert_int_equal(date_from_ymd(0, 1, 1), QF_DAY_NONE);
	assert_int_equal(date_from_ymd(10000, 1, 1), QF_DAY_NONE);

	assert_int_equal(date_parse("0001-01-01"), -719162);
	assert_int_equal(date_parse("9999-12-31"), 2932896);
	assert_int_equal(date_parse("2022-02-28"), date_from_ymd(2022, 2, 28));
}

static void test_format_out_of_range(void **state)
{
	char buf[11] = "garbage";

	assert_string_equal(date_format(QF_DAY_NONE, buf), "");
	assert_string_equal(date_format(2932897, buf), "");     /* 10000-01-01 */
	assert_string_equal(date_format(-719163, buf), "");     /* 0000-12-31 */
	assert_string_equal(date_format(INT32_MAX, buf), "");
	assert_string_equal(date_format(0, buf), "1970-01-01");
}

static void test_add_months(void **state)
{
	static const struct {
		const char *from;
		int months;
		const char *want;
	} cases[] = {
		{ "2022-01-31", 1, "2022-02-28" },
		{ "2024-01-31", 1, "2024-02-29" },
		{ "2022-03-31", -1, "2022-02-28" },
		{ "2022-03-31", 1, "2022-04-30" },
		{ "2022-05-31", 1, "2022-06-30" },
		{ "2022-12-15", 1, "2023-01-15" },
		{ "2022-01-15", -1, "2021-12-15" },
		{ "2020-02-29", 12, "2021-02-28" },
		{ "2020-02-29", 48, "2024-02-29" },
		{ "2022-08-31", -6, "2022-02-28" },
		{ "2022-03-10", -25, "2020-02-10" },
		{ "2022-03-10", 0, "2022-03-10" },
		{ "2022-01-30", 1, "2022-02-28" },
		{ "2022-01-28", 1, "2022-02-28" },
		{ "1999-12-31", 2, "2000-02-29" },
		{ "2022-11-30", 3, "2023-02-28" },
		{ "2022-10-31", 1200, "2122-10-31" },
	};
	size_t i;
	char buf[11];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		qf_day d = date_add_months(date_parse(cases[i].from), cases[i].months);
		assert_string_equal(date_format(d, buf), cases[i].want);
	}
	assert_int_equal(date_add_months(date_parse("9999-12-01"), 1), QF_DAY_NONE);
	assert_int_equal(date_add_months(date_parse("0001-01-31"), -1), QF_DAY_NONE);
	assert_int_equal(date_add_months(QF_DAY_NONE, 1), QF_DAY_NONE);
	assert_int_equal(date_add_months(date_parse("2022-01-01"), INT32_MAX), QF_DAY_NONE);
	assert_int_equal(date_add_months(date_parse("2022-01-01"), INT32_MIN), QF_DAY_NONE);
}

static void test_unix_cst(void **state)
{
	char buf[26];

	/* 2022-12-31T16:30:00Z is 2023-01-01T00:30 in Beijing */
	assert_int_equal(date_from_unix_cst(1672504200), date_parse("2023-01-01"));
	assert_string_equal(time_format_cst(1672504200, buf), "2023-01-01T00:30:00+08:00");
	/* the day boundary is 16:00Z */
	assert_int_equal(date_from_unix_cst(1672502399), date_parse("2022-12-31"));
	assert_string_equal(time_format_cst(1672502399, buf), "2022-12-31T23:59:59+08:00");
	assert_int_equal(date_from_unix_cst(1672502400), date_parse("2023-01-01"));
	assert_string_equal(time_format_cst(1672502400, buf), "2023-01-01T00:00:00+08:00");
	/* before 1970: floor, not truncation */
	assert_int_equal(date_from_unix_cst(0), 0);
	assert_int_equal(date_from_unix_cst(-28800), 0);
	assert_int_equal(date_from_unix_cst(-28801), -1);
	assert_string_equal(time_format_cst(0, buf), "1970-01-01T08:00:00+08:00");
	assert_string_equal(time_format_cst(-28801, buf), "1969-12-31T23:59:59+08:00");
	assert_string_equal(time_format_cst(-2208988800LL, buf), "1900-01-01T08:00:00+08:00");
	/* nonsense times give "" and QF_DAY_NONE, never an overflow */
	assert_int_equal(date_from_unix_cst(INT64_MAX), QF_DAY_NONE);
	assert_int_equal(date_from_unix_cst(INT64_MIN), QF_DAY_NONE);
	assert_string_equal(time_format_cst(INT64_MAX, buf), "");
	assert_string_equal(time_format_cst(INT64_MIN, buf), "");
	assert_string_equal(time_format_cst(253402300800LL, buf), "");    /* year 10000 */
	assert_string_equal(time_format_cst(253402271999LL, buf), "9999-12-31T23:59:59+08:00");
}

/* TZ must make no difference. */
static void test_tz_ignored(void **state)
{
	char a[26], b[26];
	qf_day d1, d2;

	setenv("TZ", "UTC", 1);
	tzset();
	time_format_cst(1672504200, a);
	d1 = date_from_unix_cst(1672504200);
	setenv("TZ", "America/New_York", 1);
	tzset();
	time_format_cst(1672504200, b);
	d2 = date_from_unix_cst(1672504200);
	assert_string_equal(a, b);
	assert_int_equal(d1, d2);
	assert_string_equal(b, "2023-01-01T00:30:00+08:00");
	unsetenv("TZ");
	tzset();
}

static void test_now(void **state)
{
	int64_t t0 = (int64_t)time(NULL), now = time_now(), m0, m1;
	qf_day today = date_today();

	assert_true(now >= t0 && now <= t0 + 5);
	assert_true(today == date_from_unix_cst(now) || today == date_from_unix_cst(now) + 1);
	assert_true(today > date_parse("2020-01-01"));
	m0 = time_mono_us();
	m1 = time_mono_us();
	assert_true(m0 > 0);
	assert_true(m1 >= m0);
}

/* date_check tells a missing or misshapen date from one that does not
 * exist, so a form can say 日期不存在 (issue 12). */
static void test_check(void **state)
{
	(void)state;
	assert_int_equal(date_check(NULL), DATE_EMPTY);
	assert_int_equal(date_check(""), DATE_EMPTY);
	assert_int_equal(date_check("2022-02-28"), DATE_OK);
	assert_int_equal(date_check("2024-02-29"), DATE_OK);
	assert_int_equal(date_check("2022-02-30"), DATE_NO_SUCH_DAY);
	assert_int_equal(date_check("2022-02-29"), DATE_NO_SUCH_DAY);
	assert_int_equal(date_check("2022-13-01"), DATE_NO_SUCH_DAY);
	assert_int_equal(date_check("2022-00-10"), DATE_NO_SUCH_DAY);
	assert_int_equal(date_check("2022-04-31"), DATE_NO_SUCH_DAY);
	assert_int_equal(date_check("0000-01-01"), DATE_NO_SUCH_DAY);
	assert_int_equal(date_check("2022-2-3"), DATE_BAD_FORMAT);
	assert_int_equal(date_check("2022/02/03"), DATE_BAD_FORMAT);
	assert_int_equal(date_check("2022-02-03x"), DATE_BAD_FORMAT);
	assert_int_equal(date_check("二〇二二年"), DATE_BAD_FORMAT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_format_out_of_range),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_unix_cst),
		cmocka_unit_test(test_tz_ignored),
		cmocka_unit_test(test_now),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
