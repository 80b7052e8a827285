#!/usr/bin/env bash
# t253_first_views: what issue 16's outc16i changed on the first views
# after a write, against SQL, before and after writes.
# - The outcomes list (/outcomes, /api/outcomes): each row's measures in
#   force read from migration 0096's covering index outcome_measures_open
#   (outcome_id, ended, measure): the rows, their order and their measures
#   (those not ended, in the measure's order) equal SQL's, for the case
#   manager (every case) and for an investigator who may see only his
#   team's cases (need-to-know, 《中国共产党纪律检查机关监督执纪工作规则》
#   第五十六条: 知悉范围): an outcome of a case he is not on is not shown,
#   and after he joins its team (a write through the API, the kept
#   renderings dropped) it is; a measure ended in SQL leaves the list.
# - The case lead's office (store/q_todo.h Q_LEAD_OFFICE, the lead's row
#   first): the trial reviews of /notices?office= per lead's office and of
#   no office equal SQL written as the join it was, and the case list's
#   主办 column names the lead; after the lead moves (a write) the counts
#   follow.  The badge of the first page after a write counts the total
#   alone (no lead's office per clock): the same as /notices' total.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users inv1:investigator inv2:investigator || { not_ok "users"; finish; }
sql "UPDATE users SET office = '第一审查调查室', display_name = '甲调查员' WHERE name = 'inv1';
	UPDATE users SET office = '第二审查调查室', display_name = '乙调查员' WHERE name = 'inv2'" >/dev/null
