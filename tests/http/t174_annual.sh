#!/usr/bin/env bash
# t174_annual: the annual report from its editable template (issue 11,
# helper annual; docs/statistics.md "The annual report template").
#  - the default template (migration 0027: the 2022 report's structure and
#    prose, its figures as placeholders) rendered on the demo year gives
#    the 2022 report's figures in its text (516, 184, 172, 93.48%, 175, 2,
#    583, 404, 69.3%, the key persons' 26/26/10, 四风 25/29, the grain and
#    subsidy campaigns, 公检法 5/4), from the CLI and the API;
#  - a template with an unknown placeholder, a bad scope or unbalanced
#    braces is refused before saving (CLI, API, page), naming the line and
#    the placeholder; one that stopped checking (a campaign renamed) is
#    refused before rendering;
#  - editing changes the next rendering, never a kept one: a kept rendering
#    opens with its template version and its figures;
#  - the .docx unzips, its XML parts are well formed and LibreOffice
#    converts it to PDF with the figures in it (as t178; SQLite pass);
#  - permissions: the case manager and leaders (PERM_ANNUAL_REPORT), 403
#    for the intake clerk on the page and the API;
#  - the template is text in the HTML: <script> renders as &lt;script&gt;;
#  - saving and rendering are audited.
# The figures are those of DOMAIN.md section 6 (the definitions of issue
# 11, t160/t162); the report's structure is that of the 2022 report
# (../shared/reference/annual-report-2022.txt); no regulation article governs
# the template itself.  Fails before this change: report has no --annual.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

