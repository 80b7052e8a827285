#!/bin/sh
# tests/fuzz/run.sh: builds each libFuzzer target (tests/fuzz/fuzz_*.c) with
# ASan and UBSan and runs it for FUZZ_SECONDS (default 20) seconds, starting
# from its seed corpus in tests/fuzz/corpus/<target>/.  New inputs go to
# build/fuzz/corpus/<target>/ (the seeds in the tree stay as they are), logs
# and crash inputs to build/fuzz/.  Prints one line per target and exits
# non-zero when a target failed to build, crashed or timed out.
#
#   FUZZ_SECONDS=300 tests/fuzz/run.sh           longer runs
#   tests/fuzz/run.sh fuzz_form                  some targets only
#   build/fuzz/fuzz_form build/fuzz/fuzz_form-crash-...   replay a crash

cd "$(dirname "$0")/../.." || exit 1

FUZZ_SECONDS=${FUZZ_SECONDS:-20}
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || CC=clang-14
OUT=build/fuzz
CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-std=c17 -D_GNU_SOURCE -Isrc -Wall -Wextra -Wno-unused-parameter"
SRCS="src/core/strbuf.c src/core/arena.c src/core/xalloc.c src/core/escape.c src/core/text.c
	src/http/form.c src/http/cookie.c src/http/json_in.c"
JANSSON=$(pkg-config --cflags --libs jansson) || exit 1

if [ $# -gt 0 ]; then
	targets=$*
else
	targets=$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c; done)
fi

mkdir -p "$OUT/tmp" || exit 1
# the compiler's temporary objects stay ours, whatever else uses /tmp
TMPDIR=$PWD/$OUT/tmp
export TMPDIR
status=0
for t in $targets; do
	# shellcheck disable=SC2086  # the lists are meant to split
	if ! $CC $CFLAGS -o "$OUT/$t" "tests/fuzz/$t.c" $SRCS $JANSSON \
		>"$OUT/$t.build.log" 2>&1; then
		echo "$t: build failed, see $OUT/$t.build.log"
		status=1
		continue
	fi
	mkdir -p "$OUT/corpus/$t"
	seeds=
	[ -d "tests/fuzz/corpus/$t" ] && seeds="tests/fuzz/corpus/$t"
	# shellcheck disable=SC2086
	"$OUT/$t" -max_total_time="$FUZZ_SECONDS" -timeout=10 \
		-artifact_prefix="$OUT/$t-" "$OUT/corpus/$t" $seeds \
		>"$OUT/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs.*/\1/p' "$OUT/$t.log" | tail -n 1)
	if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
		echo "$t: $runs runs, ok"
	else
		echo "$t: failed (exit $rc), see $OUT/$t.log"
		status=1
	fi
done
exit $status
