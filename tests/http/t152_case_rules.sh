# t152_case_rules.sh: the case rules of issue 10, part B (DOMAIN.md
# section 2), through the API, the pages and import, each check naming the
# regulation it follows:
# - jurisdiction (管辖): at a county commission, a clue or report about a
#   county-rank (处级) cadre, or about the commission's own principal
#   leader, is forwarded one level up within 5 working days (a clock on the
#   home page), not disposed here; the forward is a record (date, to whom,
#   reference); of such a report no content is kept (《纪检监察机关处理检举
#   控告工作规则》2020 art. 15; 《监察法实施条例》 art. 169, 171); the level
#   is a setting (a prefecture disposes county-rank cadres itself);
# - filing (立案) only after a preliminary verification, approved by the
#   principal leader with the same-level party committee principal's
#   approval recorded (监督执纪工作规则 2019 art. 38); every approval is a
#   record, a refusal with its reason;
# - cases: type, handling organ, violation categories from the catalog the
#   case manager edits (never deleting, retiring from a day, audited); the
#   subjects' rank and flags copied at filing;
# - clue flow: a second inquiry, an inquiry then a verification, a shelved
#   clue taken up again, transfer (移交) to another organ; only the first
#   approved disposition counts (监督执纪工作规则 2019 art. 21);
# - import refuses what the pages refuse, and an old-rule case.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
ready_user lead --role leader --password-stdin >/dev/null
ready_user boss --role leader --principal --password-stdin >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
LJ=$T_DIR/lead.jar BJ=$T_DIR/boss.jar CJ=$T_DIR/clerk.jar
login lead "$PW" "$LJ" >/dev/null; login boss "$PW" "$BJ" >/dev/null; login clerk "$PW" "$CJ" >/dev/null

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
PC=$(body "$(api POST /api/persons "{\"name\":\"钱局长\",\"unit_id\":$UA,\"rank\":\"county\",\"top_leader\":true}")" | jget '["id"]')
PS=$(body "$(api POST /api/persons "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"section\",\"leadership\":true}")" | jget '["id"]')
PP=$(body "$(api POST /api/persons "{\"name\":\"孙书记\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
protect 钱局长 赵科长 孙书记 反映其违规收受礼金 反映其问题 县委书记
clue() {   # clue SUBJECT RECEIVED: registers (confirmed), prints the id
	body "$(api POST /api/clues "{\"received\":\"$2\",\"source\":\"audit\",\"summary\":\"反映其违规收受礼金\",\"subjects\":[$1],\"confirm\":true}")" | jget '["id"]'
}
propose() {   # propose CLUE JSON-MEMBERS: prints body+status
	api POST "/api/clues/$1/dispositions" "{\"reason\":\"拟处置\",$2}"
}
decide() {   # decide DISPOSITION JAR JSON-MEMBERS: prints the status
	status "$(api POST "/api/dispositions/$1/decision" "{$3}" "$2")"
}

# ---- jurisdiction: a county-rank subject's clue is forwarded ------------------------------
# 检举控告工作规则 art. 15, 监察法实施条例 art. 169/171: 5 working days, not disposed here
K1=$(clue "$PC" 2022-09-28)
expect_eq "clue about a 处级 cadre: forwarding clock 5 working days (09-28 -> 10-10 over National Day)" \
	"2022-10-10" "$(sql "SELECT forward_due FROM clues WHERE id = $K1")"
r=$(propose "$K1" '"method":"preliminary_verification"')
expect_eq "disposing it here (verification): 422" 422 "$(status "$r")"
expect_contains "... saying it goes one level up" "由上一级党委管理" "$(body "$r")"
expect_eq "... a transfer downward neither: 422" 422 \
	"$(status "$(propose "$K1" '"method":"transfer","transfer":{"direction":"downward","to":"某镇纪委"}')")"
expect_eq "a transfer without its organ: 422" 422 "$(status "$(propose "$K1" '"method":"transfer","transfer":{"direction":"upward"}')")"
http_get "$H" -b "$JAR" "$BASE/" >/dev/null
expect_contains "the home page shows the overdue forwarding clock" "问题线索 $K1（甲局）" "$(cat "$H.b")"
expect_contains "... named as such" "线索报送上一级" "$(cat "$H.b")"
r=$(propose "$K1" '"method":"transfer","transfer":{"direction":"upward","to":"市纪委监委","ref":"县纪转〔2022〕3号"}')
expect_eq "the transfer upward is proposed: 201" 201 "$(status "$r")"; D1=$(body "$r" | jget '["id"]')
expect_eq "a deputy leader may not approve it (art. 15: to the principal leader): 422" 422 "$(decide "$D1" "$LJ" '"approve":true,"day":"2022-10-09"')"
expect_eq "the principal leader approves: 200" 200 "$(decide "$D1" "$BJ" '"approve":true,"day":"2022-10-09"')"
expect_eq "... clue transferred, clock stopped, counted disposed on that day" "transferred||2022-10-09" \
	"$(sql "SELECT state || '|' || COALESCE(forward_due, '') || '|' || first_disposed FROM clues WHERE id = $K1")"
r=$(api GET "/api/clues/$K1")
expect_eq "the forwarding record: date, to whom, reference" "2022-10-09 upward 市纪委监委 县纪转〔2022〕3号" \
	"$(body "$r" | jget '["dispositions"][0]["decided"]+" "+d["dispositions"][0]["transfer"]["direction"]+" "+d["dispositions"][0]["transfer"]["to"]+" "+d["dispositions"][0]["transfer"]["ref"]')"
expect_eq "... and its approval record (who, day, decision)" "disposition approved boss 2022-10-09" \
	"$(body "$r" | jget '["dispositions"][0]["approvals"][0]' | python3 -c 'import ast,sys; a=ast.literal_eval(sys.stdin.read()); print(a["kind"], a["decision"], a["approver"], a["day"])')"
http_get "$H" -b "$JAR" "$BASE/clues/$K1" >/dev/null
expect_contains "the clue page shows the forwarding record" "移交上级纪检监察机关：市纪委监委，文号 县纪转〔2022〕3号" "$(cat "$H.b")"
expect_contains "... and its approval" "<td>处置审批</td><td>boss</td><td>2022-10-09</td><td>批准</td>" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/" >/dev/null
case "$(cat "$H.b")" in *"问题线索 $K1（"*) not_ok "a forwarded clue leaves the home page" ;; *) ok "a forwarded clue leaves the home page" ;; esac
expect_eq "nothing follows a transfer: 422" 422 "$(status "$(propose "$K1" '"method":"close"')")"

# the commission's own principal leader (art. 15: 反映本机关主要负责人问题的)
"$QF_BIN" config set principal_person "$PP" >/dev/null
K2=$(clue "$PP" 2022-09-28)
r=$(propose "$K2" '"method":"talk_inquiry"')
expect_eq "a clue about the principal leader (a 科级 person): 422" 422 "$(status "$r")"
expect_contains "... saying why" "主要负责人" "$(body "$r")"

# the level is a setting: a prefecture manages county-rank cadres itself
"$QF_BIN" config set level prefecture >/dev/null
K3=$(clue "$PC" 2022-09-28)
expect_eq "at a prefecture: no forwarding clock" "" "$(sql "SELECT COALESCE(forward_due, '') FROM clues WHERE id = $K3")"
expect_eq "... and the clue is disposed here: 201" 201 "$(status "$(propose "$K3" '"method":"talk_inquiry"')")"
"$QF_BIN" config set level county >/dev/null
expect_eq "config refuses an unknown level" 1 "$("$QF_BIN" config set level township >/dev/null 2>&1; echo $?)"

# ---- reports of another level keep no content (art. 15: 不得录入检举举报平台) -------------
r=$(api POST /api/reports "{\"received\":\"2022-09-28\",\"channel\":\"letter\",\"category\":\"accusation\",\"kind\":\"accusation\",\"accused\":[$PC],\"summary\":\"反映其问题\"}" "$CJ")
expect_eq "a report about a 处级 cadre with its summary: 422" 422 "$(status "$r")"
expect_contains "... saying only the forwarding record is kept" "只保留转送记录" "$(body "$r")"
r=$(api POST /api/reports "{\"received\":\"2022-09-28\",\"channel\":\"letter\",\"category\":\"accusation\",\"kind\":\"accusation\",\"accused\":[$PC]}" "$CJ")
expect_eq "without content: 201" 201 "$(status "$r")"; R1=$(body "$r" | jget '["id"]')
expect_eq "... marked another level's, nothing stored" "1||" "$(sql "SELECT other_level || '|' || COALESCE(summary_enc, '') || '|' || COALESCE(reporter_enc, '') FROM reports WHERE id = $R1")"
expect_eq "forwarded with its reference: 200" 200 "$(status "$(api POST "/api/reports/$R1/transfer" '{"day":"2022-10-09","transfer_to":"市纪委监委","transfer_ref":"县纪转〔2022〕4号"}' "$CJ")")"
expect_eq "... the forwarding record (date, to whom, reference)" "2022-10-09|市纪委监委|县纪转〔2022〕4号" \
	"$(sql "SELECT transferred || '|' || transfer_to || '|' || transfer_ref FROM reports WHERE id = $R1")"

# ---- the clue flow (监督执纪工作规则 art. 21) ------------------------------------------------
K4=$(clue "$PS" 2022-03-02)
expect_eq "filing straight from a registered clue: 422 (art. 38: after verification)" 422 "$(status "$(propose "$K4" '"method":"file_case"')")"
D=$(body "$(propose "$K4" '"method":"talk_inquiry"')" | jget '["id"]'); decide "$D" "$LJ" '"approve":true,"day":"2022-03-10"' >/dev/null
expect_eq "filing after an inquiry: 422" 422 "$(status "$(propose "$K4" '"method":"file_case"')")"
r=$(propose "$K4" '"method":"talk_inquiry"')
expect_eq "a second talk/letter inquiry: 201" 201 "$(status "$r")"; D=$(body "$r" | jget '["id"]')
expect_eq "... a refusal needs its reason: 422" 422 "$(decide "$D" "$LJ" '"approve":false,"day":"2022-03-12"')"
expect_eq "... refused with a reason: 200" 200 "$(decide "$D" "$LJ" '"approve":false,"day":"2022-03-12","note":"理由不充分"')"
expect_eq "... the refusal is an approval record with its reason" "rejected|理由不充分|lead" \
	"$(sql "SELECT decision || '|' || reason || '|' || approver FROM approvals WHERE object = 'disposition/$D'")"
D=$(body "$(propose "$K4" '"method":"talk_inquiry"')" | jget '["id"]')
expect_eq "... approved the second time: 200" 200 "$(decide "$D" "$LJ" '"approve":true,"day":"2022-03-15"')"
expect_eq "... counted disposed once, on the first approval" "talk_inquiry|2022-03-10" "$(sql "SELECT state || '|' || first_disposed FROM clues WHERE id = $K4")"
D=$(body "$(propose "$K4" '"method":"preliminary_verification"')" | jget '["id"]')
expect_eq "an inquiry then a verification: 200" 200 "$(decide "$D" "$LJ" '"approve":true,"day":"2022-03-20"')"
K5=$(clue "$PS" 2022-03-02)
D=$(body "$(propose "$K5" '"method":"shelve"')" | jget '["id"]'); decide "$D" "$LJ" '"approve":true,"day":"2022-03-05"' >/dev/null
D=$(body "$(propose "$K5" '"method":"talk_inquiry"')" | jget '["id"]')
expect_eq "a shelved clue taken up again: 200" 200 "$(decide "$D" "$LJ" '"approve":true,"day":"2022-04-05"')"
D=$(body "$(propose "$K5" '"method":"transfer","transfer":{"direction":"org_dept","to":"县委组织部"}')" | jget '["id"]')
expect_eq "transfer to the organisation department, any leader: 200" 200 "$(decide "$D" "$LJ" '"approve":true,"day":"2022-04-08"')"
expect_eq "... first_disposed still the first approval" "transferred|2022-03-05" "$(sql "SELECT state || '|' || first_disposed FROM clues WHERE id = $K5")"

# ---- the catalog (case manager; never deleted, retired from a day, audited) ---------------
expect_eq "the case manager adds a category: 201" 201 \
	"$(status "$(api POST /api/categories '{"code":"x_test","label":"测试类别","source":"测试","valid_from":"2020-01-01"}')")"
expect_eq "... the same code again: 422 (never reused)" 422 \
	"$(status "$(api POST /api/categories '{"code":"x_test","label":"另一个","valid_from":"2020-01-01"}')")"
expect_eq "a leader may not edit it: 403" 403 "$(status "$(api POST /api/categories '{"code":"y","label":"y","valid_from":"2020-01-01"}' "$LJ")")"
expect_eq "retire 'life' from 2022-01-01: 200" 200 "$(status "$(api POST /api/categories/retire '{"code":"life","retired":"2022-01-01"}')")"
expect_eq "... audited" "1 1" "$(audit_count category_add category/x_test) $(audit_count category_retire category/life)"
expect_eq "the catalog page for the case manager: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/categories")"
expect_contains "... listing 八项规定精神" "违反中央八项规定精神（四风）" "$(cat "$H.b")"
expect_eq "... not for a leader: 403" 403 "$(http_status -b "$LJ" "$BASE/categories")"

