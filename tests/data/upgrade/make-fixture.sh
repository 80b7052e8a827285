#!/usr/bin/env bash
# make-fixture.sh: regenerates the upgrade fixture of tests/http/t66_upgrade.sh
# from the last landed release, with that release's own binary and its own
# tests/http/lib.sh:
#
#   tests/data/upgrade/make-fixture.sh [RELEASE]      (default 0b72c34)
#
# It extracts RELEASE from git into a temporary folder, builds build/qingfeng
# there, and for each backend starts the old server on a fresh database,
# fills it through the JSON API as staff would (units, persons, users of
# several roles, reports with encrypted reporters, clues with an approved
# disposition, a filed case with its team, an encrypted note and a
# detention, outcomes, an execution check), stops it and writes:
#
#   sqlite.sql   sqlite3 .dump of the SQLite database
#   sqlite.key   its key file                       TEST-ONLY, NOT A SECRET
#   pg.sql       pg_dump (plain SQL, no owner, no privileges) of the PostgreSQL one
#   pg.key       its key file                       TEST-ONLY, NOT A SECRET
#   facts        the ids and values the upgrade test reads back
#
# The keys are throw-away keys made for this fixture by `init`; they protect
# nothing but the fictitious records here.  Needs git (a clone holding
# RELEASE), the build dependencies, sqlite3 and a PostgreSQL server
# (scripts/install-deps test).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
RELEASE=${1:-0b72c34}
# QF_OLD_TREE: an extracted and built copy of RELEASE to reuse (kept)
if [ -n "${QF_OLD_TREE:-}" ]; then
	OLD=$QF_OLD_TREE RM_OLD=
else
	OLD=$(mktemp -d /tmp/qf-old.XXXXXX) RM_OLD=$OLD
	git -C "$REPO" archive "$RELEASE" | tar -x -C "$OLD"
fi
trap 'rm -rf $RM_OLD' EXIT
make -C "$OLD" -s build/qingfeng >/dev/null

