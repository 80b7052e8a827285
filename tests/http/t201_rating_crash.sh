#!/usr/bin/env bash
# t201_rating_crash: kill -9 during a burst of ratings loses no
# acknowledged rating and counts no retry twice (issue 13, "Tests"; the
# group writer: docs/architecture.md "Ratings: the group writer").
# Eight clients post plain ratings (5 stars) with unique idempotency keys;
# every fifth key is posted twice in a row (a retry) and two clients post
# the same keys at the same moment (twins).  Once 150 answers were
# acknowledged (200), the server is killed with SIGKILL mid-burst and
# started again; every key whose answer was lost is posted again (the
# retry a phone makes).  Half the clients and the twins send keys as the
# form draws them (its render time first: told by the set in memory,
# rebuilt after the crash from public_rating_keys, rate13c), the others
# keys without it (public_submissions).  Then every acknowledged key is stored exactly
# once, no key twice, and the ratings equal the distinct keys sent
# (acknowledged or retried).  On the public instance (serve --public,
# counted on the intranet after a ferry export + import, which opens the
# sealed groups) and in single-instance mode (plain serve); and once with
# SIGTERM instead (single instance): the writer drains and every parked
# request is answered before the daemon stops, the server exits 0.
. "$(dirname "$0")/lib.sh"

rating_point_setup 甲局T201

# burst.py BASE TOKEN LOG TAG: the clients; each line of LOG is "sent KEY",
# "ack KEY" or "lost KEY" (no answer: the server went away), flushed at
# once; a client stops at its first lost answer.
# burst.py BASE TOKEN LOG retry KEYFILE: each key of KEYFILE posted once
# more; "ack KEY" or "fail KEY STATUS".
cat >"$T_DIR/burst.py" <<'PY'
import http.client, sys, threading, time, urllib.parse
base, token, log, tag = sys.argv[1:5]
# the form's keys: 10 hex digits of the render time (1/64 s), 43 more
TICK = '%010x' % int(time.time() * 64)
def formkey(k): return TICK + k.ljust(43, '_')
host, port = base.split('//')[1].split(':')
lock = threading.Lock()
out = open(log, 'a')
def note(*w):
    with lock:
        out.write(' '.join(w) + '\n')
        out.flush()
def post(conn, key):
    body = urllib.parse.urlencode({'stars': '5', 'idem_key': key})
    conn.request('POST', '/p/rate/' + token, body,
                 {'Content-Type': 'application/x-www-form-urlencoded'})
    r = conn.getresponse()
    r.read()
    return r.status
def one(conn, key):
    note('sent', key)
    try:
        st = post(conn, key)
    except Exception:
        note('lost', key)
        return False
    note('ack' if st == 200 else 'fail', key, str(st))
    return True
def client(i):
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    for n in range(1, 20001):
        key = 't201-%s-c%d-%05d' % (tag, i, n)
        if i % 2 == 0:
            key = formkey(key)
        if not one(conn, key):
            return
        if n % 5 == 0 and not one(conn, key):      # the retry of a lost answer
            return
def twin(i):
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    for n in range(1, 20001):
        if not one(conn, formkey('t201-%s-twin-%05d' % (tag, n))):
            return
if tag == 'retry':
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    for key in open(sys.argv[5]).read().split():
        st = post(conn, key)
        note('ack' if st == 200 else 'fail', key, str(st))
    sys.exit(0)
