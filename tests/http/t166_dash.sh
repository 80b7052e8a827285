# t166_dash.sh: the dashboard of issue 11 and the lists behind its figures.
# Rules covered (issue 11 "Dashboard"; DOMAIN.md section 6 for the
# definitions, section 1 for need-to-know):
# - the home page of the leaders and the case manager is the dashboard:
#   charts drawn by the server as SVG (role="img", values as text, no
#   script); other roles keep their to-dos;
# - every number links to the filtered list of the records that make it,
#   and that list (page and /api twin) shows the same count;
# - a role does not get links it cannot open;
# - the lists behind the figures take the period and scope arguments
#   agreed with the metrics module (within = the unit and all below,
#   category, source, organ_kind, rank, top_leader, leadership,
#   key_persons from the snapshots on the record), and the new lists
#   /outcomes and /detentions honour need-to-know as the records' pages
#   (《监督执纪工作规则》2019 art. 7 and DOMAIN.md section 1: a case is
#   seen by its team, its approvers and the case manager; a case worker
#   sees only the cases of his teams).
# Records come in through import (JSON Lines, docs/interchange.md).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users lead:leader inv:investigator || { not_ok "users"; finish; }
LJ=$T_DIR/lead.jar IJ=$T_DIR/inv.jar CJ=$T_DIR/clerk.jar

# ---- the records: a department, a township with a village, a campaign ---------------------
cat >"$T_DIR/year.jsonl" <<'EOF'
{"type":"unit","id":"U1","name":"甲局","kind":"department","parent":null}
{"type":"unit","id":"U2","name":"乙镇","kind":"township","parent":null}
{"type":"unit","id":"U3","name":"丙村","kind":"village","parent":"U2"}
{"type":"campaign","id":"G1","name":"粮食购销领域专项整治","start":"2022-01-01"}
{"type":"person","id":"P1","name":"甲局长","unit":"U1","rank":"section","top_leader":true,"party_member":true}
{"type":"person","id":"P2","name":"甲科员","unit":"U1","rank":"staff","party_member":true}
{"type":"person","id":"P3","name":"丙主任","unit":"U3","rank":"village","party_member":true}
{"type":"person","id":"P4","name":"乙委员","unit":"U2","rank":"section","leadership":true,"party_member":true}
{"type":"clue","id":"C1","received":"2022-01-10","source":"report","subjects":["P1"],"summary":"反映其违规收受礼金"}
{"type":"clue","id":"C2","received":"2022-02-03","source":"audit","subjects":["P2"],"categories":["eight_rules"],"summary":"审计发现问题"}
{"type":"clue","id":"C3","received":"2022-03-15","source":"report","subjects":["P3"],"campaign":"G1","summary":"反映其侵占补贴"}
{"type":"clue","id":"C4","received":"2021-10-20","source":"inspection","subjects":["P4"],"summary":"巡察移交"}
{"type":"clue","id":"C5","received":"2021-12-20","source":"report","subjects":["P2"],"summary":"反映其工作作风"}
{"type":"clue","id":"C6","received":"2022-03-02","source":"judicial","subjects":["P4"],"summary":"公安机关移交"}
{"type":"clue","id":"C7","received":"2022-04-02","source":"superior","subjects":["P2"],"summary":"另案线索"}
{"type":"disposition","clue":"C7","decided":"2022-04-06","method":"transfer","transfer_direction":"org_dept","transfer_to":"县委组织部"}
{"type":"disposition","clue":"C1","decided":"2022-01-20","method":"preliminary_verification"}
{"type":"disposition","clue":"C1","decided":"2022-02-01","method":"file_case","approved_by":"王书记","committee_by":"县委书记","committee_day":"2022-02-01"}
{"type":"disposition","clue":"C2","decided":"2022-02-10","method":"talk_inquiry"}
{"type":"disposition","clue":"C3","decided":"2022-03-20","method":"preliminary_verification"}
{"type":"disposition","clue":"C3","decided":"2022-04-01","method":"file_case","approved_by":"王书记","committee_by":"县委书记","committee_day":"2022-04-01"}
{"type":"disposition","clue":"C4","decided":"2021-10-25","method":"preliminary_verification"}
{"type":"disposition","clue":"C4","decided":"2021-11-10","method":"file_case","approved_by":"王书记","committee_by":"县委书记","committee_day":"2021-11-10"}
{"type":"disposition","clue":"C5","decided":"2022-01-05","method":"talk_inquiry"}
{"type":"case","id":"K1","clue":"C1","filed":"2022-02-05","closed":"2022-06-30","case_type":"discipline","organ_kind":"office","organ_name":"第一审查调查室","categories":["integrity"]}
{"type":"case","id":"K2","clue":"C3","filed":"2022-04-05","transferred":"2022-08-01","campaign":"G1","case_type":"both","organ_kind":"township","organ_name":"乙镇纪委","categories":["eight_rules","mass"]}
{"type":"case","id":"K3","clue":"C4","filed":"2021-11-15","closed":"2022-03-01","case_type":"discipline","organ_kind":"office","organ_name":"第二审查调查室","categories":["work"]}
{"type":"detention","id":"D1","case":"K2","person":"P3","start":"2022-05-01","announced_at":"2022-05-01T09:00","approved_by":"市纪委监委","approved_day":"2022-04-30"}
{"type":"outcome","person":"P1","case":"K1","date":"2022-07-01","measures":["party_serious_warning"]}
{"type":"outcome","person":"P3","case":"K2","date":"2022-09-01","campaign":"G1","measures":["party_expulsion","criminal_transfer"]}
{"type":"outcome","person":"P4","case":"K3","date":"2022-03-01","measures":["admonishment"]}
{"type":"outcome","person":"P2","clue":"C2","date":"2022-03-01","measures":["criticism"]}
{"type":"outcome","person":"P2","clue":"C5","date":"2021-12-30","measures":["talk_reminder"]}
{"type":"accountability","id":"Q1","started":"2022-05-10","unit":"U3","campaign":"G1","summary":"履职不力"}
{"type":"accountability","id":"Q2","started":"2021-05-10","person":"P1","summary":"履职不力"}
{"type":"accountability","id":"Q3","started":"2022-11-10","person":"P2","summary":"履职不力"}
{"type":"recovery","date":"2022-06-01","amount":"1000.50","kind":"recovered","campaign":"G1"}
{"type":"recovery","date":"2021-06-01","amount":"20.00","kind":"returned"}
EOF
# 51 accountability records of 2020: the ledger behind a figure pages through all its rows
for i in $(seq 1 51); do
	printf '{"type":"accountability","id":"QA%d","started":"2020-03-%02d","unit":"U1","summary":"履职不力"}\n' "$i" $((i % 28 + 1))
