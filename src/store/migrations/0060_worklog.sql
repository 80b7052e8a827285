-- 0060: the work log (工作台账) and the document register (收发文登记),
-- issue 15 (docs/architecture.md "The work log and the document register").
--
-- activity_kinds: the editable catalog of counted activities (the case
-- manager edits it, audited activity_kind_edit): an English code, a
-- Chinese name, the unit of count (次, 期, 份, 篇, 人次, 册, 场, 本) and
-- whether participants (人次) are recorded; `active` 0 refuses new
-- entries of the kind while the ones recorded stay (a kind is never
-- deleted).  The kinds the 2022 report counts ship with it.
-- activities: one entry of the log: its kind, day, count (default 1),
-- participants, the unit it concerns (NULL: the commission itself), the
-- office that recorded it (users.office), title and note, and the optional
-- tags the annual report's sentences scope by: a campaign (专项工作) and
-- a violation category (违纪违法类别, e.g. eight_rules for the 四风 work).
-- registered_docs: received (in) and sent (out) documents: number (a sent
-- one's from number_patterns kind doc_out), title, secrecy (公开 public,
-- 内部 internal, 秘密 secret, 机密 confidential; 绝密 is refused by the
-- CHECK as by the page), day, counterpart, state, handler, the due day of
-- a received document that needs an answer, and the registering office
-- (a secret or confidential entry's title is shown only to leaders and
-- that office: docs/security.md).
-- extra: the interchange's unknown fields (docs/interchange.md).
CREATE TABLE activity_kinds (
	code         TEXT PRIMARY KEY,
	name         TEXT NOT NULL,
	unit         TEXT NOT NULL DEFAULT '次',
	participants INTEGER NOT NULL DEFAULT 0 CHECK (participants IN (0, 1)),
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	seq          INTEGER NOT NULL DEFAULT 0
);
INSERT INTO activity_kinds (code, name, unit, participants, seq) VALUES
	('study_first_topic', '第一议题学习', '次', 1, 10),
	('study_group', '集中学习', '次', 1, 11),
	('training', '专题培训', '次', 1, 12),
	('theory_test', '理论知识测试', '次', 1, 13),
	('online_training', '参加上级线上培训', '期', 1, 14),
	('lecture', '业务大讲堂', '期', 1, 15),
	('weekly_test', '每周一测', '期', 1, 16),
	('seminar', '专题研讨', '次', 1, 17),
	('political_supervision', '政治监督', '次', 0, 20),
	('consultation', '专题会商', '次', 0, 21),
	('spot_check', '明察暗访', '次', 0, 22),
	('cross_check', '交叉互检', '次', 0, 23),
	('special_check', '专项监督检查', '次', 0, 24),
	('supervision_bulletin', '督查专报', '期', 0, 25),
	('case_bulletin', '典型案例通报', '期', 0, 26),
	('discipline_notice', '制发纪律要求', '次', 0, 27),
	('two_letters', '两函一书', '份', 0, 28),
	('pledge', '承诺书', '份', 0, 29),
	('rectify_summary', '汇总反馈问题整改推进情况', '次', 0, 30),
	('inspection_meeting', '巡察工作领导小组会议', '次', 0, 40),
	('inspection_feedback', '巡察反馈会', '次', 0, 41),
	('inspection_briefing', '向市委主要领导汇报巡察工作', '次', 0, 42),
	('judicial_meeting', '与检察机关研判会议', '次', 0, 50),
	('case_study_meeting', '重大案件班子会议专题研究', '次', 0, 51),
	('safety_material', '编发办案安全学习资料', '份', 0, 52),
	('safety_training', '全系统集中培训', '次', 1, 53),
	('safety_test', '专题测试', '次', 0, 54),
	('inspected', '迎接上级检查', '次', 0, 55),
	('talk_site_check', '谈话点安全检查', '次', 0, 56),
	('safety_seminar', '办案安全专题研讨', '次', 1, 57),
	('speech_outline', '报送发言提纲', '份', 0, 58),
	('leader_first_talk', '领导首谈', '次', 0, 59),
	('safety_first_lesson', '安全首课', '次', 1, 60),
	('security_check', '保密安全、网络安全检查', '次', 0, 61),
	('warning_education', '宣传警示教育', '场', 1, 70),
	('warning_film', '观看警示教育片', '次', 1, 71),
	('warning_material', '编写警示教育学习资料', '期', 0, 72),
	('culture_book', '廉洁文化读物', '册', 0, 73),
	('talk_manual', '《谈话纪实手册》', '本', 0, 74),
	('culture_village', '廉洁文化进乡村活动', '次', 0, 75),
	('culture_event', '廉洁文化活动（文艺汇演、书法展、大讲堂）', '场次', 1, 76),
	('info_written', '编撰纪检监察信息', '篇', 0, 77),
	('info_internal', '信息在内网网刊及专刊发表', '篇', 0, 78),
	('info_portal', '信息在门户网站发表', '篇', 0, 79),
	('info_platform', '信息在知名平台发表', '篇', 0, 80),
	('research_report', '调研报告', '篇', 0, 81),
	('symposium', '专题座谈会', '次', 0, 90),
	('field_visit', '实地走访', '次', 0, 91),
	('resident_meeting', '派驻机构参加驻在单位会议', '次', 0, 92),
	('resident_consultation', '派驻机构会商', '次', 0, 93),
	('grassroots_interview', '深入基层群众访谈', '人次', 0, 94),
	('walk_process', '领导干部“走流程”', '人次', 0, 95),
	('party_day', '主题党日活动', '次', 1, 96),
	('joint_building', '与帮扶村党组织共建活动', '次', 0, 97),
	('security_pledge', '网络安全保密责任书及使用管理承诺书', '份', 0, 62),
	('cadre_pledge', '纪检监察干部承诺书', '份', 0, 98),
	('warning_bulletin', '通报典型违纪违法案例（警示教育）', '期', 0, 69);

