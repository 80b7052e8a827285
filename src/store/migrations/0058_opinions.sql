-- 0058: integrity opinion replies (党风廉政意见回复, issue 15; docs/architecture.md
-- "Integrity opinion replies").  opinion_requests: the organisation
-- department's request (their letter's number, the day received, the purpose,
-- the reply's due day), the reply day the check ran on, the state
-- draft -> checked -> confirmed -> replied, and the reply letter's number
-- (number pattern opinion_reply, drawn in the transaction that closes it).
-- opinion_lines: one cadre each as the request listed him (name, unit,
-- position; the ID number only as its keyed MAC, never in clear), the match
-- (id: by the MAC; name: one person of that name in a unit of that name;
-- chosen / created: by staff; none: 未找到; ambiguous: 待确认, never guessed;
-- no_record: answered as no record), the proposal (code and the facts) and
-- the confirmed opinion with the staff's reason when it differs.
-- extra: the interchange's unknown fields (docs/interchange.md).
CREATE TABLE opinion_requests (
	id          INTEGER PRIMARY KEY,
	letter_no   TEXT NOT NULL,
	requester   TEXT NOT NULL,
	received    TEXT NOT NULL,
	purpose     TEXT NOT NULL,
	due         TEXT,
	reply_day   TEXT,
	state       TEXT NOT NULL DEFAULT 'draft'
	            CHECK (state IN ('draft', 'checked', 'confirmed', 'replied')),
	number      TEXT,
	replied     TEXT,
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL,
	ext_id      TEXT,
	extra       TEXT
);
CREATE INDEX opinion_requests_replied ON opinion_requests(replied);
CREATE INDEX opinion_requests_received ON opinion_requests(received);

CREATE TABLE opinion_lines (
	id           INTEGER PRIMARY KEY,
	request_id   BIGINT NOT NULL REFERENCES opinion_requests(id),
	line_no      INTEGER NOT NULL,
	name         TEXT NOT NULL,
	unit_name    TEXT NOT NULL,
	position     TEXT NOT NULL DEFAULT '',
	id_mac       TEXT,
	person_id    BIGINT REFERENCES persons(id),
	matched      TEXT NOT NULL DEFAULT 'none'
	             CHECK (matched IN ('id', 'name', 'chosen', 'created', 'none', 'ambiguous', 'no_record')),
	candidates   INTEGER NOT NULL DEFAULT 0,
	proposed     TEXT,
	reason       TEXT NOT NULL DEFAULT '',
	opinion      TEXT,
	note         TEXT NOT NULL DEFAULT '',
	confirmed_by BIGINT REFERENCES users(id),
	extra        TEXT,
	UNIQUE (request_id, line_no)
);
CREATE INDEX opinion_lines_person ON opinion_lines(person_id);

-- the reply letter's number: 青纪函〔2022〕N号 (GB/T 9704-2012 7.2.4)
INSERT INTO number_patterns (kind, effective_from, pattern, source) VALUES
	('opinion_reply', '2000-01-01', '{机关代字}纪函〔{年}〕{序号}号', '本委编号规则（党风廉政意见回复函按年度编号）');

-- the 2022 report's sentence with its two figures as placeholders, by 0050's
-- and 0054's rule: version 1 in place while it is the newest and unused,
-- otherwise a new version of the newest.
UPDATE annual_templates SET body = replace(body,
	'向组织部门出具1809名干部党风廉政意见回复57份',
	'向组织部门出具{{opinion_cadres}}名干部党风廉政意见回复{{opinion_replies}}份')
WHERE version = 1
	AND NOT EXISTS (SELECT 1 FROM annual_templates n WHERE n.version > 1)
	AND NOT EXISTS (SELECT 1 FROM annual_renderings r WHERE r.template_version = 1);

INSERT INTO annual_templates(version, body, author_id, author, created_at)
SELECT t.version + 1, replace(t.body,
	'向组织部门出具1809名干部党风廉政意见回复57份',
	'向组织部门出具{{opinion_cadres}}名干部党风廉政意见回复{{opinion_replies}}份'),
	0, '系统（意见回复数字改为占位符）', 0
FROM annual_templates t
WHERE t.version = (SELECT MAX(version) FROM annual_templates)
	AND replace(t.body,
	'向组织部门出具1809名干部党风廉政意见回复57份',
	'向组织部门出具{{opinion_cadres}}名干部党风廉政意见回复{{opinion_replies}}份') <> t.body;
