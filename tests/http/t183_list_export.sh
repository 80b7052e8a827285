#!/usr/bin/env bash
# t183_list_export: every list page exports to Excel with its current
# filters (issue 12, "Lists out as Excel"; pages/list.h).
# - the list's own URL with format=xlsx answers an .xlsx download named
#   in Chinese (RFC 6266 filename*, 问题线索_YYYY-MM-DD.xlsx), linked from
#   the page as 导出Excel carrying the filters;
# - the sheet holds ALL rows of the filtered list, not one page: its data
#   row count equals the list's total ("共 N 条"), for the clues filtered
#   by source, the cases, the outcomes of form 1 in the demo year (the
#   figure list behind the dashboard), the persons, the detentions, the
#   reports and the audit log; its header equals the HTML table's header;
#   dates are real dates;
# - need-to-know (《监督执纪工作规则》2019 art. 7, DOMAIN.md section 1):
#   a township commission's user (scoped to 石泉乡) exports only the rows
#   of his jurisdiction, exactly as his page lists them;
# - an export of protected data (clues, cases, outcomes, persons, reports,
#   detentions, the audit log) is an audit entry list_export on the list's
#   object type with the row count and the filters;
# - the file is a well-formed workbook (unzip, xmllint) and LibreOffice
#   opens it (one conversion to CSV, a cell compared).
# Before this change format=xlsx was ignored (an HTML page came back).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022 --out "$T_DIR/demo.jsonl"
run_cli import --db "$DB" "$T_DIR/demo.jsonl"
expect_eq "the demo year imports" 0 "$RC"
TS=$(sql "SELECT id FROM units WHERE name = '石泉乡'")
ready_user tw --role township --unit "$TS" --password-stdin --db "$DB" >/dev/null
add_users lead:leader
start_server || { not_ok "server starts"; finish; }
TJ=$T_DIR/tw.jar LJ=$T_DIR/lead.jar AJ=$T_DIR/auditor.jar
expect_eq "cm logs in" 303 "$(login cm "$PW")"
expect_eq "tw logs in" 303 "$(login tw "$PW" "$TJ")"
expect_eq "lead logs in" 303 "$(login lead "$PW" "$LJ")"
check "auditor logs in (with the second factor)" enrol auditor "$PW" "$AJ"
SJ=$T_DIR/admin.jar
check "the system admin logs in (with the second factor)" enrol admin "$ADMIN_PW" "$SJ"

