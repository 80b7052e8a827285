-- 0095: cases.lead_office kept by case_team's and users.office's writes (0095_case_lead_office.sql).
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
