#!/usr/bin/env bash
# t80_two_servers.sh: two `qingfeng serve` processes on one database (two
# machines behind a load balancer; on SQLite two processes on one file):
# a session made on one server works on the other and ends on both; the
# failed-login count and the lock-out are shared; two writers, one on
# each server, create 100 units each at the same time, and afterwards the
# audit log is still one chain: `qingfeng audit verify` passes with the
# expected number of entries, the ids are 1..N without duplicates and no
# two entries follow the same predecessor.
. "$(dirname "$0")/lib.sh"

N_EACH=100
MSG_BAD="用户名或密码错误"
MSG_LOCKED="登录失败次数过多，账户已暂时锁定"

init_db || { not_ok "init_db"; finish; }
# two servers: A keeps its pid in PID_A, B is lib.sh's SERVER_PID
start_server || { not_ok "server A starts"; finish; }
PID_A=$SERVER_PID
BASE_A=$BASE
start_server || { not_ok "server B starts"; finish; }
BASE_B=$BASE
W_A=
W_B=
trap '[ -n "$W_A" ] && kill "$W_A" 2>/dev/null; [ -n "$W_B" ] && kill "$W_B" 2>/dev/null;
	kill -TERM "$PID_A" 2>/dev/null; wait "$PID_A" 2>/dev/null; cleanup' EXIT
check "the two servers listen on two ports ($BASE_A, $BASE_B)" test "$BASE_A" != "$BASE_B"
check "both servers are alive" kill -0 "$PID_A" "$SERVER_PID"

on_a() { BASE=$BASE_A; }
on_b() { BASE=$BASE_B; }

