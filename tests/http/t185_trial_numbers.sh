# t185_trial_numbers.sh: issue 12, the trial stage and case numbers.
# - The trial stage (审理) as a sub-flow: 审理受理 by the trial member
#   (the clock starts: clock_limits trial_review, 1 month, 《监督执纪工作
#   规则》(2019)), 审理意见 (facts, nature, a proposal per subject; revisable,
#   encrypted at rest), 退回补充调查 (reason, day: the case returns to the
#   investigation and the trial clock pauses: 补充调查期间不计入审理期限,
#   《监察法实施条例》(2021), the trial part; the count, twice at most, and
#   the month the investigation has are data, step_limits and clock_limits
#   trial_return, after 《监察法》(2018) art. 47 para. 3: 补充调查以二次为限,
#   一个月内完成), re-acceptance (the due day moves by the working days the
#   case was back, on the State Council calendar), then closure.
# - Separation (审查调查与审理分离, 《监察法》(2018) art. 36; DOMAIN.md section
#   2): trial members cannot work investigation forms (notes, detention),
#   the investigation team cannot work trial forms (accept, opinion, send
#   back, close): refused, audited, nothing written.
# - A case cannot close while a detention of it is open; a closed case
#   takes no further change (notes, detention, trial forms,
#   outcomes) except appeals and execution.
# - Official numbers: 线索编号 per clue and 立案编号 per subject (立案决定书
#   per person), from patterns, consecutive per year, restarting with the
#   year, unique under concurrent writers.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users inv1:investigator inv2:investigator judge:trial
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in lead inv1 inv2 judge; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
LJ=$T_DIR/lead.jar I1=$T_DIR/inv1.jar I2=$T_DIR/inv2.jar JJ=$T_DIR/judge.jar
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }
protect 审理认定其收受礼金两万元 事实不清需补充证据

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
person() { body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]'; }
P1=$(person 赵科长) P2=$(person 钱副科长) P3=$(person 孙主任) P4=$(person 李股长)

