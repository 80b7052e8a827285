-- 0008: reports (信访举报), cases (立案) with their handling team, notes,
-- detention and its extensions, outcomes with their measures and the
-- execution of sanctions, clarifications, follow-up visits, recusal
-- declarations, accountability and recovered money (DOMAIN.md sections
-- 2-5).  Narrative text and the reporter's identity are encrypted at rest
-- (*_enc, bound to their row).  `ext_id` is the id a record had in an
-- imported file (INTERCHANGE.md); `extra` keeps the file's unknown fields
-- as a JSON object, written back on export.

-- the office (科室) a staff member works in: the case manager's overview
-- of deadlines groups by it
ALTER TABLE users ADD COLUMN office TEXT NOT NULL DEFAULT '';

ALTER TABLE units ADD COLUMN extra TEXT;
ALTER TABLE persons ADD COLUMN extra TEXT;
ALTER TABLE campaigns ADD COLUMN extra TEXT;
ALTER TABLE clues ADD COLUMN extra TEXT;
ALTER TABLE dispositions ADD COLUMN extra TEXT;
CREATE INDEX units_ext ON units(ext_id);
CREATE INDEX persons_ext ON persons(ext_id);
CREATE INDEX campaigns_ext ON campaigns(ext_id);
CREATE INDEX clues_ext ON clues(ext_id);

-- unit_id: the unit of the first accused person (jurisdiction); NULL when
-- nobody is named, then only the unscoped roles see the report.
-- other_level: it belongs to another level and must be transferred
-- (report_transfer clock from `received`).
CREATE TABLE reports (
	id            INTEGER PRIMARY KEY,
	region        TEXT NOT NULL,
	received      TEXT NOT NULL,
	channel       TEXT NOT NULL CHECK (channel IN ('letter','visit','phone','online','qr','transfer')),
	real_name     INTEGER NOT NULL DEFAULT 0,
	category      TEXT NOT NULL CHECK (category IN ('accusation','appeal','suggestion','other')),
	unit_id       BIGINT REFERENCES units(id),
	reporter_enc  TEXT,
	contact_enc   TEXT,
	summary_enc   TEXT,
	state         TEXT NOT NULL DEFAULT 'registered'
	              CHECK (state IN ('registered','accepted','not_accepted','transferred','concluded')),
	other_level   INTEGER NOT NULL DEFAULT 0,
	accepted      TEXT,
	accept_note   TEXT NOT NULL DEFAULT '',
	transferred   TEXT,
	transfer_to   TEXT NOT NULL DEFAULT '',
	concluded     TEXT,
	notified_accept  TEXT,
	notified_outcome TEXT,
	clue_id       BIGINT REFERENCES clues(id),
	ext_id        TEXT,
	extra         TEXT,
	created_by    BIGINT REFERENCES users(id),
	created_at    BIGINT NOT NULL,
	updated_at    BIGINT NOT NULL
);
CREATE INDEX reports_received ON reports(received);
CREATE INDEX reports_state ON reports(state);
CREATE INDEX reports_unit ON reports(unit_id);
CREATE INDEX reports_ext ON reports(ext_id);

CREATE TABLE report_accused (
	report_id BIGINT NOT NULL REFERENCES reports(id),
	person_id BIGINT NOT NULL REFERENCES persons(id),
	PRIMARY KEY (report_id, person_id)
);
CREATE INDEX report_accused_person ON report_accused(person_id);

-- a case is filed from one clue (by an approved file_case disposition or
-- an import); state: investigating -> trial (trial_accepted set) -> closed
CREATE TABLE cases (
	id             INTEGER PRIMARY KEY,
	region         TEXT NOT NULL,
	clue_id        BIGINT NOT NULL REFERENCES clues(id),
	disposition_id BIGINT REFERENCES dispositions(id),
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	campaign_id    BIGINT REFERENCES campaigns(id),
	filed          TEXT NOT NULL,
	state          TEXT NOT NULL DEFAULT 'investigating'
	               CHECK (state IN ('investigating','trial','closed')),
	transferred    TEXT,
	trial_accepted TEXT,
	closed         TEXT,
	summary_enc    TEXT,
	ext_id         TEXT,
	extra          TEXT,
	created_by     BIGINT REFERENCES users(id),
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
);
CREATE INDEX cases_clue ON cases(clue_id);
CREATE INDEX cases_filed ON cases(filed);
CREATE INDEX cases_closed ON cases(closed);
CREATE INDEX cases_state ON cases(state);
CREATE INDEX cases_unit ON cases(unit_id);
CREATE INDEX cases_ext ON cases(ext_id);

