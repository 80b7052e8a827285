#!/usr/bin/env bash
# t181_attach: the attachment store (issue 12, "Attachments"; docs/security.md
# "Attachments").  Round trip on a case, a report and a clue:
#  - a PNG and a PDF uploaded by a member of the case team (page form and
#    API), listed, and downloaded by another team member byte for byte, as
#    a download (Content-Disposition: attachment, octet-stream, nosniff,
#    sandbox CSP); upload and download audited;
#  - an investigator not on the team gets 404 for the file, its thumbnail
#    and the list, and the refusal is audited (access_denied): need-to-know
#    on cases (DOMAIN.md section 1; 监督执纪工作规则 art. 45 on the
#    confidentiality of case material);
#  - the files on disk hold neither the PDF's text nor the PNG's signature,
#    and are named by no part of the upload;
#  - type by content, not by name: a Windows executable named .pdf and a
#    zip named .docx are refused (422) and nothing is stored; a PNG named
#    .pdf is stored as PNG;
#  - an upload past --max-upload is refused 413 with a Chinese message, and
#    neither a row nor a file is left;
#  - the thumbnail is a PNG the server made, smaller than the original; a
#    PNG claiming 60000 x 60000 pixels (decompression bomb) is stored without
#    a thumbnail;
#  - a withdrawal keeps the file and needs a reason; the intake clerk may
#    attach to a report, the case manager to a clue and to an outcome, but
#    (not on the team) not to the case;
#  - `qingfeng backup` copies the attachments folder beside the backup and
#    `qingfeng restore` (SQLite) brings it back: the restored copy serves
#    the same bytes.
# Fails before this change: no /cases/{id}/attachments route (404).
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

init_db || { not_ok "init"; finish; }
ready_user lead --role leader --principal --password-stdin >/dev/null
add_users inv:investigator inv2:investigator inv3:investigator
ATT=$T_DIR/att
start_server --max-upload 300000 --attachments "$ATT" || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in lead inv inv2 inv3 clerk; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
LJ=$T_DIR/lead.jar IJ=$T_DIR/inv.jar I2J=$T_DIR/inv2.jar I3J=$T_DIR/inv3.jar CJ=$T_DIR/clerk.jar

