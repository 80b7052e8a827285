-- 0083: a case's and a clue's clarifications (谈话函询 records) read in
-- their page's order from one index (issue 16, the 10M run of session
-- 30).  A clarification belongs to a case or to a clue, so one of the two
-- columns is NULL on most rows; ANALYZE counts the NULLs as one value,
-- and SQLite then judged `case_id = ?` to match every row and walked
-- clarifications_day for the ORDER BY instead: 34-78 ms a case page at
-- 10M records, every clarification read.  With the order's columns in
-- the index the lookup and the order are the same range.
DROP INDEX clarifications_case;
DROP INDEX clarifications_clue;
CREATE INDEX clarifications_case ON clarifications(case_id, day, id);
CREATE INDEX clarifications_clue ON clarifications(clue_id, day, id);
