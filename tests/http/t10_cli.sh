#!/usr/bin/env bash
# t10_cli.sh: the command line: --version, --help of every command, exit
# codes (0 ok, 1 failure, 2 usage), `init` (key file 0600, refusing an
# existing database), `user add/list/disable/enable/passwd` with
# --password-stdin, `calendar import` of a bad file (names the line,
# changes nothing).
. "$(dirname "$0")/lib.sh"

# --- version and help ---------------------------------------------------
run_cli --version
expect_eq "--version exits 0" 0 "$RC"
check "--version prints 'qingfeng X.Y.Z'" grep -qE '^qingfeng [0-9]+\.[0-9]+' <<<"$OUT"

run_cli --help
expect_eq "--help exits 0" 0 "$RC"
for c in init serve user backup audit calendar; do
	check "--help lists '$c'" grep -qE "^ +$c " <<<"$OUT"
done

run_cli
expect_eq "no command: exit 2" 2 "$RC"
expect_contains "no command: usage on stderr" "usage: qingfeng" "$ERR"

run_cli frobnicate
expect_eq "unknown command: exit 2" 2 "$RC"
expect_contains "unknown command is named" "'frobnicate' is not a qingfeng command" "$ERR"

for c in init serve user backup audit calendar; do
	run_cli "$c" --help
	expect_eq "$c --help exits 0" 0 "$RC"
	expect_contains "$c --help prints its usage" "usage: qingfeng $c" "$OUT"
	check "$c --help lists --db" grep -q -- '--db' <<<"$OUT"
done

# --- usage errors: exit 2 -----------------------------------------------
usage2() {   # usage2 DESCRIPTION ARGS...
	local d=$1
	shift
	run_cli "$@" </dev/null
	expect_eq "usage error exits 2: $d" 2 "$RC"
}
usage2 "init --bogus" init --bogus
usage2 "serve --bogus" serve --bogus
usage2 "user list --bogus" user list --bogus
usage2 "audit without verify" audit
usage2 "audit frob" audit frob
usage2 "backup without FILE" backup
usage2 "backup with two files" backup a b
usage2 "backup --db without value" backup --db
usage2 "calendar import without FILE" calendar import
usage2 "calendar frob 2024" calendar frob 2024
usage2 "user without command" user
usage2 "user frob x" user frob x
usage2 "user add without --password-stdin" user add alice --role intake
usage2 "user add without --role" user add alice --password-stdin
usage2 "user passwd without --password-stdin" user passwd alice
usage2 "init --national-crypto=1 (flag with value)" init --national-crypto=1
check "no database was created by the usage errors" test "$(db_tables)" = 0
check "no key file was created by the usage errors" test ! -e "$KEY"

# --- init -----------------------------------------------------------------
run_cli init --db "$DB" --name "测试市纪委监委" --region 230100
expect_eq "init exits 0" 0 "$RC"
ADMIN_PW=$(sed -n "s/.*password (shown once): //p" <<<"$OUT")
check "init prints the admin password once" test -n "$ADMIN_PW"
if [ "$BACKEND" = sqlite ]; then
	check "the database file exists" test -f "$DB"
	check "the key file exists beside it" test -f "$KEY"
else
	check "the key file exists where QINGFENG_KEY says" test -f "$QINGFENG_KEY"
fi
check "the database holds the tables (> 5)" test "$(db_tables)" -gt 5
expect_eq "key file mode is 0600" 600 "$(stat -c %a "$KEY")"
check "key file has suite, field_key and audit_key" \
	grep -qE '^suite=default$' "$KEY"
check "key file field_key is 64 hex digits" grep -qE '^field_key=[0-9a-f]{64}$' "$KEY"
check "key file audit_key is 64 hex digits" grep -qE '^audit_key=[0-9a-f]{64}$' "$KEY"
if [ "$BACKEND" = sqlite ]; then
	check "the admin password is not in the database file" \
		bash -c '! grep -qF -- "$1" "$2"' _ "$ADMIN_PW" "$DB"
fi
check "the admin password is not in the database's dump" dump_lacks "$ADMIN_PW"
expect_eq "settings hold the commission name" "测试市纪委监委" \
	"$(sql "SELECT value FROM settings WHERE key = 'commission'")"
expect_eq "one sysadmin 'admin'" "admin|sysadmin" "$(sql "SELECT name, role FROM users")"
check "the holiday calendar was loaded" test "$(sql 'SELECT count(*) FROM holidays')" -gt 100

