-- 0070: outcomes.exec_items kept by the executions' writes (0070_exec_items.sql).
CREATE FUNCTION executions_items_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = OLD.outcome_id)
			WHERE id = OLD.outcome_id;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = NEW.outcome_id)
			WHERE id = NEW.outcome_id;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER executions_items AFTER INSERT OR DELETE OR UPDATE OF outcome_id ON executions
	FOR EACH ROW EXECUTE FUNCTION executions_items_keep();
