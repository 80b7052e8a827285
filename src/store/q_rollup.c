/*
 * q_rollup.c: the switch, the rebuild and the check of the statistics
 * rollup metric_days and its grains metric_months and metric_years
 * (store/q_rollup.h).  What a record contributes is
 * written once, in SQL: the views of migration 0028 (metric_contrib,
 * grouped by metric_recompute), which the triggers, the rebuild and the
 * check all read; this file only runs them.
 */
#include <stdlib.h>
#include <string.h>

#include "store/q_rollup.h"
#include "store/q_util.h"
#include "store/store.h"

static const struct store_sql Q_LIVE = { "SELECT live FROM metric_state", NULL };
/* PostgreSQL: the transaction's setting qf.rollup_off follows live, so
 * the triggers' WHEN (migration 0071) skips them without a plpgsql call
 * while the rollup is off (a bulk import, the rebuild) */
static const struct store_sql Q_OFF = { "UPDATE metric_state SET live = 0",
	"UPDATE metric_state SET live = 0 WHERE set_config('qf.rollup_off', '1', true) = '1'" };
static const struct store_sql Q_ON = { "UPDATE metric_state SET live = 1",
	"UPDATE metric_state SET live = 1 WHERE set_config('qf.rollup_off', '', true) = ''" };
static const struct store_sql Q_CLEAR = { "DELETE FROM metric_days", NULL };
static const struct store_sql Q_CLEAR_MONTHS = { "DELETE FROM metric_months", NULL };
static const struct store_sql Q_CLEAR_YEARS = { "DELETE FROM metric_years", NULL };
/* the planner's statistics of the refilled table: without them PostgreSQL
 * planned the first reports after a rebuild as over an empty table (a
 * province's report at 10M did not finish in minutes until autovacuum
 * came by); both backends take ANALYZE inside the transaction */
static const struct store_sql Q_ANALYZE = { "ANALYZE metric_days", NULL };
static const struct store_sql Q_ANALYZE_MONTHS = { "ANALYZE metric_months", NULL };
static const struct store_sql Q_ANALYZE_YEARS = { "ANALYZE metric_years", NULL };
/* PostgreSQL, an import's refill: the statistics of the tables the fill
 * reads, which the import has just written in this transaction
 * (migration 0102: planned from the statistics before the import, the
 * refill of a 1M-clue import ran a clue's EXISTS over dispositions per
 * clue); SQLite sums the refill in C (q_rollup_sum.c) */
static const struct store_sql Q_ANALYZE_SOURCES = { "SELECT 0", "SELECT metric_sources_analyze()" };
#define COLS "stat, dim, val, day, n, f1, f2, f3, f4, sanc"
#define NONZERO "(n <> 0 OR f1 <> 0 OR f2 <> 0 OR f3 <> 0 OR f4 <> 0 OR sanc <> 0)"
#define SUMS "sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)"
/* the grains (migration 0038) from metric_days, set-wise; the same
 * statements as the migration's */
#define GRAIN_COLS(PER) "stat, dim, val, " PER ", n, f1, f2, f3, f4, sanc"
static const struct store_sql Q_FILL_MONTHS = {
	"INSERT INTO metric_months (" GRAIN_COLS("month") ") SELECT stat, dim, val, substr(day, 1, 7), " SUMS
	" FROM metric_days GROUP BY stat, dim, val, substr(day, 1, 7)", NULL };
static const struct store_sql Q_FILL_YEARS = {
	"INSERT INTO metric_years (" GRAIN_COLS("year") ") SELECT stat, dim, val, substr(month, 1, 4), " SUMS
	" FROM metric_months GROUP BY stat, dim, val, substr(month, 1, 4)", NULL };
static const struct store_sql Q_TMP_DROP = { "DROP TABLE IF EXISTS metric_check", NULL };
static const struct store_sql Q_TMP_FILL = {
	"CREATE TEMPORARY TABLE metric_check AS SELECT " COLS " FROM metric_recompute", NULL };
/* The rows of table T (period column PER) that the recomputation grouped
 * to T's grain (the first W characters of its days) does not give, and the
 * converse: for metric_days (W 10) and its two grains in one statement,
 * the period shown as the day. */
#define CHECK_GRAIN(PER, W) "SELECT stat, dim, val, substr(day, 1, " W ") AS " PER ", " \
	"CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1, CAST(sum(f2) AS BIGINT) AS f2, " \
	"CAST(sum(f3) AS BIGINT) AS f3, CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc " \
	"FROM metric_check GROUP BY stat, dim, val, substr(day, 1, " W ")"
#define DIFF(T, PER, W) \
	"SELECT 'rollup', " GRAIN_COLS(PER) " FROM (SELECT " GRAIN_COLS(PER) " FROM " T " WHERE " NONZERO \
	" EXCEPT SELECT " GRAIN_COLS(PER) " FROM (" CHECK_GRAIN(PER, W) ") c) x " \
	"UNION ALL SELECT 'records', " GRAIN_COLS(PER) " FROM (SELECT " GRAIN_COLS(PER) " FROM (" \
	CHECK_GRAIN(PER, W) ") c WHERE " NONZERO " EXCEPT SELECT " GRAIN_COLS(PER) " FROM " T ") y "