# ---- filing: principal leader, party committee's approval, type/organ/categories ----------
r=$(propose "$K4" '"method":"file_case"')
expect_eq "filing after the verification: 201" 201 "$(status "$r")"; DF=$(body "$r" | jget '["id"]')
FILING='"case_type":"both","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity","eight_rules"],"committee_by":"县委书记","committee_day":"2022-03-31"'
expect_eq "a deputy leader may not approve filing (art. 38): 422" 422 "$(decide "$DF" "$LJ" "\"approve\":true,\"day\":\"2022-04-01\",\"filing\":{$FILING}")"
r=$(api POST "/api/dispositions/$DF/decision" '{"approve":true,"day":"2022-04-01"}' "$BJ")
expect_eq "the principal leader without the filing record: 422" 422 "$(status "$r")"
expect_eq "... each field named" "case_type categories committee_by committee_day organ_kind organ_name" \
	"$(body "$r" | jget '["fields"]' | python3 -c 'import ast,sys; print(" ".join(sorted(ast.literal_eval(sys.stdin.read()))))')"
expect_eq "a retired category: 422" 422 "$(decide "$DF" "$BJ" "\"approve\":true,\"day\":\"2022-04-01\",\"filing\":{${FILING/eight_rules/life}}")"
expect_eq "the party committee's approval after the filing day: 422" 422 "$(decide "$DF" "$BJ" "\"approve\":true,\"day\":\"2022-04-01\",\"filing\":{${FILING/2022-03-31/2022-04-02}}")"
http_get "$H" -b "$BJ" "$BASE/clues/$K4" >/dev/null
expect_contains "the clue page asks the approver for the party committee's approval" "批准立案的同级党委主要负责人" "$(cat "$H.b")"
expect_eq "filed: 200" 200 "$(decide "$DF" "$BJ" "\"approve\":true,\"day\":\"2022-04-01\",\"filing\":{$FILING}")"
expect_eq "... both approvals recorded (who, day)" "filing|approved|boss|2022-04-01,filing_committee|approved|县委书记|2022-03-31" \
	"$(sql "SELECT kind || '|' || decision || '|' || approver || '|' || day FROM approvals WHERE object = 'disposition/$DF' ORDER BY id" | paste -sd,)"
