# t110_reports.sh: reports (信访举报) through the JSON API and the pages:
# registration with the reporter's identity, contact and summary encrypted
# at rest, the identity shown only to the intake office and the leader,
# jurisdiction (404 + access_denied), steps only from the right state,
# clocks on the working-day calendar across the 2022 National Day
# holiday, the home page, turning a report into a clue, the audit log.
# Issue 10 (part D) adapted it where the old behaviour was the defect:
# every registration names its kind; the petition clocks (acceptance
# decision, conclusion, extension: the Regulations on Letters and Visits,
# 2022) run on petitions only, not on the accusations R1 and R4 (the rules
# on handling accusations, 2020: they run the notices), so the extension
# moved to the petition RQ, whose deadlines follow the rest-day rule
# (Civil Code art. 203); and the acceptance notice does not start for R1,
# a report forwarded to another level.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
ready_user lead --role leader --password-stdin >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
CJ=$T_DIR/clerk.jar; LJ=$T_DIR/lead.jar; TJ=$T_DIR/town.jar
expect_eq "clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
login lead "$PW" "$LJ" >/dev/null

today=$(date -u -d '+8 hours' +%F)
clock_of() {   # clock_of JSON CODE: "start due done state" of one clock
	python3 -c 'import json,sys; d=json.load(sys.stdin)
for k in d["clocks"]:
	if k["clock"] == sys.argv[1]: print(k["start"], k["due"], k["done"], k["state"])' "$2" <<<"$1"
}

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙镇","kind":"township"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
P3=$(body "$(api POST /api/persons "{\"name\":\"孙镇长\",\"unit_id\":$UB,\"rank\":\"section\"}")" | jget '["id"]')
protect 赵科长 孙镇长 王实名 13800001111 反映其违规收受礼金 反映镇长问题 反映其违规发放津贴 今天收到 再次反映 \
	属本级受理范围 案情复杂，需调取材料 不属于纪检监察机关受理范围 来访反映
ready_user town --role township --unit "$UA" --password-stdin >/dev/null
login town "$PW" "$TJ" >/dev/null

report() {   # report JSON-MEMBERS: registers as the clerk, prints body+status
	api POST /api/reports "{$1}" "$CJ"
}
REAL='"channel":"letter","category":"accusation","kind":"accusation","real_name":true,"reporter":"王实名","contact":"13800001111"'

# registration and encryption at rest
r=$(report "\"received\":\"2022-09-28\",$REAL,\"accused\":[$P1],\"summary\":\"反映其违规收受礼金\"")
expect_eq "the clerk registers a real-name report: 201" 201 "$(status "$r")"; R1=$(body "$r" | jget '["id"]')
row=$(sql "SELECT reporter_enc || '|' || contact_enc || '|' || summary_enc FROM reports WHERE id = $R1")
expect_eq "reporter, contact and summary stored encrypted (x1:)" "x1:|x1:|x1:" \
	"$(sql "SELECT substr(reporter_enc,1,3) || '|' || substr(contact_enc,1,3) || '|' || substr(summary_enc,1,3) FROM reports WHERE id = $R1")"
case $row in *王实名*|*13800001111*|*礼金*) not_ok "no clear text in the *_enc columns" ;; *) ok "no clear text in the *_enc columns" ;; esac
expect_eq "... unit of the first accused" "$UA" "$(sql "SELECT unit_id FROM reports WHERE id = $R1")"
sql "UPDATE reports SET contact_enc = reporter_enc WHERE id = $R1"
expect_eq "a ciphertext moved to another field does not decrypt (bound to its place): 500" 500 "$(status "$(api GET "/api/reports/$R1" "" "$CJ")")"
sql "UPDATE reports SET contact_enc = '$(cut -d'|' -f2 <<<"$row")' WHERE id = $R1"

r=$(report '"received":"2099-01-01","channel":"fax","category":"","real_name":true,"summary":""')
expect_eq "a bad report: 422" 422 "$(status "$r")"
expect_eq "... each field named" "category channel contact kind received reporter summary" \
	"$(body "$r" | jget '["fields"]' | python3 -c 'import ast,sys; print(" ".join(sorted(ast.literal_eval(sys.stdin.read()))))')"
