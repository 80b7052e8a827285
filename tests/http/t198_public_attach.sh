# t198_public_attach.sh: attachments and the proof of work on the public
# report form (issue 13), across two instances joined by a ferry batch.
#  - the form names its limits (5 files, the size from the setting
#    public_file_max, the types) and asks for the proof of work;
#  - a post without a nonce, with a wrong nonce, or with a challenge used
#    before is refused and stores nothing (src/core/pow.h);
#  - an oversize file and a wrong type (an .exe renamed .pdf) get their
#    errors beside the field, and the whole submission is refused;
#  - a report with a PDF and a PNG is sealed with them: the public
#    database and the batch hold neither file's bytes in clear; on the
#    intranet both become attachments of the report, which the intake
#    clerk downloads with the same bytes; importing the batch twice
#    changes nothing;
#  - single-instance mode attaches at once.
# The rule: 《纪检监察机关处理检举控告工作规则》 (2020) art. 12 lets an
# accuser give evidence with an online report; the files are kept like the
# report itself (art. 51: the accuser's information kept confidential).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
public_init
public_keys
run_cli config set public_file_max 65536 --db "$PDB" --key "$PKEY"
expect_eq "the file limit is a setting (64 KB here)" 0 "$RC"

# ---- the files ----------------------------------------------------------------
make_png "$T_DIR/photo.png" 40 30 ZQX198PNGMARK
python3 - "$T_DIR" <<'PY'
import os, sys
d = sys.argv[1]
open(d + "/ticket.pdf", "wb").write(b"%PDF-1.4\n% ZQX198PDFMARK \xe4\xb8\xad\n" + os.urandom(3000) + b"\n%%EOF\n")
open(d + "/big.pdf", "wb").write(b"%PDF-1.4\n" + os.urandom(100000))
open(d + "/tool.pdf", "wb").write(b"MZ\x90\x00\x03" + b"\x00" * 58 + b"\x80\x00\x00\x00" + os.urandom(200) + b"PE\x00\x00")
PY
B64_PDF=$(head -c 30 "$T_DIR/ticket.pdf" | base64 | head -c 36)

DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts"; finish; }
P_BASE=$BASE; P_PID=$SERVER_PID; SERVER_PID=
n_inbox() { DB=$PDB sql 'SELECT count(*) FROM public_inbox'; }
form() { http_get "$H" "$P_BASE/p/report" >/dev/null; }
# report FORMDATA [curl -F args]: a multipart report with the form's token
R_PERSON=钱某 R_SUMMARY="ZQX198 收受礼金"
report() { public_report "$P_BASE" "$@"; }

form
expect_contains "the form takes files" 'enctype="multipart/form-data"' "$(cat "$H.b")"
expect_contains "... names its limits" "最多 5 个文件，每个不超过 0.1 MB" "$(cat "$H.b")"
expect_contains "... and the types" "PDF、OFD、Word" "$(cat "$H.b")"
expect_contains "... asks for the proof of work (pow_bits 8)" 'data-pow="8"' "$(cat "$H.b")"
expect_contains "... loads its script from assets" '<script src="/assets/pow.js" defer></script>' "$(cat "$H.b")"
expect_contains "... and says why it needs JavaScript" "<noscript>" "$(cat "$H.b")"
expect_eq "the script is served" 200 "$(http_status "$P_BASE/assets/pow.js")"

# ---- the proof of work -------------------------------------------------------------
form; T=$(form_csrf "$H.b")
expect_eq "a post without the nonce: 403" 403 "$(report "csrf=$T&pow=" -F "files=@$T_DIR/ticket.pdf")"
expect_contains "... saying JavaScript is needed" "提交验证未完成" "$(cat "$H.b")"
form
expect_eq "a wrong nonce: 403" 403 "$(report "csrf=$(form_csrf "$H.b")&pow=$(form_pow "$H.b" bad)")"
expect_contains "... saying so" "提交验证未通过" "$(cat "$H.b")"
expect_eq "... nothing stored" 0 "$(n_inbox)"
form; D=$(pow_data "$H.b")
expect_eq "the same form solved is taken" 200 "$(report "$D")"
expect_contains "... with a query code" 'id="query-code"' "$(cat "$H.b")"
CODE0=$(sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' ')
expect_eq "its challenge again: 403" 403 "$(report "$D")"
expect_contains "... saying the page was sent already" "已经提交过" "$(cat "$H.b")"
expect_eq "... stored once" 1 "$(n_inbox)"
http_get "$H" "$P_BASE/p/query" >/dev/null
expect_eq "the query form asks for it too" 403 "$(http_get "$H" --data "csrf=$(form_csrf "$H.b")&pow=" --data "code=$CODE0" "$P_BASE/p/query")"
expect_contains "... saying so" "提交验证未完成" "$(cat "$H.b")"
expect_eq "... solved, the code works" 200 "$(http_get "$H" --data "$(pow_data "$H.b")" --data "code=$CODE0" "$P_BASE/p/query")"
expect_eq "the follow-up form asks for it too" 403 "$(http_get "$H" --data "csrf=$(form_csrf "$H.b")&pow=$(form_pow "$H.b" bad)" \
	--data "code=$CODE0" --data-urlencode "message=ZQX198M" "$P_BASE/p/message")"