db_sum=$(db_fingerprint)
key_sum=$(sha256sum <"$KEY")
run_cli init --db "$DB"
expect_eq "init on an existing database exits 1" 1 "$RC"
expect_contains "init says the database exists" "already exists" "$ERR"
expect_eq "the database is unchanged" "$db_sum" "$(db_fingerprint)"
expect_eq "the key file is unchanged" "$key_sum" "$(sha256sum <"$KEY")"

# a failed init (the key file exists) must not leave a half-made database
# behind that blocks the retry
run_cli init --db "$T_DIR/other.db" --key "$KEY"
expect_eq "init with an existing key file exits 1" 1 "$RC"
expect_eq "the existing key file is unchanged" "$key_sum" "$(sha256sum <"$KEY")"
check "a failed init leaves no database behind" test ! -e "$T_DIR/other.db"
if [ "$BACKEND" = pg ]; then
	# the same on PostgreSQL: the empty database stays empty
	OTHER=$(pg_newdb other)
	run_cli init --db "$OTHER" --key "$KEY"
	expect_eq "PostgreSQL: init with an existing key file exits 1" 1 "$RC"
	expect_eq "PostgreSQL: ... and the key file is unchanged" "$key_sum" "$(sha256sum <"$KEY")"
	expect_eq "PostgreSQL: a failed init leaves the empty database without tables" 0 "$(db_tables "$OTHER")"
	# and init needs a key file named: there is no file to put it beside
	env -u QINGFENG_KEY "$QF_BIN" init --db "$OTHER" >/dev/null 2>"$T_DIR/nokey.err"
	expect_eq "PostgreSQL: init without a key file named: exit 2" 2 "$?"
	check "... saying --key or QINGFENG_KEY is needed" grep -qE -- '--key|QINGFENG_KEY' "$T_DIR/nokey.err"
	expect_eq "PostgreSQL: ... leaving no tables" 0 "$(db_tables "$OTHER")"
	# the same mistake with another command before init (the database is
	# made empty by its administrator, the key file forgotten): it fails
	# and must not leave the schema behind, or init then refuses
	env -u QINGFENG_KEY "$QF_BIN" user list --db "$OTHER" >/dev/null 2>"$T_DIR/nokey.err"
	check "PostgreSQL: user list on the empty database without a key file fails" test $? -ne 0
	expect_eq "PostgreSQL: ... leaving no tables" 0 "$(db_tables "$OTHER")"
	run_cli init --db "$OTHER" --key "$T_DIR/other.key"
	expect_eq "PostgreSQL: ... and init of that database then works: exit 0" 0 "$RC"
	[ "$RC" = 0 ] || echo "# $ERR"
fi

# a failure after the schema is made (the key file cannot be written) is
# undone as well, so that the retry works
if [ "$BACKEND" = pg ]; then RETRY=$(pg_newdb retry); else RETRY=$T_DIR/retry.db; fi
run_cli init --db "$RETRY" --key "$T_DIR/no/such/dir/retry.key"
expect_eq "init whose key file cannot be written exits 1" 1 "$RC"
expect_eq "... and leaves no tables behind" 0 "$(db_tables "$RETRY")"
[ "$BACKEND" = sqlite ] && check "... and no database file" test ! -e "$RETRY"
run_cli init --db "$RETRY" --key "$T_DIR/retry.key"
expect_eq "... the retry with a key file that can be written: exit 0" 0 "$RC"
[ "$RC" = 0 ] || echo "# $ERR"

# the key file must not be readable by others: a loose mode is refused
chmod 0644 "$KEY"
run_cli user list
expect_eq "a key file of mode 0644 is refused (exit 1)" 1 "$RC"
check "the refusal names the key file" grep -qF "$KEY" <<<"$ERR"
chmod 0600 "$KEY"
run_cli user list --key "$T_DIR/missing.key"
expect_eq "a missing key file: exit 1" 1 "$RC"

# --- user -----------------------------------------------------------------
run_cli user add alice --role intake --display 张三 --password-stdin <<<"$PW"
expect_eq "user add exits 0" 0 "$RC"
expect_contains "user add confirms" "user 'alice' created" "$OUT"
run_cli user list
expect_eq "user list exits 0" 0 "$RC"
# one account lifecycle with the web (issue 12): pending (disabled) until
# the security admin enables it, the operator's password to be changed
check "user list shows alice, intake, disabled (pending), to-change, 张三" \
	grep -qE '^alice +intake +disabled +to-change +张三$' <<<"$OUT"