CREATE TABLE activities (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL REFERENCES activity_kinds(code),
	day          TEXT NOT NULL,
	count        INTEGER NOT NULL DEFAULT 1 CHECK (count > 0),
	participants INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
	unit_id      BIGINT REFERENCES units(id),
	office       TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	campaign_id  BIGINT REFERENCES campaigns(id),
	category     TEXT,
	created_by   BIGINT,
	created_at   BIGINT NOT NULL,
	ext_id       TEXT,
	extra        TEXT
);
CREATE INDEX activities_day ON activities(day, kind);
CREATE INDEX activities_kind ON activities(kind, day);
CREATE INDEX activities_unit ON activities(unit_id, day);

CREATE TABLE registered_docs (
	id          INTEGER PRIMARY KEY,
	direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
	number      TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL,
	secrecy     TEXT NOT NULL DEFAULT 'internal'
	            CHECK (secrecy IN ('public', 'internal', 'secret', 'confidential')),
	day         TEXT NOT NULL,
	counterpart TEXT NOT NULL DEFAULT '',
	state       TEXT NOT NULL DEFAULT 'registered'
	            CHECK (state IN ('registered', 'circulating', 'filed')),
	handler     TEXT NOT NULL DEFAULT '',
	due         TEXT,
	office      TEXT NOT NULL DEFAULT '',
	created_by  BIGINT,
	created_at  BIGINT NOT NULL,
	ext_id      TEXT,
	extra       TEXT,
	CHECK (due IS NULL OR direction = 'in')
);
CREATE INDEX registered_docs_day ON registered_docs(day, direction);
CREATE INDEX registered_docs_due ON registered_docs(state, due);

INSERT INTO number_patterns (kind, effective_from, pattern, source) VALUES
	('sent_doc', '2000-01-01', '{机关代字}纪发〔{年}〕{序号}号', '本委编号规则（发文按年度编号）');
