-- 0071 (issue 16, pgimp16d): the rollup's triggers skipped without a
-- plpgsql call while the rollup is off.  metric_touch, metric_flush (0028)
-- and metric_touch_self (0039) already do nothing when metric_state.live
-- is 0, but each row of a bulk import still paid a plpgsql call and a
-- query for that (in a trace of 8,810 records: 20,400 calls each of
-- metric_touch and metric_flush, 0.7 s of the server's 4.2 s of
-- statements).  store_rollup_off sets the transaction's setting
-- qf.rollup_off to '1' in the statement that sets live to 0, and the
-- rollup's switch back on clears it (store/q_rollup.c), so the WHEN below
-- skips only triggers that would have done nothing.  Every trigger that
-- calls the three functions gets the WHEN, whatever migration created it
-- (their definitions are otherwise kept: same names, so the same order).
-- A trigger created after this migration on those functions should carry
-- the same WHEN (it works without: only slower during an import).
DO $$
DECLARE
	t record;
BEGIN
	FOR t IN SELECT tg.tgname, tg.tgrelid::regclass AS rel, pg_get_triggerdef(tg.oid) AS def
		FROM pg_trigger tg JOIN pg_proc p ON p.oid = tg.tgfoid
		WHERE NOT tg.tgisinternal AND tg.tgqual IS NULL
			AND p.proname IN ('metric_touch', 'metric_touch_self', 'metric_flush')
		ORDER BY tg.tgname
	LOOP
		EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.rel);
		EXECUTE replace(t.def, ' EXECUTE FUNCTION ',
			' WHEN (current_setting(''qf.rollup_off'', true) IS DISTINCT FROM ''1'') EXECUTE FUNCTION ');
	END LOOP;
END
$$;
