-- 0082: the catalog's "cases filed under it" kept (issue 16, the 10M run
-- of session 30).  Every page with a category field (/worklog, /problems,
-- /statistics, a clue's and a case's page) read the catalog with a
-- correlated count of case_categories per category: 40-125 ms at 10M
-- records, a whole large table counted on each view.  violation_categories
-- .cases is now that count, kept by the triggers of
-- 0082_category_cases.{sqlite,pg}.sql on every insert, delete and move of
-- a case_categories row, whatever writes it; each adds or takes one, so a
-- filing costs one row's update, not a count.  Derived: not exported.
ALTER TABLE violation_categories ADD COLUMN cases INTEGER NOT NULL DEFAULT 0;
UPDATE violation_categories SET cases = (SELECT count(*) FROM case_categories k
	WHERE k.category = violation_categories.code);
