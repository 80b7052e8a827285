#!/usr/bin/env bash
# t215_opinions: integrity opinion replies (党风廉政意见回复, issue 15;
# DOMAIN.md sections 3 and 5; docs/architecture.md "Integrity opinion
# replies"; docs/security.md "Opinion replies").
# - the cadres' list, pasted or a CSV upload, is all or nothing: a list with
#   a bad line (an ID number whose check digit fails, a missing name) stores
#   nothing and names each line (第N行);
# - matching: by the ID number's keyed MAC (the unit given may differ), by
#   name and a unit of that name; two persons of one name in one unit are
#   待确认 and never matched automatically, an unknown name 未找到; the check
#   is refused until staff resolve them (a candidate chosen, or no record);
# - the proposals on the reply day, the influence periods of DOMAIN.md
#   section 3 (中国共产党纪律处分条例 2023 art. 11 and 《公职人员政务处分法》
#   art. 8/art. 22: no promotion while the period runs): a period running on
#   the reply day proposes 处分影响期内，不宜提拔; a period that ended the day
#   before (bar_until = the reply day) proposes 受过处分，影响期已满, not a bar;
#   an expulsion (permanent) bars; an open case (filed, not closed) proposes
#   正在接受审查调查，建议暂缓 (“在审查调查期间不得提拔”, DOMAIN.md section 3);
#   an open clue 有反映问题正在核查，建议暂缓; nothing: 未发现问题;
# - a change of a proposal needs a reason and is audited; the letter is
#   refused until every line is confirmed; the reply draws 青纪函〔Y〕N号 from
#   the pattern opinion_reply and closes the request; the letter opens
#   (unzip, well-formed XML, LibreOffice) and carries the number and names;
# - need-to-know: a user outside the office (信访室) gets 404 for a request
#   and its letter, audited (access_denied); leaders read; metrics count it.
# Before this change /opinions did not exist.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server sup:supervisor ld:leader

# valid ID numbers (GB 11643 check digit: idnum in lib.sh)
ID_H=$(idnum 23010219800101001)
ID_X=$(idnum 23010219800101002)
UA=$(new_unit 县教育局 department) UB=$(new_unit 县财政局 department)
person() {      # person NAME UNIT [ID]: the new person's id
	body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$2,\"rank\":\"section\",\"position\":\"科长\"${3:+,\"id_number\":\"$3\"}}")" | jget '["id"]'
}
PA=$(person 甲运行 "$UA")
PB=$(person 乙届满 "$UA")
PC=$(person 丙在审 "$UA")
PD=$(person 丁线索 "$UA")
PE=$(person 戊无事 "$UA")
PF1=$(person 同名人 "$UA")
PF2=$(person 同名人 "$UA")
PH=$(person 己证号 "$UB" "$ID_H")
PX=$(person 庚开除 "$UB")
case "$PA$PB$PC$PD$PE$PF1$PF2$PH$PX" in *[!0-9]*|"") not_ok "persons made"; finish ;; esac

# the records behind the facts, written directly (both backends)
R=$(sql "SELECT region FROM persons WHERE id = $PA")
NOW=$(now_sql)
clue() {        # clue PERSON STATE: a clue about the person
	sql "INSERT INTO clues(region, received, source, unit_id, state, created_at, updated_at) VALUES ('$R', '2024-01-05', 'report', $UA, '$2', $NOW, $NOW)" >/dev/null
	local k; k=$(sql "SELECT max(id) FROM clues")
	sql "INSERT INTO clue_subjects(clue_id, person_id) VALUES ($k, $1)" >/dev/null
	echo "$k"
}
outcome() {     # outcome PERSON MEASURE EFFECTIVE BAR_UNTIL
	local k; k=$(clue "$1" closed)
	sql "INSERT INTO outcomes(region, person_id, clue_id, day, form, sanctioned, effective, bar_until, unit_id, created_at) VALUES ('$R', $1, $k, '$3', 2, 1, '$3', '$4', $UA, $NOW)" >/dev/null
	sql "INSERT INTO outcome_measures(outcome_id, measure) SELECT max(id), '$2' FROM outcomes" >/dev/null
}
DAY=2024-06-10
# 党纪警告: 12 months (条例 art. 11); effective 2023-06-11, barred through 2024-06-10
outcome "$PA" party_warning 2023-06-11 2024-06-11
# effective 2023-06-10: the period ended the day before the reply day
outcome "$PB" party_warning 2023-06-10 2024-06-10
# 开除党籍: permanent
outcome "$PX" party_expulsion 2020-01-01 9999-12-31
KC=$(clue "$PC" filed)
sql "INSERT INTO cases(region, clue_id, unit_id, filed, state, created_at, updated_at) VALUES ('$R', $KC, $UA, '2024-03-01', 'investigating', $NOW, $NOW)" >/dev/null
sql "INSERT INTO case_subjects(case_id, person_id) SELECT max(id), $PC FROM cases" >/dev/null
clue "$PD" preliminary_verification >/dev/null

