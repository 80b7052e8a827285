-- 0052: the rectification ledger (问题整改台账, issue 14; docs/architecture.md
-- "Rectification ledger").  problems: every problem found by any source of
-- DOMAIN.md section 5 in one table: the rectifying unit, the source kind
-- (code table problem_sources in domain/problem.c), the source record as a
-- nullable foreign key per family that is a record (campaign_id doubles as
-- the campaign tag and is the record of a 专项整治 problem; bad_review_id
-- for a 码上问效 problem; a later migration adds inspection_id for
-- inspections), so the database itself refuses a link to a missing record
-- on both backends.  The deadline is a day set per problem (the
-- rectification notice's 整改时限), not a clock: overdue is computed from it
-- and the state, never stored.  The unit's steps (open -> rectifying ->
-- rectified) and the supervising office's confirmation (confirmed_by,
-- confirmed_on) are apart; problem_steps is the timeline of every change.
-- extra: the interchange's unknown fields (docs/interchange.md).
CREATE TABLE problems (
	id            INTEGER PRIMARY KEY,
	unit_id       BIGINT NOT NULL REFERENCES units(id),
	source        TEXT NOT NULL,
	campaign_id   BIGINT REFERENCES campaigns(id),
	bad_review_id BIGINT REFERENCES bad_reviews(id),
	summary       TEXT NOT NULL,
	found         TEXT NOT NULL,
	deadline      TEXT NOT NULL,
	state         TEXT NOT NULL DEFAULT 'open'
	              CHECK (state IN ('open', 'rectifying', 'rectified')),
	top_leader    INTEGER NOT NULL DEFAULT 0 CHECK (top_leader IN (0, 1)),
	measures      TEXT NOT NULL DEFAULT '',
	rectified     TEXT,
	confirmed_by  BIGINT REFERENCES users(id),
	confirmed_on  TEXT,
	created_by    BIGINT,
	created_at    BIGINT NOT NULL,
	ext_id        TEXT,
	extra         TEXT,
	CHECK (source <> 'campaign' OR campaign_id IS NOT NULL),
	CHECK (bad_review_id IS NULL OR source = 'rating')
);
CREATE INDEX problems_unit ON problems(unit_id, state);
CREATE INDEX problems_found ON problems(found);
CREATE INDEX problems_open ON problems(state, deadline);
CREATE INDEX problems_campaign ON problems(campaign_id);

CREATE TABLE problem_steps (
	id         INTEGER PRIMARY KEY,
	problem_id BIGINT NOT NULL REFERENCES problems(id),
	at         BIGINT NOT NULL,
	user_id    BIGINT,
	user_name  TEXT NOT NULL DEFAULT '',
	step       TEXT NOT NULL,
	note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX problem_steps_problem ON problem_steps(problem_id, id);
