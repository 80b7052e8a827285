#!/usr/bin/env bash
# t40_authz.sh: jurisdiction (a township user sees only its units; another
# unit's person or unit is a 404, indistinguishable from a missing one,
# and leaves an access_denied audit row), role permissions (403, audited),
# and the audit admin's second factor (TOTP enrolment, wrong code, replay)
# before the audit log opens.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
H=$T_DIR/r

json_get() {   # json_get KEY: from the JSON on stdin
	python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}
# create PATH JSON: as cm via the API; prints the new id (empty on failure)
create() {
	local out
	out=$(api POST "$1" "$2" "$T_DIR/cm.jar")
	[ "$(tail -n1 <<<"$out")" = 201 ] || { echo "# create $1 $2 -> $out" >&2; return 1; }
	head -n -1 <<<"$out" | json_get id
}

login cm "$PW" "$T_DIR/cm.jar" >/dev/null
A=$(create /api/units '{"name":"甲镇","kind":"township"}')
A1=$(create /api/units "{\"name\":\"甲镇一村\",\"kind\":\"village\",\"parent_id\":$A}")
B=$(create /api/units '{"name":"乙镇","kind":"township"}')
PA=$(create /api/persons "{\"name\":\"甲甲\",\"unit_id\":$A,\"rank\":\"section\"}")
PA1=$(create /api/persons "{\"name\":\"甲一\",\"unit_id\":$A1,\"rank\":\"village\"}")
PB=$(create /api/persons "{\"name\":\"乙乙\",\"unit_id\":$B,\"rank\":\"section\",\"id_number\":\"11010519491231002X\"}")
protect 甲甲 甲一 乙乙 11010519491231002X
check "setup: units and persons created" test -n "$A" -a -n "$A1" -a -n "$B" -a -n "$PA" -a -n "$PA1" -a -n "$PB"

ready_user town --role township --unit "$A" --password-stdin >/dev/null 2>&1
expect_eq "town created with scope unit A" "$A" \
	"$(sql "SELECT s.unit_id FROM user_scopes s JOIN users u ON u.id = s.user_id WHERE u.name = 'town'")"
expect_eq "town logs in" 303 "$(login town "$PW")"

# --- town sees its units and their persons only ------------------------------
names=$(curl -s -b "$JAR" "$BASE/api/persons" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["total"], ",".join(sorted(p["name"] for p in j["items"])))')
expect_eq "town's /api/persons: A and its village, not B" "2 甲一,甲甲" "$names"
units=$(curl -s -b "$JAR" "$BASE/api/units" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["total"], ",".join(sorted(u["name"] for u in j["items"])))')
expect_eq "town's /api/units: A and its village" "2 甲镇,甲镇一村" "$units"
expect_eq "town's /api/persons?unit_id=B is empty" 0 \
	"$(curl -s -b "$JAR" "$BASE/api/persons?unit_id=$B" | json_get total)"
expect_eq "GET /persons: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/persons")"
check "the persons page lists 甲甲" grep -qF "甲甲" "$H.b"
check "the persons page does not list 乙乙" bash -c '! grep -qF "乙乙" "$1"' _ "$H.b"
check "the unit filter offers no 乙镇" bash -c '! grep -qF "乙镇" "$1"' _ "$H.b"
expect_eq "GET /persons/PA (own): 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/persons/$PA")"
expect_eq "the read is audited (read person/PA by town)" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'read' AND object = 'person/$PA' AND user_name = 'town'")"
expect_eq "GET /persons/PA1 (own village): 200" 200 "$(http_status -b "$JAR" "$BASE/persons/$PA1")"

# --- another unit's objects: 404 and audited ----------------------------------
expect_eq "GET /persons/PB: 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/persons/$PB")"
denied_body=$(cat "$H.b")
check "the 404 does not leak the name" bash -c '! grep -qF "乙乙" <<<"$1"' _ "$denied_body"
expect_eq "access_denied row for person/PB" 1 "$(audit_count access_denied "person/$PB")"
expect_eq "the row names town and fails" "town|township|0" \
	"$(sql "SELECT user_name, role, success FROM audit_log WHERE event = 'access_denied' AND object = 'person/$PB'")"
expect_eq "GET /persons/99999 (missing): 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/persons/99999")"
expect_eq "denied and missing look the same" "$denied_body" "$(cat "$H.b")"
expect_eq "GET /api/persons/PB: 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/api/persons/$PB")"
check "the API 404 does not leak the name or ID number" \
	bash -c '! grep -qE "乙乙|11010519491231002X" "$1"' _ "$H.b"
expect_eq "a second access_denied row for person/PB" 2 "$(audit_count access_denied "person/$PB")"
expect_eq "GET /persons/PB/edit: 404" 404 "$(http_status -b "$JAR" "$BASE/persons/$PB/edit")"
expect_eq "GET /units/B: 404" 404 "$(http_status -b "$JAR" "$BASE/units/$B")"
expect_eq "access_denied row for unit/B" 1 "$(audit_count access_denied "unit/$B")"
expect_eq "GET /api/units/B: 404" 404 "$(http_status -b "$JAR" "$BASE/api/units/$B")"
expect_eq "no read of person/PB by town was recorded" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'read' AND object = 'person/$PB' AND user_name = 'town'")"

