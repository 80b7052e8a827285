#!/usr/bin/env bash
# t217_worklog: the work log (工作台账) and the document register (收发文登记),
# issue 15 (docs/architecture.md "The work log and the document register",
# docs/statistics.md "The work log's figures"):
# 1. the catalog: the case manager deactivates a kind (audited
#    activity_kind_edit), which then takes no new entry (422 naming it);
#    another role may not edit the catalog (403);
# 2. quick entry is all or nothing: a grid with one bad row saves no row
#    and names the row (第3行); the same grid corrected saves every row;
# 3. the register: a 绝密 document is refused with a message (绝密 documents
#    are never on a networked system: 《中华人民共和国保守国家秘密法》 and
#    the commission's rule, docs/security.md); a sent document without a
#    number draws one from the pattern sent_doc; a 秘密 entry's title is
#    hidden from an office that did not register it (the list shows the
#    entry without its title, a search by the title finds nothing, the
#    record is 404 and the denial audited) and shown to a leader;
# 4. the demo year: every work log figure of the 2022 report from the
#    records (the annual rendering holds each sentence with its figure,
#    `report --year 2022 --format json` the keys: documents_registered 559,
#    activities with --kind spot_check --category eight_rules 9, ...);
# 5. export and import: the work log, the catalog (a deactivated kind
#    stays deactivated) and the register come back the same in a new
#    database;
# 6. the work log as .xlsx (the list's 导出Excel) opens: its XML parts are
#    well formed and LibreOffice converts it.
# Fails before this change: no /worklog, /regdocs, no activity keys.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users boss:leader inv:investigator || { not_ok "add users"; finish; }
sql "UPDATE users SET office = '案件监督管理室' WHERE name = 'cm'" >/dev/null
sql "UPDATE users SET office = '信访室' WHERE name = 'clerk'" >/dev/null
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"
start_server --attachments "$T_DIR/att" || { not_ok "server"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
CJ=$T_DIR/clerk.jar
expect_eq "the clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
BJ=$T_DIR/boss.jar
expect_eq "the leader logs in" 303 "$(login boss "$PW" "$BJ")"

# ---- 1. the catalog ------------------------------------------------------------
n0=$(audit_count activity_kind_edit)
out=$(api POST /api/worklog/kinds '{"code":"joint_building","name":"与帮扶村党组织共建活动","unit":"次","active":false}')
expect_eq "the case manager deactivates a kind" 200 "$(status "$out")"
expect_eq "... audited" $((n0 + 1)) "$(audit_count activity_kind_edit)"
expect_eq "... its entries stay" 2 "$(sql "SELECT count(*) FROM activities WHERE kind = 'joint_building'")"
out=$(api POST /api/worklog '{"kind":"joint_building","date":"2023-01-05","title":"共建"}')
expect_eq "a deactivated kind takes no new entry" 422 "$(status "$out")"
expect_contains "... saying so" "已停用" "$(body "$out")"
out=$(api POST /api/worklog/kinds '{"code":"reading_club","name":"读书班","unit":"期"}')
expect_eq "a new kind" 200 "$(status "$out")"
out=$(api POST /api/worklog '{"kind":"reading_club","date":"2023-01-06","title":"读书班第一期"}')
expect_eq "... takes entries" 201 "$(status "$out")"
out=$(api POST /api/worklog/kinds '{"code":"x","name":"某类","unit":"次"}' "$CJ")
expect_eq "the intake office may not edit the catalog" 403 "$(status "$out")"

# ---- 2. quick entry, all or nothing ----------------------------------------------
before=$(sql "SELECT count(*) FROM activities")
quick() {
	curl -s -o "$T_DIR/quick.html" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
		--data-urlencode rows=8 \
		--data-urlencode kind_1=consultation --data-urlencode day_1=2023-01-09 --data-urlencode title_1=专题会商 \
		--data-urlencode kind_2=training --data-urlencode day_2=2023-01-10 --data-urlencode participants_2=30 \
		--data-urlencode title_2=专题培训 \
		--data-urlencode "kind_3=$1" --data-urlencode day_3=2023-01-11 --data-urlencode title_3=明察暗访 \
		"$BASE/worklog/quick"
}
expect_eq "a grid with a bad third row is refused" 422 "$(quick nosuchkind)"
check "... naming the row" grep -qF '第3行：请选择活动类别' "$T_DIR/quick.html"
expect_eq "... and saving no row" "$before" "$(sql "SELECT count(*) FROM activities")"
expect_eq "the corrected grid saves" 303 "$(quick spot_check)"
expect_eq "... every row" $((before + 3)) "$(sql "SELECT count(*) FROM activities")"
expect_eq "... with the participants" 30 "$(sql "SELECT participants FROM activities WHERE day = '2023-01-10'")"
out=$(api POST /api/worklog/batch '{"rows":[{"kind":"consultation","date":"2023-02-01","title":"会商"},{"kind":"consultation","date":"2023-02-31","title":"会商"}]}')
expect_eq "the API's batch is all or nothing too" 422 "$(status "$out")"
expect_contains "... naming the row" "第2行" "$(body "$out")"
expect_eq "... nothing saved" 0 "$(sql "SELECT count(*) FROM activities WHERE day >= '2023-02-01'")"

# ---- 3. the register ---------------------------------------------------------------
out=$(api POST /api/regdocs '{"direction":"in","title":"某绝密文件","secrecy":"top_secret","date":"2023-01-05"}')
expect_eq "a 绝密 document is refused" 422 "$(status "$out")"
expect_contains "... with a message" "绝密文件不得在本系统登记" "$(body "$out")"
expect_eq "... and not stored" 0 "$(sql "SELECT count(*) FROM registered_docs WHERE title = '某绝密文件'")"
out=$(api POST /api/regdocs '{"direction":"out","title":"关于开展交叉互检的通知","secrecy":"internal","date":"2023-01-05","counterpart":"各乡镇纪委"}')
expect_eq "a sent document" 201 "$(status "$out")"
D1=$(body "$out" | jget '["id"]')
expect_eq "... numbered from the pattern" "测纪发〔2023〕1号" "$(sql "SELECT number FROM registered_docs WHERE id = $D1")"
expect_contains "the patterns page (编号规则) offers the sent number" "发文文号（收发文登记）" "$(curl -s -b "$JAR" "$BASE/numbers")"
out=$(api POST /api/regdocs '{"direction":"in","number":"省纪〔2023〕3号","title":"关于某案线索的密函","secrecy":"secret","date":"2023-01-06","due":"2023-01-20"}')
expect_eq "a secret received document" 201 "$(status "$out")"
DS=$(body "$out" | jget '["id"]')
list=$(curl -s -b "$CJ" "$BASE/api/regdocs?from=2023-01-01")
expect_eq "another office lists it without its title" "None True" \
	"$(jget "[\"items\"][0][\"title\"], d[\"items\"][0][\"hidden\"]" <<<"$list" | tr -d '(),')"
check "... its page neither" bash -c '! curl -s -b "$1" "$2/regdocs?from=2023-01-01" | grep -qF 关于某案线索的密函' _ "$CJ" "$BASE"
expect_eq "... a search by its title finds nothing" 0 \
	"$(curl -s -b "$CJ" "$BASE/api/regdocs?q=%E5%AF%86%E5%87%BD" | jget '["total"]')"
d0=$(audit_count access_denied "regdoc/$DS")
expect_eq "... its record is 404 (page and API)" "404 404" \
	"$(http_status -b "$CJ" "$BASE/regdocs/$DS") $(http_status -b "$CJ" "$BASE/api/regdocs/$DS")"
expect_eq "... each denial audited" $((d0 + 2)) "$(audit_count access_denied "regdoc/$DS")"
expect_eq "the registering office reads it" 200 "$(status "$(api GET /api/regdocs/$DS)")"
expect_contains "a leader reads its title" "关于某案线索的密函" "$(curl -s -b "$BJ" "$BASE/api/regdocs/$DS")"
# the to-do list (the home page's, /api/notices: every page of it)
todo_has() {
	local p out
	for p in $(seq 1 30); do
		out=$(curl -s -b "$1" "$BASE/api/notices?page=$p")
		grep -q "\"/regdocs/$2\"" <<<"$out" && return 0
		grep -q '"items": *\[\]' <<<"$out" && return 1
	done
	return 1
}
no_todo() { ! todo_has "$@"; }
check "its answer (due 2023-01-20, not filed) is a to-do of its office" todo_has "$JAR" "$DS"
check "... and of a leader" todo_has "$BJ" "$DS"
check "... not of another office" no_todo "$CJ" "$DS"
check "... whose home page does not show the title" bash -c '! curl -s -b "$1" "$2/" | grep -q 关于某案线索的密函' _ "$CJ" "$BASE"
expect_eq "filed, it is no to-do any more" 200 "$(status "$(api POST /api/regdocs/$DS/state '{"state":"filed"}')")"
check "... (gone)" no_todo "$JAR" "$DS"
expect_eq "an internal document is every office's" 200 "$(http_status -b "$CJ" "$BASE/regdocs/$D1")"
make_png "$T_DIR/scan.png" 60 40
up() { curl -s -o /dev/null -w '%{http_code}' -b "$1" -H "X-CSRF-Token: $(csrf_of "$1")" -F "file=@$T_DIR/scan.png" "$BASE$2"; }
expect_eq "the registering office attaches a scan to its secret document" 201 "$(up "$JAR" /api/regdocs/$DS/attachments)"
SA=$(sql "SELECT max(id) FROM attachments WHERE obj_type = 'regdoc' AND obj_id = $DS")
expect_eq "... which another office can neither list, add to nor download (404)" "404 404 404" \
	"$(http_status -b "$CJ" "$BASE/api/regdocs/$DS/attachments") $(up "$CJ" /api/regdocs/$DS/attachments) $(http_status -b "$CJ" "$BASE/attachments/$SA")"
expect_eq "... and a leader downloads" 200 "$(http_status -b "$BJ" "$BASE/attachments/$SA")"
A1=$(sql "SELECT max(id) FROM activities WHERE kind = 'reading_club'")
expect_eq "an activity takes an attachment (the sign-in sheet)" 201 "$(up "$CJ" /api/worklog/$A1/attachments)"
check "... shown on its page" grep -q 'scan.png' <(curl -s -b "$JAR" "$BASE/worklog/$A1")

# ---- 4. the demo year's figures ------------------------------------------------------
run_cli report --year 2022 --format json
fig() { jget "[\"metrics\"]" <<<"$1" | python3 -c "import ast,sys; print([m['display'] for m in ast.literal_eval(sys.stdin.read()) if m['key'] == '$2'][0])"; }
expect_eq "综合办公平台收发文559件" 559 "$(fig "$OUT" documents_registered)"
run_cli report --year 2022 --format json --kind spot_check --category eight_rules
expect_eq "机关作风明察暗访9次 (kind and category)" 9 "$(fig "$OUT" activities)"
run_cli report --year 2022 --format json --kind study_first_topic+study_group+training+theory_test
expect_eq "累计参学人员953人次 (four kinds' participants)" 953 "$(fig "$OUT" activity_participants)"
st=$(curl -s -b "$BJ" "$BASE/api/statistics?year=2022&kind=cross_check&campaign_id=$(sql "SELECT id FROM campaigns WHERE name = '疫情防控监督检查'")")
expect_eq "the statistics API's kind member: 与兄弟县交叉互检7次" "7 cross_check" \
	"$(fig "$st" activities) $(jget '["scope"]["activity_kind"]' <<<"$st")"
expect_contains "the statistics page offers the kind" 'name="kind"' "$(curl -s -b "$BJ" "$BASE/statistics?year=2022")"
expect_eq "a kind the catalog does not hold is refused" 422 \
	"$(http_status -b "$BJ" "$BASE/api/statistics?year=2022&kind=no_such_kind")"
run_cli report --annual --year 2022 --format text --out "$T_DIR/annual.txt"
expect_eq "the annual report renders" 0 "$RC"
missing=$(python3 - "$T_DIR/annual.txt" <<'PY'
import sys
t = open(sys.argv[1]).read()
want = ["落实第一议题制度学习30次，组织集中学习28次，专题培训12次，开展理论知识测试9次，累计参学人员953人次",
 "开展政治监督6次，开展专题会商52次", "召开市委巡察工作领导小组会议4次、省提级巡察反馈会2次，向市委主要领导汇报巡察工作2次",
 "制发“两函一书”100份", "汇总反馈问题整改推进情况4次", "发放《谈话纪实手册》106本", "制发督查专报74期",
 "制发典型案例通报4期", "与兄弟县交叉互检7次", "开展明察暗访12次", "制发纪律要求5次，组织开展机关作风明察暗访9次",
 "承诺书230份", "“四风”等情况开展交叉互检5次", "通报典型案例5期", "开展监督检查14次", "与检察机关开展研判会议3次",
 "编发《审查调查安全学习资料合订本》34份，全系统集中培训6次，专题测试14次。迎接省、省案件监督管理部门检查4次，委机关班子成员实地检查所包保乡镇纪委谈话点安全32次",
 "参与研讨114人，收集并向上级案件管理部门报送发言提纲26份", "执行领导首谈制度23次，开展安全首课62次，参与197人次",
 "《漫画说纪》200册，通报各类典型违纪违法案例4期，编写警示教育学习资料4期", "宣传警示教育5场3000人次",
 "开展廉洁文化“进乡村”活动24次", "等活动4场次，参与人数1000人次",
 "开展专题座谈会5次、实地走访11次。各派驻机构共参加驻在单位各类会议184次，开展会商62次", "开展访谈1200人次",
 "召开班子会议进行专题研究6次", "综合办公平台收发文559件", "使用管理承诺书87份", "网络安全检查7次",
 "组织参加上级线上培训14期，举办“业务大讲堂”3期，开展“每周一测”、基本业务+测试共51期", "深入开展研讨11次",
 "开展领导干部“走流程”73人次", "撰写相关调研报告9篇",
 "编撰纪检监察信息107篇，其中，在省市内网网刊及专刊发表17篇，在中央、省、市门户网站发表11篇，在学习强国、人民网、极光新闻等各大知名平台发表7篇",
 "观看专题警示教育片5次", "违规过问案件承诺书》等291份", "开展主题党日活动4次，与帮扶村党组织开展共建活动2次"]
print(len(want), sum(w not in t for w in want))
PY
)
expect_eq "every one of the 37 work log sentences of the 2022 report, its figures from the records" "37 0" "$missing"
expect_eq "... none left as a placeholder" 0 "$(grep -c '{{' "$T_DIR/annual.txt")"

# ---- 5. export and import -------------------------------------------------------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"
expect_eq "export" 0 "$RC"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "import into a new database" 0 "$RC"
q1="SELECT count(*), sum(count), sum(participants) FROM activities"
q2="SELECT count(*), sum(CASE WHEN secrecy IN ('secret', 'confidential') THEN 1 ELSE 0 END) FROM registered_docs"
q3="SELECT active FROM activity_kinds WHERE code = 'joint_building'"
expect_eq "the activities come back" "$(sql "$q1")" "$(DB=$DB2 sql "$q1")"
expect_eq "the register comes back" "$(sql "$q2")" "$(DB=$DB2 sql "$q2")"
expect_eq "the deactivated kind stays deactivated" "0 0" "$(sql "$q3") $(DB=$DB2 sql "$q3")"
expect_eq "the new kind comes too" 1 "$(DB=$DB2 sql "SELECT count(*) FROM activity_kinds WHERE code = 'reading_club'")"
run_cli report --year 2022 --format json --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "... and the figures with them" 559 "$(fig "$OUT" documents_registered)"

# ---- 6. the work log as .xlsx --------------------------------------------------------
expect_eq "the work log exports" 200 \
	"$(http_get "$T_DIR/x" -b "$JAR" "$BASE/worklog?from=2022-01-01&to=2022-12-31&kind=spot_check&format=xlsx")"
mkdir -p "$T_DIR/xz" && (cd "$T_DIR/xz" && unzip -q ../x.b)
check "... as a workbook" test -s "$T_DIR/xz/xl/workbook.xml"
rows=$(python3 tests/http/xlsx_rows.py "$T_DIR/x.b" 2>/dev/null | grep -c '明察暗访' || true)
expect_eq "... holding the 21 spot checks of 2022" 21 "$rows"
if office_tools --sqlite soffice xmllint; then
	expect_eq "its XML parts are well formed" "" "$(xml_parts_bad "$T_DIR/xz")"
	cp "$T_DIR/x.b" "$T_DIR/worklog.xlsx"
	lo_convert csv "$T_DIR" "$T_DIR/worklog.xlsx"
	check "LibreOffice converts it" test -s "$T_DIR/worklog.csv"
fi
# ---- 7. 0060's rule for a commission's template (as 0050's, t205) ----------------------
# the template part of 0060 run again on a database where version 1 holds the 2022 text
# (the placeholders put back to the figures) and a kept rendering used it, with one
# fragment edited by the commission: a new version with the placeholders, version 1 kept,
# the edited fragment left as the commission wrote it
MIG=src/store/migrations/0060_worklog.sql
python3 - "$MIG" "$T_DIR" <<'PY'
import re, sys
m = open(sys.argv[1]).read()
part = m[m.index('-- The annual template:'):]
pairs = re.findall(r"replace\(body,\n\t'((?:[^']|'')*)',\n\t'((?:[^']|'')*)'\)", part)
q = lambda s: "'" + s.replace("'", "''") + "'"
undo = ''.join("UPDATE annual_templates SET body = replace(body, %s, %s) WHERE version = 1;\n" % (q(n.replace("''", "'")), q(o.replace("''", "'"))) for o, n in pairs)
open(sys.argv[2] + '/undo.sql', 'w').write(undo)
open(sys.argv[2] + '/redo.sql', 'w').write(''.join(l for l in part.splitlines(True) if not l.startswith('--')))
print(len(pairs), file=open(sys.argv[2] + '/pairs.txt', 'w'))
PY
expect_eq "0060 holds 37 fragments" 37 "$(cat "$T_DIR/pairs.txt")"
sql "DELETE FROM annual_renderings" >/dev/null
sql "DELETE FROM annual_templates WHERE version > 1" >/dev/null
sql "$(cat "$T_DIR/undo.sql")" >/dev/null
expect_contains "version 1 put back to the 2022 text" "制发督查专报74期" "$(sql "SELECT body FROM annual_templates WHERE version = 1")"
sql "UPDATE annual_templates SET body = replace(body, '开展访谈1200人次', '开展访谈1300人次') WHERE version = 1" >/dev/null
sql "INSERT INTO annual_renderings(template_version, year, format, figures, author, created_at) VALUES (1, 2022, 'text', '[]', 'cm', 0)" >/dev/null
V1=$(sql "SELECT body FROM annual_templates WHERE version = 1" | sha256sum)
sql "$(cat "$T_DIR/redo.sql")" >/dev/null
expect_eq "a new version made" "2 系统（工作台账、收发文数字改为占位符）" \
	"$(sql "SELECT max(version) FROM annual_templates") $(sql "SELECT author FROM annual_templates WHERE version = 2")"
expect_eq "... version 1 (used by a kept rendering) unchanged" "$V1" "$(sql "SELECT body FROM annual_templates WHERE version = 1" | sha256sum)"
V2=$(sql "SELECT body FROM annual_templates WHERE version = 2")
expect_contains "... the new version with the placeholders" "制发督查专报{{activities|kind=supervision_bulletin,campaign=疫情防控监督检查}}期" "$V2"
expect_contains "... the commission's own edit kept" "开展访谈1300人次" "$V2"
sql "$(cat "$T_DIR/redo.sql")" >/dev/null
expect_eq "run again: nothing more (the newest has no fragment left)" 2 "$(sql "SELECT max(version) FROM annual_templates")"
check "the server's log is clean" server_clean
finish
