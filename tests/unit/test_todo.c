/*
 * test_todo.c: todo_list's slice and counts (domain/todo.c): a provider
 * counts all its items and adds at most offset + limit of its most urgent;
 * todo_list merges, keeps the slice asked for and returns the exact
 * counts (in total, by group, by office); the filters (只看逾期, the
 * office) apply to both; the unfiltered counts are kept per user until a
 * commit, and a filter keeps what it lets through of them.  A fake provider registered here stands for a family of records
 * with thousands of items (at 10M records the to-do list was most of the
 * dashboard's time: bench/README.md).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "store/q_settings.h"
#include "tmpdb.h"

static struct store *db;
static struct calendar *cal;

/* the fake family: CLOCKS overdue verifications (the oldest first),
 * APPROVALS approvals; item i of either in office 甲 when even, 乙 odd */
#define CLOCKS 300
#define APPROVALS 7
static int fake_on, fake_counted, fake_most;

static const char *office_of(int i)
{
	return i % 2 ? "乙" : "甲";
}

static int fake_add(struct ctx *c, struct todo_acc *acc)
{
	int added = 0;

	if (!fake_on)
		return 0;
	fake_counted += acc->counting;
	for (int i = 0; acc->counting && i < CLOCKS; i++)
		todo_tally(c, acc, office_of(i), TODO_B_OVERDUE, 1);
	for (int i = 0; acc->counting && i < APPROVALS; i++)
		todo_tally(c, acc, office_of(i), TODO_B_APPROVAL, 1);
	/* as SQL would: the first `want` that pass the filters, each kind in
	 * its order */
	for (int i = 0; i < CLOCKS && added < acc->want; i++) {
		struct todo *t;
		if (!todo_wants(acc, TODO_B_OVERDUE, office_of(i)))
			continue;
		t = todo_add_clock(c, acc, "preliminary_verification", NULL, acc->today - 400 + i, QF_DAY_NONE);
		assert_non_null(t);
		t->object = arena_printf(c->a, "c%d", i);
		t->office = office_of(i);
		added++;
	}
	for (int i = 0, k = 0; i < APPROVALS && k < acc->want; i++) {
		struct todo *t;
		if (!todo_wants(acc, TODO_B_APPROVAL, office_of(i)))
			continue;
		t = todo_add(c, acc, "处置意见待审批", acc->today - 1);
		t->object = arena_printf(c->a, "a%d", i);
		t->office = office_of(i);
		k++;
	}
	if (added + APPROVALS > fake_most)
		fake_most = added + APPROVALS;
	return 0;
}
QF_TODO_PROVIDER(fake_todo, 99, PERM_CASE_READ, fake_add);

static int setup(void **state)
{
	(void)state;
	cal = calendar_new();
	return (db = tmpdb_open("todo")) && cal ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	calendar_free(cal);
	return tmpdb_close(db);
}

static int commit_one(struct store *s, void *arg)
{
	(void)arg;
	return store_setting_set(s, "test_todo", "1") < 0 ? -1 : 0;
}

static struct ctx manager(struct arena *a)
{
	struct ctx c = { .db = db, .a = a, .cal = cal, .now = time(NULL) };

	c.who.id = 1;
	c.who.name = "cm";
	c.who.role = "case_manager";
	c.who.perms = role_perms(role_find("case_manager"));
	return c;
}

