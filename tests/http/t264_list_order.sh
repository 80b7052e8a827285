#!/usr/bin/env bash
# t264_list_order: the clues' and the outcomes' lists in their order with
# ties (issue 16, pgwarm16k; migration 0107 on PostgreSQL).  The clue list is
# ordered by (received DESC, id DESC), the outcomes by (day DESC, id DESC);
# on PostgreSQL their indexes clues_received and outcomes_day now end with
# id, so a page is read in the index's order and cut at its LIMIT (at 10M
# the newest day's 3,966 clues were read and sorted for a page of 50).
# Each list, page by page, is the ids SQL gives in that order, with days
# that hold several records (the id breaks the tie); on PostgreSQL the
# indexes are (day, id) and the order is read from them without a sort.
# SQLite's indexes end with the rowid already (no migration): the same
# order checks run there.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/order.jsonl
python3 - "$F" <<'PY'
import json, sys
out = open(sys.argv[1], "w", encoding="utf-8")
w = lambda o: out.write(json.dumps(o, ensure_ascii=False) + "\n")
w({"type": "unit", "id": "U1", "name": "序局", "kind": "department", "parent": None})
# 14 clues on three days, seven of them on the newest: the page of 3 cuts a day
days = ["2022-05-02"] * 7 + ["2022-05-01"] * 4 + ["2022-04-30"] * 3
for k, d in enumerate(days):
    w({"type": "person", "id": f"P{k}", "name": f"序人{k}", "unit": "U1", "rank": "staff"})
    # the file's order is not the days' order: ids do not follow the days
    w({"type": "clue", "id": f"C{k}", "received": days[(k * 5) % len(days)], "source": "report",
       "subjects": [f"P{k}"]})
    w({"type": "outcome", "person": f"P{k}", "case": None, "clue": f"C{k}",
       "date": days[(k * 3) % len(days)].replace("2022-05", "2022-08").replace("2022-04", "2022-07"),
       "measures": ["talk_reminder"]})
PY
import_fixture "$F"
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
expect_eq "14 clues on three days, 7 on the newest" "14 7" \
	"$(sql "SELECT count(*) FROM clues") $(sql "SELECT count(*) FROM clues WHERE received = '2022-05-02'")"
expect_eq "14 outcomes, several a day" "14 3" \
	"$(sql "SELECT count(*) FROM outcomes") $(sql "SELECT count(DISTINCT day) FROM outcomes")"

# ids PATH: the ids of every page of /api/PATH at 3 a page
ids() {
	local p=1 out="" got
	while [ "$p" -le 10 ]; do
		got=$(body "$(api GET "/api/$1?per=3&page=$p")" |
			python3 -c 'import json,sys; print(*[i["id"] for i in json.load(sys.stdin)["items"]])')
		[ -n "$got" ] || break
		out="${out:+$out }$got"
		p=$((p + 1))
	done
	echo "$out"
}
expect_eq "the clue list, every page, as SQL's (received DESC, id DESC)" \
	"$(sql "SELECT id FROM clues ORDER BY received DESC, id DESC" | paste -sd' ')" "$(ids clues)"
expect_eq "the outcomes list, every page, as SQL's (day DESC, id DESC)" \
	"$(sql "SELECT id FROM outcomes ORDER BY day DESC, id DESC" | paste -sd' ')" "$(ids outcomes)"
check "... the ids do not follow the days (the tie-break is tested, not the insert order)" \
	test "$(sql "SELECT id FROM clues ORDER BY received DESC, id DESC" | paste -sd' ')" != \
	"$(sql "SELECT id FROM clues ORDER BY id DESC" | paste -sd' ')"

if [ "$BACKEND" = pg ]; then
	expect_eq "PostgreSQL: clues_received and outcomes_day end with id (0107)" \
		"CREATE INDEX clues_received ON public.clues USING btree (received, id)|CREATE INDEX outcomes_day ON public.outcomes USING btree (day, id)" \
		"$(sql "SELECT indexdef FROM pg_indexes WHERE indexname IN ('clues_received', 'outcomes_day') ORDER BY indexname" | paste -sd'|')"
	# the order read from the index, no sort (incremental or whole): what
	# the lists' plans need at 10M; a sort is taken only when no index gives
	# the order (enable_sort off)
	plan() { sql "SET enable_sort = off; SET enable_incremental_sort = off; SET enable_seqscan = off; EXPLAIN $1" | paste -sd' '; }
	P1=$(plan "SELECT id FROM clues ORDER BY received DESC, id DESC LIMIT 3")
	expect_contains "... the clues' page read backward in clues_received" "Scan Backward using clues_received" "$P1"
	check "... without a sort ($P1)" bash -c '! grep -q Sort <<<"$1"' _ "$P1"
	P2=$(plan "SELECT id FROM outcomes ORDER BY day DESC, id DESC LIMIT 3")
	expect_contains "... the outcomes' page read backward in outcomes_day" "Scan Backward using outcomes_day" "$P2"
	check "... without a sort ($P2)" bash -c '! grep -q Sort <<<"$1"' _ "$P2"
fi

stop_server
check "no sanitizer report" server_clean
finish
