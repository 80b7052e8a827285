#!/usr/bin/env bash
# t213_campaigns: special campaigns (专项整治) as a full family (issue 14,
# camp14; migration 0056; docs/architecture.md "Special campaigns").
# - a campaign is created (page and API), edited and read with its plan,
#   lead office, days and computed state; creating and editing need
#   PERM_CAMPAIGN_WRITE (403 for an investigator, who reads), reading
#   PERM_CLUE_READ (403 for the intake clerk); both audited;
# - working groups (专项工作组) with a leader and members as accounts; a
#   name that is no active account is refused in Chinese;
# - money in yuan with at most two decimals, stored as fen without floating
#   point: "117526.73" -> 11752673; three decimals, a negative amount and
#   garbage refused with Chinese messages; the four kinds (收缴, 追缴,
#   责令退赔, 挽回经济损失) accepted, another refused;
# - accountability measure types (《中国共产党问责条例》第八条: 检查, 通报,
#   诫勉, 组织调整或者组织处理, 纪律处分), one or several per record, counted
#   per campaign (accountability_<measure>); an unknown one refused;
# - a case filed outside the campaign is tagged to it afterwards (audited;
#   an investigator may not; a case that does not exist is refused);
# - the campaign's page shows its figures, and they equal the metric keys
#   with the campaign scope (/api/statistics), each linked to its list,
#   whose count is the figure;
# - export and import round trip: plan, lead office, groups and measures
#   come back in a new database;
# - upgrade (t66 style): the previous release's recoveries keep their kinds
#   recovered (-> 挽回经济损失) and returned (-> 责令退赔) and the figures
#   recovered and returned keep their sums; the new kinds are accepted.
# Before this change /campaigns, the groups and the kinds did not exist.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users inv:investigator sup:supervisor m1:investigator m2:trial || { not_ok "users"; finish; }
ready_user lead --role leader --principal --password-stdin --db "$DB" >/dev/null || { not_ok "the leader"; finish; }
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
IJ=$T_DIR/inv.jar CJ=$T_DIR/clerk.jar
expect_eq "the investigator logs in" 303 "$(login inv "$PW" "$IJ")"
expect_eq "the clerk logs in" 303 "$(login clerk "$PW" "$CJ")"

# ---- create, read, edit; permissions ----------------------------------------
r=$(api POST /api/campaigns '{"name":"种植补贴专项整治","start":"2022-04-01","end":"2022-12-31","plan":"《种植补贴专项整治工作方案》","lead_office":"第一监督检查室"}')
expect_eq "the case manager creates a campaign by the API" 201 "$(status "$r")"
K=$(body "$r" | jget '["id"]')
r=$(api GET "/api/campaigns/$K")
expect_eq "... it reads back with plan, lead office and a computed state" \
	"《种植补贴专项整治工作方案》|第一监督检查室|ended|2022-04-01" \
	"$(body "$r" | jget '["plan"]+"|"+d["lead_office"]+"|"+d["state"]+"|"+d["start"]')"
r=$(api POST /api/campaigns '{"name":"无权专项"}' "$IJ")
expect_eq "an investigator may not create one (PERM_CAMPAIGN_WRITE)" 403 "$(status "$r")"
expect_eq "... but reads the list" 200 "$(http_status -b "$IJ" "$BASE/campaigns")"
expect_eq "the intake clerk may not read it (PERM_CLUE_READ)" 403 "$(http_status -b "$CJ" "$BASE/campaigns")"
r=$(api POST /api/campaigns '{"name":"倒序专项","start":"2022-05-01","end":"2022-04-01"}')
expect_eq "an end before the start is refused" 422 "$(status "$r")"
expect_contains "... in Chinese" "结束日期不能早于开始日期" "$(body "$r")"
r=$(api POST "/api/campaigns/$K" '{"name":"玉米、大豆和稻谷种植补贴问题专项整治","start":"2022-04-01","end":"2099-12-31","plan":"方案第二稿","lead_office":"第一监督检查室"}')
expect_eq "the campaign is edited" 200 "$(status "$r")"
expect_eq "... its new name, plan and state" "玉米、大豆和稻谷种植补贴问题专项整治|方案第二稿|running" \
	"$(body "$(api GET "/api/campaigns/$K")" | jget '["name"]+"|"+d["plan"]+"|"+d["state"]')"
expect_eq "... audited" 1 "$(audit_count campaign_edit "campaign/$K")"
expect_eq "the API's creation is audited" 1 "$(audit_count create "campaign/$K")"
r=$(api POST "/api/campaigns/99999" '{"name":"无此专项"}')
expect_eq "editing no such campaign: 404" 404 "$(status "$r")"

