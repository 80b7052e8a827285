#!/bin/bash
# t162_demo.sh: `qingfeng demo --year 2022` (issue 11, "The demo year").
# - deterministic: two runs write the same bytes, and the bytes are the
#   pinned ones (same on every machine: the generator's own PRNG, no clock
#   or random source; a change of the generator changes DEMO_SHA256 here,
#   on purpose);
# - the year imports into a fresh database through the import engine (all
#   or nothing: a second import of the same year is refused whole);
# - `qingfeng report --year 2022 --format json` gives the 2022 report's
#   figures key by key, each by its DOMAIN.md section 6 definition:
#   处置问题线索516件、立案184件、结案172件、结案率93.48%、党纪政务处分175人、
#   留置2人、四种形态583人（第一种形态404人，占比69.3%）; 一把手和领导班子
#   及科级干部 立案26件、处分26人、第一种形态10人; 四风 线索25件、处分29人;
#   the grain/development-zone/black-soil campaign (线索38、立案10、问责4、
#   党纪处分25、留置1、移送1、第一种形态2), the farm-subsidy campaign
#   (案件43、处分43、挽回117,526.73元), 公检法移交线索5件、结案4件、在查1件,
#   巡察移交问题线索12件 (clues received from inspection), 对受处分人员开展暖心回访36人次,
#   为受到不实举报者澄清正名4人次 (follow-up visits, clarifications);
#   近200项目标任务 (196), 工作台帐7份, 常委会议定事项工作提示10期, 近期重点工作提示16期
#   (issue 14: the target tasks, src/cmd/demo_targets.c);
#   向组织部门出具1809名干部党风廉政意见回复57份 (issue 15: the opinion replies,
#   src/cmd/demo_opinions.c; the cadres are persons with no matter);
# - the records are plausible (dates in order, no outcome before its
#   case was filed, party sanctions only for party members and village
#   managers only the three light government sanctions: 纪律处分条例 2023
#   art. 5 and DOMAIN.md section 3; 政务处分法 art. 2 and the village rule),
#   with the shapes the issue names (cases filed in 2021 closed in 2022, a
#   party and a government sanction in one outcome, clues disposed twice,
#   first-form treatment from daily supervision, 38 departments and 8
#   townships with villages);
# - --accounts: one staff account per role, the password printed once,
#   and the case manager's first page is a living commission.
# Before this change `qingfeng demo` did not exist (exit 2): the import,
# figure, record and account checks fail on the old code.
. "$(dirname "$0")/lib.sh"

# camp14 (0056), insp14, talk15, log15, opin15: campaigns' plans, groups and
# measure types; the inspections' lines; the talks, matter reports and cadres;
# the work log and the register; the opinion replies (demo_opinions.c);
# plink15: the problems the work log's checks found, naming their activities
# (and the 政治监督 13 and 两函一书 8 moved after the work log, which they name);
# fig15 (0062): a 群众评议会, a case-quality self review and the province's review
# in the log, the 群众评议 13, 派驻 27 and 评查 39 and 14 naming their entries,
# the self review's 39 of nature common (26) or individual (13)
DEMO_SHA256=a088086cd4b4aaf310e5d956c51f0a9085e24df808c1ffb835f3eb9d09bbb682

init_db || { not_ok "init"; finish; }

run_cli demo --year 2022 --out "$T_DIR/a.jsonl"
expect_eq "demo --out exits 0" 0 "$RC"
run_cli demo --year 2022 --out "$T_DIR/b.jsonl"
check "two runs write the same bytes" cmp -s "$T_DIR/a.jsonl" "$T_DIR/b.jsonl"
expect_eq "the bytes are the pinned ones (every machine)" "$DEMO_SHA256" \
	"$(sha256sum "$T_DIR/a.jsonl" | cut -d' ' -f1)"
run_cli demo --year 2021
expect_eq "another year is a usage error" 2 "$RC"
run_cli demo --year 2022 --out "$T_DIR/c.jsonl" --accounts
expect_eq "--accounts without the import is a usage error" 2 "$RC"