F=$T_DIR/fixture.jsonl
python3 - >"$F" <<'PY'
import json
w = lambda o: print(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
w({"type": "unit", "id": "U1", "name": "首屏一局", "kind": "department", "parent": None})
for p in range(8):
    w({"type": "person", "id": f"P{p}", "name": f"首屏干部{p}", "unit": "U1", "position": "科员",
       "rank": "section", "top_leader": False, "leadership": False, "party_member": True})
for k in range(8):
    w({"type": "clue", "id": f"C{k}", "received": f"2022-0{1 + k}-02", "source": "report", "subjects": [f"P{k}"]})
    w({"type": "disposition", "clue": f"C{k}", "decided": f"2022-0{1 + k}-03", "method": "preliminary_verification"})
    if k < 5:
        w({"type": "disposition", "clue": f"C{k}", "decided": f"2022-0{1 + k}-05", "method": "file_case",
           "approved_by": "县纪委书记", "committee_by": "县委书记", "committee_day": f"2022-0{1 + k}-05"})
        case = {"type": "case", "id": f"A{k}", "clue": f"C{k}", "filed": f"2022-0{1 + k}-05",
                "case_type": "discipline", "organ_kind": "office", "organ_name": "第一审查调查室",
                "categories": ["integrity"]}
        if k < 4:
            case["trial_accepted"] = f"2022-0{2 + k}-10"   # a trial review running, overdue
        w(case)
        w({"type": "outcome", "person": f"P{k}", "case": f"A{k}", "date": f"2022-0{2 + k}-20",
           "measures": ["party_warning", "gov_demerit"] if k % 2 else ["party_serious_warning"]})
    else:
        w({"type": "outcome", "person": f"P{k}", "case": None, "clue": f"C{k}", "date": f"2022-0{1 + k}-20",
           "measures": ["talk_reminder"]})
PY
import_fixture "$F"
expect_eq "the fixture: 8 outcomes, 4 trial reviews" "8 4" \
	"$(sql "SELECT (SELECT count(*) FROM outcomes) || ' ' || (SELECT count(*) FROM cases WHERE state = 'trial')")"
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
IJ=$T_DIR/inv1.jar
expect_eq "inv1 logs in" 303 "$(login inv1 "$PW" "$IJ")"
case_id() { sql "SELECT o.case_id FROM outcomes o JOIN persons p ON p.id = o.person_id WHERE p.name = '首屏干部$1'"; }
A0=$(case_id 0) A1=$(case_id 1) A2=$(case_id 2) A3=$(case_id 3)
INV1=$(sql "SELECT id FROM users WHERE name = 'inv1'")
INV2=$(sql "SELECT id FROM users WHERE name = 'inv2'")
team() { status "$(api POST "/api/cases/$1/team" "{\"user_id\":$2,\"role\":\"$3\"}")"; }
expect_eq "inv1 leads A0 and A1, inv2 leads A2, inv1 a member of A3" "200 200 200 200" \
	"$(team "$A0" "$INV1" lead) $(team "$A1" "$INV1" lead) $(team "$A2" "$INV2" lead) $(team "$A3" "$INV1" member)"

# the outcomes the user may see, in the list's order, each "id:measures" (SQL)
AGG=group_concat
[ "$BACKEND" != pg ] || AGG=string_agg
sql_rows() {   # TEAM_USER (0: every case)
	sql "SELECT o.id || ':' || COALESCE((SELECT $AGG(x.measure, ',') FROM (SELECT m.measure FROM outcome_measures m
		WHERE m.outcome_id = o.id AND m.ended IS NULL ORDER BY m.measure) x), '') FROM outcomes o
		WHERE o.case_id IS NULL OR $1 = 0 OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = o.case_id AND t.user_id = $1)
		ORDER BY o.day DESC, o.id DESC" | tr '\n' ' '
}
api_rows() {   # JAR
	curl -s -b "$1" "$BASE/api/outcomes" | python3 -c 'import json,sys
print(" ".join("%d:%s" % (i["id"], ",".join(i["measures"])) for i in json.load(sys.stdin)["items"]) + " ")'
}
# the person names /outcomes shows (HTML), sorted
html_names() { curl -s -b "$1" "$BASE/outcomes" | grep -o '首屏干部[0-9]' | sort -u | tr '\n' ' '; }
sql_names() { sql "SELECT p.name FROM outcomes o JOIN persons p ON p.id = o.person_id WHERE o.case_id IS NULL OR $1 = 0
	OR EXISTS (SELECT 1 FROM case_team t WHERE t.case_id = o.case_id AND t.user_id = $1) ORDER BY p.name" | tr '\n' ' '; }
outcomes() {   # WHEN
	expect_eq "$1: cm's outcomes and their measures in force, in order" "$(sql_rows 0)" "$(api_rows "$JAR")"
	expect_eq "$1: inv1's: his teams' cases and the clues'" "$(sql_rows "$INV1")" "$(api_rows "$IJ")"
	expect_eq "$1: /outcomes (HTML) names cm's subjects" "$(sql_names 0)" "$(html_names "$JAR")"
	expect_eq "$1: ... and inv1's" "$(sql_names "$INV1")" "$(html_names "$IJ")"
}
outcomes before
P2=$(sql "SELECT p.name FROM outcomes o JOIN persons p ON p.id = o.person_id WHERE o.case_id = $A2")
case " $(html_names "$IJ")" in *" $P2 "*) not_ok "A2's outcome hidden from inv1 (not on its team)" ;;
	*) ok "A2's outcome hidden from inv1 (not on its team)" ;; esac
# a measure ended in SQL, then a write: the kept renderings dropped
sql "UPDATE outcome_measures SET ended = '2022-12-01', ended_by = 'test' WHERE outcome_id =
	(SELECT id FROM outcomes WHERE case_id = $A1) AND measure = 'gov_demerit'" >/dev/null
expect_eq "inv1 joins A2's team (a write)" 200 "$(team "$A2" "$INV1" member)"
outcomes after
case " $(html_names "$IJ")" in *" $P2 "*) ok "after: A2's outcome shown to inv1" ;;
	*) not_ok "after: A2's outcome shown to inv1" ;; esac
expect_contains "after: A1's ended measure left out" "$(sql "SELECT id FROM outcomes WHERE case_id = $A1"):party_warning " "$(api_rows "$JAR")"

