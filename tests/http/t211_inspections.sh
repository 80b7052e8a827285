#!/usr/bin/env bash
# t211_inspections: inspections (巡察, issue 14; docs/architecture.md
# "Inspections"; docs/security.md "Inspections: need-to-know"):
# 1. a round and an inspection through the API; the leader becomes the
#    group's first member;
# 2. the rectification report's clock: 2 calendar months from the feedback
#    day (《中国共产党巡视工作条例》: 整改情况报告 within 2 months of the
#    feedback, 市县巡察 by reference; DOMAIN.md section 4), an end on a rest
#    day moving to the next working day (Civil Code art. 203, as every
#    calendar limit): feedback 2022-08-01 -> 2022-10-01, the National Day
#    holiday, -> 2022-10-08 (a working Saturday of the 2022 calendar);
#    month ends: 2022-12-31 -> 2023-02-28;
# 3. recusal (回避, Supervision Law art. 58; DOMAIN.md section 2): a member
#    who declared a statutory ground on the inspected unit is refused (422,
#    audited recusal_refused, not added); an `other` ground is held until a
#    leader decides (the message says so): the inspection office cannot
#    add him, even with a reason; a leader adds him with a reason (audited
#    recusal_overridden, the reason kept), but no one without such a
#    ground and never with a statutory one (as for a case team, Supervision
#    Law art. 58-59); a member lent from another office keeps it;
# 3b. findings: problems of the ledger linked to the inspection (the
#    database's CHECK ties the link to source inspection);
# 3c. clues transferred: registered by the clue registry, linked both ways;
# 4. need-to-know (DOMAIN.md section 1, the cases' rule): a user outside
#    the group and the inspection office gets 404 and an access_denied
#    entry; a member and a leader see it; the round lists to the outsider
#    none of it;
# 5. the round's figures computed from the records;
# 6. a report due shows on the inspection office's home page (to-do 65);
# 7. export and import keep the links;
# 8. the HTML forms call the same steps: a round, an inspection, a member
#    (a statutory ground refused with its sentence), the feedback day
#    (the due day computed), a finding (the problem form's fields), a
#    clue transferred (the clue form without a source field: the
#    inspection's), the report day; Chinese field errors (422); a member
#    of the group who is not of the office sees no form and gets 403.
# Fails before this change: there were no inspections.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users insp:inspection boss:leader sup:supervisor inv:investigator oth:investigator lent:supervisor ||
	{ not_ok "add users"; finish; }
start_server || { not_ok "server"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in insp boss sup inv oth; do
	expect_eq "$u logs in" 303 "$(login $u "$PW" "$T_DIR/$u.jar")"
done
IJ=$T_DIR/insp.jar
U=$(body "$(api POST /api/units '{"name":"市水务局","kind":"department"}')" | jget '["id"]')
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }

# ---- 1. a round and an inspection -----------------------------------------------
R=$(api POST /api/inspection-rounds '{"year":2022,"number":1,"name":"2022年第一轮巡察","starts":"2022-03-01"}' "$IJ")
expect_eq "the inspection office adds a round" 201 "$(status "$R")"
RID=$(body "$R" | jget '["id"]')
R=$(api POST /api/inspection-rounds '{"year":2022,"number":1,"name":"重复","starts":"2022-03-01"}' "$IJ")
expect_eq "... the same year and number twice is refused" 422 "$(status "$R")"
R=$(api POST /api/inspection-rounds '{"year":2022,"number":2,"name":"x","starts":"2022-09-01"}')
expect_eq "... a case manager may not add one" 403 "$(status "$R")"
R=$(api POST /api/inspections "{\"round_id\":$RID,\"unit_id\":$U,\"kind\":\"special\",\"group_name\":\"第一巡察组\",\"leader_id\":$(uid sup),\"entered\":\"2022-04-01\",\"left_on\":\"2022-05-01\",\"feedback\":\"2022-08-01\"}" "$IJ")
expect_eq "an inspection of the water bureau" 201 "$(status "$R")"
ID=$(body "$R" | jget '["id"]')
G=$(body "$(api GET /api/inspections/$ID "" "$IJ")")
expect_eq "... its leader is its first member" "sup" "$(jget '["members"][0]["name"]' <<<"$G")"

