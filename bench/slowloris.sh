#!/usr/bin/env bash
# slowloris.sh: 10,000 slow or idle connections against `qingfeng serve`
# with its default limits, and the latency of a normal request (a new
# client's GET /login, one new connection each) meanwhile (issue 8,
# failure 4; bench/README.md, "Slow and idle clients").
#
# Scenarios, each for SLOW_SECS seconds of probing:
#   none      no slow clients (the baseline)
#   idle      SLOW_CONNS idle connections from SLOW_ADDRS loopback addresses
#             (127.0.1.1 ...), reopened as soon as the server cuts them
#   headers   the same, each sending a header line every 5 s, never the end
#   body      the same, each sending a POST's headers, then 16 bytes every 5 s
#   one       SLOW_CONNS idle connections from one address (127.0.2.1),
#             reopened as soon as they are refused or cut
#
# Settings (environment): QF_BIN (default build/qingfeng), SLOW_CONNS
# (10000), SLOW_ADDRS (100), SLOW_SECS (30), SLOW_SCENARIOS (all of the
# above).  Loopback only.  Prints one line per scenario: the probes
# answered, their p50/p99/max in ms, and what the slow clients saw.
. "$(dirname "$0")/lib.sh"

CONNS_SLOW=${SLOW_CONNS:-10000}
ADDRS=${SLOW_ADDRS:-100}
PSECS=${SLOW_SECS:-30}
SCENARIOS=${SLOW_SCENARIOS:-none idle headers body one}
SC="python3 tests/http/slow_clients.py"

in_range "$CONNS_SLOW" 1 60000 || die "SLOW_CONNS must be 1 to 60000"
in_range "$ADDRS" 1 250 || die "SLOW_ADDRS must be 1 to 250"
in_range "$PSECS" 5 600 || die "SLOW_SECS must be 5 to 600"
bench_setup qf-slowloris
trap bench_cleanup EXIT

# fd_count PID: descriptors the process has open
fd_count() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
# field FILE KEY: a value of a slow_clients.py status file
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

qf_init "$TMP/qf.db"
# the defaults of serve (the per-address limit qf_start lifts is put back)
qf_start qf "$TMP/serve.log" "$TMP/qf.db" --max-per-address 128
echo "bench: $QF_BIN serve (defaults: 128 connections per address, headers in 10 s," \
	"bodies >= 1024 bytes/s), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: descriptor limit $(ulimit -Hn); $(grep -o 'connections: at most [0-9]*' "$TMP/serve.log")"
printf '%-8s %7s %7s %8s %8s %8s  %s\n' scenario probes failed p50_ms p99_ms max_ms "slow clients (open at the end / made / cut by the server / refused at once)"

for sc in $SCENARIOS; do
	st=$TMP/$sc.json
	hold=
	case $sc in
	none) ;;
	idle) $SC hold 127.0.0.1 "${BASE_qf##*:}" --conns "$CONNS_SLOW" --addrs "$ADDRS" --src 127.0.1.1 \
		--mode idle --reconnect --duration $((PSECS + 120)) --status "$st" & hold=$! ;;
	headers) $SC hold 127.0.0.1 "${BASE_qf##*:}" --conns "$CONNS_SLOW" --addrs "$ADDRS" --src 127.0.1.1 \
		--mode headers --interval 5 --reconnect --duration $((PSECS + 120)) --status "$st" & hold=$! ;;
	body) $SC hold 127.0.0.1 "${BASE_qf##*:}" --conns "$CONNS_SLOW" --addrs "$ADDRS" --src 127.0.1.1 \
		--mode body --interval 5 --reconnect --duration $((PSECS + 120)) --status "$st" & hold=$! ;;
	one) $SC hold 127.0.0.1 "${BASE_qf##*:}" --conns "$CONNS_SLOW" --src 127.0.2.1 \
		--mode idle --reconnect --duration $((PSECS + 120)) --status "$st" & hold=$! ;;
	*) die "unknown scenario $sc" ;;
	esac
	if [ -n "$hold" ]; then
		bench_track "$hold"
		# until all are open (or, for one address, until 10 s of trying)
		for _ in $(seq 1 600); do
			[ -s "$st" ] && [ "$(field "$st" opened)" -ge "$CONNS_SLOW" ] && break
			[ "$sc" = one ] && [ -s "$st" ] && [ "$(field "$st" opened)" -ge 1000 ] && break
			sleep 0.1
		done
		[ -s "$st" ] || die "$sc: the slow clients did not start"
	fi
	out=$($SC probe 127.0.0.1 "${BASE_qf##*:}" --path /login --count $((PSECS * 10)) --gap 0.1 --timeout 5)
	slow="-"
	if [ -n "$hold" ]; then
		slow="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%d / %d / %d / %d" % (d["open"], d["opened"], d["closed"] - d["early"], d["early"]))' "$st"); server fds $(fd_count "$PID_qf")"
		stop "$hold"
		# let the server drop them before the next scenario
		for _ in $(seq 1 300); do [ "$(fd_count "$PID_qf")" -lt 200 ] && break; sleep 0.1; done
	fi
	python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("%-8s %7d %7d %8s %8s %8s  %s" % (sys.argv[2], d["ok"] + d["failed"], d["failed"], d["p50_ms"], d["p99_ms"], d["max_ms"], sys.argv[3]))' \
		"$out" "$sc" "$slow"
done
echo "bench: server peak RSS $(hwm_kib "$PID_qf") KiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E 'slow clients|libmicrohttpd: [0-9]+ more' "$TMP/serve.log" | sed 's/^/bench: log: /' | tail -5
