# t195_public.sh: the public channel (issue 13) across two instances
# joined by ferry batches, and in single-instance mode.
#  - `serve --public` serves the citizen's pages only: a staff path is a
#    plain 404 there (no login page); it refuses a key file holding the
#    sealing secret;
#  - a report submitted there is sealed at once: the public database
#    holds no plaintext of it, and no address or user agent (nor does its
#    log); the query code works on the public side;
#  - `ferry export` -> `ferry import` creates the report (channel online)
#    on the intranet; a second import changes nothing; a tampered batch is
#    refused with a clear error;
#  - the staff reply and the status flow back in a reply batch: the
#    reporter reads them with the code; the public inbox is emptied;
#  - a wrong code is refused and repeated guesses hit the limit (5, then
#    429: docs/security.md "Query codes");
#  - a follow-up (补充说明) from the status page is sealed too; a report and
#    its follow-up travel in one batch in order; the intranet stores it
#    encrypted and shows it on the report's page;
#  - single-instance mode: the ferry is internal, the report exists at once.
# The rule tested with the reply: 《纪检监察机关处理检举控告工作规则》
# (2020) art. 24-25, a real-name accuser is told of acceptance and result;
# the channel gives the same to any reporter holding the code.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
MARK=ZQX195公款吃喝
WHO=举报人甲ZQX

public_init
expect_eq "init --public" 0 "$RC"
check "... its key file has no sealing secret" bash -c "! grep -q '^seal_secret=' '$PKEY'"
check "... the intranet's has one" grep -q '^seal_secret=' "$KEY"
expect_eq "... no administrator on the public side" 0 "$(DB=$PDB sql 'SELECT count(*) FROM users')"

DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts"; finish; }
expect_eq "before the key exchange the public channel is closed" 503 "$(http_get "$H" "$BASE/p/report")"
expect_contains "... saying so" "网上举报暂未开通" "$(cat "$H.b")"
expect_contains "... and the log says why" "has no seal_public" "$(cat "$T_DIR/serve.log")"
stop_server

# the key exchange: only public halves travel
public_keys
run_cli ferry key import "$T_DIR/public.pub" --db "$PDB" --key "$PKEY"
expect_eq "a side refuses keys of its own role" 1 "$RC"

run_cli serve --public --db "$DB" --listen 127.0.0.1:1
expect_eq "serve --public refuses the intranet's key file" 1 "$RC"
expect_contains "... saying why" "sealing secret" "$ERR"

# ---- the public instance ------------------------------------------------
IDB=$DB
DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts"; finish; }
P_BASE=$BASE; P_PID=$SERVER_PID; SERVER_PID=
for p in / /login /units /reports /api/me /assets/../login; do
	expect_eq "public instance: GET $p is 404" 404 "$(http_get "$H" "$P_BASE$p")"
done
check "... a plain 404, no login page or navigation" bash -c "! grep -qE 'href=\"/login\"|class=\"nav' '$H.b'"
expect_eq "public instance: POST /login is 404" 404 "$(http_status --data 'username=admin&password=x' "$P_BASE/login")"
expect_eq "public instance: health" 200 "$(http_status "$P_BASE/healthz")"
expect_eq "public instance: the report form" 200 "$(http_get "$H" "$P_BASE/p/report")"
expect_contains "... in Chinese, mobile-first" 'name="viewport"' "$(cat "$H.b")"
# each post solves its form's proof of work (pow_data; pow_bits 8 here)
rtok() { http_get "$H" "$1/p/report" >/dev/null; pow_data "$H.b"; }

expect_eq "a post without the form's token is refused" 403 \
	"$(http_status --data-urlencode "summary=x" --data mode=anonymous "$P_BASE/p/report")"
expect_eq "a real-name report without contact: 422" 422 \
	"$(http_get "$H" --data "$(rtok "$P_BASE")" --data mode=real --data-urlencode "reporter=$WHO" \
		--data-urlencode "person=王某" --data-urlencode "summary=$MARK" "$P_BASE/p/report")"
