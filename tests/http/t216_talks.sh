#!/usr/bin/env bash
# t216_talks: daily supervision's personal matter reports (重大事项报告) and
# talks (谈话) (issue 15; DOMAIN.md sections 3, 4 and 5; docs/architecture.md
# "Personal matter reports and talks").
# - the 30-day clock from the event, in calendar days (DOMAIN.md section 4:
#   "major personal matter report: 30 days from the event"; clock_limits
#   personal_matter_report, 《领导干部报告个人有关事项规定》 "30日内"): an event on
#   2022-06-01 is due 2022-07-01 (a Friday); an event on 2022-09-01 is due
#   on 2022-10-01, the National Day holiday, and moves to the next working
#   day 2022-10-08 (a 调休 Saturday; Civil Code art. 203): a report that day
#   is on time, one on 2022-07-02 for the June event is late and flagged
#   (逾期报告) in the JSON, the list and the page;
# - quick entry: three talks of one kind and day for three persons in one
#   request; all or nothing: a batch naming a person of another
#   jurisdiction (or none that exists) saves none; a unit's own talks as
#   人次 without names; the note encrypted at rest;
# - a reminder talk recorded as first-form treatment (谈话提醒) counts in
#   form 1 and forms_total (report before/after; the rollup equals the live
#   count) with no clue; a second outcome on it is refused; a heart-to-heart
#   talk takes none;
# - the figures talks_* (人次) and matter_reports;
# - authorization: a role without the permission (审查调查室) 403 on pages and
#   API; a township account: another jurisdiction's person, report and talk
#   404, each refusal audited (access_denied);
# - an added kind is offered and used; export -> import -> export keeps the
#   talks, reports and the talk's outcome;
# - the integrity file (廉政档案) of a section-level cadre: the reports, talks,
#   the case and its bar to promotion for the case manager; for a township
#   account not on the case team the clue but not the case (need-to-know);
#   another jurisdiction's cadre 404, no permission 403, below section
#   rank 404; 更新 audited and counted (integrity_files); the .docx is well
#   formed and LibreOffice opens it.
# Before this change /talks and /matter-reports did not exist and an outcome
# with neither case nor clue was refused by the CHECK of migration 0008.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server
UA=$(new_unit 甲局 department) UB=$(new_unit 乙镇 township)
PA=$(new_person 赵科长 "$UA"); PA2=$(new_person 钱科长 "$UA"); PA3=$(new_person 孙科长 "$UA"); PB=$(new_person 李站长 "$UB")

# ---- personal matter reports and the 30-day clock ------------------------------
report() {
	local r
	r=$(api POST /api/matter-reports "$1" "${2:-$JAR}")
	[ "$(status "$r")" = 201 ] && body "$r" | jget '["id"]' || status "$r"
}
R1=$(report "{\"person_id\":$PA,\"kind\":\"wedding\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-07-01\",\"guests\":80,\"tables\":8}")
R2=$(report "{\"person_id\":$PA2,\"kind\":\"funeral\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-07-02\"}")
R3=$(report "{\"person_id\":$PA3,\"kind\":\"celebration\",\"event_day\":\"2022-09-01\",\"reported\":\"2022-10-08\",\"public_vehicles\":true}")
R4=$(report "{\"person_id\":$PA3,\"kind\":\"celebration\",\"event_day\":\"2022-09-01\",\"reported\":\"2022-10-09\"}")
R5=$(report "{\"person_id\":$PA,\"kind\":\"wedding\",\"event_day\":\"2022-12-10\",\"reported\":\"2022-11-20\"}")
due_late() { body "$(api GET "/api/matter-reports/$1")" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["due"], d["late"])'; }
expect_eq "event 2022-06-01: due 2022-07-01, a report that day on time" "2022-07-01 False" "$(due_late "$R1")"
expect_eq "... a report on 2022-07-02 late" "2022-07-01 True" "$(due_late "$R2")"
expect_eq "event 2022-09-01: day 30 is 2022-10-01 (国庆), due the next working day 2022-10-08, on time" \
	"2022-10-08 False" "$(due_late "$R3")"
