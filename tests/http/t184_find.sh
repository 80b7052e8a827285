# t184_find.sh: finding people and records (issue 12): the pickers'
# endpoints (GET /api/pick/persons, units, cases: a name or a unit name
# contains the text, an ID number's last 4 characters as a keyed MAC, the
# last 6 only for roles that see ID numbers, paging past the first page,
# the jurisdiction and need-to-know), the picker's fallback without
# JavaScript (one match taken, several listed to choose, none: the text
# kept and a message beside the field), the accountability form's person
# and unit that must belong together (page, API and import), the tails of
# ID numbers stored before migration 0031 filled at the next start, and
# the search box (GET /search) as an attacker: a scoped user finds nothing
# of another township, an investigator no case off the team.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
# the fixture through import: two units, three persons, a clue filed as a
# case in 甲局 and a clue in 乙镇
cat >"$T_DIR/seed.jsonl" <<'JSONL'
{"type":"unit","id":"U1","name":"甲局","kind":"department","parent":null}
{"type":"unit","id":"U2","name":"乙镇","kind":"township","parent":null}
{"type":"person","id":"P1","name":"张三丰","unit":"U1","rank":"section","party_member":true}
{"type":"person","id":"P2","name":"张三","unit":"U1","rank":"staff"}
{"type":"person","id":"P3","name":"李四","unit":"U2","rank":"village"}
{"type":"clue","id":"C1","received":"2022-03-02","source":"report","subjects":["P1"]}
{"type":"disposition","clue":"C1","decided":"2022-03-10","method":"preliminary_verification"}
{"type":"disposition","clue":"C1","decided":"2022-03-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2022-03-20"}
{"type":"case","id":"A1","clue":"C1","filed":"2022-04-01","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"clue","id":"C2","received":"2022-05-02","source":"report","subjects":["P3"]}
JSONL
run_cli import "$T_DIR/seed.jsonl"
expect_eq "the fixture imports" 0 "$RC"
id_of() { sql "SELECT id FROM $1 WHERE $2"; }
U1=$(id_of units "name = '甲局'"); U2=$(id_of units "name = '乙镇'")
P1=$(id_of persons "name = '张三丰'"); P2=$(id_of persons "name = '张三'"); P3=$(id_of persons "name = '李四'")
A1=$(id_of cases "1 = 1"); C1=$(id_of clues "ext_id = 'C1'"); C2=$(id_of clues "ext_id = 'C2'")
ready_user town --role township --unit "$U2" --password-stdin >/dev/null
add_users inv:investigator inv2:investigator
start_server || { not_ok "server starts"; finish; }
for u in cm clerk town inv inv2; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
CM=$T_DIR/cm.jar CJ=$T_DIR/clerk.jar TJ=$T_DIR/town.jar IJ=$T_DIR/inv.jar I2J=$T_DIR/inv2.jar
JAR=$CM
expect_eq "inv2 joins the case's team" 200 "$(status "$(api POST "/api/cases/$A1/team" \
	"{\"user_id\":$(id_of users "name = 'inv2'"),\"role\":\"member\"}")")"

# a person with an ID number (the check digit computed: GB 11643)
IDNUM=$(python3 -c 'f="11010519800101123"; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; print(f+"10X98765432"[sum(int(d)*k for d,k in zip(f,w))%11])')
P4=$(body "$(api POST /api/persons "{\"name\":\"赵六\",\"unit_id\":$U1,\"rank\":\"staff\",\"id_number\":\"$IDNUM\"}")" | jget '["id"]')
protect "$IDNUM"
for i in $(seq -w 1 25); do
	api POST /api/persons "{\"name\":\"王测试$i\",\"unit_id\":$U1,\"rank\":\"staff\"}" >/dev/null
done

# pick GET-PATH [JAR]: the JSON answer of a picker endpoint
pick() { curl -s -b "${2:-$CM}" "$BASE$1"; }
ids() { python3 -c 'import json,sys; print(" ".join(str(i["id"]) for i in json.load(sys.stdin)["items"]))'; }
total() { python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
q() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

# ---- the pickers' endpoints --------------------------------------------------------
expect_eq "persons: a name contains the text, the exact name first" "$P2 $P1" \
	"$(pick "/api/pick/persons?q=$(q 张三)" | ids)"
expect_eq "... a part of the name inside it" "$P1" "$(pick "/api/pick/persons?q=$(q 三丰)" | ids)"
expect_eq "... by the unit's name" "$P3" "$(pick "/api/pick/persons?q=$(q 乙镇)" | ids)"
expect_contains "... each labelled with unit and position" "李四（乙镇）" "$(pick "/api/pick/persons?q=$(q 李四)")"
expect_eq "... by the ID number's last 4 characters" "$P4" "$(pick "/api/pick/persons?q=${IDNUM: -4}" | ids)"
expect_eq "... by the last 6 for a role that sees ID numbers (case manager)" "$P4" \
	"$(pick "/api/pick/persons?q=${IDNUM: -6}" | ids)"
expect_eq "... not by the last 6 for one that does not (intake): the mask shows 4" "" \
	"$(pick "/api/pick/persons?q=${IDNUM: -6}" "$CJ" | ids)"
expect_eq "... the ID number is in no column in clear, nor its tail" 0 \
	"$(sql "SELECT count(*) FROM persons WHERE id_tail4_mac LIKE '%${IDNUM: -4}%' OR id_tail6_mac = '${IDNUM: -6}' OR id_number_enc LIKE '%$IDNUM%'")"
p1=$(pick "/api/pick/persons?q=$(q 王测试)"); p2=$(pick "/api/pick/persons?q=$(q 王测试)&page=2")
expect_eq "paging: 25 matches in all" 25 "$(total <<<"$p1")"
expect_eq "... 20 on the first page, 5 on the second" "20 5" "$(ids <<<"$p1" | wc -w) $(ids <<<"$p2" | wc -w)"
expect_eq "... no row on both" 25 "$( (ids <<<"$p1"; ids <<<"$p2") | tr ' ' '\n' | sort -u | wc -l)"
expect_eq "... a page past the end is empty, the total kept" "25 0" \
	"$(r=$(pick "/api/pick/persons?q=$(q 王测试)&page=9"); echo "$(total <<<"$r") $(ids <<<"$r" | wc -w)")"
expect_eq "... LIKE's wildcards are text: % finds nobody" 0 "$(pick "/api/pick/persons?q=%25" | total)"
expect_eq "jurisdiction: a township user (乙镇) finds no person of 甲局" 0 "$(pick "/api/pick/persons?q=$(q 张三)" "$TJ" | total)"
expect_eq "... nor by the ID tail" 0 "$(pick "/api/pick/persons?q=${IDNUM: -4}" "$TJ" | total)"
expect_eq "... but its own" "$P3" "$(pick "/api/pick/persons?q=$(q 李四)" "$TJ" | ids)"
expect_eq "units: by a part of the name" "$U2" "$(pick "/api/pick/units?q=$(q 乙)" | ids)"
expect_eq "... a township user finds no other unit" 0 "$(pick "/api/pick/units?q=$(q 甲局)" "$TJ" | total)"
expect_eq "cases: by a subject's name (case manager: every case)" "$A1" "$(pick "/api/pick/cases?q=$(q 张三丰)" | ids)"
expect_eq "... by its number" "$A1" "$(pick "/api/pick/cases?q=$A1" | ids)"
expect_eq "... by its file id" "$A1" "$(pick "/api/pick/cases?q=A1" | ids)"
expect_eq "... a team member finds it" "$A1" "$(pick "/api/pick/cases?q=$(q 张三丰)" "$I2J" | ids)"
expect_eq "... an investigator off the team does not (need-to-know)" 0 "$(pick "/api/pick/cases?q=$(q 张三丰)" "$IJ" | total)"
expect_eq "... intake may not pick cases: 403" 403 "$(http_status -b "$CJ" "$BASE/api/pick/cases?q=1")"
expect_eq "... nor anyone signed out: 401" 401 "$(http_status "$BASE/api/pick/persons?q=1")"

# ---- the form without JavaScript: the server resolves the typed name ----------------
tok=$(csrf_of "$CM")
post_form() {   # post_form PATH FIELD=VALUE...: the status; the page in $H.b
	local path=$1 a=()
	shift
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	http_get "$H" -b "$CM" --data-urlencode "csrf=$tok" "${a[@]}" "$BASE$path"
}
expect_eq "accountability by typed names: one match each, taken (303)" 303 \
	"$(post_form /accountabilities started=2022-06-01 "unit_id_q=甲局" "person_id_q=张三丰" unit_id= person_id=)"
expect_eq "... stored with the ids the names resolve to" "$U1|$P1" \
	"$(sql "SELECT unit_id, person_id FROM accountabilities ORDER BY id DESC LIMIT 1")"
n0=$(sql "SELECT count(*) FROM accountabilities")
expect_eq "several matches: the form comes back (422)" 422 \
	"$(post_form /accountabilities started=2022-06-01 "person_id_q=张三" person_id=)"
expect_contains "... saying so beside the field" "请在下面选择一个" "$(cat "$H.b")"
expect_eq "... listing both to choose" 2 "$(grep -o "type=\"radio\" name=\"person_id\" value=\"\($P1\|$P2\)\"" "$H.b" | wc -l)"
expect_eq "... nothing stored" "$n0" "$(sql "SELECT count(*) FROM accountabilities")"
expect_eq "... the one chosen is taken" 303 \
	"$(post_form /accountabilities started=2022-06-01 "person_id_q=张三" "person_id=$P2")"
expect_eq "no match: the form comes back (422)" 422 \
	"$(post_form /accountabilities started=2022-06-01 "person_id_q=查无此人" person_id=)"
expect_contains "... a message beside the field" "没有找到与“查无此人”相符的人员" "$(cat "$H.b")"
expect_contains "... the typed text kept" 'name="person_id_q" value="查无此人"' "$(cat "$H.b")"
expect_contains "the page lets the pickers' script ask its own origin (CSP connect-src)" "connect-src 'self'" \
	"$(header_of "$H.h" Content-Security-Policy)"
expect_contains "the form's fields are pickers (the script's hook)" 'data-pick="/api/pick/persons"' "$(cat "$H.b")"
expect_contains "... the recovery's case too" 'data-pick="/api/pick/cases"' "$(cat "$H.b")"
expect_eq "a recovery's case by a subject's name: taken (303)" 303 \
	"$(post_form /recoveries day=2022-11-02 amount=12.50 kind=recovered "case_id_q=张三丰" case_id=)"
expect_eq "... stored with the case" "$A1" "$(sql "SELECT case_id FROM recoveries ORDER BY id DESC LIMIT 1")"

# the picker of several persons (a clue's subjects): the ticked ones, and a typed name added
expect_eq "a clue's subjects: one ticked, one typed without choosing: taken (303)" 303 \
	"$(post_form /clues received=2022-07-01 source=report "summary=反映其违规" confirm=1 "subjects=$P2" "subjects_q=张三丰")"
expect_eq "... both stored" "$P1 $P2" \
	"$(sql "SELECT person_id FROM clue_subjects WHERE clue_id = (SELECT max(id) FROM clues) ORDER BY person_id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... a typed name with several matches: the form comes back (422)" 422 \
	"$(post_form /clues received=2022-07-01 source=report "summary=反映其违规" confirm=1 "subjects=$P3" "subjects_q=张三")"
expect_contains "... the ticked one kept ticked" "checked name=\"subjects\" value=\"$P3\"" "$(cat "$H.b")"
expect_contains "... the matches listed to choose" "type=\"radio\" name=\"subjects\" value=\"$P1\"" "$(cat "$H.b")"

# the other forms that chose from a list of every unit or person
expect_eq "a new person's unit typed: taken (303)" 303 \
	"$(post_form /persons "name=周八" "unit_id_q=乙镇" unit_id= rank=staff)"
expect_eq "... stored in 乙镇" "$U2" "$(sql "SELECT unit_id FROM persons WHERE name = '周八'")"
expect_eq "a conflict declared by a typed name: taken (303)" 303 \
	"$(post_form /account/conflicts "person_id_q=李四" person_id= unit_id_q= unit_id= ground=relative_subject)"
expect_eq "... stored with the person" "$P3" "$(sql "SELECT person_id FROM conflicts ORDER BY id DESC LIMIT 1")"

# ---- person and unit belong together (问责条例: the unit or its cadres) -------------
expect_eq "page: a person of 甲局 named with 乙镇 is refused (422)" 422 \
	"$(post_form /accountabilities started=2022-06-01 "unit_id=$U2" "person_id=$P1")"
expect_contains "... in Chinese beside the person" "所选人员不属于被问责单位（该人员所在单位：甲局）" "$(cat "$H.b")"
r=$(api POST /api/accountabilities "{\"started\":\"2022-06-01\",\"unit_id\":$U2,\"person_id\":$P1}")
expect_eq "API: the same refused, 422 naming person_id" "422 person_id" \
	"$(echo "$(status "$r") $(body "$r" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin).get("fields", {})))')")"
