/*
 * test_clocks.c: unit tests of domain/clocks.c and the clocks of each
 * report kind (report_clocks in domain/report_clock.c), on the real
 * data/cn-holidays.csv (tests run from the project root).
 *
 * The rest-day rule (Civil Code art. 203: a period whose last day is a
 * rest day ends on the next working day) for limits in calendar days and
 * months: ending on a Saturday, on the last day of a holiday (moving onto
 * a 调休 working Saturday), on a 调休 working Sunday (not moved), at a
 * month's end; the exception of detention (the Supervision Law counts
 * detention as it falls); working-day limits unchanged; the petition
 * extension (Regulations on Letters and Visits, 2022: at most 30 days more)
 * added before the rule applies once; a limit version applying to the
 * clocks started on or after its date.  Per kind: accusations run the
 * acceptance notice (real-name, not repeated, not forwarded elsewhere)
 * and the result notice (the rules on handling accusations, 2020: 15
 * working days each), petitions the acceptance decision and the
 * conclusion (15 / 60 days), reports forwarded to us the 5-working-day
 * clock, whatever their kind.
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
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/report.h"

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

static qf_day D(const char *s)
{
	qf_day d = date_parse(s);

	assert_int_not_equal(d, QF_DAY_NONE);
	return d;
}

static void assert_day(qf_day got, const char *want)
{
	char buf[11];

	assert_string_equal(date_format(got, buf), want);
}

/* one limit with its undated version only */
#define LIMIT(name, amt, u, moves) \
	static const struct clock_version name##_v[] = { { QF_DAY_NONE, amt, u, "" } }; \
	static const struct clock_limit name = { #name, #name, amt, u, "", moves, name##_v, 1 }

LIMIT(days15, 15, CLOCK_DAYS, 1);
LIMIT(days60, 60, CLOCK_DAYS, 1);
LIMIT(days30, 30, CLOCK_DAYS, 1);
LIMIT(month1, 1, CLOCK_MONTHS, 1);
LIMIT(work15, 15, CLOCK_WORKDAYS, 1);
LIMIT(detention, 3, CLOCK_MONTHS, 0);

/* Civil Code art. 203: a calendar-day limit ending on a Saturday ends on
 * the Monday after. */
static void rest_day_saturday(void **state)
{
	(void)state;
	/* 2023-03-03 + 15 days = Saturday 2023-03-18 */
	assert_day(clock_due(cal, &days15, D("2023-03-03")), "2023-03-20");
	/* a limit ending on a working day stays: 2023-03-01 + 15 = Thursday 03-16 */
	assert_day(clock_due(cal, &days15, D("2023-03-01")), "2023-03-16");
}

/* Civil Code art. 203: ending on the last day of the 2022 National Day
 * holiday (10-07) it ends on the next working day, 10-08, a Saturday made
 * a working day (调休); ending on the 调休 Sunday 10-09 it does not move. */
static void rest_day_holiday_and_tiaoxiu(void **state)
{
	(void)state;
	assert_day(clock_due(cal, &days15, D("2022-09-22")), "2022-10-08");
	assert_day(clock_due(cal, &days15, D("2022-09-24")), "2022-10-09");
	/* inside the holiday: 2022-09-16 + 15 = 10-01 -> 10-08 */
	assert_day(clock_due(cal, &days15, D("2022-09-16")), "2022-10-08");
}

/* Civil Code art. 203 on month limits: clamped to the month's end first
 * (2023-03-31 + 1 month = 04-30, in the 2023 Labour Day holiday 04-29..05-03)
 * then moved to 05-04; a month end on a working day stays. */
static void rest_day_month_ends(void **state)
{
	(void)state;
	assert_day(clock_due(cal, &month1, D("2023-03-31")), "2023-05-04");
	assert_day(clock_due(cal, &month1, D("2022-01-31")), "2022-02-28");
	/* 2022-12-31 + 1 month = Tuesday 2023-01-31 */
	assert_day(clock_due(cal, &month1, D("2022-12-31")), "2023-01-31");
	/* 2023-09-30 + 1 month = Monday 2023-10-30 */
	assert_day(clock_due(cal, &month1, D("2023-09-30")), "2023-10-30");
	/* 2022-04-30 + 1 month = 05-30 Monday; 2022-05-04 + 1 month = Saturday 06-04 in 端午 -> 06-06 */
	assert_day(clock_due(cal, &month1, D("2022-05-04")), "2022-06-06");
}

/* DOMAIN.md section 4: detention is the exception (Supervision Law: the
 * months are counted as they fall): 2022-07-07 + 3 months = 10-07, a
 * holiday, and it stays. */
static void rest_day_not_for_detention(void **state)
{
	(void)state;
	assert_day(clock_due(cal, &detention, D("2022-07-07")), "2022-10-07");
}

/* working-day limits end on a working day by construction: 15 working
 * days after 2022-09-28 across National Day = 10-24 (unchanged). */
static void workdays_unchanged(void **state)
{
	(void)state;
	assert_day(clock_due(cal, &work15, D("2022-09-28")), "2022-10-24");
}

/* Regulations on Letters and Visits (2022): 60 days from acceptance,
 * extended by at most 30; the rest-day rule applies to the end once:
 * 2022-03-05 + 60 = 05-04 (Labour Day) -> 05-05; + 30 more = 06-03 (端午)
 * -> Monday 06-06, not 05-05 + 30. */
static void petition_extension(void **state)
{
	(void)state;
	assert_day(clock_due(cal, &days60, D("2022-03-05")), "2022-05-05");
	assert_day(clock_due_extended(cal, &days60, &days30, D("2022-03-05")), "2022-06-06");
}

/* Clock limits as effective-dated data: a change applies to the clocks
 * started on or after its date; the earlier ones keep the old limit. */
static void versions_by_start_day(void **state)
{
	static const struct clock_version v[] = {
		{ QF_DAY_NONE, 15, CLOCK_DAYS, "" },
		{ 0, 10, CLOCK_DAYS, "新规定" },
	};
	struct clock_version w[2];
	struct clock_limit l = { "x", "x", 10, CLOCK_DAYS, "", 1, w, 2 };

	(void)state;
	memcpy(w, v, sizeof(w));
	w[1].from = D("2024-01-01");
	/* started before: 15 days, 2023-12-29 + 15 = Saturday 01-13 -> 01-15 */
	assert_day(clock_due(cal, &l, D("2023-12-29")), "2024-01-15");
	/* started on the day: 10 days, 2024-01-01 + 10 = Thursday 01-11 */
	assert_day(clock_due(cal, &l, D("2024-01-01")), "2024-01-11");
	assert_int_equal(clock_version_at(&l, D("2024-06-01"))->amount, 10);
	assert_int_equal(clock_version_at(&l, D("2020-06-01"))->amount, 15);
}

/* ---- per kind (report_clocks) ---------------------------------------------- */

static struct clock_limit table_limits[8];
static const struct clock_table table = { table_limits, 7 };

static void set_limit(int i, const char *code, const struct clock_limit *like)
{
	table_limits[i] = *like;
	table_limits[i].clock = code;
}

static int kinds_setup(void **state)
{
	LIMIT(work5, 5, CLOCK_WORKDAYS, 1);

	set_limit(0, "report_accept_notice", &work15);
	set_limit(1, "report_outcome_notice", &work15);
	set_limit(2, "report_transfer", &work5);
	set_limit(3, "report_forwarded_in", &work5);
	set_limit(4, "petition_accept", &days15);
	set_limit(5, "petition_conclude", &days60);
	set_limit(6, "petition_extension", &days30);
	return setup(state);
}

/* the clock codes of k, space separated */
static const char *clocks_of(const struct report *k)
{
	static char out[200];
	struct ctx c = { .cal = cal };
	struct report_clock clk[REPORT_MAX_CLOCKS];
	int n = report_clocks(&c, &table, k, D("2022-12-01"), clk);

	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s", i ? " " : "", clk[i].clock);
	return out;
}

static struct report base(const char *kind)
{
	return (struct report){ .received = "2022-09-28", .channel = "letter", .kind = kind,
				.category = "other", .state = "registered" };
}

/* the rules on handling accusations (2020): a real-name accusation handled
 * here is told of its acceptance within 15 working days (not a repeated
 * one, not one forwarded elsewhere) and of the result within 15 working
 * days of the conclusion; no petition clocks. */
static void accusation_clocks(void **state)
{
	struct report k = base("accusation");

	(void)state;
	assert_string_equal(clocks_of(&k), "");
	k.real_name = 1;
	assert_string_equal(clocks_of(&k), "report_accept_notice");
	k.repeated = 1;
	assert_string_equal(clocks_of(&k), "");
	k.repeated = 0;
	k.other_level = 1;
	assert_string_equal(clocks_of(&k), "report_transfer");
	k.other_level = 0;
	k.state = "concluded";
	k.accepted = "2022-09-30";
	k.concluded = "2022-10-20";
	assert_string_equal(clocks_of(&k), "report_accept_notice report_outcome_notice");
}

/* the Regulations on Letters and Visits (2022): the acceptance decision
 * within 15 days, the conclusion within 60 days of acceptance; no
 * accusation notices, real-name or not. */
static void petition_clocks(void **state)
{
	struct report k = base("petition");

	(void)state;
	k.real_name = 1;
	assert_string_equal(clocks_of(&k), "petition_accept");
	k.state = "accepted";
	k.accepted = "2022-09-30";
	assert_string_equal(clocks_of(&k), "petition_accept petition_conclude");
}

/* other reports run no clock of their own; a report forwarded to us runs
 * the 5-working-day clock whatever its kind (rules on handling
 * accusations, 2020), done by the acceptance decision or passing it on. */
static void other_and_forwarded_in(void **state)
{
	struct report k = base("other");
	struct ctx c = { .cal = cal };
	struct report_clock clk[REPORT_MAX_CLOCKS];

	(void)state;
	k.real_name = 1;
	assert_string_equal(clocks_of(&k), "");
	k.channel = "transfer";
	assert_string_equal(clocks_of(&k), "report_forwarded_in");
	k.kind = "petition";
	assert_string_equal(clocks_of(&k), "report_forwarded_in petition_accept");
	k.state = "not_accepted";
	k.accepted = "2022-10-08";
	assert_int_equal(report_clocks(&c, &table, &k, D("2022-12-01"), clk), 2);
	/* 5 working days after 09-28: 09-29, 09-30, 10-08, 10-09, 10-10 */
	assert_day(clk[0].due, "2022-10-10");
	assert_int_equal(clk[0].state, CLOCK_DONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rest_day_saturday),
		cmocka_unit_test(rest_day_holiday_and_tiaoxiu),
		cmocka_unit_test(rest_day_month_ends),
		cmocka_unit_test(rest_day_not_for_detention),
		cmocka_unit_test(workdays_unchanged),
		cmocka_unit_test(petition_extension),
		cmocka_unit_test(versions_by_start_day),
	};
	const struct CMUnitTest kinds[] = {
		cmocka_unit_test(accusation_clocks),
		cmocka_unit_test(petition_clocks),
		cmocka_unit_test(other_and_forwarded_in),
	};
	int rc = cmocka_run_group_tests_name("clocks", tests, setup, teardown);

	return rc | cmocka_run_group_tests_name("report kinds", kinds, kinds_setup, teardown);
}
