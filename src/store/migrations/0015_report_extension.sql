-- 0015: the day a petition's conclusion deadline was extended (信访事项
-- 延期, once: clock_limits.petition_extension more days), NULL when not.
ALTER TABLE reports ADD COLUMN extended TEXT;
