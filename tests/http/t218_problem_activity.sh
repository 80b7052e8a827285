#!/usr/bin/env bash
# t218_problem_activity: the activity that found a problem (issue 15's last
# figures; migration 0061 problems.activity_id; docs/statistics.md "The
# rectification ledger", docs/architecture.md "Rectification ledger"):
# 1. the link: the API and the page form accept activity_id; the problem's
#    page links the activity (/worklog/N), the activity's page lists its
#    problems with the counts found and rectified; a township account may
#    not link another unit's activity (404, the denial audited) nor a
#    missing one;
# 2. the keys problems_found and problems_rectified honour kind= through the
#    problem's activity: a problem without an activity never counts under a
#    kind (a spot-check problem entered without its spot check is in the
#    unscoped figure only);
# 3. export and import: each problem names its activity again in a new
#    database (activities are written before problems);
# 4. the demo year: the 2022 report's sentences that count the problems a
#    kind of check found print the report's figures from the records
#    (migration 0061's placeholders; docs/statistics.md).
# Fails before 0061: no problems.activity_id, the key refuses kind=.
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server
UA=$(new_unit 甲局 department) UB=$(new_unit 乙镇 township)

# activity KIND DAY UNIT TITLE: the new entry's id
activity() {
	body "$(api POST /api/worklog "{\"kind\":\"$1\",\"date\":\"$2\",\"unit_id\":$3,\"title\":\"$4\"}")" | jget '["id"]'
}
A1=$(activity spot_check 2022-03-01 "$UA" "甲局作风明察暗访")
A2=$(activity cross_check 2022-04-01 "$UB" "乙镇交叉互检")
check "two activities ($A1, $A2)" test -n "$A1" -a -n "$A2"

# add PAYLOAD [JAR]: the new problem's id, or the status when not 201
add() {
	local r
	r=$(api POST /api/problems "$1" "${2:-$JAR}")
	[ "$(status "$r")" = 201 ] && body "$r" | jget '["id"]' || status "$r"
}

# ---- 1. the link ------------------------------------------------------------------
P1=$(add "{\"unit_id\":$UA,\"source\":\"spot_check\",\"activity_id\":$A1,\"summary\":\"上班时间玩手机\",\"found\":\"2022-03-01\",\"deadline\":\"2022-03-31\"}")
P2=$(add "{\"unit_id\":$UA,\"source\":\"spot_check\",\"activity_id\":$A1,\"summary\":\"值班脱岗\",\"found\":\"2022-03-01\",\"deadline\":\"2022-03-31\"}")
expect_eq "the API links a problem to its activity" "$A1 $A1" \
	"$(sql "SELECT activity_id FROM problems WHERE id IN ($P1, $P2)" | paste -sd' ')"
expect_eq "... and answers it" "$A1" "$(body "$(api GET "/api/problems/$P1")" | jget '["activity_id"]')"
expect_eq "a problem without one answers null" None \
	"$(body "$(api GET "/api/problems/$(add "{\"unit_id\":$UA,\"source\":\"spot_check\",\"summary\":\"未登记来源的明察暗访问题\",\"found\":\"2022-03-02\",\"deadline\":\"2022-03-31\"}")")" | jget '["activity_id"]')"
