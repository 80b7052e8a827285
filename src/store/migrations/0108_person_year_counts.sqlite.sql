-- 0108: person_year_counts kept by person_years' writes (0108_person_year_counts.sql).
-- person_years is written by 0095's move trigger: an insert for a person's
-- first row of a year (its ON CONFLICT path, n + 1, fires no insert
-- trigger), a delete for the last.
CREATE TRIGGER person_year_counts_ai AFTER INSERT ON person_years
BEGIN
	INSERT INTO person_year_counts (stat, year, n) VALUES (NEW.stat, NEW.year, 1)
		ON CONFLICT (stat, year) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER person_year_counts_ad AFTER DELETE ON person_years
BEGIN
	UPDATE person_year_counts SET n = n - 1 WHERE stat = OLD.stat AND year = OLD.year;
END;
CREATE TRIGGER person_year_counts_au AFTER UPDATE OF stat, year ON person_years
BEGIN
	UPDATE person_year_counts SET n = n - 1 WHERE stat = OLD.stat AND year = OLD.year;
	INSERT INTO person_year_counts (stat, year, n) VALUES (NEW.stat, NEW.year, 1)
		ON CONFLICT (stat, year) DO UPDATE SET n = n + 1;
END;