# the page form
http_get "$T_DIR/list" -b "$JAR" "$BASE/campaigns" >/dev/null
TOK=$(form_csrf "$T_DIR/list.b")
st=$(http_get "$T_DIR/new" -b "$JAR" --data-urlencode "csrf=$TOK" --data-urlencode "name=能力作风建设年监督问责" \
	--data-urlencode "start=2022-03-01" --data-urlencode "end=2022-12-31" --data-urlencode "office=" \
	--data-urlencode "plan=工作方案" "$BASE/campaigns")
expect_eq "the page creates a campaign and goes to its page" 303 "$st"
K2=$(header_of "$T_DIR/new.h" location | sed -n 's|^/campaigns/\([0-9]*\).*|\1|p')
check "... its page" test -n "$K2"
st=$(http_get "$T_DIR/bad" -b "$JAR" --data-urlencode "csrf=$TOK" --data-urlencode "name=" "$BASE/campaigns")
expect_eq "a campaign without a name: 422" 422 "$st"
check "... with the message" grep -q "请填写专项整治名称" "$T_DIR/bad.b"

# ---- working groups --------------------------------------------------------
M1=$(sql "SELECT id FROM users WHERE name = 'm1'")
r=$(api POST "/api/campaigns/$K/groups" "{\"name\":\"第一专项工作组\",\"leader_id\":$M1,\"area\":\"柳溪镇\",\"members\":[\"m1\",\"m2\"]}")
expect_eq "a working group with a leader and two members" 201 "$(status "$r")"
r=$(api POST "/api/campaigns/$K/groups" '{"name":"第二专项工作组","members":"m2，nobody"}')
expect_eq "a member that is no account is refused" 422 "$(status "$r")"
expect_contains "... in Chinese" "成员“nobody”不是在用的账号" "$(body "$r")"
r=$(api POST "/api/campaigns/$K/groups" '{"name":"第三专项工作组","leader_id":99999}')
expect_eq "a leader that is no account is refused" 422 "$(status "$r")"
expect_contains "... in Chinese" "组长应为在用的账号" "$(body "$r")"
r=$(api POST "/api/campaigns/$K/groups" '{"name":"无权组"}' "$IJ")
expect_eq "an investigator may not add a group" 403 "$(status "$r")"
G=$(body "$(api GET "/api/campaigns/$K")")
expect_eq "the group reads back with its leader and members" "第一专项工作组|柳溪镇|2|m1、m2|1" \
	"$(printf '%s' "$G" | jget '["working_groups"][0]["name"]+"|"+d["working_groups"][0]["area"]+"|"+str(d["working_groups"][0]["n_members"])+"|"+d["working_groups"][0]["members"]+"|"+str(d["groups"])')"
expect_eq "... counted by campaign_groups" 1 "$(printf '%s' "$G" | jget '["figures"]["campaign_groups"]["value"]')"
expect_eq "... audited" 1 "$(audit_count campaign_group "campaign/$K")"
st=$(http_get "$T_DIR/camp" -b "$JAR" "$BASE/campaigns/$K")
expect_eq "the campaign's page" 200 "$st"
check "... lists the group and its members" grep -q "第一专项工作组.*柳溪镇.*m1、m2" "$T_DIR/camp.b"
check "... offers the plan document upload" grep -q "/campaigns/$K/attachments" "$T_DIR/camp.b"

# ---- money: yuan with two decimals, stored in fen ------------------------------
r=$(api POST /api/recoveries "{\"day\":\"2022-10-08\",\"amount\":\"117526.73\",\"kind\":\"recovered\",\"campaign_id\":$K}")
expect_eq "117526.73 yuan recovered for the campaign" 201 "$(status "$r")"
expect_eq "... stored as 11752673 fen" 11752673 "$(sql "SELECT amount_fen FROM recoveries WHERE id = $(body "$r" | jget '["id"]')")"
for bad in "1.234|最多两位小数" "-5|不能为负数" "12a|应为以元为单位的数字" "|请填写金额"; do
	r=$(api POST /api/recoveries "{\"day\":\"2022-10-08\",\"amount\":\"${bad%%|*}\",\"kind\":\"recovered\"}")
	expect_eq "the amount '${bad%%|*}' is refused" 422 "$(status "$r")"
	expect_contains "... with ${bad#*|}" "${bad#*|}" "$(body "$r")"
done
for k in confiscated:1000.00 ordered:20.5 returned:2725.2; do
	r=$(api POST /api/recoveries "{\"day\":\"2022-11-08\",\"amount\":\"${k#*:}\",\"kind\":\"${k%%:*}\",\"campaign_id\":$K}")
	expect_eq "the kind ${k%%:*} is accepted" 201 "$(status "$r")"
