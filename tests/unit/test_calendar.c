/*
 * test_calendar.c: unit tests of calendar.c, on the real
 * data/cn-holidays.csv (tests run from the project root).
 *
 * The 2022 National Day and Spring Festival arrangements are checked day
 * by day; add_workdays is checked on cases counted by hand from the data;
 * workdays_between is checked against a day-by-day count and against
 * add_workdays; malformed CSV must fail naming the line and leave the
 * calendar unchanged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/date.h"
#include "core/strbuf.h"

#define HOLIDAYS_CSV "data/cn-holidays.csv"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
			buf[n] = '\0';
			*len = (size_t)n;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

/* Counts the data lines of the file independently of calendar.c: lines
 * that are not blank, not comments, not the header. */
static int count_rows(const char *text, int *first_year, int *last_year)
{
	const char *p = text;
	int n = 0;

	*first_year = 9999;
	*last_year = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (len && p[0] != '#' && strncmp(p, "date,", 5)) {
			int y = atoi(p);
			n++;
			if (y < *first_year)
				*first_year = y;
			if (y > *last_year)
				*last_year = y;
		}
		p += len + (nl ? 1 : 0);
	}
	return n;
}

struct fixture {
	struct calendar *cal;
	int rows;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct strbuf err = STRBUF_INIT;
	size_t len;
	char *text = slurp(HOLIDAYS_CSV, &len);

	if (!fx || !text) {
		fprintf(stderr, "cannot read %s (run from the project root)\n", HOLIDAYS_CSV);
		free(fx);
		free(text);
		return -1;
	}
	fx->cal = calendar_new();
	fx->rows = calendar_parse_csv(fx->cal, text, len, &err);
	if (fx->rows < 0)
		fprintf(stderr, "%s: %s\n", HOLIDAYS_CSV, err.buf);
	strbuf_release(&err);
	free(text);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	calendar_free(fx->cal);
	free(fx);
	return 0;
}

static qf_day D(const char *s)
{
	qf_day d = date_parse(s);

	assert_int_not_equal(d, QF_DAY_NONE);
	return d;
}

static void test_whole_file(void **state)
{
	struct fixture *fx = *state;
	struct strbuf err = STRBUF_INIT;
	size_t len;
	char *text = slurp(HOLIDAYS_CSV, &len);
	int first, last, want = count_rows(text, &first, &last);

	assert_true(want > 600);
	assert_int_equal(fx->rows, want);
	assert_int_equal(calendar_first_year(fx->cal), first);
	assert_int_equal(calendar_last_year(fx->cal), last);

	/* loading the same file again replaces every row, adds none */
	assert_int_equal(calendar_parse_csv(fx->cal, text, len, &err), want);
	assert_string_equal(err.buf, "");
	strbuf_release(&err);
	free(text);
}

static void test_national_day_2022(void **state)
{
	struct calendar *cal = ((struct fixture *)*state)->cal;
	char buf[11];
	qf_day d;

	assert_true(calendar_is_workday(cal, D("2022-09-29")));
	assert_true(calendar_is_workday(cal, D("2022-09-30")));
	for (d = D("2022-10-01"); d <= D("2022-10-07"); d++)
		if (calendar_is_workday(cal, d))
			fail_msg("%s should be off", date_format(d, buf));
	assert_false(calendar_is_workday(cal, D("2022-10-03")));      /* a Monday */
	/* Saturday and Sunday made working days */
	assert_true(calendar_is_workday(cal, D("2022-10-08")));
	assert_true(calendar_is_workday(cal, D("2022-10-09")));
	assert_true(calendar_is_workday(cal, D("2022-10-10")));
	/* plain days */
	assert_true(calendar_is_workday(cal, D("2022-10-12")));       /* Wednesday */
	assert_false(calendar_is_workday(cal, D("2022-10-15")));      /* Saturday */
	assert_false(calendar_is_workday(cal, D("2022-10-16")));      /* Sunday */

	assert_string_equal(calendar_holiday_name(cal, D("2022-10-03")), "国庆节");
	assert_string_equal(calendar_holiday_name(cal, D("2022-10-08")), "国庆节");
	assert_null(calendar_holiday_name(cal, D("2022-10-12")));
	assert_null(calendar_holiday_name(cal, D("2022-10-15")));
}

