#!/usr/bin/env bash
# t219_problem_checks: the 2022 report's last literal problem counts from
# records (issue 15, fig15; migration 0062; docs/statistics.md "The
# rectification ledger", the definitions of problems_found and
# problems_rectified with kind=):
# 1. the catalog ships the kinds 群众评议会 (mass_appraisal), 案件质量评查
#    (case_review) and 配合上级案件质量评查 (case_review_upper);
# 2. on a small hand-made year (2023, not the demo) problems_found and
#    problems_rectified scoped by those kinds and by resident_consultation
#    count the problems their entries found: a problem without an activity
#    never counts under a kind (a 群众评议 problem entered without its
#    meeting), nor one another kind found (a resident-source problem found
#    at a resident_meeting is not the consultations'; the self review's
#    problem is not the province review's), nor one of another year; the
#    list behind each figure (/api/statistics' list, the ledger filtered by
#    kind and period) holds as many rows as the figure;
# 3. a problem's nature (性质, 共性/个性): the API and the form take it, a
#    wrong code is refused, the list filters by it, and problems_common /
#    problems_individual count it (a problem without one in neither);
# 4. the demo year's annual report prints the exact sentences with 13, 27,
#    26, 13 and 14, the template holding 0062's placeholders.
# Fails before 0062: the kinds do not exist (kind= refused), no nature,
# the template's sentences are text.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server

# ---- 1. the catalog -------------------------------------------------------------------
K=$(body "$(api GET /api/worklog/kinds)")
for code in mass_appraisal case_review case_review_upper; do
	check "the catalog holds $code" grep -qF "\"$code\"" <<<"$K"
done
expect_eq "... 群众评议会 by name" 1 "$(sql "SELECT count(*) FROM activity_kinds WHERE code = 'mass_appraisal' AND name = '群众评议会'")"

# ---- 2. the keys on a hand-made year --------------------------------------------------
UA=$(new_unit 甲局 department) UB=$(new_unit 乙镇 township)
# activity KIND DAY TITLE: the new entry's id
activity() {
	body "$(api POST /api/worklog "{\"kind\":\"$1\",\"date\":\"$2\",\"title\":\"$3\"}")" | jget '["id"]'
}
AM=$(activity mass_appraisal 2023-06-28 "群众评议会")
AR=$(activity resident_consultation 2023-03-01 "派驻机构会商")
AE=$(activity resident_meeting 2023-03-02 "参加驻在单位会议")
AS=$(activity case_review 2023-01-20 "案件质量评查自查")
AU=$(activity case_review_upper 2023-09-20 "配合省纪委监委评查")
check "five activities" test -n "$AM" -a -n "$AR" -a -n "$AE" -a -n "$AS" -a -n "$AU"

# problem UNIT SOURCE ACTIVITY|- FOUND SUMMARY: the new problem's id
problem() {
	local act=""
	[ "$3" != - ] && act=",\"activity_id\":$3"
	body "$(api POST /api/problems "{\"unit_id\":$1,\"source\":\"$2\"$act,\"summary\":\"$5\",\"found\":\"$4\",\"deadline\":\"2023-12-31\"}")" | jget '["id"]'
}
rectify() { sql "UPDATE problems SET state = 'rectified', rectified = '$2', measures = '已整改' WHERE id = $1" >/dev/null; }
problem "$UA" other "$AM" 2023-07-03 "窗口服务事项办理时限过长" >/dev/null
problem "$UB" other "$AM" 2023-07-04 "便民服务热线接通率低" >/dev/null
problem "$UA" other - 2023-07-05 "群众评议问题（未登记评议会）" >/dev/null
problem "$UA" resident "$AR" 2023-03-02 "公务接待管理不规范" >/dev/null
PR=$(problem "$UB" resident "$AR" 2023-03-05 "财务报销审核把关不严")
rectify "$PR" 2023-04-01
problem "$UA" resident "$AE" 2023-03-03 "驻在单位会议发现的问题" >/dev/null
problem "$UA" resident - 2023-05-01 "派驻问题（未登记会商）" >/dev/null
PS=$(problem "$UA" case_review "$AS" 2023-02-01 "共性问题：文书格式不统一")
rectify "$PS" 2023-03-01
PU=$(problem "$UB" case_review "$AU" 2023-10-08 "评查反馈：证据材料收集不完整")
rectify "$PU" 2023-10-20
problem "$UB" case_review "$AU" 2023-10-09 "评查反馈：归档不规范" >/dev/null
problem "$UA" case_review "$AU" 2022-12-30 "上一年度的评查问题" >/dev/null
expect_eq "eleven problems" 11 "$(sql "SELECT count(*) FROM problems")"

# metric KEY [report options]: the key's value for 2023
metric() { report_value "$1" --year 2023 "${@:2}"; }
expect_eq "problems_found 2023 unscoped: all but last year's" 10 "$(metric problems_found)"
expect_eq "kind=mass_appraisal: the meeting's two (not the one entered without it)" 2 \
	"$(metric problems_found --kind mass_appraisal)"
