#!/usr/bin/env bash
# run-all.sh: everything `make test` runs, in order: cmocka unit tests,
# black-box tests of the real binary, the crash test, the browser tests.
# Each part prints its own lines; the last line counts them all:
# "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
out=$(mktemp -d /tmp/qf-run.XXXXXX)
trap 'rm -rf "$out"' EXIT

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
	local name=$1 log="$out/$1.log" p f
	shift
	"$@" >"$log" 2>&1
	local rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "    $name exited $rc" >>"$log"; fi
	passed=$((passed + p)); failed=$((failed + f))
	printf '%-28s %3d passed, %d failed\n' "$name" "$p" "$f"
	[ "$f" -eq 0 ] || grep -E '^(not ok|#)|exited' "$log" | sed 's/^/    /' | head -60
}

echo "== black-box tests (the real binary, ASan+UBSan)"
for t in tests/http/t*.sh; do
	[ -f "$t" ] || continue
	run_tap "$(basename "$t" .sh)" bash "$t"
done

if [ -f tests/browser/run.sh ]; then
	echo "== browser tests (Playwright, Chromium)"
	run_tap browser bash tests/browser/run.sh
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
