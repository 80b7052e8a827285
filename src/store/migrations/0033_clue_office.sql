-- 0033: a clue assigned to a handling office (承办部门) by the case
-- manager (issue 12): the office is one of the users' offices
-- (users.office, 0008); '' none.  The office's staff find the clues
-- waiting for their proposal among their notices, the clue list filters
-- by it.  assigned_at: when (Unix time), 0 never.
ALTER TABLE clues ADD COLUMN assigned_office TEXT NOT NULL DEFAULT '';
ALTER TABLE clues ADD COLUMN assigned_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX clues_assigned_office ON clues(assigned_office, state);
