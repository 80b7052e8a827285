#!/usr/bin/env bash
# t249_whole_counts: a list's first view after a write counts its whole
# table alone when the filter selects every row (issue 16, first16h;
# store/q_util.h Q_WHOLE_COUNT).  On /outcomes, /detentions, /problems,
# /worklog and /targets, unfiltered and filtered, the count the page shows
# (「共 N 条」) and the JSON list's total equal count(*) in SQL; the work
# log's sums (数量合计, 参加人次合计) and the problems' counts by source
# (按来源) equal SQL's; after rows are added in SQL and a write through
# the API (the kept renderings dropped) the pages show the new counts.
# The target tasks' page lists its rows in the order of its ORDER BY
# (newest year, ledger, deadline, id), compared with SQL's.  The plans
# (SQLite: EXPLAIN QUERY PLAN): the whole table's counts read an index
# alone, the by-source counts walk problems_source_found, the target
# tasks' page is read in order from target_ledgers_year (migration 0092)
# with no sort; PostgreSQL: the index exists.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/fixture.jsonl
python3 - >"$F" <<'PY'
import json
w = lambda o: print(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
for u in (1, 2):
    w({"type": "unit", "id": f"U{u}", "name": f"全表{u}局", "kind": "department", "parent": None})
for p in range(12):
    w({"type": "person", "id": f"P{p}", "name": f"全表干部{p}", "unit": f"U{1 + p % 2}", "position": "科员",
       "rank": "section", "top_leader": False, "leadership": False, "party_member": True})
for k in range(12):
    day = f"2022-{1 + k:02d}-05"
    w({"type": "clue", "id": f"C{k}", "received": day, "source": "report", "subjects": [f"P{k}"]})
    w({"type": "disposition", "clue": f"C{k}", "decided": f"2022-{1 + k:02d}-06", "method": "preliminary_verification"})
    if k < 6:
        w({"type": "disposition", "clue": f"C{k}", "decided": f"2022-{1 + k:02d}-08", "method": "file_case",
           "approved_by": "县纪委书记", "committee_by": "县委书记", "committee_day": f"2022-{1 + k:02d}-08"})
        w({"type": "case", "id": f"A{k}", "clue": f"C{k}", "filed": f"2022-{1 + k:02d}-08",
           "case_type": "discipline", "organ_kind": "office", "organ_name": "第一审查调查室", "categories": ["integrity"]})
        if k < 4:
            w({"type": "detention", "case": f"A{k}", "person": f"P{k}", "start": f"2022-{1 + k:02d}-10",
               "end": f"2022-{2 + k:02d}-10", "approved_by": "省纪委监委", "approved_day": f"2022-{1 + k:02d}-09",
               "announced_at": f"2022-{1 + k:02d}-10T09:00"})
    else:
        w({"type": "outcome", "person": f"P{k}", "case": None, "clue": f"C{k}", "date": f"2022-{1 + k:02d}-20",
           "measures": ["talk_reminder"]})
for q in range(15):
    w({"type": "problem", "unit": f"U{1 + q % 2}", "source": ("political", "other")[q % 2],
       "summary": f"全表问题{q}", "found": f"2022-{1 + q % 12:02d}-03", "deadline": "2027-12-31"})
for v in range(20):
    w({"type": "activity", "id": f"V{v}", "kind": "spot_check", "date": f"2022-{1 + v % 12:02d}-04",
       "count": 1 + v % 3, "office": "党风政风监督室", "title": f"全表检查{v}", "category": "eight_rules"})
for g in range(9):
    w({"type": "target", "id": f"G{g}", "year": 2021 + g % 2, "ledger": f"全表台账{g % 3}", "aspect": "leadership",
       "title": f"全表任务{g}", "office": "第一监督检查室", "deadline": f"2022-{12 - g:02d}-30"})
PY
import_fixture "$F"
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"

page() { curl -s -b "$JAR" "$BASE$1"; }
count_of() { grep -o '<span class="count"[^>]*>[^<]*</span>' <<<"$1" | sed 's/<[^>]*>//g' | head -1; }
# shown PATH WANT: the page's 共 N 条 and the JSON list's total are WANT
shown() {
	local path=$1 want=$2 P
	P=$(page "$path")
	case $(count_of "$P") in
	"共 $want 条"*) ok "$path: 共 $want 条" ;;
	*) not_ok "$path: 共 $want 条 (got '$(count_of "$P")')" ;;
	esac
	expect_eq "/api$path: total" "$want" "$(curl -s -b "$JAR" "$BASE/api$path" | jget '["total"]')"
}
# every list, unfiltered and filtered, against SQL
lists() {
	local when=$1
	shown /outcomes "$(sql "SELECT count(*) FROM outcomes")"
	shown "/outcomes?from=2022-10-01" "$(sql "SELECT count(*) FROM outcomes WHERE day >= '2022-10-01'")"
	shown /detentions "$(sql "SELECT count(*) FROM detentions")"
	shown "/detentions?from=2022-03-01" "$(sql "SELECT count(*) FROM detentions WHERE start_day >= '2022-03-01'")"
	shown /problems "$(sql "SELECT count(*) FROM problems")"
	shown "/problems?found_from=2022-06-01" "$(sql "SELECT count(*) FROM problems WHERE found >= '2022-06-01'")"
	shown /worklog "$(sql "SELECT count(*) FROM activities")"
	shown "/worklog?from=2022-06-01" "$(sql "SELECT count(*) FROM activities WHERE day >= '2022-06-01'")"
	shown /targets "$(sql "SELECT count(*) FROM target_tasks")"
	shown "/targets?year=2022" "$(sql "SELECT count(*) FROM target_tasks t JOIN target_ledgers l ON l.id = t.ledger_id WHERE l.year = 2022")"
	expect_contains "$when: /worklog's sums" "$(sql "SELECT '数量合计 ' || sum(count) || '，参加人次合计 ' || COALESCE(sum(participants), 0) FROM activities")" "$(page /worklog)"
	expect_contains "$when: /worklog?from=2022-06-01's sums" "$(sql "SELECT '数量合计 ' || sum(count) || '，参加人次合计 ' || COALESCE(sum(participants), 0) FROM activities WHERE day >= '2022-06-01'")" "$(page "/worklog?from=2022-06-01")"
	P=$(page /problems)
	for s in political other; do
		expect_contains "$when: /problems by source $s" "source=$s\">$(sql "SELECT count(*) FROM problems WHERE source = '$s'")<" \
			"$(sed 's/>[^<>0-9]* \([0-9]*\)</>\1</g' <<<"$P")"
	done
	# the target tasks' page in its order
	expect_eq "$when: /targets in order" "$(sql "SELECT t.id FROM target_tasks t JOIN target_ledgers l ON l.id = t.ledger_id ORDER BY l.year DESC, t.ledger_id, t.deadline, t.id" | head -20 | tr '\n' ' ')" \
		"$(curl -s -b "$JAR" "$BASE/api/targets" | python3 -c 'import json,sys; print(" ".join(str(i["id"]) for i in json.load(sys.stdin)["items"]) + " ")')"
}
expect_eq "the fixture's rows" "4 6 15 20 9" "$(sql "SELECT (SELECT count(*) FROM detentions) || ' ' || (SELECT count(*) FROM outcomes) || ' ' || (SELECT count(*) FROM problems) || ' ' || (SELECT count(*) FROM activities) || ' ' || (SELECT count(*) FROM target_tasks)")"
lists before
# each list's first view again (kept), then rows added in SQL and a write
# through the API: the kept renderings dropped, the new counts shown
for p in /outcomes /detentions /problems /worklog /targets; do page "$p" >/dev/null; done
NOW=$(now_sql)
P0=$(sql "SELECT min(id) FROM persons")
U1=$(sql "SELECT min(id) FROM units")
sql "INSERT INTO problems (unit_id, source, summary, found, deadline, state, created_at) SELECT unit_id, 'other', '全表问题新', '2022-11-11', deadline, state, $NOW FROM problems WHERE id = (SELECT min(id) FROM problems)" >/dev/null
sql "INSERT INTO activities (kind, day, count, unit_id, title, created_at) VALUES ('spot_check', '2022-12-01', 5, $U1, '全表检查新', $NOW)" >/dev/null
sql "INSERT INTO target_tasks (ledger_id, aspect, title, office, deadline, created_at) SELECT max(id), 'leadership', '全表任务新', '', '2022-01-15', $NOW FROM target_ledgers" >/dev/null
expect_eq "the rows added" "16 21 10" "$(sql "SELECT (SELECT count(*) FROM problems) || ' ' || (SELECT count(*) FROM activities) || ' ' || (SELECT count(*) FROM target_tasks)")"
expect_eq "a write through the API" 201 "$(status "$(api POST /api/units '{"name":"全表新局","kind":"department"}')")"
lists after

