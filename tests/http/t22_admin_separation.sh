#!/usr/bin/env bash
# t22_admin_separation.sh: 三员分立 holds for passwords (issue 8, failure
# 1: the system admin's `action=passwd` set a business user's password at
# once, and signing in as that user then read case content).  Tried as
# each admin role alone (system, security, audit admin): no sequence of
# its own actions yields a sign-in to a business account that reads a
# clue or a case.  Then the two-person path: the system admin asks, the
# security admin approves, the user is told who and when, and a bound
# second factor survives the reset; the setting totp_required_all; the
# CLI's reset (the operator's) tells the user too.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
ready_user sec --role secadmin --password-stdin >/dev/null || not_ok "add sec"
start_server || { not_ok "start_server"; finish; }
MSG_BAD="用户名或密码错误"
NEWPW='Taken#Over2026'
SJ=$T_DIR/sys.jar; XJ=$T_DIR/sec.jar; AJ=$T_DIR/aud.jar
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }
pwhash() { sql "SELECT pwhash FROM users WHERE name = '$1'"; }
# act JAR USER ACTION [PASSWORD]: an account action; prints the status
act() {
	http_status -b "$1" --data-urlencode "csrf=$(csrf_of "$1")" --data-urlencode "action=$3" \
		${4:+--data-urlencode "password=$4"} "$BASE/admin/users/$(uid "$2")/action"
}
# reads_content JAR: 1 when the session reads the clue register and the
# case list, 0 when not
reads_content() {
	[ "$(http_status -b "$1" "$BASE/clues")" = 200 ] && [ "$(http_status -b "$1" "$BASE/cases")" = 200 ] &&
		echo 1 || echo 0
}
# takeover USER PASSWORD: 1 when signing in as USER with PASSWORD gives a
# session that reads content (after the forced password change too)
takeover() {
	local j=$T_DIR/take.jar
	[ "$(login "$1" "$2" "$j")" = 303 ] || { echo 0; return; }
	http_get "$H.tk" -b "$j" "$BASE/account" >/dev/null
	http_status -b "$j" -c "$j" --data-urlencode "csrf=$(form_csrf "$H.tk.b")" --data-urlencode "old=$2" \
		--data-urlencode "new=Mine#Now20261" --data-urlencode "new2=Mine#Now20261" "$BASE/account/password" >/dev/null
	[ "$(login "$1" 'Mine#Now20261' "$j")" = 303 ] || [ "$(login "$1" "$2" "$j")" = 303 ] || { echo 0; return; }
	reads_content "$j"
}

enrol admin "$ADMIN_PW" "$SJ" || not_ok "system admin signs in"
S_SYS=$SECRET
enrol sec "$PW" "$XJ" || not_ok "security admin signs in"
enrol auditor "$PW" "$AJ" || not_ok "audit admin signs in"
cm_hash=$(pwhash cm)
expect_eq "cm reads content (the baseline)" 1 "$(takeover cm "$PW")"
# the baseline changed cm's password to Mine#Now20261: put it back
printf '%s\n' "$PW" | "$QF_BIN" user passwd cm --password-stdin >/dev/null
cm_hash=$(pwhash cm)

# --- the system admin alone ---------------------------------------------------
expect_eq "sysadmin: reset cm's password: 303 (a request)" 303 "$(act "$SJ" cm passwd "$NEWPW")"
expect_eq "... cm's password is unchanged" "$cm_hash" "$(pwhash cm)"
expect_eq "... the request is audited" 1 "$(audit_count user_passwd_request cm)"
expect_eq "... signing in as cm with the new password fails" 200 "$(login cm "$NEWPW")"
expect_eq "... and reads nothing" 0 "$(takeover cm "$NEWPW")"
for a in approve_passwd refuse_passwd enable unlock totp_reset; do
	expect_eq "sysadmin: $a on cm: 403" 403 "$(act "$SJ" cm "$a")"
done
expect_eq "sysadmin: create a case manager 'mole': 303" 303 \
	"$(http_status -b "$SJ" --data-urlencode "csrf=$(csrf_of "$SJ")" --data-urlencode "name=mole" \
		--data-urlencode "role=case_manager" --data-urlencode "password=$NEWPW" "$BASE/admin/users")"
