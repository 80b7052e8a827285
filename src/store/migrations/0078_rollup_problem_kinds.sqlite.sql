-- 0078 (SQLite): a problem's kind and category rows (0078_rollup_problem_kinds.sql)
-- follow its activity.  The problems' triggers of 0076 are created again
-- with activity_id among the columns that wake them (a second pair for
-- that column alone would subtract twice when one UPDATE sets it and
-- another of the columns).  The activities' triggers queue, before a
-- change of kind or category and before a delete, the problems the
-- activity found with sign -1 and after it with +1 (metric_deps kind
-- 'activity*'), as 0028's triggers on clues; an UPDATE that writes the
-- same kind and category queues nothing.  One row each, no multi-row
-- VALUES (0073).

DROP TRIGGER metric_problems_bu;
DROP TRIGGER metric_problems_au;
CREATE TRIGGER metric_problems_bu BEFORE UPDATE OF found, rectified, state, unit_id, campaign_id, top_leader, nature,
	activity_id ON problems WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('problem', OLD.id, -1);
END;
CREATE TRIGGER metric_problems_au AFTER UPDATE OF found, rectified, state, unit_id, campaign_id, top_leader, nature,
	activity_id ON problems WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('problem', NEW.id, 1);
END;

CREATE TRIGGER metric_activities_bu BEFORE UPDATE OF kind, category ON activities
	WHEN (SELECT live FROM metric_state) = 1 AND (OLD.kind IS NOT NEW.kind OR OLD.category IS NOT NEW.category)
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'activity*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_activities_au AFTER UPDATE OF kind, category ON activities
	WHEN (SELECT live FROM metric_state) = 1 AND (OLD.kind IS NOT NEW.kind OR OLD.category IS NOT NEW.category)
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'activity*' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_activities_bd BEFORE DELETE ON activities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'activity*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_activities_ad AFTER DELETE ON activities WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'activity*' AND id IN (OLD.id);
END;