# the plans
if [ "$BACKEND" = pg ]; then
	expect_contains "0092: target_ledgers_year" "(year DESC, id)" \
		"$(sql "SELECT indexdef FROM pg_indexes WHERE indexname = 'target_ledgers_year'")"
else
	for t in outcomes detentions problems activities target_tasks; do
		Q=$(sql "EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT 1 FROM $t LIMIT 10001) capped")
		expect_contains "$t: the whole count reads an index alone" "COVERING INDEX" "$Q"
	done
	Q=$(sql "EXPLAIN QUERY PLAN WITH RECURSIVE s(source) AS (SELECT min(source) FROM problems UNION ALL SELECT (SELECT min(x.source) FROM problems x WHERE x.source > s.source) FROM s WHERE s.source IS NOT NULL) SELECT source, (SELECT count(*) FROM problems p WHERE p.source = s.source) FROM s WHERE source IS NOT NULL")
	case $Q in *"SCAN problems"*|*"SCAN p "*|*"SCAN x"*) not_ok "by source: no walk of the ledger ($Q)" ;; *) ok "by source: no walk of the ledger" ;; esac
	expect_contains "by source: problems_source_found" "problems_source_found (source=?)" "$Q"
	sql "ANALYZE" >/dev/null   # the tables' statistics, as a database in use has them
	Q=$(sql "EXPLAIN QUERY PLAN SELECT t.id FROM target_tasks t JOIN target_ledgers l ON l.id = t.ledger_id JOIN target_aspects a ON a.code = t.aspect LEFT JOIN users u ON u.id = t.leader_id WHERE (0 = 0 OR t.ledger_id = 1) ORDER BY l.year DESC, l.id, t.deadline, t.id LIMIT 20")
	expect_contains "/targets: read from target_ledgers_year" "target_ledgers_year" "$Q"
	case $Q in *"TEMP B-TREE"*) not_ok "/targets: nothing sorted ($Q)" ;; *) ok "/targets: nothing sorted" ;; esac
fi
check "server log clean" server_clean
finish