init_db || { not_ok "init"; finish; }
add_users boss:leader || { not_ok "add leader"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"

# ---- the default template on the demo year, from the CLI -------------------
run_cli report --annual --year 2022 --format text --out "$T_DIR/r1.txt"
expect_eq "report --annual exits 0" 0 "$RC"
expect_contains "the rendering is kept and named" "编号 1" "$ERR"
R1=$(cat "$T_DIR/r1.txt")
expect_contains "the title with the year" "青枫市纪委监委2022年工作情况报告" "$R1"
expect_contains "headings numbered 一、" "一、2022年工作开展情况" "$R1"
expect_contains "headings numbered （一） run into their paragraph" "（四）坚持综合系统施治" "$R1"
expect_contains "the year's figures" \
	"处置违纪违法问题线索516件，立案184件，结案172件，结案率93.48%，给予党纪政务处分175人，留置2人；运用监督执纪“四种形态”处理583人（“第一种形态”404人，占比69.3%）" "$R1"
expect_contains "the key persons' figures" "立案26件，党纪政务处分26人，“第一种形态”处理10人" "$R1"
expect_contains "四风 (category=eight_rules)" "查处“四风”问题线索25件，给予党纪政务处分29人" "$R1"
expect_contains "the grain campaign (campaign=name)" \
	"共查办问题线索38件、立案10件、启动问责程序4件；党纪处分25人、留置1人、移送司法机关1人、“第一种形态”处理2人" "$R1"
expect_contains "the subsidy campaign's money" "查处相关案件43个，给予党纪政务处分43人，挽回经济损失117,526.73元" "$R1"
expect_contains "the target tasks from records (migration 0054: 近200 of the report is the count, 196)" \
	"列出196项目标任务和工作举措，明确了责任领导、完成时限等内容，制定工作台帐7份，制发常委会议定事项工作提示10期、近期重点工作提示16期" "$R1"
expect_contains "the inspections from records (migration 0055: round=1 and round=2 of the year, the year's staff lent)" \
	"在第一轮巡察中，共发现35个基层党组织各类问题373个，移交问题线索12件，发现并反馈“一把手”问题3个。高标准启动第二轮巡察，派出3个巡察组对4家市直单位进行常规巡察，对27个村级党组织开展提级巡察，市委水利工程建设专项巡察组进驻市水务局，开展为期1个月的上下联动专项巡察。纪检监察机关累计派出参与巡察干部7人" "$R1"
expect_contains "the talks from records (migration 0059)" \
	"开展任前廉政谈话31人次，督促各单位负责人廉政谈话54人次；" "$R1"
expect_contains "... 600余 of the report is the count, 612" "督促领导干部开展谈心谈话612人次。" "$R1"
expect_contains "... the personal matter reports and the integrity files updated" "受理科级干部婚丧喜庆事宜报告20人次，更新科级领导干部廉政档案872份" "$R1"
expect_contains "the opinion replies from records (migration 0058: opinion_cadres, opinion_replies)" \
	"向组织部门出具1809名干部党风廉政意见回复57份" "$R1"
expect_contains "公检法 (source=judicial)" "接收“公检法”移交线索5件，结案4件" "$R1"
expect_contains "the previous year where the prose names it" "2021年度青枫市委政治生态" "$R1"
check "no placeholder left, no real city name" bash -c '! grep -qE "\{\{|xx|牡丹江" "$1"' _ "$T_DIR/r1.txt"
expect_eq "one rendering kept, with template version 1" "1|2022|text" \
	"$(sql "SELECT template_version, year, format FROM annual_renderings")"
expect_contains "with the figures it used" '"display":"93.48%"' "$(sql "SELECT figures FROM annual_renderings")"
expect_eq "rendering audited" 1 "$(audit_count annual_render annual_rendering/1)"
run_cli report --annual --rendering 1 --out "$T_DIR/r1b.txt"
check "a kept rendering is written again byte for byte" cmp -s "$T_DIR/r1.txt" "$T_DIR/r1b.txt"

# ---- refused before saving, naming line and placeholder (CLI) ---------------
printf '# 标题\n处置线索{{clues_disposed}}件。\n立案{{no_such_key}}件。\n' >"$T_DIR/bad1.tmpl"
run_cli report --annual --template "$T_DIR/bad1.tmpl"
expect_eq "unknown placeholder: refused" 1 "$RC"
expect_contains "... naming line and placeholder" "[unknown_key] 第3行 {{no_such_key}}" "$ERR"
printf '# 标题\n\n立案{{cases_filed|category=}}件。\n' >"$T_DIR/bad2.tmpl"
run_cli report --annual --template "$T_DIR/bad2.tmpl"
expect_contains "empty scope value: refused naming it" "[bad_scope] 第3行 {{cases_filed|category=}}" "$ERR"
printf '# 标题\n问责{{accountabilities|key_persons}}件。\n' >"$T_DIR/bad3.tmpl"
run_cli report --annual --template "$T_DIR/bad3.tmpl"
expect_contains "a scope the key cannot honour: refused" "[scope_not_honoured] 第2行 {{accountabilities|key_persons}}" "$ERR"
printf '# 标题\n立案{{cases_filed件。\n' >"$T_DIR/bad4.tmpl"
run_cli report --annual --template "$T_DIR/bad4.tmpl"
expect_contains "unbalanced braces: refused" "[unbalanced] 第2行 {{cases_filed件。" "$ERR"
printf '# 标题\n处分{{sanctioned|category=no_such_category}}人。\n' >"$T_DIR/bad5.tmpl"
run_cli report --annual --template "$T_DIR/bad5.tmpl"
expect_contains "a category not in the catalog: refused" "[scope_invalid] 第2行 {{sanctioned|category=no_such_category}}" "$ERR"
expect_eq "nothing saved" 1 "$(sql "SELECT count(*) FROM annual_templates")"

# ---- refused before rendering: a template that stopped checking -------------
printf '# 报告\n粮食{{cases_filed|campaign=粮食购销领域、开发区建设领域、黑土地保护专项整治}}件。\n' >"$T_DIR/camp.tmpl"
run_cli report --annual --template "$T_DIR/camp.tmpl"
expect_eq "a template naming a campaign saves" 0 "$RC"
sql "UPDATE campaigns SET name = '粮食购销专项整治（更名）' WHERE name LIKE '粮食购销%'" >/dev/null
run_cli report --annual --year 2022
expect_eq "the campaign renamed: rendering refused" 1 "$RC"
expect_contains "... naming line and placeholder" "[unknown_campaign] 第2行 {{cases_filed|campaign=粮食购销" "$ERR"
expect_eq "nothing kept" 1 "$(sql "SELECT count(*) FROM annual_renderings")"
sql "UPDATE campaigns SET name = '粮食购销领域、开发区建设领域、黑土地保护专项整治' WHERE name LIKE '粮食购销%'" >/dev/null

# ---- the docx: unzips, well formed, LibreOffice converts it -----------------
run_cli report --annual --year 2022 --format docx --out "$T_DIR/r.docx"
expect_eq "--format docx" 0 "$RC"
if python3 -m zipfile -e "$T_DIR/r.docx" "$T_DIR/unz" 2>/dev/null; then
	ok "the .docx unzips"
else
	not_ok "the .docx unzips"
fi
if office_tools --sqlite soffice xmllint pdftotext; then
	expect_eq "its XML parts are well formed" "" "$(xml_parts_bad "$T_DIR/unz")"
	lo_convert pdf "$T_DIR" "$T_DIR/r.docx"
	check "LibreOffice converts it to PDF" test -s "$T_DIR/r.pdf"
	text=$(pdftotext "$T_DIR/r.pdf" - 2>/dev/null | tr -d ' \n')
	expect_contains "the PDF holds the figures" "粮食10件" "$text"
fi

# ---- the web: permissions, the page, the API --------------------------------
start_server || { not_ok "server"; finish; }
expect_eq "case manager logs in" 303 "$(login cm "$PW")"
st=$(http_get "$H" -b "$JAR" "$BASE/annual?year=2022")
expect_eq "the page: 200 for the case manager" 200 "$st"
expect_contains "the template in a textarea" "粮食{{cases_filed|campaign=" "$(cat "$H.b")"
expect_contains "the placeholder's meaning" "立案（专项工作 粮食购销" "$(cat "$H.b")"
expect_contains "its value this year" '<td class="num">10</td>' "$(cat "$H.b")"
expect_contains "the keys listed" "<code>closure_rate</code>" "$(cat "$H.b")"
expect_contains "the kept renderings listed" '/annual/renderings/1?format=docx' "$(cat "$H.b")"

# the keys in display order (the report's: clues before cases, the forms in order)
expect_eq "the keys listed in the report's order" "clues_received clues_disposed cases_filed" \
	"$(grep -o '<tr><td><code>[a-z_0-9]*</code>' "$H.b" | sed 's/<[^>]*>//g' | head -3 | tr '\n' ' ' | sed 's/ $//')"
# no year given: the last full year, or the latest year before it with a
# clue (here only the demo year 2022 has records): not a year of zeros
http_get "$H" -b "$JAR" "$BASE/annual" >/dev/null
expect_contains "no year given: the latest past year with records (2022)" 'value="2022"' "$(cat "$H.b")"

JAR2=$T_DIR/clerk.jar
expect_eq "the intake clerk logs in" 303 "$(login clerk "$PW" "$JAR2")"
expect_eq "403 on the page for a role without it" 403 "$(http_status -b "$JAR2" "$BASE/annual")"
expect_eq "403 on a kept rendering" 403 "$(http_status -b "$JAR2" "$BASE/annual/renderings/1")"
expect_eq "403 on the API" 403 "$(status "$(api GET /api/annual/template "" "$JAR2")")"
r=$(api GET /api/annual/template)
expect_eq "API: the template with its version and placeholders" "2 {{cases_filed|campaign=粮食购销领域、开发区建设领域、黑土地保护专项整治}}" \
	"$(body "$r" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["version"], d["placeholders"][0]["placeholder"])')"
JAR3=$T_DIR/boss.jar
expect_eq "a leader logs in" 303 "$(login boss "$PW" "$JAR3")"
expect_eq "a leader may open the page" 200 "$(http_status -b "$JAR3" "$BASE/annual")"

# the API refuses before saving, precisely
r=$(api POST /api/annual/template '{"template_text":"# 标题\n\n立案{{cases_filed|nobody}}件"}')
expect_eq "API: a bad scope is 422" 422 "$(status "$r")"
expect_eq "... with line, placeholder and code" "3 {{cases_filed|nobody}} bad_scope" \
	"$(body "$r" | python3 -c 'import json,sys; e=json.load(sys.stdin)["error"]; print(e["line"], e["placeholder"], e["code"])')"
expect_eq "nothing saved" 2 "$(sql "SELECT count(*) FROM annual_templates")"

# the page refuses before saving, in Chinese, keeping what was typed
tok=$(form_csrf "$H.b")
st=$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data-urlencode $'template_text=# 标题\n立案{{cases_filed|key_persons}}件\n处分{{sanctioned}件' "$BASE/annual/template")
expect_eq "the page: unbalanced braces refused (422)" 422 "$st"
expect_contains "... naming the line and the placeholder" "第3行 {{sanctioned}件：“{{”没有配对的“}}”" "$(cat "$H.b")"
expect_eq "nothing saved" 2 "$(sql "SELECT count(*) FROM annual_templates")"

