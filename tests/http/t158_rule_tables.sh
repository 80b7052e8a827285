# t158_rule_tables.sh: the rule tables as effective-dated data that staff
# change from the pages and the API (issue 10, rules10): the influence
# periods (DOMAIN.md 3: 诫勉 6 months, 《关于对党员领导干部进行诫勉的规定》
# 2019), the clock limits (DOMAIN.md 4: the real-name accept notice, 《纪检
# 监察机关处理检举控告工作规则》2020), the detention limits (DOMAIN.md 2,
# 《监察法》2024 arts. 48-50) and the jurisdiction rules (DOMAIN.md 2, 处理
# 检举控告工作规则 art. 15), and the form table's page (DOMAIN.md 3).  Each:
# read with the version in force today, a new version added from the page
# and from the API, audited with who added it; the change applies from its
# date and a record decided or started before it keeps its period, due day
# or handling (a rule never moves a past period); refused: a date before
# today, a version in force replaced, values out of range, with a Chinese
# message naming the field; a role without PERM_RULES_EDIT gets 403 on the
# page and the API.  Fails before rules10: only /rules/forms existed.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users inv1:investigator
# filing is approved by the principal leader (issue 10 part B)
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
login lead "$PW" "$T_DIR/lead.jar" >/dev/null; LJ=$T_DIR/lead.jar
login inv1 "$PW" "$T_DIR/inv1.jar" >/dev/null; IJ=$T_DIR/inv1.jar
login clerk "$PW" "$T_DIR/clerk.jar" >/dev/null; KJ=$T_DIR/clerk.jar

