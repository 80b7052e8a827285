#!/usr/bin/env bash
# t207_targets: target tasks of the four systems, work reminders and the
# quarterly scoreboard (issue 14; DOMAIN.md section 5 "Target tasks";
# the 2022 report's (六): 近200项目标任务, 工作台帐7份, 常委会议定事项工作提示10期,
# 近期重点工作提示16期, 季度和年终目标任务考核, 晾晒考核成绩单).
# - a task: created by the case manager's office in a ledger, with its
#   aspect, leader, office and deadline; progress notes by the leader or
#   the office (the timeline), 未开始 -> 推进中 -> 已完成; a staff member of
#   another office may read it but gets 403 on progress, and a user with
#   no business role 403 on the list; an unknown task 404;
# - deadlines are calendar days (not working-day clocks): 逾期 the day
#   after the deadline; the home page lists the owner's tasks overdue or
#   due within 3 working days counted on the working-day calendar, so a
#   task due after a 7-day holiday is already 临期 while one due 4 working
#   days later is not;
# - reminders numbered per kind and year through the numbering rules
#   (〔2022〕第1期, 第2期 of one kind, 第1期 of the other kind and of the next
#   year); on the recipients' home pages until each acknowledges (audited),
#   the issuer sees who has and has not; a non-recipient's ack is 403;
# - scoring: criteria with maximum points, scores per office and township
#   commission per criterion, totals and ranks (ties share a rank, the next
#   rank skips) computed; the scoreboard is invisible to staff before a
#   leader publishes it and visible after;
# - the ledger workbook: one sheet per ledger, rows = tasks; the
#   scoreboard's workbook: rows = subjects.
. "$(dirname "$0")/lib.sh"

today() { TZ=Asia/Shanghai date -d "${1:-today}" +%F; }
TODAY=$(today)
YEAR=${TODAY%%-*}

init_db || { not_ok "init"; finish; }
# the working-day calendar: the 7 days after today are rest days (a holiday
# the test makes, so the result does not depend on the weekday it runs on)
{ echo "date,off_day,name"; for i in 1 2 3 4 5 6 7; do echo "$(today "+$i day"),1,测试假期"; done; } >"$T_DIR/cal.csv"
run_cli calendar import "$T_DIR/cal.csv" --db "$DB"
expect_eq "the holiday is imported" 0 "$RC"
ready_user ld --role leader --display 王书记 --password-stdin --db "$DB" >/dev/null
ready_user sv --role supervisor --office 第一监督检查室 --password-stdin --db "$DB" >/dev/null
ready_user sv2 --role supervisor --office 第一监督检查室 --password-stdin --db "$DB" >/dev/null
ready_user inv --role investigator --office 第三审查调查室 --password-stdin --db "$DB" >/dev/null
start_server || { not_ok "server starts"; finish; }
for u in cm ld sv sv2 inv clerk; do
	expect_eq "$u logs in" 303 "$(login $u "$PW" "$T_DIR/$u.jar")"
done
LD_ID=$(sql "SELECT id FROM users WHERE name = 'ld'")
SV_ID=$(sql "SELECT id FROM users WHERE name = 'sv'")

# post USER PATH FIELD=VALUE...: a form post with the user's CSRF token; prints the status
post() {
	local u=$1 p=$2 a=()
	shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	curl -s -o "$T_DIR/post.b" -D "$T_DIR/post.h" -w '%{http_code}' -b "$T_DIR/$u.jar" \
		--data-urlencode "csrf=$(csrf_of "$T_DIR/$u.jar")" "${a[@]}" "$BASE$p"
}
get() { curl -s -o "$T_DIR/get.b" -w '%{http_code}' -b "$T_DIR/$1.jar" "$BASE$2"; }
location() { tr -d '\r' <"$T_DIR/post.h" | sed -n 's/^[Ll]ocation: //p'; }

