#!/usr/bin/env bash
# t30_security.sh: security headers on every kind of answer; CSRF
# rejection (audited); oversize bodies (413); malformed forms and invalid
# UTF-8 (400); malformed JSON (400 with a code); 404 and 405; HTML
# escaping of stored text; malformed HTTP; and after all of it the server
# is alive and its sanitizer log clean (MHD-PATTERNS.md 11).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
login cm "$PW" >/dev/null
CSRF=$(csrf_of)
H=$T_DIR/r    # http_get prefix: $H.h headers, $H.b body

# json_field FILE KEY: a top-level field of a JSON body ("" if absent or not JSON)
json_field() {
	python3 -c 'import json,sys
try: v = json.load(open(sys.argv[1])).get(sys.argv[2], "")
except Exception: v = ""
print(v if not isinstance(v, dict) else json.dumps(v, sort_keys=True))' "$1" "$2"
}

# --- security headers -------------------------------------------------------
sec_headers() {   # sec_headers WHAT: checks $H.h
	local csp
	csp=$(header_of "$H.h" Content-Security-Policy)
	check "$1: Content-Security-Policy present" test -n "$csp"
	expect_contains "$1: CSP frame-ancestors 'none'" "frame-ancestors 'none'" "$csp"
	expect_contains "$1: CSP default-src 'none'" "default-src 'none'" "$csp"
	check "$1: CSP has no 'unsafe-inline'" bash -c '! grep -q unsafe-inline <<<"$1"' _ "$csp"
	check "$1: CSP has no 'unsafe-eval'" bash -c '! grep -q unsafe-eval <<<"$1"' _ "$csp"
	expect_eq "$1: X-Content-Type-Options" nosniff "$(header_of "$H.h" X-Content-Type-Options)"
	expect_eq "$1: Referrer-Policy" no-referrer "$(header_of "$H.h" Referrer-Policy)"
	expect_eq "$1: X-Frame-Options" DENY "$(header_of "$H.h" X-Frame-Options)"
}
expect_eq "GET /login: 200" 200 "$(http_get "$H" "$BASE/login")"
sec_headers "page /login"
expect_eq "page: Cache-Control no-store" no-store "$(header_of "$H.h" Cache-Control)"
expect_eq "GET / (signed in): 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/")"
sec_headers "page / (signed in)"
expect_eq "GET /nope: 404" 404 "$(http_get "$H" "$BASE/nope")"
sec_headers "error page 404"
expect_eq "GET /assets/style.css: 200" 200 "$(http_get "$H" "$BASE/assets/style.css")"
sec_headers "asset style.css"
expect_contains "asset: text/css" "text/css" "$(header_of "$H.h" Content-Type)"
etag=$(header_of "$H.h" ETag)
check "asset has an ETag" test -n "$etag"
expect_eq "asset If-None-Match: 304" 304 "$(http_get "$H" -H "If-None-Match: $etag" "$BASE/assets/style.css")"
sec_headers "asset 304"
expect_eq "GET /api/me: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/api/me")"
sec_headers "API /api/me"
expect_contains "API: application/json" "application/json" "$(header_of "$H.h" Content-Type)"
expect_eq "API: Cache-Control no-store" no-store "$(header_of "$H.h" Cache-Control)"
expect_eq "GET /api/me without a session: 401" 401 "$(http_get "$H" "$BASE/api/me")"
sec_headers "API error 401"
expect_eq "API 401 is JSON with a code" 1001 "$(json_field "$H.b" code)"
expect_eq "GET /healthz: 200" 200 "$(http_get "$H" "$BASE/healthz")"
sec_headers "healthz"

# --- CSRF ----------------------------------------------------------------------
login cm "$PW" "$T_DIR/jar2" >/dev/null
OTHER_CSRF=$(csrf_of "$T_DIR/jar2")
form_post() {   # form_post PATH [curl args]: urlencoded POST with cm's session
	local p=$1
	shift
	http_get "$H" -b "$JAR" "$@" "$BASE$p"
}
expect_eq "POST /units without token: 403" 403 "$(form_post /units --data 'name=CSRF1&kind=township')"
check "the 403 page explains (页面已过期)" grep -qF "页面已过期" "$H.b"
expect_eq "POST /units with a wrong token: 403" 403 \
	"$(form_post /units --data "csrf=$(wrong_token "$CSRF")&name=CSRF2&kind=township")"
expect_eq "POST /units with another session's token: 403" 403 \
	"$(form_post /units --data "csrf=$OTHER_CSRF&name=CSRF3&kind=township")"
expect_eq "POST /units with an empty token: 403" 403 \
	"$(form_post /units --data "csrf=&name=CSRF4&kind=township")"
