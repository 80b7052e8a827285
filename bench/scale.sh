#!/usr/bin/env bash
# scale.sh: issue 4's scale benchmark (bench/README.md, "At scale").
#
# Generates an interchange file of SCALE_CLUES clues (default 1,000,000)
# and SCALE_CASES cases (default 300,000) with bench/gen-scale.py, then on
# SQLite and on a throw-away PostgreSQL cluster:
#   import  `qingfeng import FILE` into a fresh database, in records/s,
#           beside a floor measured in the same run: the sqlite3 shell
#           inserting the same lines as rows of a one-column table in one
#           transaction (what a raw SQLite insert of this data costs)
#   list    GET /clues?overdue=1&unit_id=U, signed in as the case manager:
#           the filtered registry (overdue preliminary verifications of
#           one unit, counted and paged)
#   case    GET /cases/ID: a case page, its read audited (a write
#           transaction per request)
# and prints p50 and p99 against the target (p50 under 20 ms) with
# BENCH_CONNS connections (default here 8: people, not a load test).
#
# Environment: QF_BIN, BENCH_SECS, BENCH_CONNS, BENCH_THREADS, BENCH_KEEP
# as bench/run.sh; SCALE_CLUES, SCALE_CASES, SCALE_THREADS (the servers'
# --threads).  Needs wrk, curl, python3,
# sqlite3, psql and the PostgreSQL server.  Exits non-zero when setup or a
# check fails; the servers and the cluster are stopped on exit.

# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

BENCH_CONNS=${BENCH_CONNS:-8}
CONNS=$BENCH_CONNS
CLUES=${SCALE_CLUES:-1000000}
CASES=${SCALE_CASES:-300000}
T_P50_MS=20
in_range "$CLUES" 100 10000000 || die "SCALE_CLUES must be 100 to 10000000"
in_range "$CASES" 1 "$CLUES" || die "SCALE_CASES must be 1 to SCALE_CLUES"

unset QF_PG QF_PG_DIR
bench_setup qf-bench-scale psql sqlite3
trap pg_cleanup EXIT
trap 'exit 130' INT TERM

SQDB=$TMP/qf.db
PGKEY=$TMP/pg.key
FILE=$TMP/scale.jsonl

echo "bench: generating $CLUES clues and $CASES cases (bench/gen-scale.py)"
python3 bench/gen-scale.py "$CLUES" "$CASES" >"$FILE" || die "gen-scale.py failed"
LINES=$(wc -l <"$FILE")

# JSON Lines hold no tab (JSON escapes it) and no line starts with a quote,
# so each line is one field of a tab-separated import
echo "bench: floor: sqlite3 inserting the $LINES lines into a one-column table, one transaction"
FLOOR_S=$(seconds sqlite3 -batch "$TMP/floor.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
	CREATE TABLE t(line TEXT);" ".mode tabs" ".import $FILE t") ||
	die "the floor insert failed"
[ "$(sqlite3 "$TMP/floor.db" 'SELECT count(*) FROM t')" = "$LINES" ] || die "the floor inserted a wrong count"

pg_cluster_start
qf_init "$SQDB"
qf_init "$PGDB" --key "$PGKEY"

echo "bench: importing into SQLite"
IMPORT_S_sq=$(seconds "$QF_BIN" import --db "$SQDB" "$FILE" 2>"$TMP/import-sq.log") ||
	die "import into SQLite failed: $(tail -3 "$TMP/import-sq.log")"
echo "bench: importing into PostgreSQL"
IMPORT_S_pg=$(seconds "$QF_BIN" import --db "$PGDB" --key "$PGKEY" "$FILE" 2>"$TMP/import-pg.log") ||
	die "import into PostgreSQL failed: $(tail -3 "$TMP/import-pg.log")"
for t in sq pg; do
	n=$(sql "$t" "SELECT count(*) FROM clues")
	[ "$n" = "$CLUES" ] || die "$t: $n clues imported, want $CLUES"
	n=$(sql "$t" "SELECT count(*) FROM cases")
	[ "$n" = "$CASES" ] || die "$t: $n cases imported, want $CASES"
done
psql -X -q "$PGDB" -c "VACUUM ANALYZE" >/dev/null
sqlite3 "$SQDB" "ANALYZE" >/dev/null

# SCALE_THREADS: the servers' --threads (default: one per core)
qf_start sq "$TMP/serve-sqlite.log" "$SQDB" ${SCALE_THREADS:+--threads "$SCALE_THREADS"}
qf_start pg "$TMP/serve-pg.log" "$PGDB" --key "$PGKEY" ${SCALE_THREADS:+--threads "$SCALE_THREADS"}
PIDS_sq=$PID_sq
PIDS_pg="$PID_pg $PG_PM"

# the unit with the most overdue verifications, and a closed case of it
UNIT_EXT=$(sql sq "SELECT u.ext_id FROM clues k JOIN units u ON u.id = k.unit_id
	WHERE k.state = 'preliminary_verification' GROUP BY u.ext_id ORDER BY count(*) DESC LIMIT 1")
CASE_EXT=$(sql sq "SELECT ext_id FROM cases WHERE closed IS NOT NULL ORDER BY id LIMIT 1 OFFSET 1000")
for t in sq pg; do
	qf_login "$t"
	base=BASE_$t session=SESSION_$t
	unit=$(sql "$t" "SELECT id FROM units WHERE ext_id = '$UNIT_EXT'")
	case_id=$(sql "$t" "SELECT id FROM cases WHERE ext_id = '$CASE_EXT'")
	printf -v "LIST_URL_$t" '%s' "${!base}/clues?overdue=1&unit_id=$unit"
	printf -v "CASE_URL_$t" '%s' "${!base}/cases/$case_id"
	for u in LIST_URL_$t CASE_URL_$t; do
		page=$(curl -s -w '\n%{http_code}' -H "Cookie: qf_session=${!session}" "${!u}")
		[ "${page##*$'\n'}" = 200 ] || die "$t: ${!u} answered ${page##*$'\n'}"
		printf -v "BYTES_${u%%_URL_*}_$t" '%s' "$(printf '%s' "${page%$'\n'*}" | wc -c)"
	done
	case $(curl -s -H "Cookie: qf_session=${!session}" "${!base}/clues?overdue=1&unit_id=$unit") in
	*'clock overdue'*) ;; *) die "$t: the overdue list shows no overdue clue" ;; esac
