/*
 * test_problem.c: the rectification ledger's rules (domain/problem.h) on a
 * migrated SQLite database: what problem_add_in_tx refuses (DOMAIN.md
 * section 5: every problem names its unit, source and, for a special
 * campaign, the campaign; the deadline not before the day found), the
 * unit's steps only from their state (申请销号 only with evidence), the
 * confirmation only of a rectified problem and never twice, each step on
 * the timeline; overdue computed from the deadline and the state.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "domain/ctx.h"
#include "domain/problem.h"
#include "domain/result.h"
#include "domain/role.h"
#include "model/unit.h"
#include "store/q_problems.h"
#include "store/q_units.h"
#include "unitdb.h"

static struct problem valid(void)
{
	return (struct problem){ .unit_id = unitdb_unit, .source = "inspection", .summary = "一把手末位表态未落实",
				 .found = "2022-03-01", .deadline = "2022-05-01" };
}

struct add_arg {
	struct ctx *c;
	struct problem p;
	struct fielderr fe;
	int64_t id;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;

	(void)s;
	aa->id = problem_add_in_tx(aa->c, &aa->p, &aa->fe);
	return aa->id < 0 ? -1 : 0;
}

/* problem_add_in_tx inside a transaction of the test's own (as a family would) */
static int64_t add(struct ctx *c, struct problem p, const char **field)
{
	struct add_arg aa = { .c = c, .p = p };

	store_tx(db, add_tx, &aa);
	*field = aa.fe.n ? aa.fe.field[0] : NULL;
	return aa.id;
}

static void refusals(void **state)
{
	struct arena *a = arena_new(1 << 16);
	struct ctx c = unitdb_as(a, "case_manager");
	struct problem p;
	const char *field;

	(void)state;
	p = valid();
	p.source = "rumour";
	assert_int_equal(add(&c, p, &field), -1);
	assert_string_equal(field, "source");
	p = valid();
	p.source = "campaign";
	assert_int_equal(add(&c, p, &field), -1);
	assert_string_equal(field, "campaign_id");
	p = valid();
	p.deadline = "2022-02-28";
	assert_int_equal(add(&c, p, &field), -1);
	assert_string_equal(field, "deadline");
	p = valid();
	p.unit_id = 987654;
	assert_int_equal(add(&c, p, &field), -1);
	assert_string_equal(field, "unit_id");
	p = valid();
	p.bad_review_id = 1;
	assert_int_equal(add(&c, p, &field), -1);
	assert_string_equal(field, "bad_review_id");
	p = valid();
	p.found = "2022-02-30";
	assert_int_equal(add(&c, p, &field), -1);
	assert_string_equal(field, "found");
	arena_free(a);
}

static void flow(void **state)
{
	struct arena *a = arena_new(1 << 16);
	struct ctx cm = unitdb_as(a, "case_manager"), unit_staff = unitdb_as(a, "rectifier");
	struct fielderr fe = { 0 };
	struct problem_step *s;
	struct problem p;
	const char *field;
	int64_t id = add(&cm, valid(), &field);

	(void)state;
	assert_true(id > 0);
	assert_int_equal(store_problem_get(db, a, id, 0, "2022-05-01", &p), 1);
	assert_string_equal(p.state, "open");
	assert_int_equal(p.overdue, 0);         /* due that day: not yet overdue */
	assert_int_equal(store_problem_get(db, a, id, 0, "2022-05-02", &p), 1);
	assert_int_equal(p.overdue, 1);         /* the day after, open: overdue */
	/* the office cannot confirm an open problem; the unit cannot skip a step */
	assert_int_equal(problem_confirm(&cm, id, "", &fe), RES_INVALID);
	fe.n = 0;
	assert_int_equal(problem_apply(&unit_staff, id, "", &fe), RES_INVALID);
	fe.n = 0;
	assert_int_equal(problem_start(&unit_staff, id, "", &fe), RES_INVALID);
	assert_string_equal(fe.field[0], "measures");
	fe.n = 0;
	assert_int_equal(problem_start(&unit_staff, id, "修订议事规则", &fe), RES_DONE);
	/* 申请销号 without evidence */
	assert_int_equal(problem_apply(&unit_staff, id, "", &fe), RES_INVALID);
	assert_string_equal(fe.field[0], "file");
	fe.n = 0;
	/* a return needs a rectified problem; rectifying past its deadline is overdue */
	assert_int_equal(problem_return(&cm, id, "佐证不足", &fe), RES_INVALID);
	fe.n = 0;
	assert_int_equal(store_problem_get(db, a, id, 0, "2022-05-02", &p), 1);
	assert_string_equal(p.state, "rectifying");
	assert_int_equal(p.overdue, 1);
	/* the unit's request to close, as the evidence's upload allows it (the
	 * store call: the attachment store needs a folder) */
	assert_int_equal(store_problem_set_state(db, id, "rectifying", "rectified", NULL, "2022-05-03"), 1);
	assert_int_equal(store_problem_get(db, a, id, 0, "2022-05-04", &p), 1);
	assert_int_equal(p.overdue, 0);         /* rectified late: no longer overdue */
	assert_int_equal(problem_return(&cm, id, "", &fe), RES_INVALID);
	assert_string_equal(fe.field[0], "note");
	fe.n = 0;
	assert_int_equal(problem_confirm(&cm, id, "同意销号", &fe), RES_DONE);
	assert_int_equal(problem_confirm(&cm, id, "", &fe), RES_INVALID);      /* never twice */
	fe.n = 0;
	assert_int_equal(problem_return(&cm, id, "再看看", &fe), RES_INVALID); /* nor back once confirmed */
	fe.n = 0;
	assert_int_equal(store_problem_get(db, a, id, 0, "2022-05-04", &p), 1);
	assert_non_null(p.confirmed_on);
	assert_int_equal(problem_steps(&cm, id, &s), 3);
	assert_string_equal(s[0].step, "add");
	assert_string_equal(s[1].step, "start");
	assert_string_equal(s[2].step, "confirm");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refusals),
		cmocka_unit_test(flow),
	};
	return cmocka_run_group_tests(tests, unitdb_setup, unitdb_teardown);
}
