#!/usr/bin/env bash
# t45_hardening.sh: the hardening of the review round, black-box:
#  1. the second factor's lock-out is counted apart from the password's and
#     ends every session of the account (a right password does not lift it);
#  2. enrolment cannot reset an already enrolled second factor;
#  3. 三员分立: accounts the system admin creates wait, disabled, for the
#     security admin; no admin may disable himself or the last sysadmin;
#     the system admin sees no persons and writes no units;
#  4. a password set by an admin must be changed before anything else;
#  5. wrong current passwords on /account/password count toward the lock;
#  6. ID numbers: duplicates outside the jurisdiction are not named, the
#     MAC is UNIQUE, the ciphertext is bound to its row;
#  7. no person's name in the audit log;
#  8. a scoped user does not see the names of units above its jurisdiction;
#  9. bodies of requests that will not use them are not buffered.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
H=$T_DIR/r
SC=qf_session

json_get() {   # json_get KEY: from the JSON on stdin
	python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}
# create PATH JSON JAR: via the API; prints the new id (empty on failure)
create() {
	local out
	out=$(api POST "$1" "$2" "$3")
	[ "$(tail -n1 <<<"$out")" = 201 ] || { echo "# create $1 $2 -> $out" >&2; return 1; }
	head -n -1 <<<"$out" | json_get id
}
# login_to USER PASSWORD JAR OUTPREFIX: like login, keeping the answer
login_to() {
	local jar=$3 pre
	rm -f "$jar"
	curl -s -c "$jar" -b "$jar" "$BASE/login" >/dev/null
	pre=$(awk '$6 == "qf_pre" {print $7}' "$jar")
	http_get "$4" -c "$jar" -b "$jar" --data-urlencode "csrf=$pre" \
		--data-urlencode "username=$1" --data-urlencode "password=$2" "$BASE/login"
}
# wrong_code SECRET: a code outside the accepted window
wrong_code() {
	python3 -c 'import sys; c=[int(x) for x in sys.argv[1:]]; w=(c[0]+500000)%1000000
while w in c: w=(w+1)%1000000
print("%06d"%w)' "$(totp_code "$1" 0)" "$(totp_code "$1" -1)" "$(totp_code "$1" 1)"
}
# uid NAME: a user's id
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }
# adduser NAME ROLE [UNIT]: through the CLI, password $PW
adduser() {
	ready_user "$1" --role "$2" ${3:+--unit "$3"} --password-stdin \
		>/dev/null 2>>"$T_DIR/cli.log"
}
# user_action JAR ID ACTION [curl args]: POST /admin/users/ID/action; the
# answer in $H.ua; prints the status
user_action() {
	local jar=$1 id=$2 act=$3
	shift 3
	http_get "$H.ua" -b "$jar" --data-urlencode "csrf=$(csrf_of "$jar")" \
		--data-urlencode "action=$act" "$@" "$BASE/admin/users/$id/action"
}
not_in() {   # not_in NEEDLE FILE: the file does not contain the needle
	! grep -qF "$1" "$2"
}

# ==== 1. the second factor's lock-out ========================================
adduser sec1 secadmin
SA=$T_DIR/sec1a.jar SB=$T_DIR/sec1b.jar SCJ=$T_DIR/sec1c.jar SD=$T_DIR/sec1d.jar
check "sec1 (secadmin) enrols TOTP in session A" enrol sec1 "$PW" "$SA"
S1=$SECRET
expect_eq "sec1 session B: password ok -> /login/totp" "303 /login/totp" \
	"$(login sec1 "$PW" "$SB") $(curl -s -o /dev/null -w '%{redirect_url}' -b "$SB" "$BASE/" | sed "s#^$BASE##")"
expect_eq "sec1 session C: password ok -> /login/totp" "303 /login/totp" \
	"$(login sec1 "$PW" "$SCJ") $(curl -s -o /dev/null -w '%{redirect_url}' -b "$SCJ" "$BASE/" | sed "s#^$BASE##")"
