-- 0038 (PostgreSQL): the triggers that keep metric_months and metric_years
-- equal to the sums of metric_days (0038_grains.sql says what and why).
-- They sit on metric_days itself, so they see every change of it: the
-- upserts of metric_apply_row (an INSERT ... ON CONFLICT DO UPDATE runs
-- the INSERT and the UPDATE statement triggers, each with the rows it
-- inserted or updated), and any INSERT, UPDATE or DELETE a later
-- migration runs on it.  One trigger per statement, set-wise on its
-- transition tables: the statement's change (the new rows, the old ones
-- negated) queued in metric_grain_delta, grouped by month and by year and
-- added by one upsert each, the queue emptied.  A row trigger would cost a
-- function call per row of the rebuild's DELETE; this one returns at once
-- while metric_state.live = 0 (the rebuild switches the rollup off,
-- refills metric_days and then the grains set-wise, store/q_rollup.c).
-- plpgsql plans a statement when it first runs it, so the branch of
-- another event may name a transition table this trigger does not have.
CREATE FUNCTION metric_grains_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF (SELECT live FROM metric_state) <> 1 THEN
		RETURN NULL;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO metric_grain_delta SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM new_rows;
	END IF;
	IF TG_OP <> 'INSERT' THEN
		INSERT INTO metric_grain_delta SELECT stat, dim, val, day, -n, -f1, -f2, -f3, -f4, -sanc FROM old_rows;
	END IF;
	INSERT INTO metric_months (stat, dim, val, month, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 7), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM metric_grain_delta GROUP BY stat, dim, val, substr(day, 1, 7)
		ON CONFLICT (stat, dim, val, month) DO UPDATE SET n = metric_months.n + EXCLUDED.n,
			f1 = metric_months.f1 + EXCLUDED.f1, f2 = metric_months.f2 + EXCLUDED.f2,
			f3 = metric_months.f3 + EXCLUDED.f3, f4 = metric_months.f4 + EXCLUDED.f4,
			sanc = metric_months.sanc + EXCLUDED.sanc;
	INSERT INTO metric_years (stat, dim, val, year, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, substr(day, 1, 4), sum(n), sum(f1), sum(f2), sum(f3), sum(f4), sum(sanc)
		FROM metric_grain_delta GROUP BY stat, dim, val, substr(day, 1, 4)
		ON CONFLICT (stat, dim, val, year) DO UPDATE SET n = metric_years.n + EXCLUDED.n,
			f1 = metric_years.f1 + EXCLUDED.f1, f2 = metric_years.f2 + EXCLUDED.f2,
			f3 = metric_years.f3 + EXCLUDED.f3, f4 = metric_years.f4 + EXCLUDED.f4,
			sanc = metric_years.sanc + EXCLUDED.sanc;
	DELETE FROM metric_grain_delta;
	RETURN NULL;
END
$$;

CREATE TRIGGER metric_grains_ai AFTER INSERT ON metric_days REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION metric_grains_apply();
CREATE TRIGGER metric_grains_au AFTER UPDATE ON metric_days REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION metric_grains_apply();
CREATE TRIGGER metric_grains_ad AFTER DELETE ON metric_days REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION metric_grains_apply();
