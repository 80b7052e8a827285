# t187_accounts_persons.sh: accounts and persons (issue 12).
# Accounts: one lifecycle from the web and the command line (三员分立,
# docs/security.md): an account made by `qingfeng user add` is pending
# (disabled) until the security admin enables it (`qingfeng user enable`
# or the users page), and its first login must choose a new password, as
# one made on the web; `init` makes the system admin with the same
# must-change.  The system admin sets a user's office and the principal
# leader flag on the web.  `user list` aligns its columns for Chinese
# names (a CJK character is two columns wide).
. "$(dirname "$0")/lib.sh"

out=$("$QF_BIN" init --db "$DB" --name "测试市纪委监委" --region 230100) || { not_ok "init"; finish; }
ADMIN_PW=$(printf '%s\n' "$out" | sed -n "s/.*password (shown once): //p")
expect_eq "init makes the system admin with the first-login password change" 1 \
	"$(sql "SELECT must_change_pw FROM users WHERE name = 'admin'")"
expect_contains "... and says so" "chooses a new password at first login" "$out"

# ---- the command line ----------------------------------------------------------
run_cli user add alice --role intake --display 张三丰 --office 信访室 --password-stdin <<<"$PW"
expect_eq "user add: exit 0" 0 "$RC"
expect_contains "... says the account is pending" "pending: the security admin enables it" "$OUT"
expect_eq "... disabled, password to change" "1|1" "$(sql "SELECT disabled, must_change_pw FROM users WHERE name = 'alice'")"
run_cli user add bo --role leader --display 欧阳 --principal --password-stdin <<<"$PW"
run_cli user add c3po --role case_manager --password-stdin <<<"$PW"
run_cli user list
expect_eq "user list: exit 0" 0 "$RC"
check "user list shows alice disabled, to-change, her office and name" \
	grep -qE '^alice +intake +disabled +信访室 +to-change +张三丰$' <<<"$OUT"
