-- 0089 (SQLite): the triggers that keep the stat of
-- 0089_rollup_activities.sql (activity) in metric_days, as 0076 keeps the
-- problems': while metric_state.live = 1, before a change the activity's
-- contribution is subtracted and after it added, through metric_apply.
-- Only the columns the stat reads wake them (day, count, participants,
-- unit, campaign, kind, category): a title or a note does not.  0078's
-- metric_activities_* (the problems an activity found) stay as they are:
-- they queue kind 'problem', these kind 'activity'.  One row each, no
-- multi-row VALUES (0073).

DROP TRIGGER metric_apply_family;
CREATE TRIGGER metric_apply_family AFTER INSERT ON metric_apply
	WHEN NEW.kind IN ('rating', 'problem', 'detention', 'activity')
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

CREATE TRIGGER metric_activity_ai AFTER INSERT ON activities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('activity', NEW.id, 1);
END;
CREATE TRIGGER metric_activity_bu BEFORE UPDATE OF day, count, participants, unit_id, campaign_id, kind, category
	ON activities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('activity', OLD.id, -1);
END;
CREATE TRIGGER metric_activity_au AFTER UPDATE OF day, count, participants, unit_id, campaign_id, kind, category
	ON activities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('activity', NEW.id, 1);
END;
CREATE TRIGGER metric_activity_bd BEFORE DELETE ON activities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('activity', OLD.id, -1);
END;
