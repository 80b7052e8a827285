# t186_notices.sh: notices and bulk work (issue 12).  What waits for a user
# is counted in the navigation (a badge beside 待办通知, cached per user
# until a transaction commits) and listed on /notices by group: approvals
# asked of them, their proposals sent back, clues assigned to their office,
# clocks overdue or due.  Approvals in bulk go through one confirmation and
# one transaction: all or nothing, each item checked for the approver's
# authority (监督执纪工作规则 2019 art. 21: the leaders approve
# dispositions; a transfer upward is the principal leader's, as issue 10
# keeps it), so one item the approver may not approve leaves every item
# pending.  Clues get a handling office (承办部门) from the case manager,
# singly or in bulk (again all or nothing: a closed clue cannot be
# assigned), audited per clue and on its timeline; the office's staff see
# them among their notices, the clue list filters by office.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
ready_user lead --role leader --principal --password-stdin >/dev/null
ready_user lead2 --role leader --password-stdin >/dev/null
ready_user sup --role supervisor --office 第一监督检查室 --password-stdin >/dev/null
ready_user sup2 --role supervisor --office 第二监督检查室 --password-stdin >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
LJ=$T_DIR/lead.jar; L2=$T_DIR/lead2.jar; SJ=$T_DIR/sup.jar; S2=$T_DIR/sup2.jar
login lead "$PW" "$LJ" >/dev/null; login lead2 "$PW" "$L2" >/dev/null
login sup "$PW" "$SJ" >/dev/null; login sup2 "$PW" "$S2" >/dev/null

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
person() { body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]'; }
clue() { body "$(api POST /api/clues "{\"received\":\"2022-03-02\",\"source\":\"report\",\"summary\":\"反映问题\",\"subjects\":[$1],\"confirm\":true}")" | jget '["id"]'; }
propose() { body "$(api POST "/api/clues/$1/dispositions" "$2")" | jget '["id"]'; }
P1=$(person 赵一); P2=$(person 钱二); P3=$(person 孙三); P4=$(person 李四)
C1=$(clue "$P1"); C2=$(clue "$P2"); C3=$(clue "$P3"); C4=$(clue "$P4")
D1=$(propose "$C1" '{"method":"talk_inquiry","reason":"拟谈话函询"}')
D2=$(propose "$C2" '{"method":"transfer","reason":"拟移交","transfer":{"direction":"upward","to":"市纪委监委","ref":"转1号"}}')
D4=$(propose "$C4" '{"method":"close","reason":"拟了结"}')

# ---- the count and the notices page ------------------------------------------
count() { api GET /api/notices "" "$1" | head -n -1 | jget '["count"]'; }
kinds() { api GET /api/notices "" "$1" | head -n -1 | jget '["items"]' | python3 -c 'import ast,sys; print(" ".join(sorted(i["kind"] for i in ast.literal_eval(sys.stdin.read()))))'; }
expect_eq "the leader's notices: three approvals asked of him" "approval approval approval" "$(kinds "$LJ")"
http_get "$H.home" -b "$LJ" "$BASE/" >/dev/null
check "the navigation shows 待办通知 with the count 3 on every page" \
	grep -q 'href="/notices">待办通知<span class="badge" title="3项待办"><span class="sr-only">（</span>3<span class="sr-only">项）</span></span>' "$H.home.b"
http_get "$H.n" -b "$LJ" "$BASE/notices" >/dev/null
check "/notices groups them under 待我审批 (3), each linking to its clue" \
	grep -q '待我审批（3）' "$H.n.b"
check "... with a checkbox per approval" grep -q "name=\"ids\" value=\"$D1\"" "$H.n.b"
expect_contains "... and the link to the clue" "href=\"/clues/$C1\"" "$(cat "$H.n.b")"
# the case manager approves nothing: no approvals among his notices
expect_eq "the case manager has no approvals among his notices" "" "$(kinds "$JAR")"

# ---- bulk approval: one item not permitted -> nothing changed ---------------------
# lead2 is a leader but not the principal: the transfer upward (D2) is not
# his to approve, so the whole batch is refused
st=$(http_get "$H.c" -b "$L2" --data-urlencode "csrf=$(csrf_of "$L2")" --data-urlencode "ids=$D1" \
	--data-urlencode "ids=$D2" "$BASE/notices/approve")
expect_eq "the bulk approval first answers a confirmation page (200)" 200 "$st"
check "... listing both items and the button 确认批准2项" grep -q '确认批准2项' "$H.c.b"
expect_eq "... nothing decided yet" "proposed proposed" "$(sql "SELECT state FROM dispositions WHERE id IN ($D1, $D2) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
a0=$(sql "SELECT count(*) FROM audit_log WHERE event = 'dispose_approve'")
st=$(http_get "$H.c2" -b "$L2" --data-urlencode "csrf=$(csrf_of "$L2")" --data-urlencode "ids=$D1" \
	--data-urlencode "ids=$D2" --data-urlencode "confirm=1" --data-urlencode "day=2022-03-10" "$BASE/notices/approve")
expect_eq "confirmed by a leader who may not approve one of them: 422" 422 "$st"
check "... naming the item refused" grep -q "第2项（处置意见 $D2）不能批准" "$H.c2.b"
expect_eq "... all or nothing: both still pending" "proposed proposed" "$(sql "SELECT state FROM dispositions WHERE id IN ($D1, $D2) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... both clues still registered" "registered registered" "$(sql "SELECT state FROM clues WHERE id IN ($C1, $C2) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... no approval audited" "$a0" "$(sql "SELECT count(*) FROM audit_log WHERE event = 'dispose_approve'")"
r=$(api POST /api/dispositions/approve "{\"ids\":[$D1,$D2],\"day\":\"2022-03-10\"}" "$L2")
expect_eq "the API alike: 422 naming the item refused" "422 $D2" "$(status "$r") $(body "$r" | jget '["fields"]["failed_id"]')"
expect_eq "... nothing decided" "proposed proposed" "$(sql "SELECT state FROM dispositions WHERE id IN ($D1, $D2) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
r=$(api POST /api/dispositions/approve "{\"ids\":[$D1,$D2],\"day\":\"2022-03-10\"}")
expect_eq "the case manager may not approve at all: 403" 403 "$(status "$r")"

st=$(http_get "$H.c3" -b "$LJ" --data-urlencode "csrf=$(csrf_of "$LJ")" --data-urlencode "ids=$D1" \
	--data-urlencode "ids=$D2" --data-urlencode "confirm=1" --data-urlencode "day=2022-03-10" \
	--data-urlencode "note=同意" "$BASE/notices/approve")
expect_eq "the principal leader confirms both: 303" 303 "$st"
expect_eq "... both approved" "approved approved" "$(sql "SELECT state FROM dispositions WHERE id IN ($D1, $D2) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... the clues moved on" "talk_inquiry transferred" "$(sql "SELECT state FROM clues WHERE id IN ($C1, $C2) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... audited per item" "$((a0 + 2))" "$(sql "SELECT count(*) FROM audit_log WHERE event = 'dispose_approve'")"
expect_eq "... each on its clue's timeline" 2 "$(sql "SELECT count(*) FROM timeline WHERE object IN ('clue/$C1', 'clue/$C2') AND action LIKE '批准处置%'")"
expect_eq "the leader's count follows at once (the cache is dropped on commit)" 1 "$(count "$LJ")"
http_get "$H.home2" -b "$LJ" "$BASE/clues" >/dev/null
check "... and the badge on the next page says 1" grep -q 'title="1项待办"><span class="sr-only">（</span>1<' "$H.home2.b"
r=$(api POST /api/dispositions/approve "{\"ids\":[$D4,$D4],\"day\":\"2022-03-10\"}" "$LJ")
expect_eq "the same item twice: 422" 422 "$(status "$r")"

# ---- returns -------------------------------------------------------------------------
expect_eq "the leader sends D4 back" 200 "$(status "$(api POST "/api/dispositions/$D4/decision" '{"approve":false,"day":"2022-03-11","note":"证据不足，补充材料"}' "$LJ")")"
expect_eq "the case manager's notices: his proposal returned" "returned" "$(kinds "$JAR")"
http_get "$H.r" -b "$JAR" "$BASE/notices" >/dev/null
check "... under 退回给我, with the reason" grep -q '证据不足，补充材料' "$H.r.b"
D4B=$(propose "$C4" '{"method":"close","reason":"补充后拟了结"}')
expect_eq "a new proposal on the clue ends the notice" "" "$(kinds "$JAR")"

# ---- the handling office ----------------------------------------------------------------
st=$(http_get "$H.as" -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data-urlencode "ids=$C3" \
	--data-urlencode "ids=$C1" "$BASE/clues/assign")
expect_eq "bulk assignment: the confirmation page first (200)" 200 "$st"
check "... offering the users' offices" grep -q '<option value="第一监督检查室"' "$H.as.b"
check "... listing the two clues" grep -q '确认分配2条' "$H.as.b"
st=$(http_status -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data-urlencode "ids=$C3" \
	--data-urlencode "ids=$C2" --data-urlencode "confirm=1" --data-urlencode "office=第一监督检查室" "$BASE/clues/assign")
expect_eq "a batch with a clue transferred away (C2): 422" 422 "$st"
expect_eq "... all or nothing: C3 not assigned" "" "$(sql "SELECT assigned_office FROM clues WHERE id = $C3")"
st=$(http_status -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data-urlencode "ids=$C3" \
	--data-urlencode "ids=$C1" --data-urlencode "confirm=1" --data-urlencode "office=不存在的室" "$BASE/clues/assign")
expect_eq "an office nobody works in: 422" 422 "$st"
st=$(http_status -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data-urlencode "ids=$C3" \
	--data-urlencode "ids=$C1" --data-urlencode "confirm=1" --data-urlencode "office=第一监督检查室" "$BASE/clues/assign")
expect_eq "confirmed: 303" 303 "$st"
expect_eq "... both assigned" "第一监督检查室 第一监督检查室" "$(sql "SELECT assigned_office FROM clues WHERE id IN ($C1, $C3) ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... audited per clue" 2 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'clue_assign' AND object IN ('clue/$C1', 'clue/$C3')")"
expect_eq "... in the API's clue" "第一监督检查室" "$(api GET "/api/clues/$C3" | head -n -1 | jget '["office"]')"
expect_eq "... on the timeline" 1 "$(sql "SELECT count(*) FROM timeline WHERE object = 'clue/$C3' AND action = '分配承办部门：第一监督检查室'")"
expect_eq "the office's staff see C3 (registered, no proposal yet) among their notices" "assigned" "$(kinds "$SJ")"
expect_eq "... linking to it" "/clues/$C3" "$(api GET /api/notices "" "$SJ" | head -n -1 | jget '["items"][0]["href"]')"
expect_eq "another office's staff do not" "" "$(kinds "$S2")"
r=$(api GET "/api/clues?office=第一监督检查室" "" "$SJ")
expect_eq "the clue list filters by office" "2" "$(body "$r" | jget '["total"]')"
http_get "$H.l" -b "$JAR" "$BASE/clues?office=%E7%AC%AC%E4%B8%80%E7%9B%91%E7%9D%A3%E6%A3%80%E6%9F%A5%E5%AE%A4" >/dev/null
check "... on the page too, with the office column and the checkboxes for the case manager" \
	grep -q "name=\"ids\" value=\"$C3\"" "$H.l.b"
http_get "$H.k" -b "$SJ" "$BASE/clues/$C3" >/dev/null
check "the clue page shows 承办部门" grep -q '第一监督检查室' "$H.k.b"
check "... and no assignment form for a supervisor" bash -c "! grep -q 'action=\"/clues/assign\"' '$H.k.b'"
r=$(api POST /api/clues/assign "{\"ids\":[$C3],\"office\":\"第二监督检查室\"}")
expect_eq "the API reassigns: 200" 200 "$(status "$r")"
expect_eq "... now the second office's" "assigned" "$(kinds "$S2")"
expect_eq "... and no longer the first's" "" "$(kinds "$SJ")"
expect_eq "a supervisor may not assign: 403" 403 "$(status "$(api POST /api/clues/assign "{\"ids\":[$C3],\"office\":\"第一监督检查室\"}" "$SJ")")"
D3=$(propose "$C3" '{"method":"talk_inquiry","reason":"拟函询"}')
expect_eq "once the office proposes, the clue leaves its notices" "" "$(kinds "$S2")"

# ---- the page kept (session 33), as the home page (t248): a change in SQL
# beside qingfeng (no write through it) does not show; the next write does ------
notices_page() { curl -s -b "$LJ" "$BASE/notices"; }
T0=$(date +%s)
N1=$(notices_page); N2=$(notices_page)
expect_contains "the leader's notices name the clues' unit" "问题线索 $C3（甲局）" "$N1"
check "... a second view is the same bytes" test "$N1" = "$N2"
sql_beside "UPDATE units SET name = '甲局改' WHERE id = $UA"
N3=$(notices_page)
# a rendering is served KEPT_SECS (30 s) at most: checked when the steps were quicker (as t248)
if [ $(($(date +%s) - T0)) -lt 25 ]; then
	case $N3 in *甲局改*) not_ok "... kept: a unit renamed in SQL alone does not show" ;;
		*) ok "... kept: a unit renamed in SQL alone does not show" ;; esac
else
	ok "# skip the kept view: the steps took 25 s or more"
fi
expect_eq "a unit added through the API" 201 "$(status "$(api POST /api/units '{"name":"丙局","kind":"department"}')")"
expect_contains "... the next view renders: the new name shows" "（甲局改）" "$(notices_page)"

stop_server
check "no sanitizer report" server_clean
finish
