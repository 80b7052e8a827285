/*
 * test_grains.c: the split of a statistics period over the rollup's grains
 * (store/q_grains.c) and the triggers that keep the grains (migration 0038).
 * - fixed periods split as the brief of issue 11's grains says: edge days,
 *   whole months, whole years (mid-month starts and ends, whole months, a
 *   whole year, two years, a leap day, a period across a year end), an empty
 *   part unused (its branch's guard 0);
 * - periods between days of 2019-2025 (month edges, the leap day and
 *   every fifth day, a sample of the pairs) covers each day of those years exactly once through
 *   its parts when the day is in the period, never when not, with years
 *   and without;
 * - a row of metric_days inserted, updated (its count, then its day moved
 *   across a month and a year end) and deleted leaves metric_months and
 *   metric_years equal to the sums of metric_days.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/date.h"
#include "store/q_grains.h"
#include "store/q_util.h"
#include "tmpdb.h"

static struct store *db;

#define EMPTY "1", "0"

static void expect_split(const char *from, const char *to, int years, const char *dh0, const char *dh1,
			 const char *dt0, const char *dt1, const char *mh0, const char *mh1, const char *mt0,
			 const char *mt1, const char *y0, const char *y1)
{
	struct grain_split g;
	const char *want[GRAIN_PARTS][2] = { { dh0, dh1 }, { dt0, dt1 }, { mh0, mh1 }, { mt0, mt1 }, { y0, y1 } };

	grain_split(from, to, years, &g);
	for (int i = 0; i < GRAIN_PARTS; i++) {
		int empty = !strcmp(want[i][0], "1") && !strcmp(want[i][1], "0");

		if (strcmp(g.from[i], want[i][0]) || strcmp(g.to[i], want[i][1]))
			fail_msg("%s..%s part %d: %s..%s, want %s..%s", from, to, i, g.from[i], g.to[i], want[i][0],
				 want[i][1]);
		/* the branch's guard (camp16g): an empty range is skipped */
		if (g.used[i] != !empty)
			fail_msg("%s..%s part %d: used %d, want %d", from, to, i, g.used[i], !empty);
	}
}

static void test_fixed(void **state)
{
	(void)state;
	/* mid-month to mid-month of the same month: days only */
	expect_split("2022-03-05", "2022-03-20", 1, "2022-03-05", "2022-03-20", EMPTY, EMPTY, EMPTY, EMPTY);
	/* mid-month to mid-month two months later: edges and one month */
	expect_split("2022-03-05", "2022-05-20", 1, "2022-03-05", "2022-03-31", "2022-05-01", "2022-05-20",
		     "2022-04", "2022-04", EMPTY, EMPTY);
	/* whole months */
	expect_split("2022-03-01", "2022-05-31", 1, EMPTY, EMPTY, "2022-03", "2022-05", EMPTY, EMPTY);
	/* one whole month, February of a leap year */
	expect_split("2024-02-01", "2024-02-29", 1, EMPTY, EMPTY, "2024-02", "2024-02", EMPTY, EMPTY);
	/* ... not whole without its leap day */
	expect_split("2024-02-01", "2024-02-28", 1, "2024-02-01", "2024-02-28", EMPTY, EMPTY, EMPTY, EMPTY);
	/* the leap day alone */
	expect_split("2024-02-29", "2024-02-29", 1, "2024-02-29", "2024-02-29", EMPTY, EMPTY, EMPTY, EMPTY);
	/* a whole year: one year row */
	expect_split("2022-01-01", "2022-12-31", 1, EMPTY, EMPTY, EMPTY, EMPTY, "2022", "2022");
	/* ... as twelve months where a figure is by month */
	expect_split("2022-01-01", "2022-12-31", 0, EMPTY, EMPTY, "2022-01", "2022-12", EMPTY, EMPTY);
	/* two years */
	expect_split("2021-01-01", "2022-12-31", 1, EMPTY, EMPTY, EMPTY, EMPTY, "2021", "2022");
	/* across a year end, no whole month */
	expect_split("2021-12-15", "2022-01-10", 1, "2021-12-15", "2022-01-10", EMPTY, EMPTY, EMPTY, EMPTY);
	/* across a year end with whole months on both sides */
	expect_split("2021-11-15", "2022-02-10", 1, "2021-11-15", "2021-11-31", "2022-02-01", "2022-02-10",
		     "2021-12", "2022-01", EMPTY, EMPTY);
	/* every part: days, months, a year, months, days */
	expect_split("2020-10-15", "2022-03-10", 1, "2020-10-15", "2020-10-31", "2022-03-01", "2022-03-10",
		     "2020-11", "2020-12", "2022-01", "2022-02", "2021", "2021");
	/* a year to date */
	expect_split("2022-01-01", "2022-06-30", 1, EMPTY, EMPTY, "2022-01", "2022-06", EMPTY, EMPTY);
	/* reversed, or no date: all to metric_days as given (nothing or the
	 * same rows as before the grains) */
	expect_split("2022-05-01", "2022-04-01", 1, "2022-05-01", "2022-04-01", EMPTY, EMPTY, EMPTY, EMPTY);
	expect_split("", "9999", 1, "", "9999", EMPTY, EMPTY, EMPTY, EMPTY);
}

