#!/usr/bin/env bash
# t20_login.sh: signing in and out: the session cookie, the same answer
# for a wrong password and an unknown name, lock-out after five failures
# (for unknown names too), logout ending the session on the server, a new
# token at each login, the login form's CSRF token.
# Issue 8, failure 7 (the checks after "login flood"): a flood of unknown
# names grew login_throttle and audit_log without bound, a password typed
# as the name was kept in the audit log, and five tries from anywhere
# locked an admin out; failure 8: the form token was any value the client
# chose (the checks "a chosen token" and "a forged token").
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
MSG_BAD="用户名或密码错误"
MSG_LOCKED="登录失败次数过多，账户已暂时锁定"

# login_page USER PASSWORD [JAR]: the login POST with the form's token,
# keeping headers in $T_DIR/lp.h and body in $T_DIR/lp.b; prints status
login_page() {
	local jar=${3:-$JAR} pre
	rm -f "$jar"
	curl -s -c "$jar" -b "$jar" ${FROM:+--interface "$FROM"} "$BASE/login" >/dev/null
	pre=$(cookie_value qf_pre "$jar")
	http_get "$T_DIR/lp" -c "$jar" -b "$jar" ${FROM:+--interface "$FROM"} --data-urlencode "csrf=$pre" \
		--data-urlencode "username=$1" --data-urlencode "password=$2" "$BASE/login"
}
# FROM=ADDR login_page ...: the same from another loopback address
FROM=""
UNKNOWN="(unknown name)"      # the audit object of a name no account has