# ---- ledgers and tasks ----------------------------------------------------------------------
expect_eq "the case manager makes a ledger" 303 "$(post cm /targets/ledgers year=$YEAR name=全面从严治党主体责任台账)"
expect_eq "and a second" 303 "$(post cm /targets/ledgers year=$YEAR name=作风建设台账)"
expect_eq "a ledger's name is unique in its year" 422 "$(post cm /targets/ledgers year=$YEAR name=作风建设台账)"
L1=$(sql "SELECT id FROM target_ledgers WHERE name = '全面从严治党主体责任台账'")
L2=$(sql "SELECT id FROM target_ledgers WHERE name = '作风建设台账'")
expect_eq "a supervisor may not make a ledger" 403 "$(post sv /targets/ledgers year=$YEAR name=X)"

new_task() {   # ledger aspect title deadline [leader] [office]: the new task's id
	post cm /targets ledger_id=$1 aspect=$2 title="$3" deadline=$4 leader_id=${5:-} office=${6:-} >/dev/null
	location | sed -n 's|^/targets/\([0-9]*\).*|\1|p'
}
T_SOON=$(new_task "$L1" leadership "压紧压实主体责任清单" "$(today '+8 day')" "$LD_ID" 第一监督检查室)
T_LATER=$(new_task "$L1" progress "开展廉政谈话" "$(today '+12 day')" "$LD_ID" 第一监督检查室)
# the fifth working day after the holiday (Saturdays and Sundays are rest
# days): "+12 day" was that only when no weekend fell in the five days
# after the holiday, and was 临期 when one did (a Tuesday run, China time)
far=8 n=0
while :; do
	[ "$(TZ=Asia/Shanghai date -d "$(today "+$far day")" +%u)" -le 5 ] && n=$((n + 1))
	[ "$n" -ge 5 ] && break
	far=$((far + 1))
done
T_FAR=$(new_task "$L1" progress "修订责任追究办法" "$(today "+$far day")" "$LD_ID" 第一监督检查室)
T_OVER=$(new_task "$L2" accountability "督导问责通报" "$(today '-1 day')" "" 第一监督检查室)
T_OTHER=$(new_task "$L2" assessment "审查调查质量评查" "$(today '-3 day')" "" 第三审查调查室)
check "four tasks are created" test -n "$T_SOON" -a -n "$T_LATER" -a -n "$T_OVER" -a -n "$T_OTHER"
expect_eq "a task without a deadline is refused" 422 "$(post cm /targets ledger_id=$L1 aspect=leadership title=缺时限 deadline=)"
expect_eq "an unknown aspect is refused" 422 "$(post cm /targets ledger_id=$L1 aspect=nope title=X deadline=$TODAY)"
expect_eq "a supervisor may not create a task" 403 "$(post sv /targets ledger_id=$L1 aspect=leadership title=X deadline=$TODAY)"

get inv "/targets/$T_SOON" >/dev/null
expect_contains "every staff member reads a task (not secret)" "压紧压实主体责任清单" "$(cat "$T_DIR/get.b")"
expect_contains "a new task is 未开始" "未开始" "$(cat "$T_DIR/get.b")"
expect_eq "an unknown task is 404" 404 "$(get inv /targets/999999)"
expect_eq "the intake office reads the list too" 200 "$(get clerk /targets)"

# progress: the office's member, then the leader; another office's member 403
expect_eq "a member of another office may not record progress" 403 \
	"$(post inv "/targets/$T_SOON/progress" text=越权登记)"
expect_eq "a member of the task's office records progress" 303 \
	"$(post sv2 "/targets/$T_SOON/progress" text=已制定责任清单初稿 day=$TODAY)"
expect_eq "a progress day after today is refused" 422 \
	"$(post sv "/targets/$T_SOON/progress" text=X day=$(today '+1 day'))"
