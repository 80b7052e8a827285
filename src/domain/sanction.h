#ifndef QF_SANCTION_H
#define QF_SANCTION_H
/*
 * sanction: influence periods of sanctions (影响期, DOMAIN.md section 3),
 * during which the person may not be promoted.  The periods are data (the
 * sanction_periods table, loaded into a struct period_table), not code.
 */
#include "core/date.h"
#include "model/rules.h"

struct store;
struct arena;

struct period_table {
	struct period_rule *rules;
	int n;
	int gov_cap_months;     /* a new government sanction inside a running one: at most this long */
};

/* Loads the table (sanction_periods, and the cap from settings
 * "gov_sanction_cap_months", default 48) into a.  0 or -1. */
int period_table_load(struct store *s, struct arena *a, struct period_table *t);

struct influence {
	qf_day start;           /* the date the sanction takes effect */
	qf_day end;             /* first day free of it; QF_DAY_NONE when permanent or none */
	int permanent;
	qf_day gov_end;         /* end of the government-sanction part (for the next one), or NONE */
};

/*
 * The influence of an outcome's measures taking effect on `effective`:
 * the longest of its sanctions' periods.  stated_months is the period a
 * 留党察看 decision states (12 or 24; ignored otherwise).  running_gov_end is
 * the end of the person's running government-sanction period (QF_DAY_NONE
 * if none): a new government sanction inside it runs for the remainder
 * plus its own period, capped at gov_cap_months from `effective`.
 * Returns 1 with *out filled when there is a period, 0 when the measures
 * carry none (first form, organisational measures), -1 when invalid (an
 * unknown measure, a 留党察看 without 12 or 24 months).
 */
int outcome_influence(const struct period_table *t, const char *const *codes, int n,
		      qf_day effective, int stated_months, qf_day running_gov_end,
		      struct influence *out);

/* 1 when a person under this influence may not be promoted on `day`. */
int influence_running(const struct influence *in, qf_day day);

#endif
