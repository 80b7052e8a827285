#!/usr/bin/env bash
# t230_list_kept: the list pages' kept renderings (issue 16, lcache16;
# pages/list_kept.c, the data's version of 0067).
# - a view served from what was kept is the same bytes as the view that
#   rendered it, on the persons, reports, clues, cases and problems lists
#   and (since the 10M run) the detentions, outcomes, talks, matter
#   reports, work log and target tasks;
# - that the second view was kept is seen by a change made in SQL beside
#   qingfeng without moving the data's version (sql_beside): it does not
#   show until a write through qingfeng, which then shows it with its own
#   change; a correction in SQL that moves the version (lib.sh's sql, as
#   docs/operations.md says) shows on the next view;
# - a write shows on the next view whatever its path: the API, a page's
#   form, `qingfeng import` in another process, a second server on the
#   same database (t80's setup);
# - an audited read (a person's page) leaves the lists kept; so do a login,
#   a refused login and a logout (they leave the data's version);
# - two users of different reach on the same list and query (the case
#   manager, every unit; a township user, its own) never get each other's
#   rows, in either order, kept or not;
# - the form tokens on a kept view are the session's (the logout form; the
#   case manager's bulk form on the clues list), another session of the
#   same user gets its own; the notice of ?ok= is shown on a kept view;
# - an export (format=xlsx) is never kept: it has the SQL change at once.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"

page() { curl -s -b "${2:-$JAR}" "$BASE$1"; }
created_id() { [ "$(status "$1")" = 201 ] && body "$1" | jget '["id"]'; }

A=$(created_id "$(api POST /api/units '{"name":"缓存甲镇","kind":"township"}')")
B=$(created_id "$(api POST /api/units '{"name":"缓存乙镇","kind":"township"}')")
PA=$(created_id "$(api POST /api/persons "{\"name\":\"甲镇干部\",\"unit_id\":$A,\"rank\":\"section\",\"position\":\"镇长\"}")")
PB=$(created_id "$(api POST /api/persons "{\"name\":\"乙镇干部\",\"unit_id\":$B,\"rank\":\"section\",\"position\":\"镇长\"}")")
check "setup: two units, a person in each" test -n "$A" -a -n "$B" -a -n "$PA" -a -n "$PB"
protect 甲镇干部 乙镇干部

L="/persons?per=100"
# --- a kept view is the same bytes --------------------------------------------
# the lists kept since the 10M run (session 30): detentions, outcomes, talks, matter
# reports, the work log, the target tasks; a talk in 缓存甲镇 to show
expect_eq "a talk with 甲镇干部" 201 "$(status "$(api POST /api/talks "{\"kind\":\"heart\",\"day\":\"2022-04-01\",\"person_ids\":[$PA]}")")"
LATER="/detentions?per=100 /outcomes?per=100 /talks?per=100 /matter-reports?per=100 /worklog?per=100 /targets?per=100 /units?per=100"
for p in "$L" "/reports?per=100" "/clues?per=100" "/cases?per=100" "/problems?per=100" "$L&q=%E5%B9%B2%E9%83%A8" $LATER; do
	page "$p" >"$T_DIR/first.html"
	page "$p" >"$T_DIR/second.html"
	if [ -s "$T_DIR/first.html" ] && cmp -s "$T_DIR/first.html" "$T_DIR/second.html"; then
		ok "$p: the second view is the same bytes"
	else
		not_ok "$p: the second view is the same bytes"
	fi
done
expect_contains "the persons list shows both persons" "乙镇干部" "$(page "$L")"

# --- the second view was kept: a change in SQL beside qingfeng does not show ----
sql_beside "UPDATE persons SET position = '直改职务' WHERE id = $PA"
P=$(page "$L")
case $P in *直改职务*) not_ok "a change in SQL alone: the kept view (no 直改职务)" ;;
	*) ok "a change in SQL alone: the kept view (no 直改职务)" ;; esac
P=$(page "$L&per=100")     # another query: rendered, with the change
expect_contains "another query renders: the change in SQL shows" "直改职务" "$P"

sql_beside "UPDATE units SET name = '缓存甲镇直改' WHERE id = $A"
P=$(page "/talks?per=100")
expect_contains "the talks list shows the talk's unit" "缓存甲镇" "$P"
case $P in *缓存甲镇直改*) not_ok "... kept: a unit renamed in SQL alone does not show" ;;
	*) ok "... kept: a unit renamed in SQL alone does not show" ;; esac
