#!/usr/bin/env bash
# ratings.sh: acknowledged ratings per second (issue 13; bench/README.md
# "Ratings: group commit").  `make bench-ratings` runs it after building
# build/qingfeng.
#
# In one run, with wrk (same threads, connections and duration for each):
#   floor    bench/floor.c answering POSTs (it reads each body and answers
#            a fixed small page), the same daemon flags
#   public   `serve --public` (init --public, keys and rating points
#            through the ferry as the tests do): POST /p/rate/TOKEN with
#            stars=5 and a new idem_key per request (bench/ratings.lua)
#   single   the same against single-instance `serve` (the item sealed,
#            opened and accepted in the group's transaction): no target,
#            printed for what it is
# and prints ratings/s, p99, the ratio to the floor, then the CHECK: the
# 200 answers wrk saw (new ratings, not retries) against the ratings the
# intranet holds after `ferry export` + `ferry import` (public), or its
# ratings table (single): equal, or the benchmark fails.
#
# Environment: as bench/run.sh (QF_BIN, BENCH_SECS, BENCH_CONNS,
# BENCH_THREADS, BENCH_LOG, BENCH_KEEP), BENCH_KEY_AGE=S for keys whose
# render time is up to S seconds old (uniform; 30, the default: a citizen
# reads the page before rating, and the verdict is for such traffic; 0:
# rendered now, the best case for the key index; -1: keys without it, as
# before gc13b), and BENCH_BACKEND=pg for both
# databases on a throw-away PostgreSQL cluster (tests/pg.sh) instead of
# SQLite files.  Traffic goes to 127.0.0.1 only.

# shellcheck source=bench/lib.sh disable=SC2154
. "$(dirname "$0")/lib.sh"

T_RPS=20000

BACKEND=${BENCH_BACKEND:-sqlite}
case $BACKEND in sqlite) tool=sqlite3 ;; pg) tool=psql ;; *) die "BENCH_BACKEND must be sqlite or pg" ;; esac
bench_setup qf-ratings cc pkg-config "$tool"
pkg-config --exists libmicrohttpd || die "libmicrohttpd development files missing"
PKEY=$TMP/public.key
IKEY=$TMP/intranet.key
LOG=${BENCH_LOG:-$TMP/serve.log}
trap 'exit 130' INT TERM
if [ "$BACKEND" = pg ]; then
	trap pg_cleanup EXIT
	pg_cluster_start
	psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/postgres" -c "CREATE DATABASE qf_public" >/dev/null ||
		die "CREATE DATABASE failed"
	IDB=$PGDB
	PDB=$QF_PG/qf_public
else
	trap bench_cleanup EXIT
	IDB=$TMP/intranet.db
	PDB=$TMP/public.db
fi
# count DB QUERY: one number from DB
count() {
	case $1 in
	postgres*) psql -X -At -v ON_ERROR_STOP=1 "$1" -c "$2" ;;
	*) sqlite3 -batch -cmd '.timeout 5000' "$1" "$2" ;;
	esac
}

# ---------------------------------------------------------------- floor
floor_build
floor_start a
FLOOR_PORT=$FLOOR_PORT_a
FLOOR_PID=$FLOOR_PID_a

# ---------------------------------------------------------------- set-up
cli() { "$QF_BIN" "$@" >>"$TMP/cli.log" 2>&1 || die "qingfeng $* failed: $(tail -3 "$TMP/cli.log")"; }