expect_contains "... saying so" "提交验证未通过" "$(cat "$H.b")"
expect_eq "... nothing stored" 1 "$(n_inbox)"

# ---- refused files: nothing stored -----------------------------------------------------
form
expect_eq "an oversize file: 422" 422 "$(report "$(pow_data "$H.b")" -F "files=@$T_DIR/ticket.pdf" -F "files=@$T_DIR/big.pdf;filename=大文件.pdf")"
expect_contains "... beside the field, naming the file and the limit" "文件“大文件.pdf”有 0.1 MB，超过每个文件 0.1 MB 的限制" "$(cat "$H.b")"
check "... the message sits with the file field" bash -c "grep -o 'id=\"e-files\"[^<]*' '$H.b' | grep -q 大文件"
expect_eq "... nothing stored" 1 "$(n_inbox)"
form
expect_eq "an .exe renamed .pdf: 422" 422 "$(report "$(pow_data "$H.b")" -F "files=@$T_DIR/tool.pdf;filename=发票.pdf")"
expect_contains "... refused by its content" "文件“发票.pdf”的类型不能接受" "$(cat "$H.b")"
expect_eq "... nothing stored" 1 "$(n_inbox)"
form
expect_eq "six files: 422" 422 "$(report "$(pow_data "$H.b")" $(for i in 1 2 3 4 5 6; do printf -- '-F files=@%s ' "$T_DIR/photo.png"; done))"
expect_contains "... at most five" "最多上传 5 个文件" "$(cat "$H.b")"
expect_eq "... nothing stored" 1 "$(n_inbox)"

# ---- a report with a PDF and a PNG ------------------------------------------------------
form
expect_eq "a report with a PDF and a PNG" 200 "$(report "$(pow_data "$H.b")" -F "summary=ZQX198A 附票据照片" \
	-F "files=@$T_DIR/ticket.pdf;filename=报销单.pdf" -F "files=@$T_DIR/photo.png;filename=现场.png")"
CODE=$(sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' ')
expect_eq "... a query code" 16 "${#CODE}"
expect_eq "... one more sealed item" 2 "$(n_inbox)"
check "the public database holds neither file in clear: the PDF" dump_lacks "ZQX198PDFMARK" "$PDB"
check "... the PNG" dump_lacks "ZQX198PNGMARK" "$PDB"
check "... nor the PDF as base64" dump_lacks "$B64_PDF" "$PDB"
check "... nor their names" dump_lacks "报销单" "$PDB"
if [ "$BACKEND" = sqlite ]; then
	check "... the raw files neither (database, WAL)" \
		bash -c "! grep -qaE 'ZQX198PDFMARK|ZQX198PNGMARK' '$PDB' '$PDB-wal' 2>/dev/null"
fi
kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null

run_cli ferry export --db "$PDB" --key "$PKEY" --out "$T_DIR/inbox.batch"
expect_eq "ferry export" 0 "$RC"
check "the batch holds neither file in clear" bash -c "! grep -qaE 'ZQX198PDFMARK|ZQX198PNGMARK|$B64_PDF' '$T_DIR/inbox.batch'"
ATT=$T_DIR/att
run_cli ferry import "$T_DIR/inbox.batch" --db "$DB" --attachments "$ATT"
expect_eq "ferry import on the intranet" 0 "$RC"
expect_contains "... both reports" "2 applied" "$OUT"
RID=$(sql "SELECT id FROM reports WHERE summary LIKE '%ZQX198A%'" 2>/dev/null)
[ -n "$RID" ] || RID=$(sql "SELECT max(id) FROM reports WHERE channel = 'online'")
expect_eq "... its two files are attachments of the report" "pdf|报销单.pdf png|现场.png" \
	"$(sql "SELECT ftype || '|' || name FROM attachments WHERE obj_type = 'report' AND obj_id = $RID ORDER BY id" | paste -sd' ')"