fields() { body "$1" | python3 -c 'import json,sys; print(" ".join(sorted(json.load(sys.stdin).get("fields", {}))))'; }
msg() { body "$1" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin).get("fields", {}).values()))'; }
# row TABLE FILTER EXPRS: of the versions x of TABLE where the Python
# FILTER holds, the Python EXPRS (comma-separated), space-separated
row() {
	api GET "/api/rules/$1" | head -n -1 | python3 -c "import json,sys; v=[x for x in json.load(sys.stdin)['items'] if $2]; print(' '.join(' '.join(str(y) for y in ($3,)) for x in v))"
}
page_post() {   # page_post PATH FORM-DATA: the status; the page in $H.b
	http_get "$H" -b "$JAR" --data-urlencode "csrf=$(csrf_of)" --data "$2" "$BASE$1"
}
# the server's today is China Standard Time's (core/date.c)
TODAY=$(TZ=Asia/Shanghai date +%F); YDAY=$(date -d "$TODAY -1 day" +%F); TOMORROW=$(date -d "$TODAY +1 day" +%F)
add_months() { date -d "$1 +$2 months" +%F; }
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
PS=$(body "$(api POST /api/persons "{\"name\":\"科长甲\",\"unit_id\":$UA,\"rank\":\"section\",\"party_member\":true}")" | jget '["id"]')
protect 科长甲 反映其问题

# ---- the index and the permission ------------------------------------------------------------
expect_eq "/rules lists the rule tables" 200 "$(http_get "$H" -b "$JAR" "$BASE/rules")"
for t in forms periods clocks detention jurisdiction; do
	expect_contains "... linking /rules/$t" "href=\"/rules/$t\"" "$(cat "$H.b")"
done
expect_eq "the leader (no rules_edit) reads /rules: 403" 403 "$(http_status -b "$LJ" "$BASE/rules")"
for t in forms periods clocks detention jurisdiction; do
	expect_eq "the leader (no rules_edit) reads /rules/$t: 403" 403 "$(http_status -b "$LJ" "$BASE/rules/$t")"
	expect_eq "... nor adds through /api/rules/$t: 403" 403 \
		"$(status "$(api POST "/api/rules/$t" '{"valid_from":"2099-01-01","source":"x"}' "$LJ")")"
done
expect_eq "... nothing written by the refused requests" 0 "$(sql "SELECT count(*) FROM influence_periods WHERE valid_from = '2099-01-01'")"

# ---- influence periods (DOMAIN.md 3) ---------------------------------------------------------
expect_eq "诫勉 in force: 6 months, the 2019 rule, seeded" "6 True 诫勉规定" \
	"$(row periods 'x["measure"]=="admonishment" and x["in_force"]' 'x["months"], x["in_force"], "诫勉规定" if "诫勉" in x["source"] else x["source"]')"
r=$(api POST /api/rules/periods "{\"measure\":\"admonishment\",\"months\":12,\"stated\":false,\"extra_months\":0,\"permanent\":false,\"valid_from\":\"$YDAY\",\"source\":\"某地规定第一条\"}")
expect_eq "a version from yesterday (it would move decided periods): 422 naming valid_from" "422 valid_from" "$(status "$r") $(fields "$r")"
expect_contains "... in Chinese" "施行日期不能早于今天" "$(msg "$r")"
r=$(api POST /api/rules/periods '{"measure":"admonishment","months":999,"stated":false,"extra_months":0,"permanent":false,"valid_from":"2099-01-01","source":"x"}')
expect_eq "999 months: 422 naming months" "422 months" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/periods '{"measure":"admonishment","months":6,"stated":false,"extra_months":0,"permanent":true,"valid_from":"2099-01-01","source":"x"}')
expect_eq "permanent with months: 422 naming permanent" "422 permanent" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/periods '{"measure":"no_such","months":6,"valid_from":"2099-01-01","source":""}')
expect_eq "an unknown measure, no flags, no source: 422 naming each" "422 extra_months measure permanent source stated" "$(status "$r") $(fields "$r")"
# an outcome decided yesterday, before the change
clue() {   # clue [SUBJECT,...]: registered, 谈话函询 approved
	local id d
	id=$(body "$(api POST /api/clues "{\"received\":\"2022-01-02\",\"source\":\"report\",\"summary\":\"反映其问题\",\"subjects\":[${1:-$PS}],\"confirm\":true}")" | jget '["id"]')
	d=$(body "$(api POST "/api/clues/$id/dispositions" '{"method":"talk_inquiry","reason":"拟谈话函询"}')" | jget '["id"]')
	api POST "/api/dispositions/$d/decision" '{"approve":true,"day":"2022-01-05"}' "$LJ" >/dev/null
	echo "$id"
}
bar_until() { api GET "/api/outcomes/$1" | head -n -1 | jget '["bar_until"]'; }
C1=$(clue); C2=$(clue)
r=$(api POST /api/outcomes "{\"person_id\":$PS,\"clue_id\":$C1,\"day\":\"$YDAY\",\"measures\":[\"admonishment\"]}")
O1=$(body "$r" | jget '["id"]')
expect_eq "诫勉 decided yesterday: 6 months" "$(add_months "$YDAY" 6)" "$(bar_until "$O1")"
expect_eq "the case manager adds 诫勉 12 months from today through the page: 303" 303 \
	"$(page_post /rules/periods "measure=admonishment&months=12&stated=0&extra_months=0&permanent=0&valid_from=$TODAY&source=%E6%9F%90%E5%9C%B0%E8%A7%84%E5%AE%9A%E7%AC%AC%E4%B8%80%E6%9D%A1")"
expect_eq "... the version in force today, with who added it" "12 True cm" \
	"$(row periods 'x["measure"]=="admonishment" and x["in_force"]' 'x["months"], x["in_force"], x["by"]')"
expect_eq "... audited with the table, the key and the values" 1 \
	"$(sql "SELECT count(*) FROM audit_log WHERE event = 'period_rule_add' AND object = 'period_rule/admonishment' AND detail LIKE '%影响期（月） 12%某地规定第一条%'")"
r=$(api POST /api/outcomes "{\"person_id\":$PS,\"clue_id\":$C2,\"day\":\"$TODAY\",\"measures\":[\"admonishment\"]}")
O2=$(body "$r" | jget '["id"]')
expect_eq "诫勉 decided today: the new 12 months apply from their date" "$(add_months "$TODAY" 12)" "$(bar_until "$O2")"
expect_eq "... the one decided yesterday keeps its 6 months" "$(add_months "$YDAY" 6)" "$(bar_until "$O1")"
expect_eq "the page shows the history: the seed (初始) and the new version with its source" 200 "$(http_get "$H" -b "$JAR" "$BASE/rules/periods")"
expect_contains "... 某地规定第一条" "某地规定第一条" "$(cat "$H.b")"
expect_contains "... 已被替代 for the 2019 row" "已被替代" "$(cat "$H.b")"
r=$(api POST /api/rules/periods "{\"measure\":\"admonishment\",\"months\":3,\"stated\":false,\"extra_months\":0,\"permanent\":false,\"valid_from\":\"$TODAY\",\"source\":\"x\"}")
expect_eq "replacing the version in force today: 422 naming valid_from" "422 valid_from" "$(status "$r") $(fields "$r")"
expect_eq "a refused page form: 422 with the message beside the field" 422 \
	"$(page_post /rules/periods "measure=admonishment&months=abc&stated=0&extra_months=0&permanent=0&valid_from=$TOMORROW&source=x")"
expect_contains "... 影响期（月）应为0至120之间的整数" "影响期（月）应为0至120之间的整数" "$(cat "$H.b")"
for m in 9 10; do
	r=$(api POST /api/rules/periods "{\"measure\":\"admonishment\",\"months\":$m,\"stated\":false,\"extra_months\":0,\"permanent\":false,\"valid_from\":\"$TOMORROW\",\"source\":\"明日规定\"}")
done
expect_eq "a version from tomorrow replaces the one of that day not yet in force" "200 10 1" \
	"$(status "$r") $(sql "SELECT months || ' ' || count(*) FROM influence_periods WHERE measure = 'admonishment' AND valid_from = '$TOMORROW' GROUP BY months")"
expect_eq "... listed, not in force" "10:False" "$(row periods "x['valid_from']=='$TOMORROW'" '"%s:%s" % (x["months"], x["in_force"])')"

# ---- clock limits (DOMAIN.md 4) --------------------------------------------------------------
report() {   # report RECEIVED: a real-name accusation about 科长甲 (clerk)
	api POST /api/reports "{\"received\":\"$1\",\"channel\":\"letter\",\"category\":\"accusation\",\"kind\":\"accusation\",\"real_name\":true,\"reporter\":\"王实名\",\"contact\":\"13800001111\",\"accused\":[$PS],\"summary\":\"反映其问题\"}" "$KJ"
}
expect_eq "the accept notice limit in force: 15 workdays (2020)" "15 workdays" \
	"$(row clocks 'x["clock"]=="report_accept_notice" and x["in_force"]' 'x["amount"], x["unit"]')"
r=$(api POST /api/rules/clocks "{\"clock\":\"report_accept_notice\",\"amount\":60,\"unit\":\"weeks\",\"valid_from\":\"$TODAY\",\"source\":\"x\"}")
expect_eq "an unknown unit: 422 naming unit" "422 unit" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/clocks "{\"clock\":\"no_clock\",\"amount\":0,\"unit\":\"days\",\"valid_from\":\"$TODAY\",\"source\":\"x\"}")
expect_eq "an unknown clock and 0: 422 naming both" "422 amount clock" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/clocks "{\"clock\":\"report_accept_notice\",\"amount\":60,\"unit\":\"workdays\",\"valid_from\":\"$TODAY\",\"source\":\"某地规定第一条\"}")
expect_eq "60 workdays from today through the API: 200" 200 "$(status "$r")"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'clock_rule_add' AND object = 'clock_rule/report_accept_notice'")"
R1=$(body "$(report "$YDAY")" | jget '["id"]'); R2=$(body "$(report "$TODAY")" | jget '["id"]')
due() { sql "SELECT accept_notice_due FROM reports WHERE id = $1"; }
D1=$(due "$R1"); D2=$(due "$R2")
expect_eq "a report received yesterday keeps the 15 workdays it started with (due within 40 days)" 1 \
	"$([ -n "$D1" ] && [ "$D1" \< "$(date -d "$YDAY +40 days" +%F)" ] && echo 1)"
