-- 0042: ratings, letters and follow-up ratings through the public inbox
-- (issue 13; docs/architecture.md "The public channel", "Ratings through
-- the inbox").  On the public side: public_status gains the kind of code
-- a row answers ('report', 'letter', 'review') and a detail (JSON of the
-- days the citizen may see); public_points holds the units' rating tokens
-- and display names as the intranet's reply batch brought them (only
-- those); public_submissions maps the BLAKE2b hash of a page's
-- idempotency key to the items it made, so a retry is answered, not
-- stored again.  On the intranet: ratings and letters name the inbox item
-- they came from (NULL for the demo, the CLI and the interchange), so the
-- reply batch finds what flows back per item.
ALTER TABLE public_status ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';
ALTER TABLE public_status ADD COLUMN detail TEXT NOT NULL DEFAULT '';
CREATE TABLE public_points (
	token     TEXT PRIMARY KEY,
	region    TEXT NOT NULL,
	unit_name TEXT NOT NULL
);
CREATE TABLE public_submissions (
	key_hash    TEXT PRIMARY KEY,
	region      TEXT NOT NULL,
	item_id     TEXT NOT NULL,
	letter_item TEXT NOT NULL DEFAULT '',
	review      INTEGER NOT NULL DEFAULT 0,  -- 1: the rating opened a bad review (it has a follow-up code)
	day         TEXT NOT NULL
);
ALTER TABLE ratings ADD COLUMN item_id TEXT;
ALTER TABLE letters ADD COLUMN item_id TEXT;
CREATE INDEX ratings_item ON ratings(item_id);
CREATE INDEX letters_item ON letters(item_id);
