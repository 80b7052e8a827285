#!/usr/bin/env bash
# t259_units_order: the unit list's order and rows (issue 16, pgplan16j;
# migration 0101 units_order on PostgreSQL; q_units.c Q_LIST): the
# unscoped user's unfiltered list has a text of its own on PostgreSQL (the
# optional filters left out, so its generic plan reads units_order for the
# LIMIT instead of sorting every unit); every other list keeps the shared
# text.  Each list, page by page, is the rows SQL gives in the order (kind,
# name, id): the case manager's unfiltered list, filtered by kind, by parent
# and by name, and a township account's (its jurisdiction only); two villages
# of one name tell the id's tie-break apart.  On SQLite the same
# checks run the shared text (no index there).
cd "$(dirname "$0")/../.."
. tests/http/lib.sh

fresh_server
# two townships with their villages, two villages of the same name (the order's tie-break: the id)
TA=$(new_unit 甲镇 township) TB=$(new_unit 乙镇 township)
unit_under() { body "$(api POST /api/units "{\"name\":\"$1\",\"kind\":\"$2\",\"parent_id\":$3}")" | jget '["id"]'; }
V1=$(unit_under 东村 village "$TA") V2=$(unit_under 西村 village "$TA") V3=$(unit_under 东村 village "$TB")
D1=$(new_unit 财政局 department) D3=$(new_unit 教育局 department)
expect_eq "units made" "7" "$(for u in "$TA" "$TB" "$V1" "$V2" "$V3" "$D1" "$D3"; do [ -n "$u" ] && echo "$u"; done | wc -l)"
expect_eq "two villages named 东村 under two townships" 2 "$(sql "SELECT count(*) FROM units WHERE name = '东村'")"
if [ "$BACKEND" = pg ]; then
	expect_eq "PostgreSQL: the index units_order (0101)" 1 \
		"$(sql "SELECT count(*) FROM pg_indexes WHERE indexname = 'units_order'")"
fi

# ids JAR QUERY: the total and the ids of every page of /api/units?QUERY at 2 a page
ids() {
	local p=1 out="" got
	while :; do
		got=$(body "$(api GET "/api/units?${2:+$2&}per=2&page=$p" "" "$1")" |
			python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], *[i["id"] for i in d["items"]])')
		[ -n "$out" ] || out=${got%% *}
		[ "${got#* }" != "$got" ] || break
		out="$out ${got#* }"
		p=$((p + 1))
		[ "$p" -le 20 ] || break
	done
	echo "$out"
}
# want WHERE: the count and the ids SQL gives in the list's order
want() { echo "$(sql "SELECT count(*) FROM units u WHERE $1") $(sql "SELECT id FROM units u WHERE $1 ORDER BY kind, name, id" | paste -sd' ')"; }

expect_eq "the case manager's list, unfiltered (PostgreSQL's own text), every page as SQL" "$(want "1 = 1")" "$(ids "$JAR" "")"
expect_eq "... by kind (the shared text)" "$(want "kind = 'village'")" "$(ids "$JAR" "kind=village")"
expect_eq "... by parent" "$(want "parent_id = $TA")" "$(ids "$JAR" "parent=$TA")"
expect_eq "... by name" "$(want "name LIKE '%财政%'")" "$(ids "$JAR" "q=%E8%B4%A2%E6%94%BF")"

ready_user town --role township --unit "$TA" --password-stdin >/dev/null
TJ=$T_DIR/town.jar
expect_eq "the township account logs in" 303 "$(login town "$PW" "$TJ")"
expect_eq "... its list: 甲镇 and its villages alone, as SQL (not 乙镇's 东村)" \
	"$(want "id IN ($TA, $V1, $V2)")" "$(ids "$TJ" "")"
check "... the other 东村 out of it" bash -c '! grep -qw "$1" <<<"$2"' _ "$V3" "$(ids "$TJ" "")"

stop_server
check "no sanitizer report" server_clean
finish