# --- the login form -------------------------------------------------------
st=$(http_get "$T_DIR/f" -c "$JAR" "$BASE/login")
expect_eq "GET /login: 200" 200 "$st"
pre=$(cookie_value qf_pre)
check "GET /login sets a qf_pre token" test ${#pre} -ge 32
check "the form carries the same token" grep -qF "name=\"csrf\" value=\"$pre\"" "$T_DIR/f.b"
check "qf_pre is HttpOnly and SameSite=Strict" \
	grep -qiE '^set-cookie: qf_pre=[^;]+; Path=/; HttpOnly; SameSite=Strict' "$T_DIR/f.h"

# --- a good login -----------------------------------------------------------
st=$(login_page cm "$PW")
expect_eq "login ok: 303" 303 "$st"
expect_eq "login ok: Location /" "/" "$(header_of "$T_DIR/lp.h" Location)"
setc=$(grep -i '^set-cookie: qf_session=' "$T_DIR/lp.h")
check "login ok sets qf_session" test -n "$setc"
expect_contains "session cookie is HttpOnly" "; HttpOnly" "$setc"
expect_contains "session cookie is SameSite=Strict" "; SameSite=Strict" "$setc"
expect_contains "session cookie Path=/" "; Path=/" "$setc"
check "session cookie has no Max-Age (ends with the browser)" bash -c '! grep -qi max-age <<<"$1"' _ "$setc"
check "login ok clears qf_pre" grep -qiE '^set-cookie: qf_pre=; .*Max-Age=0' "$T_DIR/lp.h"
tok1=$(cookie_value qf_session)
check "session token is long (>= 32 chars)" test ${#tok1} -ge 32
expect_eq "the session opens /" 200 "$(http_status -b "$JAR" "$BASE/")"
check "the session token is not stored in clear" \
	test "$(sql "SELECT count(*) FROM sessions WHERE token_hash = '$tok1'")" = 0
expect_eq "GET /login when signed in: 303 to /" 303 "$(http_status -b "$JAR" "$BASE/login")"
expect_eq "login audited (event login, object cm)" 1 "$(audit_count login cm)"

# a second login gives another token; both sessions are valid
login_page cm "$PW" "$T_DIR/jar2" >/dev/null
tok2=$(cookie_value qf_session "$T_DIR/jar2")
check "a new token at each login" test -n "$tok2" -a "$tok1" != "$tok2"

# --- logout ends the session on the server ---------------------------------
csrf=$(csrf_of)
expect_eq "logout: 303" 303 "$(http_status -b "$JAR" -c "$JAR" --data-urlencode "csrf=$csrf" "$BASE/logout")"
expect_eq "old cookie after logout: / answers 303" 303 \
	"$(http_status -b "qf_session=$tok1" "$BASE/")"
expect_eq "old cookie after logout: redirect to /login" "$BASE/login" \
	"$(curl -s -o /dev/null -w '%{redirect_url}' -b "qf_session=$tok1" "$BASE/")"
expect_eq "old cookie after logout: API answers 401" 401 \
	"$(http_status -b "qf_session=$tok1" "$BASE/api/me")"
expect_eq "the other session is untouched" 200 "$(http_status -b "qf_session=$tok2" "$BASE/")"
expect_eq "logout audited" 1 "$(audit_count logout)"
expect_eq "a bogus session token: 303" 303 \
	"$(http_status -b "qf_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" "$BASE/")"

# --- wrong password and unknown user: the same answer -----------------------
st=$(login_page cm 'Wrong#Password1')
expect_eq "wrong password: 200 (the form again)" 200 "$st"
expect_contains "wrong password: '$MSG_BAD'" "$MSG_BAD" "$(cat "$T_DIR/lp.b")"
check "wrong password: no session cookie" bash -c '! grep -qi "^set-cookie: qf_session=[^;]" "$1"' _ "$T_DIR/lp.h"
wrong_body=$(sed 's/value="[^"]*"//g' "$T_DIR/lp.b")
st=$(login_page nosuchuser 'Wrong#Password1')
expect_eq "unknown user: 200" 200 "$st"
expect_contains "unknown user: '$MSG_BAD'" "$MSG_BAD" "$(cat "$T_DIR/lp.b")"
# the same page but for the echoed name and the fresh form token
expect_eq "unknown user: page identical to wrong password" "$wrong_body" \
	"$(sed 's/value="[^"]*"//g' "$T_DIR/lp.b")"
expect_eq "the failures are audited" 2 "$(audit_count login_failed)"
expect_eq "unknown user audited as such, without the name typed" "unknown user" \
	"$(sql "SELECT detail FROM audit_log WHERE event = 'login_failed' AND object = '$UNKNOWN'")"
expect_eq "the unknown name is nowhere in the audit log" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE object LIKE '%nosuchuser%' OR user_name LIKE '%nosuchuser%' OR detail LIKE '%nosuchuser%'")"

# --- login CSRF: the form's token is required --------------------------------
rm -f "$T_DIR/jar3"
curl -s -c "$T_DIR/jar3" -b "$T_DIR/jar3" "$BASE/login" >/dev/null
pre=$(cookie_value qf_pre "$T_DIR/jar3")
expect_eq "POST /login without any token: 403" 403 \
	"$(http_status --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "POST /login with the cookie but no form token: 403" 403 \
	"$(http_status -b "$T_DIR/jar3" --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "POST /login with the form token but no cookie: 403" 403 \
	"$(http_status --data-urlencode "csrf=$pre" --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "POST /login with a different token: 403" 403 \
	"$(http_status -b "$T_DIR/jar3" --data-urlencode "csrf=$(wrong_token "$pre")" --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "no login of clerk was made by the forged posts" 0 "$(audit_count login clerk)"
expect_eq "the real form still works" 303 "$(login clerk "$PW" "$T_DIR/jar3")"

# a chosen token (the same value in the cookie and the form) is refused:
# the token must carry the server's MAC
chosen=$(head -c 40 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
expect_eq "a chosen token in cookie and form: 403" 403 \
	"$(http_status -b "qf_pre=$chosen" --data-urlencode "csrf=$chosen" --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
rm -f "$T_DIR/jar4"
curl -s -c "$T_DIR/jar4" "$BASE/login" >/dev/null
pre=$(cookie_value qf_pre "$T_DIR/jar4")
forged=$(wrong_token "$pre")
expect_eq "a forged token (one character of a real one changed, in both): 403" 403 \
	"$(http_status -b "qf_pre=$forged" --data-urlencode "csrf=$forged" --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "the real token, in both: 303" 303 \
	"$(http_status -b "qf_pre=$pre" --data-urlencode "csrf=$pre" --data-urlencode "username=clerk" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "no login of clerk by the chosen or forged tokens" 2 "$(audit_count login clerk)"

# --- lock-out after five failures ---------------------------------------------
for i in 1 2 3 4; do
	login_page clerk "bad-$i" >/dev/null
	check "failure $i of clerk shows '$MSG_BAD'" grep -qF "$MSG_BAD" "$T_DIR/lp.b"
done
login_page clerk "bad-5" >/dev/null
check "the fifth failure says the account is locked" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
expect_eq "a login_locked audit row for clerk" 1 "$(audit_count login_locked clerk)"
st=$(login_page clerk "$PW")
expect_eq "locked: the RIGHT password gets the form (200)" 200 "$st"
check "locked: the lock message is shown" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
check "locked: no session cookie" bash -c '! grep -qi "^set-cookie: qf_session=[^;]" "$1"' _ "$T_DIR/lp.h"
expect_eq "locked: no successful login of clerk after the two before" 2 "$(audit_count login clerk)"

# unknown names lock the same way
for i in 1 2 3 4 5; do login_page ghost "bad-$i" >/dev/null; done
check "an unknown name is locked after five failures" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
expect_eq "a login_locked audit row for the unknown name (as the marker)" 1 "$(audit_count login_locked "$UNKNOWN")"
expect_eq "no login_throttle row for the unknown name" 0 \
	"$(sql "SELECT count(*) FROM login_throttle WHERE name = 'ghost'")"
login_page ghost "bad-6" >/dev/null
check "the unknown name stays locked" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"

# other users are not affected
expect_eq "cm is not locked by the others' failures" 303 "$(login cm "$PW")"

# the security admin's CLI unlock lifts the lock
"$QF_BIN" user unlock clerk >/dev/null 2>&1
expect_eq "after 'user unlock' clerk logs in" 303 "$(login clerk "$PW")"

# --- login flood (issue 8, failure 7) ----------------------------------------
# a password typed into the name field is not kept
login_page 'Geheim#Passwort2026' 'x' >/dev/null
expect_eq "a password typed as the name is not in the audit log" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE object LIKE '%Geheim%' OR user_name LIKE '%Geheim%' OR detail LIKE '%Geheim%'")"

# an attacker's five failures from 127.0.0.2 do not lock the admin out
FROM=127.0.0.2
for i in 1 2 3 4 5; do login_page admin "bad-$i" >/dev/null; done
check "the attacker's address is locked for admin" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
login_page admin "$ADMIN_PW" >/dev/null
check "... even with the right password, from that address" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
FROM=""
st=$(login_page admin "$ADMIN_PW")
expect_eq "admin from an address without failures: password accepted (303)" 303 "$st"
expect_eq "... on to the second factor" "/login/totp" "$(header_of "$T_DIR/lp.h" Location)"

# a flood of made-up names from one address: no rows, a bounded audit
thr0=$(sql "SELECT count(*) FROM login_throttle")
aud0=$(sql "SELECT count(*) FROM audit_log")
FROM=127.0.0.3
f0=$(date +%s)
for i in $(seq 1 120); do login_page "flood-$i-$RANDOM" "Flood#Pass$i" >/dev/null; done
check "the flood is answered with the lock message" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
# at once, before the checks below: the address earns one more attempt every
# login_addr_seconds (10 s), and on a loaded machine the SQL checks below took
# longer than that (a failure seen in CI, session 31).  Two attempts back to
# back: a refill may fall between the flood's last and the first of them, not
# two (that would take 10 s between two requests)
login_page "flood-x" "x" >/dev/null
cp "$T_DIR/lp.b" "$T_DIR/lp1.b"
login_page "flood-y" "y" >/dev/null
check "the flooding address is still refused (one of two attempts at least)" \
	grep -qF "$MSG_LOCKED" "$T_DIR/lp1.b" "$T_DIR/lp.b"
FROM=""
# the address may fail 30 times, then once per 10 s (login_addr_burst,
# login_addr_seconds): each refill adds at most a failure and a
# login_throttled row
refills=$(( ($(date +%s) - f0) / 10 + 1 ))
expect_eq "120 unknown names: no login_throttle rows" "$thr0" "$(sql "SELECT count(*) FROM login_throttle")"
aud1=$(sql "SELECT count(*) FROM audit_log")
check "120 unknown names: at most 30 + 2 per refill audit rows ($((aud1 - aud0)), $refills refills)" \
	test $((aud1 - aud0)) -le $((30 + 2 * refills))
check "login_throttled entries for the flooding address: 1 to $refills" \
	test "$(sql "SELECT count(*) FROM audit_log WHERE event = 'login_throttled' AND ip = '127.0.0.3'")" -ge 1 -a \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'login_throttled' AND ip = '127.0.0.3'")" -le "$refills"
expect_eq "no flooded name in the audit log" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE object LIKE 'flood-%' OR user_name LIKE 'flood-%'")"
# signed-in users are not held up: a page answers while the address is refused
# (a refused login is answered from the throttle, before any password hash; no
# timing is asserted, the machine may be loaded)
st=$(http_status -b "$T_DIR/jar2" "$BASE/")
expect_eq "a signed-in page during the flood: 200" 200 "$st"
expect_eq "other addresses still log in" 303 "$(login cm "$PW" "$T_DIR/jar5")"

# --- assorted hostile logins ---------------------------------------------------
st=$(login_page "$(printf 'cm\x01')" "$PW")
expect_eq "control character in the name: 400" 400 "$st"
st=$(login_page "" "$PW")
expect_eq "empty name: 200 with the message" 200 "$st"
check "empty name: '$MSG_BAD'" grep -qF "$MSG_BAD" "$T_DIR/lp.b"
st=$(login_page cm "$(head -c 2000 /dev/zero | tr '\0' x)")
expect_eq "2000-byte password: 200 (refused, no crash)" 200 "$st"

expect_eq "server alive" 200 "$(http_status "$BASE/healthz")"
stop_server
check "server log clean (no sanitizer report)" server_clean
expect_eq "server stopped cleanly on SIGTERM" 0 "${SERVER_LAST_RC:-x}"

# --- under TLS the form token's cookie is __Host-qf_pre (issue 8, failure 8) ---
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T_DIR/tls.key" -out "$T_DIR/tls.crt" \
	-days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
CURL_CA_BUNDLE=$T_DIR/tls.crt URL_SCHEME=https start_server --tls-cert "$T_DIR/tls.crt" \
	--tls-key "$T_DIR/tls.key" || not_ok "the server starts with TLS"
rm -f "$T_DIR/tls.jar"
http_get "$T_DIR/tf" -k -c "$T_DIR/tls.jar" "$BASE/login" >/dev/null
check "TLS: the form token's cookie is __Host-qf_pre with Secure" \
	grep -qiE '^set-cookie: __Host-qf_pre=[^;]+; Path=/; HttpOnly; SameSite=Strict; Secure' "$T_DIR/tf.h"
pre=$(cookie_value __Host-qf_pre "$T_DIR/tls.jar")
expect_eq "TLS: a plain qf_pre cookie is not read" 403 \
	"$(http_status -k -b "qf_pre=$pre" --data-urlencode "csrf=$pre" --data-urlencode "username=cm" --data-urlencode "password=$PW" "$BASE/login")"
expect_eq "TLS: the form with __Host-qf_pre signs in" 303 \
	"$(http_status -k -b "$T_DIR/tls.jar" --data-urlencode "csrf=$pre" --data-urlencode "username=cm" --data-urlencode "password=$PW" "$BASE/login")"
stop_server
check "server log clean after TLS (no sanitizer report)" server_clean
finish
