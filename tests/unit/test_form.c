/*
 * test_form.c: unit tests for src/http/form.c, hostile inputs first.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "http/form.h"

struct fixture {
	struct arena *a;
	struct form f;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (!fx)
		return -1;
	fx->a = arena_new(0);
	form_init(&fx->f, fx->a);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;

	arena_free(fx->a);
	free(fx);
	return 0;
}

static struct form *F(void **state)
{
	return &((struct fixture *)*state)->f;
}

static int parse(struct form *f, const char *s)
{
	return form_parse_urlencoded(f, s, strlen(s));
}

/* A fresh form for one case of a table-driven test. */
static void reset(void **state)
{
	struct fixture *fx = *state;

	arena_clear(fx->a);
	form_init(&fx->f, fx->a);
}

static void assert_err_contains(const struct form *f, const char *what)
{
	assert_non_null(f->err);
	if (!strstr(f->err, what))
		fail_msg("error \"%s\" lacks \"%s\"", f->err, what);
}

static void test_simple_fields(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "a=1&b=two&c_d.e-f[0]=x"), 0);
	assert_null(f->err);
	assert_int_equal(f->n, 3);
	assert_string_equal(form_get(f, "a"), "1");
	assert_string_equal(form_get(f, "b"), "two");
	assert_int_equal(f->fields[1].len, 3);
	assert_string_equal(form_get(f, "c_d.e-f[0]"), "x");
	assert_null(form_get(f, "missing"));
	assert_null(form_get(f, "A"));          /* keys are case-sensitive */
	assert_null(f->fields[0].filename);
}

static void test_chinese(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "name=%E6%B8%85%E9%A3%8E&u=%e4%b8%ad"), 0);
	assert_string_equal(form_get(f, "name"), "清风");
	assert_int_equal(f->fields[0].len, 6);
	assert_string_equal(form_get(f, "u"), "中");    /* lowercase hex */
}

static void test_plus_and_escapes(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "q=a+b%2Bc%20d&k%5B%5D=1"), 0);
	assert_string_equal(form_get(f, "q"), "a b+c d");
	assert_string_equal(form_get(f, "k[]"), "1");
	/* tab, CR and LF are allowed in a multi-line field, kept as sent */
	reset(state);
	f = F(state);
	assert_int_equal(parse(f, "text=a%09b%0D%0Ac&ext7_note=%0A"), 0);
	assert_string_equal(form_get(f, "text"), "a\tb\r\nc");
	assert_string_equal(form_get(f, "ext7_note"), "\n");
	/* and refused in a one-line field */
	reset(state);
	assert_int_equal(parse(F(state), "t=a%09b"), -1);
	assert_string_equal(F(state)->err,
			    "field \"t\": tab in a one-line field U+0009 at character 2");
	assert_int_equal(F(state)->fault.reason, TEXT_TAB);
}

static void test_empty_and_missing_equals(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "a=&b&&c=3&"), 0);
	assert_int_equal(f->n, 3);
	assert_non_null(form_get(f, "a"));
	assert_string_equal(form_get(f, "a"), "");
	assert_int_equal(f->fields[0].len, 0);
	assert_string_equal(form_get(f, "b"), "");
	assert_string_equal(form_get(f, "c"), "3");
	/* only the first '=' splits */
	reset(state);
	f = F(state);
	assert_int_equal(parse(f, "x=1=2"), 0);
	assert_string_equal(form_get(f, "x"), "1=2");
	/* nothing at all */
	reset(state);
	f = F(state);
	assert_int_equal(form_parse_urlencoded(f, "", 0), 0);
	assert_int_equal(f->n, 0);
}

static void test_repeated_keys(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "t=1&t=2&u=x&t=3"), 0);
	assert_int_equal(f->n, 4);
	assert_string_equal(form_get(f, "t"), "1");
	assert_string_equal(f->fields[0].value, "1");
	assert_string_equal(f->fields[1].value, "2");
	assert_string_equal(f->fields[3].value, "3");
	assert_string_equal(f->fields[3].key, "t");
}

