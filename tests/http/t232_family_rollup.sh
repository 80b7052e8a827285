#!/usr/bin/env bash
# t232_family_rollup: the figures of the families counted live at scale
# (issue 16, fam16; docs/statistics.md "The rollup metric_days" and "The
# figures read in groups").
# - Ratings in the rollup (migration 0069: stat `rating`, n all, f1 five
#   stars, dims '' and unit): after the demo year `stats check` agrees and
#   metric_days holds every rating; ratings written by an import (the write
#   path of the ferried and imported ratings; a small file: the triggers
#   count them) and corrected as an operator would (no page edits a
#   rating: its day moved across a year end, its unit moved, five stars
#   made two, one deleted) move metric_days exactly as the live statement
#   counts (`stats check`, and `report` through the rollup equal to
#   QF_METRICS_LIVE=1 for the year, the year before, a quarter, a day, a
#   unit and a township user); the rollup is what is read (a row changed
#   by hand moves the figure); `stats rebuild` gives the same figures; with
#   the switch off the triggers stand still and the figures are the live ones.
# - Problems in the rollup (migration 0076: stat `problem` on the found
#   day, n found, f1 top leader, f2 common, f3 individual; stat
#   `problem_rectified` on the rectified day; dims '', unit, campaign): a
#   problem added through the API, edited on its page to another unit,
#   campaign, day, flag and nature, rectified (申请销号) and returned (退回)
#   through the API, then deleted by an operator, moves each cell of
#   metric_days as the records count it; the figures by campaign and unit
#   read through the rollup equal the live statements.
# - The problems' kind and category (migration 0078: dims kind, category,
#   kind_campaign, kind_category, the activity's): the activity's kind
#   corrected by an operator, the problem moved on its page to another
#   activity and to none: the cells move as the records joined to their
#   activities count them, the figures equal the live ones, a hand-made
#   kind_campaign row moves problems_found, `stats check` agrees.
# - The work log's and the problems' figures read once in groups
#   (store/q_mgroups.c): after an activity and a problem written through
#   the API, every scope of kind, campaign, category and unit gives what
#   the per-key statements give (QF_METRICS_LIVE=1 keeps those), and the
#   annual report's text is the same both ways.
# - The inspections' figures of a round (the round as a set of
#   inspections) and the integrity files (0068) equal their live values.
# (`stats check` runs four times: about 5 s each on a loaded machine.)
# Before 0076 problems had no rollup rows (every cell check fails).
# Before this change ratings had no rollup rows (the check of the hand-made
# row fails) and the other figures were the per-key statements.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"
rated() { sql "SELECT count(*) FROM ratings WHERE day LIKE '$1%'"; }
rolled() { sql "SELECT COALESCE(sum(n), 0) || ' ' || COALESCE(sum(f1), 0) FROM metric_days WHERE stat = 'rating' AND dim = '' AND day LIKE '$1%'"; }
expect_eq "metric_days holds every rating of 2022, and its five-star ones" \
	"$(rated 2022) $(sql "SELECT count(*) FROM ratings WHERE day LIKE '2022%' AND stars = 5")" "$(rolled 2022)"

# ---- ratings written by an import (few lines: the triggers count them) ---------------
# two units with ratings (the demo's), by id and by the import's reference
U1=$(sql "SELECT unit_id FROM ratings GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1")
U2=$(sql "SELECT unit_id FROM ratings WHERE unit_id <> $U1 GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1")
X1=$(sql "SELECT ext_id FROM units WHERE id = $U1")
X2=$(sql "SELECT ext_id FROM units WHERE id = $U2")
before=$(rated 2022-03-15)
cat >"$T_DIR/r.jsonl" <<J
{"type":"rating","unit":"$X1","stars":5,"date":"2022-03-15","comment":"t232 一"}
{"type":"rating","unit":"$X1","stars":5,"date":"2022-03-15","comment":"t232 二"}
{"type":"rating","unit":"$X2","stars":3,"date":"2022-03-15","comment":"t232 三"}
{"type":"rating","unit":"$X2","stars":4,"date":"2022-12-31","comment":"t232 四"}
J
run_cli import "$T_DIR/r.jsonl"
expect_eq "four ratings import" 0 "$RC"
expect_eq "... the rollup live (not a bulk load)" 1 "$(sql "SELECT live FROM metric_state")"
expect_eq "... metric_days moved on their day: three more, two of five stars" \
	"$((before + 3)) $(sql "SELECT count(*) FROM ratings WHERE day = '2022-03-15' AND stars = 5")" "$(rolled 2022-03-15)"

