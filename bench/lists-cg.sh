#!/usr/bin/env bash
# lists-cg.sh: the list pages' instructions per request under callgrind
# (issue 16; bench/README.md, "A rendered-list cache"), the measure that
# does not move with the machine's load.
#
# Loads BENCH_ROWS rows (default 150) of each list as bench/lists.sh does
# (or uses BENCH_DB), then for the floor (bench/floor.c answering a page
# of the persons page's size) and for QF_BIN (and QF_OLD when given), each
# under callgrind with one server: CG_WARM requests (default 5) of each
# page, the counters zeroed, CG_REQS requests (default 20) on one
# keep-alive connection, the counters dumped; prints the instructions
# (Ir, user space) per request and the ratio floor / page (the target:
# >= 0.25).  With a kept rendering (pages/list_kept.c) the warm-up leaves
# the page kept: the measured requests are hits; CG_MISS=1 adds ?n=I to
# each request, so every one is a miss (a query argument is in the key).
#
# Environment (optional): QF_BIN, QF_OLD, BENCH_ROWS, BENCH_DB, CG_WARM,
# CG_REQS, CG_MISS, BENCH_KEEP.

# shellcheck source=bench/lib.sh disable=SC2154
. "$(dirname "$0")/lib.sh"

ROWS=${BENCH_ROWS:-150}
WARM=${CG_WARM:-5}
REQS=${CG_REQS:-20}
PAGES="persons reports clues cases problems"
in_range "$ROWS" 1 1000000 || die "BENCH_ROWS must be 1 to 1000000"
in_range "$WARM" 1 1000 && in_range "$REQS" 1 10000 || die "CG_WARM, CG_REQS: 1 to 1000, 1 to 10000"
bench_setup qf-bench-lists-cg cc pkg-config sqlite3 valgrind callgrind_control
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# load_db BIN DB: BENCH_ROWS rows of each list imported by BIN into a new DB
load_db() {
	[ -s "$TMP/lists.jsonl" ] || python3 bench/gen-lists.py "$ROWS" >"$TMP/lists.jsonl" || die "gen-lists.py failed"
	QF_BIN=$1 qf_init "$2"
	"$1" import --db "$2" "$TMP/lists.jsonl" >"$TMP/import.log" 2>&1 || die "import failed"
	sqlite3 "$2" "ANALYZE" >/dev/null
}
if [ -n "${BENCH_DB:-}" ]; then
	DB=$BENCH_DB
	[ -f "$DB" ] || die "BENCH_DB=$DB does not exist"
else
	DB=$TMP/qf.db
	load_db "$QF_BIN" "$DB"
fi
# the old binary on a database of its own making (the same rows: the
# generator is deterministic), which a newer schema would not open
DB_old=$DB
[ -z "${QF_OLD:-}" ] || { DB_old=$TMP/qf-old.db; load_db "$QF_OLD" "$DB_old"; }
DB_new=$DB
ROWS=$(sqlite3 "$DB" "SELECT count(*) FROM persons")

# cg_start TAG CMD...: CMD under callgrind on $PORT (in CMD); sets CG_PID, CG_OUT
cg_start() {
	local tag=$1
	shift
	CG_OUT=$TMP/cg-$tag
	valgrind --tool=callgrind --callgrind-out-file="$CG_OUT.%p" "$@" >"$TMP/$tag.log" 2>&1 &
	CG_PID=$!
	bench_track "$CG_PID"
	for _ in $(seq 1 600); do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && return 0
		kill -0 "$CG_PID" 2>/dev/null || die "$tag did not start: $(tail -5 "$TMP/$tag.log")"
		sleep 0.1
	done
	die "$tag did not answer in 60 s"
}

# cg_measure URL [curl args]: Ir per request of REQS requests of URL after
# WARM; with CG_MISS each URL gets &n=I (a new key each time)
cg_measure() {
	local url=$1 args=() i n0 n1 sep='?'
	shift
	case $url in *\?*) sep='&' ;; esac
	for i in $(seq 1 "$WARM"); do args+=(-o /dev/null "$url"); done
	curl -s "$@" "${args[@]}" || die "warm-up of $url failed"
	args=()
	for i in $(seq 1 "$REQS"); do
		if [ -n "${CG_MISS:-}" ]; then args+=(-o /dev/null "$url${sep}n=$RANDOM$i"); else args+=(-o /dev/null "$url"); fi
	done
	callgrind_control -z "$CG_PID" >/dev/null 2>&1
	curl -s "$@" "${args[@]}" || die "$url failed"
	n0=$(ls "$CG_OUT".* 2>/dev/null | wc -l)
	callgrind_control -d "$CG_PID" >/dev/null 2>&1
	n1=$(ls -t "$CG_OUT".* | head -1)
	[ "$(ls "$CG_OUT".* | wc -l)" -gt "$n0" ] || die "no dump for $url"
	awk -v r="$REQS" '/^(summary|totals):/ { print int($2 / r); exit }' "$n1"
}

floor_build
BYTES=$(python3 -c 'print(21000)')
PORT=$(free_port)
cg_start floor "$TMP/floor" "$PORT" 1 "$BYTES"
FLOOR_IR=$(cg_measure "http://127.0.0.1:$PORT/")
stop "$CG_PID"

printf '\nqingfeng list pages under callgrind: %s persons, %s requests after %s%s\n' "$ROWS" "$REQS" "$WARM" \
	"${CG_MISS:+ (every request a miss: CG_MISS)}"
printf '%-22s%-5s%12s%8s\n' "target" "bin" "Ir/request" "ratio"
printf '%-22s%-5s%12s%8s\n' "floor (bare MHD)" "" "$FLOOR_IR" "1.00"
for tag in ${QF_OLD:+old} new; do
	bin=$QF_BIN db=DB_$tag
	[ "$tag" = old ] && bin=$QF_OLD
	PORT=$(free_port)
	cg_start "$tag" "$bin" serve --db "${!db}" --max-per-address 0 --threads 1 --listen "127.0.0.1:$PORT"
	printf -v "BASE_$tag" '%s' "http://127.0.0.1:$PORT"
	qf_login "$tag"
	session=SESSION_$tag
	for p in $PAGES; do
		ir=$(cg_measure "http://127.0.0.1:$PORT/$p?per=100" -H "Cookie: qf_session=${!session}")
		printf '%-22s%-5s%12s%8.2f\n' "/$p?per=100" "$tag" "$ir" "$(echo "$FLOOR_IR / $ir" | bc -l)"
	done
	stop "$CG_PID"
done
printf 'load average (1 min): %s\n' "$(cut -d' ' -f1 /proc/loadavg)"
