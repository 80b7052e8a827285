-- 0038 (SQLite): the triggers that keep metric_months and metric_years
-- equal to the sums of metric_days (0038_grains.sql says what and why).
-- They sit on metric_days itself, so they see every change of it: the
-- upserts of metric_apply_one (an INSERT of a new key, an UPDATE of an
-- existing one: SQLite runs the UPDATE triggers for the DO UPDATE of an
-- upsert), and any INSERT, UPDATE or DELETE a later migration runs on it.
-- Each queues the row's change (the new counts, the old ones negated) in
-- metric_grain_delta, whose trigger adds it to the day's month and year
-- and removes the queued row.  They act only while metric_state.live = 1:
-- the rebuild switches the rollup off, refills metric_days and then the
-- grains set-wise (store/q_rollup.c).

CREATE TRIGGER metric_grain_apply AFTER INSERT ON metric_grain_delta
BEGIN
	INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, substr(NEW.day, 1, 7), NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc)
		ON CONFLICT (stat, dim, val, month) DO UPDATE SET n = metric_months.n + excluded.n,
			f1 = metric_months.f1 + excluded.f1, f2 = metric_months.f2 + excluded.f2,
			f3 = metric_months.f3 + excluded.f3, f4 = metric_months.f4 + excluded.f4,
			sanc = metric_months.sanc + excluded.sanc;
	INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, substr(NEW.day, 1, 4), NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc)
		ON CONFLICT (stat, dim, val, year) DO UPDATE SET n = metric_years.n + excluded.n,
			f1 = metric_years.f1 + excluded.f1, f2 = metric_years.f2 + excluded.f2,
			f3 = metric_years.f3 + excluded.f3, f4 = metric_years.f4 + excluded.f4,
			sanc = metric_years.sanc + excluded.sanc;
	DELETE FROM metric_grain_delta WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER metric_grains_ai AFTER INSERT ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc);
END;
CREATE TRIGGER metric_grains_au AFTER UPDATE ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (OLD.stat, OLD.dim, OLD.val, OLD.day, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.sanc),
		(NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc);
END;
CREATE TRIGGER metric_grains_ad AFTER DELETE ON metric_days WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (OLD.stat, OLD.dim, OLD.val, OLD.day, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.sanc);
END;
