# t229_import_memo.sh: issue 16, imp16b: an import keeps what its
# transaction read back (domain/txmemo.c: the settings, the jurisdiction
# rules, the number patterns, each clue's state and level).  Later lines
# that depend on earlier ones must give the database the line-by-line path
# gives (each line its own import, so nothing is kept from one record to
# the next): a clue, its dispositions, then its case; a clue of the level
# above (jurisdiction_rules) forwarded upward; numbers given in the file
# that the counters would draw again (skipped, as numbering_next does).
# A disposition late in the file that the memo's stale clue state would
# allow is refused with its line, leaves nothing, and an import after it
# works.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/memo.jsonl
FILE_CASE='"approved_by":"县纪委书记","committee_by":"县委书记"'
cat >"$F" <<JSONL
{"type":"unit","id":"U1","name":"测试单位甲","kind":"department","parent":null}
{"type":"person","id":"P1","name":"干部甲","unit":"U1","position":"科员","rank":"section","top_leader":false,"leadership":false,"party_member":true}
{"type":"person","id":"P2","name":"干部乙","unit":"U1","position":"局长","rank":"county","top_leader":true,"leadership":true,"party_member":true}
{"type":"person","id":"P3","name":"干部丙","unit":"U1","position":"科员","rank":"section","top_leader":false,"leadership":false,"party_member":true}
{"type":"clue","id":"C1","received":"2023-12-20","source":"report","subjects":["P1"],"clue_no":"线索〔2024〕002号"}
{"type":"clue","id":"C2","received":"2024-03-02","source":"report","subjects":["P3"]}
{"type":"clue","id":"C3","received":"2024-03-03","source":"report","subjects":["P1","P3"]}
{"type":"clue","id":"C4","received":"2024-03-04","source":"report","subjects":["P2"]}
{"type":"disposition","clue":"C2","decided":"2024-03-05","method":"preliminary_verification"}
{"type":"disposition","clue":"C2","decided":"2024-03-10","method":"file_case",$FILE_CASE,"committee_day":"2024-03-10"}
{"type":"case","id":"A1","clue":"C2","subjects":["P3"],"filing_nos":["纪立〔2024〕1号"],"filed":"2024-03-12","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"disposition","clue":"C3","decided":"2024-03-06","method":"preliminary_verification"}
{"type":"disposition","clue":"C3","decided":"2024-03-11","method":"file_case",$FILE_CASE,"committee_day":"2024-03-11"}
{"type":"case","id":"A2","clue":"C3","subjects":["P1","P3"],"filed":"2024-03-13","case_type":"discipline","organ_kind":"office","organ_name":"第二审查调查室","categories":["integrity"]}
{"type":"disposition","clue":"C4","decided":"2024-03-07","method":"transfer","transfer_direction":"upward","transfer_to":"市纪委监委","approved_by":"县纪委书记"}
{"type":"disposition","clue":"C1","decided":"2024-03-08","method":"close","approved_by":"县纪委书记"}
{"type":"clue","id":"C5","received":"2024-03-09","source":"report","subjects":["P3"]}
JSONL
LINES=$(wc -l <"$F")

# the file in one go (one transaction, the memo kept across its records)
run_cli import "$F"
expect_eq "the file ($LINES lines) imports in one go: exit 0" 0 "$RC"
expect_contains "... every record counted" "imported $LINES records" "$OUT"
# C1 (received 2023) carries a number of 2024's form: it raises no counter
# (numbering_note reads it with 2023's pattern), so 2024's draws meet it
expect_eq "the clue numbers: the file's 002 kept, the drawn ones skip it" \
	"线索〔2024〕002号 线索〔2024〕001号 线索〔2024〕003号 线索〔2024〕004号 线索〔2024〕005号" \
	"$(sql "SELECT clue_no FROM clues ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the 立案编号: the file's 1 kept, the counter raised past it" \
	"纪立〔2024〕1号 纪立〔2024〕2号 纪立〔2024〕3号" \
	"$(sql "SELECT filing_no FROM case_subjects ORDER BY case_id, person_id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the states the dispositions left, in file order" "closed filed filed transferred registered" \
	"$(sql "SELECT state FROM clues ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the clue of the level above (a county-rank subject) has its forwarding clock, no other" \
	"C4" "$(sql "SELECT ext_id FROM clues WHERE forward_due IS NOT NULL")"
# the subjects' snapshot (sqrec17: on SQLite one single-row INSERT a
# subject, the person's columns read once a run): the persons' own values,
# as stored (types too), one row a subject, in the list's order
SAME="sum(CASE WHEN s.rank IS NOT DISTINCT FROM p.rank AND s.top_leader IS NOT DISTINCT FROM p.top_leader
	AND s.leadership IS NOT DISTINCT FROM p.leadership AND s.unit_id IS NOT DISTINCT FROM p.unit_id
	THEN 1 ELSE 0 END)"
SNAP="SELECT 'clue', count(*), $SAME FROM clue_subjects s JOIN persons p ON p.id = s.person_id
	UNION ALL SELECT 'case', count(*), $SAME FROM case_subjects s JOIN persons p ON p.id = s.person_id"
expect_eq "the subjects' rank, top_leader, leadership and unit: the persons' (6 clue, 3 case subjects)" \
	"clue|6|6 case|3|3" "$(sql "$SNAP" | tr '\n' ' ' | sed 's/ $//')"
