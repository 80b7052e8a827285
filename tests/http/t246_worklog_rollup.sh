#!/usr/bin/env bash
# t246_worklog_rollup: the work log's sums in the statistics rollup (issue
# 16, wlog16g; migration 0089: stat `activity` on the activity's day, n its
# count, f1 its participants; dims '', unit, campaign, category, kind,
# kind_campaign, kind_category; docs/statistics.md "The families' rows").
# - After the demo year, activities written through the API (one, and two
#   in a batch), then corrected as an operator would (no page edits an
#   activity: its kind, category, campaign, day, count, participants and
#   unit changed, a title changed (no stat reads it), two changed by one
#   statement, one deleted): every row of metric_days' stat `activity`
#   equals the same sums computed by SQL over activities, and no sum is
#   left over (the EXCEPT both ways).
# - The work log's figures (activities, activity_participants) read
#   through the rollup equal the live statements (QF_METRICS_LIVE=1) for
#   every scope the annual report asks (none, unit, campaign, category, a
#   kind list alone, with a campaign, with a category, a unit with a kind)
#   and the annual report's text is the same both ways; the rollup is what
#   is read (a kind_campaign row changed by hand moves the figure); `stats
#   check` agrees.
# - The integrity files' figure, read in the person's order when the period
#   holds more than a quarter of the updates and no unit is asked (q_talks.c
#   Q_M_INTEGRITY_FILES_PERSON, SQLite; ratings16h), else on the day range,
#   equals count(DISTINCT person_id) over integrity_updates for 2022,
#   2021-2022 (three persons updated in both years: the person's order),
#   March 2022 and an empty year (the day range), and 2022 with a unit.
# Before 0089 metric_days had no `activity` rows (the first comparison
# fails: every expected row is missing) and the hand-made row moved nothing.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"

# the rows the rollup must hold, from activities (the live statements' sums:
# store/q_worklog.c Q_M_COUNT, Q_M_PEOPLE), and the rollup's non-empty rows
S="day, CAST(sum(count) AS BIGINT) AS n, CAST(sum(participants) AS BIGINT) AS f1 FROM activities"
CAT="category IS NOT NULL AND category <> ''"
EXP="SELECT '' AS dim, '' AS val, $S GROUP BY day
 UNION ALL SELECT 'unit', CAST(unit_id AS TEXT), $S WHERE unit_id IS NOT NULL GROUP BY unit_id, day
 UNION ALL SELECT 'campaign', CAST(campaign_id AS TEXT), $S WHERE campaign_id IS NOT NULL GROUP BY campaign_id, day
 UNION ALL SELECT 'category', category, $S WHERE $CAT GROUP BY category, day
 UNION ALL SELECT 'kind', kind, $S GROUP BY kind, day
 UNION ALL SELECT 'kind_campaign', kind || ':' || CAST(campaign_id AS TEXT), $S WHERE campaign_id IS NOT NULL
	GROUP BY kind, campaign_id, day
 UNION ALL SELECT 'kind_category', kind || ':' || category, $S WHERE $CAT GROUP BY kind, category, day"
ROLL="SELECT dim, val, day, n, f1 FROM metric_days WHERE stat = 'activity' AND (n <> 0 OR f1 <> 0)"
# cells WHAT: the rows of the rollup equal SQL over activities, both ways
cells() {
	local miss extra
	miss=$(sql "SELECT count(*) FROM (SELECT * FROM ($EXP) e EXCEPT SELECT * FROM ($ROLL) r) x")
	extra=$(sql "SELECT count(*) FROM (SELECT * FROM ($ROLL) r EXCEPT SELECT * FROM ($EXP) e) x")
	expect_eq "$1: metric_days' activity rows equal the sums over activities (missing, extra)" "0 0" "$miss $extra"
}
check "the demo year has activities of several kinds" test "$(sql "SELECT count(DISTINCT kind) FROM activities")" -ge 2
cells "after the demo year"