http_get "$H" -b "$SB" "$BASE/login/totp" >/dev/null
check "B's second-factor page shows no secret (enrolled)" not_in "<code>" "$H.b"
BAD=$(wrong_code "$S1")
for i in 1 2 3 4; do
	st=$(totp_post "$SB" "$BAD" "$H")
	if [ "$st" = 200 ] && grep -qF "动态口令不正确" "$H.b"; then ok "wrong code $i in B: 200, 动态口令不正确"
	else not_ok "wrong code $i in B: 200, 动态口令不正确 (got $st)"; fi
done
expect_eq "no second-factor lock before the 5th wrong code" 0 \
	"$(sql "SELECT count(*) FROM login_throttle WHERE name = 'totp:sec1' AND locked_until > $(now_sql)")"
expect_eq "5th wrong code in B: 200" 200 "$(totp_post "$SB" "$BAD" "$H")"
check "... the login page (username field)" grep -qF 'name="username"' "$H.b"
check "... saying 动态口令错误次数过多" grep -qF "动态口令错误次数过多" "$H.b"
# (checked on the header: curl 7.88 keeps an expired cookie in its jar when
# the same answer sets another one)
check "... clears B's session cookie (empty, Max-Age=0)" \
	bash -c 'grep -i "^set-cookie: $1=;" "$2" | grep -q "Max-Age=0"' _ "$SC" "$H.h"
expect_eq "the lock lives under totp:sec1 in login_throttle" 1 \
	"$(sql "SELECT count(*) FROM login_throttle WHERE name = 'totp:sec1' AND locked_until > $(now_sql)")"
expect_eq "the password's name sec1 is not locked" 0 \
	"$(sql "SELECT count(*) FROM login_throttle WHERE name = 'sec1' AND locked_until > $(now_sql)")"
# C was at the second-factor stage: its session is gone, a valid code is refused
st=$(totp_post "$SCJ" "$(totp_code "$S1" 1)" "$H")
loc=$(header_of "$H.h" Location)
if [ "$st" = 401 ] || { [ "$st" = 303 ] && [ "$loc" = /login ]; }; then
	ok "a valid code in session C is refused (C was ended): $st"
else
	not_ok "a valid code in session C is refused (C was ended) (got $st $loc)"
fi
expect_eq "C: GET / -> 303 /login" "303 /login" \
	"$(http_get "$H" -b "$SCJ" "$BASE/") $(header_of "$H.h" Location)"
expect_eq "A (fully signed in) was ended too: GET / -> 303 /login" "303 /login" \
	"$(http_get "$H" -b "$SA" "$BASE/") $(header_of "$H.h" Location)"
expect_eq "no sessions of sec1 are left" 0 \
	"$(sql "SELECT count(*) FROM sessions WHERE user_id = $(uid sec1)")"
# a right password does not lift the second factor's lock
expect_eq "sec1 logs in again with the right password: 303" 303 "$(login sec1 "$PW" "$SD")"
expect_eq "the right password did not clear totp:sec1" 1 \
	"$(sql "SELECT count(*) FROM login_throttle WHERE name = 'totp:sec1' AND locked_until > $(now_sql)")"
st=$(totp_post "$SD" "$(totp_code "$S1" 1)" "$H")
if [ "$st" != 303 ] && grep -qF "动态口令错误次数过多" "$H.b"; then ok "a valid code while locked is refused (锁定)"
else not_ok "a valid code while locked is refused (got $st, $(grep -o '动态口令[^<]*' "$H.b" | head -1))"; fi
expect_eq "... and the session is not signed in" 303 "$(http_status -b "$SD" "$BASE/")"
expect_eq "audit: login_failed 'wrong second-factor code' x5 for sec1" 5 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'login_failed' AND object = 'sec1' AND detail = 'wrong second-factor code'")"
expect_eq "audit: login_locked for sec1 (totp:sec1)" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'login_locked' AND object = 'sec1' AND detail = 'totp:sec1'")"

