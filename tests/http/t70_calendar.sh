# t70_calendar.sh: the working-day calendar page: the year's arrangement
# with 2022's make-up days, the monthly counts, the deadline calculator
# across the National Day holiday, and the system admin's CSV import (all
# or nothing, audited, visible at once without a restart).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
start_server || { not_ok "server starts"; finish; }

expect_eq "cm logs in" 303 "$(login cm "$PW")"
expect_eq "calendar page for 2022: 200" 200 "$(http_get "$H" -b "$JAR" "$BASE/calendar?year=2022")"
body=$(cat "$H.b")
expect_contains "2022-10-08 (a Saturday) listed as a working day" '<tr><td>2022-10-08</td><td>星期六</td><td><span class="state warn">班</span>' "$body"
expect_contains "2022-10-03 listed as a holiday" '<tr><td>2022-10-03</td><td>星期一</td><td><span class="state ok">休</span>' "$body"
expect_contains "October 2022 has 18 working days" '<tr><td>10月</td><td class="num">18</td>' "$body"
# the year's count computed independently from the shipped CSV
want=$(python3 - "$(dirname "$0")/../../data/cn-holidays.csv" <<'PY'
import csv, datetime, sys
ex = {r[0]: int(r[1]) for r in csv.reader(l for l in open(sys.argv[1], encoding="utf-8")
                                          if not l.startswith("#")) if r[0] != "date"}
d, n = datetime.date(2022, 1, 1), 0
while d.year == 2022:
    n += (1 - ex[d.isoformat()]) if d.isoformat() in ex else (d.weekday() < 5)
    d += datetime.timedelta(1)
print(n)
PY
)
expect_contains "2022 has $want working days (as counted from the CSV)" \
	"<th scope=\"row\">全年</th><td class=\"num\">$want</td>" "$body"

http_get "$H" -b "$JAR" "$BASE/calendar?year=2022&from=2022-09-29&n=5" >/dev/null
expect_contains "2022-09-29 + 5 working days = 2022-10-11 (across National Day)" \
	"2022-09-29 起 5 个工作日后为 <strong>2022-10-11</strong>（星期二）" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/calendar?year=2022&from=2022-09-30&to=2022-10-10" >/dev/null
expect_contains "working days after 2022-09-30 up to 2022-10-10: 3 (10-08, 10-09, 10-10)" \
	"共 <strong>3</strong> 个工作日" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/calendar?from=2022/10/01&n=5" >/dev/null
expect_contains "a bad date is explained beside its field" "日期格式应为 YYYY-MM-DD" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/calendar?from=2022-13-01&n=5" >/dev/null
expect_contains "a date that does not exist says so (issue 12)" "日期不存在" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/calendar?year=2031" >/dev/null
expect_contains "a year without data is flagged" "尚未导入该年度的国务院节假日安排" "$(cat "$H.b")"

# import: case manager may not; the system admin may
printf 'date,off_day,name\n2031-01-01,1,元旦\n' > "$T_DIR/ok.csv"
printf 'date,off_day,name\n2031-10-01,1,国庆节\n2031-13-01,1,坏日期\n' > "$T_DIR/bad.csv"
tok=$(csrf_of)
expect_eq "cm may not import: 403" 403 \
	"$(http_status -b "$JAR" -F "csrf=$tok" -F "file=@$T_DIR/ok.csv;type=text/csv" "$BASE/calendar/import")"

AJ=$T_DIR/admin.jar
check "the system admin signs in with TOTP enrolment" enrol admin "$ADMIN_PW" "$AJ"
atok=$(csrf_of "$AJ")
before=$(sql "SELECT count(*) FROM holidays")
expect_eq "a file with a bad line: 422" 422 \
	"$(http_get "$H" -b "$AJ" -F "csrf=$atok" -F "file=@$T_DIR/bad.csv;type=text/csv" "$BASE/calendar/import")"
expect_contains "... naming the line" "line 3" "$(cat "$H.b")"
expect_eq "... and nothing stored (all or nothing)" "$before" "$(sql "SELECT count(*) FROM holidays")"
expect_eq "a good file: 200" 200 \
	"$(http_get "$H" -b "$AJ" -F "csrf=$atok" -F "file=@$T_DIR/ok.csv;type=text/csv" "$BASE/calendar/import")"
expect_contains "... reports what was imported" "已导入 1 天" "$(cat "$H.b")"
expect_eq "... stored" "1" "$(sql "SELECT off_day FROM holidays WHERE day = '2031-01-01'")"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'calendar_import' AND user_name = 'admin'")"
http_get "$H" -b "$JAR" "$BASE/calendar?year=2031" >/dev/null
expect_contains "the running server uses the new arrangement at once" \
	'<tr><td>2031-01-01</td><td>星期三</td><td><span class="state ok">休</span>' "$(cat "$H.b")"
expect_eq "the CSRF token is required for the import too" 403 \
	"$(http_status -b "$AJ" -F "file=@$T_DIR/ok.csv;type=text/csv" "$BASE/calendar/import")"
stop_server
check "no sanitizer report" server_clean
finish
