/*
 * test_escape.c: unit tests of escape.c with hostile strings.
 *
 * Every escaper gets markup, attribute break-outs, quotes of all kinds,
 * control characters, U+2028, and every class of invalid UTF-8 (stray
 * bytes, overlongs, surrogates, past U+10FFFF, truncated sequences), and
 * its output is checked byte for byte.  On top of the exact cases, a
 * property check runs every hostile string through every escaper and
 * asserts the output is valid UTF-8 and holds none of the characters its
 * context forbids.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/escape.h"
#include "core/strbuf.h"

#define FFFD "\xef\xbf\xbd"

typedef int (*escaper)(struct strbuf *, const char *);

/* Escapes `in` with fn and compares with `want`; the output must always
 * be valid UTF-8. */
static void check(escaper fn, const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(fn(&sb, in), 0);
	assert_string_equal(sb.buf, want);
	assert_int_equal(sb.len, strlen(want));
	assert_true(utf8_valid(sb.buf, sb.len));
	strbuf_release(&sb);
}

static const char *const hostile[] = {
	"<script>alert(1)</script>",
	"\"onmouseover=alert(1) x=\"",
	"' onfocus='alert(1)' autofocus='",
	"`${alert(1)}`",
	"javascript:alert(document.cookie)",
	"</script><script>alert(1)</script>",
	"<!--", "-->", "]]>", "<![CDATA[",
	"=cmd|' /C calc'!A0",
	"+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
	"\t=1+1", "\r=1+1",
	("a\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b[31m\x1f\x7f" "b"),
	"line1\nline2\r\nline3\ttab",
	"\xe2\x80\xa8\xe2\x80\xa9",
	"\xff", "\xfe\xff", "\x80", "\xbf",
	"\xc0\xaf", "\xc0\xbc", "\xc1\xbf", "\xe0\x80\xbc", "\xf0\x80\x80\xbc",
	"\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xa0\x80\xed\xb0\x80",
	"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80",
	"\xc2", "\xe4\xb8", "\xf0\x9f\x98", "a\xe4\xb8<", "\xe4<\xb8",
	"中文，标点“引号”", "\xf0\x9f\x98\x80", "\xc2\x80\xc2\x9f",
	"%00%0a%3Cscript%3E", "&amp;&lt;&#39;", "\\u003c\\\"",
	"a,b\"c\"\nd",
	"",
};

/* Every escaper on every hostile string: valid UTF-8 out, nothing the
 * context forbids, and the input is never copied when invalid. */
