/*
 * clocks.c: due days and states of the clocks.  "Due within 3 working
 * days" counts the working days after today up to the due day: due today
 * or on one of the next 3 working days is 临期.  The limits are loaded
 * with their versions (one struct clock_limit per clock); clock_due picks
 * the version of the start day and is the one place that applies the
 * rest-day rule (Civil Code art. 203).
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

/* The rows rows[i..] of one clock (the store sends them together) as
 * one limit: the number of rows used. */
static int limit_of(struct arena *a, const struct clock_limit_row *rows, int i, int n,
		    struct clock_limit *l, qf_day today)
{
	struct clock_version *v;
	const struct clock_version *now;
	int m = 1;

	while (i + m < n && !strcmp(rows[i + m].clock, rows[i].clock))
		m++;
	v = arena_alloc(a, (size_t)m * sizeof(*v));
	for (int j = 0; j < m; j++) {
		const struct clock_limit_row *r = &rows[i + j];
		v[j] = (struct clock_version){ .from = r->from ? date_parse(r->from) : QF_DAY_NONE,
					       .amount = r->amount, .unit = unit_of(r->unit),
					       .source = r->source };
	}
	*l = (struct clock_limit){ .clock = rows[i].clock, .label = rows[i].label,
				   .rest_day_moves = rows[i].rest_day_moves,
				   .versions = v, .n_versions = m };
	now = clock_version_at(l, today);
	l->amount = now->amount;
	l->unit = now->unit;
	l->source = now->source;
	return m;
}

int clock_table_load(struct store *s, struct arena *a, struct clock_table *t)
{
	struct clock_limit_row *rows;
	int n = store_clock_limits(s, a, &rows);
	qf_day today = date_today();

	t->limits = NULL;
	t->n = 0;
	if (n < 0)
		return -1;
	t->limits = n ? arena_alloc(a, (size_t)n * sizeof(*t->limits)) : NULL;
	for (int i = 0; i < n;)
		i += limit_of(a, rows, i, n, &t->limits[t->n++], today);
	return 0;
}

const struct clock_version *clock_version_at(const struct clock_limit *l, qf_day start)
{
	const struct clock_version *v = &l->versions[0];

	for (int i = 1; i < l->n_versions; i++)
		if (l->versions[i].from <= start)
			v = &l->versions[i];
	return v;
}

const struct clock_limit *clock_find(const struct clock_table *t, const char *clock)
{
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->limits[i].clock, clock))
			return &t->limits[i];
	return NULL;
}

/* start plus one version's limit, as it falls (no rest-day rule). */
static qf_day add_limit(const struct calendar *cal, const struct clock_version *v, qf_day start)
{
	switch (v->unit) {
	case CLOCK_WORKDAYS:
		return calendar_add_workdays(cal, start, v->amount);
	case CLOCK_MONTHS:
		return date_add_months(start, v->amount);
	case CLOCK_DAYS:
	default:
		return start + v->amount;
	}
}

/* The rest-day rule (Civil Code art. 203): a calendar-day or month limit
 * that ends on a rest day ends on the next working day instead.  A
 * working-day limit ends on a working day already. */
static qf_day rest_day_rule(const struct calendar *cal, const struct clock_limit *l,
			    enum clock_unit unit, qf_day due)
{
	if (!l->rest_day_moves || unit == CLOCK_WORKDAYS || due == QF_DAY_NONE ||
	    calendar_is_workday(cal, due))
		return due;
	return calendar_add_workdays(cal, due, 1);
}

qf_day clock_due(const struct calendar *cal, const struct clock_limit *l, qf_day start)
{
	return clock_due_extended(cal, l, NULL, start);
}

qf_day clock_due_extended(const struct calendar *cal, const struct clock_limit *l,
			  const struct clock_limit *ext, qf_day start)
{
	const struct clock_version *v, *e;
	qf_day due;

	if (start == QF_DAY_NONE || !l)
		return QF_DAY_NONE;
	v = clock_version_at(l, start);
	due = add_limit(cal, v, start);
	if (!ext)
		return rest_day_rule(cal, l, v->unit, due);
	e = clock_version_at(ext, start);
	due = add_limit(cal, e, due);
	return rest_day_rule(cal, l, e->unit, due);
}

qf_day clock_overdue_start(const struct calendar *cal, const struct clock_limit *l, qf_day today)
{
	/* due days never decrease with the start day (the rest-day rule
	 * keeps that; a limit shortened by a version may not, and then the
	 * filter is exact from the version's date on): walk back to the
	 * first start whose due day is already past */
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