# ---- numbers: clues --------------------------------------------------------------------------------
clue() { body "$(api POST /api/clues "{\"received\":\"$1\",\"source\":\"report\",\"summary\":\"反映其违规收受礼金\",\"subjects\":[$2],\"confirm\":true}")" | jget '["id"]'; }
K1=$(clue 2025-03-02 "$P1,$P2")
K2=$(clue 2025-04-01 "$P3")
K3=$(clue 2026-01-05 "$P4")
expect_eq "clue numbers: consecutive in 2025, restarting in 2026 (pattern 线索〔{year}〕{n3}号)" \
	"线索〔2025〕001号|线索〔2025〕002号|线索〔2026〕001号" \
	"$(sql "SELECT clue_no FROM clues WHERE id IN ($K1, $K2, $K3) ORDER BY id" | paste -sd'|')"
expect_eq "... read by the API" "线索〔2025〕002号" "$(body "$(api GET "/api/clues/$K2")" | jget '["clue_no"]')"
expect_eq "... the clue list's search finds a clue by its number" "$K3" \
	"$(body "$(api GET "/api/clues?subject=%E7%BA%BF%E7%B4%A2%E3%80%942026")" | jget '["items"][0]["id"]')"
http_get "$T_DIR/h" -b "$JAR" "$BASE/clues/$K1" >/dev/null
expect_contains "... shown on the clue page" "线索〔2025〕001号" "$(cat "$T_DIR/h.b")"
expect_eq "... the counters per kind and year" "clue 2025 2|clue 2026 1" \
	"$(sql "SELECT kind || ' ' || year || ' ' || last FROM number_counters ORDER BY kind, year" | paste -sd'|')"

# ---- numbers: filing, per person ------------------------------------------------------------------------
C=$(file_case "$K1" 2025-04-01)
C2=$(file_case "$K2" 2025-05-06)
C3=$(file_case "$K3" 2026-02-02)
expect_eq "立案编号 per subject: two for the case of two subjects, then the next case, restarting in 2026" \
	"$C $P1 纪立〔2025〕1号|$C $P2 纪立〔2025〕2号|$C2 $P3 纪立〔2025〕3号|$C3 $P4 纪立〔2026〕1号" \
	"$(sql "SELECT case_id || ' ' || person_id || ' ' || filing_no FROM case_subjects ORDER BY filing_no LIKE '%2026%', case_id, person_id" | paste -sd'|')"
expect_eq "... read by the API with the subjects' names" "赵科长 纪立〔2025〕1号" \
	"$(body "$(api GET "/api/cases/$C")" | jget '["filing_numbers"][0]["name"]+" "+d["filing_numbers"][0]["filing_no"]')"
http_get "$T_DIR/h" -b "$JAR" "$BASE/cases/$C" >/dev/null
expect_contains "... shown on the case page" "纪立〔2025〕2号" "$(cat "$T_DIR/h.b")"
http_get "$T_DIR/h" -b "$JAR" "$BASE/cases" >/dev/null
expect_contains "... and on the case list" "纪立〔2025〕1号" "$(cat "$T_DIR/h.b")"
expect_eq "the case list finds a case by its number" "$C2" \
	"$(body "$(api GET "/api/cases?no=%E7%BA%AA%E7%AB%8B%E3%80%942025%E3%80%953%E5%8F%B7")" | jget '["items"][0]["id"]')"

# concurrent writers: 8 clues at once, each its own number, none skipped
pids=()
for i in 1 2 3 4 5 6 7 8; do clue 2025-06-0$i "$P3" >/dev/null & pids+=($!); done
wait "${pids[@]}"
expect_eq "concurrent clues: 10 distinct numbers in 2025, 001 to 010" "10 10 线索〔2025〕010号" \
	"$(sql "SELECT count(*) || ' ' || count(DISTINCT clue_no) || ' ' || max(clue_no) FROM clues WHERE clue_no LIKE '%2025%'")"

# ---- the team --------------------------------------------------------------------------------------------
team() { api POST "/api/cases/$C/team" "{\"user_id\":$(uid "$1"),\"role\":\"$2\"}"; }
expect_eq "inv1 leads" 200 "$(status "$(team inv1 lead)")"
expect_eq "judge the trial member" 200 "$(status "$(team judge trial)")"
det() { api POST "/api/cases/$C/detentions" "{\"person_id\":$P1,\"start\":\"$1\",\"start_time\":\"10:00\",\"approved_by\":\"市纪委监委\",\"approved_day\":\"$1\"}" "${2:-$I1}"; }
r=$(det 2025-04-10)
expect_eq "inv1 detains 赵科长" 201 "$(status "$r")"; DT=$(body "$r" | jget '["id"]')

# ---- separation: each side refused the other's forms, nothing written ----------------------------------------
step() { api POST "/api/cases/$C/$1" "{\"day\":\"$2\"}" "$3"; }
opinion() {   # opinion DAY JAR [proposal for P2]
	api POST "/api/cases/$C/opinions" "{\"day\":\"$1\",\"facts\":\"审理认定其收受礼金两万元\",\"nature\":\"违反廉洁纪律\",\"proposals\":[{\"person_id\":$P1,\"sanction\":\"党内严重警告\"}${3:+,{\"person_id\":$P2,\"sanction\":\"$3\"\}}]}" "$2"
}
denied() { sql "SELECT count(*) FROM audit_log WHERE event = 'access_denied' AND object = 'case/$C' AND user_name = '$1'"; }
r=$(api POST "/api/cases/$C/notes" '{"text":"x"}' "$JJ")
expect_eq "the trial member adds an investigation note: 422" 422 "$(status "$r")"
expect_contains "... 审查调查与审理分离" "审查调查与审理分离" "$(body "$r")"
expect_eq "... he starts a detention: 422" 422 "$(status "$(det 2025-04-11 "$JJ")")"
expect_eq "... he ends one: 422" 422 "$(status "$(api POST "/api/detentions/$DT/end" '{"day":"2025-05-01"}' "$JJ")")"
tok=$(csrf_of "$JJ")
expect_eq "... the note form posted by hand (page): 422" 422 \
	"$(http_get "$T_DIR/h" -b "$JJ" --data-urlencode "csrf=$tok" --data-urlencode "text=x" "$BASE/cases/$C/notes")"
expect_eq "... nothing written: no note, one detention, not ended" "0 1 0" \
	"$(sql "SELECT (SELECT count(*) FROM case_notes WHERE case_id = $C) || ' ' || (SELECT count(*) FROM detentions WHERE case_id = $C) || ' ' || (SELECT count(*) FROM detentions WHERE end_day IS NOT NULL)")"
expect_eq "... each refusal audited" 4 "$(denied judge)"
expect_eq "the investigation lead accepts for trial: 422" 422 "$(status "$(step trial 2025-06-03 "$I1")")"
expect_eq "... records an opinion: 422" 422 "$(status "$(opinion 2025-06-03 "$I1" 记过)")"
expect_eq "... sends back: 422" 422 "$(status "$(api POST "/api/cases/$C/returns" '{"day":"2025-06-03","reason":"x"}' "$I1")")"
tok=$(csrf_of "$I1")
expect_eq "... the acceptance form posted by hand (page): 422" 422 \
	"$(http_get "$T_DIR/h" -b "$I1" --data-urlencode "csrf=$tok" --data-urlencode "trial_day=2025-06-03" "$BASE/cases/$C/trial")"
expect_eq "... nothing written: still investigating, no opinion, no return" "investigating 0 0" \
	"$(sql "SELECT state || ' ' || (SELECT count(*) FROM case_trial_opinions) || ' ' || (SELECT count(*) FROM case_trial_returns) FROM cases WHERE id = $C")"
expect_eq "... each refusal audited" 4 "$(denied inv1)"

# ---- accept, opinion ----------------------------------------------------------------------------------------
expect_eq "an opinion before acceptance: 422" 422 "$(status "$(opinion 2025-06-03 "$JJ" 记过)")"
expect_eq "the trial member accepts on 2025-06-03" 200 "$(status "$(step trial 2025-06-03 "$JJ")")"
expect_eq "... trial, due a month on (trial_review)" "trial 2025-07-03" \
	"$(body "$(api GET "/api/cases/$C" "" "$JJ")" | jget '["state"]+" "+d["trial_due"]')"
r=$(opinion 2025-06-05 "$JJ")
expect_eq "an opinion without a proposal for 钱副科长: 422" 422 "$(status "$r")"
expect_contains "... naming him" "请填写对钱副科长的拟处理意见" "$(body "$r")"
expect_eq "the opinion with a proposal per subject: 201" 201 "$(status "$(opinion 2025-06-05 "$JJ" 警告)")"
expect_eq "... revised: 201" 201 "$(status "$(opinion 2025-06-06 "$JJ" 记过)")"
r=$(api GET "/api/cases/$C" "" "$I1")
expect_eq "... the latest first, both kept" "2 2025-06-06 记过 违反廉洁纪律" \
	"$(body "$r" | jget '["opinions"]' | python3 -c 'import ast,sys; o=ast.literal_eval(sys.stdin.read()); print(len(o), o[0]["day"], o[0]["proposals"][1]["sanction"], o[0]["nature"])')"
enc=$(sql "SELECT text_enc FROM case_trial_opinions ORDER BY id LIMIT 1")
expect_eq "... stored encrypted (x1:)" "x1:" "${enc:0:3}"
check "... no clear text anywhere in the database" dump_lacks "两万元"
expect_eq "... on the timeline, and audited" "1 1 2" \
	"$(sql "SELECT (SELECT count(*) FROM timeline WHERE object = 'case/$C' AND action = '审理意见') || ' ' || (SELECT count(*) FROM timeline WHERE object = 'case/$C' AND action = '修改审理意见') || ' ' || (SELECT count(*) FROM audit_log WHERE event = 'trial_opinion' AND object = 'case/$C')")"

# ---- send back, the clock paused, re-accept --------------------------------------------------------------------
back() { api POST "/api/cases/$C/returns" "{\"day\":\"$1\",\"reason\":\"事实不清需补充证据\"}" "$JJ"; }
expect_eq "a return without a reason: 422" 422 "$(status "$(api POST "/api/cases/$C/returns" '{"day":"2025-06-10","reason":""}' "$JJ")")"
expect_eq "a return dated before the acceptance: 422" 422 "$(status "$(back 2025-06-02)")"
expect_eq "sent back on 2025-06-10: 201" 201 "$(status "$(back 2025-06-10)")"
r=$(api GET "/api/cases/$C" "" "$I1")
expect_eq "... investigating again, the trial clock paused (no due day), the investigation due in a month (trial_return)" \
	"investigating None 1 2025-07-10" \
	"$(body "$r" | jget '["state"]+" "+str(d["trial_due"])+" "+str(d["returns"][0]["seq"])+" "+d["returns"][0]["due_day"]')"
expect_eq "... the reason read back, stored encrypted" "事实不清需补充证据 x1:" \
	"$(body "$r" | jget '["returns"][0]["reason"]') $(sql "SELECT substr(reason_enc, 1, 3) FROM case_trial_returns")"
expect_eq "... on the timeline, audited" "1 1" \
	"$(sql "SELECT (SELECT count(*) FROM timeline WHERE object = 'case/$C' AND action = '退回补充调查') || ' ' || (SELECT count(*) FROM audit_log WHERE event = 'trial_return')")"
expect_eq "the investigation works again: a note by inv1" 201 "$(status "$(api POST "/api/cases/$C/notes" '{"text":"补充调查谈话"}' "$I1")")"
expect_eq "an opinion while back: 422" 422 "$(status "$(opinion 2025-06-12 "$JJ" 记过)")"
expect_eq "closure while back: 422" 422 "$(status "$(step closure 2025-06-12 "$JJ")")"
expect_eq "re-accepted before the day sent back: 422" 422 "$(status "$(step trial 2025-06-09 "$JJ")")"
expect_eq "re-accepted on 2025-06-17" 200 "$(status "$(step trial 2025-06-17 "$JJ")")"
# back from 06-10 to 06-17: 5 working days (11, 12, 13, 16, 17); the due
# day 07-03 moves 5 working days: 07-10
expect_eq "... the due day moved by the 5 working days it was back: 2025-07-10; the first acceptance kept" \
	"trial 2025-07-10 2025-06-03 2025-06-17" \
	"$(body "$(api GET "/api/cases/$C" "" "$JJ")" | jget '["state"]+" "+d["trial_due"]+" "+d["trial_accepted"]+" "+d["returns"][0]["back_day"]')"
expect_eq "... on the timeline" 1 "$(sql "SELECT count(*) FROM timeline WHERE object = 'case/$C' AND action = '补充调查后重新受理'")"
# the stored due day survives the recomputation at the next start (clock_fill)
expect_eq "sent back a second time on 2025-06-20 (a Friday)" 201 "$(status "$(back 2025-06-20)")"
expect_eq "... re-accepted on 2025-06-24" 200 "$(status "$(step trial 2025-06-24 "$JJ")")"
expect_eq "... the due day moved by 2 more working days (23, 24): 2025-07-14" 2025-07-14 \
	"$(body "$(api GET "/api/cases/$C" "" "$JJ")" | jget '["trial_due"]')"
r=$(back 2025-06-25)
expect_eq "a third return: 422" 422 "$(status "$r")"
expect_contains "... twice at most, the rule named" "以2次为限" "$(body "$r")"
expect_contains "... with its source" "第四十七条" "$(body "$r")"
stop_server
sql "UPDATE settings SET value = '0' WHERE key = 'report_dues_filled'" >/dev/null
start_server || { not_ok "server restarts"; finish; }
expect_eq "the due day computed again at start keeps the time back out" 2025-07-14 "$(sql "SELECT trial_due FROM cases WHERE id = $C")"
http_get "$T_DIR/h" -b "$JJ" "$BASE/cases/$C" >/dev/null
expect_contains "the case page lists the returns" "事实不清需补充证据" "$(cat "$T_DIR/h.b")"
expect_contains "... and the opinion in force" "已修改1次" "$(cat "$T_DIR/h.b")"
http_get "$T_DIR/h" -b "$JAR" "$BASE/rules/clocks" >/dev/null
expect_contains "the return's month is in the clock rules" "退回补充调查" "$(cat "$T_DIR/h.b")"

# ---- closure: refused while the detention is open ---------------------------------------------------------------
r=$(step closure 2025-06-30 "$JJ")
expect_eq "closure with the detention of 赵科长 open: 422" 422 "$(status "$r")"
expect_contains "... naming it" "对赵科长的留置（2025-04-10起）尚未解除" "$(body "$r")"
expect_eq "inv1 ends the detention" 200 "$(status "$(api POST "/api/detentions/$DT/end" '{"day":"2025-06-26"}' "$I1")")"
expect_eq "the investigation lead closes: 422" 422 "$(status "$(step closure 2025-06-30 "$I1")")"
r=$(api POST /api/outcomes "{\"person_id\":$P1,\"case_id\":$C,\"day\":\"2025-06-28\",\"measures\":[\"gov_demerit\"]}" "$JJ")
expect_eq "the decision: an outcome before closure" 201 "$(status "$r")"; O=$(body "$r" | jget '["id"]')
expect_eq "the trial member closes" 200 "$(status "$(step closure 2025-06-30 "$JJ")")"

# ---- a closed case: no further change except appeals and execution ------------------------------------------------
written() { sql "SELECT (SELECT count(*) FROM case_notes) || ' ' || (SELECT count(*) FROM detentions) || ' ' || (SELECT count(*) FROM case_trial_opinions) || ' ' || (SELECT count(*) FROM case_trial_returns) || ' ' || (SELECT count(*) FROM case_team WHERE case_id = $C) || ' ' || (SELECT count(*) FROM outcomes) || ' ' || state || updated_at FROM cases WHERE id = $C"; }
before=$(written)
expect_eq "closed: a note: 422" 422 "$(status "$(api POST "/api/cases/$C/notes" '{"text":"x"}' "$I1")")"
expect_eq "closed: a detention: 422" 422 "$(status "$(det 2025-07-01)")"
expect_eq "closed: an opinion: 422" 422 "$(status "$(opinion 2025-07-01 "$JJ" 记过)")"
expect_eq "closed: a return: 422" 422 "$(status "$(back 2025-07-01)")"
expect_eq "closed: accepted again: 422" 422 "$(status "$(step trial 2025-07-01 "$JJ")")"
expect_eq "closed: a transfer: 422" 422 "$(status "$(step transfer 2025-07-01 "$I1")")"
r=$(api POST /api/outcomes "{\"person_id\":$P2,\"case_id\":$C,\"day\":\"2025-07-01\",\"measures\":[\"gov_warning\"]}" "$JJ")
expect_eq "closed: a new outcome: 422" 422 "$(status "$r")"
expect_contains "... decided after the closure" "结案后只能登记申诉" "$(body "$r")"
expect_eq "... nothing written" "$before" "$(written)"
# the team is who may read the file: an appeal's reviewer or the execution's
# clerk joins a closed case (audited like any team change); the case's
# content stays closed
expect_eq "closed: a new team member (access for the appeal or execution): 200" 200 \
	"$(status "$(team inv2 member)")"
expect_eq "closed: an outcome decided before the closure may still be entered" 201 \
	"$(status "$(api POST /api/outcomes "{\"person_id\":$P2,\"case_id\":$C,\"day\":\"2025-06-29\",\"measures\":[\"gov_warning\"]}" "$JJ")")"
expect_eq "closed: execution of the sanction is recorded" 201 \
	"$(status "$(api POST "/api/outcomes/$O/execution" '{"item":"delivered","done":"2025-07-02"}')")"
expect_eq "closed: an appeal is recorded" 201 \
	"$(status "$(api POST "/api/outcomes/$O/appeals" '{"kind":"review","measure":"gov_demerit","filed":"2025-07-10","decided":"2025-08-01","result":"upheld"}')")"

stop_server
check "server log clean" server_clean

# ---- interchange: clue numbers out and in, a duplicate refused ------------------------------------------------
run_cli export --db "$DB" --out "$T_DIR/e.jsonl"
expect_eq "export: exit 0" 0 "$RC"
expect_eq "... carries the clue numbers" 1 "$(grep -c '"clue_no":"线索〔2025〕001号"' "$T_DIR/e.jsonl")"
# the completed returns (issue 12, numbers helper): out with their reasons
# (--with-sensitive), into a fresh database encrypted again, out the same
run_cli export --db "$DB" --with-sensitive --out "$T_DIR/s1.jsonl"
expect_eq "the sensitive export carries the two returns with their reasons" 2 \
	"$(grep '"type":"trial_return"' "$T_DIR/s1.jsonl" | grep -c '"reason":"事实不清需补充证据"')"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb r185); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/s1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "... imports into a fresh database" "0" "$RC"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --with-sensitive --out "$T_DIR/s2.jsonl"
