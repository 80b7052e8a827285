-- 0076: the rectification ledger's problems in the statistics rollup
-- (issue 16, fam16b; docs/statistics.md "The families' rows").  The
-- problems' figures were counted live at every view: at 2M records 43,033
-- problems a year, problems_rectified every rectified problem of the year
-- (42 ms), the found ones in groups (q_mgroups.c).  Two more stats of
-- metric_days, with the dimensions of the live statements that need no
-- other record (store/q_problems.c P_M_SCOPE: the rectifying unit and the
-- problem's own campaign; kind and category are the activity's, which a
-- problem's row would have to follow, so those scopes stay live or in
-- groups):
-- * problem: on the day the problem was found (`found`), n = 1, f1 = 1
--   when it concerns the top leader, f2 = 1 when its nature is common, f3
--   = 1 when individual (Q_M_FOUND, Q_M_TOP, Q_M_COMMON, Q_M_INDIVIDUAL);
-- * problem_rectified: on its `rectified` day while its state is
--   rectified (Q_M_RECTIFIED: a return clears both), n = 1;
-- each with dims '', 'unit' (the unit id as text) and 'campaign' (the
-- campaign id as text, none without a campaign).
--
-- Added to metric_family_contrib (0069) as kind 'problem'; a problem's
-- contribution reads only itself, so its triggers (0076_*.sqlite.sql /
-- .pg.sql) queue the problem.  store/q_rollup_sum.c reads the view: no
-- change there.  metric_recompute reads the view and is created again
-- after it (PostgreSQL refuses to drop a view another one reads).
DROP VIEW metric_recompute;
DROP VIEW metric_family_contrib;
CREATE VIEW metric_family_contrib AS
	SELECT 'rating' AS kind, id, 'rating' AS stat, '' AS dim, '' AS val, day,
		CAST(1 AS BIGINT) AS n, CASE WHEN stars = 5 THEN 1 ELSE 0 END AS f1,
		0 AS f2, 0 AS f3, 0 AS f4, 0 AS sanc
		FROM ratings
	UNION ALL SELECT 'rating', id, 'rating', 'unit', CAST(unit_id AS TEXT), day,
		1, CASE WHEN stars = 5 THEN 1 ELSE 0 END, 0, 0, 0, 0
		FROM ratings
	UNION ALL SELECT 'problem', id, 'problem', '', '', found, 1,
		CASE WHEN top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN nature = 'common' THEN 1 ELSE 0 END, CASE WHEN nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems
	UNION ALL SELECT 'problem', id, 'problem', 'unit', CAST(unit_id AS TEXT), found, 1,
		CASE WHEN top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN nature = 'common' THEN 1 ELSE 0 END, CASE WHEN nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems
	UNION ALL SELECT 'problem', id, 'problem', 'campaign', CAST(campaign_id AS TEXT), found, 1,
		CASE WHEN top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN nature = 'common' THEN 1 ELSE 0 END, CASE WHEN nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems
		WHERE campaign_id IS NOT NULL
	UNION ALL SELECT 'problem', id, 'problem_rectified', '', '', rectified, 1, 0, 0, 0, 0, 0
		FROM problems WHERE state = 'rectified' AND rectified IS NOT NULL
	UNION ALL SELECT 'problem', id, 'problem_rectified', 'unit', CAST(unit_id AS TEXT), rectified, 1, 0, 0, 0, 0, 0
		FROM problems WHERE state = 'rectified' AND rectified IS NOT NULL
	UNION ALL SELECT 'problem', id, 'problem_rectified', 'campaign', CAST(campaign_id AS TEXT), rectified, 1, 0, 0, 0, 0, 0
		FROM problems WHERE state = 'rectified' AND rectified IS NOT NULL AND campaign_id IS NOT NULL;

CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_family_contrib) c
	GROUP BY stat, dim, val, day;

-- the new stats' rows, through an INSERT so that the grains' triggers on
-- metric_days (0038) see them (as 0069)
INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT), CAST(sum(f1) AS BIGINT), CAST(sum(f2) AS BIGINT),
		CAST(sum(f3) AS BIGINT), 0, 0
	FROM metric_family_contrib WHERE kind = 'problem' GROUP BY stat, dim, val, day;
