# t150_outcome_rules.sh: the outcome rules of issue 10 (DOMAIN.md sections
# 2 and 3) through the API, the pages and import, each check naming the
# regulation that states the rule:
# - one outcome per person and matter, a second refused naming the first
#   (DOMAIN.md 3: the "four forms" indicator system of 2016 counts one
#   person once per matter); a clue's outcomes move to its case at filing;
# - at most one party and one government sanction (纪律处分条例 2023 art. 24:
#   several violations combined, the highest plus one grade; 政务处分法,
#   DOMAIN.md: art. 15: the heaviest), the stated
#   period of several violations of one kind (one period .. the sum, at
#   most 48 months, 政务处分法);
# - party sanctions for party members only (纪律处分条例 2023); village
#   managers only 政务警告/记过/记大过 (政务处分法, as DOMAIN.md 3 states it);
# - each sanction from its own decision date (party: approval; government:
#   decision); 诫勉 6 months (诫勉规定 2019); a sanction inside another's
#   period runs its own (no 48-month chain: that is the appointing bodies'
#   rule); an open case bars promotion;
# - the form table as effective-dated data (降级 in the second form; the
#   case manager's change applies from its date, never before today);
# - snapshots of the subject on the outcome;
# - appeals and reviews with their result (政务处分法, 复审复核; 党员权利保障条例): a
#   changed or revoked sanction ends on the decision date, the history kept;
# - follow-up visits of first-form outcomes and of cleared persons.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users tri:trial sup:supervisor
# issue 10 part B: filing is approved by the principal leader
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in lead sup; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
LJ=$T_DIR/lead.jar SJ=$T_DIR/sup.jar

fields() { body "$1" | python3 -c 'import json,sys; print(" ".join(sorted(json.load(sys.stdin).get("fields", {}))))'; }
msg() { body "$1" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin).get("fields", {}).values()))'; }
get() { api GET "/api/outcomes/$1" | head -n -1 | jget "$2"; }
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UV=$(body "$(api POST /api/units '{"name":"丙村","kind":"village"}')" | jget '["id"]')
person() {   # person NAME RANK PARTY UNIT
	body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":${4:-$UA},\"rank\":\"$2\",\"party_member\":$3}")" | jget '["id"]'
}
PM=$(person 党员甲 section true); PN=$(person 群众乙 staff false); PV=$(person 村主任丙 village true "$UV")
PX=$(person 党员丁 section true)
protect 党员甲 群众乙 村主任丙 党员丁 反映其问题
# clue SUBJECT...: registered and disposed (谈话函询) by the leader
clue() {
	local id d ids
	ids=$(IFS=,; echo "$*")
	id=$(body "$(api POST /api/clues "{\"received\":\"2022-01-02\",\"source\":\"report\",\"summary\":\"反映其问题\",\"subjects\":[$ids],\"confirm\":true}")" | jget '["id"]')
	d=$(body "$(api POST "/api/clues/$id/dispositions" '{"method":"talk_inquiry","reason":"拟谈话函询"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" '{"approve":true,"day":"2022-01-05"}' "$LJ" >/dev/null
	echo "$id"
}
# filing follows a preliminary verification (谈话函询 -> 初步核实 -> 立案), the
# principal leader approving it with its filing record: file_case of lib.sh
outcome() { api POST /api/outcomes "$1"; }

# ---- one outcome per person and matter (DOMAIN.md 3) -------------------------------------
C1=$(clue "$PM" "$PX")
r=$(outcome "{\"person_id\":$PM,\"clue_id\":$C1,\"day\":\"2022-02-01\",\"measures\":[\"inquiry_closed\"]}")
expect_eq "谈话函询后了结 (first form, no clue measure needed) on the clue: 201" 201 "$(status "$r")"; O1=$(body "$r" | jget '["id"]')
expect_eq "... counted in the first form" 1 "$(get "$O1" '["form"]')"
r=$(outcome "{\"person_id\":$PM,\"clue_id\":$C1,\"day\":\"2022-02-03\",\"measures\":[\"criticism\"]}")
expect_eq "a second outcome of the person on the clue: 422 naming person_id" "422 person_id" "$(status "$r") $(fields "$r")"
expect_contains "... naming the first and its page" "/outcomes/$O1" "$(msg "$r")"
tok=$(csrf_of)
expect_eq "... the same through the form: 422" 422 "$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" \
	--data "clue_id=$C1&person_id=$PM&day=2022-02-03&measures=criticism" "$BASE/outcomes")"
expect_contains "... with a link to the existing outcome" "href=\"/outcomes/$O1\"" "$(cat "$H.b")"
A1=$(file_case "$C1" 2022-01-07 2022-01-10)
expect_eq "filing moves the clue's outcome to the case in its transaction" "$A1|0|1" \
	"$(sql "SELECT case_id || '|' || COALESCE(clue_id, 0) || '|' || (SELECT count(*) FROM timeline WHERE object = 'case/$A1' AND action = '处理结果转入案件') FROM outcomes WHERE id = $O1")"
r=$(outcome "{\"person_id\":$PM,\"case_id\":$A1,\"day\":\"2022-03-01\",\"measures\":[\"party_warning\"]}")
expect_eq "... so the case refuses a second outcome of the person (it counts once)" "422 person_id" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$PX,\"clue_id\":$C1,\"day\":\"2022-03-01\",\"measures\":[\"criticism\"]}")
expect_eq "a filed clue takes no outcome: 422 naming clue_id" "422 clue_id" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$PX,\"supervision_id\":7,\"day\":\"2022-03-01\",\"measures\":[\"criticism\"]}")
expect_eq "a daily-supervision matter (a talk, issue 15) that does not exist: 404" 404 "$(status "$r")"

