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

# PID_qf, BASE_qf...: set by lib.sh with printf -v (shellcheck cannot see it)
# shellcheck source=bench/lib.sh disable=SC2154
. "$(dirname "$0")/lib.sh"

# targets
T_LOGIN_RATIO=0.60
T_PERSONS_RATIO=0.25
T_P99_MS=10
T_RSS_MIB=64

bench_setup qf-bench cc pkg-config
pkg-config --exists libmicrohttpd || die "libmicrohttpd development files missing"
DB=$TMP/qf.db
LOG=${BENCH_LOG:-$TMP/serve.log}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- floor
floor_build
floor_start a
FLOOR_PORT=$FLOOR_PORT_a
FLOOR_PID=$FLOOR_PID_a

# ---------------------------------------------------------------- product
echo "bench: creating a database and starting $QF_BIN serve"
qf_init "$DB"
qf_start qf "$LOG" "$DB"
SERVER_PID=$PID_qf
BASE=$BASE_qf
qf_login qf
SESSION=$SESSION_qf
echo "bench: creating 1 unit and $N_PERSONS persons through the JSON API"
qf_populate qf
# sanity: the list page answers 200 with $PER rows for this session
qf_list_page qf
PERSONS_BYTES=$LIST_BYTES_qf
LOGIN_BYTES=$(curl -s "$BASE/login" | wc -c)
FLOOR_BYTES=$(curl -s "http://127.0.0.1:$FLOOR_PORT/" | wc -c)

# a second floor serving a page as large as the persons page: what the
# transfer alone costs (kernel, loopback, wrk).  Informational, no target.
floor_start b "$(nproc)" "$PERSONS_BYTES"
FLOOR2_PORT=$FLOOR_PORT_b
FLOOR2_PID=$FLOOR_PID_b
FLOOR2_BYTES=$(curl -s "http://127.0.0.1:$FLOOR2_PORT/" | wc -c)

# ---------------------------------------------------------------- wrk
LOAD0=$(cut -d' ' -f1 /proc/loadavg)
# the floor first and last: its mean is the reference, and the two runs
# differing much means the machine's load changed under the benchmark
run_wrk floorA "$CONNS" "$FLOOR_PID" "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_BYTES"
run_wrk login "$CONNS" "$SERVER_PID" "$BASE/login" "$LOGIN_BYTES"
run_wrk persons "$CONNS" "$SERVER_PID" "$BASE/persons?per=$PER" "$PERSONS_BYTES" -H "Cookie: qf_session=$SESSION"
run_wrk floor2 "$CONNS" "$FLOOR2_PID" "http://127.0.0.1:$FLOOR2_PORT/" "$FLOOR2_BYTES"
run_wrk floorB "$CONNS" "$FLOOR_PID" "http://127.0.0.1:$FLOOR_PORT/" "$FLOOR_BYTES"
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
