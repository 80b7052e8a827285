#!/usr/bin/env bash
# t209_problems: the rectification ledger (问题整改台账, issue 14; DOMAIN.md
# section 5 "Problem and rectification"; docs/architecture.md
# "Rectification ledger"; docs/security.md "The unit-scoped rectification
# account").
# - a problem from each source of DOMAIN.md section 5 (巡察, 政治监督, 专项整治
#   with its campaign, 明察暗访, 交叉互检, 案件质量评查, 派驻监督, 码上问效 with its
#   bad review, 其他); refused: a campaign problem without its campaign, a
#   bad review on another source, a deadline before the day found;
# - the state flow open -> rectifying -> rectified (申请销号 only with
#   evidence) -> confirmed by the supervising office (not the unit: 403),
#   each step on the timeline and audited; a return (退回) sends it back;
# - overdue (逾期) computed from the deadline and the state: the unit's
#   account and the case manager see it on their home pages, the list's
#   只看逾期 filter counts it; a rectified problem past its deadline is not
#   overdue.  The deadline is a day set per problem (the notice's 整改时限),
#   not a working-day clock, so no holiday moves it;
# - the unit-scoped account (rectifier, 整改联络员) sees only its unit's
#   problems: another unit's problem, its evidence and its upload are 404
#   and audited (access_denied); every other family's page is 403;
# - evidence: uploaded by the unit, downloaded by the unit and the office,
#   404 for another unit's account;
# - the 台账 workbook: one sheet per source or per unit, the columns the
#   offices use, the right rows per sheet, opened by LibreOffice.
# Before this change /problems did not exist.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

init_db || { not_ok "init"; finish; }
ATT=$T_DIR/att
start_server --attachments "$ATT" || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙镇","kind":"township"}')" | jget '["id"]')
CAMP=$(body "$(api POST /api/campaigns '{"name":"惠民惠农财政补贴资金专项整治","start":"2022-03-01"}')" | jget '["id"]')
sql "INSERT INTO ratings(unit_id, stars, comment, day, idem_key) VALUES ($UA, 1, '办事慢', '2022-05-06', 't209-k1')" >/dev/null
RID=$(sql "SELECT id FROM ratings WHERE idem_key = 't209-k1'")
sql "INSERT INTO bad_reviews(rating_id, unit_id, opened, callback_due, fix_due, followup_hash) VALUES ($RID, $UA, '2022-05-06', '2022-05-09', '2022-05-27', 't209-h1')" >/dev/null
BR=$(sql "SELECT id FROM bad_reviews WHERE rating_id = $RID")

# add PAYLOAD: the new problem's id (prints the status when not 201)
add() {
	local r
	r=$(api POST /api/problems "$1")
	[ "$(status "$r")" = 201 ] && body "$r" | jget '["id"]' || status "$r"
}
n=0
for src in inspection political spot_check cross_check case_review resident other; do
	id=$(add "{\"unit_id\":$UA,\"source\":\"$src\",\"summary\":\"$src 发现的问题\",\"found\":\"2022-04-01\",\"deadline\":\"2099-06-30\"}")
	case $id in *[!0-9]*|"") not_ok "a problem from $src ($id)" ;; *) n=$((n + 1)) ;; esac
done
expect_eq "problems from seven sources without a record" 7 "$n"
PC=$(add "{\"unit_id\":$UB,\"source\":\"campaign\",\"campaign_id\":$CAMP,\"summary\":\"补贴发放不规范\",\"found\":\"2022-04-02\",\"deadline\":\"2099-05-31\"}")
PR=$(add "{\"unit_id\":$UA,\"source\":\"rating\",\"bad_review_id\":$BR,\"summary\":\"窗口办事慢\",\"found\":\"2022-05-06\",\"deadline\":\"2099-05-31\"}")
expect_eq "a campaign problem linked to its campaign, a rating problem to its bad review" "$CAMP|$BR" \
	"$(sql "SELECT (SELECT campaign_id FROM problems WHERE id = $PC) || '|' || (SELECT bad_review_id FROM problems WHERE id = $PR)")"
