/*
 * clocks.c: due days and states of the clocks.  "Due within 3 working
 * days" counts the working days after today up to the due day: due today
 * or on one of the next 3 working days is 临期.
 */
#include "domain/clocks.h"

#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "store/q_rules.h"

#define DUE_SOON_WORKDAYS 3

/* The stored unit text as enum clock_unit (unknown: calendar days). */
static enum clock_unit unit_of(const char *unit)
{
	return !strcmp(unit, "workdays") ? CLOCK_WORKDAYS
		: !strcmp(unit, "months") ? CLOCK_MONTHS : CLOCK_DAYS;
}

int clock_table_load(struct store *s, struct arena *a, struct clock_table *t)
{
	struct clock_limit_row *rows;
	int n = store_clock_limits(s, a, &rows);

	t->limits = NULL;
	t->n = 0;
	if (n < 0)
		return -1;
	t->limits = n ? arena_alloc(a, (size_t)n * sizeof(*t->limits)) : NULL;
	for (int i = 0; i < n; i++)
		t->limits[i] = (struct clock_limit){ .clock = rows[i].clock, .label = rows[i].label,
						     .amount = rows[i].amount,
						     .unit = unit_of(rows[i].unit) };
	t->n = n;
	return 0;
}

const struct clock_limit *clock_find(const struct clock_table *t, const char *clock)
{
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->limits[i].clock, clock))
			return &t->limits[i];
	return NULL;
}

qf_day clock_due(const struct calendar *cal, const struct clock_limit *l, qf_day start)
{
	if (start == QF_DAY_NONE || !l)
		return QF_DAY_NONE;
	switch (l->unit) {
	case CLOCK_WORKDAYS:
		return calendar_add_workdays(cal, start, l->amount);
	case CLOCK_MONTHS:
		return date_add_months(start, l->amount);
	case CLOCK_DAYS:
	default:
		return start + l->amount;
	}
}

qf_day clock_overdue_start(const struct calendar *cal, const struct clock_limit *l, qf_day today)
{
	/* due days never decrease with the start day: walk back to the first
	 * start whose due day is already past */
	for (qf_day s = today - 1; l && s > today - 400; s--)
		if (clock_due(cal, l, s) < today)
			return s;
	return QF_DAY_NONE;
}

enum clock_state clock_state(const struct calendar *cal, qf_day due, qf_day done, qf_day today)
{
	if (done != QF_DAY_NONE)
		return due != QF_DAY_NONE && done > due ? CLOCK_DONE_LATE : CLOCK_DONE;
	if (due == QF_DAY_NONE)
		return CLOCK_RUNNING;
	if (today > due)
		return CLOCK_OVERDUE;
	if (calendar_workdays_between(cal, today, due) <= DUE_SOON_WORKDAYS)
		return CLOCK_DUE_SOON;
	return CLOCK_RUNNING;
}

const char *clock_state_label(enum clock_state st)
{
	switch (st) {
	case CLOCK_DUE_SOON:
		return "临期";
	case CLOCK_OVERDUE:
		return "逾期";
	case CLOCK_DONE:
		return "已办结";
	case CLOCK_DONE_LATE:
		return "逾期办结";
	case CLOCK_RUNNING:
	default:
		return "办理中";
	}
}