run_cli user enable alice
expect_eq "user enable of the pending account exits 0" 0 "$RC"
run_cli user list
check "user list shows alice active, still to-change" grep -qE '^alice +intake +active +to-change +张三$' <<<"$OUT"
check "the stored password is an Argon2id hash" \
	grep -q '^\$argon2id\$' <<<"$(sql "SELECT pwhash FROM users WHERE name = 'alice'")"

run_cli user add alice --role intake --password-stdin <<<"$PW"
expect_eq "duplicate user add exits 1" 1 "$RC"
expect_contains "duplicate user is named" "alice" "$ERR"

run_cli user add bob --role intake --password-stdin <<<"short"
expect_eq "weak password: exit 1" 1 "$RC"
expect_eq "weak password: no user bob" 0 "$(sql "SELECT count(*) FROM users WHERE name = 'bob'")"

run_cli user add bob --role wizard --password-stdin <<<"$PW"
expect_eq "unknown role: exit 1" 1 "$RC"
expect_contains "unknown role is named" "wizard" "$ERR"

run_cli user add bob --role intake --password-stdin </dev/null
expect_eq "no password on stdin: exit 1" 1 "$RC"
expect_eq "no user bob after the failures" 0 "$(sql "SELECT count(*) FROM users WHERE name = 'bob'")"

run_cli user add 'b b' --role intake --password-stdin <<<"$PW"
expect_eq "invalid login name: exit 1" 1 "$RC"

# a scoped user whose unit does not exist: refused, and nothing created
run_cli user add town9 --role township --unit 999 --password-stdin <<<"$PW"
expect_eq "township user with a missing unit: exit 1" 1 "$RC"
expect_eq "township user with a missing unit: no user created" 0 \
	"$(sql "SELECT count(*) FROM users WHERE name = 'town9'")"

run_cli user disable alice
expect_eq "user disable exits 0" 0 "$RC"
run_cli user list
check "user list shows alice disabled" grep -qE '^alice +intake +disabled' <<<"$OUT"
run_cli user enable alice
expect_eq "user enable exits 0" 0 "$RC"
run_cli user list
check "user list shows alice active again" grep -qE '^alice +intake +active' <<<"$OUT"
run_cli user disable ghost
expect_eq "disable an unknown user: exit 1" 1 "$RC"
expect_contains "the unknown user is named" "ghost" "$ERR"

NEWPW='Neu-Passwort#2023'
# the list queries: group_concat over an ordered subquery on SQLite,
# string_agg ... ORDER BY on PostgreSQL
if [ "$BACKEND" = pg ]; then
	ALICE_EVENTS="SELECT string_agg(event, ',' ORDER BY id) FROM audit_log WHERE object = 'alice'"
	HOL_SQL="SELECT count(*), sum(off_day), string_agg(day || name, '' ORDER BY day) FROM holidays"
	NEW_DAYS="SELECT string_agg(day || '|' || off_day || '|' || name, ',' ORDER BY day) FROM holidays WHERE day >= '2029-12-29'"
else
	ALICE_EVENTS="SELECT group_concat(event, ',') FROM (SELECT event FROM audit_log WHERE object = 'alice' ORDER BY id)"
	HOL_SQL="SELECT count(*), total(off_day), group_concat(day || name, '') FROM (SELECT * FROM holidays ORDER BY day)"
	NEW_DAYS="SELECT group_concat(day || '|' || off_day || '|' || name, ',') FROM (SELECT * FROM holidays WHERE day >= '2029-12-29' ORDER BY day)"
fi
old_hash=$(sql "SELECT pwhash FROM users WHERE name = 'alice'")
run_cli user passwd alice --password-stdin <<<"$NEWPW"
expect_eq "user passwd exits 0" 0 "$RC"
check "user passwd changed the stored hash" \
	test "$old_hash" != "$(sql "SELECT pwhash FROM users WHERE name = 'alice'")"
run_cli user passwd alice --password-stdin <<<"weak"
expect_eq "user passwd with a weak password: exit 1" 1 "$RC"
run_cli user passwd ghost --password-stdin <<<"$NEWPW"
expect_eq "user passwd of an unknown user: exit 1" 1 "$RC"
check "the CLI changes are audited (user_create, user_enable, user_disable, user_enable, user_passwd)" \
	test "$(sql "$ALICE_EVENTS")" = "user_create,user_enable,user_disable,user_enable,user_passwd"
