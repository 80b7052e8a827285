-- pending-pg.sql: bench/pending.py's data on PostgreSQL (issue 16, exec16), on a
-- database made by `qingfeng init` (schema 0070 or later):
--   psql "$URL" -f bench/pending-pg.sql
-- 1M outcomes each on its own clue, 100 townships, 10,000 persons; every 20th
-- outcome sanctioned, 98 % of those with all five execution items (inserted
-- through 0070's trigger), the others short; the rollup's triggers off.
\timing on
UPDATE metric_state SET live = 0;
INSERT INTO units(id, region, name, kind, parent_id, created_at, updated_at)
	SELECT 900000, '230100', '本级', 'department', NULL, 0, 0;
INSERT INTO units(id, region, name, kind, parent_id, created_at, updated_at)
	SELECT 900000 + t, '230100', '镇' || t, 'township', 900000, 0, 0 FROM generate_series(1, 100) t;
INSERT INTO persons(id, region, name, unit_id, rank, position, created_at, updated_at)
	SELECT p, '230100', '人' || p, 900001 + p % 100, 'staff', '科员', 0, 0 FROM generate_series(1, 10000) p;
INSERT INTO clues(id, region, received, source, unit_id, created_at, updated_at)
	SELECT i, '230100', '2024-01-01', 'report', 900001 + i % 100, 0, 0 FROM generate_series(1, 1000000) i;
INSERT INTO outcomes(id, region, person_id, clue_id, day, form, sanctioned, effective, unit_id, created_at)
	SELECT i, '230100', 1 + i % 10000, i, d, CASE WHEN i % 20 = 0 THEN 2 ELSE 1 END,
	       CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END, d, 900001 + i % 100, 0
	FROM (SELECT i, to_char(DATE '2015-01-01' + (i % 3650), 'YYYY-MM-DD') AS d
	      FROM generate_series(1, 1000000) i) g;
INSERT INTO executions(outcome_id, item, done, at)
	SELECT o.id, it.item, o.day, 0 FROM outcomes o
	JOIN (VALUES (1, 'delivered'), (2, 'appraisal'), (3, 'pay_grade'), (4, 'bonus'), (5, 'promotion_bar'))
	     it(k, item) ON it.k <= CASE WHEN (o.id / 20) % 50 <> 0 THEN 5 ELSE (o.id / 1000) % 5 END
	WHERE o.sanctioned = 1;
VACUUM ANALYZE;
