#ifndef QF_Q_METRICS_H
#define QF_Q_METRICS_H
/*
 * q_metrics: one SQL statement per statistic of DOMAIN.md section 6 (the
 * keys of domain/metrics.h), run for a period and a scope.  Each function
 * stores the count (or fen) in *out and returns 0, or a negative store
 * code.  A function binds only the scope members its key honours (the
 * Q_METRIC_*_SCOPES bits, which the key's definition repeats): the domain
 * never calls it with another member set (that key is "not applicable").
 * docs/statistics.md quotes each statement.  Most keys are answered from
 * the rollup metric_days when it can (q_metrics.c, docs/statistics.md
 * "Speed"), with the same result.
 */
#include <stdint.h>

#include "model/metrics.h"

struct store;

#define Q_METRIC_ALL_SCOPES (METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN | METRIC_SCOPE_CATEGORY | \
			     METRIC_SCOPE_SOURCE | METRIC_SCOPE_ORGAN | METRIC_SCOPE_SUBJECT)
/* clues have no handling organ */
#define Q_METRIC_CLUE_SCOPES (Q_METRIC_ALL_SCOPES & ~METRIC_SCOPE_ORGAN)
#define Q_METRIC_CASE_SCOPES Q_METRIC_ALL_SCOPES
#define Q_METRIC_DETENTION_SCOPES Q_METRIC_ALL_SCOPES
#define Q_METRIC_OUTCOME_SCOPES Q_METRIC_ALL_SCOPES
/* accountability and recoveries carry no subject snapshot and no matter
 * of their own that says unit, category, source or organ: campaign only */
#define Q_METRIC_ACCOUNTABILITY_SCOPES METRIC_SCOPE_CAMPAIGN
#define Q_METRIC_RECOVERY_SCOPES METRIC_SCOPE_CAMPAIGN
/* follow-up visits and clarifications: the unit and campaign of their
 * outcome or matter */
#define Q_METRIC_FOLLOWUP_SCOPES (METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN)
#define Q_METRIC_CLARIFICATION_SCOPES (METRIC_SCOPE_UNIT | METRIC_SCOPE_CAMPAIGN)

/* Opens (1) or closes (0) a batch of reads on this thread: while open,
 * keys that read the same row of the rollup (the outcome keys: forms,
 * sanctioned) read it once, and the work log's and the problems' figures
 * of a period and unit scope are read once in groups (q_mgroups.h).
 * Batches nest: the outermost one opens and closes (the annual report
 * opens one around all its scopes).  Only for reads with no write between
 * them (metrics_compute). */
void store_metric_batch(int on);

/* The scope members s sets, as METRIC_SCOPE_* bits. */
unsigned q_metric_scope_used(const struct metric_scope *s);

typedef int store_metric_fn(struct store *db, const struct metric_period *p,
			    const struct metric_scope *s, int64_t *out);

store_metric_fn store_metric_clues_received, store_metric_clues_disposed;
store_metric_fn store_metric_cases_filed, store_metric_cases_closed, store_metric_transferred;
store_metric_fn store_metric_detained;
store_metric_fn store_metric_forms_total, store_metric_form1, store_metric_form2,
	store_metric_form3, store_metric_form4, store_metric_sanctioned;
store_metric_fn store_metric_accountabilities, store_metric_recovered, store_metric_returned;
store_metric_fn store_metric_followups, store_metric_clarifications;

#endif
