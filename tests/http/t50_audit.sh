#!/usr/bin/env bash
# t50_audit.sh: the audit log's MAC chain.  `qingfeng audit verify` passes
# on a database with activity; the append-only triggers refuse UPDATE and
# DELETE (and TRUNCATE on PostgreSQL); once someone with the sqlite3 shell
# or psql drops them and alters, deletes or appends a row, verify exits 1
# naming the entry; a different key file fails; the audit admin's page
# shows the same verdict.  On PostgreSQL the copies are databases made
# from the test's database as a template.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }

# --- some activity ------------------------------------------------------------
login cm "$PW" >/dev/null
out=$(api POST /api/units '{"name":"审计测试单位","kind":"department"}')
UID_=$(head -n -1 <<<"$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api POST /api/persons "{\"name\":\"张三\",\"unit_id\":$UID_,\"rank\":\"staff\"}" >/dev/null
protect 张三
api PUT "/api/units/$UID_" '{"name":"审计测试单位（改）","kind":"department"}' >/dev/null
login cm 'Wrong#Pass123' "$T_DIR/x.jar" >/dev/null
curl -s -o /dev/null -b "$JAR" --data-urlencode "csrf=$(csrf_of)" "$BASE/logout"
stop_server

N=$(sql "SELECT count(*) FROM audit_log")
check "there is activity in the log (> 10 entries)" test "$N" -gt 10
expect_eq "ids are 1..N without gaps" "1|$N|$N" "$(sql "SELECT min(id), max(id), count(*) FROM audit_log")"
run_cli audit verify
expect_eq "audit verify on the live database: exit 0" 0 "$RC"
expect_eq "audit verify reports the count" "qingfeng: audit chain ok ($N entries)" "$OUT"
if [ "$BACKEND" = pg ]; then HEX64="mac ~ '^[0-9a-f]{64}\$'"; else HEX64="length(mac) = 64 AND mac NOT GLOB '*[^0-9a-f]*'"; fi
check "every entry has a 64-hex MAC" \
	test "$(sql "SELECT count(*) FROM audit_log WHERE $HEX64")" = "$N"
check "each entry's prev_mac is the previous entry's mac" \
	test "$(sql "SELECT count(*) FROM audit_log a JOIN audit_log b ON b.id = a.id - 1 WHERE a.prev_mac = b.mac")" = $((N - 1))

# copy NAME: a consistent copy of the database (triggers included); the
# server is stopped (a PostgreSQL template database has no connections)
# on: the shell of the backend on a database: on DB STATEMENTS
if [ "$BACKEND" = pg ]; then
	copy() { pg_newdb "$1" "$DB"; }
	on() { psql -X -q -At -v ON_ERROR_STOP=1 "$1" -c "$2"; }
	DROP="DROP TRIGGER audit_log_no_change ON audit_log; DROP TRIGGER audit_log_no_truncate ON audit_log;"
else
	copy() { rm -f "$T_DIR/$1.db"; sqlite3 "$DB" ".backup $T_DIR/$1.db"; echo "$T_DIR/$1.db"; }
	on() { sqlite3 "$1" "$2"; }
	DROP="DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
fi
verify() { run_cli audit verify --db "$1" --key "${2:-$KEY}"; }

# --- the triggers refuse changes ----------------------------------------------
C=$(copy guard)
check "a copy of the database was made" test -n "$C"
detail3=$(on "$C" "SELECT detail FROM audit_log WHERE id = 3")
check "the copy reads (entry 3 has a detail column)" test "$(on "$C" "SELECT count(*) FROM audit_log WHERE id = 3")" = 1
err=$(on "$C" "UPDATE audit_log SET detail = 'x' WHERE id = 3" 2>&1)
check "UPDATE with the triggers in place fails" test $? -ne 0
expect_contains "... with 'append-only'" "append-only" "$err"
expect_eq "... and row 3 is unchanged" "$detail3" "$(on "$C" "SELECT detail FROM audit_log WHERE id = 3")"
err=$(on "$C" "DELETE FROM audit_log WHERE id = 5" 2>&1)
check "DELETE with the triggers in place fails" test $? -ne 0
expect_contains "... with 'append-only'" "append-only" "$err"
expect_eq "... and nothing is deleted" "$N" "$(on "$C" "SELECT count(*) FROM audit_log")"
if [ "$BACKEND" = pg ]; then
	err=$(on "$C" "TRUNCATE audit_log" 2>&1)
	check "TRUNCATE with the triggers in place fails" test $? -ne 0
	expect_contains "... with 'append-only'" "append-only" "$err"
	expect_eq "... and nothing is truncated" "$N" "$(on "$C" "SELECT count(*) FROM audit_log")"
else
	err=$(on "$C" "DELETE FROM audit_log" 2>&1)
	check "DELETE of every row (SQLite's truncation) fails" test $? -ne 0
	expect_contains "... with 'append-only'" "append-only" "$err"
	expect_eq "... and nothing is deleted" "$N" "$(on "$C" "SELECT count(*) FROM audit_log")"
fi
verify "$C"
expect_eq "verify after the refused changes: exit 0" 0 "$RC"

# --- an altered row -----------------------------------------------------------
C=$(copy altered)
on "$C" "$DROP UPDATE audit_log SET detail = 'x' WHERE id = 3"
expect_eq "the row was altered (triggers dropped)" x "$(on "$C" "SELECT detail FROM audit_log WHERE id = 3")"
verify "$C"
expect_eq "verify after altering entry 3: exit 1" 1 "$RC"
expect_contains "the message names entry 3" "audit entry 3:" "$ERR"
check "nothing on stdout claims the chain is ok" bash -c '! grep -q "chain ok" <<<"$1"' _ "$OUT"

C=$(copy altered_time)
on "$C" "$DROP UPDATE audit_log SET at = at - 3600 WHERE id = 7"
verify "$C"
expect_eq "verify after back-dating entry 7: exit 1" 1 "$RC"
expect_contains "the message names entry 7" "audit entry 7:" "$ERR"

C=$(copy altered_user)
on "$C" "$DROP UPDATE audit_log SET user_name = 'admin' WHERE id = $N"
verify "$C"
expect_eq "verify after changing the user of the last entry: exit 1" 1 "$RC"
expect_contains "the message names the last entry" "audit entry $N:" "$ERR"

# --- a deleted middle row ------------------------------------------------------
C=$(copy deleted)
on "$C" "$DROP DELETE FROM audit_log WHERE id = 5"
verify "$C"
expect_eq "verify after deleting entry 5: exit 1" 1 "$RC"
expect_contains "the message names the gap (entry 6, expected 5)" "audit entry 6: expected id 5" "$ERR"

# deleting a row and renumbering the rest to hide the gap
C=$(copy renumbered)
on "$C" "$DROP DELETE FROM audit_log WHERE id = 5; UPDATE audit_log SET id = id - 1 WHERE id > 5"
expect_eq "the rows were renumbered (ids 1..N-1, no gap)" "1|$((N - 1))|$((N - 1))" \
	"$(on "$C" "SELECT min(id), max(id), count(*) FROM audit_log")"
verify "$C"
expect_eq "verify after delete + renumber: exit 1" 1 "$RC"
expect_contains "the message names entry 5" "audit entry 5:" "$ERR"

# --- an appended forgery (a copy of the last row under the next id) ---------------
C=$(copy appended)
on "$C" "INSERT INTO audit_log(id, region, at, user_id, user_name, role, event, object, success, detail, ip, prev_mac, mac)
	SELECT id + 1, region, at, user_id, user_name, role, event, object, success, 'forged', ip, mac, mac
	FROM audit_log WHERE id = $N"
verify "$C"
expect_eq "verify after appending a forged entry: exit 1" 1 "$RC"
expect_contains "the message names the forged entry" "audit entry $((N + 1)):" "$ERR"

# --- the key file is needed ------------------------------------------------------
# (a SQLite database on both backends: only its key file is wanted)
env -u QINGFENG_KEY "$QF_BIN" init --db "$T_DIR/other.db" >/dev/null 2>&1
check "a second key file was made" test -f "$T_DIR/other.db.key"
verify "$DB" "$T_DIR/other.db.key"
expect_eq "verify with a different key file: exit 1" 1 "$RC"
expect_contains "... failing at entry 1" "audit entry 1:" "$ERR"
verify "$DB" "$T_DIR/no-such.key"
expect_eq "verify without the key file: exit 1" 1 "$RC"
expect_contains "... naming the key file" "no-such.key" "$ERR"
verify "$T_DIR/no-such.db"
check "verify of a missing database fails (exit 1)" test "$RC" = 1
check "verify of a missing database does not create it" test ! -e "$T_DIR/no-such.db"
if [ "$BACKEND" = pg ]; then
	verify "$QF_PG/${PG_DBNAME}_no_such"
	check "verify of a missing PostgreSQL database fails (exit 1)" test "$RC" = 1
	expect_eq "... and does not create it" 0 \
		"$(psql -X -At "$QF_PG/postgres" -c "SELECT count(*) FROM pg_database WHERE datname = '${PG_DBNAME}_no_such'")"
fi

# --- the audit admin's page on a tampered log -------------------------------------
on "$DB" "$DROP UPDATE audit_log SET detail = 'x' WHERE id = 3"
expect_eq "the live database's entry 3 was altered" x "$(sql "SELECT detail FROM audit_log WHERE id = 3")"
run_cli audit verify
expect_eq "the live database, tampered: verify exit 1" 1 "$RC"
start_server || { not_ok "restart"; finish; }
AJ=$T_DIR/aud.jar
login auditor "$PW" "$AJ" >/dev/null
page=$(curl -s -b "$AJ" "$BASE/login/totp")
SECRET=$(sed -n 's/.*<code>\([A-Z2-7]*\)<\/code>.*/\1/p' <<<"$page")
TCSRF=$(grep -o 'name="csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
expect_eq "auditor completes TOTP enrolment" 303 \
	"$(http_status -b "$AJ" --data-urlencode "csrf=$TCSRF" --data-urlencode "code=$(totp_code "$SECRET")" "$BASE/login/totp")"
st=$(http_get "$T_DIR/v" -b "$AJ" "$BASE/audit?verify=1")
expect_eq "/audit?verify=1: 200" 200 "$st"
check "the page reports the failure at entry 3 (第 3 条)" grep -qF "审计链校验失败：第 3 条" "$T_DIR/v.b"
check "the page does not claim the chain is intact" bash -c '! grep -qF "审计链校验通过" "$1"' _ "$T_DIR/v.b"
stop_server
run_cli audit verify
expect_eq "entries appended after the tampering do not hide it" 1 "$RC"
expect_contains "... still entry 3" "audit entry 3:" "$ERR"
check "no CLI run printed a sanitizer report" cli_clean
check "server log clean" server_clean
finish