/* how many parts of g hold day d (its day, month or year in the part's
 * range, compared as the SQL compares: text of the grain's width) */
static int covered(const struct grain_split *g, const char *d)
{
	const size_t width[GRAIN_PARTS] = { 10, 10, 7, 7, 4 };
	int n = 0;

	for (int i = 0; i < GRAIN_PARTS; i++) {
		char key[11];

		memcpy(key, d, width[i]);
		key[width[i]] = 0;
		n += strcmp(key, g->from[i]) >= 0 && strcmp(key, g->to[i]) <= 0;
	}
	return n;
}

#define SPAN 2557       /* the days of 2019-2025 */

static void test_every_day_once(void **state)
{
	static char days[SPAN][11];
	qf_day lo = date_from_ymd(2019, 1, 1), ends[SPAN];
	int n = 0, y, m, d, d1;

	(void)state;
	for (int t = 0; t < SPAN; t++) {
		date_format(lo + t, days[t]);
		date_to_ymd(lo + t, &y, &m, &d);
		date_to_ymd(lo + t + 1, &y, &m, &d1);
		if (d == 1 || d1 == 1 || t % 5 == 0 || lo + t == date_from_ymd(2024, 2, 29))
			ends[n++] = t;
	}
	assert_string_equal(days[SPAN - 1], "2025-12-31");
	for (int i = 0; i < n; i += 11)
		for (int j = i; j < n; j += 7)
			for (int years = 0; years <= 1; years++) {
				struct grain_split g;

				grain_split(days[ends[i]], days[ends[j]], years, &g);
				for (int t = 0; t < SPAN; t++) {
					int want = t >= ends[i] && t <= ends[j], got = covered(&g, days[t]);
					if (got != want)
						fail_msg("%s..%s (years %d): day %s covered %d times", days[ends[i]],
							 days[ends[j]], years, days[t], got);
				}
			}
}

/* ---- the triggers ------------------------------------------------------------ */

static const struct store_sql Q_ADD = {
	"INSERT INTO metric_days (stat, dim, val, day, n, f1, sanc) VALUES ('t', '', '', ?, ?, ?, 1) "
	"ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + excluded.n, "
	"f1 = metric_days.f1 + excluded.f1, sanc = metric_days.sanc + excluded.sanc", NULL };
static const struct store_sql Q_MOVE = { "UPDATE metric_days SET day = ? WHERE stat = 't' AND day = ?", NULL };
static const struct store_sql Q_DEL = { "DELETE FROM metric_days WHERE stat = 't' AND day = ?", NULL };
/* the rows of the grains that differ from metric_days' sums */
static const struct store_sql Q_BAD = {
	"SELECT (SELECT count(*) FROM (SELECT month, n, f1, sanc FROM metric_months WHERE stat = 't' "
	"AND (n <> 0 OR f1 <> 0 OR sanc <> 0) EXCEPT SELECT substr(day, 1, 7), sum(n), sum(f1), sum(sanc) "
	"FROM metric_days WHERE stat = 't' GROUP BY substr(day, 1, 7)) x) + "
	"(SELECT count(*) FROM (SELECT substr(day, 1, 7), sum(n), sum(f1), sum(sanc) FROM metric_days "
	"WHERE stat = 't' GROUP BY substr(day, 1, 7) HAVING sum(n) <> 0 OR sum(f1) <> 0 OR sum(sanc) <> 0 "
	"EXCEPT SELECT month, n, f1, sanc FROM metric_months WHERE stat = 't') y) + "
	"(SELECT count(*) FROM (SELECT year, n, f1, sanc FROM metric_years WHERE stat = 't' "
	"AND (n <> 0 OR f1 <> 0 OR sanc <> 0) EXCEPT SELECT substr(day, 1, 4), sum(n), sum(f1), sum(sanc) "
	"FROM metric_days WHERE stat = 't' GROUP BY substr(day, 1, 4)) z) + "
	"(SELECT count(*) FROM (SELECT substr(day, 1, 4), sum(n), sum(f1), sum(sanc) FROM metric_days "
	"WHERE stat = 't' GROUP BY substr(day, 1, 4) HAVING sum(n) <> 0 OR sum(f1) <> 0 OR sum(sanc) <> 0 "
	"EXCEPT SELECT year, n, f1, sanc FROM metric_years WHERE stat = 't') w)", NULL };
