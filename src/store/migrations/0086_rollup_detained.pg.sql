-- 0086 (PostgreSQL): the triggers that keep stat `detained` of
-- 0086_rollup_detained.sql in metric_days, as 0076_rollup_problems.pg.sql
-- keeps the problems': BEFORE each row the detention's contribution is
-- subtracted once per statement and the detention marked
-- (metric_touch_self), AFTER an INSERT the new one marked, and
-- metric_flush adds what was marked at the end of the statement.  Only
-- the columns the stat reads wake them; a change of the case's campaign
-- comes through 0028's triggers on cases and metric_deps' 'case*'.  Each
-- carries 0071's WHEN (a later migration's rollup trigger must).

DROP TRIGGER metric_apply_family ON metric_apply;
CREATE TRIGGER metric_apply_family BEFORE INSERT ON metric_apply
	FOR EACH ROW WHEN (NEW.kind IN ('rating', 'problem', 'detention'))
	EXECUTE FUNCTION metric_apply_family_row();

CREATE TRIGGER metric_detentions_ai AFTER INSERT ON detentions
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('detention');
CREATE TRIGGER metric_detentions_bu BEFORE UPDATE OF case_id, person_id, start_day
	ON detentions FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('detention');
CREATE TRIGGER metric_detentions_bd BEFORE DELETE ON detentions
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_touch_self('detention');
CREATE TRIGGER metric_detentions_flush AFTER INSERT OR UPDATE OF case_id, person_id, start_day OR DELETE
	ON detentions FOR EACH STATEMENT WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION metric_flush();