# the page's total ("共 N 条"; a list without a pager: its rows) and its
# table header, tab-separated
page_total() {
	if grep -qE '共 [0-9]+ [条件]' "$1"; then
		grep -oE '共 [0-9]+ [条件]' "$1" | head -1 | tr -dc '0-9'
	else
		python3 - "$1" <<'PY'
import os, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
t = re.findall(r'<table class="list[^"]*">.*?<tbody>(.*?)</tbody>', s, re.S)[int(os.environ.get("TABLE", "0"))]
print(len(re.findall(r"<tr", t)))
PY
	fi
}
page_header() {
	python3 - "$1" <<'PY'
import os, re, sys, html
s = open(sys.argv[1], encoding="utf-8").read()
# the first list table, or the one numbered $TABLE (-1: the last, the
# rule tables' history after the rules in force);
# a column of controls (操作, the case manager's 选择 boxes) is not data and stays out of the sheet
t = re.findall(r'<table class="list[^"]*">(?:<caption>[^<]*</caption>)?<thead><tr>(.*?)</tr></thead>', s)
i = int(os.environ.get("TABLE", "0"))
print("\t".join(h for h in (html.unescape(x) for x in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', t[i])) if h not in ("操作", "选择")) if t else "")
PY
}
rows_of() { python3 tests/http/xlsx_rows.py "$1"; }

# export JAR PATH?QUERY NAME: the page and its workbook, checked alike
export_check() {
	local jar=$1 url=$2 name=$3 page=$T_DIR/$3.html x=$T_DIR/$3.xlsx hdr=$T_DIR/$3.h st sep
	st=$(curl -s -o "$page" -w '%{http_code}' -b "$jar" "$BASE$url")
	expect_eq "$name: the page answers" 200 "$st"
	case $url in *\?*) sep='&' ;; *) sep='?' ;; esac
	st=$(curl -s -D "$hdr" -o "$x" -w '%{http_code}' -b "$jar" "$BASE$url${sep}format=xlsx")
	expect_eq "$name: format=xlsx answers" 200 "$st"
	expect_contains "$name: an .xlsx" "spreadsheetml.sheet" "$(grep -i '^content-type' "$hdr")"
	expect_contains "$name: a download" "attachment" "$(grep -i '^content-disposition' "$hdr")"
	TOTAL=$(page_total "$page")
	ROWS=$(rows_of "$x" 2>/dev/null | tail -n +4 | wc -l)
	expect_eq "$name: the sheet's rows are the list's total" "$TOTAL" "$ROWS"
	expect_eq "$name: the sheet's header is the page's" "$(page_header "$page")" \
		"$(rows_of "$x" 2>/dev/null | sed -n 3p)"
}

# ---- clues filtered by source, with the link on the page ------------------------------------
export_check "$JAR" "/clues?source=report" clues
expect_contains "the page links 导出Excel with its filter" \
	'href="/clues?source&#61;report&amp;format=xlsx">导出Excel</a>' "$(cat "$T_DIR/clues.html")"
check "more rows than one page (all rows, not page 1)" test "$ROWS" -gt 50
expect_contains "the file is named in Chinese (RFC 6266 filename*)" \
	"filename*=UTF-8''%E9%97%AE%E9%A2%98%E7%BA%BF%E7%B4%A2_" "$(grep -i '^content-disposition' "$T_DIR/clues.h")"
rows_of "$T_DIR/clues.xlsx" >"$T_DIR/clues.tsv"
expect_eq "row 1 is the title" "问题线索" "$(sed -n 1p "$T_DIR/clues.tsv" | cut -f1)"
expect_contains "row 2 states the filter" "source=report" "$(sed -n 2p "$T_DIR/clues.tsv")"
expect_contains "row 2 names who exported" "导出人：" "$(sed -n 2p "$T_DIR/clues.tsv")"
# 受理日期 (column 2) is a date: an Excel serial number with the date format
day=$(sed -n 4p "$T_DIR/clues.tsv" | cut -f2)
check "dates are real dates (serial $day)" python3 -c "import sys; assert 40000 < float('$day') < 50000"
N_CLUES=$ROWS
expect_eq "the export is audited with its row count and filter" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'list_export' AND object = 'clue' AND detail LIKE '%$N_CLUES 行%source=report%'")"

# ---- the other lists ---------------------------------------------------------------------------
export_check "$JAR" "/cases" cases
expect_eq "the case export is audited" 1 "$(audit_count list_export case)"
export_check "$JAR" "/outcomes?from=2022-01-01&to=2022-12-31&form=1" outcomes
check "form 1 of the demo year has rows" test "$ROWS" -gt 0
expect_eq "the outcome export is audited with form=1" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'list_export' AND object = 'outcome' AND detail LIKE '%form=1%'")"
export_check "$JAR" "/persons" persons
check "all persons, not one page" test "$ROWS" -gt 1000
expect_eq "the person export is audited" 1 "$(audit_count list_export person)"
export_check "$JAR" "/detentions" detentions
expect_eq "the detention export is audited" 1 "$(audit_count list_export detention)"
export_check "$LJ" "/reports" reports
export_check "$AJ" "/audit?event=list_export" audit
check "the audit log's export holds the exports before it" test "$ROWS" -ge 5
expect_eq "the audit log's export is audited" 1 "$(audit_count list_export audit)"
export_check "$JAR" "/units?kind=township" units
expect_eq "the unit list is not protected data: no entry" 0 "$(audit_count list_export unit)"
export_check "$JAR" "/accountability" accountability
rec=$(curl -s -b "$JAR" "$BASE/accountability?ledger=recoveries&format=xlsx" -o "$T_DIR/rec.xlsx" -w '%{http_code}')
expect_eq "the recoveries ledger exports" 200 "$rec"
expect_eq "its amounts are numbers in yuan" "$(sql "SELECT count(*) FROM recoveries")" \
	"$(rows_of "$T_DIR/rec.xlsx" | tail -n +4 | cut -f3 | grep -cE '^[0-9]+(\.[0-9]+)?$')"

export_check "$JAR" "/categories" categories
expect_contains "the categories page links its export" 'href="/categories?format=xlsx"' "$(cat "$T_DIR/categories.html")"
export_check "$SJ" "/admin/users" users
expect_contains "the users page links its export" 'href="/admin/users?format=xlsx"' "$(cat "$T_DIR/users.html")"
TABLE=-1 export_check "$JAR" "/rules/clocks" rules
expect_contains "a rule table's history names its source" "依据" "$(rows_of "$T_DIR/rules.xlsx" | sed -n 3p)"

# ---- need-to-know: the township user's export is his jurisdiction ---------------------------
export_check "$TJ" "/clues" tw-clues
TW_ROWS=$ROWS
check "the township sees fewer clues than the case manager ($TW_ROWS)" test "$TW_ROWS" -lt "$N_CLUES"
check "the township sees some clues" test "$TW_ROWS" -gt 0
sql "SELECT name FROM units WHERE id = $TS OR parent_id = $TS" >"$T_DIR/juris.txt"
outside=$(rows_of "$T_DIR/tw-clues.xlsx" | tail -n +4 | cut -f4 | grep -vxF -f "$T_DIR/juris.txt" | head -3)
expect_eq "every exported clue is of 石泉乡 or its villages" "" "$outside"
export_check "$TJ" "/persons" tw-persons
outside=$(rows_of "$T_DIR/tw-persons.xlsx" | tail -n +4 | cut -f2 | grep -vxF -f "$T_DIR/juris.txt" | head -3)
expect_eq "every exported person is of 石泉乡 or its villages" "" "$outside"
expect_eq "the township's export is audited as his" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'list_export' AND object = 'clue' AND detail LIKE '%$TW_ROWS 行%' AND user_name = 'tw'")"

# ---- the file: well formed, and LibreOffice opens it --------------------------------------------
check "the export unzips" python3 -m zipfile -e "$T_DIR/clues.xlsx" "$T_DIR/unz"
expect_eq "every part is well-formed XML" "" "$(xml_parts_bad "$T_DIR/unz")"
if office_tools soffice; then
	mkdir -p "$T_DIR/lo-out"
	(cd "$T_DIR/lo-out" && timeout 180 soffice -env:UserInstallation=file://$T_DIR/lo --headless \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false' \
		"$T_DIR/clues.xlsx") >"$T_DIR/soffice.log" 2>&1
	csv=$(ls "$T_DIR"/lo-out/*.csv 2>/dev/null | head -1)
	check "LibreOffice converts the export" test -s "$csv"
	expect_eq "LibreOffice reads the header" "编号,受理日期,被反映人,单位,来源,状态,承办部门,首次处置,初核期限" "$(sed -n 3p "$csv")"
	want=$(sed -n 4p "$T_DIR/clues.tsv" | cut -f1)
	expect_eq "LibreOffice reads the first clue's number" "$want" "$(sed -n 4p "$csv" | cut -d, -f1)"
	check "LibreOffice shows the day as a date" grep -qE '^[0-9]+,2022-[0-9]{2}-[0-9]{2},' "$csv"
fi

stop_server
check "no sanitizer report" server_clean
finish
