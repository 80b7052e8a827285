#!/usr/bin/env bash
# t189_numbers: issue 12, official numbers everywhere (docs/architecture.md
# "Official numbers: one counter", docs/user-guide.md 编号规则).
#  - the patterns page /numbers (case management office, PERM_DOC_TEMPLATES):
#    every kind listed with its pattern and the next number; a pattern set
#    from a day with its source applies from that day, previewed; a bad
#    pattern (no counter, an unknown mark) and a missing source refused
#    with the Chinese message beside the field, the typed text kept; saves
#    audited; an investigator gets 403;
#  - document numbers (发文字号, GB/T 9704-2012 7.2.4: 机关代字, 年份,
#    发文顺序号) and the older document counter: a database whose documents
#    were numbered by the counters of migration 0030 (doc_counters) is
#    brought up by 0035 and the next document continues the number (no gap,
#    no duplicate); eight made at once get eight distinct consecutive
#    numbers;
#  - the filing decision (立案决定书, made per person: 《监督执纪工作规则》
#    (2019) 立案审查调查 per subject) carries that subject's 立案编号, draws
#    no number, and is refused without a subject on a case of two;
#  - the search box finds a clue by its 线索编号, a case by a subject's
#    立案编号, a document by its 文号, within need-to-know (DOMAIN.md section
#    1): an investigator off the team and a township commission over another
#    unit find none of them (the counts say 0).
# Fails before this change: there is no /numbers, and documents number from
# doc_counters.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users inv1:investigator inv2:investigator
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
for u in lead inv1 inv2; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
LJ=$T_DIR/lead.jar I1=$T_DIR/inv1.jar I2=$T_DIR/inv2.jar
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }
CSRF=$(csrf_of "$JAR")
post() {   # post PATH OUTFILE field=value...
	local path=$1 out=$2 a=()
	shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	curl -s -o "$out" -w '%{http_code}' -b "$JAR" --data-urlencode "csrf=$CSRF" "${a[@]}" "$BASE$path"
}
YEAR=$(date +%Y)

UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙镇","kind":"department"}')" | jget '["id"]')
ready_user outsider --role township --unit "$UB" --password-stdin --db "$DB" >/dev/null
login outsider "$PW" "$T_DIR/outsider.jar" >/dev/null
OJ=$T_DIR/outsider.jar
person() { body "$(api POST /api/persons "{\"name\":\"$1\",\"unit_id\":$UA,\"rank\":\"section\"}")" | jget '["id"]'; }
P1=$(person 周科长) P2=$(person 吴副科长)

# ---- the patterns page ------------------------------------------------------------
expect_eq "机关代字 set to 青" 303 "$(post /documents/abbr "$T_DIR/abbr" kind=trial_report abbr=青)"
expect_eq "the page opens" 200 "$(http_get "$T_DIR/n" -b "$JAR" "$BASE/numbers")"
for k in 线索编号 立案编号 审理报告文号 处分决定书文号; do
	expect_contains "... lists $k" "$k" "$(cat "$T_DIR/n.b")"
done
check "... but no filing-decision 文号 (it is the subject's 立案编号)" bash -c '! grep -q "立案决定书文号" "$1"' _ "$T_DIR/n.b"
expect_contains "... with the next trial report number of today's year" "青纪审〔$YEAR〕1号" "$(cat "$T_DIR/n.b")"
expect_contains "... and the pattern language" "{序号3}" "$(cat "$T_DIR/n.b")"
expect_eq "an investigator may not open it (403)" 403 "$(http_status -b "$I1" "$BASE/numbers")"
expect_eq "... nor save a pattern (403)" 403 "$(curl -s -o /dev/null -w '%{http_code}' -b "$I1" \
	--data-urlencode "csrf=$(csrf_of "$I1")" --data-urlencode kind=clue --data-urlencode 'pattern={序号}' \
	--data-urlencode effective_from=2025-01-01 --data-urlencode source=x "$BASE/numbers")"

st=$(post /numbers "$T_DIR/bad1" kind=clue 'pattern={机关代字}线〔{yr}〕{序号}号' effective_from=2025-01-01 source=会议纪要)
expect_eq "an unknown mark: refused (422)" 422 "$st"
expect_contains "... the message beside the pattern field" \
	'<p class="field-error" id="e-pattern">未知的标记“{yr}”（可用：{机关代字}、{年}、{序号}、{序号3}）' "$(cat "$T_DIR/bad1")"
expect_contains "... the typed pattern kept" 'value="{机关代字}线〔{yr}〕{序号}号"' "$(cat "$T_DIR/bad1")"
st=$(post /numbers "$T_DIR/bad2" kind=clue 'pattern=线〔{年}〕号' effective_from=2025-01-01 source=)
expect_eq "no counter and no source: refused (422)" 422 "$st"
expect_contains "... the counter's message" "编号规则须含一个{序号}（或{序号3}）" "$(cat "$T_DIR/bad2")"
expect_contains "... and the source's, beside its field" '<p class="field-error" id="e-source">请填写规则的依据' "$(cat "$T_DIR/bad2")"
# without the year the counter's restart repeats last year's numbers (the
# unique 线索编号 then refused the first clue of the new year: a 500)
st=$(post /numbers "$T_DIR/bad5" kind=clue 'pattern=线-{序号}' effective_from=2025-01-01 source=x)
expect_eq "a pattern without {年}: refused (422)" 422 "$st"
expect_contains "... saying why beside the pattern" '<p class="field-error" id="e-pattern">编号规则须含{年}' "$(cat "$T_DIR/bad5")"
st=$(post /numbers "$T_DIR/bad3" kind=clue 'pattern=线〔{年}〕{序号}号' effective_from=2025-02-30 source=x)
expect_contains "an impossible date: 日期不存在 beside the field" '<p class="field-error" id="e-effective_from">日期不存在' "$(cat "$T_DIR/bad3")"
st=$(post /numbers "$T_DIR/bad4" kind=clue 'pattern=线〔{年}〕{序号}号' effective_from=2025/3/1 source=x)
expect_contains "a misshapen date: its format beside the field, not 日期不存在" \
	'<p class="field-error" id="e-effective_from">生效日期格式应为 YYYY-MM-DD' "$(cat "$T_DIR/bad4")"
expect_contains "... the text kept" 'value="2025/3/1"' "$(cat "$T_DIR/bad4")"
expect_eq "nothing saved, nothing audited" "1|0" \
	"$(sql "SELECT count(*) FROM number_patterns WHERE kind = 'clue'")|$(audit_count number_pattern_edit)"
st=$(post /numbers "$T_DIR/ok1" kind=clue 'pattern={机关代字}线〔{年}〕{序号3}号' effective_from=2025-01-01 \
	source=2024年第12次常委会会议纪要)
expect_eq "a pattern from 2025-01-01 with its source saves" 303 "$st"
http_get "$T_DIR/k" -b "$JAR" "$BASE/numbers?kind=clue" >/dev/null
expect_contains "... listed with its source" "2024年第12次常委会会议纪要" "$(cat "$T_DIR/k.b")"
expect_contains "... previewed: the next clue number of today" "青线〔$YEAR〕001号" "$(cat "$T_DIR/k.b")"
expect_eq "... audited" 1 "$(audit_count number_pattern_edit number_pattern/clue)"
expect_eq "a second pattern from the same day: refused beside the date" 422 \
	"$(post /numbers "$T_DIR/dup" kind=clue 'pattern=X{年}-{序号}' effective_from=2025-01-01 source=x)"
expect_contains "... saying so" "该日期起已有一条规则" "$(cat "$T_DIR/dup")"
# the limits count characters as the fields' maxlength does (200 and 500),
# not bytes: 70 Chinese characters are 210 bytes
long=$(python3 -c 'print("纪" * 70)')
expect_eq "a pattern of 77 Chinese characters (over 200 bytes) saves" 303 \
	"$(post /numbers "$T_DIR/long1" kind=doc_report_form "pattern=${long}〔{年}〕{序号}号" effective_from=2099-01-01 source=x)"
src501=$(python3 -c 'print("据" * 501)')
expect_eq "a source of 501 characters: refused (422)" 422 \
	"$(post /numbers "$T_DIR/long2" kind=doc_report_form 'pattern=A{年}{序号}' effective_from=2099-02-01 "source=$src501")"
expect_contains "... the limit and the length beside the field" \
	'<p class="field-error" id="e-source">依据不能超过500个字，现为501个字' "$(cat "$T_DIR/long2")"
expect_contains "... the text kept" "value=\"$src501\"" "$(cat "$T_DIR/long2")"
http_get "$T_DIR/ov" -b "$JAR" "$BASE/numbers" >/dev/null
row=$(sed 's/<tr>/\n<tr>/g' "$T_DIR/ov.b" | grep 'kind=doc_report_form')
expect_contains "the overview's 现行规则: the pattern in force today, the one from 2099 told as to come" \
	"<td>{机关代字}纪信登〔{年}〕{序号}号（自2099-01-01起：${long}〔{年}〕{序号}号）</td>" "$row"

# ---- clues and cases numbered by the patterns ---------------------------------------------
clue() { body "$(api POST /api/clues "{\"received\":\"$1\",\"source\":\"report\",\"summary\":\"反映其违规收受礼金\",\"subjects\":[$2],\"confirm\":true}")" | jget '["id"]'; }
K1=$(clue 2024-12-30 "$P1")
K2=$(clue 2025-03-02 "$P1,$P2")
expect_eq "clue numbers: the old pattern before its day, the new one from it" "线索〔2024〕001号|青线〔2025〕001号" \
	"$(sql "SELECT clue_no FROM clues WHERE id IN ($K1, $K2) ORDER BY id" | paste -sd'|')"
C=$(file_case "$K2" 2025-04-01)
FN1=$(sql "SELECT filing_no FROM case_subjects WHERE case_id = $C AND person_id = $P1")
FN2=$(sql "SELECT filing_no FROM case_subjects WHERE case_id = $C AND person_id = $P2")
expect_eq "the case of two subjects: two 立案编号" "纪立〔2025〕1号|纪立〔2025〕2号" "$FN1|$FN2"
expect_eq "inv1 joins the case team" 200 "$(status "$(api POST "/api/cases/$C/team" "{\"user_id\":$(uid inv1),\"role\":\"lead\"}")")"

# ---- the filing decision: the subject's 立案编号 -----------------------------------------------
num_of() { body "$1" | jget '["number"]'; }
out=$(api POST /api/documents "{\"kind\": \"filing_decision\", \"record_id\": $C, \"subject_id\": $P2, \"day\": \"2025-04-02\"}")
expect_eq "the filing decision of 吴副科长: made (201)" 201 "$(status "$out")"
expect_eq "... numbered with his 立案编号" "$FN2" "$(num_of "$out")"
curl -s -b "$JAR" -o "$T_DIR/fd.docx" "$BASE/api/documents/$(body "$out" | jget '["id"]')"
DOCXML=$(unzip -p "$T_DIR/fd.docx" word/document.xml)
expect_contains "... the document shows it" "$FN2" "$DOCXML"
expect_contains "... and names him" "吴副科长" "$DOCXML"
check "... and not the other subject" bash -c '! grep -q "周科长" <<<"$1"' _ "$DOCXML"
out=$(api POST /api/documents "{\"kind\": \"filing_decision\", \"record_id\": $C, \"day\": \"2025-04-02\"}")
expect_eq "without a subject on a case of two: refused (422)" 422 "$(status "$out")"
expect_contains "... asking for one" "请选择被审查调查人" "$(body "$out")"
out=$(api POST /api/documents "{\"kind\": \"filing_decision\", \"record_id\": $C, \"subject_id\": 999999, \"day\": \"2025-04-02\"}")
expect_eq "with someone who is not a subject: refused (422)" 422 "$(status "$out")"
st=$(post /documents "$T_DIR/fdp" "doc=filing_decision:$C:$P1" day=2025-04-03)
expect_eq "made from the case page for 周科长 (303)" 303 "$st"
expect_eq "... numbered with his 立案编号" "$FN1" \
	"$(sql "SELECT number FROM documents WHERE kind = 'filing_decision' ORDER BY id DESC LIMIT 1")"
http_get "$T_DIR/cp" -b "$JAR" "$BASE/cases/$C" >/dev/null
expect_contains "the case page offers one per subject" "filing_decision:$C:$P1" "$(cat "$T_DIR/cp.b")"
expect_eq "no counter moved for filing decisions, the case counter unchanged" "0|2" \
	"$(sql "SELECT count(*) FROM number_counters WHERE kind = 'doc_filing_decision'")|$(sql "SELECT last FROM number_counters WHERE kind = 'case_filing' AND year = 2025")"

# ---- the old document counter, migrated (0035) -----------------------------------------------
# This database as it was before 0035: the documents numbered by
# doc_number_rules / doc_counters, 41 trial reports given in 2025.
stop_server
sql "DROP INDEX documents_number" >/dev/null
sql "ALTER TABLE number_patterns DROP COLUMN author" >/dev/null
sql "ALTER TABLE case_trial_returns DROP COLUMN extra" >/dev/null
sql "DELETE FROM number_patterns WHERE kind LIKE 'doc_%'" >/dev/null
sql "DELETE FROM number_counters WHERE kind LIKE 'doc_%'" >/dev/null
sql "CREATE TABLE doc_number_rules (kind TEXT NOT NULL, effective_from TEXT NOT NULL, pattern TEXT NOT NULL,
	source TEXT NOT NULL, author_id BIGINT NOT NULL DEFAULT 0, author TEXT NOT NULL, created_at BIGINT NOT NULL,
	PRIMARY KEY (kind, effective_from))" >/dev/null
sql "CREATE TABLE doc_counters (kind TEXT NOT NULL, year INTEGER NOT NULL, last BIGINT NOT NULL, PRIMARY KEY (kind, year))" >/dev/null
sql "INSERT INTO doc_number_rules VALUES ('trial_report', '2000-01-01', '{机关代字}纪审〔{年}〕{序号}号', '默认', 0, '系统（默认）', 0),
	('trial_report', '2025-01-01', '{机关代字}审〔{年}〕{序号}号', '2024年第9次会议', $(uid cm), 'cm', 1),
	('filing_decision', '2000-01-01', '{机关代字}纪立〔{年}〕{序号}号', '默认', 0, '系统（默认）', 0)" >/dev/null
sql "INSERT INTO doc_counters VALUES ('trial_report', 2025, 41), ('filing_decision', 2025, 7)" >/dev/null
# and 0036 undone: the runner applies every version a database has not recorded
# (store/migrate.c), so 0035 and 0036 run again and the later ones do not
sql "DELETE FROM settings WHERE key = 'documents_sealed'" >/dev/null
sql "DELETE FROM schema_version WHERE version IN (35, 36)" >/dev/null
start_server || { not_ok "server restarts"; finish; }
expect_eq "0035 applied again" 1 "$(sql "SELECT count(*) FROM schema_version WHERE version = 35")"
expect_eq "... and 0036, below the newest version recorded" 1 "$(sql "SELECT count(*) FROM schema_version WHERE version = 36")"
expect_eq "the filing decision's own rule not carried over" 0 "$(sql "SELECT count(*) FROM number_patterns WHERE kind = 'doc_filing_decision'")"
expect_eq "the rules carried over with their sources and authors" \
	"2025-01-01 {机关代字}审〔{年}〕{序号}号 2024年第9次会议 cm|2000-01-01 {机关代字}纪审〔{年}〕{序号}号 默认 " \
	"$(sql "SELECT effective_from || ' ' || pattern || ' ' || source || ' ' || COALESCE((SELECT name FROM users WHERE id = created_by), '') FROM number_patterns WHERE kind = 'doc_trial_report' ORDER BY effective_from DESC" | paste -sd'|')"
login cm "$PW" >/dev/null
login inv1 "$PW" "$I1" >/dev/null
mk() { api POST /api/documents "{\"kind\": \"trial_report\", \"record_id\": $C, \"day\": \"$1\"}" "$I1"; }
out=$(mk 2025-05-06)
expect_eq "the next trial report of 2025 continues the old counter: 42" "青审〔2025〕42号" "$(num_of "$out")"
pids=()
for i in 1 2 3 4 5 6 7 8; do
	mk 2025-05-07 >"$T_DIR/par.$i" &
	pids+=($!)
done
wait "${pids[@]}"
seqs=$(for i in 1 2 3 4 5 6 7 8; do num_of "$(cat "$T_DIR/par.$i")"; done |
	sed -n 's/^青审〔2025〕\([0-9]*\)号$/\1/p' | sort -n | tr '\n' ' ')
expect_eq "eight at once: 43 to 50, no duplicate, no gap" "43 44 45 46 47 48 49 50 " "$seqs"
expect_eq "... the counter at 50, the documents' numbers distinct" "50|9|9" \
	"$(sql "SELECT last FROM number_counters WHERE kind = 'doc_trial_report' AND year = 2025")|$(sql "SELECT count(*) FROM documents WHERE kind = 'trial_report'")|$(sql "SELECT count(DISTINCT number) FROM documents WHERE kind = 'trial_report'")"
DOCNO="青审〔2025〕42号"

# ---- the search box by number, within need-to-know ------------------------------------------------
CLUENO=$(sql "SELECT clue_no FROM clues WHERE id = $K2")
search() { http_get "$T_DIR/s" -b "$2" --get --data-urlencode "q=$1" "$BASE/search" >/dev/null; cat "$T_DIR/s.b"; }
# the count of a section of the search page (0 when the section is not shown: the role may not read that kind)
count_of() { local n; n=$(grep -o "$1<span class=\"count\">（[0-9]*）" <<<"$2" | grep -o '[0-9]*' | tail -1); echo "${n:-0}"; }
page=$(search "$CLUENO" "$JAR")
expect_eq "the case manager finds the clue by its 线索编号" 1 "$(count_of 问题线索 "$page")"
expect_contains "... linking to it" "href=\"/clues/$K2\"" "$page"
page=$(search "$FN2" "$JAR")
expect_eq "... the case by a subject's 立案编号" 1 "$(count_of 案件 "$page")"
expect_contains "... linking to it" "href=\"/cases/$C\"" "$page"
expect_eq "... and the filing decision carrying it" 1 "$(count_of 文书 "$page")"
page=$(search "$DOCNO" "$I1")
expect_eq "the team's investigator finds the trial report by its 文号" 1 "$(count_of 文书 "$page")"
DOCID=$(sql "SELECT id FROM documents WHERE number = '$DOCNO'")
expect_contains "... linking to its download" "href=\"/documents/$DOCID\"" "$page"
page=$(search "$FN1" "$I2")
expect_eq "an investigator off the team: the case not found by its number" 0 "$(count_of 案件 "$page")"
page=$(search "$DOCNO" "$I2")
expect_eq "... nor its document by 文号" 0 "$(count_of 文书 "$page")"
for q in "$CLUENO" "$FN1" "$DOCNO"; do
	page=$(search "$q" "$OJ")
	expect_eq "a township commission over another unit finds nothing for $q" "0 0 0" \
		"$(count_of 问题线索 "$page") $(count_of 案件 "$page") $(count_of 文书 "$page")"
done
# ---- interchange: the new fields out and in (docs/interchange.md) ------------------------------------
sql "UPDATE clues SET assigned_office = '第一监督检查室' WHERE id = $K2" >/dev/null   # as clue_assign leaves it
run_cli export --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
CASELINE=$(grep '"type":"case"' "$T_DIR/e1.jsonl")
expect_contains "the case line carries the subjects' 立案编号 in their order" \
	"\"filing_nos\":[\"$FN1\",\"$FN2\"]" "$CASELINE"
expect_contains "the clue line its handling office" '"assigned_office":"第一监督检查室"' "$(cat "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb n189); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same lines" diff "$T_DIR/e1.jsonl" "$T_DIR/e2.jsonl"
expect_eq "... the numbers stored per subject, the office on the clue" "$FN1|$FN2|第一监督检查室" \
	"$(DB=$DB2 sql "SELECT filing_no FROM case_subjects ORDER BY filing_no" | paste -sd'|')|$(DB=$DB2 sql "SELECT assigned_office FROM clues WHERE assigned_office <> ''")"
expect_eq "... and the counters raised past them: the next filing of 2025 follows" "2" \
	"$(DB=$DB2 sql "SELECT last FROM number_counters WHERE kind = 'case_filing' AND year = 2025")"
python3 - "$T_DIR/e1.jsonl" "$T_DIR/dup.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
case = next(l for l in lines if l["type"] == "case")
clue = next(l for l in lines if l["type"] == "clue" and l["id"] == case["clue"])
disps = [dict(l, clue="X-K1") for l in lines if l["type"] == "disposition" and l["clue"] == case["clue"]]
clue = dict(clue, id="X-K1"); clue.pop("clue_no", None); clue.pop("assigned_office", None)
case = dict(case, id="X-A1", clue="X-K1")
open(sys.argv[2], "w").write("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in [clue] + disps + [case]))
PY
run_cli import "$T_DIR/dup.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "a case whose 立案编号 another subject holds: refused" 1 "$RC"
expect_contains "... naming the field and the number" "field \"filing_nos\": 立案编号 $FN1 已存在" "$ERR"
check "CLI runs clean" cli_clean
check "server log clean" server_clean
finish
