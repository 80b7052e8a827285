-- 0056 (PostgreSQL): recoveries.kind gains confiscated (收缴) and ordered
-- (追缴); recovered and returned keep their codes (0056_campaigns.sql).
ALTER TABLE recoveries DROP CONSTRAINT recoveries_kind_check;
ALTER TABLE recoveries ADD CONSTRAINT recoveries_kind_check
	CHECK (kind IN ('recovered','returned','confiscated','ordered'));
CREATE INDEX recoveries_campaign ON recoveries(campaign_id);