expect_eq "... and exports the same return lines" "$(grep '"type":"trial_return"' "$T_DIR/s1.jsonl")" \
	"$(grep '"type":"trial_return"' "$T_DIR/s2.jsonl")"
expect_eq "... the reasons encrypted at rest there" "x1:|x1:" \
	"$(DB=$DB2 sql "SELECT substr(reason_enc, 1, 3) FROM case_trial_returns ORDER BY seq" | paste -sd'|')"
# returns the case did not have (review of issue 12): a seq it has, and one
# received back after the case closed (it was no longer in trial), each
# refused naming line and field, nothing written
grep '"type":"trial_return"' "$T_DIR/s1.jsonl" | tail -n 1 >"$T_DIR/r_seq.jsonl"
sed 's/"seq":[0-9]*/"seq":3/; s/"sent":"[0-9-]*"/"sent":"2030-01-02"/; s/"due":"[0-9-]*"/"due":"2030-02-02"/; s/"back":"[0-9-]*"/"back":"2030-01-09"/' \
	"$T_DIR/r_seq.jsonl" >"$T_DIR/r_closed.jsonl"
sed 's/"seq":[0-9]*/"seq":3/; s/"sent":"[0-9-]*"/"sent":"2025-06-22"/; s/"due":"[0-9-]*"/"due":"2025-07-22"/; s/"back":"[0-9-]*"/"back":"2025-06-23"/' \
	"$T_DIR/r_seq.jsonl" >"$T_DIR/r_overlap.jsonl"
