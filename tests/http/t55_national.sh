# t55_national.sh: the national-algorithm suite end to end: init with
# --national-crypto, serve passes its SM3/SM4 self-tests, an ID number is
# stored as SM4-CTR+HMAC-SM3 ciphertext and read back, the audit chain is
# HMAC-SM3 and verifies; settings via `qingfeng config`.
. "$(dirname "$0")/lib.sh"

out=$("$QF_BIN" init --db "$DB" --national-crypto) ; check "init --national-crypto" test $? -eq 0
expect_contains "key file names the national suite" "suite=national" "$(cat "$KEY")"
ready_user cm --role case_manager --password-stdin >/dev/null
check "config set accepts a value in range" "$QF_BIN" config set lock_failures 6
"$QF_BIN" config set lock_failures 99 2>/dev/null; expect_eq "config set refuses a value out of range" 1 $?
"$QF_BIN" config set nosuch 1 2>/dev/null; expect_eq "config set refuses an unknown key (usage)" 2 $?
expect_contains "config show reads the stored value" "lock_failures 6" "$("$QF_BIN" config show)"

start_server || { not_ok "server starts with the national suite"; finish; }
ok "server starts with the national suite (self-tests passed)"
expect_eq "login" 303 "$(login cm "$PW")"
res=$(api POST /api/units '{"name":"市国资委","kind":"department"}')
uid=$(printf '%s' "$res" | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
res=$(api POST /api/persons "{\"name\":\"赵六\",\"unit_id\":$uid,\"rank\":\"county\",\"id_number\":\"11010519491231002X\"}")
protect 赵六 11010519491231002X
expect_eq "person created" 201 "$(printf '%s' "$res" | tail -1)"
pid=$(printf '%s' "$res" | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
enc=$(sql "SELECT id_number_enc FROM persons WHERE id=$pid")
expect_eq "ID number stored as SM4 ciphertext (s1:)" "s1:" "${enc:0:3}"
case "$enc" in *11010519491231002X*) not_ok "ciphertext does not contain the clear ID number" ;; *) ok "ciphertext does not contain the clear ID number" ;; esac
expect_contains "case manager reads the ID number back" "11010519491231002X" "$(curl -s -b "$JAR" "$BASE/persons/$pid")"
stop_server
"$QF_BIN" audit verify >/dev/null; expect_eq "audit chain (HMAC-SM3) verifies" 0 $?
# tampering: drop the append-only guard, alter entry 2
if [ "$BACKEND" = pg ]; then
	sql "DROP TRIGGER audit_log_no_change ON audit_log; DROP TRIGGER audit_log_no_truncate ON audit_log"
else
	for t in $(sql "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"); do sql "DROP TRIGGER $t"; done
fi
sql "UPDATE audit_log SET user_name='x' WHERE id=2"
expect_eq "entry 2 was altered (guard dropped)" x "$(sql "SELECT user_name FROM audit_log WHERE id=2")"
"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit verify fails after tampering" 1 $?
check "no sanitizer report" server_clean
finish
