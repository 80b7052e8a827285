-- 0102 (issue 16, pgimp16j): the planner's statistics of the tables the
-- rollup's recomputation reads, refreshed inside a bulk import's
-- transaction before its refill (store_rollup_refill).  The import's
-- own ANALYZE comes after its commit; until then PostgreSQL planned the
-- refill from the statistics of the tables before the import (empty on a
-- new database): a clue's "disposed" EXISTS over dispositions then ran per
-- clue through the state index, every run reading every approved
-- disposition, quadratic in the import (4.1 s of the refill's 10.5 s at
-- 100,000 records, about 250 s at 1M).  ANALYZE inside a transaction
-- samples the transaction's own rows.  The tables are those under
-- metric_recompute (the views of 0028 and after), found from the views'
-- rewrite rules, so a table a later view adds is analyzed too.  SQLite
-- sums the refill in C (q_rollup_sum.c) and has no counterpart.
CREATE FUNCTION metric_sources_analyze() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	t regclass;
	n integer := 0;
BEGIN
	FOR t IN
		WITH RECURSIVE dep(oid) AS (
			SELECT 'metric_recompute'::regclass::oid
			UNION
			SELECT d.refobjid FROM dep
			JOIN pg_rewrite r ON r.ev_class = dep.oid
			JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
				AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> dep.oid
		)
		SELECT c.oid::regclass FROM dep JOIN pg_class c ON c.oid = dep.oid
		WHERE c.relkind = 'r' ORDER BY c.relname
	LOOP
		EXECUTE format('ANALYZE %s', t);
		n := n + 1;
	END LOOP;
	RETURN n;
END
$$;
