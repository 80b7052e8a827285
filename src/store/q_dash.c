/*
 * q_dash.c: the dashboard's breakdowns (store/q_dash.h).  Months are the
 * characters 6-7 of the stored day (substr works alike in SQLite and
 * PostgreSQL).  While the statistics rollup is live (store/q_rollup.h) they
 * read the rollup: the rows of stat clue_received / case_filed for the
 * whole commission (dim ''), by source and by unit (a record's own unit,
 * as clues.unit_id and cases.unit_id), a sum over the period's edge days
 * (metric_days), whole months and whole years (0038's metric_months and
 * metric_years, store/q_grains.h); otherwise the records, the period bounds on the indexes on
 * clues.received (clues_unit_received leads with the unit: the month and
 * source counts read clues_received) and cases.filed.
 */
#include "store/q_dash.h"
#include "store/q_grains.h"
#include "store/q_rollup.h"
#include "store/q_util.h"

#include <stdlib.h>
#include <string.h>

/* 0095's kept pieces recounted after a bulk import (store_dash_kept_recount);
 * SQLite's triggers ran: nothing to do there */
static const struct store_sql Q_PERSON_YEARS_CLEAR = { "SELECT 0", "DELETE FROM person_years" };
static const struct store_sql Q_PERSON_YEARS_FILL = { "SELECT 0",
	"INSERT INTO person_years (stat, year, person_id, n) "
	"SELECT 'integrity_files', CAST(substr(day, 1, 4) AS INTEGER), person_id, count(*) FROM integrity_updates "
	"GROUP BY 2, 3 UNION ALL "
	"SELECT 'detained', CAST(substr(start_day, 1, 4) AS INTEGER), person_id, count(*) FROM detentions "
	"GROUP BY 2, 3" };
/* and 0108's count of them per figure and year, after them */
static const struct store_sql Q_PERSON_YEAR_COUNTS_CLEAR = { "SELECT 0", "DELETE FROM person_year_counts" };
static const struct store_sql Q_PERSON_YEAR_COUNTS_FILL = { "SELECT 0",
	"INSERT INTO person_year_counts (stat, year, n) "
	"SELECT stat, year, count(*) FROM person_years GROUP BY stat, year" };
/* and 0109's running verifications by office and start day (q_clues.c) */
static const struct store_sql Q_VERIFICATION_DAYS_CLEAR = { "SELECT 0", "DELETE FROM verification_days" };
static const struct store_sql Q_VERIFICATION_DAYS_FILL = { "SELECT 0",
	"INSERT INTO verification_days (office, unset, day, n) "
	"SELECT COALESCE(verification_office, ''), CAST(verification_office IS NULL AS INTEGER), clock_start, count(*) "
	"FROM clues WHERE state = 'preliminary_verification' AND clock_start IS NOT NULL GROUP BY 1, 2, 3" };
static const struct store_sql Q_LEAD_OFFICE_RECOUNT = { "SELECT 0",
	"UPDATE cases SET lead_office = case_lead_office_of(id) "
	"WHERE id IN (SELECT case_id FROM case_team WHERE role = 'lead') "
	"AND lead_office IS DISTINCT FROM case_lead_office_of(id)" };

static const struct store_sql Q_CLUE_MONTHS = {
	"SELECT substr(received, 6, 2), count(*) FROM clues WHERE received >= ? AND received <= ? "
	"GROUP BY substr(received, 6, 2)", NULL };
static const struct store_sql Q_CASE_MONTHS = {
	"SELECT substr(filed, 6, 2), count(*) FROM cases WHERE filed >= ? AND filed <= ? "
	"GROUP BY substr(filed, 6, 2)", NULL };
static const struct store_sql Q_LATEST = {
	"SELECT max(received) FROM clues WHERE received <= ?", NULL };
static const struct store_sql Q_SOURCES = {
	"SELECT source, count(*) FROM clues WHERE received >= ? AND received <= ? "
	"GROUP BY source ORDER BY count(*) DESC, source", NULL };
static const struct store_sql Q_UNITS = {
	"SELECT id, name, nc, nk FROM (SELECT u.id, u.name, "
	"(SELECT count(*) FROM clues k WHERE k.unit_id = u.id AND k.received >= ? AND k.received <= ?) AS nc, "
	"(SELECT count(*) FROM cases c WHERE c.unit_id = u.id AND c.filed >= ? AND c.filed <= ?) AS nk "
	"FROM units u) t WHERE nc + nk > 0 ORDER BY nc + nk DESC, id LIMIT 8", NULL };

/* the same from the rollup's grains (store/q_grains.h: edge days, whole
 * months, whole years; the months by month of the year without years),
 * the branches bound by grain_bind: R_MONTHS' stat in each.  R_UNITS
 * joins on u.id = CAST(t.val ...), not CAST(u.id AS TEXT) = t.val: the
 * latter scanned every unit for every group (5,239 x 5,000 casts, 2.7 s
 * of the dashboard at 2M records), the former is a primary-key lookup;
 * and it keeps the eight first (sum(n) is nc + nk: the two stats only),
 * then joins their names: PostgreSQL joined all 5,239 groups by hash
 * before the LIMIT (17 -> 10 ms at 2M).  Every unit row is a unit. */
static const struct store_sql R_MONTHS = {
	"SELECT substr(p, 6, 2), CAST(sum(n) AS BIGINT) FROM ("
	GRAIN_BRANCHES("n", "stat = ? AND dim = '' AND val = ''") ") g GROUP BY substr(p, 6, 2)", NULL };
