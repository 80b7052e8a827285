-- 0082: violation_categories.cases kept by case_categories' writes (0082_category_cases.sql).
CREATE TRIGGER case_categories_cases_ai AFTER INSERT ON case_categories
BEGIN
	UPDATE violation_categories SET cases = cases + 1 WHERE code = NEW.category;
END;
CREATE TRIGGER case_categories_cases_ad AFTER DELETE ON case_categories
BEGIN
	UPDATE violation_categories SET cases = cases - 1 WHERE code = OLD.category;
END;
CREATE TRIGGER case_categories_cases_au AFTER UPDATE OF category ON case_categories
BEGIN
	UPDATE violation_categories SET cases = cases - 1 WHERE code = OLD.category;
	UPDATE violation_categories SET cases = cases + 1 WHERE code = NEW.category;
END;
