#!/usr/bin/env bash
# t243_rollup_campaign: a campaign's figures and the grains (issue 16,
# camp16g; docs/statistics.md "Detained by campaign" and "The grains").
# - Detained by campaign in the rollup (migration 0086: stat `detained`, dim
#   'campaign:<id>', val the person id, n the person's detentions of the
#   campaign's cases starting that day): after the demo year and after
#   detentions written and corrected as an operator would (a second
#   detention of a person already counted, a new person, a start day moved
#   across a year end, a case moved to another campaign, a detention
#   deleted) the cells of metric_days and metric_years are the detentions
#   grouped by campaign, person and day (year), `stats check` agrees, and
#   the figure through the rollup equals QF_METRICS_LIVE=1 (`report` for
#   the year, a ragged period, a month, the year before) and
#   count(DISTINCT person_id) written here from the rows (a person detained
#   twice in the period counts once); the rollup is what is read (a row
#   made by hand moves the figure, and the annual report's text).
# - Recoveries by kind (confiscated, ordered: 0039's stats, read by the
#   campaign's figures since camp16g) equal the sums over recoveries.
# - The grains (q_grains.h, the guard of each branch): a period with ragged
#   ends read through the rollup equals the sum of its metric_days rows.
# Before 0086 metric_days had no `detained` rows (every cell check fails);
# before this change the campaign's figures were the live statements (the
# hand-made rows move nothing).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
run_cli demo --year 2022
expect_eq "the demo year imports" 0 "$RC"

