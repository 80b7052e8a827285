-- 0107 on PostgreSQL (issue 16, pgwarm16k): the clues' and the outcomes'
-- lists are ordered by (received DESC, id DESC) and (day DESC, id DESC),
-- but their indexes held the day alone.  A page of 50 then read every row
-- of the newest day in the index's order and sorted them by id (an
-- incremental sort): at 10M records the newest day holds 3,966 clues, and
-- the unfiltered list's first rendering took 50-108 ms (the outcomes' 24-46
-- ms), against 0.9 ms read in (day, id) order and cut at the LIMIT.  Each
-- index is rebuilt under its own name with id after the day, so whatever
-- read the day alone reads the same index; SQLite's indexes end with the
-- rowid (the id) already and keep their plans: no migration there.
DROP INDEX clues_received;
CREATE INDEX clues_received ON clues(received, id);
DROP INDEX outcomes_day;
CREATE INDEX outcomes_day ON outcomes(day, id);