sql_beside "UPDATE units SET name = '缓存甲镇' WHERE id = $A"
# the units list, kept since session 33 (its persons' counts cost 2 ms of CPU a view at 10M)
sql_beside "UPDATE units SET name = '缓存乙镇直改' WHERE id = $B"
P=$(page "/units?per=100")
expect_contains "the units list shows 缓存乙镇" "缓存乙镇" "$P"
case $P in *缓存乙镇直改*) not_ok "... kept: a unit renamed in SQL alone does not show" ;;
	*) ok "... kept: a unit renamed in SQL alone does not show" ;; esac
sql_beside "UPDATE units SET name = '缓存乙镇' WHERE id = $B"

# --- /statistics, kept since session 35: a figure moved in SQL alone does not show
# until the data's version moves; a refused query is not kept --------------------
S="/statistics?year=2022"
page "$S" >"$T_DIR/s1.html"
expect_contains "/statistics for 2022 shows its figures" "谈心谈话" "$(cat "$T_DIR/s1.html")"
sql_beside "UPDATE talks SET day = '2021-04-01' WHERE kind = 'heart' AND day = '2022-04-01'"
page "$S" >"$T_DIR/s2.html"
check "... kept: the talk moved to 2021 in SQL alone, the same bytes" cmp -s "$T_DIR/s1.html" "$T_DIR/s2.html"
data_changed
page "$S" >"$T_DIR/s3.html"
if [ -s "$T_DIR/s3.html" ] && ! cmp -s "$T_DIR/s1.html" "$T_DIR/s3.html"; then
	ok "... the data's version moved: rendered again, the figure changed"
else
	not_ok "... the data's version moved: rendered again, the figure changed"
fi
sql "UPDATE talks SET day = '2022-04-01' WHERE kind = 'heart' AND day = '2021-04-01'"
expect_eq "a refused query (year=abc)" 422 "$(http_status -b "$JAR" "$BASE/statistics?year=abc")"
expect_eq "... refused again, not served from a keep" 422 "$(http_status -b "$JAR" "$BASE/statistics?year=abc")"

# --- a correction in SQL that moves the data's version shows at once -----------
page "$L" >/dev/null
sql "UPDATE persons SET position = '更正职务' WHERE id = $PB"
expect_contains "a correction in SQL with data_changed: on the next view" "更正职务" "$(page "$L")"

# --- an export is never kept ---------------------------------------------------
sql_beside "UPDATE persons SET position = '导出职务' WHERE id = $PA"
http_get "$T_DIR/x" -b "$JAR" "$BASE$L&format=xlsx" >/dev/null
expect_contains "the export is a workbook" "spreadsheetml" "$(header_of "$T_DIR/x.h" Content-Type)"
mkdir -p "$T_DIR/xl" && (cd "$T_DIR/xl" && python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall()' "$T_DIR/x.b")
check "the export has the SQL change at once (导出职务)" grep -rqF "导出职务" "$T_DIR/xl"
case $(page "$L") in *导出职务*) not_ok "the list is still the kept one" ;; *) ok "the list is still the kept one" ;; esac

# --- an audited read leaves the lists kept ---------------------------------------
n0=$(sql "SELECT count(*) FROM audit_log WHERE event = 'read' AND object = 'person/$PB'")
expect_eq "a person's page" 200 "$(http_status -b "$JAR" "$BASE/persons/$PB")"
expect_eq "... is an audit entry" $((n0 + 1)) "$(sql "SELECT count(*) FROM audit_log WHERE event = 'read' AND object = 'person/$PB'")"
case $(page "$L") in *导出职务*) not_ok "after an audited read: still kept" ;; *) ok "after an audited read: still kept" ;; esac

# --- logins, a refused login and a logout leave the data's version and the lists kept --
# (they write sessions, the throttle and the audit log, which no kept rendering shows;
# before session 31 each moved the version and dropped every kept list for everyone)
v0=$(sql "SELECT n FROM data_version")
J3=$T_DIR/cm3.jar
expect_eq "another login of cm" 303 "$(login cm "$PW" "$J3")"
check "... a session more" test -n "$(awk '$6 == "qf_session" {print $7}' "$J3")"
n0=$(audit_count login_failed cm)
login cm 'wrong-password' "$T_DIR/bad.jar" >/dev/null
expect_eq "a refused login (wrong password): an audit entry" $((n0 + 1)) "$(audit_count login_failed cm)"
expect_eq "logout of the other session" 303 \
	"$(http_status -b "$J3" -c "$J3" --data-urlencode "csrf=$(csrf_of "$J3")" "$BASE/logout")"
expect_eq "... its session gone" 401 "$(http_status -b "$J3" "$BASE/api/me")"
expect_eq "the data's version did not move" "$v0" "$(sql "SELECT n FROM data_version")"
case $(page "$L") in *导出职务*) not_ok "after logins and a logout: still kept" ;; *) ok "after logins and a logout: still kept" ;; esac