expect_eq "... a report on 2022-10-09 late" "2022-10-08 True" "$(due_late "$R4")"
expect_eq "a report before the event (事前报告) is on time" "2023-01-09 False" "$(due_late "$R5")"
expect_eq "the scale stored" "80|8|0|1" "$(sql "SELECT (SELECT guests || '|' || tables_n FROM matter_reports WHERE id = $R1) || '|' || (SELECT public_funds || '|' || public_vehicles FROM matter_reports WHERE id = $R3)")"
expect_eq "an unknown kind: 422" 422 "$(report "{\"person_id\":$PA,\"kind\":\"lottery\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-06-02\"}")"
expect_eq "a reported day after today: 422" 422 "$(report "{\"person_id\":$PA,\"kind\":\"wedding\",\"event_day\":\"2022-06-01\",\"reported\":\"2099-06-02\"}")"
expect_eq "... audited" 1 "$(audit_count matter_report_add "matter_report/$R2")"
st=$(http_get "$T_DIR/mr" -b "$JAR" "$BASE/matter-reports")
expect_eq "the list: 200" 200 "$st"
expect_eq "... two reports flagged 逾期报告" 2 "$(grep -o '逾期报告' "$T_DIR/mr.b" | wc -l)"
st=$(http_get "$T_DIR/r2" -b "$JAR" "$BASE/matter-reports/$R2")
expect_contains "the late report's page flags it" '<span class="clock overdue">逾期报告</span>' "$(cat "$T_DIR/r2.b")"
st=$(http_get "$T_DIR/home" -b "$JAR" "$BASE/")
expect_contains "the home page lists a report to check" "重大事项报告待核查" "$(cat "$T_DIR/home.b")"
r=$(api POST "/api/matter-reports/$R2/check" '{"concern":true}')
expect_eq "a check finds a concern: 200, state concern" "200 concern" "$(status "$r") $(sql "SELECT state FROM matter_reports WHERE id = $R2")"
expect_eq "... once only: 422" 422 "$(status "$(api POST "/api/matter-reports/$R2/check" '{"concern":false}')")"

# ---- talks: quick entry, all or nothing ---------------------------------------
talks() { sql "SELECT count(*) FROM talks"; }
r=$(api POST /api/talks "{\"kind\":\"pre_appointment\",\"day\":\"2022-03-15\",\"person_ids\":[$PA,$PA2,$PA3],\"note\":\"任前谈话：严守纪律红线\"}")
expect_eq "quick entry: three pre-appointment talks in one request" "201 3" "$(status "$r") $(body "$r" | jget '["count"]')"
T1=$(body "$r" | jget '["ids"][0]')
expect_eq "... one row each, talked by the user" "3 cm" "$(sql "SELECT count(*) || ' ' || min(u.name) FROM talks t JOIN users u ON u.id = t.talker_id WHERE t.kind = 'pre_appointment'")"
expect_eq "... the note encrypted at rest" 0 "$(sql "SELECT count(*) FROM talks WHERE note_enc LIKE '%严守%'")"
expect_eq "... read back clear" "任前谈话：严守纪律红线" "$(body "$(api GET "/api/talks/$T1")" | jget '["note"]')"
expect_eq "... audited, one entry per talk" 3 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'talk_add'")"
before=$(talks)
expect_eq "a batch naming a person that does not exist: 404" 404 \
	"$(status "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-01\",\"person_ids\":[$PA,999999]}")")"
expect_eq "... and none of it saved" "$before" "$(talks)"
expect_eq "a batch with a repeated person: 422, none saved" "422 $before" \
	"$(status "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-01\",\"person_ids\":[$PA,$PA]}")") $(talks)"
r=$(api POST /api/talks "{\"kind\":\"integrity\",\"day\":\"2022-05-10\",\"unit_id\":$UA,\"unit_led\":true,\"persons\":12,\"talker_name\":\"甲局局长王某\"}")
expect_eq "a unit's own talks without names: 12 persons (人次), talked by its leader" "201 12|1|甲局局长王某" \
	"$(status "$r") $(sql "SELECT persons || '|' || unit_led || '|' || talker_name FROM talks WHERE id = $(body "$r" | jget '["ids"][0]')")"
expect_eq "a unit's own talk without its unit: 422 naming unit_id" "422 True" \
	"$(r=$(api POST /api/talks '{"kind":"heart","day":"2022-04-01","unit_led":true,"persons":3,"talker_name":"某"}'); echo "$(status "$r") $(body "$r" | python3 -c 'import json,sys; print("unit_id" in json.dumps(json.load(sys.stdin)))')")"
expect_eq "a talk without persons nor unit-led: 422" 422 \
	"$(status "$(api POST /api/talks '{"kind":"heart","day":"2022-04-01"}')")"
expect_eq "a talk dated after today: 422" 422 \
	"$(status "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2099-04-01\",\"person_ids\":[$PA]}")")"