# ---- an operator's corrections (no page edits a rating) ---------------------------------
R1=$(sql "SELECT id FROM ratings WHERE comment = 't232 一'")
R2=$(sql "SELECT id FROM ratings WHERE comment = 't232 二'")
R3=$(sql "SELECT id FROM ratings WHERE comment = 't232 三'")
R4=$(sql "SELECT id FROM ratings WHERE comment = 't232 四'")
sql "UPDATE ratings SET day = '2021-12-31' WHERE id = $R4"          # across a year end
sql "UPDATE ratings SET unit_id = $U1 WHERE id = $R3"               # another unit
sql "UPDATE ratings SET stars = 2 WHERE id = $R2"                   # out of the five-star count
sql "UPDATE ratings SET comment = 't232 改' WHERE id = $R1"          # a column no stat reads
sql "DELETE FROM ratings WHERE id = $R1"                            # out of every count
expect_eq "the deleted rating is gone" 0 "$(sql "SELECT count(*) FROM ratings WHERE id = $R1")"
expect_eq "metric_days on 2022-03-15: the deleted one out, the two-star one no longer of five stars" \
	"$((before + 2)) $(sql "SELECT count(*) FROM ratings WHERE day = '2022-03-15' AND stars = 5")" "$(rolled 2022-03-15)"
expect_eq "... and 2021-12-31 holds the moved one" "$(rated 2021-12-31) 0" "$(rolled 2021-12-31)"
run_cli stats check
expect_eq "stats check after the corrections: 0" 0 "$RC"

# ---- writes through the API: an activity and a problem ----------------------------------
start_server || { not_ok "server starts"; finish; }
login cm "$PW" >/dev/null
CAMP=$(sql "SELECT min(id) FROM campaigns")
r=$(api POST /api/worklog "{\"kind\":\"spot_check\",\"date\":\"2022-05-20\",\"title\":\"t232 抽查\",\"count\":7,\"participants\":3,\"unit_id\":$U1,\"campaign_id\":$CAMP,\"category\":\"eight_rules\"}")
expect_eq "an activity through the API: 201" 201 "$(status "$r")"
AID=$(body "$r" | jget '["id"]')
r=$(api POST /api/problems "{\"unit_id\":$U2,\"source\":\"campaign\",\"campaign_id\":$CAMP,\"activity_id\":$AID,\"summary\":\"t232 问题\",\"found\":\"2022-05-21\",\"deadline\":\"2022-08-21\",\"top_leader\":true,\"nature\":\"common\"}")
expect_eq "a problem of that activity through the API: 201" 201 "$(status "$r")"
PA=$(body "$r" | jget '["id"]')

# ---- a problem's writes move the rollup (0076) exactly as the live statements count ----------
# pcell STAT DIM VAL DAY: metric_days' n f1 f2 f3; plive WHERE: the same counted from problems
pcell() { sql "SELECT COALESCE(sum(n), 0) || ' ' || COALESCE(sum(f1), 0) || ' ' || COALESCE(sum(f2), 0) || ' ' || COALESCE(sum(f3), 0) FROM metric_days WHERE stat = '$1' AND dim = '$2' AND val = '$3' AND day = '$4'"; }
plive() { sql "SELECT count(*) || ' ' || COALESCE(sum(top_leader), 0) || ' ' || COALESCE(sum(CASE WHEN nature = 'common' THEN 1 ELSE 0 END), 0) || ' ' || COALESCE(sum(CASE WHEN nature = 'individual' THEN 1 ELSE 0 END), 0) FROM problems WHERE $1"; }
rlive() { sql "SELECT count(*) || ' 0 0 0' FROM problems WHERE state = 'rectified' AND $1"; }
# pcells LABEL DAY U C: the found day's cells of '', unit U and campaign C against the records
pcells() {
	expect_eq "$1: the found day's count (no scope)" "$(plive "found = '$2'")" "$(pcell problem '' '' "$2")"
	expect_eq "... of the unit" "$(plive "found = '$2' AND unit_id = $3")" "$(pcell problem unit "$3" "$2")"
	expect_eq "... of the campaign" "$(plive "found = '$2' AND campaign_id = $4")" "$(pcell problem campaign "$4" "$2")"
}
CAMP2=$(sql "SELECT max(id) FROM campaigns")
r=$(api POST /api/problems "{\"unit_id\":$U2,\"source\":\"campaign\",\"campaign_id\":$CAMP,\"summary\":\"t232 移动\",\"found\":\"2022-07-11\",\"deadline\":\"2099-08-21\",\"top_leader\":true,\"nature\":\"common\"}")
expect_eq "a second problem through the API: 201" 201 "$(status "$r")"
PM=$(body "$r" | jget '["id"]')
check "... counted on its found day (2022-07-11)" test "$(pcell problem unit "$U2" 2022-07-11)" = "1 1 1 0"
pcells "the new problem" 2022-07-11 "$U2" "$CAMP"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
	--data-urlencode "unit_id=$U1" --data-urlencode "source=campaign" --data-urlencode "campaign_id=$CAMP2" \
	--data-urlencode "summary=t232 移动" --data-urlencode "found=2022-08-03" --data-urlencode "deadline=2099-08-21" \
	--data-urlencode "nature=individual" "$BASE/problems/$PM/edit")
