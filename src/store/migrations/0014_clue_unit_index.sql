-- 0014: the registry filtered by unit walks that unit's clues newest
-- first (q_clues.c, CLUE_BY_UNIT) instead of every clue; filtered by unit
-- and overdue, it reads only that unit's running verification clocks
-- (CLUE_BY_UNIT_OVERDUE).
DROP INDEX clues_unit;
CREATE INDEX clues_unit_received ON clues(unit_id, received);
CREATE INDEX clues_unit_clock ON clues(unit_id, state, clock_start);