expect_contains "... in Chinese" "实名举报请填写举报人姓名" "$(body "$r")"
r=$(report '"received":"2022-05-01","channel":"phone","category":"other","kind":"other","real_name":false,"reporter":"某人","summary":"x"')
expect_eq "an anonymous report with a reporter name: 422" 422 "$(status "$r")"
expect_eq "accused given as text: 422" 422 "$(status "$(report '"received":"2022-05-01","channel":"phone","category":"other","kind":"other","summary":"x","accused":["赵"]')")"
expect_eq "case manager may not register: 403" 403 "$(status "$(api POST /api/reports '{"received":"2022-05-01","channel":"phone","category":"other","kind":"other","summary":"x"}')")"

# who sees the reporter
r=$(api GET "/api/reports/$R1" "" "$CJ")
expect_eq "the clerk reads the reporter and contact" "王实名 13800001111" "$(body "$r" | jget '["reporter"]+" "+d["contact"]')"
expect_eq "... and the summary" "反映其违规收受礼金" "$(body "$r" | jget '["summary"]')"
expect_eq "the leader reads the reporter" "王实名" "$(body "$(api GET "/api/reports/$R1" "" "$LJ")" | jget '["reporter"]')"
r=$(api GET "/api/reports/$R1")
expect_eq "the case manager reads the report but not who reported" "200 None None True" \
	"$(status "$r") $(body "$r" | jget '["reporter"]') $(body "$r" | jget '["contact"]') $(body "$r" | jget '["reporter_hidden"]')"
expect_eq "the read is audited (object report/N)" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'read' AND object = 'report/$R1' AND user_name = 'cm'")"
http_get "$H" -b "$JAR" "$BASE/reports/$R1" >/dev/null
expect_contains "the case manager's page says the identity is restricted" "（实名，身份信息仅限信访室与委领导查看）" "$(cat "$H.b")"
case "$(cat "$H.b")" in *王实名*|*13800001111*) not_ok "... without the name or contact" ;; *) ok "... without the name or contact" ;; esac
http_get "$H" -b "$CJ" "$BASE/reports/$R1" >/dev/null
expect_contains "the clerk's page shows the reporter" "王实名" "$(cat "$H.b")"
expect_contains "... and the contact" "13800001111" "$(cat "$H.b")"

# clocks across the 2022 National Day holiday (10-01..07 off, 10-08/09 make-up working days)
expect_eq "calendar data: 10-01..10-07 off, 10-08 and 10-09 working" "7|2" \
	"$(sql "SELECT (SELECT count(*) FROM holidays WHERE day BETWEEN '2022-10-01' AND '2022-10-07' AND off_day = 1) || '|' || (SELECT count(*) FROM holidays WHERE day IN ('2022-10-08','2022-10-09') AND off_day = 0)")"
# the transfer (forwarding) flow on a report of another level: it keeps
# only the forwarding record, no content (issue 10: 检举控告工作规则 art. 15;
# before, the report of another level was stored with its summary and
# reporter: that was the defect, t152 tests the refusal)
RF=$(body "$(report "\"received\":\"2022-09-28\",\"channel\":\"letter\",\"category\":\"accusation\",\"kind\":\"accusation\",\"real_name\":true,\"accused\":[$P1],\"other_level\":true")" | jget '["id"]')
# 5 working days after 09-28: 09-29, 09-30, 10-08, 10-09, 10-10
r=$(api GET "/api/reports/$RF" "" "$CJ")
expect_eq "transfer clock: 5 working days end 2022-10-10, overdue" "2022-09-28 2022-10-10 None 逾期" "$(clock_of "$(body "$r")" report_transfer)"
expect_eq "no acceptance notice for a report forwarded elsewhere (rules on handling accusations, 2020)" "" "$(clock_of "$(body "$r")" report_accept_notice)"
expect_eq "no petition acceptance decision for an accusation (Regulations on Letters and Visits, 2022)" "" "$(clock_of "$(body "$r")" petition_accept)"

