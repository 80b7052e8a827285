-- 0092: the target tasks' list (/targets) read in its order (issue 16,
-- first16h).  The list sorts by the ledger's year (newest first), the
-- ledger, the deadline and the id; SQLite walked the ledgers by
-- (year, name) and sorted every task of the year: 60-170 ms for the first
-- view after a write at 10M records (22,932 tasks).  With the ledgers in
-- (year DESC, id) order and the tasks by target_tasks_ledger (ledger_id,
-- deadline, id), the page's rows are the first ones read and nothing is
-- sorted (q_targets.c Q_TASK_LIST orders by l.id, the same as t.ledger_id
-- by the join).
CREATE INDEX target_ledgers_year ON target_ledgers(year DESC, id);
