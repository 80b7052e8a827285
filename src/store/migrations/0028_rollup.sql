-- 0028: the statistics rollup (issue 11 at national scale; helper rollup;
-- docs/statistics.md "Speed").
--
-- metric_days holds, per (stat, dim, val, day), the additive counts the
-- live statements of store/q_metrics.c would count for that one day and
-- that one scope member: dim '' (val '') is the whole commission; unit,
-- campaign (ids as decimal text), category, source, organ (codes), rank
-- (one row per distinct rank among the record's subject snapshots), top,
-- lead, key (val '1': a subject snapshot is top leader / leadership
-- member / top leader or leadership member or section rank).  A figure
-- for a period and one member is a sum over an index range.
--
-- The rows are computed, never written by C:
-- * metric_contrib (a view) lists every record's contribution, one row per
--   (stat, dim, val) with n = 1 and, for outcomes, the per-form flags;
--   metric_recompute groups it (what `qingfeng stats rebuild` loads and
--   `stats check` compares with).
-- * The triggers of 0028_rollup.sqlite.sql / .pg.sql keep metric_days up
--   to date on every write while metric_state.live = 1: before a change
--   they subtract, after it they add, the contribution of the record
--   changed and of every record whose contribution reads it (metric_deps),
--   through metric_apply, whose trigger runs one upsert per record.
-- * metric_state.live = 0 (bulk loads) stops the triggers; the statistics
--   then use the live statements until `qingfeng stats rebuild`.
--
-- detained (distinct persons), accountabilities, recovered and returned stay
-- live statements: not additive over days, or small tables.
CREATE TABLE metric_days (
	stat TEXT NOT NULL,
	dim  TEXT NOT NULL,
	val  TEXT NOT NULL,
	day  TEXT NOT NULL,
	n    BIGINT NOT NULL DEFAULT 0,
	f1   BIGINT NOT NULL DEFAULT 0,
	f2   BIGINT NOT NULL DEFAULT 0,
	f3   BIGINT NOT NULL DEFAULT 0,
	f4   BIGINT NOT NULL DEFAULT 0,
	sanc BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (stat, dim, val, day)
);

-- a period of every value of one dimension (the dashboard's units by clues
-- and cases): the primary key leads with the value
CREATE INDEX metric_days_day ON metric_days(stat, dim, day);

-- live = 1: the triggers maintain metric_days and the statistics read it
CREATE TABLE metric_state (
	one  INTEGER PRIMARY KEY CHECK (one = 1),
	live INTEGER NOT NULL CHECK (live IN (0, 1))
);
INSERT INTO metric_state (one, live) VALUES (1, 1);

-- the records whose contribution a trigger applies (sign -1 or 1); always
-- empty between statements (its own trigger consumes each row)
CREATE TABLE metric_apply (
	kind TEXT NOT NULL,
	id   BIGINT NOT NULL,
	sign INTEGER NOT NULL
);

-- the dependency lookups of metric_deps
CREATE INDEX clarifications_case ON clarifications(case_id);
CREATE INDEX clarifications_clue ON clarifications(clue_id);

-- ---- the dimensions of each kind of record ----------------------------------
-- one row per (record, dim, val), with the record's day columns

-- a clue: disposed is its first_disposed when Q_CLUES_DISPOSED counts it
CREATE VIEW metric_clue_base AS
	SELECT k.id, k.received, k.unit_id, k.campaign_id, k.source,
		CASE WHEN k.first_disposed IS NOT NULL AND EXISTS (SELECT 1 FROM dispositions d
			WHERE d.clue_id = k.id AND d.state = 'approved' AND d.method <> 'transfer')
		THEN k.first_disposed END AS disposed
	FROM clues k;
CREATE VIEW metric_clue_dims AS
	SELECT id, received, disposed, '' AS dim, '' AS val FROM metric_clue_base
	UNION ALL SELECT id, received, disposed, 'unit', CAST(unit_id AS TEXT) FROM metric_clue_base
		WHERE unit_id IS NOT NULL
	UNION ALL SELECT id, received, disposed, 'campaign', CAST(campaign_id AS TEXT) FROM metric_clue_base
		WHERE campaign_id IS NOT NULL
	UNION ALL SELECT id, received, disposed, 'source', source FROM metric_clue_base
		WHERE source IS NOT NULL AND source <> ''
	UNION ALL SELECT b.id, b.received, b.disposed, 'category', kc.category
		FROM clue_categories kc JOIN metric_clue_base b ON b.id = kc.clue_id
	UNION ALL SELECT b.id, b.received, b.disposed, 'rank', s.rank
		FROM clue_subjects s JOIN metric_clue_base b ON b.id = s.clue_id
		WHERE s.rank IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clue_subjects t
			WHERE t.clue_id = s.clue_id AND t.rank = s.rank AND t.person_id < s.person_id)
	UNION ALL SELECT id, received, disposed, 'top', '1' FROM metric_clue_base b
		WHERE EXISTS (SELECT 1 FROM clue_subjects s WHERE s.clue_id = b.id AND s.top_leader = 1)
	UNION ALL SELECT id, received, disposed, 'lead', '1' FROM metric_clue_base b
		WHERE EXISTS (SELECT 1 FROM clue_subjects s WHERE s.clue_id = b.id AND s.leadership = 1)
	UNION ALL SELECT id, received, disposed, 'key', '1' FROM metric_clue_base b
		WHERE EXISTS (SELECT 1 FROM clue_subjects s WHERE s.clue_id = b.id
			AND (s.top_leader = 1 OR s.leadership = 1 OR s.rank = 'section'));

