-- 0095: what the home page's first view after a write read row by row, kept (issue 16, dash16i).
--
-- A case's lead office kept on the case.
-- The home page's to-do counts group the running clocks (detentions, trial
-- reviews: ~30,000 at 10M records) by the office of the case's lead; each
-- clock looked its lead up in case_team and users (23 ms of the dashboard's
-- first view after a write at 10M, more with every user: SQLite's plan
-- scanned the users for each clock).  cases.lead_office is that office:
-- COALESCE(the office of the lead (role 'lead', the lowest user id when
-- there are several), ''), kept by the triggers of
-- 0095_dash_kept.{sqlite,pg}.sql on every write of case_team and of
-- users.office, whatever writes them.  cases_trial_office (state,
-- lead_office, trial_due) gives the trial reviews grouped by office from
-- the index (the count: 25 -> 4 ms) and one office's in due order.
-- Derived: not exported.
ALTER TABLE cases ADD COLUMN lead_office TEXT NOT NULL DEFAULT '';
UPDATE cases SET lead_office = COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
	WHERE t.case_id = cases.id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '')
	WHERE id IN (SELECT case_id FROM case_team WHERE role = 'lead');
CREATE INDEX cases_trial_office ON cases(state, lead_office, trial_due);

-- The persons of a year's figures that count persons once (DOMAIN.md
-- section 7): the integrity files brought up to date (更新廉政档案,
-- count(DISTINCT person_id) of the period's integrity_updates) and the
-- persons detained (留置, of the period's detentions by start_day).  The
-- dashboard and /annual read them for a calendar year, and each was a
-- distinct count of the year's rows (the integrity files' ~100,000 updates:
-- 8 ms of CPU at 10M, 244 ms wall at load 11; detained 5-9 ms).
-- person_years holds, for each figure (stat), year and person, how many of
-- the person's rows fall in the year (n > 0; the row goes with the last),
-- kept by the triggers of 0095_dash_kept.{sqlite,pg}.sql on every insert,
-- delete and move of a row, whatever writes it; a whole calendar year's
-- figure without a scope counts the year's rows.  Derived: not exported.
CREATE TABLE person_years (
	stat      TEXT NOT NULL,
	year      INTEGER NOT NULL,
	person_id BIGINT NOT NULL,
	n         INTEGER NOT NULL,
	PRIMARY KEY (stat, year, person_id)
);
INSERT INTO person_years (stat, year, person_id, n)
	SELECT 'integrity_files', CAST(substr(day, 1, 4) AS INTEGER), person_id, count(*) FROM integrity_updates
	GROUP BY CAST(substr(day, 1, 4) AS INTEGER), person_id;
INSERT INTO person_years (stat, year, person_id, n)
	SELECT 'detained', CAST(substr(start_day, 1, 4) AS INTEGER), person_id, count(*) FROM detentions
	GROUP BY CAST(substr(start_day, 1, 4) AS INTEGER), person_id;