expect_eq "kind=resident_consultation: the consultation's two (not the meeting's, not the one without an activity)" 2 \
	"$(metric problems_found --kind resident_consultation)"
expect_eq "... problems_rectified: one" 1 "$(metric problems_rectified --kind resident_consultation)"
expect_eq "kind=case_review: the self review's one (not the province's)" 1 "$(metric problems_found --kind case_review)"
expect_eq "kind=case_review_upper found: two of 2023 (not 2022's)" 2 "$(metric problems_found --kind case_review_upper)"
expect_eq "... problems_rectified (承接并完成评查反馈问题整改): one" 1 "$(metric problems_rectified --kind case_review_upper)"

# the list behind a figure: /api/statistics' list, read through the API, holds the figure's rows
# list_total KIND KEY: the figure and the total of its list, "V T"
list_total() {
	local s url
	s=$(body "$(api GET "/api/statistics?from=2023-01-01&to=2023-12-31&kind=$1")")
	url=$(printf '%s' "$s" | python3 -c "import json,sys; print([m['list'] for m in json.load(sys.stdin)['metrics'] if m['key'] == '$2'][0] or '')")
	printf '%s ' "$(printf '%s' "$s" | python3 -c "import json,sys; print([m['value'] for m in json.load(sys.stdin)['metrics'] if m['key'] == '$2'][0])")"
	case "$url" in
	/problems\?*kind=$1*) body "$(api GET "/api$url")" | jget '["total"]' ;;
	*) echo "no list: $url" ;;
	esac
}
expect_eq "群众评议会: figure and list" "2 2" "$(list_total mass_appraisal problems_found)"
expect_eq "派驻 会商: figure and list" "2 2" "$(list_total resident_consultation problems_found)"
expect_eq "评查反馈 rectified: figure and list" "1 1" "$(list_total case_review_upper problems_rectified)"

# ---- 3. the nature of a problem ---------------------------------------------------------
# nproblem NATURE SUMMARY: a problem of the self review with that nature: its id, or the status
nproblem() {
	local r
	r=$(api POST /api/problems "{\"unit_id\":$UA,\"source\":\"case_review\",\"activity_id\":$AS,\"nature\":\"$1\",\"summary\":\"$2\",\"found\":\"2023-02-02\",\"deadline\":\"2023-12-31\"}")
	[ "$(status "$r")" = 201 ] && body "$r" | jget '["id"]' || status "$r"
}
PC=$(nproblem common "证据材料收集不完整")
nproblem common "审理报告表述不准确" >/dev/null
nproblem individual "某案处分决定送达程序不规范" >/dev/null
expect_eq "the API stores a nature and answers it" "common" "$(body "$(api GET "/api/problems/$PC")" | jget '["nature"]')"
expect_eq "... none recorded answers null" None "$(body "$(api GET "/api/problems/$PS")" | jget '["nature"]')"
expect_eq "a wrong nature: refused (422)" 422 "$(nproblem serious "x")"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
	--data-urlencode "unit_id=$UB" --data-urlencode "source=case_review" --data-urlencode "summary=卷宗归档不规范" \
	--data-urlencode "found=2023-02-03" --data-urlencode "deadline=2023-05-31" --data-urlencode "activity_id=$AS" \
	--data-urlencode "nature=individual" "$BASE/problems")
expect_eq "the page form takes one: 303" 303 "$st"
expect_eq "... stored" individual "$(sql "SELECT nature FROM problems WHERE summary = '卷宗归档不规范'")"
expect_eq "the form offers it" 200 "$(http_get "$T_DIR/f" -b "$JAR" "$BASE/problems/new")"
check "... 问题性质 with 共性问题" grep -qF '共性问题' "$T_DIR/f.b"
expect_eq "the ledger filtered by nature=individual" 2 \
	"$(body "$(api GET "/api/problems?nature=individual")" | jget '["total"]')"
expect_eq "the list page filtered by nature=individual" 200 \
	"$(http_get "$T_DIR/ln" -b "$JAR" "$BASE/problems?nature=individual")"
check "... shows the 问题性质 column with 个性问题 in its rows" \
	python3 -c 'import sys,re; b=open(sys.argv[1]).read(); sys.exit(not ("<th>问题性质</th>" in b or re.search(r"<th[^>]*>问题性质</th>", b)) or b.count("<td>个性问题</td>") != 2)' "$T_DIR/ln.b"
http_get "$T_DIR/lx" -b "$JAR" "$BASE/problems?nature=individual&format=xlsx" >/dev/null
cp "$T_DIR/lx.b" "$T_DIR/lx.xlsx"
check "... and its Excel export has the column too" grep -qF '问题性质' <(python3 tests/http/xlsx_rows.py "$T_DIR/lx.xlsx" 1)
expect_eq "problems_common kind=case_review: two (not the one without a nature)" 2 \
	"$(metric problems_common --kind case_review)"
expect_eq "problems_individual kind=case_review" 2 "$(metric problems_individual --kind case_review)"
expect_eq "problems_found kind=case_review: all five" 5 "$(metric problems_found --kind case_review)"
expect_eq "个性问题: figure and list" "2 2" "$(list_total case_review problems_individual)"

