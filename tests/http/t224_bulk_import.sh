# t224_bulk_import.sh: issue 16, a large import through PostgreSQL's bulk
# mode (store_pg_bulk.c: writes pipelined, ids reserved from the
# sequences, reads cached) gives what the statement-at-a-time import gives:
# ~5,700 records of five families (units, persons, clues, dispositions,
# cases) referring to each other across the pipeline's batches export the
# same as the same file imported into SQLite; an error late in the file
# (refused by the importer, or by the database after the statement was
# sent ahead) leaves counts and sequences as they were and names its line;
# ids continue right after the import; the audit chain verifies.  On
# SQLite the same file and errors (no bulk mode there) must give the same.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/big.jsonl
python3 "$(dirname "$0")/../../bench/gen-scale.py" 2000 600 5 >"$F" || { not_ok "gen-scale.py"; finish; }
LINES=$(wc -l <"$F")

counts() {
	sql "SELECT (SELECT count(*) FROM units) || ' ' || (SELECT count(*) FROM persons) || ' ' ||
		(SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM dispositions) || ' ' ||
		(SELECT count(*) FROM cases) || ' ' || (SELECT count(*) FROM approvals)"
}
# the next id each record table would give (PostgreSQL: its sequence)
seqs() {
	local t out=
	for t in units persons clues dispositions cases approvals person_posts; do
		if [ "$BACKEND" = pg ]; then
			out="$out $(sql "SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('$t', 'id')), 0)")"
		else
			out="$out $(sql "SELECT COALESCE(max(id), 0) FROM $t")"     # no AUTOINCREMENT: max + 1
		fi
	done
	echo "$out"
}
C0=$(counts)
S0=$(seqs)

# 1. the importer refuses the last line: nothing stays
cp "$F" "$T_DIR/late.jsonl"
echo '{"type":"clue","id":"CX","received":"2022-03-02","source":"report","subjects":["P999_1"]}' >>"$T_DIR/late.jsonl"
run_cli import "$T_DIR/late.jsonl"
expect_eq "a bad last line fails the import" 1 "$RC"
expect_contains "... naming its line" "line $((LINES + 1)), field \"subjects\"" "$ERR"
expect_eq "... counts as before" "$C0" "$(counts)"
expect_eq "... sequences as before" "$S0" "$(seqs)"

# 2. the database refuses a record near the end (a constraint the importer
# does not know): on PostgreSQL the insert was sent ahead without waiting,
# and the failure still names its own line, not a later one
if [ "$BACKEND" = pg ]; then
	sql "ALTER TABLE clues ADD CONSTRAINT t224_refuse CHECK (source_ref <> 'T224-REFUSE')"
else
	sql "CREATE TRIGGER t224_refuse BEFORE INSERT ON clues WHEN NEW.source_ref = 'T224-REFUSE'
		BEGIN SELECT RAISE(ABORT, 't224_refuse'); END"
fi
head -n $((LINES - 30)) "$F" >"$T_DIR/db.jsonl"
echo '{"type":"clue","id":"CY","received":"2022-03-02","source":"report","source_ref":"T224-REFUSE","subjects":["P1_1"]}' >>"$T_DIR/db.jsonl"
tail -n 30 "$F" >>"$T_DIR/db.jsonl"
run_cli import "$T_DIR/db.jsonl"
expect_eq "a record the database refuses fails the import" 1 "$RC"
expect_contains "... naming its line" "line $((LINES - 29)): the database refused the record" "$ERR"
expect_contains "... and the constraint" "t224_refuse" "$ERR"
expect_eq "... counts as before" "$C0" "$(counts)"
expect_eq "... sequences as before" "$S0" "$(seqs)"
if [ "$BACKEND" = pg ]; then
	sql "ALTER TABLE clues DROP CONSTRAINT t224_refuse"
else
	sql "DROP TRIGGER t224_refuse"
fi

# 3. the whole file
run_cli import "$F"
expect_eq "the file imports" 0 "$RC"
expect_contains "... every record" "imported $LINES records" "$OUT"
expect_eq "... clues and cases" "2000 600" "$(sql "SELECT (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM cases)")"
if [ "$BACKEND" = pg ]; then
	expect_eq "sequences end at the highest id (unused reserved ids given back)" \
		"$(sql "SELECT max(id) FROM clues") $(sql "SELECT max(id) FROM dispositions") $(sql "SELECT max(id) FROM approvals")" \
		"$(sql "SELECT pg_sequence_last_value('clues_id_seq')") $(sql "SELECT pg_sequence_last_value('dispositions_id_seq')") $(sql "SELECT pg_sequence_last_value(pg_get_serial_sequence('approvals', 'id'))")"
fi
run_cli export --out "$T_DIR/out.jsonl"
expect_eq "the export works" 0 "$RC"

# the same file into SQLite, one statement at a time
SQ=$T_DIR/ref.db
"$QF_BIN" init --db "$SQ" --key "$SQ.key" --name "测试市纪委监委" --region 230100 >/dev/null 2>&1 &&
	"$QF_BIN" import --db "$SQ" --key "$SQ.key" "$F" >/dev/null 2>>"$T_DIR/cli.log" &&
	"$QF_BIN" export --db "$SQ" --key "$SQ.key" --out "$T_DIR/ref.jsonl" >/dev/null 2>>"$T_DIR/cli.log"
check "the export equals the SQLite import's, line for line" cmp -s "$T_DIR/ref.jsonl" "$T_DIR/out.jsonl"

# 4. ids continue: a record made after the import gets the next id
MAXU=$(sql "SELECT max(id) FROM units")
echo '{"type":"unit","id":"UNEW","name":"新单位","kind":"department","parent":null}' >"$T_DIR/one.jsonl"
run_cli import "$T_DIR/one.jsonl"
expect_eq "a later import's unit gets the next id" "$((MAXU + 1))" "$(sql "SELECT id FROM units WHERE ext_id = 'UNEW'")"
MAXK=$(sql "SELECT max(id) FROM clues")
if [ "$BACKEND" = pg ]; then
	NEWK=$(sql "INSERT INTO clues(region, received, source, state, created_at, updated_at, unit_id)
		SELECT '230100', '2022-03-02', 'report', 'registered', 0, 0, min(id) FROM units RETURNING id" | head -1)
else
	NEWK=$(sql "INSERT INTO clues(region, received, source, state, created_at, updated_at, unit_id)
		SELECT '230100', '2022-03-02', 'report', 'registered', 0, 0, min(id) FROM units; SELECT last_insert_rowid()")
fi
expect_eq "a clue inserted after it gets a fresh id" "$((MAXK + 1))" "$NEWK"
sql "DELETE FROM clues WHERE id = $NEWK" >/dev/null

run_cli audit verify
expect_eq "the audit chain verifies" 0 "$RC"
check "no CLI run reported a sanitizer error" cli_clean
finish
