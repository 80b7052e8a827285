-- 0095: cases.lead_office kept by case_team's and users.office's writes, integrity_years by integrity_updates' (0095_dash_kept.sql).
CREATE FUNCTION case_lead_office_of(bigint) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
		WHERE t.case_id = $1 AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '')
$$;
CREATE FUNCTION case_lead_office_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.role = 'lead' THEN
		UPDATE cases SET lead_office = case_lead_office_of(OLD.case_id) WHERE id = OLD.case_id;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.role = 'lead' THEN
		UPDATE cases SET lead_office = case_lead_office_of(NEW.case_id) WHERE id = NEW.case_id;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER case_lead_office_team AFTER INSERT OR DELETE OR UPDATE OF case_id, user_id, role ON case_team
	FOR EACH ROW EXECUTE FUNCTION case_lead_office_team();
CREATE FUNCTION case_lead_office_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE cases SET lead_office = case_lead_office_of(id)
		WHERE id IN (SELECT case_id FROM case_team WHERE user_id = NEW.id AND role = 'lead');
	RETURN NULL;
END
$$;
CREATE TRIGGER case_lead_office_user AFTER UPDATE OF office ON users
	FOR EACH ROW WHEN (OLD.office IS DISTINCT FROM NEW.office) EXECUTE FUNCTION case_lead_office_user();
CREATE FUNCTION integrity_years_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE integrity_years SET n = n - 1
			WHERE year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id;
		DELETE FROM integrity_years
			WHERE year = CAST(substr(OLD.day, 1, 4) AS INTEGER) AND person_id = OLD.person_id AND n <= 0;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO integrity_years (year, person_id, n) VALUES (CAST(substr(NEW.day, 1, 4) AS INTEGER), NEW.person_id, 1)
			ON CONFLICT (year, person_id) DO UPDATE SET n = integrity_years.n + 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER integrity_years_kept AFTER INSERT OR DELETE OR UPDATE OF person_id, day ON integrity_updates
	FOR EACH ROW EXECUTE FUNCTION integrity_years_kept();
