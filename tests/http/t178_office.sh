#!/usr/bin/env bash
# t178_office: the .docx and .xlsx writers (src/office/) as the offices
# will meet them, through LibreOffice headless, the converter this machine
# has in place of Word and WPS (../shared/design/DOCUMENTS.md: "the test is
# that Word, WPS and LibreOffice open it without a repair prompt").
#
# The unit tests test_docx and test_xlsx write their sample files into
# $QF_OFFICE_OUT; this script then checks:
#  - every XML part of both files is well formed (xmllint);
#  - the .docx converts to PDF: A4 pages (GB/T 9704-2012 5.2.1), the page
#    that the 30-line paragraph fills holds 22 lines of 28 characters
#    (GB/T 9704 5.2.2, "每面排22行，每行排28个字"), the title, the document
#    number and the date in numerals are there, the page numbers stand on
#    the outside edge (odd right, even left: GB/T 9704 7.5), the named
#    faces were replaced by the stand-ins of dist/fontconfig (a Song face
#    for 仿宋 and 小标宋, a Kai face for 楷体, a Hei face for 黑体);
#  - the .xlsx opens: its first sheet converted to CSV, cells as shown,
#    equals the expected lines: title, subtitle, header, numbers with their
#    formats (#,##0.00, yyyy-mm-dd, 0.00%) and "=1+1" kept as text, not
#    computed (docs/security.md, "Spreadsheet export").
# No database is involved: on the PostgreSQL pass it prints one skip line.
# On a developer machine without soffice it skips with the reason; in CI
# (CI=true) a missing soffice is a failure: scripts/install-deps test
# installs it.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

if [ "$BACKEND" = pg ]; then
	ok "# SKIP no database involved: the writers were checked on the SQLite pass"
	finish
fi
for tool in soffice xmllint pdfinfo pdftotext pdffonts; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		if [ -n "${CI:-}" ]; then
			not_ok "$tool not installed (scripts/install-deps test installs it)"
		else
			ok "# SKIP $tool not installed: run scripts/install-deps test (LibreOffice, poppler-utils, libxml2-utils)"
		fi
		finish
	fi
done

OUT=$T_DIR/out
mkdir -p "$OUT"
for t in test_docx test_xlsx; do
	if [ ! -x "build/san/tests/$t" ]; then
		not_ok "build/san/tests/$t missing (make build/san/tests/$t)"
		finish
	fi
	QF_OFFICE_OUT=$OUT "build/san/tests/$t" >"$T_DIR/$t.log" 2>&1
	check "$t wrote its sample" test -s "$OUT/sample.${t#test_}"
done

# every XML part well formed
for f in sample.docx sample.xlsx; do
	bad=""
	python3 -m zipfile -e "$OUT/$f" "$T_DIR/unz-$f"
	n=0
	while IFS= read -r part; do
		n=$((n + 1))
		xmllint --noout "$part" 2>>"$T_DIR/xmllint.log" || bad="$bad ${part#$T_DIR/}"
	done < <(find "$T_DIR/unz-$f" -type f \( -name '*.xml' -o -name '*.rels' \))
	expect_eq "$f: its $n XML parts well formed" "" "$bad"
done

