# lib.sh: shared by bench/run.sh and bench/pg.sh (sourced, never run).
# shellcheck shell=bash
#
# Settings (environment, all optional; bench/README.md):
#   QF_BIN        binary under test (default build/qingfeng)
#   BENCH_SECS    seconds per wrk run (default 10, at most 60)
#   BENCH_CONNS   wrk connections (default 64, at most 1000)
#   BENCH_THREADS wrk threads (default 2, at most 16)
#   BENCH_KEEP    keep the temporary folder when set (and a PostgreSQL cluster, left running)
#
# A server under test is named by a tag (a short word): qf_start TAG ...
# sets PID_TAG and BASE_TAG, qf_login TAG sets JAR_TAG, SESSION_TAG and
# CSRF_TAG, and the other qf_* functions read them.  Processes started
# through bench_track are stopped by bench_cleanup, which the scripts call
# from their EXIT trap.

set -eu

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

QF_BIN=${QF_BIN:-build/qingfeng}
SECS=${BENCH_SECS:-10}
CONNS=${BENCH_CONNS:-64}
WTHREADS=${BENCH_THREADS:-2}
WARM=2                                 # seconds of warm-up before each run
PW='Bench#Qingfeng2022'                # the case_manager's password
N_PERSONS=150
PER=100
TMP=
BENCH_PIDS=

die() { echo "bench: $*" >&2; exit 1; }

# in_range VALUE MIN MAX: VALUE is a whole number from MIN to MAX
in_range() { case $1 in ''|*[!0-9]*) return 1 ;; esac; [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }

# bench_setup PREFIX TOOL...: checks the settings, the tools and the binary,
# and creates the temporary folder $TMP (/tmp/PREFIX.XXXXXX)
bench_setup() {
	local prefix=$1 tool
	shift
	in_range "$SECS" 1 60 || die "BENCH_SECS must be 1 to 60"
	in_range "$CONNS" 1 1000 || die "BENCH_CONNS must be 1 to 1000"
	in_range "$WTHREADS" 1 16 || die "BENCH_THREADS must be 1 to 16"
	[ "$WTHREADS" -le "$CONNS" ] || die "BENCH_THREADS must not exceed BENCH_CONNS"
	for tool in wrk curl python3 "$@"; do
		command -v "$tool" >/dev/null || die "$tool is not installed"
	done
	[ -x "$QF_BIN" ] || die "$QF_BIN not built (make build/qingfeng)"
	TMP=$(mktemp -d "/tmp/$prefix.XXXXXX")
}

# stop PID: TERM, up to 5 s, then KILL
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

bench_track() { BENCH_PIDS="$BENCH_PIDS $1"; }

# stops every tracked process
bench_stop_all() {
	local pid
	for pid in $BENCH_PIDS; do stop "$pid"; done
	BENCH_PIDS=
}

# bench_stop_all, then removes $TMP unless BENCH_KEEP is set
bench_cleanup() {
	bench_stop_all
	[ -n "$TMP" ] || return 0
	if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: kept $TMP"; else rm -rf "$TMP"; fi
}

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

# seconds CMD...: the wall-clock seconds (3 decimals) that CMD takes, its
# standard output discarded; fails when CMD fails
seconds() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null || return 1
	t1=$(date +%s.%N)
	python3 -c "print(f'{$t1 - $t0:.3f}')"
}

# best_of N CMD...: the fewest seconds of N runs of CMD (seconds); a run of
# BEST_OF_STOP seconds or more (default 20) ends the series early: a slow
# command is not made faster by repeating it
best_of() {
	local n=$1 best='' s
	shift
	for _ in $(seq 1 "$n"); do
		s=$(seconds "$@") || return 1
		best=$(python3 -c "print(min($s, ${best:-$s}))")
		python3 -c "import sys; sys.exit($s < ${BEST_OF_STOP:-20})" || break
	done
	printf '%s\n' "$best"
}