run_cli demo --year 2022 --accounts
expect_eq "demo imports into a fresh database" 0 "$RC"
expect_contains "the import counts its records" "imported: $(wc -l <"$T_DIR/a.jsonl") records" "$OUT"
ACCOUNTS=$(printf '%s\n' "$OUT" | awk '$1 ~ /^demo_/ {print $1 ":" $2}')
CM_PW=$(printf '%s\n' "$OUT" | awk '$1 == "demo_casemgr" {print $2}')
check "the case manager's password is printed" test -n "$CM_PW"
expect_eq "a commission named at init keeps its name" "测试市纪委监委" \
	"$(sql "SELECT value FROM settings WHERE key = 'commission'")"
# make run's database: init without --name, then the demo: the top bar and
# the titles of the statistics name the demo city (an SQLite file of its own)
if [ "$BACKEND" != pg ]; then
	"$QF_BIN" init --db "$T_DIR/run.db" >/dev/null 2>&1 && "$QF_BIN" demo --year 2022 --db "$T_DIR/run.db" >/dev/null 2>&1
	expect_eq "an unnamed commission takes the demo city's name" "青枫市纪委监委" \
		"$(sqlite3 "$T_DIR/run.db" "SELECT value FROM settings WHERE key = 'commission'")"
else
	ok "# skip the unnamed commission: an SQLite file of its own (make run)"
fi
# issue 13: every unit (city departments and townships) has a QR code; the
# demo's tokens are random, drawn at the import (not in the pinned bytes)
expect_contains "the import makes the rating pages" "rating pages (码上问效) made for" "$OUT"
expect_eq "... one for every department and township" \
	"$(sql "SELECT count(*) FROM units WHERE kind IN ('department', 'township')")" \
	"$(sql "SELECT count(*) FROM rating_points")"
check "... 46 of them" test "$(sql "SELECT count(*) FROM rating_points")" -eq 46
expect_eq "one account per business role (the unit-scoped rectifier included)" 10 "$(sql "SELECT count(*) FROM users WHERE name LIKE 'demo\_%' ESCAPE '\\'")"

clues=$(sql "SELECT count(*) FROM clues")
run_cli demo --year 2022
expect_eq "a second import of the year is refused" 1 "$RC"
expect_contains "naming the line" "line 1" "$ERR"
expect_eq "nothing was imported the second time" "$clues" "$(sql "SELECT count(*) FROM clues")"

# report KEY=VALUE... [-- scope options]: the figures of the JSON report
figures() {
	"$QF_BIN" report --year 2022 --format json "$@" | python3 -c '
import json, sys
for m in json.load(sys.stdin)["metrics"]:
    v = m["value"]
    print("%s=%s" % (m["key"], m["display"] if m["kind"] == "rate" else v))'
}
# expect_figures WHAT "k=v k=v ..." [scope options]
expect_figures() {
	local what=$1 want=$2 got kv
	shift 2
	got=$(figures "$@")
	for kv in $want; do
		expect_eq "$what: ${kv%%=*}" "$kv" "$(grep -x "${kv%%=*}=.*" <<<"$got")"
	done
}
expect_figures "2022" "clues_disposed=516 cases_filed=184 cases_closed=172 closure_rate=93.48% \
	sanctioned=175 detained=2 forms_total=583 form1=404 form1_share=69.3% followups=36 clarifications=4 \
	ratings=4950 ratings_5star=4875 good_rate=98.5% letters_received=21 letters_concluded=19 \
	target_tasks=196 target_ledgers=7 reminders_standing=10 reminders_recent=16 \
	talks_pre_appointment=31 talks_integrity=54 talks_heart=612 matter_reports=20 integrity_files=872"
expect_figures "key persons" "cases_filed=26 sanctioned=26 form1=10" --key-persons
expect_figures "四风" "clues_disposed=25 sanctioned=29" --category eight_rules
camp() { sql "SELECT id FROM campaigns WHERE name LIKE '$1%'"; }
expect_figures "grain campaign" "clues_disposed=38 cases_filed=10 accountabilities=4 sanctioned=25 \
	detained=1 transferred=1 form1=2" --campaign "$(camp 粮食购销)"
