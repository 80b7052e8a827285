#!/usr/bin/env bash
# pages.sh: issue 16's scale benchmark over every family (bench/README.md
# "Every family at scale"): a national year of PAGES_RECORDS records
# (default 10,000,000) in every family the platform has, loaded into
# SQLite as bench/stats.sh loads it, then every page measured by
# bench/pagepass.sh (p99 < 50 ms each, the annual report < 1 s).
#
#   PAGES_RECORDS=2000000 bench/pages.sh      # 2M: about 10 minutes
#   BENCH_KEEP=1 bench/pages.sh               # keep the database for pagepass.sh
#   BENCH_BACKEND=pg bench/pages.sh           # the same on a throw-away PostgreSQL
#
# With BENCH_BACKEND=pg the rows are loaded with psql's \copy as
# bench/stats.sh loads them (lib.sh load_pg: the foreign-key checks and the
# triggers off, the columns they keep filled after), into a throw-away
# cluster (tests/pg.sh start) with its own key file; with BENCH_KEEP the
# cluster is left running and pagepass.sh takes its URL (printed at the end).
#
# The families of issue 11 (clues, cases, outcomes and what goes with them)
# come from bench/gen-national.py's own rows; every other family from
# copies of the demo year (`qingfeng demo --year 2022` into a database of
# its own, bench/gen_families.py), about 15 % of the records.  The loaded
# database is checked as stats.sh checks it (rows per table, foreign keys),
# the rollup rebuilt (`qingfeng stats rebuild`), and a leader and an
# inspection office account added for pagepass.sh.  Needs wrk, curl,
# python3, sqlite3; BENCH_SECS, PAGE_CONNS, BENCH_KEEP as pagepass.sh.
# Watch the disk: at 10M the folder takes about 4 GB (`df -h /tmp`).
# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

SECS=${BENCH_SECS:-3}
CONNS=${PAGE_CONNS:-4}
[ "$WTHREADS" -le "$CONNS" ] || WTHREADS=$CONNS
RECORDS=${PAGES_RECORDS:-10000000}
REGION=230100
BACKEND=${BENCH_BACKEND:-sqlite}
in_range "$RECORDS" 10000 100000000 || die "PAGES_RECORDS must be 10000 to 100000000"
case $BACKEND in sqlite | pg) ;; *) die "BENCH_BACKEND must be sqlite or pg" ;; esac
national_setup qf-bench-pages
[ "$BACKEND" = sqlite ] || trap pg_cleanup EXIT
echo "bench: disk before: $(df -h --output=avail "$TMP" | tail -1 | tr -d ' ') free in $TMP; load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "bench: the demo year (qingfeng demo --year 2022), the template of the other families"
"$QF_BIN" init --db "$TMP/demo.db" --region $REGION >"$TMP/demo.log" 2>&1 || die "demo init failed"
"$QF_BIN" demo --year 2022 --db "$TMP/demo.db" >>"$TMP/demo.log" 2>&1 || die "qingfeng demo failed ($TMP/demo.log)"

echo "bench: generating a national year of $RECORDS records (bench/gen-national.py)"
GEN_S=$(seconds python3 bench/gen-national.py "$RECORDS" "$REGION" "$GEN" "$TMP/demo.db") ||
	die "gen-national.py failed"
ROWS=$(awk -F'\t' '{ s += $3 } END { print s }' "$GEN/manifest.tsv")
TABLES=$(cut -f1 "$GEN/manifest.tsv" | tr '\n' ' ')
echo "bench: $ROWS rows in $(wc -l <"$GEN/manifest.tsv") tables in ${GEN_S} s ($(du -sh "$GEN" | cut -f1))"

if [ "$BACKEND" = pg ]; then
	pg_cluster_start
	PGKEY=$TMP/pg.key
	DB=$PGDB TAG=pg
	set -- --key "$PGKEY"
else
	DB=$SQDB TAG=sq
	set --
fi
qf_init "$DB" "$@"
[ "$(sql $TAG "SELECT id FROM users WHERE name = 'bench'")" = 2 ] ||
	die "the case manager bench is not user 2 (gen_families.py's BENCH_USER)"
qf_user "$DB" leader leader "$@"
qf_user "$DB" inspection inspection "$@"
state_off $TAG
if [ "$BACKEND" = pg ]; then
	load_pg
	check_rows pg
else
	load_sq
	check_rows sq
	n=$(sql sq "PRAGMA foreign_key_check" | head -5)
	[ -z "$n" ] || die "sq: foreign_key_check: $n"
fi
rebuild $TAG "$DB" "$@"
if [ "$BACKEND" = pg ]; then
	SIZE=$(sql pg "SELECT pg_size_pretty(pg_database_size('qf_bench'))")
else
	sqlite3 "$SQDB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	SIZE=$(du -sh "$SQDB" | cut -f1)
fi
rm -rf "$GEN"
load=LOAD_S_$TAG index=INDEX_S_$TAG reb=REBUILD_S_$TAG
echo "bench: loaded in ${!load} s, indexes ${!index} s, stats rebuild ${!reb} s; database $SIZE;" \
	"load $(cut -d' ' -f1-3 /proc/loadavg)"

PAGEPASS_TMP=$TMP PAGEPASS_KEY=${PGKEY:-} BENCH_SECS=$SECS PAGE_CONNS=$CONNS bash bench/pagepass.sh "$DB"
if [ "$BACKEND" = pg ] && [ -n "${BENCH_KEEP:-}" ]; then
	echo "bench: the pass again: PAGEPASS_KEY=$PGKEY bench/pagepass.sh $PGDB"
fi