# peak RSS of PID in KiB (VmHWM)
hwm_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

# task_ticks PID: "TID TICKS" for each thread of PID
task_ticks() { cat "/proc/$1"/task/*/stat 2>/dev/null | awk '{print $1, $14 + $15}'; }

TICK=$(getconf CLK_TCK)
# cpu_ticks PID [PARENT...]: user + system CPU time so far, in clock ticks,
# of PID (all its threads) plus each PARENT and its children at this moment
# (a database server's worker processes)
cpu_ticks() {
	local own=$1
	shift
	# the command name is one word here (qingfeng, postgres, floor)
	{ cat "/proc/$own/stat"; [ $# -eq 0 ] || cat /proc/[0-9]*/stat; } 2>/dev/null | awk -v own="$own" -v par=" $* " '
		NR == 1 && $1 == own { t += $14 + $15; next }
		par != "  " && (index(par, " " $1 " ") || index(par, " " $4 " ")) { t += $14 + $15 }
		END { print t + 0 }'
}

# ---------------------------------------------------------------- floor

# floor_build: bench/floor.c into $TMP/floor
floor_build() {
	echo "bench: building bench/floor.c"
	# shellcheck disable=SC2046
	cc -O2 -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter \
		$(pkg-config --cflags libmicrohttpd) -o "$TMP/floor" bench/floor.c \
		$(pkg-config --libs libmicrohttpd) -lpthread
}

# floor_start TAG [THREADS BYTES]: $TMP/floor on a free port; sets
# FLOOR_PORT_TAG and FLOOR_PID_TAG
floor_start() {
	local tag=$1 port pid
	shift
	port=$(free_port)
	"$TMP/floor" "$port" "$@" 2>"$TMP/floor-$tag.log" &
	pid=$!
	bench_track "$pid"
	wait_up "http://127.0.0.1:$port/" "$pid" || die "floor did not start: $(cat "$TMP/floor-$tag.log")"
	printf -v "FLOOR_PORT_$tag" '%s' "$port"
	printf -v "FLOOR_PID_$tag" '%s' "$pid"
}

# ---------------------------------------------------------------- PostgreSQL

# pg_cluster_start: a throw-away cluster (tests/pg.sh start) with a database
# qf_bench; sets QF_PG, QF_PG_DIR, PG_PM (the postmaster), PGDB, PG_VERSION.
# The script's EXIT trap must call pg_cleanup.
pg_cluster_start() {
	echo "bench: starting a throw-away PostgreSQL cluster (tests/pg.sh start)"
	tests/pg.sh start >"$TMP/pg.env" || die "tests/pg.sh start failed"
	eval "$(cat "$TMP/pg.env")"
	if [ -z "${QF_PG:-}" ] || [ ! -d "${QF_PG_DIR:-}/data" ]; then
		die "tests/pg.sh start gave no cluster: $(cat "$TMP/pg.env")"
	fi
	PG_PM=$(head -1 "$QF_PG_DIR/data/postmaster.pid")
	in_range "$PG_PM" 1 4194304 || die "no postmaster pid in $QF_PG_DIR/data/postmaster.pid"
	[ -r "/proc/$PG_PM/stat" ] || die "postmaster $PG_PM is not running"
	psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/postgres" -c "CREATE DATABASE qf_bench" >/dev/null ||
		die "CREATE DATABASE failed"
	PGDB=$QF_PG/qf_bench
	PG_VERSION=$(psql -X -At -v ON_ERROR_STOP=1 "$PGDB" -c "SHOW server_version") || die "psql failed"
}

