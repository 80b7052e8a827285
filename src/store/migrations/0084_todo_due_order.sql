-- 0084: the to-do list's first items read in due order from an index
-- (issue 16, todo16g; bench/README.md "The to-do providers at 10M").
-- At 10M records the home page and /notices sorted each family's items:
-- one office's running verifications were read from clues_verification
-- in (clock_start, unit_id) order and sorted for the LIMIT, and a user's
-- target tasks were sorted by ledger (118 ms).
-- clues_verification gains id before unit_id: one office's verifications
-- in (clock_start, id) order, still covering the count by office.
DROP INDEX clues_verification;
CREATE INDEX clues_verification ON clues(state, verification_office, clock_start, id, unit_id);
-- a user's open tasks as their leader, and those of an office, by deadline
CREATE INDEX target_tasks_leader_due ON target_tasks(leader_id, deadline, id) WHERE done IS NULL;
CREATE INDEX target_tasks_office_due ON target_tasks(office, deadline, id) WHERE done IS NULL;
-- the running detentions by (due_day, case_id): the home page's order
-- (due day, then case) without a sort
DROP INDEX detentions_running_due;
CREATE INDEX detentions_running_due ON detentions(due_day, case_id) WHERE end_day IS NULL;
-- the proposals waiting for approval: at 10M records all 3.2M
-- dispositions were approved, ANALYZE saw one state, and SQLite counted
-- the waiting ones by walking every disposition (140 ms on each first
-- view of the home page after a write); this index holds only them
CREATE INDEX dispositions_proposed ON dispositions(id) WHERE state = 'proposed';