populate() {   # runs in a subshell: sources the old release's lib.sh
	(
	cd "$OLD"
	export QF_BIN=build/qingfeng
	. tests/http/lib.sh
	init_db
	for u in lead:leader tri:trial inv1:investigator; do
		printf '%s\n' "$PW" | "$QF_BIN" user add "${u%%:*}" --role "${u#*:}" --password-stdin --display "测试${u%%:*}" >/dev/null
	done
	start_server
	login cm "$PW" >/dev/null
	id() { head -n -1 | jget '["id"]'; }
	UA=$(api POST /api/units '{"name":"升级测试局","kind":"department"}' | id)
	UB=$(api POST /api/units '{"name":"升级测试镇","kind":"township"}' | id)
	P1=$(api POST /api/persons "{\"name\":\"升级甲\",\"unit_id\":$UA,\"rank\":\"section\"}" | id)
	P2=$(api POST /api/persons "{\"name\":\"升级乙\",\"unit_id\":$UA,\"rank\":\"section\"}" | id)
	P3=$(api POST /api/persons "{\"name\":\"升级丙\",\"unit_id\":$UB,\"rank\":\"county\"}" | id)
	printf '%s\n' "$PW" | "$QF_BIN" user add town --role township --unit "$UA" --password-stdin >/dev/null
	for u in clerk lead tri inv1; do login "$u" "$PW" "$T_DIR/$u.jar" >/dev/null; done
	CJ=$T_DIR/clerk.jar LJ=$T_DIR/lead.jar TRJ=$T_DIR/tri.jar IJ=$T_DIR/inv1.jar
	R1=$(api POST /api/reports "{\"received\":\"2022-09-28\",\"channel\":\"letter\",\"category\":\"accusation\",\"real_name\":true,\"reporter\":\"升级举报人\",\"contact\":\"13900002222\",\"accused\":[$P1],\"summary\":\"升级测试举报内容\"}" "$CJ" | id)
	R2=$(api POST /api/reports "{\"received\":\"2022-10-08\",\"channel\":\"phone\",\"category\":\"other\",\"real_name\":false,\"accused\":[$P3],\"summary\":\"匿名反映\"}" "$CJ" | id)
	api POST "/api/reports/$R1/acceptance" '{"accept":true,"day":"2022-09-30"}' "$CJ" >/dev/null
	C0=$(api POST "/api/reports/$R1/clue" '{"day":"2022-10-10"}' "$CJ" | head -n -1 | jget '["clue_id"]')
	C1=$(api POST /api/clues "{\"received\":\"2022-01-02\",\"source\":\"report\",\"summary\":\"升级线索一\",\"subjects\":[$P1,$P2],\"confirm\":true}" | id)
	C2=$(api POST /api/clues "{\"received\":\"2022-01-03\",\"source\":\"report\",\"summary\":\"升级线索二\",\"subjects\":[$P2],\"confirm\":true}" | id)
	D1=$(api POST "/api/clues/$C1/dispositions" '{"method":"talk_inquiry","reason":"拟谈话函询"}' | id)
	api POST "/api/dispositions/$D1/decision" '{"approve":true,"day":"2022-01-06"}' "$LJ" >/dev/null
	D2=$(api POST "/api/clues/$C2/dispositions" '{"method":"file_case","reason":"拟立案"}' | id)
	api POST "/api/dispositions/$D2/decision" '{"approve":true,"day":"2022-01-10"}' "$LJ" >/dev/null
	A1=$(sql "SELECT id FROM cases WHERE clue_id = $C2")
	for u in tri inv1; do
		api POST "/api/cases/$A1/team" "{\"user_id\":$(sql "SELECT id FROM users WHERE name = '$u'"),\"role\":\"member\"}" >/dev/null
	done
	api POST "/api/cases/$A1/notes" '{"text":"升级测试笔录"}' "$IJ" >/dev/null
	api POST "/api/cases/$A1/detentions" "{\"person_id\":$P2,\"start\":\"2022-02-01\"}" "$IJ" >/dev/null
	O1=$(api POST /api/outcomes "{\"person_id\":$P1,\"clue_id\":$C1,\"day\":\"2022-02-01\",\"measures\":[\"criticism\"]}" | id)
	O2=$(api POST /api/outcomes "{\"person_id\":$P2,\"case_id\":$A1,\"day\":\"2022-03-01\",\"measures\":[\"party_warning\",\"admonishment\"]}" "$TRJ" | id)
	O3=$(api POST /api/outcomes "{\"person_id\":$P2,\"case_id\":$A1,\"day\":\"2022-03-02\",\"measures\":[\"gov_demerit\"]}" "$TRJ" | id)
	stop_server
	"$QF_BIN" audit verify >/dev/null
	for t in units persons users reports clues dispositions cases case_team outcomes detentions audit_log; do
		[ "$(sql "SELECT count(*) FROM $t")" -gt 0 ] || { echo "make-fixture: table $t is empty" >&2; exit 1; }
	done
	if [ "$BACKEND" = pg ]; then
		pg_dump --no-owner --no-privileges "$DB" >"$HERE/pg.sql"
		cp "$KEY" "$HERE/pg.key"
	else
		sqlite3 "$DB" .dump >"$HERE/sqlite.sql"
		cp "$KEY" "$HERE/sqlite.key"
	fi
	cat >"$HERE/facts.$BACKEND" <<-FACTS
	UA=$UA UB=$UB P1=$P1 P2=$P2 P3=$P3 R1=$R1 R2=$R2 C0=$C0 C1=$C1 C2=$C2 A1=$A1 O1=$O1 O2=$O2 O3=$O3
	AUDIT=$(sql "SELECT count(*) FROM audit_log")
	SCHEMA=$(sql "SELECT max(version) FROM schema_version")
	FACTS
	)
}

populate
eval "$("$OLD/tests/pg.sh" start)"
trap '"$OLD/tests/pg.sh" stop; rm -rf $RM_OLD' EXIT
populate
cmp -s <(grep -v AUDIT "$HERE/facts.sqlite") <(grep -v AUDIT "$HERE/facts.pg") ||
	{ echo "make-fixture: the backends' ids differ" >&2; exit 1; }
mv "$HERE/facts.sqlite" "$HERE/facts"
rm -f "$HERE/facts.pg"
chmod 644 "$HERE"/*.key
echo "make-fixture: wrote $HERE/{sqlite.sql,sqlite.key,pg.sql,pg.key,facts} from $RELEASE"