expect_eq "... the other report has none" 2 "$(sql "SELECT count(*) FROM attachments")"
expect_eq "... with the SHA-256 of the bytes sent" "$(sha256sum "$T_DIR/ticket.pdf" | cut -d' ' -f1)" \
	"$(sql "SELECT sha256 FROM attachments WHERE ftype = 'pdf'")"
expect_eq "... stored in the attachments folder (the PNG with its thumbnail)" 3 "$(find "$ATT" -name '*.qfa' | wc -l)"
check "... encrypted" bash -c "! grep -rqaE 'ZQX198PDFMARK|ZQX198PNGMARK' '$ATT'"
S1=$(sql "SELECT (SELECT count(*) FROM reports) || '/' || (SELECT count(*) FROM attachments) || '/' || (SELECT max(id) FROM audit_log)")
run_cli ferry import "$T_DIR/inbox.batch" --db "$DB" --attachments "$ATT"
expect_contains "importing it twice skips both" "0 applied, 2 skipped" "$OUT"
expect_eq "... and changes nothing (rows, files)" "$S1|3" \
	"$(sql "SELECT (SELECT count(*) FROM reports) || '/' || (SELECT count(*) FROM attachments) || '/' || (SELECT max(id) FROM audit_log)")|$(find "$ATT" -name '*.qfa' | wc -l)"

# ---- the intake clerk downloads them ------------------------------------------------------
start_server --attachments "$ATT" || { not_ok "intranet server starts"; finish; }
CJ=$T_DIR/clerk.jar
expect_eq "clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
expect_eq "the report's page" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/$RID")"
A_PDF=$(sql "SELECT id FROM attachments WHERE ftype = 'pdf'")
A_PNG=$(sql "SELECT id FROM attachments WHERE ftype = 'png'")
expect_contains "... lists the PDF as a download" "href=\"/attachments/$A_PDF\">报销单.pdf</a>" "$(cat "$H.b")"
expect_contains "... and the PNG" "href=\"/attachments/$A_PNG\">现场.png</a>" "$(cat "$H.b")"
code=$(curl -s -D "$T_DIR/dl.h" -o "$T_DIR/dl.pdf" -w '%{http_code}' -b "$CJ" "$BASE/attachments/$A_PDF")
expect_eq "the clerk downloads the PDF" 200 "$code"
check "... the same bytes" cmp -s "$T_DIR/ticket.pdf" "$T_DIR/dl.pdf"
expect_contains "... as a download" "attachment;" "$(header_of "$T_DIR/dl.h" Content-Disposition)"
code=$(curl -s -o "$T_DIR/dl.png" -w '%{http_code}' -b "$CJ" "$BASE/attachments/$A_PNG")
expect_eq "the clerk downloads the PNG" 200 "$code"
check "... the same bytes" cmp -s "$T_DIR/photo.png" "$T_DIR/dl.png"
expect_eq "both downloads audited" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'attach_download'")"

# ---- single-instance mode: attached at once ------------------------------------------------
http_get "$H" "$BASE/p/report" >/dev/null
N0=$(sql "SELECT count(*) FROM attachments")
expect_eq "single instance: a report with a PDF" 200 \
	"$(http_get "$H" -F "csrf=$(form_csrf "$H.b")" -F "pow=$(form_pow "$H.b")" -F mode=anonymous -F "unit=某镇" \
		-F "summary=ZQX198S" -F "files=@$T_DIR/ticket.pdf" "$BASE/p/report")"
expect_eq "... its attachment exists at once" "$((N0 + 1))|$(sql "SELECT max(id) FROM reports")" \
	"$(sql "SELECT count(*) FROM attachments")|$(sql "SELECT obj_id FROM attachments ORDER BY id DESC LIMIT 1")"
expect_eq "... nothing left in the inbox" 0 "$(sql 'SELECT count(*) FROM public_inbox')"

check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
