#!/usr/bin/env bash
# t245_annual_kept: the annual report's live figures made small (issue 16,
# annual16g; docs/statistics.md, docs/architecture.md "Rendered lists kept").
# - opinion_requests.lines (migration 0088) is each request's count of
#   opinion_lines, kept by triggers whatever writes the lines: the API
#   (a request with its lines), an import into another database, and an
#   operator's correction in SQL (a line deleted, a line moved to another
#   request); after each the column equals count(*) over the lines;
# - opinion_cadres (回复党风廉政意见 人次: the lines of the requests replied
#   in the period, DOMAIN.md section 7) read from it equals the same count
#   in SQL over the rows, and equals QF_METRICS_LIVE=1 (the join itself)
#   in `report --format json` and in the annual report's text;
# - inspection_clues (巡察移交问题线索) with no round read from the rollup
#   (clue_received under dim source) equals SQL over the clues after
#   clues written and one moved to another year in SQL, and equals
#   QF_METRICS_LIVE=1 (the json report);
# - the page /annual?year= is kept as a list's (pages/list_kept.c): the
#   second view is the same bytes; a change in SQL beside qingfeng does
#   not show on it until the data's version moves (it was kept), and a
#   write through qingfeng shows on the next view with the figure SQL
#   gives; a template refused on saving (422) shows the text sent, never
#   the kept view.
# Before 0088 the column does not exist (every check of it fails); before
# the page was kept the change in SQL beside shows at once.
. "$(dirname "$0")/lib.sh"

# the opinions are the supervision office's (sup), the statistics and /annual the case
# manager's (cm, in $JC)
fresh_server sup:supervisor
JC=$T_DIR/cm.jar
expect_eq "cm logs in again in its own jar" 303 "$(login cm "$PW" "$JC")"
expect_eq "sup logs in" 303 "$(login sup "$PW")"
# a template of the figure alone (the default names the demo's campaigns)
expect_eq "cm saves a template with opinion_cadres: 303" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JC" \
	--data-urlencode "csrf=$(csrf_of "$JC")" --data-urlencode "template_text=# 年度工作报告
## 干部监督
向组织部门出具{{opinion_cadres}}名干部党风廉政意见回复{{opinion_replies}}份。" "$BASE/annual/template")"

kept_ok() { # every request's kept lines equal its count of lines (DB: $1)
	DB=${1:-$DB} sql "SELECT count(*) FROM opinion_requests q
		WHERE q.lines <> (SELECT count(*) FROM opinion_lines l WHERE l.request_id = q.id)"
}
cadres_sql() { # the definition over the rows
	sql "SELECT count(*) FROM opinion_lines l JOIN opinion_requests q ON q.id = l.request_id
		WHERE q.state = 'replied' AND q.replied >= '$1-01-01' AND q.replied <= '$1-12-31'"
}
key_of() { # KEY YEAR: the figure as the API gives it
	body "$(api GET "/api/statistics?year=$2" '' "$JC")" | python3 -c '
import json,sys; d=json.load(sys.stdin)
v=[]
def walk(o):
    if isinstance(o,dict):
        if o.get("key") == sys.argv[1]: v.append(o.get("value"))
        for x in o.values(): walk(x)
    elif isinstance(o,list):
        for x in o: walk(x)
walk(d); print(v[0] if v else "none")' "$1"
}
cadres_of() { key_of opinion_cadres "$1"; }
request() { # letter received day, names...: the new request's id
	local no=$1 day=$2 lines="" n
	shift 2
	for n in "$@"; do lines="$lines${lines:+,}{\"name\":\"$n\",\"unit\":\"测试单位\"}"; done
	body "$(api POST /api/opinions "{\"letter_no\":\"$no\",\"requester\":\"中共某某县委组织部\",\"received\":\"$day\",\"purpose\":\"award\",\"lines\":[$lines]}")" | jget '["id"]'
}

