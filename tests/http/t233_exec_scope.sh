#!/usr/bin/env bash
# t233_exec_scope: the last pages that counted too much (issue 16, exec16).
# - The executions pending (/executions, /api/executions) read
#   outcomes.exec_items (migration 0070), kept by the executions' triggers:
#   an imported sanction is pending; four items keep it pending, the fifth
#   takes it off the count and the list, an item removed underneath puts it
#   back; an outcome without a sanction is never pending and gets no item;
#   exec_items equals a count of the executions after every step; the
#   pending list is the statement on the partial index outcomes_exec_open
#   (EXPLAIN QUERY PLAN on SQLite).
# - A scoped user's lists (q_scope.h Q_SCOPE_PAIR: persons, clues, problems,
#   executions pending) hold exactly his jurisdiction's rows, with the
#   totals to match, and another jurisdiction's record answers 404; a case
#   handler's case list (Q_LEAD_PAIR, his team) exactly his cases.
# - /ratings' unit table: the 50 units with the most ratings, one row
#   「其余5个单位」 with their sums, the 合计 exact (checked against SQL);
#   a unit not shown is reached with the unit filter (within).
# Before this change: the count was a correlated count per sanctioned
# outcome, the scoped lists one statement with `? = 0 OR unit IN vis`, and
# /ratings listed every unit.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/fixture.jsonl
python3 - >"$F" <<'PY'
import json
w = lambda o: print(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
# two townships and their cadres, clues, problems and outcomes
for t, name in (("A", "甲镇"), ("B", "乙镇")):
    w({"type": "unit", "id": f"U{t}", "name": name, "kind": "township", "parent": None})
    for p in range(1, 7):
        w({"type": "person", "id": f"P{t}{p}", "name": f"{name}干部{p}", "unit": f"U{t}", "position": "科员",
           "rank": "section", "top_leader": False, "leadership": False, "party_member": True})
    for k in range(1, 7):
        w({"type": "clue", "id": f"C{t}{k}", "received": f"2025-0{k}-02", "source": "report",
           "subjects": [f"P{t}{k}"]})
        if k == 5:      # filed as a case below
            w({"type": "disposition", "clue": f"C{t}{k}", "decided": "2025-05-10", "method": "preliminary_verification"})
            w({"type": "disposition", "clue": f"C{t}{k}", "decided": "2025-05-20", "method": "file_case",
               "approved_by": "委主要负责人", "committee_by": "县委书记", "committee_day": "2025-05-20"})
        else:
            w({"type": "disposition", "clue": f"C{t}{k}", "decided": f"2025-0{k}-10", "method": "talk_inquiry"})
        # k 1-3: a party sanction (pending execution), 4: none needed
        if k <= 4:
            w({"type": "outcome", "person": f"P{t}{k}", "case": None, "clue": f"C{t}{k}",
               "date": f"2025-0{k}-20", "measures": ["party_warning"] if k <= 3 else ["criticism"]})
    for q in range(1, 4 if t == "A" else 3):
        w({"type": "problem", "unit": f"U{t}", "source": "political", "summary": f"{name}问题{q}",
           "found": f"2025-0{q}-05", "deadline": "2025-12-31"})
# a case filed on 甲镇's fifth clue and on 乙镇's fifth
for t in ("A", "B"):
    w({"type": "case", "id": f"K{t}", "clue": f"C{t}5", "filed": "2025-06-01", "case_type": "discipline",
       "organ_kind": "office", "organ_name": "第一审查调查室", "categories": ["integrity"]})
# 55 units rated: 01-05 once, 06-55 twice (equal counts go by name)
for n in range(1, 56):
    w({"type": "unit", "id": f"R{n}", "name": f"评价单位{n:02d}", "kind": "department", "parent": None})
    for i in range(1 if n <= 5 else 2):
        w({"type": "rating", "unit": f"R{n}", "stars": 5 if (n + i) % 2 else 3, "date": "2026-11-02",
           "key": f"k{n}-{i}"})
PY
run_cli import --db "$DB" "$F"
expect_eq "the fixture imports" 0 "$RC"
[ "$RC" = 0 ] || printf '# %s\n' "$ERR" | head -5
UA=$(sql "SELECT id FROM units WHERE name = '甲镇'"); UB=$(sql "SELECT id FROM units WHERE name = '乙镇'")
ready_user townA --role township --unit "$UA" --password-stdin >/dev/null
ready_user townB --role township --unit "$UB" --password-stdin >/dev/null
ready_user inv --role investigator --password-stdin >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in townA townB inv; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
AJ=$T_DIR/townA.jar BJ=$T_DIR/townB.jar IJ=$T_DIR/inv.jar

jlist() { api GET "$1" "" "${2:-$JAR}" | head -n -1; }
total() { jlist "$@" | jget '["total"]'; }
ids() { jlist "$@" | python3 -c 'import json,sys; print(" ".join(str(i) for i in sorted(x["id"] for x in json.load(sys.stdin)["items"])))'; }
# ids_total PATH [JAR]: "ids | total" of one request
ids_total() { jlist "$@" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(str(i) for i in sorted(x["id"] for x in d["items"])), "|", d["total"])'; }
sqlids() { sql "$1" | tr '\n' ' ' | sed 's/ $//'; }
kept_ok() {   # exec_items equals the executions' count for every outcome
	expect_eq "$1: exec_items = count(executions) for every outcome" 0 \
		"$(sql "SELECT count(*) FROM outcomes o WHERE o.exec_items <> (SELECT count(*) FROM executions e WHERE e.outcome_id = o.id)")"
}

# ---- the executions pending -------------------------------------------------------------------
expect_eq "imported: 6 sanctions, 2 outcomes needing none" "6 2" \
	"$(sql "SELECT sum(sanctioned) || ' ' || sum(1 - sanctioned) FROM outcomes")"
expect_eq "an imported sanction is pending: the queue holds all 6" 6 "$(total /api/executions)"
expect_eq "... the list holds exactly the sanctioned outcomes" \
	"$(sqlids "SELECT id FROM outcomes WHERE sanctioned = 1 ORDER BY id")" "$(ids /api/executions)"
kept_ok "after the import"
O=$(sql "SELECT o.id FROM outcomes o JOIN persons p ON p.id = o.person_id WHERE p.name = '甲镇干部1'")
N=$(sql "SELECT o.id FROM outcomes o JOIN persons p ON p.id = o.person_id WHERE p.name = '甲镇干部4'")
check() { api POST "/api/outcomes/$1/execution" "{\"item\":\"$2\",\"done\":\"2025-02-01\"}" "$AJ"; }
for it in delivered appraisal pay_grade bonus; do
	expect_eq "item $it: 201" 201 "$(status "$(check "$O" "$it")")"
done
expect_eq "four of five: still pending (6)" 6 "$(total /api/executions)"
expect_eq "... exec_items 4" 4 "$(sql "SELECT exec_items FROM outcomes WHERE id = $O")"
expect_eq "the fifth item: 201" 201 "$(status "$(check "$O" promotion_bar)")"
expect_eq "... off the count (5)" 5 "$(total /api/executions)"
case " $(ids /api/executions) " in *" $O "*) not_ok "... and off the list" ;; *) ok "... and off the list" ;; esac
expect_eq "... off townA's count too (2)" 2 "$(total /api/executions "$AJ")"
kept_ok "after the fifth item"
# (the product removes no item; a row removed underneath, as an
# administrator's correction would: the trigger keeps the column)
sql "DELETE FROM executions WHERE outcome_id = $O AND item = 'bonus'" >/dev/null
expect_eq "an item removed: pending again (6)" 6 "$(total /api/executions)"
case " $(ids /api/executions) " in *" $O "*) ok "... and on the list" ;; *) not_ok "... and on the list" ;; esac
kept_ok "after the removal"
sql "UPDATE executions SET outcome_id = $N WHERE outcome_id = $O AND item = 'delivered'" >/dev/null
expect_eq "an item moved to another outcome: both counts kept" "3 1" \
	"$(sql "SELECT (SELECT exec_items FROM outcomes WHERE id = $O) || ' ' || (SELECT exec_items FROM outcomes WHERE id = $N)")"
