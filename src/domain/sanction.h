#ifndef QF_SANCTION_H
#define QF_SANCTION_H
/*
 * sanction: influence periods (影响期, DOMAIN.md section 3), during which
 * the person may not be promoted, and the rules an outcome's measures
 * must keep: at most one party and one government sanction, party
 * sanctions for party members only, village managers only the three
 * lighter government sanctions, the stated period of several violations
 * of one kind.
 *
 * The periods are data (influence_periods, effective-dated, with their
 * source), loaded into a struct period_table; each measure's period is the
 * row in force on its own decision date and runs from that date.  A
 * sanction decided inside another's running period runs its own period:
 * the person is barred until the later end (the "remainder plus new, at
 * most 48 months" rule belongs to appointing bodies and is not applied).
 */
#include "core/date.h"
#include "domain/fielderr.h"
#include "model/rules.h"

struct store;
struct arena;

#define SANCTION_MAX_STATED 48  /* Law on Government Sanctions: several violations, at most */

struct period_table {
	struct period_rule *rules;
	int n;
};

/* Loads every row of influence_periods into a.  0 or -1. */
int period_table_load(struct store *s, struct arena *a, struct period_table *t);
/* The row of `code` in force on `day`, or NULL (no period). */
const struct period_rule *period_rule_on(const struct period_table *t, const char *code, qf_day day);

/* One measure of an outcome as decided: a party sanction on its approval
 * date, a government sanction on its decision date.  months: the period
 * the decision states (留党察看 12 or 24; several violations of one kind:
 * between one period and the sum, at most 48), 0 when not stated;
 * violations: how many violations of this kind it sanctions (1 usually). */
struct measure_decision {
	const char *code;
	qf_day decided;
	int months;
	int violations;
};

struct influence {
	qf_day start;           /* the earliest decision among those with a period */
	qf_day end;             /* first day free of it; QF_DAY_NONE when permanent or none */
	int permanent;
};

/*
 * The influence of an outcome's measures, each from its own decision
 * date: the latest end among them.  1 with *out filled when there is a
 * period, 0 when the measures carry none, -1 when invalid (an unknown
 * measure, a 留党察看 without 12 or 24 months).
 */
int outcome_influence(const struct period_table *t, const struct measure_decision *v, int n,
		      struct influence *out);

/* 1 when a person under this influence may not be promoted on `day`. */
int influence_running(const struct influence *in, qf_day day);

/* The subject as the rules need it (copied from the person when the
 * outcome is made). */
struct sanction_subject {
	const char *rank;       /* person_ranks code: "village" for village managers */
	int party_member;
};

/*
 * Checks the measures against the rules above, adding Chinese errors
 * that name the measure to fe (field "measures", or "gov_months" /
 * "probation_months" for a period); messages are allocated in a.  The period table gives each
 * government sanction's own period for the bounds of a stated one.
 */
void sanction_rules_check(struct arena *a, const struct period_table *t, const struct measure_decision *v,
			  int n, const struct sanction_subject *who, struct fielderr *fe);

#endif
