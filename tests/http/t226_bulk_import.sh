# t226_bulk_import.sh: issue 16, the bulk import path (domain/interchange.c
# "bulk_load", store/q_ixdefer.c).  A file of more lines than the database
# holds records is loaded with the big tables' secondary indexes and the
# statistics rollup's triggers dropped (SQLite), built again at the end of
# the same transaction.  The result must be the database the row-by-row
# path gives: the same file imported in pieces below the bulk threshold
# (1,000 lines) exports byte for byte the same, holds the same rollup and
# the same schema; an error in the last line leaves nothing, and the
# schema whole; the audit chain verifies.  The rollup's refill (SQLite:
# q_rollup_sum.c) gives the reference's rows in every grain, in key order.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/scale.jsonl
python3 "$(dirname "$0")/../../bench/gen-scale.py" 1200 300 12 >"$F" || { not_ok "gen-scale.py"; finish; }
# the clues' dimensions the generated file leaves empty (sqdims16m: the
# SQLite refill reads metric_clue_dims' arms itself, q_rollup_sum.c): a
# campaign (first, for its clues), two clues of it, three categories of
# two clues, and a clue of two section and two staff subjects (the rank
# arm's rule: a rank once a clue)
python3 - "$F" <<'PY' || { not_ok "the file's clues edited"; finish; }
import json, sys
p = sys.argv[1]
extra = {"C1": {"campaign": "G1", "categories": ["eight_rules", "duty_violation"]},
         "C2": {"subjects": ["P5_75", "P1_6", "P1_7", "P1_11", "P1_12"], "campaign": "G1"},
         "C3": {"categories": ["duty_crime"]}}
out = ['{"type":"campaign","id":"G1","name":"专项治理一","start":"2019-01-01","end":"2025-12-31"}']
# sqstm18: a bulk load inserts a clue with the state its decisions on the
# next lines leave (ix_clue_state.h); the runs it must read right or leave
# to the UPDATE: a preliminary verification with its office (C10), one
# whose line is not of the plain shape (C30, an escaped text: not read
# ahead), and a clue's two decisions with another clue's between them (the
# first pv + file_case clue X gets the single decision of the clue before it),
# and a clue's second decision written with blanks (Z: the text the reader
# ahead looks for is not there, so the run it reads ends early and the
# row inserted with the first decision's state is mended)
runs, clue_at, disp = {}, {}, {}
lines = open(p, encoding="utf-8").read().splitlines()
for i, line in enumerate(lines):
    r = json.loads(line)
    if r.get("type") == "disposition":
        runs.setdefault(r["clue"], []).append(i)
        disp.setdefault(r["clue"], []).append(r["method"])
    elif r.get("type") == "clue":
        clue_at[r["id"]] = i
single = {v[0]: k for k, v in runs.items() if len(v) == 1}
x = next(k for k, v in runs.items() if len(v) == 2 and clue_at[k] - 1 in single)
y = single[clue_at[x] - 1]
z = next(k for k, v in runs.items() if len(v) == 2 and k != x)
moved = lines[runs[y][0]]
# and a clue disposed by a transfer alone (sqend18: its first_disposed set,
# but metric_clue_base's disposed NULL, which the SQLite refill finds by
# merging the approved non-transfer dispositions' clue ids)
xfer = min((c for c, m in disp.items() if m == ["shelve"] and c not in extra and c not in (x, y, z, "C10", "C30")),
           key=lambda c: int(c[1:]))
for i, line in enumerate(lines):
    if i == runs[y][0]:
        continue
    r = json.loads(line)
    if r.get("type") == "clue" and r.get("id") in extra:
        r.update(extra[r["id"]])
        line = json.dumps(r, ensure_ascii=False, separators=(",", ":"))
    if r.get("type") == "disposition" and r.get("clue") == xfer:
        r.update({"method": "transfer", "transfer_direction": "upward", "transfer_to": "上级纪委"})
        line = json.dumps(r, ensure_ascii=False, separators=(",", ":"))
    if r.get("type") == "disposition" and r["clue"] in ("C10", "C30"):
        r["verification_office"] = "第二审查调查室"
        line = json.dumps(r, ensure_ascii=r["clue"] == "C30", separators=(",", ":"))
    if i == runs[z][1]:
        line = json.dumps(r, ensure_ascii=False, separators=(", ", ": "))
    out.append(line)
    if i == runs[x][0]:
        out.append(moved)
