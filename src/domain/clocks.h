#ifndef QF_CLOCKS_H
#define QF_CLOCKS_H
/*
 * clocks: the time limits of DOMAIN.md section 4, counted in working days
 * (the State Council calendar), calendar days or calendar months, with
 * the limits in data: clock_limits and its effective-dated versions with
 * their source (clock_limit_versions, migration 0021).  A clock starts on
 * a day and ends on its due day, the last day on which the work is on
 * time.  A limit change applies to the clocks started on or after its
 * date.  The rest-day rule (Civil Code art. 203) is applied here and only
 * here, in clock_due: a limit in calendar days or months that ends on a
 * rest day ends on the next working day, unless the clock says otherwise
 * (detention: rest_day_moves 0).
 */
#include "core/date.h"

struct calendar;
struct store;
struct arena;

enum clock_unit { CLOCK_WORKDAYS, CLOCK_DAYS, CLOCK_MONTHS };

/* One version of a limit: it applies to clocks started on or after
 * `from` (QF_DAY_NONE: the undated limit, before the first version). */
struct clock_version {
	qf_day from;
	int amount;
	enum clock_unit unit;
	const char *source;     /* the regulation, "" for the undated limit */
};

/* A clock and its limits.  amount, unit and source are those of the
 * version in force today (what the pages show); clock_due picks the
 * version of the clock's start day. */
struct clock_limit {
	const char *clock;      /* code, e.g. "preliminary_verification" */
	const char *label;      /* Chinese */
	int amount;
	enum clock_unit unit;
	const char *source;
	int rest_day_moves;     /* the rest-day rule applies */
	const struct clock_version *versions;   /* by from, the undated one first */
	int n_versions;
};

struct clock_table {
	struct clock_limit *limits;
	int n;
};

int clock_table_load(struct store *s, struct arena *a, struct clock_table *t);
/* NULL when the clock is not in the table. */
const struct clock_limit *clock_find(const struct clock_table *t, const char *clock);

/* The version of l that applies to a clock started on `start`: the last
 * one dated on or before it, else the first (never NULL for a loaded
 * limit). */
const struct clock_version *clock_version_at(const struct clock_limit *l, qf_day start);

/* The due day of a clock started on `start`, by the version in force on
 * that day: start + amount working days (the start day itself not
 * counted), calendar days, or calendar months (clamped to the month's
 * end); a calendar-day or month limit ending on a rest day then moves to
 * the next working day when l->rest_day_moves (Civil Code art. 203).
 * QF_DAY_NONE on a bad start. */
qf_day clock_due(const struct calendar *cal, const struct clock_limit *l, qf_day start);
/* The due day of a clock started on `start` whose limit was extended
 * once by `ext` (信访 extension): the extension is added to the limit as
 * it falls, before the rest-day rule, which then applies once to the
 * end.  As clock_due without ext. */
qf_day clock_due_extended(const struct calendar *cal, const struct clock_limit *l,
			  const struct clock_limit *ext, qf_day start);

/* The latest start day whose clock is overdue on `today` (due before
 * it), QF_DAY_NONE when none within a year: the "overdue" filters compare
 * stored start days with it. */
qf_day clock_overdue_start(const struct calendar *cal, const struct clock_limit *l, qf_day today);

struct ctx;
/* Inside a transaction on s: the stored due days of the running clocks
 * (reports, trial reviews) computed again on `cal` and the limits as
 * they now are.  0 or -1. */
int clock_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal);

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
