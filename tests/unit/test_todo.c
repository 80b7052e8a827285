/*
 * test_todo.c: todo_list's memo of a request (domain/todo.c, ctx.todo_memo):
 * the navigation's count and the page's list of one request read the
 * providers once; a commit in between, or another arena, reads them again.
 * Without the memo a page view after any commit built the whole list twice
 * (the badge, then the home page's section): at 10M records the to-do list
 * is most of the dashboard's time (bench/README.md).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "store/q_settings.h"
#include "tmpdb.h"

static struct store *db;
static struct calendar *cal;

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
	return store_setting_set(s, "test_todo_memo", "1") < 0 ? -1 : 0;
}

/* The next 16 bytes of the arena: two marks 16 apart mean nothing was
 * allocated between them (todo_list allocates whenever it reads: the
 * clock limits at least, seeded by the migrations). */
static char *mark(struct arena *a)
{
	return arena_alloc(a, 1);
}

static void memo_within_request(void **state)
{
	struct arena *a = arena_new(1 << 16), *b = arena_new(1 << 16);
	struct ctx c = { .db = db, .a = a, .cal = cal };
	struct todo *v1, *v2, *v3;
	char *m0, *m1, *m2;
	int n1;

	(void)state;
	c.who.id = 1;
	c.who.name = "cm";
	c.who.role = "case_manager";
	c.who.perms = role_perms(role_find("case_manager"));
	assert_true(todo_shown(&c));

	m0 = mark(a);
	n1 = todo_list(&c, &v1);
	assert_true(n1 >= 0);
	m1 = mark(a);
	assert_true(m1 != m0 + 16);             /* the first call read */
	/* the same request again: the same items, nothing read */
	assert_int_equal(todo_list(&c, &v2), n1);
	assert_ptr_equal(v2, v1);
	m2 = mark(a);
	assert_ptr_equal(m2, m1 + 16);

	/* a commit since: read again */
	assert_int_equal(store_tx(db, commit_one, NULL), 0);
	assert_int_equal(todo_list(&c, &v3), n1);
	assert_true(mark(a) != m2 + 16);
	assert_true(c.todo_memo.commits == store_commits());

	/* another arena (interchange swaps the ctx's arena per record): read
	 * into it, never handing out the other arena's items */
	c.a = b;
	m0 = mark(b);
	assert_int_equal(todo_list(&c, &v3), n1);
	assert_true(mark(b) != m0 + 16);
	assert_ptr_equal(c.todo_memo.a, b);
	arena_free(a);
	arena_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memo_within_request),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
