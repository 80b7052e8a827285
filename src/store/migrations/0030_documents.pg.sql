-- 0030 (PostgreSQL): the issued documents, their .docx bytes kept (a document
-- issued is a fact), bound to their record; number unique per kind and year.
CREATE TABLE documents (
	id               INTEGER PRIMARY KEY,
	region           TEXT NOT NULL,
	kind             TEXT NOT NULL,
	record_id        BIGINT NOT NULL,
	page             TEXT NOT NULL,
	number           TEXT NOT NULL,
	year             INTEGER NOT NULL,
	seq              BIGINT NOT NULL,
	day              TEXT NOT NULL,
	template_version BIGINT NOT NULL,
	author_id        BIGINT NOT NULL,
	author           TEXT NOT NULL,
	created_at       BIGINT NOT NULL,
	sha256           TEXT NOT NULL,
	size             BIGINT NOT NULL,
	content          BYTEA NOT NULL,
	UNIQUE (kind, year, seq)
);
CREATE INDEX documents_page ON documents(page);
