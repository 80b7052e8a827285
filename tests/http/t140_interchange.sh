# t140_interchange.sh: `qingfeng import` and `qingfeng export` (JSON Lines,
# INTERCHANGE.md): a valid file lands in the tables with the form and the
# influence period computed and money in fen, the summary readable through
# the API; a bad line 10,001 lines in rolls the whole file back; unknown
# types and undefined ids are refused naming line and field; unknown
# fields and the whole export survive export -> import -> export.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/a.jsonl
# issue 10: P1 was of county rank, whose report and clue a county
# commission forwards (t152) rather than disposes; the case carries its
# type, organ and categories (a case without them is refused, t152)
cat >"$F" <<'JSONL'
{"type":"unit","id":"U1","name":"市水务局","kind":"department","parent":null}
{"type":"unit","id":"U2","name":"水务站","kind":"institution","parent":"U1","color":"blue"}
{"type":"person","id":"P1","name":"赵局长","unit":"U2","position":"站长","rank":"section","top_leader":true,"leadership":true,"party_member":true}
{"type":"person","id":"P2","name":"钱某","unit":"U1","rank":"staff"}
{"type":"campaign","id":"K1","name":"农业补贴专项整治","start":"2022-03-01","end":null}
{"type":"report","id":"R1","received":"2022-03-01","channel":"letter","real_name":true,"accused":["P1"],"category":"accusation","summary":"举报其收受礼金","accepted":"2022-03-08","concluded":null,"reporter":"张三","contact":"13800000000"}
{"type":"clue","id":"C1","received":"2022-03-02","source":"report","source_ref":"R1","subjects":["P1","P2"],"campaign":"K1","summary":"反映其违规收受礼金","note":{"a":[1,2]}}
{"type":"disposition","clue":"C1","decided":"2022-03-10","method":"preliminary_verification"}
{"type":"disposition","clue":"C1","decided":"2022-03-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-20"}
{"type":"case","id":"A1","clue":"C1","filed":"2022-04-01","transferred":"2022-09-15","trial_accepted":"2022-09-20","closed":"2022-09-30","campaign":"K1","case_type":"both","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"detention","case":"A1","person":"P1","start":"2022-05-01","end":"2022-07-30","approved_by":"省纪委监委","approved_day":"2022-04-30","announced_at":"2022-05-01T09:00"}
{"type":"outcome","person":"P1","case":"A1","clue":null,"date":"2022-09-30","measures":["party_serious_warning","gov_removal"],"campaign":"K1"}
{"type":"outcome","person":"P2","case":null,"clue":"C1","date":"2022-04-10","measures":["talk_reminder"]}
{"type":"accountability","id":"Q1","started":"2022-06-01","unit":"U1","person":null,"campaign":"K1"}
{"type":"recovery","date":"2022-11-02","amount":"117526.73","kind":"recovered","campaign":"K1"}
JSONL
protect 赵局长 钱某 举报其收受礼金 张三 13800000000 反映其违规收受礼金 批量人
run_cli import "$F"
expect_eq "a valid file imports: exit 0" 0 "$RC"
expect_contains "... counts reported" "imported 15 records" "$OUT"
expect_eq "units, persons, clues, cases, outcomes stored" "2 2 1 1 2" \
	"$(sql "SELECT (SELECT count(*) FROM units) || ' ' || (SELECT count(*) FROM persons) || ' ' || (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM cases) || ' ' || (SELECT count(*) FROM outcomes)")"
expect_eq "ids kept as ext_id, parent resolved" "U2 U1" \
	"$(sql "SELECT c.ext_id || ' ' || p.ext_id FROM units c JOIN units p ON p.id = c.parent_id")"
P1ID=$(sql "SELECT id FROM persons WHERE ext_id = 'P1'")
expect_eq "outcome form computed (heaviest: 3), sanctioned" "3|1" \
	"$(sql "SELECT form, sanctioned FROM outcomes WHERE person_id = $P1ID")"
expect_eq "... each sanction's decision date stored (default: the outcome's date)" "2022-09-30|2022-09-30|2" \
	"$(sql "SELECT party_decided || '|' || gov_decided || '|' || (SELECT count(*) FROM outcome_measures m WHERE m.outcome_id = o.id AND m.decided = '2022-09-30') FROM outcomes o WHERE person_id = $P1ID")"
# issue 10: the outcome of a clue filed as a case belongs to the case (an
# old-rule record converted exactly, docs/interchange.md)
expect_eq "first-form outcome: form 1, no sanction, no bar, moved from the filed clue to its case" "1|0||1" \
	"$(sql "SELECT form || '|' || sanctioned || '|' || COALESCE(bar_until, '') || '|' || CASE WHEN case_id IS NOT NULL AND clue_id IS NULL THEN 1 ELSE 0 END FROM outcomes WHERE person_id <> $P1ID")"
bar=$(sql "SELECT bar_until FROM outcomes WHERE person_id = $P1ID")
case $bar in 202[3-9]-*) ok "influence period computed ($bar)" ;; *) not_ok "influence period computed (got '$bar')" ;; esac
expect_eq "money in fen, exactly" 11752673 "$(sql "SELECT amount_fen FROM recoveries")"
expect_eq "clue state follows the dispositions, first_disposed the first decision" "filed|2022-03-10" \
	"$(sql "SELECT state, first_disposed FROM clues")"