open(p, "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
LINES=$(wc -l <"$F")

# sql_on DB KEYLESS-QUERY: sql against another database of this test
sql_on() {
	if [ "$BACKEND" = pg ]; then
		psql -X -q -At -v ON_ERROR_STOP=1 "$1" -c "$2"
	else
		sqlite3 "$1" "$2"
	fi
}
# schema_of DB: the indexes and triggers, with their definitions
schema_of() {
	if [ "$BACKEND" = pg ]; then
		sql_on "$1" "SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
			UNION ALL SELECT tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
			ORDER BY 1"
	else
		sql_on "$1" "SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master
			WHERE type IN ('index', 'trigger') ORDER BY name"
	fi
}
ROLLUP="SELECT stat || ' ' || dim || ' ' || val || ' ' || day || ' ' || n || ' ' || f1 || ' ' || f2 || ' ' ||
	f3 || ' ' || f4 || ' ' || sanc FROM metric_days ORDER BY stat, dim, val, day"
newdb() {   # newdb NAME: a fresh initialised database; prints its URI or path
	local db
	if [ "$BACKEND" = pg ]; then db=$(pg_newdb "$1"); else db=$T_DIR/$1.db; fi
	"$QF_BIN" init --db "$db" --key "$T_DIR/$1.key" --name "测试市纪委监委" --region 230100 >/dev/null || return 1
	echo "$db"
}
schema_of "$DB" >"$T_DIR/fresh.schema"
# schema_same DESC DB: DB's indexes and triggers are a fresh database's (a
# check; the difference on failure)
schema_same() {
	if schema_of "$2" | diff "$T_DIR/fresh.schema" - >"$T_DIR/schema.diff"; then
		ok "$1"
	else
		not_ok "$1"
		head -20 "$T_DIR/schema.diff" | sed 's/^/# /'
	fi
}

# the bulk path: one file, far more lines than records in the database
run_cli import "$F"
expect_eq "the generated file ($LINES lines) imports in one go: exit 0" 0 "$RC"
expect_contains "... every record counted" "imported $LINES records" "$OUT"
expect_eq "... 1,200 clues and 300 cases stored" "1200 300" "$(sql "SELECT (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM cases)")"

# the reference: the same file in pieces of 900 lines, each below the
# bulk threshold, so row by row with the indexes and triggers in place
# (references to earlier pieces resolve through ext_id)
REF=$(newdb ref) || { not_ok "reference database"; finish; }
split -l 900 -d "$F" "$T_DIR/piece."
pieces=0 bad=0
for p in "$T_DIR"/piece.*; do
	pieces=$((pieces + 1))
	"$QF_BIN" import --db "$REF" --key "$T_DIR/ref.key" "$p" >/dev/null 2>>"$T_DIR/cli.log" || bad=$((bad + 1))
done
expect_eq "the reference: $pieces pieces imported row by row, none refused" 0 "$bad"

run_cli export --out "$T_DIR/bulk.jsonl"
expect_eq "export of the bulk import: exit 0" 0 "$RC"
"$QF_BIN" export --db "$REF" --key "$T_DIR/ref.key" --out "$T_DIR/ref.jsonl" >/dev/null 2>&1
expect_eq "... byte for byte the export of the row-by-row reference" \
	"$(sha256sum <"$T_DIR/ref.jsonl")" "$(sha256sum <"$T_DIR/bulk.jsonl")"
expect_eq "... and it holds the file's 1,200 clues and 300 cases" "1200 300" \
	"$(grep -c '^{"type":"clue"' "$T_DIR/bulk.jsonl") $(grep -c '^{"type":"case"' "$T_DIR/bulk.jsonl")"
# the columns a clue's decisions write, which the export does not carry
# (sqstm18: the bulk load inserts them with the clue, read ahead)
CLUE_STATE="SELECT id || ' ' || state || ' ' || COALESCE(first_disposed, '-') || ' ' ||
	COALESCE(clock_start, '-') || ' ' || COALESCE(verification_office, '-') FROM clues ORDER BY id"
expect_eq "the clues' state, first disposal, clock and office as the reference's" \
	"$(sql_on "$REF" "$CLUE_STATE" | sha256sum)" "$(sql "$CLUE_STATE" | sha256sum)"
expect_eq "... among them verifications running with their office (C10), one in a line not read ahead (C30)" 2 \
	"$(sql "SELECT count(*) FROM clues WHERE state = 'preliminary_verification'
		AND verification_office = '第二审查调查室' AND clock_start IS NOT NULL")"
r_bulk=$(sql "$ROLLUP" | sha256sum) r_ref=$(sql_on "$REF" "$ROLLUP" | sha256sum)
expect_eq "the statistics rollup equals the reference's (the triggers' work recomputed set-wise)" "$r_ref" "$r_bulk"
expect_eq "... and is live again after the import" 1 "$(sql "SELECT live FROM metric_state")"
# ... with every arm of the clues' dimensions (the comparison above covers
# them): 2 clues of the campaign, 3 of categories, and 1,201 of a rank
# (C2's two ranks counted once each)
expect_eq "... its clues by campaign, category and rank (a rank once a clue)" "campaign 2 category 3 rank 1201" \
	"$(sql "SELECT dim, sum(n) FROM metric_days WHERE stat = 'clue_received'
		AND dim IN ('campaign', 'category', 'rank') GROUP BY dim ORDER BY dim" | tr '|\n' '  ' | sed 's/ $//')"
# ... and the clue disposed by a transfer alone (the file's edit above):
# received, its first_disposed set, but not disposed (metric_clue_base)
DISPOSED="SELECT (SELECT count(*) FROM clues k WHERE first_disposed IS NOT NULL AND NOT EXISTS (SELECT 1
	FROM dispositions d WHERE d.clue_id = k.id AND d.state = 'approved' AND d.method <> 'transfer'))
	|| ' ' || (SELECT sum(n) FROM metric_days WHERE stat = 'clue_received' AND dim = '')
	|| ' ' || (SELECT sum(n) FROM metric_days WHERE stat = 'clue_disposed' AND dim = '')"
