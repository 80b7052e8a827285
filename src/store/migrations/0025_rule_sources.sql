-- 0025: the sources of rule rows, checked against the texts (ui10, issue 10).
--
-- Checked (docs/security.md "Article numbers of the rule tables"):
-- * 《中国共产党纪律处分条例》(2023) art. 10 is the warning / serious
--   warning period (one year / one and a half); art. 11 is 撤销党内职务.
--   The party rows of influence_periods named no article.
-- * 《监察法实施条例》(2025 revision, 国家监察委员会公告第2号) art. 129
--   (extension), art. 130 (further extension, national approval) and
--   art. 133 (after a recalculation at most 3 months; extension and further
--   extension again, but not a further extension used before).  Added to
--   the rows of 2025-06-01 beside the revised law's articles.
-- Only the source text changes: no limit, date or period moves.
UPDATE influence_periods SET source = '《中国共产党纪律处分条例》（2023）第十条（警告一年内、严重警告一年半内不得提拔职务或者进一步使用）'
	WHERE measure IN ('party_warning', 'party_serious_warning') AND valid_from = '2000-01-01'
	  AND source = '《中国共产党纪律处分条例》（2023）';
UPDATE influence_periods SET source = '《中国共产党纪律处分条例》（2023）第十一条（撤销党内职务）'
	WHERE measure = 'party_post_removal' AND valid_from = '2000-01-01'
	  AND source = '《中国共产党纪律处分条例》（2023）';
UPDATE detention_limits SET source = source || '；《监察法实施条例》（2025年修订）第一百二十九条'
	WHERE step = 'extension' AND effective_from = '2025-06-01';
UPDATE detention_limits SET source = source || '；《监察法实施条例》（2025年修订）第一百三十条'
	WHERE step = 'national' AND effective_from = '2025-06-01';
UPDATE detention_limits SET source = source || '；《监察法实施条例》（2025年修订）第一百三十三条：重新计算的留置时间不得超过三个月，可以依法延长和再延长，此前已经再延长的不得再次再延长'
	WHERE step = 'recalc' AND effective_from = '2025-06-01';
-- 《纪检监察机关处理检举控告工作规则》(2020) art. 15 (what belongs to the
-- level above: to it within 5 working days; what belongs to a lower level:
-- art. 16, 及时转送) and art. 16 para. 2 (what is passed to us: accepted or
-- passed on within 5 working days).  The rows named no article.
UPDATE clock_limit_versions SET source = '《纪检监察机关处理检举控告工作规则》（2020）第十五条：属于上级纪检监察机关受理的检举控告，在收到之日起5个工作日内报送上一级（属于下级受理的，第十六条：及时转送）'
	WHERE clock = 'report_transfer' AND effective_from = '2020-01-21';
UPDATE clock_limit_versions SET source = '《纪检监察机关处理检举控告工作规则》（2020）第十六条第二款：下一级纪检监察机关对转送的检举控告，在收到之日起5个工作日内完成受理或者转办工作'
	WHERE clock = 'report_forwarded_in' AND effective_from = '2020-01-21';
