#!/usr/bin/env bash
# t221_talk_edit: correcting talks (谈话) and personal matter reports
# (重大事项报告) (issue 15's gap; docs/architecture.md "Correcting a talk or
# a report").
# - a talk's kind, day, person, talker and note each corrected through PUT
#   /api/talks/{id} with a reason; the note encrypted again at rest; the
#   reason required (422 naming reason, nothing changed); the audit entry
#   talk_edit names the fields before and after, the typed talker and the
#   note only as 已修改 and no reason (docs/security.md: no names, notes or
#   typed reasons in the audit log); the timeline entry gives the reason
#   and the values but the note's; no plaintext note in the audit table,
#   the timeline or the server log;
# - a report's kind, days, scale and note corrected; the 30-day clock
#   recomputed from the new event day (DOMAIN.md section 4; clock_limits
#   personal_matter_report, 《领导干部报告个人有关事项规定》 "30日内"; a last day
#   on a rest day moves to the next working day, Civil Code art. 203): an
#   event on 2022-06-01 is due 2022-07-01 and a report on 2022-07-02 is
#   late; corrected to 2022-06-02 the 30th day is Saturday 2022-07-02, due
#   Monday 2022-07-04, and the same report is on time; corrected to
#   2022-09-01 the 30th day is 2022-10-01 (国庆), due 2022-10-08, a report on
#   2022-10-09 late again; the audit entry names the due day and lateness
#   before and after;
# - the first-form outcome on a reminder talk (DOMAIN.md section 3: the
#   outcome's person, day and form are the talk's): a new person, a kind
#   other than reminder/warning, a new day each 422 in Chinese and nothing
#   changed; reminder -> warning and a new note allowed; the outcome's day,
#   person and form unchanged, the rollup equal to the live figures;
# - the statistics move: talks_heart/talks_reminder after a kind change,
#   talks_total of 2022 and 2021 after a day change, matter_reports of 2022
#   and 2023 after a reported-day change (report before -> after);
# - authorization: another jurisdiction's talk or report (a township
#   account) 404 with nothing changed and the refusal audited; a new person
#   outside the jurisdiction 404; a role without supervision_write (the
#   investigator, the leader who reads) 403 (the house's answer to a role
#   lacking the permission) and no 编辑 button for the reader;
# - the pages: 编辑 on the record's page, the form prefilled, a refused form
#   422 with the message beside the field and nothing written, a saved one
#   303; a form without the CSRF token refused.
# Before this change none of the routes existed (405/404) and a talk or a
# report could not be corrected at all.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server
UA=$(new_unit 甲局 department) UB=$(new_unit 乙镇 township)
PA=$(new_person 赵科长 "$UA"); PA2=$(new_person 钱科长 "$UA"); PB=$(new_person 李站长 "$UB")
fig() { python3 -c 'import json,sys
m = {x["key"]: x for x in json.load(open(sys.argv[1]))["metrics"]}
print(m[sys.argv[2]]["value"])' "$1" "$2"; }
report_json() { run_cli report --format json --year "$1"; printf '%s' "$OUT" >"$T_DIR/$2.json"; }
errs() { body "$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps(d, ensure_ascii=False))'; }
NOTE1='谈话记录：对方承认收受购物卡三张'
NOTE2='更正后的谈话记录：对方说明购物卡已上交'
# the notes, the typed reasons and the typed talker's name never reach the
# audit log (docs/security.md "No protected values in the log")
protect "$NOTE1" "$NOTE2" "购物卡" 类别登记错误 谈话对象登记错误 谈话人为局长 补充谈话情况 事项日期登记错误 甲局局长王某

# ---- a talk, each field corrected ------------------------------------------------
r=$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-03-15\",\"person_ids\":[$PA],\"note\":\"$NOTE1\"}")
T=$(body "$r" | jget '["ids"][0]')
enc0=$(sql "SELECT note_enc FROM talks WHERE id = $T")
report_json 2022 a0; report_json 2021 b0
r=$(api PUT "/api/talks/$T" '{"kind":"reminder"}')
expect_eq "a correction without a reason: 422 naming reason" "422 True" \
	"$(status "$r") $(errs "$r" | grep -q '请填写修改原因' && echo True || echo False)"
expect_eq "... nothing changed" "heart" "$(sql "SELECT kind FROM talks WHERE id = $T")"
r=$(api PUT "/api/talks/$T" '{"reason":"　 ","kind":"reminder"}')
expect_eq "a blank reason (spaces, a full-width one too): 422, nothing changed" "422 heart" \
	"$(status "$r") $(sql "SELECT kind FROM talks WHERE id = $T")"
r=$(api PUT "/api/talks/$T" '{"reason":"核对谈话记录","kind":"heart"}')
expect_eq "a correction that changes nothing: 422 没有修改任何内容" "422 True" \
	"$(status "$r") $(errs "$r" | grep -q '没有修改任何内容' && echo True || echo False)"
r=$(api PUT "/api/talks/$T" '{"reason":"类别登记错误","kind":"reminder"}')
expect_eq "the kind heart -> reminder: 200, read back" "200 reminder" "$(status "$r") $(body "$r" | jget '["kind"]')"
report_json 2022 a1
expect_eq "talks_heart 2022 moves down by one (before -> after)" "$(($(fig "$T_DIR/a0.json" talks_heart) - 1))" \
	"$(fig "$T_DIR/a1.json" talks_heart)"
expect_eq "talks_reminder 2022 moves up by one" "$(($(fig "$T_DIR/a0.json" talks_reminder) + 1))" \
	"$(fig "$T_DIR/a1.json" talks_reminder)"
r=$(api PUT "/api/talks/$T" '{"reason":"日期登记错误","day":"2021-12-30"}')
expect_eq "the day 2022-03-15 -> 2021-12-30: 200" "200 2021-12-30" "$(status "$r") $(body "$r" | jget '["day"]')"
report_json 2022 a2; report_json 2021 b2
expect_eq "talks_total 2022 down by one" "$(($(fig "$T_DIR/a1.json" talks_total) - 1))" "$(fig "$T_DIR/a2.json" talks_total)"
expect_eq "talks_total 2021 up by one" "$(($(fig "$T_DIR/b0.json" talks_total) + 1))" "$(fig "$T_DIR/b2.json" talks_total)"
expect_eq "talks_reminder 2021 up by one" "$(($(fig "$T_DIR/b0.json" talks_reminder) + 1))" \
	"$(fig "$T_DIR/b2.json" talks_reminder)"
expect_eq "a day after today: 422 naming day" "422 True" \
	"$(r=$(api PUT "/api/talks/$T" '{"reason":"x","day":"2099-01-01"}'); echo "$(status "$r") $(errs "$r" | grep -q '"day"' && echo True || echo False)")"
r=$(api PUT "/api/talks/$T" "{\"reason\":\"谈话对象登记错误\",\"person_id\":$PA2}")
expect_eq "the person 赵科长 -> 钱科长: 200" "200 $PA2" "$(status "$r") $(body "$r" | jget '["person_id"]')"
r=$(api PUT "/api/talks/$T" '{"reason":"谈话人为局长","talker":"甲局局长王某"}')
expect_eq "the talker cm -> a typed name: 200, no account" "200 甲局局长王某|0" \
	"$(status "$r") $(sql "SELECT talker_name || '|' || COALESCE(talker_id, 0) FROM talks WHERE id = $T")"
r=$(api PUT "/api/talks/$T" "{\"reason\":\"补充谈话情况\",\"note\":\"$NOTE2\"}")
expect_eq "the note: 200, read back clear" "200 $NOTE2" "$(status "$r") $(body "$r" | jget '["note"]')"
expect_eq "... encrypted again at rest (another ciphertext, no clear text)" "1 0" \
	"$(sql "SELECT count(*) FROM talks WHERE id = $T AND note_enc <> '$enc0'") $(sql "SELECT count(*) FROM talks WHERE note_enc LIKE '%购物卡%'")"
expect_eq "five corrections audited (talk_edit)" 5 "$(audit_count talk_edit "talk/$T")"
AUD=$(sql "SELECT detail FROM audit_log WHERE event = 'talk_edit' AND object = 'talk/$T' ORDER BY id")
TL=$(sql "SELECT detail FROM timeline WHERE object = 'talk/$T' AND action = '修改谈话' ORDER BY id")
expect_eq "... each naming the fields before and after, the talker and the note as changed only, no reason" \
	"谈话类别：谈心谈话 → 提醒谈话|谈话日期：2022-03-15 → 2021-12-30|谈话对象：人员 $PA → 人员 $PA2|谈话人：已修改|谈话情况：已修改" \
	"$(tr '\n' '|' <<<"$AUD" | sed 's/|$//')"
expect_eq "the talk's timeline holds the five corrections" 5 "$(wc -l <<<"$TL")"
expect_contains "... with the reason and the kind before and after" "修改原因：类别登记错误；谈话类别：谈心谈话 → 提醒谈话" "$TL"
expect_contains "... the talker's names" "修改原因：谈话人为局长；谈话人：cm → 甲局局长王某" "$TL"
expect_contains "... the note as changed only" "修改原因：补充谈话情况；谈话情况：已修改" "$TL"
expect_eq "... and no note text" 0 "$(sql "SELECT count(*) FROM timeline WHERE detail LIKE '%购物卡%'")"
check "the server log holds no note text" bash -c '! grep -q "购物卡" "$1"' _ "$T_DIR/serve.log"

# ---- a unit's own talk: the persons (人次) ---------------------------------------
r=$(api POST /api/talks "{\"kind\":\"integrity\",\"day\":\"2022-05-10\",\"unit_id\":$UA,\"unit_led\":true,\"persons\":12,\"talker_name\":\"甲局局长王某\"}")
TU=$(body "$r" | jget '["ids"][0]')
r=$(api PUT "/api/talks/$TU" '{"reason":"人次统计有误","persons":15}')
expect_eq "a unit's own talk: 12 -> 15 persons, 200" "200 15" "$(status "$r") $(sql "SELECT persons FROM talks WHERE id = $TU")"
expect_eq "... cannot be given a named person: 422" 422 "$(status "$(api PUT "/api/talks/$TU" "{\"reason\":\"x\",\"person_id\":$PA}")")"

# ---- the first-form outcome's guard ----------------------------------------------
r=$(api POST /api/talks "{\"kind\":\"reminder\",\"day\":\"2022-08-08\",\"person_ids\":[$PA]}")
TR=$(body "$r" | jget '["ids"][0]')
r=$(api POST "/api/talks/$TR/outcome" '{"measure":"talk_reminder"}')
O=$(body "$r" | jget '["id"]')
expect_eq "a reminder talk's outcome recorded: 201" 201 "$(status "$r")"
out_row() { sql "SELECT person_id || '|' || day || '|' || form FROM outcomes WHERE id = $O"; }
row0=$(out_row); talk0=$(sql "SELECT kind || '|' || day || '|' || person_id FROM talks WHERE id = $TR")
r=$(api PUT "/api/talks/$TR" "{\"reason\":\"对象错误\",\"person_id\":$PA2}")
expect_eq "with the outcome, a new person: 422, in Chinese beside person_id" "422 True" \
	"$(status "$r") $(errs "$r" | grep -q '不能更换谈话对象' && echo True || echo False)"
r=$(api PUT "/api/talks/$TR" '{"reason":"类别错误","kind":"heart"}')
expect_eq "... a kind not reminder/warning (谈心谈话): 422" "422 True" \
	"$(status "$r") $(errs "$r" | grep -q '只能是提醒谈话或诫勉谈话' && echo True || echo False)"
r=$(api PUT "/api/talks/$TR" '{"reason":"日期错误","day":"2022-08-09"}')
expect_eq "... a new day: 422" "422 True" "$(status "$r") $(errs "$r" | grep -q '不能修改谈话日期' && echo True || echo False)"
expect_eq "... the talk and the outcome unchanged" "$talk0 $row0" \
	"$(sql "SELECT kind || '|' || day || '|' || person_id FROM talks WHERE id = $TR") $(out_row)"
r=$(api PUT "/api/talks/$TR" '{"reason":"实为诫勉谈话","kind":"warning","note":"补记"}')
expect_eq "... reminder -> warning with a note: 200" "200 warning" "$(status "$r") $(sql "SELECT kind FROM talks WHERE id = $TR")"
expect_eq "... the outcome still the talk's, same person, day and form" "$row0 $TR" "$(out_row) $(sql "SELECT supervision_id FROM outcomes WHERE id = $O")"
rollup_eq "--year 2022" ""

# ---- a personal matter report and its clock ------------------------------------
R=$(body "$(api POST /api/matter-reports "{\"person_id\":$PA,\"kind\":\"wedding\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-07-02\",\"guests\":80,\"tables\":8}")" | jget '["id"]')
due_late() { body "$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["due"], d["late"])'; }
expect_eq "event 2022-06-01, reported 2022-07-02: due 2022-07-01, late" "2022-07-01 True" "$(due_late "$(api GET "/api/matter-reports/$R")")"
report_json 2022 m0; report_json 2023 n0
r=$(api PUT "/api/matter-reports/$R" '{"event_day":"2022-06-02"}')
expect_eq "a correction without a reason: 422, nothing changed" "422 2022-06-01" \
	"$(status "$r") $(sql "SELECT event_day FROM matter_reports WHERE id = $R")"
r=$(api PUT "/api/matter-reports/$R" '{"reason":"事项日期登记错误","event_day":"2022-06-02"}')
expect_eq "event 2022-06-02: day 30 Saturday 2022-07-02, due Monday 2022-07-04, on time (Civil Code art. 203)" \
	"200 2022-07-04 False" "$(status "$r") $(due_late "$r")"
expect_eq "... audited with the event day and the clock before and after" "事项日期：2022-06-01 → 2022-06-02；应报告日期：2022-07-01 → 2022-07-04；逾期报告：是 → 否" \
	"$(sql "SELECT detail FROM audit_log WHERE event = 'matter_report_edit' AND object = 'matter_report/$R'")"
expect_eq "... on the report's timeline with the reason" "修改原因：事项日期登记错误；事项日期：2022-06-01 → 2022-06-02；应报告日期：2022-07-01 → 2022-07-04；逾期报告：是 → 否" \
	"$(sql "SELECT detail FROM timeline WHERE object = 'matter_report/$R'")"
r=$(api PUT "/api/matter-reports/$R" '{"reason":"事项与日期均登记错误","kind":"celebration","event_day":"2022-09-01","reported":"2022-10-09","guests":120,"tables":12,"public_vehicles":true,"note":"购物卡"}')
expect_eq "event 2022-09-01: day 30 is 2022-10-01 (国庆), due 2022-10-08; reported 2022-10-09 late" \
	"200 2022-10-08 True" "$(status "$r") $(due_late "$r")"
expect_eq "... kind and scale stored" "celebration|120|12|0|1|购物卡" \
	"$(sql "SELECT kind || '|' || guests || '|' || tables_n || '|' || public_funds || '|' || public_vehicles || '|' || note FROM matter_reports WHERE id = $R")"
expect_contains "... the note as changed only" "备注：已修改" "$(sql "SELECT detail FROM audit_log WHERE event = 'matter_report_edit' ORDER BY id DESC")"
r=$(api PUT "/api/matter-reports/$R" '{"reason":"报告日期登记错误","reported":"2023-01-05"}')
expect_eq "the reported day -> 2023-01-05: 200, late" "200 2022-10-08 True" "$(status "$r") $(due_late "$r")"
report_json 2022 m1; report_json 2023 n1
expect_eq "matter_reports 2022 down by one (before -> after)" "$(($(fig "$T_DIR/m0.json" matter_reports) - 1))" "$(fig "$T_DIR/m1.json" matter_reports)"
expect_eq "matter_reports 2023 up by one" "$(($(fig "$T_DIR/n0.json" matter_reports) + 1))" "$(fig "$T_DIR/n1.json" matter_reports)"
expect_eq "an unknown kind: 422" 422 "$(status "$(api PUT "/api/matter-reports/$R" '{"reason":"x","kind":"lottery"}')")"
expect_eq "guests as text: 422 naming guests" "422 True" \
	"$(r=$(api PUT "/api/matter-reports/$R" '{"reason":"x","guests":"many"}'); echo "$(status "$r") $(errs "$r" | grep -q '"guests"' && echo True || echo False)")"
expect_eq "three corrections audited, on the report's timeline" "3 3" \
	"$(audit_count matter_report_edit "matter_report/$R") $(sql "SELECT count(*) FROM timeline WHERE object = 'matter_report/$R'")"

# ---- authorization ---------------------------------------------------------------
ready_user inv --role investigator --password-stdin --db "$DB" >/dev/null
ready_user tw --role township --unit "$UA" --password-stdin --db "$DB" >/dev/null
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null
IJ=$T_DIR/inv.jar; TJ=$T_DIR/tw.jar; LJ=$T_DIR/lead.jar
login inv "$PW" "$IJ" >/dev/null; login tw "$PW" "$TJ" >/dev/null; login lead "$PW" "$LJ" >/dev/null
TB=$(body "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-01\",\"person_ids\":[$PB],\"note\":\"乙镇谈话\"}")" | jget '["ids"][0]')
RB=$(body "$(api POST /api/matter-reports "{\"person_id\":$PB,\"kind\":\"wedding\",\"event_day\":\"2022-06-01\",\"reported\":\"2022-06-05\"}")" | jget '["id"]')
fp() { sql "SELECT (SELECT kind || day || COALESCE(note_enc, '') FROM talks WHERE id = $TB) || (SELECT kind || event_day FROM matter_reports WHERE id = $RB)"; }
f0=$(fp); denied=$(audit_count access_denied)
expect_eq "the township account: another jurisdiction's talk PUT 404" 404 \
	"$(status "$(api PUT "/api/talks/$TB" '{"reason":"x","kind":"reminder"}' "$TJ")")"
expect_eq "... its report PUT 404" 404 \
	"$(status "$(api PUT "/api/matter-reports/$RB" '{"reason":"x","kind":"funeral"}' "$TJ")")"
expect_eq "... the edit form 404" 404 "$(http_status -b "$TJ" "$BASE/talks/$TB/edit")"
expect_eq "... the form's POST 404" 404 "$(curl -s -o /dev/null -w '%{http_code}' -b "$TJ" --data-urlencode "csrf=$(csrf_of "$TJ")" \
	--data-urlencode "kind=reminder" --data-urlencode "day=2022-04-01" --data-urlencode "reason=x" "$BASE/matter-reports/$RB/edit")"
expect_eq "... nothing changed" "$f0" "$(fp)"
expect_eq "... each refusal audited (access_denied)" $((denied + 4)) "$(audit_count access_denied)"
TA=$(body "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-02\",\"person_ids\":[$PA]}" "$TJ")" | jget '["ids"][0]')
expect_eq "... its own talk moved to another jurisdiction's person: 404, unchanged" "404 $PA" \
	"$(status "$(api PUT "/api/talks/$TA" "{\"reason\":\"x\",\"person_id\":$PB}" "$TJ")") $(sql "SELECT person_id FROM talks WHERE id = $TA")"
expect_eq "... its own talk corrected: 200" 200 "$(status "$(api PUT "/api/talks/$TA" '{"reason":"类别错误","kind":"integrity"}' "$TJ")")"
expect_eq "the investigator (no supervision_write): PUT 403" 403 "$(status "$(api PUT "/api/talks/$T" '{"reason":"x","kind":"heart"}' "$IJ")")"
expect_eq "the leader (reads only): PUT 403, the form 403" "403 403" \
	"$(status "$(api PUT "/api/matter-reports/$R" '{"reason":"x","kind":"funeral"}' "$LJ")") $(http_status -b "$LJ" "$BASE/matter-reports/$R/edit")"
check "... and no 编辑 on the talk's page it reads" bash -c '! curl -s -b "$1" "$2" | grep -q "/edit\""' _ "$LJ" "$BASE/talks/$T"

# ---- the pages -------------------------------------------------------------------
st=$(http_get "$T_DIR/tp" -b "$JAR" "$BASE/talks/$T")
expect_contains "the talk's page: 编辑" "href=\"/talks/$T/edit\"" "$(cat "$T_DIR/tp.b")"
expect_contains "... its timeline shows the corrections" "类别登记错误" "$(cat "$T_DIR/tp.b")"
st=$(http_get "$T_DIR/te" -b "$JAR" "$BASE/talks/$T/edit")
expect_eq "the edit form: 200" 200 "$st"
expect_contains "... prefilled with the note" "$NOTE2" "$(cat "$T_DIR/te.b")"
expect_contains "... and the day" 'value="2021-12-30"' "$(cat "$T_DIR/te.b")"
post_edit() {   # TARGET [field=value ...]: the edit form posted; prints the status
	local url=$1; shift
	local args=(--data-urlencode "csrf=$(csrf_of)")
	for a in "$@"; do args+=(--data-urlencode "$a"); done
	curl -s -o "$T_DIR/pe.html" -w '%{http_code}' -b "$JAR" "${args[@]}" "$BASE$url"
}
st=$(post_edit "/talks/$T/edit" kind=heart day=2021-12-30 "person_id=$PA2" talker_name=甲局局长王某 "note=$NOTE2" reason=)
expect_eq "the form without a reason: 422, nothing written" "422 reminder" "$st $(sql "SELECT kind FROM talks WHERE id = $T")"
expect_contains "... the message beside the field" 'id="e-reason"' "$(cat "$T_DIR/pe.html")"
expect_contains "... in Chinese" "请填写修改原因" "$(cat "$T_DIR/pe.html")"
expect_contains "... what was sent kept" 'value="heart" selected' "$(cat "$T_DIR/pe.html")"
st=$(post_edit "/talks/$T/edit" kind=heart day=2021-12-30 "person_id=$PA2" talker_name=甲局局长王某 "note=$NOTE2" reason=页面更正)
expect_eq "the form with a reason: 303, saved" "303 heart" "$st $(sql "SELECT kind FROM talks WHERE id = $T")"
n0=$(audit_count talk_edit)
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "kind=warning" --data-urlencode "day=2021-12-30" \
	--data-urlencode "person_id=$PA2" --data-urlencode "talker_name=x" --data-urlencode "reason=x" "$BASE/talks/$T/edit")
expect_eq "the form without the CSRF token: 403, nothing written" "403 heart $n0" "$st $(sql "SELECT kind FROM talks WHERE id = $T") $(audit_count talk_edit)"
st=$(http_get "$T_DIR/rp" -b "$JAR" "$BASE/matter-reports/$R")
expect_contains "the report's page: 编辑" "href=\"/matter-reports/$R/edit\"" "$(cat "$T_DIR/rp.b")"
st=$(post_edit "/matter-reports/$R/edit" kind=celebration event_day=2022-09-01 reported=2022-10-08 guests=120 tables=12 \
	public_vehicles=1 note=购物卡 reason=报告日期更正)
expect_eq "the report's form: 303, the report now on time" "303 2022-10-08 False" "$st $(due_late "$(api GET "/api/matter-reports/$R")")"
st=$(post_edit "/matter-reports/$R/edit" kind=celebration event_day=2022-13-01 reported=2022-10-08 reason=x)
expect_eq "... a bad event day: 422, the message beside event_day" "422 True" \
	"$st $(grep -q 'id="e-event_day"' "$T_DIR/pe.html" && echo True || echo False)"

check "no sanitizer report from the CLI" cli_clean
check "the server log holds no sanitizer report" server_clean
finish