before=$(DB=$DB2 sql "SELECT count(*) FROM case_trial_returns")
run_cli import "$T_DIR/r_overlap.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "a third return sent while the second was out (06-20..06-24): refused naming line and field" \
	'line 1, field "sent": sent before return 2 came back (2025-06-24)' "$RC $ERR$OUT"
run_cli import "$T_DIR/r_seq.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "a return whose seq the case has: refused naming line and field" 'line 1, field "seq"' "$RC $ERR$OUT"
run_cli import "$T_DIR/r_closed.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "a return received back after the case closed: refused naming line and field" \
	'line 1, field "back": received back after the case closed' "$RC $ERR$OUT"
expect_eq "... none written" "$before" "$(DB=$DB2 sql "SELECT count(*) FROM case_trial_returns")"
cat >"$T_DIR/dup.jsonl" <<EOF
{"type":"unit","id":"XU1","name":"乙局","kind":"department","parent":null}
{"type":"person","id":"XP1","name":"李某","unit":"XU1","rank":"staff"}
{"type":"clue","id":"XC1","received":"2025-05-02","source":"report","subjects":["XP1"],"clue_no":"线索〔2025〕001号"}
EOF
before=$(sql "SELECT count(*) FROM clues")
run_cli import --db "$DB" "$T_DIR/dup.jsonl"
expect_eq "import of a clue whose number exists: refused" 1 "$([ "$RC" -ne 0 ] && echo 1 || echo 0)"
expect_contains "... naming line and field" 'line 3, field "clue_no"' "$ERR$OUT"
expect_eq "... nothing imported" "$before" "$(sql "SELECT count(*) FROM clues")"
sed -i 's/线索〔2025〕001号/线索〔2019〕900号/' "$T_DIR/dup.jsonl"
run_cli import --db "$DB" "$T_DIR/dup.jsonl"
expect_eq "... a new number is imported as it stands" "0 线索〔2019〕900号" "$RC $(sql "SELECT clue_no FROM clues WHERE received = '2025-05-02'")"
# a number of another year than its clue's day is not read back by the
# pattern (numbering_note raises nothing): the clue that draws it later is
# given the next one (was: the unique 线索编号 refused it, a 500 on the pages)
cat >"$T_DIR/later.jsonl" <<EOF
{"type":"clue","id":"XC2","received":"2025-05-03","source":"report","subjects":["XP1"],"clue_no":"线索〔2024〕001号"}
EOF
run_cli import --db "$DB" "$T_DIR/later.jsonl"
expect_eq "a clue of 2025 numbered 线索〔2024〕001号 imports" 0 "$RC"
cat >"$T_DIR/draw.jsonl" <<EOF
{"type":"clue","id":"XC3","received":"2024-06-01","source":"report","subjects":["XP1"]}
EOF
run_cli import --db "$DB" "$T_DIR/draw.jsonl"
expect_eq "... the first clue of 2024 drawn after it skips the number taken" "0 线索〔2024〕002号" \
	"$RC $(sql "SELECT clue_no FROM clues WHERE received = '2024-06-01'")"
finish
