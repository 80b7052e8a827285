-- 0098 on SQLite (issue 16, sqimp16i): the three CHECKs of dispositions
-- written as comparisons joined by OR instead of IN lists.  SQLite 3.40
-- evaluates a CHECK's `x IN (three or more constants)` by building a
-- temporary index of the constants at every execution of an INSERT or
-- UPDATE (OpenEphemeral: a B-tree opened, filled and closed), about
-- 1.8 us each: a disposition's insert built three, 5.5 us of its CPU
-- where the same checks as OR chains take 0.1 us (bench/README.md,
-- "sqimp16i").  The two forms accept and refuse the same values (a NULL
-- transfer_direction passes both: NULL is not false).  PostgreSQL keeps
-- its IN lists (no such cost there).
--
-- SQLite cannot change a CHECK: dispositions is rebuilt as 0059 rebuilt
-- outcomes (no RENAME: the view metric_clue_base names the table).
-- cases.disposition_id refers to it; foreign keys are on, so they are
-- deferred to the commit of this migration's transaction: dropping the
-- table counts each case that names a disposition as a violation and
-- putting the same ids back clears it, so a lost row fails the migration.
-- Those counts look the cases up by disposition_id, which has no index:
-- one is made for the rebuild and dropped after it (without it each of
-- a national database's millions of rows scanned every case).  The rows
-- are copied unchanged, in the column order 0019 gave; the indexes (0007
-- and 0019, 0037, 0063, 0084) and the rollup's triggers (0028) are created
-- again as the schema at 0097 has them: a migration before this one that
-- changes dispositions must change this rebuild too.
PRAGMA defer_foreign_keys = ON;
CREATE INDEX cases_disposition_0098 ON cases(disposition_id);
CREATE TABLE dispositions_0098 AS SELECT * FROM dispositions;
DROP TABLE dispositions;
CREATE TABLE dispositions (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	clue_id     BIGINT NOT NULL REFERENCES clues(id),
	method      TEXT NOT NULL CHECK (method = 'talk_inquiry' OR method = 'preliminary_verification'
		OR method = 'shelve' OR method = 'close' OR method = 'file_case' OR method = 'transfer'),
	reason      TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL DEFAULT 'proposed'
		CHECK (state = 'proposed' OR state = 'approved' OR state = 'rejected'),
	proposed_by BIGINT REFERENCES users(id),
	proposed_at BIGINT NOT NULL,
	decided     TEXT,
	decided_by  BIGINT REFERENCES users(id),
	decided_at  BIGINT,
	decision_note TEXT NOT NULL DEFAULT '',
	extra       TEXT,
	transfer_direction TEXT CHECK (transfer_direction = 'upward' OR transfer_direction = 'downward'
		OR transfer_direction = 'org_dept'),
	transfer_to  TEXT NOT NULL DEFAULT '',
	transfer_ref TEXT NOT NULL DEFAULT ''
);
INSERT INTO dispositions (id, region, clue_id, method, reason, state, proposed_by, proposed_at, decided,
	decided_by, decided_at, decision_note, extra, transfer_direction, transfer_to, transfer_ref)
	SELECT id, region, clue_id, method, reason, state, proposed_by, proposed_at, decided,
	decided_by, decided_at, decision_note, extra, transfer_direction, transfer_to, transfer_ref
	FROM dispositions_0098 ORDER BY id;
DROP TABLE dispositions_0098;
DROP INDEX cases_disposition_0098;
-- the indexes in the order the schema made them (0007, 0037, 0063, 0084):
-- where two plans cost the same, SQLite keeps the one of the index it met
-- first, so another order changes plans (t241: the approvals waiting were
-- counted by a walk of dispositions_clue_method)
CREATE INDEX dispositions_clue ON dispositions(clue_id);
CREATE INDEX dispositions_state ON dispositions(state);
CREATE INDEX dispositions_clue_method ON dispositions(clue_id, method, state, id, proposed_by);
CREATE INDEX dispositions_returned ON dispositions(proposed_by, id) WHERE state = 'rejected';
CREATE INDEX dispositions_proposed ON dispositions(id) WHERE state = 'proposed';
CREATE TRIGGER metric_dispositions_ad AFTER DELETE ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id);
END;
CREATE TRIGGER metric_dispositions_ai AFTER INSERT ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_au AFTER UPDATE OF clue_id, state, method ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_bd BEFORE DELETE ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id);
END;
CREATE TRIGGER metric_dispositions_bi BEFORE INSERT ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_bu BEFORE UPDATE OF clue_id, state, method ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id, NEW.clue_id);
END;