expect_contains "... said beside the field" "实名举报请填写联系方式" "$(cat "$H.b")"
expect_eq "a real-name report is taken" 200 \
	"$(http_get "$H" -A 'qf-t195-agent/1.0' --data "$(rtok "$P_BASE")" --data mode=real \
		--data-urlencode "reporter=$WHO" --data-urlencode "contact=13900001957" \
		--data-urlencode "person=王某" --data-urlencode "unit=某县粮食局" \
		--data-urlencode "summary=$MARK，多次用公款宴请" "$P_BASE/p/report")"
CODE=$(sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' ')
expect_eq "... the page shows a 16-digit query code" 16 "${#CODE}"

DB=$PDB
expect_eq "the public inbox holds one sealed item" 1 "$(sql 'SELECT count(*) FROM public_inbox')"
expect_eq "... with its kind and day only" "report|$(date -u -d '+8 hours' +%F)" \
	"$(sql 'SELECT kind, day FROM public_inbox')"
check "the public database holds no plaintext of it" dump_lacks "ZQX195" "$PDB"
check "... nor the reporter's name" dump_lacks "$WHO" "$PDB"
check "... nor the query code" dump_lacks "$CODE" "$PDB"
check "... nor the client's address" dump_lacks "127.0.0.1" "$PDB"
check "... nor its user agent" dump_lacks "qf-t195-agent" "$PDB"
if [ "$BACKEND" = sqlite ]; then
	check "... the raw files neither (database, WAL)" bash -c "! grep -qa ZQX195 '$PDB' '$PDB-wal' 2>/dev/null"
fi
check "no reports on the public side" [ "$(sql 'SELECT count(*) FROM reports')" = 0 ]
DB=$IDB

qtok() { http_get "$H" "$P_BASE/p/query" >/dev/null; pow_data "$H.b"; }
expect_eq "the code works on the public side" 200 \
	"$(http_get "$H" --data "$(qtok)" --data-urlencode "code=$CODE" "$P_BASE/p/query")"
expect_contains "... 已收到" "已收到" "$(cat "$H.b")"

# ---- the ferry ------------------------------------------------------------
run_cli ferry export --db "$PDB" --key "$PKEY" --out "$T_DIR/inbox.batch"
expect_eq "ferry export on the public side" 0 "$RC"
check "... the batch holds no plaintext" bash -c "! grep -q ZQX195 '$T_DIR/inbox.batch'"

# a tampered batch: one byte of the sealed item changed
python3 - "$T_DIR/inbox.batch" "$T_DIR/tampered.batch" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
i = b.index(b'"sealed":"') + 20
open(sys.argv[2], 'wb').write(b[:i] + (b'A' if b[i:i+1] != b'A' else b'B') + b[i+1:])
PY
state() { sql "SELECT (SELECT count(*) FROM reports) || '/' || (SELECT count(*) FROM public_items) || '/' || (SELECT max(id) FROM audit_log)"; }
S0=$(state)
run_cli ferry import "$T_DIR/tampered.batch" --db "$DB"
expect_eq "a tampered batch is refused" 1 "$RC"
expect_contains "... with a clear error" "signature does not verify" "$ERR"
expect_eq "... nothing imported" "$S0" "$(state)"
run_cli ferry import "$T_DIR/inbox.batch" --db "$PDB" --key "$PKEY"
expect_eq "the public side refuses an inbox batch" 1 "$RC"

run_cli ferry import "$T_DIR/inbox.batch" --db "$DB"
expect_eq "ferry import on the intranet" 0 "$RC"
expect_contains "... one applied" "1 applied" "$OUT"
RID=$(sql "SELECT id FROM reports WHERE channel = 'online'")
expect_eq "... the report exists, online, real-name, awaiting acceptance" "online|1|registered" \
	"$(sql "SELECT channel || '|' || real_name || '|' || state FROM reports WHERE id = $RID")"
