/*
 * todo.c: the items of the home page.  Clocks come from the records and
 * the limits in clock_limits, on the working-day calendar; only overdue
 * and due-soon ones are listed (a running clock needs no attention yet).
 */
#include "domain/todo.h"

#include <inttypes.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/report.h"
#include "domain/role.h"
#include "store/q_clues.h"

static int by_urgency(const void *pa, const void *pb)
{
	const struct todo *a = pa, *b = pb;
	int ra = a->state == CLOCK_OVERDUE ? 0 : a->state == CLOCK_DUE_SOON ? 1 : 2;
	int rb = b->state == CLOCK_OVERDUE ? 0 : b->state == CLOCK_DUE_SOON ? 1 : 2;

	if (ra != rb)
		return ra - rb;
	return (a->due > b->due) - (a->due < b->due);
}

struct todo *todo_add_clock(struct ctx *c, struct todo_acc *acc, const char *clock, const char *what,
			    qf_day start, qf_day due)
{
	const struct clock_limit *lim = clock_find(&acc->clocks, clock);
	enum clock_state st;
	struct todo *t;

	if (!lim || start == QF_DAY_NONE)
		return NULL;
	if (due == QF_DAY_NONE)
		due = clock_due(c->cal, lim, start);
	st = clock_state(c->cal, due, QF_DAY_NONE, acc->today);
	if (st != CLOCK_OVERDUE && st != CLOCK_DUE_SOON)
		return NULL;
	t = arena_push(c->a, &acc->v, &acc->cap, acc->n++, sizeof(*t));
	t->what = what ? what : lim->label;
	t->office = "";
	t->start = start;
	t->due = due;
	t->state = st;
	return t;
}

struct todo *todo_add(struct ctx *c, struct todo_acc *acc, const char *what, qf_day start)
{
	struct todo *t = arena_push(c->a, &acc->v, &acc->cap, acc->n++, sizeof(*t));

	t->what = what;
	t->office = "";
	t->start = start;
	t->due = QF_DAY_NONE;
	t->state = CLOCK_RUNNING;
	return t;
}

/* Preliminary verifications (15 working days from the approval). */
static int todo_clues(struct ctx *c, struct todo_acc *acc)
{
	const struct clock_limit *lim = clock_find(&acc->clocks, "preliminary_verification");
	struct clue *k;
	qf_day last;
	int nk;

	if (!authz_has(&c->who, PERM_CLUE_READ) || !lim)
		return 0;
	/* a superset of what is due within 3 working days: the states are
	 * checked one by one below */
	last = clock_overdue_start(c->cal, lim, calendar_add_workdays(c->cal, acc->today, 4));
	if (last == QF_DAY_NONE)
		return 0;
	nk = store_clues_in_verification(c->db, c->a, authz_scope_user(c),
					 date_format(last, arena_alloc(c->a, 11)), &k);
	for (int i = 0; i < nk; i++) {
		qf_day start = date_parse(k[i].clock_start ? k[i].clock_start : "");
		struct todo *t = todo_add_clock(c, acc, "preliminary_verification", NULL, start,
						QF_DAY_NONE);
		if (!t)
			continue;
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", k[i].id, k[i].unit_name);
		t->href = arena_printf(c->a, "/clues/%" PRId64, k[i].id);
		t->office = k[i].handler_office;
	}
	return nk < 0 ? -1 : 0;
}

/* Dispositions waiting for a leader's decision. */
static int todo_approvals(struct ctx *c, struct todo_acc *acc)
{
	struct disposition *d;
	const char **units;
	int nd;

	if (!authz_has(&c->who, PERM_CLUE_APPROVE))
		return 0;
	nd = store_dispositions_pending(c->db, c->a, authz_scope_user(c), &d, &units);
	for (int i = 0; i < nd; i++) {
		const struct disposition_method *m = disposition_method_find(d[i].method);
		struct todo *t = todo_add(c, acc,
					  arena_printf(c->a, "处置意见待审批：%s", m ? m->label : d[i].method),
					  date_from_unix_cst(d[i].proposed_at));
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", d[i].clue_id, units[i]);
		t->href = arena_printf(c->a, "/clues/%" PRId64, d[i].clue_id);
	}
	return nd < 0 ? -1 : 0;
}

int todo_list(struct ctx *c, struct todo **out)
{
	struct todo_acc acc = { .today = date_today() };

	*out = NULL;
	if (clock_table_load(c->db, c->a, &acc.clocks) < 0)
		return -1;
	if (todo_clues(c, &acc) < 0 || todo_approvals(c, &acc) < 0)
		return -1;
	/* each family of records adds its clocks here */
	if (report_todo(c, &acc) < 0 || case_todo(c, &acc) < 0)
		return -1;

	if (acc.n > 1)
		qsort(acc.v, (size_t)acc.n, sizeof(*acc.v), by_urgency);
	*out = acc.v;
	return acc.n;
}
