# lib.sh: shared by the black-box tests (tests/http/t*.sh) and the browser
# tests.  Each test script sources it, starts the real binary on a free
# port against a fresh database in a temporary folder, drives it with curl,
# and reports TAP lines ("ok N - what" / "not ok N - what") that
# tests/run-all.sh counts.
#
#   QF_BIN   the binary under test (default build/san/qingfeng: ASan+UBSan)
#   QF_KEEP  keep the temporary folder when set

set -u
QF_BIN=${QF_BIN:-build/san/qingfeng}
QF_BIN=$(cd "$(dirname "$QF_BIN")" && pwd)/$(basename "$QF_BIN")
T_N=0
T_FAILED=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

T_DIR=$(mktemp -d /tmp/qf-test.XXXXXX)
DB=$T_DIR/qf.db
export QINGFENG_DB=$DB
JAR=$T_DIR/cookies
SERVER_PID=

cleanup() {
	stop_server
	if [ -z "${QF_KEEP:-}" ]; then rm -rf "$T_DIR"; else echo "# kept $T_DIR"; fi
}
trap cleanup EXIT

ok() { T_N=$((T_N + 1)); echo "ok $T_N - $*"; }
not_ok() { T_N=$((T_N + 1)); T_FAILED=$((T_FAILED + 1)); echo "not ok $T_N - $*"; }
# check DESCRIPTION COMMAND...: ok when the command succeeds
check() { local d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
# expect_eq DESCRIPTION WANT GOT
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (want '$2', got '$3')"; fi; }
# expect_contains DESCRIPTION NEEDLE HAYSTACK
expect_contains() { case "$3" in *"$2"*) ok "$1" ;; *) not_ok "$1 (no '$2')" ;; esac; }
finish() { [ "$T_FAILED" -eq 0 ]; exit $?; }

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# init_db: a fresh database; sets ADMIN_PW.  Creates staff users
# cm (case_manager), clerk (intake), town (township), auditor (auditadmin)
# all with password $PW.
PW='Qingfeng#2022'
init_db() {
	local out
	out=$("$QF_BIN" init --db "$DB" --name "测试市纪委监委" --region 230100) || return 1
	ADMIN_PW=$(printf '%s\n' "$out" | sed -n "s/.*password (shown once): //p")
	for u in cm:case_manager clerk:intake auditor:auditadmin; do
		printf '%s\n' "$PW" | "$QF_BIN" user add "${u%%:*}" --role "${u#*:}" --password-stdin --db "$DB" >/dev/null || return 1
	done
}

# start_server [extra serve options]: on a free port; sets PORT, BASE
start_server() {
	PORT=$(free_port)
	BASE=http://127.0.0.1:$PORT
	"$QF_BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" "$@" >>"$T_DIR/serve.log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 100); do
		curl -sf "$BASE/healthz" >/dev/null 2>&1 && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "# server did not start:"; sed 's/^/# /' "$T_DIR/serve.log"
	return 1
}

stop_server() {
	if [ -n "$SERVER_PID" ]; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_LAST_RC=$?
		SERVER_PID=
	fi
}

# server_clean: the log has no sanitizer report
server_clean() { ! grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T_DIR/serve.log"; }

# login USER PASSWORD [JAR]: prints the HTTP status of the login POST
login() {
	local jar=${3:-$JAR} pre
	rm -f "$jar"
	curl -s -c "$jar" -b "$jar" "$BASE/login" >/dev/null
	pre=$(awk '$6 == "qf_pre" {print $7}' "$jar")
	curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
		--data-urlencode "csrf=$pre" --data-urlencode "username=$1" --data-urlencode "password=$2" \
		"$BASE/login"
}

# csrf_of [JAR]: the session's CSRF token (from /api/me)
csrf_of() {
	curl -s -b "${1:-$JAR}" "$BASE/api/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf"])'
}

# api METHOD PATH [JSON] [JAR]: prints body, then the status on the last line
api() {
	local jar=${4:-$JAR} tok
	tok=$(csrf_of "$jar")
	curl -s -w '\n%{http_code}' -b "$jar" -X "$1" -H "X-CSRF-Token: $tok" \
		-H 'Content-Type: application/json' ${3:+--data "$3"} "$BASE$2"
}

# sql STATEMENT: run against the database with the sqlite3 shell
sql() { sqlite3 "$DB" "$1"; }
