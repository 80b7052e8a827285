# t191_unit_pick.sh: issue 12, "no picker capped at a fixed number of rows":
# the unit of the list filters (问题线索, 案件, 信访举报, 监督对象), of the
# statistics page and of the users page.  At 2,000 visible units or fewer
# it is the <select> it was; past that (2,001+ units, imported) it is the
# unit picker: a unit past the cap is chosen by unit_id (the links, the
# API, pick.js) and, without JavaScript, by its typed name (unit_id_q,
# unit_q) resolved by the list's reading: exactly one match is taken;
# several or none show a message beside the field with the text kept
# and NO rows (never the unfiltered list as if filtered); several list
# the units to choose from.  Links carrying the filter (the pager, the
# Excel export, the statistics' downloads) carry unit_id.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users sa:sysadmin
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
H=$T_DIR/h
SJ=$T_DIR/sa.jar
enrol sa "$PW" "$SJ" || not_ok "the system admin signs in"
page() { http_get "$H" -b "${2:-$JAR}" "$BASE$1" >/dev/null; cat "$H.b"; }
has() { case "$2" in *"$1"*) return 0 ;; esac; return 1; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# ---- below the cap: the <select> as before -------------------------------------------------------
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
P=$(page /clues)
check "below the cap /clues filters by a <select name=\"unit_id\"> listing the unit" \
	has "<option value=\"$UA\">甲局</option>" "$P"
check "... and no picker" eval '! has unit_id_q "$P"'
P=$(page /statistics)
check "... /statistics too (<select name=\"unit\">)" has "<option value=\"$UA\">甲局</option>" "$P"
P=$(page /admin/users "$SJ")
check "... the users page too" has "<option value=\"$UA\">甲局</option>" "$P"

# ---- 2,004 more units through the interchange import ------------------------------------------------
F=$T_DIR/units.jsonl
{
	echo '{"type":"unit","id":"T","name":"大城区","kind":"township","parent":null}'
	echo '{"type":"unit","id":"E","name":"东镇","kind":"township","parent":null}'
	echo '{"type":"unit","id":"W","name":"西镇","kind":"township","parent":null}'
	echo '{"type":"unit","id":"PE","name":"平安村","kind":"village","parent":"E"}'
	echo '{"type":"unit","id":"PW","name":"平安村","kind":"village","parent":"W"}'
	echo '{"type":"unit","id":"Q","name":"青峰山村","kind":"village","parent":"T"}'
	awk 'BEGIN { for (i = 1; i <= 1998; i++)
		printf "{\"type\":\"unit\",\"id\":\"V%d\",\"name\":\"村委会%04d\",\"kind\":\"village\",\"parent\":\"T\"}\n", i, i }'
} >"$F"
run_cli import "$F"
expect_eq "2,004 units import: exit 0" 0 "$RC"
expect_eq "... 2,005 units visible (more than the 2,000 a <select> lists)" 2005 "$(sql "SELECT count(*) FROM units")"
uidx() { sql "SELECT id FROM units WHERE ext_id = '$1'"; }
UQ=$(uidx Q) UE=$(uidx PE) UW=$(uidx PW) U7=$(uidx V7)

