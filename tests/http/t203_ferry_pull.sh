#!/usr/bin/env bash
# t203_ferry_pull: the ferry as a pull over HTTPS with a shared key (issue
# 13 "Two faces, one program": "or a pull over HTTPS with a shared key
# where the networks allow it"; docs/operations.md "Pull over HTTPS",
# docs/security.md "The ferry pull").  Two instances as in t195/t197; the
# public one serves HTTPS with a self-signed certificate.
# - `ferry key pull-secret` makes the shared key and writes it to a file
#   (mode 0600) for the other side, never to the terminal;
# - the pull routes answer 404 on a public instance without a pull key
#   (and on the intranet);
# - `ferry pull URL --ca CERT` from the intranet: the rating points reach
#   the public side, a public report and a rating reach the intranet
#   registry, the report's status reaches the public query page; a pull
#   with nothing new changes nothing and appends no audit entry; a pull
#   whose second leg never happened loses nothing;
# - refused, and nothing changed: no authentication and a wrong key (the
#   same 401), a tampered body (401), an old timestamp (403), a replayed
#   request (403); the log never holds the key;
# - without --ca the certificate does not verify; http:// needs
#   --allow-http;
# - `serve --pull` moves an item without a CLI call, and stops cleanly.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
public_init
expect_eq "init --public" 0 "$RC"
check "the key exchange" ferry_keys
IDB=$DB
MARK=ZQX203

# ---- the shared key ----------------------------------------------------------
SECRET=$T_DIR/pull.secret
run_cli ferry key pull-secret --out "$SECRET" --db "$DB"
expect_eq "ferry key pull-secret --out on the intranet" 0 "$RC"
HEX=$(cat "$SECRET")
protect "$HEX"
check "... 32 random bytes in hex" grep -qE '^[0-9a-f]{64}$' "$SECRET"
expect_eq "... the file is the owner's only" 600 "$(stat -c %a "$SECRET")"
check "... stored in the intranet's key file" grep -qx "pull_secret=$HEX" "$KEY"
check "... never printed" bash -c "! grep -q '$HEX' '$T_DIR/cli.out' '$T_DIR/cli.err'"
run_cli ferry key pull-secret --out "$SECRET" --db "$DB"
expect_eq "... an existing file is not overwritten" 1 "$RC"
expect_eq "... nor the key changed" "pull_secret=$HEX" "$(grep '^pull_secret=' "$KEY")"
run_cli ferry key pull-secret --db "$DB"
expect_eq "... with neither a file nor --out: usage" 1 "$RC"

# the certificate of the public instance (self-signed, for 127.0.0.1)
CERT=$T_DIR/public.crt
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=127.0.0.1 \
	-addext subjectAltName=IP:127.0.0.1 -keyout "$T_DIR/public.tlskey" -out "$CERT" 2>/dev/null
check "a self-signed certificate" test -s "$CERT"
export CURL_CA_BUNDLE=$CERT     # the test's own curl trusts it; qingfeng only with --ca