# steps only from the right state
r=$(api POST "/api/reports/$RF/acceptance" '{"accept":true,"day":"2022-09-30"}' "$CJ")
expect_eq "accepting a report of another level: 422" 422 "$(status "$r")"
expect_contains "... saying it must be transferred" "应予转送" "$(body "$r")"
expect_eq "transfer without the receiving level: 422" 422 "$(status "$(api POST "/api/reports/$RF/transfer" '{"day":"2022-10-09"}' "$CJ")")"
expect_eq "transfer dated before receipt: 422" 422 "$(status "$(api POST "/api/reports/$RF/transfer" '{"day":"2022-09-01","transfer_to":"某区纪委"}' "$CJ")")"
expect_eq "the case manager may not take steps: 403" 403 "$(status "$(api POST "/api/reports/$RF/transfer" '{"day":"2022-10-09","transfer_to":"某区纪委"}')")"
expect_eq "transfer on 2022-10-09: 200" 200 "$(status "$(api POST "/api/reports/$RF/transfer" '{"day":"2022-10-09","transfer_to":"某区纪委"}' "$CJ")")"
expect_eq "transfer twice: 422" 422 "$(status "$(api POST "/api/reports/$RF/transfer" '{"day":"2022-10-09","transfer_to":"某区纪委"}' "$CJ")")"
expect_eq "concluding a transferred report: 422" 422 "$(status "$(api POST "/api/reports/$RF/conclusion" '{"day":"2022-10-10"}' "$CJ")")"
r=$(api GET "/api/reports/$RF" "" "$CJ")
expect_eq "... transfer clock done on time" "2022-09-28 2022-10-10 2022-10-09 已办结" "$(clock_of "$(body "$r")" report_transfer)"
expect_eq "... state transferred" "transferred 某区纪委" "$(body "$r" | jget '["state"]+" "+d["transfer_to"]')"

# jurisdiction
r=$(report "\"received\":\"2022-06-01\",\"channel\":\"visit\",\"category\":\"accusation\",\"kind\":\"accusation\",\"accused\":[$P3],\"summary\":\"反映镇长问题\"")
R2=$(body "$r" | jget '["id"]')
R3=$(body "$(report '"received":"2022-06-02","channel":"online","category":"suggestion","kind":"petition","summary":"建议"')" | jget '["id"]')
expect_eq "town reads a report of its unit: 200" 200 "$(status "$(api GET "/api/reports/$R1" "" "$TJ")")"
expect_eq "... without the reporter" "None" "$(body "$(api GET "/api/reports/$R1" "" "$TJ")" | jget '["reporter"]')"
expect_eq "town asks for a report outside its jurisdiction: 404" 404 "$(status "$(api GET "/api/reports/$R2" "" "$TJ")")"
expect_eq "... audited as access_denied" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = 'report/$R2' AND user_name = 'town'")"
expect_eq "a report naming nobody: 404 for town" 404 "$(status "$(api GET "/api/reports/$R3" "" "$TJ")")"
expect_eq "... audited too" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = 'report/$R3' AND user_name = 'town'")"
expect_eq "town's page: 404" 404 "$(http_status -b "$TJ" "$BASE/reports/$R2")"
expect_eq "town's list holds only its unit's reports" "2 $RF $R1" "$(body "$(api GET /api/reports "" "$TJ")" | jget '["total"]," ".join(str(x["id"]) for x in d["items"])' | tr -d "(),'")"

# accepted, notified, concluded; the home page; the overdue filter
r=$(report "\"received\":\"2022-03-01\",$REAL,\"accused\":[$P1],\"summary\":\"反映其违规发放津贴\"")
R4=$(body "$r" | jget '["id"]')
R5=$(body "$(report "\"received\":\"$today\",\"channel\":\"qr\",\"category\":\"other\",\"kind\":\"other\",\"accused\":[$P1],\"summary\":\"今天收到\"")" | jget '["id"]')
http_get "$H" -b "$CJ" "$BASE/" >/dev/null
expect_contains "the clerk's home page lists the overdue acceptance notice (15 working days)" "信访举报 $R4（甲局）</a></td><td>2022-03-01</td><td>2022-03-22</td>" "$(cat "$H.b")"
expect_contains "... marked 逾期" '<span class="clock overdue">逾期</span>' "$(cat "$H.b")"
case "$(cat "$H.b")" in *"信访举报 $R5（"*) not_ok "a report received today is not on the home page" ;; *) ok "a report received today is not on the home page" ;; esac
http_get "$H" -b "$JAR" "$BASE/" >/dev/null
expect_contains "the case manager's home page lists it too" "信访举报 $R4（甲局）" "$(cat "$H.b")"
expect_contains "... under the intake office's heading" "信访室" "$(cat "$H.b")"
expect_contains "... and the report without a unit is named as such" "（未指明单位）" "$(cat "$H.b")"
http_get "$H" -b "$LJ" "$BASE/" >/dev/null
case "$(cat "$H.b")" in *"信访举报 $R4（"*) not_ok "a leader's home page is not filled with report clocks" ;;
*) ok "a leader's home page is not filled with report clocks" ;; esac
r=$(api GET "/api/reports?overdue=1")
ids=" $(body "$r" | jget '["items"]' | python3 -c 'import ast,sys; print(" ".join(str(x["id"]) for x in ast.literal_eval(sys.stdin.read())))') "
expect_contains "the overdue filter lists R4" " $R4 " "$ids"
case $ids in *" $R5 "*) not_ok "... not the report received today" ;; *) ok "... not the report received today" ;; esac
expect_eq "filter by channel and category" "$R3" "$(body "$(api GET "/api/reports?channel=online&category=suggestion")" | jget '["items"][0]["id"]')"
expect_eq "filter by received range" 2 "$(body "$(api GET "/api/reports?from=2022-06-01&to=2022-06-30")" | jget '["total"]')"
expect_eq "filter by unit" 1 "$(body "$(api GET "/api/reports?unit_id=$UB")" | jget '["total"]')"

