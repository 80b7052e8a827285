-- 0002 (SQLite only): audit_log is append-only.
--
-- These triggers stop the platform itself, and any statement run through
-- it by mistake, from changing or deleting an audit entry.  They are not
-- the protection of the log: anyone who holds the database file and the
-- sqlite3 shell can DROP them and edit the table.  What proves the log
-- untouched is the HMAC chain (mac = MAC(audit_key, prev_mac || entry),
-- keyed outside the database), checked by `qingfeng audit verify`.
--
-- On PostgreSQL the same guard belongs in 0002_audit_guard.pg.sql (same
-- version, same name; written with the PostgreSQL driver): a trigger, or
-- a service role that has only INSERT and SELECT on audit_log.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
