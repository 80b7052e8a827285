# lib.sh: shared by the black-box tests (tests/http/t*.sh) and the browser
# tests.  Each test script sources it, starts the real binary on a free
# port against a fresh database in a temporary folder, drives it with curl,
# and reports TAP lines ("ok N - what" / "not ok N - what") that
# tests/run-all.sh counts.
#
#   QF_BIN   the binary under test (default build/san/qingfeng: ASan+UBSan)
#   QF_KEEP  keep the temporary folder when set
#   QF_PG    a PostgreSQL server URI without a database name (tests/pg.sh
#            start prints it): each test then gets a fresh database on it
#            instead of a SQLite file, dropped at the end.  BACKEND says
#            which ("sqlite" or "pg"); `sql` runs a statement on either.

set -u
# python3 is called a few hundred times a test.  Through pyenv's shim each
# call runs a dozen bash scripts (325 ms on these machines, most of a test's
# CPU); the interpreter itself starts in 25 ms.  The tests use only the
# standard library, so the system's interpreter will do when there is one.
if [ -z "${QF_PY:-}" ]; then
	if [ -x /usr/bin/python3 ]; then QF_PY=/usr/bin/python3
	else QF_PY=$(command python3 -c 'import sys; print(sys.executable)'); fi
	export QF_PY
fi
python3() { "$QF_PY" "$@"; }
export -f python3
QF_BIN=${QF_BIN:-build/san/qingfeng}
QF_BIN=$(cd "$(dirname "$QF_BIN")" && pwd)/$(basename "$QF_BIN")
T_N=0
T_FAILED=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

T_DIR=$(mktemp -d /tmp/qf-test.XXXXXX)
if [ -n "${QF_PG:-}" ]; then
	BACKEND=pg
	PG_DBNAME=qf_$(basename "$T_DIR" | tr -c 'a-zA-Z0-9\n' '_' | tr 'A-Z' 'a-z')
	psql -q "$QF_PG/postgres" -c "CREATE DATABASE $PG_DBNAME" >/dev/null || exit 1
	DB=$QF_PG/$PG_DBNAME
	KEY=$T_DIR/qf.key                # no file to sit beside: named explicitly
	export QINGFENG_KEY=$KEY
else
	BACKEND=sqlite
	DB=$T_DIR/qf.db
	KEY=$DB.key                      # the default place, beside the database
fi
export QINGFENG_DB=$DB
JAR=$T_DIR/cookies
H=$T_DIR/h          # http_get prefix: $H.h headers, $H.b body (tests may change it)
SERVER_PID=