static void test_properties(void **state)
{
	size_t i, j;

	for (i = 0; i < QF_ARRAY_SIZE(hostile); i++) {
		const char *s = hostile[i];
		struct strbuf t = STRBUF_INIT, a = STRBUF_INIT, u = STRBUF_INIT,
			      js = STRBUF_INIT, c = STRBUF_INIT;

		assert_int_equal(html_txt(&t, s), 0);
		assert_int_equal(html_attr(&a, s), 0);
		assert_int_equal(url_arg(&u, s), 0);
		assert_int_equal(json_str(&js, s), 0);
		assert_int_equal(csv_field(&c, s), 0);
		assert_true(utf8_valid(t.buf, t.len));
		assert_true(utf8_valid(a.buf, a.len));
		assert_true(utf8_valid(u.buf, u.len));
		assert_true(utf8_valid(js.buf, js.len));
		assert_true(utf8_valid(c.buf, c.len));

		assert_null(strpbrk(t.buf, "<>\"'"));
		assert_null(strpbrk(a.buf, "<>\"'`=\t\r\n"));
		for (j = 0; j < a.len; j++)
			assert_true((unsigned char)a.buf[j] >= 0x20 && a.buf[j] != 0x7f);
		for (j = 0; j < t.len; j++) {
			unsigned char ch = (unsigned char)t.buf[j];
			assert_true(ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r');
			assert_true(ch != 0x7f);
		}
		/* an & in text or attribute output only starts an entity */
		for (j = 0; j < t.len; j++)
			if (t.buf[j] == '&')
				assert_true(!strncmp(t.buf + j, "&amp;", 5) ||
					    !strncmp(t.buf + j, "&lt;", 4) ||
					    !strncmp(t.buf + j, "&gt;", 4) ||
					    !strncmp(t.buf + j, "&quot;", 6) ||
					    !strncmp(t.buf + j, "&#39;", 5));
		for (j = 0; j < u.len; j++)
			assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					       "0123456789-._~%", u.buf[j]));
		/* JSON: quoted, no raw < > & ' or controls, no U+2028/9 */
		assert_true(js.len >= 2 && js.buf[0] == '"' && js.buf[js.len - 1] == '"');
		assert_null(strpbrk(js.buf, "<>&'\n\r\t"));
		assert_null(strstr(js.buf, "\xe2\x80\xa8"));
		assert_null(strstr(js.buf, "\xe2\x80\xa9"));
		for (j = 0; j < js.len; j++)
			assert_true((unsigned char)js.buf[j] >= 0x20 && js.buf[j] != 0x7f);
		/* CSV: never starts a formula */
		assert_true(c.len == 0 || !strchr("=+-@\t\r", c.buf[0]));
		assert_true(c.len < 2 || c.buf[0] != '"' || !strchr("=+-@\t\r", c.buf[1]));

		strbuf_release(&t);
		strbuf_release(&a);
		strbuf_release(&u);
		strbuf_release(&js);
		strbuf_release(&c);
	}
}

