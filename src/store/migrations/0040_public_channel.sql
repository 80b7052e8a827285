-- 0040: the public channel (issue 13, docs/architecture.md "The public
-- channel").  On the public instance: public_inbox holds each submission
-- sealed to the intranet's key (crypto_box_seal of its JSON, base64) until
-- a reply batch says it was collected, with no address, user agent or time
-- finer than the day outside the sealed part; public_status holds what the
-- reporter may see, found by the query code's bucket and checked against
-- its slow hash (Argon2id).  On the intranet: public_items, one row per
-- item ever imported (a batch imported twice is skipped by its ids), the
-- record it became and the handler's reply to the reporter (encrypted with
-- the field key).  Single-instance mode uses all three in one database.
CREATE TABLE public_inbox (
	seq INTEGER PRIMARY KEY,         -- the order of arrival (a follow-up after its report)
	id TEXT NOT NULL UNIQUE,
	region TEXT NOT NULL,
	kind TEXT NOT NULL,
	day TEXT NOT NULL,
	sealed TEXT NOT NULL
);
CREATE TABLE public_status (
	item_id TEXT PRIMARY KEY,
	region TEXT NOT NULL,
	bucket INTEGER NOT NULL,
	code_hash TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'received',
	answer TEXT NOT NULL DEFAULT '',
	day TEXT NOT NULL
);
CREATE INDEX public_status_bucket ON public_status(bucket);
CREATE TABLE public_items (
	item_id TEXT PRIMARY KEY,
	region TEXT NOT NULL,
	kind TEXT NOT NULL,
	day TEXT NOT NULL,
	report_id INTEGER REFERENCES reports(id),
	imported_day TEXT NOT NULL
);
CREATE INDEX public_items_report ON public_items(report_id);
CREATE TABLE public_messages (
	id INTEGER PRIMARY KEY,
	region TEXT NOT NULL,
	report_id INTEGER NOT NULL REFERENCES reports(id),
	direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
	item_id TEXT NOT NULL UNIQUE,
	day TEXT NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX public_messages_report ON public_messages(report_id);
