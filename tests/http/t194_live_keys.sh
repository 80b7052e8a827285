#!/bin/bash
# t194_live_keys.sh: the last live statistics (issue 11; migration 0039,
# docs/statistics.md "the rollup").
# - accountabilities (问责), recovered (挽回经济损失) and returned (责令退回,
#   fen) read metric_days: for the whole commission and each campaign, over
#   a year, a quarter and a day, they equal the live statements
#   (QF_METRICS_LIVE=1, the definitions of DOMAIN.md section 6) after
#   records are added through the API, after an operator's corrections move
#   a record to another campaign and another day, change a recovery's kind
#   and amount, and delete records (the platform has no page that edits or
#   withdraws them); `qingfeng stats check` passes after each step;
# - a row of metric_days changed by hand moves the figure read (the read
#   path is the rollup, not the live statement twice);
# - detained (留置: distinct persons, not additive over days) stays a live
#   statement, composed for the scope member used: for no member and each
#   single member it equals the definition's count written here in SQL;
# - the annual report's text is the same through the rollup and the live
#   statements.
# Before this change the three keys had no rows in metric_days: the check
# on metric_days' rows and the hand-changed row fail on the old code.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"
run_cli stats check
expect_eq "stats check after the demo year: 0" 0 "$RC"
expect_eq "metric_days holds the three new stats" 3 \
	"$(sql "SELECT count(DISTINCT stat) FROM metric_days WHERE stat IN ('accountability', 'recovered', 'returned') AND n <> 0")"

CAMP=$(sql "SELECT min(id) FROM campaigns")
CAMP2=$(sql "SELECT max(id) FROM campaigns")
UNIT=$(sql "SELECT min(id) FROM units")
PERIODS=("--year 2022" "--year 2022 --quarter 4" "--from 2022-11-02 --to 2022-11-02" "--year 2021")

# the three keys of `report --format json` for ARGS (money in fen)
keys3() {
	"$@" | python3 -c '
import json, sys
print(" ".join("%s=%s" % (m["key"], m["value"]) for m in json.load(sys.stdin)["metrics"]
               if m["key"] in ("accountabilities", "recovered", "returned")))'
}

# same STEP: every period, no scope and both campaigns, rollup = live
same() {
	local period scope a b
	for period in "${PERIODS[@]}"; do
		for scope in "" "--campaign $CAMP" "--campaign $CAMP2"; do
			# shellcheck disable=SC2086
			a=$(keys3 "$QF_BIN" report --format json $period $scope)
			# shellcheck disable=SC2086
			b=$(keys3 env QF_METRICS_LIVE=1 "$QF_BIN" report --format json $period $scope)
			if [ -n "$a" ] && [ "$a" = "$b" ]; then
				ok "$1: rollup = live: $period ${scope:-(no scope)}"
			else
				not_ok "$1: rollup = live: $period ${scope:-(no scope)} ('$a' against '$b')"
			fi
		done
	done
	run_cli stats check
	expect_eq "$1: stats check: 0" 0 "$RC"
}
same "the demo year"

# ---- records added through the API ---------------------------------------------
start_server || { not_ok "server starts"; finish; }
login cm "$PW" >/dev/null
before=$(keys3 "$QF_BIN" report --format json --from 2022-11-02 --to 2022-11-02 --campaign "$CAMP")
r=$(api POST /api/accountabilities "{\"started\":\"2022-11-02\",\"unit_id\":$UNIT,\"campaign_id\":$CAMP,\"summary\":\"履行主体责任不力\"}")
expect_eq "an accountability of the campaign: 201" 201 "$(status "$r")"
A=$(body "$r" | jget '["id"]')
expect_eq "an accountability of no campaign: 201" 201 \
	"$(status "$(api POST /api/accountabilities "{\"started\":\"2022-11-02\",\"unit_id\":$UNIT,\"summary\":\"监督不力\"}")")"
r=$(api POST /api/recoveries "{\"day\":\"2022-11-02\",\"amount\":\"117526.73\",\"kind\":\"recovered\",\"campaign_id\":$CAMP}")
expect_eq "a recovery of the campaign: 201" 201 "$(status "$r")"
R=$(body "$r" | jget '["id"]')
r=$(api POST /api/recoveries "{\"day\":\"2022-11-02\",\"amount\":\"2725.2\",\"kind\":\"returned\",\"campaign_id\":$CAMP}")
expect_eq "money ordered returned: 201" 201 "$(status "$r")"
R2=$(body "$r" | jget '["id"]')
stop_server
# the day's figures of the campaign grew by exactly what was recorded
after=$(keys3 "$QF_BIN" report --format json --from 2022-11-02 --to 2022-11-02 --campaign "$CAMP")
expect_eq "the day's campaign figures before (the demo has none that day)" \
	"accountabilities=0 recovered=0 returned=0" "$before"
expect_eq "... and after the records: read from metric_days" \
	"accountabilities=1 recovered=11752673 returned=272520" "$after"
same "after the API's records"

# ---- an operator's corrections (no page edits or withdraws these records) ----------
sql "UPDATE accountabilities SET campaign_id = $CAMP2, started = '2021-12-31' WHERE id = $A"
sql "UPDATE recoveries SET campaign_id = $CAMP2 WHERE id = $R"
sql "UPDATE recoveries SET day = '2022-12-30', kind = 'recovered', amount_fen = 100, campaign_id = $CAMP2 WHERE id = $R2"
expect_eq "the records moved to the other campaign, to 2021 and to another day" \
	"accountabilities=0 recovered=0 returned=0" \
	"$(keys3 "$QF_BIN" report --format json --from 2022-11-02 --to 2022-11-02 --campaign "$CAMP")"