done >>"$T_DIR/year.jsonl"
run_cli import --db "$DB" "$T_DIR/year.jsonl"
expect_eq "the year's records import" 0 "$RC"
[ "$RC" -eq 0 ] || echo "# $ERR"
start_server || { not_ok "server starts"; finish; }
for u in cm:$JAR lead:$LJ inv:$IJ clerk:$CJ; do
	expect_eq "${u%%:*} logs in" 303 "$(login "${u%%:*}" "$PW" "${u#*:}")"
done
id_of() { sql "SELECT id FROM $1 WHERE $2"; }
U1=$(id_of units "name = '甲局'") U2=$(id_of units "name = '乙镇'") U3=$(id_of units "name = '丙村'")
K1=$(id_of cases "filed = '2022-02-05'") K2=$(id_of cases "filed = '2022-04-05'")

# count URL [JAR]: "page api" counts of a list: the page's 共 N 条 (件 on
# the accountability ledger) and the API twin's total
count() {
	local jar=${2:-$JAR} p a api=/api$1
	p=$(curl -s -b "$jar" "$BASE$1" | sed -n 's/.*class="count">共 \([0-9]*\) [条件].*/\1/p' | head -1)
	case "$1" in /accountability*) api=/api/accountabilities${1#/accountability} ;; esac
	a=$(curl -s -b "$jar" "$BASE$api" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null)
	echo "$p $a"
}

# ---- the lists' figure arguments (the same count on the page and the API) -------------------
Y="from=2022-01-01&to=2022-12-31"
expect_eq "clues received in 2022 (received_from/to)" "5 5" "$(count "/clues?received_from=2022-01-01&received_to=2022-12-31")"
expect_eq "clues first disposed in 2022, a second disposition not counted again (disposed_from/to)" "4 4" \
	"$(count "/clues?disposed_from=2022-01-01&disposed_to=2022-12-31")"
expect_eq "... a clue only transferred (移交) to another organ is not disposed here" "0 0" \
	"$(count "/clues?disposed_from=2022-04-01&disposed_to=2022-04-30")"
expect_eq "clues of the 四风 category (clue_categories)" "1 1" "$(count "/clues?category=eight_rules")"
expect_eq "clues of key persons (the clue's subject snapshot)" "3 3" "$(count "/clues?key_persons=1")"
expect_eq "clues within 乙镇: the village's too (within)" "3 3" "$(count "/clues?within=$U2")"
expect_eq "... unit_id stays the unit alone" "2 2" "$(count "/clues?unit_id=$U2")"
expect_eq "cases filed in 2022 (filed_from/to)" "2 2" "$(count "/cases?filed_from=2022-01-01&filed_to=2022-12-31")"
expect_eq "cases closed in 2022, one filed in 2021 (closed_from/to)" "2 2" "$(count "/cases?closed_from=2022-01-01&closed_to=2022-12-31")"
expect_eq "cases transferred to prosecution in 2022" "1 1" "$(count "/cases?transferred_from=2022-01-01&transferred_to=2022-12-31")"
expect_eq "cases within 乙镇 (the village's case)" "2 2" "$(count "/cases?within=$U2")"
expect_eq "cases of the 四风 category (case_categories)" "1 1" "$(count "/cases?category=eight_rules")"
expect_eq "cases by their clue's source" "1 1" "$(count "/cases?source=inspection")"
expect_eq "cases by handling organ" "1 1" "$(count "/cases?organ_kind=township")"
expect_eq "cases of top leaders (the filing snapshot)" "1 1" "$(count "/cases?top_leader=1")"
expect_eq "cases of key persons: top leader, leadership or 科级" "2 2" "$(count "/cases?key_persons=1")"
expect_eq "cases of rank village" "1 1" "$(count "/cases?rank=village")"
# a promotion after filing does not move the list: the snapshot is read, not the person
sql "UPDATE persons SET rank = 'section', top_leader = 1 WHERE name = '丙主任'" >/dev/null
expect_eq "... after a promotion the snapshot still says village" "1 1 | 1 1" \
	"$(count "/cases?rank=village") | $(count "/cases?top_leader=1")"
expect_eq "outcomes decided in 2022 (/outcomes from/to)" "4 4" "$(count "/outcomes?$Y")"
expect_eq "... of the first form" "2 2" "$(count "/outcomes?$Y&form=1")"
expect_eq "... sanctioned (a party sanction and a transfer for prosecution: once)" "2 2" "$(count "/outcomes?$Y&sanctioned=1")"
expect_eq "... of key persons (the outcome's snapshot)" "2 2" "$(count "/outcomes?$Y&key_persons=1")"
expect_eq "... within 乙镇" "2 2" "$(count "/outcomes?$Y&within=$U2")"
expect_eq "... of the campaign" "1 1" "$(count "/outcomes?$Y&campaign_id=$(id_of campaigns "name LIKE '粮食%'")")"
expect_eq "detentions started in 2022 (/detentions from/to)" "1 1" "$(count "/detentions?$Y")"
expect_eq "... within 甲局: none" "0 0" "$(count "/detentions?$Y&within=$U1")"
expect_eq "... of the rank village (the detained person's filing snapshot)" "1 1" "$(count "/detentions?$Y&rank=village")"
expect_eq "accountability started in 2022 (/accountability from/to)" "2 2" "$(count "/accountability?$Y")"
expect_eq "... within 乙镇 (a village's, by unit or by the person's unit)" "1 1" "$(count "/accountability?$Y&within=$U2")"
expect_eq "... within 甲局 (a person's)" "1 1" "$(count "/accountability?$Y&within=$U1")"
http_get "$H" -b "$JAR" "$BASE/accountability?from=2020-01-01&to=2020-12-31&page=2" >/dev/null
expect_eq "... 51 in 2020: the ledger says so, pages on with its filters, and shows the last one on page 2" \
	"共 51 件|/accountability?from&#61;2020-01-01&amp;to&#61;2020-12-31&amp;page=1|1" \
	"$(grep -o '共 51 件' "$H.b" | head -1)|$(grep -o 'rel="prev" href="[^"]*"' "$H.b" | sed 's/.*href="//; s/"$//')|$(python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
t = t[t.index("<h2>问责</h2>"):t.index("<h3>启动问责</h3>")]
print(t.count("<td>2020-"))' "$H.b")"
expect_eq "recovered in 2022 (/api/recoveries recovered_from/to)" "1" \
	"$(curl -s -b "$JAR" "$BASE/api/recoveries?recovered_from=2022-01-01&recovered_to=2022-12-31" | jget '["total"]')"
expect_eq "... returned (recovery_kind, the figures' name for kind): none in 2022, one in 2021" "0 1" \
	"$(curl -s -b "$JAR" "$BASE/api/recoveries?recovered_from=2022-01-01&recovered_to=2022-12-31&recovery_kind=returned" | jget '["total"]') $(curl -s -b "$JAR" "$BASE/api/recoveries?recovered_from=2021-01-01&recovered_to=2021-12-31&recovery_kind=returned" | jget '["total"]')"
http_get "$H" -b "$JAR" "$BASE/cases?closed_from=2022-01-01&closed_to=2022-12-31&within=$U2" >/dev/null
expect_contains "the list names the figure's filters" "按统计口径筛选" "$(cat "$H.b")"
expect_contains "... and keeps them in its filter form" "<input type=\"hidden\" name=\"within\" value=\"$U2\">" "$(cat "$H.b")"

# ---- need-to-know on the new lists: a case worker sees his teams' cases only ----------------
INV=$(id_of users "name = 'inv'")
expect_eq "the investigator joins K1's team: 200" 200 \
	"$(status "$(api POST "/api/cases/$K1/team" "{\"user_id\":$INV,\"role\":\"member\"}")")"
expect_eq "the investigator's case list: K1 only" "1 1" "$(count "/cases?filed_from=2022-01-01" "$IJ")"
expect_eq "... his outcomes: K1's and the clues' within his reach, not K2's nor K3's" \
	"$(curl -s -b "$IJ" "$BASE/api/outcomes?$Y" | python3 -c 'import json,sys; print(sorted(str(i["case_id"]) for i in json.load(sys.stdin)["items"]))')" \
	"['$K1', 'None']"
expect_eq "... no detention (K2 is not his)" "0 0" "$(count "/detentions?$Y" "$IJ")"
expect_eq "the case manager sees it" "1 1" "$(count "/detentions?$Y")"
expect_eq "the intake clerk may not open the detentions (403)" 403 "$(http_status -b "$CJ" "$BASE/detentions")"

# ---- the dashboard ------------------------------------------------------------------------
http_get "$H" -b "$LJ" "$BASE/?year=2022" >/dev/null
cp "$H.b" "$T_DIR/lead.html"
expect_contains "the leader's home page is the dashboard: SVG charts" "<svg class=\"chart chart-bars\"" "$(cat "$H.b")"
expect_contains "... accessible (role=img, aria-label)" 'role="img" aria-label="2022年线索与立案（按月）"' "$(cat "$H.b")"
case "$(sed 's/<script src="[^"]*"[^>]*><\/script>//g' "$H.b")" in *"<script"*) not_ok "... no script but the page's own app.js" ;;
	*) ok "... no script but the page's own app.js" ;; esac
# without ?year the dashboard opens on this year, or, when this year has no
# clue yet (the records here end in 2022), on the latest year that has one:
# a database holding past years (the demo year) must not open on zeros
http_get "$H" -b "$LJ" "$BASE/" >/dev/null
expect_contains "no year given, this year without clues: the latest year with clues (2022)" \
	'<strong>2022年</strong>' "$(cat "$H.b")"
http_get "$H" -b "$CJ" "$BASE/" >/dev/null
case "$(cat "$H.b")" in *"<svg class=\"chart"*) not_ok "the intake clerk keeps his to-dos, no dashboard" ;;
	*) ok "the intake clerk keeps his to-dos, no dashboard" ;; esac

