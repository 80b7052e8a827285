#!/usr/bin/env bash
# t52_audit_truncation.sh: the audit checkpoint kept outside the database
# (issue 8, failure 5: deleting every audit row, dropping and recreating
# the table, or deleting the newest rows all passed `audit verify`, and
# text after a NUL byte in detail or object still verified).
#
# The server moves the checkpoint (<key>.audit: count and head MAC) every
# --checkpoint-seconds and at its stop; `audit verify` then fails, naming
# the missing entries, on each of: the newest rows deleted, every row
# deleted, the table dropped and recreated, the newest rows deleted and
# covered by new activity (the server refuses to adopt that log); a NUL
# byte hidden in detail or object (SQLite; PostgreSQL text refuses it);
# the checkpoint file deleted but a copy kept (--checkpoint FILE).  A
# backup's chain alone verifies with --no-checkpoint.  After
# restoring an older copy, `audit checkpoint --reset` (audited) makes it
# verify again.  Normal use verifies clean throughout.
. "$(dirname "$0")/lib.sh"

export QINGFENG_KEY=$KEY         # copies of the database share the key file
CK=$KEY.audit
init_db || { not_ok "init_db"; finish; }
check "init writes the checkpoint beside the key file" test -f "$CK"
expect_eq "... mode 0600" 600 "$(stat -c %a "$CK")"
expect_eq "... at the log's head" "qingfeng-audit-checkpoint 1 $(sql "SELECT id || ' ' || mac FROM audit_log ORDER BY id DESC LIMIT 1")" "$(cat "$CK")"

start_server --checkpoint-seconds 1 || { not_ok "start_server"; finish; }
login cm "$PW" >/dev/null
for i in 1 2 3 4 5; do api POST /api/units "{\"name\":\"截断测试$i\",\"kind\":\"department\"}" >/dev/null; done
head_row() { sql "SELECT id || ' ' || mac FROM audit_log ORDER BY id DESC LIMIT 1"; }
ck_row() { cut -d' ' -f3- "$CK" 2>/dev/null; }
# the running server moves the checkpoint to the head within a second or so
for _ in $(seq 1 300); do [ "$(ck_row)" = "$(head_row)" ] && break; sleep 0.1; done
expect_eq "the running server moves the checkpoint to the head" "$(head_row)" "$(ck_row)"
# the line is written just after the file is renamed into place: wait for it
CK_LINE="audit checkpoint: $(head_row | cut -d' ' -f1) entries, head $(head_row | cut -d' ' -f2)"
for _ in $(seq 1 300); do grep -q "$CK_LINE" "$T_DIR/serve.log" && break; sleep 0.1; done
check "... and logs it with the count and head MAC" grep -q "$CK_LINE" "$T_DIR/serve.log"
curl -s -o /dev/null -b "$JAR" --data-urlencode "csrf=$(csrf_of)" "$BASE/logout"
stop_server
N=$(sql "SELECT count(*) FROM audit_log")
expect_eq "the stop moves it to the last entry (logout)" "$(head_row)" "$(ck_row)"
run_cli audit verify
expect_eq "normal use: audit verify exit 0" "0 qingfeng: audit chain ok ($N entries)" "$RC $OUT"
cp "$CK" "$T_DIR/ck.copy"

# copies of the database as it is now, and the shell of the backend
if [ "$BACKEND" = pg ]; then
	copy() { pg_newdb "$1" "$DB"; }
	on() { psql -X -q -At -v ON_ERROR_STOP=1 "$1" -c "$2"; }
	DROP="DROP TRIGGER audit_log_no_change ON audit_log; DROP TRIGGER audit_log_no_truncate ON audit_log;"
	RECREATE="CREATE TABLE audit_new (LIKE audit_log INCLUDING ALL); DROP TABLE audit_log;
		ALTER TABLE audit_new RENAME TO audit_log;"
else
	copy() { rm -f "$T_DIR/$1.db"; sqlite3 "$DB" ".backup $T_DIR/$1.db"; echo "$T_DIR/$1.db"; }
	on() { sqlite3 "$1" "$2"; }
	DROP="DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
	RECREATE="$(sqlite3 "$DB" "SELECT 'DROP TABLE audit_log; ' || sql || ';' FROM sqlite_master WHERE name = 'audit_log'")"
fi
verify() { run_cli audit verify --db "$1" "${@:2}"; }
OLD=$(copy old)

# --- deleting the newest rows -------------------------------------------------------------
C=$(copy newest)
on "$C" "$DROP DELETE FROM audit_log WHERE id > $((N - 3))"
verify "$C"
expect_eq "newest 3 rows deleted: exit 1" 1 "$RC"
expect_contains "... naming the missing entries" "entries $((N - 2)) to $N are missing" "$ERR"
check "... nothing on stdout claims the chain is ok" test -z "$OUT"
expect_contains "... with a hint for backups and restores" "--no-checkpoint" "$ERR"
verify "$C" --no-checkpoint
expect_eq "... the chain alone (--no-checkpoint, for a backup) still verifies" 0 "$RC"

# --- deleting every row ---------------------------------------------------------------------
C=$(copy all)
on "$C" "$DROP DELETE FROM audit_log"
verify "$C"
expect_eq "every row deleted: exit 1" 1 "$RC"
expect_contains "... naming the missing entries" "entries 1 to $N are missing" "$ERR"

