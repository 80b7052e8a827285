-- 0103 on SQLite (issue 16, sqimp16j): the IN-list CHECKs of the tables
-- the import writes most, approvals.kind, cases.state, persons.rank and
-- clues.source, written as comparisons joined by OR, as 0098 wrote
-- dispositions'.  SQLite 3.40 evaluates a CHECK's `x IN (three or more
-- constants)` by building a temporary index of the constants at every
-- execution of an INSERT or UPDATE; the OR chain accepts and refuses the
-- same values (the columns are NOT NULL; a NULL would pass both forms).
-- approvals.decision keeps its IN: two constants are compared one by
-- one, no index.  units.kind keeps its IN: a unit is rarely written and
-- 22 foreign keys refer to units.  PostgreSQL unchanged.
--
-- SQLite cannot change a CHECK: each table is rebuilt as 0098 rebuilt
-- dispositions (no RENAME: views name the tables).  The rows go through a
-- temporary copy and come back unchanged with their ids; the indexes and
-- triggers are created again as the schema at 0102 has them, the indexes
-- in the order the schema made them (where two plans cost the same SQLite
-- keeps the index it met first: t241; a bulk import, store/q_ixdefer.c,
-- leaves some of them after the others, and this rebuild puts them back in
-- the schema's order).  Foreign keys are deferred to the
-- commit: dropping a table counts each row that refers to one of its rows
-- as a violation and putting the same ids back clears it, so a lost row
-- fails the migration.  Those counts look the referring rows up; where no
-- index has the referring column first one is made for the rebuild and
-- dropped after it.  A table's own indexes are dropped before the table:
-- with foreign keys on, DROP TABLE deletes row by row, and each index
-- cost a seek a row (at 10M, 294 s of the clues' drop with them).
--
-- A migration before this one that changes one of these tables' columns,
-- indexes or triggers must change this rebuild too: the columns, foreign
-- keys, indexes and triggers are saved first and compared at the end,
-- and a difference fails the migration (m0103_schema_kept) instead of
-- losing an index in silence.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE m0103_before AS
	SELECT tbl_name, type, name, sql FROM sqlite_schema
	WHERE tbl_name IN ('approvals', 'cases', 'persons', 'clues') AND type IN ('index', 'trigger');
CREATE TEMP TABLE m0103_cols_before AS
	WITH t(name) AS (VALUES ('approvals'), ('cases'), ('persons'), ('clues'))
	SELECT t.name AS tbl, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk
	FROM t JOIN pragma_table_info(t.name) AS c;
CREATE TEMP TABLE m0103_fks_before AS
	WITH t(name) AS (VALUES ('approvals'), ('cases'), ('persons'), ('clues'))
	SELECT t.name AS tbl, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete, f."match"
	FROM t JOIN pragma_foreign_key_list(t.name) AS f;
-- the referring columns no index leads (reports.clue_id, recoveries.case_id,
-- detentions.person_id, conflicts.person_id, accountabilities.person_id)
CREATE INDEX reports_clue_0103 ON reports(clue_id);
CREATE INDEX recoveries_case_0103 ON recoveries(case_id);
CREATE INDEX detentions_person_0103 ON detentions(person_id);
CREATE INDEX conflicts_person_0103 ON conflicts(person_id);
CREATE INDEX accountabilities_person_0103 ON accountabilities(person_id);

-- approvals
CREATE TEMP TABLE approvals_0103 AS SELECT * FROM approvals;
DROP INDEX approvals_object;
DROP TABLE approvals;
CREATE TABLE approvals (
	id        INTEGER PRIMARY KEY,
	region    TEXT NOT NULL,
	object    TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind = 'disposition' OR kind = 'filing'
		OR kind = 'filing_committee'),
	decision  TEXT NOT NULL CHECK (decision IN ('approved','rejected')),
	user_id   BIGINT REFERENCES users(id),
	approver  TEXT NOT NULL,
	day       TEXT NOT NULL,
	reason    TEXT NOT NULL DEFAULT '',
	at        BIGINT NOT NULL
);
INSERT INTO approvals SELECT * FROM temp.approvals_0103 ORDER BY id;
DROP TABLE temp.approvals_0103;
CREATE INDEX approvals_object ON approvals(object, id);

-- cases
CREATE TEMP TABLE cases_0103 AS SELECT * FROM cases;
DROP INDEX cases_clue;
DROP INDEX cases_filed;
DROP INDEX cases_closed;
DROP INDEX cases_state;
DROP INDEX cases_unit;
DROP INDEX cases_ext;
DROP INDEX cases_transferred;
DROP INDEX cases_trial_due;
DROP INDEX cases_campaign;
DROP INDEX cases_trial_office;
DROP TABLE cases;
CREATE TABLE cases (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	clue_id        BIGINT NOT NULL REFERENCES clues(id),
	disposition_id BIGINT REFERENCES dispositions(id),
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	campaign_id    BIGINT REFERENCES campaigns(id),
	filed          TEXT NOT NULL,
	state          TEXT NOT NULL DEFAULT 'investigating'
	               CHECK (state = 'investigating' OR state = 'trial' OR state = 'closed'),
	transferred    TEXT,
	trial_accepted TEXT,
	closed         TEXT,
	summary_enc    TEXT,
	ext_id         TEXT,
	extra          TEXT,
	created_by     BIGINT REFERENCES users(id),
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
, trial_due TEXT, case_type TEXT, organ_kind TEXT, organ_name TEXT NOT NULL DEFAULT '', lead_office TEXT NOT NULL DEFAULT '');
INSERT INTO cases SELECT * FROM temp.cases_0103 ORDER BY id;
DROP TABLE temp.cases_0103;
CREATE INDEX cases_clue ON cases(clue_id);
CREATE INDEX cases_filed ON cases(filed);
CREATE INDEX cases_closed ON cases(closed);
CREATE INDEX cases_state ON cases(state);
CREATE INDEX cases_unit ON cases(unit_id);
CREATE INDEX cases_ext ON cases(ext_id);
CREATE INDEX cases_transferred ON cases(transferred);
CREATE INDEX cases_trial_due ON cases(state, trial_due);
CREATE INDEX cases_campaign ON cases(campaign_id);
CREATE INDEX cases_trial_office ON cases(state, lead_office, trial_due);
CREATE TRIGGER metric_cases_ai AFTER INSERT ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_cases_bu BEFORE UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_cases_au AFTER UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_cases_bd BEFORE DELETE ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_cases_ad AFTER DELETE ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id);
END;

