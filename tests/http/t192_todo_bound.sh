# t192_todo_bound.sh: the to-do list bounded (issue 16: "No page view
# counts a whole large table"; bench/README.md: at 10M records the
# dashboard listed 31,192 overdue items one by one).  Each family of
# records counts its items in SQL and reads only the most urgent: the
# badge and the home page say the exact count, the home page lists at most
# 50 (per office) and links to 待办通知 for the rest, /notices pages
# through all of them in the order of urgency, 50 a page, and its filters
# (只看逾期, the office) count exactly.  The clocks: the preliminary
# verification, 15 working days from its approval (《中国共产党纪律检查机关
# 监督执纪工作规则》 art. 33 as configured in clock_limits), and the trial
# review, one month from its acceptance (art. 57).
. "$(dirname "$0")/lib.sh"

N=130           # overdue verifications, approved on 130 consecutive days of 2022
init_db || { not_ok "init"; finish; }
ready_user sup --role supervisor --office 第一监督检查室 --password-stdin >/dev/null
F=$T_DIR/todo.jsonl
# a trial accepted 28 days ago is due within 0-3 days: due soon, whatever
# the month; two accepted in 2022 are overdue
SOON=$(date -d '-28 days' +%F)
python3 - "$N" "$SOON" >"$F" <<'PY'
import datetime, json, sys
n, soon = int(sys.argv[1]), sys.argv[2]
out = lambda **o: print(json.dumps(o, ensure_ascii=False))
out(type="unit", id="U1", name="甲局", kind="department", parent=None)
out(type="person", id="P1", name="孙某", unit="U1", rank="staff")
d0 = datetime.date(2022, 1, 3)
for i in range(1, n + 1):
    out(type="clue", id=f"C{i}", received="2022-01-01", source="report", subjects=["P1"], summary="s")
    # the office handling a verification: the first 10 (C1..C10) the
    # supervisor's office (an import has no proposer: the file names it)
    office = {"verification_office": "第一监督检查室"} if i <= 10 else {}
    out(type="disposition", clue=f"C{i}", decided=str(d0 + datetime.timedelta(days=i)),
        method="preliminary_verification", **office)
for i, acc in enumerate(["2022-11-01", "2022-11-02", soon], 1):
    out(type="clue", id=f"T{i}", received="2022-01-01", source="report", subjects=["P1"], summary="s")
    out(type="disposition", clue=f"T{i}", decided="2022-01-02", method="preliminary_verification")
    out(type="disposition", clue=f"T{i}", decided="2022-01-10", method="file_case", approved_by="县纪委书记",
        committee_by="县委书记", committee_day="2022-01-10")
    out(type="case", id=f"A{i}", clue=f"T{i}", filed="2022-01-20", trial_accepted=acc, case_type="discipline",
        organ_kind="office", organ_name="第一审查调查室", categories=["integrity"])
PY
run_cli import "$F"
expect_eq "$N verifications and 3 trials import: exit 0" 0 "$RC"
expect_eq "... the verifications running, the trials in review" "$N 3" \
	"$(sql "SELECT (SELECT count(*) FROM clues WHERE state = 'preliminary_verification') || ' ' || (SELECT count(*) FROM cases WHERE state = 'trial')")"
TOTAL=$((N + 3))
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
id_of() { sql "SELECT id FROM clues WHERE ext_id = '$1'"; }

# ---- the badge and the home page --------------------------------------------------
http_get "$T_DIR/home" -b "$JAR" "$BASE/" >/dev/null
check "the badge says the exact count ($TOTAL)" grep -q "title=\"${TOTAL}项待办\"" "$T_DIR/home.b"
python3 - "$T_DIR/home.b" "$N" >"$T_DIR/home.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
t = t[t.index("<h2>待办事项</h2>"):]
groups = re.split(r'<div class="todo-office" id="todo-\d+">', t)[1:]
for g in groups:
    name = re.search(r"<h3>([^<]*)</h3>", g).group(1)
    rows = re.findall(r"问题线索 (\d+)（|案件 (\d+)（", g)
    more = re.search(r"另有(\d+)项，按紧急程度排在后面，全部见<a href=\"([^\"]*)\">待办通知</a>", g)
    print(name, len(rows), more.group(1) if more else 0, more.group(2) if more else "-")