# writes across the line
before=$(sql "SELECT name || unit_id || rank FROM persons WHERE id = $PB")
out=$(api PUT "/api/persons/$PB" "{\"name\":\"改名\",\"unit_id\":$A,\"rank\":\"staff\"}")
expect_eq "PUT /api/persons/PB: 404" 404 "$(tail -n1 <<<"$out")"
expect_eq "PB unchanged" "$before" "$(sql "SELECT name || unit_id || rank FROM persons WHERE id = $PB")"
out=$(api POST /api/persons "{\"name\":\"越界\",\"unit_id\":$B,\"rank\":\"staff\"}")
expect_eq "POST /api/persons into unit B: 422" 422 "$(tail -n1 <<<"$out")"
expect_contains "... naming unit_id" '"unit_id"' "$out"
expect_eq "no person created in B" 0 "$(sql "SELECT count(*) FROM persons WHERE name = '越界'")"
out=$(api PUT "/api/persons/$PA" "{\"name\":\"甲甲\",\"unit_id\":$B,\"rank\":\"section\"}")
expect_eq "moving own person PA into B: 422" 422 "$(tail -n1 <<<"$out")"
expect_eq "PA still in A" "$A" "$(sql "SELECT unit_id FROM persons WHERE id = $PA")"
out=$(api POST /api/units "{\"name\":\"乙镇新村\",\"kind\":\"village\",\"parent_id\":$B}")
expect_eq "town may not write units: 403" 403 "$(tail -n1 <<<"$out")"
out=$(api POST /api/persons "{\"name\":\"甲新\",\"unit_id\":$A1,\"rank\":\"village\"}")
expect_eq "town creates a person in its village: 201" 201 "$(tail -n1 <<<"$out")"

# --- role permissions: 403 and audited --------------------------------------------
login clerk "$PW" "$T_DIR/clerk.jar" >/dev/null
expect_eq "clerk (intake) GET /admin/users: 403" 403 "$(http_get "$H" -b "$T_DIR/clerk.jar" "$BASE/admin/users")"
check "the 403 page says 没有权限" grep -qF "没有权限" "$H.b"
expect_eq "access_denied row for clerk on /admin/users" "clerk|intake|0|role lacks permission" \
	"$(sql "SELECT user_name, role, success, detail FROM audit_log WHERE event = 'access_denied' AND object = '/admin/users'")"
expect_eq "clerk GET /audit: 403" 403 "$(http_status -b "$T_DIR/clerk.jar" "$BASE/audit")"
expect_eq "clerk POST /api/units: 403" 403 \
	"$(curl -s -o /dev/null -w '%{http_code}' -b "$T_DIR/clerk.jar" -H "X-CSRF-Token: $(csrf_of "$T_DIR/clerk.jar")" \
		-H 'Content-Type: application/json' --data '{"name":"x","kind":"other"}' "$BASE/api/units")"
expect_eq "cm GET /audit: 403" 403 "$(http_status -b "$T_DIR/cm.jar" "$BASE/audit")"
expect_eq "access_denied row for cm on /audit" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = '/audit' AND user_name = 'cm'")"
expect_eq "cm GET /admin/users: 403" 403 "$(http_status -b "$T_DIR/cm.jar" "$BASE/admin/users")"
expect_eq "cm sees B's person's ID number (PERM_PERSON_IDNUM)" "11010519491231002X" \
	"$(curl -s -b "$T_DIR/cm.jar" "$BASE/api/persons/$PB" | json_get id_number)"
expect_eq "clerk does not (null)" "None" \
	"$(curl -s -b "$T_DIR/clerk.jar" "$BASE/api/persons/$PB" | json_get id_number)"
check "the ID number is not stored in clear (not in the database's dump)" \
	dump_lacks 11010519491231002X

# --- the audit admin: TOTP first ---------------------------------------------------
AJ=$T_DIR/aud.jar
expect_eq "auditor password login: 303" 303 "$(login auditor "$PW" "$AJ")"
expect_eq "... to /login/totp" "$BASE/login/totp" \
	"$(curl -s -o /dev/null -w '%{redirect_url}' -b "$AJ" "$BASE/")"
