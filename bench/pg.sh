#!/usr/bin/env bash
# pg.sh: PostgreSQL beside SQLite, in one run (bench/README.md, "PostgreSQL
# beside SQLite").
#
# Starts a throw-away PostgreSQL cluster (tests/pg.sh), creates a SQLite
# database and a PostgreSQL database with the same case_manager, 1 unit and
# 150 persons (through the JSON API of one `qingfeng serve` per backend),
# then measures with wrk, on each backend:
#   list    GET /persons?per=100, signed in
#   read    GET /persons/ID: a detail read, which appends a `read` audit
#           entry in its own write transaction
#   write   POST /api/units (bench/units.lua: a new name per request): one
#           write transaction with the unit and its audit entry; at
#           BENCH_CONNS, 8 and 1 connections, since writers are serialised
# and prints requests/s, p99, the server's CPU per request (on PostgreSQL
# also the CPU of the cluster's processes) and the PG/SQLite ratio.
# Afterwards it checks on each backend that `qingfeng audit verify` passes,
# that every write answered 201, that the units created match the 201
# answers (plus at most one request per connection that wrk abandoned at
# its stop, which the server still completed) and that every unit has its
# `create` audit entry.
#
# Environment: as bench/run.sh (QF_BIN, BENCH_SECS, BENCH_CONNS,
# BENCH_THREADS, BENCH_KEEP).  The server logs go to the temporary folder.
# It needs wrk, curl, python3, psql, sqlite3 and the PostgreSQL server
# (tests/pg.sh).  Exits non-zero when setup or a check fails.  Traffic goes
# to 127.0.0.1 only; the servers and the cluster are stopped on exit (trap).

# The per-server variables (PID_sq, BASE_pg...) are set by lib.sh with
# printf -v and read through ${!name}, which shellcheck cannot follow.
# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

# a cluster of the caller's (QF_PG_DIR in the environment) is not ours to stop
unset QF_PG QF_PG_DIR
bench_setup qf-bench-pg psql sqlite3

trap pg_cleanup EXIT
trap 'exit 130' INT TERM

SQDB=$TMP/qf.db
PGKEY=$TMP/pg.key
pg_cluster_start

echo "bench: creating both databases and starting $QF_BIN serve on each"
qf_init "$SQDB"
qf_init "$PGDB" --key "$PGKEY"
qf_start sq "$TMP/serve-sqlite.log" "$SQDB"
qf_start pg "$TMP/serve-pg.log" "$PGDB" --key "$PGKEY"
# what each run's CPU is read from: the server, and on PostgreSQL the
# postmaster with its children (the backends of the server's connections)
PIDS_sq=$PID_sq
PIDS_pg="$PID_pg $PG_PM"

SAMPLE_NAME=w000000000000-0-0          # the shape of units.lua's names
for t in sq pg; do
	qf_login "$t"
	echo "bench: $t: creating 1 unit and $N_PERSONS persons through the JSON API"
	qf_populate "$t"
	qf_list_page "$t"
	base=BASE_$t session=SESSION_$t person=PERSON_$t
	page=$(curl -s -w '\n%{http_code}' -H "Cookie: qf_session=${!session}" "${!base}/persons/${!person}")
	[ "${page##*$'\n'}" = 200 ] || die "$t: /persons/${!person} answered ${page##*$'\n'}"
	case $page in *"<h1>测试人员1</h1>"*) ;; *) die "$t: /persons/${!person} is not the first person's page" ;; esac
	printf -v "READ_BYTES_$t" '%s' "$(printf '%s' "${page%$'\n'*}" | wc -c)"
	out=$(qf_post "$t" /api/units "{\"name\":\"$SAMPLE_NAME\",\"kind\":\"department\"}") ||
		die "$t: sample unit create failed"
	printf -v "UNIT_BYTES_$t" '%s' "$(printf '%s' "$out" | wc -c)"
done

# settle TAG: waits until TAG's unit count stops moving (wrk abandons the
# requests in flight at its stop; the server still completes them) and
# prints it
settle() {
	local prev='' n
	for _ in $(seq 1 50); do
		n=$(sql "$1" "SELECT count(*) FROM units") || die "$1: cannot count units"
		[ "$n" != "$prev" ] || { echo "$n"; return 0; }
		prev=$n
		sleep 0.3
	done
	die "$1: the unit count did not settle"
}
units_before() { UNITS_BEFORE=$(settle "$SETTLE_TAG") || exit 1; }