static const struct store_sql Q_YEAR = {
	"SELECT COALESCE(sum(n), -1) FROM metric_years WHERE stat = 't' AND year = ?", NULL };
static const struct store_sql Q_MONTH = {
	"SELECT COALESCE(sum(n), -1) FROM metric_months WHERE stat = 't' AND month = ?", NULL };

static const struct store_sql Q_SPOIL = {
	"UPDATE metric_years SET n = n + 1 WHERE stat = 't' AND year = '2022'", NULL };

static void add(const char *day, int n)
{
	struct store_stmt *st = store_prepare(db, &Q_ADD);

	assert_non_null(st);
	store_bind_text(st, 1, day);
	store_bind_int(st, 2, n);
	store_bind_int(st, 3, n * 2);
	assert_true(store_exec(st) >= 0);
}

static void run2(const struct store_sql *q, const char *a, const char *b)
{
	struct store_stmt *st = store_prepare(db, q);

	assert_non_null(st);
	store_bind_text(st, 1, a);
	if (b)
		store_bind_text(st, 2, b);
	assert_true(store_exec(st) >= 0);
}

static int64_t grain(const struct store_sql *q, const char *key)
{
	struct store_stmt *st = store_prepare(db, q);

	store_bind_text(st, 1, key);
	return q_scalar(st);
}

static void test_triggers(void **state)
{
	(void)state;
	add("2021-12-31", 3);
	add("2021-12-15", 4);
	add("2022-01-01", 5);
	assert_int_equal(q_scalar(store_prepare(db, &Q_BAD)), 0);
	assert_int_equal(grain(&Q_YEAR, "2021"), 7);
	assert_int_equal(grain(&Q_MONTH, "2022-01"), 5);
	/* the upsert's UPDATE */
	add("2021-12-31", 10);
	assert_int_equal(grain(&Q_YEAR, "2021"), 17);
	assert_int_equal(grain(&Q_MONTH, "2021-12"), 17);
	assert_int_equal(q_scalar(store_prepare(db, &Q_BAD)), 0);
	/* a day moved across the year end, then across a month end */
	run2(&Q_MOVE, "2022-01-02", "2021-12-31");
	assert_int_equal(grain(&Q_YEAR, "2021"), 4);
	assert_int_equal(grain(&Q_YEAR, "2022"), 18);
	run2(&Q_MOVE, "2022-02-28", "2022-01-02");
	assert_int_equal(grain(&Q_MONTH, "2022-01"), 5);
	assert_int_equal(grain(&Q_MONTH, "2022-02"), 13);
	assert_int_equal(q_scalar(store_prepare(db, &Q_BAD)), 0);
	/* a delete */
	run2(&Q_DEL, "2022-02-28", NULL);
	assert_int_equal(grain(&Q_YEAR, "2022"), 5);
	assert_int_equal(grain(&Q_MONTH, "2022-02"), 0);
	assert_int_equal(q_scalar(store_prepare(db, &Q_BAD)), 0);
	/* the check can fail: a grain changed by hand */
	assert_true(store_exec(store_prepare(db, &Q_SPOIL)) >= 0);
	assert_int_equal(q_scalar(store_prepare(db, &Q_BAD)), 2);
}

static int setup(void **state)
{
	(void)state;
	return (db = tmpdb_open("grains")) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return tmpdb_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_every_day_once),
		cmocka_unit_test(test_triggers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
