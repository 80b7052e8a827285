# t100_clues.sh: the clue registry and the disposition flow through the
# JSON API: registering (with the open-clue warning and field errors),
# need-to-know by jurisdiction, proposals only along the allowed
# transitions, approval by the right leader (the principal leader for
# filing), first_disposed set once, the timeline, the audit.
# Issue 10 adapted it where the old behaviour was the defect: a case was
# filed straight after a talk inquiry (now: after a preliminary
# verification, 监督执纪工作规则 2019 art. 38), and approval was keyed to a
# county-rank subject (now such a subject's clue is forwarded at a county,
# t152; this test runs as a prefecture commission, where county-rank
# cadres are its own and any leader approves their dispositions).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
"$QF_BIN" config set level prefecture >/dev/null
for u in lead:leader boss:leader; do
	extra=; [ "${u%%:*}" = boss ] && extra=--principal
	ready_user "${u%%:*}" --role "${u#*:}" $extra --password-stdin >/dev/null
done
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"

today=$(date -u -d '+8 hours' +%F)

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙镇","kind":"township"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
P2=$(body "$(api POST /api/persons "{\"name\":\"钱局长\",\"unit_id\":$UA,\"rank\":\"county\",\"top_leader\":true}")" | jget '["id"]')
P3=$(body "$(api POST /api/persons "{\"name\":\"孙镇长\",\"unit_id\":$UB,\"rank\":\"section\"}")" | jget '["id"]')
protect 赵科长 钱局长 孙镇长 反映其违规收受礼金 问题线索较轻，拟谈话函询 函询后发现新问题，拟立案 拟了结 退回补充 拟初核
ready_user town --role township --unit "$UA" --password-stdin >/dev/null

clue() {   # clue SUBJECT_IDS [extra json]: registers, prints body+status
	api POST /api/clues "{\"received\":\"2022-03-02\",\"source\":\"report\",\"source_ref\":\"R1\",\"summary\":\"反映其违规收受礼金\",\"subjects\":[$1]${2:+,$2}}"
}
r=$(clue "$P1"); expect_eq "register a clue: 201" 201 "$(status "$r")"; C1=$(body "$r" | jget '["id"]')
enc=$(sql "SELECT summary_enc FROM clues WHERE id = $C1")
expect_eq "the summary is stored encrypted (x1:)" "x1:" "${enc:0:3}"
case $enc in *礼金*) not_ok "no clear text in summary_enc" ;; *) ok "no clear text in summary_enc" ;; esac
r=$(api GET "/api/clues/$C1")
expect_eq "read it back: 200" 200 "$(status "$r")"
expect_eq "... summary decrypted" "反映其违规收受礼金" "$(body "$r" | jget '["summary"]')"
expect_eq "... state registered (待处置)" "registered 待处置" "$(body "$r" | jget '["state"]+" "+d["state_label"]')"
expect_eq "... subject listed" "赵科长" "$(body "$r" | jget '["subjects"][0]["name"]')"

r=$(clue "$P1")
expect_eq "a second clue on the same subject: 409 before saving" 409 "$(status "$r")"
expect_eq "... naming the subject and the open clues" "赵科长 1" "$(body "$r" | jget '["duplicates"][0]["name"]+" "+str(d["duplicates"][0]["open_clues"])')"
expect_eq "... nothing saved" 1 "$(sql "SELECT count(*) FROM clues")"
r=$(clue "$P1" '"confirm":true'); expect_eq "confirmed: 201" 201 "$(status "$r")"; C1B=$(body "$r" | jget '["id"]')

r=$(api POST /api/clues '{"received":"2099-01-01","source":"nonsense","summary":"","subjects":[]}')
expect_eq "bad clue: 422" 422 "$(status "$r")"
expect_eq "... each field named" "received source subjects summary" "$(body "$r" | jget '["fields"]' | python3 -c 'import ast,sys; print(" ".join(sorted(ast.literal_eval(sys.stdin.read()))))')"

# need-to-know by jurisdiction
r=$(clue "$P3"); C3=$(body "$r" | jget '["id"]')
TJ=$T_DIR/town.jar
expect_eq "town logs in" 303 "$(login town "$PW" "$TJ")"
expect_eq "town reads a clue of its unit: 200" 200 "$(status "$(api GET "/api/clues/$C1" "" "$TJ")")"
expect_eq "town asks for a clue outside its jurisdiction: 404" 404 "$(status "$(api GET "/api/clues/$C3" "" "$TJ")")"
expect_eq "... audited as access_denied" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = 'clue/$C3' AND user_name = 'town'")"
expect_eq "town's list holds only its clues" "2" "$(api GET /api/clues "" "$TJ" | head -n -1 | jget '["total"]')"
CJ=$T_DIR/clerk.jar
login clerk "$PW" "$CJ" >/dev/null
expect_eq "the intake clerk registers a clue: 201" 201 "$(status "$(api POST /api/clues "{\"received\":\"2022-03-05\",\"source\":\"report\",\"summary\":\"来信\",\"subjects\":[$P3],\"confirm\":true}" "$CJ")")"
expect_eq "... but does not read the registry: 403" 403 "$(status "$(api GET /api/clues "" "$CJ")")"

