#!/usr/bin/env bash
# opinion.sh: issue 15's opinion-reply benchmark (bench/README.md, "Opinion
# replies: 2,000 cadres").
#
# A national year of STATS_RECORDS records (bench/gen-national.py, as
# bench/stats.sh loads it; default 10,000,000, at most 100,000,000) in SQLite;
# 1,000 of its persons get an ID number through the app (PUT /api/persons,
# so the keyed MAC is the app's); then one request of 2,000 cadres, 1,000
# named by ID number and 1,000 by name and unit (a name unique in its unit),
# half of them persons with a clue, case or outcome:
#   match     POST /api/opinions: the list parsed, stored and matched
#   check     POST /api/opinions/{id}/check: open cases, clues, reports and
#             the outcomes' influence periods on the reply day, the proposals
# best of 3 (a new request each run), against the floor: the same number of
# indexed lookups, 2,000 SELECT id FROM persons WHERE id_number_mac = ? in
# one sqlite3 process (best of 3).  Prints match + check, the ratio to the
# floor, and PASS/MISS against 2 s.
#
# Environment: QF_BIN, BENCH_KEEP as bench/run.sh; STATS_RECORDS.  Needs
# curl, python3, sqlite3.  Exits non-zero when setup or a check fails, 0
# whatever the verdict.

# shellcheck source=bench/lib.sh disable=SC2154,SC2034
. "$(dirname "$0")/lib.sh"

RECORDS=${STATS_RECORDS:-10000000}
REGION=230100
CADRES=2000
RUNS=3
T_S=2
DAY=2022-12-20
in_range "$RECORDS" 10000 100000000 || die "STATS_RECORDS must be 10000 to 100000000"
national_setup qf-bench-opinion

echo "bench: generating a national year of $RECORDS records (bench/gen-national.py)"
GEN_S=$(seconds python3 bench/gen-national.py "$RECORDS" "$REGION" "$GEN") || die "gen-national.py failed"
ROWS=$(awk -F'\t' '{ s += $3 } END { print s }' "$GEN/manifest.tsv")
TABLES=$(cut -f1 "$GEN/manifest.tsv" | tr '\n' ' ')
echo "bench: $ROWS rows in ${GEN_S} s"
qf_init "$SQDB"
# the office that replies (opinion_write): the bench account is the supervision office's
sql sq "UPDATE users SET role = 'supervisor' WHERE name = 'bench'" >/dev/null
state_off sq
load_sq
rebuild sq "$SQDB"
echo "bench: sq: loaded in $LOAD_S_sq s, indexes in $INDEX_S_sq s, rollup rebuilt in $REBUILD_S_sq s"
qf_start sq "$TMP/serve.log" "$SQDB"
qf_login sq

