-- 0070: an outcome's executions kept (issue 16, exec16).  exec_items is
-- the number of execution checklist items recorded for the outcome (0 to
-- 5: executions' key is (outcome_id, item) over five items), kept by the
-- triggers of 0070_exec_items.{sqlite,pg}.sql on every insert, delete and
-- move of an execution row, whatever writes it.  A sanctioned outcome with
-- fewer than five is pending execution (/executions); the partial index
-- holds those only, in the list's order, so the queue's count and page
-- read the open outcomes and not every sanctioned one with a correlated
-- count.  Whether an outcome needs executions (sanctioned) is in the
-- index's predicate, so changing it needs nothing kept.  Derived: not
-- exported (the interchange's fields are listed in domain/ix_*.c).
ALTER TABLE outcomes ADD COLUMN exec_items INTEGER NOT NULL DEFAULT 0;
UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = outcomes.id)
	WHERE id IN (SELECT outcome_id FROM executions);
CREATE INDEX outcomes_exec_open ON outcomes ((COALESCE(effective, day)), id)
	WHERE sanctioned = 1 AND exec_items < 5;
