#!/usr/bin/env bash
# t220_opinion_person: issue 15's gaps in the opinion replies and the
# rectification ledger (docs/architecture.md "Integrity opinion replies",
# "The rectification ledger"; docs/user-guide.md 党风廉政意见回复, 问题整改台账).
# 1. A line of the organisation department's list that found nobody (未找到)
#    is made a person from the request's page: the person form's own fields
#    and checks (persons.c), prefilled from the line; the person, the line's
#    match ('created') and its audit entries in one transaction:
#    - a bad ID number: the person form's Chinese message, nothing written;
#    - a line that gave an ID number takes only that number (only its MAC
#      was kept): another one is refused, nothing written;
#    - a 待确认 line (several namesakes) is resolved by choosing, never by
#      creating (no link, a POST refused);
#    - only the office that writes the requests and registers persons: a
#      township commission (persons of its unit, no opinion_write) and a
#      leader (reads only) get 403, audited, nothing written;
#    - a second create on the same line is refused, nothing written;
#    - a line answered as no record (未找到 before) on a checked request is
#      made a person and checked again on the reply day: its proposal is
#      recomputed (the reason of a person the register knows, not "no
#      record"), the confirmed lines keep their opinion.
# 2. The ledger's filter bar: kind (the work log's catalog) and category
#    (the violation categories), the values selected, the rows filtered,
#    kept in the pager, export and workbook links; an unknown code gets a
#    Chinese message beside its field (422) and no rows, the API 422.
# The API twin POST /api/opinions/{id}/person answers the same.
# Before this change /opinions/{id}/person did not exist (404) and the bar
# had no kind or category field.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server sup:supervisor ld:leader

# valid ID numbers (GB 11643 check digit: idnum in lib.sh)
ID_LIST=$(idnum 23010219850202003)     # the ID number the list gives for 证号人
ID_OTHER=$(idnum 23010219850202004)
ID_NEW=$(idnum 23010219900303005)
BAD_ID=${ID_NEW%?}$([ "${ID_NEW: -1}" = 1 ] && echo 2 || echo 1)   # the check digit wrong
UA=$(new_unit 县教育局 department) UB=$(new_unit 县财政局 department)
person() { new_person "$1" "$2" 科长; }      # person NAME UNIT: the new person's id
PK=$(person 已有人 "$UA")
PS1=$(person 同名人 "$UA")
PS2=$(person 同名人 "$UA")
case "$PK$PS1$PS2" in *[!0-9]*|"") not_ok "persons made"; finish ;; esac

expect_eq "sup logs in" 303 "$(login sup "$PW")"
CSRF=$(csrf_of)
printf '已有人,县教育局\n新来人,县教育局,科员\n证号人,县财政局,%s\n同名人,县教育局\n无记录人,县教育局\n' "$ID_LIST" >"$T_DIR/list.txt"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F "letter_no=县组干函〔2024〕31号" \
	-F "requester=中共某某县委组织部" -F "received=2024-06-03" -F "purpose=promotion" -F "text=<$T_DIR/list.txt" \
	"$BASE/opinions")
expect_eq "a request with five cadres: 303" 303 "$st"
Q=$(sql "SELECT max(id) FROM opinion_requests")
line() { sql "SELECT id FROM opinion_lines WHERE request_id = $Q AND name = '$1'"; }
m() { sql "SELECT matched || '|' || COALESCE(person_id, 0) FROM opinion_lines WHERE request_id = $Q AND name = '$1'"; }
L_NEW=$(line 新来人)
L_ID=$(line 证号人)
L_AMB=$(line 同名人)
L_NOREC=$(line 无记录人)
expect_eq "新来人: 未找到" "none|0" "$(m 新来人)"
expect_eq "证号人 (an ID number nobody holds): 未找到" "none|0" "$(m 证号人)"
expect_eq "同名人: 待确认" "ambiguous|0" "$(m 同名人)"