expect_eq "sup logs in" 303 "$(login sup "$PW")"
CSRF=$(csrf_of)
new_request() {  # new_request FILE [extra curl args]: the status; the page in $T_DIR/new.html
	curl -s -o "$T_DIR/new.html" -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F "letter_no=县组干函〔2024〕18号" \
		-F "requester=中共某某县委组织部" -F "received=2024-06-03" -F "purpose=promotion" -F "due=2024-06-14" \
		-F "file=@$1;type=text/csv" "$BASE/opinions"
}

# ---- all or nothing -------------------------------------------------------------
printf '姓名,单位,身份证号码\n甲运行,县教育局,\n,县教育局,\n乙届满,县教育局,230102198001010010\n' >"$T_DIR/bad.csv"
expect_eq "a list with bad lines: 422" 422 "$(new_request "$T_DIR/bad.csv")"
expect_contains "... the missing name named by its line" "第3行：缺少姓名" "$(cat "$T_DIR/new.html")"
expect_contains "... the bad ID number by its line" "第4行：身份证号码无效" "$(cat "$T_DIR/new.html")"
expect_eq "... nothing stored" "0|0" "$(sql "SELECT (SELECT count(*) FROM opinion_requests) || '|' || (SELECT count(*) FROM opinion_lines)")"

# ---- a request ------------------------------------------------------------------
{
	printf '\xEF\xBB\xBF姓名,单位,身份证号码,职务\n'
	printf '甲运行,县教育局,,副局长\n乙届满,县教育局,,\n丙在审,县教育局,,\n丁线索,县教育局,,\n戊无事,县教育局,,\n'
	printf '同名人,县教育局,,\n"己证号","县教育局（原）",%s,\n庚开除,县财政局,,\n无此人,县教育局,,\n' "$ID_H"
	printf '辛未登记,县财政局,%s,\n' "$ID_X"
} >"$T_DIR/list.csv"
expect_eq "a CSV upload: 303" 303 "$(new_request "$T_DIR/list.csv")"
Q=$(sql "SELECT max(id) FROM opinion_requests")
expect_eq "... ten lines" 10 "$(sql "SELECT count(*) FROM opinion_lines WHERE request_id = $Q")"
expect_eq "... audited" 1 "$(audit_count opinion_create "opinion/$Q")"
m() { sql "SELECT matched || '|' || COALESCE(person_id, 0) FROM opinion_lines WHERE request_id = $Q AND name = '$1'"; }
expect_eq "the ID number's MAC matches though the unit differs" "id|$PH" "$(m 己证号)"
expect_eq "name and unit match one person" "name|$PA" "$(m 甲运行)"
expect_eq "two persons of one name in one unit: 待确认, never matched automatically" "ambiguous|0" "$(m 同名人)"
expect_eq "an unknown name: 未找到" "none|0" "$(m 无此人)"
expect_eq "an ID number nobody holds: 未找到 (no fallback to the name)" "none|0" "$(m 辛未登记)"
expect_eq "no ID number in clear in the database" 0 \
	"$(sql "SELECT count(*) FROM opinion_lines WHERE id_mac LIKE '%$ID_H%'")"
http_get "$T_DIR/q" -b "$JAR" "$BASE/opinions/$Q" >/dev/null
expect_contains "the page shows both candidates" "编号$PF1" "$(grep -o "编号$PF2" "$T_DIR/q.b") $(grep -o "编号$PF1" "$T_DIR/q.b")"

post() {        # post PATH field=value...: the status
	local path=$1 a=(); shift
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	curl -s -o "$T_DIR/post.html" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$CSRF" "${a[@]}" "$BASE$path"
}
line() { sql "SELECT id FROM opinion_lines WHERE request_id = $Q AND name = '$1'"; }
expect_eq "the check refused while lines are unresolved: 422" 422 "$(post "/opinions/$Q/check" "day=$DAY")"
expect_contains "... saying how many" "还有3人未找到或待确认" "$(cat "$T_DIR/post.html")"
expect_eq "the ambiguous line resolved by staff: 303" 303 \
	"$(post "/opinions/$Q/resolve" "line_id=$(line 同名人)" "person_id=$PF2" "do=choose")"