# one LibreOffice profile of its own, so parallel runs do not share one;
# a conversion that hangs is cut after 3 minutes
LO=(timeout 180 soffice -env:UserInstallation=file://$T_DIR/lo --headless)
# the stand-in faces of dist/fontconfig (宋体 and 仿宋 -> AR PL UMing, 楷体 ->
# AR PL UKai, 黑体 -> WenQuanYi Micro Hei), as a server converting documents
# installs them
cat >"$T_DIR/fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <include ignore_missing="no">$PWD/dist/fontconfig/65-qingfeng-gbt9704.conf</include>
</fontconfig>
EOF
export FONTCONFIG_FILE=$T_DIR/fonts.conf
t0=$(date +%s%N)
"${LO[@]}" --convert-to pdf --outdir "$OUT" "$OUT/sample.docx" >"$T_DIR/soffice.log" 2>&1
t1=$(date +%s%N)
check "the .docx converts to PDF ($(( (t1 - t0) / 1000000 )) ms)" test -s "$OUT/sample.pdf"
pdfinfo "$OUT/sample.pdf" >"$T_DIR/pdfinfo" 2>&1
expect_eq "A4 pages" "595.3 x 841.89 pts (A4)" \
	"$(sed -n 's/^Page size: *\(595\.3\)[0-9]* x \(841\.89\) pts (A4)$/\1 x \2 pts (A4)/p' "$T_DIR/pdfinfo")"
expect_eq "four pages" 4 "$(sed -n 's/^Pages: *//p' "$T_DIR/pdfinfo")"
# pdftotext puts a space between Latin and Chinese runs: compare without
text=$(pdftotext -layout "$OUT/sample.pdf" - 2>/dev/null | tr -d ' ')
expect_contains "the title" "关于2022年全县纪检监察工作" "$text"
expect_contains "the document number" "X纪发〔2022〕12号" "$text"
expect_contains "the date in numerals" "2022年12月31日" "$text"
expect_contains "the record (版记)" "抄送：县委办公室，" "$text"
expect_contains "the printing date" "2023年1月4日印发" "$text"
expect_contains "the headings numbered" "（一）线索处置" "$text"
expect_contains "a table cell" "117,526.73" "$text"
expect_contains "a grouped header" "处分（人）" "$text"
expect_contains "the attachments" "附件：1.线索处置情况表" "$text"
# page 3 is filled by the 30-line paragraph: 22 lines of 28 characters
grid=$(pdftotext -f 3 -l 3 -layout "$OUT/sample.pdf" - | python3 -c '
import sys, re
lines = [l.strip() for l in sys.stdin.read().split("\n")]
body = [l for l in lines if re.fullmatch(r"[\u4e00-\u9fff]+", l)]
print(len(body), len(body[0]) if body else 0, sorted(set(len(l) for l in body[1:])))')
expect_eq "page 3: 22 lines of 28 characters (the first indented 2)" "22 26 [28]" "$grid"
# page numbers on the outside: odd pages right of the middle, even left
pos=$(pdftotext -bbox "$OUT/sample.pdf" - | python3 -c '
import sys, re
page, out = 0, []
for line in sys.stdin:
    if "<page " in line:
        page += 1
    m = re.search(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\".*>(\S*)</word>", line)
    # below the type area (its foot 35 mm = 99 pt above the edge of 842 pt)
    if m and m.group(3) in ("—%d—" % page, "%d" % page) and page and float(m.group(2)) > 743:
        out.append("%d:%s" % (page, "right" if float(m.group(1)) > 297.6 else "left"))
print(" ".join(dict.fromkeys(out)))')
expect_eq "page numbers on the outside edge" "1:right 2:left 3:right 4:left" "$pos"
fonts=$(pdffonts "$OUT/sample.pdf" 2>/dev/null)
expect_contains "仿宋 and 小标宋 set in the Song stand-in" "UMing" "$fonts"
expect_contains "楷体 set in the Kai stand-in" "UKai" "$fonts"
expect_contains "黑体 set in the Hei stand-in" "WenQuanYi" "$fonts"

t0=$(date +%s%N)
(cd "$OUT" && "${LO[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
	sample.xlsx) >>"$T_DIR/soffice.log" 2>&1
t1=$(date +%s%N)
first=$(ls "$OUT"/sample-线索*.csv 2>/dev/null | grep -v '(2)' | head -1)
check "the .xlsx opens ($(( (t1 - t0) / 1000000 )) ms)" test -s "$first"
expect_eq "six sheets" 6 "$(ls "$OUT"/sample-*.csv 2>/dev/null | wc -l)"
want='2022年度线索处置台账,,,,,
某某县纪委监委  2022年  制表：2023-01-05 09:30,,,,,
单位,备注,线索（件）,收缴金额（元）,立案日期,结案率
=1+1,+86 123,516,"117,526.73",2022-12-31,93.48%
@SUM(A1:A2),"-2 & <东> ""片区"" 🙂",-3,0.05,1970-01-01,
,,0,0.00,,33.33%'
got=$(head -n 6 "$first" 2>/dev/null | tr -d '\r')
expect_eq "the first sheet's cells as shown" "$want" "$got"
# grouped columns: the group over its two columns, the rest over both rows
expect_eq "grouped header rows" '分组表头,,,,
单位,处分（人）,,第一种形态,备注
,党纪处分,政务处分,人次,
城关镇,175,12,404,' "$(tr -d '\r' <"$OUT/sample-分组.csv" 2>/dev/null)"
expect_contains "the long text kept whole" "城关镇,$(printf '长文本折行%.0s' $(seq 20)),1,1.00,1970-01-01,100.00%" \
	"$(sed -n 7p "$first")"
finish
