-- 0095: cases.lead_office kept by case_team's and users.office's writes, person_years by integrity_updates' and detentions' (0095_dash_kept.sql).
CREATE TRIGGER case_lead_office_ai AFTER INSERT ON case_team WHEN NEW.role = 'lead'
BEGIN
	UPDATE cases SET lead_office = COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
		WHERE t.case_id = NEW.case_id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '') WHERE id = NEW.case_id;
END;
CREATE TRIGGER case_lead_office_ad AFTER DELETE ON case_team WHEN OLD.role = 'lead'
BEGIN
	UPDATE cases SET lead_office = COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
		WHERE t.case_id = OLD.case_id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '') WHERE id = OLD.case_id;
END;
CREATE TRIGGER case_lead_office_au AFTER UPDATE OF case_id, user_id, role ON case_team
	WHEN OLD.role = 'lead' OR NEW.role = 'lead'
BEGIN
	UPDATE cases SET lead_office = COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
		WHERE t.case_id = cases.id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '')
		WHERE id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_lead_office_user AFTER UPDATE OF office ON users WHEN OLD.office IS NOT NEW.office
BEGIN
	UPDATE cases SET lead_office = COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
		WHERE t.case_id = cases.id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '')
		WHERE id IN (SELECT case_id FROM case_team WHERE user_id = NEW.id AND role = 'lead');
END;
CREATE TRIGGER person_years_integrity_ai AFTER INSERT ON integrity_updates
BEGIN
	INSERT INTO person_years (stat, year, person_id, n) VALUES ('integrity_files', CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id, 1)
		ON CONFLICT (stat, year, person_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER person_years_integrity_ad AFTER DELETE ON integrity_updates
BEGIN
	UPDATE person_years SET n = n - 1 WHERE stat = 'integrity_files' AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
	DELETE FROM person_years WHERE stat = 'integrity_files' AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
END;
CREATE TRIGGER person_years_integrity_au AFTER UPDATE OF person_id, day ON integrity_updates
BEGIN
	UPDATE person_years SET n = n - 1 WHERE stat = 'integrity_files' AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
	DELETE FROM person_years WHERE stat = 'integrity_files' AND year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
	INSERT INTO person_years (stat, year, person_id, n) VALUES ('integrity_files', CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id, 1)
		ON CONFLICT (stat, year, person_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER person_years_detained_ai AFTER INSERT ON detentions
BEGIN
	INSERT INTO person_years (stat, year, person_id, n) VALUES ('detained', CAST(substr(NEW.start_day, 1, 4) AS INTEGER), NEW.person_id, 1)
		ON CONFLICT (stat, year, person_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER person_years_detained_ad AFTER DELETE ON detentions
BEGIN
	UPDATE person_years SET n = n - 1 WHERE stat = 'detained' AND year = CAST(substr(OLD.start_day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
	DELETE FROM person_years WHERE stat = 'detained' AND year = CAST(substr(OLD.start_day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
END;
CREATE TRIGGER person_years_detained_au AFTER UPDATE OF person_id, start_day ON detentions
BEGIN
	UPDATE person_years SET n = n - 1 WHERE stat = 'detained' AND year = CAST(substr(OLD.start_day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
	DELETE FROM person_years WHERE stat = 'detained' AND year = CAST(substr(OLD.start_day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
	INSERT INTO person_years (stat, year, person_id, n) VALUES ('detained', CAST(substr(NEW.start_day, 1, 4) AS INTEGER), NEW.person_id, 1)
		ON CONFLICT (stat, year, person_id) DO UPDATE SET n = n + 1;
END;
