-- 0018: outcomes as the regulations state them (DOMAIN.md section 3; issue
-- 10, part A).
--
-- * The form table (四种形态) and the influence periods (影响期) are
--   effective-dated data with their source: a row applies from valid_from
--   until the next row of the same measure; the row in force on a
--   measure's decision date is the one that counts.  sanction_periods and
--   the 48-month "remainder plus new" setting are dropped (that rule
--   belongs to appointing bodies, not to 政务处分).
-- * One outcome per person per matter (a clue, a case, or a daily-
--   supervision record: supervision_id, no table yet): unique indexes.
--   Existing data is converted exactly: a clue's outcomes move to the
--   case filed on it, then the outcomes of one person on one matter are
--   merged into the earliest (its measures, execution items and follow-up
--   visits move over; day and form are recomputed).  Where the merge puts
--   two party (or two government) sanctions into one outcome, the lighter
--   is kept as ended (ended_by 'merged'), never deleted.
-- * Each measure has its own decision date (outcome_measures.decided), a
--   stated period (months: 留党察看, or several violations of one kind) and
--   its number of violations; ended/ended_by keep the history of appeals.
-- * Snapshots: the subject's rank, top-leader, leadership and party flags
--   when the outcome is made (the unit was already copied: unit_id).
-- * Appeals (申诉) and reviews (复审复核) with their result.