expect_figures "subsidy campaign" "cases_filed=43 sanctioned=43 recovered=11752673 campaign_groups=8" \
	--campaign "$(camp 玉米)"
expect_figures "公检法" "clues_disposed=5 cases_filed=5 cases_closed=4" --source judicial
# the 作风 figures that are outcomes: 防疫监督 党纪政务处分3人、第一种形态18人; 能力作风建设年
# 党纪政务处分5人、第一种形态45人; 四风明察暗访 第一种形态28人; 微腐败 处分3人、退回2725.2元
expect_figures "防疫监督" "sanctioned=3 form1=18" --campaign "$(camp 疫情防控)"
expect_figures "能力作风建设年" "sanctioned=5 form1=45 campaign_groups=7" --campaign "$(camp 全市机关)"
# camp14 (0056): 微腐败 责令退回 is the kind returned (责令退赔); the grain campaign's 4
# accountabilities carry their measure types (通报, 诫勉, 检查和通报, 组织调整或者组织处理)
expect_figures "微腐败 money" "returned=272520 recovered=0" --campaign "$(camp 群众身边)"
expect_figures "grain measures" "accountability_notice=2 accountability_admonish=1 accountability_check=1 \
	accountability_org_handling=1 accountability_discipline=0" --campaign "$(camp 粮食购销)"
expect_figures "四风 first form" "form1=28" --category eight_rules
expect_figures "微腐败" "sanctioned=3 returned=272520" --campaign "$(camp 群众身边)"
expect_figures "巡察移交" "clues_received=12" --source inspection
# the rectification ledger (issue 14): each of the report's counts is the
# ledger under a source and a found period (src/cmd/demo_problems.c)
# (1871 = 130 of the other sources + the first round's 373 inspection findings, 3 of them
# top-leader, + the 1368 the work log's checks found: 960 74 50 40 98 45 101, all rectified)
expect_figures "整改台账" "problems_found=1871 problems_rectified=1868 problems_top_leader=3"
expect_figures "微腐败 发现并督促问题整改16个" "problems_found=16 problems_rectified=16" --campaign "$(camp 群众身边)"
# the inspections (issue 14, src/cmd/demo_inspections.c): the report's sentence per round
R1=$(sql "SELECT id FROM inspection_rounds WHERE year = 2022 AND number = 1")
R2=$(sql "SELECT id FROM inspection_rounds WHERE year = 2022 AND number = 2")
expect_figures "第一轮巡察 35个基层党组织 问题373个 移交问题线索12件 “一把手”问题3个" \
	"inspection_orgs=35 inspection_problems=373 inspection_clues=12 inspection_top_leader=3" --round "$R1"
expect_figures "第二轮巡察 3个巡察组 4家市直单位常规巡察 27个村级党组织提级巡察" \
	"inspection_groups=3 inspection_orgs_regular=4 inspection_orgs_elevated=27" --round "$R2"
expect_figures "纪检监察机关累计派出参与巡察干部7人" "inspection_lent=7"
expect_eq "the special inspection of the water bureau: one month" "2022-10-10|2022-11-10" \
	"$(sql "SELECT entered || '|' || left_on FROM inspections WHERE kind = 'special'")"
expect_eq "the lent staff: accounts nobody signs in to (disabled)" "7|7" \
	"$(sql "SELECT count(*), sum(disabled) FROM users WHERE name LIKE 'lent\_%' ESCAPE '\\'")"
# the opinion replies (issue 15, src/cmd/demo_opinions.c): 向组织部门出具1809名干部党风廉政意见回复57份
expect_figures "党风廉政意见回复" "opinion_replies=57 opinion_cadres=1809"
expect_eq "... numbered 青纪函〔2022〕1号 to 57号, every cadre a demo person, proposed and confirmed" "57|青纪函〔2022〕57号|1809|1809" \
	"$(sql "SELECT count(*) || '|' || max(CASE WHEN number LIKE '%57号' THEN number END) || '|' || (SELECT count(person_id) FROM opinion_lines) || '|' || (SELECT count(opinion) FROM opinion_lines) FROM opinion_requests WHERE state = 'replied'")"