static void test_length_is_not_strlen_of_input(void **state)
{
	struct form *f = F(state);
	const char buf[] = "a=1&b=2XXXX";

	/* only the first 7 bytes belong to the body */
	assert_int_equal(form_parse_urlencoded(f, buf, 7), 0);
	assert_string_equal(form_get(f, "b"), "2");
	/* an escape cut by the end is malformed, whatever follows in memory */
	reset(state);
	f = F(state);
	assert_int_equal(form_parse_urlencoded(f, "a=%41", 4), -1);
	assert_err_contains(f, "malformed percent-escape");
	reset(state);
	f = F(state);
	assert_int_equal(form_parse_urlencoded(f, "a=%41", 3), -1);
	assert_err_contains(f, "malformed percent-escape");
}

static void test_malformed_escapes(void **state)
{
	static const char *const bad[] = {
		"a=%", "a=%4", "a=%G0", "a=%4G", "a=%%41", "a=x%", "a=%-1",
		"a=% 1",
	};
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(bad); i++) {
		struct form *f;
		reset(state);
		f = F(state);
		assert_int_equal(parse(f, bad[i]), -1);
		assert_err_contains(f, "field \"a\": malformed percent-escape");
		assert_int_equal(f->n, 0);
		assert_null(form_get(f, "a"));
	}
	reset(state);
	assert_int_equal(parse(F(state), "%"), -1);
	assert_err_contains(F(state), "malformed percent-escape in field name");
	reset(state);
	assert_int_equal(parse(F(state), "a%4=1"), -1);
	assert_err_contains(F(state), "malformed percent-escape in field name");
}

static void test_nul_rejected(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "ok=1&a=x%00y"), -1);
	assert_string_equal(f->err, "field \"a\": NUL byte U+0000 at character 2");
	assert_int_equal(f->fault.reason, TEXT_NUL);
	assert_string_equal(f->fault.field, "a");
	/* the form is unusable as a whole once it failed */
	assert_null(form_get(f, "ok"));
	assert_null(form_get(f, "a"));
	/* form_add with an embedded NUL */
	reset(state);
	f = F(state);
	assert_int_equal(form_add(f, "b", "x\0y", 3), -1);
	assert_err_contains(f, "NUL byte");
	/* a NUL in a name */
	reset(state);
	f = F(state);
	assert_int_equal(parse(f, "a%00b=1"), -1);
	assert_err_contains(f, "invalid character 0x00 in field name");
}

static void test_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"a=%FF",                /* never valid */
		"a=%C0%AF",             /* overlong '/' */
		"a=%E0%80%AF",          /* overlong, 3 bytes */
		"a=%ED%A0%80",          /* UTF-16 surrogate */
		"a=%E6%B8",             /* truncated */
		"a=%B8%85",             /* continuation without lead */
		"a=%F4%90%80%80",       /* above U+10FFFF */
		"a=x%E6",               /* truncated at the end */
	};
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(bad); i++) {
		reset(state);
		assert_int_equal(parse(F(state), bad[i]), -1);
		assert_err_contains(F(state), "field \"a\": invalid UTF-8 (byte 0x");
		assert_int_equal(F(state)->fault.reason, TEXT_UTF8);
	}
}

static void test_control_chars(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "a=x%01"), -1);
	assert_string_equal(f->err,
			    "field \"a\": control character U+0001 at character 2");
	reset(state);
	assert_int_equal(parse(F(state), "a=%1B%5B2J"), -1);   /* ESC */
	assert_err_contains(F(state), "control character U+001B at character 1");
	reset(state);
	assert_int_equal(parse(F(state), "a=%7F"), -1);        /* DEL */
	assert_err_contains(F(state), "control character U+007F");
	reset(state);
	assert_int_equal(parse(F(state), "a=%C2%85"), -1);     /* C1 NEL */
	assert_err_contains(F(state), "control character U+0085");
	reset(state);
	/* U+00A0 and U+00C5 are not controls */
	assert_int_equal(parse(F(state), "a=%C2%A0%C3%85"), 0);
}

