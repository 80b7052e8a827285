# t235_import_numbers.sh: issue 16, pgimp16c: an import draws its official
# numbers from counters kept in memory (domain/txmemo.c: one read of each
# counter of a kind and year, written back before the commit) and, for a
# bulk load, checks 线索编号 and 立案编号 against the sets of both read once;
# a clue's state, level and filing approval and the persons' units are
# known from the file.  The database must be the one the per-record path
# gives (the same file in pieces below the bulk threshold of 1,000 lines):
# the export byte for byte and the counters; the next number an API write
# draws follows the import's; a bulk file whose given number another
# record holds is refused naming its line and leaves nothing, counters
# included; an API write while an import runs waits or is refused with a
# clear answer, never given a number twice.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
GEN=$(dirname "$0")/../../bench/gen-scale.py
F=$T_DIR/numbers.jsonl
FILE_CASE='"approved_by":"县纪委书记","committee_by":"县委书记"'
# a clue of 2023 numbered in 2024's form (the counter of 2024 is not
# raised: 2023's pattern does not read it), a case with a given 立案编号
# and one subject without, then a generated year of clues and cases
echo '{"type":"unit","id":"TU1","name":"测试单位甲","kind":"department","parent":null}' >"$F"
for p in 1:甲:section 2:乙:section 3:丙:county; do   # TP3: a county-rank leader, of the level above
	IFS=: read -r n name rank <<<"$p"
	printf '{"type":"person","id":"TP%s","name":"干部%s","unit":"TU1","position":"科员","rank":"%s","party_member":true}\n' \
		"$n" "$name" "$rank" >>"$F"