# render from the API with the current template (version 2), then edit
r=$(api POST /api/annual/render '{"year":2022,"format":"text"}')
expect_eq "API render: 201" 201 "$(status "$r")"
A=$(body "$r" | jget '["id"]')
expect_eq "... with its figures" 10 "$(body "$r" | jget '["figures"][0]["value"]')"
r=$(api POST /api/annual/template '{"template_text":"# 修改后的报告\n本年处置线索{{clues_disposed}}件，上年{{clues_disposed|prev}}件。"}')
expect_eq "API: a good template saves as version 3" "201 3" "$(status "$r") $(body "$r" | jget '["version"]')"
expect_eq "saving audited" 1 "$(audit_count annual_template_edit annual_template/3)"
r=$(api POST /api/annual/render '{"year":2022,"format":"text"}')
B=$(body "$r" | jget '["id"]')
st=$(http_get "$H" -b "$JAR" "$BASE/annual/renderings/$B?format=text")
expect_contains "the edit changes the next rendering" "本年处置线索516件" "$(cat "$H.b")"
st=$(http_get "$H" -b "$JAR" "$BASE/annual/renderings/$A?format=text")
expect_eq "the kept one opens" 200 "$st"
expect_contains "... unchanged: version 2's text and figures" "粮食10件。" "$(cat "$H.b")"
check "... without the edit" bash -c '! grep -q "修改后" "$1"' _ "$H.b"
st=$(http_get "$H" -b "$JAR" "$BASE/annual/renderings/$A?format=docx")
expect_eq "a kept one downloads as DOCX" "200 application/vnd.openxmlformats-officedocument.wordprocessingml.document" \
	"$st $(header_of "$H.h" Content-Type)"
