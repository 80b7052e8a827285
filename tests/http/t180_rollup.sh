#!/bin/bash
# t180_rollup.sh: the statistics rollup metric_days (issue 11: "rollups
# maintained on write and checked against recomputation by a test";
# migration 0028, docs/statistics.md "Speed").
# - after the demo year and a second interchange file (bench/gen-stats.py)
#   are imported, and records are changed through the API (a clue
#   registered with categories, its categories corrected, a disposition
#   proposed and approved, a follow-up visit, a talk's kind and day and a
#   report's reported day corrected) and, where the platform has
#   no page for the change, by SQL as an operator's correction would (a
#   clue's source, a case's organ, categories and closing day, a subject's
#   rank, an outcome's form, an outcome deleted), `qingfeng stats check`
#   finds metric_days equal to its recomputation from the records;
# - every key, for no scope, each single scope member (unit with the units
#   below, campaign, category, source, organ, rank, top leader, leadership,
#   key persons, the problems' activity kind alone and with a category or
#   a campaign: 0078) and a township user's jurisdiction, over a year, a
#   quarter, a single day and a range crossing a year, reads the same
#   through the rollup as through the live statements (QF_METRICS_LIVE=1):
#   the definitions of DOMAIN.md section 6 do not change;
# - the check can fail: with one trigger dropped a write leaves metric_days
#   stale and `stats check` exits 1 naming the row; `stats rebuild` mends it;
# - the bulk-load switch: with metric_state.live = 0 the triggers stand
#   still and the figures still come from the records (the live
#   statements); `stats rebuild` turns the rollup on again.
# Before this change there was no metric_days and no `stats` command: every
# check fails on the old code.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users lead:leader
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"
python3 "$(dirname "$0")/../../bench/gen-stats.py" 400 >"$T_DIR/g.jsonl"
# two imports: most of the file, more lines than the database holds records
# (a bulk load: the triggers off, the rollup recomputed at the end), then
# its last 30 lines, few against the records (the triggers keep the rollup)
n=$(wc -l <"$T_DIR/g.jsonl")
head -n $((n - 30)) "$T_DIR/g.jsonl" >"$T_DIR/g1.jsonl"
tail -n 30 "$T_DIR/g.jsonl" >"$T_DIR/g2.jsonl"
run_cli import "$T_DIR/g1.jsonl"
expect_eq "a second interchange file imports" 0 "$RC"
before=$(sql "SELECT count(*) FROM metric_days")
run_cli import "$T_DIR/g2.jsonl"
expect_eq "... and its last lines, a small import" 0 "$RC"
expect_eq "... which the triggers counted (metric_days grew, the rollup still on)" "1 1" \
	"$(sql "SELECT CASE WHEN (SELECT count(*) FROM metric_days) > $before THEN 1 ELSE 0 END, live FROM metric_state" | tr '|' ' ')"
run_cli stats check
expect_eq "stats check after the imports: 0" 0 "$RC"
expect_contains "... saying so" "agrees" "$OUT"

# ---- changes through the API --------------------------------------------------
start_server || { not_ok "server starts"; finish; }
login cm "$PW" >/dev/null
LJ=$T_DIR/lead.jar
login lead "$PW" "$LJ" >/dev/null
P=$(sql "SELECT id FROM persons WHERE ext_id = 'P7'")
r=$(api POST /api/clues "{\"received\":\"2022-06-30\",\"source\":\"report\",\"summary\":\"反映其违规吃喝\",\"subjects\":[$P],\"categories\":[\"eight_rules\"],\"confirm\":true}")
expect_eq "a clue registered with a category: 201" 201 "$(status "$r")"
C=$(body "$r" | jget '["id"]')
expect_eq "its categories corrected: 200" 200 "$(status "$(api POST "/api/clues/$C/categories" '{"categories":["integrity","work"]}')")"
r=$(api POST "/api/clues/$C/dispositions" '{"method":"talk_inquiry","reason":"拟谈话函询"}')
D=$(body "$r" | jget '["id"]')
expect_eq "a disposition approved: 200" 200 \
	"$(status "$(api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2022-07-04"}' "$LJ")")"
O=$(sql "SELECT min(id) FROM outcomes WHERE day >= '2022-01-01'")
expect_eq "a follow-up visit: 201" 201 "$(status "$(api POST "/api/outcomes/$O/followups" '{"day":"2022-09-01","note":"回访"}')")"
# corrections of daily supervision (tedit15, t221): talks and reports are read
# by live statements, not rolled up, and a correction never moves an outcome;
# the check below and the rollup = live loop hold after them
TK=$(sql "SELECT min(id) FROM talks WHERE kind = 'heart' AND day LIKE '2022-%'")
expect_eq "a talk's kind and day corrected (heart 2022 -> reminder 2021-12-31): 200" 200 \
	"$(status "$(api PUT "/api/talks/$TK" '{"reason":"登记错误","kind":"reminder","day":"2021-12-31"}')")"
MR=$(sql "SELECT min(id) FROM matter_reports")
expect_eq "a report's reported day corrected: 200" 200 \
	"$(status "$(api PUT "/api/matter-reports/$MR" '{"reason":"登记错误","reported":"2022-06-30"}')")"
stop_server