sql "UPDATE executions SET outcome_id = $O WHERE outcome_id = $N" >/dev/null
kept_ok "after the move"
expect_eq "an outcome that needs none: no item (422)" 422 "$(status "$(check "$N" delivered)")"
case " $(ids /api/executions) " in *" $N "*) not_ok "... never on the list" ;; *) ok "... never on the list" ;; esac
r=$(http_get "$H" -b "$JAR" "$BASE/executions")
expect_eq "GET /executions: 200" 200 "$r"
expect_contains "... 共 6 条" "共 6 条" "$(cat "$H.b")"
if [ "$BACKEND" = sqlite ]; then
	P=$(sqlite3 "$DB" "EXPLAIN QUERY PLAN WITH RECURSIVE vis(id) AS (SELECT unit_id FROM user_scopes WHERE user_id = 0 UNION SELECT c.id FROM units c JOIN vis ON c.parent_id = vis.id) SELECT count(*) FROM (SELECT 1 FROM outcomes o WHERE o.sanctioned = 1 AND o.exec_items < 5 AND (0 = 0 OR o.unit_id IN (SELECT id FROM vis)) LIMIT 10001) capped")
	expect_contains "the pending count reads the partial index outcomes_exec_open" "outcomes_exec_open" "$P"
else
	expect_eq "the partial index outcomes_exec_open exists" 1 \
		"$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'outcomes_exec_open'")"
fi

