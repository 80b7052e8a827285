-- 0061: the activity that found a problem (issue 15's last figures;
-- docs/architecture.md "Rectification ledger").  problems.activity_id: the
-- work log entry (a spot check, cross check, 两函一书, 群众评议会,
-- supervision check ...) that found the problem, NULL when none is
-- recorded; the statistics problems_found and problems_rectified honour
-- the scope member kind= through it (docs/statistics.md), a problem
-- without an activity never matching a kind.  Portable (SQLite and
-- PostgreSQL).
ALTER TABLE problems ADD COLUMN activity_id BIGINT REFERENCES activities(id);
CREATE INDEX problems_activity ON problems(activity_id);
