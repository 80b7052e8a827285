-- 0003: failed-login counting per user name, whether or not an account of
-- that name exists, so a lock-out answers the same for both and cannot be
-- used to find out which names exist.  Kept in the database so several
-- servers share it.
CREATE TABLE login_throttle (
	name         TEXT PRIMARY KEY,
	failures     INTEGER NOT NULL,
	locked_until BIGINT NOT NULL,
	updated_at   BIGINT NOT NULL
);
