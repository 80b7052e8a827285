-- 0039 (PostgreSQL): the triggers that keep the stats of 0039_live_keys.sql
-- (accountability, recovered, returned) in metric_days, in the design of
-- 0028_rollup.pg.sql: BEFORE each row the record's contribution is
-- subtracted once per statement and the record marked in metric_pending;
-- AFTER an INSERT the new record is marked; metric_flush (0028) adds what
-- was marked at the end of the statement.  A record's contribution reads
-- only itself, so the record is marked directly (no metric_deps lookup).

-- Applies a queued record of these kinds.  It fires before 0028's
-- metric_apply_one (PostgreSQL runs a table's triggers in name order) and
-- returns the row, which metric_apply_one then drops (it has no branch for
-- these kinds).
CREATE FUNCTION metric_apply_acct_row() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
			NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
		FROM metric_acct_contrib c WHERE c.kind = NEW.kind AND c.id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
			f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
			f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
			sanc = metric_days.sanc + EXCLUDED.sanc;
	RETURN NEW;
END
$$;
CREATE TRIGGER metric_apply_acct BEFORE INSERT ON metric_apply
	FOR EACH ROW WHEN (NEW.kind IN ('accountability', 'recovery'))
	EXECUTE FUNCTION metric_apply_acct_row();

-- TG_ARGV[0]: the kind.  BEFORE: subtract and mark the old (and the new)
-- record; AFTER INSERT: mark the new record.
CREATE FUNCTION metric_touch_self() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
	ids BIGINT[] := '{}';
BEGIN
	IF (SELECT live FROM metric_state) = 1 THEN
		IF TG_WHEN = 'AFTER' THEN
			INSERT INTO metric_pending (kind, id) VALUES (TG_ARGV[0], NEW.id) ON CONFLICT DO NOTHING;
			RETURN NULL;
		END IF;
		ids := ids || OLD.id;
		IF TG_OP = 'UPDATE' THEN
			ids := ids || NEW.id;
		END IF;
		WITH marked AS (
			INSERT INTO metric_pending (kind, id) SELECT DISTINCT TG_ARGV[0], x FROM unnest(ids) x
				ON CONFLICT DO NOTHING RETURNING kind, id)
		INSERT INTO metric_apply (kind, id, sign) SELECT kind, id, -1 FROM marked;
	END IF;
	IF TG_WHEN = 'AFTER' THEN
		RETURN NULL;
	ELSIF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER metric_accountabilities_ai AFTER INSERT ON accountabilities
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('accountability');
CREATE TRIGGER metric_accountabilities_bu BEFORE UPDATE OF started, campaign_id ON accountabilities
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('accountability');
CREATE TRIGGER metric_accountabilities_bd BEFORE DELETE ON accountabilities
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('accountability');
CREATE TRIGGER metric_accountabilities_flush AFTER INSERT OR UPDATE OF started, campaign_id OR DELETE
	ON accountabilities FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_recoveries_ai AFTER INSERT ON recoveries
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('recovery');
CREATE TRIGGER metric_recoveries_bu BEFORE UPDATE OF day, amount_fen, kind, campaign_id ON recoveries
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('recovery');
CREATE TRIGGER metric_recoveries_bd BEFORE DELETE ON recoveries
	FOR EACH ROW EXECUTE FUNCTION metric_touch_self('recovery');
CREATE TRIGGER metric_recoveries_flush AFTER INSERT OR UPDATE OF day, amount_fen, kind, campaign_id OR DELETE
	ON recoveries FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();
