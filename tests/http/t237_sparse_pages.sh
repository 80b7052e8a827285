#!/usr/bin/env bash
# t237_sparse_pages: the last pages that read a whole large table (issue 16,
# sparse16).
# - /ratings' unit table and its 合计 come from the rollup (stat `rating` by
#   unit, q_metric_rollup_units): every unit's ratings and five-star count
#   equal a GROUP BY of the ratings (the live statement) for no period, a
#   period of edge days, whole months and a whole year, and a unit from a
#   day on (within), after an import, a second import (added), and
#   corrections in SQL (a rating moved across a year end, to another unit,
#   out of the five stars) with a deletion; a figure changed in metric_years shows on
#   the page (the page reads the rollup), and with the rollup off
#   (metric_state.live = 0) the live statement answers the same.
# - A township user's clues and problems: a sparse jurisdiction (a township
#   and its village, 22 clues and 19 problems: below q_scope.h's
#   Q_SCOPE_PAGE_LEAD_BELOW, the page led by the jurisdiction, its ids picked
#   first: Q_PAGE_KEYS) and a denser one (2,100 and 2,050: the page in date
#   order up to sparse16b, led since the cut is 10,000) get exactly their
#   rows in order, page 1 and a later page, with their totals, unfiltered
#   and filtered (a subject's name, a found date), and the problems' counts
#   by source.  On PostgreSQL the clues' count and both led pages are led
#   by an array (q_scope.h Q_SCOPE_LEAD_PG, pgplan16f).  The walk in date order is every unscoped
#   user's page (t223, t231).
# - The recoveries ledger's sum (the rollup's recovery kinds) equals the sum
#   of the rows right after an import, an entry through the API, a
#   correction with a deletion in SQL, for every filter (kind, campaign,
#   period); a kind that is a stat of another family sums nothing.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/fixture.jsonl
python3 - >"$F" <<'PY'
import json
w = lambda o: print(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
# a sparse township (its rows the oldest: a walk in date order would pass
# every row of the dense one first) and a dense one
for t, name, nk, nq, year in (("S", "稀镇", 15, 12, 2019), ("D", "密镇", 2100, 2050, 2024)):
    w({"type": "unit", "id": f"U{t}", "name": name, "kind": "township", "parent": None})
    for p in range(3):
        w({"type": "person", "id": f"P{t}{p}", "name": f"{name}干部{p}", "unit": f"U{t}", "position": "科员",
           "rank": "section", "top_leader": False, "leadership": False, "party_member": True})
    for k in range(nk):     # equal days in pairs: the id breaks the tie
        w({"type": "clue", "id": f"C{t}{k}", "received": f"{year + k % 2}-{1 + k // 2 % 12:02d}-{1 + k // 24 % 28:02d}",
           "source": "report", "subjects": [f"P{t}{k % 3}"]})
    for q in range(nq):
        w({"type": "problem", "unit": f"U{t}", "source": "political", "summary": f"{name}问题{q}",
           "found": f"{year + q % 2}-{1 + q // 2 % 12:02d}-{1 + q // 24 % 28:02d}", "deadline": "2027-12-31"})
# a village under the sparse township (his jurisdiction is both: the led
# page merges two units' rows), its days between the township's
w({"type": "unit", "id": "UV", "name": "稀村", "kind": "village", "parent": "US"})
w({"type": "person", "id": "PV0", "name": "稀村干部0", "unit": "UV", "position": "村委", "rank": "village",
   "top_leader": False, "leadership": False, "party_member": True})
for k in range(7):
    w({"type": "clue", "id": f"CV{k}", "received": f"{2019 + k % 2}-{1 + k:02d}-{1 + k // 2:02d}",
       "source": "report", "subjects": ["PV0"]})
    w({"type": "problem", "unit": "UV", "source": "political", "summary": f"稀村问题{k}",
       "found": f"{2019 + k % 2}-{1 + k:02d}-{1 + k // 2:02d}", "deadline": "2027-12-31"})
# six rated units, ratings over 2024-2026
for n in range(1, 7):
    w({"type": "unit", "id": f"R{n}", "name": f"评价单位{n}", "kind": "department", "parent": None})
for i in range(90):
    d = f"{2024 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    w({"type": "rating", "unit": f"R{1 + i % 6}", "stars": 1 + i % 5, "date": d, "key": f"k{i}"})
for i, (d, a, k) in enumerate((("2024-03-01", "100.50", "recovered"), ("2024-12-31", "2000", "returned"),
                              ("2025-06-15", "333.33", "confiscated"), ("2026-01-02", "7", "ordered"))):
    w({"type": "recovery", "date": d, "amount": a, "kind": k})
PY
import_fixture "$F"
US=$(sql "SELECT id FROM units WHERE name = '稀镇'"); UD=$(sql "SELECT id FROM units WHERE name = '密镇'")
UV=$(sql "SELECT id FROM units WHERE name = '稀村'")
ready_user townS --role township --unit "$US" --password-stdin >/dev/null
ready_user townD --role township --unit "$UD" --password-stdin >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in townS townD; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
SJ=$T_DIR/townS.jar DJ=$T_DIR/townD.jar

# ---- /ratings ---------------------------------------------------------------------------------
# unit_rows ARGS: the page's unit rows "name n five" by name, ";"-joined, then "| 合计 n five"
unit_rows() {
	curl -s -b "$JAR" "$BASE/ratings?$1" | python3 -c '
import re, sys
h = sys.stdin.read()
rows = sorted(f"{m[0]} {m[1]} {m[2]}" for m in re.findall(
    r"<tr><td><a href=\"/ratings\?within=\d+\">([^<]*)</a></td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>", h))
t = re.search(r"合计</th><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>", h)
print(";".join(rows), "| 合计", t.group(1) if t else "-", t.group(2) if t else "-")'
}
# live_rows WHERE: the same from the ratings (the live statement's GROUP BY)
live_rows() {
	local rows tot
	rows=$(sql "SELECT u.name || ' ' || count(*) || ' ' || sum(CASE WHEN r.stars = 5 THEN 1 ELSE 0 END) FROM ratings r JOIN units u ON u.id = r.unit_id WHERE $1 GROUP BY u.name ORDER BY u.name" | tr '\n' ';' | sed 's/;$//')
	tot=$(sql "SELECT count(*) || ' ' || COALESCE(sum(CASE WHEN r.stars = 5 THEN 1 ELSE 0 END), 0) FROM ratings r WHERE $1")
	echo "$rows | 合计 $tot"
}
R3=$(sql "SELECT id FROM units WHERE name = '评价单位3'")
ratings_agree() {   # LABEL: every period and the unit filter against the live GROUP BY
	expect_eq "$1: no period" "$(live_rows "1 = 1")" "$(unit_rows "")"
	expect_eq "$1: 2024-03-15..2026-02-10 (edge days, months, a year)" \
		"$(live_rows "r.day >= '2024-03-15' AND r.day <= '2026-02-10'")" "$(unit_rows "from=2024-03-15&to=2026-02-10")"
	expect_eq "$1: from 2025-07-09 on, 评价单位3 (within)" "$(live_rows "r.day >= '2025-07-09' AND r.unit_id = $R3")" \
		"$(unit_rows "from=2025-07-09&within=$R3")"
}
ratings_agree "imported"
cat >"$T_DIR/more.jsonl" <<'EOF'
{"type":"rating","unit":"R5","stars":5,"date":"2025-07-09","key":"m1"}
{"type":"rating","unit":"R6","stars":5,"date":"2026-02-10","key":"m2"}
{"type":"rating","unit":"R3","stars":2,"date":"2024-03-15","key":"m3"}
EOF
import_fixture "$T_DIR/more.jsonl" "three more ratings"
ratings_agree "added"
X1=$(sql "SELECT min(id) FROM ratings WHERE stars = 5"); X2=$(sql "SELECT max(id) FROM ratings WHERE stars = 5")
X3=$(sql "SELECT min(id) FROM ratings WHERE stars = 3")
sql "UPDATE ratings SET day = '2025-12-31' WHERE id = $X1"      # across a year end
sql "UPDATE ratings SET unit_id = $R3 WHERE id = $X3"           # another unit
sql "UPDATE ratings SET stars = 4 WHERE id = $X2"               # out of the five stars
sql "DELETE FROM ratings WHERE id = $(sql "SELECT max(id) FROM ratings r WHERE unit_id = $R3 AND NOT EXISTS (SELECT 1 FROM bad_reviews b WHERE b.rating_id = r.id)")"
ratings_agree "changed and deleted"
run_cli stats check --db "$DB"
expect_eq "stats check: the rollup agrees with the records" 0 "$RC"
# the page reads the rollup: a year's figure changed there shows; the live
# statement when the rollup is off
Y=$(sql "SELECT year FROM metric_years WHERE stat = 'rating' AND dim = 'unit' AND val = '$R3' AND n > 0 ORDER BY year LIMIT 1")
want=$(live_rows "1 = 1")
sql "UPDATE metric_years SET n = n + 1000 WHERE stat = 'rating' AND dim = 'unit' AND val = '$R3' AND year = '$Y'"
case " $(unit_rows "") " in *"评价单位3 $(( $(sql "SELECT count(*) FROM ratings WHERE unit_id = $R3") + 1000 )) "*)
	ok "a figure changed in metric_years shows on the page (it reads the rollup)" ;;