expect_eq "nine sources in the ledger" 9 "$(sql "SELECT count(DISTINCT source) FROM problems")"
expect_eq "a campaign problem without its campaign: 422" 422 \
	"$(add "{\"unit_id\":$UA,\"source\":\"campaign\",\"summary\":\"x\",\"found\":\"2022-04-01\",\"deadline\":\"2022-05-01\"}")"
expect_eq "a bad review on an inspection problem: 422" 422 \
	"$(add "{\"unit_id\":$UA,\"source\":\"inspection\",\"bad_review_id\":$BR,\"summary\":\"x\",\"found\":\"2022-04-01\",\"deadline\":\"2022-05-01\"}")"
expect_eq "a deadline before the day found: 422" 422 \
	"$(add "{\"unit_id\":$UA,\"source\":\"other\",\"summary\":\"x\",\"found\":\"2022-04-01\",\"deadline\":\"2022-03-01\"}")"
expect_eq "an unknown source: 422" 422 \
	"$(add "{\"unit_id\":$UA,\"source\":\"rumour\",\"summary\":\"x\",\"found\":\"2022-04-01\",\"deadline\":\"2022-05-01\"}")"

# the page form (the office's)
st=$(curl -s -o "$T_DIR/new.html" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
	--data-urlencode "unit_id=$UA" --data-urlencode "source=inspection" --data-urlencode "summary=一把手末位表态制度未落实" \
	--data-urlencode "found=2022-01-10" --data-urlencode "deadline=2022-02-10" --data-urlencode "top_leader=1" "$BASE/problems")
expect_eq "the page form adds a top-leader problem: 303" 303 "$st"
PO=$(sql "SELECT max(id) FROM problems")
expect_eq "... open, top leader, past its deadline" "open|1|2022-02-10" \
	"$(sql "SELECT state || '|' || top_leader || '|' || deadline FROM problems WHERE id = $PO")"
expect_eq "... audited" 1 "$(audit_count problem_add "problem/$PO")"
P1=$(sql "SELECT min(id) FROM problems WHERE source = 'inspection'")
PB=$(add "{\"unit_id\":$UB,\"source\":\"resident\",\"summary\":\"乙镇的问题\",\"found\":\"2022-01-05\",\"deadline\":\"2022-01-31\"}")

# ---- the unit-scoped accounts --------------------------------------------------
ready_user ra --role rectifier --unit "$UA" --office 甲局整改联络员 --password-stdin --db "$DB" >/dev/null
ready_user rb --role rectifier --unit "$UB" --password-stdin --db "$DB" >/dev/null
RA=$T_DIR/ra.jar RB=$T_DIR/rb.jar
login clerk "$PW" "$T_DIR/clerk.jar" >/dev/null
expect_eq "甲局's rectification account logs in" 303 "$(login ra "$PW" "$RA")"
expect_eq "乙镇's logs in" 303 "$(login rb "$PW" "$RB")"
# a unit's rectification account is no office of the commission: its office (the unit's
# name) is offered neither as an office (clue assignment, scoring, reminders) nor as a
# member of staff (reminder recipients, campaign group leaders)
RAO=$(sql "SELECT office FROM users WHERE name = 'ra'")
check "... ra's account carries its unit as its office" test -n "$RAO"
curl -s -b "$JAR" "$BASE/reminders/new" >"$T_DIR/rn.html"
check "the reminder form lists offices" grep -q '<option' "$T_DIR/rn.html"
check "... but not a rectification account's office" sh -c "! grep -qF 'value=\"$RAO\"' '$T_DIR/rn.html'"
check "... nor the account among the staff" sh -c "! grep -qF 'value=\"$(sql "SELECT id FROM users WHERE name = 'ra'")\"' '$T_DIR/rn.html'"
r=$(api GET /api/problems "" "$RA")
expect_eq "ra lists 甲局's problems only" "200 $(sql "SELECT count(*) FROM problems WHERE unit_id = $UA")" \
	"$(status "$r") $(body "$r" | jget '["total"]')"
expect_eq "rb lists 乙镇's" "$(sql "SELECT count(*) FROM problems WHERE unit_id = $UB")" \
	"$(body "$(api GET /api/problems "" "$RB")" | jget '["total"]')"
