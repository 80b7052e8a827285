-- 0039 (SQLite): the triggers that keep the stats of 0039_live_keys.sql
-- (accountability, recovered, returned) in metric_days, in the design of
-- 0028_rollup.sqlite.sql: while metric_state.live = 1, before a change the
-- record's contribution is subtracted and after it added, through
-- metric_apply.  A record's contribution reads only itself, so each
-- trigger queues the record (no metric_deps lookup).

-- metric_apply_one (0028) applies metric_contrib, which has no row of
-- these kinds; this one applies metric_acct_contrib
CREATE TRIGGER metric_apply_acct AFTER INSERT ON metric_apply
	WHEN NEW.kind IN ('accountability', 'recovery')
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, day, NEW.sign * n, NEW.sign * f1, NEW.sign * f2,
			NEW.sign * f3, NEW.sign * f4, NEW.sign * sanc
		FROM metric_acct_contrib WHERE kind = NEW.kind AND id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + excluded.n,
			f1 = metric_days.f1 + excluded.f1, f2 = metric_days.f2 + excluded.f2,
			f3 = metric_days.f3 + excluded.f3, f4 = metric_days.f4 + excluded.f4,
			sanc = metric_days.sanc + excluded.sanc;
END;

-- accountabilities: accountability
CREATE TRIGGER metric_accountabilities_ai AFTER INSERT ON accountabilities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('accountability', NEW.id, 1);
END;
CREATE TRIGGER metric_accountabilities_bu BEFORE UPDATE OF started, campaign_id ON accountabilities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('accountability', OLD.id, -1);
END;
CREATE TRIGGER metric_accountabilities_au AFTER UPDATE OF started, campaign_id ON accountabilities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('accountability', NEW.id, 1);
END;
CREATE TRIGGER metric_accountabilities_bd BEFORE DELETE ON accountabilities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('accountability', OLD.id, -1);
END;

-- recoveries: recovery
CREATE TRIGGER metric_recoveries_ai AFTER INSERT ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', NEW.id, 1);
END;
CREATE TRIGGER metric_recoveries_bu BEFORE UPDATE OF day, amount_fen, kind, campaign_id ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', OLD.id, -1);
END;
CREATE TRIGGER metric_recoveries_au AFTER UPDATE OF day, amount_fen, kind, campaign_id ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', NEW.id, 1);
END;
CREATE TRIGGER metric_recoveries_bd BEFORE DELETE ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', OLD.id, -1);
END;
