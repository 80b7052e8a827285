#!/usr/bin/env bash
# t214_rating_keys: the rating page's idempotency keys held in memory for a
# day (issue 13, "Write path": every submission carries an idempotency key
# from the page, so a retry after a lost answer never counts twice;
# rate13c, docs/architecture.md "Recent keys in memory").
# - a key rendered more than 24 hours before (or ahead of the server's
#   clock) is refused with a message in Chinese and the form is shown
#   again with a new key; nothing is stored;
# - a key rendered 23 hours before is accepted, and its retry answered;
# - a plain rating's key sent again with a letter is answered as the retry
#   it is (no letter item); a bad review's key (its own transaction) sent
#   again as a plain rating is answered with the same follow-up code;
# - each key is kept once in public_rating_keys (16 bytes of its BLAKE2b),
#   public_submissions only for the bad review (its codes);
# - after a restart (the set rebuilt from public_rating_keys) the retries
#   are still answered as retries, and the intranet counts each once;
# - ferry purge deletes the rows older than two days, says so and audits it.
. "$(dirname "$0")/lib.sh"

rating_point_setup 甲局T214
IDB=$DB

DB=$PDB
start_server --public --key "$PKEY" || { not_ok "public server starts"; finish; }

# rate OUT KEY [curl data args...]: the HTTP status of a post to the page
rate() {
	local out=$1 key=$2
	shift 2
	curl -s -o "$out" -w '%{http_code}' --data-urlencode "idem_key=$key" "$@" "$BASE/p/rate/$TOKEN"
}
# key_at SECONDS_AGO TAG: a key as the form draws it, rendered then
key_at() {
	python3 -c 'import sys, time
print("%010x" % int((time.time() - int(sys.argv[1])) * 64) + sys.argv[2].ljust(43, "_"))' "$1" "$2"
}
form_key() { grep -o 'name="idem_key" value="[^"]*"' "$1" | sed 's/.*value="//; s/"$//'; }
rows() { sql "SELECT count(*) FROM public_rating_keys"; }
items() { sql "SELECT count(*) FROM public_inbox"; }
b2_16() { python3 -c 'import hashlib, sys; print(hashlib.blake2b(sys.argv[1].encode(), digest_size=32).hexdigest()[:32])' "$1"; }
EXPIRED="此页面打开已超过24小时，请重新提交"

# ---- keys outside the window --------------------------------------------------------------
OLD=$(key_at $((25 * 3600)) t214-old)
expect_eq "a key rendered 25 hours before is refused" 422 "$(rate "$T_DIR/old" "$OLD" -d stars=5)"
expect_contains "... with the message" "$EXPIRED" "$(cat "$T_DIR/old")"
expect_contains "... which says a rating sent before counts" "如您此前已提交成功，则无需再次提交" "$(cat "$T_DIR/old")"
NEWK=$(form_key "$T_DIR/old")
check "... and the form again with a new key of now" python3 - "$NEWK" "$OLD" <<'PY'
import sys, time
new, old = sys.argv[1:3]
sys.exit(0 if new != old and len(new) == 53 and abs(int(new[:10], 16) / 64 - time.time()) < 600 else 1)
PY
AHEAD=$(key_at -600 t214-ahead)
expect_eq "a key rendered 10 minutes ahead of the server's clock is refused" 422 \
	"$(rate "$T_DIR/ahead" "$AHEAD" -d stars=5)"
expect_contains "... with the same message" "$EXPIRED" "$(cat "$T_DIR/ahead")"
expect_eq "... nothing stored for either" "0/0" "$(rows)/$(items)"
expect_eq "the new key of the form is accepted" 200 "$(rate "$T_DIR/newk" "$NEWK" -d stars=5)"

# ---- keys inside the window ---------------------------------------------------------------
K23=$(key_at $((23 * 3600)) t214-23h)
expect_eq "a key rendered 23 hours before is accepted" 200 "$(rate "$T_DIR/k23" "$K23" -d stars=4)"
check "... a new rating" bash -c "! grep -q 'id=\"rate-replay\"' '$T_DIR/k23'"
expect_eq "... its retry" 200 "$(rate "$T_DIR/k23b" "$K23" -d stars=4)"
check "... answered as a retry" grep -q 'id="rate-replay"' "$T_DIR/k23b"

KP=$(key_at 30 t214-plain)
expect_eq "a plain rating" 200 "$(rate "$T_DIR/kp" "$KP" -d stars=5)"
expect_eq "... its key sent again with a letter" 200 \
	"$(rate "$T_DIR/kpl" "$KP" -d stars=5 --data-urlencode "letter=信件T214" --data-urlencode "contact=13900000214")"