static void test_html_txt(void **state)
{
	check(html_txt, "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
	check(html_txt, "\"onmouseover=alert(1)", "&quot;onmouseover=alert(1)");
	check(html_txt, "it's", "it&#39;s");
	check(html_txt, "a & b", "a &amp; b");
	check(html_txt, "&amp;", "&amp;amp;");
	check(html_txt, "`backtick`", "`backtick`");
	check(html_txt, "javascript:alert(1)", "javascript:alert(1)");
	check(html_txt, "", "");
	check(html_txt, "中文，标点", "中文，标点");
	check(html_txt, "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80");
	check(html_txt, "\xe2\x80\xa8", "\xe2\x80\xa8");
	/* tab, LF, CR stay; other controls and DEL become U+FFFD */
	check(html_txt, "a\tb\nc\rd", "a\tb\nc\rd");
	check(html_txt, "a\x01" "b\x1b[0m\x7f", "a" FFFD "b" FFFD "[0m" FFFD);
	/* invalid UTF-8: one U+FFFD per byte */
	check(html_txt, "\xff", FFFD);
	check(html_txt, "x\xfe\xffy", "x" FFFD FFFD "y");
	check(html_txt, "\xc0\xaf", FFFD FFFD);
	check(html_txt, "\xc0\xbc" "script\xc0\xbe", FFFD FFFD "script" FFFD FFFD);
	check(html_txt, "\xe0\x80\xbc", FFFD FFFD FFFD);
	check(html_txt, "\xed\xa0\x80", FFFD FFFD FFFD);
	check(html_txt, "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD);
	/* the copied CJK sequences (E3..EC): cut short or broken, still one
	 * U+FFFD per bad byte, as decoded; around them escaping as before */
	check(html_txt, "干部\xe4\xb8", "干部" FFFD FFFD);
	check(html_txt, "\xe4\xb8<\xe4", FFFD FFFD "&lt;" FFFD);
	check(html_txt, "\xec\xbf\xbf<b>", "\xec\xbf\xbf&lt;b&gt;");
	check(html_attr, "单位=一", "单位&#61;一");
	check(html_txt, "\xe4\xb8", FFFD FFFD);
	check(html_txt, "a\xe4\xb8<", "a" FFFD FFFD "&lt;");
	check(html_txt, "\xf0\x9f\x98", FFFD FFFD FFFD);
	check(html_txt, "\x80\xbf", FFFD FFFD);
}

static void test_html_attr(void **state)
{
	check(html_attr, "\"onmouseover=alert(1) x=\"",
	      "&quot;onmouseover&#61;alert(1) x&#61;&quot;");
	check(html_attr, "' onfocus='x'", "&#39; onfocus&#61;&#39;x&#39;");
	check(html_attr, "`x`", "&#96;x&#96;");
	check(html_attr, "<script>", "&lt;script&gt;");
	check(html_attr, "a&b", "a&amp;b");
	check(html_attr, "javascript:alert(1)", "javascript:alert(1)");
	check(html_attr, "a\tb\nc\rd", "a&#9;b&#10;c&#13;d");
	check(html_attr, "\x01\x1f\x7f", FFFD FFFD FFFD);
	check(html_attr, "\xe2\x80\xa8", "\xe2\x80\xa8");
	check(html_attr, "中文", "中文");
	check(html_attr, "\xff\"", FFFD "&quot;");
	check(html_attr, "\xc0\xa2", FFFD FFFD);       /* overlong '"' */
	check(html_attr, "\xed\xa0\x80", FFFD FFFD FFFD);
	check(html_attr, "\xe4\xb8", FFFD FFFD);
}

static void test_url_arg(void **state)
{
	check(url_arg, "AZaz09-._~", "AZaz09-._~");
	check(url_arg, "a b&c=d/e?f#g+h%i", "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25i");
	check(url_arg, "<script>", "%3Cscript%3E");
	check(url_arg, "'\"`", "%27%22%60");
	check(url_arg, "javascript:alert(1)", "javascript%3Aalert%281%29");
	check(url_arg, "中", "%E4%B8%AD");
	check(url_arg, "\xf0\x9f\x98\x80", "%F0%9F%98%80");
	check(url_arg, "\xe2\x80\xa8", "%E2%80%A8");
	check(url_arg, "\x01\n\x7f", "%01%0A%7F");
	check(url_arg, "\xff", "%EF%BF%BD");
	check(url_arg, "\xc0\xaf", "%EF%BF%BD%EF%BF%BD");
	check(url_arg, "\xed\xa0\x80", "%EF%BF%BD%EF%BF%BD%EF%BF%BD");
	check(url_arg, "a\xe4\xb8", "a%EF%BF%BD%EF%BF%BD");
	check(url_arg, "", "");
}

static void test_url_roundtrip(void **state)
{
	static const char *const in[] = {
		"a b+c&d=e", "中文 标点？", "%41%", "\xf0\x9f\x98\x80!", "~-._", "'\"<>`",
	};
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(in); i++) {
		struct strbuf sb = STRBUF_INIT;
		long n;

		assert_int_equal(url_arg(&sb, in[i]), 0);
		n = url_decode(sb.buf);
		assert_int_equal(n, strlen(in[i]));
		assert_string_equal(sb.buf, in[i]);
		strbuf_release(&sb);
	}
}

static void test_json_str(void **state)
{
	check(json_str, "", "\"\"");
	check(json_str, "plain", "\"plain\"");
	check(json_str, "</script><script>alert(1)</script>",
	      "\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E\"");
	check(json_str, "\"\\", "\"\\\"\\\\\"");
	check(json_str, "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
	check(json_str, "\x01\x1f\x7f", "\"\\u0001\\u001F\\u007F\"");
	check(json_str, "a&b'c`", "\"a\\u0026b\\u0027c`\"");
	check(json_str, "\xe2\x80\xa8|\xe2\x80\xa9", "\"\\u2028|\\u2029\"");
	check(json_str, "中文\xf0\x9f\x98\x80", "\"中文\xf0\x9f\x98\x80\"");
	check(json_str, "\xff", "\"" FFFD "\"");
	check(json_str, "\xc0\xa2", "\"" FFFD FFFD "\"");      /* overlong '"' */
	check(json_str, "\xc0\xdc", "\"" FFFD FFFD "\"");
	check(json_str, "\xed\xa0\x80", "\"" FFFD FFFD FFFD "\"");
	check(json_str, "x\xf0\x9f\x98", "\"x" FFFD FFFD FFFD "\"");
}

static void test_csv_field(void **state)
{
	check(csv_field, "plain", "plain");
	check(csv_field, "中文", "中文");
	check(csv_field, "", "");
	check(csv_field, "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"");
	check(csv_field, "+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\"");
	check(csv_field, "-2+3", "\"'-2+3\"");
	check(csv_field, "@SUM(A1)", "\"'@SUM(A1)\"");
	check(csv_field, "\t=1", "\"'\t=1\"");
	check(csv_field, "\r=1", "\"'\r=1\"");
	check(csv_field, "=HYPERLINK(\"http://evil\",\"x\")",
	      "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
	check(csv_field, "a=b", "a=b");                 /* only a leading one */
	check(csv_field, "a,b", "\"a,b\"");
	check(csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
	check(csv_field, "l1\nl2", "\"l1\nl2\"");
	check(csv_field, "l1\r\nl2", "\"l1\r\nl2\"");
	check(csv_field, " lead", "\" lead\"");
	check(csv_field, "trail ", "\"trail \"");
	check(csv_field, "<script>'`", "<script>'`");   /* not HTML */
	check(csv_field, "a\x01" "b\x7f", "a" FFFD "b" FFFD);
	check(csv_field, "\xff,", "\"" FFFD ",\"");
	check(csv_field, "\xc0\xaf", FFFD FFFD);
	check(csv_field, "\xed\xa0\x80", FFFD FFFD FFFD);
	check(csv_field, "\xe4\xb8", FFFD FFFD);
	check(csv_field, "\xe2\x80\xa8", "\xe2\x80\xa8");
}

static void test_null_and_long(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *in;
	size_t i, n = 100000;

	assert_int_equal(html_txt(&sb, NULL), 0);
	assert_int_equal(html_attr(&sb, NULL), 0);
	assert_int_equal(url_arg(&sb, NULL), 0);
	assert_int_equal(json_str(&sb, NULL), 0);
	assert_int_equal(csv_field(&sb, NULL), 0);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");

	in = malloc(n + 1);
	for (i = 0; i < n; i++)
		in[i] = "<a\xff"[i % 3];
	in[n] = '\0';
	assert_int_equal(html_txt(&sb, in), 0);
	/* every "<a\xff" becomes "&lt;a" U+FFFD: 4 + 1 + 3 bytes */
	assert_int_equal(sb.len, n / 3 * 8 + 4);
	for (i = 0; i + 8 <= sb.len; i += 8)
		assert_memory_equal(sb.buf + i, "&lt;a" FFFD, 8);
	strbuf_reset(&sb);

	memset(in, 'x', n);
	assert_int_equal(json_str(&sb, in), 0);
	assert_int_equal(sb.len, n + 2);
	free(in);
	strbuf_release(&sb);
}

/* At the max, an escaper appends nothing at all (no half entity, no
 * unclosed quote) and the overflow flag is set. */
static void test_max_all_or_nothing(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_setmax(&sb, 20);
	assert_int_equal(strbuf_addstr(&sb, "<p>"), 0);
	assert_int_equal(html_txt(&sb, "a<b>c<d>e<f>"), -1);  /* needs 30 more */
	assert_string_equal(sb.buf, "<p>");
	assert_int_equal(sb.overflow, 1);
	assert_int_equal(json_str(&sb, "0123456789abcdef"), -1);    /* 18 more */
	assert_string_equal(sb.buf, "<p>");
	assert_int_equal(csv_field(&sb, "=0123456789abcdef"), -1);
	assert_string_equal(sb.buf, "<p>");
	assert_int_equal(html_txt(&sb, "a<b"), 0);
	assert_string_equal(sb.buf, "<p>a&lt;b");
	strbuf_release(&sb);
}

/* A local encoder, independent of escape.c, for the exhaustive test;
 * encodes surrogates too (as CESU would) so they can be rejected. */
static size_t encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

static void test_utf8_valid(void **state)
{
	static const char *const good[] = {
		"", "abc", "中文", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf",
		"\xee\x80\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf0\x9f\x98\x80",
		"\xf4\x8f\xbf\xbf", "\xe2\x80\xa8",
	};
	static const char *const bad[] = {
		"\xff", "\xfe", "\x80", "\xbf", ("a\x80" "b"),
		"\xc0\xaf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\xaf", "\xe0\x9f\xbf",
		"\xf0\x80\x80\xaf", "\xf0\x8f\xbf\xbf",
		"\xed\xa0\x80", "\xed\xaf\xbf", "\xed\xb0\x80", "\xed\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf7\xbf\xbf\xbf",
		"\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80",
		"\xc2", "\xe4", "\xe4\xb8", "\xf0\x9f", "\xf0\x9f\x98", ("\xe4\xb8" "a"),
		"\xc2\xc2\x80", "\xe4\x41\xad",
	};
	char buf[8];
	uint32_t cp;
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(good); i++)
		assert_int_equal(utf8_valid(good[i], strlen(good[i])), 1);
	for (i = 0; i < QF_ARRAY_SIZE(bad); i++)
		assert_int_equal(utf8_valid(bad[i], strlen(bad[i])), 0);

	/* NUL is refused; the length is respected both ways */
	assert_int_equal(utf8_valid("a\0b", 3), 0);
	assert_int_equal(utf8_valid("\0", 1), 0);
	assert_int_equal(utf8_valid("中文", 3), 1);
	assert_int_equal(utf8_valid("中文", 2), 0);
	assert_int_equal(utf8_valid("中文", 4), 0);
	assert_int_equal(utf8_valid("\xff", 0), 1);

	/* every code point: valid unless a surrogate (or NUL) */
	for (cp = 0; cp <= 0x10ffff; cp++) {
		size_t n = encode(cp, buf);
		int want = cp != 0 && !(cp >= 0xd800 && cp <= 0xdfff);
		if (utf8_valid(buf, n) != want)
			fail_msg("utf8_valid wrong for U+%04X", (unsigned)cp);
	}
	/* every two-byte sequence: valid exactly when C2..DF then 80..BF */
	for (i = 0; i < 65536; i++) {
		unsigned b0 = (unsigned)(i >> 8), b1 = (unsigned)(i & 0xff);
		int want;
		buf[0] = (char)b0;
		buf[1] = (char)b1;
		want = (b0 >= 0x01 && b0 < 0x80 && b1 >= 0x01 && b1 < 0x80) ||
		       (b0 >= 0xc2 && b0 <= 0xdf && b1 >= 0x80 && b1 <= 0xbf);
		if (utf8_valid(buf, 2) != want)
			fail_msg("utf8_valid wrong for %02X %02X", b0, b1);
	}
}

static void test_utf8_len(void **state)
{
	assert_int_equal(utf8_len(NULL), 0);
	assert_int_equal(utf8_len(""), 0);
	assert_int_equal(utf8_len("abc"), 3);
	assert_int_equal(utf8_len("中文"), 2);
	assert_int_equal(utf8_len("a中\xf0\x9f\x98\x80"), 3);
	assert_int_equal(utf8_len("张三丰"), 3);
	/* invalid bytes count one each, as they are shown (U+FFFD) */
	assert_int_equal(utf8_len("\xff\xfe"), 2);
	assert_int_equal(utf8_len("\xe4\xb8"), 2);
	assert_int_equal(utf8_len("\xc0\xaf" "a"), 3);
}

static void test_url_decode(void **state)
{
	char s[64];

	strcpy(s, "a%20b+c");
	assert_int_equal(url_decode(s), 5);
	assert_string_equal(s, "a b c");

	strcpy(s, "%e4%B8%Ad");
	assert_int_equal(url_decode(s), 3);
	assert_string_equal(s, "中");

	strcpy(s, "+");
	assert_int_equal(url_decode(s), 1);
	assert_string_equal(s, " ");

	strcpy(s, "%2B%25");
	assert_int_equal(url_decode(s), 2);
	assert_string_equal(s, "+%");

	strcpy(s, "%2541");             /* decoded once only */
	assert_int_equal(url_decode(s), 3);
	assert_string_equal(s, "%41");

	strcpy(s, "%3Cscript%3E");
	assert_int_equal(url_decode(s), 8);
	assert_string_equal(s, "<script>");

	strcpy(s, "");
	assert_int_equal(url_decode(s), 0);

	/* malformed: -1 and the string unchanged */
	strcpy(s, "ok+%G1");
	assert_int_equal(url_decode(s), -1);
	assert_string_equal(s, "ok+%G1");
	strcpy(s, "%4");
	assert_int_equal(url_decode(s), -1);
	assert_string_equal(s, "%4");
	strcpy(s, "%");
	assert_int_equal(url_decode(s), -1);
	strcpy(s, "abc%");
	assert_int_equal(url_decode(s), -1);
	strcpy(s, "%4G");
	assert_int_equal(url_decode(s), -1);
	strcpy(s, "% 41");
	assert_int_equal(url_decode(s), -1);
	strcpy(s, "a%00b");             /* a NUL would cut the string */
	assert_int_equal(url_decode(s), -1);
	assert_string_equal(s, "a%00b");

	/* bytes that are not UTF-8 are decoded; utf8_valid catches them */
	strcpy(s, "%C0%AF");
	assert_int_equal(url_decode(s), 2);
	assert_int_equal(utf8_valid(s, 2), 0);
}

/* Text stored before the input rule (issue 8, failure 6) may hold what
 * the rule now refuses: pages and CSV show U+FFFD in its place, so U+202E
 * cannot turn a name around; JSON keeps it exactly, escaped. */
static void test_refused_code_points_shown_safely(void **state)
{
	check(html_txt, "invoice\xe2\x80\xae" "gpj.exe", "invoice" FFFD "gpj.exe");
	check(html_txt, "a\xe2\x81\xa6" "b\xe2\x81\xa9", "a" FFFD "b" FFFD);   /* LRI PDI */
	check(html_txt, "a\xc2\x85\xc2\x9b", "a" FFFD FFFD);                /* C1 */
	check(html_txt, "\xef\xbf\xbe\xef\xb7\x90", FFFD FFFD);            /* U+FFFE U+FDD0 */
	check(html_attr, "x\xe2\x80\xab" "x", "x" FFFD "x");                     /* RLE */
	check(csv_field, "\xe2\x80\xae" "exe.txt", FFFD "exe.txt");
	check(json_str, "a\xe2\x80\xae" "b\xc2\x85", "\"a\\u202Eb\\u0085\"");
	/* the allowed neighbours pass unchanged */
	check(html_txt, "\xc2\xa0\xe2\x80\x8e\xe2\x80\xaf\xe2\x81\xa5", "\xc2\xa0\xe2\x80\x8e\xe2\x80\xaf\xe2\x81\xa5");
	check(json_str, "\xc2\xa0\xe2\x80\x8e", "\"\xc2\xa0\xe2\x80\x8e\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_properties),
		cmocka_unit_test(test_html_txt),
		cmocka_unit_test(test_html_attr),
		cmocka_unit_test(test_url_arg),
		cmocka_unit_test(test_url_roundtrip),
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_refused_code_points_shown_safely),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_null_and_long),
		cmocka_unit_test(test_max_all_or_nothing),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_url_decode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
