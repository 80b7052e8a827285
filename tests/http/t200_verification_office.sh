# t200_verification_office.sh: the office handling a preliminary
# verification, stored on the clue (issue 16: "No page view counts a whole
# large table"; migration 0045, docs/architecture.md "The to-do list,
# bounded").  The to-do list groups the running verifications (初步核实,
# 15 working days from the approval: 《中国共产党纪律检查机关监督执纪工作
# 规则》 art. 33 as configured in clock_limits) by the office of whoever
# proposed the verification, as that office stood when it was approved;
# clues.verification_office holds it while the verification runs.  Checked:
# the office after an approval and its clearing when the clue leaves
# verification; the to-do counts per office against the old statement (the
# proposer's office found per clue) on the demo year; a second verification
# of the same clue proposed by another office; the migration's backfill;
# a proposer who changes office later; the import round trip.
# On PostgreSQL the unscoped user's counts read 0109's verification_days
# (first16l: the running verifications counted per office and start day,
# kept by triggers on clues): after each step it equals the running
# verifications grouped by office and clock_start (SQL over clues), after
# the migration's text run again, and on the import's copy (recounted at a
# bulk import's end); a scoped user's count (live) agrees with it.
. "$(dirname "$0")/lib.sh"

O1=第一监督检查室
O2=第二监督检查室
init_db || { not_ok "init"; finish; }
ready_user sup1 --role supervisor --office "$O1" --password-stdin >/dev/null
ready_user sup2 --role supervisor --office "$O2" --password-stdin >/dev/null
ready_user lead --role leader --principal --password-stdin >/dev/null
run_cli demo --year 2022
expect_eq "the demo year loads" 0 "$RC"
# two shelved clues of the demo year to verify (shelved -> verification is
# allowed: a shelved clue taken up again)
read -r K1 K2 <<<"$(sql "SELECT id FROM clues WHERE state = 'shelved' AND forward_due IS NULL ORDER BY id LIMIT 2" | tr '\n' ' ')"
check "two shelved clues to take up" test -n "$K2"
start_server || { not_ok "server starts"; finish; }
J1=$T_DIR/sup1.jar J2=$T_DIR/sup2.jar JL=$T_DIR/lead.jar
expect_eq "cm logs in" 303 "$(login cm "$PW")"
login sup1 "$PW" "$J1" >/dev/null
login sup2 "$PW" "$J2" >/dev/null
login lead "$PW" "$JL" >/dev/null

# dispose JAR CLUE METHOD DAY: proposed by JAR's user, approved by the leader
dispose() {
	local out d
	out=$(api POST "/api/clues/$2/dispositions" "{\"method\":\"$3\",\"reason\":\"测试\"}" "$1")
	[ "$(status "$out")" = 201 ] || [ "$(status "$out")" = 200 ] || { echo "# propose: $out"; return 1; }
	d=$(sql "SELECT max(id) FROM dispositions WHERE clue_id = $2 AND state = 'proposed'")
	out=$(api POST "/api/dispositions/$d/decision" "{\"approve\":true,\"day\":\"$4\"}" "$JL")
	[ "$(status "$out")" = 200 ] || { echo "# decide: $out"; return 1; }
}
office_of() { sql "SELECT COALESCE(verification_office, 'NULL') FROM clues WHERE id = $1"; }

# ---- the office on approval ---------------------------------------------------------------
check "sup1 proposes a verification of K1, the leader approves" dispose "$J1" "$K1" preliminary_verification 2022-12-01
expect_eq "K1 verifying, its clock started, under sup1's office" "preliminary_verification|2022-12-01|$O1" \
	"$(sql "SELECT state || '|' || clock_start || '|' || verification_office FROM clues WHERE id = $K1")"
check "sup2 proposes a verification of K2, approved" dispose "$J2" "$K2" preliminary_verification 2022-12-02
expect_eq "K2 under sup2's office" "$O2" "$(office_of "$K2")"
http_get "$T_DIR/k1" -b "$JAR" "$BASE/clues/$K1" >/dev/null
expect_contains "the clue page names the verification's office" "<dt>初核科室</dt><dd>$O1</dd>" "$(cat "$T_DIR/k1.b")"
expect_eq "the demo's verifications (imported, no proposer) count under no office" "12" \
	"$(sql "SELECT count(*) FROM clues WHERE state = 'preliminary_verification' AND verification_office = ''")"