# --- a write through the API shows on the next view ------------------------------
OUT=$(api POST /api/persons "{\"name\":\"接口新增干部\",\"unit_id\":$B,\"rank\":\"staff\",\"position\":\"科员\"}")
expect_eq "a person added through the API" 201 "$(status "$OUT")"
P=$(page "$L")
expect_contains "the API's write shows on the next view" "接口新增干部" "$P"
expect_contains "... with the SQL change made before it" "导出职务" "$P"
protect 接口新增干部

# --- through a page's form ------------------------------------------------------
page "$L" >/dev/null
st=$(http_status -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data-urlencode "name=表单新增干部" \
	--data-urlencode "unit_id=$A" --data-urlencode "rank=staff" --data-urlencode "position=科员" "$BASE/persons")
expect_eq "a person added through the page's form" 303 "$st"
expect_contains "the form's write shows on the next view" "表单新增干部" "$(page "$L")"
protect 表单新增干部

# --- through qingfeng import in another process ------------------------------------
page "$L" >/dev/null
cat >"$T_DIR/in.jsonl" <<'EOF'
{"type":"unit","id":"U9","name":"导入单位","kind":"department","parent":null}
{"type":"person","id":"P9","name":"导入新增干部","unit":"U9","position":"科员","rank":"staff","top_leader":false,"leadership":false,"party_member":true}
EOF
run_cli import --db "$DB" "$T_DIR/in.jsonl"
expect_eq "qingfeng import (another process)" 0 "$RC"
expect_contains "the import shows on the next view" "导入新增干部" "$(page "$L")"
protect 导入新增干部

# --- through a second server on the same database ------------------------------------
PID_A=$SERVER_PID
BASE_A=$BASE
start_server || { not_ok "server B starts"; finish; }
BASE_B=$BASE
trap 'kill -TERM "$PID_A" 2>/dev/null; wait "$PID_A" 2>/dev/null; cleanup' EXIT
BASE=$BASE_A
page "$L" >/dev/null
BASE=$BASE_B
OUT=$(api POST /api/persons "{\"name\":\"乙服务器干部\",\"unit_id\":$A,\"rank\":\"staff\",\"position\":\"科员\"}")
expect_eq "a person added on server B" 201 "$(status "$OUT")"
BASE=$BASE_A
expect_contains "B's write shows on A's next view" "乙服务器干部" "$(page "$L")"
protect 乙服务器干部

# --- two reaches, one query ---------------------------------------------------------
ready_user town --role township --unit "$A" --password-stdin --db "$DB" >/dev/null 2>&1
TJ=$T_DIR/town.jar
expect_eq "town (unit 甲镇) logs in" 303 "$(login town "$PW" "$TJ")"
page "$L" >/dev/null                            # cm's kept
for i in 1 2; do
	P=$(page "$L" "$TJ")
	expect_contains "town's view $i lists 甲镇干部" "甲镇干部" "$P"
	case $P in *乙镇干部*|*接口新增干部*) not_ok "town's view $i: none of 乙镇's rows" ;;
		*) ok "town's view $i: none of 乙镇's rows" ;; esac
	P=$(page "$L")
	expect_contains "cm's view $i after town's: 乙镇干部 still listed" "乙镇干部" "$P"
done

# --- the tokens on a kept view are the session's ---------------------------------------
TOK=$(csrf_of)
page "$L" >/dev/null
P=$(page "$L")
expect_contains "a kept view: the logout form has the session's token" "name=\"csrf\" value=\"$TOK\"" "$P"
page "/clues?per=100" >/dev/null
P=$(page "/clues?per=100")
expect_eq "the clues list (cm's bulk form): every token is the session's" "$TOK" \
	"$(grep -o 'name="csrf" value="[^"]*"' <<<"$P" | sed 's/.*value="//; s/"$//' | sort -u)"
J2=$T_DIR/cm2.jar
expect_eq "cm logs in again (a second session)" 303 "$(login cm "$PW" "$J2")"
TOK2=$(csrf_of "$J2")
check "the second session has another token" test -n "$TOK2" -a "$TOK2" != "$TOK"
page "$L" "$J2" >/dev/null
P=$(page "$L" "$J2")
expect_contains "its kept view has its own token" "name=\"csrf\" value=\"$TOK2\"" "$P"
case $P in *"$TOK"*) not_ok "... and not the first session's" ;; *) ok "... and not the first session's" ;; esac
expect_contains "the notice of ?ok= on a kept view" "已保存。" "$(page "$L&ok=saved")"

check "no sanitizer report" server_clean
finish
