# t156_report_kinds.sh: report kinds and their clocks, the rest-day rule,
# clock limits as effective-dated data (issue 10, part D), through the
# API, the pages and import, on either backend.
#   - every report names its kind: accusation (检举控告, the rules on
#     handling accusations, 2020), petition (信访, the Regulations on
#     Letters and Visits, 2022) or other; a kind contradicting the category
#     is refused (API, page, import naming line and field)
#   - accusations: the acceptance notice within 15 working days of receipt
#     for real-name ones handled here, not for repeated ones (rules on
#     handling accusations, 2020); no petition clocks, no extension
#   - petitions: the acceptance decision within 15 days, ending on a rest
#     day -> the next working day (Civil Code art. 203)
#   - a report forwarded to us: accept it or pass it on within 5 working
#     days (rules on handling accusations, 2020)
#   - a limit change (a new clock_limit_versions row) applies to the clocks
#     started on or after its date only
#   - import of old-rule lines without a kind: converted from the category
#   - the fill after migration 0021 computes the stored due days again
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
start_server || { not_ok "server starts"; finish; }
CJ=$T_DIR/clerk.jar
expect_eq "clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
expect_eq "cm logs in" 303 "$(login cm "$PW")"
protect 王实名 13800001111 周某某 13900003333
clock_of() {   # clock_of JSON CODE: "start due done state" of one clock
	python3 -c 'import json,sys; d=json.load(sys.stdin)
for k in d["clocks"]:
	if k["clock"] == sys.argv[1]: print(k["start"], k["due"], k["done"], k["state"])' "$2" <<<"$1"
}
clocks() {   # clocks ID: the clock codes of a report, space separated
	body "$(api GET "/api/reports/$1" "" "$CJ")" | jget '["clocks"]' |
		python3 -c 'import ast,sys; print(" ".join(k["clock"] for k in ast.literal_eval(sys.stdin.read())))'
}
report() { api POST /api/reports "{$1}" "$CJ"; }
REAL='"channel":"letter","real_name":true,"reporter":"王实名","contact":"13800001111","summary":"x"'

# the kind is required and agrees with the category
r=$(report '"received":"2023-03-03","channel":"letter","category":"suggestion","summary":"x"')
expect_eq "no kind: 422 naming kind" "422 ['kind']" "$(status "$r") $(body "$r" | jget '["fields"]' | python3 -c 'import ast,sys; print(sorted(ast.literal_eval(sys.stdin.read())))')"
expect_contains "... in Chinese" "请选择办理依据" "$(body "$r")"
r=$(report '"received":"2023-03-03","channel":"letter","category":"accusation","kind":"petition","summary":"x"')
expect_eq "an accusation registered as a petition: 422" 422 "$(status "$r")"
expect_contains "... saying why" "检举控告类举报应按检举控告办理" "$(body "$r")"
expect_eq "a suggestion handled as an accusation: 422" 422 \
	"$(status "$(report '"received":"2023-03-03","channel":"letter","category":"suggestion","kind":"accusation","summary":"x"')")"