static void test_too_many_fields(void **state)
{
	struct form *f = F(state);
	char *buf = malloc(4 * (FORM_MAX_FIELDS + 1) + 1);
	size_t i;

	assert_non_null(buf);
	buf[0] = '\0';
	for (i = 0; i < FORM_MAX_FIELDS; i++)
		strcat(buf, "f=1&");
	assert_int_equal(parse(f, buf), 0);
	assert_int_equal(f->n, FORM_MAX_FIELDS);

	reset(state);
	f = F(state);
	strcat(buf, "f=1");
	assert_int_equal(parse(f, buf), -1);
	assert_string_equal(f->err, "too many fields (max 256)");
	assert_int_equal(f->n, FORM_MAX_FIELDS);
	free(buf);
}

static void test_value_limit(void **state)
{
	struct form *f = F(state);
	size_t n = FORM_MAX_VALUE + 1;
	char *buf = malloc(2 + n + 1);

	assert_non_null(buf);
	memcpy(buf, "v=", 2);
	memset(buf + 2, 'x', n);
	buf[2 + n] = '\0';
	/* exactly the limit is fine */
	assert_int_equal(form_parse_urlencoded(f, buf, 2 + n - 1), 0);
	assert_int_equal(f->fields[0].len, FORM_MAX_VALUE);

	reset(state);
	f = F(state);
	assert_int_equal(form_parse_urlencoded(f, buf, 2 + n), -1);
	assert_string_equal(f->err,
			    "field \"v\": value too long (max 65536 bytes)");

	reset(state);
	f = F(state);
	assert_int_equal(form_add(f, "v", buf + 2, n), -1);
	assert_err_contains(f, "value too long");
	free(buf);
}

static void test_bad_keys(void **state)
{
	static const struct {
		const char *in, *err;
	} cases[] = {
		{ "a+b=1", "invalid character 0x20 in field name" },
		{ "%3Cscript%3E=1", "invalid character 0x3c in field name" },
		{ "<x>=1", "invalid character 0x3c in field name" },
		{ "a\"b=1", "invalid character 0x22 in field name" },
		{ "=1", "empty field name" },
		{ "%E6%B8%85=1", "invalid character 0xe6 in field name" },
		{ "a/b=1", "invalid character 0x2f in field name" },
	};
	char longkey[FORM_MAX_KEY + 4];
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(cases); i++) {
		reset(state);
		assert_int_equal(parse(F(state), cases[i].in), -1);
		assert_string_equal(F(state)->err, cases[i].err);
	}
	memset(longkey, 'k', FORM_MAX_KEY);
	strcpy(longkey + FORM_MAX_KEY, "=1");
	reset(state);
	assert_int_equal(parse(F(state), longkey), 0);
	longkey[FORM_MAX_KEY] = 'k';
	strcpy(longkey + FORM_MAX_KEY + 1, "=1");
	reset(state);
	assert_int_equal(parse(F(state), longkey), -1);
	assert_string_equal(F(state)->err,
			    "field name too long (max 64 bytes)");
	reset(state);
	assert_int_equal(form_add(F(state), "", "x", 1), -1);
	assert_string_equal(F(state)->err, "empty field name");
}

static void test_error_is_sticky(void **state)
{
	struct form *f = F(state);
	const char *err;

	assert_int_equal(parse(f, "a=%FF"), -1);
	err = f->err;
	assert_int_equal(form_add(f, "b", "1", 1), -1);
	assert_int_equal(parse(f, "c=1"), -1);
	assert_int_equal(form_append(f, "d", NULL, "1", 1, 0), -1);
	assert_int_equal(form_finish(f), -1);
	assert_ptr_equal(f->err, err);
	assert_int_equal(f->n, 0);
	assert_null(form_get(f, "c"));
}

/* "清风" is E6 B8 85 E9 A3 8E: the pieces cut both characters. */
static void test_append_three_pieces(void **state)
{
	struct form *f = F(state);
	const char *p1 = "x\xe6\xb8", *p2 = "\x85\xe9", *p3 = "\xa3\x8ey";

	assert_int_equal(form_append(f, "name", NULL, p1, 3, 0), 0);
	assert_int_equal(form_append(f, "name", NULL, p2, 2, 3), 0);
	assert_int_equal(form_append(f, "name", NULL, p3, 3, 5), 0);
	assert_null(f->err);
	assert_int_equal(form_finish(f), 0);
	assert_int_equal(f->n, 1);
	assert_string_equal(form_get(f, "name"), "x清风y");
	assert_int_equal(f->fields[0].len, 8);
	assert_null(f->fields[0].filename);
	/* a second finish is harmless */
	assert_int_equal(form_finish(f), 0);
}

