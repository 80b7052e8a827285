# t130_outcomes.sh: outcomes (处理结果) on cases and clues through the JSON
# API and the pages: the form computed from the measures (a typed one
# refused), measure codes and probation months checked, influence periods
# (24 + 24 months for 留党察看, permanent for 开除党籍), need-to-know on cases
# (404 and access_denied off the team), the execution checklist and its
# queue, follow-up visits, clarifications, accountability, money in fen,
# and the person page's record section.
# Adapted in issue 10 where the old behaviour was the defect: one outcome
# per person and matter (the test recorded several on one case; now one
# matter each, and a clue's outcome moves to its case at filing), party
# sanctions only for party members (the subjects are members now), a
# follow-up visit of a first-form outcome is allowed (the 2022 report
# counts them), and the government-sanction chain with its 48-month cap
# is gone (that rule is for appointing bodies; t150 tests that a sanction
# inside another's period runs its own).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
for u in lead:leader tri:trial sup:supervisor; do
	extra=; [ "${u%%:*}" = lead ] && extra=--principal   # issue 10: filing needs the principal leader
	ready_user "${u%%:*}" --role "${u#*:}" $extra --password-stdin >/dev/null
done
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"

fields() { body "$1" | python3 -c 'import json,sys; print(" ".join(sorted(json.load(sys.stdin).get("fields", {}))))'; }

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙镇","kind":"township"}')" | jget '["id"]')
person() { body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$2,\"rank\":\"section\",\"party_member\":true}")" | jget '["id"]'; }
P1=$(person 赵科长 "$UA"); P2=$(person 钱科长 "$UA"); P3=$(person 孙镇长 "$UB")
protect 赵科长 钱科长 孙镇长 反映其违规发放补贴 拟谈话函询 思想稳定，工作积极
for u in town:"$UA" town2:"$UB"; do
	ready_user "${u%%:*}" --role township --unit "${u#*:}" --password-stdin >/dev/null
done
for u in lead tri sup town town2; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
LJ=$T_DIR/lead.jar TRJ=$T_DIR/tri.jar SJ=$T_DIR/sup.jar TJ=$T_DIR/town.jar T2J=$T_DIR/town2.jar

# a clue through the real API, disposed by the leader
r=$(api POST /api/clues "{\"received\":\"2020-01-02\",\"source\":\"report\",\"summary\":\"反映其违规发放补贴\",\"subjects\":[$P1,$P2]}")
C1=$(body "$r" | jget '["id"]')
r=$(api POST /api/clues "{\"received\":\"2020-01-03\",\"source\":\"report\",\"summary\":\"未处置\",\"subjects\":[$P1],\"confirm\":true}")
C2=$(body "$r" | jget '["id"]')
D1=$(body "$(api POST "/api/clues/$C1/dispositions" '{"method":"talk_inquiry","reason":"拟谈话函询"}')" | jget '["id"]')
expect_eq "the leader approves the disposition" 200 "$(status "$(api POST "/api/dispositions/$D1/decision" '{"approve":true,"day":"2020-01-06"}' "$LJ")")"