cleanup() {
	stop_server
	# a second instance (the public channel's tests keep its pid in P_PID)
	if [ -n "${P_PID:-}" ] && kill -0 "$P_PID" 2>/dev/null; then
		kill -TERM "$P_PID" 2>/dev/null
		wait "$P_PID" 2>/dev/null
	fi
	if [ "$BACKEND" = pg ] && [ -z "${QF_KEEP:-}" ]; then
		local d
		# the test's database and the extra ones of pg_newdb (named after it)
		for d in $(psql -X -At "$QF_PG/postgres" -c \
			"SELECT datname FROM pg_database WHERE datname = '$PG_DBNAME' OR datname LIKE '${PG_DBNAME}\\_%'" 2>/dev/null); do
			psql -q "$QF_PG/postgres" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1
		done
	fi
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
finish() { audit_protected_check; [ "$T_FAILED" -eq 0 ]; exit $?; }

# protect VALUE...: protected values the test wrote (person names, ID
# numbers, reporters and their contacts, summaries, notes, typed reasons).
# finish then checks, as one more TAP line, that the audit log (the whole
# audit_log table of $DB, every column) holds none of them (issue 8,
# failure 2: 留置：<name> in the audit details).
PROTECTED=()
protect() { local v; for v in "$@"; do [ -n "$v" ] && PROTECTED+=("$v"); done; return 0; }
audit_protected_check() {
	local v found= first=
	[ ${#PROTECTED[@]} -gt 0 ] || return 0
	if ! sql "SELECT * FROM audit_log" >"$T_DIR/audit_rows.txt" ||
	   ! [ -s "$T_DIR/audit_rows.txt" ]; then
		not_ok "the audit log can be read for protected values"
		return
	fi
	for v in "${PROTECTED[@]}"; do
		grep -qF -- "$v" "$T_DIR/audit_rows.txt" && found="$found '$v'" && first=${first:-$v}
	done
	if [ -z "$found" ]; then
		ok "the audit log holds none of the ${#PROTECTED[@]} protected values written"
	else
		not_ok "the audit log holds protected values:$found"
		grep -F -- "$first" "$T_DIR/audit_rows.txt" | head -3 | sed 's/^/# /'
	fi
}

free_port() {   # free on every IPv4 and IPv6 address where the machine has IPv6
	python3 -c '
import socket
try:
    s = socket.socket(socket.AF_INET6)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", 0))
except OSError:
    s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1]); s.close()
'
}

# init_db: a fresh database; sets ADMIN_PW.  Creates staff users
# cm (case_manager), clerk (intake), auditor (auditadmin)
# all with password $PW.  The admin is made ready to use (ready_account).
PW='Qingfeng#2022'
init_db() {
	local out
	out=$("$QF_BIN" init --db "$DB" --name "测试市纪委监委" --region 230100) || return 1
	ADMIN_PW=$(printf '%s\n' "$out" | sed -n "s/.*password (shown once): //p")
	ready_account admin || return 1
	add_users cm:case_manager clerk:intake auditor:auditadmin
}

# ready_account NAME: the tests' shortcut past the account lifecycle
# (docs/security.md): an account made by `init` or `user add` must choose
# a new password at its first login, and one made by `user add` waits for
# the security admin's `user enable`.  A test that is not about that
# enables the account (the real command, audited) and clears the
# password-change flag in the database directly: the product has no way
# to skip the rule for real accounts.
ready_account() {
	"$QF_BIN" user enable "$1" --db "$DB" >/dev/null || return 1
	sql "UPDATE users SET must_change_pw = 0 WHERE name = '$1'" >/dev/null
}

# ready_user NAME [user add options]: `qingfeng user add NAME ...` with
# password $PW on standard input (give --password-stdin), then
# ready_account NAME
ready_user() {
	printf '%s\n' "$PW" | "$QF_BIN" user add "$@" || return 1
	ready_account "$1"
}

# add_users NAME:ROLE ...: more staff users, password $PW, ready to use
add_users() {
	local u
	for u in "$@"; do
		ready_user "${u%%:*}" --role "${u#*:}" --password-stdin --db "$DB" >/dev/null || return 1
	done
}

# served: the server $SERVER_PID holds the listening socket on $PORT (waits
# while it is alive).  An answer on $PORT alone does not say whose: the
# suite's two passes run side by side, and another test's server may hold
# the port free_port gave while ours fails to bind it.  Read from /proc,
# whatever the log level: the socket's inode in /proc/net/tcp{,6}, then
# among the server's descriptors.
served() {
	local hex ino
	hex=$(printf ':%04X' "$PORT")
	while kill -0 "$SERVER_PID" 2>/dev/null; do
		for ino in $(awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { print $10 }' \
			/proc/net/tcp /proc/net/tcp6 2>/dev/null); do
			ls -l "/proc/$SERVER_PID/fd" 2>/dev/null | grep -q "socket:\[$ino\]" && return 0
		done
		sleep 0.05
	done
	return 1
}

# start_server [extra serve options]: on a free port; sets PORT, BASE.
# LISTEN_HOST is the host of --listen (default 127.0.0.1; "[::1]", "[::]")
# and URL_HOST the host of BASE (default LISTEN_HOST); URL_SCHEME its scheme
# (default http; https for a server given --tls-cert, whose certificate
# curl must then trust, e.g. through CURL_CA_BUNDLE).  A port found free
# can be taken by another process before the server binds it (other tests
# run beside this one): the server then exits with "Address already in
# use", and another port is tried.
start_server() {
	local lh=${LISTEN_HOST:-127.0.0.1} try mark
	for try in 1 2 3 4 5; do
		PORT=$(free_port)
		BASE=${URL_SCHEME:-http}://${URL_HOST:-$lh}:$PORT
		mark=$(wc -l 2>/dev/null <"$T_DIR/serve.log" || echo 0)
		"$QF_BIN" serve --db "$DB" --listen "$lh:$PORT" "$@" >>"$T_DIR/serve.log" 2>&1 &
		SERVER_PID=$!
		for _ in $(seq 1 100); do
			curl -sf "$BASE/healthz" >/dev/null 2>&1 && served && return 0
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -0 "$SERVER_PID" 2>/dev/null && break
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=
		tail -n +"$((mark + 1))" "$T_DIR/serve.log" | grep -q 'Address already in use' || break
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

# For api's output (the body, then the status on the last line):
# body OUT, status OUT; and jget EXPR reading JSON on stdin, printing
# eval("d" + EXPR), e.g. jget '["items"][0]["id"]'
body() { head -n -1 <<<"$1"; }
status() { tail -n 1 <<<"$1"; }
jget() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval("d"+sys.argv[1]))' "$1"; }

# fresh_server [USER:ROLE ...]: a fresh database (with those accounts), the server, and
# cm logged in into $JAR; a failure there ends the test
fresh_server() {
	init_db || { not_ok "init"; finish; }
	[ $# -eq 0 ] || add_users "$@" || { not_ok "users"; finish; }
	start_server || { not_ok "server starts"; finish; }
	expect_eq "cm logs in" 303 "$(login cm "$PW")"
}
# big_units PREFIX: JSON Lines of the units PREFIX一局 (U1) and PREFIX二局 (U2) and 10,030
# persons P1..P10030 named PREFIX干部NNNNN, the first 10,000 in U1: a list past the count cap
big_units() {
	python3 - "$1" <<'PY'
import json, sys
w = lambda o: print(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
pre = sys.argv[1]
w({"type": "unit", "id": "U1", "name": pre + "一局", "kind": "department", "parent": None})
w({"type": "unit", "id": "U2", "name": pre + "二局", "kind": "department", "parent": None})
for p in range(1, 10031):
    w({"type": "person", "id": f"P{p}", "name": f"{pre}干部{p:05d}", "unit": "U1" if p <= 10000 else "U2",
       "position": "科员", "rank": "staff", "top_leader": False, "leadership": False, "party_member": True})
PY
}
# close_approved CLUE_ID: $JAR's account proposes closing the clue (初核后了结) and the
# principal leader `lead`, made here and logged in into $LJ, approves it on 2022-06-01
close_approved() {
	local d
	api POST "/api/clues/$1/dispositions" '{"method":"close","reason":"初核后拟了结"}' >/dev/null
	ready_user lead --role leader --principal --password-stdin >/dev/null
	LJ=$T_DIR/lead.jar
	login lead "$PW" "$LJ" >/dev/null
	d=$(sql "SELECT max(id) FROM dispositions WHERE state = 'proposed'")
	api POST "/api/dispositions/$d/decision" '{"approve":true,"day":"2022-06-01"}' "$LJ" >/dev/null
}
# new_unit NAME KIND: a unit made through the API (as $JAR's account), its id
new_unit() { body "$(api POST /api/units "{\"name\":\"$1\",\"kind\":\"$2\"}")" | jget '["id"]'; }
# new_person NAME UNIT [POSITION]: a person of section rank made through the API, its id
new_person() {
	body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$2,\"rank\":\"section\"${3:+,\"position\":\"$3\"}}")" |
		jget '["id"]'
}

# wrong_token TOKEN: the token with its last character changed (never the
# same token, whatever its last character was)
wrong_token() {
	case "$1" in *A) printf '%sB' "${1%?}" ;; *) printf '%sA' "${1%?}" ;; esac
}

# sql STATEMENT: run against the database with the sqlite3 shell or psql
# (rows one a line, columns separated by |)
sql() {
	local rc
	sql_beside "$1"
	rc=$?
	case $1 in
	[Uu][Pp][Dd][Aa][Tt][Ee]*|[Dd][Ee][Ll][Ee][Tt][Ee]*|[Ii][Nn][Ss][Ee][Rr][Tt]*) data_changed ;;
	esac
	return $rc
}
# sql_beside STATEMENT: the statement alone.  sql, given a write, then moves
# the data's version (data_changed) as an administrator's correction in SQL
# must (docs/operations.md "A correction in SQL"): without it the servers
# go on serving the lists they kept (pages/list_kept.c) until the next
# write through qingfeng.  t230 uses sql_beside to see that they do.
sql_beside() {
	if [ "$BACKEND" = pg ]; then
		psql -X -q -At -v ON_ERROR_STOP=1 "$DB" -c "$1"
	else
		sqlite3 "$DB" "$1"
	fi
}
# data_changed: the data's version moved (migration 0067); nothing before it
data_changed() { sql_beside "UPDATE data_version SET n = n + 1 WHERE id = 1" >/dev/null 2>&1; return 0; }
# now_sql: the SQL expression of the current Unix time on this backend
now_sql() { if [ "$BACKEND" = pg ]; then echo "extract(epoch from now())::bigint"; else echo "strftime('%s','now')"; fi; }

# pg_newdb NAME [TEMPLATE_URI]: PostgreSQL only: a further database for
# this test (empty, or a copy of TEMPLATE's database, which nobody may be
# connected to), dropped at the end with the test's own; prints its URI
pg_newdb() {
	local name=${PG_DBNAME}_$1
	psql -X -q "$QF_PG/postgres" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1
	psql -X -q -v ON_ERROR_STOP=1 "$QF_PG/postgres" \
		-c "CREATE DATABASE $name${2:+ TEMPLATE ${2##*/}}" >/dev/null || return 1
	echo "$QF_PG/$name"
}

# db_dump [DB]: everything stored, as SQL text (sqlite3 .dump or pg_dump);
# fails when the dump does (so "not in the dump" cannot pass by accident)
db_dump() {
	local db=${1:-$DB}
	if [ "$BACKEND" = pg ]; then
		pg_dump --no-owner --no-privileges "$db"
	else
		[ -f "$db" ] && sqlite3 "$db" .dump
	fi
}

# dump_lacks STRING [DB]: the database's dump works, holds the audit log,
# and has no STRING in it
dump_lacks() {
	db_dump "${2:-$DB}" >"$T_DIR/dump.sql" || return 1
	grep -q 'audit_log' "$T_DIR/dump.sql" || return 1
	! grep -qF -- "$1" "$T_DIR/dump.sql"
}

# db_fingerprint [DB]: a checksum of the database's content (the file on
# SQLite, the dump on PostgreSQL, without the random key of its
# \restrict lines)
db_fingerprint() {
	if [ "$BACKEND" = pg ]; then
		db_dump "${1:-$DB}" | grep -vE '^\\(un)?restrict ' | sha256sum
	else
		sha256sum <"${1:-$DB}"
	fi
}

# db_tables [DB]: how many tables the database holds (0 for a file that
# does not exist, or an empty PostgreSQL database)
db_tables() {
	local db=${1:-$DB}
	if [ "$BACKEND" = pg ]; then
		psql -X -q -At -v ON_ERROR_STOP=1 "$db" \
			-c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
	elif [ -f "$db" ]; then
		sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	else
		echo 0
	fi
}

# db_check [DB]: the storage engine's own consistency check; prints "ok"
# when sound.  SQLite: PRAGMA integrity_check.  PostgreSQL: amcheck (every
# table's heap with verify_heapam, every B-tree index with bt_index_check
# including that each heap row is in it).
db_check() {
	local db=${1:-$DB}
	if [ "$BACKEND" = pg ]; then
		psql -X -q -At -v ON_ERROR_STOP=1 "$db" 2>&1 <<-'SQL'
		SET client_min_messages = warning;
		CREATE EXTENSION IF NOT EXISTS amcheck;
		\o /dev/null
		SELECT bt_index_check(c.oid, true)
		  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
		 WHERE n.nspname = 'public' AND c.relkind = 'i' AND a.amname = 'btree';
		\o
		SELECT CASE WHEN count(v.msg) = 0 AND count(DISTINCT c.oid) > 0 THEN 'ok'
		            ELSE 'corrupt: ' || coalesce(string_agg(c.relname || ' ' || v.msg, '; '), 'no tables') END
		  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		  LEFT JOIN LATERAL verify_heapam(c.oid) v ON true
		 WHERE n.nspname = 'public' AND c.relkind = 'r';
		SQL
	else
		sqlite3 "$db" "PRAGMA integrity_check" 2>&1
	fi
}

# ---- helpers of the black-box suites t10..t90 -------------------------

# rollup_eq PERIOD [SCOPE]: `qingfeng report --format json PERIOD SCOPE`
# (words) reads the same through the statistics rollup as through the live
# statements (QF_METRICS_LIVE=1); a check, with the difference on failure
rollup_eq() {
	local a b
	# shellcheck disable=SC2086  # PERIOD and SCOPE: options
	a=$("$QF_BIN" report --format json $1 $2 2>&1)
	# shellcheck disable=SC2086
	b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --format json $1 $2 2>&1)
	if [ -n "$a" ] && [ "$a" = "$b" ]; then
		ok "rollup = live: $1 ${2:-(no scope)}"
	else
		not_ok "rollup = live: $1 ${2:-(no scope)}"
		diff <(echo "$a") <(echo "$b") | head -20 | sed 's/^/# /'
	fi
}

