/*
 * test_json_in.c: unit tests for src/http/json_in.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "http/json_in.h"

static json_t *parse(const char *s, char *err, size_t errlen)
{
	return json_in_parse(s, strlen(s), err, errlen);
}

/* Asserts that s is refused with an error starting with `prefix`. */
static void refused(const char *s, size_t len, const char *prefix)
{
	char err[256];
	json_t *j = json_in_parse(s, len, err, sizeof(err));

	if (j) {
		json_decref(j);
		fail_msg("accepted %s", s);
	}
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		fail_msg("error \"%s\" does not start with \"%s\"", err, prefix);
}

static void test_valid_object(void **state)
{
	char err[128] = "junk";
	json_t *j = parse(" {\"name\": \"清风\", \"n\": 1, \"o\": {\"a\": [1, 2]}}\n",
			  err, sizeof(err));

	assert_non_null(j);
	assert_string_equal(err, "");
	assert_true(json_is_object(j));
	assert_string_equal(json_in_str(j, "name"), "清风");
	assert_null(json_in_str(j, "n"));       /* not a string */
	assert_null(json_in_str(j, "o"));
	assert_null(json_in_str(j, "missing"));
	assert_null(json_in_str(NULL, "name"));
	assert_int_equal(json_integer_value(json_object_get(j, "n")), 1);
	json_decref(j);

	j = parse("{}", err, sizeof(err));
	assert_non_null(j);
	assert_int_equal(json_object_size(j), 0);
	json_decref(j);
}

static void test_top_level_must_be_object(void **state)
{
	refused("[1, 2]", 6, "top-level value is not an object");
	refused("[]", 2, "top-level value is not an object");
	refused("1", 1, "line 1 column ");
	refused("\"x\"", 3, "line 1 column ");
	refused("null", 4, "line 1 column ");
	refused("", 0, "line ");
	assert_null(json_in_parse(NULL, 0, NULL, 0));
}

static void test_trailing_garbage(void **state)
{
	char err[128];
	json_t *j;
	int line, col;

	refused("{\"a\":1} x", 9, "line 1 column ");
	refused("{\"a\":1}{}", 9, "line 1 column ");
	refused("{\"a\":1},", 8, "line 1 column ");
	/* an embedded NUL: the length counts, not strlen */
	refused("{\"a\":1}\0", 8, "line 1 column ");
	/* trailing whitespace is fine */
	j = parse("{\"a\":1}\n\t \r\n", err, sizeof(err));
	assert_non_null(j);
	json_decref(j);
	/* the message locates the problem */
	assert_null(parse("{\n\"a\" 1}", err, sizeof(err)));
	assert_int_equal(sscanf(err, "line %d column %d:", &line, &col), 2);
	assert_int_equal(line, 2);
	assert_true(col > 0);
	assert_non_null(strstr(err, ": "));
}

/* "{"a":" repeated, then the innermost value, then the closing braces */
static void nested(char *buf, size_t size, int levels)
{
	int i;

	buf[0] = '\0';
	for (i = 0; i < levels - 1; i++)
		strncat(buf, i % 2 ? "[" : "{\"a\":", size - strlen(buf) - 1);
	strncat(buf, i % 2 ? "[1" : "{\"a\":1", size - strlen(buf) - 1);
	for (i = levels - 1; i >= 0; i--)
		strncat(buf, i % 2 ? "]" : "}", size - strlen(buf) - 1);
}

static void test_depth(void **state)
{
	char buf[512], err[128];
	json_t *j;

	nested(buf, sizeof(buf), JSON_IN_MAX_DEPTH);
	j = parse(buf, err, sizeof(err));
	if (!j)
		fail_msg("depth 16 refused: %s (%s)", err, buf);
	json_decref(j);

	nested(buf, sizeof(buf), JSON_IN_MAX_DEPTH + 1);
	assert_null(parse(buf, err, sizeof(err)));
	assert_string_equal(err, "nested deeper than 16 levels");

	/* deep inside the second member, after a shallow first one */
	nested(buf, sizeof(buf), JSON_IN_MAX_DEPTH);
	{
		char two[600];
		snprintf(two, sizeof(two), "{\"x\":1,\"y\":%s}", buf);
		assert_null(parse(two, err, sizeof(err)));
		assert_string_equal(err, "nested deeper than 16 levels");
	}
	/* far deeper than jansson's own limit is an error, not a crash */
	{
		static char deep[8192];
		memset(deep, '[', sizeof(deep) - 1);
		deep[0] = '{';
		deep[sizeof(deep) - 1] = '\0';
		assert_null(parse(deep, err, sizeof(err)));
	}
}

static void test_duplicate_keys(void **state)
{
	char err[128];

	assert_null(parse("{\"a\":1,\"a\":2}", err, sizeof(err)));
	assert_non_null(strstr(err, "duplicate"));
	assert_null(parse("{\"o\":{\"k\":1,\"k\":1}}", err, sizeof(err)));
	assert_non_null(strstr(err, "duplicate"));
}

static void test_nul_in_string(void **state)
{
	char err[128];

	assert_null(parse("{\"a\":\"x\\u0000y\"}", err, sizeof(err)));
	assert_non_null(strstr(err, "\\u0000"));
	assert_null(parse("{\"a\\u0000b\":1}", err, sizeof(err)));
	refused("{\"a\":\"x\0y\"}", 11, "line 1 column ");
}

static void test_invalid_utf8(void **state)
{
	refused("{\"a\":\"\xff\"}", 9, "line 1 column ");
	refused("{\"a\":\"\xc0\xaf\"}", 10, "line 1 column ");
	refused("{\"a\":\"\xed\xa0\x80\"}", 11, "line 1 column ");
	refused("{\"\xe6\xb8\":1}", 8, "line 1 column ");
}

static void test_small_err_buffer(void **state)
{
	char err[8];

	memset(err, 'Z', sizeof(err));
	assert_null(parse("[1]", err, sizeof(err)));
	assert_int_equal(strlen(err), sizeof(err) - 1);
	assert_null(parse("[1]", NULL, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_object),
		cmocka_unit_test(test_top_level_must_be_object),
		cmocka_unit_test(test_trailing_garbage),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_nul_in_string),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_small_err_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
