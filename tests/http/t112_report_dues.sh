# t112_report_dues.sh: the due days of the report clocks are stored on the
# record (migration 0017) and the registry's overdue filter, its total,
# its last page and the home page read them in SQL.  Issue 9: "Reports'
# overdue filter and home-page clocks compute in C over at most 5,000
# open reports: past that, totals and pages are silently wrong" -- before
# the fix the total here was 5000, the last page empty and the newest
# reports missing from the home page.  Also: `qingfeng import` stores the
# due days as the pages do (National Day 2022 on the working-day
# calendar), a database whose reports have none (as migrated from 0016)
# gets them filled once at the next start, and a calendar import moves
# the running ones.
# Issue 10 (part D): the petition clocks (acceptance decision, conclusion)
# belong to petitions (the Regulations on Letters and Visits, 2022), not
# to accusations nor to reports of kind other, so the bulk reports are
# suggestions (old-rule lines without a kind: converted to petitions) and
# the real-name accusation RN runs only its acceptance notice (the rules
# on handling accusations, 2020); a petition RP carries the day-counted
# clocks the old version read off RN (adapted: the old behaviour was the
# defect).
. "$(dirname "$0")/lib.sh"

N=5003          # overdue: registered in 2022, the acceptance decision never taken
init_db || { not_ok "init"; finish; }
F=$T_DIR/reports.jsonl
{
	# not overdue: every clock done (concluded, anonymous) or none started
	echo '{"type":"report","id":"D1","received":"2022-05-01","channel":"letter","category":"other","summary":"x","accepted":"2022-05-02","concluded":"2022-05-03"}'
	# real-name, received before the 2022 National Day holiday, accepted: the
	# acceptance notice (15 working days) is the earliest clock running
	echo '{"type":"report","id":"RN","received":"2022-09-28","channel":"letter","real_name":true,"category":"accusation","summary":"x","reporter":"王实名","contact":"13800001111","accepted":"2022-09-30"}'
	# a petition received and accepted on the same days: the day-counted clocks
	echo '{"type":"report","id":"RP","received":"2022-09-28","channel":"letter","category":"suggestion","summary":"x","accepted":"2022-09-30"}'
	awk -v n=$((N - 2)) 'BEGIN { for (i = 1; i <= n; i++)
		printf "{\"type\":\"report\",\"id\":\"R%d\",\"received\":\"2022-%02d-%02d\",\"channel\":\"phone\",\"category\":\"suggestion\",\"summary\":\"s\"}\n",
			i, 1 + i % 12, 1 + i % 28 }'
} >"$F"
protect 王实名 13800001111
t0=$(date +%s%N)
run_cli import "$F"
expect_eq "$((N + 1)) reports import: exit 0" 0 "$RC"
echo "# import of $((N + 1)) reports: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
expect_eq "every open report has its next due day, the closed one none" "$N|0" \
	"$(sql "SELECT count(next_due) || '|' || (SELECT count(next_due) FROM reports WHERE ext_id = 'D1') FROM reports")"
expect_eq "the real-name accusation's due days as the page computes them (15 working days across National Day; no petition clocks)" \
	"|2022-10-24|||2022-10-24" \
	"$(sql "SELECT COALESCE(accept_due, '') || '|' || accept_notice_due || '|' || COALESCE(conclude_due, '') || '|' || COALESCE(outcome_notice_due, '') || '|' || next_due FROM reports WHERE ext_id = 'RN'")"
expect_eq "the petition's: the acceptance decision (15 days) and the conclusion (60 days)" \
	"2022-10-13|2022-11-29|2022-11-29" \
	"$(sql "SELECT accept_due || '|' || conclude_due || '|' || next_due FROM reports WHERE ext_id = 'RP'")"

check_registry() {   # check_registry WHAT: the overdue total, the last page, the home page
	local r
	r=$(api GET "/api/reports?overdue=1")
	expect_eq "$1: the overdue total is exact past 5,000" "$N" "$(body "$r" | jget '["total"]')"
	r=$(api GET "/api/reports?overdue=1&page=$(( (N + 99) / 100 ))")
	expect_eq "... its last page holds the rest" "$((N % 100))" "$(body "$r" | jget '["items"].__len__()')"
	http_get "$T_DIR/list" -b "$JAR" "$BASE/reports?overdue=1" >/dev/null
	expect_contains "... the registry page says the total" "共 $N 条" "$(cat "$T_DIR/list.b")"
	# the home page shows the 50 most urgent and says how many more and
	# where; the notices page (待办通知) counts every one and pages them,
	# 50 a page (t192 for the bound and the order)
	http_get "$T_DIR/home" -b "$JAR" "$BASE/" >/dev/null
	expect_eq "... the home page shows the 50 most urgent" 50 \
		"$(grep -o '信访举报 [0-9]*（' "$T_DIR/home.b" | sort -u | wc -l)"
	expect_contains "... and says how many more, linking to 待办通知" \
		"另有$((N - 50))项，按紧急程度排在后面，全部见<a href=\"/notices" "$(cat "$T_DIR/home.b")"
	http_get "$T_DIR/notices" -b "$JAR" "$BASE/notices?page=$(((N + 49) / 50))" >/dev/null
	expect_eq "... the notices page's last page holds the rest" "$(((N - 1) % 50 + 1))" \
		"$(grep -o '信访举报 [0-9]*（' "$T_DIR/notices.b" | sort -u | wc -l)"
	expect_contains "... and counts every one of them" "共有${N}项待办" "$(cat "$T_DIR/notices.b")"
}

start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
t0=$(date +%s%N)
check_registry "imported"
echo "# the overdue registry, its last page and the home page over $N reports: $(( ($(date +%s%N) - t0) / 1000000 )) ms"

# a database from before 0017: no due days, the fill pending
stop_server
sql "UPDATE reports SET accept_due = NULL, accept_notice_due = NULL, conclude_due = NULL, next_due = NULL"
sql "UPDATE settings SET value = '0' WHERE key = 'report_dues_filled'"
t0=$(date +%s%N)
run_cli audit verify
expect_eq "the next start fills them (any command)" 0 "$RC"
echo "# the fill of $N open reports at start: $(( ($(date +%s%N) - t0) / 1000000 )) ms (with audit verify)"
expect_eq "... once: report_dues_filled = 1" 1 "$(sql "SELECT value FROM settings WHERE key = 'report_dues_filled'")"
expect_eq "... the same due days as the import stored" "$N|2022-10-24|2022-10-13|2022-11-29" \
	"$(sql "SELECT (SELECT count(next_due) FROM reports) || '|' || (SELECT accept_notice_due FROM reports WHERE ext_id = 'RN') || '|' || accept_due || '|' || conclude_due FROM reports WHERE ext_id = 'RP'")"
# a change of the calendar moves the running clocks' due days with it
printf 'date,off_day,name\n2022-10-10,1,测试假日\n' >"$T_DIR/cal.csv"
run_cli calendar import "$T_DIR/cal.csv"
expect_eq "a calendar import: exit 0" 0 "$RC"
expect_eq "... the running acceptance notice is due a working day later, the day-counted clocks not" \
	"2022-10-25|2022-10-25|2022-11-29" \
	"$(sql "SELECT accept_notice_due || '|' || next_due || '|' || (SELECT conclude_due FROM reports WHERE ext_id = 'RP') FROM reports WHERE ext_id = 'RN'")"
start_server || { not_ok "server restarts"; finish; }
login cm "$PW" >/dev/null
check_registry "filled"
check "no sanitizer report" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
