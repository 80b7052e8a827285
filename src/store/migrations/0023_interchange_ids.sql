-- 0023: interchange of issue 10's records (docs/interchange.md).
--
-- Outcomes, clarifications and detentions get the id they had in an
-- imported file (ext_id), so that follow-up visits, appeals, notices and
-- extensions can name them; the records that a file can now carry keep
-- its unknown fields (extra), as every interchange type does.
ALTER TABLE outcomes ADD COLUMN ext_id TEXT;
CREATE INDEX outcomes_ext ON outcomes(ext_id);
ALTER TABLE clarifications ADD COLUMN ext_id TEXT;
ALTER TABLE clarifications ADD COLUMN extra TEXT;
CREATE INDEX clarifications_ext ON clarifications(ext_id);
ALTER TABLE detentions ADD COLUMN ext_id TEXT;
CREATE INDEX detentions_ext ON detentions(ext_id);
ALTER TABLE followups ADD COLUMN extra TEXT;
ALTER TABLE appeals ADD COLUMN extra TEXT;
ALTER TABLE detention_notices ADD COLUMN extra TEXT;
ALTER TABLE detention_extensions ADD COLUMN extra TEXT;

-- the catalog's "cases filed under it" counts per category (store_categories,
-- read at every filing): without it each count scans case_categories
CREATE INDEX case_categories_category ON case_categories(category);