# follow every figure of a dashboard: LINKS JAR -> "checked mismatches" (a
# mismatch: URL want page api)
follow() {
	python3 - "$1" "$BASE" "$2" <<'PY'
import html, json, re, subprocess, sys
page, base, jar = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(page, encoding="utf-8").read()
links = re.findall(r'<a href="([^"#][^"]*)"><rect[^>]*><title>[^<]*：(\d+)</title>', text)
links += re.findall(r'<td class="num"><a href="([^"#][^"]*)">(\d+)</a>', text)
bad, n = [], 0
def get(url):
    return subprocess.run(["curl", "-s", "-b", jar, base + url], capture_output=True, text=True).stdout
for href, want in links:
    url = html.unescape(href)
    n += 1
    m = re.search(r'class="count">共 (\d+) [条件]', get(url))
    got = m.group(1) if m else "none"
    api_url = "/api" + url
    if url.startswith("/accountability"):
        api_url = "/api/accountabilities" + url[len("/accountability"):]
    try:
        api = str(json.loads(get(api_url))["total"])
    except Exception:
        api = "none"
    if got != want or api != want:
        bad.append("%s want %s page %s api %s" % (url, want, got, api))
# money figures: the sum in the recoveries ledger's 合计 row
for href, want in re.findall(r'<td class="num"><a href="([^"]*)">([\d,]+\.\d\d)元</a>', text):
    url = html.unescape(href)
    n += 1
    m = re.search(r'合计</th><td class="num">([^<]*)</td>', get(url))
    got = m.group(1).replace("元", "") if m else "none"
    if got != want:
        bad.append("%s want %s page %s" % (url, want, got))
print(n, len(bad))
for b in bad:
    print("#", b, file=sys.stderr)
PY
}
r=$(follow "$T_DIR/lead.html" "$LJ")
expect_eq "every figure of the leader's dashboard links to a list of as many rows (links checked, mismatches)" \
	"0" "${r#* }"