expect_eq "... a cadre named by the platform's rule: no matter about any of them" 0 \
	"$(sql "SELECT count(*) FROM opinion_lines l WHERE EXISTS (SELECT 1 FROM clue_subjects s WHERE s.person_id = l.person_id) OR EXISTS (SELECT 1 FROM outcomes o WHERE o.person_id = l.person_id)")"
# the problems a kind of check found (0061: each names its activity)
expect_figures "政治监督 发现并督促问题整改13个" "problems_found=13" --kind political_supervision
expect_figures "“两函一书” 督促整改问题8个" "problems_found=8" --kind two_letters
expect_figures "疫情防控 发现并督促问题整改960个" "problems_found=960" --kind supervision_bulletin --campaign "$(camp 疫情防控)"
expect_figures "交叉互检 发现问题74个" "problems_found=74" --kind cross_check --campaign "$(camp 疫情防控)"
expect_figures "明察暗访 问题50个" "problems_found=50" --kind spot_check --campaign "$(camp 全市机关)"
expect_figures "机关作风明察暗访 整改问题40个" "problems_found=40" --kind spot_check --category eight_rules
expect_figures "“四风”交叉互检 发现并反馈相关问题98个" "problems_found=98" --kind cross_check --category eight_rules
expect_figures "谈话点安全检查 共发现问题45个" "problems_found=45 problems_rectified=45" --kind talk_site_check
expect_figures "基层群众访谈 发现并解决问题101个" "problems_found=101" --kind grassroots_interview
# fig15 (0062): the last four, each found by an entry of the log
expect_figures "群众评议会 1次, 推动涉及民生问题整改13个" "activities=1 problems_found=13" --kind mass_appraisal
expect_figures "派驻机构 会商62次, 跟踪整改问题27个 (3 still rectifying)" \
	"activities=62 problems_found=27 problems_rectified=24" --kind resident_consultation
expect_figures "案件质量评查自查 共性问题26个、个性问题13个, 现已全部完成整改" \
	"activities=1 problems_found=39 problems_rectified=39 problems_common=26 problems_individual=13" --kind case_review
expect_figures "承接并完成评查反馈问题整改14个" "activities=1 problems_rectified=14" --kind case_review_upper
expect_eq "each found on or after the day of its entry" 0 "$(sql "SELECT count(*) FROM problems p
	JOIN activities a ON a.id = p.activity_id WHERE a.kind IN ('mass_appraisal', 'case_review', 'case_review_upper')
	AND p.found < a.day")"
ledger() { sql "SELECT count(*) || '|' || count(confirmed_on) FROM problems WHERE source = '$1' AND found BETWEEN '$2' AND '$3' ${4:-}"; }
expect_eq "政治监督 发现并督促问题整改13个 (all confirmed)" "13|13" "$(ledger political 2022-04-01 2022-06-30)"
expect_eq "两函一书 督促整改问题8个" "8|8" "$(ledger political 2022-08-01 2022-09-30)"
expect_eq "群众评议 推动涉及民生问题整改13个" "13|13" "$(ledger other 2022-07-01 2022-07-31)"
expect_eq "派驻机构 跟踪整改问题27个 (3 still rectifying)" "27|24" "$(ledger resident 2022-01-01 2022-12-31)"
expect_eq "案件质量评查 共性问题26个" "26|26" "$(ledger case_review 2022-02-01 2022-03-31 "AND summary LIKE '共性问题%'")"
expect_eq "... 个性问题13个, 现已全部完成整改" "13|13" "$(ledger case_review 2022-02-01 2022-03-31 "AND summary LIKE '个性问题%'")"
expect_eq "承接并完成评查反馈问题整改14个" "14|14" "$(ledger case_review 2022-10-01 2022-10-31)"