# ==== 2. enrolment cannot reset an enrolled factor ===========================
adduser aud2 auditadmin
EA=$T_DIR/aud2a.jar EB=$T_DIR/aud2b.jar
expect_eq "aud2 session A: password ok" 303 "$(login aud2 "$PW" "$EA")"
expect_eq "aud2 session B: password ok" 303 "$(login aud2 "$PW" "$EB")"
http_get "$H" -b "$EA" "$BASE/login/totp" >/dev/null
S2=$(secret_of "$H.b")
expect_eq "A's enrolment page shows a secret" 32 "${#S2}"
expect_eq "A completes the enrolment: 303" 303 "$(totp_post "$EA" "$(totp_code "$S2" 0)" "$H")"
before=$(sql "SELECT totp_enabled || '|' || totp_secret_enc FROM users WHERE name = 'aud2'")
expect_contains "aud2 enrolled (totp_enabled = 1)" "1|" "${before:0:2}"
expect_eq "B GETs /login/totp: 200" 200 "$(http_get "$H" -b "$EB" "$BASE/login/totp")"
check "... no secret shown (<code>)" not_in "<code>" "$H.b"
check "... not A's secret either" not_in "$S2" "$H.b"
check "... asks for the code" grep -qF "请输入身份验证器显示的6位数字" "$H.b"
expect_eq "totp_enabled and totp_secret_enc unchanged" "$before" \
	"$(sql "SELECT totp_enabled || '|' || totp_secret_enc FROM users WHERE name = 'aud2'")"
expect_eq "a code from A's secret works in B: 303" 303 "$(totp_post "$EB" "$(totp_code "$S2" 1)" "$H")"
expect_eq "B opens /audit" 200 "$(http_status -b "$EB" "$BASE/audit")"
expect_eq "one totp_enrol row for aud2" 1 "$(audit_count totp_enrol aud2)"

# ==== 3. 三员分立 ============================================================
AJ=$T_DIR/admin.jar
check "admin (sysadmin) enrols TOTP" enrol admin "$ADMIN_PW" "$AJ"
adduser sec2 secadmin
S2J=$T_DIR/sec2.jar
check "sec2 (secadmin) enrols TOTP" enrol sec2 "$PW" "$S2J"
expect_eq "admin creates user newu via POST /admin/users: 303" 303 \
	"$(http_get "$H" -b "$AJ" --data-urlencode "csrf=$(csrf_of "$AJ")" --data-urlencode "name=newu" \
		--data-urlencode "display_name=新用户" --data-urlencode "role=intake" --data-urlencode "unit_id=" \
		--data-urlencode "password=$PW" "$BASE/admin/users")"
NEWU=$(uid newu)
expect_eq "newu is created disabled" 1 "$(sql "SELECT disabled FROM users WHERE name = 'newu'")"
NJ=$T_DIR/newu.jar
login_to newu "$PW" "$NJ" "$H" >/dev/null
check "newu cannot log in (用户名或密码错误)" grep -qF "用户名或密码错误" "$H.b"
expect_eq "... no session cookie" "" "$(cookie_value "$SC" "$NJ")"
expect_eq "admin may not enable newu: 403" 403 "$(user_action "$AJ" "$NEWU" enable)"
expect_eq "... access_denied row naming user/NEWU" "admin|0|enable" \
	"$(sql "SELECT user_name, success, detail FROM audit_log WHERE event = 'access_denied' AND object = 'user/$NEWU'")"
expect_eq "... newu still disabled" 1 "$(sql "SELECT disabled FROM users WHERE id = $NEWU")"
expect_eq "sec2 enables newu: 303" 303 "$(user_action "$S2J" "$NEWU" enable)"
expect_eq "... newu enabled" 0 "$(sql "SELECT disabled FROM users WHERE id = $NEWU")"
expect_eq "newu logs in: 303" 303 "$(login newu "$PW" "$NJ")"
check "... with a session" test -n "$(cookie_value "$SC" "$NJ")"
expect_eq "... which is valid (/account 200)" 200 "$(http_status -b "$NJ" "$BASE/account")"
expect_eq "... and must first replace the password the admin chose (/ -> 303)" 303 \
	"$(http_status -b "$NJ" "$BASE/")"
expect_eq "... must_change_pw is set for web-created accounts" 1 \
	"$(sql "SELECT must_change_pw FROM users WHERE id = $NEWU")"
