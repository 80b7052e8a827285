#!/usr/bin/env bash
# import.sh: issue 16, `qingfeng import` on SQLite against the raw insert
# floor (bench/README.md, "At scale (issue 4)", "The SQLite import").
#
# Generates bench/gen-scale.py IMPORT_CLUES IMPORT_CASES (defaults 100,000
# and 30,000: 290,300 lines), initialises one database, and then, each
# IMPORT_ROUNDS times (default 2), interleaved: the floor (the sqlite3
# shell inserting the same lines into a one-column table in one
# transaction, as scale.sh), QF_BIN_OLD's import when set, QF_BIN's import,
# each into a fresh copy of that database.  Prints wall and CPU (user +
# system) seconds, records/s and the ratio to the floor of the same round,
# and the load average before each run: on a shared machine the CPU
# figures are the steadier ones.
#
# BENCH_BACKEND=pg (issue 16, pgimp16c): the same on a throw-away
# PostgreSQL cluster (tests/pg.sh): the floor is psql's \copy of the lines
# into a one-column table, each import goes into a fresh copy of one
# initialised database (CREATE DATABASE ... TEMPLATE), and two more figures
# are printed: the server's CPU seconds (the backends' user + system time,
# from the postmaster's children) and the round trips a record (the
# importer's poll(2) calls, one per wait for the server, counted by
# strace when it is installed).
#
# Environment: QF_BIN (default build/qingfeng), QF_BIN_OLD, IMPORT_CLUES,
# IMPORT_CASES, IMPORT_UNITS (default 300, 100 persons each), IMPORT_ROUNDS,
# BENCH_BACKEND (sqlite or pg), BENCH_KEEP.
# Needs python3 and sqlite3 (pg: psql).

# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

CLUES=${IMPORT_CLUES:-100000}
CASES=${IMPORT_CASES:-30000}
UNITS=${IMPORT_UNITS:-300}
ROUNDS=${IMPORT_ROUNDS:-2}
in_range "$CLUES" 100 2000000 || die "IMPORT_CLUES must be 100 to 2000000"
in_range "$CASES" 1 "$CLUES" || die "IMPORT_CASES must be 1 to IMPORT_CLUES"
in_range "$ROUNDS" 1 10 || die "IMPORT_ROUNDS must be 1 to 10"
in_range "$UNITS" 1 3000 || die "IMPORT_UNITS must be 1 to 3000"
[ -z "${QF_BIN_OLD:-}" ] || [ -x "$QF_BIN_OLD" ] || die "$QF_BIN_OLD is not a program"
BACKEND=${BENCH_BACKEND:-sqlite}
case $BACKEND in sqlite | pg) ;; *) die "BENCH_BACKEND must be sqlite or pg" ;; esac
if [ "$BACKEND" = pg ]; then
	unset QF_PG QF_PG_DIR
	bench_setup qf-bench-import psql
	trap pg_cleanup EXIT
else
	bench_setup qf-bench-import sqlite3
	trap bench_cleanup EXIT
fi
trap 'exit 130' INT TERM

FILE=$TMP/scale.jsonl
echo "bench: generating $CLUES clues, $CASES cases and $UNITS units (bench/gen-scale.py)"
python3 bench/gen-scale.py "$CLUES" "$CASES" "$UNITS" >"$FILE" || die "gen-scale.py failed"
LINES=$(wc -l <"$FILE")
# the template is made by the older binary when there are two, so both open
# it; the newer one brings its copy to its schema before its timed import
# (`config show` opens and migrates it: see fresh)
INIT_BIN=${QF_BIN_OLD:-$QF_BIN}
if [ "$BACKEND" = pg ]; then
	pg_cluster_start
	psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/postgres" -c "CREATE DATABASE qf_tmpl" >/dev/null ||
		die "CREATE DATABASE failed"
	"$INIT_BIN" init --db "$QF_PG/qf_tmpl" --key "$TMP/pg.key" --name "基准测试市纪委监委" --region 230100 \
		>/dev/null 2>&1 || die "init failed"
else
	"$INIT_BIN" init --db "$TMP/tmpl.db" --name "基准测试市纪委监委" --region 230100 >/dev/null 2>&1 ||
		die "init failed"
fi
STRACE=
[ "$BACKEND" = pg ] && command -v strace >/dev/null && STRACE=1