expect_eq "notice of acceptance before the decision: 422" 422 "$(status "$(api POST "/api/reports/$R4/notice" '{"kind":"accept","day":"2022-03-05"}' "$CJ")")"
expect_eq "concluding before acceptance: 422" 422 "$(status "$(api POST "/api/reports/$R4/conclusion" '{"day":"2022-03-05"}' "$CJ")")"
expect_eq "to a clue before acceptance: 422" 422 "$(status "$(api POST "/api/reports/$R4/clue" '{"day":"2022-03-05"}' "$CJ")")"
expect_eq "accept: 200" 200 "$(status "$(api POST "/api/reports/$R4/acceptance" '{"accept":true,"day":"2022-03-05","note":"属本级受理范围"}' "$CJ")")"
expect_eq "accept twice: 422" 422 "$(status "$(api POST "/api/reports/$R4/acceptance" '{"accept":false,"day":"2022-03-05","note":"x"}' "$CJ")")"
expect_eq "outcome notice before conclusion: 422" 422 "$(status "$(api POST "/api/reports/$R4/notice" '{"kind":"outcome","day":"2022-03-06"}' "$CJ")")"
expect_eq "acceptance notice: 200" 200 "$(status "$(api POST "/api/reports/$R4/notice" '{"kind":"accept","day":"2022-03-25"}' "$CJ")")"
expect_eq "an accusation has no petition extension: 422" 422 "$(status "$(api POST "/api/reports/$R4/extension" '{"day":"2022-03-20","note":"案情复杂"}' "$CJ")")"
# a petition: the conclusion deadline (60 days from 03-05: 05-04, a day
# of the Labour Day holiday, so 05-05) extended once by 30 days (06-03,
# the Dragon Boat Festival, so Monday 06-06)
RQ=$(body "$(report '"received":"2022-03-01","channel":"letter","category":"appeal","kind":"petition","summary":"申诉材料"')" | jget '["id"]')
api POST "/api/reports/$RQ/acceptance" '{"accept":true,"day":"2022-03-05","note":"属本级受理范围"}' "$CJ" >/dev/null
r=$(api POST "/api/reports/$RQ/extension" '{"day":"2022-03-20"}' "$CJ")
expect_eq "an extension without its reason: 422 naming note" "422 ['note']" "$(status "$r") $(body "$r" | jget '["fields"]' | python3 -c 'import ast,sys; print(sorted(ast.literal_eval(sys.stdin.read())))')"
r=$(api POST "/api/reports/$RQ/extension" '{"day":"2022-05-10","note":"案情复杂"}' "$CJ")
expect_eq "an extension after the deadline lapsed: 422" 422 "$(status "$r")"
expect_contains "... saying by when" "2022-05-05" "$(body "$r")"
expect_eq "extension: 200" 200 "$(status "$(api POST "/api/reports/$RQ/extension" '{"day":"2022-03-20","note":"案情复杂，需调取材料"}' "$CJ")")"
expect_eq "a second extension: 422" 422 "$(status "$(api POST "/api/reports/$RQ/extension" '{"day":"2022-03-21","note":"再延"}' "$CJ")")"
r=$(api GET "/api/reports/$RQ" "" "$CJ")
expect_eq "the conclusion clock runs 30 days more (open, so overdue today)" "2022-03-05 2022-06-06 None 逾期" "$(clock_of "$(body "$r")" petition_conclude)"
expect_contains "the reason stays on the timeline" "案情复杂，需调取材料" "$(body "$r")"
expect_eq "... not in the audit log" 0 "$(sql "SELECT count(*) FROM audit_log WHERE detail LIKE '%案情复杂%'")"
expect_eq "the petition concludes: 200" 200 "$(status "$(api POST "/api/reports/$RQ/conclusion" '{"day":"2022-04-01"}' "$CJ")")"
r=$(api GET "/api/reports/$RQ" "" "$CJ")
expect_eq "conclusion within the extended 90 days: 已办结" "2022-03-05 2022-06-06 2022-04-01 已办结" "$(clock_of "$(body "$r")" petition_conclude)"
expect_eq "conclude: 200" 200 "$(status "$(api POST "/api/reports/$R4/conclusion" '{"day":"2022-04-01"}' "$CJ")")"
expect_eq "outcome notice: 200" 200 "$(status "$(api POST "/api/reports/$R4/notice" '{"kind":"outcome","day":"2022-04-02"}' "$CJ")")"
r=$(api GET "/api/reports/$R4" "" "$CJ")
expect_eq "acceptance notice given late: 逾期办结" "2022-03-01 2022-03-22 2022-03-25 逾期办结" "$(clock_of "$(body "$r")" report_accept_notice)"
# after 04-01: 04-02 (a make-up Saturday), 04-03..05 off (清明), 04-24 a make-up Sunday
expect_eq "outcome notice clock from the conclusion (15 working days: 2022-04-24)" "2022-04-01 2022-04-24 2022-04-02 已办结" "$(clock_of "$(body "$r")" report_outcome_notice)"
expect_eq "anonymous: no notices" 422 "$(status "$(api POST "/api/reports/$R2/notice" '{"kind":"accept","day":"2022-06-02"}' "$CJ")")"
expect_eq "not accepted without a reason: 422" 422 "$(status "$(api POST "/api/reports/$R2/acceptance" '{"accept":false,"day":"2022-06-02"}' "$CJ")")"
expect_eq "not accepted with a reason: 200" 200 "$(status "$(api POST "/api/reports/$R2/acceptance" '{"accept":false,"day":"2022-06-02","note":"不属于纪检监察机关受理范围"}' "$CJ")")"

