/*
 * q_rollup.c: the switch, the rebuild and the check of the statistics
 * rollup metric_days (store/q_rollup.h).  What a record contributes is
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
static const struct store_sql Q_OFF = { "UPDATE metric_state SET live = 0", NULL };
static const struct store_sql Q_ON = { "UPDATE metric_state SET live = 1", NULL };
static const struct store_sql Q_CLEAR = { "DELETE FROM metric_days", NULL };
/* the planner's statistics of the refilled table: without them PostgreSQL
 * planned the first reports after a rebuild as over an empty table (a
 * province's report at 10M did not finish in minutes until autovacuum
 * came by); both backends take ANALYZE inside the transaction */
static const struct store_sql Q_ANALYZE = { "ANALYZE metric_days", NULL };
#define COLS "stat, dim, val, day, n, f1, f2, f3, f4, sanc"
#define NONZERO "(n <> 0 OR f1 <> 0 OR f2 <> 0 OR f3 <> 0 OR f4 <> 0 OR sanc <> 0)"
static const struct store_sql Q_FILL = {
	"INSERT INTO metric_days (" COLS ") SELECT " COLS " FROM metric_recompute", NULL };
static const struct store_sql Q_TMP_DROP = { "DROP TABLE IF EXISTS metric_check", NULL };
static const struct store_sql Q_TMP_FILL = {
	"CREATE TEMPORARY TABLE metric_check AS SELECT " COLS " FROM metric_recompute", NULL };
static const struct store_sql Q_DIFF = {
	"SELECT 'rollup', " COLS " FROM (SELECT " COLS " FROM metric_days WHERE " NONZERO
	" EXCEPT SELECT " COLS " FROM metric_check) x "
	"UNION ALL SELECT 'records', " COLS " FROM (SELECT " COLS " FROM metric_check WHERE " NONZERO
	" EXCEPT SELECT " COLS " FROM metric_days) y ORDER BY 2, 3, 4, 5, 1", NULL };

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

static int rebuild(struct store *s, void *arg)
{
	int rc;

	(void)arg;
	/* off first: the fill must not wake the triggers */
	if ((rc = store_exec(store_prepare(s, &Q_OFF))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_CLEAR))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_FILL))) < 0)
		return rc;
	if ((rc = store_exec(store_prepare(s, &Q_ON))) < 0 ||
	    (rc = store_exec(store_prepare(s, &Q_ANALYZE))) < 0)
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
	return rebuild(s, NULL);
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