# make_case CLUE FILED USER...: files a case on the clue the way staff do
# (a preliminary verification, then file_case proposed and approved by the
# principal leader on FILED with its filing record: issue 10, 监督执纪工作
# 规则 art. 38) and puts the users on its team (a trial officer as the
# trial member, anyone else as a member: issue 10, the separation of
# investigation and trial, refuses a trial officer as a plain member);
# prints the case's id
make_case() {
	local d id u role clue=$1 filed=$2
	shift 2
	d=$(body "$(api POST "/api/clues/$clue/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" "{\"approve\":true,\"day\":\"$filed\"}" "$LJ" >/dev/null
	d=$(body "$(api POST "/api/clues/$clue/dispositions" '{"method":"file_case","reason":"拟立案"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" "{\"approve\":true,\"day\":\"$filed\",\"filing\":{\"case_type\":\"discipline\",\"organ_kind\":\"office\",\"organ_name\":\"第一审查调查室\",\"categories\":[\"integrity\"],\"committee_by\":\"县委书记\",\"committee_day\":\"$filed\"}}" "$LJ" >/dev/null
	id=$(sql "SELECT id FROM cases WHERE clue_id = $clue")
	for u in "$@"; do
		role=$(sql "SELECT CASE WHEN role = 'trial' THEN 'trial' ELSE 'member' END FROM users WHERE name = '$u'")
		api POST "/api/cases/$id/team" "{\"user_id\":$(sql "SELECT id FROM users WHERE name = '$u'"),\"role\":\"$role\"}" >/dev/null
	done
	echo "$id"
}
outcome() {   # outcome JSON [JAR]
	api POST /api/outcomes "$1" "${2:-$JAR}"
}
form_of() { api GET "/api/outcomes/$1" | head -n -1 | jget '["form"]'; }
# new_clue SUBJECT...: a clue on the subjects, disposed by the leader
new_clue() {
	local ids id d
	ids=$(IFS=,; echo "$*")
	id=$(body "$(api POST /api/clues "{\"received\":\"2020-01-02\",\"source\":\"report\",\"summary\":\"反映其违规发放补贴\",\"subjects\":[$ids],\"confirm\":true}")" | jget '["id"]')
	d=$(body "$(api POST "/api/clues/$id/dispositions" '{"method":"talk_inquiry","reason":"拟谈话函询"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" '{"approve":true,"day":"2020-01-06"}' "$LJ" >/dev/null
	echo "$id"
}

# the four forms, computed; a clue's outcome moves to the case filed on it
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C1,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"]}")
expect_eq "criticism on the clue: 201" 201 "$(status "$r")"; O1=$(body "$r" | jget '["id"]')
expect_eq "... form 1, no sanction, no period" "1 False None" "$(api GET "/api/outcomes/$O1" | head -n -1 | jget '["form"], d["sanctioned"], d["bar_until"]' | tr -d '(),')"
A1=$(make_case "$C1" 2020-01-08 tri)
expect_eq "filing made a case with the clue's two subjects and tri on its team" "2 1" \
	"$(sql "SELECT (SELECT count(*) FROM case_subjects WHERE case_id = $A1) || ' ' || (SELECT count(*) FROM case_team WHERE case_id = $A1)")"
expect_eq "... and the clue's outcome moved to the case (one matter, counted once)" "$A1 0" \
	"$(sql "SELECT case_id || ' ' || COALESCE(clue_id, 0) FROM outcomes WHERE id = $O1")"
r=$(outcome "{\"person_id\":$P2,\"case_id\":$A1,\"day\":\"2020-03-01\",\"measures\":[\"party_warning\",\"admonishment\"]}" "$TRJ")
expect_eq "party_warning + admonishment by the team's trial officer: 201" 201 "$(status "$r")"; O2=$(body "$r" | jget '["id"]')
expect_eq "... form 2" 2 "$(form_of "$O2")"
http_get "$H" -b "$TRJ" "$BASE/cases/$A1" >/dev/null
expect_contains "the case page lists its outcome with the person and the measures" \
	"<tr><td>钱科长</td><td>2020-03-01</td><td>诫勉、警告</td><td>第二种形态</td>" "$(cat "$H.b")"
expect_contains "... and offers the team's trial officer to record one" "href=\"/outcomes/new?case=$A1\"" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/clues/$C1" >/dev/null
case "$(cat "$H.b")" in *"<tr><td>钱科长</td><td>2020-03-01<"*) not_ok "the clue page lists only the clue's own outcomes" ;;
*) ok "the clue page lists only the clue's own outcomes" ;; esac
expect_eq "... campaign and unit copied: the person's unit" "$UA" "$(sql "SELECT unit_id FROM outcomes WHERE id = $O2")"
A2=$(make_case "$(new_clue "$P1")" 2020-01-08 tri)
A3=$(make_case "$(new_clue "$P2")" 2020-01-08 tri)
C5=$(new_clue "$P1")
r=$(outcome "{\"person_id\":$P1,\"case_id\":$A2,\"day\":\"2024-06-01\",\"measures\":[\"party_probation\"]}")
expect_eq "party_probation without its months: 422" 422 "$(status "$r")"
expect_eq "... naming probation_months" "probation_months" "$(fields "$r")"
r=$(outcome "{\"person_id\":$P1,\"case_id\":$A2,\"day\":\"2024-06-01\",\"measures\":[\"party_probation\"],\"probation_months\":24}")
expect_eq "party_probation, 24 months: 201" 201 "$(status "$r")"; O3=$(body "$r" | jget '["id"]')
expect_eq "... form 3, 24 + 24 months barred" "3 2028-06-01" "$(api GET "/api/outcomes/$O3" | head -n -1 | jget '["form"], d["bar_until"]' | tr -d "(),'")"
r=$(outcome "{\"person_id\":$P2,\"case_id\":$A3,\"day\":\"2020-04-01\",\"measures\":[\"criminal_transfer\",\"party_expulsion\"]}")
O4=$(body "$r" | jget '["id"]')
expect_eq "criminal_transfer + party_expulsion: form 4, permanent" "4 9999-12-31 True" \
	"$(api GET "/api/outcomes/$O4" | head -n -1 | jget '["form"], d["bar_until"], d["permanent"]' | tr -d "(),'")"

n0=$(sql "SELECT count(*) FROM outcomes")
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C5,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"],\"form\":4}")
expect_eq "a typed form: 422" 422 "$(status "$r")"
expect_eq "... naming form" "form" "$(fields "$r")"
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C5,\"day\":\"2020-02-01\",\"measures\":[\"criticism\",\"warning\"]}")
expect_eq "an unknown measure code: 422 naming measures" "422 measures" "$(status "$r") $(fields "$r")"
expect_contains "... and the code" "warning" "$(body "$r")"
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C5,\"day\":\"2020-02-01\",\"measures\":[\"criticism\",\"criticism\"]}")
expect_eq "a measure twice: 422 naming measures" "422 measures" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C5,\"day\":\"2020-02-01\",\"measures\":[]}")
expect_eq "no measure: 422 naming measures" "422 measures" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$P3,\"case_id\":$A1,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"]}")
expect_eq "a person who is not a subject: 422 naming person_id" "422 person_id" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C2,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"]}")
expect_eq "a clue not yet disposed: 422 naming clue_id" "422 clue_id" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$P1,\"clue_id\":$C1,\"case_id\":$A1,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"]}")
expect_eq "both a case and a clue: 422" 422 "$(status "$r")"
r=$(outcome "{\"person_id\":$P1,\"case_id\":$A1,\"day\":\"2099-01-01\",\"measures\":[\"criticism\"]}")
expect_eq "a day after today: 422 naming day" "422 day" "$(status "$r") $(fields "$r")"
expect_eq "... nothing saved by the refusals" "$n0" "$(sql "SELECT count(*) FROM outcomes")"