done
r=$(api POST /api/recoveries '{"day":"2022-11-08","amount":"1","kind":"bogus"}')
expect_eq "an unknown kind is refused" 422 "$(status "$r")"
expect_contains "... naming the four kinds" "收缴、追缴、责令退赔或挽回经济损失" "$(body "$r")"
check "the ledger labels the kinds in Chinese" bash -c "curl -s -b '$JAR' '$BASE/accountability' | grep -q '收缴.*1,000.00'"

# ---- accountability measure types -------------------------------------------------
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
r=$(api POST /api/accountabilities "{\"started\":\"2022-06-01\",\"unit_id\":$UA,\"campaign_id\":$K,\"measures\":[\"check\",\"notice\"]}")
expect_eq "an accountability with two measures" 201 "$(status "$r")"
r=$(api POST /api/accountabilities "{\"started\":\"2022-06-02\",\"unit_id\":$UA,\"campaign_id\":$K,\"measures\":[\"notice\"]}")
expect_eq "... another with one" 201 "$(status "$r")"
r=$(api POST /api/accountabilities "{\"started\":\"2022-06-03\",\"unit_id\":$UA,\"measures\":[\"admonish\"]}")
expect_eq "... and one outside the campaign" 201 "$(status "$r")"
r=$(api POST /api/accountabilities "{\"started\":\"2022-06-03\",\"unit_id\":$UA,\"measures\":[\"dismissal\"]}")
expect_eq "an unknown measure is refused" 422 "$(status "$r")"
expect_contains "... in Chinese" "问责方式“dismissal”不存在" "$(body "$r")"
r=$(api GET "/api/accountabilities?campaign_id=$K")
expect_eq "the measures read back in the code table's order" "['check', 'notice']" \
	"$(body "$r" | jget '["items"][1]["measures"]')"
check "the page names them in Chinese" bash -c "curl -s -b '$JAR' '$BASE/accountability' | grep -q '检查、通报'"

