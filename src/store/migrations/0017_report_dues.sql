-- 0017: the due days of the report clocks (report_clock.c), written in C
-- from clock_limits on the working-day calendar when the step that starts
-- a clock is taken, so that the registry's overdue filter, its totals and
-- the home page are plain SQL, exact at any volume:
--   accept_due          petition_accept (from received)
--   transfer_due        report_transfer (other-level reports)
--   accept_notice_due   report_accept_notice (real-name reports)
--   conclude_due        petition_conclude (from accepted, extension included)
--   outcome_notice_due  report_outcome_notice (real-name, from concluded)
--   next_due            the earliest due day of the clocks still running,
--                       NULL when none runs (the overdue filter's index)
-- SQL cannot count working days: the reports stored before this migration
-- get their due days at the next start of the binary (report_dues_fill,
-- called by cmd_open), which sets report_dues_filled to 1.
ALTER TABLE reports ADD COLUMN accept_due TEXT;
ALTER TABLE reports ADD COLUMN transfer_due TEXT;
ALTER TABLE reports ADD COLUMN accept_notice_due TEXT;
ALTER TABLE reports ADD COLUMN conclude_due TEXT;
ALTER TABLE reports ADD COLUMN outcome_notice_due TEXT;
ALTER TABLE reports ADD COLUMN next_due TEXT;
CREATE INDEX reports_next_due ON reports(next_due);
INSERT INTO settings (key, value) VALUES ('report_dues_filled', '0');
