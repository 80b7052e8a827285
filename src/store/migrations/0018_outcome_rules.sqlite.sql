-- 0018 on SQLite: follow-up visits (回访) of cleared persons too: a visit
-- belongs to an outcome or to a clarification.  SQLite cannot drop a NOT
-- NULL, so the table is rebuilt (nothing references it).
CREATE TABLE followups_0018 (
	id               INTEGER PRIMARY KEY,
	region           TEXT NOT NULL,
	outcome_id       BIGINT REFERENCES outcomes(id),
	clarification_id BIGINT REFERENCES clarifications(id),
	day              TEXT NOT NULL,
	note             TEXT NOT NULL DEFAULT '',
	created_by       BIGINT REFERENCES users(id),
	created_at       BIGINT NOT NULL,
	CHECK ((outcome_id IS NULL) <> (clarification_id IS NULL))
);
INSERT INTO followups_0018 (id, region, outcome_id, clarification_id, day, note, created_by, created_at)
	SELECT id, region, outcome_id, NULL, day, note, created_by, created_at FROM followups;
DROP TABLE followups;
ALTER TABLE followups_0018 RENAME TO followups;
CREATE INDEX followups_outcome ON followups(outcome_id);
CREATE INDEX followups_clarification ON followups(clarification_id);