# need-to-know
r=$(outcome "{\"person_id\":$P1,\"case_id\":$A1,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"]}" "$SJ")
expect_eq "a supervisor not on the case team: 404" 404 "$(status "$r")"
expect_eq "... audited as access_denied" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = 'case/$A1' AND user_name = 'sup'")"
expect_eq "... nor may he read the outcome: 404" 404 "$(status "$(api GET "/api/outcomes/$O2" "" "$SJ")")"
expect_eq "a township user outside the clue's jurisdiction: 404" 404 "$(status "$(outcome "{\"person_id\":$P1,\"clue_id\":$C1,\"day\":\"2020-02-01\",\"measures\":[\"criticism\"]}" "$T2J")")"

expect_eq "the timeline of the case names the measures in Chinese" 1 \
	"$(sql "SELECT count(*) FROM timeline WHERE object = 'case/$A2' AND action = '记录处理结果' AND detail LIKE '%留党察看%'")"
expect_eq "the audit log records the step without names or measures" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE detail LIKE '%赵科长%' OR detail LIKE '%钱科长%' OR detail LIKE '%留党察看%' OR detail LIKE '%补贴%'")"
expect_eq "... one create entry per outcome" "$(sql "SELECT count(*) FROM outcomes")" "$(sql "SELECT count(*) FROM audit_log WHERE event = 'create' AND object LIKE 'outcome/%'")"