ADMIN_ID=$(uid admin)
expect_eq "admin disables himself: 422" 422 "$(user_action "$AJ" "$ADMIN_ID" disable)"
check "... 不能停用自己的账户" grep -qF "不能停用自己的账户" "$H.ua.b"
expect_eq "sec2 disables the last active sysadmin: 422" 422 "$(user_action "$S2J" "$ADMIN_ID" disable)"
check "... 不能停用最后一个系统管理员" grep -qF "不能停用最后一个系统管理员" "$H.ua.b"
expect_eq "admin still active and signed in" "0 200" \
	"$(sql "SELECT disabled FROM users WHERE id = $ADMIN_ID") $(http_status -b "$AJ" "$BASE/")"
expect_eq "admin GET /persons: 403" 403 "$(http_status -b "$AJ" "$BASE/persons")"
out=$(api POST /api/units '{"name":"管理员单位","kind":"other"}' "$AJ")
expect_eq "admin POST /api/units: 403" 403 "$(tail -n1 <<<"$out")"
expect_eq "... no unit created" 0 "$(sql "SELECT count(*) FROM units WHERE name = '管理员单位'")"

# ==== 4. admin-set passwords must be changed =================================
CLERK=$(uid clerk)
expect_eq "admin resets clerk's password: 303" 303 \
	"$(user_action "$AJ" "$CLERK" passwd --data-urlencode 'password=NewPassw0rd!')"
# 三员分立 (issue 8): the reset waits for the security admin (t22)
expect_eq "... which sec2 approves: 303" 303 "$(user_action "$S2J" "$CLERK" approve_passwd)"
expect_eq "... must_change_pw = 1" 1 "$(sql "SELECT must_change_pw FROM users WHERE id = $CLERK")"
CJ=$T_DIR/clerk.jar
expect_eq "clerk logs in with the new password: 303" 303 "$(login clerk 'NewPassw0rd!' "$CJ")"
for p in /units /persons /; do
	expect_eq "clerk GET $p -> 303 /account" "303 /account" \
		"$(http_get "$H" -b "$CJ" "$BASE$p") $(header_of "$H.h" Location)"
done
expect_eq "clerk GET /api/units: 403" 403 "$(http_get "$H" -b "$CJ" "$BASE/api/units")"
check "... password change required" grep -qF "password change required" "$H.b"
expect_eq "clerk GET /account: 200" 200 "$(http_get "$H" -b "$CJ" "$BASE/account")"
check "... 请先修改密码" grep -qF "请先修改密码" "$H.b"
CCSRF=$(form_csrf "$H.b")
expect_eq "clerk changes the password: 303" 303 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$CCSRF" --data-urlencode 'old=NewPassw0rd!' \
		--data-urlencode 'new=Clerk#Chang3d' --data-urlencode 'new2=Clerk#Chang3d' "$BASE/account/password")"
expect_eq "... to /login" /login "$(header_of "$H.h" Location)"
expect_eq "clerk logs in with the changed password: 303" 303 "$(login clerk 'Clerk#Chang3d' "$CJ")"
expect_eq "clerk GET /: 200" 200 "$(http_status -b "$CJ" "$BASE/")"
expect_eq "must_change_pw = 0" 0 "$(sql "SELECT must_change_pw FROM users WHERE id = $CLERK")"

# ==== 5. wrong current passwords count toward the lock =======================
adduser pw5 intake
PJ=$T_DIR/pw5.jar
expect_eq "pw5 logs in" 303 "$(login pw5 "$PW" "$PJ")"
http_get "$H" -b "$PJ" "$BASE/account" >/dev/null
PCSRF=$(form_csrf "$H.b")
for i in 1 2 3 4; do
	st=$(http_get "$H" -b "$PJ" -c "$PJ" --data-urlencode "csrf=$PCSRF" --data-urlencode "old=Wrong#Passw0rd$i" \
		--data-urlencode 'new=Other#Passw0rd' --data-urlencode 'new2=Other#Passw0rd' "$BASE/account/password")
	if [ "$st" = 422 ] && grep -qF "当前密码不正确" "$H.b"; then ok "wrong current password $i: 422 当前密码不正确"
	else not_ok "wrong current password $i: 422 当前密码不正确 (got $st)"; fi
