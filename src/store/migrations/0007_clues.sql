-- 0007: special campaigns, problem clues with their subjects, the
-- dispositions proposed and approved on them, and the timeline of every
-- step (DOMAIN.md section 2).  A clue's summary is narrative text and is
-- stored encrypted (summary_enc); `unit_id` is the unit of its first
-- subject, the one jurisdiction checks use.

CREATE TABLE campaigns (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	name       TEXT NOT NULL,
	start_day  TEXT,
	end_day    TEXT,
	ext_id     TEXT,
	created_at BIGINT NOT NULL
);

CREATE TABLE clues (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	received       TEXT NOT NULL,
	source         TEXT NOT NULL CHECK (source IN ('report','inspection','audit','judicial','supervision','campaign','superior','other')),
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
);
CREATE INDEX clues_state ON clues(state);
CREATE INDEX clues_received ON clues(received);
CREATE INDEX clues_unit ON clues(unit_id);
CREATE INDEX clues_first_disposed ON clues(first_disposed);

CREATE TABLE clue_subjects (
	clue_id   BIGINT NOT NULL REFERENCES clues(id),
	person_id BIGINT NOT NULL REFERENCES persons(id),
	PRIMARY KEY (clue_id, person_id)
);
CREATE INDEX clue_subjects_person ON clue_subjects(person_id);

-- state: proposed, approved, rejected; `decided` is the date of the
-- approved decision (the day the clue counts as disposed the first time)
CREATE TABLE dispositions (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	clue_id     BIGINT NOT NULL REFERENCES clues(id),
	method      TEXT NOT NULL CHECK (method IN ('talk_inquiry','preliminary_verification','shelve','close','file_case')),
	reason      TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed','approved','rejected')),
	proposed_by BIGINT REFERENCES users(id),
	proposed_at BIGINT NOT NULL,
	decided     TEXT,
	decided_by  BIGINT REFERENCES users(id),
	decided_at  BIGINT,
	decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dispositions_clue ON dispositions(clue_id);
CREATE INDEX dispositions_state ON dispositions(state);

-- every step of a record, as people read it on its page
CREATE TABLE timeline (
	id        INTEGER PRIMARY KEY,
	region    TEXT NOT NULL,
	object    TEXT NOT NULL,
	at        BIGINT NOT NULL,
	user_id   BIGINT REFERENCES users(id),
	user_name TEXT NOT NULL,
	action    TEXT NOT NULL,
	detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timeline_object ON timeline(object, id);

-- the commission's principal leader (主要负责人) approves dispositions of
-- county-rank subjects
ALTER TABLE users ADD COLUMN principal INTEGER NOT NULL DEFAULT 0;
