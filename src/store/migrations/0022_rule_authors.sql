-- 0022: the rule tables are edited from the pages (/rules/..., issue 10):
-- each new version records who added it and when, as form_rules already
-- does (0018).  The seeded rows keep created_by NULL and created_at 0
-- (shown as 初始).  A version is never updated: a change is a new row
-- from a day not before today (domain/rule_tables.c).
ALTER TABLE influence_periods ADD COLUMN created_by BIGINT REFERENCES users(id);
ALTER TABLE influence_periods ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE clock_limit_versions ADD COLUMN created_by BIGINT REFERENCES users(id);
ALTER TABLE clock_limit_versions ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE detention_limits ADD COLUMN created_by BIGINT REFERENCES users(id);
ALTER TABLE detention_limits ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE jurisdiction_rules ADD COLUMN created_by BIGINT REFERENCES users(id);
ALTER TABLE jurisdiction_rules ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0;
