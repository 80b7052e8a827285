-- 0086: detentions by campaign in the statistics rollup (issue 16,
-- camp16g; docs/statistics.md "Detained by campaign").  `detained` counts
-- DISTINCT persons whose detention started in the period, so a per-day
-- count does not add up; the campaign's figure (/campaigns/{id}, the
-- annual report's detained-by-campaign) was a live count(DISTINCT) over
-- every detention of the period joined to its case (162 ms at 10M).
-- Stat `detained`, one dimension per campaign, one value per person:
-- dim 'campaign:' || the case's campaign id, val the person id as text,
-- day the detention's start_day, n the person's detentions of the
-- campaign's cases starting that day.  The grains (0038) then hold, per
-- month and year, the same per person; a period's distinct persons are
-- the distinct vals with n <> 0 over the period's edge days, whole months
-- and whole years (store/q_metrics.c Q_ROLL_DISTINCT): the cells partition
-- the period, so a person with a detention in it has n <> 0 in at least
-- one cell and is counted once.  Exact for any period, unlike a person's
-- first day.
--
-- Added to metric_family_contrib as kind 'detention' (a detention's
-- contribution reads its case's campaign); metric_deps gets 'case*' X ->
-- the detentions of case X, so 0028's triggers on cases (UPDATE OF
-- campaign_id, ...) re-apply them.  The detentions' own triggers are in
-- 0086_*.sqlite.sql / .pg.sql.  store/q_rollup_sum.c reads the views: no
-- change there.  Views cannot be altered: metric_family_contrib,
-- metric_recompute and metric_deps are created again with 0078's branches
-- unchanged.
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
		WHERE c.campaign_id IS NOT NULL;

CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_family_contrib) c
	GROUP BY stat, dim, val, day;

-- 0078's dependencies and one more: 'case*' X, the detentions of case X
-- (their rows read its campaign: 0028's triggers on cases queue 'case*')
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
	UNION ALL SELECT 'activity*', activity_id, 'problem', id FROM problems WHERE activity_id IS NOT NULL
	UNION ALL SELECT 'case*', case_id, 'detention', id FROM detentions;

-- the new stat's rows, through an INSERT so that the grains' triggers on
-- metric_days (0038) see them (as 0076)
INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT), 0, 0, 0, 0, 0
	FROM metric_family_contrib WHERE kind = 'detention'
	GROUP BY stat, dim, val, day;
