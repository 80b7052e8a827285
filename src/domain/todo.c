/*
 * todo.c: the items of the home page.  Clocks come from the records and
 * the limits in clock_limits, on the working-day calendar; only overdue
 * and due-soon ones are listed (a running clock needs no attention yet).
 */
#include "domain/todo.h"

#include <inttypes.h>
#include <stdlib.h>

#include "core/arena.h"
#include "domain/authz.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "store/q_util.h"
#include "store/queries.h"

static int by_urgency(const void *pa, const void *pb)
{
	const struct todo *a = pa, *b = pb;
	int ra = a->state == CLOCK_OVERDUE ? 0 : a->state == CLOCK_DUE_SOON ? 1 : 2;
	int rb = b->state == CLOCK_OVERDUE ? 0 : b->state == CLOCK_DUE_SOON ? 1 : 2;

	if (ra != rb)
		return ra - rb;
	return (a->due > b->due) - (a->due < b->due);
}

int todo_list(struct ctx *c, struct todo **out)
{
	struct todo *v = NULL;
	int n = 0, cap = 0;
	qf_day today = date_today();

	*out = NULL;
	if (authz_has(&c->who, PERM_CLUE_READ)) {
		struct clock_table t;
		const struct clock_limit *lim;
		struct clue *k;
		int nk;

		if (clock_table_load(c->db, c->a, &t) < 0)
			return -1;
		lim = clock_find(&t, "preliminary_verification");
		nk = store_clues_in_verification(c->db, c->a, authz_scope_user(c), &k);
		if (nk < 0)
			return -1;
		for (int i = 0; lim && i < nk; i++) {
			qf_day start = date_parse(k[i].first_disposed ? k[i].first_disposed : "");
			qf_day due = clock_due(c->cal, lim, start);
			enum clock_state st = clock_state(c->cal, due, QF_DAY_NONE, today);
			struct todo *t0;
			if (st != CLOCK_OVERDUE && st != CLOCK_DUE_SOON)
				continue;
			t0 = q_push(c->a, &v, &cap, n++, sizeof(*v));
			t0->what = lim->label;
			t0->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", k[i].id, k[i].unit_name);
			t0->href = arena_printf(c->a, "/clues/%" PRId64, k[i].id);
			t0->start = start;
			t0->due = due;
			t0->state = st;
		}
	}
	if (authz_has(&c->who, PERM_CLUE_APPROVE)) {
		struct disposition *d;
		const char **units;
		int nd = store_dispositions_pending(c->db, c->a, authz_scope_user(c), &d, &units);
		if (nd < 0)
			return -1;
		for (int i = 0; i < nd; i++) {
			struct todo *t0 = q_push(c->a, &v, &cap, n++, sizeof(*v));
			const struct disposition_method *m = disposition_method_find(d[i].method);
			t0->what = arena_printf(c->a, "处置意见待审批：%s", m ? m->label : d[i].method);
			t0->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", d[i].clue_id, units[i]);
			t0->href = arena_printf(c->a, "/clues/%" PRId64, d[i].clue_id);
			t0->start = date_from_unix_cst(d[i].proposed_at);
			t0->due = QF_DAY_NONE;
			t0->state = CLOCK_RUNNING;
		}
	}
	if (n > 1)
		qsort(v, (size_t)n, sizeof(*v), by_urgency);
	*out = v;
	return n;
}
