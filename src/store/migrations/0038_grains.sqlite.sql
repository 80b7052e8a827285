-- 0038 (SQLite): the triggers that keep metric_months and metric_years
-- equal to the sums of metric_days (0038_grains.sql says what and why).
-- They sit on metric_days itself, so they see every change of it: the
-- upserts of metric_apply_one (an INSERT of a new key, an UPDATE of an
-- existing one: SQLite runs the UPDATE triggers for the DO UPDATE of an
-- upsert), and any INSERT, UPDATE or DELETE a later migration runs on it.
-- Each adds the row's change (new minus old) to the row's month and year.
-- They act only while metric_state.live = 1: the rebuild switches the
-- rollup off, refills metric_days and then the grains set-wise
-- (store/q_rollup.c).

CREATE TRIGGER metric_grains_ai AFTER INSERT ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 7), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM (SELECT NEW.stat AS stat, NEW.dim AS dim, NEW.val AS val, NEW.day AS day, NEW.n AS n, NEW.f1 AS f1, NEW.f2 AS f2, NEW.f3 AS f3, NEW.f4 AS f4, NEW.sanc AS sanc) x WHERE 1 = 1 GROUP BY stat, dim, val, substr(day, 1, 7)
		ON CONFLICT (stat, dim, val, month) DO UPDATE SET
			n = metric_months.n + excluded.n,
			f1 = metric_months.f1 + excluded.f1,
			f2 = metric_months.f2 + excluded.f2,
			f3 = metric_months.f3 + excluded.f3,
			f4 = metric_months.f4 + excluded.f4,
			sanc = metric_months.sanc + excluded.sanc;
	INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 4), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM (SELECT NEW.stat AS stat, NEW.dim AS dim, NEW.val AS val, NEW.day AS day, NEW.n AS n, NEW.f1 AS f1, NEW.f2 AS f2, NEW.f3 AS f3, NEW.f4 AS f4, NEW.sanc AS sanc) x WHERE 1 = 1 GROUP BY stat, dim, val, substr(day, 1, 4)
		ON CONFLICT (stat, dim, val, year) DO UPDATE SET
			n = metric_years.n + excluded.n,
			f1 = metric_years.f1 + excluded.f1,
			f2 = metric_years.f2 + excluded.f2,
			f3 = metric_years.f3 + excluded.f3,
			f4 = metric_years.f4 + excluded.f4,
			sanc = metric_years.sanc + excluded.sanc;
END;

CREATE TRIGGER metric_grains_au AFTER UPDATE ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 7), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM (SELECT OLD.stat AS stat, OLD.dim AS dim, OLD.val AS val, OLD.day AS day, -OLD.n AS n, -OLD.f1 AS f1, -OLD.f2 AS f2, -OLD.f3 AS f3, -OLD.f4 AS f4, -OLD.sanc AS sanc
			UNION ALL SELECT NEW.stat AS stat, NEW.dim AS dim, NEW.val AS val, NEW.day AS day, NEW.n AS n, NEW.f1 AS f1, NEW.f2 AS f2, NEW.f3 AS f3, NEW.f4 AS f4, NEW.sanc AS sanc) x WHERE 1 = 1 GROUP BY stat, dim, val, substr(day, 1, 7)
		ON CONFLICT (stat, dim, val, month) DO UPDATE SET
			n = metric_months.n + excluded.n,
			f1 = metric_months.f1 + excluded.f1,
			f2 = metric_months.f2 + excluded.f2,
			f3 = metric_months.f3 + excluded.f3,
			f4 = metric_months.f4 + excluded.f4,
			sanc = metric_months.sanc + excluded.sanc;
	INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 4), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM (SELECT OLD.stat AS stat, OLD.dim AS dim, OLD.val AS val, OLD.day AS day, -OLD.n AS n, -OLD.f1 AS f1, -OLD.f2 AS f2, -OLD.f3 AS f3, -OLD.f4 AS f4, -OLD.sanc AS sanc
			UNION ALL SELECT NEW.stat AS stat, NEW.dim AS dim, NEW.val AS val, NEW.day AS day, NEW.n AS n, NEW.f1 AS f1, NEW.f2 AS f2, NEW.f3 AS f3, NEW.f4 AS f4, NEW.sanc AS sanc) x WHERE 1 = 1 GROUP BY stat, dim, val, substr(day, 1, 4)
		ON CONFLICT (stat, dim, val, year) DO UPDATE SET
			n = metric_years.n + excluded.n,
			f1 = metric_years.f1 + excluded.f1,
			f2 = metric_years.f2 + excluded.f2,
			f3 = metric_years.f3 + excluded.f3,
			f4 = metric_years.f4 + excluded.f4,
			sanc = metric_years.sanc + excluded.sanc;
END;

CREATE TRIGGER metric_grains_ad AFTER DELETE ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 7), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM (SELECT OLD.stat AS stat, OLD.dim AS dim, OLD.val AS val, OLD.day AS day, -OLD.n AS n, -OLD.f1 AS f1, -OLD.f2 AS f2, -OLD.f3 AS f3, -OLD.f4 AS f4, -OLD.sanc AS sanc) x WHERE 1 = 1 GROUP BY stat, dim, val, substr(day, 1, 7)
		ON CONFLICT (stat, dim, val, month) DO UPDATE SET
			n = metric_months.n + excluded.n,
			f1 = metric_months.f1 + excluded.f1,
			f2 = metric_months.f2 + excluded.f2,
			f3 = metric_months.f3 + excluded.f3,
			f4 = metric_months.f4 + excluded.f4,
			sanc = metric_months.sanc + excluded.sanc;
	INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 4), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM (SELECT OLD.stat AS stat, OLD.dim AS dim, OLD.val AS val, OLD.day AS day, -OLD.n AS n, -OLD.f1 AS f1, -OLD.f2 AS f2, -OLD.f3 AS f3, -OLD.f4 AS f4, -OLD.sanc AS sanc) x WHERE 1 = 1 GROUP BY stat, dim, val, substr(day, 1, 4)
		ON CONFLICT (stat, dim, val, year) DO UPDATE SET
			n = metric_years.n + excluded.n,
			f1 = metric_years.f1 + excluded.f1,
			f2 = metric_years.f2 + excluded.f2,
			f3 = metric_years.f3 + excluded.f3,
			f4 = metric_years.f4 + excluded.f4,
			sanc = metric_years.sanc + excluded.sanc;
END;
