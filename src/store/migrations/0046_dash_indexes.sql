-- 0046: indexes the dashboard reads through at national scale
-- (bench/README.md "Statistics at national scale", the dashboard at 10M:
-- the statements slower than 2 ms of GET /, found with QF_SLOW_SQL_MS).
--
-- The running detentions by due day (the case clocks of the to-do list,
-- store/q_cases.c Q_CLOCKS): detentions_due walked every detention ever
-- made (17,767 at 10M records, 20-35 ms) to find the few with no end day.
CREATE INDEX detentions_running_due ON detentions(due_day) WHERE end_day IS NULL;
-- The persons detained in a period (the key detained, count of distinct
-- persons): the period's rows answered from the index alone.
CREATE INDEX detentions_start_person ON detentions(start_day, person_id);
DROP INDEX detentions_start;
-- The rollup read for every value of a dimension in a period (the
-- dashboard's top units and sources, store/q_dash.c): the value and the
-- count from the index alone, without a lookup of each row.
CREATE INDEX metric_years_all ON metric_years(stat, dim, year, val, n);
DROP INDEX metric_years_year;
CREATE INDEX metric_months_all ON metric_months(stat, dim, month, val, n);
DROP INDEX metric_months_month;
CREATE INDEX metric_days_all ON metric_days(stat, dim, day, val, n);
DROP INDEX metric_days_day;
