# t143_audit_labels.sh: the audit page names every event in Chinese
# (issue 9: the event labels lacked every event of the clue, case and
# report work, so the audit admin read raw codes such as `case_close`).
# Activity across logins, units, reports, clues, dispositions, cases and
# a denial; then, for every distinct audit_log.event written, the audit
# admin's page filtered on that event shows a label with Chinese in the
# event column, never the code; objects "<type>/<id>" show their type's
# name.  (test_labels checks the whole event list; audit_append takes only
# events of that list.)
. "$(dirname "$0")/lib.sh"

init_db && add_users lead:leader inv1:investigator inv2:investigator || { not_ok "init"; finish; }
sql "UPDATE users SET principal = 1 WHERE name = 'lead'" >/dev/null   # issue 10: filing by the principal leader
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
CJ=$T_DIR/clerk.jar LJ=$T_DIR/lead.jar IJ=$T_DIR/inv1.jar I2=$T_DIR/inv2.jar AJ=$T_DIR/auditor.jar
login clerk "$PW" "$CJ" >/dev/null; login lead "$PW" "$LJ" >/dev/null; login inv1 "$PW" "$IJ" >/dev/null; login inv2 "$PW" "$I2" >/dev/null
login cm 'Wrong#Pass123' "$T_DIR/x.jar" >/dev/null

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
protect 赵科长 反映其违规收受礼金 拟立案审查调查 谈话笔录
R=$(body "$(api POST /api/reports '{"received":"2022-03-01","channel":"letter","category":"accusation","kind":"accusation","summary":"反映其违规收受礼金"}' "$CJ")" | jget '["id"]')
expect_eq "the clerk accepts a report" 200 \
	"$(status "$(api POST "/api/reports/$R/acceptance" '{"accept":true,"day":"2022-03-05"}' "$CJ")")"
K=$(body "$(api POST /api/clues "{\"received\":\"2022-03-02\",\"source\":\"report\",\"summary\":\"反映其违规收受礼金\",\"subjects\":[$P1]}")" | jget '["id"]')
# issue 10: filing after a preliminary verification, with its filing record
D=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2022-03-20"}' "$LJ" >/dev/null
D=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"file_case","reason":"拟立案审查调查"}')" | jget '["id"]')
expect_eq "the leader approves filing" 200 \
	"$(status "$(api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2022-04-01","filing":{"case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"],"committee_by":"县委书记","committee_day":"2022-04-01"}}' "$LJ")")"
C=$(sql "SELECT id FROM cases")
expect_eq "inv1 leads the case" 200 \
	"$(status "$(api POST "/api/cases/$C/team" "{\"user_id\":$(sql "SELECT id FROM users WHERE name = 'inv1'"),\"role\":\"lead\"}")")"
expect_eq "inv1 adds a note" 201 "$(status "$(api POST "/api/cases/$C/notes" '{"text":"谈话笔录"}' "$IJ")")"
expect_eq "inv2, not on the team, may not read the case: 404" 404 "$(status "$(api GET "/api/cases/$C" "" "$I2")")"

# ---- the audit page -------------------------------------------------------------------
H=$T_DIR/h
check "the audit admin signs in (second factor enrolled)" enrol auditor "$PW" "$AJ"
events=$(sql "SELECT DISTINCT event FROM audit_log ORDER BY event")
n=$(wc -w <<<"$events")
check "activity wrote at least 12 kinds of event ($n)" test "$n" -ge 12
# cell N PAGE: the text of the Nth cell of the first row of the table
cell() { python3 -c '
import re, sys
body = open(sys.argv[2], encoding="utf-8").read().split("<tbody>", 1)[1]
row = body.split("</tr>", 1)[0]
cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
print(cells[int(sys.argv[1])] if len(cells) > int(sys.argv[1]) else "")' "$1" "$2"; }
raw=
for ev in $events; do
	st=$(http_get "$T_DIR/a" -b "$AJ" "$BASE/audit?event=$ev")
	label=$(cell 4 "$T_DIR/a.b")
	if [ "$st" != 200 ] || ! grep -qP '[^\x00-\x7f]' <<<"$label" || [ "$label" = "$ev" ]; then
		raw="$raw $ev($st:$label)"
	fi
done
expect_eq "every event written shows a Chinese label on the audit page" "" "$raw"
http_get "$T_DIR/a" -b "$AJ" "$BASE/audit?event=case_note" >/dev/null
expect_eq "case_note: its label" "添加审查调查记录" "$(cell 4 "$T_DIR/a.b")"
expect_eq "... and the object's type named, the object as stored" "案件（case/$C）" "$(cell 5 "$T_DIR/a.b")"
http_get "$T_DIR/a" -b "$AJ" "$BASE/audit?event=report_accept" >/dev/null
expect_eq "report_accept: its label" "受理信访举报" "$(cell 4 "$T_DIR/a.b")"
expect_eq "... on the report" "信访举报（report/$R）" "$(cell 5 "$T_DIR/a.b")"
http_get "$T_DIR/a" -b "$AJ" "$BASE/audit?event=access_denied" >/dev/null
expect_eq "a denial on a case: named as such" "越权访问被拒绝|案件（case/$C）" "$(cell 4 "$T_DIR/a.b")|$(cell 5 "$T_DIR/a.b")"
expect_eq "... for a reason in Chinese (issue 12: not 'not on the case team')" "不在该案件办理组" "$(cell 7 "$T_DIR/a.b")"
grep -o '<select[^>]*name="event".*</select>' "$T_DIR/a.b" | sed 's|</select>.*||' >"$T_DIR/dl"
check "the event filter is a choice of every event by its label (case_close 结案, issue 12)" \
	grep -q '<option value="case_close">结案</option>' "$T_DIR/dl"
check "... the chosen event selected" grep -q '<option value="access_denied" selected>' "$T_DIR/dl"
expect_eq "the text filter still matches the object as stored" "案件（case/$C）" \
	"$(http_get "$T_DIR/a" -b "$AJ" "$BASE/audit?event=case_note&q=case/$C" >/dev/null; cell 5 "$T_DIR/a.b")"

stop_server
check "server log clean" server_clean
finish
