-- 0034: the fields of a personnel record (干部任免审批表) on persons
-- (issue 12), and the post history.  gender: '' unknown, 'male',
-- 'female'; birth_date, party_joined (入党时间): YYYY-MM-DD or NULL;
-- ethnicity (民族): the code of GB/T 3304-1991 ('01' 汉族 ...), ''
-- unknown (the code table is person_ethnicities in src/domain/person.c);
-- npc_deputy (人大代表), cppcc_member (政协委员): 0/1.
ALTER TABLE persons ADD COLUMN gender TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN birth_date TEXT;
ALTER TABLE persons ADD COLUMN ethnicity TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN party_joined TEXT;
ALTER TABLE persons ADD COLUMN npc_deputy INTEGER NOT NULL DEFAULT 0;
ALTER TABLE persons ADD COLUMN cppcc_member INTEGER NOT NULL DEFAULT 0;

-- A person's posts (任职经历): unit, post, from, to (YYYY-MM-DD; NULL
-- from: not known; NULL to: the post held now).  persons.unit_id and
-- position are the open post's; a move between units ends the open post
-- and starts the next on the same day, so the history stays.  The records
-- that name a person keep their own snapshot of the subject (clue_subjects,
-- case_subjects, outcomes): a move changes none of them.
CREATE TABLE person_posts (
	id         INTEGER PRIMARY KEY,
	person_id  BIGINT NOT NULL REFERENCES persons(id),
	unit_id    BIGINT NOT NULL REFERENCES units(id),
	post       TEXT NOT NULL DEFAULT '',
	start_day  TEXT,
	end_day    TEXT,
	created_at BIGINT NOT NULL
);
CREATE INDEX person_posts_person ON person_posts(person_id, end_day);
-- every person known so far holds the post the record shows, since a day
-- not recorded
INSERT INTO person_posts(person_id, unit_id, post, start_day, end_day, created_at)
	SELECT id, unit_id, position, NULL, NULL, updated_at FROM persons;