static void test_append_many_pieces_and_fields(void **state)
{
	struct form *f = F(state);
	char big[3000];
	size_t i, off = 0;

	/* 1000 x "中" fed one byte at a time: the buffer grows many times */
	for (i = 0; i < 1000; i++)
		memcpy(big + 3 * i, "\xe4\xb8\xad", 3);
	for (off = 0; off < sizeof(big); off++)
		assert_int_equal(form_append(f, "t", NULL, big + off, 1, off), 0);
	/* a new field closes the open one */
	assert_int_equal(form_append(f, "u", NULL, "", 0, 0), 0);
	assert_int_equal(form_append(f, "t", NULL, "2", 1, 0), 0);
	assert_int_equal(form_finish(f), 0);
	assert_int_equal(f->n, 3);
	assert_int_equal(f->fields[0].len, sizeof(big));
	assert_memory_equal(form_get(f, "t"), big, sizeof(big));
	assert_int_equal(strlen(form_get(f, "t")), sizeof(big));
	assert_string_equal(form_get(f, "u"), "");
	assert_string_equal(f->fields[2].value, "2");
}

static void test_append_truncated_at_end(void **state)
{
	struct form *f = F(state);

	/* the incomplete character can only be judged at the end */
	assert_int_equal(form_append(f, "a", NULL, "ok\xe6\xb8", 4, 0), 0);
	assert_null(f->err);
	assert_int_equal(form_finish(f), -1);
	assert_string_equal(f->err, "field \"a\": invalid UTF-8 (byte 0xE6) at character 3");

	/* the same when the next field starts */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a", NULL, "\xe6", 1, 0), 0);
	assert_int_equal(form_append(f, "b", NULL, "1", 1, 0), -1);
	assert_err_contains(f, "field \"a\": invalid UTF-8");
}

static void test_append_rejects_early(void **state)
{
	struct form *f = F(state);

	/* a byte that cannot start anything fails at once */
	assert_int_equal(form_append(f, "a", NULL, "x", 1, 0), 0);
	assert_int_equal(form_append(f, "a", NULL, "\xff", 1, 1), -1);
	assert_err_contains(f, "invalid UTF-8");

	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a", NULL, "x\x01", 2, 0), -1);
	assert_err_contains(f, "control character U+0001 at character 2");

	/* so does a lead byte of an overlong 2-byte form */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a", NULL, "\xc0", 1, 0), -1);
	assert_err_contains(f, "invalid UTF-8");

	/* overlong 3-byte form split over two pieces */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a", NULL, "\xe0", 1, 0), 0);
	assert_int_equal(form_append(f, "a", NULL, "\x80\xaf", 2, 1), -1);
	assert_err_contains(f, "invalid UTF-8");

	/* a surrogate split over three pieces */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a", NULL, "\xed", 1, 0), 0);
	assert_int_equal(form_append(f, "a", NULL, "\xa0", 1, 1), 0);
	assert_int_equal(form_append(f, "a", NULL, "\x80", 1, 2), -1);
	assert_err_contains(f, "invalid UTF-8");

	/* C1 control split over two pieces */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a", NULL, "\xc2", 1, 0), 0);
	assert_int_equal(form_append(f, "a", NULL, "\x9b", 1, 1), -1);
	assert_err_contains(f, "control character U+009B");
}