expect_eq "POST /api/units without X-CSRF-Token: 403" 403 \
	"$(form_post /api/units -H 'Content-Type: application/json' --data '{"name":"CSRF5","kind":"township"}')"
expect_eq "API 403 is JSON with a code" 1003 "$(json_field "$H.b" code)"
expect_eq "POST /api/units with a wrong X-CSRF-Token: 403" 403 \
	"$(form_post /api/units -H "X-CSRF-Token: x$CSRF" -H 'Content-Type: application/json' --data '{"name":"CSRF6","kind":"township"}')"
expect_eq "POST /logout without token: 403" 403 "$(form_post /logout --data '')"
expect_eq "seven csrf_rejected audit rows" 7 "$(audit_count csrf_rejected)"
expect_eq "csrf_rejected names the path" 4 "$(audit_count csrf_rejected /units)"
expect_eq "csrf_rejected names the user" "cm" \
	"$(sql "SELECT DISTINCT user_name FROM audit_log WHERE event = 'csrf_rejected'")"
expect_eq "no unit was created by the rejected posts" 0 "$(sql "SELECT count(*) FROM units")"
expect_eq "the session survived the forged logout" 200 "$(http_status -b "$JAR" "$BASE/")"
expect_eq "the right token works: 303" 303 \
	"$(form_post /units --data "csrf=$CSRF&name=%E5%8D%95%E4%BD%8D1&kind=township")"
expect_eq "... to the new unit" "/units/1?ok=saved" "$(header_of "$H.h" Location)"
expect_eq "... which is stored" "单位1" "$(sql "SELECT name FROM units WHERE id = 1")"

# --- oversize bodies: 413 --------------------------------------------------------
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' a >"$T_DIR/big"
printf 'csrf=%s&name=' "$CSRF" >"$T_DIR/bigform"
cat "$T_DIR/big" >>"$T_DIR/bigform"
expect_eq "2 MiB form (Content-Length): 413" 413 \
	"$(form_post /units --data-binary @"$T_DIR/bigform")"
check "413 page in Chinese (提交内容过大)" grep -qF "提交内容过大" "$H.b"
expect_eq "2 MiB form, chunked: 413" 413 \
	"$(form_post /units -H 'Transfer-Encoding: chunked' --data-binary @"$T_DIR/bigform")"
expect_eq "2 MiB JSON to the API: 413" 413 \
	"$(form_post /api/units -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data-binary @"$T_DIR/big")"
expect_eq "API 413 is JSON with a code" 1006 "$(json_field "$H.b" code)"
expect_eq "2 MiB anonymous POST /login: 413" 413 \
	"$(http_status --data-binary @"$T_DIR/bigform" "$BASE/login")"
expect_eq "2 MiB multipart: 413" 413 \
	"$(form_post /units -F "csrf=$CSRF" -F "name=@$T_DIR/big")"
expect_eq "no unit was created by the oversize posts" 1 "$(sql "SELECT count(*) FROM units")"
# just under the limit: 15 fields of 60 000 bytes and the real ones
python3 - "$CSRF" >"$T_DIR/under" <<'PY'
import sys
sys.stdout.write("csrf=%s&kind=township&name=UNDER" % sys.argv[1])
for i in range(15):
    sys.stdout.write("&f%d=%s" % (i, "a" * 60000))
PY
check "the near-limit body is between 900 kB and 1 MiB" \
	test "$(stat -c %s "$T_DIR/under")" -gt 900000 -a "$(stat -c %s "$T_DIR/under")" -le 1048576
expect_eq "a body just under 1 MiB is accepted (303)" 303 \
	"$(form_post /units --data-binary @"$T_DIR/under")"
expect_eq "... and its unit stored" 1 "$(sql "SELECT count(*) FROM units WHERE name = 'UNDER'")"
expect_eq "alive after the oversize bodies" 200 "$(http_status "$BASE/healthz")"

# --- malformed forms and invalid UTF-8: 400 -----------------------------------------
bad_form() {   # bad_form DESCRIPTION BODY
	expect_eq "form $1: 400" 400 "$(form_post /units --data "csrf=$CSRF&kind=township&$2")"
	check "form $1: error page in Chinese (请求有误)" grep -qF "请求有误" "$H.b"
}
bad_form "bad %-escape name=%G1" 'name=%G1'
bad_form "truncated escape name=%4" 'name=%4'
bad_form "invalid UTF-8 name=%FF%FE" 'name=%FF%FE'
bad_form "overlong UTF-8 name=%C0%AF" 'name=%C0%AF'
bad_form "UTF-16 surrogate name=%ED%A0%80" 'name=%ED%A0%80'
bad_form "NUL byte name=a%00b" 'name=a%00b'
bad_form "control character name=a%07b" 'name=a%07b'
bad_form "bad field name" '%3Cx%3E=1'
expect_eq "multipart with invalid UTF-8: 400" 400 \
	"$(form_post /units -F "csrf=$CSRF" -F "kind=township" -F "name=$(printf 'a\xffb')")"
