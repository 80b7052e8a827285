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