expect_eq "its edit (another unit, campaign, day; no longer top leader, individual): 303" 303 "$st"
pcells "the day it left" 2022-07-11 "$U2" "$CAMP"
pcells "the day it moved to" 2022-08-03 "$U1" "$CAMP2"
check "... counted there as individual, not top leader" test "$(pcell problem unit "$U1" 2022-08-03)" = "$(plive "found = '2022-08-03' AND unit_id = $U1")"
ready_user rx --role rectifier --unit "$U1" --password-stdin --db "$DB" >/dev/null
RX=$T_DIR/rx.jar
expect_eq "the unit's rectification account logs in" 303 "$(login rx "$PW" "$RX")"
expect_eq "... starts" 200 "$(status "$(api POST "/api/problems/$PM/start" '{"measures":"t232 整改"}' "$RX")")"
make_png "$T_DIR/ev.png" 20 20
curl -s -o /dev/null -b "$RX" -H "X-CSRF-Token: $(csrf_of "$RX")" -F "file=@$T_DIR/ev.png" "$BASE/api/problems/$PM/attachments"
expect_eq "... asks to close it (申请销号)" 200 "$(status "$(api POST "/api/problems/$PM/apply" '{}' "$RX")")"
RD=$(sql "SELECT rectified FROM problems WHERE id = $PM")
check "... rectified on a day ($RD)" test -n "$RD"
expect_eq "problem_rectified on that day (no scope)" "$(rlive "rectified = '$RD'")" "$(pcell problem_rectified '' '' "$RD")"
expect_eq "... of the unit" "$(rlive "rectified = '$RD' AND unit_id = $U1")" "$(pcell problem_rectified unit "$U1" "$RD")"
expect_eq "... of the campaign: one" "1 0 0 0" "$(pcell problem_rectified campaign "$CAMP2" "$RD")"
expect_eq "the office returns it (退回)" 200 "$(status "$(api POST "/api/problems/$PM/return" '{"note":"t232 佐证不足"}')")"
expect_eq "... out of problem_rectified: the campaign's cell and its records none" "0 0 0 0 0 0 0 0" \
	"$(pcell problem_rectified campaign "$CAMP2" "$RD") $(rlive "rectified = '$RD' AND campaign_id = $CAMP2")"

