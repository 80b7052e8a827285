#!/usr/bin/env bash
# lists.sh: the list pages against the floor (issue 16; bench/README.md,
# "List pages").  `make bench-lists` runs it after building build/qingfeng.
#
# Loads BENCH_ROWS rows (default 150) of each list (persons, letters and
# visits, clues, cases, problems: bench/gen-lists.py) with `qingfeng import`
# (not the API: 1,000,000 rows load in minutes), then in one run, with wrk:
#   floor            the bare libmicrohttpd server (bench/floor.c), first
#                    and last: the mean is the reference
#   GET /login       not signed in
#   GET /PAGE?per=100  each list page, 100 rows, signed in as the case manager
# for QF_BIN and, when QF_OLD names a second binary, the same pages on it
# interleaved (old, new, old, new ...: same database, same load), and
# prints requests/s, p99, the server's CPU time per request and the ratio
# to the floor, with the targets (list >= 0.25, login >= 0.60, p99 < 10 ms).
#
# QF_OLD_DB=1 gives QF_OLD a database of its own, loaded with the same rows
# (a binary of an older schema refuses a database migrated past it).
#
# Environment (optional): QF_BIN, QF_OLD, QF_OLD_DB, BENCH_ROWS (1 to 1000000), BENCH_DB
# (a database loaded before, with the user bench of lib.sh's qf_init: no load),
# BENCH_SECS, BENCH_CONNS, BENCH_THREADS, BENCH_KEEP as bench/run.sh.

# shellcheck source=bench/lib.sh disable=SC2154
. "$(dirname "$0")/lib.sh"

ROWS=${BENCH_ROWS:-150}
in_range "$ROWS" 1 1000000 || die "BENCH_ROWS must be 1 to 1000000"
PAGES="persons reports clues cases problems"

bench_setup qf-bench-lists cc pkg-config sqlite3
[ -z "${QF_OLD:-}" ] || [ -x "$QF_OLD" ] || die "QF_OLD=$QF_OLD is not an executable"
pkg-config --exists libmicrohttpd || die "libmicrohttpd development files missing"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${BENCH_DB:-}" ]; then
	# a database loaded before (BENCH_KEEP=1 of an earlier run, or the same
	# steps by hand: qf_init, import, ANALYZE): used as it is
	DB=$BENCH_DB
	[ -f "$DB" ] || die "BENCH_DB=$DB does not exist"
	ROWS=$(sqlite3 "$DB" "SELECT count(*) FROM persons")
	IMPORT_S=-
else
	DB=$TMP/qf.db
	FILE=$TMP/lists.jsonl
	echo "bench: generating $ROWS rows of each list (bench/gen-lists.py)"
	python3 bench/gen-lists.py "$ROWS" >"$FILE" || die "gen-lists.py failed"
	qf_init "$DB"
	echo "bench: importing $(wc -l <"$FILE") records"
	IMPORT_S=$(seconds "$QF_BIN" import --db "$DB" "$FILE" 2>"$TMP/import.log") ||
		die "import failed: $(tail -3 "$TMP/import.log")"
	sqlite3 "$DB" "ANALYZE" >/dev/null
	echo "bench: imported in $IMPORT_S s"
fi

floor_build
floor_start a
FLOOR_BYTES=$(curl -s "http://127.0.0.1:$FLOOR_PORT_a/" | wc -c)

TAGS=new
qf_start new "$TMP/serve-new.log" "$DB"
if [ -n "${QF_OLD:-}" ]; then
	TAGS="old new"
	DB_OLD=$DB
	if [ -n "${QF_OLD_DB:-}" ]; then
		# a binary of an older schema (it refuses a newer database): its own
		# database of the same rows (gen-lists.py is deterministic)
		DB_OLD=$TMP/qf-old.db
		QF_BIN=$QF_OLD qf_init "$DB_OLD"
		"$QF_OLD" import --db "$DB_OLD" "$FILE" >"$TMP/import-old.log" 2>&1 || die "import (old) failed"
		sqlite3 "$DB_OLD" "ANALYZE" >/dev/null
	fi
	QF_BIN=$QF_OLD qf_start old "$TMP/serve-old.log" "$DB_OLD"
fi

# page_rows FILE: the rows of the list's table (<tr> in its <tbody>)
page_rows() {
	python3 -c 'import re,sys; t=open(sys.argv[1],encoding="utf-8").read(); b=re.search(r"<tbody>(.*?)</tbody>",t,re.S); print(len(re.findall(r"<tr[ >]", b.group(1))) if b else 0)' "$1"
}

