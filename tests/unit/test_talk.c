/*
 * test_talk.c: daily supervision's rules (domain/talk.h,
 * domain/matter_report.h) on a migrated SQLite database:
 * - the personal matter report's clock: 30 calendar days from the event
 *   (DOMAIN.md section 4; clock_limits personal_matter_report,
 *   《领导干部报告个人有关事项规定》), a due day on a rest day moved to the
 *   next working day (Civil Code art. 203): 2022-09-01 + 30 = 2022-10-01
 *   (国庆) -> 2022-10-08 (a 调休 Saturday); late only after the due day;
 * - quick entry all or nothing: a batch with a person that does not exist
 *   writes no talk; a unit's own talk needs its unit and 1 or more persons;
 * - the outcome on a talk: only a reminder or warning talk, first form,
 *   once per person and talk;
 * - a correction (talk_edit): a blank reason or nothing changed refused;
 *   with the outcome recorded the day and a kind other than reminder or
 *   warning refused (the outcome's day and form are the talk's), reminder
 *   -> warning saved, the outcome still on the talk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "domain/matter_report.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "model/person.h"
#include "store/q_persons.h"
#include "store/q_talks.h"
#include "unitdb.h"

static int64_t person;

/* unitdb's database, with the 2022 National Day holiday and a cadre of 甲局 */
static int setup(void **state)
{
	struct person p = { .region = "230100", .name = "赵科长", .rank = "section", .position = "科长" };

	if (unitdb_setup(state) < 0)
		return -1;
	for (int d = 1; d <= 7; d++)            /* the 2022 National Day holiday, and its 调休 */
		calendar_set(cal, date_from_ymd(2022, 10, d), 1, "国庆节");
	calendar_set(cal, date_from_ymd(2022, 10, 8), 0, "国庆节");
	calendar_set(cal, date_from_ymd(2022, 10, 9), 0, "国庆节");
	p.unit_id = unitdb_unit;
	person = store_person_insert(db, &p, time(NULL));
	return person > 0 ? 0 : -1;
}

static void clock_of(struct ctx *c, const char *event, const char *reported, const char *due, int late)
{
	struct matter_report m = { .event_day = event, .reported = reported };

	matter_report_clock(c, &m);
	assert_string_equal(m.due, due);
	assert_int_equal(m.late, late);
}

static void test_report_clock(void **state)
{
	struct arena *a = arena_new(4096);
	struct ctx c = unitdb_as(a, "case_manager");

	(void)state;
	clock_of(&c, "2022-06-01", "2022-07-01", "2022-07-01", 0);     /* day 30, a Friday */
	clock_of(&c, "2022-06-01", "2022-07-02", "2022-07-01", 1);
	clock_of(&c, "2022-09-01", "2022-10-08", "2022-10-08", 0);     /* 10-01 a holiday: moved */
	clock_of(&c, "2022-09-01", "2022-10-09", "2022-10-08", 1);
	clock_of(&c, "2022-12-10", "2022-11-20", "2023-01-09", 0);     /* 事前报告: before the event */
	arena_free(a);
}

static int64_t count_talks(void)
{
	struct talk_filter f = { .kind = "", .day_from = "", .day_to = "" };

	return store_talk_count(db, &f);
}

static void test_quick_entry_all_or_nothing(void **state)
{
	struct arena *a = arena_new(1 << 14);
	struct ctx c = unitdb_as(a, "case_manager");
	struct talk t = { .kind = "heart", .day = "2022-04-01", .talker_name = "某" };
	int64_t ids[] = { person, 999999 }, made[2];
	struct fielderr fe = { 0 };
	int64_t before = count_talks();

	(void)state;
	assert_int_equal(talk_add(&c, &t, ids, 2, made, &fe), RES_NOT_FOUND);
	assert_int_equal(count_talks(), before);
	t.unit_led = 1;
	t.persons = 5;
	assert_int_equal(talk_add(&c, &t, NULL, 0, made, &fe), RES_INVALID);     /* no unit */
	assert_non_null(fielderr_get(&fe, "unit_id"));
	fe = (struct fielderr){ 0 };
	t.unit_id = unitdb_unit;
	t.persons = 0;
	assert_int_equal(talk_add(&c, &t, NULL, 0, made, &fe), RES_INVALID);     /* no persons */
	assert_non_null(fielderr_get(&fe, "persons"));
	fe = (struct fielderr){ 0 };
	t.persons = 5;
	assert_int_equal(talk_add(&c, &t, NULL, 0, made, &fe), 1);
	assert_int_equal(count_talks(), before + 1);
	arena_free(a);
}