# the columns line up in display columns (a CJK character is 2 wide): the
# office and the name start under their headings on alice's and bo's lines
aligned=$(python3 -c '
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = sys.stdin.read().splitlines()
head = lines[0]
at = lambda line, text: w(line[:line.index(text)])
a = [l for l in lines if l.startswith("alice ")][0]
b = [l for l in lines if l.startswith("bo ")][0]
print(int(at(a, "信访室") == head.index("office") and at(a, "张三丰") == head.index("display name")
          and at(b, "欧阳") == head.index("display name") and at(b, "yes") == head.index("principal")))
' <<<"$OUT")
expect_eq "user list: the columns line up under their headings with Chinese text" 1 "$aligned"
check "user list marks the principal leader" grep -qE '^bo +leader +disabled +yes +to-change +欧阳$' <<<"$OUT"

start_server || { not_ok "server starts"; finish; }
AJ=$T_DIR/alice.jar
expect_eq "a pending account cannot sign in (the form again)" 200 "$(login alice "$PW" "$AJ")"
run_cli user enable alice
expect_eq "the security admin's user enable: exit 0" 0 "$RC"
expect_eq "... audited (user_create, the refused login, user_enable)" "user_create login_failed user_enable" \
	"$(sql "SELECT event FROM audit_log WHERE object = 'alice' ORDER BY id" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the enabled account signs in" 303 "$(login alice "$PW" "$AJ")"
st=$(http_get "$H.r" -b "$AJ" "$BASE/reports")
expect_eq "... but every page sends it to change the password first" "303 /account" "$st $(header_of "$H.r.h" Location)"
expect_eq "... the API answers 403" 403 "$(http_status -b "$AJ" "$BASE/api/reports")"
http_get "$H.ac" -b "$AJ" "$BASE/account" >/dev/null
check "... the account page says why" grep -q '请先修改密码' "$H.ac.b"
st=$(http_status -b "$AJ" -c "$AJ" --data-urlencode "csrf=$(form_csrf "$H.ac.b")" --data-urlencode "old=$PW" \
	--data-urlencode "new=Alice#Own2026" --data-urlencode "new2=Alice#Own2026" "$BASE/account/password")
expect_eq "alice chooses her own password" 303 "$st"
expect_eq "... the flag is cleared" 0 "$(sql "SELECT must_change_pw FROM users WHERE name = 'alice'")"
login alice 'Alice#Own2026' "$AJ" >/dev/null
expect_eq "... and the pages open" 200 "$(http_status -b "$AJ" "$BASE/reports")"

# ---- the system admin's first login, the web users page --------------------------
SJ=$T_DIR/sys.jar
expect_eq "the system admin signs in with the printed password" 303 "$(login admin "$ADMIN_PW" "$SJ")"
http_get "$H.en" -b "$SJ" "$BASE/login/totp" >/dev/null
SECRET=$(secret_of "$H.en.b")
totp_post "$SJ" "$(totp_code "$SECRET" 0)" "$H.en" >/dev/null
st=$(http_get "$H.u" -b "$SJ" "$BASE/admin/users")
expect_eq "after the second factor, the admin too must change the password first" "303 /account" \
	"$st $(header_of "$H.u.h" Location)"
http_get "$H.ac" -b "$SJ" "$BASE/account" >/dev/null
http_status -b "$SJ" -c "$SJ" --data-urlencode "csrf=$(form_csrf "$H.ac.b")" --data-urlencode "old=$ADMIN_PW" \
	--data-urlencode "new=Admin#Own2026" --data-urlencode "new2=Admin#Own2026" "$BASE/account/password" >/dev/null
login admin 'Admin#Own2026' "$SJ" >/dev/null
totp_post "$SJ" "$(totp_code "$SECRET" 1)" "$H.en" >/dev/null
expect_eq "... then the users page opens" 200 "$(http_get "$H.u" -b "$SJ" "$BASE/admin/users")"
check "the users page shows offices and the first-login flag" grep -q '首次登录须修改密码' "$H.u.b"
uid() { sql "SELECT id FROM users WHERE name = '$1'"; }
act() {   # act JAR USER ACTION [field=value]
	http_status -b "$1" --data-urlencode "csrf=$(csrf_of "$1")" --data-urlencode "action=$3" \
		${4:+--data-urlencode "$4"} "$BASE/admin/users/$(uid "$2")/action"
}
expect_eq "the system admin sets c3po's office on the web" 303 "$(act "$SJ" c3po office office=案件监督管理室)"
expect_eq "... stored" "案件监督管理室" "$(sql "SELECT office FROM users WHERE name = 'c3po'")"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'user_office' AND object = 'user/$(uid c3po)'")"
expect_eq "an office of more than 50 characters: 422" 422 \
	"$(act "$SJ" c3po office "office=$(printf '室%.0s' $(seq 1 51))")"
expect_eq "the principal flag taken off bo" 303 "$(act "$SJ" bo unprincipal)"
expect_eq "... stored" 0 "$(sql "SELECT principal FROM users WHERE name = 'bo'")"
expect_eq "... and set again" 303 "$(act "$SJ" bo principal)"
expect_eq "... stored" 1 "$(sql "SELECT principal FROM users WHERE name = 'bo'")"
expect_eq "a case manager cannot be the principal leader: 422" 422 "$(act "$SJ" c3po principal)"
expect_eq "the enabled alice cannot set offices (403)" 403 \
	"$(http_status -b "$AJ" --data-urlencode "csrf=$(csrf_of "$AJ")" --data-urlencode "action=office" \
		--data-urlencode "office=x" "$BASE/admin/users/$(uid bo)/action")"

# ---- persons: the personnel record's fields, the post history ----------------------
# (干部任免审批表: 性别, 出生年月, 民族 by GB/T 3304-1991, 入党时间, 人大代表,
# 政协委员, 任职经历); a move between units ends the open post and starts
# the next the same day, and the records naming the person keep their
# snapshot of the subject (issue 10's rule: they copy at the time).
ready_user pm --role case_manager --password-stdin >/dev/null
expect_eq "the case manager signs in" 303 "$(login pm "$PW")"
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙局","kind":"department"}')" | jget '["id"]')
pj() { printf '{"name":"马兰","unit_id":%s,"rank":"section","position":"%s","gender":"female","birth_date":"1970-05-01","ethnicity":"03","party_member":true,"party_joined":"%s","npc_deputy":true%s}' "$1" "$2" "${3:-1995-07-01}" "${4:+,$4}"; }
r=$(api POST /api/persons "$(pj "$UA" 科长 1995-07-01 '"post_from":"2015-03-01"')")
expect_eq "a person with the record's fields: 201" 201 "$(status "$r")"
PID=$(body "$r" | jget '["id"]')
expect_eq "... read back" "female 1970-05-01 03 1995-07-01 True False" 	"$(body "$r" | jget '["gender"]+" "+d["birth_date"]+" "+d["ethnicity"]+" "+d["party_joined"]+" "+str(d["npc_deputy"])+" "+str(d["cppcc_member"])')"
expect_eq "... holding the post given since the day given" "甲局 科长 2015-03-01 None" 	"$(body "$r" | jget '["posts"][0]["unit_name"]+" "+d["posts"][0]["post"]+" "+d["posts"][0]["from"]+" "+str(d["posts"][0]["to"])')"
expect_eq "an ethnicity outside GB/T 3304: 422" 422 "$(status "$(api POST /api/persons "$(pj "$UA" x | sed 's/"03"/"99"/')")")"
expect_eq "a birth date in the future: 422" 422 "$(status "$(api POST /api/persons "$(pj "$UA" x | sed 's/1970-05-01/2999-01-01/')")")"
expect_eq "joining the party before birth: 422" 422 "$(status "$(api POST /api/persons "$(pj "$UA" x 1960-01-01)")")"
expect_eq "an impossible date: 422" 422 "$(status "$(api POST /api/persons "$(pj "$UA" x 1995-02-30)")")"
CL=$(body "$(api POST /api/clues "{\"received\":\"2022-03-02\",\"source\":\"report\",\"summary\":\"反映问题\",\"subjects\":[$PID]}")" | jget '["id"]')
r=$(api PUT "/api/persons/$PID" "$(pj "$UB" 副局长 1995-07-01 '"post_from":"2021-06-01"')")
expect_eq "the person moves to another unit on 2021-06-01: 200" 200 "$(status "$r")"
expect_eq "... the history keeps the first post, ended that day, and the new one open" \
	"甲局 科长 2015-03-01 2021-06-01 | 乙局 副局长 2021-06-01 None" \
	"$(body "$r" | jget '["posts"]' | python3 -c 'import ast,sys; print(" | ".join("%s %s %s %s" % (p["unit_name"], p["post"], p["from"], p["to"]) for p in ast.literal_eval(sys.stdin.read())))')"
expect_eq "... the current unit is the open post's" "$UB" "$(sql "SELECT unit_id FROM persons WHERE id = $PID")"
expect_eq "... the clue registered before keeps its subject's unit then" "$UA" 	"$(sql "SELECT unit_id FROM clue_subjects WHERE clue_id = $CL")"
r=$(api PUT "/api/persons/$PID" "$(pj "$UA" 局长 1995-07-01 '"post_from":"2020-01-01"')")
expect_eq "a move dated before the open post began: 422" 422 "$(status "$r")"
expect_eq "... nothing changed" 2 "$(sql "SELECT count(*) FROM person_posts WHERE person_id = $PID")"
r=$(api PUT "/api/persons/$PID" "$(pj "$UB" 副局长 1995-07-01 '"cppcc_member":true')")
expect_eq "a change of other fields is no move" "200 2" "$(status "$r") $(sql "SELECT count(*) FROM person_posts WHERE person_id = $PID")"
http_get "$H.p" -b "$JAR" "$BASE/persons/$PID" >/dev/null
check "the person page shows 民族 回族 and the post history" \
	bash -c "grep -q '回族' '$H.p.b' && grep -q '任职经历' '$H.p.b' && grep -q '2021-06-01' '$H.p.b'"
http_get "$H.pe" -b "$JAR" "$BASE/persons/$PID/edit" >/dev/null
check "the form offers the fields" bash -c "grep -q 'name=\"ethnicity\"' '$H.pe.b' && grep -q 'name=\"post_from\"' '$H.pe.b' && grep -q 'name=\"npc_deputy\"' '$H.pe.b'"
st=$(http_status -b "$JAR" --data-urlencode "csrf=$(form_csrf "$H.pe.b")" --data-urlencode "name=马兰" \
	--data-urlencode "unit_id=$UB" --data-urlencode "rank=section" --data-urlencode "position=副局长" \
	--data-urlencode "ethnicity=xx" "$BASE/persons/$PID")
expect_eq "the page refuses an unknown ethnicity: 422" 422 "$st"

# ---- interchange: person lines carry the fields; import refuses invalid ---------------
run_cli export --out "$T_DIR/e1.jsonl"
expect_eq "export: exit 0" 0 "$RC"
line=$(grep '"type":"person"' "$T_DIR/e1.jsonl" | grep 马兰)
expect_contains "the person line carries the record's fields" '"gender":"female","birth_date":"1970-05-01","ethnicity":"03","party_joined":"1995-07-01","npc_deputy":true,"cppcc_member":true' "$line"
if [ "$BACKEND" = pg ]; then DB2=$(pg_newdb p12); else DB2=$T_DIR/rt.db; fi
"$QF_BIN" init --db "$DB2" --key "$T_DIR/rt.key" --region 230100 >/dev/null
run_cli import "$T_DIR/e1.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "the export imports into a fresh database" 0 "$RC"
run_cli export --db "$DB2" --key "$T_DIR/rt.key" --out "$T_DIR/e2.jsonl"
check "export -> import -> export: the same lines" diff "$T_DIR/e1.jsonl" "$T_DIR/e2.jsonl"
expect_eq "... the imported person holds an open post" 1 \
	"$(DB=$DB2 sql "SELECT count(*) FROM person_posts t JOIN persons p ON p.id = t.person_id WHERE p.name = '马兰' AND t.end_day IS NULL")"
# a line refused: the units it names are in DB2 already (imported above)
printf '%s\n' "$line" | sed 's/"ethnicity":"03"/"ethnicity":"99"/; s/"id":"P[0-9]*"/"id":"P900"/' >"$T_DIR/bad.jsonl"
run_cli import "$T_DIR/bad.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "import refuses a person line with an unknown ethnicity" 1 "$RC"
expect_contains "... naming the field" "ethnicity" "$ERR"
printf '%s\n' "$line" | sed 's/"birth_date":"1970-05-01"/"birth_date":"1970-13-01"/; s/"id":"P[0-9]*"/"id":"P901"/' >"$T_DIR/bad2.jsonl"
run_cli import "$T_DIR/bad2.jsonl" --db "$DB2" --key "$T_DIR/rt.key"
expect_eq "... and an impossible birth date" 1 "$RC"

stop_server
check "no sanitizer report" server_clean
check "no sanitizer report from the CLI" cli_clean
finish