-- persons
CREATE TEMP TABLE persons_0103 AS SELECT * FROM persons;
DROP INDEX persons_unit;
DROP INDEX persons_region_name;
DROP INDEX persons_id_mac;
DROP INDEX persons_ext;
DROP INDEX persons_id_tail4;
DROP INDEX persons_id_tail6;
DROP TABLE persons;
CREATE TABLE persons (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	name           TEXT NOT NULL,
	position       TEXT NOT NULL DEFAULT '',
	rank           TEXT NOT NULL CHECK (rank = 'county' OR rank = 'section' OR rank = 'staff'
		OR rank = 'village' OR rank = 'other'),
	top_leader     INTEGER NOT NULL DEFAULT 0,
	leadership     INTEGER NOT NULL DEFAULT 0,
	party_member   INTEGER NOT NULL DEFAULT 0,
	id_number_enc  TEXT,
	id_number_mac  TEXT,
	ext_id         TEXT,
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
, extra TEXT, id_tail4_mac TEXT, id_tail6_mac TEXT, gender TEXT NOT NULL DEFAULT '', birth_date TEXT, ethnicity TEXT NOT NULL DEFAULT '', party_joined TEXT, npc_deputy INTEGER NOT NULL DEFAULT 0, cppcc_member INTEGER NOT NULL DEFAULT 0);
INSERT INTO persons SELECT * FROM temp.persons_0103 ORDER BY id;
DROP TABLE temp.persons_0103;
CREATE INDEX persons_unit ON persons(unit_id);
CREATE INDEX persons_region_name ON persons(region, name);
CREATE UNIQUE INDEX persons_id_mac ON persons(id_number_mac);
CREATE INDEX persons_ext ON persons(ext_id);
CREATE INDEX persons_id_tail4 ON persons(id_tail4_mac);
CREATE INDEX persons_id_tail6 ON persons(id_tail6_mac);