expect_eq "... a person with the own unit: 201" 201 \
	"$(status "$(api POST /api/accountabilities "{\"started\":\"2022-06-01\",\"unit_id\":$U1,\"person_id\":$P1}")")"
printf '%s\n' '{"type":"unit","id":"XU1","name":"丙局","kind":"department","parent":null}' \
	'{"type":"unit","id":"XU2","name":"丁局","kind":"department","parent":null}' \
	'{"type":"person","id":"XP1","name":"钱七","unit":"XU1","rank":"staff"}' \
	'{"type":"accountability","id":"XQ1","started":"2022-06-01","unit":"XU2","person":"XP1"}' >"$T_DIR/bad.jsonl"
run_cli import "$T_DIR/bad.jsonl"
expect_eq "import: the same refused" "1" "$([ "$RC" -ne 0 ] && echo 1)"
expect_contains "... naming the line and field" 'line 4, field "person"' "$ERR"
expect_eq "... nothing of the file stored" 0 "$(sql "SELECT count(*) FROM persons WHERE name = '钱七'")"

# ---- the search box ----------------------------------------------------------------
search() { http_get "$H" -b "$1" "$BASE/search?q=$(q "$2")" >/dev/null; cat "$H.b"; }
s=$(search "$CM" 张三丰)
expect_contains "search: the case by its subject's name" "href=\"/cases/$A1\"" "$s"
expect_contains "... the clue" "href=\"/clues/$C1\"" "$s"
expect_contains "... the person" "href=\"/persons/$P1\"" "$s"
expect_contains "... the box in the top bar" 'action="/search"' "$s"
expect_contains "by a case's number" "href=\"/cases/$A1\"" "$(search "$CM" "$A1")"
expect_contains "by a person's ID tail" "href=\"/persons/$P4\"" "$(search "$CM" "${IDNUM: -4}")"
s=$(search "$TJ" 张三丰)
expect_eq "a township user searching 甲局's case subject finds nothing (no link, no name)" "0 0" \
	"$(grep -c '/\(cases\|clues\|persons\)/[0-9]' <<<"$s") $(grep -c '张三丰（' <<<"$s")"