expect_eq "... to the person chosen" "chosen|$PF2" "$(m 同名人)"
expect_eq "... audited" 1 "$(audit_count opinion_resolve "opinion/$Q")"
expect_eq "the unknown ones answered as no record" "303 303" \
	"$(post "/opinions/$Q/resolve" "line_id=$(line 无此人)" "do=no_record") $(post "/opinions/$Q/resolve" "line_id=$(line 辛未登记)" "do=no_record")"

# ---- the check ------------------------------------------------------------------
expect_eq "the check on the reply day: 303" 303 "$(post "/opinions/$Q/check" "day=$DAY")"
p() { sql "SELECT proposed FROM opinion_lines WHERE request_id = $Q AND name = '$1'"; }
expect_eq "a period still running on the reply day: 不宜提拔 (条例 art. 11, 政务处分法 art. 22)" period_running "$(p 甲运行)"
expect_contains "... its reason names the sanction and the end" "党内警告，影响期至2024-06-11" \
	"$(sql "SELECT reason FROM opinion_lines WHERE request_id = $Q AND name = '甲运行'")"
expect_eq "a period that ended the day before: no bar (受过处分，影响期已满)" period_ended "$(p 乙届满)"
expect_eq "an expulsion bars for good" period_running "$(p 庚开除)"
expect_eq "an open case: 建议暂缓" under_case "$(p 丙在审)"
expect_eq "an open clue: 建议暂缓" open_clue "$(p 丁线索)"
expect_eq "nothing on record: 未发现问题" none_found "$(p 戊无事)"
expect_eq "no record: 未发现问题" none_found "$(p 无此人)"
expect_eq "checked, on the reply day" "checked|$DAY" "$(sql "SELECT state || '|' || reply_day FROM opinion_requests WHERE id = $Q")"
expect_eq "the letter before confirmation: refused" 422 "$(post "/opinions/$Q/reply")"

# ---- confirm ----------------------------------------------------------------------
expect_eq "a change without a reason: 422" 422 \
	"$(post "/opinions/$Q/confirm" "line_id=$(line 乙届满)" "opinion=period_running")"
expect_eq "a change with its reason: 303" 303 \
	"$(post "/opinions/$Q/confirm" "line_id=$(line 乙届满)" "opinion=period_running" "note=组织部门另有要求")"
expect_eq "... kept with the proposal" "period_ended|period_running|组织部门另有要求" \
	"$(sql "SELECT proposed || '|' || opinion || '|' || note FROM opinion_lines WHERE request_id = $Q AND name = '乙届满'")"
expect_eq "... audited with the reason" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'opinion_confirm' AND object = 'opinion/$Q' AND detail LIKE '%组织部门另有要求%'")"
expect_eq "the rest as proposed: 303" 303 "$(post "/opinions/$Q/confirm_all")"
expect_eq "... confirmed" "confirmed|0" \
	"$(sql "SELECT state || '|' || (SELECT count(*) FROM opinion_lines WHERE request_id = $Q AND opinion IS NULL) FROM opinion_requests WHERE id = $Q")"

# ---- an .xlsx upload (the first sheet; LibreOffice writes it, as Excel and WPS do) -----------
printf 'PK\003\004not a workbook' >"$T_DIR/broken.xlsx"
expect_eq "a broken workbook: 422" 422 "$(new_request "$T_DIR/broken.xlsx")"
expect_contains "... saying it cannot be read" "无法读取该 Excel 文件" "$(cat "$T_DIR/new.html")"
if office_tools --sqlite soffice; then
	printf '姓名,单位,身份证号码,职务\n甲运行,县教育局,,副局长\n"同名人",县教育局,,\n' >"$T_DIR/x.csv"
	lo_convert xlsx "$T_DIR" --infilter=CSV:44,34,76 "$T_DIR/x.csv"
	n0=$(sql "SELECT count(*) FROM opinion_requests")
	expect_eq "a workbook upload: 303" 303 "$(new_request "$T_DIR/x.xlsx")"
	QX=$(sql "SELECT max(id) FROM opinion_requests")
	expect_eq "... its rows as lines, matched the same way (the namesake 待确认)" "$((n0 + 1))|name,ambiguous" \
		"$(sql "SELECT count(*) FROM opinion_requests")|$(sql "SELECT matched FROM opinion_lines WHERE request_id = $QX ORDER BY line_no" | paste -sd,)"
	printf '姓名,单位,身份证号码\n甲运行,县教育局,\n,县教育局,\n' >"$T_DIR/y.csv"
	lo_convert xlsx "$T_DIR" --infilter=CSV:44,34,76 "$T_DIR/y.csv"
	expect_eq "a workbook with a bad row: 422" 422 "$(new_request "$T_DIR/y.xlsx")"
	expect_contains "... the sheet's row named" "第3行：缺少姓名" "$(cat "$T_DIR/new.html")"
	if [ "$QX" != "$Q" ]; then      # the later checks count one request
		sql "DELETE FROM opinion_lines WHERE request_id = $QX" >/dev/null
		sql "DELETE FROM opinion_requests WHERE id = $QX" >/dev/null
	fi
