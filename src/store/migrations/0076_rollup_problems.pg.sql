-- 0076 (PostgreSQL): the triggers that keep the stats of
-- 0076_rollup_problems.sql (problem, problem_rectified) in metric_days, as
-- 0069_rollup_ratings.pg.sql keeps the ratings': BEFORE each row the
-- problem's contribution is subtracted once per statement and the problem
-- marked (metric_touch_self), AFTER an INSERT the new one marked, and
-- metric_flush adds what was marked at the end of the statement.  Only the
-- columns the stats read wake them.  Each carries 0071's WHEN: skipped
-- without a plpgsql call while the rollup is off (a bulk import).

DROP TRIGGER metric_apply_family ON metric_apply;
CREATE TRIGGER metric_apply_family BEFORE INSERT ON metric_apply
	FOR EACH ROW WHEN (NEW.kind IN ('rating', 'problem'))
	EXECUTE FUNCTION metric_apply_family_row();

CREATE TRIGGER metric_problems_ai AFTER INSERT ON problems
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('problem');
CREATE TRIGGER metric_problems_bu BEFORE UPDATE OF found, rectified, state, unit_id, campaign_id, top_leader, nature
	ON problems FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('problem');
CREATE TRIGGER metric_problems_bd BEFORE DELETE ON problems
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('problem');
CREATE TRIGGER metric_problems_flush AFTER INSERT OR UPDATE OF found, rectified, state, unit_id, campaign_id,
	top_leader, nature OR DELETE ON problems
	FOR EACH STATEMENT WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_flush();
