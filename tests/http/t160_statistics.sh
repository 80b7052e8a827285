# t160_statistics.sh: `qingfeng report` (issue 11): the statistics of
# DOMAIN.md section 6 computed from records built through import (JSON
# Lines), one check per definition's edge case, each naming the rule it
# covers (DOMAIN.md section 6 states the definitions; the regulations
# behind them are cited there and in docs/statistics.md):
# - cases_closed counts a case filed last year and closed this year
#   (结案: "closed in the period, whenever filed");
# - sanctioned counts an outcome with a party and a government sanction
#   once (党纪政务处分: "a person with both counts once"; the outcome holds
#   both, 纪律处分条例 2023 / 政务处分法 art. 15);
# - clues_disposed counts a clue once, in the period of its first
#   disposition: a second one (a second inquiry, inquiry then
#   verification) does not count again; a clue only transferred to
#   another organ was not disposed here (DOMAIN.md section 2);
# - days are CST calendar days: the figures read day columns only (YYYY-MM-DD
#   in China Standard Time, as the pages and import store them); no Unix-time
#   field enters a figure, so 2022-12-31 (CST) counts in 2022 and 2023-01-01 in
#   2023 (tests/unit/test_statistics.c checks that a moment at
#   2022-12-31T16:30:00Z is the CST day 2023-01-01);
# - closure_rate from exact counts, rounded half up only for display
#   (43/46 = 93.478..% -> 93.48%; the JSON keeps {num, den});
# - snapshots: a person promoted after the period does not move the
#   period's scoped figures (DOMAIN.md section 2: "copied onto the record");
# - the form table is effective-dated: a change after the period never
#   moves the period's forms (DOMAIN.md section 3);
# - unit scope includes the units below; key_persons = top leader OR
#   leadership OR section rank (the report's 一把手和领导班子及科级干部);
#   a key that cannot honour a scope member is "not applicable".
# - clue categories (migration 0024): optional at registration on the
#   page, the API and import, codes of the catalog offered on the received
#   day (as a case's at filing, DOMAIN.md section 2), editable on the clue
#   page while the clue is not disposed; the 四风 clue figure reads them;
#   a clue registered through the API gets its subjects' snapshot.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/a.jsonl
cat >"$F" <<'JSONL'
{"type":"unit","id":"U1","name":"县水务局","kind":"department","parent":null}
{"type":"unit","id":"U2","name":"水务站","kind":"institution","parent":"U1"}
{"type":"unit","id":"U3","name":"东镇","kind":"township","parent":null}
{"type":"person","id":"P1","name":"甲一","unit":"U1","rank":"section","top_leader":true,"party_member":true}
{"type":"person","id":"P2","name":"乙二","unit":"U2","rank":"staff","party_member":true}
{"type":"person","id":"P3","name":"丙三","unit":"U3","rank":"staff"}
{"type":"person","id":"P4","name":"丁四","unit":"U1","rank":"staff"}
{"type":"person","id":"P5","name":"戊五","unit":"U3","rank":"staff","leadership":true}
{"type":"campaign","id":"G1","name":"惠农补贴专项整治"}
{"type":"clue","id":"K1","received":"2021-12-01","source":"report","subjects":["P1"]}
{"type":"disposition","clue":"K1","decided":"2021-12-10","method":"preliminary_verification"}
{"type":"disposition","clue":"K1","decided":"2021-12-20","method":"file_case","approved_by":"委主要负责人","committee_by":"市委书记","committee_day":"2021-12-20"}
{"type":"case","id":"A","clue":"K1","filed":"2021-12-28","closed":"2022-03-01","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"detention","case":"A","person":"P1","start":"2021-12-30","end":"2022-01-20","approved_by":"市监委","approved_day":"2021-12-29","announced_at":"2021-12-30T09:00"}
{"type":"clue","id":"K2","received":"2022-01-03","source":"report","subjects":["P2"],"campaign":"G1","categories":["eight_rules"]}
{"type":"disposition","clue":"K2","decided":"2022-01-10","method":"talk_inquiry"}
{"type":"disposition","clue":"K2","decided":"2022-02-01","method":"preliminary_verification"}
{"type":"disposition","clue":"K2","decided":"2022-02-10","method":"file_case","approved_by":"委主要负责人","committee_by":"市委书记","committee_day":"2022-02-10"}
{"type":"case","id":"B","clue":"K2","filed":"2022-02-15","transferred":"2022-05-01","closed":"2022-06-30","campaign":"G1","case_type":"both","organ_kind":"township","organ_name":"东镇纪委","categories":["eight_rules"]}
{"type":"detention","case":"B","person":"P2","start":"2022-12-31","approved_by":"市监委","approved_day":"2022-12-30","announced_at":"2022-12-31T23:30"}
{"type":"clue","id":"K3","received":"2022-12-31","source":"judicial","subjects":["P3"]}
{"type":"disposition","clue":"K3","decided":"2022-12-31","method":"shelve"}
{"type":"clue","id":"K4","received":"2023-01-01","source":"report","subjects":["P4"]}
{"type":"disposition","clue":"K4","decided":"2023-01-02","method":"talk_inquiry"}
{"type":"clue","id":"K5","received":"2022-03-01","source":"report","subjects":["P5"]}
{"type":"disposition","clue":"K5","decided":"2022-03-05","method":"transfer","transfer_direction":"org_dept","transfer_to":"县委组织部"}
{"type":"clue","id":"K6","received":"2022-04-01","source":"report","subjects":["P4"]}
{"type":"disposition","clue":"K6","decided":"2022-04-05","method":"talk_inquiry"}
{"type":"clue","id":"K7","received":"2021-10-01","source":"report","subjects":["P3"]}
{"type":"disposition","clue":"K7","decided":"2021-10-10","method":"talk_inquiry"}
{"type":"disposition","clue":"K7","decided":"2022-02-02","method":"talk_inquiry"}
{"type":"outcome","person":"P1","case":"A","date":"2022-03-01","measures":["party_warning","gov_demerit"]}
{"type":"outcome","person":"P2","case":"B","date":"2022-06-30","measures":["party_expulsion","gov_dismissal"],"campaign":"G1"}
{"type":"outcome","person":"P3","clue":"K3","date":"2022-12-31","measures":["talk_reminder"]}
{"type":"outcome","person":"P4","clue":"K6","date":"2022-04-10","measures":["criticism"]}
{"type":"accountability","id":"Q1","started":"2022-05-05","unit":"U1","campaign":"G1"}
{"type":"accountability","id":"Q2","started":"2023-01-01","unit":"U1","campaign":"G1"}
{"type":"recovery","date":"2022-06-01","amount":"117526.73","kind":"recovered","campaign":"G1"}
{"type":"recovery","date":"2023-01-01","amount":"1.00","kind":"returned","campaign":"G1"}
JSONL
# 2024: 46 cases filed, 43 of them closed (closure rate 93.478..%)
python3 - "$F" <<'PY'
import json, sys
with open(sys.argv[1], 'a') as f:
    for i in range(46):
        w = lambda o: f.write(json.dumps(o, ensure_ascii=False) + "\n")
        w({"type": "clue", "id": f"R{i}", "received": "2024-01-02", "source": "report", "subjects": ["P3"]})
        w({"type": "disposition", "clue": f"R{i}", "decided": "2024-01-03", "method": "preliminary_verification"})
        w({"type": "disposition", "clue": f"R{i}", "decided": "2024-01-04", "method": "file_case",
           "approved_by": "委主要负责人", "committee_by": "市委书记", "committee_day": "2024-01-04"})
        c = {"type": "case", "id": f"RA{i}", "clue": f"R{i}", "filed": "2024-01-05", "case_type": "discipline",
             "organ_kind": "office", "organ_name": "第二审查调查室", "categories": ["work"]}
        if i < 43:
            c["closed"] = "2024-06-01"
        w(c)
PY
run_cli import "$F"
expect_eq "the records import" 0 "$RC"
protect 甲一 乙二 丙三 丁四 戊五
U1=$(sql "SELECT id FROM units WHERE ext_id = 'U1'"); U2=$(sql "SELECT id FROM units WHERE ext_id = 'U2'")
G1=$(sql "SELECT id FROM campaigns WHERE ext_id = 'G1'")
O1=$(sql "SELECT o.id FROM outcomes o JOIN persons p ON p.id = o.person_id WHERE p.ext_id = 'P1'")
K3=$(sql "SELECT id FROM clues WHERE ext_id = 'K3'"); P3=$(sql "SELECT id FROM persons WHERE ext_id = 'P3'")
sql "INSERT INTO followups (region, outcome_id, day, created_at) VALUES ('230100', $O1, '2022-07-01', 0), ('230100', $O1, '2023-01-02', 0)"
sql "INSERT INTO clarifications (region, person_id, clue_id, day, created_at) VALUES ('230100', $P3, $K3, '2022-08-01', 0)"

# report ARGS...: the JSON report; fig KEY [FIELD]: a figure of the last one
report() { run_cli report --format json "$@"; printf '%s' "$OUT" >"$T_DIR/r.json"; }
fig() {
	python3 -c 'import json,sys
m = {x["key"]: x for x in json.load(open(sys.argv[1]))["metrics"]}
v = m[sys.argv[2]][sys.argv[3] if len(sys.argv) > 3 else "display"]
print(json.dumps(v, ensure_ascii=False, sort_keys=True) if not isinstance(v, str) else v)' "$T_DIR/r.json" "$@"
}
figs() { local k s=""; for k in "$@"; do s="$s $k=$(fig "$k")"; done; echo "${s# }"; }

report --year 2022
expect_eq "report --year 2022 --format json: exit 0" 0 "$RC"
expect_eq "clues: received in 2022 (K2 K3 K5 K6: K3 on 2022-12-31 CST is in, K4 on 2023-01-01 out)" 4 "$(fig clues_received)"
expect_eq "clues_disposed: K2 once despite three dispositions, K3, K6; K7's second inquiry in 2022 does not count, K5 only transferred (DOMAIN.md 2)" 3 "$(fig clues_disposed)"
expect_eq "cases: filed in 2022 B; closed in 2022 A (filed 2021) and B" "cases_filed=1 cases_closed=2 closure_rate=200.00%" \
	"$(figs cases_filed cases_closed closure_rate)"
expect_eq "sanctioned: A's outcome with a party warning and a 记过 counts once, B's once" 2 "$(fig sanctioned)"
expect_eq "detained: P2 from 2022-12-31 (P1's detention started in 2021)" 1 "$(fig detained)"
expect_eq "transferred to prosecution in 2022: B" 1 "$(fig transferred)"
expect_eq "forms: 4 outcomes, form1 2 (谈话提醒, 批评教育), form2 1, form3 1, share 50.0%" \
	"forms_total=4 form1=2 form2=1 form3=1 form4=0 form1_share=50.0%" \
	"$(figs forms_total form1 form2 form3 form4 form1_share)"
expect_eq "accountability, recovered money in fen shown in yuan, follow-ups, clarifications" \
	"accountabilities=1 recovered=117,526.73元 returned=0.00元 followups=1 clarifications=1" \
	"$(figs accountabilities recovered returned followups clarifications)"
expect_eq "JSON values exact: money in fen, a rate as {num, den}" '11752673 {"den": 4, "num": 2}' \
	"$(fig recovered value) $(fig form1_share value)"
expect_eq "the list behind clues_disposed" "/clues?disposed_from=2022-01-01&disposed_to=2022-12-31" "$(fig clues_disposed list)"

report --year 2024
expect_eq "closure rate 43/46 = 93.478..% shown 93.48% (half up, display only)" "93.48%" "$(fig closure_rate)"
expect_eq "... the JSON keeps the exact counts" '{"den": 46, "num": 43}' "$(fig closure_rate value)"

# ---- scopes -----------------------------------------------------------------
report --year 2022 --unit "$U1"
expect_eq "unit scope includes the unit below (K2 of 水务站, K6 of the 局; outcomes O1 O2 O4)" \
	"clues_received=2 cases_filed=1 forms_total=3" "$(figs clues_received cases_filed forms_total)"
expect_eq "... the list link carries within=" "/cases?filed_from=2022-01-01&filed_to=2022-12-31&within=$U1" "$(fig cases_filed list)"
report --year 2022 --unit "$U2"
expect_eq "the unit below alone" "clues_received=1 forms_total=1" "$(figs clues_received forms_total)"
report --year 2022 --campaign "$G1"
expect_eq "campaign scope: clue, case, sanctioned, accountability, recovered" \
	"clues_received=1 cases_filed=1 sanctioned=1 accountabilities=1 recovered=117,526.73元" \
	"$(figs clues_received cases_filed sanctioned accountabilities recovered)"
report --year 2022 --category eight_rules
expect_eq "四风 (eight_rules): the clue's categories, the case's, its sanctioned outcome" \
	"clues_received=1 cases_filed=1 sanctioned=1" "$(figs clues_received cases_filed sanctioned)"
expect_eq "... accountability carries no category: not applicable, value null" "不适用 null false" \
	"$(fig accountabilities) $(fig accountabilities value) $(fig accountabilities applicable)"
report --year 2022 --source judicial
expect_eq "source scope: the clue from the judiciary and its outcome" "clues_received=1 forms_total=1" \
	"$(figs clues_received forms_total)"
report --year 2022 --organ township
expect_eq "organ scope: the township's case; clues have no organ (不适用)" "cases_filed=1 clues_received=不适用" \
	"$(figs cases_filed clues_received)"
report --year 2022 --key-persons
expect_eq "key persons: K5 of a leadership member; A closed (top leader, section); O1" \
	"clues_received=1 cases_closed=1 forms_total=1 form1=0" "$(figs clues_received cases_closed forms_total form1)"
report --year 2022 --rank staff
expect_eq "rank staff: clues K2 K3 K5 K6, outcomes O2 O3 O4" "clues_received=4 forms_total=3" \
	"$(figs clues_received forms_total)"

# ---- the jurisdiction of a township user (docs/security.md) -------------------
ready_user town --role township --unit "$U1" --password-stdin --db "$DB" >/dev/null
report --year 2022 --user town
expect_eq "--user town (scoped to the 局): its units and the one below; accountability not applicable" \
	"clues_received=2 forms_total=3 accountabilities=不适用" "$(figs clues_received forms_total accountabilities)"
report --year 2022 --user cm
expect_eq "--user cm (unscoped): everything" "clues_received=4 accountabilities=1" "$(figs clues_received accountabilities)"
run_cli report --year 2022 --user nobody
expect_eq "--user naming nobody: 1, said" "1 1" "$RC $(grep -c '用户“nobody”不存在' <<<"$ERR")"

# ---- a person promoted after the period -----------------------------------
sql "UPDATE persons SET rank = 'section', top_leader = 1 WHERE ext_id = 'P4'"
report --year 2022 --key-persons
expect_eq "P4 promoted in 2023: 2022's key-person figures do not move (snapshots)" \
	"clues_received=1 forms_total=1 form1=0" "$(figs clues_received forms_total form1)"
report --year 2022 --rank staff
expect_eq "... nor the staff figures" "clues_received=4 forms_total=3" "$(figs clues_received forms_total)"

# ---- a form-table change after the period ------------------------------------
sql "INSERT INTO form_rules (measure, valid_from, form, source) VALUES ('criticism', '2023-01-01', 2, 't160')"
printf '%s\n' '{"type":"outcome","person":"P4","clue":"K4","date":"2023-01-05","measures":["criticism"]}' >"$T_DIR/b.jsonl"
run_cli import "$T_DIR/b.jsonl"
report --year 2023
expect_eq "批评教育 in the second form from 2023-01-01: the 2023 outcome is form 2" "form1=0 form2=1" "$(figs form1 form2)"
expect_eq "money ordered returned (责令退回) is its own figure, not 挽回经济损失" "recovered=0.00元 returned=1.00元" \
	"$(figs recovered returned)"
report --year 2022
expect_eq "... 2022's forms do not move" "form1=2 form2=1" "$(figs form1 form2)"

# ---- periods ----------------------------------------------------------------
report --year 2022 --quarter 4
expect_eq "quarter 4 of 2022: K3 (2022-12-31)" 1 "$(fig clues_received)"
report --year 2022 --month 1
expect_eq "month 1 of 2022: K2" 1 "$(fig clues_received)"
report --from 2022-12-31 --to 2023-01-01
expect_eq "a range over the year's end: K3 and K4" 2 "$(fig clues_received)"
run_cli report --year 2022
expect_contains "text format: one line per key" "closure_rate" "$OUT"
expect_contains "... Chinese name and display" "结案率  200.00%" "$OUT"

# ---- errors -----------------------------------------------------------------
run_cli report --year 2022 --from 2022-01-01 --to 2022-02-01
expect_eq "a year and a range: usage error 2" 2 "$RC"
run_cli report
expect_eq "no period: 2, saying how to give one" "2 1" "$RC $(grep -c -- '--year YYYY' <<<"$ERR")"
run_cli report --from 2022-02-01 --to 2022-01-01
expect_contains "from after to: refused" "晚于" "$ERR"
run_cli report --year 2022 --unit 99999
expect_eq "an unknown unit: 1, named" "1 1" "$RC $(grep -c '单位 99999 不存在' <<<"$ERR")"
run_cli report --year 2022 --category nope
expect_eq "an unknown category: 1" 1 "$RC"
run_cli report --year 2022 --format docx --table
expect_eq "docx to a file or pipe: written (t172_formats checks the formats)" "0 PK" "$RC $(head -c 2 "$T_DIR/cli.out")"
# ---- clue categories: pages, API, import --------------------------------------
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
P3=$(sql "SELECT id FROM persons WHERE ext_id = 'P3'")
r=$(api POST /api/clues "{\"received\":\"2020-06-01\",\"source\":\"report\",\"summary\":\"反映其违规吃喝\",\"subjects\":[$P3],\"categories\":[\"eight_rules\"],\"confirm\":true}")
expect_eq "API: a clue registered with its categories: 201" 201 "$(status "$r")"; C1=$(body "$r" | jget '["id"]')
expect_eq "... shown by the API" "['eight_rules']" "$(api GET "/api/clues/$C1" | head -n -1 | jget '["categories"]')"
expect_eq "... its subject's snapshot copied at registration" "staff|0|$(sql "SELECT unit_id FROM persons WHERE id = $P3")" \
	"$(sql "SELECT rank || '|' || top_leader || '|' || unit_id FROM clue_subjects WHERE clue_id = $C1")"
r=$(api POST /api/clues "{\"received\":\"2020-06-01\",\"source\":\"report\",\"summary\":\"反映其问题\",\"subjects\":[$P3],\"categories\":[\"nope\"],\"confirm\":true}")
expect_eq "API: an unknown category: 422 naming categories" "422 categories" \
	"$(status "$r") $(body "$r" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["fields"]))')"
tok=$(csrf_of)
st=$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data-urlencode "received=2020-06-02" --data "source=report" \
	--data-urlencode "summary=反映其公款旅游" --data "subjects=$P3&categories=eight_rules&categories=mass&confirm=1" "$BASE/clues")