# ---- 2. the report's clock ---------------------------------------------------------
expect_eq "feedback 2022-08-01: due 2022-10-01, a holiday, so the next working day 2022-10-08" \
	"2022-10-08" "$(jget '["report_due"]' <<<"$G")"
R=$(api POST /api/inspections/$ID/feedback '{"day":"2022-12-31"}' "$IJ")
expect_eq "... the feedback day changed" 200 "$(status "$R")"
expect_eq "feedback 2022-12-31: the month's end, due 2023-02-28" "2023-02-28" \
	"$(body "$(api GET /api/inspections/$ID "" "$IJ")" | jget '["report_due"]')"
R=$(api POST /api/inspections/$ID/reported '{"day":"2022-12-30"}' "$IJ")
expect_eq "a report before the feedback is refused" 422 "$(status "$R")"
R=$(api POST /api/inspections/$ID/reported '{"day":"2023-02-20"}' "$IJ")
expect_eq "the report received" 200 "$(status "$R")"
expect_eq "... stored" "2023-02-20" "$(sql "SELECT reported FROM inspections WHERE id = $ID")"

# a holiday import recomputes the running reports' due days (clock_dues_refill)
R=$(api POST /api/inspections "{\"round_id\":$RID,\"unit_id\":$U,\"kind\":\"mobile\",\"group_name\":\"机动巡察组\",\"feedback\":\"2031-01-15\"}" "$IJ")
MID=$(body "$R" | jget '["id"]')
expect_eq "feedback 2031-01-15: 2031-03-15 is a Saturday, due Monday 2031-03-17" "2031-03-17" \
	"$(sql "SELECT report_due FROM inspections WHERE id = $MID")"
printf 'date,off_day,name\n2031-03-17,1,测试假日\n' >"$T_DIR/h.csv"
run_cli calendar import "$T_DIR/h.csv" --db "$DB"
expect_eq "... a holiday imported on 2031-03-17: due 2031-03-18" "0 2031-03-18" \
	"$RC $(sql "SELECT report_due FROM inspections WHERE id = $MID")"
expect_eq "... a received report's due day is left as it was" "2023-02-28" \
	"$(sql "SELECT report_due FROM inspections WHERE id = $ID")"

# ---- 3. recusal --------------------------------------------------------------------
R=$(api POST /api/conflicts "{\"unit_id\":$U,\"ground\":\"relative_subject\",\"note\":\"配偶在该局任职\"}" "$T_DIR/inv.jar")
expect_eq "inv declares a statutory ground on the water bureau" 201 "$(status "$R")"
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid inv)}" "$IJ")
expect_eq "... so inv is refused as a member (Supervision Law art. 58)" 422 "$(status "$R")"
expect_contains "... with the statutory ground's sentence" "法定回避情形" "$(body "$R")"
expect_eq "... not added" 0 "$(sql "SELECT count(*) FROM inspection_members WHERE inspection_id = $ID AND user_id = $(uid inv)")"
expect_eq "... the refusal audited" 1 "$(audit_count recusal_refused "inspection/$ID")"
R=$(api POST /api/conflicts "{\"unit_id\":$U,\"ground\":\"other\",\"note\":\"曾在该局工作\"}" "$T_DIR/oth.jar")
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid oth)}" "$IJ")
expect_eq "an 'other' conflict: refused until a leader decides" 422 "$(status "$R")"
expect_contains "... the message says a leader must decide" "须由委领导填写理由决定" "$(body "$R")"
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid oth),\"override_reason\":\"工作需要\"}" "$IJ")
expect_eq "... the inspection office's reason is not a leader's decision" 422 "$(status "$R")"
expect_contains "... said so" "回避例外只能由委领导决定" "$(body "$R")"
BJ=$T_DIR/boss.jar
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid oth)}" "$BJ")
expect_eq "... a leader without a reason: not his step (403)" 403 "$(status "$R")"
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid inv),\"override_reason\":\"工作需要\"}" "$BJ")
expect_eq "... a leader cannot decide past a statutory ground" 422 "$(status "$R")"
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid cm),\"override_reason\":\"工作需要\"}" "$BJ")
expect_eq "... nor add one who has nothing to decide" 422 "$(status "$R")"
expect_eq "... neither added" 0 "$(sql "SELECT count(*) FROM inspection_members WHERE inspection_id = $ID AND user_id IN ($(uid inv), $(uid cm))")"
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid oth),\"override_reason\":\"熟悉水利工程，离开该局已满五年\"}" "$BJ")
expect_eq "a leader decides: oth joins with the reason" 200 "$(status "$R")"
expect_eq "... the decision kept with the member" "$(uid boss)|熟悉水利工程，离开该局已满五年" \
	"$(sql "SELECT override_by, override_reason FROM inspection_members WHERE inspection_id = $ID AND user_id = $(uid oth)")"
