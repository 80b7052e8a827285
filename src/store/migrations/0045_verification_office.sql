-- 0045: the office handling a clue's running preliminary verification,
-- stored on the clue (issue 16: no page view counts a whole large table).
-- It is the office of the user who proposed the verification, as that
-- user's office stood when the verification was approved
-- (domain/disposition.c decide_tx); '' when unknown (an imported
-- verification names none, or its proposer had no office); NULL when no
-- verification runs, like clock_start (0013), and set or cleared in the
-- same statement (store_clue_set_state).  The to-do list counts and
-- lists by it (q_clues.c Q_PRELIM, Q_PRELIM_COUNT) instead of finding
-- the proposal per clue.  The backfill is the statement the count used
-- before: the proposer's office now (the offices at approval time were
-- not recorded).
ALTER TABLE clues ADD COLUMN verification_office TEXT;
UPDATE clues SET verification_office = COALESCE((SELECT w.office FROM dispositions d
	JOIN users w ON w.id = d.proposed_by
	WHERE d.clue_id = clues.id AND d.method = 'preliminary_verification' AND d.state = 'approved'
	ORDER BY d.id DESC LIMIT 1), '')
	WHERE state = 'preliminary_verification';
-- The count per office reads only this index (the unit for the scope).
CREATE INDEX clues_verification ON clues(state, verification_office, clock_start, unit_id);
