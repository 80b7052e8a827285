-- 0028 (SQLite): the triggers that keep metric_days up to date
-- (0028_rollup.sql says what and why).  Each trigger acts only while
-- metric_state.live = 1 and only on the columns a statistic reads
-- (UPDATE OF), and queues into metric_apply, before the change with sign
-- -1 and after it with +1, the record (or its parent: a subject, a
-- category, a disposition) and every record whose contribution reads it
-- (metric_deps, kind 'clue*' etc.).  metric_apply's trigger applies one
-- record's contribution as an upsert into metric_days and removes the
-- queued row.  Cost per write: a few primary-key and index lookups per
-- record touched, never a recomputation of a day.
--
-- SQLite drops a table's triggers with the table: a later migration that
-- rebuilds one of these tables must create its triggers again (and
-- `qingfeng stats check` would show the drift).

CREATE TRIGGER metric_apply_one AFTER INSERT ON metric_apply
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, day, NEW.sign * n, NEW.sign * f1, NEW.sign * f2,
			NEW.sign * f3, NEW.sign * f4, NEW.sign * sanc
		FROM metric_contrib WHERE kind = NEW.kind AND id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + excluded.n,
			f1 = metric_days.f1 + excluded.f1, f2 = metric_days.f2 + excluded.f2,
			f3 = metric_days.f3 + excluded.f3, f4 = metric_days.f4 + excluded.f4,
			sanc = metric_days.sanc + excluded.sanc;
	DELETE FROM metric_apply WHERE rowid = NEW.rowid;
END;

-- clues: clue*
CREATE TRIGGER metric_clues_ai AFTER INSERT ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_clues_bu BEFORE UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_clues_au AFTER UPDATE OF received, first_disposed, unit_id, campaign_id, source ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_clues_bd BEFORE DELETE ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_clues_ad AFTER DELETE ON clues WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.id);
END;

-- clue_categories: clue*
CREATE TRIGGER metric_clue_categories_bi BEFORE INSERT ON clue_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_clue_categories_ai AFTER INSERT ON clue_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_clue_categories_bu BEFORE UPDATE OF clue_id, category ON clue_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_clue_categories_au AFTER UPDATE OF clue_id, category ON clue_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_clue_categories_bd BEFORE DELETE ON clue_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.clue_id);
END;
CREATE TRIGGER metric_clue_categories_ad AFTER DELETE ON clue_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue*' AND id IN (OLD.clue_id);
END;

-- clue_subjects: clue
CREATE TRIGGER metric_clue_subjects_bi BEFORE INSERT ON clue_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_clue_subjects_ai AFTER INSERT ON clue_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_clue_subjects_bu BEFORE UPDATE OF clue_id, rank, top_leader, leadership ON clue_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_clue_subjects_au AFTER UPDATE OF clue_id, rank, top_leader, leadership ON clue_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_clue_subjects_bd BEFORE DELETE ON clue_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id);
END;
CREATE TRIGGER metric_clue_subjects_ad AFTER DELETE ON clue_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id);
END;

-- dispositions: clue
CREATE TRIGGER metric_dispositions_bi BEFORE INSERT ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_ai AFTER INSERT ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_bu BEFORE UPDATE OF clue_id, state, method ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_au AFTER UPDATE OF clue_id, state, method ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id, NEW.clue_id);
END;
CREATE TRIGGER metric_dispositions_bd BEFORE DELETE ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id);
END;
CREATE TRIGGER metric_dispositions_ad AFTER DELETE ON dispositions WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clue' AND id IN (OLD.clue_id);
END;

-- cases: case*
CREATE TRIGGER metric_cases_ai AFTER INSERT ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_cases_bu BEFORE UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_cases_au AFTER UPDATE OF filed, closed, transferred, unit_id, campaign_id, organ_kind, clue_id ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_cases_bd BEFORE DELETE ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_cases_ad AFTER DELETE ON cases WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.id);
END;

-- case_categories: case*
CREATE TRIGGER metric_case_categories_bi BEFORE INSERT ON case_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (NEW.case_id);
END;
CREATE TRIGGER metric_case_categories_ai AFTER INSERT ON case_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (NEW.case_id);
END;
CREATE TRIGGER metric_case_categories_bu BEFORE UPDATE OF case_id, category ON case_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER metric_case_categories_au AFTER UPDATE OF case_id, category ON case_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER metric_case_categories_bd BEFORE DELETE ON case_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.case_id);
END;
CREATE TRIGGER metric_case_categories_ad AFTER DELETE ON case_categories WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case*' AND id IN (OLD.case_id);
END;

-- case_subjects: case
CREATE TRIGGER metric_case_subjects_bi BEFORE INSERT ON case_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case' AND id IN (NEW.case_id);
END;
CREATE TRIGGER metric_case_subjects_ai AFTER INSERT ON case_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case' AND id IN (NEW.case_id);
END;
CREATE TRIGGER metric_case_subjects_bu BEFORE UPDATE OF case_id, rank, top_leader, leadership ON case_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case' AND id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER metric_case_subjects_au AFTER UPDATE OF case_id, rank, top_leader, leadership ON case_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case' AND id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER metric_case_subjects_bd BEFORE DELETE ON case_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'case' AND id IN (OLD.case_id);
END;
CREATE TRIGGER metric_case_subjects_ad AFTER DELETE ON case_subjects WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'case' AND id IN (OLD.case_id);
END;

-- outcomes: outcome*
CREATE TRIGGER metric_outcomes_ai AFTER INSERT ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'outcome' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_outcomes_bu BEFORE UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_outcomes_au AFTER UPDATE OF day, form, sanctioned, unit_id, campaign_id, case_id, clue_id, subject_rank, subject_top_leader, subject_leadership ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_outcomes_bd BEFORE DELETE ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_outcomes_ad AFTER DELETE ON outcomes WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'outcome*' AND id IN (OLD.id);
END;

-- clarifications: clarification*
CREATE TRIGGER metric_clarifications_ai AFTER INSERT ON clarifications WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clarification' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_clarifications_bu BEFORE UPDATE OF day, case_id, clue_id ON clarifications WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clarification*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_clarifications_au AFTER UPDATE OF day, case_id, clue_id ON clarifications WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clarification*' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_clarifications_bd BEFORE DELETE ON clarifications WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'clarification*' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_clarifications_ad AFTER DELETE ON clarifications WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'clarification*' AND id IN (OLD.id);
END;

-- followups: followup
CREATE TRIGGER metric_followups_ai AFTER INSERT ON followups WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'followup' AND id IN (NEW.id);
END;
CREATE TRIGGER metric_followups_bu BEFORE UPDATE OF day, outcome_id, clarification_id ON followups WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'followup' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_followups_au AFTER UPDATE OF day, outcome_id, clarification_id ON followups WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'followup' AND id IN (OLD.id, NEW.id);
END;
CREATE TRIGGER metric_followups_bd BEFORE DELETE ON followups WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, -1 FROM metric_deps
		WHERE kind = 'followup' AND id IN (OLD.id);
END;
CREATE TRIGGER metric_followups_ad AFTER DELETE ON followups WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) SELECT dep_kind, dep_id, 1 FROM metric_deps
		WHERE kind = 'followup' AND id IN (OLD.id);
END;