static void test_spring_festival_2022(void **state)
{
	struct calendar *cal = ((struct fixture *)*state)->cal;
	qf_day d;

	assert_true(calendar_is_workday(cal, D("2022-01-29")));       /* Saturday */
	assert_true(calendar_is_workday(cal, D("2022-01-30")));       /* Sunday */
	for (d = D("2022-01-31"); d <= D("2022-02-06"); d++)
		assert_false(calendar_is_workday(cal, d));
	assert_true(calendar_is_workday(cal, D("2022-02-07")));
	assert_string_equal(calendar_holiday_name(cal, D("2022-02-01")), "春节");
	/* 2022-01-01 is a Saturday listed as off: still off */
	assert_false(calendar_is_workday(cal, D("2022-01-01")));
	assert_false(calendar_is_workday(cal, D("2022-01-03")));      /* Monday */
	assert_true(calendar_is_workday(cal, D("2022-01-04")));
}

static void test_add_workdays(void **state)
{
	struct calendar *cal = ((struct fixture *)*state)->cal;
	char buf[11];

	/* 09-30 Fri (1), 10-01..07 off, 10-08 Sat (2), 10-09 Sun (3),
	 * 10-10 Mon (4), 10-11 Tue (5) */
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-09-29"), 5), buf),
			    "2022-10-11");
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-09-29"), 1), buf),
			    "2022-09-30");
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-09-30"), 1), buf),
			    "2022-10-08");
	/* from a holiday: the first working day after it */
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-10-03"), 1), buf),
			    "2022-10-08");
	/* received Friday, 5 working days -> the Friday after */
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-11-04"), 5), buf),
			    "2022-11-11");
	/* from a Saturday */
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-11-05"), 1), buf),
			    "2022-11-07");
	/* 01-29 Sat (1), 01-30 Sun (2), 01-31..02-06 off, 02-07 (3) */
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-01-28"), 3), buf),
			    "2022-02-07");
	assert_int_equal(calendar_add_workdays(cal, D("2022-10-03"), 0), D("2022-10-03"));
	assert_int_equal(calendar_add_workdays(cal, QF_DAY_NONE, 5), QF_DAY_NONE);
	assert_int_equal(calendar_add_workdays(cal, D("9999-12-30"), 5), QF_DAY_NONE);
	assert_int_equal(calendar_add_workdays(cal, D("0001-01-02"), -5), QF_DAY_NONE);
	assert_int_equal(calendar_add_workdays(cal, D("2022-10-03"), INT32_MIN + 1), QF_DAY_NONE);
	/* 60 working days from 2022-09-29: checked against a plain count */
	{
		qf_day d = D("2022-09-29"), end = calendar_add_workdays(cal, d, 60);
		int n = 0;
		while (n < 60)
			n += calendar_is_workday(cal, ++d);
		assert_int_equal(end, d);
	}
}

static void test_add_workdays_negative(void **state)
{
	struct calendar *cal = ((struct fixture *)*state)->cal;
	char buf[11];

	/* 10-10 (1), 10-09 (2), 10-08 (3), 10-07..01 off, 09-30 (4), 09-29 (5) */
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-10-11"), -5), buf),
			    "2022-09-29");
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-10-08"), -1), buf),
			    "2022-09-30");
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-10-05"), -1), buf),
			    "2022-09-30");
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-02-07"), -1), buf),
			    "2022-01-30");
	assert_string_equal(date_format(calendar_add_workdays(cal, D("2022-11-14"), -1), buf),
			    "2022-11-11");
}

/* A day-by-day count of working days in (from, to], negated backwards as
 * the contract says: [to, from). */
static int count_between(const struct calendar *cal, qf_day from, qf_day to)
{
	int n = 0;
	qf_day d;

	if (to >= from) {
		for (d = from + 1; d <= to; d++)
			n += calendar_is_workday(cal, d);
		return n;
	}
	for (d = to; d < from; d++)
		n -= calendar_is_workday(cal, d);
	return n;
}

