#!/usr/bin/env bash
# t204_citizen_closed: the citizen's pages of a public instance before the
# key exchange, and a rating page before its rating point arrived (issue
# 13; docs/architecture.md "The public channel", "One citizen frame").
# - before `ferry key import` the key file has no seal_public, so nothing
#   could be sealed: every page that takes or reads a submission answers
#   503 with a Chinese explanation, in the one citizen frame (brand line,
#   footer): the report form (as t195 checks), /p/message, the rating page
#   /p/rate/{token} (GET and POST), /p/letter and /p/followup (GET and
#   POST); the POSTs store nothing;
# - after the exchange, a rating token the public side does not know (no
#   reply batch has brought its point yet, or a wrong one: the side cannot
#   tell) is a 404 in Chinese, saying both; once the reply batch brought
#   the points, the page is there.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
public_init
expect_eq "init --public" 0 "$RC"
IDB=$DB

# ---- the intranet: a unit and its rating token ------------------------------------
start_server || { not_ok "intranet server starts"; finish; }
I_BASE=$BASE I_PID=$SERVER_PID
expect_eq "cm logs in" 303 "$(login cm "$PW")"
UA=$(body "$(api POST /api/units '{"name":"乙局ZQX204","kind":"department"}')" | jget '["id"]')
TA=$(curl -s -b "$JAR" "$I_BASE/units/$UA/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
expect_eq "the unit's rating token" 43 "${#TA}"

# ---- the public instance before the key exchange ---------------------------------------
DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts"; finish; }
P_BASE=$BASE P_PID=$SERVER_PID
SERVER_PID=$I_PID BASE=$I_BASE
closed() {   # closed WHAT TITLE [curl args...] URL: 503, the title, the frame
	local what=$1 title=$2
	shift 2
	expect_eq "before the key exchange, $what: 503" 503 "$(http_get "$H" "$@")"
	expect_contains "... saying so in Chinese" "$title" "$(cat "$H.b")"
	expect_contains "... and what to do" "请稍后再试" "$(cat "$H.b")"
	check "... in the citizen frame (brand line, footer)" \
		grep -q 'class="citizen-brand">测试市纪委监委<.*本页面不记录您的IP地址' "$H.b"
}
closed "GET /p/report" "网上举报暂未开通" "$P_BASE/p/report"
closed "POST /p/message" "网上举报暂未开通" --data "code=1234123412341234&message=x" "$P_BASE/p/message"
closed "GET /p/rate/{token}" "服务评价暂未开通" "$P_BASE/p/rate/$TA"
closed "POST /p/rate/{token}" "服务评价暂未开通" \
	--data "idem_key=t204-closed-0123456789&stars=1" --data-urlencode "letter=信件ZQX204" "$P_BASE/p/rate/$TA"
closed "GET /p/letter" "服务评价暂未开通" "$P_BASE/p/letter"
closed "GET /p/letter?code=" "服务评价暂未开通" -G --data "code=1234123412341234" "$P_BASE/p/letter"
closed "GET /p/followup" "服务评价暂未开通" "$P_BASE/p/followup"
closed "POST /p/followup" "服务评价暂未开通" --data "code=1234123412341234&stars=3" "$P_BASE/p/followup"
expect_eq "... nothing sealed or stored" "0|0" \
	"$(DB=$PDB sql "SELECT (SELECT count(*) FROM public_inbox) || '|' || (SELECT count(*) FROM public_submissions)")"
expect_eq "the query form still answers (nothing to find there yet)" 200 "$(http_status "$P_BASE/p/query")"
kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null; P_PID=

# ---- after the exchange, before the rating points ---------------------------------------
check "the key exchange" ferry_keys
DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts again"; finish; }
P_BASE=$BASE P_PID=$SERVER_PID
SERVER_PID=$I_PID BASE=$I_BASE
expect_eq "the report form is open" 200 "$(http_status "$P_BASE/p/report")"
expect_eq "the letter page is open" 200 "$(http_status "$P_BASE/p/letter")"
expect_eq "a rating page whose point has not arrived: 404" 404 "$(http_get "$H" "$P_BASE/p/rate/$TA")"
expect_contains "... saying so in Chinese" "未找到评价页面" "$(cat "$H.b")"
expect_contains "... both readings: a wrong code, or not open yet" "评价页面可能尚未开通" "$(cat "$H.b")"
check "... in the citizen frame" grep -q 'class="citizen-brand">.*本页面不记录您的IP地址' "$H.b"
ferry_back "$T_DIR/points.batch"
expect_eq "the reply batch brings the points" 0 "$RC"
expect_eq "then the rating page is there" 200 "$(http_get "$H" "$P_BASE/p/rate/$TA")"
expect_contains "... naming the unit" "乙局ZQX204" "$(cat "$H.b")"
expect_eq "a wrong token is still a 404" 404 "$(http_get "$H" "$P_BASE/p/rate/$(wrong_token "$TA")")"
expect_contains "... in Chinese" "未找到评价页面" "$(cat "$H.b")"
expect_eq "a rating sent to a wrong token: the same 404" 404 \
	"$(http_get "$H" --data "stars=5&idem_key=k204wrong" "$P_BASE/p/rate/$(wrong_token "$TA")")"
expect_contains "... the same page" 'id="no-rating-point"' "$(cat "$H.b")"
kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null; P_PID=

check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
