#!/usr/bin/env bash
# t62_restore_drill.sh: the restore drill of docs/operations.md, as a test.
# Issue 8 asks for `qingfeng restore FILE` and a drill (before it there was
# no restore command: every check below failed with "not a qingfeng
# command").  A writer creates units and persons through the API while
# `qingfeng backup` runs; the backup is restored elsewhere with `qingfeng
# restore` (SQLite: a new file; PostgreSQL: pg_restore into a new, empty
# database); the restored copy's audit chain verifies; it is a consistent
# point: its units and persons are exactly the rows its audit log records
# as created, every write acknowledged before the backup is in it, nothing
# that was never acknowledged is, and its audit log is the backup's plus
# the restore's own entry.  A server then serves the restored copy.
# Refusals: an existing database (without --force; with --force while a
# server has it open), a wrong key, an altered backup, a file that is no
# backup, a backup of the other backend.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
login cm "$PW" >/dev/null
CSRF=$(csrf_of)
U0=$(body "$(api POST /api/units '{"name":"演练单位","kind":"department"}')" | jget '["id"]')
ACKED=$T_DIR/acked
FAILED=$T_DIR/failed
: >"$ACKED"
: >"$FAILED"

# writer: a unit, then a person, over and over until $T_DIR/stop exists;
# each name answered 201 goes to $ACKED, anything else to $FAILED
writer() {
	local i st path data
	for i in $(seq 1 3000); do
		[ -e "$T_DIR/stop" ] && break
		if [ $((i % 2)) = 0 ]; then
			path=/api/units data="{\"name\":\"dr-$i\",\"kind\":\"other\"}"
		else
			path=/api/persons data="{\"name\":\"dr-$i\",\"unit_id\":$U0,\"rank\":\"section\"}"
		fi
		st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $CSRF" \
			-H 'Content-Type: application/json' --data "$data" "$BASE$path")
		if [ "$st" = 201 ]; then echo "dr-$i" >>"$ACKED"; else echo "dr-$i $st" >>"$FAILED"; fi
	done
}
writer &
WRITER=$!
trap 'touch "$T_DIR/stop"; wait $WRITER 2>/dev/null; cleanup' EXIT