same "after moving records to another campaign, day, kind and amount"
sql "DELETE FROM recoveries WHERE id = $R"
sql "DELETE FROM accountabilities WHERE id = $A"
same "after deleting records"

# ---- the figure is read from metric_days ---------------------------------------------
live=$(keys3 env QF_METRICS_LIVE=1 "$QF_BIN" report --format json --year 2022 --campaign "$CAMP2")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'recovered' AND dim = 'campaign' AND val = '$CAMP2' AND day = '2022-12-30'"
want=$(python3 -c 'import sys; print(sys.argv[1].replace("recovered=%s" % sys.argv[2], "recovered=%d" % (int(sys.argv[2]) + 1000)))' \
	"$live" "$(sed 's/.*recovered=\([0-9]*\).*/\1/' <<<"$live")")
expect_eq "a row of metric_days changed by hand moves the campaign's money (+1000 fen)" "$want" \
	"$(keys3 "$QF_BIN" report --format json --year 2022 --campaign "$CAMP2")"
run_cli stats check
expect_eq "... which stats check finds: 1" 1 "$RC"
expect_contains "... naming the stat" "recovered" "$OUT"
run_cli stats rebuild
run_cli stats check
expect_eq "stats rebuild mends it: 0" 0 "$RC"

# ---- detained: a live statement composed per scope member -----------------------------
# the definition (DOMAIN.md section 6, 留置人数: persons whose detention
# started in the period), written here for each member
detained() {
	"$QF_BIN" report --format json --year 2022 "$@" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "detained"][0])'
}
DCAMP=$(sql "SELECT c.campaign_id FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id IS NOT NULL GROUP BY c.campaign_id ORDER BY count(*) DESC, c.campaign_id LIMIT 1")
DCAT=$(sql "SELECT cc.category FROM detentions d JOIN case_categories cc ON cc.case_id = d.case_id GROUP BY cc.category ORDER BY count(*) DESC, cc.category LIMIT 1")
DSRC=$(sql "SELECT k.source FROM detentions d JOIN cases c ON c.id = d.case_id JOIN clues k ON k.id = c.clue_id GROUP BY k.source ORDER BY count(*) DESC, k.source LIMIT 1")
DORG=$(sql "SELECT c.organ_kind FROM detentions d JOIN cases c ON c.id = d.case_id GROUP BY c.organ_kind ORDER BY count(*) DESC, c.organ_kind LIMIT 1")
YEAR="d.start_day >= '2022-01-01' AND d.start_day <= '2022-12-31'"
CNT="SELECT count(DISTINCT d.person_id) FROM detentions d JOIN cases c ON c.id = d.case_id LEFT JOIN case_subjects cs ON cs.case_id = d.case_id AND cs.person_id = d.person_id WHERE $YEAR"
all=$(sql "$CNT")
check "the demo year detains someone ($all)" test "$all" -gt 0
expect_eq "detained, no scope" "$all" "$(detained)"
expect_eq "detained, campaign $DCAMP" "$(sql "$CNT AND c.campaign_id = $DCAMP")" "$(detained --campaign "$DCAMP")"
expect_eq "detained, category $DCAT" "$(sql "$CNT AND EXISTS (SELECT 1 FROM case_categories cc WHERE cc.case_id = c.id AND cc.category = '$DCAT')")" \
	"$(detained --category "$DCAT")"
expect_eq "detained, source $DSRC" "$(sql "$CNT AND (SELECT k.source FROM clues k WHERE k.id = c.clue_id) = '$DSRC'")" \
	"$(detained --source "$DSRC")"
expect_eq "detained, organ $DORG" "$(sql "$CNT AND c.organ_kind = '$DORG'")" "$(detained --organ "$DORG")"
expect_eq "detained, key persons" "$(sql "$CNT AND (cs.top_leader = 1 OR cs.leadership = 1 OR cs.rank = 'section')")" \
	"$(detained --key-persons)"
expect_eq "detained, rank section and top leader (one subject both)" \
	"$(sql "$CNT AND cs.rank = 'section' AND cs.top_leader = 1")" "$(detained --rank section --top-leader)"
expect_eq "detained, unit $UNIT and below" \
	"$(sql "WITH RECURSIVE sub(id) AS (SELECT id FROM units WHERE id = $UNIT UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) $CNT AND COALESCE(cs.unit_id, c.unit_id) IN (SELECT id FROM sub)")" \
	"$(detained --unit "$UNIT")"
expect_eq "detained, campaign and category (two members: the full statement)" \
	"$(sql "$CNT AND c.campaign_id = $DCAMP AND EXISTS (SELECT 1 FROM case_categories cc WHERE cc.case_id = c.id AND cc.category = '$DCAT')")" \
	"$(detained --campaign "$DCAMP" --category "$DCAT")"

# ---- the annual report reads the same figures --------------------------------------
run_cli report --annual --year 2022
expect_eq "the annual report renders: 0" 0 "$RC"
a=$OUT
b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --annual --year 2022 2>/dev/null)
check "... the same text through the live statements" test -n "$a" -a "$a" = "$b"
check "no sanitizer report from the commands" cli_clean
finish