static const struct store_sql R_SOURCES = {
	"SELECT val, CAST(sum(n) AS BIGINT) FROM ("
	GRAIN_BRANCHES("val, n", "stat = 'clue_received' AND dim = 'source'")
	") g GROUP BY val HAVING sum(n) > 0 ORDER BY sum(n) DESC, val", NULL };
static const struct store_sql R_UNITS = {
	"SELECT u.id, u.name, t.nc, t.nk FROM (SELECT CAST(val AS BIGINT) AS id, "
	"CAST(sum(CASE WHEN stat = 'clue_received' THEN n ELSE 0 END) AS BIGINT) AS nc, "
	"CAST(sum(CASE WHEN stat = 'case_filed' THEN n ELSE 0 END) AS BIGINT) AS nk FROM ("
	GRAIN_BRANCHES("stat, val, n", "stat IN ('clue_received', 'case_filed') AND dim = 'unit'")
	") g GROUP BY val HAVING sum(n) > 0 ORDER BY sum(n) DESC, CAST(val AS BIGINT) LIMIT 8) t "
	"JOIN units u ON u.id = t.id ORDER BY t.nc + t.nk DESC, u.id", NULL };

_Static_assert(DASH_TOP_UNITS == 8, "Q_UNITS, R_UNITS: LIMIT 8");

/* count(*) by month into out[12]; from the grains' stat `stat` when set. */
static int by_month(struct store *s, const struct store_sql *q, const char *stat, const char *from,
		    const char *to, int64_t out[12])
{
	struct store_stmt *st = store_prepare(s, stat ? &R_MONTHS : q);
	struct grain_split g;
	int rc;

	memset(out, 0, 12 * sizeof(out[0]));
	if (!st)
		return STORE_ERR;
	if (stat) {
		grain_split(from, to, 0, &g);
		grain_bind(st, 1, &g, &stat, 1);
	} else {
		store_bind_text(st, 1, from);
		store_bind_text(st, 2, to);
	}
	while ((rc = store_step(st)) == STORE_ROW) {
		int m = atoi(store_col_text(st, 0));
		if (m >= 1 && m <= 12)
			out[m - 1] = store_col_int(st, 1);
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static void fill_source(struct arena *a, struct store_stmt *st, void *row)
{
	struct dash_group *g = row;

	g->key = q_text(a, st, 0);
	g->clues = store_col_int(st, 1);
}

static void fill_unit(struct arena *a, struct store_stmt *st, void *row)
{
	struct dash_group *g = row;

	g->id = store_col_int(st, 0);
	g->key = q_text(a, st, 1);
	g->clues = store_col_int(st, 2);
	g->cases = store_col_int(st, 3);
}

/* The period of a statement without a key: the grains' branches (g), or
 * the two bounds of the live statement. */
static void bind_period(struct store_stmt *st, const struct grain_split *g, const char *from, const char *to)
{
	if (g) {
		grain_bind(st, 1, g, NULL, 0);
		return;
	}
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
}

int store_dash_breakdown(struct store *s, struct arena *a, const char *from, const char *to,
			 struct dash_breakdown *d)
{
	struct grain_split g;
	struct store_stmt *st;
	int rc, roll = store_rollup_reads(s);

	memset(d, 0, sizeof(*d));
	if (roll < 0)
		return roll;
	if ((rc = by_month(s, &Q_CLUE_MONTHS, roll ? "clue_received" : NULL, from, to,
			   d->clues_by_month)) < 0 ||
	    (rc = by_month(s, &Q_CASE_MONTHS, roll ? "case_filed" : NULL, from, to, d->cases_by_month)) < 0)
		return rc;
	grain_split(from, to, 1, &g);
	if (!(st = store_prepare(s, roll ? &R_SOURCES : &Q_SOURCES)))
		return STORE_ERR;
	bind_period(st, roll ? &g : NULL, from, to);
	if ((d->n_sources = q_collect(st, a, fill_source, sizeof(*d->sources), &d->sources)) < 0)
		return d->n_sources;
	if (!(st = store_prepare(s, roll ? &R_UNITS : &Q_UNITS)))
		return STORE_ERR;
	bind_period(st, roll ? &g : NULL, from, to);
	if (!roll) {
		store_bind_text(st, 3, from);    /* Q_UNITS: the period of cases */
		store_bind_text(st, 4, to);
	}
	if ((d->n_units = q_collect(st, a, fill_unit, sizeof(*d->units), &d->units)) < 0)
		return d->n_units;
	return 0;
}

int store_dash_latest_day(struct store *s, struct arena *a, const char *until, const char **day)
{
	struct store_stmt *st = store_prepare(s, &Q_LATEST);
	int rc;

	*day = NULL;
	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, until);
	rc = store_step(st);
	if (rc == STORE_ROW && *store_col_text(st, 0))
		*day = arena_strdup(a, store_col_text(st, 0));
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int store_dash_kept_recount(struct store *s)
{
	if (store_backend(s) != STORE_PG)
		return 0;
	return store_exec(store_prepare(s, &Q_PERSON_YEARS_CLEAR)) < 0 ||
	       store_exec(store_prepare(s, &Q_PERSON_YEARS_FILL)) < 0 ||
	       store_exec(store_prepare(s, &Q_PERSON_YEAR_COUNTS_CLEAR)) < 0 ||
	       store_exec(store_prepare(s, &Q_PERSON_YEAR_COUNTS_FILL)) < 0 ||
	       store_exec(store_prepare(s, &Q_VERIFICATION_DAYS_CLEAR)) < 0 ||
	       store_exec(store_prepare(s, &Q_VERIFICATION_DAYS_FILL)) < 0 ||
	       store_exec(store_prepare(s, &Q_LEAD_OFFICE_RECOUNT)) < 0 ? STORE_ERR : 0;
}