# accusations: the acceptance notice only (rules on handling accusations, 2020)
r=$(report "\"received\":\"2023-03-03\",\"category\":\"accusation\",\"kind\":\"accusation\",$REAL")
expect_eq "a real-name accusation: 201" 201 "$(status "$r")"; A1=$(body "$r" | jget '["id"]')
expect_eq "... kind and label in the API" "accusation 检举控告 False" "$(body "$(api GET "/api/reports/$A1" "" "$CJ")" | jget '["kind"]+" "+d["kind_label"]+" "+str(d["repeated"])')"
expect_eq "... runs only the acceptance notice, no petition clock" "report_accept_notice" "$(clocks "$A1")"
# 15 working days after Friday 2023-03-03: Friday 03-24
expect_eq "... 15 working days from receipt" "2023-03-03 2023-03-24 None 逾期" "$(clock_of "$(body "$(api GET "/api/reports/$A1" "" "$CJ")")" report_accept_notice)"
A2=$(body "$(report "\"received\":\"2023-03-03\",\"category\":\"accusation\",\"kind\":\"accusation\",\"repeated\":true,$REAL")" | jget '["id"]')
expect_eq "a repeated real-name accusation: no acceptance notice clock" "" "$(clocks "$A2")"
api POST "/api/reports/$A1/acceptance" '{"accept":true,"day":"2023-03-06","note":"受理"}' "$CJ" >/dev/null
r=$(api POST "/api/reports/$A1/extension" '{"day":"2023-03-07","note":"复杂"}' "$CJ")
expect_eq "an accusation takes no petition extension: 422" 422 "$(status "$r")"
expect_contains "... saying so" "只有信访事项可以延期办理" "$(body "$r")"
expect_eq "... nothing stored" "" "$(sql "SELECT COALESCE(extended, '') FROM reports WHERE id = $A1")"

# petitions: 15 days, moved off the rest day (Civil Code art. 203)
r=$(report '"received":"2023-03-03","channel":"visit","category":"appeal","kind":"petition","summary":"x"')
P1=$(body "$r" | jget '["id"]')
# 2023-03-03 + 15 days = Saturday 03-18: due Monday 03-20
expect_eq "a petition's acceptance decision ending on a Saturday is due Monday" "2023-03-03 2023-03-20 None 逾期" \
	"$(clock_of "$(body "$(api GET "/api/reports/$P1" "" "$CJ")")" petition_accept)"
expect_contains "... its page shows the clock with its source" "《信访工作条例》（2022）" "$(http_get "$T_DIR/p" -b "$CJ" "$BASE/reports/$P1" >/dev/null; cat "$T_DIR/p.b")"
expect_eq "... stored so (accept_due, next_due)" "2023-03-20|2023-03-20" "$(sql "SELECT accept_due || '|' || next_due FROM reports WHERE id = $P1")"
# 2022-09-22 + 15 days = 10-07, the last day of National Day: due 10-08, a 调休 working Saturday
P2=$(body "$(report '"received":"2022-09-22","channel":"visit","category":"suggestion","kind":"petition","summary":"x"')" | jget '["id"]')
expect_eq "... ending on the last day of a holiday: the 调休 working Saturday after" "2022-09-22 2022-10-08 None 逾期" \
	"$(clock_of "$(body "$(api GET "/api/reports/$P2" "" "$CJ")")" petition_accept)"
expect_eq "a petition: no accusation notice, real-name or not" "422" \
	"$(api POST "/api/reports/$P1/acceptance" '{"accept":true,"day":"2023-03-06","note":"受理"}' "$CJ" >/dev/null; status "$(api POST "/api/reports/$P1/notice" '{"kind":"accept","day":"2023-03-07"}' "$CJ")")"
O1=$(body "$(report '"received":"2023-03-03","channel":"phone","category":"other","kind":"other","summary":"x"')" | jget '["id"]')
expect_eq "a report of kind other: no clock" "" "$(clocks "$O1")"

# a report forwarded to us (channel transfer): 5 working days, any kind
F1=$(body "$(report '"received":"2023-03-03","channel":"transfer","category":"other","kind":"other","summary":"x"')" | jget '["id"]')
expect_eq "forwarded to us: accept or pass on within 5 working days" "2023-03-03 2023-03-10 None 逾期" \
	"$(clock_of "$(body "$(api GET "/api/reports/$F1" "" "$CJ")")" report_forwarded_in)"
api POST "/api/reports/$F1/acceptance" '{"accept":false,"day":"2023-03-09","note":"不属于受理范围"}' "$CJ" >/dev/null
expect_eq "... done by the decision" "2023-03-03 2023-03-10 2023-03-09 已办结" \
	"$(clock_of "$(body "$(api GET "/api/reports/$F1" "" "$CJ")")" report_forwarded_in)"