# ---- one sanction of each kind; the stated period ----------------------------------------
C2=$(clue "$PX"); A2=$(file_case "$C2" 2022-01-07 2022-01-10)
r=$(outcome "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-03-01\",\"measures\":[\"party_warning\",\"party_serious_warning\"]}")
expect_eq "警告 + 严重警告 in one outcome: 422 naming measures (纪律处分条例 2023: one, the heaviest)" "422 measures" "$(status "$r") $(fields "$r")"
expect_contains "... saying which" "“警告”和“严重警告”不能同时给予" "$(msg "$r")"
r=$(outcome "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-03-01\",\"measures\":[\"gov_warning\",\"gov_demerit\"]}")
expect_eq "政务警告 + 记过: 422 (政务处分法: one government sanction)" "422 measures" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-03-01\",\"measures\":[\"gov_demerit\"],\"gov_violations\":2,\"gov_months\":30}")
expect_eq "two violations of 记过 stated at 30 months (more than 12+12): 422 naming gov_months" "422 gov_months" "$(status "$r") $(fields "$r")"
expect_contains "... giving the bounds" "12个月至24个月" "$(msg "$r")"
r=$(outcome "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-03-01\",\"measures\":[\"gov_major_demerit\"],\"gov_violations\":4,\"gov_months\":54}")
expect_eq "four 记大过 at 54 months (the sum 72, but at most 48): 422" "422 gov_months" "$(status "$r") $(fields "$r")"
r=$(outcome "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-03-01\",\"measures\":[\"party_serious_warning\",\"gov_demerit\",\"admonishment\"],\"party_decided\":\"2022-03-10\",\"gov_decided\":\"2022-04-01\",\"gov_violations\":2,\"gov_months\":20}")
expect_eq "严重警告 + 记过 (2 violations, 20 months) + 诫勉: 201" 201 "$(status "$r")"; O2=$(body "$r" | jget '["id"]')
expect_eq "... each from its own date: 严重警告 2022-03-10 +18, 记过 2022-04-01 +20 -> the later end" "2023-12-01" "$(get "$O2" '["bar_until"]')"
expect_eq "... the dates and the stated period stored per measure" "admonishment@2022-03-01 gov_demerit@2022-04-01/20x2 party_serious_warning@2022-03-10" \
	"$(get "$O2" '["decisions"]' | python3 -c 'import ast,sys; print(" ".join(sorted(d["measure"]+"@"+d["decided"]+("/%dx%d"%(d["months"],d["violations"]) if d["months"] else "") for d in ast.literal_eval(sys.stdin.read()))))')"