expect_eq "... mole is disabled until approved" 1 "$(sql "SELECT disabled FROM users WHERE name = 'mole'")"
expect_eq "... and cannot sign in" 0 "$(takeover mole "$NEWPW")"
expect_eq "sysadmin: disable clerk: 303" 303 "$(act "$SJ" clerk disable)"
expect_eq "sysadmin: re-enable clerk: 403" 403 "$(act "$SJ" clerk enable)"
expect_eq "sysadmin: reset clerk's password (disabled): a request" 303 "$(act "$SJ" clerk passwd "$NEWPW")"
expect_eq "... clerk cannot sign in" 0 "$(takeover clerk "$NEWPW")"
expect_eq "sysadmin: reset the security admin's password: a request" 303 "$(act "$SJ" sec passwd "$NEWPW")"
expect_eq "... sec cannot sign in with it" 200 "$(login sec "$NEWPW")"
expect_eq "sysadmin: reset its own password here: refused (422)" 422 "$(act "$SJ" admin passwd "$NEWPW")"
expect_eq "sysadmin: the user list API does not exist (404)" 404 "$(http_status -b "$SJ" "$BASE/api/users")"
expect_eq "sysadmin: its own session reads no clue (403)" 403 "$(http_status -b "$SJ" "$BASE/clues")"
for u in cm clerk mole; do
	expect_eq "after the system admin alone: no sign-in as $u with its password" 0 "$(takeover "$u" "$NEWPW")"
done

# --- the security admin alone -------------------------------------------------
expect_eq "secadmin: set cm's password: 403" 403 "$(act "$XJ" cm passwd "$NEWPW")"
expect_eq "secadmin: create a user: 403" 403 \
	"$(http_status -b "$XJ" --data-urlencode "csrf=$(csrf_of "$XJ")" --data-urlencode "name=mole2" \
		--data-urlencode "role=case_manager" --data-urlencode "password=$NEWPW" "$BASE/admin/users")"
expect_eq "secadmin: approve the reset of its own account: refused (422)" 422 "$(act "$XJ" sec approve_passwd)"
expect_eq "... sec still signs in only with its own password" 200 "$(login sec "$NEWPW")"
expect_eq "secadmin: approve where nothing is pending (auditor): refused (422)" 422 "$(act "$XJ" auditor approve_passwd)"
expect_eq "secadmin: unlock cm: 303" 303 "$(act "$XJ" cm unlock)"
expect_eq "secadmin: refuse clerk's reset: 303" 303 "$(act "$XJ" clerk refuse_passwd)"
expect_eq "secadmin: re-enable clerk: 303" 303 "$(act "$XJ" clerk enable)"
# disable is the one action either admin may take (issue 9: the two permissions
# are now tested one by one, no longer as a mask)
expect_eq "secadmin: disable clerk: 303" 303 "$(act "$XJ" clerk disable)"
expect_eq "... clerk is disabled" 1 "$(sql "SELECT disabled FROM users WHERE name = 'clerk'")"
expect_eq "secadmin: re-enable clerk again: 303" 303 "$(act "$XJ" clerk enable)"
expect_eq "... clerk's password is the old one" 0 "$(takeover clerk "$NEWPW")"
expect_eq "secadmin: its own session reads no clue (403)" 403 "$(http_status -b "$XJ" "$BASE/clues")"

# --- the audit admin alone ----------------------------------------------------
for a in passwd approve_passwd refuse_passwd enable disable unlock totp_reset; do
	expect_eq "auditadmin: $a on cm: 403" 403 "$(act "$AJ" cm "$a" "$NEWPW")"
done
expect_eq "auditadmin: the user list: 403" 403 "$(http_status -b "$AJ" "$BASE/admin/users")"
expect_eq "auditadmin: its own session reads no clue (403)" 403 "$(http_status -b "$AJ" "$BASE/clues")"
expect_eq "after each admin alone: cm's password is still its own" "$cm_hash" "$(pwhash cm)"
expect_eq "after each admin alone: no session of cm was made with an admin's password" 0 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'login' AND object = 'cm' AND user_name = 'cm' AND id > (SELECT max(id) FROM audit_log WHERE event = 'user_passwd_request' AND object = 'cm')")"

