-- 0028 (PostgreSQL): the triggers that keep metric_days up to date, the
-- same design as 0028_rollup.sqlite.sql (see there and 0028_rollup.sql):
-- metric_touch(kind, key column) queues, before a change with sign -1 and
-- after it with +1, the record named by the key column of the old and the
-- new row and every record whose contribution reads it (metric_deps);
-- metric_apply_row applies one queued record as an upsert and keeps no
-- row (a BEFORE trigger returning NULL).
CREATE FUNCTION metric_apply_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
			NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
		FROM metric_contrib c WHERE c.kind = NEW.kind AND c.id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
			f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
			f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
			sanc = metric_days.sanc + EXCLUDED.sanc;
	RETURN NULL;
END
$$;
CREATE TRIGGER metric_apply_one BEFORE INSERT ON metric_apply
	FOR EACH ROW EXECUTE FUNCTION metric_apply_row();

-- TG_ARGV[0]: the kind queued (metric_deps.kind); TG_ARGV[1]: the key
-- column (id, clue_id or case_id)
CREATE FUNCTION metric_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	ids BIGINT[] := '{}';
BEGIN
	IF (SELECT live FROM metric_state) = 1 THEN
		IF TG_OP <> 'INSERT' THEN
			IF TG_ARGV[1] = 'clue_id' THEN ids := ids || OLD.clue_id;
			ELSIF TG_ARGV[1] = 'case_id' THEN ids := ids || OLD.case_id;
			ELSE ids := ids || OLD.id;
			END IF;
		END IF;
		IF TG_OP <> 'DELETE' THEN
			IF TG_ARGV[1] = 'clue_id' THEN ids := ids || NEW.clue_id;
			ELSIF TG_ARGV[1] = 'case_id' THEN ids := ids || NEW.case_id;
			ELSE ids := ids || NEW.id;
			END IF;
		END IF;
		INSERT INTO metric_apply (kind, id, sign)
			SELECT d.dep_kind, d.dep_id, CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END
			FROM metric_deps d WHERE d.kind = TG_ARGV[0] AND d.id = ANY (ids);
	END IF;
	IF TG_WHEN = 'AFTER' THEN
		RETURN NULL;
	ELSIF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER metric_clues_ai AFTER INSERT ON clues FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'id');
CREATE TRIGGER metric_clues_bu BEFORE UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'id');
CREATE TRIGGER metric_clues_au AFTER UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'id');
CREATE TRIGGER metric_clues_bd BEFORE DELETE ON clues FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'id');
CREATE TRIGGER metric_clues_ad AFTER DELETE ON clues FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'id');

CREATE TRIGGER metric_clue_categories_bi BEFORE INSERT ON clue_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_ai AFTER INSERT ON clue_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_bu BEFORE UPDATE OF clue_id, category ON clue_categories
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_au AFTER UPDATE OF clue_id, category ON clue_categories
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_bd BEFORE DELETE ON clue_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_ad AFTER DELETE ON clue_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');

CREATE TRIGGER metric_clue_subjects_bi BEFORE INSERT ON clue_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_ai AFTER INSERT ON clue_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_bu BEFORE UPDATE OF clue_id, rank, top_leader, leadership ON clue_subjects
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_au AFTER UPDATE OF clue_id, rank, top_leader, leadership ON clue_subjects
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_bd BEFORE DELETE ON clue_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_ad AFTER DELETE ON clue_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');

CREATE TRIGGER metric_dispositions_bi BEFORE INSERT ON dispositions FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_ai AFTER INSERT ON dispositions FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_bu BEFORE UPDATE OF clue_id, state, method ON dispositions
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_au AFTER UPDATE OF clue_id, state, method ON dispositions
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_bd BEFORE DELETE ON dispositions FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_ad AFTER DELETE ON dispositions FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');

CREATE TRIGGER metric_cases_ai AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'id');
CREATE TRIGGER metric_cases_bu BEFORE UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'id');
CREATE TRIGGER metric_cases_au AFTER UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'id');
CREATE TRIGGER metric_cases_bd BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'id');
CREATE TRIGGER metric_cases_ad AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'id');

CREATE TRIGGER metric_case_categories_bi BEFORE INSERT ON case_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_ai AFTER INSERT ON case_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_bu BEFORE UPDATE OF case_id, category ON case_categories
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_au AFTER UPDATE OF case_id, category ON case_categories
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_bd BEFORE DELETE ON case_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_ad AFTER DELETE ON case_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');

CREATE TRIGGER metric_case_subjects_bi BEFORE INSERT ON case_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_ai AFTER INSERT ON case_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_bu BEFORE UPDATE OF case_id, rank, top_leader, leadership ON case_subjects
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_au AFTER UPDATE OF case_id, rank, top_leader, leadership ON case_subjects
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_bd BEFORE DELETE ON case_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_ad AFTER DELETE ON case_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');

CREATE TRIGGER metric_outcomes_ai AFTER INSERT ON outcomes FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome', 'id');
CREATE TRIGGER metric_outcomes_bu BEFORE UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes
	FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome*', 'id');
CREATE TRIGGER metric_outcomes_au AFTER UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes
	FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome*', 'id');
CREATE TRIGGER metric_outcomes_bd BEFORE DELETE ON outcomes FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome*', 'id');
CREATE TRIGGER metric_outcomes_ad AFTER DELETE ON outcomes FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome*', 'id');

CREATE TRIGGER metric_clarifications_ai AFTER INSERT ON clarifications FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification', 'id');
CREATE TRIGGER metric_clarifications_bu BEFORE UPDATE OF day, case_id, clue_id ON clarifications
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification*', 'id');
CREATE TRIGGER metric_clarifications_au AFTER UPDATE OF day, case_id, clue_id ON clarifications
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification*', 'id');
CREATE TRIGGER metric_clarifications_bd BEFORE DELETE ON clarifications FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification*', 'id');
CREATE TRIGGER metric_clarifications_ad AFTER DELETE ON clarifications FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification*', 'id');

CREATE TRIGGER metric_followups_ai AFTER INSERT ON followups FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_bu BEFORE UPDATE OF day, outcome_id, clarification_id ON followups
	FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_au AFTER UPDATE OF day, outcome_id, clarification_id ON followups
	FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_bd BEFORE DELETE ON followups FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_ad AFTER DELETE ON followups FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
