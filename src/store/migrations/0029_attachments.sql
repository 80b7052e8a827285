-- 0029: the attachment store (issue 12, helper attach; docs/security.md
-- "Attachments", docs/operations.md "Attachments on disk").
-- One row per file bound to one record (obj_type 'report', 'clue', 'case',
-- 'outcome'; later families add their own type): the name as uploaded
-- (metadata only), the type detected from the content, the sizes, the
-- SHA-256 of the plaintext, and the names of the encrypted files in the
-- attachments folder (random, never derived from the name or content).
-- A file is never deleted: a withdrawal (撤回) keeps it, with who, when
-- and why, and hides it from the record's list of current attachments.
CREATE TABLE attachments (
	id           INTEGER PRIMARY KEY,
	obj_type     TEXT NOT NULL,
	obj_id       BIGINT NOT NULL,
	name         TEXT NOT NULL,
	ftype        TEXT NOT NULL,
	size         BIGINT NOT NULL,
	sha256       TEXT NOT NULL,
	file         TEXT NOT NULL UNIQUE,
	thumb        TEXT,
	thumb_size   BIGINT NOT NULL DEFAULT 0,
	width        INTEGER NOT NULL DEFAULT 0,
	height       INTEGER NOT NULL DEFAULT 0,
	created_by   BIGINT NOT NULL,
	creator      TEXT NOT NULL,
	created_at   BIGINT NOT NULL,
	withdrawn_at BIGINT,
	withdrawn_by TEXT,
	withdraw_reason TEXT
);
CREATE INDEX attachments_obj ON attachments(obj_type, obj_id);
