#!/usr/bin/env bash
# pgfloor.sh: issue 16, the PostgreSQL import against two floors (bench/README.md,
# "PostgreSQL import: the schema's own floor and the server's settings").
#
# Generates bench/gen-scale.py FLOOR_CLUES FLOOR_CASES FLOOR_UNITS (defaults
# 40,000, 12,000 and 50: 109,050 records) on a throw-away cluster (tests/pg.sh)
# and, each FLOOR_ROUNDS times (default 1), one after the other:
#
#   bare     psql's \copy of the lines into a one-column table (import.sh's floor)
#   import   `qingfeng import` of the file into a fresh copy of an initialised
#            database (the server's default settings)
#   bulk     the same with FLOOR_SET's settings (only when FLOOR_SET is given,
#            e.g. "max_wal_size=8GB wal_compression=on wal_buffers=16MB")
#   schema   the rows the first import left (pg_dump --data-only, COPY) restored
#            into another fresh copy of the initialised database whose rows were
#            truncated first: every index, constraint and trigger in place, one
#            transaction, `SET qf.rollup_off = '1'` as the import sets it.  It
#            loads the rows the import computed (the rollup's, the recounts')
#            without computing them: no refill, no recounts, no reads, no
#            ANALYZE, no audit MACs.
#   schema+  the same restore with FLOOR_SET's settings (when given)
#
# The cluster is restarted before each run with its settings (ALTER SYSTEM;
# `RESET ALL` but for the bulk run), so every run starts with cold shared
# buffers.  Prints per run: wall seconds, records/s, the client's and the
# server's CPU seconds (the backends that ended, as import.sh), WAL bytes a
# record (pg_current_wal_lsn before and after), the checkpoints the server log
# shows during the run (and how many of them were requested by WAL volume:
# "checkpoints are occurring too frequently").
#
# Environment: QF_BIN (default build/qingfeng), FLOOR_CLUES, FLOOR_CASES,
# FLOOR_UNITS, FLOOR_ROUNDS, FLOOR_SET, FLOOR_BULK_FIRST (the bulk settings'
# import first in every round, not only in even ones), FLOOR_NO_SCHEMA (no
# dump and restore), BENCH_KEEP.  Needs python3, psql, pg_dump.

# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

CLUES=${FLOOR_CLUES:-40000}
CASES=${FLOOR_CASES:-12000}
UNITS=${FLOOR_UNITS:-50}
ROUNDS=${FLOOR_ROUNDS:-1}
SETS=${FLOOR_SET:-}
in_range "$CLUES" 100 2000000 || die "FLOOR_CLUES must be 100 to 2000000"
in_range "$CASES" 1 "$CLUES" || die "FLOOR_CASES must be 1 to FLOOR_CLUES"
in_range "$ROUNDS" 1 10 || die "FLOOR_ROUNDS must be 1 to 10"
in_range "$UNITS" 1 3000 || die "FLOOR_UNITS must be 1 to 3000"
for s in $SETS; do
	case $s in [a-z]*=[0-9a-zA-Z]*) ;; *) die "FLOOR_SET: NAME=VALUE words, not '$s'" ;; esac
done
unset QF_PG QF_PG_DIR
bench_setup qf-bench-pgfloor psql pg_dump
trap pg_cleanup EXIT
trap 'exit 130' INT TERM

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/pg_ctl" ] || die "pg_ctl not found"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

FILE=$TMP/scale.jsonl
echo "bench: generating $CLUES clues, $CASES cases and $UNITS units (bench/gen-scale.py)"
python3 bench/gen-scale.py "$CLUES" "$CASES" "$UNITS" >"$FILE" || die "gen-scale.py failed"
LINES=$(wc -l <"$FILE")
pg_cluster_start
LOG=$QF_PG_DIR/server.log
psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/postgres" -c "CREATE DATABASE qf_tmpl" >/dev/null ||
	die "CREATE DATABASE failed"
"$QF_BIN" init --db "$QF_PG/qf_tmpl" --key "$TMP/pg.key" --name "基准测试市纪委监委" --region 230100 \
	>/dev/null 2>&1 || die "init failed"

q() { psql -X -At -v ON_ERROR_STOP=1 "$QF_PG/${2:-postgres}" -c "$1"; }
# settings SET...: ALTER SYSTEM (RESET ALL, then each NAME=VALUE), restart
settings() {
	local s
	q "ALTER SYSTEM RESET ALL" >/dev/null || die "ALTER SYSTEM failed"
	for s in "$@"; do q "ALTER SYSTEM SET ${s%%=*} = '${s#*=}'" >/dev/null || die "ALTER SYSTEM SET $s failed"; done
	as_pg "$PGBIN/pg_ctl" -D "$QF_PG_DIR/data" -l "$LOG" -w -t 120 restart >/dev/null || die "restart failed"
	PG_PM=$(head -1 "$QF_PG_DIR/data/postmaster.pid")
}
server_cpu() {
	python3 -c "import os; t = open('/proc/$PG_PM/stat').read().rsplit(')', 1)[1].split()
print((int(t[13]) + int(t[14])) / os.sysconf('SC_CLK_TCK'))"
}
fresh() {   # fresh NAME: a copy of the initialised database
	q "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1 && q "CREATE DATABASE $1 TEMPLATE qf_tmpl" >/dev/null ||
		die "CREATE DATABASE $1 failed"
}
# timed NAME CMD...: runs CMD, appends "NAME wall cpu load1 server_cpu wal_bytes checkpoints
# (started, of them by WAL volume, "occurring too frequently" warnings)"
timed() {
	local name=$1 load s0 w0 l0
	shift
	load=$(cut -d' ' -f1 /proc/loadavg)
	s0=$(server_cpu)
	w0=$(q "SELECT pg_current_wal_lsn()")
	l0=$(wc -l <"$LOG")
	/usr/bin/time -f "%e %U %S" -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" ||
		die "$name failed: $(tail -3 "$TMP/err")"
	read -r e u s <"$TMP/time"
	echo "$name $e $(python3 -c "print($u + $s)") $load $(python3 -c "print($(server_cpu) - $s0)")" \
		"$(q "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$w0')")" \
		"$(tail -n +$((l0 + 1)) "$LOG" | grep -c 'LOG:  checkpoint starting')" \
		"$(tail -n +$((l0 + 1)) "$LOG" | grep -c 'LOG:  checkpoint starting: wal')" \
		"$(tail -n +$((l0 + 1)) "$LOG" | grep -c 'checkpoints are occurring too frequently')" >>"$RESULTS"
}
imported() {   # imported DB: the clue count is the file's
	[ "$(q 'SELECT count(*) FROM clues' "$1")" = "$CLUES" ] || die "$1: wrong clue count"
}

