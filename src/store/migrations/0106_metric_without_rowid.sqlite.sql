-- 0106 on SQLite (issue 16, sqimp16k): the rollup's three tables,
-- metric_days, metric_months and metric_years, as WITHOUT ROWID tables
-- keyed by their primary key.  A rowid table with a PRIMARY KEY is two
-- B-trees (the rows by rowid, and the key's index pointing at them), plus
-- the *_all index: each row written (the import's refill, the rollup's
-- triggers on every write) went into three; keyed by the primary key it
-- goes into two, and a read by the key finds the row in one step.  No
-- statement reads their rowids.  The same columns, key, indexes and
-- triggers; PostgreSQL unchanged (its tables are heaps).
--
-- Each table is copied in key order into a new one, the old one dropped
-- with its indexes and triggers, and the new one renamed with
-- legacy_alter_table on: the rollup's other triggers (metric_apply_*,
-- metric_grain_apply) name the tables, and a RENAME otherwise refuses to
-- run while the name they refer to is missing; with it the name is
-- simply the old one again.  The indexes and metric_days' four triggers
-- are created again as the schema at 0105 has them; they are saved first
-- and compared at the end, and a difference fails the migration
-- (m0106_schema_kept) instead of losing one in silence.  The dropped
-- tables take their planner statistics with them: the tables are
-- analyzed again here, as the refill does (q_rollup.c).
PRAGMA legacy_alter_table = ON;
CREATE TEMP TABLE m0106_before AS
	SELECT tbl_name, type, name, sql FROM sqlite_schema
	WHERE tbl_name IN ('metric_days', 'metric_months', 'metric_years')
		AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%';
CREATE TEMP TABLE m0106_cols_before AS
	WITH t(name) AS (VALUES ('metric_days'), ('metric_months'), ('metric_years'))
	SELECT t.name AS tbl, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk
	FROM t JOIN pragma_table_info(t.name) AS c;

CREATE TABLE metric_days_0106 (
	stat TEXT NOT NULL,
	dim  TEXT NOT NULL,
	val  TEXT NOT NULL,
	day  TEXT NOT NULL,
	n    BIGINT NOT NULL DEFAULT 0,
	f1   BIGINT NOT NULL DEFAULT 0,
	f2   BIGINT NOT NULL DEFAULT 0,
	f3   BIGINT NOT NULL DEFAULT 0,
	f4   BIGINT NOT NULL DEFAULT 0,
	sanc BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (stat, dim, val, day)
) WITHOUT ROWID;
INSERT INTO metric_days_0106 SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc
	FROM metric_days ORDER BY stat, dim, val, day;
DROP INDEX metric_days_all;
DROP TABLE metric_days;
ALTER TABLE metric_days_0106 RENAME TO metric_days;
CREATE INDEX metric_days_all ON metric_days(stat, dim, day, val, n);
CREATE TRIGGER metric_grains_ai AFTER INSERT ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc);
END;
CREATE TRIGGER metric_grains_au AFTER UPDATE ON metric_days
	WHEN (SELECT live FROM metric_state) = 1 AND NEW.stat = OLD.stat AND NEW.dim = OLD.dim
		AND NEW.val = OLD.val AND NEW.day = OLD.day
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n - OLD.n, NEW.f1 - OLD.f1,
			NEW.f2 - OLD.f2, NEW.f3 - OLD.f3, NEW.f4 - OLD.f4, NEW.sanc - OLD.sanc);
END;
CREATE TRIGGER metric_grains_ad AFTER DELETE ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (OLD.stat, OLD.dim, OLD.val, OLD.day, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.sanc);
END;
CREATE TRIGGER metric_grains_move AFTER UPDATE ON metric_days
	WHEN (SELECT live FROM metric_state) = 1 AND NOT (NEW.stat = OLD.stat AND NEW.dim = OLD.dim
		AND NEW.val = OLD.val AND NEW.day = OLD.day)
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (OLD.stat, OLD.dim, OLD.val, OLD.day, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.sanc);
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc);
END;

CREATE TABLE metric_months_0106 (
	stat  TEXT NOT NULL,
	dim   TEXT NOT NULL,
	val   TEXT NOT NULL,
	month TEXT NOT NULL,
	n     BIGINT NOT NULL DEFAULT 0,
	f1    BIGINT NOT NULL DEFAULT 0,
	f2    BIGINT NOT NULL DEFAULT 0,
	f3    BIGINT NOT NULL DEFAULT 0,
	f4    BIGINT NOT NULL DEFAULT 0,
	sanc  BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (stat, dim, val, month)
) WITHOUT ROWID;
INSERT INTO metric_months_0106 SELECT stat, dim, val, month, n, f1, f2, f3, f4, sanc
	FROM metric_months ORDER BY stat, dim, val, month;
DROP INDEX metric_months_all;
DROP TABLE metric_months;
ALTER TABLE metric_months_0106 RENAME TO metric_months;
CREATE INDEX metric_months_all ON metric_months(stat, dim, month, val, n);

CREATE TABLE metric_years_0106 (
	stat  TEXT NOT NULL,
	dim   TEXT NOT NULL,
	val   TEXT NOT NULL,
	year  TEXT NOT NULL,
	n     BIGINT NOT NULL DEFAULT 0,
	f1    BIGINT NOT NULL DEFAULT 0,
	f2    BIGINT NOT NULL DEFAULT 0,
	f3    BIGINT NOT NULL DEFAULT 0,
	f4    BIGINT NOT NULL DEFAULT 0,
	sanc  BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (stat, dim, val, year)
) WITHOUT ROWID;
INSERT INTO metric_years_0106 SELECT stat, dim, val, year, n, f1, f2, f3, f4, sanc
	FROM metric_years ORDER BY stat, dim, val, year;
DROP INDEX metric_years_all;
DROP TABLE metric_years;
ALTER TABLE metric_years_0106 RENAME TO metric_years;
CREATE INDEX metric_years_all ON metric_years(stat, dim, year, val, n, f1);
PRAGMA legacy_alter_table = OFF;

ANALYZE metric_days;
ANALYZE metric_months;
ANALYZE metric_years;
-- nothing lost or added: a difference makes a row the guard refuses
CREATE TEMP TABLE m0106_guard (
	differences INTEGER NOT NULL CONSTRAINT m0106_schema_kept CHECK (differences = 0)
);
INSERT INTO m0106_guard
	WITH after AS (SELECT tbl_name, type, name, sql FROM sqlite_schema
		WHERE tbl_name IN ('metric_days', 'metric_months', 'metric_years')
			AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex_%'),
	t(name) AS (VALUES ('metric_days'), ('metric_months'), ('metric_years')),
	cols AS (SELECT t.name AS tbl, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk
		FROM t JOIN pragma_table_info(t.name) AS c)
	SELECT (SELECT count(*) FROM (SELECT * FROM after EXCEPT SELECT * FROM temp.m0106_before))
		+ (SELECT count(*) FROM (SELECT * FROM temp.m0106_before EXCEPT SELECT * FROM after))
		+ (SELECT count(*) FROM (SELECT * FROM cols EXCEPT SELECT * FROM temp.m0106_cols_before))
		+ (SELECT count(*) FROM (SELECT * FROM temp.m0106_cols_before EXCEPT SELECT * FROM cols))
		+ (SELECT count(*) FROM sqlite_schema WHERE type = 'table'
			AND name IN ('metric_days', 'metric_months', 'metric_years')
			AND sql NOT LIKE '%) WITHOUT ROWID');
DROP TABLE m0106_guard;
DROP TABLE temp.m0106_before;
DROP TABLE temp.m0106_cols_before;