check "the list page holds no other unit's problem" bash -c "! curl -s -b '$RA' '$BASE/problems' | grep -q '乙镇的问题'"
before=$(audit_count access_denied "problem/$PB")
expect_eq "another unit's problem: 404" 404 "$(http_status -b "$RA" "$BASE/problems/$PB")"
expect_eq "... and by the API" 404 "$(status "$(api GET "/api/problems/$PB" "" "$RA")")"
expect_eq "... each refusal audited (access_denied)" $((before + 2)) "$(audit_count access_denied "problem/$PB")"
expect_eq "another unit's problem cannot be stepped: 404" 404 \
	"$(curl -s -o /dev/null -w '%{http_code}' -b "$RA" --data-urlencode "csrf=$(csrf_of "$RA")" -d measures=x "$BASE/problems/$PB/start")"
for p in /clues /cases /reports /persons /units /outcomes /ratings /statistics /accountability /detentions \
	/problems/new "/problems/$P1/edit" /api/clues /api/persons /api/units; do
	expect_eq "the rectification account may not open $p: 403" 403 "$(http_status -b "$RA" "$BASE$p")"
done
expect_eq "nor confirm its own problem: 403" 403 \
	"$(curl -s -o /dev/null -w '%{http_code}' -b "$RA" --data-urlencode "csrf=$(csrf_of "$RA")" "$BASE/problems/$P1/confirm")"
check "its navigation names the ledger and no other family" bash -c \
	"curl -s -b '$RA' '$BASE/' | grep -q 'href=\"/problems\"' && ! curl -s -b '$RA' '$BASE/' | grep -qE 'href=\"/(clues|cases|persons|units)\"'"

# ---- the state flow ----------------------------------------------------------------
post() {    # post JAR PATH [field=value ...]: the status
	local jar=$1 path=$2 a=()
	shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	curl -s -o "$T_DIR/post.html" -w '%{http_code}' -b "$jar" --data-urlencode "csrf=$(csrf_of "$jar")" "${a[@]}" "$BASE$path"
}
expect_eq "the unit starts (开始整改) without measures: 422" 422 "$(post "$RA" "/problems/$P1/start")"
expect_eq "the unit starts with its measures: 303" 303 "$(post "$RA" "/problems/$P1/start" "measures=修订议事规则，落实末位表态")"
expect_eq "... rectifying" rectifying "$(sql "SELECT state FROM problems WHERE id = $P1")"
expect_eq "申请销号 without evidence: 422" 422 "$(post "$RA" "/problems/$P1/apply")"
check "... saying evidence is needed" grep -q '请上传整改佐证材料' "$T_DIR/post.html"
make_png "$T_DIR/ev.png" 60 40
http_get "$T_DIR/p1" -b "$RA" "$BASE/problems/$P1" >/dev/null
check "the problem's page offers the unit the evidence upload" grep -q "action=\"/problems/$P1/attachments\"" "$T_DIR/p1.b"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$RA" -F "csrf=$(form_csrf "$T_DIR/p1.b")" \
	-F "file=@$T_DIR/ev.png;filename=会议记录.png" "$BASE/problems/$P1/attachments")
expect_eq "the unit uploads its evidence from the page: 303" 303 "$st"
EV=$(sql "SELECT max(id) FROM attachments WHERE obj_type = 'problem' AND obj_id = $P1")
check "... stored as the problem's attachment" test -n "$EV"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$RB" -H "X-CSRF-Token: $(csrf_of "$RB")" \
	-F "file=@$T_DIR/ev.png" "$BASE/api/problems/$P1/attachments")
expect_eq "another unit's account cannot upload to it: 404" 404 "$st"
expect_eq "申请销号 with evidence: 303" 303 "$(post "$RA" "/problems/$P1/apply" "measures=已修订议事规则并执行")"
expect_eq "... rectified today, not yet confirmed" "rectified|$(date -u -d '+8 hours' +%F)|" \
	"$(sql "SELECT state || '|' || rectified || '|' || COALESCE(confirmed_on, '') FROM problems WHERE id = $P1")"