# ---- the intranet server: a unit with its rating page ------------------------
start_server || { not_ok "intranet server starts"; finish; }
I_BASE=$BASE; I_PID=$SERVER_PID
expect_eq "cm logs in" 303 "$(login cm "$PW")"
UA=$(body "$(api POST /api/units "{\"name\":\"乙局$MARK\",\"kind\":\"department\"}")" | jget '["id"]')
TA=$(curl -s -b "$JAR" "$BASE/units/$UA/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
expect_eq "the unit's rating token" 43 "${#TA}"
expect_eq "the intranet has no pull route" 404 "$(http_status "$I_BASE/ferry/batch")"

# ---- the public instance, first without the pull key ---------------------------
pstart() {      # the public instance over HTTPS; P_BASE, P_PID
	SERVER_PID=
	DB=$PDB URL_SCHEME=https start_server --public --key "$PKEY" \
		--tls-cert "$CERT" --tls-key "$T_DIR/public.tlskey" || return 1
	P_BASE=$BASE; P_PID=$SERVER_PID; SERVER_PID=$I_PID; BASE=$I_BASE
}
pstop() { kill -TERM "$P_PID"; wait "$P_PID"; P_PID=; }
pstart || { not_ok "public server starts (HTTPS)"; finish; }
expect_eq "public instance without a pull key: GET /ferry/batch is 404" 404 \
	"$(http_get "$H" "$P_BASE/ferry/batch")"
cp "$H.b" "$T_DIR/404.b"
expect_eq "... POST /ferry/reply too" 404 "$(http_status --data-binary x "$P_BASE/ferry/reply")"
expect_eq "... as an unknown path" "$(cat "$T_DIR/404.b" | sed 's/[0-9a-f]\{8,\}//g')" \
	"$(curl -s "$P_BASE/ferry/nothing" | sed 's/[0-9a-f]\{8,\}//g')"
run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB"
expect_eq "a pull from it fails" 1 "$RC"
expect_contains "... saying the public side answered 404" "answered 404" "$ERR"
pstop

run_cli ferry key pull-secret - --db "$PDB" --key "$PKEY" <"$SECRET"
expect_eq "the public side stores the key (from standard input)" 0 "$RC"
check "... the same key in both key files" grep -qx "pull_secret=$HEX" "$PKEY"
pstart || { not_ok "public server restarts"; finish; }

# ---- the first pull: the rating points go out ----------------------------------
pstate() {      # the public side: inbox, status rows, points, audit entries
	DB=$PDB sql "SELECT (SELECT count(*) FROM public_inbox) || '/' || (SELECT count(*) FROM public_status) || '/' || (SELECT count(*) FROM public_points) || '/' || (SELECT count(*) FROM audit_log)"
}
istate() {      # the intranet: reports, imported items, ratings, audit entries
	sql "SELECT (SELECT count(*) FROM reports) || '/' || (SELECT count(*) FROM public_items) || '/' || (SELECT count(*) FROM ratings) || '/' || (SELECT max(id) FROM audit_log)"
}
P_START=$(pstate)
run_cli ferry pull "$P_BASE" --db "$DB"
expect_eq "without --ca the self-signed certificate does not verify" 1 "$RC"
expect_contains "... said" "certificate" "$ERR"
run_cli ferry pull "http://127.0.0.1:$(sed 's/.*://' <<<"$P_BASE")/" --db "$DB"
expect_eq "a plain http:// URL without --allow-http is refused" 1 "$RC"
expect_contains "... saying so" "--allow-http" "$ERR"
run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$PDB" --key "$PKEY"
expect_eq "the public side does not pull" 1 "$RC"
expect_eq "nothing of that changed the public side" "$P_START" "$(pstate)"

run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB"
expect_eq "ferry pull over HTTPS with --ca" 0 "$RC"
expect_contains "... an empty inbox, the points sent" "inbox 0 items" "$OUT"
expect_eq "... the rating points reached the public side" "乙局$MARK" \
	"$(DB=$PDB sql "SELECT unit_name FROM public_points WHERE token = '$TA'")"

# ---- a report and a rating on the public side ------------------------------------
expect_eq "the public report form" 200 "$(http_get "$H" "$P_BASE/p/report")"
expect_eq "an anonymous report" 200 "$(http_get "$H" --data "$(pow_data "$H.b")" --data mode=anonymous \
	--data-urlencode "unit=某局" --data-urlencode "summary=${MARK}R 违规发放津贴" "$P_BASE/p/report")"
CODE=$(sed -n 's/.*id="query-code">\([0-9 ]*\)<.*/\1/p' "$H.b" | tr -d ' ')
expect_eq "... its 16-digit query code" 16 "${#CODE}"
expect_eq "the unit's rating page" 200 "$(http_get "$H" "$P_BASE/p/rate/$TA")"
IK=$(grep -o 'name="idem_key" value="[^"]*"' "$H.b" | sed 's/.*value="//; s/"$//')
expect_eq "a four-star rating" 200 "$(http_status --data-urlencode "idem_key=$IK" -d stars=4 \
	--data-urlencode "comment=${MARK}C" "$P_BASE/p/rate/$TA")"
expect_eq "two sealed items wait (a plain rating goes in a group: kind ratings)" "report ratings" "$(DB=$PDB sql 'SELECT kind FROM public_inbox ORDER BY seq' | paste -sd' ')"

run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB"
expect_eq "the second pull" 0 "$RC"
expect_contains "... two items in, two applied" "inbox 2 items, 2 applied" "$OUT"
RID=$(sql "SELECT id FROM reports WHERE channel = 'online'")
check "... the report is in the intranet registry" test -n "$RID"
expect_eq "... awaiting acceptance" registered "$(sql "SELECT state FROM reports WHERE id = $RID")"
expect_eq "... the rating counted" "4" "$(sql "SELECT stars FROM ratings WHERE unit_id = $UA")"
expect_eq "... the public inbox emptied by the reply leg" 0 "$(DB=$PDB sql 'SELECT count(*) FROM public_inbox')"
expect_eq "... audited on the intranet" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'ferry_import'")"

# the clerk accepts it; the status reaches the query page by the next pull
CJ=$T_DIR/clerk.jar
expect_eq "clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
expect_eq "the clerk accepts the report" 303 "$(http_status -b "$CJ" --data-urlencode "csrf=$(csrf_of "$CJ")" \
	--data "form=decision&decision=accept&decision_day=$(date -u -d '+8 hours' +%F)" "$I_BASE/reports/$RID/step")"
query() { http_get "$H" "$P_BASE/p/query" >/dev/null; http_get "$H" --data "$(pow_data "$H.b")" --data-urlencode "code=$CODE" "$P_BASE/p/query"; }
expect_eq "before the pull the reporter reads 已收到" 200 "$(query)"
check "... not yet 已受理" bash -c "grep -q 已收到 '$H.b' && ! grep -q 已受理 '$H.b'"
run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB"
expect_eq "the third pull" 0 "$RC"
expect_eq "the status reached the public query page" 200 "$(query)"
expect_contains "... 已受理" "已受理" "$(cat "$H.b")"

# an intranet whose key differs: refused, told why
cp "$KEY" "$T_DIR/other.key"
run_cli ferry key pull-secret --out "$T_DIR/other.secret" --db "$DB" --key "$T_DIR/other.key"
I0=$(istate); P0=$(pstate)
run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB" --key "$T_DIR/other.key"
expect_eq "a pull under another key is refused" 1 "$RC"
expect_contains "... the public side's 401 and reason" "answered 401: the request is not authenticated" "$ERR"
expect_eq "... nothing changed on the intranet" "$I0" "$(istate)"
expect_eq "... nor on the public side" "$P0" "$(pstate)"

# a pull with nothing new changes nothing, on either side, not even the log
I0=$(istate); P0=$(pstate)
run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB"
expect_eq "a pull with nothing new" 0 "$RC"
expect_contains "... applies nothing" "inbox 0 items, 0 applied, 0 skipped; replies 2 items, 0 applied" "$OUT"
expect_eq "... the intranet unchanged (no audit entry)" "$I0" "$(istate)"
expect_eq "... the public side unchanged (no audit entry)" "$P0" "$(pstate)"

# ---- the requests' MAC: signed by an independent implementation ------------------
cat >"$T_DIR/sign.py" <<'PY'
# sign.py KEYHEX METHOD PATH BODYFILE [TIME [NONCE]]: the three headers, one a line
import base64, hashlib, hmac, os, sys, time
key, method, path, bodyfile = bytes.fromhex(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
body = open(bodyfile, 'rb').read() if bodyfile != '-' else b''
t = sys.argv[5] if len(sys.argv) > 5 else str(int(time.time()))
nonce = base64.urlsafe_b64encode(os.urandom(16)).rstrip(b'=').decode()
msg = 'qingfeng-pull 1\n%s\n%s\n%s\n%s\n%s\n' % (method, path, t, nonce, hashlib.sha256(body).hexdigest())
print('X-Qf-Time: ' + t)
print('X-Qf-Nonce: ' + nonce)
print('X-Qf-Mac: ' + hmac.new(key, msg.encode(), hashlib.sha256).hexdigest())
PY
signed() {      # signed KEYHEX METHOD PATH BODYFILE [TIME]: curl -H arguments in HDR
	local l
	HDR=()
	while IFS= read -r l; do HDR+=(-H "$l"); done < <(python3 "$T_DIR/sign.py" "$@")
}
detail() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["detail"])' "$1"; }

signed "$HEX" GET /ferry/batch -
expect_eq "a signed GET /ferry/batch (the inbox batch)" 200 "$(http_get "$H" "${HDR[@]}" "$P_BASE/ferry/batch")"
check "... the bytes of ferry export" grep -q '^qingfeng-ferry 1 inbox ' "$H.b"
expect_eq "... replayed: refused" 403 "$(http_get "$H" "${HDR[@]}" "$P_BASE/ferry/batch")"
expect_contains "... as a replay" "replayed" "$(detail "$H.b")"

P0=$(pstate)
expect_eq "no authentication: 401" 401 "$(http_get "$H" "$P_BASE/ferry/batch")"
cp "$H.b" "$T_DIR/noauth.b"
expect_contains "... JSON with a precise message" "not authenticated" "$(detail "$H.b")"
signed "$(openssl rand -hex 32)" GET /ferry/batch -
expect_eq "a wrong key: 401" 401 "$(http_get "$H" "${HDR[@]}" "$P_BASE/ferry/batch")"
expect_eq "... the same answer as no key (no oracle)" "$(cat "$T_DIR/noauth.b")" "$(cat "$H.b")"
signed "$HEX" GET /ferry/batch - "$(($(date +%s) - 1000))"
expect_eq "an old timestamp: 403" 403 "$(http_get "$H" "${HDR[@]}" "$P_BASE/ferry/batch")"
expect_contains "... said" "300 seconds" "$(detail "$H.b")"
signed "$HEX" GET /ferry/reply -
expect_eq "a MAC for another path: 401" 401 "$(http_get "$H" "${HDR[@]}" "$P_BASE/ferry/batch")"

# a reply batch: applied once, its replay and a tampered copy refused
run_cli ferry export --db "$DB" --out "$T_DIR/replies.batch"
expect_eq "the intranet's reply batch" 0 "$RC"
python3 - "$T_DIR/replies.batch" "$T_DIR/tampered.batch" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(b.replace(b'"status":"accepted"', b'"status":"concluded"', 1))
PY
check "... a tampered copy differs" bash -c "! cmp -s '$T_DIR/replies.batch' '$T_DIR/tampered.batch'"
signed "$HEX" POST /ferry/reply "$T_DIR/replies.batch"
expect_eq "a tampered body under a MAC of the real one: 401" 401 \
	"$(http_get "$H" "${HDR[@]}" -H 'Content-Type: application/octet-stream' --data-binary @"$T_DIR/tampered.batch" "$P_BASE/ferry/reply")"
expect_eq "the real body with that MAC" 200 \
	"$(http_get "$H" "${HDR[@]}" -H 'Content-Type: application/octet-stream' --data-binary @"$T_DIR/replies.batch" "$P_BASE/ferry/reply")"
expect_eq "... seen before: nothing applied" 0 "$(jget '["applied"]' <"$H.b")"
expect_eq "... replayed: 403" 403 \
	"$(http_get "$H" "${HDR[@]}" -H 'Content-Type: application/octet-stream' --data-binary @"$T_DIR/replies.batch" "$P_BASE/ferry/reply")"
head -c 2500000 /dev/zero | tr '\0' x >"$T_DIR/big.body"
signed "$HEX" POST /ferry/reply "$T_DIR/big.body"
expect_eq "a signed body past --max-body (2.5 MB) is read whole: refused as no batch" 422 \
	"$(http_get "$H" "${HDR[@]}" -H 'Content-Type: application/octet-stream' --data-binary @"$T_DIR/big.body" "$P_BASE/ferry/reply")"
expect_contains "... saying so" "not a ferry batch" "$(detail "$H.b")"
expect_eq "none of these changed the public side" "$P0" "$(pstate)"
expect_eq "... the query page still says 已受理" 200 "$(query)"
check "... not 已办结" bash -c "grep -q 已受理 '$H.b' && ! grep -q 已办结 '$H.b'"
check "the public side's log names the refusals" grep -q "ferry pull: GET /ferry/batch refused" "$T_DIR/serve.log"
check "... and never holds the key" bash -c "! grep -q '$HEX' '$T_DIR/serve.log' '$T_DIR/cli.log'"

# a pull that stopped after its first leg loses nothing
expect_eq "another report" 200 "$(http_get "$H" "$P_BASE/p/report")"
expect_eq "... taken" 200 "$(http_get "$H" --data "$(pow_data "$H.b")" --data mode=anonymous \
	--data-urlencode "unit=某乡" --data-urlencode "summary=${MARK}S 第二件" "$P_BASE/p/report")"
signed "$HEX" GET /ferry/batch -
http_get "$H" "${HDR[@]}" "$P_BASE/ferry/batch" >/dev/null
run_cli ferry import "$H.b" --db "$DB"
expect_contains "the first leg alone (imported, no reply sent)" "1 applied" "$OUT"
expect_eq "... the item stays in the public inbox" 1 "$(DB=$PDB sql 'SELECT count(*) FROM public_inbox')"
run_cli ferry pull "$P_BASE/" --ca "$CERT" --db "$DB"
expect_contains "the next pull brings it again, skipped" "inbox 1 items, 0 applied, 1 skipped" "$OUT"
expect_eq "... and collects it" 0 "$(DB=$PDB sql 'SELECT count(*) FROM public_inbox')"
expect_eq "... one report of it (two online reports in all)" 2 "$(sql "SELECT count(*) FROM reports WHERE channel = 'online'")"

# ---- serve --pull: the intranet's server pulls by itself ----------------------------
stop_server
run_cli serve --db "$PDB" --key "$PKEY" --pull "$P_BASE/" --listen 127.0.0.1:1
expect_eq "serve --pull refuses a public instance's key file" 2 "$RC"
start_server --pull "$P_BASE/" --pull-ca "$CERT" --pull-every 1 || { not_ok "intranet server with --pull"; finish; }
I_PID=$SERVER_PID
expect_eq "a third report on the public side" 200 "$(http_get "$H" "$P_BASE/p/report")"
expect_eq "... taken" 200 "$(http_get "$H" --data "$(pow_data "$H.b")" --data mode=anonymous \
	--data-urlencode "unit=某镇" --data-urlencode "summary=${MARK}T 第三件" "$P_BASE/p/report")"
moved() { [ "$(sql "SELECT count(*) FROM reports WHERE channel = 'online'")" = 3 ] &&
	[ "$(DB=$PDB sql 'SELECT count(*) FROM public_inbox')" = 0 ]; }
for _ in $(seq 1 300); do moved && break; sleep 0.1; done
check "the periodic pull moved it (and collected it) without a CLI call" moved
# the line comes when the pull ends (after a last round that finds the inbox empty)
logged() { grep -q "ferry pull from $P_BASE/: inbox 1 items (1 new)" "$T_DIR/serve.log"; }
for _ in $(seq 1 300); do logged && break; sleep 0.1; done
check "... logged" logged
stop_server
expect_eq "the server with --pull stops cleanly" 0 "$SERVER_LAST_RC"
pstop
check "no sanitizer report (servers)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
