/*
 * test_cookie.c: unit tests for src/http/cookie.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/strbuf.h"
#include "http/cookie.h"

/* cookie_get into a fresh buffer; the value in *v ("" on failure). */
static int get(const char *header, const char *name, char *v, size_t n)
{
	memset(v, 'Z', n);
	return cookie_get(header, name, v, n);
}

static void test_simple(void **state)
{
	char v[64];

	assert_int_equal(get("sid=abc123", "sid", v, sizeof(v)), 6);
	assert_string_equal(v, "abc123");
	assert_int_equal(get("sid=", "sid", v, sizeof(v)), 0);
	assert_string_equal(v, "");
}

static void test_multiple(void **state)
{
	char v[64];
	const char *h = "a=1; b=two; c=3";

	assert_int_equal(get(h, "a", v, sizeof(v)), 1);
	assert_string_equal(v, "1");
	assert_int_equal(get(h, "b", v, sizeof(v)), 3);
	assert_string_equal(v, "two");
	assert_int_equal(get(h, "c", v, sizeof(v)), 1);
	assert_string_equal(v, "3");
	/* first of a repeated name wins */
	assert_int_equal(get("a=1; a=2", "a", v, sizeof(v)), 1);
	assert_string_equal(v, "1");
}

static void test_spaces(void **state)
{
	char v[64];
	const char *h = "  a = 1 ;b=2;\tc\t=\t3\t;   ";

	assert_int_equal(get(h, "a", v, sizeof(v)), 1);
	assert_string_equal(v, "1");
	assert_int_equal(get(h, "b", v, sizeof(v)), 1);
	assert_string_equal(v, "2");
	assert_int_equal(get(h, "c", v, sizeof(v)), 1);
	assert_string_equal(v, "3");
	assert_int_equal(get("a=1;b=2", "b", v, sizeof(v)), 1);
	assert_string_equal(v, "2");
}

static void test_quoted(void **state)
{
	char v[64];

	assert_int_equal(get("a=\"xyz\"; b=1", "a", v, sizeof(v)), 3);
	assert_string_equal(v, "xyz");
	assert_int_equal(get("a=\"\"", "a", v, sizeof(v)), 0);
	assert_string_equal(v, "");
	/* unbalanced or inner quotes are not cookie-octets */
	assert_int_equal(get("a=\"xyz", "a", v, sizeof(v)), -1);
	assert_int_equal(get("a=xyz\"", "a", v, sizeof(v)), -1);
	assert_int_equal(get("a=\"", "a", v, sizeof(v)), -1);
	assert_int_equal(get("a=\"x\"y\"", "a", v, sizeof(v)), -1);
}

static void test_missing(void **state)
{
	char v[64];

	assert_int_equal(get("a=1; b=2", "c", v, sizeof(v)), -1);
	assert_string_equal(v, "");
	assert_int_equal(get("sidx=1", "sid", v, sizeof(v)), -1);
	assert_int_equal(get("SID=1", "sid", v, sizeof(v)), -1);
	assert_int_equal(get("sid", "sid", v, sizeof(v)), -1);
	assert_int_equal(get("foo=sid=1", "sid", v, sizeof(v)), -1);
	assert_int_equal(get("a=1", "", v, sizeof(v)), -1);
}

static void test_prefix_confusion(void **state)
{
	char v[64];

	assert_int_equal(get("xsid=1; sid=2", "sid", v, sizeof(v)), 1);
	assert_string_equal(v, "2");
	assert_int_equal(get("sid2=1; sid=3", "sid", v, sizeof(v)), 1);
	assert_string_equal(v, "3");
	assert_int_equal(get("__Host-sid=4; sid=5", "sid", v, sizeof(v)), 1);
	assert_string_equal(v, "5");
	assert_int_equal(get("sid=5; __Host-sid=4", "__Host-sid", v, sizeof(v)),
			 1);
	assert_string_equal(v, "4");
	/* a pair without '=' does not swallow the next one */
	assert_int_equal(get("foo; sid=6", "sid", v, sizeof(v)), 1);
	assert_string_equal(v, "6");
}

static void test_too_long(void **state)
{
	char v[8];

	assert_int_equal(get("sid=abcdefgh", "sid", v, sizeof(v)), -1);
	assert_string_equal(v, "");
	/* exactly fits: 7 bytes and the NUL */
	assert_int_equal(get("sid=abcdefg", "sid", v, sizeof(v)), 7);
	assert_string_equal(v, "abcdefg");
	assert_int_equal(cookie_get("sid=a", "sid", v, 0), -1);
	assert_int_equal(get("sid=a", "sid", v, 1), -1);
	assert_int_equal(get("sid=", "sid", v, 1), 0);
}