expect_eq "the unit downloads its evidence" 200 "$(http_status -b "$RA" "$BASE/attachments/$EV")"
expect_eq "the office downloads it" 200 "$(http_status -b "$JAR" "$BASE/attachments/$EV")"
expect_eq "another unit's account: 404" 404 "$(http_status -b "$RB" "$BASE/attachments/$EV")"
expect_eq "... and its thumbnail: 404" 404 "$(http_status -b "$RB" "$BASE/attachments/$EV/thumb")"
expect_eq "the intake clerk (no ledger permission): 404" 404 "$(http_status -b "$T_DIR/clerk.jar" "$BASE/attachments/$EV")"
expect_eq "the office confirms (确认销号): 303" 303 "$(post "$JAR" "/problems/$P1/confirm" "note=资料齐全，同意销号")"
expect_eq "... confirmed by cm today" "cm|$(date -u -d '+8 hours' +%F)" \
	"$(sql "SELECT u.name || '|' || p.confirmed_on FROM problems p JOIN users u ON u.id = p.confirmed_by WHERE p.id = $P1")"
expect_eq "a confirmed problem takes no more steps: 422" 422 "$(post "$JAR" "/problems/$P1/return" "note=再看看")"
expect_eq "the timeline: add, start, apply, confirm" "add start apply confirm" \
	"$(sql "SELECT step FROM problem_steps WHERE problem_id = $P1 ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "each step audited" "1 1 1" \
	"$(audit_count problem_start "problem/$P1") $(audit_count problem_apply "problem/$P1") $(audit_count problem_confirm "problem/$P1")"
http_get "$T_DIR/p1" -b "$JAR" "$BASE/problems/$P1" >/dev/null
check "the page shows the confirmation and the timeline" grep -q '已整改（已确认）.*' "$T_DIR/p1.b"
check "... and the evidence" grep -q '会议记录.png' "$T_DIR/p1.b"

# a return (退回), through the API's steps
P2=$(sql "SELECT min(id) FROM problems WHERE source = 'political'")
expect_eq "the API: the unit starts" 200 "$(status "$(api POST "/api/problems/$P2/start" '{"measures":"整改中"}' "$RA")")"
curl -s -o /dev/null -b "$RA" -H "X-CSRF-Token: $(csrf_of "$RA")" -F "file=@$T_DIR/ev.png" "$BASE/api/problems/$P2/attachments"
expect_eq "... asks to close it" 200 "$(status "$(api POST "/api/problems/$P2/apply" '{}' "$RA")")"
expect_eq "... may not confirm it: 403" 403 "$(status "$(api POST "/api/problems/$P2/confirm" '{}' "$RA")")"
r=$(api POST "/api/problems/$P2/return" '{}')
expect_eq "a return without a reason: 422 naming the note" "422 True" "$(status "$r") $(body "$r" | python3 -c 'import json,sys; print("note" in json.dumps(json.load(sys.stdin)))')"
expect_eq "the office returns it: 303" 303 "$(post "$JAR" "/problems/$P2/return" "note=佐证不足")"
expect_eq "... rectifying again, the day cleared" "rectifying|" \
	"$(sql "SELECT state || '|' || COALESCE(rectified, '') FROM problems WHERE id = $P2")"

# ---- overdue --------------------------------------------------------------------
# PO (甲局, deadline 2022-02-10, open) and PB (乙镇, 2022-01-31, open) are
# overdue; P1 was due 2099 and is rectified.  Rectify a past-due one: it
# stops being overdue.
PL=$(add "{\"unit_id\":$UA,\"source\":\"other\",\"summary\":\"已整改的过期问题\",\"found\":\"2022-01-01\",\"deadline\":\"2022-01-15\"}")
sql "UPDATE problems SET state = 'rectified', rectified = '2022-01-14' WHERE id = $PL" >/dev/null
r=$(api GET "/api/problems?overdue=1" "" "$JAR")
expect_eq "the case manager's 只看逾期: the two open past their deadline" "2 [$PO, $PB]" \
	"$(body "$r" | jget '["total"]') $(body "$r" | python3 -c 'import json,sys; print(sorted(x["id"] for x in json.load(sys.stdin)["items"]))')"
