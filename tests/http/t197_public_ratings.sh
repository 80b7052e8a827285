#!/usr/bin/env bash
# t197_public_ratings: the "码上问效" ratings through the public inbox
# (issue 13; docs/architecture.md "The public channel", "Ratings through
# the inbox"), across two instances joined by ferry batches as in t195,
# and in single-instance mode.
# - the public instance serves /p/rate/{token} from the rating points the
#   intranet's reply batch brought (only tokens and unit names); a staff
#   path there is 404;
# - a rating, its letter and a follow-up rating are sealed at once: the
#   public database (dump and raw files) holds no comment, letter, contact
#   or code in clear, no address or user agent, and no rating record;
# - a rating made there appears on the intranet after the ferry; the same
#   batch imported twice and a retried submission (same idempotency key)
#   count once;
# - a 1-2 star rating opens its bad review on the intranet with its clocks
#   (the due days the citizen was shown: DOMAIN.md section 4, "bad
#   service rating: call back / fix | 1 working day / 15 working days",
#   clock_limit_versions 0021, 本地规定：政务服务差评1个工作日内回访、15个工作日内整改);
# - a letter answered on the intranet is readable with its code on the
#   public side after the reply batch, and the bad review's progress too;
# - wrong letter codes count against the guessing budget (5, then 429:
#   docs/security.md "Query codes"); the post budget covers the rating page.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
public_init
expect_eq "init --public" 0 "$RC"
check "the key exchange" ferry_keys
IDB=$DB
AGENT="QF-Citizen-Phone/9.7 (t197)"
MARK=ZQX197
protect "好评${MARK}C" "差评${MARK}D" "信件${MARK}L" 13919700197