done

for t in sq pg; do
	session=SESSION_$t pids=PIDS_$t lu=LIST_URL_$t cu=CASE_URL_$t lb=BYTES_LIST_$t cb=BYTES_CASE_$t
	run_wrk "list_$t" "$CONNS" "${!pids}" "${!lu}" "${!lb}" -H "Cookie: qf_session=${!session}"
	run_wrk "case_$t" "$CONNS" "${!pids}" "${!cu}" "${!cb}" -H "Cookie: qf_session=${!session}"
done
v=$("$QF_BIN" audit verify --db "$SQDB" 2>&1) || die "sq: audit verify failed: $v"
v=$("$QF_BIN" audit verify --db "$PGDB" --key "$PGKEY" 2>&1) || die "pg: audit verify failed: $v"

python3 - "$LINES" "$FLOOR_S" "$IMPORT_S_sq" "$IMPORT_S_pg" "$T_P50_MS" "$CONNS" "$CLUES" "$CASES" \
	"$P50_list_sq" "$P99_list_sq" "$RPS_list_sq" "$P50_case_sq" "$P99_case_sq" "$RPS_case_sq" \
	"$P50_list_pg" "$P99_list_pg" "$RPS_list_pg" "$P50_case_pg" "$P99_case_pg" "$RPS_case_pg" <<'PY'
import sys
a = sys.argv[1:]
lines, floor, isq, ipg, target, conns, clues, cases = int(a[0]), float(a[1]), float(a[2]), float(a[3]), float(a[4]), a[5], a[6], a[7]
rows = [("clue list, overdue, one unit", "SQLite", a[8:11]), ("case page (read audited)", "SQLite", a[11:14]),
        ("clue list, overdue, one unit", "PG", a[14:17]), ("case page (read audited)", "PG", a[17:20])]
print(f"\nscale: {clues} clues, {cases} cases, {lines} records in the file; {conns} connections")
print(f"\n{'import':<34}{'seconds':>9}{'records/s':>12}{'ratio':>8}")
fr = lines / floor
print(f"{'floor: sqlite3 raw insert':<34}{floor:>9.1f}{fr:>12.0f}{1:>8.2f}")
for name, s in (("qingfeng import, SQLite", isq), ("qingfeng import, PostgreSQL", ipg)):
    print(f"{name:<34}{s:>9.1f}{lines / s:>12.0f}{lines / s / fr:>8.2f}")
print(f"\n{'target':<32}{'backend':<8}{'p50 ms':>8}{'p99 ms':>8}{'req/s':>9}   verdict (p50 < {target:g} ms)")
bad = 0
for name, be, (p50, p99, rps) in rows:
    ok = float(p50) < target
    bad += not ok
    print(f"{name:<32}{be:<8}{float(p50):>8.2f}{float(p99):>8.2f}{float(rps):>9.0f}   {'PASS' if ok else 'MISS'}")
sys.exit(0)
PY
