-- 0108: person_year_counts kept by person_years' writes (0108_person_year_counts.sql).
-- person_years is written by 0095's person_years_kept: an insert for a
-- person's first row of a year (its ON CONFLICT path, n + 1, fires no
-- insert trigger), a delete for the last.  Skipped while a bulk import has
-- the rollup off (qf.rollup_off, 0071), as 0095's triggers are: the
-- import recounts it at its end (store_dash_kept_recount).
CREATE FUNCTION person_year_counts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE person_year_counts SET n = n - 1 WHERE stat = OLD.stat AND year = OLD.year;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO person_year_counts (stat, year, n) VALUES (NEW.stat, NEW.year, 1)
			ON CONFLICT (stat, year) DO UPDATE SET n = person_year_counts.n + 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER person_year_counts_kept AFTER INSERT OR DELETE OR UPDATE OF stat, year ON person_years
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION person_year_counts_kept();
