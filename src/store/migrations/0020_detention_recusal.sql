-- 0020: detention (留置) under the Supervision Law as revised (in force
-- 2025-06-01), the separation of investigation and trial, and recusal
-- (回避) per matter with its statutory grounds (DOMAIN.md section 2).

-- The detention rules as effective-dated data: the row of a step in force
-- on a day is the one with the latest `effective_from` not after it; a step
-- with no row in force that day is not available (the national extension
-- and the recalculation before 2025-06-01).  unit: months (the length the
-- step gives) or hours (the notice); min_level: the lowest level of
-- commission that may decide the step (county < prefecture < province);
-- approver: who must approve it (Chinese, shown in the messages).
CREATE TABLE detention_limits (
	step           TEXT NOT NULL CHECK (step IN ('detention','extension','national','recalc','notice')),
	effective_from TEXT NOT NULL,
	amount         INTEGER NOT NULL CHECK (amount >= 0),
	unit           TEXT NOT NULL CHECK (unit IN ('months','hours')),
	min_level      TEXT NOT NULL DEFAULT 'county' CHECK (min_level IN ('county','prefecture','province')),
	approver       TEXT NOT NULL DEFAULT '',
	source         TEXT NOT NULL,
	PRIMARY KEY (step, effective_from)
);
INSERT INTO detention_limits (step, effective_from, amount, unit, min_level, approver, source) VALUES
	('detention', '2018-03-20', 3, 'months', 'county', '上一级监察机关',
	 '《监察法》（2018）第四十三条：设区的市级以下监察机关采取留置措施，应当报上一级监察机关批准；留置时间不得超过三个月'),
	('extension', '2018-03-20', 3, 'months', 'county', '上一级监察机关',
	 '《监察法》（2018）第四十三条：在特殊情况下，可以延长一次，延长时间不得超过三个月，报上一级监察机关批准'),
	('notice', '2018-03-20', 24, 'hours', 'county', '',
	 '《监察法》（2018）第四十四条：采取留置措施后，应当在二十四小时以内通知被留置人员所在单位和家属'),
	('detention', '2025-06-01', 3, 'months', 'county', '上一级监察机关',
	 '《监察法》（2024年修正，2025-06-01施行）第四十八条'),
	('extension', '2025-06-01', 3, 'months', 'county', '上一级监察机关',
	 '《监察法》（2024年修正，2025-06-01施行）第四十八条'),
	('national', '2025-06-01', 2, 'months', 'county', '国家监察委员会',
	 '《监察法》（2024年修正，2025-06-01施行）第四十九条第一款：可能判处十年有期徒刑以上刑罚，延长期限届满仍不能调查终结的，经国家监察委员会批准或者决定，可以再延长二个月'),
	('recalc', '2025-06-01', 3, 'months', 'province', '国家监察委员会',
	 '《监察法》（2024年修正，2025-06-01施行）第四十九条第二款：省级以上监察机关发现另有重大职务犯罪，经国家监察委员会批准或者决定，自发现之日起重新计算留置时间，以一次为限'),
	('notice', '2025-06-01', 24, 'hours', 'county', '',
	 '《监察法》（2024年修正，2025-06-01施行）第五十条：采取留置措施后，应当在二十四小时以内通知被留置人员所在单位和家属');

-- The approval of the level above that started the detention (who, the
-- day), and the moment it was announced (YYYY-MM-DDTHH:MM, China Standard
-- Time): the 24-hour notice clock runs from it.  NULL on detentions made
-- before this migration (the case page says the approval was not recorded).
ALTER TABLE detentions ADD COLUMN approved_by TEXT;
ALTER TABLE detentions ADD COLUMN approved_day TEXT;
ALTER TABLE detentions ADD COLUMN announced_at TEXT;
-- the national extension's ground: the likely sentence is 10 years or more
ALTER TABLE detention_extensions ADD COLUMN ten_years INTEGER NOT NULL DEFAULT 0;

-- the notices to the family and the unit (one each), with the moment
CREATE TABLE detention_notices (
	id           INTEGER PRIMARY KEY,
	detention_id BIGINT NOT NULL REFERENCES detentions(id),
	party        TEXT NOT NULL CHECK (party IN ('family','unit')),
	notified_at  TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	user_id      BIGINT REFERENCES users(id),
	at           BIGINT NOT NULL,
	UNIQUE (detention_id, party)
);

-- Recusal declared per matter (a case or a clue) with its ground: the
-- statutory grounds exclude the person and no one may override them;
-- `other` is decided by a leader (not the declarer) with a reason:
-- decision 'recuse' (excluded) or 'allow'; undecided excludes.
CREATE TABLE recusals (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	user_id     BIGINT NOT NULL REFERENCES users(id),
	case_id     BIGINT REFERENCES cases(id),
	clue_id     BIGINT REFERENCES clues(id),
	ground      TEXT NOT NULL CHECK (ground IN ('relative_subject','relative_reporter','witness',
	                                            'interest','fairness','other')),
	note        TEXT NOT NULL DEFAULT '',
	declared_at BIGINT NOT NULL,
	decision    TEXT CHECK (decision IN ('recuse','allow')),
	decided_by  BIGINT REFERENCES users(id),
	decided_at  BIGINT,
	reason      TEXT NOT NULL DEFAULT '',
	CHECK ((case_id IS NULL) <> (clue_id IS NULL))
);
CREATE INDEX recusals_user ON recusals(user_id);
CREATE INDEX recusals_case ON recusals(case_id);
CREATE INDEX recusals_clue ON recusals(clue_id);

-- the ground of a standing declaration (a person or a unit): declarations
-- made before this migration had none and keep the old meaning, `other`
-- (a leader may still let the person handle the matter, with a reason)
ALTER TABLE conflicts ADD COLUMN ground TEXT NOT NULL DEFAULT 'other';
