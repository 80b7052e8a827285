-- 0056 (SQLite): recoveries.kind gains confiscated (收缴) and ordered
-- (追缴); recovered and returned keep their codes (0056_campaigns.sql).
-- SQLite cannot change a CHECK: the table is rebuilt (as 0019).  No table
-- refers to recoveries; the two views of 0039 that read it are dropped
-- first with the trigger that reads one (a rename checks every view and
-- trigger) and made again as 0039 made them, and its index and 0039's
-- triggers are made again.
DROP TRIGGER metric_apply_acct;
DROP VIEW metric_recompute;
DROP VIEW metric_acct_contrib;
CREATE TABLE recoveries_0056 (
	id          INTEGER PRIMARY KEY,
	region      TEXT NOT NULL,
	day         TEXT NOT NULL,
	amount_fen  BIGINT NOT NULL CHECK (amount_fen >= 0),
	kind        TEXT NOT NULL CHECK (kind IN ('recovered','returned','confiscated','ordered')),
	campaign_id BIGINT REFERENCES campaigns(id),
	case_id     BIGINT REFERENCES cases(id),
	extra       TEXT,
	created_by  BIGINT REFERENCES users(id),
	created_at  BIGINT NOT NULL
);
INSERT INTO recoveries_0056 (id, region, day, amount_fen, kind, campaign_id, case_id, extra, created_by, created_at)
	SELECT id, region, day, amount_fen, kind, campaign_id, case_id, extra, created_by, created_at FROM recoveries;
DROP TABLE recoveries;
ALTER TABLE recoveries_0056 RENAME TO recoveries;
CREATE INDEX recoveries_day ON recoveries(day);
CREATE INDEX recoveries_campaign ON recoveries(campaign_id);
CREATE VIEW metric_acct_contrib AS
	SELECT 'accountability' AS kind, id, 'accountability' AS stat, '' AS dim, '' AS val,
		started AS day, CAST(1 AS BIGINT) AS n, 0 AS f1, 0 AS f2, 0 AS f3, 0 AS f4, 0 AS sanc
		FROM accountabilities
	UNION ALL SELECT 'accountability', id, 'accountability', 'campaign', CAST(campaign_id AS TEXT),
		started, 1, 0, 0, 0, 0, 0 FROM accountabilities WHERE campaign_id IS NOT NULL
	UNION ALL SELECT 'recovery', id, kind, '', '', day, amount_fen, 0, 0, 0, 0, 0 FROM recoveries
	UNION ALL SELECT 'recovery', id, kind, 'campaign', CAST(campaign_id AS TEXT), day, amount_fen,
		0, 0, 0, 0, 0 FROM recoveries WHERE campaign_id IS NOT NULL;

CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib) c
	GROUP BY stat, dim, val, day;

-- metric_apply_one (0028) applies metric_contrib, which has no row of
-- these kinds; this one applies metric_acct_contrib
CREATE TRIGGER metric_apply_acct AFTER INSERT ON metric_apply
	WHEN NEW.kind IN ('accountability', 'recovery')
BEGIN
	INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
		SELECT stat, dim, val, day, NEW.sign * n, NEW.sign * f1, NEW.sign * f2,
			NEW.sign * f3, NEW.sign * f4, NEW.sign * sanc
		FROM metric_acct_contrib WHERE kind = NEW.kind AND id = NEW.id
		ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + excluded.n,
			f1 = metric_days.f1 + excluded.f1, f2 = metric_days.f2 + excluded.f2,
			f3 = metric_days.f3 + excluded.f3, f4 = metric_days.f4 + excluded.f4,
			sanc = metric_days.sanc + excluded.sanc;
END;

-- recoveries: recovery
CREATE TRIGGER metric_recoveries_ai AFTER INSERT ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', NEW.id, 1);
END;
CREATE TRIGGER metric_recoveries_bu BEFORE UPDATE OF day, amount_fen, kind, campaign_id ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', OLD.id, -1);
END;
CREATE TRIGGER metric_recoveries_au AFTER UPDATE OF day, amount_fen, kind, campaign_id ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', NEW.id, 1);
END;
CREATE TRIGGER metric_recoveries_bd BEFORE DELETE ON recoveries WHEN (SELECT live FROM metric_state) = 1
BEGIN
	INSERT INTO metric_apply (kind, id, sign) VALUES ('recovery', OLD.id, -1);
END;