# disposition
r=$(api POST "/api/clues/$C1/dispositions" '{"method":"talk_inquiry","reason":"问题线索较轻，拟谈话函询"}')
expect_eq "propose talk_inquiry: 201" 201 "$(status "$r")"; D1=$(body "$r" | jget '["id"]')
expect_eq "a second proposal while one is pending: 422" 422 "$(status "$(api POST "/api/clues/$C1/dispositions" '{"method":"close","reason":"x"}')")"
expect_eq "cm may not approve: 403" 403 "$(status "$(api POST "/api/dispositions/$D1/decision" '{"approve":true,"day":"2022-03-10"}')")"
LJ=$T_DIR/lead.jar
login lead "$PW" "$LJ" >/dev/null
expect_eq "approval dated before the clue was received: 422" 422 "$(status "$(api POST "/api/dispositions/$D1/decision" '{"approve":true,"day":"2022-03-01"}' "$LJ")")"
expect_eq "the leader approves: 200" 200 "$(status "$(api POST "/api/dispositions/$D1/decision" '{"approve":true,"day":"2022-03-10","note":"同意"}' "$LJ")")"
expect_eq "... clue now talk_inquiry, first disposed 2022-03-10" "talk_inquiry|2022-03-10" "$(sql "SELECT state || '|' || first_disposed FROM clues WHERE id = $C1")"
expect_eq "approving it twice: 422" 422 "$(status "$(api POST "/api/dispositions/$D1/decision" '{"approve":true,"day":"2022-03-10"}' "$LJ")")"
expect_eq "shelve after talk_inquiry is not allowed: 422" 422 "$(status "$(api POST "/api/clues/$C1/dispositions" '{"method":"shelve","reason":"x"}')")"
expect_eq "file_case after talk_inquiry is not allowed: 422" 422 "$(status "$(api POST "/api/clues/$C1/dispositions" '{"method":"file_case","reason":"x"}')")"
r=$(api POST "/api/clues/$C1/dispositions" '{"method":"preliminary_verification","reason":"函询后发现新问题，拟初核"}')
expect_eq "an inquiry then a verification: 201" 201 "$(status "$r")"; D2V=$(body "$r" | jget '["id"]')
expect_eq "... approved" 200 "$(status "$(api POST "/api/dispositions/$D2V/decision" '{"approve":true,"day":"2022-03-20"}' "$LJ")")"
r=$(api POST "/api/clues/$C1/dispositions" '{"method":"file_case","reason":"函询后发现新问题，拟立案"}')
expect_eq "file_case after the verification: 201" 201 "$(status "$r")"; D2=$(body "$r" | jget '["id"]')
BJ=$T_DIR/boss.jar
login boss "$PW" "$BJ" >/dev/null
FILING='"filing":{"case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"],"committee_by":"县委书记","committee_day":"2022-04-01"}'
expect_eq "approved by the principal leader" 200 "$(status "$(api POST "/api/dispositions/$D2/decision" "{\"approve\":true,\"day\":\"2022-04-01\",$FILING}" "$BJ")")"
expect_eq "... filed; first_disposed stays 2022-03-10 (counted once)" "filed|2022-03-10" "$(sql "SELECT state || '|' || first_disposed FROM clues WHERE id = $C1")"
expect_eq "nothing follows filing: 422" 422 "$(status "$(api POST "/api/clues/$C1/dispositions" '{"method":"close","reason":"x"}')")"

# rejection leaves the clue as it was
r=$(api POST "/api/clues/$C1B/dispositions" '{"method":"close","reason":"拟了结"}'); D3=$(body "$r" | jget '["id"]')
expect_eq "the leader rejects: 200" 200 "$(status "$(api POST "/api/dispositions/$D3/decision" '{"approve":false,"day":"2022-03-12","note":"退回补充"}' "$LJ")")"
expect_eq "... clue still registered, not disposed" "registered|" "$(sql "SELECT state || '|' || COALESCE(first_disposed, '') FROM clues WHERE id = $C1B")"

