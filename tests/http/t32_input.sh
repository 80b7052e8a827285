#!/usr/bin/env bash
# t32_input.sh: one input rule for forms and JSON (issue 8, failure 6: the
# JSON API stored ESC, DEL and C1 controls that the forms refused, and both
# took bidi overrides such as U+202E and CR/LF in one-line names).
#
# The same hostile strings go to the same record (a unit's name, and a
# person's name) through a form and through the API, and to a GET
# argument of a page and of the API: every path answers 400 with the same
# reason, the same Chinese sentence (the page's message is the API's
# "hint"), and the database does not change.  Allowed neighbours (U+00A0,
# CJK, emoji, LRM) are stored through both.  A name stored before the rule
# (written with SQL) is shown with U+FFFD in place of U+202E.
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init_db"; finish; }
start_server || { not_ok "start_server"; finish; }
login cm "$PW" >/dev/null
CSRF=$(csrf_of)
H=$T_DIR/r

out=$(api POST /api/units '{"name":"输入校验单位","kind":"township"}')
expect_eq "a unit to edit: 201" 201 "$(status "$out")"
UID_=$(body "$out" | jget '["id"]')
out=$(api POST /api/persons "{\"name\":\"王五\",\"unit_id\":$UID_,\"rank\":\"staff\"}")
expect_eq "a person to edit: 201" 201 "$(status "$out")"
PID=$(body "$out" | jget '["id"]')

# state: what the hostile requests must leave alone
state() {
	sql "SELECT id || '|' || name || '|' || kind FROM units ORDER BY id"
	sql "SELECT id || '|' || name FROM persons ORDER BY id"
	sql "SELECT count(*) FROM audit_log"
}
BEFORE=$(state)

# forms STRING FILE: the hostile STRING (python escapes, e.g. 'a\u202eb')
# percent-encoded for a form body or a query (first line) and as a JSON
# string literal (second line); its bytes written to FILE (for curl
# -F name=<FILE: a bash variable cannot hold a NUL)
forms() {
	python3 -c 'import json, sys, urllib.parse
s = sys.argv[1].encode("latin-1", "backslashreplace").decode("unicode_escape")
b = s.encode("utf-8", "surrogatepass")
open(sys.argv[2], "wb").write(b)
print(urllib.parse.quote(b, safe=""))
print(json.dumps(s))' "$1" "$2"
}
js() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# jf FILE KEY...: string members of a saved error answer (compact JSON, no
# escaped quotes in these members), separated by spaces; "" when absent
jf() {
	local f=$1 k out=
	shift
	for k; do
		out="$out${out:+ }$(sed -n "s/.*\"$k\":\"\([^\"]*\)\".*/\1/p" "$f")"
	done
	printf '%s\n' "$out"
}
# said FILE SENTENCE: the page shows the sentence (never empty)
said() { [ -n "$2" ] && grep -qF -- "$2" "$1"; }

# query_refused DESCRIPTION REASON ENCODED HINT: ?q= of a page and of the API
query_refused() {
	local st
	st=$(http_get "$H.q" -b "$JAR" "$BASE/units?q=$3")
	expect_eq "$1: page query ?q=: 400" 400 "$st"
	check "$1: page query: the same sentence for q" said "$H.q.b" "${4/“name”/“q”}"
	st=$(http_get "$H.aq" -b "$JAR" "$BASE/api/units?q=$3")
	expect_eq "$1: API query ?q=: 400 $2" "400 $2 q" \
		"$st $(jf "$H.aq.b" reason field)"
}

