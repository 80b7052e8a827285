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
T_FAR=$(new_task "$L1" progress "修订责任追究办法" "$(today '+12 day')" "$LD_ID" 第一监督检查室)
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