static void test_outcome_on_talk(void **state)
{
	struct arena *a = arena_new(1 << 14);
	struct ctx c = unitdb_as(a, "case_manager");
	struct talk heart = { .kind = "heart", .day = "2022-05-01", .talker_name = "某" };
	struct talk reminder = { .kind = "reminder", .day = "2022-05-02", .talker_name = "某" };
	int64_t ids[] = { person }, h, r;
	struct fielderr fe = { 0 };

	(void)state;
	assert_int_equal(talk_add(&c, &heart, ids, 1, &h, &fe), 1);
	assert_int_equal(talk_add(&c, &reminder, ids, 1, &r, &fe), 1);
	assert_int_equal(talk_outcome(&c, h, "talk_reminder", &fe), RES_INVALID);  /* not a reminder talk */
	fe = (struct fielderr){ 0 };
	assert_int_equal(talk_outcome(&c, r, "party_warning", &fe), RES_INVALID);  /* not first form */
	fe = (struct fielderr){ 0 };
	assert_true(talk_outcome(&c, r, "talk_reminder", &fe) > 0);
	assert_int_equal(talk_outcome(&c, r, "admonishment", &fe), RES_INVALID);   /* once */
	arena_free(a);
}

static void test_edit_guard(void **state)
{
	struct arena *a = arena_new(1 << 14);
	struct ctx c = unitdb_as(a, "case_manager");
	struct talk t = { .kind = "reminder", .day = "2022-06-02", .talker_name = "某" }, now;
	int64_t ids[] = { person }, id;
	struct fielderr fe = { 0 };

	(void)state;
	assert_int_equal(talk_add(&c, &t, ids, 1, &id, &fe), 1);
	assert_int_equal(talk_get(&c, id, &t), RES_DONE);
	t.kind = "warning";
	assert_int_equal(talk_edit(&c, &t, " \xe3\x80\x80", &fe), RES_INVALID);     /* a blank reason */
	assert_non_null(fielderr_get(&fe, "reason"));
	fe = (struct fielderr){ 0 };
	t.kind = "reminder";
	assert_int_equal(talk_edit(&c, &t, "核对", &fe), RES_INVALID);                /* nothing changed */
	assert_non_null(fielderr_get(&fe, "state"));
	fe = (struct fielderr){ 0 };
	assert_true(talk_outcome(&c, id, "talk_reminder", &fe) > 0);
	t.day = "2022-06-03";
	assert_int_equal(talk_edit(&c, &t, "日期错误", &fe), RES_INVALID);
	assert_non_null(fielderr_get(&fe, "day"));
	fe = (struct fielderr){ 0 };
	t.day = "2022-06-02";
	t.kind = "heart";
	assert_int_equal(talk_edit(&c, &t, "类别错误", &fe), RES_INVALID);
	assert_non_null(fielderr_get(&fe, "kind"));
	fe = (struct fielderr){ 0 };
	t.kind = "warning";
	assert_int_equal(talk_edit(&c, &t, "实为诫勉谈话", &fe), RES_DONE);
	assert_int_equal(talk_get(&c, id, &now), RES_DONE);
	assert_string_equal(now.kind, "warning");
	assert_true(now.outcome_id > 0);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_clock),
		cmocka_unit_test(test_quick_entry_all_or_nothing),
		cmocka_unit_test(test_outcome_on_talk),
		cmocka_unit_test(test_edit_guard),
	};
	return cmocka_run_group_tests(tests, setup, unitdb_teardown);
}
