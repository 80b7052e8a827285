# t188_layout.sh: layout and wording (issue 12).
# One label for one thing (the overdue filter reads 只看逾期, a checkbox,
# on the report, clue and case lists); a well-formed date that does not
# exist answers 日期不存在 beside its field with what was typed kept (the
# API: 422 naming the field); a text over its field's limit is answered
# beside the field with the limit and its length, the text kept whole;
# the audit page in Chinese (reasons too) with its event filter a choice;
# a signed-in user's 404 and 403 keep the navigation (a visitor's stay
# bare); a page links only to what the role may open (the intake office,
# without PERM_CLUE_READ, sees the clue of its report as text); the case
# page in sections that fold; timelines name people by display name.
. "$(dirname "$0")/lib.sh"

init_db && add_users lead:leader inv1:investigator || { not_ok "init"; finish; }
sql "UPDATE users SET principal = 1 WHERE name = 'lead'" >/dev/null   # filing by the principal leader
sql "UPDATE users SET display_name = '陈案管' WHERE name = 'cm'" >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
CJ=$T_DIR/clerk.jar LJ=$T_DIR/lead.jar AJ=$T_DIR/auditor.jar H=$T_DIR/h
login clerk "$PW" "$CJ" >/dev/null; login lead "$PW" "$LJ" >/dev/null
TOK=$(csrf_of)

# ---- one label: 只看逾期 -----------------------------------------------------------
for list in reports clues cases; do
	http_get "$H" -b "$JAR" "$BASE/$list" >/dev/null
	check "/$list: the overdue filter is the checkbox 只看逾期" \
		grep -q '<input type="checkbox" value="1" name="overdue"> 只看逾期</label>' "$H.b"
	check "/$list: no other wording of it" bash -c "! grep -qE '仅看逾期|仅逾期' '$H.b'"
done
http_get "$H" -b "$JAR" "$BASE/cases?overdue=1" >/dev/null
check "/cases?overdue=1: the box comes back ticked" grep -q 'name="overdue" checked> 只看逾期' "$H.b"

# ---- a unit, a person ------------------------------------------------------------
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵科长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
protect 赵科长

# ---- dates: 日期不存在, the value kept --------------------------------------------------
post_clue() {   # RECEIVED SUMMARY: the clue form sent from the page; prints the status
	http_get "$H" -b "$JAR" --data-urlencode "csrf=$TOK" --data-urlencode "received=$1" \
		--data "source=report&subjects=$P1" --data-urlencode "summary=$2" "$BASE/clues"
}
# the message beside field NAME (its aria-describedby error), from $H.b
field_err() { python3 - "$1" "$H.b" <<'EOF'
import re, sys
t = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r'id="e-%s"[^>]*>(.*?)</' % re.escape(sys.argv[1]), t, re.S)
print(m.group(1) if m else "")
EOF
}
for day in 2022-02-30 2022-13-01 2022-04-31; do
	expect_eq "a clue received on $day: 422" 422 "$(post_clue "$day" 反映其违规收受礼金)"
	expect_eq "... 日期不存在 beside the field" "日期不存在" "$(field_err received)"
	check "... the form keeps what was typed ($day)" grep -qE "<input[^>]* name=\"received\"[^>]* value=\"$day\"" "$H.b"
	check "... and the summary" grep -q '>反映其违规收受礼金</textarea>' "$H.b"
done
expect_eq "a misshapen date: 422" 422 "$(post_clue 2022/3/1 反映其违规收受礼金)"
check "... told the format" grep -q 'YYYY-MM-DD' "$H.b"
check "... (no 日期不存在 for it)" bash -c "! grep -q '日期不存在' '$H.b'"
r=$(api POST /api/clues "{\"received\":\"2022-02-30\",\"source\":\"report\",\"summary\":\"x\",\"subjects\":[$P1]}")
expect_eq "API, an impossible date: 422" 422 "$(status "$r")"
expect_eq "... naming the field" "日期不存在" "$(body "$r" | jget '["fields"]["received"]')"
expect_eq "... nothing saved" 0 "$(sql "SELECT count(*) FROM clues")"
r=$(api POST /api/reports '{"received":"2022-13-01","channel":"letter","category":"accusation","kind":"accusation","summary":"x"}' "$CJ")
expect_eq "a report received 2022-13-01 (API): 日期不存在" "422 日期不存在" "$(status "$r") $(body "$r" | jget '["fields"]["received"]')"

# ---- too long: answered beside the field, the text kept ---------------------------------
LONG=$(python3 -c 'print("举" * 5001)')
expect_eq "a summary of 5001 characters: 422" 422 "$(post_clue 2022-03-02 "$LONG")"
expect_eq "... answered beside it with the limit and its length" "主要问题不能超过5000个字，现为5001个字" \
	"$(field_err summary)"
expect_eq "... the text kept whole in the form" 5001 "$(python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<textarea[^>]*name=\"summary\"[^>]*>(.*?)</textarea>", t, re.S)
print(len(m.group(1)) if m else -1)' "$H.b")"
expect_eq "... nothing saved" 0 "$(sql "SELECT count(*) FROM clues")"
# past the form layer's own limit (64 KB a value, far beyond any field's):
# refused as a whole, but saying so in Chinese
expect_eq "a summary of 70,000 bytes: 400" 400 "$(post_clue 2022-03-02 "$(python3 -c 'print("a" * 70000)')")"
check "... says the text is too long and nothing was saved" grep -q '所填的一项内容过长（每项不能超过 64 KB），未保存' "$H.b"
r=$(api POST /api/clues "{\"received\":\"2022-03-02\",\"source\":\"report\",\"source_ref\":\"$(python3 -c 'print("号" * 101)')\",\"summary\":\"x\",\"subjects\":[$P1]}")
expect_eq "API, a source number of 101 characters: 422 naming it" "422 来源编号不能超过100个字，现为101个字" \
	"$(status "$r") $(body "$r" | jget '["fields"]["source_ref"]')"

