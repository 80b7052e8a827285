#!/usr/bin/env bash
# t231_more_totals: the lists list16 (t223) left counting every row stop
# at the cap too (issue 16, cap16): Q_CAPPED_COUNT on the ratings, talks,
# work log and opinions lists (and the others, the same macro).  For each
# of these four, with 10,030 rows (10,000 in one unit, 30 in another or in
# another state), inserted in SQL:
# - the page says 「共1万余条，第 1 页」 and has 下一页; ?per=100 page 100
#   has 下一页, page 101 (the last 30 rows) has none and keeps per=100 on
#   上一页;
# - the JSON list says total 10,001 and total_capped;
# - a filter under the cap (the 30) is exact on the page (「共 30 条」) and
#   in the JSON (total 30, no total_capped).
# And the search: a text every one of 10,030 persons matches says
# 「（1万余）」 and 「查看全部 1万余 条」; the home page's card 「1万余」.
# Before this change each of these lists counted every row (共 10030 条).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
big_units 计数 >"$T_DIR/units.jsonl"
run_cli import --db "$DB" "$T_DIR/units.jsonl"
expect_eq "the units and persons import" 0 "$RC"
U1=$(sql "SELECT id FROM units WHERE name = '计数一局'")
U2=$(sql "SELECT id FROM units WHERE name = '计数二局'")
DAY=$(date -u +%F)
NOW=$(now_sql)
# 10,030 rows a table: n 1..10030, the last 30 in U2 (opinions: replied),
# in ten statements of 1,003: each row's rollup trigger adds to the same
# row of the day's figures, and PostgreSQL walks that row's versions of
# the transaction so far on each update, so one statement of 10,030 took
# minutes (ratings 111 s, activities 176 s) where ten take a tenth
U="CASE WHEN i <= 10000 THEN $U1 ELSE $U2 END"
for k in 0 1 2 3 4 5 6 7 8 9; do
	SEQ="WITH RECURSIVE n(i) AS (SELECT $((k * 1003 + 1)) UNION ALL SELECT i + 1 FROM n WHERE i < $((k * 1003 + 1003)))"
	sql "$SEQ INSERT INTO ratings (unit_id, stars, comment, day, idem_key) SELECT $U, 5, '', '$DAY', 'k' || i FROM n" >/dev/null
	sql "$SEQ INSERT INTO talks (kind, day, unit_id, persons, unit_led, talker_name, created_at) SELECT 'heart', '$DAY', $U, 3, 1, '谈话人', $NOW FROM n" >/dev/null
	sql "$SEQ INSERT INTO activities (kind, day, unit_id, title, created_at) SELECT 'training', '$DAY', $U, '培训' || i, $NOW FROM n" >/dev/null
	sql "$SEQ INSERT INTO opinion_requests (letter_no, requester, received, purpose, state, created_at) SELECT 'L' || i, '组织部', '$DAY', 'appointment', CASE WHEN i <= 10000 THEN 'draft' ELSE 'replied' END, $NOW FROM n" >/dev/null
done
for t in ratings talks activities opinion_requests; do
	expect_eq "10,030 rows in $t" 10030 "$(sql "SELECT count(*) FROM $t")"
done
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
add_users sup:supervisor || not_ok "the supervisor (the opinions) added"
SJ=$T_DIR/sup.jar
expect_eq "the supervisor logs in" 303 "$(login sup "$PW" "$SJ")"
LJ=$JAR   # the jar of the list's reader

page() { curl -s -b "$LJ" "$BASE$1"; }
count_of() { grep -o '<span class="count"[^>]*>[^<]*</span>' <<<"$1" | sed 's/<[^>]*>//g' | head -1; }
has_next() { case $1 in *'rel="next"'*) echo yes ;; *) echo no ;; esac; }

