-- 0057: the rating pages' idempotency keys of a recent window, in arrival
-- order (issue 13, rate13c; docs/architecture.md "Recent keys in
-- memory").  A key that carries its page's render time is told new or
-- seen by a set in memory (core/seenset.h) holding the keys of the last
-- day; this table is what that set is rebuilt from at start, so a key is
-- appended here in the transaction that stores its rating (the group's,
-- or a letter's / bad review's own) and never looked up by value: no
-- index but the rowid, so a group of ratings appends to the table's last
-- pages instead of dirtying one random index page per rating.  digest is
-- the first 16 bytes of BLAKE2b(key) in hex, day the CST day of arrival
-- (the purge's; rows older than two days are useless and deleted).
CREATE TABLE public_rating_keys (
	id     INTEGER PRIMARY KEY,
	digest TEXT NOT NULL,
	day    TEXT NOT NULL
);
