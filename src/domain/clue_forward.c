/*
 * clue_forward.c: the forwarding clock of a clue that belongs to the
 * level above (jurisdiction.h): set when the clue is registered (from its
 * day of receipt, clock report_transfer: 5 working days), stopped when
 * its transfer upward is approved (disposition.c), and shown on the home
 * page of those who read clues when due within 3 working days or overdue.
 * Sources: 《纪检监察机关处理检举控告工作规则》(2020) art. 15; 《监察法实施
 * 条例》 art. 169, 171.
 */
#include <inttypes.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/authz.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/disposition.h"
#include "domain/todo.h"
#include "store/q_caserules.h"
#include "store/q_todo.h"

int clue_forward_start(struct ctx *c, struct store *s, const struct clue *k)
{
	struct clock_table t;
	const char *why = NULL;
	qf_day due;
	int rc = clue_other_level(c, k, &why);

	if (rc <= 0)
		return rc;
	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	due = clock_due(c->cal, clock_find(&t, "report_transfer"), date_parse(k->received));
	if (due == QF_DAY_NONE)
		return 0;
	return store_clue_set_forward_due(s, k->id, date_format(due, arena_alloc(c->a, 11))) < 0 ? -1 : 0;
}

/* The forwarding clocks, by their stored due day (no office). */
static int todo_forwards(struct ctx *c, struct todo_acc *acc)
{
	const char *due_by = todo_day_text(c, todo_last_due(acc));
	struct store_due_count *cnt;
	struct clue *k;
	int n;

	if (!todo_wants(acc, TODO_B_OVERDUE, ""))
		return 0;
	if (acc->counting) {
		n = store_clues_to_forward_count(c->db, c->a, authz_scope_user(c),
						 todo_day_text(c, acc->today - 1), due_by, &cnt);
		if (n < 0)
			return -1;
		todo_tally_dues(c, acc, cnt, n);
	}
	if (!acc->want)
		return 0;
	n = store_clues_to_forward(c->db, c->a, authz_scope_user(c), due_by, acc->want, &k);
	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add_clock(c, acc, "report_transfer", "线索报送上一级",
						date_parse(k[i].received), date_parse(k[i].forward_due));
		if (!t)
			continue;
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", k[i].id, k[i].unit_name);
		t->href = arena_printf(c->a, "/clues/%" PRId64, k[i].id);
	}
	return n < 0 ? -1 : 0;
}

QF_TODO_PROVIDER(clue_forward_todo, 15, PERM_CLUE_READ, todo_forwards);
