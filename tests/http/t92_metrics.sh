#!/usr/bin/env bash
# t92_metrics.sh: /metrics for the operator only (issue 8, "/metrics in the
# Prometheus text format ... for an operator only"; before it there was no
# /metrics at all):
#  1. the public listener has no /metrics (404, signed in or not);
#  2. the operator's listener (--metrics-listen) answers in the Prometheus
#     text format: a line grammar check, TYPE before samples, cumulative
#     histogram buckets ending in +Inf = _count;
#  3. counters move: requests by route pattern (never the raw URL), status
#     code, latency histogram, a 500 counted, open connections, the audit
#     length equal to the table's, the database's reachability, a write
#     that found the database busy (another process holding the write lock
#     longer than the wait) counted as retried;
#  4. --metrics-token-file: no or a wrong bearer token gets 401; a
#     non-loopback --metrics-listen without a token is refused at start.
. "$(dirname "$0")/lib.sh"

H=$T_DIR/r
MPORT=$(free_port)
MBASE=http://127.0.0.1:$MPORT

init_db || { not_ok "init_db"; finish; }
start_server --metrics-listen "127.0.0.1:$MPORT" || { not_ok "start_server"; finish; }

# The exposition format's line grammar (text format 0.0.4), checked whole.
cat >"$T_DIR/promcheck.py" <<'PY'
import re, sys
NAME = r'[a-zA-Z_:][a-zA-Z0-9_:]*'
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"'
VALUE = r'(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|Inf)|NaN)'
SAMPLE = re.compile(r'^(%s)(?:\{(%s(?:,%s)*)?\})? (%s)(?: -?[0-9]+)?$' % (NAME, LABEL, LABEL, VALUE))
HELP = re.compile(r'^# HELP (%s) .*$' % NAME)
TYPE = re.compile(r'^# TYPE (%s) (counter|gauge|histogram|summary|untyped)$' % NAME)
text = open(sys.argv[1], encoding='utf-8').read()
errs, types, seen, hist = [], {}, set(), {}
if not text.endswith('\n'):
    errs.append('no final newline')
for n, line in enumerate(text.split('\n')[:-1], 1):
    m = TYPE.match(line)
    if m:
        if m.group(1) in types:
            errs.append('%d: second TYPE for %s' % (n, m.group(1)))
        types[m.group(1)] = m.group(2)
        continue
    if HELP.match(line):
        continue
    m = SAMPLE.match(line)
    if not m:
        errs.append('%d: not a sample: %r' % (n, line))
        continue
    name, labels, value = m.group(1), m.group(2) or '', m.group(3)
    fam = name
    for suf in ('_bucket', '_sum', '_count'):
        if name.endswith(suf) and types.get(name[:-len(suf)]) == 'histogram':
            fam = name[:-len(suf)]
    if fam not in types:
        errs.append('%d: %s before its TYPE' % (n, name))
    key = (name, labels)
    if key in seen:
        errs.append('%d: repeated series %s{%s}' % (n, name, labels))
    seen.add(key)
    if types.get(fam) == 'histogram':
        rest = re.sub(r',?le="[^"]*"', '', labels)
        h = hist.setdefault((fam, rest), {'b': [], 'count': None})
        if name.endswith('_bucket'):
            le = re.search(r'le="([^"]*)"', labels).group(1)
            h['b'].append((le, float(value)))
        elif name.endswith('_count'):
            h['count'] = float(value)
for (fam, rest), h in hist.items():
    vals = [v for _, v in h['b']]
    if vals != sorted(vals):
        errs.append('%s{%s}: buckets not cumulative' % (fam, rest))
    if not h['b'] or h['b'][-1][0] != '+Inf' or h['b'][-1][1] != h['count']:
        errs.append('%s{%s}: +Inf bucket is not _count' % (fam, rest))
for e in errs[:10]:
    print('# ' + e)
sys.exit(1 if errs else 0)
PY
# scrape FILE [curl args]: the metrics into FILE; prints the status
scrape() { local f=$1; shift; curl -s -o "$f" -w '%{http_code}' "$@" "$MBASE/metrics"; }
# metric FILE SERIES: the value of one series (exact text before the value), or 0
metric() { awk -v s="$2" 'substr($0, 1, length(s) + 1) == s " " { v = $2 } END { print v + 0 }' "$1"; }
promcheck() { python3 "$T_DIR/promcheck.py" "$1"; }
# wait_conns FILE OP N: scrapes into FILE until qingfeng_http_connections
# OP N (test's -ge, -eq ...) holds (30 s); prints the last value
wait_conns() {
	local c=0
	for _ in $(seq 1 300); do
		scrape "$1" >/dev/null
		c=$(metric "$1" qingfeng_http_connections)
		[ "$c" "$2" "$3" ] && break
		sleep 0.1
	done
	echo "$c"
}

