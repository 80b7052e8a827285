-- 0004: the time step of the last accepted TOTP code of each user, so a
-- code seen once (over a shoulder, in a proxy log) cannot be used again.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