# county-rank subject at a prefecture commission: its own, any leader.  The
# verification counts under its proposer's office at the approval (stored on
# the clue, migration 0045; t200 checks a later change of office)
sql "UPDATE users SET office = '第二监督检查室' WHERE name = 'cm'" >/dev/null
r=$(clue "$P2"); C2=$(body "$r" | jget '["id"]')
r=$(api POST "/api/clues/$C2/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}'); D4=$(body "$r" | jget '["id"]')
expect_eq "a deputy leader approves a verification of a 处级 subject (prefecture): 200" 200 \
	"$(status "$(api POST "/api/dispositions/$D4/decision" '{"approve":true,"day":"2022-03-15"}' "$LJ")")"

# the home page lists what is overdue and what waits for approval; the
# case manager's overview groups by the office that proposed the verification
http_get "$H" -b "$JAR" "$BASE/" >/dev/null
expect_contains "cm's overview: the verification under the proposer's office" \
	"<h3>第二监督检查室</h3>" "$(cat "$H.b")"
expect_contains "cm's home page: the verification approved 2022-03-15 is overdue" \
	"问题线索 $C2（甲局）</a></td><td>2022-03-15</td>" "$(cat "$H.b")"
expect_contains "... marked 逾期" '<span class="clock overdue">逾期</span>' "$(cat "$H.b")"
r=$(api POST "/api/clues/$C3/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}'); D5=$(body "$r" | jget '["id"]')
http_get "$H" -b "$LJ" "$BASE/" >/dev/null
expect_contains "the leader's home page lists the disposition waiting for approval" \
	"处置意见待审批：初步核实" "$(cat "$H.b")"
expect_eq "approved today: a fresh clock is not listed yet" 200 \
	"$(status "$(api POST "/api/dispositions/$D5/decision" "{\"approve\":true,\"day\":\"$today\"}" "$LJ")")"
http_get "$H" -b "$JAR" "$BASE/" >/dev/null
case "$(cat "$H.b")" in *"问题线索 $C3（"*) not_ok "a running clock is not on the home page" ;; *) ok "a running clock is not on the home page" ;; esac
http_get "$H" -b "$TJ" "$BASE/" >/dev/null
expect_contains "town sees the overdue clue of its jurisdiction" "问题线索 $C2（甲局）" "$(cat "$H.b")"

# the registry's overdue filter: C2 (verification from 2022-03-15) is, C3 (today) is not
r=$(api GET "/api/clues?overdue=1")
expect_eq "overdue filter: exactly the overdue verification" "1 $C2" "$(body "$r" | jget '["total"],d["items"][0]["id"]' | tr -d '(),')"
expect_eq "... its clock start is stored" "2022-03-15" "$(sql "SELECT clock_start FROM clues WHERE id = $C2")"
expect_eq "overdue and another unit: none" 0 "$(body "$(api GET "/api/clues?overdue=1&unit_id=$UB")" | jget '["total"]')"
http_get "$H" -b "$JAR" "$BASE/clues?overdue=1" >/dev/null
expect_contains "the registry page filters overdue too" "<a href=\"/clues/$C2\">$C2</a>" "$(cat "$H.b")"
expect_contains "... the box stays ticked" 'name="overdue" checked' "$(cat "$H.b")"
expect_contains "... the row shows its due day (15 working days, 2022-04-02 a make-up day, 04-03..05 off) marked 逾期" "2022-04-06 <span class=\"clock overdue\">逾期</span>" "$(cat "$H.b")"

r=$(api GET "/api/clues/$C1")
expect_eq "the timeline holds every step in order" "登记线索,拟处置：谈话函询,批准处置：谈话函询,拟处置：初步核实,批准处置：初步核实,拟处置：立案审查调查,批准处置：立案审查调查,立案：案件 1" \
	"$(body "$r" | jget '["timeline"]' | python3 -c 'import ast,sys; print(",".join(e["action"] for e in ast.literal_eval(sys.stdin.read())))')"
