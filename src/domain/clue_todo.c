/*
 * clue_todo.c: the clues' items on the home page (todo.h): preliminary
 * verifications overdue or due within 3 working days, for those who read
 * clues, and the dispositions waiting for a leader's decision, for those
 * who approve them.  Registered as two providers, listed before the
 * reports' and the cases' items of equal urgency.
 */
#include <inttypes.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/authz.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/todo.h"
#include "store/q_clues.h"
#include "store/q_todo.h"

/* Preliminary verifications (15 working days from the approval): their
 * due day grows with the start day, so the latest start whose clock is
 * overdue (due soon) splits them in SQL, and the oldest starts are the
 * most urgent. */
static int todo_clues(struct ctx *c, struct todo_acc *acc)
{
	const struct clock_limit *lim = clock_find(&acc->clocks, "preliminary_verification");
	const char *office = todo_office_filter(acc), *overdue_by, *listed_by;
	struct store_due_count *cnt;
	struct clue *k;
	qf_day over, last;
	int nk;

	if (!lim)
		return 0;
	over = clock_overdue_start(c->cal, lim, acc->today);
	last = clock_overdue_start(c->cal, lim, todo_last_due(acc) + 1);
	if (last == QF_DAY_NONE)
		return 0;
	overdue_by = over == QF_DAY_NONE ? "" : todo_day_text(c, over);
	listed_by = todo_day_text(c, last);
	if (acc->counting) {
		nk = store_clues_in_verification_count(c->db, c->a, authz_scope_user(c), overdue_by, listed_by,
						       office, &cnt);
		if (nk < 0)
			return -1;
		todo_tally_dues(c, acc, cnt, nk);
	}
	if (!acc->want)
		return 0;
	nk = store_clues_in_verification(c->db, c->a, authz_scope_user(c), listed_by, office, acc->want, &k);
	for (int i = 0; i < nk; i++) {
		qf_day start = date_parse(k[i].clock_start ? k[i].clock_start : "");
		struct todo *t = todo_add_clock(c, acc, "preliminary_verification", NULL, start,
						QF_DAY_NONE);
		if (!t)
			continue;
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", k[i].id, k[i].unit_name);
		t->href = arena_printf(c->a, "/clues/%" PRId64, k[i].id);
		t->office = k[i].verification_office;
	}
	return nk < 0 ? -1 : 0;
}

/* Dispositions waiting for a leader's decision, the oldest first. */
static int todo_approvals(struct ctx *c, struct todo_acc *acc)
{
	struct disposition *d;
	const char **units;
	int nd;

	if (!todo_wants(acc, TODO_B_APPROVAL, ""))
		return 0;
	if (acc->counting && todo_tally(c, acc, "", TODO_B_APPROVAL,
					store_dispositions_pending_count(c->db, authz_scope_user(c))) < 0)
		return -1;
	if (!acc->want)
		return 0;
	nd = store_dispositions_pending(c->db, c->a, authz_scope_user(c), acc->want, &d, &units);
	for (int i = 0; i < nd; i++) {
		const struct disposition_method *m = disposition_method_find(d[i].method);
		struct todo *t = todo_add(c, acc,
					  arena_printf(c->a, "处置意见待审批：%s", m ? m->label : d[i].method),
					  date_from_unix_cst(d[i].proposed_at));
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", d[i].clue_id, units[i]);
		t->href = arena_printf(c->a, "/clues/%" PRId64, d[i].clue_id);
		t->approval_id = d[i].id;
	}
	return nd < 0 ? -1 : 0;
}

QF_TODO_PROVIDER_BY_OFFICE(clue_verification_todo, 10, PERM_CLUE_READ, todo_clues);
QF_TODO_PROVIDER(clue_approval_todo, 20, PERM_CLUE_APPROVE, todo_approvals);