fi

# the home page: a request past its due day (回复期限 2024-06-14) is the office's to-do until replied
http_get "$T_DIR/home" -b "$JAR" "$BASE/" >/dev/null
expect_contains "the office's home page lists the overdue request" "/opinions/$Q" "$(cat "$T_DIR/home.b")"

# ---- need-to-know -------------------------------------------------------------------
J2=$T_DIR/clerk.jar
expect_eq "clerk (信访室) logs in" 303 "$(login clerk "$PW" "$J2")"
before=$(audit_count access_denied "opinion/$Q")
expect_eq "a user outside the office: 404 for the request" 404 "$(http_status -b "$J2" "$BASE/opinions/$Q")"
expect_eq "... and for its API twin" 404 "$(http_status -b "$J2" "$BASE/api/opinions/$Q")"
expect_eq "... audited" $((before + 2)) "$(audit_count access_denied "opinion/$Q")"
expect_eq "... the list: 403" 403 "$(http_status -b "$J2" "$BASE/opinions")"

# ---- the reply and the letter -----------------------------------------------------------
expect_eq "the reply: 303" 303 "$(post "/opinions/$Q/reply")"
NUM=$(sql "SELECT number FROM opinion_requests WHERE id = $Q")
http_get "$T_DIR/home" -b "$JAR" "$BASE/" >/dev/null
check "... and no more once replied" bash -c '! grep -q "/opinions/$1\"" "$2"' _ "$Q" "$T_DIR/home.b"
expect_eq "replied, numbered from the pattern, dated the reply day" "replied|测纪函〔2024〕1号|$DAY" \
	"$(sql "SELECT state || '|' || number || '|' || replied FROM opinion_requests WHERE id = $Q")"
expect_eq "... audited" 1 "$(audit_count opinion_reply "opinion/$Q")"
expect_eq "a second reply: refused" 422 "$(post "/opinions/$Q/reply")"
expect_eq "the letter downloads: 200" 200 \
	"$(curl -s -o "$T_DIR/letter.docx" -w '%{http_code}' -b "$JAR" "$BASE/opinions/$Q/letter.docx")"
expect_eq "... the download audited" 1 "$(audit_count opinion_letter "opinion/$Q")"
expect_eq "a user outside the office: 404 for the letter" 404 "$(http_status -b "$J2" "$BASE/opinions/$Q/letter.docx")"
rm -rf "$T_DIR/letter" && mkdir -p "$T_DIR/letter"
if unzip -q -o "$T_DIR/letter.docx" -d "$T_DIR/letter"; then
	ok "the letter unzips"
	expect_eq "... every XML part well-formed" "" "$(xml_parts_bad "$T_DIR/letter")"
	doc=$(cat "$T_DIR/letter/word/document.xml")
	expect_contains "... its number" "$NUM" "$doc"
	expect_contains "... the addressee" "中共某某县委组织部：" "$doc"
	expect_contains "... a cadre's opinion" "处分影响期内，不宜提拔" "$doc"
	expect_contains "... the title with the count" "等10名同志党风廉政情况的回复" "$doc"
else
	not_ok "the letter unzips"
fi
if office_tools --sqlite soffice; then
	lo_convert pdf "$T_DIR/pdf" "$T_DIR/letter.docx"
	check "LibreOffice converts the letter" test -s "$T_DIR/pdf/letter.pdf"
fi

# ---- leaders read; the API; the metrics ----------------------------------------------------
J3=$T_DIR/ld.jar
expect_eq "ld (leader) logs in" 303 "$(login ld "$PW" "$J3")"
expect_eq "a leader reads the request" 200 "$(http_status -b "$J3" "$BASE/opinions/$Q")"
expect_eq "... but may not confirm: 403" 403 "$(curl -s -o /dev/null -w '%{http_code}' -b "$J3" \
	--data-urlencode "csrf=$(csrf_of "$J3")" "$BASE/opinions/$Q/confirm_all")"
