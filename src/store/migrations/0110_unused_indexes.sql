-- 0110: four indexes no statement needs (issue 16, idx19; both backends).
--
-- Every index is written by each insert and by each update of its columns,
-- and built by the bulk imports (SQLite: after the load, q_ixdefer.c; on
-- PostgreSQL the COPY floor's index inserts).  These four are used by no
-- statement's plan, or only where a longer index serves the same seek
-- (bench/README.md "idx19": the statements of the whole black-box suite,
-- EXPLAIN QUERY PLAN on a 1M import's database with its sqlite_stat1, and
-- the same texts' custom plans on PostgreSQL):
--
-- - dispositions_clue (clue_id): a prefix of dispositions_clue_method
--   (clue_id, method, state, id, proposed_by), which every statement that
--   used it seeks instead (two then sort a clue's 1.3 dispositions for
--   their ORDER BY d.id), and which serves the foreign key
--   dispositions.clue_id -> clues(id) as well.
-- - clues_state (state): a prefix of clues_clock and clues_verification;
--   no plan used it on either backend.
-- - persons_id_tail4, persons_id_tail6: the search box's persons
--   (q_find.c P_FROM) match the tails in an OR with the name's and the
--   unit's LIKE '%...%', which no index serves, so neither backend's plan
--   reads them; the tails' one-time fill (find_tails_fill) walks persons by
--   id.
--
-- Kept, and why: persons_region_name (the opinion replies' match by region
-- and name, q_opinions.c), case_subjects_person (a person's cases and open
-- cases: a seek, a scan of case_subjects without it; and the key
-- case_subjects.person_id -> persons), clues_first_disposed, cases_closed
-- and cases_transferred (the statistics' live counts by a period, and on
-- PostgreSQL the lists filtered by those days in their custom plans).
--
-- 0103 (SQLite) rebuilds clues and persons with the indexes 0102 had and
-- refuses a difference, so a database that runs 0103 again must run this
-- one after it (t256 deletes both versions' rows).
DROP INDEX dispositions_clue;
DROP INDEX clues_state;
DROP INDEX persons_id_tail4;
DROP INDEX persons_id_tail6;