-- a case: its source is its clue's
CREATE VIEW metric_case_base AS
	SELECT c.id, c.filed, c.closed, c.transferred, c.unit_id, c.campaign_id, c.organ_kind,
		(SELECT k.source FROM clues k WHERE k.id = c.clue_id) AS source
	FROM cases c;
CREATE VIEW metric_case_dims AS
	SELECT id, filed, closed, transferred, '' AS dim, '' AS val FROM metric_case_base
	UNION ALL SELECT id, filed, closed, transferred, 'unit', CAST(unit_id AS TEXT) FROM metric_case_base
		WHERE unit_id IS NOT NULL
	UNION ALL SELECT id, filed, closed, transferred, 'campaign', CAST(campaign_id AS TEXT)
		FROM metric_case_base WHERE campaign_id IS NOT NULL
	UNION ALL SELECT id, filed, closed, transferred, 'source', source FROM metric_case_base
		WHERE source IS NOT NULL AND source <> ''
	UNION ALL SELECT id, filed, closed, transferred, 'organ', organ_kind FROM metric_case_base
		WHERE organ_kind IS NOT NULL AND organ_kind <> ''
	UNION ALL SELECT b.id, b.filed, b.closed, b.transferred, 'category', cc.category
		FROM case_categories cc JOIN metric_case_base b ON b.id = cc.case_id
	UNION ALL SELECT b.id, b.filed, b.closed, b.transferred, 'rank', s.rank
		FROM case_subjects s JOIN metric_case_base b ON b.id = s.case_id
		WHERE s.rank IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_subjects t
			WHERE t.case_id = s.case_id AND t.rank = s.rank AND t.person_id < s.person_id)
	UNION ALL SELECT id, filed, closed, transferred, 'top', '1' FROM metric_case_base b
		WHERE EXISTS (SELECT 1 FROM case_subjects s WHERE s.case_id = b.id AND s.top_leader = 1)
	UNION ALL SELECT id, filed, closed, transferred, 'lead', '1' FROM metric_case_base b
		WHERE EXISTS (SELECT 1 FROM case_subjects s WHERE s.case_id = b.id AND s.leadership = 1)
	UNION ALL SELECT id, filed, closed, transferred, 'key', '1' FROM metric_case_base b
		WHERE EXISTS (SELECT 1 FROM case_subjects s WHERE s.case_id = b.id
			AND (s.top_leader = 1 OR s.leadership = 1 OR s.rank = 'section'));

