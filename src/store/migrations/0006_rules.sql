-- 0006: the rules that are data, not code (DOMAIN.md sections 2-4): the
-- influence period of each sanction, and the limit of every clock.  An
-- office changes a row when the regulations change; the code reads them.

CREATE TABLE sanction_periods (
	measure      TEXT NOT NULL PRIMARY KEY,
	months       INTEGER NOT NULL DEFAULT 0,
	stated       INTEGER NOT NULL DEFAULT 0,   -- the decision states the months (12 or 24)
	extra_months INTEGER NOT NULL DEFAULT 0,   -- further months barred from promotion
	permanent    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sanction_periods (measure, months, stated, extra_months, permanent) VALUES
	('gov_warning', 6, 0, 0, 0),
	('gov_demerit', 12, 0, 0, 0),
	('gov_major_demerit', 18, 0, 0, 0),
	('gov_demotion', 24, 0, 0, 0),
	('gov_removal', 24, 0, 0, 0),
	('gov_dismissal', 0, 0, 0, 1),
	('party_warning', 12, 0, 0, 0),
	('party_serious_warning', 18, 0, 0, 0),
	('party_post_removal', 24, 0, 0, 0),
	('party_probation', 0, 1, 24, 0),
	('party_expulsion', 0, 0, 0, 1);

-- unit: workdays (the State Council calendar), days (calendar days),
-- months (calendar months); the clock ends on start + amount
CREATE TABLE clock_limits (
	clock  TEXT NOT NULL PRIMARY KEY,
	amount INTEGER NOT NULL,
	unit   TEXT NOT NULL CHECK (unit IN ('workdays', 'days', 'months')),
	label  TEXT NOT NULL
);
INSERT INTO clock_limits (clock, amount, unit, label) VALUES
	('report_accept_notice', 15, 'workdays', '实名举报受理告知'),
	('report_outcome_notice', 15, 'workdays', '实名举报结果反馈'),
	('report_transfer', 5, 'workdays', '不属本级受理的举报转送'),
	('petition_accept', 15, 'days', '信访事项受理决定'),
	('petition_conclude', 60, 'days', '信访事项办结'),
	('petition_extension', 30, 'days', '信访事项延期'),
	('preliminary_verification', 15, 'workdays', '初步核实'),
	('trial_review', 1, 'months', '案件审理'),
	('rectification_report', 2, 'months', '巡察整改报告'),
	('personal_matter_report', 30, 'days', '重大事项报告'),
	('bad_rating_callback', 1, 'workdays', '差评回访'),
	('bad_rating_fix', 15, 'workdays', '差评整改'),
	('detention', 3, 'months', '留置'),
	('detention_extension', 3, 'months', '留置延长（上一级批准，一次）'),
	('detention_extension_national', 2, 'months', '留置再延长（国家监委批准）');

INSERT INTO settings (key, value) VALUES ('gov_sanction_cap_months', '48');
