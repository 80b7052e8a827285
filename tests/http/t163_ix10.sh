# t163_ix10.sh: interchange of issue 10's records (docs/interchange.md,
# "Issue 10's records"): outcome ids, clarifications, follow-up visits,
# appeals, the filing approvals, detention notices and steps, the form
# table and the violation categories import with the rules of the pages
# and round-trip through export -> import into a fresh database -> export.
# Each refusal names line and field; the rule and the regulation that
# states it:
# - a filing needs the commission principal's and the same-level party
#   committee principal's approval (监督执纪工作规则 2019, art. 34; DOMAIN.md 2);
# - a follow-up visit is not before the outcome it follows (DOMAIN.md 2);
# - a clarification clears a subject of the matter (DOMAIN.md 2);
# - an appeal changes a sanction to another of the same kind (党纪处分条例
#   2023 / 政务处分法 2020: at most one party and one government sanction);
# - the national extension once, the recalculation only by a provincial
#   commission (Supervision Law as revised, in force 2025-06-01, art. 49);
# - one notice each to the family and the unit (art. 50);
# - a form row never moves an outcome already decided (统计指标体系 口径);
# - a category code is never reused (the catalog keeps what a case was filed under).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/a.jsonl
cat >"$F" <<'JSONL'
{"type":"form_rule","measure":"talk_reminder","valid_from":"2000-01-01","form":1,"source":"监督执纪“四种形态”统计指标体系（2016）"}
{"type":"form_rule","measure":"public_apology","valid_from":"2023-01-01","form":2,"source":"测试口径（2023）"}
{"type":"violation_category","code":"farmland","label":"违规占用耕地","source":"本地目录","valid_from":"2020-01-01"}
{"type":"unit","id":"XU1","name":"乙局","kind":"department","parent":null}
{"type":"person","id":"XP1","name":"李某","unit":"XU1","rank":"staff","party_member":true}
{"type":"person","id":"XP2","name":"周某","unit":"XU1","rank":"staff"}
{"type":"person","id":"XP3","name":"吴某","unit":"XU1","rank":"staff"}
{"type":"clue","id":"XC1","received":"2025-05-02","source":"report","subjects":["XP1","XP2"],"summary":"反映其违规"}
{"type":"disposition","clue":"XC1","decided":"2025-05-10","method":"preliminary_verification"}
{"type":"disposition","clue":"XC1","decided":"2025-05-20","method":"file_case","approved_by":"县纪委书记","committee_by":"县委书记","committee_day":"2025-05-19"}
{"type":"clue","id":"XC2","received":"2025-05-03","source":"report","subjects":["XP3"],"summary":"反映其违规"}
{"type":"disposition","clue":"XC2","decided":"2025-05-10","method":"preliminary_verification"}
{"type":"case","id":"XK1","clue":"XC1","filed":"2025-06-01","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["farmland","integrity"]}
{"type":"detention","id":"D1","case":"XK1","person":"XP1","start":"2025-06-05","announced_at":"2025-06-05T09:00","approved_by":"市纪委监委","approved_day":"2025-06-04"}
{"type":"detention_notice","detention":"D1","party":"family","at":"2025-06-05T20:00"}
{"type":"detention_notice","detention":"D1","party":"unit","at":"2025-06-07T10:00","note":"单位地址变更"}
{"type":"detention_step","detention":"D1","kind":"extension","approved":"2025-08-20","approver":"市纪委监委"}
{"type":"detention_step","detention":"D1","kind":"national","approved":"2025-11-20","approver":"国家监委","ten_years":true}
{"type":"outcome","id":"O1","person":"XP1","case":"XK1","date":"2025-10-10","measures":["party_warning","gov_demerit"]}
{"type":"clarification","id":"L1","person":"XP2","case":"XK1","date":"2025-10-12","manner":"meeting"}
{"type":"followup","outcome":"O1","date":"2025-11-01","note":"思想稳定"}
{"type":"followup","clarification":"L1","date":"2025-11-02"}
{"type":"appeal","outcome":"O1","kind":"appeal","measure":"gov_demerit","filed":"2025-10-20","decided":"2025-11-15","result":"changed","new_measure":"gov_warning"}
JSONL
protect 李某 周某 吴某 反映其违规
run_cli import "$F"
expect_eq "issue 10's records import: exit 0" 0 "$RC"
expect_eq "the filing approvals recorded as the pages record them (principal, party committee)" \
	"filing|县纪委书记|2025-05-20 filing_committee|县委书记|2025-05-19" \
	"$(sql "SELECT a.kind || '|' || a.approver || '|' || a.day FROM approvals a JOIN dispositions d ON a.object = 'disposition/' || d.id WHERE d.method = 'file_case' ORDER BY a.kind" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the case filed under a category the file added" "farmland integrity" \
	"$(sql "SELECT category FROM case_categories ORDER BY category" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "form rows: the seed's twin written once, the new row added" "1 2" \
	"$(sql "SELECT (SELECT count(*) FROM form_rules WHERE measure = 'talk_reminder') || ' ' || (SELECT count(*) FROM form_rules WHERE measure = 'public_apology')")"
expect_eq "the outcome, the clarification and the detention keep their file ids" "O1 L1 D1" \
	"$(sql "SELECT (SELECT ext_id FROM outcomes) || ' ' || (SELECT ext_id FROM clarifications) || ' ' || (SELECT ext_id FROM detentions)")"
expect_eq "two notices, the late one stored as made" "family|2025-06-05T20:00 unit|2025-06-07T10:00" \
	"$(sql "SELECT party || '|' || notified_at FROM detention_notices ORDER BY party" | tr '\n' ' ' | sed 's/ $//')"
# the due day as the case page moves it: each step's months from the
# detention_limits row in force on its approval day, added to the due day
expect_eq "extension and national extension move the due day as on the case page" \
	"$(sql "SELECT (SELECT amount FROM detention_limits WHERE step = 'extension' ORDER BY effective_from DESC LIMIT 1) || ' ' || (SELECT amount FROM detention_limits WHERE step = 'national' ORDER BY effective_from DESC LIMIT 1)")" \
	"$(sql "SELECT months FROM detention_extensions ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "... the due day 3 + 3 + 2 months after the start" "2026-02-05" "$(sql "SELECT due_day FROM detentions")"
expect_eq "the appeal ends the changed sanction and adds the new one" \
	"gov_demerit|2025-10-10|appeal gov_warning|2025-11-15| party_warning|2025-10-10|" \
	"$(sql "SELECT measure || '|' || decided || '|' || COALESCE(ended, '') || COALESCE(substr(ended_by, 1, 6), '') FROM outcome_measures ORDER BY measure" | sed 's/|2025-11-15appeal/|appeal/' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "two follow-up visits: an outcome's and a cleared person's" "1 1" \
	"$(sql "SELECT (SELECT count(*) FROM followups WHERE outcome_id IS NOT NULL) || ' ' || (SELECT count(*) FROM followups WHERE clarification_id IS NOT NULL)")"

# the case page's view of what was imported: the late notice shown late
# (Supervision Law as revised, art. 50: within 24 hours), the steps listed
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
KID=$(sql "SELECT id FROM cases WHERE ext_id = 'XK1'")
r=$(api GET "/api/cases/$KID")
expect_eq "the case reads through the API" 200 "$(status "$r")"
expect_eq "... the detention's notice clock: done late, its due day and two steps" "逾期办结 2026-02-05 2" \
	"$(body "$r" | python3 -c 'import json,sys; d=json.load(sys.stdin)["detentions"][0]; print(d["notice_clock_label"], d["due"], len(d["extensions"]))')"
stop_server

# ---- refusals: the rules of the pages, naming line and field --------------------------------
run_cli export --out "$T_DIR/seed.jsonl"
before=$(sql "SELECT (SELECT count(*) FROM followups) + (SELECT count(*) FROM appeals) + (SELECT count(*) FROM detention_extensions) + (SELECT count(*) FROM detention_notices) + (SELECT count(*) FROM clarifications) + (SELECT count(*) FROM form_rules) + (SELECT count(*) FROM dispositions)")
refused() {   # refused DESC 'line N, field "F"' LINE...
	local desc=$1 want=$2
	shift 2
	printf '%s\n' "$@" >"$T_DIR/r.jsonl"
	run_cli import "$T_DIR/r.jsonl"
	if [ "$RC" -ne 0 ]; then expect_contains "$desc" "$want" "$ERR"; else not_ok "$desc (imported)"; fi
}
refused "a filing without the party committee's approval" 'line 1, field "committee_by"' \
	'{"type":"disposition","clue":"XC2","decided":"2025-06-10","method":"file_case","approved_by":"县纪委书记"}'
refused "a follow-up visit before the outcome" 'line 2, field "date"' \
	'{"type":"followup","outcome":"O1","date":"2025-11-05"}' '{"type":"followup","outcome":"O1","date":"2025-10-01"}'
refused "a clarification of a person who is not a subject of the matter" 'line 1, field "person"' \
	'{"type":"clarification","person":"XP3","case":"XK1","date":"2025-10-12","manner":"written"}'
refused "an appeal changing a government sanction to a party one" 'line 1, field "new_measure"' \
	'{"type":"appeal","outcome":"O1","kind":"review","measure":"gov_warning","filed":"2025-11-20","decided":"2025-11-25","result":"changed","new_measure":"party_serious_warning"}'
refused "a second national extension" 'line 1, field "kind"' \
	'{"type":"detention_step","detention":"D1","kind":"national","approved":"2025-12-01","approver":"国家监委","ten_years":true}'
refused "a recalculation decided at county level" 'line 1, field "kind"' \
	'{"type":"detention_step","detention":"D1","kind":"recalc","approved":"2025-12-01","approver":"国家监委"}'
refused "a recalculation without its approver" 'line 1, field "approver"' \
	'{"type":"detention_step","detention":"D1","kind":"recalc","approved":"2025-12-01"}'
refused "a second notice to the family" 'line 1, field "party"' \
	'{"type":"detention_notice","detention":"D1","party":"family","at":"2025-06-06T08:00"}'
refused "a form row that differs from the stored one of its day" 'line 1, field "form"' \
	'{"type":"form_rule","measure":"talk_reminder","valid_from":"2000-01-01","form":2,"source":"x"}'
refused "a form row that would move a stored outcome's form" 'line 1, field "valid_from"' \
	'{"type":"form_rule","measure":"party_warning","valid_from":"2025-01-01","form":3,"source":"x"}'
refused "a category code reused for another category" 'line 1, field "label"' \
	'{"type":"violation_category","code":"farmland","label":"别的类别","valid_from":"2020-01-01"}'
# the other rule tables: a row equal to the stored one is taken, any other
# refused (their new versions are the rule table pages', from today on)
refused "an influence period that differs from the stored one" 'line 2, field "measure"' \
	"$(grep '"influence_period","measure":"admonishment"' "$T_DIR/seed.jsonl")" \
	'{"type":"influence_period","measure":"admonishment","valid_from":"2000-01-01","months":12,"stated":false,"extra_months":0,"permanent":false,"source":"x"}'
refused "a clock limit version this database lacks" 'line 1, field "clock"' \
	'{"type":"clock_limit_version","clock":"petition_accept","effective_from":"2030-01-01","amount":10,"unit":"days","source":"x"}'
expect_eq "nothing stored by the refused files" "$before" \
	"$(sql "SELECT (SELECT count(*) FROM followups) + (SELECT count(*) FROM appeals) + (SELECT count(*) FROM detention_extensions) + (SELECT count(*) FROM detention_notices) + (SELECT count(*) FROM clarifications) + (SELECT count(*) FROM form_rules) + (SELECT count(*) FROM dispositions)")"

# ---- round trip into a fresh database ------------------------------------------------------
run_cli export --with-sensitive --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
expect_contains "export writes the outcome's id" '"type":"outcome","id":"O1"' "$(cat "$T_DIR/e1.jsonl")"
expect_contains "... the outcome's measures as first decided (the appeal changes them)" \
	'"measures":["gov_demerit","party_warning"]' "$(grep '"O1"' "$T_DIR/e1.jsonl" | head -1)"
expect_contains "... the filing approvals on the file_case line" '"committee_by":"县委书记","committee_day":"2025-05-19"' \
	"$(grep file_case "$T_DIR/e1.jsonl")"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb ix10); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
run_cli export --with-sensitive --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same lines" diff "$T_DIR/e1.jsonl" "$T_DIR/e2.jsonl"
check "no sanitizer report from the CLI" cli_clean
check "no sanitizer report from the server" server_clean
finish
