-- 0041: the "码上问效" ratings family (issue 13; docs/architecture.md "Ratings").
-- rating_points: each unit's public rating page, named by a random token
-- (never the unit's id), made when staff first open the unit's QR code.
-- ratings: one per citizen submission, its CST day only (no time, no
-- address, no user agent); idem_key is the idempotency key the page
-- carries, UNIQUE, so a retry after a lost answer never counts twice.
-- letters (群众信件): received -> accepted -> concluded with an answer the
-- citizen reads with a code stored only as a keyed hash; the contact is
-- encrypted like a reporter's identity (associated data letters.contact/<id>).
-- bad_reviews: opened by a rating of 1 or 2 stars, with the due days of the
-- clocks bad_rating_callback and bad_rating_fix (clock_limit_versions,
-- 0021), the unit's note, and the citizen's follow-up rating (its code a
-- keyed hash too).  extra: the interchange's unknown fields (docs/interchange.md).
CREATE TABLE rating_points (
	unit_id    BIGINT PRIMARY KEY REFERENCES units(id),
	token      TEXT NOT NULL UNIQUE,
	created_at BIGINT NOT NULL
);

CREATE TABLE ratings (
	id       INTEGER PRIMARY KEY,
	unit_id  BIGINT NOT NULL REFERENCES units(id),
	stars    INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
	comment  TEXT NOT NULL DEFAULT '',
	day      TEXT NOT NULL,
	idem_key TEXT NOT NULL UNIQUE,
	extra    TEXT
);
CREATE INDEX ratings_day ON ratings(day);
CREATE INDEX ratings_unit_day ON ratings(unit_id, day);

CREATE TABLE letters (
	id         INTEGER PRIMARY KEY,
	unit_id    BIGINT NOT NULL REFERENCES units(id),
	body       TEXT NOT NULL,
	contact    TEXT NOT NULL DEFAULT '',
	received   TEXT NOT NULL,
	state      TEXT NOT NULL DEFAULT 'received'
	           CHECK (state IN ('received', 'accepted', 'concluded')),
	accepted   TEXT,
	concluded  TEXT,
	answer     TEXT NOT NULL DEFAULT '',
	code_hash  TEXT NOT NULL UNIQUE,
	idem_key   TEXT NOT NULL UNIQUE,
	handled_by BIGINT,
	extra      TEXT
);
CREATE INDEX letters_received ON letters(received);
CREATE INDEX letters_concluded ON letters(concluded);
CREATE INDEX letters_unit ON letters(unit_id, state);

CREATE TABLE bad_reviews (
	id             INTEGER PRIMARY KEY,
	rating_id      BIGINT NOT NULL UNIQUE REFERENCES ratings(id),
	unit_id        BIGINT NOT NULL REFERENCES units(id),
	opened         TEXT NOT NULL,
	callback_due   TEXT NOT NULL,
	fix_due        TEXT NOT NULL,
	called_back    TEXT,
	fixed          TEXT,
	state          TEXT NOT NULL DEFAULT 'open'
	               CHECK (state IN ('open', 'called_back', 'fixed')),
	note           TEXT NOT NULL DEFAULT '',
	followup_hash  TEXT NOT NULL UNIQUE,
	followup_stars INTEGER CHECK (followup_stars BETWEEN 1 AND 5),
	followup_day   TEXT
);
CREATE INDEX bad_reviews_open ON bad_reviews(state, fix_due);
CREATE INDEX bad_reviews_unit ON bad_reviews(unit_id, state);