expect_eq "... and the dispositions with who decided" "approved 同意" "$(body "$r" | jget '["dispositions"][0]["state"]+" "+d["dispositions"][0]["decision_note"]')"
r=$(api GET "/api/clues?state=filed")
expect_eq "filter by state" 1 "$(body "$r" | jget '["total"]')"
r=$(api GET "/api/clues?subject=%E9%92%B1")
expect_eq "filter by subject name" "$C2" "$(body "$r" | jget '["items"][0]["id"]')"
expect_eq "campaign: create (case manager)" 201 "$(status "$(api POST /api/campaigns '{"name":"农业补贴专项整治","start":"2022-03-01"}')")"
expect_eq "no person names in the audit log" 0 "$(sql "SELECT count(*) FROM audit_log WHERE detail LIKE '%赵科长%' OR object LIKE '%赵科长%' OR detail LIKE '%礼金%'")"
expect_eq "no reasons or decision notes (case content) in the audit log" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE detail LIKE '%函询%发现%' OR detail LIKE '%同意%' OR detail LIKE '%拟初核%' OR detail LIKE '%退回补充%'")"
expect_eq "... which the timeline keeps" 1 "$(sql "SELECT count(*) FROM timeline WHERE detail = '退回补充'")"
# the same flow through the pages
tok=$(csrf_of)
expect_eq "GET /clues: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/clues")"
expect_contains "... lists the clues with their subjects" "钱局长" "$(cat "$H.b")"
expect_eq "GET /clues/new: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/clues/new")"
# issue 12: the subjects are chosen with the persons' picker (typed, found
# page by page), no longer a list of every person grouped by unit
expect_contains "... offers the subjects' picker" 'data-pick="/api/pick/persons" data-multi="1"' "$(cat "$H.b")"
expect_eq "an empty form: 422 with messages beside the fields" 422 \
	"$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "received=&source=&summary=" "$BASE/clues")"
expect_contains "... 请至少选择一名被反映人" "请至少选择一名被反映人" "$(cat "$H.b")"
form_clue() {
	http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "received=2022-05-06&source=inspection" \
		--data-urlencode "summary=巡察发现其违规发放津贴" --data "subjects=$P2&subjects=$P1" "$@" "$BASE/clues"
}
expect_eq "a clue whose subjects have open clues: 409, asking to confirm" 409 "$(form_clue)"
expect_contains "... the warning names them" "赵科长" "$(cat "$H.b")"
expect_contains "... and offers 确认登记" 'name="confirm"' "$(cat "$H.b")"
expect_contains "... keeping the typed summary" "巡察发现其违规发放津贴" "$(cat "$H.b")"
expect_eq "confirmed: 303 to the clue" 303 "$(form_clue --data confirm=1)"
CP=$(sed -n 's/^location: \/clues\/\([0-9]*\).*/\1/Ip' "$H.h")
expect_eq "... with both subjects" 2 "$(sql "SELECT count(*) FROM clue_subjects WHERE clue_id = $CP")"
expect_eq "propose through the page: 303" 303 \
	"$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "method=close" --data-urlencode "reason=查无实据" "$BASE/clues/$CP/dispositions")"
DP=$(sql "SELECT id FROM dispositions WHERE clue_id = $CP")
ltok=$(csrf_of "$LJ")
expect_eq "a refusal without its reason on the page: 422" 422 \
	"$(http_get "$H" -b "$LJ" --data-urlencode "csrf=$ltok" --data "approve=0&day=2022-05-10" "$BASE/dispositions/$DP/decision")"
expect_contains "... saying why" "退回处置意见须写明理由" "$(cat "$H.b")"
expect_eq "a leader approves on the page: 303" 303 \
	"$(http_get "$H" -b "$LJ" --data-urlencode "csrf=$ltok" --data "approve=1&day=2022-05-10" "$BASE/dispositions/$DP/decision")"
expect_eq "GET the clue page: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/clues/$CP")"
expect_contains "... state 已了结" "已了结" "$(cat "$H.b")"
expect_contains "... the timeline" "批准处置：予以了结" "$(cat "$H.b")"
expect_contains "... the summary for those who may read it" "巡察发现其违规发放津贴" "$(cat "$H.b")"
CAMP=$(sql "SELECT id FROM campaigns LIMIT 1")
sql "UPDATE clues SET campaign_id = $CAMP WHERE id = $CP"
http_get "$H" -b "$JAR" "$BASE/clues?campaign_id=$CAMP" >/dev/null
expect_eq "the page filters by campaign" 1 "$(grep -o '<td class="num"><a href="/clues/[0-9]*"' "$H.b" | wc -l)"
http_get "$H" -b "$JAR" "$BASE/clues?unit_id=$UB" >/dev/null
expect_eq "... and by unit (only 乙镇's clues)" "$(sql "SELECT count(*) FROM clues WHERE unit_id = $UB")" "$(grep -o '<td class="num"><a href="/clues/[0-9]*"' "$H.b" | wc -l)"
expect_eq "town may not open a clue page outside its jurisdiction: 404" 404 "$(http_status -b "$TJ" "$BASE/clues/$C3")"

stop_server
"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
finish