expect_eq "clue unit = first subject's unit" "U2" \
	"$(sql "SELECT u.ext_id FROM clues k JOIN units u ON u.id = k.unit_id")"
expect_eq "case closed, subjects from the clue" "closed|2" \
	"$(sql "SELECT state, (SELECT count(*) FROM case_subjects) FROM cases")"
expect_eq "the clocks stored as the pages store them: detention 3 months, trial review 1 month" \
	"2022-08-01|2022-10-20" "$(sql "SELECT d.due_day || '|' || k.trial_due FROM detentions d JOIN cases k ON k.id = d.case_id")"
# issue 10 (part D): R1, a line without a kind, is converted from its
# category to an accusation, which runs the acceptance notice only (the
# rules on handling accusations, 2020); the petition decision and
# conclusion clocks it ran before were the defect
expect_eq "the report's clocks stored as the pages store them: (no decision), notice, (no conclusion), next" \
	"accusation||2022-03-22||2022-03-22" "$(sql "SELECT kind || '|' || COALESCE(accept_due, '') || '|' || accept_notice_due || '|' || COALESCE(conclude_due, '') || '|' || next_due FROM reports")"
expect_eq "report linked to the clue its source_ref names" 1 \
	"$(sql "SELECT count(*) FROM reports r JOIN clues k ON k.id = r.clue_id WHERE k.ext_id = 'C1'")"
enc=$(sql "SELECT summary_enc || reporter_enc FROM reports")
case $enc in *礼金*|*张三*) not_ok "report summary and reporter encrypted" ;; *) ok "report summary and reporter encrypted" ;; esac
expect_eq "one audit entry for the import, counts only" "1" \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'import' AND detail LIKE '%clue=1%' AND detail NOT LIKE '%礼金%'")"

start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
CID=$(sql "SELECT id FROM clues WHERE ext_id = 'C1'")
r=$(api GET "/api/clues/$CID")
expect_eq "the imported clue reads through the API" 200 "$(tail -n 1 <<<"$r")"
expect_eq "... its summary decrypts" "反映其违规收受礼金" \
	"$(head -n -1 <<<"$r" | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"])')"
CJ=$T_DIR/clerk.jar
login clerk "$PW" "$CJ" >/dev/null
RID=$(sql "SELECT id FROM reports WHERE ext_id = 'R1'")
expect_eq "the imported report's summary, reporter and contact decrypt for the intake clerk" \
	"举报其收受礼金|张三|13800000000" \
	"$(api GET "/api/reports/$RID" "" "$CJ" | head -n -1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"], d["reporter"], d["contact"], sep="|")')"
stop_server

counts() { sql "SELECT (SELECT count(*) FROM units) || ' ' || (SELECT count(*) FROM persons) || ' ' || (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM clue_subjects) || ' ' || (SELECT count(*) FROM audit_log WHERE event = 'import')"; }
before=$(counts)
# line 1 a unit, line 2 a person, lines 3..10000 good clues, line 10001 a bad date
python3 - "$T_DIR/bad.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"type": "unit", "id": "BU", "name": "批量单位", "kind": "village"}) + "\n")
    f.write(json.dumps({"type": "person", "id": "BP", "name": "批量人", "unit": "BU", "rank": "village"}) + "\n")
    for i in range(3, 10001):
        f.write(json.dumps({"type": "clue", "id": "B%d" % i, "received": "2022-05-01", "source": "audit",
                            "subjects": ["BP"], "summary": "批量"}) + "\n")
    f.write(json.dumps({"type": "clue", "id": "BAD", "received": "2022-02-30", "source": "audit",
                        "subjects": ["BP"]}) + "\n")