static void slice_and_counts(void **state)
{
	struct arena *a = arena_new(1 << 20);
	struct ctx c = manager(a);
	struct todo_query q = { .limit = 0 };
	struct todo_page pg;

	(void)state;
	fake_on = 1;
	fake_most = 0;
	/* the counts alone: no item read */
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.total, CLOCKS + APPROVALS);
	assert_int_equal(pg.n, 0);
	assert_int_equal(pg.n_by[TODO_B_OVERDUE], CLOCKS);
	assert_int_equal(pg.n_by[TODO_B_APPROVAL], APPROVALS);
	assert_int_equal(pg.noffices, 2);
	assert_int_equal(pg.offices[0].total + pg.offices[1].total, CLOCKS + APPROVALS);
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);

	/* the home page's order: overdue first, the oldest first; the
	 * provider asked for offset + limit, no more */
	q = (struct todo_query){ .offset = 50, .limit = 50 };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.n, 50);
	assert_string_equal(pg.v[0].object, "c50");
	assert_string_equal(pg.v[49].object, "c99");
	assert_int_equal(pg.total, CLOCKS + APPROVALS);
	assert_true(fake_most <= 100 + APPROVALS);

	/* the notices page's order: approvals first; the last page short */
	q = (struct todo_query){ .offset = 0, .limit = 10, .order = TODO_BY_GROUP };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_string_equal(pg.v[0].object, "a0");
	assert_string_equal(pg.v[APPROVALS].object, "c0");
	q.offset = 300;
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.n, CLOCKS + APPROVALS - 300);
	q.offset = 400;
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.n, 0);

	/* 只看逾期: the approvals neither counted nor listed */
	q = (struct todo_query){ .limit = 20, .overdue_only = 1, .order = TODO_BY_GROUP };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.total, CLOCKS);
	assert_int_equal(pg.n_by[TODO_B_APPROVAL], 0);
	assert_string_equal(pg.v[0].object, "c0");

	/* one office: its counts and its items */
	q = (struct todo_query){ .limit = 5, .office = "乙" };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.total, CLOCKS / 2 + APPROVALS / 2);
	assert_int_equal(pg.noffices, 1);
	assert_string_equal(pg.v[0].object, "c1");
	assert_string_equal(pg.v[1].object, "c3");
	fake_on = 0;
	arena_free(a);
}

/* The unfiltered counts are kept per user until a commit: the badge's
 * total alone (todo_count: total_only), the counts by office of the first
 * page that shows them, read by the badge and the pages after it. */
static void counts_kept(void **state)
{
	struct arena *a = arena_new(1 << 20);
	struct ctx c = manager(a);
	struct todo_query q = { .limit = 50 };
	struct todo_page pg;

	(void)state;
	fake_on = 1;
	assert_int_equal(store_tx(db, commit_one, NULL), 0);
	fake_counted = 0;
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);
	assert_int_equal(fake_counted, 1);          /* the total alone */
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);
	assert_int_equal(fake_counted, 1);          /* kept */
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(fake_counted, 2);          /* by office, kept */
	assert_int_equal(pg.total, CLOCKS + APPROVALS);
	assert_int_equal(pg.n_by[TODO_B_OVERDUE], CLOCKS);
	assert_int_equal(pg.n, 50);
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);
	assert_int_equal(fake_counted, 2);
	/* a filter keeps what it lets through of the kept counts */
	q.overdue_only = 1;
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(fake_counted, 2);
	assert_int_equal(pg.total, CLOCKS);
	q = (struct todo_query){ .limit = 5, .office = "甲" };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(fake_counted, 2);
	assert_int_equal(pg.total, CLOCKS / 2 + (APPROVALS + 1) / 2);
	assert_string_equal(pg.v[1].object, "c2");
	/* a commit since: counted again */
	assert_int_equal(store_tx(db, commit_one, NULL), 0);
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);
	assert_int_equal(fake_counted, 3);
	/* a filter first counts every office once and keeps them: the next
	 * filter and the badge read them */
	assert_int_equal(store_tx(db, commit_one, NULL), 0);
	q = (struct todo_query){ .limit = 5, .overdue_only = 1 };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.total, CLOCKS);
	assert_int_equal(fake_counted, 4);
	q = (struct todo_query){ .limit = 5, .office = "乙" };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(pg.total, CLOCKS / 2 + APPROVALS / 2);
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);
	assert_int_equal(fake_counted, 4);
	/* the home page's (dash16j): its items with the counts by office
	 * before the badge, counted once in the same run */
	assert_int_equal(store_tx(db, commit_one, NULL), 0);
	q = (struct todo_query){ .limit = 200 };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(fake_counted, 5);
	assert_int_equal(todo_count(&c), CLOCKS + APPROVALS);
	q = (struct todo_query){ .limit = 50 };
	assert_int_equal(todo_list(&c, &q, &pg), 0);
	assert_int_equal(fake_counted, 5);
	fake_on = 0;
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slice_and_counts),
		cmocka_unit_test(counts_kept),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
