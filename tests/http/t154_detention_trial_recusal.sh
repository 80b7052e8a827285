# t154_detention_trial_recusal.sh: issue 10, part C.
# - Separation of investigation and trial (Supervision Law 2018 art. 36:
#   clue handling, investigation and trial offices check one another;
#   DOMAIN.md section 2): trial members only from the trial office, the
#   investigation roles only for investigators (and their leaders), and
#   only the trial member records the closure, never the investigation lead.
# - Detention (Supervision Law 2018 art. 43-44; as revised, in force
#   2025-06-01, art. 48-50): the level above's approval recorded at the
#   start, the 24-hour notice to the family and the unit (a clock on the
#   case and the home page; each notice a record), one extension, and from
#   2025-06-01 the national extension (likely sentence of 10 years or more)
#   and the recalculation (province and above only, with an approver, once;
#   afterwards the extensions are available again); refused before
#   2025-06-01 and below the deciding level.  The limits come from
#   detention_limits (effective-dated, with their source).
# - Recusal (Supervision Law 2018 art. 58): statutory grounds declared per
#   matter or standing exclude the person and no one may override them;
#   other conflicts are decided by a leader with a reason, never his own;
#   recusal applies to clue handling and trial members as well; sharing a
#   unit with the subject (a township user's jurisdiction) is no conflict.
# - Interchange: a detention record without the level above's approval
#   (the old rule's record) is refused on import, naming line and field.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
adduser() {   # adduser NAME ROLE [options]
	local n=$1 r=$2; shift 2
	ready_user "$n" --role "$r" --password-stdin "$@" >/dev/null
}
adduser lead leader --principal   # issue 10 part B: filing is approved by the principal leader
for u in lead2:leader inv1:investigator inv2:investigator inv3:investigator \
	 inv4:investigator judge:trial sup:supervisor; do adduser "${u%%:*}" "${u#*:}"; done
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
P1=$(body "$(api POST /api/persons "{\"name\":\"赵处长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
P2=$(body "$(api POST /api/persons "{\"name\":\"钱科长\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
P3=$(body "$(api POST /api/persons "{\"name\":\"孙科员\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]')
adduser town township --unit "$UA"
for u in lead lead2 inv1 inv2 inv3 inv4 judge sup town; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
J() { echo "$T_DIR/$1.jar"; }

K=$(body "$(api POST /api/clues "{\"received\":\"2025-04-01\",\"source\":\"report\",\"summary\":\"反映其利用职务便利收受财物\",\"subjects\":[$P1,$P2]}")" | jget '["id"]')
# issue 10 part B: filing follows a preliminary verification and is approved
# by the principal leader with its filing record (case type, organ,
# categories, the party committee principal's approval; 监督执纪工作规则 art. 38)
V=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"preliminary_verification","reason":"拟初核"}')" | jget '["id"]')
api POST "/api/dispositions/$V/decision" '{"approve":true,"day":"2025-04-10"}' "$(J lead)" >/dev/null
D=$(body "$(api POST "/api/clues/$K/dispositions" '{"method":"file_case","reason":"拟立案"}')" | jget '["id"]')
api POST "/api/dispositions/$D/decision" '{"approve":true,"day":"2025-05-01","filing":{"case_type":"both","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"],"committee_by":"县委书记","committee_day":"2025-04-30"}}' "$(J lead)" >/dev/null
C=$(sql "SELECT id FROM cases WHERE clue_id = $K")
expect_eq "the case is filed" 1 "$(sql "SELECT count(*) FROM cases WHERE clue_id = $K")"

# ---- separation of investigation and trial (Supervision Law art. 36) ------------------------
team() { api POST "/api/cases/$C/team" "{\"user_id\":$(uid "$1"),\"role\":\"$2\"${3:+,\"override_reason\":\"$3\"}}" "${4:-$JAR}"; }
r=$(team judge lead)
expect_eq "a trial officer as the investigation lead: 422" 422 "$(status "$r")"
expect_contains "... says investigation roles are for investigators" "审查调查组成员须为审查调查人员" "$(body "$r")"
r=$(team inv2 trial)
expect_eq "an investigator as the trial member: 422" 422 "$(status "$r")"
expect_contains "... the trial member comes from the trial office" "审理人员须来自案件审理室" "$(body "$r")"
expect_eq "a supervisor on the investigation team: 422" 422 "$(status "$(team sup member)")"
expect_eq "inv1 the lead" 200 "$(status "$(team inv1 lead)")"
expect_eq "judge the trial member (not on the investigation team)" 200 "$(status "$(team judge trial)")"
expect_eq "a township user of the subject's unit (his jurisdiction, no conflict): 200" 200 "$(status "$(team town member)")"

# ---- detention: start with the level above's approval (art. 43 / 48) --------------------------------
det() { api POST "/api/cases/$C/detentions" "$1" "$(J inv1)"; }
r=$(det "{\"person_id\":$P1,\"start\":\"2025-05-20\",\"start_time\":\"10:00\"}")
expect_eq "detention without the level above's approval: 422" 422 "$(status "$r")"
expect_contains "... naming the approver field" '"approved_by"' "$(body "$r")"
r=$(det "{\"person_id\":$P1,\"start\":\"2025-05-20\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"2025-05-19\"}")
expect_eq "detention without the moment announced: 422" 422 "$(status "$r")"
expect_contains "... naming start_time" '"start_time"' "$(body "$r")"
r=$(det "{\"person_id\":$P1,\"start\":\"2025-05-20\",\"start_time\":\"10:00\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"2025-05-21\"}")
expect_eq "approved after the announcement: 422" 422 "$(status "$r")"
r=$(det "{\"person_id\":$P1,\"start\":\"2025-05-20\",\"start_time\":\"10:00\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"2025-05-19\"}")
expect_eq "detention of 赵处长 announced 2025-05-20 10:00, approved by 市纪委监委" 201 "$(status "$r")"
DT=$(body "$r" | jget '["id"]')
expect_eq "... the approval stored" "市纪委监委|2025-05-19|2025-05-20T10:00" \
	"$(sql "SELECT approved_by || '|' || approved_day || '|' || announced_at FROM detentions WHERE id = $DT")"
dj() { body "$(api GET "/api/cases/$C" "" "$(J inv1)")" | jget "[\"detentions\"][$1]$2"; }
expect_eq "... due 3 months later (detention_limits 2018-03-20)" 2025-08-20 "$(dj 0 '["due"]')"

# ---- the 24-hour notice (art. 44 / 50) ---------------------------------------------------------------
expect_eq "the notice is due 24 hours after the announcement" 2025-05-21T10:00 "$(dj 0 '["notice_due"]')"
expect_eq "... overdue now, no notice recorded" overdue "$(dj 0 '["notice_clock"]')"
http_get "$T_DIR/h" -b "$(J inv1)" "$BASE/" >/dev/null
expect_contains "the home page lists the notice clock" "留置通知家属和单位（24小时）" "$(cat "$T_DIR/h.b")"
http_get "$T_DIR/h" -b "$(J inv1)" "$BASE/cases/$C" >/dev/null
expect_contains "the case page shows it" "应于 2025-05-21T10:00 前通知" "$(cat "$T_DIR/h.b")"
notice() { api POST "/api/detentions/$DT/notices" "{\"party\":\"$1\",\"at\":\"$2\",\"note\":\"电话通知\"}" "$(J inv1)"; }
expect_eq "a notice before the announcement: 422" 422 "$(status "$(notice family 2025-05-20T09:00)")"
expect_eq "a notice in the future: 422" 422 "$(status "$(notice family 2099-01-01T09:00)")"
expect_eq "the family notified at 15:00" 200 "$(status "$(notice family 2025-05-20T15:00)")"
expect_eq "the family notified twice: 422" 422 "$(status "$(notice family 2025-05-20T16:00)")"
expect_eq "... still open while the unit is not notified" overdue "$(dj 0 '["notice_clock"]')"
expect_eq "the unit notified the next day at 11:00 (late)" 200 "$(status "$(notice unit 2025-05-21T11:00)")"
expect_eq "... the clock done late" "逾期办结" "$(dj 0 '["notice_clock_label"]')"
expect_eq "... the notices are records" 2 "$(sql "SELECT count(*) FROM detention_notices WHERE detention_id = $DT")"
expect_eq "... audited" 2 "$(audit_count detention_notice "case/$C")"

# ---- extensions, national extension, recalculation (art. 43 / 48-49) --------------------------------------
ext() { api POST "/api/detentions/$1/extensions" "{\"kind\":\"$2\",\"approved\":\"$3\"${4:+,\"approver\":\"$4\"}${5:+,\"ten_years\":$5}}" "$(J inv1)"; }
expect_eq "the extension by the level above" 201 "$(status "$(ext "$DT" extension 2025-08-10 市纪委监委)")"
expect_eq "... due 3 months later" 2025-11-20 "$(dj 0 '["due"]')"
r=$(ext "$DT" national 2025-11-10 国家监委)
expect_eq "the national extension without the 10-year ground: 422" 422 "$(status "$r")"
expect_contains "... asks for it" "十年有期徒刑以上" "$(body "$r")"
expect_eq "the national extension (2 months, in force from 2025-06-01)" 201 "$(status "$(ext "$DT" national 2025-11-10 国家监委 true)")"
expect_eq "... due 2 months later" 2026-01-20 "$(dj 0 '["due"]')"
r=$(ext "$DT" recalc 2025-12-01 国家监委)
expect_eq "a recalculation by a county commission: 422" 422 "$(status "$r")"
expect_contains "... only provincial level and above" "省级以上监察机关决定" "$(body "$r")"
run_cli config set level prefecture
expect_eq "config set level prefecture" 0 "$RC"
expect_eq "... a recalculation by a prefecture commission: 422" 422 "$(status "$(ext "$DT" recalc 2025-12-01 国家监委)")"
run_cli config set level nation
expect_eq "config set level to an unknown level: refused" 1 "$([ "$RC" -ne 0 ] && echo 1 || echo 0)"
run_cli config set level province
expect_eq "config set level province" 0 "$RC"
r=$(ext "$DT" recalc 2025-12-01)
expect_eq "a recalculation without an approver: 422" 422 "$(status "$r")"
expect_contains "... naming approver" '"approver"' "$(body "$r")"
expect_eq "the recalculation at provincial level" 201 "$(status "$(ext "$DT" recalc 2025-12-01 国家监委)")"
expect_eq "... the clock restarts: 3 months from its day" 2026-03-01 "$(dj 0 '["due"]')"
expect_eq "after it, the extension is available again" 201 "$(status "$(ext "$DT" extension 2026-02-20 省纪委监委)")"
expect_eq "... due 2026-06-01" 2026-06-01 "$(dj 0 '["due"]')"
# but not the national extension once more: 《监察法实施条例》(2025) art. 133,
# 此前已经根据本条例第一百三十条规定再延长留置时间的，不得再次适用该规定 (ui10)
r=$(ext "$DT" national 2026-05-20 国家监委 true)
expect_eq "... but the national extension, used before the recalculation: 422" 422 "$(status "$r")"
expect_contains "... citing art. 133" "第一百三十三条" "$(body "$r")"
expect_eq "... due still 2026-06-01" 2026-06-01 "$(dj 0 '["due"]')"
r=$(ext "$DT" recalc 2026-06-01 国家监委)
expect_eq "a second recalculation: 422" 422 "$(status "$r")"
expect_contains "... once only" "以一次为限" "$(body "$r")"

# around 2025-06-01 on a second detention (the limits' effective dates)
r=$(det "{\"person_id\":$P2,\"start\":\"2025-05-02\",\"start_time\":\"08:30\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"2025-05-02\"}")
DT2=$(body "$r" | jget '["id"]')
expect_eq "a second detention, of 钱科长" 201 "$(status "$r")"
expect_eq "... extended 2025-05-20" 201 "$(status "$(ext "$DT2" extension 2025-05-20 市纪委监委)")"
r=$(ext "$DT2" national 2025-05-31 国家监委 true)
expect_eq "the national extension approved 2025-05-31: 422" 422 "$(status "$r")"
expect_contains "... in force from 2025-06-01" "自2025-06-01起施行" "$(body "$r")"
expect_eq "... approved 2025-06-01: 201" 201 "$(status "$(ext "$DT2" national 2025-06-01 国家监委 true)")"
expect_eq "... source of each row kept" 0 "$(sql "SELECT count(*) FROM detention_limits WHERE source = ''")"

# ---- recusal (art. 58) ----------------------------------------------------------------------------------
rec() { api POST "/api/cases/$C/recusals" "{\"user_id\":$(uid "$1"),\"ground\":\"$2\",\"note\":\"$3\"}" "${4:-$JAR}"; }
expect_eq "the case manager records inv2's statutory ground (witness)" 201 "$(status "$(rec inv2 witness 曾作为证人)")"
r=$(team inv2 member)
expect_eq "inv2 on the team: 422" 422 "$(status "$r")"
expect_contains "... a statutory ground" "法定回避情形" "$(body "$r")"
r=$(team inv2 member "工作需要，经集体研究" "$(J lead)")
expect_eq "a leader's override of a statutory ground: 422" 422 "$(status "$r")"
expect_eq "... nothing stored" 0 "$(sql "SELECT count(*) FROM case_team WHERE case_id = $C AND user_id = $(uid inv2)")"
RID=$(sql "SELECT id FROM recusals WHERE user_id = $(uid inv2)")
r=$(api POST "/api/recusals/$RID/decision" '{"decision":"allow","reason":"工作需要"}' "$(J lead)")
expect_eq "a leader may not decide a statutory ground away: 422" 422 "$(status "$r")"
expect_eq "inv3 records an other conflict (needs a decision)" 201 "$(status "$(rec inv3 other 曾与被调查人同事)")"
expect_eq "inv3 on the team before the decision: 422" 422 "$(status "$(team inv3 member)")"
RID3=$(sql "SELECT id FROM recusals WHERE user_id = $(uid inv3)")
expect_eq "the case manager may not decide it: 403" 403 "$(status "$(api POST "/api/recusals/$RID3/decision" '{"decision":"allow","reason":"x"}')")"
expect_eq "a leader decides without a reason: 422" 422 "$(status "$(api POST "/api/recusals/$RID3/decision" '{"decision":"allow"}' "$(J lead)")")"
expect_eq "a leader allows it with a reason" 200 "$(status "$(api POST "/api/recusals/$RID3/decision" '{"decision":"allow","reason":"同事关系已逾十年，不影响公正处理"}' "$(J lead)")")"
expect_eq "... inv3 joins" 200 "$(status "$(team inv3 member)")"
expect_eq "... audited" 1 "$(audit_count recusal_decide "recusal/$RID3")"
expect_eq "the leader declares his own other conflict" 201 "$(status "$(rec lead other 本人亲属在甲局 "$(J lead)")")"
RIDL=$(sql "SELECT id FROM recusals WHERE user_id = $(uid lead)")
r=$(api POST "/api/recusals/$RIDL/decision" '{"decision":"allow","reason":"本人认为不影响"}' "$(J lead)")
expect_eq "he may not decide his own: 422" 422 "$(status "$r")"
expect_contains "... says so" "不能由本人决定" "$(body "$r")"
expect_eq "another leader decides recusal" 200 "$(status "$(api POST "/api/recusals/$RIDL/decision" '{"decision":"recuse","reason":"应当回避"}' "$(J lead2)")")"
expect_eq "... the leader may not then join the team: 422" 422 "$(status "$(team lead member "" "$(J lead2)")")"
expect_eq "inv4 declares a standing ground: near relative of 赵处长" 201 \
	"$(status "$(api POST /api/conflicts "{\"person_id\":$P1,\"ground\":\"relative_subject\",\"note\":\"舅甥\"}" "$(J inv4)")")"
expect_eq "... a leader's override: 422 (statutory)" 422 "$(status "$(team inv4 member "熟悉业务" "$(J lead)")")"
expect_eq "a standing other conflict of the leader himself" 201 \
	"$(status "$(api POST /api/conflicts "{\"person_id\":$P1,\"note\":\"曾同学\"}" "$(J lead2)")")"
r=$(team lead2 member "本人认为不影响" "$(J lead2)")
expect_eq "... he may not override it for himself: 422" 422 "$(status "$r")"
expect_contains "... says so" "不能由本人决定" "$(body "$r")"
expect_eq "... another leader may" 200 "$(status "$(team lead2 member "经集体研究" "$(J lead)")")"

# recusal in clue handling: proposing and approving a disposition
K2=$(body "$(api POST /api/clues "{\"received\":\"2025-06-02\",\"source\":\"report\",\"summary\":\"反映其违规经商\",\"subjects\":[$P3]}")" | jget '["id"]')
expect_eq "sup declares a near relative of the subject on clue $K2" 201 \
	"$(status "$(api POST "/api/clues/$K2/recusals" '{"ground":"relative_subject","note":"兄弟"}' "$(J sup)")")"
r=$(api POST "/api/clues/$K2/dispositions" '{"method":"talk_inquiry","reason":"谈话函询"}' "$(J sup)")
expect_eq "... sup may not propose its disposition: 422" 422 "$(status "$r")"
expect_contains "... saying why" "法定回避情形" "$(body "$r")"
expect_eq "... audited as recusal_refused" 1 "$(audit_count recusal_refused "clue/$K2")"
expect_eq "lead2 declares an interest in clue $K2" 201 \
	"$(status "$(api POST "/api/clues/$K2/recusals" '{"ground":"interest","note":"其配偶为该单位职工"}' "$(J lead2)")")"
D2=$(body "$(api POST "/api/clues/$K2/dispositions" '{"method":"talk_inquiry","reason":"谈话函询"}')" | jget '["id"]')
r=$(api POST "/api/dispositions/$D2/decision" '{"approve":true,"day":"2025-06-03"}' "$(J lead2)")
expect_eq "... lead2 may not approve it: 422" 422 "$(status "$r")"
expect_eq "... lead may" 200 "$(status "$(api POST "/api/dispositions/$D2/decision" '{"approve":true,"day":"2025-06-03"}' "$(J lead)")")"

# ---- the pages ---------------------------------------------------------------------------------------------
http_get "$T_DIR/h" -b "$(J inv1)" "$BASE/cases/$C" >/dev/null
expect_contains "the case page lists the recusals" "担任过本案证人" "$(cat "$T_DIR/h.b")"
expect_contains "... and the approval of the detention" "2025-05-19 市纪委监委 批准" "$(cat "$T_DIR/h.b")"
tok=$(csrf_of "$JAR")
st=$(http_get "$T_DIR/h" -b "$JAR" --data-urlencode "csrf=$tok" --data-urlencode "user_id=$(uid inv2)" \
	--data-urlencode "role=member" "$BASE/cases/$C/team")
expect_eq "the team form refuses inv2: 422" 422 "$st"
expect_contains "... in Chinese" "法定回避情形" "$(cat "$T_DIR/h.b")"
tok=$(csrf_of "$(J inv1)")
st=$(http_get "$T_DIR/h" -b "$(J inv1)" --data-urlencode "csrf=$tok" --data-urlencode "person_id=$P3" \
	--data-urlencode "start=2025-06-05" --data-urlencode "start_time=09:00" "$BASE/cases/$C/detentions")
expect_eq "the detention form without the approval: 422" 422 "$st"
expect_contains "... asks for the approving body" "请填写批准留置的上一级监察机关" "$(cat "$T_DIR/h.b")"

http_get "$T_DIR/h" -b "$(J lead)" "$BASE/clues/$K2" >/dev/null
expect_contains "the clue page lists its recusals" "其配偶为该单位职工" "$(cat "$T_DIR/h.b")"
tok=$(csrf_of "$(J inv3)")
st=$(http_get "$T_DIR/h" -b "$(J inv3)" --data-urlencode "csrf=$tok" --data-urlencode "ground=" "$BASE/clues/$K2/recusals")
expect_eq "the clue's recusal form without a ground: 422" 422 "$st"
expect_contains "... asks for it" "请选择回避事由" "$(cat "$T_DIR/h.b")"
st=$(http_get "$T_DIR/h" -b "$(J inv3)" --data-urlencode "csrf=$tok" --data-urlencode "ground=other" \
	--data-urlencode "note=曾同事" "$BASE/clues/$K2/recusals")
expect_eq "inv3 declares an other conflict on the clue page: 303" 303 "$st"
RIDC=$(sql "SELECT id FROM recusals WHERE clue_id = $K2 AND user_id = $(uid inv3)")
tok=$(csrf_of "$(J lead)")
st=$(http_get "$T_DIR/h" -b "$(J lead)" --data-urlencode "csrf=$tok" --data-urlencode "rec${RIDC}_decision=recuse" \
	--data-urlencode "rec${RIDC}_reason=曾同事，应回避" "$BASE/recusals/$RIDC/decision")
expect_eq "the leader decides it on the clue page: 303" 303 "$st"
expect_eq "... recorded" "recuse|$(uid lead)" "$(sql "SELECT decision || '|' || decided_by FROM recusals WHERE id = $RIDC")"

# ---- closure by the trial office --------------------------------------------------------------------------
step() { api POST "/api/cases/$C/$1" "{\"day\":\"$2\"}" "$3"; }
# issue 12: no closure while a detention is open; both end first
for d in "$DT" "$DT2"; do api POST "/api/detentions/$d/end" '{"day":"2026-07-30"}' "$(J inv1)" >/dev/null; done
expect_eq "both detentions ended" 0 "$(sql "SELECT count(*) FROM detentions WHERE case_id = $C AND end_day IS NULL")"
# issue 12: the trial office accepts too, not the investigation lead
expect_eq "the investigation lead accepts for trial: 422" 422 "$(status "$(step trial 2026-08-01 "$(J inv1)")")"
expect_eq "trial accepted" 200 "$(status "$(step trial 2026-08-01 "$(J judge)")")"
r=$(step closure 2026-08-20 "$(J inv1)")
expect_eq "the investigation lead may not close: 422" 422 "$(status "$r")"
expect_contains "... the trial office records closure" "审理" "$(body "$r")"
expect_eq "the trial member closes" 200 "$(status "$(step closure 2026-08-20 "$(J judge)")")"

stop_server

# ---- import: a detention without the level above's approval is refused --------------------------------------
head_lines='{"type":"unit","id":"XU1","name":"乙局","kind":"department","parent":null}
{"type":"person","id":"XP1","name":"李某","unit":"XU1","rank":"staff"}
{"type":"clue","id":"XC1","received":"2025-05-02","source":"report","subjects":["XP1"],"summary":"反映其违规"}
{"type":"disposition","clue":"XC1","decided":"2025-05-10","method":"preliminary_verification"}
{"type":"disposition","clue":"XC1","decided":"2025-05-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2025-05-20"}
{"type":"case","id":"XK1","clue":"XC1","filed":"2025-06-01","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}'
cat >"$T_DIR/det.jsonl" <<EOF
$head_lines
{"type":"detention","id":"d1","case":"XK1","person":"XP1","start":"2025-06-05"}
EOF
run_cli import "$T_DIR/det.jsonl"
expect_eq "import of a detention without approval: refused" 1 "$([ "$RC" -ne 0 ] && echo 1 || echo 0)"
# line 7: part B's file needs the clue's verification and filing dispositions
# (two lines before the case) and the case's filing record
expect_contains "... naming line and field" 'line 7, field "approved_by"' "$ERR$OUT"
expect_contains "... the approved_by field" "approved_by" "$ERR$OUT"
expect_eq "... nothing stored" 0 "$(sql "SELECT count(*) FROM detentions d JOIN persons p ON p.id = d.person_id WHERE p.name = '李某'")"
cat >"$T_DIR/det.jsonl" <<EOF
$head_lines
{"type":"detention","id":"d1","case":"XK1","person":"XP1","start":"2025-06-05","announced_at":"2025-06-05T09:00","approved_by":"市纪委监委","approved_day":"2025-06-04"}
EOF
run_cli import "$T_DIR/det.jsonl"
expect_eq "with the approval: imported" 0 "$RC"
expect_eq "... stored with the approval and the moment" "市纪委监委|2025-06-04|2025-06-05T09:00|2025-09-05" \
	"$(sql "SELECT approved_by || '|' || approved_day || '|' || announced_at || '|' || due_day FROM detentions d JOIN persons p ON p.id = d.person_id WHERE p.name = '李某'")"
run_cli export
expect_contains "export writes the approval" '"approved_by":"市纪委监委"' "$OUT"

"$QF_BIN" audit verify >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
check "no sanitizer report in the CLI" cli_clean
finish