# execution
SANC=$(sql "SELECT count(*) FROM outcomes WHERE sanctioned = 1")
pending() { api GET /api/executions "" "${1:-$JAR}" | head -n -1 | jget '["total"]'; }
expect_eq "the case manager's queue holds every sanction" "$SANC" "$(pending)"
expect_eq "town (甲局) sees the sanctions of its unit" "$SANC" "$(pending "$TJ")"
expect_eq "town2 (乙镇) sees none" 0 "$(pending "$T2J")"
check_item() { api POST "/api/outcomes/$O3/execution" "{\"item\":\"$1\",\"done\":\"${2:-2024-06-05}\"}" "${3:-$TJ}"; }
expect_eq "town checks off 决定送达: 201" 201 "$(status "$(check_item delivered)")"
expect_eq "... twice: 422" 422 "$(status "$(check_item delivered)")"
expect_eq "... an unknown item: 422 naming item" "422 item" "$(r=$(check_item salary); echo "$(status "$r") $(fields "$r")")"
expect_eq "... a day before the decision: 422 naming done" "422 done" "$(r=$(check_item bonus 2024-05-01); echo "$(status "$r") $(fields "$r")")"
expect_eq "town2 outside the unit: 404" 404 "$(status "$(check_item bonus 2024-06-05 "$T2J")")"
expect_eq "... audited as access_denied" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = 'outcome/$O3' AND user_name = 'town2'")"
expect_eq "no checklist for an outcome without a sanction: 422" 422 "$(status "$(api POST "/api/outcomes/$O1/execution" '{"item":"delivered","done":"2020-02-02"}')")"
expect_eq "still pending after one item" "$SANC" "$(pending)"
for it in appraisal pay_grade bonus; do check_item "$it" >/dev/null; done
expect_eq "four of five checked" "4 promotion_bar" "$(api GET "/api/outcomes/$O3" "" "$TJ" | head -n -1 | jget '["execution_done"], d["execution_pending"][0]' | tr -d "(),'")"
expect_eq "the last item: 201" 201 "$(status "$(check_item promotion_bar)")"
expect_eq "the queue shrinks by one" "$((SANC - 1))" "$(pending)"
expect_eq "... for town too" "$((SANC - 1))" "$(pending "$TJ")"

# follow-up visits and clarification
expect_eq "a follow-up visit of a sanction: 201" 201 "$(status "$(api POST "/api/outcomes/$O3/followups" '{"day":"2025-01-10","note":"思想稳定，工作积极"}')")"
expect_eq "... of a first-form outcome too (issue 10: anyone who received an outcome): 201" 201 "$(status "$(api POST "/api/outcomes/$O1/followups" '{"day":"2025-01-10","note":"x"}')")"
expect_eq "... listed on the outcome" "思想稳定，工作积极" "$(api GET "/api/outcomes/$O3" | head -n -1 | jget '["followups"][0]["note"]')"
expect_eq "a clarification on the case: 201" 201 "$(status "$(api POST /api/clarifications "{\"person_id\":$P2,\"case_id\":$A1,\"day\":\"2020-05-01\",\"manner\":\"meeting\"}")")"
r=$(api POST /api/clarifications "{\"person_id\":$P2,\"case_id\":$A1,\"day\":\"2020-05-01\",\"manner\":\"shouting\"}")
expect_eq "... a bad manner: 422 naming manner" "422 manner" "$(status "$r") $(fields "$r")"

