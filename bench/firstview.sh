#!/usr/bin/env bash
# firstview.sh: the first view of the kept lists after a write (issue 16,
# bench/README.md "The lists' first view after a write"), on a database at
# scale:
#
#   bench/firstview.sh DB [ROUNDS]     # a SQLite database loaded by pages.sh (BENCH_KEEP)
#
# Signs in as the case manager `bench` (and `inspection` when it exists),
# then ROUNDS times (default 5): creates a unit through the JSON API (a
# write: the data's version moves, every kept rendering is dropped),
# fetches /campaigns (the badge's recount) and then each list once, its time the first view's.
# FIRSTVIEW_LISTS: the pages instead (e.g. "/ /annual?year=2022": the
# dashboard); FIRSTVIEW_ROLES: "cm inspection" by default, "cm leader" the
# dashboard's; FIRSTVIEW_HTML=PREFIX: / as each role after the round's views,
# the form token left out, saved to PREFIX.ROLE.ROUND.html (old vs new).  Prints each list's
# times and the server's CPU for each (ms, in the kernel's 10 ms ticks),
# with their medians.  QF_BIN picks the binary; extra server
# environment (QF_SLOW_SQL_MS) passes through.  Writes to DB: use a copy.
# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

CONNS=1 WTHREADS=1 SECS=1
DB=${1:?usage: firstview.sh DB [ROUNDS]}
ROUNDS=${2:-5}
[ -f "$DB" ] || die "no database $DB"
bench_setup qf-bench-firstview
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

qf_start s "$TMP/serve.log" "$DB"
qf_login s
# /campaigns (the inspection role: /inspections) first: the page after a write recounts the to-do badge (kept
# per user, dropped by the write: 50-100 ms at 10M), whichever it is
LISTS=${FIRSTVIEW_LISTS:-"/campaigns /outcomes /worklog /problems /detentions /targets /clues /cases /talks /matter-reports /persons"}
ROLES=cm
for extra in inspection leader; do
	case " ${FIRSTVIEW_ROLES:-cm inspection} " in *" $extra "*) ;; *) continue ;; esac
	if [ -n "$(sqlite3 -batch "$DB" "SELECT 1 FROM users WHERE name = '$extra'")" ]; then
		printf -v "BASE_$extra" '%s' "$BASE_s"
		qf_login "$extra" "$extra"
		ROLES="$ROLES $extra"
	fi
done
# one_ms JAR URL: the view's time and the server's CPU for it, in ms
# (tab-separated; fails unless 200)
one_ms() {
	local out c0 c1
	c0=$(cpu_ticks "$PID_s")
	out=$(curl -s -m 600 -o /dev/null -w '%{http_code} %{time_total}' -b "$1" "$BASE_s$2")
	c1=$(cpu_ticks "$PID_s")
	[ "${out%% *}" = 200 ] || die "GET $2 answered ${out%% *}"
	python3 -c "print(f'{${out#* } * 1000:.1f}\t{($c1 - $c0) * 1000 / $TICK:.0f}')"
}
: >"$TMP/times"
for r in $(seq 1 "$ROUNDS"); do
	for role in $ROLES; do
		jar=JAR_$role
		[ "$role" = cm ] && jar=JAR_s
		jar=${!jar}
		qf_post s /api/units "{\"name\":\"首屏测试局$r$role$$\",\"kind\":\"department\"}" >/dev/null ||
			die "the write failed"
		if [ "$role" = inspection ]; then lists="/inspections /problems"; else lists=$LISTS; fi
		for u in $lists; do
			printf '%s\t%s\t%s\n' "$role" "$u" "$(one_ms "$jar" "$u")" >>"$TMP/times"
		done
		[ -z "${FIRSTVIEW_HTML:-}" ] || curl -s -b "$jar" "$BASE_s/" | sed 's/name="csrf" value="[^"]*"//g' >"$FIRSTVIEW_HTML.$role.$r.html"
	done
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "${FIRSTVIEW_LOG:-}" ] || cp "$TMP/serve.log" "$FIRSTVIEW_LOG"
python3 - "$TMP/times" "$LOAD" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    role, url, ms, cpu = line.rstrip("\n").split("\t")
    rows.setdefault((role, url), []).append((float(ms), float(cpu)))
print(f"{'role':<11}{'list':<18}{'median ms':>10}{'CPU ms':>8}  each (ms / CPU ms)")
for (role, url), v in rows.items():
    print(f"{role:<11}{url:<18}{statistics.median(x for x, _ in v):>10.1f}{statistics.median(c for _, c in v):>8.0f}  "
          f"{' '.join(f'{x:.1f}/{c:.0f}' for x, c in v)}")
print(f"load average after: {sys.argv[2]}")
PY