static const struct store_sql Q_DIFF = {
	DIFF("metric_days", "day", "10") "UNION ALL " DIFF("metric_months", "month", "7") "UNION ALL "
	DIFF("metric_years", "year", "4") "ORDER BY 2, 3, 4, 5, 1", NULL };

int store_rollup_live(struct store *s)
{
	return (int)q_scalar(store_prepare(s, &Q_LIVE));
}

int store_rollup_reads(struct store *s)
{
	const char *force = getenv("QF_METRICS_LIVE");

	if (force && !strcmp(force, "1"))
		return 0;
	return store_rollup_live(s);
}

/* arg non-NULL: an import's refill, summed in C on SQLite (q_rollup_sum.c:
 * about 150 bytes of memory a metric_days row; `stats rebuild` of a
 * national database keeps the statements, whose sorts spill to disk) */
static int rebuild(struct store *s, void *arg)
{
	int rc;

	/* off first: the fill must not wake the triggers (nor the grains' on
	 * metric_days: they are filled set-wise after it) */
	if ((rc = store_exec(store_prepare(s, &Q_OFF))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_CLEAR))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_CLEAR_MONTHS))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_CLEAR_YEARS))) < 0)
		return rc;
	if (arg && store_backend(s) == STORE_SQLITE) {  /* its GROUP BY sorts: q_rollup_sum.c */
		if ((rc = store_rollup_sum_fill(s)) < 0)
			return rc;
	} else if ((arg && (rc = store_exec(store_prepare(s, &Q_ANALYZE_SOURCES))) < 0) ||
		   (rc = store_rollup_fill_days(s)) < 0 ||
		   (rc = store_exec(store_prepare(s, &Q_FILL_MONTHS))) < 0 ||
		   (rc = store_exec(store_prepare(s, &Q_FILL_YEARS))) < 0) {
		return rc;
	}
	if ((rc = store_exec(store_prepare(s, &Q_ON))) < 0)
		return rc;
	/* an import's refill on SQLite leaves the planner's statistics to the
	 * import's ANALYZE of every table after its commit
	 * (cmd_analyze_after, called by both callers of ix_import: import and
	 * demo); analyzed here too, the three tables were analyzed twice
	 * (sqimp16k: 4% of an import's instructions).  PostgreSQL unchanged */
	if (arg && store_backend(s) == STORE_SQLITE)
		return 0;
	if ((rc = store_exec(store_prepare(s, &Q_ANALYZE))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_ANALYZE_MONTHS))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_ANALYZE_YEARS))) < 0)
		return rc;
	return 0;
}

int store_rollup_rebuild(struct store *s)
{
	return store_tx(s, rebuild, NULL);
}

static const struct store_sql Q_RECORDS = {
	"SELECT (SELECT COALESCE(max(id), 0) FROM clues) + (SELECT COALESCE(max(id), 0) FROM cases) "
	"+ (SELECT COALESCE(max(id), 0) FROM outcomes)", NULL };

int64_t store_rollup_records(struct store *s)
{
	return q_scalar(store_prepare(s, &Q_RECORDS));
}

int store_rollup_off(struct store *s)
{
	return store_exec(store_prepare(s, &Q_OFF)) < 0 ? STORE_ERR : 0;
}

int store_rollup_refill(struct store *s)
{
	return rebuild(s, s);
}

static int check(struct store *s, int max, void (*fn)(const struct rollup_diff *d, void *arg), void *arg)
{
	struct store_stmt *st;
	int rc, n = 0;

	if ((rc = store_exec(store_prepare(s, &Q_TMP_DROP))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_TMP_FILL))) < 0)
		return rc;
	if (!(st = store_prepare(s, &Q_DIFF)))
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct rollup_diff d = {
			store_col_text(st, 0), store_col_text(st, 1), store_col_text(st, 2),
			store_col_text(st, 3), store_col_text(st, 4), store_col_int(st, 5),
			store_col_int(st, 6), store_col_int(st, 7), store_col_int(st, 8),
			store_col_int(st, 9), store_col_int(st, 10),
		};
		if (n++ < max)
			fn(&d, arg);
	}
	store_reset(st);
	return rc < 0 ? rc : n;
}

int store_rollup_check(struct store *s, int max, void (*fn)(const struct rollup_diff *d, void *arg),
		       void *arg)
{
	int rc, n;

	/* one snapshot: the records and metric_days as of one moment */
	if ((rc = store_begin(s, 0)) < 0)
		return rc;
	n = check(s, max, fn, arg);
	rc = store_exec(store_prepare(s, &Q_TMP_DROP));
	if (n < 0 || rc < 0) {
		store_rollback(s);
		return n < 0 ? n : rc;
	}
	if ((rc = store_commit(s)) < 0) {
		store_rollback(s);
		return rc;
	}
	return n;
}
