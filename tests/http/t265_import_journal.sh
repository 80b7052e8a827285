#!/usr/bin/env bash
# t265_import_journal.sh: issue 16 (jrnl17), a bulk import killed half-way
# leaves nothing, and on SQLite the journal it wrote through.
#
# SQLite: a bulk load into a database no other connection holds goes
# through the rollback journal instead of the WAL (store_ix_bulk,
# q_interchange.c), so its pages are written once.  The test waits for the
# journal (qf.db-journal) to appear, which it does only on that path, and
# kills the import with SIGKILL: the next command to open the file finds
# the journal (not hot: the import had written nothing into the database
# yet), the database is in WAL mode again, holds none of the file's
# records, passes integrity_check and the audit chain.  Again with a page
# cache of 1 MiB (QF_IMPORT_CACHE_MIB), killed once the journal is hot and
# the database has grown by the import's spilled pages: the next command
# rolls the journal back (the file its old size), with the same checks.
# Then the same import is taken whole.  A refused bulk import and a whole one leave
# WAL mode and no journal behind.  With a server running (another
# connection) the import keeps the WAL and the server answers while it
# runs.  PostgreSQL: the same kill once the import writes (its lock on
# clues), and the same checks.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/scale.jsonl
# about 20,000 lines: long enough to be caught writing under ASan
python3 "$(dirname "$0")/../../bench/gen-scale.py" 6000 1500 12 >"$F" || { not_ok "gen-scale.py"; finish; }
CLUES=$(grep -c '"type":"clue"' "$F")

clues() { sql_beside "SELECT count(*) FROM clues"; }
mode() { sqlite3 "$DB" "PRAGMA journal_mode"; }
# the database file's header: 1 in rollback-journal mode, 2 in WAL mode
# (its bytes 18 and 19, the file format's read and write versions)
header_mode() { od -An -tu1 -j18 -N1 "$DB" 2>/dev/null | tr -d ' '; }
# hot: the journal's header synced (its magic, d9d505f9), so that it undoes
# what the import wrote into the database
hot() { [ "$(od -An -tx1 -N4 "$DB-journal" 2>/dev/null | tr -d ' ')" = d9d505f9 ]; }
# writing: the import has begun writing its one transaction.  SQLite: the
# database switched to the rollback journal (header 1) and the journal
# holds more than the switch's own one page (a header of up to a 4 KiB
# sector and a page): the pages the import changed
writing() {
	if [ "$BACKEND" = pg ]; then
		[ "$(sql_beside "SELECT count(*) FROM pg_locks WHERE relation = 'clues'::regclass
			AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid()")" -gt 0 ]
	else
		[ -e "$DB-journal" ] && [ "$(header_mode)" = 1 ] &&
			[ "$(stat -c %s "$DB-journal" 2>/dev/null || echo 0)" -gt 16384 ]
	fi
}

# ---- killed while it writes ----
"$QF_BIN" import "$F" >"$T_DIR/kill.out" 2>&1 &
IMP=$!
seen=0
for _ in $(seq 1 1200); do      # up to 120 s, as the condition comes
	if writing; then seen=1; break; fi
	kill -0 "$IMP" 2>/dev/null || break
	sleep 0.1
done
if [ "$BACKEND" = pg ]; then
	check "the import began writing (its lock on clues)" test "$seen" = 1
else
	check "the bulk import writes through the rollback journal (qf.db-journal appeared)" test "$seen" = 1
fi
kill -KILL "$IMP" 2>/dev/null
wait "$IMP" 2>/dev/null
[ "$BACKEND" = pg ] || check "the killed import left its journal" test -e "$DB-journal"
run_cli audit verify
expect_eq "audit verify after the kill" 0 "$RC"
expect_eq "none of the file's clues after the kill" 0 "$(clues)"
expect_eq "the storage engine's check after the kill" ok "$(db_check)"
if [ "$BACKEND" = sqlite ]; then
	expect_eq "WAL again after the kill" wal "$(mode)"
	check "the journal gone" test ! -e "$DB-journal"
