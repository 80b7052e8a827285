#!/usr/bin/env bash
# t42_route_scan.sh: the authorization scan generated from the route table
# (issue 8, opening paragraph): every role x every route x an object inside
# and outside its reach, and an id that does not exist; a route the scan does
# not know fails it.  The scan itself is t42_route_scan.py (python3 standard
# library); this script gives it a fresh database and a running server, then
# checks that the server stayed clean and the audit chain holds.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
QF_BIN=$QF_BIN DB=$DB BASE=$BASE BACKEND=$BACKEND PW=$PW T_DIR=$T_DIR \
	python3 "$(dirname "$0")/t42_route_scan.py"
read -r T_N T_FAILED <"$T_DIR/scan.count" 2>/dev/null || { T_N=1; T_FAILED=1; echo "not ok 1 - the scan ran to its end"; }

expect_eq "server alive after the scan" 200 "$(http_status "$BASE/healthz")"
stop_server
"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
finish