# --- 1. not on the public listener -----------------------------------------
expect_eq "public /metrics: 404" 404 "$(http_status "$BASE/metrics")"
expect_eq "cm logs in" 303 "$(login cm "$PW")"
expect_eq "public /metrics signed in: still 404" 404 "$(http_status -b "$JAR" "$BASE/metrics")"

# --- 2. the format ----------------------------------------------------------
st=$(curl -s -D "$H.h" -o "$T_DIR/m1" -w '%{http_code}' "$MBASE/metrics")
expect_eq "operator's /metrics: 200" 200 "$st"
expect_contains "content type of the text format" "text/plain; version=0.0.4" "$(tr -d '\r' <"$H.h")"
check "the first scrape parses as Prometheus text" promcheck "$T_DIR/m1"
expect_eq "the listener serves /metrics only" 404 "$(http_status "$MBASE/other")"
expect_eq "and GET only" 405 "$(http_status -X POST "$MBASE/metrics")"

# --- 3. counters move -------------------------------------------------------
HZ='qingfeng_http_requests_total{route="/healthz",method="GET",code="200"}'
before=$(metric "$T_DIR/m1" "$HZ")
for _ in 1 2 3 4 5; do curl -s -o /dev/null "$BASE/healthz"; done
http_status -b "$JAR" "$BASE/persons/987654" >/dev/null
http_status "$BASE/zz-unmatched-qq" >/dev/null
sql "ALTER TABLE persons RENAME TO persons_gone_t92"
expect_eq "person list with its table gone: 500 (a store error, not busy)" 500 "$(http_status -b "$JAR" "$BASE/persons")"
sql "ALTER TABLE persons_gone_t92 RENAME TO persons"
exec 3<>"/dev/tcp/127.0.0.1/$PORT" 4<>"/dev/tcp/127.0.0.1/$PORT" 5<>"/dev/tcp/127.0.0.1/$PORT"
conns=$(wait_conns "$T_DIR/m2" -ge 3)
check "three idle connections are counted (qingfeng_http_connections $conns)" test "$conns" -ge 3
exec 3>&- 4>&- 5>&-
check "the second scrape parses" promcheck "$T_DIR/m2"
# every connection closed: every request before has completed (the
# completion callback runs before its connection is cleaned up), so the
# counters below are final
expect_eq "closed connections leave the gauge" 0 "$(wait_conns "$T_DIR/m3" -eq 0)"
expect_eq "healthz 200 counter moved by 5" 5 "$(($(metric "$T_DIR/m3" "$HZ") - before))"
check "the histogram counts them" test "$(metric "$T_DIR/m3" \
	'qingfeng_http_request_duration_seconds_count{route="/healthz",method="GET"}')" -ge 5
check "an +Inf bucket for /healthz" grep -q \
	'^qingfeng_http_request_duration_seconds_bucket{route="/healthz",method="GET",le="+Inf"} ' "$T_DIR/m3"
check "a request by id is counted under its pattern" grep -q \
	'^qingfeng_http_requests_total{route="/persons/{id}",method="GET",code="' "$T_DIR/m3"
check "the 500 is counted" grep -q \
	'^qingfeng_http_requests_total{route="/persons",method="GET",code="500"} 1$' "$T_DIR/m3"
check "an unmatched URL is counted as (none)" grep -q \
	'^qingfeng_http_requests_total{route="(none)",method="any",code="404"} ' "$T_DIR/m3"
check "no raw URL in any label" sh -c "! grep -qE '987654|zz-unmatched' '$T_DIR/m3'"
expect_eq "the audit length is the table's" "$(sql 'SELECT max(id) FROM audit_log')" \
	"$(metric "$T_DIR/m3" qingfeng_audit_log_entries)"
expect_eq "the database is up" 1 "$(metric "$T_DIR/m3" qingfeng_db_up)"
check "database busy counters are there" grep -q '^qingfeng_db_busy_total{outcome="gave_up"} [0-9]' "$T_DIR/m3"
check "build version" grep -qE '^qingfeng_build_info\{version="[0-9][^"]*"\} 1$' "$T_DIR/m3"
check "uptime" grep -qE '^qingfeng_uptime_seconds [0-9]+$' "$T_DIR/m3"
check "nothing in flight between requests" grep -q '^qingfeng_http_requests_in_flight 0$' "$T_DIR/m3"

