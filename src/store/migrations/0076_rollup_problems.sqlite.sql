-- 0076 (SQLite): the triggers that keep the stats of
-- 0076_rollup_problems.sql (problem, problem_rectified) in metric_days, as
-- 0069_rollup_ratings.sqlite.sql keeps the ratings': while
-- metric_state.live = 1, before a change the problem's contribution is
-- subtracted and after it added, through metric_apply.  Only the columns
-- the stats read wake them (found, rectified, state, unit, campaign, top
-- leader, nature): a problem's summary, measures or confirmation do not.
-- One row each, no multi-row VALUES (0073).

DROP TRIGGER metric_apply_family;
CREATE TRIGGER metric_apply_family AFTER INSERT ON metric_apply
	WHEN NEW.kind IN ('rating', 'problem')
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

CREATE TRIGGER metric_problems_ai AFTER INSERT ON problems WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('problem', NEW.id, 1);
END;
CREATE TRIGGER metric_problems_bu BEFORE UPDATE OF found, rectified, state, unit_id, campaign_id, top_leader, nature
	ON problems WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('problem', OLD.id, -1);
END;
CREATE TRIGGER metric_problems_au AFTER UPDATE OF found, rectified, state, unit_id, campaign_id, top_leader, nature
	ON problems WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('problem', NEW.id, 1);
END;
CREATE TRIGGER metric_problems_bd BEFORE DELETE ON problems WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('problem', OLD.id, -1);
END;
