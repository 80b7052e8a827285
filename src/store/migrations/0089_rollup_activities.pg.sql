-- 0089 (PostgreSQL): the triggers that keep the stat of
-- 0089_rollup_activities.sql (activity) in metric_days, as 0076 keeps the
-- problems': BEFORE each row the activity's contribution is subtracted
-- once per statement and the activity marked (metric_touch_self), AFTER an
-- INSERT the new one marked, and metric_flush adds what was marked at the
-- end of the statement (0078's metric_activities_flush, for the problems
-- an activity found, flushes the same table: whichever runs first adds
-- both).  Only the columns the stat reads wake them.  Each carries 0071's
-- WHEN: skipped without a plpgsql call while the rollup is off.

DROP TRIGGER metric_apply_family ON metric_apply;
CREATE TRIGGER metric_apply_family BEFORE INSERT ON metric_apply
	FOR EACH ROW WHEN (NEW.kind IN ('rating', 'problem', 'detention', 'activity'))
	EXECUTE FUNCTION metric_apply_family_row();

CREATE TRIGGER metric_activity_ai AFTER INSERT ON activities
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('activity');
CREATE TRIGGER metric_activity_bu BEFORE UPDATE OF day, count, participants, unit_id, campaign_id, kind, category
	ON activities FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('activity');
CREATE TRIGGER metric_activity_bd BEFORE DELETE ON activities
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('activity');
CREATE TRIGGER metric_activity_flush AFTER INSERT OR UPDATE OF day, count, participants, unit_id, campaign_id,
	kind, category OR DELETE ON activities
	FOR EACH STATEMENT WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_flush();