static void test_append_limit_and_offsets(void **state)
{
	struct form *f = F(state);
	char *buf = malloc(40000);

	assert_non_null(buf);
	memset(buf, 'x', 40000);
	assert_int_equal(form_append(f, "v", NULL, buf, 40000, 0), 0);
	assert_int_equal(form_append(f, "v", NULL, buf, 40000, 40000), -1);
	assert_string_equal(f->err,
			    "field \"v\": value too long (max 65536 bytes)");
	free(buf);

	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "v", NULL, "abc", 3, 0), 0);
	assert_int_equal(form_append(f, "v", NULL, "d", 1, 4), -1);
	assert_err_contains(f, "does not follow the 3 bytes received");

	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "v", NULL, "abc", 3, 0), 0);
	assert_int_equal(form_append(f, "w", NULL, "d", 1, 3), -1);
	assert_err_contains(f, "field \"w\": value continued at offset 3");

	/* after form_finish nothing is open */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "v", NULL, "abc", 3, 0), 0);
	assert_int_equal(form_finish(f), 0);
	assert_int_equal(form_append(f, "v", NULL, "d", 1, 3), -1);
	assert_err_contains(f, "without its start");
}

static void test_append_getters_wait_for_finish(void **state)
{
	struct form *f = F(state);

	assert_int_equal(form_append(f, "a", NULL, "1", 1, 0), 0);
	assert_int_equal(form_append(f, "b", NULL, "2", 1, 0), 0);
	assert_string_equal(form_get(f, "a"), "1");
	assert_null(form_get(f, "b"));          /* still open */
	assert_int_equal(form_finish(f), 0);
	assert_string_equal(form_get(f, "b"), "2");
}

static void test_append_filename_and_key(void **state)
{
	struct form *f = F(state);
	char longname[300];

	assert_int_equal(form_append(f, "file", "报告.txt", "hi", 2, 0), 0);
	assert_int_equal(form_finish(f), 0);
	assert_string_equal(f->fields[0].filename, "报告.txt");
	assert_string_equal(form_get(f, "file"), "hi");

	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "file", "a\nb", "hi", 2, 0), -1);
	assert_string_equal(f->err, "field \"file\", file name: line break in a one-line field U+000A at character 2");

	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "file", "\xff.txt", "hi", 2, 0), -1);
	assert_err_contains(f, "field \"file\", file name: invalid UTF-8");

	reset(state);
	f = F(state);
	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(form_append(f, "file", longname, "hi", 2, 0), -1);
	assert_err_contains(f, "file name too long");

	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "a b", NULL, "hi", 2, 0), -1);
	assert_string_equal(f->err, "invalid character 0x20 in field name");
}

static void test_append_too_many_fields(void **state)
{
	struct form *f = F(state);
	int i;

	for (i = 0; i < FORM_MAX_FIELDS; i++)
		assert_int_equal(form_append(f, "k", NULL, "1", 1, 0), 0);
	assert_int_equal(form_append(f, "k", NULL, "1", 1, 0), -1);
	assert_string_equal(f->err, "too many fields (max 256)");
}

static void test_get_trim(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "a=++x+y+&b=+++&c=z&note=%0D%0Aw%09&text=+%09%0Ax"), 0);
	assert_string_equal(form_get_trim(f, "a"), "x y");
	assert_string_equal(form_get(f, "a"), "  x y ");    /* untouched */
	assert_string_equal(form_get_trim(f, "b"), "");
	assert_string_equal(form_get_trim(f, "c"), "z");
	assert_string_equal(form_get_trim(f, "note"), "w");
	assert_string_equal(form_get_trim(f, "text"), "x");
	assert_string_equal(form_get_trim(f, "missing"), "");
	/* U+3000 (ideographic space) is not ASCII whitespace: kept */
	reset(state);
	f = F(state);
	assert_int_equal(parse(f, "a=%E3%80%80x"), 0);
	assert_string_equal(form_get_trim(f, "a"), "\xe3\x80\x80x");
}

static void test_get_bool(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "on=on&one=1&zero=0&empty=&no"), 0);
	assert_int_equal(form_get_bool(f, "on"), 1);
	assert_int_equal(form_get_bool(f, "one"), 1);
	assert_int_equal(form_get_bool(f, "zero"), 0);
	assert_int_equal(form_get_bool(f, "empty"), 0);
	assert_int_equal(form_get_bool(f, "no"), 0);
	assert_int_equal(form_get_bool(f, "absent"), 0);
}

