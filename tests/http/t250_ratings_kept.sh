#!/usr/bin/env bash
# t250_ratings_kept: /ratings, /ratings/letters and /ratings/bad at national
# scale (issue 16, ratings16h; docs/architecture.md "Ratings").
# - The three lists keep their rendering under the data's version
#   (pages/list_kept.c): a view after a write through the public page (a
#   rating, a letter), a staff step (accept, call back) or an operator's
#   correction in SQL shows it, not the kept bytes; the unit table's
#   figures of /ratings move with it.
# - /ratings' list is in the order day DESC, id DESC (read from 0093's
#   index ratings_day_id): ratings of one day and of earlier days whose ids
#   run against their days, compared with the same ORDER BY in SQL; the
#   unit table's 评价数 and 五星好评 equal count(*) and the five-star count
#   in SQL for each unit (DOMAIN.md section 6: 好评率 = five stars / ratings).
# - A unit field's options (kit.c unit_choice, q_units.c Q_OPTIONS_COUNT):
#   the <select> while the user sees 2,000 units or fewer, every one of
#   them offered; the unit picker at 2,001.
# Before the change the list kept nothing (the write checks pass then, the
# second views render again), the order checks pass on the old plan too;
# what fails without it is a kept list that misses a write.
. "$(dirname "$0")/lib.sh"

fresh_server
UA=$(new_unit 甲局 department)
UB=$(new_unit 乙局 department)
token() { curl -s -b "$JAR" "$BASE/units/$1/rating" | grep -o '/p/rate/[A-Za-z0-9_-]*' | head -1 | sed 's|/p/rate/||'; }
TA=$(token "$UA")
TB=$(token "$UB")
rate() {    # rate TOKEN STARS COMMENT [curl args...]: 200 when the rating is taken (a key per comment)
	local tok=$1 stars=$2 c=$3
	shift 3
	curl -s -o "$T_DIR/rate.b" -w '%{http_code}' \
		--data-urlencode "idem_key=t250-$(printf %s "$c" | md5sum | cut -c1-20)" \
		-d "stars=$stars" --data-urlencode "comment=$c" "$@" "$BASE/p/rate/$tok"
}
for r in "$TA 5 评一" "$TA 4 评二" "$TB 5 评三" "$TA 5 评四" "$TB 3 评五"; do
	read -r tok s c <<<"$r"
	expect_eq "a rating ($c, $s stars)" 200 "$(rate "$tok" "$s" "$c")"
done
expect_eq "... five ratings" 5 "$(sql "SELECT count(*) FROM ratings")"

# the list's order and the unit table against SQL
order_sql() { sql "SELECT comment FROM ratings ORDER BY day DESC, id DESC" | tr '\n' ' '; }
order_page() { grep -oE '评[一二三四五六七八九十]+' "$1" | tr '\n' ' '; }
units_sql() {
	sql "SELECT u.name || ' ' || count(*) || ' ' || sum(CASE WHEN r.stars = 5 THEN 1 ELSE 0 END)
	     FROM ratings r JOIN units u ON u.id = r.unit_id GROUP BY u.name ORDER BY u.name" | tr '\n' ' '
}
units_page() {
	grep -oE '(甲局|乙局)</a></td><td class="num">[0-9]+</td><td class="num">[0-9]+' "$1" |
		sed -E 's|</a></td><td class="num">| |; s|</td><td class="num">| |' | sort | tr '\n' ' '
}
view() { http_get "$T_DIR/$1" -b "$JAR" "$BASE$2"; }   # view NAME PATH: the status, the page in $T_DIR/NAME.b
expect_eq "/ratings" 200 "$(view r1 /ratings)"
expect_eq "... the list in the order day DESC, id DESC" "$(order_sql)" "$(order_page "$T_DIR/r1.b")"
expect_eq "... each unit's ratings and five stars as in SQL" "$(units_sql)" "$(units_page "$T_DIR/r1.b")"
view r2 /ratings >/dev/null
expect_eq "the second view, kept: the same list and table" "$(sed -n '/<main/,$p' "$T_DIR/r1.b" | grep -v csrf)" \
	"$(sed -n '/<main/,$p' "$T_DIR/r2.b" | grep -v csrf)"

# a rating through the public page: the next view shows it and the table moves
expect_eq "a rating after the kept view" 200 "$(rate "$TB" 5 评六)"
view r3 /ratings >/dev/null
check "... the next view lists it" grep -q '评六' "$T_DIR/r3.b"
expect_eq "... first, as in SQL" "$(order_sql)" "$(order_page "$T_DIR/r3.b")"
expect_eq "... 乙局's figures moved as in SQL" "$(units_sql)" "$(units_page "$T_DIR/r3.b")"
expect_eq "... 乙局 3 ratings, 2 of five stars, 66.7%" 1 \
	"$(grep -cE '乙局</a></td><td class="num">3</td><td class="num">2</td><td class="num">66.7%' "$T_DIR/r3.b")"