PY
run_cli import "$T_DIR/bad.jsonl"
expect_eq "bad line 10001: exit 1" 1 "$RC"
expect_contains "... the message names line 10001 and the field" 'line 10001, field "received": not a date' "$ERR"
expect_eq "... nothing of the file stays (counts unchanged)" "$before" "$(counts)"

printf '%s\n' '{"type":"unit","id":"X1","name":"甲","kind":"other"}' '{"type":"spaceship","id":"S1"}' >"$T_DIR/t.jsonl"
run_cli import "$T_DIR/t.jsonl"
expect_eq "unknown type: exit 1" 1 "$RC"
expect_contains "... names line and type" 'line 2, field "type": unknown type "spaceship"' "$ERR"
printf '%s\n' '{"type":"clue","id":"C9","received":"2022-03-02","source":"audit","subjects":["P1","P404"]}' >"$T_DIR/r.jsonl"
run_cli import "$T_DIR/r.jsonl"
expect_eq "undefined id: exit 1" 1 "$RC"
expect_contains "... names the field and the id" 'line 1, field "subjects": "P404" is not a person' "$ERR"
printf '%s\n' '{"type":"recovery","date":"2022-11-02","amount":"1.234","kind":"recovered"}' >"$T_DIR/m.jsonl"
run_cli import "$T_DIR/m.jsonl"
expect_contains "money with three decimals refused" 'field "amount"' "$ERR"
printf '%s\n' '{"type":"disposition","clue":"C1","decided":"2022-05-01","method":"shelve"}' >"$T_DIR/d.jsonl"
run_cli import "$T_DIR/d.jsonl"
expect_contains "a disposition clue_flow forbids (filed -> shelve) refused" 'field "method"' "$ERR"
expect_eq "counts still unchanged" "$before" "$(counts)"

run_cli export
expect_eq "export: exit 0" 0 "$RC"
printf '%s\n' "$OUT" >"$T_DIR/plain.jsonl"
check "export without --with-sensitive has no summary or reporter" \
	bash -c "! grep -qE '\"(summary|reporter|contact)\"|礼金|张三' '$T_DIR/plain.jsonl'"
# the rule tables (issue 10: form_rule, violation_category, influence_period,
# clock_limit_version, detention_limit, jurisdiction_rule) come first, then the records;
# the work log's catalog (issue 15: activity_kind, 57 shipped kinds) is such a table too
expect_eq "... one line per record" 15 "$(grep -vcE '"type":"(form_rule|violation_category|influence_period|clock_limit_version|detention_limit|jurisdiction_rule|activity_kind)"' "$T_DIR/plain.jsonl")"
run_cli export --with-sensitive --out "$T_DIR/e1.jsonl"
expect_contains "--with-sensitive: summaries decrypted" '"summary":"反映其违规收受礼金"' "$(cat "$T_DIR/e1.jsonl")"
expect_contains "unknown fields written back (unit)" '"color":"blue"' "$(grep '"U2"' "$T_DIR/e1.jsonl")"
expect_contains "unknown fields written back (clue, nested)" '"note":{"a":[1,2]}' "$(grep '"C1"' "$T_DIR/e1.jsonl")"
expect_eq "exports audited" 2 "$(audit_count export)"
# issue 8, failure 3: the name pointed into memory each row's arena_clear
# released, and the entry named whatever the last row left there
expect_eq "... each naming the user who ran it" "cli:$(id -un) cli:$(id -un)" \
	"$(sql "SELECT user_name FROM audit_log WHERE event = 'export' ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"

# round trip into a fresh database
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
run_cli export --with-sensitive --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same lines" diff "$T_DIR/e1.jsonl" "$T_DIR/e2.jsonl"
check "no sanitizer report from the CLI" cli_clean
finish
