-- 0062: the checks behind the 2022 report's last literal problem counts
-- (issue 15; docs/statistics.md "The rectification ledger").  Three kinds
-- join the work log's catalog, so the problems they found name them as
-- 0061 lets a problem name its activity: 群众评议会 (mass_appraisal), a
-- case-quality review of the commission's own closed cases
-- (case_review, 案件质量评查) and the province's review the commission
-- helped with and whose feedback it rectified (case_review_upper).  The
-- resident agencies' tracked problems are the ones their consultations
-- with the resident units found (resident_consultation, shipped by 0060).
-- A code a case manager already added is kept as it is.  Portable (SQLite
-- 3.24+ and PostgreSQL: ON CONFLICT DO NOTHING).
INSERT INTO activity_kinds (code, name, unit, participants, seq) VALUES
	('mass_appraisal', '群众评议会', '次', 1, 31),
	('case_review', '案件质量评查', '次', 0, 63),
	('case_review_upper', '配合上级案件质量评查', '次', 0, 64)
ON CONFLICT (code) DO NOTHING;

-- problems.nature (性质): common (共性问题) or individual (个性问题), NULL
-- when not recorded; a case-quality review's findings say it, and the
-- statistics' problems_common and problems_individual count it.
ALTER TABLE problems ADD COLUMN nature TEXT CHECK (nature IN ('common', 'individual'));

-- The annual template: the three fragments become placeholders under
-- 0050's rule, as 0060 and 0061 did (one replace() per fragment, only
-- where the sentence is still the shipped text; version 1 changed in place
-- while it is the newest and no kept rendering used it, otherwise one new
-- version of the newest with this migration's author).  完成整改 counts
-- problems_rectified; 推动整改 and 跟踪整改 the problems found; the case
-- review's 共性问题 and 个性问题 the problems of that nature its review
-- found.
INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, t.body, 0, '系统（评议评查派驻整改问题数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND NOT (t.version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1))
	AND (t.body LIKE '%推动涉及民生问题整改13个%'
		OR t.body LIKE '%跟踪整改问题27个%'
		OR t.body LIKE '%承接并完成评查反馈问题整改14个%'
		OR t.body LIKE '%发现共性问题26个、个性问题13个%');
UPDATE annual_templates SET body = replace(body,
	'推动涉及民生问题整改13个',
	'推动涉及民生问题整改{{problems_found|kind=mass_appraisal}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（评议评查派驻整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'跟踪整改问题27个',
	'跟踪整改问题{{problems_found|kind=resident_consultation}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（评议评查派驻整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'承接并完成评查反馈问题整改14个',
	'承接并完成评查反馈问题整改{{problems_rectified|kind=case_review_upper}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（评议评查派驻整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发现共性问题26个、个性问题13个',
	'发现共性问题{{problems_common|kind=case_review}}个、个性问题{{problems_individual|kind=case_review}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（评议评查派驻整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