# pg_cleanup: stops the cluster (when one was started) and what bench_cleanup stops
pg_cleanup() {
	bench_stop_all
	# started, but interrupted before its address was read: pg.env has it
	if [ -z "${QF_PG_DIR:-}" ] && [ -n "$TMP" ] && [ -s "$TMP/pg.env" ]; then
		eval "$(cat "$TMP/pg.env")"
	fi
	if [ -n "${QF_PG_DIR:-}" ] && [ -n "${BENCH_KEEP:-}" ]; then
		# kept to look into (EXPLAIN, the database's log): still running
		echo "bench: the cluster is left running ($TMP/pg.env); stop it with" \
			"QF_PG_DIR=$QF_PG_DIR tests/pg.sh stop" >&2
	elif [ -n "${QF_PG_DIR:-}" ]; then
		QF_PG_DIR=$QF_PG_DIR tests/pg.sh stop
	fi
	bench_cleanup
}

# sql TAG QUERY: one value from TAG's database (sq: $SQDB, pg: $PGDB)
sql() {
	case $1 in
	sq) sqlite3 -batch -cmd '.timeout 5000' "$SQDB" "$2" ;;
	pg) psql -X -At -v ON_ERROR_STOP=1 "$PGDB" -c "$2" ;;
	esac
}

# ---------------------------------------------------------------- national data
# (bench/stats.sh and bench/opinion.sh: bench/gen-national.py's files in $GEN,
# its manifest's tables in $TABLES and row count in $ROWS, loaded into $SQDB
# or $PGDB)

# loaded TABLE: TABLE is one of the loaded tables
loaded() { case " $TABLES " in *" $1 "*) return 0 ;; esac; return 1; }

# in_list: the loaded tables as an SQL list ('units', 'persons', ...)
# shellcheck disable=SC2086  # TABLES: a list
in_list() { printf "'%s'," $TABLES | sed 's/,$//'; }

# state_off TAG: with the rollup, its switch off before the load
# (STATE_TAG=1); without it, nothing (STATE_TAG=0)
state_off() {
	local n
	case $1 in
	sq) n=$(sql sq "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'metric_state'") ;;
	pg) n=$(sql pg "SELECT count(*) FROM pg_tables WHERE tablename = 'metric_state'") ;;
	esac
	printf -v "STATE_$1" '%s' "$n"
	[ "$n" = 1 ] || return 0
	echo "bench: $1: metric_state exists: UPDATE metric_state SET live = 0"
	sql "$1" "UPDATE metric_state SET live = 0" >/dev/null || die "$1: UPDATE metric_state failed"
}

# rebuild TAG DB [OPTION...]: `qingfeng stats rebuild` when the rollup
# exists; sets REBUILD_S_TAG (seconds, or "-")
rebuild() {
	local tag=$1 db=$2 st=STATE_$1 s=-
	shift 2
	if [ "${!st}" = 1 ]; then
		echo "bench: $tag: qingfeng stats rebuild"
		s=$(seconds "$QF_BIN" stats rebuild --db "$db" "$@") || die "$tag: qingfeng stats rebuild failed"
	fi
	printf -v "REBUILD_S_$tag" '%s' "$s"
}

# national_setup PREFIX: bench_setup PREFIX with sqlite3, the cleanup
# traps, and the paths of a national year's scripts: SQDB, GEN
national_setup() {
	bench_setup "$1" sqlite3
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
	SQDB=$TMP/qf.db
	GEN=$TMP/gen
}

# check_rows TAG: every table holds the rows of its file
check_rows() {
	local t n want
	while IFS=$'\t' read -r t _ want; do
		n=$(sql "$1" "SELECT count(*) FROM $t")
		[ "$n" = "$want" ] || die "$1: $t has $n rows, the file $want"
	done <"$GEN/manifest.tsv"
}