done
expect_eq "4 login_failed 'wrong current password' rows" 4 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'login_failed' AND object = 'pw5' AND detail = 'wrong current password'")"
st=$(http_get "$H" -b "$PJ" -c "$PJ" --data-urlencode "csrf=$PCSRF" --data-urlencode "old=Wrong#Passw0rd5" \
	--data-urlencode 'new=Other#Passw0rd' --data-urlencode 'new2=Other#Passw0rd' "$BASE/account/password")
expect_eq "5th wrong current password: 303 /login" "303 /login" "$st $(header_of "$H.h" Location)"
expect_eq "5 login_failed 'wrong current password' rows" 5 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'login_failed' AND object = 'pw5' AND detail = 'wrong current password'")"
expect_eq "login_locked row for pw5" 1 "$(audit_count login_locked pw5)"
expect_eq "the session is ended (GET / -> 303 /login)" "303 /login" \
	"$(http_get "$H" -b "$PJ" "$BASE/") $(header_of "$H.h" Location)"
login_to pw5 "$PW" "$PJ" "$H" >/dev/null
check "login with the right password refused: 登录失败次数过多" grep -qF "登录失败次数过多" "$H.b"
expect_eq "... no session" "" "$(cookie_value "$SC" "$PJ")"
expect_eq "the password was not changed" 303 "$(http_status -b "$PJ" "$BASE/")"

# ==== units and persons for 6-8 ==============================================
MJ=$T_DIR/cm.jar
login cm "$PW" "$MJ" >/dev/null
TOP=$(create /api/units '{"name":"机密县","kind":"other"}' "$MJ")
A=$(create /api/units "{\"name\":\"甲镇\",\"kind\":\"township\",\"parent_id\":$TOP}" "$MJ")
A1=$(create /api/units "{\"name\":\"甲村\",\"kind\":\"village\",\"parent_id\":$A}" "$MJ")
B=$(create /api/units "{\"name\":\"乙镇\",\"kind\":\"township\",\"parent_id\":$TOP}" "$MJ")
X=$(idnum 23010219800101009)   # ends in X
Y=$(idnum 23010219900202002)
PB=$(create /api/persons "{\"name\":\"乙某人\",\"unit_id\":$B,\"rank\":\"section\",\"id_number\":\"$X\"}" "$MJ")
PY=$(create /api/persons "{\"name\":\"甲某人\",\"unit_id\":$A,\"rank\":\"section\",\"id_number\":\"$Y\"}" "$MJ")
protect 乙某人 甲某人 重号丙 "$X" "${X,,}" "$Y"
check "setup: units and persons (X ends in X)" test "${X: -1}" = X -a -n "$TOP" -a -n "$A" -a -n "$A1" -a -n "$B" -a -n "$PB" -a -n "$PY"
adduser town township "$A"
TJ=$T_DIR/town.jar
expect_eq "town logs in" 303 "$(login town "$PW" "$TJ")"

# ==== 6. ID numbers ==========================================================
st=$(http_get "$H" -b "$TJ" --data-urlencode "csrf=$(csrf_of "$TJ")" --data-urlencode "name=重号甲" \
	--data-urlencode "unit_id=$A" --data-urlencode "rank=section" --data-urlencode "id_number=$X" "$BASE/persons")
expect_eq "town: person in A with B's person's ID number: 422" 422 "$st"
check "... 管辖范围以外" grep -qF "管辖范围以外" "$H.b"
check "... not naming the holder" not_in "乙某人" "$H.b"
expect_eq "... access_denied row naming person/PB" "1|town|0" \
	"$(sql "SELECT count(*), user_name, success FROM audit_log WHERE event = 'access_denied' AND object = 'person/$PB' GROUP BY user_name, success")"
expect_eq "... nothing created" 0 "$(sql "SELECT count(*) FROM persons WHERE name = '重号甲'")"
st=$(http_get "$H" -b "$MJ" --data-urlencode "csrf=$(csrf_of "$MJ")" --data-urlencode "name=重号乙" \
	--data-urlencode "unit_id=$A" --data-urlencode "rank=section" --data-urlencode "id_number=$X" "$BASE/persons")