expect_eq "... a clue disposed by a transfer alone is received, not disposed" \
	"1 1200 $(sql "SELECT count(*) - 1 FROM clues WHERE first_disposed IS NOT NULL")" "$(sql "$DISPOSED" | tr -s ' ')"
# the grains, and (SQLite, sqimp16i: the refill inserts its rows 64 a
# statement, the rest one a statement) each table more than 64 rows, and
# (sqimp16k, 0106) a WITHOUT ROWID table keyed by its primary key: no
# rowid to read, the key's index the table itself
for g in "metric_months month" "metric_years year"; do
	set -- $g
	GRAIN="SELECT stat || ' ' || dim || ' ' || val || ' ' || $2 || ' ' || n || ' ' || f1 || ' ' || f2 || ' ' ||
		f3 || ' ' || f4 || ' ' || sanc FROM $1 ORDER BY stat, dim, val, $2"
	expect_eq "... $1 equals the reference's" "$(sql_on "$REF" "$GRAIN" | sha256sum)" "$(sql "$GRAIN" | sha256sum)"
done
if [ "$BACKEND" != pg ]; then
	for g in "metric_days day" "metric_months month" "metric_years year"; do
		set -- $g
		expect_eq "... $1: more than 64 rows, WITHOUT ROWID, its key's index the table" "more 0 1 pk" \
			"$(sql "SELECT CASE WHEN count(*) > 64 THEN 'more' ELSE 'fewer' END FROM $1") $(sql "SELECT count(*)
				FROM sqlite_schema WHERE tbl_name = '$1' AND name LIKE 'sqlite_autoindex_%'") $(sql "SELECT
				count(*), origin FROM pragma_index_list('$1') WHERE origin = 'pk'" | tr '|' ' ')"
		expect_eq "... $1: no rowid to read" 1 \
			"$(sql "SELECT rowid FROM $1 LIMIT 1" >/dev/null 2>&1; echo $?)"
		# the planner's statistics (sqimp16k): the refill leaves them to
		# the import's ANALYZE after its commit, which must reach the
		# table's key (its sqlite_stat1 idx the table's name) and its index
		expect_eq "... $1: the import's statistics of its key and its index, each counting its rows" "2 0" \
			"$(sql "SELECT count(*), sum(CAST(stat AS INTEGER) <> (SELECT count(*) FROM $1))
				FROM sqlite_stat1 WHERE tbl = '$1' AND idx IN ('$1', '$1_all')" | tr '|' ' ')"
	done
