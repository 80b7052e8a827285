-- 0021: report kinds and their clocks, the rest-day rule, clock limits as
-- effective-dated data with their source (issue 10, part D).
--
-- reports.kind: accusation (检举控告, the rules on handling accusations,
-- 2020), petition (信访: suggestions, complaints; the Regulations on
-- Letters and Visits, 2022) or other; each kind has its own clocks
-- (report_clock.c).  Reports stored before take the kind their category
-- states: accusation -> accusation, appeal and suggestion -> petition,
-- other -> other (the same mapping the import applies to old files).
-- reports.repeated: a repeated accusation (重复检举控告), for which the
-- acceptance notice is not due.  reports.forwarded_due: the due day of
-- the clock of a report forwarded to us (accept it or pass it on).
ALTER TABLE reports ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
	CHECK (kind IN ('accusation', 'petition', 'other'));
ALTER TABLE reports ADD COLUMN repeated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN forwarded_due TEXT;
UPDATE reports SET kind = CASE category WHEN 'accusation' THEN 'accusation'
	WHEN 'other' THEN 'other' ELSE 'petition' END;

-- The rest-day rule (Civil Code art. 203): a limit in calendar days or
-- months that ends on a rest day ends on the next working day, except
-- detention (its limits are counted as they fall).  A clock added later
-- moves unless it says otherwise.
ALTER TABLE clock_limits ADD COLUMN rest_day_moves INTEGER NOT NULL DEFAULT 1;
UPDATE clock_limits SET rest_day_moves = 0 WHERE clock LIKE 'detention%';

-- The limits as effective-dated data: a version applies to the clocks
-- started on or after effective_from; a clock started before its first
-- version takes clock_limits.amount and unit (a clock without versions,
-- only those).  A change of a limit is a new row, never an update, so a
-- clock already running keeps the limit it started with.
CREATE TABLE clock_limit_versions (
	clock          TEXT NOT NULL REFERENCES clock_limits(clock),
	effective_from TEXT NOT NULL,
	amount         INTEGER NOT NULL CHECK (amount > 0),
	unit           TEXT NOT NULL CHECK (unit IN ('workdays', 'days', 'months')),
	source         TEXT NOT NULL,
	PRIMARY KEY (clock, effective_from)
);

INSERT INTO clock_limits (clock, amount, unit, label) VALUES
	('report_forwarded_in', 5, 'workdays', '上级转交举报的受理或转送'),
	('letter_inquiry_reply', 15, 'workdays', '函询书面说明'),
	('trial_review_extension', 1, 'months', '审理延长（经批准）'),
	('sanction_execution', 1, 'months', '处分执行（职务、职级、工资调整）');

INSERT INTO clock_limit_versions (clock, effective_from, amount, unit, source) VALUES
	('report_accept_notice', '2020-01-21', 15, 'workdays',
	 '《纪检监察机关处理检举控告工作规则》（2020）：属于本机关受理的实名检举控告，自收到之日起15个工作日内告知受理情况（重复检举控告除外）'),
	('report_outcome_notice', '2020-01-21', 15, 'workdays',
	 '《纪检监察机关处理检举控告工作规则》（2020）：实名检举控告办结之日起15个工作日内反馈办理结果'),
	('report_transfer', '2020-01-21', 5, 'workdays',
	 '《纪检监察机关处理检举控告工作规则》（2020）：不属于本级受理的检举控告，5个工作日内转送有权处理的机关'),
	('report_forwarded_in', '2020-01-21', 5, 'workdays',
	 '《纪检监察机关处理检举控告工作规则》（2020）：上级转交的检举控告，5个工作日内受理或者转送'),
	('petition_accept', '2022-05-01', 15, 'days',
	 '《信访工作条例》（2022）：收到信访事项之日起15日内决定是否受理并告知信访人'),
	('petition_conclude', '2022-05-01', 60, 'days',
	 '《信访工作条例》（2022）：信访事项自受理之日起60日内办结'),
	('petition_extension', '2022-05-01', 30, 'days',
	 '《信访工作条例》（2022）：情况复杂的，经批准可以延长办理期限，延长期限不得超过30日'),
	('preliminary_verification', '2019-01-01', 15, 'workdays',
	 '本地规定：初步核实15个工作日（《监督执纪工作规则》（2019）未规定期限）'),
	('letter_inquiry_reply', '2019-01-01', 15, 'workdays',
	 '《中国共产党纪律检查机关监督执纪工作规则》（2019）：被函询人应当在收到函件后15个工作日内写出书面说明'),
	('trial_review', '2019-01-01', 1, 'months',
	 '《中国共产党纪律检查机关监督执纪工作规则》（2019）：审理工作应当在受理之日起1个月内完成'),
	('trial_review_extension', '2019-01-01', 1, 'months',
	 '《中国共产党纪律检查机关监督执纪工作规则》（2019）：重大复杂案件经批准可以适当延长，延长不超过1个月'),
	('sanction_execution', '2019-01-01', 1, 'months',
	 '《中国共产党纪律检查机关监督执纪工作规则》（2019）：处分决定作出后1个月内由所在单位调整职务、职级、工资'),
	('rectification_report', '2017-07-01', 2, 'months',
	 '《中国共产党巡视工作条例》（2017）：被巡视（巡察）党组织应当在收到反馈意见后2个月内报送整改情况'),
	('personal_matter_report', '2017-02-08', 30, 'days',
	 '《领导干部报告个人有关事项规定》（2017）：发生重大变化之日起30日内报告'),
	('bad_rating_callback', '2019-01-01', 1, 'workdays', '本地规定：政务服务差评1个工作日内回访'),
	('bad_rating_fix', '2019-01-01', 15, 'workdays', '本地规定：政务服务差评15个工作日内整改');
-- detention (part C of issue 10) keeps its limits in clock_limits: no
-- versions seeded here

-- the stored due days follow the rest-day rule and the kinds: computed
-- again for the running clocks at the next start (report_dues_fill also
-- computes the trial reviews' due days again)
UPDATE settings SET value = '0' WHERE key = 'report_dues_filled';