# list PATH API UNDER: the page at PATH, its JSON at API, UNDER the query
# that selects the 30
list() {
	local path=$1 api=$2 under=$3 P J
	P=$(page "$path")
	expect_eq "$path: 共1万余条" "共1万余条，第 1 页" "$(count_of "$P")"
	expect_eq "$path: 下一页" yes "$(has_next "$P")"
	case $P in *'共 10030 条'*|*'/ 201 页'*|*'/ 101 页'*) not_ok "$path: no exact count of the whole table" ;;
	*) ok "$path: no exact count of the whole table" ;; esac
	P=$(page "$path?per=100&page=100")
	expect_eq "$path?per=100 page 100: 下一页" yes "$(has_next "$P")"
	P=$(page "$path?per=100&page=101")
	expect_eq "$path?per=100 page 101: capped words" "共1万余条，第 101 页" "$(count_of "$P")"
	expect_eq "$path?per=100 page 101, the last: no 下一页" no "$(has_next "$P")"
	expect_contains "$path page 101: 上一页 keeps per=100" 'per&#61;100&amp;page=100"' "$P"
	P=$(page "$path?$under")
	expect_eq "$path?$under: exact" "共 30 条" "$(count_of "$P")"
	J=$(curl -s -b "$LJ" "$BASE$api")
	expect_eq "$api: total 10,001" 10001 "$(jget '["total"]' <<<"$J")"
	expect_eq "$api: total_capped" True "$(jget '.get("total_capped", False)' <<<"$J")"
	J=$(curl -s -b "$LJ" "$BASE$api?$under")
	expect_eq "$api?$under: exact total" 30 "$(jget '["total"]' <<<"$J")"
	expect_eq "$api?$under: no total_capped" False "$(jget '.get("total_capped", False)' <<<"$J")"
}
list /ratings /api/ratings "within=$U2"
list /talks /api/talks "within=$U2"
list /worklog /api/worklog "within=$U2"
# the work log's own line above the table says the capped count in words too
P=$(page /worklog)
expect_contains "/worklog: its toolbar line 共 1万余 条" '共 1万余 条，数量合计' "$P"
case $P in *'共 10001 条'*) not_ok "/worklog: no raw capped number shown" ;;
*) ok "/worklog: no raw capped number shown" ;; esac
LJ=$SJ
list /opinions /api/opinions "state=replied"
LJ=$JAR

# the search: every person matches 计数干部
P=$(page "/search?q=%E8%AE%A1%E6%95%B0%E5%B9%B2%E9%83%A8")
expect_contains "search: the count capped" "（1万余）" "$P"
expect_contains "search: 查看全部 1万余 条" "查看全部 1万余 条" "$P"
P=$(page "/search?q=%E8%AE%A1%E6%95%B0%E5%B9%B2%E9%83%A80001")   # 计数干部0001: 00010..00019
expect_contains "search, narrow: exact" "（10）" "$P"
# the home page's card of persons
expect_contains "home: the persons card 1万余" '<span class="card-num">1万余</span><span class="card-unit">人' "$(page /)"

# ?per=100 on every list this change gave it (and the audit log's)
for p in /units /detentions /executions /outcomes /ratings/letters /ratings/bad /matter-reports /regdocs \
	/targets /reminders /accountability /worklog /talks /ratings; do
	expect_eq "$p?per=100 answers" 200 "$(http_status -b "$JAR" "$BASE$p?per=100")"
done
expect_eq "/opinions?per=100 answers" 200 "$(http_status -b "$SJ" "$BASE/opinions?per=100")"
AJ=$T_DIR/auditor.jar
check "the auditor logs in (with the second factor)" enrol auditor "$PW" "$AJ"
expect_eq "/audit?per=100 answers" 200 "$(http_status -b "$AJ" "$BASE/audit?per=100")"
expect_contains "/audit?per=10: 下一页 keeps per=10" 'per&#61;10&amp;page=2"' "$(curl -s -b "$AJ" "$BASE/audit?per=10")"

check "server log clean" server_clean
finish
