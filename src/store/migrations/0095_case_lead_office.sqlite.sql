-- 0095: cases.lead_office kept by case_team's and users.office's writes (0095_case_lead_office.sql).
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
