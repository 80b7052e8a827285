#!/usr/bin/env bash
# t60_backup.sh: `qingfeng backup FILE` while the server serves a stream of
# writes: the copy is a sound SQLite database holding every write
# acknowledged before the backup began, its audit chain verifies with the
# key file, the writers are not disturbed, an existing file is refused.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
login cm "$PW" >/dev/null
CSRF=$(csrf_of)
ACKED=$T_DIR/acked
FAILED=$T_DIR/failed
: >"$ACKED"
: >"$FAILED"

# writer: POSTs units until $T_DIR/stop exists (at most 2000); each name
# answered 201 goes to $ACKED, anything else to $FAILED
writer() {
	local i st
	for i in $(seq 1 2000); do
		[ -e "$T_DIR/stop" ] && break
		st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $CSRF" \
			-H 'Content-Type: application/json' --data "{\"name\":\"bk-$i\",\"kind\":\"other\"}" \
			"$BASE/api/units")
		if [ "$st" = 201 ]; then echo "bk-$i" >>"$ACKED"; else echo "bk-$i $st" >>"$FAILED"; fi
	done
}
writer &
WRITER=$!
trap 'touch "$T_DIR/stop"; wait $WRITER 2>/dev/null; cleanup' EXIT

for _ in $(seq 1 100); do
	[ "$(wc -l <"$ACKED")" -ge 30 ] && break
	sleep 0.1
done
cp "$ACKED" "$T_DIR/acked.before"
PRE=$(wc -l <"$T_DIR/acked.before")
check "writes are flowing before the backup (>= 30 acknowledged)" test "$PRE" -ge 30

BK=$T_DIR/backup.db
run_cli backup "$BK"
expect_eq "backup while serving: exit 0" 0 "$RC"
expect_contains "backup says where" "backup written to $BK" "$OUT"
sleep 0.5
DURING=$(wc -l <"$ACKED")
touch "$T_DIR/stop"
wait "$WRITER"
check "writes went on after the backup ($DURING > $PRE)" test "$DURING" -gt "$PRE"
expect_eq "no write failed during the backup" "" "$(head -5 "$FAILED")"

check "the backup file exists" test -s "$BK"
expect_eq "the backup file is mode 0600" 600 "$(stat -c %a "$BK")"
expect_eq "the backup passes PRAGMA integrity_check" ok "$(sqlite3 "$BK" "PRAGMA integrity_check")"
expect_eq "the backup passes PRAGMA foreign_key_check" "" "$(sqlite3 "$BK" "PRAGMA foreign_key_check")"
sqlite3 "$BK" "SELECT name FROM units" | sort >"$T_DIR/in_backup"
sort "$T_DIR/acked.before" >"$T_DIR/acked.before.sorted"
missing=$(comm -23 "$T_DIR/acked.before.sorted" "$T_DIR/in_backup" | head -5 | tr '\n' ' ')
expect_eq "every write acknowledged before the backup is in it" "" "$missing"
IN_BK=$(wc -l <"$T_DIR/in_backup")
check "the backup has at least those $PRE rows (has $IN_BK)" test "$IN_BK" -ge "$PRE"
check "the backup is a consistent snapshot (units = unit create audit rows)" \
	test "$(sqlite3 "$BK" "SELECT count(*) FROM audit_log WHERE event = 'create' AND object LIKE 'unit/%'")" = "$IN_BK"
check "the backup holds the users" test "$(sqlite3 "$BK" "SELECT count(*) FROM users")" = 4
run_cli audit verify --db "$BK" --key "$KEY"
expect_eq "the backup's audit chain verifies with the key file" 0 "$RC"

expect_eq "the backup is audited in the live database" "1|$BK" \
	"$(sql "SELECT success, object FROM audit_log WHERE event = 'backup'")"
final=$(sql "SELECT count(*) FROM units")
expect_eq "the live database has every acknowledged write" "$(wc -l <"$ACKED")" "$final"
run_cli audit verify
expect_eq "the live audit chain holds after CLI and server wrote concurrently" 0 "$RC"
expect_eq "the live database passes integrity_check" ok "$(sql "PRAGMA integrity_check")"

# --- refusals ---------------------------------------------------------------------
sum=$(sha256sum <"$BK")
run_cli backup "$BK"
expect_eq "backup onto an existing file: exit 1" 1 "$RC"
expect_contains "... says it exists" "already exists" "$ERR"
expect_eq "... and leaves it unchanged" "$sum" "$(sha256sum <"$BK")"
expect_eq "the refused backup is audited as a failure" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'backup' AND success = 0")"
ln -s "$T_DIR/victim" "$T_DIR/link.db"
run_cli backup "$T_DIR/link.db"
expect_eq "backup onto a dangling symlink: exit 1" 1 "$RC"
check "... and the symlink target is not created" test ! -e "$T_DIR/victim"
run_cli backup "$T_DIR/no/such/dir/b.db"
expect_eq "backup into a missing directory: exit 1" 1 "$RC"

expect_eq "server alive" 200 "$(http_status "$BASE/healthz")"
stop_server
check "no CLI run printed a sanitizer report" cli_clean
check "server log clean" server_clean
finish