st=$(curl -s -o "$T_DIR/new.html" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$(csrf_of)" \
	--data-urlencode "unit_id=$UB" --data-urlencode "source=cross_check" --data-urlencode "summary=三重一大议事规则执行不严" \
	--data-urlencode "found=2022-04-01" --data-urlencode "deadline=2022-05-31" --data-urlencode "activity_id=$A2" "$BASE/problems")
expect_eq "the page form links one: 303" 303 "$st"
P3=$(sql "SELECT max(id) FROM problems")
expect_eq "... stored" "$A2" "$(sql "SELECT activity_id FROM problems WHERE id = $P3")"
expect_eq "a missing activity: 404" 404 \
	"$(add "{\"unit_id\":$UA,\"source\":\"other\",\"activity_id\":999999,\"summary\":\"x\",\"found\":\"2022-03-01\",\"deadline\":\"2022-03-31\"}")"
expect_eq "the form shows the field" 200 "$(http_get "$T_DIR/f" -b "$JAR" "$BASE/problems/new")"
check "... 发现问题的工作台账编号" grep -qF 'name="activity_id"' "$T_DIR/f.b"

expect_eq "the problem's page" 200 "$(http_get "$T_DIR/p" -b "$JAR" "$BASE/problems/$P1")"
check "... links its activity" grep -qF "href=\"/worklog/$A1\"" "$T_DIR/p.b"
sql "UPDATE problems SET state = 'rectified', rectified = '2022-03-20', measures = '已整改' WHERE id = $P1" >/dev/null
expect_eq "the activity's page" 200 "$(http_get "$T_DIR/a" -b "$JAR" "$BASE/worklog/$A1")"
check "... counts its problems found and rectified" grep -qF '发现问题 2 个，已整改 1 个' "$T_DIR/a.b"
check "... lists them" grep -qF "href=\"/problems/$P2\"" "$T_DIR/a.b"
check "... not another activity's" bash -c "! grep -qF 'href=\"/problems/$P3\"' '$T_DIR/a.b'"
check "... and links the ledger filtered to them" grep -qF "/problems?activity_id=$A1" "$T_DIR/a.b"
expect_eq "the ledger filtered by the activity" 2 \
	"$(body "$(api GET "/api/problems?activity_id=$A1")" | jget '["total"]')"

# a township commission of 甲局 (scoped): its unit's activity, not 乙镇's
ready_user ta --role township --unit "$UA" --password-stdin --db "$DB" >/dev/null
TJ=$T_DIR/ta.jar
expect_eq "the township account logs in" 303 "$(login ta "$PW" "$TJ")"
before=$(audit_count access_denied "activity/$A2")
expect_eq "another jurisdiction's activity: 404" 404 \
	"$(add "{\"unit_id\":$UA,\"source\":\"cross_check\",\"activity_id\":$A2,\"summary\":\"x\",\"found\":\"2022-04-01\",\"deadline\":\"2022-05-31\"}" "$TJ")"
expect_eq "... audited (access_denied)" $((before + 1)) "$(audit_count access_denied "activity/$A2")"
expect_eq "... nothing saved" 0 "$(sql "SELECT count(*) FROM problems WHERE summary = 'x'")"
PT=$(add "{\"unit_id\":$UA,\"source\":\"spot_check\",\"activity_id\":$A1,\"summary\":\"台账不全\",\"found\":\"2022-03-05\",\"deadline\":\"2022-04-05\"}" "$TJ")
expect_eq "its own unit's activity: linked" "$A1" "$(sql "SELECT activity_id FROM problems WHERE id = '$PT'")"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$TJ" --data-urlencode "csrf=$(csrf_of "$TJ")" \
	--data-urlencode "unit_id=$UA" --data-urlencode "source=spot_check" --data-urlencode "summary=台账不全" \
	--data-urlencode "found=2022-03-05" --data-urlencode "deadline=2022-04-05" --data-urlencode "activity_id=$A2" \
	"$BASE/problems/$PT/edit")
expect_eq "an edit naming another jurisdiction's activity: 404" 404 "$st"
expect_eq "... the link unchanged" "$A1" "$(sql "SELECT activity_id FROM problems WHERE id = '$PT'")"

# the ledger of one entry is led by problems_activity (q_problems.c enum
# p_lead; 10M: the OR walked the ledger): the same rows in the same order
# (found, then id, newest first), for every user and his reach
PB=$(add "{\"unit_id\":$UB,\"source\":\"spot_check\",\"activity_id\":$A1,\"summary\":\"乙镇借调人员问题\",\"found\":\"2022-03-05\",\"deadline\":\"2022-04-05\"}")
# ids JAR QUERY: the total and the ids of the ledger's API page
ids() { body "$(api GET "/api/problems?$2" "" "$1")" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], *[i["id"] for i in d["items"]])'; }
want() { echo "$(sql "SELECT count(*) FROM problems WHERE activity_id = $A1 $1") $(sql "SELECT id FROM problems WHERE activity_id = $A1 $1 ORDER BY found DESC, id DESC" | paste -sd' ')"; }
expect_eq "the entry's ledger: its four problems, newest first" "$(want "")" "$(ids "$JAR" "activity_id=$A1")"
expect_eq "... for the township account, its unit's three (not 乙镇's)" "$(want "AND unit_id = $UA")" \
	"$(ids "$TJ" "activity_id=$A1")"
