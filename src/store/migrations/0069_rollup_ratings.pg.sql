-- 0069 (PostgreSQL): the triggers that keep the stat of
-- 0069_rollup_ratings.sql (rating) in metric_days, in the design of
-- 0039_live_keys.pg.sql: BEFORE each row the rating's contribution is
-- subtracted once per statement and the rating marked in metric_pending
-- (0039's metric_touch_self); AFTER an INSERT the new rating is marked;
-- 0028's metric_flush adds what was marked at the end of the statement.
-- Only the columns the stat reads (day, unit, stars) wake them.

-- Applies a queued record of the families' kinds.  Named to fire before
-- 0028's metric_apply_one (PostgreSQL runs a table's triggers in name
-- order: "family" < "one"), which then drops the row (it has no branch for
-- these kinds); returns the row for it.
CREATE FUNCTION metric_apply_family_row() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
			NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
		FROM metric_family_contrib c WHERE c.kind = NEW.kind AND c.id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
			f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
			f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
			sanc = metric_days.sanc + EXCLUDED.sanc;
	RETURN NEW;
END
$$;
CREATE TRIGGER metric_apply_family BEFORE INSERT ON metric_apply
	FOR EACH ROW WHEN (NEW.kind IN ('rating'))
	EXECUTE FUNCTION metric_apply_family_row();

CREATE TRIGGER metric_ratings_ai AFTER INSERT ON ratings
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('rating');
CREATE TRIGGER metric_ratings_bu BEFORE UPDATE OF day, unit_id, stars ON ratings
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('rating');
CREATE TRIGGER metric_ratings_bd BEFORE DELETE ON ratings
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('rating');
CREATE TRIGGER metric_ratings_flush AFTER INSERT OR UPDATE OF day, unit_id, stars OR DELETE
	ON ratings FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();