# report -> clue
r=$(api POST "/api/reports/$R4/clue" '{"day":"2022-04-05"}' "$CJ")
expect_eq "an accepted report becomes a clue: 201" 201 "$(status "$r")"; C1=$(body "$r" | jget '["clue_id"]')
expect_eq "... reports.clue_id set" "$C1" "$(sql "SELECT clue_id FROM reports WHERE id = $R4")"
expect_eq "... source report, ref 信访举报 N, the accused as subject" "report|信访举报 $R4|$P1" \
	"$(sql "SELECT k.source || '|' || k.source_ref || '|' || s.person_id FROM clues k JOIN clue_subjects s ON s.clue_id = k.id WHERE k.id = $C1")"
expect_eq "... the summary copied" "反映其违规发放津贴" "$(body "$(api GET "/api/clues/$C1")" | jget '["summary"]')"
expect_eq "a second clue from the same report: 422" 422 "$(status "$(api POST "/api/reports/$R4/clue" '{"day":"2022-04-05"}' "$CJ")")"
R6=$(body "$(report "\"received\":\"2022-05-01\",\"channel\":\"phone\",\"category\":\"accusation\",\"kind\":\"accusation\",\"accused\":[$P1],\"summary\":\"再次反映\"")" | jget '["id"]')
api POST "/api/reports/$R6/acceptance" '{"accept":true,"day":"2022-05-02"}' "$CJ" >/dev/null
r=$(api POST "/api/reports/$R6/clue" '{"day":"2022-05-03"}' "$CJ")
expect_eq "the accused has an open clue: 409 like /api/clues" 409 "$(status "$r")"
expect_eq "... naming the accused" "赵科长" "$(body "$r" | jget '["duplicates"][0]["name"]')"
expect_eq "... nothing saved" "1|" "$(sql "SELECT (SELECT count(*) FROM clues) || '|' || COALESCE((SELECT CAST(clue_id AS TEXT) FROM reports WHERE id = $R6), '')")"
expect_eq "confirmed: 201" 201 "$(status "$(api POST "/api/reports/$R6/clue" '{"day":"2022-05-03","confirm":true}' "$CJ")")"
expect_eq "town may not turn a report into a clue: 403" 403 "$(status "$(api POST "/api/reports/$R2/clue" '{"day":"2022-06-03"}' "$TJ")")"

