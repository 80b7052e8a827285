#!/usr/bin/env bash
# t252_dash_first_view: what the home page's first view after a write reads,
# kept by triggers (issue 16, dash16i; migration 0095; bench/README.md
# "The dashboards' first view after a write at 10M").
# - The running clocks (trial reviews, a detention) counted by the office of
#   the case's lead (q_cases.c Q_CLOCKS_COUNT, now from cases.lead_office):
#   the dashboard's count of each office (its chart, 科室 · 逾期：N) equals
#   SQL over case_team and users (the definition: the lead's office, '' none,
#   未分配科室) with no lead, after leads added through the API in two
#   offices, a lead removed and another added (the case moves office), a
#   member that is not the lead added (nothing moves), and a lead's office
#   changed (users.office); and cases.lead_office equals the definition on
#   every case after each step.
# - The integrity files brought up to date in a whole year (更新廉政档案,
#   DOMAIN.md section 7: persons once each; q_metrics.c Q_PERSON_YEAR,
#   from person_years): the figure of 2022 and of 2021 (`report --year`, and
#   the dashboard's cell for 2022) equals count(DISTINCT person_id) over
#   integrity_updates after updates through the page, a person's second
#   update in the year, one in the year before, one moved from 2022 to 2021
#   and one deleted (SQL, as an operator's correction); person_years
#   equals the updates grouped by year and person.
# - The persons detained in a whole year (detained, the same table): the
#   figure of 2022 and 2021 equals count(DISTINCT person_id) over detentions
#   by start_day after a person's second detention in the year, another
#   person's in the year before, one moved across the year end and one
#   deleted (SQL); person_years equals the detentions by year and person.
# - After each step of both, person_year_counts (0108, the figure's count
#   per year that q_metrics.c Q_PERSON_YEAR reads) equals person_years
#   counted by year.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
for u in inv1:第一审查调查室 inv2:第二审查调查室 inv3:第一审查调查室; do
	ready_user "${u%%:*}" --role investigator --office "${u#*:}" --password-stdin --db "$DB" >/dev/null ||
		{ not_ok "user ${u%%:*}"; finish; }
done

# five cases in trial review (accepted 2022: overdue) and one with a running
# detention, each from its own clue; four section-level cadres
python3 - >"$T_DIR/a.jsonl" <<'PY'
import json
out = lambda **o: print(json.dumps(o, ensure_ascii=False))
out(type="unit", id="U1", name="甲局", kind="department", parent=None)
for i in range(1, 7):
    out(type="person", id=f"P{i}", name=f"钱{i}某", unit="U1", rank="section")
    out(type="clue", id=f"C{i}", received="2022-03-02", source="report", subjects=[f"P{i}"], summary="s")
    out(type="disposition", clue=f"C{i}", decided="2022-03-10", method="preliminary_verification")
    out(type="disposition", clue=f"C{i}", decided="2022-03-20", method="file_case", approved_by="县纪委书记",
        committee_by="县委书记", committee_day="2022-03-20")
    k = dict(type="case", id=f"A{i}", clue=f"C{i}", filed="2022-04-01", case_type="discipline",
             organ_kind="office", organ_name="第一审查调查室", categories=["integrity"])
    if i < 6:
        out(**k, transferred="2022-09-15", trial_accepted=f"2022-09-{20 + i}")
    else:
        out(**k)
        out(type="detention", case=f"A{i}", person=f"P{i}", start="2022-05-01", approved_by="省纪委监委",
            approved_day="2022-04-30", announced_at="2022-05-01T09:00")
PY
run_cli import "$T_DIR/a.jsonl"
expect_eq "five trial reviews and a running detention import" 0 "$RC"
[ "$RC" -eq 0 ] || echo "# $ERR"

# the detention's family and unit notified (no notice to-do: the clocks alone)
sql "INSERT INTO detention_notices (detention_id, party, notified_at, at)
	SELECT id, 'family', '2022-05-01T10:00', 0 FROM detentions UNION ALL
	SELECT id, 'unit', '2022-05-01T10:00', 0 FROM detentions"
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }
case_id() { sql "SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET $(($1 - 1))"; }       # A1..A6
team() { status "$(api POST "/api/cases/$(case_id "$1")/team" "{\"user_id\":$(uid "$2"),\"role\":\"$3\"}")"; }
expect_eq "six cases" 6 "$(sql "SELECT count(*) FROM cases")"

# the definition (before 0095 the statement itself): the running clocks by
# the office of the case's lead, '' none
LEAD="COALESCE((SELECT lu.office FROM case_team t JOIN users lu ON lu.id = t.user_id
	WHERE t.case_id = k.id AND t.role = 'lead' ORDER BY t.user_id LIMIT 1), '')"