# load_sq: the generated files into $SQDB: its indexes on the loaded tables
# dropped, each file imported into a staging table and inserted with \N as
# NULL, in one transaction; the indexes created again from their own SQL;
# ANALYZE.  Sets LOAD_S_sq, INDEX_S_sq.
load_sq() {
	local t cols sel script=$TMP/load-sq.sql
	sql sq "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN ($(in_list))" >"$TMP/indexes-sq.sql"
	{
		echo "PRAGMA synchronous = OFF;"
		echo "PRAGMA cache_size = -1048576;"
		echo "BEGIN;"
		sql sq "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index'
			AND sql IS NOT NULL AND tbl_name IN ($(in_list))"
		echo ".mode tabs"
		while IFS=$'\t' read -r t cols _; do
			sel=$(printf '%s\n' "$cols" | tr ',' '\n' | sed "s/.*/NULLIF(&, '\\\\N')/" | paste -sd,)
			echo "CREATE TEMP TABLE s_$t ($cols);"
			echo ".import $GEN/$t.tsv s_$t"
			echo "INSERT INTO $t ($cols) SELECT $sel FROM s_$t;"
			echo "DROP TABLE s_$t;"
		done <"$GEN/manifest.tsv"
		echo "COMMIT;"
	} >"$script"
	echo "bench: sq: loading $ROWS rows (sqlite3 .import)"
	LOAD_S_sq=$(seconds sqlite3 -batch -bail "$SQDB" <"$script") || die "sq: the load failed ($script)"
	echo "bench: sq: creating $(wc -l <"$TMP/indexes-sq.sql") indexes, ANALYZE"
	INDEX_S_sq=$(seconds sqlite3 -batch -bail "$SQDB" "PRAGMA cache_size = -1048576;" \
		".read $TMP/indexes-sq.sql" "ANALYZE;" "PRAGMA wal_checkpoint(TRUNCATE);") ||
		die "sq: creating the indexes failed"
}

# load_pg: the generated files into $PGDB with \copy (foreign-key triggers
# off: session_replication_role = replica; the same rows pass SQLite's
# foreign_key_check), the indexes that back no constraint dropped and
# created again from their definitions, the identity sequences moved past
# the loaded ids, the kept columns the triggers would have kept
# (outcomes.exec_items: 0070, violation_categories.cases: 0082,
# opinion_requests.lines: 0088, when its lines are loaded) filled as their
# migrations fill them, VACUUM ANALYZE.  Sets LOAD_S_pg, INDEX_S_pg.
load_pg() {
	local t cols script=$TMP/load-pg.sql
	sql pg "SELECT indexdef || ';' FROM pg_indexes i WHERE schemaname = 'public' AND tablename IN ($(in_list))
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)" >"$TMP/indexes-pg.sql"
	{
		echo "SET session_replication_role = replica;"
		echo "BEGIN;"
		sql pg "SELECT 'DROP INDEX ' || indexname || ';' FROM pg_indexes i WHERE schemaname = 'public'
			AND tablename IN ($(in_list))
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
		while IFS=$'\t' read -r t cols _; do
			echo "\\copy $t ($cols) FROM '$GEN/$t.tsv'"
		done <"$GEN/manifest.tsv"
		echo "COMMIT;"
	} >"$script"
	echo "bench: pg: loading $ROWS rows (psql \\copy)"
	LOAD_S_pg=$(seconds psql -X -q -v ON_ERROR_STOP=1 "$PGDB" -f "$script") || die "pg: the load failed ($script)"
	{
		echo "SET maintenance_work_mem = '512MB';"
		cat "$TMP/indexes-pg.sql"
		while IFS=$'\t' read -r t cols _; do
			case $cols in id,*) echo "SELECT setval(pg_get_serial_sequence('$t', 'id'), (SELECT max(id) FROM $t));" ;; esac
		done <"$GEN/manifest.tsv"
		# the columns the schema's triggers keep (off during the load): as their migrations fill them
		echo "UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = outcomes.id)
			WHERE id IN (SELECT outcome_id FROM executions);"
		echo "UPDATE violation_categories SET cases = (SELECT count(*) FROM case_categories k
			WHERE k.category = violation_categories.code);"
		! loaded opinion_lines || echo "UPDATE opinion_requests SET lines = (SELECT count(*) FROM opinion_lines l
			WHERE l.request_id = opinion_requests.id);"
		echo "VACUUM ANALYZE;"
	} >"$TMP/index-pg.sql"
	echo "bench: pg: creating $(wc -l <"$TMP/indexes-pg.sql") indexes, VACUUM ANALYZE"
	INDEX_S_pg=$(seconds psql -X -q -v ON_ERROR_STOP=1 "$PGDB" -f "$TMP/index-pg.sql") ||
		die "pg: creating the indexes failed"
}