# ---- the case lead's office: trial reviews by office -------------------------------------------
# SQL as the join it was before outc16i
sql_office() {   # OFFICE ('' none)
	sql "SELECT count(*) FROM cases k WHERE k.state = 'trial' AND COALESCE((SELECT lu.office FROM case_team t
		JOIN users lu ON lu.id = t.user_id WHERE t.case_id = k.id AND t.role = 'lead'), '') = '$1'"
}
notices_of() {   # OFFICE: /notices?office=OFFICE's 共有N项待办 ('' none: the office filter's empty value)
	curl -s -b "$JAR" "$BASE/notices?office=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1")" |
		grep -o '共有[0-9]*项待办' | tr -dc 0-9
}
offices() {   # WHEN
	# the badge on the first page after a write counts the total alone
	# (todo_count: the trial reviews without their lead's office); /notices
	# then counts by office: the same total
	local badge
	badge=$(curl -s -b "$JAR" "$BASE/outcomes" | grep -o 'title="[0-9]*项待办"' | head -1 | tr -dc 0-9)
	expect_eq "$1: the badge (the total alone) equals /notices' total by office" \
		"$(curl -s -b "$JAR" "$BASE/notices" | grep -o '共有[0-9]*项待办' | head -1 | tr -dc 0-9)" "$badge"
	expect_eq "$1: ... and counts the trial reviews (SQL: $(sql "SELECT count(*) FROM cases WHERE state = 'trial'"))" 1 \
		"$([ "${badge:-0}" -ge "$(sql "SELECT count(*) FROM cases WHERE state = 'trial'")" ] && echo 1)"
	expect_eq "$1: trial reviews of 第一审查调查室 (SQL: $(sql_office 第一审查调查室))" "$(sql_office 第一审查调查室)" "$(notices_of 第一审查调查室)"
	expect_eq "$1: ... of 第二审查调查室" "$(sql_office 第二审查调查室)" "$(notices_of 第二审查调查室)"
	expect_eq "$1: the cases' 主办 (/api/cases)" \
		"$(sql "SELECT c.id || ':' || COALESCE((SELECT NULLIF(u.display_name, '') FROM case_team t JOIN users u ON u.id = t.user_id
			WHERE t.case_id = c.id AND t.role = 'lead'), '') FROM cases c ORDER BY c.id" | tr '\n' ' ')" \
		"$(curl -s -b "$JAR" "$BASE/api/cases?per=100" | python3 -c 'import json,sys
print(" ".join("%d:%s" % (i["id"], i["lead"]) for i in sorted(json.load(sys.stdin)["items"], key=lambda i: i["id"])) + " ")')"
}
expect_eq "the fixture's leads: 2 trial reviews of 第一, 1 of 第二, 1 of none (A3)" "2 1 1" \
	"$(sql_office 第一审查调查室) $(sql_office 第二审查调查室) $(sql_office '')"
offices before
# the lead of A1 moves to inv2 (a write through the API; inv1 stays a member)
expect_eq "inv2 leads A1, inv1 a member (writes)" "200 200 200" \
	"$(status "$(api POST "/api/cases/$A1/team/remove" "{\"user_id\":$INV1}")") $(team "$A1" "$INV1" member) $(team "$A1" "$INV2" lead)"
expect_eq "... 1 of 第一, 2 of 第二" "1 2" "$(sql_office 第一审查调查室) $(sql_office 第二审查调查室)"
offices after

if [ "$BACKEND" = pg ]; then
	expect_contains "0096: outcome_measures_open" "(outcome_id, ended, measure)" \
		"$(sql "SELECT indexdef FROM pg_indexes WHERE indexname = 'outcome_measures_open'")"
else
	expect_contains "0096: the measures in force read from one index" "COVERING INDEX outcome_measures_open" \
		"$(sql "EXPLAIN QUERY PLAN SELECT (SELECT group_concat(m.measure, ',') FROM outcome_measures m
			WHERE m.outcome_id = o.id AND m.ended IS NULL) FROM outcomes o")"
fi
check "server log clean" server_clean
finish
