#!/usr/bin/env bash
# run.sh: the throughput benchmark (bench/README.md).  `make bench` runs it
# after building build/qingfeng.
#
# In one run, with wrk (same threads, connections and duration for each):
#   floor    a bare libmicrohttpd server (bench/floor.c), same daemon flags;
#            run first and again last, the mean is the reference
#   login    GET /login on build/qingfeng (not signed in)
#   persons  GET /persons?per=100 on build/qingfeng, signed in, 100 rows
#   floor2   the floor serving a page as large as the persons page (for
#            reference: what moving that many bytes costs by itself)
# and prints requests/s, p99 latency, the server's CPU time per request,
# each page's ratio to the floor, the verdict against the targets, and
# the servers' peak RSS (VmHWM).
#
# Environment (all optional):
#   QF_BIN        binary under test (default build/qingfeng)
#   BENCH_SECS    seconds per wrk run (default 10, at most 60)
#   BENCH_CONNS   wrk connections (default 64, at most 1000)
#   BENCH_THREADS wrk threads (default 2, at most 16)
#   BENCH_LOG     where the server's request log goes (default: a file in
#                 the temporary folder; /dev/null to drop it)
#   BENCH_KEEP    keep the temporary folder when set
#
# Traffic goes to 127.0.0.1 only.  Everything started here is stopped on
# exit (trap).

set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

QF_BIN=${QF_BIN:-build/qingfeng}
SECS=${BENCH_SECS:-10}
CONNS=${BENCH_CONNS:-64}
WTHREADS=${BENCH_THREADS:-2}
WARM=2                                 # seconds of warm-up before each run

# targets
T_LOGIN_RATIO=0.60
T_PERSONS_RATIO=0.25
T_P99_MS=10
T_RSS_MIB=64
N_PERSONS=150
PER=100

die() { echo "bench: $*" >&2; exit 1; }

# in_range VALUE MIN MAX: VALUE is a whole number from MIN to MAX
in_range() { case $1 in ''|*[!0-9]*) return 1 ;; esac; [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
in_range "$SECS" 1 60 || die "BENCH_SECS must be 1 to 60"
in_range "$CONNS" 1 1000 || die "BENCH_CONNS must be 1 to 1000"
in_range "$WTHREADS" 1 16 || die "BENCH_THREADS must be 1 to 16"
[ "$WTHREADS" -le "$CONNS" ] || die "BENCH_THREADS must not exceed BENCH_CONNS"

for tool in wrk curl cc pkg-config python3; do
	command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -x "$QF_BIN" ] || die "$QF_BIN not built (make build/qingfeng)"
pkg-config --exists libmicrohttpd || die "libmicrohttpd development files missing"

TMP=$(mktemp -d /tmp/qf-bench.XXXXXX)
DB=$TMP/qf.db
JAR=$TMP/cookies
LOG=${BENCH_LOG:-$TMP/serve.log}
FLOOR_PID=
FLOOR2_PID=
SERVER_PID=