RESULTS=$TMP/results
DUMP=$TMP/rows.sql
for r in $(seq 1 "$ROUNDS"); do
	settings
	q "DROP DATABASE IF EXISTS qf_floor" >/dev/null 2>&1 && q "CREATE DATABASE qf_floor" >/dev/null &&
		q "CREATE TABLE t(line text)" qf_floor >/dev/null || die "floor table"
	echo "bench: round $r: bare floor"
	timed "$r bare" psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/qf_floor" \
		-c "\\copy t FROM '$FILE' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
	[ "$(q 'SELECT count(*) FROM t' qf_floor)" = "$LINES" ] || die "the floor inserted a wrong count"

	# the two imports in turns: the bulk settings' first in even rounds (and
	# in every round with FLOOR_BULK_FIRST=1)
	runs="import bulk"
	[ -z "$SETS" ] && runs=import
	[ -n "$SETS" ] && { [ $((r % 2)) -eq 0 ] || [ -n "${FLOOR_BULK_FIRST:-}" ]; } && runs="bulk import"
	for run in $runs; do
		fresh "qf_$run"
		if [ "$run" = bulk ]; then
			# shellcheck disable=SC2086
			settings $SETS
		else
			settings
		fi
		echo "bench: round $r: $run${SETS:+ (bulk: $SETS)}"
		timed "$r $run" "$QF_BIN" import --db "$QF_PG/qf_$run" --key "$TMP/pg.key" "$FILE"
		imported "qf_$run"
	done
	[ -n "${FLOOR_NO_SCHEMA:-}" ] && continue

	if [ ! -s "$DUMP" ]; then
		# the import's rows, COPY statements in the keys' order; the default
		# search_path kept (the schema's functions name their tables unqualified);
		# without the grains' rows, which metric_days' triggers (0038, on
		# whatever qf.rollup_off says) write during the restore as in the refill
		"$PGBIN/pg_dump" --data-only --exclude-table-data=metric_months --exclude-table-data=metric_years \
			--exclude-table-data=metric_grain_delta -f "$DUMP.tmp" "$QF_PG/qf_import" 2>"$TMP/err" ||
			die "pg_dump failed: $(cat "$TMP/err")"
		grep -v "^SELECT pg_catalog.set_config('search_path', '', false);" "$DUMP.tmp" >"$DUMP"
		rm -f "$DUMP.tmp"
	fi
	# the restore with the default settings, and with FLOOR_SET's (schema+)
	for run in schema ${SETS:+schema+}; do
		fresh qf_rst
		# audit_log refuses a TRUNCATE by a trigger: the replica role skips it (not timed)
		echo "SET session_replication_role = replica; SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' CASCADE'
			FROM pg_tables WHERE schemaname = 'public' \\gexec" |
			psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/qf_rst" >/dev/null || die "TRUNCATE failed"
		q "VACUUM ANALYZE" qf_rst >/dev/null
		if [ "$run" = schema ]; then
			settings
		else
			# shellcheck disable=SC2086
			settings $SETS
		fi
		echo "bench: round $r: $run floor (the import's rows restored)"
		timed "$r $run" psql -X -q -1 -v ON_ERROR_STOP=1 "$QF_PG/qf_rst" \
			-c "SET qf.rollup_off = '1'" -f "$DUMP"
		imported qf_rst
	done
done
settings

python3 - "$LINES" "$RESULTS" <<'PY'
import sys
lines = int(sys.argv[1])
print(f"\n{lines} records (bench/gen-scale.py), PostgreSQL; cpu: the client's, srv: the server's;"
      " ckpt: checkpoints started/by WAL volume/'too frequently' warnings")
print(f"{'round':<6}{'run':<8}{'load1':>6}{'wall s':>9}{'rec/s':>9}{'cpu s':>8}{'srv s':>8}"
      f"{'WAL MB':>8}{'WAL B/rec':>10}{'ckpt':>10}")
for r, name, wall, cpu, load, srv, wal, ck, ckw, warn in (l.split() for l in open(sys.argv[2])):
    wall, wal = float(wall), int(wal)
    print(f"{r:<6}{name:<8}{load:>6}{wall:>9.2f}{lines / wall:>9.0f}{float(cpu):>8.2f}{float(srv):>8.2f}"
          f"{wal / 1e6:>8.0f}{wal / lines:>10.0f}{ck + '/' + ckw + '/' + warn:>10}")
PY
