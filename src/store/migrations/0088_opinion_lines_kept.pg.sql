-- 0088: opinion_requests.lines kept by opinion_lines' writes (0088_opinion_lines_kept.sql).
CREATE FUNCTION opinion_lines_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE opinion_requests SET lines = lines - 1 WHERE id = OLD.request_id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		UPDATE opinion_requests SET lines = lines + 1 WHERE id = NEW.request_id;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER opinion_lines_kept AFTER INSERT OR DELETE OR UPDATE OF request_id ON opinion_lines
	FOR EACH ROW EXECUTE FUNCTION opinion_lines_kept();