# the cadres: persons whose name is unique in their unit, every other one with a matter
python3 - "$SQDB" "$CADRES" "$TMP" <<'PY'
import sqlite3, sys
db, n, tmp = sqlite3.connect(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
q = """SELECT p.id, p.name, u.name, p.position, p.unit_id, p.rank, p.top_leader, p.leadership, p.party_member
       FROM persons p JOIN units u ON u.id = p.unit_id
       WHERE %s AND NOT EXISTS (SELECT 1 FROM persons o WHERE o.region = p.region AND o.name = p.name
                                AND o.unit_id = p.unit_id AND o.id <> p.id)
       ORDER BY p.id LIMIT ?"""
busy = db.execute(q % "EXISTS (SELECT 1 FROM outcomes o WHERE o.person_id = p.id)", (n // 2,)).fetchall()
quiet = db.execute(q % "NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.person_id = p.id)",
                   (n - len(busy),)).fetchall()
rows = [r for pair in zip(busy, quiet) for r in pair] + busy[len(quiet):] + quiet[len(busy):]
if len(rows) < n:
    sys.exit("too few persons for %d cadres" % n)
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def idnum(i):
    b = "230102%04d%02d%02d%03d" % (1960 + i % 40, 1 + i % 12, 1 + i % 28, i % 997 + 1)
    return b + "10X98765432"[sum(int(c) * x for c, x in zip(b, w)) % 11]
with open(tmp + "/ids.tsv", "w") as f, open(tmp + "/lines.csv", "w") as g:
    g.write("姓名,单位,身份证号码,职务\n")
    for i, r in enumerate(rows):
        if i % 2 == 0:      # by ID number (the unit given differs: it is not used)
            f.write("%d\t%s\t%s\t%d\t%s\t%s\t%d\t%d\t%d\n" % (r[0], idnum(i), r[1], r[4], r[3], r[5], r[6], r[7], r[8]))
            g.write("%s,%s（原单位）,%s,%s\n" % (r[1], r[2], idnum(i), r[3]))
        else:
            g.write("%s,%s,,%s\n" % (r[1], r[2], r[3]))
PY
echo "bench: giving $((CADRES / 2)) persons an ID number (PUT /api/persons)"
while IFS=$'\t' read -r pid idn name unit pos rank top lead party; do
	body=$(python3 -c 'import json,sys; a=sys.argv; print(json.dumps({"name":a[1],"unit_id":int(a[2]),"position":a[3],"rank":a[4],
		"top_leader":a[5]=="1","leadership":a[6]=="1","party_member":a[7]=="1","id_number":a[8]}, ensure_ascii=False))' \
		"$name" "$unit" "$pos" "$rank" "$top" "$lead" "$party" "$idn")
	st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_sq" -X PUT -H "X-CSRF-Token: $CSRF_sq" \
		-H 'Content-Type: application/json' --data "$body" "$BASE_sq/api/persons/$pid")
	[ "$st" = 200 ] || die "PUT /api/persons/$pid answered $st"
done <"$TMP/ids.tsv"

# the floor: 2,000 indexed lookups on persons_id_mac, one process (the
# MACs stored, and as many that match nobody)
{
	sql sq "SELECT 'SELECT id FROM persons WHERE id_number_mac = ''' || id_number_mac || ''';' FROM persons
		WHERE id_number_mac IS NOT NULL LIMIT $((CADRES / 2))"
	for i in $(seq 1 $((CADRES / 2))); do
		printf "SELECT id FROM persons WHERE id_number_mac = '%064x';\n" "$i"
	done
} >"$TMP/floor.sql"
FLOOR=$(best_of $RUNS sqlite3 -batch "$SQDB" ".read $TMP/floor.sql") || die "the floor failed"

payload() {
	python3 -c 'import json,sys; print(json.dumps({"letter_no":"基准函%s号" % sys.argv[1],"requester":"中共某某县委组织部",
		"received":"2022-12-15","purpose":"promotion","text":open(sys.argv[2]).read()}, ensure_ascii=False))' "$1" "$TMP/lines.csv" \
		>"$TMP/req.json"
}
best_match=; best_check=
for run in $(seq 1 $RUNS); do
	payload "$run"
	out=$(curl -s -w '\n%{http_code} %{time_total}' -b "$JAR_sq" -X POST -H "X-CSRF-Token: $CSRF_sq" \
		-H 'Content-Type: application/json' --data-binary "@$TMP/req.json" "$BASE_sq/api/opinions")
	read -r code t_match <<<"${out##*$'\n'}"
	[ "$code" = 201 ] || die "POST /api/opinions answered $code: ${out%$'\n'*}"
	qid=$(printf '%s' "${out%$'\n'*}" | json_id)
	pending=$(sql sq "SELECT count(*) FROM opinion_lines WHERE request_id = $qid AND matched NOT IN ('id', 'name')")
	[ "$pending" = 0 ] || die "$pending of the $CADRES cadres not matched"
	out=$(curl -s -w '\n%{http_code} %{time_total}' -b "$JAR_sq" -X POST -H "X-CSRF-Token: $CSRF_sq" \
		-H 'Content-Type: application/json' --data "{\"day\":\"$DAY\"}" "$BASE_sq/api/opinions/$qid/check")
	read -r code t_check <<<"${out##*$'\n'}"
	[ "$code" = 200 ] || die "POST /api/opinions/$qid/check answered $code: ${out%$'\n'*}"
	echo "bench: run $run: match ${t_match} s, check ${t_check} s"
	if [ -z "$best_match" ] || python3 -c "import sys; sys.exit(not $t_match + $t_check < $best_match + $best_check)"; then
		best_match=$t_match best_check=$t_check
	fi
done
proposed=$(sql sq "SELECT proposed || ' ' || count(*) FROM opinion_lines WHERE request_id = $qid GROUP BY proposed ORDER BY proposed" | tr '\n' ',')
python3 - "$RECORDS" "$best_match" "$best_check" "$FLOOR" "$T_S" "$proposed" <<'PY'
import sys
rec, m, c, floor, t = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
tot = m + c
print("bench: opinion replies, 2,000 cadres, %s records (SQLite)" % format(rec, ","))
print("  match (POST /api/opinions)   %7.3f s" % m)
print("  check (POST .../check)       %7.3f s" % c)
print("  match + check                %7.3f s   %s (< %g s)" % (tot, "PASS" if tot < t else "MISS", t))
print("  floor: 2,000 indexed lookups %7.3f s   ratio %.1fx" % (floor, tot / floor if floor > 0 else float("inf")))
print("  proposals: %s" % sys.argv[6].rstrip(","))
PY
