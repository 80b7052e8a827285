-- 0109: the running preliminary verifications counted by office and start day
-- (issue 16, first16l; PostgreSQL only).
--
-- The home page's to-dos count the verifications under way by office, those
-- started on or before the overdue day and those on or before the last day
-- listed (Q_PRELIM_COUNT, q_clues.c): an index-only scan of every running
-- verification, 33,817 entries of clues_verification grouped at 10M records
-- (6-15 ms, the largest single statement of a first view of / after the
-- year's counts, 0108).  verification_days holds those clues counted per
-- (office, clock_start): 562 rows at 10M, the count a sum over the days up
-- to the bound.  `unset` is 1 for a verification_office NULL (counted under
-- '' as the live statement's COALESCE shows it, but its own group there),
-- so the rows and their order are the live statement's.  Kept by the
-- triggers below on clues (+1 when a clue enters preliminary verification
-- with a clock start, -1 when it leaves or its office or start changes);
-- skipped while a bulk import has the rollup off (qf.rollup_off, 0071) and
-- recounted at its end (store_dash_kept_recount), as 0095's are.  Read only
-- for the unscoped user (a jurisdiction counts its own clues, led by
-- them).  SQLite keeps the live statement: 3-4 ms there.  Derived: not
-- exported.
CREATE TABLE verification_days (office TEXT NOT NULL, unset SMALLINT NOT NULL, day TEXT NOT NULL,
	n BIGINT NOT NULL, PRIMARY KEY (unset, office, day));
INSERT INTO verification_days (office, unset, day, n)
	SELECT COALESCE(verification_office, ''), CAST(verification_office IS NULL AS INTEGER), clock_start, count(*)
	FROM clues WHERE state = 'preliminary_verification' AND clock_start IS NOT NULL
	GROUP BY 1, 2, 3;
CREATE FUNCTION verification_days_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.state = 'preliminary_verification' AND OLD.clock_start IS NOT NULL THEN
		UPDATE verification_days SET n = n - 1 WHERE unset = CAST(OLD.verification_office IS NULL AS INTEGER)
			AND office = COALESCE(OLD.verification_office, '') AND day = OLD.clock_start;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.state = 'preliminary_verification' AND NEW.clock_start IS NOT NULL THEN
		INSERT INTO verification_days (office, unset, day, n) VALUES (COALESCE(NEW.verification_office, ''),
			CAST(NEW.verification_office IS NULL AS INTEGER), NEW.clock_start, 1)
			ON CONFLICT (unset, office, day) DO UPDATE SET n = verification_days.n + 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER verification_days_kept AFTER INSERT OR DELETE ON clues
	FOR EACH ROW WHEN (current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION verification_days_kept();
CREATE TRIGGER verification_days_moved AFTER UPDATE OF state, clock_start, verification_office ON clues
	FOR EACH ROW WHEN ((OLD.state IS DISTINCT FROM NEW.state OR OLD.clock_start IS DISTINCT FROM NEW.clock_start
		OR OLD.verification_office IS DISTINCT FROM NEW.verification_office)
		AND current_setting('qf.rollup_off', true) IS DISTINCT FROM '1')
	EXECUTE FUNCTION verification_days_kept();