# ---- the counts per office against the old statement ------------------------------------------
# OLD: the statement the count ran before 0045, the proposer's office of
# the latest approved verification found per clue
OLD="SELECT COALESCE((SELECT w.office FROM dispositions d JOIN users w ON w.id = d.proposed_by
	WHERE d.clue_id = k.id AND d.method = 'preliminary_verification' AND d.state = 'approved'
	ORDER BY d.id DESC LIMIT 1), '')"
old_counts() {
	sql "SELECT o, count(*) FROM ($OLD AS o FROM clues k WHERE k.state = 'preliminary_verification') x
		GROUP BY o ORDER BY o" | sed 's/^|/(none)|/' | tr '\n' ' '
}
# the to-do list's verifications per office, every page of /api/notices
todo_counts() {
	local p=1 out
	: >"$T_DIR/items"
	while :; do
		out=$(body "$(api GET "/api/notices?page=$p")")
		n=$(jget '["items"].__len__()' <<<"$out")
		[ "$n" -gt 0 ] || break
		printf '%s\n' "$out" >>"$T_DIR/items"
		p=$((p + 1))
	done
	python3 - "$T_DIR/items" <<'PY'
import collections, json, sys
c = collections.Counter()
for line in open(sys.argv[1]):
    for i in json.loads(line)["items"]:
        if i["kind"] == "clock" and i["href"].startswith("/clues/") and "初步核实" in i["what"]:
            c[i["office"] or "(none)"] += 1
print(" ".join(f"{o}|{n}" for o, n in sorted(c.items(), key=lambda x: x[0].replace("(none)", ""))), end=" ")
PY
}
# kept_diff [SQLFN]: verification_days' non-zero rows against the running
# verifications grouped (0109, PostgreSQL), both ways; "0" on SQLite
KEPT_LIVE="SELECT COALESCE(verification_office, ''), CAST(verification_office IS NULL AS INTEGER), clock_start, count(*)
	FROM clues WHERE state = 'preliminary_verification' AND clock_start IS NOT NULL GROUP BY 1, 2, 3"
kept_diff() {
	[ "$BACKEND" = pg ] || { echo 0; return; }
	${1:-sql} "SELECT (SELECT count(*) FROM (SELECT office, unset, day, n FROM verification_days WHERE n <> 0
		EXCEPT $KEPT_LIVE) a) + (SELECT count(*) FROM ($KEPT_LIVE EXCEPT SELECT office, unset, day, n
		FROM verification_days) b)"
}
expect_eq "the kept counts per office and start day are the running verifications (0109)" 0 "$(kept_diff)"
WANT="(none)|12 $O1|1 $O2|1 "
expect_eq "the old statement per office on the demo year" "$WANT" "$(old_counts)"
expect_eq "... the to-do list counts the same per office" "$WANT" "$(todo_counts)"
http_get "$T_DIR/n1" -b "$JAR" "$BASE/notices?office=$(python3 -c 'import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))' "$O1")" >/dev/null
expect_contains "... /notices filtered to $O1 counts its one (the office's only item)" "共有1项待办" "$(cat "$T_DIR/n1.b")"

# ---- leaving verification, and a second one by another office ----------------------------------
check "K1 shelved" dispose "$J1" "$K1" shelve 2022-12-10
expect_eq "... its clock and office cleared" "shelved|NULL|NULL" \
	"$(sql "SELECT state || '|' || COALESCE(clock_start, 'NULL') || '|' || COALESCE(verification_office, 'NULL') FROM clues WHERE id = $K1")"
expect_eq "... the kept counts follow (0109)" 0 "$(kept_diff)"
http_get "$T_DIR/k1b" -b "$JAR" "$BASE/clues/$K1" >/dev/null
check "... the clue page names no verification office" sh -c "! grep -q '初核科室' '$T_DIR/k1b.b'"
check "K1 taken up again: sup2 proposes a verification, approved" dispose "$J2" "$K1" preliminary_verification 2022-12-20
expect_eq "K1 now under sup2's office" "$O2" "$(office_of "$K1")"
WANT="(none)|12 $O2|2 "
expect_eq "the old statement after the second verification" "$WANT" "$(old_counts)"
expect_eq "... the to-do list the same: $O1 none, $O2 two" "$WANT" "$(todo_counts)"
expect_eq "... the kept counts follow (0109)" 0 "$(kept_diff)"
# the to-do count after the API's write (the counting statements: the kept rows on PostgreSQL for
# the unscoped cm) against the items listed (read live), over every page
count_items() {
	local p=1 out n tot=0 c=
	while :; do
		out=$(body "$(api GET "/api/notices?page=$p")")
		[ -n "$c" ] || c=$(jget '["count"]' <<<"$out")
		n=$(jget '["items"].__len__()' <<<"$out")
		[ "$n" -gt 0 ] || break
		tot=$((tot + n)) p=$((p + 1))
	done
	echo "$c $tot"
}
read -r C_N C_I <<<"$(count_items)"
expect_eq "... the to-do count is the items listed ($C_I)" "$C_I" "$C_N"
# a verification's office and start moved by SQL (an operator's correction):
# the kept rows move with them
K2_START=$(sql "SELECT clock_start FROM clues WHERE id = $K2")
sql "UPDATE clues SET verification_office = '$O1', clock_start = '2022-11-30' WHERE id = $K2" >/dev/null
expect_eq "... after an office and a start corrected" 0 "$(kept_diff)"
sql "UPDATE clues SET verification_office = NULL WHERE id = $K2" >/dev/null
expect_eq "... after an office set to NULL (its own group)" 0 "$(kept_diff)"
sql "UPDATE clues SET verification_office = '$O2', clock_start = '$K2_START' WHERE id = $K2" >/dev/null
expect_eq "... and back" 0 "$(kept_diff)"