done
cat >>"$F" <<JSONL
{"type":"clue","id":"TC1","received":"2023-12-20","source":"report","subjects":["TP1"],"clue_no":"线索〔2024〕002号"}
{"type":"clue","id":"TC2","received":"2024-01-03","source":"report","subjects":["TP2","TP1"]}
{"type":"clue","id":"TC3","received":"2024-01-04","source":"report","subjects":["TP3"]}
{"type":"disposition","clue":"TC2","decided":"2024-01-05","method":"preliminary_verification"}
{"type":"disposition","clue":"TC2","decided":"2024-01-10","method":"file_case",$FILE_CASE,"committee_day":"2024-01-10"}
{"type":"case","id":"TA1","clue":"TC2","subjects":["TP2","TP1"],"filing_nos":["","纪立〔2024〕3号"],"filed":"2024-01-12","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"disposition","clue":"TC3","decided":"2024-01-07","method":"transfer","transfer_direction":"upward","transfer_to":"市纪委监委","approved_by":"县纪委书记"}
{"type":"clue","id":"TC4","received":"2024-01-04","source":"report","subjects":["TP1"]}
{"type":"clue","id":"TC5","received":"2024-01-04","source":"report","subjects":["TP2"]}
{"type":"disposition","clue":"TC4","decided":"2024-01-05","method":"talk_inquiry"}
{"type":"disposition","clue":"TC4","decided":"2024-01-08","method":"preliminary_verification","verification_office":"第二监督检查室"}
{"type":"disposition","clue":"TC5","decided":"2024-01-06","method":"preliminary_verification","verification_office":"第一监督检查室"}
{"type":"disposition","clue":"TC4","decided":"2024-01-09","method":"close"}
JSONL
SMALL=$(wc -l <"$F")     # the lines above: a file below the bulk threshold
python3 "$GEN" 150 45 7 >>"$F" || { not_ok "gen-scale.py"; finish; }
LINES=$(wc -l <"$F")

sql_on() {   # sql_on DB QUERY: against another database of this test
	if [ "$BACKEND" = pg ]; then psql -X -q -At -v ON_ERROR_STOP=1 "$1" -c "$2"; else sqlite3 "$1" "$2"; fi
}
newdb() {   # newdb NAME: a fresh initialised database; prints its URI or path
	local db
	if [ "$BACKEND" = pg ]; then db=$(pg_newdb "$1"); else db=$T_DIR/$1.db; fi
	"$QF_BIN" init --db "$db" --key "$T_DIR/$1.key" --name "测试市纪委监委" --region 230100 >/dev/null || return 1
	echo "$db"
}
NUMS="SELECT kind || ' ' || year || ' ' || last FROM number_counters ORDER BY kind, year"
DUPS="SELECT (SELECT count(*) - count(DISTINCT clue_no) FROM clues) + (SELECT count(filing_no) - count(DISTINCT filing_no) FROM case_subjects)"

# pgimp16i: on PostgreSQL the one-go import's statements counted in the
# server's log (this database only: log_statement), as the driver sent them
PGLOG=${QF_PG_DIR:-}/server.log
if [ "$BACKEND" = pg ]; then
	[ -r "$PGLOG" ] || not_ok "the PostgreSQL server's log is readable ($PGLOG)"
	sql "DO \$\$ BEGIN EXECUTE format('ALTER DATABASE %I SET log_statement = ''all''', current_database()); END \$\$"
	LOG0=$(stat -c %s "$PGLOG")
fi
# the bulk path: the file in one go
run_cli import "$F"
if [ "$BACKEND" = pg ]; then
	tail -c +$((LOG0 + 1)) "$PGLOG" | grep -E 'LOG:  (execute [^:]*|statement): ' >"$T_DIR/statements.log"
	sql "DO \$\$ BEGIN EXECUTE format('ALTER DATABASE %I RESET log_statement', current_database()); END \$\$"
fi
sent() {   # sent PATTERN: the one-go import's statements that begin so (pg)
	grep -cE "(execute [^:]*|statement): $1" "$T_DIR/statements.log"
}
expect_eq "the file ($LINES lines, a bulk load) imports in one go: exit 0" 0 "$RC"
expect_eq "... every clue numbered, no number twice" "155 0" \
	"$(sql "SELECT count(clue_no) FROM clues") $(sql "$DUPS")"
expect_eq "... the drawn numbers of 2024 skip the file's 002 (TC1, 2023)" "线索〔2024〕002号 线索〔2024〕001号 线索〔2024〕003号" \
	"$(sql "SELECT clue_no FROM clues WHERE ext_id IN ('TC1', 'TC2', 'TC3') ORDER BY id" | paste -sd' ')"
expect_eq "... the 立案编号: the file's 3 kept (the counter raised), the other subject drawn after it" "纪立〔2024〕3号 纪立〔2024〕4号" \
	"$(sql "SELECT filing_no FROM case_subjects cs JOIN cases c ON c.id = cs.case_id WHERE c.ext_id = 'TA1'
		ORDER BY filing_no" | paste -sd' ')"
expect_eq "... the clue of the level above has its forwarding clock, state transferred" "TC3 transferred" \
	"$(sql "SELECT ext_id || ' ' || state FROM clues WHERE forward_due IS NOT NULL")"
# pgimp16e: a run of a clue's decisions is written to the clue once
# (ix_clue_state.c), the row as each decision's own update leaves it: the
# state, clock and office of the last, first_disposed of the first
CLUE_STATE="SELECT ext_id || ' ' || state || ' ' || first_disposed || ' ' || COALESCE(clock_start, '-') || ' '
	|| COALESCE(NULLIF(verification_office, ''), '-') FROM clues WHERE ext_id IN ('TC2', 'TC4', 'TC5') ORDER BY ext_id"
expect_eq "... the clues of several decisions: state, first_disposed, clock, office" \
	"TC2 filed 2024-01-05 - -|TC4 closed 2024-01-05 - -|TC5 preliminary_verification 2024-01-06 2024-01-06 第一监督检查室" \
	"$(sql "$CLUE_STATE" | paste -sd'|')"
# the clue updates counted by a trigger, the small file into a fresh
# database: TC2 once (2 decisions), TC3 once, TC4 twice (a run of 2, TC5's
# between, a run of 1), TC5 once; each decision its own update: 7
ONE=$(newdb once) || { not_ok "a database for the count"; finish; }
if [ "$BACKEND" = pg ]; then
	sql_on "$ONE" "CREATE TABLE t_upd(n int); INSERT INTO t_upd VALUES (0);
		CREATE FUNCTION t_upd_f() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN
			UPDATE t_upd SET n = n + 1; RETURN NULL; END \$\$;
		CREATE TRIGGER t_upd_clue AFTER UPDATE OF state ON clues FOR EACH ROW EXECUTE FUNCTION t_upd_f()"
else
	sql_on "$ONE" "CREATE TABLE t_upd(n INTEGER); INSERT INTO t_upd VALUES (0);
		CREATE TRIGGER t_upd_clue AFTER UPDATE OF state ON clues BEGIN UPDATE t_upd SET n = n + 1; END"
fi
head -n "$SMALL" "$F" >"$T_DIR/small.jsonl"
"$QF_BIN" import --db "$ONE" --key "$T_DIR/once.key" "$T_DIR/small.jsonl" >/dev/null 2>>"$T_DIR/cli.log"
expect_eq "the small file ($SMALL lines): a clue's state written once a run of its decisions (5 updates, not 7)" \
	5 "$(sql_on "$ONE" "SELECT n FROM t_upd")"
expect_eq "... the clues as in the one-go import" "$(sql "$CLUE_STATE")" "$(sql_on "$ONE" "$CLUE_STATE")"

# the per-record path: the same file in pieces of 900 lines (each below
# the bulk threshold: every number checked by a query, the rollup live)
REF=$(newdb ref) || { not_ok "reference database"; finish; }
split -l 900 -d "$F" "$T_DIR/piece."
bad=0
for p in "$T_DIR"/piece.*; do
	"$QF_BIN" import --db "$REF" --key "$T_DIR/ref.key" "$p" >/dev/null 2>>"$T_DIR/cli.log" || bad=$((bad + 1))
done
expect_eq "the reference: the file in pieces of 900 lines, none refused" 0 "$bad"
run_cli export --with-sensitive --out "$T_DIR/once.jsonl"
"$QF_BIN" export --db "$REF" --key "$T_DIR/ref.key" --with-sensitive --out "$T_DIR/ref.jsonl" >/dev/null 2>&1
expect_eq "the one-go import exports byte for byte what the pieces export" \
	"$(sha256sum <"$T_DIR/ref.jsonl")" "$(sha256sum <"$T_DIR/once.jsonl")"
expect_eq "... with the same number counters" "$(sql_on "$REF" "$NUMS")" "$(sql "$NUMS")"
# pgimp16d: a subject's link row goes in with its snapshot (IX_SNAP), no
# UPDATE after it; on PostgreSQL the rollup's triggers are skipped by a
# WHEN while the rollup is off (migration 0071), and live again after
snap() {   # snap TABLE OWNER: "rows mismatches" of the subjects' snapshots against the person rows
	sql "SELECT count(*) || ' ' || count(CASE WHEN s.rank IS DISTINCT FROM p.rank
		OR s.top_leader <> p.top_leader OR s.leadership <> p.leadership
		OR s.unit_id IS DISTINCT FROM p.unit_id THEN 1 END) FROM $1 s JOIN persons p ON p.id = s.person_id"
}
expect_eq "... every clue subject's snapshot (156 rows) is its person's rank, flags and unit" \
	"156 0" "$(snap clue_subjects)"