# row FILE LINE_NO: the table row of that line in a saved page
row() { python3 -c '
import re, sys
m = re.search(r"<tr id=\"line-%s\".*?</tr>" % sys.argv[2], open(sys.argv[1]).read(), re.S)
print(m.group(0) if m else "")' "$1" "$2"; }
expect_eq "the request's page" 200 "$(http_get "$T_DIR/q" -b "$JAR" "$BASE/opinions/$Q")"
expect_contains "an 未找到 line offers 新建人员" "/opinions/$Q/person?line_id=$L_NEW" "$(row "$T_DIR/q.b" 2)"
check "a 待确认 line does not (it is resolved by choosing)" \
	bash -c "! grep -qF '/person?line_id=' <<<'$(row "$T_DIR/q.b" 4)'"
check "a matched line does not" bash -c "! grep -qF '/person?line_id=' <<<'$(row "$T_DIR/q.b" 1)'"

# ---- the form, prefilled from the line -----------------------------------------
expect_eq "the person form for the line: 200" 200 \
	"$(http_get "$T_DIR/f" -b "$JAR" "$BASE/opinions/$Q/person?line_id=$L_NEW")"
F=$(cat "$T_DIR/f.b")
check "... the name from the line" grep -qE 'name="name"[^>]* value="新来人"' "$T_DIR/f.b"
expect_contains "... the unit's name in the unit picker" 'value="县教育局"' "$F"
expect_contains "... the position from the line" 'value="科员"' "$F"
expect_contains "... the person form's own fields (rank, ID number, the record's fields)" 'name="rank"' "$F"
check "... ID number, gender, 入党时间" bash -c "grep -qF 'name=\"id_number\"' '$T_DIR/f.b' && grep -qF 'name=\"gender\"' '$T_DIR/f.b' && grep -qF 'name=\"party_joined\"' '$T_DIR/f.b'"
expect_eq "a form for the 待确认 line: 422" 422 \
	"$(http_get "$T_DIR/fa" -b "$JAR" "$BASE/opinions/$Q/person?line_id=$L_AMB")"
expect_contains "... 请从中选择" "该行有多名同名人员，请从中选择，不能新建" "$(cat "$T_DIR/fa.b")"

# make JAR LINE field=value...: POST /opinions/Q/person, the status; the page in $T_DIR/post.html
mkperson() {
	local jar=$1 l=$2 a=(); shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	curl -s -o "$T_DIR/post.html" -D "$T_DIR/post.h" -w '%{http_code}' -b "$jar" \
		--data-urlencode "csrf=$(csrf_of "$jar")" --data-urlencode "line_id=$l" "${a[@]}" "$BASE/opinions/$Q/person"
}
written() {     # persons, lines matched by creating, opinion_person entries
	sql "SELECT (SELECT count(*) FROM persons) || '|' || (SELECT count(*) FROM opinion_lines WHERE matched = 'created') || '|' || (SELECT count(*) FROM audit_log WHERE event = 'opinion_person')"
}
W0=$(written)

# ---- refusals, nothing written ---------------------------------------------------
expect_eq "a bad ID number: 422" 422 \
	"$(mkperson "$JAR" "$L_NEW" name=新来人 unit_id="$UA" rank=staff position=科员 id_number="$BAD_ID")"
expect_contains "... the person form's message (GB 11643 check digit)" "身份证号码格式不正确（18位，末位校验码）" "$(cat "$T_DIR/post.html")"
check "... the form again with what was typed" grep -qE 'name="name"[^>]* value="新来人"' "$T_DIR/post.html"
expect_eq "... nothing written" "$W0" "$(written)"
expect_eq "... the line still 未找到" "none|0" "$(m 新来人)"
expect_eq "no rank: 422 (the person form's check)" 422 "$(mkperson "$JAR" "$L_NEW" name=新来人 unit_id="$UA")"
expect_contains "... 请选择职级" "请选择职级" "$(cat "$T_DIR/post.html")"
expect_eq "... nothing written" "$W0" "$(written)"
expect_eq "a line that gave an ID number, another number: 422" 422 \
	"$(mkperson "$JAR" "$L_ID" name=证号人 unit_id="$UB" rank=staff id_number="$ID_OTHER")"
expect_contains "... 与来函名单中的不一致" "身份证号码与来函名单中的不一致" "$(cat "$T_DIR/post.html")"
expect_eq "... without a number: 422" 422 "$(mkperson "$JAR" "$L_ID" name=证号人 unit_id="$UB" rank=staff)"
expect_contains "... 请照来函填写" "来函名单提供了身份证号码，请照来函填写" "$(cat "$T_DIR/post.html")"
expect_eq "... nothing written" "$W0" "$(written)"
expect_eq "the 待确认 line: 422" 422 "$(mkperson "$JAR" "$L_AMB" name=同名人 unit_id="$UA" rank=staff)"
expect_eq "... nothing written" "$W0" "$(written)"

# another jurisdiction's commission: a township commission of 县财政局 (persons of its unit, no opinion_write)
ready_user tw --role township --unit "$UB" --password-stdin --db "$DB" >/dev/null
TJ=$T_DIR/tw.jar
expect_eq "the township account logs in" 303 "$(login tw "$PW" "$TJ")"
before=$(audit_count access_denied "/opinions/$Q/person")
expect_eq "a township commission may not make a person from a line: 403" 403 \
	"$(mkperson "$TJ" "$L_ID" name=证号人 unit_id="$UB" rank=staff id_number="$ID_LIST")"
expect_eq "... nor open the form: 403" 403 "$(http_status -b "$TJ" "$BASE/opinions/$Q/person?line_id=$L_ID")"
expect_eq "... both audited (access_denied)" $((before + 2)) "$(audit_count access_denied "/opinions/$Q/person")"
expect_eq "... nothing written" "$W0" "$(written)"
LJ=$T_DIR/ld.jar
expect_eq "the leader logs in" 303 "$(login ld "$PW" "$LJ")"
expect_eq "a leader (reads the requests) may not: 403" 403 \
	"$(mkperson "$LJ" "$L_NEW" name=新来人 unit_id="$UA" rank=staff)"
expect_eq "... nothing written" "$W0" "$(written)"

# ---- made and matched ------------------------------------------------------------------
# without JavaScript: the unit as the picker's text, prefilled from the line
expect_eq "the person made from the line: 303" 303 \
	"$(mkperson "$JAR" "$L_NEW" name=新来人 unit_id= unit_id_q=县教育局 rank=staff position=科员 gender=male id_number="$ID_NEW")"
expect_contains "... back to the request" "/opinions/$Q?ok=created" "$(header_of "$T_DIR/post.h" location)"
PN=$(sql "SELECT max(id) FROM persons")
expect_eq "... the person: name, unit, rank, position, gender" "新来人|$UA|staff|科员|male" \
	"$(sql "SELECT name || '|' || unit_id || '|' || rank || '|' || position || '|' || gender FROM persons WHERE id = $PN")"
expect_eq "... its ID number kept encrypted with its key (the person form's rule)" "1|0" \
	"$(sql "SELECT CASE WHEN id_number_mac IS NOT NULL THEN 1 ELSE 0 END || '|' || CASE WHEN id_number_enc LIKE '%$ID_NEW%' THEN 1 ELSE 0 END FROM persons WHERE id = $PN")"
expect_eq "... its first post" 1 "$(sql "SELECT count(*) FROM person_posts WHERE person_id = $PN")"
expect_eq "the line matched to the new person: 新建人员" "created|$PN" "$(m 新来人)"
expect_eq "... audited: the person's create" 1 "$(audit_count create "person/$PN")"
expect_eq "... and opinion_person on the request" 1 "$(audit_count opinion_person "opinion/$Q")"
expect_contains "... naming the line and the person" "line $L_NEW: person/$PN" \
	"$(sql "SELECT detail FROM audit_log WHERE event = 'opinion_person' AND object = 'opinion/$Q'")"
W1=$(written)
expect_eq "a second create on the same line: 422" 422 \
	"$(mkperson "$JAR" "$L_NEW" name=新来人 unit_id="$UA" rank=staff id_number="$(idnum 23010219900303006)")"
expect_contains "... saying why" "只有未找到人员且尚未确认意见的一行可以新建人员" "$(cat "$T_DIR/post.html")"
expect_eq "... nothing written" "$W1" "$(written)"
expect_eq "the line that gave an ID number, with that number: 303" 303 \
	"$(mkperson "$JAR" "$L_ID" name=证号人 unit_id="$UB" rank=section id_number="$ID_LIST")"
expect_eq "... matched" "created|$(sql "SELECT max(id) FROM persons")" "$(m 证号人)"
expect_eq "... the same key as the list's" 1 \
	"$(sql "SELECT count(*) FROM opinion_lines l JOIN persons p ON p.id = l.person_id WHERE l.id = $L_ID AND p.id_number_mac = l.id_mac")"

# ---- a checked request: the line checked again --------------------------------------
post() {        # post PATH field=value...: the status
	local path=$1 a=(); shift
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	curl -s -o "$T_DIR/post.html" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$CSRF" "${a[@]}" "$BASE$path"
}
expect_eq "the 待确认 line resolved by choosing" 303 "$(post "/opinions/$Q/resolve" "line_id=$L_AMB" "person_id=$PS1" do=choose)"
expect_eq "无记录人 answered as no record" 303 "$(post "/opinions/$Q/resolve" "line_id=$L_NOREC" do=no_record)"
expect_eq "the check on 2024-06-10" 303 "$(post "/opinions/$Q/check" day=2024-06-10)"
expect_eq "... checked" checked "$(sql "SELECT state FROM opinion_requests WHERE id = $Q")"
p() { sql "SELECT proposed || '|' || reason FROM opinion_lines WHERE id = $1"; }
expect_eq "the no-record line's proposal" "none_found|本委人员信息库中无该同志记录，未发现问题线索、在办案件和处分处理记录" "$(p "$L_NOREC")"
expect_eq "another line confirmed" 303 "$(post "/opinions/$Q/confirm" "line_id=$(line 已有人)" opinion=none_found)"
http_get "$T_DIR/q2" -b "$JAR" "$BASE/opinions/$Q" >/dev/null
expect_contains "the no-record line (未找到 before) offers 新建人员" "/opinions/$Q/person?line_id=$L_NOREC" "$(row "$T_DIR/q2.b" 5)"
check "the line chosen among namesakes does not" bash -c "! grep -qF '/person?line_id=' <<<'$(row "$T_DIR/q2.b" 4)'"
expect_eq "made a person on the checked request: 303" 303 \
	"$(mkperson "$JAR" "$L_NOREC" name=无记录人 unit_id="$UA" rank=staff)"
PR=$(sql "SELECT max(id) FROM persons")
expect_eq "... matched" "created|$PR" "$(m 无记录人)"
expect_eq "... checked again on the reply day: the proposal recomputed for the person" \
	"none_found|未发现问题线索、在办案件和处分处理记录" "$(p "$L_NOREC")"
expect_eq "... still to confirm" 1 "$(sql "SELECT count(*) FROM opinion_lines WHERE id = $L_NOREC AND opinion IS NULL")"
expect_eq "... the confirmed line keeps its opinion" none_found "$(sql "SELECT opinion FROM opinion_lines WHERE request_id = $Q AND name = '已有人'")"
expect_contains "... the audit entry says so" "checked again on 2024-06-10" \
	"$(sql "SELECT detail FROM audit_log WHERE event = 'opinion_person' AND detail LIKE 'line $L_NOREC:%'")"
expect_eq "every line confirmed, the request confirmed" 303 "$(post "/opinions/$Q/confirm_all")"
expect_eq "... no line to make a person from now: 422" 422 "$(mkperson "$JAR" "$L_NOREC" name=无记录人 unit_id="$UA" rank=staff)"

# ---- the API twin: POST /api/opinions/{id}/person --------------------------------------
r=$(api POST /api/opinions '{"letter_no":"县组干函〔2024〕32号","requester":"中共某某县委组织部","received":"2024-06-20","purpose":"award","lines":[{"name":"接口新人","unit":"县教育局"}]}')
Q2=$(body "$r" | jget '["id"]')
L2=$(sql "SELECT id FROM opinion_lines WHERE request_id = $Q2")
W2=$(written)
r=$(api POST "/api/opinions/$Q2/person" "{\"line_id\":$L2,\"name\":\"接口新人\",\"unit_id\":$UA,\"rank\":\"staff\",\"id_number\":\"$BAD_ID\"}")
expect_eq "the API: a bad ID number 422" 422 "$(status "$r")"
expect_contains "... the field's message" "身份证号码格式不正确" "$(body "$r" | jget '["fields"]["id_number"]')"
expect_eq "... nothing written" "$W2" "$(written)"
r=$(api POST "/api/opinions/$Q2/person" "{\"line_id\":$L2,\"name\":\"接口新人\",\"unit_id\":$UA,\"rank\":\"staff\"}" "$TJ")
expect_eq "... a township commission: 403" 403 "$(status "$r")"
r=$(api POST "/api/opinions/$Q2/person" "{\"line_id\":$L2,\"name\":\"接口新人\",\"unit_id\":$UA,\"rank\":\"staff\"}")
expect_eq "... made: 201" 201 "$(status "$r")"
expect_eq "... the line matched to the person answered" "created|$(body "$r" | jget '["id"]')" \
	"$(sql "SELECT matched || '|' || person_id FROM opinion_lines WHERE id = $L2")"
expect_eq "... again: 422" 422 "$(status "$(api POST "/api/opinions/$Q2/person" "{\"line_id\":$L2,\"name\":\"接口新人\",\"unit_id\":$UA,\"rank\":\"staff\"}")")"

# ---- 2. the ledger's filter bar ---------------------------------------------------------
activity() {    # activity KIND DAY UNIT TITLE [CATEGORY]: the new entry's id
	body "$(api POST /api/worklog "{\"kind\":\"$1\",\"date\":\"$2\",\"unit_id\":$3,\"title\":\"$4\"${5:+,\"category\":\"$5\"}}")" | jget '["id"]'
}
A1=$(activity spot_check 2022-03-01 "$UA" "机关作风明察暗访" eight_rules)
A2=$(activity cross_check 2022-04-01 "$UB" "交叉互检")
check "two activities ($A1, $A2)" test -n "$A1" -a -n "$A2"
prob() {        # prob ACTIVITY SUMMARY
	api POST /api/problems "{\"unit_id\":$UA,\"source\":\"spot_check\"${1:+,\"activity_id\":$1},\"summary\":\"$2\",\"found\":\"2022-03-01\",\"deadline\":\"2022-03-31\"}" >/dev/null
}
prob "$A2" 互检问题
prob "" 未登记工作的问题
# 55 problems found by the spot check: more than a page (50)
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 55)
     INSERT INTO problems(unit_id, source, summary, found, deadline, created_at, activity_id)
     SELECT $UA, 'spot_check', '暗访问题' || i, '2022-03-01', '2022-03-31', 0, $A1 FROM n" >/dev/null
