-- 0068: the figures counted live that still read the table for each row
-- of their period (issue 16, fam16; bench/README.md "The families'
-- figures at scale"), measured per statement on the annual report at 2M
-- records:
-- * the problems rectified in a period (store/q_problems.c Q_M_RECTIFIED)
--   had no index on the day rectified: the planner read every rectified
--   problem through problems_open (state), table row by row (40-48 ms);
--   problems_rectified holds the day and the columns the scope tests;
-- * the inspections' clues and problems of a period (q_inspections.c
--   Q_M_CLUES, Q_M_PROBLEMS, Q_M_TOP) read 0064's source-and-day indexes,
--   then the table for the unit and the inspection (56-63 ms for the
--   clues): the indexes now hold those columns (same names, the old
--   columns first, so every plan that used them still does);
-- * the integrity files brought up to date (q_talks.c
--   Q_M_INTEGRITY_FILES) count distinct persons: the day index now holds
--   the person.
CREATE INDEX problems_rectified ON problems(rectified, state, unit_id, campaign_id, activity_id);
DROP INDEX clues_source_received;
CREATE INDEX clues_source_received ON clues(source, received, unit_id, inspection_id);
DROP INDEX problems_source_found;
CREATE INDEX problems_source_found ON problems(source, found, unit_id, inspection_id, top_leader);
DROP INDEX integrity_updates_day;
CREATE INDEX integrity_updates_day ON integrity_updates(day, person_id);
