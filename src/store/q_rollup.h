#ifndef QF_Q_ROLLUP_H
#define QF_Q_ROLLUP_H
/*
 * q_rollup: the statistics rollup metric_days (migration 0028,
 * docs/statistics.md "Speed") and its grains metric_months and
 * metric_years (0038): its switch, its rebuild from the records and its
 * check against a recomputation.  The triggers of 0028 and 0038 maintain
 * it; store/q_metrics.c and store/q_dash.c read it (store/q_grains.h).
 */
#include <stdint.h>

struct store;

/* metric_state.live: 1 the triggers maintain metric_days and the
 * statistics read it, 0 (bulk load) neither; < 0 on error. */
int store_rollup_live(struct store *s);

/* 1 when the statistics read metric_days: the rollup is live and the
 * diagnostic QF_METRICS_LIVE=1 (environment: compute every figure with the
 * live statements, to compare) is not set; 0 when not, < 0 on error. */
int store_rollup_reads(struct store *s);

/* Recomputes metric_days from the records (metric_recompute, set-wise),
 * then its grains from metric_days, and sets live = 1, in one transaction.
 * 0 or < 0. */
int store_rollup_rebuild(struct store *s);

/* For a bulk load inside the caller's transaction (ix_import): how many
 * records of the rollup's kinds the database holds, estimated from the
 * largest ids (exact counts would scan 10 million rows); switching the
 * triggers off (store_rollup_off); and the set-wise recomputation with
 * live = 1 again at the end (store_rollup_refill).  0 (or the estimate)
 * or < 0. */
int64_t store_rollup_records(struct store *s);
int store_rollup_off(struct store *s);
int store_rollup_refill(struct store *s);
/* Fills the emptied metric_days from the records, set-wise (the grains
 * not): metric_recompute on SQLite, on PostgreSQL the same sums with each
 * dims view read once (q_rollup_sum.c).  0 or < 0. */
int store_rollup_fill_days(struct store *s);
/* SQLite: fills the emptied metric_days, metric_months and metric_years
 * from the records, summed in C (q_rollup_sum.c).  0 or < 0. */
int store_rollup_sum_fill(struct store *s);

/* One row where metric_days or a grain and the recomputation differ: `in`
 * is "rollup" for a row the table holds that the records do not give,
 * "records" for the row the records give; `day` is a grain row's month
 * (YYYY-MM) or year (YYYY).  Rows whose counts are all 0 are ignored. */
struct rollup_diff {
	const char *in, *stat, *dim, *val, *day;
	int64_t n, f1, f2, f3, f4, sanc;
};
/* Recomputes into a temporary table and calls fn for each differing row
 * (at most `max`, then only counts).  Returns the count of differing
 * rows, or < 0. */
int store_rollup_check(struct store *s, int max, void (*fn)(const struct rollup_diff *d, void *arg),
		       void *arg);

#endif
