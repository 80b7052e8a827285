-- 0089: the work log's sums in the statistics rollup (issue 16, wlog16g;
-- docs/statistics.md "The families' rows").  The annual report's work-log
-- figures (store/q_worklog.c store_metric_activities: sum(count) and
-- sum(participants) of the period's activities, scoped by unit, campaign,
-- category and kind lists) were read live, in groups (q_mgroups.c): at 10M
-- the year's 93,366 activities in ~234 ms at the first view after a write.
-- One more stat of metric_days, kind 'activity' of metric_family_contrib:
-- * activity: on the activity's day, n = its count, f1 = its participants;
-- with the dimensions of 0078's problems, from the activity itself:
-- '', unit (the unit id as text, none without a unit), campaign (none
-- without), category (none when empty), kind (the kind code),
-- kind_campaign (kind ':' campaign id) and kind_category (kind ':'
-- category).  Kind codes are [a-z0-9_], so ':' cannot be part of one.
-- An activity's contribution reads only itself: its triggers
-- (0089_*.sqlite.sql / .pg.sql) queue it as kind 'activity' (metric_deps
-- unchanged: 0078's 'activity*' still moves the problems it found).  The
-- views are created again with their old branches (0078's, 0086's
-- detentions) unchanged (PostgreSQL refuses to drop a view another one
-- reads); store/q_rollup_sum.c reads them: no change there.
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
	UNION ALL SELECT 'problem', p.id, 'problem', 'kind', a.kind, p.found, 1,
		CASE WHEN p.top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN p.nature = 'common' THEN 1 ELSE 0 END, CASE WHEN p.nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
	UNION ALL SELECT 'problem', p.id, 'problem', 'category', a.category, p.found, 1,
		CASE WHEN p.top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN p.nature = 'common' THEN 1 ELSE 0 END, CASE WHEN p.nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE a.category IS NOT NULL AND a.category <> ''
	UNION ALL SELECT 'problem', p.id, 'problem', 'kind_campaign', a.kind || ':' || CAST(p.campaign_id AS TEXT),
		p.found, 1, CASE WHEN p.top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN p.nature = 'common' THEN 1 ELSE 0 END, CASE WHEN p.nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE p.campaign_id IS NOT NULL
	UNION ALL SELECT 'problem', p.id, 'problem', 'kind_category', a.kind || ':' || a.category, p.found, 1,
		CASE WHEN p.top_leader = 1 THEN 1 ELSE 0 END,
		CASE WHEN p.nature = 'common' THEN 1 ELSE 0 END, CASE WHEN p.nature = 'individual' THEN 1 ELSE 0 END, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE a.category IS NOT NULL AND a.category <> ''
	UNION ALL SELECT 'problem', id, 'problem_rectified', '', '', rectified, 1, 0, 0, 0, 0, 0
		FROM problems WHERE state = 'rectified' AND rectified IS NOT NULL
	UNION ALL SELECT 'problem', id, 'problem_rectified', 'unit', CAST(unit_id AS TEXT), rectified, 1, 0, 0, 0, 0, 0
		FROM problems WHERE state = 'rectified' AND rectified IS NOT NULL
	UNION ALL SELECT 'problem', id, 'problem_rectified', 'campaign', CAST(campaign_id AS TEXT), rectified, 1, 0, 0, 0, 0, 0
		FROM problems WHERE state = 'rectified' AND rectified IS NOT NULL AND campaign_id IS NOT NULL
	UNION ALL SELECT 'problem', p.id, 'problem_rectified', 'kind', a.kind, p.rectified, 1, 0, 0, 0, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE p.state = 'rectified' AND p.rectified IS NOT NULL
	UNION ALL SELECT 'problem', p.id, 'problem_rectified', 'category', a.category, p.rectified, 1, 0, 0, 0, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE p.state = 'rectified' AND p.rectified IS NOT NULL AND a.category IS NOT NULL AND a.category <> ''
	UNION ALL SELECT 'problem', p.id, 'problem_rectified', 'kind_campaign',
		a.kind || ':' || CAST(p.campaign_id AS TEXT), p.rectified, 1, 0, 0, 0, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE p.state = 'rectified' AND p.rectified IS NOT NULL AND p.campaign_id IS NOT NULL
	UNION ALL SELECT 'problem', p.id, 'problem_rectified', 'kind_category', a.kind || ':' || a.category,
		p.rectified, 1, 0, 0, 0, 0, 0
		FROM problems p JOIN activities a ON a.id = p.activity_id
		WHERE p.state = 'rectified' AND p.rectified IS NOT NULL AND a.category IS NOT NULL AND a.category <> ''
	UNION ALL SELECT 'detention', d.id, 'detained', 'campaign:' || CAST(c.campaign_id AS TEXT),
		CAST(d.person_id AS TEXT), d.start_day, 1, 0, 0, 0, 0, 0
		FROM detentions d JOIN cases c ON c.id = d.case_id
		WHERE c.campaign_id IS NOT NULL
	UNION ALL SELECT 'activity', id, 'activity', '', '', day, CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities
	UNION ALL SELECT 'activity', id, 'activity', 'unit', CAST(unit_id AS TEXT), day, CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities WHERE unit_id IS NOT NULL
	UNION ALL SELECT 'activity', id, 'activity', 'campaign', CAST(campaign_id AS TEXT), day, CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities WHERE campaign_id IS NOT NULL
	UNION ALL SELECT 'activity', id, 'activity', 'category', category, day, CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities WHERE category IS NOT NULL AND category <> ''
	UNION ALL SELECT 'activity', id, 'activity', 'kind', kind, day, CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities
	UNION ALL SELECT 'activity', id, 'activity', 'kind_campaign', kind || ':' || CAST(campaign_id AS TEXT), day,
		CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities WHERE campaign_id IS NOT NULL
	UNION ALL SELECT 'activity', id, 'activity', 'kind_category', kind || ':' || category, day, CAST(count AS BIGINT), participants, 0, 0, 0, 0
		FROM activities WHERE category IS NOT NULL AND category <> '';

CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_family_contrib) c
	GROUP BY stat, dim, val, day;

-- the new stat's rows, through an INSERT so that the grains' triggers on
-- metric_days (0038) see them (as 0076, 0078)
INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT), CAST(sum(f1) AS BIGINT), 0, 0, 0, 0
	FROM metric_family_contrib
	WHERE kind = 'activity'
	GROUP BY stat, dim, val, day;
