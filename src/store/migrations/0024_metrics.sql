-- 0024: what the statistics of DOMAIN.md section 6 need (issue 11;
-- docs/statistics.md).
--
-- * The subject's snapshot on a clue, as cases (0019) and outcomes (0018)
--   have it: rank, top-leader and leadership flags and unit, copied when
--   the clue is registered or a subject is added, so a clue figure scoped
--   by rank does not move when the person is later promoted.  Clues
--   registered before this migration get today's person rows, the best
--   there is (operations.md says so).
-- * The violation categories of a clue (clue_categories, codes of the
--   violation_categories catalog), optional: the report's 四风 clue figure
--   reads them.  Clues registered before this migration have none.
-- * Indexes the metrics statements lead with (each period column, the
--   category links).
ALTER TABLE clue_subjects ADD COLUMN rank TEXT;
ALTER TABLE clue_subjects ADD COLUMN top_leader INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clue_subjects ADD COLUMN leadership INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clue_subjects ADD COLUMN unit_id BIGINT REFERENCES units(id);
UPDATE clue_subjects SET
	rank = (SELECT p.rank FROM persons p WHERE p.id = clue_subjects.person_id),
	top_leader = (SELECT p.top_leader FROM persons p WHERE p.id = clue_subjects.person_id),
	leadership = (SELECT p.leadership FROM persons p WHERE p.id = clue_subjects.person_id),
	unit_id = (SELECT p.unit_id FROM persons p WHERE p.id = clue_subjects.person_id);

CREATE TABLE clue_categories (
	clue_id  BIGINT NOT NULL REFERENCES clues(id),
	category TEXT NOT NULL REFERENCES violation_categories(code),
	PRIMARY KEY (clue_id, category)
);
CREATE INDEX clue_categories_category ON clue_categories(category, clue_id);
CREATE INDEX case_categories_category ON case_categories(category, case_id);

CREATE INDEX cases_transferred ON cases(transferred);
CREATE INDEX clues_campaign ON clues(campaign_id);
CREATE INDEX cases_campaign ON cases(campaign_id);
CREATE INDEX outcomes_campaign ON outcomes(campaign_id);
CREATE INDEX followups_day ON followups(day);
CREATE INDEX clarifications_day ON clarifications(day);
