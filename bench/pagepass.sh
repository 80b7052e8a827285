#!/usr/bin/env bash
# pagepass.sh: every page of the platform on a database at scale, p50 and
# p99 each, against p99 < 50 ms (issue 16; bench/README.md "Every family at
# scale").  Run by bench/pages.sh after it loads a national year; alone on
# a kept database:
#
#   bench/pagepass.sh DB     # a SQLite database loaded by pages.sh (BENCH_KEEP)
#   PAGEPASS_KEY=KEY bench/pagepass.sh postgresql://...   # a PostgreSQL one (BENCH_BACKEND=pg)
#
# On PostgreSQL the server's CPU a request is qingfeng's plus the
# database's (the postmaster and its backends, found from the cluster's
# postmaster.pid: the cluster must be on this machine).
#
# Signs in as the case manager `bench` (every list, a record of each
# family, the dashboard, /notices, /statistics, /annual) and as the
# accounts pages.sh adds when they exist (leader: the dashboard, /notices,
# /statistics and the opinion requests, which the case manager may not
# read; inspection: the inspections, one inspection (its group's need to
# know lets these two roles see every one), its problems), fetches each page once (its status and
# size; a page that does not answer 200 is listed, not measured), then
# measures it with wrk at PAGE_CONNS connections (default 4) for
# BENCH_SECS (default 3) s after a warm-up; a page whose second view is
# slower than BENCH_SECS/50 s gets three more requests one after the other
# instead (p50 the median, p99 the slowest), as stats.sh does.  The first
# view (cold: the first after the server's start, as after a write for a
# kept list) is its own column and verdict: a kept list's first view
# renders and counts, every later one is served from what was kept, so a
# p99 of three views that counted the first would say nothing of either.  Each page's server CPU a
# request (microseconds; wrk's runs as run_wrk counts it, the three
# requests' from /proc) is the figure to compare on a loaded machine.  The floor (bench/floor.c,
# a 20 KB page) is measured in the same run.  Then the annual report: `qingfeng report --annual`
# (best of 3, < 1 s) and GET /annual?year=2022.  Prints one line a page and
# the verdicts; exits non-zero only when setup fails.
# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

BENCH_CONNS=${PAGE_CONNS:-4}
CONNS=$BENCH_CONNS
SECS=${BENCH_SECS:-3}
WTHREADS=${BENCH_THREADS:-2}
[ "$WTHREADS" -le "$CONNS" ] || WTHREADS=$CONNS
T_P99_MS=50
DB=${1:?usage: pagepass.sh DB}
KEYOPT=()
PG_PM=
case $DB in
postgres*)
	if [ -z "${PAGEPASS_KEY:-}" ] || [ ! -f "$PAGEPASS_KEY" ]; then
		die "PAGEPASS_KEY must name the database's key file"
	fi
	KEYOPT=(--key "$PAGEPASS_KEY")
	PG_PM=$(head -1 "$(psql -X -At -v ON_ERROR_STOP=1 "$DB" -c 'SHOW data_directory')/postmaster.pid") ||
		die "no postmaster.pid for $DB (the cluster must be on this machine)"
	sq() { psql -X -At -v ON_ERROR_STOP=1 "$DB" -c "$1"; }
	;;
*)
	[ -f "$DB" ] || die "no database $DB"
	DB=$(cd "$(dirname "$DB")" && pwd)/$(basename "$DB")
	sq() { sqlite3 -batch "$DB" "$1"; }
	;;
esac

if [ -z "${PAGEPASS_TMP:-}" ]; then
	bench_setup qf-bench-pagepass sqlite3
	trap bench_cleanup EXIT
else
	TMP=$PAGEPASS_TMP
fi
trap 'exit 130' INT TERM
RESULTS=$TMP/pages.tsv
: >"$RESULTS"

# the first views of a SQLite database read its pages through a memory
# map: a fault out of the OS cache reads the device's read-ahead window
# (docs/operations.md "2.9 The database's disk: read-ahead"), so the
# first-view column depends on it: said with every run
case $DB in
postgres*) ;;
*)
	dev=$(basename "$(df --output=source "$DB" | tail -1)")
	ra=/sys/class/block/$dev/queue/read_ahead_kb
	[ -f "$ra" ] || ra=/sys/class/block/$dev/../queue/read_ahead_kb
	echo "bench: the database's device $dev: read_ahead_kb $(cat "$ra" 2>/dev/null || echo unknown)"
	;;
