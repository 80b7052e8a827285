-- 0070: outcomes.exec_items kept by the executions' writes (0070_exec_items.sql).
CREATE TRIGGER executions_items_ai AFTER INSERT ON executions
BEGIN
	UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = NEW.outcome_id)
		WHERE id = NEW.outcome_id;
END;
CREATE TRIGGER executions_items_ad AFTER DELETE ON executions
BEGIN
	UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = OLD.outcome_id)
		WHERE id = OLD.outcome_id;
END;
CREATE TRIGGER executions_items_au AFTER UPDATE OF outcome_id ON executions
BEGIN
	UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = outcomes.id)
		WHERE id IN (OLD.outcome_id, NEW.outcome_id);
END;