# the page form: several persons ticked at once
st=$(curl -s -o "$T_DIR/tk.html" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
	--data-urlencode "kind=heart" --data-urlencode "day=2022-06-20" --data-urlencode "person_ids=$PA" \
	--data-urlencode "person_ids=$PB" --data-urlencode "note=谈心" "$BASE/talks")
expect_eq "the page's quick entry: two heart-to-heart talks, 303" "303 2" "$st $(sql "SELECT count(*) FROM talks WHERE kind = 'heart'")"

# ---- a reminder talk as first-form treatment ----------------------------------
run_cli report --format json --year 2022; printf '%s' "$OUT" >"$T_DIR/r0.json"
fig() { python3 -c 'import json,sys
m = {x["key"]: x for x in json.load(open(sys.argv[1]))["metrics"]}
print(m[sys.argv[2]]["value"])' "$1" "$2"; }
r=$(api POST /api/talks "{\"kind\":\"reminder\",\"day\":\"2022-08-08\",\"person_ids\":[$PB]}")
TR=$(body "$r" | jget '["ids"][0]')
r=$(api POST "/api/talks/$TR/outcome" '{"measure":"talk_reminder"}')
expect_eq "a reminder talk's outcome (谈话提醒): 201" 201 "$(status "$r")"
O=$(body "$r" | jget '["id"]')
expect_eq "... on the talk, no case nor clue, first form" "$TR|none|1" \
	"$(sql "SELECT supervision_id || '|' || CASE WHEN case_id IS NULL AND clue_id IS NULL THEN 'none' ELSE 'some' END || '|' || form FROM outcomes WHERE id = $O")"
run_cli report --format json --year 2022; printf '%s' "$OUT" >"$T_DIR/r1.json"
expect_eq "form1 counts it (before -> after)" "$(($(fig "$T_DIR/r0.json" form1) + 1))" "$(fig "$T_DIR/r1.json" form1)"
expect_eq "forms_total counts it" "$(($(fig "$T_DIR/r0.json" forms_total) + 1))" "$(fig "$T_DIR/r1.json" forms_total)"
rollup_eq "--year 2022" ""
r=$(api POST "/api/outcomes/$O/followups" '{"day":"2022-09-01","note":"回访：已按要求整改"}')
expect_eq "a follow-up visit (回访) on the talk's outcome: 201, on the talk's timeline" "201 1" \
	"$(status "$r") $(sql "SELECT count(*) FROM timeline WHERE object = 'talk/$TR' AND action = '回访'")"
expect_eq "a second outcome on the talk: 422" 422 "$(status "$(api POST "/api/talks/$TR/outcome" '{"measure":"admonishment"}')")"
TH=$(sql "SELECT min(id) FROM talks WHERE kind = 'heart'")
expect_eq "a heart-to-heart talk takes no outcome: 422" 422 "$(status "$(api POST "/api/talks/$TH/outcome" '{"measure":"talk_reminder"}')")"
st=$(http_get "$T_DIR/tr" -b "$JAR" "$BASE/talks/$TR")
expect_contains "the talk's page links its outcome" "/outcomes/$O" "$(cat "$T_DIR/tr.b")"
expect_contains "... and its timeline holds the visit" "回访：已按要求整改" "$(cat "$T_DIR/tr.b")"
st=$(http_get "$T_DIR/o" -b "$JAR" "$BASE/outcomes/$O")
expect_eq "the outcome's page opens: 200" 200 "$st"

# ---- the figures ----------------------------------------------------------------
expect_eq "talks_pre_appointment 3, talks_unit_led 12, talks_heart 2, talks_reminder 1, matter_reports 5" \
	"3 12 2 1 5" "$(for k in talks_pre_appointment talks_unit_led talks_heart talks_reminder matter_reports; do fig "$T_DIR/r1.json" $k; done | tr '\n' ' ' | sed 's/ $//')"

# ---- kinds ----------------------------------------------------------------------
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data-urlencode "family=matter_report" \
	--data-urlencode "code=moving_house" --data-urlencode "label=乔迁" "$BASE/talks/kinds")
expect_eq "a kind added (乔迁): 303, audited" "303 1" "$st $(audit_count sup_kind_add)"
expect_contains "... offered on the form" 'value="moving_house"' "$(curl -s -b "$JAR" "$BASE/matter-reports/new")"
R6=$(report "{\"person_id\":$PA2,\"kind\":\"moving_house\",\"event_day\":\"2022-11-01\",\"reported\":\"2022-11-03\"}")
case $R6 in *[!0-9]*|"") not_ok "... and used ($R6)" ;; *) ok "... and used" ;; esac