r=$(api POST /api/opinions '{"letter_no":"县组干函〔2024〕19号","requester":"中共某某县委组织部","received":"2024-06-20","purpose":"award","lines":[{"name":"戊无事","unit":"县教育局"},{"name":"甲运行","unit":"县教育局","position":"副局长"}]}')
expect_eq "the API takes lines as JSON: 201" 201 "$(status "$r")"
Q2=$(body "$r" | jget '["id"]')
expect_eq "... both matched" "name name" "$(body "$(api GET "/api/opinions/$Q2")" | python3 -c 'import json,sys; print(" ".join(l["matched"] for l in json.load(sys.stdin)["lines"]))')"
expect_eq "... a bad line refused whole: 422" 422 "$(status "$(api POST /api/opinions '{"letter_no":"x","requester":"y","received":"2024-06-20","purpose":"award","lines":[{"name":"","unit":"县教育局"}]}')")"
expect_eq "the metrics: one letter, ten cadres in 2024" "1 10" \
	"$(body "$(api GET '/api/statistics?year=2024' '' "$J3")" | python3 -c '
import json,sys; d=json.load(sys.stdin)
v={}
def walk(o):
    if isinstance(o,dict):
        if o.get("key") in ("opinion_replies","opinion_cadres"): v[o["key"]]=o.get("value")
        for x in o.values(): walk(x)
    elif isinstance(o,list):
        for x in o: walk(x)
walk(d); print(v.get("opinion_replies"), v.get("opinion_cadres"))')"

# ---- interchange (docs/interchange.md "Opinion replies") ------------------------------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"; [ "$RC" = 0 ] || echo "# $ERR"
expect_eq "export: exit 0" 0 "$RC"
expect_eq "... a line per request and per cadre" "2 12" \
	"$(grep -c '"type":"opinion"' "$T_DIR/e1.jsonl") $(grep -c '"type":"opinion_line"' "$T_DIR/e1.jsonl")"
MAC1=$(sql "SELECT id_mac FROM opinion_lines WHERE id_mac IS NOT NULL LIMIT 1")
check "... no ID number nor its MAC in the file" bash -c '[ -n "$2" ] && ! grep -q -e "$1" -e "$2" "$3"' _ "$ID_H" "$MAC1" "$T_DIR/e1.jsonl"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
# the records behind the facts were written by hand above (no case type): the round trip
# carries the units, persons and opinion replies only
grep -vE '"type":"(clue|case|outcome)"' "$T_DIR/e1.jsonl" >"$T_DIR/e1o.jsonl"
run_cli import "$T_DIR/e1o.jsonl" --db "$DB2" --key "$T_DIR/rt.key"; [ "$RC" = 0 ] || echo "# $ERR"
expect_eq "the export imports into a fresh database" 0 "$RC"
expect_eq "... the opinions as they were" \
	"$(sql "SELECT name || proposed || COALESCE(opinion, '-') FROM opinion_lines WHERE proposed IS NOT NULL ORDER BY name" | tr '\n' ' ')" \
	"$(DB=$DB2 sql "SELECT name || proposed || COALESCE(opinion, '-') FROM opinion_lines WHERE proposed IS NOT NULL ORDER BY name" | tr '\n' ' ')"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same opinion lines" diff <(grep '"type":"opinion' "$T_DIR/e1.jsonl") \
	<(grep '"type":"opinion' "$T_DIR/e2.jsonl")
YQ=$(grep '"type":"opinion"' "$T_DIR/e1.jsonl" | head -1 | jget '["id"]')
echo '{"type":"opinion","letter_no":"x","requester":"y","received":"2024-01-02","purpose":"award","state":"replied","reply_day":"2024-01-03"}' >"$T_DIR/bad1.jsonl"
run_cli import "$T_DIR/bad1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "an import refused: a replied request without its number (exit $RC)" 'field "number"' "$ERR"
echo "{\"type\":\"opinion_line\",\"opinion\":\"$YQ\",\"line_no\":99,\"name\":\"x\",\"matched\":\"name\"}" >"$T_DIR/bad1.jsonl"
run_cli import "$T_DIR/bad1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "an import refused: a matched line without its person (exit $RC)" 'field "person"' "$ERR"
check "no sanitizer report from the CLI" cli_clean
check "the server logged no sanitizer error" server_clean
finish