expect_eq "a report received today takes the 60 workdays (due after 80 days)" 1 \
	"$([ -n "$D2" ] && [ "$D2" \> "$(date -d "$TODAY +80 days" +%F)" ] && echo 1)"
expect_eq "the clocks page through the form: 303" 303 \
	"$(page_post /rules/clocks "clock=petition_accept&amount=20&unit=days&valid_from=2099-01-01&source=x")"
expect_eq "... 200 showing the clock's label" 200 "$(http_get "$H" -b "$JAR" "$BASE/rules/clocks")"
expect_contains "... showing the new version" "2099-01-01" "$(cat "$H.b")"
http_get "$H" -b "$JAR" "$BASE/calendar" >/dev/null
expect_contains "the calendar's table of limits links the page for the case manager" 'href="/rules/clocks"' "$(cat "$H.b")"
http_get "$H" -b "$LJ" "$BASE/calendar" >/dev/null
expect_eq "... not for the leader" 0 "$(grep -c 'href="/rules/clocks"' "$H.b")"

# ---- detention limits (DOMAIN.md 2, 《监察法》2024) --------------------------------------------
expect_eq "the notice in force: 24 hours, the 2025 law" "24 hours 第五十条" \
	"$(row detention 'x["step"]=="notice" and x["in_force"]' 'x["amount"], x["unit"], "第五十条" if "第五十条" in x["source"] else x["source"]')"
