#!/usr/bin/env bash
# t222_year_report: `qingfeng report --year 2022 --format docx` is the 2022
# report (issue 15: "on the demo database is the 2022 report with every
# counted figure filled from records"; docs/statistics.md "The year's
# report"):
#  - a whole year of the whole commission in docx is one .docx: the annual
#    report rendered from the current template, exactly the body that
#    `report --annual --year 2022 --format docx` writes and kept as a
#    rendering the same way (audited annual_render; the kept rendering
#    reproduces the report), then 附表：2022年度统计数据 on a new page with
#    the statistics table of issue 11;
#  - the report's sentences carry the demo year's figures (516, 184,
#    93.48%, 583, 98.5%, 373, 1809, 57: those of t174 and the 2022 report,
#    ../shared/reference/annual-report-2022.txt) and no placeholder is left;
#  - word/document.xml is well formed and LibreOffice converts the file to
#    PDF with the report and the appendix in it (SQLite pass, as t174);
#  - --table, a quarter or a scope member writes the table alone, as
#    before, and keeps no rendering;
#  - without a template version: exit 1 and a Chinese message naming the
#    way out (--template, --table), no file written; --table still works.
# The figures are those of DOMAIN.md section 6 (t160, t162, t174); no
# regulation article governs the document's assembly, its appendix
# follows GB/T 9704-2012 chapter 8 (附件: another page, the label first).
# Fails before this change: the docx of a whole year is the table alone.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"

# text_of DOCX: the text of word/document.xml's runs, after checking the
# part is well formed (python3's XML parser); "BAD XML" when it is not
text_of() {
	python3 - "$1" <<'EOF'
import re, sys, zipfile, xml.dom.minidom
s = zipfile.ZipFile(sys.argv[1]).read("word/document.xml")
try:
    xml.dom.minidom.parseString(s)
except Exception as e:
    print("BAD XML", e)
    sys.exit(0)
print("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", s.decode("utf-8"))))
EOF
}
# body_of DOCX: word/document.xml between <w:body> and <w:sectPr>
body_of() {
	python3 -c '
import sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")
print(s[s.index("<w:body>") + 8:s.index("<w:sectPr>")])' "$1"
}
SENTENCE="处置违纪违法问题线索516件，立案184件，结案172件，结案率93.48%，给予党纪政务处分175人，留置2人；运用监督执纪“四种形态”处理583人"
TITLE=测试市纪委监委2022年度监督执纪统计表

# ---- the year's report -------------------------------------------------------------------
run_cli report --year 2022 --format docx --out "$T_DIR/r.docx"
expect_eq "report --year 2022 --format docx exits 0" 0 "$RC"
expect_contains "the report is kept and named" "年度报告已生成并留存，编号 1" "$ERR"
check "it unzips" bash -c 'python3 -m zipfile -t "$1" >/dev/null' _ "$T_DIR/r.docx"
T=$(text_of "$T_DIR/r.docx")
check "word/document.xml is well formed" test -n "$T" -a "${T#BAD XML}" = "$T"
expect_contains "the report's title" "青枫市纪委监委2022年工作情况报告" "$T"
expect_contains "the cases' sentence: 516, 184, 93.48%, 583" "$SENTENCE" "$T"
expect_contains "the ratings: 98.5%" "线上群众评价4950条，其中五星好评4875条，好评率98.5%" "$T"
expect_contains "the first round's problems: 373" "共发现35个基层党组织各类问题373个" "$T"
expect_contains "the opinion replies: 1809 and 57" "向组织部门出具1809名干部党风廉政意见回复57份" "$T"
check "no placeholder left" test "${T/\{\{/}" = "$T"
expect_contains "the appendix's label" "附表：2022年度统计数据" "$T"
expect_contains "the appendix: the table's title" "附表：2022年度统计数据$TITLE" "$T"
expect_contains "the appendix: the table's figures" "处置问题线索516" "$T"
check "the appendix after the report" python3 -c '
import sys; t = sys.argv[1]; sys.exit(not (0 <= t.index(sys.argv[2]) < t.index("附表：2022年度统计数据")))' "$T" "$SENTENCE"
check "the appendix on a new page" grep -q 'pageBreakBefore/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="黑体"' \
	<(unzip -p "$T_DIR/r.docx" word/document.xml)