fi
# the catalog's case counts (0082; on PostgreSQL their trigger is skipped
# during a bulk import, 0090, and the import counts them at its end)
CATS="SELECT c.code || ':' || c.cases || ':' || (SELECT count(*) FROM case_categories k WHERE k.category = c.code) FROM violation_categories c ORDER BY c.code"
expect_eq "the catalog's case counts equal the reference's" "$(sql_on "$REF" "$CATS" | paste -sd' ')" "$(sql "$CATS" | paste -sd' ')"
expect_eq "... each the count of its rows" "" \
	"$(sql "$CATS" | awk -F: '$2 != $3')"
expect_eq "... some of them non-zero" 1 "$(sql "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM violation_categories WHERE cases > 0")"
# ... and after a bulk import while the rollup is off (metric_state.live
# 0: an operator's state before `stats rebuild`, docs/statistics.md): the
# load drops the catalog's count trigger with the deferred ones on SQLite
# (sqrec16m) whether or not it refills the rollup, so it counts them
OFF=$(newdb off) || { not_ok "a database with the rollup off"; finish; }
sql_on "$OFF" "UPDATE metric_state SET live = 0"
"$QF_BIN" import --db "$OFF" --key "$T_DIR/off.key" "$F" >/dev/null 2>>"$T_DIR/cli.log"
expect_eq "a bulk import with the rollup off: exit 0, the rollup still off" "0 0" \
	"$? $(sql_on "$OFF" "SELECT live FROM metric_state")"
expect_eq "... the catalog's case counts each the count of its rows, some non-zero" "|1" \
	"$(sql_on "$OFF" "$CATS" | awk -F: '$2 != $3')|$(sql_on "$OFF" "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END
		FROM violation_categories WHERE cases > 0")"
schema_same "... every index and trigger back" "$OFF"
schema_same "every index and trigger is back, as the migrations made it" "$DB"
expect_eq "the storage engine's own check passes" ok "$(db_check)"
# docs/statistics.md: the rollup and the live statements agree
rollup_eq "--year 2024" ""
# pgref16k: the refill reads each clue and case dims view once and unpivots
# a row into its statistics (PostgreSQL: one statement, a LATERAL VALUES;
# SQLite: in C), compared above with what the reference's triggers gave;
# the generated file has no transferred case, so three of the reference's
# cases are given one (its triggers keep metric_days), and then `stats
# rebuild` (on PostgreSQL the same statement as the import's refill) gives
# the triggers' rows again, all five statistics among them, and `stats
# check` (metric_recompute, the views' own GROUP BY) agrees
FIVE="SELECT count(DISTINCT stat) FROM metric_days WHERE stat IN ('clue_received', 'clue_disposed',
	'case_filed', 'case_closed', 'case_transferred') AND n > 0"
expect_eq "... its clues' and cases' statistics as the reference's (four: no case transferred)" \
	"$(sql_on "$REF" "$FIVE")" "$(sql "$FIVE")"
sql_on "$REF" "UPDATE cases SET transferred = filed WHERE id IN (SELECT id FROM cases ORDER BY id LIMIT 3)" >/dev/null
expect_eq "the reference with three cases transferred: all five statistics in metric_days" 5 "$(sql_on "$REF" "$FIVE")"
r_trig=$(sql_on "$REF" "$ROLLUP" | sha256sum)
run_cli stats rebuild --db "$REF" --key "$T_DIR/ref.key"
expect_eq "... stats rebuild: exit 0" 0 "$RC"
expect_eq "... metric_days the rows its triggers kept" "$r_trig" "$(sql_on "$REF" "$ROLLUP" | sha256sum)"
run_cli stats check --db "$REF" --key "$T_DIR/ref.key"
expect_eq "... and stats check agrees (the views' own GROUP BY)" 0 "$RC"

