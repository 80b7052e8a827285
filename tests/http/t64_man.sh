#!/usr/bin/env bash
# t64_man.sh: the manual page is generated from the option tables that
# print --help (issue 8, operations: "a man page generated from the same
# option tables as --help"; before it there was no `qingfeng man` and no
# page, so every check failed).  For every command of `qingfeng --help`:
# the page has its section, and every option its --help lists (and every
# extra item, such as config's settings).  The page renders with groff
# without a single warning, and `man -l` shows it.
. "$(dirname "$0")/lib.sh"

MAN=$T_DIR/qingfeng.1
"$QF_BIN" man >"$MAN"
expect_eq "qingfeng man: exit 0" 0 "$?"
check "... roff with a title line" grep -q '^\.TH QINGFENG 1 ' "$MAN"
"$QF_BIN" --help >"$T_DIR/help"
case "$(cat "$T_DIR/help")" in *" man "*) not_ok "man is hidden from --help" ;; *) ok "man is hidden from --help" ;; esac

# roff's spelling of an option or item name: '-' is written '\-'
roffed() { printf '%s' "$1" | sed 's/-/\\-/g'; }
cmds=$(sed -n 's/^   \([a-z][a-z]*\) .*/\1/p' "$T_DIR/help")
check "qingfeng --help lists the commands" test "$(wc -w <<<"$cmds")" -ge 10
missing=
nopts=0
for c in $cmds; do
	grep -qx "\.SS $c" "$MAN" || missing="$missing $c"
	"$QF_BIN" "$c" --help >"$T_DIR/help.$c" 2>&1
	# the option and item lines: four spaces, then a name
	for o in $(sed -n 's/^    \([-a-z_][-a-z_]*\) .*/\1/p' "$T_DIR/help.$c"); do
		nopts=$((nopts + 1))
		# in the section of command c (up to the next .SS or .SH)
		awk -v c=".SS $c" '$0 == c {on=1; next} /^\.S[SH] / {on=0} on' "$MAN" |
			grep -qxF -e ".B $(roffed "$o")" -e ".BI $(roffed "$o") \" value\"" ||
			missing="$missing $c:$o"
	done
done
check "the page has every command and every option of every --help ($nopts options and items)" \
	test -z "$missing"
[ -z "$missing" ] || echo "# missing:$missing"
check "... which is more than a handful (>= 40)" test "$nopts" -ge 40
expect_contains "restore's --force is there" '.B \-\-force' "$(cat "$MAN")"
expect_contains "config's settings are there" '.B session_idle' "$(cat "$MAN")"
expect_contains "Chinese text is written as groff escapes" '\[u56FD]\[u5BC6]' "$(cat "$MAN")"

if command -v groff >/dev/null 2>&1; then
	expect_eq "groff -man -ww -z -Tutf8: no warning" "" "$(groff -man -ww -z -Tutf8 "$MAN" 2>&1)"
	out=$(LC_ALL=C.UTF-8 MANWIDTH=100 man -l "$MAN" 2>"$T_DIR/man.err")
	expect_contains "man -l renders it" "qingfeng restore FILE" "$out"
	expect_contains "... with the Chinese name" "清风" "$out"
	expect_eq "... without complaint" "" "$(cat "$T_DIR/man.err")"
else
	ok "# SKIP groff not installed"
fi
finish