# ---- kind and category follow the activity (0078) ---------------------------------------------
# kcell DIM VAL: the cell of problem PA's found day (2022-05-21); klive COND: the same counted
# from the problems of that day joined to their activities (the live statements' definition)
kcell() { sql "SELECT COALESCE(sum(n), 0) FROM metric_days WHERE stat = 'problem' AND dim = '$1' AND val = '$2' AND day = '2022-05-21'"; }
klive() { sql "SELECT count(*) FROM problems p JOIN activities a ON a.id = p.activity_id WHERE p.found = '2022-05-21' AND $1"; }
kchecks() {
	expect_eq "$1: kind spot_check, cross_check, two_letters on its day as the records" \
		"$(klive "a.kind = 'spot_check'") $(klive "a.kind = 'cross_check'") $(klive "a.kind = 'two_letters'")" \
		"$(kcell kind spot_check) $(kcell kind cross_check) $(kcell kind two_letters)"
	expect_eq "... with the campaign, with the category, the category" \
		"$(klive "a.kind = 'spot_check' AND p.campaign_id = $CAMP") $(klive "a.kind = 'cross_check' AND p.campaign_id = $CAMP") $(klive "a.kind = 'spot_check' AND a.category = 'eight_rules'") $(klive "a.category = 'eight_rules'")" \
		"$(kcell kind_campaign "spot_check:$CAMP") $(kcell kind_campaign "cross_check:$CAMP") $(kcell kind_category spot_check:eight_rules) $(kcell category eight_rules)"
	expect_eq "... every kind's cells: the problems with an activity, no more" \
		"$(klive "1 = 1")" "$(sql "SELECT COALESCE(sum(n), 0) FROM metric_days WHERE stat = 'problem' AND dim = 'kind' AND day = '2022-05-21'")"
}
k0=$(kcell kind_category spot_check:eight_rules)
check "the activity's problem is under its kind, campaign and category" test "$k0" -ge 1
kchecks "before"
sql "UPDATE activities SET kind = 'cross_check', category = NULL WHERE id = $AID"   # an operator's correction
expect_eq "the activity's kind corrected: its problem left spot_check's category cell" "$((k0 - 1))" \
	"$(kcell kind_category spot_check:eight_rules)"
kchecks "... and every cell moved as the records count"
for scope in "--kind cross_check" "--kind spot_check+cross_check --campaign $CAMP" "--kind spot_check --category eight_rules" \
	"--category eight_rules"; do
	rollup_eq "--year 2022" "$scope"
done
kfound() { "$@" report --format json --year 2022 --kind cross_check --campaign "$CAMP" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "problems_found"][0])'; }
klive22=$(kfound env QF_METRICS_LIVE=1 "$QF_BIN")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'problem' AND dim = 'kind_campaign' AND val = 'cross_check:$CAMP' AND day = '2022-05-21'"
expect_eq "a kind's problems_found in a campaign reads metric_days (0078)" "$((klive22 + 1000))" "$(kfound "$QF_BIN")"
sql "UPDATE metric_days SET n = n - 1000 WHERE stat = 'problem' AND dim = 'kind_campaign' AND val = 'cross_check:$CAMP' AND day = '2022-05-21'"
r=$(api POST /api/worklog "{\"kind\":\"two_letters\",\"date\":\"2022-05-20\",\"title\":\"t232 两函\",\"count\":1,\"unit_id\":$U1,\"category\":\"eight_rules\"}")
expect_eq "a second activity through the API: 201" 201 "$(status "$r")"
AID2=$(body "$r" | jget '["id"]')
# pedit ACTIVITY: the problem's edit page with its fields as written and that activity ("" none)
pedit() { curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
	--data-urlencode "unit_id=$U2" --data-urlencode "source=campaign" --data-urlencode "campaign_id=$CAMP" \
	--data-urlencode "activity_id=$1" --data-urlencode "summary=t232 问题" --data-urlencode "found=2022-05-21" \
	--data-urlencode "deadline=2022-08-21" --data-urlencode "top_leader=1" --data-urlencode "nature=common" \
	"$BASE/problems/$PA/edit"; }
expect_eq "the problem moved to the second activity on its page: 303" 303 "$(pedit "$AID2")"
expect_eq "... its activity is the second" "$AID2" "$(sql "SELECT activity_id FROM problems WHERE id = $PA")"
kchecks "... the cells moved to two_letters"
expect_eq "... counted under two_letters with its category" "$(klive "a.kind = 'two_letters' AND a.category = 'eight_rules'")" \
	"$(kcell kind_category two_letters:eight_rules)"
rollup_eq "--year 2022" "--kind two_letters"
expect_eq "the problem's activity removed on its page: 303" 303 "$(pedit "")"
kchecks "... counted under no kind"
for scope in "--kind two_letters" "--kind two_letters+cross_check --category eight_rules"; do
	rollup_eq "--year 2022" "$scope"