expect_eq "page: a clue registered with two categories: 303" 303 "$st"
C2=$(sql "SELECT max(id) FROM clues")
http_get "$H" -b "$JAR" "$BASE/clues/$C2" >/dev/null
expect_contains "... its page names them" "违反中央八项规定精神（四风）、违反群众纪律" "$(cat "$H.b")"
expect_contains "... and offers to change them while not disposed" "/clues/$C2/categories" "$(cat "$H.b")"
report --year 2020 --category eight_rules
expect_eq "四风 clue figure of 2020: both clues" 2 "$(fig clues_received)"
st=$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "categories=mass" "$BASE/clues/$C2/categories")
expect_eq "page: the categories changed while not disposed: 303" 303 "$st"
report --year 2020 --category eight_rules
expect_eq "... the 四风 figure follows" 1 "$(fig clues_received)"
r=$(api POST "/api/clues/$C1/categories" '{"categories":[]}')
expect_eq "API: categories cleared: 200" 200 "$(status "$r")"
report --year 2020 --category eight_rules
expect_eq "... none left" 0 "$(fig clues_received)"
K2=$(sql "SELECT id FROM clues WHERE ext_id = 'K2'")
r=$(api POST "/api/clues/$K2/categories" '{"categories":["mass"]}')
expect_eq "a disposed clue's categories stay: 422" 422 "$(status "$r")"
expect_contains "... saying why" "已处置" "$(body "$r")"
expect_eq "... audited as clue_categories (the two changes)" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'clue_categories'")"
printf '%s\n' '{"type":"clue","id":"X1","received":"2017-01-01","source":"report","subjects":["P3"],"categories":["duty_crime"]}' >"$T_DIR/c.jsonl"
run_cli import "$T_DIR/c.jsonl"
expect_eq "import: a category not offered on the received day is refused naming line and field" "1 1" \
	"$RC $(grep -c 'line 1, field "categories"' <<<"$ERR")"
check "server log clean" server_clean
check "no sanitizer report from the CLI" cli_clean
finish
