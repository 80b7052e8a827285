-- 0050: the five 码上问效 figures of the default annual template as
-- placeholders (issue 13; docs/statistics.md "The annual report template").
-- 0027 wrote the 2022 report's sentence with its figures as text (letters
-- 21 / 19, ratings 4950, five-star 4875, good rate 98.5%), from before the
-- platform recorded ratings; the keys letters_received, letters_concluded,
-- ratings, ratings_5star and good_rate (domain/rating.c, domain/letter.c)
-- now compute them from the records.
--
-- Only where the sentence is still the shipped text: a commission that
-- edited it (or removed it) keeps its edit.  A template version is never
-- changed once a kept rendering used it (a rendering is reproduced from its
-- version and figures), so:
--  - version 1 still the newest and used by no rendering (a new database,
--    or one nobody rendered from): changed in place, as if shipped so;
--  - otherwise, when the newest version still holds the sentence word for
--    word: a new version, that version with the sentence's five figures
--    replaced, everything else of it (other edits included) kept.
-- replace() is a no-op where the sentence is absent; both statements are
-- portable (SQLite and PostgreSQL).
UPDATE annual_templates SET body = replace(body,
	'共受理群众信件21条，办结19条；线上群众评价4950条，其中五星好评4875条，好评率98.5%。',
	'共受理群众信件{{letters_received}}条，办结{{letters_concluded}}条；线上群众评价{{ratings}}条，其中五星好评{{ratings_5star}}条，好评率{{good_rate}}。')
WHERE version = 1
	AND NOT EXISTS (SELECT 1 FROM annual_templates n WHERE n.version > 1)
	AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1);

INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, replace(t.body,
	'共受理群众信件21条，办结19条；线上群众评价4950条，其中五星好评4875条，好评率98.5%。',
	'共受理群众信件{{letters_received}}条，办结{{letters_concluded}}条；线上群众评价{{ratings}}条，其中五星好评{{ratings_5star}}条，好评率{{good_rate}}。'),
	0, '系统（码上问效数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND replace(t.body,
	'共受理群众信件21条，办结19条；线上群众评价4950条，其中五星好评4875条，好评率98.5%。',
	'共受理群众信件{{letters_received}}条，办结{{letters_concluded}}条；线上群众评价{{ratings}}条，其中五星好评{{ratings_5star}}条，好评率{{good_rate}}。') <> t.body;