# ---- corrections the platform has no page for (an operator's SQL) -------------
K=$(sql "SELECT min(k.id) FROM clues k JOIN cases c ON c.clue_id = k.id JOIN outcomes o ON o.case_id = c.id WHERE k.source <> 'audit'")
sql "UPDATE clues SET source = 'audit' WHERE id = $K"
A=$(sql "SELECT min(id) FROM cases WHERE closed IS NULL")
sql "UPDATE cases SET organ_kind = 'township', closed = '2022-12-31', state = 'closed' WHERE id = $A"
A2=$(sql "SELECT min(case_id) FROM case_categories")
sql "DELETE FROM case_categories WHERE case_id = $A2"
sql "INSERT INTO case_categories (case_id, category) VALUES ($A2, 'eight_rules')"
sql "UPDATE clue_subjects SET rank = 'section' WHERE clue_id = (SELECT min(clue_id) FROM clue_subjects WHERE rank = 'staff')"
sql "UPDATE outcomes SET form = 2, sanctioned = 1 WHERE id = (SELECT max(id) FROM outcomes WHERE form = 1)"
OD=$(sql "SELECT max(o.id) FROM outcomes o WHERE NOT EXISTS (SELECT 1 FROM followups f WHERE f.outcome_id = o.id) AND NOT EXISTS (SELECT 1 FROM appeals x WHERE x.outcome_id = o.id)")
sql "DELETE FROM outcome_measures WHERE outcome_id = $OD" 2>/dev/null
sql "DELETE FROM outcomes WHERE id = $OD"
expect_eq "the outcome is gone" 0 "$(sql "SELECT count(*) FROM outcomes WHERE id = $OD")"
run_cli stats check
expect_eq "stats check after the changes: 0" 0 "$RC"

# ---- the rollup reads what the live statements read -------------------------
TOWN_UNIT=$(sql "SELECT id FROM units WHERE ext_id = 'U3'")
ready_user town --role township --unit "$TOWN_UNIT" --password-stdin --db "$DB" >/dev/null
UNIT=$(sql "SELECT id FROM units WHERE ext_id = 'U1'")
CAMP=$(sql "SELECT min(id) FROM campaigns")
expect_eq "metric_days is read (the rollup is on)" 1 "$(sql "SELECT live FROM metric_state")"
for period in "--year 2022" "--year 2022 --quarter 3" "--from 2022-06-30 --to 2022-06-30" \
	"--from 2021-07-01 --to 2022-06-30"; do
	for scope in "" "--unit $UNIT" "--campaign $CAMP" "--category eight_rules" "--source judicial" \
		"--organ township" "--rank section" "--top-leader" "--leadership" "--key-persons" "--user town" \
		"--kind spot_check+cross_check" "--kind spot_check --category eight_rules"; do
		rollup_eq "$period" "$scope"
	done
done
# the problems' kind with a campaign (0078: dim kind_campaign)
rollup_eq "--year 2022" "--kind cross_check+supervision_bulletin --campaign $CAMP"
# the equality above is not the live statement answering twice: a row of
# metric_days changed by hand moves the figure read through the rollup only
clues22() { "$@" report --format json --year 2022 "${SCOPE[@]}" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "clues_received"][0])'; }
SCOPE=()
live=$(clues22 env QF_METRICS_LIVE=1 "$QF_BIN")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'clue_received' AND dim = '' AND day = '2022-06-30'"
expect_eq "the whole commission's figure reads metric_days" "$((live + 1000))" "$(clues22 "$QF_BIN")"
SCOPE=(--unit "$UNIT")
live=$(clues22 env QF_METRICS_LIVE=1 "$QF_BIN")
ROW=$(sql "SELECT val || ' ' || day FROM metric_days WHERE stat = 'clue_received' AND dim = 'unit' AND day LIKE '2022-%' AND val IN (SELECT CAST(id AS TEXT) FROM units WHERE parent_id = $UNIT) ORDER BY val, day LIMIT 1")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'clue_received' AND dim = 'unit' AND val = '${ROW% *}' AND day = '${ROW#* }'"
expect_eq "a unit's figure reads metric_days for the units below it" "$((live + 1000))" "$(clues22 "$QF_BIN")"
run_cli stats rebuild

# ---- the check can fail ---------------------------------------------------------
# one trigger dropped (the one that adds a new follow-up visit): the write is
# not counted, and the check says where
if [ "$BACKEND" = pg ]; then sql "DROP TRIGGER metric_followups_ai ON followups"; else sql "DROP TRIGGER metric_followups_ai"; fi
sql "INSERT INTO followups (region, outcome_id, day, created_at) VALUES ('230100', $O, '2022-10-10', 0)"
run_cli stats check
expect_eq "stats check with a trigger missing: 1" 1 "$RC"
expect_contains "... naming the row" "followup" "$OUT"
expect_contains "... and the day" "2022-10-10" "$OUT"
run_cli stats rebuild
expect_eq "stats rebuild: 0" 0 "$RC"
run_cli stats check
expect_eq "... then the check passes" 0 "$RC"

# ---- the bulk-load switch ----------------------------------------------------------
sql "UPDATE metric_state SET live = 0"
before=$(sql "SELECT count(*) FROM metric_days")
sql "INSERT INTO followups (region, outcome_id, day, created_at) VALUES ('230100', $O, '2022-10-11', 0)"
expect_eq "live = 0: the triggers stand still" "$before" "$(sql "SELECT count(*) FROM metric_days")"
a=$("$QF_BIN" report --format json --year 2022 2>&1); b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --format json --year 2022 2>&1)
expect_eq "... and the figures come from the records" "$b" "$a"
run_cli stats check
expect_eq "stats check while off: 1, saying so" "1 1" "$RC $(grep -c 'rollup is off' <<<"$ERR")"
run_cli stats rebuild
run_cli stats check
expect_eq "stats rebuild turns it on again and the check passes" "0 1" "$RC $(sql "SELECT live FROM metric_state")"
run_cli stats
expect_eq "stats without a verb: usage (2)" 2 "$RC"
check "no sanitizer report from the commands" cli_clean
finish
