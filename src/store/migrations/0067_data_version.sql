-- 0067: the data's version (issue 16, lcache16).  One row whose n every
-- transaction that changes data adds one to as it commits (store.c
-- store_commit, store/data_version.c), from any process or server on the
-- database; a transaction that only appends the audit entry of a read
-- (store_tx_nodata) leaves it.  A page rendered from the data is kept in
-- the process with the n read before its queries (pages/list_kept.c) and
-- served again only while n has not moved.
CREATE TABLE data_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  BIGINT NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 0);