# the rows' cells: metric_days' (and metric_years') detained rows that are not 0, and the same
# grouped from the detentions joined to their cases (the definition)
DIMV="'campaign:' || CAST(c.campaign_id AS TEXT)"
rolled_days() { sql "SELECT dim || ' ' || val || ' ' || day || ' ' || n FROM metric_days WHERE stat = 'detained' AND n <> 0 ORDER BY dim, val, day"; }
live_days() { sql "SELECT $DIMV || ' ' || CAST(d.person_id AS TEXT) || ' ' || d.start_day || ' ' || count(*) FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id IS NOT NULL GROUP BY $DIMV, CAST(d.person_id AS TEXT), d.start_day ORDER BY $DIMV, CAST(d.person_id AS TEXT), d.start_day"; }
rolled_years() { sql "SELECT dim || ' ' || val || ' ' || year || ' ' || n FROM metric_years WHERE stat = 'detained' AND n <> 0 ORDER BY dim, val, year"; }
live_years() { sql "SELECT $DIMV || ' ' || CAST(d.person_id AS TEXT) || ' ' || substr(d.start_day, 1, 4) || ' ' || count(*) FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id IS NOT NULL GROUP BY $DIMV, CAST(d.person_id AS TEXT), substr(d.start_day, 1, 4) ORDER BY $DIMV, CAST(d.person_id AS TEXT), substr(d.start_day, 1, 4)"; }
cells() {
	local a b
	a=$(live_days)
	b=$(rolled_days)
	check "$1: metric_days' detained cells are the detentions by campaign, person and day ($(echo "$a" | grep -c .) cells)" \
		test -n "$a" -a "$a" = "$b"
	expect_eq "... and metric_years' by year" "$(live_years)" "$(rolled_years)"
}
# distinct C FROM TO: the definition, written here
distinct() { sql "SELECT count(DISTINCT d.person_id) FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id = $1 AND d.start_day >= '$2' AND d.start_day <= '$3'"; }
# figure KEY PERIOD... (options of report, the campaign C): the figure as report gives it
figure() { local key=$1 c=$2; shift 2; "$QF_BIN" report --format json --campaign "$c" "$@" | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"] == sys.argv[1]][0])' "$key"; }
figures() {
	local c
	for c in "$CAMP" "$CAMP2"; do
		expect_eq "$1: campaign $c's detained in 2022 is count(DISTINCT person_id)" "$(distinct "$c" 2022-01-01 2022-12-31)" \
			"$(figure detained "$c" --year 2022)"
		expect_eq "... from 2022-02-15 to 2022-11-20 (ragged ends)" "$(distinct "$c" 2022-02-15 2022-11-20)" \
			"$(figure detained "$c" --from 2022-02-15 --to 2022-11-20)"
		expect_eq "... from 2021-12-31 to 2022-01-01 (two days, two years)" "$(distinct "$c" 2021-12-31 2022-01-01)" \
			"$(figure detained "$c" --from 2021-12-31 --to 2022-01-01)"
		for period in "--year 2022" "--from 2022-02-15 --to 2022-11-20" "--year 2022 --month 6" "--year 2021"; do
			rollup_eq "$period" "--campaign $c"
		done
	done
}

CAMP=$(sql "SELECT c.campaign_id FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id IS NOT NULL GROUP BY c.campaign_id ORDER BY count(*) DESC, c.campaign_id LIMIT 1")
check "the demo has detentions for a campaign's cases (campaign ${CAMP:-none})" test -n "$CAMP"
CAMP2=$(sql "SELECT min(id) FROM campaigns WHERE id <> $CAMP")
cells "after the demo year"
run_cli stats check
expect_eq "stats check after the demo year: 0" 0 "$RC"
figures "after the demo year"

# ---- an operator's writes (the detentions' triggers and the cases' through metric_deps) -------
D1=$(sql "SELECT min(d.id) FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id = $CAMP AND d.start_day LIKE '2022%'")
P1=$(sql "SELECT person_id FROM detentions WHERE id = $D1")
K1=$(sql "SELECT case_id FROM detentions WHERE id = $D1")
REG=$(sql "SELECT region FROM detentions WHERE id = $D1")
P2=$(sql "SELECT min(id) FROM persons WHERE id NOT IN (SELECT person_id FROM detentions)")
before=$(distinct "$CAMP" 2022-01-01 2022-12-31)
sql "INSERT INTO detentions (region, case_id, person_id, start_day, created_at) VALUES ('$REG', $K1, $P1, '2022-10-09', 1)"
expect_eq "a second detention of a person already counted: the year's figure stays" "$before" "$(figure detained "$CAMP" --year 2022)"
sql "INSERT INTO detentions (region, case_id, person_id, start_day, created_at) VALUES ('$REG', $K1, $P2, '2022-06-15', 1)"
expect_eq "a new person's detention: one more" "$((before + 1))" "$(figure detained "$CAMP" --year 2022)"
cells "after two detentions added"
D3=$(sql "SELECT max(id) FROM detentions")
sql "UPDATE detentions SET start_day = '2021-12-31' WHERE id = $D3"
expect_eq "its start day moved across the year end: out of 2022" "$before" "$(figure detained "$CAMP" --year 2022)"
K2=$(sql "SELECT min(d.case_id) FROM detentions d JOIN cases c ON c.id = d.case_id WHERE c.campaign_id = $CAMP AND d.case_id <> $K1")
sql "UPDATE cases SET campaign_id = $CAMP2 WHERE id = $K2"
cells "after a start day moved and a case moved to another campaign"
sql "DELETE FROM detentions WHERE id = $D3"
sql "UPDATE detentions SET person_id = $P2 WHERE id = (SELECT max(id) FROM detentions WHERE case_id = $K1)"
cells "after a detention deleted and another's person changed"
figures "after the writes"
run_cli stats check
expect_eq "stats check after the writes: 0" 0 "$RC"

# ---- recoveries by kind -------------------------------------------------------------------------
for kind in confiscated ordered returned recovered; do
	expect_eq "campaign $CAMP's $kind in 2022: the sum of its recoveries" \
		"$(sql "SELECT COALESCE(sum(amount_fen), 0) FROM recoveries WHERE kind = '$kind' AND campaign_id = $CAMP AND day LIKE '2022%'")" \
		"$(figure "$kind" "$CAMP" --year 2022)"
done

# ---- the grains: a ragged period is the sum of its days --------------------------------------
dsum() { sql "SELECT COALESCE(sum(n), 0) FROM metric_days WHERE stat = '$1' AND dim = 'campaign' AND val = '$CAMP' AND day >= '$2' AND day <= '$3'"; }
for stat in case_filed:cases_filed clue_received:clues_received; do
	expect_eq "${stat#*:} from 2022-01-20 to 2022-11-10 (edge days, whole months): the sum of its metric_days rows" \
		"$(dsum "${stat%%:*}" 2022-01-20 2022-11-10)" "$(figure "${stat#*:}" "$CAMP" --from 2022-01-20 --to 2022-11-10)"
	expect_eq "... from 2021-11-20 to 2023-02-10 (edge days, months and a year)" \
		"$(dsum "${stat%%:*}" 2021-11-20 2023-02-10)" "$(figure "${stat#*:}" "$CAMP" --from 2021-11-20 --to 2023-02-10)"
done

# ---- the rollup is read: rows made by hand move the figures ----------------------------------
live=$(figure detained "$CAMP" --year 2022)
sql "INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc) VALUES ('detained', 'campaign:$CAMP', '999999999', '2022-03-03', 1, 0, 0, 0, 0, 0)"
expect_eq "a hand-made person's row moves the campaign's detained (the rollup is read)" "$((live + 1))" \
	"$(figure detained "$CAMP" --year 2022)"
expect_eq "... in the ragged period that holds its day" "$(($(distinct "$CAMP" 2022-02-15 2022-11-20) + 1))" \
	"$(figure detained "$CAMP" --from 2022-02-15 --to 2022-11-20)"
ANN=$(sql "SELECT id FROM campaigns WHERE name = '粮食购销领域、开发区建设领域、黑土地保护专项整治'")
if [ -n "$ANN" ]; then
	a=$("$QF_BIN" report --annual --year 2022 2>/dev/null)
	sql "INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc) VALUES ('detained', 'campaign:$ANN', '999999998', '2022-04-04', 1, 0, 0, 0, 0, 0)"
	b=$("$QF_BIN" report --annual --year 2022 2>/dev/null)
	check "the annual report's detained by campaign reads the rollup (its text moved)" test -n "$a" -a "$a" != "$b"
	sql "DELETE FROM metric_days WHERE val = '999999998'"
else
	not_ok "the annual report's campaign is in the demo"
fi
rsum() { sql "SELECT COALESCE(sum(amount_fen), 0) FROM recoveries WHERE kind = 'confiscated' AND campaign_id = $CAMP AND day LIKE '2022%'"; }
sql "INSERT INTO metric_days (stat, dim, val, day, n, f1, f2, f3, f4, sanc) VALUES ('confiscated', 'campaign', '$CAMP', '2022-03-04', 1000, 0, 0, 0, 0, 0) ON CONFLICT (stat, dim, val, day) DO UPDATE SET n = metric_days.n + 1000"
expect_eq "a hand-made confiscated row moves the campaign's confiscated (the rollup is read)" "$(($(rsum) + 1000))" \
	"$(figure confiscated "$CAMP" --year 2022)"
run_cli stats rebuild
expect_eq "stats rebuild: 0" 0 "$RC"
expect_eq "... the figures are the rows' again" "$live $(rsum)" \
	"$(figure detained "$CAMP" --year 2022) $(figure confiscated "$CAMP" --year 2022)"
cells "after stats rebuild"
a=$("$QF_BIN" report --annual --year 2022 2>/dev/null)
b=$(QF_METRICS_LIVE=1 "$QF_BIN" report --annual --year 2022 2>/dev/null)
check "the annual report's text: the same through the rollup and live" test -n "$a" -a "$a" = "$b"
check "no sanitizer report from the commands" cli_clean
finish