# the report is exactly what --annual writes, kept the same way
expect_eq "kept as a docx rendering of the year" "2022|docx" "$(sql "SELECT year || '|' || format FROM annual_renderings")"
expect_eq "the rendering audited" 1 "$(audit_count annual_render annual_rendering/1)"
run_cli report --annual --year 2022 --format docx --out "$T_DIR/a.docx"
expect_eq "report --annual --year 2022 --format docx exits 0" 0 "$RC"
A=$(body_of "$T_DIR/a.docx") R=$(body_of "$T_DIR/r.docx")
check "the report's body is --annual's, the appendix after it" test -n "$A" -a "${R#"$A"}" != "$R"
check "... and something follows it" test "${#R}" -gt "$((${#A} + 1000))"
run_cli report --annual --rendering 1 --format docx --out "$T_DIR/k.docx"
check "the kept rendering reproduces the report" cmp -s "$T_DIR/k.docx" "$T_DIR/a.docx"
run_cli report --annual --rendering 1 --out "$T_DIR/k2.docx"
check "... without --format, in the rendering's own format (docx)" cmp -s "$T_DIR/k2.docx" "$T_DIR/a.docx"

if office_tools --sqlite soffice pdftotext; then
	lo_convert pdf "$T_DIR" "$T_DIR/r.docx"
	check "LibreOffice converts it to PDF" test -s "$T_DIR/r.pdf"
	P=$(pdftotext "$T_DIR/r.pdf" - 2>/dev/null | tr -d ' \n')
	expect_contains "the PDF: the report's figures" "结案率93.48%" "$P"
	expect_contains "the PDF: the appendix" "附表：2022年度统计数据$TITLE" "$P"
fi

# ---- the table alone -------------------------------------------------------------------
kept() { sql "SELECT count(*) FROM annual_renderings"; }
run_cli report --year 2022 --format docx --table --out "$T_DIR/t.docx"
expect_eq "--table exits 0" 0 "$RC"
T=$(text_of "$T_DIR/t.docx")
expect_contains "--table: the table" "${TITLE}统计期间" "$T"
expect_contains "... its figures" "处置问题线索516" "$T"
check "... no report sentence, no appendix label" test "${T/处置违纪违法问题线索/}" = "$T" -a "${T/附表/}" = "$T"
run_cli report --year 2022 --quarter 1 --format docx --out "$T_DIR/q.docx"
expect_eq "--quarter 1 exits 0" 0 "$RC"
T=$(text_of "$T_DIR/q.docx")
expect_contains "a quarter: the table alone" "测试市纪委监委2022年第一季度监督执纪统计表统计期间" "$T"
check "... no report sentence, no appendix label" test "${T/处置违纪违法问题线索/}" = "$T" -a "${T/附表/}" = "$T"
run_cli report --year 2022 --key-persons --format docx --out "$T_DIR/s.docx"
expect_eq "a scope member exits 0" 0 "$RC"
T=$(text_of "$T_DIR/s.docx")
expect_contains "a scope: the table alone" "统计范围：一把手和领导班子及科级干部" "$T"
check "... no report sentence" test "${T/处置违纪违法问题线索/}" = "$T"
expect_eq "none of them kept a rendering (1 and --annual's 2)" 2 "$(kept)"

# ---- no template version ---------------------------------------------------------------
sql "DELETE FROM annual_renderings" >/dev/null
sql "DELETE FROM annual_templates" >/dev/null
rm -f "$T_DIR/n.docx"
run_cli report --year 2022 --format docx --out "$T_DIR/n.docx"
expect_eq "no template: exit 1" 1 "$RC"
expect_contains "... saying so in Chinese, with the way out" \
	"尚无年度报告模板：先用 qingfeng report --annual --template FILE 保存一版，或加 --table 只写统计表" "$ERR"
check "... and no file written" test ! -e "$T_DIR/n.docx"
run_cli report --year 2022 --format docx --table --out "$T_DIR/n.docx"
expect_eq "... --table still writes the table" "0 PK" "$RC $(head -c 2 "$T_DIR/n.docx")"
check "no sanitizer report" cli_clean
finish