expect_eq "... every case subject's too (47 rows)" "47 0" "$(snap case_subjects)"
expect_eq "... the rollup live after the import" 1 "$(sql "SELECT live FROM metric_state")"
if [ "$BACKEND" = pg ]; then
	expect_eq "... every rollup trigger carries 0071's WHEN (pg)" 0 \
		"$(sql "SELECT count(*) FROM pg_trigger t JOIN pg_proc f ON f.oid = t.tgfoid
			WHERE f.proname IN ('metric_touch', 'metric_touch_self', 'metric_flush') AND t.tgqual IS NULL")"
fi

# pgcopy16f, pgimp16h, pgimp16i: on PostgreSQL the rows go in batches
# across records (store_pg_batch.c: one multi-row INSERT a batch): the
# dispositions, the clues and their subjects, and (pgimp16i: 0082's
# function names only the catalog's column `cases`, and its trigger is
# off during a bulk import) the cases and their subjects, fewer statements
# than half their rows; a clue's decisions' state goes into its row while
# the row waits in its batch (store_bulk_amend), a case subject's 立案编号
# with its row (no UPDATE of case_subjects); no savepoint (a refused batch
# is found by the import run again one statement a row, below)
if [ "$BACKEND" = pg ]; then
	for t in dispositions clues clue_subjects cases case_subjects; do
		rows=$(sql "SELECT count(*) FROM $t") n=$(sent "INSERT INTO $t\\(")
		if [ "$n" -gt 0 ] && [ $((2 * n)) -lt "$rows" ]; then
			ok "... $t went in batches: $n statements for $rows rows (pg)"
		else
			not_ok "... $t went in batches: $n statements for $rows rows (pg)"
		fi
	done
	expect_eq "... a clue's decisions' state went into its batched row: fewer than a quarter of them an UPDATE (pg)" \
		1 "$(( 4 * $(sent "UPDATE clues SET state") < $(sql "SELECT count(*) FROM clues WHERE first_disposed IS NOT NULL") ))"
	expect_eq "... no UPDATE of case_subjects, no savepoint (pg)" "0 0" \
		"$(sent "UPDATE case_subjects") $(sent "(SAVEPOINT|RELEASE|ROLLBACK TO)")"
	# pgimp16j: the refill planned from statistics of the imported rows,
	# the tables under metric_recompute analyzed in the import's
	# transaction just before it (0102; before it the planner had the
	# statistics of the tables as they were before the import, and at 1M
	# ran a clue's EXISTS over dispositions per clue)
	order=$(grep -nE "(execute [^:]*|statement): (SELECT metric_sources_analyze\(\)|INSERT INTO metric_days )" \
		"$T_DIR/statements.log" | sed -E 's/.*(metric_sources_analyze|INSERT INTO metric_days).*/\1/' | paste -sd' ')
	expect_eq "... the refill's source tables analyzed once, just before the refill (pg)" \
		"metric_sources_analyze INSERT INTO metric_days" "$order"
	ANCOUNT="SELECT string_agg(relname || ' ' || analyze_count, ' ' ORDER BY relname) FROM pg_stat_user_tables
		WHERE relname IN ('cases', 'case_subjects', 'clue_subjects', 'clues', 'dispositions', 'outcomes', 'persons', 'units')"
	a0=$(sql "$ANCOUNT")
	n=$(sql "SELECT metric_sources_analyze()")
	a1=$(sql "$ANCOUNT")
	expect_eq "... metric_sources_analyze() analyzes the record tables the rollup reads, not persons nor units (pg)" \
		"case_subjects 1 cases 1 clue_subjects 1 clues 1 dispositions 1 outcomes 1 persons 0 units 0" \
		"$(python3 -c 'import sys; a, b = sys.argv[1].split(), sys.argv[2].split()