# measure KIND TAG CONNS: one wrk run of KIND (list, read, write) on TAG's
# server, named KIND_CONNS_TAG
measure() {
	local kind=$1 tag=$2 conns=$3 name=$1_$3_$2 base=BASE_$2 session=SESSION_$2 csrf=CSRF_$2
	local pids=PIDS_$2 person=PERSON_$2 bytes after ans
	local cookie="Cookie: qf_session=${!session}"
	case $kind in
	list)
		bytes=LIST_BYTES_$tag
		run_wrk "$name" "$conns" "${!pids}" "${!base}/persons?per=$PER" "${!bytes}" -H "$cookie" ;;
	read)
		bytes=READ_BYTES_$tag
		run_wrk "$name" "$conns" "${!pids}" "${!base}/persons/${!person}" "${!bytes}" -H "$cookie" ;;
	write)
		bytes=UNIT_BYTES_$tag
		SETTLE_TAG=$tag RUN_WRK_AFTER_WARM=units_before
		run_wrk "$name" "$conns" "${!pids}" "${!base}/api/units" "${!bytes}" -s bench/units.lua \
			-H "$cookie" -H "X-CSRF-Token: ${!csrf}" -H "Content-Type: application/json"
		RUN_WRK_AFTER_WARM=
		after=$(settle "$tag") || exit 1
		ans=$(awk '/^201 answers:/ {print $3}' "$TMP/wrk-$name.txt")
		[ -n "$ans" ] || die "$name: units.lua printed no count of 201 answers"
		printf -v "ANS_$name" '%s' "$ans"
		printf -v "MADE_$name" '%s' "$((after - UNITS_BEFORE))" ;;
	esac
}

WRITE_CONNS=$CONNS
for c in 8 1; do [ "$c" = "$CONNS" ] || WRITE_CONNS="$WRITE_CONNS $c"; done

LOAD0=$(cut -d' ' -f1 /proc/loadavg)
for t in sq pg; do measure list "$t" "$CONNS"; done
for t in sq pg; do measure read "$t" "$CONNS"; done
for c in $WRITE_CONNS; do
	for t in sq pg; do measure write "$t" "$c"; done
done
LOAD1=$(cut -d' ' -f1 /proc/loadavg)

# ---------------------------------------------------------------- checks
ROWS=$TMP/rows
: >"$ROWS"
row() {   # row LABEL NAME_WITHOUT_TAG: one line of the table for python
	local v f out=$1
	for t in sq pg; do
		for f in RPS P99 CPU XCPU SOCKERR TIMEOUT BUSIEST; do v=${f}_$2_$t; out="$out	${!v}"; done
	done
	printf '%s\n' "$out" >>"$ROWS"
}
row "GET /persons?per=$PER	$CONNS" "list_$CONNS"
row "GET /persons/{id}	$CONNS" "read_$CONNS"
for c in $WRITE_CONNS; do row "POST /api/units	$c" "write_$c"; done

FAILED=0
CHECKS=$TMP/checks
: >"$CHECKS"
for c in $WRITE_CONNS; do
	for t in sq pg; do
		n=N_write_${c}_$t ans=ANS_write_${c}_$t made=MADE_write_${c}_$t
		ok=ok
		# every answer a 201, and each answered create a unit; at most one
		# more per connection, completed after wrk stopped waiting for it
		if [ "${!ans}" -ne "${!n}" ] || [ "${!made}" -lt "${!ans}" ] ||
			[ $(( ${!made} - ${!ans} )) -gt "$c" ]; then
			ok=FAIL
			FAILED=1
		fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$t" "${!n}" "${!ans}" "${!made}" "$ok" >>"$CHECKS"
	done
done

