#!/usr/bin/env bash
# t248_home_kept: the home page kept under the data's version (issue 16,
# dash16h; pages/home.c, pages/list_kept.c; bench/README.md "The
# dashboards at 10M").
# - the case manager's dashboard lists each shown office's own items, as
#   many as SQL counts, and a second view is the same bytes;
# - the second view was kept: a change made in SQL beside qingfeng
#   without moving the data's version (a unit renamed, shown in the
#   items' objects, which are read on every rendering) does not show
#   (checked when the steps took less than 25 s: the page is served
#   KEPT_SECS after its rendering at most); once the version moves
#   (lib.sh data_changed, as a correction in SQL must) the next view has it;
# - a write through qingfeng shows on the next view: the cards' count of
#   units equals SQL;
# - the key: the leader gets his own page, not the case manager's kept
#   one; another year (?year=) renders its own.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users lead:leader || { not_ok "users"; finish; }
LJ=$T_DIR/lead.jar

# three verifications of 第1监督检查室, two of 第2监督检查室, all overdue
python3 - >"$T_DIR/v.jsonl" <<'PY'
import json
out = lambda **o: print(json.dumps(o, ensure_ascii=False))
out(type="unit", id="U1", name="甲局", kind="department", parent=None)
out(type="person", id="P1", name="钱某", unit="U1", rank="staff")
for i, office in enumerate(["第1监督检查室"] * 3 + ["第2监督检查室"] * 2, 1):
    out(type="clue", id=f"K{i}", received="2022-01-01", source="report", subjects=["P1"], summary="s")
    out(type="disposition", clue=f"K{i}", decided=f"2022-02-{i:02d}", method="preliminary_verification",
        verification_office=office)
PY
run_cli import "$T_DIR/v.jsonl"
expect_eq "five verifications of two offices import" 0 "$RC"
[ "$RC" -eq 0 ] || echo "# $ERR"

start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
expect_eq "the leader logs in" 303 "$(login lead "$PW" "$LJ")"
home() { curl -s -b "${2:-$JAR}" "$BASE${1:-/}"; }

T0=$(date +%s)
home >"$T_DIR/h1.html"
home >"$T_DIR/h2.html"
check "the dashboard: the second view is the same bytes" cmp -s "$T_DIR/h1.html" "$T_DIR/h2.html"
# each office's table: its own clues, as many as SQL counts
bad=$(python3 - "$T_DIR/h1.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r'<div class="todo-office" id="todo-\d+"><h3>(.*?)</h3>(.*?)</div>', page, re.S):
    print(m.group(1), ",".join(re.findall(r'href="/clues/(\d+)"', m.group(2))))
PY
)
expect_eq "... two offices' tables" 2 "$(grep -c . <<<"$bad")"
wrong=""
while read -r office ids; do
	want=$(sql "SELECT id FROM clues WHERE state = 'preliminary_verification' AND verification_office = '$office'
		ORDER BY clock_start, id" | tr '\n' , | sed 's/,$//')
	[ "$ids" = "$want" ] || wrong="$wrong $office:$ids/$want"
done <<<"$bad"
expect_eq "... each lists its own verifications, those SQL gives" "" "$wrong"
expect_contains "... an item names its unit" "（甲局）" "$(cat "$T_DIR/h1.html")"

# the key: another user, another year
home / "$LJ" >"$T_DIR/l1.html"
expect_eq "the leader's page is his own" "您的角色是委领导" "$(grep -o '您的角色是[^。]*' "$T_DIR/l1.html")"
expect_contains "/?year=2021 renders its year" "<strong>2021年</strong>" "$(home "/?year=2021")"

# a change beside qingfeng, the version not moved: the kept view stands
U1=$(sql "SELECT id FROM units WHERE name = '甲局'")
sql_beside "UPDATE units SET name = '甲局改' WHERE id = $U1"
home >"$T_DIR/h3.html"
if [ $(($(date +%s) - T0)) -lt 25 ]; then
	check "a change in SQL alone: the kept view (same bytes)" cmp -s "$T_DIR/h1.html" "$T_DIR/h3.html"
else
	ok "# skip the kept view: the steps took 25 s or more"
fi
data_changed
expect_contains "the version moved: the next view has the new name" "（甲局改）" "$(home)"

# a write through qingfeng: the cards' count follows
expect_eq "a unit through the API" 201 "$(status "$(api POST /api/units '{"name":"缓存丙镇","kind":"township"}')")"
expect_eq "... the next view's 单位 card equals SQL" "$(sql "SELECT count(*) FROM units")" \
	"$(home | grep -o '单位</span><span class="card-num">[0-9,]*' | sed 's/.*>//')"
check "no sanitizer report" server_clean
finish
