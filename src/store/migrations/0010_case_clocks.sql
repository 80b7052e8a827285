-- 0010: the due days of the case clocks, written when a clock starts or
-- moves (from clock_limits and the approved extensions at that moment),
-- so that the case list can filter overdue cases in SQL and page them.
-- due_day: the last day of a detention (留置) with its extensions;
-- trial_due: the last day of the trial review (审理) once accepted.

ALTER TABLE detentions ADD COLUMN due_day TEXT;
ALTER TABLE cases ADD COLUMN trial_due TEXT;
CREATE INDEX detentions_due ON detentions(due_day);