want_offices() {
	sql "SELECT CASE WHEN o = '' THEN '未分配科室' ELSE o END || ':' || n FROM (SELECT o, count(*) AS n FROM (
		SELECT $LEAD AS o FROM detentions d JOIN cases k ON k.id = d.case_id WHERE d.end_day IS NULL
		UNION ALL SELECT $LEAD FROM cases k WHERE k.state = 'trial') c GROUP BY o) g ORDER BY 1" | tr '\n' ' '
}
# the dashboard's chart: each office's overdue count (all are overdue)
shown_offices() {
	curl -s -b "$JAR" "$BASE/" | grep -o '<title>[^<]* · 逾期：[0-9]*</title>' |
		sed 's/<title>//; s/ · 逾期：/:/; s/<\/title>//' | sort | tr '\n' ' '
}
# every case's kept office against the definition
drift() { sql "SELECT count(*) FROM cases k WHERE k.lead_office <> $LEAD"; }
# a write through the server: the to-do counts and the dashboard's data kept
# in the process (domain/kept.h) are dropped, as after any write
wrote=0
write() { wrote=$((wrote + 1)); api POST /api/units "{\"name\":\"写入$wrote\",\"kind\":\"township\"}" >/dev/null; }
step() {
	write
	expect_eq "$1: the dashboard's clocks by office equal SQL" "$(want_offices)" "$(shown_offices)"
	expect_eq "... cases.lead_office is the lead's office on every case" 0 "$(drift)"
}
step "no lead"
expect_eq "the dashboard: six clocks, none led" "未分配科室:6 " "$(shown_offices)"

expect_eq "inv1 leads case 1" 200 "$(team 1 inv1 lead)"
expect_eq "inv1 leads case 2" 200 "$(team 2 inv1 lead)"
expect_eq "inv2 leads case 3" 200 "$(team 3 inv2 lead)"
expect_eq "inv2 leads case 6 (the detention)" 200 "$(team 6 inv2 lead)"
step "leads of two offices"
expect_eq "... 3 and 1 unassigned: 2, 2, 2" "未分配科室:2 第一审查调查室:2 第二审查调查室:2 " "$(shown_offices)"

expect_eq "inv3 (第一审查调查室) joins case 3 as a member" 200 "$(team 3 inv3 member)"
step "a member that is not the lead"
C2=$(case_id 2)
expect_eq "inv1 leaves case 2" 200 "$(status "$(api POST "/api/cases/$C2/team/remove" "{\"user_id\":$(uid inv1)}")")"
step "a lead removed"
expect_eq "inv2 leads case 2" 200 "$(team 2 inv2 lead)"
step "case 2 led by another office"
expect_eq "... 第二审查调查室 has three" "未分配科室:2 第一审查调查室:1 第二审查调查室:3 " "$(shown_offices)"
sql "UPDATE users SET office = '第三审查调查室' WHERE name = 'inv2'"
step "a lead's office renamed"
expect_eq "... its three clocks move" "未分配科室:2 第一审查调查室:1 第三审查调查室:3 " "$(shown_offices)"

