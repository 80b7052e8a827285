-- 0059 on SQLite: an outcome's matter is exactly one of a case, a clue or
-- a daily-supervision record (a talk), and supervision_id references
-- talks.  SQLite cannot change a CHECK: outcomes is rebuilt.  Five tables
-- refer to it (outcome_measures, executions, appeals, followups and the
-- rollup's); foreign keys are on, so they are deferred to the commit of
-- this migration's transaction (defer_foreign_keys resets itself there):
-- dropping outcomes counts each child row as a violation and putting the
-- same ids back clears it, so a lost row fails the migration.  The rows
-- are copied unchanged (the rollup's contributions stand); the indexes
-- of 0008, 0018 and 0023 and the rollup's triggers of 0028 are created
-- again after the copy.  The column list, the indexes and the triggers
-- are those of the schema at 0058: a migration before this one that
-- changes outcomes must change this rebuild too.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE outcomes_0059 AS SELECT * FROM outcomes;
DROP TABLE outcomes;
CREATE TABLE outcomes (
	id               INTEGER PRIMARY KEY,
	region           TEXT NOT NULL,
	person_id        BIGINT NOT NULL REFERENCES persons(id),
	case_id          BIGINT REFERENCES cases(id),
	clue_id          BIGINT REFERENCES clues(id),
	day              TEXT NOT NULL,
	form             INTEGER NOT NULL CHECK (form BETWEEN 1 AND 4),
	sanctioned       INTEGER NOT NULL DEFAULT 0,
	probation_months INTEGER,
	effective        TEXT,
	bar_until        TEXT,
	campaign_id      BIGINT REFERENCES campaigns(id),
	unit_id          BIGINT NOT NULL REFERENCES units(id),
	extra            TEXT,
	created_by       BIGINT REFERENCES users(id),
	created_at       BIGINT NOT NULL,
	supervision_id   BIGINT REFERENCES talks(id),
	subject_rank     TEXT,
	subject_top_leader INTEGER NOT NULL DEFAULT 0,
	subject_leadership INTEGER NOT NULL DEFAULT 0,
	subject_party_member INTEGER NOT NULL DEFAULT 0,
	party_decided    TEXT,
	gov_decided      TEXT,
	gov_violations   INTEGER,
	gov_months       INTEGER,
	ext_id           TEXT,
	CHECK ((case_id IS NOT NULL) + (clue_id IS NOT NULL) + (supervision_id IS NOT NULL) = 1)
);
INSERT INTO outcomes (id, region, person_id, case_id, clue_id, day, form, sanctioned, probation_months,
	effective, bar_until, campaign_id, unit_id, extra, created_by, created_at, supervision_id, subject_rank,
	subject_top_leader, subject_leadership, subject_party_member, party_decided, gov_decided,
	gov_violations, gov_months, ext_id)
	SELECT id, region, person_id, case_id, clue_id, day, form, sanctioned, probation_months,
	effective, bar_until, campaign_id, unit_id, extra, created_by, created_at, supervision_id, subject_rank,
	subject_top_leader, subject_leadership, subject_party_member, party_decided, gov_decided,
	gov_violations, gov_months, ext_id FROM outcomes_0059;
DROP TABLE outcomes_0059;
CREATE INDEX outcomes_day ON outcomes(day);
CREATE INDEX outcomes_person ON outcomes(person_id);
CREATE INDEX outcomes_case ON outcomes(case_id);
CREATE INDEX outcomes_clue ON outcomes(clue_id);
CREATE UNIQUE INDEX outcomes_one_case ON outcomes(person_id, case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX outcomes_one_clue ON outcomes(person_id, clue_id) WHERE clue_id IS NOT NULL;
CREATE UNIQUE INDEX outcomes_one_supervision ON outcomes(person_id, supervision_id)
	WHERE supervision_id IS NOT NULL;
CREATE INDEX outcomes_ext ON outcomes(ext_id);
CREATE TRIGGER metric_outcomes_ai AFTER INSERT ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'outcome' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_outcomes_bu BEFORE UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_outcomes_au AFTER UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_outcomes_bd BEFORE DELETE ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_outcomes_ad AFTER DELETE ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id);
END;
