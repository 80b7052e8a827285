-- 0095: cases.lead_office kept by case_team's and users.office's writes, person_years by integrity_updates' and detentions' (0095_dash_kept.sql).
-- Each trigger is skipped while a bulk import has the rollup off (qf.rollup_off,
-- 0071), as 0090's catalog count is: a trigger that runs during the import
-- keeps its table (and cases, which the functions name) out of the import's
-- batches (store_pg_batch.c), one statement a row.  The import recounts them
-- at its end (store_dash_kept_recount); it writes neither case_team nor users.
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
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION case_lead_office_team();
CREATE FUNCTION case_lead_office_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE cases SET lead_office = case_lead_office_of(id)
		WHERE id IN (SELECT case_id FROM case_team WHERE user_id = NEW.id AND role = 'lead');
	RETURN NULL;
END
$$;
CREATE TRIGGER case_lead_office_user AFTER UPDATE OF office ON users
	FOR EACH ROW WHEN (OLD.office IS DISTINCT FROM NEW.office
		AND current_setting('qf.rollup_off', true) IS DISTINCT FROM '1') EXECUTE FUNCTION case_lead_office_user();
-- person_years_kept(stat, day column): one function for both tables, the
-- day read by name from the row
CREATE FUNCTION person_years_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	y integer;
BEGIN
	IF TG_OP <> 'INSERT' THEN
		y := CAST(substr(to_jsonb(OLD) ->> TG_ARGV[1], 1, 4) AS INTEGER);
		UPDATE person_years SET n = n - 1 WHERE stat = TG_ARGV[0] AND year = y AND person_id = OLD.person_id;
		DELETE FROM person_years WHERE stat = TG_ARGV[0] AND year = y AND person_id = OLD.person_id AND n <= 0;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		y := CAST(substr(to_jsonb(NEW) ->> TG_ARGV[1], 1, 4) AS INTEGER);
		INSERT INTO person_years (stat, year, person_id, n) VALUES (TG_ARGV[0], y, NEW.person_id, 1)
			ON CONFLICT (stat, year, person_id) DO UPDATE SET n = person_years.n + 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER person_years_integrity AFTER INSERT OR DELETE OR UPDATE OF person_id, day ON integrity_updates
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION person_years_kept('integrity_files', 'day');
CREATE TRIGGER person_years_detained AFTER INSERT OR DELETE OR UPDATE OF person_id, start_day ON detentions
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION person_years_kept('detained', 'start_day');