[ "${r%% *}" -ge 20 ] && ok "... ${r%% *} links followed" || not_ok "... only ${r%% *} links"
expect_contains "the months chart: 2 clues received in March 2022, linked" \
	"/clues?received_from&#61;2022-03-01&amp;received_to&#61;2022-03-31\"><rect" "$(cat "$T_DIR/lead.html")"
expect_contains "... its value written as text" "<title>3月 · 受理线索：2</title>" "$(cat "$T_DIR/lead.html")"
expect_contains "the sources chart" "<title>信访举报：2</title>" "$(cat "$T_DIR/lead.html")"
expect_contains "the units chart" "<title>乙镇 · 立案：0</title>" "$(cat "$T_DIR/lead.html")"
http_get "$H" -b "$JAR" "$BASE/?year=2022" >/dev/null
cp "$H.b" "$T_DIR/cm.html"
expect_contains "the to-dos by office: 2 overdue (the detention's notice and its limit), linked to the office's table" \
	'<a href="#todo-1"><rect class="chart-s0"' "$(cat "$T_DIR/cm.html")"
expect_eq "... whose table lists as many overdue items" "2 2" "$(python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
bar = re.search(r"<title>[^<]*· 逾期：(\d+)</title>", t).group(1)
table = t[t.index("id=\"todo-1\""):]
table = table[:table.index("</table>")]
print(bar, table.count(">逾期<"))' "$T_DIR/cm.html")"
r=$(follow "$T_DIR/cm.html" "$JAR"); echo "# cm: ${r%% *} links followed"
expect_eq "the case manager's dashboard too (mismatches)" "0" "${r#* }"
# the key figures (the metrics module), this year against last year, each linked to its list
expect_contains "the key figures: 立案 2 in 2022, linked to the cases filed" \
	"<td>立案</td><td class=\"num\"><a href=\"/cases?filed_from&#61;2022-01-01&amp;filed_to&#61;2022-12-31\">2</a></td>" \
	"$(cat "$T_DIR/lead.html")"