static void test_workdays_between(void **state)
{
	struct calendar *cal = ((struct fixture *)*state)->cal;
	qf_day from, start = D("2021-12-01"), end = D("2023-02-01");
	int n;

	assert_int_equal(calendar_workdays_between(cal, D("2022-09-29"), D("2022-10-11")), 5);
	assert_int_equal(calendar_workdays_between(cal, D("2022-10-11"), D("2022-09-29")), -5);
	assert_int_equal(calendar_workdays_between(cal, D("2022-09-30"), D("2022-10-07")), 0);
	assert_int_equal(calendar_workdays_between(cal, D("2022-10-03"), D("2022-10-03")), 0);
	assert_int_equal(calendar_workdays_between(cal, D("2022-01-28"), D("2022-02-07")), 3);

	/* against the day-by-day count, for pairs up to 100 days apart */
	for (from = start; from < end; from += 3) {
		qf_day to;
		for (to = from - 100; to <= from + 100; to += 7)
			assert_int_equal(calendar_workdays_between(cal, from, to),
					 count_between(cal, from, to));
	}
	/* far apart, across every exception of the file */
	assert_int_equal(calendar_workdays_between(cal, D("1970-01-01"), D("2100-01-01")),
			 count_between(cal, D("1970-01-01"), D("2100-01-01")));
	assert_int_equal(calendar_workdays_between(cal, D("2100-01-01"), D("1969-06-15")),
			 count_between(cal, D("2100-01-01"), D("1969-06-15")));

	/* the inverse of add_workdays, both directions, from any day */
	for (from = start; from < end; from++)
		for (n = -60; n <= 60; n += 7)
			if (calendar_workdays_between(cal, from,
						      calendar_add_workdays(cal, from, n)) != n)
				fail_msg("between(from, add(from, %d)) != %d", n, n);
}

static void test_fast(void **state)
{
	struct calendar *cal = ((struct fixture *)*state)->cal;
	int64_t t0 = time_mono_us();
	qf_day d = D("2022-01-01"), sum = 0;
	int i;

	/* 100000 deadlines of 60 working days: well under a second even
	 * under ASan; a generous bound that a quadratic walk would pass */
	for (i = 0; i < 100000; i++)
		sum += calendar_add_workdays(cal, d + i % 700, 60) - d;
	assert_true(sum > 0);
	assert_true(time_mono_us() - t0 < 10 * 1000000);
}

static void check_bad(const char *csv, const char *want)
{
	struct calendar *cal = calendar_new();
	struct strbuf err = STRBUF_INIT;

	calendar_set(cal, D("2022-10-01"), 1, "国庆节");
	assert_int_equal(calendar_parse_csv(cal, csv, strlen(csv), &err), -1);
	assert_string_equal(err.buf, want);
	/* nothing was set: the one day set before is still the only one */
	assert_int_equal(calendar_first_year(cal), 2022);
	assert_int_equal(calendar_last_year(cal), 2022);
	assert_null(calendar_holiday_name(cal, D("2022-10-02")));
	assert_false(calendar_is_workday(cal, D("2022-10-01")));
	assert_true(calendar_is_workday(cal, D("2022-10-03")));
	strbuf_release(&err);
	calendar_free(cal);
}