get sv "/targets/$T_SOON" >/dev/null
expect_contains "the task is 推进中 after a note" "推进中" "$(cat "$T_DIR/get.b")"
expect_contains "the timeline shows the note" "已制定责任清单初稿" "$(cat "$T_DIR/get.b")"
expect_eq "the leader completes his task" 303 "$(post ld "/targets/$T_LATER/progress" text=谈话全部完成 done=1)"
expect_eq "the completed task's state" "$TODAY|$TODAY" "$(sql "SELECT started || '|' || done FROM target_tasks WHERE id = $T_LATER")"
expect_eq "two notes were written, audited" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'target_progress'")"
get cm "/targets?state=overdue" >/dev/null
expect_contains "the overdue filter lists the overdue task" "督导问责通报" "$(cat "$T_DIR/get.b")"
case "$(cat "$T_DIR/get.b")" in *压紧压实主体责任清单*) not_ok "the overdue filter lists only overdue tasks" ;; *) ok "the overdue filter lists only overdue tasks" ;; esac

# the home page: sv (第一监督检查室) sees the overdue task and the one due after the holiday
get sv / >/dev/null
H=$(cat "$T_DIR/get.b")
expect_contains "the office's overdue task is on its member's home page" "督导问责通报" "$H"
expect_contains "a task due the first working day after a 7-day holiday is 临期 on the home page" "压紧压实主体责任清单" "$H"
case "$H" in *审查调查质量评查*) not_ok "another office's task is not on the home page" ;; *) ok "another office's task is not on the home page" ;; esac
get ld / >/dev/null
case "$(cat "$T_DIR/get.b")" in *开展廉政谈话*) not_ok "a completed task leaves the home page" ;; *) ok "a completed task leaves the home page" ;; esac
expect_contains "the leader sees his task due soon" "压紧压实主体责任清单" "$(cat "$T_DIR/get.b")"
case "$(cat "$T_DIR/get.b")" in *修订责任追究办法*) not_ok "a task due 5 working days after the holiday is not yet on the home page" ;;
	*) ok "a task due 5 working days after the holiday is not yet on the home page" ;; esac

# the JSON twin: the same filters, the same 403 on someone else's task
expect_eq "GET /api/targets?state=overdue: the two overdue tasks" 2 \
	"$(body "$(api GET '/api/targets?state=overdue' '' "$T_DIR/inv.jar")" | jget '["total"]')"
expect_eq "GET /api/targets?year=: this year's five, next year's none" "5 0" \
	"$(body "$(api GET "/api/targets?year=$YEAR" '' "$T_DIR/inv.jar")" | jget '["total"]') $(body "$(api GET "/api/targets?year=$((YEAR + 1))" '' "$T_DIR/inv.jar")" | jget '["total"]')"
expect_eq "GET /api/targets/{id}: the state and the notes" "running 1" \
	"$(body "$(api GET "/api/targets/$T_SOON" '' "$T_DIR/inv.jar")" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["state"], len(d["notes"]))')"
expect_eq "POST /api/targets/{id}/progress by another office: 403" 403 \
	"$(status "$(api POST "/api/targets/$T_SOON/progress" '{"text":"越权"}' "$T_DIR/inv.jar")")"
expect_eq "POST /api/targets by a supervisor: 403" 403 \
	"$(status "$(api POST /api/targets "{\"ledger_id\":$L1,\"aspect\":\"progress\",\"title\":\"X\",\"deadline\":\"$TODAY\"}" "$T_DIR/sv.jar")")"

# ---- the ledger workbook: one sheet per ledger, a row per task ---------------------------------
st=$(curl -s -o "$T_DIR/ledger.xlsx" -w '%{http_code}' -b "$T_DIR/sv.jar" "$BASE/targets/ledger.xlsx?year=$YEAR")
expect_eq "the ledger workbook downloads" 200 "$st"
SHEETS=$(python3 - "$T_DIR/ledger.xlsx" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        ET.fromstring(z.read(n))             # every part is well-formed XML
wb = ET.fromstring(z.read("xl/workbook.xml"))
names = [s.get("name") for s in wb.iter() if s.tag.endswith("}sheet")]
rows = []
for i in range(len(names)):
    sh = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % (i + 1)))
    rows.append(len([r for r in sh.iter() if r.tag.endswith("}row")]))
print(";".join("%s:%d" % (n, r) for n, r in zip(names, rows)))
PY
)
# three banner rows (title, subtitle, header) above the tasks: 3 tasks + 3, 2 tasks + 3
expect_eq "one sheet per ledger, a row per task below the three head rows" \
	"全面从严治党主体责任台账:6;作风建设台账:5" "$SHEETS"
