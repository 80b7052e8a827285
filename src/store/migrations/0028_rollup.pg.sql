-- 0028 (PostgreSQL): the triggers that keep metric_days up to date, the
-- design of 0028_rollup.sqlite.sql (see there and 0028_rollup.sql) adapted
-- to one difference: PostgreSQL runs a statement's AFTER ROW triggers at
-- the end of the statement, not after each row, so a BEFORE/AFTER pair per
-- row would subtract intermediate states of a statement that changes
-- several rows of one record (a DELETE of a clue's subjects).  Instead:
-- * BEFORE each row, metric_touch subtracts, once per statement, the
--   contribution of each record the change reaches (metric_deps) and marks
--   it in metric_pending; AFTER an INSERT of a record it marks the new one;
-- * AFTER the statement, metric_flush adds the contribution of every
--   marked record as it is now and clears the marks.
-- metric_apply_row applies one queued record as an upsert and keeps no row
-- (a BEFORE trigger returning NULL).
CREATE TABLE metric_pending (
	kind TEXT NOT NULL,
	id   BIGINT NOT NULL,
	PRIMARY KEY (kind, id)
);

-- One statement per kind, the kind a constant: the planner keeps only that
-- kind's branches of metric_contrib (a parameter would keep all of them in
-- the cached plan); plans are generic (planned once per connection, not per
-- row: a custom plan of these views takes tens of milliseconds to make).
CREATE FUNCTION metric_apply_row() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
	IF NEW.kind = 'clue' THEN
		INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
			SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
				NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
			FROM metric_contrib c WHERE c.kind = 'clue' AND c.id = NEW.id
			ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
				f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
				f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
				sanc = metric_days.sanc + EXCLUDED.sanc;
	ELSIF NEW.kind = 'case' THEN
		INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
			SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
				NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
			FROM metric_contrib c WHERE c.kind = 'case' AND c.id = NEW.id
			ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
				f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
				f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
				sanc = metric_days.sanc + EXCLUDED.sanc;
	ELSIF NEW.kind = 'outcome' THEN
		INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
			SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
				NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
			FROM metric_contrib c WHERE c.kind = 'outcome' AND c.id = NEW.id
			ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
				f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
				f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
				sanc = metric_days.sanc + EXCLUDED.sanc;
	ELSIF NEW.kind = 'clarification' THEN
		INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
			SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
				NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
			FROM metric_contrib c WHERE c.kind = 'clarification' AND c.id = NEW.id
			ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
				f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
				f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
				sanc = metric_days.sanc + EXCLUDED.sanc;
	ELSIF NEW.kind = 'followup' THEN
		INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
			SELECT c.stat, c.dim, c.val, c.day, NEW.sign * c.n, NEW.sign * c.f1, NEW.sign * c.f2,
				NEW.sign * c.f3, NEW.sign * c.f4, NEW.sign * c.sanc
			FROM metric_contrib c WHERE c.kind = 'followup' AND c.id = NEW.id
			ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + EXCLUDED.n,
				f1 = metric_days.f1 + EXCLUDED.f1, f2 = metric_days.f2 + EXCLUDED.f2,
				f3 = metric_days.f3 + EXCLUDED.f3, f4 = metric_days.f4 + EXCLUDED.f4,
				sanc = metric_days.sanc + EXCLUDED.sanc;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER metric_apply_one BEFORE INSERT ON metric_apply
	FOR EACH ROW EXECUTE FUNCTION metric_apply_row();

-- TG_ARGV[0]: the kind (metric_deps.kind); TG_ARGV[1]: the key column
-- (id, clue_id or case_id).  BEFORE: subtract and mark what the old and
-- the new row reach; AFTER INSERT (of a record): mark the new record.
CREATE FUNCTION metric_touch() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
	ids BIGINT[] := '{}';
BEGIN
	IF (SELECT live FROM metric_state) = 1 THEN
		IF TG_WHEN = 'AFTER' THEN
			INSERT INTO metric_pending (kind, id) VALUES (TG_ARGV[0], NEW.id) ON CONFLICT DO NOTHING;
			RETURN NULL;
		END IF;
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
		WITH marked AS (
			INSERT INTO metric_pending (kind, id)
				SELECT DISTINCT d.dep_kind, d.dep_id FROM metric_deps d
				WHERE d.kind = TG_ARGV[0] AND d.id = ANY (ids)
				ON CONFLICT DO NOTHING RETURNING kind, id)
		INSERT INTO metric_apply (kind, id, sign) SELECT kind, id, -1 FROM marked;
	END IF;
	IF TG_WHEN = 'AFTER' THEN
		RETURN NULL;
	ELSIF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END