ts = [threading.Thread(target=client, args=(i,)) for i in range(6)]
ts += [threading.Thread(target=twin, args=(i,)) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
PY

acked() { if [ -s "$1" ]; then grep -c '^ack ' "$1" || true; else echo 0; fi; }

# crash_run NAME LOG [serve option...]: the burst against a server on $DB,
# SIGKILL after 150 acknowledged, the restart, the retries of the lost
# answers; leaves the server stopped
crash_run() {
	local name=$1 log=$2 bp
	shift 2
	start_server --post-burst 1000000 "$@" || { not_ok "$name: the server starts"; return 1; }
	python3 "$T_DIR/burst.py" "$BASE" "$TOKEN" "$log" "$name" &
	bp=$!
	for _ in $(seq 1 600); do
		[ "$(acked "$log")" -ge 150 ] && break
		kill -0 "$bp" 2>/dev/null || break
		sleep 0.1
	done
	check "$name: 150 ratings acknowledged before the crash" test "$(acked "$log")" -ge 150
	if [ "${STOP_HOW:-}" = term ]; then
		# a clean stop mid-burst: the writer drains, every parked
		# request is answered before the daemon stops (MHD-PATTERNS 8)
		stop_server
		expect_eq "$name: SIGTERM mid-burst: the server stops cleanly" 0 "$SERVER_LAST_RC"
	else
		kill_server_hard
	fi
	wait "$bp"
	check "$name: the server was stopped mid-burst (some answers lost)" grep -q '^lost ' "$log"
	echo "# $name: $(acked "$log") acknowledged, $(grep -c '^lost ' "$log") lost before the crash"
	if [ "${STOP_HOW:-}" = term ]; then
		# posted after the writer stopped: 503, nothing stored, sent again below
		check "$name: no answer but 200 or 503 (stopping) before the stop" \
			bash -c "! grep '^fail ' '$log' | grep -vq ' 503\$'"
	else
		check "$name: no answer but 200 before the crash" bash -c "! grep -q '^fail ' '$log'"
	fi
	start_server --post-burst 1000000 "$@" || { not_ok "$name: the server starts again"; return 1; }
	# a key sent but never acknowledged: the phone posts it again
	python3 - "$log" >"$T_DIR/$name.retry" <<'PY'
import sys
sent, ack = set(), set()
for line in open(sys.argv[1]):
    w = line.split()
    if w[0] == 'sent': sent.add(w[1])
    if w[0] == 'ack': ack.add(w[1])
print('\n'.join(sorted(sent - ack)))
PY
	python3 "$T_DIR/burst.py" "$BASE" "$TOKEN" "$T_DIR/$name.retried" retry "$T_DIR/$name.retry"
	check "$name: every retry answered 200" bash -c "! grep -q '^fail ' '$T_DIR/$name.retried'"
	expect_eq "$name: every retry acknowledged" "$(grep -c . "$T_DIR/$name.retry")" "$(acked "$T_DIR/$name.retried")"
	stop_server
}

# stored_check NAME LOG: the intranet's ratings ($DB) against the log
stored_check() {
	local name=$1 log=$2
	sql "SELECT idem_key FROM ratings WHERE idem_key LIKE '%t201-$name-%'" | sort >"$T_DIR/$name.stored"
	grep '^ack ' "$log" | awk '{print $2}' | sort -u >"$T_DIR/$name.acked"
	check "$name: every acknowledged key is stored" \
		bash -c "[ -z \"\$(comm -23 '$T_DIR/$name.acked' '$T_DIR/$name.stored')\" ]"
	expect_eq "$name: no key is stored twice" "" "$(uniq -d "$T_DIR/$name.stored")"
	expect_eq "$name: the ratings are the distinct keys acknowledged or retried" \
		"$(cat "$T_DIR/$name.acked" "$T_DIR/$name.retry" | sort -u | grep -c .)" "$(grep -c . "$T_DIR/$name.stored")"
	check "$name: some keys were posted twice and counted once" \
		test "$(grep -c "^sent [0-9a-f]*t201-$name-twin-" "$log")" -gt "$(grep -c "t201-$name-twin-" "$T_DIR/$name.stored")"
	check "$name: keys with the render time among them" grep -qE '^[0-9a-f]{10}t201-' "$T_DIR/$name.stored"
	check "$name: and keys without" grep -q '^t201-' "$T_DIR/$name.stored"
	# the side that served the page keeps each key with its render time
	# once in public_rating_keys (the intranet's UNIQUE key would hide a
	# double there): the set rebuilt after the crash knew every one
	expect_eq "$name: no key twice in public_rating_keys" "" \
		"$(DB=${KEYS_DB:-$DB} sql "SELECT digest FROM public_rating_keys GROUP BY digest HAVING count(*) > 1")"
	python3 -c 'import hashlib, re, sys
for k in open(sys.argv[1]).read().split():
    if re.match("^[0-9a-f]{10}t201-", k):
        print(hashlib.blake2b(k.encode(), digest_size=32).hexdigest()[:32])' "$T_DIR/$name.stored" | sort >"$T_DIR/$name.digests"
	DB=${KEYS_DB:-$DB} sql "SELECT digest FROM public_rating_keys" | sort >"$T_DIR/$name.rows"
	check "$name: public_rating_keys holds each such key stored" \
		bash -c "[ -s '$T_DIR/$name.digests' ] && [ -z \"\$(comm -23 '$T_DIR/$name.digests' '$T_DIR/$name.rows')\" ]"
}

# ---- the public instance ----------------------------------------------------------
DB=$PDB crash_run pub "$T_DIR/pub.log" --public --key "$PKEY"
ferry_in "$T_DIR/inbox.batch"
expect_eq "the intranet imports the public inbox" 0 "$RC"
expect_contains "... the ratings came in groups (kind ratings)" "ratings" "$(DB=$PDB sql "SELECT DISTINCT kind FROM public_inbox")"
KEYS_DB=$PDB stored_check pub "$T_DIR/pub.log"
S1=$(sql "SELECT count(*) FROM ratings")
run_cli ferry import "$T_DIR/inbox.batch" --db "$DB"
expect_eq "the same batch again changes nothing" "$S1" "$(sql "SELECT count(*) FROM ratings")"

# ---- single-instance mode ------------------------------------------------------------
crash_run one "$T_DIR/one.log"
stored_check one "$T_DIR/one.log"

# ---- the same with SIGTERM: the drain answers what it holds ----------------------------------
STOP_HOW=term crash_run term "$T_DIR/term.log"
stored_check term "$T_DIR/term.log"
check "the restarts rebuilt the set of recent keys from public_rating_keys" \
	grep -qE 'group writer: [1-9][0-9]* recent rating keys' "$T_DIR/serve.log"
check "... and found no row that is not a digest" bash -c "! grep -q 'are not digests' '$T_DIR/serve.log'"
check "... the log names no request left parked" bash -c "! grep -q 'still parked' '$T_DIR/serve.log'"
check "no sanitizer report" server_clean
finish
