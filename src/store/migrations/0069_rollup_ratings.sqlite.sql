-- 0069 (SQLite): the triggers that keep the stat of 0069_rollup_ratings.sql
-- (rating) in metric_days, in the design of 0039_live_keys.sqlite.sql:
-- while metric_state.live = 1, before a change the rating's contribution is
-- subtracted and after it added, through metric_apply.  Only the columns
-- the stat reads (day, unit, stars) wake them: a rating's idempotency key,
-- comment or inbox link do not.

-- metric_apply_one (0028) and metric_apply_acct (0039) apply their views,
-- which have no row of this kind; this one applies metric_family_contrib
CREATE TRIGGER metric_apply_family AFTER INSERT ON metric_apply
	WHEN NEW.kind IN ('rating')
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, day, NEW.sign * n, NEW.sign * f1, NEW.sign * f2,
			NEW.sign * f3, NEW.sign * f4, NEW.sign * sanc
		FROM metric_family_contrib WHERE kind = NEW.kind AND id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + excluded.n,
			f1 = metric_days.f1 + excluded.f1, f2 = metric_days.f2 + excluded.f2,
			f3 = metric_days.f3 + excluded.f3, f4 = metric_days.f4 + excluded.f4,
			sanc = metric_days.sanc + excluded.sanc;
END;

CREATE TRIGGER metric_ratings_ai AFTER INSERT ON ratings WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('rating', NEW.id, 1);
END;
CREATE TRIGGER metric_ratings_bu BEFORE UPDATE OF day, unit_id, stars ON ratings WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('rating', OLD.id, -1);
END;
CREATE TRIGGER metric_ratings_au AFTER UPDATE OF day, unit_id, stars ON ratings WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('rating', NEW.id, 1);
END;
CREATE TRIGGER metric_ratings_bd BEFORE DELETE ON ratings WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('rating', OLD.id, -1);
END;