http_get "$H" -b "$JAR" "$BASE/clues/$K4" >/dev/null
expect_contains "the clue page lists the party committee's approval" "<td>同级党委主要负责人批准</td><td>县委书记</td><td>2022-03-31</td>" "$(cat "$H.b")"
C=$(sql "SELECT id FROM cases WHERE clue_id = $K4")
# the subject is promoted after filing: the case keeps the rank at filing
api PUT "/api/persons/$PS" "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"county\",\"leadership\":true}" >/dev/null
expect_eq "the person row now says 处级" "county" "$(sql "SELECT rank FROM persons WHERE id = $PS")"
r=$(api GET "/api/cases/$C")
expect_eq "the case: type, organ, categories" "both office 第一审查调查室 eight_rules,integrity" \
	"$(body "$r" | jget '["case_type"]+" "+d["organ_kind"]+" "+d["organ_name"]+" "+",".join(d["categories"])')"
expect_eq "... the subject as at filing (科级, leadership, unit)" "section False True $UA" \
	"$(body "$r" | jget '["subjects_at_filing"][0]' | python3 -c 'import ast,sys; s=ast.literal_eval(sys.stdin.read()); print(s["rank"], s["top_leader"], s["leadership"], s["unit_id"])')"
http_get "$H" -b "$JAR" "$BASE/cases/$C" >/dev/null
expect_contains "the case page shows the categories" "违反廉洁纪律" "$(cat "$H.b")"
expect_contains "... and the rank at filing" "赵科长：甲局，科级" "$(cat "$H.b")"