expect_contains "... and counts nothing (no count leaks)" "（0）" "$s"
expect_contains "... its own clue found" "href=\"/clues/$C2\"" "$(search "$TJ" 李四)"
expect_eq "an investigator off the team finds no case (need-to-know)" 0 \
	"$(search "$IJ" 张三丰 | grep -c "/cases/$A1")"
expect_contains "... a team member does" "href=\"/cases/$A1\"" "$(search "$I2J" 张三丰)"
s=$(http_get "$H" -b "$CM" "$BASE/search?q=$(q 王测试)&kind=persons" >/dev/null; cat "$H.b")
expect_eq "a kind's own list: every match, with the pager" "25 共 25 条" \
	"$(grep -o 'href="/persons/[0-9]*"' <<<"$s" | wc -l) $(grep -o '共 25 条' <<<"$s")"
expect_contains "the overview links on to a kind's full list" "查看全部 25 条人员" "$(search "$CM" 王测试)"
expect_contains "the typed text is escaped" "&lt;b&gt;" "$(search "$CM" '<b>')"

# ---- the tails of ID numbers stored before migration 0031 --------------------------
stop_server
sql "UPDATE persons SET id_tail4_mac = NULL, id_tail6_mac = NULL" >/dev/null
sql "UPDATE settings SET value = '0' WHERE key = 'person_tails_filled'" >/dev/null
start_server || { not_ok "server starts again"; finish; }
login cm "$PW" "$CM" >/dev/null
expect_eq "after the upgrade: the tails filled at the next start, found again" "$P4" \
	"$(pick "/api/pick/persons?q=${IDNUM: -4}" | ids)"
expect_eq "... once (the setting set)" 1 "$(sql "SELECT value FROM settings WHERE key = 'person_tails_filled'")"

stop_server
check "no sanitizer report" server_clean
check "no sanitizer report from the CLI" cli_clean
finish
