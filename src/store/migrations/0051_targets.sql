-- 0051: target tasks (目标任务, the four systems 四个体系), work reminders
-- (工作提示) and the quarterly scoreboard (晾晒), issue 14
-- (docs/architecture.md "Target tasks").
--
-- target_aspects: the four systems, an editable code table (领导责任,
-- 工作推进, 考核评价, 督导问责); a code is never deleted.
-- target_ledgers: the task ledgers (台账) of a year, seven in 2022.
-- target_tasks: one task of a ledger: its aspect, the responsible leader
-- (a user) and office (a users.office, 0008), the deadline (a calendar
-- day, not a working-day clock), started (the day of the first progress
-- note, NULL none) and done (NULL not yet).  The state is never stored:
-- 已完成 when done, else 逾期 when the deadline has passed, else 推进中
-- when started, else 未开始 (domain/target.c).
-- target_notes: the dated progress notes of a task, by whom (the timeline).
CREATE TABLE target_aspects (
	code  TEXT PRIMARY KEY,
	label TEXT NOT NULL,
	seq   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO target_aspects (code, label, seq) VALUES
	('leadership', '领导责任体系', 1),
	('progress', '工作推进体系', 2),
	('assessment', '考核评价体系', 3),
	('accountability', '督导问责体系', 4);

CREATE TABLE target_ledgers (
	id   INTEGER PRIMARY KEY,
	year INTEGER NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (year, name)
);

CREATE TABLE target_tasks (
	id         INTEGER PRIMARY KEY,
	ledger_id  BIGINT NOT NULL REFERENCES target_ledgers(id),
	aspect     TEXT NOT NULL REFERENCES target_aspects(code),
	title      TEXT NOT NULL,
	leader_id  BIGINT REFERENCES users(id),
	office     TEXT NOT NULL DEFAULT '',
	deadline   TEXT NOT NULL,
	started    TEXT,
	done       TEXT,
	created_by BIGINT REFERENCES users(id),
	created_at BIGINT NOT NULL,
	extra      TEXT
);
CREATE INDEX target_tasks_ledger ON target_tasks(ledger_id, deadline);
CREATE INDEX target_tasks_due ON target_tasks(done, deadline);

CREATE TABLE target_notes (
	id      INTEGER PRIMARY KEY,
	task_id BIGINT NOT NULL REFERENCES target_tasks(id),
	day     TEXT NOT NULL,
	user_id BIGINT REFERENCES users(id),
	text    TEXT NOT NULL,
	at      BIGINT NOT NULL,
	extra   TEXT
);
CREATE INDEX target_notes_task ON target_notes(task_id, day);

-- reminder_kinds: the kinds of 工作提示, editable; each numbers its own
-- reminders per year through numbering.c under the kind reminder_<code>
-- (〔2022〕第3期).  reminders: one notice, its number drawn in the
-- transaction that writes it; reminder_tasks: the tasks it names;
-- reminder_recipients: one row per user it was issued to (the members of
-- an office when it was issued, or a user named), acked_at NULL until the
-- user acknowledges (audited reminder_ack).
CREATE TABLE reminder_kinds (
	code  TEXT PRIMARY KEY,
	label TEXT NOT NULL,
	seq   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO reminder_kinds (code, label, seq) VALUES
	('standing', '常委会议定事项工作提示', 1),
	('recent', '近期重点工作提示', 2);
INSERT INTO number_patterns (kind, effective_from, pattern, source) VALUES
	('reminder_standing', '2000-01-01', '〔{year}〕第{n}期', '本委编号规则（工作提示按类别、年度编期）'),
	('reminder_recent', '2000-01-01', '〔{year}〕第{n}期', '本委编号规则（工作提示按类别、年度编期）');

CREATE TABLE reminders (
	id        INTEGER PRIMARY KEY,
	kind      TEXT NOT NULL REFERENCES reminder_kinds(code),
	year      INTEGER NOT NULL,
	seq       INTEGER NOT NULL,
	number    TEXT NOT NULL,
	title     TEXT NOT NULL,
	body      TEXT NOT NULL,
	issued    TEXT NOT NULL,
	issued_by BIGINT REFERENCES users(id),
	extra     TEXT,
	UNIQUE (kind, year, seq)
);
CREATE TABLE reminder_tasks (
	reminder_id BIGINT NOT NULL REFERENCES reminders(id),
	task_id     BIGINT NOT NULL REFERENCES target_tasks(id),
	PRIMARY KEY (reminder_id, task_id)
);
CREATE TABLE reminder_recipients (
	reminder_id BIGINT NOT NULL REFERENCES reminders(id),
	user_id     BIGINT NOT NULL REFERENCES users(id),
	acked_at    BIGINT,
	PRIMARY KEY (reminder_id, user_id)
);
CREATE INDEX reminder_recipients_open ON reminder_recipients(user_id, acked_at);

-- Scoring (季度和年终目标任务考核): a period is a quarter (1-4) or the
-- year end (0) of a year; its criteria (name, maximum points) are the
-- case manager's; a score is one subject's points on one criterion, in
-- tenths of a point.  A subject is an office of the commission
-- (users.office: subject 'office:<name>') or a township commission (a
-- unit of kind township: 'unit:<id>').  Totals and ranks are computed,
-- never stored.  published_at NULL: only the scorers see the period.
CREATE TABLE score_periods (
	id           INTEGER PRIMARY KEY,
	year         INTEGER NOT NULL,
	quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
	published_at BIGINT,
	published_by BIGINT REFERENCES users(id),
	UNIQUE (year, quarter)
);
CREATE TABLE score_criteria (
	id         INTEGER PRIMARY KEY,
	period_id  BIGINT NOT NULL REFERENCES score_periods(id),
	name       TEXT NOT NULL,
	max_tenths INTEGER NOT NULL CHECK (max_tenths > 0),
	seq        INTEGER NOT NULL DEFAULT 0,
	UNIQUE (period_id, name)
);
CREATE TABLE scores (
	criterion_id BIGINT NOT NULL REFERENCES score_criteria(id),
	subject      TEXT NOT NULL,
	tenths       INTEGER NOT NULL CHECK (tenths >= 0),
	extra        TEXT,
	PRIMARY KEY (criterion_id, subject)
);

-- interchange (docs/interchange.md "Target tasks"): the id a task or a
-- reminder had in a file (ext_id), as every imported type keeps it.
ALTER TABLE target_tasks ADD COLUMN ext_id TEXT;
ALTER TABLE reminders ADD COLUMN ext_id TEXT;
CREATE INDEX target_tasks_ext ON target_tasks(ext_id);
CREATE INDEX reminders_ext ON reminders(ext_id);
