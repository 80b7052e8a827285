-- 0059: daily supervision, part one (issue 15; docs/architecture.md
-- "Personal matter reports and talks").
--
-- supervision_kinds: the editable code table of both families (family
-- 'matter_report': 婚 丧 庆 ...; family 'talk': 任前廉政谈话, 谈心谈话 ...);
-- seeded rows have builtin = 1 and the code the statistics name; staff
-- add kinds, none is ever deleted (a record keeps its kind).
--
-- matter_reports (重大事项报告): one report of a cadre's wedding, funeral or
-- other celebration, the event day and the day reported; the due day is
-- the clock personal_matter_report (30 calendar days from the event, the
-- rest-day rule of Civil Code art. 203; clocks.c) computed on read, never
-- stored; late = reported after it.  unit_id is the person's unit when
-- recorded (the jurisdiction of the report).
--
-- talks (谈话): one talk with one named person (persons = 1) or, for a
-- unit's own talks counted without names (unit_led = 1: 督促各单位负责人
-- 廉政谈话), a number of persons (人次).  The talker is an account
-- (talker_id) or a name typed for a unit's leader (talker_name).  The
-- note is encrypted at rest like a clue's summary (note_enc, bound to
-- talks.note/ID).
--
-- outcomes.supervision_id (0018: reserved for daily-supervision records)
-- now references talks: a reminder or warning talk that is first-form
-- treatment records its outcome on the talk.  The CHECK of 0008 (exactly
-- one of case_id, clue_id) becomes exactly one of case_id, clue_id,
-- supervision_id: 0059_talks.sqlite.sql rebuilds the table (SQLite cannot
-- change a CHECK), 0059_talks.pg.sql alters the constraint.
CREATE TABLE supervision_kinds (
	family     TEXT NOT NULL CHECK (family IN ('matter_report', 'talk')),
	code       TEXT NOT NULL,
	label      TEXT NOT NULL,
	ord        INTEGER NOT NULL DEFAULT 100,
	builtin    INTEGER NOT NULL DEFAULT 0,
	created_by BIGINT,
	created_at BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (family, code)
);
INSERT INTO supervision_kinds (family, code, label, ord, builtin) VALUES
	('matter_report', 'wedding', '婚嫁', 1, 1),
	('matter_report', 'funeral', '丧事', 2, 1),
	('matter_report', 'celebration', '其他喜庆事宜', 3, 1),
	('talk', 'pre_appointment', '任前廉政谈话', 1, 1),
	('talk', 'integrity', '廉政谈话', 2, 1),
	('talk', 'heart', '谈心谈话', 3, 1),
	('talk', 'reminder', '提醒谈话', 4, 1),
	('talk', 'warning', '诫勉谈话', 5, 1);

CREATE TABLE matter_reports (
	id              INTEGER PRIMARY KEY,
	person_id       BIGINT NOT NULL REFERENCES persons(id),
	unit_id         BIGINT NOT NULL REFERENCES units(id),
	kind            TEXT NOT NULL,
	event_day       TEXT NOT NULL,
	reported        TEXT NOT NULL,
	guests          INTEGER NOT NULL DEFAULT 0 CHECK (guests >= 0),
	tables_n        INTEGER NOT NULL DEFAULT 0 CHECK (tables_n >= 0),
	public_funds    INTEGER NOT NULL DEFAULT 0 CHECK (public_funds IN (0, 1)),
	public_vehicles INTEGER NOT NULL DEFAULT 0 CHECK (public_vehicles IN (0, 1)),
	note            TEXT NOT NULL DEFAULT '',
	state           TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'checked', 'concern')),
	checked_by      BIGINT REFERENCES users(id),
	checked_on      TEXT,
	created_by      BIGINT,
	created_at      BIGINT NOT NULL,
	ext_id          TEXT,
	extra           TEXT
);
CREATE INDEX matter_reports_person ON matter_reports(person_id);
CREATE INDEX matter_reports_unit ON matter_reports(unit_id, state);
CREATE INDEX matter_reports_reported ON matter_reports(reported);
CREATE INDEX matter_reports_ext ON matter_reports(ext_id);

