-- 0048: the public side's rows are kept for a while, not forever (issue
-- 13; docs/operations.md "Purging the public side"): a rating page's
-- idempotency key while a retry is plausible (public_key_days), a
-- concluded item's status while its reporter may still look
-- (public_status_days, counted from the day the status last changed).
-- The purge (domain/public_purge.c) deletes by day in bounded batches;
-- these indexes let each batch find its rows without reading the table.
CREATE INDEX public_submissions_day ON public_submissions(day);
CREATE INDEX public_status_day ON public_status(status, day);
