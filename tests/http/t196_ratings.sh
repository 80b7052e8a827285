#!/usr/bin/env bash
# t196_ratings: the "码上问效" ratings family (issue 13; DOMAIN.md sections
# 4, 5 and 6; docs/architecture.md "Ratings (issue 13)").
# - a unit's QR page names its public rating page by a random token, not
#   its id; the citizen's page needs no session, carries an idempotency
#   key, and shows no staff navigation;
# - a rating counted once after a retry with the same key (the retry shows
#   the same receipt and codes), and once when the two arrive together;
# - 1-2 stars open a bad review whose clocks follow DOMAIN.md section 4's
#   table ("bad service rating: call back / fix | 1 working day / 15
#   working days", clock_limit_versions 0021: 本地规定：政务服务差评1个工作日内
#   回访, 15个工作日内整改) on the working-day calendar: a rating on Friday
#   2023-12-29 is called back by Tuesday 2024-01-02 (the weekend and 元旦
#   2024-01-01 not counted) and fixed by 2024-01-22;
# - stored XSS in a comment, a letter and an answer is escaped where staff
#   and the citizen see it; the contact is stored encrypted;
# - letters: received -> accepted -> concluded, the answer read by the
#   citizen with the code; the follow-up rating once;
# - need-to-know: a township commission's user sees the ratings, letters
#   and bad reviews of his township only, and 404 (audited) for another's;
# - the figures ratings, ratings_5star, good_rate (1 decimal), letters_
#   received and letters_concluded, with a rating made at
#   2022-12-31T16:30:00Z counted in 2023 (China Standard Time);
# - nothing identifies the visitor: the user agent the citizen's browser
#   sent is in neither the database nor the log.
# Before this change /p/rate, /ratings and the keys did not exist.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
start_server || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"
UA=$(body "$(api POST /api/units '{"name":"甲局","kind":"department"}')" | jget '["id"]')
UB=$(body "$(api POST /api/units '{"name":"乙镇","kind":"township"}')" | jget '["id"]')
ready_user tw --role township --unit "$UB" --password-stdin --db "$DB" >/dev/null
TJ=$T_DIR/tw.jar
expect_eq "the township user logs in" 303 "$(login tw "$PW" "$TJ")"
AGENT="QF-Citizen-Phone/7.1 (t196)"

# the unit's QR page and its token
st=$(http_get "$T_DIR/qr" -b "$JAR" "$BASE/units/$UA/rating")
expect_eq "the unit's QR page" 200 "$st"
check "... holds the QR code as SVG" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$T_DIR/qr.b"
TA=$(grep -o '/p/rate/[A-Za-z0-9_-]*' "$T_DIR/qr.b" | head -1 | sed 's|/p/rate/||')
expect_eq "... naming a random token of 43 characters, not the id" 43 "${#TA}"
expect_eq "the same token the next time" "$TA" "$(curl -s -b "$JAR" "$BASE/units/$UA/rating" |
	grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')"
