-- 0093: /ratings' list read in its order from one index (issue 16,
-- ratings16h).  The list is ORDER BY day DESC, id DESC; ratings_day is
-- (day, unit_id, stars) for the period's counts, so each view read every
-- rating of the last day (1,400-2,000 at 10M records, their comments
-- too) and sorted them for the first 50: 6 ms warm, 60 ms cold.  With
-- the order's columns in an index the first page is 50 rows.
CREATE INDEX ratings_day_id ON ratings(day, id);