python3 tests/http/xlsx_rows.py "$T_DIR/ledger.xlsx" >"$T_DIR/ledger.rows"
expect_contains "the first sheet's header" "所属体系" "$(cat "$T_DIR/ledger.rows")"
SERIAL=$(python3 -c 'import datetime,sys; print((datetime.date.fromisoformat(sys.argv[1]) - datetime.date(1899, 12, 30)).days)' "$(today '+8 day')")
expect_contains "the deadline is a real date (a serial day number, not text)" "$SERIAL" "$(cat "$T_DIR/ledger.rows")"

# ---- work reminders -----------------------------------------------------------------------------
reminder() {   # kind day title [fields...]: the new reminder's id
	local k=$1 d=$2 t=$3
	shift 3
	post cm /reminders kind=$k day=$d title="$t" text="请按时完成。" "$@" >/dev/null
	location | sed -n 's|^/reminders/\([0-9]*\).*|\1|p'
}
R1=$(reminder standing "$YEAR-01-10" 常委会议定事项一 office=第一监督检查室 tasks="$T_SOON, $T_OVER")
R2=$(reminder standing "$YEAR-02-10" 常委会议定事项二 user_id=$LD_ID)
R3=$(reminder recent "$YEAR-02-11" 近期重点工作一 user_id=$LD_ID)
R4=$(reminder standing "$((YEAR + 1))-01-05" 来年第一期 user_id=$LD_ID)
check "four reminders are issued" test -n "$R1" -a -n "$R2" -a -n "$R3" -a -n "$R4"
expect_eq "numbered per kind and year (〔年〕第N期)" \
	"〔$YEAR〕第1期|〔$YEAR〕第2期|〔$YEAR〕第1期|〔$((YEAR + 1))〕第1期" \
	"$(sql "SELECT number FROM reminders ORDER BY id" | paste -sd'|')"
expect_eq "a reminder to nobody is refused" 422 "$(post cm /reminders kind=recent title=无人 text=X)"
expect_eq "so is one to an office without an active account" 422 \
	"$(post cm /reminders kind=recent day=$YEAR-03-01 title=无人 text=X office=无人办公室)"
expect_eq "... and it used up no number" 1 \
	"$(sql "SELECT last FROM number_counters WHERE kind = 'reminder_recent' AND year = $YEAR")"
expect_eq "a supervisor may not issue one" 403 "$(post sv /reminders kind=recent title=X text=X user_id=$LD_ID)"
expect_eq "the office's two members received the first" 2 "$(sql "SELECT count(*) FROM reminder_recipients WHERE reminder_id = $R1")"

get sv / >/dev/null
expect_contains "an unacknowledged reminder is on the recipient's home page" "常委会议定事项一" "$(cat "$T_DIR/get.b")"
expect_contains "... as 待阅" "待阅" "$(cat "$T_DIR/get.b")"
expect_eq "the API lists the recipient's unacknowledged reminders" 1 \
	"$(body "$(api GET '/api/reminders?unacked=1' '' "$T_DIR/sv.jar")" | jget '["total"]')"
get inv / >/dev/null
case "$(cat "$T_DIR/get.b")" in *常委会议定事项一*) not_ok "nor on a non-recipient's" ;; *) ok "nor on a non-recipient's" ;; esac
get sv "/reminders/$R1" >/dev/null
expect_contains "the reminder names its tasks" "督导问责通报" "$(cat "$T_DIR/get.b")"
expect_eq "a non-recipient's ack is 403" 403 "$(post inv "/reminders/$R1/ack")"
expect_eq "an unknown reminder is 404" 404 "$(post sv /reminders/999999/ack)"
expect_eq "the recipient acknowledges" 303 "$(post sv "/reminders/$R1/ack")"
expect_eq "twice is harmless" 303 "$(post sv "/reminders/$R1/ack")"
expect_eq "one ack, audited once" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'reminder_ack'")"
get sv / >/dev/null
case "$(cat "$T_DIR/get.b")" in *常委会议定事项一*) not_ok "an acknowledged reminder leaves the home page" ;; *) ok "an acknowledged reminder leaves the home page" ;; esac
get sv2 / >/dev/null
expect_contains "and stays on the other member's until he acknowledges" "常委会议定事项一" "$(cat "$T_DIR/get.b")"
get cm "/reminders/$R1" >/dev/null
expect_contains "the issuer sees who has acknowledged" "已阅 1 / 共 2" "$(cat "$T_DIR/get.b")"
expect_contains "and who has not" "未阅" "$(cat "$T_DIR/get.b")"