st=$(http_get "$T_DIR/poster" -b "$JAR" "$BASE/units/$UA/rating/poster")
expect_eq "the A4 poster" 200 "$st"
check "... names the unit and says 扫码评价" grep -q '甲局.*扫码评价' "$T_DIR/poster.b"
TB=$(curl -s -b "$JAR" "$BASE/units/$UB/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
run_cli config set public_base_url https://pj.example.cn --db "$DB"
expect_contains "with public_base_url set, the QR page names the full address" \
	"https://pj.example.cn/p/rate/$TA" "$(curl -s -b "$JAR" "$BASE/units/$UA/rating")"

# the citizen's page: no session, an idempotency key, no navigation
st=$(http_get "$T_DIR/form" -A "$AGENT" "$BASE/p/rate/$TA")
expect_eq "the rating page answers without a session" 200 "$st"
KEY=$(grep -o 'name="idem_key" value="[^"]*"' "$T_DIR/form.b" | sed 's/.*value="//; s/"$//')
check "... carries an idempotency key" test ${#KEY} -ge 16
check "... no staff navigation, no CSRF field" bash -c "! grep -qE 'sidenav|主导航|name=\"csrf\"|退出' '$T_DIR/form.b'"
expect_eq "an unknown token: 404" 404 "$(http_status "$BASE/p/rate/$(wrong_token "$TA")")"
expect_eq "the unit's id is no token: 404" 404 "$(http_status "$BASE/p/rate/$UA")"

rate() {    # rate OUT KEY TOKEN [curl data args...]
	local out=$1 key=$2 tok=$3
	shift 3
	curl -s -A "$AGENT" -o "$out" -w '%{http_code}' --data-urlencode "idem_key=$key" "$@" "$BASE/p/rate/$tok"
}
expect_eq "a five-star rating" 200 "$(rate "$T_DIR/r1" "$KEY" "$TA" -d stars=5)"
expect_eq "the retry with the same key (the answer was lost)" 200 "$(rate "$T_DIR/r1b" "$KEY" "$TA" -d stars=5)"
expect_eq "... counted once" 1 "$(sql "SELECT count(*) FROM ratings")"
K2=t196-concurrent-0123456789
rate "$T_DIR/c1" "$K2" "$TA" -d stars=4 >/dev/null & p1=$!
rate "$T_DIR/c2" "$K2" "$TA" -d stars=4 >/dev/null & p2=$!
wait "$p1" "$p2"
expect_eq "two submissions with one key arriving together: counted once" 1 \
	"$(sql "SELECT count(*) FROM ratings WHERE idem_key = '$K2'")"
check "... both answered with the receipt" grep -q '提交成功' "$T_DIR/c1" "$T_DIR/c2"
expect_eq "a rating of 6 stars is refused" 422 "$(rate "$T_DIR/r6" t196-six-stars-0123456 "$TA" -d stars=6)"
expect_eq "... and a key that is not one" 422 "$(rate "$T_DIR/rk" 'a b' "$TA" -d stars=5)"
expect_eq "nothing stored for them" 2 "$(sql "SELECT count(*) FROM ratings")"

# a two-star rating with a letter, and hostile text in every field
XS='<script>alert(1)</script>'
XL='<img src=x onerror=alert(2)>信件'
K3=t196-bad-review-0123456789
expect_eq "a two-star rating with a letter (of two lines)" 200 "$(rate "$T_DIR/r3" "$K3" "$TA" -d stars=2 \
	--data-urlencode "comment=$XS" --data-urlencode "letter=$XL
第二行" --data-urlencode "contact=13912345678")"
FCODE=$(grep -o 'class="code">[0-9 ]*' "$T_DIR/r3" | sed -n 1p | sed 's/.*>//')
LCODE=$(grep -o 'class="code">[0-9 ]*' "$T_DIR/r3" | sed -n 2p | sed 's/.*>//')
expect_eq "the receipt shows the follow-up code (16 digits)" 16 "$(tr -dc 0-9 <<<"$FCODE" | wc -c)"
expect_eq "... and the letter's code" 16 "$(tr -dc 0-9 <<<"$LCODE" | wc -c)"
check "... and what happens next: the call-back and fix days" grep -q '1个工作日内.*15个工作日内' "$T_DIR/r3"
rate "$T_DIR/r3b" "$K3" "$TA" -d stars=2 >/dev/null
expect_eq "a retry shows the same codes" "$(grep -o 'class="code">[0-9 ]*' "$T_DIR/r3")" \
	"$(grep -o 'class="code">[0-9 ]*' "$T_DIR/r3b")"
expect_eq "one bad review, one letter" "1|1" "$(sql "SELECT (SELECT count(*) FROM bad_reviews),
	(SELECT count(*) FROM letters)")"
check "the codes are stored only as hashes" bash -c "! sqlite3 '$DB' .dump 2>/dev/null | grep -q '$(tr -dc 0-9 <<<"$FCODE")' \
	|| [ '$BACKEND' = pg ]"
check "the contact is stored encrypted" dump_lacks 13912345678
BR=$(sql "SELECT id FROM bad_reviews")
LT=$(sql "SELECT id FROM letters")

# staff see the text escaped
st=$(http_get "$T_DIR/list" -b "$JAR" "$BASE/ratings")
expect_eq "the ratings page" 200 "$st"
check "... the comment escaped" grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$T_DIR/list.b"
check "... never raw" bash -c "! grep -qF '$XS' '$T_DIR/list.b'"
check "... 甲局 with 3 ratings, 1 of five stars, 33.3%" grep -qE '甲局</a></td><td class="num">3</td><td class="num">1</td><td class="num">33.3%' "$T_DIR/list.b"
st=$(http_get "$T_DIR/bad" -b "$JAR" "$BASE/ratings/bad/$BR")
expect_eq "the bad review's page" 200 "$st"
check "... the comment escaped" grep -qF '&lt;script&gt;alert(1)' "$T_DIR/bad.b"
st=$(http_get "$T_DIR/let" -b "$JAR" "$BASE/ratings/letters/$LT")
expect_eq "the letter's page" 200 "$st"
check "... the letter escaped" grep -qF '&lt;img src=x onerror=alert(2)&gt;信件' "$T_DIR/let.b"
check "... never raw" bash -c "! grep -qF '<img src=x' '$T_DIR/let.b'"
check "... the contact decrypted for staff" grep -qF 13912345678 "$T_DIR/let.b"
check "the letters list escapes it too" bash -c "curl -s -b '$JAR' '$BASE/ratings/letters' | grep -qF '&lt;img src=x'"

# the letter's flow and the citizen's view
csrf=$(csrf_of)
post() { curl -s -o /dev/null -w '%{http_code}' -b "${3:-$JAR}" -H "X-CSRF-Token: ${4:-$csrf}" "$@"; }
expect_eq "accept the letter" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $csrf" \
	-X POST "$BASE/ratings/letters/$LT/accept")"
expect_eq "conclude without an answer: refused" 422 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" \
	-H "X-CSRF-Token: $csrf" --data-urlencode "answer=" "$BASE/ratings/letters/$LT/conclude")"
expect_eq "conclude with the answer" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" \
	-H "X-CSRF-Token: $csrf" --data-urlencode "answer=<b>已整改</b>" "$BASE/ratings/letters/$LT/conclude")"
expect_eq "... audited" "1|1" "$(audit_count letter_accept "letter/$LT")|$(audit_count letter_conclude "letter/$LT")"
expect_eq "the letter's page after it says 操作已完成 once (page_begin's notice, not a second)" 1 \
	"$(curl -s -b "$JAR" "$BASE/ratings/letters/$LT?ok=done" | grep -o '操作已完成' | wc -l)"
st=$(http_get "$T_DIR/pl" -A "$AGENT" -G --data-urlencode "code=$LCODE" "$BASE/p/letter")
expect_eq "the citizen reads the letter with the code" 200 "$st"
check "... concluded, the answer escaped" grep -qE '已办结.*&lt;b&gt;已整改&lt;/b&gt;' "$T_DIR/pl.b"
expect_eq "a wrong code: 404" 404 "$(http_status -G --data-urlencode "code=1234 5678 9012 3456" "$BASE/p/letter")"

# the bad review's clocks across a weekend and a holiday (DOMAIN.md section 4)
cat >"$T_DIR/in.jsonl" <<J
{"type":"unit","id":"U9","name":"丙局","kind":"department"}
{"type":"rating","unit":"U9","stars":1,"date":"2023-12-29","comment":"周五的差评"}
{"type":"rating","unit":"U9","stars":5,"at":"2022-12-31T16:30:00Z"}
{"type":"rating","unit":"U9","stars":5,"at":"2022-12-31T15:59:59Z"}
{"type":"rating","unit":"U9","stars":4,"date":"2022-06-01"}
{"type":"letter","unit":"U9","text":"信一","received":"2022-03-01","concluded":"2022-03-05","answer":"已办"}
{"type":"letter","unit":"U9","text":"信二","received":"2022-12-20","accepted":"2022-12-21","concluded":"2023-01-05","answer":"已办"}
J
run_cli import --db "$DB" "$T_DIR/in.jsonl"
expect_eq "ratings and letters import" 0 "$RC"
# the sensitive export with letters with and without a contact: the one
# decrypted, the others without the member (stored '', never encrypted;
# "letters.contact/N does not decrypt" refused the whole export before)
run_cli export --with-sensitive --db "$DB" --out "$T_DIR/sens.jsonl"
expect_eq "the export --with-sensitive of letters with and without a contact" 0 "$RC"
expect_eq "... the contact decrypted, once" 1 "$(grep -c '"contact":"13912345678"' "$T_DIR/sens.jsonl")"
expect_eq "... the letters without one have no contact member" "0|2" \
	"$(grep '"text":"信[一二]"' "$T_DIR/sens.jsonl" | grep -c '"contact"')|$(grep -c '"text":"信[一二]"' "$T_DIR/sens.jsonl")"
expect_eq "rated Friday 2023-12-29: call back by Tuesday 2024-01-02, fix by 2024-01-22 (1 and 15 working days; 元旦 off)" \
	"2024-01-02|2024-01-22" "$(sql "SELECT b.callback_due, b.fix_due FROM bad_reviews b JOIN ratings r ON r.id = b.rating_id
	WHERE r.day = '2023-12-29'")"
B9=$(sql "SELECT b.id FROM bad_reviews b JOIN ratings r ON r.id = b.rating_id WHERE r.day = '2023-12-29'")
st=$(http_get "$T_DIR/b9" -b "$JAR" "$BASE/ratings/bad/$B9")
check "its page shows both clocks overdue" grep -qE '2024-01-02 <span class="clock overdue">逾期.*2024-01-22 <span class="clock overdue">逾期' "$T_DIR/b9.b"
check "the case manager's to-do list holds the overdue call-back" bash -c "curl -s -b '$JAR' '$BASE/notices' | grep -q '差评 $B9'"
# a calendar import that makes Tuesday 2024-01-02 a rest day moves both running clocks a day
# (the stored due days computed again, as the reports' are: clock_dues_refill)
printf 'date,off_day,name\n2024-01-02,1,测试调休\n' >"$T_DIR/cal.csv"
run_cli calendar import "$T_DIR/cal.csv" --db "$DB"
expect_eq "a calendar import moves the running bad review's clocks" "0|2024-01-03|2024-01-23" \
	"$RC|$(sql "SELECT callback_due || '|' || fix_due FROM bad_reviews WHERE id = $B9")"

# the staff's steps on the two-star review and the citizen's follow-up
expect_eq "fix before the call-back: refused" 422 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" \
	-H "X-CSRF-Token: $csrf" --data-urlencode "note=改" "$BASE/ratings/bad/$BR/fix")"
expect_eq "the call-back" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $csrf" \
	--data-urlencode "note=已电话回访" "$BASE/ratings/bad/$BR/callback")"
expect_eq "the fix" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $csrf" \
	--data-urlencode "note=已整改窗口服务" "$BASE/ratings/bad/$BR/fix")"
expect_eq "... fixed, audited" "fixed|1|1" "$(sql "SELECT state FROM bad_reviews WHERE id = $BR")|$(audit_count \
	bad_review_callback "bad_review/$BR")|$(audit_count bad_review_fix "bad_review/$BR")"
expect_eq "the citizen's follow-up rating" 200 "$(curl -s -A "$AGENT" -o "$T_DIR/fu" -w '%{http_code}' \
	--data-urlencode "code=$FCODE" -d stars=4 "$BASE/p/followup")"
expect_eq "... a second one refused" 422 "$(curl -s -o /dev/null -w '%{http_code}' \
	--data-urlencode "code=$FCODE" -d stars=1 "$BASE/p/followup")"
expect_eq "... the first kept" 4 "$(sql "SELECT followup_stars FROM bad_reviews WHERE id = $BR")"

# need-to-know: the township user sees 乙镇 only
rate "$T_DIR/rb" t196-township-0123456789 "$TB" -d stars=1 --data-urlencode "letter=乙镇的信" >/dev/null
BRB=$(sql "SELECT id FROM bad_reviews WHERE unit_id = $UB")
LTB=$(sql "SELECT id FROM letters WHERE unit_id = $UB")
st=$(http_get "$T_DIR/twl" -b "$TJ" "$BASE/ratings")
expect_eq "the township user's ratings page" 200 "$st"
check "... lists 乙镇" grep -q '乙镇' "$T_DIR/twl.b"
check "... not 甲局 or 丙局" bash -c "! grep -qE '甲局|丙局' '$T_DIR/twl.b'"
check "... nor their letters" bash -c "! curl -s -b '$TJ' '$BASE/ratings/letters' | grep -qE 'onerror|信一|信二'"
expect_eq "the JSON twin lists his township's ratings only" "$(sql "SELECT count(*) FROM ratings WHERE unit_id = $UB")|$UB" \
	"$(curl -s -b "$TJ" "$BASE/api/ratings" | python3 -c 'import json,sys; d=json.load(sys.stdin)
print("%d|%s" % (d["total"], ",".join(sorted({str(i["unit_id"]) for i in d["items"]}))))')"
expect_eq "... and the case manager's all of them" "$(sql "SELECT count(*) FROM ratings")" \
	"$(curl -s -b "$JAR" "$BASE/api/ratings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
expect_eq "his township's bad review opens" 200 "$(http_status -b "$TJ" "$BASE/ratings/bad/$BRB")"
expect_eq "his township's letter opens" 200 "$(http_status -b "$TJ" "$BASE/ratings/letters/$LTB")"
d0=$(audit_count access_denied "letter/$LT")
expect_eq "甲局's letter: 404" 404 "$(http_status -b "$TJ" "$BASE/ratings/letters/$LT")"
expect_eq "... the denial audited" $((d0 + 1)) "$(audit_count access_denied "letter/$LT")"
expect_eq "甲局's bad review: 404" 404 "$(http_status -b "$TJ" "$BASE/ratings/bad/$BR")"
twcsrf=$(csrf_of "$TJ")
expect_eq "... nor may he act on it" 404 "$(curl -s -o /dev/null -w '%{http_code}' -b "$TJ" -H "X-CSRF-Token: $twcsrf" \
	--data-urlencode "note=x" "$BASE/ratings/bad/$B9/callback")"

# the figures (DOMAIN.md section 6): China Standard Time days
figures() {
	"$QF_BIN" report --db "$DB" --year "$1" --format json | python3 -c '
import json, sys
for m in json.load(sys.stdin)["metrics"]:
    if m["key"] in ("ratings", "ratings_5star", "good_rate", "letters_received", "letters_concluded"):
        print("%s=%s" % (m["key"], m["display"] if m["kind"] == "rate" else m["value"]), end=" ")'
}
expect_eq "2022: the rating at 15:59:59Z and the one of June; letters 2 received, 1 concluded" \
	"ratings=2 ratings_5star=1 good_rate=50.0% letters_received=2 letters_concluded=1 " "$(figures 2022)"
expect_eq "2023: the rating at 2022-12-31T16:30:00Z (2023-01-01 CST) and the Friday one; a letter concluded" \
	"ratings=2 ratings_5star=1 good_rate=50.0% letters_received=0 letters_concluded=1 " "$(figures 2023)"
YEAR=$(TZ=Asia/Shanghai date +%Y)
expect_eq "this year: the five ratings of the pages, three of 甲局's, 1 of five stars (20.0%)" \
	"ratings=4 ratings_5star=1 good_rate=25.0% letters_received=2 letters_concluded=1 " "$(figures "$YEAR")"
expect_contains "the figure links to its list" "/ratings?from&#61;2023-01-01&amp;to&#61;2023-12-31\">2</a>" \
	"$(curl -s -b "$JAR" "$BASE/statistics?year=2023")"
expect_contains "... whose list shows the same count" "共 2 条" \
	"$(curl -s -b "$JAR" "$BASE/ratings?from=2023-01-01&to=2023-12-31")"

# nothing identifies the visitor
check "the citizen's user agent is not in the database" dump_lacks "$AGENT"
check "... nor in the log" bash -c "! grep -qF '$AGENT' '$T_DIR/serve.log'"
check "the rating tables have no column for an address or agent" bash -c "! sqlite3 '$DB' \
	'SELECT sql FROM sqlite_master WHERE name IN (\"ratings\", \"letters\", \"bad_reviews\")' 2>/dev/null |
	grep -qiE 'ip|addr|agent' || [ '$BACKEND' = pg ]"

stop_server
"$QF_BIN" audit verify --db "$DB" >/dev/null 2>&1; expect_eq "audit chain holds" 0 $?
check "no sanitizer report" server_clean
check "no sanitizer report in the CLI" cli_clean
finish
