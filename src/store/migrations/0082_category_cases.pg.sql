-- 0082: violation_categories.cases kept by case_categories' writes (0082_category_cases.sql).
CREATE FUNCTION case_categories_cases_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE violation_categories SET cases = cases - 1 WHERE code = OLD.category;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		UPDATE violation_categories SET cases = cases + 1 WHERE code = NEW.category;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER case_categories_cases AFTER INSERT OR DELETE OR UPDATE OF category ON case_categories
	FOR EACH ROW EXECUTE FUNCTION case_categories_cases_keep();