r=$(api POST /api/rules/detention '{"step":"notice","amount":12,"unit":"months","min_level":"county","approver":"","valid_from":"2099-01-01","source":"x"}')
expect_eq "a notice in months: 422 naming unit" "422 unit" "$(status "$r") $(fields "$r")"
expect_contains "... 通知时限以小时计" "通知时限以小时计" "$(msg "$r")"
r=$(api POST /api/rules/detention '{"step":"recalc","amount":3,"unit":"months","min_level":"city","approver":"国家监察委员会","valid_from":"2099-01-01","source":"x"}')
expect_eq "an unknown level: 422 naming min_level" "422 min_level" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/detention '{"step":"notice","amount":12,"unit":"hours","min_level":"county","approver":"","valid_from":"2099-01-01","source":"某地规定第一条"}')
expect_eq "the notice at 12 hours from 2099 through the API: 200" 200 "$(status "$r")"
expect_eq "... stored with who added it, today's version still in force" "24:True 12:False" \
	"$(row detention 'x["step"]=="notice" and x["valid_from"]>="2025"' '"%s:%s" % (x["amount"], x["in_force"])')"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'detention_rule_add' AND object = 'detention_rule/notice'")"

# the change applies from its date: a detention announced yesterday keeps 24 hours
P1=$(body "$(api POST /api/persons "{\"name\":\"员工乙\",\"unit_id\":$UA,\"rank\":\"staff\"}")" | jget '["id"]')
P2=$(body "$(api POST /api/persons "{\"name\":\"员工丙\",\"unit_id\":$UA,\"rank\":\"staff\"}")" | jget '["id"]')
K=$(clue "$P1,$P2")
d=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
api POST "/api/dispositions/$d/decision" '{"approve":true,"day":"2022-01-07"}' "$LJ" >/dev/null
d=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"file_case","reason":"拟立案"}')" | jget '["id"]')
api POST "/api/dispositions/$d/decision" '{"approve":true,"day":"2022-01-10","filing":{"case_type":"both","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"],"committee_by":"县委书记","committee_day":"2022-01-10"}}' "$LJ" >/dev/null
C=$(sql "SELECT id FROM cases WHERE clue_id = $K")
api POST "/api/cases/$C/team" "{\"user_id\":$(sql "SELECT id FROM users WHERE name = 'inv1'"),\"role\":\"lead\"}" >/dev/null
detain() { api POST "/api/cases/$C/detentions" "{\"person_id\":$1,\"start\":\"$2\",\"start_time\":\"00:00\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"$2\"}" "$IJ"; }
notice_due() { api GET "/api/cases/$C" "" "$IJ" | head -n -1 | python3 -c 'import json,sys; print(" ".join(x["notice_due"] for x in json.load(sys.stdin)["detentions"]))'; }
expect_eq "a detention of 员工乙 announced yesterday 00:00 (监察法 art. 50: 24 hours)" 201 "$(status "$(detain "$P1" "$YDAY")")"
r=$(api POST /api/rules/detention "{\"step\":\"notice\",\"amount\":12,\"unit\":\"hours\",\"min_level\":\"county\",\"approver\":\"\",\"valid_from\":\"$TODAY\",\"source\":\"某地规定第一条\"}")
expect_eq "the notice at 12 hours from today: 200" 200 "$(status "$r")"
expect_eq "a detention of 员工丙 announced today 00:00" 201 "$(status "$(detain "$P2" "$TODAY")")"
expect_eq "... due in 12 hours; 员工乙's detention keeps its 24" "${TODAY}T00:00 ${TODAY}T12:00" "$(notice_due)"
expect_eq "the extension through the page: 303" 303 \
	"$(page_post /rules/detention "step=extension&amount=2&unit=months&min_level=county&approver=%E4%B8%8A%E4%B8%80%E7%BA%A7&valid_from=2099-01-01&source=x")"
expect_eq "... stored" "2|上一级|$(sql "SELECT id FROM users WHERE name = 'cm'")" \
	"$(sql "SELECT amount || '|' || approver || '|' || created_by FROM detention_limits WHERE step = 'extension' AND effective_from = '2099-01-01'")"

# ---- jurisdiction rules (DOMAIN.md 2, 处理检举控告工作规则 art. 15) ---------------------------
r=$(api POST /api/rules/jurisdiction "{\"level\":\"county\",\"rank\":\"section\",\"up\":true,\"valid_from\":\"$TODAY\",\"source\":\"某地规定第一条\"}")
expect_eq "section-rank subjects go up from today (API): 200" 200 "$(status "$r")"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'jurisdiction_rule_add' AND object = 'jurisdiction_rule/county:section'")"
r=$(report "$YDAY")
expect_eq "a report about 科长甲 received yesterday is still this level's: 201 with its content" 201 "$(status "$r")"
r=$(report "$TODAY")
expect_eq "one received today belongs to the level above: 422 naming summary (no content kept)" "422 summary" "$(status "$r") $(fields "$r")"
r=$(api POST /api/rules/jurisdiction '{"level":"township","rank":"section","up":true,"valid_from":"2099-01-01","source":"x"}')
expect_eq "an unknown level: 422 naming level" "422 level" "$(status "$r") $(fields "$r")"
expect_eq "the rule ended from 2099 through the page (up 否): 303" 303 \
	"$(page_post /rules/jurisdiction "level=county&rank=section&up=0&valid_from=2099-01-01&source=x")"
expect_eq "... listed" "True:True False:False" \
	"$(row jurisdiction 'x["rank"]=="section"' '"%s:%s" % (x["up"], x["in_force"])')"

# ---- the form table's page (DOMAIN.md 3) -----------------------------------------------------
expect_eq "the form table through its page: 303" 303 \
	"$(page_post /rules/forms "measure=criticism&form=2&valid_from=2099-01-01&source=x")"
expect_eq "... audited as before" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'form_rule_add' AND object = 'form_rule/criticism'")"
expect_eq "... an unknown table: 404" 404 "$(http_status -b "$JAR" "$BASE/rules/nothing")"

check "server log clean" server_clean
finish
