-- 0055: inspections (巡察, issue 14; docs/architecture.md "Inspections").
-- inspection_rounds: a round (轮次) of a year, numbered within it, with its
-- days.  inspections: one group's (巡察组) inspection of one organisation
-- (a unit; a village or community organisation is a unit of kind
-- `village`) in a round: its kind (regular 常规, special 专项, elevated 提级,
-- mobile 机动, village 村(社区)), the group's name and leader, the days in
-- (进驻) and out (撤离), the feedback day (反馈) and the rectification
-- report: its due day (report_due, computed from the feedback day by the
-- clock inspection_report below and stored, as the other clocks) and the
-- day it was received (reported).  inspection_members: the group's members,
-- each a user; home_office names the office of a member lent from
-- elsewhere (e.g. the discipline commission's staff, 纪检监察机关派出参与巡察
-- 干部), '' for the inspection office's own staff; override_by and
-- override_reason the leader's decision that let a member with a declared
-- `other` recusal ground join (domain/inspection.c).
-- problems.inspection_id and clues.inspection_id: the findings and the
-- clues transferred (移交问题线索) of an inspection as real foreign keys.
-- extra: the interchange's unknown fields (docs/interchange.md).
CREATE TABLE inspection_rounds (
	id         INTEGER PRIMARY KEY,
	year       INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
	number     INTEGER NOT NULL CHECK (number > 0),
	name       TEXT NOT NULL,
	starts     TEXT NOT NULL,
	ends       TEXT,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	ext_id     TEXT,
	extra      TEXT,
	UNIQUE (year, number)
);

CREATE TABLE inspections (
	id          INTEGER PRIMARY KEY,
	round_id    BIGINT NOT NULL REFERENCES inspection_rounds(id),
	unit_id     BIGINT NOT NULL REFERENCES units(id),
	kind        TEXT NOT NULL CHECK (kind IN ('regular', 'special', 'elevated', 'mobile', 'village')),
	group_name  TEXT NOT NULL,
	leader_id   BIGINT REFERENCES users(id),
	entered     TEXT,
	left_on     TEXT,
	feedback    TEXT,
	report_due  TEXT,
	reported    TEXT,
	note        TEXT NOT NULL DEFAULT '',
	created_by  BIGINT,
	created_at  BIGINT NOT NULL,
	ext_id      TEXT,
	extra       TEXT,
	CHECK (report_due IS NULL OR feedback IS NOT NULL),
	CHECK (reported IS NULL OR feedback IS NOT NULL)
);
CREATE INDEX inspections_round ON inspections(round_id, id);
CREATE INDEX inspections_unit ON inspections(unit_id);
CREATE INDEX inspections_due ON inspections(reported, report_due);

CREATE TABLE inspection_members (
	inspection_id BIGINT NOT NULL REFERENCES inspections(id),
	user_id       BIGINT NOT NULL REFERENCES users(id),
	home_office   TEXT NOT NULL DEFAULT '',
	added_at      BIGINT NOT NULL,
	-- a leader's decision past a declared `other` recusal ground (回避):
	-- who decided and why; NULL and '' without one
	override_by     BIGINT REFERENCES users(id),
	override_reason TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_members_user ON inspection_members(user_id);

ALTER TABLE problems ADD COLUMN inspection_id BIGINT REFERENCES inspections(id)
	CHECK (inspection_id IS NULL OR source = 'inspection');
CREATE INDEX problems_inspection ON problems(inspection_id);
ALTER TABLE clues ADD COLUMN inspection_id BIGINT REFERENCES inspections(id)
	CHECK (inspection_id IS NULL OR source = 'inspection');
CREATE INDEX clues_inspection ON clues(inspection_id);

-- The rectification report's clock: 2 calendar months from the feedback
-- day (DOMAIN.md section 4), a rest-day end moving to the next working day
-- as every calendar limit (clocks.c).
INSERT INTO clock_limits (clock, amount, unit, label) VALUES
	('inspection_report', 2, 'months', '巡察整改情况报告');
INSERT INTO clock_limit_versions (clock, effective_from, amount, unit, source) VALUES
	('inspection_report', '2017-07-01', 2, 'months',
	 '《中国共产党巡视工作条例》（2017年修订；2024年修订沿用）：被巡视党组织应当在收到反馈意见后2个月内报送整改情况报告（条文序号待核）；市县巡察参照执行');

-- The annual template's inspection sentence (issue 14): 0027 wrote the 2022
-- report's figures as text; the inspection keys (domain/inspection.c) count
-- them from the records, per round with the scope round=N (the round's
-- number within the report's year: docs/statistics.md).  The same rule as
-- 0050 and 0054: only where the sentence is still the shipped text;
-- version 1 changed in place while it is the newest and no kept rendering
-- used it, otherwise a new version of the newest with the sentence
-- replaced.  Both statements are portable (SQLite and PostgreSQL).
UPDATE annual_templates SET body = replace(body,
	'在第一轮巡察中，共发现35个基层党组织各类问题373个，移交问题线索12件，发现并反馈“一把手”问题3个。高标准启动第二轮巡察，派出3个巡察组对4家市直单位进行常规巡察，对27个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部7人',
	'在第一轮巡察中，共发现{{inspection_orgs|round=1}}个基层党组织各类问题{{inspection_problems|round=1}}个，移交问题线索{{inspection_clues|round=1}}件，发现并反馈“一把手”问题{{inspection_top_leader|round=1}}个。高标准启动第二轮巡察，派出{{inspection_groups|round=2}}个巡察组对{{inspection_orgs_regular|round=2}}家市直单位进行常规巡察，对{{inspection_orgs_elevated|round=2}}个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部{{inspection_lent}}人')
WHERE version = 1
	AND NOT EXISTS (SELECT 1 FROM annual_templates n WHERE n.version > 1)
	AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1);

INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, replace(t.body,
	'在第一轮巡察中，共发现35个基层党组织各类问题373个，移交问题线索12件，发现并反馈“一把手”问题3个。高标准启动第二轮巡察，派出3个巡察组对4家市直单位进行常规巡察，对27个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部7人',
	'在第一轮巡察中，共发现{{inspection_orgs|round=1}}个基层党组织各类问题{{inspection_problems|round=1}}个，移交问题线索{{inspection_clues|round=1}}件，发现并反馈“一把手”问题{{inspection_top_leader|round=1}}个。高标准启动第二轮巡察，派出{{inspection_groups|round=2}}个巡察组对{{inspection_orgs_regular|round=2}}家市直单位进行常规巡察，对{{inspection_orgs_elevated|round=2}}个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部{{inspection_lent}}人'),
	0, '系统（巡察数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND replace(t.body,
	'在第一轮巡察中，共发现35个基层党组织各类问题373个，移交问题线索12件，发现并反馈“一把手”问题3个。高标准启动第二轮巡察，派出3个巡察组对4家市直单位进行常规巡察，对27个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部7人',
	'在第一轮巡察中，共发现{{inspection_orgs|round=1}}个基层党组织各类问题{{inspection_problems|round=1}}个，移交问题线索{{inspection_clues|round=1}}件，发现并反馈“一把手”问题{{inspection_top_leader|round=1}}个。高标准启动第二轮巡察，派出{{inspection_groups|round=2}}个巡察组对{{inspection_orgs_regular|round=2}}家市直单位进行常规巡察，对{{inspection_orgs_elevated|round=2}}个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部{{inspection_lent}}人') <> t.body;