expect_eq "cm: a duplicate ID number: 422" 422 "$st"
check "... 已登记在其他人员名下" grep -qF "已登记在其他人员名下" "$H.b"
expect_eq "... nothing created" 0 "$(sql "SELECT count(*) FROM persons WHERE name = '重号乙'")"
out=$(api POST /api/persons "{\"name\":\"重号丙\",\"unit_id\":$A,\"rank\":\"section\",\"id_number\":\"${X,,}\"}" "$MJ")
expect_eq "cm via the API, lower-case x: 422" 422 "$(tail -n1 <<<"$out")"
expect_contains "... 已登记在其他人员名下" "已登记在其他人员名下" "$out"
if [ "$BACKEND" = pg ]; then
	check "persons_id_mac is a UNIQUE index" \
		grep -qE '^CREATE UNIQUE INDEX persons_id_mac ON (public\.)?persons USING btree \(id_number_mac\)$' \
		<<<"$(sql "SELECT indexdef FROM pg_indexes WHERE tablename = 'persons' AND indexname = 'persons_id_mac'")"
else
	check "persons_id_mac is a UNIQUE index" \
		bash -c 'sqlite3 "$1" "PRAGMA index_list(persons)" | grep -qE "^[0-9]+\|persons_id_mac\|1\|"' _ "$DB"
fi
mac_py=$(sql "SELECT id_number_mac FROM persons WHERE id = $PY")
check "PY has an ID number MAC of its own" test -n "$mac_py"
err=$(sql "UPDATE persons SET id_number_mac = (SELECT id_number_mac FROM persons WHERE id = $PB) WHERE id = $PY" 2>&1)
check "the database refuses a duplicate MAC" test $? -ne 0
check "... as a uniqueness violation" grep -qiE 'unique' <<<"$err"
expect_eq "... and PY's MAC is unchanged" "$mac_py" "$(sql "SELECT id_number_mac FROM persons WHERE id = $PY")"
expect_eq "cm reads PB's ID number" 200 "$(http_get "$H" -b "$MJ" "$BASE/persons/$PB")"
check "... $X shown" grep -qF "$X" "$H.b"
sql "UPDATE persons SET id_number_enc = (SELECT id_number_enc FROM persons WHERE id = $PB) WHERE id = $PY"
expect_eq "PY now holds PB's ciphertext" 1 \
	"$(sql "SELECT CASE WHEN a.id_number_enc = b.id_number_enc THEN 1 ELSE 0 END FROM persons a, persons b WHERE a.id = $PY AND b.id = $PB")"
expect_eq "cm GET /persons/PY: 200" 200 "$(http_get "$H" -b "$MJ" "$BASE/persons/$PY")"
check "... 无法解密 (the ciphertext is bound to its row)" grep -qF "无法解密" "$H.b"
check "... PB's ID number not shown" not_in "$X" "$H.b"
expect_eq "cm GET /api/persons/PY: id_number null" "None" \
	"$(curl -s -b "$MJ" "$BASE/api/persons/$PY" | json_get id_number)"

# ==== 7. no person names in the audit log ====================================
W=$(create /api/persons "{\"name\":\"王某某\",\"unit_id\":$A1,\"rank\":\"village\"}" "$MJ")
check "setup: 王某某 created" test -n "$W"
expect_eq "cm reads 王某某 (page)" 200 "$(http_status -b "$MJ" "$BASE/persons/$W")"
expect_eq "cm reads 王某某 (API)" 200 "$(http_status -b "$MJ" "$BASE/api/persons/$W")"
expect_eq "cm opens the edit form" 200 "$(http_status -b "$MJ" "$BASE/persons/$W/edit")"
expect_eq "cm searches for 王某某" 200 "$(http_status -b "$MJ" -G --data-urlencode "q=王某某" "$BASE/persons")"
out=$(api PUT "/api/persons/$W" "{\"name\":\"王某某\",\"unit_id\":$A1,\"rank\":\"village\",\"position\":\"村主任\"}" "$MJ")
expect_eq "cm updates 王某某 (API)" 200 "$(tail -n1 <<<"$out")"
expect_eq "cm updates 王某某 (page)" 303 \
	"$(http_status -b "$MJ" --data-urlencode "csrf=$(csrf_of "$MJ")" --data-urlencode "name=王某某" \
		--data-urlencode "unit_id=$A1" --data-urlencode "rank=village" --data-urlencode "position=村委委员" \
		"$BASE/persons/$W")"