expect_eq "query ?q=%C0%AF: 400" 400 "$(http_get "$H" -b "$JAR" "$BASE/units?q=%C0%AF")"
expect_eq "query ?q=%FF: 400" 400 "$(http_get "$H" -b "$JAR" "$BASE/persons?q=%FF")"
expect_eq "API query ?q=%C0%AF: 400" 400 "$(http_get "$H" -b "$JAR" "$BASE/api/units?q=%C0%AF")"
expect_eq "API 400 is JSON with a code" 1000 "$(json_field "$H.b" code)"
expect_eq "a valid Chinese query still works: 200" 200 \
	"$(http_status -b "$JAR" "$BASE/units?q=%E5%8D%95%E4%BD%8D")"
expect_eq "no unit was created by the malformed posts" 2 "$(sql "SELECT count(*) FROM units")"

# --- malformed JSON: 400 with a code -------------------------------------------------
bad_json() {   # bad_json DESCRIPTION BODY [content-type]
	local st
	st=$(form_post /api/units -H "X-CSRF-Token: $CSRF" -H "Content-Type: ${3:-application/json}" \
		--data-binary "$2")
	expect_eq "JSON $1: 400" 400 "$st"
	expect_eq "JSON $1: body has code 1000" 1000 "$(json_field "$H.b" code)"
}
bad_json "truncated" '{"name":'
bad_json "not an object" '[1,2]'
bad_json "duplicate key" '{"name":"a","name":"b","kind":"township"}'
bad_json "trailing garbage" '{"name":"a","kind":"township"} x'
bad_json "invalid UTF-8" "$(printf '{"name":"\xff\xfe","kind":"township"}')"
bad_json "NUL escape" '{"name":"a\u0000b","kind":"township"}'
bad_json "too deep" '{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":{"j":{"k":{}}}}}}}}}}}'
bad_json "empty body" ''
bad_json "text/plain" '{"name":"a","kind":"township"}' 'text/plain'
st=$(form_post /api/units -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data '{"name":5,"kind":"township"}')
expect_eq "JSON wrong type: 422" 422 "$st"
expect_contains "JSON wrong type: the field is named" '"name"' "$(json_field "$H.b" fields)"
expect_eq "no unit was created by the malformed JSON" 2 "$(sql "SELECT count(*) FROM units")"

# --- 404 and 405 ----------------------------------------------------------------------
expect_eq "unknown path: 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/no/such/page")"
check "404 page is Chinese (lang zh-CN)" grep -qF 'lang="zh-CN"' "$H.b"
check "404 page says 页面不存在" grep -qF "页面不存在" "$H.b"
expect_eq "unknown API path: 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/api/nope")"
expect_eq "API 404 is JSON with a code" 1004 "$(json_field "$H.b" code)"
expect_eq "/units/0: 404" 404 "$(http_status -b "$JAR" "$BASE/units/0")"
expect_eq "/units/abc: 404" 404 "$(http_status -b "$JAR" "$BASE/units/abc")"
expect_eq "/units/99999: 404" 404 "$(http_status -b "$JAR" "$BASE/units/99999")"
expect_eq "/units/1/../1: no traversal, 404" 404 \
	"$(http_status --path-as-is -b "$JAR" "$BASE/units/1/../1")"
expect_eq "/assets/../../etc/passwd: 404" 404 \
	"$(http_status --path-as-is "$BASE/assets/../../etc/passwd")"
expect_eq "DELETE /units: 405" 405 "$(http_get "$H" -b "$JAR" -X DELETE "$BASE/units")"
check "405 page says 请求方式不支持" grep -qF "请求方式不支持" "$H.b"
# RFC 9110 15.5.6: a 405 MUST carry Allow with the supported methods
allow=$(header_of "$H.h" Allow)
check "405 carries an Allow header listing GET and POST" \
	bash -c 'grep -q GET <<<"$1" && grep -q POST <<<"$1"' _ "$allow"
expect_eq "PUT /units: 405" 405 "$(http_status -b "$JAR" -X PUT "$BASE/units")"
expect_eq "POST /healthz: 405" 405 "$(http_status -X POST "$BASE/healthz")"
expect_eq "DELETE /api/units/1: 405" 405 "$(http_status -b "$JAR" -X DELETE "$BASE/api/units/1")"