CREATE TABLE talks (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL,
	day         TEXT NOT NULL,
	person_id   BIGINT REFERENCES persons(id),
	unit_id     BIGINT NOT NULL REFERENCES units(id),
	persons     INTEGER NOT NULL DEFAULT 1 CHECK (persons >= 1),
	unit_led    INTEGER NOT NULL DEFAULT 0 CHECK (unit_led IN (0, 1)),
	talker_id   BIGINT REFERENCES users(id),
	talker_name TEXT NOT NULL DEFAULT '',
	note_enc    TEXT,
	created_by  BIGINT,
	created_at  BIGINT NOT NULL,
	ext_id      TEXT,
	extra       TEXT,
	CHECK (person_id IS NULL OR persons = 1),
	CHECK (person_id IS NOT NULL OR unit_led = 1)
);
CREATE INDEX talks_day ON talks(day, kind);
CREATE INDEX talks_person ON talks(person_id);
CREATE INDEX talks_unit ON talks(unit_id);
CREATE INDEX talks_ext ON talks(ext_id);

-- integrity_updates: each time the supervising office brings a cadre's
-- integrity file (廉政档案, section-level and up) up to date (更新廉政档案);
-- the file itself is gathered from the records when read, never stored.
CREATE TABLE integrity_updates (
	id         INTEGER PRIMARY KEY,
	person_id  BIGINT NOT NULL REFERENCES persons(id),
	day        TEXT NOT NULL,
	user_id    BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL,
	extra      TEXT
);
CREATE INDEX integrity_updates_person ON integrity_updates(person_id, day);
CREATE INDEX integrity_updates_day ON integrity_updates(day);

-- The default annual template's figures of these records as placeholders
-- (docs/statistics.md "The annual report template"), by the rule of 0050
-- and 0054: only where the sentence is still the shipped text; version 1
-- changed in place while it is the newest and no kept rendering used it,
-- otherwise a new version of the newest with the sentences replaced.  The
-- 2022 report's 31 (任前廉政谈话), 54 (督促各单位负责人廉政谈话: 廉政谈话, in
-- the demo every one a unit leader's) and 20 (婚丧喜庆事宜报告) become
-- talks_pre_appointment, talks_integrity and matter_reports; "600余"
-- (谈心谈话) becomes talks_heart, the count itself without 余 (a count from
-- records is exact, as 0054 did for 近200); the 872 integrity files
-- updated (更新科级领导干部廉政档案) become integrity_files.
UPDATE annual_templates SET body = replace(replace(replace(body,
	'开展任前廉政谈话31人次，督促各单位负责人廉政谈话54人次；',
	'开展任前廉政谈话{{talks_pre_appointment}}人次，督促各单位负责人廉政谈话{{talks_integrity}}人次；'),
	'督促领导干部开展谈心谈话600余人次。',
	'督促领导干部开展谈心谈话{{talks_heart}}人次。'),
	'受理科级干部婚丧喜庆事宜报告20人次，更新科级领导干部廉政档案872份',
	'受理科级干部婚丧喜庆事宜报告{{matter_reports}}人次，更新科级领导干部廉政档案{{integrity_files}}份')
WHERE version = 1
	AND NOT EXISTS (SELECT 1 FROM annual_templates n WHERE n.version > 1)
	AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1);

INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, replace(replace(replace(t.body,
	'开展任前廉政谈话31人次，督促各单位负责人廉政谈话54人次；',
	'开展任前廉政谈话{{talks_pre_appointment}}人次，督促各单位负责人廉政谈话{{talks_integrity}}人次；'),
	'督促领导干部开展谈心谈话600余人次。',
	'督促领导干部开展谈心谈话{{talks_heart}}人次。'),
	'受理科级干部婚丧喜庆事宜报告20人次，更新科级领导干部廉政档案872份',
	'受理科级干部婚丧喜庆事宜报告{{matter_reports}}人次，更新科级领导干部廉政档案{{integrity_files}}份'),
	0, '系统（谈话、重大事项报告、廉政档案数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND replace(replace(replace(t.body,
	'开展任前廉政谈话31人次，督促各单位负责人廉政谈话54人次；',
	'开展任前廉政谈话{{talks_pre_appointment}}人次，督促各单位负责人廉政谈话{{talks_integrity}}人次；'),
	'督促领导干部开展谈心谈话600余人次。',
	'督促领导干部开展谈心谈话{{talks_heart}}人次。'),
	'受理科级干部婚丧喜庆事宜报告20人次，更新科级领导干部廉政档案872份',
	'受理科级干部婚丧喜庆事宜报告{{matter_reports}}人次，更新科级领导干部廉政档案{{integrity_files}}份') <> t.body;
