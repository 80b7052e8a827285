#!/usr/bin/env bash
# t60_backup.sh: `qingfeng backup FILE` while the server serves a stream of
# writes: the copy is a sound SQLite database holding every write
# acknowledged before the backup began, its audit chain verifies with the
# key file, the writers are not disturbed, an existing file is refused.
# On PostgreSQL the backup is pg_dump's custom format: pg_restore lists it
# and restores it into a new database, which is then checked the same way.
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
if [ "$BACKEND" = pg ]; then
	check "the backup is pg_dump's custom format (PGDMP)" test "$(head -c 5 "$BK")" = PGDMP
	pg_restore -l "$BK" >"$T_DIR/toc" 2>"$T_DIR/toc.err"
	expect_eq "pg_restore -l reads the backup's table of contents" 0 "$?"
	for t in audit_log users units persons sessions settings holidays; do
		check "... it has the data of table $t" grep -qE "TABLE DATA public $t " "$T_DIR/toc"
	done
	R=$(pg_newdb restored)
	pg_restore --no-owner --exit-on-error -d "$R" "$BK" 2>"$T_DIR/restore.err"
	expect_eq "pg_restore -d restores the backup into a new database" 0 "$?"
	sed 's/^/# /' "$T_DIR/restore.err" | head -5
	# the restore re-creates every constraint after the data: a dangling
	# foreign key, a duplicate key would have failed it
	expect_eq "the restored database has the live database's constraints (foreign keys, unique)" \
		"$(sql "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace")" \
		"$(psql -X -At "$R" -c "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace")"
	expect_eq "the restored database passes amcheck (heap and B-tree indexes)" ok "$(db_check "$R")"
	bk() { psql -X -q -At -v ON_ERROR_STOP=1 "$R" -c "$1"; }
	BK_DB=$R
else
	expect_eq "the backup passes PRAGMA integrity_check" ok "$(sqlite3 "$BK" "PRAGMA integrity_check")"
	expect_eq "the backup passes PRAGMA foreign_key_check" "" "$(sqlite3 "$BK" "PRAGMA foreign_key_check")"
	bk() { sqlite3 "$BK" "$1"; }
	BK_DB=$BK
fi
bk "SELECT name FROM units" | sort >"$T_DIR/in_backup"
sort "$T_DIR/acked.before" >"$T_DIR/acked.before.sorted"
missing=$(comm -23 "$T_DIR/acked.before.sorted" "$T_DIR/in_backup" | head -5 | tr '\n' ' ')
expect_eq "every write acknowledged before the backup is in it" "" "$missing"
IN_BK=$(wc -l <"$T_DIR/in_backup")
check "the backup has at least those $PRE rows (has $IN_BK)" test "$IN_BK" -ge "$PRE"
check "the backup is a consistent snapshot (units = unit create audit rows)" \
	test "$(bk "SELECT count(*) FROM audit_log WHERE event = 'create' AND object LIKE 'unit/%'")" = "$IN_BK"
check "the backup holds the users" test "$(bk "SELECT count(*) FROM users")" = 4
run_cli audit verify --db "$BK_DB" --key "$KEY" --no-checkpoint   # behind the live checkpoint
expect_eq "the backup's audit chain verifies with the key file" 0 "$RC"

expect_eq "the backup is audited in the live database" "1|$BK" \
	"$(sql "SELECT success, object FROM audit_log WHERE event = 'backup'")"
final=$(sql "SELECT count(*) FROM units")
expect_eq "the live database has every acknowledged write" "$(wc -l <"$ACKED")" "$final"
run_cli audit verify
expect_eq "the live audit chain holds after CLI and server wrote concurrently" 0 "$RC"
expect_eq "the live database passes the engine's check (integrity_check / amcheck)" ok "$(db_check)"

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