static void test_get_int(void **state)
{
	static const struct {
		const char *v;
		int rc;
		long long want;
	} cases[] = {
		{ "42", 0, 42 },
		{ "-7", 0, -7 },
		{ "007", 0, 7 },
		{ "0", 0, 0 },
		{ "+12+", 0, 12 },      /* '+' is a space: " 12 " */
		{ "9223372036854775807", 0, LLONG_MAX },
		{ "-9223372036854775808", 0, LLONG_MIN },
		{ "9223372036854775808", -1, 0 },
		{ "-9223372036854775809", -1, 0 },
		{ "99999999999999999999999", -1, 0 },
		{ "12x", -1, 0 },
		{ "x12", -1, 0 },
		{ "", -1, 0 },
		{ "-", -1, 0 },
		{ "--1", -1, 0 },
		{ "%2B5", -1, 0 },       /* a literal '+' sign */
		{ "1+2", -1, 0 },
		{ "1.5", -1, 0 },
		{ "0x10", -1, 0 },
		{ "%EF%BC%91", -1, 0 },   /* fullwidth digit one */
	};
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(cases); i++) {
		char body[64];
		long long out = 12345;

		reset(state);
		snprintf(body, sizeof(body), "n=%s", cases[i].v);
		assert_int_equal(parse(F(state), body), 0);
		if (form_get_int(F(state), "n", &out) != cases[i].rc)
			fail_msg("form_get_int(\"%s\") != %d", cases[i].v,
				 cases[i].rc);
		if (cases[i].rc == 0)
			assert_true(out == cases[i].want);
		else
			assert_true(out == 12345);      /* untouched */
	}
	reset(state);
	{
		long long out = 5;
		assert_int_equal(form_get_int(F(state), "absent", &out), -1);
		assert_true(out == 5);
	}
}

/* Issue 8, failure 6: the forms refused C0/C1 controls but took bidi
 * overrides, noncharacters and line breaks in one-line names.  The rule is
 * now text_check's (core/text.h, tests in test_text.c); here: that form.c
 * applies it to every path with the right field kind and position. */
static void test_text_rule(void **state)
{
	struct form *f = F(state);

	assert_int_equal(parse(f, "name=invoice%E2%80%AEgpj.exe"), -1);
	assert_string_equal(f->err,
			    "field \"name\": bidirectional control character U+202E at character 8");
	assert_int_equal(f->fault.reason, TEXT_BIDI);
	assert_int_equal(f->fault.cp, 0x202e);
	assert_int_equal(f->fault.at, 8);
	assert_string_equal(f->fault.field, "name");
	assert_null(f->fault.part);

	reset(state);
	assert_int_equal(parse(F(state), "name=a%EF%BF%BF"), -1);           /* U+FFFF */
	assert_int_equal(F(state)->fault.reason, TEXT_NONCHAR);
	reset(state);
	assert_int_equal(parse(F(state), "name=a%0Ab"), -1);                /* LF */
	assert_int_equal(F(state)->fault.reason, TEXT_LINEBREAK);
	reset(state);
	assert_int_equal(parse(F(state), "name=a%E2%80%A8b"), -1);          /* U+2028 */
	assert_int_equal(F(state)->fault.reason, TEXT_LINEBREAK);
	/* a multi-line field takes the line breaks, not the bidi control */
	reset(state);
	assert_int_equal(parse(F(state), "summary=a%0D%0Ab%E2%80%A8c"), 0);
	reset(state);
	assert_int_equal(parse(F(state), "summary=a%0D%0A%E2%81%A7"), -1); /* U+2067 */
	assert_int_equal(F(state)->fault.reason, TEXT_BIDI);
	assert_int_equal(F(state)->fault.at, 4);
	/* allowed neighbours: NBSP, LRM, CJK, emoji */
	reset(state);
	assert_int_equal(parse(F(state), "name=%C2%A0%E2%80%8E%E4%B8%AD%F0%9F%98%80"), 0);
	/* a GET argument goes through form_add: the same rule */
	reset(state);
	assert_int_equal(form_add(F(state), "q", "a\xe2\x80\xae" "b", 5), -1);
	assert_int_equal(F(state)->fault.reason, TEXT_BIDI);
	/* a failure that is not the text rule leaves no fault */
	reset(state);
	assert_int_equal(parse(F(state), "a=%G1"), -1);
	assert_int_equal(F(state)->fault.reason, TEXT_OK);
}