# an error in the last line: nothing stays, the schema whole
BAD=$(newdb bad) || { not_ok "third database"; finish; }
cp "$F" "$T_DIR/bad.jsonl"
echo '{"type":"disposition","clue":"C999999","decided":"2024-01-02","method":"close"}' >>"$T_DIR/bad.jsonl"
run_cli import --db "$BAD" --key "$T_DIR/bad.key" "$T_DIR/bad.jsonl"
expect_eq "an undefined clue in the last line: the import is refused" 1 "$RC"
expect_contains "... naming the line and the field" "line $((LINES + 1)), field \"clue\"" "$ERR"
expect_eq "... nothing of the file stays" "0 0 0 0" \
	"$(sql_on "$BAD" "SELECT (SELECT count(*) FROM units) || ' ' || (SELECT count(*) FROM persons) || ' ' || (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM dispositions)")"
schema_same "... every index and trigger is still there" "$BAD"
expect_eq "... the rollup still live" 1 "$(sql_on "$BAD" "SELECT live FROM metric_state")"

# parse19: a decision line a clue's line read ahead (ix_peek_read) is read
# once, and its own turn takes what was read: a bad line in a clue's run is
# still refused at its own line, with the message it had, and nothing
# stays; the runs end with a clue whose row the read ahead inserted (X9)
PID=$(grep -m1 -o '"type":"person","id":"[^"]*"' "$F" | sed 's/.*"id":"//; s/"$//')
XC='{"type":"clue","id":"X9","received":"2024-03-01","source":"report","subjects":["'"$PID"'"]}'
XD='{"type":"disposition","clue":"X9","decided":"2024-03-05","method":"preliminary_verification"}'
# ahead_refused WHAT LINE3 MESSAGE [CRLF]: the file with X9's clue, a
# verification and LINE3 after it is refused at LINE3's line with MESSAGE
ahead_refused() {
	{ cat "$F"; printf '%s\n%s\n%s\n' "$XC" "$XD" "$2"; } >"$T_DIR/ahead.jsonl"
	[ -z "${4:-}" ] || sed -i 's/$/\r/' "$T_DIR/ahead.jsonl"
	run_cli import --db "$BAD" --key "$T_DIR/bad.key" "$T_DIR/ahead.jsonl"
	expect_contains "a clue's run read ahead, $1: refused at its own line" \
		"import: line $((LINES + 3))$3 (nothing was imported)" "$ERR"
	expect_eq "... nothing of the file stays" "0 0" \
		"$(sql_on "$BAD" "SELECT (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM dispositions)")"
}
XS='{"type":"disposition","clue":"X9","decided":"2024-03-09","method":"shelve"'
ahead_refused "a broken line" "$XS" ": not a JSON object ('}' expected near end of file)"
ahead_refused "a broken line, CRLF" "$XS" ": not a JSON object ('}' expected near end of file)" crlf
ahead_refused "a duplicate key" "$XS,\"method\":\"close\"}" ": not a JSON object (duplicate object key near '\"method\"')"
ahead_refused "a decision the flow refuses" "$XD" \
	', field "method": preliminary_verification is not allowed for a clue in state preliminary_verification (dispositions apply in file order)'
ahead_refused "a decision of an undefined clue" "${XS/X9/X8}}" \
	', field "clue": "X8" is not a clue defined earlier in the file or in the database'
ahead_refused "a method it does not know" "${XS/shelve/shelf}}" \
	', field "method": not one of: talk_inquiry preliminary_verification shelve close file_case transfer'

# a disposition's three CHECKs (0098 writes them on SQLite as OR chains, not
# IN lists, which built a temporary index per insert): every allowed value
# and a NULL transfer direction accepted, anything else refused; in the
# reference database, the rows taken out again
ONE_OF="SELECT 'talk_inquiry' AS v UNION ALL SELECT 'preliminary_verification' UNION ALL SELECT 'shelve'
	UNION ALL SELECT 'close' UNION ALL SELECT 'file_case' UNION ALL SELECT 'transfer'"
STATES="SELECT 'proposed' AS v UNION ALL SELECT 'approved' UNION ALL SELECT 'rejected'"
DIRS="SELECT CAST(NULL AS TEXT) AS v UNION ALL SELECT 'upward' UNION ALL SELECT 'downward' UNION ALL SELECT 'org_dept'"
DISP="INSERT INTO dispositions (region, clue_id, method, state, proposed_at, transfer_direction)"
sql_on "$REF" "$DISP SELECT '230100', (SELECT min(id) FROM clues), m.v, s.v, -98, t.v
	FROM ($ONE_OF) m CROSS JOIN ($STATES) s CROSS JOIN ($DIRS) t" >/dev/null 2>&1
