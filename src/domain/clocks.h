#ifndef QF_CLOCKS_H
#define QF_CLOCKS_H
/*
 * clocks: the time limits of DOMAIN.md section 4, counted in working days
 * (the State Council calendar), calendar days or calendar months, with
 * the limits in data (clock_limits table).  A clock starts on a day and
 * ends on its due day, the last day on which the work is on time.
 */
#include "core/date.h"

struct calendar;
struct store;
struct arena;

enum clock_unit { CLOCK_WORKDAYS, CLOCK_DAYS, CLOCK_MONTHS };

struct clock_limit {
	const char *clock;      /* code, e.g. "preliminary_verification" */
	const char *label;      /* Chinese */
	int amount;
	enum clock_unit unit;
};

struct clock_table {
	struct clock_limit *limits;
	int n;
};

int clock_table_load(struct store *s, struct arena *a, struct clock_table *t);
/* NULL when the clock is not in the table. */
const struct clock_limit *clock_find(const struct clock_table *t, const char *clock);

/* The due day of a clock started on `start`: start + amount working days
 * (the start day itself not counted), calendar days, or calendar months
 * (clamped to the month's end).  QF_DAY_NONE on a bad start. */
qf_day clock_due(const struct calendar *cal, const struct clock_limit *l, qf_day start);

/* The latest start day whose clock is overdue on `today` (due before
 * it), QF_DAY_NONE when none within a year: the "overdue" filters compare
 * stored start days with it. */
qf_day clock_overdue_start(const struct calendar *cal, const struct clock_limit *l, qf_day today);

enum clock_state {
	CLOCK_RUNNING,          /* more than 3 working days left */
	CLOCK_DUE_SOON,         /* 临期: due within 3 working days (today included) */
	CLOCK_OVERDUE,          /* 逾期: past its due day and not done */
	CLOCK_DONE,             /* 已办结 */
	CLOCK_DONE_LATE,        /* done after its due day */
};

/* The state of a clock due on `due` on `today`; done is the day the work
 * was done, or QF_DAY_NONE. */
enum clock_state clock_state(const struct calendar *cal, qf_day due, qf_day done, qf_day today);
/* 逾期 / 临期 / 办理中 / 已办结 / 逾期办结 */
const char *clock_state_label(enum clock_state st);

#endif