print(" ".join(f"{b[i]} {int(b[i + 1]) - int(a[i + 1])}" for i in range(0, len(b), 2)))' "$a0" "$a1")"
	expect_eq "... and names as many tables as it analyzed (16 at 0102) (pg)" 1 "$(( n >= 16 ))"
fi
# refuse DB TABLE NAME PG_CHECK SQLITE_WHEN: a constraint the importer does
# not know, named NAME
refuse() {
	if [ "$BACKEND" = pg ]; then
		sql_on "$1" "ALTER TABLE $2 ADD CONSTRAINT $3 CHECK ($4)"
	else
		sql_on "$1" "CREATE TRIGGER $3 BEFORE INSERT ON $2 WHEN $5
			BEGIN SELECT RAISE(ABORT, '$3'); END"
	fi
}
# refused DB KEY FILE LINE NAME WHAT COUNTS_SQL: the import of FILE is
# refused, naming LINE (WHAT's) and the constraint NAME; COUNTS_SQL gives
# "0 0 0" when nothing stays
refused() {
	local err rc
	err=$("$QF_BIN" import --db "$1" --key "$2" "$3" 2>&1 >/dev/null)
	rc=$?
	expect_eq "a file whose $6 (line $4) the database refuses: refused" 1 "$rc"
	expect_contains "... naming that line" "line $4: the database refused the record" "$err"
	expect_contains "... and the constraint" "$5" "$err"
	expect_eq "... nothing stays" "0 0 0" "$(sql_on "$1" "$7")"
}
# a clue the database refuses (among the clues of a batch on PostgreSQL):
# named by its own line, nothing stays
BADC=$(newdb refusedclue) || { not_ok "a database for the clue's refusal"; finish; }
refuse "$BADC" clues t235_refuse_clue "ext_id IS DISTINCT FROM 'C90'" "NEW.ext_id = 'C90'"
refused "$BADC" "$T_DIR/refusedclue.key" "$F" "$(grep -n '"type":"clue","id":"C90",' "$F" | cut -d: -f1)" \
	t235_refuse_clue clue \
	"SELECT (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM clue_subjects) || ' ' || (SELECT count(*) FROM dispositions)"