# --- HTML escaping of stored text --------------------------------------------------------
EVIL='<script>alert(1)</script>"'"'"'&'
ESC='&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;'
body=$(python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "kind": "township"}))' "$EVIL")
out=$(api POST /api/units "$body")
expect_eq "unit with a hostile name: 201" 201 "$(tail -n1 <<<"$out")"
EID=$(head -n -1 <<<"$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
expect_eq "the API returns the name unchanged" "$EVIL" \
	"$(curl -s -b "$JAR" "$BASE/api/units/$EID" | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')"
for p in /units "/units/$EID" "/units/$EID/edit" "/persons/new?unit_id=$EID"; do   # the unit in the picker
	st=$(http_get "$H" -b "$JAR" "$BASE$p")
	expect_eq "GET $p: 200" 200 "$st"
	check "GET $p: no raw <script>alert" bash -c '! grep -qF "<script>alert" "$1"' _ "$H.b"
	check "GET $p: the name appears escaped" grep -qF "$ESC" "$H.b"
done
body=$(python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "unit_id": int(sys.argv[2]), "rank": "staff"}))' "$EVIL" "$EID")
out=$(api POST /api/persons "$body")
expect_eq "person with a hostile name: 201" 201 "$(tail -n1 <<<"$out")"
PID=$(head -n -1 <<<"$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for p in /persons "/persons/$PID" "/persons/$PID/edit"; do
	st=$(http_get "$H" -b "$JAR" "$BASE$p")
	expect_eq "GET $p: 200" 200 "$st"
	check "GET $p: no raw <script>alert" bash -c '! grep -qF "<script>alert" "$1"' _ "$H.b"
	check "GET $p: the name appears escaped" grep -qF "$ESC" "$H.b"
done
st=$(http_get "$H" -b "$JAR" "$BASE/units?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22")
expect_eq "search for a hostile string: 200" 200 "$st"
check "the echoed search is escaped" grep -qF 'value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;"' "$H.b"
check "the echoed search has no raw tag" bash -c '! grep -qF "<script>alert" "$1"' _ "$H.b"

# --- malformed HTTP ------------------------------------------------------------------------
raw() {   # raw BYTES [TIMEOUT]: sends them on a fresh connection; prints the
	# status line, CLOSED or TIMEOUT
	python3 - "$PORT" "$1" "${2:-5}" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=float(sys.argv[3]))
s.sendall(sys.argv[2].encode("latin-1").decode("unicode_escape").encode("latin-1"))
try:
    data = s.recv(200)
    print(data.split(b"\r\n")[0].decode("latin-1") if data else "CLOSED")
except socket.timeout:
    print("TIMEOUT")
except OSError:
    print("CLOSED")
PY
}
st=$(raw 'GARBAGE\r\n\r\n')
check "garbage request line: a 4xx or the connection closed (got '$st')" grep -qE '^(HTTP/1\.[01] 4|CLOSED$)' <<<"$st"
st=$(raw 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n')
check "unknown method BREW: 405 (got '$st')" grep -qE '^HTTP/1\.1 405' <<<"$st"
st=$(raw 'POST /units HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc' 1)
check "a body shorter than its Content-Length: no answer yet, no crash (got '$st')" grep -qE '^TIMEOUT$' <<<"$st"
check "bad HTTP version gets a 505 or 400" grep -qE '^HTTP/1\.[01] (505|400)' <<<"$(raw 'GET / HTTP/9.9\r\nHost: x\r\n\r\n')"
long=$(head -c 100000 /dev/zero | tr '\0' a)
st=$(http_status "$BASE/units?q=$long")
check "100 kB URL: refused with a 4xx (got $st)" grep -qE '^4[0-9][0-9]$' <<<"$st"
st=$(http_status -H "X-Big: $long" "$BASE/healthz")
check "100 kB header: refused with a 4xx (got $st)" grep -qE '^4[0-9][0-9]$' <<<"$st"
expect_eq "junk cookie: treated as signed out (303)" 303 \
	"$(http_status -H "Cookie: qf_session=$(printf '\x01\x02');qf_session=\"\";=;;" "$BASE/")"
expect_eq "huge Content-Length number: 413" 413 \
	"$(http_status -b "$JAR" -H 'Content-Length: 99999999999999999999' --data 'x' "$BASE/units")"

# --- still alive, memory clean ----------------------------------------------------------------
expect_eq "after all that: /healthz 200" 200 "$(http_status "$BASE/healthz")"
expect_eq "after all that: cm's session still works" 200 "$(http_status -b "$JAR" "$BASE/")"
stop_server
expect_eq "server exits 0 on SIGTERM" 0 "${SERVER_LAST_RC:-x}"
check "server log clean (no sanitizer report)" server_clean
finish