# ---------------------------------------------------------------- product

# qf_init DB [OPTION...]: a new database with a case_manager "bench"
# (OPTIONs go to both commands, e.g. --key FILE)
qf_init() {
	local db=$1 log
	shift
	log=$TMP/init.log
	"$QF_BIN" init --db "$db" "$@" --name "基准测试市纪委监委" --region 230100 >"$log" 2>&1 ||
		die "init of $db failed: $(cat "$log")"
	qf_user "$db" bench case_manager "$@"
}

# qf_user DB NAME ROLE [OPTION...]: an account NAME of ROLE with the
# password $PW, ready to log in
qf_user() {
	local db=$1 name=$2 role=$3 log=$TMP/init.log
	shift 3
	printf '%s\n' "$PW" | "$QF_BIN" user add "$name" --role "$role" --password-stdin --db "$db" "$@" \
		>"$log" 2>&1 || die "user add on $db failed: $(cat "$log")"
	# a new account is pending and must change its password at first login
	# (docs/security.md, the account lifecycle): the security admin's step,
	# then the forced change cleared, as tests/http/lib.sh's ready_account
	"$QF_BIN" user enable "$name" --db "$db" "$@" >"$log" 2>&1 || die "user enable on $db failed: $(cat "$log")"
	case $db in
	postgres*) psql -X -q -v ON_ERROR_STOP=1 "$db" -c "UPDATE users SET must_change_pw = 0 WHERE name = '$name'" ;;
	*) sqlite3 -batch -cmd '.timeout 5000' "$db" "UPDATE users SET must_change_pw = 0 WHERE name = '$name'" ;;
	esac >"$log" 2>&1 || die "clearing the forced password change on $db failed: $(cat "$log")"
}

# qf_start TAG LOG DB [OPTION...]: `qingfeng serve` on a free port, its
# log appended to LOG; sets PID_TAG and BASE_TAG.  wrk's connections all
# come from one address: the per-address limit is lifted (an OPTION may
# set it again)
qf_start() {
	local tag=$1 log=$2 db=$3 port pid
	shift 3
	port=$(free_port)
	"$QF_BIN" serve --db "$db" --max-per-address 0 "$@" --listen "127.0.0.1:$port" >>"$log" 2>&1 &
	pid=$!
	bench_track "$pid"
	printf -v "PID_$tag" '%s' "$pid"
	printf -v "BASE_$tag" '%s' "http://127.0.0.1:$port"
	wait_up "http://127.0.0.1:$port/healthz" "$pid" || die "server $tag did not start (log: $log)"
}