# ---- scoring and the scoreboard ------------------------------------------------------------------
# subjects: the offices of active accounts and the township commissions (units of kind township)
api POST /api/units '{"name":"甲镇","kind":"township"}' "$T_DIR/cm.jar" >/dev/null
api POST /api/units '{"name":"乙镇","kind":"township"}' "$T_DIR/cm.jar" >/dev/null
api POST /api/units '{"name":"丙局","kind":"department"}' "$T_DIR/cm.jar" >/dev/null
UA=$(sql "SELECT id FROM units WHERE name = '甲镇'")
UB=$(sql "SELECT id FROM units WHERE name = '乙镇'")
Q="year=$YEAR&quarter=1"
# v CRITERION SUBJECT=POINTS: the sheet's input (the subject's UTF-8 as hex in the name)
v() { printf 'v_%s_%s=%s' "$1" "$(printf '%s' "${2%%=*}" | od -An -tx1 | tr -d ' \n')" "${2#*=}"; }
expect_eq "a criterion: 工作推进 30 points" 303 "$(post cm /scores/criteria year=$YEAR quarter=1 name=工作推进 max_points=30)"
expect_eq "a criterion: 督导问责 20 points" 303 "$(post cm /scores/criteria year=$YEAR quarter=1 name=督导问责 max_points=20)"
expect_eq "a supervisor may not set criteria" 403 "$(post sv /scores/criteria year=$YEAR quarter=1 name=X max_points=1)"
C1=$(sql "SELECT id FROM score_criteria WHERE name = '工作推进'")
C2=$(sql "SELECT id FROM score_criteria WHERE name = '督导问责'")
expect_eq "a score over the criterion's maximum is refused" 422 \
	"$(post cm /scores/sheet year=$YEAR quarter=1 "$(v $C1 "unit:$UA=30.5")")"
expect_eq "an unknown subject is refused" 422 "$(post cm /scores/sheet year=$YEAR quarter=1 "$(v $C1 "unit:999999=1")")"
# 甲镇 28.5 + 18 = 46.5, 乙镇 26.5 + 20 = 46.5 (a tie), 第一监督检查室 30 + 19.5 = 49.5 (first),
# 第三审查调查室 20 (one criterion only): ranks 1, 2, 2, 4
expect_eq "the scorers enter the sheet" 303 "$(post cm /scores/sheet year=$YEAR quarter=1 \
	"$(v $C1 "unit:$UA=28.5")" "$(v $C2 "unit:$UA=18")" "$(v $C1 "unit:$UB=26.5")" "$(v $C2 "unit:$UB=20")" \
	"$(v $C1 "office:第一监督检查室=30")" "$(v $C2 "office:第一监督检查室=19.5")" "$(v $C1 "office:第三审查调查室=20")")"
expect_eq "stored in tenths, no total stored" "285|180|265|200|300|195|200" \
	"$(sql "SELECT tenths FROM scores s JOIN score_criteria c ON c.id = s.criterion_id ORDER BY CASE s.subject WHEN 'unit:$UA' THEN 1 WHEN 'unit:$UB' THEN 2 WHEN 'office:第一监督检查室' THEN 3 ELSE 4 END, c.id" | paste -sd'|')"
