-- 0014: the registry filtered by unit walks that unit's clues newest
-- first (q_clues.c, CLUE_BY_UNIT) instead of every clue.
DROP INDEX clues_unit;
CREATE INDEX clues_unit_received ON clues(unit_id, received);
