#!/usr/bin/env bash
# t202_public_purge: what the public side keeps is purged after its time,
# and an oversize report gets a clear answer (issue 13; docs/operations.md
# "Purging the public side", docs/security.md "What the public side keeps").
#  - a report past serve --max-upload: 413 on the citizen's page, in
#    Chinese, naming the limits in MB, with a link back to the form (with
#    and without a Content-Length); nothing stored; the API's 413 names
#    the limits in bytes, in English;
#  - a file past public_file_max but within max-upload: 422 beside the field;
#  - idempotency keys older than public_key_days go, newer stay; a
#    concluded status older than public_status_days goes (its code then
#    answers as a wrong one), an open one of the same age stays, a recent
#    concluded one stays; `ferry purge --dry-run` counts and changes
#    nothing; the server purges at its start; each batch is audited as a
#    count, naming no item;
#  - a retry whose key was purged is a new submission on the public side
#    (sealed again), and the intranet still counts the rating once;
#  - single-instance mode: the purge brings a status up to date from its
#    record first, and counts the months from then.
# The rule: 《纪检监察机关处理检举控告工作规则》 (2020) art. 51 keeps the
# accuser's information confidential: what the internet-facing side need
# not keep, it does not keep.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
public_init
check "the key exchange" ferry_keys
IDB=$DB
MARK=ZQX202
cst_day() { date -u -d "+8 hours $1" +%F; }     # cst_day '-200 days'
OLD=$(cst_day '-200 days') RECENT=$(cst_day '-10 days') KEY_OLD_DAY=$(cst_day '-8 days')