expect_eq "... counted once, in the period of its first decision, by its heaviest form" "2022-03-01 2" "$(get "$O2" '["day"], d["form"]' | tr -d "(),'")"
r=$(outcome "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-03-01\",\"measures\":[\"party_warning\"],\"party_decided\":\"2022-02-01\"}")
expect_eq "an approval date before the first decision: 422 naming party_decided" "422 party_decided" "$(status "$r") $(fields "$r")"

# ---- lawfulness --------------------------------------------------------------------------
C3=$(clue "$PN" "$PV"); A3=$(file_case "$C3" 2022-01-07 2022-01-10)
r=$(outcome "{\"person_id\":$PN,\"case_id\":$A3,\"day\":\"2022-03-01\",\"measures\":[\"party_warning\"]}")
expect_eq "a party sanction for a non-member: 422 naming measures" "422 measures" "$(status "$r") $(fields "$r")"
expect_contains "... naming the measure" "“警告”是党纪处分，只能给予中共党员" "$(msg "$r")"
r=$(outcome "{\"person_id\":$PV,\"case_id\":$A3,\"day\":\"2022-03-01\",\"measures\":[\"gov_demotion\"]}")
expect_eq "降级 for a village manager: 422" "422 measures" "$(status "$r") $(fields "$r")"
expect_contains "... naming the measure and the three allowed" "只能给予政务警告、记过或者记大过，不能给予“降级”" "$(msg "$r")"
r=$(outcome "{\"person_id\":$PV,\"case_id\":$A3,\"day\":\"2022-03-01\",\"measures\":[\"gov_major_demerit\",\"party_warning\"]}")
expect_eq "记大过 (and 警告, a party member) for the village manager: 201" 201 "$(status "$r")"; OV=$(body "$r" | jget '["id"]')

# ---- the form table and the periods as data ----------------------------------------------
r=$(outcome "{\"person_id\":$PN,\"case_id\":$A3,\"day\":\"2022-05-01\",\"measures\":[\"gov_demotion\"]}")
expect_eq "降级 counts in the second form (the 2016 indicator system)" "201 2" "$(status "$r") $(get "$(body "$r" | jget '["id"]')" '["form"]')"
expect_eq "the form table reads through the API, each row with its source" "2 1" \
	"$(api GET /api/rules/forms | head -n -1 | python3 -c 'import json,sys; v=[x for x in json.load(sys.stdin)["items"] if x["measure"]=="gov_demotion"]; print(v[0]["form"], len(v) if all(x["source"] for x in v) else 0)')"
r=$(api POST /api/rules/forms '{"measure":"gov_demotion","form":3,"valid_from":"2022-01-01","source":"某省统计口径"}')
expect_eq "a change dated in the past (it would move past figures): 422 naming valid_from" "422 valid_from" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/forms '{"measure":"gov_demotion","form":3,"valid_from":"2099-01-01","source":"某省统计口径"}')
expect_eq "a change from a future date: 200" 200 "$(status "$r")"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'form_rule_add' AND object = 'form_rule/gov_demotion'")"
expect_eq "... the outcome decided before keeps its form" 2 "$(sql "SELECT form FROM outcomes o JOIN outcome_measures m ON m.outcome_id = o.id WHERE m.measure = 'gov_demotion'")"
expect_eq "the leader may not change the table: 403" 403 "$(status "$(api POST /api/rules/forms '{"measure":"criticism","form":2,"valid_from":"2099-01-01","source":"x"}' "$LJ")")"
expect_eq "the page /rules/forms (case manager): 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/rules/forms")"
expect_contains "... showing the change with its source" "某省统计口径" "$(cat "$H.b")"
C4=$(clue "$PN")
r=$(outcome "{\"person_id\":$PN,\"clue_id\":$C4,\"day\":\"2022-06-01\",\"measures\":[\"admonishment\"]}")
expect_eq "诫勉 alone: a 6-month influence period (诫勉规定 2019; before: none)" 2022-12-01 "$(get "$(body "$r" | jget '["id"]')" '["bar_until"]')"
# periods running today: 记过 ten months ago, 撤职 inside it five months ago
M0=$(date +%Y-%m-01); D1=$(date -d "$M0 -10 months" +%F); D2=$(date -d "$M0 -5 months" +%F)
E2=$(date -d "$D2 +24 months" +%F)
C5=$(clue "$PN"); C6=$(clue "$PN")
outcome "{\"person_id\":$PN,\"clue_id\":$C5,\"day\":\"$D1\",\"measures\":[\"gov_demerit\"]}" >/dev/null
r=$(outcome "{\"person_id\":$PN,\"clue_id\":$C6,\"day\":\"$D2\",\"measures\":[\"gov_removal\"]}")
expect_eq "撤职 inside the running 记过 runs its own 24 months (no remainder-plus-new chain)" "$E2" "$(get "$(body "$r" | jget '["id"]')" '["bar_until"]')"
expect_eq "the person's record: barred until the later end" "$E2" \
	"$(api GET "/api/persons/$PN" | head -n -1 | jget '["record"]["influence"]["until"]')"