static void test_field_flags(void **state)
{
	static const char *const multi[] = { "summary", "reason", "text", "note", "ext12_note",
					     "override_reason", "comment", "letter", "answer" };
	static const char *const one[] = { "name", "position", "q", "notes", "reasonable",
					   "_note_x", "note_", "textarea", "source_ref", "", "_" };
	size_t i;

	for (i = 0; i < QF_ARRAY_SIZE(multi); i++)
		if (form_field_flags(multi[i]) != TEXT_MULTILINE)
			fail_msg("\"%s\" should be multi-line", multi[i]);
	for (i = 0; i < QF_ARRAY_SIZE(one); i++)
		if (form_field_flags(one[i]) != TEXT_ONELINE)
			fail_msg("\"%s\" should be one line", one[i]);
	assert_int_equal(form_field_flags(NULL), TEXT_ONELINE);
}

static void test_append_text_rule(void **state)
{
	struct form *f = F(state);

	/* U+202E cut over two pieces after two CJK characters: found, and its
	 * position counts the characters of the earlier piece */
	assert_int_equal(form_append(f, "name", NULL, "中文a\xe2\x80", 9, 0), 0);
	assert_int_equal(form_append(f, "name", NULL, "\xae" "b", 2, 9), -1);
	assert_int_equal(f->fault.reason, TEXT_BIDI);
	assert_int_equal(f->fault.at, 4);
	assert_int_equal(f->fault.off, 7);
	assert_string_equal(f->err,
			    "field \"name\": bidirectional control character U+202E at character 4");
	/* an uploaded file is multi-line; its name is one line */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "file", "h.csv", "a,b\r\n\tc\n", 8, 0), 0);
	assert_int_equal(form_finish(f), 0);
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "file", "h\xe2\x80\xae.csv", "x", 1, 0), -1);
	assert_int_equal(f->fault.reason, TEXT_BIDI);
	assert_string_equal(f->fault.part, "file name");
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "file", "a\tb", "x", 1, 0), -1);
	assert_int_equal(f->fault.reason, TEXT_TAB);
	/* a one-line value sent in pieces: the LF of a later piece */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "name", NULL, "ab", 2, 0), 0);
	assert_int_equal(form_append(f, "name", NULL, "\n", 1, 2), -1);
	assert_int_equal(f->fault.reason, TEXT_LINEBREAK);
	assert_int_equal(f->fault.at, 3);
}
/* Binary files (issue 12, attachments: "the multipart path must handle
 * binary content"): after form_binary_files a file field keeps NUL, invalid
 * UTF-8 and controls as sent, past FORM_MAX_VALUE, up to the limit given,
 * and past it fails with too_large; its name and the other fields keep the
 * text rule; without it a file is text as before. */
static void test_binary_files(void **state)
{
	struct form *f = F(state);
	static const char bin[] = "\x89PNG\0\xff\x01\x1b";
	char *big = malloc(FORM_MAX_VALUE + 10);
	const struct form_field *ff;

	assert_non_null(big);
	memset(big, 0, FORM_MAX_VALUE + 10);
	form_binary_files(f, FORM_MAX_VALUE + 10);
	assert_int_equal(form_append(f, "file", "scan.png", bin, 4, 0), 0);
	assert_int_equal(form_append(f, "file", "scan.png", bin + 4, sizeof(bin) - 5, 4), 0);
	assert_int_equal(form_append(f, "note", NULL, "ok", 2, 0), 0);
	assert_int_equal(form_finish(f), 0);
	ff = form_file(f, "file");
	assert_non_null(ff);
	assert_true(ff->binary);
	assert_int_equal(ff->len, sizeof(bin) - 1);
	assert_memory_equal(ff->value, bin, sizeof(bin) - 1);
	assert_null(form_file(f, "note"));          /* not a file */
	assert_string_equal(form_get(f, "note"), "ok");

	/* larger than a text value may be, up to the limit */
	reset(state);
	f = F(state);
	form_binary_files(f, FORM_MAX_VALUE + 10);
	assert_int_equal(form_append(f, "file", "big.bin", big, FORM_MAX_VALUE + 10, 0), 0);
	assert_int_equal(form_finish(f), 0);
	assert_int_equal(form_file(f, "file")->len, FORM_MAX_VALUE + 10);
	assert_false(f->too_large);

	/* one byte past it */
	reset(state);
	f = F(state);
	form_binary_files(f, FORM_MAX_VALUE + 10);
	assert_int_equal(form_append(f, "file", "big.bin", big, FORM_MAX_VALUE + 10, 0), 0);
	assert_int_equal(form_append(f, "file", "big.bin", "x", 1, FORM_MAX_VALUE + 10), -1);
	assert_true(f->too_large);
	assert_null(form_file(f, "file"));

	/* the name and the other fields keep the text rule */
	reset(state);
	f = F(state);
	form_binary_files(f, 1000);
	assert_int_equal(form_append(f, "file", "a\nb", "x", 1, 0), -1);
	assert_false(f->too_large);
	reset(state);
	f = F(state);
	form_binary_files(f, 1000);
	assert_int_equal(form_append(f, "name", NULL, "a\0b", 3, 0), -1);

	/* without form_binary_files a file is text, as before */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "file", "scan.png", bin, sizeof(bin) - 1, 0), -1);
	assert_null(form_file(f, "file"));
	free(big);
}

