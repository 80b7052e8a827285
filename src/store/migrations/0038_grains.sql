-- 0038: the coarser grains of the statistics rollup (issue 11: the
-- dashboard at 10M records; helper grains; docs/statistics.md "The rollup").
--
-- metric_months and metric_years hold, per (stat, dim, val) and calendar
-- month ('YYYY-MM') or year ('YYYY'), the sums of metric_days' rows of
-- that month or year: the same columns, the same keys.  A period's figure
-- is read from whole years, whole months and the edge days (store/q_grains.h
-- splits the period), so a year is one row per key instead of 365.
--
-- Two tables rather than one with a grain column: each keeps the period
-- column of its own width, so its primary key orders the rows of one key by
-- time and a range of it is one index range, as in metric_days.
--
-- The grains are computed, never written by C: the triggers on metric_days
-- itself (0038_grains.sqlite.sql / .pg.sql) add every change of a
-- metric_days row to its month and year while metric_state.live = 1, so a
-- stat any later migration adds to metric_days gets its grains for free;
-- the rebuild (store/q_rollup.c) refills them from metric_days by GROUP BY.
CREATE TABLE metric_months (
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
);
CREATE INDEX metric_months_month ON metric_months(stat, dim, month);

CREATE TABLE metric_years (
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
);
CREATE INDEX metric_years_year ON metric_years(stat, dim, year);

-- the changes of metric_days on their way to the grains: the triggers of
-- 0038_grains.sqlite.sql / .pg.sql write a row's change (new counts, old
-- counts negated) here and apply it at once; always empty between
-- statements
CREATE TABLE metric_grain_delta (
	stat TEXT NOT NULL,
	dim  TEXT NOT NULL,
	val  TEXT NOT NULL,
	day  TEXT NOT NULL,
	n    BIGINT NOT NULL,
	f1   BIGINT NOT NULL,
	f2   BIGINT NOT NULL,
	f3   BIGINT NOT NULL,
	f4   BIGINT NOT NULL,
	sanc BIGINT NOT NULL
);

-- the grains of what metric_days holds now (the same statements as the
-- rebuild's, store/q_rollup.c Q_FILL_MONTHS / Q_FILL_YEARS)
INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, substr(day, 1, 7), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
	FROM metric_days GROUP BY stat, dim, val, substr(day, 1, 7);
INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, substr(month, 1, 4), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
	FROM metric_months GROUP BY stat, dim, val, substr(month, 1, 4);