# ---- import refuses what the pages refuse -------------------------------------------------
imp() {   # imp LINE...: imports the lines, prints exit status
	printf '%s\n' "$@" >"$T_DIR/i.jsonl"
	run_cli import "$T_DIR/i.jsonl"
}
base='{"type":"unit","id":"U9","name":"丙局","kind":"department"}'
pc='{"type":"person","id":"P9","name":"李局长","unit":"U9","rank":"county"}'
ps='{"type":"person","id":"P8","name":"周科长","unit":"U9","rank":"section"}'
protect 李局长 周科长
imp "$base" "$pc" '{"type":"clue","id":"C9","received":"2022-03-02","source":"audit","subjects":["P9"]}' \
	'{"type":"disposition","clue":"C9","decided":"2022-03-10","method":"preliminary_verification"}'
expect_contains "import: disposing a 处级 subject's clue here is refused" 'line 4, field "method"' "$ERR"
imp "$base" "$pc" '{"type":"report","id":"R9","received":"2022-03-02","channel":"letter","category":"accusation","kind":"accusation","accused":["P9"],"summary":"反映其问题"}'
expect_contains "import: another level's report with content is refused" 'line 3, field "summary"' "$ERR"
imp "$base" "$ps" '{"type":"clue","id":"C8","received":"2022-03-02","source":"audit","subjects":["P8"]}' \
	'{"type":"disposition","clue":"C8","decided":"2022-03-10","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-10"}'