CREATE TABLE case_subjects (
	case_id   BIGINT NOT NULL REFERENCES cases(id),
	person_id BIGINT NOT NULL REFERENCES persons(id),
	PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_subjects_person ON case_subjects(person_id);

-- the handling team (need-to-know).  override_by: the leader who allowed
-- a member despite a conflict (recusal), with the reason
CREATE TABLE case_team (
	case_id         BIGINT NOT NULL REFERENCES cases(id),
	user_id         BIGINT NOT NULL REFERENCES users(id),
	role            TEXT NOT NULL CHECK (role IN ('lead','member','trial')),
	assigned_by     BIGINT REFERENCES users(id),
	assigned_at     BIGINT NOT NULL,
	override_by     BIGINT REFERENCES users(id),
	override_reason TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user ON case_team(user_id);

CREATE TABLE case_notes (
	id       INTEGER PRIMARY KEY,
	region   TEXT NOT NULL,
	case_id  BIGINT NOT NULL REFERENCES cases(id),
	at       BIGINT NOT NULL,
	user_id  BIGINT REFERENCES users(id),
	text_enc TEXT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes(case_id, id);

-- the clock runs from `start` (the day detention is announced); `end` is
-- the day it ended; the limit is clock_limits.detention plus the approved
-- extensions
CREATE TABLE detentions (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	case_id    BIGINT NOT NULL REFERENCES cases(id),
	person_id  BIGINT NOT NULL REFERENCES persons(id),
	start_day  TEXT NOT NULL,
	end_day    TEXT,
	extra      TEXT,
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE INDEX detentions_case ON detentions(case_id);
CREATE INDEX detentions_start ON detentions(start_day);

-- kind: extension (上一级批准, once), national (国家监委批准, +2 months),
-- recalc (重新计算, once: the clock restarts on `approved`)
CREATE TABLE detention_extensions (
	id           INTEGER PRIMARY KEY,
	detention_id BIGINT NOT NULL REFERENCES detentions(id),
	kind         TEXT NOT NULL CHECK (kind IN ('extension','national','recalc')),
	months       INTEGER NOT NULL,
	approved     TEXT NOT NULL,
	approver     TEXT NOT NULL DEFAULT '',
	note         TEXT NOT NULL DEFAULT '',
	user_id      BIGINT REFERENCES users(id),
	at           BIGINT NOT NULL
);
CREATE INDEX detention_extensions_det ON detention_extensions(detention_id);

-- what a handler declared he must not handle: a person or a unit
CREATE TABLE conflicts (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	user_id     BIGINT NOT NULL REFERENCES users(id),
	person_id   BIGINT REFERENCES persons(id),
	unit_id     BIGINT REFERENCES units(id),
	note        TEXT NOT NULL DEFAULT '',
	declared_at BIGINT NOT NULL,
	CHECK (person_id IS NOT NULL OR unit_id IS NOT NULL)
);
CREATE INDEX conflicts_user ON conflicts(user_id);

-- one person, one matter (a case or a clue), one date; form is computed
-- from the measures (measures.c), never typed.  bar_until: the end of the
-- influence period (YYYY-MM-DD), '9999-12-31' permanent, NULL none.
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
	CHECK ((case_id IS NULL) <> (clue_id IS NULL))
);
CREATE INDEX outcomes_day ON outcomes(day);
CREATE INDEX outcomes_person ON outcomes(person_id);
CREATE INDEX outcomes_case ON outcomes(case_id);
CREATE INDEX outcomes_clue ON outcomes(clue_id);

CREATE TABLE outcome_measures (
	outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
	measure    TEXT NOT NULL,
	PRIMARY KEY (outcome_id, measure)
);

-- 处分决定执行: each item checked off with the day it was done
CREATE TABLE executions (
	outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
	item       TEXT NOT NULL CHECK (item IN ('delivered','appraisal','pay_grade','bonus','promotion_bar')),
	done       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	user_id    BIGINT REFERENCES users(id),
	at         BIGINT NOT NULL,
	PRIMARY KEY (outcome_id, item)
);

-- 澄清正名 (a subject cleared of a false report)
CREATE TABLE clarifications (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	person_id  BIGINT NOT NULL REFERENCES persons(id),
	case_id    BIGINT REFERENCES cases(id),
	clue_id    BIGINT REFERENCES clues(id),
	day        TEXT NOT NULL,
	manner     TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE INDEX clarifications_person ON clarifications(person_id);

-- 回访 of a sanctioned person
CREATE TABLE followups (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
	day        TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE INDEX followups_outcome ON followups(outcome_id);

-- 问责: against a unit or a leader
CREATE TABLE accountabilities (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	started     TEXT NOT NULL,
	unit_id     BIGINT REFERENCES units(id),
	person_id   BIGINT REFERENCES persons(id),
	campaign_id BIGINT REFERENCES campaigns(id),
	summary     TEXT NOT NULL DEFAULT '',
	ext_id      TEXT,
	extra       TEXT,
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL,
	CHECK (unit_id IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX accountabilities_started ON accountabilities(started);

-- 挽回经济损失 / 责令退回, in fen
CREATE TABLE recoveries (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	day         TEXT NOT NULL,
	amount_fen  BIGINT NOT NULL CHECK (amount_fen >= 0),
	kind        TEXT NOT NULL CHECK (kind IN ('recovered','returned')),
	campaign_id BIGINT REFERENCES campaigns(id),
	case_id     BIGINT REFERENCES cases(id),
	extra       TEXT,
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL
);
CREATE INDEX recoveries_day ON recoveries(day);