check "... answered as a retry" grep -q 'id="rate-replay"' "$T_DIR/kpl"
check "... no letter's code shown" bash -c "! grep -q 'class=\"code\"' '$T_DIR/kpl'"
expect_eq "... and no letter item sealed" 0 "$(sql "SELECT count(*) FROM public_inbox WHERE kind = 'letter'")"

KB=$(key_at 60 t214-bad)
expect_eq "a two-star rating (a bad review: its own transaction)" 200 "$(rate "$T_DIR/kb" "$KB" -d stars=2)"
FCODE=$(grep -o 'class="code">[0-9 ]*' "$T_DIR/kb" | sed 's/.*>//')
expect_eq "... its follow-up code" 16 "$(tr -dc 0-9 <<<"$FCODE" | wc -c)"
expect_eq "... its key sent again as five stars" 200 "$(rate "$T_DIR/kb5" "$KB" -d stars=5)"
check "... answered as a retry" grep -q 'id="rate-replay"' "$T_DIR/kb5"
expect_contains "... with the same follow-up code" "$FCODE" "$(cat "$T_DIR/kb5")"

expect_eq "public_rating_keys: one row a key (the form's, 23 h, plain, bad review)" 4 "$(rows)"
for k in "$NEWK" "$K23" "$KP" "$KB"; do
	expect_eq "... $(cut -c11-24 <<<"$k"): 16 bytes of its BLAKE2b, once" 1 \
		"$(sql "SELECT count(*) FROM public_rating_keys WHERE digest = '$(b2_16 "$k")'")"
done
expect_eq "public_submissions: only the bad review's key (its codes)" 1 "$(sql "SELECT count(*) FROM public_submissions")"

# ---- a restart: the set rebuilt from public_rating_keys ----------------------------------------
stop_server
start_server --public --key "$PKEY" || { not_ok "public server starts again"; finish; }
check "... it loaded the four keys" grep -q 'group writer: 4 recent rating keys' "$T_DIR/serve.log"
for k in "$NEWK" "$K23" "$KP"; do
	expect_eq "after the restart: $(cut -c11-24 <<<"$k") again" 200 "$(rate "$T_DIR/again" "$k" -d stars=3)"
	check "... answered as a retry" grep -q 'id="rate-replay"' "$T_DIR/again"
done
expect_eq "... and the bad review's key" 200 "$(rate "$T_DIR/again" "$KB" -d stars=4)"
expect_contains "... with its follow-up code" "$FCODE" "$(cat "$T_DIR/again")"
expect_eq "... nothing more stored" 4 "$(rows)"
stop_server

DB=$IDB ferry_in "$T_DIR/inbox.batch"
expect_eq "the intranet imports the public inbox" 0 "$RC"
expect_eq "the intranet counts each key once" "1/1/1/1" \
	"$(DB=$IDB sql "SELECT (SELECT count(*) FROM ratings WHERE idem_key = '$NEWK') || '/' || (SELECT count(*) FROM ratings WHERE idem_key = '$K23') || '/' || (SELECT count(*) FROM ratings WHERE idem_key = '$KP') || '/' || (SELECT count(*) FROM ratings WHERE idem_key = '$KB')")"
expect_eq "... four ratings in all, no letter" "4/0" \
	"$(DB=$IDB sql "SELECT (SELECT count(*) FROM ratings) || '/' || (SELECT count(*) FROM letters)")"

# ---- the purge ----------------------------------------------------------------------------
OLDDAY=$(python3 -c 'import datetime; print((datetime.datetime.utcnow() + datetime.timedelta(hours=8) - datetime.timedelta(days=3)).strftime("%Y-%m-%d"))')
sql "UPDATE public_rating_keys SET day = '$OLDDAY' WHERE digest IN ('$(b2_16 "$NEWK")', '$(b2_16 "$K23")')" >/dev/null
run_cli ferry purge --dry-run --db "$PDB" --key "$PKEY"
expect_contains "ferry purge --dry-run counts the two rows of three days before" \
	"would go; 2 recent rating keys older than 2 days" "$OUT"
expect_eq "... and deletes nothing" 4 "$(rows)"
run_cli ferry purge --db "$PDB" --key "$PKEY"
expect_eq "ferry purge" 0 "$RC"
expect_contains "... says it purged them" "purged (0 statuses brought up to date); 2 recent rating keys older than 2 days" "$OUT"
expect_eq "... the other two kept" 2 "$(rows)"
expect_eq "... one audit entry" 1 "$(audit_count public_purge)"
check "no sanitizer report (server)" server_clean
check "no sanitizer report (CLI)" cli_clean
finish