expect_contains "import: filing from a registered clue is refused" 'line 4, field "method"' "$ERR"
OLD='{"type":"case","id":"A8","clue":"C8","filed":"2022-04-01"}'
imp "$base" "$ps" '{"type":"clue","id":"C8","received":"2022-03-02","source":"audit","subjects":["P8"]}' \
	'{"type":"disposition","clue":"C8","decided":"2022-03-10","method":"preliminary_verification"}' \
	'{"type":"disposition","clue":"C8","decided":"2022-03-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-20"}' "$OLD"
expect_eq "import: a case of the old rules (no type, organ, categories): exit 1" 1 "$RC"
expect_contains "... refused, saying why" 'line 6, field "case_type": a case filed under the old rules' "$ERR"
NEW='{"type":"case","id":"A8","clue":"C8","filed":"2022-04-01","case_type":"discipline","organ_kind":"township","organ_name":"乙镇纪委","categories":["mass"]}'
imp "$base" "$ps" '{"type":"clue","id":"C8","received":"2022-03-02","source":"audit","subjects":["P8"]}' \
	'{"type":"disposition","clue":"C8","decided":"2022-03-10","method":"preliminary_verification"}' \
	'{"type":"disposition","clue":"C8","decided":"2022-03-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-20"}' "$NEW"
expect_eq "import: the case with its filing record: exit 0" 0 "$RC"
expect_eq "... stored with its categories and the snapshot" "discipline|mass|section" \
	"$(sql "SELECT k.case_type || '|' || c.category || '|' || s.rank FROM cases k JOIN case_categories c ON c.case_id = k.id JOIN case_subjects s ON s.case_id = k.id WHERE k.ext_id = 'A8'")"
# a case filed under the old rules (as migration 0019 leaves one: no type,
# organ nor categories) is completed by the case manager, once
A8=$(sql "SELECT id FROM cases WHERE ext_id = 'A8'")
sql "UPDATE cases SET case_type = NULL, organ_kind = NULL, organ_name = '' WHERE id = $A8" >/dev/null
sql "DELETE FROM case_categories WHERE case_id = $A8" >/dev/null
http_get "$H" -b "$JAR" "$BASE/cases/$A8" >/dev/null
expect_contains "an old-rule case shows 未记录 and the form to complete it" "补录立案信息" "$(cat "$H.b")"
expect_eq "... incomplete: 422" 422 "$(status "$(api POST "/api/cases/$A8/filing" '{"case_type":"discipline"}')")"
expect_eq "... completed: 200" 200 "$(status "$(api POST "/api/cases/$A8/filing" '{"case_type":"supervision","organ_kind":"resident_group","organ_name":"派驻第一纪检监察组","categories":["duty_violation"]}')")"
expect_eq "... once only: 422" 422 "$(status "$(api POST "/api/cases/$A8/filing" '{"case_type":"supervision","organ_kind":"resident_group","organ_name":"x","categories":["mass"]}')")"
expect_eq "... stored and audited" "supervision|duty_violation|1" \
	"$(sql "SELECT k.case_type || '|' || c.category FROM cases k JOIN case_categories c ON c.case_id = k.id WHERE k.id = $A8")|$(audit_count case_filing "case/$A8")"
run_cli export
expect_contains "export writes the case's new fields" '"categories":["duty_violation"]' "$(grep '"A8"' <<<"$OUT")"

# the catalog's "cases" is kept by 0082's triggers on every write of
# case_categories (the API's filing, the import, a row deleted above)
expect_eq "the catalog's case counts are the rows of each category" \
	"$(sql "SELECT c.code || ':' || (SELECT count(*) FROM case_categories k WHERE k.category = c.code) FROM violation_categories c ORDER BY c.code" | paste -sd' ')" \
	"$(body "$(api GET /api/categories)" | python3 -c 'import json,sys; print(" ".join("%s:%d" % (i["code"], i["cases"]) for i in sorted(json.load(sys.stdin)["items"], key=lambda i: i["code"])))')"
expect_eq "... some of them non-zero" 1 "$(sql "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM violation_categories WHERE cases > 0")"

stop_server
"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