-- an outcome: its own snapshot; source, organ and categories of its matter
CREATE VIEW metric_outcome_base AS
	SELECT o.id, o.day, o.form, o.sanctioned, o.unit_id, o.campaign_id, o.case_id, o.clue_id,
		o.subject_rank, o.subject_top_leader, o.subject_leadership,
		COALESCE((SELECT k.source FROM clues k WHERE k.id = o.clue_id),
			(SELECT k.source FROM clues k JOIN cases x ON x.clue_id = k.id WHERE x.id = o.case_id))
			AS source,
		(SELECT x.organ_kind FROM cases x WHERE x.id = o.case_id) AS organ_kind
	FROM outcomes o;
CREATE VIEW metric_outcome_dims AS
	SELECT id, day, form, sanctioned, '' AS dim, '' AS val FROM metric_outcome_base
	UNION ALL SELECT id, day, form, sanctioned, 'unit', CAST(unit_id AS TEXT) FROM metric_outcome_base
		WHERE unit_id IS NOT NULL
	UNION ALL SELECT id, day, form, sanctioned, 'campaign', CAST(campaign_id AS TEXT)
		FROM metric_outcome_base WHERE campaign_id IS NOT NULL
	UNION ALL SELECT id, day, form, sanctioned, 'source', source FROM metric_outcome_base
		WHERE source IS NOT NULL AND source <> ''
	UNION ALL SELECT id, day, form, sanctioned, 'organ', organ_kind FROM metric_outcome_base
		WHERE organ_kind IS NOT NULL AND organ_kind <> ''
	UNION ALL SELECT b.id, b.day, b.form, b.sanctioned, 'category', cc.category
		FROM case_categories cc JOIN metric_outcome_base b ON b.case_id = cc.case_id
	UNION ALL SELECT b.id, b.day, b.form, b.sanctioned, 'category', kc.category
		FROM clue_categories kc JOIN metric_outcome_base b ON b.clue_id = kc.clue_id
	UNION ALL SELECT id, day, form, sanctioned, 'rank', subject_rank FROM metric_outcome_base
		WHERE subject_rank IS NOT NULL
	UNION ALL SELECT id, day, form, sanctioned, 'top', '1' FROM metric_outcome_base
		WHERE subject_top_leader = 1
	UNION ALL SELECT id, day, form, sanctioned, 'lead', '1' FROM metric_outcome_base
		WHERE subject_leadership = 1
	UNION ALL SELECT id, day, form, sanctioned, 'key', '1' FROM metric_outcome_base
		WHERE subject_top_leader = 1 OR subject_leadership = 1 OR subject_rank = 'section';

-- a clarification: the unit and campaign of its matter (case, else clue)
CREATE VIEW metric_clar_base AS
	SELECT cl.id, cl.day,
		COALESCE((SELECT x.unit_id FROM cases x WHERE x.id = cl.case_id),
			(SELECT y.unit_id FROM clues y WHERE y.id = cl.clue_id)) AS unit_id,
		COALESCE((SELECT x.campaign_id FROM cases x WHERE x.id = cl.case_id),
			(SELECT y.campaign_id FROM clues y WHERE y.id = cl.clue_id)) AS campaign_id
	FROM clarifications cl;
-- a follow-up visit: its outcome's unit and campaign, else its clarification's
CREATE VIEW metric_followup_base AS
	SELECT f.id, f.day,
		COALESCE((SELECT o.unit_id FROM outcomes o WHERE o.id = f.outcome_id),
			(SELECT b.unit_id FROM metric_clar_base b WHERE b.id = f.clarification_id)) AS unit_id,
		COALESCE((SELECT o.campaign_id FROM outcomes o WHERE o.id = f.outcome_id),
			(SELECT b.campaign_id FROM metric_clar_base b WHERE b.id = f.clarification_id))
			AS campaign_id
	FROM followups f;

