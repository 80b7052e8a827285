#!/usr/bin/env bash
# t262_dash_office_items: the dashboard's offices each list their own items,
# read for all shown offices at once (issue 16, dash16j; bench/README.md
# "The dashboards' first view after a write at 10M: each office's items").
# One office's 210 verifications take the first TODO_HOME items of all
# offices, so every other shown office is read apart: 戊局 (3 problems)
# from every item the first read read (the problems are read in full: all
# of its are there), 乙局 (64 items), 丙局 (7) and 丁局 (3), whose
# verifications are not, in one to-do read of them (todo_query.offices):
# the verifications and the target tasks (filtered by office in SQL, run
# once per office) and the rectification problems (the unit's name their
# office; read in full and counted in C once).  Each office's table lists
# exactly the items SQL finds of that office in each family (at most 50 in
# urgency order: the verifications and tasks due before the problems, the
# problems by deadline; 另有N项 the rest), before and after a problem, a
# verification and a task move between offices and a problem is rectified
# (SQL, as another process's correction) and one is added through the API
# (the write that drops the kept page and counts).  A set read that ran the
# office-filtered providers once for all offices loses 乙局's to 丁局's
# verifications (the first office takes their LIMIT); one that kept only
# the first office's items of the families counted in C loses the others'.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }

# verifications FROM..TO of OFFICE approved from day D0 of 2022 (one a day)
verifications() {
	python3 - "$@" <<'PY'
import datetime, json, sys
a, b, office, d0 = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
for i in range(a, b + 1):
    day = datetime.date(2022, 1, 1) + datetime.timedelta(days=d0 + i - a)
    print(json.dumps(dict(type="clue", id=f"C{i}", received="2022-01-01", source="report", subjects=["P1"],
                          summary="s"), ensure_ascii=False))
    print(json.dumps(dict(type="disposition", clue=f"C{i}", decided=day.isoformat(),
                          method="preliminary_verification", verification_office=office), ensure_ascii=False))
PY
}
{
	for u in 甲局 乙局 丙局 丁局 戊局; do
		echo "{\"type\":\"unit\",\"id\":\"$u\",\"name\":\"$u\",\"kind\":\"department\",\"parent\":null}"
	done
	echo '{"type":"person","id":"P1","name":"孙某","unit":"甲局","rank":"staff"}'
	verifications 1 210 第1监督检查室 1
	# due after all of the first office's (not among the first 200)
	verifications 211 213 乙局 230
	verifications 214 215 丙局 235
	verifications 216 216 丁局 240
} >"$T_DIR/a.jsonl"
run_cli import "$T_DIR/a.jsonl"
expect_eq "216 verifications of four offices import" 0 "$RC"
[ "$RC" -eq 0 ] || echo "# $ERR"

unit() { sql "SELECT id FROM units WHERE name = '$1'"; }
# problems: N of UNIT due in November 2022 (after the verifications and tasks)
problems() {
	local i u v=""
	u=$(unit "$2")
	for i in $(seq 1 "$1"); do
		v="$v${v:+,} ($u, 'other', '整改$2$i', '2022-10-01', '2022-11-$(printf %02d $((i % 20 + 1)))', 'open', 0)"
	done
	sql "INSERT INTO problems (unit_id, source, summary, found, deadline, state, created_at) VALUES $v" >/dev/null
}
problems 60 乙局
problems 4 丙局
problems 2 丁局
problems 3 戊局
CM=$(sql "SELECT id FROM users WHERE name = 'cm'")
ASPECT=$(sql "SELECT code FROM target_aspects ORDER BY seq LIMIT 1")
sql "INSERT INTO target_ledgers (year, name) VALUES (2022, '测试台帐')" >/dev/null
L=$(sql "SELECT max(id) FROM target_ledgers")
for t in 任务甲:乙局:2022-10-05 任务乙:丙局:2022-10-06; do
	IFS=: read -r title office day <<<"$t"
	sql "INSERT INTO target_tasks (ledger_id, aspect, title, leader_id, office, deadline, created_at)
		VALUES ($L, '$ASPECT', '$title', $CM, '$office', '$day', 0)" >/dev/null
done

start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"

# SQL: an office's items of each family (ids in the order of its table)
ids() { sql "$1" | tr '\n' , | sed 's/,$//'; }
clues_of() { ids "SELECT id FROM clues WHERE state = 'preliminary_verification' AND verification_office = '$1' ORDER BY id"; }
tasks_of() { ids "SELECT id FROM target_tasks WHERE done IS NULL AND leader_id = $CM AND office = '$1' ORDER BY id"; }
problems_of() {   # OFFICE [LIMIT]: by deadline and id, the first LIMIT
	ids "SELECT p.id FROM problems p JOIN units u ON u.id = p.unit_id WHERE u.name = '$1'
		AND p.state <> 'rectified' ORDER BY p.deadline, p.id ${2:+LIMIT $2}"
}
count_of() { local v=$1; [ -z "$v" ] && echo 0 || tr , '\n' <<<"$v" | wc -l; }