# ---- the integrity files of a year -------------------------------------------------
fig() {   # fig KEY YEAR: the figure through `report`
	"$QF_BIN" report --format json --year "$2" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == sys.argv[1]][0])' "$1"
}
ifig() { fig integrity_files "$1"; }
ifiles() { sql "SELECT count(DISTINCT person_id) FROM integrity_updates WHERE day >= '$1-01-01' AND day <= '$1-12-31'"; }
dash_files() {
	curl -s -b "$JAR" "$BASE/?year=2022" | grep -o '更新廉政档案</td><td class="num">[0-9]*' | sed 's/.*>//'
}
# years_eq STAT TABLE DAY: person_years' rows of STAT against TABLE's rows
# grouped by the year of DAY and person (both ways)
years_eq() {
	local y="CAST(substr($3, 1, 4) AS INTEGER)"
	sql "SELECT count(*) FROM (SELECT $y AS y, person_id, count(*) AS n FROM $2 GROUP BY $y, person_id
		EXCEPT SELECT year, person_id, n FROM person_years WHERE stat = '$1') a" &&
	sql "SELECT count(*) FROM (SELECT year, person_id, n FROM person_years WHERE stat = '$1'
		EXCEPT SELECT $y, person_id, count(*) FROM $2 GROUP BY $y, person_id) b"
}
# counts_eq STAT: person_year_counts' rows of STAT (0108) against person_years
# counted by year (both ways; a year whose count went to 0 may keep its row)
counts_eq() {
	sql "SELECT count(*) FROM (SELECT year, count(*) FROM person_years WHERE stat = '$1' GROUP BY year
		EXCEPT SELECT year, n FROM person_year_counts WHERE stat = '$1') a" &&
	sql "SELECT count(*) FROM (SELECT year, n FROM person_year_counts WHERE stat = '$1' AND n <> 0
		EXCEPT SELECT year, count(*) FROM person_years WHERE stat = '$1' GROUP BY year) b"
}
istep() {
	write
	expect_eq "$1: integrity_files of 2022 and 2021 equal SQL" "$(ifiles 2022) $(ifiles 2021)" "$(ifig 2022) $(ifig 2021)"
	expect_eq "... the dashboard's 2022 cell" "$(ifiles 2022)" "$(dash_files)"
	expect_eq "... person_years is the updates by year and person" "0 0" \
		"$(years_eq integrity_files integrity_updates day | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "... person_year_counts is person_years by year (0108)" "0 0" \
		"$(counts_eq integrity_files | tr '\n' ' ' | sed 's/ $//')"
}
person() { sql "SELECT id FROM persons ORDER BY id LIMIT 1 OFFSET $(($1 - 1))"; }       # P1..P6
update() {   # update N: the case manager brings 钱N某's file up to date (today)
	curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
		"$BASE/persons/$(person "$1")/integrity"
}
expect_eq "the case manager updates 钱1某's file: 303" 303 "$(update 1)"
expect_eq "... and 钱2某's twice" "303 303" "$(update 2) $(update 2)"
# this year's updates moved into 2022 (the test's year), plus 2021's
sql "UPDATE integrity_updates SET day = '2022-06-0' || CAST(id AS TEXT)"
istep "three updates of two persons in 2022"
expect_eq "... two persons" 2 "$(ifig 2022)"
sql "INSERT INTO integrity_updates (person_id, day, created_at) VALUES ($(person 3), '2022-12-31', 0), ($(person 1), '2021-12-31', 0)"
istep "a third person on the year's last day, 钱1某 in 2021 too"
ID2=$(sql "SELECT min(id) FROM integrity_updates WHERE person_id = $(person 2)")
sql "UPDATE integrity_updates SET day = '2021-01-01' WHERE id = $ID2"
istep "one of 钱2某's two moved to 2021 (he stays in 2022)"
sql "DELETE FROM integrity_updates WHERE person_id = $(person 3)"
istep "钱3某's update deleted"
expect_eq "... 2022: 钱1某 and 钱2某; 2021: both" "2 2" "$(ifig 2022) $(ifig 2021)"
# ---- the persons detained in a year (留置, by the day it started) --------------------------
dets() { sql "SELECT count(DISTINCT person_id) FROM detentions WHERE start_day >= '$1-01-01' AND start_day <= '$1-12-31'"; }
dstep() {
	write
	expect_eq "$1: detained of 2022 and 2021 equal SQL" "$(dets 2022) $(dets 2021)" "$(fig detained 2022) $(fig detained 2021)"
	expect_eq "... person_years is the detentions by year and person" "0 0" \
		"$(years_eq detained detentions start_day | tr '\n' ' ' | sed 's/ $//')"
	expect_eq "... person_year_counts is person_years by year (0108)" "0 0" \
		"$(counts_eq detained | tr '\n' ' ' | sed 's/ $//')"
}
dstep "one detention"
expect_eq "... one person in 2022" "1 0" "$(fig detained 2022) $(fig detained 2021)"
DCOLS="created_at, region, case_id, person_id, start_day, end_day, approved_by, approved_day, announced_at"
sql "INSERT INTO detentions ($DCOLS) SELECT created_at, region, case_id, person_id, '2022-08-01', '2022-08-20', approved_by, approved_day,
	announced_at FROM detentions"
dstep "the same person's second detention in 2022"
sql "INSERT INTO detentions ($DCOLS) SELECT created_at, region, case_id, $(person 5), '2021-03-01', '2021-03-20', approved_by, approved_day,
	announced_at FROM detentions WHERE end_day IS NULL"
dstep "another person's in 2021"
sql "UPDATE detentions SET start_day = '2021-12-31' WHERE start_day = '2022-08-01'"
dstep "the second detention moved to 2021 (the first stays in 2022)"
sql "DELETE FROM detentions WHERE person_id = $(person 5)"
dstep "the 2021 one of the other person deleted"
expect_eq "... one person in each year" "1 1" "$(fig detained 2022) $(fig detained 2021)"
check "no sanitizer report" server_clean
finish