# ---- authorization ---------------------------------------------------------------
ready_user inv --role investigator --password-stdin --db "$DB" >/dev/null
ready_user tw --role township --unit "$UA" --password-stdin --db "$DB" >/dev/null
IJ=$T_DIR/inv.jar; TJ=$T_DIR/tw.jar
login inv "$PW" "$IJ" >/dev/null; login tw "$PW" "$TJ" >/dev/null
for u in /talks /matter-reports /talks/new "/talks/$T1" "/api/talks" "/api/matter-reports/$R1"; do
	expect_eq "审查调查室 without the permission: $u 403" 403 "$(http_status -b "$IJ" "$BASE$u")"
done
expect_eq "... nor records one: 403" 403 \
	"$(status "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-01\",\"person_ids\":[$PA]}" "$IJ")")"
expect_eq "the township account sees its unit's talks (甲局): 200" 200 "$(http_status -b "$TJ" "$BASE/talks/$T1")"
TB=$(sql "SELECT id FROM talks WHERE person_id = $PB AND kind = 'heart'")
RB=$(report "{\"person_id\":$PB,\"kind\":\"wedding\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-06-05\"}")
before=$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied'")
expect_eq "... another jurisdiction's talk: 404" 404 "$(http_status -b "$TJ" "$BASE/talks/$TB")"
expect_eq "... another jurisdiction's report: 404" 404 "$(http_status -b "$TJ" "$BASE/api/matter-reports/$RB")"
n0=$(talks)
expect_eq "... a talk with another jurisdiction's person: 404, none saved" "404 $n0" \
	"$(status "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-01\",\"person_ids\":[$PA,$PB]}" "$TJ")") $(talks)"
expect_eq "... a report of another jurisdiction's person: 404" 404 \
	"$(report "{\"person_id\":$PB,\"kind\":\"wedding\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-06-05\"}" "$TJ")"
expect_eq "... each refusal audited (access_denied)" $((before + 4)) "$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied'")"
expect_eq "... its list holds its unit only" 0 "$(curl -s -b "$TJ" "$BASE/api/talks" | python3 -c 'import json,sys; print(sum(1 for x in json.load(sys.stdin)["items"] if x["unit_id"] != '"$UA"'))')"