stop() {
	local pid=$1
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for _ in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
cleanup() {
	stop "$FLOOR_PID"
	stop "$FLOOR2_PID"
	stop "$SERVER_PID"
	if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_up URL PID: polls URL (at most 10 s) while PID lives
wait_up() {
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$1" 2>/dev/null && return 0
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# peak RSS of PID in KiB (VmHWM)
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

# ---------------------------------------------------------------- floor
echo "bench: building bench/floor.c"
# shellcheck disable=SC2046
cc -O2 -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
	$(pkg-config --cflags libmicrohttpd) -o "$TMP/floor" bench/floor.c \
	$(pkg-config --libs libmicrohttpd) -lpthread

FLOOR_PORT=$(free_port)
"$TMP/floor" "$FLOOR_PORT" 2>"$TMP/floor.log" &
FLOOR_PID=$!
wait_up "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_PID" || die "floor did not start: $(cat "$TMP/floor.log")"

# ---------------------------------------------------------------- product
echo "bench: creating a database and starting $QF_BIN serve"
PW='Bench#Qingfeng2022'
"$QF_BIN" init --db "$DB" --name "基准测试市纪委监委" --region 230100 >"$TMP/init.log" 2>&1 ||
	die "init failed: $(cat "$TMP/init.log")"
printf '%s\n' "$PW" | "$QF_BIN" user add bench --role case_manager --password-stdin --db "$DB" \
	>"$TMP/useradd.log" 2>&1 || die "user add failed: $(cat "$TMP/useradd.log")"

PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
"$QF_BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" >>"$LOG" 2>&1 &
SERVER_PID=$!
wait_up "$BASE/healthz" "$SERVER_PID" || die "server did not start (log: $LOG)"

# the login dance of tests/http/lib.sh: GET /login sets qf_pre; POST it back
curl -s -c "$JAR" -b "$JAR" "$BASE/login" >/dev/null
PRE=$(awk '$6 == "qf_pre" {print $7}' "$JAR")
[ -n "$PRE" ] || die "GET /login set no qf_pre cookie"
st=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
	--data-urlencode "csrf=$PRE" --data-urlencode "username=bench" \
	--data-urlencode "password=$PW" "$BASE/login")
[ "$st" = 303 ] || [ "$st" = 302 ] || die "login answered $st"
SESSION=$(awk '$6 == "qf_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || die "login set no qf_session cookie"
CSRF=$(curl -s -b "$JAR" "$BASE/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf"])')
[ -n "$CSRF" ] || die "no CSRF token from /api/me"

# post PATH JSON: prints the body; fails unless 200/201
post() {
	local out st
	out=$(curl -s -w '\n%{http_code}' -b "$JAR" -X POST -H "X-CSRF-Token: $CSRF" \
		-H 'Content-Type: application/json' --data "$2" "$BASE$1")
	st=${out##*$'\n'}
	case "$st" in 200|201) printf '%s\n' "${out%$'\n'*}" ;; *) echo "bench: POST $1 answered $st: ${out%$'\n'*}" >&2; return 1 ;; esac
}

echo "bench: creating 1 unit and $N_PERSONS persons through the JSON API"
UNIT_ID=$(post /api/units '{"name":"基准测试局","kind":"department"}' |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || die "unit create failed"
for i in $(seq 1 "$N_PERSONS"); do
	post /api/persons "{\"name\":\"测试人员$i\",\"unit_id\":$UNIT_ID,\"rank\":\"section\",\"position\":\"科长$i\",\"top_leader\":false}" \
		>/dev/null || die "person $i create failed"
done

# sanity: the list page answers 200 with $PER rows for this session
PAGE=$(curl -s -w '\n%{http_code}' -H "Cookie: qf_session=$SESSION" "$BASE/persons?per=$PER")
[ "${PAGE##*$'\n'}" = 200 ] || die "/persons?per=$PER answered ${PAGE##*$'\n'}"
ROWS=$(printf '%s' "$PAGE" | grep -o '<tr><td><a href="/persons/[0-9]*"' | wc -l)
[ "$ROWS" -eq "$PER" ] || die "/persons?per=$PER has $ROWS rows, want $PER"
PERSONS_BYTES=$(printf '%s' "${PAGE%$'\n'*}" | wc -c)
LOGIN_BYTES=$(curl -s "$BASE/login" | wc -c)
FLOOR_BYTES=$(curl -s "http://127.0.0.1:$FLOOR_PORT/" | wc -c)

# a second floor serving a page as large as the persons page: what the
# transfer alone costs (kernel, loopback, wrk).  Informational, no target.
FLOOR2_PORT=$(free_port)
"$TMP/floor" "$FLOOR2_PORT" "$(nproc)" "$PERSONS_BYTES" 2>"$TMP/floor2.log" &
FLOOR2_PID=$!
wait_up "http://127.0.0.1:$FLOOR2_PORT/" "$FLOOR2_PID" || die "floor did not start: $(cat "$TMP/floor2.log")"
FLOOR2_BYTES=$(curl -s "http://127.0.0.1:$FLOOR2_PORT/" | wc -c)

# ---------------------------------------------------------------- wrk
TICK=$(getconf CLK_TCK)
# cpu_ticks PID: user + system CPU time of PID so far, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_wrk NAME PID URL BYTES [wrk options]: sets RPS_<NAME>, P99_<NAME> (ms)
# and CPU_<NAME> (the server PID's CPU microseconds per request).  BYTES is
# the body size of the page: wrk counts a 3xx as a success, so the average
# answer must be at least that large (a lost session would show as a
# redirect to /login, much smaller).
run_wrk() {
	local name=$1 pid=$2 url=$3 body=$4 out rps p99 bad n c0 c1 avg
	shift 4
	wrk -t"$WTHREADS" -c"$CONNS" -d"${WARM}s" "$@" "$url" >/dev/null 2>&1 || true
	echo "bench: wrk -t$WTHREADS -c$CONNS -d${SECS}s --latency $url"
	c0=$(cpu_ticks "$pid")
	out=$(wrk -t"$WTHREADS" -c"$CONNS" -d"${SECS}s" --latency "$@" "$url") ||
		die "wrk failed on $url"
	c1=$(cpu_ticks "$pid")
	printf '%s\n' "$out" >"$TMP/wrk-$name.txt"
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {print $2}')
	n=$(printf '%s\n' "$out" | awk '/ requests in / {print $1}')
	# "     99%    3.18ms" -> milliseconds
	p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
		f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
		printf "%.2f", v * f }')
	bad=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')
	[ -z "$bad" ] || die "$name: $bad answers were not 2xx/3xx"
	if printf '%s\n' "$out" | grep -q 'Socket errors'; then
		echo "bench: $name: $(printf '%s\n' "$out" | grep 'Socket errors')"
	fi
	if [ -z "$rps" ] || [ -z "$p99" ] || [ -z "$n" ] || [ "$n" -eq 0 ]; then
		die "cannot parse wrk output for $name"
	fi
	# "754214 requests in 5.01s, 171.91MB read" -> average bytes per answer
	avg=$(printf '%s\n' "$out" | awk '/ requests in / {
		v = $5; u = v; sub(/^[0-9.]+/, "", u); sub(/[A-Za-z]+$/, "", v);
		f = (u == "B") ? 1 : (u == "KB") ? 1024 : (u == "MB") ? 1048576 : (u == "GB") ? 1073741824 : (u == "TB") ? 1099511627776 : 0;
		printf "%d", v * f / $1 }')
	[ "$avg" -ge "$body" ] ||
		die "$name: answers average $avg bytes, the page has $body: not the page (redirect? error?)"
	printf -v "RPS_$name" '%s' "$rps"
	printf -v "P99_$name" '%s' "$p99"
	printf -v "CPU_$name" '%s' "$(( (c1 - c0) * 1000000 / TICK / n ))"
}

LOAD0=$(cut -d' ' -f1 /proc/loadavg)
# the floor first and last: its mean is the reference, and the two runs
# differing much means the machine's load changed under the benchmark
run_wrk floorA "$FLOOR_PID" "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_BYTES"
run_wrk login "$SERVER_PID" "$BASE/login" "$LOGIN_BYTES"
run_wrk persons "$SERVER_PID" "$BASE/persons?per=$PER" "$PERSONS_BYTES" -H "Cookie: qf_session=$SESSION"
run_wrk floor2 "$FLOOR2_PID" "http://127.0.0.1:$FLOOR2_PORT/" "$FLOOR2_BYTES"
run_wrk floorB "$FLOOR_PID" "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_BYTES"
LOAD1=$(cut -d' ' -f1 /proc/loadavg)

FLOOR_KIB=$(hwm_kib "$FLOOR_PID")
SERVER_KIB=$(hwm_kib "$SERVER_PID")
kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the run"
LOG_LINES=$( [ -f "$LOG" ] && wc -l <"$LOG" || echo 0)

# ---------------------------------------------------------------- report
# shellcheck disable=SC2154
python3 - "$RPS_floorA" "$P99_floorA" "$RPS_login" "$P99_login" "$RPS_persons" "$P99_persons" \
	"$RPS_floor2" "$P99_floor2" "$CPU_floorA" "$CPU_login" "$CPU_persons" "$CPU_floor2" \
	"$FLOOR_KIB" "$SERVER_KIB" "$T_LOGIN_RATIO" "$T_PERSONS_RATIO" "$T_P99_MS" "$T_RSS_MIB" \
	"$FLOOR_BYTES" "$LOGIN_BYTES" "$PERSONS_BYTES" "$FLOOR2_BYTES" \
	"$SECS" "$CONNS" "$WTHREADS" "$(nproc)" "$LOG" "$PER" \
	"$RPS_floorB" "$P99_floorB" "$CPU_floorB" "$LOAD0" "$LOAD1" <<'EOF'
import sys
a = sys.argv[1:]
rfa, pfa, rl, pl, rp, pp, r2, p2 = map(float, a[0:8])
cfa, cl, cp, c2 = map(int, a[8:12])
fk, sk = int(a[12]), int(a[13])
tl, tp, tms, trss = map(float, a[14:18])
bf, bl, bp, b2 = a[18:22]
secs, conns, thr, cores, log, per = a[22:28]
rfb, pfb, cfb = float(a[28]), float(a[29]), int(a[30])
load0, load1 = a[31], a[32]
rf, pf, cf = (rfa + rfb) / 2, max(pfa, pfb), (cfa + cfb) // 2
drift = abs(rfa - rfb) / rf

def v(ok): return "PASS" if ok else "MISS"
print()
print(f"qingfeng bench: wrk {thr} threads, {conns} connections, {secs} s each; "
      f"{cores} cores shared by wrk and the server")
print(f"request log -> {log}")
print()
print(f"{'target':<26}{'bytes':>7}{'req/s':>10}{'p99 ms':>9}{'cpu us/req':>12}{'ratio':>7}   verdict")
print(f"{'floor (bare MHD)':<26}{bf:>7}{rf:>10.0f}{pf:>9.2f}{cf:>12}{1:>7.2f}   "
      f"(reference: mean of {rfa:.0f} first, {rfb:.0f} last)")
rows = [("GET /login", bl, rl, pl, cl, tl), (f"GET /persons?per={per}", bp, rp, pp, cp, tp)]
misses = 0
for name, b, r, p, c, t in rows:
    ratio = r / rf
    ok_r, ok_p = ratio >= t, p < tms
    misses += (not ok_r) + (not ok_p)
    print(f"{name:<26}{b:>7}{r:>10.0f}{p:>9.2f}{c:>12}{ratio:>7.2f}   "
          f"ratio >= {t:.2f} {v(ok_r)}, p99 < {tms:g} ms {v(ok_p)}")
print(f"{'floor, persons-size page':<26}{b2:>7}{r2:>10.0f}{p2:>9.2f}{c2:>12}{r2 / rf:>7.2f}   "
      f"(reference: the transfer alone)")
print()
ok_rss = sk / 1024 < trss
misses += not ok_rss
print(f"peak RSS (VmHWM): qingfeng {sk/1024:.1f} MiB (< {trss:g} MiB {v(ok_rss)}); "
      f"floor {fk/1024:.1f} MiB")
print("cpu us/req: the server's user+system CPU time during the run / requests served")
print(f"load average (1 min): {load0} before, {load1} after")
if drift > 0.15:
    print(f"WARNING: the floor moved {drift:.0%} between the first and the last run: the "
          "machine's load changed, so the ratios are unreliable; run again on a quiet machine")
print()
print("all targets met" if misses == 0 else f"{misses} target(s) missed")
EOF
echo "bench: server log lines written: $LOG_LINES"
