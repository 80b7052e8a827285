-- 0064: the inspections' figures of the statistics and the annual report
-- (src/store/q_inspections.c Q_M_PROBLEMS, Q_M_TOP, Q_M_CLUES) count the
-- problems and the clues of one source (巡察) found or received in a
-- period: `WHERE p.found >= ? AND p.found <= ? AND p.source =
-- 'inspection'`.  On problems_found / clues_received they read every
-- problem and clue of the year to keep one source's (issue 16, scale16:
-- bench/README.md "Every family at scale"); these read only that
-- source's, in day order.
CREATE INDEX clues_source_received ON clues(source, received);
CREATE INDEX problems_source_found ON problems(source, found);

-- The figures of the families counted live (statistics, the dashboard's
-- cards, the annual report: store_metric_problems_*, store_metric_activities,
-- the ratings' counts) read a period of their day index with the scope's
-- columns tested on every row (`? = 0 OR p.unit_id IN ...`): each row of
-- the period was looked up in the table.  The day indexes now hold those
-- columns, so the figures read the index alone (the annual report at 2M:
-- about half the CPU; bench/README.md).  Same names, the old columns
-- first: every plan that used them still does.
DROP INDEX problems_found;
CREATE INDEX problems_found ON problems(found, unit_id, campaign_id, activity_id, top_leader, nature);
DROP INDEX activities_day;
CREATE INDEX activities_day ON activities(day, kind, unit_id, campaign_id, category, count, participants);
DROP INDEX ratings_day;
CREATE INDEX ratings_day ON ratings(day, unit_id, stars);