# ---- the integrity file (廉政档案) -------------------------------------------------
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null
LJ=$T_DIR/lead.jar; login lead "$PW" "$LJ" >/dev/null
C1=$(body "$(api POST /api/clues "{\"received\":\"2022-01-02\",\"source\":\"report\",\"summary\":\"反映钱科长收受礼金\",\"subjects\":[$PA2],\"confirm\":true}")" | jget '["id"]')
K1=$(file_case "$C1" 2022-01-07 2022-01-10)
reads=$(sql "SELECT count(*) FROM audit_log WHERE object = 'person/$PA2'")
st=$(http_get "$T_DIR/if" -b "$JAR" "$BASE/persons/$PA2/integrity")
expect_eq "钱科长's integrity file: 200" 200 "$st"
IF=$(cat "$T_DIR/if.b")
expect_contains "... the personal matter report, late" "丧事" "$IF"
expect_contains "... the pre-appointment talk" "任前廉政谈话" "$IF"
expect_contains "... the case the case manager may see" "案件 $K1" "$IF"
expect_contains "... the open case bars promotion" "正在接受立案审查调查，暂停提拔" "$IF"
check "... no talk note in the file" bash -c '! grep -q "严守纪律红线" "$1"' _ "$T_DIR/if.b"
expect_eq "... the read audited (the person's)" $((reads + 1)) "$(sql "SELECT count(*) FROM audit_log WHERE object = 'person/$PA2'")"
st=$(http_get "$T_DIR/ift" -b "$TJ" "$BASE/persons/$PA2/integrity")
expect_eq "the township account (甲局's jurisdiction, not on the case team): 200" 200 "$st"
check "... the case is not in its file (need-to-know)" bash -c '! grep -q "案件 '"$K1"'" "$1"' _ "$T_DIR/ift.b"
expect_contains "... the clue within its jurisdiction is" "问题线索 $C1" "$(cat "$T_DIR/ift.b")"
expect_eq "... 乙镇's cadre's file: 404" 404 "$(http_status -b "$TJ" "$BASE/persons/$PB/integrity")"
expect_eq "... nor its .docx: 404" 404 "$(http_status -b "$TJ" "$BASE/persons/$PB/integrity/docx")"
expect_eq "the investigator: 403" 403 "$(http_status -b "$IJ" "$BASE/persons/$PA2/integrity")"
PS=$(body "$(api POST /api/persons "{\"name\":\"周科员\",\"unit_id\":$UA,\"rank\":\"staff\"}")" | jget '["id"]')
expect_eq "no file below section rank: 404" 404 "$(http_status -b "$JAR" "$BASE/persons/$PS/integrity")"
YEAR=$(date -u -d '+8 hours' +%Y)
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" "$BASE/persons/$PA2/integrity")
expect_eq "更新廉政档案: 303, audited" "303 1" "$st $(audit_count integrity_update "integrity/$PA2")"
curl -s -o /dev/null -b "$JAR" --data-urlencode "csrf=$(csrf_of)" "$BASE/persons/$PA2/integrity"
curl -s -o /dev/null -b "$JAR" --data-urlencode "csrf=$(csrf_of)" "$BASE/persons/$PA/integrity"
run_cli report --format json --year "$YEAR"; printf '%s' "$OUT" >"$T_DIR/r2.json"
expect_eq "integrity_files: two files updated this year (one of them twice)" 2 "$(fig "$T_DIR/r2.json" integrity_files)"
expect_eq "the township commission updates a file of its jurisdiction: 303" \
	"303" "$(curl -s -o /dev/null -w '%{http_code}' -b "$TJ" --data-urlencode "csrf=$(csrf_of "$TJ")" "$BASE/persons/$PA3/integrity")"
st=$(http_get "$T_DIR/ifd" -b "$JAR" "$BASE/persons/$PA2/integrity/docx")
expect_eq "the .docx: 200, a Word document" "200 application/vnd.openxmlformats-officedocument.wordprocessingml.document" \
	"$st $(header_of "$T_DIR/ifd.h" content-type)"
expect_eq "... its export audited" 1 "$(audit_count integrity_export "integrity/$PA2")"
mkdir -p "$T_DIR/ifx" && unzip -q -o "$T_DIR/ifd.b" -d "$T_DIR/ifx"
expect_eq "... every XML part well formed" "" "$(xml_parts_bad "$T_DIR/ifx")"
expect_contains "... the title and the sections" "钱科长同志廉政档案" "$(cat "$T_DIR/ifx/word/document.xml")"
expect_contains "... the case row" "案件 $K1" "$(cat "$T_DIR/ifx/word/document.xml")"
if office_tools --sqlite soffice; then
	cp "$T_DIR/ifd.b" "$T_DIR/integrity.docx"
	lo_convert txt:Text "$T_DIR/lo_out" "$T_DIR/integrity.docx"
	expect_contains "LibreOffice opens it: the text holds the file" "重大事项报告" "$(cat "$T_DIR/lo_out/integrity.txt" 2>/dev/null)"
fi

# ---- interchange -----------------------------------------------------------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
expect_eq "... a line per talk and report" "$(talks) $(sql "SELECT count(*) FROM matter_reports")" \
	"$(grep -c '"type":"talk"' "$T_DIR/e1.jsonl") $(grep -c '"type":"matter_report"' "$T_DIR/e1.jsonl")"
expect_contains "... the outcome names its talk" '"talk":"' "$(grep '"type":"outcome"' "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
grep -v '"kind":"moving_house"' "$T_DIR/e1.jsonl" >"$T_DIR/e1b.jsonl"
run_cli import "$T_DIR/e1b.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export (without the report of the added kind) imports into a fresh database" 0 "$RC"
expect_eq "... the talk's outcome on its talk, first form" "1 1" \
	"$(DB=$DB2 sql "SELECT count(*) || ' ' || min(form) FROM outcomes WHERE supervision_id IS NOT NULL")"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same talk lines" diff <(grep '"type":"talk"' "$T_DIR/e1b.jsonl") \
	<(grep '"type":"talk"' "$T_DIR/e2.jsonl")
check "... the same report lines" diff <(grep '"type":"matter_report"' "$T_DIR/e1b.jsonl") \
	<(grep '"type":"matter_report"' "$T_DIR/e2.jsonl")
grep '"kind":"moving_house"' "$T_DIR/e1.jsonl" >"$T_DIR/mh.jsonl"
run_cli import "$T_DIR/mh.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "a report of a kind the database lacks is refused naming it" 'moving_house' "$ERR"
check "no sanitizer report from the CLI" cli_clean

check "the server log holds no sanitizer report" server_clean
finish