# ---- a case tagged to the campaign -------------------------------------------------------
LJ=$T_DIR/lead.jar
expect_eq "the leader logs in" 303 "$(login lead "$PW" "$LJ")"
PA=$(body "$(api POST /api/persons "{\"name\":\"赵村长\",\"unit_id\":$UA,\"rank\":\"village\"}")" | jget '["id"]')
CL=$(body "$(api POST /api/clues "{\"received\":\"2022-05-02\",\"source\":\"report\",\"summary\":\"反映其虚报种植面积\",\"subjects\":[$PA]}")" | jget '["id"]')
CASE=$(file_case "$CL" 2022-05-20)
check "a case filed outside any campaign" test -n "$CASE"
r=$(api POST "/api/campaigns/$K/cases" "{\"case_id\":$CASE}" "$IJ")
expect_eq "an investigator may not tag it (campaign_write)" 403 "$(status "$r")"
r=$(api POST "/api/campaigns/$K/cases" '{"case_id":99999}')
expect_eq "a case that does not exist is refused" 422 "$(status "$r")"
expect_contains "... in Chinese" "所选案件不存在" "$(body "$r")"
r=$(api POST "/api/campaigns/$K/cases" "{\"case_id\":$CASE}")
expect_eq "the case manager tags the case to the campaign" 200 "$(status "$r")"
expect_eq "... the case carries it" "$K" "$(sql "SELECT campaign_id FROM cases WHERE id = $CASE")"
expect_eq "... audited" 1 "$(audit_count campaign_tag "case/$CASE")"

# ---- the campaign's figures are the metric keys with its scope ------------------------
F=$(body "$(api GET "/api/campaigns/$K")")
S=$(body "$(api GET "/api/statistics?from=2000-01-01&to=2099-12-31&campaign_id=$K")")
for key in cases_filed:1 accountabilities:2 accountability_check:1 accountability_notice:2 accountability_admonish:0 \
	recovered:11752673 returned:272520 confiscated:100000 ordered:2050 campaign_groups:1; do
	k=${key%%:*}
	expect_eq "the page's $k is ${key#*:}" "${key#*:}" "$(printf '%s' "$F" | jget "[\"figures\"][\"$k\"][\"value\"]")"
	expect_eq "... the key $k with the campaign scope says the same" "${key#*:}" \
		"$(printf '%s' "$S" | python3 -c 'import json,sys; print([m["value"] for m in json.load(sys.stdin)["metrics"] if m["key"]==sys.argv[1]][0])' "$k")"
done
L=$(printf '%s' "$F" | jget '["figures"]["accountability_notice"]["list"]')
expect_contains "the notice figure links to its list" "measure=notice" "$L"
check "... whose count is the figure (2)" bash -c "curl -s -b '$JAR' '$BASE$L' | grep -q '共 2 件'"
st=$(http_get "$T_DIR/camp" -b "$JAR" "$BASE/campaigns/$K")
check "the page shows 117,526.73元 linked to the recoveries of kind recovered" \
	grep -q "recovery_kind=recovered[^\"]*campaign_id=$K\">117,526.73元" "$T_DIR/camp.b"

# ---- export and import round trip ------------------------------------------------------
run_cli export --out "$T_DIR/x.jsonl"
expect_eq "export" 0 "$RC"
check "... writes the group" grep -q '"type": *"campaign_group".*第一专项工作组' "$T_DIR/x.jsonl"
stop_server
DB0=$DB
if [ "$BACKEND" = pg ]; then DB=$(pg_newdb t213b); else DB=$T_DIR/b.db; fi
run_cli init --db "$DB" --key "$T_DIR/b.key" --name "另一市" --region 230100
run_cli import --db "$DB" --key "$T_DIR/b.key" "$T_DIR/x.jsonl"
expect_eq "import into a new database" 0 "$RC"
expect_eq "... the plan, lead office and group came back" "方案第二稿|第一监督检查室|第一专项工作组|柳溪镇" \
	"$(sql "SELECT k.plan || '|' || k.lead_office || '|' || g.name || '|' || g.area FROM campaigns k JOIN campaign_groups g ON g.campaign_id = k.id WHERE k.name LIKE '玉米%'")"
expect_eq "... and the measures" "check,notice,notice,admonish" \
	"$(sql "SELECT m.measure FROM accountability_measures m JOIN accountabilities a ON a.id = m.accountability_id ORDER BY a.started, CASE m.measure WHEN 'check' THEN 1 WHEN 'notice' THEN 2 ELSE 3 END" | paste -sd,)"
expect_eq "... and the money by kind" "confiscated:100000 ordered:2050 recovered:11752673 returned:272520" \
	"$(sql "SELECT kind || ':' || sum(amount_fen) FROM recoveries GROUP BY kind ORDER BY kind" | paste -sd' ')"

# ---- upgrade (t66 style): the release's recoveries keep their kinds --------------------------
FIX=$(cd "$(dirname "$0")/../data/upgrade" && pwd)
if [ "$BACKEND" = pg ]; then
	DB=$(pg_newdb t213u)
	psql -X -q -v ON_ERROR_STOP=1 "$DB" -f "$FIX/pg.sql" >/dev/null 2>&1
	cp "$FIX/pg.key" "$T_DIR/u.key"
else
	DB=$T_DIR/u.db
	sqlite3 "$DB" <"$FIX/sqlite.sql" >/dev/null 2>&1
	cp "$FIX/sqlite.key" "$T_DIR/u.key"
fi
chmod 600 "$T_DIR/u.key"
V0=$(sql "SELECT max(version) FROM schema_version")
sql "INSERT INTO recoveries(region, day, amount_fen, kind, created_at) VALUES ('230100', '2022-10-01', 272520, 'returned', 0), ('230100', '2022-10-02', 11752673, 'recovered', 0)"
expect_eq "the release's database (schema $V0) holds both old kinds" "recovered returned" \
	"$(sql "SELECT kind FROM recoveries ORDER BY kind" | paste -sd' ')"
run_cli report --db "$DB" --key "$T_DIR/u.key" --year 2022 --format json
expect_eq "this binary migrates it and reports" 0 "$RC"
check "... to 0056 or later" test "$(sql "SELECT max(version) FROM schema_version")" -ge 56
expect_eq "... the kinds are kept: recovered (挽回经济损失) and returned (责令退赔)" "recovered returned" \
	"$(sql "SELECT kind FROM recoveries ORDER BY kind" | paste -sd' ')"
expect_eq "... and the figures recovered and returned keep their sums" "11752673 272520" \
	"$(printf '%s' "$OUT" | python3 -c 'import json,sys; d={m["key"]:m["value"] for m in json.load(sys.stdin)["metrics"]}; print(d["recovered"], d["returned"])')"
check "... a new kind is accepted after the upgrade" sql "INSERT INTO recoveries(region, day, amount_fen, kind, created_at) VALUES ('230100', '2022-10-03', 1, 'confiscated', 0)"
check "... an unknown kind is still refused by the schema" bash -c "! sql \"INSERT INTO recoveries(region, day, amount_fen, kind, created_at) VALUES ('230100', '2022-10-03', 1, 'bogus', 0)\" 2>/dev/null"
DB=$DB0
check "no sanitizer report" cli_clean
finish