expect_eq "... audited recusal_overridden" 1 "$(audit_count recusal_overridden "inspection/$ID")"
R=$(api POST /api/inspections/$ID/members "{\"user_id\":$(uid lent),\"home_office\":\"市纪委监委第二监督检查室\"}" "$IJ")
expect_eq "a member lent from another office is added" 200 "$(status "$R")"
expect_eq "... with the home office" "市纪委监委第二监督检查室" \
	"$(sql "SELECT home_office FROM inspection_members WHERE inspection_id = $ID AND user_id = $(uid lent)")"

# ---- 3b. findings: problems of the rectification ledger ---------------------------
R=$(api POST /api/inspections/$ID/findings '{"summary":"工程招标程序不规范","found":"2022-04-20","deadline":"2022-07-31","top_leader":true}' "$IJ")
expect_eq "a finding recorded (problem_add_in_tx)" 201 "$(status "$R")"
PID=$(body "$R" | jget '["id"]')
P=$(body "$(api GET /api/problems/$PID)")
expect_eq "... the problem names the inspection" "$ID" "$(jget '["inspection_id"]' <<<"$P")"
expect_eq "... source inspection, on the inspected unit" "inspection $U" "$(jget '["source"]' <<<"$P") $(jget '["unit_id"]' <<<"$P")"
G=$(body "$(api GET /api/inspections/$ID "" "$IJ")")
expect_eq "... listed on the inspection with its state" "$PID 未整改 True" \
	"$(jget '["findings"][0]["id"]' <<<"$G") $(jget '["findings"][0]["state_text"]' <<<"$G") $(jget '["findings"][0]["top_leader"]' <<<"$G")"
R=$(api POST /api/inspections/$ID/findings '{"summary":"x","found":"2022-04-20","deadline":"2022-03-01"}' "$IJ")
expect_eq "... a deadline before the day found is refused" 422 "$(status "$R")"
relink() { sql "UPDATE problems SET source = 'other' WHERE id = $PID" 2>/dev/null; }
if relink; then not_ok "the database refuses the link on a problem of another source (CHECK)"
else ok "the database refuses the link on a problem of another source (CHECK)"; fi
expect_eq "... the source unchanged" inspection "$(sql "SELECT source FROM problems WHERE id = $PID")"