# accountability and money
CAMP=$(body "$(api POST /api/campaigns '{"name":"农业补贴专项整治","start":"2022-03-01"}')" | jget '["id"]')
expect_eq "accountability of a unit: 201" 201 "$(status "$(api POST /api/accountabilities "{\"started\":\"2022-06-01\",\"unit_id\":$UA,\"campaign_id\":$CAMP,\"summary\":\"履行主体责任不力\"}")")"
r=$(api POST /api/accountabilities '{"started":"2022-06-01"}')
expect_eq "... neither unit nor person: 422 naming unit_id" "422 unit_id" "$(status "$r") $(fields "$r")"
expect_eq "... listed" 1 "$(api GET "/api/accountabilities?campaign_id=$CAMP" | head -n -1 | jget '["total"]')"
r=$(api POST /api/recoveries "{\"day\":\"2022-11-02\",\"amount\":\"117526.73\",\"kind\":\"recovered\",\"campaign_id\":$CAMP}")
expect_eq "recovered money 117526.73: 201" 201 "$(status "$r")"
expect_eq "... stored as 11752673 fen" 11752673 "$(sql "SELECT amount_fen FROM recoveries")"
for bad in '"1.234"' '"-5"' '"12a"' '""' '"1e5"' '" 5"' '"5."' '117526.73'; do
	r=$(api POST /api/recoveries "{\"day\":\"2022-11-02\",\"amount\":$bad,\"kind\":\"returned\"}")
	expect_eq "amount $bad refused, naming amount" "422 amount" "$(status "$r") $(fields "$r")"
done
api POST /api/recoveries '{"day":"2022-11-03","amount":"0.5","kind":"returned"}' >/dev/null
r=$(api GET /api/recoveries)
expect_eq "the total, back in yuan" "117527.23|117,527.23|2" "$(body "$r" | jget '["sum"]+"|"+d["sum_text"]+"|"+str(d["total"])')"
expect_eq "... per campaign" "117526.73" "$(api GET "/api/recoveries?campaign_id=$CAMP" | head -n -1 | jget '["sum"]')"
http_get "$H" -b "$JAR" "$BASE/accountability" >/dev/null
expect_contains "the ledger page shows 117,526.73" "117,526.73" "$(cat "$H.b")"
expect_eq "a recovery on a case off the team: 422 naming case_id" "422 case_id" \
	"$(r=$(api POST /api/recoveries "{\"day\":\"2022-11-02\",\"amount\":\"1\",\"kind\":\"returned\",\"case_id\":$A1}" "$SJ"); echo "$(status "$r") $(fields "$r")")"

# the person page and API
http_get "$H" -b "$JAR" "$BASE/persons/$P1" >/dev/null
expect_contains "cm: the person page shows the running period" "影响期至 2028-06-01" "$(cat "$H.b")"
expect_contains "... and the case" "/cases/$A1\"" "$(cat "$H.b")"
expect_contains "... and the outcomes' measures" "留党察看" "$(cat "$H.b")"
expect_eq "cm: the API lists the case" "$A1 2028-06-01" "$(api GET "/api/persons/$P1" | head -n -1 | jget '["record"]["cases"][0]["id"], d["record"]["influence"]["until"]' | tr -d "(),'")"
denied=$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND user_name = 'sup'")
http_get "$H" -b "$SJ" "$BASE/persons/$P1" >/dev/null
case "$(cat "$H.b")" in *"/cases/$A1\""*) not_ok "sup (not on the team) does not see the case on the page" ;; *) ok "sup (not on the team) does not see the case on the page" ;; esac
expect_contains "... but sees the clue of his jurisdiction" "/clues/$C1\"" "$(cat "$H.b")"
expect_eq "... the API lists no case for him" 0 "$(api GET "/api/persons/$P1" "" "$SJ" | head -n -1 | jget '["record"]["cases"].__len__()')"
expect_eq "... and listing is not an audited denial" "$denied" "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND user_name = 'sup'")"
expect_contains "P2's page: permanent" "永久" "$(http_get "$H" -b "$JAR" "$BASE/persons/$P2" >/dev/null; cat "$H.b")"
http_get "$H" -b "$T_DIR/tri.jar" "$BASE/persons/$P3" >/dev/null
case "$(cat "$H.b")" in *"处分影响期"*) not_ok "a role without clue reading sees no record section" ;; *) ok "a role without clue reading sees no record section" ;; esac

