-- 0037: the indexes the to-do list counts and pages on (domain/todo.c,
-- docs/architecture.md "The to-do list"): each family counts its overdue
-- and due-soon items in SQL and reads only the most urgent, by the day
-- that decides urgency.  The preliminary verifications use clues_clock
-- (state, clock_start); the detentions detentions_due.
-- The trial reviews running, by due day.
CREATE INDEX cases_trial_due ON cases(state, trial_due);
-- The clues to forward to the level above, by due day.
CREATE INDEX clues_forward_due ON clues(forward_due);
-- The office handling a verification: the latest approved proposal of
-- the clue's, read per clue without visiting the table.
CREATE INDEX dispositions_clue_method ON dispositions(clue_id, method, state, id, proposed_by);
