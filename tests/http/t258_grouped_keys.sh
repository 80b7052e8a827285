#!/bin/bash
# t258_grouped_keys.sh: a table's live keys read at once (issue 16, pgstat16j,
# dash16k; q_metrics.c q_metric_grouped, docs/statistics.md).  On PostgreSQL, within a
# batch (the report, /statistics, the annual report), the talks' seven keys,
# the inspections' four and their problems' two, the accountabilities' five
# measures, the two reminder kinds, the registered documents' three and the
# opinion letters' two are each read by one statement a (table, period, scope), a column a key.  Each figure equals:
# - its definition written here in SQL (DOMAIN.md section 6: talks in 人次,
#   inspected organisations counted once, accountabilities per measure type)
#   for no scope, a unit subtree (rows in it and outside it), a township
#   user's jurisdiction (rows in it and outside it), an inspection round, a
#   campaign and a quarter;
# - its own statement (QF_METRICS_LIVE=1 reads each key's statement): the
#   report for each scope and the annual report, whose one batch reads the
#   keys for several scopes and periods (the grouped rows are kept per
#   period and scope).
# SQLite reads the talks, the inspections, their problems, the documents and
# the opinion letters grouped too (dash16k: a group's `sqlite` flag, where
# one pass is cheaper than the keys' statements at 10M), the accountabilities
# and the reminders by each key's own statement: the same checks hold there,
# so a column swapped in a grouped statement SQLite reads fails on SQLite too.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022 --accounts
expect_eq "the demo year imports" 0 "$RC"

# talks of kinds the demo year has none of, in and out of the township's
# jurisdiction and of a department's subtree, so that every talks key and
# scope reads a different figure
TWP=$(sql "SELECT unit_id FROM user_scopes WHERE user_id = (SELECT id FROM users WHERE name = 'demo_township')")
DEPT=$(sql "SELECT min(p.id) FROM units p WHERE p.kind = 'department' AND EXISTS (SELECT 1 FROM units c WHERE c.parent_id = p.id)")
CHILD=$(sql "SELECT min(id) FROM units WHERE parent_id = $DEPT")
OUT_UNIT=$(sql "SELECT min(id) FROM units WHERE kind = 'department' AND id <> $DEPT AND parent_id <> $DEPT")
talk() { # KIND DAY UNIT PERSONS
	sql "INSERT INTO talks (kind, day, unit_id, persons, unit_led, created_at) VALUES ('$1', '$2', $3, $4, 1, 0)" >/dev/null
}
talk reminder 2022-03-02 "$TWP" 3
talk warning 2022-11-15 "$TWP" 2
talk warning 2022-05-20 "$CHILD" 5
talk reminder 2022-06-01 "$OUT_UNIT" 7
talk heart 2022-12-30 "$CHILD" 4
expect_eq "the fixture's talks" 5 "$(sql "SELECT count(*) FROM talks WHERE created_at = 0")"

# report_keys ARGS...: "key=value ..." of the grouped keys in `report --format json ARGS`
GKEYS="talks_pre_appointment talks_integrity talks_heart talks_reminder talks_warning talks_unit_led talks_total
inspection_orgs inspection_orgs_regular inspection_orgs_elevated inspection_groups inspection_problems
inspection_top_leader accountability_check accountability_notice accountability_admonish
accountability_org_handling accountability_discipline reminders_standing reminders_recent
documents_received documents_sent documents_registered opinion_replies opinion_cadres"
report_keys() {
	"$@" | GKEYS="$GKEYS" python3 -c '
import json, os, sys
want = os.environ["GKEYS"].split()
v = {m["key"]: m["value"] for m in json.load(sys.stdin)["metrics"]}
print(" ".join("%s=%s" % (k, v.get(k)) for k in want))'
}
# one KEY from a report_keys line
key_of() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