# the pages
tok=$(csrf_of)
expect_eq "GET /outcomes/new?clue=: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/outcomes/new?clue=$C5")"
expect_contains "... offers the measures" 'value="party_probation"' "$(cat "$H.b")"
expect_eq "GET /outcomes/new off the team: 404" 404 "$(http_status -b "$SJ" "$BASE/outcomes/new?case=$A1")"
expect_eq "an outcome without measures through the form: 422" 422 \
	"$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "clue_id=$C5&person_id=$P1&day=2020-06-01" "$BASE/outcomes")"
expect_contains "... saying why" "请至少选择一项处理措施" "$(cat "$H.b")"
expect_eq "through the form: 303" 303 \
	"$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "clue_id=$C5&person_id=$P1&day=2020-06-01&measures=gov_warning&measures=talk_reminder" "$BASE/outcomes")"
OP=$(sed -n 's/^location: \/outcomes\/\([0-9]*\).*/\1/Ip' "$H.h")
expect_eq "... form 2 computed" 2 "$(sql "SELECT form FROM outcomes WHERE id = $OP")"
expect_eq "GET the outcome page: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/outcomes/$OP")"
expect_contains "... with its checklist" "决定送达" "$(cat "$H.b")"
ttok=$(csrf_of "$TJ")
expect_eq "town checks an item on the page: 303" 303 \
	"$(http_get "$H" -b "$TJ" --data-urlencode "csrf=$ttok" --data "item=delivered&done=2020-06-02" "$BASE/outcomes/$OP/execution")"
expect_eq "GET /executions (town): 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/executions")"
expect_contains "... lists the sanction with 1/5" "1/5" "$(cat "$H.b")"
expect_contains "... navigation links it" 'href="/executions"' "$(cat "$H.b")"
expect_eq "GET /clues/$C5 links the outcome form" 1 "$(http_get "$H" -b "$JAR" "$BASE/clues/$C5" >/dev/null; grep -c "/outcomes/new?clue=$C5" "$H.b")"
expect_eq "GET /clarifications/new: 200" 200 "$(http_status -b "$JAR" "$BASE/clarifications/new?clue=$C5")"

# a person's clues on the record: on PostgreSQL the unscoped reader's text has
# no jurisdiction subplan (q_scope.h Q_SCOPE_PG_PAIR, pgplan16j); a clue of
# 乙镇 (its first subject 孙镇长) names 赵科长 too: in the case manager's
# record, not in 甲局's township's
CB=$(body "$(api POST /api/clues "{\"received\":\"2020-02-01\",\"source\":\"report\",\"summary\":\"乙镇线索\",\"subjects\":[$P3,$P1],\"confirm\":true}")" | jget '["id"]')
expect_eq "a clue of 乙镇 naming 赵科长" 1 "$(sql "SELECT count(*) FROM clues k JOIN clue_subjects cs ON cs.clue_id = k.id WHERE k.id = '$CB' AND k.unit_id = $UB AND cs.person_id = $P1")"
rec_clues() { api GET "/api/persons/$P1" "" "$1" | head -n -1 | python3 -c 'import json,sys; print(*[k["id"] for k in json.load(sys.stdin)["record"]["clues"]])'; }
want_clues() { sql "SELECT k.id FROM clue_subjects cs JOIN clues k ON k.id = cs.clue_id WHERE cs.person_id = $P1 $1 ORDER BY k.received, k.id" | paste -sd' '; }
expect_eq "P1's record: every clue naming him for the case manager, as SQL ($CB of 乙镇 among them)" "$(want_clues "")" "$(rec_clues "$JAR")"
check "... which holds 乙镇's ($CB)" grep -qw "$CB" <<<"$(rec_clues "$JAR")"
expect_eq "... 甲局's township: those of 甲局 alone, as SQL" "$(want_clues "AND k.unit_id = $UA")" "$(rec_clues "$TJ")"

stop_server
"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
finish