echo "bench: an intranet database with a unit and its rating page"
qf_init "$IDB" --key "$IKEY"
qf_start in "$LOG" "$IDB" --key "$IKEY"
qf_login in
UNIT=$(qf_post in /api/units '{"name":"基准测试局","kind":"department"}' | json_id) || die "unit create failed"
TOKEN=$(curl -s -b "$JAR_in" "$BASE_in/units/$UNIT/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
[ ${#TOKEN} -eq 43 ] || die "no rating token from /units/$UNIT/rating"
stop "$PID_in"

echo "bench: a public instance (init --public, the ferry keys, the rating points)"
cli init --public --db "$PDB" --key "$PKEY" --name "基准测试市纪委监委" --region 230100
cli ferry key export --db "$IDB" --key "$IKEY" --out "$TMP/intranet.pub"
cli ferry key import "$TMP/intranet.pub" --db "$PDB" --key "$PKEY"
cli ferry key export --db "$PDB" --key "$PKEY" --out "$TMP/public.pub"
cli ferry key import "$TMP/public.pub" --db "$IDB" --key "$IKEY"
cli ferry export --db "$IDB" --key "$IKEY" --out "$TMP/points.batch"
cli ferry import "$TMP/points.batch" --db "$PDB" --key "$PKEY"

# ---------------------------------------------------------------- runs
# rate_run NAME PID URL: a warm-up of $WARM s and a run of $SECS s with
# bench/ratings.lua, each ending with a second of retries (ratings.lua);
# sets RPS_NAME (new ratings acknowledged per second of the measured run),
# P99_NAME, WRPS_NAME (wrk's requests/s, the retries included), ACK_NAME
# (new ratings acknowledged, both runs), CPU_NAME (the server's CPU
# microseconds per rating)
# on_second: waits for the next whole second and prints it (Unix time), so
# that a run started now posts new ratings for its whole number of seconds
on_second() { python3 -c 'import time; time.sleep(1 - time.time() % 1); print(round(time.time()))'; }
rate_run() {
	local name=$1 pid=$2 url=$3 thr out a1 a2 c0 c1 bad t
	thr=$(( WTHREADS < CONNS ? WTHREADS : CONNS ))
	t=$(on_second)
	out=$(wrk -t"$thr" -c"$CONNS" -d"$((WARM + 1))s" -s bench/ratings.lua "$url" -- "$((t + WARM))" "${BENCH_KEY_AGE:-30}") ||
		die "wrk failed on $url"
	a1=$(printf '%s\n' "$out" | awk '/^ratings acknowledged:/ {print $3}')
	echo "bench: wrk -t$thr -c$CONNS -d$((SECS + 1))s --latency -s bench/ratings.lua $url"
	t=$(on_second)
	c0=$(cpu_ticks "$pid")
	out=$(wrk -t"$thr" -c"$CONNS" -d"$((SECS + 1))s" --latency -s bench/ratings.lua "$url" -- "$((t + SECS))" "${BENCH_KEY_AGE:-30}") ||
		die "wrk failed on $url"
	c1=$(cpu_ticks "$pid")
	kill -0 "$pid" 2>/dev/null || die "$name: the server died during the run"
	printf '%s\n' "$out" >"$TMP/wrk-$name.txt"
	a2=$(printf '%s\n' "$out" | awk '/^ratings acknowledged:/ {print $3}')
	bad=$(printf '%s\n' "$out" | awk '/^other answers:/ {print $3}')
	[ "${bad:-1}" = 0 ] || die "$name: $bad answers were not 200 ($TMP/wrk-$name.txt)"
	if [ -z "$a1" ] || [ -z "$a2" ] || [ "$a2" -eq 0 ]; then die "cannot parse wrk output for $name"; fi
	printf '%s\n' "$out" | grep 'Socket errors' || true
	printf -v "RPS_$name" '%s' "$(( a2 / SECS ))"
	printf -v "P99_$name" '%s' "$(printf '%s\n' "$out" | wrk_ms 99%)"
	printf -v "WRPS_$name" '%s' "$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {print $2}')"
	printf -v "ACK_$name" '%s' "$((a1 + a2))"
	printf -v "CPU_$name" '%s' "$(( (c1 - c0) * 1000000 / TICK / a2 ))"
}

POST_LUA=$TMP/post.lua
printf 'wrk.method = "POST"\nwrk.body = "stars=5&idem_key=floor-0123456789abcdef"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n' >"$POST_LUA"
FLOOR_BYTES=$(curl -s -d x=1 "http://127.0.0.1:$FLOOR_PORT/" | wc -c)
run_wrk floorA "$CONNS" "$FLOOR_PID" "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_BYTES" -s "$POST_LUA"

echo "bench: serve --public (post budget raised: --post-burst)"
qf_start pub "$LOG" "$PDB" --public --key "$PKEY" --post-burst 100000000
rate_run pub "$PID_pub" "$BASE_pub/p/rate/$TOKEN"
stop "$PID_pub"
echo "bench: ferry export (public) + import (intranet)"
cli ferry export --db "$PDB" --key "$PKEY" --out "$TMP/ratings.batch"
cli ferry import "$TMP/ratings.batch" --db "$IDB" --key "$IKEY"
STORED_pub=$(count "$IDB" "SELECT count(*) FROM ratings")
ITEMS_pub=$(count "$IDB" "SELECT count(*) FROM public_items WHERE kind = 'ratings'")

echo "bench: single-instance serve (sealed, opened and accepted in the group's transaction)"
qf_start one "$LOG" "$IDB" --key "$IKEY" --post-burst 100000000
(sleep 3; perf record -F 499 -g -o /tmp/perf-one.data -p "$PID_one" -- sleep 5 >/dev/null 2>&1) & rate_run one "$PID_one" "$BASE_one/p/rate/$TOKEN"; wait
stop "$PID_one"
STORED_one=$(( $(count "$IDB" "SELECT count(*) FROM ratings") - STORED_pub ))
ITEMS_one=$(( $(count "$IDB" "SELECT count(*) FROM public_items WHERE kind = 'ratings'") - ITEMS_pub ))

run_wrk floorB "$CONNS" "$FLOOR_PID" "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_BYTES" -s "$POST_LUA"

# ---------------------------------------------------------------- report
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$RPS_floorA" "$RPS_floorB" "$P99_floorA" "$P99_floorB" \
	"$RPS_pub" "$P99_pub" "$WRPS_pub" "$CPU_pub" "$ACK_pub" "$STORED_pub" "$ITEMS_pub" \
	"$RPS_one" "$P99_one" "$WRPS_one" "$CPU_one" "$ACK_one" "$STORED_one" "$ITEMS_one" \
	"$T_RPS" "$LOAD" "$(nproc)" "$CONNS" "$SECS" "$BACKEND" <<'EOF'
import sys
a = sys.argv[1:]
fa, fb, pa, pb = float(a[0]), float(a[1]), float(a[2]), float(a[3])
floor = (fa + fb) / 2
rows = [("public (serve --public)", a[4:11]), ("single instance (serve)", a[11:18])]
target, load, cores, conns, secs, backend = int(a[18]), a[19], a[20], a[21], a[22], a[23]
print()
print(f"ratings ({backend}): {conns} connections, {secs} s, {cores} cores, load average before the report {load}")
print(f"{'':<26}{'ratings/s':>10}{'p99 ms':>9}{'wrk req/s':>11}{'CPU us':>8}{'ratio':>7}")
print(f"{'floor POST (bare MHD)':<26}{floor:>10.0f}{max(pa, pb):>9.2f}{floor:>11.0f}{'':>8}{1:>7.2f}"
      f"   (first {fa:.0f}, last {fb:.0f})")
ok = True
for name, (rps, p99, wrps, cpu, ack, stored, items) in rows:
    print(f"{name:<26}{int(rps):>10}{float(p99):>9.2f}{float(wrps):>11.0f}{cpu:>8}{int(rps) / floor:>7.2f}")
for name, (rps, p99, wrps, cpu, ack, stored, items) in rows:
    same = int(ack) == int(stored)
    ok = ok and same
    print(f"CHECK {name}: {ack} acknowledged by 200, {stored} stored "
          f"({items} sealed items of kind ratings, {int(stored) / max(int(items), 1):.0f} ratings each): "
          f"{'equal' if same else 'NOT EQUAL'}")
pub = int(rows[0][1][0])
print(f"target: at least {target} acknowledged ratings/s on the public instance: "
      f"{'PASS' if pub >= target else 'FAIL'} ({pub})")
print("single instance: no target (it also opens each group and writes every rating row)")
sys.exit(0 if ok else 1)
EOF