CREATE TABLE form_rules (
	measure    TEXT NOT NULL,
	valid_from TEXT NOT NULL,
	form       INTEGER NOT NULL CHECK (form BETWEEN 1 AND 4),
	source     TEXT NOT NULL DEFAULT '',
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (measure, valid_from)
);
INSERT INTO form_rules (measure, valid_from, form, source) VALUES
	('talk_reminder', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('criticism', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('self_examination', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('admonishment', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('notified_criticism', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('public_apology', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('inquiry_closed', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('verification_closed', '2000-01-01', 1, '监督执纪“四种形态”统计指标体系（2016）'),
	('party_warning', '2000-01-01', 2, '《中国共产党纪律处分条例》（2023）第五条；统计指标体系（2016）'),
	('party_serious_warning', '2000-01-01', 2, '《中国共产党纪律处分条例》（2023）第五条；统计指标体系（2016）'),
	('gov_warning', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('gov_demerit', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('gov_major_demerit', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('gov_demotion', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('suspension', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('post_adjustment', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('ordered_resignation', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('post_removal', '2000-01-01', 2, '监督执纪“四种形态”统计指标体系（2016）'),
	('party_post_removal', '2000-01-01', 3, '《中国共产党纪律处分条例》（2023）第五条；统计指标体系（2016）'),
	('party_probation', '2000-01-01', 3, '《中国共产党纪律处分条例》（2023）第五条；统计指标体系（2016）'),
	('party_expulsion', '2000-01-01', 3, '《中国共产党纪律处分条例》（2023）第五条；统计指标体系（2016）'),
	('gov_removal', '2000-01-01', 3, '监督执纪“四种形态”统计指标体系（2016）'),
	('gov_dismissal', '2000-01-01', 3, '监督执纪“四种形态”统计指标体系（2016）'),
	('rank_demotion', '2000-01-01', 3, '监督执纪“四种形态”统计指标体系（2016）'),
	('criminal_transfer', '2000-01-01', 4, '《中国共产党纪律处分条例》（2023）第五条；统计指标体系（2016）');

CREATE TABLE influence_periods (
	measure      TEXT NOT NULL,
	valid_from   TEXT NOT NULL,
	months       INTEGER NOT NULL DEFAULT 0,
	stated       INTEGER NOT NULL DEFAULT 0,   -- the decision states the months (留党察看: 12 or 24)
	extra_months INTEGER NOT NULL DEFAULT 0,   -- further months barred from promotion
	permanent    INTEGER NOT NULL DEFAULT 0,
	source       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (measure, valid_from)
);
INSERT INTO influence_periods (measure, valid_from, months, stated, extra_months, permanent, source) VALUES
	('gov_warning', '2000-01-01', 6, 0, 0, 0, '《中华人民共和国公职人员政务处分法》第八条'),
	('gov_demerit', '2000-01-01', 12, 0, 0, 0, '《中华人民共和国公职人员政务处分法》第八条'),
	('gov_major_demerit', '2000-01-01', 18, 0, 0, 0, '《中华人民共和国公职人员政务处分法》第八条'),
	('gov_demotion', '2000-01-01', 24, 0, 0, 0, '《中华人民共和国公职人员政务处分法》第八条'),
	('gov_removal', '2000-01-01', 24, 0, 0, 0, '《中华人民共和国公职人员政务处分法》第八条'),
	('gov_dismissal', '2000-01-01', 0, 0, 0, 1, '《中华人民共和国公务员法》第二十六条（被开除公职的不得录用为公务员）'),
	('party_warning', '2000-01-01', 12, 0, 0, 0, '《中国共产党纪律处分条例》（2023）'),
	('party_serious_warning', '2000-01-01', 18, 0, 0, 0, '《中国共产党纪律处分条例》（2023）'),
	('party_post_removal', '2000-01-01', 24, 0, 0, 0, '《中国共产党纪律处分条例》（2023）'),
	('party_probation', '2000-01-01', 0, 1, 24, 0, '《中国共产党纪律处分条例》（2023）'),
	('party_expulsion', '2000-01-01', 0, 0, 0, 1, '《中国共产党纪律处分条例》（2023）'),
	('admonishment', '2000-01-01', 6, 0, 0, 0, '《关于对党员领导干部进行诫勉的规定》（2019）'),
	('post_adjustment', '2000-01-01', 12, 0, 0, 0, '《推进领导干部能上能下规定》（2022）'),
	('post_removal', '2000-01-01', 12, 0, 0, 0, '《推进领导干部能上能下规定》（2022）'),
	('ordered_resignation', '2000-01-01', 12, 0, 0, 0, '《推进领导干部能上能下规定》（2022）'),
	('rank_demotion', '2000-01-01', 24, 0, 0, 0, '《推进领导干部能上能下规定》（2022）');
DROP TABLE sanction_periods;
DELETE FROM settings WHERE key = 'gov_sanction_cap_months';

ALTER TABLE outcomes ADD COLUMN supervision_id BIGINT;
ALTER TABLE outcomes ADD COLUMN subject_rank TEXT;
ALTER TABLE outcomes ADD COLUMN subject_top_leader INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcomes ADD COLUMN subject_leadership INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcomes ADD COLUMN subject_party_member INTEGER NOT NULL DEFAULT 0;
UPDATE outcomes SET
	subject_rank = (SELECT p.rank FROM persons p WHERE p.id = outcomes.person_id),
	subject_top_leader = (SELECT p.top_leader FROM persons p WHERE p.id = outcomes.person_id),
	subject_leadership = (SELECT p.leadership FROM persons p WHERE p.id = outcomes.person_id),
	subject_party_member = (SELECT p.party_member FROM persons p WHERE p.id = outcomes.person_id);

ALTER TABLE outcome_measures ADD COLUMN decided TEXT;
ALTER TABLE outcome_measures ADD COLUMN months INTEGER;
ALTER TABLE outcome_measures ADD COLUMN violations INTEGER NOT NULL DEFAULT 1;
ALTER TABLE outcome_measures ADD COLUMN ended TEXT;
ALTER TABLE outcome_measures ADD COLUMN ended_by TEXT;
UPDATE outcome_measures SET decided = (SELECT COALESCE(o.effective, o.day) FROM outcomes o
				       WHERE o.id = outcome_measures.outcome_id);
UPDATE outcome_measures SET months = (SELECT o.probation_months FROM outcomes o
				      WHERE o.id = outcome_measures.outcome_id)
	WHERE measure = 'party_probation';

-- a clue's outcomes belong to the case filed on it
UPDATE outcomes SET case_id = (SELECT min(c.id) FROM cases c WHERE c.clue_id = outcomes.clue_id),
		    clue_id = NULL
	WHERE clue_id IS NOT NULL AND EXISTS (SELECT 1 FROM cases c WHERE c.clue_id = outcomes.clue_id);

-- the decisions as the outcome states them (at most one party and one
-- government sanction): the approval / decision date, and for a
-- government sanction of several violations of one kind their number and
-- the stated period; outcome_measures keeps the same per measure
ALTER TABLE outcomes ADD COLUMN party_decided TEXT;
ALTER TABLE outcomes ADD COLUMN gov_decided TEXT;
ALTER TABLE outcomes ADD COLUMN gov_violations INTEGER;
ALTER TABLE outcomes ADD COLUMN gov_months INTEGER;

-- one person, one matter: merge into the earliest outcome
CREATE TABLE outcome_merge_0018 (old_id BIGINT NOT NULL PRIMARY KEY, keep_id BIGINT NOT NULL);
INSERT INTO outcome_merge_0018 (old_id, keep_id)
	SELECT o.id, (SELECT min(k.id) FROM outcomes k WHERE k.person_id = o.person_id AND
		      ((o.case_id IS NOT NULL AND k.case_id = o.case_id) OR
		       (o.clue_id IS NOT NULL AND k.clue_id = o.clue_id)))
	FROM outcomes o;
DELETE FROM outcome_merge_0018 WHERE old_id = keep_id;
INSERT INTO outcome_measures (outcome_id, measure, decided, months, violations)
	SELECT g.keep_id, m.measure, min(m.decided), max(m.months), max(m.violations)
	FROM outcome_measures m JOIN outcome_merge_0018 g ON g.old_id = m.outcome_id
	WHERE NOT EXISTS (SELECT 1 FROM outcome_measures k WHERE k.outcome_id = g.keep_id
			  AND k.measure = m.measure)
	GROUP BY g.keep_id, m.measure;
DELETE FROM outcome_measures WHERE outcome_id IN (SELECT old_id FROM outcome_merge_0018);
UPDATE executions SET outcome_id = (SELECT g.keep_id FROM outcome_merge_0018 g
				    WHERE g.old_id = executions.outcome_id)
	WHERE outcome_id IN (SELECT old_id FROM outcome_merge_0018)
	AND NOT EXISTS (SELECT 1 FROM executions e JOIN outcome_merge_0018 g ON g.keep_id = e.outcome_id
			WHERE g.old_id = executions.outcome_id AND e.item = executions.item);
DELETE FROM executions WHERE outcome_id IN (SELECT old_id FROM outcome_merge_0018);
UPDATE followups SET outcome_id = (SELECT g.keep_id FROM outcome_merge_0018 g
				   WHERE g.old_id = followups.outcome_id)
	WHERE outcome_id IN (SELECT old_id FROM outcome_merge_0018);
UPDATE outcomes SET
	day = (SELECT min(x.day) FROM outcomes x WHERE x.id = outcomes.id OR
	       x.id IN (SELECT old_id FROM outcome_merge_0018 WHERE keep_id = outcomes.id)),
	effective = (SELECT min(COALESCE(x.effective, x.day)) FROM outcomes x WHERE x.id = outcomes.id OR
		     x.id IN (SELECT old_id FROM outcome_merge_0018 WHERE keep_id = outcomes.id)),
	sanctioned = (SELECT max(x.sanctioned) FROM outcomes x WHERE x.id = outcomes.id OR
		      x.id IN (SELECT old_id FROM outcome_merge_0018 WHERE keep_id = outcomes.id)),
	probation_months = (SELECT max(x.probation_months) FROM outcomes x WHERE x.id = outcomes.id OR
			    x.id IN (SELECT old_id FROM outcome_merge_0018 WHERE keep_id = outcomes.id)),
	bar_until = (SELECT max(x.bar_until) FROM outcomes x WHERE x.id = outcomes.id OR
		     x.id IN (SELECT old_id FROM outcome_merge_0018 WHERE keep_id = outcomes.id))
	WHERE id IN (SELECT keep_id FROM outcome_merge_0018);
DELETE FROM outcomes WHERE id IN (SELECT old_id FROM outcome_merge_0018);
DROP TABLE outcome_merge_0018;

-- two sanctions of one kind in one outcome (two merged, or entered so
-- before 0018): the heaviest stays, the others are kept as ended
CREATE TABLE measure_weight_0018 (measure TEXT NOT NULL PRIMARY KEY, weight INTEGER NOT NULL);
INSERT INTO measure_weight_0018 (measure, weight) VALUES
	('party_warning', 1), ('party_serious_warning', 2), ('party_post_removal', 3),
	('party_probation', 4), ('party_expulsion', 5),
	('gov_warning', 1), ('gov_demerit', 2), ('gov_major_demerit', 3), ('gov_demotion', 4),
	('gov_removal', 5), ('gov_dismissal', 6);
UPDATE outcome_measures SET ended = decided, ended_by = 'merged'
	WHERE (measure LIKE 'party_%' OR measure LIKE 'gov_%') AND EXISTS (
		SELECT 1 FROM outcome_measures h
		JOIN measure_weight_0018 hw ON hw.measure = h.measure
		JOIN measure_weight_0018 mw ON mw.measure = outcome_measures.measure
		WHERE h.outcome_id = outcome_measures.outcome_id
		AND substr(h.measure, 1, 3) = substr(outcome_measures.measure, 1, 3)
		AND (hw.weight > mw.weight OR (hw.weight = mw.weight AND h.measure > outcome_measures.measure)));
DROP TABLE measure_weight_0018;

UPDATE outcomes SET
	party_decided = (SELECT min(m.decided) FROM outcome_measures m WHERE m.outcome_id = outcomes.id
			 AND m.measure LIKE 'party_%' AND m.ended IS NULL),
	gov_decided = (SELECT min(m.decided) FROM outcome_measures m WHERE m.outcome_id = outcomes.id
		       AND m.measure LIKE 'gov_%' AND m.ended IS NULL);

-- the form by the seeded table (降级 is in the second form, 降职 in the third)
UPDATE outcomes SET form = COALESCE((SELECT max(f.form) FROM outcome_measures m
				     JOIN form_rules f ON f.measure = m.measure
				     WHERE m.outcome_id = outcomes.id AND m.ended IS NULL), form);

CREATE UNIQUE INDEX outcomes_one_case ON outcomes(person_id, case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX outcomes_one_clue ON outcomes(person_id, clue_id) WHERE clue_id IS NOT NULL;
CREATE UNIQUE INDEX outcomes_one_supervision ON outcomes(person_id, supervision_id)
	WHERE supervision_id IS NOT NULL;

-- bar_until of the outcomes made before: computed again in C under the
-- new periods (诫勉 and the organisational measures now have one; no chain
-- rule), once, at the first open (outcome_periods_fill): SQL cannot add
-- calendar months the way date_add_months does
INSERT INTO settings (key, value) VALUES ('outcome_periods_filled', '0');

-- 申诉 (appeal) and 复审复核 (review) against one sanction of an outcome,
-- recorded with their result; changed/revoked end the measure on decided
CREATE TABLE appeals (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	outcome_id  BIGINT NOT NULL REFERENCES outcomes(id),
	kind        TEXT NOT NULL CHECK (kind IN ('appeal', 'review')),
	measure     TEXT NOT NULL,
	filed       TEXT NOT NULL,
	decided     TEXT NOT NULL,
	result      TEXT NOT NULL CHECK (result IN ('upheld', 'changed', 'revoked')),
	new_measure TEXT,
	new_months  INTEGER,
	note        TEXT NOT NULL DEFAULT '',
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL
);
CREATE INDEX appeals_outcome ON appeals(outcome_id);
CREATE INDEX appeals_decided ON appeals(decided);