expect_eq "the registry filters by kind" "2" "$(body "$(api GET "/api/reports?kind=accusation" "" "$CJ")" | jget '["total"]')"
expect_eq "... petitions" "2" "$(body "$(api GET "/api/reports?kind=petition" "" "$CJ")" | jget '["total"]')"

# the pages: the form asks for the kind and refuses a contradiction
ctok=$(csrf_of "$CJ")
expect_eq "GET /reports/new shows 办理依据" 200 "$(http_get "$T_DIR/p" -b "$CJ" "$BASE/reports/new")"
expect_contains "... with the kinds" "信访（申诉、批评建议等）" "$(cat "$T_DIR/p.b")"
expect_eq "the form refuses an accusation handled as other: 422" 422 \
	"$(http_get "$T_DIR/p" -b "$CJ" --data-urlencode "csrf=$ctok" --data "received=2023-03-03&channel=visit&category=accusation&kind=other" --data-urlencode "summary=来访" "$BASE/reports")"
expect_contains "... the message beside the field" "检举控告类举报应按检举控告办理" "$(cat "$T_DIR/p.b")"
expect_eq "a complete form with the repeated flag: 303" 303 \
	"$(http_get "$T_DIR/p" -b "$CJ" --data-urlencode "csrf=$ctok" --data "received=2023-03-03&channel=visit&category=accusation&kind=accusation&real_name=1&repeated=1" \
		--data-urlencode "reporter=周某某" --data-urlencode "contact=13900003333" --data-urlencode "summary=来访" "$BASE/reports")"
PG=$(sed -n 's/^location: \/reports\/\([0-9]*\).*/\1/Ip' "$T_DIR/p.h")
expect_eq "... stored: accusation, repeated" "accusation|1" "$(sql "SELECT kind || '|' || repeated FROM reports WHERE id = $PG")"
http_get "$T_DIR/p" -b "$CJ" "$BASE/reports/$PG" >/dev/null
expect_contains "... its page names the kind" "检举控告（重复举报）" "$(cat "$T_DIR/p.b")"

# the calendar page lists the limits with their source and the rest-day rule
http_get "$T_DIR/p" -b "$CJ" "$BASE/calendar" >/dev/null
expect_contains "the calendar page lists the clock limits with their source" "信访事项受理决定</td><td>15 日</td><td>是</td><td>2022-05-01 起</td><td>《信访工作条例》（2022）" "$(cat "$T_DIR/p.b")"
expect_contains "... detention not moved off rest days" "<td>留置</td><td>3 个月</td><td>否</td>" "$(cat "$T_DIR/p.b")"

# a limit change applies to the clocks started on or after its date
sql "INSERT INTO clock_limit_versions (clock, effective_from, amount, unit, source) VALUES ('petition_accept', '2023-03-05', 10, 'days', '测试：新规定')"
P3=$(body "$(report '"received":"2023-03-06","channel":"visit","category":"suggestion","kind":"petition","summary":"x"')" | jget '["id"]')
expect_eq "a petition received after the change: 10 days (03-16)" "2023-03-06 2023-03-16 None 逾期" \
	"$(clock_of "$(body "$(api GET "/api/reports/$P3" "" "$CJ")")" petition_accept)"
P4=$(body "$(report '"received":"2023-03-03","channel":"visit","category":"suggestion","kind":"petition","summary":"x"')" | jget '["id"]')
expect_eq "... one received before keeps 15 days" "2023-03-03 2023-03-20 None 逾期" \
	"$(clock_of "$(body "$(api GET "/api/reports/$P4" "" "$CJ")")" petition_accept)"
sql "DELETE FROM clock_limit_versions WHERE source = '测试：新规定'"
expect_eq "the limits carry their source" 1 \
	"$(sql "SELECT count(*) FROM clock_limit_versions WHERE clock = 'petition_accept' AND source LIKE '%信访工作条例%'")"