# ---- the kept count through the API ------------------------------------------------------
Q1=$(request 组干函1 2022-03-01 甲一 甲二 甲三)
Q2=$(request 组干函2 2022-04-01 乙一 乙二)
Q3=$(request 组干函3 2022-05-01 丙一)
check "three requests through the API" test -n "$Q1" -a -n "$Q2" -a -n "$Q3"
expect_eq "lines kept: 3 2 1" "3 2 1" \
	"$(sql "SELECT lines FROM opinion_requests WHERE id IN ($Q1, $Q2, $Q3) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... every request's kept count is its lines" 0 "$(kept_ok)"

# two of them replied in 2022, one in 2023 (the reply's own steps are t215's)
sql "UPDATE opinion_requests SET state = 'replied', number = '测纪函〔2022〕' || id || '号', reply_day = '2022-06-0' || (id % 9 + 1), replied = '2022-06-0' || (id % 9 + 1) WHERE id IN ($Q1, $Q2)"
sql "UPDATE opinion_requests SET state = 'replied', number = '测纪函〔2023〕1号', reply_day = '2023-01-05', replied = '2023-01-05' WHERE id = $Q3"
expect_eq "opinion_cadres 2022: 5, as SQL counts the rows" "5 5" "$(cadres_of 2022) $(cadres_sql 2022)"
expect_eq "opinion_cadres 2023: 1, as SQL counts the rows" "1 1" "$(cadres_of 2023) $(cadres_sql 2023)"

# ---- an operator's corrections in SQL: a line deleted, a line moved ------------------------
L=$(sql "SELECT min(id) FROM opinion_lines WHERE request_id = $Q1")
sql "DELETE FROM opinion_lines WHERE id = $L"
expect_eq "a line deleted: kept counts follow" 0 "$(kept_ok)"
L=$(sql "SELECT min(id) FROM opinion_lines WHERE request_id = $Q1")
sql "UPDATE opinion_lines SET request_id = $Q3, line_no = 9 WHERE id = $L"
expect_eq "a line moved to another request: kept counts follow" 0 "$(kept_ok)"
expect_eq "opinion_cadres 2022 and 2023 as SQL counts: 3, 2" "3 3 2 2" \
	"$(cadres_of 2022) $(cadres_sql 2022) $(cadres_of 2023) $(cadres_sql 2023)"

# ---- the inspections' clues (巡察移交问题线索) from the rollup's clue_received by source -------
U=$(body "$(api POST /api/units '{"name":"巡察测试局","kind":"department"}' "$JC")" | jget '["id"]')
NOW=$(now_sql)
for d in 2022-03-03 2022-11-30 2023-01-02; do
	sql "INSERT INTO clues(region, received, source, unit_id, state, created_at, updated_at) VALUES ('230100', '$d', 'inspection', $U, 'registered', $NOW, $NOW)" >/dev/null
done
sql "INSERT INTO clues(region, received, source, unit_id, state, created_at, updated_at) VALUES ('230100', '2022-05-05', 'report', $U, 'registered', $NOW, $NOW)" >/dev/null
iclues_sql() { sql "SELECT count(*) FROM clues WHERE source = 'inspection' AND received >= '$1-01-01' AND received <= '$1-12-31'"; }
expect_eq "inspection_clues 2022 and 2023 as SQL counts: 2, 1" "2 2 1 1" \
	"$(key_of inspection_clues 2022) $(iclues_sql 2022) $(key_of inspection_clues 2023) $(iclues_sql 2023)"
sql "UPDATE clues SET received = '2023-02-02' WHERE received = '2022-11-30' AND source = 'inspection'"
expect_eq "... one moved to 2023: 1, 2" "1 1 2 2" \
	"$(key_of inspection_clues 2022) $(iclues_sql 2022) $(key_of inspection_clues 2023) $(iclues_sql 2023)"

# ---- the figures read from the kept column and the rollup equal the live ones ---------------
for y in 2022 2023; do
	expect_eq "report --format json $y: kept = live" \
		"$(QF_METRICS_LIVE=1 "$QF_BIN" report --db "$DB" --format json --year $y 2>&1)" \
		"$("$QF_BIN" report --db "$DB" --format json --year $y 2>&1)"
