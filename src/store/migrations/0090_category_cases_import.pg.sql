-- 0090 (issue 16, session 31): 0082's counting trigger skipped while the
-- rollup is off, as 0071 skips the rollup's.  In a bulk import (one
-- transaction) every case_categories row updated one of a few catalog
-- rows; PostgreSQL writes a new version of the row for each update and
-- cannot prune the versions its own open transaction left, so each update
-- walked the versions before it: quadratic in the cases of a category (a
-- 1M-clue, 300k-case import spent its time in these inserts).  The import
-- counts the catalog afresh at its end instead (store_category_cases_recount,
-- after the rollup's refill).  SQLite updates the row in place and keeps
-- its trigger as it was.
DROP TRIGGER case_categories_cases ON case_categories;
CREATE TRIGGER case_categories_cases AFTER INSERT OR DELETE OR UPDATE OF category ON case_categories
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION case_categories_cases_keep();
