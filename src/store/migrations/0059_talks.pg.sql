-- 0059 on PostgreSQL: an outcome's matter is exactly one of a case, a
-- clue or a daily-supervision record (a talk, 0059_talks.sql); the
-- unnamed CHECK of 0008 is outcomes_check.
ALTER TABLE outcomes DROP CONSTRAINT outcomes_check;
ALTER TABLE outcomes ADD CONSTRAINT outcomes_one_matter
	CHECK ((case_id IS NOT NULL AND clue_id IS NULL AND supervision_id IS NULL)
	    OR (case_id IS NULL AND clue_id IS NOT NULL AND supervision_id IS NULL)
	    OR (case_id IS NULL AND clue_id IS NULL AND supervision_id IS NOT NULL));
ALTER TABLE outcomes ADD CONSTRAINT outcomes_supervision_talk
	FOREIGN KEY (supervision_id) REFERENCES talks(id);