# import: old-rule lines without a kind are converted from the category;
# a contradiction is refused naming the line and the field
stop_server
F=$T_DIR/r.jsonl
{
	echo '{"type":"report","id":"X1","received":"2023-03-03","channel":"letter","category":"appeal","summary":"x"}'
	echo '{"type":"report","id":"X2","received":"2023-03-03","channel":"letter","category":"accusation","summary":"x"}'
	echo '{"type":"report","id":"X3","received":"2023-03-03","channel":"letter","category":"other","kind":"other","repeated":true,"summary":"x"}'
} >"$F"
run_cli import "$F"
expect_eq "old-rule lines import: exit 0" 0 "$RC"
expect_eq "... appeal -> petition, accusation -> accusation, kind kept" "petition|accusation|other|1" \
	"$(sql "SELECT (SELECT kind FROM reports WHERE ext_id = 'X1') || '|' || (SELECT kind FROM reports WHERE ext_id = 'X2') || '|' || kind || '|' || repeated FROM reports WHERE ext_id = 'X3'")"
expect_eq "... the petition's clock as the pages store it (03-20)" "2023-03-20" "$(sql "SELECT accept_due FROM reports WHERE ext_id = 'X1'")"
printf '%s\n' '{"type":"report","id":"Y1","received":"2023-03-03","channel":"letter","category":"accusation","kind":"petition","summary":"x"}' >"$F"
run_cli import "$F"
expect_eq "a kind contradicting the category: refused" 1 "$([ "$RC" -ne 0 ] && echo 1)"
expect_contains "... naming the line and the field" "line 1" "$ERR"
expect_contains "... the field" "kind" "$ERR"
expect_eq "... nothing stored" 0 "$(sql "SELECT count(*) FROM reports WHERE ext_id = 'Y1'")"
run_cli export
expect_contains "export writes the kind" '"kind":"petition"' "$OUT"

# a trial review (1 month, the supervision and discipline enforcement
# rules, 2019) accepted 2022-09-01 ends on 10-01, National Day: due 10-08
{
	echo '{"type":"unit","id":"TU","name":"测试局","kind":"department","parent":null}'
	echo '{"type":"person","id":"TP","name":"测某","unit":"TU","rank":"staff"}'
	echo '{"type":"clue","id":"TC","received":"2022-03-02","source":"other","subjects":["TP"],"summary":"x"}'
	echo '{"type":"disposition","clue":"TC","decided":"2022-03-10","method":"preliminary_verification"}'
	echo '{"type":"disposition","clue":"TC","decided":"2022-03-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-20"}'
	# issue 10 part B: an imported case needs its filing record (type, organ,
	# categories); one without them is refused as filed under the old rules
	echo '{"type":"case","id":"TA","clue":"TC","filed":"2022-04-01","trial_accepted":"2022-09-01","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}'
} >"$F"
run_cli import "$F"
expect_eq "a case in trial imports: exit 0" 0 "$RC"
expect_eq "... its trial review due off the holiday (Civil Code art. 203)" "2022-10-08" "$(sql "SELECT trial_due FROM cases WHERE ext_id = 'TA'")"

# the fill after migration 0021: stored due days of the running clocks
# computed again (here: due days stored by the old rule, not moved)
sql "UPDATE reports SET accept_due = '2023-03-18', next_due = '2023-03-18' WHERE id = $P1"
sql "UPDATE cases SET trial_due = '2022-10-01' WHERE ext_id = 'TA'"
sql "UPDATE settings SET value = '0' WHERE key = 'report_dues_filled'"
run_cli audit verify
expect_eq "the next start fills them again: reports and trial reviews" "2023-03-20|2022-10-08|1" \
	"$(sql "SELECT accept_due || '|' || (SELECT trial_due FROM cases WHERE ext_id = 'TA') || '|' || (SELECT value FROM settings WHERE key = 'report_dues_filled') FROM reports WHERE id = $P1")"
check "no sanitizer report" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
