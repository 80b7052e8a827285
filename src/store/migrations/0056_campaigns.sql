-- 0056: special campaigns (专项整治) as a full family (issue 14, camp14;
-- docs/architecture.md "Special campaigns").
--
-- * campaigns gain their plan (text; the plan document is an attachment of
--   kind campaign, 0029's store), and the lead office (one of users.office,
--   '' none).  The state (未开始, 进行中, 已结束) is computed from the days.
-- * campaign_groups: the working groups (专班/专项工作组/专项监督检查组):
--   name, leader (an account), the unit or area covered; members are
--   accounts (campaign_group_members).
-- * accountability_measures: the measure types of an accountability
--   (《中国共产党问责条例》第八条: 检查, 通报, 诫勉, 组织调整或者组织处理,
--   纪律处分), one or several per record: check, notice, admonish,
--   org_handling, discipline.
-- * recoveries.kind gains two kinds (the CHECK is changed by
--   0056_campaigns.sqlite.sql / .pg.sql): confiscated (收缴) and ordered
--   (追缴, recovered by order).  The two existing kinds keep their codes
--   and so the meaning of the statistics keys recovered and returned
--   (docs/statistics.md): recovered -> 挽回 (挽回经济损失: a loss made
--   good), returned -> 责令退赔 (责令退赔/责令退回: money the holder is
--   ordered to return or compensate, e.g. the report's 责令退回违规医保资金).
--   The mapping is the identity on the codes: no row changes.
ALTER TABLE campaigns ADD COLUMN plan TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN lead_office TEXT NOT NULL DEFAULT '';

CREATE TABLE campaign_groups (
	id          INTEGER PRIMARY KEY,
	campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
	name        TEXT NOT NULL,
	leader_id   BIGINT REFERENCES users(id),
	area        TEXT NOT NULL DEFAULT '',
	ext_id      TEXT,
	extra       TEXT,               -- an imported line's fields this version does not know
	created_at  BIGINT NOT NULL
);
CREATE INDEX campaign_groups_campaign ON campaign_groups(campaign_id);

CREATE TABLE campaign_group_members (
	group_id BIGINT NOT NULL REFERENCES campaign_groups(id),
	user_id  BIGINT NOT NULL REFERENCES users(id),
	PRIMARY KEY (group_id, user_id)
);

CREATE TABLE accountability_measures (
	accountability_id BIGINT NOT NULL REFERENCES accountabilities(id),
	measure           TEXT NOT NULL CHECK (measure IN ('check','notice','admonish','org_handling','discipline')),
	PRIMARY KEY (accountability_id, measure)
);
CREATE INDEX accountability_measures_measure ON accountability_measures(measure);

-- The annual template: the working groups of two campaigns become
-- placeholders counted from the records (campaign_groups: the groups of
-- the campaign running in the period).  0050/0054's rule: version 1 in
-- place while it is the newest and no kept rendering used it, else a new
-- version of the newest; each fragment its own replace() (other helpers
-- replace other fragments of the same paragraphs).  "47名纪检监察干部"
-- stays text: the demo year has no accounts to be the groups' members.
UPDATE annual_templates SET body = replace(replace(body,
	'成立8个专项工作组，',
	'成立{{campaign_groups|campaign=玉米、大豆和稻谷种植补贴问题专项整治}}个专项工作组，'),
	'成立7个专项监督检查组，',
	'成立{{campaign_groups|campaign=全市机关“能力作风建设年”活动监督问责}}个专项监督检查组，')
WHERE version = 1
	AND NOT EXISTS (SELECT 1 FROM annual_templates n WHERE n.version > 1)
	AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1);

INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, replace(replace(t.body,
	'成立8个专项工作组，',
	'成立{{campaign_groups|campaign=玉米、大豆和稻谷种植补贴问题专项整治}}个专项工作组，'),
	'成立7个专项监督检查组，',
	'成立{{campaign_groups|campaign=全市机关“能力作风建设年”活动监督问责}}个专项监督检查组，'),
	0, '系统（专项工作组数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND replace(replace(t.body,
	'成立8个专项工作组，',
	'成立{{campaign_groups|campaign=玉米、大豆和稻谷种植补贴问题专项整治}}个专项工作组，'),
	'成立7个专项监督检查组，',
	'成立{{campaign_groups|campaign=全市机关“能力作风建设年”活动监督问责}}个专项监督检查组，') <> t.body;