-- ---- every record's contribution --------------------------------------------
-- kind names the record (clue, case, outcome, clarification, followup);
-- one row per stat and dimension it counts in, n = 1
CREATE VIEW metric_contrib AS
	SELECT 'clue' AS kind, id, 'clue_received' AS stat, dim, val, received AS day,
		1 AS n, 0 AS f1, 0 AS f2, 0 AS f3, 0 AS f4, 0 AS sanc FROM metric_clue_dims
	UNION ALL SELECT 'clue', id, 'clue_disposed', dim, val, disposed, 1, 0, 0, 0, 0, 0
		FROM metric_clue_dims WHERE disposed IS NOT NULL
	UNION ALL SELECT 'case', id, 'case_filed', dim, val, filed, 1, 0, 0, 0, 0, 0
		FROM metric_case_dims WHERE filed IS NOT NULL
	UNION ALL SELECT 'case', id, 'case_closed', dim, val, closed, 1, 0, 0, 0, 0, 0
		FROM metric_case_dims WHERE closed IS NOT NULL
	UNION ALL SELECT 'case', id, 'case_transferred', dim, val, transferred, 1, 0, 0, 0, 0, 0
		FROM metric_case_dims WHERE transferred IS NOT NULL
	UNION ALL SELECT 'outcome', id, 'outcome', dim, val, day, 1,
		CASE WHEN form = 1 THEN 1 ELSE 0 END, CASE WHEN form = 2 THEN 1 ELSE 0 END,
		CASE WHEN form = 3 THEN 1 ELSE 0 END, CASE WHEN form = 4 THEN 1 ELSE 0 END,
		CASE WHEN sanctioned = 1 THEN 1 ELSE 0 END
		FROM metric_outcome_dims
	UNION ALL SELECT 'clarification', id, 'clarification', '', '', day, 1, 0, 0, 0, 0, 0
		FROM metric_clar_base
	UNION ALL SELECT 'clarification', id, 'clarification', 'unit', CAST(unit_id AS TEXT), day,
		1, 0, 0, 0, 0, 0 FROM metric_clar_base WHERE unit_id IS NOT NULL
	UNION ALL SELECT 'clarification', id, 'clarification', 'campaign', CAST(campaign_id AS TEXT), day,
		1, 0, 0, 0, 0, 0 FROM metric_clar_base WHERE campaign_id IS NOT NULL
	UNION ALL SELECT 'followup', id, 'followup', '', '', day, 1, 0, 0, 0, 0, 0
		FROM metric_followup_base
	UNION ALL SELECT 'followup', id, 'followup', 'unit', CAST(unit_id AS TEXT), day,
		1, 0, 0, 0, 0, 0 FROM metric_followup_base WHERE unit_id IS NOT NULL
	UNION ALL SELECT 'followup', id, 'followup', 'campaign', CAST(campaign_id AS TEXT), day,
		1, 0, 0, 0, 0, 0 FROM metric_followup_base WHERE campaign_id IS NOT NULL;

-- what metric_days must hold, from the records (stats rebuild, stats check)
CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM metric_contrib GROUP BY stat, dim, val, day;

-- ---- who depends on whom ------------------------------------------------------
-- kind 'clue*' X: the clue and every record whose contribution reads it
-- (its cases and their outcomes: source; its own outcomes: source and
-- categories; its clarifications and their follow-ups: unit, campaign);
-- 'case*': the case, its outcomes (organ, categories, source),
-- clarifications and their follow-ups; 'outcome*': the outcome and its
-- follow-ups; 'clarification*': it and its follow-ups; a plain kind: itself.
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
	UNION ALL SELECT 'followup', id, 'followup', id FROM followups;

INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_recompute;
