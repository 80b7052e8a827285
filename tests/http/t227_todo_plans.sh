#!/usr/bin/env bash
# t227_todo_plans: the to-do badge's statements read only the rows they
# look for (issue 16; migration 0063).  At 200,000 rows the badge's
# overdue problems (store_problems_due) scanned and sorted every problem
# and the proposals sent back (store_dispositions_returned_count) walked
# every rejected proposal of every user: 99% of every page's instructions
# until the count was kept.  Both now have a partial index that holds only
# their rows, in the order they read them:
# - the indexes exist with their conditions;
# - the WHERE and ORDER BY of src/store/q_problems.c Q_DUE and of
#   q_clues.c RETURNED_WHERE (without the scope, which filters the rows
#   read) are planned on their index, the first without a sort (SQLite:
#   EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans priced
#   out, as the planner takes them on small tables).  The badge's counts
#   themselves are t209's and t166's.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }

if [ "$BACKEND" = pg ]; then
	idx() { sql "SELECT indexdef FROM pg_indexes WHERE indexname = '$1'"; }
	plan() { sql "SET enable_seqscan = off; SET enable_bitmapscan = off; EXPLAIN $1"; }
else
	idx() { sql "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '$1'"; }
	plan() { sql "EXPLAIN QUERY PLAN $1"; }
fi

expect_contains "problems_due: problems by deadline, not yet rectified" "rectified" "$(idx problems_due)"
expect_contains "dispositions_returned: the proposals sent back, by proposer" "rejected" "$(idx dispositions_returned)"

DUE="SELECT p.id FROM problems p WHERE p.state <> 'rectified' AND p.deadline <= '2026-12-31' ORDER BY p.deadline, p.id LIMIT 500"
P=$(plan "$DUE")
expect_contains "the overdue problems read problems_due" "problems_due" "$P"
check "... in its order, no sort" bash -c "! grep -qiE 'TEMP B-TREE|Sort' <<<'$P'"

RET="SELECT count(*) FROM dispositions d WHERE d.proposed_by = 3 AND d.state = 'rejected' AND NOT EXISTS (SELECT 1 FROM dispositions e WHERE e.clue_id = d.clue_id AND e.id > d.id)"
expect_contains "the proposals sent back read dispositions_returned" "dispositions_returned" "$(plan "$RET")"

finish