# --- dropping and recreating the table --------------------------------------------------------
C=$(copy recreate)
on "$C" "$RECREATE"
expect_eq "the table was recreated empty" 0 "$(on "$C" "SELECT count(*) FROM audit_log")"
verify "$C"
expect_eq "table dropped and recreated: exit 1" 1 "$RC"
expect_contains "... naming the missing entries" "entries 1 to $N are missing" "$ERR"

# --- the newest rows deleted, then hidden under new activity -----------------------------------
DB_SAVED=$DB
DB=$(copy cover)
on "$DB" "$DROP DELETE FROM audit_log WHERE id > $((N - 3))"
before=$(cat "$CK")
start_server --checkpoint-seconds 1 || not_ok "server on the truncated copy"
login cm "$PW" >/dev/null
for i in 1 2 3 4 5 6; do api POST /api/units "{\"name\":\"掩盖$i\",\"kind\":\"department\"}" >/dev/null; done
for _ in $(seq 1 300); do grep -q "audit checkpoint not moved" "$T_DIR/serve.log" && break; sleep 0.1; done
stop_server
check "the server now has more entries than the checkpoint" test "$(sql "SELECT count(*) FROM audit_log")" -gt "$N"
check "... but refuses to move the checkpoint onto that log" grep -q "audit checkpoint not moved: audit entry .*does not follow" "$T_DIR/serve.log"
expect_eq "... which stays where it was" "$before" "$(cat "$CK")"
verify "$DB"
expect_eq "rows deleted and covered by new ones: exit 1" 1 "$RC"
expect_contains "... naming the entry that differs" "audit entry $N: differs from the checkpoint" "$ERR"
DB=$DB_SAVED

# --- a NUL byte hiding text in detail or object ------------------------------------------------
if [ "$BACKEND" = pg ]; then
	C=$(copy nul)
	err=$(on "$C" "$DROP UPDATE audit_log SET detail = detail || chr(0) || 'hidden' WHERE id = 2" 2>&1)
	check "PostgreSQL text refuses a NUL byte" test $? -ne 0
	verify "$C"
	expect_eq "... and the copy still verifies" 0 "$RC"
	check "(no NUL test of SQLite's own)" true
else
	C=$(copy nul)
	on "$C" "$DROP UPDATE audit_log SET detail = CAST(CAST(detail AS BLOB) || x'00' || CAST('藏在后面' AS BLOB) AS TEXT) WHERE id = 2"
	expect_eq "a NUL byte and text after it are stored in detail" 1 \
		"$(on "$C" "SELECT instr(CAST(detail AS BLOB), x'00') > 0 FROM audit_log WHERE id = 2")"
	verify "$C"
	expect_eq "NUL in detail: exit 1" 1 "$RC"
	expect_contains "... naming the entry" "audit entry 2: a field holds a NUL byte" "$ERR"
	C=$(copy nulobj)
	on "$C" "$DROP UPDATE audit_log SET object = object || char(0) || 'x' WHERE id = 3"
	verify "$C"
	expect_eq "NUL in object: exit 1, naming the entry" "1 audit entry 3" "$RC $(grep -o 'audit entry 3' <<<"$ERR")"
	C=$(copy numtext)
	on "$C" "$DROP UPDATE audit_log SET success = '1 藏' WHERE id = 4"
	verify "$C"
	expect_eq "text in the success column: exit 1, naming the entry" "1 audit entry 4" "$RC $(grep -o 'audit entry 4' <<<"$ERR")"
fi

# --- the checkpoint file deleted; a copy kept elsewhere ----------------------------------------
C=$(copy gone)
on "$C" "$DROP DELETE FROM audit_log WHERE id > $((N - 1))"
mv "$CK" "$T_DIR/ck.moved"
verify "$C"
expect_eq "without the checkpoint file: exit 0 (nothing to compare with)" 0 "$RC"
expect_contains "... with a warning" "no audit checkpoint" "$ERR"
verify "$C" --checkpoint "$T_DIR/ck.copy"
expect_eq "with --checkpoint COPY: exit 1" 1 "$RC"
expect_contains "... naming the missing entry" "entries $N to $N are missing" "$ERR"
verify "$C" --checkpoint "$T_DIR/nothing"
expect_eq "--checkpoint naming no file: exit 1" 1 "$RC"
mv "$T_DIR/ck.moved" "$CK"

# --- a restored older copy: verify fails until the audited reset ----------------------------------
DB_SAVED=$DB
DB=$OLD
start_server --checkpoint-seconds 1 || not_ok "server on the copy"
login cm "$PW" >/dev/null
api POST /api/units '{"name":"还原后","kind":"department"}' >/dev/null
stop_server
M=$(sql "SELECT count(*) FROM audit_log")
verify "$DB"
expect_eq "the copy, grown past the checkpoint: verifies" "0 qingfeng: audit chain ok ($M entries)" "$RC $OUT"
DB=$DB_SAVED
run_cli audit verify
expect_eq "the original, now behind the checkpoint (as after a restore): exit 1" 1 "$RC"
run_cli audit checkpoint --reset
expect_eq "audit checkpoint --reset: exit 0" 0 "$RC"
expect_contains "... says so" "audit checkpoint reset: $((N + 1)) entries" "$OUT"
expect_eq "... recorded in the log" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'audit_checkpoint_reset' AND id = $((N + 1))")"
run_cli audit verify
expect_eq "... then verifies" "0 qingfeng: audit chain ok ($((N + 1)) entries)" "$RC $OUT"
run_cli audit checkpoint --reset --checkpoint x
expect_eq "--reset with --checkpoint: usage error" 2 "$RC"
check "no sanitizer report from the CLI" cli_clean
check "no sanitizer report from the server" server_clean
finish
