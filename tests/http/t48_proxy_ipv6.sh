#!/usr/bin/env bash
# t48_proxy_ipv6.sh: the client address behind a reverse proxy, and IPv6
# listening (issue 8, "Operations": a trusted-proxy setting for
# X-Forwarded-For; IPv6 listening).
#
# Only when the socket's peer is a trusted proxy (--trusted-proxy or the
# trusted_proxy setting) does the audit log record the right-most
# untrusted X-Forwarded-For address; the header from anybody else is
# ignored.  A trusted proxy is not held to the per-address connection
# limit, everybody else is.  --listen takes [::1]:PORT and [::]:PORT
# (IPv6 and IPv4 on one socket), and an IPv4 client on the latter is
# logged as a.b.c.d.  Fails on the code before: the header was never
# read, --trusted-proxy and [IPv6]:PORT were refused.
. "$(dirname "$0")/lib.sh"

SC="python3 $(dirname "$0")/slow_clients.py"

# login_via USER PASSWORD CURL_ARGS...: the login dance with extra curl
# arguments (a header, a source address); prints the POST's status
login_via() {
	local u=$1 p=$2 pre
	shift 2
	rm -f "$JAR"
	curl -s -c "$JAR" -b "$JAR" "$@" "$BASE/login" >/dev/null
	pre=$(cookie_value qf_pre)
	curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" "$@" --data-urlencode "csrf=$pre" \
		--data-urlencode "username=$u" --data-urlencode "password=$p" "$BASE/login"
}
# login_ip CURL_ARGS...: signs cm in with those arguments; prints the
# address the audit log recorded for that login
login_ip() {
	[ "$(login_via cm "$PW" "$@")" = 303 ] || { echo "login failed"; return; }
	sql "SELECT ip FROM audit_log WHERE event = 'login' ORDER BY id DESC LIMIT 1"
}

init_db || exit 1

# --- no trusted proxy (the default): the header is anybody's, ignored
start_server || exit 1
expect_eq "without a trusted proxy X-Forwarded-For is ignored" 127.0.0.1 \
	"$(login_ip -H 'X-Forwarded-For: 203.0.113.7')"
stop_server

# --- a trusted proxy on 127.0.0.1
start_server --trusted-proxy 127.0.0.1 --max-per-address 5 --header-timeout 2 || exit 1
expect_eq "via the trusted proxy: the forwarded address" 203.0.113.7 \
	"$(login_ip -H 'X-Forwarded-For: 203.0.113.7')"
expect_eq "via the trusted proxy: the right-most entry, not what the client wrote before it" \
	203.0.113.7 "$(login_ip -H 'X-Forwarded-For: 198.51.100.1, 203.0.113.7')"
expect_eq "repeated headers are one list" 203.0.113.8 \
	"$(login_ip -H 'X-Forwarded-For: 198.51.100.1' -H 'X-Forwarded-For: 203.0.113.8')"
expect_eq "trusted hops are skipped" 203.0.113.9 \
	"$(login_ip -H 'X-Forwarded-For: 203.0.113.9, 127.0.0.1')"
expect_eq "garbage passed on by the proxy: the proxy's address" 127.0.0.1 \
	"$(login_ip -H 'X-Forwarded-For: 203.0.113.7, <script>')"
expect_eq "a spoofed header from an untrusted peer (127.0.0.5) is ignored" 127.0.0.5 \
	"$(login_ip --interface 127.0.0.5 -H 'X-Forwarded-For: 203.0.113.66')"
check "the spoofed address is nowhere in the audit log" \
	[ "$(sql "SELECT count(*) FROM audit_log WHERE ip = '203.0.113.66' OR detail LIKE '%203.0.113.66%'")" = 0 ]
# the per-address limit (5) holds for 127.0.0.6 but not for the proxy,
# which carries many clients
$SC hold 127.0.0.1 "$PORT" --src 127.0.0.1 --conns 20 --duration 1.5 --status "$T_DIR/proxy.json"
$SC hold 127.0.0.1 "$PORT" --src 127.0.0.6 --conns 20 --duration 1.5 --status "$T_DIR/other.json"
echo "# proxy: $(cat "$T_DIR/proxy.json")"
echo "# other: $(cat "$T_DIR/other.json")"
expect_eq "the trusted proxy holds 20 connections (none refused)" 0 \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["early"] + json.load(open(sys.argv[1]))["closed"])' "$T_DIR/proxy.json")"
expect_eq "another address is refused past 5" 15 \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["early"])' "$T_DIR/other.json")"
stop_server

# --- the setting, used when --trusted-proxy is not given
run_cli config set trusted_proxy "nonsense, 10.0.0.0/8" --db "$DB"
check "config refuses a proxy list that is not addresses ($RC)" [ "$RC" != 0 ]
run_cli config set trusted_proxy "127.0.0.0/8, ::1" --db "$DB"
expect_eq "config set trusted_proxy" 0 "$RC"
run_cli config show --db "$DB"
expect_contains "config show lists it" "trusted_proxy 127.0.0.0/8, ::1" "$OUT"
start_server || exit 1
expect_eq "the setting makes 127.0.0.5 a trusted proxy" 203.0.113.10 \
	"$(login_ip --interface 127.0.0.5 -H 'X-Forwarded-For: 203.0.113.10')"
stop_server
start_server --trusted-proxy 127.0.0.1 || exit 1
expect_eq "--trusted-proxy overrides the setting" 127.0.0.5 \
	"$(login_ip --interface 127.0.0.5 -H 'X-Forwarded-For: 203.0.113.11')"
stop_server
run_cli config set trusted_proxy "" --db "$DB"
expect_eq "the setting can be emptied" 0 "$RC"
run_cli serve --db "$DB" --listen 127.0.0.1:1 --trusted-proxy "10.0.0.0/40"
check "serve refuses a bad --trusted-proxy" [ "$RC" = 2 ]
expect_contains "and says why" "10.0.0.0/40" "$ERR"
run_cli serve --db "$DB" --listen "::1:8080"
check "an IPv6 address without brackets is refused" [ "$RC" = 1 ]
expect_contains "with the form to use" "[IPv6]:PORT" "$ERR"

# --- IPv6
if python3 -c 'import socket; s=socket.socket(socket.AF_INET6); s.bind(("::1", 0))' 2>/dev/null; then
	LISTEN_HOST='[::1]' start_server || exit 1
	expect_eq "[::1]: answered over IPv6" 200 "$(http_status -m 5 "$BASE/healthz")"
	expect_eq "[::1]: the audit log has the IPv6 client" ::1 "$(login_ip)"
	expect_eq "[::1]: not on IPv4" 000 "$(http_status -m 5 "http://127.0.0.1:$PORT/healthz")"
	stop_server
	LISTEN_HOST='[::]' URL_HOST='[::1]' start_server || exit 1
	expect_eq "[::]: answered over IPv6" 200 "$(http_status -m 5 "$BASE/healthz")"
	expect_eq "[::]: answered over IPv4 too" 200 "$(http_status -m 5 "http://127.0.0.1:$PORT/healthz")"
	BASE=http://127.0.0.1:$PORT
	expect_eq "[::]: an IPv4 client is logged as a.b.c.d" 127.0.0.1 "$(login_ip)"
	stop_server
else
	ok "# SKIP no IPv6 loopback on this machine"
fi
check "no sanitizer report" server_clean
check "no sanitizer report from the CLI" cli_clean
finish
