#ifndef QF_Q_MGROUPS_H
#define QF_Q_MGROUPS_H
/*
 * q_mgroups: the figures of a family counted live, read once per period and
 * unit scope as groups by (kind, category, campaign) and summed in C for
 * each key (issue 16, fam16).  The annual report asks the work log's sums
 * and the problems' counts for dozens of scopes that differ only in the
 * kind, category and campaign members (59 work-log statements, each reading
 * every activity of the year); a batch (store_metric_batch) keeps each
 * family's groups of a period and unit scope on this thread, so they are
 * read once.  The statement that fills the groups is the family's, with
 * the same period and unit fragments as its per-key statements (M_WITH,
 * M_PERIOD, M_UNIT); the members matched here are exactly the per-key
 * statements' fragments (docs/statistics.md "The figures read in
 * groups").  Store-private.
 */
#include <stdint.h>

#include "model/metrics.h"

struct store;
struct store_sql;

/* Columns of a group statement: kind, category (NULL: none), campaign id
 * (NULL: none), then MGROUP_SUMS sums. */
#define MGROUP_SUMS 4

/* 1 when s is answered from the groups: a batch is open, the figures are
 * not forced live (QF_METRICS_LIVE=1), s sets a kind or a category (the
 * members that cost a test per row; without them the per-key statement
 * reads its covering index alone, cheaper than the groups' sort) and no
 * member but unit, campaign, category and kind, and the kind list is
 * plain codes ([a-z0-9_] joined by '+').  0: the per-key statement. */
int q_mgroups_usable(const struct metric_scope *s);
/* 1 when kind list k is plain codes: [a-z0-9_] pieces joined by '+' (the
 * catalog's codes), for which the kind test M_KIND_LIKE is membership in
 * the list. */
int q_mgroups_plain_codes(const char *k);

/* Sum number col (0..MGROUP_SUMS-1) of the groups of statement q (bound:
 * M_WITH, the period; its M_UNIT is the unit member) that match s's
 * campaign, category and kind, into *out: 0; 1 not answered (more groups
 * than kept: the per-key statement answers); or a store code.  The groups
 * are read at the first call for (q, period, unit scope) in a batch. */
int q_mgroups_sum(struct store *db, const struct store_sql *q, const struct metric_period *p,
		  const struct metric_scope *s, int col, int64_t *out);

/* Forgets every kept group (the batch closed). */
void q_mgroups_clear(void);

#endif
