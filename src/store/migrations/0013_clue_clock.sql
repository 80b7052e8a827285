-- 0013: the day a clue's running clock started (the approval of its
-- current preliminary verification), NULL when no clock runs, so the
-- registry's "overdue" filter is an index range instead of a subquery
-- per clue.
ALTER TABLE clues ADD COLUMN clock_start TEXT;
UPDATE clues SET clock_start = (SELECT MAX(d.decided) FROM dispositions d
	WHERE d.clue_id = clues.id AND d.method = 'preliminary_verification' AND d.state = 'approved')
	WHERE state = 'preliminary_verification';
CREATE INDEX clues_clock ON clues(state, clock_start);