# ---- the intranet: a unit's rating page, brought to the public side ---------------
start_server || { not_ok "intranet server starts"; finish; }
I_BASE=$BASE I_PID=$SERVER_PID
expect_eq "cm logs in" 303 "$(login cm "$PW")"
UA=$(body "$(api POST /api/units "{\"name\":\"甲局$MARK\",\"kind\":\"department\"}")" | jget '["id"]')
TA=$(curl -s -b "$JAR" "$I_BASE/units/$UA/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
expect_eq "the unit's rating token" 43 "${#TA}"
ferry_back "$T_DIR/points.batch"
expect_eq "the reply batch brings the rating points" 0 "$RC"

# the API's 413: the limits in bytes, in English
python3 -c 'print("{\"name\":\"" + "x" * 3000000 + "\"}")' >"$T_DIR/big.json"
OUT=$(curl -s -w '\n%{http_code}' -b "$JAR" -H 'Content-Type: application/json' --data-binary "@$T_DIR/big.json" "$I_BASE/api/units")
expect_eq "API: a body past the limit is 413" 413 "$(status "$OUT")"
expect_contains "... the detail names the limit in bytes" "request body too large: at most " "$(body "$OUT" | jget '["detail"]')"

# ---- the public instance: 1 MB uploads, 64 KiB per file ----------------------------
run_cli config set public_file_max 65536 --db "$PDB" --key "$PKEY"
DB=$PDB start_server --public --key "$PKEY" --max-upload 1048576 || { not_ok "public server starts"; finish; }
P_BASE=$BASE P_PID=$SERVER_PID SERVER_PID=$I_PID BASE=$I_BASE
psql_pdb() { DB=$PDB sql "$1"; }
n_inbox() { psql_pdb 'SELECT count(*) FROM public_inbox'; }
python3 - "$T_DIR" <<'PY'
import os, sys
d = sys.argv[1]
open(d + "/mid.pdf", "wb").write(b"%PDF-1.4\n" + os.urandom(100000) + b"\n%%EOF\n")
open(d + "/huge.pdf", "wb").write(b"%PDF-1.4\n" + os.urandom(1500000) + b"\n%%EOF\n")
PY
form() { http_get "$H" "$P_BASE/p/report" >/dev/null; }
# report FORMDATA [curl args]: a multipart report with the form's token
R_PERSON=孙某 R_SUMMARY="${MARK} 违规吃喝"
report() { public_report "$P_BASE" "$@"; }
code_of() { sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' '; }

form
expect_eq "a file past public_file_max (within max-upload): 422" 422 "$(report "$(pow_data "$H.b")" -F "files=@$T_DIR/mid.pdf;filename=票据.pdf")"
check "... the message beside the field, with the limit" bash -c "grep -o 'id=\"e-files\"[^<]*' '$H.b' | grep -q '超过每个文件 0.1 MB 的限制'"
form
expect_eq "a report past serve --max-upload: 413" 413 "$(report "$(pow_data "$H.b")" -F "files=@$T_DIR/huge.pdf;filename=录像.pdf")"
expect_contains "... on the citizen's page, in Chinese" "提交的内容过大" "$(cat "$H.b")"
expect_contains "... naming the total in MB" "超过了 1 MB 的上限" "$(cat "$H.b")"
expect_contains "... and the limit per file" "每个不超过 0.1 MB，合计不超过 1 MB" "$(cat "$H.b")"
expect_contains "... with a link back to the form" 'href="/p/report" id="back-to-form"' "$(cat "$H.b")"
expect_contains "... in the public page style" 'class="citizen"' "$(cat "$H.b")"
form
expect_eq "the same without a Content-Length (chunked): 413" 413 \
	"$(report "$(pow_data "$H.b")" -H 'Transfer-Encoding: chunked' -F "files=@$T_DIR/huge.pdf")"
expect_contains "... the same page" "超过了 1 MB 的上限" "$(cat "$H.b")"
expect_eq "... nothing stored" 0 "$(n_inbox)"

# ---- submissions: three reports, two ratings ------------------------------------------
for i in 1 2 3; do
	form
	expect_eq "report $i" 200 "$(report "$(pow_data "$H.b")")"
	printf -v "C$i" '%s' "$(code_of)"
done
expect_eq "... three codes" "16 16 16" "${#C1} ${#C2} ${#C3}"
rate() {    # rate OUT KEY: a five-star rating on the page of $TA
	curl -s -o "$1" -w '%{http_code}' --data-urlencode "idem_key=$2" -d stars=5 "$P_BASE/p/rate/$TA"
}
K_OLD=t202-old-key-0123456789 K_NEW=t202-new-key-0123456789
expect_eq "a rating (its key will be old)" 200 "$(rate "$T_DIR/r1" "$K_OLD")"
expect_eq "a rating (its key stays new)" 200 "$(rate "$T_DIR/r2" "$K_NEW")"
expect_eq "... two keys kept" 2 "$(psql_pdb 'SELECT count(*) FROM public_submissions')"
expect_eq "five sealed items" 5 "$(n_inbox)"

# ---- the ferry, then the ages -----------------------------------------------------------
kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null; P_PID=
ferry_in "$T_DIR/inbox.batch"
expect_contains "the intranet imports them" "5 applied" "$OUT"
ferry_back "$T_DIR/replies.batch"
expect_eq "the replies come back" 0 "$RC"
expect_eq "the intranet has the rating once" 1 "$(sql "SELECT count(*) FROM ratings WHERE idem_key = '$K_OLD'")"
# the three reports' rows in the order of submission (public_inbox.seq was
# their order; the ids are random): R1 concluded long ago, R2 open as long,
# R3 concluded recently
IDS=$(sql "SELECT item_id FROM public_items WHERE kind = 'report' ORDER BY report_id" | paste -sd' ')
set -- $IDS
R1=$1 R2=$2 R3=$3
expect_eq "three report items" 3 "$#"
psql_pdb "UPDATE public_status SET status = 'concluded', day = '$OLD' WHERE item_id = '$R1'"
psql_pdb "UPDATE public_status SET day = '$OLD' WHERE item_id = '$R2'"
psql_pdb "UPDATE public_status SET status = 'not_accepted', day = '$RECENT' WHERE item_id = '$R3'"
# the old key's row: the one whose item the intranet filed under K_OLD
K_OLD_ITEM=$(sql "SELECT item_id FROM ratings WHERE idem_key = '$K_OLD'")
psql_pdb "UPDATE public_submissions SET day = '$KEY_OLD_DAY' WHERE item_id = '$K_OLD_ITEM'"
state() { psql_pdb "SELECT (SELECT count(*) FROM public_submissions) || '/' || (SELECT count(*) FROM public_status) || '/' || (SELECT count(*) FROM audit_log)"; }
S0=$(state)

run_cli ferry purge --dry-run --db "$PDB" --key "$PKEY"
expect_eq "ferry purge --dry-run" 0 "$RC"
expect_contains "... counts one key past 7 days and one concluded status past 180 days" \
	"1 idempotency keys older than 7 days, 1 concluded statuses older than 180 days would go" "$OUT"
expect_eq "... and changes nothing" "$S0" "$(state)"

# the server purges at its start
DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts again"; finish; }
P_BASE=$BASE P_PID=$SERVER_PID SERVER_PID=$I_PID BASE=$I_BASE
gone() { [ "$(psql_pdb "SELECT count(*) FROM public_status WHERE item_id = '$R1'")" = 0 ]; }
for _ in $(seq 1 100); do gone && break; sleep 0.1; done
check "the server purged at its start: the old concluded status is gone" gone
expect_eq "... the old key gone, the new one kept" "$(sql "SELECT item_id FROM ratings WHERE idem_key = '$K_NEW'")" \
	"$(psql_pdb "SELECT item_id FROM public_submissions")"
expect_eq "... the open status of the same age and the recent concluded one stay" \
	"$(printf '%s\n' "$R2" "$R3" | sort | paste -sd' ')" \
	"$(psql_pdb "SELECT item_id FROM public_status WHERE item_id IN ('$R1', '$R2', '$R3')" | sort | paste -sd' ')"
expect_eq "... audited as one entry with the counts" 1 "$(DB=$PDB audit_count public_purge public_rows/purge)"
expect_contains "... the counts" "1 idempotency keys older than $(cst_day '-7 days'), 1 concluded statuses older than $(cst_day '-180 days')" \
	"$(psql_pdb "SELECT detail FROM audit_log WHERE event = 'public_purge'")"
expect_eq "... naming no item (no id of a purged row in the log)" 0 \
	"$(psql_pdb "SELECT count(*) FROM audit_log WHERE detail LIKE '%$R1%' OR object LIKE '%$R1%' OR detail LIKE '%$K_OLD_ITEM%'")"

query() {   # query CODE: the status of a code on the public side
	http_get "$H" "$P_BASE/p/query" >/dev/null
	http_get "$H" --data "$(pow_data "$H.b")" --data "code=$1" "$P_BASE/p/query"
}
expect_eq "the purged code answers as a wrong one" 404 "$(query "$C1")"
expect_contains "... 查询码不正确" "查询码不正确" "$(cat "$H.b")"
expect_eq "the open report's code still works" 200 "$(query "$C2")"
expect_contains "... 已收到" "已收到" "$(cat "$H.b")"
expect_eq "the recently concluded one too" 200 "$(query "$C3")"
expect_contains "... 不予受理" "不予受理" "$(cat "$H.b")"

# ---- a retry after its key was purged ------------------------------------------------------
N0=$(n_inbox)
expect_eq "the retry of the old key" 200 "$(rate "$T_DIR/r1c" "$K_OLD")"
check "... is not answered as a retry (the key is gone)" bash -c "! grep -q 'id=\"rate-replay\"' '$T_DIR/r1c'"
expect_eq "... it is sealed again: a new item" "$((N0 + 1))" "$(n_inbox)"
expect_eq "... and its key kept again, with the new item" 2 \
	"$(psql_pdb "SELECT count(*) FROM public_submissions WHERE item_id <> '$K_OLD_ITEM'")"
kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null; P_PID=
ferry_in "$T_DIR/inbox2.batch"
expect_eq "the intranet imports it" 0 "$RC"
expect_eq "... and still counts the rating once (its key is UNIQUE there)" 1 \
	"$(sql "SELECT count(*) FROM ratings WHERE idem_key = '$K_OLD'")"

# ---- the CLI purge ---------------------------------------------------------------------------
psql_pdb "UPDATE public_submissions SET day = '$KEY_OLD_DAY'"
run_cli ferry purge --db "$PDB" --key "$PKEY"
expect_eq "ferry purge" 0 "$RC"
expect_contains "... purges the keys now old" "2 idempotency keys older than 7 days, 0 concluded statuses older than 180 days purged" "$OUT"
expect_eq "... none left" 0 "$(psql_pdb 'SELECT count(*) FROM public_submissions')"
expect_eq "... a second audit entry" 2 "$(DB=$PDB audit_count public_purge)"
run_cli ferry purge --db "$PDB" --key "$PKEY"
expect_eq "a purge with nothing to purge writes no audit entry" 2 "$(DB=$PDB audit_count public_purge)"

# ---- single-instance mode: the status brought up to date first -----------------------------
http_get "$H" "$I_BASE/p/report" >/dev/null
expect_eq "single instance: a report" 200 \
	"$(http_get "$H" -F "csrf=$(form_csrf "$H.b")" -F "pow=$(form_pow "$H.b")" -F mode=anonymous -F "unit=某镇" \
		-F "summary=${MARK}S" "$I_BASE/p/report")"
expect_eq "... its status row where the page ran (the intranet has no other)" 1 "$(sql "SELECT count(*) FROM public_status")"
S_ITEM=$(sql "SELECT item_id FROM public_status")
S_RID=$(sql "SELECT report_id FROM public_items WHERE item_id = '$S_ITEM'")
sql "UPDATE public_status SET day = '$OLD' WHERE item_id = '$S_ITEM'"
sql "UPDATE reports SET state = 'not_accepted' WHERE id = $S_RID"
run_cli ferry purge --db "$DB"
expect_contains "the purge brings its status up to date" "(1 statuses brought up to date)" "$OUT"
expect_eq "... from the record, the day of the change today: kept" "not_accepted|$(cst_day today)" \
	"$(sql "SELECT status || '|' || day FROM public_status WHERE item_id = '$S_ITEM'")"
sql "UPDATE public_status SET day = '$OLD' WHERE item_id = '$S_ITEM'"
run_cli ferry purge --db "$DB"
expect_contains "180 days after that it goes" "1 concluded statuses older than 180 days purged" "$OUT"
expect_eq "... gone" 0 "$(sql "SELECT count(*) FROM public_status WHERE item_id = '$S_ITEM'")"
expect_eq "... the intranet keeps its public_items (a batch imported again stays idempotent)" 1 \
	"$(sql "SELECT count(*) FROM public_items WHERE item_id = '$S_ITEM'")"

check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