expect_eq "the renderings listed by the API" "$B $A" \
	"$(api GET /api/annual/renderings | head -n -1 | python3 -c 'import json,sys; print(*[i["id"] for i in json.load(sys.stdin)["items"][:2]])')"

# the template is text in the HTML
r=$(api POST /api/annual/template '{"template_text":"# <b>报告</b>\n<script>alert(1)</script>{{clues_disposed}}"}')
expect_eq "a template with markup saves" 201 "$(status "$r")"
tok=$(form_csrf "$H.b")
st=$(http_get "$H" -b "$JAR" "$BASE/annual")
tok=$(form_csrf "$H.b")
st=$(http_get "$H" -b "$JAR" --data-urlencode "csrf=$tok" --data "year=2022&format=html" "$BASE/annual/render")
expect_eq "the page renders: 303 to the kept rendering" 303 "$st"
loc=$(header_of "$H.h" Location)
st=$(http_get "$H" -b "$JAR" "$BASE${loc#"$BASE"}")
expect_eq "the HTML opens" 200 "$st"
check "<script> in the template is not markup" bash -c '! grep -q "<script>" "$1"' _ "$H.b"
expect_contains "... but text" "&lt;script&gt;alert(1)&lt;/script&gt;516" "$(cat "$H.b")"
expect_contains "the title escaped too" "<h1>&lt;b&gt;报告&lt;/b&gt;</h1>" "$(cat "$H.b")"

# ---- corrections shown as corrections (issue 11: "a past period's figures never
# move when a record is later corrected"; docs/statistics.md): the kept report
# keeps 原报数, its corrections page shows 更正数 beside it
RID=$(echo "$loc" | sed -E 's#.*/annual/renderings/([0-9]+).*#\1#')
st=$(http_get "$H" -b "$JAR" "$BASE/annual/renderings/$RID/corrections")
expect_eq "corrections page: 200" 200 "$st"
expect_contains "... nothing corrected yet" 'id="no-corrections"' "$(cat "$H.b")"
# a clue's first disposal was typed in the wrong year: corrected to 2023
sql "UPDATE clues SET first_disposed = '2023-01-05' WHERE id = (SELECT min(k.id) FROM clues k
	WHERE k.first_disposed BETWEEN '2022-01-01' AND '2022-12-31' AND EXISTS (SELECT 1 FROM dispositions d
	WHERE d.clue_id = k.id AND d.state = 'approved' AND d.method <> 'transfer'))" >/dev/null
st=$(http_get "$H" -b "$JAR" "$BASE/annual/renderings/$RID/corrections")
expect_eq "after the correction: 200" 200 "$st"
expect_eq "... the figure listed with 原报数 516 and 更正数 515" "516 515" "$(python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<code>\{\{clues_disposed\}\}</code></td><td class=\"num\">([^<]*)</td><td class=\"num\">([^<]*)</td>", t)
print(*(m.groups() if m else ("none",)))' "$H.b")"
st=$(http_get "$H" -b "$JAR" "$BASE${loc#"$BASE"}")
expect_contains "the kept report still says 516" "&lt;/script&gt;516" "$(cat "$H.b")"
expect_eq "an unknown rendering's corrections: 404" 404 \
	"$(http_status -b "$JAR" "$BASE/annual/renderings/999999/corrections")"

stop_server
check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
