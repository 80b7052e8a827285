#ifndef QF_TODO_H
#define QF_TODO_H
/*
 * todo: what the user must act on, for the home page (DOMAIN.md section
 * 4): every clock within its jurisdiction that is overdue or due within 3
 * working days, and the dispositions waiting for an approver's decision.
 * Each family of records adds its own items through a provider it
 * registers in its own file (QF_TODO_PROVIDER, core/registry.h); todo_list
 * runs the providers the user's role may use and sorts what they add.
 */
#include "core/date.h"
#include "core/registry.h"
#include "domain/clocks.h"
#include "domain/perm.h"

struct ctx;

struct todo {
	const char *what;        /* 初步核实, 处置意见待审批 */
	const char *object;      /* 问题线索 12（甲局） */
	const char *href;        /* /clues/12 */
	const char *office;      /* the handling office, "" when none is known */
	qf_day start, due;       /* due QF_DAY_NONE for approvals */
	enum clock_state state;
	int seq;                 /* the order added in: ties of urgency keep it */
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

/* A family's items for the home page.  The providers run in the order of
 * `order` (the order the home page lists items of equal urgency), each
 * for a user holding `perm`; add may check more (the case manager's
 * overview) and returns 0 or -1. */
struct todo_provider {
	int order;
	enum perm perm;
	int (*add)(struct ctx *c, struct todo_acc *acc);
};
QF_SET(todo_providers, const struct todo_provider);

#define QF_TODO_PROVIDER(name, order_, perm_, add_)                                         \
	static const struct todo_provider name = { .order = (order_), .perm = (perm_), .add = (add_) }; \
	QF_REGISTER(todo_providers, &name)

/* 1 when some provider may add items for the user (the home page shows
 * its to-do section), 0 when none may. */
int todo_shown(const struct ctx *c);

/* The user's items, overdue first, then by due day, then in the order
 * added; count or -1. */
int todo_list(struct ctx *c, struct todo **out);

#endif