$$;

-- AFTER each statement on a table the rollup reads: add what was marked
CREATE FUNCTION metric_flush() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM metric_pending) THEN
		INSERT INTO metric_apply (kind, id, sign) SELECT kind, id, 1 FROM metric_pending;
		DELETE FROM metric_pending;
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER metric_clues_ai AFTER INSERT ON clues FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'id');
CREATE TRIGGER metric_clues_bu BEFORE UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'id');
CREATE TRIGGER metric_clues_bd BEFORE DELETE ON clues FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'id');
CREATE TRIGGER metric_clues_flush AFTER INSERT OR UPDATE OF received, first_disposed, unit_id, campaign_id, source OR DELETE ON clues
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_clue_categories_bi BEFORE INSERT ON clue_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_bu BEFORE UPDATE OF clue_id, category ON clue_categories
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_bd BEFORE DELETE ON clue_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('clue*', 'clue_id');
CREATE TRIGGER metric_clue_categories_flush AFTER INSERT OR UPDATE OF clue_id, category OR DELETE ON clue_categories
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_clue_subjects_bi BEFORE INSERT ON clue_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_bu BEFORE UPDATE OF clue_id, rank, top_leader, leadership ON clue_subjects
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_bd BEFORE DELETE ON clue_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_clue_subjects_flush AFTER INSERT OR UPDATE OF clue_id, rank, top_leader, leadership OR DELETE ON clue_subjects
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_dispositions_bi BEFORE INSERT ON dispositions FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_bu BEFORE UPDATE OF clue_id, state, method ON dispositions
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_bd BEFORE DELETE ON dispositions FOR EACH ROW EXECUTE FUNCTION metric_touch('clue', 'clue_id');
CREATE TRIGGER metric_dispositions_flush AFTER INSERT OR UPDATE OF clue_id, state, method OR DELETE ON dispositions
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_cases_ai AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'id');
CREATE TRIGGER metric_cases_bu BEFORE UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'id');
CREATE TRIGGER metric_cases_bd BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'id');
CREATE TRIGGER metric_cases_flush AFTER INSERT OR UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id OR DELETE ON cases
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_case_categories_bi BEFORE INSERT ON case_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_bu BEFORE UPDATE OF case_id, category ON case_categories
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_bd BEFORE DELETE ON case_categories FOR EACH ROW EXECUTE FUNCTION metric_touch('case*', 'case_id');
CREATE TRIGGER metric_case_categories_flush AFTER INSERT OR UPDATE OF case_id, category OR DELETE ON case_categories
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_case_subjects_bi BEFORE INSERT ON case_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_bu BEFORE UPDATE OF case_id, rank, top_leader, leadership ON case_subjects
	FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_bd BEFORE DELETE ON case_subjects FOR EACH ROW EXECUTE FUNCTION metric_touch('case', 'case_id');
CREATE TRIGGER metric_case_subjects_flush AFTER INSERT OR UPDATE OF case_id, rank, top_leader, leadership OR DELETE ON case_subjects
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_outcomes_ai AFTER INSERT ON outcomes FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome', 'id');
CREATE TRIGGER metric_outcomes_bu BEFORE UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes
	FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome*', 'id');
CREATE TRIGGER metric_outcomes_bd BEFORE DELETE ON outcomes FOR EACH ROW EXECUTE FUNCTION metric_touch('outcome*', 'id');
CREATE TRIGGER metric_outcomes_flush AFTER INSERT OR UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership OR DELETE ON outcomes
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_clarifications_ai AFTER INSERT ON clarifications FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification', 'id');
CREATE TRIGGER metric_clarifications_bu BEFORE UPDATE OF day, case_id, clue_id ON clarifications
	FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification*', 'id');
CREATE TRIGGER metric_clarifications_bd BEFORE DELETE ON clarifications FOR EACH ROW EXECUTE FUNCTION metric_touch('clarification*', 'id');
CREATE TRIGGER metric_clarifications_flush AFTER INSERT OR UPDATE OF day, case_id, clue_id OR DELETE ON clarifications
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();

CREATE TRIGGER metric_followups_ai AFTER INSERT ON followups FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_bu BEFORE UPDATE OF day, outcome_id, clarification_id ON followups
	FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_bd BEFORE DELETE ON followups FOR EACH ROW EXECUTE FUNCTION metric_touch('followup', 'id');
CREATE TRIGGER metric_followups_flush AFTER INSERT OR UPDATE OF day, outcome_id, clarification_id OR DELETE ON followups
	FOR EACH STATEMENT EXECUTE FUNCTION metric_flush();