PY
expect_eq "the home page: an office's 10, the rest unassigned: 50 listed, the exact rest linked to /notices" \
	"第一监督检查室 10 0 -
未分配科室 50 $((TOTAL - 10 - 50)) /notices" "$(cat "$T_DIR/home.txt")"
expect_contains "... the chart counts each office exactly: overdue" "未分配科室 · 逾期：$((TOTAL - 10 - 1))" "$(cat "$T_DIR/home.b")"
expect_contains "... and due soon" "未分配科室 · 临期：1" "$(cat "$T_DIR/home.b")"

# ---- /notices: pages in the order of urgency --------------------------------------------
order() {   # the ids of the clues on a page, in order
	grep -o '问题线索 [0-9]*（' "$1" | grep -o '[0-9]*' | tr '\n' ' '
}
ids() {     # the ids of C$1..C$2
	local i out=
	for i in $(seq "$1" "$2"); do out="$out$(id_of "C$i") "; done
	echo "$out"
}
http_get "$T_DIR/n1" -b "$JAR" "$BASE/notices" >/dev/null
expect_contains "/notices counts every item" "共有${TOTAL}项待办" "$(cat "$T_DIR/n1.b")"
expect_contains "... by group: overdue" "已逾期（$((TOTAL - 1))）" "$(cat "$T_DIR/n1.b")"
expect_eq "... page 1: the 50 oldest verifications, oldest first" "$(ids 1 50)" "$(order "$T_DIR/n1.b")"
expect_contains "... and the pager" "第 1 / 3 页" "$(cat "$T_DIR/n1.b")"
http_get "$T_DIR/n2" -b "$JAR" "$BASE/notices?page=2" >/dev/null
expect_eq "page 2: the next 50 in the order of urgency" "$(ids 51 100)" "$(order "$T_DIR/n2.b")"
http_get "$T_DIR/n3" -b "$JAR" "$BASE/notices?page=3" >/dev/null
expect_eq "page 3: the last 30 verifications ..." "$(ids 101 130)" "$(order "$T_DIR/n3.b")"
expect_eq "... then the trials, overdue before due soon" "$(sql "SELECT id FROM cases ORDER BY trial_accepted" | tr '\n' ' ')" \
	"$(grep -o '案件 [0-9]*（' "$T_DIR/n3.b" | grep -o '[0-9]*' | tr '\n' ' ')"
expect_contains "... under 三个工作日内到期, counted" "三个工作日内到期（1）" "$(cat "$T_DIR/n3.b")"

# ---- the filters ---------------------------------------------------------------------------
http_get "$T_DIR/o" -b "$JAR" "$BASE/notices?overdue=1&page=3" >/dev/null
expect_contains "只看逾期: the overdue counted" "共有$((TOTAL - 1))项待办" "$(cat "$T_DIR/o.b")"
check "... the box ticked" grep -q 'name="overdue" checked> 只看逾期' "$T_DIR/o.b"
expect_eq "... its last page: the 2 overdue trials, not the one due soon" 2 "$(grep -o '案件 [0-9]*（' "$T_DIR/o.b" | wc -l)"
expect_contains "... the pager keeps the filter" 'href="/notices?overdue&#61;1&amp;page=2"' "$(cat "$T_DIR/o.b")"
http_get "$T_DIR/f" -b "$JAR" "$BASE/notices?office=%E7%AC%AC%E4%B8%80%E7%9B%91%E7%9D%A3%E6%A3%80%E6%9F%A5%E5%AE%A4" >/dev/null
expect_contains "the office filter: its 10 counted" "共有10项待办" "$(cat "$T_DIR/f.b")"
expect_eq "... and listed" "$(ids 1 10)" "$(order "$T_DIR/f.b")"
expect_eq "the API: the exact count, a page of items" "$TOTAL 100" \
	"$(body "$(api GET /api/notices)" | jget '["count"], len(d["items"])' | tr -d '(),')"

# ---- after a write the counts follow ---------------------------------------------------------------
C1=$(id_of C1)
close_approved "$C1"
expect_eq "C1 closed on approval" closed "$(sql "SELECT state FROM clues WHERE id = $C1")"
http_get "$T_DIR/home2" -b "$JAR" "$BASE/" >/dev/null
check "... the badge counts one fewer" grep -q "title=\"$((TOTAL - 1))项待办\"" "$T_DIR/home2.b"
check "no sanitizer report" server_clean
finish