# ---- a scoped user's lists --------------------------------------------------------------------
for l in persons clues problems executions; do
	case $l in
	persons) q="SELECT id FROM persons WHERE unit_id = %s ORDER BY id" ;;
	clues) q="SELECT id FROM clues WHERE unit_id = %s ORDER BY id" ;;
	problems) q="SELECT id FROM problems WHERE unit_id = %s ORDER BY id" ;;
	executions) q="SELECT id FROM outcomes WHERE sanctioned = 1 AND exec_items < 5 AND unit_id = %s ORDER BY id" ;;
	esac
	for who in A B; do
		u=$UA j=$AJ; [ $who = B ] && u=$UB j=$BJ
		want=$(sqlids "$(printf "$q" "$u")")
		expect_eq "town$who's /api/$l: exactly his jurisdiction's rows and their total" \
			"$want | $(wc -w <<<"$want")" "$(ids_total "/api/$l?per=100" "$j")"
	done
done
expect_eq "the problems differ per township (3 and 2)" "3 2" "$(total /api/problems "$AJ") $(total /api/problems "$BJ")"
expect_eq "the cm sees both: 12 persons" 12 "$(total "/api/persons?unit_id=0" "$JAR")"
PB=$(sql "SELECT id FROM persons WHERE name = '乙镇干部1'")
CB=$(sql "SELECT id FROM clues WHERE unit_id = $UB ORDER BY id LIMIT 1")
WB=$(sql "SELECT id FROM problems WHERE unit_id = $UB ORDER BY id LIMIT 1")
OB=$(sql "SELECT id FROM outcomes WHERE unit_id = $UB AND sanctioned = 1 ORDER BY id LIMIT 1")
expect_eq "townA: 乙镇's person, clue, problem, outcome answer 404" "404 404 404 404" \
	"$(for p in "/api/persons/$PB" "/api/clues/$CB" "/api/problems/$WB" "/api/outcomes/$OB"; do status "$(api GET "$p" "" "$AJ")"; done | tr '\n' ' ' | sed 's/ $//')"
expect_eq "townB: the same records: 200" "200 200 200" \
	"$(for p in "/api/persons/$PB" "/api/clues/$CB" "/api/problems/$WB"; do status "$(api GET "$p" "" "$BJ")"; done | tr '\n' ' ' | sed 's/ $//')"
# a case handler's list: his team's cases only
KA=$(sql "SELECT c.id FROM cases c JOIN units u ON u.id = c.unit_id WHERE u.name = '甲镇'")
KB=$(sql "SELECT c.id FROM cases c JOIN units u ON u.id = c.unit_id WHERE u.name = '乙镇'")
expect_eq "inv on 甲镇's case team" 200 \
	"$(status "$(api POST "/api/cases/$KA/team" "{\"user_id\":$(sql "SELECT id FROM users WHERE name = 'inv'"),\"role\":\"member\"}")")"
expect_eq "the cm's case list: both cases" "$KA $KB" "$(ids /api/cases)"
expect_eq "inv's case list: exactly his case, total 1" "$KA 1" "$(ids /api/cases "$IJ") $(total /api/cases "$IJ")"
expect_eq "... another case: 404" 404 "$(status "$(api GET "/api/cases/$KB" "" "$IJ")")"

# ---- /ratings' unit table ---------------------------------------------------------------------
R=$(curl -s -b "$JAR" "$BASE/ratings?from=2026-11-01&to=2026-11-30")
rows=$(grep -o '<tr><td><a href="/ratings?within=[0-9]*">评价单位[0-9]*</a>' <<<"$R" | sed 's/.*>评价单位//; s/<.*//' | tr '\n' ' ' | sed 's/ $//')
expect_eq "50 units shown: the most rated, then by name" "$(seq -f %02g 6 55 | tr '\n' ' ' | sed 's/ $//')" "$rows"
expect_contains "the rest in one row: 其余5个单位, 5 ratings, 3 five-star, 60.0%" \
	'<tr class="rest"><td>其余5个单位</td><td class="num">5</td><td class="num">3</td><td class="num">60.0%</td></tr>' "$R"
want=$(sql "SELECT count(*) || ' ' || sum(CASE WHEN stars = 5 THEN 1 ELSE 0 END) FROM ratings")
got=$(grep -o '合计</th><td class="num">[0-9]*</td><td class="num">[0-9]*' <<<"$R" | sed 's/<[^>]*>/ /g' | awk '{print $2, $3}')
expect_eq "合计 exact (SQL: $want)" "$want" "$got"
expect_contains "the caption says which and how to find the rest" "评价数最多的50个单位，其余5个单位合为一行" "$R"
R5=$(sql "SELECT id FROM units WHERE name = '评价单位05'")
R=$(curl -s -b "$JAR" "$BASE/ratings?from=2026-11-01&to=2026-11-30&within=$R5")
expect_contains "a unit not shown, by the unit filter: its own row" \
	"<tr><td><a href=\"/ratings?within=$R5\">评价单位05</a></td><td class=\"num\">1</td><td class=\"num\">1</td>" "$R"
case $R in *其余*) not_ok "... and no rest row" ;; *) ok "... and no rest row" ;; esac

stop_server
finish