*) not_ok "a figure changed in metric_years shows on the page (it reads the rollup)" ;; esac
sql "UPDATE metric_state SET live = 0"
expect_eq "the rollup off: the live statement, the same rows" "$want" "$(unit_rows "")"
sql "UPDATE metric_years SET n = n - 1000 WHERE stat = 'rating' AND dim = 'unit' AND val = '$R3' AND year = '$Y'"
sql "UPDATE metric_state SET live = 1"
expect_eq "the rollup on again: the same rows" "$want" "$(unit_rows "")"

# ---- a township user's clues and problems, sparse and dense -----------------------------------
# page_ids PATH JAR: the ids of one page in its order, then "| total"
page_ids() {
	api GET "$1" "" "$2" | head -n -1 | python3 -c 'import json,sys; d=json.load(sys.stdin); print("".join(str(x["id"]) + " " for x in d["items"]) + "|", d["total"])'
}
# a filter of each list (sparse16b: the led page applies it while picking
# its ids): a subject's name (the clue's only subject) and a found date
SUBJ=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("干部1"))')
for l in clues problems; do
	day=received; [ $l = problems ] && day=found
	for who in S D; do
		u="$US, $UV" j=$SJ; [ $who = D ] && u=$UD j=$DJ
		for f in "" F; do
			q="" where=""
			[ -n "$f" ] && [ $l = clues ] && q="&subject=$SUBJ" where="AND EXISTS (SELECT 1 FROM clue_subjects cs JOIN persons p ON p.id = cs.person_id WHERE cs.clue_id = $l.id AND p.name LIKE '%干部1')"
			[ -n "$f" ] && [ $l = problems ] && q="&found_from=2020-01-01" where="AND found >= '2020-01-01'"
			n=$(sql "SELECT count(*) FROM $l WHERE unit_id IN ($u) $where")
			pages="1 2"; [ $who = D ] && pages="1 $(( n / 100 ))"
			for p in $pages; do     # the API's pages of 100
				want=$(sql "SELECT id FROM $l WHERE unit_id IN ($u) $where ORDER BY $day DESC, id DESC LIMIT 100 OFFSET $(( (p - 1) * 100 ))" | tr '\n' ' ')
				expect_eq "town$who's /api/$l?page=$p$q: his rows in order, total $n" "${want}| $n" "$(page_ids "/api/$l?page=$p$q" "$j")"
			done
		done
	done
