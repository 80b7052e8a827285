-- 0054: the target tasks' four figures of the default annual template as
-- placeholders (issue 14, targets14; docs/statistics.md "The annual report
-- template").  0027 wrote the 2022 report's sentence with its figures as
-- text (近200 tasks, 7 ledgers, 10 and 16 reminders); the keys target_tasks,
-- target_ledgers, reminders_standing and reminders_recent (domain/target.c,
-- domain/reminder.c) now count them from the records.  "近200" (nearly 200)
-- becomes the count itself: a count from records is exact.
--
-- The same rule as 0050: only where the sentence is still the shipped text;
-- version 1 changed in place while it is the newest and no kept rendering
-- used it, otherwise a new version of the newest with the sentence
-- replaced.  Both statements are portable (SQLite and PostgreSQL).
UPDATE annual_templates SET body = replace(body,
	'列出近200项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐7份，制发常委会议定事项工作提示10期、近期重点工作提示16期。',
	'列出{{target_tasks}}项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐{{target_ledgers}}份，制发常委会议定事项工作提示{{reminders_standing}}期、近期重点工作提示{{reminders_recent}}期。')
WHERE version = 1
	AND NOT EXISTS (SELECT 1 FROM annual_templates n WHERE n.version > 1)
	AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1);

INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, replace(t.body,
	'列出近200项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐7份，制发常委会议定事项工作提示10期、近期重点工作提示16期。',
	'列出{{target_tasks}}项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐{{target_ledgers}}份，制发常委会议定事项工作提示{{reminders_standing}}期、近期重点工作提示{{reminders_recent}}期。'),
	0, '系统（目标任务数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND replace(t.body,
	'列出近200项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐7份，制发常委会议定事项工作提示10期、近期重点工作提示16期。',
	'列出{{target_tasks}}项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐{{target_ledgers}}份，制发常委会议定事项工作提示{{reminders_standing}}期、近期重点工作提示{{reminders_recent}}期。') <> t.body;