# --- two people: cm binds a second factor, admin asks, sec approves -------------
CJ=$T_DIR/cm.jar
expect_eq "cm signs in" 303 "$(login cm "$PW" "$CJ")"
expect_eq "cm: bind a second factor: 303" 303 \
	"$(http_status -b "$CJ" --data-urlencode "csrf=$(csrf_of "$CJ")" "$BASE/account/totp")"
http_get "$H.cm" -b "$CJ" "$BASE/login/totp" >/dev/null
C_SECRET=$(secret_of "$H.cm.b")
check "... the enrolment page shows a secret" test ${#C_SECRET} = 32
expect_eq "... the first code binds it" 303 "$(totp_post "$CJ" "$(totp_code "$C_SECRET" 0)" "$H.cmt")"
expect_eq "... cm has a second factor" 1 "$(sql "SELECT totp_enabled FROM users WHERE name = 'cm'")"
expect_eq "sysadmin asks again" 303 "$(act "$SJ" cm passwd "$NEWPW")"
http_get "$H.u" -b "$XJ" "$BASE/admin/users" >/dev/null
check "secadmin's list shows the pending reset" grep -qF "密码重置待审批（admin" "$H.u.b"
check "... and says how many wait" grep -qF "有1项密码重置待您审批" "$H.u.b"
check "... with the approve button" grep -qF 'value="approve_passwd"' "$H.u.b"
expect_eq "secadmin approves: 303" 303 "$(act "$XJ" cm approve_passwd)"
expect_eq "... audited" 1 "$(audit_count user_passwd_approve cm)"
expect_eq "cm's old sessions ended" 303 "$(http_status -b "$CJ" "$BASE/")"
expect_eq "the new password opens only the second-factor step" 303 "$(login cm "$NEWPW" "$CJ")"
expect_eq "... to /login/totp" 303 "$(http_status -b "$CJ" "$BASE/clues")"
expect_eq "... the reset kept the second factor" 1 "$(sql "SELECT totp_enabled FROM users WHERE name = 'cm'")"
expect_eq "with cm's code: in" 303 "$(totp_post "$CJ" "$(totp_code "$C_SECRET" 1)" "$H.cmt")"
http_get "$H.acc" -b "$CJ" "$BASE/account" >/dev/null
check "cm is told who reset the password" grep -qF "由“admin”重置（安全管理员“sec”批准）" "$H.acc.b"
check "... and when" grep -qE "您的密码已于[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}由" "$H.acc.b"
expect_eq "... and must change it before anything else" 303 "$(http_status -b "$CJ" "$BASE/clues")"
http_status -b "$CJ" -c "$CJ" --data-urlencode "csrf=$(form_csrf "$H.acc.b")" --data-urlencode "old=$NEWPW" \
	--data-urlencode "new=$PW" --data-urlencode "new2=$PW" "$BASE/account/password" >/dev/null
expect_eq "after cm's own change the notice is gone" "" "$(sql "SELECT COALESCE(pw_reset_by, '') FROM users WHERE name = 'cm'")"

# --- the operator's CLI reset is immediate, and the user is told --------------
run_cli user passwd clerk --password-stdin <<<"$NEWPW"
expect_eq "CLI 'user passwd': exit 0" 0 "$RC"
expect_eq "clerk signs in with it" 303 "$(login clerk "$NEWPW" "$T_DIR/clerk.jar")"
http_get "$H.cl" -b "$T_DIR/clerk.jar" "$BASE/" >/dev/null
check "clerk is told the operator reset the password" grep -qF "由“cli:" "$H.cl.b"

# --- totp_required_all -----------------------------------------------------------
stop_server
run_cli config set totp_required_all 1
expect_eq "config set totp_required_all 1: exit 0" 0 "$RC"
start_server || not_ok "restart"
expect_eq "clerk's password now leads to the second factor" 303 "$(login clerk "$NEWPW" "$T_DIR/clerk.jar")"
expect_eq "... and nothing else" 303 "$(http_status -b "$T_DIR/clerk.jar" "$BASE/reports")"
http_get "$H.ce" -b "$T_DIR/clerk.jar" "$BASE/login/totp" >/dev/null
check "... the enrolment says every user needs it" grep -qF "本系统要求所有用户使用动态口令" "$H.ce.b"

expect_eq "server alive" 200 "$(http_status "$BASE/healthz")"
stop_server
check "server log clean (no sanitizer report)" server_clean
check "CLI runs clean" cli_clean
finish