# a case the database refuses (among the cases of a batch on PostgreSQL,
# with their subjects and filing numbers): named by its own line, nothing
# stays
BADA=$(newdb refusedcase) || { not_ok "a database for the case's refusal"; finish; }
refuse "$BADA" cases t235_refuse_case "ext_id IS DISTINCT FROM 'A30'" "NEW.ext_id = 'A30'"
refused "$BADA" "$T_DIR/refusedcase.key" "$F" "$(grep -n '"type":"case","id":"A30",' "$F" | cut -d: -f1)" \
	t235_refuse_case case \
	"SELECT (SELECT count(*) FROM cases) || ' ' || (SELECT count(*) FROM case_subjects) || ' ' || (SELECT count(*) FROM clues)"
# a decision the database refuses in the middle of a batch: named by its
# own line, nothing stays
BAD=$(newdb refused) || { not_ok "a database for the refusal"; finish; }
refuse "$BAD" dispositions t235_refuse "decided <> '2024-05-02'" "NEW.decided = '2024-05-02'"
sed -E '/"disposition","clue":"C82",/s/"decided":"[^"]*"/"decided":"2024-05-02"/' "$F" >"$T_DIR/refused.jsonl"
refused "$BAD" "$T_DIR/refused.key" "$T_DIR/refused.jsonl" \
	"$(grep -n '"decided":"2024-05-02"' "$T_DIR/refused.jsonl" | cut -d: -f1)" \
	t235_refuse "decision, one of a batch," \
	"SELECT (SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM dispositions) || ' ' || (SELECT count(*) FROM persons)"

# the next number an API write draws follows the import's
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
P1=$(sql "SELECT id FROM persons WHERE ext_id = 'TP1'")
last=$(sql "SELECT last FROM number_counters WHERE kind = 'clue' AND year = 2024")
new_clue() {   # new_clue DAY: a clue on TP1 through the API; body and status
	api POST /api/clues "{\"received\":\"$1\",\"source\":\"report\",\"summary\":\"反映其违规问题\",\"subjects\":[$P1],\"confirm\":true}"
}
r=$(new_clue 2024-06-01)
expect_eq "a clue of 2024 registered through the API: 201" 201 "$(status "$r")"
expect_eq "... numbered after the import's last of 2024" "$(printf '线索〔2024〕%03d号' $((last + 1)))" \
	"$(sql "SELECT clue_no FROM clues WHERE id = $(body "$r" | jget '["id"]')")"