check "the reads are audited (by object, at least 3)" \
	test "$(sql "SELECT count(*) FROM audit_log WHERE event = 'read' AND object = 'person/$W'")" -ge 3
expect_eq "the create and the 2 updates are audited (by object)" 3 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event IN ('create', 'update') AND object = 'person/$W'")"
expect_eq "no audit_log row contains 王某某" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE user_name || '|' || role || '|' || event || '|' || object || '|' || detail || '|' || ip LIKE '%王某某%'")"

# ==== 8. no parent names above the jurisdiction ==============================
expect_eq "town GET /units: 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/units")"
check "... lists 甲村" grep -qF "甲村" "$H.b"
check "... no 机密县" not_in "机密县" "$H.b"
expect_eq "town GET /units/A: 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/units/$A")"
check "... no 机密县" not_in "机密县" "$H.b"
check "... no link to the parent unit" not_in "href=\"/units/$TOP\"" "$H.b"
expect_eq "town GET /api/units: 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/api/units")"
check "... no 机密县" not_in "机密县" "$H.b"
check "... no parent_id $TOP" not_in "\"parent_id\":$TOP" "$H.b"
expect_eq "town GET /api/units/A: 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/api/units/$A")"
check "... no 机密县" not_in "机密县" "$H.b"
# issue 12: the form's unit is a picker (the unit named by the link, the rest found by typing)
expect_eq "town GET /persons/new?unit_id=A: 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/persons/new?unit_id=$A")"
check "... the unit picker holds 甲镇" grep -qF "甲镇" "$H.b"
check "... no 机密县" not_in "机密县" "$H.b"
expect_eq "town GET /api/pick/units?q=镇: 200" 200 "$(http_get "$H" -b "$TJ" -G --data-urlencode "q=镇" "$BASE/api/pick/units")"
check "... offers 甲镇" grep -qF "甲镇" "$H.b"
check "... no 机密县 (the parent above the jurisdiction)" not_in "机密县" "$H.b"
expect_eq "town GET /persons: 200" 200 "$(http_get "$H" -b "$TJ" "$BASE/persons")"
check "... no 机密县" not_in "机密县" "$H.b"
expect_eq "cm GET /units/A: 200" 200 "$(http_get "$H" -b "$MJ" "$BASE/units/$A")"
check "... names 机密县" grep -qF "机密县" "$H.b"

# ==== 9. bodies not buffered where unwanted ==================================
head -c 2097152 /dev/zero | tr '\0' 'a' >"$T_DIR/big"
r=$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -X POST --data-binary @"$T_DIR/big" "$BASE/healthz")
expect_eq "POST 2 MiB to /healthz: 405" 405 "${r%% *}"
check "... quickly (${r#* } s)" python3 -c 'import sys; sys.exit(float(sys.argv[1]) >= 3)' "${r#* }"
r=$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -X POST --data-binary @"$T_DIR/big" "$BASE/nope")
expect_eq "POST 2 MiB to /nope: 404" 404 "${r%% *}"
check "... quickly (${r#* } s)" python3 -c 'import sys; sys.exit(float(sys.argv[1]) >= 3)' "${r#* }"
r=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'Transfer-Encoding: chunked' -X POST \
	--data-binary @"$T_DIR/big" "$BASE/nope")
expect_eq "POST 2 MiB chunked to /nope: 404" 404 "$r"
{ printf 'x='; head -c $((900 * 1024)) /dev/zero | tr '\0' 'a'; } >"$T_DIR/form"
expect_eq "POST 900 KiB form to /units without a session: 401" 401 \
	"$(http_get "$H" -m 10 -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$T_DIR/form" "$BASE/units")"
check "... the 401 page (请先登录)" grep -qF "请先登录" "$H.b"
expect_eq "the same form with a session is read (and refused: 400)" 400 \
	"$(http_status -m 10 -b "$MJ" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$T_DIR/form" "$BASE/units")"

expect_eq "server alive" 200 "$(http_status "$BASE/healthz")"
stop_server
check "server log clean" server_clean
check "CLI runs clean" cli_clean
finish