expect_eq "auditor GET / before TOTP: 303" 303 "$(http_status -b "$AJ" "$BASE/")"
expect_eq "auditor GET /audit before TOTP: 303" 303 "$(http_status -b "$AJ" "$BASE/audit")"
expect_eq "auditor /api/me before TOTP: 401" 401 "$(http_status -b "$AJ" "$BASE/api/me")"
expect_eq "GET /login/totp: 200" 200 "$(http_get "$H" -b "$AJ" "$BASE/login/totp")"
SECRET=$(sed -n 's/.*<code>\([A-Z2-7]*\)<\/code>.*/\1/p' "$H.b")
expect_eq "the page shows a 32-character base32 secret" 32 "${#SECRET}"
TCSRF=$(grep -o 'name="csrf" value="[^"]*"' "$H.b" | head -1 | sed 's/.*value="//; s/"$//')
check "the page has a csrf input" test -n "$TCSRF"
check "the secret is stored encrypted, not in clear (not in the dump)" \
	dump_lacks "$SECRET"
expect_eq "GET /login/totp again shows the same secret" "$SECRET" \
	"$(curl -s -b "$AJ" "$BASE/login/totp" | sed -n 's/.*<code>\([A-Z2-7]*\)<\/code>.*/\1/p')"

C0=$(totp_code "$SECRET" 0)
WRONG=$(python3 -c 'import sys; c=[int(x) for x in sys.argv[1:]]; w=(c[0]+500000)%1000000
while w in c: w=(w+1)%1000000
print("%06d"%w)' "$C0" "$(totp_code "$SECRET" -1)" "$(totp_code "$SECRET" 1)")
expect_eq "wrong TOTP code: 200 (the form again)" 200 \
	"$(http_get "$H" -b "$AJ" --data-urlencode "csrf=$TCSRF" --data-urlencode "code=$WRONG" "$BASE/login/totp")"
check "wrong TOTP code: 动态口令不正确" grep -qF "动态口令不正确" "$H.b"
expect_eq "wrong TOTP code: still not signed in" 303 "$(http_status -b "$AJ" "$BASE/audit")"
expect_eq "TOTP post without csrf: 403" 403 \
	"$(http_status -b "$AJ" --data-urlencode "code=$C0" "$BASE/login/totp")"
expect_eq "right TOTP code: 303" 303 \
	"$(http_get "$H" -b "$AJ" --data-urlencode "csrf=$TCSRF" --data-urlencode "code=$C0" "$BASE/login/totp")"
expect_eq "... to /" "/" "$(header_of "$H.h" Location)"
expect_eq "totp_enrol audited" 1 "$(audit_count totp_enrol auditor)"
expect_eq "auditor GET /: 200" 200 "$(http_status -b "$AJ" "$BASE/")"
expect_eq "auditor GET /audit: 200" 200 "$(http_get "$H" -b "$AJ" "$BASE/audit?event=access_denied")"
# the object with its type's name (监督对象（person/N）): the audit admin reads Chinese
check "/audit shows person/PB" grep -qF "（person/$PB）</td>" "$H.b"
check "/audit shows unit/B" grep -qF "（unit/$B）</td>" "$H.b"
check "/audit shows /admin/users" grep -qF "<td>/admin/users</td>" "$H.b"
check "/audit labels the event 越权访问被拒绝" grep -qF "越权访问被拒绝" "$H.b"
expect_eq "/audit?verify=1: 200" 200 "$(http_get "$H" -b "$AJ" "$BASE/audit?verify=1")"
check "the audit chain check passes (审计链校验通过)" grep -qF "审计链校验通过" "$H.b"
expect_eq "auditor GET /persons: 403 (三员分立)" 403 "$(http_status -b "$AJ" "$BASE/persons")"
expect_eq "auditor GET /api/persons/PA: 403" 403 "$(http_status -b "$AJ" "$BASE/api/persons/$PA")"

# a second login: the secret is not shown again; a used code is not accepted again
AJ2=$T_DIR/aud2.jar
expect_eq "auditor logs in again: 303" 303 "$(login auditor "$PW" "$AJ2")"
expect_eq "GET /login/totp (enrolled): 200" 200 "$(http_get "$H" -b "$AJ2" "$BASE/login/totp")"
check "the secret is not shown again" bash -c '! grep -qF "$1" "$2"' _ "$SECRET" "$H.b"
check "no <code> on the second-factor page once enrolled" bash -c '! grep -qF "<code>" "$1"' _ "$H.b"
TCSRF2=$(grep -o 'name="csrf" value="[^"]*"' "$H.b" | head -1 | sed 's/.*value="//; s/"$//')
# RFC 6238 5.2: a code accepted once must not be accepted again
expect_eq "replaying the accepted TOTP code is refused (200)" 200 \
	"$(http_status -b "$AJ2" --data-urlencode "csrf=$TCSRF2" --data-urlencode "code=$C0" "$BASE/login/totp")"
C1=$(totp_code "$SECRET" 1)
http_status -b "$AJ2" --data-urlencode "csrf=$TCSRF2" --data-urlencode "code=$C1" "$BASE/login/totp" >/dev/null
expect_eq "a fresh code opens /audit" 200 "$(http_status -b "$AJ2" "$BASE/audit")"

expect_eq "server alive" 200 "$(http_status "$BASE/healthz")"
stop_server
check "server log clean" server_clean
finish
