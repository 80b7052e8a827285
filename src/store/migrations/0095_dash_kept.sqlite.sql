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
-- A row of a figure's table moved out of (old_year, old_person) and into
-- (new_year, new_person), either NULL for an insert or a delete: the one
-- place person_years changes (an INSTEAD OF trigger on a view of no rows);
-- each table's triggers name the figure and the row's day.
CREATE VIEW person_years_move (stat, old_year, old_person, new_year, new_person) AS
	SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER person_years_move INSTEAD OF INSERT ON person_years_move
BEGIN
	UPDATE person_years SET n = n - 1 WHERE stat = NEW.stat AND year = NEW.old_year AND person_id = NEW.old_person;
	DELETE FROM person_years WHERE stat = NEW.stat AND year = NEW.old_year AND person_id = NEW.old_person AND n <= 0;
	INSERT INTO person_years (stat, year, person_id, n) SELECT NEW.stat, NEW.new_year, NEW.new_person, 1
		WHERE NEW.new_person IS NOT NULL ON CONFLICT (stat, year, person_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER person_years_integrity_ai AFTER INSERT ON integrity_updates BEGIN INSERT INTO person_years_move VALUES ('integrity_files', NULL, NULL, CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id); END;
CREATE TRIGGER person_years_integrity_ad AFTER DELETE ON integrity_updates BEGIN INSERT INTO person_years_move VALUES ('integrity_files', CAST(substr(OLD.day, 1, 4) AS INTEGER), OLD.person_id, NULL, NULL); END;
CREATE TRIGGER person_years_integrity_au AFTER UPDATE OF person_id, day ON integrity_updates BEGIN INSERT INTO person_years_move VALUES ('integrity_files', CAST(substr(OLD.day, 1, 4) AS INTEGER), OLD.person_id, CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id); END;
CREATE TRIGGER person_years_detained_ai AFTER INSERT ON detentions BEGIN INSERT INTO person_years_move VALUES ('detained', NULL, NULL, CAST(substr(NEW.start_day, 1, 4) AS INTEGER), NEW.person_id); END;
CREATE TRIGGER person_years_detained_ad AFTER DELETE ON detentions BEGIN INSERT INTO person_years_move VALUES ('detained', CAST(substr(OLD.start_day, 1, 4) AS INTEGER), OLD.person_id, NULL, NULL); END;
CREATE TRIGGER person_years_detained_au AFTER UPDATE OF person_id, start_day ON detentions BEGIN INSERT INTO person_years_move VALUES ('detained', CAST(substr(OLD.start_day, 1, 4) AS INTEGER), OLD.person_id, CAST(substr(NEW.start_day, 1, 4) AS INTEGER), NEW.person_id); END;
