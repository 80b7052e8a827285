#!/bin/bash
# t193_grains.sh: the rollup by month and year (issue 11: the dashboard at
# 10M records with p99 < 50 ms, the annual report under 1 s; migration 0038,
# docs/statistics.md "The rollup").  The statistics read a period as edge
# days (metric_days), whole months (metric_months) and whole years
# (metric_years), and the grains are kept by triggers on metric_days.
# - periods that start and end mid-month, whole months, a whole year, two
#   years, a leap day, February of a leap year, a period across a year end
#   (2021-12-15..2022-01-10) and one with every part (days, months, a year,
#   months, days) read the same through the rollup as through the live
#   statements (QF_METRICS_LIVE=1), the definitions of DOMAIN.md section 6,
#   for no scope, a unit with the units below, a source and a township
#   user's jurisdiction; the dashboard's months, sources and top units of
#   2021, 2022 and 2024 too;
# - the figures read the grains: a month row or a year row changed by hand
#   moves exactly the periods that contain that whole month or year;
# - a clue registered (API), a clue's day moved across a year end, a case's
#   filing day moved across a month end and an outcome deleted (an
#   operator's SQL) leave the grains equal to their recomputation from the
#   records (`qingfeng stats check`), which fails, naming the month, when a
#   grain is wrong; `stats rebuild` refills them;
# - a row a later migration inserts into metric_days (a new stat) reaches
#   its month and year through the triggers, and so does an UPDATE of its
#   count in place (every upsert of the rollup: 0073's single delta on
#   SQLite) or of its day (the old month and year lose it).
# On the code before 0038 there is no metric_months: the grain checks fail.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"
python3 "$(dirname "$0")/../../bench/gen-stats.py" 300 >"$T_DIR/g.jsonl"
run_cli import "$T_DIR/g.jsonl"
expect_eq "records of 2021 and 2022 import (a bulk load: the rollup refilled)" 0 "$RC"
run_cli stats check
expect_eq "stats check after the imports: 0" 0 "$RC"
expect_contains "... the grains included" "metric_months, metric_years" "$OUT"

# ---- writes ------------------------------------------------------------------------
start_server || { not_ok "server starts"; finish; }
login cm "$PW" >/dev/null
P=$(sql "SELECT id FROM persons WHERE ext_id = 'P7'")
clue() {
	body "$(api POST /api/clues "{\"received\":\"$1\",\"source\":\"report\",\"summary\":\"反映其违规吃喝\",\"subjects\":[$P],\"categories\":[\"eight_rules\"],\"confirm\":true}")" | jget '["id"]'
}
LEAP=$(clue 2024-02-29)
EVE=$(clue 2021-12-31)
NEWYEAR=$(clue 2022-01-01)
expect_eq "clues registered on a leap day and on both sides of a year end" "2024-02-29 2021-12-31 2022-01-01" \
	"$(sql "SELECT received FROM clues WHERE id IN (${LEAP:-0}, ${EVE:-0}, ${NEWYEAR:-0}) ORDER BY id" | paste -sd' ')"
expect_eq "... the leap day's month and year have it" "1 1" \
	"$(sql "SELECT (SELECT n FROM metric_months WHERE stat = 'clue_received' AND dim = '' AND val = '' AND month = '2024-02'), (SELECT n FROM metric_years WHERE stat = 'clue_received' AND dim = '' AND val = '' AND year = '2024')" | tr '|' ' ')"
stop_server

year_n() { sql "SELECT COALESCE(sum(n), 0) FROM metric_years WHERE stat = '$1' AND dim = '' AND val = '' AND year = '$2'"; }
month_n() { sql "SELECT COALESCE(sum(n), 0) FROM metric_months WHERE stat = '$1' AND dim = '' AND val = '' AND month = '$2'"; }
y21=$(year_n clue_received 2021); y22=$(year_n clue_received 2022)
sql "UPDATE clues SET received = '2022-01-01' WHERE id = $EVE"
expect_eq "a clue's day moved across the year end: 2021 one less, 2022 one more" "$((y21 - 1)) $((y22 + 1))" \
	"$(year_n clue_received 2021) $(year_n clue_received 2022)"
A=$(sql "SELECT min(id) FROM cases WHERE filed LIKE '2022-03-%'")
m3=$(month_n case_filed 2022-03); m4=$(month_n case_filed 2022-04)
sql "UPDATE cases SET filed = '2022-04-01' WHERE id = $A"
expect_eq "a case's filing day moved across a month end: March one less, April one more" \
	"$((m3 - 1)) $((m4 + 1))" "$(month_n case_filed 2022-03) $(month_n case_filed 2022-04)"
OD=$(sql "SELECT max(o.id) FROM outcomes o WHERE o.day LIKE '2021-%' AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.outcome_id = o.id) AND NOT EXISTS (SELECT 1 FROM appeals x WHERE x.outcome_id = o.id)")
o21=$(year_n outcome 2021)
sql "DELETE FROM outcome_measures WHERE outcome_id = $OD" 2>/dev/null
sql "DELETE FROM outcomes WHERE id = $OD"
expect_eq "an outcome deleted: its year one less" "$((o21 - 1))" "$(year_n outcome 2021)"
run_cli stats check
expect_eq "stats check after the writes: 0" 0 "$RC"