# ---- 3c. clues transferred (移交问题线索) ------------------------------------------
PER=$(body "$(api POST /api/persons "{\"name\":\"王某\",\"unit_id\":$U,\"rank\":\"section\"}")" | jget '["id"]')
R=$(api POST /api/inspections/$ID/clues "{\"received\":\"2022-04-25\",\"summary\":\"工程款支付问题\",\"subjects\":[$PER]}" "$IJ")
expect_eq "移交线索 registers a clue" 201 "$(status "$R")"
CID=$(body "$R" | jget '["id"]')
K=$(body "$(api GET /api/clues/$CID)")
expect_eq "... the clue names the inspection, source inspection" "$ID inspection" \
	"$(jget '["inspection_id"]' <<<"$K") $(jget '["source"]' <<<"$K")"
expect_eq "... the link is the column" "$ID" "$(sql "SELECT inspection_id FROM clues WHERE id = $CID")"
G=$(body "$(api GET /api/inspections/$ID "" "$IJ")")
expect_eq "... the inspection lists it with its state" "$CID registered" \
	"$(jget '["clues"][0]["id"]' <<<"$G") $(jget '["clues"][0]["state"]' <<<"$G")"
R=$(api POST /api/inspections/$ID/clues '{"received":"2022-04-25","summary":"","subjects":[]}' "$IJ")
expect_eq "... a clue the registry refuses is not registered" 422 "$(status "$R")"
expect_eq "... one clue linked" 1 "$(sql "SELECT count(*) FROM clues WHERE inspection_id = $ID")"

# ---- 4. need-to-know ---------------------------------------------------------------
R=$(api GET /api/inspections/$ID "" "$T_DIR/inv.jar")
expect_eq "a user outside the group and the office: 404" 404 "$(status "$R")"
expect_eq "... audited access_denied" 1 "$(audit_count access_denied "inspection/$ID")"
R=$(api GET /api/inspections/999999 "" "$T_DIR/inv.jar")
expect_eq "... as for an inspection that does not exist" 404 "$(status "$R")"
expect_eq "a member sees it" 200 "$(status "$(api GET /api/inspections/$ID "" "$T_DIR/sup.jar")")"
expect_eq "a leader sees it" 200 "$(status "$(api GET /api/inspections/$ID "" "$T_DIR/boss.jar")")"
expect_eq "the round lists nothing to the outsider" 0 \
	"$(body "$(api GET /api/inspection-rounds/$RID "" "$T_DIR/inv.jar")" | jget '["inspections"].__len__()')"
expect_eq "... and the inspection to a member" "$ID" \
	"$(body "$(api GET /api/inspection-rounds/$RID "" "$T_DIR/sup.jar")" | jget '["inspections"][0]["id"]')"
# the round's list on PostgreSQL has a text for each pair of set filters
# (q_inspections.c Q_LIST, pgplan16j): the same rows as SQL's, for the office
# (the round alone), a member (the round and the member), the outsider (none)
round_ids() { body "$(api GET /api/inspection-rounds/$RID "" "$1")" | python3 -c 'import json,sys; print(*[i["id"] for i in json.load(sys.stdin)["inspections"]])'; }
expect_eq "the round lists every inspection of it to the office, as SQL" \
	"$(sql "SELECT id FROM inspections WHERE round_id = $RID ORDER BY id" | paste -sd' ')" "$(round_ids "$IJ")"
expect_eq "... a member's alone, as SQL" "$(sql "SELECT i.id FROM inspections i WHERE i.round_id = $RID AND EXISTS (SELECT 1 FROM inspection_members m WHERE m.inspection_id = i.id AND m.user_id = $(uid sup)) ORDER BY i.id" | paste -sd' ')" \
	"$(round_ids "$T_DIR/sup.jar")"
check "... which leaves one of the round's out" test "$(round_ids "$T_DIR/sup.jar")" != "$(round_ids "$IJ")"

# the pages: the same rule
expect_eq "the inspection's page: 404 to the outsider" 404 "$(http_status -b "$T_DIR/inv.jar" "$BASE/inspections/$ID")"
expect_eq "... audited again" 2 "$(audit_count access_denied "inspection/$ID")"
curl -s -b "$T_DIR/sup.jar" "$BASE/inspections/$ID" >"$T_DIR/insp.html"
check "... a member's page lists the finding" grep -q "工程招标程序不规范" "$T_DIR/insp.html"
check "... the clue transferred with its state" grep -q "href=\"/clues/$CID\"" "$T_DIR/insp.html"
check "... the lent member's home office" grep -q "市纪委监委第二监督检查室" "$T_DIR/insp.html"
check "... the report's clock: received on time (已办结)" grep -q 'class="clock[^"]*">已办结' "$T_DIR/insp.html"
curl -s -b "$IJ" "$BASE/inspection-rounds/$RID" >"$T_DIR/round.html"
check "the round's page shows the staff lent" grep -q "抽调参与巡察干部" "$T_DIR/round.html"

curl -s -b "$JAR" "$BASE/clues/$CID" >"$T_DIR/clue.html"
check "the clue's page links its inspection" grep -q "href=\"/inspections/$ID\"" "$T_DIR/clue.html"
curl -s -b "$JAR" "$BASE/problems/$PID" >"$T_DIR/problem.html"
check "the problem's page links its inspection" grep -q "href=\"/inspections/$ID\"" "$T_DIR/problem.html"

# ---- 5. the round's figures, from the records ------------------------------------
F=$(body "$(api GET /api/inspection-rounds/$RID "" "$IJ")")
# two groups (第一巡察组 special, 机动巡察组) inspected the one water bureau; a special
# inspection's group is named apart (the report: 派出3个巡察组 ..., 专项巡察组进驻 ...)
expect_eq "the round's figures: organisations, problems, top-leader, clues, lent, groups (special apart)" "1 1 1 1 1 1" \
	"$(python3 -c 'import json,sys; f=json.load(sys.stdin)["figures"]; print(*(f[k] for k in ("organisations","problems","top_leader","clues","lent","groups")))' <<<"$F")"

# the statistics' keys (docs/statistics.md): the round started in 2022, the finding found and
# the clue received in 2022
got=$("$QF_BIN" report --year 2022 --format json --db "$DB" | python3 -c '
import json, sys
m = {x["key"]: x["value"] for x in json.load(sys.stdin)["metrics"]}
print(*(m[k] for k in ("inspection_orgs", "inspection_problems", "inspection_top_leader", "inspection_clues", "inspection_lent")))')
expect_eq "the statistics of 2022: organisations, problems, top-leader, clues, lent" "1 1 1 1 1" "$got"

# the round scope (docs/statistics.md): a second round of 2022, regular and elevated
R2=$(body "$(api POST /api/inspection-rounds '{"year":2022,"number":2,"name":"2022年第二轮巡察","starts":"2022-09-01"}' "$IJ")" | jget '["id"]')
V=$(body "$(api POST /api/units '{"name":"清河村党支部","kind":"village"}')" | jget '["id"]')
for body in "{\"round_id\":$R2,\"unit_id\":$U,\"kind\":\"regular\",\"group_name\":\"第三巡察组\"}" \
	"{\"round_id\":$R2,\"unit_id\":$V,\"kind\":\"elevated\",\"group_name\":\"第三巡察组\"}" \
	"{\"round_id\":$R2,\"unit_id\":$V,\"kind\":\"special\",\"group_name\":\"专项巡察组\"}"; do
	api POST /api/inspections "$body" "$IJ" >/dev/null
done
keys() {    # keys ARGS...: inspection_orgs, _regular, _elevated, _groups, _problems, cases_filed
	"$QF_BIN" report --year 2022 --format json --db "$DB" "$@" | python3 -c '
import json, sys
m = {x["key"]: x["value"] for x in json.load(sys.stdin)["metrics"]}
print(*(m[k] for k in ("inspection_orgs", "inspection_orgs_regular", "inspection_orgs_elevated",
                       "inspection_groups", "inspection_problems", "cases_filed")))'
}
expect_eq "the year: 2 organisations, 2 regular, 1 elevated, 2 groups (special apart), 1 problem" \
	"2 1 1 2 1 0" "$(keys)"
expect_eq "--round (the second): its 2 organisations, 1 regular, 1 elevated, 1 group, no problem; other keys not applicable" \
	"2 1 1 1 0 None" "$(keys --round "$R2")"
expect_eq "--round (the first)" "1 0 0 1 1 None" "$(keys --round "$RID")"
# a round's clues of the source (巡察移交): those linked to the round's
# inspections, received in the year (on PostgreSQL led by the round's
# inspections, first16l's Q_M_CLUES_ROUND), against SQL over the records
round_clues() {
	local r
	for r in "$@"; do
		"$QF_BIN" report --year 2022 --format json --db "$DB" --round "$r" | python3 -c '
import json, sys
print([x["value"] for x in json.load(sys.stdin)["metrics"] if x["key"] == "inspection_clues"][0])'
	done | tr '\n' ' '
}
round_clues_sql() {
	local r
	for r in "$@"; do
		sql "SELECT count(*) FROM clues WHERE source = 'inspection' AND received >= '2022-01-01'
			AND received <= '2022-12-31' AND inspection_id IN (SELECT id FROM inspections WHERE round_id = $r)"
	done | tr '\n' ' '
}
expect_eq "--round: the clues of the source linked to each round's inspections, as SQL counts them (1, 0)" \
	"1 0 " "$(round_clues_sql "$RID" "$R2")"
expect_eq "... the report the same" "$(round_clues_sql "$RID" "$R2")" "$(round_clues "$RID" "$R2")"
run_cli report --year 2022 --round 999999 --db "$DB"
expect_eq "an unknown round is refused" "1" "$RC"
expect_contains "... naming it" "巡察轮次 999999 不存在" "$ERR"
R=$(api GET "/api/statistics?year=2022&round_id=$R2")
expect_eq "the API's round_id: the round's figures" "200 2 $R2" \
	"$(status "$R") $(body "$R" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([x["value"] for x in d["metrics"] if x["key"]=="inspection_orgs"][0], d["scope"]["round_id"])')"
curl -s -b "$JAR" "$BASE/statistics?year=2022&round_id=$R2" >"$T_DIR/stats.html"
check "the statistics page: the round chosen in its scope form" grep -q "<option value=\"$R2\" selected" "$T_DIR/stats.html"
check "... and named in the scope's words" grep -q "巡察“2022年第二轮巡察”" "$T_DIR/stats.html"

# ---- 6. the home page of the inspection office: a report due ---------------------
# feedback two months before today: due today, or on the next working day
FB=$(python3 -c 'import datetime as d, calendar as c
t = (d.datetime.utcnow() + d.timedelta(hours=8)).date()   # China Standard Time
m = t.month - 2 + (12 if t.month <= 2 else 0); y = t.year - (1 if t.month <= 2 else 0)
print(d.date(y, m, min(t.day, c.monthrange(y, m)[1])).isoformat())')
R=$(api POST /api/inspections "{\"round_id\":$RID,\"unit_id\":$U,\"kind\":\"regular\",\"group_name\":\"第二巡察组\",\"feedback\":\"$FB\"}" "$IJ")
expect_eq "an inspection whose feedback was two months ago" 201 "$(status "$R")"
curl -s -b "$IJ" "$BASE/" >"$T_DIR/home.html"
check "... its report is on the inspection office's home page" grep -q "巡察整改情况报告" "$T_DIR/home.html"
curl -s -b "$T_DIR/sup.jar" "$BASE/" >"$T_DIR/home2.html"
check "... not on a group member's of another office" bash -c '! grep -q "巡察整改情况报告" "$0"' "$T_DIR/home2.html"

# ---- 7. interchange (docs/interchange.md "Inspections") ---------------------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
expect_eq "... the two rounds and the six inspections" "2 6" \
	"$(grep -c '"type":"inspection_round"' "$T_DIR/e1.jsonl") $(grep -c '"type":"inspection"' "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb ix); else DB2=$T_DIR/ix.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/ix.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/ix.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
link2() { DB=$DB2 sql "SELECT i.group_name || '/' || i.report_due FROM $1 x JOIN inspections i ON i.id = x.inspection_id"; }
expect_eq "... the clue keeps its inspection" "第一巡察组/2023-02-28" "$(link2 clues)"
expect_eq "... the problem keeps its inspection" "第一巡察组/2023-02-28" "$(link2 problems)"
run_cli export --db "$DB2" --key "$T_DIR/ix.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same inspection, clue and problem lines" diff \
	<(grep -E '"type":"(inspection_round|inspection|clue|problem)"' "$T_DIR/e1.jsonl") \
	<(grep -E '"type":"(inspection_round|inspection|clue|problem)"' "$T_DIR/e2.jsonl")

# ---- 8. the HTML forms -----------------------------------------------------------------
pf() {  # pf JAR PATH [curl args...]: posts the page's form; prints the status and where it sends
	local jar=$1 path=$2
	shift 2
	curl -s -o "$T_DIR/pf.html" -w '%{http_code} %{redirect_url}' -b "$jar" \
		--data-urlencode "csrf=$(csrf_of "$jar")" "$@" "$BASE$path"
}
curl -s -b "$IJ" "$BASE/inspections" >"$T_DIR/rounds.html"
check "the inspection office sees the round form" grep -q 'action="/inspection-rounds"' "$T_DIR/rounds.html"
curl -s -b "$T_DIR/sup.jar" "$BASE/inspections" >"$T_DIR/rounds2.html"
check "... a group member of another office does not" bash -c '! grep -q "action=\"/inspection-rounds\"" "$0"' "$T_DIR/rounds2.html"
expect_eq "a round without its year: 422" "422 " "$(pf "$IJ" /inspection-rounds -d number=1 --data-urlencode name=表单轮次 -d starts=2023-03-01)"
check "... the Chinese field error" grep -q "请填写年度" "$T_DIR/pf.html"
got=$(pf "$IJ" /inspection-rounds -d year=2023 -d number=1 --data-urlencode name=2023年第一轮巡察 -d starts=2023-03-01)
FR=$(sql "SELECT id FROM inspection_rounds WHERE year = 2023 AND number = 1")
expect_eq "the round form: 303 to the round" "303 $BASE/inspection-rounds/$FR?ok=created" "$got"
got=$(pf "$IJ" /inspection-rounds/$FR/inspections -d "unit_id=$U" -d kind=regular --data-urlencode group_name=表单巡察组 \
	-d "leader_id=$(uid sup)" -d entered=2023-03-10)
FI=$(sql "SELECT id FROM inspections WHERE group_name = '表单巡察组'")
expect_eq "the inspection form: 303 to the inspection" "303 $BASE/inspections/$FI?ok=created" "$got"
expect_eq "... its leader its first member" "$(uid sup)" "$(sql "SELECT user_id FROM inspection_members WHERE inspection_id = $FI")"
expect_eq "an inspection without its kind: 422" "422 " "$(pf "$IJ" /inspection-rounds/$FR/inspections -d "unit_id=$U" --data-urlencode group_name=x)"
check "... 请选择巡察类型" grep -q "请选择巡察类型" "$T_DIR/pf.html"
expect_eq "the member form: a lent member" "303 $BASE/inspections/$FI?ok=saved" \
	"$(pf "$IJ" /inspections/$FI/members -d "user_id=$(uid lent)" --data-urlencode home_office=市纪委监委第三监督检查室)"
expect_eq "... inv's statutory ground: 422" "422 " "$(pf "$IJ" /inspections/$FI/members -d "user_id=$(uid inv)")"
check "... with the sentence" grep -q "法定回避情形" "$T_DIR/pf.html"
expect_eq "... the group's leader (not of the office) may not add members: 403" "403 " \
	"$(pf "$T_DIR/sup.jar" /inspections/$FI/members -d "user_id=$(uid cm)" | cut -c1-4)"
curl -s -b "$BJ" "$BASE/inspections/$FI" >"$T_DIR/fi_boss.html"
check "a leader sees the member form with the recusal reason" grep -q 'name="override_reason"' "$T_DIR/fi_boss.html"
expect_eq "... and decides oth's 'other' ground through it" "303 $BASE/inspections/$FI?ok=saved" \
	"$(pf "$BJ" /inspections/$FI/members -d "user_id=$(uid oth)" --data-urlencode override_reason=熟悉情况，经研究同意)"
expect_eq "... audited" 1 "$(audit_count recusal_overridden "inspection/$FI")"
curl -s -b "$T_DIR/sup.jar" "$BASE/inspections/$FI" >"$T_DIR/fi_sup.html"
check "... and sees no form" bash -c '! grep -q "/inspections/[0-9]*/feedback" "$0"' "$T_DIR/fi_sup.html"
expect_eq "the feedback form: a bad day is refused" "422 " "$(pf "$IJ" /inspections/$FI/feedback -d feedback=2023-13-01)"
check "... in Chinese" grep -qE "日期格式|日期不存在" "$T_DIR/pf.html"
expect_eq "the feedback form: 2023-06-30" "303 $BASE/inspections/$FI?ok=saved" "$(pf "$IJ" /inspections/$FI/feedback -d feedback=2023-06-30)"
expect_eq "... the report due 2 months later, 2023-08-30" "2023-08-30" "$(sql "SELECT report_due FROM inspections WHERE id = $FI")"
curl -s -b "$IJ" "$BASE/inspections/$FI/findings/new" >"$T_DIR/fnew.html"
check "the finding form has the problem form's fields" grep -q 'name="deadline"' "$T_DIR/fnew.html"
expect_eq "a finding without its summary: 422" "422 " \
	"$(pf "$IJ" /inspections/$FI/findings -d "unit_id=$U" -d found=2023-03-20 -d deadline=2023-09-30)"
got=$(pf "$IJ" /inspections/$FI/findings -d "unit_id=$U" --data-urlencode summary=表单登记的问题 -d found=2023-03-20 \
	-d deadline=2023-09-30 -d top_leader=1)
FP=$(sql "SELECT id FROM problems WHERE summary = '表单登记的问题'")
expect_eq "the finding form: 303 to the problem" "303 $BASE/problems/$FP?ok=created" "$got"
expect_eq "... a problem of the inspection, source inspection, top leader" "$FI|inspection|1" \
	"$(sql "SELECT inspection_id, source, top_leader FROM problems WHERE id = $FP")"
curl -s -b "$IJ" "$BASE/inspections/$FI/clues/new" >"$T_DIR/cnew.html"
check "the 移交线索 form: the clue form" grep -q 'name="summary"' "$T_DIR/cnew.html"
check "... without a source field (the inspection's)" bash -c '! grep -q "name=\"source\"" "$0"' "$T_DIR/cnew.html"
expect_eq "... a clue without its summary: 422" "422 " "$(pf "$IJ" /inspections/$FI/clues -d received=2023-04-01)"
expect_eq "... the person has an open clue: the registry's question (409)" "409 " \
	"$(pf "$IJ" /inspections/$FI/clues -d received=2023-04-01 -d "subjects=$PER" --data-urlencode summary=表单移交的线索)"
check "... asked on the same form" grep -q 'name="confirm"' "$T_DIR/pf.html"
got=$(pf "$IJ" /inspections/$FI/clues -d received=2023-04-01 -d "subjects=$PER" --data-urlencode summary=表单移交的线索 \
	-d confirm=1)
expect_eq "the 移交线索 form: 303 back to the inspection" "303 $BASE/inspections/$FI?ok=created" "$got"
expect_eq "... a clue of source inspection linked to it" "1|inspection" \
	"$(sql "SELECT count(*), max(source) FROM clues WHERE inspection_id = $FI")"
expect_eq "the report form" "303 $BASE/inspections/$FI?ok=saved" "$(pf "$IJ" /inspections/$FI/reported -d reported=2023-08-20)"
curl -s -b "$IJ" "$BASE/inspections/$FI" >"$T_DIR/fi.html"
check "the page shows the finding, the clue and the lent member" bash -c \
	'grep -q 表单登记的问题 "$0" && grep -q "href=\"/clues/" "$0" && grep -q 市纪委监委第三监督检查室 "$0"' "$T_DIR/fi.html"

check "the server log has no sanitizer report" server_clean
finish
