-- 0088: a request's number of cadres (lines) kept (issue 16, annual16g).
-- The annual report's 回复党风廉政意见 人次 (`opinion_cadres`: the lines of
-- the requests replied in the period, DOMAIN.md section 7) joined every
-- line of the year's replied requests to its request on each view: 114 ms
-- at 10M records (~200,000 lines).  opinion_requests.lines is now that
-- count, kept by the triggers of 0088_opinion_lines_kept.{sqlite,pg}.sql
-- on every insert, delete and move of an opinion_lines row, whatever
-- writes it (the page, the API, an import); the figure sums it over the
-- period's replied requests.  Derived: not exported.
ALTER TABLE opinion_requests ADD COLUMN lines INTEGER NOT NULL DEFAULT 0;
UPDATE opinion_requests SET lines = (SELECT count(*) FROM opinion_lines l WHERE l.request_id = opinion_requests.id);