# qf_login TAG [USER]: the login dance of tests/http/lib.sh (GET /login
# sets qf_pre; POST it back) as USER (default bench), then the CSRF token
# from /api/me; sets JAR_TAG, SESSION_TAG and CSRF_TAG
qf_login() {
	local tag=$1 user=${2:-bench} base jar pre st v
	base=BASE_$tag
	base=${!base}
	jar=$TMP/cookies.$tag
	curl -s -c "$jar" -b "$jar" "$base/login" >/dev/null || die "$tag: GET /login failed"
	pre=$(awk '$6 == "qf_pre" {print $7}' "$jar")
	[ -n "$pre" ] || die "$tag: GET /login set no qf_pre cookie"
	st=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
		--data-urlencode "csrf=$pre" --data-urlencode "username=$user" \
		--data-urlencode "password=$PW" "$base/login")
	[ "$st" = 303 ] || [ "$st" = 302 ] || die "$tag: login answered $st"
	v=$(awk '$6 == "qf_session" {print $7}' "$jar")
	[ -n "$v" ] || die "$tag: login set no qf_session cookie"
	printf -v "SESSION_$tag" '%s' "$v"
	printf -v "JAR_$tag" '%s' "$jar"
	v=$(curl -s -b "$jar" "$base/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf"])') ||
		die "$tag: no CSRF token from /api/me"
	[ -n "$v" ] || die "$tag: no CSRF token from /api/me"
	printf -v "CSRF_$tag" '%s' "$v"
}

# qf_post TAG PATH JSON: prints the body; fails unless 200/201
qf_post() {
	local base=BASE_$1 jar=JAR_$1 csrf=CSRF_$1 out st
	out=$(curl -s -w '\n%{http_code}' -b "${!jar}" -X POST -H "X-CSRF-Token: ${!csrf}" \
		-H 'Content-Type: application/json' --data "$3" "${!base}$2")
	st=${out##*$'\n'}
	case "$st" in 200|201) printf '%s\n' "${out%$'\n'*}" ;; *) echo "bench: $1: POST $2 answered $st: ${out%$'\n'*}" >&2; return 1 ;; esac
}

json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

# qf_populate TAG: 1 unit and $N_PERSONS persons through the JSON API; sets
# UNIT_TAG and PERSON_TAG (the first person's id)
qf_populate() {
	local tag=$1 unit i out
	unit=$(qf_post "$tag" /api/units '{"name":"基准测试局","kind":"department"}' | json_id) ||
		die "$tag: unit create failed"
	printf -v "UNIT_$tag" '%s' "$unit"
	for i in $(seq 1 "$N_PERSONS"); do
		out=$(qf_post "$tag" /api/persons "{\"name\":\"测试人员$i\",\"unit_id\":$unit,\"rank\":\"section\",\"position\":\"科长$i\",\"top_leader\":false}") ||
			die "$tag: person $i create failed"
		[ "$i" -gt 1 ] || printf -v "PERSON_$tag" '%s' "$(printf '%s' "$out" | json_id)"
	done
}

# qf_list_page TAG: checks that GET /persons?per=$PER answers 200 with $PER
# rows for TAG's session; sets LIST_BYTES_TAG (the page's size)
qf_list_page() {
	local base=BASE_$1 session=SESSION_$1 page rows
	page=$(curl -s -w '\n%{http_code}' -H "Cookie: qf_session=${!session}" "${!base}/persons?per=$PER")
	[ "${page##*$'\n'}" = 200 ] || die "$1: /persons?per=$PER answered ${page##*$'\n'}"
	rows=$(printf '%s' "$page" | grep -o '<tr><td><a href="/persons/[0-9]*"' | wc -l)
	[ "$rows" -eq "$PER" ] || die "$1: /persons?per=$PER has $rows rows, want $PER"
	printf -v "LIST_BYTES_$1" '%s' "$(printf '%s' "${page%$'\n'*}" | wc -c)"
}

# ---------------------------------------------------------------- wrk

# wrk_ms PCT: from wrk --latency output on stdin, the latency at PCT
# ("     99%    3.18ms") in milliseconds
wrk_ms() {
	awk -v pct="$1" '$1 == pct {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
		f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
		printf "%.2f", v * f }'
}

