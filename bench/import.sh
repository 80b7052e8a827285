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
# Environment: QF_BIN (default build/qingfeng), QF_BIN_OLD, IMPORT_CLUES,
# IMPORT_CASES, IMPORT_ROUNDS, BENCH_KEEP.  Needs python3 and sqlite3.

# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

CLUES=${IMPORT_CLUES:-100000}
CASES=${IMPORT_CASES:-30000}
ROUNDS=${IMPORT_ROUNDS:-2}
in_range "$CLUES" 100 2000000 || die "IMPORT_CLUES must be 100 to 2000000"
in_range "$CASES" 1 "$CLUES" || die "IMPORT_CASES must be 1 to IMPORT_CLUES"
in_range "$ROUNDS" 1 10 || die "IMPORT_ROUNDS must be 1 to 10"
[ -z "${QF_BIN_OLD:-}" ] || [ -x "$QF_BIN_OLD" ] || die "$QF_BIN_OLD is not a program"
bench_setup qf-bench-import sqlite3
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

FILE=$TMP/scale.jsonl
echo "bench: generating $CLUES clues and $CASES cases (bench/gen-scale.py)"
python3 bench/gen-scale.py "$CLUES" "$CASES" >"$FILE" || die "gen-scale.py failed"
LINES=$(wc -l <"$FILE")
"$QF_BIN" init --db "$TMP/tmpl.db" --name "基准测试市纪委监委" --region 230100 >/dev/null 2>&1 ||
	die "init failed"

# timed NAME CMD...: runs CMD, prints "NAME wall cpu load1"
timed() {
	local name=$1 load
	shift
	load=$(cut -d' ' -f1 /proc/loadavg)
	/usr/bin/time -f "%e %U %S" -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" ||
		die "$name failed: $(tail -3 "$TMP/err")"
	read -r e u s <"$TMP/time"
	echo "$name $e $(python3 -c "print($u + $s)") $load"
}
fresh() {   # fresh: a copy of the initialised database at $TMP/run.db
	rm -f "$TMP"/run.db*
	for f in "$TMP"/tmpl.db*; do cp "$f" "$TMP/run.db${f#"$TMP"/tmpl.db}"; done
}
RESULTS=$TMP/results
for r in $(seq 1 "$ROUNDS"); do
	rm -f "$TMP/floor.db"
	timed "$r floor" sqlite3 -batch "$TMP/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
		CREATE TABLE t(line TEXT);" ".mode tabs" ".import $FILE t" >>"$RESULTS"
	[ "$(sqlite3 "$TMP/floor.db" 'SELECT count(*) FROM t')" = "$LINES" ] || die "the floor inserted a wrong count"
	for bin in ${QF_BIN_OLD:+"$QF_BIN_OLD"} "$QF_BIN"; do
		fresh
		name=new
		[ "$bin" = "$QF_BIN" ] || name=old
		echo "bench: round $r: $name import"
		timed "$r $name" "$bin" import --db "$TMP/run.db" "$FILE" >>"$RESULTS"
		[ "$(sqlite3 "$TMP/run.db" 'SELECT count(*) FROM clues')" = "$CLUES" ] || die "$name: wrong clue count"
	done
done

python3 - "$LINES" "$RESULTS" <<'PY'
import sys
lines = int(sys.argv[1])
rows = [l.split() for l in open(sys.argv[2])]
print(f"\nimport of {lines} records (bench/gen-scale.py), SQLite; ratio: to the floor of the same round")
print(f"{'round':<6}{'run':<7}{'load1':>6}{'wall s':>9}{'rec/s':>10}{'ratio':>7}{'cpu s':>8}{'rec/s':>10}{'ratio':>7}")
floor = {}
for r, name, wall, cpu, load in rows:
    wall, cpu = float(wall), float(cpu)
    if name == "floor":
        floor[r] = (wall, cpu)
    fw, fc = floor[r]
    print(f"{r:<6}{name:<7}{load:>6}{wall:>9.2f}{lines / wall:>10.0f}{fw / wall:>7.3f}"
          f"{cpu:>8.2f}{lines / cpu:>10.0f}{fc / cpu:>7.3f}")
PY