static void test_malformed(void **state)
{
	check_bad("date,off_day,name\n2022-10-02,1,a\n2022-13-01,1,x\n",
		  "line 3: bad date \"2022-13-01\"");
	check_bad("# comment\n\ndate,off_day,name\n2022-02-29,1,x\n",
		  "line 4: bad date \"2022-02-29\"");
	check_bad("2022-10-02,1,a\r\n2022-2-1,0,x\r\n", "line 2: bad date \"2022-2-1\"");
	check_bad("2022-10-02,2,a\n", "line 1: bad off_day \"2\" (0 or 1)");
	check_bad("2022-10-02,,a\n", "line 1: bad off_day \"\" (0 or 1)");
	check_bad("2022-10-02\n", "line 1: expected \"date,off_day,name\", got \"2022-10-02\"");
	check_bad("2022-10-02,1,a,b\n",
		  "line 1: expected \"date,off_day,name\", got \"2022-10-02,1,a,b\"");
	check_bad("2022-10-02,1,\"a\n", "line 1: expected \"date,off_day,name\", got "
		  "\"2022-10-02,1,\"a\"");
	check_bad("2022-10-02,1,a\n2022-10-03,1,b\n2022-10-02,0,c\n",
		  "line 3: date \"2022-10-02\" already given on line 1");
	check_bad("2022-10-02,1,a\ndate,off_day,name\n", "line 2: bad date \"date\"");
	check_bad("2022-10-02,1,\xff\xfe\n", "line 1: name is not valid UTF-8");
	check_bad(" 2022-10-02,1,a\n", "line 1: bad date \" 2022-10-02\"");
	check_bad("2022-10-02x,1,a\n", "line 1: bad date \"2022-10-02x\"");
	/* a long value is cut in the message */
	check_bad("2022-10-02-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,1,a\n",
		  "line 1: bad date \"2022-10-02-aaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"");
	{
		static const char nul[] = "2022-10-02,1,a\0b\n";
		struct calendar *cal = calendar_new();
		struct strbuf err = STRBUF_INIT;

		assert_int_equal(calendar_parse_csv(cal, nul, sizeof(nul) - 1, &err), -1);
		assert_string_equal(err.buf, "NUL byte in calendar data");
		assert_int_equal(calendar_first_year(cal), 0);
		strbuf_release(&err);
		calendar_free(cal);
	}
}

static void collect(void *arg, qf_day day, int off_day, const char *name)
{
	struct strbuf *sb = arg;
	char buf[11];

	(void)strbuf_addf(sb, "%s,%d,%s\n", date_format(day, buf), off_day, name ? name : "");
}

static void test_parse_forms_and_each(void **state)
{
	static const char csv[] =
		"date,off_day,name\r\n"
		"2023-01-02,1,\"Name, with \"\"quotes\"\"\"\r\n"
		"\r\n"
		"   \n"
		"# 2023-01-03,1,not a row\n"
		"2022-12-31,0,\n"
		"2023-01-01,1,元旦";                 /* no final newline */
	struct calendar *cal = calendar_new();
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;

	assert_int_equal(calendar_first_year(cal), 0);
	assert_int_equal(calendar_last_year(cal), 0);
	assert_int_equal(calendar_parse_csv(cal, csv, strlen(csv), &err), 3);
	assert_string_equal(err.buf, "");
	assert_string_equal(calendar_holiday_name(cal, D("2023-01-02")), "Name, with \"quotes\"");
	assert_null(calendar_holiday_name(cal, D("2022-12-31")));
	assert_true(calendar_is_workday(cal, D("2022-12-31")));          /* a Saturday */
	assert_true(calendar_is_workday(cal, D("2023-01-03")));          /* the comment */
	assert_int_equal(calendar_first_year(cal), 2022);
	assert_int_equal(calendar_last_year(cal), 2023);

	/* calendar_set replaces; each runs in date order */
	calendar_set(cal, D("2023-01-01"), 0, "changed");
	calendar_set(cal, D("2020-05-01"), 1, "劳动节");
	calendar_each(cal, collect, &out);
	assert_string_equal(out.buf,
			    "2020-05-01,1,劳动节\n"
			    "2022-12-31,0,\n"
			    "2023-01-01,0,changed\n"
			    "2023-01-02,1,Name, with \"quotes\"\n");
	assert_true(calendar_is_workday(cal, D("2023-01-01")));          /* a Sunday */

	/* an empty text sets nothing; a NULL err is allowed */
	assert_int_equal(calendar_parse_csv(cal, "", 0, &err), 0);
	assert_int_equal(calendar_parse_csv(cal, "x", 1, NULL), -1);
	strbuf_release(&out);
	strbuf_release(&err);
	calendar_free(cal);
	calendar_free(NULL);
}

static void test_many_sets(void **state)
{
	struct calendar *cal = calendar_new();
	qf_day base = D("2000-01-01");
	int i;

	/* out of order, to exercise inserts in the middle */
	for (i = 0; i < 1000; i++)
		calendar_set(cal, base + (i * 7919) % 1000, i & 1, NULL);
	for (i = 0; i < 1000; i++) {
		/* the day set at step j with j*7919 % 1000 == i: off iff j odd */
		int j;
		for (j = 0; j < 1000; j++)
			if ((j * 7919) % 1000 == i)
				break;
		assert_int_equal(calendar_is_workday(cal, base + i), !(j & 1));
	}
	assert_int_equal(calendar_first_year(cal), 2000);
	assert_int_equal(calendar_last_year(cal), 2002);
	calendar_free(cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_file),
		cmocka_unit_test(test_national_day_2022),
		cmocka_unit_test(test_spring_festival_2022),
		cmocka_unit_test(test_add_workdays),
		cmocka_unit_test(test_add_workdays_negative),
		cmocka_unit_test(test_workdays_between),
		cmocka_unit_test(test_fast),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_parse_forms_and_each),
		cmocka_unit_test(test_many_sets),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