/* libmicrohttpd's post processor may announce a part with (offset 0, no
 * bytes) and then hand its bytes over from offset 0 again: one field, not
 * an empty one and then the file (bench/burst.sh found it) */
static void test_append_restart_at_zero(void **state)
{
	struct form *f = F(state);
	const struct form_field *ff;
	int n = 0;

	form_binary_files(f, 1000);
	assert_int_equal(form_append(f, "files", "a.pdf", "", 0, 0), 0);
	assert_int_equal(form_append(f, "files", "a.pdf", "%PDF", 4, 0), 0);
	assert_int_equal(form_append(f, "files", "a.pdf", "-1.4", 4, 4), 0);
	assert_int_equal(form_append(f, "files", "b.png", "", 0, 0), 0);
	assert_int_equal(form_append(f, "files", "b.png", "\x89PNG", 4, 0), 0);
	assert_int_equal(form_append(f, "note", NULL, "", 0, 0), 0);
	assert_int_equal(form_append(f, "note", NULL, "ok", 2, 0), 0);
	assert_int_equal(form_finish(f), 0);
	for (int i = 0; i < f->n; i++)
		n += !strcmp(f->fields[i].key, "files");
	assert_int_equal(n, 2);
	ff = form_file(f, "files");
	assert_string_equal(ff->filename, "a.pdf");
	assert_int_equal(ff->len, 8);
	assert_memory_equal(ff->value, "%PDF-1.4", 8);
	assert_string_equal(form_get(f, "note"), "ok");

	/* a value with bytes is never continued from offset 0: a new field */
	reset(state);
	f = F(state);
	assert_int_equal(form_append(f, "k", NULL, "x", 1, 0), 0);
	assert_int_equal(form_append(f, "k", NULL, "y", 1, 0), 0);
	assert_int_equal(form_finish(f), 0);
	assert_int_equal(f->n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_simple_fields),
		T(test_chinese),
		T(test_plus_and_escapes),
		T(test_empty_and_missing_equals),
		T(test_repeated_keys),
		T(test_length_is_not_strlen_of_input),
		T(test_malformed_escapes),
		T(test_nul_rejected),
		T(test_invalid_utf8),
		T(test_control_chars),
		T(test_text_rule),
		T(test_field_flags),
		T(test_append_text_rule),
		T(test_too_many_fields),
		T(test_value_limit),
		T(test_bad_keys),
		T(test_error_is_sticky),
		T(test_append_three_pieces),
		T(test_append_many_pieces_and_fields),
		T(test_append_truncated_at_end),
		T(test_append_rejects_early),
		T(test_append_limit_and_offsets),
		T(test_append_getters_wait_for_finish),
		T(test_append_filename_and_key),
		T(test_binary_files),
		T(test_append_restart_at_zero),
		T(test_append_too_many_fields),
		T(test_get_trim),
		T(test_get_bool),
		T(test_get_int),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