esac

floor_build
floor_start f "$WTHREADS" 20000
run_wrk floor "$CONNS" "$FLOOR_PID_f" "http://127.0.0.1:$FLOOR_PORT_f/" 20000
printf 'floor\t(bench/floor.c, 20 KB)\t200\t20000\t%s\t%s\t%s\t%s\t-\n' "$P50_floor" "$P99_floor" "$RPS_floor" \
	"$CPU_floor" >>"$RESULTS"

qf_start s "$TMP/serve.log" "$DB" "${KEYOPT[@]}"
qf_login s
# one_get URL JAR: "status bytes seconds" of one GET
one_get() {
	curl -s -m 600 -o "$TMP/page.out" -w '%{http_code} %{size_download} %{time_total}' -b "$2" "$BASE_s$1"
}

# page ROLE NAME URL: one line of $RESULTS
n=0
page() {
	local role=$1 name=$2 url=$3 jar=JAR_s st bytes t out c0 c1
	[ "$role" = cm ] || jar=JAR_$role
	n=$((n + 1))
	read -r st bytes first <<<"$(one_get "$url" "${!jar}")"
	if [ "$st" != 200 ]; then
		printf '%s\t%s %s\t%s\t%s\t-\t-\t-\t-\t-\n' "$role" "$name" "$url" "$st" "$bytes" >>"$RESULTS"
		return 0
	fi
	t=$(one_get "$url" "${!jar}" | cut -d' ' -f3)
	if python3 -c "import sys; sys.exit(not $t < $SECS / 50)"; then
		run_wrk "p$n" "$CONNS" "$PID_s${PG_PM:+ $PG_PM}" "$BASE_s$url" "$bytes" \
			-H "Cookie: qf_session=$(awk '$6 == "qf_session" {print $7}' "${!jar}")" --timeout 30s
		out="$(eval echo "\$P50_p$n \$P99_p$n \$RPS_p$n \$((CPU_p$n + XCPU_p$n))")"
	else
		c0=$(cpu_ticks "$PID_s" ${PG_PM:+"$PG_PM"})
		t="$t $(one_get "$url" "${!jar}" | cut -d' ' -f3) $(one_get "$url" "${!jar}" | cut -d' ' -f3)"
		c1=$(cpu_ticks "$PID_s" ${PG_PM:+"$PG_PM"})
		out=$(python3 -c "v = sorted([$(tr ' ' , <<<"$t")]); print(f'{v[1] * 1000:.2f} {v[2] * 1000:.2f} {1 / v[1]:.2f} {($c1 - $c0) * 1e6 / $TICK / 2:.0f}')")
	fi
	printf '%s\t%s %s\t%s\t%s\t%s\t%.2f\n' "$role" "$name" "$url" "$st" "$bytes" "$(tr ' ' '\t' <<<"$out")" \
		"$(python3 -c "print($first * 1000)")" >>"$RESULTS"
}

id() { sq "SELECT coalesce(($1), 0)"; }
page cm 首页 /
page cm 待办通知 /notices
page cm 线索 /clues
page cm 线索详情 "/clues/$(id "SELECT max(id) FROM clues WHERE state = 'filed'")"
page cm 案件 /cases
page cm 案件详情 "/cases/$(id "SELECT min(id) FROM cases WHERE state = 'closed' AND transferred IS NOT NULL")"
page cm 留置 /detentions
page cm 处分处理 /outcomes
page cm 处分详情 "/outcomes/$(id "SELECT max(id) FROM outcomes")"
page cm 人员 /persons
page cm 人员详情 "/persons/$(id "SELECT person_id FROM outcomes ORDER BY id DESC LIMIT 1")"
page cm 单位 /units
page cm 单位详情 "/units/$(id "SELECT max(id) FROM units")"
page cm 专项整治 /campaigns
page cm 专项详情 /campaigns/1
page cm 问题整改 /problems
page cm 问题详情 "/problems/$(id "SELECT max(id) FROM problems")"
page cm 码上问效 /ratings
page cm 差评 /ratings/bad
page cm 差评详情 "/ratings/bad/$(id "SELECT max(id) FROM bad_reviews")"
page cm 谈话 /talks
page cm 谈话详情 "/talks/$(id "SELECT max(id) FROM talks")"
page cm 事项报告 /matter-reports
page cm 事项报告详情 "/matter-reports/$(id "SELECT max(id) FROM matter_reports")"
page cm 工作台账 /worklog
page cm 工作详情 "/worklog/$(id "SELECT max(id) FROM activities")"
page cm 目标任务 /targets
page cm 任务详情 "/targets/$(id "SELECT max(id) FROM target_tasks")"
page cm 廉政档案 "/persons/$(id "SELECT max(u.person_id) FROM integrity_updates u JOIN persons p ON p.id = u.person_id
	WHERE p.rank IN ('county', 'section')")/integrity"
