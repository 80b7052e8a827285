-- 0016: 三员分立 for passwords, and login lock-outs per address.
-- A password reset the system admin asks for waits in pw_pending (an
-- Argon2id hash) until the security admin approves it; the approved reset
-- is then shown to the user (who set it, who approved it, when) until they
-- choose their own password.
ALTER TABLE users ADD COLUMN pw_pending TEXT;
ALTER TABLE users ADD COLUMN pw_pending_by TEXT;
ALTER TABLE users ADD COLUMN pw_pending_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN pw_reset_by TEXT;
ALTER TABLE users ADD COLUMN pw_reset_approver TEXT;
ALTER TABLE users ADD COLUMN pw_reset_at BIGINT NOT NULL DEFAULT 0;
-- Failure counts of existing accounts only (unknown names are counted in
-- the server's memory), per (name, client address): a lock applies to the
-- address the failures came from, so nobody can lock an account out of
-- every address.  addr '' holds counts kept across addresses (the second
-- factor's).  The old per-name counts are dropped: a lock lasts minutes.
DROP TABLE login_throttle;
CREATE TABLE login_throttle (
	name         TEXT NOT NULL,
	addr         TEXT NOT NULL,
	failures     INTEGER NOT NULL,
	locked_until BIGINT NOT NULL,
	updated_at   BIGINT NOT NULL,
	PRIMARY KEY (name, addr)
);