done
expect_eq "the jurisdictions' sizes: two units; one unit, above sparse16's cut of 2,000" "22 19 2100 2050" \
	"$(for u in "$US, $UV" $UD; do for l in clues problems; do sql "SELECT count(*) FROM $l WHERE unit_id IN ($u)"; done; done | tr '\n' ' ' | sed 's/ $//')"
r=$(http_get "$H" -b "$SJ" "$BASE/clues")
expect_eq "townS's /clues page: 200" 200 "$r"
expect_contains "... 共 22 条" "共 22 条" "$(cat "$H.b")"
# the problems' counts by source, led by the jurisdiction like the count
for who in S D; do
	j=$SJ n=19; [ $who = D ] && j=$DJ n=2050
	r=$(http_get "$H" -b "$j" "$BASE/problems")
	expect_eq "town$who's /problems page: 200" 200 "$r"
	expect_contains "... by source: 政治监督 $n" "政治监督 $n</a>" "$(cat "$H.b")"
done

# ---- the recoveries ledger's sum --------------------------------------------------------------
CAMP=$(body "$(api POST /api/campaigns '{"name":"追缴专项","start":"2024-01-01"}')" | jget '["id"]')
# sums_agree LABEL: sum_fen and total of /api/recoveries against SQL, for each filter
sums_agree() {
	local args where got want
	while IFS='#' read -r args where; do
		got=$(api GET "/api/recoveries?$args" | head -n -1 | jget '["sum_fen"]')
		want=$(sql "SELECT COALESCE(sum(amount_fen), 0) FROM recoveries r WHERE $where")
		expect_eq "$1: sum of ?$args" "$want" "$got"
	done <<EOF
#1 = 1
kind=returned#r.kind = 'returned'
campaign_id=$CAMP#r.campaign_id = $CAMP
recovery_kind=ordered&recovered_from=2024-06-01&recovered_to=2025-06-15#r.kind = 'ordered' AND r.day >= '2024-06-01' AND r.day <= '2025-06-15'
kind=rating#r.kind = 'rating'
EOF
	expect_eq "$1: the count" "$(sql "SELECT count(*) FROM recoveries")" "$(api GET /api/recoveries | head -n -1 | jget '["total"]')"
}
sums_agree "imported"
expect_eq "an entry through the API: 201" 201 \
	"$(status "$(api POST /api/recoveries "{\"day\":\"2025-03-03\",\"amount\":\"1234.56\",\"kind\":\"ordered\",\"campaign_id\":$CAMP}")")"
sums_agree "added"
sql "UPDATE recoveries SET amount_fen = amount_fen + 99, day = '2026-05-05' WHERE kind = 'returned'"
sql "UPDATE recoveries SET campaign_id = $CAMP WHERE kind = 'confiscated'"
sql "DELETE FROM recoveries WHERE kind = 'recovered'"
sums_agree "changed and deleted"
r=$(http_get "$H" -b "$JAR" "$BASE/accountability")
expect_contains "the ledger's 合计 on the page: the exact sum" \
	"$(sql "SELECT count(*) FROM recoveries") 笔" "$(cat "$H.b")"

check "the server logged no sanitizer error" server_clean
stop_server
finish
