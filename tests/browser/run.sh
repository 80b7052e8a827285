#!/usr/bin/env bash
# run.sh: the browser tests, as tests/run-all.sh calls them
# (`bash tests/browser/run.sh`).  Starts the real binary (ASan+UBSan) on a
# fresh database, like the black-box tests, and walks its pages in Debian's
# chromium headless with Playwright (tests/browser/walk.mjs, then cases.mjs, layout.mjs, docs.mjs, roles.mjs,
# dash.mjs, attach.mjs, export.mjs, find.mjs, public.mjs, rate.mjs, ferry.mjs (with a second, public
# instance: see start_public), targets.mjs, rectify.mjs, campaign.mjs, inspect.mjs, talk.mjs, worklog.mjs and unitpick.mjs, last: it adds 2,001 units;
# WALKS="cases docs" runs a subset).  Prints TAP
# lines; exits non-zero on any failure.  The screenshots are kept in
# out/browser/ at the project root.
#
#   CHROMIUM  the browser (default /usr/bin/chromium; never downloaded)
#   QF_BIN    the binary under test (default build/san/qingfeng)
#   QF_KEEP   keep the temporary folder (database, server log)
#   WALKS     the walks to run, in order (default: all)
set -u
cd "$(dirname "$0")/../.."
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT_DIR=$PWD/out/browser

if ! command -v node >/dev/null 2>&1 || [ ! -x "$CHROMIUM" ]; then
	echo "not ok 1 - browser tests need chromium and node (run scripts/install-deps test)"
	exit 1
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	echo "# installing playwright-core (npm ci in tests/browser)"
	if ! (cd tests/browser && npm ci --no-audit --no-fund --silent) >/dev/null 2>&1; then
		echo "not ok 1 - npm ci in tests/browser failed (playwright-core not installed)"
		exit 1
	fi
fi
if [ ! -x "${QF_BIN:-build/san/qingfeng}" ]; then
	echo "not ok 1 - ${QF_BIN:-build/san/qingfeng} is not built (make build/san/qingfeng)"
	exit 1
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
	echo "# no Chinese font installed: the screenshots will show boxes for the text"
fi

. tests/http/lib.sh

if ! init_db; then
	not_ok "a fresh database with the test users"
	finish
fi
# the staff of the case walk (tests/browser/cases.mjs)
staff() {   # staff NAME ROLE DISPLAY [options]
	local n=$1 r=$2 d=$3; shift 3
	ready_user "$n" --role "$r" --display "$d" --password-stdin --db "$DB" "$@" >/dev/null
}
if ! { staff lead leader 王书记 --principal &&
	staff inv1 investigator 刘明 --office 第一审查调查室 &&
	staff judge trial 陈静 --office 案件审理室 &&
	staff inv2 investigator 赵强 --office 第二审查调查室 &&
	staff sup supervisor 孙监督 --office 第一监督检查室 &&
	staff insp1 inspection 钱巡察 --office 巡察办; }; then
	not_ok "the staff of the case walk"
	finish
fi
# the rectify walk's unit and its rectification account (a scoped role needs its unit first)
RECT_UNIT=$(sql "INSERT INTO units(region, name, kind, created_at, updated_at) VALUES ('230100', '整改示范局', 'department', 0, 0) RETURNING id")
if ! staff rect1 rectifier 周整改 --unit "$RECT_UNIT"; then
	not_ok "the rectification account of the rectify walk"
	finish
fi
WALKS=${WALKS:-"walk cases layout docs roles dash attach export find public rate ferry targets rectify campaign inspect talk worklog opinion unitpick"}
if ! start_server; then
	not_ok "the server starts"
	finish
fi

# A walk with the line "// instance: public" among its first lines
# (ferry.mjs) gets a second, public instance beside the intranet one: a
# database of its own (`init --public`), the keys exchanged as
# docs/operations.md says (lib.sh public_init, ferry_keys), `serve
# --public` on a port of its own, waited for like the first; stopped after
# the walk (and by lib.sh's cleanup, P_PID, if run.sh stops early).
P_BASE= P_PID= PDB= PKEY=
wants_public() { head -n 30 "tests/browser/$1.mjs" | grep -q '^// instance: public'; }
start_public() {
	local i_pid=$SERVER_PID i_base=$BASE rc=0
	if [ -z "$PDB" ]; then
		public_init && [ "$RC" = 0 ] && ferry_keys || {
			echo "# the public instance's init or key exchange failed:"; sed 's/^/# /' "$T_DIR/cli.err"
			return 1
		}
	fi
	DB=$PDB start_server --public --key "$PKEY" || rc=1
	P_BASE=$BASE P_PID=$SERVER_PID
	SERVER_PID=$i_pid BASE=$i_base
	return $rc
}
stop_public() {
	[ -n "$P_PID" ] || return 0
	kill -TERM "$P_PID" 2>/dev/null
	wait "$P_PID" 2>/dev/null
	P_PID= P_BASE=
}

mkdir -p "$OUT_DIR"
log=$T_DIR/walk.tap
: >"$log"
# the walks, in order, against the one server; TAP_FROM numbers on
for walk in $WALKS; do
	if wants_public "$walk" && ! start_public; then
		echo "not ok $(($(grep -cE '^(not )?ok ' "$log") + 1)) - $walk.mjs: the public instance starts" | tee -a "$log"
		continue
	fi
	BASE=$BASE PW=$PW OUT_DIR=$OUT_DIR CHROMIUM=$CHROMIUM TAP_FROM=$(grep -cE '^(not )?ok ' "$log") \
		P_BASE=$P_BASE QF_BIN=$QF_BIN QF_DB=$DB QF_PDB=$PDB QF_PKEY=$PKEY QF_TDIR=$T_DIR \
		QF_LOG=$T_DIR/serve.log BACKEND=$BACKEND \
		timeout 150 node "tests/browser/$walk.mjs" 2>>"$T_DIR/walk.err" | tee -a "$log"
	rc=${PIPESTATUS[0]}
	stop_public
	T_N=$(grep -cE '^(not )?ok ' "$log")
	T_FAILED=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$T_FAILED" -eq 0 ]; then
		not_ok "$walk.mjs exited $rc"
		echo "not ok $T_N - $walk.mjs exited $rc" >>"$log"
	fi
done
if [ -s "$T_DIR/walk.err" ]; then
	sed 's/^/# /' "$T_DIR/walk.err" | head -30
fi

stop_server
if server_clean; then
	ok "the server log has no sanitizer report"
else
	not_ok "the server log has no sanitizer report"
	grep -A20 -E 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T_DIR/serve.log" | sed 's/^/# /' | head -40
fi
echo "1..$T_N"
finish