# hostile DESCRIPTION REASON STRING (python escapes, e.g. 'a\u202eb')
hostile() {
	local what=$1 reason=$2 enc_s js_s st hint f
	f=$(forms "$3" "$T_DIR/raw")
	enc_s=${f%%$'\n'*}
	js_s=${f#*$'\n'}

	# the API first: it names the field and the reason
	st=$(http_get "$H.a" -b "$JAR" -X PUT -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
		--data-binary "{\"name\":$js_s,\"kind\":\"township\"}" "$BASE/api/units/$UID_")
	expect_eq "$what: API PUT unit name: 400 $reason" "400 $reason name" \
		"$st $(jf "$H.a.b" reason field)"
	hint=$(jf "$H.a.b" hint)

	# the form on the same record: the same sentence on the page
	st=$(http_get "$H.f" -b "$JAR" --data "csrf=$CSRF&kind=township&name=$enc_s" "$BASE/units/$UID_")
	expect_eq "$what: form POST unit name: 400" 400 "$st"
	check "$what: the form's page says what the API's hint says" said "$H.f.b" "$hint"
	st=$(http_get "$H.m" -b "$JAR" -F "csrf=$CSRF" -F "kind=township" -F "name=<$T_DIR/raw" "$BASE/units/$UID_")
	expect_eq "$what: multipart form: 400" 400 "$st"
	check "$what: multipart: the same sentence" said "$H.m.b" "$hint"

	# a GET argument of a page and of the API (NUL too: server.c takes the
	# arguments with their length, MHD_get_connection_values_n)
	query_refused "$what" "$reason" "$enc_s" "$hint"

	# a person's name: API create, form update
	st=$(http_get "$H.p" -b "$JAR" -X POST -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
		--data-binary "{\"name\":$js_s,\"unit_id\":$UID_,\"rank\":\"staff\"}" "$BASE/api/persons")
	expect_eq "$what: API POST person name: 400 $reason" "400 $reason" "$st $(jf "$H.p.b" reason)"
	st=$(http_get "$H.pf" -b "$JAR" --data "csrf=$CSRF&unit_id=$UID_&rank=staff&name=$enc_s" "$BASE/persons/$PID")
	expect_eq "$what: form POST person name: 400" 400 "$st"
	check "$what: person form: the same sentence" said "$H.pf.b" "$(jf "$H.p.b" hint)"
}

hostile "ESC" control 'a\x1b[31mb'
hostile "DEL" control 'a\x7fb'
hostile "C1 NEL U+0085" control 'a\x85b'
hostile "C1 CSI U+009B" control 'a\x9b2Jb'
hostile "NUL" nul 'a\x00b'
hostile "RLO U+202E" bidi 'invoice\u202egpj.exe'
hostile "LRE U+202A" bidi '\u202aab'
hostile "RLI U+2067" bidi 'a\u2067b'
hostile "PDI U+2069" bidi 'a\u2069b'
hostile "LF in a name" linebreak 'a\nb'
hostile "CR in a name" linebreak 'a\rb'
hostile "U+2028 in a name" linebreak 'a\u2028b'
hostile "tab in a name" tab 'a\tb'
hostile "U+FFFF" nonchar 'a\uffffb'
hostile "U+FDD0" nonchar 'a\ufdd0b'
hostile "U+1FFFE" nonchar 'a\U0001fffeb'

expect_eq "nothing above changed the database" "$BEFORE" "$(state)"

# invalid UTF-8 and lone surrogates: jansson refuses them while parsing
# (no reason code); the form says "utf8"; both 400, nothing stored
st=$(http_get "$H.f" -b "$JAR" --data "csrf=$CSRF&kind=township&name=a%ED%A0%80b" "$BASE/units/$UID_")
expect_eq "form: lone surrogate: 400" 400 "$st"
check "form: lone surrogate: the page says UTF-8" grep -qF "无效的 UTF-8 编码" "$H.f.b"
st=$(http_get "$H.a" -b "$JAR" -X PUT -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data-binary '{"name":"a\ud800b","kind":"township"}' "$BASE/api/units/$UID_")
expect_eq "API: lone surrogate escape: 400" 400 "$st"
# a member name is checked too, and never echoed
st=$(http_get "$H.a" -b "$JAR" -X PUT -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
	--data-binary '{"name":"好名字","kind":"township","x\u202ey":1}' "$BASE/api/units/$UID_")
expect_eq "API: bidi in a member name: 400 bidi" "400 bidi" "$st $(jf "$H.a.b" reason)"
check "API: the member name is not echoed (field is the object's: the top level)" \
	grep -qF '"field":"",' "$H.a.b"
expect_eq "the database is still unchanged" "$BEFORE" "$(state)"

# allowed neighbours: NBSP, CJK, emoji, LRM, a middle dot; through both
OKNAME=$(printf '张\xc2\xa0三·\xe2\x80\x8e李😀')
out=$(api PUT "/api/units/$UID_" "{\"name\":$(js "$OKNAME"),\"kind\":\"township\"}")
expect_eq "API: NBSP, CJK, emoji, LRM: 200" 200 "$(status "$out")"
expect_eq "... stored as sent" "$OKNAME" "$(sql "SELECT name FROM units WHERE id = $UID_")"
st=$(http_get "$H.f" -b "$JAR" --data "csrf=$CSRF&kind=township&name=$(enc "${OKNAME}2")" "$BASE/units/$UID_")
expect_eq "form: the same name: 303" 303 "$st"
expect_eq "... stored as sent" "${OKNAME}2" "$(sql "SELECT name FROM units WHERE id = $UID_")"

# a multi-line field keeps its line breaks: a conflict-of-interest note
# (a supervisor declares one), through the API and the form
ready_user sup --role supervisor --password-stdin --db "$DB" >/dev/null
SJAR=$T_DIR/sup.jar
login sup "$PW" "$SJAR" >/dev/null
out=$(api POST /api/conflicts "{\"person_id\":$PID,\"note\":\"一行\\r\\n二行\\n\\t三行\"}" "$SJAR")
expect_eq "API: CR LF, LF and tab in a note (multi-line): 201" 201 "$(status "$out")"
if [ "$BACKEND" = pg ]; then chr=chr; else chr=char; fi
expect_eq "... kept as sent" 1 "$(sql "SELECT count(*) FROM conflicts WHERE note =
	'一行' || $chr(13) || $chr(10) || '二行' || $chr(10) || $chr(9) || '三行'")"
out=$(api POST /api/conflicts "{\"person_id\":$PID,\"note\":\"a\\u202eb\"}" "$SJAR")
expect_eq "API: but not U+202E in a note: 400 bidi" "400 bidi" "$(status "$out") $(body "$out" | jget '["reason"]')"

# stored before the rule (by SQL): the page shows U+FFFD, not U+202E
sql "UPDATE units SET name = 'legacy' || $chr(8238) || 'txt.exe' WHERE id = $UID_"
st=$(http_get "$H.l" -b "$JAR" "$BASE/units/$UID_")
expect_eq "a page with a legacy U+202E name: 200" 200 "$st"
check "the page shows the name with U+FFFD" grep -qF "$(printf 'legacy\xef\xbf\xbdtxt.exe')" "$H.l.b"
check "the page has no raw U+202E" bash -c '! grep -qF "$(printf "\xe2\x80\xae")" "$1"' _ "$H.l.b"

check "server log clean (sanitizers)" server_clean
finish
