#ifndef QF_Q_GRAINS_H
#define QF_Q_GRAINS_H
/*
 * q_grains: a period of the statistics split over the rollup's grains
 * (migration 0038): metric_years for the whole years in it, metric_months
 * for the whole months outside those years, metric_days for the edge days
 * (the partial first and last months).  A figure of the period is the sum
 * of GRAIN_BRANCHES' five index ranges; an unused range is empty (from
 * "1" > to "0") and skipped before any seek: each branch starts with a
 * guard on a parameter ("? = 1"), a constant that SQLite tests once
 * before the branch's loop and PostgreSQL as a one-time filter (camp16g:
 * a branch driven by a list of units, /ratings' table, sought every unit
 * in each of the five ranges, four of them empty).  Private to the store.
 */

/* the five ranges, in the order of GRAIN_BRANCHES */
enum grain_part { GRAIN_DAYS_HEAD, GRAIN_DAYS_TAIL, GRAIN_MONTHS_HEAD, GRAIN_MONTHS_TAIL, GRAIN_YEARS,
		  GRAIN_PARTS };

struct grain_split {
	/* inclusive bounds: YYYY-MM-DD, YYYY-MM or YYYY by the part's grain,
	 * in buf or the caller's from and to (do not copy the struct) */
	const char *from[GRAIN_PARTS], *to[GRAIN_PARTS];
	int used[GRAIN_PARTS];          /* 0: the empty range */
	char buf[GRAIN_PARTS][2][16];
};

/* Splits [from, to] (YYYY-MM-DD, inclusive).  With years == 0 the whole
 * months stay months (a figure by month of the year cannot read a year
 * row).  A bound that is no date leaves the whole period to metric_days. */
void grain_split(const char *from, const char *to, int years, struct grain_split *g);

/* The rows of the period from the three tables, as one UNION ALL of five
 * SELECTs of COLS (of a metric_days-shaped row) preceded by the row's
 * period as p (its day, month or year); KEY: the condition on stat, dim,
 * val, the same in each branch; the guard first (1: the range is used). */
#define GRAIN_BRANCH(COLS, KEY, TABLE, PER) \
	"SELECT " PER " AS p, " COLS " FROM " TABLE " WHERE ? = 1 AND " KEY " AND " PER " >= ? AND " PER " <= ?"
#define GRAIN_BRANCHES(COLS, KEY) \
	GRAIN_BRANCH(COLS, KEY, "metric_days", "day") " UNION ALL " \
	GRAIN_BRANCH(COLS, KEY, "metric_days", "day") " UNION ALL " \
	GRAIN_BRANCH(COLS, KEY, "metric_months", "month") " UNION ALL " \
	GRAIN_BRANCH(COLS, KEY, "metric_months", "month") " UNION ALL " \
	GRAIN_BRANCH(COLS, KEY, "metric_years", "year")

struct store_stmt;

/* Binds GRAIN_BRANCHES from index i: in each branch the guard (the part's
 * used), the n_key texts of KEY, then the part's bounds.  Returns the next
 * index. */
int grain_bind(struct store_stmt *st, int i, const struct grain_split *g, const char *const *key,
	       int n_key);

#endif
