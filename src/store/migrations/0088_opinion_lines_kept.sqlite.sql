-- 0088: opinion_requests.lines kept by opinion_lines' writes (0088_opinion_lines_kept.sql).
CREATE TRIGGER opinion_lines_kept_ai AFTER INSERT ON opinion_lines
BEGIN
	UPDATE opinion_requests SET lines = lines + 1 WHERE id = NEW.request_id;
END;
CREATE TRIGGER opinion_lines_kept_ad AFTER DELETE ON opinion_lines
BEGIN
	UPDATE opinion_requests SET lines = lines - 1 WHERE id = OLD.request_id;
END;
CREATE TRIGGER opinion_lines_kept_au AFTER UPDATE OF request_id ON opinion_lines
BEGIN
	UPDATE opinion_requests SET lines = lines - 1 WHERE id = OLD.request_id;
	UPDATE opinion_requests SET lines = lines + 1 WHERE id = NEW.request_id;
END;
