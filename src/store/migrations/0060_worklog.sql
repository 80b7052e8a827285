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


-- The annual template: every figure of the 2022 report the work log and
-- the register now give becomes a placeholder (docs/statistics.md "The
-- work log's figures"), each sentence fragment by its own replace() (one
-- UPDATE each: nested, 37 replace() overflow SQLite's parser), so a
-- fragment another migration changed is left alone (a replace of a
-- fragment no longer there does nothing).  The fragments hold only this
-- family's figures.  Figures the report gives as "3000余" / "超1000"
-- become the count itself, as 0054 did with "近200": a count from
-- records is exact.  The same rule as 0050 and 0054: version 1 changed in
-- place while it is the newest and no kept rendering used it; otherwise
-- one new version (this migration's author) of the newest, made when any
-- fragment is still there, then changed.  Portable (SQLite and PostgreSQL).
INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, t.body, 0, '系统（工作台账、收发文数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND NOT (t.version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1))
	AND (t.body LIKE '%落实第一议题制度学习30次，组织集中学习28次，专题培训12次，开展理论知识测试9次，累计参学人员953人次%'
		OR t.body LIKE '%开展政治监督6次，开展专题会商52次%'
		OR t.body LIKE '%召开市委巡察工作领导小组会议4次、省提级巡察反馈会2次，向市委主要领导汇报巡察工作2次%'
		OR t.body LIKE '%制发“两函一书”100份%'
		OR t.body LIKE '%汇总反馈问题整改推进情况4次%'
		OR t.body LIKE '%发放《谈话纪实手册》106本%'
		OR t.body LIKE '%制发督查专报74期%'
		OR t.body LIKE '%制发典型案例通报4期%'
		OR t.body LIKE '%与兄弟县交叉互检7次%'
		OR t.body LIKE '%开展明察暗访12次%'
		OR t.body LIKE '%制发纪律要求5次，组织开展机关作风明察暗访9次%'
		OR t.body LIKE '%承诺书230份%'
		OR t.body LIKE '%“四风”等情况开展交叉互检5次%'
		OR t.body LIKE '%通报典型案例5期%'
		OR t.body LIKE '%开展监督检查14次%'
		OR t.body LIKE '%与检察机关开展研判会议3次%'
		OR t.body LIKE '%编发《审查调查安全学习资料合订本》34份，全系统集中培训6次，专题测试14次。迎接省、省案件监督管理部门检查4次，委机关班子成员实地检查所包保乡镇纪委谈话点安全32次%'
		OR t.body LIKE '%参与研讨114人，收集并向上级案件管理部门报送发言提纲26份%'
		OR t.body LIKE '%执行领导首谈制度23次，开展安全首课62次，参与197人次%'
		OR t.body LIKE '%《漫画说纪》200册，通报各类典型违纪违法案例4期，编写警示教育学习资料4期%'
		OR t.body LIKE '%宣传警示教育5场3000余人次%'
		OR t.body LIKE '%开展廉洁文化“进乡村”活动24次%'
		OR t.body LIKE '%等活动4场次，参与人数超1000人次%'
		OR t.body LIKE '%开展专题座谈会5次、实地走访11次。各派驻机构共参加驻在单位各类会议184次，开展会商62次%'
		OR t.body LIKE '%开展访谈1200人次%'
		OR t.body LIKE '%召开班子会议进行专题研究6次%'
		OR t.body LIKE '%综合办公平台收发文559件%'
		OR t.body LIKE '%使用管理承诺书87份%'
		OR t.body LIKE '%网络安全检查7次%'
		OR t.body LIKE '%组织参加上级线上培训14期，举办“业务大讲堂”3期，开展“每周一测”、基本业务+测试共51期%'
		OR t.body LIKE '%深入开展研讨11次%'
		OR t.body LIKE '%开展领导干部“走流程”73人次%'
		OR t.body LIKE '%撰写相关调研报告9篇%'
		OR t.body LIKE '%编撰纪检监察信息107篇，其中，在省市内网网刊及专刊发表17篇，在中央、省、市门户网站发表11篇，在学习强国、人民网、极光新闻等各大知名平台发表7篇%'
		OR t.body LIKE '%观看专题警示教育片5次%'
		OR t.body LIKE '%违规过问案件承诺书》等291份%'
		OR t.body LIKE '%开展主题党日活动4次，与帮扶村党组织开展共建活动2次%');
UPDATE annual_templates SET body = replace(body,
	'落实第一议题制度学习30次，组织集中学习28次，专题培训12次，开展理论知识测试9次，累计参学人员953人次',
	'落实第一议题制度学习{{activities|kind=study_first_topic}}次，组织集中学习{{activities|kind=study_group}}次，专题培训{{activities|kind=training}}次，开展理论知识测试{{activities|kind=theory_test}}次，累计参学人员{{activity_participants|kind=study_first_topic+study_group+training+theory_test}}人次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展政治监督6次，开展专题会商52次',
	'开展政治监督{{activities|kind=political_supervision}}次，开展专题会商{{activities|kind=consultation}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'召开市委巡察工作领导小组会议4次、省提级巡察反馈会2次，向市委主要领导汇报巡察工作2次',
	'召开市委巡察工作领导小组会议{{activities|kind=inspection_meeting}}次、省提级巡察反馈会{{activities|kind=inspection_feedback}}次，向市委主要领导汇报巡察工作{{activities|kind=inspection_briefing}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'制发“两函一书”100份',
	'制发“两函一书”{{activities|kind=two_letters}}份')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'汇总反馈问题整改推进情况4次',
	'汇总反馈问题整改推进情况{{activities|kind=rectify_summary}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发放《谈话纪实手册》106本',
	'发放《谈话纪实手册》{{activities|kind=talk_manual}}本')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'制发督查专报74期',
	'制发督查专报{{activities|kind=supervision_bulletin,campaign=疫情防控监督检查}}期')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'制发典型案例通报4期',
	'制发典型案例通报{{activities|kind=case_bulletin,campaign=疫情防控监督检查}}期')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'与兄弟县交叉互检7次',
	'与兄弟县交叉互检{{activities|kind=cross_check,campaign=疫情防控监督检查}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展明察暗访12次',
	'开展明察暗访{{activities|kind=spot_check,campaign=全市机关“能力作风建设年”活动监督问责}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'制发纪律要求5次，组织开展机关作风明察暗访9次',
	'制发纪律要求{{activities|kind=discipline_notice,category=eight_rules}}次，组织开展机关作风明察暗访{{activities|kind=spot_check,category=eight_rules}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'承诺书230份',
	'承诺书{{activities|kind=pledge,category=eight_rules}}份')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'“四风”等情况开展交叉互检5次',
	'“四风”等情况开展交叉互检{{activities|kind=cross_check,category=eight_rules}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'通报典型案例5期',
	'通报典型案例{{activities|kind=case_bulletin,category=eight_rules}}期')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展监督检查14次',
	'开展监督检查{{activities|kind=special_check,campaign=群众身边“微腐败”专项整治}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'与检察机关开展研判会议3次',
	'与检察机关开展研判会议{{activities|kind=judicial_meeting}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'编发《审查调查安全学习资料合订本》34份，全系统集中培训6次，专题测试14次。迎接省、省案件监督管理部门检查4次，委机关班子成员实地检查所包保乡镇纪委谈话点安全32次',
	'编发《审查调查安全学习资料合订本》{{activities|kind=safety_material}}份，全系统集中培训{{activities|kind=safety_training}}次，专题测试{{activities|kind=safety_test}}次。迎接省、省案件监督管理部门检查{{activities|kind=inspected}}次，委机关班子成员实地检查所包保乡镇纪委谈话点安全{{activities|kind=talk_site_check}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'参与研讨114人，收集并向上级案件管理部门报送发言提纲26份',
	'参与研讨{{activity_participants|kind=safety_seminar}}人，收集并向上级案件管理部门报送发言提纲{{activities|kind=speech_outline}}份')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'执行领导首谈制度23次，开展安全首课62次，参与197人次',
	'执行领导首谈制度{{activities|kind=leader_first_talk}}次，开展安全首课{{activities|kind=safety_first_lesson}}次，参与{{activity_participants|kind=safety_first_lesson}}人次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'《漫画说纪》200册，通报各类典型违纪违法案例4期，编写警示教育学习资料4期',
	'《漫画说纪》{{activities|kind=culture_book}}册，通报各类典型违纪违法案例{{activities|kind=warning_bulletin}}期，编写警示教育学习资料{{activities|kind=warning_material}}期')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'宣传警示教育5场3000余人次',
	'宣传警示教育{{activities|kind=warning_education}}场{{activity_participants|kind=warning_education}}人次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展廉洁文化“进乡村”活动24次',
	'开展廉洁文化“进乡村”活动{{activities|kind=culture_village}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'等活动4场次，参与人数超1000人次',
	'等活动{{activities|kind=culture_event}}场次，参与人数{{activity_participants|kind=culture_event}}人次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展专题座谈会5次、实地走访11次。各派驻机构共参加驻在单位各类会议184次，开展会商62次',
	'开展专题座谈会{{activities|kind=symposium}}次、实地走访{{activities|kind=field_visit}}次。各派驻机构共参加驻在单位各类会议{{activities|kind=resident_meeting}}次，开展会商{{activities|kind=resident_consultation}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展访谈1200人次',
	'开展访谈{{activities|kind=grassroots_interview}}人次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'召开班子会议进行专题研究6次',
	'召开班子会议进行专题研究{{activities|kind=case_study_meeting}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'综合办公平台收发文559件',
	'综合办公平台收发文{{documents_registered}}件')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'使用管理承诺书87份',
	'使用管理承诺书{{activities|kind=security_pledge}}份')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'网络安全检查7次',
	'网络安全检查{{activities|kind=security_check}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'组织参加上级线上培训14期，举办“业务大讲堂”3期，开展“每周一测”、基本业务+测试共51期',
	'组织参加上级线上培训{{activities|kind=online_training}}期，举办“业务大讲堂”{{activities|kind=lecture}}期，开展“每周一测”、基本业务+测试共{{activities|kind=weekly_test}}期')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'深入开展研讨11次',
	'深入开展研讨{{activities|kind=seminar}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展领导干部“走流程”73人次',
	'开展领导干部“走流程”{{activities|kind=walk_process}}人次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'撰写相关调研报告9篇',
	'撰写相关调研报告{{activities|kind=research_report}}篇')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'编撰纪检监察信息107篇，其中，在省市内网网刊及专刊发表17篇，在中央、省、市门户网站发表11篇，在学习强国、人民网、极光新闻等各大知名平台发表7篇',
	'编撰纪检监察信息{{activities|kind=info_written}}篇，其中，在省市内网网刊及专刊发表{{activities|kind=info_internal}}篇，在中央、省、市门户网站发表{{activities|kind=info_portal}}篇，在学习强国、人民网、极光新闻等各大知名平台发表{{activities|kind=info_platform}}篇')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'观看专题警示教育片5次',
	'观看专题警示教育片{{activities|kind=warning_film}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'违规过问案件承诺书》等291份',
	'违规过问案件承诺书》等{{activities|kind=cadre_pledge}}份')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展主题党日活动4次，与帮扶村党组织开展共建活动2次',
	'开展主题党日活动{{activities|kind=party_day}}次，与帮扶村党组织开展共建活动{{activities|kind=joint_building}}次')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作台账、收发文数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
