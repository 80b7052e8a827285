#!/usr/bin/env bash
# run-all.sh: everything `make test` runs, in order: cmocka unit tests,
# black-box tests of the real binary (the crash test among them) and the
# browser tests on SQLite; then the black-box and browser tests again on
# PostgreSQL, on a throw-away cluster that tests/pg.sh starts in a
# temporary folder and that is stopped at the end (also on failure or
# interruption).  PostgreSQL not installed is a failure, not a skip.
# The two passes run side by side (a test keeps about 1.2 cores busy: on
# 2 cores the pair takes about 0.6 of the time of one after the other);
# QF_SERIAL=1 runs them one after the other.  Each test prints one line,
# " (pg)" after the name on PostgreSQL; the last line counts them all, over
# both passes: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
# the first pass is SQLite whatever the caller's environment says
unset QF_PG QF_PG_DIR QINGFENG_DB QINGFENG_KEY
passed=0
failed=0
out=$(mktemp -d /tmp/qf-run.XXXXXX)
pg_dir=
pg_pid=
stop_all() {   # the PostgreSQL pass if still running, the cluster, the logs
	if [ -n "$pg_pid" ]; then
		pkill -TERM -P "$pg_pid" 2>/dev/null
		kill -TERM "$pg_pid" 2>/dev/null
		wait "$pg_pid" 2>/dev/null
	fi
	[ -z "$pg_dir" ] || QF_PG_DIR=$pg_dir tests/pg.sh stop >/dev/null 2>&1
	rm -rf "$out"
}
trap stop_all EXIT
trap 'echo "interrupted"; exit 130' INT TERM
start=$(date +%s)

echo "== unit tests (cmocka, ASan+UBSan)"
for t in build/san/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	"$t" >"$out/$name.log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | tail -1)
	p=${p:-0}; f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)); failed=$((failed + f))
	printf '%-28s %3d passed, %d failed\n' "$name" "$p" "$f"
	[ "$f" -eq 0 ] || sed 's/^/    /' "$out/$name.log" | grep -vE '^\s*\[ (RUN|       OK) ' | head -40
done

run_tap() {   # run_tap NAME COMMAND...: a script printing TAP lines
	local name=$1 log="$out/$(tr -c 'a-zA-Z0-9_\n' _ <<<"$1").log" p f
	shift
	local t0=$SECONDS
	"$@" >"$log" 2>&1
	local rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "    $name exited $rc" >>"$log"; fi
	passed=$((passed + p)); failed=$((failed + f))
	# one write a test, so that the two passes' lines do not interleave
	local line
	line=$(printf '%-28s %3d passed, %d failed  (%d s)' "$name" "$p" "$f" $((SECONDS - t0)))
	[ "$f" -eq 0 ] || line+=$'\n'$(grep -E '^(not ok|#)|exited' "$log" | sed 's/^/    /' | head -60)
	printf '%s\n' "$line"
}

fail_line() {   # fail_line NAME MESSAGE: one failure that no script reported
	failed=$((failed + 1))
	printf '%-28s %3d passed, 1 failed: %s\n' "$1" 0 "$2"
}

run_suites() {   # run_suites SUFFIX: the black-box and the browser tests
	local sfx=$1 t0=$(date +%s) t
	echo "== black-box tests (the real binary, ASan+UBSan)${sfx:+ on PostgreSQL}"
	for t in tests/http/t*.sh; do
		[ -f "$t" ] || continue
		# QF_ONLY="t20_login t90_crash": those black-box tests alone (a trial of this script)
		[ -z "${QF_ONLY:-}" ] || [[ " $QF_ONLY " == *" $(basename "$t" .sh) "* ]] || continue
		run_tap "$(basename "$t" .sh)$sfx" bash "$t"
	done
	if [ -f tests/browser/run.sh ]; then
		echo "== browser tests (Playwright, Chromium)${sfx:+ on PostgreSQL}"
		run_tap "browser$sfx" bash tests/browser/run.sh
	fi
	echo "   ($(( $(date +%s) - t0 )) s${sfx:+, on PostgreSQL})"
}

pg_pass() {   # the PostgreSQL pass; its counts end in $out/pg.count
	run_suites " (pg)"
	echo "$passed $failed" >"$out/pg.count"
}

echo "== PostgreSQL: a throw-away cluster (tests/pg.sh)"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	fail_line postgresql "not installed: run scripts/install-deps test"
elif ! command -v psql >/dev/null 2>&1 || ! command -v pg_dump >/dev/null 2>&1 ||
	! command -v pg_restore >/dev/null 2>&1; then
	fail_line postgresql "psql, pg_dump or pg_restore not installed: run scripts/install-deps test"
elif ! pg_env=$(tests/pg.sh start 2>"$out/pg.err"); then
	fail_line postgresql "the cluster did not start"
	sed 's/^/    /' "$out/pg.err" | head -20
else
	# kept aside: the SQLite pass must not see them
	eval "$pg_env"
	pg_uri=$QF_PG pg_dir=$QF_PG_DIR
	unset QF_PG QF_PG_DIR
	echo "   $pg_uri (in $pg_dir)"
fi

# the SQLite pass sees no QF_PG; the PostgreSQL pass starts from zero
# counts and hands its own back through $out/pg.count
if [ -n "$pg_dir" ]; then
	if [ -n "${QF_SERIAL:-}" ]; then
		run_suites ""
		(passed=0 failed=0; export QF_PG=$pg_uri QF_PG_DIR=$pg_dir; pg_pass)
	else
		(passed=0 failed=0; export QF_PG=$pg_uri QF_PG_DIR=$pg_dir; pg_pass) &
		pg_pid=$!
		run_suites ""
		wait "$pg_pid"
		pg_pid=
	fi
	if [ -s "$out/pg.count" ]; then
		read -r p f <"$out/pg.count"
		passed=$((passed + p)); failed=$((failed + f))
	else
		fail_line "postgresql" "the pass ended without its counts"
	fi
	QF_PG_DIR=$pg_dir tests/pg.sh stop
	pg_dir=
else
	run_suites ""
fi

echo "   (all: $(( $(date +%s) - start )) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