# wait_acked N: until at least N writes are acknowledged (at most 30 s)
wait_acked() {
	for _ in $(seq 1 300); do
		[ "$(wc -l <"$ACKED")" -ge "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
check "writes are flowing before the backup (>= 40 acknowledged)" wait_acked 40
cp "$ACKED" "$T_DIR/acked.before"
PRE=$(wc -l <"$T_DIR/acked.before")

BK=$T_DIR/drill.backup
run_cli backup "$BK"
expect_eq "backup while a writer writes: exit 0" 0 "$RC"
check "writes go on after the backup" wait_acked $((PRE + 30))

# ---- refusals while the live server runs -------------------------------------------------
run_cli restore "$BK" --db "$DB" --key "$KEY"
expect_eq "restore onto the live database: exit 1" 1 "$RC"
if [ "$BACKEND" = pg ]; then
	expect_contains "... it is initialised: restore into a new, empty database" "already initialised" "$ERR"
else
	expect_contains "... it exists: --force is needed" "already exists" "$ERR"
	run_cli restore "$BK" --db "$DB" --key "$KEY" --force
	expect_eq "... and with --force while the server has it open: exit 1" 1 "$RC"
	expect_contains "... it is in use" "in use" "$ERR"
fi

touch "$T_DIR/stop"
wait "$WRITER"
expect_eq "no write failed during the drill" "" "$(head -5 "$FAILED")"

# ---- the restore ----------------------------------------------------------------------
# the drill's copy has a key file of its own (a copy of the live one), so
# that what the restore writes beside its key (the audit checkpoint) never
# touches the live database's
mkdir "$T_DIR/elsewhere"
if [ "$BACKEND" = pg ]; then
	R=$(pg_newdb restored)
	RKEY=$T_DIR/elsewhere/drill.key
	in_r() { psql -X -q -At -v ON_ERROR_STOP=1 "$R" -c "$1"; }
	# the audit rows in the dump: the lines of its COPY block
	BK_AUDIT=$(pg_restore -a -t audit_log -f - "$BK" | awk '/^COPY /{c=1; next} /^\\\.$/{c=0} c' | wc -l)
else
	R=$T_DIR/elsewhere/qf.db
	RKEY=$R.key                  # the default place: restore finds it without --key
	in_r() { sqlite3 "$R" "$1"; }
	BK_AUDIT=$(sqlite3 "$BK" "SELECT count(*) FROM audit_log")
fi
check "the backup holds an audit log ($BK_AUDIT entries)" test "$BK_AUDIT" -gt 40
cp "$KEY" "$RKEY"
if [ "$BACKEND" = pg ]; then
	QINGFENG_KEY=$RKEY run_cli restore "$BK" --db "$R"
else
	run_cli restore "$BK" --db "$R"
fi
expect_eq "restore elsewhere: exit 0" 0 "$RC"
expect_contains "... it verified the backup's whole chain" "audit chain of the backup ok ($BK_AUDIT entries)" "$OUT"
run_cli audit verify --db "$R" --key "$RKEY"
expect_eq "audit verify passes on the restored copy" 0 "$RC"
expect_eq "... the restored log is the backup's plus the restore's entry" "$((BK_AUDIT + 1))|restore|1" \
	"$(in_r "SELECT (SELECT count(*) FROM audit_log) || '|' || event || '|' || success FROM audit_log ORDER BY id DESC LIMIT 1")"
UNITS=$(in_r "SELECT count(*) FROM units")
PERSONS=$(in_r "SELECT count(*) FROM persons")
expect_eq "units in the copy = units its audit log records as created" \
	"$(in_r "SELECT count(*) FROM audit_log WHERE event = 'create' AND object LIKE 'unit/%'")" "$UNITS"
expect_eq "persons in the copy = persons its audit log records as created" \
	"$(in_r "SELECT count(*) FROM audit_log WHERE event = 'create' AND object LIKE 'person/%'")" "$PERSONS"
in_r "SELECT name FROM units WHERE name LIKE 'dr-%' UNION ALL SELECT name FROM persons" | sort >"$T_DIR/in_copy"
sort "$T_DIR/acked.before" >"$T_DIR/before.sorted"
sort "$ACKED" >"$T_DIR/all.sorted"
expect_eq "every write acknowledged before the backup is in the copy" "" \
	"$(comm -23 "$T_DIR/before.sorted" "$T_DIR/in_copy" | head -3 | tr '\n' ' ')"
expect_eq "every row of the copy was acknowledged to the writer" "" \
	"$(comm -13 "$T_DIR/all.sorted" "$T_DIR/in_copy" | head -3 | tr '\n' ' ')"
LIVE=$(sql "SELECT count(*) FROM units")
check "the copy is the backup's point, older than the live database ($UNITS < $LIVE units)" \
	test "$UNITS" -lt "$LIVE"
if [ "$BACKEND" = sqlite ]; then
	expect_eq "the restored file is mode 0600" 600 "$(stat -c %a "$R")"
	# the restore starts the copy's audit checkpoint beside its own key
	# (and the attachments folder the backup carried, issue 12: t181 restores files in it)
	expect_eq "... and no temporary file is left beside it (the checkpoint is new)" \
		"qf.db qf.db.attachments qf.db.key qf.db.key.audit" "$(ls "$T_DIR/elsewhere" | paste -sd' ')"
	expect_eq "... it passes PRAGMA integrity_check" ok "$(in_r "PRAGMA integrity_check")"
else
	expect_eq "... it passes amcheck" ok "$(db_check "$R")"
fi

# ---- refusals of bad backups -------------------------------------------------------------
OTHER=$T_DIR/other
"$QF_BIN" init --db "$T_DIR/other.db" --key "$T_DIR/other.db.key" >/dev/null 2>&1
if [ "$BACKEND" = pg ]; then
	R2=$(pg_newdb wrongkey)
	run_cli restore "$BK" --db "$R2" --key "$T_DIR/other.db.key"
	expect_eq "a wrong key: exit 1" 1 "$RC"
	expect_contains "... the chain does not verify" "does not verify" "$ERR"
	expect_contains "... and the operator is told to drop the database" "drop it" "$ERR"
	run_cli restore "$T_DIR/other.db" --db "$(pg_newdb sqlitefile)" --key "$KEY"
	expect_eq "a SQLite backup into PostgreSQL: exit 1" 1 "$RC"
	expect_contains "... says which kind it is" "is a SQLite backup" "$ERR"
else
	# no key at the new place and none named: said before anything is copied
	run_cli restore "$BK" --db "$OTHER.nokey"
	expect_eq "no key file: exit 1" 1 "$RC"
	expect_contains "... and the operator is told to name it" "name the key file of the backed-up database with --key" "$ERR"
	check "... and nothing is left at the target" test ! -e "$OTHER.nokey"
	run_cli restore "$BK" --db "$OTHER.r1" --key "$T_DIR/other.db.key"
	expect_eq "a wrong key: exit 1" 1 "$RC"
	expect_contains "... the chain does not verify" "does not verify" "$ERR"
	check "... and nothing is created" test -z "$(ls "$T_DIR" | grep '^other\.r1')"
	cp "$BK" "$T_DIR/altered.backup"
	sqlite3 "$T_DIR/altered.backup" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'x' WHERE id = 5"
	run_cli restore "$T_DIR/altered.backup" --db "$OTHER.r2" --key "$KEY"
	expect_eq "an altered backup: exit 1" 1 "$RC"
	expect_contains "... naming the altered entry" "audit entry 5" "$ERR"
	check "... and nothing is created" test ! -e "$OTHER.r2"
	sum=$(sha256sum <"$BK")
	run_cli restore "$BK" --db "$R" --key "$RKEY" --force
	expect_eq "--force replaces a database no process has open" 0 "$RC"
	expect_eq "... the backup file itself is never written" "$sum" "$(sha256sum <"$BK")"
	run_cli audit verify --db "$R" --key "$RKEY"
	expect_eq "... and the replaced copy verifies" 0 "$RC"
fi
head -c 4096 /dev/urandom >"$T_DIR/noise"
run_cli restore "$T_DIR/noise" --db "$OTHER.r3" --key "$KEY"
expect_eq "a file that is no backup: exit 1" 1 "$RC"
expect_contains "... says so" "not a qingfeng backup" "$ERR"

# ---- the restored copy serves ----------------------------------------------------------------
stop_server
LIVE_DB=$DB
DB=$R
start_server --key "$RKEY" || not_ok "a server starts on the restored copy"
expect_eq "cm signs in on the restored copy" 303 "$(login cm "$PW" "$T_DIR/r.jar")"
expect_eq "... and reads its units" "$UNITS" "$(body "$(api GET /api/units '' "$T_DIR/r.jar")" | jget '["total"]')"
expect_eq "... and writes" 201 "$(status "$(api POST /api/units '{"name":"恢复后","kind":"other"}' "$T_DIR/r.jar")")"
stop_server
DB=$LIVE_DB
run_cli audit verify --db "$R" --key "$RKEY"
expect_eq "the restored chain still verifies after the server wrote to it" 0 "$RC"

check "no CLI run printed a sanitizer report" cli_clean
check "server log clean" server_clean
finish