expect_contains "... 2021's beside it (K3), and the change" \
	"filed_to&#61;2021-12-31\">1</a></td><td class=\"num delta\">+1</td>" "$(cat "$T_DIR/lead.html")"
expect_contains "the four forms of both years as a chart, each form linked to its outcomes" \
	"/outcomes?from&#61;2022-01-01&amp;to&#61;2022-12-31&amp;form&#61;1\"><rect class=\"chart-s0\"" "$(cat "$T_DIR/lead.html")"
expect_contains "... with its share" "第一种形态 2（50.0%）" "$(cat "$T_DIR/lead.html")"
# the leader may not open the accountability ledger: its figure is shown, not linked; the case manager's is linked
expect_contains "the leader sees 问责 2 without a link (no accountability permission)" \
	"<td>问责</td><td class=\"num\">2</td>" "$(cat "$T_DIR/lead.html")"
expect_contains "... the case manager gets the link" \
	"<td>问责</td><td class=\"num\"><a href=\"/accountability?from&#61;2022-01-01&amp;to&#61;2022-12-31\">2</a>" \
	"$(cat "$T_DIR/cm.html")"
# a role gets no link it cannot open: every link of the leader's page opens for him
bad=0
for u in $(python3 -c 'import html,re,sys; [print(html.unescape(h)) for h in re.findall(r"<a href=\"(/[^\"]*)\"", open(sys.argv[1]).read())]' "$T_DIR/lead.html" | sort -u); do
	s=$(http_status -b "$LJ" "$BASE$u")
	[ "$s" = 200 ] || { bad=$((bad + 1)); echo "# $u: $s"; }
