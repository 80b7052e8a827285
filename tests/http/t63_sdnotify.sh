#!/usr/bin/env bash
# t63_sdnotify.sh: systemd readiness (issue 8, operations: "a systemd unit
# with hardening ... and sd_notify readiness"; before it `serve` sent
# nothing and the unit was Type=simple, so every notify check below failed).
# A python3 listener plays systemd: it binds the socket named in
# $NOTIFY_SOCKET (a path, then an abstract '@' name), and the moment a
# datagram with READY=1 arrives it asks the server for /healthz: READY=1
# must come once, and only when the server already answers.  SIGTERM must
# send STOPPING=1.  A NOTIFY_SOCKET nobody listens on does not stop the
# server.  dist/qingfeng.service passes `systemd-analyze verify` (and its
# offline security score is printed).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }

# listen SOCKET LOG: the fake service manager; every datagram becomes a
# line "MESSAGE|STATUS-OF-/healthz-RIGHT-AFTER" in LOG (\n shown as ';');
# "bound" in LOG.bound once listening
listen() {
	python3 - "$1" "$2" "$PORT" <<'PY' &
import socket, sys, urllib.request
path, log, port = sys.argv[1], sys.argv[2], sys.argv[3]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("\0" + path[1:] if path.startswith("@") else path)
s.settimeout(60)
open(log + ".bound", "w").write("bound\n")
while True:
    try:
        msg = s.recv(4096).decode()
    except socket.timeout:
        break
    st = "down"
    if "READY=1" in msg.split("\n"):
        try:
            st = str(urllib.request.urlopen("http://127.0.0.1:%s/healthz" % port, timeout=5).status)
        except Exception as e:
            st = "down"
    with open(log, "a") as f:
        f.write(msg.replace("\n", ";") + "|" + st + "\n")
    if "STOPPING=1" in msg.split("\n"):
        break
PY
	LISTENER=$!
	for _ in $(seq 1 100); do [ -e "$2.bound" ] && return 0; sleep 0.05; done
	return 1
}
# wait_line LOG PATTERN: until LOG has a line matching PATTERN (<= 30 s)
wait_line() {
	for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
	return 1
}

# serve_notify SOCKET LOG: a server with NOTIFY_SOCKET=SOCKET, without
# start_server's polling (the listener is what watches it)
serve_notify() {
	NOTIFY_SOCKET=$1 "$QF_BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" >>"$T_DIR/serve.log" 2>&1 &
	SERVER_PID=$!
}

for kind in path abstract; do
	PORT=$(free_port)
	if [ $kind = path ]; then SOCK=$T_DIR/notify.sock; else SOCK=@qf-t63-$$-$RANDOM; fi
	LOG=$T_DIR/notify.$kind
	check "($kind) the fake systemd listens on $SOCK" listen "$SOCK" "$LOG"
	serve_notify "$SOCK"
	check "($kind) READY=1 arrives" wait_line "$LOG" 'READY=1'
	expect_eq "($kind) ... when /healthz already answers 200" 200 "$(grep 'READY=1' "$LOG" | head -1 | cut -d'|' -f2)"
	expect_eq "($kind) ... exactly once" 1 "$(grep -c 'READY=1' "$LOG")"
	expect_eq "($kind) the server answers" 200 "$(http_status "http://127.0.0.1:$PORT/healthz")"
	stop_server
	check "($kind) SIGTERM sends STOPPING=1" wait_line "$LOG" 'STOPPING=1'
	wait "$LISTENER" 2>/dev/null
	expect_eq "($kind) the server exits 0" 0 "$SERVER_LAST_RC"
done

# nobody listening: a warning, and the server serves all the same
# (start_server: it makes sure the answer is this server's)
NOTIFY_SOCKET=$T_DIR/nobody.sock start_server
expect_eq "a NOTIFY_SOCKET nobody listens on does not stop the server" 200 "$(http_status "$BASE/healthz")"
stop_server
expect_contains "... it logs a warning" "cannot notify" "$(cat "$T_DIR/serve.log")"

# the unit file
UNIT=$(dirname "$0")/../../dist/qingfeng.service
if command -v systemd-analyze >/dev/null 2>&1; then
	# the binary under test stands in for /usr/local/bin/qingfeng
	sed "s|^ExecStart=/usr/local/bin/qingfeng|ExecStart=$QF_BIN|" "$UNIT" >"$T_DIR/qingfeng.service"
	systemd-analyze verify --man=no "$T_DIR/qingfeng.service" >"$T_DIR/verify.out" 2>&1
	expect_eq "dist/qingfeng.service passes systemd-analyze verify" "0 " "$? $(cat "$T_DIR/verify.out")"
	echo "# $(systemd-analyze security --offline=yes "$T_DIR/qingfeng.service" 2>/dev/null | tail -1)"
else
	ok "# SKIP systemd-analyze not installed"
fi
for line in Type=notify User=qingfeng ProtectSystem=strict ReadWritePaths=/var/lib/qingfeng ProtectHome=yes \
	PrivateTmp=yes NoNewPrivileges=yes CapabilityBoundingSet= MemoryDenyWriteExecute=yes \
	LockPersonality=yes UMask=0077 SystemCallFilter=@system-service; do
	check "the unit has $line" grep -qx -- "$line" "$UNIT"
done

check "server log clean" server_clean
finish