static void test_illegal_chars(void **state)
{
	static const char *const bad[] = {
		"sid=a,b", "sid=a\\b", "sid=a b", "sid=a\x01", "sid=\x7f",
		"sid=a\"b", "sid=\xe4\xb8\xad", "sid=a\tb", "sid=a\r\nb",
	};
	char v[64];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (get(bad[i], "sid", v, sizeof(v)) != -1)
			fail_msg("accepted \"%s\" as \"%s\"", bad[i], v);
	/* ';' ends the value: it can never be part of it */
	assert_int_equal(get("sid=a;b", "sid", v, sizeof(v)), 1);
	assert_string_equal(v, "a");
	/* a malformed pair is skipped, a later good one is found */
	assert_int_equal(get("sid=a b; sid=good", "sid", v, sizeof(v)), 4);
	assert_string_equal(v, "good");
	/* a malformed name never matches */
	assert_int_equal(get("s(d=1", "s(d", v, sizeof(v)), -1);
}

static void test_empty_header(void **state)
{
	char v[64];

	assert_int_equal(get("", "sid", v, sizeof(v)), -1);
	assert_int_equal(get(";;; ;", "sid", v, sizeof(v)), -1);
	assert_int_equal(get(NULL, "sid", v, sizeof(v)), -1);
	assert_int_equal(get("sid=1", NULL, v, sizeof(v)), -1);
}

static void test_format(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(cookie_format(&sb, "sid", "abc", 0, -1), 0);
	assert_string_equal(sb.buf,
			    "sid=abc; Path=/; HttpOnly; SameSite=Strict");
	strbuf_reset(&sb);
	assert_int_equal(cookie_format(&sb, "sid", "abc", 1, 3600), 0);
	assert_string_equal(sb.buf,
		"sid=abc; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600");
	strbuf_reset(&sb);
	assert_int_equal(cookie_format(&sb, "sid", "", 0, 0), 0);
	assert_string_equal(sb.buf,
		"sid=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	/* appends */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "Set-Cookie: ");
	assert_int_equal(cookie_format(&sb, "a", "1", 1, -1), 0);
	assert_string_equal(sb.buf,
		"Set-Cookie: a=1; Path=/; HttpOnly; SameSite=Strict; Secure");
	strbuf_release(&sb);
}

static void test_format_rejects(void **state)
{
	static const char *const bad_names[] = {
		"", "a b", "a;b", "a=b", "a,b", "\xe4\xb8\xad", "a\nb", "(x)",
	};
	static const char *const bad_values[] = {
		"x;y", "x y", "x\"", "x,y", "x\\y", "\xe4\xb8\xad", "x\r\nSet-Cookie: a=b",
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(bad_names) / sizeof(bad_names[0]); i++)
		assert_int_equal(cookie_format(&sb, bad_names[i], "v", 1, -1), -1);
	for (i = 0; i < sizeof(bad_values) / sizeof(bad_values[0]); i++)
		assert_int_equal(cookie_format(&sb, "n", bad_values[i], 1, -1), -1);
	assert_int_equal(cookie_format(&sb, NULL, "v", 1, -1), -1);
	assert_int_equal(cookie_format(&sb, "n", NULL, 1, -1), -1);
	assert_int_equal(sb.len, 0);
	/* past the strbuf's max: nothing is written */
	strbuf_setmax(&sb, 20);
	assert_int_equal(cookie_format(&sb, "sid", "abc", 1, -1), -1);
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
}

static void test_host_prefix(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char v[64];
	const char *eq;

	assert_int_equal(cookie_format(&sb, "__Host-sid", "t0k3n_-.~", 1, 1800), 0);
	assert_string_equal(sb.buf, "__Host-sid=t0k3n_-.~; Path=/; HttpOnly; "
				    "SameSite=Strict; Secure; Max-Age=1800");
	/* what a browser sends back reads as written */
	eq = strchr(sb.buf, ';');
	assert_non_null(eq);
	sb.buf[eq - sb.buf] = '\0';
	assert_int_equal(get(sb.buf, "__Host-sid", v, sizeof(v)), 9);
	assert_string_equal(v, "t0k3n_-.~");
	/* a prefixed cookie without Secure would be dropped by browsers */
	strbuf_reset(&sb);
	assert_int_equal(cookie_format(&sb, "__Host-sid", "x", 0, -1), -1);
	assert_int_equal(cookie_format(&sb, "__secure-sid", "x", 0, -1), -1);
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_multiple),
		cmocka_unit_test(test_spaces),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_prefix_confusion),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_illegal_chars),
		cmocka_unit_test(test_empty_header),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_rejects),
		cmocka_unit_test(test_host_prefix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