get sv "/scores?$Q" >/dev/null
expect_contains "before publishing staff see no scoreboard" "本期考核成绩单尚未发布" "$(cat "$T_DIR/get.b")"
case "$(cat "$T_DIR/get.b")" in *46.5*) not_ok "and no score" ;; *) ok "and no score" ;; esac
expect_eq "nor its workbook (404)" 404 "$(get sv "/scores.xlsx?$Q")"
expect_eq "nor the API (404)" 404 "$(status "$(api GET "/api/scores?$Q" '' "$T_DIR/sv.jar")")"
get ld "/scores?$Q" >/dev/null
expect_contains "a leader previews it" "仅考核人员和委领导可见" "$(cat "$T_DIR/get.b")"
ROWS=$(python3 - "$T_DIR/get.b" <<'PY'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
t = h[h.index("<caption"):]
t = t[:t.index("</table>")]
for tr in re.findall(r"<tr>(.*?)</tr>", t, re.S):
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)]
    if cells and cells[0].isdigit():
        print("%s %s %s" % (cells[0], cells[1], cells[-1]))
PY
)
expect_eq "totals and ranks computed; a tie shares its rank and the next skips" \
	"1 第一监督检查室 49.5|2 乙镇纪委 46.5|2 甲镇纪委 46.5|4 第三审查调查室 20" \
	"$(printf '%s\n' "$ROWS" | paste -sd'|')"
expect_eq "a supervisor may not publish" 403 "$(post sv /scores/publish year=$YEAR quarter=1)"
expect_eq "the leader publishes" 303 "$(post ld /scores/publish year=$YEAR quarter=1)"
get sv "/scores?$Q" >/dev/null
expect_contains "after publishing every staff member sees the scoreboard" "第一监督检查室" "$(cat "$T_DIR/get.b")"
expect_contains "with the totals" "49.5" "$(cat "$T_DIR/get.b")"
expect_contains "and the history by quarter" "历次名次" "$(cat "$T_DIR/get.b")"
expect_eq "a published sheet is no longer edited" 422 "$(post cm /scores/sheet year=$YEAR quarter=1 "$(v $C1 "unit:$UA=1")")"
st=$(curl -s -o "$T_DIR/scores.xlsx" -w '%{http_code}' -b "$T_DIR/sv.jar" "$BASE/scores.xlsx?$Q")
expect_eq "the scoreboard workbook downloads" 200 "$st"
python3 tests/http/xlsx_rows.py "$T_DIR/scores.xlsx" >"$T_DIR/scores.rows" 2>&1
expect_eq "a row per subject below the three head rows" "$((3 + $(grep -c . <<<"$ROWS")))" "$(wc -l <"$T_DIR/scores.rows" | tr -d ' ')"
expect_contains "the first row is the first rank" "第一监督检查室" "$(sed -n 4p "$T_DIR/scores.rows")"

# ---- interchange: tasks, notes, reminders, scores round-trip into a fresh database -------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
mine() { grep -E '"type":"(target|target_note|reminder|score)"' "$1"; }
expect_eq "the lines of the family: 5 tasks, 2 notes, 4 reminders, 7 scores" "5 2 4 7" \
	"$(for t in target target_note reminder score; do grep -c "\"type\":\"$t\"" "$T_DIR/e1.jsonl"; done | paste -sd' ')"
expect_contains "a reminder carries its number and tasks" "\"number\":\"〔$YEAR〕第1期\"" "$(mine "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
# the accounts the file names (a leader, the authors of the notes)
for u in ld sv sv2; do
	printf '%s\n' "$PW" | "$QF_BIN" user add $u --role supervisor --password-stdin --db "$DB2" --key "$T_DIR/rt.key" >/dev/null
done
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the family's lines are the same" diff <(mine "$T_DIR/e1.jsonl") <(mine "$T_DIR/e2.jsonl")
printf '%s\n' '{"type":"target","id":"G9","year":2022,"ledger":"台账","aspect":"nope","title":"X","deadline":"2022-01-01"}' >"$T_DIR/bad.jsonl"
run_cli import "$T_DIR/bad.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "an unknown aspect is refused with its line and field" 'line 1, field "aspect"' "$ERR"
check "no sanitizer report from the CLI" cli_clean

check "the server log has no sanitizer report" server_clean
finish