r=$(api GET "/api/reports/$R4" "" "$CJ")
expect_eq "the timeline holds every step in order" "登记信访举报,受理,告知举报人受理情况,办结,向举报人反馈办理结果,转为问题线索" \
	"$(body "$r" | jget '["timeline"]' | python3 -c 'import ast,sys; print(",".join(e["action"] for e in ast.literal_eval(sys.stdin.read())))')"
expect_eq "no reporter name, contact or summary in the audit log" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE detail LIKE '%王实名%' OR detail LIKE '%13800001111%' OR detail LIKE '%礼金%' OR detail LIKE '%津贴%' OR detail LIKE '%某区纪委%' OR detail LIKE '%受理范围%'")"
expect_eq "... which records each step" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'report_transfer' AND object = 'report/$RF'")"
expect_eq "nor in the timeline (the reporter)" 0 "$(sql "SELECT count(*) FROM timeline WHERE detail LIKE '%王实名%' OR action LIKE '%王实名%'")"

# the pages
ctok=$(csrf_of "$CJ")
expect_eq "GET /reports: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/reports")"
expect_contains "... lists the reports with their accused" "孙镇长" "$(cat "$H.b")"
expect_contains "... and the navigation link" '<a href="/reports"' "$(cat "$H.b")"
expect_eq "GET /reports?overdue=1: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/reports?overdue=1")"
expect_contains "... listing R3 (a petition never decided)" "/reports/$R3\"" "$(cat "$H.b")"
case "$(cat "$H.b")" in *"/reports/$R4\""*) not_ok "... not R4 (every clock done)" ;; *) ok "... not R4 (every clock done)" ;; esac
expect_eq "GET /reports/new (clerk): 200" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/new")"
expect_eq "the case manager has no form: 403" 403 "$(http_status -b "$JAR" "$BASE/reports/new")"
expect_eq "a real-name form without a reporter: 422" 422 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$ctok" --data "received=2022-07-01&channel=visit&category=appeal&kind=petition&real_name=1" --data-urlencode "summary=来访反映" "$BASE/reports")"
expect_contains "... the message beside the field" "实名举报请填写举报人姓名" "$(cat "$H.b")"
expect_contains "... keeping the typed summary" "来访反映" "$(cat "$H.b")"
expect_eq "a complete form: 303" 303 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$ctok" --data "received=2022-07-01&channel=visit&category=appeal&kind=petition&real_name=1&accused=$P3" \
		--data-urlencode "reporter=李来访" --data-urlencode "contact=13900002222" --data-urlencode "summary=来访反映" "$BASE/reports")"
RP=$(sed -n 's/^location: \/reports\/\([0-9]*\).*/\1/Ip' "$H.h")
expect_eq "... stored with its accused and unit" "$UB|1" "$(sql "SELECT unit_id || '|' || real_name FROM reports WHERE id = $RP")"
expect_eq "accept on the page: 303" 303 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$ctok" --data "form=decision&decision=accept&decision_day=2022-07-02" "$BASE/reports/$RP/step")"
expect_eq "... accepted" "accepted|2022-07-02" "$(sql "SELECT state || '|' || accepted FROM reports WHERE id = $RP")"
expect_eq "accepting again on the page: 422" 422 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$ctok" --data "form=decision&decision=accept&decision_day=2022-07-02" "$BASE/reports/$RP/step")"
expect_eq "the page shows the clocks" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/$RP")"
expect_contains "... 信访事项办结 running" "信访事项办结" "$(cat "$H.b")"
expect_contains "... with the step forms" 'value="conclude"' "$(cat "$H.b")"
expect_eq "to a clue on the page: 303" 303 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$ctok" --data "form=clue&clue_day=2022-07-03" "$BASE/reports/$RP/clue")"
expect_eq "... linked" 1 "$(sql "SELECT count(*) FROM reports WHERE id = $RP AND clue_id IS NOT NULL")"

stop_server
"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
finish