# the definitions over the units of SEED's subtree ("" every unit; SEED selects
# units.id, of one type on PostgreSQL's recursive CTE)
sub_in() { [ -z "$1" ] && return; echo "AND $2 IN (SELECT id FROM s)"; }
with_sub() { echo "WITH RECURSIVE s(id) AS (${1:-SELECT id FROM units WHERE 0 = 1} UNION ALL SELECT u.id FROM units u JOIN s ON u.parent_id = s.id) "; }
talks_def() { # FROM TO COND SEED
	sql "$(with_sub "$4")SELECT COALESCE(sum(persons), 0) FROM talks WHERE day >= '$1' AND day <= '$2' AND $3 $(sub_in "$4" unit_id)"
}
talks_check() { # WHAT LINE FROM TO SEED
	local k c
	for k in pre_appointment:"kind = 'pre_appointment'" integrity:"kind = 'integrity'" heart:"kind = 'heart'" \
		reminder:"kind = 'reminder'" warning:"kind = 'warning'" unit_led:"unit_led = 1" total:"1 = 1"; do
		c=${k#*:}
		expect_eq "$1: talks_${k%%:*} = its definition" "$(talks_def "$3" "$4" "$c" "$5")" "$(key_of "talks_${k%%:*}" "$2")"
	done
}
# the line through the grouped read equals each key's own statement
same_live() { # WHAT ARGS...
	local what=$1 a b
	shift
	a=$(report_keys "$QF_BIN" report --format json "$@")
	b=$(report_keys env QF_METRICS_LIVE=1 "$QF_BIN" report --format json "$@")
	if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "$what: grouped = each key's statement"
	else not_ok "$what: grouped = each key's statement ('$a' against '$b')"; fi
	LINE=$a
}

Y="2022-01-01 2022-12-31"
same_live "2022, no scope" --year 2022
talks_check "2022, no scope" "$LINE" $Y ""
expect_eq "2022: the talks keys differ from each other (the fixture tells the columns apart)" 7 \
	"$(tr ' ' '\n' <<<"$LINE" | grep '^talks_' | sed 's/.*=//' | sort -u | wc -l)"

same_live "2022, a department's subtree" --year 2022 --unit "$DEPT"
talks_check "2022, unit $DEPT and below" "$LINE" $Y "SELECT id FROM units WHERE id = $DEPT"
expect_eq "the subtree's inspection problems = their definition" \
	"$(sql "$(with_sub "SELECT id FROM units WHERE id = $DEPT")SELECT count(*) FROM problems WHERE found >= '2022-01-01' AND found <= '2022-12-31' AND source = 'inspection' AND unit_id IN (SELECT id FROM s)")" \
	"$(key_of inspection_problems "$LINE")"
expect_eq "the subtree's top-leader problems = their definition" \
	"$(sql "$(with_sub "SELECT id FROM units WHERE id = $DEPT")SELECT count(*) FROM problems WHERE found >= '2022-01-01' AND found <= '2022-12-31' AND source = 'inspection' AND top_leader = 1 AND unit_id IN (SELECT id FROM s)")" \
	"$(key_of inspection_top_leader "$LINE")"

same_live "2022, the township's jurisdiction" --year 2022 --user demo_township
talks_check "2022, demo_township's units" "$LINE" $Y \
	"SELECT unit_id FROM user_scopes WHERE user_id = (SELECT id FROM users WHERE name = 'demo_township')"
check "the jurisdiction's talks are fewer than all (rows out of vis)" \
	[ "$(key_of talks_total "$LINE")" -lt "$(talks_def $Y "1 = 1" "")" ]

ROUND=$(sql "SELECT round_id FROM inspections GROUP BY round_id ORDER BY count(DISTINCT kind) DESC, round_id LIMIT 1")
same_live "2022, an inspection round" --year 2022 --round "$ROUND"
orgs_def() { # COL COND
	sql "SELECT count(DISTINCT $1) FROM inspections i JOIN inspection_rounds r ON r.id = i.round_id WHERE r.starts >= '2022-01-01' AND r.starts <= '2022-12-31' AND i.round_id = $ROUND AND $2"
}
expect_eq "round $ROUND: inspection_orgs = its definition" "$(orgs_def i.unit_id "1 = 1")" "$(key_of inspection_orgs "$LINE")"
expect_eq "round $ROUND: inspection_orgs_regular" "$(orgs_def i.unit_id "i.kind = 'regular'")" "$(key_of inspection_orgs_regular "$LINE")"
expect_eq "round $ROUND: inspection_orgs_elevated" "$(orgs_def i.unit_id "i.kind = 'elevated'")" "$(key_of inspection_orgs_elevated "$LINE")"
expect_eq "round $ROUND: inspection_groups" "$(orgs_def i.group_name "i.kind <> 'special'")" "$(key_of inspection_groups "$LINE")"

CAMP=$(sql "SELECT min(campaign_id) FROM accountabilities")
same_live "2022, a campaign" --year 2022 --campaign "$CAMP"
for m in check notice admonish org_handling discipline; do
	expect_eq "campaign $CAMP: accountability_$m = its definition" \
		"$(sql "SELECT count(*) FROM accountabilities a JOIN accountability_measures m ON m.accountability_id = a.id WHERE a.started >= '2022-01-01' AND a.started <= '2022-12-31' AND a.campaign_id = $CAMP AND m.measure = '$m'")" \
		"$(key_of "accountability_$m" "$LINE")"
done

same_live "2022 Q4" --year 2022 --quarter 4
for k in standing recent; do
	expect_eq "2022 Q4: reminders_$k = its definition" \
		"$(sql "SELECT count(*) FROM reminders WHERE issued >= '2022-10-01' AND issued <= '2022-12-31' AND kind = '$k'")" \
		"$(key_of "reminders_$k" "$LINE")"
done
for k in received:"direction = 'in'" sent:"direction = 'out'" registered:"1 = 1"; do
	expect_eq "2022 Q4: documents_${k%%:*} = its definition" \
		"$(sql "SELECT count(*) FROM registered_docs WHERE day >= '2022-10-01' AND day <= '2022-12-31' AND ${k#*:}")" \
		"$(key_of "documents_${k%%:*}" "$LINE")"
done
expect_eq "2022 Q4: opinion_replies = its definition" \
	"$(sql "SELECT count(*) FROM opinion_requests WHERE state = 'replied' AND replied >= '2022-10-01' AND replied <= '2022-12-31'")" \
	"$(key_of opinion_replies "$LINE")"
expect_eq "2022 Q4: opinion_cadres = its definition (the replied letters' lines)" \
	"$(sql "SELECT count(*) FROM opinion_lines l JOIN opinion_requests q ON q.id = l.request_id WHERE q.state = 'replied' AND q.replied >= '2022-10-01' AND q.replied <= '2022-12-31'")" \
	"$(key_of opinion_cadres "$LINE")"
talks_check "2022 Q4" "$LINE" 2022-10-01 2022-12-31 ""

# the annual report: one batch, the keys for several periods and scopes
run_cli report --annual --year 2022
A=$OUT
expect_eq "the annual report renders" 0 "$RC"
QF_METRICS_LIVE=1 run_cli report --annual --year 2022
check "the annual report through the grouped rows = through each key's statement" [ "$A" = "$OUT" ]
# /statistics: a batch for the period and one for the period it is compared
# with (the case manager: a jurisdiction's user has no statistics page)
pages() { # OUTFILE: the pages' HTML without the session's tokens
	local q
	: >"$1"
	login cm "$PW" >/dev/null
	for q in "year=2022" "year=2022&unit=$DEPT" "year=2022&quarter=4" "year=2022&unit=$TWP"; do
		curl -s -b "$JAR" "$BASE/statistics?$q" | sed 's/name="csrf" value="[^"]*"//g' >>"$1"
	done
}
start_server || { not_ok "server starts"; finish; }
pages "$T_DIR/grouped.html"
stop_server
QF_METRICS_LIVE=1 start_server || { not_ok "server starts (QF_METRICS_LIVE=1)"; finish; }
pages "$T_DIR/live.html"
stop_server
expect_contains "/statistics shows the talks' figures" "谈话" "$(cat "$T_DIR/grouped.html")"
check "/statistics through the grouped rows = through each key's statement (two periods a view)" \
	cmp -s "$T_DIR/grouped.html" "$T_DIR/live.html"
check "no sanitizer report" cli_clean
check "no sanitizer report (server)" server_clean
finish