expect_eq "甲局's account: its one" "1" "$(body "$(api GET "/api/problems?overdue=1" "" "$RA")" | jget '["total"]')"
check "the list page marks it 逾期" bash -c "curl -s -b '$RA' '$BASE/problems?overdue=1' | grep -q 'clock overdue'"
home_has() { curl -s -b "$1" "$BASE/" | grep -q "/problems/$2\""; }
check "甲局's account's home page alerts its overdue problem" home_has "$RA" "$PO"
check "... not 乙镇's" bash -c "! curl -s -b '$RA' '$BASE/' | grep -q '/problems/$PB\"'"
check "乙镇's account's home page alerts its own" home_has "$RB" "$PB"
check "the case manager's home page alerts both" bash -c "curl -s -b '$JAR' '$BASE/' | grep -q '/problems/$PO\"' && curl -s -b '$JAR' '$BASE/' | grep -q '/problems/$PB\"'"
check "... not the rectified one past its deadline" bash -c "! curl -s -b '$JAR' '$BASE/' | grep -q '/problems/$PL\"'"
check "... nor one due in 2099" bash -c "! curl -s -b '$JAR' '$BASE/' | grep -q '/problems/$PC\"'"

# ---- the 台账 workbook ------------------------------------------------------------
# sheet_rows FILE N: the data rows of sheet N (its rows past the title,
# the subtitle and the header; a cell's text may hold line breaks)
sheet_rows() {
	python3 -c 'import re, sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet%s.xml" % sys.argv[2]).decode()
print(len(re.findall(r"<row ", x)) - 3)' "$1" "$2"
}
st=$(http_get "$T_DIR/by_src" -b "$JAR" "$BASE/problems/ledger.xlsx?sheets=source")
expect_eq "the ledger by source: 200" 200 "$st"
expect_contains "... an .xlsx download" "spreadsheetml.sheet" "$(header_of "$T_DIR/by_src.h" Content-Type)"
cp "$T_DIR/by_src.b" "$T_DIR/by_src.xlsx"
check "... a zip whose parts are well-formed XML" python3 -c '
import sys, zipfile, xml.dom.minidom as m
z = zipfile.ZipFile(sys.argv[1])
[m.parseString(z.read(n)) for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]' "$T_DIR/by_src.xlsx"
want_src=$(sql "SELECT count(DISTINCT source) FROM problems")
expect_eq "... one sheet per source" "$want_src" "$(unzip -l "$T_DIR/by_src.xlsx" | grep -c 'xl/worksheets/sheet[0-9]*.xml')"
expect_eq "... the offices' columns" "序号	单位	问题来源	问题描述	整改时限	整改状态	整改措施/佐证	确认人	确认日期" \
	"$(python3 tests/http/xlsx_rows.py "$T_DIR/by_src.xlsx" 1 | sed -n 3p)"
# sheets in problem_sources order: inspection first (P1, PO), political second
expect_eq "... the 巡察 sheet: its rows" "$(sql "SELECT count(*) FROM problems WHERE source = 'inspection'")" \
	"$(sheet_rows "$T_DIR/by_src.xlsx" 1)"
expect_contains "... the confirmed one with its measures, evidence and confirmer" "已修订议事规则并执行" \
	"$(python3 tests/http/xlsx_rows.py "$T_DIR/by_src.xlsx" 1)"
expect_contains "... the evidence named" "会议记录.png" "$(python3 tests/http/xlsx_rows.py "$T_DIR/by_src.xlsx" 1)"
http_get "$T_DIR/by_unit" -b "$JAR" "$BASE/problems/ledger.xlsx?sheets=unit&found_from=2022-01-01" >/dev/null
cp "$T_DIR/by_unit.b" "$T_DIR/by_unit.xlsx"
expect_eq "the ledger by unit: two sheets" 2 "$(unzip -l "$T_DIR/by_unit.xlsx" | grep -c 'xl/worksheets/sheet[0-9]*.xml')"
ua=$(sql "SELECT count(*) FROM problems WHERE unit_id = $UA") ub=$(sql "SELECT count(*) FROM problems WHERE unit_id = $UB")
expect_eq "... the rows of each unit (甲局 first: its problem was found last)" "$ua $ub" \
	"$(sheet_rows "$T_DIR/by_unit.xlsx" 1) $(sheet_rows "$T_DIR/by_unit.xlsx" 2)"