done
expect_eq "every link on the leader's dashboard opens for the leader" 0 "$bad"

# ---- the kept data (domain/dash.h dash_data): one year's figures serve every dashboard user
# until a commit in this process; a clue registered through this server shows at once --------
fig() {    # the 2022 figure of the dashboard's row $1, as the leader sees it
	curl -s -b "$LJ" "$BASE/?year=2022" | python3 -c '
import re, sys
m = re.search(r"<td>" + re.escape(sys.argv[1]) + r"</td><td class=\"num\">(?:<a [^>]*>)?([0-9,]+)", sys.stdin.read())
print(m.group(1) if m else "none")' "$1"
}
before=$(fig 受理问题线索)
expect_eq "the kept figure is the one computed (the cm's dashboard filled it)" "$before" "$(fig 受理问题线索)"
P1ID=$(id_of persons "name = '甲局长'")
r=$(api POST /api/clues "{\"received\":\"2022-05-05\",\"source\":\"report\",\"summary\":\"来信反映\",\"subjects\":[$P1ID],\"confirm\":true}")
expect_eq "a clue of 2022 registered through the API: 201" 201 "$(status "$r")"
expect_eq "... the dashboard counts it at once (the commit ends the kept figures)" "$((before + 1))" "$(fig 受理问题线索)"
# the home page's cards: the whole tables' totals are kept by the same rule (domain/kept.h)
card() { curl -s -b "$LJ" "$BASE/" | sed -n "s/.*href=\"\/$1\"><span class=\"card-label\">[^<]*<\/span><span class=\"card-num\">\([0-9]*\)<.*/\1/p" | head -1; }
np=$(card persons)
expect_eq "the persons card counts the persons" "$(sql 'SELECT count(*) FROM persons')" "$np"
r=$(api POST /api/persons "{\"name\":\"新人丁\",\"unit_id\":$U1,\"rank\":\"staff\"}")
expect_eq "a person added through the API: 201" 201 "$(status "$r")"
expect_eq "... the kept total counts it at once" "$((np + 1))" "$(card persons)"

check "no sanitizer report" server_clean
finish
