# t261_import_line.sh: issue 16, json16l: `import` reads a plain line (an
# object of unescaped strings, integers of at most 18 digits, true, false,
# null and lists of such strings, each key once) without a jansson tree
# (domain/ix_line.c) and leaves every other line to jansson.  Whichever
# reads it, a line must give the same row and the same refusal: each bad
# line below is refused naming its line and field with jansson's text (the
# messages main gave before the reader, docs/interchange.md "Errors"), and
# the file leaves nothing (all or nothing); lines outside the plain shape
# (escapes, a key the type does not know kept in extra, a 19-digit integer,
# whitespace between tokens) import with jansson's values.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
F=$T_DIR/line.jsonl
U1='{"type":"unit","id":"LU1","name":"甲单位","kind":"department","parent":null}'
P1='{"type":"person","id":"LP1","name":"干部甲","unit":"LU1","position":"科员","rank":"section","party_member":%s}'
UNITS0=$(sql "SELECT count(*) FROM units")

# refused WHAT LINE MESSAGE: a file of U1 and LINE is refused at its line 2
# with MESSAGE, and no unit is left
refused() {
	printf '%s\n%s\n' "$U1" "$2" >"$F"
	run_cli import --db "$DB" "$F"
	expect_contains "$1: refused at line 2" "import: line 2$3 (nothing was imported)" "$ERR"
	[ "$RC" != 0 ] || not_ok "$1: exit status 0"
	expect_eq "$1: nothing imported" "$UNITS0" "$(sql "SELECT count(*) FROM units")"
}
L='{"type":"unit","id":"LU2","name":'
T=',"kind":"department","parent":null}'
refused "a byte that is not UTF-8" "$L\"$(printf '\377')\"$T" ": not a JSON object (unable to decode byte 0xff near '\"')"
refused "overlong UTF-8" "$L\"$(printf '\300\257')\"$T" ": not a JSON object (unable to decode byte 0xc0 near '\"')"
refused "a UTF-16 surrogate in UTF-8" "$L\"$(printf '\355\240\200')\"$T" ": not a JSON object (unable to decode byte 0xed near '\"')"
refused "a truncated UTF-8 sequence" "$L\"$(printf 'a\344\270')\"$T" ": not a JSON object (unable to decode byte 0xe4 near '\"a')"
refused "a control character in a string" "$L\"a$(printf '\001')b\"$T" ": not a JSON object (control character 0x1 near '\"a')"
refused "a duplicate key" "$L\"a\",\"name\":\"b\"$T" ": not a JSON object (duplicate object key near '\"name\"')"
refused "a duplicate key the type does not know" "$L\"a\",\"x\":1,\"x\":2$T" ": not a JSON object (duplicate object key near '\"x\"')"
refused "an object where a string is expected" "$L{\"a\":1}$T" ', field "name": not a string'
refused "a number with a fraction where a string is expected" "${L}1.5$T" ', field "name": not a string'
refused "a list where a string is expected" "$L[\"a\"]$T" ', field "name": not a string'
refused "an integer too big" "$L\"a\",\"n\":99999999999999999999$T" ": not a JSON object (too big integer near '99999999999999999999')"
refused "an integer too small" "$L\"a\",\"n\":-99999999999999999999$T" ": not a JSON object (too big negative integer)"
refused "a leading zero" "$L\"a\",\"n\":01$T" ": not a JSON object (invalid token near '0')"
refused "a misspelt literal" "$L\"a\",\"kind\":\"department\",\"parent\":tru}" ": not a JSON object (invalid token near 'tru')"
refused "text after the object" "$L\"a\"$T x" ": not a JSON object (end of file expected near 'x')"
refused "a trailing comma" "$L\"a\",\"kind\":\"department\",\"parent\":null,}" ": not a JSON object (string or '}' expected near '}')"
refused "an escaped NUL" "$L\"a\\u0000b\"$T" ": not a JSON object (\\u0000 is not allowed without JSON_ALLOW_NUL near '\"a\\u0000b\"')"
refused "a list at the top" '["type","unit"]' ": not a JSON object (another JSON value)"
# shellcheck disable=SC2059
refused "a string where true or false is expected" "$(printf "$P1" '"true"')" ', field "party_member": not true or false'
# shellcheck disable=SC2059
refused "an integer where true or false is expected" "$(printf "$P1" 1)" ', field "party_member": not true or false'
refused "a list entry that is not a string" \
	'{"type":"clue","id":"LC1","received":"2024-01-03","source":"report","subjects":[1]}' ', field "subjects": not an id (a string)'
refused "a nested list" \
	'{"type":"clue","id":"LC1","received":"2024-01-03","source":"report","subjects":[["LP1"]]}' ', field "subjects": not an id (a string)'
refused "an id the file has not defined" \
	'{"type":"clue","id":"LC1","received":"2024-01-03","source":"report","subjects":["LP9"]}' \
	', field "subjects": "LP9" is not a person defined earlier in the file or in the database'

# what imports: plain lines, and lines jansson reads, with the values it gives
{
	echo "$U1"
	# shellcheck disable=SC2059
	printf "$P1\n" true
	echo '{"type":"unit","id":"LU2","name":"\u4e59\"单位\/","kind":"department","parent":"LU1"}'
	echo '{"type":"unit","id":"LU3","name":"丙单位","note":"备注","big":1234567890123456789,"kind":"township","parent":null}'
	printf ' { "parent" : "LU1" ,\t"kind":"department", "name" : "丁单位" , "id":"LU4" , "type" : "unit" }  \n'
	echo '{"type":"person","id":"LP2","name":"干部乙","unit":"LU3","position":"科员","rank":"section","party_member":false,"top_leader":true}'
	echo '{"type":"clue","id":"LC1","received":"2024-01-03","source":"report","subjects":["LP2","LP1"]}'
} >"$F"
import_fixture "$F" "plain and other lines"
q() { sql "$1" | tr '\n' ' '; }
expect_eq "the units, their names, kinds and parents" \
	"LU1 甲单位 department  LU2 乙\"单位/ department LU1 LU3 丙单位 township  LU4 丁单位 department LU1 " \
	"$(q "SELECT u.ext_id || ' ' || u.name || ' ' || u.kind || ' ' || coalesce(p.ext_id, '') FROM units u
		LEFT JOIN units p ON p.id = u.parent_id WHERE u.ext_id LIKE 'LU%' ORDER BY u.ext_id")"
expect_eq "the keys a unit does not know kept in extra, as jansson wrote them" \
	'{"note":"备注","big":1234567890123456789} ' "$(q "SELECT extra FROM units WHERE ext_id = 'LU3'")"
expect_eq "a plain line keeps no extra" "0 " "$(q "SELECT count(*) FROM units WHERE ext_id IN ('LU1', 'LU2', 'LU4') AND extra IS NOT NULL")"
expect_eq "the persons' flags" "LP1 1 0 LP2 0 1 " \
	"$(q "SELECT ext_id || ' ' || party_member || ' ' || top_leader FROM persons WHERE ext_id LIKE 'LP%' ORDER BY ext_id")"
expect_eq "the clue's subjects" "LP1 LP2 " \
	"$(q "SELECT p.ext_id FROM clue_subjects s JOIN clues c ON c.id = s.clue_id JOIN persons p ON p.id = s.person_id
		WHERE c.ext_id = 'LC1' ORDER BY p.ext_id")"
check "no sanitizer report" cli_clean
finish