# ---- the rollup reads what the live statements read ----------------------------------
TOWN_UNIT=$(sql "SELECT id FROM units WHERE ext_id = 'U3'")
ready_user town --role township --unit "$TOWN_UNIT" --password-stdin --db "$DB" >/dev/null
UNIT=$(sql "SELECT id FROM units WHERE ext_id = 'U1'")
PERIODS=("--from 2022-03-15 --to 2022-05-20" "--from 2022-03-01 --to 2022-05-31" "--year 2022"
	"--from 2021-01-01 --to 2022-12-31" "--from 2024-02-29 --to 2024-02-29" "--from 2024-02-01 --to 2024-02-29"
	"--from 2021-12-15 --to 2022-01-10" "--from 2020-10-15 --to 2022-03-10")
for period in "${PERIODS[@]}"; do
	for scope in "" "--unit $UNIT" "--source judicial" "--user town"; do
		rollup_eq "$period" "$scope"
	done
done
# the figures above are not zero: the leap day has its clue
leap=$("$QF_BIN" report --format json --from 2024-02-29 --to 2024-02-29 | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "clues_received"][0])')
expect_eq "the leap day counts its clue" 1 "$leap"

# the dashboard: its months, sources and top units (the tables beside the charts)
dash_tables() {
	local y
	start_server || return 1
	login cm "$PW" >/dev/null
	for y in 2021 2022 2024; do
		curl -s -b "$JAR" "$BASE/?year=$y" | python3 -c '
import re, sys
print("\n".join(re.findall(r"<table.*?</table>", sys.stdin.read(), re.S)))'
	done
	stop_server
}
a=$(dash_tables)
b=$(export QF_METRICS_LIVE=1; dash_tables)
expect_contains "the dashboard shows 2022's units" "单位" "$a"
expect_eq "the dashboard through the rollup = live (2021, 2022, 2024)" "$b" "$a"

# ---- the figures read the grains ---------------------------------------------------
clues() { "$@" report --format json "${PERIOD[@]}" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "clues_received"][0])'; }
PERIOD=(--from 2022-03-15 --to 2022-05-20); mid=$(clues "$QF_BIN")
PERIOD=(--year 2022); whole=$(clues "$QF_BIN")
PERIOD=(--from 2021-01-01 --to 2022-12-31); two=$(clues "$QF_BIN")
sql "UPDATE metric_months SET n = n + 1000 WHERE stat = 'clue_received' AND dim = '' AND val = '' AND month = '2022-04'"
PERIOD=(--from 2022-03-15 --to 2022-05-20)
expect_eq "a period with April 2022 whole reads its month row" "$((mid + 1000))" "$(clues "$QF_BIN")"
PERIOD=(--year 2022)
expect_eq "... the year 2022 its year row, not the month's" "$whole" "$(clues "$QF_BIN")"
run_cli stats check
expect_eq "stats check with a month row wrong: 1" 1 "$RC"
expect_contains "... naming the month" "2022-04 n=" "$OUT"
run_cli stats rebuild
expect_eq "stats rebuild: 0" 0 "$RC"
sql "UPDATE metric_years SET n = n + 1000 WHERE stat = 'clue_received' AND dim = '' AND val = '' AND year = '2022'"
PERIOD=(--year 2022)
expect_eq "the year 2022 reads its year row" "$((whole + 1000))" "$(clues "$QF_BIN")"
PERIOD=(--from 2021-01-01 --to 2022-12-31)
expect_eq "... and so do two years" "$((two + 1000))" "$(clues "$QF_BIN")"
PERIOD=(--from 2022-03-15 --to 2022-05-20)
expect_eq "... not a period within it" "$mid" "$(clues "$QF_BIN")"
run_cli stats check
expect_eq "stats check with a year row wrong: 1, naming the year" "1 1" \
	"$RC $(grep -c '^rollup .* 2022 n=' <<<"$OUT")"
run_cli stats rebuild
run_cli stats check
expect_eq "stats rebuild refills the grains: the check passes" 0 "$RC"
expect_eq "... the rollup on" 1 "$(sql "SELECT live FROM metric_state")"

# ---- a later migration's stat ---------------------------------------------------------
sql "INSERT INTO metric_days (stat, dim, val, day, n) VALUES ('zz_new', '', '', '2023-06-30', 2), ('zz_new', '', '', '2023-07-01', 3)"
expect_eq "a stat inserted into metric_days gets its months and its year" "2 3 5" \
	"$(month_n zz_new 2023-06) $(month_n zz_new 2023-07) $(year_n zz_new 2023)"
# an UPDATE in place (what every upsert of the rollup is) and one that moves a row to
# another key: 0073 queues the difference for the first, the old row negated and the
# new one for the second (SQLite; PostgreSQL's statement-level grains do both at once)
sql "UPDATE metric_days SET n = n + 4 WHERE stat = 'zz_new' AND day = '2023-07-01'"
expect_eq "a row's count changed in place moves its month and year by the difference" "2 7 9" \
	"$(month_n zz_new 2023-06) $(month_n zz_new 2023-07) $(year_n zz_new 2023)"
sql "UPDATE metric_days SET day = '2024-01-02' WHERE stat = 'zz_new' AND day = '2023-07-01'"
expect_eq "a row moved to another day leaves its month and year for the new ones" "0 2 7 7" \
	"$(month_n zz_new 2023-07) $(year_n zz_new 2023) $(month_n zz_new 2024-01) $(year_n zz_new 2024)"
sql "DELETE FROM metric_days WHERE stat = 'zz_new'"
expect_eq "... and loses them when deleted" "0 0 0" "$(year_n zz_new 2023) $(month_n zz_new 2023-07) $(year_n zz_new 2024)"
run_cli stats check
expect_eq "stats check at the end: 0" 0 "$RC"
finish