expect_eq "... its page 2: none" "3" "$(ids "$TJ" "activity_id=$A1&page=2")"
expect_eq "... with another filter too (rectified)" "$(want "AND state = 'rectified'")" "$(ids "$JAR" "activity_id=$A1&state=rectified")"
# on PostgreSQL the entry's problems with no filter but the state have a text
# of their own (q_problems.c Q_LEAN, pgplan16j): the same rows as the full
# statement, which any other filter takes, in and out of the reader's reach
expect_eq "... rectified, for the township account" "$(want "AND state = 'rectified' AND unit_id = $UA")" \
	"$(ids "$TJ" "activity_id=$A1&state=rectified")"
expect_eq "... another filter (the full statement): spot checks" "$(want "AND source = 'spot_check'")" \
	"$(ids "$JAR" "activity_id=$A1&source=spot_check")"
expect_eq "... the same for the township account" "$(want "AND source = 'spot_check' AND unit_id = $UA")" \
	"$(ids "$TJ" "activity_id=$A1&source=spot_check")"
# the entry's page: its counts found and rectified as SQL has them, per reader
found_line() { echo "发现问题 $(sql "SELECT count(*) FROM problems WHERE activity_id = $A1 $1") 个，已整改 $(sql "SELECT count(*) FROM problems WHERE activity_id = $A1 AND state = 'rectified' $1") 个"; }
expect_eq "the entry's page for the township account" 200 "$(http_get "$T_DIR/at" -b "$TJ" "$BASE/worklog/$A1")"
check "... counts its unit's problems: $(found_line "AND unit_id = $UA")" grep -qF "$(found_line "AND unit_id = $UA")" "$T_DIR/at.b"
check "... lists none of 乙镇's" bash -c "! grep -qF 'href=\"/problems/$PB\"' '$T_DIR/at.b'"
expect_eq "... for the case manager" 200 "$(http_get "$T_DIR/ac" -b "$JAR" "$BASE/worklog/$A1")"
check "... every problem of the entry: $(found_line "")" grep -qF "$(found_line "")" "$T_DIR/ac.b"
check "... 乙镇's listed" grep -qF "href=\"/problems/$PB\"" "$T_DIR/ac.b"
# 乙镇's problem taken back out: the figures below count the five
sql "DELETE FROM problem_steps WHERE problem_id = $PB; DELETE FROM problems WHERE id = $PB" >/dev/null

# ---- 2. the keys with kind= ----------------------------------------------------------
# metric KEY [report options]: the key's value for 2022
metric() { report_value "$1" --year 2022 "${@:2}"; }
expect_eq "problems_found of 2022, unscoped: all five" 5 "$(metric problems_found)"
expect_eq "... kind=spot_check: the three its spot check found (not the one without an activity)" 3 \
	"$(metric problems_found --kind spot_check)"
expect_eq "... kind=cross_check" 1 "$(metric problems_found --kind cross_check)"
expect_eq "... kind=spot_check+cross_check" 4 "$(metric problems_found --kind spot_check+cross_check)"
expect_eq "... kind=two_letters: none" 0 "$(metric problems_found --kind two_letters)"
expect_eq "problems_rectified kind=spot_check" 1 "$(metric problems_rectified --kind spot_check)"
expect_eq "... kind=cross_check" 0 "$(metric problems_rectified --kind cross_check)"
run_cli report --year 2022 --format json --kind no_such_kind
check "an unknown kind is refused" test "$RC" -ne 0