http_get "$T_DIR/ra_x" -b "$RA" "$BASE/problems/ledger.xlsx?sheets=unit" >/dev/null
cp "$T_DIR/ra_x.b" "$T_DIR/ra_x.xlsx"
expect_eq "甲局's account exports its unit only: one sheet" 1 "$(unzip -l "$T_DIR/ra_x.xlsx" | grep -c 'xl/worksheets/sheet[0-9]*.xml')"
http_get "$T_DIR/ov" -b "$JAR" "$BASE/problems/ledger.xlsx?overdue=1&sheets=unit" >/dev/null
cp "$T_DIR/ov.b" "$T_DIR/ov.xlsx"
expect_eq "the list's filter applies: 只看逾期 by unit, one row per sheet" "1 1" \
	"$(sheet_rows "$T_DIR/ov.xlsx" 1) $(sheet_rows "$T_DIR/ov.xlsx" 2)"
expect_eq "the export is audited" 4 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'list_export' AND object LIKE 'problem%'")"
if command -v soffice >/dev/null 2>&1; then
	(cd "$T_DIR" && timeout 180 soffice -env:UserInstallation=file://$T_DIR/lo --headless --convert-to \
		'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' by_unit.xlsx) \
		>"$T_DIR/soffice.log" 2>&1
	n_csv=$(ls "$T_DIR"/by_unit-*.csv 2>/dev/null | wc -l)
	expect_eq "LibreOffice converts it: a CSV per sheet" 2 "$n_csv"
	expect_eq "... with every row" "$(sql "SELECT count(*) FROM problems") " \
		"$(cat "$T_DIR"/by_unit-*.csv | tr -d '\r' | awk -F, '$1 ~ /^[0-9]+$/' | wc -l) "
elif [ -n "${CI:-}" ]; then
	not_ok "soffice not installed (scripts/install-deps test installs it)"
else
	ok "# SKIP soffice not installed: the xlsx is not read back"
fi

# ---- interchange (docs/interchange.md "Problems") ---------------------------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
expect_eq "... one problem line per problem" "$(sql "SELECT count(*) FROM problems")" "$(grep -c '"type":"problem"' "$T_DIR/e1.jsonl")"
expect_contains "... the confirmed one with its days and measures" '"rectified":"'"$(date -u -d '+8 hours' +%F)"'","confirmed":"' \
	"$(grep '已修订议事规则并执行' "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
expect_eq "... the states as they were" "$(sql "SELECT state || COALESCE(confirmed_on, '-') FROM problems ORDER BY id" | tr '\n' ' ')" \
	"$(DB=$DB2 sql "SELECT state || COALESCE(confirmed_on, '-') FROM problems ORDER BY id" | tr '\n' ' ')"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same problem lines" diff <(grep '"type":"problem"' "$T_DIR/e1.jsonl") \
	<(grep '"type":"problem"' "$T_DIR/e2.jsonl")
UX=$(grep '"type":"unit"' "$T_DIR/e1.jsonl" | head -1 | jget '["id"]')
for line in '"source":"other","found":"2022-05-01","deadline":"2022-04-01"' \
	'"source":"campaign","found":"2022-05-01","deadline":"2022-06-01"' \
	'"source":"other","found":"2022-05-01","deadline":"2022-06-01","confirmed":"2022-05-20"'; do
	echo "{\"type\":\"problem\",\"unit\":\"$UX\",\"summary\":\"x\",$line}"
done >"$T_DIR/bad.jsonl"
i=0
for field in deadline campaign confirmed; do
	i=$((i + 1))
	sed -n "${i}p" "$T_DIR/bad.jsonl" >"$T_DIR/bad1.jsonl"
	run_cli import "$T_DIR/bad1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
	expect_contains "an import refused on field $field (exit $RC)" "field \"$field\"" "$ERR"
done
check "no sanitizer report from the CLI" cli_clean

check "the server log holds no sanitizer report" server_clean
finish
