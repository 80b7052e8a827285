/*
 * clock_fill.c: the stored due days of the running clocks computed again
 * from the limits and the calendar as they now are: after migration 0021
 * (the rest-day rule and the report kinds change them; report_dues_fill
 * runs it once) and after a holiday calendar import (holidays.c).  The
 * reports' due days are report_clock.c's; the trial reviews' due days
 * (cases.trial_due, a month: the rest-day rule moves it) are here.  The
 * clues store only the start of their clock (working days) and the
 * detentions keep theirs (detention does not follow the rest-day rule).
 * The bad reviews' due days (issue 13) are bad_review.c's, the
 * inspections' rectification reports' (issue 14) inspection.c's.
 */
#include "domain/clocks.h"

#include "core/arena.h"
#include "domain/bad_review.h"
#include "domain/ctx.h"
#include "domain/inspection.h"
#include "domain/report.h"
#include "domain/trial.h"
#include "store/q_rules.h"

/* trial_due of every case whose trial review runs: 0 or -1 */
static int trial_refill(struct ctx *c, struct store *s, const struct calendar *cal)
{
	struct clock_table t;
	const struct clock_limit *l;
	struct clock_start *v;
	int n;

	if (clock_table_load(s, c->a, &t) < 0)
		return -1;
	l = clock_find(&t, "trial_review");
	n = store_trials_running(s, c->a, &v);
	for (int i = 0; i < n && l; i++) {
		/* the time sent back is not counted (trial.h) */
		qf_day due = trial_due_of(c, s, cal, l, v[i].id, v[i].start);
		if (due != QF_DAY_NONE &&
		    store_case_set_trial_due(s, v[i].id, date_format(due, arena_alloc(c->a, 11))) < 0)
			return -1;
	}
	return n < 0 ? -1 : 0;
}

int clock_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal)
{
	if (report_dues_refill(c, s, cal) < 0 || bad_review_dues_refill(c, s, cal) < 0 ||
	    inspection_dues_refill(c, s, cal) < 0)
		return -1;
	return trial_refill(c, s, cal);
}
