-- 0019 (PostgreSQL): a disposition may transfer the clue to another organ
-- (移交: upward, downward, the organisation department), with the organ
-- and the reference of the transfer.
ALTER TABLE dispositions DROP CONSTRAINT dispositions_method_check;
ALTER TABLE dispositions ADD CONSTRAINT dispositions_method_check
	CHECK (method IN ('talk_inquiry','preliminary_verification','shelve','close','file_case','transfer'));
ALTER TABLE dispositions ADD COLUMN transfer_direction TEXT
	CHECK (transfer_direction IN ('upward','downward','org_dept'));
ALTER TABLE dispositions ADD COLUMN transfer_to TEXT NOT NULL DEFAULT '';
ALTER TABLE dispositions ADD COLUMN transfer_ref TEXT NOT NULL DEFAULT '';