# ---- the intranet: a unit and its rating page ---------------------------------
start_server || { not_ok "intranet server starts"; finish; }
I_BASE=$BASE
expect_eq "cm logs in" 303 "$(login cm "$PW")"
UA=$(body "$(api POST /api/units "{\"name\":\"甲局$MARK\",\"kind\":\"department\"}")" | jget '["id"]')
TA=$(curl -s -b "$JAR" "$I_BASE/units/$UA/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||')
expect_eq "the unit's rating token" 43 "${#TA}"

# ---- the public instance ----------------------------------------------------------
I_PID=$SERVER_PID
DB=$PDB start_server --public --key "$PKEY" || { not_ok "public server starts"; finish; }
P_BASE=$BASE; P_PID=$SERVER_PID; SERVER_PID=$I_PID
BASE=$I_BASE
for p in /ratings /ratings/letters /ratings/bad "/units/$UA/rating" /api/ratings; do
	expect_eq "public instance: GET $p is 404" 404 "$(http_status "$P_BASE$p")"
done
expect_eq "before a reply batch the public side knows no rating page" 404 "$(http_status "$P_BASE/p/rate/$TA")"
ferry_back "$T_DIR/points.batch"
expect_eq "the reply batch brings the rating points" 0 "$RC"
check "... only each point's token and unit name" python3 - "$T_DIR/points.batch" <<'PY'
import json, sys
body = json.loads(open(sys.argv[1], encoding='utf-8').read().split('\n', 1)[1])
pts = body['points']
sys.exit(0 if pts and all(set(p) == {'token', 'unit'} for p in pts) else 1)
PY
DB=$PDB
expect_eq "... kept on the public side" "甲局$MARK" "$(sql "SELECT unit_name FROM public_points WHERE token = '$TA'")"
DB=$IDB
expect_eq "the public rating page" 200 "$(http_get "$H" -A "$AGENT" "$P_BASE/p/rate/$TA")"
expect_contains "... names the unit" "甲局$MARK" "$(cat "$H.b")"
KEY=$(grep -o 'name="idem_key" value="[^"]*"' "$H.b" | sed 's/.*value="//; s/"$//')
check "... carries an idempotency key" test ${#KEY} -ge 16

rate() {    # rate BASE OUT KEY [curl data args...]: posts to the page of $TA
	local base=$1 out=$2 key=$3
	shift 3
	curl -s -A "$AGENT" -o "$out" -w '%{http_code}' --data-urlencode "idem_key=$key" "$@" "$base/p/rate/$TA"
}
codes() { grep -o 'class="code">[0-9 ]*' "$1" | sed 's/.*>//'; }
inbox_kinds() { DB=$PDB sql 'SELECT kind FROM public_inbox ORDER BY seq' | paste -sd' '; }

expect_eq "a five-star rating with a comment" 200 \
	"$(rate "$P_BASE" "$T_DIR/r1" "$KEY" -d stars=5 --data-urlencode "comment=好评${MARK}C")"
expect_contains "... the receipt" "您的评价：5星" "$(cat "$T_DIR/r1")"
expect_eq "the retry with the same key (the answer was lost)" 200 \
	"$(rate "$P_BASE" "$T_DIR/r1b" "$KEY" -d stars=5 --data-urlencode "comment=好评${MARK}C")"
check "... answered as a retry" grep -q 'id="rate-replay"' "$T_DIR/r1b"
expect_eq "... one sealed item (a plain rating: in a group of kind ratings)" "ratings" "$(inbox_kinds)"
# domain/rating_key.h: the form's key starts with its render time (10 hex
# digits); such a key is told new or seen by the set in memory
# (rate13c), rebuilt from public_rating_keys (the first 16 bytes of the
# key's BLAKE2b, appended, no index); a key without it (an old page's, K3
# below) is stored in public_submissions as BLAKE2b alone
b2() { python3 -c 'import hashlib, sys; print(hashlib.blake2b(sys.argv[1].encode(), digest_size=32).hexdigest())' "$1"; }
check "... the form's key: 10 hex digits of its render time, then 43 characters" \
	grep -qE '^[0-9a-f]{10}[A-Za-z0-9_-]{43}$' <<<"$KEY"
B2KEY=$(b2 "$KEY")
expect_eq "... stored as 16 bytes of the key's BLAKE2b in public_rating_keys" 1 \
	"$(DB=$PDB sql "SELECT count(*) FROM public_rating_keys WHERE digest = '${B2KEY:0:32}'")"
expect_eq "... and not in public_submissions (a plain rating's key: no row there)" 0 \
	"$(DB=$PDB sql "SELECT count(*) FROM public_submissions")"
check "... and not the key's random part" dump_lacks "${KEY:10}" "$PDB"

K3=t197-bad-review-0123456789
expect_eq "a two-star rating with a letter and a contact" 200 "$(rate "$P_BASE" "$T_DIR/r3" "$K3" -d stars=2 \
	--data-urlencode "comment=差评${MARK}D" --data-urlencode "letter=信件${MARK}L" \
	--data-urlencode "contact=13919700197")"
FCODE=$(codes "$T_DIR/r3" | sed -n 1p)
LCODE=$(codes "$T_DIR/r3" | sed -n 2p)
expect_eq "... the follow-up code (16 digits)" 16 "$(tr -dc 0-9 <<<"$FCODE" | wc -c)"
expect_eq "... and the letter's code" 16 "$(tr -dc 0-9 <<<"$LCODE" | wc -c)"
DUES=$(grep -o '最迟于[0-9-]*' "$T_DIR/r3" | sed 's/最迟于//' | paste -sd'|')
check "... and the call-back and fix days" grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2}\|[0-9]{4}-[0-9]{2}-[0-9]{2}$' <<<"$DUES"
rate "$P_BASE" "$T_DIR/r3b" "$K3" -d stars=2 --data-urlencode "letter=信件${MARK}L" >/dev/null
expect_eq "a retry shows the same codes" "$(codes "$T_DIR/r3")" "$(codes "$T_DIR/r3b")"
expect_eq "... a key without the render time: stored as its BLAKE2b alone" 1 \
	"$(DB=$PDB sql "SELECT count(*) FROM public_submissions WHERE key_hash = '$(b2 "$K3")'")"
expect_eq "... and seals nothing more (the letter has an item of its own)" "ratings rating letter" "$(inbox_kinds)"
expect_eq "a letter alone" 200 "$(rate "$P_BASE" "$T_DIR/r4" t197-letter-alone-012345 \
	--data-urlencode "letter=单独来信${MARK}M")"
LCODE2=$(codes "$T_DIR/r4" | sed -n 1p)
expect_eq "... with its code" 16 "$(tr -dc 0-9 <<<"$LCODE2" | wc -c)"

DB=$PDB
for s in "好评${MARK}C" "差评${MARK}D" "信件${MARK}L" "单独来信${MARK}M" 13919700197 \
	"$(tr -dc 0-9 <<<"$FCODE")" "$(tr -dc 0-9 <<<"$LCODE")" "$K3" 127.0.0.1 "$AGENT"; do
	check "the public database holds no '$s'" dump_lacks "$s" "$PDB"
done
if [ "$BACKEND" = sqlite ]; then
	check "... the raw files neither (database, WAL)" \
		bash -c "! grep -qaE '${MARK}[CDLM]|13919700197' '$PDB' '$PDB-wal' 2>/dev/null"
fi
expect_eq "no rating, letter or bad review on the public side" "0|0|0" \
	"$(sql "SELECT (SELECT count(*) FROM ratings) || '|' || (SELECT count(*) FROM letters) || '|' || (SELECT count(*) FROM bad_reviews)")"
expect_eq "the codes only as Argon2id hashes" "letter|1 letter|1 review|1" \
	"$(sql "SELECT kind || '|' || (CASE WHEN code_hash LIKE '\$argon2id\$%' THEN 1 ELSE 0 END) FROM public_status ORDER BY kind" | paste -sd' ')"
DB=$IDB
expect_eq "the follow-up code works on the public side at once" 200 \
	"$(http_get "$H" -A "$AGENT" -G --data-urlencode "code=$FCODE" "$P_BASE/p/followup")"
expect_contains "... 待回访" "待回访" "$(cat "$H.b")"
expect_contains "... with the fix's due day" "${DUES#*|}" "$(cat "$H.b")"
expect_eq "the letter's code works on the public side at once" 200 \
	"$(http_get "$H" -A "$AGENT" -G --data-urlencode "code=$LCODE" "$P_BASE/p/letter")"
expect_contains "... 待受理, at the unit" "甲局$MARK" "$(cat "$H.b")"
expect_contains "... 待受理" "待受理" "$(cat "$H.b")"

# ---- the ferry to the intranet -------------------------------------------------
ferry_in "$T_DIR/inbox.batch"
expect_eq "the intranet imports the inbox" 0 "$RC"
expect_contains "... four items" "4 applied" "$OUT"
check "... the batch holds no plaintext" bash -c "! grep -q '$MARK' '$T_DIR/inbox.batch'"
expect_eq "the ratings appear on the intranet, each once" "2 5" "$(sql "SELECT stars FROM ratings ORDER BY stars" | paste -sd' ')"
expect_eq "... with the comment" "差评${MARK}D" "$(sql "SELECT comment FROM ratings WHERE stars = 2")"
expect_eq "... on the day the citizen rated" "$(date -u -d '+8 hours' +%F)" "$(sql "SELECT day FROM ratings WHERE stars = 2")"
expect_eq "the two letters" 2 "$(sql "SELECT count(*) FROM letters")"
check "... the contact encrypted" dump_lacks 13919700197
BR=$(sql "SELECT id FROM bad_reviews")
expect_eq "the two-star rating opened its bad review with the clocks shown to the citizen" "$DUES" \
	"$(sql "SELECT callback_due || '|' || fix_due FROM bad_reviews WHERE id = $BR")"
state() { sql "SELECT (SELECT count(*) FROM ratings) || '/' || (SELECT count(*) FROM letters) || '/' || (SELECT count(*) FROM bad_reviews) || '/' || (SELECT count(*) FROM public_items) || '/' || (SELECT max(id) FROM audit_log)"; }
S1=$(state)
run_cli ferry import "$T_DIR/inbox.batch" --db "$DB"
expect_eq "the same batch again" 0 "$RC"
expect_contains "... skips it" "0 applied, 4 skipped" "$OUT"
expect_eq "... and changes nothing" "$S1" "$(state)"

# ---- staff answer the letter and call back -------------------------------------------
csrf=$(csrf_of)
LT=$(sql "SELECT l.id FROM letters l JOIN ratings r ON r.idem_key = l.idem_key")
staff() { curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $csrf" "$@"; }
expect_eq "accept the letter" 303 "$(staff -X POST "$I_BASE/ratings/letters/$LT/accept")"
expect_eq "conclude it with an answer" 303 \
	"$(staff --data-urlencode "answer=<b>已答复${MARK}A</b>" "$I_BASE/ratings/letters/$LT/conclude")"
expect_eq "call the rater back" 303 "$(staff --data-urlencode "note=已电话回访" "$I_BASE/ratings/bad/$BR/callback")"

# ---- the way back ----------------------------------------------------------------
ferry_back "$T_DIR/replies.batch"
expect_eq "the reply batch" 0 "$RC"
check "... holds no comment, letter or contact" bash -c "! grep -qE '好评|差评|信件$MARK|13919700197' '$T_DIR/replies.batch'"
expect_eq "... and collects the inbox" "" "$(inbox_kinds)"
expect_eq "the citizen reads the answer with the letter's code" 200 \
	"$(http_get "$H" -A "$AGENT" -G --data-urlencode "code=$LCODE" "$P_BASE/p/letter")"
expect_contains "... 已办结" "已办结" "$(cat "$H.b")"
expect_contains "... the answer escaped" "&lt;b&gt;已答复${MARK}A&lt;/b&gt;" "$(cat "$H.b")"
expect_eq "the letter alone: still 待受理" 200 \
	"$(http_get "$H" -A "$AGENT" -G --data-urlencode "code=$LCODE2" "$P_BASE/p/letter")"
expect_contains "... 待受理" "待受理" "$(cat "$H.b")"
expect_eq "the bad review's progress with the follow-up code" 200 \
	"$(http_get "$H" -A "$AGENT" -G --data-urlencode "code=$FCODE" "$P_BASE/p/followup")"
expect_contains "... called back" "已回访，整改中" "$(cat "$H.b")"
expect_contains "... on its day" "$(date -u -d '+8 hours' +%F)" "$(cat "$H.b")"
http_get "$H" -G --data-urlencode "code=$LCODE" "$P_BASE/p/followup" >/dev/null
expect_contains "a letter's code is no follow-up code (a wrong code: one of the guessing budget)" \
	"未找到该回访评价码" "$(cat "$H.b")"
run_cli ferry import "$T_DIR/replies.batch" --db "$PDB" --key "$PKEY"
expect_contains "the reply batch again changes nothing" "0 applied" "$OUT"

# ---- the follow-up rating, sealed too -------------------------------------------------
fu() { curl -s -A "$AGENT" -o "$T_DIR/fu" -w '%{http_code}' --data-urlencode "code=$FCODE" -d "stars=$1" "$P_BASE/p/followup"; }
expect_eq "the follow-up rating" 200 "$(fu 4)"
expect_contains "... taken" "回访评价已提交" "$(cat "$T_DIR/fu")"
expect_eq "a second one is refused" 422 "$(fu 1)"
expect_eq "... one sealed item" "followup" "$(inbox_kinds)"
ferry_in "$T_DIR/inbox2.batch"
expect_eq "... the intranet records it" "4|$(date -u -d '+8 hours' +%F)" \
	"$(sql "SELECT followup_stars || '|' || followup_day FROM bad_reviews WHERE id = $BR")"
rate "$P_BASE" "$T_DIR/r1c" "$KEY" -d stars=5 >/dev/null
expect_eq "a retry after the ferry seals nothing" "followup" "$(inbox_kinds)"
K43=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
expect_eq "a plain rating with an old page's key (43 characters, no render time)" 200 \
	"$(rate "$P_BASE" "$T_DIR/r6" "$K43" -d stars=4)"
rate "$P_BASE" "$T_DIR/r6b" "$K43" -d stars=4 >/dev/null
check "... its retry is answered as a retry" grep -q 'id="rate-replay"' "$T_DIR/r6b"
expect_eq "... stored as its BLAKE2b alone" 1 \
	"$(DB=$PDB sql "SELECT count(*) FROM public_submissions WHERE key_hash = '$(b2 "$K43")'")"

# ---- guessing letter codes ------------------------------------------------------------
WRONG=$(printf '%016d' $(( (10#$(tr -dc 0-9 <<<"$LCODE" | cut -c1-15) + 1) % 1000000000000000 )))
st=""
for i in 1 2 3 4 5 6; do
	st="$st $(http_status -G --data-urlencode "code=$WRONG" "$P_BASE/p/letter")"
done
expect_eq "wrong letter codes count against the guessing budget (the one above, four, then 429)" \
	" 404 404 404 404 429 429" "$st"
expect_eq "... then even the right code waits" 429 \
	"$(http_status -G --data-urlencode "code=$LCODE" "$P_BASE/p/letter")"
n=0
for i in $(seq 1 70); do
	s=$(http_status -A "$AGENT" --data-urlencode "idem_key=t197-burst-$i-0123456789" -d stars=9 "$P_BASE/p/rate/$TA")
	[ "$s" = 429 ] && { n=$i; break; }
done
check "the post budget covers the rating page (429 within 61 posts, got at $n)" bash -c "[ $n -gt 0 ] && [ $n -le 61 ]"

kill -TERM "$P_PID"; wait "$P_PID" 2>/dev/null
check "the public log names no address or user agent on /p/ lines" \
	bash -c "! grep ' /p/' '$T_DIR/serve.log' | grep -qE '127\.0\.0\.1|QF-Citizen|curl/'"
check "... and no code" bash -c "! grep -q '$(tr -dc 0-9 <<<"$LCODE")' '$T_DIR/serve.log'"
check "the public database still holds no user agent" dump_lacks "$AGENT" "$PDB"

# ---- single-instance mode (the intranet's serve) ------------------------------------
N0=$(sql "SELECT count(*) FROM ratings")
expect_eq "single instance: the rating page" 200 "$(http_get "$H" "$I_BASE/p/rate/$TA")"
K5=t197-single-instance-012345
BASE=$I_BASE
expect_eq "single instance: a one-star rating with a letter" 200 "$(rate "$I_BASE" "$T_DIR/r5" "$K5" -d stars=1 \
	--data-urlencode "letter=单实例${MARK}S")"
expect_eq "... recorded at once (the ferry is internal), with its bad review and letter" "$((N0 + 1))|1|1" \
	"$(sql "SELECT count(*) FROM ratings")|$(sql "SELECT count(*) FROM bad_reviews b JOIN ratings r ON r.id = b.rating_id WHERE r.idem_key = '$K5'")|$(sql "SELECT count(*) FROM letters WHERE idem_key = '$K5'")"
expect_eq "... nothing left in the inbox" 0 "$(sql 'SELECT count(*) FROM public_inbox')"
rate "$I_BASE" "$T_DIR/r5b" "$K5" -d stars=1 --data-urlencode "letter=单实例${MARK}S" >/dev/null
expect_eq "... a retry counts once" "$((N0 + 1))" "$(sql "SELECT count(*) FROM ratings")"
expect_eq "... with the same codes" "$(codes "$T_DIR/r5")" "$(codes "$T_DIR/r5b")"
expect_eq "... the letter's code reads the record" 200 \
	"$(http_get "$H" -G --data-urlencode "code=$(codes "$T_DIR/r5" | sed -n 2p)" "$I_BASE/p/letter")"
expect_contains "... 待受理" "待受理" "$(cat "$H.b")"

check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
