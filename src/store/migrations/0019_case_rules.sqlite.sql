-- 0019 (SQLite): a disposition may transfer the clue to another organ
-- (移交: upward, downward, the organisation department), with the organ
-- and the reference of the transfer.  SQLite cannot change a CHECK: the
-- table is rebuilt.  cases.disposition_id refers to it and foreign keys
-- are on (and cannot be turned off inside the migration's transaction):
-- the links are set aside, the table rebuilt, the links put back.
CREATE TABLE dispositions_0019 (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	clue_id     BIGINT NOT NULL REFERENCES clues(id),
	method      TEXT NOT NULL CHECK (method IN ('talk_inquiry','preliminary_verification','shelve','close','file_case','transfer')),
	reason      TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed','approved','rejected')),
	proposed_by BIGINT REFERENCES users(id),
	proposed_at BIGINT NOT NULL,
	decided     TEXT,
	decided_by  BIGINT REFERENCES users(id),
	decided_at  BIGINT,
	decision_note TEXT NOT NULL DEFAULT '',
	extra       TEXT,
	transfer_direction TEXT CHECK (transfer_direction IN ('upward','downward','org_dept')),
	transfer_to  TEXT NOT NULL DEFAULT '',
	transfer_ref TEXT NOT NULL DEFAULT ''
);
INSERT INTO dispositions_0019 (id, region, clue_id, method, reason, state, proposed_by, proposed_at,
	decided, decided_by, decided_at, decision_note, extra)
	SELECT id, region, clue_id, method, reason, state, proposed_by, proposed_at,
	       decided, decided_by, decided_at, decision_note, extra FROM dispositions;
CREATE TABLE cases_disp_0019 AS SELECT id, disposition_id FROM cases WHERE disposition_id IS NOT NULL;
UPDATE cases SET disposition_id = NULL WHERE disposition_id IS NOT NULL;
DROP TABLE dispositions;
ALTER TABLE dispositions_0019 RENAME TO dispositions;
UPDATE cases SET disposition_id = (SELECT t.disposition_id FROM cases_disp_0019 t WHERE t.id = cases.id)
	WHERE id IN (SELECT id FROM cases_disp_0019);
DROP TABLE cases_disp_0019;
CREATE INDEX dispositions_clue ON dispositions(clue_id);
CREATE INDEX dispositions_state ON dispositions(state);
