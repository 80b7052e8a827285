#!/usr/bin/env bash
# t157_roles_sources.sh: issue 10, last part (ui10).
# - Supervisors (监督检查室): investigation and trial are separate
#   (审查调查与审理分离; Supervision Law 2018 art. 36; 监督执纪工作规则
#   2019 art. 54 ff.): case teams are the investigating offices and the
#   trial office, so the supervision office joins none and no longer holds
#   PERM_CASE_WORK: case work is refused for the role (403), not only for
#   not being on the team (404 before), it is refused on the team (422) and
#   is not offered in the team's select, which offers whom the API takes
#   (a leader, missing before); it keeps the case list and the
#   declaration of conflicts (回避, art. 58), whose link on 账户安全 now
#   follows the route's permission (a leader had the route but no link).
# - An attacker's ids in the body on a case one works on: a person who is
#   not the case's subject for a detention, an outcome, a clarification
#   (422, named field, nothing written).
# - Several violations get one party sanction, the highest plus one grade
#   (纪律处分条例 2023 art. 24; the message said "the heaviest").
# - Article numbers (migration 0025): the party influence periods cite
#   《中国共产党纪律处分条例》(2023) art. 10 / 11, the detention rows of
#   2025-06-01 the implementing regulations (2025) arts. 129, 130, 133,
#   the report clocks 检举控告工作规则 (2020) arts. 15 and 16.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
adduser() { local n=$1 r=$2; shift 2; ready_user "$n" --role "$r" --password-stdin "$@" >/dev/null; }
adduser lead leader --principal
for u in inv1:investigator judge:trial sup:supervisor; do adduser "${u%%:*}" "${u#*:}"; done
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in lead inv1 judge sup; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
J() { echo "$T_DIR/$1.jar"; }
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙局","kind":"department"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵处长\",\"unit_id\":$UA,\"rank\":\"section\",\"party_member\":true}")" | jget '["id"]')
P3=$(body "$(api POST /api/persons "{\"name\":\"孙科员\",\"unit_id\":$UB,\"rank\":\"section\"}")" | jget '["id"]')
K=$(body "$(api POST /api/clues "{\"received\":\"2025-04-01\",\"source\":\"report\",\"summary\":\"反映其收受财物\",\"subjects\":[$P1]}")" | jget '["id"]')
V=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
api POST "/api/dispositions/$V/decision" '{"approve":true,"day":"2025-04-10"}' "$(J lead)" >/dev/null
D=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"file_case","reason":"拟立案"}')" | jget '["id"]')
api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2025-05-01","filing":{"case_type":"both","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"],"committee_by":"县委书记","committee_day":"2025-04-30"}}' "$(J lead)" >/dev/null
C=$(sql "SELECT id FROM cases WHERE clue_id = $K")
expect_eq "the case is filed" 1 "$(sql "SELECT count(*) FROM cases WHERE clue_id = $K")"
expect_eq "inv1 the lead" 200 "$(status "$(api POST "/api/cases/$C/team" "{\"user_id\":$(uid inv1),\"role\":\"lead\"}")")"

# ---- the supervisor ---------------------------------------------------------------------------
r=$(api POST "/api/cases/$C/team" "{\"user_id\":$(uid sup),\"role\":\"member\"}")
expect_eq "a supervisor on the investigation team: 422" 422 "$(status "$r")"
expect_contains "... the role handles no cases" "不办理案件" "$(body "$r")"
expect_eq "a supervisor as trial member: 422" 422 "$(status "$(api POST "/api/cases/$C/team" "{\"user_id\":$(uid sup),\"role\":\"trial\"}")")"
expect_eq "a supervisor's case note: 403 (no case_work), not 404" 403 "$(status "$(api POST "/api/cases/$C/notes" '{"text":"监督检查室的记录"}' "$(J sup)")")"
expect_eq "... audited access_denied (role lacks permission)" 1 "$(sql "SELECT count(*) FROM audit_log a WHERE a.user_name = 'sup' AND a.event = 'access_denied' AND a.object = '/api/cases/$C/notes'")"
expect_eq "... nothing written" 0 "$(sql "SELECT count(*) FROM case_notes WHERE case_id = $C")"
expect_eq "the supervisor still lists cases: 200" 200 "$(http_get "$T_DIR/sl" -b "$(J sup)" "$BASE/cases")"
expect_eq "... but the case itself is need-to-know: 404" 404 "$(http_get "$T_DIR/sc" -b "$(J sup)" "$BASE/cases/$C")"
expect_eq "the case page as case manager: 200" 200 "$(http_get "$T_DIR/cm" -b "$JAR" "$BASE/cases/$C")"
check "... its team select offers the investigator and the trial officer" grep -q "（审查调查室）" "$T_DIR/cm.b"
check "... and no supervisor" bash -c "! grep -q '（监督检查室）' '$T_DIR/cm.b'"
# the page offers whom the API takes: a leader may lead (investigation roles)
check "... and the leader, whom the API takes as lead or member" grep -q "（委领导）" "$T_DIR/cm.b"
expect_eq "the supervisor declares a conflict: 201" 201 "$(status "$(api POST /api/conflicts "{\"person_id\":$P1,\"note\":\"同学\"}" "$(J sup)")")"
for u in sup lead; do
	http_get "$T_DIR/acc-$u" -b "$(J "$u")" "$BASE/account" >/dev/null
	check "账户安全 of $u links to 回避申报 (the route's PERM_CASE_READ)" grep -q 'href="/account/conflicts"' "$T_DIR/acc-$u.b"
done
http_get "$T_DIR/acc-cm" -b "$JAR" "$BASE/account" >/dev/null
check "... and of the case manager" grep -q 'href="/account/conflicts"' "$T_DIR/acc-cm.b"

# ---- several violations, one party sanction: 纪律处分条例 (2023) art. 24 ------------------------
# 合并处理，按最高处分加重一档: the refusal no longer says "the heaviest"
r=$(api POST /api/outcomes "{\"person_id\":$P1,\"case_id\":$C,\"day\":\"2025-07-01\",\"measures\":[\"party_warning\",\"party_serious_warning\"]}")
expect_eq "two party sanctions in one outcome: 422" 422 "$(status "$r")"
expect_contains "... combined: the highest plus one grade (art. 24)" "加重一档" "$(body "$r")"

# ---- docs/security.md's table is the role table -------------------------------------------------
diff=$("$QF_BIN" routes 2>/dev/null | python3 -c '
import json, re, sys
roles = {r["code"]: set(r["perms"]) for r in map(json.loads, sys.stdin) if r.get("kind") == "role"}
doc = open(sys.argv[1], encoding="utf-8").read()
tbl = doc.split("<!-- role-table: begin -->")[1].split("<!-- role-table: end -->")[0].strip().splitlines()
head = [c.strip() for c in tbl[0].strip("|").split("|")][1:]
got = {c: set() for c in head}
for line in tbl[2:]:
    cells = [c.strip() for c in line.strip("|").split("|")]
    for c, v in zip(head, cells[1:]):
        if v: got[c].add(cells[0].strip("`"))
for c in sorted(set(roles) | set(got)):
    if roles.get(c) != got.get(c):
        print(c, sorted(roles.get(c, set()) ^ got.get(c, set())))
' "$(dirname "$0")/../../docs/security.md")
expect_eq "docs/security.md's role table is role.c (qingfeng routes)" "" "$diff"

# ---- someone else's ids in the body ------------------------------------------------------------
n0=$(sql "SELECT (SELECT count(*) FROM detentions) + (SELECT count(*) FROM outcomes) + (SELECT count(*) FROM clarifications)")
r=$(api POST "/api/cases/$C/detentions" "{\"person_id\":$P3,\"start\":\"2025-05-20\",\"start_time\":\"10:00\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"2025-05-19\"}" "$(J inv1)")
expect_eq "detention of a person who is not the case's subject: 422" 422 "$(status "$r")"
expect_contains "... naming person_id" '"person_id"' "$(body "$r")"
r=$(api POST /api/outcomes "{\"person_id\":$P3,\"case_id\":$C,\"day\":\"2025-07-01\",\"measures\":[\"criticism\"]}")
expect_eq "an outcome on the case for someone else: 422" 422 "$(status "$r")"
expect_contains "... naming person_id" '"person_id"' "$(body "$r")"
r=$(api POST /api/clarifications "{\"person_id\":$P3,\"case_id\":$C,\"day\":\"2025-07-01\",\"manner\":\"meeting\"}")
expect_eq "a clarification on the case for someone else: 422" 422 "$(status "$r")"
expect_eq "... nothing written" "$n0" "$(sql "SELECT (SELECT count(*) FROM detentions) + (SELECT count(*) FROM outcomes) + (SELECT count(*) FROM clarifications)")"

# ---- article numbers (migration 0025) ----------------------------------------------------------
src() { sql "SELECT source FROM $1 WHERE $2"; }
expect_contains "警告 / 严重警告: 纪律处分条例 (2023) art. 10" "第十条" "$(src influence_periods "measure = 'party_warning'")"
expect_contains "... 严重警告 too" "第十条" "$(src influence_periods "measure = 'party_serious_warning'")"
expect_contains "撤销党内职务: art. 11" "第十一条" "$(src influence_periods "measure = 'party_post_removal'")"
expect_contains "the extension of 2025-06-01: implementing regulations art. 129" "第一百二十九条" "$(src detention_limits "step = 'extension' AND effective_from = '2025-06-01'")"
expect_contains "the national extension: art. 130" "第一百三十条" "$(src detention_limits "step = 'national' AND effective_from = '2025-06-01'")"
expect_contains "the recalculation: art. 133" "第一百三十三条" "$(src detention_limits "step = 'recalc' AND effective_from = '2025-06-01'")"
expect_contains "the transfer clock: 检举控告工作规则 (2020) art. 15" "第十五条" "$(src clock_limit_versions "clock = 'report_transfer'")"
expect_contains "the forwarded-in clock: art. 16 para. 2" "第十六条第二款" "$(src clock_limit_versions "clock = 'report_forwarded_in'")"
expect_eq "the 2018 rows keep their source (art. 43)" 2 "$(sql "SELECT count(*) FROM detention_limits WHERE effective_from = '2018-03-20' AND source LIKE '%第四十三条%'")"

check "the server log has no sanitizer report" server_clean
finish