# ---- writes through the API ---------------------------------------------------------------
U1=$(sql "SELECT min(id) FROM units WHERE kind = 'township'")
U2=$(sql "SELECT max(id) FROM units WHERE kind = 'township'")
CAMP=$(sql "SELECT min(id) FROM campaigns")
CAMP2=$(sql "SELECT max(id) FROM campaigns")
start_server || { not_ok "server starts"; finish; }
login cm "$PW" >/dev/null
r=$(api POST /api/worklog "{\"kind\":\"spot_check\",\"date\":\"2022-05-20\",\"title\":\"t246 抽查\",\"count\":7,\"participants\":3,\"unit_id\":$U1,\"campaign_id\":$CAMP,\"category\":\"eight_rules\"}")
expect_eq "an activity through the API: 201" 201 "$(status "$r")"
A1=$(body "$r" | jget '["id"]')
r=$(api POST /api/worklog/batch "{\"rows\":[{\"kind\":\"cross_check\",\"date\":\"2022-05-20\",\"title\":\"t246 批一\",\"count\":2,\"participants\":5,\"unit_id\":$U2,\"campaign_id\":$CAMP2},{\"kind\":\"spot_check\",\"date\":\"2022-11-02\",\"title\":\"t246 批二\",\"count\":4,\"participants\":0,\"category\":\"eight_rules\"}]}")
check "two activities in a batch through the API" test "$(status "$r")" -lt 300
stop_server
expect_eq "... all three stored" 3 "$(sql "SELECT count(*) FROM activities WHERE title LIKE 't246%'")"
cells "after the API's writes"
check "... rows of every dimension, kind_category among them" test "$(sql "SELECT count(DISTINCT dim) FROM metric_days \
	WHERE stat = 'activity' AND n <> 0")" -eq 7
B1=$(sql "SELECT id FROM activities WHERE title = 't246 批一'")
B2=$(sql "SELECT id FROM activities WHERE title = 't246 批二'")

# ---- an operator's corrections (no page edits an activity) ----------------------------------
sql "UPDATE activities SET kind = 'cross_check' WHERE id = $A1"
cells "the kind corrected"
sql "UPDATE activities SET category = 'eight_rules' WHERE id = $B1"
sql "UPDATE activities SET category = NULL WHERE id = $A1"
cells "a category added and one removed"
sql "UPDATE activities SET campaign_id = $CAMP WHERE id = $B1"
sql "UPDATE activities SET campaign_id = NULL WHERE id = $A1"
cells "a campaign changed and one removed"
sql "UPDATE activities SET day = '2021-12-31', count = 9, participants = 11, unit_id = $U2 WHERE id = $A1"
sql "UPDATE activities SET title = 't246 改' WHERE id = $B2"
cells "the day (across a year end), count, participants and unit changed, a title"
sql "UPDATE activities SET kind = 'spot_check', count = count + 1 WHERE id IN ($B1, $B2)"
cells "two activities changed by one statement"
sql "DELETE FROM activities WHERE id = $B1"
expect_eq "an operator deletes an activity: gone" 0 "$(sql "SELECT count(*) FROM activities WHERE id = $B1")"
cells "after the delete"
run_cli stats check
expect_eq "stats check after the corrections: 0" 0 "$RC"

# ---- the figures: the rollup against the live statements ------------------------------------
for scope in "" "--unit $U2" "--campaign $CAMP" "--category eight_rules" "--kind spot_check" \
	"--kind spot_check+cross_check --campaign $CAMP" "--kind spot_check+cross_check --category eight_rules" \
	"--unit $U1 --kind spot_check"; do
	rollup_eq "--year 2022" "$scope"
done
rollup_eq "--year 2021" "--kind cross_check"
rollup_eq "--from 2022-05-20 --to 2022-05-20" "--category eight_rules"
a=$("$QF_BIN" report --annual --year 2022 2>"$T_DIR/a.err")
b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --annual --year 2022 2>"$T_DIR/b.err")
expect_eq "the annual report's text: the same through the rollup and live" "$b" "$a"
check "... rendered both times" grep -q '年度报告已生成' "$T_DIR/a.err" "$T_DIR/b.err"

