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
	qf_day start, due;       /* due QF_DAY_NONE for approvals */
	enum clock_state state;
};

/* The user's items, overdue first, then by due day; count or -1. */
int todo_list(struct ctx *c, struct todo **out);

#endif