# ---- 3. export and import ---------------------------------------------------------------
run_cli export --db "$DB" --out "$T_DIR/e1.jsonl"
expect_eq "export" 0 "$RC"
check "... the activities before the problems" python3 - "$T_DIR/e1.jsonl" <<'PY'
import json, sys
types = [json.loads(l).get("type") for l in open(sys.argv[1]) if l.strip()]
sys.exit(0 if max(i for i, t in enumerate(types) if t == "activity") < min(i for i, t in enumerate(types) if t == "problem") else 1)
PY
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "import into a new database" 0 "$RC"
q="SELECT p.summary || ':' || COALESCE(a.title, '-') FROM problems p LEFT JOIN activities a ON a.id = p.activity_id ORDER BY p.summary"
expect_eq "each problem names its activity again" "$(sql "$q" | paste -sd' ')" "$(DB=$DB2 sql "$q" | paste -sd' ')"
expect_eq "... and the key counts the same" 3 \
	"$(report_value problems_found --year 2022 --kind spot_check --db "$DB2" --key "$T_DIR/rt.key")"

# ---- 4. the demo year's report ---------------------------------------------------------
if [ "$BACKEND" = pg ]; then DB3=$(pg_newdb demo); else DB3=$T_DIR/demo.db; fi
"$QF_BIN" init --db "$DB3" --key "$T_DIR/demo.key" --region 230100 >/dev/null
run_cli demo --year 2022 --db "$DB3" --key "$T_DIR/demo.key"
expect_eq "the demo year imports" 0 "$RC"
# (1389 of 0061; 0062 (fig15, t219) links the 群众评议 13, 派驻 27 and 评查 39 and 14 too)
expect_eq "... 1482 of its problems name the activity that found them" 1482 \
	"$(DB=$DB3 sql "SELECT count(activity_id) FROM problems")"
run_cli report --annual --year 2022 --format text --db "$DB3" --key "$T_DIR/demo.key" --out "$T_DIR/annual.txt"
expect_eq "the annual report renders" 0 "$RC"
A=$(cat "$T_DIR/annual.txt")
expect_contains "政治监督 发现并督促问题整改13个" "开展专题会商52次，发现并督促问题整改13个" "$A"
expect_contains "“两函一书” 督促整改问题8个" "制发“两函一书”100份，督促整改问题8个" "$A"
expect_contains "疫情防控: 督查专报 ... 发现并督促问题整改960个" "期，发现并督促问题整改960个" "$A"
expect_contains "交叉互检 发现问题74个" "次，发现问题74个，做好反馈上报工作" "$A"
expect_contains "明察暗访 破坏优化营商环境方面问题50个" "破坏优化营商环境方面问题50个" "$A"
expect_contains "机关作风明察暗访 发现并督促整改问题40个" "发现并督促整改问题40个" "$A"
expect_contains "“四风”交叉互检 发现并反馈相关问题98个" "发现并反馈相关问题98个" "$A"
expect_contains "“微腐败” 发现并督促问题整改16个" "发现并督促问题整改16个" "$A"
expect_contains "谈话点安全 共发现问题45个" "共发现问题45个，全部完成整改" "$A"
expect_contains "基层群众访谈 发现并解决问题101个" "发现并解决问题101个" "$A"
expect_eq "... none left as a placeholder" 0 "$(grep -c '{{' "$T_DIR/annual.txt")"
expect_eq "the template's placeholders (0061's ten, 0062's two; t219 checks 0062's)" 12 \
	"$(DB=$DB3 sql "SELECT body FROM annual_templates ORDER BY version DESC LIMIT 1" | grep -o '{{problems_found|[^}]*}}' | wc -l)"
check "no sanitizer report" cli_clean
finish