rows() { grep -oE 'href="/problems/[0-9]+"' "$1" | sort -u | wc -l | tr -d ' '; }
count() { grep -oE '共 ?[0-9]+ ?条' "$1" | head -1 | tr -dc '0-9'; }
expect_eq "the ledger" 200 "$(http_get "$T_DIR/l0" -b "$JAR" "$BASE/problems")"
check "... the bar has 工作台账类别 (the work log's catalog)" bash -c "grep -qF 'name=\"kind\"' '$T_DIR/l0.b' && grep -qF '<option value=\"spot_check\"' '$T_DIR/l0.b'"
check "... and 违纪违法类别 (the categories)" bash -c "grep -qF 'name=\"category\"' '$T_DIR/l0.b' && grep -qF '<option value=\"eight_rules\"' '$T_DIR/l0.b'"
check "... labels in Chinese" bash -c "grep -qF '工作台账类别' '$T_DIR/l0.b' && grep -qF '违纪违法类别' '$T_DIR/l0.b'"
expect_eq "... all 57 problems" 57 "$(count "$T_DIR/l0.b")"
expect_eq "kind=cross_check" 200 "$(http_get "$T_DIR/l1" -b "$JAR" "$BASE/problems?kind=cross_check")"
expect_eq "... one problem" "1 1" "$(count "$T_DIR/l1.b") $(rows "$T_DIR/l1.b")"
check "... selected in the bar" grep -qF '<option value="cross_check" selected>' "$T_DIR/l1.b"
expect_eq "kind=spot_check" 200 "$(http_get "$T_DIR/l2" -b "$JAR" "$BASE/problems?kind=spot_check")"
expect_eq "... 55 problems, 50 on the page" "55 50" "$(count "$T_DIR/l2.b") $(rows "$T_DIR/l2.b")"
check "... the pager keeps kind" grep -qE 'href="/problems\?[^"]*kind(=|&#61;)spot_check[^"]*page=2' "$T_DIR/l2.b"
check "... the export link keeps it" grep -qE 'href="/problems\?[^"]*kind(=|&#61;)spot_check[^"]*format=xlsx' "$T_DIR/l2.b"
check "... the workbook links keep it" grep -qE 'href="/problems/ledger.xlsx\?[^"]*kind(=|&#61;)spot_check' "$T_DIR/l2.b"
expect_eq "... page 2: the other 5" 5 "$(http_get "$T_DIR/l3" -b "$JAR" "$BASE/problems?kind=spot_check&page=2" >/dev/null; rows "$T_DIR/l3.b")"
expect_eq "category=eight_rules (the spot check's category)" 200 \
	"$(http_get "$T_DIR/l4" -b "$JAR" "$BASE/problems?category=eight_rules&kind=spot_check")"
