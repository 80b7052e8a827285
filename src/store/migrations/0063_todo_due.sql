-- 0063: two of the to-do badge's statements read their whole table at
-- scale (issue 16; bench/README.md "List pages": at 200,000 rows the badge
-- was 99% of every page's instructions until it was kept).  Partial
-- indexes hold only the rows they look for, in the order they read them.
--
-- The rectification problems not yet rectified, by deadline
-- (store_problems_due: `state <> 'rectified' AND deadline <= ? ORDER BY
-- deadline, id LIMIT ?`).  problems_open (state, deadline) cannot serve
-- a `<>`: the statement scanned and sorted every problem.
CREATE INDEX problems_due ON problems(deadline, id) WHERE state <> 'rectified';

-- A user's proposals sent back (store_dispositions_returned*: `proposed_by
-- = ? AND state = 'rejected'`): dispositions_state held every rejected
-- proposal of every user.
CREATE INDEX dispositions_returned ON dispositions(proposed_by, id) WHERE state = 'rejected';