# run_cli ARGS...: runs the binary; sets RC, OUT (stdout), ERR (stderr).
# Standard input passes through.  Every stderr is also kept in cli.log so
# a script can check that no CLI run printed a sanitizer report.
run_cli() {
	"$QF_BIN" "$@" >"$T_DIR/cli.out" 2>"$T_DIR/cli.err"
	RC=$?
	OUT=$(cat "$T_DIR/cli.out")
	ERR=$(cat "$T_DIR/cli.err")
	cat "$T_DIR/cli.err" >>"$T_DIR/cli.log"
}
# cli_clean: no CLI run so far printed a sanitizer report
cli_clean() { ! grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T_DIR/cli.log" 2>/dev/null; }
# import_fixture FILE [WHAT]: `qingfeng import` of FILE into $DB as a check
# ("WHAT imports", WHAT "the fixture" unless given), the first lines of its
# errors as TAP comments when it fails
import_fixture() {
	run_cli import --db "$DB" "$1"
	expect_eq "${2:-the fixture} imports" 0 "$RC"
	[ "$RC" = 0 ] || printf '# %s\n' "$ERR" | head -5
}
# report_value KEY [report options...]: KEY's value in `qingfeng report --format json`
report_value() {
	local key=$1
	shift
	run_cli report --format json "$@"
	printf '%s' "$OUT" | python3 -c "import json,sys; print({m['key']: m['value'] for m in json.load(sys.stdin)['metrics']}['$key'])"
}

# http_status [curl args...] URL: the status code only
http_status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# http_get OUTPREFIX [curl args...] URL: headers in OUTPREFIX.h (CR
# stripped), body in OUTPREFIX.b; prints the status
http_get() {
	local p=$1 st
	shift
	st=$(curl -s -D "$p.h.raw" -o "$p.b" -w '%{http_code}' "$@")
	tr -d '\r' <"$p.h.raw" >"$p.h"
	printf '%s' "$st"
}

# header_of FILE NAME: the value of a header in a saved header file
# (case-insensitive name; the last one when repeated)
header_of() {
	awk -v n="$(printf '%s' "$2" | tr 'A-Z' 'a-z')" -F': ' \
		'tolower($1) == n { sub(/^[^:]*: /, ""); v = $0 } END { print v }' "$1"
}

# cookie_value NAME [JAR]: a cookie's value in a curl cookie jar
cookie_value() { awk -v n="$1" '$6 == n {print $7}' "${2:-$JAR}"; }

# audit_count EVENT [OBJECT]: rows of audit_log with that event (and object)
audit_count() {
	if [ $# -ge 2 ]; then
		sql "SELECT count(*) FROM audit_log WHERE event = '$1' AND object = '$2'"
	else
		sql "SELECT count(*) FROM audit_log WHERE event = '$1'"
	fi
}

# totp_code SECRET [STEP_OFFSET]: the RFC 6238 code (SHA-1, 30 s, 6 digits)
totp_code() {
	python3 - "$1" "${2:-0}" <<'PY'
import base64, hashlib, hmac, struct, sys, time
s = sys.argv[1].strip().upper()
key = base64.b32decode(s + "=" * ((8 - len(s) % 8) % 8))
ctr = int(time.time()) // 30 + int(sys.argv[2])
h = hmac.new(key, struct.pack(">Q", ctr), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}

# kill_server_hard: SIGKILL the server (a crash), forget it
kill_server_hard() {
	if [ -n "$SERVER_PID" ]; then
		kill -KILL "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=
	fi
}

# --- admin sign-in with the second factor ($H: prefix of saved answers) ---
# idnum PREFIX17: an 18-character ID number with its GB 11643 check character
idnum() {
	python3 -c 'import sys; s=sys.argv[1]; w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
print(s + "10X98765432"[sum(int(a)*b for a,b in zip(s,w)) % 11])' "$1"
}

# form_csrf FILE: the first csrf input of a saved page
form_csrf() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
# form_pow FILE [bad]: the proof of work of the first form in a saved
# public page (src/core/pow.h): the nonce that gives SHA-256(its csrf
# token || nonce) the form's data-pow leading zero bits; with "bad" the
# first nonce that does not
form_pow() {
	python3 - "$(form_csrf "$1")" "$(grep -o 'data-pow="[0-9]*"' "$1" | head -1 | tr -dc 0-9)" "${2:-}" <<'PY'
import hashlib, sys
c, bits, n = sys.argv[1].encode(), int(sys.argv[2] or 0), 0
want_bad = sys.argv[3] == "bad"
while (int.from_bytes(hashlib.sha256(c + str(n).encode()).digest(), 'big') >> (256 - bits) == 0) == want_bad:
    n += 1
print(n)
PY
}

# make_png FILE W H [TEXT [tiny]]: a PNG of W x H random pixels, TEXT (if
# any) in a tEXt chunk; with "tiny" the header claims W x H over a 10-byte
# body (a decompression bomb's header)
make_png() {
	python3 - "$@" <<'PY'
import os, struct, sys, zlib
f, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = sys.argv[4].encode() if len(sys.argv) > 4 else b""
def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
if len(sys.argv) > 5 and sys.argv[5] == "tiny":
    rows = b"\0" * 10
else:
    rows = b"".join(b"\0" + os.urandom(w * 3) for _ in range(h))
open(f, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                    + (chunk(b"tEXt", b"Comment\0" + text) if text else b"")
                    + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))
PY
}

# ---- office documents: well-formed XML and LibreOffice (t172, t174, t178, t182, t183, t205) ----
# xml_parts_bad DIR: the XML parts (*.xml, *.rels) under an unzipped
# document that xmllint does not read as well formed, space-separated,
# empty when all are (xmllint's words in $T_DIR/xmllint.log)
xml_parts_bad() {
	local part bad=""
	while IFS= read -r part; do
		xmllint --noout "$part" 2>>"$T_DIR/xmllint.log" || bad="$bad ${part#"$1"/}"
	done < <(find "$1" -type f \( -name '*.xml' -o -name '*.rels' \))
	printf '%s' "$bad"
}
# office_tools [--sqlite] TOOL...: 0 when every tool is installed (and, with
# --sqlite, this is the SQLite pass: LibreOffice is slow and the document the
# same on both backends); otherwise one TAP line, a failure in CI for a
# missing tool (scripts/install-deps test installs them) and a skip
# elsewhere, and 1
office_tools() {
	local t missing=""
	if [ "$1" = --sqlite ]; then
		shift
		if [ "$BACKEND" != sqlite ]; then
			ok "# SKIP the LibreOffice conversion runs on the SQLite pass"
			return 1
		fi
	fi
	for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing="$missing $t"; done
	[ -z "$missing" ] && return 0
	if [ -n "${CI:-}" ]; then
		not_ok "not installed:$missing (scripts/install-deps test installs it)"
	else
		ok "# SKIP not installed:$missing"
	fi
	return 1
}
# lo_convert FORMAT OUTDIR FILE...: LibreOffice converts the files, headless,
# with the test's own profile (no clash with another soffice), at most 180 s;
# its words appended to $T_DIR/soffice.log
lo_convert() {
	local fmt=$1 out=$2
	shift 2
	timeout 180 soffice -env:UserInstallation="file://$T_DIR/lo" --headless --convert-to "$fmt" \
		--outdir "$out" "$@" >>"$T_DIR/soffice.log" 2>&1
}

# pow_data FILE: "csrf=TOKEN&pow=NONCE" for the first form of a saved
# public page (the token is base64url: no encoding needed)
pow_data() { printf 'csrf=%s&pow=%s' "$(form_csrf "$1")" "$(form_pow "$1")"; }

# secret_of FILE: the base32 secret shown on an enrolment page
secret_of() { sed -n 's/.*<code>\([A-Z2-7]*\)<\/code>.*/\1/p' "$1"; }
# totp_post JAR CODE OUTPREFIX: submits a second-factor code (csrf from the
# page); prints the status
totp_post() {
	http_get "$H.tp" -b "$1" "$BASE/login/totp" >/dev/null
	http_get "$3" -c "$1" -b "$1" --data-urlencode "csrf=$(form_csrf "$H.tp.b")" \
		--data-urlencode "code=$2" "$BASE/login/totp"
}
# enrol USER PASSWORD JAR: password, then the enrolment with the current
# code; sets SECRET; 0 when signed in
enrol() {
	SECRET=
	[ "$(login "$1" "$2" "$3")" = 303 ] || return 1
	http_get "$H.en" -b "$3" "$BASE/login/totp" >/dev/null
	SECRET=$(secret_of "$H.en.b")
	[ ${#SECRET} = 32 ] || return 1
	[ "$(totp_post "$3" "$(totp_code "$SECRET" 0)" "$H.en")" = 303 ] &&
		[ "$(http_status -b "$3" "$BASE/")" = 200 ]
}

# file_case CLUE DAY [FILING_DAY]: a preliminary verification approved on
# DAY, then the filing (on FILING_DAY, default DAY), both approved by the
# principal leader whose cookie jar is $LJ (the filing with its type,
# organ, category and the party committee's approval; issue 10 part B,
# 监督执纪工作规则 2019 art. 38): the case id
file_case() {
	local d f=${3:-$2}
	d=$(body "$(api POST "/api/clues/$1/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" "{\"approve\":true,\"day\":\"$2\"}" "$LJ" >/dev/null
	d=$(body "$(api POST "/api/clues/$1/dispositions" '{"method":"file_case","reason":"拟立案"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" "{\"approve\":true,\"day\":\"$f\",\"filing\":{\"case_type\":\"discipline\",\"organ_kind\":\"office\",\"organ_name\":\"第一审查调查室\",\"categories\":[\"integrity\"],\"committee_by\":\"县委书记\",\"committee_day\":\"$f\"}}" "$LJ" >/dev/null
	sql "SELECT id FROM cases WHERE clue_id = $1"
}

# ---- the public channel's two instances (t195, t197, t198) ------------------
# public_init: a public instance beside the test's intranet ($DB, $KEY):
# sets PDB (its database) and PKEY (its key file) and runs `init --public`
# (RC as run_cli: init's); both sides get the tests' low proof-of-work
# difficulty (pow_bits 8)
public_init() {
	local rc
	if [ "$BACKEND" = pg ]; then PDB=$(pg_newdb public); else PDB=$T_DIR/pub.db; fi
	PKEY=$T_DIR/pub.key
	run_cli init --public --db "$PDB" --key "$PKEY" --name "测试市纪委监委" --region 230100
	rc=$RC
	run_cli config set pow_bits 8 --db "$PDB" --key "$PKEY"
	run_cli config set pow_bits 8 --db "$DB"
	RC=$rc
}
# public_report BASE FORMDATA [curl args...]: a multipart report to
# BASE/p/report with the token and nonce of FORMDATA (pow_data's
# "csrf=T&pow=N"), anonymous, about $R_PERSON with $R_SUMMARY (t198, t202);
# the answer in $H.h / $H.b, prints the status
public_report() {
	local base=$1 d=${2#csrf=}
	shift 2
	http_get "$H" -F "csrf=${d%%&*}" -F "pow=${d##*pow=}" -F mode=anonymous -F "person=$R_PERSON" \
		-F "summary=$R_SUMMARY" "$@" "$base/p/report"
}
# ferry_keys: the key exchange between the intranet and the public
# instance (only public halves travel): 0 when all four steps worked
ferry_keys() {
	run_cli ferry key export --db "$DB" --out "$T_DIR/intranet.pub" && [ "$RC" = 0 ] &&
		run_cli ferry key import "$T_DIR/intranet.pub" --db "$PDB" --key "$PKEY" && [ "$RC" = 0 ] &&
		run_cli ferry key export --db "$PDB" --key "$PKEY" --out "$T_DIR/public.pub" && [ "$RC" = 0 ] &&
		run_cli ferry key import "$T_DIR/public.pub" --db "$DB" && [ "$RC" = 0 ]
}
# public_keys: ferry_keys as checks, and that the exported key holds no secret
public_keys() {
	check "the key exchange (ferry key export/import both ways)" ferry_keys
	check "... the intranet's exported key holds no secret" bash -c "! grep -q secret '$T_DIR/intranet.pub'"
}
# rating_point_setup UNIT_NAME: an intranet database and a public instance
# joined by the key exchange, a department's rating token ($TOKEN, as staff
# make it by opening the unit's QR page) and the reply batch that brings it
# to the public side; the servers stopped, $DB the intranet's (t201, t214)
rating_point_setup() {
	init_db || { not_ok "init"; finish; }
	public_init
	expect_eq "init --public" 0 "$RC"
	check "the key exchange" ferry_keys
	start_server || { not_ok "intranet server starts"; finish; }
	expect_eq "cm logs in" 303 "$(login cm "$PW")"
	UA=$(body "$(api POST /api/units "{\"name\":\"$1\",\"kind\":\"department\"}")" | jget '["id"]')
	TOKEN=$(curl -s -b "$JAR" "$BASE/units/$UA/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
	expect_eq "the unit's rating token" 43 "${#TOKEN}"
	stop_server
	ferry_back "$T_DIR/points.batch"
	expect_eq "the rating points reach the public side" 0 "$RC"
}
# ferry_in FILE: the public inbox exported to FILE and imported on the
# intranet; ferry_back FILE: the intranet's replies exported to FILE and
# imported on the public side (RC, OUT, ERR of the import)
ferry_in() {
	run_cli ferry export --db "$PDB" --key "$PKEY" --out "$1" && [ "$RC" = 0 ] &&
		run_cli ferry import "$1" --db "$DB"
}
ferry_back() {
	run_cli ferry export --db "$DB" --out "$1" && [ "$RC" = 0 ] &&
		run_cli ferry import "$1" --db "$PDB" --key "$PKEY"
}
