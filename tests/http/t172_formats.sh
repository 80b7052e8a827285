#!/bin/bash
# t172_formats.sh: the figures as documents and the statistics page (issue
# 11, "The report" and "Dashboard"; DOMAIN.md section 6 for the figures).
# - `qingfeng report --format html|docx|xlsx` write the figures of the
#   period and scope (each key's 中文 name, its value as displayed, the
#   same period a year earlier): html that prints (a print stylesheet, no
#   form controls, no script), docx in the official layout (GB/T
#   9704-2012, ../shared/design/DOCUMENTS.md: title, table, date; the
#   parts well-formed XML), xlsx with the figures and a sheet by month
#   (read back through LibreOffice's csv conversion); a binary format is
#   refused on a terminal without --out;
# - /statistics (PERM_STATS: leaders and the case manager) shows the same
#   figures as the command's JSON for the same period and scope, each
#   linked to the list behind it; /api/statistics answers the command's
#   JSON; bad period or scope input is a Chinese message on the page
#   (422) and a 422 naming the argument on the API;
# - downloads are attachments (RFC 5987 filename*, the right type,
#   nosniff, no-store) and each is audited (who exported which period
#   and scope: 《监督执纪工作规则》2019 art. 67 keeps case material under
#   confidentiality rules, so taking figures out is recorded);
# - a role without the permission (intake, investigator) gets 403 on the
#   page, its API and the downloads (DOMAIN.md section 1: need-to-know).
# Before this change --format html/docx/xlsx exited 2 ("not yet") and
# /statistics, /statistics/export and /api/statistics were 404.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users lead:leader inv:investigator || { not_ok "users"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"
ORGAN=测试市纪委监委
TITLE=${ORGAN}2022年度监督执纪统计表

# key=display of the command's JSON (scope options as arguments)
json_figures() {
	python3 -c '
import json, sys
for m in json.load(sys.stdin)["metrics"]:
    print("%s=%s" % (m["key"], m["display"]))'
}
"$QF_BIN" report --db "$DB" --year 2022 --format json >"$T_DIR/r.json" 2>>"$T_DIR/cli.log"
WANT=$(json_figures <"$T_DIR/r.json")
check "the JSON report has figures" test "$(wc -l <<<"$WANT")" -ge 10

# ---- html -----------------------------------------------------------------------------------
run_cli report --db "$DB" --year 2022 --format html --out "$T_DIR/r.html"
expect_eq "--format html exits 0" 0 "$RC"
# key=display of the rows of an html table (<tr data-key=K><td>name</td><td>value</td>...)
html_figures() {
	python3 -c '
import html, re, sys
for k, cells in re.findall(r"<tr data-key=\"([a-z0-9_]+)\">(.*?)</tr>", sys.stdin.read(), re.S):
    tds = re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)
    print("%s=%s" % (k, html.unescape(re.sub(r"<[^>]+>", "", tds[1]))))'
}
expect_eq "html: every figure as the JSON displays it" "$WANT" "$(html_figures <"$T_DIR/r.html")"
h=$(cat "$T_DIR/r.html")
expect_contains "html: the title" "<h1>$TITLE</h1>" "$h"
expect_contains "html: a print stylesheet" "@media print" "$h"
expect_contains "html: the year before beside it" "上年同期（2021年度）" "$h"
check "html: no form controls and no script" bash -c "! grep -qiE '<(form|input|select|button|script)' '$T_DIR/r.html'"

# ---- docx -----------------------------------------------------------------------------------
# the table alone (--table: a whole year without it is the year's report,
# this table its appendix: t222_year_report)
run_cli report --db "$DB" --year 2022 --format docx --table --out "$T_DIR/r.docx"
expect_eq "--format docx exits 0" 0 "$RC"
rm -rf "$T_DIR/dx"
check "docx: unzips" python3 -m zipfile -e "$T_DIR/r.docx" "$T_DIR/dx"
expect_eq "docx: every XML part well formed" "" "$(xml_parts_bad "$T_DIR/dx")"
text=$(python3 -c '
import re, sys
print("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", open(sys.argv[1], encoding="utf-8").read())))' \
	"$T_DIR/dx/word/document.xml")
