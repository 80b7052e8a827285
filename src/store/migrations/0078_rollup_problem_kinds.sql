-- 0078: the problems' kind and category in the statistics rollup (issue
-- 16, famkind16f; docs/statistics.md "The families' rows").  0076 put the
-- problems in metric_days under '', unit and campaign; every problem
-- figure of the annual report is scoped by kind (and some also by campaign
-- or category), which is the problem's ACTIVITY's (0061: problems.activity_id;
-- a problem without an activity matches no kind and no category), so the
-- annual report still counted them live.  Four more dimensions of the two
-- stats of 0076 (problem on the found day, problem_rectified on the
-- rectified day while rectified), each from the problem joined to its
-- activity:
-- * kind: the activity's kind code;
-- * category: the activity's category (none when it has none);
-- * kind_campaign: kind ':' the problem's own campaign id (none without);
-- * kind_category: kind ':' the activity's category (none without).
-- Kind codes are [a-z0-9_] (activity_kinds), so ':' cannot be part of one.
--
-- A problem's rows now also follow its activity: metric_deps gets the
-- kind 'activity*' (an activity and the problems it found), which the
-- activities' triggers queue (0078_*.sqlite.sql / .pg.sql), and the
-- problems' triggers wake on activity_id too (0076's are created again
-- there with that column).  Views cannot be altered: metric_family_contrib
-- (0076), metric_recompute (0076) and metric_deps (0028) are created again
-- with their old branches unchanged.  store/q_rollup_sum.c reads the
-- views: no change there.
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
		WHERE p.state = 'rectified' AND p.rectified IS NOT NULL AND a.category IS NOT NULL AND a.category <> '';

CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_family_contrib) c
	GROUP BY stat, dim, val, day;

-- 0028's dependencies and one more: 'activity*' X, the problems activity X
-- found (their kind and category rows read it)
DROP VIEW metric_deps;
CREATE VIEW metric_deps AS
	SELECT 'clue' AS kind, id, 'clue' AS dep_kind, id AS dep_id FROM clues
	UNION ALL SELECT 'clue*', id, 'clue', id FROM clues
	UNION ALL SELECT 'clue*', clue_id, 'case', id FROM cases
	UNION ALL SELECT 'clue*', clue_id, 'outcome', id FROM outcomes WHERE clue_id IS NOT NULL
	UNION ALL SELECT 'clue*', c.clue_id, 'outcome', o.id FROM cases c JOIN outcomes o ON o.case_id = c.id
	UNION ALL SELECT 'clue*', clue_id, 'clarification', id FROM clarifications WHERE clue_id IS NOT NULL
	UNION ALL SELECT 'clue*', cl.clue_id, 'followup', f.id
		FROM clarifications cl JOIN followups f ON f.clarification_id = cl.id
	UNION ALL SELECT 'case', id, 'case', id FROM cases
	UNION ALL SELECT 'case*', id, 'case', id FROM cases
	UNION ALL SELECT 'case*', case_id, 'outcome', id FROM outcomes WHERE case_id IS NOT NULL
	UNION ALL SELECT 'case*', case_id, 'clarification', id FROM clarifications WHERE case_id IS NOT NULL
	UNION ALL SELECT 'case*', cl.case_id, 'followup', f.id
		FROM clarifications cl JOIN followups f ON f.clarification_id = cl.id
	UNION ALL SELECT 'outcome', id, 'outcome', id FROM outcomes
	UNION ALL SELECT 'outcome*', id, 'outcome', id FROM outcomes
	UNION ALL SELECT 'outcome*', outcome_id, 'followup', id FROM followups WHERE outcome_id IS NOT NULL
	UNION ALL SELECT 'clarification', id, 'clarification', id FROM clarifications
	UNION ALL SELECT 'clarification*', id, 'clarification', id FROM clarifications
	UNION ALL SELECT 'clarification*', clarification_id, 'followup', id FROM followups
		WHERE clarification_id IS NOT NULL
	UNION ALL SELECT 'followup', id, 'followup', id FROM followups
	UNION ALL SELECT 'activity*', activity_id, 'problem', id FROM problems WHERE activity_id IS NOT NULL;

-- the new dimensions' rows, through an INSERT so that the grains' triggers
-- on metric_days (0038) see them (as 0076)
INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT), CAST(sum(f1) AS BIGINT), CAST(sum(f2) AS BIGINT),
		CAST(sum(f3) AS BIGINT), 0, 0
	FROM metric_family_contrib
	WHERE kind = 'problem' AND dim IN ('kind', 'category', 'kind_campaign', 'kind_category')
	GROUP BY stat, dim, val, day;