page cm 巡察 /inspections
page cm 巡察轮次 "/inspection-rounds/$(id "SELECT max(id) FROM inspection_rounds")"
page cm 统计 /statistics
page cm 年度报告 "/annual?year=2022"
for role in leader inspection; do
	[ -n "$(sq "SELECT 1 FROM users WHERE name = '$role'")" ] || continue
	printf -v "BASE_$role" '%s' "$BASE_s"
	qf_login "$role" "$role"
	case $role in
	leader) page leader 首页 / ; page leader 待办通知 /notices ; page leader 统计 /statistics
		page leader 廉政意见 /opinions
		page leader 廉政意见详情 "/opinions/$(id "SELECT max(id) FROM opinion_requests")" ;;
	inspection) page inspection 巡察 /inspections
		page inspection 巡察详情 "/inspections/$(id "SELECT max(id) FROM inspections")"
		page inspection 巡察轮次 "/inspection-rounds/$(id "SELECT max(id) FROM inspection_rounds")"
		page inspection 问题整改 /problems ;;
	esac
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
bench_stop_all

echo "bench: qingfeng report --year 2022 --annual (best of 3; and its CPU seconds, user + system, the least)"
ANNUAL_S=$(best_of 3 "$QF_BIN" report --db "$DB" "${KEYOPT[@]}" --year 2022 --annual --format text --out "$TMP/annual.txt") ||
	die "report --annual failed"
ANNUAL_CPU=$(for _ in 1 2 3; do
	/usr/bin/time -f '%U %S' "$QF_BIN" report --db "$DB" "${KEYOPT[@]}" --year 2022 --annual --format text \
		--out "$TMP/annual.txt" 2>&1 >/dev/null | tail -1
done | awk '{ s = $1 + $2; if (NR == 1 || s < m) m = s } END { printf "%.2f", m }')

echo
python3 - "$RESULTS" "$T_P99_MS" "$ANNUAL_S" "$LOAD_AFTER" "$ANNUAL_CPU" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
limit, annual, load, annual_cpu = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
floor = next(r for r in rows if r[0] == "floor")
print(f"{'role':<11}{'page':<58}{'status':>6}{'bytes':>9}{'first ms':>9}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}{'cpu us':>9}  verdict")
npass = nmiss = nfirst = 0
for r in rows:
    role, name, st, size, p50, p99, rps, cpu, first = r
    if st != "200":
        verdict = "not measured"
    elif role == "floor":
        verdict = "(reference)"
    else:
        ok = float(p99) < limit
        npass, nmiss = npass + ok, nmiss + (not ok)
        nfirst += float(first) < limit
        verdict = f"p99 < {limit:g} ms {'PASS' if ok else 'MISS'}; first {'PASS' if float(first) < limit else 'MISS'}"
    print(f"{role:<11}{name:<58}{st:>6}{size:>9}{first:>9}{p50:>9}{p99:>9}{rps:>9}{cpu:>9}  {verdict}")
print(f"\npages: {npass} PASS, {nmiss} MISS of {npass + nmiss} (p99 after the first view); "
      f"first view < {limit:g} ms: {nfirst} of {npass + nmiss}; floor p50 {floor[4]} ms p99 {floor[5]} ms "
      f"{floor[6]} req/s; load average after: {load}")
print(f"report --annual: {annual:.3f} s ({annual_cpu} s of CPU)  < 1 s {'PASS' if annual < 1 else 'MISS'}")
PY
