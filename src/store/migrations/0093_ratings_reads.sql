-- 0093: /ratings' list and unit table read from indexes (issue 16,
-- ratings16h).  The list is ORDER BY day DESC, id DESC; ratings_day is
-- (day, unit_id, stars) for the period's counts, so each view read every
-- rating of the last day (1,400-2,000 at 10M records, their comments
-- too) and sorted them for the first 50: 6 ms warm, 60 ms cold.  With
-- the order's columns in an index the first page is 50 rows.
CREATE INDEX ratings_day_id ON ratings(day, id);

-- /ratings' table of units (q_metrics.c Q_ROLL_BY_UNIT_ALL) sums n and f1
-- (ratings, five stars) of the period's year rows of every unit: with f1
-- in metric_years_all the 4,204 rows at 10M are read from the index alone
-- (the same columns first: every read of it before is served as before).
DROP INDEX metric_years_all;
CREATE INDEX metric_years_all ON metric_years(stat, dim, year, val, n, f1);