-- clues
CREATE TEMP TABLE clues_0103 AS SELECT * FROM clues;
DROP INDEX clues_state;
DROP INDEX clues_received;
DROP INDEX clues_first_disposed;
DROP INDEX clues_ext;
DROP INDEX clues_clock;
DROP INDEX clues_unit_received;
DROP INDEX clues_unit_clock;
DROP INDEX clues_clue_no;
DROP INDEX clues_assigned_office;
DROP INDEX clues_forward_due;
DROP INDEX clues_inspection;
DROP INDEX clues_source_received;
DROP INDEX clues_verification;
DROP TABLE clues;
CREATE TABLE clues (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	received       TEXT NOT NULL,
	source         TEXT NOT NULL CHECK (source = 'report' OR source = 'inspection' OR source = 'audit'
		OR source = 'judicial' OR source = 'supervision' OR source = 'campaign' OR source = 'superior'
		OR source = 'other'),
	source_ref     TEXT NOT NULL DEFAULT '',
	campaign_id    BIGINT REFERENCES campaigns(id),
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	summary_enc    TEXT,
	state          TEXT NOT NULL DEFAULT 'registered',
	first_disposed TEXT,
	ext_id         TEXT,
	created_by     BIGINT REFERENCES users(id),
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
, extra TEXT, clock_start TEXT, forward_due TEXT, clue_no TEXT, assigned_office TEXT NOT NULL DEFAULT '', assigned_at BIGINT NOT NULL DEFAULT 0, verification_office TEXT, inspection_id BIGINT REFERENCES inspections(id)
	CHECK (inspection_id IS NULL OR source = 'inspection'));
INSERT INTO clues SELECT * FROM temp.clues_0103 ORDER BY id;
DROP TABLE temp.clues_0103;
CREATE INDEX clues_state ON clues(state);
CREATE INDEX clues_received ON clues(received);
CREATE INDEX clues_first_disposed ON clues(first_disposed);
CREATE INDEX clues_ext ON clues(ext_id);
CREATE INDEX clues_clock ON clues(state, clock_start);
CREATE INDEX clues_unit_received ON clues(unit_id, received);
CREATE INDEX clues_unit_clock ON clues(unit_id, state, clock_start);
CREATE UNIQUE INDEX clues_clue_no ON clues(clue_no);
CREATE INDEX clues_assigned_office ON clues(assigned_office, state);
CREATE INDEX clues_forward_due ON clues(forward_due);
CREATE INDEX clues_inspection ON clues(inspection_id);
CREATE INDEX clues_source_received ON clues(source, received, unit_id, inspection_id);
CREATE INDEX clues_verification ON clues(state, verification_office, clock_start, id, unit_id);
CREATE TRIGGER metric_clues_ai AFTER INSERT ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_clues_bu BEFORE UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_clues_au AFTER UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_clues_bd BEFORE DELETE ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_clues_ad AFTER DELETE ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id);
END;

DROP INDEX reports_clue_0103;
DROP INDEX recoveries_case_0103;
DROP INDEX detentions_person_0103;
DROP INDEX conflicts_person_0103;
DROP INDEX accountabilities_person_0103;
-- nothing lost or added: a difference makes a row the guard refuses
CREATE TEMP TABLE m0103_guard (
	differences INTEGER NOT NULL CONSTRAINT m0103_schema_kept CHECK (differences = 0)
);
INSERT INTO m0103_guard
	WITH after AS (SELECT tbl_name, type, name, sql FROM sqlite_schema
		WHERE tbl_name IN ('approvals', 'cases', 'persons', 'clues') AND type IN ('index', 'trigger')),
	t(name) AS (VALUES ('approvals'), ('cases'), ('persons'), ('clues')),
	cols AS (SELECT t.name AS tbl, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk
		FROM t JOIN pragma_table_info(t.name) AS c),
	fks AS (SELECT t.name AS tbl, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete, f."match"
		FROM t JOIN pragma_foreign_key_list(t.name) AS f)
	SELECT (SELECT count(*) FROM (SELECT * FROM after EXCEPT SELECT * FROM temp.m0103_before))
		+ (SELECT count(*) FROM (SELECT * FROM temp.m0103_before EXCEPT SELECT * FROM after))
		+ (SELECT count(*) FROM (SELECT * FROM cols EXCEPT SELECT * FROM temp.m0103_cols_before))
		+ (SELECT count(*) FROM (SELECT * FROM temp.m0103_cols_before EXCEPT SELECT * FROM cols))
		+ (SELECT count(*) FROM (SELECT * FROM fks EXCEPT SELECT * FROM temp.m0103_fks_before))
		+ (SELECT count(*) FROM (SELECT * FROM temp.m0103_fks_before EXCEPT SELECT * FROM fks));
DROP TABLE temp.m0103_guard;
DROP TABLE temp.m0103_before;
DROP TABLE temp.m0103_cols_before;
DROP TABLE temp.m0103_fks_before;
