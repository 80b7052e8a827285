# t225_audit_concurrent.sh: audited writes from two `serve` processes on one
# database stay one chain.  2x200 unit creates and 2x50 audited person
# reads, sent in parallel to both servers: every create answers 201,
# `audit verify` passes, and the log grew by exactly one entry per write
# and per read (no gap, no fork, nothing lost).  A write refused inside
# its transaction, by the change's own constraint or by the audit entry's
# (on PostgreSQL the entry goes out with COMMIT), leaves neither the
# change nor an entry, and the chain verifies.  The log is the record the
# security rules require of every access (GB/T 22239-2019 8.1.4.3 安全审计).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
ready_user t225x --role case_manager --password-stdin --db "$DB" >/dev/null ||
	{ not_ok "user t225x"; finish; }

# two servers on the one database
start_server || { not_ok "server A starts"; finish; }
A_BASE=$BASE; P_PID=$SERVER_PID; SERVER_PID=
start_server || { not_ok "server B starts"; finish; }
B_BASE=$BASE
expect_eq "cm logs in (server B)" 303 "$(login cm "$PW")"
TOK=$(csrf_of)
expect_eq "the session works on server A too" 200 "$(http_status -b "$JAR" "$A_BASE/persons")"

out=$(api POST /api/units '{"name":"并发审计单位","kind":"department"}')
expect_eq "a unit: 201" 201 "$(status "$out")"
UNIT=$(body "$out" | jget '["id"]')
out=$(api POST /api/persons "{\"name\":\"并发审计人员\",\"unit_id\":$UNIT,\"rank\":\"section\",\"position\":\"科长\",\"top_leader\":false}")
expect_eq "a person: 201" 201 "$(status "$out")"
PERSON=$(body "$out" | jget '["id"]')

BEFORE=$(sql "SELECT count(*) FROM audit_log")
READS_BEFORE=$(audit_count read "person/$PERSON")
# one line per request: server, kind, number; xargs returns when all are done
{
	for i in $(seq 1 200); do echo "$A_BASE w $i"; echo "$B_BASE w $i"; done
	for i in $(seq 1 50); do echo "$A_BASE r $i"; echo "$B_BASE r $i"; done
} | shuf >"$T_DIR/jobs"
export JAR TOK PERSON T_DIR
xargs -P 8 -L 1 sh -c '
	case $2 in
	w) curl -s -o /dev/null -w "%{http_code}\n" -b "$JAR" -H "X-CSRF-Token: $TOK" \
		-H "Content-Type: application/json" \
		--data "{\"name\":\"并发单位$(echo "$1" | tr -dc 0-9)-$3\",\"kind\":\"department\"}" \
		"$1/api/units" >"$T_DIR/st.w.$(echo "$1" | tr -dc 0-9).$3" ;;
	r) curl -s -o /dev/null -w "%{http_code}\n" -b "$JAR" "$1/persons/$PERSON" \
		>"$T_DIR/st.r.$(echo "$1" | tr -dc 0-9).$3" ;;
	esac' sh <"$T_DIR/jobs"
expect_eq "every create answered 201" "400 201" "$(cat "$T_DIR"/st.w.* | sort | uniq -c | awk '{print $1, $2}' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "every read answered 200" "100 200" "$(cat "$T_DIR"/st.r.* | sort | uniq -c | awk '{print $1, $2}' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "400 units made" 400 "$(sql "SELECT count(*) FROM units WHERE name LIKE '并发单位%'")"
expect_eq "the log grew by one entry per write and per read" $((BEFORE + 500)) \
	"$(sql "SELECT count(*) FROM audit_log")"
expect_eq "100 read entries of the person" $((READS_BEFORE + 100)) "$(audit_count read "person/$PERSON")"
N=$(sql "SELECT count(*) FROM audit_log")
expect_eq "ids are 1..N: no gap, no fork" "1|$N|$N" "$(sql "SELECT min(id), max(id), count(DISTINCT id) FROM audit_log")"
expect_eq "each entry names the previous one's MAC: one chain" 0 \
	"$(sql "SELECT count(*) FROM audit_log l JOIN audit_log p ON p.id = l.id - 1 WHERE l.prev_mac <> p.mac")"
run_cli audit verify
expect_eq "audit verify after the concurrent writes: exit 0" 0 "$RC"
expect_eq "audit verify counts every entry" "qingfeng: audit chain ok ($N entries)" "$OUT"

# refusals inside the transaction: the change's constraint, then the entry's
if [ "$BACKEND" = pg ]; then
	sql "ALTER TABLE units ADD CONSTRAINT t225_unit CHECK (name <> '拒绝单位')" >/dev/null
	sql "ALTER TABLE audit_log ADD CONSTRAINT t225_entry CHECK (NOT (user_name = 't225x' AND event = 'create'))" >/dev/null
else
	sql "CREATE TRIGGER t225_unit BEFORE INSERT ON units WHEN NEW.name = '拒绝单位'
	     BEGIN SELECT RAISE(ABORT, 'refused'); END;
	     CREATE TRIGGER t225_entry BEFORE INSERT ON audit_log
	     WHEN NEW.user_name = 't225x' AND NEW.event = 'create' BEGIN SELECT RAISE(ABORT, 'refused'); END;"
fi
out=$(api POST /api/units '{"name":"拒绝单位","kind":"department"}')
check "a create the units table refuses is not a 2xx ($(status "$out"))" test "$(status "$out")" -ge 400
expect_eq "no entry for it" "$N" "$(sql "SELECT count(*) FROM audit_log")"
expect_eq "no unit either" 0 "$(sql "SELECT count(*) FROM units WHERE name = '拒绝单位'")"

X_JAR=$T_DIR/x.jar
BASE=$A_BASE
expect_eq "t225x logs in (server A)" 303 "$(login t225x "$PW" "$X_JAR")"
N=$(sql "SELECT count(*) FROM audit_log")
out=$(api POST /api/units '{"name":"审计拒绝的单位","kind":"department"}' "$X_JAR")
check "a create whose audit entry is refused is not a 2xx ($(status "$out"))" test "$(status "$out")" -ge 400
expect_eq "the unit was not kept: the change and its entry are one transaction" 0 \
	"$(sql "SELECT count(*) FROM units WHERE name = '审计拒绝的单位'")"
expect_eq "no entry for it" "$N" "$(sql "SELECT count(*) FROM audit_log")"
# the next writes, on both servers, continue the chain
out=$(api POST /api/units '{"name":"拒绝之后A","kind":"department"}')
expect_eq "server A writes again: 201" 201 "$(status "$out")"
BASE=$B_BASE
out=$(api POST /api/units '{"name":"拒绝之后B","kind":"department"}')
expect_eq "server B writes again: 201" 201 "$(status "$out")"
N=$(sql "SELECT count(*) FROM audit_log")
expect_eq "ids still 1..N" "1|$N" "$(sql "SELECT min(id), max(id) FROM audit_log")"
run_cli audit verify
expect_eq "audit verify after the refusals: exit 0" 0 "$RC"
expect_eq "audit verify counts every entry" "qingfeng: audit chain ok ($N entries)" "$OUT"

stop_server
kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null; P_PID=
check "no sanitizer report" server_clean
check "no sanitizer report from the CLI" cli_clean
finish