# ---- the rollup is what is read -----------------------------------------------------------
acts() { "$@" report --format json --year 2022 --kind spot_check --campaign "$CAMP" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "activities"][0])'; }
live=$(acts env QF_METRICS_LIVE=1 "$QF_BIN")
DAYK=$(sql "SELECT min(day) FROM metric_days WHERE stat = 'activity' AND dim = 'kind_campaign' AND val = 'spot_check:$CAMP' AND day LIKE '2022%'")
sql "UPDATE metric_days SET n = n + 1000 WHERE stat = 'activity' AND dim = 'kind_campaign' AND val = 'spot_check:$CAMP' AND day = '$DAYK'"
expect_eq "a kind's activities in a campaign read metric_days (0089)" "$((live + 1000))" "$(acts "$QF_BIN")"
run_cli stats check
expect_eq "... and stats check finds the row changed by hand: 1" 1 "$RC"
run_cli stats rebuild
expect_eq "stats rebuild: 0, the figure the live one again" "0 $live" "$RC $(acts "$QF_BIN")"
cells "after stats rebuild"
# ---- the integrity files: a long period read in the person's order (q_talks.c) -----------------
# integrity_files PERIOD...: the figure through report; ifiles FROM TO: count(DISTINCT) in SQL
ifig() { "$QF_BIN" report --format json "$@" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == "integrity_files"][0])'; }
ifiles() { sql "SELECT count(DISTINCT person_id) FROM integrity_updates WHERE day >= '$1' AND day <= '$2'"; }
check "the demo year has integrity files' updates" test "$(ifiles 2022-01-01 2022-12-31)" -gt 0
sql "INSERT INTO integrity_updates (person_id, day, created_at) SELECT person_id, '2021-12-31', 0 FROM integrity_updates WHERE day LIKE '2022%' ORDER BY id LIMIT 3"
expect_eq "integrity_files of 2022 (the person's order): the persons counted once" "$(ifiles 2022-01-01 2022-12-31)" "$(ifig --year 2022)"
expect_eq "... of 2021-2022 (persons of both years once)" "$(ifiles 2021-01-01 2022-12-31)" "$(ifig --from 2021-01-01 --to 2022-12-31)"
expect_eq "... of March 2022" "$(ifiles 2022-03-01 2022-03-31)" "$(ifig --from 2022-03-01 --to 2022-03-31)"
# which read each period takes: more than a quarter of the updates ever written (max(id))
share() { sql "SELECT CASE WHEN count(*) * 4 > (SELECT max(id) FROM integrity_updates) THEN 'person' ELSE 'day' END
	FROM integrity_updates WHERE day >= '$1' AND day <= '$2'"; }
expect_eq "... 2022 and 2021-2022 read in the person's order, March 2022 on the day range" "person person day" \
	"$(share 2022-01-01 2022-12-31) $(share 2021-01-01 2022-12-31) $(share 2022-03-01 2022-03-31)"
expect_eq "... of 2026 (no update: the day range)" "$(ifiles 2026-01-01 2026-12-31)" "$(ifig --year 2026)"
IU=$(sql "SELECT p.unit_id FROM integrity_updates i JOIN persons p ON p.id = i.person_id WHERE i.day LIKE '2022%' LIMIT 1")
expect_eq "... of 2022 for one unit and those below it (the day range)" "$(sql "WITH RECURSIVE sub(id) AS
	(SELECT CAST($IU AS BIGINT) UNION SELECT c.id FROM units c JOIN sub ON c.parent_id = sub.id)
	SELECT count(DISTINCT i.person_id) FROM integrity_updates i JOIN persons p ON p.id = i.person_id
	WHERE i.day >= '2022-01-01' AND i.day <= '2022-12-31' AND p.unit_id IN (SELECT id FROM sub)")" \
	"$(ifig --year 2022 --unit "$IU")"
check "no sanitizer report from the commands" cli_clean
finish