# --- sessions live in the database --------------------------------------------
JA=$T_DIR/a.jar
JB=$T_DIR/b.jar
on_a; expect_eq "cm logs in on A" 303 "$(login cm "$PW" "$JA")"
on_b; expect_eq "cm logs in on B" 303 "$(login cm "$PW" "$JB")"
expect_eq "A's session cookie works on B (/api/me)" 200 "$(http_status -b "$JA" "$BASE_B/api/me")"
expect_eq "B's session cookie works on A (/api/me)" 200 "$(http_status -b "$JB" "$BASE_A/api/me")"
on_a; csrf_a=$(csrf_of "$JA")
on_b; csrf_a_on_b=$(csrf_of "$JA")
check "A's session has a CSRF token" test ${#csrf_a} -ge 32
expect_eq "... and B sees the same token for it" "$csrf_a" "$csrf_a_on_b"
on_b; out=$(api POST /api/units '{"name":"跨服务器单位","kind":"department"}' "$JA")
expect_eq "a write on B with A's session and token: 201" 201 "$(tail -n1 <<<"$out")"
expect_eq "... stored once" 1 "$(sql "SELECT count(*) FROM units WHERE name = '跨服务器单位'")"

# a login form fetched from A can be posted to B (no sticky sessions)
JX=$T_DIR/x.jar
curl -s -c "$JX" -b "$JX" "$BASE_A/login" >/dev/null
pre=$(cookie_value qf_pre "$JX")
expect_eq "the login form of A, posted to B: 303" 303 "$(http_status -c "$JX" -b "$JX" \
	--data-urlencode "csrf=$pre" --data-urlencode "username=cm" --data-urlencode "password=$PW" "$BASE_B/login")"
expect_eq "... and that session works on A" 200 "$(http_status -b "$JX" "$BASE_A/api/me")"

# logging out on B ends the session on A too
JL=$T_DIR/l.jar
on_a; expect_eq "cm logs in on A (a session to end)" 303 "$(login cm "$PW" "$JL")"
on_b; expect_eq "logout on B: 303" 303 "$(http_status -b "$JL" --data-urlencode "csrf=$(csrf_of "$JL")" "$BASE_B/logout")"
expect_eq "... the session is gone on A (/api/me 401)" 401 "$(http_status -b "$JL" "$BASE_A/api/me")"
expect_eq "... and on B" 401 "$(http_status -b "$JL" "$BASE_B/api/me")"
expect_eq "the other sessions are not affected" "200 200" \
	"$(http_status -b "$JA" "$BASE_A/api/me") $(http_status -b "$JB" "$BASE_B/api/me")"

# --- the lock-out is shared: five wrong passwords over both servers -------------
JT=$T_DIR/t.jar
try_login() {   # try_login a|b PASSWORD: status; the page in $T_DIR/lp.b
	local base
	[ "$1" = a ] && base=$BASE_A || base=$BASE_B
	rm -f "$JT"
	curl -s -c "$JT" -b "$JT" "$base/login" >/dev/null
	http_get "$T_DIR/lp" -c "$JT" -b "$JT" --data-urlencode "csrf=$(cookie_value qf_pre "$JT")" \
		--data-urlencode "username=clerk" --data-urlencode "password=$2" "$base/login"
}
i=0
for srv in a b a b; do
	i=$((i + 1))
	st=$(try_login "$srv" "bad-$i")
	if [ "$st" = 200 ] && grep -qF "$MSG_BAD" "$T_DIR/lp.b"; then ok "wrong password $i on ${srv^^}: $MSG_BAD"
	else not_ok "wrong password $i on ${srv^^}: $MSG_BAD (got $st)"; fi
done
expect_eq "the four failures are counted together, not locked yet" "4|0" \
	"$(sql "SELECT failures, CASE WHEN locked_until > $(now_sql) THEN 1 ELSE 0 END FROM login_throttle WHERE name = 'clerk'")"
try_login b "bad-5" >/dev/null
check "the fifth wrong password (on B) locks clerk" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
for srv in a b; do
	st=$(try_login "$srv" "$PW")
	expect_eq "locked on ${srv^^}: the RIGHT password gets the form (200)" 200 "$st"
	check "... with the lock message" grep -qF "$MSG_LOCKED" "$T_DIR/lp.b"
	check "... and no session cookie" bash -c '! grep -qi "^set-cookie: qf_session=[^;]" "$1"' _ "$T_DIR/lp.h"
done
expect_eq "one login_locked audit row for clerk" 1 "$(audit_count login_locked clerk)"
expect_eq "no successful login of clerk" 0 "$(audit_count login clerk)"
expect_eq "cm is not locked (logs in on B)" 303 "$(on_b; login cm "$PW" "$T_DIR/cm2.jar")"

# --- two writers at once, one on each server -----------------------------------
N0=$(sql "SELECT count(*) FROM audit_log")
U0=$(sql "SELECT count(*) FROM units")
ACK_A=$T_DIR/acked.a
ACK_B=$T_DIR/acked.b
: >"$ACK_A"
: >"$ACK_B"
: >"$T_DIR/failed"
on_a; tok_a=$(csrf_of "$JA")
on_b; tok_b=$(csrf_of "$JB")
# writer BASE JAR TOKEN PREFIX ACKED: N_EACH units after the start signal,
# over $CONNS connections at once (more than the server's threads, so
# each server has transactions waiting for the other's)
CONNS=4
writer() {
	local c i st
	while [ ! -e "$T_DIR/go" ]; do sleep 0.01; done
	for c in $(seq 1 "$CONNS"); do
		for i in $(seq "$c" "$CONNS" "$N_EACH"); do
			st=$(curl -s -o /dev/null -w '%{http_code}' -b "$2" -H "X-CSRF-Token: $3" \
				-H 'Content-Type: application/json' --data "{\"name\":\"$4-$i\",\"kind\":\"other\"}" \
				"$1/api/units")
			if [ "$st" = 201 ]; then echo "$4-$i" >>"$5"; else echo "$4-$i $st" >>"$T_DIR/failed"; fi
		done &
	done
	wait
}
writer "$BASE_A" "$JA" "$tok_a" wa "$ACK_A" &
W_A=$!
writer "$BASE_B" "$JB" "$tok_b" wb "$ACK_B" &
W_B=$!
t0=$(date +%s.%N)
touch "$T_DIR/go"
wait "$W_A"; W_A=
wait "$W_B"; W_B=
secs=$(python3 -c "import sys; print(round($(date +%s.%N) - $t0, 1))")
echo "# the two writers took $secs s"
expect_eq "no write failed" "" "$(head -5 "$T_DIR/failed" | tr '\n' ' ')"
expect_eq "writer A: $N_EACH units acknowledged" "$N_EACH" "$(wc -l <"$ACK_A")"
expect_eq "writer B: $N_EACH units acknowledged" "$N_EACH" "$(wc -l <"$ACK_B")"

# the writes really overlapped: in audit order the two writers' entries
# alternate many times (one after the other would switch once)
sql "SELECT u.name FROM audit_log a JOIN units u ON a.object = 'unit/' || u.id
     WHERE a.event = 'create' AND a.id > $N0 ORDER BY a.id" >"$T_DIR/order"
switches=$(cut -c1-2 "$T_DIR/order" | uniq | wc -l)
check "the two writers' entries interleave ($((switches - 1)) switches between A and B)" test "$switches" -ge 10

stop_server
rc_b=${SERVER_LAST_RC:-x}
kill -TERM "$PID_A" 2>/dev/null
wait "$PID_A"
rc_a=$?
expect_eq "both servers stop cleanly" "0 0" "$rc_a $rc_b"

# --- one chain ------------------------------------------------------------------
expect_eq "units: $((2 * N_EACH)) new ones" "$((U0 + 2 * N_EACH))" "$(sql "SELECT count(*) FROM units")"
expect_eq "every acknowledged unit is stored once" "$((2 * N_EACH))|$((2 * N_EACH))" \
	"$(sql "SELECT count(*), count(DISTINCT name) FROM units WHERE name LIKE 'w%-%'")"
N=$((N0 + 2 * N_EACH))
expect_eq "audit entries: the $N0 before + one per unit" "$N" "$(sql "SELECT count(*) FROM audit_log")"
expect_eq "one create entry per new unit" "$((2 * N_EACH))" \
	"$(sql "SELECT count(*) FROM audit_log WHERE id > $N0 AND event = 'create' AND object LIKE 'unit/%'")"
expect_eq "audit ids are 1..N, no duplicates" "1|$N|$N" \
	"$(sql "SELECT min(id), max(id), count(DISTINCT id) FROM audit_log")"
expect_eq "no duplicate audit MACs" "$N" "$(sql "SELECT count(DISTINCT mac) FROM audit_log")"
expect_eq "no fork: every entry has its own predecessor (distinct prev_mac)" "$N" \
	"$(sql "SELECT count(DISTINCT prev_mac) FROM audit_log")"
expect_eq "each entry's prev_mac is the previous entry's mac" "$((N - 1))" \
	"$(sql "SELECT count(*) FROM audit_log a JOIN audit_log b ON b.id = a.id - 1 WHERE a.prev_mac = b.mac")"
run_cli audit verify
expect_eq "audit verify: exit 0" 0 "$RC"
expect_eq "audit verify counts every entry" "qingfeng: audit chain ok ($N entries)" "$OUT"
[ "$RC" = 0 ] || echo "# $ERR"
check "no CLI run printed a sanitizer report" cli_clean
check "the servers' log has no sanitizer report" server_clean
grep -iE 'error|fatal' "$T_DIR/serve.log" | head -5 | sed 's/^/# /'
finish