VERIFY=$TMP/verify
: >"$VERIFY"
for t in sq pg; do
	case $t in sq) db=$SQDB; set -- ;; pg) db=$PGDB; set -- --key "$PGKEY" ;; esac
	rc=0
	msg=$("$QF_BIN" audit verify --db "$db" "$@" 2>&1) || rc=$?
	units=$(sql "$t" "SELECT count(*) FROM units") || die "$t: cannot count units"
	creates=$(sql "$t" "SELECT count(*) FROM audit_log WHERE event = 'create' AND object LIKE 'unit/%'") ||
		die "$t: cannot count audit entries"
	[ "$rc" -eq 0 ] && [ "$units" -eq "$creates" ] || FAILED=1
	msg=${msg//[$'\n\t']/ }
	pid=PID_$t
	kib=$(hwm_kib "${!pid}")
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$rc" "$msg" "$units" "$creates" "$kib" >>"$VERIFY"
done

# ---------------------------------------------------------------- report
python3 - "$ROWS" "$CHECKS" "$VERIFY" "$SECS" "$WTHREADS" "$(nproc)" "$PG_VERSION" \
	"$(sqlite3 -version | cut -d' ' -f1)" "$LOAD0" "$LOAD1" <<'EOF'
import sys
rows, checks, verify, secs, thr, cores, pgv, sqv, load0, load1 = sys.argv[1:]
name = {"sq": "SQLite", "pg": "PG"}

print()
print(f"qingfeng bench, PostgreSQL {pgv} beside SQLite {sqv}: wrk up to {thr} threads, {secs} s "
      f"a run; {cores} cores shared by wrk, both servers and PostgreSQL")
print()
print(f"{'':<28}{'requests/s':^27}{'p99 ms':^17}{'server cpu us/request':^34}{'wrk errors/timeouts':^20}")
print(f"{'target':<22}{'conns':>6}{'SQLite':>9}{'PG':>9}{'PG/SQL':>9}{'SQLite':>9}{'PG':>8}"
      f"{'SQLite':>9}   {'PG: qingfeng + postgres':<25}{'SQLite':>7}{'PG':>7}")
timeouts = 0
skewed = []
for line in open(rows):
    f = line.rstrip("\n").split("\t")
    label, conns = f[0], f[1]
    rs, ps, cs, _, es, ts, bs = f[2:9]
    rp, pp, cp, xp, ep, tp, bp = f[9:16]
    for who, busiest in (("SQLite", bs), ("PG", bp)):
        if int(conns) > 1 and int(busiest) >= 80:
            skewed.append(f"{who}, {label} at {conns} connections: one server thread "
                          f"used {busiest} % of the server's CPU time")
    timeouts += int(ts) + int(tp)
    ratio = float(rp) / float(rs)
    pgcpu = f"{int(cp) + int(xp):>4} = {cp} + {xp}"
    print(f"{label:<22}{conns:>6}{float(rs):>9.0f}{float(rp):>9.0f}{ratio:>9.2f}{float(ps):>9.2f}"
          f"{float(pp):>8.2f}{cs:>9}   {pgcpu:<25}{es + '/' + ts:>7}{ep + '/' + tp:>7}")
print()
for line in skewed:
    print(f"NOTE: {line}")
if skewed:
    print("The other pool thread(s) mostly waited: either for the write lock (SQLite's busy")
    print("handler sleeps and retries), or because the connections all landed on one thread")
    print("(bench/README.md, \"PostgreSQL beside SQLite\").")
    print()
if timeouts:
    print("A timeout is an answer slower than wrk's 2 s: wrk leaves it out of its latency")
    print("figures, so p99 is then larger than shown.")
    print()
print("Non-2xx answers: 0 in every run (wrk printed no 'Non-2xx or 3xx responses' line;")
print("the benchmark stops on one).  Writes, per run:")
print(f"{'conns':>7}  {'backend':<8}{'answers':>9}{'201s':>9}{'units created':>15}{'completed after wrk stopped':>29}  check")
for line in open(checks):
    c, t, n, ans, made, ok = line.rstrip("\n").split("\t")
    print(f"{c:>7}  {name[t]:<8}{n:>9}{ans:>9}{made:>15}{int(made) - int(ans):>29}  {ok}")
print()
for line in open(verify):
    t, rc, msg, units, creates, kib = line.rstrip("\n").split("\t")
    same = "=" if units == creates else "!="
    print(f"{name[t]:<7} audit verify: exit {rc}: {msg}")
    print(f"{'':<7} units {units} {same} unit `create` audit entries {creates}; "
          f"server peak RSS {int(kib) / 1024:.1f} MiB")
print()
print("cpu us/req: user+system CPU time during the run / requests answered; on PG, the")
print("qingfeng server + the cluster's processes (postmaster and its children)")
print(f"load average (1 min): {load0} before, {load1} after")
EOF
[ "$FAILED" -eq 0 ] || die "a check failed (see above)"