# server_cpu: the PostgreSQL backends' CPU seconds so far (the postmaster's
# children that ended: each import's backend ends with it); 0 on SQLite
server_cpu() {
	[ "$BACKEND" = pg ] || { echo 0; return; }
	python3 -c "import os; t = open('/proc/$PG_PM/stat').read().rsplit(')', 1)[1].split()
print((int(t[13]) + int(t[14])) / os.sysconf('SC_CLK_TCK'))"
}
# timed NAME CMD...: runs CMD, prints "NAME wall cpu load1 server_cpu polls"
timed() {
	local name=$1 load s0 polls=0
	shift
	load=$(cut -d' ' -f1 /proc/loadavg)
	s0=$(server_cpu)
	if [ -n "$STRACE" ] && [ "${name#* }" != floor ]; then
		set -- strace -f -qq --seccomp-bpf -e trace=poll,ppoll -c -o "$TMP/strace" "$@"
	fi
	/usr/bin/time -f "%e %U %S" -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" ||
		die "$name failed: $(tail -3 "$TMP/err")"
	[ -s "$TMP/strace" ] && polls=$(awk '$NF ~ /poll$/ {n += $4} END {print n + 0}' "$TMP/strace")
	rm -f "$TMP/strace"
	read -r e u s <"$TMP/time"
	echo "$name $e $(python3 -c "print($u + $s)") $load $(python3 -c "print($(server_cpu) - $s0)") $polls"
}
RUNDB=$TMP/run.db
fresh() {   # fresh: a copy of the initialised database at $RUNDB
	if [ "$BACKEND" = pg ]; then
		psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/postgres" -c "DROP DATABASE IF EXISTS qf_run" \
			-c "CREATE DATABASE qf_run TEMPLATE qf_tmpl" >/dev/null || die "CREATE DATABASE failed"
		RUNDB=$QF_PG/qf_run
		return
	fi
	rm -f "$TMP"/run.db*
	for f in "$TMP"/tmpl.db*; do cp "$f" "$TMP/run.db${f#"$TMP"/tmpl.db}"; done
}
count() {   # count DB QUERY
	if [ "$BACKEND" = pg ]; then psql -X -At "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}
RESULTS=$TMP/results
for r in $(seq 1 "$ROUNDS"); do
	if [ "$BACKEND" = pg ]; then
		# the lines as they are: CSV with a quote and a delimiter no line holds
		psql -X -q "$QF_PG/postgres" -c "DROP DATABASE IF EXISTS qf_floor" -c "CREATE DATABASE qf_floor" \
			>/dev/null || die "CREATE DATABASE failed"
		psql -X -q "$QF_PG/qf_floor" -c "CREATE TABLE t(line text)" >/dev/null || die "floor table"
		timed "$r floor" psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/qf_floor" \
			-c "\\copy t FROM '$FILE' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')" >>"$RESULTS"
		[ "$(count "$QF_PG/qf_floor" 'SELECT count(*) FROM t')" = "$LINES" ] || die "the floor inserted a wrong count"
	else
		rm -f "$TMP/floor.db"
		timed "$r floor" sqlite3 -batch "$TMP/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
			CREATE TABLE t(line TEXT);" ".mode tabs" ".import $FILE t" >>"$RESULTS"
		[ "$(count "$TMP/floor.db" 'SELECT count(*) FROM t')" = "$LINES" ] || die "the floor inserted a wrong count"
	fi
	for bin in ${QF_BIN_OLD:+"$QF_BIN_OLD"} "$QF_BIN"; do
		fresh
		if [ "$bin" != "$INIT_BIN" ]; then
			"$bin" config show --db "$RUNDB" ${PG_PM:+--key "$TMP/pg.key"} >/dev/null ||
				die "$bin could not open (migrate) the copy"
		fi
		name=new
		[ "$bin" = "$QF_BIN" ] || name=old
		echo "bench: round $r: $name import"
		timed "$r $name" "$bin" import --db "$RUNDB" ${PG_PM:+--key "$TMP/pg.key"} "$FILE" >>"$RESULTS"
		[ "$(count "$RUNDB" 'SELECT count(*) FROM clues')" = "$CLUES" ] || die "$name: wrong clue count"
	done
done

python3 - "$LINES" "$RESULTS" "$BACKEND" <<'PY'
import sys
lines, pg = int(sys.argv[1]), sys.argv[3] == "pg"
rows = [l.split() for l in open(sys.argv[2])]
print(f"\nimport of {lines} records (bench/gen-scale.py), {'PostgreSQL' if pg else 'SQLite'}; "
      "ratio: to the floor of the same round" + ("; cpu: the importer's, srv: the server's" if pg else ""))
print(f"{'round':<6}{'run':<7}{'load1':>6}{'wall s':>9}{'rec/s':>10}{'ratio':>7}{'cpu s':>8}{'rec/s':>10}{'ratio':>7}"
      + (f"{'srv s':>8}{'waits/rec':>10}" if pg else ""))
floor = {}
# a/b, or "-" where b was under time(1)'s 0.01 s (a small file's floor)
def per(a, b, fmt):
    return format(a / b, fmt) if b > 0 else format("-", fmt.split(".")[0])
for r, name, wall, cpu, load, srv, polls in rows:
    wall, cpu, srv = float(wall), float(cpu), float(srv)
    if name == "floor":
        floor[r] = (wall, cpu + srv)
    fw, fc = floor[r]
    print(f"{r:<6}{name:<7}{load:>6}{wall:>9.2f}{per(lines, wall, '>10.0f')}{per(fw, wall, '>7.3f')}"
          f"{cpu:>8.2f}{per(lines, cpu, '>10.0f')}{per(fc, cpu + srv, '>7.3f')}"
          + (f"{srv:>8.2f}{int(polls) / lines:>10.3f}" if pg else ""))
PY