done
run_cli stats check
expect_eq "stats check after the activities' and the problem's changes: 0" 0 "$RC"
stop_server
sql "DELETE FROM problem_steps WHERE problem_id = $PM"
sql "DELETE FROM attachments WHERE obj_type = 'problem' AND obj_id = $PM"
sql "DELETE FROM problems WHERE id = $PM"
expect_eq "an operator deletes the problem: gone" 0 "$(sql "SELECT count(*) FROM problems WHERE id = $PM")"
pcells "... its found day" 2022-08-03 "$U1" "$CAMP2"
rollup_eq "--year ${RD%%-*}" "--unit $U1"
rollup_eq "--year ${RD%%-*}" ""

# ---- every figure: the rollup and the groups against the live statements ------------------
TOWN_UNIT=$(sql "SELECT min(id) FROM units WHERE kind = 'township'")
ready_user town --role township --unit "$TOWN_UNIT" --password-stdin --db "$DB" >/dev/null
ROUND=$(sql "SELECT min(number) FROM inspection_rounds WHERE starts LIKE '2022%'")
for scope in "" "--unit $U1" "--user town" "--campaign $CAMP" "--campaign $CAMP2" "--kind spot_check+cross_check --campaign $CAMP" \
	"--kind spot_check --category eight_rules" "--unit $U2 --kind spot_check" "--round ${ROUND:-1}"; do
	rollup_eq "--year 2022" "$scope"
done
for period in "--year 2021" "--year 2022 --quarter 1" "--from 2022-03-15 --to 2022-03-15"; do
	rollup_eq "$period" "--unit $U1"
done
a=$("$QF_BIN" report --annual --year 2022 2>"$T_DIR/a.err")
b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --annual --year 2022 2>"$T_DIR/b.err")
expect_eq "the annual report's text: the same in groups and per key" "$b" "$a"
check "... rendered both times" grep -q '年度报告已生成' "$T_DIR/a.err" "$T_DIR/b.err"

# ---- the rollup is read, and stats rebuild gives the same -----------------------------------
ratings22() { "$@" report --format json --year 2022 | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "ratings"][0])'; }
live=$(ratings22 env QF_METRICS_LIVE=1 "$QF_BIN")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'rating' AND dim = '' AND day = '2022-03-15'"
expect_eq "the ratings figure reads metric_days" "$((live + 1000))" "$(ratings22 "$QF_BIN")"
run_cli stats check
expect_eq "... and stats check finds the row changed by hand: 1" 1 "$RC"
expect_contains "... naming the stat" "rating" "$OUT"
found22() { "$@" report --format json --year 2022 --campaign "$CAMP" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "problems_found"][0])'; }
plive22=$(found22 env QF_METRICS_LIVE=1 "$QF_BIN")
DAYC=$(sql "SELECT min(found) FROM problems WHERE campaign_id = $CAMP AND found LIKE '2022%'")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'problem' AND dim = 'campaign' AND val = '$CAMP' AND day = '$DAYC'"
expect_eq "a campaign's problems_found reads metric_days (0076)" "$((plive22 + 1000))" "$(found22 "$QF_BIN")"
before=$("$QF_BIN" report --format json --year 2022 2>&1)
run_cli stats rebuild
expect_eq "stats rebuild: 0" 0 "$RC"
expect_eq "... the figure is the live one again" "$live" "$(ratings22 "$QF_BIN")"
expect_eq "... and the campaign's problems_found" "$plive22" "$(found22 "$QF_BIN")"
expect_eq "... and every figure equals the live statements'" \
	"$(QF_METRICS_LIVE=1 "$QF_BIN" report --format json --year 2022 2>&1)" "$("$QF_BIN" report --format json --year 2022 2>&1)"

# ---- the switch off: the triggers stand still ----------------------------------------------
sql "UPDATE metric_state SET live = 0"
n0=$(sql "SELECT count(*) FROM metric_apply")$(rolled 2022-06)
sql "UPDATE ratings SET day = '2022-06-30' WHERE id = $R3"
expect_eq "live = 0: a rating moved leaves metric_days alone" "$n0" "$(sql "SELECT count(*) FROM metric_apply")$(rolled 2022-06)"
rollup_eq "--year 2022" ""
run_cli stats rebuild
run_cli stats check
expect_eq "stats rebuild turns it on again and the check passes" "0 1" "$RC $(sql "SELECT live FROM metric_state")"
check "no sanitizer report from the commands" cli_clean
finish
