-- 0073 (SQLite): metric_days' UPDATE trigger queues one delta, not two
-- rows in one multi-row VALUES (issue 16; bench/README.md "A rating's
-- write after 0069").  0038's metric_grains_au inserted the old counts
-- negated and the new ones as a two-row VALUES; SQLite materialises a
-- multi-row VALUES into an ephemeral table when the target has triggers,
-- and that table's pager was set up and torn down for every update of
-- metric_days: about 0.35 ms of CPU for each, most of it in malloc's
-- brk.  Every upsert of the rollup is such an update (SQLite runs the
-- UPDATE triggers for an upsert's DO UPDATE), so every write of a counted
-- record paid it, and a rating (two metric_days rows since 0069) paid it
-- twice: 0.7 ms a rating, ten times the rest of its write.
--
-- An upsert never changes the key (stat, dim, val, day): then one row,
-- the difference, goes to metric_grain_delta.  An UPDATE that moves a row
-- to another key (only a hand-written or migration UPDATE could) still
-- queues the old row negated and the new one, as two statements.
-- PostgreSQL's grains (0038_grains.pg.sql) are statement-level over
-- transition tables and not concerned.

DROP TRIGGER metric_grains_au;
CREATE TRIGGER metric_grains_au AFTER UPDATE ON metric_days
	WHEN (SELECT live FROM metric_state) = 1 AND NEW.stat = OLD.stat AND NEW.dim = OLD.dim
		AND NEW.val = OLD.val AND NEW.day = OLD.day
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n - OLD.n, NEW.f1 - OLD.f1,
			NEW.f2 - OLD.f2, NEW.f3 - OLD.f3, NEW.f4 - OLD.f4, NEW.sanc - OLD.sanc);
END;
CREATE TRIGGER metric_grains_move AFTER UPDATE ON metric_days
	WHEN (SELECT live FROM metric_state) = 1 AND NOT (NEW.stat = OLD.stat AND NEW.dim = OLD.dim
		AND NEW.val = OLD.val AND NEW.day = OLD.day)
BEGIN
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (OLD.stat, OLD.dim, OLD.val, OLD.day, -OLD.n, -OLD.f1, -OLD.f2, -OLD.f3, -OLD.f4, -OLD.sanc);
	INSERT INTO metric_grain_delta (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		VALUES (NEW.stat, NEW.dim, NEW.val, NEW.day, NEW.n, NEW.f1, NEW.f2, NEW.f3, NEW.f4, NEW.sanc);
END;