# hold_write_lock SECONDS: another process holds the write lock that long
# (SQLite: BEGIN IMMEDIATE; PostgreSQL: the advisory lock of every write
# transaction); returns once it is held
hold_write_lock() {
	rm -f "$T_DIR/locked"
	if [ "$BACKEND" = pg ]; then
		psql -X -q "$DB" -c "SELECT pg_advisory_lock(1902538343)" -c '\! touch '"$T_DIR/locked" \
			-c "SELECT pg_sleep($1)" >/dev/null &
	else
		python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE"); open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3])); c.execute("ROLLBACK")' "$DB" "$T_DIR/locked" "$1" &
	fi
	LOCKER=$!
	for _ in $(seq 1 100); do [ -f "$T_DIR/locked" ] && return 0; sleep 0.1; done
	return 1
}
BUSY='qingfeng_db_busy_total{outcome="retried"}'
b0=$(metric "$T_DIR/m3" "$BUSY")
g0=$(metric "$T_DIR/m3" 'qingfeng_db_busy_total{outcome="gave_up"}')
# longer than one wait for the lock (SQLite's busy timeout 5 s, PostgreSQL's
# lock_timeout 2 s) with 2 s to spare for the request to reach the lock,
# shorter than the retries
if [ "$BACKEND" = pg ]; then hold=4; else hold=7.5; fi
check "another process holds the write lock" hold_write_lock "$hold"
out=$(api POST /api/units '{"name":"忙时单位","kind":"department"}')
wait "$LOCKER"
expect_eq "a write while it is held waits, retries and succeeds" 201 "$(status "$out")"
scrape "$T_DIR/m3b" >/dev/null
check "qingfeng_db_busy_total{outcome=\"retried\"} moved" test "$(metric "$T_DIR/m3b" "$BUSY")" -gt "$b0"
expect_eq "and none given up" "$g0" "$(metric "$T_DIR/m3b" 'qingfeng_db_busy_total{outcome="gave_up"}')"

sql "ALTER TABLE audit_log RENAME TO audit_gone_t92"
expect_eq "the database unreadable: metrics still answer" 200 "$(scrape "$T_DIR/m4")"
expect_eq "and say qingfeng_db_up 0" 0 "$(metric "$T_DIR/m4" qingfeng_db_up)"
check "without an audit length" sh -c "! grep -q '^qingfeng_audit_log_entries' '$T_DIR/m4'"
check "that scrape parses" promcheck "$T_DIR/m4"
sql "ALTER TABLE audit_gone_t92 RENAME TO audit_log"
scrape "$T_DIR/m5" >/dev/null
expect_eq "back: qingfeng_db_up 1" 1 "$(metric "$T_DIR/m5" qingfeng_db_up)"
stop_server
check "no sanitizer report" server_clean

# --- 4. the token -----------------------------------------------------------
TOKEN=tok-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
printf '%s\n' "$TOKEN" >"$T_DIR/metrics.token"
MPORT=$(free_port)
MBASE=http://127.0.0.1:$MPORT
start_server --metrics-listen "127.0.0.1:$MPORT" --metrics-token-file "$T_DIR/metrics.token" ||
	{ not_ok "start_server with a token"; finish; }
expect_eq "no token: 401" 401 "$(scrape "$T_DIR/t1")"
expect_eq "a wrong token: 401" 401 "$(scrape "$T_DIR/t1" -H "Authorization: Bearer $(wrong_token "$TOKEN")")"
expect_eq "a token as Basic: 401" 401 "$(scrape "$T_DIR/t1" -H "Authorization: Basic $TOKEN")"
check "a 401 holds no metric" sh -c "! grep -q qingfeng_ '$T_DIR/t1'"
expect_eq "the token: 200" 200 "$(scrape "$T_DIR/t2" -H "Authorization: Bearer $TOKEN")"
check "and parses" promcheck "$T_DIR/t2"
expect_eq "public /metrics still 404" 404 "$(http_status "$BASE/metrics")"
stop_server
check "the token is not in the log" sh -c "! grep -qF -- '$TOKEN' '$T_DIR/serve.log'"

P2=$(free_port)
timeout 20 "$QF_BIN" serve --listen "127.0.0.1:$P2" --metrics-listen "0.0.0.0:$(free_port)" \
	>"$T_DIR/nl.out" 2>"$T_DIR/nl.err"
RC=$?
cat "$T_DIR/nl.err" >>"$T_DIR/cli.log"
expect_eq "a non-loopback metrics address without a token: refused" 1 "$RC"
expect_contains "saying why" "needs --metrics-token-file" "$(cat "$T_DIR/nl.err")"
run_cli serve --metrics-token-file "$T_DIR/metrics.token"
expect_eq "a token without a metrics listener: usage error" 2 "$RC"
printf 'short\n' >"$T_DIR/short.token"
run_cli serve --metrics-listen "127.0.0.1:$(free_port)" --metrics-token-file "$T_DIR/short.token"
expect_eq "a token under 16 characters: refused" 1 "$RC"
check "no sanitizer report" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