# ---- a clue, a report turned into a clue, a case -------------------------------------
expect_eq "a good clue from the page: 303" 303 "$(post_clue 2022-03-02 反映其违规收受礼金)"
K=$(sql "SELECT max(id) FROM clues")
http_get "$H" -b "$JAR" "$BASE/clues/$K" >/dev/null
check "the clue's timeline names cm by display name (陈案管)" grep -q '<span class="who">陈案管</span>' "$H.b"
check "... not by the login name" bash -c "! grep -qE 'class=\"who\">cm<' '$H.b'"
P2=$(body "$(api POST /api/persons "{\"name\":\"钱局长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
r=$(api POST /api/reports "{\"received\":\"2022-03-01\",\"channel\":\"letter\",\"category\":\"accusation\",\"kind\":\"accusation\",\"accused\":[$P2],\"summary\":\"反映其违规发放津贴\"}" "$CJ")
R=$(body "$r" | jget '["id"]')
api POST "/api/reports/$R/acceptance" '{"accept":true,"day":"2022-03-05"}' "$CJ" >/dev/null
r=$(api POST "/api/reports/$R/clue" '{"day":"2022-04-05","confirm":true}' "$CJ")
expect_eq "the intake office turns its report into a clue: 201" 201 "$(status "$r")"
K2=$(body "$r" | jget '["clue_id"]')
http_get "$H" -b "$CJ" "$BASE/reports/$R" >/dev/null
check "the intake office (no PERM_CLUE_READ) sees its clue as text" grep -q "问题线索 $K2" "$H.b"
check "... without a link to it" bash -c "! grep -q 'href=\"/clues/$K2\"' '$H.b'"
http_get "$H" -b "$JAR" "$BASE/reports/$R" >/dev/null
check "the case manager gets the link" grep -q "href=\"/clues/$K2\"" "$H.b"

C=$(file_case "$K" 2022-04-01)
check "the leader approves filing (a case: $C)" test -n "$C"

# ---- the case page in sections that fold ------------------------------------------
http_get "$H" -b "$JAR" "$BASE/cases/$C" >/dev/null
for sec in 办理组 留置 回避 审查调查记录 审理 处理结果 附件 文书 办理记录; do
	check "the case page: $sec is a section that folds, open" \
		grep -q "<details class=\"fold\" open><summary><h2>$sec</h2></summary>" "$H.b"
done
expect_eq "... every section closed" "$(grep -o '<details' "$H.b" | wc -l)" "$(grep -o '</details>' "$H.b" | wc -l)"

# ---- error pages keep the navigation ---------------------------------------------------
expect_eq "a path that does not exist, signed in: 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/no/such/page")"
check "... with the navigation" grep -q '<nav class="sidenav" aria-label="主导航">' "$H.b"
check "... and the error" grep -q '<p class="error-code">404</p>' "$H.b"
expect_eq "a record that does not exist: 404" 404 "$(http_get "$H" -b "$JAR" "$BASE/clues/987654")"
check "... with the navigation" grep -q '<nav class="sidenav" aria-label="主导航">' "$H.b"
expect_eq "the intake office on the users page: 403" 403 "$(http_get "$H" -b "$CJ" "$BASE/admin/users")"
check "... with its own navigation (信访举报, no 用户管理)" \
	bash -c "grep -q 'href=\"/reports\"' '$H.b' && ! grep -q 'href=\"/admin/users\"' '$H.b'"
check "... grouped: 信访与线索 heads its sections" \
	grep -q '<li class="navgrp"><span class="navhead">信访与线索</span><ul><li><a href="/reports">' "$H.b"
check "... a group it may use none of is left out with its heading (统计报告)" \
	bash -c "! grep -q '统计报告' '$H.b' && ! grep -q 'href=\"/statistics\"' '$H.b'"
http_get "$H" -b "$JAR" "$BASE/cases" >/dev/null
check "the case manager's 案件 sits under 审查调查, marked current" \
	grep -q '<span class="navhead">审查调查</span><ul><li><a href="/cases" aria-current="page">' "$H.b"
check "... 统计报告 shown to the case manager" grep -q '<span class="navhead">统计报告</span>' "$H.b"
expect_eq "a visitor's 404" 404 "$(http_get "$H" "$BASE/no/such/page")"
check "... stays bare" bash -c "! grep -q 'sidenav' '$H.b' && grep -q 'error-code' '$H.b'"
expect_eq "the API's 404 stays JSON" 404 "$(status "$(api GET /api/no/such)")"

# ---- the audit page in Chinese ------------------------------------------------------------
check "the audit admin signs in (second factor enrolled)" enrol auditor "$PW" "$AJ"
http_get "$H" -b "$AJ" "$BASE/audit?event=access_denied" >/dev/null
check "the event filter is a choice of the events by label" \
	grep -q '<option value="access_denied" selected>越权访问被拒绝</option>' "$H.b"
check "... no free text field for a code" bash -c "! grep -q 'name=\"event\" value=' '$H.b'"
check "the clerk's refusal reads 角色无此权限" grep -q '<td>角色无此权限</td>' "$H.b"
check "... not the stored English" bash -c "! grep -q 'role lacks permission' '$H.b'"
login cm 'Wrong#Pass123' "$T_DIR/x.jar" >/dev/null
http_get "$H" -b "$AJ" "$BASE/audit?event=login_failed" >/dev/null
check "a failed login reads 密码错误" grep -q '<td>密码错误</td>' "$H.b"

stop_server
check "server log clean" server_clean
finish