# earlier days written by an operator in SQL, their ids after today's: the
# order is the day's first, then the id's (ties on the day)
sql "INSERT INTO ratings (unit_id, stars, comment, day, idem_key) VALUES
	($UA, 5, '评七', '2022-03-01', 't250-sql-7'), ($UB, 1, '评八', '2022-03-01', 't250-sql-8'),
	($UA, 4, '评九', '2022-02-01', 't250-sql-9'), ($UA, 5, '评十', '2022-03-01', 't250-sql-10')"
view r4 /ratings >/dev/null
expect_eq "ratings written in SQL: the order day DESC, id DESC" "$(order_sql)" "$(order_page "$T_DIR/r4.b")"
expect_eq "... the unit table as in SQL" "$(units_sql)" "$(units_page "$T_DIR/r4.b")"
view r5 "/ratings?from=2022-01-01&to=2022-12-31" >/dev/null
expect_eq "... of 2022: 评十 评八 评七 评九" "评十 评八 评七 评九 " "$(order_page "$T_DIR/r5.b")"
view r6 "/ratings?stars=5" >/dev/null
expect_eq "... five stars only: in the same order" "$(sql "SELECT comment FROM ratings WHERE stars = 5
	ORDER BY day DESC, id DESC" | tr '\n' ' ')" "$(order_page "$T_DIR/r6.b")"

# /ratings/bad: a two-star rating opens a review; the call-back shows on the next view
view b1 /ratings/bad >/dev/null
check "/ratings/bad: no review yet" grep -q '没有符合条件的差评' "$T_DIR/b1.b"
expect_eq "a two-star rating" 200 "$(rate "$TA" 2 评差)"
view b2 /ratings/bad >/dev/null
check "... the next /ratings/bad lists its review (kept view dropped)" grep -q '评差' "$T_DIR/b2.b"
check "... 待回访" grep -q '待回访' "$T_DIR/b2.b"
BR=$(sql "SELECT id FROM bad_reviews")
csrf=$(csrf_of)
expect_eq "the call-back" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $csrf" \
	--data-urlencode "note=已电话回访" "$BASE/ratings/bad/$BR/callback")"
view b3 /ratings/bad >/dev/null
check "... the next view: 已回访，整改中" grep -q '已回访，整改中' "$T_DIR/b3.b"
check "... no longer 待回访 in the list" bash -c "! grep -q '<td>待回访</td>' '$T_DIR/b3.b'"

# /ratings/letters: a letter, then its acceptance
view l1 /ratings/letters >/dev/null
check "/ratings/letters: none yet" grep -q '没有符合条件的群众信件' "$T_DIR/l1.b"
expect_eq "a rating with a letter" 200 "$(rate "$TB" 4 评信 --data-urlencode "letter=t250的信件")"
view l2 /ratings/letters >/dev/null
check "... the next view lists the letter, 待受理" grep -q 't250的信件.*待受理' "$T_DIR/l2.b"
LT=$(sql "SELECT id FROM letters")
expect_eq "accept the letter" 303 "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -H "X-CSRF-Token: $csrf" \
	-X POST "$BASE/ratings/letters/$LT/accept")"
view l3 /ratings/letters >/dev/null
check "... the next view: 已受理" grep -q 't250的信件.*已受理' "$T_DIR/l3.b"

# an operator's correction in SQL (sql moves the data's version, as
# docs/operations.md asks): the stars of 评一 changed
sql "UPDATE ratings SET stars = 3 WHERE comment = '评一'"
view r7 /ratings >/dev/null
expect_eq "a correction in SQL: the unit table as in SQL" "$(units_sql)" "$(units_page "$T_DIR/r7.b")"

# a unit field's options: the <select> at 2,000 units, the picker at 2,001
opts() { grep -o '<select[^>]*name="within".*</select>' "$1" | grep -o '<option value="[0-9]' | wc -l; }
N0=$(sql "SELECT count(*) FROM units")
sql "INSERT INTO units (region, parent_id, name, kind, created_at, updated_at)
	SELECT '230100', $UA, '村' || CAST(g AS TEXT), 'village', 0, 0
	FROM (WITH RECURSIVE c(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM c WHERE g < $((2000 - N0))) SELECT g FROM c) s"
expect_eq "the units: 2,000" 2000 "$(sql "SELECT count(*) FROM units")"
view u1 /ratings/bad >/dev/null
expect_eq "... /ratings/bad offers each of the 2,000 in its <select>" 2000 "$(opts "$T_DIR/u1.b")"
sql "INSERT INTO units (region, parent_id, name, kind, created_at, updated_at) VALUES ('230100', $UA, '村第2001', 'village', 0, 0)"
view u3 /ratings/bad >/dev/null
expect_eq "2,001 units: no <select> of units" 0 "$(opts "$T_DIR/u3.b")"
check "... the unit picker instead" grep -q 'name="within_q"' "$T_DIR/u3.b"
check "no sanitizer report" server_clean
finish