expect_eq "a disposition's every allowed method, state and transfer direction (or none) is stored: 6 x 3 x 4 rows" \
	72 "$(sql_on "$REF" "SELECT count(*) FROM dispositions WHERE proposed_at = -98")"
for bad in "'Close', 'approved', NULL" "'close', 'done', NULL" "'transfer', 'approved', 'sideways'" "'', 'approved', NULL"; do
	sql_on "$REF" "$DISP VALUES ('230100', (SELECT min(id) FROM clues), $(echo "$bad" | cut -d, -f1), $(echo "$bad" | cut -d, -f2), -98, $(echo "$bad" | cut -d, -f3))" >/dev/null 2>&1
	expect_eq "... ($bad) refused by the database" 72 "$(sql_on "$REF" "SELECT count(*) FROM dispositions WHERE proposed_at = -98")"
done
sql_on "$REF" "DELETE FROM dispositions WHERE proposed_at = -98" >/dev/null

# the IN-list CHECKs of the tables the import writes most (0103 writes them
# on SQLite as OR chains, as 0098 did): every allowed value stored in one
# statement, a value outside the list (another case, empty, a trailing
# space, a value of another list) each refused; the rows taken out again.
# check_enum TABLE COLUMN INSERT MARK ALLOWED BAD...: INSERT holds @V@ where
# the value goes; MARK the condition that finds the test's rows
check_enum() {
	local table=$1 col=$2 ins=$3 mark=$4 allowed=$5 v n sel=""
	shift 5
	for v in $allowed; do sel="$sel${sel:+ UNION ALL }SELECT '$v' AS v"; done
	n=$(echo "$allowed" | wc -w)
	sql_on "$REF" "$(echo "$ins" | sed "s/@V@/x.v/") FROM ($sel) x" >/dev/null 2>&1
	expect_eq "$table.$col: each of its $n allowed values stored" \
		"$n" "$(sql_on "$REF" "SELECT count(DISTINCT $col) FROM $table WHERE $mark")"
	for v in "$@"; do
		sql_on "$REF" "$(echo "$ins" | sed "s/@V@/'$v'/")" >/dev/null 2>&1
		expect_eq "... '$v' refused by the database" "$n" "$(sql_on "$REF" "SELECT count(*) FROM $table WHERE $mark")"
	done
}
check_enum clues source "INSERT INTO clues (region, received, source, unit_id, created_at, updated_at)
	SELECT '230100', '2024-01-01', @V@, (SELECT min(id) FROM units), -103, -103" "created_at = -103" \
	"report inspection audit judicial supervision campaign superior other" "Report" "" "other " "closed"
check_enum persons rank "INSERT INTO persons (region, unit_id, name, rank, created_at, updated_at)
	SELECT '230100', (SELECT min(id) FROM units), '测试', @V@, -103, -103" "created_at = -103" \
	"county section staff village other" "County" "" "staff " "township"
check_enum cases state "INSERT INTO cases (region, clue_id, unit_id, filed, state, created_at, updated_at)
	SELECT '230100', (SELECT min(id) FROM clues WHERE created_at <> -103), (SELECT min(id) FROM units),
	'2024-01-02', @V@, -103, -103" "created_at = -103" \
	"investigating trial closed" "Closed" "" "trial " "approved"
check_enum approvals kind "INSERT INTO approvals (region, object, kind, decision, approver, day, at)
	SELECT '230100', 'case:-103', @V@, 'approved', '测试', '2024-01-02', -103" "at = -103" \
	"disposition filing filing_committee" "Filing" "" "filing " "file_case"
sql_on "$REF" "DELETE FROM approvals WHERE at = -103; DELETE FROM cases WHERE created_at = -103;
	DELETE FROM persons WHERE created_at = -103; DELETE FROM clues WHERE created_at = -103" >/dev/null

run_cli audit verify
expect_eq "audit verify after the bulk import: exit 0" 0 "$RC"
run_cli audit verify --db "$BAD" --key "$T_DIR/bad.key"
expect_eq "audit verify after the refused import: exit 0" 0 "$RC"
check "no sanitizer report from the CLI" cli_clean
finish
