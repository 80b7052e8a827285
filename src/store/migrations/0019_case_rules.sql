-- 0019: cases, jurisdiction and forwarding, approvals, violation
-- categories and the clue flow of DOMAIN.md section 2 (issue 10, part B).
--
-- jurisdiction_rules: which rank of subject is managed one level up at a
-- deployment of a given level (the `level` setting: county, prefecture,
-- province; county when unset).  Effective-dated: the row with the latest
-- valid_from on or before the day decides; up = 0 ends a rule.  A report
-- or clue about such a subject, or about the commission's principal
-- leader, is forwarded up (clock report_transfer, 5 working days), not
-- disposed here.
CREATE TABLE jurisdiction_rules (
	level      TEXT NOT NULL CHECK (level IN ('county','prefecture','province')),
	rank       TEXT NOT NULL,
	valid_from TEXT NOT NULL,
	up         INTEGER NOT NULL DEFAULT 1,
	source     TEXT NOT NULL,
	PRIMARY KEY (level, rank, valid_from)
);
INSERT INTO jurisdiction_rules (level, rank, valid_from, up, source) VALUES
	('county', 'county', '2019-01-01', 1,
	 '干部管理权限：县处级干部由上一级党委管理；《纪检监察机关处理检举控告工作规则》第十五条、《监察法实施条例》第一百六十九条（5个工作日内报送上一级）');

-- approvals: every approval is a record (who, when, the decision, a reason
-- when refused).  object: what was approved ("disposition/12"); kind:
-- disposition (an ordinary disposition), filing (立案: the commission's
-- principal leader), filing_committee (the same-level party committee's
-- principal leader, recorded by name and date: not a user of this
-- platform).  day: the date of the decision.
CREATE TABLE approvals (
	id        INTEGER PRIMARY KEY,
	region    TEXT NOT NULL,
	object    TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('disposition','filing','filing_committee')),
	decision  TEXT NOT NULL CHECK (decision IN ('approved','rejected')),
	user_id   BIGINT REFERENCES users(id),
	approver  TEXT NOT NULL,
	day       TEXT NOT NULL,
	reason    TEXT NOT NULL DEFAULT '',
	at        BIGINT NOT NULL
);
CREATE INDEX approvals_object ON approvals(object, id);

-- the catalog of violation categories (违纪违法类别), editable by the case
-- manager: a category is added or retired (retired: the day from which it
-- is no longer offered), never deleted, so a case keeps what it was filed
-- under.
CREATE TABLE violation_categories (
	code       TEXT NOT NULL PRIMARY KEY,
	label      TEXT NOT NULL,
	source     TEXT NOT NULL DEFAULT '',
	valid_from TEXT NOT NULL,
	retired    TEXT,
	created_at BIGINT NOT NULL
);
INSERT INTO violation_categories (code, label, source, valid_from, created_at) VALUES
	('political', '违反政治纪律', '《中国共产党纪律处分条例》(2023) 第六章', '2016-01-01', 0),
	('organisational', '违反组织纪律', '《中国共产党纪律处分条例》(2023) 第七章', '2016-01-01', 0),
	('integrity', '违反廉洁纪律', '《中国共产党纪律处分条例》(2023) 第八章', '2016-01-01', 0),
	('mass', '违反群众纪律', '《中国共产党纪律处分条例》(2023) 第九章', '2016-01-01', 0),
	('work', '违反工作纪律', '《中国共产党纪律处分条例》(2023) 第十章', '2016-01-01', 0),
	('life', '违反生活纪律', '《中国共产党纪律处分条例》(2023) 第十一章', '2016-01-01', 0),
	('eight_rules', '违反中央八项规定精神（四风）', '中央八项规定及其实施细则精神', '2016-01-01', 0),
	('duty_violation', '职务违法', '《中华人民共和国监察法》第十一条', '2018-03-20', 0),
	('duty_crime', '职务犯罪', '《中华人民共和国监察法》第十一条', '2018-03-20', 0);

-- cases: type (discipline 纪律审查, supervision 监察调查, both), handling
-- organ (office 本委室, resident_group 派驻纪检监察组, township 乡镇纪委)
-- and its name; NULL on cases filed before this migration (the old rules
-- recorded none: shown as 未记录).
ALTER TABLE cases ADD COLUMN case_type TEXT;
ALTER TABLE cases ADD COLUMN organ_kind TEXT;
ALTER TABLE cases ADD COLUMN organ_name TEXT NOT NULL DEFAULT '';

CREATE TABLE case_categories (
	case_id  BIGINT NOT NULL REFERENCES cases(id),
	category TEXT NOT NULL REFERENCES violation_categories(code),
	PRIMARY KEY (case_id, category)
);

-- the subject as he was at filing: rank, top-leader and leadership flags,
-- unit (statistics read these, not today's person row).  Cases filed
-- before this migration get today's values, the best there is.
ALTER TABLE case_subjects ADD COLUMN rank TEXT;
ALTER TABLE case_subjects ADD COLUMN top_leader INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_subjects ADD COLUMN leadership INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_subjects ADD COLUMN unit_id BIGINT REFERENCES units(id);
UPDATE case_subjects SET
	rank = (SELECT p.rank FROM persons p WHERE p.id = case_subjects.person_id),
	top_leader = (SELECT p.top_leader FROM persons p WHERE p.id = case_subjects.person_id),
	leadership = (SELECT p.leadership FROM persons p WHERE p.id = case_subjects.person_id),
	unit_id = (SELECT p.unit_id FROM persons p WHERE p.id = case_subjects.person_id);

-- reports: the reference (文号) of the forwarding record
ALTER TABLE reports ADD COLUMN transfer_ref TEXT NOT NULL DEFAULT '';

-- clues: the forwarding clock (report_transfer) of a clue that belongs to
-- another level, from `received`; NULL when it is ours
ALTER TABLE clues ADD COLUMN forward_due TEXT;