expect_contains "docx: the title" "$TITLE" "$text"
expect_contains "docx: 处置问题线索 516" "处置问题线索516" "$text"
expect_contains "docx: 结案率 93.48%" "结案率93.48%" "$text"
expect_contains "docx: the date" "$(TZ=Asia/Shanghai date +%Y年%-m月%-d日)" "$text"
script -qec "'$QF_BIN' report --db '$DB' --year 2022 --format docx --table" /dev/null >"$T_DIR/tty.out" 2>&1
expect_eq "docx to a terminal without --out: usage error" 2 "$?"
expect_contains "saying to use --out" "--out" "$(cat "$T_DIR/tty.out")"
"$QF_BIN" report --db "$DB" --year 2022 --format docx --table >"$T_DIR/pipe.docx" 2>>"$T_DIR/cli.log"
check "docx to a pipe or file is written" cmp -s "$T_DIR/pipe.docx" "$T_DIR/r.docx"
run_cli report --db "$DB" --year 2022 --format pdf
expect_eq "an unknown format: usage error" 2 "$RC"

# ---- xlsx -----------------------------------------------------------------------------------
run_cli report --db "$DB" --year 2022 --quarter 2 --key-persons --format xlsx --out "$T_DIR/q.xlsx"
expect_eq "--format xlsx exits 0" 0 "$RC"
if office_tools soffice; then
	(cd "$T_DIR" && timeout 180 soffice -env:UserInstallation=file://$T_DIR/lo --headless --convert-to \
		'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' q.xlsx) \
		>"$T_DIR/soffice.log" 2>&1
	first=$T_DIR/q-统计数据.csv months=$T_DIR/q-按月.csv
	check "xlsx: the figures' sheet reads back" test -s "$first"
	"$QF_BIN" report --db "$DB" --year 2022 --quarter 2 --key-persons --format json >"$T_DIR/q.json"
	want=$(python3 -c '
import json, sys
for m in json.load(open(sys.argv[1]))["metrics"]:
    v = m["display"]
    if m["kind"] == "money": v = v.replace("元", "")
    if m["kind"] == "rate" and m["applicable"] and m["value"] and m["value"]["den"]:
        n, d = m["value"]["num"], m["value"]["den"]
        v = "%.2f%%" % (int((n * 20000 // d + 1) // 2) / 100)
    print("%s=%s" % (m["zh"] + ("（元）" if m["kind"] == "money" else ""), v))' "$T_DIR/q.json")
	got=$(tail -n +4 "$first" | tr -d '\r' | python3 -c '
import csv, sys
for row in csv.reader(sys.stdin):
    print("%s=%s" % (row[0], row[1]))')
	expect_eq "xlsx: every figure, counts as numbers and rates as percentages" "$want" "$got"
	expect_contains "xlsx: the title names the quarter" "${ORGAN}2022年第二季度监督执纪统计表" "$(head -1 "$first")"
	expect_eq "xlsx: by month, April to June" "指标,2022年4月,2022年5月,2022年6月" "$(sed -n 3p "$months" | tr -d '\r')"
	sum=$(awk -F, '$1 == "受理问题线索" { print $2 + $3 + $4 }' "$months")
	expect_eq "xlsx: the months of clues received add up to the quarter" \
		"$(python3 -c 'import json,sys; print([m["value"] for m in json.load(open(sys.argv[1]))["metrics"] if m["key"] == "clues_received"][0])' "$T_DIR/q.json")" "$sum"
fi

# ---- the page, its API, the downloads --------------------------------------------------------
start_server || { not_ok "server starts"; finish; }
LJ=$T_DIR/lead.jar IJ=$T_DIR/inv.jar CJ=$T_DIR/clerk.jar
for u in cm:$JAR lead:$LJ inv:$IJ clerk:$CJ; do
	expect_eq "${u%%:*} logs in" 303 "$(login "${u%%:*}" "$PW" "${u#*:}")"
done
st=$(http_get "$T_DIR/p" -b "$JAR" "$BASE/statistics?year=2022")
expect_eq "case manager: /statistics 200" 200 "$st"
expect_eq "the page's figures are the command's" "$WANT" "$(html_figures <"$T_DIR/p.b")"
list=$(python3 -c '
import json, sys
print([m["list"] for m in json.load(open(sys.argv[1]))["metrics"] if m["key"] == "clues_disposed"][0])' "$T_DIR/r.json")
hrefs=$(python3 -c '
import html, re, sys
for h in re.findall(r"href=\"([^\"]*)\"", open(sys.argv[1], encoding="utf-8").read()):
    print(html.unescape(h))' "$T_DIR/p.b")
expect_contains "a figure links to its list" "$list" "$hrefs"
expect_contains "download links keep the period" "/statistics/export?format=docx&year=2022" "$hrefs"
"$QF_BIN" report --db "$DB" --year 2022 --key-persons --source report --format json | json_figures >"$T_DIR/kp.want"
st=$(http_get "$T_DIR/kp" -b "$LJ" "$BASE/statistics?year=2022&key_persons=1&source=report")
expect_eq "leader: a scoped period 200" 200 "$st"
expect_eq "scoped: the page's figures are the command's" "$(cat "$T_DIR/kp.want")" "$(html_figures <"$T_DIR/kp.b")"
# the scope is named by its records' names, the category chosen from the catalog
UID1=$(sql "SELECT min(unit_id) FROM clues WHERE unit_id IS NOT NULL")
UNAME=$(sql "SELECT name FROM units WHERE id = $UID1")
CATL=$(sql "SELECT label FROM violation_categories WHERE code = 'eight_rules'")
st=$(http_get "$T_DIR/un" -b "$JAR" "$BASE/statistics?year=2022&unit=$UID1&category=eight_rules")
expect_eq "a unit and a category: 200" 200 "$st"
expect_contains "the scope names the unit by its name" "$UNAME及下属单位" "$(cat "$T_DIR/un.b")"
expect_contains "the scope names the category by its label" "$CATL类" "$(cat "$T_DIR/un.b")"
expect_contains "the category is a choice of the catalog, kept selected" \
	"<option value=\"eight_rules\" selected" "$(cat "$T_DIR/un.b")"
st=$(http_get "$T_DIR/m" -b "$JAR" "$BASE/statistics?year=2022&month=3")
"$QF_BIN" report --db "$DB" --year 2022 --month 3 --format json | json_figures >"$T_DIR/m.want"
expect_eq "a month: the page's figures are the command's" "$(cat "$T_DIR/m.want")" "$(html_figures <"$T_DIR/m.b")"

st=$(http_get "$T_DIR/a" -b "$JAR" "$BASE/api/statistics?year=2022")
expect_eq "/api/statistics 200" 200 "$st"
expect_eq "the API answers the command's JSON" \
	"$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))' "$T_DIR/r.json")" \
	"$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))' "$T_DIR/a.b")"

before=$(audit_count stats_export statistics)
for f in docx:application/vnd.openxmlformats-officedocument.wordprocessingml.document \
	xlsx:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet "html:text/html; charset=utf-8"; do
	fmt=${f%%:*}
	st=$(http_get "$T_DIR/d$fmt" -b "$JAR" "$BASE/statistics/export?format=$fmt&year=2022&key_persons=1&source=report")
	expect_eq "download $fmt: 200" 200 "$st"
	expect_eq "download $fmt: its type" "${f#*:}" "$(header_of "$T_DIR/d$fmt.h" Content-Type)"
	expect_eq "download $fmt: an attachment with an RFC 5987 name" \
		"attachment; filename=\"statistics_2022-01-01_2022-12-31.$fmt\"; filename*=UTF-8''$(python3 -c '
import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$TITLE.$fmt")" \
		"$(header_of "$T_DIR/d$fmt.h" Content-Disposition)"
	expect_eq "download $fmt: nosniff" nosniff "$(header_of "$T_DIR/d$fmt.h" X-Content-Type-Options)"
	expect_eq "download $fmt: not stored" no-store "$(header_of "$T_DIR/d$fmt.h" Cache-Control)"
done
check "the downloaded docx unzips" python3 -m zipfile -t "$T_DIR/ddocx.b"
expect_eq "the downloaded html has the scope's figures" "$(cat "$T_DIR/kp.want")" "$(html_figures <"$T_DIR/dhtml.b")"
expect_eq "each download is audited" $((before + 3)) "$(audit_count stats_export statistics)"
expect_eq "the audit names who and which period and scope" 1 \
	"$(sql "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.event = 'stats_export'
		AND u.name = 'cm' AND a.detail = 'xlsx 2022-01-01..2022-12-31 线索来源：信访举报 一把手和领导班子及科级干部'")"

for u in inv:$IJ clerk:$CJ; do
	for path in "/statistics?year=2022" "/statistics/export?format=docx&year=2022" "/api/statistics?year=2022"; do
		expect_eq "${u%%:*}: $path 403" 403 "$(http_status -b "${u#*:}" "$BASE$path")"
	done
done
expect_eq "a refused download is not an export" $((before + 3)) "$(audit_count stats_export statistics)"

# ---- bad input ------------------------------------------------------------------------------
bad_page() {   # WHAT QUERY MESSAGE
	local st
	st=$(http_get "$T_DIR/bad" -b "$JAR" "$BASE/statistics?$2")
	expect_eq "page, $1: 422" 422 "$st"
	expect_contains "page, $1: says so in Chinese" "$3" "$(cat "$T_DIR/bad.b")"
}
bad_page "a year that is no year" "year=20x2" "年份应为四位数字"
bad_page "quarter 5" "year=2022&quarter=5" "季度应为 1 至 4"
bad_page "from after to" "from=2022-03-01&to=2022-01-31" "晚于截止日期"
bad_page "an unknown source" "year=2022&source=rumour" "线索来源“rumour”无效"
st=$(http_get "$T_DIR/bd" -b "$JAR" "$BASE/statistics/export?format=pdf&year=2022")
expect_eq "download in an unknown format: 422" 422 "$st"
expect_contains "naming the formats" "docx、xlsx 或 html" "$(cat "$T_DIR/bd.b")"
bad_api() {    # WHAT QUERY FIELD MESSAGE
	local st
	st=$(http_get "$T_DIR/ba" -b "$JAR" "$BASE/api/statistics?$2")
	expect_eq "API, $1: 422" 422 "$st"
	expect_contains "API, $1: names $3" "$4" "$(jget "['fields']['$3']" <"$T_DIR/ba.b" 2>&1)"
}
bad_api "month 13" "year=2022&month=13" month "月份应为 1 至 12"
bad_api "year and from together" "year=2022&from=2022-01-01&to=2022-02-01" year "只能"
bad_api "half a range" "from=2022-01-01" to "同时填写"
bad_api "a misshapen day" "from=2022-2-3&to=2022-03-01" from "起始日期应为"
bad_api "a day that does not exist (issue 12)" "from=2022-02-30&to=2022-03-01" from "日期不存在"
bad_api "a unit that does not exist" "year=2022&unit=987654" unit "不存在"
bad_api "a unit that is no id" "year=2022&unit=x" unit "单位应为"
bad_api "an unknown organ" "year=2022&organ=police" organ "承办机关"

stop_server
check "no sanitizer report (server)" server_clean
check "no sanitizer report (commands)" cli_clean
finish
