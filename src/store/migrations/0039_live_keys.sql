-- 0039: accountabilities and money in the statistics rollup (issue 11;
-- helper livekeys; docs/statistics.md "the rollup").
--
-- Three more stats of metric_days, with the dimensions their live
-- statements honour (store/q_metrics.c Q_ACCOUNTABILITIES, MONEY): the
-- whole commission (dim '') and the campaign.  The unit is not a dimension
-- of theirs: the live statements do not honour it (an accountability names
-- the unit held accountable, or a person, not the unit of a snapshot; a
-- recovery names at most a case, whose unit the live statement does not
-- read), so the keys stay not applicable to a unit scope.
-- * accountability: n = 1 per accountability, on its started day;
-- * recovered, returned (recoveries.kind): n = amount_fen, on its day.
--
-- metric_acct_contrib lists those contributions beside 0028's
-- metric_contrib (kinds 'accountability' and 'recovery'); metric_recompute
-- groups both, so `stats rebuild`, `stats check` and an import's refill
-- cover them.  Neither record's contribution reads another record, so
-- their triggers (0039_live_keys.sqlite.sql / .pg.sql) name the record
-- itself; metric_deps does not change.
--
-- detained stays a live statement: distinct persons are not additive over
-- days (docs/statistics.md); the index below serves its statement for a
-- campaign (store/q_metrics.c).
CREATE VIEW metric_acct_contrib AS
	SELECT 'accountability' AS kind, id, 'accountability' AS stat, '' AS dim, '' AS val,
		started AS day, CAST(1 AS BIGINT) AS n, 0 AS f1, 0 AS f2, 0 AS f3, 0 AS f4, 0 AS sanc
		FROM accountabilities
	UNION ALL SELECT 'accountability', id, 'accountability', 'campaign', CAST(campaign_id AS TEXT),
		started, 1, 0, 0, 0, 0, 0 FROM accountabilities WHERE campaign_id IS NOT NULL
	UNION ALL SELECT 'recovery', id, kind, '', '', day, amount_fen, 0, 0, 0, 0, 0 FROM recoveries
	UNION ALL SELECT 'recovery', id, kind, 'campaign', CAST(campaign_id AS TEXT), day, amount_fen,
		0, 0, 0, 0, 0 FROM recoveries WHERE campaign_id IS NOT NULL;

DROP VIEW metric_recompute;
CREATE VIEW metric_recompute AS
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT) AS n, CAST(sum(f1) AS BIGINT) AS f1,
		CAST(sum(f2) AS BIGINT) AS f2, CAST(sum(f3) AS BIGINT) AS f3,
		CAST(sum(f4) AS BIGINT) AS f4, CAST(sum(sanc) AS BIGINT) AS sanc
	FROM (SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_contrib
		UNION ALL SELECT stat, dim, val, day, n, f1, f2, f3, f4, sanc FROM metric_acct_contrib) c
	GROUP BY stat, dim, val, day;

-- detained by campaign: the campaign's cases, then their detentions
-- (detentions_case, 0008)
CREATE INDEX cases_campaign ON cases(campaign_id);

-- the new stats' rows, through an INSERT so that triggers on metric_days
-- (0038's month and year grains) see them; while the rollup is off
-- (metric_state.live = 0) metric_days is not read and `stats rebuild`
-- refills every stat.  Grouped from metric_acct_contrib alone: the
-- filter on metric_recompute would group every record's contributions.
INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc)
	SELECT stat, dim, val, day, CAST(sum(n) AS BIGINT), 0, 0, 0, 0, 0 FROM metric_acct_contrib
	GROUP BY stat, dim, val, day;