S1=$(state)
run_cli ferry import "$T_DIR/inbox.batch" --db "$DB"
expect_eq "importing the same batch again" 0 "$RC"
expect_contains "... skips it" "0 applied, 1 skipped" "$OUT"
expect_eq "... and changes nothing" "$S1" "$(state)"

# ---- the intranet: the clerk sees it, accepts it and replies ---------------
start_server || { not_ok "intranet server starts"; finish; }
CJ=$T_DIR/clerk.jar
expect_eq "clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
ctok=$(csrf_of "$CJ")
expect_eq "the report's page" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/$RID")"
expect_contains "... holds the summary" "ZQX195" "$(cat "$H.b")"
expect_contains "... and whom it concerns" "某县粮食局" "$(cat "$H.b")"
expect_contains "... the clerk sees the reporter" "$WHO" "$(cat "$H.b")"
expect_contains "... and the exchange with the reporter" "答复网络举报人" "$(cat "$H.b")"
expect_eq "accept" 303 "$(http_status -b "$CJ" --data-urlencode "csrf=$ctok" \
	--data "form=decision&decision=accept&decision_day=$(date -u -d '+8 hours' +%F)" "$BASE/reports/$RID/step")"
expect_eq "an empty reply: 422" 422 "$(http_status -b "$CJ" --data-urlencode "csrf=$ctok" \
	--data "form=public_reply&reply=" "$BASE/reports/$RID/public-reply")"
expect_eq "a reply without the CSRF token: 403" 403 "$(http_status -b "$CJ" \
	--data-urlencode "reply=x" "$BASE/reports/$RID/public-reply")"
ANSWER='已转有关部门核查<b>，感谢监督'
expect_eq "the reply" 303 "$(http_status -b "$CJ" --data-urlencode "csrf=$ctok" \
	--data "form=public_reply" --data-urlencode "reply=$ANSWER" "$BASE/reports/$RID/public-reply")"
check "... encrypted at rest" dump_lacks "已转有关部门核查"
expect_eq "a second reply" 303 "$(http_status -b "$CJ" --data-urlencode "csrf=$ctok" \
	--data "form=public_reply" --data-urlencode "reply=第二次答复ZQX" "$BASE/reports/$RID/public-reply")"
expect_eq "the report's page lists both replies" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/$RID")"
expect_eq "... in order" "已转有关部门核查&lt;b&gt;，感谢监督|第二次答复ZQX" \
	"$(grep -o 'class="from-staff">[^<]*<span[^>]*>[^<]*</span> <span class="prose">[^<]*' "$H.b" | sed 's/.*prose">//' | paste -sd'|')"
expect_eq "... audited" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'public_reply' AND object = 'report/$RID'")"

# ---- the way back ----------------------------------------------------------
run_cli ferry export --db "$DB" --out "$T_DIR/replies.batch"
expect_eq "ferry export on the intranet (replies)" 0 "$RC"
check "... no reporter's name in it" bash -c "! grep -q '$WHO' '$T_DIR/replies.batch'"
run_cli ferry import "$T_DIR/replies.batch" --db "$PDB" --key "$PKEY"
expect_eq "ferry import on the public side" 0 "$RC"
DB=$PDB
expect_eq "... the collected item leaves the public inbox" 0 "$(sql 'SELECT count(*) FROM public_inbox')"
DB=$IDB
expect_eq "the reporter reads the status" 200 \
	"$(http_get "$H" --data "$(qtok)" --data-urlencode "code=${CODE:0:4}-${CODE:4:4} ${CODE:8}" "$P_BASE/p/query")"
expect_contains "... 已受理" "已受理" "$(cat "$H.b")"
expect_contains "... and the answer, escaped" '已转有关部门核查&lt;b&gt;，感谢监督' "$(cat "$H.b")"
expect_contains "... and the second reply after it" '感谢监督

