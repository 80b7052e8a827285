#ifndef QF_TODO_H
#define QF_TODO_H
/*
 * todo: what the user must act on, for the home page (DOMAIN.md section
 * 4): every clock within its jurisdiction that is overdue or due within 3
 * working days, and the dispositions waiting for an approver's decision.
 */
#include "core/date.h"
#include "domain/clocks.h"

struct ctx;

struct todo {
	const char *what;        /* 初步核实, 处置意见待审批 */
	const char *object;      /* 问题线索 12（甲局） */
	const char *href;        /* /clues/12 */
	const char *office;      /* the handling office, "" when none is known */
	qf_day start, due;       /* due QF_DAY_NONE for approvals */
	enum clock_state state;
};

/* The items being collected; each family of records adds its own. */
struct todo_acc {
	struct todo *v;
	int n, cap;
	qf_day today;
	struct clock_table clocks;   /* the limits, loaded once */
};

/* Adds a clock started on `start` under the limit `clock` (clock_limits)
 * when it is overdue or due within 3 working days; `due` may be given
 * (QF_DAY_NONE: computed from the limit).  Returns the item or NULL when
 * the clock needs no attention yet.  `what` defaults to the limit's label. */
struct todo *todo_add_clock(struct ctx *c, struct todo_acc *acc, const char *clock, const char *what,
			    qf_day start, qf_day due);
/* Adds an item without a clock (an approval waiting). */
struct todo *todo_add(struct ctx *c, struct todo_acc *acc, const char *what, qf_day start);

/* The user's items, overdue first, then by due day; count or -1. */
int todo_list(struct ctx *c, struct todo **out);

#endif
