-- 0086 (SQLite): the triggers that keep stat `detained` of
-- 0086_rollup_detained.sql in metric_days, as 0076's keep the problems':
-- while metric_state.live = 1, before a change the detention's
-- contribution is subtracted and after it added, through metric_apply.
-- Only the columns the stat reads wake them (the case, the person, the
-- start day); a change of the case's campaign comes through 0028's
-- triggers on cases and metric_deps' 'case*'.  One row each, no multi-row
-- VALUES (0073).

DROP TRIGGER metric_apply_family;
CREATE TRIGGER metric_apply_family AFTER INSERT ON metric_apply
	WHEN NEW.kind IN ('rating', 'problem', 'detention')
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

CREATE TRIGGER metric_detentions_ai AFTER INSERT ON detentions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('detention', NEW.id, 1);
END;
CREATE TRIGGER metric_detentions_bu BEFORE UPDATE OF case_id, person_id, start_day ON detentions
	WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('detention', OLD.id, -1);
END;
CREATE TRIGGER metric_detentions_au AFTER UPDATE OF case_id, person_id, start_day ON detentions
	WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('detention', NEW.id, 1);
END;
CREATE TRIGGER metric_detentions_bd BEFORE DELETE ON detentions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('detention', OLD.id, -1);
END;