# ---- a case with inv and inv2 on its team (the way staff make one) --------
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"section\",\"party_member\":true}")" | jget '["id"]')
C1=$(body "$(api POST /api/clues "{\"received\":\"2020-01-02\",\"source\":\"report\",\"summary\":\"反映其违规发放补贴\",\"subjects\":[$P1]}")" | jget '["id"]')
D=$(body "$(api POST "/api/clues/$C1/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2020-01-08"}' "$LJ" >/dev/null
D=$(body "$(api POST "/api/clues/$C1/dispositions" '{"method":"file_case","reason":"拟立案"}')" | jget '["id"]')
api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2020-01-08","filing":{"case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"],"committee_by":"县委书记","committee_day":"2020-01-08"}}' "$LJ" >/dev/null
K=$(sql "SELECT id FROM cases WHERE clue_id = $C1")
for u in inv inv2; do
	api POST "/api/cases/$K/team" "{\"user_id\":$(sql "SELECT id FROM users WHERE name = '$u'"),\"role\":\"member\"}" >/dev/null
done
expect_eq "a case with two team members" 2 "$(sql "SELECT count(*) FROM case_team WHERE case_id = $K")"

# ---- the files --------------------------------------------------------------
make_png "$T_DIR/scan.png" 400 150             # noise: a large PNG
make_png "$T_DIR/bomb.png" 60000 60000 "" tiny  # a bomb: 60000 x 60000 claimed, a tiny body
python3 - "$T_DIR" <<'PY'
import os, sys
d = sys.argv[1]
open(d + "/note.pdf", "wb").write(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% QF-SECRET-PLAINTEXT-4711 \xe4\xb8\xad\n%%EOF\n")
open(d + "/tool.pdf", "wb").write(b"MZ\x90\x00\x03" + b"\x00" * 58 + b"\x80\x00\x00\x00" + os.urandom(200) + b"PE\x00\x00")
import zipfile
with zipfile.ZipFile(d + "/fake.docx", "w") as z:
    z.writestr("payload.js", "alert(1)")
open(d + "/big.pdf", "wb").write(b"%PDF-1.4\n" + os.urandom(400000))
PY
ORIG_PNG=$(stat -c %s "$T_DIR/scan.png")

# upload FILE[;filename=NAME] KIND ID [JAR]: the API upload; body, then status
upload() {
	local jar=${4:-$JAR}
	curl -s -w '\n%{http_code}' -b "$jar" -H "X-CSRF-Token: $(csrf_of "$jar")" \
		-F "file=@$1" "$BASE/api/$2/$3/attachments"
}
n_rows() { sql "SELECT count(*) FROM attachments"; }
n_files() { find "$ATT" -type f | wc -l; }

# ---- upload by a team member (page form and API) ------------------------------
http_get "$H" -b "$IJ" "$BASE/cases/$K" >/dev/null
expect_contains "the case page has the 附件 section with its upload form" 'enctype="multipart/form-data"' "$(cat "$H.b")"
CSRF=$(form_csrf "$H.b")
code=$(curl -s -o "$T_DIR/up.html" -w '%{http_code}' -b "$IJ" -F "csrf=$CSRF" \
	-F "file=@$T_DIR/scan.png;filename=现场照片.png" "$BASE/cases/$K/attachments")
expect_eq "the page form uploads the PNG: 303" 303 "$code"
A_PNG=$(sql "SELECT max(id) FROM attachments")
expect_eq "... stored as png, bound to the case, by inv" "png|case|$K|现场照片.png|inv" \
	"$(sql "SELECT ftype, obj_type, obj_id, name, creator FROM attachments WHERE id = $A_PNG")"
r=$(upload "$T_DIR/note.pdf;filename=谈话笔录.pdf" cases "$K" "$IJ")
expect_eq "the API uploads the PDF: 201" 201 "$(status "$r")"
A_PDF=$(body "$r" | jget '["id"]')
expect_eq "... stored as pdf with the SHA-256 of its bytes" "pdf|$(sha256sum "$T_DIR/note.pdf" | cut -d' ' -f1)" \
	"$(sql "SELECT ftype, sha256 FROM attachments WHERE id = $A_PDF")"
expect_eq "both uploads audited" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'attach_add' AND object IN ('attachment/$A_PNG', 'attachment/$A_PDF')")"

# ---- list and download by the other team member -------------------------------
r=$(api GET "/api/cases/$K/attachments" "" "$I2J")
expect_eq "inv2 lists two attachments" "200 2" "$(status "$r") $(body "$r" | jget '["total"]')"
expect_eq "... with names, types and thumbnail flags" "['现场照片.png', '谈话笔录.pdf'] ['png', 'pdf'] [True, False]" \
	"$(body "$r" | jget '["items"]' | python3 -c 'import ast,sys; v=ast.literal_eval(sys.stdin.read()); print([x["name"] for x in v], [x["type"] for x in v], [x["thumbnail"] for x in v])')"
code=$(curl -s -D "$T_DIR/dl.h" -o "$T_DIR/dl.pdf" -w '%{http_code}' -b "$I2J" "$BASE/attachments/$A_PDF")
expect_eq "inv2 downloads the PDF: 200" 200 "$code"
check "... the same bytes" cmp -s "$T_DIR/note.pdf" "$T_DIR/dl.pdf"
expect_eq "... as application/octet-stream" "application/octet-stream" "$(header_of "$T_DIR/dl.h" Content-Type | tr -d '\r')"
expect_contains "... as an attachment, the name in filename* (RFC 6266)" \
	"attachment; filename=\"attachment-$A_PDF.pdf\"; filename*=UTF-8''%E8%B0%88%E8%AF%9D%E7%AC%94%E5%BD%95.pdf" \
	"$(header_of "$T_DIR/dl.h" Content-Disposition)"
expect_eq "... nosniff" nosniff "$(header_of "$T_DIR/dl.h" X-Content-Type-Options | tr -d '\r')"
check "... with a sandbox CSP" grep -qi "^content-security-policy: sandbox" "$T_DIR/dl.h"
expect_eq "the download is audited" 1 "$(audit_count attach_download "attachment/$A_PDF")"
code=$(curl -s -o "$T_DIR/dl.png" -w '%{http_code}' -b "$IJ" "$BASE/api/attachments/$A_PNG")
expect_eq "the API downloads the PNG" 200 "$code"
check "... the same bytes" cmp -s "$T_DIR/scan.png" "$T_DIR/dl.png"

# ---- the thumbnail ------------------------------------------------------------
code=$(curl -s -D "$T_DIR/th.h" -o "$T_DIR/th.png" -w '%{http_code}' -b "$I2J" "$BASE/attachments/$A_PNG/thumb")
expect_eq "the thumbnail: 200 image/png" "200 image/png" "$code $(header_of "$T_DIR/th.h" Content-Type | tr -d '\r')"
expect_eq "... a PNG of at most 240 pixels made by the server" "240x90" \
	"$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$T_DIR/th.png")"
check "... smaller than the original" test "$(stat -c %s "$T_DIR/th.png")" -lt "$ORIG_PNG"
expect_eq "a PDF has no thumbnail: 404" 404 "$(http_status -b "$I2J" "$BASE/attachments/$A_PDF/thumb")"
http_get "$H" -b "$I2J" "$BASE/cases/$K" >/dev/null
expect_contains "the case page shows the thumbnail" "<img class=\"thumb\" src=\"/attachments/$A_PNG/thumb\"" "$(cat "$H.b")"
expect_contains "... and the download link" "href=\"/attachments/$A_PDF\">谈话笔录.pdf</a>" "$(cat "$H.b")"

# ---- an outsider: 404, and the refusal audited -------------------------------------
denied0=$(audit_count access_denied "case/$K")
expect_eq "an investigator off the team: 404 for the file" 404 "$(http_status -b "$I3J" "$BASE/attachments/$A_PDF")"
expect_eq "... 404 for the thumbnail" 404 "$(http_status -b "$I3J" "$BASE/attachments/$A_PNG/thumb")"
expect_eq "... 404 for the list" 404 "$(status "$(api GET "/api/cases/$K/attachments" "" "$I3J")")"
expect_eq "... 404 for an upload" 404 "$(status "$(upload "$T_DIR/note.pdf" cases "$K" "$I3J")")"
expect_eq "... as for an attachment that does not exist" 404 "$(http_status -b "$I3J" "$BASE/attachments/99999")"
check "... each refusal audited as access_denied" test "$(audit_count access_denied "case/$K")" -ge $((denied0 + 4))
expect_eq "... and no download recorded for it" 1 "$(audit_count attach_download "attachment/$A_PDF")"
r=$(upload "$T_DIR/note.pdf" cases "$K")
expect_eq "the case manager (not on the team) may see but not attach: 422" 422 "$(status "$r")"

# ---- at rest: encrypted, names unrelated ------------------------------------------
check "the attachments folder is not readable by others" test "$(stat -c %a "$ATT")" = 700
check "no file holds the PDF's text" bash -c '! grep -rqa "QF-SECRET-PLAINTEXT" "$1"' _ "$ATT"
check "no file holds the PNG's signature" bash -c '! grep -rqaP "\x89PNG" "$1"' _ "$ATT"
check "no file is named after an upload" bash -c '! ls "$1" | grep -qE "笔录|照片|\.pdf|\.png"' _ "$ATT"
expect_eq "two originals and one thumbnail on disk" 3 "$(n_files)"
F=$(sql "SELECT file FROM attachments WHERE id = $A_PDF")
cp "$ATT/$F" "$T_DIR/saved"
cp "$ATT/$(sql "SELECT file FROM attachments WHERE id = $A_PNG")" "$ATT/$F"
expect_eq "a file swapped under another row does not decrypt: 500" 500 "$(http_status -b "$I2J" "$BASE/attachments/$A_PDF")"
cp "$T_DIR/saved" "$ATT/$F"

# ---- type by content, not by name -----------------------------------------------------
rows0=$(n_rows) files0=$(n_files)
r=$(upload "$T_DIR/tool.pdf" cases "$K" "$IJ")
expect_eq "an executable named .pdf: 422 on the file field" "422 file" \
	"$(status "$r") $(body "$r" | jget '["fields"]' | python3 -c 'import ast,sys; print(" ".join(ast.literal_eval(sys.stdin.read())))')"
expect_contains "... saying the type is judged by content" "按文件内容判断" "$(body "$r")"
r=$(upload "$T_DIR/fake.docx" cases "$K" "$IJ")
expect_eq "a zip named .docx that is no document: 422" 422 "$(status "$r")"
code=$(curl -s -o "$T_DIR/up.html" -w '%{http_code}' -b "$IJ" -F "csrf=$CSRF" -F "file=@$T_DIR/tool.pdf" "$BASE/cases/$K/attachments")
expect_eq "... refused by the page form too: 422" 422 "$code"
expect_contains "... with the message" "不接受此类文件" "$(cat "$T_DIR/up.html")"
expect_eq "nothing stored for them" "$rows0 $files0" "$(n_rows) $(n_files)"
r=$(upload "$T_DIR/scan.png;filename=伪装.pdf" cases "$K" "$IJ")
A_DIS=$(body "$r" | jget '["id"]')
expect_eq "a PNG named .pdf is stored as png" png "$(sql "SELECT ftype FROM attachments WHERE id = $A_DIS")"
curl -s -D "$T_DIR/dis.h" -o /dev/null -b "$IJ" "$BASE/attachments/$A_DIS"
expect_contains "... and downloads with .png added" "filename*=UTF-8''%E4%BC%AA%E8%A3%85.pdf.png" "$(header_of "$T_DIR/dis.h" Content-Disposition)"

# ---- size limit ---------------------------------------------------------------------------
rows0=$(n_rows) files0=$(n_files)
r=$(upload "$T_DIR/big.pdf" cases "$K" "$IJ")
expect_eq "an upload past --max-upload: 413" 413 "$(status "$r")"
expect_contains "... with a Chinese message naming the limit" "文件超过允许的大小" "$(body "$r")"
code=$(curl -s -o "$T_DIR/up.html" -w '%{http_code}' -b "$IJ" -F "csrf=$CSRF" -F "file=@$T_DIR/big.pdf" "$BASE/cases/$K/attachments")
expect_eq "... by the page form too" 413 "$code"
expect_eq "... nothing stored, no file half-written" "$rows0 $files0" "$(n_rows) $(n_files)"

# ---- decompression bomb ----------------------------------------------------------------------
r=$(upload "$T_DIR/bomb.png" cases "$K" "$IJ")
A_BOMB=$(body "$r" | jget '["id"]')
expect_eq "a PNG claiming 60000x60000 pixels is kept without a thumbnail" "201 png 0" \
	"$(status "$r") $(sql "SELECT ftype || ' ' || (CASE WHEN thumb IS NULL THEN 0 ELSE 1 END) FROM attachments WHERE id = $A_BOMB")"

# ---- withdrawal: the file stays ---------------------------------------------------------------
r=$(api POST "/api/attachments/$A_BOMB/withdraw" '{"reason":""}' "$IJ")
expect_eq "a withdrawal without a reason: 422" 422 "$(status "$r")"
r=$(api POST "/api/attachments/$A_BOMB/withdraw" '{"reason":"误传"}' "$IJ")
expect_eq "a withdrawal with a reason: 200" 200 "$(status "$r")"
expect_eq "... the row and the file stay, marked withdrawn by inv" "1 误传 inv" \
	"$(sql "SELECT count(*) || ' ' || max(withdraw_reason) || ' ' || max(withdrawn_by) FROM attachments WHERE id = $A_BOMB")"
check "... the file is still on disk" test -f "$ATT/$(sql "SELECT file FROM attachments WHERE id = $A_BOMB")"
expect_eq "... audited" 1 "$(audit_count attach_withdraw "attachment/$A_BOMB")"
http_get "$H" -b "$IJ" "$BASE/cases/$K" >/dev/null
expect_contains "... and the page says so" "已撤回" "$(cat "$H.b")"

# ---- reports and clues -------------------------------------------------------------------------
R=$(body "$(api POST /api/reports '{"received":"2022-03-01","channel":"letter","category":"accusation","kind":"accusation","summary":"反映其违规收受礼金"}' "$CJ")" | jget '["id"]')
r=$(upload "$T_DIR/note.pdf;filename=举报信.pdf" reports "$R" "$CJ")
expect_eq "the intake clerk attaches a scan to a report: 201" 201 "$(status "$r")"
A_REP=$(body "$r" | jget '["id"]')
http_get "$H" -b "$CJ" "$BASE/reports/$R" >/dev/null
expect_contains "the report page lists it" "举报信.pdf</a>" "$(cat "$H.b")"
expect_eq "an investigator (no report permission) cannot fetch it: 404" 404 "$(http_status -b "$IJ" "$BASE/attachments/$A_REP")"
r=$(upload "$T_DIR/scan.png" clues "$C1")
expect_eq "the case manager attaches to a clue: 201" 201 "$(status "$r")"
http_get "$H" -b "$JAR" "$BASE/clues/$C1" >/dev/null
expect_contains "the clue page lists it" 'id="attachments"' "$(cat "$H.b")"

O=$(body "$(api POST /api/outcomes "{\"person_id\":$P1,\"case_id\":$K,\"day\":\"2020-06-01\",\"measures\":[\"criticism\"]}")" | jget '["id"]')
r=$(upload "$T_DIR/note.pdf;filename=处分决定书.pdf" outcomes "$O")
expect_eq "the case manager attaches to an outcome of the case: 201" 201 "$(status "$r")"
A_OUT=$(body "$r" | jget '["id"]')
http_get "$H" -b "$JAR" "$BASE/outcomes/$O" >/dev/null
expect_contains "the outcome page lists it" "处分决定书.pdf</a>" "$(cat "$H.b")"
expect_eq "... and an investigator off the case's team cannot fetch it: 404" 404 "$(http_status -b "$I3J" "$BASE/attachments/$A_OUT")"

# ---- backup and restore carry the files (docs/operations.md) -----------------------------------
run_cli backup "$T_DIR/bk" --attachments "$ATT"
expect_eq "backup: exit 0" 0 "$RC"
expect_eq "... the attachment files copied beside it, as they are (encrypted)" \
	"$(cd "$ATT" && sha256sum * | sort)" "$(cd "$T_DIR/bk.attachments" && sha256sum * | sort)"
if [ "$BACKEND" = sqlite ]; then
	stop_server
	mkdir "$T_DIR/r"
	cp "$KEY" "$T_DIR/r/qf.db.key"
	run_cli restore "$T_DIR/bk" --db "$T_DIR/r/qf.db"
	expect_eq "restore elsewhere: exit 0" 0 "$RC"
	expect_contains "... copying the files into the restored database's folder" \
		"attachments: $(n_files) files copied into $T_DIR/r/qf.db.attachments" "$OUT"
	DB=$T_DIR/r/qf.db start_server --attachments "$T_DIR/r/qf.db.attachments" || not_ok "the restored copy serves"
	login inv2 "$PW" "$I2J" >/dev/null
	curl -s -o "$T_DIR/dl2.pdf" -b "$I2J" "$BASE/attachments/$A_PDF"
	check "a file downloaded from the restored copy is the uploaded one" cmp -s "$T_DIR/note.pdf" "$T_DIR/dl2.pdf"
fi

stop_server
check "server log clean (no sanitizer reports)" server_clean
check "no CLI run reported a sanitizer error" cli_clean
finish