expect_eq "an open case bars promotion too (the record says so)" True \
	"$(api GET "/api/persons/$PX" | head -n -1 | jget '["record"]["promotion_barred"]')"
http_get "$H" -b "$JAR" "$BASE/persons/$PX" >/dev/null
expect_contains "... and the person page shows it" "立案审查调查中，暂停提拔" "$(cat "$H.b")"

# ---- snapshots ---------------------------------------------------------------------------
api PUT "/api/persons/$PX" "{\"name\":\"党员丁\",\"unit_id\":$UA,\"rank\":\"county\",\"party_member\":true,\"top_leader\":true}" >/dev/null
expect_eq "the outcome keeps the subject as they were (rank, flags)" "section False True" \
	"$(get "$O2" '["subject_rank"], d["subject_top_leader"], d["subject_party_member"]' | tr -d "(),'")"

# ---- appeals and reviews -----------------------------------------------------------------
r=$(api POST "/api/outcomes/$O2/appeals" '{"kind":"review","measure":"gov_demerit","filed":"2022-05-01","decided":"2022-06-01","result":"changed","new_measure":"party_warning"}')
expect_eq "a review changing 记过 to a party sanction: 422 naming new_measure" "422 new_measure" "$(status "$r") $(fields "$r")"
r=$(api POST "/api/outcomes/$O2/appeals" '{"kind":"review","measure":"gov_demerit","filed":"2022-05-01","decided":"2022-06-01","result":"changed","new_measure":"gov_warning"}')
expect_eq "复审复核 changes 记过 to 政务警告: 201" 201 "$(status "$r")"
expect_eq "... 记过 ended on the decision date by the review, 政务警告 from that date (history kept)" \
	"gov_demerit@2022-06-01 gov_warning@" \
	"$(get "$O2" '["decisions"]' | python3 -c 'import ast,sys; print(" ".join(sorted(d["measure"]+"@"+(d["ended"] or "") for d in ast.literal_eval(sys.stdin.read()) if d["measure"].startswith("gov"))))')"
expect_eq "... the period computed again: 严重警告's end is now the later" 2023-09-10 "$(get "$O2" '["bar_until"]')"
expect_eq "... the outcome still counts where it was first decided (form, period)" "2 2022-03-01" "$(get "$O2" '["form"], d["day"]' | tr -d "(),'")"
r=$(api POST "/api/outcomes/$O2/appeals" '{"kind":"appeal","measure":"party_serious_warning","filed":"2022-07-01","decided":"2022-08-01","result":"revoked"}')
expect_eq "申诉 revokes 严重警告: 201" 201 "$(status "$r")"
expect_eq "... the period is 政务警告's alone" 2022-12-01 "$(get "$O2" '["bar_until"]')"
expect_eq "... two appeals listed with their results" "changed revoked" "$(get "$O2" '["appeals"]' | python3 -c 'import ast,sys; print(" ".join(a["result"] for a in ast.literal_eval(sys.stdin.read())))')"
r=$(api POST "/api/outcomes/$O2/appeals" '{"kind":"appeal","measure":"party_serious_warning","filed":"2022-09-01","decided":"2022-09-02","result":"upheld"}')
expect_eq "an appeal against a sanction no longer in force: 422 naming measure" "422 measure" "$(status "$r") $(fields "$r")"
expect_eq "appeals audited as the step only" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'appeal' AND detail NOT LIKE '%党员%'")"
tok=$(csrf_of)
expect_eq "the outcome page records an appeal (upheld): 303" 303 "$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" \
	--data "kind=appeal&measure=party_warning&filed=2022-04-01&decided=2022-04-20&result=upheld" "$BASE/outcomes/$OV/appeals")"
