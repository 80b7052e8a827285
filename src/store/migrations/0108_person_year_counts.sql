-- 0108: the persons of a whole year counted per figure and year (issue 16, session 35).
--
-- A calendar year's integrity files brought up to date (更新廉政档案) and
-- persons detained (留置), unscoped, were the count of person_years' rows
-- of the figure and year (0095): an index range of the year's persons,
-- 83,881 rows for the integrity files of 2022 at 10M records, a sequential
-- scan on PostgreSQL (57 ms under EXPLAIN ANALYZE, the most of
-- /statistics?year=2022's first view after a write).  person_year_counts
-- holds that count, one row per figure and year, kept by the triggers of
-- 0108_person_year_counts.{sqlite,pg}.sql on person_years (+1 when a
-- person's first row of the year is inserted, -1 when the last goes), and
-- on PostgreSQL recounted with person_years at a bulk import's end
-- (store_dash_kept_recount).  A year without a row counts 0.
-- Derived: not exported.
CREATE TABLE person_year_counts (
	stat TEXT NOT NULL,
	year INTEGER NOT NULL,
	n    BIGINT NOT NULL,
	PRIMARY KEY (stat, year)
);
INSERT INTO person_year_counts (stat, year, n)
	SELECT stat, year, count(*) FROM person_years GROUP BY stat, year;
