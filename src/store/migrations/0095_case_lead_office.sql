-- 0095: a case's lead office kept on the case (issue 16, dash16i).
-- The home page's to-do counts group the running clocks (detentions, trial
-- reviews: ~30,000 at 10M records) by the office of the case's lead; each
-- clock looked its lead up in case_team and users (23 ms of the dashboard's
-- first view after a write at 10M, more with every user: SQLite's plan
-- scanned the users for each clock).  cases.lead_office is that office:
-- COALESCE(the office of the lead (role 'lead', the lowest user id when
-- there are several), ''), kept by the triggers of
-- 0095_case_lead_office.{sqlite,pg}.sql on every write of case_team and of
-- users.office, whatever writes them.  cases_trial_office (state,
-- lead_office, trial_due) gives the trial reviews grouped by office from
-- the index (the count: 25 -> 4 ms) and one office's in due order.
-- Derived: not exported.
ALTER TABLE cases ADD COLUMN lead_office TEXT NOT NULL DEFAULT '';
UPDATE cases SET lead_office = COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
	WHERE t.case_id = cases.id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '')
	WHERE id IN (SELECT case_id FROM case_team WHERE role = 'lead');
CREATE INDEX cases_trial_office ON cases(state, lead_office, trial_due);