P="BETWEEN '2022-01-01' AND '2022-12-31'"
expect_eq "grain campaign: every sanction a party sanction" 0 "$(sql "SELECT count(*) FROM outcomes o
	JOIN campaigns k ON k.id = o.campaign_id WHERE k.name LIKE '粮食购销%' AND o.day $P AND o.sanctioned = 1
	AND NOT EXISTS (SELECT 1 FROM outcome_measures m WHERE m.outcome_id = o.id AND m.measure LIKE 'party\_%' ESCAPE '\\')")"
expect_eq "码上问效: 21 letters received, 19 concluded" "21|19" "$(sql "SELECT count(*), count(concluded) FROM letters
	WHERE received $P AND (concluded IS NULL OR concluded $P)")"
expect_eq "码上问效: 4950 ratings, 4875 of five stars" "4950|4875" "$(sql "SELECT count(*),
	sum(CASE WHEN stars = 5 THEN 1 ELSE 0 END) FROM ratings WHERE day $P")"
expect_eq "码上问效: every rating of 1-2 stars has its bad review, called back" "10|10" "$(sql "SELECT count(*),
	count(b.called_back) FROM ratings r JOIN bad_reviews b ON b.rating_id = r.id WHERE r.stars <= 2")"
expect_eq "公检法: one case still under investigation" 1 "$(sql "SELECT count(*) FROM cases c
	JOIN clues l ON l.id = c.clue_id WHERE l.source = 'judicial' AND c.closed IS NULL")"

# plausibility: each count below is of records that break a rule
expect_eq "no disposition before its clue was received" 0 "$(sql "SELECT count(*) FROM dispositions d
	JOIN clues c ON c.id = d.clue_id WHERE d.decided < c.received")"
expect_eq "no case filed before its clue's verification" 0 "$(sql "SELECT count(*) FROM cases a
	JOIN dispositions d ON d.clue_id = a.clue_id AND d.method = 'preliminary_verification' WHERE a.filed < d.decided")"
expect_eq "no case closed before it was filed" 0 "$(sql "SELECT count(*) FROM cases WHERE closed < filed OR transferred < filed")"
expect_eq "no outcome before its case was filed, none after it closed" 0 "$(sql "SELECT count(*) FROM outcomes o
	JOIN cases a ON a.id = o.case_id WHERE o.day < a.filed OR o.day > a.closed")"
expect_eq "no detention before the filing or without the approval" 0 "$(sql "SELECT count(*) FROM detentions t
	JOIN cases a ON a.id = t.case_id WHERE t.start_day < a.filed OR t.approved_day > t.start_day OR t.approved_by IS NULL")"
expect_eq "party sanctions only for party members" 0 "$(sql "SELECT count(*) FROM outcomes o
	JOIN outcome_measures m ON m.outcome_id = o.id WHERE m.measure LIKE 'party\_%' ESCAPE '\\' AND o.subject_party_member = 0")"
expect_eq "village managers: only the three light government sanctions" 0 "$(sql "SELECT count(*) FROM outcomes o
	JOIN outcome_measures m ON m.outcome_id = o.id WHERE o.subject_rank = 'village' AND m.measure LIKE 'gov\_%' ESCAPE '\\'
	AND m.measure NOT IN ('gov_warning', 'gov_demerit', 'gov_major_demerit')")"
expect_eq "follow-up visits only of sanctioned outcomes, not before them" 0 "$(sql "SELECT count(*) FROM followups f
	JOIN outcomes o ON o.id = f.outcome_id WHERE o.sanctioned = 0 OR f.day < o.day")"
expect_eq "clarifications only of subjects of unfounded matters, after them" 0 "$(sql "SELECT count(*) FROM clarifications l
	LEFT JOIN cases a ON a.id = l.case_id LEFT JOIN clues c ON c.id = l.clue_id
	WHERE l.day < COALESCE(a.closed, c.first_disposed) OR EXISTS (SELECT 1 FROM outcomes o
	WHERE o.person_id = l.person_id AND (o.case_id = l.case_id OR o.clue_id = l.clue_id))")"
