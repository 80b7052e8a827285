-- 0078 (PostgreSQL): a problem's kind and category rows (0078_rollup_problem_kinds.sql)
-- follow its activity.  0076's problems triggers that name columns are
-- created again with activity_id among them (same names, so the same
-- order).  The activities' triggers use 0028's metric_touch with the kind
-- 'activity*' (metric_deps: the problems the activity found): BEFORE each
-- row of a change of kind or category (a change to the same values is
-- skipped by the WHEN) or of a delete, the problems' contributions are
-- subtracted once per statement and marked; metric_flush adds them back
-- as they are at the end of the statement.  Each carries 0071's WHEN.

DROP TRIGGER metric_problems_bu ON problems;
DROP TRIGGER metric_problems_flush ON problems;
CREATE TRIGGER metric_problems_bu BEFORE UPDATE OF found, rectified, state, unit_id, campaign_id, top_leader, nature,
	activity_id ON problems FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('problem');
CREATE TRIGGER metric_problems_flush AFTER INSERT OR UPDATE OF found, rectified, state, unit_id, campaign_id,
	top_leader, nature, activity_id OR DELETE ON problems
	FOR EACH STATEMENT WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_activities_bu BEFORE UPDATE OF kind, category ON activities
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1'
		AND (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.category IS DISTINCT FROM NEW.category))
	EXECUTE FUNCTION metric_touch('activity*', 'id');
CREATE TRIGGER metric_activities_bd BEFORE DELETE ON activities
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch('activity*', 'id');
CREATE TRIGGER metric_activities_flush AFTER UPDATE OF kind, category OR DELETE ON activities
	FOR EACH STATEMENT WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_flush();
