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

/* What an item asks of the user (the groups of the notices page). */
enum todo_kind {
	TODO_CLOCK = 0,          /* a clock overdue or due within 3 working days */
	TODO_APPROVAL,           /* a decision asked of the user */
	TODO_RETURN,             /* the user's proposal sent back */
	TODO_ASSIGNED,           /* a record assigned to the user's office */
};

struct todo {
	enum todo_kind kind;     /* todo_add_clock: TODO_CLOCK, todo_add: TODO_APPROVAL */
	const char *what;        /* 初步核实, 处置意见待审批 */
	const char *object;      /* 问题线索 12（甲局） */
	const char *href;        /* /clues/12 */
	const char *office;      /* the handling office, "" when none is known */
	qf_day start, due;       /* due QF_DAY_NONE for approvals */
	enum clock_state state;
	int seq;                 /* the order added in: ties of urgency keep it */
	const char *note;        /* a returned proposal's reason, NULL none */
	int64_t approval_id;     /* TODO_APPROVAL: the disposition to decide (bulk approval), 0 none */
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

/* The number of the user's items (the badge of the navigation, on every
 * page): todo_list's count, kept per user in this process until a
 * transaction commits here (store_commits), the day changes or
 * TODO_COUNT_TTL seconds pass (another process's changes); 0 for a user
 * no provider serves, -1 on error. */
#define TODO_COUNT_TTL 30
int todo_count(struct ctx *c);

#endif
