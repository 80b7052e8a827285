-- 0032: the trial stage (审理) as a sub-flow, and the official numbers of
-- cases and clues (issue 12).

-- 审理意见: the trial office's opinion on a case (facts found, nature 定性,
-- the proposed sanction per subject), encrypted at rest as one JSON text
-- bound to its row (x1:, core/crypto.h).  A revision is a new row; the
-- latest is the opinion in force.  Revisable until the case closes.
CREATE TABLE case_trial_opinions (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	case_id    BIGINT NOT NULL REFERENCES cases(id),
	day        TEXT NOT NULL,
	text_enc   TEXT NOT NULL,
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL
);
CREATE INDEX case_trial_opinions_case ON case_trial_opinions(case_id, id);

-- 退回补充调查: the case sent back from trial to the investigation (seq
-- 1, 2, ... per case), the day, the reason (encrypted), the day the
-- supplementary investigation is due (clock_limits.trial_return) and the
-- day the trial office accepted it again (NULL while it is back).  The
-- trial clock does not run while it is back (clocks: case_trial_due).
CREATE TABLE case_trial_returns (
	id         INTEGER PRIMARY KEY,
	region     TEXT NOT NULL,
	case_id    BIGINT NOT NULL REFERENCES cases(id),
	seq        INTEGER NOT NULL CHECK (seq > 0),
	sent_day   TEXT NOT NULL,
	due_day    TEXT NOT NULL,
	back_day   TEXT,
	reason_enc TEXT NOT NULL,
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL,
	UNIQUE (case_id, seq)
);

-- How many times a step may be taken on one matter, effective-dated with
-- its source: the row in force on the step's day (latest effective_from
-- not after it) applies.
CREATE TABLE step_limits (
	step           TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	max_count      INTEGER NOT NULL CHECK (max_count > 0),
	source         TEXT NOT NULL,
	PRIMARY KEY (step, effective_from)
);
INSERT INTO step_limits (step, effective_from, max_count, source) VALUES
	('trial_return', '2021-09-20', 2,
	 '《中华人民共和国监察法实施条例》（2021）审理部分：经审批退回承办部门补充调查，补充调查期间不计入审理期限（条文序号待核）；以二次为限参照《监察法》（2018）第四十七条第三款（补充调查以二次为限），本委规定');

INSERT INTO clock_limits (clock, amount, unit, label) VALUES
	('trial_return', 1, 'months', '退回补充调查');
INSERT INTO clock_limit_versions (clock, effective_from, amount, unit, source) VALUES
	('trial_return', '2021-09-20', 1, 'months',
	 '补充调查一个月内完成：参照《监察法》（2018）第四十七条第三款（一个月内补充调查完毕），本委规定；补充调查期间不计入审理期限（《监察法实施条例》（2021）审理部分，条文序号待核）');

-- Official numbers: a pattern per kind, effective-dated with its source
-- ({year} the year of the record's day, {n} the counter, {n3} the counter
-- with at least 3 digits); a counter per kind and year, allocated in the
-- write's transaction (numbering.c).
--   case_filing: 立案编号, one per subject (立案决定书 per person)
--   clue:        线索编号, one per clue
CREATE TABLE number_patterns (
	kind           TEXT NOT NULL,
	effective_from TEXT NOT NULL,
	pattern        TEXT NOT NULL,
	source         TEXT NOT NULL,
	created_by     BIGINT REFERENCES users(id),
	created_at     BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (kind, effective_from)
);
INSERT INTO number_patterns (kind, effective_from, pattern, source) VALUES
	('case_filing', '2000-01-01', '纪立〔{year}〕{n}号', '本委编号规则（立案决定书按人编号）'),
	('clue', '2000-01-01', '线索〔{year}〕{n3}号', '本委编号规则');
CREATE TABLE number_counters (
	kind TEXT NOT NULL,
	year INTEGER NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (kind, year)
);

ALTER TABLE case_subjects ADD COLUMN filing_no TEXT;
CREATE UNIQUE INDEX case_subjects_filing_no ON case_subjects(filing_no);
ALTER TABLE clues ADD COLUMN clue_no TEXT;
CREATE UNIQUE INDEX clues_clue_no ON clues(clue_no);