if [ "$BACKEND" != pg ]; then
	expect_eq "... stored as the persons' types, the subjects of C3 in the list's order" \
		"text integer integer integer|9 P1 P3" \
		"$(sql "SELECT t || '|' || count(*) FROM (SELECT typeof(rank) || ' ' || typeof(top_leader) || ' ' ||
			typeof(leadership) || ' ' || typeof(unit_id) AS t FROM clue_subjects UNION ALL
			SELECT typeof(rank) || ' ' || typeof(top_leader) || ' ' || typeof(leadership) || ' ' ||
			typeof(unit_id) FROM case_subjects) GROUP BY t") $(sql "SELECT p.ext_id FROM clue_subjects s JOIN persons p ON p.id = s.person_id
			JOIN clues c ON c.id = s.clue_id WHERE c.ext_id = 'C3' ORDER BY s.rowid" | tr '\n' ' ' | sed 's/ $//')"
fi

# the reference: each line its own import (its own transaction, nothing kept)
REF=$T_DIR/ref.db
[ "$BACKEND" = pg ] && REF=$(pg_newdb ref)
"$QF_BIN" init --db "$REF" --key "$T_DIR/ref.key" --name "测试市纪委监委" --region 230100 >/dev/null ||
	not_ok "reference database"
n=0 bad=0
while IFS= read -r line; do
	n=$((n + 1))
	printf '%s\n' "$line" >"$T_DIR/line.jsonl"
	"$QF_BIN" import --db "$REF" --key "$T_DIR/ref.key" "$T_DIR/line.jsonl" >/dev/null 2>>"$T_DIR/cli.log" ||
		bad=$((bad + 1))
done <"$F"
expect_eq "the reference: $n lines imported one by one, none refused" 0 "$bad"
run_cli export --out "$T_DIR/once.jsonl"
expect_eq "export of the one-go import: exit 0" 0 "$RC"
"$QF_BIN" export --db "$REF" --key "$T_DIR/ref.key" --out "$T_DIR/ref.jsonl" >/dev/null 2>&1
expect_eq "... byte for byte the line-by-line reference's export" \
	"$(sha256sum <"$T_DIR/ref.jsonl")" "$(sha256sum <"$T_DIR/once.jsonl")"
NUMS="SELECT kind || ' ' || year || ' ' || last FROM number_counters ORDER BY 1"
if [ "$BACKEND" = pg ]; then
	ref_nums=$(psql -X -q -At "$REF" -c "$NUMS")
else
	ref_nums=$(sqlite3 "$REF" "$NUMS")
fi
expect_eq "... and the same number counters" "$ref_nums" "$(sql "$NUMS")"

# a disposition late in the file that C2's state as first read (registered)
# would allow: refused by the state the earlier lines left; nothing stays
BAD=$T_DIR/bad.db
[ "$BACKEND" = pg ] && BAD=$(pg_newdb bad)
"$QF_BIN" init --db "$BAD" --key "$T_DIR/bad.key" --name "测试市纪委监委" --region 230100 >/dev/null ||
	not_ok "third database"
cp "$F" "$T_DIR/bad.jsonl"
echo '{"type":"disposition","clue":"C2","decided":"2024-03-20","method":"preliminary_verification"}' >>"$T_DIR/bad.jsonl"
run_cli import --db "$BAD" --key "$T_DIR/bad.key" "$T_DIR/bad.jsonl"
expect_eq "a disposition on a filed clue in the last line: the import is refused" 1 "$RC"
expect_contains "... naming its line and field" "line $((LINES + 1)), field \"method\"" "$ERR"
expect_contains "... by the state the file's own lines left" "in state filed" "$ERR"
# and one on the clue of the level above, before its transfer: refused by its level
head -8 "$F" >"$T_DIR/level.jsonl"
echo '{"type":"disposition","clue":"C4","decided":"2024-03-20","method":"preliminary_verification"}' >>"$T_DIR/level.jsonl"
run_cli import --db "$BAD" --key "$T_DIR/bad.key" "$T_DIR/level.jsonl"
expect_eq "a disposition of a clue of the level above, not upward: refused" 1 "$RC"
expect_contains "... naming its line" "line 9, field \"method\"" "$ERR"
counts_bad() {
	if [ "$BACKEND" = pg ]; then psql -X -q -At "$BAD" -c "$1"; else sqlite3 "$BAD" "$1"; fi
}
expect_eq "... nothing of either file stays (units persons clues dispositions counters)" "0 0 0 0 0" \
	"$(counts_bad "SELECT (SELECT count(*) FROM units) || ' ' || (SELECT count(*) FROM persons) || ' ' ||
		(SELECT count(*) FROM clues) || ' ' || (SELECT count(*) FROM dispositions) || ' ' ||
		(SELECT count(*) FROM number_counters)")"
run_cli import --db "$BAD" --key "$T_DIR/bad.key" "$F"
expect_eq "the good file into the same database afterwards: exit 0" 0 "$RC"
"$QF_BIN" export --db "$BAD" --key "$T_DIR/bad.key" --out "$T_DIR/after.jsonl" >/dev/null 2>&1
expect_eq "... and it exports as the one-go import" \
	"$(sha256sum <"$T_DIR/once.jsonl")" "$(sha256sum <"$T_DIR/after.jsonl")"

run_cli audit verify
expect_eq "audit verify: exit 0" 0 "$RC"
check "no sanitizer report from the CLI" cli_clean
finish