person() { body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$2,\"rank\":\"staff\"}")" | jget '["id"]'; }
clue() { body "$(api POST /api/clues "{\"received\":\"2026-03-02\",\"source\":\"report\",\"summary\":\"反映其违规收受礼金\",\"subjects\":[$1],\"confirm\":true}")" | jget '["id"]'; }
KQ=$(clue "$(person 山村甲 "$UQ")")
KE=$(clue "$(person 东平安 "$UE")")
KA=$(clue "$(person 甲局乙 "$UA")")
row() { printf '<a href="/clues/%s">%s</a>' "$1" "$1"; }

# ---- /clues past the cap -------------------------------------------------------------------------
P=$(page /clues)
check "past the cap /clues has the unit picker (unit_id_q, /api/pick/units)" \
	has 'data-pick="/api/pick/units"' "$P"
check "... and no <select> of units" eval '! has "<select name=\"unit_id\"" "$P"'
P=$(page "/clues?unit_id=$UQ")
check "a unit past the cap by unit_id: its clue listed" has "$(row "$KQ")" "$P"
check "... the others not" eval '! has "$(row "$KE")" "$P" && ! has "$(row "$KA")" "$P"'
check "... the choice shown by name" has 'value="青峰山村（大城区）"' "$P"
check "... and its id kept for the next submit" has "name=\"unit_id\" value=\"$UQ\"" "$P"

P=$(page "/clues?unit_id=&unit_id_q=$(enc 青峰山)")
check "typed without JavaScript (unit_id_q=青峰山): the one match taken" has "$(row "$KQ")" "$P"
check "... the others not" eval '! has "$(row "$KE")" "$P" && ! has "$(row "$KA")" "$P"'
check "... the export link carries unit_id" has "unit_id&#61;$UQ&amp;format=xlsx" "$P"
# the sheet: title, subtitle, header, then the rows; the first cell of a row is the clue's id
xrows() {
	[ "$(http_get "$T_DIR/x" -b "$JAR" "$BASE$1")" = 200 ] || { echo "not 200"; return; }
	python3 tests/http/xlsx_rows.py "$T_DIR/x.b" | sed -n 3p | grep -q '^编号' || { echo "no header"; return; }
	python3 tests/http/xlsx_rows.py "$T_DIR/x.b" | tail -n +4 | cut -f1 | paste -sd' '
}
expect_eq "... the export itself is the filtered list (its one clue)" "$KQ" "$(xrows "/clues?unit_id=$UQ&format=xlsx")"

P=$(page "/clues?unit_id=&unit_id_q=$(enc 平安村)")
check "an ambiguous name (平安村, two villages): the message beside the field" \
	has '与“平安村”相符的单位有 2 个，请在下面选择一个' "$P"
check "... the two to choose from (radio buttons named unit_id)" \
	eval 'has "name=\"unit_id\" value=\"$UE\"> 平安村（东镇）" "$P" && has "name=\"unit_id\" value=\"$UW\"> 平安村（西镇）" "$P"'
check "... the text kept" has 'name="unit_id_q" value="平安村"' "$P"
check "... and no clue listed (not the unfiltered list)" \
	eval '! has "$(row "$KQ")" "$P" && ! has "$(row "$KE")" "$P" && ! has "$(row "$KA")" "$P"'
check "... nor exported unfiltered: the export link carries the text" has "unit_id_q&#61;" "$P"
expect_eq "... whose export has no rows" "" "$(xrows "/clues?unit_id_q=$(enc 平安村)&format=xlsx")"
P=$(page "/clues?unit_id_q=$(enc 村委会)")
check "a name matching 1,998 units: 20 listed, the total told, typing more asked" \
	has '共 1998 项，以上为前 20 项；请在上面的输入框中多输入几个字，再查询' "$P"
P=$(page "/clues?unit_id=$UE&unit_id_q=$(enc 平安村)")
check "choosing one of them (unit_id with the text): its clue only" \
	eval 'has "$(row "$KE")" "$P" && ! has "$(row "$KQ")" "$P" && ! has "$(row "$KA")" "$P"'
P=$(page "/clues?unit_id=&unit_id_q=$(enc 没有这个村)")
check "a name matching no unit: the message" has '没有找到与“没有这个村”相符的单位' "$P"
check "... and no clue listed" eval '! has "$(row "$KQ")" "$P" && ! has "$(row "$KA")" "$P"'
P=$(page "/clues?unit_id=$UQ&unit_id_q=")
check "the text emptied (the id still sent): every unit" \
	eval 'has "$(row "$KQ")" "$P" && has "$(row "$KE")" "$P" && has "$(row "$KA")" "$P"'
P=$(page "/clues?unit_id=$UQ&unit_id_q=$(enc 村委会0007)")
check "another name typed over the chosen unit without JavaScript: the typed one wins" \
	eval '! has "$(row "$KQ")" "$P" && has "name=\"unit_id\" value=\"$U7\"" "$P"'
expect_eq "the API keeps taking unit_id" "$KQ" \
	"$(body "$(api GET "/api/clues?unit_id=$UQ")" | jget '["items"][0]["id"]')"

# the other lists read the same helper
P=$(page "/persons?unit_id_q=$(enc 青峰山)")
check "/persons: the typed unit resolved (its person only)" \
	eval 'has 山村甲 "$P" && ! has 东平安 "$P"'
P=$(page "/cases?unit_id_q=$(enc 平安村)")
check "/cases: an ambiguous name earns the message" has '与“平安村”相符的单位有 2 个' "$P"
P=$(page "/reports?unit_id_q=$(enc 青峰山)")
check "/reports: the typed unit resolved (no message, the name shown)" \
	eval 'has "value=\"青峰山村（大城区）\"" "$P" && ! has 相符的单位 "$P"'

# ---- /statistics ----------------------------------------------------------------------------------
P=$(page "/statistics?year=2026&unit_q=$(enc 青峰山)")
check "/statistics: the unit typed (unit_q) chosen, shown by name" has 'value="青峰山村（大城区）"' "$P"
check "... the downloads carry unit=ID" has "unit=$UQ" "$P"
P=$(page "/statistics?year=2026&unit=$UQ")
check "/statistics by unit=ID past the cap" has "name=\"unit\" value=\"$UQ\"" "$P"
P=$(page "/statistics?year=2026&unit_q=$(enc 平安村)")
check "/statistics: an ambiguous name: the message and the choices" \
	eval 'has "与“平安村”相符的单位有 2 个" "$P" && has "name=\"unit\" value=\"$UW\"" "$P"'
check "... no figures downloadable for it" eval '! has "format=xlsx" "$P"'

# ---- the users page (POST) -------------------------------------------------------------------------
P=$(page /admin/users "$SJ")
check "the users page: the unit picker past the cap" has 'name="unit_id_q"' "$P"
newuser() {
	http_get "$H" -b "$SJ" --data-urlencode "csrf=$(csrf_of "$SJ")" --data-urlencode "name=$1" \
		--data-urlencode "role=township" --data-urlencode "password=$PW" --data-urlencode "unit_id=$2" \
		--data-urlencode "unit_id_q=$3" "$BASE/admin/users"
}
expect_eq "creating a township user with the unit typed (青峰山村): 303" 303 "$(newuser qf1 "" 青峰山村)"
expect_eq "... its unit is that unit" "$UQ" "$(sql "SELECT unit_id FROM users WHERE name = 'qf1'")"
expect_eq "the unit typed ambiguous (平安村): 422" 422 "$(newuser qf2 "" 平安村)"
check "... the message and the choices" \
	eval 'has "与“平安村”相符的单位有 2 个" "$(cat "$H.b")" && has "name=\"unit_id\" value=\"$UE\"" "$(cat "$H.b")"'
expect_eq "... nobody created" 0 "$(sql "SELECT count(*) FROM users WHERE name = 'qf2'")"
expect_eq "choosing one (unit_id with the text): 303" 303 "$(newuser qf2 "$UW" 平安村)"
expect_eq "... that one" "$UW" "$(sql "SELECT unit_id FROM users WHERE name = 'qf2'")"

check "server log clean" server_clean
stop_server
finish