# ---- the migration's backfill: the column dropped and 0045's text run again ------------------------
# (its own SQL, not through the runner: later migrations would stop the
# runner from applying an older version again)
# (on PostgreSQL 0109's triggers name the column: dropped first, and 0109's
# text run again after, its fill checked)
M109=$(dirname "$0")/../../src/store/migrations/0109_verification_days.pg.sql
[ "$BACKEND" = pg ] && sql "DROP TABLE verification_days; DROP FUNCTION verification_days_kept() CASCADE" >/dev/null
sql "DROP INDEX clues_verification" >/dev/null
sql "ALTER TABLE clues DROP COLUMN verification_office" >/dev/null
M45=$(dirname "$0")/../../src/store/migrations/0045_verification_office.sql
if [ "$BACKEND" = pg ]; then psql -X -q -v ON_ERROR_STOP=1 "$DB" -f "$M45" >/dev/null; else sqlite3 -bail "$DB" <"$M45"; fi
expect_eq "0045 runs again" 0 "$?"
if [ "$BACKEND" = pg ]; then
	psql -X -q -v ON_ERROR_STOP=1 "$DB" -f "$M109" >/dev/null
	expect_eq "0109 runs again" 0 "$?"
	expect_eq "... its fill is the running verifications" 0 "$(kept_diff)"
fi
expect_eq "... the backfill: each verification's office as the old statement finds it" "0" \
	"$(sql "SELECT count(*) FROM clues k WHERE k.state = 'preliminary_verification' AND k.verification_office <> ($OLD)")"
expect_eq "... none outside verification" "0" \
	"$(sql "SELECT count(*) FROM clues WHERE state <> 'preliminary_verification' AND verification_office IS NOT NULL")"

# ---- the proposer changes office: the verification stays where it was approved ---------------------
sql "UPDATE users SET office = '第三监督检查室' WHERE name = 'sup2'" >/dev/null
expect_eq "sup2 moves: K1 and K2 still count under $O2" "(none)|12 $O2|2 " "$(todo_counts)"

# ---- import round trip -------------------------------------------------------------------------------
run_cli export --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
expect_eq "... the running verifications carry their office" 2 "$(grep -c "\"verification_office\":\"$O2\"" "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb rt); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
sql2() { if [ "$BACKEND" = pg ]; then psql -X -q -At "$DB2" -c "$1"; else sqlite3 "$DB2" "$1"; fi; }
expect_eq "... the offices kept" "$(sql "SELECT verification_office, count(*) FROM clues WHERE state = 'preliminary_verification' GROUP BY 1 ORDER BY 1")" \
	"$(sql2 "SELECT verification_office, count(*) FROM clues WHERE state = 'preliminary_verification' GROUP BY 1 ORDER BY 1")"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same lines" diff "$T_DIR/e1.jsonl" "$T_DIR/e2.jsonl"
expect_eq "... the import's copy keeps the counts per office and start day (0109)" 0 "$(kept_diff sql2)"
CL=$(grep -m1 '"verification_office"' "$T_DIR/e1.jsonl" | jget '["clue"]')
printf '{"type": "disposition", "clue": "%s", "decided": "2022-12-30", "method": "close", "verification_office": "x"}\n' \
	"$CL" >"$T_DIR/bad.jsonl"
run_cli import "$T_DIR/bad.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_contains "only a verification names an office" "only a preliminary verification has a handling office" "$ERR"
check "no sanitizer report" server_clean
check "no sanitizer report from the CLI" cli_clean
finish
