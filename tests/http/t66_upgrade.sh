#!/usr/bin/env bash
# t66_upgrade.sh: a database made by the previous landed release (0b72c34)
# is upgraded by this binary (issue 8, operations: "a database made by the
# previous landed release upgraded by the new binary in a test").  The
# fixture in tests/data/upgrade/ was made by that release's own binary
# (make-fixture.sh there regenerates it; its keys are test-only): SQL text
# for SQLite (sqlite3 .dump) and for PostgreSQL (pg_dump, loaded with
# psql), so a fresh clone without history runs it.  This binary must apply
# its newer migrations, verify the old audit chain, let the old accounts
# sign in, decrypt what the old release encrypted (reporter, case note),
# read units, persons, reports, clues, cases, outcomes as they were, and
# write, with the chain still verifying.  Against the release itself the
# test holds trivially; it fails as soon as a change breaks reading,
# migrating or verifying an existing database.
. "$(dirname "$0")/lib.sh"

FIX=$(cd "$(dirname "$0")/../data/upgrade" && pwd)
MIGR=$(cd "$(dirname "$0")/../../src/store/migrations" && pwd)
# shellcheck source=../data/upgrade/facts
. "$FIX/facts"
if [ "$BACKEND" = pg ]; then
	psql -X -q -v ON_ERROR_STOP=1 "$DB" -f "$FIX/pg.sql" 2>"$T_DIR/load.out" >/dev/null
	expect_eq "the release's pg_dump loads with psql" 0 "$?"
	cp "$FIX/pg.key" "$KEY"
else
	sqlite3 "$DB" <"$FIX/sqlite.sql" >"$T_DIR/load.out" 2>&1
	expect_eq "the release's sqlite3 dump loads" 0 "$?"
	cp "$FIX/sqlite.key" "$KEY"
fi
chmod 600 "$KEY"
sed 's/^/# /' "$T_DIR/load.out" | head -5
expect_eq "the fixture is at the release's schema version" "$SCHEMA" "$(sql "SELECT max(version) FROM schema_version")"
expect_eq "... with its audit log" "$AUDIT" "$(sql "SELECT count(*) FROM audit_log")"

NEW=$(ls "$MIGR" | sed -n 's/^0*\([0-9][0-9]*\)_.*/\1/p' | sort -n | tail -1)
run_cli audit verify
expect_eq "this binary verifies the release's audit chain" 0 "$RC"
expect_contains "... all $AUDIT entries" "($AUDIT entries)" "$OUT"
expect_eq "... after migrating it to this binary's schema ($SCHEMA -> $NEW)" "$NEW" \
	"$(sql "SELECT max(version) FROM schema_version")"
# issue 10 (part D, migration 0021): the release's reports take the kind
# their category states (R1 an accusation, R2 other) and their due days
# are computed again: the real-name accusation runs its acceptance notice
# only (rules on handling accusations, 2020), the petition clocks it ran
# before (conclusion 2022-11-29) were the defect; R2, of kind other, runs
# none (before: the petition acceptance decision, 2022-10-23)
expect_eq "... the release's open reports got their due days in C at that first open (0017, again after 0021)" \
	"2022-10-24|accusation |other|1" "$(sql "SELECT (SELECT next_due || '|' || kind || ' ' || COALESCE(conclude_due, '') FROM reports WHERE id = $R1) || '|' || (SELECT kind || COALESCE(next_due, '') FROM reports WHERE id = $R2) || '|' || (SELECT value FROM settings WHERE key = 'report_dues_filled')")"

start_server || { not_ok "this binary serves the upgraded database"; finish; }
expect_eq "the release's case manager signs in" 303 "$(login cm "$PW")"
for u in clerk inv1 town; do
	expect_eq "... and its $u" 303 "$(login "$u" "$PW" "$T_DIR/$u.jar")"
done
CJ=$T_DIR/clerk.jar IJ=$T_DIR/inv1.jar TJ=$T_DIR/town.jar

expect_eq "units read back" "升级测试局" "$(body "$(api GET "/api/units/$UA")" | jget '["name"]')"
expect_eq "persons read back" "3 升级丙" \
	"$(body "$(api GET /api/persons)" | jget '["total"]') $(body "$(api GET "/api/persons/$P3")" | jget '["name"]')"