fi

# ---- killed after it wrote into the database (SQLite) ----
# a page cache of 1 MiB (QF_IMPORT_CACHE_MIB) makes the import spill its
# pages into the database before its commit: the journal is then hot and
# the file holds half an import until the next open rolls it back
if [ "$BACKEND" = sqlite ]; then
	size0=$(stat -c %s "$DB")
	QF_IMPORT_CACHE_MIB=1 "$QF_BIN" import "$F" >"$T_DIR/hot.out" 2>&1 &
	IMP=$!
	seen=0
	for _ in $(seq 1 1200); do
		if [ -e "$DB-journal" ] && hot && [ "$(stat -c %s "$DB")" -gt $((size0 + 1048576)) ]; then
			seen=1
			break
		fi
		kill -0 "$IMP" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$IMP" 2>/dev/null
	wait "$IMP" 2>/dev/null
	check "a spilling import caught with a hot journal and a grown database" test "$seen" = 1
	check "... the journal still hot after the kill" hot
	run_cli audit verify
	expect_eq "audit verify after the hot journal's kill" 0 "$RC"
	expect_eq "the database back to its size before the import" "$size0" "$(stat -c %s "$DB")"
	expect_eq "none of the file's clues after the hot journal's kill" 0 "$(clues)"
	expect_eq "the storage engine's check after the hot journal's kill" ok "$(db_check)"
	expect_eq "WAL again after the hot journal's kill" wal "$(mode)"
	check "the hot journal rolled back and gone" test ! -e "$DB-journal"
fi

# ---- refused: an undefined clue in the last line ----
B=$T_DIR/bad.jsonl
cp "$F" "$B"
echo '{"type":"disposition","clue":"C999999","decided":"2024-01-02","method":"close"}' >>"$B"
run_cli import "$B"
check "the file with a bad last line is refused" test "$RC" -ne 0
expect_eq "none of its clues" 0 "$(clues)"
if [ "$BACKEND" = sqlite ]; then
	expect_eq "WAL after the refused import" wal "$(mode)"
	check "no journal after the refused import" test ! -e "$DB-journal"
fi

# ---- whole ----
run_cli import "$F"
expect_eq "the same file imported whole after the kill" 0 "$RC"
expect_eq "every clue of it" "$CLUES" "$(clues)"
expect_eq "the storage engine's check after the import" ok "$(db_check)"
if [ "$BACKEND" = sqlite ]; then
	expect_eq "WAL after the import" wal "$(mode)"
	check "no journal after the import" test ! -e "$DB-journal"
fi
run_cli audit verify
expect_eq "audit verify after the import" 0 "$RC"

# ---- beside a server: the WAL kept, the server answering ----
# a second database of the same kind, fresh, the server on it
if [ "$BACKEND" = sqlite ]; then
	DB=$T_DIR/beside.db
	export QINGFENG_DB=$DB
	init_db || { not_ok "init of the second database"; finish; }
	start_server || { not_ok "start_server"; finish; }
	login cm "$PW" >/dev/null
	"$QF_BIN" import "$F" >"$T_DIR/beside.out" 2>&1 &
	IMP=$!
	answered=0 refused=0
	while kill -0 "$IMP" 2>/dev/null; do
		if [ "$(http_status -b "$JAR" "$BASE/api/units")" = 200 ]; then answered=$((answered + 1)); else refused=$((refused + 1)); fi
		[ -e "$DB-journal" ] && refused=$((refused + 1000))
	done
	wait "$IMP"
	expect_eq "the import beside a server" 0 "$?"
	check "the server answered while it ran ($answered)" test "$answered" -gt 0
	expect_eq "no page refused and no rollback journal while it ran" 0 "$refused"
	expect_eq "every clue of it, beside the server" "$CLUES" "$(clues)"
	expect_eq "WAL beside the server" wal "$(mode)"
	stop_server
fi
check "no CLI run printed a sanitizer report" cli_clean
finish