# the dashboard: each office's table (office, rows, 另有, the ids of each
# family in the table's order, the clues and tasks sorted)
tables() {
	curl -s -b "$JAR" "$BASE/" >"$T_DIR/home.html"
	python3 - "$T_DIR/home.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<div class="todo-office" id="todo-\d+"><h3>(.*?)</h3>(.*?)</div>', page, re.S):
    body = m.group(2)
    fam = lambda f: re.findall(r'href="/%s/(\d+)"' % f, body)
    clues, tasks, probs = fam("clues"), fam("targets"), fam("problems")
    more = re.search(r'另有(\d+)项', body)
    print(m.group(1), len(clues) + len(tasks) + len(probs), more.group(1) if more else 0,
          ",".join(sorted(clues, key=int)) or "-", ",".join(sorted(tasks, key=int)) or "-", ",".join(probs) or "-")
PY
}
# check STEP: every shown office's table against SQL
check_offices() {
	local bad="" office rows more c t p wc wt wp n
	tables >"$T_DIR/tables"
	expect_eq "$1: the dashboard shows the five offices" \
		"$(printf '%s\n' 第1监督检查室 乙局 丙局 丁局 戊局 | LC_ALL=C sort | tr '\n' ' ')" \
		"$(cut -d' ' -f1 "$T_DIR/tables" | LC_ALL=C sort | tr '\n' ' ')"
	while read -r office rows more c t p; do
		[ "$office" != 第1监督检查室 ] || continue
		wc=$(clues_of "$office") wt=$(tasks_of "$office")
		n=$(($(count_of "$wc") + $(count_of "$wt")))
		# the problems after the verifications and tasks, up to 50 rows
		wp=$(problems_of "$office" $((50 - n)))
		n=$((n + $(count_of "$(problems_of "$office")")))
		[ "$c" = "${wc:--}" ] || bad="$bad $office:clues:$c/$wc"
		[ "$t" = "${wt:--}" ] || bad="$bad $office:tasks:$t/$wt"
		[ "$p" = "${wp:--}" ] || bad="$bad $office:problems:$p/$wp"
		[ "$rows" -eq $((n < 50 ? n : 50)) ] && [ "$more" -eq $((n - rows)) ] || bad="$bad $office:$rows+$more/$n"
	done <"$T_DIR/tables"
	expect_eq "... each office lists SQL's items of each family, 另有 the rest" "" "$bad"
}
check_offices "before the writes"
expect_eq "... 乙局: 50 rows, 另有14项" "乙局 50 14" "$(grep '^乙局 ' "$T_DIR/tables" | cut -d' ' -f1-3)"
expect_eq "... the first office: 50 rows, 另有160项" "第1监督检查室 50 160" \
	"$(grep '^第1监督检查室 ' "$T_DIR/tables" | cut -d' ' -f1-3)"

# moves between offices (SQL: another process's correction), then a write
# through the server: a problem of 丁局 through the API
P1=$(sql "SELECT min(p.id) FROM problems p JOIN units u ON u.id = p.unit_id WHERE u.name = '乙局'")
sql "UPDATE problems SET unit_id = $(unit 丙局) WHERE id = $P1" >/dev/null
sql "UPDATE clues SET verification_office = '丁局' WHERE id = (SELECT min(id) FROM clues WHERE verification_office = '乙局')" \
	>/dev/null
sql "UPDATE target_tasks SET office = '丁局' WHERE title = '任务乙'" >/dev/null
sql "UPDATE problems SET state = 'rectified', rectified = '2022-11-30'
	WHERE id = (SELECT min(p.id) FROM problems p JOIN units u ON u.id = p.unit_id WHERE u.name = '丙局' AND p.id <> $P1)" >/dev/null
OUT=$(api POST /api/problems "{\"unit_id\":$(unit 丁局),\"source\":\"other\",\"summary\":\"新问题\",\"found\":\"2022-10-02\",\"deadline\":\"2022-11-03\"}")
expect_eq "a problem of 丁局 through the API" 201 "$(status "$OUT")"
check_offices "after the moves"
expect_eq "... 丁局: two verifications, a task, three problems" "丁局 6 0" "$(grep '^丁局 ' "$T_DIR/tables" | cut -d' ' -f1-3)"
expect_eq "... 乙局: 50 rows, 另有12项" "乙局 50 12" "$(grep '^乙局 ' "$T_DIR/tables" | cut -d' ' -f1-3)"
check "no sanitizer report" server_clean
finish
