-- 0095: cases.lead_office kept by case_team's and users.office's writes, integrity_years by integrity_updates' (0095_dash_kept.sql).
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
CREATE TRIGGER integrity_years_ai AFTER INSERT ON integrity_updates
BEGIN
	INSERT INTO integrity_years (year, person_id, n) VALUES (CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id, 1)
		ON CONFLICT (year, person_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER integrity_years_ad AFTER DELETE ON integrity_updates
BEGIN
	UPDATE integrity_years SET n = n - 1 WHERE year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
	DELETE FROM integrity_years WHERE year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
END;
CREATE TRIGGER integrity_years_au AFTER UPDATE OF person_id, day ON integrity_updates
BEGIN
	UPDATE integrity_years SET n = n - 1 WHERE year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
	DELETE FROM integrity_years WHERE year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
	INSERT INTO integrity_years (year, person_id, n) VALUES (CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id, 1)
		ON CONFLICT (year, person_id) DO UPDATE SET n = n + 1;
END;