expect_eq "the CLI audit actor is cli:<login>" "cli:$(id -un)" \
	"$(sql "SELECT DISTINCT user_name FROM audit_log WHERE object = 'alice'")"

# --- the user changes, seen by the server ----------------------------------
start_server
expect_eq "alice logs in with the new password" 303 "$(login alice "$NEWPW")"
expect_eq "alice's session opens /" 200 "$(http_status -b "$JAR" "$BASE/")"
run_cli user disable alice
expect_eq "disable while serving exits 0" 0 "$RC"
expect_eq "disabling ends alice's session (303)" 303 "$(http_status -b "$JAR" "$BASE/")"
expect_eq "disabled alice cannot log in (form again, 200)" 200 "$(login alice "$NEWPW")"
run_cli user enable alice
expect_eq "alice's old password is refused (200)" 200 "$(login alice "$PW")"
expect_eq "re-enabled alice logs in" 303 "$(login alice "$NEWPW")"
stop_server

# --- calendar -------------------------------------------------------------
hol_raw=$(sql "$HOL_SQL")
check "the holidays' fingerprint query answers (days|off days|days and names)" \
	grep -qE '^[0-9]{3,}\|[0-9.]+\|20[0-9]{2}-' <<<"$hol_raw"
hol_sum=$(sha256sum <<<"$hol_raw")
audit_n=$(sql "SELECT count(*) FROM audit_log")
printf 'date,off_day,name\n2030-01-01,1,元旦\n2030-01-02,1,元旦\n2030-01-03,7,元旦\n2030-01-04,1,元旦\n' >"$T_DIR/bad.csv"
run_cli calendar import "$T_DIR/bad.csv"
expect_eq "calendar import of a bad file: exit 1" 1 "$RC"
expect_contains "the message names the file and the line" "bad.csv: line 4" "$ERR"
expect_contains "the message names the bad value" '"7"' "$ERR"
expect_eq "the bad file's good lines were not stored" 0 \
	"$(sql "SELECT count(*) FROM holidays WHERE day LIKE '2030-%'")"
expect_eq "the holidays are unchanged" "$hol_sum" \
	"$(sql "$HOL_SQL" | sha256sum)"
expect_eq "no audit entry for the failed import" "$audit_n" "$(sql "SELECT count(*) FROM audit_log")"

printf 'date,off_day,name\n2030-01-01,1,元旦\n2030-01-01,1,元旦\n' >"$T_DIR/dup.csv"
run_cli calendar import "$T_DIR/dup.csv"
expect_eq "calendar import with a repeated date: exit 1" 1 "$RC"
expect_contains "the repeated date's line is named" "line 3" "$ERR"

run_cli calendar import "$T_DIR/nonexistent.csv"
expect_eq "calendar import of a missing file: exit 1" 1 "$RC"

printf 'date,off_day,name\n2030-01-01,1,元旦\n2029-12-29,0,元旦\n' >"$T_DIR/good.csv"
run_cli calendar import "$T_DIR/good.csv"
expect_eq "calendar import of a good file: exit 0" 0 "$RC"
expect_eq "the good file's days are stored" "2029-12-29|0|元旦,2030-01-01|1|元旦" \
	"$(sql "$NEW_DAYS")"
run_cli calendar show 2030
expect_eq "calendar show exits 0" 0 "$RC"
expect_contains "calendar show lists the imported day" "2030-01-01 休 元旦" "$OUT"

# review18: a command whose settings cannot be read refuses to run (before,
# the defaults stood in silently: a login policy, the region of every row
# an import wrote)
sql "ALTER TABLE settings RENAME TO settings_hidden" >/dev/null
run_cli config show
expect_eq "a command whose settings cannot be read: exit 1" 1 "$RC"
expect_contains "... and says which" "cannot read its settings" "$ERR"
sql "ALTER TABLE settings_hidden RENAME TO settings" >/dev/null
run_cli config show
expect_eq "... and runs again once they can" 0 "$RC"

run_cli audit verify
expect_eq "audit verify after all the CLI work: exit 0" 0 "$RC"
check "no CLI run printed a sanitizer report" cli_clean
check "server log clean" server_clean
finish