expect_contains "... and lists it" "维持原处分" "$(http_get "$H" -b "$JAR" "$BASE/outcomes/$OV" >/dev/null; cat "$H.b")"
expect_eq "sup (not on the case team) cannot appeal on it: 404" 404 "$(status "$(api POST "/api/outcomes/$OV/appeals" '{"kind":"appeal"}' "$SJ")")"

# ---- follow-up visits ---------------------------------------------------------------------
expect_eq "a follow-up visit of a first-form outcome: 201" 201 "$(status "$(api POST "/api/outcomes/$O1/followups" '{"day":"2022-09-01","note":"回访"}')")"
K=$(body "$(api POST /api/clarifications "{\"person_id\":$PX,\"case_id\":$A2,\"day\":\"2022-06-01\",\"manner\":\"meeting\"}")" | jget '["id"]')
expect_eq "a follow-up visit of a cleared person: 201" 201 "$(status "$(api POST "/api/clarifications/$K/followups" '{"day":"2022-09-01","note":"回访"}')")"
expect_eq "... listed with the clarification on the person's record" "1" \
	"$(api GET "/api/persons/$PX" | head -n -1 | jget '["record"]["clarifications"][0]["followups"].__len__()')"
tok=$(csrf_of)
expect_eq "... and recorded from the person page's form: 303 back to the person" "303 /persons/$PX?ok=saved" \
	"$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "day=2022-10-01&note=x" "$BASE/clarifications/$K/followups") $(header_of "$H.h" location | tr -d "\r")"
expect_eq "... before the clarification: 422 naming day" "422 day" "$(r=$(api POST "/api/clarifications/$K/followups" '{"day":"2022-05-01","note":"x"}'); echo "$(status "$r") $(fields "$r")")"
stop_server

# ---- import: the same rules ----------------------------------------------------------------
F=$T_DIR/o.jsonl
cat >"$F" <<'JSONL'
{"type":"unit","id":"U9","name":"导入局","kind":"department","parent":null}
{"type":"person","id":"P9","name":"导入甲","unit":"U9","rank":"section","party_member":true}
{"type":"clue","id":"C9","received":"2022-03-02","source":"audit","subjects":["P9"]}
{"type":"disposition","clue":"C9","decided":"2022-03-10","method":"talk_inquiry"}
{"type":"outcome","person":"P9","case":null,"clue":"C9","date":"2022-04-10","measures":["party_warning","party_serious_warning"]}
JSONL
run_cli import "$F"
expect_eq "import: two party sanctions refused" 1 "$RC"
expect_contains "... naming the line and the field" 'line 5' "$ERR"
expect_contains "... with the rule" "不能同时给予" "$ERR"
sed -i 's/"party_warning","party_serious_warning"/"party_serious_warning"/' "$F"
printf '%s\n' '{"type":"outcome","person":"P9","case":null,"clue":"C9","date":"2022-05-10","measures":["criticism"]}' >>"$F"
run_cli import "$F"
expect_eq "import: a second outcome of one person on one matter refused" 1 "$RC"
expect_contains "... naming line 6 and person" 'line 6' "$ERR"
expect_eq "... nothing stored" 0 "$(sql "SELECT count(*) FROM persons WHERE ext_id = 'P9'")"
"$QF_BIN" audit verify --db "$DB" >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
finish
