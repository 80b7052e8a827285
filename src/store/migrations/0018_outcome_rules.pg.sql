-- 0018 on PostgreSQL: follow-up visits (回访) of cleared persons too: a
-- visit belongs to an outcome or to a clarification.
ALTER TABLE followups ALTER COLUMN outcome_id DROP NOT NULL;
ALTER TABLE followups ADD COLUMN clarification_id BIGINT REFERENCES clarifications(id);
ALTER TABLE followups ADD CONSTRAINT followups_one_subject
	CHECK ((outcome_id IS NULL) <> (clarification_id IS NULL));
CREATE INDEX followups_clarification ON followups(clarification_id);
