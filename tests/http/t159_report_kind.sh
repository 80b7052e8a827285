# t159_report_kind.sh: correcting a report's kind (检举控告/信访/其他), its
# category and `repeated` after registration (issue 10, rules10; docs/
# interchange.md said "a later issue"): intake corrects them from the
# report's page and the API while the report is not concluded; the
# category/kind rule still holds (《纪检监察机关处理检举控告工作规则》2020:
# accusations are handled as accusations; 《信访工作条例》2022 for the
# others); the clocks are computed again as registration would have (the
# 15-day petition acceptance from receipt, the 60-day conclusion from
# acceptance; the accusation's acceptance notice, none when repeated);
# audited and on the timeline.  Fails before rules10: the kind could not
# be changed after registration (no such route).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
add_users lead:leader
start_server || { not_ok "server starts"; finish; }
CJ=$T_DIR/clerk.jar
expect_eq "clerk logs in" 303 "$(login clerk "$PW" "$CJ")"
login lead "$PW" "$T_DIR/lead.jar" >/dev/null; AJ=$T_DIR/lead.jar
protect 王实名 13800001111
fields() { body "$1" | python3 -c 'import json,sys; print(" ".join(sorted(json.load(sys.stdin).get("fields", {}))))'; }
report() { body "$(api POST /api/reports "{\"received\":\"2023-03-03\",\"channel\":\"letter\",\"real_name\":true,\"reporter\":\"王实名\",\"contact\":\"13800001111\",\"summary\":\"x\",$1}" "$CJ")" | jget '["id"]'; }
DUES="kind || '|' || category || '|' || repeated || '|' || COALESCE(accept_due, '-') || '|' || COALESCE(accept_notice_due, '-') || '|' || COALESCE(conclude_due, '-') || '|' || COALESCE(next_due, '-')"
dues() { sql "SELECT $DUES FROM reports WHERE id = $1"; }
dues_other() { sql "SELECT substr($DUES, length(kind) + 2) FROM reports WHERE id = $1"; }
kind() { api POST "/api/reports/$1/kind" "$2" "$CJ"; }

# a real-name accusation that was a petition (申诉) in fact
A=$(report '"category":"accusation","kind":"accusation"')
P=$(report '"category":"appeal","kind":"petition"')   # registered right: the reference
expect_eq "the accusation runs the acceptance notice only" "accusation|accusation|0|-|2023-03-24" "$(dues "$A" | cut -d'|' -f1-5)"
r=$(kind "$A" '{"kind":"petition"}')
expect_eq "petition with the category still 检举控告: 422 naming kind" "422 kind" "$(status "$r") $(fields "$r")"
expect_contains "... the category/kind rule in Chinese" "检举控告类举报应按检举控告办理" "$(body "$r")"
r=$(kind "$A" '{"kind":"accusation","category":"accusation","repeated":false}')
expect_eq "nothing changed: 422" "422 kind" "$(status "$r") $(fields "$r")"
r=$(kind "$A" '{"kind":"grievance","category":"appeal"}')
expect_eq "an unknown kind: 422 naming kind" "422 kind" "$(status "$r") $(fields "$r")"
r=$(kind "$A" '{"kind":"petition","category":"appeal"}')
expect_eq "corrected to a petition (申诉): 200" 200 "$(status "$r")"
expect_eq "... its clocks computed as registration would (the same as a petition registered so)" \
	"$(dues_other "$P")" "$(dues_other "$A")"
expect_eq "... the petition's 15-day acceptance clock, no acceptance notice" "petition|appeal|0|2023-03-20|-" "$(dues "$A" | cut -d'|' -f1-5)"
expect_eq "... on the timeline, saying what changed" 1 \
	"$(sql "SELECT count(*) FROM timeline WHERE object = 'report/$A' AND action = '更正举报类型' AND detail LIKE '%检举控告 → 信访%'")"
expect_eq "... audited" 1 "$(sql "SELECT count(*) FROM audit_log WHERE event = 'report_kind' AND object = 'report/$A'")"

# accepted: the conclusion clock from the acceptance day
B=$(report '"category":"accusation","kind":"accusation"')
api POST "/api/reports/$B/acceptance" '{"accept":true,"day":"2023-03-06","note":"受理"}' "$CJ" >/dev/null
Q=$(report '"category":"suggestion","kind":"petition"')
api POST "/api/reports/$Q/acceptance" '{"accept":true,"day":"2023-03-06","note":"受理"}' "$CJ" >/dev/null
r=$(kind "$B" '{"kind":"petition","category":"suggestion"}')
expect_eq "an accepted accusation corrected to a petition: 200" 200 "$(status "$r")"
expect_eq "... the 60-day conclusion from the acceptance, as for a petition accepted that day" \
	"$(dues_other "$Q")" "$(dues_other "$B")"
expect_eq "... 2023-05-05" "2023-05-05" "$(dues "$B" | cut -d'|' -f6)"

# repeated: no acceptance notice (处理检举控告工作规则: 重复检举控告除外)
C=$(report '"category":"accusation","kind":"accusation"')
r=$(kind "$C" '{"repeated":true}')
expect_eq "marked repeated through the API: 200, the acceptance notice clock gone" "200 accusation|accusation|1|-|-" \
	"$(status "$r") $(dues "$C" | cut -d'|' -f1-5)"

# the page
expect_eq "the report page offers the correction" 200 "$(http_get "$H" -b "$CJ" "$BASE/reports/$C")"
expect_contains "... 更正举报类型" 'action="/reports/'"$C"'/kind"' "$(cat "$H.b")"
tok=$(csrf_of "$CJ")
expect_eq "not repeated again through the page: 303" 303 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$tok" --data "form=kind&kind=accusation&category=accusation" "$BASE/reports/$C/kind")"
expect_eq "... the acceptance notice clock back" "accusation|accusation|0|-|2023-03-24" "$(dues "$C" | cut -d'|' -f1-5)"
expect_eq "a mismatch through the page: 422 with the message" 422 \
	"$(http_get "$H" -b "$CJ" --data-urlencode "csrf=$tok" --data "form=kind&kind=other&category=accusation" "$BASE/reports/$C/kind")"
expect_contains "... in Chinese" "检举控告类举报应按检举控告办理" "$(cat "$H.b")"

# concluded: no more corrections
api POST "/api/reports/$B/conclusion" '{"day":"2023-04-03"}' "$CJ" >/dev/null
r=$(kind "$B" '{"kind":"other","category":"other"}')
expect_eq "a concluded report: 422" "422 kind" "$(status "$r") $(fields "$r")"
expect_contains "... 已办结" "举报已办结，不能更正类型" "$(body "$r")"
http_get "$H" -b "$CJ" "$BASE/reports/$B" >/dev/null
expect_eq "... and its page offers no correction" 0 "$(grep -c "/reports/$B/kind" "$H.b")"
expect_eq "the leader (no report_write): 403 (API)" 403 "$(status "$(api POST "/api/reports/$C/kind" '{"repeated":true}' "$AJ")")"
expect_eq "... and the page" 403 "$(http_status -b "$AJ" -H "X-CSRF-Token: $(csrf_of "$AJ")" --data "form=kind&repeated=1" "$BASE/reports/$C/kind")"
expect_eq "... nothing changed" 0 "$(sql "SELECT repeated FROM reports WHERE id = $C")"

check "server log clean" server_clean
finish