'"$(date -u -d '+8 hours' +%F)"'：第二次答复ZQX' "$(cat "$H.b")"
run_cli ferry import "$T_DIR/replies.batch" --db "$PDB" --key "$PKEY"
expect_contains "the reply batch again changes nothing" "0 applied" "$OUT"

# ---- follow-ups (补充说明): sealed like the report, in order of arrival ----------
msg() {   # msg BASE CODE TEXT: posts a follow-up from the status page; prints the status
	http_get "$H" "$1/p/query" >/dev/null
	http_get "$H" --data "$(pow_data "$H.b")" --data-urlencode "code=$2" "$1/p/query" >/dev/null
	http_get "$H" --data "$(pow_data "$H.b")" --data-urlencode "code=$2" \
		--data-urlencode "message=$3" "$1/p/message"
}
expect_eq "the status page offers a follow-up" 200 \
	"$(http_get "$H" --data "$(qtok)" --data-urlencode "code=$CODE" "$P_BASE/p/query")"
expect_contains "... 补充说明" 'action="/p/message"' "$(cat "$H.b")"
expect_eq "an empty follow-up: 422" 422 "$(msg "$P_BASE" "$CODE" "")"
expect_contains "... said beside the field" "请填写补充说明" "$(cat "$H.b")"
expect_eq "a follow-up is taken" 200 "$(msg "$P_BASE" "$CODE" "补充ZQX195M：另有报销票据")"
expect_contains "... saying so" 'id="message-sent"' "$(cat "$H.b")"
# a second report and its follow-up travel in one batch: the follow-up after its report
expect_eq "a second report" 200 "$(http_get "$H" "$P_BASE/p/report")"
expect_eq "... taken" 200 "$(http_get "$H" --data "$(pow_data "$H.b")" --data mode=anonymous \
	--data-urlencode "unit=某乡" --data-urlencode "summary=第二件ZQX195B" "$P_BASE/p/report")"
CODE3=$(sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' ')
expect_eq "... and its follow-up" 200 "$(msg "$P_BASE" "$CODE3" "补充ZQX195N")"
DB=$PDB
expect_eq "the public inbox holds the three, in order" "message report message" \
	"$(sql 'SELECT kind FROM public_inbox ORDER BY seq' | tr '\n' ' ' | sed 's/ $//')"
check "... none of the follow-ups' text" dump_lacks "ZQX195M" "$PDB"
DB=$IDB
run_cli ferry export --db "$PDB" --key "$PKEY" --out "$T_DIR/inbox2.batch"
run_cli ferry import "$T_DIR/inbox2.batch" --db "$DB"
expect_eq "the intranet imports the three" 0 "$RC"
expect_contains "... 3 applied" "3 applied" "$OUT"
RID3=$(sql "SELECT id FROM reports WHERE channel = 'online' AND id <> $RID")
expect_eq "... each follow-up with its report" "$RID|$RID3" \
	"$(sql "SELECT string_agg(x, '|') FROM (SELECT CAST(report_id AS TEXT) AS x FROM public_messages WHERE direction = 'in' ORDER BY id) t" 2>/dev/null ||
	   sql "SELECT group_concat(report_id, '|') FROM (SELECT report_id FROM public_messages WHERE direction = 'in' ORDER BY id)")"
check "... encrypted at rest" dump_lacks "ZQX195M"
expect_eq "the report's page shows the follow-up" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/$RID")"
expect_contains "... its text" "补充ZQX195M：另有报销票据" "$(cat "$H.b")"
expect_contains "... and the timeline" "举报人补充说明" "$(cat "$H.b")"
run_cli ferry export --db "$DB" --out "$T_DIR/replies2.batch"
run_cli ferry import "$T_DIR/replies2.batch" --db "$PDB" --key "$PKEY"
DB=$PDB
expect_eq "the reply batch collects them all" 0 "$(sql 'SELECT count(*) FROM public_inbox')"
before=$(sql 'SELECT item_id, status, answer, detail FROM public_status ORDER BY item_id')
DB=$IDB
# an old, genuine reply batch replayed (by a holder of the pull key, or a
# stale file): refused, nothing changes (docs/security.md "The ferry pull")
run_cli ferry import "$T_DIR/replies.batch" --db "$PDB" --key "$PKEY"
check "an older reply batch than one imported is refused" test "$RC" != 0
expect_contains "... saying why" "is older than one imported before" "$ERR"
expect_eq "... the statuses unchanged" "$before" "$(DB=$PDB sql 'SELECT item_id, status, answer, detail FROM public_status ORDER BY item_id')"
run_cli ferry import "$T_DIR/replies2.batch" --db "$PDB" --key "$PKEY"
expect_eq "the newest one again is still accepted (idempotent)" 0 "$RC"