expect_eq "no outcome on a county-rank cadre (managed one level up)" 0 "$(sql "SELECT count(*) FROM outcomes WHERE subject_rank = 'county'")"
check "cases filed in 2021 closed in 2022" test "$(sql "SELECT count(*) FROM cases WHERE filed < '2022-01-01' AND closed $P")" -gt 0
check "cases filed in 2022 open at year end" test "$(sql "SELECT count(*) FROM cases WHERE filed $P AND closed IS NULL")" -gt 0
check "a party and a government sanction in one outcome" test "$(sql "SELECT count(*) FROM outcomes o
	WHERE EXISTS (SELECT 1 FROM outcome_measures m WHERE m.outcome_id = o.id AND m.measure LIKE 'party\_%' ESCAPE '\\')
	AND EXISTS (SELECT 1 FROM outcome_measures m WHERE m.outcome_id = o.id AND m.measure LIKE 'gov\_%' ESCAPE '\\')")" -gt 0
check "clues disposed twice (talk_inquiry, then preliminary_verification)" test "$(sql "SELECT count(*) FROM clues c
	WHERE EXISTS (SELECT 1 FROM dispositions d WHERE d.clue_id = c.id AND d.method = 'talk_inquiry')
	AND EXISTS (SELECT 1 FROM dispositions d WHERE d.clue_id = c.id AND d.method = 'preliminary_verification')")" -gt 0
check "first-form treatment from daily supervision" test "$(sql "SELECT count(*) FROM outcomes o
	JOIN clues c ON c.id = o.clue_id WHERE c.source = 'supervision' AND o.form = 1")" -gt 0
expect_eq "38 city departments, 8 townships" "38|8" "$(sql "SELECT sum(CASE WHEN kind = 'department' THEN 1 ELSE 0 END),
	sum(CASE WHEN kind = 'township' THEN 1 ELSE 0 END) FROM units")"
check "villages under the townships" test "$(sql "SELECT count(*) FROM units v JOIN units t ON t.id = v.parent_id
	WHERE v.kind = 'village' AND t.kind = 'township'")" -ge 40
expect_eq "clues from every source" 8 "$(sql "SELECT count(DISTINCT source) FROM clues")"
expect_eq "reports of every channel" 6 "$(sql "SELECT count(DISTINCT channel) FROM reports")"
expect_eq "subjects of every rank but county" 3 "$(sql "SELECT count(DISTINCT subject_rank) FROM outcomes")"

start_server
for a in $ACCOUNTS; do
	expect_eq "${a%%:*} signs in with the printed password" 303 "$(login "${a%%:*}" "${a#*:}")"
	expect_eq "${a%%:*}: the first page opens" 200 "$(http_get "$H" -b "$JAR" "$BASE/")"
done
expect_eq "the demo case manager signs in" 303 "$(login demo_casemgr "$CM_PW")"
expect_eq "the case list opens" 200 "$(http_get "$H" -b "$JAR" "$BASE/cases?state=open")"
expect_contains "the case list shows the demo city's cases" "青枫市" "$(cat "$H.b")"
clue=$(sql "SELECT min(id) FROM clues WHERE source = 'report'")
kase=$(sql "SELECT case_id FROM detentions ORDER BY start_day LIMIT 1")
outcome=$(sql "SELECT min(id) FROM outcomes WHERE case_id = $kase")
report=$(sql "SELECT min(id) FROM reports WHERE clue_id IS NOT NULL")
for path in /clues /reports /persons /units /accountability /executions "/clues/$clue" "/cases/$kase" \
	"/outcomes/$outcome" "/reports/$report"; do
	expect_eq "case manager: $path opens" 200 "$(http_get "$H" -b "$JAR" "$BASE$path")"
done
http_get "$H" -b "$JAR" "$BASE/clues/$clue" >/dev/null
expect_contains "an imported clue's summary is decrypted on its page" "反映" "$(cat "$H.b")"
stop_server
check "no sanitizer report" cli_clean
check "server clean" server_clean
finish
