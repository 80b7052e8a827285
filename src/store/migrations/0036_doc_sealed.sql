-- 0036: documents (文书, migration 0030) encrypted at rest (issue 12,
-- docenc; docs/security.md "Documents at rest").  documents.content now
-- holds the .docx sealed with the field key (field_encrypt's text form,
-- "x1:<base64>" or "s1:<base64>", as the column's bytes), bound to the
-- row by kind, year and seq; sha256 and size stay those of the plain
-- .docx.  SQL cannot encrypt (the key is outside the database): the rows
-- kept in plain before this version are sealed once at the next open
-- (doc_seal_fill, setting documents_sealed = 0 until then), in one
-- transaction, audited document_seal.
INSERT INTO settings (key, value) VALUES ('documents_sealed', '0');