# a bulk file whose given numbers other records hold: refused naming the
# line, nothing stays (the counters drawn in memory neither)
X=$T_DIR/taken.jsonl
python3 "$GEN" 150 45 7 | sed -E 's/"(U|P|C|A)([0-9])/"X\1\2/g' >"$X"
XL=$(wc -l <"$X")
cp "$X" "$T_DIR/taken2.jsonl"
echo '{"type":"clue","id":"XT1","received":"2024-02-01","source":"report","subjects":["XP1_1"],"clue_no":"线索〔2024〕003号"}' >>"$X"
before="$(sql "SELECT count(*) FROM clues") $(sql "SELECT count(*) FROM persons") $(sql "$NUMS" | md5sum)"
run_cli import "$X"
expect_eq "a bulk file whose last clue gives a number a clue holds: refused" 1 "$RC"
expect_contains "... naming its line and field" "line $((XL + 1)), field \"clue_no\"" "$ERR"
expect_contains "... and the number" "线索编号 线索〔2024〕003号 已存在" "$ERR"
expect_eq "... nothing stays: clues, persons, counters" "$before" \
	"$(sql "SELECT count(*) FROM clues") $(sql "SELECT count(*) FROM persons") $(sql "$NUMS" | md5sum)"
# a clue of the file filed as a case whose 立案编号 a subject of TA1 holds
cat >>"$T_DIR/taken2.jsonl" <<JSONL
{"type":"clue","id":"XT2","received":"2024-02-01","source":"report","subjects":["XP1_1"]}
{"type":"disposition","clue":"XT2","decided":"2024-02-02","method":"preliminary_verification"}
{"type":"disposition","clue":"XT2","decided":"2024-02-03","method":"file_case",$FILE_CASE,"committee_day":"2024-02-03"}
{"type":"case","id":"XTA","clue":"XT2","subjects":["XP1_1"],"filing_nos":["纪立〔2024〕3号"],"filed":"2024-02-04","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
JSONL
run_cli import "$T_DIR/taken2.jsonl"
expect_eq "a bulk file whose last case gives a 立案编号 a subject holds: refused" 1 "$RC"
expect_contains "... naming its line and field" "line $((XL + 4)), field \"filing_nos\"" "$ERR"
expect_eq "... nothing stays" "$before" \
	"$(sql "SELECT count(*) FROM clues") $(sql "SELECT count(*) FROM persons") $(sql "$NUMS" | md5sum)"

# an API write while a bulk import runs: it waits (201) or is refused with
# a clear answer (503), and no number is given twice
head -n "$XL" "$X" >"$T_DIR/concurrent.jsonl"
"$QF_BIN" import "$T_DIR/concurrent.jsonl" >"$T_DIR/imp.out" 2>"$T_DIR/imp.err" &
IMP=$!
statuses=""
while kill -0 "$IMP" 2>/dev/null || [ -z "$statuses" ]; do
	statuses="$statuses $(status "$(new_clue 2024-06-02)")"
done
wait "$IMP"
expect_eq "the import beside the API writes: exit 0" 0 "$?"
case " $statuses " in
*" 201 "*) ok "an API write during or after the import was stored" ;;
*) not_ok "an API write during or after the import was stored (statuses:$statuses)" ;;
esac
others=$(tr ' ' '\n' <<<"$statuses" | grep -v -e '^$' -e '^201$' -e '^503$' | sort -u | paste -sd' ')
expect_eq "... every API answer 201 or 503 (no 500)" "" "$others"
expect_eq "... no 线索编号 nor 立案编号 twice" 0 "$(sql "$DUPS")"
expect_eq "... the counter of 2024 is the last number of 2024 given" \
	"$(sql "SELECT max(CAST(substr(clue_no, 9, 3) AS INTEGER)) FROM clues WHERE clue_no LIKE '线索〔2024〕%'")" \
	"$(sql "SELECT last FROM number_counters WHERE kind = 'clue' AND year = 2024")"
stop_server

run_cli audit verify
expect_eq "audit verify: exit 0" 0 "$RC"
check "no sanitizer report from the CLI" cli_clean
check "no sanitizer report from the server" server_clean
finish
