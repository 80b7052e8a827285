-- 0061: the activity that found a problem (issue 15's last figures;
-- docs/architecture.md "Rectification ledger").  problems.activity_id: the
-- work log entry (a spot check, cross check, 两函一书, 群众评议会,
-- supervision check ...) that found the problem, NULL when none is
-- recorded; the statistics problems_found and problems_rectified honour
-- the scope member kind= through it (docs/statistics.md), a problem
-- without an activity never matching a kind.  Portable (SQLite and
-- PostgreSQL).
ALTER TABLE problems ADD COLUMN activity_id BIGINT REFERENCES activities(id);
CREATE INDEX problems_activity ON problems(activity_id);

-- The annual template: each fragment of the 2022 report that counts the
-- problems a kind of check found becomes a placeholder of problems_found
-- scoped by the kind of the problems' activity and the campaign or
-- category the sentence speaks of (docs/statistics.md "The rectification
-- ledger"), as 0060 did for the activities themselves: one replace() per
-- fragment, each holding only these figures, under 0050's rule (version 1
-- changed in place while it is the newest and no kept rendering used it;
-- otherwise one new version of the newest, this migration's author, made
-- when any fragment is still there, then changed).  The 微腐败 sentence's
-- 16 is the campaign's problems (its own tag), no kind needed.  The 政治监督
-- and 两函一书 fragments start at the placeholder 0060 put before them (the
-- figures 13 and 8 alone are not unique).
INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, t.body, 0, '系统（工作发现的整改问题数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND NOT (t.version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1))
	AND (t.body LIKE '%发现并督促问题整改13个%'
		OR t.body LIKE '%督促整改问题8个%'
		OR t.body LIKE '%发现并督促问题整改960个%'
		OR t.body LIKE '%发现问题74个，做好反馈上报工作%'
		OR t.body LIKE '%破坏优化营商环境方面问题50个%'
		OR t.body LIKE '%发现并督促整改问题40个%'
		OR t.body LIKE '%发现并反馈相关问题98个%'
		OR t.body LIKE '%发现并督促问题整改16个%'
		OR t.body LIKE '%共发现问题45个，全部完成整改%'
		OR t.body LIKE '%发现并解决问题101个%');
UPDATE annual_templates SET body = replace(body,
	'发现并督促问题整改960个',
	'发现并督促问题整改{{problems_found|kind=supervision_bulletin,campaign=疫情防控监督检查}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发现问题74个，做好反馈上报工作',
	'发现问题{{problems_found|kind=cross_check,campaign=疫情防控监督检查}}个，做好反馈上报工作')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'破坏优化营商环境方面问题50个',
	'破坏优化营商环境方面问题{{problems_found|kind=spot_check,campaign=全市机关“能力作风建设年”活动监督问责}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发现并督促整改问题40个',
	'发现并督促整改问题{{problems_found|kind=spot_check,category=eight_rules}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发现并反馈相关问题98个',
	'发现并反馈相关问题{{problems_found|kind=cross_check,category=eight_rules}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发现并督促问题整改16个',
	'发现并督促问题整改{{problems_found|campaign=群众身边“微腐败”专项整治}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'共发现问题45个，全部完成整改',
	'共发现问题{{problems_found|kind=talk_site_check}}个，全部完成整改')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'发现并解决问题101个',
	'发现并解决问题{{problems_found|kind=grassroots_interview}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'开展专题会商{{activities|kind=consultation}}次，发现并督促问题整改13个',
	'开展专题会商{{activities|kind=consultation}}次，发现并督促问题整改{{problems_found|kind=political_supervision}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
UPDATE annual_templates SET body = replace(body,
	'份，督促整改问题8个',
	'份，督促整改问题{{problems_found|kind=two_letters}}个')
WHERE version = (SELECT MAX(version) FROM annual_templates) AND (author = '系统（工作发现的整改问题数字改为占位符）'
	OR (version = 1 AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1)));