# run_wrk NAME CONNS "PID [PARENT...]" URL BYTES [wrk option...]: a warm-up
# of $WARM s, then $SECS s measured with CONNS connections and
# min($WTHREADS, CONNS) threads.  Sets RPS_NAME, P99_NAME (ms), N_NAME
# (requests answered), CPU_NAME (PID's CPU microseconds per request),
# XCPU_NAME (the same for the PARENTs and their children), SOCKERR_NAME
# (connect, read and write errors), TIMEOUT_NAME and BUSIEST_NAME (the
# share in % of PID's CPU time that its busiest thread used), and keeps wrk's
# output in $TMP/wrk-NAME.txt; P50_NAME is the median latency (ms).  BYTES is the body size of the answer: wrk
# counts a 3xx as a success, so the average answer must be at least that
# large (a lost session would show as a redirect to /login, much smaller).
# Any answer that is not 2xx/3xx stops the benchmark.  If RUN_WRK_AFTER_WARM
# names a function, it runs between the warm-up and the measured run.
run_wrk() {
	local name=$1 conns=$2 own=${3%% *} extra='' url=$4 body=$5 thr out rps p99 bad n c0 c1 x0 x1 t0 t1 avg errs
	case $3 in *' '*) extra=${3#* } ;; esac
	shift 5
	thr=$(( WTHREADS < conns ? WTHREADS : conns ))
	set -- -t"$thr" -c"$conns" "$@"
	wrk "$@" -d"${WARM}s" "$url" >/dev/null 2>&1 || true
	[ -z "${RUN_WRK_AFTER_WARM:-}" ] || "$RUN_WRK_AFTER_WARM"
	echo "bench: wrk -t$thr -c$conns -d${SECS}s --latency $url"
	c0=$(cpu_ticks "$own") t0=$(task_ticks "$own")
	# shellcheck disable=SC2086  # extra: a list of pids
	x0=$(cpu_ticks 0 $extra)
	out=$(wrk "$@" -d"${SECS}s" --latency "$url") || die "wrk failed on $url"
	c1=$(cpu_ticks "$own") t1=$(task_ticks "$own")
	# shellcheck disable=SC2086
	x1=$(cpu_ticks 0 $extra)
	kill -0 "$own" 2>/dev/null || die "$name: the server died during the run"
	printf '%s\n' "$out" >"$TMP/wrk-$name.txt"
	rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ {print $2}')
	n=$(printf '%s\n' "$out" | awk '/ requests in / {print $1}')
	p99=$(printf '%s\n' "$out" | wrk_ms 99%)
	printf -v "P50_$name" '%s' "$(printf '%s\n' "$out" | wrk_ms 50%)"
	bad=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx responses:/ {print $NF}')
	[ -z "$bad" ] || die "$name: $bad answers were not 2xx/3xx (Non-2xx; $TMP/wrk-$name.txt)"
	# "  Socket errors: connect 0, read 0, write 0, timeout 22": a timeout is
	# an answer slower than wrk's 2 s, left out of its latency figures
	errs=$(printf '%s\n' "$out" | awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8, $10 }')
	[ -z "$errs" ] || echo "bench: $name: $(printf '%s\n' "$out" | grep 'Socket errors')"
	errs=${errs:-0 0}
	printf -v "SOCKERR_$name" '%s' "${errs% *}"
	printf -v "TIMEOUT_$name" '%s' "${errs#* }"
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
	# the busiest thread's share of PID's CPU time during the run, in %
	printf -v "BUSIEST_$name" '%s' "$(printf '%s\n--\n%s\n' "$t0" "$t1" | awk '
		$1 == "--" { after = 1; next }
		!after { b[$1] = $2; next }
		{ d = $2 - b[$1]; t += d; if (d > m) m = d }
		END { print t ? int(100 * m / t + 0.5) : 0 }')"
	printf -v "RPS_$name" '%s' "$rps"
	printf -v "P99_$name" '%s' "$p99"
	printf -v "N_$name" '%s' "$n"
	printf -v "CPU_$name" '%s' "$(( (c1 - c0) * 1000000 / TICK / n ))"
	printf -v "XCPU_$name" '%s' "$(( (x1 - x0) * 1000000 / TICK / n ))"
}
