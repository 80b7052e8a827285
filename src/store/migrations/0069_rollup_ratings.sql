-- 0069: the public ratings (码上问效) in the statistics rollup (issue 16,
-- fam16; docs/statistics.md "The rollup metric_days").  Ratings are the
-- largest family counted live (113,850 at 2M records, about 570,000 at
-- 10M; a province's year 10M): the figures ratings and ratings_5star
-- (store/q_ratings.c Q_M_RATINGS) read every rating of the period at every
-- view.  One more stat of metric_days, with the dimensions the live
-- statement honours (the unit member only):
-- * rating: n = 1 per rating, f1 = 1 when it has five stars, on its day;
--   dims '' and 'unit' (the rating's unit id as text).
--
-- metric_family_contrib lists the contributions of the families of issues
-- 13-15 beside 0028's metric_contrib and 0039's metric_acct_contrib (kind
-- 'rating'; a later family adds its branches here); metric_recompute
-- groups all three, so `stats rebuild`, `stats check` and an import's
-- refill cover them (store/q_rollup_sum.c reads the same three views: keep
-- them in step).  A rating's contribution reads only itself, so its
-- triggers (0069_rollup_ratings.sqlite.sql / .pg.sql) queue the rating.
CREATE VIEW metric_family_contrib AS
	SELECT 'rating' AS kind, id, 'rating' AS stat, '' AS dim, '' AS val, day,
		CAST(1 AS BIGINT) AS n, CASE WHEN stars = 5 THEN 1 ELSE 0 END AS f1,
		0 AS f2, 0 AS f3, 0 AS f4, 0 AS sanc
		FROM ratings
	UNION ALL SELECT 'rating', id, 'rating', 'unit', CAST(unit_id AS TEXT), day,
		1, CASE WHEN stars = 5 THEN 1 ELSE 0 END, 0, 0, 0, 0
		FROM ratings;

DROP VIEW metric_recompute;
CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_family_contrib) c
	GROUP BY stat, dim, val, day;

-- the new stat's rows, through an INSERT so that the grains' triggers on
-- metric_days (0038) see them; while the rollup is off nothing reads
-- metric_days and `stats rebuild` refills every stat
INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT), CAST(sum(f1) AS BIGINT), 0, 0, 0, 0
	FROM metric_family_contrib GROUP BY stat, dim, val, day;