for t in $TAGS; do
	qf_login "$t"
	base=BASE_$t session=SESSION_$t
	curl -s "${!base}/login" >"$TMP/login-$t.html"
	printf -v "BYTES_login_$t" '%s' "$(wc -c <"$TMP/login-$t.html")"
	for p in $PAGES; do
		out=$TMP/$p-$t.html
		st=$(curl -s -o "$out" -w '%{http_code}' -H "Cookie: qf_session=${!session}" "${!base}/$p?per=100")
		[ "$st" = 200 ] || die "$t: /$p?per=100 answered $st"
		printf -v "BYTES_${p}_$t" '%s' "$(wc -c <"$out")"
		printf -v "ROWS_${p}_$t" '%s' "$(page_rows "$out")"
	done
done

LOAD0=$(cut -d' ' -f1 /proc/loadavg)
run_wrk floorA "$CONNS" "$FLOOR_PID_a" "http://127.0.0.1:$FLOOR_PORT_a/" "$FLOOR_BYTES"
RESULTS=$TMP/results.tsv
: >"$RESULTS"
for p in login $PAGES; do
	for t in $TAGS; do
		base=BASE_$t session=SESSION_$t pid=PID_$t bytes=BYTES_${p}_$t rows=ROWS_${p}_$t
		if [ "$p" = login ]; then
			run_wrk "${p}_$t" "$CONNS" "${!pid}" "${!base}/login" "${!bytes}"
			url=/login
		else
			run_wrk "${p}_$t" "$CONNS" "${!pid}" "${!base}/$p?per=100" "${!bytes}" \
				-H "Cookie: qf_session=${!session}"
			url="/$p?per=100"
		fi
		r=RPS_${p}_$t p99=P99_${p}_$t cpu=CPU_${p}_$t
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$url" "$t" "${!bytes}" "${!rows:--}" "${!r}" "${!p99}" "${!cpu}" >>"$RESULTS"
	done
done
run_wrk floorB "$CONNS" "$FLOOR_PID_a" "http://127.0.0.1:$FLOOR_PORT_a/" "$FLOOR_BYTES"
LOAD1=$(cut -d' ' -f1 /proc/loadavg)
for t in $TAGS; do
	pid=PID_$t
	kill -0 "${!pid}" 2>/dev/null || die "server $t died during the run"
done

python3 - "$RESULTS" "$RPS_floorA" "$RPS_floorB" "$P99_floorA" "$P99_floorB" "$CPU_floorA" "$CPU_floorB" \
	"$ROWS" "$IMPORT_S" "$SECS" "$CONNS" "$WTHREADS" "$(nproc)" "$LOAD0" "$LOAD1" "$FLOOR_BYTES" <<'EOF'
import sys
a = sys.argv[1:]
res = [l.rstrip("\n").split("\t") for l in open(a[0], encoding="utf-8")]
rfa, rfb, pfa, pfb = map(float, a[1:5])
cf = (int(a[5]) + int(a[6])) // 2
rows, imp, secs, conns, thr, cores, load0, load1, fb = a[7:16]
rf = (rfa + rfb) / 2
print(f"\nqingfeng list pages: {rows} rows of each list (imported in {imp} s); wrk {thr} threads, "
      f"{conns} connections, {secs} s each; {cores} cores shared by wrk and the server")
print(f"\n{'target':<22}{'bin':<5}{'bytes':>7}{'rows':>5}{'req/s':>9}{'p99 ms':>8}{'cpu us':>8}{'ratio':>7}   verdict")
print(f"{'floor (bare MHD)':<22}{'':<5}{fb:>7}{'':>5}{rf:>9.0f}{max(pfa, pfb):>8.2f}{cf:>8}{1:>7.2f}   "
      f"(mean of {rfa:.0f} first, {rfb:.0f} last)")
miss = 0
for url, tag, b, n, r, p, c in res:
    ratio = float(r) / rf
    target = 0.60 if url == "/login" else 0.25
    ok = ratio >= target and float(p) < 10
    miss += tag == "new" and not ok
    print(f"{url:<22}{tag:<5}{b:>7}{n:>5}{float(r):>9.0f}{float(p):>8.2f}{int(c):>8}{ratio:>7.2f}   "
          f"{'PASS' if ok else 'MISS'} (ratio >= {target:.2f}, p99 < 10 ms)")
print(f"\nload average (1 min): {load0} before, {load1} after")
if abs(rfa - rfb) / rf > 0.15:
    print(f"WARNING: the floor moved {abs(rfa - rfb) / rf:.0%} between the first and the last run: "
          "the machine's load changed, the ratios are unreliable")
print("all targets met" if miss == 0 else f"{miss} target(s) missed (new binary)")
EOF