expect_eq "... 55" 55 "$(count "$T_DIR/l4.b")"
check "... selected in the bar" grep -qF '<option value="eight_rules" selected>' "$T_DIR/l4.b"
check "... the pager keeps both" grep -qE 'href="/problems\?[^"]*kind(=|&#61;)spot_check[^"]*category(=|&#61;)eight_rules[^"]*page=2' "$T_DIR/l4.b"
expect_eq "category=eight_rules&kind=cross_check: none" 0 \
	"$(http_get "$T_DIR/l5" -b "$JAR" "$BASE/problems?category=eight_rules&kind=cross_check" >/dev/null; count "$T_DIR/l5.b")"
expect_eq "the export with kind=cross_check" 200 \
	"$(http_get "$T_DIR/x" -b "$JAR" "$BASE/problems?kind=cross_check&format=xlsx")"
check "... a workbook" bash -c "unzip -p '$T_DIR/x.b' xl/worksheets/sheet1.xml | grep -qF '互检问题' && ! unzip -p '$T_DIR/x.b' xl/worksheets/sheet1.xml | grep -qF '暗访问题'"
expect_eq "an unknown kind: 422" 422 "$(http_get "$T_DIR/u1" -b "$JAR" "$BASE/problems?kind=no_such_kind")"
expect_contains "... a Chinese message" "工作台账类别“no_such_kind”不在类别目录中" "$(cat "$T_DIR/u1.b")"
expect_eq "... and no rows" 0 "$(rows "$T_DIR/u1.b")"
expect_eq "an unknown category: 422" 422 "$(http_get "$T_DIR/u2" -b "$JAR" "$BASE/problems?category=no_such_cat")"
expect_contains "... a Chinese message" "违纪违法类别“no_such_cat”不在类别目录中" "$(cat "$T_DIR/u2.b")"
expect_eq "... the workbook too: 422" 422 "$(http_status -b "$JAR" "$BASE/problems/ledger.xlsx?kind=no_such_kind&sheets=source")"
r=$(api GET "/api/problems?kind=no_such_kind")
expect_eq "... the API: 422" 422 "$(status "$r")"
expect_contains "... naming the field" "不在类别目录中" "$(body "$r" | jget '["fields"]["kind"]')"
expect_eq "the API with kind=cross_check" 1 "$(body "$(api GET "/api/problems?kind=cross_check")" | jget '["total"]')"
check "no sanitizer report" server_clean
finish