r=$(api GET "/api/reports/$R1" "" "$CJ")
expect_eq "the report's reporter and contact decrypt with the release's key" "200 升级举报人 13900002222" \
	"$(status "$r") $(body "$r" | jget '["reporter"]+" "+d["contact"]')"
expect_eq "... and the report became clue $C0" "$C0" "$(body "$r" | jget '["clue_id"]')"
expect_eq "the clue's encrypted summary reads back" "升级线索一" "$(body "$(api GET "/api/clues/$C1")" | jget '["summary"]')"
# issue 11 (0024): the release's clue subjects got their snapshot from the
# person rows at the upgrade (operations.md says so), and the report runs
expect_eq "0024: every clue subject of the release has the snapshot of its person row" \
	"$(sql "SELECT count(*) FROM clue_subjects") 0" \
	"$(sql "SELECT count(*) FROM clue_subjects cs JOIN persons p ON p.id = cs.person_id WHERE cs.rank = p.rank AND cs.unit_id = p.unit_id AND cs.top_leader = p.top_leader AND cs.leadership = p.leadership") $(sql "SELECT count(*) FROM clue_categories")"
run_cli report --year 2022 --format json
expect_eq "... and qingfeng report computes the upgraded database's figures" "0 1" \
	"$RC $(printf '%s' "$OUT" | python3 -c 'import json,sys; print(int(any(m["value"] for m in json.load(sys.stdin)["metrics"] if m["kind"] == "count")))')"
r=$(api GET "/api/cases/$A1" "" "$IJ")
expect_eq "the case reads back for its team member" 200 "$(status "$r")"
expect_eq "... its subject" "升级乙" "$(body "$r" | jget '["subjects"][0]["name"]')"
expect_eq "... its encrypted note decrypts" "升级测试笔录" "$(body "$r" | jget '["notes"][0]["text"]')"
expect_eq "... its detention" 1 "$(body "$r" | jget '["detentions"]' | python3 -c 'import ast,sys; print(len(ast.literal_eval(sys.stdin.read())))')"
expect_eq "the subject's township user, off the team, still gets 404 (need-to-know held)" 404 \
	"$(status "$(api GET "/api/cases/$A1" "" "$TJ")")"
# issue 10 (0018): the release held two outcomes of one person on one case
# (O2: 警告+诫勉, O3: 记过); one person, one matter, one outcome: O3 merged
# into O2, its 记过 kept with its own decision date, the longer period kept
expect_eq "outcomes read back: forms 1, 2; O3 merged into O2 with its 12-month demerit" \
	"1 2 2023-03-02 404" \
	"$(body "$(api GET "/api/outcomes/$O1")" | jget '["form"]') $(body "$(api GET "/api/outcomes/$O2")" | jget '["form"]') $(body "$(api GET "/api/outcomes/$O2")" | jget '["bar_until"]') $(status "$(api GET "/api/outcomes/$O3")")"
expect_eq "... O2 holds the three measures, each with its decision date" \
	"admonishment@2022-03-01 gov_demerit@2022-03-02 party_warning@2022-03-01" \
	"$(body "$(api GET "/api/outcomes/$O2")" | jget '["decisions"]' | python3 -c 'import ast,sys; print(" ".join(sorted(d["measure"]+"@"+d["decided"] for d in ast.literal_eval(sys.stdin.read()))))')"
expect_eq "the home page renders" 200 "$(http_status -b "$JAR" "$BASE/")"
expect_eq "the case page renders" 200 "$(http_status -b "$IJ" "$BASE/cases/$A1")"

r=$(api POST /api/units '{"name":"升级后新建","kind":"other"}')
expect_eq "this binary writes to the upgraded database" 201 "$(status "$r")"
r=$(api POST /api/persons "{\"name\":\"升级后人员\",\"unit_id\":$UA,\"rank\":\"section\"}")
expect_eq "... a person too" 201 "$(status "$r")"
stop_server
run_cli audit verify
expect_eq "the chain verifies with the new entries after the old ones" 0 "$RC"
check "... which are more than the release's $AUDIT" test "$(sql "SELECT count(*) FROM audit_log")" -gt "$AUDIT"
expect_eq "the upgraded database passes the engine's check" ok "$(db_check)"
check "no CLI run printed a sanitizer report" cli_clean
check "server log clean" server_clean
finish