# ---- 3b. 0062's template part on a database whose version 1 a kept rendering used ---------
# (version 1 put back to the 2022 text; 0050's rule: a new version by the system, version 1
# unchanged, nothing more on a second run)
undo() { sql "UPDATE annual_templates SET body = replace(body, '$1', '$2') WHERE version = 1" >/dev/null; }
undo '推动涉及民生问题整改{{problems_found|kind=mass_appraisal}}个' '推动涉及民生问题整改13个'
undo '跟踪整改问题{{problems_found|kind=resident_consultation}}个' '跟踪整改问题27个'
undo '承接并完成评查反馈问题整改{{problems_rectified|kind=case_review_upper}}个' '承接并完成评查反馈问题整改14个'
undo '发现共性问题{{problems_common|kind=case_review}}个、个性问题{{problems_individual|kind=case_review}}个' '发现共性问题26个、个性问题13个'
expect_contains "version 1 put back to the 2022 text" "跟踪整改问题27个" "$(sql "SELECT body FROM annual_templates WHERE version = 1")"
sql "INSERT INTO annual_renderings(template_version, year, format, figures, author, created_at) VALUES (1, 2022, 'text', '[]', 'cm', 0)" >/dev/null
V1=$(sql "SELECT body FROM annual_templates WHERE version = 1" | sha256sum)
REDO=$(sed -n '/^-- The annual template:/,$p' src/store/migrations/0062_problem_checks.sql | grep -v '^--')
sql "$REDO" >/dev/null
expect_eq "a new version made" "2 系统（评议评查派驻整改问题数字改为占位符）" \
	"$(sql "SELECT max(version) FROM annual_templates") $(sql "SELECT author FROM annual_templates WHERE version = 2")"
expect_eq "... version 1 unchanged" "$V1" "$(sql "SELECT body FROM annual_templates WHERE version = 1" | sha256sum)"
expect_eq "... the new version holds the five placeholders" 5 \
	"$(sql "SELECT body FROM annual_templates WHERE version = 2" | grep -oE '\{\{problems_(found\|kind=mass_appraisal|found\|kind=resident_consultation|rectified\|kind=case_review_upper|common\|kind=case_review|individual\|kind=case_review)\}\}' | wc -l)"
sql "$REDO" >/dev/null
expect_eq "run again: nothing more" 2 "$(sql "SELECT max(version) FROM annual_templates")"

# ---- 4. the demo year's report -------------------------------------------------------
if [ "$BACKEND" = pg ]; then DB3=$(pg_newdb demo); else DB3=$T_DIR/demo.db; fi
"$QF_BIN" init --db "$DB3" --key "$T_DIR/demo.key" --region 230100 >/dev/null
run_cli demo --year 2022 --db "$DB3" --key "$T_DIR/demo.key"
expect_eq "the demo year imports" 0 "$RC"
run_cli report --annual --year 2022 --format text --db "$DB3" --key "$T_DIR/demo.key" --out "$T_DIR/annual.txt"
expect_eq "the annual report renders" 0 "$RC"
A=$(cat "$T_DIR/annual.txt")
expect_contains "群众评议会 推动涉及民生问题整改13个" "以“辣味”评议和“立体”监督形式，推动涉及民生问题整改13个，倒逼" "$A"
expect_contains "派驻机构 跟踪整改问题27个" "开展会商62次，与班子成员及重点岗位人员谈心谈话67人次，跟踪整改问题27个，" "$A"
expect_contains "案件质量评查 共性问题26个、个性问题13个" "发现共性问题26个、个性问题13个，现已全部完成整改" "$A"
expect_contains "承接并完成评查反馈问题整改14个" "审理卷评查工作，承接并完成评查反馈问题整改14个。" "$A"
expect_eq "... none left as a placeholder" 0 "$(grep -c '{{' "$T_DIR/annual.txt")"
T=$(DB=$DB3 sql "SELECT body FROM annual_templates ORDER BY version DESC LIMIT 1")
check "the template: 群众评议会 a placeholder" grep -qF '推动涉及民生问题整改{{problems_found|kind=mass_appraisal}}个' <<<"$T"
check "... 派驻 跟踪整改" grep -qF '跟踪整改问题{{problems_found|kind=resident_consultation}}个' <<<"$T"
check "... 评查反馈 (rectified)" grep -qF '评查反馈问题整改{{problems_rectified|kind=case_review_upper}}个' <<<"$T"
check "... 共性、个性" grep -qF '发现共性问题{{problems_common|kind=case_review}}个、个性问题{{problems_individual|kind=case_review}}个' <<<"$T"
expect_eq "demo: the self review found 39, 26 common and 13 individual" "39|26|13" \
	"$(DB=$DB3 sql "SELECT count(*) || '|' || sum(CASE WHEN p.nature = 'common' THEN 1 ELSE 0 END) || '|' || sum(CASE WHEN p.nature = 'individual' THEN 1 ELSE 0 END) FROM problems p JOIN activities a ON a.id = p.activity_id WHERE a.kind = 'case_review'")"
check "no sanitizer report" cli_clean
finish