# ---- guessing ------------------------------------------------------------------
WRONG=$(printf '%016d' $(( (10#${CODE:0:15} + 1) % 1000000000000000 )))
expect_eq "a wrong code is refused" 404 \
	"$(http_get "$H" --data "$(qtok)" --data-urlencode "code=$WRONG" "$P_BASE/p/query")"
expect_contains "... saying so" "查询码不正确" "$(cat "$H.b")"
codes=""
for i in 1 2 3 4 5 6; do
	codes="$codes $(http_status --data "$(qtok)" --data-urlencode "code=$WRONG" "$P_BASE/p/query")"
done
expect_eq "repeated guesses hit the limit" " 404 404 404 404 429 429" "$codes"
expect_eq "... then even the right code waits" 429 \
	"$(http_status --data "$(qtok)" --data-urlencode "code=$CODE" "$P_BASE/p/query")"

kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null
check "the public log names no address or user agent on /p/ lines" \
	bash -c "! grep ' /p/' '$T_DIR/serve.log' | grep -qE '127\.0\.0\.1|qf-t195-agent|curl/'"
check "... and no query code" bash -c "! grep -q '$CODE' '$T_DIR/serve.log'"

# ---- single-instance mode (the intranet's serve) ------------------------------
N0=$(sql "SELECT count(*) FROM reports")
expect_eq "single instance: the form" 200 "$(http_get "$H" "$BASE/p/report")"
expect_eq "single instance: an anonymous report" 200 \
	"$(http_get "$H" --data "$(pow_data "$H.b")" --data mode=anonymous \
		--data-urlencode "person=李某" --data-urlencode "summary=单实例ZQX1952" "$BASE/p/report")"
CODE2=$(sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' ')
expect_eq "... the report exists at once (the ferry is internal)" "$((N0 + 1))" "$(sql "SELECT count(*) FROM reports")"
expect_eq "... anonymous, online" "0|online" \
	"$(sql "SELECT real_name || '|' || channel FROM reports ORDER BY id DESC LIMIT 1")"
expect_eq "... nothing left in the inbox" 0 "$(sql 'SELECT count(*) FROM public_inbox')"
expect_eq "... the code shows 已收到" 200 \
	"$(http_get "$H" "$BASE/p/query")"
expect_eq "... queried" 200 "$(http_get "$H" --data "$(pow_data "$H.b")" \
	--data-urlencode "code=$CODE2" "$BASE/p/query")"
expect_contains "... 已收到" "已收到" "$(cat "$H.b")"
expect_eq "... the audit log keeps no address for it" "public|-" \
	"$(sql "SELECT user_name || '|' || ip FROM audit_log WHERE event = 'create' ORDER BY id DESC LIMIT 1")"
expect_eq "single instance: a follow-up" 200 "$(msg "$BASE" "$CODE2" "单实例补充ZQX1953")"
expect_eq "... stored with its report at once" 1 \
	"$(sql "SELECT count(*) FROM public_messages m JOIN reports r ON r.id = m.report_id WHERE m.direction = 'in' AND r.id = (SELECT max(id) FROM reports)")"
expect_eq "single instance: staff pages still served" 200 "$(http_status "$BASE/login")"

check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