done
a=$("$QF_BIN" report --db "$DB" --annual --year 2022 2>/dev/null)
b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --db "$DB" --annual --year 2022 2>/dev/null)
check "the annual report's text: kept = live" test -n "$a" -a "$a" = "$b"
expect_contains "... with 3 cadres and 2 replies" "出具3名干部党风廉政意见回复2份" "$a"

# ---- an import writes lines: kept there too ------------------------------------------------
run_cli export --db "$DB" --out "$T_DIR/e.jsonl"
expect_eq "export: exit 0" 0 "$RC"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb imp); else DB2=$T_DIR/imp.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/imp.key" --region 230100 >/dev/null
# the clues above were written by hand (no subjects): the opinions and what they name
grep -vE '"type":"(clue|case|outcome)"' "$T_DIR/e.jsonl" >"$T_DIR/eo.jsonl"
run_cli import "$T_DIR/eo.jsonl" --db "$DB2" --key "$T_DIR/imp.key"; [ "$RC" = 0 ] || echo "# $ERR"
expect_eq "the export imports into a fresh database" 0 "$RC"
expect_eq "... its requests' kept lines: 1, 2, 2" "1 2 2" \
	"$(DB=$DB2 sql "SELECT lines FROM opinion_requests ORDER BY received" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... every request's kept count is its lines" 0 "$(kept_ok "$DB2")"

# ---- the page /annual kept -----------------------------------------------------------------
page() { curl -s -b "$JC" "$BASE$1"; }
page "/annual?year=2022" >"$T_DIR/a1.html"
page "/annual?year=2022" >"$T_DIR/a2.html"
check "/annual?year=2022: the second view is the same bytes" cmp -s "$T_DIR/a1.html" "$T_DIR/a2.html"
expect_contains "... the figure SQL gives (3)" '<td class="num">3</td>' "$(grep -o '{{opinion_cadres}}</td><td>[^<]*</td><td class="num">[0-9]*</td>' "$T_DIR/a1.html")"
# a change beside qingfeng (the version not moved): the kept view stands
sql_beside "UPDATE opinion_requests SET reply_day = '2022-07-01', replied = '2022-07-01' WHERE id = $Q3"
page "/annual?year=2022" >"$T_DIR/a3.html"
check "a change in SQL alone: the kept view (same bytes)" cmp -s "$T_DIR/a1.html" "$T_DIR/a3.html"
page "/annual?year=2022&x=1" >"$T_DIR/a4.html"
expect_contains "another query renders: 5 cadres, as SQL counts" \
	"<td class=\"num\">$(cadres_sql 2022)</td>" "$(grep -o '{{opinion_cadres}}</td><td>[^<]*</td><td class="num">[0-9]*</td>' "$T_DIR/a4.html")"
# a write through qingfeng moves the version: the next view has the change
Q4=$(request 组干函4 2022-08-01 丁一 丁二)
check "a request through the API" test -n "$Q4"
page "/annual?year=2022" >"$T_DIR/a5.html"
expect_contains "after a write: the next view has 5 cadres" '<td class="num">5</td>' \
	"$(grep -o '{{opinion_cadres}}</td><td>[^<]*</td><td class="num">[0-9]*</td>' "$T_DIR/a5.html")"
# a template refused on saving: the text sent, a 422, not the kept view
st=$(curl -s -o "$T_DIR/a6.html" -w '%{http_code}' -b "$JC" --data-urlencode "csrf=$(csrf_of "$JC")" \
	--data-urlencode "template_text=# 标题 {{no_such_key}} t245" "$BASE/annual/template")
expect_eq "a refused template: 422" 422 "$st"
expect_contains "... shows the text sent" "no_such_key}} t245" "$(cat "$T_DIR/a6.html")"
page "/annual?year=2022" >"$T_DIR/a7.html"
check "... and the view after it is the kept one" cmp -s "$T_DIR/a5.html" "$T_DIR/a7.html"
finish
