-- 0084 on PostgreSQL (0084_todo_due_order.sql): an index has no implicit
-- row id to end with, so the order's tie-breaker is written: all offices'
-- verifications by (clock_start, id) and the trial reviews by (trial_due,
-- id) without a sort.
DROP INDEX clues_clock;
CREATE INDEX clues_clock ON clues(state, clock_start, id);
DROP INDEX cases_trial_due;
CREATE INDEX cases_trial_due ON cases(state, trial_due, id);
